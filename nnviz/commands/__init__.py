"""Subcommands of the ``nnviz`` command line, one module each; none imports Qt when loaded (``report`` draws its
pictures with Qt, offscreen, only when it runs)."""

from __future__ import annotations

import argparse


class OneLineErrorParser(argparse.ArgumentParser):
    """argparse, but a bad argument is one clear line on stderr (not a usage block) and exit status 2."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def register_all(subparsers) -> None:
    from nnviz.commands import download, evaluate, report, train

    for module in (train, evaluate, download, report):
        module.register(subparsers)

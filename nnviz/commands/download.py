"""``nnviz download``: fetch the four MNIST files from the public mirrors, checksums verified."""

from __future__ import annotations

import sys


def register(subparsers) -> None:
    p = subparsers.add_parser("download", help="download MNIST (about 11 MB) into the data folder",
                              description="Download the four MNIST files, verify their checksums, and store them.")
    p.add_argument("--dir", metavar="DIR", help="where to put them (default: $NNVIZ_DATA, then the user cache folder)")
    p.set_defaults(run=run)


def run(args) -> int:
    from nnviz.data import download_mnist
    from nnviz.data.download import TerminalProgress

    folder = download_mnist(args.dir, progress=TerminalProgress(sys.stderr))
    print(f"MNIST is in {folder}")
    return 0

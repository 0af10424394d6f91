"""What `pip install .` installs: every package of nnviz (a package missing from the list installs without it,
and only a clean install, as CI makes, finds out)."""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_package_is_listed_in_pyproject():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    packages = {".".join(init.parent.relative_to(ROOT).parts) for init in (ROOT / "nnviz").rglob("__init__.py")}
    assert packages <= listed, sorted(packages - listed)

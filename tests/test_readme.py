"""The README says what a user needs before nnviz runs."""

from __future__ import annotations

from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def test_the_readme_names_the_system_libraries_qts_xcb_plugin_needs_on_a_minimal_linux():
    text = README.read_text(encoding="utf-8")
    for library in ("libxcb-icccm4", "libxcb-keysyms1", "libxcb-cursor0"):
        assert "apt install" in text and library in text, library

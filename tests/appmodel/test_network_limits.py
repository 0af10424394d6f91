"""The networks the app builds: one reading of "256,128,64" for the panel, the command line and lesson files."""

import pytest

from nnviz.appmodel.network_limits import MAX_HIDDEN_LAYERS, MAX_HIDDEN_SIZE, format_hidden, parse_hidden
from nnviz.errors import ConfigError, DataFileError
from nnviz.lessons.lesson_file import LessonFile


@pytest.mark.parametrize("text, sizes", [("256,128,64", (256, 128, 64)), (" 16 , 16 ", (16, 16)), ("", ()),
                                         ("32;8", (32, 8))])
def test_parse_hidden(text, sizes):
    assert parse_hidden(text) == sizes


@pytest.mark.parametrize("text", ["256,,64", "a,b", "0", "-3", "99999", "1.5", "1,2,3,4,5,6,7,8,9"])
def test_parse_hidden_refuses_nonsense(text):
    with pytest.raises(ConfigError):
        parse_hidden(text)


def test_format_hidden_reads_back():
    assert parse_hidden(format_hidden((256, 128, 64))) == (256, 128, 64)


def test_a_lesson_file_has_the_same_limits(tmp_path):
    too_wide = {"hidden": [MAX_HIDDEN_SIZE + 1]}
    too_deep = {"hidden": [8] * (MAX_HIDDEN_LAYERS + 1)}
    for bad in (too_wide, too_deep):
        with pytest.raises(DataFileError, match=str(MAX_HIDDEN_SIZE)):
            LessonFile.from_dict({"format": "nnviz-lesson", "version": 1, **bad})

"""The training process words the model's own error messages (network limits, missing data) from the
translators' .ts files, without Qt; status notes are worded by the window."""

from nnviz.appmodel.catalogue import load_catalogue, translator


def test_the_chinese_catalogue_has_the_models_error_messages():
    catalogue = load_catalogue("zh_CN", ["TrainingSession"])
    translate = translator(catalogue)
    assert translate("TrainingSession", "no training data: load MNIST first") != "no training data: load MNIST first"
    assert translate("TrainingSession", "at most {0} hidden layers (got {1})") != "at most {0} hidden layers (got {1})"
    assert {context for context, _ in catalogue} == {"TrainingSession"}


def test_english_and_unknown_strings_stay_as_written():
    assert load_catalogue("en") == {}
    translate = translator(load_catalogue("zh_CN"))
    assert translate("TrainingSession", "no such line {0}") == "no such line {0}"


def test_unfinished_translations_are_not_used(tmp_path):
    (tmp_path / "xx_part.ts").write_text(
        '<TS><context><name>C</name><message><source>a</source><translation type="unfinished">b</translation>'
        '</message><message><source>c</source><translation>d</translation></message></context></TS>')
    assert load_catalogue("xx", folder=tmp_path) == {("C", "c"): "d"}

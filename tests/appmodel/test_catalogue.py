"""The training process words its status lines from the translators' .ts files, without Qt."""

from nnviz.appmodel.catalogue import load_catalogue, translator


def test_the_chinese_catalogue_has_the_training_status_lines():
    catalogue = load_catalogue("zh_CN", ["TrainingSession", "TrainingWorker"])
    translate = translator(catalogue)
    assert translate("TrainingWorker", "reading MNIST…") == "正在读取 MNIST…"
    assert translate("TrainingSession", "stopped") != "stopped"
    assert {context for context, _ in catalogue} == {"TrainingSession", "TrainingWorker"}


def test_english_and_unknown_strings_stay_as_written():
    assert load_catalogue("en") == {}
    translate = translator(load_catalogue("zh_CN"))
    assert translate("TrainingSession", "no such line {0}") == "no such line {0}"


def test_unfinished_translations_are_not_used(tmp_path):
    (tmp_path / "xx_part.ts").write_text(
        '<TS><context><name>C</name><message><source>a</source><translation type="unfinished">b</translation>'
        '</message><message><source>c</source><translation>d</translation></message></context></TS>')
    assert load_catalogue("xx", folder=tmp_path) == {("C", "c"): "d"}

"""The personal-examples file: what a person taught the network, kept, exported and loaded again."""

import io
import json
import zipfile
from datetime import datetime, timedelta, timezone

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nnviz.data import personal_examples
from nnviz.data.personal_examples import FORMAT, VERSION, PersonalExample, PersonalSet
from nnviz.errors import ConfigError, DataFileError
from nnviz.nn import MLP

WHEN = datetime(2026, 5, 4, 12, 30, 15, 250000, tzinfo=timezone.utc)


def example(label=7, seed=0, strokes=2, created=WHEN):
    rng = np.random.default_rng(seed)
    lines = tuple(rng.uniform(0, 280, (int(rng.integers(1, 30)), 2)).astype(np.float32) for _ in range(strokes))
    return PersonalExample(rng.random((28, 28), dtype=np.float32), label, lines, created)


def a_set():
    return PersonalSet((example(7, 0), example(1, 1, strokes=1), example(4, 2, strokes=3, created=WHEN + timedelta(days=1))))


def assert_same(a: PersonalSet, b: PersonalSet):
    assert len(a) == len(b)
    for x, y in zip(a.examples, b.examples):
        np.testing.assert_array_equal(x.image, y.image)
        assert x.label == y.label and x.created == y.created and len(x.strokes) == len(y.strokes)
        for s, t in zip(x.strokes, y.strokes):
            np.testing.assert_array_equal(s, t)


def rewrite(path, **changes):
    """The file at ``path`` with some of its arrays replaced (``meta`` as a dict)."""
    with np.load(path, allow_pickle=False) as npz:
        arrays = {name: npz[name] for name in npz.files}
    if "meta" in changes:
        changes["meta"] = np.array(json.dumps(changes["meta"]))
    arrays.update(changes)
    np.savez(path, **{k: v for k, v in arrays.items() if v is not None})


# ---------------------------------------------------------------- round trip


def test_a_set_comes_back_exactly_as_it_was_saved(tmp_path):
    path = a_set().save(tmp_path / "mine.npz")
    assert_same(PersonalSet.load(path), a_set())


def test_an_empty_set_and_an_example_without_strokes_round_trip(tmp_path):
    assert len(PersonalSet.load(PersonalSet().save(tmp_path / "empty.npz"))) == 0
    bare = PersonalSet((PersonalExample(np.zeros(784, np.float32), 3),))
    assert_same(PersonalSet.load(bare.save(tmp_path / "bare.npz")), bare)


def test_the_file_is_small_and_safe_to_open(tmp_path):
    path = PersonalSet(tuple(example(i % 10, i) for i in range(50))).save(tmp_path / "class.npz")
    assert path.stat().st_size < 200_000  # 50 corrections: compressed, a file to mail around
    with np.load(path, allow_pickle=False) as npz:  # no pickles: loading can never run code
        meta = json.loads(str(npz["meta"]))
        assert meta == {"format": FORMAT, "version": VERSION, "examples": 50}
        assert npz["images"].shape == (50, 28, 28) and npz["images"].dtype == np.float32


def test_times_are_kept_in_utc_and_a_naive_time_is_taken_as_utc(tmp_path):
    paris = timezone(timedelta(hours=2))
    kept = PersonalSet((example(created=WHEN.astimezone(paris)), example(created=WHEN.replace(tzinfo=None))))
    back = PersonalSet.load(kept.save(tmp_path / "t.npz"))
    assert [e.created for e in back.examples] == [WHEN, WHEN]
    assert PersonalExample(np.zeros((28, 28)), 0).created.tzinfo is not None  # "now" by default


def test_the_set_gives_the_inputs_and_labels_teach_takes():
    personal = a_set()
    assert personal.images.shape == (3, 784) and personal.images.dtype == np.float32
    np.testing.assert_array_equal(personal.images[1], personal[1].image.ravel())
    np.testing.assert_array_equal(personal.labels, [7, 1, 4])
    assert PersonalSet().images.shape == (0, 784) and PersonalSet().labels.shape == (0,)


def test_adding_relabelling_and_deleting_make_new_sets_and_leave_the_old_one():
    old = a_set()
    assert old.added(example(9, 5)).labels.tolist() == [7, 1, 4, 9]
    assert old.relabelled(1, 2).labels.tolist() == [7, 2, 4]
    assert old.without(0).labels.tolist() == [1, 4]
    assert old.labels.tolist() == [7, 1, 4]
    np.testing.assert_array_equal(old.relabelled(1, 2)[1].image, old[1].image)


@pytest.mark.parametrize("make, words", [
    (lambda: PersonalExample(np.zeros((28, 28)), 10), "digit 0-9"),
    (lambda: PersonalExample(np.zeros((28, 28)), True), "digit 0-9"),
    (lambda: PersonalExample(np.zeros((27, 28)), 1), "28x28"),
    (lambda: PersonalExample(np.full((28, 28), 255.0), 1), "[0, 1]"),
    (lambda: PersonalExample(np.zeros((28, 28)), 1, (np.zeros((3, 3)),)), "(k, 2)"),
    (lambda: PersonalExample(np.zeros((28, 28)), 1, (np.zeros((0, 2)),)), "k >= 1"),
    (lambda: PersonalExample(np.zeros((28, 28)), 1, created="today"), "datetime"),
    (lambda: a_set().relabelled(0, 12), "digit 0-9"),
])
def test_an_example_that_makes_no_sense_is_refused(make, words):
    with pytest.raises(ConfigError, match=words.replace("(", r"\(").replace(")", r"\)").replace("[", r"\[")):
        make()


def test_examples_cannot_be_changed_behind_the_sets_back():
    kept = example()
    with pytest.raises(ValueError):
        kept.image[0, 0] = 1.0
    with pytest.raises(ValueError):
        kept.strokes[0][0, 0] = 1.0


# ---------------------------------------------------------------- bad files


def test_a_missing_file_a_folder_and_a_foreign_file_are_named(tmp_path):
    with pytest.raises(DataFileError, match="does not exist"):
        PersonalSet.load(tmp_path / "nowhere.npz")
    with pytest.raises(DataFileError, match="folder"):
        PersonalSet.load(tmp_path)
    (tmp_path / "notes.npz").write_text("my digits")
    with pytest.raises(DataFileError, match="not an nnviz personal-examples file"):
        PersonalSet.load(tmp_path / "notes.npz")
    MLP([784, 8, 10]).save(tmp_path / "model.npz")  # a model is an .npz too, but not a personal set
    with pytest.raises(DataFileError, match="not an nnviz personal-examples file"):
        PersonalSet.load(tmp_path / "model.npz")


def test_a_file_from_a_newer_nnviz_says_to_upgrade(tmp_path):
    path = a_set().save(tmp_path / "mine.npz")
    rewrite(path, meta={"format": FORMAT, "version": VERSION + 1, "examples": 3})
    with pytest.raises(DataFileError, match=f"newer nnviz .*version {VERSION + 1}.*upgrade"):
        PersonalSet.load(path)


@pytest.mark.parametrize("version", [0, "1", None, 1.5])
def test_a_version_nnviz_never_wrote_is_refused(tmp_path, version):
    path = a_set().save(tmp_path / "mine.npz")
    rewrite(path, meta={"format": FORMAT, "version": version, "examples": 3})
    with pytest.raises(DataFileError, match="version"):
        PersonalSet.load(path)


@pytest.mark.parametrize("changes, words", [
    ({"labels": np.array([7, 1, 12])}, "digit 0-9"),
    ({"labels": np.array([7, 1])}, "3 examples but has 2"),
    ({"labels": np.array([7.0, 1.0, 4.0])}, "whole numbers"),
    ({"images": np.zeros((3, 28, 27), np.float32)}, "do not describe"),
    ({"images": np.full((3, 28, 28), np.nan, np.float32)}, r"\[0, 1\]"),
    ({"created": np.array(["yesterday", "", "x"])}, "ISO 8601"),
    ({"stroke_offsets": np.array([0, 5, 3, 9, 12, 20, 30])}, "stroke_offsets"),
    ({"example_offsets": np.array([0, 2, 1, 6])}, "example_offsets"),
    ({"points": np.zeros((4, 3), np.float32)}, r"\(P, 2\)"),
    ({"points": None}, "points are missing"),
    ({"meta": {"format": FORMAT, "version": VERSION, "examples": 4}}, "says it holds 4"),
])
def test_inconsistent_arrays_are_reported_as_a_damaged_file(tmp_path, changes, words):
    path = a_set().save(tmp_path / "mine.npz")
    rewrite(path, **changes)
    with pytest.raises(DataFileError, match=words):
        PersonalSet.load(path)


def test_pickled_objects_are_never_loaded(tmp_path):
    path = a_set().save(tmp_path / "mine.npz")
    rewrite(path, created=np.array([object(), object(), object()], dtype=object))
    with pytest.raises(DataFileError, match="pickled"):
        PersonalSet.load(path)


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path, monkeypatch):
    path = a_set().save(tmp_path / "mine.npz")
    monkeypatch.setattr(personal_examples, "MAX_UNPACKED", 10_000)
    with pytest.raises(DataFileError, match="unpacked"):
        PersonalSet.load(path)
    with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as archive:  # the real file is far under the limit
        assert sum(i.file_size for i in archive.infolist()) < 100_000


FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def set_bytes(tmp_path_factory):
    return a_set().save(tmp_path_factory.mktemp("set") / "mine.npz").read_bytes()


@FUZZ
@given(data=st.data())
def test_a_truncated_or_bit_flipped_file_raises_our_error(tmp_path, set_bytes, damage, data):
    path = tmp_path / "damaged.npz"
    path.write_bytes(damage(data, set_bytes))
    try:
        back = PersonalSet.load(path)
    except DataFileError:
        return
    # A flip zip's CRC cannot see (an unused header field) may still load: then the set must be whole.
    assert_same(back, a_set())


def test_a_save_that_fails_midway_leaves_the_old_file_and_no_litter(tmp_path, monkeypatch):
    path = a_set().save(tmp_path / "mine.npz")
    before = path.read_bytes()

    def full_disk(handle, **arrays):
        handle.write(b"PK\x03\x04 half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(personal_examples.np, "savez_compressed", full_disk)
    with pytest.raises(DataFileError, match="No space left"):
        a_set().added(example(9, 9)).save(path)
    assert path.read_bytes() == before and [p.name for p in tmp_path.iterdir()] == ["mine.npz"]

"""A person's own examples: drawings the network misread, with the label their writer gave them.

The window keeps every correction (see ``nnviz.nn.teach``) in a personal set; it can be exported for
others to load (a class collects its handwriting) and added to training with ``nnviz train --extra FILE``.
Each example holds what the network saw, the 28x28 input as ``to_mnist`` made it, and what the person
drew, the strokes in canvas pixels, so that the drawing can be shown again or re-prepared by a later,
better ``to_mnist``.

The file is an ``.npz`` archive (compressed, read with ``allow_pickle=False``, so loading one can never
run code) holding:

    meta             JSON text: {"format": "nnviz-personal-examples", "version": 1, "examples": n}
    images           (n, 28, 28) float32 in [0, 1]
    labels           (n,) int64, 0-9
    created          (n,) ISO 8601 times in UTC, as text
    points           (P, 2) float32: every stroke's (x, y) canvas pixels (y down), one stroke after another
    stroke_offsets   (S + 1,) int64: stroke s is points[stroke_offsets[s]:stroke_offsets[s + 1]]
    example_offsets  (n + 1,) int64: example i has strokes example_offsets[i] to example_offsets[i + 1] - 1

It is written atomically (a crash never leaves half a file); anything wrong with a file to be read
raises :class:`~nnviz.errors.DataFileError` naming the file and the problem.
"""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

from nnviz.atomic_file import write_atomically
from nnviz.errors import ConfigError, DataFileError

FORMAT = "nnviz-personal-examples"
VERSION = 1
SIDE = 28
N_CLASSES = 10
MAX_BYTES = 256 * 1024 * 1024  # some 100,000 examples; a larger file is not a personal set
MAX_UNPACKED = 1024 * 1024 * 1024  # what its arrays may take once decompressed (a zip bomb is refused)
ARRAYS = ("images", "labels", "created", "points", "stroke_offsets", "example_offsets")
SUFFIX = ".npz"
TRAINING_COPIES = 10  # times each example is seen per epoch when training includes them (a handful among
# 60,000 digits would hardly be seen otherwise)


@dataclass(frozen=True, eq=False)
class PersonalExample:
    """One corrected drawing.

    image: (28, 28) float32 in [0, 1], the network's input. label: the digit its writer meant.
    strokes: (k, 2) float32 arrays of canvas (x, y) pixels, y down, one per pen stroke.
    created: when it was kept (timezone-aware; now, in UTC, if not given).
    """

    image: np.ndarray
    label: int
    strokes: tuple[np.ndarray, ...] = ()
    created: datetime = field(default_factory=lambda: datetime.now(timezone.utc))

    def __post_init__(self):
        object.__setattr__(self, "image", _checked_image(self.image))
        object.__setattr__(self, "label", _checked_label(self.label))
        object.__setattr__(self, "strokes", tuple(_checked_stroke(s) for s in self.strokes))
        if not isinstance(self.created, datetime):
            raise ConfigError(f"created must be a datetime, got {self.created!r}")
        if self.created.tzinfo is None:
            object.__setattr__(self, "created", self.created.replace(tzinfo=timezone.utc))


@dataclass(frozen=True)
class PersonalSet:
    """The examples in the order they were kept. Changes make a new set (the window's undo keeps the old)."""

    examples: tuple[PersonalExample, ...] = ()

    def __len__(self) -> int:
        return len(self.examples)

    def __getitem__(self, index: int) -> PersonalExample:
        return self.examples[index]

    @property
    def images(self) -> np.ndarray:
        """(n, 784) float32: the inputs, one row each, as the network and ``teach`` take them."""
        return np.stack([e.image.ravel() for e in self.examples]) if self.examples else np.empty((0, SIDE * SIDE), np.float32)

    @property
    def labels(self) -> np.ndarray:
        """(n,) int64."""
        return np.array([e.label for e in self.examples], np.int64)

    def added(self, example: PersonalExample) -> "PersonalSet":
        return PersonalSet(self.examples + (example,))

    def relabelled(self, index: int, label: int) -> "PersonalSet":
        examples = list(self.examples)
        examples[index] = replace(examples[index], label=label)
        return PersonalSet(tuple(examples))

    def without(self, index: int) -> "PersonalSet":
        examples = list(self.examples)
        del examples[index]
        return PersonalSet(tuple(examples))

    def save(self, path) -> Path:
        """Write the set to ``path`` atomically (see the module docstring for the layout)."""
        return write_atomically(path, lambda handle: np.savez_compressed(handle, **_arrays(self)), DataFileError)

    @classmethod
    def load(cls, path) -> "PersonalSet":
        """The set in ``path``, or a :class:`DataFileError` that says what is wrong with the file."""
        path = Path(path)
        arrays = _read(path)
        try:
            return cls(tuple(_examples(arrays)))
        except (ConfigError, DataFileError) as exc:
            raise DataFileError(f"{path} is damaged: {exc}") from None


def _arrays(personal: PersonalSet) -> dict[str, np.ndarray]:
    strokes = [s for e in personal.examples for s in e.strokes]
    lengths = [len(s) for s in strokes]
    meta = {"format": FORMAT, "version": VERSION, "examples": len(personal)}
    return {
        "meta": np.array(json.dumps(meta)),
        "images": np.stack([e.image for e in personal.examples]) if len(personal) else np.empty((0, SIDE, SIDE), np.float32),
        "labels": personal.labels,
        "created": np.array([e.created.astimezone(timezone.utc).isoformat() for e in personal.examples], dtype=str),
        "points": np.concatenate(strokes) if strokes else np.empty((0, 2), np.float32),
        "stroke_offsets": np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64),
        "example_offsets": np.concatenate([[0], np.cumsum([len(e.strokes) for e in personal.examples])]).astype(np.int64),
    }


def _read(path: Path) -> dict[str, np.ndarray]:
    """Every array of the file, after checking that it is a personal set this nnviz can read."""
    foreign = f"{path} is not an nnviz personal-examples file"
    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            if handle.read(4) != b"PK\x03\x04":
                raise DataFileError(f"{foreign} (not an .npz archive)")
            if size > MAX_BYTES:
                raise DataFileError(f"{path}: {size:,} bytes is far more than a personal set holds")
            handle.seek(0)
            content = io.BytesIO(handle.read())
        with zipfile.ZipFile(content) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED:
                raise DataFileError(f"{path}: its arrays would take more than {MAX_UNPACKED:,} bytes unpacked; "
                                    f"that is not a personal set")
        content.seek(0)
        with np.load(content, allow_pickle=False) as npz:
            if "meta" not in npz.files:
                raise DataFileError(f"{foreign} (it has no 'meta' record)")
            meta = _meta(path, npz["meta"])
            missing = [name for name in ARRAYS if name not in npz.files]
            if missing:
                raise DataFileError(f"{path} is damaged: the arrays {', '.join(missing)} are missing")
            return {"meta": meta, **{name: npz[name] for name in ARRAYS}}
    except DataFileError:
        raise
    except FileNotFoundError:
        raise DataFileError(f"personal-examples file {path} does not exist") from None
    except IsADirectoryError:
        raise DataFileError(f"{path} is a folder, not a personal-examples file") from None
    except OSError as exc:
        raise DataFileError(f"cannot read {path}: {exc.strerror or exc}") from None
    except ValueError as exc:
        if "pickle" in str(exc).lower() or "object" in str(exc).lower():
            raise DataFileError(f"{path} contains pickled Python objects, which nnviz never loads") from None
        raise DataFileError(f"{path} is damaged ({exc})") from None
    except Exception as exc:  # zipfile.BadZipFile, zlib.error, EOFError... from a damaged archive
        raise DataFileError(f"{path} is damaged or cut short ({type(exc).__name__}: {exc})") from None


def _meta(path: Path, record: np.ndarray) -> dict:
    try:
        meta = json.loads(str(record))
    except (ValueError, TypeError):
        raise DataFileError(f"{path}: its 'meta' record is not valid JSON") from None
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise DataFileError(f"{path} is not an nnviz personal-examples file "
                            f"(format {meta.get('format') if isinstance(meta, dict) else None!r})")
    version = meta.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise DataFileError(f"{path}: its format version {version!r} is not one nnviz ever wrote")
    if version > VERSION:
        raise DataFileError(f"{path} was written by a newer nnviz (personal-examples format version {version}, "
                            f"this nnviz reads version {VERSION}); upgrade nnviz to load it")
    return meta


def _examples(arrays: dict) -> list[PersonalExample]:
    images, labels, created = arrays["images"], arrays["labels"], arrays["created"]
    points, stroke_offsets, example_offsets = arrays["points"], arrays["stroke_offsets"], arrays["example_offsets"]
    n = len(labels)
    if arrays["meta"].get("examples") != n:
        raise DataFileError(f"the file says it holds {arrays['meta'].get('examples')!r} examples but has {n} labels")
    if images.shape != (n, SIDE, SIDE) or labels.shape != (n,) or created.shape != (n,):
        raise DataFileError(f"images {images.shape}, labels {labels.shape} and times {created.shape} do not "
                            f"describe the same {n} examples")
    if points.ndim != 2 or points.shape[1:] != (2,):
        raise DataFileError(f"the stroke points have shape {points.shape}, not (P, 2)")
    _check_offsets(stroke_offsets, len(points), "stroke_offsets", "points", strictly=True)
    _check_offsets(example_offsets, len(stroke_offsets) - 1, "example_offsets", "strokes", strictly=False)
    if len(example_offsets) != n + 1:
        raise DataFileError(f"example_offsets has {len(example_offsets)} entries for {n} examples")
    if labels.dtype.kind not in "iu":
        raise DataFileError(f"the labels are {labels.dtype}, not whole numbers")
    strokes = [points[a:b] for a, b in zip(stroke_offsets[:-1], stroke_offsets[1:])]
    return [PersonalExample(images[i], int(labels[i]), tuple(strokes[example_offsets[i] : example_offsets[i + 1]]),
                            _time(created[i]))
            for i in range(n)]


def _check_offsets(offsets: np.ndarray, total: int, name: str, of: str, strictly: bool) -> None:
    steps = np.diff(offsets) if offsets.ndim == 1 else None
    if (offsets.dtype.kind not in "iu" or offsets.ndim != 1 or len(offsets) == 0 or offsets[0] != 0
            or offsets[-1] != total or np.any(steps <= 0 if strictly else steps < 0)):
        raise DataFileError(f"{name} does not divide the {total} {of} in order")


def _time(text) -> datetime:
    try:
        return datetime.fromisoformat(str(text))
    except ValueError:
        raise DataFileError(f"{str(text)!r} is not an ISO 8601 time") from None


def _checked_image(image) -> np.ndarray:
    try:
        image = np.array(image, dtype=np.float32)
    except (TypeError, ValueError):
        raise ConfigError("an example's image must be 28x28 numbers") from None
    if image.shape not in ((SIDE, SIDE), (SIDE * SIDE,)):
        raise ConfigError(f"an example's image must be 28x28 (or 784 values), got shape {image.shape}")
    if not np.all(np.isfinite(image)) or image.min() < 0 or image.max() > 1:
        raise ConfigError("an example's image must hold values in [0, 1] as to_mnist makes them")
    image = image.reshape(SIDE, SIDE)
    image.flags.writeable = False
    return image


def _checked_label(label) -> int:
    if isinstance(label, (bool, np.bool_)) or not isinstance(label, (int, np.integer)) or not 0 <= label < N_CLASSES:
        raise ConfigError(f"an example's label must be a digit 0-9, got {label!r}")
    return int(label)


def _checked_stroke(stroke) -> np.ndarray:
    try:
        stroke = np.array(stroke, dtype=np.float32)
    except (TypeError, ValueError):
        raise ConfigError("a stroke must be (k, 2) numbers") from None
    if stroke.ndim != 2 or stroke.shape[1] != 2 or len(stroke) == 0 or not np.all(np.isfinite(stroke)):
        raise ConfigError(f"a stroke must be k >= 1 finite (x, y) points, shape (k, 2), got shape {stroke.shape}")
    stroke.flags.writeable = False
    return stroke

"""Reading and writing networks as ``.npz`` files that are safe to open.

Layout: arrays ``W0..W{L-1}`` and ``b0..b{L-1}`` plus ``meta``, a JSON text (never a pickle) with the
format name and version, sizes, activation, output, loss, dtype and free-form ``extra`` metadata
(training recipe, accuracy, input normalisation). Files are read with ``allow_pickle=False`` and
checked for consistency; every problem becomes a :class:`ModelFileError` that names the file.
Writes go to a temporary file in the same folder and are renamed over the target only when complete,
so a crash or a kill mid-save leaves the old file intact.

A file may carry *attachments*: arrays named ``x_...`` that travel with the network (the training timeline
of :mod:`nnviz.appmodel.timeline`) and that :func:`load_model` leaves alone; :func:`load_attachments` reads them.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import numpy as np

from nnviz.atomic_file import write_atomically
from nnviz.errors import ModelFileError, NnvizError

FORMAT = "nnviz-mlp"
VERSION = 2  # the newest format read; a file says 1 unless it has attachments (which a reader of 1 would refuse)
ATTACHMENT = "x_"  # the names of attached arrays start so


def save_model(net, path, metadata: dict | None = None, attachments: dict[str, np.ndarray] | None = None) -> Path:
    """Write ``net`` to ``path`` atomically; ``metadata`` (JSON-serialisable) is stored as ``extra``,
    ``attachments`` (names without the ``x_``) beside the network's arrays."""
    path = Path(path)
    if not np.all(np.isfinite(net.params)):
        raise ModelFileError(f"refusing to save {path}: the network has non-finite weights")
    extra = {**net.metadata, **(metadata or {})}
    meta = {
        "format": FORMAT, "version": 2 if attachments else 1, "sizes": list(net.sizes), "activation": net.activation,
        "output": net.output, "loss": net.loss_name, "dtype": net.dtype.name, "extra": extra,
    }
    try:
        meta_text = json.dumps(meta)
    except (TypeError, ValueError) as exc:
        raise ModelFileError(f"model metadata must be JSON-serialisable: {exc}") from None
    arrays = {f"W{l}": np.asarray(w) for l, w in enumerate(net.weights)}
    arrays.update({f"b{l}": np.asarray(b) for l, b in enumerate(net.biases)})
    arrays.update({ATTACHMENT + name: np.asarray(array) for name, array in (attachments or {}).items()})
    write_atomically(path, lambda handle: np.savez(handle, meta=np.array(meta_text), **arrays), ModelFileError)
    net.metadata = extra
    return path


def load_model(path, network_class):
    """The network stored in ``path``, built as ``network_class`` (:class:`~nnviz.nn.mlp.MLP`, which passes
    itself: this module knows the file, not the network), or a :class:`ModelFileError` saying what is wrong."""
    path = Path(path)
    if not path.exists():
        raise ModelFileError(f"model file {path} does not exist")
    if path.is_dir():
        raise ModelFileError(f"model file {path} is a folder, not a file")
    arrays, meta = _read(path)
    sizes = meta.get("sizes")
    if not (isinstance(sizes, list) and len(sizes) >= 2 and all(isinstance(s, int) and s >= 1 for s in sizes)):
        raise ModelFileError(f"{path}: the layer sizes in the file are invalid ({sizes!r})")
    try:
        net = network_class(
            sizes, activation=meta.get("activation", "relu"), output=meta.get("output", "softmax"),
            dtype=meta.get("dtype", "float32"), loss=meta.get("loss"), seed=0,
        )
    except (NnvizError, TypeError) as exc:
        raise ModelFileError(f"{path}: {exc}") from None
    for l in range(net.n_layers):
        for kind, target in (("W", net.weights[l]), ("b", net.biases[l])):
            name = f"{kind}{l}"
            if name not in arrays:
                raise ModelFileError(f"{path}: array {name} is missing; the file is incomplete")
            value = arrays[name]
            if value.shape != target.shape:
                raise ModelFileError(
                    f"{path}: {name} has shape {value.shape} but the layer sizes {sizes} need {target.shape}"
                )
            if value.dtype.kind != "f" or not np.all(np.isfinite(value)):
                raise ModelFileError(f"{path}: {name} holds non-finite or non-float values")
            target[...] = value
    extra_arrays = {name for name in arrays if not name.startswith(ATTACHMENT)} - {
        f"{k}{l}" for l in range(net.n_layers) for k in "Wb"}
    if extra_arrays:
        raise ModelFileError(f"{path}: unexpected arrays {sorted(extra_arrays)}; the layer sizes do not match the file")
    net.metadata = meta.get("extra") if isinstance(meta.get("extra"), dict) else {}
    return net


def load_attachments(path) -> dict[str, np.ndarray]:
    """The arrays attached to the network in ``path`` (names without the ``x_``), or a
    :class:`ModelFileError`."""
    arrays, _ = _read(Path(path))
    return {name[len(ATTACHMENT):]: array for name, array in arrays.items() if name.startswith(ATTACHMENT)}


def _read(path: Path) -> tuple[dict[str, np.ndarray], dict]:
    """All arrays and the parsed meta of an npz file, with every failure turned into ModelFileError."""
    try:
        with open(path, "rb") as handle:
            magic = handle.read(4)
    except OSError as exc:
        raise ModelFileError(f"cannot read model file {path}: {exc.strerror or exc}") from None
    if magic != b"PK\x03\x04":
        raise ModelFileError(f"{path} is not an nnviz model file (not an .npz archive)")
    try:
        # Our own handle, so that it is closed even when numpy fails half-way through the archive.
        with open(path, "rb") as handle, np.load(handle, allow_pickle=False) as npz:
            names = list(npz.files)
            if "meta" not in names:
                raise ModelFileError(f"{path} is not an nnviz model file (it has no 'meta' record)")
            arrays = {name: npz[name] for name in names}
    except ModelFileError:
        raise
    except ValueError as exc:
        if "pickle" in str(exc).lower() or "object" in str(exc).lower():
            raise ModelFileError(f"{path} contains pickled Python objects, which nnviz never loads") from None
        raise ModelFileError(f"{path} is not a valid model file ({exc})") from None
    except (OSError, EOFError, zipfile.BadZipFile, KeyError, RuntimeError, TypeError) as exc:
        raise ModelFileError(f"{path} is not a valid nnviz model file (corrupt or truncated: {exc})") from None
    except Exception as exc:  # zlib.error and friends from a damaged archive
        raise ModelFileError(f"{path} is corrupt ({type(exc).__name__}: {exc})") from None
    try:
        meta = json.loads(str(arrays.pop("meta")))
    except (ValueError, TypeError):
        raise ModelFileError(f"{path}: its 'meta' record is not valid JSON") from None
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise ModelFileError(f"{path} is not an nnviz model file (format {meta.get('format') if isinstance(meta, dict) else None!r})")
    if meta.get("version", 0) > VERSION:
        raise ModelFileError(f"{path} was written by a newer nnviz (format version {meta['version']}); upgrade nnviz")
    return arrays, meta

"""Writing a film of the window: frames (RGB arrays) in, an animated GIF or an MP4 out, encoded on a thread of
its own so that the window's grabbing stays cheap.

GIF: one palette for the whole film, chosen from its first frame (the window's colours; a steady palette
does not flicker and compresses well), each frame mapped to it without dithering; Pillow stores only the
part of each frame that changed. MP4: H.264 through the ffmpeg that ``imageio-ffmpeg`` ships, streamed
frame by frame. Frames of another size than the first (a resized window) are cropped or padded to it.
"""

from __future__ import annotations

import queue
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from nnviz.errors import DataFileError

FORMATS = (".gif", ".mp4")
MAX_GIF_FRAMES = 3000  # five minutes at 10 frames a second; a longer film should be an MP4
QUEUE_FRAMES = 64  # frames waiting for the encoder; more are dropped (and counted) rather than stall the window


@dataclass(frozen=True)
class FilmSummary:
    path: Path
    frames: int
    size: tuple[int, int]  # (width, height)
    bytes: int
    dropped: int  # frames the encoder could not keep up with


def check_film_path(path) -> Path:
    """``path`` as a film to write: a .gif or .mp4 name in a folder that exists; DataFileError otherwise (an
    MP4 also needs the ffmpeg that imageio-ffmpeg ships)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise DataFileError(f"{path.name}: a film is a .gif or an .mp4 file")
    if not path.parent.is_dir():
        raise DataFileError(f"cannot write {path}: the folder {path.parent} does not exist")
    if suffix == ".mp4":
        try:
            import imageio_ffmpeg

            imageio_ffmpeg.get_ffmpeg_exe()
        except Exception as error:  # not installed, or no binary for this machine
            raise DataFileError(f"MP4 cannot be written here ({error}); choose a .gif name instead") from None
    return path


class FilmWriter:
    """``add(frame)`` (H, W, 3) uint8 RGB, from any thread; ``close()`` finishes the file and sums it up."""

    def __init__(self, path, fps: float):
        self.path = check_film_path(path)
        self.fps = float(fps)
        self._queue: queue.Queue = queue.Queue(QUEUE_FRAMES)
        self._frames = self._dropped = 0
        self._size: tuple[int, int] | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._encode, name="nnviz-film", daemon=True)
        self._thread.start()

    def add(self, frame: np.ndarray) -> None:
        try:
            self._queue.put_nowait(frame)
        except queue.Full:
            self._dropped += 1

    def close(self) -> FilmSummary:
        self._queue.put(None)
        self._thread.join()
        if self._error is not None:
            raise DataFileError(f"could not write {self.path}: {self._error}") from self._error
        if self._frames == 0:
            raise DataFileError(f"nothing was filmed, so {self.path} was not written")
        return FilmSummary(self.path, self._frames, self._size, self.path.stat().st_size, self._dropped)

    def _encode(self) -> None:
        sink = _GifSink(self.path, self.fps) if self.path.suffix.lower() == ".gif" else None
        ended = False
        try:
            while (frame := self._queue.get()) is not None:
                if self._size is None:
                    self._size = (frame.shape[1], frame.shape[0])
                    sink = sink or _Mp4Sink(self.path, self.fps, self._size)
                if sink.add(fit(frame, self._size)):
                    self._frames += 1
            ended = True
            if self._frames:
                sink.close()
        except BaseException as error:  # reported by close(); the rest of the queue is drained and ignored
            self._error = error
            while not ended and self._queue.get() is not None:
                pass


def fit(frame: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """``frame`` cropped or padded (black) to ``size`` (width, height)."""
    width, height = size
    if frame.shape[1] == width and frame.shape[0] == height:
        return frame
    out = np.zeros((height, width, 3), np.uint8)
    h, w = min(height, frame.shape[0]), min(width, frame.shape[1])
    out[:h, :w] = frame[:h, :w]
    return out


class _GifSink:
    def __init__(self, path: Path, fps: float):
        self.path, self.duration = path, round(1000 / fps)
        self.frames: list = []
        self.palette = None

    def add(self, frame: np.ndarray) -> bool:
        from PIL import Image

        if len(self.frames) >= MAX_GIF_FRAMES:
            return False
        image = Image.fromarray(frame, "RGB")
        if self.palette is None:
            self.palette = image.quantize(255, method=Image.Quantize.MEDIANCUT)
            self.frames.append(self.palette)
        else:
            self.frames.append(image.quantize(palette=self.palette, dither=Image.Dither.NONE))
        return True

    def close(self) -> None:
        first, *rest = self.frames
        first.save(self.path, save_all=True, append_images=rest, duration=self.duration, loop=0, optimize=False)


class _Mp4Sink:
    def __init__(self, path: Path, fps: float, size: tuple[int, int]):
        import imageio_ffmpeg

        self.size = (size[0] - size[0] % 2, size[1] - size[1] % 2)  # H.264's 4:2:0 wants even sides
        self.writer = imageio_ffmpeg.write_frames(str(path), self.size, fps=fps, codec="libx264", quality=7,
                                                  macro_block_size=2, pix_fmt_out="yuv420p")
        self.writer.send(None)

    def add(self, frame: np.ndarray) -> bool:
        width, height = self.size
        self.writer.send(np.ascontiguousarray(frame[:height, :width]))
        return True

    def close(self) -> None:
        self.writer.close()

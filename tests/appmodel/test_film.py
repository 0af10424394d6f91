"""Films: frames in, a GIF or an MP4 out with every frame at the first frame's size; bad names are clear."""

from __future__ import annotations

import subprocess

import numpy as np
import pytest
from PIL import Image

from nnviz.appmodel.film import FilmWriter, check_film_path, fit
from nnviz.errors import DataFileError


def frames(n, size=(160, 90)):
    width, height = size
    for i in range(n):
        frame = np.full((height, width, 3), 20, np.uint8)
        frame[10:30, 5 * i:5 * i + 20] = (220, 60, 40)  # a square that moves
        yield frame


def test_a_gif_holds_every_frame_at_its_size(tmp_path):
    writer = FilmWriter(tmp_path / "a.gif", fps=10)
    for frame in frames(12):
        writer.add(frame)
    summary = writer.close()
    assert (summary.frames, summary.size, summary.dropped) == (12, (160, 90), 0)
    with Image.open(tmp_path / "a.gif") as gif:
        assert gif.n_frames == 12 and gif.size == (160, 90) and gif.info["duration"] == 100
        gif.seek(5)
        assert np.asarray(gif.convert("RGB"))[20, 5 * 5 + 10].tolist() == pytest.approx([220, 60, 40], abs=12)


def test_an_mp4_holds_every_frame(tmp_path):
    import imageio_ffmpeg

    writer = FilmWriter(tmp_path / "a.mp4", fps=10)
    for frame in frames(15, size=(161, 91)):  # odd sides: cut to even ones for H.264
        writer.add(frame)
    summary = writer.close()
    frames_in_file, _ = imageio_ffmpeg.count_frames_and_secs(str(tmp_path / "a.mp4"))
    probe = subprocess.run([imageio_ffmpeg.get_ffmpeg_exe(), "-i", str(tmp_path / "a.mp4")], capture_output=True,
                           text=True)
    assert summary.frames == frames_in_file == 15 and " 160x90" in probe.stderr  # odd sides cut to even ones


def test_frames_of_another_size_are_fitted_to_the_first():
    assert fit(np.ones((5, 7, 3), np.uint8), (4, 6)).shape == (6, 4, 3)
    padded = fit(np.ones((2, 3, 3), np.uint8), (4, 4))
    assert padded.shape == (4, 4, 3) and padded[3, 3].tolist() == [0, 0, 0] and padded[1, 2].tolist() == [1, 1, 1]


@pytest.mark.parametrize("name, words", [("film.avi", "a .gif or an .mp4"), ("missing/film.gif", "does not exist")])
def test_a_bad_name_is_refused_before_anything_is_filmed(tmp_path, name, words):
    with pytest.raises(DataFileError, match=words):
        check_film_path(tmp_path / name)


def test_nothing_filmed_writes_nothing(tmp_path):
    with pytest.raises(DataFileError, match="nothing was filmed"):
        FilmWriter(tmp_path / "empty.gif", fps=10).close()
    assert not (tmp_path / "empty.gif").exists()

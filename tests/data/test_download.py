"""Downloading MNIST: mirrors in turn, checksums verified, nothing partial ever under a final name.

The mirrors are HTTP servers on 127.0.0.1 serving folders: the real files (from NNVIZ_DATA), or copies
with one byte flipped, so every path runs here without a network.
"""

from __future__ import annotations

import hashlib
import http.server
import io
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from nnviz.data import download_mnist
from nnviz.data.download import DownloadProgress, TerminalProgress
from nnviz.data.mnist import FILES, TEST_IMAGES, TEST_LABELS, TRAIN_LABELS
from nnviz.errors import DownloadError

SMALL = [TRAIN_LABELS, TEST_LABELS]


class Mirror:
    """A folder served over HTTP on 127.0.0.1, remembering which paths were asked for."""

    def __init__(self, folder: Path, cut_at: float | None = None):
        """``cut_at``: hang up after that share of each file, having promised all of it (a dropped line)."""
        requested = self.requested = []

        class Handler(http.server.SimpleHTTPRequestHandler):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, directory=str(folder), **kwargs)

            def do_GET(self):
                requested.append(self.path.lstrip("/"))
                if cut_at is None:
                    return super().do_GET()
                body = (folder / self.path.lstrip("/")).read_bytes()
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body[: int(len(body) * cut_at)])
                self.wfile.flush()
                self.close_connection = True

            def log_message(self, *args):
                pass

        class Server(http.server.ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, request, client_address):
                pass  # a client that hangs up mid-file (a cancelled download) is expected here

        self.server = Server(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()


@pytest.fixture
def serve():
    mirrors = []

    def start(folder: Path, cut_at: float | None = None) -> Mirror:
        mirrors.append(Mirror(folder, cut_at))
        return mirrors[-1]

    yield start
    for mirror in mirrors:
        mirror.close()


@pytest.fixture
def corrupt_copy(tmp_path, mnist_dir) -> Path:
    """The four files with one byte flipped in the middle: right size, wrong checksum."""
    folder = tmp_path / "corrupt"
    folder.mkdir()
    for f in FILES.values():
        data = bytearray((mnist_dir / f.name).read_bytes())
        data[len(data) // 2] ^= 0xFF
        (folder / f.name).write_bytes(bytes(data))
    return folder


@pytest.fixture
def closed_port_url() -> str:
    """A URL on 127.0.0.1 where nothing listens (the port was free a moment ago)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_all_four_files_arrive_verified_after_falling_back_from_a_corrupt_mirror(serve, corrupt_copy, mnist_dir, tmp_path):
    bad, good = serve(corrupt_copy), serve(mnist_dir)
    dest = tmp_path / "dest"
    seen: list[DownloadProgress] = []

    assert download_mnist(dest, mirrors=[bad.url, good.url], progress=seen.append) == dest

    assert sorted(p.name for p in dest.iterdir()) == sorted(f.name for f in FILES.values())
    for f in FILES.values():
        assert sha256(dest / f.name) == f.sha256
    # The corrupt mirror was asked for the first file only: once the second one delivered, it went first.
    first = next(iter(FILES.values())).name
    assert bad.requested == [first]
    assert good.requested == [f.name for f in FILES.values()]


def test_progress_reports_growing_bytes_of_each_file(serve, mnist_dir, tmp_path):
    seen: list[DownloadProgress] = []
    download_mnist(tmp_path, mirrors=[serve(mnist_dir).url], progress=seen.append, files=[TEST_IMAGES, TEST_LABELS])

    images = [p for p in seen if p.file == TEST_IMAGES]
    assert len(images) > 10  # 1.6 MB in 64 kB chunks
    assert [p.bytes_done for p in images] == sorted(p.bytes_done for p in images)
    assert images[0].bytes_done == 0 and images[-1].bytes_done == images[-1].bytes_total == FILES["test_images"].size
    assert {(p.file_index, p.n_files) for p in images} == {(0, 2)}
    assert seen[-1] == DownloadProgress(TEST_LABELS, 4542, 4542, 1, 2)


def test_cancelling_mid_file_leaves_nothing_behind(serve, mnist_dir, tmp_path):
    seen = []
    with pytest.raises(DownloadError, match="cancelled"):
        download_mnist(tmp_path, mirrors=[serve(mnist_dir).url], files=[TEST_IMAGES],
                       progress=seen.append, cancel=lambda: any(p.bytes_done > 0 for p in seen))
    assert 0 < seen[-1].bytes_done < seen[-1].bytes_total
    assert list(tmp_path.iterdir()) == []


def test_a_line_dropped_midway_is_a_clear_error_and_leaves_nothing_behind(serve, mnist_dir, tmp_path):
    seen = []
    dropping = serve(mnist_dir, cut_at=0.5)
    with pytest.raises(DownloadError) as info:
        download_mnist(tmp_path, mirrors=[dropping.url], files=[TEST_LABELS], progress=seen.append, timeout=5)
    assert dropping.url in str(info.value) and "NNVIZ_DATA" in str(info.value)
    assert any(0 < p.bytes_done < p.bytes_total for p in seen)  # it did get half-way
    assert list(tmp_path.iterdir()) == []


def test_a_line_dropped_midway_falls_back_to_the_next_mirror(serve, mnist_dir, tmp_path):
    dropping, good = serve(mnist_dir, cut_at=0.5), serve(mnist_dir)
    download_mnist(tmp_path, mirrors=[dropping.url, good.url], files=[TEST_LABELS], timeout=5)
    assert sha256(tmp_path / TEST_LABELS) == FILES["test_labels"].sha256
    assert [p.name for p in tmp_path.iterdir()] == [TEST_LABELS]


def test_offline_fails_fast_naming_the_mirrors_and_nnviz_data(closed_port_url, tmp_path):
    started = time.perf_counter()
    with pytest.raises(DownloadError) as info:
        download_mnist(tmp_path, mirrors=[closed_port_url, closed_port_url + "mirror2/"], files=SMALL, timeout=2)
    message = str(info.value)
    assert closed_port_url in message and closed_port_url + "mirror2/" in message
    assert "NNVIZ_DATA" in message and TRAIN_LABELS in message
    assert time.perf_counter() - started < 10
    assert list(tmp_path.iterdir()) == []


def test_a_mirror_without_the_file_is_skipped(serve, mnist_dir, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    missing, good = serve(empty), serve(mnist_dir)
    download_mnist(tmp_path / "dest", mirrors=[missing.url, good.url], files=[TEST_LABELS], retries=5)
    assert missing.requested == [TEST_LABELS]  # a 404 is not retried
    assert sha256(tmp_path / "dest" / TEST_LABELS) == FILES["test_labels"].sha256


def test_a_corrupt_cached_file_is_fetched_again(serve, mnist_dir, tmp_path):
    (tmp_path / TRAIN_LABELS).write_bytes(b"garbage")
    download_mnist(tmp_path, mirrors=[serve(mnist_dir).url], files=[TRAIN_LABELS])
    assert sha256(tmp_path / TRAIN_LABELS) == FILES["train_labels"].sha256


def test_valid_cached_files_are_not_fetched_again(closed_port_url, mnist_dir, tmp_path):
    for name in SMALL:
        shutil.copy(mnist_dir / name, tmp_path / name)
    download_mnist(tmp_path, mirrors=[closed_port_url], files=SMALL)  # would raise if it went online


def test_a_mirror_serving_only_bad_copies_leaves_no_bad_file(serve, corrupt_copy, tmp_path):
    with pytest.raises(DownloadError, match="checksum"):
        download_mnist(tmp_path / "dest", mirrors=[serve(corrupt_copy).url], files=SMALL)
    assert list((tmp_path / "dest").iterdir()) == []


def test_temporary_files_left_by_a_killed_download_are_cleared(serve, mnist_dir, tmp_path):
    (tmp_path / f".{TEST_LABELS}.abc123.part").write_bytes(b"half a file")
    download_mnist(tmp_path, mirrors=[serve(mnist_dir).url], files=[TEST_LABELS])
    assert [p.name for p in tmp_path.iterdir()] == [TEST_LABELS]


class FakeTerminal(io.StringIO):
    def isatty(self):
        return True


def test_terminal_progress_draws_a_bar_on_a_terminal_and_nothing_in_a_log():
    events = [DownloadProgress(TEST_LABELS, done, 4542, 1, 4) for done in (0, 2000, 4542)]
    terminal, log = FakeTerminal(), io.StringIO()
    for stream in (terminal, log):
        show = TerminalProgress(stream)
        for event in events:
            show(event)
    assert log.getvalue() == ""
    screen = terminal.getvalue()
    assert screen.count("\r") == 3 and screen.endswith("\n")
    assert f"2/4 {TEST_LABELS}" in screen and "100 %" in screen and "[" + "#" * 30 + "]" in screen

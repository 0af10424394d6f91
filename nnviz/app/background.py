"""Small jobs off the GUI thread (reading the test digits, a hidden-layer map), with the answer queued back."""

from __future__ import annotations

import threading
from typing import Callable


def call_in_thread(function: Callable[[], object], deliver, name: str) -> None:
    """Run ``function`` on a plain daemon thread and emit ``deliver(result, error)`` (one of them None), which
    Qt queues to the receiver's thread. An exception is delivered, never lost; if the receiver is gone
    meanwhile (the window closed), nothing happens."""

    def run() -> None:
        try:
            result, error = function(), None
        except Exception as exc:  # handed to the receiver, which reports it
            result, error = None, exc
        try:
            deliver.emit(result, error)
        except RuntimeError:  # the receiving QObject was deleted
            pass

    threading.Thread(target=run, name=name, daemon=True).start()


def shared_loader(load: Callable[[], object]) -> Callable[[], object]:
    """``load`` run at most once, whoever asks first (the Inspect panel's views for the test digits); the
    others wait for it and get the same arrays. A failure is not remembered: after a download the next call
    tries again."""
    lock = threading.Lock()
    loaded: list = []

    def load_once():
        with lock:
            if not loaded:
                loaded.append(load())
            return loaded[0]

    return load_once

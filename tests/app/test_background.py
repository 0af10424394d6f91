"""The one helper for work off the GUI thread: results, errors, progress, cancelling, and stale runs dropped."""

from __future__ import annotations

import threading

import pytest

from nnviz.app.background import BackgroundTask, Cancelled


@pytest.fixture
def task(qapp):
    task = BackgroundTask("nnviz-test")
    yield task
    task.drop()
    task.wait(5)


def test_the_result_arrives_on_the_gui_thread(task, qtbot):
    threads = []
    task.succeeded.connect(lambda result: threads.append(threading.current_thread()))
    with qtbot.waitSignal(task.succeeded, timeout=5_000) as result:
        task.start(lambda progress: (threading.current_thread().name, 6 * 7))
    assert result.args == [("nnviz-test", 42)] and threads == [threading.main_thread()]
    assert not task.running()


def test_an_error_is_handed_over_never_lost(task, qtbot):
    with qtbot.waitSignal(task.failed, timeout=5_000) as failed:
        task.start(lambda progress: 1 / 0)
    assert isinstance(failed.args[0], ZeroDivisionError)


def test_progress_is_reported_in_order_before_the_result(task, qtbot):
    seen = []
    task.progressed.connect(lambda done, total, detail: seen.append((done, total, detail)))

    def job(progress):
        for done in range(1, 4):
            progress(done, 3, f"part {done}")
        return "done"

    with qtbot.waitSignal(task.succeeded, timeout=5_000):
        task.start(job)
    assert seen == [(1, 3, "part 1"), (2, 3, "part 2"), (3, 3, "part 3")]


def test_cancel_stops_the_job_at_its_next_report(task, qtbot):
    started, reports = threading.Event(), []

    def job(progress):
        started.set()
        while True:
            progress(len(reports), 0)
            reports.append(1)

    task.start(job)
    assert started.wait(5)
    with qtbot.waitSignal(task.cancelled, timeout=5_000):
        task.cancel()
    assert not task.running()


def test_starting_again_drops_the_run_under_way(task, qtbot):
    release = threading.Event()
    results = []
    task.succeeded.connect(results.append)
    task.start(lambda progress: (release.wait(5), "stale")[1])
    with qtbot.waitSignal(task.succeeded, timeout=5_000):
        task.start(lambda progress: "newest")
    release.set()
    assert task.wait(5)
    qtbot.wait(50)  # the stale answer, queued meanwhile, is not delivered
    assert results == ["newest"]


def test_a_dropped_run_says_nothing_more(task, qtbot):
    release = threading.Event()
    heard = []
    for signal in (task.succeeded, task.failed, task.cancelled):
        signal.connect(lambda *args: heard.append(args))
    task.start(lambda progress: (release.wait(5), progress(1, 1), "late")[2])
    task.drop()
    assert not task.running()
    release.set()
    assert task.wait(5)
    qtbot.wait(50)
    assert heard == []


def test_a_job_may_check_for_cancelling_itself(task, qtbot):
    def job(progress):
        while not progress.cancelled():
            pass
        raise Cancelled

    task.start(job)
    with qtbot.waitSignal(task.cancelled, timeout=5_000):
        task.cancel()

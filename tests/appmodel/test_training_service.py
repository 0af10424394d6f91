"""The training process's heart, driven by hand without Qt or a process: commands in, records out."""

from __future__ import annotations

import numpy as np
import pytest

from nnviz.appmodel.snapshot import Architecture, EpochResult, LossPoints, NetworkSnapshot, Note, TrainingStatus
from nnviz.appmodel.training_service import TrainingService
from nnviz.appmodel.training_session import TrainingData, TrainingSettings
from nnviz.errors import DataFileError
from nnviz.nn import TrainConfig
from toy_data import toy_data as toy_data_of

SETTINGS = TrainingSettings(Architecture(hidden=(16,)), TrainConfig(epochs=2, batch_size=16, schedule="constant"))


def toy_data() -> TrainingData:
    return toy_data_of(256)


class Outbox(list):
    def __call__(self, kind, *payload):
        self.append((kind, *payload))

    def of(self, kind):
        return [message[1] if len(message) == 2 else message[1:] for message in self if message[0] == kind]


def run_out(service: TrainingService) -> None:
    while service.next_burst_in() is not None:
        service.burst()


def test_a_run_driven_by_hand_sends_every_point_its_epochs_and_the_end():
    out = Outbox()
    service = TrainingService(out, SETTINGS, load_data=toy_data)
    service.start()  # reads the data (here at once), then starts
    run_out(service)
    points = np.concatenate([p.progress for p in out.of("points")])
    assert len(points) == 2 * 256 // 16 and all(isinstance(p, LossPoints) for p in out.of("points"))
    assert [e.epoch for e in out.of("epoch")] == [1, 2] and isinstance(out.of("epoch")[0], EpochResult)
    states = [s.state for s in out.of("status")]
    assert states[0] == "loading" and states[-1] == "finished"
    assert out.of("snapshot")[-1].step == 32 and isinstance(out.of("snapshot")[-1], NetworkSnapshot)


def test_a_paced_run_asks_for_its_bursts_later():
    service = TrainingService(Outbox(), SETTINGS, load_data=toy_data)
    service.set_speed(5.0)
    service.start()
    assert service.next_burst_in() == 0.0
    service.burst()
    assert 0.15 < service.next_burst_in() <= 0.2  # five steps a second: the next one in about 0.2 s
    service.pause()
    assert service.next_burst_in() is None


def test_reports_say_what_the_live_network_is():
    out = Outbox()
    service = TrainingService(out, SETTINGS, load_data=toy_data)
    service.step()
    service.report("config")
    service.report("network")
    service.report("training_labels")
    reports = dict(out.of("reported"))
    assert reports["config"] == SETTINGS.config and reports["network"].step == 1 and len(reports["training_labels"]) == 256


def test_missing_data_is_sent_for_the_download_dialog_and_nothing_runs():
    def missing():
        raise DataFileError("MNIST is not in /nowhere")

    out = Outbox()
    service = TrainingService(out, SETTINGS, load_data=missing)
    service.start()
    assert out.of("missing") == ["MNIST is not in /nowhere"] and service.next_burst_in() is None
    assert out.of("status")[-1] == TrainingStatus(state="idle", epochs=2, note=Note("problem", ("MNIST is not in /nowhere",)))


def test_after_shutdown_no_burst_is_due():
    service = TrainingService(Outbox(), SETTINGS, load_data=toy_data)
    service.start()
    service.shutdown()
    assert service.closed and service.next_burst_in() is None


def test_an_unknown_report_is_a_key_error():
    with pytest.raises(KeyError):
        TrainingService(Outbox(), SETTINGS).report("nonsense")


def test_a_film_asks_for_snapshots_once_a_frame_within_bounds():
    from nnviz.appmodel.training_service import MAX_PUBLISH_HZ, PUBLISH_HZ

    service = TrainingService(Outbox(), SETTINGS, load_data=toy_data)
    assert service.publish_rate() == PUBLISH_HZ
    service.set_publish_rate(10)
    assert service.publish_rate() == 10
    service.set_publish_rate(1000)
    assert service.publish_rate() == MAX_PUBLISH_HZ
    service.set_publish_rate(1)  # never less often than usual
    assert service.publish_rate() == PUBLISH_HZ
    service.set_publish_rate(None)
    assert service.publish_rate() == PUBLISH_HZ

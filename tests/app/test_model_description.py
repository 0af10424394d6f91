"""What the status bar says about the network in use, always for the network and run of now."""

from __future__ import annotations

from nnviz.app.model_description import FILE, NEW, UNTRAINED, ModelOrigin, describe

SIZES = (784, 256, 128, 64, 10)


def test_a_model_file_with_the_accuracy_it_was_saved_with():
    shipped = ModelOrigin(FILE, "mnist-mlp.npz", 0.989)
    assert describe(shipped, SIZES, 0, None) == "mnist-mlp.npz · 784-256-128-64-10 · 98.9 % on the test digits"


def test_training_in_the_window_counts_its_steps_and_drops_the_files_accuracy():
    shipped = ModelOrigin(FILE, "mnist-mlp.npz", 0.989)
    assert describe(shipped, SIZES, 3752, None) == "mnist-mlp.npz · 784-256-128-64-10 · steps trained here: 3,752"
    assert describe(shipped, SIZES, 3752, 0.9712).endswith("steps trained here: 3,752 · 97.1 % on the test digits")


def test_a_reset_network_and_an_untrained_one():
    assert describe(ModelOrigin(NEW), (784, 32, 10), 0, None) == "new network (Reset) · 784-32-10"
    assert describe(ModelOrigin(NEW), (784, 32, 10), 469, 0.91) == (
        "new network (Reset) · 784-32-10 · steps trained here: 469 · 91.0 % on the test digits")
    assert describe(ModelOrigin(UNTRAINED), (784, 32, 10), 0, None) == "untrained network · 784-32-10"

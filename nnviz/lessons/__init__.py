"""The textbook lessons as small pure-NumPy scenarios; the window draws them, the tests check their numbers.

Names are the ones ``nnviz --lesson NAME`` accepts.
"""

LESSONS = {
    "neuron": "nnviz.lessons.neuron",
    "two-layer": "nnviz.lessons.two_layer",
    "forward": "nnviz.lessons.forward",
    "fit-sine": "nnviz.lessons.fit_sine",
    "xor": "nnviz.lessons.xor",
    "optimizers": "nnviz.lessons.optimizer_race",
    "losses-activations": "nnviz.lessons.losses_activations",
}

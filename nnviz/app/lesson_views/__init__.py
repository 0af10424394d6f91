"""Qt views of the textbook lessons in :mod:`nnviz.lessons`, one per file; :data:`VIEWS` maps lesson names to them."""

from nnviz.app.lesson_views.fit_sine_view import FitSineLessonView
from nnviz.app.lesson_views.forward_view import ForwardLessonView
from nnviz.app.lesson_views.losses_activations_view import LossesActivationsLessonView
from nnviz.app.lesson_views.neuron_view import NeuronLessonView
from nnviz.app.lesson_views.optimizers_view import OptimizersLessonView
from nnviz.app.lesson_views.two_layer_view import TwoLayerLessonView
from nnviz.app.lesson_views.xor_view import XorLessonView

VIEWS = {
    "neuron": NeuronLessonView,
    "two-layer": TwoLayerLessonView,
    "forward": ForwardLessonView,
    "fit-sine": FitSineLessonView,
    "xor": XorLessonView,
    "optimizers": OptimizersLessonView,
    "losses-activations": LossesActivationsLessonView,
}

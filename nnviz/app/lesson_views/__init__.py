"""Qt views of the textbook lessons in :mod:`nnviz.lessons`, one per file; :data:`VIEWS` maps lesson names to them."""

from nnviz.app.lesson_views.fit_sine_view import FitSineLessonView
from nnviz.app.lesson_views.forward_view import ForwardLessonView
from nnviz.app.lesson_views.neuron_view import NeuronLessonView
from nnviz.app.lesson_views.xor_view import XorLessonView

VIEWS = {
    "neuron": NeuronLessonView,
    "forward": ForwardLessonView,
    "fit-sine": FitSineLessonView,
    "xor": XorLessonView,
}

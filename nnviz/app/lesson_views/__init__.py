"""Qt views of the textbook lessons in :mod:`nnviz.lessons`, one per file; :data:`VIEWS` maps lesson names to them."""

from nnviz.app.lesson_views.neuron_view import NeuronLessonView

VIEWS = {
    "neuron": NeuronLessonView,
}

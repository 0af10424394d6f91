"""How often the window redraws what training changes (stretched by the refresh budget on a slow machine)."""

# While training, the training process sends up to 5 snapshots a second. The window reads the drawing with the
# newest one 5 times a second and redraws the diagram's connections and the weight tiles twice a second:
# enough to watch it learn, and it leaves the two cores of a laptop to training (every millisecond the GUI
# thread spends drawing is one the BLAS threads may wait for; measured by bench/pen_while_training.py).
SNAPSHOT_REFRESH_S = 0.2
VIEWS_REFRESH_S = 0.5
STROKE_VIEWS_S = 1 / 30  # the diagram and heatmaps during a stroke; the prediction and bars follow every move

"""The app's model without Qt: the training session and the frozen records it publishes, the training child
process's side (the service, its loop, the snapshot board), corrections, probes, lesson settings and the
refresh budget. The window (``nnviz.app``) observes these; none of them imports Qt, so they run in the
training child and in a notebook alike."""

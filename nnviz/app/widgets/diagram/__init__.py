"""The network diagram's parts: geometry, selection, sprites and items, and the view's drawing mixins."""

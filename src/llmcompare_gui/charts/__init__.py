"""The chart figures (pyqtgraph), built from a Comparison and updated in place."""

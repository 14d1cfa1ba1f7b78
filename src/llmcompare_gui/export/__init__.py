"""Files from charts and tables: PNG, SVG, PDF and CSV, for the window and the CLI alike.

Kept free of imports here so that the CSV path needs no Qt.
"""

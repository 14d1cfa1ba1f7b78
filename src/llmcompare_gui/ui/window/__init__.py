"""The main window: its composition root, window-wide controllers, settings, theme and dialogs."""

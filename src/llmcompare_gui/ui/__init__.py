"""The window: main window, table model, calculator, chart panel, dialogs, undo commands."""

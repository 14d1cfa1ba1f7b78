"""Moving data in and out of the window: the import and export dialogs and their controllers."""

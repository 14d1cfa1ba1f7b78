"""Moving data in and out: the import dialog, the export dialog and its controller."""

"""Editing models: the add/edit form, undoable commands, exchange rates and sources."""

"""The model table: its Qt model, filter proxy, view and cell delegates."""

"""The model table: its Qt model, sort/filter proxy, view, delegates and price-date control."""

"""The cost calculator: workload knobs, presets, currency, prices as of a date, the cost list."""

"""The cost calculator: workload knobs, presets, currency choice and the cost list."""

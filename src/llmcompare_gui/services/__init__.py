"""Export and import for the window and the command line alike: one code path each.

Below ``ui`` and ``cli``, above ``domain``, ``store``, ``charts`` and ``export``:
both callers go through the same code, so a rule (a format, a size limit, a
message) is written once.
"""

"""`python -m llmcompare_gui`: the same command line as the installed `llmcompare-gui`."""

import sys

from .cli import main

sys.exit(main())

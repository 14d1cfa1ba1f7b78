"""The frozen bundle's entry point: the same command line as ``llmcompare-gui``."""

import sys

from llmcompare_gui.cli import main

if __name__ == "__main__":
    sys.exit(main())

"""The version, in one place: hatch reads it for the wheel, the app for --version and About."""

__version__ = "0.1.0"

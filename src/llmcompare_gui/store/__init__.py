"""The JSON store on disk: paths, loading with validation, migration, atomic saves."""

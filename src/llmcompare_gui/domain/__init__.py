"""The domain: data model, cost engine, token volumes and importers. No Qt here."""

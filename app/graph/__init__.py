"""Use cases above the store: loading a validated bundle and the named read queries."""

"""Open formats in and out: Popolo (import and export), W3C ORG (export), as validated models."""

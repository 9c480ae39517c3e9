"""The seed graph's size, in one place: tests that count the whole seed graph read it here."""

SEED_NODES = 145  # seed_data/README.md, "Coverage" (the reference list counts as a source)
SEED_EDGES = 248

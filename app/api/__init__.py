"""The HTTP API (FastAPI): thin routes over app.graph."""

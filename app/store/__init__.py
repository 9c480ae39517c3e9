"""The graph stores: one narrow interface (GraphStore), one adapter per engine."""

from pathlib import Path

from app.config import Settings
from app.store.base import EdgeTable, GraphStore

__all__ = ["EdgeTable", "GraphStore", "open_store"]


def open_store(settings: Settings) -> GraphStore:
    """The store the settings name (ORGMAP_BACKEND). Opening is lazy: a missing graph or an
    unreachable server is reported on first use."""
    if settings.backend == "neo4j":
        from app.store.neo4j import Neo4jStore

        return Neo4jStore(settings)
    from app.store.ladybug import LadybugStore

    return LadybugStore(Path(settings.db_path), cache_rows=settings.read_cache_rows)

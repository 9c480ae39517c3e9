"""The graph stores: one narrow interface (GraphStore), one adapter per engine, opened from one
registry of backends."""

from collections.abc import Callable
from pathlib import Path

from app.config import Settings
from app.errors import OrgMapError
from app.store.base import EdgeTable, GraphStore

__all__ = ["BACKENDS", "EdgeTable", "GraphStore", "open_store"]


def _ladybug(settings: Settings) -> GraphStore:
    from app.store.ladybug import LadybugStore  # each engine's driver is imported only when used

    return LadybugStore(Path(settings.db_path), cache_rows=settings.read_cache_rows)


def _neo4j(settings: Settings) -> GraphStore:
    from app.store.neo4j import Neo4jStore

    return Neo4jStore(settings)


BACKENDS: dict[str, Callable[[Settings], GraphStore]] = {"ladybug": _ladybug, "neo4j": _neo4j}


def open_store(settings: Settings) -> GraphStore:
    """The store the settings name (ORGMAP_BACKEND), to use as a context manager. Opening is
    lazy: a missing graph or an unreachable server is reported on first use."""
    try:
        opener = BACKENDS[settings.backend]
    except KeyError:
        known = ", ".join(BACKENDS)
        raise OrgMapError(f"unknown backend '{settings.backend}'; known: {known}") from None
    return opener(settings)

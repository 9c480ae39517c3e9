"""Saved maps as the store keeps them: one record per map (its id, and the map as JSON text)
beside the graph, kept by every load. What a map shows is app/viz/saved_maps.py's business."""

from app.model.saved_maps import SavedMap
from app.store.base import GraphStore


def saved_maps(store: GraphStore) -> list[SavedMap]:
    """Every saved map, in id order."""
    return [SavedMap.model_validate_json(row["value"]) for row in store.run("saved_maps", {})]


def saved_map(store: GraphStore, map_id: str) -> SavedMap | None:
    rows = store.run("saved_map", {"id": map_id})
    return SavedMap.model_validate_json(rows[0]["value"]) if rows else None


def put_saved_map(store: GraphStore, saved: SavedMap) -> None:
    """Save the map, replacing the one of the same id."""
    value = saved.model_dump_json(include=set(SavedMap.model_fields))  # not a read's extras
    store.write("put_saved_maps", {"rows": [{"id": saved.id, "value": value}]})


def delete_saved_map(store: GraphStore, map_id: str) -> None:
    store.write("delete_saved_map", {"id": map_id})

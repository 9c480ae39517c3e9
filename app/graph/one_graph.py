"""Answers from one graph: an answer takes several statements, and a load may swap the graph
in between (on LadybugDB a reader reopens the new file on its next statement; on Neo4j, whose
isolation is read committed, a statement running while a load's commit is applied can see part
of it). So the graph's revision is read before and after an answer, and an answer that spans
a swap is made again: a reader gets the old graph's answer or the new one's, never a mix."""

from collections.abc import Callable
from typing import TypeVar

from app import deadline
from app.errors import GraphChangedError
from app.store.base import GraphStore

T = TypeVar("T")
ATTEMPTS = 4  # swaps are seconds apart at the very least: a fourth in a row means a storm


def revision(store: GraphStore) -> str | None:
    rows = store.run("graph_revision", {})
    return str(rows[0]["revision"]) if rows else None


def from_one_graph(store: GraphStore, answer: Callable[[], T]) -> T:
    """`answer()`, made again while the graph's revision changed under it."""
    for _ in range(ATTEMPTS):
        before = revision(store)
        made = answer()
        if revision(store) == before:
            return made
        deadline.check("the answer")
    raise GraphChangedError(
        f"the graph was replaced while the answer was made, {ATTEMPTS} times; ask again"
    )

"""Answers from one graph: an answer takes several statements, and a load may swap the graph
in between (on LadybugDB a reader reopens the new file on its next statement; on Neo4j, whose
isolation is read committed, a statement running while a load's commit is applied can see part
of it). So the graph's revision is read before and after an answer, and an answer that spans
a swap is made again: a reader gets the old graph's answer or the new one's, never a mix."""

from collections.abc import Callable
from contextvars import ContextVar
from typing import TypeVar

from app import deadline
from app.errors import GraphChangedError
from app.store.base import GraphStore

T = TypeVar("T")
ATTEMPTS = 4  # swaps are seconds apart at the very least: a fourth in a row means a storm
# Set while an answer is being checked: one made inside it (a map asks catalogue questions) is
# covered by the outer check, which makes the whole again; checking it too would only cost two
# statements more per inner answer (two round trips on a server).
_checking: ContextVar[bool] = ContextVar("orgmap_one_graph_checking", default=False)


def revision(store: GraphStore) -> str | None:
    rows = store.run("graph_revision", {})
    return str(rows[0]["revision"]) if rows else None


def from_one_graph(store: GraphStore, answer: Callable[[], T]) -> T:
    """`answer()`, made again while the graph's revision changed under it."""
    if _checking.get():
        return answer()
    token = _checking.set(True)
    try:
        for _ in range(ATTEMPTS):
            before = revision(store)
            made = answer()
            if revision(store) == before:
                return made
            deadline.check("the answer")
    finally:
        _checking.reset(token)
    raise GraphChangedError(
        f"the graph was replaced while the answer was made, {ATTEMPTS} times; ask again"
    )

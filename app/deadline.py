"""The time budget of the work in hand: one API request, one CLI command.

The budget lives in a context variable rather than in every signature, so that each statement a
store runs is bounded by what is left of it (the engines are told the remaining time and stop
there), and so are the Python loops that check it between statements. FastAPI copies the
context into the thread a route runs in. Without a budget nothing is bounded: notebooks and
tests that call the use cases directly run to the end.
"""

import contextlib
import time
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass

from app.errors import QueryTimeoutError


@dataclass(frozen=True)
class Deadline:
    until: float  # time.monotonic()
    seconds: float  # the whole budget, for messages


_current: ContextVar[Deadline | None] = ContextVar("orgmap_deadline", default=None)


@contextlib.contextmanager
def within(seconds: float) -> Iterator[Deadline]:
    """Bound the work inside to `seconds` (an inner budget replaces an outer one)."""
    deadline = Deadline(time.monotonic() + seconds, seconds)
    token = _current.set(deadline)
    try:
        yield deadline
    finally:
        _current.reset(token)


def current() -> Deadline | None:
    return _current.get()


def remaining() -> float | None:
    """Seconds left (at most 0), or None when no budget is set."""
    deadline = _current.get()
    return None if deadline is None else max(0.0, deadline.until - time.monotonic())


def check(what: str = "the query") -> None:
    """Raise QueryTimeoutError once the budget is spent."""
    deadline = _current.get()
    if deadline is not None and time.monotonic() >= deadline.until:
        raise exceeded(what, deadline.seconds)


def exceeded(what: str, seconds: float | None = None) -> QueryTimeoutError:
    if seconds is None:
        deadline = _current.get()
        seconds = deadline.seconds if deadline else 0.0
    return QueryTimeoutError(
        f"{what} ran past {seconds:g} s; narrow it (fewer types, a smaller depth or length, "
        "an as_of date, a smaller page)"
    )

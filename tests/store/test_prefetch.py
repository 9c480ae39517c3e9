"""The prefetching iterator a bulk load uses to build the next table while copying this one."""

import threading
import time
from collections.abc import Iterator

import pytest

from app.store.prefetch import prefetched


def test_items_arrive_in_order_and_all_of_them() -> None:
    assert list(prefetched(iter(range(100)), ahead=2)) == list(range(100))


def test_the_next_item_is_built_while_the_caller_works_on_this_one() -> None:
    built: list[int] = []

    def items() -> Iterator[int]:
        for number in range(10):
            built.append(number)
            yield number

    taken = prefetched(items(), ahead=1)
    assert next(taken) == 0
    deadline = time.monotonic() + 5
    while len(built) < 3 and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.1)
    assert built == [0, 1, 2]  # 1 waits to be taken, 2 waits to be queued; no more
    assert list(taken) == list(range(1, 10))


def test_an_error_while_building_reaches_the_caller_after_the_items_before_it() -> None:
    def items() -> Iterator[int]:
        yield 1
        raise ValueError("bad table")

    taken = prefetched(items())
    assert next(taken) == 1
    with pytest.raises(ValueError, match="bad table"):
        next(taken)


def test_a_caller_that_stops_early_stops_the_builder() -> None:
    built: list[int] = []

    def items() -> Iterator[int]:
        for number in range(1000):
            built.append(number)
            yield number

    before = threading.active_count()
    taken = prefetched(items())
    assert next(taken) == 0
    taken.close()  # what a failed COPY does to the loop that takes tables
    assert threading.active_count() == before
    assert len(built) <= 3

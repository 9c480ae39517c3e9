"""Build the next item on a worker thread while the caller works on this one.

A bulk load alternates Arrow conversion (building a table) and the engine's COPY (writing
it); both release the GIL, so on two cores the one hides behind the other.
"""

import queue
import threading
from collections.abc import Generator, Iterable
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class _Failed:
    error: BaseException


_END = object()


def prefetched(items: Iterable[T], ahead: int = 1) -> Generator[T, None, None]:
    """The items of `items`, in order, built ahead of the taker: `ahead` wait in a queue and
    one more in the builder's hand. An error while building is raised to the taker, after the
    items built before it; a taker that stops early stops the builder."""
    ready: queue.Queue[object] = queue.Queue(maxsize=ahead)
    stop = threading.Event()

    def offer(item: object) -> bool:
        while not stop.is_set():
            try:
                ready.put(item, timeout=0.05)
                return True
            except queue.Full:
                continue
        return False

    def build() -> None:
        try:
            for item in items:
                if not offer(item):
                    return
                del item  # the taker's reference is the only one: freed once it is done
            offer(_END)
        except BaseException as exc:  # handed over: the taker raises it
            offer(_Failed(exc))

    builder = threading.Thread(target=build, name="orgmap-prefetch", daemon=True)
    builder.start()
    try:
        while True:
            item = ready.get()
            if item is _END:
                return
            if isinstance(item, _Failed):
                raise item.error
            yield item  # type: ignore[misc]  # only T and the two markers are ever queued
            del item
    finally:
        stop.set()
        builder.join()

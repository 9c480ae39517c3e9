"""How long-running work reports progress: a callback of (what, done, total)."""

from collections.abc import Callable

Progress = Callable[[str, int, int], None]

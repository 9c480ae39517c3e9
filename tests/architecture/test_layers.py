"""The layers of the house, from the top: every import in app/ points down or sideways within
its own floor, never up. A short check over the source instead of a configuration file: it
reads each module's imports (also those inside functions) with the ast module."""

import ast
from pathlib import Path

import app

APP = Path(app.__file__).resolve().parent

# Each floor may import its own and every floor below it; the last holds what all share.
FLOORS: list[set[str]] = [
    {"cli", "api", "analysis", "synthetic"},
    {"interop"},
    {"viz"},
    {"graph"},
    {"ingest", "store"},
    {"model", "config", "errors", "progress", "deadline"},
]
# Siblings on one floor that must not know each other.
APART = [("ingest", "store")]


def _part(module: str) -> str | None:
    """The top-level part of app a dotted module name lies in (None: outside app)."""
    parts = module.split(".")
    return parts[1] if parts[0] == "app" and len(parts) > 1 else None


def _floor(part: str) -> int:
    return next(i for i, floor in enumerate(FLOORS) if part in floor)


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
            found += [(node.lineno, f"{node.module}.{a.name}") for a in node.names]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
    return found


def _arrows_up() -> list[str]:
    wrong = []
    for path in sorted(APP.rglob("*.py")):
        module = ".".join(path.relative_to(APP.parent).with_suffix("").parts)
        here = _part(module.removesuffix(".__init__"))
        if here is None:  # app/__init__.py
            continue
        for line, imported in _imports(path):
            there = _part(imported)
            if there is None or there == here or there not in set().union(*FLOORS):
                continue
            up = _floor(there) < _floor(here)
            apart = (here, there) in APART or (there, here) in APART
            if up or apart:
                wrong.append(f"{path.relative_to(APP.parent)}:{line}: {here} imports {imported}")
    return sorted(set(wrong))


def test_every_part_of_app_has_a_floor() -> None:
    parts = {p.stem if p.is_file() else p.name for p in APP.iterdir() if not p.name.startswith("_")}
    parts = {p for p in parts if (APP / p).is_dir() or (APP / f"{p}.py").is_file()}
    assert parts - {"py"} <= set().union(*FLOORS), parts - set().union(*FLOORS)


def test_no_import_runs_back_up_the_house() -> None:
    assert _arrows_up() == []

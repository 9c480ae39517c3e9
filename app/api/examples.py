"""Example requests and answers for the OpenAPI document.

The answers are real answers from the seed graph, with every list cut to its first two items.
Regenerate them after a change to the seed data or a response model with

    .venv/bin/python -m app.api.examples

(it loads seed_data/ into a temporary database). The tests check every example still fits its
response model and that every endpoint has one.
"""

import json
import tempfile
from pathlib import Path
from typing import Any

EXAMPLES_FILE = Path(__file__).with_name("examples.json")


def examples() -> dict[str, Any]:
    if not EXAMPLES_FILE.is_file():
        return {}
    loaded: dict[str, Any] = json.loads(EXAMPLES_FILE.read_text(encoding="utf-8"))
    return loaded


def example_for(name: str) -> Any:
    return examples().get(name)


def example_id(name: str) -> str:
    from app.graph.catalogue import CATALOGUE

    return CATALOGUE[name].example[0] or "org-tem"


def _shorten(value: Any) -> Any:
    if isinstance(value, list):
        return [_shorten(v) for v in value[:2]]
    if isinstance(value, dict):
        return {k: _shorten(v) for k, v in value.items()}
    return value


def _generate() -> dict[str, Any]:
    # Imported here: generating examples needs the loader, serving them does not.
    from app.config import PROJECT_ROOT, get_settings
    from app.graph.catalogue import CATALOGUE, ask, budget
    from app.graph.load import load_bundle
    from app.ingest.seed_files import validate_directory
    from app.store import open_store

    settings = get_settings()
    report = validate_directory(PROJECT_ROOT / "seed_data", settings.sources_dir)
    assert report.bundle is not None, report.problems
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(settings.model_copy(update={"db_path": Path(folder) / "ex.lbug"}))
        load_bundle(store, report.bundle, "seed_data")
        answers = {}
        for name, entry in CATALOGUE.items():
            entity_id, params = entry.example
            answer = ask(store, name, entity_id, params, budget(settings))
            answers[name] = _shorten(answer.model_dump(mode="json", by_alias=True))
        store.close()
    return answers


if __name__ == "__main__":
    EXAMPLES_FILE.write_text(
        json.dumps(_generate(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    print(f"wrote {EXAMPLES_FILE}")  # noqa: T201

"""Example answers for the OpenAPI document: real answers from the seed graph, shortened.

Regenerate with `python -m app.api.examples` after a load of seed_data/; the tests check that
every example still fits its response model.
"""

import json
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

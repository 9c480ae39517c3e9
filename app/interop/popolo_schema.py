"""The official Popolo JSON Schemas (draft 3, copied unchanged into popolo_schemas/) and the
check of one record against them, as short problems: the JSON path of the bad field
(`identifiers.0`, `links.0.url`) and what is wrong with it.

`format` (uri, email, date-time) is left unasserted, as JSON Schema does by default: its
checkers depend on optional packages, and the `uri` one refuses the Wikipedia links with
non-ASCII letters that real files carry (the Nigerian Senate file has seven).
"""

import functools
import json
from pathlib import Path
from typing import TYPE_CHECKING

from referencing import Registry
from referencing.jsonschema import DRAFT3

from app.interop.json_records import json_kind

if TYPE_CHECKING:
    from jsonschema import Draft3Validator, ValidationError

SCHEMAS_DIR = Path(__file__).with_name("popolo_schemas")
MAX_PROBLEMS_PER_RECORD = 10
_ARTICLE = {"object": "an object", "array": "an array", "integer": "an integer", "null": "null"}


@functools.cache
def validators(directory: Path = SCHEMAS_DIR) -> dict[str, "Draft3Validator"]:
    """A validator per schema, by file stem (`person`, `membership`, …). `$ref`s resolve among
    the files of `directory` only: the registry has no way to fetch, so none goes online."""
    # Imported on first use: with the optional format packages installed (the notebooks
    # extra brings them) jsonschema takes seconds to import, and most commands read no Popolo.
    from jsonschema import Draft3Validator

    schemas = {
        path.stem: json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(directory.glob("*.json"))
    }
    registry: Registry = Registry().with_resources(
        (schema["id"], DRAFT3.create_resource(schema)) for schema in schemas.values()
    )
    return {name: Draft3Validator(schema, registry=registry) for name, schema in schemas.items()}


def schema_problems(data: object, schema: str) -> list[tuple[str, str]]:
    """(field path, message) for each way `data` breaks the schema, at most
    MAX_PROBLEMS_PER_RECORD and then one line counting the rest; the path is "" for the
    record itself."""
    errors = list(validators()[schema].iter_errors(data))
    problems = [(".".join(map(str, e.absolute_path)), _message(e)) for e in errors]
    if len(problems) > MAX_PROBLEMS_PER_RECORD:
        rest = len(problems) - MAX_PROBLEMS_PER_RECORD
        problems[MAX_PROBLEMS_PER_RECORD:] = [("", f"{rest} more problems in this record")]
    return problems


def clip(text: str, limit: int = 60) -> str:
    """`text`, cut to `limit` characters: a message quotes a value, never a whole record."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _message(error: "ValidationError") -> str:
    if error.validator == "required":
        return "required field is missing"
    if error.validator == "type":
        expected = error.validator_value
        names = [_type_name(t) for t in (expected if isinstance(expected, list) else [expected])]
        return f"expected {' or '.join(names)}, not {json_kind(error.instance)}"
    if error.validator == "pattern":
        return f"'{clip(str(error.instance))}' does not match {error.validator_value}"
    return clip(error.message, 200)


def _type_name(json_type: object) -> str:
    if not isinstance(json_type, str):  # draft 3 allows a schema among the types
        return "another shape"
    return _ARTICLE.get(json_type, f"a {json_type}")

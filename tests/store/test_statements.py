"""Named queries: loaded by name, their parameters checked, each run on the embedded engine."""

import re
from pathlib import Path

import pytest

from app.errors import QueryError
from app.model.vocabulary import Label, RelType
from app.store import statements
from app.store.internal import ENTITY_LABEL, INDEX_LABEL, INTERNAL_LABELS, META_LABEL
from app.store.statements import CYPHER_DIR, declared_parameters, parameters_of
from app.store.statements import statement as query


def test_every_query_file_has_a_header_comment_and_one_statement() -> None:
    for path in sorted((CYPHER_DIR / "queries").glob("*.cypher")):
        text = path.read_text(encoding="utf-8")
        assert text.startswith("// "), path.name
        body = statements.strip_comments(text).strip().rstrip(";")
        assert ";" not in body, f"{path.name} holds more than one statement"


def test_shared_and_embedded_forms_take_the_same_parameters() -> None:
    for path in sorted((CYPHER_DIR / "queries").glob("*.ladybug.cypher")):
        shared = path.with_name(path.name.replace(".ladybug", ""))
        assert shared.is_file(), f"{path.name} overrides nothing"
        assert parameters_of(path.read_text()) == parameters_of(shared.read_text()), path.name


def test_parameters_ignore_comments_and_strings() -> None:
    text = "// $not_this\nMATCH (n {id: $id}) WHERE n.x = '$nor_this' RETURN n /* $no */"
    assert parameters_of(text) == {"id"}


def test_binding_checks_missing_and_unexpected_parameters() -> None:
    entities = query("entities", "ladybug")
    with pytest.raises(QueryError, match="query 'entities': missing limit, skip; unexpected x"):
        entities.bind({"label": None, "kind": None, "x": 1})


def test_unknown_query_lists_the_known_ones() -> None:
    with pytest.raises(QueryError, match="unknown query 'nope'; known: busiest_members, "):
        query("nope", "ladybug")


def test_the_catalogue_does_not_depend_on_the_working_directory(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    query.cache_clear()
    assert query("meta", "ladybug").text.startswith("// meta")


def test_slots_take_only_the_vocabulary() -> None:
    entity = query("entity", "ladybug")
    assert entity.slots == {"label"}
    with pytest.raises(QueryError, match="must be rendered first"):
        entity.bind({"id": "org-tem"})
    rendered = entity.render(label=Label.POST)
    assert "MATCH (n:Post {id: $id})" in rendered.text
    with pytest.raises(ValueError, match="is not a valid Label"):
        entity.render(label="Post) DETACH DELETE (n")  # type: ignore[arg-type]
    with pytest.raises(QueryError, match=r"has slots \['label'\], given \['label', 'types'\]"):
        entity.render(label=Label.POST, types=[RelType.STEERS])
    expand = query("expand_out", "ladybug").render(
        label=Label.ORGANIZATION, types=[RelType.STEERS, RelType.PART_OF]
    )
    assert "-[r:STEERS|PART_OF]->" in expand.text


def test_every_statement_declares_the_parameters_it_uses() -> None:
    """The `// Params:` header is what Neo4j's linter is told; it must match the text."""
    for path in sorted(CYPHER_DIR.glob("*/*.cypher")):
        if path.parent.name == "schema":
            continue
        text = path.read_text(encoding="utf-8")
        assert declared_parameters(text) == parameters_of(text), path.name


def test_the_store_s_own_labels_are_spelled_only_in_app_store_internal() -> None:
    """Cypher files name them by slot; a file read through the store has them filled in."""
    spelled = re.compile(rf"\b({'|'.join((*INTERNAL_LABELS, ENTITY_LABEL))})\b")
    for path in sorted(CYPHER_DIR.glob("*/*.cypher")):
        if path.name == "ladybug.cypher":  # generated from app/store/internal.py's names
            continue
        assert not spelled.findall(path.read_text(encoding="utf-8")), path.name
    meta = query("meta", "neo4j")
    assert f"(m:{META_LABEL})" in meta.text and not meta.slots
    scan = query("entities", "ladybug")
    assert f"['{META_LABEL}', '{INDEX_LABEL}']" in scan.text

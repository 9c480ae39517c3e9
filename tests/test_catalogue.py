"""Named queries: loaded by name, their parameters checked, each run on the embedded engine."""

from pathlib import Path

import pytest

from app.errors import QueryError
from app.graph import catalogue
from app.graph.catalogue import CYPHER_DIR, parameters_of, query, query_names
from app.store.ladybug import LadybugStore

# Parameters that make each query return something from the seed graph.
ANY_TIME: dict[str, object] = {"valid_lo": "0001-01-01", "valid_hi": "9999-12-31"}
GROUPS = ["management_group", "forum", "informal_group", "preparatory_group", "network"]
EXAMPLES: dict[str, dict[str, object]] = {
    "entities_by_id": {"ids": ["grp-tem-virkamiesjohtoryhma", "org-nope"]},
    "entities": {"label": "Post", "kind": "chair", "skip": 0, "limit": 10},
    "entities_count": {"label": "", "kind": "management_group"},
    "expand_out": {
        "ids": ["org-tem"],
        "types": ["STEERS"],
        "qualifiers": ["administrative"],
        "limit": 10,
        **ANY_TIME,
    },
    "expand_in": {
        "ids": ["org-tem"],
        "types": ["POST_IN"],
        "qualifiers": [],
        "limit": 10,
        **ANY_TIME,
    },
    "id_candidates": {"prefix": "org-te", "limit": 10},
    "search": {"q": "tem", "label": "", "kind": "", "skip": 0, "limit": 5, **ANY_TIME},
    "search_count": {"q": "tem", "label": "Organization", "kind": "", **ANY_TIME},
    "unchaired_groups": {"kinds": GROUPS, **ANY_TIME},
    "interlocks": {"kinds": GROUPS, "min_shared": 2, **ANY_TIME},
    "busiest_members": {"kinds": GROUPS, "limit": 5, **ANY_TIME},
    "changes_nodes": {"first_day": "2022-01-01", "last_day": "2022-12-31"},
    "changes_edges": {"first_day": "2022-01-01", "last_day": "2022-12-31"},
    "stats_nodes": ANY_TIME,
    "stats_edges": ANY_TIME,
    "meta": {},
}


def test_every_query_file_has_a_header_comment_and_one_statement() -> None:
    for path in sorted((CYPHER_DIR / "queries").glob("*.cypher")):
        text = path.read_text(encoding="utf-8")
        assert text.startswith("// "), path.name
        body = catalogue.strip_comments(text).strip().rstrip(";")
        assert ";" not in body, f"{path.name} holds more than one statement"


def test_the_examples_cover_every_query() -> None:
    assert sorted(EXAMPLES) == query_names()


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_every_query_runs_on_the_embedded_engine(name: str, store: LadybugStore) -> None:
    named = query(name, "ladybug")
    rows = store.read(named.text, named.bind(dict(EXAMPLES[name])))
    assert rows, f"{name} returned nothing"


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

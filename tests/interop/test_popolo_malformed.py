"""Malformed Popolo files: each is refused with `file:line: field: message` problems, every
problem at once, never a crash, and the graph is left as it was."""

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from app.cli import app
from app.errors import ValidationFailedError
from app.graph.read import graph_stats
from app.interop import popolo_import
from app.interop.imports import import_popolo
from app.interop.popolo_import import read_popolo
from app.model.vocabulary import Country, Lang
from app.store import GraphStore

PERSON = {"id": "p1", "name": "Anna"}
ORG = {"id": "o1", "name": "Senate"}


def one_a_line(sections: dict[str, list[Any]]) -> str:
    """A Popolo file with one record a line: the first section's records start on line 3,
    and each section after the first takes two lines more (its closing and opening)."""
    parts = [
        f' "{name}": [\n' + ",\n".join(f"  {json.dumps(r)}" for r in records) + "\n ]"
        for name, records in sections.items()
    ]
    return "{\n" + ",\n".join(parts) + "\n}\n"


def refused(store: GraphStore, path: Path) -> list[str]:
    """The problems of importing `path`, after checking that the graph did not change."""
    before = graph_stats(store)
    with pytest.raises(ValidationFailedError) as failure:
        import_popolo(store, path)
    assert graph_stats(store) == before
    return failure.value.problems


CASES: dict[str, tuple[dict[str, list[Any]], list[str]]] = {
    "identifiers as strings": (
        {"persons": [{**PERSON, "identifiers": ["x"]}]},
        ["3: identifiers.0: expected an object, not a string"],
    ),
    "a link without url": (
        {"persons": [{**PERSON, "links": [{"note": "x"}]}]},
        ["3: links.0.url: required field is missing"],
    ),
    "a source without url": (
        {"organizations": [{**ORG, "sources": [{"note": "x"}]}]},
        ["3: sources.0.url: required field is missing"],
    ),
    "names that are a number and an object": (
        {"persons": [{"id": "p1", "name": 5}, {"id": "p2", "name": {"fi": "Anna"}}]},
        [
            "3: name: expected a string or null, not a number",
            "4: name: expected a string or null, not an object",
        ],
    ),
    "other_names as a string": (
        {"organizations": [{**ORG, "other_names": "Upper house"}]},
        ["3: other_names: expected an array, not a string"],
    ),
    "a record that is not an object": (
        {"posts": ["Speaker"]},
        ["3: posts: expected an object, not a string"],
    ),
    "a member that is a list": (
        {"memberships": [{"member": ["p1"], "organization_id": "o1"}]},
        ["3: member: expected an object or null, not an array"],
    ),
    "a member whose id is a number": (
        {"persons": [PERSON], "organizations": [ORG], "memberships": [{"member": {"id": 7}}]},
        ["9: member.id: expected a string, not a number"],
    ),
    "an area as a string and a date as a number": (
        {"memberships": [{"person_id": "p1", "area": "Lagos", "start_date": 2015}]},
        [
            "3: area: expected an object, not a string",
            "3: start_date: expected a string or null, not a number",
        ],
    ),
    "a date that is not one": (
        {"organizations": [{**ORG, "founding_date": "yesterday"}]},
        ["3: founding_date: 'yesterday' does not match ^[0-9]{4}(-[0-9]{2}){0,2}$"],
    ),
    "a legislative period that is a list (outside the schema)": (
        {
            "persons": [PERSON],
            "organizations": [ORG],
            "memberships": [
                {"person_id": "p1", "organization_id": "o1", "legislative_period_id": [8]}
            ],
        },
        ["9: legislative_period_id: expected a string, not an array"],
    ),
    # The person is refused for its shape; the membership naming it is not reported as well.
    "every problem of the file at once": (
        {
            "persons": [{**PERSON, "identifiers": [1]}, {"id": "p2", "name": []}],
            "organizations": [{**ORG, "links": [{}]}],
            "memberships": [{"person_id": "p1", "organization_id": "o1", "end_date": False}],
        },
        [
            "3: identifiers.0: expected an object, not a number",
            "4: name: expected a string or null, not an array",
            "7: links.0.url: required field is missing",
            "10: end_date: expected a string or null, not a boolean",
        ],
    ),
    # Found by the reader, not the schema: the store would refuse the second node at the end.
    "two ids that make the same OrgMap id": (
        {"persons": [{"id": "p 1", "name": "Anna"}, {"id": "p.1", "name": "Bert"}]},
        ["4: id: 'p.1' makes the OrgMap id 'per-p-1', as 'p 1' does"],
    ),
    "at most ten problems for a record, then how many more": (
        {"persons": [{**PERSON, "identifiers": list(range(25))}]},
        [f"3: identifiers.{n}: expected an object, not a number" for n in range(10)]
        + ["3: persons: 15 more problems in this record"],
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_malformed_record_is_named_by_line_and_field(
    case: str, store: GraphStore, tmp_path: Path
) -> None:
    sections, expected = CASES[case]
    path = tmp_path / "bad.json"
    path.write_text(one_a_line(sections), encoding="utf-8")
    assert refused(store, path) == [f"{path}:{line}" for line in expected]


def test_a_section_that_is_not_an_array(store: GraphStore, tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(
        '{\n "persons": [\n  {"id": "p1", "name": "Anna"}\n ],\n'
        ' "memberships": {"person_id": "p1"},\n "posts": null\n}\n',
        encoding="utf-8",
    )
    assert refused(store, path) == [
        f"{path}:5: memberships: expected an array, not an object",
        f"{path}:6: posts: expected an array, not null",
    ]


def test_bytes_that_are_not_utf8_are_named_by_line_and_column(
    store: GraphStore, tmp_path: Path
) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes(
        '{\n "persons": [\n  {"id": "p1", "name": "Jönsson"}\n ]\n}\n'.encode("latin-1")
    )
    assert refused(store, path) == [f"{path}:3: (encoding): not UTF-8: byte 0xf6 at column 26"]


def test_deep_nesting_is_one_problem(store: GraphStore, tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text('{"persons": [\n' + "[" * 100_000 + "]" * 100_000 + "\n]}", encoding="utf-8")
    assert refused(store, path) == [f"{path}:2: (json): nested deeper than 40 levels"]


def test_json_faults_are_named_by_line(store: GraphStore, tmp_path: Path) -> None:
    cases = {
        '[\n {"id": "p1"}\n]\n': "1: (json): expected a JSON object with persons, organizations, …",
        '{\n "persons": [\n  {"id": "p1",}\n ]\n}\n': "3: (json): column 15: Expecting property "
        "name enclosed in double quotes",
        '{\n "persons": [\n  {"id": ' + "9" * 5000 + "}\n ]\n}\n": "3: (json): a number with "
        "more than 4300 digits",
    }
    for text, expected in cases.items():
        path = tmp_path / "bad.json"
        path.write_text(text, encoding="utf-8")
        assert refused(store, path) == [f"{path}:{expected}"]


def test_an_unforeseen_fault_is_a_problem_on_its_line(
    store: GraphStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def trips(self: object, record: object) -> None:
        raise TypeError("unforeseen")

    monkeypatch.setattr(popolo_import._Reader, "person", trips)
    path = tmp_path / "fine.json"
    path.write_text(one_a_line({"persons": [PERSON]}), encoding="utf-8")
    assert refused(store, path) == [f"{path}:3: persons: cannot be read: TypeError: unforeseen"]


def test_the_command_line_prints_the_problem_without_a_traceback(
    env_db: Path, loaded_db: Path, tmp_path: Path
) -> None:
    shutil.copyfile(loaded_db, env_db)
    runner = CliRunner()
    before = runner.invoke(app, ["stats", "--json"]).stdout
    path = tmp_path / "bad.json"
    path.write_text(one_a_line({"persons": [{**PERSON, "links": [{"note": "x"}]}]}), "utf-8")
    result = runner.invoke(app, ["import", "popolo", str(path)])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"{path}:3: links.0.url: required field is missing",
        "1 problem(s): nothing was imported, the graph is kept",
    ]
    assert "Traceback" not in result.output and "KeyError" not in result.output
    assert runner.invoke(app, ["stats", "--json"]).stdout == before


def test_a_placeholder_for_an_id_too_short_to_quote_cites_the_record(tmp_path: Path) -> None:
    path = tmp_path / "short.json"
    membership = {"person_id": "x", "organization_id": "o1"}
    path.write_text(one_a_line({"organizations": [ORG], "memberships": [membership]}), "utf-8")
    read = read_popolo(path, lang=Lang.EN, country=Country.FI, placeholders=True)
    assert read.problems == []
    (placeholder,) = [n for n in read.bundle.nodes if n.placeholder]
    assert (placeholder.id, placeholder.sources[0].quote) == ("per-x", json.dumps(membership))

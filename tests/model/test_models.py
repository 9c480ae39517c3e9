"""The models accept what the sources need and reject the rest with exact messages."""

from datetime import date
from typing import Any

import pytest
from pydantic import ValidationError

from app.model.common import first_day, last_day
from app.model.edges import EDGE_ADAPTER, MemberOf, Steers
from app.model.nodes import Organization, Person, Project
from app.model.vocabulary import Lang, MemberRole, OrgKind

CITE = [{"doc": "src-000", "quote": "NTM-centralerna styrs"}]


def org(**fields: Any) -> Organization:
    return Organization.model_validate({"id": "org-x", "kind": "agency", "sources": CITE, **fields})


def messages(exc: pytest.ExceptionInfo[ValidationError]) -> list[tuple[str, str]]:
    return [(".".join(map(str, e["loc"])), e["msg"]) for e in exc.value.errors()]


def test_organization_with_names_in_three_languages() -> None:
    node = org(names={"fi": "Virasto", "sv": "Verket"}, gloss_en="the agency")
    assert node.kind is OrgKind.AGENCY
    assert node.display_name(Lang.SV) == "Verket"
    assert node.display_name(Lang.FI) == "Virasto"
    assert node.display_name(Lang.EN) == "Virasto"  # no English name: falls back to fi
    assert node.primary_names() == ["Virasto", "Verket"]
    assert node.search_terms() == ["Virasto", "Verket", "the agency"]


def test_search_terms_names_first_then_texts() -> None:
    """What search ranks as names (codes and identifiers among them), then the rest."""
    node = org(
        names={"fi": "Virasto"},
        abbr={"fi": "VV"},
        alt_names=["Viraston"],
        identifiers=[{"scheme": "wikidata", "identifier": "Q1"}],
        gloss_en="the agency",
        purpose="Ohjaa aluetta.",
        note="A note.",
    )
    assert node.name_terms() == ["Virasto", "VV", "Viraston", "Q1"]
    assert node.search_terms() == [*node.name_terms(), "the agency", "Ohjaa aluetta.", "A note."]
    project = Project.model_validate(
        {
            "id": "prj-x",
            "kind": "project",
            "names": {"sv": "Projekt"},
            "project_code": "OKM071:00/2021",
            "case_numbers": ["VN/24284/2021"],
            "sources": CITE,
        }
    )
    assert project.name_terms() == ["Projekt", "OKM071:00/2021", "VN/24284/2021"]


@pytest.mark.parametrize(
    ("value", "start", "end"),
    [
        ("2019", date(2019, 1, 1), date(2019, 12, 31)),
        ("2022-02", date(2022, 2, 1), date(2022, 2, 28)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2021-10-13", date(2021, 10, 13), date(2021, 10, 13)),
    ],
)
def test_partial_dates_expand_to_first_and_last_day(value: str, start: date, end: date) -> None:
    node = org(gloss_en="x", valid_from=value, valid_to=value)
    assert (first_day(node.valid_from or ""), last_day(node.valid_to or "")) == (start, end)


def test_a_year_read_as_a_number_is_still_a_partial_date() -> None:
    assert org(gloss_en="x", valid_from=2019).valid_from == "2019"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2022-02-30", "Value error, day 30 does not exist in 2022-02"),
        ("2022-13", "Value error, month 13 is not 01-12"),
        ("22-02-01", "Value error, expected YYYY, YYYY-MM or YYYY-MM-DD"),
        ("23 oktober", "Value error, expected YYYY, YYYY-MM or YYYY-MM-DD"),
    ],
)
def test_bad_dates_are_rejected_with_the_reason(value: str, message: str) -> None:
    with pytest.raises(ValidationError) as exc:
        org(gloss_en="x", valid_from=value)
    assert messages(exc) == [("valid_from", message)]


def test_end_before_start_is_rejected() -> None:
    with pytest.raises(ValidationError) as exc:
        org(gloss_en="x", valid_from="2020", valid_to="2019-05")
    assert messages(exc) == [("valid_to", "Value error, ends (2019-05) before it starts (2020)")]


def test_a_node_needs_a_name_or_a_gloss() -> None:
    with pytest.raises(ValidationError) as exc:
        org()
    assert messages(exc) == [
        ("", "Value error, needs at least one of names.fi, names.sv, names.en or gloss_en")
    ]


def test_unknown_fields_and_missing_provenance_are_errors() -> None:
    with pytest.raises(ValidationError) as exc:
        Organization.model_validate({"id": "org-x", "kind": "agency", "gloss_en": "x", "colour": 1})
    assert messages(exc) == [
        ("sources", "Field required"),
        ("colour", "Extra inputs are not permitted"),
    ]


def test_a_person_is_shown_by_the_name_the_source_gives() -> None:
    person = Person.model_validate({"id": "per-a", "name": "Aslög Odmark", "sources": CITE})
    assert person.display_name(Lang.FI) == "Aslög Odmark"
    assert "Aslög Odmark" in person.search_terms()


def test_edge_ids_are_derived_from_type_ends_and_qualifier() -> None:
    edge = EDGE_ADAPTER.validate_python(
        {
            "type": "STEERS",
            "from": "org-a",
            "to": "org-b",
            "mode": "administrative",
            "sources": CITE,
        }
    )
    assert isinstance(edge, Steers)
    assert edge.id == "steers.org-a.org-b.administrative"
    explicit = MemberOf.model_validate(
        {
            "type": "MEMBER_OF",
            "id": "seat-1",
            "from": "post-a",
            "to": "grp-b",
            "role": "chair",
            "sources": CITE,
        }
    )
    assert (explicit.id, explicit.role, explicit.qualifier) == ("seat-1", MemberRole.CHAIR, "chair")


def test_membership_keeps_basis_and_the_post_it_is_held_through() -> None:
    edge = MemberOf.model_validate(
        {
            "type": "MEMBER_OF",
            "from": "per-a",
            "to": "grp-b",
            "role": "chair",
            "basis": "via_post",
            "via_post": "post-c",
            "sources": CITE,
        }
    )
    assert edge.references() == {"via_post": "post-c"}


def test_steering_mode_is_a_closed_vocabulary() -> None:
    with pytest.raises(ValidationError) as exc:
        Steers.model_validate(
            {"type": "STEERS", "from": "a", "to": "b", "mode": "friendly", "sources": CITE}
        )
    ((loc, msg),) = messages(exc)
    assert loc == "mode"
    assert msg.startswith("Input should be 'administrative', 'performance'")

"""Search finds everything a person types: codes and case numbers whole or in part,
identifiers, abbreviations, names in every language, kinds by their words, and the text of
purposes, notes and glosses, ranked below names; retired entities after current ones.

On the seed graph (facts that do not change) and on small graphs of our own."""

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from app.graph import read
from app.graph.load import load_bundle
from app.interop.imports import import_popolo
from app.model import GraphBundle
from app.model.answers import SearchHit
from app.model.common import Citation, Identifier, Names
from app.model.nodes import Document, Event, Goal, Organization, Person, Project, Source
from app.model.params import SearchParams
from app.model.vocabulary import (
    Country,
    DocumentKind,
    EventKind,
    GoalKind,
    Label,
    Lang,
    OrgKind,
    ProjectKind,
    Status,
)
from app.store import GraphStore
from app.store.base import GraphTables

Fresh = Callable[[str], GraphStore]
EDUSKUNTA = Path(__file__).resolve().parent.parent / "fixtures" / "popolo" / "eduskunta.json"
OKM_PROJECT = "prj-okm071-00-2021"
RESULT_AREAS = {
    "goal-tvv-ra-forenkling",
    "goal-tvv-ra-kompetensforsorjning",
    "goal-tvv-ra-digitalisering",
    "goal-tvv-ra-affarsutveckling",
    "goal-tvv-ra-regional-kapacitet",
    "goal-tvv-ra-modern-myndighet",
}


def hits(store: GraphStore, text: str, **options: Any) -> list[SearchHit]:
    return read.search(store, SearchParams(q=text, limit=100, **options)).items


def first(store: GraphStore, text: str) -> tuple[str, int]:
    top = hits(store, text)[0]
    return top.id, top.score


def scores(store: GraphStore, text: str) -> dict[str, int]:
    return {h.id: h.score for h in hits(store, text)}


def ranked(store: GraphStore, text: str) -> list[str]:
    return [h.id for h in hits(store, text)]


# --- the seed graph ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "score"),
    [
        ("OKM071:00/2021", 6),  # the project code, exactly
        ("okm071:00/2021", 6),
        ("OKM071 00 2021", 6),  # however it is punctuated
        ("VN/24284/2021", 6),  # the case number, exactly
        ("vn-24284-2021", 6),
        ("OKM071", 5),  # the code's beginning
        ("OKM071:00", 5),
        ("VN/24284", 5),
        ("24284", 4),  # a part of the case number, as a word
        ("24284/2021", 4),
        ("2428", 3),  # a part's beginning
        (OKM_PROJECT, 6),  # its own id
    ],
)
def test_a_project_is_found_by_its_code_and_case_number_whole_or_in_part(
    store: GraphStore, typed: str, score: int
) -> None:
    assert first(store, typed) == (OKM_PROJECT, score)


@pytest.mark.parametrize(
    "typed",
    [
        "resultatområde",
        "Resultatområdet",
        "resultatområden",
        "resultatomrade",
        "tulosalue",
        "tulosalueet",
        "result area",
        "Result areas",
        "result_area",
    ],
)
def test_the_result_areas_are_found_by_their_kinds_words_in_swedish_finnish_and_english(
    store: GraphStore, typed: str
) -> None:
    found = hits(store, typed)
    assert {h.id for h in found} >= RESULT_AREAS
    assert {h.score for h in found if h.id in RESULT_AREAS} == {2}  # their names say otherwise
    assert all(h.kind == GoalKind.RESULT_AREA for h in found if h.type is Label.GOAL)


def test_a_kind_word_narrowed_to_its_label_and_kind_finds_only_those(store: GraphStore) -> None:
    found = hits(store, "tulosalueet", type=Label.GOAL, kind="result_area")
    assert {h.id for h in found} == RESULT_AREAS


@pytest.mark.parametrize(
    ("typed", "group"),
    [
        ("voimavarakehykset", "grp-tem-virkamiesjohtoryhma"),
        ("horisontaalisia yhteisiä toimia", "grp-tem-konsernin-johtoryhma"),
        ("ministereiden tukena", "grp-tem-ministerion-johtoryhma"),
    ],
)
def test_a_tem_group_is_found_by_the_words_of_its_purpose(
    store: GraphStore, typed: str, group: str
) -> None:
    assert first(store, typed) == (group, 2)


def test_a_note_is_searched_below_the_names(store: GraphStore) -> None:
    """org-okm's note names the project code: found, but after the project itself."""
    found = scores(store, "OKM071:00/2021")
    assert found[OKM_PROJECT] == 6
    assert found["org-okm"] == 2
    assert ranked(store, "OKM071:00/2021").index(OKM_PROJECT) == 0


def test_the_ended_okm_project_is_marked_retired(store: GraphStore) -> None:
    (hit,) = [h for h in hits(store, "VN/24284/2021") if h.id == OKM_PROJECT]
    assert (hit.retired, hit.valid_to, hit.status) == (True, "2022-09-30", Status.COMPLETED)
    (as_then,) = [
        h for h in hits(store, "VN/24284/2021", as_of=date(2022, 1, 1)) if h.id == OKM_PROJECT
    ]
    assert not as_then.retired  # as of a day it was running


def test_only_punctuation_finds_nothing(store: GraphStore) -> None:
    answer = read.search(store, SearchParams(q=" /–: "))
    assert (answer.items, answer.total) == ([], 0)


# --- graphs of our own ---------------------------------------------------------------------

CITE = [Citation(doc="src-test", quote="listed in the test register")]
SOURCE = Source(id="src-test", file="test.txt", lang=Lang.FI, country=Country.FI, title="Register")


def org(id: str, kind: OrgKind = OrgKind.AGENCY, **fields: Any) -> Organization:
    return Organization(id=id, kind=kind, country=Country.FI, sources=CITE, **fields)


def own_graph() -> GraphBundle:
    nodes: list[Any] = [
        org(
            "org-valtiovarain",
            OrgKind.MINISTRY,
            names=Names(
                fi="Valtiovarainministeriö", sv="Finansministeriet", en="Ministry of Finance"
            ),
            abbr=Names(fi="VM", sv="FM"),
            identifiers=[
                Identifier(scheme="wikidata", identifier="Q9000001"),
                Identifier(scheme="business_id", identifier="0245439-9"),
            ],
        ),
        org("org-avi", OrgKind.REGIONAL_AGENCY, abbr=Names(fi="AVI"), gloss_en="an agency"),
        org("org-avilan", OrgKind.NETWORK, names=Names(fi="Avilan seura")),
        org("org-avi-etela", OrgKind.REGIONAL_AGENCY, names=Names(fi="Etelä-Suomen AVI")),
        org("org-avioliitto", OrgKind.NETWORK, names=Names(fi="Suomen avioliittoseura")),
        org("org-ohjaavat", OrgKind.COLLECTIVE, names=Names(fi="Keskuksia ohjaavien ryhmä")),
        org("org-digitalisaatio", OrgKind.UNIT, names=Names(fi="Digitalisaatio")),
        org(
            "org-tyoryhmapalvelut",
            OrgKind.UNIT,
            names=Names(
                fi="Työryhmäpalvelut", sv="Arbetsgruppstjänster", en="Working group services"
            ),
        ),
        org(
            "org-kehitys",
            OrgKind.UNIT,
            names=Names(fi="Kehittämisyksikkö"),
            purpose="Yksikkö edistää digitalisaatio- ja tietojohtamista.",
        ),
        org(
            "org-kokous",
            OrgKind.UNIT,
            names=Names(fi="Kokousyksikkö"),
            note="Edistää digitalisaatio",
        ),
        org(
            "grp-kokeilu",
            OrgKind.WORKING_GROUP,
            names=Names(fi="Kokeiluryhmä", sv="Försöksgruppen", en="Pilot team"),
            gloss_en="trials of new steering",
        ),
        # Four bodies with the same name: three retired (ended, valid until 2019, replaced).
        org("grp-talous-a", OrgKind.BOARD, names=Names(fi="Talousneuvosto"), status=Status.ENDED),
        org("grp-talous-b", OrgKind.BOARD, names=Names(fi="Talousneuvosto"), valid_to="2019-12-31"),
        org("grp-talous-c", OrgKind.BOARD, names=Names(fi="Talousneuvosto"), status=Status.CURRENT),
        org(
            "grp-talous-d", OrgKind.BOARD, names=Names(fi="Talousneuvosto"), status=Status.REPLACED
        ),
        Person(
            id="per-anna",
            name="Anna Virtanen",
            sources=CITE,
            identifiers=[Identifier(scheme="popolo", identifier="person/42")],
        ),
        Project(
            id="prj-kokeilu",
            kind=ProjectKind.PROJECT,
            names=Names(fi="Kokeiluhanke"),
            project_code="ABC123:00/2024",
            case_numbers=["VN/111/2024", "TEM/222/00.01/2024"],
            sources=CITE,
        ),
        Document(
            id="doc-strategia",
            kind=DocumentKind.STRATEGY,
            names=Names(sv="Verksamhetsstrategi"),
            text="Växande företag i hela landet",
            sources=CITE,
        ),
        Event(
            id="evt-paiva",
            kind=EventKind.EVENT,
            names=Names(sv="Ledardagen"),
            theme=Names(fi="Yhteinen tulevaisuus", en="A shared future"),
            sources=CITE,
        ),
        Goal(
            id="goal-tavoite",
            kind=GoalKind.OBJECTIVE,
            names=Names(en="Simpler steering"),
            text="Fewer and clearer performance targets",
            sources=CITE,
        ),
    ]
    return GraphBundle(sources=[SOURCE], nodes=nodes, edges=[])


@pytest.fixture
def own(fresh_store: Fresh) -> GraphStore:
    store = fresh_store("own")
    load_bundle(store, own_graph(), "own")
    return store


@pytest.mark.parametrize(
    ("typed", "score"),
    [
        ("Valtiovarainministeriö", 6),  # fi
        ("valtiovarainministerio", 6),
        ("Finansministeriet", 6),  # sv
        ("Ministry of Finance", 6),  # en
        ("ministry of", 5),
        ("Finance", 4),
        ("fin", 5),
        ("VM", 6),  # abbreviations, fi and sv
        ("fm", 6),
        ("Q9000001", 6),  # identifiers of any scheme
        ("q9000", 5),
        ("0245439-9", 6),
        ("0245439", 5),
        ("org-valtiovarain", 6),  # the id
    ],
)
def test_names_in_every_language_abbreviations_and_identifiers(
    own: GraphStore, typed: str, score: int
) -> None:
    assert first(own, typed) == ("org-valtiovarain", score)


def test_identifiers_of_persons_and_codes_with_several_case_numbers(own: GraphStore) -> None:
    assert first(own, "person/42") == ("per-anna", 6)
    assert first(own, "TEM/222/00.01/2024") == ("prj-kokeilu", 6)
    assert first(own, "222") == ("prj-kokeilu", 4)
    assert first(own, "abc123") == ("prj-kokeilu", 5)
    assert first(own, "vn/111") == ("prj-kokeilu", 5)


@pytest.mark.parametrize(
    "typed",
    ["työryhmä", "työryhmät", "arbetsgrupp", "arbetsgrupperna", "working group", "Working groups"],
)
def test_a_kind_is_found_by_its_words_in_finnish_swedish_and_english(
    own: GraphStore, typed: str
) -> None:
    found = scores(own, typed)
    assert found["grp-kokeilu"] == 2  # a working group: its names do not say so
    assert set(found) <= {"grp-kokeilu", "org-tyoryhmapalvelut"}


@pytest.mark.parametrize("typed", ["työryhmä", "arbetsgrupp", "working group"])
def test_a_kind_word_ranks_below_a_name_that_begins_with_it(own: GraphStore, typed: str) -> None:
    assert [(h.id, h.score) for h in hits(own, typed)] == [
        ("org-tyoryhmapalvelut", 5),  # a unit named for working groups
        ("grp-kokeilu", 2),  # a working group
    ]


def test_names_rank_above_purposes_and_notes(own: GraphStore) -> None:
    found = hits(own, "digitalisaatio")
    assert [(h.id, h.score) for h in found] == [
        ("org-digitalisaatio", 6),
        ("org-kokous", 2),  # a word in its note
        ("org-kehitys", 2),  # a word in its purpose (a longer name: after the other)
    ]


def test_gloss_text_and_theme_are_found_below_names(own: GraphStore) -> None:
    assert first(own, "new steering") == ("grp-kokeilu", 2)  # the English gloss
    assert first(own, "växande företag") == ("doc-strategia", 2)  # a document's text
    assert first(own, "performance targets") == ("goal-tavoite", 2)  # a goal's text
    assert first(own, "tulevaisuus") == ("evt-paiva", 2)  # an event's theme, fi
    assert first(own, "shared future") == ("evt-paiva", 2)  # and en
    assert scores(own, "steering") == {"goal-tavoite": 4, "grp-kokeilu": 2}


def test_a_substring_inside_a_word_ranks_below_whole_words_and_beginnings(own: GraphStore) -> None:
    assert [(h.id, h.score) for h in hits(own, "AVI")] == [
        ("org-avi", 6),  # its abbreviation
        ("org-avilan", 5),  # a name's beginning
        ("org-avi-etela", 4),  # a whole word of its name
        ("org-avioliitto", 3),  # a word's beginning in its name
        ("org-ohjaavat", 1),  # inside "ohjaavien"
    ]


def test_a_retired_entity_ranks_below_a_current_one_with_the_same_words(own: GraphStore) -> None:
    found = hits(own, "talousneuvosto")
    assert [(h.id, h.score, h.retired) for h in found] == [
        ("grp-talous-c", 6, False),
        ("grp-talous-a", 6, True),  # ended
        ("grp-talous-b", 6, True),  # valid until 2019
        ("grp-talous-d", 6, True),  # replaced
    ]
    assert found[2].valid_to == "2019-12-31"
    assert found[1].status is Status.ENDED
    as_then = hits(own, "talousneuvosto", as_of=date(2019, 6, 1))
    assert [(h.id, h.retired) for h in as_then] == [
        ("grp-talous-b", False),  # valid then
        ("grp-talous-c", False),
        ("grp-talous-a", True),
        ("grp-talous-d", True),
    ]


def test_a_popolo_file_is_searchable_by_its_identifiers_and_kind_words(fresh_store: Fresh) -> None:
    store = fresh_store("popolo")
    store.replace_graph(GraphTables.of({}, []))
    import_popolo(store, EDUSKUNTA, placeholders=True)
    assert first(store, "popit.eduskunta/person/103") == ("per-popit-eduskunta-person-103", 6)
    # eduskunta.fi's number of Matti Ahde, as a whole and as a name's beginning
    assert "per-popit-eduskunta-person-103" in {h.id for h in hits(store, "103") if h.score == 6}
    parties = {h.id for h in hits(store, "puolueet", type=Label.ORGANIZATION)}
    assert "org-popit-eduskunta-party-kd" in parties  # kind party: 'puolue' is its word
    assert all(h.kind == OrgKind.PARTY for h in hits(store, "puolueet"))


@pytest.mark.parametrize(("its_name", "total"), [("Jokin muu", 1003), ("Testi X", 1003)])
def test_the_total_past_a_full_window_counts_a_node_found_by_its_id_once(
    fresh_store: Fresh, its_name: str, total: int
) -> None:
    """Past 1000 hits a second scan counts them; it leaves ids out, and search adds the node
    found by its id alone (once: not again when its name holds the query too)."""
    many = [org(f"org-testi-{i}", names=Names(fi=f"Testi {i}")) for i in range(1001)]
    by_id = org("testi", names=Names(fi=its_name))  # its id is the query
    also_named = org("org-testi", names=Names(fi="Testi"))
    store = fresh_store("many")
    load_bundle(store, GraphBundle(sources=[SOURCE], nodes=[*many, by_id, also_named]), "many")
    answer = read.search(store, SearchParams(q="testi", limit=3))
    assert [(h.id, h.score) for h in answer.items] == [
        ("org-testi", 6),  # the exact name, then the id (its name is longer)
        ("testi", 6),
        ("org-testi-0", 5),
    ]
    assert answer.total == total

"""The pages speak the user's language: every word in the table in all three languages, every
value of the vocabulary a map names has words, and a page rendered in Swedish shows none of
the table's English words."""

import re
import string
from dataclasses import replace
from enum import StrEnum

from app.model.answers import EdgeRef, EntityRef
from app.model.common import Citation, Names
from app.model.vocabulary import (
    Assertion,
    Label,
    Lang,
    MemberRole,
    MembershipBasis,
    RelType,
    SteeringMode,
    ViewName,
)
from app.viz.explorer import explorer_html
from app.viz.graph import ViewGraph
from app.viz.page import PHYSICS_LIMIT, render_html
from app.viz.words import VOCABULARY, WORDS, qualifier_enum, say


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_key_has_all_three_languages_with_the_same_blanks() -> None:
    for key, words in WORDS.items():
        assert len(words) == 3 and all(w.strip() for w in words), key
        assert fields(words[0]) == fields(words[1]) == fields(words[2]), key


def test_every_value_a_map_names_has_words() -> None:
    enums: list[type[StrEnum]] = [
        Label, RelType, SteeringMode, Assertion, MemberRole, MembershipBasis, ViewName
    ]  # fmt: skip
    enums += [e for e in (qualifier_enum(rel) for rel in RelType) if e is not None]
    for enum in enums:
        assert {m.value for m in enum} <= set(VOCABULARY[enum]), enum.__name__


def english_only() -> list[str]:
    """The table's English words (their fixed parts) that the Swedish ones do not share."""
    parts = []
    for fi, sv, en in WORDS.values():
        for part in re.split(r"\{[a-z_]+\}", en):
            part = part.strip(" :;,.()–·…")
            if len(part) >= 3 and part.lower() not in sv.lower() and part != fi:
                parts.append(part)
    return parts


def visible_text(html: str) -> str:
    """What a reader sees: the markup's text (scripts and styles out), with the map's
    labels and tooltips from its data."""
    data = re.search(r'id="graph-data">(.*?)</script>', html, re.S)
    shown = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    shown = re.sub(r"<[^>]+>", " ", shown)
    placeholders = " ".join(re.findall(r'(?<![\w-])(?:placeholder|title)="([^"]*)"', html))
    return f"{shown} {placeholders} {data.group(1) if data else ''}"


def assert_no_english(text: str) -> None:
    for part in english_only():
        assert re.search(rf"(?<![\w-]){re.escape(part)}(?![\w-])", text) is None, part


def neutral_view(lang: Lang, count: int = 4) -> ViewGraph:
    view = ViewGraph(title="X", focus="grp-0", lang=lang)
    view.add_entities(
        [
            EntityRef(id="grp-0", type=Label.ORGANIZATION, kind="management_group", name="G",
                      names=Names(fi="G", sv="G"), undated=True),
            *(
                EntityRef(id=f"org-{i}", type=Label.ORGANIZATION, kind="agency", name=f"O{i}",
                          names=Names(fi=f"O{i}"), valid_from="2020")
                for i in range(1, count)
            ),
        ]
    )  # fmt: skip
    view.add_edges(
        EdgeRef(
            id=f"e{i}", type=RelType.MEMBER_OF if i % 2 else RelType.STEERS,
            **{"from": f"org-{i}"}, to="grp-0" if i % 2 else "org-1",
            qualifier="chair" if i % 2 else "performance",
            attributes={"role": "chair", "basis": "designated", "designated_by": "org-1"}
            if i % 2 else {},
            assertion=Assertion.IMPLIED, date_text="våren 2021", valid_from="2021",
            sources=[Citation(doc="src-001", quote="QQQ")],
        )
        for i in range(1, count)
    )  # fmt: skip
    view.nodes["org-1"] = replace(view.nodes["org-1"], assertion="inferred")
    view.notice = say("no_chair", lang)
    view.localise(lang)
    return view


def test_a_map_in_swedish_shows_no_english_words() -> None:
    html = render_html(neutral_view(Lang.SV), Lang.SV)
    assert 'lang="sv"' in html and "Teckenförklaring" in html
    assert_no_english(visible_text(html))
    large = render_html(neutral_view(Lang.SV, PHYSICS_LIMIT + 5), Lang.SV)
    assert say("large_view", Lang.SV) in large
    assert_no_english(visible_text(large))
    english = visible_text(render_html(neutral_view(Lang.EN), Lang.EN))
    assert "Legend" in english and "member of: chair" in english  # the check can fail


def test_the_explorer_in_swedish_shows_no_english_words() -> None:
    html = explorer_html(Lang.SV)
    assert '<html lang="sv">' in html and ">Rita<" in html
    assert_no_english(visible_text(html))

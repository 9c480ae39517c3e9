"""CSV seed files: checked column-wise with the same messages as YAML, loaded the same way."""

import csv
import io
import re
import shutil
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest
import yaml

from app.graph import read
from app.graph.load import bundle_tables, load_tables
from app.graph.steering import steering
from app.graph.walk import Budget
from app.ingest.csv_columns import node_columns as csv_node_columns
from app.ingest.csv_files import fold_array
from app.ingest.seed_files import NODE_SECTIONS, validate_directory
from app.model.params import SearchParams, StatsParams, SteeringParams
from app.model.search_terms import fold_for_search
from app.model.vocabulary import SteeringMode
from app.store.ladybug import LadybugStore
from tests.seed_counts import SEED_NODES

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def problems(directory: Path, sources_dir: Path) -> list[str]:
    return [
        re.sub(r"^[^:]*/", "", str(p)) for p in validate_directory(directory, sources_dir).problems
    ]


def validated_and_loaded(folder: Path, sources: Path, db: Path) -> LadybugStore:
    """`folder` validated (it must be valid) and bulk-loaded into a new store at `db`."""
    report = validate_directory(folder, sources)
    assert report.ok, report.problems
    assert report.bundle is not None
    store = LadybugStore(db)
    load_tables(store, bundle_tables(report.bundle, folder.name, report.csv_parts))
    return store


def register_with(tmp_path: Path, quote: str) -> tuple[Path, Path]:
    """An empty seed folder citing one source, `src-reg`, whose text holds `quote`; and the
    folder of source documents."""
    folder, sources = tmp_path / "data", tmp_path / "sources"
    folder.mkdir()
    sources.mkdir()
    (sources / "register.txt").write_text(f"Register\n{quote}\n", encoding="utf-8")
    (folder / "sources.yaml").write_text(
        "sources:\n  - {id: src-reg, file: register.txt, lang: en, country: FI, title: Register}\n",
        encoding="utf-8",
    )
    return folder, sources


def test_every_row_problem_is_reported_with_file_line_and_field(sources_dir: Path) -> None:
    assert problems(FIXTURES / "csv_broken", sources_dir) == [
        "organizations.csv:3: id: 'Org_B' is not a slug (lower-case ASCII letters, digits and "
        "single hyphens)",
        "organizations.csv:4: kind: unknown value 'agensy' (did you mean 'agency'?)",
        "organizations.csv:5: (row): needs one of name_fi, name_sv, name_en or gloss_en",
        "organizations.csv:6: is_class: expected true or false",
        "organizations.csv:6: source: unknown source 'src-009' (did you mean 'src-000'?)",
        "organizations.csv:6: valid_to: ends (2019) before it starts (2020-05)",
        "organizations.csv:7: id: duplicate id 'org-a' (first defined at "
        "tests/fixtures/csv_broken/organizations.csv:2)",
        "organizations.csv:7: quote: quote is not verbatim in src-000 (000_32fa5ef504b6ce97.txt)",
        "relationships.csv:2: to: unknown node 'org-x' (did you mean 'org-e'?)",
        "relationships.csv:3: mode: unknown value 'administrativ' (did you mean 'administrative'?)",
        "relationships.csv:4: type: unknown relationship type 'STEER' (did you mean 'STEERS'?)",
        "relationships.csv:5: role: required for MEMBER_OF",
        "relationships.csv:6: to: a relationship cannot join a node to itself",
        "relationships.csv:7: from: HOLDS cannot start at Organization 'org-a' (allowed: Person)",
        "relationships.csv:7: to: HOLDS cannot end at Organization 'org-e' (allowed: Post)",
    ]


def test_header_problems_and_unknown_sections(sources_dir: Path) -> None:
    assert problems(FIXTURES / "csv_header", sources_dir) == [
        "organizations.csv:1: colour: unknown column (did you mean 'country'?)",
        "organizations.csv:1: quote: required column is missing",
        "organizations.csv:1: source: required column is missing",
        "relationships-extra.csv:1: quote: required column is missing",
        "relationships-extra.csv:1: source: required column is missing",
        "units.csv:0: (file): no CSV section 'units'; expected a name starting with one of: "
        "organizations, persons, posts, projects, documents, events, goals, relationships",
    ]


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """The seed YAML plus a CSV with one more agency and edges from and to YAML nodes."""
    folder = tmp_path / "mixed"
    shutil.copytree(Path(__file__).resolve().parents[2] / "seed_data", folder)
    (folder / "organizations-extra.csv").write_text(
        "id,kind,name_fi,name_sv,alt_names,source,quote,valid_from\n"
        "org-uusi,agency,Uusi Virasto,Nya Ämbetsverket,Uusivirasto|Nya verket,src-000,"
        "NTM-centralerna styrs,2021-03\n",
        encoding="utf-8",
    )
    (folder / "relationships-extra.csv").write_text(
        "type,from,to,mode,source,quote\n"
        "STEERS,org-tem,org-uusi,administrative,src-000,NTM-centralerna styrs\n"
        "STEERS,org-uusi,org-te-toimistot,development,src-000,NTM-centralerna styrs\n",
        encoding="utf-8",
    )
    return folder


def test_csv_and_yaml_load_together_and_answer_alike(
    mixed: Path, sources_dir: Path, tmp_path: Path
) -> None:
    report = validate_directory(mixed, sources_dir)
    assert report.ok, report.problems
    assert report.node_counts()["Organization"] == 48
    assert report.bundle is not None
    store = LadybugStore(tmp_path / "mixed.lbug")
    load_tables(store, bundle_tables(report.bundle, "mixed", report.csv_parts))
    entity = read.get_entity(store, "org-uusi")
    assert entity.model_dump()["alt_names"] == ["Uusivirasto", "Nya verket"]
    assert entity.model_dump()["valid_from"] == "2021-03"
    assert read.search(store, SearchParams(q="nya ambetsverket")).items[0].id == "org-uusi"
    hits = read.search(store, SearchParams(q="uusivirasto"))
    assert (hits.items[0].id, hits.items[0].score) == ("org-uusi", 6)  # another spelling
    stats = read.graph_stats(store)
    assert stats.edges["STEERS"] == 16
    assert read.graph_stats(store, StatsParams(as_of=None)).total_nodes == SEED_NODES + 1


def test_csv_quotes_with_json_specials_come_back_verbatim(tmp_path: Path) -> None:
    """Citations are stored as JSON built column-wise: quotes, backslashes and tabs survive."""
    quote = 'The "board" steers C:\\units\tand more'
    folder, sources = register_with(tmp_path, quote)
    csv_quote = '"' + quote.replace('"', '""') + '"'
    (folder / "organizations.csv").write_text(
        "id,kind,name_en,source,quote\n"
        f"org-a,ministry,Ministry A,src-reg,{csv_quote}\n"
        f"org-b,agency,Agency B,src-reg,{csv_quote}\n",
        encoding="utf-8",
    )
    (folder / "relationships.csv").write_text(
        f"type,from,to,mode,source,quote\nSTEERS,org-a,org-b,administrative,src-reg,{csv_quote}\n",
        encoding="utf-8",
    )
    store = validated_and_loaded(folder, sources, tmp_path / "q.lbug")
    entity = read.get_entity(store, "org-b").model_dump()
    assert [c["quote"] for c in entity["sources"]] == [quote]
    asked = SteeringParams(max_depth=3, mode=list(SteeringMode), limit=10)
    answer = steering(store, "org-b", "up", asked, Budget(10, 1000))
    assert [c.quote for c in answer.items[0].paths[0][0].sources] == [quote]


def test_rows_of_one_kind_spread_over_files_all_arrive_with_their_cells_tidied(
    tmp_path: Path,
) -> None:
    """Two files of organisations and two of relationships of the same type and ends: the
    bulk load joins them per table. List cells are split on '|' with stray spaces and empty
    items dropped; names are folded for search as the YAML path folds them."""
    quote = "The register lists the body."
    folder, sources = register_with(tmp_path, quote)
    (folder / "organizations.csv").write_text(
        "id,kind,name_fi,alt_names,source,quote\n"
        'org-a,ministry,"Työ-  ja\tElinkeinoministeriö",'
        f'" TEM ||  Arbets- och näringsministeriet | ",src-reg,{quote}\n'
        f"org-b,agency,Virasto B,,src-reg,{quote}\n",
        encoding="utf-8",
    )
    (folder / "organizations-more.csv").write_text(
        f"id,kind,name_fi,source,quote\norg-c,agency,Virasto C,src-reg,{quote}\n",
        encoding="utf-8",
    )
    (folder / "relationships.csv").write_text(
        "type,from,to,mode,kind,source,quote\n"
        f"STEERS,org-a,org-b,administrative,,src-reg,{quote}\n"
        f"PART_OF,org-c,org-a,,unit_of,src-reg,{quote}\n",
        encoding="utf-8",
    )
    (folder / "relationships-more.csv").write_text(
        f"type,from,to,mode,source,quote\nSTEERS,org-a,org-c,performance,src-reg,{quote}\n",
        encoding="utf-8",
    )
    store = validated_and_loaded(folder, sources, tmp_path / "spread.lbug")
    stats = read.graph_stats(store)
    assert (stats.nodes["Organization"], stats.edges["STEERS"], stats.edges["PART_OF"]) == (3, 2, 1)
    assert read.get_entity(store, "org-c").model_dump()["name"] == "Virasto C"
    entity = read.get_entity(store, "org-a").model_dump()
    assert entity["alt_names"] == ["TEM", "Arbets- och näringsministeriet"]
    assert read.get_entity(store, "org-b").model_dump()["alt_names"] == []
    hits = read.search(store, SearchParams(q="tyo- ja elinkeinoministerio"))
    assert (hits.items[0].id, hits.items[0].score) == ("org-a", 6)  # the exact, whole name
    assert (
        read.search(store, SearchParams(q="arbets- och naringsministeriet")).items[0].id == "org-a"
    )


@pytest.mark.parametrize(
    "text",
    [
        *["Ä  b", " x\ty ", "Tillväxtverket", "ÅÄÖ\n\nz", "a\u00a0 b", "ﬁ  Ligature", "plain", ""],
        *["OKM071:00/2021", "VN/24284/2021", "Työ- ja elinkeino–ministeriö", "managers' group"],
        *[
            "(TEM)",
            "a_b",
            "—",
            " / ",
            "x\u200by",
            "①②",
            "½ km²",
            "O'Brien & Co.",
            "e\u0301te\u0301",
        ],
        *["Ελλάδα", "Москва", "東京都", "👍🏽 ok", "İstanbul", "Straße", "ﬀ", "x\ufe0fy"],
    ],
)
def test_folding_a_column_matches_folding_one_name(text: str) -> None:
    assert fold_array(pa.array([text])).to_pylist() == [fold_for_search(text)]


# The same nodes as YAML and as CSV: every kind of search term, tidy and untidy.
QUOTE = "The register lists the body."
YAML_NODES: dict[str, list[dict[str, Any]]] = {
    "organizations": [
        {
            "id": "org-a",
            "kind": "ministry",
            "names": {
                "fi": "Työ- ja elinkeinoministeriö",
                "sv": "Arbets- och näringsministeriet",
                "en": "Ministry of Economic Affairs and Employment",
            },
            "abbr": {"fi": "TEM", "sv": "ANM", "en": "MEAE"},
            "alt_names": ["TEM", "Työ-  ja  elinkeinoministeriö"],
            "gloss_en": "the ministry (TEM)",
            "purpose": "Ohjaa ELY-keskuksia; vastaa työ- ja elinkeinopolitiikasta.",
            "note": "Named in the 2024 register: see § 3.",
        },
        {
            "id": "org-b",
            "kind": "agency",
            "country": "SE",
            "names": {"fi": "Tillväxtverket", "sv": "Tillväxtverket"},
        },
    ],
    "persons": [
        {"id": "per-a", "name": "Aslög  Odmark", "names": {"en": "A. Odmark"}, "note": "Chefen"},
        {"id": "per-b", "name": "Petri Peltonen"},
    ],
    "posts": [{"id": "post-a", "kind": "chair", "names": {"fi": "puheenjohtaja"}}],
    "projects": [
        {
            "id": "prj-a",
            "kind": "project",
            "names": {"fi": "Kokeiluhanke"},
            "project_code": "ABC071:00/2024",
            "case_numbers": ["VN/111/2024", "TEM/222/00.01/2024"],
        },
        {"id": "prj-b", "kind": "programme", "names": {"sv": "Program"}, "case_numbers": []},
    ],
    "documents": [
        {
            "id": "doc-a",
            "kind": "strategy",
            "names": {"en": "Strategy 2030"},
            "text": "Kasvu & uudistuminen",
        }
    ],
    "events": [
        {
            "id": "evt-a",
            "kind": "event",
            "names": {"sv": "Dagen"},
            "theme": {"fi": "Johtajuus", "sv": "Ledarskap", "en": "Leadership"},
        }
    ],
    "goals": [
        {
            "id": "goal-a",
            "kind": "result_area",
            "names": {"sv": "förenkling"},
            "gloss_en": "simplification (result area)",
            "text": "Förenkling – för alla",
        }
    ],
}
# Cells the CSV writes untidily (stray spaces and separators), meaning the same.
UNTIDY = {("org-a", "alt_names"): " TEM ||  Työ-  ja  elinkeinoministeriö | "}


def csv_rows(section: str, entries: list[dict[str, Any]]) -> str:
    label = NODE_SECTIONS[section]
    columns = csv_node_columns(label)
    out = io.StringIO()
    writer = csv.DictWriter(out, columns)
    writer.writeheader()
    for entry in entries:
        row = {"source": "src-reg", "quote": QUOTE}
        for key, value in entry.items():
            if key in ("names", "abbr", "theme"):
                prefix = {"names": "name", "abbr": "abbr", "theme": "theme"}[key]
                row.update({f"{prefix}_{lang}": text for lang, text in value.items()})
            elif isinstance(value, list):
                row[key] = "|".join(value)
            else:
                row[key] = value
        row.update({c: v for (i, c), v in UNTIDY.items() if i == entry["id"]})
        writer.writerow(row)
    return out.getvalue()


def search_columns_of(store: LadybugStore) -> dict[str, tuple[str, str]]:
    rows = store.read(
        "MATCH (n) WHERE n.search_names IS NOT NULL "
        "RETURN n.id AS id, n.search_names AS names, n.search_text AS text",
        {},
    )
    return {r["id"]: (r["names"], r["text"]) for r in rows}


def test_csv_and_yaml_nodes_get_the_same_search_columns(tmp_path: Path) -> None:
    cited = {
        s: [{**e, "sources": [{"doc": "src-reg", "quote": QUOTE}]} for e in entries]
        for s, entries in YAML_NODES.items()
    }
    for side in ("yaml", "csv"):
        (tmp_path / side).mkdir()
    verbatim = [
        e[f] for es in YAML_NODES.values() for e in es for f in ("purpose", "text") if f in e
    ]
    as_yaml, sources = register_with(tmp_path / "yaml", "\n".join([QUOTE, *verbatim]))
    (as_yaml / "nodes.yaml").write_text(yaml.safe_dump(cited, allow_unicode=True), "utf-8")
    as_csv, _ = register_with(tmp_path / "csv", QUOTE)
    for section, entries in YAML_NODES.items():
        (as_csv / f"{section}.csv").write_text(csv_rows(section, entries), encoding="utf-8")

    from_yaml = search_columns_of(validated_and_loaded(as_yaml, sources, tmp_path / "y.lbug"))
    from_csv = search_columns_of(validated_and_loaded(as_csv, sources, tmp_path / "c.lbug"))
    assert from_csv == from_yaml
    assert len(from_yaml) == 1 + sum(len(e) for e in YAML_NODES.values())  # and the source
    names, text = from_csv["prj-a"]
    assert names == "| kokeiluhanke | abc071 00 2024 | vn 111 2024 | tem 222 00 01 2024 |"
    assert text == names
    names, text = from_csv["org-a"]
    assert names == (
        "| tyo ja elinkeinoministerio | arbets och naringsministeriet"
        " | ministry of economic affairs and employment | tem | anm | meae | tem"
        " | tyo ja elinkeinoministerio |"
    )
    assert text == names[:-1] + (
        "| the ministry tem | ohjaa ely keskuksia vastaa tyo ja elinkeinopolitiikasta"
        " | named in the 2024 register see 3 |"
    )
    assert from_csv["per-a"][0] == "| aslog odmark | a odmark |"
    assert from_csv["evt-a"][1] == "| dagen | johtajuus | ledarskap | leadership |"


def test_a_reference_to_an_unknown_node_is_reported_on_its_row(tmp_path: Path) -> None:
    quote = "The register lists the body."
    folder, sources = register_with(tmp_path, quote)
    (folder / "organizations.csv").write_text(
        "id,kind,name_fi,source,quote\n"
        f"org-a,ministry,Ministeriö A,src-reg,{quote}\n"
        f"grp-a,management_group,Johtoryhmä A,src-reg,{quote}\n"
        f"org-b,agency,Virasto B,src-reg,{quote}\n",
        encoding="utf-8",
    )
    (folder / "relationships.csv").write_text(
        "type,from,to,role,designated_by,source,quote\n"
        f"MEMBER_OF,org-b,grp-a,member,org-a,src-reg,{quote}\n"
        f"MEMBER_OF,org-a,grp-a,chair,org-nope,src-reg,{quote}\n",
        encoding="utf-8",
    )
    assert problems(folder, sources) == [
        "relationships.csv:3: designated_by: unknown node 'org-nope'"
    ]


def test_unknown_ids_in_list_cells_and_facts_citing_a_reference_are_reported(
    tmp_path: Path,
) -> None:
    quote = "The register lists the body."
    folder, sources = register_with(tmp_path, quote)
    (tmp_path / "reference").mkdir()
    (tmp_path / "reference" / "names.txt").write_text("Names\nVirasto B = Verket B\n", "utf-8")
    with (folder / "sources.yaml").open("a", encoding="utf-8") as handle:
        handle.write("  - {id: ref-n, kind: reference, file: names.txt, lang: en, title: Names}\n")
    (folder / "organizations.csv").write_text(
        "id,kind,name_fi,source,quote\n"
        f"org-a,ministry,Ministeriö A,src-reg,{quote}\n"
        f"org-b,agency,Virasto B,src-reg,{quote}\n"
        "org-c,agency,Virasto C,ref-n,Virasto B\n",
        encoding="utf-8",
    )
    (folder / "relationships.csv").write_text(
        "type,from,to,mode,joint,jointly_with,source,quote\n"
        f"STEERS,org-a,org-b,unspecified,true,org-c|org-nope,src-reg,{quote}\n",
        encoding="utf-8",
    )
    assert problems(folder, sources) == [
        "organizations.csv:4: source: 'ref-n' is a reference list of names, not evidence for a "
        "fact: cite a seed document (names from it go under `reference`)",
        "relationships.csv:2: jointly_with: unknown node 'org-nope'",
    ]


def test_files_with_a_header_and_no_rows_load(tmp_path: Path) -> None:
    """An empty table of nodes or relationships is skipped by the copy, not an error."""
    quote = "The register lists the body."
    folder, sources = register_with(tmp_path, quote)
    (folder / "organizations.csv").write_text(
        f"id,kind,name_fi,source,quote\norg-a,ministry,Ministeriö A,src-reg,{quote}\n",
        encoding="utf-8",
    )
    (folder / "persons.csv").write_text("id,name,source,quote\n", encoding="utf-8")
    (folder / "relationships.csv").write_text("type,from,to,source,quote\n", encoding="utf-8")
    store = validated_and_loaded(folder, sources, tmp_path / "empty-files.lbug")
    stats = read.graph_stats(store)
    assert (stats.total_nodes, sum(stats.edges.values())) == (2, 0)  # org-a and the source


def test_a_swedish_organisation_is_named_alike_from_yaml_and_from_csv(tmp_path: Path) -> None:
    """Both paths name a Swedish body in Swedish first (the CSV path once compared the country
    with 'SV', the language, and showed the Finnish name)."""
    swedish = {
        "id": "org-sv",
        "kind": "agency",
        "country": "SE",
        "names": {"fi": "Kasvuvirasto", "sv": "Tillväxtverket"},
    }
    for side in ("yaml", "csv"):
        (tmp_path / side).mkdir()
    as_yaml, sources = register_with(tmp_path / "yaml", QUOTE)
    cited = {"organizations": [{**swedish, "sources": [{"doc": "src-reg", "quote": QUOTE}]}]}
    (as_yaml / "nodes.yaml").write_text(yaml.safe_dump(cited, allow_unicode=True), "utf-8")
    as_csv, _ = register_with(tmp_path / "csv", QUOTE)
    (as_csv / "organizations.csv").write_text(csv_rows("organizations", [swedish]), "utf-8")
    names = {}
    for side, folder in (("yaml", as_yaml), ("csv", as_csv)):
        store = validated_and_loaded(folder, sources, tmp_path / f"{side}.lbug")
        stored = store.read("MATCH (n:Organization {id: 'org-sv'}) RETURN n.name AS name", {})
        names[side] = stored[0]["name"]  # the name maps, exports and search hits show
    assert names == {"yaml": "Tillväxtverket", "csv": "Tillväxtverket"}

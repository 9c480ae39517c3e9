"""The spreadsheet templates: filled in, they validate with file:row: column messages and load."""

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from app.config import PROJECT_ROOT
from app.errors import ValidationFailedError
from app.graph import read
from app.graph.load import bundle_tables, load_bundle, load_tables
from app.ingest.seed_files import validate_directory
from app.interop.imports import import_csv
from app.model import GraphBundle
from app.store import GraphStore
from app.store.ladybug import LadybugStore
from tests.seed_counts import SEED_EDGES, SEED_NODES

TEMPLATES = PROJECT_ROOT / "seed_data" / "templates"
QUOTE = "The ministry steers the agency and chairs its board"


def filled(tmp_path: Path, membership_role: str, steering_mode: str) -> tuple[Path, Path]:
    data, sources = tmp_path / "data", tmp_path / "sources"
    shutil.copytree(TEMPLATES, data, ignore=shutil.ignore_patterns("*.md"))
    sources.mkdir()
    (sources / "register.txt").write_text(f"Register\n{QUOTE}.\n", encoding="utf-8")
    (data / "sources.yaml").write_text(
        "sources:\n  - {id: src-reg, file: register.txt, lang: en, country: FI, title: Register}\n",
        encoding="utf-8",
    )
    rows = {
        "organizations.csv": [
            f"org-min,ministry,,,Ministry,,,,,,FI,,,,,,src-reg,{QUOTE}",
            f"org-age,agency,,,Agency,,,,,,FI,,,,,,src-reg,{QUOTE}",
            f"grp-board,board,,,Board,,,,,,FI,,,,,,src-reg,{QUOTE}",
        ],
        "persons.csv": [f"per-anna,Anna A,Anna,A,,,FI,,,,src-reg,{QUOTE}"],
        "posts.csv": [f"post-minister,minister,,,Minister,,,FI,,,,src-reg,{QUOTE}"],
        "relationships-memberships.csv": [
            f"MEMBER_OF,post-minister,grp-board,{membership_role},ex_officio,,,,,,,,,src-reg,{QUOTE}",
            f"HOLDS,per-anna,post-minister,,,,,,,2020,,,,src-reg,{QUOTE}",
        ],
        "relationships-steering.csv": [
            f"STEERS,org-min,org-age,{steering_mode},,,,,,src-reg,{QUOTE}"
        ],
    }
    for name, lines in rows.items():
        with (data / name).open("a", encoding="utf-8") as handle:
            handle.write("\n".join(lines) + "\n")
    return data, sources


def test_a_filled_template_with_mistakes_says_file_row_and_column(tmp_path: Path) -> None:
    data, sources = filled(tmp_path, "chairman", "performnce")
    report = validate_directory(data, sources)
    found = sorted(str(p) for p in report.problems)
    assert len(found) == 2
    assert found[0].startswith(
        f"{data / 'relationships-memberships.csv'}:2: role: unknown value 'chairman'"
    )
    assert found[1].startswith(
        f"{data / 'relationships-steering.csv'}:2: mode: unknown value 'performnce'"
    )
    assert "did you mean 'performance'?" in found[1]


def test_a_filled_template_loads(tmp_path: Path) -> None:
    data, sources = filled(tmp_path, "chair", "performance")
    report = validate_directory(data, sources)
    assert report.ok, report.problems
    assert report.bundle is not None
    store = LadybugStore(tmp_path / "t.lbug")
    load_tables(store, bundle_tables(report.bundle, "templates", report.csv_parts))
    stats = read.graph_stats(store)
    assert stats.total_nodes == 6 and stats.total_edges == 3
    assert read.get_entity(store, "per-anna").model_dump()["name"] == "Anna A"


def test_spreadsheet_rows_join_the_graph_they_refer_to(
    fresh_store: Callable[[str], GraphStore],
    seed_bundle: GraphBundle,
    sources_dir: Path,
    tmp_path: Path,
) -> None:
    store = fresh_store("csv-import")
    load_bundle(store, seed_bundle, "seed")
    folder = tmp_path / "rows"
    folder.mkdir()
    quote = "NTM-centralerna styrs"
    (folder / "organizations.csv").write_text(
        f"id,kind,name_sv,source,quote\ngrp-ny,working_group,Nya gruppen,src-000,{quote}\n",
        encoding="utf-8",
    )
    (folder / "relationships-memberships.csv").write_text(
        "type,from,to,role,basis,source,quote\n"
        f"MEMBER_OF,post-tem-kansliapaallikko,grp-ny,chair,ex_officio,src-000,{quote}\n",
        encoding="utf-8",
    )
    report = import_csv(store, folder, sources_dir=sources_dir)
    assert report.counts == {"Organization": 1, "MEMBER_OF": 1}
    assert report.total_nodes == SEED_NODES + 1 and report.total_edges == SEED_EDGES + 1
    members = ask_members(store, "grp-ny")
    assert members == {"post-tem-kansliapaallikko"}

    with pytest.raises(ValidationFailedError, match="problem"):
        import_csv(store, folder, sources_dir=sources_dir)  # the same ids again: refused
    replaced = import_csv(store, folder, sources_dir=sources_dir, replace=True)
    assert replaced.total_nodes == SEED_NODES + 1

    (folder / "relationships-memberships.csv").write_text(
        f"type,from,to,role,source,quote\nMEMBER_OF,post-nowhere,grp-ny,member,src-000,{quote}\n",
        encoding="utf-8",
    )
    with pytest.raises(ValidationFailedError) as failure:
        import_csv(store, folder, sources_dir=sources_dir, replace=True)
    where = f"{folder / 'relationships-memberships.csv'}:2: from: unknown node 'post-nowhere'"
    assert any(p.startswith(where) for p in failure.value.problems), failure.value.problems
    assert read.graph_stats(store).total_nodes == SEED_NODES + 1  # the refused file changed nothing


def ask_members(store: GraphStore, group: str) -> set[str]:
    from app.graph.groups import members
    from app.graph.walk import Budget
    from app.model.params import MembershipParams

    answer = members(store, group, MembershipParams(limit=50), Budget(10, 1000))
    return {m.member.id for m in answer.items}

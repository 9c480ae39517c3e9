"""The spreadsheet templates: filled in, they validate with file:row: column messages and load."""

import shutil
from pathlib import Path

from app.config import PROJECT_ROOT
from app.graph import read
from app.graph.load import bundle_tables, load_tables
from app.ingest.seed_files import validate_directory
from app.store.ladybug import LadybugStore

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

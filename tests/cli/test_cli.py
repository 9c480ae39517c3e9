"""The `orgmap` command, through typer's CliRunner."""

import importlib.metadata
import json
import shutil
from pathlib import Path

import yaml
from typer.testing import CliRunner

from app import __version__
from app.cli import app
from tests.conftest import SEED_DIR
from tests.seed_counts import SEED_EDGES, SEED_NODES

runner = CliRunner()
BROKEN = Path(__file__).resolve().parent.parent / "fixtures" / "broken"


def test_validate_prints_counts_per_label_and_type() -> None:
    result = runner.invoke(app, ["validate", str(SEED_DIR)])
    assert result.exit_code == 0, result.output
    assert f"valid: 13 files, {SEED_NODES} nodes, {SEED_EDGES} relationships" in result.output
    assert "│ STEERS          │    14 │" in result.output


def test_validate_reports_every_problem_and_exits_1() -> None:
    result = runner.invoke(app, ["validate", str(BROKEN)])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert sum(":" in line and "graph.yaml:" in line for line in lines) == 13
    assert lines[-1] == "14 problem(s) in 2 file(s)"
    assert "Traceback" not in result.output


def test_load_stats_and_queries(env_store: str) -> None:
    loaded = runner.invoke(app, ["load", str(SEED_DIR)])
    assert loaded.exit_code == 0, loaded.output
    assert f"loaded into {env_store} in " in loaded.output

    stats = runner.invoke(app, ["stats", "--json"])
    assert json.loads(stats.stdout)["total_edges"] == SEED_EDGES

    entity = runner.invoke(app, ["query", "entity", "-p", "id=per-petri-peltonen", "--json"])
    body = json.loads(entity.stdout)
    assert (body["type"], body["name"]) == ("Person", "Petri Peltonen")
    assert body["sources"][0]["doc"] == "src-004"

    page = runner.invoke(app, ["query", "entities", "-p", "type=Project", "-p", "limit=2"])
    assert page.exit_code == 0
    assert "1-2 of 8" in page.stdout


def test_a_failed_load_changes_nothing(env_db: Path) -> None:
    assert runner.invoke(app, ["load", str(SEED_DIR)]).exit_code == 0
    before = env_db.read_bytes()
    failed = runner.invoke(app, ["load", str(BROKEN)])
    assert failed.exit_code == 1
    assert "nothing was loaded, the previous graph is kept" in failed.stderr
    assert env_db.read_bytes() == before


def test_errors_are_one_line_without_a_traceback(env_db: Path) -> None:
    no_graph = runner.invoke(app, ["stats"])
    assert no_graph.exit_code == 1
    expected = f"error: no graph is loaded: run `orgmap load` first (no file at {env_db})"
    assert no_graph.stderr.strip() == expected

    runner.invoke(app, ["load", str(SEED_DIR)])
    cases = {
        ("query", "entity", "-p", "id=nope"): "error: no entity with id 'nope'",
        ("query", "nope"): "error: unknown query 'nope'; known: entity, entities, steered-by, "
        "steers, members, memberships, chairs, unchaired, preparation-chain, neighbourhood, "
        "paths, interlocks, search, changes, stats",
        ("query", "entities", "-p", "typ=Post"): "error: entities: typ: Extra inputs are not "
        "permitted (parameters: lang, limit, offset, type, kind)",
        ("query", "steers"): "error: steers: needs -p id=<entity id>",
        ("query", "paths", "-p", "from=org-tem"): "error: paths: to: Field required "
        "(parameters: lang, limit, offset, from, to, types, max_length, as_of)",
        ("query", "entities", "-p", "limit"): "error: --param 'limit' is not key=value",
    }
    for args, message in cases.items():
        result = runner.invoke(app, list(args))
        assert result.exit_code == 1, args
        assert result.stderr.strip() == message


def test_import_popolo_and_org_from_the_command_line(env_store: str, tmp_path: Path) -> None:
    eduskunta = Path(__file__).resolve().parent.parent / "fixtures" / "popolo" / "eduskunta.json"
    assert runner.invoke(app, ["load", str(SEED_DIR)]).exit_code == 0
    refused = runner.invoke(app, ["import", "popolo", str(eduskunta)])
    assert refused.exit_code == 1
    lines = refused.stderr.strip().splitlines()
    assert len(lines) == 46
    assert lines[-1] == "45 problem(s): nothing was imported, the graph is kept"
    assert "Traceback" not in refused.output
    done = runner.invoke(app, ["import", "popolo", str(eduskunta), "--placeholders"])
    assert done.exit_code == 0, done.output
    assert "1297 MEMBER_OF, 26 Organization, 432 Person; 10 placeholder(s)" in done.stdout
    turtle = tmp_path / "graph.ttl"
    assert runner.invoke(app, ["export", "graph", "-f", "turtle", "-o", str(turtle)]).exit_code == 0
    again = runner.invoke(app, ["import", "org", str(turtle)])
    assert again.exit_code == 1  # the same ids, now from another file: refused, named
    assert "already names an entity in the graph" in again.stderr


def test_problem_lines_are_printed_verbatim(tmp_path: Path) -> None:
    """A console library once turned ':100:' into an emoji, breaking file:line."""
    seeds = tmp_path / "seeds"
    shutil.copytree(SEED_DIR, seeds)
    organisations = seeds / "nodes" / "organizations.yaml"
    lines = organisations.read_text(encoding="utf-8").splitlines()
    first = next(i for i, line in enumerate(lines) if line.strip().startswith("alt_names:"))
    assert first < 99
    lines[first:first] = ["    # padding, so that the planted line is line 100"] * (99 - first)
    assert lines[99].strip().startswith("alt_names:")
    lines[99] = "    alt_names: 7  # [red]not[/red] :100: a list"
    organisations.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(seeds)], terminal_width=40)
    assert result.exit_code == 1
    problem = next(line for line in result.stderr.splitlines() if "organizations.yaml" in line)
    assert problem.startswith(f"{organisations}:100: alt_names")
    assert "💯" not in result.stderr


def test_query_answers_parse_back_whatever_the_terminal(env_store: str) -> None:
    assert runner.invoke(app, ["load", str(SEED_DIR)]).exit_code == 0
    asked = ["query", "steered-by", "-p", "id=org-te-toimistot"]
    as_yaml = runner.invoke(app, asked, terminal_width=40)
    as_json = runner.invoke(app, [*asked, "--json"], terminal_width=40)
    assert as_yaml.exit_code == as_json.exit_code == 0
    # The YAML leaves out empty fields; otherwise the two are the same answer, none wrapped.
    assert yaml.safe_load(as_yaml.stdout) == _without_nulls(json.loads(as_json.stdout))
    assert max(map(len, as_yaml.stdout.splitlines())) > 40


def test_a_query_as_of_a_day_the_entity_did_not_exist_says_so(env_store: str) -> None:
    assert runner.invoke(app, ["load", str(SEED_DIR)]).exit_code == 0
    asked = ["query", "steers", "-p", "id=prj-okm071-00-2021"]
    early = runner.invoke(app, [*asked, "-p", "as_of=2021-10-12"])
    assert early.exit_code == 0, early.output
    printed = yaml.safe_load(early.stdout)
    assert printed["subject_validity"]["state"] == "not_yet_valid"
    assert printed["subject_validity"]["valid_from"] == "2021-10-13"
    assert "did not exist yet on 2021-10-12" in printed["subject_validity"]["message"]
    assert (printed["items"], printed["total"]) == ([], 0)
    event = ["query", "neighbourhood", "-p", "id=evt-jjp-2019", "--json"]
    late = json.loads(runner.invoke(app, [*event, "-p", "as_of=2020-01-01"]).stdout)
    assert (late["subject_validity"]["state"], late["nodes"], late["edges"]) == ("ended", [], [])
    inside = json.loads(runner.invoke(app, [*event, "-p", "as_of=2019-06-01"]).stdout)
    assert inside["subject_validity"] is None and inside["nodes"]


def test_the_version_is_printed() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"orgmap {__version__}"
    assert __version__ == importlib.metadata.version("orgmap")


def _without_nulls(value: object) -> object:
    if isinstance(value, dict):
        return {k: _without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_nulls(v) for v in value]
    return value

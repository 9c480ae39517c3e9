"""A tiny run of the benchmark harness: every part runs and the table comes out."""

import json
from pathlib import Path

import pytest

from app.config import Settings
from bench import engines, run


def test_the_harness_runs_end_to_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(run, "DATA", tmp_path / "data")
    small = ["--sizes", "400", "--samples", "5", "--requests", "20", "--load-runs", "2"]
    run.main([*small, "--out", str(tmp_path)])
    (result_file,) = tmp_path.glob("*-400.json")
    result = json.loads(result_file.read_text())
    assert result["load"]["seconds"] > 0 and result["load"]["db_mb"] > 0
    assert len(result["load"]["runs_s"]) == 2
    assert (
        set(result["queries"])
        == set(result["networkx"]["queries"])
        == set(result["sqlite"]["queries"])
    )
    assert all(q["n"] == 5 for q in result["queries"].values())
    for workers in ("1_workers", "2_workers", "2_workers_no_cache"):
        for endpoint in ("steered-by", "members", "search"):
            assert result["api"][workers][endpoint]["errors"] == 0
            assert result["api"][workers][endpoint]["requests"] == 20
    swap = result["swap_under_load"]
    assert swap["swapped"] and swap["errors"] == 0 and swap["requests"] > 0
    view = result["map_2000_nodes"]
    assert view["nodes"] > 10 and view["edges"] >= view["nodes"] - 1 and view["page_kb"] > 0
    printed = capsys.readouterr().out
    assert "| steered-by |" in printed and "| API (loopback) |" in printed
    assert "map view (" in printed and "swap under load" in printed


def test_the_engines_harness_compares_both_side_by_side(
    own_settings: Settings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    if own_settings.backend != "neo4j":
        pytest.skip("compares LadybugDB with the Neo4j server of make test's Neo4j part")
    monkeypatch.setattr(engines, "DATA", tmp_path / "data")
    engines.main(["--sizes", "400", "--samples", "3", "--out", str(tmp_path)])
    (result_file,) = tmp_path.glob("*-engines-400.json")
    result = json.loads(result_file.read_text())
    assert result["load"]["ladybug"]["seconds"] > 0 and result["load"]["neo4j"]["seconds"] > 0
    moved = result["moved"]
    assert moved["stats_equal_after_loads"] and moved["neo4j_to_ladybug_same_stats"]
    assert moved["ladybug_to_neo4j_same_stats"]
    walked = result["queries"]
    assert set(walked) == {"ladybug", "neo4j", "neo4j_node_by_node"}
    for name, on_neo4j in walked["neo4j"].items():
        assert on_neo4j["n"] == 3 and on_neo4j["cold_p95_ms"] > 0
        # a walk by frontier never sends more statements than the same walk node by node
        assert on_neo4j["statements_max"] <= walked["neo4j_node_by_node"][name]["statements_max"]
    assert "| steered-by |" in capsys.readouterr().out

"""`make bench`, second part: the two engines side by side in one run, on one generated graph.

Run under tools/neo4j-server/with-neo4j (make bench does), which starts a Neo4j Community
server for it. For each size: load the graph into LadybugDB and into Neo4j with `orgmap load`
(wall seconds of the whole command, validation included), then ask every catalogue question
over the same random inputs on both: a cold pass (each input asked the first time) and a warm
pass (the same inputs again), with the embedded engine's read cache off, so that warm means
the engines' own caches (pages, plans), never a remembered answer. On Neo4j the walks are also
asked node by node (its walks before they went by frontier), with the statements each answer
sent. Writes bench/results/<date>-engines-<size>.json and .md and prints the table.
"""

import argparse
import json
import os
import random
import statistics
import subprocess
import time
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from app.config import Settings
from app.store import GraphStore, open_store
from app.store.base import Row
from bench.run import DATA, ORGMAP, RESULTS, catalogue_calls, inputs_for, percentile, run_child


def _generated(nodes: int) -> Path:
    folder = DATA / f"{nodes}"
    if not (folder / "relationships.csv").exists():
        run_child([*ORGMAP, "generate", "--nodes", str(nodes), "--out", str(folder), "--seed", "1"])
    return folder


def _load(folder: Path, env: Mapping[str, str], runs: int) -> dict[str, Any]:
    command = [*ORGMAP, "load", str(folder), "--sources-dir", str(folder / "sources")]
    seconds = [run_child(command, {**os.environ, **env})[0] for _ in range(runs)]
    return {"seconds": statistics.median(seconds), "runs_s": seconds}


def _moved(
    nodes: int, db: Path, embedded: dict[str, str], server: dict[str, str], limit_s: float
) -> dict[str, Any]:
    """`orgmap dump` from each engine and `restore` into the other: the same `stats` both
    ways (the restored graph's against the loaded one's). The restore into Neo4j replaces the
    graph it holds, in one transaction; past `limit_s` it is stopped (and rolled back)."""

    def cli(env: dict[str, str], *args: str, limit: float | None = None) -> tuple[float, str]:
        started = time.perf_counter()
        done = subprocess.run(
            [*ORGMAP, *args],
            env={**os.environ, **env},
            capture_output=True,
            text=True,
            timeout=limit,
            check=True,
        )
        return time.perf_counter() - started, done.stdout

    def stats(env: dict[str, str]) -> Any:
        return json.loads(cli(env, "stats", "--json")[1])

    out_of_neo4j, out_of_ladybug = DATA / f"{nodes}-neo4j.jsonl", DATA / f"{nodes}-ladybug.jsonl"
    restored = {**embedded, "ORGMAP_DB_PATH": str(db.with_name(f"{nodes}-restored.lbug"))}
    loaded = {"ladybug": stats(embedded), "neo4j": stats(server)}
    dump_neo4j_s, _ = cli(server, "dump", str(out_of_neo4j))
    dump_ladybug_s, _ = cli(embedded, "dump", str(out_of_ladybug))
    into_ladybug_s, _ = cli(restored, "restore", str(out_of_neo4j))
    try:
        into_neo4j_s: float | None = cli(server, "restore", str(out_of_ladybug), limit=limit_s)[0]
    except subprocess.TimeoutExpired:
        into_neo4j_s = None  # stopped: the transaction is rolled back, the graph kept
    return {
        "stats_equal_after_loads": loaded["ladybug"] == loaded["neo4j"],
        "neo4j_to_ladybug_same_stats": stats(restored) == loaded["neo4j"],
        # only when the restore ran to its end (else the graph kept is the one loaded)
        "ladybug_to_neo4j_same_stats": (
            stats(server) == loaded["ladybug"] if into_neo4j_s is not None else None
        ),
        "kept_after_a_stopped_restore": into_neo4j_s is None and stats(server) == loaded["neo4j"],
        "dump_s": {"ladybug": dump_ladybug_s, "neo4j": dump_neo4j_s},
        "restore_s": {"ladybug": into_ladybug_s, "neo4j": into_neo4j_s},
        "restore_limit_s": limit_s,
        "dump_mb": out_of_neo4j.stat().st_size / 1e6,
    }


class Counted:
    """Counts the statements a store is sent (each a round trip on a server)."""

    def __init__(self, store: GraphStore) -> None:
        self.sent = 0
        read = store.read

        def counting(text: str, params: Mapping[str, Any]) -> list[Row]:
            self.sent += 1
            return read(text, params)

        store.read = counting  # type: ignore[method-assign]  # an instance's own wrapper


def _passes(
    store: GraphStore, settings: Settings, inputs: dict[str, list[Any]]
) -> dict[str, dict[str, float]]:
    counted = Counted(store)
    calls: dict[str, Callable[[Any], Any]] = catalogue_calls(store, settings)
    result: dict[str, dict[str, float]] = {}
    for name, call in calls.items():
        times: dict[str, list[float]] = {"cold": [], "warm": []}
        statements: list[int] = []
        for phase in ("cold", "warm"):
            for value in inputs[name]:
                before = counted.sent
                started = time.perf_counter()
                call(value)
                times[phase].append((time.perf_counter() - started) * 1000)
                statements.append(counted.sent - before)
        result[name] = {
            **{f"{p}_median_ms": statistics.median(t) for p, t in times.items()},
            **{f"{p}_p95_ms": percentile(t, 0.95) for p, t in times.items()},
            "statements_median": statistics.median(statements),
            "statements_max": max(statements),
            "n": len(inputs[name]),
        }
    return result


def bench_engines(
    nodes: int, samples: int, load_runs: int, rng: random.Random, replace_limit_s: float
) -> dict[str, Any]:
    if not os.environ.get("ORGMAP_NEO4J_URI"):
        raise SystemExit("run me under tools/neo4j-server/with-neo4j (make bench does)")
    folder = _generated(nodes)
    db = DATA / f"{nodes}-engines.lbug"
    embedded = {"ORGMAP_BACKEND": "ladybug", "ORGMAP_DB_PATH": str(db)}
    server = {"ORGMAP_BACKEND": "neo4j"}
    result: dict[str, Any] = {"nodes": nodes, "date": date.today().isoformat()}
    result["load"] = {
        "ladybug": _load(folder, embedded, load_runs),
        "neo4j": _load(folder, server, load_runs),
    }
    inputs = inputs_for(folder, samples, rng)
    ladybug_settings = Settings(db_path=db, query_timeout_s=120, read_cache_rows=0)
    neo4j_settings = Settings(backend="neo4j", query_timeout_s=120)
    result["queries"] = {}
    with open_store(ladybug_settings) as store:
        result["queries"]["ladybug"] = _passes(store, ladybug_settings, inputs)
    with open_store(neo4j_settings) as store:
        result["queries"]["neo4j"] = _passes(store, neo4j_settings, inputs)
    with open_store(neo4j_settings) as store:
        setattr(store, "walks_by_frontier", False)  # noqa: B010  # the walks as they were
        result["queries"]["neo4j_node_by_node"] = _passes(store, neo4j_settings, inputs)
    result["moved"] = _moved(nodes, db, embedded, server, replace_limit_s)
    return result


def table(result: dict[str, Any]) -> str:
    load, moved = result["load"], result["moved"]
    lines = [
        f"### Engines side by side, {result['nodes']:,} nodes ({result['date']})",
        "",
        f"`orgmap load` (validation included), the median of {len(load['ladybug']['runs_s'])} "
        f"runs: LadybugDB {load['ladybug']['seconds']:.1f} s, Neo4j {load['neo4j']['seconds']:.1f} s",
        "",
        "dump and restore across engines: Neo4j → LadybugDB same stats: {a}, LadybugDB → Neo4j "
        "same stats: {b} (None: not finished); dump {dl:.1f} s (LadybugDB) / {dn:.1f} s (Neo4j), {mb:.0f} MB; restore "
        "{rl:.1f} s (into LadybugDB) / {rn} (into Neo4j, replacing the graph it held)".format(
            a=moved["neo4j_to_ladybug_same_stats"],
            b=moved["ladybug_to_neo4j_same_stats"],
            dl=moved["dump_s"]["ladybug"],
            dn=moved["dump_s"]["neo4j"],
            mb=moved["dump_mb"],
            rl=moved["restore_s"]["ladybug"],
            rn=(
                f"{moved['restore_s']['neo4j']:.1f} s"
                if moved["restore_s"]["neo4j"] is not None
                else f"stopped after {moved['restore_limit_s']:.0f} s, the graph kept: "
                f"{moved['kept_after_a_stopped_restore']}"
            ),
        ),
        "",
        "Median / p95 ms per answer, cold (each input's first ask) and warm (asked again); "
        "statements per answer (median, most). LadybugDB's read cache off.",
        "",
        "| question | LadybugDB cold | LadybugDB warm | Neo4j cold | Neo4j warm | Neo4j statements | "
        "Neo4j node by node: cold | warm | statements |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    queries = result["queries"]
    for name, lb in queries["ladybug"].items():
        n4, old = queries["neo4j"][name], queries["neo4j_node_by_node"][name]

        def cell(q: dict[str, float], phase: str) -> str:
            return f"{q[f'{phase}_median_ms']:.1f} / {q[f'{phase}_p95_ms']:.1f}"

        def sent(q: dict[str, float]) -> str:
            return f"{q['statements_median']:.0f} ({q['statements_max']:.0f})"

        lines.append(
            f"| {name} | {cell(lb, 'cold')} | {cell(lb, 'warm')} | {cell(n4, 'cold')} | "
            f"{cell(n4, 'warm')} | {sent(n4)} | {cell(old, 'cold')} | {cell(old, 'warm')} | "
            f"{sent(old)} |"
        )
    return "\n".join([*lines, ""])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--samples", type=int, default=50, help="random inputs per question")
    parser.add_argument("--load-runs", type=int, default=1, help="loads timed per engine")
    parser.add_argument(
        "--replace-limit-s", type=float, default=3600, help="stop a restore into Neo4j after"
    )
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    DATA.mkdir(parents=True, exist_ok=True)
    for nodes in args.sizes:
        result = bench_engines(
            nodes, args.samples, args.load_runs, random.Random(nodes), args.replace_limit_s
        )
        stem = args.out / f"{result['date']}-engines-{nodes}"
        stem.with_suffix(".json").write_text(json.dumps(result, indent=1), encoding="utf-8")
        text = table(result)
        stem.with_suffix(".md").write_text(text, encoding="utf-8")
        print(text, flush=True)  # noqa: T201


if __name__ == "__main__":
    main()

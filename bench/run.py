"""`make bench`: OrgMap at 10k, 100k and 1M nodes, side by side with networkx and SQLite.

For each size: generate a synthetic administration, load it with `orgmap load` (time, peak RSS,
size on disk), time reopen-to-first-answer, run every catalogue query over random inputs through
app/graph (median, p95), drive the API over loopback with 1 and 2 uvicorn workers (fixed request
count and time limit), and ask networkx and SQLite the same questions. Writes
bench/results/<date>-<size>.json and .md and prints the table.
"""

import argparse
import contextlib
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from http.client import HTTPConnection
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pyarrow.compute as pc
import pyarrow.csv as pacsv

from app.config import PROJECT_ROOT, Settings
from app.graph.catalogue import CATALOGUE, budget
from app.graph.explore import neighbourhood
from app.model.params import GraphViewParams, NeighbourhoodViewParams
from app.model.vocabulary import RelType
from app.store import GraphStore
from app.store.ladybug import LadybugStore
from app.viz.graph import ViewGraph
from app.viz.maps import build_view
from app.viz.overview import NEATO_UP_TO, overview_positions
from app.viz.page import render_html
from bench import baselines

ORGMAP = [sys.executable, "-c", "from app.cli import app; app()"]
DATA = PROJECT_ROOT / "bench" / "data"
RESULTS = PROJECT_ROOT / "bench" / "results"
FEW = {"paths": 10}  # baselines' all-shortest-paths: seconds each at a million nodes
TARGETS_MS = {  # p95 targets at 1M nodes
    "steered-by": 5,
    "steers": 5,
    "members": 5,
    "memberships": 5,
    "chairs": 5,
    "search": 5,
    "neighbourhood": 5,
    "paths": 50,
}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values) or [float("nan")]
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def timed(function: Callable[[Any], Any], inputs: list[Any]) -> dict[str, float]:
    times = []
    for value in inputs:
        started = time.perf_counter()
        function(value)
        times.append((time.perf_counter() - started) * 1000)
    return {
        "median_ms": statistics.median(times),
        "p95_ms": percentile(times, 0.95),
        "n": len(times),
    }


def run_child(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float, str]:
    """Wall seconds, peak RSS (MB) and stdout of one child process."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        child = subprocess.Popen(command, stdout=out, stderr=errors, env=env)
        _, status, usage = os.wait4(child.pid, 0)
        elapsed = time.perf_counter() - started
        out.seek(0)
        errors.seek(0)
        if status:
            raise RuntimeError(f"{command[2:5]} failed: {errors.read().decode()[-800:]}")
        return elapsed, usage.ru_maxrss / 1024, out.read().decode()


def inputs_for(folder: Path, count: int, rng: random.Random) -> dict[str, list[Any]]:
    """Random inputs each question makes sense for, drawn from the generated files."""
    edges = pacsv.read_csv(
        folder / "relationships.csv",
        convert_options=pacsv.ConvertOptions(include_columns=["type", "from", "to", "role"]),
    )

    def ends(rel: str, side: str, role: str | None = None) -> list[str]:
        mask = pc.equal(edges["type"], rel)
        if role:
            mask = pc.and_(mask, pc.equal(edges["role"], role))
        found: list[str] = pc.unique(pc.filter(edges[side], mask)).to_pylist()
        return found

    def pick(pool: list[Any]) -> list[Any]:
        return [rng.choice(pool) for _ in range(count)] if pool else []

    steered = ends("STEERS", "to") + ends("PART_OF", "from")
    steering = [i for i in ends("STEERS", "from") if not i.startswith("min-")]
    groups, holders = ends("MEMBER_OF", "to"), ends("HOLDS", "from")
    orgs = pacsv.read_csv(
        folder / "organizations.csv",
        convert_options=pacsv.ConvertOptions(include_columns=["id", "name_fi"]),
    )
    words = [
        w
        for name in rng.sample(orgs["name_fi"].to_pylist(), min(200, len(orgs)))
        for w in name.split()[:1]
    ]
    everything = steered + groups + holders
    return {
        "steered-by": pick(steered),
        "steers": pick(steering),
        "members": pick(groups),
        "memberships": pick(holders),
        "chairs": pick(holders),
        "search": pick([w[:5].lower() for w in words]),
        "neighbourhood": pick(everything),
        "paths": [tuple(rng.sample(everything, 2)) for _ in range(count)],
    }


def catalogue_calls(store: GraphStore, settings: Settings) -> dict[str, Callable[[Any], Any]]:
    def call(name: str, params: dict[str, Any], with_id: bool = True) -> Callable[[Any], Any]:
        entry = CATALOGUE[name]

        def ask(value: Any) -> Any:
            extra = {"q": value} if name == "search" else {}
            if name == "paths":
                extra = {"from": value[0], "to": value[1]}
            p = entry.params.model_validate({**params, **extra})
            return entry.answer(store, value if with_id else None, p, budget(settings))

        return ask

    return {
        "steered-by": call("steered-by", {}),
        "steers": call("steers", {}),
        "members": call("members", {}),
        "memberships": call("memberships", {}),
        "chairs": call("chairs", {}),
        "search": call("search", {}, with_id=False),
        "neighbourhood": call("neighbourhood", {"depth": 2, "limit": 500}),
        "paths": call("paths", {"max_length": 4}, with_id=False),
    }


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def http_load(
    port: int,
    paths: list[str],
    requests: int,
    seconds: float,
    clients: int,
    stop: threading.Event | None = None,
) -> dict[str, float]:
    """A bounded load generator: `clients` keep-alive connections share `requests` requests,
    stopping at `seconds` (or when `stop` is set) whatever is left; 127.0.0.1 only."""
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds
    counter = iter(range(requests))

    def client() -> None:
        connection = HTTPConnection("127.0.0.1", port, timeout=30)
        mine: list[float] = []
        for index in counter:
            if time.perf_counter() > deadline or (stop is not None and stop.is_set()):
                break
            started = time.perf_counter()
            try:
                connection.request("GET", paths[index % len(paths)])
                response = connection.getresponse()
                response.read()
                failed = response.status != 200
            except OSError:
                connection.close()
                connection = HTTPConnection("127.0.0.1", port, timeout=30)
                failed = True
            mine.append((time.perf_counter() - started) * 1000)
            if failed:
                with lock:
                    errors[0] += 1
        with lock:
            latencies.extend(mine)

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    return {
        "requests": len(latencies),
        "errors": errors[0],
        "rps": len(latencies) / elapsed,
        "p50_ms": percentile(latencies, 0.5),
        "p99_ms": percentile(latencies, 0.99),
    }


@contextlib.contextmanager
def serving(db: Path, workers: int, cache_rows: int | None = None) -> Iterator[int]:
    """`orgmap serve` on a free loopback port, up and answering; stopped on exit."""
    port = free_port()
    env = {**os.environ, "ORGMAP_DB_PATH": str(db), "ORGMAP_LOG_LEVEL": "warning"}
    if cache_rows is not None:
        env["ORGMAP_READ_CACHE_ROWS"] = str(cache_rows)
    command = [*ORGMAP, "serve", "--port", str(port), "--workers", str(workers)]
    server = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        for _ in range(300):
            try:
                HTTPConnection("127.0.0.1", port, timeout=1).request("GET", "/health")
                break
            except OSError:
                time.sleep(0.1)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=30)


def api_plans(inputs: dict[str, list[Any]]) -> dict[str, list[str]]:
    return {
        "steered-by": [f"/api/v1/entities/{i}/steered-by" for i in inputs["steered-by"]],
        "members": [f"/api/v1/entities/{i}/members" for i in inputs["members"]],
        "search": [f"/api/v1/search?q={quote(q)}" for q in inputs["search"]],
    }


def api_bench(
    db: Path, workers: int, inputs: dict[str, list[Any]], requests: int, cache_rows: int | None
) -> dict[str, Any]:
    """Each endpoint over its inputs in turn (each input asked about 15 times at 3,000
    requests): with the read cache, most answers after the first round are remembered."""
    with serving(db, workers, cache_rows) as port:
        plans = api_plans(inputs)
        for paths in plans.values():  # warm up every worker
            http_load(port, paths, 50, 10, 4)
        return {name: http_load(port, paths, requests, 30, 8) for name, paths in plans.items()}


def swap_under_load(db: Path, folder: Path, inputs: dict[str, list[Any]]) -> dict[str, Any]:
    """Readers keep answering while `orgmap load` swaps a new graph in under them: 2 workers
    serve steered-by for the whole load; every failed request counts."""
    env = {**os.environ, "ORGMAP_DB_PATH": str(db)}
    with serving(db, 2) as port:
        paths = api_plans(inputs)["steered-by"]
        http_load(port, paths, 50, 10, 4)
        stop = threading.Event()
        answers: dict[str, float] = {}
        reader = threading.Thread(
            target=lambda: answers.update(http_load(port, paths, 10**9, 600, 4, stop))
        )
        reader.start()
        loaded_at_before = _loaded_at(port)
        seconds, _, _ = run_child(
            [*ORGMAP, "load", str(folder), "--sources-dir", str(folder / "sources")], env
        )
        time.sleep(1)  # requests after the swap
        stop.set()
        reader.join()
        swapped = _loaded_at(port) != loaded_at_before
    return {"load_s": seconds, "swapped": swapped, **answers}


def _loaded_at(port: int) -> str:
    connection = HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", "/health")
    return str(json.loads(connection.getresponse().read())["loaded_at"])


def bench_size(
    nodes: int, samples: int, requests: int, rng: random.Random, load_runs: int = 3
) -> dict[str, Any]:
    folder, db = DATA / f"{nodes}", DATA / f"{nodes}.lbug"
    result: dict[str, Any] = {"nodes": nodes, "date": date.today().isoformat()}
    if not (folder / "relationships.csv").exists():
        shutil.rmtree(folder, ignore_errors=True)
        seconds, _, _ = run_child(
            [*ORGMAP, "generate", "--nodes", str(nodes), "--out", str(folder), "--seed", "1"]
        )
        result["generate_s"] = seconds
    env = {**os.environ, "ORGMAP_DB_PATH": str(db)}
    loads = [  # the same load several times: one run on a shared machine says little
        run_child([*ORGMAP, "load", str(folder), "--sources-dir", str(folder / "sources")], env)
        for _ in range(load_runs)
    ]
    result["load"] = {
        "seconds": statistics.median(seconds for seconds, _, _ in loads),
        "runs_s": [seconds for seconds, _, _ in loads],
        "peak_rss_mb": max(rss for _, rss, _ in loads),
        "db_mb": db.stat().st_size / 1e6,
    }
    # From opening the file to the first answer, in a fresh process (imports done first, as in
    # a server that picks up a newly loaded graph).
    probe = "import time; from pathlib import Path; from app.store.ladybug import LadybugStore; from app.graph.refs import node_by_id; t=time.perf_counter(); s=LadybugStore(Path(%r)); node_by_id(s, 'min-0'); print(time.perf_counter()-t)"
    reopen = [float(run_child([sys.executable, "-c", probe % str(db)])[2]) for _ in range(5)]
    result["reopen_to_first_answer_s"] = statistics.median(reopen)

    inputs = inputs_for(folder, samples, rng)
    settings = Settings(db_path=db, query_timeout_s=60)
    store = LadybugStore(db)
    calls = catalogue_calls(store, settings)
    result["queries"] = {name: timed(calls[name], inputs[name]) for name in calls}
    store.close()

    started = time.perf_counter()
    graph = baselines.build_networkx(folder)
    nx_build = time.perf_counter() - started
    nx_questions = baselines.networkx_questions(graph)
    result["networkx"] = {
        "build_s": nx_build,
        "queries": {n: timed(q, inputs[n][: FEW.get(n, 50)]) for n, q in nx_questions.items()},
    }
    del graph, nx_questions
    started = time.perf_counter()
    sqlite_db = baselines.build_sqlite(folder, DATA / f"{nodes}.sqlite")
    sq_build = time.perf_counter() - started
    sq_questions = baselines.sqlite_questions(sqlite_db)
    result["sqlite"] = {
        "build_s": sq_build,
        "queries": {n: timed(q, inputs[n][: FEW.get(n, 50)]) for n, q in sq_questions.items()},
    }
    sqlite_db.close()
    result["api"] = {
        f"{w}_workers": api_bench(db, w, inputs, requests, None) for w in (1, 2)
    }  # and without the read cache: every request pays for its reads
    result["api"]["2_workers_no_cache"] = api_bench(db, 2, inputs, requests, 0)
    result["swap_under_load"] = swap_under_load(db, folder, inputs)
    result["map_2000_nodes"] = map_bench(db, settings)
    return result


def map_bench(db: Path, settings: Settings, size: int = 2000) -> dict[str, Any]:
    """A view of up to `size` nodes around the first ministry: the neighbourhood query, then
    the self-contained page (median of five each)."""
    store = LadybugStore(db)
    query_s, render_s = [], []
    for _ in range(5):
        started = time.perf_counter()
        asked = NeighbourhoodViewParams(depth=6, types=list(RelType), limit=size)
        answer = neighbourhood(store, "min-0", asked, budget(settings))
        query_s.append(time.perf_counter() - started)
        started = time.perf_counter()
        view = ViewGraph(title="min-0", focus="min-0")
        view.add_entities([answer.center, *answer.nodes])
        view.add_edges(answer.edges)
        page = render_html(view)
        render_s.append(time.perf_counter() - started)
    whole = build_view(store, "graph", None, GraphViewParams(limit=size), budget(settings))
    layout_s = []
    for _ in range(3):  # the whole graph's layout alone: Graphviz's sfdp (neato when smaller)
        started = time.perf_counter()
        overview_positions(whole)
        layout_s.append(time.perf_counter() - started)
    store.close()
    return {
        "whole_graph": {
            "nodes": len(whole.nodes),
            "edges": len(whole.drawable_edges()),
            "engine": "neato" if len(whole.nodes) <= NEATO_UP_TO else "sfdp",
            "layout_s": statistics.median(layout_s),
        },
        "nodes": len(view.nodes),
        "edges": len(view.drawable_edges()),
        "query_s": statistics.median(query_s),
        "render_s": statistics.median(render_s),
        "page_kb": len(page.encode()) / 1024,
        # In a thread of its own: Playwright's sync API refuses a thread with an event loop.
        "browser_interactive_s": ThreadPoolExecutor(1).submit(browser_time, page).result(),
    }


def browser_time(page: str, runs: int = 3) -> float:
    """Median seconds from opening the page file in headless Chromium to its first drawing
    with the network ready for clicks (Debian's chromium, as in the browser tests)."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder, sync_playwright() as driver:
        path = Path(folder) / "view.html"
        path.write_text(page, encoding="utf-8")
        browser = driver.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        times = []
        for _ in range(runs):
            tab = browser.new_page()
            started = time.perf_counter()
            tab.goto(path.as_uri())
            tab.wait_for_function("() => window.orgmap && window.orgmap.drawn", timeout=120_000)
            times.append(time.perf_counter() - started)
            tab.close()
        browser.close()
    return statistics.median(times)


def table(result: dict[str, Any]) -> str:
    lines = [
        f"### {result['nodes']:,} nodes ({result['date']})",
        "",
        f"load {result['load']['seconds']:.1f} s, the median of {len(result['load']['runs_s'])} runs (target 30 s at 1M), peak RSS {result['load']['peak_rss_mb']:.0f} MB (target 2,048), "
        f"database {result['load']['db_mb']:.0f} MB, reopen-to-first-answer {result['reopen_to_first_answer_s'] * 1000:.0f} ms (target 200); "
        f"networkx build {result['networkx']['build_s']:.1f} s, SQLite build {result['sqlite']['build_s']:.1f} s",
        "",
        "| query | OrgMap median / p95 ms | networkx median / p95 ms | SQLite median / p95 ms | OrgMap ÷ networkx (p95) | OrgMap ÷ SQLite (p95) | target p95 at 1M |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, ours in result["queries"].items():
        nx_q, sq_q = result["networkx"]["queries"][name], result["sqlite"]["queries"][name]
        lines.append(
            f"| {name} | {ours['median_ms']:.2f} / {ours['p95_ms']:.2f} | {nx_q['median_ms']:.2f} / {nx_q['p95_ms']:.2f} | "
            f"{sq_q['median_ms']:.2f} / {sq_q['p95_ms']:.2f} | {ours['p95_ms'] / max(nx_q['p95_ms'], 1e-6):.1f} | "
            f"{ours['p95_ms'] / max(sq_q['p95_ms'], 1e-6):.1f} | {TARGETS_MS.get(name, '-')} |"
        )
    lines += [
        "",
        "| API (loopback) | workers | requests | errors | req/s | p50 ms | p99 ms |",
        "|---|---|---|---|---|---|---|",
    ]
    for workers, runs in result["api"].items():
        for name, run in runs.items():
            lines.append(
                f"| {name} | {workers.split('_')[0]}{' (no read cache)' if 'no_cache' in workers else ''} | {run['requests']} | {run['errors']} | {run['rps']:.0f} | {run['p50_ms']:.1f} | {run['p99_ms']:.1f} |"
            )
    swap = result["swap_under_load"]
    lines += [
        "",
        f"swap under load: `orgmap load` ran {swap['load_s']:.1f} s while 2 workers served "
        f"steered-by: {swap['requests']} requests, {swap['errors']} errors, p99 {swap['p99_ms']:.0f} ms, "
        f"new graph {'served' if swap['swapped'] else 'NOT served'} afterwards",
        "",
        "map view ({nodes} nodes, {edges} edges): neighbourhood query {query_s:.2f} s + page "
        "{render_s:.2f} s = {total:.2f} s (target 1 s), {page_kb:.0f} KB; interactive in "
        "headless Chromium after {browser_interactive_s:.2f} s (target 5 s)".format(
            total=result["map_2000_nodes"]["query_s"] + result["map_2000_nodes"]["render_s"],
            **result["map_2000_nodes"],
        ),
        "whole-graph view ({nodes} nodes, {edges} edges): laid out by {engine} in "
        "{layout_s:.2f} s".format(**result["map_2000_nodes"]["whole_graph"]),
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--samples", type=int, default=200, help="random inputs per query")
    parser.add_argument("--requests", type=int, default=3000, help="HTTP requests per endpoint")
    parser.add_argument("--load-runs", type=int, default=3, help="loads timed per size")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    DATA.mkdir(parents=True, exist_ok=True)
    for nodes in args.sizes:
        result = bench_size(
            nodes, args.samples, args.requests, random.Random(nodes), args.load_runs
        )
        stem = args.out / f"{result['date']}-{nodes}"
        stem.with_suffix(".json").write_text(json.dumps(result, indent=1), encoding="utf-8")
        text = table(result)
        stem.with_suffix(".md").write_text(text, encoding="utf-8")
        print(text, flush=True)  # noqa: T201


if __name__ == "__main__":
    main()

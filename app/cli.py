"""The `orgmap` command: thin, it parses arguments and calls the same functions as the API.

Every failure is one clear line on stderr and a non-zero exit, never a traceback.
"""

import contextlib
import functools
import json
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated, NoReturn, ParamSpec, TypeVar

import typer
import uvicorn
import yaml
from pydantic import BaseModel, ValidationError
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    TaskID,
    TaskProgressColumn,
    TextColumn,
    TimeRemainingColumn,
)
from rich.progress import Progress as RichProgress
from rich.table import Table
from rich.text import Text

from app import __version__, deadline, synthetic
from app.config import Settings, get_settings
from app.errors import OrgMapError, ValidationFailedError
from app.graph import read
from app.graph.catalogue import CATALOGUE, ask, budget
from app.graph.dump import restore as restore_dump
from app.graph.dump import write_dump
from app.graph.load import bundle_tables, load_tables
from app.ingest.seed_files import ValidationReport, validate_directory
from app.interop.exports import GRAPH_FORMATS, MAP_FORMATS, export_file, write_map_file
from app.interop.imports import ImportReport, import_csv, import_org, import_popolo
from app.model.answers import EntityPage
from app.model.vocabulary import Country, Lang
from app.progress import Progress
from app.store import GraphStore, open_store
from app.viz.exports import FORMATS
from app.viz.maps import VIEWS, build_view

app = typer.Typer(
    help="OrgMap: who steers whom in public administration.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


def _version(asked: bool) -> None:
    if asked:
        out.print(f"orgmap {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """OrgMap: who steers whom in public administration."""


export_app = typer.Typer(help="Write maps and exports to files.", no_args_is_help=True)
app.add_typer(export_app, name="export")
import_app = typer.Typer(help="Read open formats into the graph.", no_args_is_help=True)
app.add_typer(import_app, name="import")


def _verbatim(stderr: bool = False) -> Console:
    """A console that prints text as it is: no markup, no emoji codes (":100:" in a problem's
    "file:100:" would become an emoji), no highlighting and no wrapping of long lines."""
    return Console(stderr=stderr, markup=False, emoji=False, highlight=False, soft_wrap=True)


out = _verbatim()
err = _verbatim(stderr=True)

P = ParamSpec("P")
M = TypeVar("M", bound=BaseModel)
R = TypeVar("R")


def _one_line_errors(command: Callable[P, R]) -> Callable[P, R]:
    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except typer.Exit:
            raise
        except OrgMapError as exc:
            _error(f"{exc} ({exc.internal})" if exc.internal else str(exc))
        except Exception as exc:
            _error(f"{type(exc).__name__}: {exc}")
        raise typer.Exit(1)

    return wrapper


def _error(message: str) -> None:
    err.print(Text.assemble(("error:", "red"), " ", message))


def _print_data(data: object) -> None:
    """Machine-readable output (JSON), straight to stdout."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


SeedDir = Annotated[
    Path | None,
    typer.Argument(help="Seed-data directory (default: ORGMAP_SEED_DIR, i.e. seed_data/)."),
]
SourcesOpt = Annotated[
    Path | None,
    typer.Option(
        "--sources-dir", help="Source documents quotes are checked against (ORGMAP_SOURCES_DIR)."
    ),
]


def _validate(
    directory: Path | None,
    sources_dir: Path | None,
    settings: Settings,
    progress: Progress | None = None,
) -> ValidationReport:
    report = validate_directory(
        directory or settings.seed_dir, sources_dir or settings.sources_dir, progress
    )
    for problem in report.problems:
        err.print(str(problem))
    if not report.quotes_checked:
        where = sources_dir or settings.sources_dir
        note = f" quotes not checked: no source documents at {where}"
        err.print(Text.assemble(("warning:", "yellow"), note))
    return report


def _counts_table(report: ValidationReport) -> Table:
    table = Table()
    table.add_column("label / type")
    table.add_column("count", justify="right")
    for name, count in [*report.node_counts().items(), *report.edge_counts().items()]:
        table.add_row(name, str(count))
    return table


@app.command()
@_one_line_errors
def validate(directory: SeedDir = None, sources_dir: SourcesOpt = None) -> None:
    """Check every seed file and the graph they make; report all problems as file:line: field."""
    report = _validate(directory, sources_dir, get_settings())
    if not report.ok or report.bundle is None:
        err.print(f"{len(report.problems)} problem(s) in {report.files} file(s)")
        raise typer.Exit(1)
    out.print(_counts_table(report))
    nodes, edges = sum(report.node_counts().values()), sum(report.edge_counts().values())
    out.print(f"valid: {report.files} files, {nodes} nodes, {edges} relationships")


@app.command()
@_one_line_errors
def load(
    directory: SeedDir = None,
    sources_dir: SourcesOpt = None,
    db: Annotated[Path | None, typer.Option(help="Database path (ORGMAP_DB_PATH).")] = None,
) -> None:
    """Validate, then swap the new graph in atomically (on any failure the old one stays)."""
    settings = get_settings()
    if db is not None:
        settings = settings.model_copy(update={"db_path": db})
    started = time.perf_counter()
    with _progress_bar() as progress:
        report = _validate(directory, sources_dir, settings, progress)
        if not report.ok or report.bundle is None:
            count = len(report.problems)
            message = f"{count} problem(s): nothing was loaded, the previous graph is kept"
            err.print(message)
            raise typer.Exit(1)
        origin = str(directory or settings.seed_dir)
        counts = _counts_table(report)
        tables = bundle_tables(report.bundle, origin, report.csv_parts)  # frees the raw columns
        with open_store(settings) as store:
            revision = load_tables(store, tables, progress)
    elapsed = time.perf_counter() - started
    out.print(counts)
    out.print(f"loaded into {settings.graph_location} in {elapsed:.2f} s (revision {revision})")


@app.command()
@_one_line_errors
def dump(
    file: Annotated[Path, typer.Argument(help="JSON-lines file to write ('-' for stdout).")],
) -> None:
    """Write the whole graph as a portable JSON-lines dump (restore it into either backend)."""
    with open_store(get_settings()) as store:
        if str(file) == "-":
            count = write_dump(store, sys.stdout)
            return
        partial = file.with_name(file.name + ".partial")
        with partial.open("w", encoding="utf-8") as handle:
            count = write_dump(store, handle)
        partial.replace(file)  # a failed dump never leaves a truncated file under the name
    out.print(f"dumped {count} nodes and relationships to {file}")


def _refused(exc: ValidationFailedError, what: str) -> NoReturn:
    """Every problem of a refused file, then the summary; exit 1."""
    for problem in exc.problems:
        err.print(problem)
    err.print(f"{len(exc.problems)} problem(s): nothing was {what}, the graph is kept")
    raise typer.Exit(1) from exc


@app.command()
@_one_line_errors
def restore(file: Annotated[Path, typer.Argument(help="A file written by `orgmap dump`.")]) -> None:
    """Replace the graph with a dump's, validated first; on any problem the graph is kept."""
    settings = get_settings()
    try:
        with open_store(settings) as store, _progress_bar() as progress:
            bundle = restore_dump(store, file, progress)
    except ValidationFailedError as exc:
        _refused(exc, "restored")
    total = len(bundle.sources) + len(bundle.nodes)
    out.print(f"restored {total} nodes and {len(bundle.edges)} relationships from {file}")


@contextlib.contextmanager
def _progress_bar() -> Iterator[Progress]:
    """A rich progress bar with rate and time left, shown once the work has run two seconds."""
    columns = (
        TextColumn("{task.description:<8}"),
        BarColumn(),
        MofNCompleteColumn(),
        TaskProgressColumn(),
        TimeRemainingColumn(),
    )
    with RichProgress(*columns, console=err, transient=True) as bar:
        tasks: dict[str, TaskID] = {}
        started = time.monotonic()

        def report(what: str, done: int, total: int) -> None:
            if what not in tasks:
                tasks[what] = bar.add_task(what, total=total, visible=False)
            shown = time.monotonic() - started > 2
            bar.update(tasks[what], completed=done, total=total, visible=shown)

        yield report


@app.command()
@_one_line_errors
def stats(as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Counts per label and kind, and per relationship type and qualifier."""
    with open_store(get_settings()) as store:
        result = read.graph_stats(store)
    if as_json:
        _print_data(result.model_dump(mode="json"))
        return
    table = Table("label / type", "kind / qualifier", "count")
    for label, kinds in sorted(result.node_kinds.items()):
        for kind, count in sorted(kinds.items()):
            table.add_row(label, kind, str(count))
    for rel, qualifiers in sorted(result.edge_qualifiers.items()):
        for qualifier, count in sorted(qualifiers.items()):
            table.add_row(rel, qualifier, str(count))
    out.print(table)
    out.print(f"{result.total_nodes} nodes, {result.total_edges} relationships")


@app.command()
@_one_line_errors
def generate(
    nodes: Annotated[int, typer.Option(min=100, help="About how many nodes to make.")],
    out_dir: Annotated[
        Path, typer.Option("--out", help="Directory to write the seed-data files into.")
    ],
    seed: Annotated[int, typer.Option(help="Random seed; the same seed gives the same files.")] = 1,
) -> None:
    """Write a synthetic administration (CSV seed data) for scale tests and benchmarks."""
    started = time.perf_counter()
    counts = synthetic.generate(nodes, seed, out_dir)
    elapsed = time.perf_counter() - started
    out.print(
        f"wrote {counts['nodes']} nodes and {counts['edges']} relationships to {out_dir} in "
        f"{elapsed:.1f} s; check with: orgmap validate {out_dir} --sources-dir {out_dir}/sources"
    )


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Interface (ORGMAP_HOST).")] = None,
    port: Annotated[int | None, typer.Option(help="Port (ORGMAP_PORT).")] = None,
    workers: Annotated[int | None, typer.Option(help="Worker processes (ORGMAP_WORKERS).")] = None,
) -> None:
    """Serve the API and its docs with uvicorn."""
    settings = get_settings()
    uvicorn.run(
        "app.api.main:create_app",
        factory=True,
        host=host or settings.host,
        port=port or settings.port,
        workers=workers or settings.workers,
        log_level=settings.log_level,
    )


def _key_values(items: list[str] | None) -> dict[str, str]:
    raw: dict[str, str] = {}
    for item in items or []:
        key, sep, value = item.partition("=")
        if not sep:
            raise OrgMapError(f"--param '{item}' is not key=value")
        raw[key.strip()] = value
    return raw


def _params(name: str, model: type[M], raw: dict[str, str]) -> M:
    """Validated parameters, or one line naming every bad one and the allowed names."""
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'params'}: {e['msg']}" for e in exc.errors()
        )
        allowed = ", ".join(f.alias or n for n, f in model.model_fields.items())
        raise OrgMapError(f"{name}: {problems} (parameters: {allowed})") from None


@import_app.command("popolo")
@_one_line_errors
def import_popolo_file(
    file: Annotated[Path, typer.Argument(help="A Popolo JSON file.")],
    placeholders: Annotated[
        bool,
        typer.Option(help="Create placeholder entities for ids the file uses but does not define."),
    ] = False,
    lang: Annotated[Lang, typer.Option(help="Language of the file's `name` fields.")] = Lang.EN,
    country: Annotated[Country, typer.Option(help="Country of the data.")] = Country.FI,
) -> None:
    """Add a Popolo file's persons, organizations, posts and memberships to the graph.
    Validated first; on any problem nothing changes. Importing the file again replaces it."""
    _import_and_report(
        file,
        lambda store, progress: import_popolo(
            store, file, lang=lang, country=country, placeholders=placeholders, progress=progress
        ),
    )


@import_app.command("org")
@_one_line_errors
def import_org_file(
    file: Annotated[Path, typer.Argument(help="W3C ORG RDF: Turtle (.ttl) or JSON-LD (.jsonld).")],
    lang: Annotated[Lang, typer.Option(help="Language of untagged labels.")] = Lang.EN,
    country: Annotated[Country, typer.Option(help="Country of the data.")] = Country.FI,
) -> None:
    """Add a W3C ORG file's organisations, persons, posts and memberships to the graph."""
    _import_and_report(
        file,
        lambda store, progress: import_org(
            store, file, lang=lang, country=country, progress=progress
        ),
    )


def _import_and_report(
    file: Path, run_import: Callable[[GraphStore, Progress], ImportReport]
) -> None:
    """Run an import with a progress bar; print every problem, or what came in."""
    try:
        with open_store(get_settings()) as store, _progress_bar() as progress:
            report = run_import(store, progress)
    except ValidationFailedError as exc:
        _refused(exc, "imported")
    counts = ", ".join(f"{count} {name}" for name, count in sorted(report.counts.items()))
    made = f"; {report.placeholders} placeholder(s)" if report.placeholders else ""
    out.print(f"imported {file}: {counts}{made}")
    out.print(
        f"the graph now has {report.total_nodes} nodes and {report.total_edges} relationships "
        f"(revision {report.revision})"
    )


@import_app.command("csv")
@_one_line_errors
def import_csv_files(
    directory: Annotated[
        Path, typer.Argument(help="A folder of CSV files (see seed_data/templates).")
    ],
    sources_dir: SourcesOpt = None,
    replace: Annotated[
        bool, typer.Option(help="Rows whose ids the graph already has replace those entries.")
    ] = False,
) -> None:
    """Add spreadsheet rows to the graph; they may refer to what it already holds."""
    settings = get_settings()
    _import_and_report(
        directory,
        lambda store, progress: import_csv(
            store,
            directory,
            sources_dir=sources_dir or settings.sources_dir,
            replace=replace,
            progress=progress,
        ),
    )


@export_app.command("graph")
@_one_line_errors
def export_whole_graph(
    format_name: Annotated[
        str, typer.Option("--format", "-f", help=f"One of: {', '.join(GRAPH_FORMATS)}.")
    ],
    out_file: Annotated[Path, typer.Option("--out", "-o", help="File to write.")],
) -> None:
    """Write the whole graph as Popolo JSON or W3C ORG (turtle, jsonld)."""
    if format_name not in GRAPH_FORMATS:
        raise OrgMapError(f"unknown format '{format_name}'; known: {', '.join(GRAPH_FORMATS)}")
    with open_store(get_settings()) as store:
        export_file(store, format_name, out_file)
    out.print(f"wrote {out_file} ({format_name})")


@export_app.command("map")
@_one_line_errors
def export_map(
    view: Annotated[str, typer.Option("--view", help=f"One of: {', '.join(VIEWS)}.")],
    out_file: Annotated[Path, typer.Option("--out", "-o", help="File to write.")],
    entity_id: Annotated[
        str | None, typer.Option("--id", help="The entity the view is about.")
    ] = None,
    format_name: Annotated[
        str, typer.Option("--format", "-f", help=f"One of: {', '.join(FORMATS)}.")
    ] = "html",
    param: Annotated[
        list[str] | None,
        typer.Option("--param", "-p", help="A view parameter as key=value (depth=3, lang=sv, …)."),
    ] = None,
) -> None:
    """Write a view as a self-contained HTML map or an export, e.g.
    `orgmap export map --view steers --id org-tem -o tem.html`."""
    if view not in VIEWS:
        raise OrgMapError(f"unknown view '{view}'; known: {', '.join(VIEWS)}")
    if format_name not in MAP_FORMATS:
        raise OrgMapError(f"unknown format '{format_name}'; known: {', '.join(MAP_FORMATS)}")
    entry = VIEWS[view]
    if entry.needs_id and not entity_id:
        raise OrgMapError(f"the {view} view needs --id <entity id>")
    params = _params(view, entry.params, _key_values(param))
    settings = get_settings()
    with open_store(settings) as store:
        with deadline.within(settings.query_timeout_s):  # the same budget as over HTTP
            graph = build_view(store, view, entity_id, params, budget(settings))
        write_map_file(store, graph, format_name, params.lang or Lang.FI, out_file)
    drawn = f"{len(graph.nodes)} nodes, {len(graph.drawable_edges())} relationships"
    out.print(
        f"wrote {out_file} ({format_name}: {drawn})" + (f"; {graph.notice}" if graph.notice else "")
    )


@app.command()
@_one_line_errors
def query(
    name: Annotated[str, typer.Argument(help=f"One of: {', '.join(CATALOGUE)}.")],
    param: Annotated[
        list[str] | None,
        typer.Option("--param", "-p", help="A parameter as key=value; lists comma-separated."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Run a catalogue query, e.g. `orgmap query steered-by -p id=org-te-toimistot --json`.

    Parameters are those of the API endpoint of the same name (see the README), plus `id` for
    the queries about one entity.
    """
    if name not in CATALOGUE:
        raise OrgMapError(f"unknown query '{name}'; known: {', '.join(CATALOGUE)}")
    entry = CATALOGUE[name]
    raw = _key_values(param)
    entity_id = raw.pop("id", None)
    if entry.needs_id and not entity_id:
        raise OrgMapError(f"{name}: needs -p id=<entity id>")
    params = _params(name, entry.params, raw)
    settings = get_settings()
    with open_store(settings) as store, deadline.within(settings.query_timeout_s):
        result = ask(store, name, entity_id, params, budget(settings))  # the budget of HTTP
    if as_json:
        _print_data(result.model_dump(mode="json", by_alias=True))
    elif isinstance(result, EntityPage):
        table = Table("type", "kind", "name")
        table.add_column("id", no_wrap=True)
        for summary in result.items:
            table.add_row(summary.type.value, summary.kind, summary.name, summary.id)
        out.print(table)
        shown = (
            f"{result.offset + 1}-{result.offset + len(result.items)}" if result.items else "none"
        )
        out.print(f"{shown} of {result.total}")
    else:
        data = result.model_dump(mode="json", by_alias=True, exclude_none=True)
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=float("inf"))
        sys.stdout.write(text)  # YAML that parses back: never wrapped to the terminal's width


if __name__ == "__main__":  # python -m app.cli (the API starts export writers this way)
    app()

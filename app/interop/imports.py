"""One import, from file to graph: read and validate the file, merge it into the current
graph, check the whole, swap it in. Every problem is reported at once and nothing changes
unless there are none. The CLI (`orgmap import popolo|org`) and the API (POST /api/v1/imports)
both call these."""

from collections import Counter
from collections.abc import Callable
from pathlib import Path

from pydantic import BaseModel

from app.errors import GraphChangedError, ValidationFailedError
from app.graph.dump import current_bundle
from app.graph.load import bundle_tables
from app.graph.read import graph_meta_or_none
from app.graph.rows import edge_from_row, node_from_row
from app.ingest.csv_files import CsvPart
from app.ingest.problems import Problem
from app.ingest.seed_files import validate_directory
from app.interop.merge import added, merged
from app.interop.org_import import read_org
from app.interop.popolo_import import PopoloImport, read_popolo
from app.model import GraphBundle, Source
from app.model.vocabulary import Country, Lang
from app.progress import Progress
from app.store.base import GraphStore


class ImportReport(BaseModel):
    """What an import brought (also the answer of POST /api/v1/imports)."""

    file: str
    source: str
    counts: dict[str, int]
    placeholders: int
    total_nodes: int
    total_edges: int
    revision: str  # the graph's revision this import made (app/store/base.py)


def import_popolo(
    store: GraphStore,
    path: Path,
    *,
    lang: Lang = Lang.EN,
    country: Country = Country.FI,
    placeholders: bool = False,
    progress: Progress | None = None,
    display_name: str | None = None,
) -> ImportReport:
    """Raises ValidationFailedError with every problem; the graph is then unchanged."""
    read = read_popolo(path, lang=lang, country=country, placeholders=placeholders)
    return _import(store, path, read, "popolo", progress, display_name)


def import_org(
    store: GraphStore,
    path: Path,
    *,
    lang: Lang = Lang.EN,
    country: Country = Country.FI,
    progress: Progress | None = None,
    display_name: str | None = None,
) -> ImportReport:
    """W3C ORG RDF (Turtle, or JSON-LD by the .jsonld suffix); like import_popolo."""
    read = read_org(path, lang=lang, country=country)
    return _import(store, path, read, "org", progress, display_name)


def import_csv(
    store: GraphStore,
    directory: Path,
    *,
    sources_dir: Path | None,
    replace: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Spreadsheet rows (CSV files, as in seed_data/templates/, with YAML sources if new ones
    are cited) added to the graph: checked like seed data, against the graph they join. Rows
    may refer to what the graph holds; an id the graph already has is refused, or with
    `replace` takes the place of the old entry."""
    new = GraphBundle([], [], [])

    def prepare(current: GraphBundle) -> tuple[GraphBundle, list[Problem]]:
        nonlocal new
        report = validate_directory(directory, sources_dir, known=current)
        if not report.ok or report.bundle is None:
            return current, report.problems
        new = csv_models(report.bundle, report.csv_parts)
        return added(current, new, str(directory), replace)

    bundle, revision = write_merged(store, prepare, f"csv {directory.name}", progress)
    counts = Counter(n.label.value for n in new.nodes)
    counts.update(e.rel.value for e in new.edges)
    return ImportReport(
        file=str(directory),
        source=", ".join(s.id for s in new.sources),
        counts=dict(counts),
        placeholders=0,
        total_nodes=len(bundle.sources) + len(bundle.nodes),
        total_edges=len(bundle.edges),
        revision=revision,
    )


def csv_models(bundle: GraphBundle, csv_parts: list[CsvPart]) -> GraphBundle:
    """CSV rows as models, through the stored columns the bulk load would write."""
    tables = bundle_tables(GraphBundle([], [], []), "csv", csv_parts)
    nodes = [
        node_from_row(part.label, row) for part in tables.nodes for row in part.table.to_pylist()
    ]
    edges = [
        edge_from_row(part.rel, row, row["from"], row["to"])
        for part in tables.edges
        for row in part.table.to_pylist()
    ]
    return GraphBundle(
        list(bundle.sources),
        [*bundle.nodes, *(n for n in nodes if not isinstance(n, Source))],
        [*bundle.edges, *edges],
    )


ATTEMPTS = 5  # writes that may come between reading the graph and swapping the merged one


def write_merged(
    store: GraphStore,
    prepare: Callable[[GraphBundle], tuple[GraphBundle, list[Problem]]],
    what: str,
    progress: Progress | None,
) -> tuple[GraphBundle, str]:
    """Read the graph, merge into it, swap the result in: the merged graph and its revision.
    The swap happens only if no other write replaced the graph since it was read; if one did,
    the merge is made again from the new graph, so that no write is lost."""
    for _ in range(ATTEMPTS):
        meta = graph_meta_or_none(store)  # first: a swap after this makes the swap below fail
        bundle, problems = prepare(current_bundle(store))
        if problems:
            raise ValidationFailedError([str(p) for p in problems])
        origin = f"{meta.origin} + {what}" if meta.origin else what
        try:
            revision = store.replace_graph(
                bundle_tables(bundle, origin), progress, expected_revision=meta.revision
            )
        except GraphChangedError:
            continue
        return bundle, revision
    raise GraphChangedError(
        f"the graph was replaced {ATTEMPTS} times while this import was merged into it; "
        "nothing was imported, try again"
    )


def _import(
    store: GraphStore,
    path: Path,
    read: PopoloImport,
    what: str,
    progress: Progress | None,
    display_name: str | None,
) -> ImportReport:
    name = display_name or str(path)
    problems = [p.__class__(name, p.line, p.field, p.message) for p in read.problems]
    if problems:
        raise ValidationFailedError([str(p) for p in problems])
    bundle, revision = write_merged(
        store,
        lambda current: merged(current, read.bundle, read.source, name),
        f"{what} {path.name}",
        progress,
    )
    counts = Counter(n.label.value for n in read.bundle.nodes if not n.placeholder)
    counts.update(e.rel.value for e in read.bundle.edges)
    return ImportReport(
        file=name,
        source=read.source.id,
        counts=dict(counts),
        placeholders=read.placeholders,
        total_nodes=len(bundle.sources) + len(bundle.nodes),
        total_edges=len(bundle.edges),
        revision=revision,
    )

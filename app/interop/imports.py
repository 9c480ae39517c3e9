"""One import, from file to graph: read and validate the file, merge it into the current
graph, check the whole, swap it in. Every problem is reported at once and nothing changes
unless there are none. The CLI (`orgmap import popolo|org`) and the API (POST /api/v1/imports)
both call these."""

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from app.errors import NoGraphError, ValidationFailedError
from app.graph.read import graph_meta
from app.interop.merge import current_bundle, load_merged, merged
from app.interop.org_import import read_org
from app.interop.popolo_import import PopoloImport, read_popolo
from app.model.vocabulary import Country, Lang
from app.progress import Progress
from app.store.base import GraphStore


@dataclass(frozen=True)
class ImportReport:
    file: str
    source: str
    counts: dict[str, int]
    placeholders: int
    total_nodes: int
    total_edges: int


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
    bundle, problems = merged(current_bundle(store), read.bundle, read.source, name)
    if problems:
        raise ValidationFailedError([str(p) for p in problems])
    try:
        before = graph_meta(store).origin or ""
    except NoGraphError:
        before = ""
    origin = f"{before} + {what} {path.name}" if before else f"{what} {path.name}"
    load_merged(store, bundle, origin, progress)
    counts = Counter(n.label.value for n in read.bundle.nodes if not n.placeholder)
    counts.update(e.rel.value for e in read.bundle.edges)
    return ImportReport(
        file=name,
        source=read.source.id,
        counts=dict(counts),
        placeholders=read.placeholders,
        total_nodes=len(bundle.sources) + len(bundle.nodes),
        total_edges=len(bundle.edges),
    )

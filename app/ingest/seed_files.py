"""Read a seed-data directory into validated input, or report every problem in it.

Each YAML file is a mapping of sections (`sources`, `organizations`, ..., `relationships`) to
lists of entries, one fact per entry; each CSV file holds one section, named by the file
(app/ingest/csv_files.py). Checks run in two passes: each entry against its model (YAML) or
each column over all rows (CSV), then the graph as a whole (unique ids, known ends, allowed
ends, known sources, verbatim quotes).
"""

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow.compute as pc
import yaml
from pydantic import BaseModel, TypeAdapter, ValidationError

from app.ingest.csv_checks import KnownIds, check_csv_edges, check_csv_nodes
from app.ingest.csv_files import CsvPart, read_csv_file
from app.ingest.problems import Problem, from_validation_error, suggest
from app.ingest.quotes import NOT_EVIDENCE, QuoteChecker, fold
from app.ingest.yaml_lines import LineDict, line_of, load_yaml
from app.model import EDGE_MODELS, Edge, GraphBundle, Node, Source
from app.model.common import Citation
from app.model.edges import ENDPOINTS
from app.model.nodes import NODE_MODELS
from app.model.vocabulary import Label, Lang, RelType, SourceKind
from app.progress import Progress

NODE_SECTIONS: dict[str, Label] = {
    "sources": Label.SOURCE,
    "organizations": Label.ORGANIZATION,
    "persons": Label.PERSON,
    "posts": Label.POST,
    "projects": Label.PROJECT,
    "documents": Label.DOCUMENT,
    "events": Label.EVENT,
    "goals": Label.GOAL,
}
EDGE_SECTION = "relationships"
SECTIONS = [*NODE_SECTIONS, EDGE_SECTION]


@dataclass(frozen=True)
class Origin:
    file: str
    entry: LineDict

    def problem(self, loc: tuple[int | str, ...], field_name: str, message: str) -> Problem:
        return Problem(self.file, line_of(self.entry, loc), field_name, message)


@dataclass
class ValidationReport:
    problems: list[Problem] = field(default_factory=list)
    bundle: GraphBundle | None = None  # the YAML entries, as model objects
    csv_parts: list[CsvPart] = field(default_factory=list)  # the CSV files, as Arrow columns
    files: int = 0
    quotes_checked: bool = False

    def node_counts(self) -> dict[str, int]:
        counts: dict[str, int] = defaultdict(int)
        if self.bundle:
            for label, count in self.bundle.node_counts().items():
                counts[label.value] += count
        for part in self.csv_parts:
            if part.label is not None:
                counts[part.label.value] += len(part.table)
        return {label.value: counts[label.value] for label in Label if counts[label.value]}

    def edge_counts(self) -> dict[str, int]:
        counts: dict[str, int] = defaultdict(int)
        if self.bundle:
            for rel, count in self.bundle.edge_counts().items():
                counts[rel.value] += count
        for part in self.csv_parts:
            if part.label is None:
                for item in pc.value_counts(part.table["type"]).to_pylist():
                    counts[item["values"]] += item["counts"]
        return {rel.value: counts[rel.value] for rel in RelType if counts[rel.value]}

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class _Invalid:
    """An entry that failed its model: kept so that later checks neither cascade nor go blind."""

    id: str | None
    label: Label | None
    citations: list[Citation]
    origin: Origin
    ends: tuple[RelType, str, str] | None = None  # for relationships whose type and ends parse


@dataclass
class _Collected:
    sources: list[tuple[Source, Origin]] = field(default_factory=list)
    nodes: list[tuple[Node, Origin]] = field(default_factory=list)
    edges: list[tuple[Edge, Origin]] = field(default_factory=list)
    invalid: list[_Invalid] = field(default_factory=list)
    csv: list[CsvPart] = field(default_factory=list)


def seed_files(directory: Path) -> list[Path]:
    """The YAML and CSV files of a seed directory, in a stable order (templates excluded)."""
    files = [*directory.rglob("*.yaml"), *directory.rglob("*.yml"), *directory.rglob("*.csv")]
    return sorted(p for p in files if "templates" not in p.relative_to(directory).parts)


def validate_directory(
    directory: Path,
    sources_dir: Path | None,
    progress: Progress | None = None,
    known: GraphBundle | None = None,
) -> ValidationReport:
    """Validate every file under `directory`; quotes are checked when `sources_dir` exists.
    `known` is a graph the files add to (an import): its ids and sources may be referred to."""
    report = ValidationReport()
    if not directory.is_dir():
        report.problems.append(Problem(str(directory), 0, "(directory)", "not a directory"))
        return report
    files = seed_files(directory)
    report.files = len(files)
    if not files:
        report.problems.append(Problem(str(directory), 0, "(directory)", "no .yaml or .csv files"))
        return report
    collected = _Collected()
    for number, path in enumerate(files, 1):
        if path.suffix == ".csv":
            _read_csv(path, _display_path(path), collected, report.problems)
        else:
            _read_file(path, _display_path(path), collected, report.problems)
        if progress:
            progress("reading", number, len(files))
    checker = QuoteChecker(sources_dir) if sources_dir and sources_dir.is_dir() else None
    report.quotes_checked = checker is not None
    report.problems.extend(_check_graph(collected, checker, known))
    report.problems.sort()
    report.csv_parts = collected.csv
    if report.ok:
        report.bundle = GraphBundle(
            sources=[s for s, _ in collected.sources],
            nodes=[n for n, _ in collected.nodes],
            edges=[e for e, _ in collected.edges],
        )
    return report


def _display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _read_file(path: Path, name: str, out: _Collected, problems: list[Problem]) -> None:
    try:
        document = load_yaml(path)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line = mark.line + 1 if mark else 0
        problems.append(Problem(name, line, "(syntax)", str(exc.problem or exc)))
        return
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        problems.append(Problem(name, 0, "(syntax)", str(exc)))
        return
    if document is None:
        return
    if not isinstance(document, LineDict):
        problems.append(Problem(name, 1, "(file)", f"expected a mapping of sections: {SECTIONS}"))
        return
    for section, entries in document.items():
        line = document.lines[section]
        if section not in SECTIONS:
            hint = suggest(str(section), SECTIONS) or f"; expected one of: {', '.join(SECTIONS)}"
            problems.append(Problem(name, line, str(section), f"unknown section{hint}"))
            continue
        if not isinstance(entries, list):
            problems.append(Problem(name, line, section, "expected a list of entries"))
            continue
        for index, entry in enumerate(entries):
            if not isinstance(entry, LineDict):
                problems.append(Problem(name, line, f"{section}[{index}]", "expected a mapping"))
                continue
            _read_entry(section, Origin(name, entry), out, problems)


def _read_csv(path: Path, name: str, out: _Collected, problems: list[Problem]) -> None:
    section = path.stem.split("-", 1)[0]
    if section not in SECTIONS or section == "sources":
        allowed = [s for s in SECTIONS if s != "sources"]
        hint = (
            suggest(section, allowed)
            or f"; expected a name starting with one of: {', '.join(allowed)}"
        )
        problems.append(Problem(name, 0, "(file)", f"no CSV section '{section}'{hint}"))
        return
    part, found = read_csv_file(path, name, NODE_SECTIONS.get(section))
    problems.extend(found)
    if part is not None:
        out.csv.append(part)


def _read_entry(section: str, origin: Origin, out: _Collected, problems: list[Problem]) -> None:
    entry = origin.entry
    model: type[BaseModel]
    if section == EDGE_SECTION:
        rel = entry.get("type")
        if rel not in EDGE_MODELS:
            message = "required field is missing"
            if rel is not None:
                hint = suggest(str(rel), EDGE_MODELS) or f"; expected one of: {', '.join(RelType)}"
                message = f"unknown relationship type '{rel}'{hint}"
            problems.append(origin.problem(("type",), "type", message))
            return
        model = EDGE_MODELS[RelType(rel)]
    else:
        model = NODE_MODELS[NODE_SECTIONS[section]]
    try:
        item = model.model_validate(entry)
    except ValidationError as exc:
        known = [f.alias or name for name, f in model.model_fields.items()]
        problems.extend(from_validation_error(exc, origin.file, entry, known))
        out.invalid.append(_salvage(section, origin))
        return
    if isinstance(item, Source):
        out.sources.append((item, origin))
    elif isinstance(item, Node):
        out.nodes.append((item, origin))
    elif isinstance(item, Edge):
        out.edges.append((item, origin))


def _salvage(section: str, origin: Origin) -> _Invalid:
    raw_id = origin.entry.get("id")
    label = NODE_SECTIONS.get(section)
    try:
        citations = _CITATIONS.validate_python(origin.entry.get("sources"))
    except ValidationError:
        citations = []
    ends = None
    rel, start, end = (origin.entry.get(k) for k in ("type", "from", "to"))
    if rel in EDGE_MODELS and isinstance(start, str) and isinstance(end, str):
        ends = (RelType(rel), start, end)
    return _Invalid(raw_id if isinstance(raw_id, str) else None, label, citations, origin, ends)


_CITATIONS: TypeAdapter[list[Citation]] = TypeAdapter(list[Citation])


def _check_graph(
    data: _Collected, checker: QuoteChecker | None, known: GraphBundle | None
) -> list[Problem]:
    problems: list[Problem] = []
    labels: dict[str, Label] = {}
    if known is not None:  # what the graph already holds may be referred to
        labels.update({s.id: Label.SOURCE for s in known.sources})
        labels.update({n.id: n.label for n in known.nodes})
    first_seen: dict[str, Origin] = {}
    named = [(s.id, s.label, origin) for s, origin in data.sources]
    named += [(n.id, n.label, origin) for n, origin in data.nodes]
    named += [(bad.id, bad.label, bad.origin) for bad in data.invalid if bad.id and bad.label]
    for node_id, label, origin in sorted(named, key=lambda n: (n[2].file, n[2].entry.line)):
        if node_id in first_seen:
            where = first_seen[node_id]
            message = f"duplicate id '{node_id}' (first defined at {where.file}:{where.entry.line})"
            problems.append(origin.problem(("id",), "id", message))
            continue
        first_seen[node_id] = origin
        labels[node_id] = label
    node_ids = KnownIds(labels)
    check_csv_nodes(data.csv, first_seen, node_ids, problems)
    sources: dict[str, tuple[Source, Any]] = {s.id: (s, o) for s, o in data.sources}
    if known is not None:
        sources.update({s.id: (s, None) for s in known.sources if s.id not in sources})
    problems.extend(check_csv_edges(data.csv, node_ids, set(sources), checker, sources))
    for bad in data.invalid:
        problems.extend(_check_citations(bad.citations, bad.origin, sources, checker))
        if bad.ends:
            problems.extend(_check_ends(*bad.ends, bad.origin, node_ids))
    if checker:
        for source, origin in data.sources:
            problems.extend(checker.check_source(source, origin))
    for node, origin in data.nodes:
        problems.extend(_check_citations(node.sources, origin, sources, checker))
        problems.extend(_no_reference_evidence(node.sources, origin, sources))
        if node.reference is not None:
            problems.extend(_check_reference_names(node, origin, sources, checker))
        if checker:
            problems.extend(_check_verbatim_fields(node, origin, sources, checker))
    edge_seen: dict[str, Origin] = {}
    for edge, origin in data.edges:
        if edge.id in edge_seen:
            where = edge_seen[edge.id]
            message = (
                f"duplicate relationship '{edge.id}' (first at {where.file}:{where.entry.line});"
                " merge the two entries or give one an explicit id"
            )
            problems.append(origin.problem(("type",), "id", message))
        edge_seen.setdefault(edge.id, origin)
        problems.extend(_check_ends(edge.rel, edge.from_, edge.to, origin, node_ids))
        problems.extend(_check_references(edge, origin, node_ids))
        problems.extend(_check_citations(edge.sources, origin, sources, checker))
        problems.extend(_no_reference_evidence(edge.sources, origin, sources))
    return problems


def _is_reference(doc: str, sources: Mapping[str, tuple[Source, Any]]) -> bool:
    return doc in sources and sources[doc][0].kind is SourceKind.REFERENCE


def _no_reference_evidence(
    citations: list[Citation], origin: Origin, sources: Mapping[str, tuple[Source, Any]]
) -> list[Problem]:
    """A reference list names bodies; it is never the evidence for a node or a relationship."""
    return [
        origin.problem(("sources", i, "doc"), f"sources[{i}].doc", NOT_EVIDENCE.format(source=doc))
        for i, doc in enumerate(c.doc for c in citations)
        if _is_reference(doc, sources)
    ]


def _check_reference_names(
    node: Node,
    origin: Origin,
    sources: Mapping[str, tuple[Source, Any]],
    checker: QuoteChecker | None,
) -> list[Problem]:
    """Names under `reference` cite a reference list, and each is in one of its quotes."""
    assert node.reference is not None
    citations = node.reference.sources
    problems = []
    for index, citation in enumerate(citations):
        where = f"reference.sources[{index}]"
        loc: tuple[int | str, ...] = ("reference", "sources", index, "doc")
        if citation.doc not in sources:
            message = f"unknown source '{citation.doc}'{suggest(citation.doc, sources)}"
            problems.append(origin.problem(loc, f"{where}.doc", message))
        elif not _is_reference(citation.doc, sources):
            message = f"'{citation.doc}' is not a reference list (kind: reference)"
            problems.append(origin.problem(loc, f"{where}.doc", message))
        elif checker:
            missing = checker.missing_quote(sources[citation.doc][0], citation.quote)
            if missing:
                loc = ("reference", "sources", index, "quote")
                problems.append(origin.problem(loc, f"{where}.quote", missing))
    quoted = " ".join(fold(c.quote) for c in citations)
    for kind, names in (("names", node.reference.names), ("abbr", node.reference.abbr)):
        for lang in Lang:
            name = names.get(lang)
            if name and fold(name) not in quoted:
                message = f"'{name}' is not in the reference quotes"
                loc = ("reference", kind, lang.value)
                problems.append(origin.problem(loc, f"reference.{kind}.{lang.value}", message))
    return problems


def _check_ends(
    rel: RelType, start: str, end: str, origin: Origin, labels: Mapping[str, Label]
) -> list[Problem]:
    problems = []
    if start == end:
        problems.append(
            origin.problem(("to",), "to", "a relationship cannot join a node to itself")
        )
    allowed_from, allowed_to = ENDPOINTS[rel]
    for key, node_id, allowed in (("from", start, allowed_from), ("to", end, allowed_to)):
        label = labels.get(node_id)
        if label is None:
            message = f"unknown node '{node_id}'{suggest(node_id, labels)}"
            problems.append(origin.problem((key,), key, message))
        elif label not in allowed:
            names = ", ".join(sorted(allowed))
            verb = "start at" if key == "from" else "end at"
            message = f"{rel} cannot {verb} {label} '{node_id}' (allowed: {names})"
            problems.append(origin.problem((key,), key, message))
    return problems


def _check_references(edge: Edge, origin: Origin, labels: Mapping[str, Label]) -> list[Problem]:
    problems = []
    for field_name, node_id in edge.references().items():
        loc: tuple[int | str, ...] = tuple(
            int(p) if p.isdigit() else p for p in field_name.replace("]", "").split("[")
        )
        label = labels.get(node_id)
        if label is None:
            message = f"unknown node '{node_id}'{suggest(node_id, labels)}"
            problems.append(origin.problem(loc, field_name, message))
        elif field_name.startswith("instruments") and label is not Label.DOCUMENT:
            problems.append(
                origin.problem(loc, field_name, f"'{node_id}' is a {label}, not a Document")
            )
        elif field_name == "via_post" and label is not Label.POST:
            problems.append(
                origin.problem(loc, field_name, f"'{node_id}' is a {label}, not a Post")
            )
    return problems


# Node fields that hold the source's own words, checked like quotes.
VERBATIM_FIELDS = ("purpose", "text")


def _check_verbatim_fields(
    node: Node,
    origin: Origin,
    sources: dict[str, tuple[Source, Origin]],
    checker: QuoteChecker,
) -> list[Problem]:
    cited = [sources[c.doc][0] for c in node.sources if c.doc in sources]
    problems = []
    for name in VERBATIM_FIELDS:
        value = getattr(node, name, None)
        if value and cited and all(checker.missing_quote(s, value) for s in cited):
            docs = ", ".join(s.id for s in cited)
            message = f"must be verbatim from a cited source ({docs})"
            problems.append(origin.problem((name,), name, message))
    return problems


def _check_citations(
    citations: Any,
    origin: Origin,
    sources: dict[str, tuple[Source, Any]],
    checker: QuoteChecker | None,
) -> list[Problem]:
    problems = []
    for index, citation in enumerate(citations):
        loc = ("sources", index, "doc")
        if citation.doc not in sources:
            message = f"unknown source '{citation.doc}'{suggest(citation.doc, sources)}"
            problems.append(origin.problem(loc, f"sources[{index}].doc", message))
        elif checker:
            source = sources[citation.doc][0]
            missing = checker.missing_quote(source, citation.quote)
            if missing:
                qloc = ("sources", index, "quote")
                problems.append(origin.problem(qloc, f"sources[{index}].quote", missing))
    return problems

"""The graph-wide checks for CSV rows, over Arrow arrays: duplicate ids, known and allowed
relationship ends, known sources, verbatim quotes. Same messages as the YAML checks."""

import bisect
import difflib
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Protocol

import pyarrow as pa
import pyarrow.compute as pc

from app.ingest.csv_files import LIST_SEPARATOR, MAX_PER_KIND, CsvPart
from app.ingest.problems import Problem
from app.ingest.quotes import NOT_EVIDENCE, QuoteChecker
from app.model import Source
from app.model.edges import ENDPOINTS
from app.model.vocabulary import Label, RelType, SourceKind


class _Located(Protocol):
    @property
    def file(self) -> str: ...

    @property
    def entry(self) -> Any: ...


class KnownIds(Mapping[str, Label]):
    """Every node id with its label. The CSV ids stay Arrow columns: a dict of a million ids
    costs a second to build, and only a YAML entry that names a CSV node needs one."""

    def __init__(self, named: Mapping[str, Label]) -> None:
        self._named = dict(named)
        self._columns: list[tuple[pa.ChunkedArray, Label]] = []
        self._everything: dict[str, Label] | None = None

    def add(self, ids: pa.ChunkedArray, label: Label) -> None:
        self._columns.append((ids, label))
        self._everything = None

    def arrays(self) -> tuple[pa.Array, pa.Array]:
        """All ids and their labels as two aligned arrays (for one hash lookup of many ids)."""
        ids = [pa.array(list(self._named), pa.string())]
        labels = [pa.array(list(self._named.values()), pa.string())]  # StrEnums are str
        for column, label in self._columns:
            present = pc.drop_null(column).combine_chunks()
            ids.append(present)
            labels.append(pa.repeat(pa.scalar(label.value), len(present)))
        return pa.concat_arrays(ids), pa.concat_arrays(labels)

    def _all(self) -> dict[str, Label]:
        if self._everything is None:
            self._everything = dict(self._named)
            for column, label in self._columns:
                self._everything.update(dict.fromkeys(pc.drop_null(column).to_pylist(), label))
        return self._everything

    def __getitem__(self, node_id: str) -> Label:
        if node_id in self._named:
            return self._named[node_id]
        return self._all()[node_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


def check_csv_nodes(
    parts: Sequence[CsvPart],
    first_seen: Mapping[str, _Located],
    known: KnownIds,
    problems: list[Problem],
) -> None:
    """Add the ids of the CSV node files to `known`; report duplicates (with the YAML ids)."""
    node_parts = [p for p in parts if p.label is not None]
    if not node_parts:
        return
    ids = pa.chunked_array([p.table["id"] for p in node_parts], pa.string())
    counts = pc.value_counts(pc.drop_null(ids))
    repeated = set(
        pc.filter(counts.field("values"), pc.greater(counts.field("counts"), 1)).to_pylist()
    )
    repeated |= set(
        pc.filter(ids, pc.is_in(ids, pa.array(list(first_seen), pa.string()))).to_pylist()
    )
    seen: dict[str, str] = {
        i: f"{o.file}:{o.entry.line}" for i, o in first_seen.items() if i in repeated
    }
    for part in node_parts:
        assert part.label is not None
        column = part.table["id"]
        known.add(column, part.label)
        if not repeated:
            continue
        rows = pc.indices_nonzero(pc.is_in(column, pa.array(sorted(repeated)))).to_pylist()
        for row in rows:
            node_id = column[row].as_py()
            where = f"{part.file}:{part.line(row)}"
            if node_id in seen:
                message = f"duplicate id '{node_id}' (first defined at {seen[node_id]})"
                problems.append(Problem(part.file, part.line(row), "id", message))
            else:
                seen[node_id] = where


def closest(value: str, sorted_ids: list[str]) -> str:
    """' (did you mean …?)' from the ids sorted near `value` (fast at a million ids)."""
    at = bisect.bisect_left(sorted_ids, value)
    near = sorted_ids[max(0, at - 100) : at + 100]
    prefix = value.split("-", 1)[0]
    near += sorted_ids[bisect.bisect_left(sorted_ids, prefix) :][:100]
    match = difflib.get_close_matches(value, near, n=1, cutoff=0.6)
    return f" (did you mean '{match[0]}'?)" if match else ""


_TYPES = pa.array([rel.value for rel in RelType])
# "TYPE|Label" for every (relationship type, label) the vocabulary allows at each end.
_ALLOWED_STARTS = pa.array(
    sorted(f"{rel}|{label}" for rel, (starts, _) in ENDPOINTS.items() for label in starts)
)
_ALLOWED_ENDS = pa.array(
    sorted(f"{rel}|{label}" for rel, (_, ends) in ENDPOINTS.items() for label in ends)
)


def check_csv_edges(
    parts: Sequence[CsvPart],
    labels: KnownIds,
    source_ids: set[str],
    checker: QuoteChecker | None,
    sources: Mapping[str, tuple[Source, Any]],
) -> list[Problem]:
    """Ends known and allowed, sources known, quotes verbatim; labels of the ends recorded on
    each relationship part (`_from_label`, `_to_label`) for the bulk copy."""
    problems: list[Problem] = []
    edge_parts = [p for p in parts if p.label is None]
    all_ids, all_labels = labels.arrays()
    sorted_ids: list[str] | None = None
    for part in edge_parts:
        table = part.table
        # One hash of the known ids for both ends: look up from and to in one pass.
        both = pc.index_in(pa.chunked_array([*table["from"].chunks, *table["to"].chunks]), all_ids)
        found = pc.take(all_labels, both)
        ends = {"from": found.slice(0, len(table)), "to": found.slice(len(table))}
        for key in ("from", "to"):
            column, end_labels = table[key], ends[key]
            unknown = pc.indices_nonzero(
                pc.and_(pc.is_valid(column), pc.is_null(end_labels))
            ).to_pylist()
            if unknown and sorted_ids is None:
                sorted_ids = sorted(labels)
            for row in unknown[:MAX_PER_KIND]:
                value = column[row].as_py()
                message = f"unknown node '{value}'{closest(value, sorted_ids or [])}"
                problems.append(Problem(part.file, part.line(row), key, message))
            if len(unknown) > MAX_PER_KIND:
                more = len(unknown) - MAX_PER_KIND
                problems.append(
                    Problem(
                        part.file,
                        part.line(unknown[MAX_PER_KIND]),
                        key,
                        f"… and {more} more rows like these",
                    )
                )
        for key, allowed, verb in (
            ("from", _ALLOWED_STARTS, "start at"),
            ("to", _ALLOWED_ENDS, "end at"),
        ):
            pairs = pc.binary_join_element_wise(table["type"], ends[key], "|")
            wrong = pc.and_(
                pc.and_(pc.is_valid(pairs), pc.is_in(table["type"], _TYPES)),  # bad types: above
                pc.invert(pc.is_in(pairs, allowed)),
            )
            for row in pc.indices_nonzero(wrong).to_pylist()[:MAX_PER_KIND]:
                rel = RelType(table["type"][row].as_py())
                node_id, label = table[key][row].as_py(), ends[key][row].as_py()
                names = ", ".join(sorted(ENDPOINTS[rel][0 if key == "from" else 1]))
                message = f"{rel} cannot {verb} {label} '{node_id}' (allowed: {names})"
                problems.append(Problem(part.file, part.line(row), key, message))
        loops = pc.indices_nonzero(pc.fill_null(pc.equal(table["from"], table["to"]), False))
        for row in loops.to_pylist()[:MAX_PER_KIND]:
            message = "a relationship cannot join a node to itself"
            problems.append(Problem(part.file, part.line(row), "to", message))
        part.table = table.append_column("_from_label", ends["from"]).append_column(
            "_to_label", ends["to"]
        )
        for reference in ("designated_by", "appointed_by", "on_behalf_of", "via_post"):
            column = table[reference]
            missing = _not_among(column, all_ids)
            if missing is None:
                continue
            for row in pc.indices_nonzero(pc.is_in(column, missing)).to_pylist()[:MAX_PER_KIND]:
                value = column[row].as_py()
                problems.append(
                    Problem(part.file, part.line(row), reference, f"unknown node '{value}'")
                )
        for reference in ("instruments", "jointly_with"):  # lists of node ids, "a|b"
            problems.extend(_unknown_in_lists(part, reference, all_ids))
    for part in parts:
        problems.extend(_check_sources(part, source_ids, checker, sources))
    return problems


def _unknown_in_lists(part: CsvPart, column_name: str, all_ids: pa.Array) -> list[Problem]:
    lists = pc.split_pattern(part.table[column_name].combine_chunks(), LIST_SEPARATOR)
    items = pc.utf8_trim_whitespace(pc.list_flatten(lists))
    missing = _not_among(pa.chunked_array([items]), all_ids)
    if missing is None:
        return []
    rows = pc.list_parent_indices(lists)
    bad = pc.indices_nonzero(pc.is_in(items, missing)).to_pylist()[:MAX_PER_KIND]
    return [
        Problem(
            part.file,
            part.line(rows[i].as_py()),
            column_name,
            f"unknown node '{items[i].as_py()}'",
        )
        for i in bad
    ]


def _not_among(column: pa.ChunkedArray, known: pa.Array) -> pa.Array | None:
    """The distinct values of `column` that `known` lacks (None: there are none). The few
    distinct values are hashed and the million known ids scanned, not the other way round."""
    present = pc.unique(pc.drop_null(column))
    if not len(present):
        return None
    found = pc.filter(known, pc.is_in(known, value_set=present))
    missing = pc.filter(present, pc.invert(pc.is_in(present, value_set=found)))
    return missing if len(missing) else None


def _check_sources(
    part: CsvPart,
    source_ids: set[str],
    checker: QuoteChecker | None,
    sources: Mapping[str, tuple[Source, Any]],
) -> list[Problem]:
    problems: list[Problem] = []
    column = part.table["source"]
    unknown = pc.indices_nonzero(
        pc.and_(
            pc.is_valid(column),
            pc.invert(pc.is_in(column, pa.array(sorted(source_ids), pa.string()))),
        )
    ).to_pylist()
    for row in unknown[:MAX_PER_KIND]:
        value = column[row].as_py()
        match = difflib.get_close_matches(value, sorted(source_ids), n=1, cutoff=0.6)
        hint = f" (did you mean '{match[0]}'?)" if match else ""
        problems.append(
            Problem(part.file, part.line(row), "source", f"unknown source '{value}'{hint}")
        )
    references = sorted(i for i, (s, _) in sources.items() if s.kind is SourceKind.REFERENCE)
    if references:
        cited = pc.indices_nonzero(
            pc.fill_null(pc.is_in(column, pa.array(references, pa.string())), False)
        ).to_pylist()
        for row in cited[:MAX_PER_KIND]:
            refused = NOT_EVIDENCE.format(source=column[row].as_py())
            problems.append(Problem(part.file, part.line(row), "source", refused))
    if checker is None:
        return problems
    pairs = part.table.select(["source", "quote"]).group_by(["source", "quote"]).aggregate([])
    missing = []
    for pair in pairs.to_pylist():
        if pair["source"] in sources and pair["quote"]:
            message = checker.missing_quote(sources[pair["source"]][0], pair["quote"])
            if message:
                missing.append((pair["source"], pair["quote"], message))
    for source, quote, message in missing:
        mask = pc.and_(pc.equal(part.table["source"], source), pc.equal(part.table["quote"], quote))
        for row in pc.indices_nonzero(mask).to_pylist()[:MAX_PER_KIND]:
            problems.append(Problem(part.file, part.line(row), "quote", message))
    return problems

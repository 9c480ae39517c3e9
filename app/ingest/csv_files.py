"""Seed data as CSV: spreadsheet-friendly, and fast at a million rows.

A file's name says its section: `organizations.csv`, `persons-2024.csv`, `relationships.csv`,
`relationships-steers.csv` … (see seed_data/README.md for the columns). Rows are checked column
by column over Arrow arrays, never one Python object per row, with the same messages as the
YAML path: `file:line: field: message`, the header being line 1.
"""

import csv
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from app.ingest.csv_columns import (
    BOOL_COLUMNS,
    CODE_COLUMNS,
    DATE_COLUMNS,
    EDGE_COMMON_COLUMNS,
    EDGE_OWN_COLUMNS,
    INT_COLUMNS,
    LIST_COLUMNS,
    NAME_COLUMNS,
    TEXT_COLUMNS,
    node_columns,
)
from app.ingest.problems import Problem, suggest
from app.model import EDGE_MODELS
from app.model.common import SLUG_PATTERN, first_day, last_day
from app.model.nodes import NODE_MODELS
from app.model.schema import edge_own_columns
from app.model.vocabulary import (
    Assertion,
    Confidence,
    Country,
    Label,
    Lang,
    RelType,
    Status,
)

MAX_PER_KIND = 50  # rows reported per file, field and kind of problem; the rest are counted
LIST_SEPARATOR = "|"

_TRUE, _FALSE = {"true", "yes", "1"}, {"false", "no", "0"}
_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass
class CsvPart:
    """One validated CSV file: its rows as Arrow columns, and where they came from."""

    file: str
    label: Label | None  # None: relationships
    table: pa.Table

    def line(self, row: int) -> int:
        return row + 2  # the header is line 1


class _Report:
    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def rows(self, rows: Iterable[int], field: str, message: Any) -> None:
        """Report rows with one problem; `message` may be a function of the row."""
        rows = list(rows)
        for row in rows[:MAX_PER_KIND]:
            text = message(row) if callable(message) else message
            self.problems.append(Problem(self.file, row + 2, field, text))
        if len(rows) > MAX_PER_KIND:
            more = len(rows) - MAX_PER_KIND
            self.problems.append(
                Problem(
                    self.file, rows[MAX_PER_KIND] + 2, field, f"… and {more} more rows like these"
                )
            )


def read_csv_file(
    path: Path, name: str, section_label: Label | None
) -> tuple[CsvPart | None, list[Problem]]:
    report = _Report(name)
    try:
        table = pacsv.read_csv(
            path,
            read_options=pacsv.ReadOptions(use_threads=True),
            convert_options=pacsv.ConvertOptions(
                # Every cell is text until checked: no type guessing (it costs half the read).
                column_types=dict.fromkeys(_header(path), pa.string()),
                strings_can_be_null=True,
                quoted_strings_can_be_null=False,
                auto_dict_encode=False,
            ),
            parse_options=pacsv.ParseOptions(newlines_in_values=False),
        )
    except (pa.ArrowInvalid, OSError) as exc:
        return None, [Problem(name, 0, "(csv)", str(exc).splitlines()[0])]
    table = table.cast(pa.schema([(c, pa.string()) for c in table.column_names]))
    expected = (
        node_columns(section_label) if section_label else [*EDGE_COMMON_COLUMNS, *EDGE_OWN_COLUMNS]
    )
    unknown = [c for c in table.column_names if c not in expected]
    for column in unknown:
        report.problems.append(
            Problem(name, 1, column, f"unknown column{suggest(column, expected)}")
        )
    required = (
        ["id", "source", "quote"] if section_label else ["type", "from", "to", "source", "quote"]
    )
    if section_label not in (None, Label.PERSON):
        required.append("kind")
    for column in required:
        if column not in table.column_names:
            report.problems.append(Problem(name, 1, column, "required column is missing"))
    if report.problems:
        return None, report.problems
    for column in expected:
        if column not in table.column_names:
            table = table.append_column(column, pa.nulls(len(table), pa.string()))
    table = table.select(expected)
    if section_label:
        _check_nodes(table, section_label, report)
    else:
        _check_edges(table, report)
    return CsvPart(name, section_label, table), report.problems


def _header(path: Path) -> list[str]:
    """The column names on line 1 ([] if unreadable: the CSV reader then says why)."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return next(csv.reader([handle.readline()]), [])
    except (OSError, UnicodeDecodeError, csv.Error):
        return []


def _rows(mask: Any) -> list[int]:
    rows: list[int] = pc.indices_nonzero(mask).to_pylist()
    return rows


def _missing(table: pa.Table, column: str) -> list[int]:
    return _rows(pc.is_null(table[column]))


def _not_in(table: pa.Table, column: str, allowed: Iterable[str]) -> list[int]:
    values = table[column]
    bad = pc.and_(pc.is_valid(values), pc.invert(pc.is_in(values, pa.array(sorted(allowed)))))
    return _rows(bad)


def _enum(table: pa.Table, column: str, allowed: Iterable[str], report: _Report) -> None:
    choices = sorted(allowed)
    values = table[column]

    def message(row: int) -> str:
        value = values[row].as_py()
        return f"unknown value '{value}'" + (
            suggest(value, choices) or f"; expected one of: {', '.join(choices)}"
        )

    report.rows(_not_in(table, column, choices), column, message)


def _slugs(table: pa.Table, column: str, report: _Report) -> None:
    values = table[column]
    bad = pc.and_(pc.is_valid(values), pc.invert(pc.match_substring_regex(values, SLUG_PATTERN)))
    report.rows(
        pc.indices_nonzero(bad).to_pylist(),
        column,
        lambda row: (
            f"'{values[row].as_py()}' is not a slug (lower-case ASCII letters, "
            "digits and single hyphens)"
        ),
    )


def _date_problem(value: str) -> str | None:
    if not _PARTIAL_DATE.match(value):
        return "expected YYYY, YYYY-MM or YYYY-MM-DD"
    try:
        first_day(value), last_day(value)
    except ValueError as exc:
        return str(exc)
    return None


def _check_common(table: pa.Table, report: _Report) -> None:
    for column in ("source", "quote"):
        report.rows(_missing(table, column), column, "required value is missing")
    _slugs(table, "source", report)
    _enum(table, "status", [s.value for s in Status], report)
    _enum(table, "assertion", [a.value for a in Assertion], report)
    _enum(table, "confidence", [c.value for c in Confidence], report)
    for column in DATE_COLUMNS & set(table.column_names):
        values = table[column]
        found = {v: _date_problem(v) for v in pc.unique(values).to_pylist() if v is not None}
        bad_values = [v for v, p in found.items() if p]
        if bad_values:
            rows = _rows(pc.is_in(values, pa.array(bad_values)))
            report.rows(rows, column, lambda row, v=values, f=found: f[v[row].as_py()] or "")
    starts, ends = _day_columns(table)
    if starts is not None and ends is not None:
        before = pc.fill_null(pc.less(ends, starts), False)
        report.rows(
            pc.indices_nonzero(before).to_pylist(),
            "valid_to",
            lambda row: (
                f"ends ({table['valid_to'][row].as_py()}) before it starts "
                f"({table['valid_from'][row].as_py()})"
            ),
        )
    for column in BOOL_COLUMNS & set(table.column_names):
        lowered = pc.utf8_lower(table[column])
        report.rows(
            _not_in(pa.table({column: lowered}), column, _TRUE | _FALSE),
            column,
            "expected true or false",
        )
    for column in INT_COLUMNS & set(table.column_names):
        values = table[column]
        bad = pc.and_(pc.is_valid(values), pc.invert(pc.match_substring_regex(values, r"^\d+$")))
        report.rows(pc.indices_nonzero(bad).to_pylist(), column, "expected a whole number")


def _check_nodes(table: pa.Table, label: Label, report: _Report) -> None:
    report.rows(_missing(table, "id"), "id", "required value is missing")
    _slugs(table, "id", report)
    model = NODE_MODELS[label]
    kind_enum: Any = model.model_fields["kind"].annotation
    kinds = [k.value for k in kind_enum]
    if label is not Label.PERSON:
        report.rows(_missing(table, "kind"), "kind", "required value is missing")
    _enum(table, "kind", kinds, report)
    _enum(table, "country", [c.value for c in Country], report)
    names = [c for c in (*NAME_COLUMNS[:3], "gloss_en", "name") if c in table.column_names]
    nameless = pc.is_null(table[names[0]])
    for column in names[1:]:
        nameless = pc.and_(nameless, pc.is_null(table[column]))
    needs = "name" if label is Label.PERSON else "one of name_fi, name_sv, name_en or gloss_en"
    report.rows(pc.indices_nonzero(nameless).to_pylist(), "(row)", f"needs {needs}")
    for column in ("purpose_lang", "language", "text_lang"):
        if column in table.column_names:
            _enum(table, column, [lang.value for lang in Lang], report)
    _check_common(table, report)


def _check_edges(table: pa.Table, report: _Report) -> None:
    for column in ("type", "from", "to"):
        report.rows(_missing(table, column), column, "required value is missing")
    types = table["type"]
    report.rows(
        _not_in(table, "type", [t.value for t in RelType]),
        "type",
        lambda row: (
            f"unknown relationship type '{types[row].as_py()}'"
            + (suggest(types[row].as_py(), [t.value for t in RelType]) or "")
        ),
    )
    for column in ("from", "to", "id", "designated_by", "appointed_by", "on_behalf_of", "via_post"):
        _slugs(table, column, report)
    present = set(pc.unique(types).to_pylist())
    empty = {c for c in EDGE_OWN_COLUMNS if table[c].null_count == len(table)}
    for rel in RelType:
        if rel.value not in present:
            continue
        of_type = pc.equal(types, rel.value)
        model = EDGE_MODELS[rel]
        own = set(edge_own_columns(rel))
        for column in EDGE_OWN_COLUMNS:
            if column in empty and not (column in own and model.model_fields[column].is_required()):
                continue  # an empty column has no bad values and no stray ones
            if column in own:
                annotation = model.model_fields[column].annotation
                enum: Any = next(
                    (
                        a
                        for a in getattr(annotation, "__args__", (annotation,))
                        if isinstance(a, type) and issubclass(a, StrEnum)
                    ),
                    None,
                )
                if enum is not None:
                    sub = pa.table(
                        {column: pc.if_else(of_type, table[column], pa.scalar(None, pa.string()))}
                    )
                    values = table[column]
                    choices = [e.value for e in enum]
                    report.rows(
                        _not_in(sub, column, choices),
                        column,
                        lambda row, v=values, ch=choices: (
                            f"unknown value '{v[row].as_py()}'"
                            + (suggest(v[row].as_py(), ch) or f"; expected one of: {', '.join(ch)}")
                        ),
                    )
                field = model.model_fields[column]
                if field.is_required():
                    missing = pc.and_(of_type, pc.is_null(table[column]))
                    report.rows(
                        pc.indices_nonzero(missing).to_pylist(), column, f"required for {rel}"
                    )
            else:
                stray = pc.and_(of_type, pc.is_valid(table[column]))
                report.rows(
                    pc.indices_nonzero(stray).to_pylist(), column, f"{rel} has no field '{column}'"
                )
    _check_common(table, report)


# --- turning checked rows into stored columns ----------------------------------------------------


def _day_columns(table: pa.Table) -> tuple[pa.Array | None, pa.Array | None]:
    if "valid_from" not in table.column_names:
        return None, None
    return _days(table["valid_from"], first_day), _days(table["valid_to"], last_day)


def _days(values: pa.ChunkedArray, expand: Any) -> pa.Array:
    """Partial dates to real ones, computed once per distinct value (dates repeat a lot)."""
    mapping: dict[str, date | None] = {}
    for value in pc.unique(values).to_pylist():
        if value is not None:
            try:
                mapping[value] = expand(value) if _PARTIAL_DATE.match(value) else None
            except ValueError:
                mapping[value] = None
    keys = pa.array(list(mapping), pa.string())
    index = pc.index_in(values, keys)
    days = pa.array(list(mapping.values()), pa.date32())
    return pc.take(days, index) if len(keys) else pa.nulls(len(values), pa.date32())


def _lists(values: pa.ChunkedArray) -> Any:
    """A cell "a | b||c" to ["a", "b", "c"], an empty one to []. Separators are tidied
    (spaces around them dropped, repeats merged, none at the ends) before one split."""
    empty = pa.scalar([], pa.list_(pa.string()))
    if values.null_count == len(values):  # the usual case: no lists given at all
        return pa.ListArray.from_arrays(
            pc.fill_null(pa.nulls(len(values) + 1, pa.int32()), 0), pa.array([], pa.string())
        )
    sep = re.escape(LIST_SEPARATOR)
    tidy = pc.replace_substring_regex(pc.fill_null(values, ""), rf"\s*{sep}\s*", LIST_SEPARATOR)
    tidy = pc.replace_substring_regex(tidy, f"(?:{sep})+", LIST_SEPARATOR)
    tidy = pc.utf8_trim(pc.utf8_trim_whitespace(tidy), LIST_SEPARATOR)
    return pc.if_else(pc.equal(tidy, ""), empty, pc.split_pattern(tidy, LIST_SEPARATOR))


def _bools(values: pa.ChunkedArray) -> pa.Array:
    lowered = pc.utf8_lower(values)
    return pc.if_else(
        pc.is_null(values), pa.scalar(None, pa.bool_()), pc.is_in(lowered, pa.array(sorted(_TRUE)))
    )


def fold_array(values: Any) -> Any:
    """rows.fold_for_search over a whole column: NFKD, marks removed, lower case, every run of
    what is not a letter or a digit one space, none at the ends. The regular expressions run
    only on the rows that need them: they cost the most."""
    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks()
    accented = pc.invert(pc.string_is_ascii(values))  # NFKD leaves ASCII as it is
    bare = _where(
        values,
        accented,
        lambda v: pc.replace_substring_regex(pc.utf8_normalize(v, form="NFKD"), r"\pM", ""),
    )
    lowered = pc.utf8_lower(bare)
    untidy = pc.invert(pc.match_substring_regex(lowered, r"^[\pL\pN]+(?: [\pL\pN]+)*$"))
    return _where(
        lowered,
        untidy,
        lambda v: pc.utf8_trim(pc.replace_substring_regex(v, r"[^\pL\pN]+", " "), " "),
    )


def _where(values: pa.Array, mask: pa.Array, change: Callable[[pa.Array], pa.Array]) -> pa.Array:
    """`values` with `change` applied to the rows of `mask` only."""
    mask = pc.fill_null(mask, False)
    if not pc.any(mask).as_py():
        return values
    return pc.replace_with_mask(values, mask, change(pc.filter(values, mask)))


def _search_piece(values: Any) -> Any:
    """' term |' per row, folded (see rows.search_text); '' where the cell folds to nothing."""
    folded = fold_array(values)
    empty = pc.fill_null(pc.equal(folded, ""), True)
    return pc.if_else(empty, "", pc.binary_join_element_wise(" ", folded, " |", ""))


def _list_search_piece(lists: Any) -> Any:
    """The same for a list column's items, joined per row ('' for an empty list)."""
    if isinstance(lists, pa.ChunkedArray):
        lists = lists.combine_chunks()
    lengths = pc.fill_null(pc.list_value_length(lists), 0)
    offsets = pa.concat_arrays(
        [pa.array([0], pa.int32()), pc.cast(pc.cumulative_sum(lengths), pa.int32())]
    )
    pieces = _search_piece(pc.list_flatten(lists))
    return pc.binary_join(pa.ListArray.from_arrays(offsets, pieces), "")


def _search(pieces: list[Any]) -> Any:
    """'| term one | term two |' per row (rows.search_text)."""
    return pc.binary_join_element_wise("|", *pieces, "")


def search_columns(table: pa.Table, label: Label, lists: Mapping[str, Any]) -> dict[str, Any]:
    """search_names and search_text of a CSV node file, term for term in the order of
    Node.name_terms and Node.search_terms (rows.node_row: a test keeps the two equal). A CSV
    row has no identifiers; `lists` holds the list columns already split."""
    names = ["name"] if label is Label.PERSON else []
    names += NAME_COLUMNS
    name_pieces = [_search_piece(table[c]) for c in names]
    name_pieces.append(_list_search_piece(lists["alt_names"]))
    for column in CODE_COLUMNS[label]:
        listed = column in LIST_COLUMNS
        name_pieces.append(
            _list_search_piece(lists[column]) if listed else _search_piece(table[column])
        )
    texts = ["gloss_en", *TEXT_COLUMNS[label], "note"]
    text_pieces = [_search_piece(table[c]) for c in texts]
    return {
        "search_names": _search(name_pieces),
        "search_text": _search([*name_pieces, *text_pieces]),
    }


_JSON_ESCAPES = (("\\", "\\\\"), ('"', '\\"'), ("\n", "\\n"), ("\r", "\\r"), ("\t", "\\t"))


def _json_escaped(values: Any) -> Any:
    """The text of a JSON string literal, column-wise (rows.citations_from reads it).
    Escaped once per distinct value: sources and quotes repeat a lot."""
    encoded = pc.dictionary_encode(values).combine_chunks()
    distinct = encoded.dictionary
    for raw, escaped in _JSON_ESCAPES:
        distinct = pc.replace_substring(distinct, raw, escaped)
    return pc.take(distinct, encoded.indices)


def _dates_and_provenance(table: pa.Table) -> dict[str, Any]:
    """The stored columns every node and edge has beyond its own: real dates for "as of",
    the citation as JSON (a CSV row cites one source), the assertion level."""
    starts, ends = _day_columns(table)
    return {
        "valid_from_date": starts,
        "valid_to_date": ends,
        "citations": pc.binary_join_element_wise(
            '[{"doc": "',
            _json_escaped(table["source"]),
            '", "quote": "',
            _json_escaped(table["quote"]),
            '"}]',
            "",
        ),
        "assertion": pc.fill_null(table["assertion"], Assertion.STATED.value),
    }


def node_store_table(part: CsvPart, columns: Mapping[str, str]) -> pa.Table:
    """The stored columns (app/model/schema.py) of a CSV node file."""
    table, label, n = part.table, part.label, len(part.table)
    assert label is not None
    out: dict[str, pa.Array | pa.ChunkedArray] = {
        c: _lists(table[c]) for c in LIST_COLUMNS if c in columns
    }
    out.update(search_columns(table, label, out))
    out["name"] = table["name"] if label is Label.PERSON else _display_names(table)
    out["kind"] = pc.fill_null(table["kind"], "person") if label is Label.PERSON else table["kind"]
    out.update(_dates_and_provenance(table))
    for column, kind in columns.items():
        if column in out:
            continue
        if kind == "BOOLEAN":
            out[column] = (
                _bools(table[column]) if column in table.column_names else pa.nulls(n, pa.bool_())
            )
        elif kind == "INT64":
            out[column] = (
                pc.cast(table[column], pa.int64())
                if column in table.column_names
                else pa.nulls(n, pa.int64())
            )
        elif column in table.column_names:
            out[column] = table[column]
        else:
            out[column] = pa.nulls(n, pa.string())
    return pa.table({c: out[c] for c in columns})


def _display_names(table: pa.Table) -> pa.ChunkedArray:
    """Name in the entity's own language: sv first for Swedish entities, fi first otherwise."""
    fi_first = pc.coalesce(table["name_fi"], table["name_sv"], table["name_en"], table["gloss_en"])
    sv_first = pc.coalesce(table["name_sv"], table["name_fi"], table["name_en"], table["gloss_en"])
    # The same rule as the YAML path (rows.node_row): Swedish entities are named in Swedish.
    swedish = pc.fill_null(pc.equal(table["country"], Country.SE.value), False)
    return pc.if_else(swedish, sv_first, fi_first)


def edge_store_table(table: pa.Table, rel: RelType, columns: Mapping[str, str]) -> pa.Table:
    """The stored columns of one relationship type's rows, with `from` and `to` first."""
    out: dict[str, Any] = {"from": table["from"], "to": table["to"]}
    model = EDGE_MODELS[rel]
    qualifier = model.qualifier_field
    parts: list[Any] = [rel.value.lower().replace("_", "-"), table["from"], table["to"]]
    if qualifier:
        default = model.model_fields[qualifier].default
        values = table[qualifier]
        if hasattr(default, "value"):
            values = pc.fill_null(values, default.value)
        parts.append(pc.replace_substring(values, "_", "-"))
    derived = pc.binary_join_element_wise(*parts, ".")  # the YAML path's derived id
    out["id"] = pc.coalesce(table["id"], derived)
    out.update(_dates_and_provenance(table))
    for column, kind in columns.items():
        if column in out:
            continue
        default = model.model_fields[column].default if column in model.model_fields else None
        if column in LIST_COLUMNS:
            out[column] = _lists(table[column])
        elif kind == "BOOLEAN":
            out[column] = _bools(table[column])
        elif kind == "INT64":
            out[column] = pc.cast(table[column], pa.int64())
        elif default is not None and hasattr(default, "value"):
            out[column] = pc.fill_null(table[column], default.value)
        else:
            out[column] = table[column]
    return pa.table(out)

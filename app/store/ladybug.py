"""The embedded store: LadybugDB, one database file.

Loads never touch the live file. The new graph is built in a sibling file with the bulk path
(COPY FROM Arrow tables), checkpointed, closed, then renamed over the live file: a rename is
atomic, so readers see the old graph or the new one, and a failed or killed load leaves the old
one in place. Readers open the file read-only and reopen when the file they hold was replaced.
The store's own records (saved maps) live in a small database of their own beside the graph
(`<name>.records.lbug`), written the same way (copy, write into the copy, rename it over): a
load never touches them, and writing one never sends the graph's readers to a cold file.
"""

import contextlib
import fcntl
import os
import shutil
import threading
from collections import OrderedDict
from collections.abc import Hashable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar

import ladybug
import pyarrow as pa

from app import deadline
from app.config import DEFAULT_READ_CACHE_ROWS
from app.errors import (
    DamagedGraphError,
    GraphChangedError,
    LoadFailedError,
    NoGraphError,
    QueryError,
    StoreUnavailableError,
)
from app.model.arrow import ARROW_TYPES
from app.model.vocabulary import Label
from app.progress import Progress
from app.store.base import GraphTables, Row, StoreBase, next_revision
from app.store.internal import INDEX_LABEL, META_LABEL
from app.store.prefetch import prefetched
from app.store.statements import schema_statements, statement

# The engine's table_info names a boolean column "BOOL"; the model calls it "BOOLEAN".
_ARROW_TYPES: dict[str, pa.DataType] = {str(k): t for k, t in ARROW_TYPES.items()}
_ARROW_TYPES["BOOL"] = ARROW_TYPES["BOOLEAN"]
# Answers to recent reads are kept until the graph is swapped (the only way it changes): walks
# expand the same hubs (ministries, big groups) again and again. Bounded in rows.
_CACHE_LARGEST = 10_000  # a bigger answer is not kept: it would push out many small ones
ARROW_FROM = 200  # rows; below, fetching them one by one is quicker (Arrow has a fixed cost)
# The store's own bookkeeping: what a load wrote about the graph.
_META = f"MATCH (m:{META_LABEL}) RETURN m.id, m.value"
_RECORDS_POOL = 64 * 1024 * 1024  # bytes: the records are small, the graph keeps the memory
# What the engine says when a file's pages are not what it wrote: the file is damaged.
_DAMAGE = ("Storage exception", "Assertion failed", "Cannot load disk array", "not a valid")
NO_GRAPH = "no graph is loaded: run `orgmap load` first"


class LadybugStore(StoreBase):
    backend: ClassVar[str] = "ladybug"
    walks_by_frontier: ClassVar[bool] = False  # its primary-key index serves one labelled node

    def __init__(self, path: Path, cache_rows: int = DEFAULT_READ_CACHE_ROWS) -> None:
        self.path = path
        self._cache_rows = cache_rows
        self._lock = threading.Lock()
        self._local = threading.local()
        self._db: Any = None
        self._generation = 0
        self._opened: tuple[int, int] | None = None  # (inode, mtime) of the file we hold
        self._damaged: tuple[tuple[int, int], str] | None = None  # that file, and why
        self._cache: OrderedDict[tuple[int, str, Hashable], list[Row]] = OrderedDict()
        self._cached_rows = 0
        self._cache_lock = threading.Lock()

    # --- reading -------------------------------------------------------------------------
    def _file_identity(self) -> tuple[int, int] | None:
        try:
            info = self.path.stat()
        except FileNotFoundError:
            return None
        return info.st_ino, info.st_mtime_ns

    def _connection(self) -> Any:
        identity = self._file_identity()
        if identity is None:
            raise NoGraphError(NO_GRAPH, internal=f"no file at {self.path}")
        with self._lock:
            if self._damaged and self._damaged[0] == identity:  # until a load replaces it
                raise _damaged(self.path, self._damaged[1])
            if identity != self._opened:
                self._reopen(identity)
            generation = self._generation
        conn = getattr(self._local, "conn", None)
        if conn is None or getattr(self._local, "generation", -1) != generation:
            conn = ladybug.Connection(self._db)
            self._local.conn, self._local.generation = conn, generation
        return conn

    def _reopen(self, identity: tuple[int, int]) -> None:
        old = self._db
        try:
            db = ladybug.Database(str(self.path), read_only=True)
        except RuntimeError as exc:
            if "lock" in str(exc).lower():  # another process writes it: not damage, wait
                raise StoreUnavailableError(
                    "the graph is being written by another process; try again",
                    internal=f"{self.path}: {exc}",
                ) from exc
            self._damaged = (identity, str(exc))
            raise _damaged(self.path, str(exc)) from exc
        try:
            _check_whole(db)
        except _NotWholeError as exc:
            db.close()
            self._damaged = (identity, str(exc))
            raise _damaged(self.path, str(exc)) from exc
        self._db, self._damaged = db, None
        self._opened = identity
        self._generation += 1
        self._forget()
        if old is not None:
            # Connections of other threads may still use it; the GC closes it when they move on.
            del old

    def read(self, text: str, params: Mapping[str, Any]) -> list[Row]:
        conn = self._connection()  # first: it notices a swapped file (and forgets old answers)
        key = (self._local.generation, text, _hashable(params))
        with self._cache_lock:
            rows = self._cache.get(key)
            if rows is not None:
                self._cache.move_to_end(key)
        if rows is None:
            rows = self._execute(conn, text, params)
            self._remember(key, rows)
            deadline.check("the query")  # turning many rows into Python may have spent it
        return [_copy_row(row) for row in rows]  # callers may change what they are given

    def _execute(self, conn: Any, query: str, params: Mapping[str, Any]) -> list[Row]:
        conn.set_query_timeout(_timeout_ms())  # the engine stops itself when the budget is spent
        try:
            result = conn.execute(query, dict(params))
        except RuntimeError as exc:
            raise self._translated(exc) from exc
        if result.get_num_tuples() > ARROW_FROM:  # row by row costs ~50 µs a row; Arrow less
            return _arrow_rows(result.get_as_arrow(chunk_size=-1))
        columns = result.get_column_names()
        rows = []
        while result.has_next():
            rows.append({c: _plain(v) for c, v in zip(columns, result.get_next(), strict=True)})
        return rows

    def _translated(self, exc: RuntimeError) -> Exception:
        """The engine's error as OrgMap's: a timeout, a damaged file (remembered, so that
        every later read says so until a load replaces the file), or a rejected statement."""
        message = str(exc)
        if message.startswith("Interrupted"):
            return deadline.exceeded("the query")
        if any(sign in message for sign in _DAMAGE):
            with self._lock:
                if self._opened is not None:
                    self._damaged = (self._opened, message)
            return _damaged(self.path, message)
        return QueryError("the graph store rejected a statement", internal=message)

    def _remember(self, key: tuple[int, str, Hashable], rows: list[Row]) -> None:
        if len(rows) > min(_CACHE_LARGEST, self._cache_rows):
            return
        with self._cache_lock:
            if key in self._cache or key[0] != self._generation:  # raced, or read a swapped graph
                return
            self._cache[key] = rows
            self._cached_rows += len(rows) + 1
            while self._cached_rows > self._cache_rows:
                _, dropped = self._cache.popitem(last=False)
                self._cached_rows -= len(dropped) + 1

    def _forget(self) -> None:
        with self._cache_lock:
            self._cache.clear()
            self._cached_rows = 0

    # --- writing -------------------------------------------------------------------------
    def apply_schema(self) -> None:
        with self._writer(self.path) as conn:
            _apply_schema(conn)

    @contextlib.contextmanager
    def _writer(self, path: Path) -> Iterator[Any]:
        self._release()
        db = ladybug.Database(str(path))
        conn = ladybug.Connection(db)
        try:
            yield conn
            conn.execute("CHECKPOINT")
        finally:
            conn.close()
            db.close()

    def replace_graph(
        self,
        tables: GraphTables,
        progress: Progress | None = None,
        *,
        expected_revision: str | None = None,
    ) -> str:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with _exclusive(self.path.with_name(self.path.name + ".lock")):
            live = self._live_revision()
            if expected_revision is not None and live != expected_revision:
                raise GraphChangedError(
                    "the graph was replaced while this write was prepared from it"
                )
            revision = next_revision(live)
            _remove_abandoned_builds(self.path)
            staging = self.path.with_name(f"{self.path.name}.loading-{os.getpid()}")
            _remove(staging)
            try:
                try:
                    with self._writer(staging) as conn:
                        _apply_schema(conn)
                        meta = tables.facts(revision)
                        _copy_graph(conn, tables, progress or (lambda *_: None), meta)
                except RuntimeError as exc:
                    if str(exc).startswith("Interrupted"):
                        raise deadline.exceeded("the load") from exc
                    raise LoadFailedError(
                        "load failed, the previous graph is kept", internal=str(exc)
                    ) from exc
                _fsync(staging)
                if Path(f"{staging}.wal").exists():
                    raise LoadFailedError(
                        "load failed, the previous graph is kept",
                        internal=f"{staging} still has a write-ahead log",
                    )
                staging.replace(self.path)
                _fsync(self.path.parent)
            finally:
                _remove(staging)
            if tables.saved_maps:  # a restore's, beside those in place
                put = statement("put_saved_maps", self.backend, "writes")
                rows = [{"id": k, "value": v} for k, v in tables.saved_maps.items()]
                self._write_records(put.text, put.bind({"rows": rows}))
        return revision

    def _live_revision(self) -> str:
        """The revision of the graph in the file ("" with none, or an unreadable one): read
        under the write lock, so that no other write can swap the file meanwhile."""
        if self._file_identity() is None:
            return ""
        try:
            db = ladybug.Database(str(self.path), read_only=True)
        except RuntimeError:
            return ""  # a damaged file: whatever replaces it starts afresh
        try:
            return _meta(db).get("revision", "")
        except RuntimeError:
            return ""
        finally:
            db.close()

    # --- the store's own records, beside the graph -----------------------------------------
    @property
    def records_path(self) -> Path:
        return self.path.with_name(f"{self.path.stem}.records{self.path.suffix}")

    def _read_records(self, text: str, params: Mapping[str, Any]) -> list[Row]:
        if self._file_identity() is None:  # records without a graph are not served
            raise NoGraphError(NO_GRAPH, internal=f"no file at {self.path}")
        if not self.records_path.exists():
            return []
        try:
            db = ladybug.Database(
                str(self.records_path), read_only=True, buffer_pool_size=_RECORDS_POOL
            )
        except RuntimeError as exc:
            raise StoreUnavailableError(
                "the store's records cannot be read; try again",
                internal=f"{self.records_path}: {exc}",
            ) from exc
        conn = ladybug.Connection(db)
        try:
            return self._execute(conn, text, params)
        finally:
            conn.close()
            db.close()

    def _write(self, text: str, params: Mapping[str, Any]) -> None:
        with _exclusive(self.path.with_name(self.path.name + ".lock")):
            if self._file_identity() is None:
                raise NoGraphError(NO_GRAPH, internal=f"no file at {self.path}")
            self._write_records(text, params)

    def _write_records(self, text: str, params: Mapping[str, Any]) -> None:
        """Copy the records file, write into the copy, swap it in (under the write lock): the
        same atomic rename as a load, so a reader sees the records before or after a write."""
        records = self.records_path
        _remove_abandoned_builds(records)
        staging = records.with_name(f"{records.name}.loading-{os.getpid()}")
        _remove(staging)
        try:
            if records.exists():
                shutil.copyfile(records, staging)
            db = ladybug.Database(str(staging), buffer_pool_size=_RECORDS_POOL)
            conn = ladybug.Connection(db)
            try:
                for command in schema_statements("ladybug-records"):
                    conn.execute(command)
                conn.execute(text, dict(params))
                conn.execute("CHECKPOINT")
            except RuntimeError as exc:
                raise QueryError("the graph store rejected a write", internal=str(exc)) from exc
            finally:
                conn.close()
                db.close()
            _fsync(staging)
            if Path(f"{staging}.wal").exists():
                raise QueryError(
                    "the graph store could not finish a write",
                    internal=f"{staging} still has a write-ahead log",
                )
            staging.replace(records)
            _fsync(records.parent)
        finally:
            _remove(staging)

    def _release(self) -> None:
        with self._lock:
            self._db, self._opened = None, None
            self._generation += 1
        self._forget()

    def close(self) -> None:
        self._release()


class _NotWholeError(Exception):
    """The file opened, but it does not hold what a load writes."""


def _meta(db: Any) -> dict[str, str]:
    conn: Any = ladybug.Connection(db)
    try:
        result = conn.execute(_META)
        values = {}
        while result.has_next():
            key, value = result.get_next()
            values[key] = value
        return values
    finally:
        conn.close()


def _check_whole(db: Any) -> None:
    """A load writes its facts (when, from what, how many nodes) last: a file without them
    is not a whole graph (a truncated copy, a file of another program, an empty file)."""
    try:
        meta = _meta(db)
    except RuntimeError as exc:
        raise _NotWholeError(f"no load facts: {exc}") from exc
    missing = sorted({"loaded_at", "nodes", "edges"} - meta.keys())
    if missing:
        raise _NotWholeError(f"the load facts lack {', '.join(missing)}")


def _damaged(path: Path, why: str) -> DamagedGraphError:
    return DamagedGraphError(
        "the graph file is damaged or was not written by a load; run `orgmap load` to replace it",
        internal=f"{path}: {why}",
    )


def _timeout_ms() -> int:
    """The engine's timeout for the next statement: what is left of the budget (0: none)."""
    left = deadline.remaining()
    if left is None:
        return 0
    if left <= 0:
        raise deadline.exceeded("the query")
    return max(1, int(left * 1000))


def _apply_schema(conn: Any) -> None:
    for command in schema_statements("ladybug"):
        conn.execute(command)


def _table_columns(conn: Any, table: str) -> list[tuple[str, str]]:
    result = conn.execute(f"CALL table_info('{table}') RETURN name, type")
    columns = []
    while result.has_next():
        name, kind = result.get_next()
        columns.append((name, kind))
    return columns


def _aligned(table: pa.Table, columns: list[tuple[str, str]], lead: Sequence[str] = ()) -> Any:
    """The table's columns in the order and the types the database table declares."""
    arrays = [table[name] for name in lead]
    for name, kind in columns:
        arrays.append(
            table[name].cast(_ARROW_TYPES[kind])
            if name in table.column_names
            else pa.nulls(len(table), _ARROW_TYPES[kind])
        )
    return pa.table(arrays, names=[*lead, *(name for name, _ in columns)])


def _copy_graph(
    conn: Any, tables: GraphTables, progress: Progress, meta_values: Mapping[str, str]
) -> None:
    """Bulk-copy every table as it is built: the next table is converted while this one is
    copied, and each is released once copied (the peak stays near two tables)."""
    # Table names come from the vocabulary (Label / RelType), never from input.
    total, done = tables.node_count + tables.edge_count, 0
    index: list[tuple[Label, pa.ChunkedArray]] = []
    for nodes in prefetched(tables.nodes):
        if len(nodes.table):
            index.append((nodes.label, nodes.table["id"]))
            aligned = _aligned(nodes.table, _table_columns(conn, nodes.label.value))
            _copy_from(conn, f"COPY {nodes.label.value} FROM $rows_arrow", aligned)
            done += len(aligned)
            progress("copying", done, total)
            del aligned
        del nodes
    if index:
        _copy_from(conn, f"COPY {INDEX_LABEL} FROM $rows_arrow", _entity_index(index))
    for edges in prefetched(tables.edges):
        if len(edges.table):
            aligned = _aligned(edges.table, _table_columns(conn, edges.rel.value), ("from", "to"))
            _copy_from(
                conn,
                f"COPY {edges.rel.value} FROM $rows_arrow "
                f"(from='{edges.from_label.value}', to='{edges.to_label.value}')",
                aligned,
            )
            done += len(aligned)
            progress("copying", done, total)
            del aligned
        del edges
    meta = pa.table(
        {"id": list(meta_values), "value": [str(v) for v in meta_values.values()]},
        schema=pa.schema([("id", pa.string()), ("value", pa.string())]),
    )
    if len(meta):
        conn.execute(f"COPY {META_LABEL} FROM $rows_arrow", {"rows_arrow": meta})


def _copy_from(conn: Any, statement: str, table: pa.Table) -> None:
    """One COPY on its own short-lived connection: a connection's statement cache keeps the
    bound Arrow table alive until the connection closes, and we want each table freed."""
    deadline.check("the load")
    copier = ladybug.Connection(conn.database)
    try:
        pa.default_memory_pool().release_unused()  # hand freed tables back before the engine grows
        copier.set_query_timeout(_timeout_ms())
        copier.execute(statement, {"rows_arrow": table})
    finally:
        copier.close()


def _entity_index(ids: list[tuple[Label, pa.ChunkedArray]]) -> pa.Table:
    """Every node's id and label, so that a node is found by id alone through one index."""
    schema = pa.schema([("id", pa.string()), ("label", pa.string())])
    columns = [
        pa.concat_arrays([column.combine_chunks().cast(pa.string()) for _, column in ids]),
        pa.concat_arrays([pa.repeat(pa.scalar(label.value), len(column)) for label, column in ids]),
    ]
    return pa.table(columns, schema=schema)


def _hashable(value: Any) -> Hashable:
    """Parameters as a cache key: mappings and lists become sorted pairs and tuples."""
    if isinstance(value, Mapping):
        return tuple(sorted((k, _hashable(v)) for k, v in value.items()))
    if isinstance(value, set | frozenset):
        return tuple(sorted((_hashable(v) for v in value), key=repr))
    if isinstance(value, list | tuple):
        return tuple(_hashable(v) for v in value)
    plain: Hashable = value
    return plain


def _copy_row(row: Row) -> Row:
    """A row and the dicts and lists in it, copied (nodes and relationships are dicts)."""
    return {
        k: dict(v) if isinstance(v, dict) else list(v) if isinstance(v, list) else v
        for k, v in row.items()
    }


def _arrow_rows(table: pa.Table) -> list[Row]:
    """The rows of an Arrow result, as _plain gives them: a node or relationship column (a
    struct with _LABEL) loses its internal fields and gains `_label` column-wise, before any
    Python object is made; other nested columns go through _plain."""
    columns, nested = [], []
    for name, column in zip(table.column_names, table.columns, strict=True):
        if pa.types.is_struct(column.type) and column.type.get_field_index("_LABEL") >= 0:
            column = _entity_struct(column.combine_chunks())
        elif pa.types.is_nested(column.type):
            nested.append(name)
        columns.append(column)
    rows: list[Row] = pa.table(columns, names=table.column_names).to_pylist()
    for row in rows:
        for name in nested:
            row[name] = _plain(row[name])
    return rows


def _entity_struct(column: pa.StructArray) -> pa.StructArray:
    fields = [f.name for f in column.type]
    keep = [i for i, name in enumerate(fields) if name == "_LABEL" or not name.startswith("_")]
    return pa.StructArray.from_arrays(
        [column.field(i) for i in keep],
        names=["_label" if fields[i] == "_LABEL" else fields[i] for i in keep],
        mask=column.is_null(),
    )


def _plain(value: Any) -> Any:
    """Engine values to plain Python: nodes lose internal keys and gain `_label`."""
    if isinstance(value, dict):
        if "_LABEL" in value:
            plain = {k: _plain(v) for k, v in value.items() if not k.startswith("_")}
            plain["_label"] = value["_LABEL"]
            return plain
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


@contextlib.contextmanager
def _exclusive(lock_path: Path) -> Iterator[None]:
    """One load at a time per database path (the lock dies with its process)."""
    with lock_path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _remove_abandoned_builds(path: Path) -> None:
    for leftover in path.parent.glob(f"{path.name}.loading-*"):
        pid = leftover.name.rsplit("-", 1)[-1].split(".")[0]
        if pid.isdigit() and not _alive(int(pid)):
            _remove(leftover)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _remove(path: Path) -> None:
    for candidate in (path, Path(f"{path}.wal"), Path(f"{path}.shadow")):
        with contextlib.suppress(FileNotFoundError):
            candidate.unlink()


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)

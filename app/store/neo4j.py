"""The production store: Neo4j through the official driver.

Reads go through managed transactions routed to readers (a cluster's followers or read
replicas when the URI is neo4j://), retried by the driver on transient errors. A load is one
write transaction that turns the graph in place into the new one in batches of
`UNWIND $rows` (_GraphWriter: a node whose id comes again is rewritten in place, the others
created or deleted, every relationship replaced), then commits. Readers see the old graph until
the commit, and a failure rolls everything back, so the previous graph is intact. One
transaction is sound while the graph fits the server's transaction memory
(`db.memory.transaction.max`); the README says how to size it. Saved maps are nodes of their
own label, which a load does not clear; each write of one is a transaction of its own.
"""

from collections.abc import Iterator, Mapping
from datetime import date, datetime
from typing import Any, ClassVar

import neo4j
import pyarrow as pa
from neo4j import (
    GraphDatabase,
    ManagedTransaction,
    NotificationDisabledClassification,
    ResultSummary,
    RoutingControl,
)
from neo4j import exceptions as neo4j_errors
from neo4j.graph import Node, Relationship

from app import deadline
from app.config import Settings
from app.errors import (
    GraphChangedError,
    LoadFailedError,
    NoGraphError,
    QueryError,
    StoreUnavailableError,
)
from app.model.vocabulary import Label
from app.progress import Progress
from app.store.base import EdgeTable, GraphTables, Row, StoreBase, next_revision
from app.store.internal import ENTITY_LABEL, META_LABEL
from app.store.statements import Statement, schema_statements, statement


class Neo4jStore(StoreBase):
    backend: ClassVar[str] = "neo4j"
    walks_by_frontier: ClassVar[bool] = True  # every statement is a round trip over Bolt

    def __init__(self, settings: Settings) -> None:
        self.uri = settings.neo4j_uri
        self._user = settings.neo4j_user
        self._database = settings.neo4j_database
        self._timeout = settings.query_timeout_s
        self._batch = settings.neo4j_load_batch
        password = settings.neo4j_password.get_secret_value() if settings.neo4j_password else ""
        try:
            self._driver = GraphDatabase.driver(
                self.uri,
                auth=(self._user, password),
                max_connection_pool_size=settings.neo4j_pool_size,
                connection_acquisition_timeout=settings.query_timeout_s,
                connection_timeout=5.0,
                max_transaction_retry_time=settings.query_timeout_s,  # not the default 30 s
                # The statements name the whole vocabulary; a graph without some type or
                # property gives an empty answer, not a warning logged on every request.
                notifications_disabled_classifications=[
                    NotificationDisabledClassification.UNRECOGNIZED
                ],
            )
        except (ValueError, neo4j_errors.ConfigurationError) as exc:
            raise StoreUnavailableError(
                "the graph server's address is not valid (ORGMAP_NEO4J_URI)",
                internal=f"'{self.uri}': {_line(exc)}",
            ) from exc

    # --- reading -------------------------------------------------------------------------
    def read(self, text: str, params: Mapping[str, Any]) -> list[Row]:
        query = neo4j.Query(text, timeout=self._statement_timeout())
        with self._errors():
            records, _, _ = self._driver.execute_query(
                query,
                dict(params),
                routing_=RoutingControl.READ,
                database_=self._database,
            )
        return [
            {key: _plain(value) for key, value in zip(record.keys(), record.values(), strict=True)}
            for record in records
        ]

    def _statement_timeout(self) -> float:
        """The server's transaction timeout: what is left of the budget, at most the setting."""
        left = deadline.remaining()
        if left is None:
            return self._timeout
        if left <= 0:
            raise deadline.exceeded("the query")
        return min(left, self._timeout)

    # --- writing -------------------------------------------------------------------------
    def apply_schema(self) -> None:
        with self._errors(), self._driver.session(database=self._database) as session:
            for command in schema_statements("neo4j"):
                session.run(command).consume()  # schema commands: one auto-commit each

    def replace_graph(
        self,
        tables: GraphTables,
        progress: Progress | None = None,
        *,
        expected_revision: str | None = None,
    ) -> str:
        report = progress or (lambda *_: None)
        total = tables.node_count + tables.edge_count
        revision = ""

        def work(tx: ManagedTransaction) -> None:
            nonlocal revision
            # The graph's write lock, held to the commit: writes queue here, one at a time,
            # and each reads the revision the one before it committed.
            live = tx.run(statement("claim_graph", self.backend, "load").text).single()
            live_revision = str(live["revision"] or "") if live else ""
            if expected_revision is not None and live_revision != expected_revision:
                raise GraphChangedError(
                    "the graph was replaced while this write was prepared from it"
                )
            revision = next_revision(live_revision)
            writer = _GraphWriter(tx, self.backend, self._batch, report, total)
            writer.write(tables)
            meta = [{"id": k, "value": v} for k, v in tables.facts(revision).items()]
            _run(tx, statement("load_meta", self.backend, "load").text, {"rows": meta})
            if tables.saved_maps:  # a restore's; the saved maps in place stay (not cleared)
                rows = [{"id": k, "value": v} for k, v in tables.saved_maps.items()]
                put = statement("put_saved_maps", self.backend, "writes")
                _run(tx, put.text, put.bind({"rows": rows}))

        self.apply_schema()
        try:
            left = deadline.remaining()  # a write within a budget (an import over HTTP)
            bounded = work if left is None else neo4j.unit_of_work(timeout=max(left, 0.001))(work)
            with self._errors(), self._driver.session(database=self._database) as session:
                session.execute_write(bounded)
        except QueryError as exc:
            raise LoadFailedError(
                "load failed, the previous graph is kept", internal=exc.internal or str(exc)
            ) from exc
        return revision

    def _write(self, text: str, params: Mapping[str, Any]) -> None:
        query = neo4j.Query(text, timeout=self._statement_timeout())
        with self._errors():
            self._driver.execute_query(
                query, dict(params), routing_=RoutingControl.WRITE, database_=self._database
            )

    def close(self) -> None:
        self._driver.close()

    # --- errors --------------------------------------------------------------------------
    def _errors(self) -> "_Translate":
        return _Translate(self.uri, self._user, self._database)


class _GraphWriter:
    """One load's writes inside its transaction: the graph in place becomes `tables`.

    Nodes whose id comes again are rewritten where they are, new ones created, and those the
    new graph lacks deleted last; every relationship is replaced. Deleting the whole graph and
    creating it anew in one transaction is much slower: once a transaction holds deleted nodes,
    each later uniqueness check and id lookup in it slows down (measured on 20k nodes: a
    replace took 3.5 times an empty load, on 100k over 20 min against 88 s). Relationships find
    their ends by element id, so no statement looks an id up."""

    def __init__(
        self, tx: ManagedTransaction, backend: str, batch: int, report: Progress, total: int
    ) -> None:
        self.tx, self.backend, self.batch, self.report, self.total = (
            tx,
            backend,
            batch,
            report,
            total,
        )
        self.done = 0
        self.written: dict[str, tuple[str, Label]] = {}  # id → element id, label

    def write(self, tables: GraphTables) -> None:
        held = self._held()
        _run(self.tx, self._statement("clear_edges").text, {})
        for of_label in tables.nodes:
            for rows in _batches(of_label.table, self.batch):
                self._nodes(of_label.label, rows, held)
        for part in tables.edges:
            create = self._statement("load_edges").render(types=[part.rel]).text
            for rows in _batches(part.table, self.batch):
                _run(self.tx, create, {"rows": self._ends(part, rows)})
                self._advance(len(rows))
        stale = [element for id_, (element, _) in held.items() if id_ not in self.written]
        delete = self._statement("delete_nodes").text
        for start in range(0, len(stale), self.batch):
            _run(self.tx, delete, {"elements": stale[start : start + self.batch]})

    def _held(self) -> dict[str, tuple[str, Label]]:
        held: dict[str, tuple[str, Label]] = {}
        for record in self.tx.run(self._statement("held_nodes").text):
            try:
                held[record["id"]] = (record["element"], Label(record["label"]))
            except ValueError as exc:  # not written by OrgMap: no label of its vocabulary
                raise LoadFailedError(
                    "load failed, the previous graph is kept: the graph in place has node "
                    f"'{record['id']}' of label {record['label']!r}, which OrgMap does not know"
                ) from exc
        return held

    def _nodes(
        self, label: Label, rows: list[dict[str, Any]], held: dict[str, tuple[str, Label]]
    ) -> None:
        fresh = [row for row in rows if row["id"] not in held]
        kept = [row for row in rows if row["id"] in held]
        moved: dict[Label, list[str]] = {}
        for row in kept:
            element, was = held[row["id"]]
            if was != label:
                moved.setdefault(was, []).append(element)
        for was, elements in moved.items():
            relabel = self._statement("relabel_nodes").render(start=was, label=label).text
            _run(self.tx, relabel, {"elements": elements})
        if kept:
            rows_kept = [{"element": held[row["id"]][0], "props": row} for row in kept]
            _run(self.tx, self._statement("update_nodes").text, {"rows": rows_kept})
            for row in kept:
                self.written[row["id"]] = (held[row["id"]][0], label)
        if fresh:
            create = self._statement("load_nodes").render(label=label).text
            for record in self.tx.run(create, {"rows": fresh}):
                self.written[record["id"]] = (record["element"], label)
        self._advance(len(rows))

    def _ends(self, part: EdgeTable, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The rows with their ends as element ids; an end not written with its label would
        lose the row, so the load fails instead."""
        ends, lost = [], 0
        for row in rows:
            start, end = self.written.get(row.pop("from")), self.written.get(row.pop("to"))
            if (
                start is None
                or end is None
                or (start[1], end[1]) != (part.from_label, part.to_label)
            ):
                lost += 1
            else:
                ends.append({"from": start[0], "to": end[0], "props": row})
        if lost:
            raise LoadFailedError(
                f"load failed, the previous graph is kept: {lost} {part.rel} relationship(s) "
                f"from {part.from_label} to {part.to_label} have an end that is not in the graph"
            )
        return ends

    def _statement(self, name: str) -> Statement:
        return statement(name, self.backend, "load")

    def _advance(self, count: int) -> None:
        self.done += count
        self.report("copying", self.done, self.total)


class _Translate:
    """Driver exceptions as OrgMap's one-line errors (the API turns them into problem+json)."""

    def __init__(self, uri: str, user: str, database: str) -> None:
        self.uri, self.user, self.database = uri, user, database

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, _: Any) -> None:
        if exc is None:
            return
        where = f"Neo4j at {self.uri}"  # for the operator only: never in an answer
        if isinstance(exc, neo4j_errors.AuthError):
            raise StoreUnavailableError(
                "the graph server rejected OrgMap's credentials",
                internal=f"{where} rejected the credentials of user '{self.user}'",
            ) from exc
        if isinstance(exc, neo4j_errors.ServiceUnavailable | neo4j_errors.SessionExpired):
            raise StoreUnavailableError(
                "the graph server is unreachable", internal=f"{where}: {_line(exc)}"
            ) from exc
        if isinstance(exc, neo4j_errors.Neo4jError):
            code = exc.code or ""
            if "DatabaseNotFound" in code:
                raise NoGraphError(
                    "no graph is loaded: the graph server has no OrgMap database",
                    internal=f"{where} has no database '{self.database}'",
                ) from exc
            if "TransactionTimedOut" in code or "TransactionTimedOutClientConfiguration" in code:
                raise deadline.exceeded("the query") from exc
            raise QueryError(
                "the graph store rejected a statement", internal=_line(exc.message or exc)
            ) from exc
        if isinstance(exc, neo4j_errors.DriverError):
            raise StoreUnavailableError(
                "the graph server cannot be reached", internal=f"{where}: {_line(exc)}"
            ) from exc


def _line(message: object) -> str:
    """The driver's multi-line messages as one line."""
    return " ".join(str(message).split())


def _run(tx: ManagedTransaction, text: str, params: dict[str, Any]) -> ResultSummary:
    return tx.run(text, params).consume()


def _batches(table: pa.Table, size: int) -> Iterator[list[dict[str, Any]]]:
    """Rows as maps with the nulls left out: SET n = row would skip them anyway."""
    for batch in table.to_batches(max_chunksize=size):
        yield [{k: v for k, v in row.items() if v is not None} for row in batch.to_pylist()]


def _plain(value: Any) -> Any:
    """Driver values as the embedded store gives them: nodes and relationships as property
    dicts with `_label` (the node's label besides Entity, the relationship's type), Neo4j
    dates as Python dates."""
    if isinstance(value, Node):
        plain = {k: _plain(v) for k, v in value.items()}
        plain["_label"] = next((lb for lb in value.labels if lb != ENTITY_LABEL), META_LABEL)
        return plain
    if isinstance(value, Relationship):
        plain = {k: _plain(v) for k, v in value.items()}
        plain["_label"] = value.type
        return plain
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if hasattr(value, "to_native"):
        native = value.to_native()
        return native if isinstance(native, date | datetime) else value
    return value

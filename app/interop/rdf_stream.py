"""RDF written as it is made, item by item, in Turtle or JSON-LD: for graphs too large to hold
as one rdflib Graph.

An item is a small list of triples (one node's, one relationship's). Turtle gets the @prefix
header once, then one statement per subject of each item; JSON-LD gets `{"@context": …,
"@graph": [` and one node object per subject of each item. A subject may come back in a later
item (a person's node, then its org:holds): Turtle allows that, and JSON-LD merges node
objects with the same @id, so both read back as the one graph.
"""

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, BinaryIO

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF

from app.interop.json_stream import JsonObjectWriter

Subject = URIRef | BNode
Term = URIRef | BNode | Literal
Triple = tuple[Subject, URIRef, Term]
Items = Iterable[Sequence[Triple]]

_LOCAL_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")  # valid in Turtle and JSON-LD alike


class _ShortNames:
    """`prefix:name` for IRIs in a declared namespace (the vocabulary's), where rdflib's
    NamespaceManager would spend most of the export's time splitting every IRI."""

    def __init__(self, prefixes: Mapping[str, str]) -> None:
        self._prefix = {namespace: prefix for prefix, namespace in prefixes.items()}
        self._known: dict[str, str] = {}  # the short names found: the vocabulary's few terms

    def of(self, iri: str) -> str | None:
        """The short name, or None when no declared namespace covers `iri` (urn:orgmap:…)."""
        known = self._known.get(iri)
        if known is not None:
            return known
        cut = max(iri.rfind("#"), iri.rfind("/")) + 1  # every declared namespace ends so
        prefix = self._prefix.get(iri[:cut])
        if prefix is None or not _LOCAL_NAME.fullmatch(iri, cut):
            return None
        self._known[iri] = short = f"{prefix}:{iri[cut:]}"
        return short


def _by_subject(triples: Sequence[Triple]) -> dict[Subject, list[Triple]]:
    """The item's triples grouped by subject, subjects and triples in the order they came."""
    grouped: dict[Subject, list[Triple]] = {}
    for triple in triples:
        grouped.setdefault(triple[0], []).append(triple)
    return grouped


def write_turtle(items: Items, prefixes: Mapping[str, str], out: BinaryIO) -> None:
    names = _ShortNames(prefixes)
    header = "".join(f"@prefix {prefix}: <{ns}> .\n" for prefix, ns in prefixes.items())
    out.write(header.encode())
    for triples in items:
        out.write(_turtle_statements(triples, names).encode())


def _turtle_statements(triples: Sequence[Triple], names: _ShortNames) -> str:
    statements = []
    for subject, group in _by_subject(triples).items():
        pairs = [
            f"{'a' if p == RDF.type else _turtle(p, names)} {_turtle(o, names)}"
            for _, p, o in group
        ]
        statements.append(f"\n{_turtle(subject, names)} " + " ;\n    ".join(pairs) + " .\n")
    return "".join(statements)


def _turtle(term: Term, names: _ShortNames) -> str:
    """The term in Turtle: rdflib's n3() escapes literals and refuses IRIs Turtle cannot hold
    (a typed literal keeps its full datatype IRI)."""
    if isinstance(term, URIRef):
        return names.of(term) or term.n3()
    return term.n3()


def write_jsonld(items: Items, prefixes: Mapping[str, str], out: BinaryIO) -> None:
    names = _ShortNames(prefixes)
    document = JsonObjectWriter(out)
    document.member("@context", dict(prefixes))
    node_objects = (
        _node_object(subject, group, names)
        for triples in items
        for subject, group in _by_subject(triples).items()
    )
    document.array("@graph", node_objects)
    document.close()


def _node_object(subject: Subject, triples: Sequence[Triple], names: _ShortNames) -> dict[str, Any]:
    node: dict[str, Any] = {"@id": _jsonld_id(subject)}
    for _, predicate, value in triples:
        if predicate == RDF.type:
            node.setdefault("@type", []).append(names.of(value) or str(value))
        else:
            key = names.of(predicate) or str(predicate)
            node.setdefault(key, []).append(_jsonld_value(value, names))
    return node


def _jsonld_id(term: Subject) -> str:
    return f"_:{term}" if isinstance(term, BNode) else str(term)


def _jsonld_value(term: Term, names: _ShortNames) -> dict[str, str]:
    if not isinstance(term, Literal):
        return {"@id": _jsonld_id(term)}
    value = {"@value": str(term)}
    if term.language:
        value["@language"] = term.language
    elif term.datatype:
        value["@type"] = names.of(term.datatype) or str(term.datatype)
    return value

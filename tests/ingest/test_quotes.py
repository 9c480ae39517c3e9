"""Every quote in seed_data/ is a verbatim substring of its source document, and every name
cited from the reference list is in its line."""

import re
from pathlib import Path

from app.ingest.quotes import fold
from app.model import Edge, GraphBundle, Node, Source
from app.model.vocabulary import Lang, SourceKind


def _path(sources_dir: Path, source: Source) -> Path:
    folder = (
        sources_dir.parent / "reference" if source.kind is SourceKind.REFERENCE else sources_dir
    )
    return folder / source.file


def _document_texts(sources_dir: Path, bundle: GraphBundle) -> dict[str, str]:
    return {
        s.id: re.sub(r"\s+", " ", _path(sources_dir, s).read_text(encoding="utf-8"))
        for s in bundle.sources
    }


def test_every_quote_is_verbatim_in_its_source(sources_dir: Path, seed_bundle: GraphBundle) -> None:
    texts = _document_texts(sources_dir, seed_bundle)
    items: list[Node | Edge] = [*seed_bundle.nodes, *seed_bundle.edges]
    citations = [(item.id, c.doc, c.quote) for item in items for c in item.sources]
    assert len(citations) > len(items)  # some facts carry more than one quote
    missing = [
        (item, doc, quote)
        for item, doc, quote in citations
        if re.sub(r"\s+", " ", quote).strip() not in texts[doc]
    ]
    assert missing == []


def test_every_reference_name_is_in_its_cited_line(
    sources_dir: Path, seed_bundle: GraphBundle
) -> None:
    texts = _document_texts(sources_dir, seed_bundle)
    referenced = [n for n in seed_bundle.nodes if n.reference is not None]
    assert len(referenced) == 9  # the nine bodies of ../shared/reference/official-names.txt
    for node in referenced:
        assert node.reference is not None
        lines = [c.quote for c in node.reference.sources]
        assert all(
            c.doc == "ref-official-names" and c.quote in texts[c.doc]
            for c in node.reference.sources
        )
        names = [node.reference.names.get(lang) for lang in Lang]
        names += [node.reference.abbr.get(lang) for lang in Lang]
        assert all(any(n in line for line in lines) for n in names if n), node.id


def test_every_node_and_edge_names_its_sources(seed_bundle: GraphBundle) -> None:
    known = {s.id for s in seed_bundle.sources}
    items: list[Node | Edge] = [*seed_bundle.nodes, *seed_bundle.edges]
    for item in items:
        assert item.sources, item.id
        assert {c.doc for c in item.sources} <= known, item.id


def test_source_titles_are_the_first_lines(sources_dir: Path, seed_bundle: GraphBundle) -> None:
    for source in seed_bundle.sources:
        first = _path(sources_dir, source).read_text(encoding="utf-8").splitlines()[0]
        assert fold(first) == source.title


def test_folding_collapses_every_kind_of_whitespace() -> None:
    assert fold("a\u00a0 b\n\n\tc ") == "a b c"

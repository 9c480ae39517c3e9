"""Every quote in seed_data/ is a verbatim substring of its source document."""

import re
from pathlib import Path

from app.ingest.quotes import fold
from app.model import Edge, GraphBundle, Node


def _document_texts(sources_dir: Path, bundle: GraphBundle) -> dict[str, str]:
    return {
        s.id: re.sub(r"\s+", " ", (sources_dir / s.file).read_text(encoding="utf-8"))
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


def test_every_node_and_edge_names_its_sources(seed_bundle: GraphBundle) -> None:
    known = {s.id for s in seed_bundle.sources}
    items: list[Node | Edge] = [*seed_bundle.nodes, *seed_bundle.edges]
    for item in items:
        assert item.sources, item.id
        assert {c.doc for c in item.sources} <= known, item.id


def test_source_titles_are_the_first_lines(sources_dir: Path, seed_bundle: GraphBundle) -> None:
    for source in seed_bundle.sources:
        first = (sources_dir / source.file).read_text(encoding="utf-8").splitlines()[0]
        assert fold(first) == source.title


def test_folding_collapses_every_kind_of_whitespace() -> None:
    assert fold("a\u00a0 b\n\n\tc ") == "a b c"

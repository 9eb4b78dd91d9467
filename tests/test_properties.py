"""Properties that must hold for any input, checked with hypothesis.

- Any Unicode text or label (quotes, backslashes, line breaks, control
  characters, astral-plane characters, bidi marks) survives the store and
  every export format, and parses back (rdflib and pyoxigraph) to the same
  graph that :func:`ftzgraph.graph.build.document_quads` wrote.
- Segments and sentences of any text are exact spans: within bounds, in
  order, not overlapping, already trimmed.
- The reader, given files of arbitrary bytes, only ever yields Document,
  ReadFailure or Skipped records; it never raises.
"""

from __future__ import annotations

import io
import json
import os
import tempfile
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib.compare import isomorphic

from ftzgraph.graph import iris
from ftzgraph.graph.build import document_quads, node
from ftzgraph.lang.analysis import Analyser
from ftzgraph.lang.en.sentences import split_sentences as en_sentences
from ftzgraph.lang.zh.sentences import split_sentences as zh_sentences
from ftzgraph.read import ReadFailure, Skipped, find_segments, read_paths
from ftzgraph.records import (
    CONCEPT_TYPES,
    Concept,
    Discrepancy,
    Document,
    DocumentGraph,
    Fact,
    Mention,
    Relation,
    Sentence,
)
from ftzgraph.store import FORMATS, export, open_store

# rdflib's own TriG and JSON-LD parsers use its deprecated ConjunctiveGraph internally.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib")

# No example database: nothing is written into the repository.
CHECK = settings(
    max_examples=int(os.environ.get("FTZGRAPH_EXAMPLES", "150")), deadline=None, database=None
)
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

# Characters that break naive serialisers, mixed into otherwise arbitrary text.
NASTY = list(
    "\"'\\\n\r\t\x00\x01\x07\x08\x0b\x0c\x1b\x1f\x7f\x85\xa0"
    "\u2028\u2029\u200b\u200e\u200f\u202a\u202e\u2066\ufeff\ufffd\ufffe\uffff"
    "\U0001f600\U00020bb7\U0010fffd<>{}@#%^`|~:;.,_-+=/?&*$!"
)
CHARS = st.one_of(st.characters(codec="utf-8"), st.sampled_from(NASTY))
TEXT = st.text(CHARS, min_size=1, max_size=40)


@st.composite
def document_graphs(draw: st.DrawFn) -> DocumentGraph:
    """A hand-made extraction result over an arbitrary text, with every kind of record."""
    text = draw(st.text(CHARS, min_size=2, max_size=120))
    identifier = draw(TEXT)
    optional = st.one_of(st.none(), TEXT)
    doc = Document(
        identifier,
        text,
        find_segments(text),
        identifier,
        title=draw(optional),
        year=draw(optional),
        zone=draw(optional),
        source=draw(optional),
    )

    def span() -> tuple[int, int]:
        begin = draw(st.integers(0, len(text) - 1))
        return begin, draw(st.integers(begin + 1, len(text)))

    def mention() -> Mention:
        begin, end = span()
        lang = draw(st.sampled_from(["zh", "en"]))
        return Mention(begin, end, text[begin:end], lang, draw(TEXT))

    concepts = []
    for i in range(draw(st.integers(1, 3))):
        labels = draw(st.dictionaries(st.sampled_from(["zh", "en"]), TEXT, min_size=1))
        types = set(draw(st.lists(st.sampled_from(CONCEPT_TYPES), min_size=1, max_size=2)))
        concepts.append(
            Concept(
                f"k{i}|{draw(TEXT)}",
                types,
                labels,
                None,
                [mention() for _ in range(draw(st.integers(1, 2)))],
                {"https://w3id.org/ftzgraph/thesaurus/financial-opening": "broadMatch"},
            )
        )
    facts = [
        Fact(Decimal(draw(st.integers(-(10**12), 10**12))) / 100, draw(st.text(CHARS)), mention())
        for _ in range(2)
    ]
    sentences = []
    for index in range(draw(st.integers(0, 2))):
        begin, end = span()
        sentences.append(Sentence(draw(st.sampled_from(["zh", "en"])), begin, end, index))
    sentences.sort(key=lambda s: s.begin)
    return DocumentGraph(
        doc,
        concepts,
        facts,
        [Relation(concepts[0].key, "addresses", concepts[-1].key, draw(TEXT), 0.5)],
        [Discrepancy(0, 1)],
        [Sentence(s.lang, s.begin, s.end, i) for i, s in enumerate(sentences)],
    )


def rdflib_term(term: ox.NamedNode | ox.Literal) -> rdflib.term.Node:
    """The same RDF term in rdflib, decimals by value.

    The store keeps ``xsd:decimal`` values in canonical form (``35000.0`` comes
    back as ``35000``, ``1.50`` as ``1.5``): the same value, another lexical
    form. Text is never changed; that is what these tests are about.
    """
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    assert isinstance(term, ox.Literal)
    if term.language:
        return rdflib.Literal(term.value, lang=term.language)
    if term.datatype.value == XSD_STRING:
        return rdflib.Literal(term.value)
    return canonical(rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value)))


def canonical(term: rdflib.term.Node) -> rdflib.term.Node:
    if isinstance(term, rdflib.Literal) and term.datatype == rdflib.XSD.decimal:
        value = format(Decimal(str(term)).normalize(), "f")
        return rdflib.Literal(value, datatype=rdflib.XSD.decimal)
    return term


def canonical_graph(graph: rdflib.Graph) -> rdflib.Graph:
    out = rdflib.Graph()
    for s, p, o in graph:
        out.add((s, p, canonical(o)))
    return out


@CHECK
@given(document_graphs())
def test_any_text_survives_every_export_format(result: DocumentGraph) -> None:
    quads = document_quads(result)
    graph_iri = iris.document_graph_iri(result.document.identifier)
    assert {q.graph_name for q in quads} == {node(graph_iri)}
    expected = rdflib.Graph()
    for q in quads:
        expected.add((rdflib_term(q.subject), rdflib_term(q.predicate), rdflib_term(q.object)))

    store = open_store(None)
    store.replace_graph(node(graph_iri), quads)  # the one-transaction write
    store.replace_graph(node(graph_iri), quads)  # and a replacement of it
    formats = {"ttl": "turtle", "nt": "nt", "trig": "trig", "jsonld": "json-ld"}
    for fmt, rdflib_format in formats.items():
        out = io.BytesIO()
        export(store, out, fmt, include_ontologies=False)
        data = out.getvalue()
        if fmt == "trig":
            dataset = rdflib.Dataset()
            dataset.parse(data=data.decode("utf-8"), format="trig")
            named = [g for g in dataset.graphs() if g.identifier == rdflib.URIRef(graph_iri)]
            assert len(named) == 1, fmt
            parsed = rdflib.Graph()
            for triple in named[0]:
                parsed.add(triple)
        else:
            parsed = rdflib.Graph().parse(data=data.decode("utf-8"), format=rdflib_format)
        assert isomorphic(canonical_graph(parsed), expected), fmt
        # pyoxigraph reads its own output back to the same triples too
        back = {
            (rdflib_term(q.subject), rdflib_term(q.predicate), rdflib_term(q.object))
            for q in ox.parse(data, format=FORMATS[fmt])
        }
        assert back == set(expected), fmt


# ---- offsets ----------------------------------------------------------------------

PIECES = st.one_of(
    st.sampled_from(
        [
            "自贸试验区应扩大金融开放",
            "自由貿易試驗區",
            "。",
            "！",
            "？",
            "，",
            "；",
            ".",
            "!",
            "?",
            " ",
            "\u3000",
            "\n",
            "\r\n",
            "\r",
            "<<",
            "\n<<",
            "”",
            "3.5",
            "e.g.",
            "U.S.",
            "The zone should open.",
            " Problems remain.",
            "字" * 1600,  # longer than the analyser's sentence cap
        ]
    ),
    st.text(CHARS, max_size=8),
)
BILINGUAL = st.lists(PIECES, max_size=30).map("".join)


def assert_exact_spans(text: str, spans: list[tuple[int, int]], lo: int, hi: int) -> None:
    previous = lo
    for begin, end in spans:
        assert previous <= begin < end <= hi, (spans, lo, hi)
        assert text[begin:end].strip() == text[begin:end]
        previous = end


@CHECK
@given(BILINGUAL)
def test_segments_and_sentences_are_exact_spans(text: str) -> None:
    segments = find_segments(text)
    assert_exact_spans(text, [(s.begin, s.end) for s in segments], 0, len(text))
    splitters = {"zh": zh_sentences, "en": en_sentences}
    for segment in segments:
        spans = splitters[segment.lang](text, segment.begin, segment.end)
        assert_exact_spans(text, spans, segment.begin, segment.end)
    # Both splitters over any stretch of the text, not only over found segments.
    for split in splitters.values():
        assert_exact_spans(text, split(text, 0, len(text)), 0, len(text))
    # And the analyser's sentences, cut at its length cap: still exact and in bounds.
    doc = Document("p.txt", text, segments, "p.txt")
    sentences = Analyser({}, {}).sentences(doc)
    for sentence in sentences:
        assert 0 <= sentence.begin < sentence.end <= len(text)
        assert any(s.begin <= sentence.begin and sentence.end <= s.end for s in segments)
    starts = [s.begin for s in sentences]
    assert starts == sorted(set(starts))


# ---- the reader ---------------------------------------------------------------------

BOMS = [b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00"]
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(CHARS, max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=8,
)
ROWS = st.dictionaries(
    st.sampled_from(["id", "zh", "en", "title", "year", "zone", "source", "x"]), JSON_VALUES
)
FILE_BYTES = st.one_of(
    st.binary(max_size=200),
    st.tuples(st.sampled_from(BOMS), st.binary(max_size=100)).map(b"".join),
    st.tuples(
        st.text(CHARS, max_size=80), st.sampled_from(["utf-8", "gb18030", "big5", "utf-16"])
    ).map(lambda t: t[0].encode(t[1], "replace")),
    BILINGUAL.map(lambda t: t.encode("utf-8")),
    st.lists(st.one_of(ROWS.map(json.dumps), st.text(CHARS, max_size=20)), max_size=5).map(
        lambda lines: "\n".join(lines).encode("utf-8", "surrogatepass")
    ),
)


@settings(CHECK, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(st.tuples(st.sampled_from([".txt", ".md", ".jsonl", ".csv", ".json"]), FILE_BYTES)))
def test_the_reader_never_raises(files: list[tuple[str, bytes]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for i, (suffix, data) in enumerate(files):
            (root / f"f{i}{suffix}").write_bytes(data)
        events = list(read_paths([root, root / "missing.txt"]))
    assert isinstance(events[-1], ReadFailure)
    for event in events:
        assert isinstance(event, Document | ReadFailure | Skipped), event
        if isinstance(event, Document):
            event.text.encode("utf-8")  # no lone surrogates: storable
            event.identifier.encode("utf-8")
            assert event.text.strip() and event.segments
            assert_exact_spans(
                event.text, [(s.begin, s.end) for s in event.segments], 0, len(event.text)
            )
        elif isinstance(event, ReadFailure):
            assert event.reason and "\n" not in str(event)

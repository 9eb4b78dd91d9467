"""The HTML report: one self-contained, well-formed file whose numbers match SPARQL."""

from __future__ import annotations

import base64
import subprocess
import sys
import warnings
from html.parser import HTMLParser
from pathlib import Path

import pyoxigraph as ox
import pytest

from ftzgraph.analyse import figures, report
from ftzgraph.analyse.report import build_report, write_report
from ftzgraph.store import Store

from .test_analyse import LABELS, P1, load_fixture

VOID = {"meta", "img", "br", "hr", "link", "input", "col", "wbr", "source"}
PNG = b"\x89PNG\r\n\x1a\n"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
DOC_C = "https://w3id.org/ftzgraph/id/doc/c"


class Page(HTMLParser):
    """Collects tags, checks nesting and keeps the statistic cells and image sources."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.tags: list[str] = []
        self.images: list[str] = []
        self.stats: dict[str, str] = {}
        self.text: list[str] = []
        self._stat: str | None = None
        self.doctype = ""

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        found = dict(attrs)
        if tag == "img":
            self.images.append(found.get("src") or "")
        if "data-stat" in found:
            self._stat = found["data-stat"]
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(f"unexpected </{tag}>")
        self._stat = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._stat:
            self.stats[self._stat] = data


def parse(text: str) -> Page:
    page = Page()
    page.feed(text)
    page.close()
    assert not page.errors and not page.stack, (page.errors, page.stack)
    return page


def count(store: Store, where: str, what: str = "?x") -> int:
    query = f"SELECT (COUNT(DISTINCT {what}) AS ?n) WHERE {{ {where} }}"
    return int(next(iter(store.query(query)))["n"].value)


@pytest.fixture(scope="module")
def store() -> Store:
    store = load_fixture(Store(None))
    # A problem whose label would be markup if it were not escaped.
    ftz, skos = "https://w3id.org/ftzgraph/ontology#", "http://www.w3.org/2004/02/skos/core#"
    evil = ox.NamedNode("https://w3id.org/ftzgraph/id/concept/problem/evil")
    mention = ox.NamedNode("https://w3id.org/ftzgraph/id/doc/c/m-evil")
    label = ox.Literal("<script>alert('x')</script> & co", language="en")
    triples = [
        (evil, ox.NamedNode(ftz + "hasMention"), mention),
        (evil, ox.NamedNode(RDF_TYPE), ox.NamedNode(ftz + "Problem")),
        (evil, ox.NamedNode(skos + "prefLabel"), label),
        (mention, ox.NamedNode(ftz + "inDocument"), ox.NamedNode(DOC_C)),
        (mention, ox.NamedNode("http://purl.org/dc/terms/language"), ox.Literal("en")),
    ]
    extra = ox.NamedNode("https://w3id.org/ftzgraph/id/graph/doc/extra")
    store.oxigraph.extend(ox.Quad(s, p, o, extra) for s, p, o in triples)
    return store


@pytest.fixture(scope="module")
def page(store: Store) -> tuple[str, Page]:
    text = build_report(store)
    return text, parse(text)


def test_report_is_one_well_formed_self_contained_page(page: tuple[str, Page]) -> None:
    text, parsed = page
    assert parsed.doctype.lower() == "doctype html"
    for tag in ("html", "head", "body", "title", "style"):
        assert parsed.tags.count(tag) == 1, tag
    assert "script" not in parsed.tags and "link" not in parsed.tags
    assert "http://" not in text.split("<body>")[0] and "url(" not in text
    assert len(parsed.images) >= 2
    for src in parsed.images:
        assert src.startswith("data:image/png;base64,")
        assert base64.b64decode(src.split(",", 1)[1]).startswith(PNG)
    for section in ("statistics", "rankings", "top-problems", "figures", "problem-recommendations"):
        assert f'<section id="{section}">' in text


def test_report_numbers_match_sparql(store: Store, page: tuple[str, Page]) -> None:
    stats = page[1].stats
    assert int(stats["documents"]) == count(store, "?x a ftz:Document") == 3
    mentioned = "?x a ftz:Recommendation ; ftz:hasMention ?m ."
    assert int(stats["class_Recommendation"]) == count(store, mentioned) == 3
    assert int(stats["discrepancies"]) == count(store, "?x a ftz:Discrepancy") == 1
    assert int(stats["relation_addresses"]) == 3
    assert int(stats["documents_en"]) == 3  # a, b, and c through the added English mention


def test_report_escapes_labels_and_shows_evidence(page: tuple[str, Page]) -> None:
    text, parsed = page
    assert "<script>alert" not in text
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; co" in text
    assert "the &quot;one-stop&quot; {window}" in text
    words = "".join(parsed.text)
    for zh, en in (LABELS[P1], ("拓宽融资渠道", "broaden financing channels")):
        assert zh in words and en in words
    table = text.split('id="problem-recommendations"')[1]
    assert "330–356" in table and "corpus.jsonl#b" in table


def test_figure_labels_fall_back_without_a_cjk_font() -> None:
    iri = "https://w3id.org/ftzgraph/id/concept/problem/5a1b2c"
    assert figures.label_for("融资难", "difficult financing", iri, chinese=True) == "融资难"
    assert figures.label_for("融资难", "difficult financing", iri, chinese=False) == (
        "difficult financing"
    )
    assert figures.label_for("融资难", "", iri, chinese=False) == "5a1b2c"
    assert figures.label_for("", "x" * 40, iri, chinese=False) == "x" * 23 + "…"


@pytest.mark.parametrize("font", [None, "DejaVu Sans"])
def test_report_notes_how_chinese_labels_are_drawn(
    store: Store, monkeypatch: pytest.MonkeyPatch, font: str | None
) -> None:
    monkeypatch.setattr(report, "cjk_font", lambda: font)
    monkeypatch.setattr(figures, "cjk_font", lambda: font)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # missing-glyph warnings from the stand-in font
        text = build_report(store)
    parse(text)
    if font is None:
        assert "found no font with Chinese glyphs" in text
    else:
        assert "drawn with the font DejaVu Sans" in text


def test_cli_report(tmp_path: Path, cli_env: dict[str, str]) -> None:
    path = tmp_path / "store"
    disk = load_fixture(Store(path))
    disk.flush()
    del disk
    out = tmp_path / "out" / "report.html"
    command = [sys.executable, "-m", "ftzgraph.cli", "report", "-o", str(out), "--store", str(path)]
    result = subprocess.run(command, capture_output=True, text=True, env=cli_env, timeout=120)
    assert result.returncode == 0, result.stderr
    parsed = parse(out.read_text(encoding="utf-8"))
    assert parsed.stats["documents"] == "3" and parsed.images


def test_write_report_on_the_examples(examples_store: Store, tmp_path: Path) -> None:
    path = write_report(examples_store, tmp_path / "examples.html")
    parsed = parse(path.read_text(encoding="utf-8"))
    assert int(parsed.stats["documents"]) == count(examples_store, "?x a ftz:Document") == 11
    problems = count(examples_store, "?x a ftz:Problem ; ftz:hasMention ?m")
    assert int(parsed.stats["class_Problem"]) == problems

"""One self-contained HTML report of a store: statistics, rankings, a network, evidence.

Everything is inline — CSS in a ``<style>`` element, figures as base64 PNG
``data:`` URIs, no scripts — so the file can be mailed or archived as is.
Every label and span from the graph is HTML-escaped. Each statistic cell
carries ``data-stat="KEY"`` so tests (and readers) can match it to SPARQL.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from ftzgraph import __version__
from ftzgraph.analyse import figures, network
from ftzgraph.analyse.concepts import concept_table, relation_rows
from ftzgraph.analyse.fonts import cjk_font
from ftzgraph.analyse.queries import run_named
from ftzgraph.analyse.summary import corpus_statistics, top_concepts

RANKED_CLASSES = (
    ("Problem", "Problems"),
    ("Recommendation", "Recommendations"),
    ("ReformArea", "Reform areas"),
)
LANGUAGES = (("zh", "Chinese"), ("en", "English"))
MAX_EVIDENCE_ROWS = 500

_STYLE = """
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
       sans-serif; margin: 2em auto; max-width: 72em; color: #222; line-height: 1.4; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
th, td { border: 1px solid #ccc; padding: 0.2em 0.5em; text-align: left; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.pair { display: flex; gap: 2em; flex-wrap: wrap; }
.note { color: #555; font-size: 0.9em; }
img { max-width: 100%; }
code { font-size: 0.9em; }
"""


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _img(png: bytes, alt: str) -> str:
    data = base64.b64encode(png).decode("ascii")
    return f'<img src="data:image/png;base64,{data}" alt="{_e(alt)}">'


def _table(head: Sequence[str], body: Iterable[Sequence[object]], numeric: set[int]) -> str:
    rows = []
    for row in body:
        cells = "".join(
            f'<td class="n">{_e(v)}</td>' if i in numeric else f"<td>{_e(v)}</td>"
            for i, v in enumerate(row)
        )
        rows.append(f"<tr>{cells}</tr>")
    if not rows:
        rows.append(f'<tr><td colspan="{len(head)}" class="note">none found</td></tr>')
    header = "".join(f"<th>{_e(h)}</th>" for h in head)
    return f"<table><thead><tr>{header}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _statistics(store) -> str:
    rows = "".join(
        f'<tr><th scope="row">{_e(s.label)}</th>'
        f'<td class="n" data-stat="{_e(s.key)}">{s.value}</td></tr>'
        for s in corpus_statistics(store)
    )
    return f'<section id="statistics"><h2>Corpus statistics</h2><table>{rows}</table></section>'


def _rankings(store, top: int) -> str:
    parts = [
        '<section id="rankings"><h2>Most cited concepts per language</h2>',
        '<p class="note">Ranked by documents mentioning the concept in that language, then by '
        "mentions; the label is in that language where the graph has one.</p>",
    ]
    for ctype, title in RANKED_CLASSES:
        parts.append(f'<h3 id="top-{_e(ctype)}">{_e(title)}</h3><div class="pair">')
        for lang, name in LANGUAGES:
            ranked = top_concepts(store, ctype, lang, top)
            body = [(i, r.label, r.documents, r.mentions) for i, r in enumerate(ranked, 1)]
            parts.append(f'<div lang="{lang}"><h4>{_e(name)}</h4>')
            parts.append(_table(["#", "label", "documents", "mentions"], body, {0, 2, 3}))
            parts.append("</div>")
        parts.append("</div>")
    parts.append("</section>")
    return "".join(parts)


def _top_problems(store, top: int) -> str:
    _, rows = run_named(store, "top-problems")
    body = [(r[1], r[2], r[3], r[5], r[6]) for r in rows[:top]]
    head = ["label (zh)", "label (en)", "documents", "mentions (zh)", "mentions (en)"]
    return (
        '<section id="top-problems"><h2>Most cited problems</h2>'
        '<p class="note">Named query <code>top-problems</code>.</p>'
        f"{_table(head, body, {2, 3, 4})}</section>"
    )


def _figures(store) -> str:
    graph = network.build(store, "cooccurrence", "document")
    font = cjk_font()
    font_note = (
        f"Chinese labels are drawn with the font {_e(font)}."
        if font
        else "matplotlib found no font with Chinese glyphs, so the figures show English "
        "labels, or the last segment of the concept's IRI for concepts with only a Chinese "
        "label; the tables keep every label. Install a CJK font (e.g. Debian's "
        "<code>fonts-noto-cjk</code>) to draw Chinese labels."
    )
    areas = sorted(
        ((n, d) for n, d in graph.nodes(data=True) if "ReformArea" in d["types"].split(",")),
        key=lambda nd: (-nd[1]["documents"], -nd[1]["mentions"], nd[0]),
    )[:15]
    bars = figures.bar_chart(
        [figures.label_for(d["label_zh"], d["label_en"], n, chinese=bool(font)) for n, d in areas],
        [d["documents"] for _, d in areas],
        "Reform areas by documents",
        "documents",
    )
    net = figures.network_figure(graph, "Concept co-occurrence (same document), top 30")
    return (
        '<section id="figures"><h2>Co-occurrence network and reform areas</h2>'
        f'<p class="note">{font_note}</p>'
        f"<figure>{_img(net, 'concept co-occurrence network')}<figcaption>The 30 concepts found in "
        "the most documents (then with the most links), joined when mentioned in the same "
        "document; node colour = Louvain community, size = documents, edge width = "
        "shared documents. Full graph: <code>ftzgraph network --kind cooccurrence -o "
        "cooccurrence.gexf</code>.</figcaption></figure>"
        f"<figure>{_img(bars, 'reform areas by documents')}<figcaption>Reform areas by the "
        "number of documents mentioning them.</figcaption></figure></section>"
    )


def _evidence(store) -> str:
    concepts = concept_table(store)
    body: list[tuple[str, ...]] = []
    for problem in sorted({r.object for r in relation_rows(store, ("addresses",))}):
        info = concepts.get(problem)
        zh, en = (info.label_zh, info.label_en) if info else ("", problem)
        for row in run_named(store, "recommendations-for-problem", problem=problem)[1]:
            _, _, rec_zh, rec_en, document, lang, span, begin, end = row
            body.append((zh, en, rec_zh, rec_en, document, lang, span, f"{begin}–{end}"))
    head = [
        "problem (zh)",
        "problem (en)",
        "recommendation (zh)",
        "recommendation (en)",
        "document",
        "lang",
        "evidence",
        "offsets",
    ]
    more = (
        f'<p class="note">First {MAX_EVIDENCE_ROWS} of {len(body)} rows.</p>'
        if len(body) > MAX_EVIDENCE_ROWS
        else ""
    )
    return (
        '<section id="problem-recommendations"><h2>Problems and the recommendations that '
        "address them</h2>"
        '<p class="note">Each row is a mention of a recommendation linked by '
        "<code>ftz:addresses</code> to the problem, in a document that mentions both "
        "(named query <code>recommendations-for-problem</code>); offsets index the "
        f"document's text.</p>{_table(head, body[:MAX_EVIDENCE_ROWS], set())}{more}</section>"
    )


def build_report(store, *, top: int = 10, source: str = "") -> str:
    """The report as one HTML string."""
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    where = f" from <code>{_e(source)}</code>" if source else ""
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        "<title>ftzgraph report</title>\n"
        f"<style>{_STYLE}</style>\n</head>\n<body>\n"
        "<h1>ftzgraph report</h1>\n"
        f'<p class="note">ftzgraph {_e(__version__)}{where}, {stamp}.</p>\n'
        f"{_statistics(store)}\n{_rankings(store, top)}\n{_top_problems(store, top)}\n"
        f"{_figures(store)}\n{_evidence(store)}\n</body>\n</html>\n"
    )


def write_report(store, path: str | Path, *, top: int = 10) -> Path:
    """Write :func:`build_report` to ``path`` (UTF-8)."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    source = str(store.path) if getattr(store, "path", None) else "an in-memory store"
    target.write_text(build_report(store, top=top, source=source), encoding="utf-8")
    return target

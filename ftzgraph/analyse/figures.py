"""Report figures as PNG bytes, drawn with matplotlib's Agg backend (no display needed).

Figures are built on :class:`matplotlib.figure.Figure` directly rather than
through pyplot, so drawing a report changes no global matplotlib state.
Chinese labels are drawn only when :func:`ftzgraph.analyse.fonts.cjk_font`
finds a font for them; otherwise English labels (or the IRI's last segment)
are used, and :func:`label_for` says which.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

import networkx as nx
from matplotlib import rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from ftzgraph.analyse.fonts import cjk_font, has_cjk

SEED = 42


def label_for(zh: str, en: str, iri: str, *, chinese: bool, limit: int = 24) -> str:
    """A figure label: Chinese if it can be drawn, else English, else the IRI's last segment."""
    candidates = (zh, en) if chinese else (en,)
    fallback = iri.rstrip("/").rsplit("/", 1)[-1]
    text = next((t for t in candidates if t and (chinese or not has_cjk(t))), fallback)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _rc() -> dict:
    font = cjk_font()
    # networkx draws labels with family "sans-serif", so the CJK font goes into that list.
    sans = [font, "DejaVu Sans"] if font else ["DejaVu Sans"]
    return {"font.family": "sans-serif", "font.sans-serif": sans, "axes.unicode_minus": False}


def _png(fig: Figure) -> bytes:
    FigureCanvasAgg(fig)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100, bbox_inches="tight")
    return buffer.getvalue()


def bar_chart(labels: Sequence[str], values: Sequence[int], title: str, xlabel: str) -> bytes:
    """A horizontal bar chart, largest bar on top."""
    with rc_context(_rc()):
        fig = Figure(figsize=(7, 0.35 * max(len(labels), 3) + 1))
        ax = fig.add_subplot()
        ax.barh(list(range(len(labels)))[::-1], list(values), color="#3b75af")
        ax.set_yticks(list(range(len(labels)))[::-1], list(labels))
        ax.set_title(title)
        ax.set_xlabel(xlabel)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        return _png(fig)


def network_figure(graph: nx.Graph, title: str, top: int = 30) -> bytes:
    """The ``top`` nodes by documents, then weighted degree: colour = community, size = documents.

    Without a CJK font, concepts with an English label come first, so the figure
    shows readable labels rather than IRI segments.
    """
    chinese = cjk_font() is not None
    strength = dict(graph.degree(weight="weight"))

    def rank(n: str) -> tuple:
        unreadable = not chinese and not graph.nodes[n].get("label_en")
        return (unreadable, -graph.nodes[n].get("documents", 0), -strength[n], n)

    keep = sorted(graph, key=rank)[:top]
    sub = graph.subgraph(keep)
    with rc_context(_rc()):
        fig = Figure(figsize=(9, 7))
        ax = fig.add_subplot()
        ax.set_title(title)
        ax.set_axis_off()
        if len(sub):
            pos = nx.spring_layout(sub, seed=SEED, weight="weight")
            widths = [0.4 + 0.6 * d.get("weight", 1) for _, _, d in sub.edges(data=True)]
            nx.draw_networkx_edges(sub, pos, ax=ax, width=widths, alpha=0.3, edge_color="#888")
            nx.draw_networkx_nodes(
                sub,
                pos,
                ax=ax,
                node_size=[80 + 60 * sub.nodes[n].get("documents", 1) for n in sub],
                node_color=[sub.nodes[n].get("community", 0) for n in sub],
                cmap="tab20",
                alpha=0.85,
            )
            labels = {
                n: label_for(d.get("label_zh", ""), d.get("label_en", ""), n, chinese=chinese)
                for n, d in sub.nodes(data=True)
            }
            nx.draw_networkx_labels(sub, pos, labels, ax=ax, font_size=7)
            ax.margins(0.12)  # room for the labels of nodes at the edge
        else:
            ax.text(0.5, 0.5, "no co-occurring concepts", ha="center", va="center")
        return _png(fig)

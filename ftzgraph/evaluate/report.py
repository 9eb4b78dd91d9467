"""The evaluation scores as a readable table."""

from __future__ import annotations

from ftzgraph.query import format_table


def _cell(value: object) -> str:
    return "–" if value is None else f"{value}"


def format_report(result: dict) -> str:
    rows = [
        [key, *(str(v[k]) for k in ("p", "r", "f1", "tp", "fp", "fn"))]
        for key, v in result["by_type"].items()
    ]
    for lang, v in result["core_by_lang"].items():
        rows.append([f"core/{lang}", *(str(v[k]) for k in ("p", "r", "f1", "tp", "fp", "fn"))])
    core = result["core"]
    rows.append(["core", *(str(core[k]) for k in ("p", "r", "f1", "tp", "fp", "fn"))])
    table = format_table(["type/lang", "P", "R", "F1", "TP", "FP", "FN"], rows)
    lines = [
        table,
        "",
        f"cross-lingual link accuracy  {_cell(result['crosslingual_link_acc'])}"
        f"  ({result['crosslingual_pairs']} gold pairs with both sides matched)",
        f"relations recall             {_cell(result['relations_recall'])}",
        f"relations precision          {_cell(result['relations_precision'])}"
        "  (over predicted relations between gold-matched concepts)",
        f"facts recall                 {_cell(result['facts_recall'])}",
        f"discrepancy recall           {_cell(result['discrepancy_recall'])}",
        f"provenance exact             {_cell(result['provenance_valid'])}"
        f"  ({result['mentions']} mentions)",
    ]
    missing = [name for name, d in result["docs"].items() if not d["found"]]
    if missing:
        lines.append(f"gold documents not in the graph: {', '.join(missing)}")
    return "\n".join(lines)

"""Reprint families in the discrepancy report (report.py): beside the sources table, and in
each agreement's count of independent witnesses.

The families come from claims.csv's `family` column (reprints.Family.cell: the member source
ids, `;`-separated); a table written before that column existed has none. The agencies a
family credits are read off its sources' text when the report has the sources.
"""
from __future__ import annotations

from typing import Any, Mapping, Sequence

from ..judgement import reprints
from . import safe_text
from ..records import Source

_h = safe_text.html_text  # article text for HTML: control characters stripped, escaped


def families(rows: Sequence[Mapping[str, Any]], by_source: Mapping[str, Source]) -> list[dict[str, Any]]:
    """One entry per reprint family, in order of its first source id:
    `sources` (ids), `outlets` (one per source, null if unknown), `credits` (news agencies its
    sources credit), `claims` (how many claims its sources hold in the table)."""
    claims_of: dict[str, int] = {}
    for r in rows:
        cell = str(r.get("family", "") or "")
        if cell:
            claims_of[cell] = claims_of.get(cell, 0) + 1
    out = []
    for cell in sorted(claims_of):
        members = [m for m in cell.split(reprints.SEPARATOR) if m]
        outlets = []
        credited: set[str] = set()
        for m in members:
            source = by_source.get(m)
            outlet = source.outlet if source else _outlet_in(rows, m)
            outlets.append(outlet or None)
            if source is not None:
                credited.update(reprints.credits(source))
        out.append({"sources": members, "outlets": outlets, "credits": sorted(credited),
                    "claims": claims_of[cell]})
    return out


def _outlet_in(rows: Sequence[Mapping[str, Any]], source_id: str) -> str:
    return next((str(r.get("outlet", "") or "") for r in rows if str(r["source"]) == source_id), "")


def count_independent(agreements: list[dict[str, Any]], rows: Sequence[Mapping[str, Any]]) -> None:
    """Give each agreement `family_count`: how many independent witnesses its `sources` are
    (the reprints of one family count once)."""
    family_of = {str(r["source"]): str(r.get("family", "") or "") for r in rows}
    for g in agreements:
        g["family_count"] = len({family_of.get(s) or s for s in g["sources"]})


def count_text(g: Mapping[str, Any]) -> str:
    """An agreement's source count as the tables show it: `3 (2 independent)` when reprints repeat it."""
    n, independent = g["source_count"], g.get("family_count", g["source_count"])
    return str(n) if independent == n else f"{n} ({independent} independent)"


_NOTE = ("Reprints of one text (near-identical wording or the same news agency's credit) count as "
         "one source: a claim they alone carry is still single-source.")


def markdown(model: Mapping[str, Any]) -> list[str]:
    """Markdown lines for the families (none when there are none), to follow the sources table."""
    found = model.get("reprint_families") or []
    if not found:
        return []
    out = ["", "### Reprint families", "", _NOTE, "", "| Family | Sources | Outlets | Credit |", "| ---: | --- | --- | --- |"]
    for n, f in enumerate(found, start=1):
        outlets = ", ".join(safe_text.md(o or "—") for o in f["outlets"])
        credit = ", ".join(safe_text.md(c) for c in f["credits"]) or "—"
        out.append(f"| {n} | {', '.join(safe_text.md_code(s) for s in f['sources'])} | {outlets} | {credit} |")
    return out


def to_html(model: Mapping[str, Any]) -> str:
    """An HTML block for the families (empty when there are none), to follow the sources table."""
    found = model.get("reprint_families") or []
    if not found:
        return ""
    out = ['<div id="families" style="margin-top:1.2rem"><h3>Reprint families</h3>', f'<p class="muted note">{_h(_NOTE)}</p>',
           '<div class="wrap"><table><thead><tr><th class="n">Family</th><th>Sources</th><th>Outlets</th>'
           '<th>Credit</th></tr></thead><tbody>']
    for n, f in enumerate(found, start=1):
        out.append(f'<tr><td class="n" data-label="Family">{n}</td>'
                   f'<td data-label="Sources">{", ".join(f"<code>{_h(s)}</code>" for s in f["sources"])}</td>'
                   f'<td data-label="Outlets">{_h(", ".join(o or "—" for o in f["outlets"]))}</td>'
                   f'<td data-label="Credit">{_h(", ".join(f["credits"]) or "—")}</td></tr>')
    out.append("</tbody></table></div></div>")
    return "".join(out)



"""The report's "changed over time" and "missed forecasts" sections (see timeline.py).

Built from the claim table alone, like the rest of the report: the `updates`
column links a claim to the earlier claims whose figure it superseded, the
`changes` column holds each update's values ("update: 29 dead (Mon 2 Jun) -> 34 dead
(Tue 3 Jun)"), `published` / `published_at` place each claim in time, and
`forecast` / `forecast_with` pair a missed forecast with its outcome.

Model entries (JSON, schema_version 2):

    changed_over_time: [{"figure": "dead", "points": [{"claim_id", "source",
        "published" (ISO date or null), "published_at" (ISO moment or null),
        "value" (number), "text" (the figure as written), "superseded" (bool)}],
        "reasons": [str]}]            points in publication order
    missed_forecasts: [{"forecast": claim, "outcome": claim, "reason": str}]
                                     claim = {"claim_id", "source", "published", "text"}
"""
from __future__ import annotations

import re
from typing import Any, Iterable, Mapping, Sequence

from ..slots import quantities
from . import safe_text
from ..records import Source

_h = safe_text.html_text  # article text for HTML: control characters stripped, escaped
_md = safe_text.md  # article text made inert in GitHub Markdown

CHANGE_COLUMNS = ("updates", "forecast", "forecast_with")  # the cells change_counts reads
# "update: 29 dead (Mon 2 Jun) -> 34 dead (Tue 3 Jun)", also "update (revised): ..." and
# "update (order unknown, the count still rising): ..."
_UPDATE = re.compile(r"update(?: \([^()]*\))?: (?P<x>.+?) \((?P<xt>[^()]*)\) -> (?P<y>.+?) \((?P<yt>[^()]*)\)(?:;|$)")
_FORECAST = re.compile(r"forecast missed: .*?(?=; (?:update|forecast missed|[a-z]+:)|$)")


def _split_ids(value: object) -> list[str]:
    return [v for v in str(value or "").split(";") if v]


def _value(text: str) -> float | None:
    found = quantities.find_quantities(text)
    return found[0].value if found else None


def _when_of(row: Mapping[str, Any], by_source: Mapping[str, Source]) -> tuple[str | None, str | None]:
    source = by_source.get(str(row["source"]))
    if source is not None:
        return (source.published.isoformat() if source.published else None,
                source.published_at.isoformat(timespec="minutes") if source.published_at else None)
    return str(row.get("published", "") or "") or None, str(row.get("published_at", "") or "") or None


def change_counts(rows: Iterable[Mapping[str, Any]]) -> dict[str, int]:
    """{"updates": int, "missed_forecasts": int} over claim-table rows (dicts with the `updates`,
    `forecast` and `forecast_with` cells): one update per claim id a row's `updates` names (each
    superseded-by link), one missed forecast per outcome id of a row whose `forecast` is "missed"
    (each forecast/outcome pair, as `missed_forecasts` lists them)."""
    updates = missed = 0
    for r in rows:
        updates += len(_split_ids(r.get("updates")))
        if str(r.get("forecast", "") or "") == "missed":
            missed += len(_split_ids(r.get("forecast_with")))
    return {"updates": updates, "missed_forecasts": missed}


def sections(rows: Sequence[Mapping[str, Any]], by_source: Mapping[str, Source]) -> dict[str, Any]:
    """{"changed_over_time": [...], "missed_forecasts": [...]} for the report model."""
    by_id = {str(r["claim_id"]): r for r in rows}
    return {"changed_over_time": _changed(rows, by_id, by_source),
            "missed_forecasts": _forecasts(rows, by_id, by_source)}


def _changed(rows: Sequence[Mapping[str, Any]], by_id: Mapping[str, Mapping[str, Any]],
             by_source: Mapping[str, Source]) -> list[dict[str, Any]]:
    # each update reason joins (earlier claim, its figure) to (later claim, its figure); the reason
    # is in both claims' `changes`, which says which earlier claim it is. Joined points form one
    # figure's history (union-find), so a claim of two figures ("killed 27 and injured 90") is in two.
    parent: dict[tuple[str, str], tuple[str, str]] = {}

    def root(x: tuple[str, str]) -> tuple[str, str]:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    def changes(cid: str) -> str:
        return str(by_id[cid].get("changes", "") or by_id[cid].get("reason", ""))

    reasons: dict[tuple[str, str], list[str]] = {}
    superseded: set[tuple[str, str]] = set()
    for r in rows:
        later = str(r["claim_id"])
        earlier_ids = [e for e in _split_ids(r.get("updates")) if e in by_id]
        for m in _UPDATE.finditer(changes(later)):
            reason = m.group(0).rstrip(";")
            earlier = next((e for e in earlier_ids if reason in changes(e)), None)
            if earlier is None:
                continue  # the reason of an update this claim is the earlier side of
            a, b = (earlier, m.group("x")), (later, m.group("y"))
            parent.setdefault(a, a)
            parent.setdefault(b, b)
            parent[root(a)] = root(b)
            superseded.add(a)
            reasons.setdefault(b, []).append(reason)
    groups: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for node in parent:
        groups.setdefault(root(node), []).append(node)
    out = []
    for members in groups.values():
        points = []
        for cid, text in members:
            row = by_id[cid]
            published, published_at = _when_of(row, by_source)
            points.append({"claim_id": cid, "source": str(row["source"]), "published": published,
                           "published_at": published_at, "value": _value(text), "text": text,
                           "superseded": (cid, text) in superseded})
        points.sort(key=lambda p: (p["published_at"] or p["published"] or "", p["claim_id"]))
        last = points[-1]["text"]
        found = quantities.find_quantities(last)
        word = (last[found[0].end:].strip() if found else "") or last  # "at least 34 dead" -> "dead"
        out.append({"figure": word, "points": points,
                    "reasons": list(dict.fromkeys(r for node in members for r in reasons.get(node, [])))})
    out.sort(key=lambda f: (f["points"][0]["published_at"] or f["points"][0]["published"] or "", f["points"][0]["claim_id"]))
    return out


def _forecasts(rows: Sequence[Mapping[str, Any]], by_id: Mapping[str, Mapping[str, Any]],
               by_source: Mapping[str, Source]) -> list[dict[str, Any]]:
    def claim(row: Mapping[str, Any]) -> dict[str, Any]:
        return {"claim_id": str(row["claim_id"]), "source": str(row["source"]),
                "published": _when_of(row, by_source)[0], "text": str(row["text"])}

    out = []
    for r in rows:
        if str(r.get("forecast", "")) != "missed":
            continue
        found = _FORECAST.search(str(r.get("changes", "") or r.get("reason", "")))
        for other in _split_ids(r.get("forecast_with")):
            if other in by_id:
                out.append({"forecast": claim(r), "outcome": claim(by_id[other]),
                            "reason": found.group(0) if found else ""})
    return out


# ---------------------------------------------------------------- renderings


def markdown(model: Mapping[str, Any]) -> list[str]:
    """The two sections as Markdown lines."""
    out = ["## Changed over time", "",
           "Running figures that a later article raised: updates, not contradictions.", ""]
    if not model.get("changed_over_time"):
        out.append("None.")
    for f in model.get("changed_over_time", []):
        out += [f"### {safe_text.md_code(f['figure'])}", "", "| Published | Source | Figure | Claim |",
                "| --- | --- | --- | --- |"]
        for p in f["points"]:
            out.append(f"| {_md(p['published_at'] or p['published'] or 'undated')} | {safe_text.md_code(p['source'])} "
                       f"| {_md(p['text'])}{' (superseded)' if p['superseded'] else ''} | {safe_text.md_code(p['claim_id'])} |")
        out.append("")
    out += ([""] if out[-1] else []) + ["## Missed forecasts", "",
            "Expectations before the event that the outcome did not bear out: not errors of reporting.", ""]
    if not model.get("missed_forecasts"):
        out.append("None.")
    else:
        out += ["| Forecast | Outcome |", "| --- | --- |"]
        for m in model["missed_forecasts"]:
            out.append(f"| {safe_text.md_code(m['forecast']['source'])}: {_md(m['forecast']['text'])} "
                       f"| {safe_text.md_code(m['outcome']['source'])}: {_md(m['outcome']['text'])} |")
    return out + [""]


def timeline_svg(figure: Mapping[str, Any]) -> str:
    """A small inline SVG of one figure's values against publication order (no script).

    Points are spaced by publication order (equal steps: dates without a time
    cannot be placed more exactly), heights by value; superseded values hollow."""
    width, height, pad = 320, 110, 28
    points = [p for p in figure["points"] if p["value"] is not None]
    if not points:
        return ""
    low, high = min(p["value"] for p in points), max(p["value"] for p in points)
    span = (high - low) or 1.0
    step = (width - 2 * pad) / max(1, len(points) - 1)
    xy = [(pad + i * step, height - pad - (p["value"] - low) / span * (height - 2 * pad)) for i, p in enumerate(points)]
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
             f'role="img" aria-label="{_h(figure["figure"])}: '
             f'{_h(", ".join(str(p["text"]) for p in points))}">',
             f'<line x1="{pad}" y1="{height - pad + 6}" x2="{width - pad}" y2="{height - pad + 6}" stroke="#bbb"/>']
    if len(xy) > 1:
        parts.append('<polyline fill="none" stroke="#2471a3" stroke-width="2" points="'
                     + " ".join(f"{x:.1f},{y:.1f}" for x, y in xy) + '"/>')
    for (x, y), p in zip(xy, points):
        fill = "#fff" if p["superseded"] else "#2471a3"
        when = (p["published_at"] or p["published"] or "undated")[:16].replace("T", " ")
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{fill}" stroke="#2471a3" stroke-width="2">'
                     f'<title>{_h(p["text"])} — {_h(p["source"])}, {_h(when)}</title></circle>'
                     f'<text x="{x:.1f}" y="{max(10.0, y - 8):.1f}" font-size="11" text-anchor="middle" fill="#333">'
                     f'{_h(_short(p["value"]))}</text>'
                     f'<text x="{x:.1f}" y="{height - 4}" font-size="10" text-anchor="middle" fill="#5f6368">'
                     f'{_h(when[5:10] if len(when) >= 10 else when)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _short(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def html_section(model: Mapping[str, Any]) -> str:
    """The two sections as HTML (inline SVG timelines)."""
    out = ['<section id="changed-over-time"><h2>Changed over time</h2>',
           '<p class="muted note">Running figures that a later article raised: updates, not contradictions.</p>']
    if not model.get("changed_over_time"):
        out.append("<p>None.</p>")
    for f in model.get("changed_over_time", []):
        old = ' <span class="muted">(superseded)</span>'
        rows = "".join(f'<tr><td>{_h(p["published_at"] or p["published"] or "undated")}</td>'
                       f'<td><code>{_h(p["source"])}</code></td><td>{_h(p["text"])}{old if p["superseded"] else ""}</td></tr>'
                       for p in f["points"])
        out.append(f'<figure class="chart timeline"><figcaption>{_h(f["figure"])}</figcaption>{timeline_svg(f)}'
                   f'<div class="wrap"><table><thead><tr><th>Published</th><th>Source</th><th>Figure</th></tr></thead>'
                   f'<tbody>{rows}</tbody></table></div></figure>')
    out.append('</section><section id="missed-forecasts"><h2>Missed forecasts</h2>'
               '<p class="muted note">Expectations before the event that the outcome did not bear out: '
               'not errors of reporting.</p>')
    if not model.get("missed_forecasts"):
        out.append("<p>None.</p>")
    else:
        out.append('<div class="wrap"><table><thead><tr><th>Forecast</th><th>Outcome</th></tr></thead><tbody>')
        for m in model["missed_forecasts"]:
            out.append(f'<tr><td><code>{_h(m["forecast"]["source"])}</code> {_h(m["forecast"]["text"])}</td>'
                       f'<td><code>{_h(m["outcome"]["source"])}</code> {_h(m["outcome"]["text"])}</td></tr>')
        out.append("</tbody></table></div>")
    out.append("</section>")
    return "\n".join(out)


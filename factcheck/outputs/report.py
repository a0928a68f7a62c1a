"""Discrepancy reports: one model built from the claim table, three renderings.

An editor wants one page: which sources were compared, where they disagree
(most important first, side by side, differing words highlighted, with the
review decision), which facts agree, and what only one source says. The
model is a plain dict (it *is* the JSON report), so Markdown and HTML can
never show something the JSON lacks.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any, Mapping, Sequence

import pandas as pd

from .. import lexicon
from ..slots import quantities, when
from . import report_families, report_timeline, review, safe_text
from ..errors import ReportError
from ..records import Label, Source

_h = safe_text.html_text  # article text for HTML: control characters stripped, escaped

# 2: changed_over_time and missed_forecasts (report_timeline.py), summary counts of both
SCHEMA_VERSION = 2
FORMATS = ("md", "html", "json")
LABELS = (Label.CONFLICTING.value, Label.AGREEING.value, Label.SINGLE_SOURCE.value)
VALUE_COLUMNS = ("when", "where", "quantity", "status", "polarity", "attribution")
# decided discrepancies sink below open ones; dismissed ones sink furthest
_DECISION_RANK = {None: 0, "confirmed": 1, "corrected": 2, "dismissed": 3}
_VALUE = re.compile(r'"([^"]*)"(?: \(([^)]*)\))?')
MAX_HIGHLIGHT_WORDS = 8
ReviewItem = dict  # one entry of model["discrepancies"]: key, kind, explanation, claims, decision, ...
MARKDOWN_LIMIT = 60_000  # a GitHub comment holds 65,536 characters


# ---------------------------------------------------------------- model


def build(frame: pd.DataFrame, sources: Sequence[Source] = (),
          decisions: Sequence[review.Decision] = ()) -> dict[str, Any]:
    """The report model (JSON-ready) for a claim table, its sources and the review decisions."""
    _check_matches(frame, sources)
    rows = [_clean_row(r) for r in frame.to_dict("records")]
    by_source = {s.id: s for s in sources}
    done = review.decided(decisions)
    found = review.discrepancies(frame)
    model: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "summary": {},
        "sources": _sources(rows, sources),
        "reprint_families": report_families.families(rows, by_source),
        "discrepancies": _discrepancies(found, rows, by_source, done),
        "agreements": _agreements(rows, by_source),
        "single_source": _single_source(rows, by_source),
        "stale_decisions": [_decision(d) for d in review.stale(frame, decisions)],
        **report_timeline.sections(rows, by_source),
    }
    report_families.count_independent(model["agreements"], rows)
    counts = {label: sum(1 for r in rows if r["label"] == label) for label in LABELS}
    model["summary"] = {
        "sources": len(model["sources"]),
        "claims": len(rows),
        "conflicting": counts[Label.CONFLICTING.value],
        "agreeing": counts[Label.AGREEING.value],
        "single_source": counts[Label.SINGLE_SOURCE.value],
        "discrepancies": len(found),
        "open": sum(1 for d in found if d.key not in done),
        "decided": sum(1 for d in found if d.key in done),
        "stale_decisions": len(model["stale_decisions"]),
        **report_timeline.change_counts(rows),  # updates (superseded-by links), missed_forecasts
    }
    return model


def review_items(frame: pd.DataFrame, decisions: Sequence[review.Decision] = (),
                 sources: Sequence[Source] = ()) -> list[ReviewItem]:
    """The discrepancies as the report shows them (most important first), for `factcheck review`."""
    rows = [_clean_row(r) for r in frame.to_dict("records")]
    return _discrepancies(review.discrepancies(frame), rows, {s.id: s for s in sources}, review.decided(decisions))


def marked_plain(quote: str, spans: Sequence[Sequence[int]]) -> str:
    """The quote with the differing words between asterisks, for a terminal."""
    out, at = [], 0
    for start, end in spans:
        out += [quote[at:start], "*", quote[start:end], "*"]
        at = end
    out.append(quote[at:])
    return " ".join("".join(out).split())


def _check_matches(frame: pd.DataFrame, sources: Sequence[Source]) -> None:
    """A claims.csv made from other sources would make a wrong report: say so."""
    if not sources:
        return
    known = {s.id: s for s in sources}
    for row in frame.to_dict("records"):
        source = known.get(str(row["source"]))
        if source is None:
            raise ReportError(f"the claim table names source {row['source']!r}, which is not among the sources read: "
                              "the table is out of date (run `factcheck run` again)")
        quote = str(row.get("quote", "") or "")
        if quote and quote not in source.text:
            raise ReportError(f"claim {row['claim_id']}: its sentence is no longer in source {row['source']!r}: "
                              "the table is out of date (run `factcheck run` again)")


def _clean_row(row: Mapping[str, Any]) -> dict[str, Any]:
    return {k: ("" if v is None or (isinstance(v, float) and pd.isna(v)) else v) for k, v in row.items()}


def _sources(rows: list[dict[str, Any]], sources: Sequence[Source]) -> list[dict[str, Any]]:
    ids = sorted({s.id for s in sources} | {str(r["source"]) for r in rows})
    by_id = {s.id: s for s in sources}
    out = []
    for sid in ids:
        mine = [r for r in rows if str(r["source"]) == sid]
        source = by_id.get(sid)
        first = mine[0] if mine else {}
        out.append({
            "id": sid,
            "outlet": (source.outlet if source else None) or str(first.get("outlet", "")) or None,
            "published": (source.published.isoformat() if source and source.published else None)
            or str(first.get("published", "")) or None,
            "title": source.title if source else None,
            "claims": len(mine),
            **{label.replace("-", "_"): sum(1 for r in mine if r["label"] == label) for label in LABELS},
        })
    return out


def _source_meta(sid: str, rows_of: Mapping[str, Any], by_source: Mapping[str, Source]) -> dict[str, Any]:
    source = by_source.get(sid)
    return {
        "outlet": (source.outlet if source else None) or str(rows_of.get("outlet", "")) or None,
        "published": (source.published.isoformat() if source and source.published else None)
        or str(rows_of.get("published", "")) or None,
    }


def _claim(row: Mapping[str, Any], by_source: Mapping[str, Source], highlights: Sequence[tuple[int, int]] = ()) -> dict[str, Any]:
    sid = str(row["source"])
    return {
        "claim_id": str(row["claim_id"]),
        "source": sid,
        **_source_meta(sid, row, by_source),
        "line": int(row["line"]) if str(row.get("line", "")).isdigit() else None,
        "text": str(row["text"]),
        "quote": str(row.get("quote", "") or row["text"]),
        "highlights": [list(h) for h in highlights],
        "values": {c: str(row.get(c, "")) for c in VALUE_COLUMNS if str(row.get(c, ""))},
    }


def _discrepancies(found: Sequence[review.Discrepancy], rows: list[dict[str, Any]],
                   by_source: Mapping[str, Source], done: Mapping[str, review.Decision]) -> list[dict[str, Any]]:
    degree: dict[str, int] = {}
    for d in found:
        for cid in d.claim_ids:
            degree[cid] = degree.get(cid, 0) + 1
    items = []
    for d in found:
        kind = _kind(d.reason)
        values = [v for v, _ in _VALUE.findall(d.reason)]
        a_marks = highlight(_clean_row(d.a), values)
        b_marks = highlight(_clean_row(d.b), values)
        decision = done.get(d.key)
        items.append({
            "key": d.key,
            "kind": kind,
            "reason": d.reason,
            "explanation": explain(d.reason, d.same_source, str(d.a["source"])),
            "same_source": d.same_source,
            "weight": max(degree[c] for c in d.claim_ids) + len(d.also),
            "claims": [_claim(_clean_row(d.a), by_source, a_marks), _claim(_clean_row(d.b), by_source, b_marks)],
            "also": [list(pair) for pair in d.also],
            "decision": _decision(decision) if decision else None,
        })
    # most important first: open before decided, then claims in the most conflicts,
    # then contradictions inside one article (certainly an error), then reading order
    order = {item["key"]: n for n, item in enumerate(items)}
    items.sort(key=lambda i: (_DECISION_RANK[i["decision"]["decision"] if i["decision"] else None],
                              -i["weight"], not i["same_source"], order[i["key"]]))
    return items


def _decision(d: review.Decision) -> dict[str, Any]:
    return dict(d.as_row())


def _kind(reason: str) -> str:
    match = re.match(r"([a-z]+)", reason)
    return match.group(1) if match else "other"


@lru_cache(maxsize=1)
def kind_words() -> dict[str, str]:
    """Each discrepancy kind's plain words (data/kind_words.json)."""
    return dict(lexicon.load("kind_words")["kinds"])


def explain(reason: str, same_source: bool, source: str) -> str:
    """The reason in an editor's words: what differs, then the two values."""
    kind = _kind(reason)
    values = _VALUE.findall(reason)
    words = kind_words().get(kind, "The two claims cannot both be true.")
    if len(values) >= 2:
        words += f" One says {_side_words(*values[0])}; the other {_side_words(*values[1])}."
    if same_source:
        words += f" Both claims are in one article ({source}): it contradicts itself."
    return words


def _side_words(value: str, note: str) -> str:
    """A quoted value, or only its normalised note where the value is a whole claim."""
    if note and (value.endswith("…") or len(value.split()) > MAX_HIGHLIGHT_WORDS):
        return note
    return f"\u201c{value}\u201d" + (f" ({note})" if note else "")


def highlight(row: Mapping[str, Any], values: Sequence[str]) -> list[tuple[int, int]]:
    """Spans of the row's quote that carry the differing value.

    Short values named in the reason ("on Sunday", "12", "when ratified by 40
    states") are marked where the quote holds them; where the reason only
    quotes the whole claim, the claim's own time, number and place words are.
    """
    quote = str(row.get("quote", "") or row["text"])
    lower = quote.casefold()
    spans: list[tuple[int, int]] = []
    for value in values:
        value = value.rstrip("…").strip()
        if not value or len(value.split()) > MAX_HIGHLIGHT_WORDS:
            continue
        at = lower.find(value.casefold())
        if at >= 0:
            spans.append((at, at + len(value)))
    if not spans:
        text = str(row["text"])
        base = lower.find(text.casefold())
        if base >= 0:
            found = [(m.start, m.end) for m in when.find_times(text)]
            found += [(q.start, q.end) for q in quantities.find_quantities(text)]
            spans = [(base + s, base + e) for s, e in found]
    return _merge(spans)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def _agreements(rows: list[dict[str, Any]], by_source: Mapping[str, Source]) -> list[dict[str, Any]]:
    """One entry per matched fact with agreeing claims: who states it, and in which words."""
    source_of = {str(r["claim_id"]): str(r["source"]) for r in rows}
    groups: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        if r["label"] == Label.AGREEING.value:
            groups.setdefault(str(r["group"]), []).append(r)
    out = []
    for group, members in groups.items():
        links = {m["claim_id"]: [x for x in str(m.get("agrees_with", "")).split(";") if x] for m in members}
        sources = sorted({str(m["source"]) for m in members}
                         | {source_of[x] for ids in links.values() for x in ids if x in source_of})
        lead = max(members, key=lambda m: len(links[m["claim_id"]]))
        out.append({
            "group": group,
            "text": str(lead["text"]),
            "sources": sources,
            "source_count": len(sources),
            "claims": [_claim(m, by_source) for m in members],
        })
    out.sort(key=lambda g: -g["source_count"])
    return out


def _single_source(rows: list[dict[str, Any]], by_source: Mapping[str, Source]) -> list[dict[str, Any]]:
    per: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        if r["label"] == Label.SINGLE_SOURCE.value:
            per.setdefault(str(r["source"]), []).append(r)
    return [{"source": sid, **_source_meta(sid, claims[0], by_source),
             "claims": [_claim(c, by_source) for c in claims]} for sid, claims in sorted(per.items())]


# ---------------------------------------------------------------- JSON


def to_json(model: Mapping[str, Any]) -> str:
    return json.dumps(model, ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------- Markdown



def _md(text: object) -> str:
    """Article text made inert in GitHub Markdown: no HTML, links, emphasis, table breaks or mentions."""
    return safe_text.md(text)


def _md_marked(quote: str, spans: Sequence[Sequence[int]]) -> str:
    out, at = [], 0
    for start, end in spans:
        out.append(_md(quote[at:start]))
        inner = quote[start:end].strip()
        if inner:
            lead = " " if quote[start:end][:1].isspace() else ""
            trail = " " if quote[start:end][-1:].isspace() else ""
            out.append(f"{lead}**{_md(inner)}**{trail}")
        at = end
    out.append(_md(quote[at:]))
    return "".join(out).strip()


def _who(c: Mapping[str, Any]) -> str:
    bits = [safe_text.md_code(c['source'])]
    if c.get("outlet"):
        bits.append(_md(c["outlet"]))
    bits.append(_md(c["published"] or "undated"))
    return ", ".join(bits)


def _values_md(c: Mapping[str, Any]) -> str:
    return "<br>".join(f"{k}: {_md(v)}" for k, v in c["values"].items()) or "—"


def _decision_md(d: Mapping[str, Any] | None, key: str) -> str:
    if not d:
        return f"**Review:** open — record a decision with `factcheck review {key} --confirm|--dismiss|--correct --note TEXT`"
    return (f"**Review:** {_md(d['decision'])} by {_md(d['reviewer'])} on {_md(d['timestamp'])}"
            f"{' — ' + _md(d['note']) if d['note'] else ''}")


def to_markdown(model: Mapping[str, Any], *, limit: int = MARKDOWN_LIMIT) -> str:
    """GitHub-flavoured Markdown that fits a pull-request comment."""
    text = _markdown(model, full=True)
    return text if len(text) <= limit else _markdown(model, full=False)


def _markdown(model: Mapping[str, Any], *, full: bool) -> str:
    s = model["summary"]
    stale = f", {s['stale_decisions']} stale decisions" if s["stale_decisions"] else ""
    out = ["# Discrepancy report", "",
           f"{s['sources']} sources, {s['claims']} claims: {s['conflicting']} conflicting, {s['agreeing']} agreeing, "
           f"{s['single_source']} single-source. {s['discrepancies']} discrepancies ({s['open']} open, "
           f"{s['decided']} decided){stale}.",
           "", "## Sources compared", "",
           "| Source | Outlet | Date | Claims | Conflicting | Agreeing | Single-source |",
           "| --- | --- | --- | ---: | ---: | ---: | ---: |"]
    for src in model["sources"]:
        out.append(f"| {safe_text.md_code(src['id'])} | {_md(src['outlet'] or '—')} | {_md(src['published'] or '—')} "
                   f"| {src['claims']} | "
                   f"{src['conflicting']} | {src['agreeing']} | {src['single_source']} |")
    out += report_families.markdown(model)
    out += ["", "## Discrepancies", ""]
    if not model["discrepancies"]:
        out.append("None: no two claims contradict each other.")
    for n, d in enumerate(model["discrepancies"], start=1):
        a, b = d["claims"]
        scope = "contradiction inside one article" if d["same_source"] else "between sources"
        out += [f"### {n}. `{d['key']}` — {d['kind']}, {scope}", "",
                _md(d["explanation"]), "",
                "| | Claim A | Claim B |", "| --- | --- | --- |",
                f"| Source | {_who(a)} | {_who(b)} |",
                f"| Says | {_md_marked(a['quote'], a['highlights'])} | {_md_marked(b['quote'], b['highlights'])} |",
                f"| Values | {_values_md(a)} | {_values_md(b)} |", "",
                _decision_md(d["decision"], d["key"]), ""]
    out += ([""] if out[-1] else []) + report_timeline.markdown(model)
    out += ["## Facts that agree", ""]
    if model["agreements"]:
        out += ["| Fact | Sources | Stated by | In their words |", "| --- | ---: | --- | --- |"]
        for g in model["agreements"]:
            words = "<br>".join(f"{safe_text.md_code(c['source'])}: {_md(c['text'])}" for c in g["claims"])
            out.append(f"| {_md(g['text'])} | {report_families.count_text(g)} | {', '.join(safe_text.md_code(x) for x in g['sources'])} "
                       f"| {words} |")
    else:
        out.append("None.")
    out += ["", "## Single-source claims: still to verify", ""]
    if not model["single_source"]:
        out.append("None.")
    for group in model["single_source"]:
        claims = group["claims"]
        out.append(f"<details><summary><code>{safe_text.html_code(group['source'])}</code>: {len(claims)} claims</summary>")
        out.append("")
        if full:
            out += [f"- {_md(c['text'])}" + (f" (line {c['line']})" if c["line"] else "") for c in claims]
        else:
            out.append("Too long for one comment: see the HTML or JSON report.")
        out += ["", "</details>", ""]
    if model["stale_decisions"]:
        out += ["## Stale decisions", "",
                "These decisions name discrepancies that are no longer found. They are kept in review.csv.", "",
                "| Key | Decision | Claim A | Claim B | Note |", "| --- | --- | --- | --- | --- |"]
        for d in model["stale_decisions"]:
            out.append(f"| {safe_text.md_code(d['key'])} | {_md(d['decision'])} | {safe_text.md_code(d['source_a'])}: "
                       f"{_md(d['claim_a'])} | {safe_text.md_code(d['source_b'])}: {_md(d['claim_b'])} | {_md(d['note'])} |")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


# ---------------------------------------------------------------- HTML

_COLOURS = {"conflicting": "#c0392b", "agreeing": "#1e8449", "single-source": "#7f8c8d"}
_CSS = """
:root{--ink:#1b1b1b;--muted:#5f6368;--line:#d9d9d9;--bg:#fff;--mark:#ffe58a}
*{box-sizing:border-box}
body{margin:0 auto;max-width:70rem;padding:1rem;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--ink);background:var(--bg)}
h1{font-size:1.6rem;margin:.2rem 0 .5rem}h2{font-size:1.3rem;margin-top:2rem;border-bottom:2px solid var(--line)}
h3{font-size:1.05rem;margin:0 0 .4rem}h4{margin:0 0 .2rem;font-size:1rem}
table{border-collapse:collapse;width:100%}th,td{border:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
td.n,th.n{text-align:right}
.wrap{overflow-x:auto}
code{font-size:.85em;word-break:break-all}
.muted{color:var(--muted)}
.charts{display:flex;flex-wrap:wrap;gap:1rem;margin-top:1rem}
.chart{margin:0;flex:1 1 16rem;border:1px solid var(--line);border-radius:6px;padding:.5rem}
.chart svg{display:block;max-width:100%;height:auto}
.note{font-size:.9rem;margin:.4rem 0 0}
.disc{border:1px solid var(--line);border-left:6px solid #c0392b;border-radius:6px;padding:.8rem;margin:1rem 0;break-inside:avoid;page-break-inside:avoid}
.disc.decided{border-left-color:#7f8c8d}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:.8rem}
.side{background:#fafafa;border:1px solid var(--line);border-radius:6px;padding:.6rem}
.side blockquote{margin:.3rem 0;padding-left:.6rem;border-left:3px solid var(--line)}
mark{background:var(--mark);padding:0 .1em}
dl{display:grid;grid-template-columns:auto 1fr;gap:0 .6rem;margin:.3rem 0;font-size:.9rem}dt{color:var(--muted)}dd{margin:0}
.badge{display:inline-block;font-size:.8rem;padding:0 .4rem;border-radius:3px;background:#eee}
.badge.open{background:#fdebd0}.badge.confirmed{background:#fadbd8}.badge.dismissed{background:#e5e8e8}.badge.corrected{background:#d5f5e3}
.review{margin-top:.5rem}
@media (max-width:40rem){.pair{grid-template-columns:1fr}body{padding:.6rem}
#sources table,#sources tbody,#sources tr,#sources td{display:block;width:auto}
#sources thead{display:none}
#sources tr{border:1px solid var(--line);border-radius:6px;margin:.5rem 0;padding:.3rem .5rem}
#sources td{border:0;padding:.1rem 0;display:flex;justify-content:space-between;gap:1rem;text-align:right}
#sources td::before{content:attr(data-label);color:var(--muted);text-align:left}}
@media print{body{max-width:none;font-size:11pt}.disc,.side,tr{break-inside:avoid}a{color:inherit}details{display:block}}
"""




def _h_marked(quote: str, spans: Sequence[Sequence[int]]) -> str:
    out, at = [], 0
    for start, end in spans:
        out.append(_h(quote[at:start]))
        out.append(f"<mark>{_h(quote[start:end])}</mark>")
        at = end
    out.append(_h(quote[at:]))
    return "".join(out)


def chart_scale(sources: Sequence[Mapping[str, Any]]) -> int:
    """The count the longest bar stands for: one scale for every source's chart."""
    return max([1, *(s[label.replace("-", "_")] for s in sources for label in LABELS)])


def chart_svg(src: Mapping[str, Any], top: int | None = None) -> str:
    """A small bar chart of one source's claims by label (inline SVG, no script).

    `top` is the count of a full-length bar: give every chart the same one
    (`chart_scale`) so equal counts draw equal bars. The SVG has a fixed size
    and only ever shrinks to fit (CSS max-width), so its 12px labels are never
    larger than the body text."""
    width, bar_h, gap, label_w = 300, 18, 6, 110
    top = top or chart_scale([src])
    height = 3 * (bar_h + gap)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
             f'height="{height}" data-scale="{top}" '
             f'role="img" aria-label="{_h(src["id"])}: {src["conflicting"]} conflicting, {src["agreeing"]} agreeing, '
             f'{src["single_source"]} single-source">']
    for n, label in enumerate(LABELS):
        count = src[label.replace("-", "_")]
        y = n * (bar_h + gap)
        w = (width - label_w - 40) * count / top
        parts.append(f'<text x="0" y="{y + 13}" font-size="12" fill="#333">{label}</text>'
                     f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{_COLOURS[label]}"/>'
                     f'<text x="{label_w + w + 4:.1f}" y="{y + 13}" font-size="12" fill="#333">{count}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _values_html(c: Mapping[str, Any]) -> str:
    if not c["values"]:
        return ""
    return "<dl>" + "".join(f"<dt>{_h(k)}</dt><dd>{_h(v)}</dd>" for k, v in c["values"].items()) + "</dl>"


def _side_html(c: Mapping[str, Any], title: str) -> str:
    line = f" · line {c['line']}" if c["line"] else ""
    return (f'<div class="side"><h4>{title}: <code>{_h(c["source"])}</code></h4>'
            f'<div class="muted">{_h(c["outlet"] or "")}{" · " if c["outlet"] else ""}{_h(c["published"] or "undated")}'
            f'{line}</div>'
            f'<blockquote>{_h_marked(c["quote"], c["highlights"])}</blockquote>{_values_html(c)}</div>')


def _decision_html(d: Mapping[str, Any] | None) -> str:
    if not d:
        return '<p class="review"><span class="badge open">open</span> no decision yet</p>'
    note = f" — {_h(d['note'])}" if d["note"] else ""
    return (f'<p class="review"><span class="badge {_h(d["decision"])}">{_h(d["decision"])}</span> '
            f'by {_h(d["reviewer"])} on {_h(d["timestamp"])}{note}</p>')


def to_html(model: Mapping[str, Any]) -> str:
    """One self-contained page: inline CSS and SVG, no script, fonts or images; prints cleanly."""
    s = model["summary"]
    stale = f", {s['stale_decisions']} stale decisions" if s["stale_decisions"] else ""
    out = ['<!DOCTYPE html>', '<html lang="en"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">",
           '<title>Discrepancy report</title>', f'<style>{_CSS}</style></head><body>',
           '<header><h1>Discrepancy report</h1>',
           f'<p id="summary">{s["sources"]} sources, {s["claims"]} claims: {s["conflicting"]} conflicting, '
           f'{s["agreeing"]} agreeing, {s["single_source"]} single-source. {s["discrepancies"]} discrepancies '
           f'({s["open"]} open, {s["decided"]} decided{stale}).</p></header>',
           '<section id="sources"><h2>Sources compared</h2><div class="wrap"><table>',
           '<thead><tr><th>Source</th><th>Outlet</th><th>Date</th><th class="n">Claims</th><th class="n">Conflicting</th>'
           '<th class="n">Agreeing</th><th class="n">Single-source</th></tr></thead><tbody>']
    for src in model["sources"]:
        out.append(f'<tr><td data-label="Source"><code>{_h(src["id"])}</code></td>'
                   f'<td data-label="Outlet">{_h(src["outlet"] or "—")}</td>'
                   f'<td data-label="Date">{_h(src["published"] or "—")}</td>'
                   f'<td class="n" data-label="Claims">{src["claims"]}</td>'
                   f'<td class="n" data-label="Conflicting">{src["conflicting"]}</td>'
                   f'<td class="n" data-label="Agreeing">{src["agreeing"]}</td>'
                   f'<td class="n" data-label="Single-source">{src["single_source"]}</td></tr>')
    top = chart_scale(model["sources"])
    out.append(f'</tbody></table></div><p class="muted note">Claims per source by label; every chart has one scale '
               f'(a full bar is {top} claims).</p><div class="charts">')
    for src in model["sources"]:
        out.append(f'<figure class="chart"><figcaption><code>{_h(src["id"])}</code></figcaption>'
                   f'{chart_svg(src, top)}</figure>')
    out.append('</div>' + report_families.to_html(model) + '</section><section id="discrepancies"><h2>Discrepancies</h2>')
    if not model["discrepancies"]:
        out.append("<p>None: no two claims contradict each other.</p>")
    for n, d in enumerate(model["discrepancies"], start=1):
        a, b = d["claims"]
        scope = "contradiction inside one article" if d["same_source"] else "between sources"
        cls = "disc decided" if d["decision"] else "disc"
        out.append(f'<article class="{cls}" id="d-{_h(d["key"])}" data-key="{_h(d["key"])}">'
                   f'<h3>{n}. {_h(d["kind"])}, {scope} <code>{_h(d["key"])}</code></h3>'
                   f'<p class="reason">{_h(d["explanation"])}</p>'
                   f'<div class="pair">{_side_html(a, "A")}{_side_html(b, "B")}</div>'
                   f'{_decision_html(d["decision"])}</article>')
    out.append("</section>" + report_timeline.html_section(model))
    out.append('<section id="agreements"><h2>Facts that agree</h2>')
    if model["agreements"]:
        out.append('<div class="wrap"><table><thead><tr><th>Fact</th><th class="n">Sources</th><th>Stated by</th>'
                   '<th>In their words</th></tr></thead><tbody>')
        for g in model["agreements"]:
            words = "<br>".join(f'<code>{_h(c["source"])}</code>: {_h(c["text"])}' for c in g["claims"])
            out.append(f'<tr><td>{_h(g["text"])}</td><td class="n">{report_families.count_text(g)}</td>'
                       f'<td>{", ".join(f"<code>{_h(x)}</code>" for x in g["sources"])}</td><td>{words}</td></tr>')
        out.append("</tbody></table></div>")
    else:
        out.append("<p>None.</p>")
    out.append('</section><section id="single-source"><h2>Single-source claims: still to verify</h2>')
    if not model["single_source"]:
        out.append("<p>None.</p>")
    for group in model["single_source"]:
        out.append(f'<h3><code>{_h(group["source"])}</code>: {len(group["claims"])} claims</h3><ul>')
        for c in group["claims"]:
            line = f' <span class="muted">(line {c["line"]})</span>' if c["line"] else ""
            out.append(f'<li>{_h(c["text"])}{line}</li>')
        out.append("</ul>")
    out.append("</section>")
    if model["stale_decisions"]:
        out.append('<section id="stale"><h2>Stale decisions</h2><p>These decisions name discrepancies that are no '
                   'longer found. They are kept in review.csv.</p><div class="wrap"><table><thead><tr><th>Key</th>'
                   '<th>Decision</th><th>Claim A</th><th>Claim B</th><th>Note</th></tr></thead><tbody>')
        for d in model["stale_decisions"]:
            out.append(f'<tr><td><code>{_h(d["key"])}</code></td><td>{_h(d["decision"])}</td>'
                       f'<td><code>{_h(d["source_a"])}</code> {_h(d["claim_a"])}</td>'
                       f'<td><code>{_h(d["source_b"])}</code> {_h(d["claim_b"])}</td><td>{_h(d["note"])}</td></tr>')
        out.append("</tbody></table></div></section>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def render(model: Mapping[str, Any], fmt: str) -> str:
    if fmt == "json":
        return to_json(model)
    if fmt == "md":
        return to_markdown(model)
    if fmt == "html":
        return to_html(model)
    raise ValueError(f"unknown report format {fmt!r} (expected {', '.join(FORMATS)})")

"""The report as an Excel workbook (openpyxl): what editors open by double-click.

One sheet per report section (Sources, Reprint families, Discrepancies,
Changed over time, Missed forecasts, Agreements, Single-source, Stale
decisions) and a Claims sheet holding the claim table itself, each with a
frozen header row and an autofilter. The reprint families, changed-over-time
and missed-forecast sheets are the report model's `reprint_families`,
`changed_over_time` and `missed_forecasts` (report_families.py,
report_timeline.py), one row per family, per figure's point in time and per
forecast; when there are none the sheet says "None." under its headers. Conflicts are
highlighted (open discrepancies and conflicting claims on a red fill, the
differing words in bold red), and every conflict has the other side's quote
beside it, not only its id. Every text cell is stored as text: a claim such
as "=1+1" or "-5 degrees" is never run as a formula (it also gets Excel's
quote prefix, so editing the cell keeps it text).
"""
from __future__ import annotations

import io
from typing import Any, Iterable, Mapping, Sequence

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from . import table

MAX_CELL = 32_767  # Excel's limit on the characters of one cell
CONFLICT_FILL = PatternFill("solid", start_color="FFFFC7CE", end_color="FFFFC7CE")
DECIDED_FILL = PatternFill("solid", start_color="FFEDEDED", end_color="FFEDEDED")
HEADER_FILL = PatternFill("solid", start_color="FFDDEBF7", end_color="FFDDEBF7")
MARK = InlineFont(b=True, color="9C0006")
WIDE = 60     # columns of sentences
NARROW = 14
SHEETS = ("Sources", "Reprint families", "Discrepancies", "Changed over time", "Missed forecasts", "Agreements",
          "Single-source", "Stale decisions", "Claims")
NONE = "None."  # the one row of a section with nothing in it, as the Markdown and HTML reports say it


def _text(value: object) -> str:
    """A string Excel accepts: no control characters, within the cell limit."""
    text = ILLEGAL_CHARACTERS_RE.sub("", str(value))
    return text if len(text) <= MAX_CELL else text[:MAX_CELL - 1] + "…"


def _marked(quote: str, spans: Sequence[Sequence[int]]) -> CellRichText | str:
    """The quote with the differing words in bold red (plain text when nothing is marked)."""
    if not spans:
        return _text(quote)
    parts: list[str | TextBlock] = []
    at = 0
    for start, end in spans:
        if quote[at:start]:
            parts.append(_text(quote[at:start]))
        if quote[start:end]:
            parts.append(TextBlock(MARK, _text(quote[start:end])))
        at = end
    if quote[at:]:
        parts.append(_text(quote[at:]))
    return CellRichText(parts)


def _put(sheet: Worksheet, row: int, column: int, value: object) -> None:
    cell = sheet.cell(row=row, column=column)
    if value is None or value == "":
        return
    if isinstance(value, (int, float, CellRichText)) and not isinstance(value, bool):
        cell.value = value
        return
    text = _text(value)
    cell.value = text
    cell.data_type = "s"                 # never a formula, whatever it starts with
    if text.startswith(table.FORMULA_PREFIXES):
        cell.quotePrefix = True          # and Excel keeps it text when the cell is edited


def _sheet(book: Workbook, title: str, header: Sequence[str], rows: Iterable[Sequence[object]],
           wide: Iterable[str] = (), fills: Sequence[PatternFill | None] = ()) -> Worksheet:
    """A sheet with a bold, frozen header row and an autofilter over its rows."""
    sheet = book.create_sheet(title)
    wide = set(wide)
    for column, name in enumerate(header, start=1):
        cell = sheet.cell(row=1, column=column, value=name)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        letter = get_column_letter(column)
        sheet.column_dimensions[letter].width = WIDE if name in wide else max(NARROW, len(name) + 2)
    count = 1
    for n, values in enumerate(rows, start=2):
        count = n
        fill = fills[n - 2] if n - 2 < len(fills) else None
        for column, value in enumerate(values, start=1):
            _put(sheet, n, column, value)
            cell = sheet.cell(row=n, column=column)
            if header[column - 1] in wide:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            else:
                cell.alignment = Alignment(vertical="top")
            if fill is not None:
                cell.fill = fill
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{count}"
    return sheet


def _sources(book: Workbook, model: Mapping[str, Any]) -> None:
    header = ["Source", "Outlet", "Date", "Title", "Claims", "Conflicting", "Agreeing", "Single-source"]
    rows = [[s["id"], s["outlet"], s["published"], s["title"], s["claims"], s["conflicting"], s["agreeing"],
             s["single_source"]] for s in model["sources"]]
    fills = [CONFLICT_FILL if s["conflicting"] else None for s in model["sources"]]
    _sheet(book, "Sources", header, rows, wide=["Title"], fills=fills)


def _or_none(rows: list[list[object]]) -> list[list[object]]:
    """The rows, or the one row saying there are none."""
    return rows or [[NONE]]


def _families(book: Workbook, model: Mapping[str, Any]) -> None:
    """One row per reprint family: its sources, their outlets, the agencies credited, its claims."""
    header = ["Family", "Sources", "Outlets", "Credit", "Claims"]
    rows: list[list[object]] = [[n, ", ".join(f["sources"]), ", ".join(o or "—" for o in f["outlets"]),
                                 ", ".join(f["credits"]) or "—", f["claims"]]
                                for n, f in enumerate(model.get("reprint_families") or [], start=1)]
    _sheet(book, "Reprint families", header, _or_none(rows), wide=["Outlets"])


def _changed_over_time(book: Workbook, model: Mapping[str, Any]) -> None:
    """One row per point of each running figure, in publication order; superseded values grey."""
    header = ["Figure", "Published", "Source", "Value", "As written", "Superseded", "Claim"]
    rows: list[list[object]] = []
    fills: list[PatternFill | None] = []
    for f in model.get("changed_over_time") or []:
        for p in f["points"]:
            rows.append([f["figure"], p["published_at"] or p["published"] or "undated", p["source"], p["value"],
                         p["text"], "yes" if p["superseded"] else "no", p["claim_id"]])
            fills.append(DECIDED_FILL if p["superseded"] else None)
    _sheet(book, "Changed over time", header, _or_none(rows), wide=["As written"], fills=fills)


def _missed_forecasts(book: Workbook, model: Mapping[str, Any]) -> None:
    """One row per missed forecast: the forecast beside the outcome that missed it."""
    header = ["Forecast source", "Forecast date", "Forecast", "Outcome source", "Outcome date", "Outcome",
              "Reason", "Forecast claim", "Outcome claim"]
    rows: list[list[object]] = [[m["forecast"]["source"], m["forecast"]["published"], m["forecast"]["text"],
                                 m["outcome"]["source"], m["outcome"]["published"], m["outcome"]["text"],
                                 m["reason"], m["forecast"]["claim_id"], m["outcome"]["claim_id"]]
                                for m in model.get("missed_forecasts") or []]
    _sheet(book, "Missed forecasts", header, _or_none(rows), wide=["Forecast", "Outcome", "Reason"])


def _discrepancies(book: Workbook, model: Mapping[str, Any]) -> None:
    header = ["#", "Key", "Kind", "Scope", "Review", "Reviewer", "Decided at", "Note",
              "Source A", "Date A", "Line A", "Quote A", "Source B", "Date B", "Line B", "Quote B",
              "Explanation", "Reason"]
    rows, fills = [], []
    for n, d in enumerate(model["discrepancies"], start=1):
        a, b = d["claims"]
        decision = d["decision"] or {}
        rows.append([n, d["key"], d["kind"], "inside one article" if d["same_source"] else "between sources",
                     decision.get("decision", "open"), decision.get("reviewer"), decision.get("timestamp"),
                     decision.get("note"),
                     a["source"], a["published"], a["line"], _marked(a["quote"], a["highlights"]),
                     b["source"], b["published"], b["line"], _marked(b["quote"], b["highlights"]),
                     d["explanation"], d["reason"]])
        fills.append(DECIDED_FILL if d["decision"] else CONFLICT_FILL)
    _sheet(book, "Discrepancies", header, rows, wide=["Quote A", "Quote B", "Explanation", "Note"], fills=fills)


def _agreements(book: Workbook, model: Mapping[str, Any]) -> None:
    header = ["Group", "Fact", "Sources", "Stated by", "Source", "Line", "In their words"]
    rows = [[g["group"], g["text"], g["source_count"], ", ".join(g["sources"]), c["source"], c["line"], c["text"]]
            for g in model["agreements"] for c in g["claims"]]
    _sheet(book, "Agreements", header, rows, wide=["Fact", "In their words"])


def _single_source(book: Workbook, model: Mapping[str, Any]) -> None:
    header = ["Source", "Outlet", "Date", "Line", "Claim"]
    rows = [[g["source"], g["outlet"], g["published"], c["line"], c["text"]]
            for g in model["single_source"] for c in g["claims"]]
    _sheet(book, "Single-source", header, rows, wide=["Claim"])


def _stale(book: Workbook, model: Mapping[str, Any]) -> None:
    header = ["Key", "Decision", "Reviewer", "Timestamp", "Source A", "Claim A", "Source B", "Claim B", "Reason",
              "Note"]
    rows = [[d["key"], d["decision"], d["reviewer"], d["timestamp"], d["source_a"], d["claim_a"], d["source_b"],
             d["claim_b"], d["reason"], d["note"]] for d in model["stale_decisions"]]
    _sheet(book, "Stale decisions", header, rows, wide=["Claim A", "Claim B", "Note"])


def _claims(book: Workbook, frame: pd.DataFrame) -> None:
    """The claim table, with `contradicts` (the other sides' quotes) beside `conflicts_with`."""
    records = frame.to_dict("records")
    by_id = {str(r["claim_id"]): r for r in records}
    header = list(frame.columns)
    header.insert(header.index("conflicts_with") + 1, "contradicts")
    rows, fills = [], []
    for r in records:
        others = [by_id[x] for x in str(r.get("conflicts_with", "") or "").split(";") if x in by_id]
        contradicts = "\n".join(f"[{o['source']}] {o.get('quote') or o['text']}" for o in others)
        values = {**r, "contradicts": contradicts}
        rows.append([_cell_value(values.get(c), c in table.INT_COLUMNS) for c in header])
        fills.append(CONFLICT_FILL if r.get("label") == "conflicting" else None)
    _sheet(book, "Claims", header, rows, wide=["text", "contradicts", "reason", "quote"], fills=fills)


def _cell_value(value: object, number: bool) -> object:
    """A claim-table cell for the sheet: offsets and lines as numbers, everything else as read."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()  # type: ignore[union-attr]
    if number and str(value).isdigit():
        return int(str(value))
    return value


def to_xlsx(model: Mapping[str, Any], frame: pd.DataFrame) -> bytes:
    """The workbook for a report model (`report.build`) and its claim table, as .xlsx bytes."""
    book = Workbook()
    book.remove(book.active)
    _sources(book, model)
    _families(book, model)
    _discrepancies(book, model)
    _changed_over_time(book, model)
    _missed_forecasts(book, model)
    _agreements(book, model)
    _single_source(book, model)
    _stale(book, model)
    _claims(book, frame)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()

"""Time slot, resolution: a parsed time expression to the range of days it names.

factcheck.slots.when finds time expressions and reads each into a `Parsed`; the
functions here turn one into its granularity, weekday and first and last
day, given the article's date where the words need one ("on Saturday",
"last month") and the tense of the verb that governs it.

Example:
    >>> resolve(Parsed("years", year=2019, year2=2020), None, None)
    ('year', None, datetime.date(2019, 1, 1), datetime.date(2020, 12, 31))
"""
from __future__ import annotations

import calendar
import math
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["Parsed", "resolve", "month_end"]


@dataclass(frozen=True)
class Parsed:
    """What the words of one mention say, before resolution against a date."""

    kind: str                      # weekday date month end year years fiscal quarter half relative span
    relation: str = "on"
    pod: str | None = None         # late / early / night ... (part of day)
    weekday: int | None = None
    shift: int | None = None       # last / next / this (weekday, month, relative, quarter-of-year)
    year: int | None = None
    month: int | None = None
    day: int | None = None
    day2: int | None = None
    quarter: int | None = None     # quarter 1-4, or half 1-2
    decade: bool = False
    unit: str | None = None        # relative unit / duration unit
    part: str = "all"              # all / before / after / end (relative)
    count: float | None = None     # durations
    direction: str | None = None   # within / past / ago
    year2: int | None = None       # the last year of a span ("2019-20") or fiscal year ("FY2024-25")
    phrase: str | None = None      # the relative phrase, normalised


def month_end(y: int, mo: int) -> date:
    return date(y, mo, calendar.monthrange(y, mo)[1])


def _add_months(y: int, mo: int, k: int) -> tuple[int, int]:
    idx = y * 12 + (mo - 1) + k
    return idx // 12, idx % 12 + 1


def _safe_date(y: int, mo: int, d: int) -> date | None:
    try:
        return date(y, mo, d)
    except ValueError:
        return None


def _nearest_year(mo: int, d: int, pub: date, weekday: int | None = None) -> int:
    """Year that puts month/day closest to the article date.

    A weekday written with the date ("Saturday, March 15") picks, among the
    previous, current and next year, the nearest one where the weekday fits.
    """
    best, best_gap = pub.year, None
    for y in (pub.year - 1, pub.year, pub.year + 1):
        dt = _safe_date(y, mo, d)
        if dt is None:
            continue
        gap = abs((dt - pub).days) + (0 if weekday is None or dt.weekday() == weekday else 10_000)
        if best_gap is None or gap < best_gap:
            best, best_gap = y, gap
    return best


def _weekday_date(wd: int, shift: int | None, pub: date, tense: str | None) -> date:
    back = (pub.weekday() - wd) % 7
    fwd = (wd - pub.weekday()) % 7
    if shift == -1:
        return pub - timedelta(days=back or 7)
    if shift == 1:
        return pub + timedelta(days=fwd or 7)
    if shift == 0:
        return pub - timedelta(days=pub.weekday()) + timedelta(days=wd)
    if tense == "past":
        return pub - timedelta(days=back)
    if tense == "future":
        return pub + timedelta(days=fwd)
    return pub - timedelta(days=back) if back <= fwd else pub + timedelta(days=fwd)


def _relative_range(p: Parsed, pub: date, tense: str | None) -> tuple[date, date]:
    unit, shift, part = p.unit, p.shift or 0, p.part
    if unit == "day":
        d = pub + timedelta(days=shift)
        return d, d
    if unit == "weekend":
        wd = pub.weekday()
        if shift == 0 and tense == "past" and wd < 5:
            sat = pub - timedelta(days=wd + 2)          # the weekend just gone
        else:
            sat = pub + timedelta(days=5 - wd) if wd <= 5 else pub - timedelta(days=1)
            sat += timedelta(days=7 * shift)
        return sat, sat + timedelta(days=1)
    if unit == "week":
        mon = pub - timedelta(days=pub.weekday()) + timedelta(days=7 * shift)
        first, last = mon, mon + timedelta(days=6)
    elif unit == "month":
        y, mo = _add_months(pub.year, pub.month, shift)
        first, last = date(y, mo, 1), month_end(y, mo)
    elif unit == "quarter":
        q0 = (pub.month - 1) // 3
        y, mo = _add_months(pub.year, q0 * 3 + 1, 3 * shift)
        first = date(y, mo, 1)
        y2, mo2 = _add_months(y, mo, 2)
        last = month_end(y2, mo2)
    else:  # year
        y = pub.year + shift
        first, last = date(y, 1, 1), date(y, 12, 31)
    if part == "before":
        return first, min(last, pub)
    if part == "after":
        return max(first, pub), last
    if part == "end":
        return last, last
    return first, last


def _span_range(p: Parsed, pub: date) -> tuple[date, date]:
    n = p.count if p.count is not None else 1.0
    days = {"hour": n / 24.0, "day": n, "week": 7 * n, "month": 30.4375 * n, "year": 365.25 * n, "decade": 3652.5 * n}[p.unit or "day"]
    delta = timedelta(days=math.ceil(days) if p.unit == "hour" else round(days))  # 24 hours -> 1 day
    if p.direction == "within":
        return pub, pub + delta
    if p.direction == "past":
        return pub - delta, pub
    d = pub - delta  # ago
    if p.unit in ("month", "year", "decade"):
        if p.unit == "month":
            return date(d.year, d.month, 1), month_end(d.year, d.month)
        return date(d.year, 1, 1), date(d.year, 12, 31)
    if p.unit == "week":
        return d - timedelta(days=3), d + timedelta(days=3)
    return d, d


_GRANULARITY = {"day": "day", "weekend": "weekend", "week": "week", "month": "month", "quarter": "quarter", "year": "year", "decade": "year", "hour": "day"}


def resolve(
    p: Parsed, pub: date | None, tense: str | None, assume_year: int | None = None,
) -> tuple[str, int | None, date | None, date | None]:
    """(granularity, weekday, first, last) for a parsed mention."""
    day_gran = "part-of-day" if p.pod else "day"
    if p.kind == "date":
        y = p.year if p.year is not None else assume_year
        if y is None and pub is not None:
            y = _nearest_year(p.month, p.day, pub, p.weekday)
        gran = day_gran
        if y is None:
            return gran, p.weekday, None, None
        first = _safe_date(y, p.month, p.day)
        last = _safe_date(y, p.month, p.day2) if p.day2 else first
        if first is None or last is None or last < first:
            return gran, p.weekday, None, None
        wd = p.weekday if p.weekday is not None else (first.weekday() if first == last else None)
        return gran, wd, first, last
    if p.kind == "weekday":
        if pub is None:
            return day_gran, p.weekday, None, None
        d = _weekday_date(p.weekday, p.shift, pub, tense)
        return day_gran, p.weekday, d, d
    if p.kind == "month":
        y = p.year if p.year is not None else assume_year
        if y is None and pub is not None:
            if p.shift == -1 or (p.shift is None and tense == "past"):
                y = pub.year if p.month < pub.month or (p.shift is None and p.month == pub.month) else pub.year - 1
            elif p.shift == 1 or (p.shift is None and tense == "future"):
                y = pub.year if p.month > pub.month or (p.shift is None and p.month == pub.month) else pub.year + 1
            else:
                y = pub.year
        if y is None:
            return "month", None, None, None
        return "month", None, date(y, p.month, 1), month_end(y, p.month)
    if p.kind == "end":
        y = p.year if p.year is not None else (assume_year if assume_year is not None else (pub.year if pub else None))
        if y is None:
            return "day", None, None, None
        d = date(y, 12, 31) if p.unit == "year" else month_end(y, p.month)
        return "day", d.weekday(), d, d
    if p.kind == "year":
        first = date(p.year, 1, 1)
        last = date(p.year + 9, 12, 31) if p.decade else date(p.year, 12, 31)
        return "year", None, first, last
    if p.kind == "years" and p.year2 is not None:
        return "year", None, date(p.year, 1, 1), date(p.year2, 12, 31)
    if p.kind == "fiscal":
        # fiscal years end in their named year in most countries and start up to
        # a year before it: FY2024 allows anything from 2023 to 2024
        end = p.year2 or p.year
        return "year", None, date((p.year if p.year2 else end) - 1, 1, 1), date(end, 12, 31)
    if p.kind in ("quarter", "half"):
        gran = "quarter" if p.kind == "quarter" else "half-year"
        y = p.year
        if y is None:
            base = pub.year if pub is not None else assume_year
            if base is None:
                return gran, None, None, None
            y = base + (p.shift or 0)
        months = 3 if p.kind == "quarter" else 6
        m0 = (p.quarter - 1) * months + 1
        return gran, None, date(y, m0, 1), month_end(y, m0 + months - 1)
    if p.kind == "relative":
        gran = _GRANULARITY[p.unit]
        if p.unit == "day" and p.pod:
            gran = "part-of-day"
        if p.part == "end":
            gran = "day"
        if pub is None:
            return gran, None, None, None
        first, last = _relative_range(p, pub, tense)
        wd = first.weekday() if first == last else None
        return gran, wd, first, last
    if p.kind == "span":
        gran = _GRANULARITY[p.unit or "day"]
        if pub is None or (p.count is None and p.direction != "ago"):
            return gran, None, None, None
        first, last = _span_range(p, pub)
        return gran, None, first, last
    return "day", None, None, None


WEEKDAY_SHORT = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTH_SHORT = ("", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day_words(d: date, weekday: bool = True) -> str:
    """'Sun 26 Oct 2025' (or '26 Oct 2025'), for reasons and reports."""
    s = f"{d.day} {MONTH_SHORT[d.month]} {d.year}"
    return f"{WEEKDAY_SHORT[d.weekday()]} {s}" if weekday else s


def range_words(first: date, last: date) -> str:
    """'2–3 Aug 2014', '30 Jul–2 Aug 2014', '30 Dec 2014–2 Jan 2015'."""
    if first.year == last.year:
        if first.month == last.month:
            return f"{first.day}–{last.day} {MONTH_SHORT[first.month]} {first.year}"
        return f"{first.day} {MONTH_SHORT[first.month]}–{last.day} {MONTH_SHORT[last.month]} {first.year}"
    return f"{day_words(first, False)}–{day_words(last, False)}"

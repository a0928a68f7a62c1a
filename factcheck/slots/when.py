"""Time slot: find time expressions in a clause and normalise them.

Comparison needs more than the words: "Saturday (Oct 25)", "this weekend"
and "on Saturday" can all be the same day, and "on Saturday" said of a
scheduled event points forward from the article's date while "said on
Monday" points back. `find_times` returns every expression with exact
offsets, its relation ("on", "by", "since", ...), granularity and, when the
article date (`published`) allows, the resolved date range. The caller, who
knows the governing verb, passes `tense`; without it a small cue-word rule
decides (see `_tense_from_context`). Years come alone ("in 2019"), as
decades ("the 1990s"), as spans ("the 2019-20 season", "2019/20") and as
fiscal years ("FY2024", which may start in 2023). Turning a parsed mention
into days is factcheck.slots.timeranges' job.

Word lists live in factcheck/data/time_words.json; the regex is built from
them once, on first use.

Example:
    >>> [(m.text, describe(m)) for m in find_times("Exports fell in the 2019-20 marketing year.")]
    [('2019-20', '2019–20')]
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from .. import lexicon
from . import numbers, timeranges, zones
from ..records import TimeMention
from .timeranges import Parsed, month_end, resolve

__all__ = [
    "find_times",
    "describe",
    "mentions_compatible",
    "same_day_possible",
    "date_pattern",
]

_DATA = "time_words"
_YEAR = r"(?:1[89]|20)\d{2}(?![\d])(?![.,]\d)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?!\d)(?:st|nd|rd|th)?(?![\w])"
_ISO = r"(?<![\d-])\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\d])"
_WS = re.compile(r"\s+")
_WORD = re.compile(r"[A-Za-z']+")
_CLAUSE_STOP = re.compile(r"[.;!?]")


def _alt(words: Any, *, escape: bool = True) -> str:
    """Alternation of phrases, longest first, any whitespace between words."""
    parts = []
    for w in sorted(set(words), key=lambda s: (-len(s), s)):
        pieces = w.split()
        body = r"\s+".join(re.escape(p) if escape else p for p in pieces)
        parts.append(body)
    return "(?:" + "|".join(parts) + ")"


def _case_variants(names: Any) -> list[str]:
    """'March' -> March, MARCH (never 'march': lower-case month names are verbs)."""
    out: list[str] = []
    for n in names:
        out.extend((n, n.upper()))
    return out


def _norm(s: str) -> str:
    return _WS.sub(" ", s.strip()).lower()


def _date_core(named: bool) -> str:
    """Absolute day patterns: 'March 15, 2025', '15 March', 'Oct. 25', ISO."""
    data = lexicon.load(_DATA)

    def g(name: str, body: str) -> str:
        return f"(?P<{name}>{body})" if named else f"(?:{body})"

    full = _alt(_case_variants(data["months"]))
    abbr = _alt(_case_variants(data["month_abbreviations"]))
    month = rf"(?:{full}(?![\w])|{abbr}(?:\.|(?![\w])))"
    md = (
        g("md_month", month) + r"\s*" + g("md_day", _DAY)
        + r"(?:\s*[-–]\s*" + g("md_day2", _DAY) + ")?"
        + r"(?:,?\s+" + g("md_year", _YEAR) + ")?"
    )
    dm = (
        r"(?<![\d.,])(?:(?i:the)\s+)?" + g("dm_day", _DAY)
        + r"(?:\s*[-–]\s*" + g("dm_day2", _DAY) + ")?"
        + r"\s+(?:(?i:of)\s+)?" + g("dm_month", month)
        + r"(?:,?\s+" + g("dm_year", _YEAR) + ")?"
    )
    iso = g("iso", _ISO)
    return f"(?:{iso}|{md}|{dm})"


@lru_cache(maxsize=1)
def date_pattern() -> str:
    """Regex source (no capture groups) of absolute dates and month-years.

    factcheck.slots.quantities uses it to skip the numbers inside dates.
    """
    data = lexicon.load(_DATA)
    full = _alt(_case_variants(data["months"]))
    abbr = _alt(_case_variants(data["month_abbreviations"]))
    month_year = rf"(?:{full}|{abbr}\.?),?\s+{_YEAR}"
    wd_abbr = _alt(_case_variants(data["weekday_abbreviations"]))
    return rf"(?:{_date_core(False)}|{month_year}|{wd_abbr}(?![\w])\.?,?\s+{_date_core(False)})"


@dataclass(frozen=True)
class _Tables:
    master: re.Pattern[str]
    date_named: re.Pattern[str]
    months: dict[str, int]
    weekdays: dict[str, int]
    relations: dict[str, str]
    shifts: dict[str, int]
    quarters: dict[str, int]
    relative: dict[str, dict[str, Any]]
    units: dict[str, str]
    vague_counts: dict[str, int]
    past_cues: frozenset[str]
    future_cues: frozenset[str]
    not_past_ed: frozenset[str]
    passive_aux: frozenset[str]


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    """Build every regex and lookup once (data files are loaded lazily)."""
    data = lexicon.load(_DATA)
    months = {k.lower(): v for k, v in {**data["months"], **data["month_abbreviations"]}.items()}
    weekdays = {k.lower(): v for k, v in {**data["weekdays"], **data["weekday_abbreviations"]}.items()}
    full_m = _alt(_case_variants(data["months"]))
    abbr_m = _alt(_case_variants(data["month_abbreviations"]))
    full_wd = _alt([*data["weekdays"], *(w.lower() for w in data["weekdays"]), *(w.upper() for w in data["weekdays"])])
    abbr_wd = _alt(_case_variants(data["weekday_abbreviations"]))
    date_any = _date_core(False)
    rel = _alt(data["relations"])
    mods = _alt(data["day_modifiers"])
    pods = _alt(data["parts_of_day"])
    pod_of = _alt(data["part_of_day_of"])
    shifts = _alt(data["shifts"])
    qords = _alt(data["quarter_ordinals"])
    relp = _alt(data["relative"])
    units = _alt(data["duration_units"])
    within = _alt(data["within_leads"])
    past = _alt(data["past_leads"])
    num = (rf"(?:(?:\d+(?:\.\d+)?|{numbers.number_word_pattern()})(?:{numbers.and_fraction_pattern()})?"
           rf"|{_alt(data['vague_counts'])})")
    year_rel = r"(?:(?P<{0}>this|next|last)\s+year|the\s+year)"

    prefix = (
        rf"(?:(?P<rel>(?i:{rel}))\s+)?"
        rf"(?:(?P<mod>(?i:{mods}))(?:\s+|-)(?:(?i:on|in)\s+)?)?"
        rf"(?:(?i:the\s+(?P<podof>{pod_of})\s+of)\s+)?"
    )
    cores = [
        rf"(?P<iso>{_ISO})",
        rf"(?:(?P<wshift>(?i:{shifts}))\s+)?(?P<wd>{full_wd})(?![\w])"
        rf"(?:\s+(?P<wpod>(?i:{pods}))(?![\w]))?"
        rf"(?:(?:\s*,\s*|\s*(?P<wopen>\()\s*|\s+(?:(?i:the)\s+)?)(?P<wdate>{date_any})(?(wopen)\s*\)))?",
        rf"(?P<wda>{abbr_wd})(?:\.|(?![\w])),?\s+(?P<wdate2>{date_any})",
        rf"(?P<date>{date_any})",
        rf"(?:(?P<mshift>(?i:{shifts}))\s+)?(?P<mon>{full_m}(?![\w])|{abbr_m}(?:\.|(?![\w]))(?=,?\s+{_YEAR}))"
        rf"(?:,?\s+(?P<myear>{_YEAR}))?",
        rf"(?i:(?:the\s+)?end\s+of\s+)(?-i:(?P<eoyear>{_YEAR})|(?P<eomon>{full_m})(?![\w])(?:\s+(?P<eomyear>{_YEAR}))?)",
        rf"(?i:(?:the\s+)?(?P<qord>{qords})\s+quarter)(?![\w])(?:(?i:\s+of\s+)(?:(?P<qyear>{_YEAR})|(?i:{year_rel.format('qrel')})))?",
        rf"(?P<qq>Q[1-4])(?![\w])(?:,?\s+(?P<qqyear>{_YEAR}))?",
        rf"(?i:(?:the\s+)?(?P<hord>first|second)\s+half\s+of\s+)(?:(?P<hyear>{_YEAR})|(?i:{year_rel.format('hrel')}))",
        rf"(?P<relp>(?i:{relp}))(?![\w-])(?:\s+(?P<rpod>(?i:{pods}))(?![\w]))?",
        rf"(?P<dwithin>(?i:{within}))\s+(?:(?i:the\s+next)\s+)?(?:(?P<dnum>(?i:{num}))\s+)?(?P<dunit>(?i:{units}))(?![\w])",
        rf"(?P<dpast>(?i:{past}))\s+(?:(?P<dnum2>(?i:{num}))\s+)?(?P<dunit2>(?i:{units}))(?![\w])",
        rf"(?P<dnum3>(?i:{num}))\s+(?P<dunit3>(?i:{units}))\s+(?i:ago)(?![\w])",
        rf"(?P<syear>{_YEAR})\s*[-\u2013/]\s*(?P<syear2>{_YEAR}|\d{{2}})(?![\w])(?![-\u2013/.,]\d)",
        rf"(?:FY\s?|(?i:fiscal\s+(?:year\s+)?))(?P<fyear>{_YEAR}|\d{{2}}(?![\w]))"
        rf"(?:[-\u2013/](?P<fyear2>\d{{2}}|{_YEAR})(?![\w]))?",
        rf"(?:(?i:the)\s+(?=\d{{3}}0s))?(?P<year>{_YEAR})(?P<decade>s)?(?![\w])(?!\s*(?:%|(?i:per\s*cent)))",
    ]
    master = re.compile(r"(?=\S)(?<![\w$€£¥.,/-])" + prefix + "(?:" + "|".join(cores) + ")")  # (?=\S): fast over blanks
    return _Tables(
        master=master,
        date_named=re.compile(_date_core(True)),
        months=months,
        weekdays=weekdays,
        relations={_norm(k): v for k, v in data["relations"].items()},
        shifts={_norm(k): v for k, v in data["shifts"].items()},
        quarters={k.lower(): v for k, v in data["quarter_ordinals"].items()},
        relative={_norm(k): v for k, v in data["relative"].items()},
        units={k.lower(): v for k, v in data["duration_units"].items()},
        vague_counts={_norm(k): v for k, v in data["vague_counts"].items()},
        past_cues=frozenset(w.lower() for w in data["past_cues"]),
        future_cues=frozenset(w.lower() for w in data["future_cues"]),
        not_past_ed=frozenset(w.lower() for w in data["not_past_ed"]),
        passive_aux=frozenset(w.lower() for w in data["passive_aux"]),
    )


def _full_year(s: str) -> int:
    """'24' -> 2024; a four-digit year as it is."""
    return int(s) if len(s) == 4 else 2000 + int(s)


def _second_year(first: int, s: str) -> int | None:
    """The end of a year span: ('2019', '20') -> 2020, ('2019', '2021') -> 2021; None unless later."""
    second = int(s) if len(s) == 4 else first - first % 100 + int(s)
    return second if first < second <= first + 10 else None


def _int_day(s: str) -> int:
    return int(s.rstrip("stndrdth"))


def _parse_date_text(s: str, t: _Tables) -> tuple[int | None, int, int, int | None] | None:
    """(year, month, day, day2) of a date substring."""
    m = t.date_named.search(s)
    if m is None:
        return None
    if m.group("iso"):
        y, mo, d = (int(x) for x in m.group("iso").split("-"))
        return y, mo, d, None
    p = "md_" if m.group("md_month") else "dm_"
    month = t.months[m.group(p + "month").rstrip(".").lower()]
    day = _int_day(m.group(p + "day"))
    day2 = _int_day(m.group(p + "day2")) if m.group(p + "day2") else None
    year = int(m.group(p + "year")) if m.group(p + "year") else None
    return year, month, day, day2


def _count(word: str | None, t: _Tables) -> float | None:
    """'seven' -> 7, '30' -> 30, 'a' -> 1; None when absent or vague ('days')."""
    if not word:
        return None
    w = _norm(word)
    if w in t.vague_counts:
        return float(t.vague_counts[w])
    try:
        return float(w)
    except ValueError:
        pass
    m = re.match(r"(\d+(?:\.\d+)?)(.*)\Z", w)
    if m is not None:                       # "4 and a half"
        return float(m.group(1)) + numbers.and_fraction_value(m.group(2))
    return numbers.words_to_number(w)


def _parse(m: re.Match[str], t: _Tables) -> Parsed | None:
    """Turn a master-regex match into a Parsed, or None for a non-time."""
    g = m.group
    relword = g("rel")
    relation = t.relations[_norm(relword)] if relword else "on"
    pod = g("mod") or g("podof")
    pod = _norm(pod) if pod else None
    has_lead = bool(relword or g("mod"))
    if g("iso"):
        y, mo, d = (int(x) for x in g("iso").split("-"))
        return Parsed("date", relation, pod, year=y, month=mo, day=d)
    if g("wd") or g("wda"):
        wd = t.weekdays[(g("wd") or g("wda")).lower()]
        shift = t.shifts[_norm(g("wshift"))] if g("wshift") else None
        pod = pod or (_norm(g("wpod")) if g("wpod") else None)
        dtext = g("wdate") or g("wdate2")
        if dtext:
            parsed = _parse_date_text(dtext, t)
            if parsed is not None:
                y, mo, d, d2 = parsed
                return Parsed("date", relation, pod, weekday=wd, year=y, month=mo, day=d, day2=d2)
        return Parsed("weekday", relation, pod, weekday=wd, shift=shift)
    if g("date"):
        parsed = _parse_date_text(g("date"), t)
        if parsed is None:
            return None
        y, mo, d, d2 = parsed
        return Parsed("date", relation, pod, year=y, month=mo, day=d, day2=d2)
    if g("mon"):
        year = int(g("myear")) if g("myear") else None
        shift = t.shifts[_norm(g("mshift"))] if g("mshift") else None
        if year is None and shift is None and not has_lead:
            return None  # a bare capitalised "March" / "May" is too often not a date
        return Parsed("month", relation, None, year=year, month=t.months[g("mon").rstrip(".").lower()], shift=shift)
    if g("eoyear"):
        return Parsed("end", relation, None, year=int(g("eoyear")), unit="year")
    if g("eomon"):
        year = int(g("eomyear")) if g("eomyear") else None
        return Parsed("end", relation, None, year=year, month=t.months[g("eomon").lower()], unit="month")
    if g("qord") or g("qq"):
        q = t.quarters[g("qord").lower()] if g("qord") else int(g("qq")[1])
        ytxt = g("qyear") or g("qqyear")
        shift = {"this": 0, "next": 1, "last": -1}[g("qrel").lower()] if g("qrel") else None
        return Parsed("quarter", relation, None, quarter=q, year=int(ytxt) if ytxt else None, shift=shift)
    if g("hord"):
        shift = {"this": 0, "next": 1, "last": -1}[g("hrel").lower()] if g("hrel") else None
        h = 1 if g("hord").lower() == "first" else 2
        return Parsed("half", relation, None, quarter=h, year=int(g("hyear")) if g("hyear") else None, shift=shift)
    if g("relp"):
        phrase = _norm(g("relp"))
        spec = t.relative[phrase]
        rpod = _norm(g("rpod")) if g("rpod") else None
        if spec.get("pod"):
            rpod = rpod or phrase.split()[-1]
        return Parsed(
            "relative", relation, pod or rpod, unit=spec["unit"], shift=int(spec.get("shift", 0)),
            part=spec.get("part", "all"), phrase=phrase,
        )
    for lead, n, u, direction in (("dwithin", "dnum", "dunit", "within"), ("dpast", "dnum2", "dunit2", "past"), (None, "dnum3", "dunit3", "ago")):
        if g(u):
            unit = t.units[g(u).lower()]
            count = _count(g(n), t)
            if direction == "ago" and count is None:
                return None
            rel_out = "within" if direction == "within" else ("during" if direction == "past" else relation)
            return Parsed("span", rel_out, None, unit=unit, count=count, direction=direction)
    if g("syear"):
        first, second = int(g("syear")), _second_year(int(g("syear")), g("syear2"))
        if second is None:
            return Parsed("year", relation, pod, year=first) if has_lead else None
        return Parsed("years", relation, pod, year=first, year2=second)
    if g("fyear"):
        fyear = _full_year(g("fyear"))
        fyear2 = _second_year(fyear, g("fyear2")) if g("fyear2") else None
        if g("fyear2") and fyear2 is None:
            return None
        return Parsed("fiscal", relation, None, year=fyear, year2=fyear2)
    if g("year"):
        if not has_lead and not g("decade"):
            return None  # bare four-digit numbers are counts as often as years
        return Parsed("year", relation, pod, year=int(g("year")), decade=bool(g("decade")))
    return None


def _tense_from_context(text: str, start: int, end: int, t: _Tables) -> str | None:
    """Past/future from cue words near the mention, or None.

    Reads up to six words back (stopping at sentence punctuation), nearest
    first, then up to five words after: a future cue ("will", "scheduled",
    "to") wins over past cues ("said", "was", an -ed verb) by being nearer.
    """
    before = text[max(0, start - 80):start]
    stop = None
    for stop in _CLAUSE_STOP.finditer(before):
        pass
    if stop is not None:
        before = before[stop.end():]
    after = text[end:end + 60]
    cut = _CLAUSE_STOP.search(after)
    if cut is not None:
        after = after[:cut.start()]
    back = [w.lower() for w in _WORD.findall(before)[-6:]]
    windows = ([(w, back[i - 1] if i else "") for i, w in reversed(list(enumerate(back)))],
               [(w.lower(), "") for w in _WORD.findall(after)[:5]])
    for words in windows:
        for lw, prev in words:
            if lw in t.future_cues:
                return "future"
            if lw in t.past_cues:
                return "past"
            if lw.endswith("ed") and len(lw) > 4 and lw not in t.not_past_ed:
                if prev in t.passive_aux:
                    continue  # "will be signed": the auxiliary before decides
                return "past"
    return None


def find_times(text: str, *, published: date | None = None, tense: str | None = None,
               zone: str | None = None) -> list[TimeMention]:
    """Every time expression in `text`, with offsets and resolved dates.

    `tense` is "past" or "future" when the caller knows the governing verb;
    it decides which way a bare weekday ("on Saturday") or a bare month
    ("in March") points from `published`. With None, nearby cue words decide
    and, without any, the nearer date wins (same week either way).
    `zone` is the article's time zone (zones.py), the mention's unless a zone
    is written after it ("early Sunday, India time") or after the clock time before it
    ("at 05:50 local time on Friday").
    """
    t = _tables()
    out: list[TimeMention] = []
    for m in t.master.finditer(text):
        p = _parse(m, t)
        if p is None:
            continue
        use_tense = tense
        if use_tense is None and published is not None and (
            (p.kind == "weekday" and p.shift is None) or (p.kind == "month" and p.year is None and p.shift is None)
        ):
            use_tense = _tense_from_context(text, m.start(), m.end(), t)
        gran, wd, first, last = resolve(p, published, use_tense)
        written = zones.zone_after(text, m.end()) or zones.zone_before(text, m.start())
        out.append(TimeMention(
            start=m.start(), end=m.end(), text=m.group(0), relation=p.relation,
            granularity=gran, weekday=wd, first=first, last=last,
            zone=written or zone, zone_written=written is not None,
        ))
    return out


@lru_cache(maxsize=4096)
def _parsed_text(s: str) -> Parsed | None:
    """Re-read a mention's own text (TimeMention keeps no month/day fields)."""
    t = _tables()
    m = t.master.fullmatch(s)
    if m is None:
        m = t.master.search(s)
    return _parse(m, t) if m is not None else None


# ---------------------------------------------------------------- describing

def _describe_resolved(m: TimeMention, p: Parsed | None) -> str:
    first, last = m.first, m.last
    assert first is not None and last is not None
    kind = p.kind if p else None
    if kind == "year":
        return f"{first.year}s" if p and p.decade else str(first.year)
    if kind in ("years", "fiscal") and p is not None:
        return _year_span_words(p)
    if m.granularity == "month" and first.day == 1 and last == month_end(first.year, first.month):
        return f"{timeranges.MONTH_SHORT[first.month]} {first.year}"
    if m.granularity == "year" and first == date(first.year, 1, 1) and last == date(first.year, 12, 31):
        return str(first.year)
    if kind == "quarter" and p is not None:
        return f"Q{p.quarter} {first.year}"
    if kind == "half" and p is not None:
        return f"H{p.quarter} {first.year}"
    if first == last:
        show_wd = kind in ("weekday", "date") or (kind == "relative" and p is not None and p.unit == "day") or (
            kind == "span" and p is not None and p.direction == "ago")
        s = timeranges.day_words(first, show_wd)
        if m.weekday is not None and m.weekday != first.weekday():
            s += f" (text says {timeranges.WEEKDAY_SHORT[m.weekday]})"
        return s
    if m.granularity == "weekend":
        return f"{timeranges.WEEKDAY_SHORT[first.weekday()]}–{timeranges.WEEKDAY_SHORT[last.weekday()]} {timeranges.range_words(first, last)} (weekend)"
    if m.granularity == "week" and p is not None and p.part == "all":
        return f"{timeranges.range_words(first, last)} (week)"
    return timeranges.range_words(first, last)


def _year_span_words(p: Parsed) -> str:
    """'2019–20', 'FY2024', 'FY2024–25'."""
    span = str(p.year)
    if p.year2 is not None:
        span += "\u2013" + (f"{p.year2 % 100:02d}" if p.year2 // 100 == p.year // 100 else str(p.year2))
    return f"FY{span}" if p.kind == "fiscal" else span


def _describe_unresolved(m: TimeMention, p: Parsed | None) -> str:
    if p is None:
        return _norm(m.text)
    if p.kind == "date":
        s = f"{p.day}" + (f"–{p.day2}" if p.day2 else "") + f" {timeranges.MONTH_SHORT[p.month]}"
        return f"{timeranges.WEEKDAY_SHORT[p.weekday]} {s}" if p.weekday is not None else s
    if p.kind == "weekday":
        shift = {-1: "last ", 1: "next ", 0: "this "}.get(p.shift, "") if p.shift is not None else ""
        return f"{shift}{timeranges.WEEKDAY_SHORT[p.weekday]}"
    if p.kind == "month":
        return timeranges.MONTH_SHORT[p.month]
    if p.kind == "quarter":
        return f"Q{p.quarter}"
    if p.kind == "half":
        return f"H{p.quarter}"
    if p.kind == "end":
        return f"end of {timeranges.MONTH_SHORT[p.month]}" if p.month else "end of the year"
    if p.kind == "relative":
        return p.phrase or _norm(m.text)
    if p.kind in ("years", "fiscal"):
        return _year_span_words(p)
    if p.kind == "span":
        n = "" if p.count is None else (f"{p.count:g} ")
        unit = (p.unit or "day") + ("s" if p.count != 1 else "")
        return f"{n}{unit}" + (" ago" if p.direction == "ago" else "")
    return _norm(m.text)


def describe(m: TimeMention) -> str:
    """Editor-friendly normalised value: 'Sat 25 Oct 2025', 'by 31 Dec 2025', 'Sat'."""
    p = _parsed_text(m.text)
    if p is not None and p.kind == "span":
        lead = {"within": "within ", "past": "past "}.get(p.direction or "", "")
        words = lead + _describe_unresolved(m, p)
        if m.first is None or m.last is None:
            return words
        return f"{_describe_resolved(m, p)} ({words})"
    if m.first is not None and m.last is not None:
        base = _describe_resolved(m, p)
    else:
        base = _describe_unresolved(m, p)
    if p is not None and p.pod and m.granularity == "part-of-day":
        base += f" ({p.pod})"
    if m.relation in ("on", "during"):
        return base
    return f"{m.relation} {base}"


# ---------------------------------------------------------------- comparing

_MIN, _MAX = date.min, date.max


def _interval(m: TimeMention) -> tuple[date, date] | None:
    """The days the mention allows, its relation applied; None if unresolved."""
    if m.first is None or m.last is None:
        return None
    return _apply_relation(m.relation, m.first, m.last)


def _apply_relation(rel: str, first: date, last: date) -> tuple[date, date]:
    if rel in ("by", "until"):
        return _MIN, last
    if rel == "before":
        return _MIN, (first - timedelta(days=1)) if first > _MIN else first
    if rel == "after":
        return (last + timedelta(days=1)) if last < _MAX else last, _MAX
    if rel == "since":
        return first, _MAX
    return first, last


def _weekday_set(m: TimeMention, p: Parsed | None) -> frozenset[int] | None:
    """Weekdays the mention can fall on, when it says (or its dates show) any."""
    if m.relation not in ("on", "during"):
        return None
    if m.first is not None and m.last is not None:
        n = (m.last - m.first).days
        if n < 6:
            return frozenset((m.first + timedelta(days=i)).weekday() for i in range(n + 1))
        return None
    if m.weekday is not None:
        return frozenset({m.weekday})
    if m.granularity == "weekend":
        return frozenset({5, 6})
    return None


def _year_free(p: Parsed | None) -> bool:
    """Resolvable from a year alone: '15 March', 'in March', 'Q4', 'this year'."""
    if p is None:
        return False
    if p.kind in ("date", "end", "month") and p.year is None:
        return p.shift is None
    if p.kind in ("quarter", "half") and p.year is None:
        return not p.shift
    return p.kind == "relative" and p.unit == "year" and not p.shift and p.part in ("all", "end")


def _with_year(m: TimeMention, p: Parsed, year: int) -> tuple[date, date] | None:
    _, _, first, last = resolve(p, date(year, 7, 1), None, assume_year=year)
    if first is None or last is None:
        return None
    return _apply_relation(m.relation, first, last)


def _overlap(a: tuple[date, date], b: tuple[date, date]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def mentions_compatible(a: TimeMention, b: TimeMention) -> bool | None:
    """Can both mentions describe the same time? None when nothing is comparable.

    Resolved ranges compare by overlap (relations applied: "by X" allows any
    day up to X). Otherwise what both know is compared: weekday against
    weekday or a weekend, weekday against a dated day, and year-less dates,
    months and quarters against each other in a shared (or the other's) year.
    """
    ia, ib = _interval(a), _interval(b)
    if ia is not None and ib is not None:
        return _overlap(ia, ib)
    pa, pb = _parsed_text(a.text), _parsed_text(b.text)
    if _year_free(pa) or _year_free(pb):
        ya = a.first.year if ia is not None and a.first is not None else None
        yb = b.first.year if ib is not None and b.first is not None else None
        if ia is None and ib is None and _year_free(pa) and _year_free(pb):
            ra, rb = _with_year(a, pa, 2024), _with_year(b, pb, 2024)  # type: ignore[arg-type]
        elif ia is None and ib is not None and _year_free(pa) and yb is not None:
            ra, rb = _with_year(a, pa, yb), ib  # type: ignore[arg-type]
        elif ib is None and ia is not None and _year_free(pb) and ya is not None:
            ra, rb = ia, _with_year(b, pb, ya)  # type: ignore[arg-type]
        else:
            ra = rb = None
        if ra is not None and rb is not None:
            if not _overlap(ra, rb):
                return False
            wa, wb = _weekday_set(a, pa), _weekday_set(b, pb)
            if wa is not None and wb is not None and not (wa & wb):
                return False
            return True
    wa, wb = _weekday_set(a, pa), _weekday_set(b, pb)
    if wa is not None and wb is not None:
        return bool(wa & wb)
    return None


def same_day_possible(a: TimeMention, b: TimeMention) -> bool | None:
    """Could the two mentions name the same day? Same rules as mentions_compatible."""
    return mentions_compatible(a, b)

"""Time zones: what a written zone means, and whether two day mentions can be one moment.

A zone is kept as a string: a fixed UTC offset ("+05:30") or an IANA name
("America/New_York", whose offset depends on the date), as the data file
`time_zones.json` maps abbreviations ("BST", "ET") and names ("India time")
to them; "local" is a zone written but not named ("local time").

`instants_compatible` compares two day mentions (a weekday or a date, maybe
with a part of the day) as spans of UTC hours: "early Sunday, India time" and
"Saturday evening" in an article dated in Central Europe are one moment. A side
whose zone is unknown may be in any zone from UTC-12 to UTC+14.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from typing import Sequence
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .. import lexicon
from ..records import TimeMention

_DATA = "time_zones"
LOCAL = "local"
# the widest offsets in use: an unknown zone may be any of them (hours)
ANY_OFFSET = (-12.0, 14.0)
_OFFSET_RE = re.compile(r"^(?P<sign>[+-])(?P<h>\d{2}):(?P<m>\d{2})$")


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, str], dict[str, str], frozenset[str], tuple[tuple[str, tuple[int, int]], ...]]:
    data = lexicon.load(_DATA)
    hours = tuple(sorted(((k, (int(v[0]), int(v[1]))) for k, v in data["part_of_day_hours"].items()),
                         key=lambda kv: -len(kv[0])))  # "early hours" before "early"
    return (dict(data["abbreviations"]), {k.lower(): v for k, v in data["names"].items()},
            frozenset(w.lower() for w in data["local"]), hours)


def zone_named(word: str) -> str | None:
    """The zone an abbreviation ("BST", capitals only) or a name ("India time") means, else None."""
    abbreviations, names, local, _ = _table()
    if word in abbreviations:
        return abbreviations[word]
    key = " ".join(word.lower().split())
    if key in local:
        return LOCAL
    return names.get(key)


def tz_of(zone: str) -> tzinfo | None:
    """A tzinfo for `zone` (None for "local" or an unknown name); IANA zones keep their rules."""
    m = _OFFSET_RE.match(zone)
    if m:
        minutes = int(m.group("h")) * 60 + int(m.group("m"))
        return timezone(timedelta(minutes=minutes if m.group("sign") == "+" else -minutes))
    if zone == LOCAL:
        return None
    try:
        return ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def offset_string(moment: datetime) -> str | None:
    """"+02:00" for a tz-aware datetime, None for a naive one."""
    off = moment.utcoffset()
    if off is None:
        return None
    minutes = int(off.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _offsets(zone: str | None, on: date | None) -> tuple[float, float]:
    """The UTC offsets (hours, lowest and highest) `zone` can have on `on` (any day of the year without)."""
    tz = tz_of(zone) if zone else None
    if tz is None:
        return ANY_OFFSET
    days = [on] if on is not None else [date(2001, 1, 15), date(2001, 7, 15)]  # both sides of daylight saving
    found = [datetime(d.year, d.month, d.day, 12, tzinfo=tz).utcoffset() for d in days]
    hours = [f.total_seconds() / 3600 for f in found if f is not None]
    return (min(hours), max(hours)) if hours else ANY_OFFSET


def _alternations() -> tuple[str, str]:
    """(zone names, zone abbreviations) as regex alternations, longest first."""
    abbreviations, names, local, _ = _table()
    words = sorted([*names, *local], key=len, reverse=True)
    return ("|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words),
            "|".join(re.escape(a) for a in sorted(abbreviations, key=len, reverse=True)))


@lru_cache(maxsize=2)
def _after_re(clock: bool) -> re.Pattern[str]:
    name_alt, abbr_alt = _alternations()
    # a name in any case; an abbreviation in capitals, after a day only before punctuation or the
    # end, so "Monday, CT scans" or "Sunday PT drills" are not zones ("09:10 GMT with" is)
    abbr_end = r"(?![\w])" if clock else r"(?=\s*(?:[),.;:]|$))"
    return re.compile(rf"(?:\s*,\s*|\s*\(\s*|\s+)(?:(?P<name>(?i:{name_alt}))(?![\w])"
                      rf"|(?P<abbr>{abbr_alt}){abbr_end})")


def zone_after(text: str, end: int, clock: bool = False) -> str | None:
    """The zone written right after a time mention ending at `end` ("Sunday, India time",
    "Sunday (Beijing Time)", "Monday ET."), or None. After a clock time (`clock`) an
    abbreviation needs no punctuation after it: "at 09:10 GMT with" is a zone, where
    "Sunday PT drills" is not.

        >>> zone_after("The gates shut at 21:40 GMT on Sunday.", 23, clock=True)
        '+00:00'
        >>> zone_after("The gates shut at 21:40 GMT on Sunday.", 23) is None
        True
    """
    m = _after_re(clock).match(text, end)
    if m is None:
        return None
    return zone_named(m.group("name") or m.group("abbr"))


@lru_cache(maxsize=1)
def _before_re() -> re.Pattern[str]:
    name_alt, abbr_alt = _alternations()
    # a clock time and its zone, then the day: "at 05:50 local time on Friday", "9:15 p.m. PT Thursday"
    return re.compile(rf"(?:\d{{1,2}}[:.]\d{{2}}|\d{{1,2}})\s*(?:[ap]\.?\s?m\.?)?\s*\(?"
                      rf"(?:(?P<name>(?i:{name_alt}))|(?P<abbr>{abbr_alt}))\)?\s*,?\s*$")


def zone_before(text: str, start: int) -> str | None:
    """The zone of a clock time written right before a day mention starting at `start`
    ("at 05:50 local time on Friday", "9:15 p.m. PT Thursday"), or None.

        >>> zone_before("The ferry docked at 9:15 p.m. Pacific time on Thursday.", 43)
        'America/Los_Angeles'
        >>> zone_before("It lifted off in the afternoon on Tuesday.", 31) is None
        True
    """
    m = _before_re().search(text[max(0, start - 48):start])
    if m is None:
        return None
    return zone_named(m.group("name") or m.group("abbr"))


@lru_cache(maxsize=1)
def _written_re() -> re.Pattern[str]:
    name_alt, abbr_alt = _alternations()
    return re.compile(rf"(?<![\w])(?:(?i:{name_alt})|{abbr_alt})(?![\w])")


def zone_words(text: str) -> frozenset[str]:
    """The lower-cased words of every zone written in `text`: how a time is read, not what
    the claim is about ("Pacific" in "9:15 p.m. Pacific time" names no party).

        >>> sorted(zone_words("The ferry docked at 9:15 p.m. Pacific time on Thursday."))
        ['pacific', 'time']
    """
    return frozenset(w.lower() for m in _written_re().finditer(text) for w in m.group(0).split())


def writes_zone(text: str) -> bool:
    """Whether `text` writes a time zone anywhere ("at 06:40 local time", "16:00 GMT").

        >>> writes_zone("It lifted off at 4:40 p.m. Eastern time on Tuesday."), writes_zone("It lifted off on Tuesday.")
        (True, False)
    """
    return bool(_written_re().search(text))


def _hours(m: TimeMention) -> tuple[int, int]:
    """Hours of its day(s) the mention allows: a part of the day narrows 0-24."""
    low = m.text.lower()
    for word, span in _table()[3]:
        if re.search(rf"(?<![\w]){re.escape(word)}(?![\w])", low):
            return span
    return 0, 24


def _utc_spans(m: TimeMention, absolute: bool) -> list[tuple[float, float]] | None:
    """The mention as spans of UTC hours: from day 1 (absolute) or from Monday 00:00 (weekly)."""
    h0, h1 = _hours(m)
    lo_off, hi_off = _offsets(m.zone, m.first)
    if absolute:
        if m.first is None or m.last is None:
            return None
        return [(m.first.toordinal() * 24 + h0 - hi_off, m.last.toordinal() * 24 + h1 - lo_off)]
    days: Sequence[int]
    if m.first is not None and m.last is not None and (m.last - m.first).days < 6:
        days = sorted({(m.first + timedelta(days=i)).weekday() for i in range((m.last - m.first).days + 1)})
    elif m.weekday is not None:
        days = [m.weekday]
    else:
        return None
    return [(d * 24 + h0 - hi_off, d * 24 + h1 - lo_off) for d in days]


def instants_compatible(a: TimeMention, b: TimeMention) -> bool | None:
    """Can the two day mentions be one moment, zones counted? None unless a zone is written on
    one side ("India time", "ET"; "local time" beside one of them): then each side is read in its own zone (the
    written one, else its article's, else any zone) and compared as spans of UTC hours."""
    if not any(m.zone_written and m.zone != LOCAL for m in (a, b)):
        return None  # "local time" alone is the event's own clock, as a plain day in its report is
    absolute = a.first is not None and b.first is not None
    sa, sb = _utc_spans(a, absolute), _utc_spans(b, absolute)
    if sa is None or sb is None:
        return None
    shifts = (0.0,) if absolute else (-168.0, 0.0, 168.0)  # weekly spans wrap around Sunday night
    return any(x0 < y1 + s and y0 + s < x1 for x0, x1 in sa for y0, y1 in sb for s in shifts)

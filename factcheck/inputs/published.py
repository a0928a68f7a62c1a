"""The moment an article was published, where it gives a time of day (and maybe a zone).

`article_meta.py` reads the publication date; this module reads the rest of the
same string with python-dateutil ("2025-06-03T14:20+02:00", "3 June 2025,
16:05 BST", "08:23, December 19, 2023") and, for HTML pages, the page's own
metadata with htmldate (a trafilatura dependency). Zone abbreviations come from
the `time_zones` data file (zones.py). The result is tz-aware with a fixed
UTC offset when the zone is known, naive when it is not, and None when no
time of day is given: a date alone says nothing about the hour.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timezone
from typing import Any

from dateutil import parser as date_parser

from ..slots import zones

_CLOCK_RE = re.compile(r"\d{1,2}[:.]\d{2}|\d{1,2}\s*[aApP]\.?[mM]\b")
_MAX_CHARS = 120
# two defaults differing in every date part show which parts the string left out
_DEFAULTS = (datetime(2001, 1, 1), datetime(2002, 2, 2))


def _tzinfos(name: str | None, offset: int | None) -> Any:
    """dateutil's zone hook: a written offset ("+02:00") as given, a name from the zone table."""
    zone = zones.zone_named(name) if name else None
    found = zones.tz_of(zone) if zone else None
    if found is None and offset is not None:
        return offset  # seconds east of UTC
    return found


def _fixed(moment: datetime) -> datetime:
    """An IANA zone as the fixed offset it had then: records stay plain and cache-safe."""
    off = moment.utcoffset()
    return moment if off is None else moment.replace(tzinfo=timezone(off))


def moment(text: str, day: date | None = None) -> datetime | None:
    """The publication moment a date string gives, or None without a time of day.

    With `day` (the date already read from the string) the result must fall on
    it; without, the string must give a full date itself (year, month, day).
    """
    text = text.strip()
    if not text or len(text) > _MAX_CHARS or not _CLOCK_RE.search(text):
        return None
    try:
        found = [date_parser.parse(text, default=d, fuzzy=True, tzinfos=_tzinfos) for d in _DEFAULTS]
    except (ValueError, OverflowError, TypeError):
        return None
    first, second = found
    if first.date() != second.date():  # some date part was missing: only the day read elsewhere counts
        if day is None or first.time() != second.time():
            return None
        first = datetime.combine(day, first.timetz())
    elif day is not None and first.date() != day:
        return None
    return _fixed(first)


def html_moment(html: str, day: date | None) -> datetime | None:
    """The publication moment in an HTML page's metadata (meta tags, <time>), via htmldate."""
    try:
        import htmldate  # comes with trafilatura
    except ImportError:  # pragma: no cover - trafilatura needs it
        return None
    try:
        found = htmldate.find_date(html, outputformat="%Y-%m-%dT%H:%M:%S%z", original_date=True,
                                   extensive_search=False)
    except Exception:  # htmldate raises assorted errors on odd pages; a time is optional
        return None
    if not found or found.endswith("T00:00:00"):  # a date without a time comes back as midnight
        return None
    try:
        value = datetime.strptime(found, "%Y-%m-%dT%H:%M:%S%z" if found[-5] in "+-" else "%Y-%m-%dT%H:%M:%S")
    except ValueError:
        return None
    if day is not None and value.date() != day:
        return None
    return _fixed(value)

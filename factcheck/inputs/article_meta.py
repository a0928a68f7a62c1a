"""Article metadata written in the text itself, and the dates it holds.

- front matter: a `---` / `key: value` / `---` block at the top of a .txt or .md file;
- the top of a body: "Published:" lines (or a byline that is only a date), a
  headline, and a dateline ("LIMA, Oct 22 (Reuters) - ");
- `parse_date`: one date written the way articles write them;
- `TextMeta`: what was found, with the spans of text holding it, and how
  explicit metadata (front matter, JSON fields, HTML tags) overrides it;
- `line_spans`: the lines of a text as offsets (only \\r\\n, \\r and \\n break lines);
- `normalise_for_matching`: typographic variants folded, for comparing strings.

The times of day in the same strings are read by `published.py`.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from .. import lexicon
from . import published as published_mod
from ..errors import SourceError

_HEAD_LINES = 5            # "Published:" lines are looked for this far down
_MAX_TITLE_WORDS = 20
_MAX_FRONT_MATTER_LINES = 50
_MAX_DATE_CHARS = 80       # "Wednesday, 22nd of October 2025, 10:45:00.000 p.m. GMT+05:30" fits


@dataclass
class TextMeta:
    """Metadata found in an article's text, with the ranges of text that hold it."""

    spans: list[tuple[int, int]] = field(default_factory=list)
    published: date | None = None
    published_at: datetime | None = None   # with a time of day (published.moment), on `published`
    outlet: str | None = None
    title: str | None = None
    url: str | None = None
    dateline_place: str | None = None
    dateline_date: tuple[int | None, int, int] | None = None   # (year, month, day)
    end: int = 0

    def under(self, explicit: "TextMeta | None") -> "TextMeta":
        """This metadata overridden by explicit metadata (front matter, JSON fields, HTML tags).

        The publication date comes from explicit metadata, else a "Published:"
        line, else the dateline (whose date counts only when it has a year).
        """
        explicit = explicit or TextMeta()
        dateline_date = _resolve(self.dateline_date, None) if self.dateline_date else None
        return TextMeta(
            spans=sorted(explicit.spans + self.spans),
            published=explicit.published or self.published or dateline_date,
            published_at=explicit.published_at if explicit.published else (
                self.published_at if self.published else None),
            outlet=explicit.outlet or self.outlet,
            title=explicit.title or self.title,
            url=explicit.url or self.url,
            dateline_place=self.dateline_place,
            end=self.end,
        )


def _resolve(parts: tuple[int | None, int, int], year: int | None) -> date | None:
    y, m, d = parts
    y = y if y is not None else year
    if y is None:
        return None
    try:
        return date(y, m, d)
    except ValueError:
        return None


def line_spans(text: str, start: int = 0) -> Iterator[tuple[int, int, int]]:
    """(start, end of content, end with line break) of each line from `start`.

    Only \\r\\n, \\r and \\n break lines: str.splitlines would also break on
    form feeds and U+2028, which the segmenter does not treat as line ends.
    """
    pos, size = start, len(text)
    while pos < size:
        match = _LINE_RE.match(text, pos)
        assert match is not None
        content_end = match.end(1)
        yield pos, content_end, match.end()
        pos = match.end()


_LINE_RE = re.compile(r"([^\r\n]*)(\r\n|\r|\n|$)")


# front matter ------------------------------------------------------------

_FRONT_KEYS = {
    "date": "date", "published": "date", "outlet": "outlet", "source": "outlet",
    "publisher": "outlet", "title": "title", "url": "url", "link": "url",
}
_KEY_RE = re.compile(r"[A-Za-z_][\w\- ]*")


def _key_value(line: str) -> tuple[str, str] | None:
    """`key: value` split at the first colon, both stripped; None if the line is not one.
    (Split by hand, not by a regex with lazy groups and blanks: those backtrack on long blank runs.)"""
    key, colon, value = line.partition(":")
    key = key.strip()
    if not colon or not _KEY_RE.fullmatch(key):
        return None
    return key, value.strip()


def front_matter(path: Path, text: str) -> TextMeta | None:
    """A `---` / `key: value` / `---` block at the very top, or None."""
    lines = line_spans(text)
    first = next(lines, None)
    if first is None or text[first[0]:first[1]].strip() != "---":
        return None
    values: dict[str, str] = {}
    for count, (start, content_end, end) in enumerate(lines):
        line = text[start:content_end]
        if line.strip() in ("---", "..."):
            return _front_meta(path, values, end)
        if count >= _MAX_FRONT_MATTER_LINES:
            return None
        pair = _key_value(line)
        key = _FRONT_KEYS.get(pair[0].lower()) if pair else None
        if pair and key and key not in values:
            values[key] = _unquote(pair[1])
    return None


def _front_meta(path: Path, values: dict[str, str], end: int) -> TextMeta:
    meta = TextMeta(spans=[(0, end)], end=end)
    if values.get("date"):
        meta.published = explicit_date(path, values["date"], "front matter")
        meta.published_at = published_mod.moment(values["date"], meta.published)
    meta.outlet = values.get("outlet") or None
    meta.title = values.get("title") or None
    meta.url = values.get("url") or None
    return meta


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1].strip()
    return value


def explicit_date(path: Path, value: str, where: str) -> date:
    """A date the author wrote on purpose: an unreadable one is an error, not a guess."""
    parsed = parse_date(value)
    if parsed is None:
        raise SourceError(
            path, f"{where}: cannot read date {value!r} (write it like 2025-10-22 or 22 October 2025)"
        )
    return parsed


# metadata in the body -----------------------------------------------------


def scan_metadata(text: str, start: int = 0) -> TextMeta:
    """Find "Published:" lines, a headline and a dateline at the top of `text[start:]`.

    Order matters: a dateline is tried on the first content line before that
    line may be taken as a headline ("LIMA (Reuters) - Leaders meet" is a
    dateline, not a title); after a headline the next line may hold one.
    """
    meta = TextMeta(end=start)
    content: list[tuple[int, int]] = []
    for index, (line_start, content_end, line_end) in enumerate(line_spans(text, start)):
        line = text[line_start:content_end]
        published = _published_line(line) if index < _HEAD_LINES else None
        at = (published_mod.moment(line, published)
              if index < _HEAD_LINES and (published is not None or _PUBLISHED_RE.match(line)) else None)
        if published is None and at is not None:
            published = at.date()  # "Published: 08:23, December 19, 2023": the time first
        if published is not None:
            meta.spans.append((line_start, line_end))
            meta.published = meta.published or published
            if at is not None and at.date() == meta.published:
                meta.published_at = at  # the last time given: "Updated ..., 16:05 BST" after "Published"
        elif line.strip():
            content.append((line_start, content_end))
        if len(content) >= 3 and index >= _HEAD_LINES - 1:
            break
    _headline_and_dateline(text, content, meta)
    meta.spans.sort()
    return meta


def _headline_and_dateline(text: str, content: list[tuple[int, int]], meta: TextMeta) -> None:
    """A dateline on the first content line, or after a headline, or after a headline and a
    byline ("Northgate News Agency", "By Jane Roe": a short line that is no sentence)."""
    for position, (line_start, content_end) in enumerate(content[:3]):
        line = text[line_start:content_end]
        if _dateline(line, line_start, meta):
            return
        if position == 0 and _is_headline(line):
            meta.title = _headline_text(line)
            continue
        if position == 1 and meta.title is not None and _is_headline(line):
            continue  # the byline between the headline and the dateline
        return


_PUBLISHED_RE = re.compile(
    r"^[ \t]*(?:(?:first|last|originally)[ \t]+)?"
    r"(?:published|updated|posted|modified|date)(?:[ \t]+on)?[ \t]*(?::[ \t]*)?(?P<rest>\S.*)$",
    re.IGNORECASE,
)


_BYLINE_SEPARATOR = re.compile(r"[|·•]")  # with blanks either side
_DIGIT = re.compile(r"\d")  # an outlet's name holds none


def _published_line(line: str) -> date | None:
    """'Published: 12 March 2025', or a byline that is only a full date ('*March 12, 2025*');
    either after an outlet's name and a separator ('City Radio | Updated 17 May 2025, 21:48')."""
    parts = _BYLINE_SEPARATOR.split(line)
    if (len(parts) == 2 and parts[0][-1:].isspace() and parts[1][:1].isspace()
            and parts[0].strip() and not _DIGIT.search(parts[0])):
        line = parts[1].lstrip()
    match = _PUBLISHED_RE.match(line)
    if match:  # no regex strips the trailing blanks: a lazy group before them backtracks
        return parse_date(match.group("rest").rstrip(" \t"))
    bare = line.strip().strip("*_").strip()
    if bare and bare[0].isalnum() and re.search(r"\b\d{4}\b", bare):
        return parse_date(bare)  # a date with its year and nothing else
    return None


_CLOSERS = ".!?\"'”’»…"
_NOT_HEADLINE_END = _CLOSERS + ",;:"


def _is_headline(line: str) -> bool:
    """A short line not ending like a sentence is taken for the headline."""
    stripped = _headline_text(line)
    if not stripped or stripped[-1] in _NOT_HEADLINE_END:
        return False
    return any(ch.isalpha() for ch in stripped) and len(stripped.split()) <= _MAX_TITLE_WORDS


def _headline_text(line: str) -> str:
    """The headline without Markdown heading marks or emphasis."""
    return line.strip().lstrip("#").strip().strip("*_").strip()


# datelines -------------------------------------------------------------------

_DATE_TOKEN = (
    r"(?:\d{4}[-/]\d{1,2}[-/]\d{1,2}"
    r"|\d{1,2}(?:st|nd|rd|th)?[ \t]+[A-Za-z]{3,9}\.?(?:,?[ \t]+\d{4})?"
    r"|[A-Za-z]{3,9}\.?[ \t]+\d{1,2}(?:st|nd|rd|th)?(?:,?[ \t]+\d{4})?)"
)
_PLACE_WORD = r"[^\W\d_](?:[^\W\d_]|[.'’\-](?=[^\W\d_]))*\.?"
_DATELINE_RE = re.compile(
    rf"""
    [ \t]*
    (?:(?:(?:date|dated)(?:[ \t]*:)?[ \t]+)?(?P<date>{_DATE_TOKEN})(?:[ \t]*(?:--|–|—)[ \t]*|[ \t]+))?  # "Mar. 12 -- VALLETTA - "
    (?P<place>{_PLACE_WORD}(?:[ \t]{_PLACE_WORD}){{0,3}})?
    (?:,[ \t]*+(?P<extra>[^()\n:—–]{{1,40}}?)(?<![ \t]))?  # blanks taken whole: one pass over a run (issue 10)
    (?:[ \t]*\((?P<outlet>[^()\n]{{1,40}})\))?
    (?(outlet)(?:[ \t]*(?P<sep>:|--|-|–|—))?|[ \t]*(?P<bare_sep>:|--|-|–|—))  # "Valletta, Mar 12 (Lusa) Officials": the credit ends it
    [ \t]+(?=\S)
    """,
    re.VERBOSE,
)


def _dateline(line: str, offset: int, meta: TextMeta) -> bool:
    """Record a dateline at the start of `line` ("LIMA, Oct 22 (Reuters) - "); True if found."""
    match = _DATELINE_RE.match(line)
    if not match:
        return False
    place, outlet = match.group("place"), match.group("outlet")
    when = _dateline_date(match.group("date"), match.group("extra"))
    # "Valletta, March 12 - ": a place written in title case is a dateline's only with its date
    dated_place = (when is not None and match.group("extra") is not None
                   and _date_parts(match.group("extra").strip()) is not None and place is not None
                   and _is_title_place(place))
    if place is not None and not (_is_place(place) or dated_place):
        return False
    if place is None and outlet is None:
        return False
    extra = match.group("extra")
    if extra and when is None and (place is None or not extra.strip()[:1].isupper()):
        return False                       # "PLACE, Region (AP)" needs a capitalised region
    if outlet is None and not _has_lowercase(line[match.end():]):
        return False                       # an all-capital headline "UN TREATY: NATIONS SIGN"
    meta.spans.append((offset, offset + match.end()))
    meta.dateline_place = _title_case(place) if place else None
    meta.outlet = outlet.strip() if outlet else None
    meta.dateline_date = when
    return True


def _dateline_date(first: str | None, extra: str | None) -> tuple[int | None, int, int] | None:
    for candidate in (first, extra, extra.split(",", 1)[-1] if extra else None):
        if candidate:
            parts = _date_parts(candidate.strip())
            if parts is not None:
                return parts
    return None


def _is_place(place: str) -> bool:
    letters = [ch for ch in place if ch.isalpha()]
    return (
        len(letters) >= 2
        and place == place.upper()
        and place.lower() not in lexicon.words("datelines", "not_places")
    )


def _is_title_place(place: str) -> bool:
    """'Valletta', 'New Delhi': each word capitalised, and no label ('Mr Lee' is a person)."""
    words = place.split()
    return (all(w[:1].isupper() and w[1:] == w[1:].lower() for w in words)
            and words[0].rstrip(".").lower() not in {w.lower() for w in lexicon.words("datelines", "not_place_words")})


def _has_lowercase(s: str) -> bool:
    return any(ch.islower() for ch in s)


def _title_case(place: str) -> str:
    """LIMA -> Lima, NEW YORK -> New York, O'HARE -> O'Hare."""
    return re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), place.lower())


# --------------------------------------------------------------------- dates

_TIME_TAIL_RE = re.compile(
    r"(?:[ \t]*(?:,|\||·|•|-|–|—|at)?[ \t]*"
    r"T?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\.\d+)?[ \t]*(?:[aApP]\.?[mM]\.?)?[ \t]*"
    r"(?:Z|[A-Z]{2,5}(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{1,2}(?::?\d{2})?)?)?[ \t]*\Z"
)
_ISO_RE = re.compile(r"(?P<y>\d{4})[-/](?P<m>\d{1,2})[-/](?P<d>\d{1,2})")
_DMY_RE = re.compile(
    r"(?:(?P<wd>[A-Za-z]+)\.?,?[ \t]+)?(?P<d>\d{1,2})(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?"
    r"(?P<mon>[A-Za-z]+)\.?(?:,?[ \t]+(?P<y>\d{4}))?"
)
_MDY_RE = re.compile(
    r"(?:(?P<wd>[A-Za-z]+)\.?,?[ \t]+)?(?P<mon>[A-Za-z]+)\.?[ \t]+(?P<d>\d{1,2})(?:st|nd|rd|th)?"
    r"(?:,?[ \t]+(?P<y>\d{4}))?"
)


def parse_date(text: str, *, year: int | None = None) -> date | None:
    """Read one date written the way articles write them; None if it is not one.

    Accepts 2025-10-22 (with an optional time), "12 March 2025", "March 12,
    2025", "Mar. 12, 2025", an optional weekday in front, and a year-less
    "Oct 22" when `year` is given. The whole string must be the date (a time
    may follow), so a sentence that merely contains a date is not one.
    """
    text = text.strip()
    if len(text) > _MAX_DATE_CHARS:  # no date is this long; the time-tail pattern is not linear in blanks
        return None
    parts = _date_parts(text)
    return _resolve(parts, year) if parts is not None else None


def _date_parts(text: str) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of a whole-string date, validated."""
    for pattern in (_ISO_RE, _DMY_RE, _MDY_RE):
        match = pattern.match(text)
        if match and _TIME_TAIL_RE.match(text, match.end()):
            parts = _parts_of(match)
            if parts is not None:
                return parts
    return None


def _parts_of(match: re.Match[str]) -> tuple[int | None, int, int] | None:
    groups = match.groupdict()
    if "mon" in groups:
        month = _month_names().get(groups["mon"].lower())
        weekday = groups.get("wd")
        if month is None or (weekday and weekday.lower() not in _weekday_names()):
            return None
    else:
        month = int(groups["m"])
    year = int(groups["y"]) if groups.get("y") else None
    day = int(groups["d"])
    try:
        date(year or 2000, month, day)     # 2000 is a leap year: Feb 29 stays possible
    except ValueError:
        return None
    return year, month, day


@lru_cache(maxsize=1)
def _month_names() -> dict[str, int]:
    return {k.lower(): int(v) for k, v in lexicon.load("months")["months"].items()}


@lru_cache(maxsize=1)
def _weekday_names() -> dict[str, int]:
    return {k.lower(): int(v) for k, v in lexicon.load("months")["weekdays"].items()}



# ---------------------------------------------------------- matching helpers

_MATCHING_MAP = str.maketrans(
    {
        "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'", "´": "'",
        "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"', "»": '"',
        "‹": "'", "›": "'",
        "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-", "﹘": "-",
        "\u00a0": " ", "\u1680": " ", "\u2000": " ", "\u2001": " ", "\u2002": " ",
        "\u2003": " ", "\u2004": " ", "\u2005": " ", "\u2006": " ", "\u2007": " ",
        "\u2008": " ", "\u2009": " ", "\u200a": " ", "\u202f": " ", "\u205f": " ",
        "\u3000": " ", "\t": " ",
        "\u200b": None, "\u200c": None, "\u200d": None, "\u2060": None, "\ufeff": None,
        "\u00ad": None,
    }
)


def normalise_for_matching(s: str) -> str:
    """`s` with typographic variants folded (curly quotes, dashes, odd spaces, NFKC forms).

    For comparing strings only: the result may be shorter or longer than `s`,
    so offsets must never be taken from it.
    """
    return unicodedata.normalize("NFKC", s).translate(_MATCHING_MAP)

"""Stage 1: read article files into `Source` records.

Every later offset points into `Source.text`, so the text is kept exactly as
the file holds it (line endings included; only a UTF-8 byte-order mark is
dropped). Metadata found in the text (front matter, a dateline, a
"Published:" line) is not cut out but recorded in `Source.meta_spans`, so the
segmenter can skip it while offsets stay true to the file.

Plain text and Markdown are read by hand; HTML goes through trafilatura
(boilerplate removal is a solved problem we should not re-solve) and
undeclared legacy encodings through charset-normalizer.
"""
from __future__ import annotations

import json
import os
import re
import stat
import unicodedata
import warnings
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

from . import entries, lexicon
from . import published as published_mod
from . import western as western_mod
from .errors import SourceError
from .records import Source

SUPPORTED_SUFFIXES: tuple[str, ...] = (".txt", ".md", ".html", ".htm", ".json", ".jsonl")
DEFAULT_MAX_BYTES = 5_000_000

_SUPPORTED_LIST = ", ".join(SUPPORTED_SUFFIXES)
_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_HEAD_LINES = 5            # "Published:" lines are looked for this far down
_MAX_TITLE_WORDS = 20
_MAX_FRONT_MATTER_LINES = 50
_MAX_DATE_CHARS = 80       # "Wednesday, 22nd of October 2025, 10:45:00.000 p.m. GMT+05:30" fits
_LEGACY_DEFAULT = "cp1252"  # wins ties in encoding detection
_CONTROL_SHARE = 0.01      # more control characters than this: not text


class SourceWarning(UserWarning):
    """A source was read, but not the way its author may have meant (e.g. not UTF-8)."""


# ---------------------------------------------------------------- reading


def read_sources(
    paths: Sequence[str | Path],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    skip_bad: bool = False,
    reader: Callable[[Path, int], list[Source]] | None = None,
    follow_links: bool = False,
) -> tuple[list[Source], list[SourceError]]:
    """Read files and folders of articles; return sources sorted by id and the problems.

    Every file is tried before anything is raised, so the user learns about
    all bad files at once. Without `skip_bad` the first bad file (by path) is
    raised; with it the good sources are returned along with the problems.
    A missing path, a folder without sources and duplicate ids are raised in
    both modes: none of them can be fixed by skipping a file. `reader(path,
    max_bytes)` replaces `read_source` (the incremental path remembers files).
    In a folder, a symbolic link leading out of it is a bad file unless `follow_links`, and so are
    dangling links, link loops and anything not a regular file (a FIFO would block the run).
    """
    plan, problems = _plan(paths, follow_links)
    sources: list[Source] = []
    for folder, files in plan:
        found = _read_many(files, max_bytes, problems, reader)
        if folder is not None and not found and skip_bad:
            raise SourceError(folder, f"no readable sources in {folder} (every file was bad)")
        sources.extend(found)
    problems.sort(key=lambda e: (e.path, e.problem))
    if problems and not skip_bad:
        raise _first_problem(problems)
    _check_unique_ids(sources)
    sources.sort(key=lambda s: s.id)
    return sources, problems


def read_source(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Source]:
    """Read one file into its sources (a .jsonl file holds several articles)."""
    path = Path(path)
    _check_is_file(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise SourceError(path, _unsupported(suffix))
    raw = _read_bytes(path, max_bytes)
    text, encoding = _decode(path, raw)
    return _READERS[suffix](path, text, encoding)


def _plan(paths: Sequence[str | Path],
          follow_links: bool = False) -> tuple[list[tuple[Path | None, list[Path]]], list[SourceError]]:
    """Resolve each path to the files to read, checking every path exists first; entries of a
    folder that cannot be read as a file (see `_folder_files`) are returned as problems."""
    plan: list[tuple[Path | None, list[Path]]] = []
    problems: list[SourceError] = []
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        if not path.exists():
            raise SourceError(path, "no such file or folder")
        if (path.is_dir() and path.is_symlink() and not follow_links
                and not path.resolve().is_relative_to(path.absolute().parent.resolve())):
            raise SourceError(path, "symbolic link to a folder elsewhere, not followed (use --follow-links to read it)")
        if path.is_dir():
            files = _folder_files(path, follow_links, problems)
            base = path.resolve()  # a file that is no symlink resolves to its name in the resolved folder
            resolved = [f.resolve() if f.is_symlink() else base / f.name for f in files]
        else:
            files = [path]
            resolved = [path.resolve()]
        unseen = [f for f, r in zip(files, resolved) if r not in seen]
        seen.update(resolved)
        plan.append((path if path.is_dir() else None, unseen))
    return plan, problems


def _folder_files(folder: Path, follow_links: bool = False, problems: list[SourceError] | None = None) -> list[Path]:
    """Visible files of a folder, by name; a folder without any article file is an error.

    Sub-folders are skipped. Links are followed only to regular files inside the folder (anywhere
    with `follow_links`); a dangling link, a link loop, a link leaving the folder and a FIFO, socket
    or device each add one problem naming the entry.
    """
    problems = problems if problems is not None else []
    base = folder.resolve()
    files: list[Path] = []
    bad = 0
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if entry.name.startswith("."):
            continue
        problem = entries.problem(entry, base, follow_links)
        if problem == "folder":
            continue
        if problem:
            problems.append(SourceError(entry, problem))
            bad += entry.suffix.lower() in SUPPORTED_SUFFIXES
        else:
            files.append(entry)
    if not bad and not any(p.suffix.lower() in SUPPORTED_SUFFIXES for p in files):
        raise SourceError(folder, f"no sources found in {folder} (looked for {_SUPPORTED_LIST})")
    return files


def _read_many(files: list[Path], max_bytes: int, problems: list[SourceError],
               reader: Callable[[Path, int], list[Source]] | None = None) -> list[Source]:
    found: list[Source] = []
    for path in files:
        try:
            found.extend(reader(path, max_bytes) if reader is not None else read_source(path, max_bytes=max_bytes))
        except SourceError as exc:
            problems.append(exc)
    return found


def _first_problem(problems: list[SourceError]) -> SourceError:
    """The first problem, telling how many more there are (the user fixes them all at once)."""
    first = problems[0]
    if len(problems) == 1:
        return first
    more = len(problems) - 1
    return SourceError(first.path, f"{first.problem} (and {more} more bad file{'s' if more > 1 else ''})")


def _check_unique_ids(sources: list[Source]) -> None:
    """Two files with one id (a.txt and a.md) would make claim ids ambiguous."""
    owner: dict[str, Path] = {}
    for source in sorted(sources, key=lambda s: (s.id, str(s.path))):
        if source.id in owner:
            first = owner[source.id]
            raise SourceError(
                source.path,
                f"duplicate source id {source.id!r}: both {first} and {source.path} give it; rename one",
            )
        owner[source.id] = source.path


def _check_is_file(path: Path) -> None:
    if not path.exists():
        raise SourceError(path, "no such file or folder")
    if path.is_dir():
        raise SourceError(path, "is a folder, not a file")
    if not path.is_file():
        raise SourceError(path, "not a regular file")


def _unsupported(suffix: str) -> str:
    kind = suffix if suffix else "(no extension)"
    return f"unsupported file type {kind} (supported: {_SUPPORTED_LIST})"


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, refusing oversize files before reading them."""
    try:  # opened without blocking, then checked: a FIFO swapped in after the listing cannot hang us
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            st = os.fstat(handle.fileno())
            if not stat.S_ISREG(st.st_mode):
                raise SourceError(path, "not a regular file")
            if st.st_size > max_bytes:
                raise SourceError(path, _too_big(st.st_size, max_bytes))
            raw = handle.read(max_bytes + 1)
    except PermissionError:
        raise SourceError(path, "cannot read: permission denied") from None
    except OSError as exc:
        raise SourceError(path, f"cannot read: {(exc.strerror or str(exc)).lower()}") from None
    if len(raw) > max_bytes:          # the file grew after stat()
        raise SourceError(path, _too_big(len(raw), max_bytes))
    if not raw:
        raise SourceError(path, "empty file")
    return raw


def _too_big(size: int, limit: int) -> str:
    shown, shown_limit = _human_size(size), _human_size(limit)
    if shown == shown_limit:
        shown, shown_limit = f"{size:,} bytes", f"{limit:,} bytes"
    return f"file is {shown}, over the {shown_limit} limit"


def _human_size(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB"
    if n >= 1_000:
        return f"{n / 1_000:.1f} kB"
    return f"{n} bytes"


# --------------------------------------------------------------- decoding


def _decode(path: Path, raw: bytes) -> tuple[str, str]:
    """Decode the bytes to the text every offset refers to; warn if not UTF-8."""
    if raw.startswith(_UTF8_BOM):
        text, encoding = _strict(path, raw[len(_UTF8_BOM):], "utf-8"), "utf-8"
    elif raw.startswith(_UTF16_BOMS):
        text, encoding = _strict(path, raw, "utf-16"), "utf-16"
    else:
        text, encoding = _decode_unmarked(path, raw)
    if encoding not in ("utf-8", "ascii"):
        warnings.warn(f"{path}: not UTF-8, read as {encoding}", SourceWarning, stacklevel=3)
    if _looks_binary(text):
        raise SourceError(path, "binary file, not an article")
    if not text.strip():
        raise SourceError(path, "no text: the file holds only whitespace")
    return text, encoding


def _strict(path: Path, raw: bytes, encoding: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        raise SourceError(path, "binary file, not an article") from None


def _decode_unmarked(path: Path, raw: bytes) -> tuple[str, str]:
    if b"\x00" in raw:
        raise SourceError(path, "binary file, not an article")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    western = western_mod.decode(raw, _LEGACY_DEFAULT)
    if western is not None:
        return western
    from charset_normalizer import from_bytes  # only needed for legacy encodings

    matches = from_bytes(raw)
    best = matches.best()
    if best is None or not best.encoding:
        raise SourceError(path, "binary file, not an article")
    encoding = _prefer_windows_1252(best, list(matches))
    return _strict(path, raw, encoding), encoding


def _prefer_windows_1252(best: Any, matches: list[Any]) -> str:
    """Break the detector's ties in favour of windows-1252.

    For Western text charset-normalizer often ranks cp1250 and cp1252 equal
    and returns the first ("à" becomes "ŕ"). windows-1252 is what browsers
    assume for unlabelled pages (WHATWG) and the usual legacy encoding of
    English and Western European news, so it wins a tie.
    """
    for match in matches:
        tied = match.chaos == best.chaos and match.coherence == best.coherence
        if tied and _LEGACY_DEFAULT in match.could_be_from_charset:
            return _LEGACY_DEFAULT
    return str(best.encoding)


def _looks_binary(text: str) -> bool:
    """Control characters (other than layout ones) do not occur in articles."""
    if "\x00" in text:
        return True
    controls = len(_CONTROL_RE.findall(text))
    return controls > max(1, len(text) * _CONTROL_SHARE)


# Unicode category Cc minus the layout characters \t \n \v \f \r.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


# ------------------------------------------------------- text and markdown


def _read_text(path: Path, text: str, encoding: str) -> list[Source]:
    """.txt / .md: the file's own text, with its metadata found and marked."""
    front = _front_matter(path, text)
    body_meta = _scan_metadata(text, front.end if front else 0)
    if front and not text[front.end:].strip():
        raise SourceError(path, "no article text after the front matter")
    meta = body_meta.under(front)
    return [_source(path.stem, path, text, meta, "file", encoding)]


@dataclass
class _TextMeta:
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

    def under(self, explicit: "_TextMeta | None") -> "_TextMeta":
        """This metadata overridden by explicit metadata (front matter, JSON fields, HTML tags).

        The publication date comes from explicit metadata, else a "Published:"
        line, else the dateline (whose date counts only when it has a year).
        """
        explicit = explicit or _TextMeta()
        dateline_date = _resolve(self.dateline_date, None) if self.dateline_date else None
        return _TextMeta(
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


def _lines(text: str, start: int = 0) -> Iterator[tuple[int, int, int]]:
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


def _front_matter(path: Path, text: str) -> _TextMeta | None:
    """A `---` / `key: value` / `---` block at the very top, or None."""
    lines = _lines(text)
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


def _front_meta(path: Path, values: dict[str, str], end: int) -> _TextMeta:
    meta = _TextMeta(spans=[(0, end)], end=end)
    if values.get("date"):
        meta.published = _explicit_date(path, values["date"], "front matter")
        meta.published_at = published_mod.moment(values["date"], meta.published)
    meta.outlet = values.get("outlet") or None
    meta.title = values.get("title") or None
    meta.url = values.get("url") or None
    return meta


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1].strip()
    return value


def _explicit_date(path: Path, value: str, where: str) -> date:
    """A date the author wrote on purpose: an unreadable one is an error, not a guess."""
    parsed = parse_date(value)
    if parsed is None:
        raise SourceError(
            path, f"{where}: cannot read date {value!r} (write it like 2025-10-22 or 22 October 2025)"
        )
    return parsed


# metadata in the body -----------------------------------------------------


def _scan_metadata(text: str, start: int = 0) -> _TextMeta:
    """Find "Published:" lines, a headline and a dateline at the top of `text[start:]`.

    Order matters: a dateline is tried on the first content line before that
    line may be taken as a headline ("LIMA (Reuters) - Leaders meet" is a
    dateline, not a title); after a headline the next line may hold one.
    """
    meta = _TextMeta(end=start)
    content: list[tuple[int, int]] = []
    for index, (line_start, content_end, line_end) in enumerate(_lines(text, start)):
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
        if len(content) >= 2 and index >= _HEAD_LINES - 1:
            break
    _headline_and_dateline(text, content, meta)
    meta.spans.sort()
    return meta


def _headline_and_dateline(text: str, content: list[tuple[int, int]], meta: _TextMeta) -> None:
    for position, (line_start, content_end) in enumerate(content[:2]):
        line = text[line_start:content_end]
        if _dateline(line, line_start, meta):
            return
        if position == 0 and _is_headline(line):
            meta.title = _headline_text(line)
            continue
        return


_PUBLISHED_RE = re.compile(
    r"^[ \t]*(?:(?:first|last|originally)[ \t]+)?"
    r"(?:published|updated|posted|modified|date)(?:[ \t]+on)?[ \t]*(?::[ \t]*)?(?P<rest>\S.*)$",
    re.IGNORECASE,
)


def _published_line(line: str) -> date | None:
    """'Published: 12 March 2025', or a byline that is only a full date ('*March 12, 2025*')."""
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
    (?:(?:date|dated)(?:[ \t]*:)?[ \t]+(?P<date>{_DATE_TOKEN})[ \t]+)?
    (?P<place>{_PLACE_WORD}(?:[ \t]{_PLACE_WORD}){{0,3}})?
    (?:,[ \t]*+(?P<extra>[^()\n:—–]{{1,40}}?)(?<![ \t]))?  # blanks taken whole: one pass over a run (issue 10)
    (?:[ \t]*\((?P<outlet>[^()\n]{{1,40}})\))?
    (?:[ \t]*(?P<sep>:|--|-|–|—))
    [ \t]+(?=\S)
    """,
    re.VERBOSE,
)


def _dateline(line: str, offset: int, meta: _TextMeta) -> bool:
    """Record a dateline at the start of `line` ("LIMA, Oct 22 (Reuters) - "); True if found."""
    match = _DATELINE_RE.match(line)
    if not match:
        return False
    place, outlet = match.group("place"), match.group("outlet")
    when = _dateline_date(match.group("date"), match.group("extra"))
    if place is not None and not _is_place(place):
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


# ---------------------------------------------------------------------- HTML


def _read_html(path: Path, text: str, encoding: str) -> list[Source]:
    """.html / .htm: the article body and its metadata, as trafilatura extracts them."""
    import trafilatura  # ~0.15 s to import; most runs read no HTML

    # favor_recall keeps article text in "teaser" blocks, which the default mode drops
    # before falling back to one line of the whole page (headline, bylines and boxes
    # glued into the first sentence). Measured on tests/fixtures: the same text for
    # every other page, and no boilerplate added (tests/test_sources.py).
    document = trafilatura.bare_extraction(
        text,
        favor_recall=True,
        with_metadata=True,
        include_comments=False,
        include_images=False,
        include_links=False,
        include_tables=True,
        date_extraction_params={"original_date": True, "extensive_search": False},
    )
    title = _clean(getattr(document, "title", None)) if document else None
    body = _drop_title_line(getattr(document, "text", None) or "", title) if document else ""
    if not body.strip():
        raise SourceError(path, "no article text found in HTML")
    explicit = _TextMeta(
        published=parse_date(getattr(document, "date", None) or ""),
        outlet=_clean(getattr(document, "sitename", None)),
        title=title,
        url=_clean(getattr(document, "url", None)),
    )
    if explicit.published is not None:
        explicit.published_at = published_mod.html_moment(text, explicit.published)
    meta = _scan_metadata(body).under(explicit)
    return [_source(path.stem, path, body, meta, "html", encoding)]


def _drop_title_line(body: str, title: str | None) -> str:
    """The headline is metadata (Source.title), not a sentence of the body."""
    if not title:
        return body
    first, _, rest = body.partition("\n")
    if normalise_for_matching(first).strip().lower() == normalise_for_matching(title).strip().lower():
        return rest.lstrip("\r\n")
    return body


def _clean(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _source(source_id: str, path: Path, text: str, meta: _TextMeta, origin: str, encoding: str) -> Source:
    return Source(
        id=source_id,
        path=path,
        text=text,
        published=meta.published,
        outlet=meta.outlet,
        title=meta.title,
        url=meta.url,
        meta_spans=tuple(meta.spans),
        dateline_place=meta.dateline_place,
        text_origin=origin,
        encoding=encoding,
        published_at=meta.published_at,
    )


# ---------------------------------------------------------------------- JSON

_JSON_FIELDS = ("text", "title", "date", "published", "outlet", "url", "id")


def _read_json(path: Path, text: str, encoding: str) -> list[Source]:
    """.json: one article object."""
    data = _parse_json(path, text, where="")
    if isinstance(data, list):
        raise SourceError(path, "expected one JSON object, found a list (for several articles use .jsonl)")
    return [_json_source(path, data, path.stem, "", encoding)]


def _read_jsonl(path: Path, text: str, encoding: str) -> list[Source]:
    """.jsonl: one article object per non-empty line."""
    sources: list[Source] = []
    lines_of_id: dict[str, int] = {}
    for number, (start, content_end, _end) in enumerate(_lines(text), start=1):
        line = text[start:content_end]
        if not line.strip():
            continue
        where = f"line {number}: "
        data = _parse_json(path, line, where=where)
        source = _json_source(path, data, f"{path.stem}#{len(sources) + 1}", where, encoding)
        if source.id in lines_of_id:
            raise SourceError(path, f"{where}duplicate id {source.id!r} (also on line {lines_of_id[source.id]})")
        lines_of_id[source.id] = number
        sources.append(source)
    return sources


def _parse_json(path: Path, text: str, *, where: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        at = "" if where else f"line {exc.lineno}: "
        raise SourceError(path, f"{where}{at}not valid JSON ({exc.msg})") from None
    except RecursionError:
        raise SourceError(path, f"{where}not valid JSON (nested too deeply)") from None


def _json_source(path: Path, data: Any, default_id: str, where: str, encoding: str) -> Source:
    if not isinstance(data, dict):
        raise SourceError(path, f"{where}expected a JSON object with a \"text\" field")
    if "text" not in data:
        raise SourceError(path, f"{where}missing \"text\" field")
    fields = {name: _json_string(path, data, name, where) for name in _JSON_FIELDS}
    body = fields["text"] or ""
    if not body.strip():
        raise SourceError(path, f"{where}\"text\" field is empty")
    raw_date = fields["date"] or fields["published"]
    explicit = _TextMeta(
        published=_explicit_date(path, raw_date, f"{where}\"date\"") if raw_date else None,
        outlet=fields["outlet"] or None,
        title=fields["title"] or None,
        url=fields["url"] or None,
    )
    if raw_date and explicit.published is not None:
        explicit.published_at = published_mod.moment(raw_date, explicit.published)
    meta = _scan_metadata(body).under(explicit)
    return _source(fields["id"] or default_id, path, body, meta, "json", encoding)


def _json_string(path: Path, data: dict[str, Any], name: str, where: str) -> str | None:
    """A field as a string; ids may be numbers, other fields must be strings or null."""
    value = data.get(name)
    if value is None:
        return None
    if name == "id" and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise SourceError(path, f"{where}\"{name}\" must be a string, not {type(value).__name__}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:  # "\ud800": JSON allows it, no text file can hold it
        bad = value[exc.start]
        raise SourceError(path, f"{where}\"{name}\" holds a lone surrogate (\\u{ord(bad):04x}), not text") from None
    # metadata is one line: a line break in an id or outlet would break claims.csv and forge log lines
    return " ".join(value.split()) if name != "text" else value


_READERS: dict[str, Callable[[Path, str, str], list[Source]]] = {
    ".txt": _read_text,
    ".md": _read_text,
    ".html": _read_html,
    ".htm": _read_html,
    ".json": _read_json,
    ".jsonl": _read_jsonl,
}


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

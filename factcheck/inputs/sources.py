"""Stage 1: read article files into `Source` records.

Every later offset points into `Source.text`, so the text is kept exactly as
the file holds it (line endings included; only a UTF-8 byte-order mark is
dropped). Metadata found in the text (front matter, a dateline, a
"Published:" line) is not cut out but recorded in `Source.meta_spans`, so the
segmenter can skip it while offsets stay true to the file.

This module holds the public API (`read_sources`, `read_source`), walking
folders, reading bytes safely and decoding them: undeclared legacy encodings go
through charset-normalizer. Each file type is then read by `article_formats`
(plain text and Markdown by hand, HTML through trafilatura, JSON), and the
metadata in the text is found by `article_meta`. `parse_date` and
`normalise_for_matching` live in `article_meta` and are importable from here.
"""
from __future__ import annotations

import os
import re
import stat
import warnings
from pathlib import Path
from typing import Any, Callable, Sequence

from . import entries
from . import western as western_mod
from .article_formats import READERS
from .article_meta import normalise_for_matching, parse_date
from ..errors import SourceError
from ..records import Source

__all__ = [
    "DEFAULT_MAX_BYTES", "SUPPORTED_SUFFIXES", "SourceWarning", "normalise_for_matching", "parse_date",
    "read_source", "read_sources",
]

SUPPORTED_SUFFIXES: tuple[str, ...] = (".txt", ".md", ".html", ".htm", ".json", ".jsonl")
DEFAULT_MAX_BYTES = 5_000_000

_SUPPORTED_LIST = ", ".join(SUPPORTED_SUFFIXES)
_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
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
    return READERS[suffix](path, text, encoding)


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

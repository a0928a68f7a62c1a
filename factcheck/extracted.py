"""Extracted article text, kept beside claims.csv.

For HTML and JSON sources the claim offsets refer to the text factcheck
extracted (the article body trafilatura found, the JSON "text" field), not
to the file on disk. A reader of claims.csv, a report or a `check`
annotation needs that text to make sense of `start`/`end`, so `run` writes
it to `<folder of claims.csv>/.factcheck-extracted/<source id>.txt` and the
`text_file` column names it, relative to claims.csv.
"""
from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path, PurePosixPath
from typing import Iterable

from .records import Source

FOLDER = ".factcheck-extracted"
_SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._#-]{0,99}")
_UNSAFE_CHAR = re.compile(r"[^A-Za-z0-9._#-]+")


def relative_path(source: Source) -> str:
    """The `text_file` cell of a source: '' for plain files, else a POSIX path relative to claims.csv.

    Source ids of JSON articles come from the file's "id" field, so they may
    hold '/', '..' or characters a file system refuses: those are replaced
    and a short hash of the id keeps two such ids apart.
    """
    if source.text_origin == "file":
        return ""
    return str(PurePosixPath(FOLDER) / _file_name(source.id))


def _file_name(source_id: str) -> str:
    if _SAFE_ID.fullmatch(source_id) and not source_id.endswith("."):
        return source_id + ".txt"
    digest = hashlib.sha1(source_id.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    stem = _UNSAFE_CHAR.sub("_", source_id).strip("._")[:80]
    return f"{stem}-{digest}.txt" if stem else f"{digest}.txt"


def write(sources: Iterable[Source], table_path: str | os.PathLike[str]) -> list[Path]:
    """Write the extracted text of every non-file source beside `table_path`, atomically.

    The text is written exactly (UTF-8, line endings untouched), so offsets
    in claims.csv index it as they index `Source.text`. Returns the paths
    written, in source order.
    """
    from .table import write_atomic  # table imports this module for `relative_path`

    base = Path(table_path).parent
    written: list[Path] = []
    for source in sources:
        relative = relative_path(source)
        if not relative:
            continue
        target = base / relative
        write_atomic(target, source.text)
        written.append(target)
    return written


def read(table_path: str | os.PathLike[str], text_file: str) -> str:
    """The text a claims.csv row's offsets refer to, given its `text_file` cell.

    Read with newline='' so '\\r\\n' stays two characters, as it was in
    `Source.text`.
    """
    path = Path(table_path).parent / text_file
    with path.open("r", encoding="utf-8", newline="") as handle:
        return handle.read()

"""Extracted article text, kept beside claims.csv.

For HTML and JSON sources the claim offsets refer to the text factcheck
extracted (the article body trafilatura found, the JSON "text" field), not
to the file on disk. A reader of claims.csv, a report or a `check`
annotation needs that text to make sense of `start`/`end`, so `run` writes
it to `<folder of claims.csv>/.factcheck-extracted/<source id>~<digest>.txt` and the
`text_file` column names it, relative to claims.csv.
"""
from __future__ import annotations

import hashlib
import os
import re
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Iterable

from . import outputs
from ..errors import OutputError
from ..records import Source

FOLDER = ".factcheck-extracted"
_SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._#-]{0,99}")
_SAFE_CHAR = re.compile(r"[a-z0-9._#-]")
_MAX_NAME = 150  # characters of a file name before ".txt"


def relative_path(source: Source) -> str:
    """The `text_file` cell of a source: '' for plain files, else a POSIX path relative to claims.csv.

    The name is the id made a file name (`_file_name`) and the first 16 hex digits of the text's
    SHA-256: `<id>~<digest>.txt`.
    """
    if source.text_origin == "file":
        return ""
    name = _file_name(source.id)
    # the text's digest in the name: a text is never overwritten by another one, so a claims.csv
    # left by an earlier (or failed) run still points into the text its offsets index
    return str(PurePosixPath(FOLDER) / f"{name[:-len('.txt')]}~{_digest(source.text)}.txt")


@lru_cache(maxsize=4096)
def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _file_name(source_id: str) -> str:
    """A file name for `source_id`, distinct for distinct ids by construction.

    A safe id is its own name. Any other id is percent-encoded (UTF-8 bytes of every character
    outside small letters, digits, `.`, `_`, `-`, `#`, and of a leading or trailing dot), so its name holds a
    `%` or starts with a character no safe id starts with; an encoding too long for a file name is
    cut and ends in `~` and the id's full SHA-256. Encoding is injective, so two ids never share a file.
    """
    if _SAFE_ID.fullmatch(source_id) and not source_id.endswith("."):
        return source_id + ".txt"
    # capitals are encoded too, so names stay distinct on a case-insensitive file system
    encoded = "".join(c if _SAFE_CHAR.fullmatch(c) else _percent(c) for c in source_id)
    if encoded.startswith("."):
        encoded = "%2E" + encoded[1:]
    if encoded.endswith("."):
        encoded = encoded[:-1] + "%2E"
    if not encoded:
        encoded = "%"
    if len(encoded) > _MAX_NAME:
        digest = hashlib.sha256(source_id.encode("utf-8", "surrogatepass")).hexdigest()
        encoded = encoded[:_MAX_NAME - 65] + "~" + digest
    return encoded + ".txt"


def _percent(char: str) -> str:
    return "".join(f"%{b:02X}" for b in char.encode("utf-8", "surrogatepass"))


def folder(table_path: str | os.PathLike[str]) -> Path:
    """The folder of extracted texts beside `table_path`, refused when it is a symbolic link
    (writing through it would put attacker-named files wherever it points)."""
    target = Path(table_path).parent / FOLDER
    if target.is_symlink():
        raise OutputError(f"{target} is a symbolic link: factcheck will not write through it "
                          "(remove it and run again)")
    return target


def plan(sources: Iterable[Source], table_path: str | os.PathLike[str]) -> list[tuple[Path, Source]]:
    """Where each extracted text goes, checked before anything is written: the folder is no link,
    and no two sources share a file (even on a case-insensitive file system)."""
    base = Path(table_path).parent
    targets: list[tuple[Path, Source]] = []
    owner: dict[str, str] = {}
    for source in sources:
        relative = relative_path(source)
        if not relative:
            continue
        folder(table_path)
        name = relative.casefold()  # only ids differing in case alone can meet here
        if name in owner and owner[name] != source.id:
            raise OutputError(f"sources {owner[name]!r} and {source.id!r} would share one extracted text on a "
                              f"case-insensitive file system ({relative}): rename one")
        owner[name] = source.id
        targets.append((base / relative, source))
    return targets


def write(sources: Iterable[Source], table_path: str | os.PathLike[str]) -> list[Path]:
    """Write the extracted text of every non-file source beside `table_path`, atomically.

    The text is written exactly (UTF-8, line endings untouched), so offsets
    in claims.csv index it as they index `Source.text`. A file already holding
    the text is left alone. Returns the paths written, in source order.
    """

    written: list[Path] = []
    for target, source in plan(sources, table_path):
        data = source.text.encode("utf-8", "surrogatepass")
        try:
            if target.is_file() and not target.is_symlink() and target.read_bytes() == data:
                continue  # already there, byte for byte (its name holds its digest)
        except OSError:
            pass
        outputs.write_atomic(target, data)
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

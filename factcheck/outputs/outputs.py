"""Where factcheck may write: an output never replaces an input, and never lands where the next run reads."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from . import table
from ..errors import OutputPathError


def is_special(path: str | os.PathLike[str]) -> bool:
    """Whether `path` exists and is not a regular file (/dev/null, a FIFO): written to directly."""
    return table.is_special(Path(path))


def check_out(out: str | os.PathLike[str], option: str, inputs: Iterable[str | os.PathLike[str]] = (),
              source_paths: Iterable[str | os.PathLike[str]] = ()) -> None:
    """Refuse an output path that is a folder, that resolves to one of `inputs` (claims.csv,
    review.csv, a source file) or that lies in a sources folder (the next run would read it)."""
    target = Path(out)
    if target.is_dir():
        raise OutputPathError(f"{option} {target}: is a folder; give a file name")
    if is_special(target):
        return
    resolved = target.resolve()
    for given in inputs:
        if Path(given).exists() and resolved == Path(given).resolve():
            raise OutputPathError(f"{option} {target}: is an input of this command ({given}); choose another file")
    for given in source_paths:
        path = Path(given)
        if path.is_file() and resolved == path.resolve():
            raise OutputPathError(f"{option} {target}: is a source file; choose another file")
        if path.is_dir() and resolved.is_relative_to(path.resolve()):
            raise OutputPathError(f"{option} {target}: is inside the sources folder {given}, where the next run "
                                  "would read it; write it elsewhere")

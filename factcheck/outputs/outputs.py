"""Where and how factcheck writes: an output never replaces an input, never lands where the next
run reads, and is never left half-written (`write_atomic`)."""
from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path
from typing import Iterable

from ..errors import OutputPathError


def write_atomic(path: str | os.PathLike[str], text: str | bytes, *, durable: bool = True) -> None:
    """Write to a temporary file beside `path`, then rename: never a half-written file.

    The temporary file is created private (0600); before the rename it gets
    the old file's permissions, or the umask's for a new file, so replacing
    claims.csv never makes it unreadable to the people sharing it.
    """
    target = Path(path)
    data = text.encode("utf-8") if isinstance(text, str) else text
    if is_special(target):  # /dev/null, a FIFO: written to, never replaced by a regular file
        with open(target, "wb") as handle:
            handle.write(data)
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if durable:  # files people rely on survive a crash; a cache entry need not
                handle.flush()
                os.fsync(handle.fileno())
        os.chmod(tmp, _mode_for(target))
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def is_special(target: str | os.PathLike[str]) -> bool:
    """Whether `target` exists and is not a regular file nor a folder (/dev/null, a FIFO): written to directly."""
    try:
        mode = os.stat(target).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def _mode_for(target: Path) -> int:
    """The permission bits a replacement of `target` should have."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


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

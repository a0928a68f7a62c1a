"""What is in a sources folder besides articles: links, link loops, FIFOs.

A pull request controls the sources folder. A symbolic link there can point
at any file on the CI machine (its text would land in claims.csv and the CI
log), a dangling one or a loop cannot be read, and opening a FIFO blocks the
run. Each such entry is one problem naming it; a link leaving the folder is
followed only when the user asks (`--follow-links`).
"""
from __future__ import annotations

import errno
import stat
from pathlib import Path


def problem(entry: Path, base: Path, follow_links: bool) -> str:
    """'' for a file to read, 'folder' for a sub-folder (skipped), else what is wrong with the entry."""
    try:
        mode = entry.lstat().st_mode
    except OSError as exc:
        return f"cannot read: {(exc.strerror or str(exc)).lower()}"
    if stat.S_ISLNK(mode):
        try:
            target = entry.resolve(strict=True)
            mode = target.stat().st_mode
        except FileNotFoundError:
            return "dangling symbolic link (its target does not exist)"
        except (RuntimeError, OSError) as exc:
            if isinstance(exc, RuntimeError) or getattr(exc, "errno", None) == errno.ELOOP:
                return "symbolic link loop"
            return f"cannot read: {(exc.strerror or str(exc)).lower()}"
        if stat.S_ISDIR(mode):
            return "folder"
        if not follow_links and not target.is_relative_to(base):
            return "symbolic link to a file outside the folder, not followed (use --follow-links to read it)"
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISREG(mode):
        return ""
    kind = "a FIFO" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device"
    return f"not a regular file ({kind})"

"""Per-source cache of extracted claims, so re-runs only extract what changed.

An entry is keyed by a SHA-256 of the source as read (its id, text and the
metadata extraction uses, which are a function of the file's bytes) together
with a fingerprint of the code and data that extract claims: the factcheck
version and a hash of the package's modules and data files. Editing a word
list, a rule or an article therefore misses the cache; nothing else does.
The folder is disposable: deleting it (or any entry) only costs time, a
corrupt entry is ignored and rewritten, and writes are atomic.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import __version__
from .records import Claim, Source

DEFAULT_DIR = ".factcheck-cache"
# bump when the entry layout changes
LAYOUT = 1


@dataclass(frozen=True)
class Extracted:
    """What extraction yields for one source: its claims and its story features."""

    claims: tuple[Claim, ...]
    features: frozenset[str]


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of the factcheck version, modules and packaged data: rules changed, cache stale."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256(f"{__version__}|{LAYOUT}".encode())
    for path in sorted([*package.glob("*.py"), *(package / "data").glob("*")]):
        if path.is_file():
            digest.update(path.relative_to(package).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()


def source_key(source: Source) -> str:
    """The cache key of one source: its content and metadata plus the code fingerprint."""
    digest = hashlib.sha256(code_fingerprint().encode())
    meta = repr((source.id, source.published, source.outlet, source.title, source.url, source.meta_spans,
                 source.dateline_place, source.text_origin))
    digest.update(meta.encode("utf-8", "surrogatepass") + b"\0")
    digest.update(source.text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


class Cache:
    """A folder of pickled `Extracted` entries, one file per source key."""

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder)

    def _path(self, key: str) -> Path:
        return self.folder / f"v{LAYOUT}" / key[:2] / f"{key}.pkl"

    def get(self, key: str) -> Extracted | None:
        """The entry, or None when missing or unreadable (it will be rewritten)."""
        try:
            with open(self._path(key), "rb") as handle:
                value = pickle.load(handle)
        except FileNotFoundError:
            return None
        except Exception:  # a truncated or foreign file: treat as a miss
            return None
        return value if isinstance(value, Extracted) else None

    def put(self, key: str, value: Extracted) -> None:
        """Write atomically (temporary file, then rename); a failed write is only a lost entry."""
        path = self._path(key)
        try:
            if not path.parent.is_dir():
                path.parent.mkdir(parents=True, exist_ok=True)
                ignore = self.folder / ".gitignore"
                if not ignore.exists():
                    ignore.write_text("# made by factcheck: a disposable cache\n*\n", encoding="utf-8")
            fd, tmp = tempfile.mkstemp(prefix=".entry.", suffix=".tmp", dir=path.parent)
            try:
                with os.fdopen(fd, "wb") as handle:
                    pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, path)
            except BaseException:
                try:
                    os.unlink(tmp)
                except FileNotFoundError:
                    pass
                raise
        except OSError:
            pass  # a read-only or full disk must not fail the run: the cache is an optimisation

"""Per-source cache of extracted claims, and per-story cache of matches and
conflicts, so re-runs only extract what changed and only re-match the stories
a changed article belongs to.

An entry is keyed by a SHA-256 of the source as read (its id, text and the
metadata extraction uses, which are a function of the file's bytes) together
with a fingerprint of the code and data that extract claims: the factcheck
version and a hash of the package's modules and data files. Editing a word
list, a rule or an article therefore misses the cache; nothing else does.
A story entry is keyed by the code fingerprint and the keys of the story's
sources in order: matching and comparison of a story depend on nothing else
(each story has its own IDF), so an entry is valid exactly as long as the
story holds the same articles. Beside them, `incremental.Snapshot` keeps one
file per folder (files by stat, story features, per-story claims.csv rows) so
a warm run reads one file instead of thousands. The folder is disposable: deleting it (or any entry) only costs time, a
corrupt entry is ignored and rewritten, and writes are atomic.
"""
from __future__ import annotations

import hashlib
import os
import pickle
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from . import __version__, table
from .records import Claim, Source

if TYPE_CHECKING:
    from .compare import Conflict
    from .match import Match

DEFAULT_DIR = ".factcheck-cache"
# bump when the entry layout changes
LAYOUT = 1


@dataclass(frozen=True)
class Extracted:
    """What extraction yields for one source: its claims and its story features."""

    claims: tuple[Claim, ...]
    features: frozenset[str]


@dataclass(frozen=True)
class BlockResult:
    """What matching and comparison yield for one story: pairs and conflicts, indices into its claims."""

    matches: tuple["Match", ...]
    conflicts: tuple["Conflict", ...]


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


def block_key(source_keys: Sequence[str], salt: bytes = b"story") -> str:
    """The cache key of one story: the keys of its sources, in source order (they carry the code
    fingerprint); `salt` keeps apart what different layers store for the same story."""
    digest = hashlib.sha256(salt + b"\0")
    for key in source_keys:
        digest.update(key.encode("ascii") + b"\0")
    return digest.hexdigest()


class Cache:
    """A folder of pickled entries, one file per key: `Extracted` per source, `BlockResult` per story."""

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder)

    def _path(self, key: str, kind: str = "") -> Path:
        return self.folder / f"v{LAYOUT}{kind}" / key[:2] / f"{key}.pkl"

    def _load(self, path: Path, expected: type) -> object | None:
        try:
            with open(path, "rb") as handle:
                value = pickle.load(handle)
        except FileNotFoundError:
            return None
        except Exception:  # a truncated or foreign file: treat as a miss
            return None
        return value if isinstance(value, expected) else None

    def get(self, key: str) -> Extracted | None:
        """The entry, or None when missing or unreadable (it will be rewritten)."""
        return self._load(self._path(key), Extracted)  # type: ignore[return-value]

    def get_block(self, key: str) -> BlockResult | None:
        """A story's matches and conflicts, or None (missing or unreadable)."""
        return self._load(self._path(key, "-stories"), BlockResult)  # type: ignore[return-value]

    def put_block(self, key: str, value: BlockResult) -> None:
        self._write(self._path(key, "-stories"), value)

    def put(self, key: str, value: Extracted) -> None:
        self._write(self._path(key), value)

    def _write(self, path: Path, value: object) -> None:
        """Write atomically (temporary file, then rename); a failed write is only a lost entry."""
        try:
            if not path.parent.is_dir():
                path.parent.mkdir(parents=True, exist_ok=True)
                ignore = self.folder / ".gitignore"
                if not ignore.exists():
                    ignore.write_text("# made by factcheck: a disposable cache\n*\n", encoding="utf-8")
            table.write_atomic(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), durable=False)
        except OSError:
            pass  # a read-only or full disk must not fail the run: the cache is an optimisation

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
a warm run reads one file instead of thousands. The folder is disposable:
deleting it (or any entry) only costs time, a corrupt entry is ignored and
rewritten, and writes are atomic.

Trust: entries are signed JSON (`cache_codec`), never pickle, and the cache
lives in the user's cache folder, keyed by the checkout's resolved path
(`default_dir`), not in the checkout: a cache committed to a repository is
never read, and an entry this user's factcheck did not write never verifies.
A source's entry is also checked against the source (`verify`).
"""
from __future__ import annotations

import hashlib
import os
import stat
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Sequence

from .. import __version__
from . import cache_codec
from ..outputs import outputs, table
from ..records import Claim, Source

if TYPE_CHECKING:
    from ..judgement.compare import Conflict
    from ..judgement.match import Match

# the old default, beside claims.csv: never read unless given as --cache-dir
DEFAULT_DIR = ".factcheck-cache"
# bump when the entry layout changes
LAYOUT = 2


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


def code_fingerprint() -> str:
    """Hash of the factcheck version, modules, packaged data and the spaCy model in use
    (its name and version): rules or parser changed, cache stale."""
    from ..judgement import parse

    return _fingerprint(parse.model_identity())


@lru_cache(maxsize=4)
def _fingerprint(model: str) -> str:
    package = Path(__file__).resolve().parent.parent  # factcheck/, from factcheck/scale/cache.py
    digest = hashlib.sha256(f"{__version__}|{LAYOUT}|{model}".encode())
    for path in sorted([*package.rglob("*.py"), *(package / "data").glob("*")]):
        if path.is_file():
            digest.update(path.relative_to(package).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()


code_fingerprint.cache_clear = _fingerprint.cache_clear  # type: ignore[attr-defined]


def source_key(source: Source) -> str:
    """The cache key of one source: its content and metadata plus the code fingerprint."""
    digest = hashlib.sha256(code_fingerprint().encode())
    meta = repr((source.id, source.published, source.outlet, source.title, source.url, source.meta_spans,
                 source.dateline_place, source.text_origin, source.published_at))
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


def checkout_root(anchor: str | os.PathLike[str]) -> Path:
    """The checkout holding `anchor` (the nearest folder with a `.git`), else `anchor` itself, resolved."""
    here = Path(anchor).resolve()
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return here


def default_dir(anchor: str | os.PathLike[str]) -> Path | None:
    """The cache of the checkout holding `anchor`: `<user cache>/checkouts/<hash of its resolved path>`.

    Never inside the checkout (a committed cache is never read): None when the user cache folder
    itself lies in the checkout, and then no cache is kept.
    """
    root = checkout_root(anchor)
    digest = hashlib.sha256(str(root).encode("utf-8", "surrogateescape")).hexdigest()[:24]
    folder = cache_codec.user_root() / "checkouts" / digest
    if is_inside(folder, root):
        return None
    return folder


def is_inside(path: str | os.PathLike[str], folder: str | os.PathLike[str]) -> bool:
    """Whether `path` (resolved) is `folder` or lies under it."""
    try:
        Path(path).resolve().relative_to(Path(folder).resolve())
    except ValueError:
        return False
    return True


def verify(source: Source, entry: Extracted) -> bool:
    """Whether a cached extraction can belong to `source`: every claim of this source, inside its text."""
    size = len(source.text)
    return all(c.source == source.id and 0 <= c.sentence_start <= c.start <= c.end <= c.sentence_end <= size
               for c in entry.claims)


class Cache:
    """A folder of signed JSON entries (`cache_codec`), one file per key: `Extracted` per source,
    `BlockResult` per story. An entry that does not verify is a miss and is rewritten."""

    def __init__(self, folder: str | os.PathLike[str], mac_key: bytes | None = None) -> None:
        self.folder = Path(folder)
        self.mac_key = mac_key if mac_key is not None else cache_codec.secret()

    def _path(self, key: str, kind: str = "") -> Path:
        return self.folder / f"v{LAYOUT}{kind}" / key[:2] / f"{key}.json"

    def load(self, path: Path, kind: str, key: str, expected: type) -> object | None:
        """The verified value at `path`, or None (missing, foreign, corrupt, of another kind or key)."""
        try:
            value = cache_codec.decode(self.read_data(path, kind, key))
        except (ValueError, RecursionError):  # verified, but not a cache value
            return None
        return value if isinstance(value, expected) else None

    def read_data(self, path: Path, kind: str, key: str) -> object | None:
        """The verified JSON data at `path`, not decoded (`write_data`), or None (as `load`)."""
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
            with os.fdopen(fd, "rb") as handle:
                if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                    return None
                return cache_codec.loads_data(handle.read(), kind, key, code_fingerprint(), self.mac_key)
        except (OSError, ValueError, RecursionError):  # missing, a link, truncated or foreign: a miss
            return None

    def get(self, key: str, source: Source | None = None) -> Extracted | None:
        """The entry, or None when missing, unverified or not matching `source` (it will be rewritten)."""
        value = self.load(self._path(key), "source", key, Extracted)
        if value is not None and source is not None and not verify(source, value):  # type: ignore[arg-type]
            return None
        return value  # type: ignore[return-value]

    def get_block(self, key: str) -> BlockResult | None:
        """A story's matches and conflicts, or None (missing or unverified)."""
        return self.load(self._path(key, "-stories"), "story", key, BlockResult)  # type: ignore[return-value]

    def put_block(self, key: str, value: BlockResult) -> None:
        self.write(self._path(key, "-stories"), "story", key, value)

    def put(self, key: str, value: Extracted) -> None:
        self.write(self._path(key), "source", key, value)

    def write(self, path: Path, kind: str, key: str, value: object) -> None:
        """Write atomically (temporary file, then rename); a failed write is only a lost entry."""
        try:
            self.write_data(path, kind, key, cache_codec.encode(value))
        except (TypeError, ValueError):
            pass  # not a cacheable value: no entry

    def write_data(self, path: Path, kind: str, key: str, data: object) -> None:
        """As `write`, for a value that is JSON data already (read back with `read_data`)."""
        try:
            if _through_link(self.folder, path):
                return  # a link inside the cache would carry the entry elsewhere
            if not path.parent.is_dir():
                path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
                ignore = self.folder / ".gitignore"
                if not os.path.lexists(ignore):
                    outputs.write_atomic(ignore, "# made by factcheck: a disposable cache\n*\n", durable=False)
            data_bytes = cache_codec.dumps_data(kind, key, code_fingerprint(), data, self.mac_key)
            outputs.write_atomic(path, data_bytes, durable=False)
        except (OSError, TypeError, ValueError):
            pass  # a read-only or full disk must not fail the run: the cache is an optimisation


def _through_link(folder: Path, path: Path) -> bool:
    """Whether a folder between `folder` and `path` is a symbolic link."""
    for parent in path.parents:
        if parent == folder:
            return False
        if parent.is_symlink():
            return True
    return False


def in_ci() -> bool:
    """Whether this runs in CI (`CI=true`, as GitHub Actions, GitLab and most others set it)."""
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


@contextmanager
def folder_for(explicit: str | os.PathLike[str] | None, anchor: str | os.PathLike[str], *, no_cache: bool = False,
               fresh: bool = False) -> Iterator[Path | None]:
    """The cache folder a command uses: none with `no_cache`; a new temporary folder, removed afterwards,
    when `fresh` (so nothing written before this run is trusted); else `explicit` (the user asked for it,
    even inside the checkout) or the checkout's folder in the user cache (`default_dir`)."""
    if no_cache:
        yield None
    elif fresh:
        with tempfile.TemporaryDirectory(prefix="factcheck-cache-") as tmp:
            yield Path(tmp)
    else:
        yield Path(explicit) if explicit is not None else default_dir(anchor)

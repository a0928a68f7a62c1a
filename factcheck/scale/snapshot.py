"""The per-archive snapshot of the incremental table (`incremental.table_of`): what a warm run
reads instead of thousands of files and cache entries.

Three maps, each keyed by content, so any entry is valid whatever else the
snapshot holds:

- files, by stat (path as given, device, inode, size, mtime in ns, size limit):
  the sources read from the file and their cache keys;
- features, by source key: the story features of the source;
- stories, by the key of all a story's sources in order: its `StoryRows`.

They are stored in two signed JSON files (`cache.Cache.write_data`): a *base*
(`v2-snapshot.json`) and a small *delta* (`v2-snapshot-delta.json`) holding
only entries the base lacks. A run that adds one article writes the delta
(kilobytes) instead of the whole base (~50 MB at 10,000 articles); the base is
rewritten from the entries in use, and the delta removed, once the delta grows
past a fraction of the live entries (`DELTA_SHARE`) or the base holds mostly
unused entries (`STALE_SHARE`). Loading merges the two. Because every key
names its content, a delta paired with another base than the one it was
written beside is still correct: the union only holds more entries.

The layout is plain JSON made for fast decoding (the generic `cache_codec`
layout tags every value and took ~1.5 s each way at 10,000 articles): a
story's rows are one flat list of strings (head, group, body, tail, head, ...),
cells and conflicts are arrays of scalars, features arrays of strings, a
source an array of its fields (`source_data`). A file that does not verify or
decode is treated as missing.

>>> rows = StoryRows((1,), (("h,", "g1", ",b,", ",t\\n"),), (("agree", 1),), (), ())
>>> story_of(story_data(rows)) == rows
True
"""
from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Callable, Mapping

from . import cache as cache_mod
from ..inputs import sources as sources_mod
from ..records import Source

SNAPSHOT = f"v{cache_mod.LAYOUT}-snapshot.json"
DELTA = f"v{cache_mod.LAYOUT}-snapshot-delta.json"
KIND = "snapshot-rows"      # the body's kind: a file of the older tagged layout is a miss
# a file whose mtime is this close to the moment it was read may change again unnoticed
RACY_NS = 1_000_000_000
# the delta is folded into a new base once it holds more than this share of the live entries
DELTA_SHARE = 0.125
# ... or once more than this share of the base's entries went unused in a run
STALE_SHARE = 0.5

FileSig = tuple  # (path, device, inode, size, mtime_ns, max_bytes)
FileEntry = tuple  # (sources, their cache keys)


@dataclass(frozen=True)
class StoryRows:
    """One story's share of claims.csv (indices are claim positions within the story)."""

    counts: tuple[int, ...]                       # claims per source of the story, in source order
    rows: tuple[tuple[str, str, str, str], ...]   # head, group id, body, tail
    labels: tuple[tuple[str, int], ...]           # label -> claims
    cells: tuple[tuple[int, tuple[object, ...]], ...]  # cells of rows that conflict with another
    conflicts: tuple[tuple[int, int, str, str], ...]   # a, b, kind, reason (as compare.find_conflicts)
    changes: tuple[tuple[str, int], ...] = ()     # "updates" / "missed_forecasts" -> how many (change_counts)


def story_data(rows: StoryRows) -> list[Any]:
    """`rows` as plain JSON data (cells must be strings, numbers, booleans or None)."""
    for _, values in rows.cells:
        if not all(v is None or isinstance(v, (str, int, float)) for v in values):
            raise TypeError("a story's cells must be JSON scalars")
    return [list(rows.counts), [part for row in rows.rows for part in row], [list(x) for x in rows.labels],
            [[i, list(values)] for i, values in rows.cells], [list(c) for c in rows.conflicts],
            [list(x) for x in rows.changes]]


def story_of(data: Any) -> StoryRows:
    """The inverse of `story_data`; a ValueError (or TypeError) when `data` is not one."""
    counts, flat, labels, cells, conflicts, changes = data
    if len(flat) % 4:   # the file verified (it is this user's): only its shape is checked
        raise ValueError("bad story rows")
    parts = iter(flat)
    story = StoryRows(tuple(counts), tuple(zip(parts, parts, parts, parts)),
                      tuple((str(k), int(n)) for k, n in labels),
                      tuple((int(i), tuple(values)) for i, values in cells),
                      tuple((int(a), int(b), str(kind), str(reason)) for a, b, kind, reason in conflicts),
                      tuple((str(k), int(n)) for k, n in changes))
    if not all(isinstance(n, int) for n in story.counts) or sum(story.counts) != len(story.rows):
        raise ValueError("bad story counts")
    return story


# Source fields that are not JSON scalars, and how each comes back (None stays None)
_SOURCE_FIELDS = tuple(f.name for f in dataclasses.fields(Source))
_SOURCE_DECODE: dict[str, Callable[[Any], Any]] = {
    "path": Path, "published": date.fromisoformat, "published_at": datetime.fromisoformat,
    "meta_spans": lambda spans: tuple((int(a), int(b)) for a, b in spans)}
_SOURCE_ENCODE: dict[str, Callable[[Any], Any]] = {
    "path": str, "published": date.isoformat, "published_at": datetime.isoformat,
    "meta_spans": lambda spans: [list(span) for span in spans]}


def source_data(source: Source) -> list[Any]:
    """A source as one JSON array of its fields (a TypeError for a field of a kind not listed)."""
    out = []
    for name in _SOURCE_FIELDS:
        value = getattr(source, name)
        if value is not None and name in _SOURCE_ENCODE:
            value = _SOURCE_ENCODE[name](value)
        elif not (value is None or type(value) in (str, int, float, bool)):
            raise TypeError(f"cannot keep a source's {name} in the snapshot")
        out.append(value)
    return out


def source_of(data: list[Any]) -> Source:
    """The inverse of `source_data`."""
    if len(data) != len(_SOURCE_FIELDS):
        raise ValueError("bad source")
    return Source(*[_SOURCE_DECODE[name](value) if value is not None and name in _SOURCE_DECODE else value
                    for name, value in zip(_SOURCE_FIELDS, data)])


def _encode(files: Mapping[FileSig, FileEntry], features: Mapping[str, frozenset[str]],
            stories: Mapping[str, StoryRows]) -> dict[str, Any]:
    return {"files": [[*sig, [source_data(s) for s in found], list(keys)]
                      for sig, (found, keys) in files.items()],
            "features": {key: sorted(value) for key, value in features.items()},
            "stories": {key: story_data(value) for key, value in stories.items()}}


def _decode(data: Any) -> tuple[dict[FileSig, FileEntry], dict[str, frozenset[str]], dict[str, StoryRows]]:
    files: dict[FileSig, FileEntry] = {}
    for *sig, found, keys in data["files"]:
        sources = tuple(source_of(s) for s in found)
        if len(sig) != 6 or len(sources) != len(keys):
            raise ValueError("bad file entry")
        files[tuple(sig)] = (sources, tuple(str(k) for k in keys))
    features = {str(key): frozenset(value) for key, value in data["features"].items()}
    stories = {str(key): story_of(value) for key, value in data["stories"].items()}
    return files, features, stories


class Snapshot:
    """The snapshot of one cache folder (see the module docstring)."""

    def __init__(self, folder: Path, mac_key: bytes | None = None) -> None:
        self.path = folder / SNAPSHOT
        self.delta_path = folder / DELTA
        self.store = cache_mod.Cache(folder, mac_key)
        self.files: dict[FileSig, FileEntry] = {}
        self.features: dict[str, frozenset[str]] = {}
        self.stories: dict[str, StoryRows] = {}
        self.in_base: tuple[set, set, set] = (set(), set(), set())  # keys the base file holds
        base = self._read(self.path)
        if base is not None:  # a delta without its base is not kept: the next save writes a base
            self.in_base = (set(base[0]), set(base[1]), set(base[2]))
            for loaded in (base, self._read(self.delta_path)):
                if loaded is not None:
                    self.files.update(loaded[0])
                    self.features.update(loaded[1])
                    self.stories.update(loaded[2])
        self.used_files: dict[FileSig, FileEntry] = {}

    def _read(self, path: Path) -> tuple[dict, dict, dict] | None:
        data = self.store.read_data(path, KIND, "")
        if not isinstance(data, dict):
            return None
        try:
            return _decode(data)
        except (KeyError, TypeError, ValueError, AttributeError):  # verified but not this layout
            return None

    def reader(self, started: int) -> Callable[[Path, int], list[Source]]:
        """A `read_sources` reader that answers unchanged files from the snapshot."""
        def read(path: Path, max_bytes: int) -> list[Source]:
            try:
                st = os.stat(path)
            except OSError:
                return sources_mod.read_source(path, max_bytes=max_bytes)
            sig = (str(path), st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, max_bytes)
            hit = self.files.get(sig)
            if hit is not None:
                self.used_files[sig] = hit
                return list(hit[0])
            found = sources_mod.read_source(path, max_bytes=max_bytes)
            if st.st_mtime_ns < started - RACY_NS:
                self.used_files[sig] = (tuple(found), tuple(cache_mod.source_key(s) for s in found))
            return found
        return read

    def keys(self, loaded: list[Source]) -> list[str]:
        """The cache key of each source (remembered for files the snapshot answered)."""
        known = {id(s): k for found, keys in self.used_files.values() for s, k in zip(found, keys)}
        return [known.get(id(s)) or cache_mod.source_key(s) for s in loaded]

    def save(self, features: Mapping[str, frozenset[str]], stories: Mapping[str, StoryRows]) -> None:
        """Keep what this run used: nothing when the snapshot knew it all, else a delta of the entries
        the base lacks, or a new base (and no delta) when that delta or the unused part of the base
        grew too large."""
        if (self.used_files.keys() <= self.files.keys() and features.keys() <= self.features.keys()
                and stories.keys() <= self.stories.keys()):
            return  # nothing new: leave the files as they are
        files_in, features_in, stories_in = self.in_base
        delta_files = {sig: v for sig, v in self.used_files.items() if sig not in files_in}
        delta_features = {k: v for k, v in features.items() if k not in features_in}
        delta_stories = {k: v for k, v in stories.items() if k not in stories_in}
        live = len(self.used_files) + len(features) + len(stories)
        delta = len(delta_files) + len(delta_features) + len(delta_stories)
        base_size = len(files_in) + len(features_in) + len(stories_in)
        unused = base_size - (live - delta)
        if base_size and delta <= DELTA_SHARE * live and unused <= STALE_SHARE * base_size:
            self.store.write_data(self.delta_path, KIND, "", _encode(delta_files, delta_features, delta_stories))
            return
        self.store.write_data(self.path, KIND, "", _encode(self.used_files, features, stories))
        try:
            self.delta_path.unlink()
        except OSError:
            pass

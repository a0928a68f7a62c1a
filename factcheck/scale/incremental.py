"""The claim table of an archive, recomputing only what changed (used with a cache).

`pipeline.analyse` builds every record and a DataFrame of every claim; for a
10,000-article archive most of that is the same as last time. With a cache,
`table_of` keeps a snapshot per cache folder (`snapshot.py`: a base file and a
small delta of what the base lacks) holding

- per file (keyed by its path as given, device, inode, size, mtime and the size
  limit): the sources read from it and their cache keys, so an unchanged file
  is neither read nor hashed again (a file modified within a second of being
  read is never trusted: it is read again next time);
- per source key: its story features (what `stories.stories` needs);
- per story (keyed by the cache keys of all its sources, in source order): its
  rows of claims.csv as text, split around the review cell (filled in from
  review.csv at the end); the cells of its conflicting rows; its conflicts.

Stories are still computed from every article's features each run (a new
article changes feature frequencies). A story whose articles are unchanged
reuses its rows; the others are built from the per-source and per-story caches
(`cache.Cache`), extracting and matching only what those miss. The text is
byte-identical to `table.to_csv_text(pipeline.analyse(...).frame)` (tested):
the rows of a story depend on nothing outside it (each story has its own IDF,
groups never span stories, and a group's id is a hash of its members' claim ids,
`table.group_id`). The snapshot carries the code fingerprint; a
missing, stale or unreadable snapshot only costs time.
"""
from __future__ import annotations

import gc
import io
import os
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Mapping, Sequence

from . import cache as cache_mod
from ..judgement import compare as compare_mod
from ..judgement import match as match_mod
from . import stories as stories_mod
from . import parallel
from . import snapshot as snapshot_mod
from .snapshot import Snapshot, StoryRows
from ..outputs import report_timeline, table
from ..judgement import parse as parse_mod
from ..judgement import reprints, timeline
from ..inputs import sources as sources_mod
from ..errors import SourceError
from ..records import Claim, Source

SNAPSHOT = snapshot_mod.SNAPSHOT
RACY_NS = snapshot_mod.RACY_NS


@dataclass
class Table:
    """An archive's claim table as claims.csv text, with what `run` and `check` need besides."""

    sources: tuple[Source, ...]
    problems: tuple[SourceError, ...]
    parts: list[tuple[str, str, str, str]]        # per row: head, group, body, tail
    conflict_rows: list[int]                      # row numbers of rows with conflicts, in order
    conflict_frame: "object"                      # those rows as table.build makes them (a DataFrame)
    conflicts: list[tuple[int, int]]              # conflicting row pairs, as pipeline.Result.conflicts
    reasons: list[str]
    label_counts: Counter = field(default_factory=Counter)
    change_counts: Counter = field(default_factory=Counter)  # updates, missed_forecasts (report_timeline.change_counts)

    def text(self, review: Sequence[str] | None = None) -> str:
        """claims.csv; `review` holds the review cell of each row of `conflict_rows` (else all empty)."""
        out = [table.header_line()]
        out.extend(head + group + body + tail for head, group, body, tail in self.parts)
        if review:
            for n, cell in zip(self.conflict_rows, review):
                if cell:
                    head, group, body, tail = self.parts[n]
                    out[n + 1] = head + group + body + table.format_cell(cell) + tail
        return "".join(out)

    def annotated(self, decisions: Sequence[object]) -> str:
        """claims.csv with the review column filled from `decisions` (review.annotate)."""
        from ..outputs import review as review_mod

        frame = review_mod.annotate(self.conflict_frame, decisions)  # type: ignore[arg-type]
        return self.text(list(frame["review"]))


@contextmanager
def no_gc() -> Iterator[None]:
    """Millions of small objects (rows, cells, snapshot entries) and no cycles: the cyclic
    collector would only walk them again and again."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _rows_key(keys: Sequence[str]) -> str:
    return cache_mod.block_key(keys, salt=b"rows")


def table_of(paths: Sequence[str | os.PathLike[str]], cache_dir: str | os.PathLike[str], *,
             skip_bad: bool = False, max_bytes: int = sources_mod.DEFAULT_MAX_BYTES, jobs: int = 1,
             engine: str = "local", scheduler: str | None = None,
             progress: parallel.Progress | None = None, follow_links: bool = False) -> Table:
    """The claim table of the sources at `paths` (as pipeline.run gives it), reusing the cache."""
    # the model loads beside the reading of the snapshot and files, in case a few articles are new
    worker = parallel.ModelWorker.start(jobs) if engine == "local" and not parse_mod.model_loaded() else None
    try:
        with no_gc():
            return _table_of(paths, cache_dir, skip_bad=skip_bad, max_bytes=max_bytes, jobs=jobs, engine=engine,
                             scheduler=scheduler, progress=progress, follow_links=follow_links, worker=worker)
    finally:
        if worker is not None:
            worker.close()


def _table_of(paths: Sequence[str | os.PathLike[str]], cache_dir: str | os.PathLike[str], *,
              skip_bad: bool, max_bytes: int, jobs: int, engine: str, scheduler: str | None,
              progress: parallel.Progress | None, follow_links: bool = False,
              worker: parallel.ModelWorker | None = None) -> Table:
    report = progress or (lambda stage, done, total: None)
    snapshot = Snapshot(Path(cache_dir))
    cache = snapshot.store
    started = time.time_ns()
    loaded, problems = sources_mod.read_sources([Path(p) for p in paths], max_bytes=max_bytes,
                                                skip_bad=skip_bad, reader=snapshot.reader(started),
                                                follow_links=follow_links)
    keys = snapshot.keys(loaded)
    n = len(loaded)
    report("extract", 0, n)
    runner: parallel.Engine | None = None

    def engine_() -> parallel.Engine:
        nonlocal runner
        if runner is None:
            runner = parallel.open_engine(engine, jobs, scheduler)
        return runner

    try:
        # features of every source; extraction results only of sources the snapshot does not know
        extracted: dict[int, cache_mod.Extracted] = {}
        missing = [k for k in range(n) if keys[k] not in snapshot.features]
        if worker is not None and not 0 < len(missing) < parallel.POOL_MIN_SOURCES:
            worker.close()  # nothing to parse, or enough for the pool: its cores are better spent there
            worker = None
        if missing:
            found = parallel.extract_all([loaded[k] for k in missing], engine_(), cache, worker=worker)
            extracted.update(zip(missing, found))
        features = [extracted[k].features if k in extracted else snapshot.features[keys[k]] for k in range(n)]
        report("extract", n, n)
        if n >= stories_mod.STORY_MIN_SOURCES:
            report("stories", 0, n)
            story_of = stories_mod.stories([s.id for s in loaded], features, [s.published for s in loaded])
            report("stories", n, n)
            number = [story_of[s.id] for s in loaded]
        else:
            number = [0] * n
        members: dict[int, list[int]] = {}
        for k, st in enumerate(number):
            members.setdefault(st, []).append(k)
        story_keys = {st: _rows_key([keys[k] for k in ks]) for st, ks in members.items()}
        rows: dict[int, StoryRows] = {}
        todo = []
        for st, key in story_keys.items():
            hit = snapshot.stories.get(key)
            if hit is not None:
                rows[st] = hit
            else:
                todo.append(st)
        if todo:
            rows.update(_build_stories(loaded, keys, members, todo, extracted, cache, engine_(), report, worker))
    finally:
        if runner is not None:
            runner.close()
    snapshot.save({keys[k]: features[k] for k in range(n)}, {story_keys[st]: r for st, r in rows.items()})
    return _assemble(loaded, problems, number, rows)


def _build_stories(loaded: Sequence[Source], keys: Sequence[str], members: Mapping[int, list[int]],
                   todo: Sequence[int], extracted: dict[int, cache_mod.Extracted], cache: cache_mod.Cache,
                   runner: parallel.Engine, report: parallel.Progress,
                   worker: parallel.ModelWorker | None = None) -> dict[int, StoryRows]:
    need = [k for st in todo for k in members[st] if k not in extracted]
    if need:
        extracted.update(zip(need, parallel.extract_all([loaded[k] for k in need], runner, cache, worker=worker)))
    claims = {st: [c for k in members[st] for c in extracted[k].claims] for st in todo}
    block_keys = {st: cache_mod.block_key([keys[k] for k in members[st] if extracted[k].claims]) for st in todo}
    results: dict[int, cache_mod.BlockResult] = {}
    for st in todo:
        hit = cache.get_block(block_keys[st])
        if hit is not None:
            results[st] = hit
    match = [st for st in todo if st not in results and claims[st]]
    report("match", 0, len(match))
    fresh = runner.map(parallel.compare_chunk, [claims[st] for st in match])
    for st, value in zip(match, fresh):
        results[st] = value
        cache.put_block(block_keys[st], value)
    report("match", len(match), len(match))
    by_id = {s.id: s for s in loaded}
    return {st: story_rows([loaded[k] for k in members[st]], [extracted[k].claims for k in members[st]],
                           results.get(st, cache_mod.BlockResult((), ())), by_id) for st in todo}


def story_rows(story: Sequence[Source], claims_of: Sequence[Sequence[Claim]], result: cache_mod.BlockResult,
               by_id: Mapping[str, Source]) -> StoryRows:
    """A story's rows from its sources' claims and its matches and conflicts (what pipeline._assemble,
    compare.label and table.build give for these claims)."""
    claims = [c for found in claims_of for c in found]
    pairs = sorted(result.matches, key=lambda m: (m.a, m.b))
    matched = sorted((c for c in result.conflicts if c.kind not in compare_mod.PERSONAL_KINDS), key=lambda c: (c.a, c.b))
    roles = sorted((c for c in result.conflicts if c.kind in compare_mod.PERSONAL_KINDS), key=lambda c: (c.a, c.b))
    family = reprints.family_of(reprints.families(story))  # a story's families are its own
    unfolded = timeline.split(claims, by_id, reprints.drop_echoes(claims, matched + roles, family))  # as pipeline.analyse
    conflicts = list(unfolded.conflicts)
    matching = match_mod.Matching(tuple(pairs), match_mod.components(len(claims), pairs))
    labelled = compare_mod.label(claims, matching, conflicts, family)
    unfolded = timeline.with_raised(unfolded, labelled, claims, by_id)
    verdicts = timeline.annotate(labelled, claims, unfolded)
    groups = table.group_sources(claims, verdicts)
    rows, cells, changed = [], [], []
    labels: Counter = Counter()
    for i, (claim, verdict) in enumerate(zip(claims, verdicts)):
        values = table.row(claim, verdict, by_id[claim.source], groups[verdict.group], family.get(claim.source, ""))
        head, body, tail = table.row_parts(values)
        rows.append((head, verdict.group, body, tail))
        labels[verdict.label.value] += 1
        if verdict.conflicts_with:
            cells.append((i, tuple(values)))
        if verdict.extras.get("changes"):
            changed.append(dict(zip(table.COLUMNS, values)))
    return StoryRows(tuple(len(found) for found in claims_of), tuple(rows), tuple(sorted(labels.items())),
                     tuple(cells), tuple((c.a, c.b, c.kind, c.reason) for c in conflicts),
                     tuple(sorted(report_timeline.change_counts(changed).items())))


def _assemble(loaded: Sequence[Source], problems: Sequence[SourceError], number: Sequence[int],
              rows: Mapping[int, StoryRows]) -> Table:
    """Rows in table order (sources in order, claims in order)."""
    import pandas as pd

    parts: list[tuple[str, str, str, str]] = []
    cursor: dict[int, int] = {}     # next source of each story
    start: dict[int, int] = {}      # next row of each story
    where: dict[int, list[int]] = {}  # table row of each row of each story
    for st in number:
        story = rows[st]
        j = cursor.get(st, 0)
        cursor[st] = j + 1
        first = start.get(st, 0)
        count = story.counts[j]
        start[st] = first + count
        positions = where.setdefault(st, [])
        for part in story.rows[first:first + count]:
            positions.append(len(parts))
            parts.append(part)
    flagged: list[tuple[int, list[object]]] = []
    matched: list[tuple[int, int, str]] = []
    roles: list[tuple[int, int, str]] = []
    labels: Counter = Counter()
    changes: Counter = Counter()
    for st, story in rows.items():
        positions = where.get(st, [])
        for i, values in story.cells:
            flagged.append((positions[i], list(values)))
        for a, b, kind, reason in story.conflicts:
            (roles if kind in compare_mod.PERSONAL_KINDS else matched).append((positions[a], positions[b], reason))
        labels.update(dict(story.labels))
        changes.update(dict(story.changes))
    flagged.sort(key=lambda x: x[0])
    matched.sort(key=lambda c: (c[0], c[1]))
    roles.sort(key=lambda c: (c[0], c[1]))
    frame = pd.DataFrame([cells for _, cells in flagged], columns=table.COLUMNS)
    frame = frame.astype({c: "int64" for c in table.INT_COLUMNS})
    every = matched + roles
    return Table(tuple(loaded), tuple(problems), parts, [n for n, _ in flagged], frame,
                 [(a, b) for a, b, _ in every], [r for _, _, r in every], labels, changes)


def parse(text: str) -> "object":
    """A claims.csv text as the frame table.build gives (cells restored, integer columns as integers)."""
    import pandas as pd

    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    for column in frame.columns:
        frame[column] = frame[column].map(table.restore)
    return frame.astype({c: "int64" for c in table.INT_COLUMNS})

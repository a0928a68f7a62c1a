"""The one place that chains the stages: read -> segment -> extract -> match -> compare -> table."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

import pandas as pd

from .judgement import claims as claims_mod
from .judgement import compare as compare_mod
from .judgement import match as match_mod
from .scale import stories as stories_mod
from .scale import cache as cache_mod
from .scale import parallel
from .judgement import reprints, timeline
from .inputs import segment, sources
from .outputs import table
from .scale.cache import Cache
from .errors import SourceError
from .records import Claim, Source, Verdict


@dataclass(frozen=True)
class Result:
    """Everything one run produced: the records and the table made of them."""

    sources: tuple[Source, ...]
    claims: tuple[Claim, ...]
    verdicts: tuple[Verdict, ...]
    conflicts: tuple[compare_mod.Conflict, ...]
    frame: pd.DataFrame
    problems: tuple[SourceError, ...] = field(default=())
    # conflicts that are the story moving on (timeline.split): updates, missed forecasts
    changes: tuple[timeline.Change, ...] = field(default=())


def extract_claims(source: Source) -> list[Claim]:
    return claims_mod.extract(source, segment.segment(source))


def analyse(loaded: Sequence[Source], problems: Sequence[SourceError] = (), *, jobs: int = 1,
            cache_dir: str | os.PathLike[str] | None = None, engine: str = "local",
            scheduler: str | None = None, progress: parallel.Progress | None = None) -> Result:
    """Compare the claims of `loaded`.

    `jobs` extracts in that many processes (or Dask workers); `cache_dir`
    keeps extracted claims per source so unchanged sources are not
    re-extracted; `engine="dask"` runs extraction and per-story matching on a
    dask.distributed cluster (`scheduler` address, else a LocalCluster).
    None of these change the result. `progress(stage, done, total)` is told
    how far each stage got. Large archives are first split into stories
    (stories.stories) so claims of unrelated stories are never compared.
    """
    report = progress or (lambda stage, done, total: None)
    cache = Cache(cache_dir) if cache_dir is not None else None
    with parallel.open_engine(engine, jobs, scheduler) as runner:
        found = parallel.extract_all(loaded, runner, cache, report)
        extracted: list[Claim] = [c for item in found for c in item.claims]
        story_of = None
        if len(loaded) >= stories_mod.STORY_MIN_SOURCES:
            report("stories", 0, len(loaded))
            story_of = stories_mod.stories([s.id for s in loaded], [item.features for item in found],
                                         [s.published for s in loaded])
            report("stories", len(loaded), len(loaded))
        blocks = match_mod.blocks_of(extracted, story_of)
        results = _compare_blocks(loaded, extracted, blocks, runner, cache, report)
    report("compare", 0, len(extracted))
    matching, found_conflicts = _assemble(len(extracted), blocks, results, story_of is not None)
    family = reprints.family_of(reprints.families(loaded, story_of))  # from the texts: never cached
    unfolded = timeline.split(extracted, {s.id: s for s in loaded},
                              reprints.drop_echoes(extracted, found_conflicts, family))
    conflicts = list(unfolded.conflicts)
    labelled = compare_mod.label(extracted, matching, conflicts, family)
    unfolded = timeline.with_raised(unfolded, labelled, extracted, {s.id: s for s in loaded})
    verdicts = timeline.annotate(labelled, extracted, unfolded)
    report("compare", len(extracted), len(extracted))
    frame = table.build(loaded, extracted, verdicts, family)
    return Result(tuple(loaded), tuple(extracted), tuple(verdicts), tuple(conflicts), frame, tuple(problems),
                  unfolded.changes)


def _compare_blocks(loaded: Sequence[Source], claims: Sequence[Claim], blocks: Sequence[Sequence[int]],
                    runner: parallel.Engine, cache: Cache | None,
                    report: parallel.Progress) -> list[cache_mod.BlockResult]:
    """Matches and conflicts per story block; with a cache, only blocks whose articles changed are redone."""
    results: list[cache_mod.BlockResult | None] = [None] * len(blocks)
    keys: list[str] = []
    if cache is not None:
        source_keys = {s.id: cache_mod.source_key(s) for s in loaded}
        for k, block in enumerate(blocks):
            ids = dict.fromkeys(claims[i].source for i in block)  # the block's sources, in source order
            keys.append(cache_mod.block_key([source_keys[sid] for sid in ids]))
            results[k] = cache.get_block(keys[k])
    todo = [k for k in range(len(blocks)) if results[k] is None]
    done = len(blocks) - len(todo)
    report("match", done, len(blocks))

    def advance(n: int) -> None:
        nonlocal done
        done += n
        report("match", done, len(blocks))

    fresh = runner.map(parallel.compare_chunk, [[claims[i] for i in blocks[k]] for k in todo], advance)
    for k, value in zip(todo, fresh):
        results[k] = value
        if cache is not None:
            cache.put_block(keys[k], value)
    return results  # type: ignore[return-value]


def _assemble(n: int, blocks: Sequence[Sequence[int]], results: Sequence[cache_mod.BlockResult],
              stories: bool) -> tuple[match_mod.Matching, list[compare_mod.Conflict]]:
    """The archive's matching and conflicts from its blocks': what match.match and
    compare.find_conflicts give for the whole archive (pairs by claim index; conflicts of
    matched pairs by index, then role conflicts by index)."""
    pairs: list[match_mod.Match] = []
    matched: list[compare_mod.Conflict] = []
    roles: list[compare_mod.Conflict] = []
    for block, result in zip(blocks, results):
        pairs.extend(match_mod.Match(block[m.a], block[m.b], m.score) for m in result.matches)
        for c in result.conflicts:
            (roles if c.kind in compare_mod.PERSONAL_KINDS else matched).append(
                compare_mod.Conflict(block[c.a], block[c.b], c.kind, c.reason))
    pairs.sort(key=lambda m: (m.a, m.b))
    matched.sort(key=lambda c: (c.a, c.b))
    roles.sort(key=lambda c: (c.a, c.b))
    matching = match_mod.Matching(tuple(pairs), match_mod.components(n, pairs),
                                  tuple(tuple(b) for b in blocks) if stories else ())
    return matching, matched + roles


def run(paths: Sequence[str | os.PathLike[str]], *, skip_bad: bool = False,
        max_bytes: int = sources.DEFAULT_MAX_BYTES, jobs: int = 1,
        cache_dir: str | os.PathLike[str] | None = None, engine: str = "local",
        scheduler: str | None = None, progress: parallel.Progress | None = None) -> Result:
    """Read the sources at `paths` (folders or files) and compare their claims
    (options as for `analyse`)."""
    loaded, problems = sources.read_sources([Path(p) for p in paths], max_bytes=max_bytes, skip_bad=skip_bad)
    return analyse(loaded, problems, jobs=jobs, cache_dir=cache_dir, engine=engine, scheduler=scheduler,
                   progress=progress)


def compare(paths: Sequence[str | os.PathLike[str]] | str | os.PathLike[str], **options: object) -> pd.DataFrame:
    """The claim table for the sources at `paths`, as a DataFrame (the Python API)."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    return run(paths, **options).frame  # type: ignore[arg-type]

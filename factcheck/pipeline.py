"""The one place that chains the stages: read -> segment -> extract -> match -> compare -> table."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

import pandas as pd

from . import claims as claims_mod
from . import compare as compare_mod
from . import match as match_mod
from . import stories as stories_mod
from . import parallel, segment, sources, table
from .cache import Cache
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
        blocks = len(set(story_of.values())) if story_of else 1
        report("match", 0, blocks)
        matching = match_mod.match(extracted, story_of, map_blocks=runner.map_blocks())
        report("match", blocks, blocks)
    report("compare", 0, len(extracted))
    conflicts = compare_mod.find_conflicts(extracted, matching)
    verdicts = compare_mod.label(extracted, matching, conflicts)
    report("compare", len(extracted), len(extracted))
    frame = table.build(loaded, extracted, verdicts)
    return Result(tuple(loaded), tuple(extracted), tuple(verdicts), tuple(conflicts), frame, tuple(problems))


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

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
from . import segment, sources, table
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


def analyse(loaded: Sequence[Source], problems: Sequence[SourceError] = ()) -> Result:
    extracted: list[Claim] = []
    for source in loaded:
        extracted.extend(extract_claims(source))
    matching = match_mod.match(extracted)
    conflicts = compare_mod.find_conflicts(extracted, matching)
    verdicts = compare_mod.label(extracted, matching, conflicts)
    frame = table.build(loaded, extracted, verdicts)
    return Result(tuple(loaded), tuple(extracted), tuple(verdicts), tuple(conflicts), frame, tuple(problems))


def run(paths: Sequence[str | os.PathLike[str]], *, skip_bad: bool = False,
        max_bytes: int = sources.DEFAULT_MAX_BYTES) -> Result:
    """Read the sources at `paths` (folders or files) and compare their claims."""
    loaded, problems = sources.read_sources([Path(p) for p in paths], max_bytes=max_bytes, skip_bad=skip_bad)
    return analyse(loaded, problems)


def compare(paths: Sequence[str | os.PathLike[str]] | str | os.PathLike[str], **options: object) -> pd.DataFrame:
    """The claim table for the sources at `paths`, as a DataFrame (the Python API)."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    return run(paths, **options).frame  # type: ignore[arg-type]

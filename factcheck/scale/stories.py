"""Stories: which articles of an archive report the same events (blocking at scale).

An archive holds hundreds of stories. Claims are matched only within a
story, so two fires or two mergers never meet however alike their wording,
weekdays or numbers. Articles are linked into one story when they share
several rare identifying features (names, rare words, exact figures) and
appear within a few days of each other; stories are the connected groups.
"""
from __future__ import annotations

import calendar
import math
import re
from collections import defaultdict
from datetime import date
from typing import Mapping, Sequence

from .. import components
from ..slots import terms


def _links(postings: Mapping[str, list[int]], weight: Mapping[str, float], norms: Sequence[float],
           published: Sequence[date | None]) -> list[tuple[int, int]]:
    """Article pairs that are one story. Vectorised: millions of shared-feature pairs at 10k articles."""
    import numpy as np

    firsts, seconds, weights, words, names = [], [], [], [], []
    triangles: dict[int, tuple[np.ndarray, np.ndarray]] = {}
    for x, members in postings.items():
        if len(members) < 2:
            continue
        if len(members) not in triangles:
            triangles[len(members)] = np.triu_indices(len(members), 1)
        ia, ib = triangles[len(members)]
        m = np.asarray(members, dtype=np.int64)
        firsts.append(m[ia])
        seconds.append(m[ib])
        weights.append(np.full(len(ia), weight[x]))
        words.append(np.full(len(ia), 0.0 if x.startswith("#") else 1.0))
        names.append(np.full(len(ia), 1.0 if x.startswith("n:") else 0.0))
    if not firsts:
        return []
    n = len(norms)
    keys = np.concatenate(firsts) * n + np.concatenate(seconds)
    pairs, inverse = np.unique(keys, return_inverse=True)
    dot = np.bincount(inverse, weights=np.concatenate(weights))
    shared = np.bincount(inverse, weights=np.concatenate(words))
    shared_names = np.bincount(inverse, weights=np.concatenate(names))
    a, b = pairs // n, pairs % n
    norm = np.asarray(norms)
    keep = (shared >= STORY_MIN_SHARED) & (dot / (norm[a] * norm[b]) >= STORY_LINK)
    # two articles that each name rare people or bodies are one story only if they share at least one and
    # at least as many as the fewer either names alone: one court or city in common, each with its own
    # defendant and judge, is two cases heard in one place
    named = np.zeros(n, dtype=np.int64)
    for x, members in postings.items():
        if x.startswith("n:"):
            named[members] += 1
    alone = np.minimum(named[a] - shared_names, named[b] - shared_names)
    keep &= (named[a] == 0) | (named[b] == 0) | (shared_names >= np.maximum(1, alone))
    days = np.array([d.toordinal() if d is not None else np.nan for d in published], dtype=float)
    apart = np.abs(days[a] - days[b])
    keep &= ~(apart > STORY_WINDOW_DAYS)  # unknown dates (nan) do not separate
    return list(zip(a[keep].tolist(), b[keep].tolist()))


# fewer sources than this are one story, as the user gave them (the founding behaviour)
STORY_MIN_SOURCES = 12
# a feature in more than this share of articles (or STORY_MAX_DF_FLOOR) identifies nothing
STORY_MAX_SHARE = 0.02
STORY_MAX_DF_FLOOR = 20
# cosine of the rare-feature vectors from which two articles are one story (same-story pairs of
# the benchmark: 99 % above 0.55; pairs of different stories that pass the other gates: below 0.5)
STORY_LINK = 0.4
# and at least this many shared rare features besides figures
STORY_MIN_SHARED = 2
# articles published further apart than this are different stories
STORY_WINDOW_DAYS = 7

_STORY_NAME = re.compile(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)+")
_STORY_WORD = re.compile(r"[A-Za-z][a-z]{2,}")
_STORY_FIGURE = re.compile(r"\d[\d,.]*\d|\d")
_CALENDAR = frozenset(w.lower() for w in (*calendar.day_name, *calendar.month_name, *calendar.day_abbr,
                                          *calendar.month_abbr) if w)


def story_features(text: str) -> frozenset[str]:
    """What identifies an article's story: names ("n:"), words and exact figures ("#").

    Weekday and month names are left out: they are shared by unrelated stories.
    """
    stop = terms.vocabulary().stopwords
    found: set[str] = set()
    in_names: set[str] = set()
    for m in _STORY_NAME.finditer(text):
        words = [w for w in re.split(r"[ -]", m.group(0)) if w.lower() not in stop and w.lower() not in _CALENDAR]
        if len(words) >= 2:
            found.add("n:" + " ".join(words).lower())
            in_names.update(w.lower() for w in words)
    for m in _STORY_WORD.finditer(text):
        word = m.group(0).lower()
        if word not in stop and word not in _CALENDAR and word not in in_names:
            found.add(word)  # a word of a name counts once, as the name
    for m in _STORY_FIGURE.finditer(text):
        found.add("#" + m.group(0).replace(",", ""))
    return frozenset(found)


def stories(ids: Sequence[str], features: Sequence[frozenset[str]],
            published: Sequence[date | None]) -> dict[str, int]:
    """Story number per source id (numbered by first source), by linking articles that
    share rare features; an inverted index over rare features keeps this near-linear."""
    n = len(ids)
    if n < STORY_MIN_SOURCES:
        return {i: 0 for i in ids}
    df: dict[str, int] = defaultdict(int)
    for f in features:
        for x in f:
            df[x] += 1
    max_df = max(STORY_MAX_DF_FLOOR, int(STORY_MAX_SHARE * n))
    weight = {x: math.log(n / d) ** 2 for x, d in df.items() if 1 < d <= max_df}
    postings: dict[str, list[int]] = defaultdict(list)
    norms = []
    for k, f in enumerate(features):
        rare = sorted(x for x in f if x in weight)
        for x in rare:
            postings[x].append(k)
        norms.append(math.sqrt(sum(weight[x] for x in rare)) or 1.0)
    root = components.lowest_members(n, _links(postings, weight, norms, published))
    numbering: dict[int, int] = {}
    return {ids[k]: numbering.setdefault(root[k], len(numbering)) for k in range(n)}

"""Reprint families: articles of one story that are copies of one another.

Three papers printing one wire story are one witness, not three. Two articles
are one family when the shorter one's words appear, in the same order, in the
other for the most part (`REPRINT_SIMILARITY`: a changed headline, a trimmed
last paragraph or another dateline keeps a copy a copy; two outlets' own
reports of one event, even sharing quotes, stay far below), or when both
credit the same news agency ("(Reuters) -", "— AP", "Agence France-Presse
contributed to this report", a `Source: AFP` line; data/wires.json).
Families are the connected groups of such links, found only inside a story,
so no family ever spans two stories.

The near-duplicate test is rapidfuzz's longest common subsequence over the
articles' words (exact, and fast in C); candidate pairs come from an index of
shared word shingles, so an archive costs about one pass over its text, never
all pairs of its articles.

Claims stated only inside one family stay single-source (compare.label); a
family's members are never in conflict over a sentence they print alike
(`drop_echoes`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Mapping, Protocol, Sequence, TypeVar

from rapidfuzz.distance import LCSseq

from .. import components, lexicon
from ..errors import DataFileError
from ..records import Claim, Source

# share of the shorter article's words the other holds in order (rapidfuzz LCSseq over words) from
# which two articles are copies. Measured (word LCS / shorter length): the 140 pairs of independent
# articles in the evaluation sets (real coverage included) at most 0.39, median 0.21; the
# benchmark's same-story articles (short, built from shared template lines) median 0.49, 99% below
# 0.76; every evaluation article against itself with a new headline, another dateline and its last
# paragraph cut at least 0.91.
REPRINT_SIMILARITY = 0.8
# shorter articles than this (in words) are never called copies on their text alone
MIN_WORDS = 30
# word n-grams indexed to find candidate pairs, and how many two articles must share to be compared
SHINGLE = 6
MIN_SHARED_SHINGLES = 3
# a family's cell in claims.csv: its sources' ids joined by this
SEPARATOR = ";"

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Family:
    """Sources that carry one text: `members` are source ids (sorted); `agencies` the news agencies
    two or more of them credit; `copied` whether some members are near-identical in their words."""

    members: tuple[str, ...]
    agencies: tuple[str, ...] = ()
    copied: bool = False

    @property
    def cell(self) -> str:
        """The family as claims.csv's `family` column writes it: member source ids, `;`-separated."""
        return SEPARATOR.join(self.members)


class _Pair(Protocol):
    """Two claim indices (compare.Conflict)."""

    @property
    def a(self) -> int: ...

    @property
    def b(self) -> int: ...


P = TypeVar("P", bound=_Pair)


@lru_cache(maxsize=1)
def _credit_patterns() -> tuple[tuple[re.Pattern[str], ...], dict[str, str]]:
    """The credit patterns with every alias filled in, and alias -> agency."""
    data = lexicon.load("wires")
    agencies, patterns = data.get("agencies"), data.get("credit_patterns")
    if not isinstance(agencies, dict) or not isinstance(patterns, list):
        raise DataFileError("wires", 'needs an "agencies" map and a "credit_patterns" list')
    alias_of: dict[str, str] = {}
    for agency, aliases in agencies.items():
        if not isinstance(aliases, list) or not aliases:
            raise DataFileError("wires", f"agencies: {agency!r} needs a list of aliases")
        for alias in aliases:
            if alias in alias_of:
                raise DataFileError("wires", f"agencies: alias {alias!r} names two agencies")
            alias_of[alias] = agency
    names = "|".join(re.escape(a) for a in sorted(alias_of, key=lambda a: (-len(a), a)))
    group = rf"(?<![\w-])(?P<agency>{names})(?![\w-])"
    compiled = []
    for pattern in patterns:
        if not isinstance(pattern, str) or pattern.count("{agency}") != 1:
            raise DataFileError("wires", f"credit_patterns: {pattern!r} must hold {{agency}} once")
        try:
            compiled.append(re.compile(pattern.replace("{agency}", group), re.MULTILINE))
        except re.error as exc:
            raise DataFileError("wires", f"credit_patterns: {pattern!r}: {exc}") from None
    return tuple(compiled), alias_of


def credits(source: Source) -> tuple[str, ...]:
    """The news agencies `source` credits as the origin of its text (canonical names, sorted):
    a credit in the text, or an outlet that is itself an agency. A mention of an agency as a
    source of a fact ("the agency reported") is no credit."""
    patterns, alias_of = _credit_patterns()
    found = {alias_of[m.group("agency")] for p in patterns for m in p.finditer(source.text)}
    if source.outlet and source.outlet.strip() in alias_of:
        found.add(alias_of[source.outlet.strip()])
    return tuple(sorted(found))


def words(source: Source) -> list[str]:
    """The article's words, lower-cased, metadata (front matter, dateline prefix) left out."""
    text = source.text
    spans = sorted(source.meta_spans)
    parts, at = [], 0
    for start, end in spans:
        parts.append(text[at:max(at, start)])
        at = max(at, end)
    parts.append(text[at:])
    return [w.lower() for part in parts for w in _WORD.findall(part)]


def similarity(a: Sequence[object], b: Sequence[object]) -> float:
    """Share (0..1) of the shorter word sequence found in the other in the same order
    (their longest common subsequence over the shorter length); 0.0 if either is empty."""
    shorter = min(len(a), len(b))
    if not shorter:
        return 0.0
    return LCSseq.similarity(a, b) / shorter


def families(sources: Sequence[Source], story_of: Mapping[str, int] | None = None) -> tuple[Family, ...]:
    """The reprint families among `sources` (each of two or more sources), in order of their first
    member; `story_of` (source id -> story, as stories.stories gives) keeps families inside a
    story; None: all the sources are one story. Near-linear in the total number of words."""
    by_story: dict[int, list[Source]] = {}
    for s in sources:
        by_story.setdefault(story_of[s.id] if story_of is not None else 0, []).append(s)
    found: list[Family] = []
    for members in by_story.values():
        if len(members) > 1:
            found.extend(_story_families(members))
    order = {s.id: k for k, s in enumerate(sources)}
    return tuple(sorted(found, key=lambda f: min(order[m] for m in f.members)))


def family_of(found: Sequence[Family]) -> dict[str, str]:
    """Source id -> its family's cell, for the sources that have one."""
    return {m: f.cell for f in found for m in f.members}


def _story_families(story: Sequence[Source]) -> list[Family]:
    n = len(story)
    copies = _copies(story)
    copied = {k for pair in copies for k in pair}
    credited: dict[str, list[int]] = {}
    for k, s in enumerate(story):
        for agency in credits(s):
            credited.setdefault(agency, []).append(k)
    same_wire = [(ks[0], k) for ks in credited.values() for k in ks[1:]]
    root = components.lowest_members(n, copies + same_wire)
    groups: dict[int, list[int]] = {}
    for k in range(n):
        groups.setdefault(root[k], []).append(k)
    out = []
    for ks in groups.values():
        if len(ks) < 2:
            continue
        agencies = tuple(sorted(a for a, holders in credited.items() if len(set(holders) & set(ks)) >= 2))
        out.append(Family(tuple(sorted(story[k].id for k in ks)), agencies, any(k in copied for k in ks)))
    return out


def _copies(story: Sequence[Source]) -> list[tuple[int, int]]:
    """Pairs of the story's articles that are copies by their words. Candidates share shingles:
    each shingle's articles are paired with their neighbours in the index only, so a text carried
    by many articles costs a chain of pairs, not all of them."""
    vocabulary: dict[str, int] = {}
    coded = [[vocabulary.setdefault(w, len(vocabulary)) for w in words(s)] for s in story]
    postings: dict[tuple[int, ...], list[int]] = {}
    for k, seq in enumerate(coded):
        if len(seq) < MIN_WORDS:
            continue
        for shingle in {tuple(seq[i:i + SHINGLE]) for i in range(len(seq) - SHINGLE + 1)}:
            postings.setdefault(shingle, []).append(k)
    shared: dict[tuple[int, int], int] = {}
    for holders in postings.values():
        for x, y in zip(holders, holders[1:]):
            shared[(x, y)] = shared.get((x, y), 0) + 1
    return sorted(pair for pair, count in shared.items()
                  if count >= MIN_SHARED_SHINGLES
                  and similarity(coded[pair[0]], coded[pair[1]]) >= REPRINT_SIMILARITY)


def drop_echoes(claims: Sequence[Claim], conflicts: Sequence[P], family: Mapping[str, str]) -> list[P]:
    """`conflicts` (pairs of claim indices) without those between two sources of one family over
    one text: a sentence two copies print alike cannot contradict itself (a weekday read against
    two publication dates, say). Copies that differ in their words still conflict."""
    def echo(c: P) -> bool:
        a, b = claims[c.a], claims[c.b]
        fa = family.get(a.source)
        return (fa is not None and a.source != b.source and fa == family.get(b.source)
                and _plain(a.text) == _plain(b.text))

    return [c for c in conflicts if not echo(c)]


def _plain(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))

"""A named competitor's result, compared across a story's sources (kind `result`).

"Petra Nyman won the open with 6.5 points" and "Nyman finished on 7 points to
take the title" give one player two totals; "Reid crossed the line in 2:07:41"
and "Reid won in a time of 2:08:14" give one runner two times. A result is the
person's, whatever verb reports it, so no match is needed:

- the competitor is the claim's subject, named (capitalised) in its own words,
  or the one its source named last when the claim refers back ("The
  29-year-old finished in ...", "His winning time was ...");
- a points total is "N points" not read as a margin or a change ("two points
  clear", "by half a point", data/results.json); a time is h:mm:ss or m:ss.s;
- a goal's minute is the one ordinal minute of a claim whose subject is the scorer or
  whose opening names the scorer's deed ("Berg's late header six minutes from time": the 84th);
- each source gives one value per person and result; a forecast, a negation
  or a background claim (a year written out, another occasion) states none.

    >>> results_in("Petra Nyman won the open with 6.5 points.", "petra nyman")
    [('points', 6.5, '6.5 points')]
    >>> results_in("Nyman finished two points clear of Holt.", "nyman")
    []
    >>> results_in("Reid won in a time of 2:08:14.", "reid")
    [('time', 7694.0, '2:08:14')]
    >>> results_in("Berg's late header six minutes from time won it.", "berg")
    [('minute', 84.0, 'six')]
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import combinations
from typing import Sequence

from .. import lexicon
from . import attributes
from . import claims as claims_mod
from ..records import Claim
from ..slots import quantities
from ..slots.names import people

_POINTS = re.compile(r"(?<![\w.:-])(\d{1,3}(?:\.5|½)?|half)\s+(?:a\s+)?points?\b", re.IGNORECASE)
_TIME = re.compile(r"(?<![\w:.])(?:(\d):)?([0-5]?\d):([0-5]\d)(?:\.(\d{1,2}))?(?![\w:])")
_UNCERTAIN = frozenset({"expected", "conditional", "unknown", "scheduled", "denied", "requested"})
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
# a sentence about the person named before it ("The 29-year-old ..." is attributes.referring_age)
_PRONOUN_OPENING = re.compile(r"\s*(?:He|She|His|Her)\b")


def _words(key: str) -> frozenset[str]:
    return lexicon.words("results", key)


@lru_cache(maxsize=1)
def _owner() -> re.Pattern[str]:
    deeds = "|".join(sorted(_words("deed_nouns"), key=len, reverse=True))
    return re.compile(rf"\s*(?:[A-Z][\w-]+\s+)?([A-Z][\w-]+)['’]s\s+(?:[\w-]+\s+)?(?:{deeds})\b")


def results_in(text: str, person: str) -> list[tuple[str, float, str]]:
    """(result, value, words) for each result `text` gives its subject `person` (a key).
    Points are a count, a time is in seconds."""
    out: list[tuple[str, float, str]] = []
    for m in _POINTS.finditer(text):
        before = re.findall(r"[\w']+", text[:m.start()].lower())[-1:]
        after = re.findall(r"[\w']+", text[m.end():].lower())[:1]
        if set(before) & _words("margin_before") or set(after) & _words("margin_after"):
            continue
        number = m.group(1).lower().replace("½", ".5")
        value = 0.5 if number == "half" else float(number)
        out.append(("points", value, m.group(0)))
    goal_minutes = {q.value: q.text for q in quantities.find_quantities(text) if q.kind == "ordinal" and q.counted == "minute"}
    if len(goal_minutes) == 1:  # "headed the winner in the 81st minute", "six minutes from time": one goal's minute
        value, words = next(iter(goal_minutes.items()))
        out.append(("minute", value, words))
    for m in _TIME.finditer(text):
        hours, minutes, seconds, fraction = m.groups()
        if hours is None and fraction is None:
            continue  # "10:30" is a time of day, not a race time
        value = int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds) + (int(fraction) / 10 ** len(fraction) if fraction else 0)
        out.append(("time", float(value), m.group(0)))
    return out


def _person(c: Claim) -> str | None:
    """The claim's subject's last name word when it is a name (a player, a team) written in
    the claim's own words, capitalised."""
    if not (c.subject and c.subject_named):
        owner = _owner().match(c.text)  # "Berg's (late) header six minutes from time won it"
        return owner.group(1).lower() if owner else None
    last = c.subject.split()[-1]
    return last if re.search(rf"\b{re.escape(last.title())}\b", c.text) else None


def result_conflicts(claims: Sequence[Claim], block: Sequence[int]) -> list[tuple[int, int, str]]:
    """(i, j, reason) for two sources giving one named person two values of one result.
    `block` indexes `claims` (one story); one conflict per pair of sources, person and result."""
    stated: dict[tuple[str, str], dict[str, list[tuple[int, float, str]]]] = {}
    other = claims_mod.cues().other_occasion
    last_named: dict[str, str] = {}  # source -> the competitor it named last
    for i in block:
        c = claims[i]
        person = _person(c)
        if person is None and (_PRONOUN_OPENING.match(c.text) or attributes.referring_age(c.text) is not None):
            person = last_named.get(c.source)  # "The 29-year-old finished in ...", "His winning time was ..."
        named = [name.split()[-1].lower() for name in people(c.text)]
        if person or named:
            last_named[c.source] = person or named[-1]
        if person is None or not c.polarity or c.status in _UNCERTAIN or other.search(c.text) or _YEAR.search(c.text):
            continue
        for result, value, words in results_in(c.text, person):
            stated.setdefault((person, result), {}).setdefault(c.source, []).append((i, value, words))
    out: list[tuple[int, int, str]] = []
    for (person, result), by_source in sorted(stated.items()):
        single = {src: found for src, found in by_source.items() if len({v for _, v, _ in found}) == 1}
        for (_, found_a), (_, found_b) in combinations(sorted(single.items()), 2):
            (i, va, wa), (j, vb, wb) = found_a[0], found_b[0]
            if va != vb:
                out.append((i, j, f'result ({person.title()}, {result}): "{wa}" in "{_cut(claims[i].text)}" '
                                  f'vs "{wb}" in "{_cut(claims[j].text)}"'))
    return out


def _cut(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"

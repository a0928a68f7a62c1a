"""One named speaker quoted by two sources with two figures for one thing.

A figure is the speaker's whatever sentence reports it: "we have 350
firefighters on this fire, the governor said" and "'we have 600 firefighters
on the ground,' Arancibia said" cannot both be what Arancibia said about one
fire, though no matcher pairs the two sentences. The speaker is the surname of
the attribution ("regional director S.K. Mohanty" -> "mohanty"), or a named
subject that states the figure itself ("Governor Marsh forecast inflation of
2.9 percent": data/speakers.json `stating_verbs`).

Figures are compared by measure:

- a sum of one currency, a percentage, a speed, a length (any counted noun or
  none, the counted nouns agreeing where both name one);
- a count of one named kind of thing ("350 firefighters" / "600 firefighters";
  "32 million passengers" / "about 25 million passengers"): never of people in
  general ("40 people": the dead, the evacuated, the rescued), never a running
  count that changes as the story unfolds (the toll, the injured, arrests:
  data/changing_figures.json, compared on matched pairs where the timeline
  reads later rises as updates), never an addition ("another 20") or a part
  ("20 of the 70");
- a duration in one unit ("closed for three months" / "shut for six months"),
  only where both claims have the same subject: a speaker gives many durations.

Guards for every measure: each source gives that speaker one value of that
measure (two figures in one source count different things); values compatible
as quantities.compatible reads them (a range, "about") agree; the claims do
not name two doers and are not about two occasions.

    >>> speaker_key("Festival director Joost Verhaegen")
    'verhaegen'
    >>> speaker_key("officials") is None
    True
"""
from __future__ import annotations

import re
from itertools import combinations
from typing import Sequence

from . import claims as claims_mod
from .. import lexicon
from ..slots import measures, quantities, terms
from . import figures, story_counts
from . import match as match_mod
from ..records import Claim, Quantity

_PEOPLE = terms.CONCEPT_PREFIX + "people"


def _words(key: str) -> frozenset[str]:
    return lexicon.words("speakers", key)


def speaker_key(attribution: str | None) -> str | None:
    """A named speaker's surname ("regional director S.K. Mohanty" -> "mohanty"), else None."""
    if not attribution:
        return None
    words = attribution.replace("’", "'").split()
    if not words or not words[-1][:1].isupper():
        return None  # "officials", "the ministry": no one person
    return words[-1].lower().rstrip(".,'s")


def speaker_of(c: Claim) -> str | None:
    """Who states the claim, as a surname: its attribution's, or its named subject's when the
    predicate is itself a way of stating a figure or a plan ("Marsh forecast ...").

    >>> from factcheck.records import Claim
    >>> speaker_of(Claim("x", "a", 0, 1, "Marsh forecast 3 percent", 0, 1, subject="elin marsh",
    ...                  subject_named=True, lemma="forecast"))
    'marsh'
    """
    found = speaker_key(c.attribution)
    if found is not None:
        return found
    if c.subject and c.subject_named and c.lemma in _words("stating_verbs"):
        return c.subject.split()[-1]
    return None


def measure_of(q: Quantity, text: str) -> str | None:
    """The measure a figure is in, as a key two figures must share to be compared: a currency,
    percent, a physical dimension, a count of one named kind of thing, a duration in one
    unit; None for a figure no speaker comparison reads.

    >>> [measure_of(q, "We have 350 firefighters") for q in quantities.find_quantities("We have 350 firefighters")]
    ['count firefight']
    >>> [measure_of(q, "killing 40 people") for q in quantities.find_quantities("killing 40 people")]
    [None]
    """
    if q.kind == "money" and q.unit:
        return f"money {q.unit}"
    if q.kind == "percent":
        return "percent"
    if q.kind in measures.DIMENSIONS:
        return q.kind
    if q.kind != "cardinal" or q.unit is not None or not q.counted or q.qualifier == "vague":
        return None
    noun = q.counted.lower().split()[-1]
    before = [w.lower() for w in text[:q.start].split()[-2:]]
    after = text[q.end:].lstrip().lower()
    if (set(before) & lexicon.words("story_counts", "increment_words") or after.startswith(("of ", "out of ", "more ", "others "))
            or text[q.end:q.end + 1] == "-" or noun in _words("running_nouns") | _changing_nouns()):
        return None  # an addition, a part, a compound modifier, or a count that runs on
    unit = _duration_units().get(noun)
    if unit is not None:
        if after.split(" ", 1)[0] in _words("time_point_words"):
            return None  # "three months ago", "six weeks later": a point in time, not a duration
        return f"duration {unit}"
    concept = figures.counted_concept(q)
    if concept == _PEOPLE:
        if noun in _words("generic_people"):
            return None  # "40 people": the dead, the evacuated, the rescued
        concept = terms.stem(noun)  # "passengers", "residents": one population each
    return f"count {concept}" if concept else None


def _duration_units() -> dict[str, str]:
    """Time words -> their unit ("weeks" -> "week"), from data/time_words.json."""
    return {k.lower(): v for k, v in lexicon.load("time_words")["duration_units"].items()}


def _changing_nouns() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon.load("changing_figures")["counted"])


def _running(c: Claim) -> bool:
    """The claim reports an event whose count keeps changing (killed, rescued, missing)."""
    events = frozenset((c.predicate or "").split(","))
    return bool(events & frozenset(lexicon.load("changing_figures")["events"]))


def _background(c: Claim) -> bool:
    """A claim about another occasion ("in 2019", "at its previous meeting"); a forecast for
    "next year" is about the year ahead, which both sources forecast."""
    if claims_mod.about_other_occasion(c.text):
        return True
    return any(m.granularity in ("month", "year") and m.relation in ("on", "in", "during")
               and m.text.lower().split()[0] not in _words("forward_words") for m in c.when)


def _time_unit_count(q: Quantity) -> bool:
    """A percentage whose 'counted' noun is a time ('2.4 percent next year'): it counts nothing."""
    return bool(q.counted) and q.counted.lower().split()[-1] in _duration_units()


def speaker_conflicts(claims: Sequence[Claim], block: Sequence[int]) -> list[tuple[int, int, str]]:
    """(i, j, reason) for one named speaker quoted in two sources with figures of one measure
    that cannot both hold. Each source must give that speaker one value of that measure, so a
    speaker's several figures in one article are never set against each other's."""
    stated: dict[tuple[str, str], dict[str, list[tuple[int, Quantity]]]] = {}
    for i in block:
        c = claims[i]
        speaker = speaker_of(c)
        if speaker is None or not c.polarity or story_counts.says_running_tally(c.text):
            continue
        if _background(c):
            continue
        for q in c.quantities:
            measure = measure_of(q, c.text)
            if measure is None or (measure.startswith(("count ", "duration ")) and _running(c)):
                continue
            stated.setdefault((speaker, measure), {}).setdefault(c.source, []).append((i, q))
    out: list[tuple[int, int, str]] = []
    for (speaker, measure), by_source in sorted(stated.items()):
        for (_, left), (_, right) in combinations(story_counts.one_value_each(by_source), 2):
            (i, qa), (j, qb) = left[0], right[0]
            a, b = claims[i], claims[j]
            if quantities.compatible(qa, qb) or not _same_thing(qa, qb):
                continue
            if match_mod.subjects_agree(a, b) is False or match_mod.different_occasions(a, b):
                continue
            if measure.startswith("duration ") and not (a.subject and b.subject
                                                         and match_mod.same_participant(a.subject, b.subject)):
                continue  # a speaker gives many durations: of one subject only
            out.append((i, j, f'speaker ({speaker}): "{qa.text}" in "{_cut(a.text)}" vs "{qb.text}" in "{_cut(b.text)}"'))
    return out


def _same_thing(x: Quantity, y: Quantity) -> bool:
    """The counted nouns, where both name one, name one thing."""
    cx = None if _time_unit_count(x) else figures.counted_concept(x)
    cy = None if _time_unit_count(y) else figures.counted_concept(y)
    return not (cx and cy and cx != cy)


def _cut(text: str, limit: int = 90) -> str:
    text = re.sub(r"\s+", " ", text)
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"

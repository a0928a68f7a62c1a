"""The day each source's lead gives the story's event, compared across sources (kind `day`).

A news article's first sentence tells what happened and when; the words for the
act vary with the outlet ("lifted Saturday's trophy", "won the cup on
Sunday", "sealed a famous win yesterday"), so no class of event
nouns or verbs can list them all (event_day.py keeps such classes for claims
further down an article). Two sources' leads report one event when they share
its participants: a named subject or object of one is a subject or object of
the other ("Ana Gomez" in both), or their frames agree (`frame_match`).
Then the days they give it must be one day, after resolving relative words
against each article's date ("yesterday" in a paper dated Monday is Sunday).

Guards, because a lead may report the day's development rather than the event:
the lead must assert a past act (not a forecast, a condition, a denial or a
negation), date it by one day only, not by a year, and not name another
occasion; states ("remained closed on Monday") and acts of saying carry no
event day; days more than a week apart, one instant written in two zones, or
the same relative words in two articles are never a clash (`event_day.days_clash`).

    >>> from factcheck.records import Claim, TimeMention
    >>> on = lambda d: (TimeMention(0, 1, f"on {d}", weekday=("Saturday", "Sunday").index(d) + 5),)
    >>> a = Claim("a1", "a", 0, 9, "Reid won the Alder Classic on Saturday", 0, 9, when=on("Saturday"),
    ...           lemma="win", subject="reid", subject_named=True, object="alder classic")
    >>> b = Claim("b1", "b", 0, 9, "Reid took the Alder Classic on Sunday", 0, 9, when=on("Sunday"),
    ...           lemma="take", subject="reid", subject_named=True, object="alder classic")
    >>> [(i, j) for i, j, _ in lead_day_conflicts([a, b], [0, 1])]
    [(0, 1)]
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from .. import lexicon
from ..records import Claim, TimeMention
from ..slots import names
from . import event_day, frame_match
from .participants import UNRESOLVED, same_participant
from .verbs import occasion_qualifiers


def lead_day(c: Claim) -> TimeMention | None:
    """The one day `c` gives an act it asserts happened, or None (see the module's guards)."""
    if c.status in event_day.NOT_ASSERTED or not c.polarity or c.negated or not c.lemma:
        return None
    if c.lemma in lexicon.words("event_days", "linking_lemmas") or c.lemma in lexicon.words("event_days", "state_lemmas"):
        return None
    if c.lemma.split()[0] in lexicon.words("event_days", "saying_lemmas"):
        return None
    if event_day.dated_by_year_or_other(c) or any(_markers(key).search(c.text) for key in ("follow_up_markers", "state_markers")):
        return None
    if {k.split()[-1] for k, named in _roles(c) if not named} & lexicon.words("event_days", "other_event_nouns"):
        return None  # "the rescue at the quarry was over by Friday": the rescue's day (not "the Brenholt Memorial")
    day = event_day.event_day(c)
    if day is not None and _in_own_clause(c.text, day):
        return None  # "cancelled 300 flights, as the first flights left again on Monday": their day
    return day


@lru_cache(maxsize=None)
def _markers(key: str) -> re.Pattern[str]:
    """Any word or phrase of event_days.json `key`: follow_up_markers, state_markers."""
    words = sorted(lexicon.words("event_days", key), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")\b", re.IGNORECASE)


_OWN_CLAUSE = re.compile(r",\s+(?:as|while|when|after|before|until|whereas)\b[^,;]*$", re.IGNORECASE)


def _in_own_clause(text: str, day: TimeMention) -> bool:
    """The day stands in an adverbial clause after a comma ("..., as the first departures left
    on Monday"), which tells another act than the lead's."""
    at = text.find(day.text)
    return at > 0 and _OWN_CLAUSE.search(text, 0, at) is not None



def _roles(c: Claim) -> list[tuple[str, bool]]:
    """The claim's subject and object keys, each with whether the claim writes it as a name."""
    out = []
    for key in (c.subject, c.object):
        if key and key not in UNRESOLVED:
            out.append((key, frame_match.written_as_name(c, key)))
    return out


def one_event(a: Claim, b: Claim) -> bool:
    """Two leads report one act: a participant written as a name in either is a participant
    of both, or their frames say one act (`frame_match.frame_evidence`)."""
    for x, x_named in _roles(a):
        for y, y_named in _roles(b):
            if (x_named or y_named) and same_participant(x, y):
                return True
    if _shared_names(a) & _shared_names(b):
        return True
    return frame_match.frame_evidence(a, b) > 0


def _shared_names(c: Claim) -> frozenset[str]:
    """Proper names the claim writes that are not towns or regions ("Perrin Gallery", not "Holmby"):
    a venue is a participant of the act, a town only where it happened."""
    places = {w.lower() for site in c.sites if site.sort != "venue" for w in site.name.split()}
    places |= {w.lower() for p in c.where for w in p.split()}
    return names.proper_names(c.text) - places


def lead_claims(claims: Sequence[Claim], block: Sequence[int]) -> list[int]:
    """The claims (indices into `claims`) of each source's first sentence that holds claims."""
    first: dict[str, int] = {}
    for i in block:
        c = claims[i]
        first[c.source] = min(first.get(c.source, c.sentence_start), c.sentence_start)
    return [i for i in block if claims[i].sentence_start == first[claims[i].source]]


def leads(claims: Sequence[Claim], block: Sequence[int]) -> dict[str, list[tuple[int, TimeMention]]]:
    """Per source, the claims of its first sentence that holds claims, with their lead day."""
    found: dict[str, list[tuple[int, TimeMention]]] = {}
    for i in lead_claims(claims, block):
        day = lead_day(claims[i])
        if day is not None:
            found.setdefault(claims[i].source, []).append((i, day))
    return found


def lead_day_conflicts(claims: Sequence[Claim], block: Sequence[int]) -> list[tuple[int, int, str]]:
    """Pairs of lead claims of two sources of one story block (indices into `claims`) that
    report one act on two days that cannot be one, with the reason; one pair per two sources."""
    by_source = sorted(leads(claims, block).items())
    out: list[tuple[int, int, str]] = []
    for n, (source, mine) in enumerate(by_source):
        for _, theirs in by_source[n + 1:]:
            pair = next(((i, j, x, y) for i, x in mine for j, y in theirs
                         if one_event(claims[i], claims[j])
                         and occasion_qualifiers(claims[i].text) == occasion_qualifiers(claims[j].text)
                         and event_day.days_clash(x, y, event_day.zoned(claims[i], claims[j]))), None)
            if pair:
                i, j, x, y = pair
                out.append((i, j, event_day.day_reason(x, y)))
    return out

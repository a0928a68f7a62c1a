"""The day of the story's one-off event, compared across its sources (kind `day`).

Two sources may name one event in words that share nothing a match could use:
"the final was played on Sunday" and "won the cup this evening" in a bulletin
dated Saturday; "the ceremony was held on Friday evening" and "won the top prize
on Saturday"; "the bridge collapsed on Monday" and "came down on September 16"
(a Tuesday). Each reports the one event of its class (data/event_days.json:
the final, the award ceremony, a collapse, a capsizing ...), and each source
says on which day. Found without a match, like the other story-level kinds:

- a claim reports a class's event when its predicate is one of the class's
  verbs ("capsize", "come down"), or when a noun of the class is among its
  words and its predicate only reports it ("the final was played", "named best
  film at the closing gala"); "the accident happened on ..." refers back to the
  story's main event (the class most sources date);
- the day is a point time of day granularity ("on Sunday", "last night",
  "on the evening of April 12", "last night's win");
- each source's day for a class is the first it gives (its lead tells the
  event); two sources whose days cannot be one day conflict, and a later
  "the accident happened on ..." against its own source's lead conflicts too.

Guards, because a story holds other events: forecasts, conditions, denials and
negations are left out ("will be played on Sunday"); so are claims about
another occasion (a semi-final, an aftershock, "last year", a year written out)
and claims whose subject or object is another event (a funeral, an inquiry);
two resolved days more than a week apart are two occasions, not one event told
wrong; one instant written in two zones ("early Sunday, India time" and
"Saturday" evening in Europe) and the same relative words ("on Sunday" in two
articles of different days) agree.

    >>> event_classes_of_words("collapse", None, None, "The old bridge collapsed")
    frozenset({'collapse'})
    >>> sorted(event_classes_of_words("play", None, "final", "The final was played"))
    ['final']
    >>> event_classes_of_words("hold", None, "funeral", "A funeral for the cup winners was held")
    frozenset()
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Sequence

from . import claims as claims_mod
from .. import lexicon
from . import match
from ..slots import terms, when, zones
from ..records import Claim, TimeMention
from .verbs import occasion_qualifiers

_DATA = "event_days"
# claims that do not assert that the event happened (yet)
NOT_ASSERTED = frozenset({"scheduled", "expected", "conditional", "unknown", "pending", "denied", "requested"})
# two resolved days further apart than this are two occasions (a background event), not one told wrong
_MAX_GAP_DAYS = 7
_DAY = match.DAY_GRANULARITY
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_ABSOLUTE = re.compile(r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.IGNORECASE)
_GENERIC = "*"


@dataclass(frozen=True)
class _Tables:
    classes: dict[str, tuple[frozenset[str], frozenset[str]]]  # name -> (lemmas, nouns)
    nouns: re.Pattern[str]          # any class's noun
    light: frozenset[str]
    linking: frozenset[str]
    generic: re.Pattern[str]
    other: re.Pattern[str]
    other_events: frozenset[str]


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    data = lexicon.load(_DATA)
    classes = {name: (frozenset(e.get("lemmas", [])), frozenset(n.lower() for n in e.get("nouns", [])))
               for name, e in data["classes"].items()}
    return _Tables(classes, _words_pattern([n for _, nouns in classes.values() for n in nouns]),
                   frozenset(data["light_lemmas"]), frozenset(data["linking_lemmas"]),
                   _words_pattern(data["generic_nouns"]), _words_pattern(data["other_occasion"]),
                   frozenset(data["other_event_nouns"]))


def _classes_of_nouns(words: set[str]) -> set[str]:
    return {name for name, (_, nouns) in _tables().classes.items() if nouns & words}


def _words_pattern(words: Sequence[str]) -> re.Pattern[str]:
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


def _head(key: str | None) -> str | None:
    return key.split()[-1] if key else None


def event_classes_of_words(lemma: str | None, subject: str | None, obj: str | None, text: str) -> frozenset[str]:
    """The one-off event classes a claim reports, from its predicate lemma, its subject and
    object keys and its words; "*" for a generic reference ("the accident happened")."""
    t = _tables()
    heads = {k for k in (_head(subject), _head(obj), subject, obj) if k}
    if t.other.search(text) or heads & t.other_events:
        return frozenset()
    found: set[str] = set()
    first = lemma.split()[0] if lemma else None
    for name, (lemmas, _) in t.classes.items():
        if lemma and (lemma in lemmas or first in lemmas):
            found.add(name)
    if lemma in t.light:
        found |= _classes_of_nouns({w.lower() for w in t.nouns.findall(text)})
    elif lemma in t.linking:
        found |= _classes_of_nouns(heads)
    if not found and lemma in t.light and t.generic.search(text):
        found.add(_GENERIC)
    return frozenset(found)


def dates_a_state(c: Claim) -> bool:
    """The claim's frame links a state ("it was bitterly cold") and names an event only in a
    dependent clause ("in the valley where the quake struck"), or tells a count changing ("the toll
    rose to 10 on Friday"; event_days.json count_change_lemmas): its time is the state's or the
    count's, not the event's.

    >>> from factcheck.records import Claim
    >>> dates_a_state(Claim("x", "a", 0, 1, "On Monday it was cold where the quake struck", 0, 1, lemma="be",
    ...                     subject="it"))
    True
    """
    if c.lemma and c.quantities and c.lemma.split()[0] in lexicon.words("event_days", "count_change_lemmas"):
        return True  # "the toll from the collapse on the weekend rose to 10 on Friday": the count's days
    t = _tables()
    if c.lemma not in t.linking or not t.nouns.search(c.text):
        return False
    return not event_classes_of_words(c.lemma, c.subject, c.object, c.text)


_RELATIVE = re.compile(r"\b(?:that|which|who)\b", re.IGNORECASE)


def dates_another_act(c: Claim, events: frozenset[str]) -> bool:
    """The claim's times are its main act's, and `events` (concept names shared with another
    claim) are told only in a relative clause after them: "On Monday rescuers searched for
    survivors of a quake that killed 27" dates the search, not the killing.

    >>> from factcheck.records import Claim, TimeMention
    >>> monday = TimeMention(0, 9, "On Monday", "on", "day")
    >>> dates_another_act(Claim("x", "a", 0, 1, "On Monday crews searched homes hit by a quake that killed 27", 0, 1,
    ...                         when=(monday,), lemma="search"), frozenset({"kill"}))
    True
    >>> dates_another_act(Claim("x", "a", 0, 1, "On Monday a quake killed 27", 0, 1, when=(monday,), lemma="kill"),
    ...                   frozenset({"kill"}))
    False
    """
    if not c.lemma or not c.when or not events:
        return False
    if {terms.CONCEPT_PREFIX + e for e in events} & set(terms.terms(c.lemma)):
        return False
    told = [start for start, _, _ in terms.concept_spans(c.text, events)]
    clause = next((r.start() for r in _RELATIVE.finditer(c.text)
                   if r.start() >= max(m.end for m in c.when)), None)
    return bool(told) and clause is not None and min(told) > clause


def occasions_apart(a: Claim, b: Claim, events: frozenset[str]) -> bool:
    """`match.different_occasions`, leaving out the times of a claim that `dates_another_act`:
    "went on strike on Friday, which forced the port to cancel 40 sailings" and "cancelled 55
    sailings" are one occasion of the cancelling."""
    a = replace(a, when=()) if dates_another_act(a, events) else a
    b = replace(b, when=()) if dates_another_act(b, events) else b
    return match.different_occasions(a, b)


def event_day(c: Claim) -> TimeMention | None:
    """The one day the claim gives its event: a point time of day granularity, the only one
    it holds ("last night's win" counts: the time is the event's, see `dated_event`)."""
    if len(c.when) != 1:
        return None
    m = c.when[0]
    if m.granularity not in _DAY or _YEAR.search(m.text):
        return None
    if m.relation in match.POINT_RELATIONS:
        return m
    return _possessive(m, c.text)


def dated_event(c: Claim) -> tuple[frozenset[str], TimeMention] | None:
    """The event classes `c` asserts happened and the one day it gives them, or None.
    A possessive time dates the noun after it ("after last night's 2-1 win": the win's day)."""
    if c.status in NOT_ASSERTED or not c.polarity or c.negated:
        return None
    if dated_by_year_or_other(c):
        return None
    day = event_day(c)
    if day is None:
        return None
    if day.relation == "on" and c.when[0].relation != "on":  # the possessive: its noun's classes
        after = re.search(re.escape(day.text) + r"['’]s\s+((?:[\w-]+\s+){0,2}[\w-]+)", c.text)
        words = {w.lower() for w in _tables().nouns.findall(after.group(1))} if after else set()
        found = frozenset(_classes_of_nouns(words))
        if _tables().other.search(c.text):
            return None
    else:
        found = event_classes_of_words(c.lemma, c.subject, c.object, c.text)
    return (found, day) if found else None


def dated_by_year_or_other(c: Claim) -> bool:
    """The claim dates itself by a year ("in 2019") or says it is about another occasion."""
    return match.dated_by_year(c) or claims_mod.about_other_occasion(c.text)


def _possessive(m: TimeMention, text: str) -> TimeMention | None:
    """"after last night's win": the time names the event's day, whatever the preposition
    before it; the mention without its preposition, as a point."""
    words = m.text.split()
    if len(words) < 2:
        return None
    bare = " ".join(words[1:])
    if not re.search(re.escape(bare) + r"['’]s\b", text):
        return None
    return replace(m, text=bare, relation="on")


def days_clash(x: TimeMention, y: TimeMention, zoned: bool = False) -> bool:
    """Two days that cannot be one event's: incompatible, not one instant in two zones, not
    the same relative words, and not so far apart that they are two occasions. `zoned`: a
    side writes a zone somewhere ("at 06:40 local time"), so days next to each other may be
    one instant."""
    if when.mentions_compatible(x, y) is not False or zones.instants_compatible(x, y):
        return False
    if zoned and _adjacent(x, y):
        return False
    if " ".join(x.text.lower().split()) == " ".join(y.text.lower().split()) and not _ABSOLUTE.search(x.text):
        return False
    if x.first and y.first and abs((x.first - y.first).days) > _MAX_GAP_DAYS:
        return False
    return True


def _adjacent(x: TimeMention, y: TimeMention) -> bool:
    """Days at most one apart, by their dates or their weekdays (unknown: maybe)."""
    if x.first and y.first and x.last and y.last:
        return (y.first - x.last).days <= 1 and (x.first - y.last).days <= 1
    if x.weekday is not None and y.weekday is not None:
        return (x.weekday - y.weekday) % 7 in (0, 1, 6)
    return True


def day_reason(x: TimeMention, y: TimeMention) -> str:
    return f'when: "{x.text}" ({when.describe(x)}) vs "{y.text}" ({when.describe(y)})'


def zoned(a: Claim, b: Claim) -> bool:
    return zones.writes_zone(a.text) or zones.writes_zone(b.text)


def day_conflicts(claims: Sequence[Claim], block: Sequence[int]) -> list[tuple[int, int, str]]:
    """Pairs of claims of one story block (indices into `claims`) giving the day of one
    one-off event as two days that cannot be one, with the reason."""
    dated: list[tuple[int, frozenset[str], TimeMention]] = []
    for i in block:
        found_day = dated_event(claims[i])
        if found_day is not None:
            dated.append((i, *found_day))
    sources_of: dict[str, set[str]] = {}
    for i, found, _ in dated:
        for name in found - {_GENERIC}:
            sources_of.setdefault(name, set()).add(claims[i].source)
    if not sources_of:
        return []
    main = max(sorted(sources_of), key=lambda n: len(sources_of[n]))
    leads: dict[tuple[str, str], tuple[int, TimeMention]] = {}  # (class, source) -> first dated claim
    later: list[tuple[str, int, TimeMention]] = []
    for i, found, day in sorted(dated, key=lambda d: (claims[d[0]].source, claims[d[0]].start)):
        for name in (found - {_GENERIC}) | ({main} if _GENERIC in found else set()):
            key = (name, claims[i].source)
            if key not in leads:
                leads[key] = (i, day)
            elif _GENERIC in found:
                later.append((name, i, day))
    out: list[tuple[int, int, str]] = []
    done: set[tuple[int, int]] = set()
    ordered = sorted(leads.items(), key=lambda kv: (kv[0][0], kv[0][1]))
    for n, ((name, source), (i, x)) in enumerate(ordered):
        for (other, source_b), (j, y) in ordered[n + 1:]:
            if (other == name and source_b != source and (i, j) not in done
                    and occasion_qualifiers(claims[i].text) == occasion_qualifiers(claims[j].text)
                    and days_clash(x, y, zoned(claims[i], claims[j]))):
                done.add((i, j))
                out.append((i, j, day_reason(x, y)))
    for name, j, y in later:  # "the accident happened on ..." against its own source's lead
        i, x = leads[(name, claims[j].source)]
        if (claims[i].sentence_start != claims[j].sentence_start and (i, j) not in done
                and days_clash(x, y, zoned(claims[i], claims[j]))):
            done.add((i, j))
            out.append((i, j, day_reason(x, y)))
    return out

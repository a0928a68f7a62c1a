"""Word cues from data/verbs.json: auxiliaries, reporting verbs, negation and modality markers.

The lowest layer of claim extraction: `attribution` (splitting a sentence
into pieces) and `claims` (reading each piece's slots) both ask these cues,
and neither is imported here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from .. import lexicon
from ..slots import numbers, terms

# ---------------------------------------------------------------------------
# word cues (from data/verbs.json)


@dataclass(frozen=True)
class _Cues:
    auxiliaries: frozenset[str]
    irregular_past: frozenset[str]
    not_verbs_ed: frozenset[str]
    present_verbs: frozenset[str]
    reporting: str            # regex alternation
    denying: frozenset[str]
    confirming: frozenset[str]
    negation: re.Pattern[str]
    uncertain: re.Pattern[str]
    future: re.Pattern[str]
    past: re.Pattern[str]
    conditional: re.Pattern[str]
    done: re.Pattern[str]
    expected: re.Pattern[str]
    other_occasion: re.Pattern[str]
    retraction: re.Pattern[str]
    status_words: frozenset[str]  # the longest word of each cue status_of looks for: none there, no cue


def alternation(items: Iterable[str]) -> str:
    return "|".join(re.escape(i) for i in sorted(items, key=len, reverse=True))


def _phrase_pattern(items: Iterable[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + alternation(items) + r")(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=1)
def cues() -> _Cues:
    data = lexicon.load("verbs")
    return _Cues(
        auxiliaries=frozenset(data["auxiliaries"]),
        irregular_past=frozenset(data["irregular_past"]),
        not_verbs_ed=frozenset(data["not_verbs_ed"]),
        present_verbs=frozenset(data["present_verbs"]),
        reporting=alternation(data["reporting"]),
        denying=frozenset(data["denying"]),
        confirming=frozenset(data["confirming"]),
        negation=re.compile(r"(?<![\w-])(?:" + alternation(data["negations"]) + r")(?![\w-])|n't\b", re.IGNORECASE),
        uncertain=_phrase_pattern(data["uncertain"]),
        future=_phrase_pattern(data["future_markers"]),
        past=_phrase_pattern(data["past_markers"]),
        conditional=_phrase_pattern(data["conditional_markers"]),
        done=_phrase_pattern(data["done_markers"]),
        expected=_phrase_pattern(data["expected_markers"]),
        retraction=_phrase_pattern(data["retraction_markers"]),
        other_occasion=re.compile(
            _phrase_pattern(data["other_occasion_markers"] + data["retraction_markers"]).pattern
            # "a second quake hit", "another train killed": one more occurrence, not "another 11"
            + r"|(?<![\w-])(?:" + alternation(data["other_occurrence_determiners"])
            + r")\s+(?!(?:\d|of\b|" + numbers.number_word_pattern() + r"))[A-Za-z]", re.IGNORECASE),
        status_words=frozenset(terms.longest_run(w) for key in
                               ("uncertain", "conditional_markers", "done_markers", "expected_markers", "future_markers")
                               for w in data[key]),
    )


@lru_cache(maxsize=16384)
def about_other_occasion(text: str) -> bool:
    """`text` marks an occasion other than the story's own ("at its previous meeting", "a second
    quake hit"): `cues().other_occasion` found in it. Remembered per text: the pair checks and the
    story readers ask it of one claim's text many times.

    >>> about_other_occasion("At its previous meeting the bank held rates"), about_other_occasion("The bank cut rates")
    (True, False)
    """
    return cues().other_occasion.search(text) is not None


@lru_cache(maxsize=16384)
def occasion_qualifiers(text: str) -> frozenset[str]:
    """Words that single out one competition of the story's kind of occasion ("the women's race",
    "the junior race"; event_days.json occasion_qualifiers before a class noun): two claims naming
    the occasion with different qualifiers, or one with and one without, tell of two occasions.

    >>> sorted(occasion_qualifiers("The women's race was put back a day")), occasion_qualifiers("He won the race")
    (["women's"], frozenset())
    """
    return frozenset(m.group(1).lower().replace("’", "'") for m in _qualified_occasion().finditer(text))


@lru_cache(maxsize=1)
def occasion_nouns() -> tuple[str, ...]:
    """The nouns of event_days.json's one-off event classes ("final", "collapse", "heist"), lower
    case, longest first (for regex alternations)."""
    data = lexicon.load("event_days")
    return tuple(sorted({n.lower() for c in data["classes"].values() for n in c.get("nouns", [])}, key=len, reverse=True))


@lru_cache(maxsize=1)
def _qualified_occasion() -> re.Pattern[str]:
    nouns = occasion_nouns()
    qualifiers = sorted(lexicon.load("event_days")["occasion_qualifiers"], key=len, reverse=True)
    alternation = "|".join(re.escape(q).replace("'", "['’]") for q in qualifiers)
    return re.compile(r"(?<![\w-])(" + alternation + r")(?:\s+[\w-]+)?\s+(?:" + "|".join(map(re.escape, nouns)) + r")\b",
                      re.IGNORECASE)


TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def is_verb(word: str) -> bool:
    c = cues()
    w = word.lower().strip("'’")
    if w in c.auxiliaries or w in c.irregular_past or w in c.present_verbs:
        return True
    return len(w) > 4 and w.endswith("ed") and w not in c.not_verbs_ed


def has_verb(text: str) -> bool:
    return any(is_verb(m.group(0)) for m in TOKEN.finditer(text))


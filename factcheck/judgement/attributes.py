"""Attributes stated beside a name or a decision, compared by what they describe alone.

An age belongs to a person whatever the sentence reports ("Silva, 21, scored"
and "Silva, 22, joined in 2019" cannot both hold); a vote tally belongs to the
decision ("approved unanimously" and "approved by four votes to one" cannot
both hold). Both are read with small patterns over a claim's words; numbers
in words go through numbers.words_to_number.

    >>> ages("Ana Ruiz, 61, left the court.")
    [('ruiz', 61)]
    >>> vote("The board backed the plan by four votes to one.")
    (4, 1)
    >>> final_score("Riverside beat Hollow Town 2-1 on Saturday.")
    (2, 1)
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import lexicon
from ..slots import numbers

# a person's age, 0 < age < 120, beside the name: "Ruiz, 61," / "Ruiz, aged 61"; not the
# first group of a figure ("In Ardmore, 6,381 houses")
_AGE = re.compile(r"\b([A-Z][\w'’-]+),\s+(?:aged\s+)?(\d{1,3})(?=,(?!\d{3})|\s+(?:who|was|is|has|had|will)\b)")
# a sentence opening on "The 29-year-old": the age of someone or something named before
_REFERRING_AGE = re.compile(r"\s*[Tt]he\s+(\d{1,3})-year-old\b(?:\s+([a-z][a-z-]*))?")
_UNANIMOUS = re.compile(r"\bunanimous(?:ly)?\b|\bwithout\s+(?:a\s+)?(?:dissent|a\s+vote\s+against)\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _tally() -> re.Pattern[str]:
    n = rf"(\d{{1,4}}|{numbers.number_word_pattern()})"
    # "by 10 votes to 2", "212 to 31", and the hyphen form after "voted": "voted 5-2"
    return re.compile(rf"\b{n}\s+(?:votes?\s+)?to\s+{n}\b(?!\s*(?:%|per\s*cent|percent))"
                      rf"|(?<=voted )(\d{{1,3}})[-–](\d{{1,3}})\b", re.IGNORECASE)


def _value(raw: str) -> int | None:
    if raw.isdigit():
        return int(raw)
    found = numbers.words_to_number(raw)
    return int(found) if found is not None else None


_VOTE_CONTEXT = re.compile(r"vot|majorit|ballot|tally|margin|split", re.IGNORECASE)


def _is_vote(text: str, m: re.Match[str]) -> bool:
    """ "by four votes to one", "voted 212 to 31", "a majority of 10 to 2"; not "cut from 12 to 10"."""
    return "vote" in m.group(0).lower() or bool(_VOTE_CONTEXT.search(text[max(0, m.start() - 25):m.start()]))


def ages(text: str) -> list[tuple[str, int]]:
    """(surname, age) for each "Name, NN," in `text`."""
    out = []
    for m in _AGE.finditer(text):
        age = int(m.group(2))
        if 0 < age < 120:
            out.append((m.group(1).lower(), age))
    return out


def referring_age(text: str) -> tuple[int, str | None] | None:
    """(age, the noun after it or None) for a text opening on "The NN-year-old": it refers back
    to a person or thing the article named before.

    >>> referring_age("The 29-year-old finished in 2:07:41.")
    (29, 'finished')
    >>> referring_age("A 66-year-old woman was rescued.") is None
    True
    """
    m = _REFERRING_AGE.match(text)
    if m is None or not 0 < int(m.group(1)) < 120:
        return None
    return int(m.group(1)), m.group(2)


def age_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of each age number beside a name ("Park, 22, a crew member"): an
    attribute of the person, not a count of anything.

    >>> age_spans("The dead include Park, 22, a crew member.")
    [(23, 25)]
    """
    return [m.span(2) for m in _AGE.finditer(text) if 0 < int(m.group(2)) < 120]


@lru_cache(maxsize=8192)
def vote(text: str) -> tuple[int, int] | str | None:
    """A decision's tally: (for, against) from "by 10 votes to 2" / "212 to 31", "unanimous"
    for a unanimous one, None where the words give none (remembered per text: asked per pair)."""
    if _UNANIMOUS.search(text):
        return "unanimous"
    m = next((m for m in _tally().finditer(text) if _is_vote(text, m)), None)
    if m is None:
        return None
    yes, no = _value(m.group(1) or m.group(3)), _value(m.group(2) or m.group(4))
    if yes is None or no is None or yes < no:
        return None  # "from 5 to 7": a range, not a vote
    return yes, no


@lru_cache(maxsize=1)
def _majority() -> re.Pattern[str]:
    n = rf"(\d{{1,4}}|{numbers.number_word_pattern()})"
    return re.compile(rf"\bmajority\s+of\s+{n}(?:\s+votes?)?\b(?!\s*(?:to\b|[-–]|%|per\s*cent|percent|of\b))",
                      re.IGNORECASE)


def majority(text: str) -> int | None:
    """The margin a decision passed by, written alone: "with a majority of 25" (not "a majority
    of 10 to 2", a tally, nor "a majority of 60%").

    >>> majority("The bill passed with a majority of 25."), majority("The jury decided by a majority of 10 to 2.")
    (25, None)
    """
    m = _majority().search(text)
    return _value(m.group(1)) if m else None


def vote_clash(a: str, b: str) -> tuple[str, str] | None:
    """Two tallies of one decision that cannot both hold, as the words that say them; a tally
    and a majority written alone clash when the tally's margin is another ("by 209 votes to
    190" is a majority of 19, not of 25)."""
    va, vb = vote(a), vote(b)
    if (va is None) != (vb is None):
        text, tally, other = (a, va, b) if vb is None else (b, vb, a)
        margin = majority(other)
        if isinstance(tally, tuple) and margin is not None and tally[0] - tally[1] != margin:
            said = (_said(text, tally), _majority().search(other).group(0))
            return said if text is a else (said[1], said[0])
        return None
    if va is None or vb is None or va == vb:
        return None
    if "unanimous" in (va, vb):
        split = vb if va == "unanimous" else va
        if isinstance(split, tuple) and split[1] == 0:
            return None  # "12 votes to none" is unanimous
    return _said(a, va), _said(b, vb)


def _said(text: str, tally: tuple[int, int] | str) -> str:
    if tally == "unanimous":
        m = _UNANIMOUS.search(text)
    else:
        m = next((m for m in _tally().finditer(text) if _is_vote(text, m)), None)
    return m.group(0) if m else str(tally)


@lru_cache(maxsize=1)
def _score() -> re.Pattern[str]:
    data = lexicon.load("scores")
    verbs = "|".join(sorted(map(re.escape, data["verbs"]), key=len, reverse=True))
    nouns = "|".join(sorted(map(re.escape, data["nouns"]), key=len, reverse=True))
    # "beat Hollow Town 2-1" (a verb up to five words before) or "a 2-1 win"; not "2019-20", "10-12%"
    return re.compile(rf"(?:\b(?:{verbs})\b(?:\s+[\w'’.-]+){{0,5}}?\s+\(?|(?<![\w.-]))"
                      rf"(\d{{1,2}})\s*[-–]\s*(\d{{1,2}})(?![\w%–-]|[.,/]\d)(?P<noun>\)?\s+(?:{nouns})\b)?",
                      re.IGNORECASE)


@lru_cache(maxsize=8192)
def final_score(text: str) -> tuple[int, int] | None:
    """A match result (higher, lower) from "beat X 2-1", "won 3-0", "a 1-2 defeat"; None without one
    (remembered per text: asked per pair)."""
    for m in _score().finditer(text):
        if m.group(0)[0].isdigit() and not m.group("noun"):
            continue  # a bare "2-1" with neither a result verb before nor a result noun after
        x, y = int(m.group(1)), int(m.group(2))
        return max(x, y), min(x, y)  # "lost 1-2" and "beat them 2-1" are one result
    return None


def score_clash(a: str, b: str) -> tuple[str, str] | None:
    """Two results of one match that cannot both hold ("2-1" / "3-1"), as "x-y" strings."""
    sa, sb = final_score(a), final_score(b)
    if sa is None or sb is None or sa == sb:
        return None
    return f"{sa[0]}-{sa[1]}", f"{sb[0]}-{sb[1]}"


def vote_reason(a: str, b: str) -> str | None:
    """One decision, two tallies ("unanimously" / "by four votes to one"), as a reason; else None."""
    clash = vote_clash(a, b)
    return f'vote: "{clash[0]}" vs "{clash[1]}"' if clash else None


def score_reason(a: str, b: str) -> str | None:
    """One match, two final scores (fixed once it is over, so never an update), as a reason; else None."""
    clash = score_clash(a, b)
    return f'score: "{clash[0]}" vs "{clash[1]}"' if clash else None

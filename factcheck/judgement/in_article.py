"""An article that states one of its main figures twice, with two values.

"The storm killed 23 people" in the lead and "the state disaster agency put
the death toll at 19" further down cannot both be the article's toll: it
contradicts itself. No matcher pairs the two sentences (their doers differ),
and the story-level counts leave a source with two values out (two values
there usually mean two things counted). This module looks inside each
article for a figure stated twice:

- a **statement** is a figure with the deed it counts, read from the words
  around it ("killed 23", "the 52 people rescued", "the 90 homes lost", "put
  the death toll at 19") or from the claim's frame when the figure is the
  frame's object ("All eleven miners ... were brought out alive"), and the
  thing it counts (people for the deeds that count people; "homes",
  "aircraft" for the rest, with synonyms from data). A definite "the 60 new
  jets" names what an order brought (data: definite_new);
- each statement is a **total**: not a part, an addition or a share
  ("another 11", "two of the four", "nine among them", "100 in Gansu"), not
  one of two values of one sentence (a breakdown), not a step of a running
  count or a superseded figure ("rose to", "so far", "initially",
  "revised"), not negated, expected, conditional or about another occasion;
- two statements conflict when they are in two sentences of one article,
  count one thing by one deed, cannot both hold, and are not two named
  speakers' figures (an article that quotes the police and the hospital
  reports a disagreement, it does not make one). A figure in the article's
  own voice against a quoted one is the article's contradiction.

People counts differ by sub-population ("23 people killed" / "five children
killed"), so two people nouns must be the same word or both general
("people"); a definite back-reference in plain words ("the ten rescued men")
refers to the whole set, whatever noun the other statement used.

    >>> from factcheck.slots.quantities import find_quantities
    >>> def claim(text): return Claim("c", "s", 0, 0, text, 0, 0, quantities=tuple(find_quantities(text)))
    >>> [(s.deed, s.thing, s.quantity.value) for s in statements(claim("The fire has destroyed 140 homes."))]
    [('destroy', 'home', 140.0)]
    >>> [(s.deed, s.thing, s.definite) for s in statements(claim("The 52 people rescued were flown home."))]
    [('rescue', 'people', True)]
    >>> statements(claim("Another 11 homes were destroyed.")), statements(claim("The toll rose to 30."))
    ([], [])
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations
from typing import Sequence

from . import claims as claims_mod
from .. import lexicon
from ..slots import quantities, terms
from . import match as match_mod
from ..records import Claim, Quantity

_DATA = "in_article"
_PEOPLE = "people"
_UNCERTAIN = frozenset({"expected", "conditional", "unknown", "denied"})
_WINDOW_BEFORE = 4   # words before a figure that may name its deed ("killing", "put the death toll at")
_WINDOW_AFTER = 5    # words after it ("people who were rescued", "homes lost in the blaze")
_TOKEN = re.compile(r"[\w'’-]+|[^\w\s]")
_PLACE = re.compile(r"(?:in|at)\s+(?:the\s+)?([A-Z][\w'’-]+)")


@dataclass(frozen=True)
class Statement:
    """A figure an article states as the total of one deed: claim index, the figure, its deed
    ("kill", "rescue", "destroy"), the thing counted ("people", "home"), the noun as written,
    whether it is a definite back-reference ("the 52 people rescued"), and the place it is
    limited to ("100 died in Gansu"), if any."""

    claim: int
    quantity: Quantity
    deed: str
    thing: str
    noun: str | None
    definite: bool
    place: str | None


def _words(key: str) -> frozenset[str]:
    return lexicon.words(_DATA, key)


@lru_cache(maxsize=1)
def _deed_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(deed, pattern of its words) for the deeds of data/in_article.json."""
    out = []
    for deed, entries in sorted(lexicon.load(_DATA)["deeds"].items()):
        alternatives = sorted((re.escape(e.lower()) for e in entries), key=len, reverse=True)
        out.append((deed, re.compile(r"\b(?:" + "|".join(alternatives) + r")\b")))
    return tuple(out)


@lru_cache(maxsize=1)
def _thing_of_word() -> dict[str, str]:
    return {w.lower(): thing for thing, words in lexicon.load(_DATA)["things"].items() for w in words}


@lru_cache(maxsize=1)
def _people_deeds() -> frozenset[str]:
    return terms.event_family("counting_events")


@lru_cache(maxsize=1)
def _revision() -> re.Pattern[str]:
    words = sorted(_words("revision_markers"), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)


def deeds_in(text: str) -> frozenset[str]:
    """The deeds `text` names: the counting events of concepts.json and the deeds of
    data/in_article.json.

    >>> sorted(deeds_in("put the death toll at"))
    ['kill']
    """
    lower = " ".join(text.lower().split())
    found = set(terms.events(terms.terms(lower)) & _people_deeds())
    found.update(deed for deed, pattern in _deed_patterns() if pattern.search(lower))
    return frozenset(found)


def _window(tokens: Sequence[str], limit: int) -> list[str]:
    """The tokens up to the first clause boundary or punctuation mark, at most `limit`."""
    out: list[str] = []
    for t in tokens[:limit]:
        if not (t[0].isalnum()) or t.lower() in _words("boundaries"):
            break
        out.append(t)
    return out


@dataclass(frozen=True)
class _Figure:
    """A cardinal figure read in its claim's words: the noun it counts (None for "66 dead"), where
    that noun is among the words after it, the windows before and after it, and whether the words
    make it a part ("another 11", "two of the four") and limit it to a place ("100 died in Gansu")."""

    quantity: Quantity
    before: list[str]
    after: list[str]
    noun: str | None
    noun_at: int | None
    left: list[str]
    right: list[str]
    part: bool
    place: str | None


def _read(text: str, q: Quantity) -> _Figure:
    before = _TOKEN.findall(text[:q.start])
    after = _TOKEN.findall(text[q.end:])
    lower_before = [t.lower() for t in before[-2:]]
    noun = q.counted.lower() if q.counted else None
    if noun and deeds_in(noun):
        noun = None  # "66 dead", "40 injured": the deed's own word, no noun
    noun_at = next((k for k, t in enumerate(after[:4]) if noun and t.lower() == noun.split()[-1]), None)
    follow = [after[0].lower()] if after else []
    if noun_at is not None and noun_at + 1 < len(after):
        follow.append(after[noun_at + 1].lower())
    # "another 11", "two of the four", "including eight"; "two of", "11 more", "nine alone"
    part = bool(set(lower_before) & _words("part_before") or set(follow) & _words("part_after"))
    right = _window(after, _WINDOW_AFTER)
    # "100 died in Gansu", "302 people dead in Ludian": a place right after the figure's noun or
    # deed limits it; "miners trapped in the mine" describes them
    rest = right[noun_at + 1 if noun_at is not None else 0:]
    rest = rest[1:] if rest and deeds_in(rest[0]) else rest
    place = _PLACE.match(" ".join(rest))
    if place is None and len(before) > 1 and before[0] == "In" and before[1][:1].isupper():
        place_name: str | None = before[1].lower()  # "In Gansu, 100 people died"
    else:
        place_name = place.group(1).lower() if place else None
    return _Figure(q, before, after, noun, noun_at, _window(before[::-1], _WINDOW_BEFORE)[::-1], right, part,
                   place_name)


def _figures(c: Claim) -> list[_Figure]:
    """The claim's plain counts (cardinal, no unit, not vague), read in its words."""
    return [_read(c.text, q) for q in (_quantities(c.text) if c.quantities else ())
            if q.kind == "cardinal" and q.unit is None and q.qualifier != "vague"]


def statements(c: Claim, index: int = 0) -> list[Statement]:
    """The totals the claim states, each with its deed and the thing it counts (see the module
    docstring); `index` is the claim's index, kept on each statement."""
    if not c.polarity or c.negated or c.status in _UNCERTAIN or _revision().search(c.text):
        return []
    out = []
    for f in _figures(c):
        if f.part:
            continue
        lower_before = [t.lower() for t in f.before[-1:]]
        definite = lower_before in (["the"], ["all"])
        deeds = deeds_in(" ".join(f.left + f.right))
        if not deeds and definite:
            between = [t.lower() for t in f.after[:f.noun_at or 0]]
            deeds = frozenset(d for w, d in lexicon.load(_DATA)["definite_new"].items() if w in between)
        if not deeds and f.noun and _frame_holds(c, f.noun):
            deeds = deeds_in(c.lemma or "")
        if len(deeds) != 1:
            continue  # no deed, or two ("killed and injured 40"): no total of one deed
        deed = next(iter(deeds))
        thing = _thing(deed, f.noun, f.after)
        if thing is not None:
            out.append(Statement(index, f.quantity, deed, thing, f.noun, lower_before == ["the"], f.place))
    return out


def not_one_total(a: Claim, b: Claim) -> bool:
    """Two claims of one article (in two sentences) whose figures are not two totals of one
    thing, whatever matched them: both quote speakers that are not one (the police's figure and
    the hospital's), or one counts only parts (an addition, a share, one region's figure).

    >>> from factcheck.slots.quantities import find_quantities
    >>> def claim(text, start): return Claim("c", "s", 0, 0, text, start, start, quantities=tuple(find_quantities(text)))
    >>> not_one_total(claim("The quake killed 111 people.", 0), claim("Some 100 people died in Lanzhou.", 30))
    True
    >>> not_one_total(claim("The quake killed 111 people.", 0), claim("The quake killed 100 people.", 30))
    False
    """
    if a.source != b.source or a.sentence_start == b.sentence_start:
        return False
    if match_mod.two_speakers(a, b):
        return True
    return any((found := _figures(c)) and all(f.part or f.place for f in found) for c in (a, b))


@lru_cache(maxsize=4096)
def _quantities(text: str) -> tuple[Quantity, ...]:
    """The figures of a claim's own text (a claim's `quantities` are offsets into its piece)."""
    return tuple(quantities.find_quantities(text))


def _frame_holds(c: Claim, noun: str) -> bool:
    """The counted noun is the frame's object or subject ("All eleven miners were brought out")."""
    stem = terms.stem(noun.split()[-1])
    return any(key and terms.stem(key.split()[-1]) == stem for key in (c.object, c.subject))


def _thing(deed: str, noun: str | None, after: Sequence[str]) -> str | None:
    """What the figure counts: people for a deed that counts people (when the noun names people),
    else the noun's thing from data or its stem; a figure with no noun counts people only."""
    if deed in _people_deeds():
        if noun is None or _is_people(noun):
            return _PEOPLE
        return terms.stem(noun.split()[-1])
    things = _thing_of_word()
    if noun:
        last = noun.split()[-1]
        return things.get(last, terms.stem(last))
    # "45 A320neo aircraft": a model name between the figure and its noun
    return next((things[t.lower()] for t in after[:3] if t.lower() in things), None)


def _is_people(noun: str) -> bool:
    last = noun.split()[-1]
    singular = last[:-1] if last.endswith("s") else last
    return (last in _words("generic_people") or last in _words("plain_person_nouns")
            or last in lexicon.words("story_counts", "population_nouns")
            or singular in lexicon.words("holders", "person_nouns")
            or terms.CONCEPT_PREFIX + _PEOPLE in terms.terms(noun))


def _same_people(x: Statement, y: Statement) -> bool:
    """Two people counts name one set: the same noun, both general ("people", none), or one a
    definite back-reference in plain words ("the ten rescued men")."""
    if x.thing != _PEOPLE:
        return True
    def general(s: Statement) -> bool:
        return s.noun is None or s.noun.split()[-1] in _words("generic_people")
    def plain(s: Statement) -> bool:
        return s.definite and (s.noun is None or s.noun.split()[-1] in _words("plain_person_nouns"))
    if general(x) and general(y) or plain(x) or plain(y):
        return True
    return bool(x.noun and y.noun and terms.stem(x.noun.split()[-1]) == terms.stem(y.noun.split()[-1]))


def _background(c: Claim) -> bool:
    return match_mod.dated_by_year(c) or claims_mod.about_other_occasion(c.text)


def conflicts(claims: Sequence[Claim], block: Sequence[int]) -> list[tuple[int, int, str]]:
    """(i, j, reason) for two sentences of one article in `block` that state one total with two
    values; one conflict per pair of sentences, the first claims that state them."""
    by_article: dict[str, dict[tuple[str, str], dict[int, list[Statement]]]] = {}
    for i in block:
        c = claims[i]
        if _background(c):
            continue
        for s in statements(c, i):
            by_article.setdefault(c.source, {}).setdefault((s.deed, s.thing), {}).setdefault(
                c.sentence_start, []).append(s)
    out: list[tuple[int, int, str]] = []
    done: set[tuple[str, int, int]] = set()
    for source in sorted(by_article):
        for (deed, thing), by_sentence in sorted(by_article[source].items()):
            totals = []
            for start in sorted(by_sentence):
                found = by_sentence[start]
                if all(quantities.compatible(found[0].quantity, s.quantity) for s in found):
                    totals.append(found[0])  # a sentence with two values is a breakdown: no total
            for x, y in combinations(totals, 2):
                a, b = claims[x.claim], claims[y.claim]
                where = (source, a.sentence_start, b.sentence_start)
                if where in done or quantities.compatible(x.quantity, y.quantity):
                    continue
                if x.place != y.place or not _same_people(x, y) or match_mod.two_speakers(a, b):
                    continue
                if match_mod.different_occasions(a, b):
                    continue
                done.add(where)
                out.append((x.claim, y.claim, f'count ({_what(deed, thing)}, one article): "{x.quantity.text}" in '
                                              f'"{_cut(a.text)}" vs "{y.quantity.text}" in "{_cut(b.text)}"'))
    return out


def _what(deed: str, thing: str) -> str:
    """'people killed', 'home destroyed or lost': the thing, then the deed in data's words."""
    return f"{thing} {lexicon.load(_DATA)['deed_words'].get(deed, deed)}"


def _cut(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"

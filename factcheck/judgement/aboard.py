"""People aboard the story's vehicle, and distances from a named place, compared across a story.

"A ferry carrying 318 people" in one source and "sank with 312 on board" in another
put different numbers aboard; "120 miles north of Brenmoor" and "about 250km
north of Brenmoor" put the story's place at two distances. Both are found without
a match (kinds `aboard` and `distance`), each source stating one value.

    >>> aboard("The coach, with 51 pupils and 4 staff on board, hit a van.").value
    55.0
"""
from __future__ import annotations

import re
from itertools import combinations
from typing import Sequence

from rapidfuzz import fuzz

from . import match as match_mod
from ..slots import quantities, terms
from ..records import Claim, Quantity
from .story_counts import about_background, cut_text, one_value_each, quantities_in, word_list


def aboard(text: str) -> Quantity | None:
    """The number of people a vehicle carried, as the claim states it ("a ferry carrying 318
    people", "sank with 312 on board", "51 pupils and 4 staff on board": 55), else None.
    The groups summed are `aboard_groups(text)`.

    >>> aboard("The coach, with 51 pupils and a dozen staff on board, hit a van.").value
    63.0
    >>> aboard("Some 200 people were missing after the ferry went down.") is None
    True
    >>> aboard("The route carries around 90,000 passengers a year.") is None
    True
    >>> aboard("A coach carrying 41 pupils and three teachers left at noon.").value
    44.0
    """
    found = aboard_groups(text)
    if not found:
        return None
    if len(found) == 1:
        return found[0]
    first = found[0]
    low, high = sum(q.low for q in found), sum(q.high for q in found)
    return Quantity(first.start, found[-1].end, " and ".join(q.text for q in found), sum(q.value for q in found),
                    low, high, first.qualifier, None, "cardinal", "people aboard")


def aboard_groups(text: str) -> list[Quantity]:
    """The groups of people a claim puts aboard, in order ("41 pupils and three teachers": two).

    >>> [q.counted for q in aboard_groups("A coach carrying 41 pupils and three teachers left.")]
    ['pupils', 'teachers']
    """
    people = [q for q in quantities_in(text) if q.kind == "cardinal" and q.unit is None
              and (q.counted is None or q.counted.lower().split()[-1] in word_list("population_nouns"))
              and not text[q.end:].lstrip().lower().startswith("of ")  # "120 of the 330": a part
              and not _casualties_before(text, q.start)
              and not _PER_PERIOD.match(text, q.end)]  # "carries 400,000 passengers a year": a rate
    found: list[Quantity] = []
    for q in people:
        if (_ABOARD_BEFORE.search(text, 0, q.start) or _ABOARD_AFTER.match(text, q.end)
                # "carrying 41 pupils and three teachers": the second group is aboard too
                or (found and found[-1].counted
                    and " ".join(text[found[-1].end:q.start].split()).lower() == f"{found[-1].counted.lower()} and")):
            found.append(q)
    return found


def _group_against_total(a: str, b: str) -> bool:
    """One claim counts one group aboard ("with three teachers aboard") that the other sums
    with others ("41 pupils and three teachers"), or a group the other does not count: a part,
    not a second total."""
    ga, gb = aboard_groups(a), aboard_groups(b)
    for one, many in ((ga, gb), (gb, ga)):
        if len(one) == 1 and len(many) > 1 and one[0].counted:
            noun = one[0].counted.lower().split()[-1]
            if noun in word_list("whole_groups"):
                continue
            same = [q for q in many if q.counted and q.counted.lower().split()[-1] == noun]
            # "45 pupils" against "41 pupils and three teachers": the pupils still differ
            return not same or quantities.compatible(one[0], same[0])
    return False


def _casualties_before(text: str, start: int) -> bool:
    """A count just after a casualty word ("killing three people on board") counts victims, not
    the people aboard."""
    window = " ".join(text[:start].split()[-3:])
    return bool(set(terms.events(terms.terms(window))) & _CASUALTY_EVENTS)


_CASUALTY_EVENTS = frozenset({"kill", "injure", "rescue", "missing"})
_PER_PERIOD = re.compile(r"(?:\s+[\w-]+){0,2}?\s+(?:(?:a|an|per|each|every)\s+(?:year|day|week|month|season)|annually|daily)\b",
                         re.IGNORECASE)

# "carrying 318"; "312 on board", "290 passengers aboard"; "the 330 passengers and crew"
_ABOARD_BEFORE = re.compile(r"\b(?:carrying|carried|carries)\s+$", re.IGNORECASE)
_ABOARD_AFTER = re.compile(r"(?:\s+[\w-]+){0,5}?\s+(?:on\s+board|aboard|onboard)\b|\s+passengers\s+and\s+crew\b",
                           re.IGNORECASE)


def aboard_conflicts(claims: Sequence[Claim], block: Sequence[int]) -> list[tuple[int, int, str]]:
    """(i, j, reason) for two sources that put different numbers of people aboard the story's
    vehicle, each source stating one number."""
    stated: dict[str, list[tuple[int, Quantity]]] = {}
    for i in block:
        c = claims[i]
        if not c.polarity or about_background(c):
            continue
        q = aboard(c.text)
        if q is not None:
            stated.setdefault(c.source, []).append((i, q))
    out: list[tuple[int, int, str]] = []
    # "more than 50" and "51 pupils and 4 staff" in one source are one number: its most exact
    for (_, left), (_, right) in combinations(one_value_each(stated, quantities.compatible), 2):
        (i, qa), (j, qb) = (min(found, key=lambda f: f[1].high - f[1].low) for found in (left, right))
        if (quantities.compatible(qa, qb) or match_mod.different_occasions(claims[i], claims[j])
                or _group_against_total(claims[i].text, claims[j].text)):
            continue
        out.append((i, j, f'aboard: "{qa.text}" in "{cut_text(claims[i].text)}" vs "{qb.text}" in "{cut_text(claims[j].text)}"'))
    return out


def distances(text: str) -> list[tuple[str, Quantity]]:
    """(reference place, distance) for each "N km/miles [direction] of|from|off <Place>" in `text`;
    the place is keyed by its first word, lower-cased ("the provincial capital, Brenmoor" -> "brenmoor").

    >>> [(place, q.text) for place, q in distances("Tarvo lies 120 miles north of Brenmoor.")]
    [('brenmoor', '120 miles')]
    """
    out = []
    for q in quantities_in(text):
        if q.kind != "length":
            continue
        m = _FROM_PLACE.match(text, q.end)
        if m:
            out.append((m.group(1).lower(), q))
    return out


# after a distance: "(446 km)", a direction, "of/from/off", "the capital," or "the island of", then a name
_FROM_PLACE = re.compile(
    r"\s*(?:\([^)]{0,30}\)\s*)?(?:(?:north|south|east|west)[\w-]*\s+)?(?:of|from|off)\s+(?:the\s+)?"
    r"(?:(?:(?:provincial|state|regional)\s+)?capital,?\s+|(?:city|town|island|county\s+seat|village|port)\s+of\s+|"
    r"(?:southern|northern|eastern|western|central)\s+(?:island|city|town)\s+of\s+)?"
    r"([A-Z][\w'’-]+)")


def distance_conflicts(claims: Sequence[Claim], block: Sequence[int]) -> list[tuple[int, int, str]]:
    """(i, j, reason) for two sources that put the story's place at different distances from one
    named place ("120 miles north of Brenmoor" / "about 250km north of Brenmoor"), each
    source giving one distance from it. Names spelled two ways (romanisations) are one place."""
    stated: dict[str, dict[str, list[tuple[int, Quantity]]]] = {}
    for i in block:
        c = claims[i]
        if about_background(c):
            continue
        for place, q in distances(c.text):
            key = next((k for k in stated if fuzz.ratio(k, place) >= _SAME_NAME), place)
            stated.setdefault(key, {}).setdefault(c.source, []).append((i, q))
    out: list[tuple[int, int, str]] = []
    done: set[tuple[tuple[str, int], tuple[str, int]]] = set()
    for place, by_source in sorted(stated.items()):
        for (_, left), (_, right) in combinations(one_value_each(by_source, quantities.compatible), 2):
            (i, qa), (j, qb) = left[0], right[0]
            a, b = claims[i], claims[j]
            where = ((a.source, a.sentence_start), (b.source, b.sentence_start))
            if where in done or quantities.compatible(qa, qb):
                continue
            done.add(where)
            out.append((i, j, f'distance (from {place}): "{qa.text}" in "{cut_text(a.text)}" '
                              f'vs "{qb.text}" in "{cut_text(b.text)}"'))
    return out


_SAME_NAME = 75  # rapidfuzz ratio: "hwaseong" / "hwasung" / "hwaseung" are one place, romanised three ways

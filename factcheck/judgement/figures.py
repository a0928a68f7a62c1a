"""Figures as evidence: when two claims' numbers count one thing, and when they say one fact.

Matching (match.py) and comparison (compare.py, story_counts.py, speakers.py,
timeline.py) ask the same questions of two claims' quantities: do these two
figures count the same kind of thing in the same unit (`comparable_quantities`),
are they one figure told twice (`same_counted_quantity`, `one_duration`,
`one_distinctive_figure`, `one_precise_figure`, `transposed_figures`,
`one_result`), and
can both hold (`one_figure`). Values are `Quantity` records (slots/quantities.py).
"""
from __future__ import annotations

from .. import lexicon
from . import attributes
from ..records import Claim
from ..slots import quantities, terms

# counts this far apart make a match less likely (12 vs 15 dead is close)
CLOSE = 1.5


def one_figure(x: quantities.Quantity, y: quantities.Quantity) -> bool:
    """Both figures can hold, or both write one value, one of them as a bound of it ("1,700 medics" /
    "more than 1,700 medics"): a reporter's rounding, not a discrepancy.

    >>> q = lambda v, lo, hi, qual="exact": quantities.Quantity(0, 1, "x", v, lo, hi, qual)
    >>> one_figure(q(1700, 1700, 1700), q(1700, 1700.0000017, float("inf"), "more than"))
    True
    >>> one_figure(q(1700, 1700, 1700), q(2100, 2100, 2100))
    False
    """
    return quantities.compatible(x, y) or (x.value == y.value and x.kind == y.kind and x.unit == y.unit)


def transposed_figures(a: Claim, b: Claim) -> bool:
    """A figure of one claim is the other's with its digits in another order ("1,350" / "1,530",
    "€3.2m" / "€2.3m"): the commonest slip in copying a figure, so one fact, misreported.
    Same kind and unit; at least two significant digits, as "6" and "6" say nothing.

    >>> q = lambda v, u=None: quantities.Quantity(0, 1, str(v), v, v, v, unit=u)
    >>> transposed_figures(Claim("a", "a", 0, 1, "x", 0, 1, quantities=(q(1240),)),
    ...                    Claim("b", "b", 0, 1, "y", 0, 1, quantities=(q(1420),)))
    True
    """
    for x, y in one_scale(a, b):
        dx, dy = digits(x.value), digits(y.value)
        if x.value != y.value and len(dx) >= 2 and sorted(dx) == sorted(dy) and len(set(dx)) > 1:
            return True
    return False


def one_scale(a: Claim, b: Claim) -> list[tuple[quantities.Quantity, quantities.Quantity]]:
    """Pairs of figures of the two claims of one kind and unit, years and ordinals aside."""
    return [(x, y) for x in a.quantities for y in b.quantities
            if x.kind == y.kind and x.unit == y.unit and x.kind not in ("year", "ordinal")]


def digits(value: float) -> str:
    """The significant digits of a figure: 1240 -> "124", 0.32 -> "32", 3.2e6 -> "32"."""
    return f"{abs(value):.6g}".replace(".", "").lstrip("0").split("e")[0].rstrip("0")


def number_spread(a: Claim, b: Claim) -> float:
    """How far apart the closest comparable counts are (1.0 = equal; 0 = none or compatible)."""
    best = 0.0
    for x, y in comparable_quantities(a, b):
        if x.kind == "ordinal" or quantities.compatible(x, y):
            return 0.0
        low, high = sorted((abs(x.value), abs(y.value)))
        ratio = high / low if low else float("inf")
        best = ratio if not best else min(best, ratio)
    return best


def comparable_quantities(a: Claim, b: Claim) -> list[tuple[quantities.Quantity, quantities.Quantity]]:
    """Pairs of numbers that count the same kind of thing in the same unit."""
    out = []
    for x in a.quantities:
        for y in b.quantities:
            if _same_measure(x, y):
                out.append((x, y))
    return out


def counted_concept(q: quantities.Quantity) -> str | None:
    if not q.counted:
        return None
    found = terms.terms(q.counted)
    return found[-1] if found else q.counted.lower()


_FAMILIES = {"percent": "ratio", "fraction": "ratio"}


def _same_measure(x: quantities.Quantity, y: quantities.Quantity) -> bool:
    if x.kind in ("year", "ordinal") or y.kind in ("year", "ordinal"):
        return x.kind == y.kind == "ordinal" and counted_concept(x) == counted_concept(y)
    fx, fy = _FAMILIES.get(x.kind, x.kind), _FAMILIES.get(y.kind, y.kind)
    if fx != fy:
        return False
    if fx == "money" and x.unit != y.unit:
        return False
    cx, cy = counted_concept(x), counted_concept(y)
    if fx == "ratio" and x.unit != y.unit and "fraction" not in (x.kind, y.kind):
        return False  # 100 basis points is not a rate of 28 per cent
    if fx in ("ratio", "money"):
        # "$1.2 billion" names no noun; "a $1.2bn deal" does: both the same measure
        return True if (cx is None or cy is None) else cx == cy
    return cx == cy


def _hours(q: quantities.Quantity) -> float | None:
    """A duration counted in hours, days or weeks, in hours ("three days" -> 72); None otherwise."""
    if q.kind != "cardinal" or not q.counted:
        return None
    words = lexicon.load("time_words")
    unit = words["duration_units"].get(q.counted.lower().split()[-1])
    factor = words["duration_hours"].get(unit) if unit else None
    return q.value * factor if factor else None


def one_duration(a: Claim, b: Claim) -> bool:
    """The claims give one length of time in two units ("for 72 hours" / "for three days"):
    a coincidence too unlikely to be two facts."""
    return any(hx is not None and hx == _hours(y) and x.counted != y.counted and x.qualifier == y.qualifier == "exact"
               for x in a.quantities for hx in (_hours(x),) for y in b.quantities)


def same_counted_quantity(a: Claim, b: Claim, compatible_only: bool) -> bool:
    if one_duration(a, b):
        return True
    for x, y in comparable_quantities(a, b):
        if x.kind == "cardinal" and (x.counted is None or max(x.value, y.value) <= 12) and not _measured(x):
            continue  # "six countries", "two shifts": too common to identify a fact (six degrees is a reading)
        if not compatible_only:
            return True
        low, high = sorted((abs(x.value), abs(y.value)))
        close = bool(low) and high / low <= CLOSE
        if "vague" in (x.qualifier, y.qualifier) and quantities.compatible(x, y) and min(x.value, y.value) > 12:
            return True  # "dozens of countries" holds "over 60 countries": its value is only a floor
        if close and (quantities.compatible(x, y) or x.kind == "money"):
            # "at least 15" allows 2,000 but says nothing about it; two sums of one
            # currency this close (€72m, €80m) are one price, reported twice
            return True
    return False


def one_result(a: Claim, b: Claim) -> bool:
    """Both claims give one match result, told with any result word ("beat Vennor 3-1" /
    "after a 1-3 defeat by Skelby"): the scoreline, higher goals first, is the fact.

    Who played whom is for the caller to check (a name both claims give).
    """
    result = attributes.final_score(a.text)
    return result is not None and result == attributes.final_score(b.text)


def one_precise_figure(a: Claim, b: Claim) -> bool:
    """The claims share a figure too precise to be chance: the same sum, or the same count of three or
    more significant digits ("£215,000" / "215,000 pounds sterling"; "3,071 tickets" / "3,071 seats")."""
    return any(x.value == y.value and precise(x) and precise(y) for x, y in one_scale(a, b))


def one_distinctive_figure(a: Claim, b: Claim) -> bool:
    """The claims give one count of one noun too distinctive to be chance: the same value, 13 or
    more, of two significant digits or 100 or more, each written exact or as a bound of that very
    value ("1,700 medics" / "more than 1,700 medics"); or a count of 100 or more written once
    rounded and once more precisely (`_one_rounded_count`). Real coverage repeats its figures;
    the words around them differ. A number right after a name ("Avro 85 jets") is no count."""
    for x, y in comparable_quantities(a, b):
        if x.kind != "cardinal" or not x.counted or not y.counted:
            continue
        if _after_a_name(a.text, x) or _after_a_name(b.text, y):
            continue  # "Avro 85 jets": a model's number, not a count
        if (x.value == y.value and x.value >= 13 and (len(digits(x.value)) >= 2 or x.value >= 100)
                and {x.qualifier, y.qualifier} <= _SAME_VALUE_QUALIFIERS):
            return True  # ("20 pieces" / "20 minutes": round small figures recur)
        if _one_rounded_count(x, y):
            return True
    return False


# a rounded count and the figure it rounds differ by at most this share ("about 4,200" / "more than 4,000")
ROUNDING = 0.1


def _one_rounded_count(x: quantities.Quantity, y: quantities.Quantity) -> bool:
    """Two counts of one noun, 100 or more, one written as a rounding or a bound and the other more
    precisely, that both readings allow and that differ by at most ROUNDING."""
    if min(x.value, y.value) < 100 or "exact" == x.qualifier == y.qualifier or "vague" in (x.qualifier, y.qualifier):
        return False
    return quantities.compatible(x, y) and abs(x.value - y.value) <= ROUNDING * max(x.value, y.value)


def _after_a_name(text: str, q: quantities.Quantity) -> bool:
    """The figure follows a capitalised word directly, as a model or label number does ("Avro 85")."""
    before = text[:q.start].rsplit(None, 1)[-1:]
    return bool(before) and before[0][:1].isupper() and before[0].isalpha()


# a figure written plain or bounded at itself: "1,700", "more than 1,700", "at least 1,700", "about 1,700"
_SAME_VALUE_QUALIFIERS = frozenset({"exact", "about", "more than", "at least"})


def precise(q: quantities.Quantity) -> bool:
    """A figure too precise to be chance: an exact sum, or an exact count of three or more significant digits."""
    return q.qualifier == "exact" and q.kind not in ("year", "ordinal") and (q.kind == "money" or len(digits(q.value)) >= 3)


def _measured(q: quantities.Quantity) -> bool:
    """A reading on a scale or in a unit written as its counted noun ("six degrees")."""
    return bool(q.counted) and q.counted.lower().split()[-1] in lexicon.words("story_counts", "measure_nouns")

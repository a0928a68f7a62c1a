"""Ranges of quantities: "between 40 and 60", "30-40%", "40 to 60 million" as one interval.

factcheck.slots.quantities finds the numbers; `merge_ranges` joins two neighbours
that a range word links into one Quantity with qualifier "between".

Example:
    >>> from factcheck.slots.quantities import find_quantities
    >>> [(q.text, q.low, q.high) for q in find_quantities("Between 40 and 60 people died.")]
    [('Between 40 and 60', 40.0, 60.0)]
"""
from __future__ import annotations

import math
import re

from .numbers import DIGITS, to_decimal
from ..records import Quantity

__all__ = ["merge_ranges"]

_RANGE_SEP = re.compile(r"\s*(?:-|–|—|to|and)\s*", re.I)
_RANGE_LEAD = re.compile(r"\b(between|from)\s+$", re.I)
_RAW_NUMBER = re.compile(DIGITS)
_RANGE_KINDS = frozenset({"cardinal", "money", "percent"})


def merge_ranges(text: str, found: list[Quantity]) -> list[Quantity]:
    """'between 40 and 60', '30-40%', '40 to 60 million' -> one interval.

    'from 40 to 60' is a change, not a range, and stays two numbers; 'X to Y'
    merges only when X is bare (no unit of its own) and smaller than Y.
    """
    out: list[Quantity] = []
    i = 0
    while i < len(found):
        a = found[i]
        b = found[i + 1] if i + 1 < len(found) else None
        merged = _range(text, a, b) if b is not None else None
        if merged is not None:
            out.append(merged)
            i += 2
        else:
            out.append(a)
            i += 1
    return out


def _range(text: str, a: Quantity, b: Quantity) -> Quantity | None:
    if a.kind not in _RANGE_KINDS or b.kind not in _RANGE_KINDS or a.qualifier != "exact" or b.qualifier != "exact":
        return None
    sep = _RANGE_SEP.fullmatch(text, a.end, b.start)
    if sep is None:
        return None
    word = sep.group(0).strip().lower()
    lead = _RANGE_LEAD.search(text, max(0, a.start - 12), a.start)
    lead_word = lead.group(1).lower() if lead else None
    if word == "and" and lead_word != "between":
        return None
    if word not in ("and", "-", "–", "—") and (lead_word == "from" or a.unit is not None):
        return None
    if word in ("-", "–", "—") and lead_word == "from":
        return None
    if a.kind != "cardinal" and b.kind != "cardinal" and (a.kind, a.unit) != (b.kind, b.unit):
        return None
    low = a.value
    raw = _RAW_NUMBER.search(b.text)
    raw_a = _RAW_NUMBER.search(a.text)
    if raw is not None and raw_a is not None and float(to_decimal(raw_a.group(0)) or 0) == a.value:
        raw_b = float(to_decimal(raw.group(0)) or 0)
        if raw_b and b.value / raw_b > 1 and low * (b.value / raw_b) <= b.value:
            low *= b.value / raw_b  # "40 to 60 million": the scale covers both
    if not low < b.high:
        return None
    start = lead.start(1) if lead_word == "between" else a.start
    kind, unit = (b.kind, b.unit) if b.kind != "cardinal" else (a.kind, a.unit)
    return Quantity(start=start, end=b.end, text=text[start:b.end], value=low, low=low, high=b.high,
                    qualifier="between", unit=unit, kind=kind, counted=b.counted or a.counted)


def qualifier_interval(rule: str, low: float, high: float) -> tuple[float, float]:
    """The interval a qualifier rule allows around [low, high]: "about" 10% either way, "nearly"
    up to 10% under, "more than" anything above, "less than" anything below.

    >>> qualifier_interval("about", 100.0, 100.0)
    (90.0, 110.00000000000001)
    """
    if rule == "about":
        return 0.9 * low, 1.1 * high
    if rule == "nearly":
        return 0.9 * low, high
    if rule == "at least":
        return low, math.inf
    if rule == "more than":
        return low + _eps(low), math.inf
    if rule in ("at most", "up to"):
        return 0.0, high
    if rule == "less than":
        return min(0.0, high - _eps(high)), high - _eps(high)  # "less than zero" is below zero
    return low, high


def _eps(n: float) -> float:
    return max(abs(n) * 1e-9, 1e-9)

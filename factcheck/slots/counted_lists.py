"""Counted nouns shared between neighbouring figures: a figure that names no noun counts what
its neighbour does when the text ties them.

- "19 of 27 states": the first number counts what the second does;
- "the Alliance with 23 seats, the Liberals with 16 and Labour with 8": a list of "with N" counts what
  its first member does.

    >>> from factcheck.slots.quantities import find_quantities
    >>> [(q.text, q.counted) for q in find_quantities("Pilk won with 23 votes, Mora with 16.")]
    [('23', 'votes'), ('16', 'votes')]
"""
from __future__ import annotations

import re

from ..records import Quantity

__all__ = ["share_counted"]

_BETWEEN_OF = re.compile(r"\s+(?:of|out\s+of)\s+(?:(?:the|its|their|his|her|our|these|those|[\w-]+['’]s)\s+){0,2}$")


def share_counted(text: str, found: list[Quantity]) -> list[Quantity]:
    """`found` (the quantities of `text`, in order) with counted nouns passed to neighbours that name none."""
    out = list(found)
    # "19 of 27 states": the first number counts what the second does
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if a.counted is None and b.counted and _BETWEEN_OF.fullmatch(text, a.end, b.start) and a.kind == b.kind:
            out[i] = Quantity(a.start, a.end, a.text, a.value, a.low, a.high, a.qualifier, a.unit, a.kind, b.counted)
    # "the Alliance with 23 seats, the Liberals with 16": a list of "with N" counts what its first member does
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        if (b.counted is None and a.counted and a.kind == b.kind == "cardinal" and _after_with(text, a.start)
                and _after_with(text, b.start) and "." not in text[a.end:b.start]):
            out[i] = Quantity(b.start, b.end, b.text, b.value, b.low, b.high, b.qualifier, b.unit, b.kind, a.counted)
    return out


def _after_with(text: str, start: int) -> bool:
    return text[max(0, start - 5):start].lower().rstrip().endswith("with")

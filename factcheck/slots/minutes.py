"""Minutes of a match counted back from the end of regulation play: "six minutes from time"
is the 84th minute, so it compares with "in the 81st minute" (quantity_words.json
minutes_to_go).
"""
from __future__ import annotations

from .. import lexicon
from ..records import Quantity


def minute_from_time(text: str, q: Quantity) -> Quantity:
    """'six minutes from time' is the 84th minute: a count of minutes before the end of
    regulation play (quantity_words.json minutes_to_go), read as the ordinal minute.

    >>> from factcheck.slots.quantities import find_quantities
    >>> q = find_quantities("a late header six minutes from time")[0]
    >>> (q.text, q.value, q.kind, q.counted)
    ('six', 84.0, 'ordinal', 'minute')
    """
    if q.kind != "cardinal" or not q.counted or q.counted.lower() not in ("minute", "minutes"):
        return q
    to_go = lexicon.load("quantity_words")["minutes_to_go"]
    tail = " ".join(text[q.end:q.end + 40].lower().split())
    if not any(tail.startswith(f"{q.counted.lower()} {phrase}") for phrase in to_go["phrases"]):
        return q
    minute = to_go["regulation_minutes"] - q.value
    if minute < 1:
        return q
    return Quantity(q.start, q.end, q.text, minute, to_go["regulation_minutes"] - q.high,
                    to_go["regulation_minutes"] - q.low, q.qualifier, None, "ordinal", "minute")

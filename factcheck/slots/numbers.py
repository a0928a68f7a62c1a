"""Numbers as written: digits with their separators, and number words.

Shared by factcheck.slots.quantities (counts, money, measures) and factcheck.slots.when
(durations: "within seven days", "four and a half hours ago"). The word lists
are in factcheck/data/number_words.json; nothing here knows about units,
qualifiers or dates.

Example:
    >>> words_to_number("one and a half")
    1.5
    >>> to_decimal("642 000")
    Decimal('642000')
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from .. import lexicon

__all__ = ["DIGITS", "alternation", "and_fraction_pattern", "number_word_pattern", "to_decimal", "words_to_number"]

# Spaces that group thousands: "642 000", and the no-break and thin spaces typesetters use.
_GROUP_SPACES = " \u00a0\u202f\u2009"
# A number in digits: "7,000", "642 000", "1.2", "12". Groups of exactly three
# digits after a comma or a space; never a piece of a longer number.
DIGITS = (
    r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?"
    rf"|\d{{1,3}}(?:[{_GROUP_SPACES}]\d{{3}}(?!\d))+(?:\.\d+)?"
    r"|\d+(?:\.\d+)?)(?![\d])(?![.,]\d)"
)
_SEPARATORS = str.maketrans("", "", "," + _GROUP_SPACES)
_TOKENS = re.compile(r"[a-z]+")


def alternation(words: Any, *, ci: bool = True) -> str:
    """Alternation of phrases, longest first, any whitespace between words.

    >>> alternation(["a half", "half"])
    '(?i:(?:a\\\\s+half|half))'
    """
    parts = [r"\s+".join(re.escape(p) for p in w.split()) for w in sorted(set(words), key=lambda s: (-len(s), s))]
    body = "(?:" + "|".join(parts) + ")"
    return f"(?i:{body})" if ci else body


def to_decimal(raw: str) -> Decimal | None:
    """The value of digits as written, separators dropped: '7,000' -> 7000, '642 000' -> 642000."""
    try:
        return Decimal(raw.translate(_SEPARATORS))
    except InvalidOperation:
        return None


@lru_cache(maxsize=1)
def and_fraction_pattern() -> str:
    """Regex source (no groups) of ' and a half' and the like, after a whole number."""
    return r"\s+" + alternation(lexicon.load("number_words")["and_fractions"]) + r"(?![\w-])"


@lru_cache(maxsize=1)
def number_word_pattern() -> str:
    """Regex source (no groups) for a run of number words: 'two hundred and fifty'."""
    nw = lexicon.load("number_words")
    units_tens = alternation([*nw["units"], *nw["tens"]])
    scales = alternation(nw["scales"])
    and_next = rf"(?:\s+(?i:and)(?=\s+{units_tens}(?![\w])))?"
    first = rf"(?:(?i:an?)\s+{scales}(?![\w]){and_next}|{units_tens}(?![\w]))"
    nxt = rf"(?:{scales}(?![\w]){and_next}|{units_tens}(?![\w]))"
    return rf"(?:{first}(?:(?:\s+|-){nxt})*)"


@lru_cache(maxsize=1)
def _word_values() -> dict[str, float]:
    nw = lexicon.load("number_words")
    out: dict[str, float] = {}
    for key in ("units", "tens", "scales"):
        out.update({k.lower(): float(v) for k, v in nw[key].items()})
    return out


@lru_cache(maxsize=1)
def _and_fractions() -> tuple[re.Pattern[str], dict[str, float]]:
    table = {" ".join(k.lower().split()): float(v) for k, v in lexicon.load("number_words")["and_fractions"].items()}
    return re.compile(and_fraction_pattern() + r"\s*\Z"), table


def and_fraction_value(phrase: str) -> float:
    """0.5 for ' and a half', 0.25 for ' and a quarter' (0.0 if not one of them)."""
    return _and_fractions()[1].get(" ".join(phrase.lower().split()), 0.0)


def words_to_number(span: str) -> float | None:
    """'two hundred and fifty' -> 250, 'a dozen' -> 12, 'four and a half' -> 4.5; None if not a number."""
    tail, _ = _and_fractions()
    extra = 0.0
    m = tail.search(span)
    if m is not None:
        extra = and_fraction_value(m.group(0))
        span = span[: m.start()]
    values = _word_values()
    total = 0.0
    current = 0.0
    seen = False
    for tok in _TOKENS.findall(span.lower()):
        if tok in ("and", "a", "an"):
            continue
        v = values.get(tok)
        if v is None:
            return None
        seen = True
        if v == 100 or v == 12:           # hundred, dozen multiply what precedes
            current = (current or 1.0) * v
        elif v >= 1000:
            total += (current or 1.0) * v
            current = 0.0
        else:
            current += v
    return total + current + extra if seen else None

"""Quantities written back for an editor: '12', '≥ 15', '> 60', '≈ 38%', '$1.2 billion', '24–144 (dozens)'.

The reasons and the claim table show a figure both as written and as read; `describe`
is the read side. Vague words and currency signs come from data/number_words.json and
data/currencies.json.

    >>> from factcheck.slots.quantities import find_quantities
    >>> [describe(q) for q in find_quantities("At least 15 died; dozens were hurt; it cost $1.2bn.")]
    ['≥ 15', '24–144 (dozens)', '$1.2 billion']
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import lexicon
from ..records import Quantity
from . import measures

__all__ = ["describe"]

_WS = re.compile(r"\s+")


def _norm(s: str) -> str:
    return _WS.sub(" ", s.strip()).lower()


@lru_cache(maxsize=1)
def _vague_words() -> tuple[str, ...]:
    return tuple(_norm(k) for k in lexicon.load("number_words")["vague"])


@lru_cache(maxsize=1)
def _display() -> dict[str, str]:
    return dict(lexicon.load("currencies")["display"])


def _fmt_num(v: float) -> str:
    if v == int(v) and abs(v) < 1e15:
        return f"{int(v):,}"
    return f"{v:,.3f}".rstrip("0").rstrip(".")


def _fmt_scaled(v: float) -> str:
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(v) >= scale:
            return f"{v / scale:.3f}".rstrip("0").rstrip(".") + f" {word}"
    return _fmt_num(v)


_SIGN = {"at least": "≥ ", "more than": "> ", "at most": "≤ ", "up to": "≤ ", "less than": "< ", "about": "≈ ", "nearly": "≲ "}


def describe(q: Quantity) -> str:
    """Editor-friendly value: '12', '≥ 15', '> 60', '≈ 38%', '$1.2 billion', '24–144 (dozens)'."""
    sign = _SIGN.get(q.qualifier, "")
    if q.kind == "ordinal":
        n = int(q.value)
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return _norm(q.text) if n == 0 else f"{n}{suffix}"
    if q.qualifier == "vague":
        word = next((k for k in sorted(_vague_words(), key=len, reverse=True) if k in _norm(q.text)), _norm(q.text))
        span = f"{_fmt_scaled(q.low)}–{_fmt_scaled(q.high)} ({word})"
        return f"{_display().get(q.unit, '')}{span}" if q.kind == "money" and q.unit in _display() else (
            f"{span} {q.unit}" if q.kind == "money" else span)
    if q.qualifier == "between":
        lo, hi = (_fmt_scaled(q.low), _fmt_scaled(q.high)) if q.kind == "money" or q.high >= 1e6 else (_fmt_num(q.low), _fmt_num(q.high))
        if q.kind == "money":
            sym = _display().get(q.unit or "")
            return f"{sym}{lo}–{sym}{hi}" if sym else f"{lo}–{hi} {q.unit}"
        return f"{lo}–{hi}" + ("%" if q.unit == "%" else (f" {q.unit}" if q.unit else ""))
    if q.kind == "money":
        sym = _display().get(q.unit or "")
        num = _fmt_scaled(q.value)
        return f"{sign}{sym}{num}" if sym else f"{sign}{num} {q.unit}"
    if q.kind == "fraction":
        return f"{sign or '≈ '}{q.value:.1f}%".replace(".0%", "%") + f" ({_norm(q.text)})"
    if q.kind == "percent":
        num = _fmt_num(q.value)
        return f"{sign}{num}%" if q.unit == "%" else f"{sign}{num} {q.unit}"
    if q.kind in measures.DIMENSIONS:
        return f"{sign}{_fmt_scaled(q.value) if q.value >= 1e6 else _fmt_num(q.value)} {q.unit}"
    if q.high > q.low and q.qualifier == "exact":
        return f"{_fmt_num(q.low)}–{_fmt_num(q.high)}"
    return f"{sign}{_fmt_scaled(q.value) if q.value >= 1e6 else _fmt_num(q.value)}"

"""Units of measure: which unit a word names, and comparing measures across units.

The conversion table is data (factcheck/data/units.json): each unit has a
dimension ("speed", "length", "mass", "area"), a factor to the dimension's
base unit and the forms it is written in. factcheck.slots.quantities reads a
measure as a Quantity whose `kind` is the dimension and `unit` the unit's
key; `compatible` here converts two measures of one dimension and lets each
keep the rounding of its last written digit, since a converted figure is a
rounded one ("150 km/h (93 mph)").

Example:
    >>> unit_of("miles per hour")
    'mph'
    >>> round(to_base(93, "mph"), 1)
    149.7
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import lexicon
from ..records import Quantity

__all__ = ["DIMENSIONS", "form_pattern", "unit_of", "dimension_of", "to_base", "compatible"]

_RAW_NUMBER = re.compile(r"\d[\d,  \u202f\u2009]*(?:\.(\d+))?")


@dataclass(frozen=True)
class _Unit:
    key: str
    dimension: str
    factor: float


@lru_cache(maxsize=1)
def _units() -> tuple[dict[str, _Unit], dict[str, str]]:
    """(unit key -> unit, written form -> unit key)."""
    data = lexicon.load("units")["units"]
    units: dict[str, _Unit] = {}
    forms: dict[str, str] = {}
    for key, spec in data.items():
        units[key] = _Unit(key, str(spec["dimension"]), float(spec["factor"]))
        for form in spec["forms"]:
            forms[" ".join(form.split())] = key
    return units, forms


DIMENSIONS = frozenset(("speed", "length", "mass", "area"))


@lru_cache(maxsize=1)
def form_pattern() -> str:
    """Regex source (no groups) of every written form, longest first, case-sensitive."""
    forms = sorted(_units()[1], key=lambda s: (-len(s), s))
    return "(?:" + "|".join(r"\s+".join(re.escape(w) for w in f.split()) for f in forms) + ")"


def unit_of(form: str) -> str:
    """The unit key of a written form: 'kilometres per hour' -> 'km/h'."""
    return _units()[1][" ".join(form.split())]


def dimension_of(unit: str | None) -> str | None:
    """'speed' for 'km/h'; None for anything that is not a unit of measure."""
    found = _units()[0].get(unit or "")
    return found.dimension if found else None


def to_base(value: float, unit: str) -> float:
    """The value in the dimension's base unit: 93 mph -> 149.67 km/h."""
    return value * _units()[0][unit].factor


def _rounding(q: Quantity) -> float:
    """Half a unit of the last written digit ('93' -> 0.5, '1.5 million' -> 50,000)."""
    m = _RAW_NUMBER.search(q.text)
    if m is None:
        return 0.0
    raw = float(re.sub(r"[^\d.]", "", m.group(0)) or 0)
    scale = q.value / raw if raw else 1.0
    decimals = len(m.group(1) or "")
    return 0.5 * 10.0 ** -decimals * scale


def compatible(a: Quantity, b: Quantity) -> bool:
    """Can two measures of one dimension both hold? Compared in the base unit.

    >>> from factcheck.slots.quantities import find_quantities
    >>> compatible(find_quantities("150 km/h")[0], find_quantities("about 93 mph")[0])
    True
    """
    if a.kind != b.kind or dimension_of(a.unit) != a.kind or dimension_of(b.unit) != b.kind:
        return False
    if a.unit == b.unit:
        return a.low <= b.high and b.low <= a.high
    lo_a, hi_a = _bounds(a)
    lo_b, hi_b = _bounds(b)
    tol = 1e-9 * max(1.0, abs(hi_a), abs(hi_b))
    return lo_a <= hi_b + tol and lo_b <= hi_a + tol


def _bounds(q: Quantity) -> tuple[float, float]:
    """The interval in the base unit, an exact figure widened by its rounding."""
    unit = q.unit or ""
    pad = _rounding(q) if q.qualifier == "exact" else 0.0
    return to_base(q.low - pad, unit), to_base(q.high + pad, unit)

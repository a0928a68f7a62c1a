"""The `where` slot: place names and aliases, resolved against the article.

"The Austrian city" means nothing alone; in an article whose headline names
Salzburg it means Salzburg. So resolution takes the places an article names
anywhere (headline and dateline included) as context.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from typing import Callable, Iterable, Sequence, TypeVar

from .. import lexicon

# "the French city of Lyon", "the port town of X": the name after "of" is the place
_KIND_OF = r"(?:(?:[A-Z][a-z]+\s+)?(?:port\s+)?(?:city|town|village|port|capital)\s+of\s+)?"
# near-ness words: a place after them is a reference point, not the venue
_NEAR = re.compile(
    r"(?:outskirts of|near|nearby|outside|north of|south of|east of|west of|"
    r"north-east of|north-west of|south-east of|south-west of|from|close to|across|"
    r"kilometres \w+ of|kilometers \w+ of|miles \w+ of|km \w+ of)\s+(?:the\s+)?" + _KIND_OF + "$",
    re.IGNORECASE,
)
_IN = re.compile(r"(?:\bin|\bat|\binside|\bthrough|\bheld in|\bbased in|\bheadquartered in)\s+(?:the\s+)?"
                 r"(?:(?:northern|southern|eastern|western|central|north-eastern|north-western|south-eastern|south-western|"
                 r"northeastern|northwestern|southeastern|southwestern)\s+)?" + _KIND_OF + "$", re.IGNORECASE)
_ALIAS = re.compile(
    r"\bthe\s+(?P<demonym>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+(?P<kind>capital|city|town|port city|port|metropolis)\b"
    r"(?!\s+of\s+[A-Z])"  # "the French city of Lyon" names its city
)
_BARE_CAPITAL = re.compile(r"\bthe\s+(?:country's\s+|nation's\s+)?capital\b(?!\s+of\b)")


@dataclass(frozen=True)
class Place:
    start: int
    end: int
    text: str
    name: str                # canonical name ("Salzburg"); "city in CH" when unresolved
    country: str | None      # ISO code
    kind: str                # city | country | region | alias
    relation: str = "in"     # in | near | other


@dataclass(frozen=True)
class Gazetteer:
    cities: dict[str, tuple[str, int]]
    countries: dict[str, str]
    capitals: dict[str, str]
    regions: dict[str, str]
    demonyms: dict[str, str]


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    data = lexicon.load("places")
    return Gazetteer(
        cities={k: (v[0], int(v[1])) for k, v in data["cities"].items()},
        countries=dict(data["countries"]),
        capitals=dict(data["capitals"]),
        regions=dict(data["regions"]),
        demonyms=dict(data["demonyms"]),
    )


def _lookup(name: str) -> tuple[str, str | None, str] | None:
    return _index().get(name)


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[str, str | None, str]]:
    """Every name `_lookup` knows, in one dict (one probe per candidate): an abbreviation wins,
    then a city, a country, a region."""
    gaz = gazetteer()
    found: dict[str, tuple[str, str | None, str]] = {}
    for name, code in gaz.regions.items():
        found[name] = (name, code, "region")
    for name, code in gaz.countries.items():
        found[name] = (name, code, "country")
    for name, (code, _) in gaz.cities.items():
        found[name] = (name, code, "city")
    for name, code in _abbreviations().items():
        if code:
            found[name] = (name, code, "country")
    return found


@lru_cache(maxsize=1)
def _abbreviations() -> dict[str, str]:
    return dict(lexicon.load("places").get("country_abbreviations", {}))


def _relation(text: str, start: int) -> str:
    before = text[max(0, start - 40):start]
    if _NEAR.search(before):
        return "near"
    if _IN.search(before):
        return "in"
    return "other"


def find_places(text: str, context: Iterable[str] = ()) -> list[Place]:
    """Places named in `text`; `context` is the names the whole article mentions."""
    found, taken = _named_places(text, context)
    for match in _areas().finditer(text):
        if any(s <= match.start("name") < e for s, e in taken) or any(p.start <= match.start("name") < p.end for p in found):
            continue
        words = match.group("name").split()
        while words and not words[0][0].isupper():
            words.pop(0)  # "the highlands of X province": the name is X
        if not words or any(not w[0].isupper() for w in words):
            continue
        name = f"{' '.join(words)} {match.group('kind').lower()}"
        relation = "in" if match.group("prep").lower() in ("in", "at", "off", "near") else _relation(text, match.start())
        if match.group("prep").lower() == "of" and re.search(r"\bin\s+(?:the\s+)?\w+\s+$", text[max(0, match.start() - 25):match.start()]):
            relation = "in"  # "in the highlands of X province"
        start = match.start("name") + match.group("name").find(words[0])
        found.append(Place(start, match.end("kind"), text[start:match.end("kind")], name, None, "area", relation))
    for match in _facilities().finditer(text):
        start = match.start()
        for _ in range(3):  # the capitalised name before the head word
            name = re.search(r"([^\W\d_][\w'’-]*)\s+$", text[:start])
            if not name or not name.group(1)[0].isupper() or name.group(1) in ("The", "A", "An", "This", "That"):
                break
            start = name.start(1)
        if start == match.start() or any(p.start <= start < p.end or start <= p.start < match.end() for p in found):
            continue
        before = text[max(0, start - 12):start]
        relation = "in" if re.search(r"\b(?:at|in|from|inside)\s+(?:the\s+)?$", before, re.IGNORECASE) else "other"
        found.append(Place(start, match.end(), text[start:match.end()], text[start:match.end()], None, "facility",
                           relation))
    for match in _BARE_CAPITAL.finditer(text):
        if any(s <= match.start() < e for s, e in taken):
            continue
        name = _context_capital(context)
        if name:
            found.append(Place(match.start(), match.end(), match.group(0), name,
                               gazetteer().cities.get(name, ("", 0))[0] or None, "alias",
                               _relation(text, match.start())))
    found.sort(key=lambda p: p.start)
    return found


def _named_places(text: str, context: Iterable[str]) -> tuple[list[Place], list[tuple[int, int]]]:
    """Aliases ("the Austrian city") and gazetteer names in `text`, and the aliases' spans."""
    gaz = gazetteer()
    found: list[Place] = []
    taken: list[tuple[int, int]] = []
    for match in _ALIAS.finditer(text):
        code = gaz.demonyms.get(match.group("demonym"))
        if code is None:
            continue
        kind = match.group("kind")
        if kind == "capital":
            name = gaz.capitals.get(code, f"capital of {code}")
        else:
            name = _resolve_city(code, context) or f"{kind} in {code}"
        found.append(Place(match.start(), match.end(), match.group(0), name, code, "alias",
                           _relation(text, match.start())))
        taken.append(match.span())
    for run in _capitalised_runs(text):
        if any(s <= run[0] < e for s, e in taken):
            continue
        found.extend(_places_in_run(text, run))
    return found, taken


_TOKEN = re.compile(r"[^\W\d_][\w'’.-]*")


@lru_cache(maxsize=1)
def _connectors() -> frozenset[str]:
    return frozenset(lexicon.load("places").get("connectors", []))


def _capitalised_runs(text: str) -> list[tuple[int, int]]:
    """Spans of capitalised words (any script), joined by single spaces and connectors."""
    runs: list[tuple[int, int]] = []
    start = end = -1
    pending = False  # the run ended on a connector
    connectors = _connectors()
    for m in _TOKEN.finditer(text):
        word = m.group(0)
        at, upper = m.start(), word[0].isupper()
        joined = end >= 0 and at == end + 1 and text[end] == " "  # one blank between: text[end:at] == " "
        if upper and (joined or start < 0):
            start = at if start < 0 else start
            end, pending = m.end(), False
        elif upper:
            runs.append((start, end))
            start, end, pending = at, m.end(), False
        elif joined and word in connectors:
            pending = True
            end_before = end
            end = m.end()
            continue
        else:
            if start >= 0:
                runs.append((start, end_before if pending else end))
            start = end = -1
            pending = False
            continue
        end_before = end
    if start >= 0:
        runs.append((start, end_before if pending else end))
    return runs


@lru_cache(maxsize=1)
def _facilities() -> re.Pattern[str]:
    """'Baikonur Cosmodrome', 'the Oberwald Space Centre': a named venue."""
    heads = "|".join(re.escape(h) for h in sorted(lexicon.load("places").get("facility_heads", []), key=len, reverse=True))
    return re.compile(r"\b(?:" + (heads or "Stadium") + r")\b")


@lru_cache(maxsize=1)
def _areas() -> re.Pattern[str]:
    """'in Oberwald province', 'off Lindholm island': named areas the gazetteer does not list."""
    kinds = "|".join(re.escape(k) for k in lexicon.load("places").get("area_kinds", []))
    return re.compile(r"\b(?P<prep>in|at|off|near|of)\s+(?:the\s+)?(?P<name>(?:[^\W\d_][\w'’-]*\s+){1,3}?)"
                      r"(?P<kind>" + (kinds or "province") + r")\b")


def _places_in_run(text: str, run: tuple[int, int]) -> list[Place]:
    """Known places in a run of capitalised words, longest first, left to right.

    "Paris Club" is not Paris: a name followed by another capitalised
    word is part of a longer proper name.
    """
    parts = text[run[0]:run[1]].split(" ")  # _capitalised_runs joins a run's words by single spaces
    spans = _name_spans()  # no candidate is longer than the longest name starting with its word: linear
    index = _index()
    # the words that may start a place: of several words, a name itself, "X-based" or "U.S."; most are none
    starts = {w for w in set(parts) if w in spans or w.endswith(".") or w.rstrip(".'’,") in index
              or w.rstrip(".'’,").endswith("-based")}
    if not starts:
        return []
    words = list(zip(accumulate((len(w) + 1 for w in parts), initial=run[0]), parts))
    out: list[Place] = []
    i = 0
    while i < len(words):
        if words[i][1] not in starts:
            i += 1  # the loop below would find nothing
            continue
        for size in range(min(len(words) - i, spans.get(words[i][1], 1)), 0, -1):
            start = words[i][0]
            last_start, last_word = words[i + size - 1]
            end = last_start + len(last_word.rstrip(".'’,"))
            candidate = text[start:end]
            hit = _lookup(candidate)
            if hit is None and size == 1 and candidate.endswith("-based"):
                end -= len("-based")  # "Lyon-based": based in Lyon
                candidate = text[start:end]
                hit = _lookup(candidate)
                if hit is not None:
                    out.append(Place(start, end, candidate, hit[0], hit[1], hit[2], "in"))
                    i += 1
                    break
                continue
            if hit is None and last_word.endswith("."):
                end += 1  # "U.S." keeps its last dot
                candidate = text[start:end]
                hit = _lookup(candidate)
            if hit is None:
                continue
            if re.match(r" [^\W\d_]", text[end:end + 3]) and text[end + 1].isupper():
                continue
            out.append(Place(start, end, candidate, hit[0], hit[1], hit[2], _relation(text, start)))
            i += size
            break
        else:
            i += 1
    return out


@lru_cache(maxsize=1)
def _name_spans() -> dict[str, int]:
    """For each first word of a name of several words `_lookup` can find, the most words such a name has."""
    gaz = gazetteer()
    spans: dict[str, int] = {}
    for name in (*gaz.cities, *gaz.countries, *gaz.regions, *_abbreviations()):
        words = name.split()
        if len(words) > 1:
            spans[words[0]] = max(spans.get(words[0], 1), len(words))
    return spans


def _resolve_city(country: str, context: Iterable[str]) -> str | None:
    gaz = gazetteer()
    for name in context:
        city = gaz.cities.get(name)
        if city and city[0] == country:
            return name
    return None


def _context_capital(context: Iterable[str]) -> str | None:
    gaz = gazetteer()
    for name in context:
        code = gaz.countries.get(name)
        if code and code in gaz.capitals:
            return gaz.capitals[code]
    return None


def context_names(texts: Iterable[str]) -> tuple[str, ...]:
    """Every city and country an article names, in order of first mention."""
    names: list[str] = []
    for text in texts:
        # areas, venues and aliases are never a city or a country: skip looking for them
        for place in sorted(_named_places(text, ())[0], key=lambda p: p.start):
            if place.kind in ("city", "country") and place.name not in names:
                names.append(place.name)
    return tuple(names)


T = TypeVar("T")


def first_clash(xs: Sequence[T], ys: Sequence[T], same: Callable[[T, T], bool | None]) -> tuple[T, T] | None:
    """The first pair, one from each side, that `same` says are different places, unless some pair
    is the same place (that settles it: "in Lisbon" and "at the Belem Tower, Lisbon").

    >>> first_clash(["a"], ["b", "a"], lambda x, y: x == y) is None
    True
    """
    verdicts = [(same(x, y), x, y) for x in xs for y in ys]
    if any(v is True for v, _, _ in verdicts):
        return None
    return next(((x, y) for v, x, y in verdicts if v is False), None)


def same_place(a: Place, b: Place) -> bool | None:
    """True/False where the two venues can be compared; None when they cannot."""
    if a.relation != "in" or b.relation != "in":
        return None
    if a.name == b.name:
        return True
    kinds = {a.kind, b.kind}
    if kinds == {"facility"}:
        return a.name == b.name
    if "facility" in kinds:
        return None
    if kinds == {"area"}:
        # two named provinces or islands: the same only if the same name
        same_type = a.name.split()[-1] == b.name.split()[-1]
        return a.name == b.name if same_type else None
    if len(kinds) == 1 and kinds <= {"country", "city", "region"}:
        return False  # two countries, two cities: different names are different places
    if "area" in kinds or "country" in kinds or "region" in kinds:
        # a city inside a country or state is compatible with it
        return None
    if a.name.startswith(("city in", "town in", "capital of")) or b.name.startswith(("city in", "town in", "capital of")):
        return a.country == b.country if a.country and b.country else None
    return False


def is_country_abbreviation(word: str) -> bool:
    return word in _abbreviations()

"""Places the parse sees, gazetteer or not, and where two claims put one event apart.

The gazetteer (places.py) knows real cities and countries; an invented town,
a launch site or a stadium it cannot know. The parse can: a proper noun that
is the object of a locative preposition is a place ("near Braga", "from the
Kvarn spaceport", "at Tilburg District Court"), whatever label the entity
recogniser gives it. Each such place becomes a `Site` of the claim holding it:

- its relation: `in` for the venue itself (in, at, inside, from, into), `near`
  for a reference point (near, outside, off);
- its sort: `venue` (the head word is a stadium, court, museum, square ...),
  `town` (a bare name, or "the fishing town of X"), `region` (a coast, a
  province, a gazetteer region or country);
- the town a venue is said to be in ("the district court in Breda").

Two sites contradict only when they are of one relation and one sort: two
venues with no distinctive word in common, or two towns with different names.
A town and its coast, "near X" and "in Y", a city and its landmark are never
compared. Places joined by "and" (searches in two towns) are left out.

    >>> from factcheck.judgement import parse
    >>> doc = next(parse.parse(["The rocket lifted off from the Kvarn spaceport on Tuesday."]))
    >>> [(s.name, s.relation, s.sort) for _, _, s in sites_of(doc)]
    [('Kvarn spaceport', 'in', 'venue')]
    >>> conflict((Site("near Braga", "Braga", "near", "town"),), (Site("near Aveiro", "Aveiro", "near", "town"),))
    'where: "near Braga" vs "near Aveiro"'
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations
from typing import Iterable, Sequence

from .. import lexicon
from . import places, terms
from ..records import Claim, Site
from ..judgement.verbs import about_other_occasion, cues

# claims that say nothing firm about where the event was
_UNCERTAIN = frozenset({"expected", "conditional", "unknown", "scheduled"})


@dataclass(frozen=True)
class Words:
    venue_preps: frozenset[str]
    near_preps: frozenset[str]
    venue_heads: frozenset[str]
    town_nouns: frozenset[str]
    region_heads: frozenset[str]
    generic: frozenset[str]
    not_a_place: frozenset[str]
    classes: dict[str, int]
    many_place: frozenset[str]
    target_events: frozenset[str]


@lru_cache(maxsize=1)
def words() -> Words:
    """The lists of data/sites.json."""
    data = lexicon.load("sites")
    return Words(
        venue_preps=frozenset(data["venue_preps"]), near_preps=frozenset(data["near_preps"]),
        venue_heads=frozenset(data["venue_heads"]), town_nouns=frozenset(data["town_nouns"]),
        region_heads=frozenset(data["region_heads"]), generic=frozenset(data["generic_words"]),
        not_a_place=frozenset(data["not_a_place"]),
        classes={head: n for n, group in enumerate(data["story_venue_classes"]) for head in group},
        many_place=frozenset(data["many_place_events"]),
        target_events=frozenset(data["target_events"]),
    )


# ---------------------------------------------------------------------------
# from the parse


def _head_word(name: str) -> str:
    """The word that says what sort of place a name is: "Museum of X" -> museum, "Kvarn spaceport" -> spaceport."""
    lowered = name.lower().split(" of ")[0].split()
    heads = words().venue_heads
    for i in range(len(lowered) - 1, -1, -1):
        if i and f"{lowered[i - 1]} {lowered[i]}" in heads:
            return f"{lowered[i - 1]} {lowered[i]}"
        if lowered[i] in heads:
            return lowered[i]
    return lowered[-1] if lowered else ""


def _sort_of(name: str, head: str) -> str:
    w = words()
    if head in w.venue_heads or (head in ("hall", "park") and name[:1].isupper()):
        return "venue"
    if head in w.region_heads:
        return "region"
    known = places.find_places(name)
    if any(p.kind in ("country", "region", "area") and p.text == name for p in known):
        return "region"
    return "town"


def _name_tokens(token: "Token") -> list["Token"]:  # noqa: F821
    """The token with the compounds and proper-noun modifiers before it: "Lindby Space Center"."""
    subtree = {t.i for t in token.subtree}
    start = token.i
    while start > 0:
        before = token.doc[start - 1]
        if before.i not in subtree or before.dep_ in ("det", "poss", "case", "punct", "nummod"):
            break
        if not (before.dep_ in ("compound", "amod", "nmod") or before.pos_ == "PROPN"):
            break
        start -= 1
    run = list(token.doc[start:token.i])
    while run and run[0].pos_ not in ("PROPN", "NOUN"):
        run.pop(0)  # "the southern coast": the adjective is no part of the name
    return run + [token]


def _venue_head(tokens: Sequence["Token"]) -> str | None:  # noqa: F821
    """The venue head word among a name's words: "Hotel Astoria" -> hotel, "Lindby Space Center" -> center."""
    heads = words().venue_heads
    lowered = [t.lower_ for t in tokens]
    for i in range(len(lowered) - 1, -1, -1):
        if i and f"{lowered[i - 1]} {lowered[i]}" in heads:
            return f"{lowered[i - 1]} {lowered[i]}"
        if lowered[i] in heads:
            return lowered[i]
    return None


def _of_name(token: "Token") -> "Token | None":  # noqa: F821
    """The proper noun of "the town of X" / "the Museum of X": X."""
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [t for t in child.children if t.dep_ == "pobj" and t.pos_ == "PROPN"]
            if objects:
                return objects[0]
    return None


def _within(token: "Token") -> "Token | None":  # noqa: F821
    """The town a venue is said to be in: "the district court in Breda" -> Breda; "Prague's Old Town" -> Prague."""
    for child in token.children:
        if child.dep_ == "poss" and child.pos_ == "PROPN":
            return child
        if child.dep_ == "prep" and child.lower_ in ("in", "at"):
            objects = [t for t in child.children if t.dep_ == "pobj" and t.pos_ == "PROPN"]
            if objects:
                return objects[0]
    return None


def _text(tokens: Sequence["Token"]) -> str:  # noqa: F821
    return tokens[0].doc[tokens[0].i:tokens[-1].i + 1].text


def _site_at(obj: "Token", relation: str) -> tuple[int, int, Site] | None:  # noqa: F821
    """The site named by `obj`, the object of a locative preposition, or None."""
    w = words()
    if obj.ent_type_ in w.not_a_place or any(t.dep_ == "conj" for t in obj.children) or obj.dep_ == "conj":
        return None  # a date, a nationality; or several places ("in Vellinge and Morsby")
    if obj.pos_ == "NOUN" and obj.lemma_.lower() in w.town_nouns:
        named = _of_name(obj)  # "near the fishing town of Dhamrapur"
        if named is None or named.ent_type_ in w.not_a_place:
            return None
        tokens = _name_tokens(named)
        return tokens[0].idx, named.idx + len(named.text), Site(
            _text([obj, named]), _text(tokens), relation, "town")
    tokens = _name_tokens(obj)
    proper = [t for t in tokens if t.pos_ == "PROPN" or t.text[:1].isupper()]
    head = _venue_head(tokens) or (obj.lemma_.lower() if obj.pos_ == "NOUN" else obj.lower_)
    if obj.pos_ == "PROPN" and obj.ent_type_ in ("PERSON", "ORG") and head not in w.venue_heads and relation == "in":
        if obj.head.head.pos_ != "NOUN" or obj.head.head.lemma_.lower() not in w.venue_heads | w.town_nouns:
            return None  # "an analyst at Barclays", "a post in Smith's team"
    if obj.pos_ == "NOUN" and not (head in w.venue_heads or head in w.region_heads):
        return None  # "in the area", "at the scene"
    if obj.pos_ == "NOUN" and not proper and _within(obj) is None:
        return None  # "at the stadium": no name of its own
    if obj.pos_ not in ("NOUN", "PROPN"):
        return None
    end_token = obj
    named_of = _of_name(obj) if head in w.venue_heads else None
    if named_of is not None:  # "the Museum of Coastal Amber"
        end_token = named_of
    name = _text(tokens) if end_token is obj else obj.doc[tokens[0].i:end_token.i + 1].text
    within = _within(obj)
    sort = _sort_of(name, head)
    start = tokens[0].idx
    first = tokens[0].i
    text_start = obj.doc[first - 1] if first > 0 and obj.doc[first - 1].lower_ == "the" else tokens[0]
    text = obj.doc[text_start.i:end_token.i + 1].text
    return start, end_token.idx + len(end_token.text), Site(
        text, name, relation, sort, _text(_name_tokens(within)) if within is not None else None)


def sites_of(doc: "Doc") -> list[tuple[int, int, Site]]:  # noqa: F821
    """(start, end, site) for every place the parse sees in `doc`, offsets into its text.

    A town named as a venue's town ("the court in Breda") is the venue's `within`, not a site of its own.
    """
    w = words()
    found: list[tuple[int, int, Site]] = []
    containers: set[int] = set()
    for token in doc:
        if token.dep_ != "pobj" or token.head.dep_ != "prep":
            continue
        prep = token.head.lower_
        relation = "in" if prep in w.venue_preps else "near" if prep in w.near_preps else None
        if prep == "on" and token.head.head.lemma_.lower() in w.target_events:
            relation = "in"  # "the raid on the Museum of Coastal Amber": where the raid happened
        if relation is None:
            continue
        if token.pos_ != "PROPN" and not (token.pos_ == "NOUN" and any(t.pos_ == "PROPN" for t in token.subtree)):
            continue
        governor = token.head.head
        if governor.pos_ in ("NOUN", "PROPN") and prep in ("in", "at") and _venue_head(_name_tokens(governor)):
            containers.add(token.i)
            continue
        site = _site_at(token, relation)
        if site is not None:
            found.append(site)
    return found


def within_claim(found: Iterable[tuple[int, int, Site]], start: int, end: int, shift: int) -> tuple[Site, ...]:
    """The sites whose words lie inside a claim's [start, end) (source offsets; the doc starts at `shift`)."""
    return tuple(site for s, e, site in found if start <= s + shift and e + shift <= end)


# ---------------------------------------------------------------------------
# comparison


def distinctive(site: Site) -> frozenset[str]:
    """The words that tell a site from others of its sort: "Tilburg District Court" -> {tilburg}."""
    w = words()
    text = f"{site.name} {site.within or ''}"
    found = {x.lower().rstrip("'’s") if x.endswith(("'s", "’s")) else x.lower() for x in re.findall(r"[^\W\d_][\w'’-]*", text)}
    return frozenset(found - w.generic - w.venue_heads - w.town_nouns - w.region_heads)


def same_site(x: Site, y: Site) -> bool | None:
    """True/False where the two sites can be compared, None where they cannot.

    >>> same_site(Site("at the district court in Breda", "district court", "in", "venue", "Breda"),
    ...           Site("at Tilburg District Court", "Tilburg District Court", "in", "venue"))
    False
    >>> same_site(Site("in Lisbon", "Lisbon", "in", "town"), Site("at the Belem Tower", "Belem Tower", "in", "venue"))
    """
    if x.relation != y.relation or x.sort != y.sort or x.sort == "region":
        return None
    dx, dy = distinctive(x), distinctive(y)
    if not dx or not dy:
        return None
    if dx & dy:
        return True
    if x.sort == "town" and (x.relation != "near" or x.name in (y.within or "") or y.name in (x.within or "")):
        return None  # "in X" and "in Y": either may be a district or a region of the other
    return False


def conflict(a: Sequence[Site], b: Sequence[Site]) -> str | None:
    """The reason two claims' sites cannot both hold, or None; any pair that agrees settles it."""
    clash = places.first_clash(a, b, same_site)
    return f'where: "{clash[0].text}" vs "{clash[1].text}"' if clash else None


def many_places(c: Claim) -> bool:
    """The claim reports what happens in many places at once (evacuations, searches, arrests, a
    firm's seat): two places for it are two parts of it, not a contradiction."""
    many = words().many_place
    if c.lemma and f"{c.lemma} {c.object}" in lexicon.words("frames", "occurrence_lemmas"):
        return False  # "it took place outside Brenford": one event, not the many things "take" does
    return bool(c.lemma and (c.lemma in many or c.lemma.split()[0] in many)) or bool(
        c.predicate and many & set(c.predicate.split(",")))


def site_conflict(a: Claim, b: Claim) -> str | None:
    """Where a matched pair puts its one event in two places the gazetteer may not know."""
    if not a.sites or not b.sites or cues().other_occasion.search(a.text + " " + b.text):
        return None
    if many_places(a) or many_places(b):
        return None
    return conflict(_not_owned(a), _not_owned(b))


_OWNED = re.compile(r"(?:\b[\w-]+['’]s|\bits|\btheir)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)  # "the park's (rearing) centre"


def _not_owned(c: Claim) -> tuple[Site, ...]:
    """The claim's sites but those written as a part of another place ("the park's breeding
    centre", "its north wing"): a part lies within the whole the other claim may name."""
    out = []
    for site in c.sites:
        at = c.text.find(site.text)
        if at < 0 or not _OWNED.search(c.text[max(0, at - 30):at]):
            out.append(site)
    return tuple(out)


def apart_by_places_only(a: Claim, b: Claim, only_a: Iterable[str], only_b: Iterable[str]) -> bool:
    """Once the names of its places are set aside, one of the claims has no name the other lacks, and
    the event is held in one place: the places are the slot to compare, not a sign of two parties.

    >>> apart_by_places_only(Claim("a", "a", 0, 1, "x", 0, 1, lemma="land", sites=(Site("near Quarva", "Quarva", "near"),)),
    ...                      Claim("b", "b", 0, 1, "y", 0, 1, lemma="land", sites=(Site("near Pellor", "Pellor", "near"),)),
    ...                      {"quarva"}, {"pellor"})
    True
    """
    if many_places(a) or many_places(b):
        return False
    return not (set(only_a) - site_words(a) and set(only_b) - site_words(b))


def site_words(c: Claim) -> frozenset[str]:
    """Lower-case words of the claim's site names: compared as places, not as names of parties."""
    return frozenset(x.lower().strip(".,'’") for s in c.sites for x in re.split(r"[\s-]+", f"{s.name} {s.within or ''}") if x)


# ---------------------------------------------------------------------------
# one venue per story


def _venue_class(site: Site) -> int | None:
    if site.sort != "venue" or site.relation != "in":
        return None
    return words().classes.get(_head_word(site.name))


def _common_ground(a: Claim, b: Claim) -> bool:
    """The two claims say the same thing happened: one predicate, or a content word besides the places."""
    if a.lemma and a.lemma == b.lemma:
        return True
    light = lexicon.words("event_days", "light_lemmas")
    if a.lemma in light and b.lemma in light:
        return True  # "the match was played at X stadium" / "won the cup ... at Y Stadium": the story's occasion
    place_stems = {terms.stem(w) for w in site_words(a) | site_words(b) | words().venue_heads}
    return bool({k for k in set(a.keywords) & set(b.keywords) if k not in place_stems})


def story_conflicts(claims: Sequence[Claim], block: Sequence[int]) -> list[tuple[int, int, str]]:
    """(i, j, reason) for two sources naming two venues of one class (two stadiums, two museums)
    for claims that share what happened there (an event, a lemma, a content word).

    A source naming two venues of a class, or mentioning the other source's venue anywhere,
    knows them apart and is left out; so are forecasts, denials and other occasions.
    """
    by_class: dict[int, dict[str, list[tuple[int, Site]]]] = {}
    mentioned: dict[str, set[str]] = {}
    for i in block:
        c = claims[i]
        mentioned.setdefault(c.source, set()).update(x.lower() for x in re.findall(r"[^\W\d_][\w'’-]*", c.text))
        if (not c.polarity or c.negated or c.status in _UNCERTAIN or about_other_occasion(c.text)
                or any(m.granularity == "year" and re.search(r"\d{4}", m.text) for m in c.when)):
            continue
        for site in c.sites:
            kind = _venue_class(site)
            if kind is not None and distinctive(site):
                by_class.setdefault(kind, {}).setdefault(c.source, []).append((i, site))
    out: list[tuple[int, int, str]] = []
    for by_source in by_class.values():
        clashes: list[tuple[int, int, str]] = []
        single = {src: found for src, found in by_source.items()
                  if len({distinctive(s) for _, s in found}) == 1}
        for (src_a, found_a), (src_b, found_b) in combinations(sorted(single.items()), 2):
            (i, x), (j, y) = found_a[0], found_b[0]
            if same_site(replace_relation(x), replace_relation(y)) is not False:
                continue
            if distinctive(y) <= mentioned[src_a] or distinctive(x) <= mentioned[src_b]:
                continue
            if not _common_ground(claims[i], claims[j]):
                continue
            clashes.append((i, j, f'where: "{x.text}" vs "{y.text}"'))
        out.extend(clashes + _sides_taken(single, clashes, mentioned))
    return sorted(set(out))


def _sides_taken(single: dict[str, list[tuple[int, Site]]], found: list[tuple[int, int, str]],
                 mentioned: dict[str, set[str]]) -> list[tuple[int, int, str]]:
    """Once two sources clash on a venue, a third naming one side's venue clashes with the other
    side too, whatever its own sentence says happened there ("released details of the raid on
    the X Museum"): the venue is the story's."""
    venue_of = {claim: site for found_sites in single.values() for claim, site in found_sites[:1]}
    source_of = {found_sites[0][0]: src for src, found_sites in single.items()}
    paired = {frozenset((source_of.get(i), source_of.get(j))) for i, j, _ in found}
    out: list[tuple[int, int, str]] = []
    for i, j, _ in found:
        for side, other in ((i, j), (j, i)):
            if side not in venue_of or other not in venue_of:
                continue
            for src, found_sites in sorted(single.items()):
                k, z = found_sites[0]
                pair = frozenset((src, source_of[other]))
                if (k in (i, j) or pair in paired or same_site(replace_relation(z), replace_relation(venue_of[side])) is not True
                        or distinctive(venue_of[other]) <= mentioned[src]):
                    continue
                paired.add(pair)
                a, b = sorted((k, other))
                out.append((a, b, f'where: "{venue_of[a].text}" vs "{venue_of[b].text}"'))
    return out


def replace_relation(site: Site) -> Site:
    """The site as a venue of the event ("in"), for comparing venues of one class."""
    return Site(site.text, site.name, "in", "venue", site.within)


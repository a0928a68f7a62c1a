"""Names in a claim: full person names, surnames, and other proper names (from claims.py)."""
from __future__ import annotations

import re
from functools import lru_cache

from . import places, terms

_NAME = re.compile(r"\b(?:[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?)(?:\s+(?:[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?|[A-Z]\.))+")
_ORG_WORDS = frozenset("""institute department ministry group accord service services commission federation forum union nations
research securities council committee agency office bank court party company corporation corp inc ltd logistics freight
university association organisation organization centre center fund board authority trust house times post news
conference chain express monitor department's state river lake""".split())


def person_names(text: str) -> list[str]:
    """Full person names ("Ana Ruiz"), for leaving them out of wording comparisons."""
    out = []
    for m in _NAME.finditer(text):
        words = m.group(0).split()
        if words[0] in ("The", "A", "An", "In", "On", "At", "But", "And"):
            words = words[1:]
        if len(words) >= 2 and words[-1] in people(m.group(0)):
            out.append(" ".join(w for w in words if w.lower() not in _ORG_WORDS))
    return out


def people(text: str) -> tuple[str, ...]:
    """Surnames of person names (two or more capitalised words, not a place or an organisation)."""
    found: list[str] = []
    gaz = places.gazetteer()
    for m in _NAME.finditer(text):
        words = m.group(0).split()
        if any(w.lower().rstrip(".") in _ORG_WORDS for w in words):
            continue
        if words[0] in ("The", "A", "An", "In", "On", "At", "But", "And"):
            words = words[1:]
            if len(words) < 2:
                continue
        if any(w in gaz.demonyms or w in gaz.countries or w in gaz.cities for w in words[-1:]):
            continue
        if words[-1].lower() in terms.vocabulary().stopwords:
            continue
        found.append(words[-1])
    return tuple(dict.fromkeys(found))


_WORDLIKE = re.compile(r"\b[^\W\d_][\w&-]*[^\W\d_]")


def proper_names(text: str) -> frozenset[str]:
    """Capitalised words other than places, demonyms, months and sentence starts."""
    out = set()
    for m in _WORDLIKE.finditer(text):
        word = m.group(0)
        if not word[0].isupper() or not _is_proper(word):
            continue
        if m.start() == 0 and not (word.isupper() or re.match(r"\s+[A-Z]|['’]s\b", text[m.end():m.end() + 3])):
            continue  # a capitalised first word is just a sentence start (unless "X's" or "X Y")
        out.add(word.lower())
    return frozenset(out)


@lru_cache(maxsize=65536)
def _is_proper(word: str) -> bool:
    """Not a place, a demonym, a stop word nor a concept's word (cached: a text repeats its names)."""
    gaz = places.gazetteer()
    if word in gaz.demonyms or word in gaz.countries or word in gaz.cities or word in gaz.regions \
            or places.is_country_abbreviation(word):
        return False
    return word.lower() not in terms.vocabulary().stopwords and not terms.concept_of(word)

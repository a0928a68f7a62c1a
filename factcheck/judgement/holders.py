"""Who holds a one-holder post, and who did a one-doer deed, compared across a story.

"Captain Mikkel Staub" in one source and "the vessel was skippered by Aron
Falk" in another name two people for a post one person holds; "the medals were
presented by Mayor Ilse Horn" and "Arvid Tell handed out the medals" name two
people for a deed one person does. Either is a conflict of kind `who`, found
without a match: the post or the deed is the story's, whatever else each
sentence says.

Guards, because two people can hold one title in one story (the two teams'
captains, a trial judge and an appeal judge):

- a source naming two holders of one post is left out for that post;
- no source may name both people: a story that mentions both knows them apart;
- a title after "former", "deputy", "assistant" ... names another holder
  (data/holders.json `not_this_holder`);
- a deed needs the same undergoer (`medal`), both doers named in the claim's
  own words as people, and neither claim negated, denied or a forecast.

    >>> holders_in("Its captain, Falk, is among those treated in hospital.")
    [('captain', 'falk')]
    >>> holders_in("The former captain, Aron Falk, retired in 2019.")
    []
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import combinations
from typing import Sequence

from .. import lexicon
from . import claims as claims_mod
from ..slots.names import people
from ..records import Claim

_HONORIFIC = r"(?:(?:Dr|Mr|Mrs|Ms|Sir|Dame|Prof)\.?\s+)?"
_NAME = r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})"
_NOT_NAME = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march april may
june july august september october november december the a an he she it they his her its their this that""".split())
_UNCERTAIN = frozenset({"expected", "conditional", "unknown", "scheduled"})


@lru_cache(maxsize=1)
def _titles() -> dict[str, str]:
    """Title words (lower case) -> the post they name."""
    return {w.lower(): post for post, words in lexicon.load("holders")["titles"].items() for w in words}


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(title then name, name then title, passive verb then name)."""
    titles = "|".join(re.escape(t) for t in sorted(_titles(), key=len, reverse=True))
    by = "|".join(re.escape(v) for v in sorted(_verb_posts(), key=len, reverse=True))
    return (
        re.compile(r"(?<![\w-])(?P<title>(?i:" + titles + r"))(?:,\s+|\s+)" + _HONORIFIC + _NAME),
        re.compile(_NAME + r",\s+(?i:the|its|his|her|their|(?:the\s+)?[\w'’-]+['’]s)\s+(?P<title>(?i:" + titles + r"))\b"),
        re.compile(r"\b(?P<title>" + by + r")\s+(?:[a-z][\w'’-]*\s+){0,3}" + _HONORIFIC + _NAME),
    )


@lru_cache(maxsize=1)
def _verb_posts() -> dict[str, str]:
    return {w.lower(): post for post, ws in lexicon.load("holders")["title_verbs"].items() for w in ws}


def _surname(name: str) -> str | None:
    words = [w for w in name.split() if w.lower() not in _NOT_NAME]
    if not words or not words[0][0].isupper():
        return None
    return words[-1].removesuffix("'s").removesuffix("’s").lower()  # "Falk's" -> "falk"


def holders_in(text: str) -> list[tuple[str, str]]:
    """(post, holder's surname, lower case) for each one-holder post given to a named person.

    >>> holders_in("The trial was presided over by Judge Simon Hale.")
    [('judge', 'hale')]
    """
    not_this = lexicon.words("holders", "not_this_holder")
    title_first, name_first, by_verb = _patterns()
    found: list[tuple[str, str]] = []
    for pattern in (title_first, name_first, by_verb):
        for m in pattern.finditer(text):
            before = re.findall(r"[\w]+", text[max(0, m.start() - 20):m.start()].lower())
            if before and before[-1] in not_this:
                continue
            title = m.group("title").lower()
            post = _verb_posts().get(title) if pattern is by_verb else _titles().get(title)
            surname = _surname(m.group("name"))
            if post and surname and (post, surname) not in found:
                found.append((post, surname))
    return found


@lru_cache(maxsize=1)
def _deeds() -> dict[str, int]:
    """Predicate lemma -> its one-doer deed class."""
    return {lemma: n for n, group in enumerate(lexicon.load("holders")["one_doer_deeds"]) for lemma in group}


def _deed(c: Claim) -> tuple[int, str, str] | None:
    """(deed class, undergoer key, doer's surname) of a claim reporting a one-doer deed by a named person."""
    if c.lemma is None or not c.subject or not c.object or not c.subject_named:
        return None
    deed = _deeds().get(c.lemma)
    if deed is None or not c.polarity or c.negated or c.status in _UNCERTAIN:
        return None
    surname = c.subject.split()[-1]
    if surname not in {p.lower() for p in people(c.text)}:
        return None  # not a person's name ("the agency", "Orvan Lines")
    return deed, c.object, surname


def holder_conflicts(claims: Sequence[Claim], block: Sequence[int]) -> list[tuple[int, int, str]]:
    """(i, j, reason) for two sources naming different people for one post or one deed.

    `block` indexes `claims` (one story). One conflict per pair of sources and post.
    """
    posts: dict[str, dict[str, list[tuple[int, str]]]] = {}  # post -> source -> [(claim, surname)]
    mentioned: dict[str, set[str]] = {}  # source -> every surname-like word it uses
    for i in block:
        c = claims[i]
        mentioned.setdefault(c.source, set()).update(w.lower() for w in re.findall(r"[A-Z][\w'’-]+", c.text))
        if claims_mod.about_other_occasion(c.text) or c.status in _UNCERTAIN:
            continue
        for post, surname in holders_in(f"{c.attribution}: {c.text}" if c.attribution else c.text):
            posts.setdefault(post, {}).setdefault(c.source, []).append((i, surname))
        deed = _deed(c)
        if deed is not None:
            posts.setdefault(f"deed {deed[0]} {deed[1]}", {}).setdefault(c.source, []).append((i, deed[2]))
    out: list[tuple[int, int, str]] = []
    for post, by_source in posts.items():
        single = {src: found for src, found in by_source.items() if len({s for _, s in found}) == 1}
        for (src_a, found_a), (src_b, found_b) in combinations(sorted(single.items()), 2):
            (i, name_a), (j, name_b) = found_a[0], found_b[0]
            if name_a == name_b or any({name_a, name_b} <= words for words in mentioned.values()):
                continue
            what = post if not post.startswith("deed ") else f"{claims[i].lemma} {post.split(' ', 2)[2]}"
            out.append((i, j, f'who ({what}): "{name_a.title()}" in "{_cut(claims[i].text)}" '
                              f'vs "{name_b.title()}" in "{_cut(claims[j].text)}"'))
    return sorted(out)


def _cut(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"

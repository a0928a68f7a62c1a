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
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import combinations
from typing import Sequence

from .. import lexicon
from . import titles
from .verbs import about_other_occasion
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
        return None  # not a person's name ("the agency", "Skelby Lines")
    return deed, c.object, surname


@dataclass(frozen=True)
class _Named:
    i: int            # the claim
    post: str
    org: str          # the organisation written with the title; "" when none is
    surname: str
    title: bool       # from a title claim (titles.py), which spans the title and the name


def _named(claims: Sequence[Claim], block: Sequence[int]) -> dict[str, dict[str, list[_Named]]]:
    """post -> source -> holders it names, title claims first, then in text order."""
    posts: dict[str, dict[str, list[_Named]]] = {}
    for i in block:
        c = claims[i]
        if c.title is not None:
            post, org, surname = c.title
            posts.setdefault(post, {}).setdefault(c.source, []).append(_Named(i, post, org, surname, True))
            continue
        if about_other_occasion(c.text) or c.status in _UNCERTAIN:
            continue
        # the claim's own words: a title in its attribution is a title claim of its own
        for post, surname in holders_in(c.text):
            posts.setdefault(post, {}).setdefault(c.source, []).append(_Named(i, post, "", surname, False))
        deed = _deed(c)
        if deed is not None:
            post = f"deed {deed[0]} {deed[1]}"
            posts.setdefault(post, {}).setdefault(c.source, []).append(_Named(i, post, "", deed[2], False))
    for by_source in posts.values():
        for found in by_source.values():
            titled = {(n.post, n.surname) for n in found if n.title}
            found[:] = sorted((n for n in found if n.title or (n.post, n.surname) not in titled),
                              key=lambda n: (not n.title, claims[n.i].start))
    return posts


def _one_post(x: _Named, y: _Named, orgs: set[str]) -> bool:
    """Whether two mentions are of one post: the same organisation written, or one left unwritten
    where the story names at most one organisation for the post ("chief executive X" / "Acme's
    chief executive Y" in a story about Acme; not in a story about Acme and Apex)."""
    if x.org and y.org:
        return titles.orgs_agree(x.org, y.org)
    return len(orgs) <= 1


def _main_org(claims: Sequence[Claim], block: Sequence[int], source: str, orgs: set[str]) -> str:
    """The organisation of `orgs` a source names most often, if one leads; else ""."""
    text = " ".join(f"{claims[i].attribution or ''} {claims[i].text}" for i in block
                    if claims[i].source == source and claims[i].title is None).lower()
    counts = sorted(((len(re.findall(r"\b" + re.escape(org) + r"\b", text)), org) for org in orgs), reverse=True)
    return counts[0][1] if counts[0][0] > counts[1][0] else ""


def same_holder_pairs(claims: Sequence[Claim]) -> list[tuple[int, int]]:
    """Title claims of two sources giving one post to one person (the same surname; "CEO" and
    "chief executive" are one post): they state one fact. Indices into `claims`.

    >>> a = Claim("a1", "a", 0, 27, "Chief executive Ruth Brandt", 0, 60, title=("chief executive", "", "brandt"))
    >>> b = Claim("b1", "b", 0, 10, "CEO Brandt", 0, 40, title=("chief executive", "acme", "brandt"))
    >>> same_holder_pairs([a, b])
    [(0, 1)]
    """
    titled = [(i, c) for i, c in enumerate(claims) if c.title is not None]
    out = []
    for (i, a), (j, b) in combinations(titled, 2):
        post_a, org_a, name_a = a.title  # type: ignore[misc]
        post_b, org_b, name_b = b.title  # type: ignore[misc]
        if (a.source != b.source and post_a == post_b and name_a == name_b
                and (not org_a or not org_b or titles.orgs_agree(org_a, org_b))):
            out.append((i, j))
    return out


def holder_conflicts(claims: Sequence[Claim], block: Sequence[int]) -> list[tuple[int, int, str]]:
    """(i, j, reason) for two sources naming different people for one post or one deed.

    `block` indexes `claims` (one story). One conflict per pair of sources and post, between
    the first mentions (title claims first: they span the title and the name).
    """
    mentioned: dict[str, set[str]] = {}  # source -> every surname-like word it uses
    for i in block:
        c = claims[i]
        mentioned.setdefault(c.source, set()).update(
            w.lower() for w in re.findall(r"[A-Z][\w'’-]+", f"{c.attribution or ''} {c.text}"))
    out: list[tuple[int, int, str]] = []
    for post, by_source in _named(claims, block).items():
        orgs = {n.org for found in by_source.values() for n in found if n.org}
        if len(orgs) > 1:  # "chief executive X" in a story of two firms: the firm its source is about
            by_source = {src: [replace(n, org=n.org or _main_org(claims, block, src, orgs)) for n in found]
                         for src, found in by_source.items()}
        for (src_a, found_a), (src_b, found_b) in combinations(sorted(by_source.items()), 2):
            done: set[str] = set()  # one conflict per organisation the post is compared for
            for x in found_a:
                for y in found_b:
                    scope = x.org or y.org
                    if scope in done or not _one_post(x, y, orgs):
                        continue
                    done.add(scope)
                    if any(_one_post(x, o, orgs) and o.surname != x.surname for o in found_a) or any(
                            _one_post(y, o, orgs) and o.surname != y.surname for o in found_b):
                        continue  # the source names two holders of the post
                    if x.surname == y.surname or any({x.surname, y.surname} <= words for words in mentioned.values()):
                        continue
                    i, j = x.i, y.i
                    what = post if not post.startswith("deed ") else f"{claims[i].lemma} {post.split(' ', 2)[2]}"
                    out.append((i, j, f'who ({what}): "{x.surname.title()}" in "{_cut(claims[i].text)}" '
                                      f'vs "{y.surname.title()}" in "{_cut(claims[j].text)}"'))
    return sorted(out)


def _cut(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def another_holder_named(text: str, role: str) -> bool:
    """The role word comes right after a mark of another holder ("former president", "the First
    President of", "deputy mayor"): the person named holds, or held, another post than the story's.

    >>> another_holder_named("Ana Gomez, the first president of the republic, sent condolences", "president")
    True
    >>> another_holder_named("President Ana Gomez sent condolences", "president")
    False
    """
    marks = "|".join(re.escape(w) for w in sorted(lexicon.words("holders", "not_this_holder"), key=len, reverse=True))
    return re.search(rf"\b(?:{marks})[\s-]+{re.escape(role)}\b", text, re.IGNORECASE) is not None

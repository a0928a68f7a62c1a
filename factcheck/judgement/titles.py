"""Title claims: a named person given a one-holder title, wherever the parse shows it.

"Chief executive Ruth Brandt said the plant would reopen" reports what was
said, and that Ruth Brandt is the chief executive. The second fact sits in
the attribution, which no claim of the sentence covers, so it becomes an
atomic claim of its own: its span and text are the title and name words
("Chief executive Ruth Brandt"), and `Claim.title` holds (post, organisation,
surname) for holders.py to compare across sources.

Forms read from the parse (one sentence's Doc):

- a title before a name: "Chief executive Ruth Brandt said", "CEO Tom Ives",
  "Acme chief executive Tom Ives" (the organisation written before the title);
- a title in apposition to a name, either way round: "Piet Lund, general
  secretary of the union," and "the gallery's chief curator, Jonas Arvik,".

The organisation is a proper name before the title ("Acme", "Acme's") or after
"of" ("chief executive of Acme"); a common noun ("the union's", "its") names
none, and the story's own organisation is meant. Posts are data/holders.json
`titles` (one holder per organisation: "chief executive", "general
secretary", "council leader"; "union boss" is a loose synonym listed there).
Not a title claim: another holder of the title ("former chief executive X",
"deputy", "acting": `not_this_holder`), a title after a verb of succession
("replaced chief executive X": `succession_verbs`), a holder who left ("X, who
stepped down": `left_post_verbs`), an indefinite title ("X, a chief curator").

    >>> [(t.post, t.org, t.surname) for t in read("Acme chief executive Tom Ives said sales rose.")]
    [('chief executive', 'acme', 'ives')]
    >>> [(t.post, t.org, t.surname) for t in read("Talks failed, said Piet Lund, general secretary of the union.")]
    [('general secretary', '', 'lund')]
    >>> read("Former chief executive Tom Ives said sales rose.")
    []
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import lexicon
from . import parse

_HONORIFICS = frozenset("dr mr mrs ms sir dame prof professor".split())
# capitalised words that are no part of a name
_NOT_NAME = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march april may
june july august september october november december the a an he she it they his her its their this that who
on in at of for and but said says told""".split())
_POSSESSIVE = ("'s", "'")
_DETERMINERS = frozenset("the its his her their our your".split())
_INDEFINITE = frozenset("a an one another".split())
# how many words before a title may still qualify it ("the regional fire chief", "the former Acme chief executive")
_BEFORE = 4


@dataclass(frozen=True)
class Title:
    """A named person given a one-holder title: offsets into the parsed text."""
    start: int
    end: int
    post: str        # the post the title names ("chief executive" for "CEO")
    org: str         # the organisation written with the title, lower case; "" when none is
    surname: str     # lower case
    text: str        # the title and name words
    name: str        # the name as written ("Ruth Brandt")


@lru_cache(maxsize=1)
def _posts() -> dict[str, str]:
    """Title words (lower case) -> the post they name."""
    return {w.lower(): post for post, words in lexicon.load("holders")["titles"].items() for w in words}


@lru_cache(maxsize=1)
def _title_pattern() -> re.Pattern[str]:
    words = sorted(_posts(), key=len, reverse=True)
    return re.compile(r"(?<![\w'-])(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")(?![\w-])",
                      re.IGNORECASE)


def _lemmas(key: str) -> frozenset[str]:
    return lexicon.words("holders", key)


def _name_word(token: "Token") -> bool:  # noqa: F821
    text = token.text
    return (text[:1].isupper() and text.lower() not in _NOT_NAME and text.lower() not in _posts()
            and (token.pos_ == "PROPN" or token.ent_type_ == "PERSON") and re.fullmatch(r"[^\W\d_][\w'.-]*", text) is not None)


def _name_after(doc: "Doc", i: int) -> tuple[int, int] | None:  # noqa: F821
    """The token range [i', j) of a person's name starting at token i (after an honorific)."""
    while i < len(doc) and doc[i].lower_.rstrip(".") in _HONORIFICS:
        i += 1
    j = i
    while j < len(doc) and j - i < 3 and _name_word(doc[j]):
        j += 1
    return (i, j) if j > i else None


def _name_before(doc: "Doc", end: int) -> tuple[int, int] | None:  # noqa: F821
    """The token range [i, end) of a person's name ending right before token `end`."""
    i = end
    while i > 0 and end - i < 3 and _name_word(doc[i - 1]):
        i -= 1
    return (i, end) if i < end else None


def _appositive(doc: "Doc", title: tuple[int, int], name: tuple[int, int]) -> bool:  # noqa: F821
    """The parse makes one the apposition of the other ("X, general secretary", "the curator, X")."""
    for a, b in ((title, name), (name, title)):
        if any(doc[k].dep_ == "appos" and b[0] <= doc[k].head.i < b[1] for k in range(*a)):
            return True
    return False


def _qualifier(doc: "Doc", start: int) -> tuple[int, str] | None:  # noqa: F821
    """(first token, organisation) of the words right before a title at token `start`, or None
    when they make it another holder's title ("former", "deputy", "a", "replaced")."""
    not_this = lexicon.words("holders", "not_this_holder")
    k, org_tokens, first = start - 1, [], start
    while k >= 0 and start - k <= _BEFORE:
        t = doc[k]
        low = t.lower_
        if low in not_this or low in _INDEFINITE or (t.pos_ == "VERB" and t.lemma_.lower() in _lemmas("succession_verbs")):
            return None
        if low in _DETERMINERS:
            first = k
            k -= 1
            continue
        # a sentence's first word tagged a verb is a name the tagger does not know ("Acme chief executive X")
        verb_name = k == 0 and t.pos_ == "VERB" and t.text[:1].isupper()
        if t.is_punct or (t.pos_ in ("VERB", "AUX", "ADP", "CCONJ", "SCONJ", "PRON", "NUM", "ADV") and not verb_name):
            break
        if t.text in _POSSESSIVE or (t.text[:1].isupper() and (t.pos_ != "ADJ" or t.ent_type_ in ("ORG", "GPE"))):
            if t.text not in _POSSESSIVE:
                org_tokens.insert(0, t.text.lower())
        first = k
        k -= 1
    # "the former Acme chief executive": look one word further for another holder's mark
    if k >= 0 and doc[k].lower_ in not_this:
        return None
    return first, " ".join(org_tokens)


def _org_after(doc: "Doc", end: int) -> tuple[int, str]:  # noqa: F821
    """(end token, organisation) of an "of X" after a title: "general secretary of the union"."""
    if end >= len(doc) or doc[end].lower_ != "of":
        return end, ""
    k = end + 1
    if k < len(doc) and doc[k].lower_ in _DETERMINERS:
        k += 1
    words = []
    while k < len(doc) and (doc[k].pos_ in ("PROPN", "NOUN") or doc[k].text in _POSSESSIVE) and len(words) < 4:
        words.append(doc[k])
        k += 1
    if not words:
        return end, ""
    proper = [t.text.lower() for t in words if t.text[:1].isupper()]
    return k, " ".join(proper)


def _left_post(doc: "Doc", name: tuple[int, int]) -> bool:  # noqa: F821
    """"X, who stepped down ...": a relative clause on the name says the person left the post."""
    head = doc[name[1] - 1]
    left = _lemmas("left_post_verbs")
    for child in head.children:
        if child.dep_ == "relcl":
            lemma = child.lemma_.lower()
            particle = next((c.lower_ for c in child.children  # "stepped down": a particle, or an adverb the parse makes of it
                             if c.dep_ == "prt" or (c.dep_ == "advmod" and c.i == child.i + 1)), "")
            if lemma in left or f"{lemma} {particle}".strip() in left:
                return True
    return False


def titles(doc: "Doc") -> list[Title]:  # noqa: F821
    """The title claims of one parsed sentence, in text order, one per person and post."""
    text = doc.text
    found: dict[tuple[str, str], Title] = {}
    for m in _title_pattern().finditer(text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None:
            continue
        t0, t1 = span.start, span.end
        post = _posts()[" ".join(m.group(0).lower().split())]
        qualified = _qualifier(doc, t0)
        if qualified is None:
            continue
        first, org = qualified
        # a title before a name: "Chief executive Ruth Brandt", "the gallery's chief curator, Jonas Arvik",
        # "the chief executive of Acme, Tom Ives"
        after, of_org = _org_after(doc, t1)
        comma = after < len(doc) and doc[after].text == ","
        name = _name_after(doc, after + 1 if comma else after) if comma or after == t1 else None
        if name is not None and comma and not _appositive(doc, (t0, after), name):
            name = None
        if name is not None:
            org = org or of_org
        start_tok, end_tok = first, (name[1] if name else t1)
        if name is None:
            # a name before its title: "Piet Lund, general secretary of the union", "Tom Ives, Acme's chief executive"
            if first > 0 and doc[first - 1].text == ",":
                name = _name_before(doc, first - 1)
            if name is None or not _appositive(doc, (t0, t1), name):
                continue
            end_tok, of_org = _org_after(doc, t1)
            org = org or of_org
            start_tok = name[0]
        if _left_post(doc, name):
            continue
        words = [doc[k].text for k in range(*name) if doc[k].text not in _POSSESSIVE]
        if not words:
            continue
        surname = words[-1].lower()
        start, end = doc[start_tok].idx, doc[end_tok - 1].idx + len(doc[end_tok - 1].text)
        key = (post, surname)
        if key not in found:
            found[key] = Title(start, end, post, org, surname, text[start:end], " ".join(words))
    return sorted(found.values(), key=lambda t: (t.start, t.end))


def read(text: str) -> list[Title]:
    """The title claims of one sentence (parsed here): for tests and examples."""
    return titles(next(iter(parse.parse([text]))))


def orgs_agree(a: str, b: str) -> bool:
    """Two written organisations are one: "acme" and "acme group" share a word."""
    return a == b or bool(set(a.split()) & set(b.split()))

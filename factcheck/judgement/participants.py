"""Participants of a frame: who or what fills a role, and what a pronoun or a
definite description refers to (coreference inside one article).

    >>> from factcheck.judgement import parse
    >>> doc = next(parse.parse(["Health Minister Rui Castanheira spoke."]))
    >>> participant(doc[3]).key
    'rui castanheira'
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from .. import lexicon

PRONOUNS_PERSON = frozenset({"he", "she", "him", "her", "his", "hers"})
PRONOUNS_THING = frozenset({"it", "its"})
PRONOUNS_PLURAL = frozenset({"they", "them", "their"})
PRONOUNS_SPEAKER = frozenset({"i", "we", "me", "us", "my", "our"})
# a pronoun left as it is names no one
UNRESOLVED = PRONOUNS_THING | PRONOUNS_PLURAL | PRONOUNS_PERSON | PRONOUNS_SPEAKER
NOT_NAMES = ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT")


@dataclass(frozen=True)
class Participant:
    """Who or what fills a role.

    `text` is as written ("he", "the club"); `key` is what matching compares:
    for a named entity (or a pronoun or definite description resolved to one)
    the entity's name, lower-cased ("ribeira university hospital"); for a
    common noun its lemma ("operation"). `label` is the entity type (PERSON,
    ORG, GPE, ...) where known.
    """

    text: str
    key: str
    label: str | None = None
    named: bool = False
    literal: bool = False   # named in these very words (not a pronoun or description resolved to a name)

    @property
    def surname(self) -> str:
        """The last word of the key: how a person is named on second mention."""
        return self.key.split()[-1] if self.key else ""


@dataclass
class Entities:
    """What an article has named so far, for pronouns and definite descriptions.

    Holds, most recent last, (key, label, head lemma) of every named
    participant seen. One per article, fed sentence by sentence.
    """

    seen: list[tuple[str, str | None, str]] = field(default_factory=list)
    # a description refers back this many names at most
    RECENT = 12

    def remember(self, p: Participant, head_lemma: str) -> None:
        if p.named:
            self.seen.append((p.key, p.label, head_lemma))

    def person(self) -> tuple[str, str | None] | None:
        for key, label, _ in reversed(self.seen[-self.RECENT:]):
            if label == "PERSON":
                return key, label
        for key, label, _ in reversed(self.seen[-self.RECENT:]):
            if label is None and len(key.split()) >= 2:  # a full name the model gave no type
                return key, "PERSON"
        return None

    def thing(self, head: str | None = None) -> tuple[str, str | None] | None:
        """The last named non-person, preferring one whose name holds `head` ("the court")."""
        if head:
            for key, label, lemma in reversed(self.seen):
                if label != "PERSON" and (head in key.split() or lemma == head):
                    return key, label
        if head is not None:
            return None  # "the club" names no one unless a name said "club"
        for key, label, _ in reversed(self.seen[-self.RECENT:]):
            if label not in ("PERSON", "GPE", "LOC", "NORP"):
                return key, label
        return None


def span_text(tokens: Sequence["Token"]) -> str:  # noqa: F821
    """Tokens (in order) as text, with the document's own spacing."""
    if not tokens:
        return ""
    out = []
    for i, t in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        out.append(t.text + (t.whitespace_ if nxt is not None and nxt.i == t.i + 1 else (" " if nxt is not None else "")))
    return "".join(out).strip()


def phrase_tokens(head: "Token", drop_deps: frozenset[str] = frozenset({"relcl", "appos", "acl", "punct", "cc", "conj", "advcl"})) -> list["Token"]:  # noqa: F821
    """The head's subtree without the clauses and appositions hanging off it."""
    keep: list = []

    def walk(t: "Token") -> None:  # noqa: F821
        keep.append(t)
        for child in t.children:
            if child.dep_ in drop_deps and t.i == head.i:
                continue
            if child.dep_ in ("relcl", "appos", "advcl") or (child.dep_ == "punct" and child.i in (head.left_edge.i, head.right_edge.i)):
                continue
            walk(child)

    walk(head)
    return sorted(keep, key=lambda t: t.i)


def name_of(head: "Token") -> tuple[str, str | None] | None:  # noqa: F821
    """A named entity headed by `head`: ("ribeira university hospital", "ORG").

    The entity span is spaCy's where it covers the head; else a run of
    proper nouns (compound chain) ending at the head; else None.

    >>> from factcheck.judgement import parse
    >>> doc = next(parse.parse(["Health Minister Rui Castanheira spoke."]))
    >>> name_of(doc[3])
    ('rui castanheira', 'PERSON')
    """
    if head.ent_type_ and head.ent_type_ not in NOT_NAMES:
        doc = head.doc
        for ent in doc.ents:
            if ent.start <= head.i < ent.end:
                words = [t for t in ent if not (t.i == ent.start and t.lower_ == "the")]
                # "The Tarngate Accord" tagged PERSON: a person's name takes no article
                label = "ORG" if ent.label_ == "PERSON" and ent[0].lower_ == "the" else ent.label_
                return " ".join(t.text for t in words).lower(), label
    if head.pos_ == "PROPN":
        run = [head]
        for child in reversed(list(head.lefts)):
            if child.dep_ == "compound" and child.pos_ == "PROPN" and child.i == run[0].i - 1:
                run.insert(0, child)
        return " ".join(t.text for t in run).lower(), None
    return None


def participant(head: "Token", entities: Entities | None = None, speaker: str | None = None) -> Participant:  # noqa: F821
    """The participant headed by `head`, resolving pronouns and definite descriptions.

    A first-person pronoun is the speaker; "he"/"she" the last person named;
    "it" the last named thing; "the club" the last named organisation whose
    name holds "club", else the last named organisation.
    """
    tokens = phrase_tokens(head)
    text = span_text(tokens)
    lower = head.lower_
    if head.pos_ == "PRON" or lower in PRONOUNS_PERSON | PRONOUNS_THING | PRONOUNS_PLURAL | PRONOUNS_SPEAKER:
        if lower in PRONOUNS_SPEAKER and speaker:
            return Participant(text, speaker, None, True)
        if entities is not None:
            found = entities.person() if lower in PRONOUNS_PERSON else (
                entities.thing() if lower in PRONOUNS_THING else None)
            if found:
                return Participant(text, found[0], found[1], True)
        return Participant(text, lower, None, False)
    named = name_of(head)
    if named:
        return Participant(text, named[0], named[1], True, True)
    for child in head.children:
        # "The winner, Tomas Reid," / "the yacht Grey Petrel": the name in apposition is who it is
        named = (name_of(child) if child.dep_ == "appos" and child.pos_ == "PROPN"
                 and child.left_edge.i <= head.i + 2 else None)  # right beside it, not a later speaker
        if named and head.pos_ == "NOUN":
            return Participant(text, named[0], named[1], True, True)
    lemma = head.lemma_.lower()
    determiner = next((t.lower_ for t in head.lefts if t.dep_ in ("det", "poss")), None)
    bare = all(t.dep_ in ("det", "poss") for t in head.lefts)  # "the club", not "the merged company"
    if entities is not None and bare and determiner in ("the", "its", "their") and lemma in lexicon.words("frames", "definite_descriptions"):
        found = entities.person() if lemma in lexicon.words("frames", "person_nouns") else entities.thing(lemma)
        if found:
            return Participant(text, found[0], found[1], True)
    return Participant(text, lemma, None, False)


def same_participant(a: str | None, b: str | None) -> bool:
    """Two participant keys name one entity: equal, one part of the other ("silva" in
    "joao silva"), or the same last word (a surname on second mention).

    >>> same_participant("silva", "joao silva"), same_participant("norway", "chile")
    (True, False)
    """
    if not a or not b:
        return False
    if a == b:
        return True
    wa, wb = a.split(), b.split()
    return wa[-1] == wb[-1] or set(wa) <= set(wb) or set(wb) <= set(wa)

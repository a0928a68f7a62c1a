"""Frame evidence for matching: one act with one participant.

Two claims whose predicates are one verb, or two verbs of one synonym class
(`data/verb_classes.json`), and whose subject or object is one participant report
one act more likely than their shared wording says: "The government declared a
state of emergency on Monday" and "The government declared a state of emergency
in the province on 12 May" share few words beyond the frame. `frame_evidence` is
the bonus `match.same_fact` adds for that; it never decides alone.

>>> from factcheck.records import Claim
>>> a = Claim("a", "s1", 0, 1, "x", 0, 1, lemma="defeat", subject="rovers", object="city")
>>> b = Claim("b", "s2", 0, 1, "y", 0, 1, lemma="beat", subject="rovers", object="city")
>>> frame_evidence(a, b)
0.25
>>> frame_evidence(a, Claim("c", "s2", 0, 1, "z", 0, 1, lemma="say", subject="rovers", object="city"))
0.0
"""
from __future__ import annotations

from functools import lru_cache

from .. import lexicon
from ..records import Claim
from ..slots import terms
from .participants import UNRESOLVED, same_participant

# one role shared (subject or object) and both (subject and object)
ONE_ROLE = 0.15
BOTH_ROLES = 0.25
# one act with both its roles named alike: as good as shared wording
NAMED_FRAME = 0.5

@lru_cache(maxsize=None)
def _class_index(key: str) -> dict[str, frozenset[int]]:
    """Word -> the numbers of the groups it is in, for a list of groups in data/verb_classes.json
    (`classes`: predicate lemmas; `participants`: head nouns)."""
    found: dict[str, set[int]] = {}
    for n, group in enumerate(lexicon.load("verb_classes")[key]):
        for word in group:
            found.setdefault(word.lower(), set()).add(n)
    return {word: frozenset(ns) for word, ns in found.items()}


@lru_cache(maxsize=4096)
def predicate_classes(lemma: str | None) -> frozenset[str]:
    """The keys a predicate lemma matches by: itself, its verb without the particle, and its
    synonym classes; empty for a light verb ("be", "say") or none.

    >>> sorted(k for k in predicate_classes("skid off") if not k.startswith("#"))
    ['skid', 'skid off']
    >>> predicate_classes("say")
    frozenset()
    """
    if not lemma:
        return frozenset()
    lemma = lemma.lower()
    light = lexicon.words("verb_classes", "light")
    if lemma in light:
        return frozenset()
    keys = {lemma}
    verb = lemma.split()[0]
    if verb not in light:
        keys.add(verb)
    table = _class_index("classes")
    for key in tuple(keys):
        keys.update(f"#{n}" for n in table.get(key, ()))
    return frozenset(keys)


def one_predicate(a: Claim, b: Claim) -> bool:
    """The claims' predicates are one verb or one synonym class."""
    return bool(predicate_classes(a.lemma) & predicate_classes(b.lemma))


def _same(x: str | None, y: str | None) -> bool | None:
    """One participant (True), two (False), or unknown (None): keys equal, or one's words
    inside the other's, or the same last word ("the petrel" / "grey petrel")."""
    if not x or not y or x in UNRESOLVED or y in UNRESOLVED:
        return None
    if same_participant(x, y):
        return True
    table = _class_index("participants")
    return bool(table.get(x.split()[-1], frozenset()) & table.get(y.split()[-1], frozenset()))


def one_participant(x: str | None, y: str | None) -> bool:
    """Two participant keys name one participant: the same entity, or common nouns of one
    `participants` class ("the brands" / "the name", "the plane" / "the jet").

    >>> one_participant("brand", "name"), one_participant("brand", "plant")
    (True, False)
    """
    return _same(x, y) is True


def frame_evidence(a: Claim, b: Claim) -> float:
    """How much the frames say the claims report one act: BOTH_ROLES when the predicate
    and both subject and object agree, ONE_ROLE for one of them, 0 when the predicates
    differ or a role names two participants."""
    if not one_predicate(a, b):
        return 0.0
    subject, obj = _same(a.subject, b.subject), _same(a.object, b.object)
    if subject is False and (a.subject_named and b.subject_named):
        return 0.0  # "Norway signed" / "Chile signed": one act, two doers
    if obj is False and subject is not True:
        return 0.0
    if subject is True and obj is True:
        named = written_as_name(a, a.subject) or written_as_name(b, b.subject) or written_as_name(a, a.object) or written_as_name(b, b.object)
        return NAMED_FRAME if named else BOTH_ROLES  # "Rovers defeated City" / "Rovers beat City"
    if subject is True and not a.object and not b.object:
        return BOTH_ROLES  # every role either states is one participant: "classes resume" / "classes restart"
    if obj is True and not a.subject and not b.subject:
        return BOTH_ROLES  # likewise in the passive: "residents were moved" / "residents were evacuated"
    # one role alone must be a name: "the quake struck" twice may be two quakes
    if subject is True and (written_as_name(a, a.subject) or written_as_name(b, b.subject)):
        return ONE_ROLE
    if obj is True and (written_as_name(a, a.object) or written_as_name(b, b.object)):
        return ONE_ROLE
    return 0.0


def act_as_noun(a: Claim, b: Claim) -> bool:
    """One claim's act is the other's subject or object, told as a noun: "farmers marched through
    the city" / "a march by farmers through the capital stopped traffic". Light verbs never count.

    >>> act_as_noun(Claim("a", "s1", 0, 1, "x", 0, 1, lemma="march", subject="nurse"),
    ...             Claim("b", "s2", 0, 1, "y", 0, 1, lemma="draw", subject="march", object="crowd"))
    True
    """
    def told(verb: Claim, noun: Claim) -> bool:
        return bool(predicate_classes(verb.lemma)) and verb.lemma in (noun.subject, noun.object)
    return told(a, b) or told(b, a)


def frame_terms(claim: Claim) -> frozenset[str]:
    """The matching terms (stems and @concepts) of the claim's frame words: its predicate,
    subject and object. A claim with no term beyond them says nothing but its frame."""
    found: set[str] = set()
    for key in (claim.lemma, claim.subject, claim.object):
        for word in (key or "").split():
            found.add(terms.stem(word))
            concept = terms.concept_of(word)
            if concept:
                found.add(terms.CONCEPT_PREFIX + concept)
    return frozenset(found)


def written_as_name(claim: Claim, key: str | None) -> bool:
    """The participant is written as a proper name in the claim ("Moyle", "Grey Petrel")."""
    if not key:
        return False
    at = claim.text.lower().find(key.split()[-1])
    return at >= 0 and claim.text[at:at + 1].isupper()

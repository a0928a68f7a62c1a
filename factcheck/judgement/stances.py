"""One party said to do an act in one source and not to do it in another.

"Her client would appeal, Redpath said" and "Redpath said Ashby-Vale would
not appeal" state one act of one party, said and unsaid; so do "Verhaegen
confirmed he will step down" and "Verhaegen denied he would leave", or "the
Civic Party will not go to court" and "his party would challenge the decision
in court". Such pairs rarely match as one fact: the subject is a description
on one side ("her client", "the company") and a name on the other, and the
act is worded two ways. They are found here, story-wide, without a match.

Two claims of two sources take opposite stances on one act when

- the act is one: the same predicate lemma (not a light verb such as "be" or
  "have"), or two predicates of one class of data/stances.json `same_act`
  ("step down" / "leave"); and one says it happens, the other that it does
  not. Or the acts are opposites on one thing (`opposite_acts`: "kept" /
  "dropped"), both said to happen;
- the party is one: the subjects name one participant, or one named speaker
  (speakers.speaker_of) says both and the subjects do not name two parties
  (a name against a description or a pronoun fits: "her client" / "Ashby-Vale");
  a named subject against another named subject never fits ("Norway did not
  sign" / "Chile signed"), nor do two different descriptions ("the union" /
  "the company");
- the objects, where both have one, are one ("pay compensation" / "pay a fine"
  are two acts);
- both say what will happen, or both what did ("will not cut again" is no
  denial of "cut rates on Thursday"; a plan against its outcome is compared on
  matched pairs, where the timeline reads forecasts);
- neither is a hedge ("did not rule out"), a question left open ("declined to
  say whether", "not clear how many"), a condition, an expectation or another
  occasion.

    >>> act_of("step down", "he will step down")
    'step down|stand down|resign|quit|leave'
    >>> act_of("go", "they will go to court").split("|")[:2], act_of("go", "they will go home")
    (['go + court', 'challenge'], None)
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from .. import lexicon
from . import frame_match, speakers
from . import match as match_mod
from .participants import PRONOUNS_PERSON, PRONOUNS_PLURAL, PRONOUNS_SPEAKER, PRONOUNS_THING
from ..records import Claim

# statuses that assert nothing either way, or only a plan that may change
_OPEN = frozenset({"unknown", "conditional", "expected", "possible", "requested", "attempted", "pending"})
_EMPTY_OBJECTS = PRONOUNS_THING | PRONOUNS_PLURAL | PRONOUNS_PERSON | PRONOUNS_SPEAKER | {"that", "this", "which", "what"}


def _data() -> dict:
    return lexicon.load("stances")


@lru_cache(maxsize=1)
def _classes() -> tuple[tuple[str, tuple[tuple[str, str | None], ...]], ...]:
    """Each act class as (its name, its members as (lemma, needed word or None))."""
    def members(entries: list[str]) -> tuple[tuple[str, str | None], ...]:
        out = []
        for entry in entries:
            lemma, _, word = entry.partition(" + ")
            out.append((lemma.strip().lower(), word.strip().lower() or None))
        return tuple(out)

    found = [("|".join(entries), members(entries)) for entries in _data()["same_act"]]
    for pair in _data()["opposite_acts"]:
        found.extend(("|".join(side), members(side)) for side in pair)
    return tuple(found)


@lru_cache(maxsize=1)
def _opposites() -> frozenset[frozenset[str]]:
    return frozenset(frozenset("|".join(side) for side in pair) for pair in _data()["opposite_acts"])


def act_of(lemma: str | None, text: str) -> str | None:
    """The act a claim names: its class of data/stances.json where the lemma (and the word the
    class member needs, after the verb) is in one, else the lemma itself unless it is a light
    verb (None)."""
    if not lemma:
        return None
    lemma = lemma.lower()
    lower = text.lower()
    for name, members in _classes():
        for member, word in members:
            if member != lemma:
                continue
            if word is None:
                return name
            at = re.search(rf"\b{re.escape(lemma.split()[0])}", lower)
            if at and re.search(rf"\b{re.escape(word)}\b", lower[at.start():]):
                return name
    return None if lemma in lexicon.words("stances", "light_verbs") else lemma


def _object(c: Claim) -> str | None:
    return None if not c.object or c.object in _EMPTY_OBJECTS else c.object


def _subject(c: Claim) -> str | None:
    return None if not c.subject or c.subject in _EMPTY_OBJECTS else c.subject


def _one_party(a: Claim, b: Claim) -> bool:
    """Whether the two claims' doers are one party (see the module docstring)."""
    sa, sb = _subject(a), _subject(b)
    if sa and sb and match_mod.same_participant(sa, sb):
        return True
    if match_mod.subjects_agree(a, b) is False:
        return False  # "Norway did not sign" / "Chile signed"
    if sa and sb and (kindred_descriptions(sa, sb)
                      or (a.attribution and b.attribution and kindred_descriptions(a.attribution.lower(), b.attribution.lower()))):
        return True  # "the prosecution office" / "prosecutors", as subjects or as the speakers of "it" / "they"
    speaker = speakers.speaker_of(a)
    if speaker is None or speaker != speakers.speaker_of(b):
        return not sa and not sb and frame_match.one_participant(_object(a), _object(b))  # "X will be kept" / "X will be dropped"
    if sa and sb and not (a.subject_named or b.subject_named):
        return False  # "the union" / "the company": two descriptions, two parties
    return True


_KIN = 6  # letters two words of one root share: "prosecutor" / "prosecution"


def kindred_descriptions(a: str, b: str) -> bool:
    """Two descriptions of one body by one root ("crown prosecution office" / "prosecutor",
    "accident investigation board" / "investigator"); two bodies ("union" / "company") differ.

    >>> kindred_descriptions("crown prosecution office", "prosecutor"), kindred_descriptions("union", "company")
    (True, False)
    """
    roots = lambda key: {w[:_KIN] for w in key.split() if len(w) >= _KIN}
    return bool(roots(a) & roots(b))


def _open(c: Claim) -> bool:
    """The claim takes no stance: an open status, a hedge, or an open question ("it was not
    clear how many were injured"); or it negates some other event than its own, or only sets
    a condition on its act ("will not move without a consultation")."""
    lemma = (c.lemma or "").lower()
    hedge = lemma in lexicon.words("stances", "hedges") and not (c.polarity and lemma in lexicon.words("stances", "ruling_out"))
    return (c.status in _OPEN or hedge
            or bool(c.negated) and c.polarity or bool(_open_question().search(c.text))
            or conditional_negation(c.text))


_NOT_WITHOUT = re.compile(r"\b(?:not|n't|no|never)\b[^.;]*\b(?:without|unless)\b", re.IGNORECASE)


def conditional_negation(text: str) -> bool:
    """The negation sets a condition on the act rather than denying it.

    >>> conditional_negation("The unit will not move without a consultation"), conditional_negation("It will not move")
    (True, False)
    """
    return bool(_NOT_WITHOUT.search(text))


@lru_cache(maxsize=1)
def _open_question() -> re.Pattern[str]:
    words = sorted(lexicon.words("stances", "open_questions"), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)


def _ahead(c: Claim) -> bool:
    """The claim says what will happen ("will appeal"), not what did ("appealed")."""
    return c.status == "scheduled"


def not_one_act(a: Claim, b: Claim) -> bool:
    """Whether a negation between two matched claims is no denial of one act: a hedge against
    another act ("would cut rates" / "did not rule out a cut"), or one act with two objects
    ("would pay compensation" / "will not pay a fine").

    >>> from factcheck.records import Claim
    >>> def c(lemma, obj): return Claim("x", "a", 0, 1, lemma, 0, 1, lemma=lemma, object=obj)
    >>> not_one_act(c("pay", "compensation"), c("pay", "fine")), not_one_act(c("pay", "fine"), c("pay", None))
    (True, False)
    >>> def n(lemma, obj, text): return Claim("x", "a", 0, 1, text, 0, 1, lemma=lemma, object=obj)
    >>> not_one_act(n("cut", "rate", "will cut rates"), n("rule out", "cut", "did not rule out a cut"))
    True
    >>> not_one_act(n("rule out", "cut", "ruled out a cut"), n("rule out", "cut", "did not rule out a cut"))
    False
    """
    la, lb = (a.lemma or "").lower(), (b.lemma or "").lower()
    if la != lb:
        return _hedged(a) or _hedged(b)  # ("ruled out" / "did not rule out" is one act denied)
    return _two_objects(a, b)


def _two_objects(a: Claim, b: Claim) -> bool:
    """Both claims have an object, and neither's is named in the other claim ("compensation" /
    "a fine"; but "any exit doors" and "two emergency exits" name one thing)."""
    oa, ob = _object(a), _object(b)
    if not (oa and ob) or match_mod.same_participant(oa, ob) or frame_match.one_participant(oa, ob):
        return False
    return not (_names(b.text, oa) or _names(a.text, ob))


def _object_names_act(c: Claim, act: str) -> bool:
    """The claim's object is the word its act class needs ("inquiry" in "launch + inquiry")."""
    obj = _object(c)
    return bool(obj) and any(word == obj.split()[-1] for _, word in dict(_classes()).get(act, ()))


def _names(text: str, key: str) -> bool:
    return bool(re.search(rf"\b{re.escape(key)}", text, re.IGNORECASE))


_NOT = re.compile(r"\b(?:not|never|no)\b|n't\b", re.IGNORECASE)


def _hedged(c: Claim) -> bool:
    """A hedge negated: "did not rule out", "would not confirm" say nothing either way."""
    return (c.lemma or "").lower() in lexicon.words("stances", "hedges") and bool(_NOT.search(c.text))


def stance_of(c: Claim) -> tuple[str | None, bool, bool]:
    """(act, said to happen, about what will happen) of a claim. A verb of ruling out (data/
    stances.json `ruling_out`) takes the act it rules out, denied and ahead: "ruled out a court
    challenge" is no challenge to come; "ruled out paying a bonus", no bonus.

    >>> from factcheck.records import Claim
    >>> act, happens, ahead = stance_of(Claim("x", "a", 0, 1, "Berg ruled out a court challenge", 0, 1, lemma="rule out"))
    >>> act.split("|")[0], happens, ahead
    ('go + court', False, True)
    """
    lemma = (c.lemma or "").lower()
    if lemma in lexicon.words("stances", "ruling_out") and c.polarity:
        rest = re.split(rf"\b{re.escape(lemma.split()[-1])}\b", c.text.lower(), maxsplit=1)[-1]
        for word in re.findall(r"[a-z]+", rest):
            verb = word[:-3] if word.endswith("ing") and len(word) > 5 else word
            for candidate in (verb, verb + "e"):
                act = _class_of(candidate, rest)
                if act is not None:
                    return act, False, True
        return None, c.polarity, _ahead(c)
    return act_of(c.lemma, c.text), c.polarity, _ahead(c)


def _class_of(lemma: str, text: str) -> str | None:
    """The act class `lemma` is a member of, or its own lemma where a claim names it as a
    verb ("offer"), but never a light verb or a word no class lists."""
    act = act_of(lemma, text)
    return act if act is not None and act != lemma else (lemma if lemma in lexicon.words("stances", "ruled_out_acts") else None)


def stance_clash(a: Claim, b: Claim) -> str | None:
    """The act two claims take opposite stances on ("appeal"), or None."""
    (act_a, yes_a, ahead_a), (act_b, yes_b, ahead_b) = stance_of(a), stance_of(b)
    if a.source == b.source or _open(a) or _open(b) or ahead_a != ahead_b:
        return None  # (a plan against a past act: "will not cut again" / "cut rates on Thursday")
    if act_a is None or act_b is None:
        return None
    if act_a == act_b:
        if yes_a == yes_b:
            return None
    elif not (frozenset((act_a, act_b)) in _opposites() and yes_a and yes_b):
        return None
    if _two_objects(a, b) and not (_object_names_act(a, act_a) and _object_names_act(b, act_b)):
        return None  # "pay compensation" / "pay a fine"; but "open an investigation" / "launch an inquiry" is one act
    if not _one_party(a, b) or match_mod.different_occasions(a, b):
        return None
    return act_a.split("|")[0] if act_a == act_b else f"{act_a.split('|')[0]} / {act_b.split('|')[0]}"


def stance_conflicts(claims: Sequence[Claim], block: Sequence[int]) -> list[tuple[int, int, str]]:
    """(i, j, reason) for claims of two sources in `block` that say one party does an act and
    does not do it. One conflict per pair of sentences."""
    by_act: dict[str, list[int]] = {}
    for i in block:
        c = claims[i]
        act = stance_of(c)[0]
        if act is not None and not _open(c):
            by_act.setdefault(act, []).append(i)
    opposite = {x: y for pair in _opposites() for x, y in (tuple(pair), tuple(pair)[::-1])}
    out: list[tuple[int, int, str]] = []
    done: set[tuple[tuple[str, int], tuple[str, int]]] = set()
    for act, members in sorted(by_act.items()):
        others = members + by_act.get(opposite.get(act, ""), [])
        for i in members:
            for j in others:
                if j <= i and j in members:
                    continue
                a, b = claims[min(i, j)], claims[max(i, j)]
                where = ((a.source, a.sentence_start), (b.source, b.sentence_start))
                if where in done:
                    continue
                found = stance_clash(a, b)
                if found is None:
                    continue
                done.add(where)
                out.append((min(i, j), max(i, j), f"negation ({found}): {_quote(a.text)} vs {_quote(b.text)}"))
    return sorted(out)


def _quote(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return f'"{text if len(text) <= limit else text[:limit - 1] + "…"}"'

"""Extract stage: a parsed sentence -> who-did-what frames, one per atomic claim.

A frame is a predicate with its participants, read off spaCy's dependency
tree: the grammatical subject and object, the oblique arguments
("on Saturday", "in Hanoi", "by 40 states"), and the predicate's lemma,
negation, voice, tense and modality. Clauses are split by the parse:
coordinated verbs, adverbial clauses that state a fact of their own,
non-restrictive relative clauses and appositions each make a frame; a
reporting verb ("X said", "according to X") makes none, and becomes the
attribution of the frames it reports. An expectation or intention verb
("is expected to sign", "refused to attend") folds into the verb it governs
as modality.

Every function here is pure over a Doc (plus an `Entities` memory that
carries what pronouns and definite descriptions refer to across the
sentences of one article), so each can be tested on one small sentence.

    >>> from factcheck.judgement import parse
    >>> [f.predicate for f in frames(next(parse.parse(["Chile signed the treaty on Saturday."])))]
    ['sign']
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Iterable, Sequence

from .. import lexicon
from ..slots import terms
from .verbs import occasion_nouns
from .participants import (PRONOUNS_PERSON, PRONOUNS_PLURAL, PRONOUNS_SPEAKER, PRONOUNS_THING, Entities,
                           Participant, phrase_tokens, name_of, participant, span_text)

# dependency labels of a token that heads a clause of its own
CLAUSE_DEPS = frozenset({"ROOT", "conj", "ccomp", "advcl", "relcl", "parataxis", "acl"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
OBJECT_DEPS = frozenset({"dobj", "attr", "oprd", "acomp", "dative"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom", "whose"})
# prepositions before a count of events to wait for: "takes effect after 30 ratifications"
THRESHOLD_PREPS = frozenset({"after", "upon", "following"})
# adverbs that complete a verb like a particle: "came ashore", "ran aground"
PARTICLES = frozenset({"ashore", "aground", "off", "down", "out", "up", "away", "back", "over", "in"})


@dataclass(frozen=True)
class Cues:
    reporting: frozenset[str]
    denying: frozenset[str]
    modal_heads: dict[str, str]
    modal_auxiliaries: dict[str, str]
    condition_marks: frozenset[str]
    future_condition_marks: frozenset[str]
    own_clause_marks: frozenset[str]


@lru_cache(maxsize=1)
def cues() -> Cues:
    """The cue lists of data/frames.json."""
    data = lexicon.load("frames")
    return Cues(
        reporting=lexicon.words("frames", "reporting"),
        denying=lexicon.words("frames", "denying"),
        modal_heads=dict(data["modal_heads"]),
        modal_auxiliaries=dict(data["modal_auxiliaries"]),
        condition_marks=lexicon.words("frames", "condition_marks"),
        future_condition_marks=lexicon.words("frames", "future_condition_marks"),
        own_clause_marks=lexicon.words("frames", "own_clause_marks"),
    )


@dataclass(frozen=True)
class Frame:
    """One atomic claim as who-did-what. Offsets are into the parsed text."""

    start: int
    end: int
    text: str                                  # the claim in plain words (subject kept)
    predicate: str | None                      # lemma, with particle: "break down"
    subject: Participant | None = None
    object: Participant | None = None
    arguments: tuple[tuple[str, str], ...] = ()  # (preposition, phrase): ("on", "Saturday")
    negated: bool = False
    voice: str = "active"                      # active | passive
    tense: str | None = None                   # past | present | future
    modality: str | None = None                # scheduled | expected | possible | required | requested | attempted | conditional | unknown
    condition: str | None = None               # "once it has been ratified by 20 countries"
    attribution: str | None = None             # who says it
    denied: bool = False                       # reported under a denial ("X denied that ...")
    quote: bool = False

    agent: Participant | None = None           # the passive's "by" phrase: "jailed by the High Court"
    threshold: bool = False                    # the condition counts events to wait for ("after 30 ratifications")

    @property
    def doer(self) -> Participant | None:
        """Who did it: the subject, or in the passive the "by" phrase (None when unsaid)."""
        return self.subject if self.voice == "active" else self.agent

    @property
    def undergoer(self) -> Participant | None:
        """What it was done to: the object, or in the passive the subject."""
        return self.object if self.voice == "active" else self.subject


# ---------------------------------------------------------------------------
# small pure helpers over tokens


def predicate_of(verb: "Token") -> str:  # noqa: F821
    """The predicate's lemma with its particle: "break down", "sign"."""
    particle = [t.lower_ for t in verb.children
                if t.dep_ == "prt" or (t.dep_ == "advmod" and t.lower_ in PARTICLES and t.i == verb.i + 1)]
    return " ".join([verb.lemma_.lower()] + particle)


def is_negated(verb: "Token") -> bool:  # noqa: F821
    """A `neg` child ("not", "never", "n't") on the verb or its auxiliaries."""
    return any(t.dep_ == "neg" for t in verb.children) or any(
        t.dep_ == "neg" for aux in verb.children if aux.dep_ in ("aux", "auxpass") for t in aux.children)


def voice_of(verb: "Token") -> str:  # noqa: F821
    return "passive" if any(t.dep_ in ("nsubjpass", "auxpass", "csubjpass") for t in verb.children) else "active"


def tense_and_modality(verb: "Token") -> tuple[str | None, str | None]:  # noqa: F821
    """("future", "scheduled") for "will sign"; ("past", None) for "signed"; (None, "possible") for "could sign"."""
    c = cues()
    modality = None
    tense = None
    for aux in verb.children:
        if aux.dep_ not in ("aux", "auxpass"):
            continue
        word = aux.lower_
        if word in c.modal_auxiliaries:
            modality = c.modal_auxiliaries[word] or modality
            tense = "future" if modality == "scheduled" else tense
        elif aux.tag_ in ("VBD",) or word in ("had", "was", "were", "did"):
            tense = tense or "past"
        elif word in ("has", "have"):
            tense = tense or "past"
        elif aux.tag_ in ("VBZ", "VBP"):
            tense = tense or "present"
    if tense is None:
        if verb.tag_ in ("VBD",):
            tense = "past"
        elif verb.tag_ in ("VBZ", "VBP"):
            tense = "present"
        elif verb.tag_ == "VBN":
            tense = "past"
    return tense, modality


def _threshold(verb: "Token") -> str | None:  # noqa: F821
    """"takes effect after 30 ratifications": a count of events to wait for is a condition, as
    "once 30 countries ratify it" is; a time ("after 30 days", "after the final") names no
    counted event and stays a time."""
    for t in verb.children:
        if t.dep_ == "prep" and t.lower_ in THRESHOLD_PREPS:
            phrase = list(t.subtree)
            if any(x.like_num for x in phrase) and terms.events(terms.terms(span_text(phrase))):
                return span_text(phrase)
    return None


def condition_of(frame: Frame) -> str | None:
    """The condition a claim's status should carry from its frame: a condition proper ("once 20
    countries ratify it", "if", "unless") or a count of events to wait for. A clause of time
    ("when the talks end", "after the cabinet meets") and anything already past are not one."""
    if frame.modality != "conditional" or not frame.condition or frame.tense == "past":
        return None
    first = frame.condition.split()[0].lower()
    return frame.condition if frame.threshold or first in cues().condition_marks - {"until", "till"} else None


# ---------------------------------------------------------------------------
# clauses


def _is_reporting(verb: "Token") -> bool:  # noqa: F821
    """A reporting verb with the reported clause under it ("X said (that) ...")."""
    c = cues()
    if verb.lemma_.lower() not in c.reporting:
        return False
    return any(t.dep_ in ("ccomp", "parataxis") and t.pos_ in ("VERB", "AUX") for t in verb.children)


def _reporting_aside(verb: "Token") -> bool:  # noqa: F821
    """ '..., the ministry said.' parsed as a parataxis/ccomp child of the reported verb."""
    return (verb.dep_ in ("parataxis", "ccomp", "advcl") and verb.lemma_.lower() in cues().reporting
            and not any(t.dep_ in ("ccomp", "dobj", "xcomp") for t in verb.children)
            and any(t.dep_ in SUBJECT_DEPS for t in verb.children) and verb.head.pos_ in ("VERB", "AUX")
            and verb.i > verb.head.i)


def _according_to(token: "Token") -> bool:  # noqa: F821
    return token.dep_ == "prep" and token.lower_ == "according"


def _subject_token(verb: "Token") -> "Token | None":  # noqa: F821
    for t in verb.children:
        if t.dep_ in ("nsubj", "nsubjpass", "csubj", "csubjpass"):
            return t
    return None


def _speaker_token(verb: "Token") -> "Token | None":  # noqa: F821
    """The subject of a reporting verb; "court records show" parses 'records' as a compound."""
    found = _subject_token(verb)
    if found is not None and found.i < verb.i:
        # '"..., most of them from the fifth floor," X told reporters': the speaker stands
        # after the closing quote, not inside the quotation
        quote_end = max((t.i for t in verb.doc[found.i:verb.i] if t.text in ("\"", "”")), default=None)
        if quote_end is not None:
            found = next((t for t in verb.doc[quote_end + 1:verb.i] if t.pos_ == "PROPN"
                          and t.head.i != t.i and t.head.pos_ != "PROPN"), found)
    if found is None:
        found = next((t for t in reversed(list(verb.lefts)) if t.dep_ in ("compound", "npadvmod") and t.pos_ in ("NOUN", "PROPN")), None)
    return found


def _quoted_then_reported(verb: "Token") -> bool:  # noqa: F821
    """'"We will reopen every school!" Mayor X told reporters': a second root right after a closing quote."""
    if verb.dep_ != "ROOT" or verb.lemma_.lower() not in cues().reporting or _is_reporting(verb):
        return False
    before = verb.left_edge.i - 1
    return before >= 0 and verb.doc[before].text in ("\"", "”", "'")


def _non_restrictive(clause: "Token") -> bool:  # noqa: F821
    """A relative clause or apposition set off by a comma: it adds a fact, it does not pick the referent."""
    before = clause.left_edge.i - 1
    return before >= 0 and clause.doc[before].text in (",", "(", "—", "–", "-")


def _mark(verb: "Token") -> str | None:  # noqa: F821
    for t in verb.children:
        if t.dep_ == "mark":
            return t.lower_
    for t in verb.children:  # "only after it is ratified": spaCy attaches "after" as prep of the clause
        if t.dep_ in ("prep", "advmod") and t.i < verb.i and t.lower_ in cues().future_condition_marks | cues().condition_marks:
            return t.lower_
    return None


def _fold_modal(verb: "Token") -> tuple["Token", str | None, bool]:  # noqa: F821
    """Follow "expected to", "set to", "refused to" down to the verb they govern.

    Returns (the governed verb, the modality the chain adds, whether it negates).
    "is likely to sign": the copula's `acomp` 'likely' holds the xcomp.
    """
    c = cues()
    modality: str | None = None
    negates = False
    current = verb
    for _ in range(4):
        holder = current
        if current.lemma_.lower() == "be":
            comp = next((t for t in current.children if t.dep_ in ("acomp", "attr") and t.lemma_.lower() in c.modal_heads), None)
            if comp is not None:
                holder = comp
        lemma = holder.lemma_.lower()
        x = next((t for t in holder.children if t.dep_ == "xcomp" and t.pos_ in ("VERB", "AUX")), None)
        if x is None or lemma not in c.modal_heads:
            break
        kind = c.modal_heads[lemma]
        if kind == "negated":
            negates = not negates
        elif kind:
            modality = kind
        current = x
    return current, modality, negates


@dataclass
class _Clause:
    anchor: "Token"  # noqa: F821  (the clause's top token: its subtree is the clause)
    verb: "Token"    # noqa: F821  (the predicate, after folding modal chains)
    modality: str | None
    negates: bool
    parent: "_Clause | None" = None


def _clauses(doc: "Doc") -> list[_Clause]:  # noqa: F821
    """The clause heads that make frames, parents before children."""
    out: list[_Clause] = []
    by_anchor: dict[int, _Clause] = {}
    c = cues()

    def visit(token: "Token", parent: _Clause | None) -> None:  # noqa: F821
        clause = parent
        is_head = token.dep_ in CLAUSE_DEPS and token.dep_ != "acl" and (
            token.pos_ in ("VERB", "AUX") or token.dep_ == "ROOT")
        if token.dep_ == "acl" and token.pos_ == "VERB" and _own_fact_participle(token):
            is_head = True
        if token.dep_ == "pcomp" and token.pos_ == "VERB" and _subject_token(token) is not None:
            is_head = True  # "with Saxtorp heading the winner": a clause of its own
        if token.dep_ == "relcl" and not _non_restrictive(token):
            is_head = False
        if token.dep_ == "conj" and (token.head.pos_ not in ("VERB", "AUX") or (
                (parent is None or parent.anchor.i != token.head.i) and not _is_reporting(token.head))):
            is_head = False  # "aimed at cutting tariffs and speeding up cargo": part of a phrase
        if is_head and token.dep_ == "advcl" and parent is not None:
            mark = _mark(token)
            future_head = parent.modality is not None or any(
                a.lower_ in c.modal_auxiliaries for a in parent.verb.children if a.dep_ == "aux")
            if mark in c.condition_marks or (mark in c.future_condition_marks and future_head):
                is_head = False  # a condition of its head clause, read with it
        if is_head and (_is_reporting(token) or _reporting_aside(token) or _quoted_then_reported(token)):
            is_head = False
        if is_head:
            verb, modality, negates = _fold_modal(token)
            if verb.i != token.i and _is_reporting(verb):
                is_head = False  # "declined to say whether ...": a speaker, not a claim
        if is_head:
            clause = _Clause(token, verb, modality, negates, parent)
            out.append(clause)
            by_anchor[token.i] = clause
        for child in token.children:
            visit(child, clause)

    for root in (t for t in doc if t.dep_ == "ROOT"):
        visit(root, None)
    return out


def _own_fact_participle(verb: "Token") -> bool:  # noqa: F821
    """ "with Saxtorp heading the winner", "companies fearing surveillance": a participle
    on a prepositional object that has an object of its own states a fact of its own."""
    noun = verb.head
    return (noun.dep_ == "pobj" and verb.tag_ == "VBG"
            and any(t.dep_ in ("dobj", "attr") for t in verb.children))


def _roots(doc: "Doc") -> list["Token"]:  # noqa: F821
    """The roots of a parsed text (one per sentence the parser saw)."""
    return [t for t in doc if t.dep_ == "ROOT"]


def _quote_spans(text: str) -> list[tuple[int, int]]:
    spans, open_at = [], None
    for i, ch in enumerate(text):
        if ch in "\"“”":
            if open_at is None and ch != "”":
                open_at = i
            elif open_at is not None:
                spans.append((open_at, i + 1))
                open_at = None
    return spans


def _attribution(anchor: "Token", entities: Entities | None) -> tuple[Participant | None, bool]:  # noqa: F821
    """(who says it, whether they deny it) for the clause headed by `anchor`."""
    c = cues()
    node = anchor
    while node.head.i != node.i:
        head = node.head
        if node.dep_ in ("ccomp", "parataxis", "conj") and _is_reporting(head):
            subject = _speaker_token(head)
            who = participant(subject, entities) if subject is not None else None
            return who, head.lemma_.lower() in c.denying
        node = head
    # '..., the ministry said' hanging under the reported verb, or 'according to X'
    for t in anchor.subtree:
        if _reporting_aside(t) and t.head.i == anchor.i:
            subject = _subject_token(t)
            return (participant(subject, entities) if subject is not None else None), t.lemma_.lower() in c.denying
    root = anchor
    while root.head.i != root.i:
        root = root.head
    for other in _roots(anchor.doc):
        if other.i > root.i and _quoted_then_reported(other):
            subject = _speaker_token(other)
            if subject is not None:
                return participant(subject, entities), other.lemma_.lower() in c.denying
    for t in root.subtree:
        if _according_to(t):
            obj = next((x for x in t.subtree if x.dep_ == "pobj"), None)
            if obj is not None:
                return participant(obj, entities), False
    return None, False


def _names_an_event(verb: "Token") -> bool:  # noqa: F821
    """A copula whose complement is an event noun ("it was the third strike this year", "it will be
    the biggest walkout"): its "it" is that event, not the last named organisation."""
    if verb.lemma_.lower() != "be":
        return False
    events = terms.vocabulary().events
    for t in verb.children:
        if t.dep_ in ("attr", "acomp"):
            lemma = t.lemma_.lower()
            if lemma in occasion_nouns() or terms.concept_of(lemma) in events:
                return True
    return False


def _refers_to_speaker(pronoun: str, speaker: Participant) -> bool:
    """A pronoun subject of a reported clause is the speaker when their kinds fit. A speaker
    named by one capitalised word the model took for an organisation ("Verhaegen denied he
    would leave") is a person's surname when "he" or "she" refers to it; an acronym is not."""
    if pronoun in PRONOUNS_PERSON:
        return speaker.label in ("PERSON", None) or (
            speaker.label == "ORG" and speaker.literal and len(speaker.text.split()) == 1
            and speaker.text[:1].isupper() and not speaker.text.isupper())
    if pronoun in PRONOUNS_THING:
        return speaker.label != "PERSON"
    return pronoun in PRONOUNS_PLURAL


def _excluded(clause: _Clause, clauses: Sequence[_Clause]) -> set[int]:
    """Token indices under the clause's anchor that belong elsewhere: child clauses,
    reporting asides, 'according to X'."""
    out: set[int] = set()
    anchor = clause.anchor
    for other in clauses:
        if other is clause:
            continue
        a = other.anchor
        if a.i != anchor.i and anchor.is_ancestor(a):
            out.update(t.i for t in a.subtree)
            if a.dep_ == "conj":  # the "and" before a coordinated clause goes with it
                out.update(t.i for t in a.head.children if t.dep_ == "cc" and t.i < a.i)
            if a.dep_ == "relcl" or a.dep_ == "appos":
                out.update(t.i for t in a.doc[max(0, a.left_edge.i - 1):a.left_edge.i] if t.text == ",")
    for t in anchor.subtree:
        if t.i in out:
            continue
        if _reporting_aside(t) or _according_to(t) or (t.i != anchor.i and _is_reporting(t)):
            out.update(x.i for x in t.subtree)
    return out


def _close_gaps(tokens: list["Token"]) -> list["Token"]:  # noqa: F821
    """Drop punctuation left dangling where a clause was cut out ("Silva , scored")."""
    out = []
    for k, t in enumerate(tokens):
        if t.is_punct and t.text in (",", ";", "(", ")", "—", "–"):
            prev_gap = k > 0 and tokens[k - 1].i != t.i - 1
            next_gap = k + 1 < len(tokens) and tokens[k + 1].i != t.i + 1
            if prev_gap or next_gap:
                continue
        out.append(t)
    return out


def _trim(tokens: list["Token"]) -> list["Token"]:  # noqa: F821
    """Drop connectives and punctuation at the edges ("and", "that", "while", ",")."""
    c = cues()
    while tokens and (tokens[0].dep_ in ("cc", "mark", "punct", "preconj") or tokens[0].is_punct
                      or tokens[0].lower_ in RELATIVE_PRONOUNS or tokens[0].lower_ in c.own_clause_marks
                      and tokens[0].dep_ in ("mark", "advmod", "prep")):
        tokens = tokens[1:]
    kept = {t.i for t in tokens}
    while tokens and (tokens[-1].is_punct and tokens[-1].text not in ("%", ")") or tokens[-1].dep_ == "cc"
                      or tokens[-1].dep_ == "prep" and not any(c.i in kept for c in tokens[-1].children)):
        tokens = tokens[:-1]  # "..., with" whose clause became a frame of its own
    return tokens


def frames(doc: "Doc", entities: Entities | None = None) -> list[Frame]:  # noqa: F821
    """The frames of one parsed sentence, in text order.

    `entities` carries the article's named participants so far (pronouns and
    "the club" resolve against it); it is updated with this sentence's names.

    >>> from factcheck.judgement import parse
    >>> doc = next(parse.parse(["The minister did not attend, but the delegations signed."]))
    >>> [(f.subject.key, f.predicate, f.negated) for f in frames(doc)]
    [('minister', 'attend', True), ('delegation', 'sign', False)]
    """
    clauses = _clauses(doc)
    quotes = _quote_spans(doc.text)
    out: list[Frame] = []
    subjects: dict[int, Participant] = {}
    for clause in clauses:
        drop = _excluded(clause, clauses)
        tokens = _trim(_close_gaps([t for t in clause.anchor.subtree if t.i not in drop]))
        if not tokens:
            continue
        who, denied = _attribution(clause.anchor, entities)
        verb = clause.verb
        subject_token = _subject_token(verb) or _subject_token(clause.anchor)
        prefix = ""
        subject: Participant | None = None
        if clause.anchor.dep_ == "acl" and subject_token is None:
            subject = participant(clause.anchor.head, entities)
            prefix = subject.text
        elif subject_token is not None and subject_token.lower_ in RELATIVE_PRONOUNS and clause.anchor.dep_ == "relcl":
            subject = participant(clause.anchor.head, entities)
            prefix = subject.text
        elif subject_token is not None and subject_token.dep_ != "expl":
            speaker = who.key if who is not None else None
            subject = participant(subject_token, entities, speaker)
            if who is not None and _refers_to_speaker(subject_token.lower_, who) and not (
                    subject_token.lower_ in PRONOUNS_THING and doc.text.find(who.text) > subject_token.idx):
                # "it" before its speaker ("By noon it had spread, the agency said") is not the speaker
                subject = Participant(subject.text, who.key, who.label, who.named)  # "X said he would ..."
            if subject_token.lower_ in PRONOUNS_THING and _names_an_event(verb):
                subject = Participant(subject.text, subject_token.lower_, None, False)  # "It will be the third strike"
            if subject_token.lower_ in PRONOUNS_THING and clause.parent is not None:
                inherited = subjects.get(clause.parent.anchor.i)
                if inherited is not None and inherited.label != "PERSON":
                    subject = Participant(subject.text, inherited.key, inherited.label, inherited.named)
        elif clause.anchor.dep_ == "conj" and _is_reporting(clause.anchor.head) and _speaker_token(clause.anchor.head) is not None:
            subject = participant(_speaker_token(clause.anchor.head), entities)  # "X said ... and promised Y"
            prefix = subject.text
        elif clause.parent is not None and clause.anchor.dep_ in ("conj", "advcl", "xcomp", "relcl"):
            subject = subjects.get(clause.parent.anchor.i)
            if subject is not None and tokens[0].i > (subject_token.i if subject_token is not None else -1):
                prefix = subject.text
        if subject is not None:
            subjects[clause.anchor.i] = subject
            if entities is not None and subject.literal and subject_token is not None:
                entities.remember(subject, subject_token.lemma_.lower())
        obj_token = next((t for t in verb.children if t.dep_ in OBJECT_DEPS), None)
        obj = participant(obj_token, entities) if obj_token is not None else None
        if entities is not None and obj is not None and obj.literal:
            entities.remember(obj, obj_token.lemma_.lower())  # "signed the Verworth Accord. It takes effect ..."
        by_token = next((x for t in verb.children if t.dep_ == "agent" for x in t.children if x.dep_ == "pobj"), None)
        arguments = tuple(
            (t.lower_ if t.dep_ != "agent" else "by", span_text(phrase_tokens(next((x for x in t.children if x.dep_ == "pobj"), t))))
            for t in verb.children if t.dep_ in ("prep", "agent") and not _according_to(t)
            and any(x.dep_ == "pobj" for x in t.children))
        tense, modality = tense_and_modality(verb)
        modality = clause.modality or modality
        if clause.anchor.dep_ == "ccomp" and _mark(clause.anchor) in ("whether", "if"):
            modality = "unknown"  # "declined to say whether X will attend" asserts nothing
        condition = None
        for t in verb.children if verb.i == clause.anchor.i else list(verb.children) + list(clause.anchor.children):
            if t.dep_ == "advcl" and not any(o.anchor.i == t.i for o in clauses):
                mark = _mark(t)
                if mark in cues().condition_marks | cues().future_condition_marks:
                    condition = span_text([x for x in t.subtree])
                    modality = "conditional" if mark != "until" else modality
        threshold = condition is None and tense != "past" and _threshold(verb)
        if threshold:
            condition, modality = threshold, "conditional"
        start = doc[tokens[0].i].idx
        last = tokens[-1]
        end = last.idx + len(last.text)
        body = span_text(tokens)
        text = f"{prefix} {body}" if prefix and not body.lower().startswith(prefix.lower()) else body
        quote = any(a <= start and end <= b + 1 for a, b in quotes)
        out.append(Frame(
            start=start, end=end, text=text, predicate=predicate_of(verb) if verb.pos_ in ("VERB", "AUX") else None,
            subject=subject,
            object=obj,
            agent=participant(by_token, entities) if by_token is not None else None,
            arguments=arguments, negated=is_negated(verb) != clause.negates, voice=voice_of(verb),
            tense=tense, modality=modality, condition=condition,
            attribution=who.text if who is not None else None, denied=denied, quote=quote,
            threshold=bool(threshold),
        ))
    if not out and len(doc):
        tokens = _trim(list(doc))
        if tokens:
            start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
            out.append(Frame(start=start, end=end, text=span_text(tokens), predicate=None))
    if entities is not None:
        for ent in doc.ents:
            if ent.label_ in ("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"):
                named = name_of(ent.root)
                if named:
                    entities.remember(Participant(ent.text, named[0], ent.label_, True), ent.root.lemma_.lower())
    out.sort(key=lambda f: (f.start, f.end))
    return out


def read(text: str) -> list[Frame]:
    """The frames of a text (an article or a few sentences), in text order.

    Sentences are cut by factcheck's own splitter (segment.py: headlines and
    datelines stay apart), then parsed in one batch; pronouns resolve across
    sentences. Frame offsets are into `text`. Raises ModelError when no
    spaCy model can be loaded.

    >>> [(f.subject.key, f.predicate, f.negated) for f in read("Silva scored. He will not appeal.")]
    [('silva', 'score', False), ('silva', 'appeal', True)]
    """
    from . import parse
    from ..inputs import segment
    from ..records import SentenceKind

    body = [s for s in segment.split_sentences(text) if s.kind is SentenceKind.BODY]
    entities = Entities()
    out: list[Frame] = []
    for sentence, doc in zip(body, parse.parse(s.text for s in body)):
        for frame in frames(doc, entities):
            out.append(replace(frame, start=frame.start + sentence.start, end=frame.end + sentence.start))
    return out

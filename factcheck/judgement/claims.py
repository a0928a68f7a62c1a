"""Sentences -> atomic claims with normalised slots: the extract stage.

Each sentence is cut into pieces, one fact each with its attribution
(`attribution.split_sentence`); each piece becomes a claim here, with its
status, polarity, negated events and tense read from the word cues
(`verbs.cues`), its times, figures and places, and who did what from the
frame of its sentence it overlaps most.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from . import frames as frames_mod
from .. import lexicon
from . import parse, titles
from ..slots import places, quantities, sites, terms, when, zones
from .attribution import Piece, split_sentence
from ..slots.names import people, person_names, proper_names  # noqa: F401 (person_names, proper_names: claims.* too)
from ..records import Claim, Sentence, SentenceKind, Source, TimeMention
from ..inputs.sources import normalise_for_matching
from .verbs import about_other_occasion, cues, is_verb, occasion_nouns  # noqa: F401 (about_other_occasion, is_verb: claims.* too)

# ---------------------------------------------------------------------------
# slots


def tense_of(text: str) -> str | None:
    c = cues()
    if c.future.search(text):
        return "future"
    # news reports what happened: without a future marker, "cut ... on Monday" is past
    return "past"


def status_of(text: str, piece: Piece) -> tuple[str | None, str | None]:
    """(status, condition) from modality cues."""
    c = cues()
    # a cue holds its longest word: one pass over the words says whether to look for cues at all
    cued = "" in c.status_words or not c.status_words.isdisjoint(terms.letter_runs(text))
    if (cued and c.uncertain.search(text)) or re.match(r"(?:whether|if)\b", text, re.IGNORECASE):
        return "unknown", None  # "declined to say whether ..." asserts nothing
    if piece.condition:
        return "conditional", "if " + piece.condition
    m = c.conditional.search(text) if cued else None
    if m or piece.prefix == "subject to":
        condition = text[m.start():] if m else "subject to " + text
        return "conditional", condition
    if not cued:
        return None, None
    if c.done.search(text):
        return "done", None
    if c.expected.search(text):
        return "expected", None
    if c.future.search(text):
        return "scheduled", None
    return None, None  # past tense alone is not "done": "approved by the board" is not "cleared"


def negated_events(text: str, piece: Piece) -> tuple[str, ...]:
    """Event concepts under a negation ("will not attend", "without disclosing").

    A negation scopes over the next few words only, so "not yet released the
    names, while X will sign" negates the release and not the signing. A denial
    ("X denied that ...") negates every event of the clause; a negated denial
    cancels out.
    """
    vocab = terms.vocabulary()
    negated: set[str] = set()
    cues_found = _negations(text)
    phrases = terms.phrases_at(text) if cues_found else []
    for cue in cues_found:
        if re.search(r"\buntil\b", text[cue.end():]):
            continue  # "will not launch until Sunday" says when, not whether
        window = " ".join(text[cue.end():].split()[:5])
        negated.update(terms.events(terms.terms(window)))
        # a concept phrase that holds its own negation: "claimed no lives" negates the killing
        negated.update(concept for start, end, concept in phrases if start <= cue.start() < end)
    if piece.denied:
        every = set(terms.events(terms.terms(text)))
        negated = every - negated
    return tuple(sorted(negated & set(vocab.events)))


@lru_cache(maxsize=8)  # negated_events and polarity_of ask about the same claim text
def _negations(text: str) -> list[re.Match[str]]:
    """Negation cues in `text`, less the "No." of a label ("Platform No. 7" names a platform)
    and the "no" of a figure's qualifier ("no fewer than 118" bounds a number)."""
    found = list(cues().negation.finditer(text))
    if not found:
        return found
    spans = quantities.label_spans(text) + quantities.qualifier_spans(text)
    unneeded = lexicon.words("verbs", "unneeded_before")
    return [m for m in found if not any(a <= m.start() < b for a, b in spans)
            and not (m.group(0).lower() == "no" and _word_before(text, m.start()) in unneeded)]  # "requires no more votes"


def has_negation(text: str) -> bool:
    """Whether `text` holds a negation cue of its own ("not", "without", "no"): a claim false in
    polarity without one was denied by its speaker ("denied that the blaze was set")."""
    return bool(_negations(text))


def _word_before(text: str, at: int) -> str:
    """The lower-cased word that ends right before `at` ('' at the start)."""
    words = text[:at].rsplit(None, 1)
    return words[-1].lower() if words else ""


def polarity_of(text: str, piece: Piece) -> bool:
    negated = bool(_negations(text))
    if piece.denied:
        negated = not negated
    return not negated


# ---------------------------------------------------------------------------
# the stage


def claim_id(source_id: str, text: str, seen: dict[str, int]) -> str:
    """Stable across runs and unaffected by edits elsewhere in the article."""
    digest = hashlib.sha1(f"{source_id}\n{' '.join(text.lower().split())}".encode()).hexdigest()[:8]
    key = f"{source_id}-{digest}"
    seen[key] = seen.get(key, 0) + 1
    return key if seen[key] == 1 else f"{key}-{seen[key]}"


def extract(source: Source, sentences: Sequence[Sentence]) -> list[Claim]:
    """Every atomic claim of one article, in text order."""
    context = places.context_names(
        ([source.title] if source.title else []) + ([source.dateline_place] if source.dateline_place else [])
        + [s.text for s in sentences]
    )
    claims: list[Claim] = []
    seen: dict[str, int] = {}
    body = [replace(s, text=fold(s.text)) for s in sentences if s.kind is SentenceKind.BODY]
    entities = frames_mod.Entities()
    parsed = iter(parse.parse(parsed_texts(sentences)))
    for plain in body:
        doc = next(parsed) if len(plain.text) <= parse.MAX_SENTENCE_CHARS else None
        found = frames_mod.frames(doc, entities) if doc is not None else []
        named = sites.sites_of(doc) if doc is not None else []
        for piece in split_sentence(plain.text):
            claim = event_of_before(with_frame(_claim(source, plain, piece, context, seen), found, plain.start), claims)
            claims.append(replace(claim, sites=sites.within_claim(named, claim.start, claim.end, plain.start))
                          if named else claim)
        if doc is not None and not _OPENS_ON_YEAR.match(plain.text):  # "In 2019 chief executive X ...": then, not now
            claims.extend(title_claim(source, plain, t, seen) for t in titles.titles(doc))
    return claims


EVENT_PRONOUNS = frozenset({"it", "this", "that"})


def event_of_before(claim: Claim, before: Sequence[Claim]) -> Claim:
    """A claim that only says an event took place ("It occurred outside Brenford") reports
    the event of the last claim before it in the article that names one: it gains that
    claim's predicate classes and words, so it meets other sources' claims of the event.

    A subject written as a name or a noun is left alone ("The rally happened on Friday"
    names its own event).
    """
    occurrence = lexicon.words("frames", "occurrence_lemmas")
    # "took place": the parse gives "take" with "place" as its object
    if claim.predicate or not (claim.lemma in occurrence or f"{claim.lemma} {claim.object}" in occurrence):
        return claim
    written = claim.text.split(maxsplit=1)[0].lower() if claim.text else ""
    if written not in EVENT_PRONOUNS:
        return claim
    earlier = next((c for c in reversed(before) if c.predicate), None)
    if earlier is None or earlier.sentence_start < claim.sentence_start - EVENT_REACH:
        return claim
    # the event's words come along ("the coach", "the lorry"): the pronoun stands for all of them
    return replace(claim, predicate=earlier.predicate,
                   keywords=claim.keywords + tuple(k for k in earlier.keywords if k not in claim.keywords))


# how far back (characters) the claim naming the event may start: the sentence before, not the story's top
EVENT_REACH = 400


def title_claim(source: Source, sentence: Sentence, found: titles.Title, seen: dict[str, int]) -> Claim:
    """The fact a title gives its named person ("Chief executive Ruth Brandt": she is the chief
    executive), over the title and name words, with its frame (ruth brandt - be - chief executive);
    compared by holders.py alone (no wording to match).

    >>> s = Source("a", Path("a.txt"), "Sales rose, CEO Ana Rask said.")
    >>> c = title_claim(s, Sentence("a", 0, 30, s.text), titles.read(s.text)[0], {})
    >>> (c.text, c.start, c.end, c.subject, c.lemma, c.object, c.title)
    ('CEO Ana Rask', 12, 24, 'ana rask', 'be', 'chief executive', ('chief executive', '', 'rask'))
    """
    text = " ".join(found.text.split())
    return Claim(id=claim_id(source.id, text, seen), source=source.id, start=sentence.start + found.start,
                 end=sentence.start + found.end, text=text, sentence_start=sentence.start, sentence_end=sentence.end,
                 people=people(text), title=(found.post, found.org, found.surname),
                 subject=found.name.lower(), subject_named=True, lemma="be", object=found.post)


def parsed_texts(sentences: Sequence[Sentence]) -> list[str]:
    """The texts `extract` parses for these sentences, in order (see parse.ahead)."""
    # a "sentence" longer than any a newsroom writes is not parsed: the parse and the frames
    # grow faster than linearly with one sentence's length, and a hostile file must not hang CI
    return [text for text in (fold(s.text) for s in sentences if s.kind is SentenceKind.BODY)
            if len(text) <= parse.MAX_SENTENCE_CHARS]


def with_frame(claim: Claim, found: Sequence[frames_mod.Frame], shift: int) -> Claim:
    """The claim with who did what from the frame of its sentence it overlaps most.

    `found` are the sentence's frames (offsets into the sentence, which starts
    at `shift` in the source): the claim keeps its own words and slots, and
    gains the frame's predicate, its doer as subject (in the passive, the "by"
    phrase) and what it was done to as object.
    """
    best, overlap = None, 0
    for frame in found:
        shared = min(claim.end, shift + frame.end) - max(claim.start, shift + frame.start)
        if shared > overlap:
            best, overlap = frame, shared
    if best is None:
        return claim
    doer, undergoer = best.doer, best.undergoer  # "X was jailed by the court": the court did it
    if (claim.status == "conditional" and best.tense == "past" and best.modality is None
            and (claim.condition or "").lower().startswith("after ")):
        # "was jailed on Friday after a jury convicted him": one past act after another, no condition
        claim = replace(claim, status=None, condition=None)
    # the parse sees conditions the cue lists miss ("will enter into force once 20 countries ratify it")
    condition = frames_mod.condition_of(best) if claim.status in (None, "scheduled", "expected") else None
    # "hospitals treated 40 people": the doer names the event (40 were taken to hospital)
    extra = terms.doer_events(doer.key if doer is not None else None, best.predicate) - set(
        (claim.predicate or "").split(","))
    if extra:
        claim = replace(claim, predicate=",".join(sorted({*filter(None, (claim.predicate or "").split(",")), *extra})),
                        keywords=claim.keywords + tuple(terms.CONCEPT_PREFIX + e for e in sorted(extra)))
    return replace(claim, lemma=best.predicate, subject=doer.key if doer is not None else None,
                   subject_named=bool(doer is not None and doer.literal),
                   object=undergoer.key if undergoer is not None else None,
                   status="conditional" if condition else claim.status, condition=condition or claim.condition)


def fold(text: str) -> str:
    """`text` with curly quotes, dashes and odd spaces made plain, one character for one.

    Every rule here is written for straight quotes and plain spaces; folding
    first makes a re-saved article ("company’s", a no-break space, an em dash)
    give the same claims, slots and ids. The length never changes, so offsets
    into the folded text are offsets into `Source.text`.
    """
    return text.translate(_FOLD)


_FOLD = str.maketrans({
    ch: normalise_for_matching(ch)
    for ch in "‘’‚‛′`´“”„‟″«»‹›‐‑‒–—―−﹘\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
              "\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t"
    if len(normalise_for_matching(ch)) == 1
})


# "the family of each worker who died": the dying is not what the claim reports
_RESTRICTIVE = re.compile(r"\b(?:who|whom|whose)\b.*$")
# "the toll from the sinking of ...": an event named inside a phrase is a reference, not the predicate
_NOT_PREDICATE = re.compile(r"\b(?:from|of|after|since|following|before|into|over|about|for)\s+(?:the|a|an|its|their|this)\s+\w+ing\b"
                            # "patients from the crash", "since the collision", "trapped by a collapse": the event named as a time or cause
                            r"|\b(?:from|after|since|following|before|by)\s+(?:the|a|an|its|their|this)\s+\w+\b")


@lru_cache(maxsize=1)
def _compound_reference() -> re.Pattern[str]:
    """'deaths after a footbridge collapse': an event noun after a modifier is a reference too."""
    nouns = sorted({*occasion_nouns(), *lexicon.load("event_days")["generic_nouns"]}, key=len, reverse=True)
    return re.compile(r"\b(?:from|after|since|following)\s+(?:the|a|an|its|their|this)\s+[\w-]+\s+(?:"
                      + "|".join(re.escape(n) for n in nouns) + r")\b", re.IGNORECASE)


def predicate_events(text: str) -> frozenset[str]:
    """The events a claim reports: those its words name outside references to other events
    ("the toll from the sinking"), and idioms whose head comes before such a reference
    ("residents were forced from their homes": one event, not "forced" and a reference).

    >>> sorted(predicate_events("More than 500 residents were forced from their homes"))
    ['displace']
    >>> sorted(predicate_events("The death toll from the sinking rose to 12"))
    ['kill']
    >>> sorted(predicate_events("Deaths after a footbridge collapse climbed to 9 on Monday"))
    ['kill']
    """
    base = _RESTRICTIVE.sub("", text)
    found = set(terms.events(terms.terms(_NOT_PREDICATE.sub(" ", _compound_reference().sub(" ", base)))))
    cuts = [m.start() for m in _NOT_PREDICATE.finditer(base)]
    found.update(concept for start, end, concept in terms.phrases_at(base)
                 if any(start < cut < end for cut in cuts) and concept in terms.vocabulary().events)
    return frozenset(found)


def _blank_slots(text: str, shift: int, *slots: Sequence[object]) -> str:
    """The claim text with its time, number and place expressions blanked out.

    Slots are compared as normalised values; leaving "by the end of the year"
    in the wording would make two claims look alike for sharing a deadline.
    The counted noun stays ("12 workers" keeps "workers").
    """
    chars = list(text)
    for mention in (m for group in slots for m in group):
        start, end = mention.start + shift, mention.end + shift  # type: ignore[attr-defined]
        for i in range(max(0, start), min(len(chars), end)):
            chars[i] = " "
    return "".join(chars)


def _claim(source: Source, sentence: Sentence, piece: Piece, context: tuple[str, ...], seen: dict[str, int]) -> Claim:
    raw = (piece.view or sentence.text)[piece.start:piece.end]
    base = f"{piece.prefix} {raw}" if piece.prefix else raw
    text = " ".join(base.split())
    tense = tense_of(raw)
    status, condition = status_of(text, piece)
    times = [m for m in when.find_times(raw, published=source.published, tense=tense,
                                        zone=zones.offset_string(source.published_at) if source.published_at else None)
             if not _speech_event().search(raw, max(0, m.start - SPEECH_EVENT_WINDOW), m.start)
             and not _NAMED_DAY.match(raw, m.end) and not _in_reduced_relative(raw, m)]
    numbers = quantities.find_quantities(raw)
    shift = len(base) - len(raw)
    named_places = places.find_places(base, context)  # the prefix may hold the preposition ("is based in")
    found_terms = terms.terms(_blank_slots(_blank_slots(base, shift, times, numbers), 0, named_places))
    # a kept denial or confirmation ("The hospital denied that") is shown, not read as content
    lead = (piece.view or sentence.text)[piece.lead:piece.start] if piece.lead is not None else ""
    shown = " ".join(f"{lead} {text}".split()) if lead else text
    return Claim(
        id=claim_id(source.id, shown, seen),
        source=source.id,
        start=sentence.start + (piece.lead if piece.lead is not None else piece.anchor if piece.anchor is not None else piece.start),
        end=sentence.start + piece.end,
        text=shown,
        sentence_start=sentence.start,
        sentence_end=sentence.end,
        attribution=piece.attribution,
        quote=piece.quote,
        when=tuple(times) + background_year(piece.view or sentence.text, piece, times, source),
        where=tuple(p.name for p in named_places if p.relation == "in"),
        quantities=tuple(numbers),
        status=status,
        condition=condition,
        polarity=polarity_of(text, piece),
        negated=negated_events(text, piece),
        predicate=",".join(sorted(predicate_events(text))) or None,
        people=people(text),
        keywords=found_terms,
        said_on=said_on(sentence.text, piece, source),
    )


# "Walkers stranded on the moor on Friday were flown out": the day is the participle's
_PARTICIPLE_BEFORE = re.compile(r"\b[a-z]{3,}ed\b[^,.;:]{0,40}$")
_MAIN_VERB_AFTER = re.compile(r"\s+(?:were|was|had\s+been|have\s+been|has\s+been)\b")


def _in_reduced_relative(raw: str, m: TimeMention) -> bool:
    """The time sits in a participle clause on the subject, right before the main verb
    ("walkers stranded on Friday were flown out"): it dates the participle's act, not the claim's."""
    return bool(_MAIN_VERB_AFTER.match(raw, m.end) and _PARTICIPLE_BEFORE.search(raw, 0, m.start))


# "declared 3 March a public holiday", "set Friday as the polling day": the day is
# what the act names, not when it happened
_NAMED_DAY = re.compile(r",?\s+(?:as\s+)?(?:a|an|the)\s+(?:[\w-]+\s+){0,3}(?:day|holiday|date)\b", re.IGNORECASE)


# how far before a time an occasion of saying may end ("at a televised address late on Friday"):
# a window, so a long sentence full of times is read in linear time
SPEECH_EVENT_WINDOW = 40


@lru_cache(maxsize=1)
def _speech_event() -> re.Pattern[str]:
    """An occasion of saying right before a time ("At a news conference Thursday morning, ..."):
    the time is the saying's, not the fact's."""
    nouns = sorted(lexicon.words("speech", "speech_events"), key=len, reverse=True)
    # "at a briefing in Port Elm on Thursday": the place of saying may come between
    where = r"(?:in\s+(?:the\s+)?(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*){0,2}\s+)?"
    return re.compile(r"\b(?:" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in nouns) + r")\s+" + where
                      + r"(?:on\s+|late\s+|early\s+)?$", re.IGNORECASE)


# a year the rest of the sentence tells of: "recall 1993, when a flood reached 30 houses"
_YEAR_WHEN = re.compile(r"\b((?:1[89]|20)\d\d),?\s+when\b")
# a sentence that opens on a year: "In 2009 a footbridge collapsed, injuring six people"
_OPENS_ON_YEAR = re.compile(r"\s*(?:In|Back in|During)\s+(?:[A-Z][a-z]+\s+)?(?:1[89]|20)\d\d\b")


def background_year(sentence: str, piece: Piece, times: Sequence[TimeMention], source: Source) -> tuple[TimeMention, ...]:
    """The year a sentence (the text `piece` indexes) opens on, for a later piece of it that names no time of its own:
    "In 2009 a footbridge collapsed, injuring six people" dates the injuring to 2009 too.

    >>> [m.text for m in background_year("In 2009 a bridge fell, injuring six people.", Piece(23, 42), (),
    ...                                  Source("a", Path("a.txt"), ""))]
    ['In 2009']
    """
    if times:
        return ()
    opening = _OPENS_ON_YEAR.match(sentence)
    if opening is not None and piece.start >= opening.end():
        return tuple(when.find_times(sentence[:opening.end()], published=source.published))
    # "Farmers recall 1993, when a flood reached 30 houses": that year's event
    remembered = _YEAR_WHEN.search(sentence, 0, piece.end)
    if remembered is not None:
        return tuple(replace(m, start=remembered.start(1), end=remembered.end(1))
                     for m in when.find_times("in " + remembered.group(1), published=source.published))
    return ()


# how far past the speaker's name the time of saying may stand ("X told reporters on Monday")
SAID_WINDOW = 40


def said_on(sentence: str, piece: Piece, source: Source) -> tuple[TimeMention, ...]:
    """When the attribution says it was said: "the ministry said on Sunday", '"...!" X told
    reporters on Monday'. Times inside the claim itself are its own, never the saying's.

    >>> [m.text for m in said_on("Rates will fall, the bank said on Monday.", Piece(0, 15, attribution="bank"),
    ...                          Source("a", Path("a.txt"), ""))]
    ['on Monday']
    """
    if not piece.attribution:
        return ()
    at = sentence.find(piece.attribution)
    if at < 0:
        return ()
    end = at + len(piece.attribution)
    window = sentence[end:end + SAID_WINDOW]
    cut = re.search(r"[,;:]|\b(?:that|and|but)\b", window)  # the saying's own clause only
    window = window[:cut.start()] if cut else window
    found = when.find_times(window, published=source.published, tense="past")
    return tuple(m for m in found if not (piece.start <= end + m.start < piece.end))

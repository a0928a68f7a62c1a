"""Sentences -> atomic claims with normalised slots.

A news sentence often packs several checkable facts ("X will sign on
Saturday despite opposition from Y, which fears Z"), plus who said it. The
splitter cuts at clause boundaries that carry a fact of their own
(semicolons, coordinated clauses, despite/while/where/when clauses,
non-restrictive relative clauses, appositions, participle clauses) and keeps
attribution as a field, so that matching compares one fact with one fact.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

from . import frames as frames_mod
from . import lexicon, numbers, parse, places, quantities, terms, when, zones
from .names import people, person_names, proper_names  # noqa: F401 (person_names, proper_names: claims.* too)
from .records import Claim, Sentence, SentenceKind, Source, TimeMention
from .sources import normalise_for_matching

# ---------------------------------------------------------------------------
# word cues (from data/verbs.json)


@dataclass(frozen=True)
class _Cues:
    auxiliaries: frozenset[str]
    irregular_past: frozenset[str]
    not_verbs_ed: frozenset[str]
    present_verbs: frozenset[str]
    reporting: str            # regex alternation
    denying: frozenset[str]
    confirming: frozenset[str]
    negation: re.Pattern[str]
    uncertain: re.Pattern[str]
    future: re.Pattern[str]
    past: re.Pattern[str]
    conditional: re.Pattern[str]
    done: re.Pattern[str]
    expected: re.Pattern[str]
    other_occasion: re.Pattern[str]
    status_words: frozenset[str]  # the longest word of each cue status_of looks for: none there, no cue


def _alternation(items: Iterable[str]) -> str:
    return "|".join(re.escape(i) for i in sorted(items, key=len, reverse=True))


def _phrase_pattern(items: Iterable[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + _alternation(items) + r")(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=1)
def cues() -> _Cues:
    data = lexicon.load("verbs")
    return _Cues(
        auxiliaries=frozenset(data["auxiliaries"]),
        irregular_past=frozenset(data["irregular_past"]),
        not_verbs_ed=frozenset(data["not_verbs_ed"]),
        present_verbs=frozenset(data["present_verbs"]),
        reporting=_alternation(data["reporting"]),
        denying=frozenset(data["denying"]),
        confirming=frozenset(data["confirming"]),
        negation=re.compile(r"(?<![\w-])(?:" + _alternation(data["negations"]) + r")(?![\w-])|n't\b", re.IGNORECASE),
        uncertain=_phrase_pattern(data["uncertain"]),
        future=_phrase_pattern(data["future_markers"]),
        past=_phrase_pattern(data["past_markers"]),
        conditional=_phrase_pattern(data["conditional_markers"]),
        done=_phrase_pattern(data["done_markers"]),
        expected=_phrase_pattern(data["expected_markers"]),
        other_occasion=re.compile(
            _phrase_pattern(data["other_occasion_markers"]).pattern
            # "a second quake hit", "another train killed": one more occurrence, not "another 11"
            + r"|(?<![\w-])(?:" + _alternation(data["other_occurrence_determiners"])
            + r")\s+(?!(?:\d|of\b|" + numbers.number_word_pattern() + r"))[A-Za-z]", re.IGNORECASE),
        status_words=frozenset(terms.longest_run(w) for key in
                               ("uncertain", "conditional_markers", "done_markers", "expected_markers", "future_markers")
                               for w in data[key]),
    )


_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def is_verb(word: str) -> bool:
    c = cues()
    w = word.lower().strip("'’")
    if w in c.auxiliaries or w in c.irregular_past or w in c.present_verbs:
        return True
    return len(w) > 4 and w.endswith("ed") and w not in c.not_verbs_ed


def has_verb(text: str) -> bool:
    return any(is_verb(m.group(0)) for m in _TOKEN.finditer(text))


def _starts_with_verb(text: str) -> bool:
    first = _TOKEN.match(text.strip())
    if not first:
        return False
    word = first.group(0).lower()
    return is_verb(word) or word.endswith("ing") or word in ("also", "still", "then", "later")


# ---------------------------------------------------------------------------
# pieces of a sentence


@dataclass
class _Piece:
    start: int                 # offsets into the sentence string
    end: int
    prefix: str = ""           # carried subject, for a readable claim text
    attribution: str | None = None
    quote: bool = False
    denied: bool = False
    confirmed: bool = False
    # the sentence as this piece reads it: clauses cut out of its middle
    # (", who ...,", ", a 52-year-old,") blanked with spaces, offsets unchanged
    view: str = ""
    # split off an "if"/"unless" clause: this piece holds only on that condition
    condition: str | None = None
    # where the reported span starts, when it also covers the antecedent a
    # relative clause is about ("a ban on night sailings, which must ...")
    anchor: int | None = None

    def text(self, sentence: str) -> str:
        return sentence[self.start:self.end]


_QUOTE_OPEN = "\"“"
_QUOTE_CLOSE = "\"”"


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    rep = cues().reporting + "|" + _alternation(cues().denying | cues().confirming)
    who = r"(?:[^,;\"“”]{1,90}?)"
    # blanks are taken whole (\s++) after a name that ends in a letter ((?<!\s)): the same matches (bar a
    # one-letter name padded with blanks), but no rescan of a run of blanks per end (issue 10: quadratic)
    return {
        # "Quote," said X.  /  "Quote," X said.
        "quote_first": re.compile(
            r"^[\"“](?P<q>.+?)[,.!?]?[\"”],?\s++(?P<tail>(?:(?:" + rep + r")\s+.+|.{1,160}?(?<!\s)\s++(?:" + rep + r")\b.*))$"),
        # X said, "Quote."  /  X said: "Quote"
        "quote_last": re.compile(
            r"^(?P<who>[^\"“]{2,160}?),?(?<!\s)\s++(?:has\s++|have\s++)?(?:" + rep + r")(?:\s+[\w ]{1,30}?)?[,:]\s*[\"“](?P<q>.+?)[\"”]?\.?$"),
        # X said (that) ...   /   X, a role at Y, said ...
        "lead": re.compile(
            r"^(?:(?:" + _alternation(lexicon.load("verbs")["sentence_adverbs"]) + r"),\s++)?(?P<who>" + who + r"(?:,\s++[^,;\"“”]{2,100},)?)(?<!\s)\s++(?:has\s++|have\s++|had\s++)?"
            r"(?P<verb>told\s+(?:reporters|journalists|a\s+\w+(?:\s+\w+)?|the\s+\w+|this\s+\w+)"
            r"(?:\s+(?:in|at|on)\s+[^,]{1,40}?)?|" + rep + r")"
            r"(?:\s+(?:on|last|this|late\s+on|early\s+on)\s+[A-Z]\w+day)?"
            r",?\s+(?:that\s+)?(?P<rest>.+)$"),
        # According to X, ...
        "according": re.compile(r"^[Aa]ccording\s+to\s+(?P<who>[^,]{2,100}),\s+(?P<rest>.+)$"),
        # (prefix carried from a relative clause) said ...
        "bare_verb": re.compile(
            r"^(?:has\s+|have\s+)?(?P<verb>" + rep + r")(?:\s+(?:on|last|this)\s+[A-Z]\w+day)?,?\s+(?:that\s+)?(?P<rest>.+)$"),
        # ..., X said (on Monday).  /  ..., according to X.  /  ..., said X.
        "tail": re.compile(
            r",\s++(?:according\s++to\s++(?P<who1>[^,]{2,120}(?:,[^,]{1,80})?)"
            r"|(?P<who2>[^,\"“”]{2,100}?(?:,\s++[^,\"“”]{2,100},)?)(?<!\s)\s++(?:has\s++|have\s++|had\s++)?(?P<verb2>" + rep + r")\b(?P<after>[^,\"“”]{0,80})"
            r"|(?:" + rep + r")\s++(?P<who3>[^,]{2,100}(?:,[^,]{1,100})?))(?<!\s)\s*+[.!?]?$"),
    }


_SUBJECT_LIKE = re.compile(r"^(?:[A-Z]|the\b|a\b|an\b|some\b|many\b|most\b|several\b|critics\b|officials\b|police\b|analysts\b|survivors\b|investigators\b|activists\b|residents\b|witnesses\b|experts\b|workers\b)", re.IGNORECASE)


def _speaker(raw: str) -> str:
    """The speaker's name out of 'Ana Ruiz, deputy director of X, told reporters'."""
    text = raw.strip().strip(",. ")
    text = re.split(r",\s+", text)[0]
    text = re.sub(r"(?<!\s)\s++(?:on|in|at|after|before|during|late|early)\s+.*$", "", text)  # blanks: see _patterns
    text = re.sub(r"^(?:and|but|yet|so)\s+", "", text, flags=re.IGNORECASE)
    text = re.sub(r"(?<!\s)\s++(?:declined|refused|would not|did not)(?:\s+to)?$", "", text)
    text = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.IGNORECASE)
    return text.strip()


def _quotation(sentence: str, piece: _Piece) -> _Piece | None:
    """A direct quotation with its speaker: '"...," said X.' or 'X said: "..."'."""
    pats = _patterns()
    text = piece.text(sentence)
    base = piece.start
    m = pats["quote_first"].match(text)
    if m and len(m.group("tail").split()) <= 30:  # a speaker, not a second sentence
        q0, q1 = m.span("q")
        return _Piece(base + q0, base + q1, attribution=_speaker(_tail_speaker(m.group("tail"))), quote=True)
    m = pats["quote_last"].match(text)
    if m and _SUBJECT_LIKE.match(m.group("who")):
        q0, q1 = m.span("q")
        return _Piece(base + q0, base + q1, attribution=_speaker(m.group("who")), quote=True)
    return None


def _attribute(sentence: str, piece: _Piece) -> list[_Piece]:
    """Peel attribution off a piece of a sentence ('..., X said', 'X said that ...')."""
    pats = _patterns()
    text = piece.text(sentence)
    base = piece.start
    out = piece
    m = pats["tail"].search(text)
    if m:
        who = m.group("who1") or m.group("who2") or m.group("who3")
        after = m.group("after") or ""
        if who and (m.group("who1") or _plausible_speaker(who)) and not has_verb(after):
            verb = (m.group("verb2") or "").lower()
            out = _Piece(base, base + m.start(), piece.prefix, _speaker(who), piece.quote,
                         piece.denied or verb in cues().denying, piece.confirmed or verb in cues().confirming)
            text = sentence[out.start:out.end]
    m = pats["according"].match(text)
    if m:
        return [_Piece(out.start + m.start("rest"), out.end, out.prefix, _speaker(m.group("who")), out.quote,
                       out.denied, out.confirmed)]
    m = pats["bare_verb"].match(text) if out.prefix and not out.attribution else None
    if m:
        verb = m.group("verb").lower()
        return [_Piece(out.start + m.start("rest"), out.end, "", _speaker(out.prefix), out.quote,
                       out.denied or verb in cues().denying, out.confirmed or verb in cues().confirming)]
    m = pats["lead"].match(text)
    if m and _plausible_speaker(m.group("who")) and len(m.group("who").split()) <= 24:
        verb = m.group("verb").lower()
        r0 = m.start("rest")
        rest = m.group("rest")
        out = _Piece(out.start + r0, out.end, "", out.attribution or _speaker(m.group("who")), out.quote,
                     out.denied or verb in cues().denying, out.confirmed or verb in cues().confirming)
    return [out]


_SPEAKER_NOUNS = re.compile(
    r"\b(?:official|officials|spokesman|spokeswoman|spokesperson|source|sources|statement|analyst|member|"
    r"representative|officer|executive|director|minister|ministry|office|police|witness|resident|expert|report)\b",
    re.IGNORECASE)


def _plausible_speaker(who: str) -> bool:
    """A subject that can say things: a name, an office, people; not 'a process' or a clause."""
    who = who.strip()
    if evidence_source(who):
        return True  # "court records show", "figures released on Monday show"
    if not _SUBJECT_LIKE.match(who):
        return False
    first = who.split(",")[0]
    if any(w.lower() in cues().auxiliaries for w in _TOKEN.findall(first)):
        return False
    if re.match(r"(?:a|an)\s", who, re.IGNORECASE) and not _SPEAKER_NOUNS.search(who):
        return False
    return True


def evidence_source(who: str) -> bool:
    """Records, documents, data or figures named as the source of a claim."""
    return any(w.lower() in lexicon.words("verbs", "evidence_nouns") for w in _TOKEN.findall(who)[:4])


def _tail_speaker(tail: str) -> str:
    rep = cues().reporting
    m = re.match(r"^(?:" + rep + r")\s+(?P<who>.+)$", tail)
    if m:
        return m.group("who")
    m = re.match(r"^(?P<who>.+?)\s+(?:" + rep + r")\b", tail)
    return m.group("who") if m else tail


# clause boundaries: (pattern, how). The match's span is dropped; "how" says
# what the right-hand side is. A leading run of blanks is matched only from its first blank
# ((?<!\s)): the same matches, but a long run of spaces is not rescanned from each of its
# positions (issue 10: quadratic otherwise).
_BOUNDARIES: list[tuple[re.Pattern[str] | None, str]] = [
    (re.compile(r";\s+"), "semicolon"),
    (re.compile(r",\s+(?:but|whereas|though|although|yet)\s+"), "clause"),
    (re.compile(r",?(?<!\s)\s+while\s+(?=\S+\s)"), "while"),
    # ", with X as chair": who holds the other post
    (re.compile(r",\s+(?=with\s+(?:[A-Z][\w'’-]*\s+){1,4}as\s)"), "phrase"),
    (re.compile(r",?(?<!\s)\s+despite\s+"), "phrase"),
    (re.compile(r",\s+subject\s+to\s+"), "condition"),
    (re.compile(r",\s+where\s+"), "clause"),
    (None, "participles"),  # ", killing 12", ", saying that": built from data/verbs.json
    (re.compile(r",?(?<!\s)\s+(?:if|unless)\s+"), "if"),
    (re.compile(r",?(?<!\s)\s+(?=(?:before|after)\s+\w+ing\b)"), "participle"),
    # ", two of them in a critical condition" / ", at an altitude of 4,000 metres": a figure of its own
    (re.compile(r",\s+(?=(?:\w+|\d+)\s+of\s+them\b)"), "participle"),
    (re.compile(r",\s+(?=(?:at|with)\s+(?:an?\s+|the\s+)?[^,;]*\d)"), "participle"),
    (re.compile(r",?(?<!\s)\s+and\s+(?=(?:that\s|then\s|also\s|is\s|are\s|was\s|were\s|has\s|have\s|had\s|will\s|would\s|could\s|can\s|may\s|must\s|should\s|did\s|does\s|\w+ing\s"
                r"|\w+ed\s+(?:by|in|on|at|to|the|a|an|from|with|for|after|over|its|their|his|her|more|about|up|out|down|\d)\b))"), "and-verb"),
    (re.compile(r",?(?<!\s)\s+and\s+(?=[a-z]+s\s)"), "and-present"),
    (re.compile(r",\s+and\s+"), "and"),
    (re.compile(r"(?<!\s)\s+and\s+(?=(?:dozens|hundreds|thousands|scores|more than|at least|about|some|\d)[^,]*?\b\w+ed\b)"), "and"),
    (re.compile(r",?(?<!\s)\s+(?:after|before)\s+(?!(?:it|they|this|these|he|she|being)\b)(?=(?:(?:the|a|an|its|their|his|her)\s+)?\w+(?:\s+\w+){0,5}\s+(?:was|were|had|\w+ed)\b)"), "clause"),
    (re.compile(r"(?<!\s)\s+when\s+(?!(?:it|they|this|these|ratified|approved|signed)\b)(?=(?:(?:the|a|an|its|their|his|her)\s+)?\w+(?:\s+\w+)?\s+\w+(?:ed|ped|gan|oke|ook|ept|ent)\b)"), "clause"),
    (re.compile(r"(?<!\s)\s+as\s+(?=(?:the|a|an)\s+[^,]{0,80}?\b(?:was|were|is|are|has|had)\s+\w+)"), "clause"),
    (re.compile(r",\s+as\s+(?=(?:it|they|he|she)\s)"), "clause"),
]
_RELATIVE = re.compile(r",\s+(?P<rel>(?:which|who)\s+[^,;]+?)(?:,\s+|(?=[.;]?$))")
_APPOSITIVE_REL = re.compile(r",\s+(?P<app>(?:a|an)\s+[^,;]{1,60}?\s+(?:that|which|who)\s+[^,;]+?)(?:,\s+|(?=[.!?]?$))")
_APPOSITIVE_NP = re.compile(r"(?<=[a-z]),\s+(?P<app>(?:a|an)\s+[^,;\"“”]{1,80}?)(?:,\s+(?=[a-z])|(?=[.!?]?$))")
_APPOSITIVE_PART = re.compile(r",\s+(?P<app>(?:\w+ly\s+)?\w+(?:ed|en)\s+(?:by|in|on)\s+[^,;]+?),\s+")
_LEADING_JUNK = re.compile(r"^(?:and|but|while|whereas|though|although|yet|that|which|who|where|when|as|despite|however|then|also|so)\b[\s,]*", re.IGNORECASE)
_TRAILING_PUNCT = re.compile(r"(?<![\s,;:.!?\"“”'])[\s,;:.!?\"“”']+$")  # from a run's start only: linear


def _subject_of(text: str) -> str:
    """Words before the first verb: the subject to carry into an elliptical clause."""
    words = list(_TOKEN.finditer(text))
    for m in words:
        if is_verb(m.group(0)):
            subject = text[:m.start()].strip(" ,")
            if 0 < len(subject.split()) <= 10:
                return subject
            return ""
    return ""


@lru_cache(maxsize=1)
def _reporting_next() -> re.Pattern[str]:
    return re.compile(r"(?:has\s+|have\s+)?(?:" + cues().reporting + r")\b")


def _split_relatives(sentence: str, piece: _Piece) -> list[_Piece]:
    """', which ...,' / ', who ...,' / ', a coalition that ...,' become claims of their own."""
    text = piece.text(sentence)
    out: list[_Piece] = []
    cuts: list[tuple[int, int, int, int]] = []  # (drop_start, drop_end, claim_start, claim_end)
    for pattern, group in ((_RELATIVE, "rel"), (_APPOSITIVE_REL, "app"), (_APPOSITIVE_PART, "app"),
                           (_APPOSITIVE_NP, "app")):
        for m in pattern.finditer(text):
            if any(not (m.end() <= a or m.start() >= b) for a, b, _, _ in cuts):
                continue
            if group == "rel" and not has_verb(m.group("rel")):
                continue
            if pattern is _APPOSITIVE_NP and has_verb(m.group("app")):
                continue  # ", a process officials hope to finish," is a clause, not a description
            if pattern is not _RELATIVE and _reporting_next().match(text, m.end()):
                continue  # "X, an economist at Y, said": who the speaker is belongs to the attribution
            cuts.append((m.start(), m.end(), m.start(group), m.end(group)))
    if not cuts:
        return [piece]
    cuts.sort()
    main_parts: list[tuple[int, int]] = []
    cursor = 0
    for drop_start, drop_end, c0, c1 in cuts:
        antecedent = _antecedent(text[:drop_start])
        rel_text = text[c0:c1]
        word = rel_text.split()[0].lower()
        prefix = antecedent if word in ("which", "who") else (antecedent + " is" if antecedent else "")
        before = text[:drop_start].rstrip()
        anchor = piece.start + len(before) - len(antecedent) if antecedent and before.endswith(antecedent) else None
        out.append(_Piece(piece.start + c0, piece.start + c1, prefix, piece.attribution, piece.quote, anchor=anchor))
        main_parts.append((cursor, drop_start))
        cursor = drop_end
    main_parts.append((cursor, len(text)))
    # the main clause spans its parts; what was cut out of it is blanked in its view
    main_parts = [(a, b) for a, b in main_parts if text[a:b].strip()]
    if main_parts:
        view = list(sentence)
        for drop_start, drop_end, _, _ in cuts:
            for i in range(piece.start + drop_start, piece.start + drop_end):
                view[i] = " "
        out.insert(0, _Piece(piece.start + main_parts[0][0], piece.start + main_parts[-1][1], "",
                             piece.attribution, piece.quote, piece.denied, piece.confirmed, "".join(view)))
    return out


def _antecedent(text: str) -> str:
    """The noun phrase right before a relative clause (last comma-free stretch)."""
    tail = re.split(r"[,;]\s+", text)[-1].strip()
    words = tail.split()
    reporting = re.compile(r"(?:" + cues().reporting + r")$")
    cut = 0
    for i, word in enumerate(words):
        lower = word.lower()
        if i > 0 and (is_verb(word) or reporting.match(word) or lower in _NP_BREAKS):
            cut = i + 1  # the noun phrase starts after the last verb or clause-level preposition
    while cut < len(words) and (words[cut].lower().endswith("ed") or words[cut].lower() in cues().irregular_past):
        cut += 1  # "has proposed a ban": the participle belongs to the verb
    return " ".join(words[cut:]) if cut < len(words) else tail


# prepositions that end a clause's run-up to a noun phrase (not "of", "on", "in": they stay inside it)
_NP_BREAKS = frozenset({"after", "before", "by", "from", "to", "with", "for", "than", "until", "since", "effect",
                        "only"})


@lru_cache(maxsize=1)
def _boundaries() -> list[tuple[re.Pattern[str], str]]:
    """The clause boundaries, with participles from data/verbs.json (", killing 12", ", saying that")."""
    verbs = lexicon.load("verbs")
    participles = _alternation(verbs["clause_participles"] + verbs["reporting_participles"])
    participle = re.compile(r",\s+(?=(?:" + participles + r")\b)")
    return [(participle, "participle") if pattern is None else (pattern, how) for pattern, how in _BOUNDARIES]


def _split_clauses(sentence: str, piece: _Piece) -> list[_Piece]:
    text = piece.text(sentence)
    for pattern, how in _boundaries():
        for m in pattern.finditer(text):
            left, right = text[:m.start()], text[m.end():]
            if not left.strip() or not right.strip():
                continue
            if any(ch in left for ch in _QUOTE_OPEN) and left.count('"') % 2 == 1:
                continue  # inside a quotation
            if how in ("and", "clause", "while", "if") and not (has_verb(right) and has_verb(left)):
                continue
            if how == "while" and re.match(r"\w+ing\b", right):
                continue
            if how == "and-verb" and not (has_verb(left) or re.match(r"\w+ing\b", left)):
                continue
            if how == "and-present" and not (has_verb(left) and right.split()[0] in cues().present_verbs):
                continue  # "and employs 140 people" is a clause; "and states" is not
            left_piece = _Piece(piece.start, piece.start + m.start(), piece.prefix, piece.attribution,
                                piece.quote, piece.denied, piece.confirmed,
                                condition=right.strip(" .") if how == "if" else piece.condition)
            prefix = ""
            if (how in ("and-verb", "and-present") and not right.startswith("that ")) \
                    or (how == "clause" and _starts_with_verb(right)):
                prefix = _subject_of((piece.prefix + " " + left).strip())
            right_piece = _Piece(piece.start + m.end(), piece.end, prefix, piece.attribution, piece.quote,
                                 piece.denied and how == "and-verb", piece.confirmed and how == "and-verb")
            if how == "condition":
                right_piece.prefix = "subject to"
            return _split_clauses(sentence, left_piece) + _split_clauses(sentence, right_piece)
    return [piece]


@lru_cache(maxsize=1)
def _saying() -> re.Pattern[str]:
    return re.compile(r"(?:" + _alternation(lexicon.load("verbs")["reporting_participles"]) + r")\s+(?:that\s+)?")


def split_sentence(sentence: str) -> list[_Piece]:
    """Cut one sentence into atomic pieces, attribution peeled off."""
    whole = _Piece(0, len(sentence.rstrip()))
    quoted = _quotation(sentence, whole)
    if quoted is not None:
        pieces = [quoted]
    else:
        pieces = []
        for rel in _split_relatives(sentence, whole):
            view = rel.view or sentence
            found: list[_Piece] = []
            for attributed in _attribute(view, rel):
                if attributed.quote and _quotation(view, attributed) is not None:
                    found.append(attributed)
                    continue
                for clause in _split_clauses(view, attributed):
                    found.extend(_attribute(view, clause) if clause is not attributed else [clause])
            for piece in found:
                piece.view = view
            pieces.extend(found)
    previous: _Piece | None = None
    for piece in pieces:
        piece.view = piece.view or sentence
        lead = _saying().match(piece.view, piece.start)
        if lead and previous is not None and previous.attribution:
            # ", the ministry said, adding that 12 were children": the same speaker
            piece.start, piece.attribution = lead.end(), previous.attribution
        if any(ch in piece.view[piece.start:piece.end] for ch in _QUOTE_OPEN):
            piece.quote = True  # an opinion in the speaker's words
        previous = piece
    out = [p for p in (_trim(p.view, p) for p in pieces) if p is not None]
    return out + _based_in(sentence)


# words capped at 40 characters: "A.B.C.D..." cannot make each start scan to the end (issue 10)
_BASED = re.compile(r"\b(?P<place>(?!(?:The|A|An)\s)[A-Z][\w.'’]{0,40}(?:\s[A-Z][\w.'’]{0,40})?)-based\s+"
                    r"(?P<who>[A-Z][\w&'’-]*(?:\s(?:(?:of|for|and|de|du|la)\s)?[A-Z][\w&'’-]*){0,5})")


def _based_in(sentence: str) -> list[_Piece]:
    """'the Lyon-based Acme Group' states a fact of its own: Acme Group is based in Lyon."""
    found = []
    for m in (_BASED.finditer(sentence) if "-based" in sentence else ()):  # the literal first: "A.B.C..." is slow
        who = m.group("who").strip(" .,;:")
        if who.split()[0] in ("The", "A", "An") or not places.find_places(f"in {m.group('place')}"):
            continue
        found.append(_Piece(m.start("place"), m.end("place"), f"{who} is based in", view=sentence,
                            anchor=m.start()))
    return found


def _trim(sentence: str, piece: _Piece) -> _Piece | None:
    text = sentence[piece.start:piece.end]
    lead = _LEADING_JUNK.match(text)
    start = piece.start + (lead.end() if lead else 0)
    while start < piece.end and sentence[start] in " ,;:":
        start += 1
    trail = _TRAILING_PUNCT.search(sentence[start:piece.end])
    end = start + trail.start() if trail else piece.end
    # keep a closing quote that belongs to a quotation inside the clause
    if end < piece.end and sentence[end] in _QUOTE_CLOSE and sentence[start:end].count('"') % 2 == 1:
        end += 1
    if len(_TOKEN.findall(sentence[start:end])) < 2:
        return None
    piece.start, piece.end = start, end
    return piece


# ---------------------------------------------------------------------------
# slots


def tense_of(text: str) -> str | None:
    c = cues()
    if c.future.search(text):
        return "future"
    # news reports what happened: without a future marker, "cut ... on Monday" is past
    return "past"


def status_of(text: str, piece: _Piece) -> tuple[str | None, str | None]:
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


def negated_events(text: str, piece: _Piece) -> tuple[str, ...]:
    """Event concepts under a negation ("will not attend", "without disclosing").

    A negation scopes over the next few words only, so "not yet released the
    names, while X will sign" negates the release and not the signing. A denial
    ("X denied that ...") negates every event of the clause; a negated denial
    cancels out.
    """
    vocab = terms.vocabulary()
    negated: set[str] = set()
    for cue in _negations(text):
        if re.search(r"\buntil\b", text[cue.end():]):
            continue  # "will not launch until Sunday" says when, not whether
        window = " ".join(text[cue.end():].split()[:5])
        negated.update(terms.events(terms.terms(window)))
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
    return [m for m in found if not any(a <= m.start() < b for a, b in spans)]


def polarity_of(text: str, piece: _Piece) -> bool:
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
    # a "sentence" longer than any a newsroom writes is not parsed: the parse and the frames
    # grow faster than linearly with one sentence's length, and a hostile file must not hang CI
    parsed = iter(parse.parse(s.text for s in body if len(s.text) <= parse.MAX_SENTENCE_CHARS))
    for plain in body:
        found = frames_mod.frames(next(parsed), entities) if len(plain.text) <= parse.MAX_SENTENCE_CHARS else []
        for piece in split_sentence(plain.text):
            claim = _claim(source, plain, piece, context, seen)
            claims.append(with_frame(claim, found, plain.start))
    return claims


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
    # the parse sees conditions the cue lists miss ("will enter into force once 20 countries ratify it")
    condition = frames_mod.condition_of(best) if claim.status in (None, "scheduled", "expected") else None
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
                            # "patients from the crash", "since the collision": the event named as a time or source
                            r"|\b(?:from|after|since|following|before)\s+(?:the|a|an|its|their|this)\s+\w+\b")


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


def _claim(source: Source, sentence: Sentence, piece: _Piece, context: tuple[str, ...], seen: dict[str, int]) -> Claim:
    raw = (piece.view or sentence.text)[piece.start:piece.end]
    base = f"{piece.prefix} {raw}" if piece.prefix else raw
    text = " ".join(base.split())
    tense = tense_of(raw)
    status, condition = status_of(text, piece)
    times = when.find_times(raw, published=source.published, tense=tense,
                            zone=zones.offset_string(source.published_at) if source.published_at else None)
    numbers = quantities.find_quantities(raw)
    shift = len(base) - len(raw)
    named_places = places.find_places(base, context)  # the prefix may hold the preposition ("is based in")
    found_terms = terms.terms(_blank_slots(_blank_slots(base, shift, times, numbers), 0, named_places))
    return Claim(
        id=claim_id(source.id, text, seen),
        source=source.id,
        start=sentence.start + (piece.anchor if piece.anchor is not None else piece.start),
        end=sentence.start + piece.end,
        text=text,
        sentence_start=sentence.start,
        sentence_end=sentence.end,
        attribution=piece.attribution,
        quote=piece.quote,
        when=tuple(times),
        where=tuple(p.name for p in named_places if p.relation == "in"),
        quantities=tuple(numbers),
        status=status,
        condition=condition,
        polarity=polarity_of(text, piece),
        negated=negated_events(text, piece),
        predicate=",".join(sorted(terms.events(terms.terms(_NOT_PREDICATE.sub(" ", _RESTRICTIVE.sub("", text)))))) or None,
        people=people(text),
        keywords=found_terms,
        said_on=said_on(sentence.text, piece, source),
    )


# how far past the speaker's name the time of saying may stand ("X told reporters on Monday")
SAID_WINDOW = 40


def said_on(sentence: str, piece: _Piece, source: Source) -> tuple[TimeMention, ...]:
    """When the attribution says it was said: "the ministry said on Sunday", '"...!" X told
    reporters on Monday'. Times inside the claim itself are its own, never the saying's.

    >>> [m.text for m in said_on("Rates will fall, the bank said on Monday.", _Piece(0, 15, attribution="bank"),
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

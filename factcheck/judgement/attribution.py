"""Sentences -> pieces: one checkable fact each, with who said it.

A news sentence often packs several checkable facts ("X will sign on
Saturday despite opposition from Y, which fears Z"), plus who said it. The
splitter cuts at clause boundaries that carry a fact of their own
(semicolons, coordinated clauses, despite/while/where/when clauses,
non-restrictive relative clauses, appositions, participle clauses) and keeps
attribution (speaker, quotation, denial or confirmation) as fields of the
piece, so that matching compares one fact with one fact. `claims` turns
each piece into a claim with its slots.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import lexicon
from ..slots import places
from .verbs import TOKEN, alternation, cues, has_verb, is_verb


def _starts_with_verb(text: str) -> bool:
    first = TOKEN.match(text.strip())
    if not first:
        return False
    word = first.group(0).lower()
    return is_verb(word) or word.endswith("ing") or word in ("also", "still", "then", "later")


# ---------------------------------------------------------------------------
# pieces of a sentence


@dataclass
class Piece:
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
    # where the claim's words start when they keep a denial or confirmation before the reported
    # span ("The hospital denied that ..."): shown to the reader, not read as the claim's content
    lead: int | None = None

    def text(self, sentence: str) -> str:
        return sentence[self.start:self.end]


_QUOTE_OPEN = "\"“"
_QUOTE_CLOSE = "\"”"


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    rep = cues().reporting + "|" + alternation(cues().denying | cues().confirming)
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
            r"^(?:(?:" + alternation(lexicon.load("verbs")["sentence_adverbs"]) + r"),\s++)?(?P<who>" + who + r"(?:,\s++[^,;\"“”]{2,100},)?)(?<!\s)\s++(?:has\s++|have\s++|had\s++)?"
            r"(?P<verb>told\s+(?:reporters|journalists|a\s+\w+(?:\s+\w+)?|the\s+\w+|this\s+\w+)"
            r"(?:\s+(?:in|at|on)\s+[^,]{1,40}?)?|" + rep + r")"
            r"(?:\s+(?:on|last|this|late\s+on|early\s+on)\s+[A-Z]\w+day)?"
            r",?\s+(?:that\s+)?(?P<rest>.+)$"),
        # According to X, ...
        "according": re.compile(r"^[Aa]ccording\s+to\s+(?P<who>[^,]{2,100}),\s+(?P<rest>.+)$"),
        # (prefix carried from a relative clause) said ...
        "bare_verb": re.compile(
            r"^(?:has\s+|have\s+)?(?P<verb>" + rep + r")(?:\s+(?:on|last|this)\s+[A-Z]\w+day)?,?\s+(?:that\s+)?(?P<rest>.+)$"),
        # ..., X said (on Monday).  /  ..., according to X.  /  ..., said X.  /  ..., X said, without ...
        "tail": re.compile(
            r",\s++(?:according\s++to\s++(?P<who1>[^,]{2,120}(?:,[^,]{1,80})?)"
            r"|(?P<who2>[^,\"“”]{2,100}?(?:,\s++[^,\"“”]{2,100},)?)(?<!\s)\s++(?:has\s++|have\s++|had\s++)?(?P<verb2>" + rep + r")\b(?P<after>[^,\"“”]{0,80})(?:,\s++without\s[^,\"“”]{1,60})?"
            r"|(?:" + rep + r")\s++(?P<who3>[^,]{2,100}(?:,[^,]{1,100})?))(?<!\s)\s*+[.!?]?$"),
    }


_SUBJECT_LIKE = re.compile(r"^(?:[A-Z]|the\b|a\b|an\b|some\b|many\b|most\b|several\b|critics\b|officials\b|police\b|analysts\b|survivors\b|investigators\b|activists\b|residents\b|witnesses\b|experts\b|workers\b)", re.IGNORECASE)


_NAME = re.compile(r"(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*")


def _speaker(raw: str) -> str:
    """The speaker's name out of 'Ana Ruiz, deputy director of X, told reporters'."""
    text = raw.strip().strip(",. ")
    parts = re.split(r",\s+", text)
    text = parts[0]
    if len(parts) > 1 and text.split() and not text.split()[-1][:1].isupper() and _NAME.fullmatch(parts[1]):
        text = f"{text} {parts[1]}"  # "His lawyer, Fiona Redpath, said": the description and the name
    text = re.sub(r"(?<!\s)\s++(?:on|in|at|after|before|during|late|early)\s+.*$", "", text)  # blanks: see _patterns
    text = re.sub(r"^(?:and|but|yet|so)\s+", "", text, flags=re.IGNORECASE)
    text = re.sub(r"(?<!\s)\s++(?:declined|refused|would not|did not)(?:\s+to)?$", "", text)
    text = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.IGNORECASE)
    return text.strip()


def _quotation(sentence: str, piece: Piece) -> Piece | None:
    """A direct quotation with its speaker: '"...," said X.' or 'X said: "..."'."""
    pats = _patterns()
    text = piece.text(sentence)
    base = piece.start
    m = pats["quote_first"].match(text)
    if m and len(m.group("tail").split()) <= 30:  # a speaker, not a second sentence
        q0, q1 = m.span("q")
        return Piece(base + q0, base + q1, attribution=_speaker(_tail_speaker(m.group("tail"))), quote=True)
    m = pats["quote_last"].match(text)
    if m and _SUBJECT_LIKE.match(m.group("who")):
        q0, q1 = m.span("q")
        return Piece(base + q0, base + q1, attribution=_speaker(m.group("who")), quote=True)
    return None


def _attribute(sentence: str, piece: Piece) -> list[Piece]:
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
            out = Piece(base, base + m.start(), piece.prefix, _speaker(who), piece.quote,
                         piece.denied or verb in cues().denying, piece.confirmed or verb in cues().confirming)
            text = sentence[out.start:out.end]
    m = pats["according"].match(text)
    if m:
        return [Piece(out.start + m.start("rest"), out.end, out.prefix, _speaker(m.group("who")), out.quote,
                       out.denied, out.confirmed)]
    m = pats["bare_verb"].match(text) if out.prefix and not out.attribution else None
    if m:
        verb = m.group("verb").lower()
        return [Piece(out.start + m.start("rest"), out.end, "", _speaker(out.prefix), out.quote,
                       out.denied or verb in cues().denying, out.confirmed or verb in cues().confirming)]
    m = pats["lead"].match(text)
    if m and _plausible_speaker(m.group("who")) and len(m.group("who").split()) <= 24 \
            and not _object_of_deed(m.group("rest"), m.group("verb")):
        verb = m.group("verb").lower()
        r0 = m.start("rest")
        rest = m.group("rest")
        lead = None
        if verb in cues().denying or verb in cues().confirming or verb in lexicon.words("verbs", "announcing"):
            # "X denied that ...", "X announced on Thursday that ...": the verb (and the day of an
            # announcement, an act done once) decides the claim: it stays in its words
            lead = out.start
            content = _reported_content().match(rest)  # "denied reports that X": X is what is denied
            if content:
                r0, rest = r0 + content.end(), rest[content.end():]
        out = Piece(out.start + r0, out.end, "", out.attribution or _speaker(m.group("who")), out.quote,
                     out.denied or verb in cues().denying, out.confirmed or verb in cues().confirming,
                     lead=lead if lead is not None and not out.prefix else None)
    return [out]


@lru_cache(maxsize=1)
def _reported_content() -> re.Pattern[str]:
    nouns = alternation(lexicon.load("verbs")["reported_content_nouns"])
    return re.compile(r"(?:(?:the|these|those)\s+)?(?:" + nouns + r")\s+that\s+", re.IGNORECASE)


# "X announced the recall at a news conference", "X confirmed the result shortly after the game
# ended", "the flood has claimed no lives": the verb takes a thing as its object, it reports no clause;
# the claim keeps its subject
_DIRECT_OBJECT = re.compile(r"(?:the|a|an|no|its|his|her|their)\s+(?P<np>.*?)"
                            r"(?=\s+(?:after|before|when|as|while|because|since|until|once|if)\b|$)", re.IGNORECASE)


def _object_of_deed(rest: str, verb: str) -> bool:
    """The reporting verb's object is a noun phrase ("announced the recall at a news conference"),
    not a clause: no verb before the first subordinate clause."""
    m = _DIRECT_OBJECT.match(rest)
    return m is not None and not verb.lower().startswith("told") and not has_verb(m.group("np"))


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
    if any(w.lower() in cues().auxiliaries for w in TOKEN.findall(first)):
        return False
    if re.match(r"(?:a|an)\s", who, re.IGNORECASE) and not _SPEAKER_NOUNS.search(who):
        return False
    return True


def evidence_source(who: str) -> bool:
    """Records, documents, data or figures named as the source of a claim."""
    return any(w.lower() in lexicon.words("verbs", "evidence_nouns") for w in TOKEN.findall(who)[:4])


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
BOUNDARIES: list[tuple[re.Pattern[str] | None, str]] = [
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
TRAILING_PUNCT = re.compile(r"(?<![\s,;:.!?\"“”'])[\s,;:.!?\"“”']+$")  # from a run's start only: linear


def _subject_of(text: str) -> str:
    """Words before the first verb: the subject to carry into an elliptical clause."""
    words = list(TOKEN.finditer(text))
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


def _split_relatives(sentence: str, piece: Piece) -> list[Piece]:
    """', which ...,' / ', who ...,' / ', a coalition that ...,' become claims of their own."""
    text = piece.text(sentence)
    out: list[Piece] = []
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
        out.append(Piece(piece.start + c0, piece.start + c1, prefix, piece.attribution, piece.quote, anchor=anchor))
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
        out.insert(0, Piece(piece.start + main_parts[0][0], piece.start + main_parts[-1][1], "",
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
    participles = alternation(verbs["clause_participles"] + verbs["reporting_participles"])
    participle = re.compile(r",\s+(?=(?:" + participles + r")\b)")
    return [(participle, "participle") if pattern is None else (pattern, how) for pattern, how in BOUNDARIES]


def _split_clauses(sentence: str, piece: Piece) -> list[Piece]:
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
            left_piece = Piece(piece.start, piece.start + m.start(), piece.prefix, piece.attribution,
                                piece.quote, piece.denied, piece.confirmed,
                                condition=right.strip(" .") if how == "if" else piece.condition, lead=piece.lead)
            prefix = ""
            if (how in ("and-verb", "and-present") and not right.startswith("that ")) \
                    or (how == "clause" and _starts_with_verb(right)):
                prefix = _subject_of((piece.prefix + " " + left).strip())
            right_piece = Piece(piece.start + m.end(), piece.end, prefix, piece.attribution, piece.quote,
                                 piece.denied and how == "and-verb", piece.confirmed and how == "and-verb")
            if how == "condition":
                right_piece.prefix = "subject to"
            return _split_clauses(sentence, left_piece) + _split_clauses(sentence, right_piece)
    return [piece]


@lru_cache(maxsize=1)
def _saying() -> re.Pattern[str]:
    return re.compile(r"(?:" + alternation(lexicon.load("verbs")["reporting_participles"]) + r")\s+(?:that\s+)?")


def split_sentence(sentence: str) -> list[Piece]:
    """Cut one sentence into atomic pieces, attribution peeled off."""
    whole = Piece(0, len(sentence.rstrip()))
    quoted = _quotation(sentence, whole)
    if quoted is not None:
        pieces = [quoted]
    else:
        pieces = []
        for rel in _split_relatives(sentence, whole):
            view = rel.view or sentence
            found: list[Piece] = []
            for attributed in _attribute(view, rel):
                if attributed.quote and _quotation(view, attributed) is not None:
                    found.append(attributed)
                    continue
                for clause in _split_clauses(view, attributed):
                    found.extend(_attribute(view, clause) if clause is not attributed else [clause])
            for piece in found:
                piece.view = view
            pieces.extend(found)
    previous: Piece | None = None
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
BASED = re.compile(r"\b(?P<place>(?!(?:The|A|An)\s)[A-Z][\w.'’]{0,40}(?:\s[A-Z][\w.'’]{0,40})?)-based\s+"
                    r"(?P<who>[A-Z][\w&'’-]*(?:\s(?:(?:of|for|and|de|du|la)\s)?[A-Z][\w&'’-]*){0,5})")


def _based_in(sentence: str) -> list[Piece]:
    """'the Lyon-based Acme Group' states a fact of its own: Acme Group is based in Lyon."""
    found = []
    for m in (BASED.finditer(sentence) if "-based" in sentence else ()):  # the literal first: "A.B.C..." is slow
        who = m.group("who").strip(" .,;:")
        if who.split()[0] in ("The", "A", "An") or not places.find_places(f"in {m.group('place')}"):
            continue
        found.append(Piece(m.start("place"), m.end("place"), f"{who} is based in", view=sentence,
                            anchor=m.start()))
    return found


def _trim(sentence: str, piece: Piece) -> Piece | None:
    text = sentence[piece.start:piece.end]
    lead = _LEADING_JUNK.match(text)
    start = piece.start + (lead.end() if lead else 0)
    while start < piece.end and sentence[start] in " ,;:":
        start += 1
    trail = TRAILING_PUNCT.search(sentence[start:piece.end])
    end = start + trail.start() if trail else piece.end
    # keep a closing quote that belongs to a quotation inside the clause
    if end < piece.end and sentence[end] in _QUOTE_CLOSE and sentence[start:end].count('"') % 2 == 1:
        end += 1
    if len(TOKEN.findall(sentence[start:end])) < 2:
        return None
    piece.start, piece.end = start, end
    return piece

"""Stage 2: split a source's text into sentences with exact character offsets.

A small rule set instead of a library (see DESIGN.md, "Sentences"): every
library tried glued headlines and datelines onto the next sentence, mis-split
titles, "No. 10" or `?" he asked`, or was far too slow. The rules:

* a line break (``\\n``, ``\\r\\n``, ``\\r``) is a hard break, and so is the edge
  of a meta span (front matter, dateline prefix): no sentence crosses either;
* except inside a hard-wrapped paragraph: a single line break after a line
  without final punctuation, before a line that starts in lower case (or
  after a line that ends in a comma or a word no sentence ends with, such as
  "the" or "of"), is a space; a blank line, a heading or boilerplate line and
  a capitalised line after a headline stay breaks;
* within a line, a sentence ends after ``.``/``!``/``?``/``...`` (plus any
  closing quotes or brackets) followed by whitespace and an uppercase letter,
  a digit or an opening quote/bracket;
* but not after a quotation ending in ``!``/``?`` whose speaker follows
  (``"Is it safe?" Mayor Jo Lind asked.``: a verb of factcheck/data/speech.json
  within a few words), nor after "no." or "Nos." before a digit ("Platform
  no. 7");
* except after abbreviations (factcheck/data/abbreviations.json), where the
  sentence goes on, or ends only before a typical sentence starter ("The",
  "It", ...) for abbreviations that often close a sentence ("U.S.", "Inc.",
  "a.m."); unlisted acronyms, single initials and ellipses follow that rule;
* whole lines are classified: BOILERPLATE (factcheck/data/boilerplate.json),
  HEADING (markdown ``#``, all-capital subheadings, headlines: short lines
  without final punctuation that open the text or precede a full sentence),
  otherwise BODY. Heading and boilerplate lines are one sentence each.

Offsets are Python ``str`` indices into the text; sentences are stripped of
surrounding whitespace, so ``text[s.start:s.end] == s.text`` always holds.
A sentence holds a line break only inside a hard-wrapped paragraph.

Example:
    >>> [s.text for s in split_sentences('"Is it safe?" Mayor Jo Lind asked. Nobody knew.')]
    ['"Is it safe?" Mayor Jo Lind asked.', 'Nobody knew.']
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator, Sequence

from .. import lexicon
from ..errors import DataFileError
from ..records import Sentence, SentenceKind, Source

__all__ = ["segment", "split_sentences", "HEADLINE_MAX_WORDS"]

HEADLINE_MAX_WORDS = 20
_SUFFIX_WINDOW = 80  # boilerplate line endings are looked for in this many last characters
_MAX_TOKEN = 40      # longer tokens are never abbreviations

_TERMINALS = ".!?\u2026"
_CLOSERS = "\"'\u201d\u2019)]}\u00bb\u203a"
_OPENERS = "\"'\u201c\u2018([{\u00ab\u2039"

# A line, from its first to its last non-space character. \u2028/\u2029 are
# line separators too; \x85 is not (in mis-decoded cp1252 text it is "...").
_TRIMMED = re.compile(r"[^\s](?:[^\n\r\u2028\u2029]*[^\s])?")
# A possible boundary: terminal punctuation, closing quotes/brackets, spaces.
# Only at the start of a punctuation run, possessive: a long run of dots or
# quotes must cost linear time, not quadratic backtracking.
_CANDIDATE = re.compile(
    r"(?<![.!?\u2026])([.!?\u2026]++)([\"'\u201d\u2019)\]}\u00bb\u203a]*+)\s++"
)
_NEXT_WORD = re.compile(r"[\"'\u201c\u2018(\[{\u00ab\u2039]*([^\W\d_]+)")
_ACRONYM = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]\Z")
_MARKDOWN_HEADING = re.compile(r"#{1,6}(?:\s|\Z)")
_QUOTE_CLOSERS = frozenset("\"'\u201d\u2019\u00bb\u203a")
_LAST_WORD = re.compile(r"([^\W\d_]+)[^\w]*\Z")
# What no sentence ends with: a line ending in one of these goes on on the next line.
_OPEN_END_PUNCT = ",;\u2013\u2014-/&("

# What to do after a period that follows an abbreviation.
_NEVER = 0       # the sentence goes on
_STARTER = 1     # ends only before a sentence starter
_ALWAYS = 2      # an ordinary boundary


@dataclass(frozen=True)
class _Rules:
    """Compiled data files; built once, on first use."""

    abbreviations: dict[str, int]   # token without its final period -> action
    starters: frozenset[str]        # lower-cased sentence starters
    boilerplate: re.Pattern[str]    # matched at the line start
    boilerplate_end: re.Pattern[str]  # searched in the line's last characters
    before_number: frozenset[str]   # token stems that never end a sentence before a digit
    speaker: re.Pattern[str]        # a speaker and a verb of speaking after a quotation
    open_ends: frozenset[str]       # lower-cased words no sentence ends with


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = lexicon.load("abbreviations")
    abbreviations: dict[str, int] = {}
    for key, action in (("never_split", _NEVER), ("before_starter", _STARTER), ("sentence_final", _ALWAYS)):
        for entry in data.get(key, []):
            if not entry.endswith("."):
                raise DataFileError("abbreviations", f"{key}: {entry!r} must end with '.'")
            stem = entry[:-1]
            abbreviations[stem] = action
            if stem.islower():
                abbreviations.setdefault(stem[0].upper() + stem[1:], action)
    starters = frozenset(s.lower() for s in data.get("sentence_starters", []))
    before_number: set[str] = set()
    for entry in data.get("before_number", []):
        if not entry.endswith("."):
            raise DataFileError("abbreviations", f"before_number: {entry!r} must end with '.'")
        stem = entry[:-1]
        before_number.update((stem, stem[0].upper() + stem[1:]) if stem.islower() else (stem,))
    boilerplate = lexicon.load("boilerplate")
    speech = lexicon.load("speech")
    return _Rules(abbreviations, starters, _compile_boilerplate(boilerplate), _compile_suffixes(boilerplate),
                  frozenset(before_number), _compile_speaker(speech), _open_ends(data))


def _compile_speaker(data: dict) -> re.Pattern[str]:
    """One to N words (the speaker: "Mayor Jo Lind", "The officer", "He") then a verb of speaking."""
    verbs = "|".join(re.escape(v) for v in sorted(data.get("verbs", []), key=len, reverse=True))
    if not verbs:
        return re.compile(r"(?!)")
    n = int(data.get("max_speaker_words", 6))
    return re.compile(rf"[^\W\d_][\w.'\u2019\-]*+(?:[ \t]++[^\W\d_][\w.'\u2019\-]*+){{0,{n - 1}}}[ \t]++(?:{verbs})(?![\w])")


def _open_ends(data: dict) -> frozenset[str]:
    """Words no sentence ends with, for hard-wrapped lines (abbreviations.json 'open_ends').

    A line's last word is compared as written: "Plan A" does not end in the article "a".
    """
    return frozenset(w.lower() for w in data.get("open_ends", []))


def _prefix_regex(entry: str) -> str:
    """Turn "Also Read:" into also\\s+read\\s*: (spacing-tolerant); without ':' end at a word boundary."""
    colon = entry.endswith(":")
    words = entry.rstrip(":").split()
    body = r"\s+".join(re.escape(w) for w in words)
    return body + (r"\s*:" if colon else r"(?!\w)")


def _compile_boilerplate(data: dict) -> re.Pattern[str]:
    parts = [_prefix_regex(e) for e in data.get("prefixes", [])]
    lines = [r"\s+".join(re.escape(w) for w in e.split()) for e in data.get("lines", [])]
    if lines:
        parts.append("(?:" + "|".join(lines) + r")[\s.:!\-\u2013\u2014]*\Z")
    for pattern in data.get("patterns", {}):
        try:
            re.compile(pattern)
        except re.error as exc:
            raise DataFileError("boilerplate", f"bad pattern {pattern!r}: {exc}") from None
        parts.append("(?:" + pattern + ")")
    # $ in the data files' patterns matches at the end of the line: match() gets endpos.
    return re.compile("|".join(parts) or r"(?!)", re.IGNORECASE)


def _compile_suffixes(data: dict) -> re.Pattern[str]:
    """Line endings ("... All rights reserved."): searched in the tail only, as a
    leading .* would cost a scan of every long body line."""
    suffixes = [r"\s+".join(re.escape(w) for w in e.split()) for e in data.get("suffixes", [])]
    if not suffixes:
        return re.compile(r"(?!)")
    return re.compile(r"(?<!\w)(?:" + "|".join(suffixes) + r")[\W_]*\Z", re.IGNORECASE)


def segment(source: Source) -> list[Sentence]:
    """Sentences of a source, skipping its meta spans."""
    return split_sentences(source.text, source_id=source.id, meta_spans=source.meta_spans)


def split_sentences(
    text: str, *, source_id: str = "", meta_spans: Iterable[tuple[int, int]] = ()
) -> list[Sentence]:
    """Split `text` into BODY / HEADING / BOILERPLATE sentences, offsets into `text`."""
    rules = _rules()
    spans = _merge_spans(meta_spans, len(text))
    units = _unwrap(text, list(_units(text, spans)), spans, rules)
    out: list[Sentence] = []
    seen_body = False
    last = len(units) - 1
    for i, (a, b) in enumerate(units):
        kind = _line_kind(text, a, b, rules, not seen_body, units[i + 1] if i < last else None)
        if kind is SentenceKind.BODY:
            seen_body = True
            _split_line(text, a, b, rules, source_id, out)
        else:
            out.append(Sentence(source_id, a, b, text[a:b], kind))
    return out


def _merge_spans(spans: Iterable[tuple[int, int]], n: int) -> list[tuple[int, int]]:
    """Clamp, sort and merge meta spans; empty or inverted spans are dropped."""
    clean = sorted((max(0, int(s)), min(n, int(e))) for s, e in spans)
    merged: list[tuple[int, int]] = []
    for s, e in clean:
        if e <= s:
            continue
        if merged and s <= merged[-1][1]:
            if e > merged[-1][1]:
                merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def _units(text: str, spans: Sequence[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Trimmed (start, end) of every line, cut at meta spans, which are dropped."""
    if not spans:
        for m in _TRIMMED.finditer(text):
            yield m.span()
        return
    j = 0
    for m in _TRIMMED.finditer(text):
        a, b = m.span()
        while j < len(spans) and spans[j][1] <= a:
            j += 1
        if j == len(spans) or spans[j][0] >= b:
            yield a, b
            continue
        cur, k = a, j
        while k < len(spans) and spans[k][0] < b:
            if spans[k][0] > cur:
                t = _TRIMMED.search(text, cur, spans[k][0])
                if t:
                    yield t.start(), t.end()
            cur = max(cur, spans[k][1])
            k += 1
        if cur < b:
            t = _TRIMMED.search(text, cur, b)
            if t:
                yield t.start(), t.end()


_BREAKS = ("\r\n", "\n", "\r", "\u2028", "\u2029")


def _single_break(gap: str) -> bool:
    """Is the whitespace between two lines exactly one line break?"""
    n = 0
    for br in _BREAKS:
        n += gap.count(br)
        gap = gap.replace(br, "")
    return n == 1


def _unwrap(
    text: str, units: list[tuple[int, int]], spans: Sequence[tuple[int, int]], rules: _Rules
) -> list[tuple[int, int]]:
    """Join the lines of hard-wrapped paragraphs into one unit each.

    Most sources hold one paragraph per line, so a line break stays a break
    unless the wrap is plain: one line break, no meta span between, the first
    line has no final punctuation and is no heading or boilerplate, and the
    next line starts in lower case, or the first ends in a comma or a word no
    sentence ends with ("of", "the"; abbreviations.json 'open_ends').

    >>> _unwrap("The council said the\\nbridge was safe.", [(0, 20), (21, 37)], [], _rules())
    [(0, 37)]
    """
    out: list[tuple[int, int]] = []
    last: tuple[int, int] | None = None   # the previous line itself, not its joined paragraph
    for a, b in units:
        if last is not None and _continues(text, last, (a, b), spans, rules):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
        last = (a, b)
    return out


def _continues(
    text: str, prev: tuple[int, int], nxt: tuple[int, int], spans: Sequence[tuple[int, int]], rules: _Rules
) -> bool:
    """Is the line `nxt` the continuation of the sentence that the line `prev` leaves open?"""
    pa, pb = prev
    a, b = nxt
    if _is_terminal(text, pa, pb) or not _single_break(text[pb:a]):
        return False
    if any(s < a and e > pb for s, e in spans):
        return False
    first = text[a:b].lstrip(_OPENERS)[:1]
    if not first.islower():
        last = text[pb - 1]
        word = _LAST_WORD.search(text, max(pa, pb - _MAX_TOKEN), pb)
        if last not in _OPEN_END_PUNCT and (word is None or word.group(1) not in rules.open_ends):
            return False
    return not (_is_furniture(text, pa, pb, rules) or _is_furniture(text, a, b, rules))


def _is_furniture(text: str, a: int, b: int, rules: _Rules) -> bool:
    """A line that is never part of a wrapped paragraph: boilerplate, a markdown or all-capital heading."""
    if rules.boilerplate.match(text, a, b) or rules.boilerplate_end.search(text, max(a, b - _SUFFIX_WINDOW), b):
        return True
    if text[a] == "#" and _MARKDOWN_HEADING.match(text, a, b):
        return True
    words = text[a:b].split()
    return len(words) <= HEADLINE_MAX_WORDS and _mostly_capitals(words)


def _is_terminal(text: str, a: int, b: int) -> bool:
    """Does the unit end in . ! ? ... (possibly inside closing quotes/brackets)?"""
    i = b - 1
    while i > a and text[i] in _CLOSERS:
        i -= 1
    return text[i] in _TERMINALS


def _line_kind(
    text: str, a: int, b: int, rules: _Rules, first: bool, following: tuple[int, int] | None
) -> SentenceKind:
    """Kind of a whole line: boilerplate, a heading of some sort, or body to be split."""
    if rules.boilerplate.match(text, a, b) or rules.boilerplate_end.search(text, max(a, b - _SUFFIX_WINDOW), b):
        return SentenceKind.BOILERPLATE
    if text[a] == "#" and _MARKDOWN_HEADING.match(text, a, b):
        return SentenceKind.HEADING
    # more single spaces than a heading has words: a paragraph, no need to split it
    if text.count(" ", a, b) >= HEADLINE_MAX_WORDS and text.find("  ", a, b) < 0:
        return SentenceKind.BODY
    words = text[a:b].split()
    if len(words) > HEADLINE_MAX_WORDS:
        return SentenceKind.BODY
    if _mostly_capitals(words):
        return SentenceKind.HEADING
    if not _is_terminal(text, a, b) and (
        first
        or (following is not None and _is_terminal(text, *following)
            and not _MARKDOWN_HEADING.match(text, *following))
    ):
        return SentenceKind.HEADING       # a headline: opens the text or precedes a full sentence
    return SentenceKind.BODY


def _mostly_capitals(words: list[str]) -> bool:
    """An all-capital subheading: at least 80% of the cased words are upper case."""
    upper = sum(map(str.isupper, words))
    if upper == 0 or (upper == 1 and (len(words) > 1 or len(words[0]) < 3)):
        return False                      # the common case: an ordinary line
    cased = sum(1 for w in words if w.upper() != w.lower())
    return upper >= 0.8 * cased


def _split_line(text: str, a: int, b: int, rules: _Rules, source_id: str, out: list[Sentence]) -> None:
    """Append the sentences of one body line (locals only: this is the hot path)."""
    start = a
    abbreviations = rules.abbreviations
    for m in _CANDIDATE.finditer(text, a, b):
        nxt = m.end()
        c = text[nxt]
        if not (c.isupper() or c.isdigit() or c in _OPENERS):
            continue                      # `?" he asked`, "3 p.m. on", "Wait... what"
        punct, closers = m.group(1), m.group(2)
        if punct == ".":
            if not closers and not _after_period(text, a, m.start(), nxt, abbreviations, rules):
                continue
        elif ".." in punct or "\u2026" in punct:
            # an ellipsis trails off mid-sentence more often than it ends one
            if not closers and not _next_is_starter(text, nxt, rules):
                continue
        elif closers and _QUOTE_CLOSERS.intersection(closers) and rules.speaker.match(text, nxt, b):
            continue                      # `"Is it safe?" Mayor Jo Lind asked.`: the speaker follows
        # else ! ? ?! and the like; closers after any of them: `... he said." Next`
        end = m.end(2)
        out.append(Sentence(source_id, start, end, text[start:end], SentenceKind.BODY))
        start = nxt
    out.append(Sentence(source_id, start, b, text[start:b], SentenceKind.BODY))


def _after_period(text: str, a: int, p: int, nxt: int, abbreviations: dict[str, int], rules: _Rules) -> bool:
    """Does a single period at `p` (not inside quotes) end the sentence? Decided by the token before it."""
    lo = max(a, p - _MAX_TOKEN)           # bounded look-back: no quadratic scans
    token = text[max(text.rfind(" ", lo, p) + 1, lo):p]
    if not token.isprintable():           # tabs, no-break spaces
        parts = token.split()
        token = parts[-1] if parts else ""
    if token[:1] in _OPENERS:
        token = token.lstrip(_OPENERS)
    if not token:
        return True
    if token in rules.before_number and text[nxt].isdigit():
        return False                      # "Platform no. 7"
    action = abbreviations.get(token)
    if action is None:
        if (len(token) == 1 and token.isupper()) or _ACRONYM.match(token):
            action = _STARTER             # "D.C.", "J. K. Rowling"
        elif token.isdigit() and p - len(token) == a and len(token) <= 2:
            return False                  # "1. First item" list markers
        else:
            return True
    if action == _NEVER:
        return False
    if action == _STARTER:
        return _next_is_starter(text, nxt, rules)
    return True


def _next_is_starter(text: str, pos: int, rules: _Rules) -> bool:
    w = _NEXT_WORD.match(text, pos)
    return bool(w) and w.group(1)[0].isupper() and w.group(1).lower() in rules.starters

"""Content terms: the words a claim is matched on, with paraphrases folded.

A term is either a concept ("@sign" for signed, inked, signing ceremony) from
data/concepts.json or the Porter2 stem of a content word. Stems fold
inflection ("ratified"/"ratifies"); concepts fold synonyms ("treaty"/"pact").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

from .. import lexicon
from ..inputs.sources import normalise_for_matching

CONCEPT_PREFIX = "@"
_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W\d_]|[^\W\d_]")
_LETTER_RUN = re.compile(r"[a-z]+")
_DOTLESS = str.maketrans({"ı": "i", "İ": "i"})  # a case-insensitive "i" matches both; casefold keeps them apart


def letter_runs(text: str) -> list[str]:
    """The runs of a-z in `text`, case-folded as a case-insensitive pattern folds letters.

    A word list's entry found in `text` (case-insensitively, with no letter
    either side) leaves each of its own runs among these: when an entry's
    longest run is missing, a scan for the entry is known to find nothing.
    """
    return _LETTER_RUN.findall(text.translate(_DOTLESS).casefold())


def longest_run(entry: str) -> str:
    """The longest run of a-z in a word list's entry ("" when it has none)."""
    return max(letter_runs(entry) or [""], key=len)


@dataclass(frozen=True)
class Vocabulary:
    phrases: re.Pattern[str] | None   # multi-word phrases, longest first
    phrase_concept: dict[str, str]
    word_concept: dict[str, str]
    stem_concept: dict[str, str]
    events: frozenset[str]
    stopwords: frozenset[str]
    phrase_runs: frozenset[str]       # each phrase's longest run of a-z: none in a text, no phrase in it
    not_by_stem: frozenset[str]       # "authorities" shares "authorise"'s stem, not its sense


_stemmer = snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return _stemmer.stemWord(word.lower())


_DETERMINER = re.compile(r" (?:the|their|its) ")


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    data = lexicon.load("concepts")
    phrase_concept: dict[str, str] = {}
    word_concept: dict[str, str] = {}
    stem_concept: dict[str, str] = {}
    for concept, entries in data["concepts"].items():
        for entry in entries:
            entry = entry.lower()
            if " " in entry:
                phrase_concept[entry] = concept
                # "claimed the lives" read as "claimed no lives" too: the phrase holds its own negation
                negated = _DETERMINER.sub(" no ", entry, count=1)
                if negated != entry:
                    phrase_concept.setdefault(negated, concept)
            else:
                word_concept[entry] = concept
                stem_concept.setdefault(stem(entry), concept)
    ordered = sorted(phrase_concept, key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in ordered) + r")\b") if ordered else None
    events = frozenset(data["events"])
    unknown = events - set(data["concepts"])
    if unknown:
        from ..errors import DataFileError

        raise DataFileError("concepts", f"events name unknown concepts: {sorted(unknown)}")
    return Vocabulary(pattern, phrase_concept, word_concept, stem_concept, events,
                      lexicon.words("stopwords", "words"), frozenset(longest_run(p) for p in phrase_concept),
                      lexicon.words("concepts", "not_by_stem"))


def concept_of(word: str) -> str | None:
    vocab = vocabulary()
    lower = word.lower()
    if lower in vocab.word_concept:
        return vocab.word_concept[lower]
    return None if lower in vocab.stopwords or lower in vocab.not_by_stem else vocab.stem_concept.get(stem(lower))


@lru_cache(maxsize=16384)
def terms(text: str) -> tuple[str, ...]:
    """Canonical content terms of `text`, in order, concepts as '@name' (remembered per text: a
    claim's text and its counted nouns are asked again by the pair checks)."""
    vocab = vocabulary()
    # curly and straight quotes, dashes and odd spaces must give the same terms
    lower = normalise_for_matching(text).lower()
    found: list[tuple[int, str]] = []
    if vocab.phrases is not None and ("" in vocab.phrase_runs or not vocab.phrase_runs.isdisjoint(_LETTER_RUN.findall(lower))):
        def _mark(match: re.Match[str]) -> str:
            found.append((match.start(), CONCEPT_PREFIX + vocab.phrase_concept[match.group(0)]))
            return " " * len(match.group(0))
        lower = vocab.phrases.sub(_mark, lower)
    for match in _WORD.finditer(lower):
        term = _word_term(match.group(0))
        if term is not None:
            found.append((match.start(), term))
    found.sort()
    return tuple(term for _, term in found)


def phrases_at(text: str) -> list[tuple[int, int, str]]:
    """(start, end, concept) of each multi-word concept phrase in `text`, offsets into `text`
    (case folded only, no other normalisation).

    >>> phrases_at("Crews pulled from the rubble two men")
    [(6, 17, 'recover')]
    """
    vocab = vocabulary()
    if vocab.phrases is None:
        return []
    return [(m.start(), m.end(), vocab.phrase_concept[m.group(0)]) for m in vocab.phrases.finditer(text.lower())]


def concept_spans(text: str, concepts: frozenset[str]) -> list[tuple[int, int, str]]:
    """(start, end, concept) of each word or phrase of `text` that names one of `concepts`
    (concept names without the prefix), in order; offsets into `text`.

    >>> concept_spans("killed 27 people and injured 90", frozenset({"kill", "injure"}))
    [(0, 6, 'kill'), (21, 28, 'injure')]
    """
    found = [(a, b, c) for a, b, c in phrases_at(text) if c in concepts]
    for m in _WORD.finditer(text):
        term = _word_term(m.group(0).lower())
        if term is not None and term.startswith(CONCEPT_PREFIX) and term[1:] in concepts:
            found.append((m.start(), m.end(), term[1:]))
    return sorted(found)


@lru_cache(maxsize=65536)
def _word_term(word: str) -> str | None:
    """The term of one lower-cased word, or None (cached: a claim's words repeat across its fields)."""
    vocab = vocabulary()
    if word.endswith("'s"):
        word = word[:-2]
    concept = vocab.word_concept.get(word)
    if not concept and word in vocab.stopwords:
        return None  # "according" is not "accord" (an agreement)
    if not concept and word not in vocab.not_by_stem:
        concept = vocab.stem_concept.get(stem(word))
    if not concept and "-" in word:
        # "ground-floor": the head word's concept; but "Lyon-based firm" describes, it reports no event
        last = word.rsplit("-", 1)[1]
        concept = vocab.word_concept.get(last) or vocab.stem_concept.get(stem(last))
        if concept in vocab.events:
            concept = None
    if concept:
        return CONCEPT_PREFIX + concept
    return stem(word) if word not in vocab.stopwords and len(word) > 1 else None


def events(found_terms: tuple[str, ...]) -> frozenset[str]:
    vocab = vocabulary()
    return frozenset(t[1:] for t in found_terms if t.startswith(CONCEPT_PREFIX) and t[1:] in vocab.events)


@lru_cache(maxsize=1)
def vocabulary_roles() -> frozenset[str]:
    """Posts only one person holds at a time (two names for one is a conflict)."""
    data = lexicon.load("concepts")
    roles = frozenset(data.get("exclusive_roles", []))
    unknown = roles - set(data["concepts"])
    if unknown:
        from ..errors import DataFileError

        raise DataFileError("concepts", f"exclusive_roles name unknown concepts: {sorted(unknown)}")
    return roles


@lru_cache(maxsize=1)
def _doer_events() -> tuple[tuple[str, frozenset[str], frozenset[str]], ...]:
    data = lexicon.load("concepts").get("doer_events", {})
    return tuple((event, frozenset(v["doers"]), frozenset(v["lemmas"])) for event, v in data.items())


def doer_events(doer: str | None, lemma: str | None) -> frozenset[str]:
    """Events a frame reports through who did it (concepts.json doer_events): a hospital that
    treats people reports them taken to hospital.

    >>> sorted(doer_events("hospital", "treat")), sorted(doer_events("medic", "treat"))
    (['hospitalise'], [])
    """
    if not doer or not lemma:
        return frozenset()
    return frozenset(event for event, doers, lemmas in _doer_events() if doer in doers and lemma in lemmas)


@lru_cache(maxsize=None)
def event_family(name: str) -> frozenset[str]:
    """A named list of event concepts from concepts.json ("counting_events", "completion_events")."""
    data = lexicon.load("concepts")
    found = frozenset(data.get(name, []))
    unknown = found - set(data["concepts"])
    if unknown:
        from ..errors import DataFileError

        raise DataFileError("concepts", f"{name} name unknown concepts: {sorted(unknown)}")
    return found


@lru_cache(maxsize=1)
def opposite_events() -> frozenset[frozenset[str]]:
    """Pairs of events that cannot both be what happened ("cut" / "left unchanged")."""
    data = lexicon.load("concepts")
    pairs = frozenset(frozenset(pair) for pair in data.get("opposite_events", []))
    unknown = {e for pair in pairs for e in pair} - set(data["concepts"])
    if unknown or any(len(pair) != 2 for pair in pairs):
        from ..errors import DataFileError

        raise DataFileError("concepts", f"opposite_events must pair known concepts: {sorted(unknown)}")
    return pairs


def opposed(a: frozenset[str], b: frozenset[str]) -> tuple[str, str] | None:
    """An event of `a` and an event of `b` that are opposites, if any."""
    for pair in opposite_events():
        x, y = sorted(pair)
        if x in a and y in b and x not in b and y not in a:
            return x, y
        if y in a and x in b and y not in b and x not in a:
            return y, x
    return None

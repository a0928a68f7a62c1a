"""Who holds a slot of the story's event, when a source names the deed by its slot.

A slot is a definite role of the one event a story reports, which one holder
fills: the goal that decided the match ("the winner"), the award of a named
category ("best actress"), a player's opponent in a named round ("the final
round"), the party of an incident that did its one deed ("ran a red signal").
Sources name the holder from different sides of the frame:

    "Reyes headed the winner"            (doer before the slot)
    "the winner came from Vidal"         (the slot, then the holder)
    "Vidal's volley settled the final"   (the holder's shot decided the match)

Two sources naming different holders for one slot conflict (kind `who`), found
without a match. Guards:

- a source naming two holders of one slot is left out for it; a story where
  any source names both people for the slot is ambiguous for that pair;
- a claim about another occasion (a previous final, last year's award, a
  semi-final, a year) or a guess ("whether", "may have"), negated or not yet
  done, gives no holder;
- another category is another slot ("best actress" / "best supporting
  actress"); a round's opponent is the named player's, round by round;
- plural or non-unique wording ("a goal", "scored twice", "winners") is no slot.

Words are data (data/slot_holders.json).

    >>> slots_in("The best director award went to Swedish filmmaker Ola Brandberg")
    [('best director', 'brandberg')]
    >>> slots_in("Defender Tomas Reyes nodded in the winner two minutes from time")
    [('winner', 'reyes')]
    >>> slots_in("Reyes scored twice before half-time")
    []
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import combinations
from typing import Iterable, Sequence

from . import claims as claims_mod
from .. import lexicon
from .match import dated_by_year
from ..slots.names import people
from ..records import Claim

_UNCERTAIN = frozenset({"expected", "conditional", "unknown", "scheduled", "denied", "requested"})
_TOKEN = re.compile(r"[A-Za-zÀ-ÿ][\wÀ-ÿ'’-]*|[^\w\s]")
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "one", "other", "another", "each", "either", "both"})


def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def _data() -> dict:
    return lexicon.load("slot_holders")


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    d = _data()
    dec, award, opp = d["decider"], d["award"], d["opponent"]
    mods = r"(?:(?:the|a|an|his|her|their|its)\s+)?(?P<between>(?:[a-z][\w-]*\s+){0,2}?)"
    category = (r"(?P<category>(?:" + _alt(award["category_starts"]) + r")(?:\s+[a-z][\w-]*){1,3}|"
                + _alt(award["named_categories"]) + r")")
    return {
        "decider_doer": re.compile(r"\b(?P<verb>" + _alt(dec["doer_verbs"]) + r")\s+" + mods
                                   + r"(?P<slot>" + _alt(dec["nouns"]) + r")\b(?!-)"),
        "decider_link": re.compile(r"\b(?P<slot>" + _alt(dec["nouns"]) + r")\s+(?:[a-z]+\s+)?(?P<link>"
                                   + _alt(dec["holder_links"]) + r")\s+(?P<rest>.*)"),
        "decider_shot": re.compile(r"(?P<name>[A-Z][\w'’-]*?)['’]s?\s+(?:[a-z][\w-]*\s+){0,2}(?:"
                                   + _alt(dec["shot_nouns"]) + r")\b[^.;]{0,60}?\b(?:" + _alt(dec["settle_verbs"])
                                   + r")\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,3}(?:" + _alt(dec["match_nouns"]) + r")\b"),
        "decider_it": re.compile(r"\b(?P<verb>" + _alt(dec["doer_verbs"]) + r")\s+it\b"),
        "award_doer": re.compile(r"\b(?P<verb>" + _alt(award["doer_verbs"]) + r")\s+(?:the\s+|a\s+)?"
                                 r"(?:(?:" + _alt(award["award_nouns"]) + r")\s+for\s+)?" + category),
        "award_link": re.compile(r"\b" + category + r"(?:\s+(?:" + _alt(award["award_nouns"]) + r"))?\s+(?P<link>"
                                 + _alt(award["holder_links"]) + r")\s+(?P<rest>.*)"),
        "award_link_for": re.compile(r"\b(?:" + _alt(award["award_nouns"]) + r")\s+for\s+" + category + r"\s+(?P<link>"
                                     + _alt(award["holder_links"]) + r")\s+(?P<rest>.*)"),
        "round": re.compile(r"(?<![\w-])(?P<round>" + _alt(opp["rounds"]).replace(r"\ ", "[- ]")
                            + r")(?![\w-])", re.IGNORECASE),
        "opponent_doer": re.compile(r"\b(?P<verb>" + _alt(opp["doer_verbs"]) + r")\s+(?P<rest>.*)"),
        "opponent_link": re.compile(r"\b(?:" + _alt(opp["result_nouns"]) + r")\s+(?:[a-z]+\s+)?(?:"
                                    + _alt(opp["result_links"]) + r")\s+(?P<rest>.*)"),
        "hedge": re.compile(r"\b(?:" + _alt(d["hedges"]) + r")\b", re.IGNORECASE),
        "other_occasion": re.compile(r"(?<![\w-])(?:" + _alt(lexicon.words("event_days", "other_occasion"))
                                     + r")(?![\w-])", re.IGNORECASE),
    }


@lru_cache(maxsize=1)
def _deed_patterns() -> tuple[re.Pattern[str], ...]:
    """One pattern per party deed: "<word> <party noun> [had] <verb> [a] [red] <object>"."""
    d = _data()["party_deeds"]
    return tuple(re.compile(r"\b(?P<mod>[\w-]+)\s+(?P<party>" + _alt(d["party_nouns"]) + r")\s+(?:[a-z]+\s+){0,2}?(?:"
                            + _alt(deed["verbs"]) + r")\s+(?:(?:a|an|the)\s+)?(?:[a-z]+\s+)?(?:"
                            + _alt(deed["objects"]) + r")\b") for deed in d["deeds"])


def _surname(word: str) -> str:
    return re.sub(r"['’]s?$", "", word).lower()


def _holder(words: Sequence[str], known: frozenset[str], last: bool) -> str | None:
    """A person's surname among `words` (a full name, or a surname the story names as a person's)."""
    found = [_surname(p) for p in people(" ".join(words))]
    if not found:
        found = [_surname(w) for w in words if w[:1].isupper() and _surname(w) in known]
    if not found:
        return None
    return found[-1] if last else found[0]


def name_after(text: str, known: frozenset[str] = frozenset()) -> str | None:
    """The person named at the start of `text`, before any break word or punctuation.

    >>> name_after("substitute Jonas Brandt, who had just come on")
    'brandt'
    >>> name_after("a corner taken by Ana Vidal") is None
    True
    """
    breaks = lexicon.words("slot_holders", "name_breaks")
    words: list[str] = []
    for tok in _TOKEN.findall(text)[:7]:
        if not tok[0].isalpha() or (tok[0].islower() and tok in breaks):
            break
        words.append(tok)
        if tok.endswith(("'s", "’s")):
            break
    if any(w[0].islower() and w not in _DETERMINERS for w in words[-1:]):
        return None  # "a corner ...": the slot's holder is a thing, not a name
    return _holder(words, known, last=False)


def name_before(text: str, known: frozenset[str] = frozenset()) -> str | None:
    """The person named at the end of `text` (the doer before a verb), one or two
    lower-case words ("then", "had") between them at most.

    >>> name_before("Dutch actress Ilse Brouwer"), name_before("Reyes had then")
    ('brouwer', None)
    >>> name_before("Tomas Reyes then")
    'reyes'
    """
    toks = _TOKEN.findall(text)[-9:]
    for _ in range(2):
        if len(toks) > 1 and toks[-1][0].islower() and toks[-2][0].isalpha():
            toks = toks[:-1]
    words: list[str] = []
    for tok in reversed(toks):
        if not tok[0].isupper():
            break
        words.insert(0, tok)
    return _holder(words, known, last=True) if words else None


def round_of(text: str) -> str | None:
    """The one named round a text mentions, as its key ("last", "9"), or None.

    >>> round_of("In the final round he beat Ivan Petrov"), round_of("his last-round win")
    ('last', 'last')
    """
    rounds = _data()["opponent"]["rounds"]
    keys = {rounds[m.group("round").lower().replace("-", " ")] for m in _patterns()["round"].finditer(text)}
    return keys.pop() if len(keys) == 1 else None


def slots_in(text: str, known: frozenset[str] = frozenset(), doer: str | None = None) -> list[tuple[str, str]]:
    """(slot, holder) for each slot the text gives a named holder.

    `known`: surnames the story names as people's; `doer`: who the claim is about
    (a round's opponent is that player's). Party deeds give "<modifier> <party>".

    >>> slots_in("In the final round she beat Ivan Petrov", doer="lund")
    [('final round opponent of Lund', 'petrov')]
    >>> slots_in("The tanker lorry had jumped a red light")
    [('deed 0 lorry', 'tanker lorry')]
    """
    p = _patterns()
    out: list[tuple[str, str]] = []

    def add(slot: str, holder: str | None) -> None:
        if holder and (slot, holder) not in out:
            out.append((slot, holder))

    breaks = lexicon.words("slot_holders", "name_breaks")
    for m in p["decider_doer"].finditer(text):
        if not any(w in breaks for w in m.group("between").split()):
            add("winner", name_before(text[:m.start()], known))
    for m in p["decider_link"].finditer(text):
        add("winner", name_after(m.group("rest"), known))
    for m in p["decider_shot"].finditer(text):
        add("winner", _holder([m.group("name")], known, last=True)
            if _surname(m.group("name")) in known else None)
    for m in p["award_doer"].finditer(text):
        add(_category(m.group("category")), name_before(text[:m.start()], known))
    for pattern in (p["award_link"], p["award_link_for"]):
        for m in pattern.finditer(text):
            add(_category(m.group("category")), name_after(m.group("rest"), known))
    rnd = round_of(text)
    if rnd and doer:
        for pattern in (p["opponent_doer"], p["opponent_link"]):
            for m in pattern.finditer(text):
                holder = name_after(m.group("rest"), known)
                if holder != doer:
                    add(f"{'final round' if rnd == 'last' else 'round ' + rnd} opponent of {doer.title()}", holder)
    for n, pattern in enumerate(_deed_patterns()):
        for m in pattern.finditer(text):
            mod = m.group("mod")
            if mod.lower() not in _DETERMINERS and mod.lower() not in breaks:
                add(f"deed {n} {m.group('party').lower()}", f"{mod.lower()} {m.group('party').lower()}")
    return [(slot, holder) for slot, holder in out if slot]


def _category(words: str) -> str:
    """An award's category without trailing award nouns or break words: "best actress prize" -> "best actress"."""
    stop = lexicon.words("slot_holders", "name_breaks") | set(_data()["award"]["award_nouns"])
    kept: list[str] = []
    for w in words.lower().split():
        if kept and w in stop:
            break
        kept.append(w)
    return " ".join(kept) if len(kept) > 1 else ""


def _usable(c: Claim) -> bool:
    """A done, affirmed report of this occasion, not a guess."""
    p = _patterns()
    return (c.polarity and not c.negated and c.status not in _UNCERTAIN and not dated_by_year(c)
            and not p["hedge"].search(c.text) and not p["other_occasion"].search(c.text)
            and not claims_mod.about_other_occasion(c.text))


def slot_conflicts(claims: Sequence[Claim], block: Sequence[int]) -> list[tuple[int, int, str]]:
    """(i, j, reason) for two sources naming different holders of one slot of the story's event.

    `block` indexes `claims` (one story). One conflict per pair of sources and slot.
    """
    known = frozenset(_surname(s) for i in block for s in people(claims[i].text))
    found: dict[str, dict[str, list[tuple[int, str]]]] = {}  # slot -> source -> [(claim, holder)]
    last_named: dict[str, str] = {}  # source -> the person it made a subject last
    open_winner: dict[str, int] = {}  # source -> sentence end of its last holderless "winner"
    decider = re.compile(r"\b(?:" + _alt(_data()["decider"]["nouns"]) + r")\b(?!-)")
    for i in sorted(block, key=lambda k: (claims[k].source, claims[k].start)):
        c = claims[i]
        subject = c.subject.split()[-1] if c.subject else None
        doer = subject if subject in known else last_named.get(c.source)
        if subject in known:
            last_named[c.source] = subject
        if not _usable(c):
            continue
        given = slots_in(c.text, known, doer)
        if decider.search(c.text) and not any(s == "winner" for s, _ in given):
            open_winner[c.source] = c.sentence_end
        elif open_winner.get(c.source, -1) < c.sentence_start <= open_winner.get(c.source, -1) + 2:
            # "The winner came late. Vidal scored it from the spot." -- "it" is the sentence before's winner
            for m in _patterns()["decider_it"].finditer(c.text):
                holder = name_before(c.text[:m.start()], known)
                if holder:
                    given.append(("winner", holder))
        for slot, holder in given:
            found.setdefault(slot, {}).setdefault(c.source, []).append((i, holder))
    out: list[tuple[int, int, str]] = []
    for slot, by_source in found.items():
        both = [{h for _, h in got} for got in by_source.values()]
        single = {src: got for src, got in by_source.items() if len({h for _, h in got}) == 1}
        for (_, got_a), (_, got_b) in combinations(sorted(single.items()), 2):
            (i, name_a), (j, name_b) = got_a[0], got_b[0]
            if name_a == name_b or any({name_a, name_b} <= names for names in both):
                continue
            what = slot if not slot.startswith("deed ") else _deed_name(claims[i].text)
            out.append((min(i, j), max(i, j),
                        f'who ({what}): "{name_a.title()}" in "{_cut(claims[i].text)}" '
                        f'vs "{name_b.title()}" in "{_cut(claims[j].text)}"'))
    return sorted(out)


def _deed_name(text: str) -> str:
    """The deed's words as the first source wrote them: "ran a red signal"."""
    for pattern in _deed_patterns():
        m = pattern.search(text)
        if m:
            return text[m.end("party"):m.end()].strip()
    return "deed"


def _cut(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"

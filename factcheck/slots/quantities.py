"""Quantity slot: numbers with their qualifier, unit and counted noun.

Comparison needs the interval a phrase allows, not just its digits: "over
60" and "dozens" can both be true, "12" and "at least 15" cannot. No library
keeps qualifiers, and the ones that read number words rewrite the text or turn
every "a" into 1, so this is a small rule set over the word lists in
factcheck/data/number_words.json, quantity_words.json and currencies.json.
Numbers inside dates ("Oct 25", "2025-10-22"), clock times ("10:30") and any
other time expression factcheck.slots.when finds ("10 days ago", "in the 2019-20
season") are skipped; a four-digit number is a year unless it counts
something, and a year is never a quantity. A label ("No. 7", "Gate 4") is a
name, not a quantity: `label_spans` gives where they are. Measures ("150
km/h", "642 000 tonnes") carry their unit; factcheck.slots.measures converts them.

Example:
    >>> [(q.text, q.value, q.kind, q.unit) for q in find_quantities("Winds of 150 km/h hit Gate 4.")]
    [('150 km/h', 150.0, 'speed', 'km/h')]
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from ..judgement import attributes
from .. import lexicon
from . import measures, terms, when
from .numbers import DIGITS as _DIGITS
from .numbers import alternation as _alt
from .numbers import and_fraction_pattern, and_fraction_value, number_word_pattern, to_decimal, words_to_number
from .minutes import minute_from_time
from .counted_lists import share_counted
from .quantity_ranges import merge_ranges, qualifier_interval
from .quantity_text import describe  # public here since the README's example: moved out for size
from ..records import Quantity

__all__ = ["find_quantities", "label_spans", "compatible", "describe", "is_reading", "number_word_pattern",
           "words_to_number"]

_TIME = (
    r"(?:\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?i:[ap]\.?m\.?))?(?![\w])"
    r"|\d{1,2}(?:[.:]\d{2})?\s*(?i:a\.m\.|p\.m\.|am|pm)(?![\w]))"
)
_WORD_AT = re.compile(r"[ \t]+([A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*)")
_HYPHEN_AT = re.compile(r"-([A-Za-z]+)")
_LEFT_OF = re.compile(r"([A-Za-z][\w-]*)(?:\s+([A-Za-z][\w-]*))?\s+of\s*$")
_PREV_WORDS = re.compile(r"([A-Za-z][\w'.]*)(?:\s+([A-Za-z][\w'.]*))?\s*$")
_WS = re.compile(r"\s+")
_DIGIT = re.compile(r"\d")


def position(text: str, q: Quantity) -> int:
    """Where `q` stands in `text`: its own offset, else the first place its words occur (a claim's
    figures are read off its clause, before any prefix); -1 when they do not.

    >>> q = find_quantities("It killed 27 people")[0]
    >>> position("It killed 27 people", q), position("Officials said it killed 27 people", q)
    (10, 25)
    """
    return q.start if text[q.start:q.end] == q.text else text.find(q.text)


def _norm(s: str) -> str:
    return _WS.sub(" ", s.strip()).lower()


@dataclass(frozen=True)
class _Tables:
    master: re.Pattern[str]
    units: dict[str, float]
    ordinals: dict[str, int]
    tens: dict[str, int]
    fractions: dict[str, int]
    vague: dict[str, tuple[float, float]]
    scales: dict[str, float]
    suffixes: dict[str, float]
    symbols: dict[str, str]
    cur_words: dict[str, str]
    weight_or_money: dict[str, str]   # "pounds": money unless a weight is meant
    weight_cues: frozenset[str]
    display: dict[str, str]
    qualifiers: dict[str, str]
    post_qualifiers: dict[str, str]
    stopwords: frozenset[str]
    adjectives: frozenset[str]
    irregular: frozenset[str]
    generic: frozenset[str]
    year_preps: frozenset[str]
    one_before: frozenset[str]
    one_after: frozenset[str]
    ordinal_zero: dict[str, str]
    labels: re.Pattern[str]
    determiners: frozenset[str]
    adverb_before: frozenset[str]
    verbs: frozenset[str]
    not_verbs_ed: frozenset[str]
    scale_nouns: frozenset[str]   # 'magnitude 6.2': the number is read on that scale
    period_qualifiers: frozenset[str]   # 'over six years': a period, not a lower bound
    lasting_words: frozenset[str]
    duration_nouns: frozenset[str]
    triggers: frozenset[str]   # one word every quantity without a digit holds (the longest of its number word)


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    """Build the regex and lookups once, on first use."""
    nw = lexicon.load("number_words")
    qw = lexicon.load("quantity_words")
    cur = lexicon.load("currencies")
    numwords = number_word_pattern()
    units = _alt(nw["units"])
    scales = _alt(nw["scales"])
    all_suffixes = _alt(nw["scale_suffixes"], ci=False)
    plain_suffixes = _alt([s for s in nw["scale_suffixes"] if s not in nw["currency_only_suffixes"]], ci=False)
    syms = _alt([*cur["symbols"], *cur["codes"]], ci=False)
    cur_words = _alt(cur["words"])
    ambiguous = _alt(cur["money_unless_weight"])
    word_quals = _alt([q for q in qw["qualifiers"] if q != "~"])
    post_quals = "|".join(
        (re.escape(k) if k[0] in "-+" else r"\s+" + r"\s+".join(map(re.escape, k.split())))
        for k in sorted(qw["post_qualifiers"], key=len, reverse=True)
    )
    fractions = _alt(nw["fractions"])
    ordinals = _alt(nw["ordinals"])
    tens = _alt(nw["tens"])
    vague = _alt(nw["vague"])
    zero = "|".join(rf"(?i:{re.escape(k)}[\s-]+{re.escape(v)})(?![\w])" for k, v in nw["ordinal_zero"].items())

    meas = measures.form_pattern()
    qual = r"(?:(?P<qual>" + word_quals + r")\s+|(?P<tilde>~)\s*)?"
    unit_tail = (
        r"(?:\s*(?P<pct>%)"
        r"|\s+(?P<pctw>(?i:per\s?cent|pct|percentage\s+points?|basis\s+points?|bps?))(?![\w])"
        rf"|\s+(?P<cur>{cur_words})(?![\w])"
        rf"|\s+(?P<ambcur>{ambiguous})(?![\w])(?!\s+(?i:of)\s)"   # "2,000 pounds of explosives" weighs
        rf"|(?:\s*|-)(?P<meas>{meas})(?![\w/]))?"
    )
    alts = [
        rf"(?P<skip>{when.date_pattern()}|{_TIME})",
        rf"(?P<sym>{syms})\s?(?P<mnum>{_DIGITS})(?:(?P<msuf>{all_suffixes})(?![\w])|(?![\w])(?:(?:\s+|-)(?P<mscale>{scales})(?![\w]))?)",
        rf"(?P<oin>{units}|[1-9])\s+(?i:in)\s+(?P<oinden>{numwords}|\d{{1,3}})(?![\w])(?![.,]\d)",
        rf"(?:(?P<fnum>(?i:an?)|{units})[\s-](?P<fden>{fractions})|(?P<fhalf>(?i:half|halves))(?!\s+(?i:an?)\s+{scales}(?![\w])))(?![\w-])",
        rf"(?P<vague>{vague})(?![\w])(?:\s+(?i:of)\s+(?P<vcur>{cur_words})(?![\w]))?",
        rf"(?P<ordd>\d+)(?i:st|nd|rd|th)(?![\w])",
        rf"(?P<ordw>(?:{tens}-)?{ordinals})(?![\w-])",
        rf"(?P<zero>{zero})",
        rf"(?:(?P<num>{_DIGITS})(?:(?P<dec>(?<=0)s)|(?P<suf>{plain_suffixes})|(?P<bpsuf>bps?)|(?P<pctsuf>%)"
        rf"|(?P<gmeas>{meas}))?(?![\w])"
        rf"|(?P<numw>{numwords})|(?i:half\s+an?)\s+(?P<halfscale>{scales})(?![\w]))"
        rf"(?(gmeas)|(?P<andfrac>{and_fraction_pattern()})?(?:(?:\s+|-)(?P<scale>{scales})(?![\w]))?"
        + unit_tail + ")",
    ]
    # (?=\S): no quantity starts with a blank, and a run of blanks is not tried alternative by alternative
    master = re.compile(
        r"(?=\S)(?<![\w.,$€£¥₹])(?<![A-Za-z]-)(?<!\d{4}-)" + qual + "(?:" + "|".join(alts) + rf")(?P<postq>{post_quals})?"
    )
    labels = "|".join(re.escape(x) for x in sorted(qw["label_markers"], key=len, reverse=True))
    nouns = "|".join(rf"[{n[0].upper()}{n[0]}]{re.escape(n[1:])}" for n in sorted(qw["label_nouns"], key=len, reverse=True))
    verbs = lexicon.load("verbs")
    return _Tables(
        master=master,
        units={k.lower(): float(v) for k, v in nw["units"].items()},
        ordinals={k.lower(): int(v) for k, v in nw["ordinals"].items()},
        tens={k.lower(): int(v) for k, v in nw["tens"].items()},
        fractions={k.lower(): int(v) for k, v in nw["fractions"].items()},
        vague={_norm(k): (float(v[0]), float(v[1])) for k, v in nw["vague"].items()},
        scales={k.lower(): float(v) for k, v in nw["scales"].items()},
        suffixes={k: float(v) for k, v in nw["scale_suffixes"].items()},
        symbols={**{k: v for k, v in cur["symbols"].items()}, **cur["codes"]},
        cur_words={_norm(k): v for k, v in cur["words"].items()},
        weight_or_money={_norm(k): v for k, v in cur["money_unless_weight"].items()},
        weight_cues=frozenset(w.lower() for w in cur["weight_cues"]),
        display=dict(cur["display"]),
        qualifiers={_norm(k): v for k, v in qw["qualifiers"].items()},
        post_qualifiers={_norm(k): v for k, v in qw["post_qualifiers"].items()},
        stopwords=frozenset(w.lower() for w in qw["stopwords"]),
        adjectives=frozenset(w.lower() for w in qw["adjectives"]),
        irregular=frozenset(w.lower() for w in qw["irregular_plurals"]),
        generic=frozenset(w.lower() for w in qw["generic_heads"]),
        year_preps=frozenset(w.lower() for w in qw["year_preps"]),
        one_before=frozenset(_norm(w) for w in qw["one_pronoun_before"]),
        one_after=frozenset(w.lower() for w in qw["one_pronoun_after"]),
        ordinal_zero={k.lower(): v for k, v in nw["ordinal_zero"].items()},
        labels=re.compile(
            rf"(?:(?<![\w.])(?:{labels})[ \t\u00a0]*|(?<![\w-])(?:{nouns})[ \t\u00a0]+)"
            r"\d+[A-Za-z]?(?![\w]|[.,]\d)"
            rf"(?!\s*(?:%|{meas}(?![\w/])))"   # "a route 40 km long" measures the route
        ),
        determiners=frozenset(w.lower() for w in qw["ordinal_determiners"]),
        adverb_before=frozenset(w.lower() for w in qw["ordinal_adverb_before"]),
        verbs=frozenset(w.lower() for w in [*verbs["irregular_past"], *verbs["present_verbs"]]),
        not_verbs_ed=frozenset(w.lower() for w in verbs["not_verbs_ed"]),
        scale_nouns=frozenset(w.lower() for w in qw["scale_nouns"]),
        period_qualifiers=frozenset(_norm(w) for w in qw["period_qualifiers"]),
        lasting_words=frozenset(w.lower() for w in qw["lasting_words"]),
        duration_nouns=frozenset(w.lower() for w in lexicon.load("time_words")["duration_units"]),
        triggers=frozenset(terms.longest_run(w) for key in
                           ("units", "tens", "scales", "fractions", "ordinals", "vague", "ordinal_zero") for w in nw[key]),
    )


# ---------------------------------------------------------------- helpers

def _is_plural(word: str, t: _Tables) -> bool:
    if word in t.irregular:
        return True
    return len(word) > 2 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _counted_after(text: str, end: int, t: _Tables, allow_of: bool = True) -> str | None:
    """The noun phrase counted right after a number: '7,000 product lines' -> 'product lines'.

    Skips one 'of' (+ determiner), leading adjectives, capitalised modifiers
    and -ed/-ing participles; stops at a stopword, punctuation, after a
    plural noun, or after three words.
    """
    hy = _HYPHEN_AT.match(text, end)
    if hy is not None:
        w = hy.group(1).lower()
        return None if w in t.post_qualifiers or w in ("plus", "odd") else w
    pos = end
    words: list[str] = []
    seen_of = False
    for _ in range(8):
        m = _WORD_AT.match(text, pos)
        if m is None:
            break
        tok = m.group(1)
        low = tok.lower().replace("’", "'")
        pos = m.end()
        if not words:
            if low == "of" and allow_of and not seen_of:
                seen_of = True
                continue
            if seen_of and low in ("the", "its", "their", "his", "her", "our", "these", "those", "them", "those"):
                continue
            if seen_of and (low[0].isdigit() or words_to_number(low) is not None):
                return None  # "two of the four satellites": the partitive pass gives it the whole's noun
            if low in t.adjectives:
                continue
            if tok[0].isupper() and len(tok) > 1 and low not in t.stopwords:
                continue  # "40 UN member states": a proper modifier, not the head
            if low.endswith(("ed", "ing")) and len(low) > 3 and low not in t.stopwords:
                continue  # "12 injured workers"
        if low in t.stopwords or low.endswith("'s") or low in t.verbs:
            break
        if words and low.endswith(("ed", "ing")) and len(low) > 3:
            break
        if tok[0].isupper() and words:
            break
        words.append(low)
        if _is_plural(low, t) or len(words) == 3:
            break
    return " ".join(words) if words else None


def _counted_left(text: str, start: int, t: _Tables) -> str | None:
    """'a premium of about 38%' -> 'premium' (only when nothing follows the number)."""
    m = _LEFT_OF.search(text, max(0, start - 40), start)
    if m is None:
        return None
    words = [w.lower() for w in m.groups() if w]
    words = [w for w in words if w not in t.stopwords and w not in t.verbs]
    if not words or words[-1] in t.generic:
        return None
    return " ".join(words)


def _weight_before(text: str, start: int, t: _Tables) -> bool:
    """A weight cue among the four words before `start` ("weighed 210 pounds", "a heavy 40 pounds")."""
    return any(w.lower() in t.weight_cues for w in re.findall(r"[A-Za-z]+", text[max(0, start - 40):start])[-4:])


def _prev_words(text: str, start: int) -> tuple[str, str]:
    """The two words before `start`, lower-cased ('' when absent)."""
    m = _PREV_WORDS.search(text, max(0, start - 30), start)
    if m is None:
        return "", ""
    w2, w1 = (m.group(1) or ""), (m.group(2) or "")
    if not w1:
        w1, w2 = w2, ""
    return w1.lower(), w2.lower()


def _is_pronoun_one(text: str, start: int, end: int, t: _Tables) -> bool:
    """'one of the', 'no one', 'one-party': 'one' that is not a count."""
    if end < len(text) and text[end] == "-":
        return True
    w1, w2 = _prev_words(text, start)
    if w1 in t.one_before or f"{w2} {w1}" in t.one_before:
        return True
    m = _WORD_AT.match(text, end)
    if m is None:
        return False
    return m.group(1).lower() in t.one_after


def _is_adverb(text: str, start: int, end: int, t: _Tables) -> bool:
    """An ordinal word used as an adverb: 'at first', 'First, ...' opening a sentence, or
    before a verb without a determiner ('the man first arrested', 'it first appeared'; not
    'the first injured worker')."""
    w1, _ = _prev_words(text, start)
    if w1 in t.adverb_before:
        return True
    if w1 in t.determiners or w1.endswith(("'s", "’s")):
        return False
    if text.startswith(",", end) and start <= 8 and not text[:start].strip(" \t\"'\u201c\u2018("):
        return True                       # "First, the council voted": a list of steps, not a rank
    m = _WORD_AT.match(text, end)
    if m is None:
        return False
    nxt = m.group(1).lower()
    return nxt in t.verbs or (len(nxt) > 4 and nxt.endswith("ed") and nxt not in t.not_verbs_ed)


def label_spans(text: str) -> list[tuple[int, int]]:
    """Where `text` names something by a number: 'No. 7', 'no. 12', '#3', 'Gate 4', 'Route 66'.

    A label is a name, not a quantity (find_quantities skips it), and the
    "No." of "No. 7" is no negation: the claim extractor asks here.

    >>> label_spans("Platform No. 7 and Gate 4B were shut.")
    [(9, 14), (19, 26)]
    """
    return [m.span() for m in _tables().labels.finditer(text)]


def qualifier_spans(text: str) -> list[tuple[int, int]]:
    """Where a number carries a qualifier ("no fewer than 118", "not more than 20"): its
    "no"/"not" bounds the figure and negates nothing (the claim extractor asks here).

    >>> qualifier_spans("No fewer than 118 people died.")
    [(0, 17)]
    """
    return [(q.start, q.end) for q in find_quantities(text) if q.qualifier != "exact"]


@lru_cache(maxsize=4096)
def _time_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of the time expressions factcheck.slots.when finds (their numbers are no quantities)."""
    return tuple((m.start, m.end) for m in when.find_times(text))


def _blocked(text: str) -> list[tuple[int, int]]:
    """Time expressions, labels and ages beside a name, merged into sorted disjoint spans."""
    out: list[tuple[int, int]] = []
    for a, b in sorted([*_time_spans(text), *label_spans(text), *attributes.age_spans(text)]):
        if out and a < out[-1][1]:
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return out


# ---------------------------------------------------------------- finding

def _quantity(m: re.Match[str], text: str, t: _Tables) -> Quantity | None:
    """Build one Quantity from a master-regex match (None for skips and traps)."""
    g = m.group
    if g("skip"):
        return None
    qual_word = g("qual")
    rule = t.qualifiers[_norm(qual_word)] if qual_word else ("about" if g("tilde") else None)
    if rule is None and g("postq"):
        rule = t.post_qualifiers[_norm(g("postq"))]
    start, end = m.start(), m.end()
    kind, unit, counted = "cardinal", None, None
    vague_rule = False
    low = high = value = 0.0
    counted_fixed: str | None = None

    if g("sym"):
        n = to_decimal(g("mnum"))
        if n is None:
            return None
        mult = Decimal(1)
        if g("msuf"):
            mult = Decimal(int(t.suffixes[g("msuf")]))
        elif g("mscale"):
            mult = Decimal(int(t.scales[g("mscale").lower()]))
        value = float(n * mult)
        low = high = value
        kind, unit = "money", t.symbols[g("sym")]
    elif g("oin"):
        a = t.units.get(g("oin").lower()) if not g("oin").isdigit() else float(g("oin"))
        b_txt = g("oinden")
        b = float(b_txt) if b_txt.isdigit() else words_to_number(b_txt)
        if not a or not b or a >= b:
            return None
        value = 100.0 * a / b
        low, high = 0.9 * value, min(100.0, 1.1 * value)
        kind, unit = "fraction", "%"
    elif g("fden") or g("fhalf"):
        den_word = (g("fden") or g("fhalf")).lower()
        fnum = (g("fnum") or "").lower()
        if not fnum:
            if den_word not in ("half",):
                return None
            w1, _ = _prev_words(text, m.start("fhalf"))
            if w1 in ("first", "second", "other", "latter", "the", "a"):
                return None
            num = 1.0
        elif fnum in ("a", "an"):
            num = 1.0
            follows = text[m.end(): m.end() + 4]
            at_end = not re.match(r"\s+[A-Za-z]", follows)
            if den_word != "half" and not rule and not follows.lower().startswith(" of") and not at_end:
                # "a third round": an ordinal, not a fraction
                ordv = t.ordinals.get(den_word)
                if ordv is None:
                    return None
                return Quantity(start + len(fnum) + 1, end, text[start + len(fnum) + 1:end], float(ordv), float(ordv), float(ordv),
                                kind="ordinal", counted=_counted_after(text, end, t))
        else:
            num = t.units[fnum]
        value = 100.0 * num / t.fractions[den_word]
        # a fraction in prose is a rounding; a proper one stays within 100%,
        # an improper one ("three halves") is over 100% already
        low, high = 0.9 * value, (min(100.0, 1.1 * value) if value <= 100.0 else 1.1 * value)
        kind, unit = "fraction", "%"
    elif g("vague"):
        low, high = t.vague[_norm(g("vague"))]
        value = low
        vague_rule = True
        if g("vcur"):
            kind, unit = "money", t.cur_words[_norm(g("vcur"))]
    elif g("ordd") or g("ordw"):
        if g("ordw") and _is_adverb(text, start, end, t):
            return None                   # "the man first arrested", "at first"
        if g("ordd"):
            value = float(g("ordd"))
        else:
            parts = g("ordw").lower().split("-")
            value = float(t.ordinals[parts[-1]] + (t.tens[parts[0]] if len(parts) == 2 else 0))
        low = high = value
        kind = "ordinal"
        rule = None
    elif g("zero"):
        value = low = high = 0.0
        kind = "ordinal"
        counted_fixed = t.ordinal_zero[re.split(r"[\s-]+", g("zero").lower())[0]]
        rule = None
    else:
        if g("num"):
            n = to_decimal(g("num"))
            if n is None:
                return None
        elif g("halfscale"):
            n = Decimal("0.5") * Decimal(int(t.scales[g("halfscale").lower()]))
        else:
            numw = g("numw")
            if numw.lower() == "one" and not g("andfrac") and _is_pronoun_one(text, m.start("numw"), m.end("numw"), t):
                return None
            v = words_to_number(numw)
            if v is None:
                return None
            n = Decimal(str(v))
        if g("andfrac"):
            n += Decimal(str(and_fraction_value(g("andfrac"))))  # "four and a half", "one and a half million"
        mult = Decimal(1)
        if g("suf"):
            mult = Decimal(int(t.suffixes[g("suf")]))
        elif g("scale"):
            mult = Decimal(int(t.scales[g("scale").lower()]))
        value = float(n * mult)
        low = high = value
        pctw = _norm(g("pctw")) if g("pctw") else ""
        if pctw.startswith("percentage"):
            kind, unit = "percent", "pp"
        elif g("pct") or g("pctsuf") or pctw.startswith(("per", "pct")):
            kind, unit = "percent", "%"
        elif pctw.startswith(("basis", "bp")) or g("bpsuf"):
            kind, unit = "percent", "bp"
        elif g("cur"):
            kind, unit = "money", t.cur_words[_norm(g("cur"))]
        elif g("ambcur") and not _weight_before(text, start, t):
            kind, unit = "money", t.weight_or_money[_norm(g("ambcur"))]  # "accepted 380,000 pounds"
        elif g("ambcur"):
            counted_fixed = g("ambcur").lower()  # "weighed 210 pounds": a weight, counted as before
        elif g("meas") or g("gmeas"):
            unit = measures.unit_of(g("meas") or g("gmeas"))
            kind = measures.dimension_of(unit) or "cardinal"
        elif g("num"):
            raw = g("num")
            is_int4 = len(raw) == 4 and raw.isdigit() and 1800 <= int(raw) <= 2100
            if g("dec") and is_int4:
                kind, low, high = "year", value, value + 9
            elif g("dec"):
                high = value + 9
            elif is_int4 and not rule and not g("scale") and not g("suf"):
                w1, _ = _prev_words(text, start)
                after = _counted_after(text, end, t, allow_of=False)
                if w1 in t.year_preps or after is None or not _is_plural(after.split()[-1], t):
                    kind = "year"

    if kind == "year":
        return None                       # a year is a time, never a quantity
    qualifier = "exact"
    if rule is not None:
        low, high = qualifier_interval(rule, low, high)
        qualifier = rule
        if kind == "fraction" and value <= 100.0:
            high = min(high, 100.0)  # "about three halves" is more than the whole
    elif vague_rule:
        qualifier = "vague"
    if counted_fixed is None and kind == "cardinal" and _prev_words(text, start)[0] in t.scale_nouns:
        counted_fixed = _prev_words(text, start)[0]   # "a magnitude 6.2 earthquake" counts no earthquakes
    if counted_fixed is not None:
        counted = counted_fixed
    else:
        counted = _counted_after(text, end, t)
        if counted is None and kind != "money":
            counted = _counted_left(text, start, t)
    if (qual_word and _norm(qual_word) in t.period_qualifiers and counted and counted.split()[-1].lower() in t.duration_nouns
            and _prev_words(text, start)[0] not in t.lasting_words):
        low, high, qualifier = value, value, "exact"  # "a placebo over 24 weeks": the trial's period
    return Quantity(start=start, end=end, text=text[start:end], value=value, low=low, high=high,
                    qualifier=qualifier, unit=unit, kind=kind, counted=counted)


def is_reading(q: Quantity) -> bool:
    """A figure an instrument reads (a length, or a number on a named scale such as a magnitude):
    two agencies may each measure their own.

    >>> [is_reading(q) for q in find_quantities("A magnitude 6.2 quake, 10 km deep, killed 30 people.")]
    [True, True, False]
    """
    return q.kind == "length" or q.counted in _tables().scale_nouns


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in `text` with its qualifier interval, unit and counted noun."""
    t = _tables()
    if not _DIGIT.search(text) and "" not in t.triggers and t.triggers.isdisjoint(terms.letter_runs(text)):
        return []  # no digit and no number word: one quick pass instead of the master pattern's
    out: list[Quantity] = []
    blocked: list[tuple[int, int]] | None = None
    j = 0
    for m in t.master.finditer(text):
        q = _quantity(m, text, t)
        if q is None:
            continue
        if blocked is None:
            blocked = _blocked(text)
        while j < len(blocked) and blocked[j][1] <= q.start:
            j += 1                        # matches come in order: one pass over the spans
        if j < len(blocked) and blocked[j][0] < q.end:
            continue                      # inside a time expression or a label
        out.append(q)
    out = [minute_from_time(text, q) for q in merge_ranges(text, out)]
    return share_counted(text, out)


# ---------------------------------------------------------------- comparing

_FAMILY = {"cardinal": "count", "percent": "ratio", "fraction": "ratio", "money": "money", "ordinal": "ordinal"}


def compatible(a: Quantity, b: Quantity) -> bool:
    """Can both be true of the same thing? Intervals overlap within one unit family.

    Different families (a count against a percentage, dollars against euros)
    are never compatible: the caller decides first, from `counted`, whether
    the two numbers are about the same thing at all. Measures of one
    dimension compare across units ("150 km/h" and "about 93 mph").
    """
    if a.kind in measures.DIMENSIONS or b.kind in measures.DIMENSIONS:
        return measures.compatible(a, b)
    if _FAMILY.get(a.kind, a.kind) != _FAMILY.get(b.kind, b.kind) or a.unit != b.unit:
        return False
    tol = 1e-12 * max(1.0, abs(a.value), abs(b.value))
    return a.low <= b.high + tol and b.low <= a.high + tol

"""One quotation carried by two claims: the same words of one speaker, however framed.

Outlets that quote one official frame the words differently ('Ruhl called the
sale "a bitter but necessary step" for the group' / '"We had no other road left
and it is a bitter but necessary step," Ruhl said'), so the claims share little
but the quoted run. A run
of words quoted on one side and found in the other claim is one utterance: one
fact, whatever else the claims say around it. `match.same_fact` asks this before
its opinion and event gates, which would keep the two framings apart.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import lexicon
from ..records import Claim

# a quoted run this long, with this many words that are not stopwords, is one utterance
MIN_WORDS = 3
MIN_CONTENT = 2

_QUOTED = re.compile(r'["“”«»]([^"“”«»]+)["“”«»]')
_WORD = re.compile(r"[\w’'-]+")


def quoted_spans(claim: Claim) -> list[str]:
    """The quoted words of a claim: what stands between quotation marks in its text, or the
    whole text when the claim is a direct quotation with its marks stripped.

    >>> from factcheck.records import Claim
    >>> quoted_spans(Claim("a", "s", 0, 1, 'it was "a dark day" for the town', 0, 1))
    ['a dark day']
    >>> quoted_spans(Claim("b", "s", 0, 1, "It was a dark day", 0, 1, quote=True))
    ['It was a dark day']
    """
    return list(_spans(claim.text, claim.quote))


@lru_cache(maxsize=16384)
def _spans(text: str, quote: bool) -> tuple[str, ...]:
    """Remembered per text: every candidate pair asks again."""
    inner = tuple(m.group(1) for m in _QUOTED.finditer(text))
    return inner or ((text,) if quote else ())


@lru_cache(maxsize=16384)
def _words(text: str) -> tuple[str, ...]:
    return tuple(w.lower().strip("’'-") for w in _WORD.findall(text))


def shared_quotation(a: Claim, b: Claim) -> str | None:
    """The longest run of at least MIN_WORDS words quoted in one claim and written in the other,
    holding MIN_CONTENT words that are not stopwords; None when there is none.

    >>> from factcheck.records import Claim
    >>> a = Claim("a", "s1", 0, 1, 'Ruhl called the sale "a bitter but necessary step" for the group', 0, 1)
    >>> b = Claim("b", "s2", 0, 1, "We had no other road left and it is a bitter but necessary step", 0, 1, quote=True)
    >>> shared_quotation(a, b)
    'a bitter but necessary step'
    >>> shared_quotation(a, Claim("c", "s2", 0, 1, "It was bitter for all of us", 0, 1, quote=True)) is None
    True
    """
    best: tuple[str, ...] = ()
    for x, y in ((a, b), (b, a)):
        spans = _spans(x.text, x.quote)
        if not spans:
            continue
        other = _words(y.text)
        for span in spans:
            run = _longest_common_run(_words(span), other)
            if len(run) > len(best):
                best = run
    if len(best) < MIN_WORDS:
        return None
    stop = lexicon.words("stopwords", "words")
    if sum(1 for w in best if w not in stop) < MIN_CONTENT:
        return None
    return " ".join(best)


def _longest_common_run(xs: tuple[str, ...], ys: tuple[str, ...]) -> tuple[str, ...]:
    """The longest list of consecutive words in both (dynamic programming, len(xs) * len(ys))."""
    best_end, best_len = 0, 0
    previous = [0] * (len(ys) + 1)
    for i, x in enumerate(xs, start=1):
        current = [0] * (len(ys) + 1)
        for j, y in enumerate(ys, start=1):
            if x == y:
                current[j] = previous[j - 1] + 1
                if current[j] > best_len:
                    best_end, best_len = i, current[j]
        previous = current
    return xs[best_end - best_len:best_end]

"""Claims that ask for or foresee their act instead of asserting it.

"asked the council for a 4 km zone" and "the council set a 1 km zone" do not
contradict each other, nor do "expects 30% by 2030" and "12% last year", nor "the
union's bid to have the stoppage ruled unlawful" and a ruling on it: one side wishes
or foresees, the other tells what is.

    >>> from factcheck.records import Claim
    >>> asks_for_its_act(Claim("x", "a", 0, 1, "The union asked the court to declare it void", 0, 1))
    True
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import lexicon
from ..slots import terms
from ..records import Claim


_WISHED_OR_FORESEEN = frozenset({"requested", "expected"})


def wished_or_foreseen(c: Claim) -> bool:
    """The claim's figures are what someone asks for or foresees, not what is: a verb of asking or
    forecasting heads it ("asked the council for a 4 km zone", "expects solar to supply 30% by 2030";
    data/frames.json `modal_heads`). "would" alone makes no forecast of a figure.

    >>> wished_or_foreseen(Claim("x", "a", 0, 1, "The union expects 40 per cent by May", 0, 1, lemma="expect"))
    True
    """
    heads = lexicon.load("frames")["modal_heads"]
    if c.lemma and heads.get(c.lemma.split()[0]) in _WISHED_OR_FORESEEN:
        return True
    # the head verb right before the act's subject and "to": "expects solar to supply 30%"
    verb = _HEAD_BEFORE_TO.search(c.text)
    return bool(verb) and heads.get(terms.stem(verb.group(1).lower())) in _WISHED_OR_FORESEEN


_HEAD_BEFORE_TO = re.compile(r"\b([a-z]+(?:s|ed))\s+(?:[\w'’-]+\s+){1,3}to\s+[a-z]+", re.IGNORECASE)


def asks_for_its_act(c: Claim) -> bool:
    """The claim asks for its act rather than asserting it: a request named by its noun ("the
    union's bid to have the stoppage ruled unlawful"; frames.json request_nouns) or a verb of
    asking with the act after "to" ("asked the tribunal in Varn to declare it void").

    >>> asks_for_its_act(Claim("x", "a", 0, 1, "The union asked the court in Varn to declare it void", 0, 1))
    True
    >>> asks_for_its_act(Claim("x", "a", 0, 1, "The court declared it void", 0, 1))
    False
    """
    return _asking().search(c.text) is not None


@lru_cache(maxsize=1)
def _asking() -> re.Pattern[str]:
    nouns = sorted(lexicon.words("frames", "request_nouns"), key=len, reverse=True)
    verbs = sorted(lexicon.words("frames", "request_verbs"), key=len, reverse=True)
    return re.compile(r"\b(?:(?:" + "|".join(map(re.escape, nouns)) + r")\s+(?:to|for)"
                      + r"|(?:" + "|".join(map(re.escape, verbs)) + r")\s+(?:[\w'’-]+\s+){0,6}?to\s+[a-z]+)\b",
                      re.IGNORECASE)

"""The day of one announcement, told two ways (kind `when`).

An announcement is an act done once: "The port authority announced on Friday
that it had sold the ferry" and "The port authority announced on Thursday that
the ferry will leave the fleet" cannot both date it: in two sources' leads
they tell one piece of news. Said with "said", the day is only when someone
spoke, and a speaker says things on many days; so only the verbs of
data/verbs.json `announcing` date an act. The day is the attribution's own
(`Claim.said_on`: "announced on Thursday"); days compare as
`when.mentions_compatible` reads them. Two speakers (two parties announcing)
date two acts.

    >>> announced_on("The port authority announced on Friday that it had sold the ferry", "on Friday")
    True
    >>> announced_on("The port authority said on Friday that the ferry announced on Monday was sold", "on Friday")
    False
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from .. import lexicon
from ..records import Claim
from ..slots import names, when
from . import lead_day
from .participants import same_participant
from .verbs import alternation


@lru_cache(maxsize=1)
def _announcing() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + alternation(lexicon.load("verbs")["announcing"]) + r")\b", re.IGNORECASE)


def announced_on(text: str, day: str) -> bool:
    """Whether the claim's words announce on `day`, the verb of announcing (kept in them by
    attribution.py) right before the day its attribution gives: an "announced" inside the
    reported clause dates something else."""
    return re.search(_announcing().pattern + r"\s+" + re.escape(day), text, re.IGNORECASE) is not None


def announcement_day_conflicts(claims: Sequence[Claim], block: Sequence[int]) -> list[tuple[int, int, str]]:
    """Pairs of lead announcements of two sources of one story block (indices into `claims`)
    by one speaker on days that cannot be one, with the reason; one pair per two sources.

    A lead (the first sentence of a source that holds claims) tells the story's news: two
    sources' leads announced by one party announce one act, whatever each says was announced.
    """
    leads: dict[str, list[int]] = {}
    for i in lead_day.lead_claims(claims, block):
        c = claims[i]
        if c.attribution and any(announced_on(c.text, m.text) for m in c.said_on):
            leads.setdefault(c.source, []).append(i)
    by_source = sorted(leads.items())
    out: list[tuple[int, int, str]] = []
    for n, (_, mine) in enumerate(by_source):
        for _, theirs in by_source[n + 1:]:
            found = next(((i, j, reason) for i in mine for j in theirs
                          for reason in (_day_clash(claims[i], claims[j]),) if reason), None)
            if found:
                out.append(found)
    return out


def _day_clash(a: Claim, b: Claim) -> str | None:
    """The reason when one speaker announced on two days that cannot be one, else None."""
    if not (a.attribution and b.attribution and _one_speaker(a.attribution, b.attribution)):
        return None
    for x in a.said_on:
        for y in b.said_on:
            if when.mentions_compatible(x, y) is False:
                return f'when (announced): "{x.text}" ({when.describe(x)}) vs "{y.text}" ({when.describe(y)})'
    return None


def _one_speaker(x: str, y: str) -> bool:
    """One party: one participant, one name's words inside the other's ("the Orvik museum" /
    "The Orvik Maritime Museum"), or a description whose head noun the name holds."""
    if same_participant(x.lower(), y.lower()):
        return True
    wx, wy = set(names.proper_names(x)), set(names.proper_names(y))
    if wx and wy:
        return wx <= wy or wy <= wx
    # a description against a name: its head noun in the name ("the town's maritime museum" /
    # "the Orvik Maritime Museum")
    description, name = (x, y) if not wx else (y, x)
    head = description.lower().split()[-1] if description.split() else ""
    return bool(head) and head in name.lower().split()

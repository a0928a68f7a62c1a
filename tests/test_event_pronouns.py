"""A claim that only says an event took place ("It occurred outside Brenford")
reports the event of the claim before it (claims.event_of_before)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from factcheck import pipeline
from factcheck.judgement.claims import event_of_before
from factcheck.records import Source
from test_match_compare import verdict_between

CRASH = "A coach collided with a lorry near Aldwick on Tuesday night."


@pytest.mark.parametrize("text_b, expected", [
    # "it" after the sentence naming the collision: the collision's place
    ("The collision between the Northern Flyer coach and a lorry took place at 21:15 on Tuesday. "
     "It occurred outside Brenford, about 40 kilometres north of Aldwick, on a narrow stretch.", "conflict"),
    ("The coach and the lorry collided late on Tuesday. This took place outside Brenford.", "conflict"),
    # the same place in other words agrees
    ("The collision between the Northern Flyer coach and a lorry took place at 21:15 on Tuesday. "
     "It occurred near Aldwick, on a narrow stretch.", "agree"),
    # trap: "it" after a sentence about something that is no event says nothing of the crash
    ("The Northern Flyer coach was built in 2019. It is kept in a depot outside Brenford.", "separate"),
])
def test_event_pronoun_takes_the_event_before(text_b: str, expected: str) -> None:
    assert verdict_between(CRASH, text_b)[0] == expected


def _claims(text: str):
    return pipeline.analyse([Source(id="a", path=Path("a.txt"), text=text)]).claims


@pytest.mark.parametrize("text, expected", [
    ("The two trams collided at noon. It happened outside the depot.", "collide"),
    # a named subject names its own event
    ("The two trams collided at noon. The parade happened outside the depot.", None),
    # no event before it: nothing to inherit
    ("It happened outside the depot.", None),
])
def test_event_of_before(text: str, expected: str | None) -> None:
    claims = _claims(text)
    last = event_of_before(claims[-1], claims[:-1])
    assert (last.predicate.split(",")[0] if last.predicate else None) == expected


@pytest.mark.parametrize("text_a, text_b, expected", [
    # the day a toll rose is the count's, not the day of the collapse it counts
    ("A footbridge collapsed in Varnel on Sunday.",
     "Deaths after a footbridge collapse in Varnel climbed to 10 on Friday.", "separate"),
    ("A footbridge collapsed in Varnel on Sunday.",
     "Deaths since a footbridge collapse in Varnel rose to 10 on Friday.", "separate"),
    # the collapse told as the act still has its day
    ("A footbridge collapsed in Varnel on Sunday.",
     "A footbridge in Varnel collapsed on Saturday, killing 10 people.", "conflict"),
])
def test_compound_event_noun_is_a_reference(text_a: str, text_b: str, expected: str) -> None:
    assert verdict_between(text_a, text_b)[0] == expected


@pytest.mark.parametrize("text_a, text_b, expected", [
    # two days of a count changing date the counts, not the event
    ("Deaths after a footbridge collapse in Varnel at the weekend climbed to four yesterday.",
     "Deaths after a footbridge collapse in Varnel climbed to 10 on Friday.", "no-when"),
    # two days of the event itself still clash
    ("A footbridge collapsed in Varnel on Saturday, killing four people.",
     "A footbridge collapsed in Varnel on Sunday, killing four people.", "when"),
])
def test_days_of_a_count_changing(text_a: str, text_b: str, expected: str) -> None:
    verdict, reason = verdict_between(text_a, text_b, date(2025, 3, 4), date(2025, 3, 8))
    assert ("when" if verdict == "conflict" and reason.startswith("when") else "no-when") == expected

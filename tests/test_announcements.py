"""The day of one announcement: an act done once, dated by the attribution (announcements.py).
Invented text."""
from __future__ import annotations

from pathlib import Path

import pytest

from factcheck import pipeline
from factcheck.records import Source

LEAD_A = "The Orvik Maritime Museum announced on Tuesday that it had bought the Brunnholt globe for 2 million euros."


def _day_conflicts(text_b: str) -> list[str]:
    result = pipeline.analyse([Source(id="a", path=Path("a.txt"), text=LEAD_A),
                               Source(id="b", path=Path("b.txt"), text=text_b)])
    return [v.reason for v in result.verdicts if v.reason.startswith("when (announced)")]


@pytest.mark.parametrize("text_b, clash", [
    # one party's announcement on two days, each lead telling its own part of the news
    ("The Orvik Maritime Museum announced on Monday that the Brunnholt globe will go on show in May.", True),
    # a description of the party, its head noun in the name
    ("The town's maritime museum announced on Monday that the Brunnholt globe will go on show in May.", True),
    # the same day
    ("The Orvik Maritime Museum announced on Tuesday that the Brunnholt globe will go on show in May.", False),
    # trap: "said" dates a saying, and a party says things on many days
    ("The Orvik Maritime Museum said on Monday that the Brunnholt globe will go on show in May.", False),
    # trap: another party's announcement is another act
    ("The Brunnholt family announced on Monday that the globe will go on show in May.", False),
], ids=["two-days", "description", "same-day", "said-not-announced", "other-party"])
def test_announcement_day(text_b: str, clash: bool) -> None:
    assert bool(_day_conflicts(text_b)) is clash


def test_the_announcement_stays_in_the_claim_text() -> None:
    result = pipeline.analyse([Source(id="a", path=Path("a.txt"), text=LEAD_A)])
    assert result.claims[0].text.startswith("The Orvik Maritime Museum announced on Tuesday that")

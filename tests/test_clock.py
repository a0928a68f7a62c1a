"""Clock times (clock.py) and the time-of-day conflict between matched claims."""
from __future__ import annotations

import pytest

from factcheck import clock
from tests.test_match_compare import verdict_between


@pytest.mark.parametrize("text, expected", [
    ("The wall fell at 10:45 a.m.", [(645, False)]),
    ("The wall fell at about 10:30am.", [(630, True)]),
    ("The quake struck at 11.59 pm on Monday.", [(1439, False)]),
    ("The ship sank around 9 p.m.", [(1260, True)]),
    ("The train left at 16:05.", [(965, False)]),
    ("Noon: 12 p.m. and 12 a.m.", [(720, False), (0, False)]),
    # not times of day
    ("He finished in 2:07:41.", []),
    ("She ran 9.58 seconds.", []),
    ("The vote was 12 to 3 at 9.", []),
    ("Results of 10.45 percent.", []),
], ids=["colon-am", "about-am", "dot-pm", "hour-pm", "24-hour", "twelve", "duration", "decimal", "bare-number",
        "decimal-percent"])
def test_clock_times(text: str, expected: list[tuple[int, bool]]) -> None:
    assert [(t.minutes, t.approximate) for t in clock.clock_times(text)] == expected


@pytest.mark.parametrize("text_a, text_b, expected", [
    ("The warehouse roof caved in at about 10:30 a.m. on Wednesday.",
     "The warehouse roof caved in around 10:50 a.m. on Wednesday.", True),
    ("The warehouse roof caved in at 10:30 a.m. on Wednesday.",
     "The warehouse roof caved in at 10:35 a.m. on Wednesday.", True),
    # within the hedge of "about"
    ("The warehouse roof caved in at about 10:45 a.m. on Wednesday.",
     "The warehouse roof caved in at 10:43 a.m. on Wednesday.", False),
    # the same moment in two notations
    ("The warehouse roof caved in at 22:15 on Wednesday.",
     "The warehouse roof caved in at 10.15pm on Wednesday.", False),
    # two moments of one story: a side with two times is left alone
    ("The warehouse roof caved in at 10:30 a.m. and the last worker was freed at 4 p.m.",
     "The warehouse roof caved in at 10:30 a.m. on Wednesday.", False),
], ids=["hedged-far-apart", "exact-apart", "hedged-close", "two-notations", "two-moments"])
def test_clock_conflicts(text_a: str, text_b: str, expected: bool) -> None:
    verdict, reason = verdict_between(text_a, text_b)
    assert (verdict == "conflict") is expected
    if expected:
        assert reason.startswith("when: ")

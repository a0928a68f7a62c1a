"""Clock times (clock.py) and the time-of-day conflict between matched claims."""
from __future__ import annotations

import pytest

from factcheck.slots import clock
from tests.test_match_compare import analyse_texts, verdict_between


@pytest.mark.parametrize("text, expected", [
    ("The wall fell at 10:45 a.m.", [(645, False)]),
    ("The wall fell at about 10:30am.", [(630, True)]),
    ("The quake struck at 11.59 pm on Monday.", [(1439, False)]),
    ("The ship sank around 9 p.m.", [(1260, True)]),
    ("The train left at 16:05.", [(965, False)]),
    ("It hit at midnight (16:00 GMT) on Monday.", [(960, False)]),
    ("Noon: 12 p.m. and 12 a.m.", [(720, False), (0, False)]),
    # not times of day
    ("He finished in 2:07:41.", []),
    ("She ran 9.58 seconds.", []),
    ("The vote was 12 to 3 at 9.", []),
    ("Results of 10.45 percent.", []),
], ids=["colon-am", "about-am", "dot-pm", "hour-pm", "24-hour", "zone-in-brackets", "twelve", "duration", "decimal", "bare-number",
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
    # "shortly before 11" is any moment in the half hour before it
    ("The warehouse roof caved in at about 10:40 a.m. on Wednesday.",
     "The warehouse roof caved in shortly before 11 a.m. on Wednesday.", False),
    ("The warehouse roof caved in at 10:10 a.m. on Wednesday.",
     "The warehouse roof caved in shortly before 11 a.m. on Wednesday.", True),
    ("The warehouse roof caved in just after 10 a.m. on Wednesday.",
     "The warehouse roof caved in at 10:20 a.m. on Wednesday.", False),
], ids=["hedged-far-apart", "exact-apart", "hedged-close", "two-notations", "two-moments",
        "shortly-before-meets-about", "shortly-before-too-early", "just-after"])
def test_clock_conflicts(text_a: str, text_b: str, expected: bool) -> None:
    verdict, reason = verdict_between(text_a, text_b)
    assert (verdict == "conflict") is expected
    if expected:
        assert reason.startswith("when: ")


def _clock_conflicts(*texts: str) -> list[str]:
    result = analyse_texts(*texts)
    return [c.reason for c in result.conflicts if c.kind == "clock"]


# one past event of the story at two times of day, worded apart (story_counts.clock_conflicts)
@pytest.mark.parametrize("text_a, text_b, expected", [
    ("The warehouse roof collapsed at about 10:30 a.m. on Wednesday, witnesses said.",
     "Rescue teams with dogs combed the rubble for hours after the old structure collapsed at about 10:50 a.m.", True),
    # within the hedge
    ("The warehouse roof collapsed at about 10:45 a.m. on Wednesday, witnesses said.",
     "Rescue teams with dogs combed the rubble for hours after the old structure collapsed at 10:43 a.m.", False),
    # two events of the story
    ("The warehouse roof collapsed at about 10:30 a.m. on Wednesday, witnesses said.",
     "The last survivor was rescued at 11:50 p.m. on Wednesday.", False),
    # a forecast is no time of the event
    ("The warehouse roof collapsed at about 10:30 a.m. on Wednesday, witnesses said.",
     "The mayor will visit the site where the roof collapsed at 4 p.m. on Friday.", False),
    # one act in two verbs no concept lists, keyed by the claim's own predicate class
    ("A cargo jet skidded off the runway at Lindholm at about 9:15 a.m.",
     "The plane overran the runway in heavy rain around 9:50 a.m.", True),
    # two named doers' times of one act
    ("Ana Ruiz crossed the line at 2:15 p.m.", "Ben Ortiz crossed the line at 3:05 p.m.", False),
], ids=["worded-apart", "within-hedge", "two-events", "forecast", "act-by-its-class", "two-doers"])
def test_story_clock_conflicts(text_a: str, text_b: str, expected: bool) -> None:
    found = _clock_conflicts(text_a, text_b)
    assert bool(found) is expected
    if expected:
        assert found[0].startswith(('when (collapse): "about 10:30 a.m." (10:30)', 'when (crash): "about 9:15 a.m" (09:15)'))


def test_a_source_with_two_times_for_one_event_is_left_out() -> None:
    assert _clock_conflicts("The roof collapsed at 10:30 a.m., and a wall collapsed at 11:15 a.m.",
                            "The old structure collapsed at 9:05 a.m. on Wednesday.") == []


def test_a_zone_in_brackets_is_read() -> None:
    """'(16:00 GMT)' is in a zone; '11:59 p.m.' is not: not compared."""
    assert clock.clock_times("It hit at midnight (16:00 GMT) on Monday.")[0].zone == "+00:00"
    assert clock.clock_clash("The quake hit at 11:59 p.m. on Monday.", "The quake hit at midnight (16:00 GMT) on Monday.") \
        is None

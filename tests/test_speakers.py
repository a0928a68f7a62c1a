"""One named speaker quoted by two sources with two figures (speakers.py, kind "speaker")."""
from __future__ import annotations

from pathlib import Path

import pytest

from factcheck import pipeline
from factcheck.records import Source
from tests.test_match_compare import verdict_between


@pytest.mark.parametrize("text_a, text_b", [
    # people of one kind counted
    ('"We have 350 firefighters on this blaze," governor Rosa Quintero said.',
     '"We have 600 firefighters on the ground," Quintero said.'),
    # a yearly count with "about" outside its tolerance
    ('"Together we will fly 40 million passengers a year," chief executive Luis Arce said.',
     '"Our airline will carry about 30 million passengers every year," Arce said.'),
    # a duration of one subject
    ("Chief executive Jan Holm said the plant would stay closed for three months.",
     "Plant owner Jan Holm said the plant would remain shut for six months."),
    # a forecast for "next year" by the subject itself
    ("Governor Ida Brandt said inflation would fall to 2.4 percent next year.",
     "Governor Brandt forecast inflation of 2.9 percent for next year."),
])
def test_one_speaker_two_figures(text_a: str, text_b: str) -> None:
    verdict, reason = verdict_between(text_a, text_b)
    assert verdict == "conflict" and reason.startswith("speaker"), reason


@pytest.mark.parametrize("text_a, text_b", [
    # "about" covers the other figure
    ('"We have 350 firefighters on this blaze," governor Rosa Quintero said.',
     '"We have about 330 firefighters here," Quintero said.'),
    # different things counted
    ('"We have 350 firefighters on this blaze," governor Rosa Quintero said.',
     '"We have 600 soldiers on the ground," Quintero said.'),
    # people in general: many sub-populations
    ("Governor Rosa Quintero said 350 people had left the valley.",
     "Quintero said 600 people were staying in shelters."),
    # a running count changes as the story unfolds
    ("Governor Rosa Quintero said 40 people were missing.", "Quintero said 55 were missing."),
    # durations of two subjects
    ("Chief executive Jan Holm said the plant would stay closed for three months.",
     "Holm said the inquiry would last six months."),
    # two speakers
    ("Governor Rosa Quintero said 350 firefighters were fighting the fire.",
     "Fire chief Ben Ortiz said 600 firefighters were fighting the fire."),
])
def test_no_speaker_conflict(text_a: str, text_b: str) -> None:
    verdict, reason = verdict_between(text_a, text_b)
    assert not reason.startswith("speaker"), reason


def test_two_figures_from_one_source_count_different_things() -> None:
    a = Source(id="a", path=Path("a.txt"), text=(
        "Governor Rosa Quintero said 350 firefighters were at the northern front. "
        "Quintero said 600 firefighters were on duty across the province."))
    b = Source(id="b", path=Path("b.txt"), text='"We have 600 firefighters," Quintero said.')
    result = pipeline.analyse([a, b])
    assert not [c for c in result.conflicts if c.kind == "speaker"]

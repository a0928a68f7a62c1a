"""An article that states one of its main figures twice with two values (factcheck.judgement.in_article).

Each row is one invented article: the first sentence holding `first`, the
sentence holding `second`, and whether a claim of one conflicts with a claim of
the other. The traps are look-alikes that must not conflict: a breakdown, a
part, a revised or running figure, a forecast, two deeds, a sub-population,
two quoted speakers, a background event.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from factcheck import pipeline
from factcheck.outputs import report
from factcheck.records import Source
from tests.test_match_compare import analyse_texts


def conflict_between(text: str, first: str, second: str) -> tuple[bool, str]:
    """Whether a claim of the sentence holding `first` conflicts with one of the sentence holding
    `second`, in the one article `text`, and the reason."""
    source = Source(id="a", path=Path("a.txt"), text=text, published=date(2025, 3, 14))
    result = pipeline.analyse([source])
    at_first, at_second = text.index(first), text.index(second)

    def ids(at: int) -> set[str]:
        return {c.id for c in result.claims if c.sentence_start <= at < c.sentence_end}

    left, right = ids(at_first), ids(at_second)
    for claim, verdict in zip(result.claims, result.verdicts):
        if claim.id in left and set(verdict.conflicts_with) & right:
            return True, verdict.reason
    return False, ""


@pytest.mark.parametrize("text, first, second, expected", [
    # a lead's toll against the body's
    ("The storm killed 23 people along the coast on Wednesday night. Schools will stay shut for three days. "
     "The state disaster agency put the death toll at 19.", "killed 23", "at 19", True),
    # the rescued, said twice
    ("Rescuers pulled 58 people from the lake within the first hour. Two people died. "
     "The 52 people rescued were taken to hospitals in Marrow.", "pulled 58", "The 52", True),
    # homes destroyed and homes lost are one deed
    ("A forest fire has destroyed 140 homes in the valley, officials said. Crews are arriving from the north. "
     "Officials said the 90 homes lost in the blaze were mostly wooden farmhouses.", "destroyed 140", "the 90", True),
    # a definite back-reference in plain words: the ten rescued men are the miners
    ("All eleven miners trapped in the shaft were brought out alive early on Saturday. Relatives cheered. "
     "The ten rescued men were taken by ambulance to the hospital.", "All eleven", "The ten", True),
    # an order and "the new jets"
    ("The two carriers have ordered 45 aircraft from Airbus, the companies announced. The deal closes in May. "
     "The 60 new jets will be delivered from 2027.", "ordered 45", "The 60", True),
    # the same figure twice agrees
    ("The storm killed 23 people along the coast on Wednesday night. "
     "The state disaster agency put the death toll at 23.", "killed 23", "at 23", False),
    # a breakdown by region is no second total
    ("The earthquake killed 111 people on Monday. It killed 100 people in Lanzhou and 11 in Xining.",
     "killed 111", "100 people", False),
    # one region's figure is a part
    ("The earthquake killed 111 people on Monday. Some 100 people died in Lanzhou.", "killed 111", "100 people", False),
    # a further figure is an addition
    ("Rescuers saved 12 people on Monday. Another five people were rescued on a nearby island.",
     "saved 12", "five", False),
    # a part of a whole
    ("All four climbers were rescued on Sunday. Two of the four rescued climbers were flown to hospital.",
     "All four", "Two of", False),
    # a figure the article says was revised, or a step of a running count
    ("The storm killed 23 people along the coast. Officials had initially put the death toll at 19.",
     "killed 23", "at 19", False),
    ("The storm killed 23 people along the coast. By Thursday the death toll had risen to 30.",
     "killed 23", "to 30", False),
    # a forecast and the outcome
    ("The storm killed 23 people along the coast. Forecasters had warned it could kill up to 50 people.",
     "killed 23", "up to 50", False),
    # two deeds on one noun: injured and taken to hospital
    ("The crash injured 40 people near the depot. Twelve people were taken to hospital.",
     "injured 40", "Twelve", False),
    # a sub-population
    ("The fire killed 23 people in the block. Five children were killed.", "killed 23", "Five children", False),
    # two quoted speakers reporting their own figures
    ("Police said nine people had died in the crash. Hospital officials said 12 people had died.",
     "nine people", "12 people", False),
    # a background event
    ("The cyclone killed 23 people on Wednesday. In 2013, a cyclone killed 44 people on the same coast.",
     "killed 23", "killed 44", False),
    # "one at a time" is no count
    ("All eleven miners were brought out alive on Saturday. Rescuers winched the men up one at a time.",
     "All eleven", "one at a time", False),
])
def test_in_article_counts(text: str, first: str, second: str, expected: bool) -> None:
    found, reason = conflict_between(text, first, second)
    assert found is expected, reason
    if expected:
        assert reason.startswith("count (") and "one article" in reason


def test_in_article_reason_reads_as_one_article() -> None:
    _, reason = conflict_between("The storm killed 23 people along the coast on Wednesday night. "
                                 "The state disaster agency put the death toll at 19.", "killed 23", "at 19")
    assert "it contradicts itself" in report.explain(reason, True, "a")
    assert reason.startswith('count (people killed, one article): "23"')


@pytest.mark.parametrize("text", [
    # two days in one article are two acts
    "The warden met parish leaders in the library on Monday. "
    "Parish leaders have called a village meeting for Thursday night.",
    # two negations in one article are two facts
    "One sailor said he feared he would never hold his children again. "
    "Another sailor said the crew was never warned of the gale.",
])
def test_one_articles_days_and_negations_are_not_compared(text: str) -> None:
    assert [c.kind for c in analyse_texts(text).conflicts] == []

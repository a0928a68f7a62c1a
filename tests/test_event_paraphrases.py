"""Common news paraphrases of one event are one fact (data/concepts.json: strike, displace,
turnout, pay-rise, demand), and an idiom's event survives the reference rule of
claims.predicate_events ("forced from their homes" is not "forced" plus "their homes").
Invented text; look-alikes that must stay apart are included."""
from __future__ import annotations

import pytest

from factcheck.slots import names
from factcheck.judgement.claims import predicate_events
from test_match_compare import verdict_between


@pytest.mark.parametrize("text_a, text_b, expected", [
    # a walkout is a strike: the headcounts differ
    ("Around 2,400 dockers at Quayline Ports walked out on Monday.",
     "A strike by 1,600 Quayline Ports dockers closed the harbour.", "conflict"),
    ("Roughly 5,200 nurses at Marrow Health began a strike on Wednesday.",
     "Some 3,100 nurses at Marrow Health staged a walkout on Wednesday.", "conflict"),
    # the same headcount told two ways agrees
    ("Around 2,400 dockers at Quayline Ports walked out on Monday.",
     "A strike by 2,400 Quayline Ports dockers closed the harbour.", "agree"),
    # trap: suspending a strike and its start are two events
    ("The dockers' union suspended its strike on Friday night.",
     "The strike began on 3 March.", "separate"),
    # forced from their homes = displaced
    ("More than 9,000 residents were forced from their homes by the landslides.",
     "Some 4,000 people have been displaced by the landslides.", "conflict"),
    ("Nearly 700 families fled their homes after the dam failed.",
     "The dam failure displaced 300 families.", "conflict"),
    # trap: evacuated is another count than displaced
    ("About 2,000 residents were evacuated from the hillside.",
     "Some 5,000 people have been displaced by the landslides.", "separate"),
    # turnout worded as the share of voters who cast a ballot
    ("Roughly 38 percent of eligible voters cast a ballot in the referendum.",
     "Turnout in the referendum was 57%.", "conflict"),
    ("Turnout in the referendum was 57%.",
     "Some 57 percent of eligible voters cast their ballots in the referendum.", "agree"),
    # trap: the winner's share of the vote is not the turnout
    ("Ilse Brandvold won the referendum on the bridge with 57% of the vote.",
     "Turnout in the referendum was 38%.", "separate"),
    # a pay rise demanded in two wordings
    ("The drivers want wages raised by 9 percent.",
     "The drivers' union is demanding a 6% pay rise.", "conflict"),
    # trap: what the employer offers is not what the union demands
    ("The drivers' union is demanding a 9% pay rise.",
     "The bus company has offered a 4% pay rise.", "separate"),
])
def test_event_paraphrases(text_a: str, text_b: str, expected: str) -> None:
    assert verdict_between(text_a, text_b)[0] == expected


@pytest.mark.parametrize("text, expected", [
    ("More than 500 residents were forced from their homes", {"displace"}),
    ("Divers pulled from the wreck two more bodies", {"recover"}),
    # a reference to another event stays out
    ("The death toll from the sinking rose to 12", {"kill"}),
    ("Patients from the crash were flown to the capital", set()),
])
def test_predicate_keeps_idioms(text: str, expected: set[str]) -> None:
    assert set(predicate_events(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("The Ostrava River burst its banks", ()),
    ("Boats were launched on Lake Wendmere", ()),
    ("Mayor Ilse Brandvold opened the bridge", ("Brandvold",)),
])
def test_river_is_no_person(text: str, expected: tuple[str, ...]) -> None:
    assert names.people(text) == expected


def test_toll_and_killed_share_the_named_river() -> None:
    # the river's name is wording both share, not a person compared as a slot
    assert verdict_between(
        "The death toll from flooding along the Ostrava River stood at 48, officials said.",
        "Floods in the lowlands killed 63 people after the Ostrava River burst its banks on Monday.")[0] == "conflict"


@pytest.mark.parametrize("text_a, text_b, expected", [
    # joining a strike is the strike: two forecasts of its size clash
    ("Up to 2,000 nurses will probably join the stoppage.",
     "Over 3,000 nurses plan to strike at wards across the north on Friday.", "conflict"),
    ("About 2,000 nurses joined the walkout on Friday.", "Some 2,000 nurses went on strike on Friday.", "agree"),
    # "stoppage time" in a match is no strike
    ("Berg scored in stoppage time.", "Over 3,000 nurses plan to strike on Friday.", "separate"),
])
def test_joining_a_strike(text_a: str, text_b: str, expected: str) -> None:
    assert verdict_between(text_a, text_b)[0] == expected

"""Kinds of figure a story states in two wordings (issue 9's planted count and amount kinds):
a quake is an earthquake (data/concepts.json) and a number after "magnitude" is read on that
scale, whatever noun follows it (data/quantity_words.json: scale_nouns), so "a magnitude 5.8
tremor" and "measured the earthquake at magnitude 4.9" compare. Two agencies that each give
their own reading are not set against each other. Invented text; look-alikes included."""
from __future__ import annotations

from datetime import date

import pytest

from factcheck.slots.quantities import find_quantities
from test_match_compare import verdict_between


@pytest.mark.parametrize("text_a, text_b, expected", [
    # a quake and an earthquake are one event; the magnitudes differ
    ("The coastal observatory put the Tuesday quake near Brackwater at magnitude 4.9.",
     "A magnitude 5.8 earthquake hit near Brackwater on Tuesday, the coastal observatory said.", "conflict"),
    ("A magnitude 4.9 tremor shook Brackwater overnight.",
     "A magnitude 5.8 earthquake shook Brackwater overnight.", "conflict"),
    # the same magnitude worded two ways agrees
    ("The coastal observatory put the quake near Brackwater at magnitude 5.8.",
     "A magnitude 5.8 earthquake hit near Brackwater.", "agree"),
    # trap: two agencies, each its own reading
    ("A magnitude 5.6 quake hit Brackwater, the coastal observatory said.",
     "A magnitude 5.9 quake hit Brackwater, the European monitoring network said.", "agree"),
    # trap: an aftershock on another day is another event
    ("A magnitude 4.2 aftershock rattled Brackwater on Thursday.",
     "A magnitude 5.8 earthquake hit near Brackwater on Tuesday.", "separate"),
])
def test_magnitudes(text_a: str, text_b: str, expected: str) -> None:
    assert verdict_between(text_a, text_b)[0] == expected


@pytest.mark.parametrize("text, expected", [
    ("A magnitude 5.8 earthquake hit the coast.", [("5.8", "magnitude")]),
    ("The observatory put it at magnitude 4.9.", [("4.9", "magnitude")]),
    ("A 6.3-magnitude tremor hit the coast.", [("6.3", "magnitude")]),
    ("Two earthquakes hit the coast.", [("Two", "earthquakes")]),   # a count of quakes stays one
])
def test_scale_nouns(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(q.text, q.counted) for q in find_quantities(text)] == expected


@pytest.mark.parametrize("text_a, text_b, expected", [
    # taken to hospital, and a hospital that treats people: one head count of the same people
    ("Another 40 miners were taken to hospital with smoke poisoning.",
     "Hospitals in Eastvale treated 31 injured miners overnight.", "conflict"),
    ("Clinics in Eastvale admitted 64 hikers overnight.",
     "Some 90 hikers were rushed to hospital after the rockfall.", "conflict"),
    ("Another 40 miners were taken to hospital with smoke poisoning.",
     "Hospitals in Eastvale treated 40 injured miners overnight.", "agree"),
    # the injured taken to hospitals, worded two ways, with no figure
    ("The injured were flown to hospitals in the northern city.",
     "The injured are being treated at hospitals in the capital.", "agree"),
    # traps: medics at the scene are not a hospital; the injured are not all taken to hospital
    ("Medics treated 31 miners at the pithead.", "Forty miners were taken to hospital.", "separate"),
    ("Forty miners were taken to hospital.", "Thirty-one miners were injured.", "separate"),
    # trap: a hospital as a place of work or business, not a patient's destination
    ("Private hospitals in Eastvale reported 300 more bookings.",
     "Some 90 stranded climbers were rushed to hospital.", "separate"),
])
def test_hospital_counts(text_a: str, text_b: str, expected: str) -> None:
    assert verdict_between(text_a, text_b)[0] == expected


def test_hospital_count_rising_a_day_later_is_an_update() -> None:
    """Those in hospital are a running figure (changing_figures.json): up a day later is news."""
    earlier, later = "Hospitals in Eastvale treated 31 injured miners.", "Another 40 miners were taken to hospital."
    assert verdict_between(earlier, later, date(2025, 3, 3), date(2025, 3, 4))[0] != "conflict"
    assert verdict_between(later, earlier, date(2025, 3, 3), date(2025, 3, 3))[0] == "conflict"


@pytest.mark.parametrize("text_a, text_b, expected", [
    # a race is an election: the winner's share of the vote, worded two ways
    ("Hana Lorne of the Greenway Party took 49% in Millbrook's council race.",
     "Hana Lorne won the Millbrook council election on Sunday with 41% of the vote.", "conflict"),
    ("Voters in Millbrook elected Hana Lorne on Sunday, giving the Greenway Party candidate 41 percent.",
     "Hana Lorne of the Greenway Party took 49% in Millbrook's council race.", "conflict"),
    # one named winner; the event told by a verb no concept lists on one side ("took")
    ("Hana Lorne won the Bremen mayoral election on Sunday with 41% of the vote.",
     "Hana Lorne of the Greenway Party took 49% in Bremen's mayoral race.", "conflict"),
    # traps: the turnout and a rival's share are other figures
    ("About 61 percent of registered voters cast a ballot in the Millbrook race.",
     "Hana Lorne of the Greenway Party took 49% in Millbrook's council race.", "separate"),
    ("Hana Lorne won the Millbrook council election with 49% of the vote.",
     "Her rival Tomas Ferrand took 38% in the Millbrook council race.", "separate"),
    ("Hana Lorne won the Millbrook council election with 49% of the vote.",
     "Hana Lorne has promised to build 3,000 homes in Millbrook.", "separate"),
])
def test_vote_shares(text_a: str, text_b: str, expected: str) -> None:
    assert verdict_between(text_a, text_b)[0] == expected


@pytest.mark.parametrize("text_a, text_b, expected", [
    # a fine imposed and a defendant fined: the story's one fine (concepts: amount_events)
    ("The tribunal imposed a fine of $6 million.", "Bram Keller was also fined $3 million.", "conflict"),
    ("The tribunal imposed a fine of $6 million on Bram Keller.", "Bram Keller was also fined $6 million.", "agree"),
    # traps: another sum, and two parties each fined their own
    ("Bram Keller was fined $3 million.", "Bram Keller paid $6 million in back taxes.", "separate"),
    ("The regulator fined Coldwell Bank $40 million.", "The regulator fined Marren Trust $25 million.", "separate"),
])
def test_fines(text_a: str, text_b: str, expected: str) -> None:
    assert verdict_between(text_a, text_b)[0] == expected

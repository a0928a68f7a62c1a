"""Counts that are parts, margins or sub-populations of what another source counts are no
contradiction of it (judgement/story_counts.py, compare._number_conflict)."""
from __future__ import annotations

from pathlib import Path

import pytest

from factcheck import pipeline
from factcheck.judgement import story_counts
from factcheck.records import Source
from tests.test_match_compare import analyse_texts


def _kinds(*texts: str) -> list[str]:
    found = analyse_texts(*texts)
    return sorted({c.kind for c in found.conflicts})


@pytest.mark.parametrize("texts, expected", [
    # members of a voting body split into those for, against and abstaining
    (("Six senators abstained in the final vote on the Kelmo dam.", "Forty senators backed the Kelmo dam plan."), []),
    # riders (like runners, passengers, workers) come in sub-populations: started, crashed, finished
    (("A field of 150 riders set off from the harbour.", "A crash brought down 24 riders near the summit."), []),
    # a count at one named facility is a part of the company's whole
    (("Korrin employs 3,200 people in nine countries.", "Korrin employs about 700 people at the Hessle Road plant."), []),
    # ... but a facility before the figure is where the event happened
    (("A fire at the Tarrow Mills plant in Leeds killed 5 workers on Tuesday.",
      "The blaze at Tarrow Mills in Leeds left 7 workers dead."), ["number"]),
    # a margin is compared with margins, never with a total
    (("Ana Ruiz polled 1,290 votes.", "Ruiz finished 310 votes ahead of Ben Ortiz."), []),
    (("Ruiz finished 310 votes ahead of Ben Ortiz.", "Ruiz finished 290 votes ahead of Ben Ortiz on Thursday night."),
     ["number"]),
    # a part singled out by "alone" is no second total
    (("Some 800 shops were flooded in Tamsby.", "In the old town alone, 120 shops were flooded."), []),
    (("Some 800 shops were flooded in Tamsby.", "About 650 shops were flooded in Tamsby."), ["number"]),
    # a phase of the whole ("12 go up in the first phase ...") counts a part
    (("During the first phase, 30 pylons will be erected, and the rest will follow in 2027.",
      "The power line will consist of 84 pylons."), []),
    # a count in an oblique argument counts where the act went, not the thing itself
    (("Five kilns were shut at the Orma works.", "One worker was moved between three kilns in a week."), []),
    (("Five kilns were shut at the Orma works.", "Seven kilns were shut at the Orma works."), ["number"]),
    # a rate per period is no count of the people aboard
    (("The Linna ferry was carrying 180 passengers when it ran aground.",
      "The Linna route carries about 300,000 passengers a year."), []),
    # two speakers each saying what it did itself: two doers, not one fact done and pending
    (("The club said it had already interviewed the referee.", "The league said it had not yet interviewed the referee."),
     []),
    (("The club said it had already paid the fine.", "The league said it had not yet paid the fine."), []),
    (("The club said it had already interviewed the referee.", "The club said it had not yet interviewed the referee."),
     ["pending"]),
    # a part singled out of one matched fact ("in the second half alone") is no second figure
    (("Sellick made nine saves in the final.", "In the second half alone, Sellick made four saves in the final."), []),
    (("Sellick made nine saves in the final.", "Sellick made six saves in the final."), ["number"]),
    # "remember 1987, when ...": that year's event, not the story's
    (("Some 260 houses were swamped when the levee failed.",
      "Farmers recall 1993, when an earlier levee failure upriver swamped 35 houses."), []),
    (("Some 260 houses were swamped when the levee failed.", "The levee failure swamped 35 houses."), ["count"]),
    # figures listed after "among them" / "include" count parts of a whole
    (("Four lorries and three vans fell into the canal.", "Several vehicles, among them two lorries, were on the bridge."), []),
    (("The council has sacked three planning officers.",
      "Those charged include five builders and two planning officers."), []),
    (("Four lorries and three vans fell into the canal.", "Two lorries and three vans fell into the canal."), ["number"]),
    # "four other walkers" are the rest, not the whole
    (("Police are looking for 9 walkers who remain unaccounted for.", "Four other walkers remain unaccounted for."), []),
    # the list ends at its comma: a figure after it is the whole's own
    (("The passengers, including 40 pupils, were aboard the 6,100-ton ship.", "The 6,900-ton ship sank."), ["number"]),
    # an earlier round is another occasion: its figures are its own
    (("Gomez beat Novak in a semi-final that went on for three hours.", "The final went on for two hours."), []),
    (("The final between Gomez and Novak lasted three hours.", "The final between Gomez and Novak lasted two hours."),
     ["number"]),
    # a doer named in the other claim takes part in its act ("launched its Vela-3 rocket" / "Vela-3 carried"),
    # and customers named after "for" are no more of the set counted
    (("Tarsk Space flew its Vela-3 booster on Monday and placed four cubesats in orbit.",
      "Vela-3 lofted five cubesats for Danish and Dutch clients."), ["count"]),
    (("Norway signed four trade deals.", "Chile signed five trade deals."), []),
    # the whole of a partition counts the set ("two of the four satellites": four) ...
    (("The Vela-3 booster lofted five cubesats.",
      "Engineers were still waiting to hear from two of the four cubesats."), ["count"]),
    # ... and agrees with its part told elsewhere
    (("Two arches of the Orr viaduct failed.", "Two of the Orr viaduct's five arches crashed down."), []),
    # the number a study took in, whatever noun counts them
    (("Doctors enrolled 2,310 volunteers in the asthma trial.", "The asthma trial randomised 2,130 people."), ["count"]),
    (("Doctors enrolled 2,310 volunteers in the asthma trial.", "Figures from a study of 2,310 people were shown in Oslo."), []),
    # people counted by another act are no study's size
    (("Doctors enrolled 2,310 volunteers in the asthma trial.", "About 900 patients were treated in the city."), []),
    # the story's study named with two phase numbers
    (("Its phase 2 asthma trial has now ended.", "The inhaler halved flare-ups in a Phase III clinical trial."), ["label"]),
    (("Its phase 3 asthma trial has now ended.", "The inhaler halved flare-ups in a Phase III clinical trial."), []),
    (("Its phase 3 asthma trial has now ended.", "The inhaler halved flare-ups in a phase 2 study."), ["label"]),
    # an earlier study is another study
    (("Its phase 3 asthma trial has now ended.", "A previous phase 2 study of the inhaler was smaller."), []),
    # a strike's length, as a compound or as "for N weeks" of the one event the claim names
    (("Nurses have suspended their five-week strike.", "The walkout kept the wards half-empty for six weeks."), ["count"]),
    (("Nurses have suspended their five-week strike.", "The walkout kept the wards half-empty for five weeks."), []),
    # a duration of something else
    (("Nurses have suspended their five-week strike.", "Talks with the ministry went on for six weeks."), []),
], ids=["voting-body-split", "sub-populations", "facility-part", "facility-is-the-scene", "margin-vs-total", "margin-vs-margin",
        "part-alone", "total-vs-total", "phase-part", "oblique-count", "thing-count", "rate-per-year", "two-self-reports",
        "two-self-reports-status", "one-self-report", "part-alone-matched", "saves-vs-saves",
        "year-when-background", "homes-vs-homes", "among-them", "include", "lorries-vs-lorries", "other-people",
        "list-ends-at-comma", "earlier-round", "final-vs-final", "doer-named-on-the-other-side", "two-doers",
        "whole-of-partition", "part-of-partition", "study-size", "study-size-agrees", "other-people",
        "study-vs-trial", "same-phase", "phase-label", "earlier-study",
        "strike-length", "strike-length-agrees", "other-duration"])
def test_parts_are_no_contradiction(texts: tuple[str, ...], expected: list[str]) -> None:
    assert _kinds(*texts) == expected


@pytest.mark.parametrize("text, expected", [
    ("Korrin employs about 700 people at the Hessle Road plant.", True),
    ("Korrin employs 3,200 people.", False),
    # an unnamed "site" is the whole place of the story, not one facility of many
    ("Damage at the site is estimated at 12 million euros.", False),
])
def test_at_facility(text: str, expected: bool) -> None:
    assert story_counts.at_facility(text) is expected


@pytest.mark.parametrize("currency", ["crowns", "kronor", "zlotys", "rand"])
def test_sums_in_a_currency_written_out_are_money_not_a_count(currency: str) -> None:
    """"collected 9,000 crowns" and "invested 25 million crowns": two sums, not one count told twice."""
    lead = "Part of a tunnel roof collapsed at the Tolvik copper mine on Tuesday. "
    sources = [Source("a", Path("a.txt"),
                      lead + f"A fund for the trapped men's relatives has collected 9,000 {currency}."),
               Source("b", Path("b.txt"),
                      lead + f"The Tolvik mining company says it has invested 25 million {currency} in ventilation.")]
    assert not any(v.conflicts_with for v in pipeline.analyse(sources).verdicts)

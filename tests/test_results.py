"""A named competitor's result (judgement/results.py): points totals and finishing times."""
from __future__ import annotations

import pytest

from factcheck.judgement import results
from tests.test_match_compare import analyse_texts


def _result_reasons(*texts: str) -> list[str]:
    found = analyse_texts(*texts)
    return [c.reason for c in found.conflicts if c.kind == "result"]


@pytest.mark.parametrize("text, person, expected", [
    ("Petra Nyman won the open with 6.5 points.", "nyman", [("points", 6.5)]),
    ("Nyman finished on 7 points to take the title.", "nyman", [("points", 7.0)]),
    ("Reid won in a time of 2:08:14.", "reid", [("time", 7694.0)]),
    ("Moss won the 400m in 44.71 seconds.", "moss", []),
    # margins and changes are no totals
    ("Nyman finished two points clear of Holt.", "nyman", []),
    ("Nyman won by half a point.", "nyman", []),
    # a time of day is no race time
    ("Reid started at 9:30.", "reid", []),
], ids=["points-with", "points-on", "race-time", "seconds-not-read", "margin-after", "margin-by", "clock-time"])
def test_results_in(text: str, person: str, expected: list[tuple[str, float]]) -> None:
    assert [(r, v) for r, v, _ in results.results_in(text, person)] == expected


@pytest.mark.parametrize("texts, expected", [
    # one player, two totals
    (("Petra Nyman won the open with 6.5 points.", "Nyman finished on 7 points to take the title."), True),
    # the name in apposition is the subject: "The winner, Tomas Reid,"
    (("The winner, Tomas Reid, crossed the line in 2:07:41.", "Reid won in a time of 2:08:14."), True),
    # "The 31-year-old" refers back to the competitor named before
    (("Tomas Reid won the marathon on Sunday. The 31-year-old finished in 2:07:41.",
      "Reid won in a time of 2:08:14."), True),
    # traps: the same total; two players; a margin; a background year
    (("Petra Nyman won the open with 7 points.", "Nyman finished on 7 points to take the title."), False),
    (("Petra Nyman won the open with 7 points.", "Ida Holt finished on 6.5 points."), False),
    (("Petra Nyman finished two points clear of Holt.", "Nyman finished on 7 points to take the title."), False),
    (("In 2019 Petra Nyman won the open with 8 points.", "Nyman finished on 7 points to take the title."), False),
    # one scorer's goal in two minutes, "six minutes from time" being the 84th
    (("Captain Ola Berg nodded a cross home in the 71st minute.",
      "Berg's late header six minutes from time sealed the cup."), True),
    (("Captain Ola Berg nodded a cross home in the 84th minute.",
      "Berg's late header six minutes from time sealed the cup."), False),
    # a source giving one scorer two minutes (two goals) is left out
    (("Ola Berg scored in the 12th minute and again in the 71st minute.",
      "Berg's late header six minutes from time sealed the cup."), False),
], ids=["points", "apposition-time", "refers-back-time", "same-total", "two-players", "margin", "background-year",
        "goal-minute", "goal-minute-same", "two-goals"])
def test_result_conflicts(texts: tuple[str, ...], expected: bool) -> None:
    assert bool(_result_reasons(*texts)) is expected

"""The day of the story's one-off event named in different words by two sources (event_day.py)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from factcheck.judgement import event_day
from factcheck import pipeline
from factcheck.records import Source
from tests.test_match_compare import verdict_between

SUN = date(2025, 5, 18)
SAT = date(2025, 5, 17)
WED = date(2025, 9, 17)
APR13 = date(2025, 4, 13)


def day_reasons(text_a: str, text_b: str, published_a: date | None = None,
                published_b: date | None = None) -> list[str]:
    """The reasons of the story-level day conflicts between two one-sentence articles."""
    result = pipeline.analyse([Source(id="a", path=Path("a.txt"), text=text_a, published=published_a),
                               Source(id="b", path=Path("b.txt"), text=text_b, published=published_b)])
    return [c.reason for c in result.conflicts if c.kind == "day"]


@pytest.mark.parametrize("text_a, text_b, published_a, published_b, expected, reason", [
    # the event named by a noun on one side, by its verb on the other
    ("The award ceremony was held on Friday evening in Oslo.", "Berg won the prize on Saturday in Oslo.",
     None, None, "conflict", 'when: "on Friday evening" (Fri (evening)) vs "on Saturday" (Sat)'),
    # "this evening" in a bulletin dated Saturday against a Sunday final
    ("Rovers won the cup this evening.", "The cup final was played on Sunday.", SAT, date(2025, 5, 19),
     "conflict", 'when: "this evening" (Sat 17 May 2025 (evening)) vs "on Sunday" (Sun 18 May 2025)'),
    # a race won "this afternoon" in a wire dated Sunday against a cup won on Saturday
    ("The sloop Kittiwake won the coastal race this afternoon.", "Skipper Anna Dahl won the cup on Saturday.",
     date(2025, 5, 18), date(2025, 5, 19),
     "conflict", 'when: "this afternoon" (Sun 18 May 2025 (afternoon)) vs "on Saturday" (Sat 17 May 2025)'),
    # two verbs for one runway overrun, "this morning" in an article dated Thursday against Wednesday
    ("A cargo jet overran the runway at Lindholm on Wednesday.", "A cargo plane skidded off the runway at Lindholm this morning.",
     date(2025, 5, 22), date(2025, 5, 22),
     "conflict", 'when: "on Wednesday" (Wed 21 May 2025) vs "this morning" (Thu 22 May 2025 (morning))'),
    # "last night's win" in an article dated Sunday is Saturday's
    ("Rovers are cup holders after last night's win over Dale.", "The cup final was played on Sunday.",
     SUN, date(2025, 5, 20),
     "conflict", 'when: "last night" (Sat 17 May 2025 (night)) vs "on Sunday" (Sun 18 May 2025)'),
    # a verb no concept list joins ("came down") and a weekday against a date (16 September 2025 is a Tuesday)
    ("The old bridge over the Tamar collapsed on Monday.", "The old bridge over the Tamar came down on September 16.",
     WED, WED, "conflict", 'when: "on Monday" (Mon 15 Sep 2025) vs "on September 16" (Tue 16 Sep 2025)'),
    # a synonym no concept joins, in a subordinate clause
    ("The Marta ferry capsized on Friday evening near the harbour.",
     "Dozens of passengers were aboard when the Marta overturned on the evening of April 12.", APR13, date(2025, 4, 14),
     "conflict", 'when: "on Friday evening" (Fri 11 Apr 2025 (evening)) vs '
                 '"on the evening of April 12" (Sat 12 Apr 2025 (evening))'),
    # the same day in other words agrees
    ("The award ceremony was held on Saturday evening in Oslo.", "Berg won the prize on Saturday in Oslo.",
     None, None, "no conflict", ""),
    ("Rovers won the cup last night.", "The cup final was played on Saturday.", SUN, SUN, "no conflict", ""),
    # a forecast before the event is no day of it
    ("The cup final will be played on Sunday.", "Rovers won the cup on Saturday.", None, None, "no conflict", ""),
    # another occasion: an earlier round, a funeral, a year written out
    ("Rovers won the semi-final on Wednesday.", "The cup final was played on Sunday.", None, None, "no conflict", ""),
    ("A vigil for the victims was held on Friday near the bridge.", "The old bridge collapsed on Monday.",
     None, None, "no conflict", ""),
    ("The ferry capsized on Friday evening off the coast.", "In 2019 its sister ship sank off the coast on a Sunday.",
     APR13, APR13, "no conflict", ""),
    # the same relative words in articles of different days, and one instant in two zones
    ("Rovers won the cup on Sunday.", "The cup final was played on Sunday.", SUN, date(2025, 5, 26), "no conflict", ""),
    ("The rocket lifted off early on Sunday, India time.", "The rocket launch took place on Saturday evening.",
     SUN, SUN, "no conflict", ""),
    # a zone written beside a clock time: the next day may be the same instant
    # (the matched pair's own when kind still flags this one: only the story-level day kind is tested)
    ("The rocket lifted off at 06:40 local time on Wednesday.",
     "The launch took place at 5:40 p.m. Eastern time on Tuesday.",
     None, None, "no day conflict", ""),
    # a time of the sentence's main clause, the event only mentioned in a subordinate one
    ("On Tuesday morning it was bitterly cold in the valley where the quake struck.",
     "The earthquake hit the valley on Monday night.", None, None, "no conflict", ""),
])
def test_day_of_one_event_in_other_words(text_a: str, text_b: str, published_a: date | None,
                                         published_b: date | None, expected: str, reason: str) -> None:
    if expected == "no day conflict":
        assert day_reasons(text_a, text_b, published_a, published_b) == []
        return
    verdict, why = verdict_between(text_a, text_b, published_a, published_b)
    if expected == "conflict":
        assert (verdict, why) == ("conflict", reason)
    else:
        assert verdict != "conflict", why


@pytest.mark.parametrize("lemma, subject, obj, text, expected", [
    ("collapse", "bridge", None, "The bridge collapsed", {"collapse"}),
    ("come down", "bridge", None, "The bridge came down", {"collapse"}),
    ("overturn off", "ferry", "village", "The ferry overturned off the village", {"capsize"}),
    ("hold", None, "ceremony", "The ceremony was held", {"ceremony"}),
    ("happen", "accident", None, "The accident happened", {"*"}),
    ("open", "inquiry", None, "An inquiry into the collapse opened", set()),
    ("hold", None, "vigil", "A vigil for the victims of the collapse was held", set()),
    ("win", "rovers", "semi-final", "Rovers won the semi-final", set()),
    ("be", "final", None, "The final was on Sunday", {"final"}),
    # an aircraft or road crash, a product recall, an appeal ruling: one-off events of their stories
    ("overrun", "jet", "runway", "The jet overran the runway", {"crash"}),
    ("skid off", "plane", "runway", "The plane skidded off the runway", {"crash"}),
    ("recall", "maker", "heater", "The maker recalled 9,000 heaters", {"recall"}),
    # ... but falling prices are no crash
    ("plunge", "share", None, "Shares plunged on Monday", set()),
    ("quash", "court", "conviction", "The court quashed the conviction", {"ruling"}),
    # a race or tournament is the competition's one deciding event, like a final
    ("win", "yacht", "race", "The yacht won the coastal race", {"final"}),
    ("win", "grandmaster", "tournament", "The grandmaster won the tournament", {"final"}),
    ("be", "it", "cold", "It was cold where the quake struck", set()),
])
def test_event_classes_of_words(lemma: str, subject: str | None, obj: str | None, text: str,
                                expected: set[str]) -> None:
    assert event_day.event_classes_of_words(lemma, subject, obj, text) == frozenset(expected)


def test_the_accident_happened_against_its_own_lead() -> None:
    """"The accident happened on ..." refers back to the story's main event, in its own article too."""
    text_a = ("The old bridge over the Tamar collapsed on Monday morning. "
              "The accident happened during the rush hour on 16 September.")
    text_b = "The old bridge over the Tamar gave way on Monday."
    result = pipeline.analyse([Source(id="a", path=Path("a.txt"), text=text_a, published=WED),
                               Source(id="b", path=Path("b.txt"), text=text_b, published=WED)])
    day = [c for c in result.conflicts if c.kind == "day"]
    pairs = {(result.claims[c.a].source, result.claims[c.b].source) for c in day}
    assert ("a", "a") in pairs
    assert any('"on 16 September" (Tue 16 Sep 2025)' in c.reason for c in day)


def test_this_evening_in_a_bulletin_dated_by_its_byline(tmp_path: Path) -> None:
    """"this evening" in a bulletin whose byline reads "Outlet | Updated <date>" is that date's evening."""
    (tmp_path / "radio.txt").write_text("Harbour Radio | Updated 17 May 2025, 21:40 CEST\n"
                                        "Rovers won the cup this evening.\n", encoding="utf-8")
    (tmp_path / "daily.txt").write_text("Published: 19 May 2025\nThe cup final was played on Sunday.\n",
                                        encoding="utf-8")
    result = pipeline.run([tmp_path])
    assert [c.reason for c in result.conflicts] == [
        'when: "on Sunday" (Sun 18 May 2025) vs "this evening" (Sat 17 May 2025 (evening))']

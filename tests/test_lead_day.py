"""The day two sources' leads give the story's event, whatever words tell the act (lead_day.py)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from factcheck import pipeline
from factcheck.judgement import lead_day
from factcheck.records import Claim, Source, TimeMention

MON = date(2025, 6, 2)
TUE = date(2025, 6, 3)


def lead_day_reasons(text_a: str, text_b: str, published_a: date | None = None,
                     published_b: date | None = None) -> list[str]:
    """The reasons of the lead-day conflicts between two articles (the kind `day`)."""
    sources = [Source(id="a", path=Path("a.txt"), text=text_a, published=published_a),
               Source(id="b", path=Path("b.txt"), text=text_b, published=published_b)]
    result = pipeline.analyse(sources)
    return [reason for _, _, reason in lead_day.lead_day_conflicts(result.claims, range(len(result.claims)))]


@pytest.mark.parametrize("text_a, text_b, published_a, published_b, expected", [
    # one named winner, two verbs no class lists ("took Saturday's ...", "won ... on Sunday")
    ("Ana Ruiz took Saturday's Ostby Marathon in a record time. She led from the start.",
     "Ana Ruiz won the Ostby Marathon on Sunday. It was her first win.", None, None,
     ['when: "Saturday" (Sat) vs "on Sunday" (Sun)']),
    # "yesterday" in a paper dated Monday is Sunday, against Saturday
    ("The Kelso Trust dismissed its chief executive Piet Lund yesterday. Staff were told by email.",
     "The Kelso Trust fired Piet Lund on Saturday. He had led it for six years.", MON, MON,
     ['when: "yesterday" (Sun 1 Jun 2025) vs "on Saturday" (Sat 31 May 2025)']),
    # one named place of the act in different roles: broke into the gallery / stole from the gallery
    ("Burglars got into the Perrin Gallery early on Tuesday. Alarms sounded at 3am.",
     "Two men stole six paintings from the Perrin Gallery on Wednesday. Police are searching for them.",
     None, None, ['when: "early on Tuesday" (Tue (early)) vs "on Wednesday" (Wed)']),
    # an event named like another kind of event ("the Brenholt Memorial", a race) is still the act
    ("Ana Ruiz won the Brenholt Memorial on Saturday. She led from the start.",
     "Ana Ruiz won the Brenholt Memorial on Sunday. It was her first win.", None, None,
     ['when: "on Saturday" (Sat) vs "on Sunday" (Sun)']),
])
def test_two_leads_give_one_act_two_days(text_a: str, text_b: str, published_a: date | None,
                                          published_b: date | None, expected: list[str]) -> None:
    assert lead_day_reasons(text_a, text_b, published_a, published_b) == expected


@pytest.mark.parametrize("text_a, text_b, published_a, published_b", [
    # one day in other words
    ("The Kelso Trust dismissed Piet Lund yesterday.", "The Kelso Trust fired Piet Lund on Sunday.", MON, TUE),
    # a development of the story is no day of its event: other participants
    ("Burglars got into the Perrin Gallery on Tuesday.", "Police arrested a man on Friday over the theft.", None, None),
    # a follow-up that tells of the event: its day is the telling's
    ("Burglars got into the Perrin Gallery early on Sunday.",
     "Police on Tuesday published details of the raid at the Perrin Gallery.", None, None),
    # a lead that tells a response to the event dates the response
    ("Burglars got into the Perrin Gallery on Tuesday.",
     "Crowds queued outside the Perrin Gallery on Sunday after word of the break-in.", None, None),
    # the day is in the second sentence, not the lead
    ("Burglars got into the Perrin Gallery on Tuesday.",
     "Burglars got into the Perrin Gallery. The Perrin Gallery reopened on Friday.", None, None),
    # a forecast, a negation, a state and an act of saying date no act
    ("Ana Ruiz will run the Ostby Marathon on Sunday.", "Ana Ruiz won the Ostby Marathon on Saturday.", None, None),
    ("Ana Ruiz did not start the Ostby Marathon on Sunday.", "Ana Ruiz won the Ostby Marathon on Saturday.", None, None),
    ("The Perrin Gallery stayed closed on Wednesday.", "Burglars got into the Perrin Gallery on Tuesday.", None, None),
    ("The Kelso Trust said on Monday that Piet Lund had left.", "The Kelso Trust fired Piet Lund on Saturday.",
     None, None),
    # another occasion: a year written out
    ("Ana Ruiz won the Ostby Marathon on 3 May 2021.", "Ana Ruiz won the Ostby Marathon on Sunday.", None, TUE),
    # two days over a week apart are two occasions
    ("Ana Ruiz won the Ostby Marathon on 3 May.", "Ana Ruiz won the Ostby Marathon on 20 May.", TUE, TUE),
    # a state still going on dates the state
    ("Kelso Air pilots walked out on Saturday.", "Kelso Air travellers still waited at the gates on Sunday.",
     None, None),
    # a day in an adverbial clause after a comma is that clause's act
    ("Kelso Air pilots walked out on Saturday.",
     "Kelso Air cancelled 300 flights during the walkout, as the first flights left again on Monday.", None, None),
    # a day in a participle clause on the subject is the participle's
    ("Rescuers brought four walkers down from the Skarth ridge on Sunday.",
     "Four walkers trapped on the Skarth ridge on Saturday were flown to safety.", None, None),
    # a lead whose subject is another event (the rescue, not the collapse) dates that event
    ("Part of a tunnel roof collapsed at the Tolvik copper mine on Tuesday morning.",
     "The rescue at the Tolvik copper mine finished on Friday night as the four workers reached the surface.",
     None, None),
])
def test_leads_that_give_no_clash(text_a: str, text_b: str, published_a: date | None,
                                  published_b: date | None) -> None:
    assert lead_day_reasons(text_a, text_b, published_a, published_b) == []


def test_the_kind_reaches_the_verdicts() -> None:
    """The lead-day pair is a conflict of the run, with the kind `day`."""
    result = pipeline.analyse([
        Source(id="a", path=Path("a.txt"), text="Ana Ruiz took Saturday's Ostby Marathon in a record time."),
        Source(id="b", path=Path("b.txt"), text="Ana Ruiz won the Ostby Marathon on Sunday.")])
    assert [(c.kind, result.claims[c.a].source, result.claims[c.b].source) for c in result.conflicts] == [("day", "a", "b")]


def _claim(source: str, lemma: str, when: str, **roles: object) -> Claim:
    mention = TimeMention(0, len(when), when, weekday=("on Saturday", "on Sunday").index(when) + 5)
    return Claim(f"{source}1", source, 0, 9, f"X {lemma} on", 0, 9, when=(mention,), lemma=lemma, **roles)


def test_one_event_needs_a_named_participant_in_common() -> None:
    a = _claim("a", "win", "on Saturday", subject="reid", object="cup")
    b = _claim("b", "take", "on Sunday", subject="reid", object="cup")
    # common nouns alone ("the cup") may be two events; the claims' texts hold no name
    assert lead_day.one_event(a, b) is False
    named = Claim("b1", "b", 0, 9, "Reid took the cup on Sunday", 0, 9, when=b.when, lemma="take",
                  subject="reid", subject_named=True, object="cup")
    assert lead_day.one_event(a, named) is True


QUALIFIED = [
    # another competition of the kind ("the men's final") has its own day
    (("Ana Gomez won the Tarnby Open final on Sunday.", "The women's race was put back a day, to Monday, after storms."), []),
    (("Ana Gomez won the Tarnby Open final on Sunday.", "The boys' doubles final goes ahead on Monday."), []),
    (("Ana Gomez lifted the Tarnby Open trophy yesterday afternoon.", "The junior final is on Radio Tarn this afternoon."), []),
    # the same qualifier on both sides is one occasion
    (("Ana Gomez won the women's final on Sunday.", "Ana Gomez won the women's final on Saturday."), ["when"]),
    # a name that holds a qualifier-like word is no qualifier ("Masters" is not listed)
    (("Ana Gomez won the Tarnby Masters final on Sunday.", "Ana Gomez won the Tarnby Masters final on Saturday."), ["when"]),
]


@pytest.mark.parametrize("texts, expected", QUALIFIED)
def test_qualified_occasions_are_other_occasions(texts: tuple[str, str], expected: list[str]) -> None:
    result = pipeline.analyse([Source(id=f"s{n}", path=Path(f"s{n}.txt"), text=t, published=date(2025, 6, 23))
                               for n, t in enumerate(texts)])
    assert sorted({c.kind for c in result.conflicts} & {"when", "day"}) == expected

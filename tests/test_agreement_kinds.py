"""Agreements that need more than shared wording, one kind per row. Invented text.

Each row is (article A with its date, article B with its date, expected relation);
the traps beside them must stay as they are.
"""
from __future__ import annotations

from datetime import date

import pytest

from factcheck.judgement import frames
from factcheck.slots import when, zones
from test_match_compare import verdict_between


@pytest.mark.parametrize("text_a, published_a, text_b, published_b, expected", [
    # one instant: 7:30 p.m. on Friday in California is Saturday morning in a zone ahead of UTC
    ("The Kelmo ferry docked in Ketch at 11:30 local time on Saturday.", date(2025, 11, 8),
     "The Kelmo ferry reached Ketch at 7:30 p.m. Pacific time on Friday.", date(2025, 11, 7), "agree"),
    # "local time" alone is the event's own clock: a day apart is still a day apart
    ("Dock workers at Pellaport stopped work at 05:00 local time on Thursday.", date(2025, 11, 6),
     "Dock workers at Pellaport stopped work on Friday.", date(2025, 11, 7), "conflict"),
])
def test_zones_in_matching(text_a: str, published_a: date, text_b: str, published_b: date, expected: str) -> None:
    assert verdict_between(text_a, text_b, published_a, published_b)[0] == expected


# one relation per row: (kind, article A, article B, expected), traps beside the kind they guard
PAIRS = [
    # one utterance, framed as reported speech with a figure and as a direct quotation
    ("one quotation", 'Ruhl said the closure was "a bitter but necessary step" after four years of losses.',
     '"It is a bitter but necessary step," managing director Edda Ruhl said.', "agree"),
    # the same words from two different speakers are two statements
    ("one quotation", 'Ruhl said the closure was "a bitter but necessary step" after four years of losses.',
     '"It is a bitter but necessary step," union steward Aled Gwilt said.', "separate"),
    # a vague count holds a figure inside its range: one count, told loosely
    ("vague count", "Publishers from over 60 nations came to the Brisbay book fair.",
     "The fair brought in exhibitors from dozens of nations.", "agree"),
    # trap: a vague count that cannot hold the figure says nothing of it
    ("vague count", "Publishers from over 60 nations came to the Brisbay book fair.",
     "The fair brought in exhibitors from a handful of nations.", "separate"),
    # one sum written with the sign and with the word
    ("sterling in words", "Councillor Edda Varnley accepted 215,000 pounds from the haulage firm Kestrow Carriers.",
     "Varnley pocketed £215,000 in cash and trips from Kestrow Carriers.", "agree"),
    ("sterling in words", "Councillor Edda Varnley accepted 215,000 pounds from the haulage firm Kestrow Carriers.",
     "Varnley pocketed £251,000 in cash and trips from Kestrow Carriers.", "conflict"),
    # one length of time in two units
    ("one duration, two units", "The Keld ferry service will be suspended for 14 days.",
     "Keld ferry sailings are off for two weeks.", "agree"),
    # one doer and one other named participant: one act in other words
    ("one doer, one named participant", "Vessby opened the scoring through Per Aske in the 20th minute.",
     "Vessby went in front through Aske midway through the first half.", "agree"),
    # trap: the doer with another participant
    ("one doer, one named participant", "Vessby opened the scoring through Per Aske in the 20th minute.",
     "Vessby went in front through Ole Rind midway through the first half.", "separate"),
    # trap: the same two participants in another act
    ("one doer, one named participant", "Vessby opened the scoring through Per Aske in the 20th minute.",
     "Vessby fined Aske for missing training.", "separate"),
    # a zero toll told twice, one way with a negated noun and one with an idiom that holds its "no"
    ("zero toll", "Officials in Orvane know of no deaths so far.",
     "The landslide in Orvane has claimed no lives so far, the health office said.", "agree"),
    ("zero toll", "No fatalities were reported after the Orvane landslide.",
     "The Orvane landslide has claimed no lives.", "agree"),
    # trap: no deaths is not no injuries
    ("zero toll", "Officials in Orvane know of no deaths so far.",
     "Nobody was injured in Orvane, the health office said.", "separate"),
    # one distinctive figure of one thing, the second written as a bound of it
    ("distinctive figure", "Officials said 2,600 soldiers had been sent to the Velka valley.",
     "By Sunday night more than 2,600 soldiers had reached the valley, along with 300 police.", "agree"),
    # trap: a model's number is no count ("Tarvo 300 jets")
    ("distinctive figure", "All Tarvo 300 jets were grounded after the crash.",
     "The airline flies 300 jets on domestic routes.", "separate"),
    # one count written as a rounding or a bound and once more precisely, in other words
    ("rounded count", "The new Halder clinic saw 512 patients on its first day.",
     "Doctors there treated about 500 patients in the opening 24 hours.", "agree"),
    # trap: a bound that cannot hold the other figure is a discrepancy
    ("rounded count", "About 3,300 islanders left Selk by boat on Sunday, officials said.",
     "Boats took over 4,000 islanders off Selk on Sunday.", "conflict"),
    # a clock time with a written zone cannot clash with one read in an unknown zone
    ("clock time in a written zone", "The Orvane clinic's network failed at 21:40 GMT on Sunday.",
     "The Orvane clinic's network failed shortly after 11pm on Sunday.", "agree"),
    # two times written in one zone still clash
    ("clock time in a written zone", "The Orvane clinic's network failed at 21:40 GMT on Sunday.",
     "The Orvane clinic's network failed at 23:15 GMT on Sunday.", "conflict"),
    # one match result told with two result words, the scoreline turned round
    ("one result", "Harlby Rovers beat Tessing 3-1 on a wet night at Millbank.",
     "Tessing are out of the shield after a 1-3 defeat by Harlby Rovers.", "agree"),
    # trap: the same scoreline in another match, between other sides
    ("one result", "Harlby Rovers beat Tessing 3-1 on a wet night at Millbank.",
     "Skelby are out of the shield after a 1-3 defeat by Rassby Town.", "separate"),
    # one exact minute off the quarter hours, told with two verbs
    ("one distinctive moment", "A tremor rattled the Tavik valley at 4.37 am on Thursday.",
     "Seismologists said the shock struck the valley at 04:37 Thursday.", "agree"),
    # trap: a round hour is shared by chance
    ("one distinctive moment", "Ferries to Tavik resumed at 9 a.m. on Thursday.",
     "Schools in the Tavik valley reopened at 9 a.m. on Thursday.", "separate"),
    # a denial against a confirmation of one fact, each worded with its own verb
    ("confirmed and denied", "Harbour officials confirmed that diesel had been stolen from the Karrow fuel depot overnight.",
     "Harbour officials denied that any diesel was removed from the Karrow fuel depot.", "conflict"),
    # the half-time break named two ways
    ("half-time", "Tarnby were two goals up at the break.", "Tarnby led 2-0 at half-time.", "agree"),
    # trap: a state at half-time and at full time are two facts
    ("half-time", "Tarnby were two goals up at the break.", "Tarnby were two goals up at full time.", "separate"),
    # one act told as a verb and as a noun, in one place named two ways
    ("act as a noun", "Hundreds of farmers marched through Madrid on Friday to protest against fuel taxes.",
     "A march by farmers through the Spanish capital on Friday brought traffic to a halt.", "agree"),
    # trap: the same act in another place
    ("act as a noun", "Hundreds of farmers marched through Madrid on Friday to protest against fuel taxes.",
     "A march by farmers through Seville on Friday brought traffic to a halt.", "separate"),
    # one fact confirmed by one source and denied outright by the other
    ("confirmed and denied", "Fire officers have confirmed that the Dunkett warehouse blaze was started on purpose.",
     "Fire officers denied reports that the Dunkett warehouse fire had been set on purpose.", "conflict"),
]


@pytest.mark.parametrize("kind, text_a, text_b, expected", PAIRS, ids=[f"{row[0]}-{n}" for n, row in enumerate(PAIRS)])
def test_pairs(kind: str, text_a: str, text_b: str, expected: str) -> None:
    assert verdict_between(text_a, text_b)[0] == expected


def test_rejecting_another_partys_request_denies_no_fact() -> None:
    # both report that a review was called for; neither says one will or will not be held
    verdict = verdict_between("The Dunkett tenants' association asked for an independent review of the blaze.",
                              "Housing minister Ilka Tormen rejected calls for an independent review of the blaze.")
    assert verdict[0] != "conflict"


@pytest.mark.parametrize("text, day, zone", [
    ("The ferry docked at 9:15 p.m. Pacific time on Tuesday.", "on Tuesday", "America/Los_Angeles"),
    ("The barge sank at 23:05 local time on Monday.", "on Monday", zones.LOCAL),
    # a clock time with no zone leaves the day in the article's zone
    ("The ferry sailed at 06:10 on Monday.", "on Monday", None),
])
def test_zone_of_the_clock_time_before_a_day(text: str, day: str, zone: str | None) -> None:
    found = [m for m in when.find_times(text, published=date(2025, 11, 4)) if m.text == day]
    assert [(m.zone, m.zone_written) for m in found] == [(zone, zone is not None)]


@pytest.mark.parametrize("text, subject", [
    # "it" before the speaker who follows is not that speaker
    ("By Tuesday it had spread to 9,000 hectares, the forestry agency said.", "it"),
    # after its speaker, "it" may be the speaker
    ("The forestry agency said it had sent 40 more crews.", "agency"),
])
def test_thing_pronoun_and_later_speaker(text: str, subject: str) -> None:
    assert frames.read(text)[0].subject.key == subject


def test_one_duration_needs_fixed_units() -> None:
    from factcheck.judgement.figures import one_duration
    from factcheck.records import Claim
    from factcheck.slots.quantities import find_quantities

    def claim(text: str) -> Claim:
        return Claim(text, "s", 0, len(text), text, 0, len(text), quantities=tuple(find_quantities(text)))
    assert one_duration(claim("for 72 hours"), claim("for three days"))
    assert not one_duration(claim("for 48 hours"), claim("for three days"))  # two lengths
    assert not one_duration(claim("for 72 hours"), claim("for 72 hours"))  # one unit: the plain figure decides
    assert not one_duration(claim("for 30 days"), claim("for one month"))  # a month has no fixed length


@pytest.mark.parametrize("text, negated", [
    ("The flood has claimed no lives", ("kill",)),
    # the "no" variant of any listed phrase ("lost their lives") is read the same way
    ("The fishermen lost no lives", ("kill",)),
    ("No deaths were reported", ("kill",)),
    ("The flood claimed the lives of three herders", ()),
])
def test_phrase_holding_its_negation(text: str, negated: tuple[str, ...]) -> None:
    from pathlib import Path
    from factcheck import pipeline
    from factcheck.records import Source
    result = pipeline.analyse([Source(id="a", path=Path("a.txt"), text=text + ".")])
    assert [c.negated for c in result.claims] == [negated]


@pytest.mark.parametrize("text_a, text_b", [
    # a bound written at the very value is a rounding, not a discrepancy
    ("The Velka valley quake destroyed 12,400 houses.", "The Velka valley quake destroyed more than 12,400 houses."),
    ("Some 3,200 workers at the Orsk plant walked out.", "At least 3,200 workers at the Orsk plant walked out."),
])
def test_bound_at_the_same_value_is_no_conflict(text_a: str, text_b: str) -> None:
    assert verdict_between(text_a, text_b)[0] != "conflict"


@pytest.mark.parametrize("text, subject", [
    # "it" with an event noun after the copula is that event, not the organisation named before
    ("The Kestrow Dockers Union called a stoppage on Monday. It was the biggest walkout this year.", "it"),
    # with a thing after the copula, "it" is still the organisation
    ("The Kestrow Dockers Union called a stoppage on Monday. It is the largest union in the port.",
     "kestrow dockers union"),
])
def test_it_before_an_event_noun(text: str, subject: str) -> None:
    assert frames.read(text)[-1].subject.key == subject


@pytest.mark.parametrize("text_a, text_b, conflict", [
    # "needs no more approval" says a step is not needed: it negates no approval
    ("Kelmo's assembly approved a €2.3 billion spending plan for 2027 on Monday.",
     "Kelmo's spending plan for 2027 needs no more approval, the mayor said.", False),
    # trap: a budget that got no approval is a negation
    ("Brisbay's assembly approved the 2027 spending plan on Monday.",
     "Brisbay's assembly did not approve the 2027 spending plan on Monday.", True),
])
def test_a_step_not_needed_is_no_negation(text_a: str, text_b: str, conflict: bool) -> None:
    assert (verdict_between(text_a, text_b)[0] == "conflict") is conflict

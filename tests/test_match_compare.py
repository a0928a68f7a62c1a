"""Matching and comparison, one discrepancy kind per row: (article A, article B, expected)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from factcheck import pipeline
from factcheck.records import Label, Source


def analyse_texts(*texts: str) -> pipeline.Result:
    """The pipeline over one-article sources s0, s1, ... holding `texts` (no publication dates)."""
    return pipeline.analyse([Source(id=f"s{n}", path=Path(f"s{n}.txt"), text=t) for n, t in enumerate(texts)])


def verdict_between(text_a: str, text_b: str, published_a: date | None = None,
                    published_b: date | None = None) -> tuple[str, str]:
    """The relation of the only claims of two one-sentence articles, and the reason."""
    a = Source(id="a", path=Path("a.txt"), text=text_a, published=published_a)
    b = Source(id="b", path=Path("b.txt"), text=text_b, published=published_b)
    result = pipeline.analyse([a, b])
    ids_b = {c.id for c in result.claims if c.source == "b"}
    for claim, verdict in zip(result.claims, result.verdicts):
        if claim.source != "a":
            continue
        if set(verdict.conflicts_with) & ids_b:
            return "conflict", verdict.reason
        if set(verdict.agrees_with) & ids_b:
            return "agree", ""
    return "separate", ""


@pytest.mark.parametrize("text_a, text_b, expected, kind", [
    # weekday of one event
    ("The two leaders will sign the border accord on Saturday.",
     "The two leaders signed the border accord on Sunday.", "conflict", "when"),
    # "will not ... until" names the day it happens
    ("The rocket will lift off from the coast on 24 September.",
     "The rocket will not lift off from the coast until Sunday, September 22.", "conflict", "when"),
    # a weekday inside "this weekend" agrees
    ("The two leaders will sign the border accord on Saturday.",
     "The two leaders are set to sign the border accord this weekend.", "agree", ""),
    # venue
    ("The summit on river pollution will be held in Lisbon.",
     "The summit on river pollution will be held in Madrid.", "conflict", "where"),
    # toll
    ("The earthquake killed 30 people in the mountain villages.",
     "At least 45 people were killed by the earthquake in the mountain villages.", "conflict", "number"),
    # a lower bound inside the other figure agrees
    ("The earthquake killed 30 people in the mountain villages.",
     "At least 30 people were killed by the earthquake in the mountain villages.", "agree", ""),
    # a deed done in a year written out is another occasion than one still to come
    ("In 2019 Halvard closed its fridge plant in Aberly.", "The fridge plant is due to close by mid-2026.", "separate", ""),
    # a small reading in a unit ("four degrees") identifies a fact, unlike "four ships"
    ("The water temperature was four degrees.",
     "Survivors described water of around 4 degrees Celsius and a sudden list to port.", "agree", ""),
    # approximations agree
    ("More than 60 ships joined the rescue operation.",
     "Dozens of ships joined the rescue operation.", "agree", ""),
    ("The company paid $2.5 billion for the mine.",
     "The company paid $2,500 million for the mine.", "agree", ""),
    # negation
    ("The prime minister is expected to attend the memorial service.",
     "The prime minister will not attend the memorial service.", "conflict", "negation"),
    # planned vs happened agrees
    ("The prime minister is expected to attend the memorial service.",
     "The prime minister attended the memorial service.", "agree", ""),
    # in force now vs only after ratification
    ("The fisheries treaty entered into force immediately upon signature.",
     "The fisheries treaty will take effect only after ratification by 12 states.", "conflict", "status"),
    # done vs pending approval
    ("The takeover has already received clearance from competition regulators.",
     "The takeover is still awaiting approval from competition regulators.", "conflict", "status"),
    # opposite decisions
    ("The central bank cut its key interest rate on Tuesday.",
     "The central bank left its key interest rate unchanged on Tuesday.", "conflict", "opposite"),
    # a possibility ruled out vs not ruled out
    ("The minister ruled out further tax rises this year.",
     "The minister did not rule out further tax rises this year.", "conflict", "negation"),
    # a cause denied vs confirmed
    ("The airline denied that the engine fault was linked to the crash.",
     "The airline confirmed that the engine fault caused the crash.", "conflict", "negation"),
    # a check-up scheduled for two different days
    ("The striker will have his medical in Turin on Sunday.",
     "The striker will have his medical in Turin on Monday.", "conflict", "when"),
    # an earlier occasion is not a contradiction
    ("The central bank cut its key interest rate on Tuesday.",
     "The central bank had left its key interest rate unchanged at its previous meeting.", "separate", ""),
    # basis points and a percentage level are different measures
    ("The central bank cut its key rate by 50 basis points to 9 per cent.",
     "The central bank cut its key rate by 50 basis points to 9 per cent, officials said.", "agree", ""),
    # an event one claim reports and the other only mentions is no common ground
    ("The landslide killed 14 workers.",
     "The ministry will pay compensation to the families of workers who died.", "separate", ""),
    # a view is not a fact about the same thing
    ("Some shareholders have criticised the price of the takeover.",
     "The takeover price is a 30% premium to the share price.", "separate", ""),
    # one time of each claim fits: the other time is another event's
    ("A forest fire broke out in the hills on Sunday, February 11.",
     "Crews battled on Tuesday against a forest fire in the hills that broke out on February 11.", "no-conflict", ""),
    # two events, two times: a walkout from Thursday, talks that failed on Monday
    ("Nurses at the city hospital will walk out on Thursday.",
     "Talks between the nurses at the city hospital and the ministry collapsed on Monday.", "no-conflict", ""),
    # different companies' shares (names with accents count as names)
    ("Pérez Holdings' shares rose 9% in Madrid.", "Núñez Group's shares rose 7% in Madrid.", "no-conflict", ""),
    # a claim that asserts nothing neither agrees nor conflicts
    ("The ministry declined to say whether the envoy will attend the summit.",
     "The envoy will attend the summit.", "separate", ""),
    # the same number about different things must not match
    ("At least 40 people have been arrested since the protests began.",
     "The charter will enter into force when ratified by 40 states.", "separate", ""),
    # a sum that names no noun is the cost both describe ("€23m, of which ...")
    ("The rink was built for 17 million euros, of which the region paid 40 per cent.",
     "The rink cost 26 million euros, with two-fifths paid for by the region.",
     "conflict", "number"),
    # ... unless another sum of the pair agrees: the other is some other figure (revenue, a share)
    ("The Torsk rink deal is worth 17 million euros.",
     "The Torsk rink deal, worth 17 million euros, will bring about 3 million euros in ticket sales.",
     "no-conflict", ""),
    # two sums that agree because each names its noun ("a £150,000 bond") leave the unnamed ones to clash
    ("Savers with a £150,000 fixed bond will earn about £21 a month, the Orvik bank said.",
     "A saver with a typical £150,000 fixed bond will earn £34 a month, the Orvik bank said.", "conflict", "number"),
    # a rate with no noun, one subject, one moment
    ("The Orvik krona lost 0.4% against the euro in the first hour of trading.",
     "In the first hour of trading, the Orvik krona slid more than 2 per cent against the euro.",
     "conflict", "number"),
    ("The Orvik krona lost 0.4% against the euro in the first hour of trading.",
     "In the first hour of trading, the Orvik krona slid 0.4 per cent against the euro, while shares rose 2%.",
     "no-conflict", ""),
    # "will not ... without" sets a condition on the act, it does not deny it
    ("The board said the clinic would not move to the Orme site without a public consultation.",
     "The clinic would move to the Orme site in the autumn.", "no-conflict", ""),
    ("The board said the clinic would not move to the Orme site.",
     "The clinic would move to the Orme site in the autumn.", "conflict", ""),
    # a figure asked for or foreseen is no figure of what is (a request and a ruling; a forecast and a result)
    ("The fishermen had asked the council for a 4-kilometre exclusion zone around the pier.",
     "The council set a 1-kilometre exclusion zone around the pier.", "no-conflict", ""),
    ("The council set a 4-kilometre exclusion zone around the pier.",
     "The council set a 1-kilometre exclusion zone around the pier.", "conflict", ""),
    ("The ministry expects solar to supply 30 percent of the island's power by 2030.",
     "Solar supplied 12 percent of the island's power last year.", "no-conflict", ""),
    # the same words and one day, told by a verb and by its noun
    ("She will be sentenced on 3 March.", "Sentencing is set for March 3.", "agree", ""),
    ("She will be sentenced on 3 March.", "Sentencing is set for March 5.", "no-agree", ""),
    # one named doer and one figure too precise to be chance, in other words
    ("Greta Vinter took £215,000 in bribes from the builder Kell Homes.",
     "Vinter received £215,000 from Kell Homes, the jury heard.", "agree", ""),
    # a figure with its digits in another order is one fact misreported (the commonest copying slip)
    ("Police held a 52-year-old locksmith in Orme on Friday.",
     "The 25-year-old, a former guard, was questioned overnight in Orme.", "conflict", "number"),
    ("The Lisk yard employs 730 people.", "The yard's 370 staff were sent home.", "conflict", "number"),
    # different speakers' opinions are not one fact
    ('"The plan is a disaster for farmers," said Maria Gomez.',
     '"The plan is a lifeline for farmers," said Peter Novak.', "separate", ""),
])
def test_pair(text_a: str, text_b: str, expected: str, kind: str) -> None:
    relation, reason = verdict_between(text_a, text_b)
    if expected == "no-conflict":
        assert relation != "conflict", reason
        return
    if expected == "no-agree":
        assert relation != "agree", reason
        return
    assert relation == expected, reason
    if kind:
        assert reason.startswith(kind), reason


def test_relative_weekday_resolves_against_the_article_date() -> None:
    """'Tuesday' in an article dated Wed 11 June means 10 June: it conflicts with June 11."""
    relation, reason = verdict_between(
        "A fire broke out at the warehouse late on Tuesday.",
        "A fire broke out at the warehouse late on June 11.",
        published_a=date(2025, 6, 11), published_b=date(2025, 6, 12))
    assert relation == "conflict"
    assert "10 Jun 2025" in reason


def test_person_in_a_post_conflicts() -> None:
    relation, reason = verdict_between(
        "Ana Silva will become chief executive of the merged bank.",
        "Jorge Costa will lead the merged bank.")
    assert relation == "conflict"
    assert reason.startswith("who")


def test_a_claim_contradicting_its_own_article_is_conflicting() -> None:
    text = ("The pipeline entered into force immediately upon signature.\n"
            "The pipeline deal will take effect only after ratification by both parliaments.\n")
    source = Source(id="one", path=Path("one.txt"), text=text)
    result = pipeline.analyse([source])
    assert [v.label for v in result.verdicts] == [Label.CONFLICTING, Label.CONFLICTING]


def test_single_source_claims_stay_single() -> None:
    a = Source(id="a", path=Path("a.txt"), text="The bridge will reopen on Monday.\n")
    b = Source(id="b", path=Path("b.txt"), text="Farmers protested against new water quotas.\n")
    result = pipeline.analyse([a, b])
    assert {v.label for v in result.verdicts} == {Label.SINGLE_SOURCE}


# kinds read off the parse: who did what decides what can contradict what
@pytest.mark.parametrize("text_a, text_b, expected", [
    # a negation by another party is no conflict
    ("Norway did not sign the fisheries pact on Saturday.", "Chile signed the fisheries pact on Saturday.", False),
    ("The minister did not attend the summit.", "The delegations attended the summit on Friday.", False),
    ("Norway was not represented at the signing on Saturday.", "Chile signed the pact on Saturday.", False),
    # in the passive the "by" phrase is the doer: one court, two days
    ("The High Court in Puebla sentenced Ana Ruiz to five years in prison on Sunday.",
     "Ana Ruiz was jailed for five years by the High Court in Puebla on Saturday.", True),
    # the same doer, will and will not: a conflict even for a verb no word list knows
    ("Chile will not appeal the ruling, its lawyers said.", "Chile will appeal the ruling, its lawyers said.", True),
    # ordinals compared per thing counted, though another count agrees
    ("Brandt became the third coach to win the cup with two clubs.",
     "Brandt became the fourth coach to win the cup with two clubs.", True),
    # "for the third time" counts the event's occurrences, like "its fourth cut"
    ("The central bank cut rates for the third time this year.", "It was the central bank's fourth cut this year.", True),
    ("The central bank cut rates for the third time this year.", "It was the central bank's third cut this year.", False),
    # a year on one side only marks a background event
    ("In 2011, a derailment near the town killed four people.", "The crash near the town killed 12 people on Tuesday.",
     False),
    ("The derailment near the town killed four people on Tuesday.",
     "The crash near the town killed 12 people on Tuesday.", True),
    # an age is the person's, whatever each sentence reports
    ("Silva, 21, scored the winner on Sunday.", "Joao Silva, 22, joined the club in 2019.", True),
    ("Silva, 21, scored the winner on Sunday.", "Silva, 21, joined the club in 2019.", False),
    # one decision, two tallies
    ("The board approved the merger unanimously on Monday.",
     "The board approved the merger by four votes to one on Monday.", True),
    ("The board approved the merger by a majority of 10 to 2 on Monday.",
     "The board approved the merger by ten votes to two on Monday.", False),
    ("The board cut its staff from 12 to 10 on Monday.", "The board approved the merger unanimously on Monday.", False),
    # a figure split into parts, or a part of a whole, is no contradiction of one total
    ("The crash killed two people on the bus and one person in the van.",
     "The crash on the ring road killed three people.", False),
    # six left the track, not nine: the part is the deed's count, the nine the train's whole
    ("Six of the train's nine carriages left the track.", "Nine carriages left the track near the station.", True),
    ("The crash on the ring road killed four people.", "The crash on the ring road killed three people.", True),
    # a hyphenated count describes the whole ("a five-span bridge"); a plain one may count a part
    ("The five-span bridge over the Dremm partly collapsed on Tuesday.",
     "Three spans of the bridge over the Dremm gave way on Tuesday.", False),
    ("The six-car train left the rails near Tarn.", "The eight-car train left the rails near Tarn.", True),
    # the "no" of a figure's qualifier negates nothing
    ("No fewer than 118 people were killed by the storm on Monday.",
     "At least 116 people were killed by the storm on Monday.", False),
    # a breakdown's later parts count the same thing: "20 others", "20 dead"
    ("The flood killed 150 people in the north and 20 others in the south.",
     "The flood killed at least 170 people.", False),
    ("The flood left 150 people dead in Arvel and 20 dead in Morn.", "The flood killed 170 people.", False),
], ids=["other-party-named", "other-party-unnamed", "other-party-passive", "passive-by-phrase-doer",
        "same-doer-negation", "ordinal-per-thing", "ordinal-occasions", "ordinal-occasions-same", "background-year", "same-event-count",
        "age-differs", "age-same", "vote-unanimous-vs-split", "vote-same-tally", "range-is-no-vote",
        "parts-of-a-total", "part-vs-whole-of-one-deed", "two-totals",
        "compound-whole-vs-part", "compound-vs-compound",
        "qualifier-no-is-no-negation", "parts-counting-others", "parts-counting-dead"])
def test_frame_kinds(text_a: str, text_b: str, expected: bool) -> None:
    assert (verdict_between(text_a, text_b)[0] == "conflict") is expected


# one event told in other words: synonym classes kept as data (concepts.json)
@pytest.mark.parametrize("text_a, text_b, expected", [
    ("The express collided with a freight train on Tuesday.", "The express ploughed into freight wagons on Wednesday.",
     True),
    ("Storm Elin made landfall on Thursday.", "Storm Elin came ashore on Wednesday night.", True),
    ("The jury convicted the former mayor of fraud on Friday.",
     "The former mayor was found guilty of fraud on Thursday.", True),
    ("About 400,000 people had been evacuated.", "About 600,000 people had been moved to shelters.", True),
    ("Storm Elin made landfall on Thursday.", "Storm Elin came ashore on Thursday.", False),
    # an event named as the cause is not what the claim reports: drilling on Tuesday, the collapse on Monday
    ("Rescuers were drilling on Tuesday to reach nine miners trapped by a collapse.",
     "The tunnel roof collapsed on Monday afternoon.", False),
    # an event named as where patients came from is not what the claim reports
    ("The city hospital took in 40 patients from the crash.", "The county hospital said it had taken in nine patients.",
     False),
], ids=["collide", "landfall", "convict", "evacuate", "landfall-same-day", "event-as-cause", "event-as-source"])
def test_event_synonyms(text_a: str, text_b: str, expected: bool) -> None:
    assert (verdict_between(text_a, text_b)[0] == "conflict") is expected


# a body's tally is its decision's, whatever verb reports it (story_counts.tally_conflicts)
@pytest.mark.parametrize("text_a, text_b, expected", [
    ("The jury returned a unanimous verdict.", "The jury reached its decision by a majority of 10 to 2.", True),
    ("The panel chose the film unanimously.", "The panel was split, choosing the winner by four votes to one.", True),
    ("The board approved the plan unanimously.", "The council rejected the motion by six votes to three.", False),
    ("The jury returned a unanimous verdict.", "The jury reached a unanimous decision after two days.", False),
    ("The jury returned a unanimous verdict.", "In 2019 the jury reached its decision by ten votes to two.", False),
    ("The board voted 5-2 to cut the rate.", "The board unanimously decided to cut the rate.", True),
    ("Riverside beat Hollow Town 2-1.", "The board unanimously decided to cut the rate.", False),
    # a majority written alone is the tally's margin
    ("The assembly passed the harbour bill with a majority of 25.",
     "The assembly passed the harbour bill by 209 votes to 190.", True),
    ("The assembly passed the harbour bill with a majority of 25.",
     "The assembly passed the harbour bill by 212 votes to 187.", False),
], ids=["unanimous-vs-majority", "unanimous-vs-split", "two-bodies", "same-tally", "background-year",
        "hyphen-tally", "a-score-is-no-tally", "majority-vs-tally", "majority-is-the-margin"])
def test_tallies(text_a: str, text_b: str, expected: bool) -> None:
    assert (verdict_between(text_a, text_b)[0] == "conflict") is expected


# a background event, dated by a year or a month on one side only, is another fact: neither agreement nor conflict
@pytest.mark.parametrize("text_a, text_b, expected", [
    ("The hospital will postpone about 1,200 operations during the strike.",
     "A two-day strike in June forced the postponement of some 800 operations.", "separate"),
    ("The hospital will postpone about 1,200 operations during the strike.",
     "A two-day strike in 2019 forced the postponement of some 1,200 operations.", "separate"),
    ("A two-day strike in June forced the postponement of some 1,200 operations.",
     "A two-day strike in June forced the postponement of some 800 operations.", "conflict"),
    # "last year" and "in 2024" may be one year: still one fact
    ("Trade between the two countries reached about $38 billion last year.",
     "Trade between the two countries totalled $37.8 billion in 2024.", "agree"),
    # a sentence that opens on a year dates its later pieces too
    ("A footbridge collapse in Tarn injured nine people on Monday.",
     "In 2011 a footbridge in Tarn collapsed, injuring six people.", "separate"),
    ("The council approved the tram plan on Tuesday.", "In 2014 the council rejected a similar plan by a single vote.",
     "separate"),
], ids=["month-background", "year-background", "both-in-june", "last-year-vs-written-year",
        "year-opens-the-sentence", "year-opens-the-sentence-vote"])
def test_background_occasions(text_a: str, text_b: str, expected: str) -> None:
    assert verdict_between(text_a, text_b, date(2025, 3, 4), date(2025, 3, 4))[0] == expected


# how many people a vehicle carried (aboard.aboard_conflicts)
@pytest.mark.parametrize("text_a, text_b, expected", [
    ("A ferry carrying 462 people sank off the coast on Wednesday.", "The ferry sank with 459 on board on Wednesday.", True),
    ("The train, with 243 passengers and 12 crew on board, hit a truck.",
     "The train was carrying about 207 passengers and crew members when it hit a truck.", True),
    ("A ferry carrying 462 people sank.", "Nearly 300 people were missing after the ferry sank.", False),
    ("A ferry carrying 462 people sank.", "The ferry had 462 people on board.", False),
    ("The Greens came second with 19 seats, ahead of the Social Democrats with 14.",
     "The executive endorsed the deal by 14 votes to 3, with several members objecting.", False),
    # "carrying 41 pupils and three teachers": both groups were aboard
    ("A coach carrying 41 pupils and three teachers overturned.", "There were 41 pupils and three teachers on board the coach.", False),
    ("A coach carrying 41 pupils and three teachers overturned.", "The coach had 47 people on board.", True),
    # one group aboard is a part of the sum of groups, unless the same group differs
    ("A coach carrying 41 pupils and three teachers overturned.", "The coach, with three teachers aboard, overturned.", False),
    ("A coach carrying 41 pupils and three teachers overturned.", "The coach, with 45 pupils aboard, overturned.", True),
    # a group told after another act was not carried
    ("A barge carrying 60 passengers sank and 7 deckhands were pulled out.", "The barge had 60 people on board.", False),
], ids=["ferry", "passengers-plus-crew", "missing-is-not-aboard", "same-number", "with-is-no-cue",
        "carrying-two-groups", "carrying-two-groups-clash", "one-group-is-a-part", "one-group-differs", "another-act"])
def test_people_aboard(text_a: str, text_b: str, expected: bool) -> None:
    assert (verdict_between(text_a, text_b)[0] == "conflict") is expected


# a source with a bound and an exact figure aboard states one number, its most exact; victims
# aboard are not the people aboard
@pytest.mark.parametrize("text_a, expected", [
    ("A bus carrying more than 40 people overturned. It had 52 passengers and two drivers on board.", True),
    ("A bus carrying 52 people overturned, killing three people on board.", True),
    ("A bus carrying more than 40 people overturned, killing three people on board.", False),
], ids=["bound-and-exact", "victims-on-board", "victims-and-a-compatible-bound"])
def test_people_aboard_one_number_per_source(text_a: str, expected: bool) -> None:
    result = pipeline.analyse([Source(id="a", path=Path("a.txt"), text=text_a),
                               Source(id="b", path=Path("b.txt"),
                                      text="The coach left Lyon at dawn with 44 on board.")])
    assert bool([c for c in result.conflicts if c.kind == "aboard"]) is expected


# the story's place at two distances from one named place (aboard.distance_conflicts)
@pytest.mark.parametrize("text_a, text_b, expected", [
    ("The quake hit Dorn county, 277 miles northeast of Velsk.",
     "Dorn, about 370 km north-east of the capital Velsk, was hit hardest.", True),
    ("The ferry sank 20 km off the island of Byeongmo.", "Divers searched the wreck 5 km from Byungmo.", True),
    ("The quake hit Dorn county, 160 km northeast of Velsk.", "Dorn lies about 100 miles from Velsk.", False),
    ("The quake hit Dorn county, 40 km north of Velsk.", "Rescuers reached Tarn, 90 km south of Meria.", False),
], ids=["miles-vs-km", "romanised-names", "same-distance-two-units", "two-places"])
def test_distances(text_a: str, text_b: str, expected: bool) -> None:
    assert (verdict_between(text_a, text_b)[0] == "conflict") is expected


# a one-time event done in one source, still to come in another (story_counts.pending_conflicts)
@pytest.mark.parametrize("text_a, text_b, published_a, published_b, expected", [
    ("The agreement was signed in Lagos on Friday.", "The memorandum with the government is yet to be signed.",
     date(2025, 4, 12), date(2025, 4, 12), True),
    ("Regulators approved the takeover on Monday.", "The takeover is still awaiting approval.",
     date(2025, 4, 15), date(2025, 4, 15), True),
    # said before the day it happened: the story moved on (timeline: a forecast, not a conflict)
    ("The agreement was signed in Lagos on Friday.", "The memorandum with the government is yet to be signed.",
     date(2025, 4, 12), date(2025, 4, 9), False),
    ("The agreement was signed in Lagos on Friday.", "The agreement was signed in Lagos on Friday.",
     date(2025, 4, 12), date(2025, 4, 12), False),
], ids=["signed-vs-yet-to-be", "approved-vs-awaiting", "said-before-it-happened", "both-done"])
def test_pending(text_a: str, text_b: str, published_a: date, published_b: date, expected: bool) -> None:
    assert (verdict_between(text_a, text_b, published_a, published_b)[0] == "conflict") is expected


# one fact said to be done already and still to come by two sources (compare._already_conflict)
@pytest.mark.parametrize("text_a, text_b, expected", [
    ("Funding from the regional government has already been secured.",
     "The bypass is still awaiting funding from the regional government.", True),
    ("The museum has already catalogued the donated letters.", "The museum has yet to catalogue the donated letters.",
     True),
    ("Evacuation orders for the two districts remain in force.",
     "The army has already lifted evacuation orders for the two districts.", True),
    ("The city has already repaired the damaged sea wall.", "The damaged sea wall is still awaiting repairs by the city.",
     True),
    # done, without saying "already": the wording states no time of writing to set against
    ("Funding from the regional government was secured.",
     "The bypass is still awaiting funding from the regional government.", False),
    # both done
    ("Funding from the regional government has already been secured.",
     "Funding from the regional government has been secured.", False),
], ids=["secured-vs-awaiting", "catalogued-vs-yet-to", "remain-in-force-vs-lifted", "repaired-vs-awaiting",
        "no-already", "both-done"])
def test_already_done_vs_still_to_come(text_a: str, text_b: str, expected: bool) -> None:
    verdict, reason = verdict_between(text_a, text_b)
    assert (verdict == "conflict") is expected
    if expected:
        assert reason.startswith("pending:")


# "seven of the train's eight cars derailed": seven derailed; the eight is the whole, not the count
@pytest.mark.parametrize("text_a, text_b, expected", [
    ("Six of the ferry's nine lifeboats were launched before it sank.",
     "Nine lifeboats were launched before the ferry sank.", True),
    ("Six of the ferry's nine lifeboats were launched before it sank.",
     "Six lifeboats were launched before the ferry sank.", False),
    # the whole counted by another deed
    ("Six of the ferry's nine lifeboats were launched before it sank.", "The ferry carried nine lifeboats.", False),
], ids=["part-vs-total", "part-vs-same-part", "whole-by-another-deed"])
def test_partitive_part_is_the_count(text_a: str, text_b: str, expected: bool) -> None:
    assert (verdict_between(text_a, text_b)[0] == "conflict") is expected


def test_a_claim_reporting_a_withdrawn_figure_sets_no_number_against_another() -> None:
    verdict, _ = verdict_between("The ministry had earlier announced that 390 people had been rescued, a mistake it blamed "
                                 "on a clerk.",
                                 "212 people had been rescued as of 2:30 p.m., reversing an earlier announcement of 390.")
    assert verdict != "conflict"


# a figure reported as a mistake or withdrawn is an earlier report, not the source's claim
@pytest.mark.parametrize("text_b, expected", [
    ("Officials had said 390 people had been rescued, a mistake they blamed on a counting error.", False),
    ("A figure of 390 rescued, given in error on Wednesday, was withdrawn.", False),
    ("Officials said 390 people had been rescued.", True),
], ids=["a-mistake", "in-error-withdrawn", "plain"])
def test_retracted_figures(text_b: str, expected: bool) -> None:
    verdict, _ = verdict_between("Coastguard officials said 212 people had been rescued.", text_b)
    assert (verdict == "conflict") is expected


# one named speaker, two figures of one measure (speakers.speaker_conflicts)
@pytest.mark.parametrize("text_a, text_b, expected", [
    ("Winds of up to 150 km/h hit the coast, forecaster Anil Rao said.",
     "The wind touched 180 km/h at its peak, said forecaster Rao.", True),
    ("The plan will cost 240 million euros, chief executive Ada Lind said.",
     "The overhaul would cost 420 million euros, Lind told analysts.", True),
    ("The plan will cost 240 million euros, chief executive Ada Lind said.",
     "Repairs to the bridge will cost 420 million euros, union leader Tom Berg said.", False),
    ("The plan will cost 240 million euros, chief executive Ada Lind said.",
     "Sales fell 12 percent, chief executive Ada Lind said.", False),
    ("The plan will cost 240 million euros, chief executive Ada Lind said.",
     "The overhaul would cost about 240 million euros, Lind told analysts.", False),
], ids=["speed", "money", "two-speakers", "two-measures", "same-figure"])
def test_speaker_figures(text_a: str, text_b: str, expected: bool) -> None:
    assert (verdict_between(text_a, text_b)[0] == "conflict") is expected


# a count of one specific thing is the story's, whatever verb reports it (story_counts.py)
@pytest.mark.parametrize("text_a, text_b, expected", [
    ("The rocket carried five small satellites on Tuesday.", "The launch put four satellites into orbit on Tuesday.",
     True),
    ("The jury convicted the former mayor on two counts of fraud.",
     "The former mayor was found guilty of one count of fraud.", True),
    ("The verdict ended a six-week trial.", "Jurors deliberated for a day after a seven-week trial.", True),
    # a measure as a compound describes the whole
    ("The 4,200-ton Marisol listed and sank.", "Divers reached the 4,800-ton vessel on Friday.", True),
    ("The rocket carried five small satellites.", "The rocket carried five satellites into orbit.", False),
    # people are counted in many sub-populations
    ("Two firefighters were treated for burns.", "About 600 firefighters fought the blaze.", False),
    # an addition is no total
    ("The airline ordered 60 jets.", "The order includes rights to buy a further 20 jets.", False),
    # a part and its whole
    ("Seven cars derailed near the town.", "Seven of the train's eight cars derailed near the town.", False),
    # a background event counts its own things
    ("In 2019 the court heard three counts against a harbour official.", "The jury convicted him on two counts.", False),
    # a running tally grows
    ("Officials said 32 aftershocks have been recorded so far.", "The region felt about 10 aftershocks.", False),
    # "the two parties" refers back to a set counted elsewhere
    ("Together the two parties would hold 53 seats.", "Twelve parties stood in the election.", False),
], ids=["satellites", "counts-of-a-charge", "hyphenated-duration", "measure-compound", "same-count", "population",
        "increment",
        "part-and-whole", "background-year", "running-tally", "definite-set"])
def test_story_counts(text_a: str, text_b: str, expected: bool) -> None:
    assert (verdict_between(text_a, text_b)[0] == "conflict") is expected


@pytest.mark.parametrize("text, expected", [
    ("The rocket carried five small satellites.", [("satellit", 5.0)]),
    ("The verdict ended a six-week trial.", [("week trial", 6.0)]),
    ("The strike lasted six weeks.", []),                                 # six weeks of what
    ("The order adds 20 more jets.", []),                                 # an addition
    ("Two of the four satellites answered.", [("satellit", 4.0)]),        # a part (left out) and its whole (the set)
    ("Ministers from five Central Asian states and Azerbaijan met.", []),  # a set plus named members
    ("He was paid 380,000 pounds.", []),                                  # a measure, not a thing
    ("It carried 900 tons of grain.", []),                                # a measure, not a thing
    ("The 4,200-ton ship sank.", [("ton-modifier", 4200.0)]),             # a measure describing the whole
    ("The 6.1-magnitude quake hit at night.", []),                        # a magnitude differs by agency
    ("It hit 40 passengers.", []),                                        # people
    ("The final stop was expected about 6 p.m.", []),                     # no noun of three letters
])
def test_counted_things(text: str, expected: list) -> None:
    from factcheck.judgement import story_counts
    assert [(key, q.value) for key, q in story_counts.counted_things(text)] == expected


@pytest.mark.parametrize("text_a, text_b, kinds", [
    # the place of a background event ("in 2014") is not this event's place
    ("An earthquake in Vellin province in 2014 killed about 600 people.",
     "The earthquake in Ostmark province killed 100 people on Monday.", set()),
    ("The earthquake in Vellin province killed 100 people on Monday.",
     "The earthquake in Ostmark province killed 100 people on Monday.", {"where"}),
], ids=["background-year-place", "same-event-place"])
def test_matched_pair_kinds(text_a: str, text_b: str, kinds: set[str]) -> None:
    """Conflicts of two claims taken as matched (whatever the matcher says): the kinds compare decides."""
    from factcheck.judgement import compare, match
    sources = [Source(id="a", path=Path("a.txt"), text=text_a), Source(id="b", path=Path("b.txt"), text=text_b)]
    claims = [c for s in sources for c in pipeline.extract_claims(s)]
    assert [c.source for c in claims] == ["a", "b"]
    matching = match.Matching((match.Match(0, 1, 1.0),), (0, 0), ())
    assert {c.kind for c in compare.find_conflicts(claims, matching)} == kinds


@pytest.mark.parametrize("text, expected", [
    ("Ana Ruiz, 61, left the court.", [("ruiz", 61)]),
    ("Ana Ruiz, aged 61, left the court.", [("ruiz", 61)]),
    ("Ruiz, 61, and Lopez, 58, left.", [("ruiz", 61), ("lopez", 58)]),
    ("In Madrid, 2019, the court sat.", []),
    ("In Ardmore, 6,381 houses were damaged.", []),  # the first group of a figure
])
def test_ages(text: str, expected: list) -> None:
    from factcheck.judgement import attributes

    assert attributes.ages(text) == expected


def test_a_figure_after_a_place_and_comma_is_a_quantity() -> None:
    from factcheck.slots import quantities

    assert [q.text for q in quantities.find_quantities("In Ardmore, 6,381 houses were damaged.")] == ["6,381"]


@pytest.mark.parametrize("text, expected", [
    ("The jury chose the film by four votes to one.", (4, 1)),
    ("Members voted 212 to 31 to end the strike.", (212, 31)),
    ("The executive approved the deal unanimously.", "unanimous"),
    ("The court ruled by a majority of 10 to 2.", (10, 2)),
    ("Prices rose from 5 to 7 percent.", None),
    ("The firm cut staff from 12 to 10.", None),
])
def test_vote_tallies(text: str, expected: object) -> None:
    from factcheck.judgement import attributes

    assert attributes.vote(text) == expected


# the planted kinds of bench/generate.py, reworded (issue 9, section 4): (A, B, the reason's kind or
# "agree" / "no-conflict")
@pytest.mark.parametrize("text_a, text_b, expected", [
    # in force now vs in force only once a condition the parse finds ("once", "if"), not a cue list
    ("The Velor Accord is already in force.",
     "The Velor Accord will enter into force once it has been ratified by 20 countries.", "status"),
    ("The Tamsin pact has already taken effect.", "The Tamsin pact will take effect if 12 parliaments approve it.",
     "status"),
    # a count of events to wait for is a condition, and its figure one threshold: events or the parties doing them
    ("The Velor Accord takes effect after 30 ratifications.",
     "The Velor Accord will enter into force once it has been ratified by 20 countries.", "number"),
    ("The Velor Accord takes effect after 20 ratifications.",
     "The Velor Accord will enter into force once it has been ratified by 20 countries.", "agree"),
    # a time is no condition: "after the final" counts no event
    ("The striker will have his medical after the final.", "The striker will have his medical on Sunday.",
     "no-conflict"),
    # what a condition waits for is not what the claim reports: the signing waits, the medical is set
    ("The striker is expected to sign once he passes a medical this weekend.",
     "The striker will have the medical on Sunday.", "no-conflict"),
    # a pronoun resolved inside its article is its entity: one event, one doer
    ("The Orsk Convention was signed in Tallinn on Monday. It takes effect only after ratification by 15 states.",
     "The Orsk Convention is already in force.", "status"),
    # ... named as the object of the sentence before, or under a person's label the model gave it
    ("The Marrowgate Accord is already in force.", "The Marrowgate Accord, a treaty on shipping, was signed in Tamsk"
     " on Monday by 14 governments. Implementation will be overseen by a commission. It takes effect only after"
     " ratification by 9 states.", "status"),
    # count and amount: the same words apart from the figure are one fact, and one subject counts one thing
    ("Attendance was 81%, the organisers said.", "Attendance was 64%, the organisers said.", "number"),
    ("Attendance was 81%, the organisers said.", "Attendance was 81 percent, the organisers said.", "agree"),
    ("Kestrel's operating margin was 12% last year.", "Ardent's operating margin was 18% last year.", "no-conflict"),
    # one event between the same named parties: its figures are one, whoever is the grammatical subject
    ("The $4.2 billion takeover of Halbrook Foods by Merriton Foods was announced on Monday.",
     "Merriton Foods agreed on Monday to buy Halbrook Foods for $5.1 billion.", "number"),
    ("The $4.2 billion takeover of Halbrook Foods by Merriton Foods was announced on Monday.",
     "Merriton Foods agreed on Monday to buy Halbrook Foods for $4.2 billion.", "agree"),
    # weekday: one side names its event with a verb no concept lists ("walked off the job")
    ("Some 400 dockers at the Varna port walked off the job on Friday.",
     "About 400 dockers at the Varna port began a strike on Thursday.", "when"),
    # one side's event only, and nothing but the wording ties them: maybe two events
    ("The dockers at the Varna port will walk off the job on Thursday.",
     "Talks between the dockers at the Varna port and the ministry collapsed on Monday.", "no-conflict"),
    # a figure in a condition counts what it waits for, not who signed
    ("24 countries backed the Orsk Convention in Tallinn.",
     "The Orsk Convention will enter into force once 20 countries ratify it.", "no-conflict"),
], ids=["in-force-vs-once", "in-effect-vs-if", "threshold-30-vs-20", "threshold-same", "time-is-no-condition",
        "condition-is-another-event", "resolved-pronoun", "pronoun-for-mislabelled", "same-words-other-figure", "same-words-same-figure",
        "same-words-other-firm", "same-parties-other-price", "same-parties-same-price", "event-named-on-one-side", "one-named-event-untied",
        "signers-vs-threshold"])
def test_planted_kinds(text_a: str, text_b: str, expected: str) -> None:
    relation, reason = verdict_between(text_a, text_b)
    if expected == "no-conflict":
        assert relation != "conflict", reason
    elif expected == "agree":
        assert relation == "agree", reason
    else:
        assert relation == "conflict" and reason.startswith(expected), reason


def test_one_relative_time_in_the_same_words_agrees_across_publication_days() -> None:
    """'over the weekend' in articles out on Friday and on Monday: when each was written, not two weekends."""
    relation, reason = verdict_between(
        "Forecasters recorded 90 mm of rain in the valley over the weekend.",
        "Forecasters recorded 90 mm of rain in the valley over the weekend.",
        published_a=date(2025, 3, 7), published_b=date(2025, 3, 10))
    assert relation == "agree", reason


def test_it_refers_to_a_thing_named_as_an_object() -> None:
    """A name the model tags as no entity, met as an object, is what a later "it" means."""
    from factcheck.judgement import frames

    found = frames.read("Envoys from 30 nations signed the Quenworth Charter on rivers in Kolbeck on Friday. "
                        "Monitoring will be done by a commission. It takes effect only after ratification by 15 states.")
    assert [f.subject.key for f in found if f.text.startswith("It") and f.subject] == ["quenworth charter"]


def _kinds(kind: str, *texts: str) -> list[str]:
    result = analyse_texts(*texts)
    return [c.reason for c in result.conflicts if c.kind == kind]


# one dimension of one thing given two lengths across a story (story_counts.dimension_conflicts)
@pytest.mark.parametrize("text_a, text_b, expected", [
    ("The 3.5-kilometre tunnel will be fully automated.", "The tunnel will be 5.1 kilometres long.", True),
    ("The divers worked at a depth of 40 metres.", "The wreck lies at a depth of 65 metres.", True),
    ("The tunnel will be about 3.5 km long.", "The 3.4-kilometre tunnel will be fully automated.", False),   # about
    ("The tunnel will be 3.5 kilometres long.", "The bridge will be 900 metres long.", False),      # two things
    ("The tunnel will be 3.5 kilometres long.", "The tunnel will be 3,500 metres long.", False),     # units
    # two agencies measure one quake apart
    ("The quake struck at a depth of 10 km, the national centre said.",
     "The quake was 35 kilometres deep, the European agency said.", False),
], ids=["compound-vs-adjective", "depth-of", "about", "two-things", "two-units", "two-agencies"])
def test_dimension_conflicts(text_a: str, text_b: str, expected: bool) -> None:
    assert bool(_kinds("dimension", text_a, text_b)) is expected


def test_two_agencies_measuring_one_depth_is_no_conflict(monkeypatch: pytest.MonkeyPatch) -> None:
    a = "The quake struck at a depth of 12 km, the national network centre said."
    b = "The quake struck at a depth of 10 km, the geological survey said."
    assert verdict_between(a, b)[0] != "conflict"
    from factcheck.judgement import match

    monkeypatch.setattr(match, "two_speakers", lambda x, y: False)  # one speaker: a real clash
    assert verdict_between(a, b)[0] == "conflict"

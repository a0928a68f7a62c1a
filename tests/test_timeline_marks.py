"""Coverage over time, part two (issue 13): what an article says of its own running figures.

Two articles that nothing orders (undated, or one day without zoned times) are
ordered by their counts when one of them says the count is still moving; a
figure that fell is a revision when the later article says it was revised or is
provisional; a later figure that still fits the earlier bound is an update that
agrees. Every article set is invented, with front-matter dates where it has any.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from factcheck import pipeline
from factcheck.judgement import event_day, timeline
from factcheck.outputs import report_timeline
from factcheck.records import Claim, Label, Quantity, Source, TimeMention, Verdict
from test_match_compare import verdict_between
from test_timeline import run


def article(day: str | None, *sentences: str) -> str:
    head = f"---\ndate: {day}\n---\n" if day else ""
    return head + " ".join(sentences) + "\n"


def rows(frame: pd.DataFrame, source: str, word: str) -> pd.Series:
    """The first row of `source` whose text holds `word`."""
    return frame[(frame["source"] == source) & frame["text"].str.contains(word)].iloc[0]


TOLL = "The landslide in the hill district of Varna killed {} people on Monday, officials said."
STILL_RISING = "Officials said the number of dead could rise further."
REVISED = "Officials said the toll had been revised after a double count."

# (name, first article, second article, expected: "update" (first -> second), "update reversed", "conflict")
ORDERED_BY_THE_COUNT = [
    ("same day, the higher count says it is still rising",
     article("2025-06-02", TOLL.format(29)), article("2025-06-02", TOLL.format(34), STILL_RISING), "update"),
    ("same day, the lower count says it is still rising",
     article("2025-06-02", TOLL.format(29), STILL_RISING), article("2025-06-02", TOLL.format(34)), "update"),
    ("undated, one says so",
     article(None, TOLL.format(34), STILL_RISING), article("2025-06-02", TOLL.format(29)), "update reversed"),
    ("a headline says the toll rises",
     "# Varna landslide toll rises to 34\n\n" + TOLL.format(34) + "\n", article(None, TOLL.format(29)),
     "update reversed"),
    # the mark is a word about the count, not a hedge on it: "at least 34" says no more
    ("same day, only a lower bound", article("2025-06-02", TOLL.format(29)),
     article("2025-06-02", TOLL.format("at least 34")), "conflict"),
    ("same day, no mark", article("2025-06-02", TOLL.format(29)), article("2025-06-02", TOLL.format(34)), "conflict"),
    # zoned times within the hour are known to be of the same hour: no order to infer
    ("same hour, still rising", article("2025-06-02T10:00+02:00", TOLL.format(29)),
     article("2025-06-02T10:40+02:00", TOLL.format(34), STILL_RISING), "conflict"),
]


@pytest.mark.parametrize("name, first, second, expected", ORDERED_BY_THE_COUNT,
                         ids=[c[0] for c in ORDERED_BY_THE_COUNT])
def test_articles_of_unknown_order_are_ordered_by_a_moving_count(tmp_path: Path, name: str, first: str,
                                                                  second: str, expected: str) -> None:
    frame = run(tmp_path, {"first": first, "second": second})
    a, b = rows(frame, "first", "killed"), rows(frame, "second", "killed")
    if expected == "conflict":
        assert b["claim_id"] in a["conflicts_with"].split(";") and not a["updates"] and not b["updates"]
        return
    early, late = (a, b) if expected == "update" else (b, a)
    assert late["updates"] == early["claim_id"] and early["updated_by"] == late["claim_id"], (name, a["reason"])
    assert late["reason"].startswith("update (order unknown, the count still rising): 29 dead")
    assert not a["conflicts_with"] and not b["conflicts_with"]


def test_counts_pointing_two_ways_stay_conflicts(tmp_path: Path) -> None:
    """Of two articles of one day, one higher in the dead and the other in the injured: no order
    fits both, so neither is an update."""
    first = article("2025-06-02", TOLL.format(29),
                    "Officials said the landslide in Varna injured 40 people on Monday.")
    second = article("2025-06-02", TOLL.format(34), "Officials said the number of dead and injured could rise further.",
                     "Officials said the landslide in Varna injured 30 people on Monday.")
    frame = run(tmp_path, {"first": first, "second": second})
    assert not frame["updates"].any()
    assert rows(frame, "second", "killed")["claim_id"] in rows(frame, "first", "killed")["conflicts_with"]


@pytest.mark.parametrize("name, early, late, expected", [
    ("the later article says the toll was revised",
     article("2025-06-02", TOLL.format(34)), article("2025-06-03", TOLL.format(29), REVISED), "update"),
    ("the later article calls its figure provisional",
     article("2025-06-02", TOLL.format(34)),
     article("2025-06-03", TOLL.format(29), "The figure is provisional, officials said."), "update"),
    ("only the earlier article says so", article("2025-06-02", TOLL.format(34), REVISED),
     article("2025-06-03", TOLL.format(29)), "conflict"),
    ("a later fall with nothing said", article("2025-06-02", TOLL.format(34)),
     article("2025-06-03", TOLL.format(29)), "conflict"),
])
def test_a_fall_is_a_revision_only_when_the_later_article_says_so(tmp_path: Path, name: str, early: str,
                                                                  late: str, expected: str) -> None:
    frame = run(tmp_path, {"early": early, "late": late})
    a, b = rows(frame, "early", "killed"), rows(frame, "late", "killed")
    if expected == "conflict":
        assert b["claim_id"] in a["conflicts_with"].split(";") and not b["updates"], name
    else:
        assert b["updates"] == a["claim_id"] and not a["conflicts_with"], (name, a["reason"])
        assert b["reason"] == "update (revised): 34 dead (Mon 2 Jun) -> 29 dead (Tue 3 Jun)"


def test_a_raised_bound_is_an_update_that_still_agrees(tmp_path: Path) -> None:
    frame = run(tmp_path, {"early": article("2025-06-02", TOLL.format("more than 30")),
                           "late": article("2025-06-03", TOLL.format("at least 34"))})
    a, b = rows(frame, "early", "killed"), rows(frame, "late", "killed")
    assert a["label"] == b["label"] == "agreeing" and b["claim_id"] in a["agrees_with"]
    assert b["updates"] == a["claim_id"] and a["updated_by"] == b["claim_id"]
    assert b["reason"] == "update: more than 30 dead (Mon 2 Jun) -> at least 34 dead (Tue 3 Jun)"


@pytest.mark.parametrize("text_a, text_b, expected", [
    ("The quake killed more than 30 people and injured 50.", "The quake killed at least 34 people and injured 50.",
     "update: more than 30 dead (Mon 2 Jun) -> at least 34 dead (Tue 3 Jun)"),
    ("The quake injured 50 and killed more than 30 people.", "The quake killed at least 34 people and injured 50.",
     "update: more than 30 dead (Mon 2 Jun) -> at least 34 dead (Tue 3 Jun)"),
    # one figure told with the killing, the other with the injuring: two counts, no update
    ("The quake killed 12 and injured more than 30 people.", "The quake killed at least 34 people and injured 50.",
     None),
])
def test_a_claim_of_two_running_figures_raises_the_one_told_with_its_event(text_a: str, text_b: str,
                                                                         expected: str | None) -> None:
    """"A quake that killed more than 30 and injured 50": the figure counts the event told nearest it."""
    def claim(source: str, text: str) -> Claim:
        figure = "more than 30" if "more than 30" in text else "at least 34"
        q = Quantity(text.index(figure), text.index(figure) + len(figure), figure, float(figure.split()[-1]),
                     float(figure.split()[-1]), float("inf"), " ".join(figure.split()[:-1]), counted="people")
        return Claim(f"{source}-1", source, 0, 1, text, 0, 1, quantities=(q,), predicate="injure,kill")

    claims = [claim("a", text_a), claim("b", text_b)]
    verdicts = [Verdict("a-1", Label.AGREEING, "g", agrees_with=("b-1",)),
                Verdict("b-1", Label.AGREEING, "g", agrees_with=("a-1",))]
    sources = {s: Source(s, Path(f"{s}.txt"), "...", published=date(2025, 6, day)) for s, day in (("a", 2), ("b", 3))}
    found = timeline.with_raised(timeline.Timeline((), ()), verdicts, claims, sources)
    assert [ch.reason for ch in found.changes] == ([expected] if expected else [])


@pytest.mark.parametrize("name, early, late", [
    # a bound far below the other figure says little about it
    ("figures far apart", TOLL.format("more than 30"), TOLL.format("at least 90")),
    ("the later figure is lower", TOLL.format("at least 34"), TOLL.format("more than 30")),
])
def test_agreeing_figures_that_are_no_update(tmp_path: Path, name: str, early: str, late: str) -> None:
    frame = run(tmp_path, {"early": article("2025-06-02", early), "late": article("2025-06-03", late)})
    assert not frame["updates"].any(), name
    assert (frame[frame["text"].str.contains("killed")]["label"] == "agreeing").all(), name


def test_a_background_event_is_no_earlier_count() -> None:
    """A claim dated by a year or a month tells an earlier event, whose count is settled."""
    last_year = TimeMention(0, 9, "last year", "on", "year")
    monday = TimeMention(0, 9, "on Monday", "on", "day")
    claim = Claim("a-1", "a", 0, 1, "...", 0, 1, predicate="kill")
    assert timeline._background(Claim(**{**claim.__dict__, "when": (last_year,)}))
    assert not timeline._background(Claim(**{**claim.__dict__, "when": (monday,)}))


def test_responders_sent_to_a_rescue_are_no_running_count(tmp_path: Path) -> None:
    """A figure that counts those sent to help ("120 firefighters") is not the count of the rescued,
    so two of them hours apart still conflict."""
    frame = run(tmp_path, {
        "early": article("2025-06-02T08:00+02:00", "The region sent 120 firefighters to rescue stranded families in Varna."),
        "late": article("2025-06-02T15:00+02:00", "The region sent 210 firefighters to rescue stranded families in Varna.")})
    a, b = rows(frame, "early", "firefighters"), rows(frame, "late", "firefighters")
    assert b["claim_id"] in a["conflicts_with"] and not b["updates"]


MONDAY = TimeMention(0, 9, "On Monday", "on", "day")


@pytest.mark.parametrize("text, lemma, expected", [
    ("On Monday crews searched homes hit by a landslide that killed 30 people", "search", True),
    ("On Monday rescuers looked for survivors of the landslide, which killed 30 people", "look", True),
    # the time is the killing's own
    ("On Monday a landslide killed 30 people", "kill", False),
    ("On Monday a landslide struck the valley, killing 30 people", "strike", False),
    # the killing told before the relative clause
    ("On Monday a landslide killed 30 people in a valley that floods every year", "kill", False),
])
def test_a_time_of_another_act(text: str, lemma: str, expected: bool) -> None:
    claim = Claim("x", "a", 0, 1, text, 0, 1, when=(MONDAY,), lemma=lemma)
    assert event_day.dates_another_act(claim, frozenset({"kill"})) is expected


@pytest.mark.parametrize("text_a, text_b, expected", [
    # the Monday is the search's: no day of the landslide against the weekend
    ("On Monday rescuers searched for survivors of a landslide in Varna that killed 30 people.",
     "The landslide in Varna killed 30 people at the weekend.", "agree"),
    # the Friday is the walkout's, the Monday the ferries': the cancelled sailings still differ
    ("Dock workers in Porthlin walked out on Friday, starting a strike that forced the port to cancel 40 sailings.",
     "The port of Porthlin cancelled 55 sailings during the dock strike, as the first ferries left on Monday.",
     "conflict"),
])
def test_pairs_with_times_and_parts_of_other_acts(text_a: str, text_b: str, expected: str) -> None:
    relation, reason = verdict_between(text_a, text_b)
    assert relation == expected, reason
    if expected == "conflict":
        assert reason.startswith("number")


@pytest.mark.parametrize("named", [
    "Police in Varna have identified four of the dead and 11 of the injured from the landslide.",
    "A day after the Varna landslide, the council released the names of four victims and 11 of the injured.",
])
def test_a_part_of_the_injured_is_no_count_of_them(named: str) -> None:
    """"11 of the injured" were named: a part of them, not their number."""
    sources = [Source("a", Path("a.txt"), named),
               Source("b", Path("b.txt"), "The Varna landslide killed at least four people and injured at least 12.")]
    assert not any(v.conflicts_with for v in pipeline.analyse(sources).verdicts)


def test_changed_over_time_keeps_each_figure_of_a_claim_apart() -> None:
    """A claim of two running figures is in two histories, each point with its own figure, and a
    claim updated twice pairs each reason with the claim it names (report_timeline.sections)."""
    dead_1 = "update: more than 20 dead (Mon 2 Jun) -> at least 27 dead (Tue 3 Jun)"
    hurt_1 = "update (order unknown, the count still rising): more than 80 injured (Mon 2 Jun) -> at least 90 injured (Tue 3 Jun)"
    dead_2 = "update (revised): at least 27 dead (Tue 3 Jun) -> 25 dead (Wed 4 Jun)"

    def row(cid: str, day: str, changes: list[str], updates: str = "", updated_by: str = "") -> dict[str, str]:
        return {"claim_id": cid, "source": cid, "published": day, "published_at": "", "updates": updates,
                "updated_by": updated_by, "changes": "; ".join(changes), "reason": ""}

    rows = [row("a", "2025-06-02", [dead_1, hurt_1], updated_by="b"),
            row("b", "2025-06-03", [dead_1, hurt_1, dead_2], updates="a", updated_by="c"),
            row("c", "2025-06-04", [dead_2], updates="b")]
    histories = {f["figure"]: [(p["claim_id"], p["text"], p["superseded"]) for p in f["points"]]
                 for f in report_timeline.sections(rows, {})["changed_over_time"]}
    assert histories == {
        "dead": [("a", "more than 20 dead", True), ("b", "at least 27 dead", True), ("c", "25 dead", False)],
        "injured": [("a", "more than 80 injured", True), ("b", "at least 90 injured", False)]}


def test_a_mark_is_of_one_running_figure(tmp_path: Path) -> None:
    """"The number of dead could rise" orders the dead of two articles of one day, not their injured."""
    first = article("2025-06-02", TOLL.format(29), "Officials said the landslide in Varna injured 30 people on Monday.")
    second = article("2025-06-02", TOLL.format(34), STILL_RISING,
                     "Officials said the landslide in Varna injured 40 people on Monday.")
    frame = run(tmp_path, {"first": first, "second": second})
    assert rows(frame, "second", "killed")["updates"] == rows(frame, "first", "killed")["claim_id"]
    injured_a, injured_b = rows(frame, "first", "injured"), rows(frame, "second", "injured")
    assert injured_b["claim_id"] in injured_a["conflicts_with"] and not injured_b["updates"]


COUNT = "The electoral commission in Valdria said {}."


@pytest.mark.parametrize("name, early, late, expected", [
    # the share of ballots counted rises as the count goes on
    ("share of ballots counted", COUNT.format("62% of ballots had been counted on Monday night"),
     COUNT.format("91% of ballots had been counted on Monday night"), "update"),
    ("share of precincts reporting", COUNT.format("with 40% of precincts reporting, the count went on"),
     COUNT.format("with 75% of precincts reporting, the count went on"), "update"),
    # a share of the vote is no count in progress
    ("share of the vote", "Senna Vrak won 44.1% of the vote in the Valdria governor race.",
     "Senna Vrak won 44.6% of the vote in the Valdria governor race.", "conflict"),
])
def test_a_share_of_a_count_in_progress(tmp_path: Path, name: str, early: str, late: str, expected: str) -> None:
    frame = run(tmp_path, {"early": article("2026-04-20T22:00+00:00", early),
                           "late": article("2026-04-21T15:45+01:00", late)})
    a, b = rows(frame, "early", "%"), rows(frame, "late", "%")
    if expected == "update":
        assert b["updates"] == a["claim_id"] and not a["conflicts_with"], (name, a["reason"])
    else:
        assert b["claim_id"] in a["conflicts_with"] and not b["updates"], name


@pytest.mark.parametrize("late, expected", [
    ("Turnout in Valdria was 61.2%, once the board had corrected one district's papers, counted twice.",
     "update (revised): 62.4% (Tue 21 Apr) -> 61.2% (Thu 23 Apr)"),
    # a change the news reports is no correction of what was reported
    ("The Valdria central bank lowered its inflation outlook for next year to 2.1%.", None),
    ("Turnout in Valdria was 61.2%.", None),
])
def test_a_figure_corrected_in_its_own_sentence(tmp_path: Path, late: str, expected: str | None) -> None:
    early = ("Turnout in Valdria was 62.4%." if "Turnout" in late
             else "The Valdria central bank put its inflation outlook for next year at 2.6%.")
    frame = run(tmp_path, {"early": article("2026-04-21", early), "late": article("2026-04-23", late)})
    a, b = frame[frame["source"] == "early"].iloc[0], frame[frame["source"] == "late"].iloc[0]
    if expected:
        assert b["updates"] == a["claim_id"] and b["reason"] == expected
    else:
        assert b["claim_id"] in a["conflicts_with"] and not b["updates"]


def test_two_tallies_of_an_election_are_no_story_count() -> None:
    """A candidate's votes and the invalid ballots are parts of one count, not one number told twice."""
    sources = [Source("a", Path("a.txt"), "Senna Vrak had 214,000 votes on Monday, the board said."),
               Source("b", Path("b.txt"), "The board said 8,200 ballots were rejected as spoiled.")]
    assert not any(v.conflicts_with for v in pipeline.analyse(sources).verdicts)


def test_two_running_nouns_are_two_counts(tmp_path: Path) -> None:
    """"8,200 ballots" rejected and a lead of "9,100 votes": no update of one by the other."""
    claims = [Claim("a-1", "a", 0, 1, "...", 0, 1,
                    quantities=(Quantity(0, 6, "8,200", 8200, 8200, 8200, counted="ballots"),)),
              Claim("b-1", "b", 0, 1, "...", 0, 1,
                    quantities=(Quantity(0, 6, "9,100", 9100, 9100, 9100, counted="votes"),))]
    assert timeline._running(*claims, claims[0].quantities[0], claims[1].quantities[0]) is None
    same = Claim("b-1", "b", 0, 1, "...", 0, 1, quantities=(Quantity(0, 6, "9,100", 9100, 9100, 9100,
                                                                      counted="ballots"),))
    assert timeline._running(claims[0], same, claims[0].quantities[0], same.quantities[0]) == "ballots"


def test_intensive_care_is_in_hospital() -> None:
    """Those in intensive care are in hospital: the running count of the hospitalised."""
    from factcheck.slots import terms
    assert "@hospitalise" in terms.terms("three of them in intensive care")

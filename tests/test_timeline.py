"""Coverage over time (issue 13): publication moments and zones, updates, forecasts, reports.

Every article set is invented, with front-matter dates; each runs through the
whole pipeline (or the CLI) in a temporary folder.
"""
from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from factcheck.scale import incremental
from factcheck import pipeline
from factcheck.inputs import published
from factcheck.outputs import report, table
from factcheck.judgement import timeline
from factcheck.slots import zones
from factcheck.inputs import sources as sources_mod
from factcheck.cli import cli
from factcheck.records import Source, TimeMention


def article(day: str, *sentences: str) -> str:
    return f"---\ndate: {day}\n---\n" + " ".join(sentences) + "\n"


def run(tmp_path: Path, articles: dict[str, str]) -> pd.DataFrame:
    folder = tmp_path / "sources"
    folder.mkdir()
    for name, text in articles.items():
        (folder / f"{name}.md").write_text(text, encoding="utf-8")
    return pipeline.run([folder]).frame


def pair(frame: pd.DataFrame, a: str, b: str) -> tuple[pd.Series, pd.Series]:
    """The first rows of sources a and b."""
    return frame[frame["source"] == a].iloc[0], frame[frame["source"] == b].iloc[0]


TOLL = "The landslide in the hill district of Varna killed {} people on Monday, officials said."
SCORE = "Riverside beat Hollow Town {} in the cup final at Marsh Park on Saturday."
SENTENCE = "A court in Tarnow sentenced the former mayor Piotr Lenk to {} years in prison on Friday."

# (name, early article, later article, expected outcome of the pair)
CASES = [
    ("rising toll", article("2025-06-02", TOLL.format(29)), article("2025-06-03", TOLL.format(34)), "update"),
    ("rising toll, hours apart", article("2025-06-02T08:00+02:00", TOLL.format(29)),
     article("2025-06-02T15:30+02:00", TOLL.format(34)), "update"),
    ("falling toll", article("2025-06-02", TOLL.format(34)), article("2025-06-03", TOLL.format(29)), "conflict"),
    ("same day, no times", article("2025-06-02", TOLL.format(29)), article("2025-06-02", TOLL.format(34)), "conflict"),
    ("same hour", article("2025-06-02T10:00+02:00", TOLL.format(29)),
     article("2025-06-02T10:40+02:00", TOLL.format(34)), "conflict"),
    ("final score a day later", article("2025-05-18", SCORE.format("2-1")),
     article("2025-05-19", SCORE.format("3-1")), "conflict"),
    ("longer sentence a day later", article("2025-05-17", SENTENCE.format(12)),
     article("2025-05-18", SENTENCE.format(15)), "conflict"),
    ("forecast of signatories and the outcome",
     article("2025-06-02", "About 30 countries are expected to sign the ocean treaty in Lima on Wednesday."),
     article("2025-06-05", "72 countries signed the ocean treaty in Lima on Wednesday."), "forecast"),
    ("forecast of attendance and the outcome",
     article("2025-06-02", "The prime minister is set to attend the ocean summit in Lima on Wednesday."),
     article("2025-06-05", "The prime minister did not attend the ocean summit in Lima on Wednesday."), "forecast"),
    ("forecast of a launch day and the outcome",
     article("2025-06-02", "The Kestrel-2 rocket is expected to launch from the Andoya spaceport on Tuesday."),
     article("2025-06-05", "The Kestrel-2 rocket launched from the Andoya spaceport on Wednesday."), "forecast"),
    ("a planned launch day and the outcome",
     article("2025-06-02", "The Kestrel-2 rocket will launch from the Andoya spaceport on Tuesday."),
     article("2025-06-05", "The Kestrel-2 rocket launched from the Andoya spaceport on Wednesday."), "conflict"),
    ("a match in two time zones",
     article("2025-06-07T23:30+01:00", "Porto beat Braga 2-1 in the cup final on Saturday evening in Lisbon."),
     article("2025-06-08T09:00+05:30", "Porto beat Braga 2-1 in the cup final early Sunday, India time, in Lisbon."),
     "agree"),
    ("two days in two time zones",
     article("2025-06-07T23:30+01:00", "Porto beat Braga 2-1 in the cup final on Saturday evening in Lisbon."),
     article("2025-06-08T09:00+05:30", "Porto beat Braga 2-1 in the cup final late Sunday, India time, in Lisbon."),
     "conflict"),
]


@pytest.mark.parametrize("name, early, late, expected", CASES, ids=[c[0] for c in CASES])
def test_article_pairs_over_time(tmp_path: Path, name: str, early: str, late: str, expected: str) -> None:
    frame = run(tmp_path, {"early": early, "late": late})
    a, b = pair(frame, "early", "late")
    conflicting = b["claim_id"] in a["conflicts_with"].split(";")
    assert conflicting == (expected == "conflict"), (name, a["reason"], b["reason"])
    if expected == "update":
        assert b["updates"] == a["claim_id"] and a["updated_by"] == b["claim_id"]
        assert b["reason"].startswith("update: 29 dead (Mon 2 Jun") and "-> 34 dead" in b["reason"]
        assert a["label"] == b["label"] == "single-source"  # an update confirms nothing
    else:
        assert not a["updates"] and not b["updates"]
    if expected == "forecast":
        assert (a["forecast"], a["forecast_with"]) == ("missed", b["claim_id"])
        assert (b["forecast"], b["forecast_with"]) == ("outcome", a["claim_id"])
        assert "forecast missed:" in a["reason"]
    else:
        assert not a["forecast"] and not b["forecast"]
    if expected == "agree":
        assert a["label"] == b["label"] == "agreeing"


def test_same_article_figures_still_conflict(tmp_path: Path) -> None:
    frame = run(tmp_path, {"one": article("2025-06-02", TOLL.format(29), TOLL.format(34).replace("The", "A")),
                           "two": article("2025-06-03", "The weather in Varna was dry.")})
    toll = frame[frame["text"].str.contains("killed")]
    assert len(toll) == 2 and (toll["label"] == "conflicting").all() and not toll["updates"].any()


def test_each_running_figure_is_judged_on_its_own(tmp_path: Path) -> None:
    """Between two articles, a toll that fell is a conflict, and the injured that rose in the same
    later article are still an update: one wrong figure does not make the others wrong."""
    early = article("2025-06-02", TOLL.format(34), "Officials said the landslide in Varna injured 12 people.")
    late = article("2025-06-03", TOLL.format(29), "Officials said the landslide in Varna injured 20 people.")
    frame = run(tmp_path, {"early": early, "late": late})
    toll_a, toll_b = frame[frame["text"].str.contains("killed")].iloc[0], frame[frame["text"].str.contains("killed")].iloc[1]
    assert toll_b["claim_id"] in toll_a["conflicts_with"] and not toll_b["updates"]
    hurt = frame[frame["text"].str.contains("injured")]
    assert hurt.iloc[1]["updates"] == hurt.iloc[0]["claim_id"]


def test_unknown_publication_order_still_conflicts(tmp_path: Path) -> None:
    frame = run(tmp_path, {"early": TOLL.format(29) + "\n", "late": article("2025-06-03", TOLL.format(34))})
    a, b = pair(frame, "early", "late")
    assert b["claim_id"] in a["conflicts_with"] and not b["updates"]


def test_incremental_table_equals_the_cold_run(tmp_path: Path) -> None:
    folder = tmp_path / "sources"
    folder.mkdir()
    for name, text in {"a": article("2025-06-02", TOLL.format(29)), "b": article("2025-06-03", TOLL.format(34)),
                       "c": article("2025-06-04", TOLL.format(30))}.items():
        (folder / f"{name}.md").write_text(text, encoding="utf-8")
    cold = table.to_csv_text(pipeline.run([folder]).frame)
    assert incremental.table_of([folder], tmp_path / "cache").text() == cold
    assert incremental.table_of([folder], tmp_path / "cache").text() == cold  # warm
    assert "update: 29 dead" in cold


# ---------------------------------------------------------------- CLI: check and reports


FORECAST = "About 30 countries are expected to sign the ocean treaty in Lima on Wednesday."
OUTCOME = "72 countries signed the ocean treaty in Lima on Wednesday."


def _cli_workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, articles: dict[str, str]) -> None:
    (tmp_path / "sources").mkdir()
    for name, text in articles.items():
        (tmp_path / "sources" / f"{name}.md").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert CliRunner().invoke(cli, ["run", "-q"]).exit_code == 0


def test_check_passes_on_updates_and_missed_forecasts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _cli_workdir(tmp_path, monkeypatch, {
        "a": article("2025-06-02", TOLL.format(29), "About 30 countries are expected to sign the ocean treaty in Lima on Wednesday."),
        "b": article("2025-06-05", TOLL.format(34), "72 countries signed the ocean treaty in Lima on Wednesday."),
    })
    result = CliRunner().invoke(cli, ["check", "sources"])
    assert result.exit_code == 0, result.output


def test_check_fails_on_a_falling_toll(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _cli_workdir(tmp_path, monkeypatch, {"a": article("2025-06-02", TOLL.format(34)),
                                         "b": article("2025-06-03", TOLL.format(29))})
    assert CliRunner().invoke(cli, ["check", "sources"]).exit_code == 1


SUMMARY_CASES = [
    ("one of each", {"a": article("2025-06-02", TOLL.format(29), FORECAST),
                     "b": article("2025-06-05", TOLL.format(34), OUTCOME)},
     "2 sources, 4 claims", "  0 conflicting, 0 agreeing, 4 single-source, 1 update, 1 missed forecast"),
    ("a toll raised twice", {"a": article("2025-06-02", TOLL.format(29)), "b": article("2025-06-03", TOLL.format(34)),
                             "c": article("2025-06-04", TOLL.format(41))},
     "3 sources, 3 claims", "  0 conflicting, 0 agreeing, 3 single-source, 3 updates, 0 missed forecasts"),
]


@pytest.mark.parametrize("name, articles, head, counts", SUMMARY_CASES, ids=[c[0] for c in SUMMARY_CASES])
@pytest.mark.parametrize("cache", ["--no-cache", "--cache-dir"])
def test_run_summary_counts_updates_and_missed_forecasts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cache: str,
                                                         name: str, articles: dict[str, str], head: str,
                                                         counts: str) -> None:
    (tmp_path / "sources").mkdir()
    for source, text in articles.items():
        (tmp_path / "sources" / f"{source}.md").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    options = ["--no-cache"] if cache == "--no-cache" else ["--cache-dir", str(tmp_path / "cache")]
    for _ in range(1 if cache == "--no-cache" else 2):  # a cached run: cold, then warm from the snapshot
        result = CliRunner().invoke(cli, ["run", "--jobs", "1", *options])
        assert result.exit_code == 0, result.output
        assert result.output == f"{head} -> claims.csv\n{counts}\n"


def test_reports_show_changes_over_time_and_missed_forecasts(tmp_path: Path) -> None:
    folder = tmp_path / "sources"
    folder.mkdir()
    for name, text in {
        "a": article("2025-06-02T18:00+02:00", TOLL.format(29)),
        "b": article("2025-06-03T09:30+02:00", TOLL.format(34)),
        "c": article("2025-06-04", TOLL.format(41),
                     "About 30 countries are expected to sign the ocean treaty in Lima on Wednesday."),
        "d": article("2025-06-06", "72 countries signed the ocean treaty in Lima on Wednesday."),
    }.items():
        (folder / f"{name}.md").write_text(text, encoding="utf-8")
    result = pipeline.run([folder])
    model = report.build(result.frame, result.sources)
    assert model["schema_version"] == 2
    assert model["summary"]["conflicting"] == 0 and model["summary"]["missed_forecasts"] == 1
    (figure,) = model["changed_over_time"]
    assert figure["figure"] == "dead"
    assert [(p["source"], p["value"], p["superseded"]) for p in figure["points"]] == \
        [("a", 29.0, True), ("b", 34.0, True), ("c", 41.0, False)]
    assert figure["points"][0]["published_at"] == "2025-06-02T18:00+02:00"
    (missed,) = model["missed_forecasts"]
    assert (missed["forecast"]["source"], missed["outcome"]["source"]) == ("c", "d")
    markdown = report.to_markdown(model)
    assert "## Changed over time" in markdown and "## Missed forecasts" in markdown
    assert markdown.index("## Changed over time") < markdown.index("## Facts that agree")
    page = report.to_html(model)
    assert '<section id="changed-over-time">' in page and "<polyline" in page and "<svg" in page
    assert json.loads(report.to_json(model))["changed_over_time"][0]["points"][2]["text"] == "41 dead"


# ---------------------------------------------------------------- publication moments and zones


BST = timezone(timedelta(hours=1))
CEST = timezone(timedelta(hours=2))


@pytest.mark.parametrize("file, text, expected_day, expected_at", [
    ("a.md", "---\ndate: 2025-06-03T14:20+02:00\n---\nThe bridge reopened.\n", date(2025, 6, 3),
     datetime(2025, 6, 3, 14, 20, tzinfo=CEST)),
    ("b.txt", "Published: 3 June 2025\nUpdated 3 June 2025, 16:05 BST\nThe bridge reopened.\n", date(2025, 6, 3),
     datetime(2025, 6, 3, 16, 5, tzinfo=BST)),
    ("c.txt", "Published: 08:23, December 19, 2023\nThe bridge reopened.\n", date(2023, 12, 19),
     datetime(2023, 12, 19, 8, 23)),
    ("d.json", '{"text": "The bridge reopened.", "date": "2025-06-03 09:00 EDT"}', date(2025, 6, 3),
     datetime(2025, 6, 3, 9, 0, tzinfo=timezone(timedelta(hours=-4)))),
    ("e.md", "---\ndate: 2025-06-03\n---\nThe bridge reopened.\n", date(2025, 6, 3), None),
    ("f.html", '<html><head><meta property="article:published_time" content="2025-06-03T14:20:00+02:00">'
     "<title>Bridge</title></head><body><article><p>The bridge over the Vardar river reopened to traffic on "
     "Tuesday after two years of repairs, the city said.</p></article></body></html>", date(2025, 6, 3),
     datetime(2025, 6, 3, 14, 20, tzinfo=CEST)),
])
def test_publication_moment(tmp_path: Path, file: str, text: str, expected_day: date,
                            expected_at: datetime | None) -> None:
    (tmp_path / file).write_text(text, encoding="utf-8")
    (source,) = sources_mod.read_source(tmp_path / file)
    assert source.published == expected_day
    assert source.published_at == expected_at
    if expected_at is not None:
        assert source.published_at.utcoffset() == expected_at.utcoffset()


def test_published_column_keeps_the_date_and_adds_the_moment(tmp_path: Path) -> None:
    frame = run(tmp_path, {"a": article("2025-06-03T14:20+02:00", TOLL.format(29))})
    assert frame.iloc[0]["published"] == "2025-06-03"
    assert frame.iloc[0]["published_at"] == "2025-06-03T14:20+02:00"


def test_a_moment_must_fall_on_the_day_read() -> None:
    assert published.moment("3 June 2025, 16:05", date(2025, 6, 4)) is None
    assert published.moment("2025-06-03") is None  # no time of day


def _day(text: str, weekday: int, zone: str | None, written: bool = False, day: date | None = None) -> TimeMention:
    return TimeMention(0, len(text), text, weekday=weekday, first=day, last=day, zone=zone, zone_written=written)


def test_zone_written_after_a_day() -> None:
    text = "The vote closed early Sunday, India time, officials said."
    assert zones.zone_after(text, text.index(", India")) == "Asia/Kolkata"
    assert zones.zone_after("on Sunday, CT scans showed", len("on Sunday")) is None
    assert zones.zone_after("on Monday (Beijing Time)", len("on Monday")) == "Asia/Shanghai"


def test_instants_compatible_by_zone() -> None:
    saturday_evening = _day("Saturday evening", 5, "+01:00", day=date(2025, 6, 7))
    early_sunday_india = _day("early Sunday", 6, "Asia/Kolkata", True, date(2025, 6, 8))
    late_sunday_india = _day("late Sunday", 6, "Asia/Kolkata", True, date(2025, 6, 8))
    assert zones.instants_compatible(saturday_evening, early_sunday_india) is True
    assert zones.instants_compatible(saturday_evening, late_sunday_india) is False
    # no zone written on either side: not this rule's business
    assert zones.instants_compatible(saturday_evening, _day("Sunday", 6, "+01:00", day=date(2025, 6, 8))) is None
    # weekdays without dates compare across the week boundary; an unknown zone may be any zone
    assert zones.instants_compatible(_day("Sunday", 6, None), _day("Monday", 0, "+09:00", True)) is True
    assert zones.instants_compatible(_day("Sunday", 6, None), _day("Wednesday", 2, "+09:00", True)) is False


def test_published_order() -> None:
    def src(day: date | None, at: datetime | None = None) -> Source:
        return Source("x", Path("x"), "", published=day, published_at=at)

    assert timeline.published_order(src(date(2025, 6, 2)), src(date(2025, 6, 3))) == -1
    assert timeline.published_order(src(date(2025, 6, 3)), src(date(2025, 6, 2))) == 1
    assert timeline.published_order(src(date(2025, 6, 2)), src(date(2025, 6, 2))) is None
    assert timeline.published_order(src(None), src(date(2025, 6, 2))) is None
    morning = datetime(2025, 6, 2, 8, 0, tzinfo=CEST)
    assert timeline.published_order(src(date(2025, 6, 2), morning),
                                    src(date(2025, 6, 2), morning + timedelta(hours=3))) == -1
    assert timeline.published_order(src(date(2025, 6, 2), morning),
                                    src(date(2025, 6, 2), morning + timedelta(minutes=40))) is None

"""Reprint families (issue 13 item 4): copies of one text are one witness.

Every article here is invented. A wire story is reprinted by other papers (a changed
headline, a trimmed last paragraph, another dateline, or only the same agency's credit);
one radio report of the same event is written independently.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck import pipeline
from factcheck.judgement import reprints
from factcheck.inputs import sources as sources_mod
from factcheck.outputs import table
from factcheck.cli import cli
from factcheck.records import Label, Source

HEAD = "---\ndate: {date}\noutlet: {outlet}\n---\n"
LEAD = "A passenger ferry sank off Karsten Island on Tuesday, killing 14 people, the coast guard said."
BODY = (
    "The vessel was carrying 120 passengers when it capsized in heavy seas about two miles from the harbour.",
    "Rescuers pulled 98 survivors from the water, coast guard spokesman Tomas Veld said.",
    "The ferry operator, Lindqvist Lines, said it would cooperate fully with the investigation.",
    "Storms have battered the northern coast for a week, and the port authority closed the harbour on Monday.",
)
INDEPENDENT = HEAD.format(date="2025-06-03", outlet="Island Radio") + (
    "Ferry capsizes in storm\n\n"
    "Fourteen people died when a passenger ferry went down near Karsten Island on Tuesday, "
    "according to the coast guard.\n\n"
    "Our reporter saw ambulances lining the quay late into the evening.\n\n"
    "Families gathered outside the ferry terminal waiting for news of relatives.\n\n"
    "The island's mayor asked residents to give blood at the hospital in the old town.\n")


def wire(*, headline: str = "Ferry sinks off Karsten Island, 14 dead", dateline: str = "BRELLA, June 3 (Reuters) - ",
         trim: bool = False, lead: str = LEAD, outlet: str = "Northwire", date: str = "2025-06-03") -> str:
    body = BODY[:-1] if trim else BODY
    return HEAD.format(date=date, outlet=outlet) + f"{headline}\n\n{dateline}{lead}\n\n" + "\n\n".join(body) + "\n"


CREDITED = {  # three papers' own words, one agency's credit in three forms
    "a_wire": HEAD.format(date="2025-06-03", outlet="Northwire") + (
        "Ferry sinks off Karsten Island\n\nBRELLA, June 3 (Reuters) - " + LEAD + "\n\n"
        "The ferry operator said it would cooperate with the investigation.\n"),
    "b_copy": HEAD.format(date="2025-06-03", outlet="Harbour Gazette") + (
        "Karsten Island ferry disaster\n\nFourteen people were killed when a passenger ferry sank near Karsten Island "
        "on Tuesday, the coast guard said.\n\nDivers searched the wreck through the night.\n\n"
        "Reuters contributed to this report.\n"),
    "c_copy": HEAD.format(date="2025-06-03", outlet="Coast Online") + (
        "Deadly sinking near Karsten Island\n\nA passenger ferry sank near Karsten Island on Tuesday and 14 people "
        "were killed, according to the coast guard.\n\nSource: Reuters\n"),
}
REPRINTS = {
    "headline": lambda outlet: wire(headline="Fourteen dead as ferry goes down off Karsten Island", outlet=outlet),
    "trimmed": lambda outlet: wire(trim=True, outlet=outlet),
    "dateline": lambda outlet: wire(dateline="KARSTEN ISLAND, Tuesday - ", outlet=outlet),
    "identical": lambda outlet: wire(outlet=outlet),
}


def _reprint_set(kind: str) -> dict[str, str]:
    if kind == "credit":
        return dict(CREDITED)
    return {"a_wire": wire(), "b_copy": REPRINTS[kind]("Harbour Gazette"), "c_copy": REPRINTS[kind]("Coast Online")}


def _write(folder: Path, articles: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def _loaded(folder: Path) -> list[Source]:
    return sources_mod.read_sources([folder])[0]


def _ferry_rows(frame):  # type: ignore[no-untyped-def]
    """The rows stating the sinking (each reprint's lead and the radio's)."""
    return frame[frame.text.str.contains("ferry") & frame.text.str.contains("Karsten")]


KINDS = ["headline", "trimmed", "dateline", "identical", "credit"]


@pytest.mark.parametrize("kind", KINDS)
def test_three_reprints_are_one_family(kind: str, tmp_path: Path) -> None:
    loaded = _loaded(_write(tmp_path / "s", _reprint_set(kind)))
    found = reprints.families(loaded)
    assert [f.members for f in found] == [("a_wire", "b_copy", "c_copy")]
    assert found[0].copied is (kind != "credit")
    assert found[0].agencies == (("Reuters",) if kind in ("credit", "headline", "trimmed", "identical") else ())


@pytest.mark.parametrize("kind", KINDS)
def test_three_reprints_alone_are_single_source(kind: str, tmp_path: Path) -> None:
    frame = pipeline.run([_write(tmp_path / "s", _reprint_set(kind))]).frame
    rows = _ferry_rows(frame)
    assert set(rows.source) == {"a_wire", "b_copy", "c_copy"}
    assert set(rows.label) == {Label.SINGLE_SOURCE.value}
    assert set(rows.sources) == {"a_wire;b_copy;c_copy"}  # every outlet that carried it
    assert set(frame.family) == {"a_wire;b_copy;c_copy"}
    assert (frame.label != Label.AGREEING.value).all()


@pytest.mark.parametrize("kind", KINDS)
def test_reprints_and_an_independent_report_agree_once_per_family(kind: str, tmp_path: Path) -> None:
    folder = _write(tmp_path / "s", {**_reprint_set(kind), "d_radio": INDEPENDENT})
    frame = pipeline.run([folder]).frame
    rows = _ferry_rows(frame)
    assert set(rows.label) == {Label.AGREEING.value}
    radio_ids = set(frame[frame.source == "d_radio"].claim_id)
    for row in rows[rows.source != "d_radio"].itertuples():
        assert set(row.agrees_with.split(";")) <= radio_ids  # never a copy of itself
        assert row.sources == "a_wire;b_copy;c_copy;d_radio"
    assert set(frame[frame.source == "d_radio"].family) == {""}
    model = json.loads(CliRunner().invoke(cli, ["report", str(folder), "--claims", str(_csv(frame, tmp_path)),
                                                "--format", "json"]).output)
    ferry = [g for g in model["agreements"] if "d_radio" in g["sources"]]
    assert [(g["source_count"], g["family_count"]) for g in ferry] == [(4, 2)]


def _csv(frame, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    out = tmp_path / "claims.csv"
    table.write(frame, out)
    return out


QUOTE = '"We searched every cabin twice and we will not stop tonight," coast guard spokesman Tomas Veld said.'
SHARED_QUOTES = {
    "a_paper": HEAD.format(date="2025-06-03", outlet="Harbour Gazette") + (
        "Ferry lost off Karsten Island\n\n"
        "A passenger ferry sank off Karsten Island on Tuesday, killing 14 people, the coast guard said.\n\n"
        f"{QUOTE}\n\n"
        "The crossing is the island's only link to the mainland in winter, and its timetable had been cut "
        "twice this year because of staff shortages at the operator.\n\n"
        "Survivors were taken to the hospital in the old town, where doctors treated them for cold.\n"),
    "b_radio": HEAD.format(date="2025-06-03", outlet="Island Radio") + (
        "Ferry capsizes in storm\n\n"
        "Fourteen people died when a passenger ferry went down near Karsten Island on Tuesday, "
        "according to the coast guard.\n\n"
        f"{QUOTE}\n\n"
        "Our reporter saw ambulances lining the quay late into the evening as relatives waited for news "
        "outside the terminal building.\n\n"
        "The mayor asked residents to give blood and offered the town hall as a shelter for families.\n"),
}


def test_independent_reports_sharing_a_quote_are_not_a_family(tmp_path: Path) -> None:
    loaded = _loaded(_write(tmp_path / "s", SHARED_QUOTES))
    a, b = (reprints.words(s) for s in loaded)
    assert reprints.similarity(a, b) < reprints.REPRINT_SIMILARITY
    assert reprints.families(loaded) == ()
    frame = pipeline.run([tmp_path / "s"]).frame
    assert set(frame.family) == {""}
    assert set(_ferry_rows(frame).label) == {Label.AGREEING.value}


@pytest.mark.parametrize("lead", [
    "The harbour reopened on Sunday, the port authority said.",
    "The harbour will reopen on Sunday, the port authority said.",
])
def test_copies_do_not_conflict_over_their_own_words(lead: str, tmp_path: Path) -> None:
    """A copy printed nine days later reads "on Sunday" against its own date: still one sentence."""
    folder = _write(tmp_path / "s", {
        "a_wire": wire(dateline="", lead=lead),
        "b_copy": wire(dateline="", lead=lead, outlet="Later Post", date="2025-06-12")})
    result = pipeline.run([folder])
    assert reprints.families(result.sources)[0].members == ("a_wire", "b_copy")
    assert result.conflicts == ()
    assert (result.frame.label != Label.CONFLICTING.value).all()


def test_echoes_are_the_only_conflicts_dropped(tmp_path: Path) -> None:
    """Without the family the same two articles conflict on the weekday (the test above tests something)."""
    lead = "The harbour reopened on Sunday, the port authority said."
    folder = _write(tmp_path / "s", {
        "a_wire": wire(dateline="", lead=lead),
        "b_copy": wire(dateline="", lead=lead, outlet="Later Post", date="2025-06-12")})
    result = pipeline.run([folder])
    claims = result.claims
    pair = [i for i, c in enumerate(claims) if "reopened on Sunday" in c.text]
    conflict = type("Pair", (), {"a": pair[0], "b": pair[1]})()
    family = reprints.family_of(reprints.families(result.sources))
    assert reprints.drop_echoes(claims, [conflict], family) == []
    assert reprints.drop_echoes(claims, [conflict], {}) == [conflict]


def test_a_copy_that_changes_a_figure_still_conflicts(tmp_path: Path) -> None:
    folder = _write(tmp_path / "s", {
        "a_wire": wire(),
        "b_copy": wire(outlet="Harbour Gazette", lead=LEAD.replace("killing 14", "killing 16"))})
    result = pipeline.run([folder])
    assert reprints.families(result.sources)[0].members == ("a_wire", "b_copy")
    reasons = [c.reason for c in result.conflicts]
    assert any(r.startswith("number") and "14" in r and "16" in r for r in reasons)


def test_families_never_span_stories(tmp_path: Path) -> None:
    loaded = _loaded(_write(tmp_path / "s", {"a_wire": wire(), "b_copy": wire(outlet="Harbour Gazette")}))
    assert len(reprints.families(loaded)) == 1
    assert reprints.families(loaded, {"a_wire": 0, "b_copy": 1}) == ()


@pytest.mark.parametrize("line, agencies", [
    ("BRELLA, June 3 (Reuters) - The ferry sank.", ("Reuters",)),
    ("BRELLA (AP) — The ferry sank.", ("Associated Press",)),
    ("The ferry sank on Tuesday.\n— AFP", ("Agence France-Presse",)),
    ("Agence France-Presse contributed to this report.", ("Agence France-Presse",)),
    ("The Associated Press contributed reporting.", ("Associated Press",)),
    ("Source: dpa", ("dpa",)),
    ("By Jane Roe, Associated Press", ("Associated Press",)),
    ("© 2025 Reuters", ("Reuters",)),
    ("Reuters reported that the ferry sank.", ()),
    ("The captain told The Associated Press that the ferry sank.", ()),
    ("(AP Photo/Jane Roe)", ()),
    ("Survivors waited at the quay (AFP).", ()),
    ("The APEX ferry line (APX) - a small firm - ran it.", ()),
])
def test_credits(line: str, agencies: tuple[str, ...]) -> None:
    source = Source(id="x", path=Path("x.txt"), text=line)
    assert reprints.credits(source) == agencies


def test_an_outlet_that_is_an_agency_credits_itself() -> None:
    assert reprints.credits(Source(id="x", path=Path("x.txt"), text="The ferry sank.", outlet="Reuters")) == ("Reuters",)


@pytest.mark.parametrize("a, b, expected", [
    ("one two three four", "one two three four", 1.0),
    ("one two three four", "one two three four five six seven eight", 1.0),  # trimmed: the shorter's share
    ("one two three four", "four three two one", 0.25),
    ("", "one", 0.0),
])
def test_similarity(a: str, b: str, expected: float) -> None:
    assert reprints.similarity(a.split(), b.split()) == pytest.approx(expected)


def test_short_articles_are_never_copies_on_their_text(tmp_path: Path) -> None:
    text = HEAD.format(date="2025-06-03", outlet="{}") + "Ferry sinks\n\nA ferry sank on Tuesday.\n"
    loaded = _loaded(_write(tmp_path / "s", {"a": text.format("One"), "b": text.format("Two")}))
    assert reprints.families(loaded) == ()


ECHO = "The harbour reopened on Sunday, the port authority said."


@pytest.mark.parametrize("articles", [
    {**_reprint_set("trimmed"), "d_radio": INDEPENDENT},
    {"a_wire": wire(dateline="", lead=ECHO), "b_copy": wire(dateline="", lead=ECHO, outlet="Later Post", date="2025-06-12"),
     "c_copy": wire(dateline="", lead=ECHO, outlet="Coast Online", date="2025-06-12")},
], ids=["with-independent", "echoes"])
def test_cached_runs_equal_cold_runs_with_a_family(articles: dict[str, str], tmp_path: Path) -> None:
    folder = _write(tmp_path / "s", articles)
    runner = CliRunner()
    outs = []
    for n, options in enumerate((["--no-cache"], ["--cache-dir", str(tmp_path / "cache")],
                                 ["--cache-dir", str(tmp_path / "cache")])):
        out = tmp_path / f"claims{n}.csv"
        result = runner.invoke(cli, ["run", str(folder), "--out", str(out), "-q", "--jobs", "1", *options])
        assert result.exit_code == 0, result.output
        outs.append(out.read_text(encoding="utf-8"))
    assert outs[0] == outs[1] == outs[2]
    assert "a_wire;b_copy;c_copy" in outs[0]


def test_run_reports_the_counts_with_families(tmp_path: Path) -> None:
    folder = _write(tmp_path / "s", _reprint_set("headline"))
    out = tmp_path / "claims.csv"
    result = CliRunner().invoke(cli, ["run", str(folder), "--out", str(out), "--no-cache", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[:2] == [f"3 sources, 21 claims -> {out}",
                                              "  0 conflicting, 0 agreeing, 21 single-source, 0 updates, 0 missed forecasts"]


@pytest.mark.parametrize("fmt, expected", [
    ("md", "| 1 | `a_wire`, `b_copy`, `c_copy` | Northwire, Harbour Gazette, Coast Online | Reuters |"),
    ("html", '<td data-label="Sources"><code>a_wire</code>, <code>b_copy</code>, <code>c_copy</code></td>'),
    ("md", "| 4 (2 independent) |"),
    ("html", '<td class="n">4 (2 independent)</td>'),
])
def test_reports_show_the_families(fmt: str, expected: str, tmp_path: Path) -> None:
    folder = _write(tmp_path / "s", {**_reprint_set("headline"), "d_radio": INDEPENDENT})
    claims = _csv(pipeline.run([folder]).frame, tmp_path)
    result = CliRunner().invoke(cli, ["report", str(folder), "--claims", str(claims), "--format", fmt])
    assert result.exit_code == 0, result.output
    assert expected in result.output


def test_json_report_lists_the_family(tmp_path: Path) -> None:
    folder = _write(tmp_path / "s", {**_reprint_set("headline"), "d_radio": INDEPENDENT})
    claims = _csv(pipeline.run([folder]).frame, tmp_path)
    result = CliRunner().invoke(cli, ["report", str(folder), "--claims", str(claims), "--format", "json"])
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)["reprint_families"]
    assert [{k: f[k] for k in ("sources", "outlets", "credits")} for f in found] == [
        {"sources": ["a_wire", "b_copy", "c_copy"], "outlets": ["Northwire", "Harbour Gazette", "Coast Online"],
         "credits": ["Reuters"]}]


def test_a_table_without_the_family_column_reports_no_family(tmp_path: Path) -> None:
    folder = _write(tmp_path / "s", {**_reprint_set("headline"), "d_radio": INDEPENDENT})
    frame = pipeline.run([folder]).frame.drop(columns=["family"])
    claims = _csv(frame, tmp_path)
    result = CliRunner().invoke(cli, ["report", str(folder), "--claims", str(claims), "--format", "md"])
    assert result.exit_code == 0, result.output
    assert "Reprint families" not in result.output
    assert "| 4 |" in result.output


def test_families_are_near_linear_and_stay_in_their_story(tmp_path: Path) -> None:
    """200 stories of a wire story and two copies: 200 families, one per story, none across."""
    folder = tmp_path / "s"
    folder.mkdir()
    for n in range(200):
        place = f"Isle{n:03d}"
        for k, outlet in enumerate(("Northwire", "Harbour Gazette", "Coast Online")):
            text = wire(outlet=outlet, headline=f"Ferry sinks off {place}", dateline="").replace("Karsten Island", place)
            (folder / f"s{n:03d}_{k}.txt").write_text(text, encoding="utf-8")
    loaded = _loaded(folder)
    story_of = {s.id: int(s.id[1:4]) for s in loaded}
    found = reprints.families(loaded, story_of)
    assert len(found) == 200
    assert all(len({m[:4] for m in f.members}) == 1 for f in found)

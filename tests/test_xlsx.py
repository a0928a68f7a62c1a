"""`factcheck report --format xlsx`, read back with openpyxl (issue 12, item 4)."""
from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from factcheck import pipeline
from factcheck.outputs import report, review, table, xlsx
from factcheck.cli import cli
from test_reprints import INDEPENDENT, _reprint_set, _write
from test_review import sample_frame
from test_timeline import FORECAST, OUTCOME, TOLL, article

ROOT = Path(__file__).resolve().parent.parent


def _frame_with_formulas():
    frame = sample_frame()
    frame.loc[4, "text"] = "=HYPERLINK(\"http://example.com\",\"click\")"
    frame.loc[4, "quote"] = "-5 degrees were recorded overnight"
    return frame


@pytest.fixture()
def book(tmp_path: Path):
    frame = _frame_with_formulas()
    decisions = [review.Decision(key=next(d.key for d in review.discrepancies(frame) if "a-2" in d.claim_ids),
                                 decision=review.ReviewDecision.CONFIRMED, note="=SUM(A1:A9) is not a note",
                                 reviewer="kim", timestamp="2025-10-26T09:30:00Z")]
    model = report.build(frame, (), decisions)
    path = tmp_path / "report.xlsx"
    path.write_bytes(xlsx.to_xlsx(model, review.annotate(frame, decisions)))
    return path, model


def test_one_sheet_per_section_each_with_a_frozen_header_and_a_filter(book) -> None:
    path, model = book
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Sources", "Reprint families", "Discrepancies", "Changed over time", "Missed forecasts",
                             "Agreements", "Single-source", "Stale decisions", "Claims"]
    for sheet in wb.worksheets:
        assert sheet.freeze_panes == "A2", sheet.title
        assert sheet["A1"].font.b, sheet.title
        last = openpyxl.utils.get_column_letter(sheet.max_column)
        assert sheet.auto_filter.ref == f"A1:{last}{sheet.max_row}", sheet.title
    assert wb["Discrepancies"].max_row == 1 + len(model["discrepancies"])
    assert wb["Claims"].max_row == 1 + len(sample_frame())
    assert [c.value for c in wb["Sources"][2]][:5] == ["a", None, None, None, 3]


def test_conflicts_highlighted_with_the_other_sides_quote_beside_them(book) -> None:
    path, model = book
    wb = openpyxl.load_workbook(path, rich_text=True)
    sheet = wb["Discrepancies"]
    header = [c.value for c in sheet[1]]
    assert header.index("Quote B") == header.index("Quote A") + 4    # Source B, Date B, Line B between
    for n, d in enumerate(model["discrepancies"], start=2):
        row = {h: c for h, c in zip(header, sheet[n])}
        assert row["Key"].value == d["key"]
        assert str(row["Quote A"].value) == d["claims"][0]["quote"]
        assert str(row["Quote B"].value) == d["claims"][1]["quote"]
        expected = "FFEDEDED" if d["decision"] else "FFFFC7CE"
        assert row["Key"].fill.start_color.rgb == expected
        assert row["Review"].value == (d["decision"]["decision"] if d["decision"] else "open")
    # the differing words in bold red
    quote = wb["Discrepancies"]["L2"].value
    marked = [block for block in quote if not isinstance(block, str)]
    assert marked and all(block.font.b for block in marked)
    claims = wb["Claims"]
    header = [c.value for c in claims[1]]
    assert header.index("contradicts") == header.index("conflicts_with") + 1
    rows = {r[0].value: {h: c for h, c in zip(header, r)} for r in claims.iter_rows(min_row=2)}
    assert rows["a-1"]["contradicts"].value == "[b] The summit opens on Tuesday in Geneva."
    assert rows["a-1"]["label"].fill.start_color.rgb == "FFFFC7CE"
    assert rows["c-1"]["label"].fill.fill_type is None
    assert rows["a-1"]["start"].value == 0 and rows["a-2"]["start"].value == 50   # numbers stay numbers


def test_formula_like_cells_are_stored_as_text(book) -> None:
    path, _ = book
    wb = openpyxl.load_workbook(path)
    claims = wb["Claims"]
    header = [c.value for c in claims[1]]
    row = {h: c for h, c in zip(header, claims[6])}
    assert row["text"].value == "=HYPERLINK(\"http://example.com\",\"click\")"
    assert row["text"].data_type == "s" and row["text"].quotePrefix
    assert row["quote"].value == "-5 degrees were recorded overnight" and row["quote"].data_type == "s"
    note = wb["Discrepancies"]
    assert any(c.value == "=SUM(A1:A9) is not a note" and c.data_type == "s" for r in note.iter_rows() for c in r)
    with zipfile.ZipFile(path) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        assert sheets and not any(b"<f>" in archive.read(n) or b"<f " in archive.read(n) for n in sheets)


def test_cli_writes_the_workbook_of_the_projects_sources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copytree(ROOT / "sources", "sources")
    shutil.copy(ROOT / "review.csv", "review.csv")
    assert CliRunner().invoke(cli, ["run", "-q"]).exit_code == 0
    result = CliRunner().invoke(cli, ["report", "--format", "xlsx", "--out", "report.xlsx"])
    assert result.exit_code == 0, result.output
    assert result.stderr == "xlsx report -> report.xlsx\n"
    wb = openpyxl.load_workbook("report.xlsx")
    assert wb["Discrepancies"].max_row == 3 and wb["Discrepancies"]["E2"].value == "confirmed"
    assert wb["Claims"].max_row == 1 + len(table.read("claims.csv"))


def test_cli_xlsx_needs_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["report", "--format", "xlsx"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == ("Error: --format xlsx needs --out FILE (a workbook is not text), "
                                              "e.g. --out report.xlsx")


def test_claims_csv_has_no_byte_order_mark() -> None:
    """claims.csv is a contract read with encoding="utf-8" by other tools: no BOM (Excel gets the xlsx)."""
    data = (ROOT / "claims.csv").read_bytes()
    assert data.startswith(b"claim_id,") and not data.startswith(b"\xef\xbb\xbf")
    assert table.to_csv_text(sample_frame()).startswith("claim_id,")


# ---------------------------------------------------------------- coverage over time and reprints (issue 13)


def _rows(sheet) -> list[list[object]]:  # type: ignore[no-untyped-def]
    """The sheet's rows under its header, as values."""
    return [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]


@pytest.mark.parametrize("title, header", [
    ("Reprint families", ["Family", "Sources", "Outlets", "Credit", "Claims"]),
    ("Changed over time", ["Figure", "Published", "Source", "Value", "As written", "Superseded", "Claim"]),
    ("Missed forecasts", ["Forecast source", "Forecast date", "Forecast", "Outcome source", "Outcome date", "Outcome",
                          "Reason", "Forecast claim", "Outcome claim"]),
])
def test_an_empty_section_has_its_headers_and_says_none(book, title: str, header: list[str]) -> None:
    path, model = book
    assert not model["reprint_families"] and not model["changed_over_time"] and not model["missed_forecasts"]
    sheet = openpyxl.load_workbook(path)[title]
    assert [c.value for c in sheet[1]] == header
    assert _rows(sheet) == [["None."] + [None] * (len(header) - 1)]


TIMELINE = {
    "a": article("2025-06-02T18:00+02:00", TOLL.format(29)),
    "b": article("2025-06-03T09:30+02:00", TOLL.format(34)),
    "c": article("2025-06-04", TOLL.format(41), FORECAST),
    "d": article("2025-06-06", OUTCOME),
}


def test_cli_workbook_shows_each_figures_values_over_time_and_the_missed_forecast(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sources").mkdir()
    for name, text in TIMELINE.items():
        (tmp_path / "sources" / f"{name}.md").write_text(text, encoding="utf-8")
    assert CliRunner().invoke(cli, ["run", "-q", "--no-cache"]).exit_code == 0
    result = CliRunner().invoke(cli, ["report", "--format", "xlsx", "--out", "report.xlsx"])
    assert result.exit_code == 0, result.output
    assert result.stderr == "xlsx report -> report.xlsx\n"
    frame = table.read("claims.csv")
    id_of = {r.source: r.claim_id for r in frame.itertuples() if "landslide" in r.text}  # one toll per source
    wb = openpyxl.load_workbook("report.xlsx")
    changed = wb["Changed over time"]
    assert _rows(changed) == [
        ["dead", "2025-06-02T18:00+02:00", "a", 29, "29 dead", "yes", id_of["a"]],
        ["dead", "2025-06-03T09:30+02:00", "b", 34, "34 dead", "yes", id_of["b"]],
        ["dead", "2025-06-04", "c", 41, "41 dead", "no", id_of["c"]],
    ]
    assert changed["A2"].fill.start_color.rgb == "FFEDEDED" and changed["A4"].fill.fill_type is None
    (missed,) = _rows(wb["Missed forecasts"])
    forecast = frame[frame.text.str.contains("expected")].iloc[0]
    outcome = frame[frame.text.str.startswith("72")].iloc[0]
    assert missed[:7] == ["c", "2025-06-04", forecast.text, "d", "2025-06-06", outcome.text,
                          next(x for x in forecast.changes.split("; ") if x.startswith("forecast missed: "))]
    assert missed[7:] == [forecast.claim_id, outcome.claim_id]
    assert _rows(wb["Reprint families"]) == [["None.", None, None, None, None]]


def test_workbook_lists_the_reprint_families(tmp_path: Path) -> None:
    folder = _write(tmp_path / "s", {**_reprint_set("headline"), "d_radio": INDEPENDENT})
    result = pipeline.run([folder])
    frame = result.frame
    model = report.build(frame, result.sources)
    path = tmp_path / "report.xlsx"
    path.write_bytes(xlsx.to_xlsx(model, frame))
    copies = int(frame["family"].astype(bool).sum())
    assert copies and _rows(openpyxl.load_workbook(path)["Reprint families"]) == [
        [1, "a_wire, b_copy, c_copy", "Northwire, Harbour Gazette, Coast Online", "Reuters", copies]]

"""`factcheck report`: the model, the three renderings, golden reports for sources/, CLI paths."""
from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from factcheck import pipeline
from factcheck.outputs import report, review, table
from factcheck.inputs import sources
from factcheck.cli import cli
from factcheck.errors import ReportError

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"
GOLDEN = Path(__file__).resolve().parent / "golden"
TS = "2025-10-26T09:30:00Z"
HOSTILE = '<script>alert("x")</script> | **bold** [link](http://evil) =HYPERLINK("x")'


def claim(cid: str, source: str, text: str, label: str = "single-source", conflicts: str = "",
          reason: str = "", group: str = "g1", quote: str | None = None, **extra: object) -> dict[str, object]:
    row: dict[str, object] = {c: "" for c in table.COLUMNS}
    row.update(claim_id=cid, source=source, start=0, end=len(text), text=text, label=label, group=group,
               conflicts_with=conflicts, reason=reason, quote=quote or text + ".", line=1)
    row.update(extra)
    return row


def sample_frame() -> pd.DataFrame:
    """Invented: a time conflict across sources, a figure conflict inside one, an agreement, hostile text."""
    when_reason = 'when: "on Monday" (Mon) vs "on Tuesday" (Tue)'
    number_reason = 'number: "12 million dollars" (12M) vs "15 million dollars" (15M)'
    rows = [
        claim("a-1", "a", "The summit opens on Monday in Geneva", "conflicting", "b-1", when_reason,
              quote="Officials said the summit opens on Monday in Geneva.", when="Mon", published="2025-03-01"),
        claim("a-2", "a", "The fund holds 12 million dollars", "conflicting", "a-3", number_reason, group="g2"),
        claim("a-3", "a", "The fund holds 15 million dollars", "conflicting", "a-2", number_reason, group="g2"),
        claim("b-1", "b", "The summit opens on Tuesday in Geneva", "conflicting", "a-1", when_reason, when="Tue"),
        claim("a-4", "a", "Delegates arrive by train", "agreeing", group="g3", agrees_with="c-1"),
        claim("c-1", "c", "Delegates come by rail", "agreeing", group="g3", agrees_with="a-4"),
        claim("c-2", "c", HOSTILE, group="g4", quote=HOSTILE),
    ]
    return pd.DataFrame(rows, columns=table.COLUMNS)


def key_of(frame: pd.DataFrame, first_id: str) -> str:
    return next(d.key for d in review.discrepancies(frame) if first_id in d.claim_ids)


def test_model_sections_counts_and_order() -> None:
    frame = sample_frame()
    decided = review.Decision(key_of(frame, "a-2"), review.ReviewDecision.CONFIRMED, "n", "ed", TS)
    model = report.build(frame, decisions=[decided])
    assert model["schema_version"] == report.SCHEMA_VERSION == 2
    assert list(model) == ["schema_version", "summary", "sources", "reprint_families", "discrepancies", "agreements",
                           "single_source", "stale_decisions", "changed_over_time", "missed_forecasts"]
    assert model["summary"] == {"sources": 3, "claims": 7, "conflicting": 4, "agreeing": 2, "single_source": 1,
                                "discrepancies": 2, "open": 1, "decided": 1, "stale_decisions": 0,
                                "updates": 0, "missed_forecasts": 0}
    assert [(s["id"], s["claims"], s["conflicting"], s["agreeing"], s["single_source"]) for s in model["sources"]] == \
        [("a", 4, 3, 1, 0), ("b", 1, 1, 0, 0), ("c", 2, 0, 1, 1)]
    # open first, decided after
    assert [d["claims"][0]["claim_id"] for d in model["discrepancies"]] == ["a-1", "a-2"]
    assert model["discrepancies"][1]["decision"]["decision"] == "confirmed"
    assert model["discrepancies"][1]["same_source"] is True
    assert model["agreements"][0]["sources"] == ["a", "c"] and model["agreements"][0]["source_count"] == 2
    assert [g["source"] for g in model["single_source"]] == ["c"]


def test_same_source_contradiction_comes_first_among_equals() -> None:
    model = report.build(sample_frame())
    assert [d["same_source"] for d in model["discrepancies"]] == [True, False]


def test_highlights_mark_the_differing_words() -> None:
    model = report.build(sample_frame())
    when_item = next(d for d in model["discrepancies"] if d["kind"] == "when")
    a, b = when_item["claims"]
    assert [a["quote"][s:e] for s, e in a["highlights"]] == ["on Monday"]
    assert [b["quote"][s:e] for s, e in b["highlights"]] == ["on Tuesday"]
    md = report.to_markdown(model)
    assert "the summit opens **on Monday** in Geneva." in md
    assert "opens <mark>on Monday</mark> in Geneva" in report.to_html(model)
    assert "One says \u201con Monday\u201d (Mon); the other \u201con Tuesday\u201d (Tue)." in when_item["explanation"]


def test_stale_decisions_are_reported() -> None:
    gone = review.Decision("0123456789ab", review.ReviewDecision.CORRECTED, "fixed", "ed", TS, "x", "old A", "y", "old B")
    model = report.build(sample_frame(), decisions=[gone])
    assert model["stale_decisions"][0]["key"] == "0123456789ab"
    assert "## Stale decisions" in report.to_markdown(model)
    assert 'id="stale"' in report.to_html(model) and "old A" in report.to_html(model)


def test_html_escapes_article_text_and_is_self_contained() -> None:
    page = report.to_html(report.build(sample_frame()))
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    for banned in ("<link", "<img", "@import", "url(", "src=", "href=", "@font-face"):
        assert banned not in page
    # no address but the SVG namespace and the escaped article text
    assert set(re.findall(r"https?://[^\s\"'<]+", page)) <= {"http://www.w3.org/2000/svg", "http://evil)"}
    assert page.count("<svg") == 3 and 'role="img"' in page
    assert "@media print" in page and 'name="viewport"' in page


def test_markdown_is_inert_and_section_order() -> None:
    md = report.to_markdown(report.build(sample_frame()))
    assert "&lt;script&gt;" in md and "<script" not in md
    assert "\\| \\*\\*bold\\*\\* \\[link\\](http\u200d://evil)" in md  # no link, no autolink
    positions = [md.index(h) for h in ("## Sources compared", "## Discrepancies", "## Facts that agree",
                                       "## Single-source claims")]
    assert positions == sorted(positions)
    for line in md.splitlines():
        if line.startswith("| Says"):
            assert line.count(" | ") == 2          # exactly three cells: no pipe leaks from article text


def test_markdown_fits_a_pull_request_comment() -> None:
    frame = sample_frame()
    many = pd.DataFrame([claim(f"z-{n}", "z", f"Claim number {n} " + "word " * 60, group=f"x{n}")
                         for n in range(400)], columns=table.COLUMNS)
    model = report.build(pd.concat([frame, many], ignore_index=True))
    md = report.to_markdown(model)
    assert len(md) <= report.MARKDOWN_LIMIT
    assert "Too long for one comment: see the HTML or JSON report." in md
    assert "## Discrepancies" in md and "on Monday" in md


def test_json_holds_everything_the_html_shows() -> None:
    model = report.build(sample_frame())
    data = json.loads(report.to_json(model))
    assert data == json.loads(json.dumps(model))
    item = data["discrepancies"][0]
    assert set(item) >= {"key", "kind", "reason", "explanation", "same_source", "claims", "decision"}
    assert set(item["claims"][0]) >= {"claim_id", "source", "outlet", "published", "text", "quote", "highlights", "values"}


def test_stale_claims_table_is_refused(tmp_path: Path) -> None:
    loaded, _ = sources.read_sources([SOURCES])
    with pytest.raises(ReportError, match="the claim table names source 'a'.*run `factcheck run` again"):
        report.build(sample_frame(), loaded)


# ---------------------------------------------------------------- golden reports for sources/


def _fresh_model() -> dict:
    result = pipeline.run([SOURCES])
    return report.build(result.frame, result.sources, review.load(ROOT / "review.csv"))


@pytest.mark.parametrize("name, render", [("report.md", report.to_markdown), ("report.json", report.to_json)])
def test_golden_reports_for_sources(name: str, render) -> None:  # type: ignore[no-untyped-def]
    text = render(_fresh_model())
    golden = GOLDEN / name
    if os.environ.get("FACTCHECK_UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), "no golden file: run FACTCHECK_UPDATE_GOLDEN=1 python -m pytest tests/test_report.py"
    assert text == golden.read_text(encoding="utf-8"), (
        f"the {name} report for sources/ changed. If the pipeline changed on purpose, review the new report and "
        "regenerate with: FACTCHECK_UPDATE_GOLDEN=1 python -m pytest tests/test_report.py (then git diff tests/golden)")


def test_founding_report_shows_the_decisions() -> None:
    model = _fresh_model()
    assert model["summary"]["open"] == 0 and model["summary"]["decided"] >= 2
    sunday = [d for d in model["discrepancies"] if "Sunday" in d["claims"][0]["quote"] + d["claims"][1]["quote"]]
    assert sunday and all(d["decision"]["decision"] == "confirmed" for d in sunday)
    assert any(d["same_source"] for d in sunday) and any(not d["same_source"] for d in sunday)


# ---------------------------------------------------------------- CLI


@pytest.fixture()
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(SOURCES, tmp_path / "sources")
    shutil.copy(ROOT / "review.csv", tmp_path / "review.csv")
    monkeypatch.chdir(tmp_path)
    assert CliRunner().invoke(cli, ["run", "-q"]).exit_code == 0
    return tmp_path


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, list(args))


def test_cli_report_markdown_to_stdout_matches_golden(workdir: Path) -> None:
    result = invoke("report")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (GOLDEN / "report.md").read_text(encoding="utf-8")
    assert result.stderr == ""


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_cli_report_to_file(workdir: Path, fmt: str) -> None:
    result = invoke("report", "sources", "--format", fmt, "--out", f"out/report.{fmt}")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"{fmt} report -> out/report.{fmt}\n"
    text = (workdir / "out" / f"report.{fmt}").read_text(encoding="utf-8")
    assert text == report.render(_fresh_model(), fmt)


def test_cli_report_without_claims_table_compares_afresh(workdir: Path) -> None:
    (workdir / "claims.csv").unlink()
    result = invoke("report", "--format", "json")
    assert result.exit_code == 0
    assert result.stderr == "note: claims.csv not found; comparing the sources afresh\n"
    assert json.loads(result.stdout)["summary"]["decided"] >= 2


def test_cli_report_stale_table(workdir: Path) -> None:
    table.write(sample_frame(), workdir / "claims.csv")
    result = invoke("report")
    assert result.exit_code == 1
    assert result.stderr == ("Error: the claim table names source 'a', which is not among the sources read: "
                             "the table is out of date (run `factcheck run` again)\n")


def test_cli_report_malformed_review(workdir: Path) -> None:
    (workdir / "review.csv").write_text("key,decision\n", encoding="utf-8")
    result = invoke("report")
    assert result.exit_code == 3
    assert result.stderr.startswith("Error: review.csv: line 1: missing columns: note, reviewer, timestamp")


def test_cli_report_missing_sources(workdir: Path) -> None:
    result = invoke("report", "nowhere")
    assert result.exit_code == 3
    assert result.stderr.startswith("Error: nowhere")


def test_cli_report_bad_format(workdir: Path) -> None:
    result = invoke("report", "--format", "pdf")
    assert result.exit_code == 2
    assert "Invalid value for '--format'" in result.stderr


def test_cli_report_help_ends_with_an_example() -> None:
    text = invoke("report", "--help").stdout
    assert "factcheck report sources/ --format html --out report.html" in text.split("Examples:")[1]


@pytest.mark.parametrize("kind", sorted(report.kind_words()))
def test_every_conflict_kind_is_explained_in_plain_words(kind: str) -> None:
    text = report.explain(f'{kind}: "a" (x) vs "b" (y)', same_source=False, source="s")
    assert text.startswith(report.kind_words()[kind])


def test_every_conflict_kind_the_comparison_reports_has_plain_words() -> None:
    from factcheck.judgement import compare

    assert set(compare.PERSONAL_KINDS) - {"stance", "clock", "day"} <= set(report.kind_words())

"""`check` output that fits a pull request (issue 12, item 2): one annotation per discrepancy,
most important first, the full list in the job summary, a short stale message, text that
lists open discrepancies once and reviewed ones in one line."""
from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.outputs import report, review, table
from test_check import LATER, NEW, add_source, commit, factcheck_run, invoke, repo  # noqa: F401

ROOT = Path(__file__).resolve().parent.parent


def _open_keys_by_importance() -> list[str]:
    frame = table.read("claims.csv")
    return [item["key"] for item in report.review_items(frame, review.load("review.csv")) if not item["decision"]]


def test_github_one_annotation_per_discrepancy_most_important_first(repo: Path) -> None:
    add_source("new.txt", NEW)
    add_source("later.txt", LATER)
    factcheck_run()
    result = invoke("check", "sources", "--format", "github")
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("::error ")]
    keys = [line.split("conflicting claim (", 1)[1].split(")", 1)[0] for line in errors]
    assert keys == _open_keys_by_importance() and len(keys) == 3
    assert result.output.splitlines()[-1] == "FAILED: 3 unreviewed"


def test_github_annotates_the_side_the_pull_request_changed(repo: Path) -> None:
    add_source("new.txt", NEW)
    factcheck_run()
    commit("new.txt, unreviewed")
    path = Path("sources", "beta.txt")
    path.write_text(path.read_text(encoding="utf-8").replace("on Friday", "on Sunday"), encoding="utf-8")
    factcheck_run()
    result = invoke("check", "sources", "--format", "github", "--since", "HEAD")
    lines = result.output.splitlines()
    errors = [line for line in lines if line.startswith("::error ")]
    # the injured count (its copy in beta is one side) and the ferry day: both on beta, never on alpha or new
    assert [line.split(",title=")[0] for line in errors] == ["::error file=sources/beta.txt,line=3,col=1",
                                                             "::error file=sources/beta.txt,line=4,col=1"]
    assert len(errors) == len(review.discrepancies(table.read("claims.csv")))


def test_github_writes_the_full_list_to_the_job_summary(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    add_source("new.txt", NEW)
    add_source("later.txt", LATER)
    factcheck_run()
    summary = Path("summary.md")
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = invoke("check", "sources", "--format", "github")
    assert result.exit_code == 1
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n### factcheck: FAILED: 3 unreviewed\n")   # appended, not replaced
    assert "#### 3 discrepancies unreviewed" in text
    rows = [line for line in text.splitlines() if line.startswith("| ") and "`sources/" in line]
    assert [row.split("`", 2)[1] for row in rows] == _open_keys_by_importance()
    assert "Fifteen people were injured" in text
    # the text format leaves the job summary alone
    invoke("check", "sources")
    assert summary.read_text(encoding="utf-8") == text


def test_no_job_summary_without_the_variable(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    result = invoke("check", "sources", "--format", "github")
    assert result.exit_code == 0
    assert result.output == "OK: claims.csv is up to date; no unreviewed discrepancies (0 reviewed, 0 known)\n"


def test_stale_table_is_one_short_error_saying_the_fix(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # many changed claims: the message stays one short line, the details go into a log group
    for n in range(30):
        add_source(f"extra{n:02d}.txt", f"Extra report {n}\nA new footbridge number {n} is planned for {2030 + n}.\n")
    result = invoke("check", "sources", "--format", "github")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == ("::error file=claims.csv,title=claims.csv is out of date::claims.csv is out of date: "
                        "run `factcheck run` and commit it (30 new claims)")
    assert lines[1] == "::group::claims.csv: what `factcheck run` would change"
    assert "::endgroup::" in lines
    assert "  … and 10 more" in lines                       # at most 20 lines per list
    assert max(len(line) for line in lines) < 300
    text = invoke("check", "sources").output.splitlines()
    assert text[0] == "claims.csv is out of date: run `factcheck run` and commit it (30 new claims)"
    assert text[-1] == "FAILED: claims.csv is out of date"


def test_text_lists_open_discrepancies_once(repo: Path) -> None:
    add_source("new.txt", NEW)            # stale and unreviewed at once: the new conflict is in both parts
    result = invoke("check", "sources")
    assert result.exit_code == 1
    out = result.output
    # once in the table's new claims, then once per discrepancy: the diff names new conflicts by key only
    assert out.count("Fifteen people were injured") == 1 + 1
    line = next(line for line in out.splitlines() if line.startswith("  new conflicts ("))
    assert line.startswith("  new conflicts (1): ") and line.endswith(" (listed below)")
    for key in line.split(": ", 1)[1].removesuffix(" (listed below)").split(", "):
        assert out.count(f"  [{key}] ") == 1
    assert out.splitlines()[-1] == "FAILED: claims.csv is out of date, 1 unreviewed"


def test_text_summarises_reviewed_ones_in_one_line(repo: Path) -> None:
    add_source("new.txt", NEW)
    add_source("later.txt", LATER)
    factcheck_run()
    frame = table.read("claims.csv")
    found = review.discrepancies(frame)
    for d, decision in zip(found, ["confirmed", "dismissed", "confirmed"]):
        review.record("review.csv", frame, d.key, decision, "checked", "Desk")
    result = invoke("check", "sources")
    assert result.exit_code == 0
    assert result.output == ("3 discrepancies reviewed (2 confirmed, 1 dismissed): `factcheck review --all` lists them\n"
                             "\n"
                             "OK: claims.csv is up to date; no unreviewed discrepancies (3 reviewed, 0 known)\n")


def test_readme_pre_commit_snippet_is_a_local_hook() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### pre-commit", 1)[1]
    snippet = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    assert "rev:" not in snippet and "OWNER" not in snippet
    assert "- repo: local" in snippet and "entry: factcheck check" in snippet


def test_more_discrepancies_than_github_shows() -> None:
    from factcheck.outputs import check as check_mod
    from factcheck.outputs import ci

    def ref(n: int, side: str) -> check_mod.ClaimRef:
        return check_mod.ClaimRef(f"{side}-{n}", side, f"claim {n}", f"Claim {n}.", f"sources/{side}.txt", n, 1)

    findings = tuple(check_mod.Finding(f"{n:012x}", check_mod.OPEN, ref(n, "a"), ref(n, "b"), "why", False)
                     for n in range(1, 13))
    result = check_mod.CheckResult("claims.csv", False, check_mod.TableDiff(), findings, (), ())
    lines = ci.render_github(result).splitlines()
    assert len([line for line in lines if line.startswith("::error ")]) == 12
    assert lines[-2:] == ["GitHub shows the first 10 annotations; 2 more are above in this log and in the job summary.",
                          "FAILED: 12 unreviewed"]
    summary = ci.render_summary_md(result)
    assert summary.count("| `0000000000") == 12

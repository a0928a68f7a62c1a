"""The `run` command through click's CliRunner: exit codes and exact messages."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck import pipeline
from factcheck.outputs import review, table
from factcheck.cli import cli

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture()
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "a.txt").write_text("The ferry service will resume on Monday.\n", encoding="utf-8")
    (folder / "b.txt").write_text("The ferry service resumed on Tuesday.\n", encoding="utf-8")
    return folder


def test_run_writes_the_table_and_prints_a_summary(articles: Path, tmp_path: Path) -> None:
    out = tmp_path / "claims.csv"
    result = CliRunner().invoke(cli, ["run", str(articles), "--out", str(out)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == f"2 sources, 2 claims -> {out}"
    assert lines[1] == "  2 conflicting, 0 agreeing, 0 single-source, 0 updates, 0 missed forecasts"
    key = review.discrepancies(table.read(out))[0].key
    assert lines[2:] == ["", "1 conflict (1 open, 0 decided):",
                         f"- {key} open: when: \"on Monday\" (Mon) vs \"on Tuesday\" (Tue)",
                         "    [a] The ferry service will resume on Monday",
                         "    [b] The ferry service resumed on Tuesday",
                         "", "Record a decision on each open one: "
                         "factcheck review KEY --confirm|--dismiss|--correct --note WHY"]
    assert out.read_text(encoding="utf-8").startswith(",".join(table.COLUMNS[:9]))


def test_two_runs_give_byte_identical_tables(articles: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "1.csv", tmp_path / "2.csv"
    CliRunner().invoke(cli, ["run", str(articles), "--out", str(first), "-q"])
    CliRunner().invoke(cli, ["run", str(articles), "--out", str(second), "-q"])
    assert first.read_bytes() == second.read_bytes()


def test_quiet_prints_nothing(articles: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["run", str(articles), "--out", str(tmp_path / "c.csv"), "--quiet"])
    assert result.exit_code == 0
    assert result.output == ""


def test_missing_folder_is_one_clear_line(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    result = CliRunner().invoke(cli, ["run", str(missing), "--out", str(tmp_path / "c.csv")])
    assert result.exit_code == 3
    assert result.output.strip().startswith("Error: ")
    assert str(missing) in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_empty_folder_fails_and_writes_nothing(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    out = tmp_path / "c.csv"
    result = CliRunner().invoke(cli, ["run", str(empty), "--out", str(out)])
    assert result.exit_code == 3
    assert "no sources found" in result.output
    assert not out.exists()


def test_unknown_option_is_a_usage_error(articles: Path) -> None:
    result = CliRunner().invoke(cli, ["run", str(articles), "--frobnicate"])
    assert result.exit_code == 2
    assert "Error: No such option '--frobnicate'." in result.output


def test_python_api_returns_the_same_table(articles: Path, tmp_path: Path) -> None:
    out = tmp_path / "claims.csv"
    CliRunner().invoke(cli, ["run", str(articles), "--out", str(out), "-q"])
    frame = pipeline.compare(articles)
    assert table.to_csv_text(frame) == out.read_text(encoding="utf-8")


def test_committed_claims_csv_matches_a_fresh_run(tmp_path: Path) -> None:
    """claims.csv in the repository is what `factcheck run` makes of sources/ today."""
    committed = ROOT / "claims.csv"
    fresh = tmp_path / "claims.csv"
    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    shutil.copy(ROOT / "review.csv", tmp_path / "review.csv")  # the review column comes from it
    result = CliRunner().invoke(cli, ["run", str(tmp_path / "sources"), "--out", str(fresh), "-q"])
    assert result.exit_code == 0, result.output
    assert fresh.read_text(encoding="utf-8") == committed.read_text(encoding="utf-8"), \
        "claims.csv is out of date: run `factcheck run` and commit it"

"""The CLI says what it means (issue 12, item 3): exit codes and exact messages."""
from __future__ import annotations

import shutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from factcheck import cli_views
from factcheck.outputs import review, table
from factcheck.cli import cli
from test_review import SOURCES, TS, invoke, key_of, sample_frame, workdir  # noqa: F401


def _decide_all(frame_path: str = "claims.csv") -> list[str]:
    frame = table.read(frame_path)
    keys = [d.key for d in review.discrepancies(frame)]
    for key in keys:
        review.record("review.csv", frame, key, "confirmed", "n", "tester", timestamp=TS)
    return keys


# ---------------------------------------------------------------- one decision at a time


@pytest.mark.parametrize("flags, named", [
    (["--confirm", "--dismiss"], "--confirm and --dismiss were both given"),
    (["--correct", "--confirm"], "--confirm and --correct were both given"),
    (["--confirm", "--dismiss", "--correct"], "--confirm, --dismiss and --correct were all given")])
def test_two_decisions_at_once_is_a_usage_error(workdir: Path, flags: list[str], named: str) -> None:
    key = key_of(sample_frame(), "a-1")
    result = invoke("review", key, *flags, "--note", "x")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == f"Error: one decision at a time: {named}"
    assert not (workdir / "review.csv").exists()


# ---------------------------------------------------------------- key prefixes


def test_too_short_prefix_says_how_many_characters_and_which_keys(workdir: Path) -> None:
    keys = sorted(d.key for d in review.discrepancies(sample_frame()))
    prefix = keys[0][:2]
    matching = [k for k in keys if k.startswith(prefix)]
    result = invoke("review", prefix, "--confirm", "--note", "x")
    assert result.exit_code == 2
    count = "1 discrepancy" if len(matching) == 1 else f"{len(matching)} discrepancies"
    assert result.stderr == (f"Error: key prefix '{prefix}' is too short: give at least 4 characters "
                             f"(it matches {count}: {', '.join(matching)})\n")


def test_ambiguous_prefix_lists_the_keys_and_the_length_that_tells_them_apart(
        workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fixed = iter(["abcd12340000", "abcd12990000"])
    monkeypatch.setattr(review, "discrepancy_key", lambda a, b: next(fixed))
    result = invoke("review", "abcd", "--confirm", "--note", "x")
    assert result.exit_code == 2
    assert result.stderr == ("Error: key prefix 'abcd' is ambiguous: it matches 2 discrepancies "
                             "(abcd12340000, abcd12990000); give at least 7 characters\n")


def test_distinguishing_length() -> None:
    assert review.distinguishing_length(["abcd12340000", "abcd12990000"]) == 7
    assert review.distinguishing_length(["a000", "b000", "a100"]) == 2


def test_a_unique_prefix_still_works(workdir: Path) -> None:
    key = key_of(sample_frame(), "a-1")
    result = invoke("review", key[:5], "--dismiss", "--note", "x")
    assert (result.exit_code, result.stdout) == (0, f"dismissed: {key} (a vs b) -> review.csv\n")


# ---------------------------------------------------------------- interactive: Ctrl-C and end of input


def _prompts_then(monkeypatch: pytest.MonkeyPatch, answers: list[str], stop: str) -> None:
    """click.prompt answering `answers`, then stopped as a terminal stops it."""
    given = iter(answers)

    def prompt(*args: object, **kwargs: object) -> str:
        try:
            return next(given)
        except StopIteration:
            pass
        if stop == "raw":
            raise KeyboardInterrupt
        try:  # what click.prompt does on Ctrl-C
            raise KeyboardInterrupt
        except KeyboardInterrupt:
            raise click.Abort() from None

    monkeypatch.setattr(cli_views.click, "prompt", prompt)


@pytest.mark.parametrize("stop", ["abort", "raw"])
def test_ctrl_c_prints_one_line_and_exits_130(workdir: Path, monkeypatch: pytest.MonkeyPatch, stop: str) -> None:
    _prompts_then(monkeypatch, ["c", "real"], stop)
    result = invoke("review", "-i")
    assert result.exit_code == 130
    assert result.stderr == "\nStopped: 1 decision saved in review.csv.\n"
    assert "Aborted" not in result.output
    assert len(review.load(workdir / "review.csv")) == 1


def test_end_of_input_exits_0(workdir: Path) -> None:
    result = invoke("review", "-i", input="s\n")
    assert result.exit_code == 0
    assert result.stdout.endswith("\nEnd of input: 0 decisions saved in review.csv.\n")


# ---------------------------------------------------------------- nothing open, --all


def test_nothing_open_says_so_and_how_to_list_decided_ones(workdir: Path) -> None:
    _decide_all()
    result = invoke("review")
    assert (result.exit_code, result.stdout) == (
        0, "No open discrepancies; 2 decided (review.csv): `factcheck review --all` lists them.\n")


def test_nothing_at_all(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    table.write(sample_frame().iloc[4:], tmp_path / "claims.csv")
    result = invoke("review")
    assert (result.exit_code, result.stdout) == (0, "No discrepancies: no two claims contradict each other.\n")


def test_all_lists_decided_ones_with_their_decisions(workdir: Path) -> None:
    frame = sample_frame()
    key = key_of(frame, "a-1")
    review.record("review.csv", frame, key, "confirmed", "b has the wrong day", "kim", timestamp=TS)
    result = invoke("review", "--all")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "2 discrepancies: 1 open, 1 decided (review.csv)"
    at = lines.index(next(line for line in lines if line.startswith(f"{key}  when, between sources:")))
    assert lines[at + 1:at + 4] == ["    [a] The summit opens on Monday in Geneva",
                                    "    [b] The summit opens on Tuesday in Geneva",
                                    f"    confirmed by kim on {TS}: b has the wrong day"]
    assert lines.count("    open") == 1
    assert invoke("review", "--all", key, "--confirm").exit_code == 2


# ---------------------------------------------------------------- run summary and plurals


def test_run_summary_shows_each_conflicts_key_and_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copytree(SOURCES, tmp_path / "sources")
    first = invoke("run").stdout
    keys = [d.key for d in review.discrepancies(table.read("claims.csv"))]
    assert "\n2 conflicts (2 open, 0 decided):\n" in first
    for key in keys:
        assert f"\n- {key} open: status: " in first
    assert first.endswith("\nRecord a decision on each open one: "
                          "factcheck review KEY --confirm|--dismiss|--correct --note WHY\n")
    review.record("review.csv", table.read("claims.csv"), keys[0], "dismissed", "n", "ed", timestamp=TS)
    second = invoke("run").stdout
    assert "\n2 conflicts (1 open, 1 decided):\n" in second
    assert f"\n- {keys[0]} dismissed: status: " in second and f"\n- {keys[1]} open: status: " in second


def test_singular_words(tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "a.txt").write_text("The ferry service will resume on Monday.\n", encoding="utf-8")
    out = tmp_path / "claims.csv"
    result = invoke("run", str(tmp_path / "sources"), "--out", str(out))
    assert result.stdout == f"1 source, 1 claim -> {out}\n  0 conflicting, 0 agreeing, 1 single-source, 0 updates, 0 missed forecasts\n"
    assert cli_views.plural(1, "conflict") == "1 conflict"
    assert cli_views.plural(1, "decision") == "1 decision" and cli_views.plural(0, "decision") == "0 decisions"
    assert cli_views.plural(2, "open discrepancy") == "2 open discrepancies"


# ---------------------------------------------------------------- help


@pytest.mark.parametrize("command, example", [
    ("run", "factcheck run sources/ --out claims.csv"),
    ("review", 'factcheck review 0b62003c83f5 --confirm --note "000 is wrong; correction requested"'),
    ("check", "factcheck check sources/ --format github --since origin/main"),
    ("diff", "git show origin/main:claims.csv > old.csv && factcheck diff old.csv claims.csv > comment.md"),
    ("report", "factcheck report sources/ --format html --out report.html"),
])
def test_help_keeps_examples_verbatim_at_any_width(command: str, example: str) -> None:
    for width in (40, 80, 200):
        text = CliRunner().invoke(cli, [command, "--help"], terminal_width=width).stdout
        assert example in [line.strip() for line in text.splitlines()], (width, text)


def test_top_level_help_lists_commands_whole_and_exit_codes() -> None:
    text = CliRunner().invoke(cli, ["--help"], terminal_width=100).stdout
    commands = text.split("Commands:\n", 1)[1].split("\n\n", 1)[0]
    assert "..." not in commands
    assert "  review  List discrepancies, or record a decision on one in review.csv." in commands
    assert "Exit codes (every command):" in text
    for line in ("0    done (check: clean)", "2    usage error: a bad option or value, an unknown review key",
                 "3    unreadable input: a source, claims.csv or review.csv",
                 "130  review --interactive stopped by Ctrl-C"):
        assert line in [x.strip() for x in text.splitlines()]

"""`factcheck check` and `factcheck diff` on a temporary git repository, as CI runs them."""
from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.outputs import check as check_mod
from factcheck.outputs import review, table
from factcheck.cli import cli

ROOT = Path(__file__).resolve().parent.parent

# An invented event, written for these tests.
ALPHA = """Marrowfield bridge collapse leaves town cut off
MARROWFIELD: The old iron bridge over the Tessel river collapsed on Tuesday night after days of heavy rain.
Twelve people were injured when the bridge collapsed, the county fire service said.
The regional council will open a temporary ferry service on Friday.
Engineers had warned about rust in the main girders last spring.
"""
BETA = """Council promises ferry after Marrowfield bridge falls
The iron bridge across the Tessel river in Marrowfield gave way on Tuesday night following heavy rain.
Twelve people were injured when the bridge collapsed, according to the fire service.
A temporary ferry service will open on Friday, the regional council said.
Local shops say trade has fallen sharply since the collapse.
"""
# line 3 contradicts the known count of injured ("Twelve")
NEW = """Marrowfield residents wait at the river
Residents of Marrowfield queued at the riverbank on Wednesday morning.
Fifteen people were injured when the bridge collapsed, the county fire service said.
"""
# line 2 contradicts the known ferry day ("on Friday")
LATER = """Ferry plans for Marrowfield
The regional council will open a temporary ferry service on Sunday.
"""

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(*args: str) -> str:
    return subprocess.run(["git", *args], check=True, capture_output=True, text=True).stdout


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args))


def factcheck_run() -> None:
    result = invoke("run", "sources", "-q")
    assert result.exit_code == 0, result.output


def commit(message: str) -> None:
    git("add", "-A")
    git("commit", "-q", "-m", message)


@pytest.fixture()
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A newsroom repository: two agreeing articles and their committed claims.csv."""
    root = tmp_path / "newsroom"
    (root / "sources").mkdir(parents=True)
    monkeypatch.chdir(root)
    git("init", "-q")
    git("config", "user.email", "desk@example.org")
    git("config", "user.name", "Desk")
    git("config", "commit.gpgsign", "false")
    (root / "sources" / "alpha.txt").write_text(ALPHA, encoding="utf-8")
    (root / "sources" / "beta.txt").write_text(BETA, encoding="utf-8")
    factcheck_run()
    commit("sources and claims")
    return root


def add_source(name: str, text: str) -> None:
    Path("sources", name).write_text(text, encoding="utf-8")


def test_clean_tree_passes(repo: Path) -> None:
    result = invoke("check", "sources")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1].startswith("OK: claims.csv is up to date")


def test_contradicting_source_fails_with_an_annotation_at_its_line(repo: Path) -> None:
    add_source("new.txt", NEW)
    factcheck_run()
    result = invoke("check", "sources", "--format", "github", "--since", "HEAD")
    assert result.exit_code == 1, result.output
    assert "out of date" not in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("::error ")]
    assert len(errors) == 1, result.output      # one annotation per discrepancy, on the added source's side
    assert errors[0].startswith("::error file=sources/new.txt,line=3,col=1,title=factcheck%3A conflicting claim (")
    message = errors[0].split("::", 2)[2]
    assert "Fifteen people were injured" in message
    assert "contradicts sources/alpha.txt:3:1" in message
    assert 'why: number people: "Twelve" (12) vs "Fifteen" (15)' in message
    assert "\n" not in message and "%0A" in message


def test_text_report_lists_quotes_sources_lines_and_reason(repo: Path) -> None:
    add_source("new.txt", NEW)
    factcheck_run()
    result = invoke("check")
    assert result.exit_code == 1
    out = result.output
    assert "1 discrepancy unreviewed:" in out
    assert 'sources/alpha.txt:3:1  [alpha] "Twelve people were injured when the bridge collapsed' in out
    assert 'sources/new.txt:3:1  [new] "Fifteen people were injured when the bridge collapsed' in out
    assert 'number people: "Twelve" (12) vs "Fifteen" (15)' in out
    assert out.splitlines()[-1] == "FAILED: 1 unreviewed"


@pytest.mark.parametrize("decision", ["confirmed", "dismissed", "corrected"])
def test_a_review_decision_makes_it_pass(repo: Path, decision: str) -> None:
    add_source("new.txt", NEW)
    factcheck_run()
    frame = table.read("claims.csv")
    found = review.discrepancies(frame)
    assert len(found) == 1
    review.record("review.csv", frame, found[0].key, decision, "checked with the fire service", "Desk")
    result = invoke("check", "sources")
    assert result.exit_code == 0, result.output
    assert f"1 discrepancy reviewed (1 {decision}): `factcheck review --all` lists it" in result.output.splitlines()
    assert "checked with the fire service" not in result.output   # reviewed ones: one line, not reprinted


def test_review_cli_decision_makes_it_pass_without_rerunning(repo: Path) -> None:
    add_source("new.txt", NEW)
    factcheck_run()
    key = review.discrepancies(table.read("claims.csv"))[0].key
    recorded = invoke("review", key, "--dismiss", "--note", "a typo, fixed upstream", "--reviewer", "Desk")
    if recorded.exit_code != 0 and "No such command" in recorded.output:
        pytest.skip("no `factcheck review` command in this build")
    assert recorded.exit_code == 0, recorded.output
    # claims.csv's review column is now behind review.csv: that alone is not stale
    result = invoke("check", "sources")
    assert result.exit_code == 0, result.output


def test_editing_a_source_without_rerunning_is_stale(repo: Path) -> None:
    path = Path("sources", "alpha.txt")
    path.write_text(path.read_text(encoding="utf-8") + "A new footbridge is planned for next year.\n",
                    encoding="utf-8")
    result = invoke("check", "sources")
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == ("claims.csv is out of date: run `factcheck run` and commit it "
                                             "(1 new claim)")
    assert "new claims (1):" in result.output
    assert "+ [alpha] A new footbridge is planned for next year" in result.output
    assert result.output.splitlines()[-1] == "FAILED: claims.csv is out of date"
    github = invoke("check", "sources", "--format", "github")
    assert github.output.splitlines()[0] == ("::error file=claims.csv,title=claims.csv is out of date::"
                                             "claims.csv is out of date: run `factcheck run` and commit it "
                                             "(1 new claim)")


def test_since_fails_only_on_sources_changed_since_the_ref(repo: Path) -> None:
    add_source("new.txt", NEW)
    factcheck_run()
    commit("add new.txt without review")
    before = invoke("check", "sources", "--since", "HEAD")
    assert before.exit_code == 0, before.output
    assert "1 discrepancy known (unreviewed, not in sources changed since HEAD):" in before.output

    add_source("later.txt", LATER)  # untracked, as in a pull request's working tree
    factcheck_run()
    result = invoke("check", "sources", "--since", "HEAD", "--format", "github")
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    errors = [line for line in lines if line.startswith("::error ")]
    assert errors and all(line.startswith("::error file=sources/later.txt,line=2,col=1,") for line in errors)
    notices = [line for line in lines if line.startswith("::notice ")]
    assert len(notices) == 1 and notices[0].startswith("::notice file=sources/alpha.txt,line=3,col=1,")
    # without --since every unreviewed conflict fails
    assert invoke("check", "sources").output.splitlines()[-1] == "FAILED: 3 unreviewed"


def test_since_counts_a_modified_tracked_source(repo: Path) -> None:
    path = Path("sources", "beta.txt")
    path.write_text(path.read_text(encoding="utf-8").replace("on Friday", "on Sunday"), encoding="utf-8")
    factcheck_run()
    result = invoke("check", "--since", "HEAD", "--format", "github")
    assert result.exit_code == 1, result.output
    assert "::error file=sources/beta.txt,line=4,col=1," in result.output


def test_bad_ref_is_a_usage_error_with_gits_message(repo: Path) -> None:
    result = invoke("check", "sources", "--since", "no-such-ref")
    assert result.exit_code == 2
    assert result.output.startswith("Error: ")
    assert "no-such-ref" in result.output


def test_since_outside_a_git_repository_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "alpha.txt").write_text(ALPHA, encoding="utf-8")
    factcheck_run()
    result = invoke("check", "--since", "HEAD")
    assert result.exit_code == 2
    assert "--since needs a git repository" in result.output


@pytest.mark.parametrize("content", ['claim_id,source\n"never closed\n', "not,a,claims,table\n1,2,3,4\n"])
def test_malformed_claims_exits_3_naming_the_file(repo: Path, content: str) -> None:
    Path("claims.csv").write_text(content, encoding="utf-8")
    result = invoke("check", "sources")
    assert result.exit_code == 3
    assert result.output.startswith("Error: claims.csv: ")


def test_missing_claims_exits_3(repo: Path) -> None:
    result = invoke("check", "sources", "--claims", "nowhere.csv")
    assert result.exit_code == 3
    assert "Error: nowhere.csv: no such file" in result.output


def test_malformed_review_exits_3(repo: Path) -> None:
    Path("review.csv").write_text("key,decision\nzz,maybe\n", encoding="utf-8")
    result = invoke("check", "sources")
    assert result.exit_code == 3
    assert result.output.startswith("Error: review.csv: ")


def test_junit_has_one_testcase_per_discrepancy(repo: Path) -> None:
    add_source("new.txt", NEW)
    add_source("later.txt", LATER)
    factcheck_run()
    expected = check_mod.check(["sources"], "claims.csv", "review.csv")
    assert len(expected.open) == 3
    result = invoke("check", "sources", "--format", "junit", "--out", "report.xml")
    assert result.exit_code == 1
    assert result.output == "FAILED: 3 unreviewed\n"
    root = ET.parse("report.xml").getroot()
    suite = root.find("testsuite[@name='factcheck.discrepancies']")
    assert suite is not None
    cases = suite.findall("testcase")
    assert len(cases) == 3 and suite.get("failures") == "3"
    assert all(case.find("failure") is not None for case in cases)
    assert {case.get("name").split()[0] for case in cases} == {f.key for f in expected.open}
    fresh = root.find("testsuite[@name='factcheck.table']/testcase")
    assert fresh is not None and fresh.find("failure") is None


def test_diff_shows_new_conflicts_as_markdown(repo: Path) -> None:
    Path("old.csv").write_text(git("show", "HEAD:claims.csv"), encoding="utf-8")
    add_source("new.txt", NEW)
    factcheck_run()
    result = invoke("diff", "old.csv", "claims.csv")
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.startswith("### factcheck: claim table changes (old.csv → claims.csv)")
    assert "#### New conflicts (1)" in out
    assert "| **alpha**: Twelve people were injured | **new**: Fifteen people were injured |" in out
    assert "#### New single-source claims" in out
    assert "Resolved conflicts" not in out
    back = invoke("diff", "claims.csv", "old.csv", "--format", "text")
    assert back.exit_code == 0
    assert "resolved conflicts (1):" in back.output
    assert "removed claims" in back.output


def test_diff_of_identical_tables(repo: Path) -> None:
    result = invoke("diff", "claims.csv", "claims.csv", "--format", "text")
    assert (result.exit_code, result.output) == (0, "no changes\n")


def test_diff_of_a_malformed_table_exits_3(repo: Path) -> None:
    Path("bad.csv").write_text("nothing useful\n", encoding="utf-8")
    result = invoke("diff", "bad.csv", "claims.csv")
    assert result.exit_code == 3
    assert result.output.startswith("Error: bad.csv: ")


def test_workflow_command_escaping() -> None:
    assert check_mod.escape_data("50% off\r\nnow") == "50%25 off%0D%0Anow"
    assert check_mod.escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


@pytest.mark.parametrize("text,offset,expected", [
    ("abc", 0, (1, 1)), ("ab\ncd", 3, (2, 1)), ("ab\ncd", 4, (2, 2)),
    ("ab\r\ncd\r\nef", 8, (3, 1)), ("ab\rcd", 4, (2, 2)),
])
def test_line_and_column_of_an_offset(text: str, offset: int, expected: tuple[int, int]) -> None:
    assert check_mod.line_col(text, offset) == expected


def test_help_lists_exit_codes() -> None:
    out = invoke("check", "--help").output
    assert "0 clean, 1 discrepancies or a stale claims.csv, 2 usage error" in " ".join(out.split())
    assert "3 unreadable input" in out


def test_shipped_ci_files() -> None:
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "id: factcheck-check" in hooks and "entry: factcheck check" in hooks
    workflow = (ROOT / ".github" / "workflows" / "factcheck.yml").read_text(encoding="utf-8")
    assert "factcheck check --format github" in workflow
    assert "fetch-depth: 0" in workflow

"""`factcheck init` in a temporary folder (issue 12, item 5): what it makes, that a second run
overwrites nothing, and that the workflow and pre-commit config it writes work as written."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck import init as init_mod
from factcheck.cli import cli
from test_check import ALPHA, BETA, NEW

ROOT = Path(__file__).resolve().parent.parent
SPEC = "factcheck @ git+https://example.org/desk/factcheck@0123abc"


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, list(args))


def _files(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_init_says_what_it_made_and_a_second_run_overwrites_nothing(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    first = invoke("init", "--install", SPEC)
    assert first.exit_code == 0, first.output
    assert first.stdout.splitlines() == [
        "created  sources/: put the articles here (.txt, .md, .html, .json, .jsonl)",
        "created  .gitignore: ignores .factcheck-cache/, .factcheck-extracted/, review.csv.lock",
        f"created  .github/workflows/factcheck.yml: installs {SPEC}",
        "created  .pre-commit-config.yaml: enable with `pre-commit install`",
        "",
        "Next: put articles in sources/, run `factcheck run`, then commit sources/, claims.csv and review.csv.",
    ]
    assert (tmp_path / "sources").is_dir()
    ignored = (tmp_path / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert {".factcheck-cache/", ".factcheck-extracted/", "review.csv.lock"} <= set(ignored)
    before = _files(tmp_path)
    second = invoke("init", "--install", "something else")
    assert second.exit_code == 0
    assert second.stdout.splitlines() == [
        "kept     sources/: put the articles here (.txt, .md, .html, .json, .jsonl)",
        "kept     .gitignore: already ignores .factcheck-cache/, .factcheck-extracted/, review.csv.lock",
        "kept     .github/workflows/factcheck.yml: not overwritten",
        "kept     .pre-commit-config.yaml: not overwritten",
        "Nothing to do: everything factcheck init makes is already there.",
    ]
    assert _files(tmp_path) == before


def test_init_keeps_existing_files_and_lines(tmp_path: Path) -> None:
    folder = tmp_path / "newsroom"
    (folder / ".github" / "workflows").mkdir(parents=True)
    (folder / ".github" / "workflows" / "factcheck.yml").write_text("name: ours\n", encoding="utf-8")
    (folder / ".pre-commit-config.yaml").write_text("repos: []\n", encoding="utf-8")
    (folder / ".gitignore").write_text("*.pyc\n.factcheck-cache\n", encoding="utf-8")
    result = invoke("init", str(folder))
    assert result.exit_code == 0, result.output
    assert (folder / ".github" / "workflows" / "factcheck.yml").read_text(encoding="utf-8") == "name: ours\n"
    assert (folder / ".pre-commit-config.yaml").read_text(encoding="utf-8") == "repos: []\n"
    ignore = (folder / ".gitignore").read_text(encoding="utf-8")
    assert ignore.startswith("*.pyc\n.factcheck-cache\n") and ".factcheck-cache/" not in ignore
    assert ignore.count(".factcheck-extracted/") == 1 and "review.csv.lock" in ignore
    lines = result.stdout.splitlines()
    assert f"updated  {folder}/.gitignore: added .factcheck-extracted/, review.csv.lock; every line already there is kept" in lines
    assert f"kept     {folder}/.pre-commit-config.yaml: not overwritten: add the factcheck-check hook from README.md yourself" in lines


def test_init_on_a_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "x").write_text("", encoding="utf-8")
    result = invoke("init", str(tmp_path / "x"))
    assert result.exit_code == 1
    assert result.stderr == f"Error: {tmp_path / 'x'}: not a folder\n"


def test_without_a_known_install_source_the_workflow_says_what_to_set(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(init_mod, "install_spec", lambda: None)
    result = invoke("init", str(tmp_path))
    assert result.exit_code == 0
    assert ("needs the repository variable FACTCHECK_PIP: what pip installs factcheck from" in result.stdout)
    assert "set the repository variable FACTCHECK_PIP" in result.stdout
    text = (tmp_path / ".github" / "workflows" / "factcheck.yml").read_text(encoding="utf-8")
    assert "FACTCHECK_PIP: \"${{ vars.FACTCHECK_PIP || '' }}\"" in text
    step = _workflow_steps(tmp_path)[2]
    done = subprocess.run(["bash", "-c", step["run"]], env={**os.environ, "FACTCHECK_PIP": ""},
                          capture_output=True, text=True)
    assert done.returncode == 1 and done.stdout.startswith("::error::Set the repository variable FACTCHECK_PIP")


class _Dist:
    def __init__(self, record: dict) -> None:
        self.record = record

    def read_text(self, name: str) -> str:
        return json.dumps(self.record)


@pytest.mark.parametrize("record, spec", [
    ({"url": "https://github.com/desk/factcheck", "vcs_info": {"vcs": "git", "commit_id": "abc123"}},
     "factcheck @ git+https://github.com/desk/factcheck@abc123"),
    ({"url": "https://example.org/factcheck-0.1.0.tar.gz", "archive_info": {}},
     "factcheck @ https://example.org/factcheck-0.1.0.tar.gz"),
    ({"url": "file:///nowhere/factcheck", "dir_info": {"editable": True}}, None),
])
def test_install_spec_from_pips_record(monkeypatch: pytest.MonkeyPatch, record: dict, spec: str | None) -> None:
    monkeypatch.setattr(init_mod.metadata, "distribution", lambda name: _Dist(record))
    assert init_mod.install_spec() == spec


# ---------------------------------------------------------------- works as written


def _workflow_steps(folder: Path) -> list[dict]:
    yaml = pytest.importorskip("yaml")
    workflow = yaml.safe_load((folder / ".github" / "workflows" / "factcheck.yml").read_text(encoding="utf-8"))
    return workflow["jobs"]["check"]["steps"]


@pytest.fixture()
def newsroom(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """An initialised git repository with two agreeing articles, and an environment whose
    `factcheck` is this worktree's (python -m factcheck)."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    folder = tmp_path / "newsroom"
    assert invoke("init", str(folder), "--install", SPEC).exit_code == 0
    shim = tmp_path / "bin"
    shim.mkdir()
    (shim / "factcheck").write_text(f'#!/bin/sh\nexec "{sys.executable}" -m factcheck "$@"\n', encoding="utf-8")
    (shim / "factcheck").chmod(0o755)
    env = {**os.environ, "PATH": f"{shim}{os.pathsep}{os.environ['PATH']}", "PYTHONPATH": str(ROOT),
           "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "GIT_AUTHOR_NAME": "Desk",
           "GIT_AUTHOR_EMAIL": "desk@example.org", "GIT_COMMITTER_NAME": "Desk",
           "GIT_COMMITTER_EMAIL": "desk@example.org"}
    env.pop("GITHUB_STEP_SUMMARY", None)
    (folder / "sources" / "alpha.txt").write_text(ALPHA, encoding="utf-8")
    (folder / "sources" / "beta.txt").write_text(BETA, encoding="utf-8")
    for command in (["git", "init", "-q", "-b", "main"], ["factcheck", "run", "-q"], ["git", "add", "-A"],
                    ["git", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "newsroom"],
                    ["git", "update-ref", "refs/remotes/origin/main", "HEAD"]):
        subprocess.run(command, cwd=folder, env=env, check=True, capture_output=True)
    return folder, env


def _sh(command: str, folder: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", "-e", "-c", command], cwd=folder, env=env, capture_output=True, text=True)


def test_the_workflows_commands_work_as_written(newsroom: tuple[Path, dict[str, str]]) -> None:
    folder, env = newsroom
    steps = _workflow_steps(folder)
    assert steps[0]["uses"] == "actions/checkout@v4" and steps[0]["with"]["fetch-depth"] == 0
    assert steps[2]["env"]["FACTCHECK_PIP"] == "${{ vars.FACTCHECK_PIP || '" + SPEC + "' }}"
    push, pull = steps[3], steps[4]
    assert push["if"] == "github.event_name != 'pull_request'" and pull["if"] == "github.event_name == 'pull_request'"
    clean = _sh(push["run"], folder, env)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert clean.stdout.splitlines()[-1].startswith("OK: claims.csv is up to date")
    # a pull request adds a contradicting article, runs factcheck but decides nothing
    (folder / "sources" / "new.txt").write_text(NEW, encoding="utf-8")
    assert _sh("factcheck run -q", folder, env).returncode == 0
    failing = _sh(pull["run"], folder, {**env, "BASE_REF": "main"})
    assert failing.returncode == 1, failing.stdout + failing.stderr
    errors = [line for line in failing.stdout.splitlines() if line.startswith("::error ")]
    assert len(errors) == 1 and errors[0].startswith("::error file=sources/new.txt,line=3,col=1,")


def test_the_pre_commit_config_works_as_written(newsroom: tuple[Path, dict[str, str]]) -> None:
    if shutil.which("pre-commit") is None:
        pytest.skip("pre-commit is not installed")
    folder, env = newsroom
    passing = subprocess.run(["pre-commit", "run", "--all-files"], cwd=folder, env=env, capture_output=True, text=True)
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert "factcheck check" in passing.stdout and "Passed" in passing.stdout
    (folder / "sources" / "new.txt").write_text(NEW, encoding="utf-8")
    subprocess.run(["git", "add", "-A"], cwd=folder, env=env, check=True)
    failing = subprocess.run(["pre-commit", "run"], cwd=folder, env=env, capture_output=True, text=True)
    assert failing.returncode == 1
    assert "claims.csv is out of date" in failing.stdout


def test_readme_pre_commit_snippet_is_what_init_writes() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    snippet = readme.split("### pre-commit", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    written = "".join(line + "\n" for line in init_mod.PRE_COMMIT_TEXT.splitlines() if not line.startswith("#"))
    assert snippet == written


def test_install_spec_from_a_local_checkout_uses_its_origin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    checkout = tmp_path / "factcheck"
    checkout.mkdir()
    env = {**os.environ, "GIT_AUTHOR_NAME": "a", "GIT_AUTHOR_EMAIL": "a@b", "GIT_COMMITTER_NAME": "a",
           "GIT_COMMITTER_EMAIL": "a@b"}
    for command in (["git", "init", "-q"], ["git", "remote", "add", "origin", "git@github.com:desk/factcheck.git"],
                    ["git", "-c", "commit.gpgsign=false", "commit", "-q", "--allow-empty", "-m", "x"]):
        subprocess.run(command, cwd=checkout, env=env, check=True, capture_output=True)
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=checkout, capture_output=True, text=True).stdout.strip()
    record = {"url": checkout.as_uri(), "dir_info": {"editable": True}}
    monkeypatch.setattr(init_mod.metadata, "distribution", lambda name: _Dist(record))
    assert init_mod.install_spec() == f"factcheck @ git+https://github.com/desk/factcheck.git@{head}"

"""`factcheck init`: set up a newsroom repository (sources/, .gitignore, CI, pre-commit).

Everything it writes works as written: the GitHub workflow installs this very
factcheck (from where it was installed, or `--install SPEC`) and runs the same
`factcheck check` commands as the project's own workflow; the pre-commit hook
is a `repo: local` hook that runs the installed `factcheck check`. It never
overwrites a file: an existing workflow or pre-commit config is kept as it is,
and only missing lines are added to an existing .gitignore.
"""
from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from urllib.parse import urlparse
from urllib.request import url2pathname

from .errors import InitError

WORKFLOW = Path(".github/workflows/factcheck.yml")
PRE_COMMIT = Path(".pre-commit-config.yaml")
GITIGNORE = Path(".gitignore")
SOURCES = Path("sources")
# what factcheck leaves beside claims.csv that is not meant to be committed
IGNORED = (
    (".factcheck-cache/", "extracted claims and matched stories, to make the next run fast (safe to delete)"),
    (".factcheck-extracted/", "the plain text of HTML and JSON sources, which their offsets index (rewritten by every run)"),
    ("review.csv.lock", "the lock two `factcheck review` commands take turns on"),
)
VARIABLE = "FACTCHECK_PIP"

PRE_COMMIT_TEXT = """\
# Written by `factcheck init`. Runs `factcheck check` (the factcheck installed where you
# commit) whenever a commit touches sources/, claims.csv or review.csv. Enable: pre-commit install
repos:
  - repo: local
    hooks:
      - id: factcheck-check
        name: factcheck check
        entry: factcheck check
        language: system
        pass_filenames: false
        files: ^(sources/|claims\\.csv$|review\\.csv$)
"""

WORKFLOW_TEXT = """\
# Written by `factcheck init`. Fails a push or pull request when claims.csv is out of date
# or a conflict between sources has no decision in review.csv; on a pull request only
# conflicts in sources it adds or changes fail, annotated at the sentence.
name: factcheck

on:
  push:
    branches: [main, master]
  pull_request:

permissions:
  contents: read

jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0   # --since needs the base branch's history

      - uses: actions/setup-python@v5
        with:
          python-version: "3.11"

      - name: Install factcheck
        env:
          # where pip gets factcheck; the repository variable FACTCHECK_PIP overrides it
          FACTCHECK_PIP: "${{{{ vars.FACTCHECK_PIP || '{spec}' }}}}"
        run: |
          if [ -z "$FACTCHECK_PIP" ]; then
            echo "::error::Set the repository variable FACTCHECK_PIP to what pip installs factcheck from, e.g. factcheck @ git+https://github.com/YOU/factcheck@COMMIT"
            exit 1
          fi
          pip install "$FACTCHECK_PIP"

      - name: Check claims.csv and review decisions
        if: github.event_name != 'pull_request'
        run: factcheck check --format github sources/

      - name: Check sources changed in this pull request
        if: github.event_name == 'pull_request'
        env:
          BASE_REF: ${{{{ github.base_ref }}}}
        run: factcheck check --format github --since "origin/$BASE_REF" sources/
"""


@dataclass(frozen=True)
class Step:
    """One thing `init` did: `path` relative to the folder, `action` (created, updated or kept), what."""

    path: str
    action: str
    detail: str


def _action(made: bool) -> str:
    return "created" if made else "kept"


def install_spec() -> str | None:
    """What pip needs to install this factcheck elsewhere, when that can be told.

    From pip's record of the installation (PEP 610): a git URL and commit, or a
    downloaded archive; for a local or editable install, the source folder's
    `origin` remote and commit. None when there is nothing a CI machine could reach.
    """
    try:
        raw = metadata.distribution("factcheck").read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        raw = None
    if not raw:
        return None
    try:
        info = json.loads(raw)
    except ValueError:
        return None
    url = str(info.get("url", ""))
    vcs = info.get("vcs_info") or {}
    if vcs.get("vcs") == "git" and url:
        commit = vcs.get("commit_id") or vcs.get("requested_revision")
        return f"factcheck @ git+{url}" + (f"@{commit}" if commit else "")
    if url.startswith(("https://", "http://")):
        return f"factcheck @ {url}"
    if url.startswith("file://"):
        return _from_checkout(Path(url2pathname(urlparse(url).path)))
    return None


def _from_checkout(folder: Path) -> str | None:
    """`factcheck @ git+ORIGIN@COMMIT` for a source folder with an https (or GitHub ssh) origin."""
    def git(*args: str) -> str:
        done = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True, check=False)
        return done.stdout.strip() if done.returncode == 0 else ""

    try:
        origin, commit = git("remote", "get-url", "origin"), git("rev-parse", "HEAD")
    except OSError:  # git is not installed
        return None
    if origin.startswith("git@github.com:"):
        origin = "https://github.com/" + origin[len("git@github.com:"):]
    if not origin.startswith("https://") or not commit:
        return None
    return f"factcheck @ git+{origin}@{commit}"


def workflow_text(spec: str | None) -> str:
    """The workflow, installing `spec` (or, without one, stopping with a message saying what to set)."""
    quoted = (spec or "").replace("\\", "\\\\").replace('"', '\\"').replace("'", "''")
    return WORKFLOW_TEXT.format(spec=quoted)


def _write_new(path: Path, text: str) -> bool:
    """Create `path` with `text`; False, touching nothing, when it already exists."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with open(path, "x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:
        return False
    return True


def init(folder: str | os.PathLike[str], spec: str | None) -> list[Step]:
    """Set up `folder` (created if missing); returns what was made and what was already there."""
    root = Path(folder)
    if root.exists() and not root.is_dir():
        raise InitError(f"{root}: not a folder")
    steps: list[Step] = []
    try:
        root.mkdir(parents=True, exist_ok=True)
        sources = root / SOURCES
        made = not sources.exists()
        sources.mkdir(exist_ok=True)
        steps.append(Step(f"{SOURCES}/", _action(made), "put the articles here (.txt, .md, .html, .json, .jsonl)"))
        steps.append(_gitignore(root / GITIGNORE))
        made = _write_new(root / WORKFLOW, workflow_text(spec))
        steps.append(Step(WORKFLOW.as_posix(), _action(made),
                          (f"installs {spec}" if spec else f"needs the repository variable {VARIABLE}: "
                           "what pip installs factcheck from") if made else "not overwritten"))
        made = _write_new(root / PRE_COMMIT, PRE_COMMIT_TEXT)
        has_hook = made or "id: factcheck-check" in (root / PRE_COMMIT).read_text(encoding="utf-8", errors="replace")
        steps.append(Step(PRE_COMMIT.as_posix(), _action(made), "enable with `pre-commit install`" if made
                          else "not overwritten" if has_hook
                          else "not overwritten: add the factcheck-check hook from README.md yourself"))
    except OSError as exc:
        raise InitError(f"cannot write {exc.filename or root}: {(exc.strerror or str(exc)).lower()}") from None
    return steps


def _gitignore(path: Path) -> Step:
    """Add the lines factcheck's own files need to .gitignore, keeping every line already there."""
    try:
        existing = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        existing = None
    present = {line.strip() for line in (existing or "").splitlines()}
    missing = [(line, why) for line, why in IGNORED if line not in present and line.rstrip("/") not in present]
    if not missing:
        return Step(GITIGNORE.as_posix(), "kept", "already ignores " + ", ".join(line for line, _ in IGNORED))
    block = "".join(f"# {why}\n{line}\n" for line, why in missing)
    if existing is None:
        _write_new(path, "# factcheck's working files (written by `factcheck init`)\n" + block)
    else:
        with open(path, "a", encoding="utf-8", newline="\n") as handle:   # appended: nothing is replaced
            handle.write(("" if existing.endswith("\n") or not existing else "\n") + block)
    names = ", ".join(line for line, _ in missing)
    if existing is None:
        return Step(GITIGNORE.as_posix(), "created", f"ignores {names}")
    return Step(GITIGNORE.as_posix(), "updated", f"added {names}; every line already there is kept")

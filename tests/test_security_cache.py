"""Issue 10, item 1: a cache committed to a pull request runs nothing and changes nothing."""
from __future__ import annotations

import pickle
import secrets
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.scale import cache as cache_mod
from factcheck.scale import cache_codec
from factcheck.scale import incremental
from factcheck.inputs import sources as sources_mod
from factcheck.cli import cli

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

ALPHA = """Marrowfield bridge collapse leaves town cut off
MARROWFIELD: The old iron bridge over the Tessel river collapsed on Tuesday night after days of heavy rain.
Twelve people were injured when the bridge collapsed, the county fire service said.
"""
BETA = """Council promises ferry after Marrowfield bridge falls
Twelve people were injured when the bridge collapsed, according to the fire service.
A temporary ferry service will open on Friday, the regional council said.
"""
# contradicts the committed count of injured: check must fail on it
NEW = """Marrowfield residents wait at the river
Fifteen people were injured when the bridge collapsed, the county fire service said.
"""


class Payload:
    """What a hostile pickle does when loaded: create a file (a stand-in for any code)."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (open, (str(self.marker), "w"))


def git(*args: str) -> None:
    subprocess.run(["git", *args], check=True, capture_output=True)


@pytest.fixture()
def pull_request(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository whose pull request adds a contradicting article, does not rerun factcheck, and
    commits a `.factcheck-cache/` with a hostile pickle and entries giving the article no claims."""
    root = tmp_path / "newsroom"
    (root / "sources").mkdir(parents=True)
    monkeypatch.chdir(root)
    git("init", "-q")
    (root / "sources" / "alpha.txt").write_text(ALPHA, encoding="utf-8")
    (root / "sources" / "beta.txt").write_text(BETA, encoding="utf-8")
    assert CliRunner().invoke(cli, ["run", "sources", "-q", "--no-cache"]).exit_code == 0
    (root / "sources" / "new.txt").write_text(NEW, encoding="utf-8")
    marker = tmp_path / "pwned"
    hostile = pickle.dumps(Payload(marker))
    committed = root / cache_mod.DEFAULT_DIR
    key = cache_mod.source_key(sources_mod.read_source(root / "sources" / "new.txt")[0])
    empty = cache_mod.Extracted((), frozenset())
    for layout in (1, cache_mod.LAYOUT):  # the old pickle layout and today's
        (committed / f"v{layout}" / key[:2]).mkdir(parents=True)
        (committed / f"v{layout}-snapshot.pkl").write_bytes(hostile)
        (committed / f"v{layout}" / key[:2] / f"{key}.pkl").write_bytes(pickle.dumps(empty))
    forged = cache_codec.dumps("source", key, cache_mod.code_fingerprint(), empty, secrets.token_bytes(32))
    (committed / f"v{cache_mod.LAYOUT}" / key[:2] / f"{key}.json").write_bytes(forged)
    (committed / incremental.SNAPSHOT).write_bytes(hostile)
    return root


def _check(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["check", "sources", *args])
    return result.exit_code, result.output


def test_a_committed_cache_runs_nothing_and_hides_nothing(pull_request: Path) -> None:
    expected = _check("--no-cache")
    assert expected[0] == 1 and "out of date" in expected[1]
    assert _check() == expected                                   # the default ignores the checkout's cache
    assert _check("--cache-dir", cache_mod.DEFAULT_DIR) == expected  # asked for: its entries do not verify
    assert not (pull_request.parent / "pwned").exists()
    run = CliRunner().invoke(cli, ["run", "sources", "-q", "--cache-dir", cache_mod.DEFAULT_DIR])
    assert run.exit_code == 0 and "Fifteen people" in (pull_request / "claims.csv").read_text(encoding="utf-8")
    assert not (pull_request.parent / "pwned").exists()


def test_in_ci_check_trusts_no_cache_it_did_not_write(pull_request: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache restored into a CI machine (even one signed with its key) is not used by check."""
    folder = cache_mod.default_dir(pull_request)
    assert folder is not None
    key = cache_mod.source_key(sources_mod.read_source(pull_request / "sources" / "new.txt")[0])
    cache_mod.Cache(folder).put(key, cache_mod.Extracted((), frozenset()))  # poisoned, validly signed
    assert _check()[0] == 0  # outside CI this user's own cache is trusted
    monkeypatch.setenv("CI", "true")
    assert _check() == _check("--no-cache")
    assert _check()[0] == 1
    assert _check("--cache-dir", str(folder))[0] == 1


def test_the_cache_lives_outside_the_checkout(pull_request: Path) -> None:
    folder = cache_mod.default_dir(pull_request / "sources")
    assert folder == cache_mod.default_dir(pull_request)  # keyed by the checkout, not the folder asked
    assert folder is not None and not cache_mod.is_inside(folder, pull_request)
    assert folder.is_relative_to(cache_codec.user_root())


def test_entries_are_data_and_verified(tmp_path: Path) -> None:
    store = cache_mod.Cache(tmp_path)
    source = sources_mod.read_source(_write(tmp_path / "a.txt", ALPHA))[0]
    other = sources_mod.read_source(_write(tmp_path / "b.txt", BETA))[0]
    from factcheck import pipeline

    claims = tuple(pipeline.analyse([source]).claims)
    key = cache_mod.source_key(source)
    store.put(key, cache_mod.Extracted(claims, frozenset({"bridge"})))
    entry = next(tmp_path.rglob(f"{key}.json")).read_bytes()
    assert entry.startswith(b"factcheck-cache 2 ") and b"pickle" not in entry
    assert store.get(key, source) == cache_mod.Extracted(claims, frozenset({"bridge"}))
    assert store.get(key, other) is None                     # claims of another source
    assert cache_mod.Cache(tmp_path, secrets.token_bytes(32)).get(key) is None  # another user's key
    other_key = cache_mod.source_key(other)
    (tmp_path / f"v{cache_mod.LAYOUT}" / other_key[:2]).mkdir(parents=True, exist_ok=True)
    (tmp_path / f"v{cache_mod.LAYOUT}" / other_key[:2] / f"{other_key}.json").write_bytes(entry)
    assert store.get(other_key) is None                      # renamed to another key
    assert store.get_block(key) is None                      # of another kind


def test_no_pickle_in_the_package() -> None:
    package = Path(cache_mod.__file__).parent.parent
    assert [p.name for p in package.rglob("*.py") if "import pickle" in p.read_text(encoding="utf-8")] == []


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.skipif(not hasattr(__import__("os"), "getuid"), reason="POSIX permissions")
def test_a_readable_secret_is_not_trusted(tmp_path: Path) -> None:
    """A key others can read could sign entries for them: it is replaced by one for this process only."""
    key = "ab" * 32
    cache_mod.Cache(tmp_path).put(key, cache_mod.Extracted((), frozenset()))
    assert cache_mod.Cache(tmp_path).get(key) is not None
    secret = cache_codec.user_root() / cache_codec.SECRET_FILE
    assert secret.stat().st_mode & 0o777 == 0o600
    secret.chmod(0o644)
    cache_codec._SECRETS.clear()
    assert cache_mod.Cache(tmp_path).get(key) is None

"""Issue 10, item 2: no write through a link, no read through a link leaving the sources folder."""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.outputs import extracted, review, table
from factcheck.cli import cli
from factcheck.errors import OutputError

pytestmark = pytest.mark.skipif(os.name != "posix", reason="symbolic links and FIFOs as on POSIX")

GOOD = "The council approved the new bridge on Monday, the mayor said.\n"


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args))


def errors(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [line for line in result.output.splitlines() if line.startswith("Error:")]


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "outside").mkdir()
    return tmp_path


def test_a_linked_extracted_folder_is_refused(project: Path) -> None:
    (project / "src" / "feed.json").write_text(json.dumps({"id": "evil", "text": GOOD}), encoding="utf-8")
    (project / "out").mkdir()
    (project / "out" / extracted.FOLDER).symlink_to(project / "outside", target_is_directory=True)
    result = invoke("run", str(project / "src"), "--out", str(project / "out" / "claims.csv"), "--no-cache")
    assert result.exit_code == 1
    assert errors(result) == [f"Error: {project / 'out' / extracted.FOLDER} is a symbolic link: factcheck will not "
                              "write through it (remove it and run again)"]
    assert list((project / "outside").iterdir()) == []
    assert not (project / "out" / "claims.csv").exists()


def test_a_dangling_lock_link_creates_nothing(project: Path) -> None:
    target = project / "outside" / "planted"
    (project / "review.csv.lock").symlink_to(target)
    with pytest.raises(OutputError) as caught:
        with review.locked(project / "review.csv"):
            pass
    assert str(caught.value) == (f"{project / 'review.csv.lock'} is a symbolic link: factcheck will not write "
                                 "through it (remove it and try again)")
    assert not target.exists()


def test_a_dangling_link_in_the_cache_creates_nothing(project: Path) -> None:
    cache = project / "cache"
    cache.mkdir()
    target = project / "outside" / "planted"
    (cache / ".gitignore").symlink_to(target)
    (cache / "v2").symlink_to(project / "outside", target_is_directory=True)
    result = invoke("run", str(project / "src"), "--out", str(project / "claims.csv"), "--cache-dir", str(cache))
    assert result.exit_code == 0, result.output
    assert list((project / "outside").iterdir()) == []


def test_a_link_leaving_the_sources_folder_is_refused(project: Path) -> None:
    secret = project / "outside" / "secret.txt"
    secret.write_text("The private key of the server is hunter2, the admin said on Monday.\n", encoding="utf-8")
    (project / "src" / "leak.txt").symlink_to(secret)
    inside = project / "src" / "sub"
    inside.mkdir()
    (inside / "b.txt").write_text(GOOD.replace("Monday", "Tuesday"), encoding="utf-8")
    (project / "src" / "b.txt").symlink_to(inside / "b.txt")  # a link inside the folder is fine
    out = project / "claims.csv"
    result = invoke("run", str(project / "src"), "--out", str(out), "--no-cache")
    assert result.exit_code == 3
    assert errors(result) == [f"Error: {project / 'src' / 'leak.txt'}: symbolic link to a file outside the folder, "
                              "not followed (use --follow-links to read it)"]
    assert not out.exists()
    result = invoke("run", str(project / "src"), "--out", str(out), "--no-cache", "--follow-links")
    assert result.exit_code == 0, result.output
    assert "hunter2" in out.read_text(encoding="utf-8")


def test_dangling_links_loops_and_fifos_each_get_one_line(project: Path) -> None:
    src = project / "src"
    (src / "gone.txt").symlink_to(project / "nowhere.txt")
    (src / "loop.txt").symlink_to(src / "loop.txt")
    os.mkfifo(src / "pipe.txt")
    result = invoke("run", str(src), "--out", str(project / "claims.csv"), "--no-cache", "--skip-bad")
    assert result.exit_code == 3
    assert errors(result) == [
        f"Error: {src / 'gone.txt'}: dangling symbolic link (its target does not exist)",
        f"Error: {src / 'loop.txt'}: symbolic link loop",
        f"Error: {src / 'pipe.txt'}: not a regular file (a FIFO)",
    ]
    result = invoke("run", str(src), "--out", str(project / "claims.csv"), "--no-cache")
    assert result.exit_code == 3
    assert errors(result) == [f"Error: {src / 'gone.txt'}: dangling symbolic link (its target does not exist) "
                              "(and 2 more bad files)"]


def test_extracted_names_are_unique_by_construction(project: Path) -> None:
    old_name = "a_b-" + hashlib.sha1(b"a/b").hexdigest()[:8]  # what an id "a/b" used to be saved as
    feed = project / "src" / "feed.jsonl"
    ids = ["a/b", old_name, "a%2Fb", "A/b", ".hidden", "x" * 300, "x" * 299 + "y"]
    feed.write_text("".join(json.dumps({"id": i, "text": f"Story {n}: " + GOOD}) + "\n" for n, i in enumerate(ids)),
                    encoding="utf-8")
    out = project / "claims.csv"
    result = invoke("run", str(project / "src"), "--out", str(out), "--no-cache")
    assert result.exit_code == 0, result.output
    frame = table.read(out)
    files = dict(zip(frame["source"], frame["text_file"]))
    assert len(set(files.values()) - {""}) == len(ids)
    for n, source_id in enumerate(ids):
        assert extracted.read(out, files[source_id]).startswith(f"Story {n}: ")
    assert files["a/b"].startswith(".factcheck-extracted/a%2Fb~")


def test_a_linked_sources_folder_is_refused(project: Path) -> None:
    """A pull request can commit `sources` as a link to any folder on the CI machine."""
    secret = project / "outside" / "secret.txt"
    secret.write_text("The private key of the server is hunter2, the admin said on Monday.\n", encoding="utf-8")
    (project / "repo" / "data").mkdir(parents=True)
    linked = project / "repo" / "linked"
    linked.symlink_to(project / "outside", target_is_directory=True)
    out = project / "claims.csv"
    result = invoke("run", str(linked), "--out", str(out), "--no-cache")
    assert result.exit_code == 3
    assert errors(result) == [f"Error: {linked}: symbolic link to a folder elsewhere, not followed "
                              "(use --follow-links to read it)"]
    assert invoke("run", str(linked), "--out", str(out), "--no-cache", "--follow-links").exit_code == 0  # a link to a folder beside it is the project's own
    (project / "repo" / "data" / "a.txt").write_text(GOOD, encoding="utf-8")
    (project / "repo" / "sources").symlink_to("data", target_is_directory=True)
    assert invoke("run", str(project / "repo" / "sources"), "--out", str(out), "--no-cache").exit_code == 0

"""The incremental table (factcheck/scale/incremental.py): the snapshot and per-story rows give the
bytes of a cold `--no-cache` run, notice every changed file, and can be deleted at any time."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.scale import incremental, parallel
from factcheck import pipeline
from factcheck.outputs import review, table
from factcheck.inputs import sources as sources_mod
from factcheck.cli import cli

from test_scale import _counting, _counting_blocks, _generate

ROOT = Path(__file__).resolve().parents[1]
HOUR_AGO = 3600 * 10**9


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _generate(tmp_path_factory.mktemp("incremental"), 60)


def _aged(folder: Path) -> Path:
    """Files last modified an hour ago: old enough for the snapshot to trust their stat."""
    for path in folder.iterdir():
        stat = path.stat()
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns - HOUR_AGO))
    return folder


def _copy(corpus: Path, tmp_path: Path) -> Path:
    sources = tmp_path / "sources"
    shutil.copytree(corpus, sources)
    return _aged(sources)


def _run(sources: Path, out: Path, *options: str) -> str:
    result = CliRunner().invoke(cli, ["run", str(sources), "--out", str(out), "-q", "--jobs", "1", *options])
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def _counting_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    original = sources_mod.read_source

    def counted(path, **options):  # type: ignore[no-untyped-def]
        seen.append(Path(path).name)
        return original(path, **options)

    monkeypatch.setattr(sources_mod, "read_source", counted)
    return seen


def test_text_equals_the_frame_path(corpus: Path, tmp_path: Path) -> None:
    """Blocked (60 articles), one story (the founding articles) and with review decisions."""
    for folder in (corpus, ROOT / "sources"):
        frame = pipeline.run([folder]).frame
        built = incremental.table_of([folder], tmp_path / folder.name)
        assert built.text() == table.to_csv_text(frame)
        decisions = review.load(ROOT / "review.csv")
        assert built.annotated(decisions) == table.to_csv_text(review.annotate(frame, decisions))
        assert built.annotated([]) == table.to_csv_text(review.annotate(frame, []))
        assert review.discrepancies(built.conflict_frame) == review.discrepancies(frame)
        warm = incremental.table_of([folder], tmp_path / folder.name)
        assert warm.text() == built.text()


def test_warm_run_reads_extracts_and_matches_nothing(corpus: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    sources = _copy(corpus, tmp_path)
    cold = _run(sources, tmp_path / "cold.csv", "--no-cache")
    cache_dir = tmp_path / "cache"
    assert _run(sources, tmp_path / "first.csv", "--cache-dir", str(cache_dir)) == cold
    assert (cache_dir / incremental.SNAPSHOT).exists()
    reads, seen, blocks = _counting_reads(monkeypatch), _counting(monkeypatch), _counting_blocks(monkeypatch)
    assert _run(sources, tmp_path / "warm.csv", "--cache-dir", str(cache_dir)) == cold
    assert reads == [] and seen == [] and blocks == []


def test_a_changed_or_added_file_is_read_again(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sources = _copy(corpus, tmp_path)
    cache_dir = tmp_path / "cache"
    _run(sources, tmp_path / "a.csv", "--cache-dir", str(cache_dir))
    victim = sorted(sources.iterdir())[5]
    text = victim.read_text(encoding="utf-8")
    victim.write_text(text.replace("\n", "\nA new paragraph was added.\n", 1), encoding="utf-8")
    new = sources / "zz_new.txt"
    new.write_text(sorted(sources.iterdir())[0].read_text(encoding="utf-8") + "\nAn update followed.\n",
                   encoding="utf-8")
    reads, seen = _counting_reads(monkeypatch), _counting(monkeypatch)
    warm = _run(sources, tmp_path / "b.csv", "--cache-dir", str(cache_dir))
    assert sorted(reads) == sorted([victim.name, new.name])
    assert sorted(seen) == sorted([victim.stem, new.stem])
    assert warm == _run(sources, tmp_path / "c.csv", "--no-cache")
    assert "A new paragraph was added" in warm and "zz_new" in warm
    # a removed file leaves its rows
    new.unlink()
    assert _run(sources, tmp_path / "d.csv", "--cache-dir", str(cache_dir)) == _run(sources, tmp_path / "e.csv",
                                                                                     "--no-cache")


def test_a_file_changed_just_after_it_was_read_is_not_trusted(corpus: Path, tmp_path: Path) -> None:
    """Same size, same mtime (a coarse clock): the snapshot did not keep the file, so the edit shows."""
    sources = tmp_path / "sources"
    shutil.copytree(corpus, sources)
    for path in sources.iterdir():
        os.utime(path)  # modified just now
    cache_dir = tmp_path / "cache"
    _run(sources, tmp_path / "a.csv", "--cache-dir", str(cache_dir))
    victim = sorted(sources.iterdir())[2]
    before = victim.stat()
    text = victim.read_text(encoding="utf-8")
    changed = text.replace("the", "THE", 1)
    assert changed != text and len(changed) == len(text)
    victim.write_text(changed, encoding="utf-8")
    os.utime(victim, ns=(before.st_atime_ns, before.st_mtime_ns))
    warm = _run(sources, tmp_path / "b.csv", "--cache-dir", str(cache_dir))
    assert warm == _run(sources, tmp_path / "c.csv", "--no-cache")


def test_deleting_or_corrupting_the_snapshot_is_harmless(corpus: Path, tmp_path: Path) -> None:
    sources = _copy(corpus, tmp_path)
    cold = _run(sources, tmp_path / "cold.csv", "--no-cache")
    cache_dir = tmp_path / "cache"
    _run(sources, tmp_path / "a.csv", "--cache-dir", str(cache_dir))
    snapshot = cache_dir / incremental.SNAPSHOT
    snapshot.unlink()
    assert _run(sources, tmp_path / "b.csv", "--cache-dir", str(cache_dir)) == cold
    snapshot.write_bytes(snapshot.read_bytes()[:100])
    assert _run(sources, tmp_path / "c.csv", "--cache-dir", str(cache_dir)) == cold
    shutil.rmtree(cache_dir)
    assert _run(sources, tmp_path / "d.csv", "--cache-dir", str(cache_dir)) == cold


def test_snapshot_of_other_code_is_ignored(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck.scale import cache as cache_mod

    sources = _copy(corpus, tmp_path)
    cache_dir = tmp_path / "cache"
    cold = _run(sources, tmp_path / "a.csv", "--cache-dir", str(cache_dir))
    monkeypatch.setattr(cache_mod, "code_fingerprint", lambda: "other code")
    assert incremental.Snapshot(cache_dir).stories == {}
    reads = _counting_reads(monkeypatch)
    assert _run(sources, tmp_path / "b.csv", "--cache-dir", str(cache_dir)) == cold
    assert len(reads) == len(list(sources.iterdir()))


def test_check_on_a_warm_cache_and_on_a_stale_table(corpus: Path, tmp_path: Path) -> None:
    sources = _copy(corpus, tmp_path)
    out = tmp_path / "claims.csv"
    _run(sources, out)
    runner = CliRunner()
    warm = runner.invoke(cli, ["check", str(sources), "--claims", str(out), "--jobs", "1"])
    cold = runner.invoke(cli, ["check", str(sources), "--claims", str(out), "--no-cache"])
    assert warm.output == cold.output and warm.exit_code == cold.exit_code
    assert "out of date" not in warm.output
    new = sources / "zz_new.txt"
    new.write_text(sorted(sources.iterdir())[0].read_text(encoding="utf-8").replace("\n", "\nIt was later said "
                   "that 90 people were hurt.\n", 1), encoding="utf-8")
    warm = runner.invoke(cli, ["check", str(sources), "--claims", str(out), "--jobs", "1"])
    cold = runner.invoke(cli, ["check", str(sources), "--claims", str(out), "--no-cache"])
    assert "out of date" in warm.output and "zz_new" in warm.output
    assert warm.output == cold.output and warm.exit_code == cold.exit_code == 1


def test_text_diff_equals_the_frame_diff(corpus: Path, tmp_path: Path) -> None:
    """check's quick comparison of the two files gives the stale flag and diff the frames give."""
    from factcheck.outputs import check as check_mod

    fresh = table.to_csv_text(pipeline.run([corpus]).frame)
    lines = fresh.splitlines(keepends=True)
    conflicting = next(n for n, line in enumerate(lines) if ",conflicting," in line)
    edits = {
        "same": fresh,
        "crlf": fresh.replace("\n", "\r\n"),
        "row removed": "".join(lines[:5] + lines[6:]),
        "conflict removed": "".join(lines[:conflicting] + lines[conflicting + 1:]),
        "label changed": fresh.replace(",agreeing,", ",single-source,", 3),
        "text changed": fresh.replace("people", "persons", 2),
        "rows swapped": "".join(lines[:3] + [lines[4], lines[3]] + lines[5:]),
        "review filled": fresh.replace(",,file,", ",open:abc,file,", 2),
        "start with a zero": "".join(lines[:7] + [_zero_start(lines[7])] + lines[8:]),
    }
    fresh_frame = incremental.parse(fresh)
    for name, committed in edits.items():
        path = tmp_path / f"{name}.csv"
        path.write_bytes(committed.encode("utf-8"))
        quick = check_mod.text_diff(committed.encode("utf-8"), fresh)
        assert quick is not None, name
        old = table.read(path)
        stale = check_mod._serialise(old) != check_mod._serialise(fresh_frame)
        expected = check_mod.diff_tables(old, fresh_frame) if stale else check_mod.TableDiff()
        assert quick == (stale, expected), name
    assert check_mod.text_diff(b"claim_id,source\nx,y\n", fresh) is None  # other columns: the frames decide
    assert check_mod.text_diff(fresh.replace(",agreeing,", ",maybe,", 1).encode(), fresh) is None


def _zero_start(line: str) -> str:
    claim_id, source, start, rest = line.split(",", 3)
    return ",".join([claim_id, source, "0" + start, rest])


def test_run_summary_is_the_same_with_and_without_the_cache(corpus: Path, tmp_path: Path) -> None:
    sources = _copy(corpus, tmp_path)
    runner = CliRunner()
    outputs = []
    for options in (["--no-cache"], ["--cache-dir", str(tmp_path / "cache")], ["--cache-dir", str(tmp_path / "cache")]):
        result = runner.invoke(cli, ["run", str(sources), "--out", str(tmp_path / "claims.csv"), "--jobs", "1",
                                     *options])
        assert result.exit_code == 0, result.output
        outputs.append(result.output)
    assert outputs[0] == outputs[1] == outputs[2]
    assert "conflicts (" in outputs[0]

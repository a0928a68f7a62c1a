"""The shortcuts of the one-new-article path (factcheck/scale/snapshot.py, parallel.ModelWorker,
parse.located_meta): each must give the bytes of a `--no-cache` run, never a stale table."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.judgement import parse
from factcheck.scale import incremental, parallel, snapshot

from test_incremental import _copy, _counting_reads, _run
from test_scale import _counting, _generate

ROOT = Path(__file__).resolve().parents[1]
HOUR_AGO = 3600 * 10**9


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _generate(tmp_path_factory.mktemp("delta"), 60)


def _aged_write(path: Path, text: str) -> None:
    """Write `text`, dated an hour ago (so the snapshot may keep the file's stat)."""
    path.write_text(text, encoding="utf-8")
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns - HOUR_AGO))


def test_the_model_is_identified_without_loading_it_as_loading_it_does() -> None:
    meta = parse.located_meta(parse.model_name())
    assert meta is not None
    loaded = parse.nlp().meta
    assert parse.model_identity() == f"{loaded['lang']}_{loaded['name']} {loaded['version']}"


@pytest.mark.parametrize("name", ["no_such_model", "blank:en"])
def test_no_meta_is_located_for_what_is_no_installed_model(name: str) -> None:
    assert parse.located_meta(name) is None


def test_a_warm_run_never_imports_spacy(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    _aged_write(sources / "a.txt", "Norway signed the accord on Monday, officials said.\n")
    _aged_write(sources / "b.txt", "Norway signed the accord on Tuesday, the ministry said.\n")
    cold = incremental.table_of([sources], tmp_path / "cache").text()
    code = ("import sys\nfrom factcheck.scale import incremental\n"
            f"text = incremental.table_of([{str(sources)!r}], {str(tmp_path / 'cache')!r}, jobs=2).text()\n"
            "print('spacy' in sys.modules)\nsys.stdout.write(text)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    imported, _, text = done.stdout.partition("\n")
    assert (imported, text) == ("False", cold)


def test_a_new_article_writes_a_delta_and_every_later_change_shows(corpus: Path, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    sources = _copy(corpus, tmp_path)
    cache_dir = tmp_path / "cache"
    _run(sources, tmp_path / "a.csv", "--cache-dir", str(cache_dir))
    base = (cache_dir / snapshot.SNAPSHOT).read_bytes()
    assert not (cache_dir / snapshot.DELTA).exists()
    first = sorted(sources.iterdir())[0]
    new = sources / "zz_new.txt"
    _aged_write(new, first.read_text(encoding="utf-8").replace("\n", "\nAn update was published later.\n", 1))
    added = _run(sources, tmp_path / "b.csv", "--cache-dir", str(cache_dir))
    assert added == _run(sources, tmp_path / "b0.csv", "--no-cache") and "zz_new" in added
    assert (cache_dir / snapshot.SNAPSHOT).read_bytes() == base  # the base is not rewritten
    assert (cache_dir / snapshot.DELTA).stat().st_size < len(base) / 4  # one story of ~12
    # the delta answers the next run: nothing read, extracted or matched
    reads, seen = _counting_reads(monkeypatch), _counting(monkeypatch)
    assert _run(sources, tmp_path / "c.csv", "--cache-dir", str(cache_dir)) == added
    assert reads == [] and seen == []
    monkeypatch.undo()
    # the new article edited, then an old one removed: rows from the delta would be stale
    _aged_write(new, new.read_text(encoding="utf-8").replace("An update was published later.",
                                                             "A later update gave another count."))
    edited = _run(sources, tmp_path / "d.csv", "--cache-dir", str(cache_dir))
    assert edited == _run(sources, tmp_path / "d0.csv", "--no-cache") and edited != added
    first.unlink()
    removed = _run(sources, tmp_path / "e.csv", "--cache-dir", str(cache_dir))
    assert removed == _run(sources, tmp_path / "e0.csv", "--no-cache")


def test_a_large_delta_is_folded_into_a_new_base(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sources = _copy(corpus, tmp_path)
    cache_dir = tmp_path / "cache"
    _run(sources, tmp_path / "a.csv", "--cache-dir", str(cache_dir))
    base = (cache_dir / snapshot.SNAPSHOT).read_bytes()
    monkeypatch.setattr(snapshot, "DELTA_SHARE", 0.0)
    _aged_write(sources / "zz_new.txt", "Norway signed the accord on Monday, officials said.\n")
    assert _run(sources, tmp_path / "b.csv", "--cache-dir", str(cache_dir)) == _run(sources, tmp_path / "b0.csv",
                                                                                     "--no-cache")
    assert (cache_dir / snapshot.SNAPSHOT).read_bytes() != base
    assert not (cache_dir / snapshot.DELTA).exists()


def test_a_delta_without_its_base_is_not_trusted(corpus: Path, tmp_path: Path) -> None:
    sources = _copy(corpus, tmp_path)
    cache_dir = tmp_path / "cache"
    _run(sources, tmp_path / "a.csv", "--cache-dir", str(cache_dir))
    _aged_write(sources / "zz_new.txt", "Norway signed the accord on Monday, officials said.\n")
    _run(sources, tmp_path / "b.csv", "--cache-dir", str(cache_dir))
    (cache_dir / snapshot.SNAPSHOT).unlink()
    assert snapshot.Snapshot(cache_dir).stories == {}
    assert _run(sources, tmp_path / "c.csv", "--cache-dir", str(cache_dir)) == _run(sources, tmp_path / "c0.csv",
                                                                                     "--no-cache")


@pytest.mark.parametrize("worker_fails", [False, True])
def test_new_articles_parsed_by_the_model_worker_give_the_same_table(corpus: Path, tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch,
                                                                     worker_fails: bool) -> None:
    """The worker (forked: it sees these patches) extracts the new article; a worker that fails
    leaves the extraction to the run itself."""
    sources = _copy(corpus, tmp_path)
    cache_dir = tmp_path / "cache"
    _run(sources, tmp_path / "a.csv", "--cache-dir", str(cache_dir))
    _aged_write(sources / "zz_new.txt", sorted(sources.iterdir())[3].read_text(encoding="utf-8")
                + "\nThe toll rose to 41 on Friday.\n")
    monkeypatch.setattr(parse, "model_loaded", lambda: False)  # as in a fresh `factcheck run`
    started = []
    original_start = parallel.ModelWorker.start.__func__  # type: ignore[attr-defined]

    def start(cls, jobs: int):  # type: ignore[no-untyped-def]
        worker = original_start(cls, jobs)
        started.append(worker)
        return worker

    monkeypatch.setattr(parallel.ModelWorker, "start", classmethod(start))
    if worker_fails:
        parent, extract = os.getpid(), parallel.extract_source

        def failing(source):  # type: ignore[no-untyped-def]
            if os.getpid() != parent:
                raise RuntimeError("worker failed")
            return extract(source)

        monkeypatch.setattr(parallel, "extract_source", failing)
    text = incremental.table_of([sources], cache_dir, jobs=2).text()
    assert text == _run(sources, tmp_path / "b0.csv", "--no-cache")
    if parallel.default_jobs() >= 2:
        assert started and started[0] is not None

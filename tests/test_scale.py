"""Scale features (issue #5): the same claims table whatever the jobs, engine or cache."""
from __future__ import annotations

import importlib.util
import io
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.scale import cache as cache_mod
from factcheck.judgement import match as match_mod
from factcheck.scale import stories as stories_mod
from factcheck.scale import incremental, parallel, progress
from factcheck import pipeline
from factcheck.judgement import reprints
from factcheck.outputs import table
from factcheck.cli import cli

ROOT = Path(__file__).resolve().parents[1]


def _generate(folder: Path, articles: int) -> Path:
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "bench" / "generate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_generate"] = module
    spec.loader.exec_module(module)
    module.generate(folder, articles, seed=3)
    return folder / "sources"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """60 articles on about a dozen stories: enough for story blocking and a process pool."""
    return _generate(tmp_path_factory.mktemp("corpus"), 60)


def _run(sources: Path, out: Path, *options: str) -> str:
    result = CliRunner().invoke(cli, ["run", str(sources), "--out", str(out), "-q", *options])
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def test_jobs_do_not_change_the_table(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "POOL_MIN_SOURCES", 2)  # make sure the pool really runs
    one = _run(corpus, tmp_path / "one.csv", "--jobs", "1", "--no-cache")
    two = _run(corpus, tmp_path / "two.csv", "--jobs", "2", "--no-cache")
    assert one == two
    assert table.to_csv_text(pipeline.run([corpus]).frame) == one  # the API default: same table


def test_dask_engine_is_byte_identical(corpus: Path, tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    local = _run(corpus, tmp_path / "local.csv", "--jobs", "1", "--no-cache")
    dask = _run(corpus, tmp_path / "dask.csv", "--engine", "dask", "--jobs", "2", "--no-cache")
    assert dask == local


def test_dask_engine_on_an_existing_cluster(corpus: Path, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    local = _run(corpus, tmp_path / "local.csv", "--no-cache")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        found = _run(corpus, tmp_path / "remote.csv", "--engine", "dask", "--scheduler", cluster.scheduler_address,
                     "--no-cache")
    assert found == local


def test_scheduler_needs_the_dask_engine(corpus: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["run", str(corpus), "--out", str(tmp_path / "c.csv"), "--scheduler", "tcp://x:1"])
    assert result.exit_code == 1
    assert "--engine dask" in result.output


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    original = parallel.extract_source

    def counted(source):  # type: ignore[no-untyped-def]
        seen.append(source.id)
        return original(source)

    monkeypatch.setattr(parallel, "extract_source", counted)
    return seen


def test_warm_cache_gives_the_cold_table_and_extracts_nothing(corpus: Path, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    cold = _run(corpus, tmp_path / "cold.csv", "--no-cache", "--jobs", "1")
    cache_dir = tmp_path / "cache"
    first = _run(corpus, tmp_path / "first.csv", "--cache-dir", str(cache_dir), "--jobs", "1")
    seen = _counting(monkeypatch)
    warm = _run(corpus, tmp_path / "warm.csv", "--cache-dir", str(cache_dir), "--jobs", "1")
    assert cold == first == warm
    assert seen == []


def test_a_changed_file_is_the_only_one_extracted_again(corpus: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    sources = tmp_path / "sources"
    shutil.copytree(corpus, sources)
    cache_dir = tmp_path / "cache"
    _run(sources, tmp_path / "a.csv", "--cache-dir", str(cache_dir), "--jobs", "1")
    victim = sorted(sources.iterdir())[3]
    victim.write_text(victim.read_text(encoding="utf-8").replace("\n", "\nA new paragraph was added.\n", 1),
                      encoding="utf-8")
    seen = _counting(monkeypatch)
    warm = _run(sources, tmp_path / "b.csv", "--cache-dir", str(cache_dir), "--jobs", "1")
    assert seen == [victim.stem]
    assert warm == _run(sources, tmp_path / "c.csv", "--no-cache", "--jobs", "1")
    assert "A new paragraph was added" in warm


def test_cache_folder_can_be_deleted_or_corrupted(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "claims.csv"
    cold = _run(corpus, out, "--jobs", "1")
    assert not (tmp_path / cache_mod.DEFAULT_DIR).exists()  # nothing beside --out
    cache_dir = cache_mod.default_dir(tmp_path)  # the default: this checkout's folder in the user cache
    assert cache_dir is not None and not cache_mod.is_inside(cache_dir, tmp_path)
    entries = sorted((cache_dir / f"v{cache_mod.LAYOUT}").rglob("*.json"))
    assert len(entries) == len(list(corpus.iterdir()))
    assert (cache_dir / ".gitignore").exists()
    entries[0].write_bytes(b"not an entry")
    entries[1].write_bytes(entries[1].read_bytes()[:20])
    stories = sorted((cache_dir / f"v{cache_mod.LAYOUT}-stories").rglob("*.json"))
    assert stories
    stories[0].write_bytes(b"not an entry")
    stories[1].write_bytes(entries[2].read_bytes())  # an entry of the wrong kind
    snapshot = cache_dir / incremental.SNAPSHOT  # else the snapshot alone answers the warm run
    assert snapshot.exists()
    snapshot.write_bytes(b"not an entry")
    assert _run(corpus, out, "--jobs", "1") == cold
    assert cache_mod.Cache(cache_dir).get(entries[0].stem) is not None  # rewritten
    shutil.rmtree(cache_dir)
    assert _run(corpus, out, "--jobs", "1") == cold


def test_cache_key_follows_content_and_code(corpus: Path) -> None:
    from factcheck.inputs import sources as sources_mod

    loaded, _ = sources_mod.read_sources([corpus])
    a, b = loaded[0], loaded[1]
    assert cache_mod.source_key(a) == cache_mod.source_key(a)
    assert cache_mod.source_key(a) != cache_mod.source_key(b)
    changed = type(a)(**{**a.__dict__, "text": a.text + " More."})
    assert cache_mod.source_key(changed) != cache_mod.source_key(a)
    cache_mod.code_fingerprint.cache_clear()
    try:
        before = cache_mod.source_key(a)
        cache_mod.code_fingerprint.cache_clear()
        original = cache_mod.__version__
        cache_mod.__version__ = original + "+changed"
        assert cache_mod.source_key(a) != before
    finally:
        cache_mod.__version__ = original
        cache_mod.code_fingerprint.cache_clear()


def test_no_story_links_unrelated_articles(corpus: Path, tmp_path: Path) -> None:
    """Claims of different stories are never matched nor set against each other."""
    import csv

    out = tmp_path / "claims.csv"
    _run(corpus, out, "--no-cache")
    with open(corpus.parent / "stories.csv", encoding="utf-8") as handle:
        story = {r["source"]: r["story"] for r in csv.DictReader(handle)}
    with open(out, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    source_of = {r["claim_id"]: r["source"] for r in rows}
    for r in rows:
        for other in filter(None, (r["conflicts_with"] + ";" + r["agrees_with"]).split(";")):
            assert story[source_of[other]] == story[r["source"]], (r["claim_id"], other)


def test_few_sources_are_one_story() -> None:
    assert stories_mod.stories(["a", "b"], [frozenset({"x"}), frozenset({"y"})], [None, None]) == {"a": 0, "b": 0}


def test_progress_is_hidden_without_a_terminal(corpus: Path, tmp_path: Path) -> None:
    assert not progress.enabled(io.StringIO())
    result = CliRunner().invoke(cli, ["run", str(corpus), "--out", str(tmp_path / "c.csv"), "--no-cache"])
    assert result.exit_code == 0
    assert "\r" not in result.output and "articles" not in (result.stderr if hasattr(result, "stderr") else "")


def test_progress_line_shows_stage_rate_and_time_left() -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Tty()
    assert progress.enabled(stream)
    assert not progress.enabled(stream, quiet=True)
    ticks = iter([0.0, 2.0, 4.0])
    bar = progress.Bar(stream, clock=lambda: next(ticks))
    bar("extract", 0, 100)
    bar("extract", 50, 100)
    bar("extract", 100, 100)
    text = stream.getvalue()
    assert "extract" in text and "50/100 articles" in text and "/s" in text and "s left" in text
    bar.close()
    assert stream.getvalue().endswith("\r")


def _story_ids(texts: dict[str, str]) -> dict[str, int]:
    from datetime import date

    fillers = {f"filler{k}": f"Filler{k} notes: {' '.join(f'word{k}x{j}' for j in range(6))} in Town{k} Square."
               for k in range(12)}
    everything = {**texts, **fillers}
    return stories_mod.stories(list(everything), [stories_mod.story_features(t) for t in everything.values()],
                               [date(2024, 3, 27)] * len(everything))


def test_two_cases_at_one_court_are_two_stories() -> None:
    """One shared venue and charge do not make one story when each names its own defendant and judge."""
    found = _story_ids({
        "lopes-1": "The Ibadan High Court sentenced Gita Lopes to five years in prison for bribery on Monday. "
                   "Judge Mateo Nakamura said the evidence was overwhelming.",
        "lopes-2": "Gita Lopes was jailed for five years by the Ibadan High Court for bribery. "
                   "\"The harm done was considerable,\" Judge Mateo Nakamura said.",
        "novak-1": "The Ibadan High Court sentenced Diego Novak to seven years in prison for bribery on Tuesday. "
                   "Judge Adele Cruz said the evidence was overwhelming.",
        "novak-2": "Diego Novak was jailed for seven years by the Ibadan High Court for bribery, and "
                   "Judge Adele Cruz imposed a fine. Prosecutor Lena Okafor welcomed the sentence.",
    })
    assert found["lopes-1"] == found["lopes-2"]
    assert found["novak-1"] == found["novak-2"]  # an outlet quoting one more person stays in its story
    assert found["lopes-1"] != found["novak-1"]


def _counting_blocks(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, ...]]:
    seen: list[tuple[str, ...]] = []
    original = parallel.compare_block

    def counted(claims):  # type: ignore[no-untyped-def]
        seen.append(tuple(dict.fromkeys(c.source for c in claims)))
        return original(claims)

    monkeypatch.setattr(parallel, "compare_block", counted)
    return seen


def test_story_cache_gives_the_cold_table_and_matches_nothing_warm(corpus: Path, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    cold = _run(corpus, tmp_path / "cold.csv", "--no-cache", "--jobs", "1")
    cache_dir = tmp_path / "cache"
    _run(corpus, tmp_path / "first.csv", "--cache-dir", str(cache_dir), "--jobs", "1")
    seen = _counting_blocks(monkeypatch)
    assert _run(corpus, tmp_path / "warm.csv", "--cache-dir", str(cache_dir), "--jobs", "1") == cold
    assert seen == []


def test_a_new_article_rematches_only_its_story(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sources = tmp_path / "sources"
    shutil.copytree(corpus, sources)
    cache_dir = tmp_path / "cache"
    _run(sources, tmp_path / "a.csv", "--cache-dir", str(cache_dir), "--jobs", "1")
    first = sorted(sources.iterdir())[0]
    new = sources / "zz_new.txt"
    new.write_text(first.read_text(encoding="utf-8").replace("\n", "\nAn update was published later.\n", 1),
                   encoding="utf-8")
    seen = _counting_blocks(monkeypatch)
    warm = _run(sources, tmp_path / "b.csv", "--cache-dir", str(cache_dir), "--jobs", "1")
    assert len(seen) == 1 and "zz_new" in seen[0] and first.stem in seen[0]
    assert warm == _run(sources, tmp_path / "c.csv", "--no-cache", "--jobs", "1")
    # editing an article of that story again invalidates its entry, and only its
    seen.clear()
    new.write_text(new.read_text(encoding="utf-8") + "\nThe ministry said 40 people were hurt.\n", encoding="utf-8")
    warm = _run(sources, tmp_path / "d.csv", "--cache-dir", str(cache_dir), "--jobs", "1")
    assert len(seen) == 1 and "zz_new" in seen[0]
    assert warm == _run(sources, tmp_path / "e.csv", "--no-cache", "--jobs", "1")


def test_blockwise_comparison_equals_the_whole_archive_comparison(corpus: Path) -> None:
    """Matches and conflicts assembled from per-story results are those of match.match + find_conflicts."""
    from factcheck.judgement import compare as compare_mod
    from factcheck.judgement import timeline

    result = pipeline.run([corpus])
    story_of = stories_mod.stories([s.id for s in result.sources],
                                   [stories_mod.story_features(s.text) for s in result.sources],
                                   [s.published for s in result.sources])
    matching = match_mod.match(result.claims, story_of)
    family = reprints.family_of(reprints.families(result.sources, story_of))  # copies are one witness
    # the timeline stage then takes the updates and missed forecasts out of the conflicts
    unfolded = timeline.split(result.claims, {s.id: s for s in result.sources},
                              reprints.drop_echoes(result.claims, compare_mod.find_conflicts(result.claims, matching),
                                                   family))
    assert list(unfolded.conflicts) == list(result.conflicts) and unfolded.changes == result.changes
    assert timeline.annotate(compare_mod.label(result.claims, matching, list(unfolded.conflicts), family),
                             result.claims, unfolded) == list(result.verdicts)


def test_check_uses_the_cache_run_left(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "claims.csv"
    _run(corpus, out, "--jobs", "1")  # leaves this checkout's cache in the user cache
    seen, blocks = _counting(monkeypatch), _counting_blocks(monkeypatch)
    result = CliRunner().invoke(cli, ["check", str(corpus), "--claims", str(out), "--jobs", "1"])
    assert "out of date" not in result.output
    assert seen == [] and blocks == []
    fresh = CliRunner().invoke(cli, ["check", str(corpus), "--claims", str(out), "--no-cache"])
    assert fresh.output == result.output and fresh.exit_code == result.exit_code

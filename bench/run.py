#!/usr/bin/env python3
"""Scale benchmark: time `factcheck run` end to end on generated archives.

    python bench/run.py [--sizes 1000,2000,5000,10000] [--repeat 3] [--jobs 2] [--work /tmp/factcheck-bench]

For each size it generates a corpus (bench/generate.py, seeded) unless
present, runs `python -m factcheck run SOURCES --out claims.csv --no-cache -q`
REPEAT times, and prints the median wall time, articles/s, claims/s and peak
memory (summed over the process and its workers), then the growth of time
with size, what the run reported between different stories (conflicts and
matches: both must be zero), and the recall of the planted discrepancies,
in all and per kind (weekday, count, amount, status: stories found / stories
carrying one, i.e. whose plant another article contradicts; one planted
article per story).
It then times an incremental re-run (warm cache, then one article added) on
the largest corpus, and the founding articles in sources/.
`--recall` also compares the blocked matching with exhaustive matching.
A script, not a unit test: run it on a quiet machine.
"""
from __future__ import annotations

import argparse
import csv
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402


def _tree_rss(pid: int) -> int:
    """Resident memory of a process and all its descendants, in bytes (Linux /proc)."""
    children: dict[int, list[int]] = defaultdict(list)
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            children[int(fields[1])].append(int(entry))
            rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, ValueError, IndexError):
            continue
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        todo.extend(children.get(p, []))
    return total


def timed(cmd: list[str], cwd: Path | None = None, ok: tuple[int, ...] = (0,)) -> tuple[float, int]:
    """Wall seconds and peak tree RSS (bytes) of one command, sampled every 20 ms."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, _tree_rss(proc.pid))
        time.sleep(0.02)
    wall = time.perf_counter() - start
    if proc.returncode not in ok:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {proc.stderr.read().decode()[-2000:]}")
    return wall, peak


def run_cmd(sources: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "factcheck", "run", str(sources), "--out", str(out), "-q", *extra]


def read_rows(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def cross_story(claims: Path, stories: Path, planted: Path) -> dict[str, float]:
    """Conflicts and matches the table reports between different stories; planted recall."""
    story = {r["source"]: r["story"] for r in read_rows(stories)}
    rows = read_rows(claims)
    source_of = {r["claim_id"]: r["source"] for r in rows}
    conflict_pairs, cross_conflicts, cross_agree = set(), 0, 0
    conflicting_sources: dict[str, set[str]] = defaultdict(set)
    groups: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        groups[r["group"]].add(story[r["source"]])
        for other in filter(None, r["conflicts_with"].split(";")):
            pair = tuple(sorted((r["claim_id"], other)))
            if pair in conflict_pairs:
                continue
            conflict_pairs.add(pair)
            if story[source_of[other]] != story[r["source"]]:
                cross_conflicts += 1
            else:   # both sides: a pair is seen once, from whichever row comes first
                conflicting_sources[r["source"]].add(source_of[other])
                conflicting_sources[source_of[other]].add(r["source"])
        for other in filter(None, r["agrees_with"].split(";")):
            if story[source_of[other]] != story[r["source"]]:
                cross_agree += 1
    planted_rows = read_rows(planted)
    caught = sum(1 for p in planted_rows if conflicting_sources.get(p["source"]))
    # a plant is found when its article conflicts with another article of its story (as in the total)
    # a story carries a discrepancy when another article states the fact in words the plant
    # contradicts ("more than 80,000" does not contradict a planted "some 96,000")
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for p in planted_rows:
        if p.get("contradicted_by", "1") == "0":
            by_kind["(no discrepancy)"][1] += 1
            continue
        kind = p.get("kind") or generate.plant_kind(p["fact"])   # corpora written before the kind column
        by_kind[kind][0] += bool(conflicting_sources.get(p["source"]))
        by_kind[kind][1] += 1
    # conflicts inside a story that no planted article takes part in: false alarms
    planted_sources = {p["source"] for p in planted_rows}
    unplanted = sum(1 for a, b in conflict_pairs if story[source_of[a]] == story[source_of[b]]
                    and not {source_of[a], source_of[b]} & planted_sources)
    return {
        "claims": len(rows),
        "unplanted_conflicts": unplanted,
        "conflicts": len(conflict_pairs),
        "cross_conflicts": cross_conflicts,
        "cross_matches": cross_agree // 2,
        "mixed_groups": sum(1 for g in groups.values() if len(g) > 1),
        "planted": len(planted_rows),
        "planted_caught": caught,
        "by_kind": {k: tuple(v) for k, v in sorted(by_kind.items())},
    }


def kind_line(size: int, by_kind: dict[str, tuple[int, int]]) -> str:
    """Recall of the planted discrepancies per kind: found / stories carrying one."""
    return f"{size:>8} planted by kind: " + ", ".join(
        f"{k} {hit}/{n} ({hit / max(1, n):.0%})" for k, (hit, n) in by_kind.items())


def corpus(work: Path, size: int) -> Path:
    folder = work / f"c{size}"
    if not (folder / "stories.csv").exists() or len(list((folder / "sources").glob("*.txt"))) != size:
        generate.generate(folder, size)
    return folder


def recall(folder: Path) -> None:
    """Blocked matching against exhaustive matching on one corpus (in-process)."""
    sys.path.insert(0, str(ROOT))
    from itertools import combinations

    from factcheck.judgement import match as match_mod
    from factcheck.scale import stories as stories_mod
    from factcheck import pipeline
    from factcheck.inputs import sources

    story = {r["source"]: r["story"] for r in read_rows(folder / "stories.csv")}
    loaded, _ = sources.read_sources([folder / "sources"])
    found = [pipeline.parallel.extract_source(s) for s in loaded]
    claims = [c for f in found for c in f.claims]
    story_of = stories_mod.stories([s.id for s in loaded], [f.features for f in found], [s.published for s in loaded])
    ours = {(m.a, m.b) for m in match_mod.match(claims, story_of).pairs}
    # 1. the story clustering against the true stories
    together = total = 0
    by_story: dict[str, list[str]] = defaultdict(list)
    for s in loaded:
        by_story[story[s.id]].append(s.id)
    for members in by_story.values():
        for a, b in combinations(members, 2):
            total += 1
            together += story_of[a] == story_of[b]
    clusters: dict[int, set[str]] = defaultdict(set)
    for sid, k in story_of.items():
        clusters[k].add(story[sid])
    print(f"  story clustering: {len(clusters)} clusters for {len(by_story)} stories; same-story article "
          f"pairs kept together {together}/{total} ({together / total:.1%}); clusters mixing stories "
          f"{sum(1 for v in clusters.values() if len(v) > 1)}")
    # 2. exhaustive: every pair of claims of one true story scored (same_fact, story IDF)
    exhaustive = set()
    grouped: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        grouped[story[c.source]].append(i)
    for idx in grouped.values():
        profiles = [match_mod.profile(claims[i]) for i in idx]
        idf = match_mod.idf_weights(profiles)
        for x, y in combinations(range(len(idx)), 2):
            if match_mod.same_fact(profiles[x], profiles[y], idf):
                exhaustive.add((idx[x], idx[y]))
    hit = len(exhaustive & ours)
    print(f"  claim pairs matched by exhaustive all-pairs scoring within each true story: {len(exhaustive)}; "
          f"found by the blocked run: {hit} (recall {hit / max(1, len(exhaustive)):.1%}); "
          f"blocked pairs across true stories: {sum(1 for a, b in ours if story[claims[a].source] != story[claims[b].source])}")
    # 3. the whole-corpus matcher (one block, global IDF): what it would match across stories
    if len(claims) <= 12000:
        t = time.perf_counter()
        whole = {(m.a, m.b) for m in match_mod.match(claims).pairs}
        same = {p for p in whole if story[claims[p[0]].source] == story[claims[p[1]].source]}
        print(f"  one-block matching of all {len(claims)} claims ({time.perf_counter() - t:.0f}s): "
              f"{len(whole) - len(same)} cross-story pairs; of its {len(same)} same-story pairs the blocked run "
              f"finds {len(same & ours)} ({len(same & ours) / max(1, len(same)):.1%})")


def incremental(folder: Path, repeat: int, jobs: int) -> None:
    """Cold and warm cached runs, then one new article: `run`, and `check` with the cache as it was
    before the article (what CI restores) on a claims.csv that holds it and on one that does not
    (stale: check lists the differences). Medians of `repeat`."""
    sources = folder / "sources"
    cache = folder / "bench-cache"
    shutil.rmtree(cache, ignore_errors=True)
    extra = ["--cache-dir", str(cache), "--jobs", str(jobs)]
    cold, _ = timed(run_cmd(sources, folder / "cached.csv", *extra))
    warm = statistics.median(timed(run_cmd(sources, folder / "cached.csv", *extra))[0] for _ in range(repeat))
    same = (folder / "cached.csv").read_bytes() == (folder / "claims.csv").read_bytes()
    new = sources / "zz_new_article.txt"
    first = sorted(sources.glob("*.txt"))[0]
    work = folder / "bench-cache-copy"
    added, checks, stale, outputs = [], [], [], []
    for _ in range(repeat):
        new.write_text(first.read_text(encoding="utf-8").replace("\n", "\nAn update was published later.\n", 1),
                       encoding="utf-8")
        try:
            shutil.rmtree(work, ignore_errors=True)
            shutil.copytree(cache, work)
            out = folder / "added.csv"
            added.append(timed(run_cmd(sources, out, "--cache-dir", str(work), "--jobs", str(jobs)))[0])
            shutil.rmtree(work, ignore_errors=True)
            shutil.copytree(cache, work)
            checks.append(timed([sys.executable, "-m", "factcheck", "check", str(sources), "--claims", str(out),
                                 "--cache-dir", str(work), "--jobs", str(jobs)], ok=(0, 1))[0])
            outputs.append(out.read_bytes())
            shutil.rmtree(work, ignore_errors=True)
            shutil.copytree(cache, work)
            stale.append(timed([sys.executable, "-m", "factcheck", "check", str(sources), "--claims",
                                str(folder / "cached.csv"), "--cache-dir", str(work), "--jobs", str(jobs)],
                               ok=(1,))[0])
        finally:
            new.unlink()
    shutil.rmtree(work, ignore_errors=True)
    reference = folder / "added-nocache.csv"
    new.write_text(first.read_text(encoding="utf-8").replace("\n", "\nAn update was published later.\n", 1),
                   encoding="utf-8")
    try:
        timed(run_cmd(sources, reference, "--no-cache", "--jobs", str(jobs)))
    finally:
        new.unlink()
    identical = all(o == reference.read_bytes() for o in outputs)
    print(f"\ncache at {len(list(sources.glob('*.txt')))} articles: cold {cold:.1f}s, warm {warm:.1f}s "
          f"(same table as --no-cache: {same}), one article added: run {statistics.median(added):.1f}s "
          f"(same table as --no-cache: {identical}), check {statistics.median(checks):.1f}s, check with "
          f"claims.csv not updated (stale) {statistics.median(stale):.1f}s (runs: "
          f"{', '.join(f'{t:.1f}' for t in added)}; checks: {', '.join(f'{t:.1f}' for t in checks)}; stale: "
          f"{', '.join(f'{t:.1f}' for t in stale)})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,2000,5000,10000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--work", type=Path, default=Path("/tmp/factcheck-bench"))
    parser.add_argument("--recall", action="store_true", help="also measure blocking recall on the smallest size")
    parser.add_argument("--incremental-only", action="store_true",
                        help="only the cached and one-article-added timings on the largest size")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    args.work.mkdir(parents=True, exist_ok=True)
    print(f"machine: {platform.node()} {os.cpu_count()} cores, python {platform.python_version()}, {date.today()}")
    print(f"jobs {args.jobs}, median of {args.repeat} runs, cold (--no-cache)\n")
    print(f"{'articles':>8} {'claims':>8} {'seconds':>8} {'art/s':>7} {'claims/s':>8} {'peak MB':>8} "
          f"{'x-story conflicts':>17} {'x-story matches':>15} {'planted caught':>14}")
    if args.incremental_only:
        folder = corpus(args.work, sizes[-1])
        timed(run_cmd(folder / "sources", folder / "claims.csv", "--no-cache", "--jobs", str(args.jobs)))
        incremental(folder, args.repeat, args.jobs)
        return
    times = {}
    kinds: dict[int, tuple[dict[str, tuple[int, int]], int]] = {}
    for size in sizes:
        folder = corpus(args.work, size)
        out = folder / "claims.csv"
        runs = [timed(run_cmd(folder / "sources", out, "--no-cache", "--jobs", str(args.jobs)))
                for _ in range(args.repeat)]
        wall = statistics.median(r[0] for r in runs)
        peak = max(r[1] for r in runs)
        times[size] = wall
        facts = cross_story(out, folder / "stories.csv", folder / "planted.csv")
        print(f"{size:>8} {facts['claims']:>8} {wall:>8.1f} {size / wall:>7.0f} {facts['claims'] / wall:>8.0f} "
              f"{peak / 2**20:>8.0f} {facts['cross_conflicts']:>17} {facts['cross_matches']:>15} "
              f"{facts['planted_caught']:>6}/{facts['planted']:<7}")
        kinds[size] = (facts["by_kind"], facts["unplanted_conflicts"])
    for size, (by_kind, unplanted) in kinds.items():
        print(f"{kind_line(size, by_kind)}; same-story conflicts without a planted article: {unplanted}")
    if len(sizes) > 1:
        small, large = sizes[0], sizes[-1]
        ratio = times[large] / times[small]
        print(f"\n{large / small:.0f}x the articles took {ratio:.1f}x the time ({small} -> {large})")
    # incremental: warm cache, then one new article (run and check)
    incremental(corpus(args.work, sizes[-1]), args.repeat, args.jobs)
    # the founding articles, default options
    if (ROOT / "sources").is_dir():
        tmp = args.work / "founding"
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir()
        walls = [timed(run_cmd(ROOT / "sources", tmp / "claims.csv"), cwd=ROOT)[0] for _ in range(max(5, args.repeat))]
        print(f"founding articles (sources/, default options): median {statistics.median(walls):.2f}s")
    if args.recall:
        print(f"\nblocking recall on {sizes[0]} articles:")
        recall(corpus(args.work, sizes[0]))


if __name__ == "__main__":
    main()

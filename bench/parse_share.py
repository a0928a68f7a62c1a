"""What the pipeline costs beyond spaCy's own parse, on a generated archive.

    python bench/generate.py /tmp/corpus --articles 500
    python bench/parse_share.py /tmp/corpus/sources

Times, in one process and one core: (1) `nlp.pipe` over every body sentence
of the archive (what parse.py hands the model), (2) the whole pipeline
(`pipeline.run`, jobs=1, no cache), each the median of --repeat runs after a
warm-up, and prints the share of (2) that is not (1). The issue's target: the
rest costs at most half of the parse.
"""
from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from factcheck.judgement import claims, parse
from factcheck import pipeline
from factcheck.inputs import segment, sources
from factcheck.records import SentenceKind


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    loaded, _ = sources.read_sources([args.folder])
    texts = [claims.fold(s.text) for src in loaded for s in segment.segment(src) if s.kind is SentenceKind.BODY]
    words = sum(len(t.split()) for t in texts)
    parse.nlp()

    def parse_only() -> None:
        for _ in parse.parse(texts):
            pass

    def whole() -> None:
        pipeline.run([args.folder], jobs=1, cache_dir=None)

    def median(fn) -> float:
        fn()  # warm-up
        times = []
        for _ in range(args.repeat):
            began = time.perf_counter()
            fn()
            times.append(time.perf_counter() - began)
        return statistics.median(times)

    p, w = median(parse_only), median(whole)
    print(f"{len(loaded)} articles, {len(texts)} sentences, {words} words")
    print(f"parse (nlp.pipe): {p:.2f} s ({words / p:,.0f} words/s)")
    print(f"whole pipeline:   {w:.2f} s")
    print(f"beyond the parse: {w - p:.2f} s = {(w - p) / p:.2f} x the parse (target <= 0.5)")


if __name__ == "__main__":
    main()

"""Seconds per MB on hostile inputs (issue 10, item 4): each must stay under 2 s/MB.

Each input is one article built to hit a pattern that used to backtrack or a
stage that used to be quadratic or worse; it is read and compared the way
`factcheck run` does it (sources.read_source, then pipeline.analyse, one
process). Run: python bench/hostile.py [KB per input, default 48]; exits 1 when any input
is over BUDGET, so CI can run it as a check.
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from factcheck import pipeline
from factcheck.inputs import sources  # noqa: E402

BUDGET = 2.0  # seconds per MB


def _fill(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _names(size: int) -> str:
    first = ["Anna", "Boris", "Clara", "David", "Elena", "Farid", "Greta", "Hiro", "Ines", "Jonas"]
    last = ["Moss", "Reyes", "Okoro", "Lindqvist", "Brant", "Hale", "Ortiz", "Wilson"]
    words, n = [], 0
    while sum(map(len, words)) + len(words) < size:
        words.append(f"{first[n % len(first)]} {last[(n * 7) % len(last)]}")
        n += 1
    return "The delegation included " + " ".join(words) + " and officials.\n"


INPUTS: dict[str, Callable[[int], str]] = {
    "repeated 'on Saturday'": lambda size: "The talks ended " + _fill("on Saturday ", size) + ".\n",
    "all-capitals paragraph": lambda size: _fill("THE COUNCIL MET IN PARIS AND LONDON TODAY ", size) + "\n",
    "names without commas": _names,
    "A.B.C.D... capitalised dots": lambda size: "It was " + _fill("A.", size) + " today.\n",
    "front matter key padded with spaces": lambda size: "---\ntitle" + " " * size + "x\n---\nThe mayor spoke.\n",
    "front matter value padded with spaces": lambda size: "---\ntitle: a" + " " * size + "x\n---\nThe mayor spoke.\n",
    "Published line padded with spaces": lambda size: "Published" + " " * size + "x\nThe mayor spoke on Monday.\n",
    "Published date padded with spaces":
        lambda size: "Published: 3 March 2025" + " " * size + "x\nThe mayor spoke on Monday.\n",
    "long sentence without stops": lambda size: _fill("the council said the plan would go ahead ", size) + "\n",
    "blanks inside a sentence": lambda size: "Headline\ndate" + " " * size + "x: The mayor spoke.\n",
    "blanks after a comma": lambda size: "Headline\nThe plan was approved, " + " " * size + "x the mayor spoke.\n",
}


def measure(text: str) -> float:
    """Seconds to read and compare `text` as one .txt article."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "hostile.txt"
        path.write_text(text, encoding="utf-8")
        started = time.process_time()  # CPU time: other work on the machine does not count
        found = sources.read_source(path, max_bytes=len(text.encode()) + 1)
        pipeline.analyse(found)
        return time.process_time() - started


def main(kb: int = 48) -> int:
    size = kb * 1000
    worst = 0.0
    measure("The mayor opened the bridge on Monday in Paris, officials said.\n")  # load word lists first
    print(f"{'input':42} {'size':>8} {'seconds':>8} {'s/MB':>8}")
    for name, build in INPUTS.items():
        text = build(size)
        seconds = measure(text)
        per_mb = seconds / (len(text.encode()) / 1_000_000)
        worst = max(worst, per_mb)
        print(f"{name:42} {len(text) / 1000:7.0f}K {seconds:8.2f} {per_mb:8.2f}")
    print(f"worst: {worst:.2f} s/MB (budget {BUDGET:.1f})")
    return 0 if worst < BUDGET else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 48))

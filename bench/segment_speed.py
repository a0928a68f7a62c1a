"""Throughput of factcheck.inputs.segment on synthetic news text (not a test).

Builds ~2,000 sentences of wire-style text (headlines, datelines, titles,
acronyms, decimals, quotes, boilerplate lines), segments it repeatedly and
prints sentences per second. Run: python bench/segment_speed.py [repeats]
"""
from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from factcheck.records import Source  # noqa: E402
from factcheck.inputs.segment import segment  # noqa: E402

SENTENCES = [
    "The ministry said on Tuesday that {n} people had been evacuated from the coastal district.",
    "Mr. {name} told reporters the plan would cost about ${d} billion over {n} years.",
    "\"We will not accept this,\" said Dr. {name}, a senior adviser to the U.S. delegation.",
    "\"Is this the end?\" he asked, before leaving the hall at 10.30 a.m. on Monday.",
    "Growth slowed to {d}% in the third quarter, according to official figures released in Jan. {n}.",
    "Lt. Gen. A. {name} met officials at No. 10 on Wednesday, his office said.",
    "Shares of Acme Inc. rose {d}% in early trading, while the index was flat.",
    "The agreement, which would take effect after ratification by {n} states, was welcomed by the E.U.",
    "Critics say the measure goes too far... but supporters disagree.",
    "Rep. {name} and Sen. {name} said the bill would be put to a vote next week.",
]
NAMES = ["Hale", "Ortiz", "Brant", "Moss", "Reyes", "Wilson", "Okoro", "Lindqvist"]
EXTRA_LINES = ["Also Read: Markets steady after rate decision", "CRITICS QUESTION THE PLAN", "Advertisement"]


def build(n_sentences: int = 2000, seed: int = 7) -> str:
    rnd = random.Random(seed)
    lines = ["Officials agree plan after long talks", " date 2025-01-01 CITY: The talks ended late on Friday."]
    count = 2
    while count < n_sentences:
        k = rnd.choice((1, 1, 2, 3))
        parts = [
            rnd.choice(SENTENCES).format(n=rnd.randint(2, 900), d=round(rnd.uniform(0.1, 9.9), 1), name=rnd.choice(NAMES))
            for _ in range(k)
        ]
        lines.append(" ".join(parts))
        count += k
        if rnd.random() < 0.05:
            lines.append(rnd.choice(EXTRA_LINES))
            count += 1
    return "\n".join(lines) + "\n"


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    text = build()
    source = Source(id="bench", path=Path("bench.txt"), text=text, meta_spans=((text.index(" date"), text.index("The talks")),))
    n = len(segment(source))
    best = float("inf")
    for _ in range(5):
        t0 = time.perf_counter()
        for _ in range(repeats):
            segment(source)
        best = min(best, time.perf_counter() - t0)
    print(f"{n} sentences x {repeats}: {n * repeats / best:,.0f} sentences/s (best of 5)")


if __name__ == "__main__":
    main()

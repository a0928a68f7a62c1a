"""A one-line progress display on stderr for long runs.

The pipeline reports progress through a plain callback `(stage, done, total)`;
this module turns it into "extract  4,210/10,000 articles  1,530/s  4s left".
It draws only when stderr is a terminal, so logs and pipes stay clean.
"""
from __future__ import annotations

import sys
import time
from typing import Callable, TextIO

Progress = Callable[[str, int, int], None]

# redraw at most this often (seconds)
INTERVAL = 0.1
UNITS = {"read": "sources", "extract": "articles", "stories": "articles", "match": "stories",
         "compare": "claims", "table": "claims"}


def enabled(stream: TextIO | None = None, quiet: bool = False) -> bool:
    """Show progress only on an interactive terminal and when not asked to be quiet."""
    stream = stream if stream is not None else sys.stderr
    if quiet:
        return False
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


class Bar:
    """Callable progress display: stage, items done, rate and time left."""

    def __init__(self, stream: TextIO | None = None, clock: Callable[[], float] = time.monotonic) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.clock = clock
        self.stage = ""
        self.started = 0.0
        self.drawn = 0.0
        self.width = 0

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = self.clock()
        if stage != self.stage:
            self.stage, self.started, self.drawn = stage, now, 0.0
        if done < total and now - self.drawn < INTERVAL:
            return
        self.drawn = now
        self._draw(self.line(stage, done, total, now - self.started))

    @staticmethod
    def line(stage: str, done: int, total: int, elapsed: float) -> str:
        unit = UNITS.get(stage, "items")
        text = f"{stage:<8} {done:,}/{total:,} {unit}"
        if elapsed > 0 and done:
            rate = done / elapsed
            text += f"  {rate:,.0f}/s"
            if done < total:
                text += f"  {(total - done) / rate:,.0f}s left"
        return text

    def _draw(self, text: str) -> None:
        pad = max(0, self.width - len(text))
        self.stream.write("\r" + text + " " * pad)
        self.stream.flush()
        self.width = len(text)

    def close(self) -> None:
        """Clear the line so the summary that follows starts clean."""
        if self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
            self.width = 0

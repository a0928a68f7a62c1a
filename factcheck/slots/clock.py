"""Clock times in a claim ("at about 10:30 a.m.", "around 10.43am", "at 9 p.m."), in minutes
after midnight, for comparing when one event happened within its day.

dateutil was tried for the parsing and rejected: it reads "10.45pm" as 22:00. The
patterns here take the newsroom forms only: hours and minutes with a colon or a
dot, or an hour with a.m./p.m.; a time with seconds ("2:07:41") is a duration.

    >>> [(t.minutes, t.approximate) for t in clock_times("It fell at about 10:45 a.m. on Wednesday.")]
    [(645, True)]
    >>> clock_times("He finished in 2:07:41.")
    []
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import terms, zones

_TIME = re.compile(
    r"(?<![\w:.])(?P<approx>(?:about|around|approximately|roughly|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?"
    r"(?P<hour>[01]?\d|2[0-3])(?:[:.](?P<minute>[0-5]\d))?\s*(?P<half>[ap]\.?\s?m\b\.?)?(?![:.]?\d)",
    re.IGNORECASE)

# apart by more than this with "about" on either side, two times are two times
APPROXIMATE_SLACK = 10
# "shortly before 7am" may be any moment this many minutes before 7 (and "just after" after it)
NEAR_SPAN = 30


@dataclass(frozen=True)
class ClockTime:
    """A time of day as written: `minutes` after midnight (0-1439), and whether it was hedged."""

    text: str
    minutes: int
    approximate: bool
    zone: str | None = None
    start: int = 0  # offset in the text it was read from
    side: str | None = None  # "before" / "after": "shortly before 7am" is a moment up to NEAR_SPAN before 7


def clock_times(text: str) -> list[ClockTime]:
    """Clock times in `text`: "10:30", "10.30am", "9 p.m.", each with its hedge and zone.

    A bare number or a dotted one needs a.m./p.m. ("at 9", "9.58 seconds" are no times);
    "10:30" without them is read as written (24-hour). Text with no time gives [].
    """
    out = []
    for m in _TIME.finditer(text):
        minute, half = m.group("minute"), m.group("half")
        if half is None and (minute is None or text[m.start("minute") - 1] == "."):
            continue  # "at 9", "9.58 seconds": no time of day without a.m./p.m. or a colon
        hour = int(m.group("hour"))
        if half is not None:
            if not 1 <= hour <= 12:
                continue
            hour = hour % 12 + (12 if half.lower().startswith("p") else 0)
        approx = (m.group("approx") or "").lower().split()
        out.append(ClockTime(m.group(0).strip(), hour * 60 + int(minute or 0), bool(approx),
                             zones.zone_after(text, m.end("half") if half else m.end("minute"), clock=True),
                             m.start() + len(m.group(0)) - len(m.group(0).lstrip()),
                             approx[-1] if approx and approx[-1] in ("before", "after") else None))
    return out


def clock_clash(a: str, b: str) -> tuple[ClockTime, ClockTime] | None:
    """The first pair of clock times, one from each text, that cannot be one moment.

    Each text must give one time (two are two moments of a story: "began at 9, ended at 11"),
    in the same zone or none. Exact times clash when they differ; a hedged one ("about")
    when they are more than APPROXIMATE_SLACK minutes apart.

    >>> clock_clash("It fell at about 10:30 a.m.", "It fell around 10:43 a.m.") is not None
    True
    >>> clock_clash("It fell at about 10:45 a.m.", "It fell at 10:43 a.m.") is None
    True
    """
    ta, tb = clock_times(a), clock_times(b)
    if len(ta) != 1 or len(tb) != 1:
        return None
    x, y = ta[0], tb[0]
    return None if same_moment(x, y) else (x, y)


def same_moment(x: ClockTime, y: ClockTime) -> bool:
    """Whether two times may be one moment: equal, or within APPROXIMATE_SLACK minutes when
    either is hedged; times in two zones (or one zone and none) are taken to be compatible."""
    if x.zone != y.zone:
        return True
    if x.side or y.side:  # "about 6:40am" / "shortly before 7am": the spans meet
        (xl, xh), (yl, yh) = _span(x), _span(y)
        return xl <= yh and yl <= xh
    slack = APPROXIMATE_SLACK if x.approximate or y.approximate else 0
    return abs(x.minutes - y.minutes) <= slack


def _span(t: ClockTime) -> tuple[int, int]:
    """The minutes a time may mean: "shortly before 7am" 6:30-7:00, "about 6:40" 6:30-6:50."""
    if t.side == "before":
        return t.minutes - NEAR_SPAN, t.minutes
    if t.side == "after":
        return t.minutes, t.minutes + NEAR_SPAN
    slack = APPROXIMATE_SLACK if t.approximate else 0
    return t.minutes - slack, t.minutes + slack


def one_distinctive_moment(a: str, b: str) -> bool:
    """Both texts give one exact time off the quarter hours, in one zone or none ("4.37 am" /
    "04:37"): a minute that precise, told twice, dates one event. Round times ("9 a.m.",
    "10:30") are shared by chance too often to say so.

    >>> one_distinctive_moment("The tremor came at 4.37 am.", "It was felt at 04:37 on Monday.")
    True
    >>> one_distinctive_moment("Polls opened at 7:00.", "Voting began at 7 a.m.")
    False
    """
    return any(x.minutes == y.minutes and x.minutes % 15 and not (x.approximate or y.approximate)
               and x.zone == y.zone for x in _exact_times(a) for y in _exact_times(b))


@lru_cache(maxsize=16384)
def _exact_times(text: str) -> tuple[ClockTime, ...]:
    """The unhedged clock times of `text` (remembered per text: matching asks per pair)."""
    return tuple(t for t in clock_times(text) if not t.approximate)


def describe(t: ClockTime) -> str:
    """'10:43' (24-hour), for a reason."""
    return f"{t.minutes // 60:02d}:{t.minutes % 60:02d}"


def event_times(text: str) -> list[tuple[str, ClockTime]]:
    """(event concept, time) for each clock time with an event named in the few words before it
    ("the collapse happened at about 10:30 a.m." -> collapse): the time is that event's.

    >>> [(e, t.minutes) for e, t in event_times("The roof collapsed at about 10:30 a.m.")]
    [('collapse', 630)]
    """
    out = []
    for t in clock_times(text):
        window = " ".join(text[max(0, t.start - 12 * EVENT_WINDOW):t.start].split()[-EVENT_WINDOW:])
        out.extend((event, t) for event in sorted(terms.events(terms.terms(window))))
    return out


# words before a clock time that may name its event ("the collapse happened at about")
EVENT_WINDOW = 5

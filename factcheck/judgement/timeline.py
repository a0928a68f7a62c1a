"""Coverage over time: which conflicts are the story moving on rather than errors.

Runs after compare.find_conflicts and before compare.label, in the one place
that chains the stages (pipeline.py, and incremental.py for cached stories).
It splits the conflicts into

- **updates**: one running figure (a toll, the injured, the rescued, the missing,
  arrests, signatures: data/changing_figures.json) that went UP in an article
  published later (at least an hour later when both give the time, else on a
  later day). Down, the same article, the same hour or an unknown order stay
  conflicts, as do figures that are fixed once the event is over, and so do
  all running figures of two articles between which one running figure fell
  (the later article then disagrees with the earlier, it does not succeed it);
- **forecasts**: an expectation before the event ("about 30 are expected to
  sign", "set to attend", "expected to launch on Tuesday": status expected)
  against what happened ("72 signed", "did not attend", "launched on
  Wednesday"); every such pair is a forecast that missed
  (a forecast that came true agrees and never reaches here);
- the remaining conflicts.

`annotate` then writes the result onto the verdicts (`extras`: updates,
updated_by, forecast, forecast_with) for the claim table.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass, replace
from datetime import timedelta
from functools import lru_cache
from typing import Mapping, Sequence

from .. import lexicon
from ..slots import quantities, terms
from . import figures
from .claims import tense_of
from .compare import Conflict
from ..records import Claim, Label, Quantity, Source, Verdict

# articles closer than this are "of the same hour": their order says nothing
SAME_HOUR = timedelta(hours=1)
# an explicit expectation ("expected to", "set to", "likely"); a plain "will" asserts a plan,
# and a plan the outcome broke is a contradiction ("will not attend" / "attended")
FORECAST_STATUSES = frozenset({"expected"})
OUTCOME_STATUSES = frozenset({None, "done"})
# conflict kinds a forecast can settle: a figure, whether it happened at all, or its day
FORECAST_KINDS = frozenset({"number", "negation", "when"})


class ChangeKind(str, enum.Enum):
    UPDATE = "update"        # a running figure raised by a later article
    FORECAST = "forecast"    # an expectation against the outcome
    FALL = "fall"            # a running figure that went down: stays a conflict (never in Timeline.changes)


@dataclass(frozen=True)
class Change:
    """A conflict that is not an error. `earlier` and `later` are claim indices: the
    superseded figure and its update, or the forecast and its outcome."""

    kind: ChangeKind
    earlier: int
    later: int
    reason: str


@dataclass(frozen=True)
class Timeline:
    conflicts: tuple[Conflict, ...]   # what is still a contradiction, in the order given
    changes: tuple[Change, ...]


@lru_cache(maxsize=1)
def _changing() -> tuple[dict[str, str], frozenset[str]]:
    data = lexicon.load("changing_figures")
    return dict(data["events"]), frozenset(w.lower() for w in data["counted"])


def changing_events() -> dict[str, str]:
    """Event concepts whose counts keep changing while the event unfolds -> the word for
    what they count ("kill" -> "dead")."""
    return _changing()[0]


def changing_nouns() -> frozenset[str]:
    """Counted nouns (lower case) that name a running count."""
    return _changing()[1]


def published_order(a: Source | None, b: Source | None) -> int | None:
    """-1 when `a` was published before `b`, 1 when after, None when unknown or within the hour.

    Two moments with zones compare as instants; otherwise only different days
    order them (a time without a zone may be anywhere in a day's span).
    """
    if a is None or b is None or a.published is None or b.published is None:
        return None
    ta, tb = a.published_at, b.published_at
    if ta is not None and tb is not None and ta.tzinfo is not None and tb.tzinfo is not None:
        if abs(tb - ta) < SAME_HOUR:
            return None
        return -1 if ta < tb else 1
    if a.published == b.published:
        return None
    return -1 if a.published < b.published else 1


def _head(q: Quantity) -> bool:
    """A count of people or of nothing named: what a toll's bare figure counts."""
    return q.kind == "cardinal" and (q.counted is None or terms.CONCEPT_PREFIX + "people" in terms.terms(q.counted))


def _figures(a: Claim, b: Claim) -> tuple[Quantity, Quantity] | None:
    """The two figures that differ: the same thing counted, or the one head count of each."""
    for x, y in figures.comparable_quantities(a, b):
        if x.kind == "cardinal" and not quantities.compatible(x, y):
            return x, y
    heads_a, heads_b = [q for q in a.quantities if _head(q)], [q for q in b.quantities if _head(q)]
    if len(heads_a) == 1 and len(heads_b) == 1 and not quantities.compatible(heads_a[0], heads_b[0]):
        return heads_a[0], heads_b[0]
    return None


def _running(a: Claim, b: Claim, x: Quantity, y: Quantity) -> str | None:
    """What the figures count, when it keeps changing: by the claims' shared event (killed,
    injured, rescued ...: "dead", "injured") or by the noun counted ("evacuees"); else None."""
    events = changing_events()
    shared = sorted(set((a.predicate or "").split(",")) & set((b.predicate or "").split(",")) & set(events))
    nouns = changing_nouns()
    for q in (x, y):
        if q.counted and (q.counted.lower() in nouns or q.counted.lower().split()[-1] in nouns):
            return q.counted.lower()
    return events[shared[0]] if shared else None


def _when(source: Source | None) -> str:
    """'Tue 4 Jun' or 'Tue 4 Jun 14:20' for a reason; '?' when undated."""
    if source is None or source.published is None:
        return "undated"
    day = f"{source.published:%a} {source.published.day} {source.published:%b}"
    at = source.published_at
    return f"{day} {at:%H:%M}" if at is not None else day


def _figure(q: Quantity, what: str) -> str:
    """'29 dead', 'at least 40 evacuees': the figure as written and what it counts."""
    words = " ".join(q.text.split())
    thing = q.counted if q.counted and not _head(q) else what
    if thing and thing.lower() not in words.lower():
        words += f" {thing}"
    return words


def _update(conflict: Conflict, claims: Sequence[Claim], sources: Mapping[str, Source]) -> Change | None:
    """The conflict as an update, a FALL (kept as a conflict by `split`), or None."""
    if conflict.kind != "number":
        return None
    a, b = claims[conflict.a], claims[conflict.b]
    if a.source == b.source:
        return None
    order = published_order(sources.get(a.source), sources.get(b.source))
    if order is None:
        return None
    figures = _figures(a, b)
    what = _running(a, b, *figures) if figures is not None else None
    if figures is None or what is None:
        return None
    (early, x), (late, y) = ((conflict.a, figures[0]), (conflict.b, figures[1])) if order < 0 else \
        ((conflict.b, figures[1]), (conflict.a, figures[0]))
    if y.value <= x.value:  # a figure that fell after it was reported higher is a contradiction
        return Change(ChangeKind.FALL, early, late, "") if y.value < x.value else None
    reason = (f"update: {_figure(x, what)} ({_when(sources.get(claims[early].source))}) -> "
              f"{_figure(y, what)} ({_when(sources.get(claims[late].source))})")
    return Change(ChangeKind.UPDATE, early, late, reason)


def _forecast(conflict: Conflict, claims: Sequence[Claim], sources: Mapping[str, Source]) -> Change | None:
    if conflict.kind not in FORECAST_KINDS:
        return None
    for f, o in ((conflict.a, conflict.b), (conflict.b, conflict.a)):
        fc, oc = claims[f], claims[o]
        if fc.status not in FORECAST_STATUSES or oc.status not in OUTCOME_STATUSES:
            continue
        if oc.status is None and not _reports_past(oc):
            continue  # "72 countries sign" with no tense is no outcome
        if published_order(sources.get(fc.source), sources.get(oc.source)) == 1:
            continue  # a forecast published after the outcome was not made before the event
        figures = _figures(fc, oc) if conflict.kind == "number" else None
        said, done = (_figure(figures[0], ""), _figure(figures[1], "")) if figures else (_quote(fc.text), _quote(oc.text))
        reason = (f"forecast missed: {said}{' expected' if figures else ''} ({_when(sources.get(fc.source))}) -> "
                  f"{done} ({_when(sources.get(oc.source))})")
        return Change(ChangeKind.FORECAST, f, o, reason)
    return None


def _came_to_pass(conflict: Conflict, claims: Sequence[Claim], sources: Mapping[str, Source]) -> Change | None:
    """A "still to come" claim published before the day the other article says the event
    happened ("yet to be signed" in Thursday's paper, "was signed on Friday"): the story moved
    on. Kind "pending" conflicts are (done, still to come)."""
    if conflict.kind != "pending":
        return None
    done, waiting = conflict.a, conflict.b
    said = sources.get(claims[waiting].source)
    happened = [m.first for m in claims[done].when if m.first is not None]
    if said is None or said.published is None or not happened or said.published >= min(happened):
        return None  # said on or after the day it happened: a contradiction
    reason = (f"forecast missed: still to come ({_when(sources.get(claims[waiting].source))}) -> "
              f"done ({_when(sources.get(claims[done].source))})")
    return Change(ChangeKind.FORECAST, waiting, done, reason)


def _reports_past(c: Claim) -> bool:
    """The claim reports something that happened (a past tense or a 'done' status)."""
    return c.status == "done" or tense_of(c.text) == "past"


def _quote(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return f'"{text if len(text) <= limit else text[:limit - 1] + "…"}"'


def split(claims: Sequence[Claim], sources: Mapping[str, Source], conflicts: Sequence[Conflict]) -> Timeline:
    """Separate updates and forecasts from `conflicts` (indices into `claims`; `sources` by id)."""
    found = [_forecast(c, claims, sources) or _came_to_pass(c, claims, sources) or _update(c, claims, sources)
             for c in conflicts]  # expected: no update
    fell = {frozenset((claims[ch.earlier].source, claims[ch.later].source))
            for ch in found if ch is not None and ch.kind is ChangeKind.FALL}
    kept: list[Conflict] = []
    changes: list[Change] = []
    for c, change in zip(conflicts, found):
        if change is None or change.kind is ChangeKind.FALL or (
                change.kind is ChangeKind.UPDATE
                and frozenset((claims[change.earlier].source, claims[change.later].source)) in fell):
            kept.append(c)
        else:
            changes.append(change)
    return Timeline(tuple(kept), tuple(changes))


def annotate(verdicts: Sequence[Verdict], claims: Sequence[Claim], timeline: Timeline) -> list[Verdict]:
    """The verdicts with the changes written on: `extras["updates"]` (claim ids this claim's
    figure supersedes), `extras["updated_by"]`, `extras["forecast"]` ("missed" on the forecast,
    "outcome" on what happened) with `extras["forecast_with"]` (the other side's ids). A change's
    partner is no agreement: a claim left with none is single-source again. The changes' reasons
    go to `extras["changes"]` ("update: 29 dead (Mon 2 Jun) -> 34 dead (Tue 3 Jun)"), and to the
    claim's reason when it has no conflict (a conflict's reason stays its own: review keys and
    pair reasons read it)."""
    notes: dict[int, dict[str, list[str]]] = {}
    reasons: dict[int, list[str]] = {}

    def note(i: int, key: str, other: int) -> None:
        notes.setdefault(i, {}).setdefault(key, []).append(claims[other].id)

    for ch in timeline.changes:
        if ch.kind is ChangeKind.UPDATE:
            note(ch.later, "updates", ch.earlier)
            note(ch.earlier, "updated_by", ch.later)
        else:
            note(ch.earlier, "forecast_with", ch.later)
            note(ch.later, "forecast_with", ch.earlier)
            notes[ch.earlier].setdefault("forecast", ["missed"])
            notes[ch.later].setdefault("forecast", ["outcome"])
        for i in (ch.earlier, ch.later):
            reasons.setdefault(i, []).append(ch.reason)
    out = []
    for i, v in enumerate(verdicts):
        if i not in notes:
            out.append(v)
            continue
        extras = dict(v.extras)
        partners: set[str] = set()
        for key, ids in notes[i].items():
            values = tuple(sorted(set(ids)))
            extras[key] = values
            if key != "forecast":
                partners.update(values)
        agrees = tuple(x for x in v.agrees_with if x not in partners)
        label = v.label
        if label is Label.AGREEING and not agrees:
            label = Label.SINGLE_SOURCE  # only ever downgraded: an update confirms nothing
        extras["changes"] = tuple(dict.fromkeys(reasons[i]))
        reason = v.reason if v.conflicts_with else "; ".join(extras["changes"])
        out.append(replace(v, label=label, agrees_with=agrees, reason=reason, extras=extras))
    return out


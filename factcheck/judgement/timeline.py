"""Coverage over time: which conflicts are the story moving on rather than errors.

Runs after compare.find_conflicts and before compare.label, in the one place
that chains the stages (pipeline.py, and incremental.py for cached stories).
It splits the conflicts into

- **updates**: one running figure (a toll, the injured, the rescued, the missing,
  arrests, signatures: data/changing_figures.json) that went UP in an article
  published later (at least an hour later when both give the time, else on a
  later day). Down, the same article, the same hour or an unknown order stay
  conflicts, as do figures that are fixed once the event is over; each running
  figure is judged on its own (rejected ballots that fell do not make the votes
  that rose in the same article an error);
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
import re
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
# word lists of data/changing_figures.json by which an article marks its running figures
MARKS = ("provisional", "revision", "correction")


class ChangeKind(str, enum.Enum):
    UPDATE = "update"        # a running figure raised by a later article
    FORECAST = "forecast"    # an expectation against the outcome
    FALL = "fall"            # a running figure that went down: stays a conflict (never in Timeline.changes)
    INFERRED = "inferred"    # an update between articles of unknown order, the lower count taken as earlier
    RAISED = "raised"        # an agreeing pair whose running figure a later article gave higher, within
                             # the earlier bound ("more than 20" / "at least 27"): an update that still agrees


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


@dataclass(frozen=True)
class _Tables:
    events: dict[str, str]
    nouns: frozenset[str]
    marks: dict[str, re.Pattern[str]]   # each of MARKS -> any of its words
    count_nouns: re.Pattern[str]        # "the figure", "the toll": a count named without its thing
    responders: frozenset[str]          # "soldiers", "medics": those sent to help, never the count
    progress: re.Pattern[str]           # " of ballots counted": after a share of a count in progress


@lru_cache(maxsize=1)
def _changing() -> _Tables:
    data = lexicon.load("changing_figures")

    def pattern(words: Sequence[str]) -> re.Pattern[str]:
        body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
        return re.compile(rf"\b(?:{body})\b", re.IGNORECASE)

    return _Tables(dict(data["events"]), frozenset(w.lower() for w in data["counted"]),
                   {key: pattern(data[key]) for key in MARKS}, pattern(data["count_nouns"]),
                   frozenset(data["responders"]),
                   re.compile(rf"\s+of\s+(?:the\s+)?(?:{'|'.join(map(re.escape, data['progress_nouns']))})\s+"
                              rf"(?:(?:now|so far|already|had|has|have|been|were|was|are)\s+){{0,3}}"
                              rf"(?:{'|'.join(map(re.escape, data['progress_words']))})\b",
                              re.IGNORECASE))


def changing_events() -> dict[str, str]:
    """Event concepts whose counts keep changing while the event unfolds -> the word for
    what they count ("kill" -> "dead")."""
    return _changing().events


def changing_nouns() -> frozenset[str]:
    """Counted nouns (lower case) that name a running count."""
    return _changing().nouns


def counts_running(c: Claim) -> frozenset[str]:
    """The running figures a claim counts: its changing events' words ("dead") and its counted
    nouns that name a running count ("evacuees").

    >>> from factcheck.records import Claim, Quantity
    >>> q = Quantity(0, 2, "40", 40, 40, 40, counted="evacuees")
    >>> sorted(counts_running(Claim("a-1", "a", 0, 9, "...", 0, 9, predicate="kill", quantities=(q,))))
    ['dead', 'evacuees']
    """
    t = _changing()
    found = {t.events[p] for p in (c.predicate or "").split(",") if p in t.events}
    found.update(q.counted.lower() for q in c.quantities
                 if q.counted and (q.counted.lower() in t.nouns or q.counted.lower().split()[-1] in t.nouns))
    return frozenset(found)


def marks(c: Claim, kind: str) -> bool:
    """The claim says of a running figure, with a word of data/changing_figures.json `kind`,
    that it is still moving ("provisional": "52 have so far been treated in hospital", "the
    toll could climb") or that it was corrected ("revision": "revised down to
    12", "the figure is provisional"). A bare lower bound ("at least 15 were killed") is no
    such mark: it hedges the figure, it does not say the count is open. A count named without
    its thing ("the figure", "the toll": data count_nouns) is taken as the article's running one."""
    t = _changing()
    return bool(counts_running(c) or t.count_nouns.search(c.text)) and t.marks[kind].search(c.text) is not None


def marked_figures(claims: Sequence[Claim], sources: Mapping[str, Source], kind: str) -> dict[str, frozenset[str]]:
    """Source id -> the running figures ("dead", "cases") it `marks` as `kind` ("provisional":
    still moving; "revision": corrected or not final); "*" for any, from a claim that names
    its count only as "the figure" or "the toll", or from the headline ("Flood toll climbs to
    27"). A mark is of one figure: "the number of cases could rise" says nothing of the injured,
    a provisional turnout figure revises no count of rejected ballots."""
    pattern = _changing().marks[kind]
    out: dict[str, set[str]] = {}
    for c in claims:
        if marks(c, kind):
            out.setdefault(c.source, set()).update(counts_running(c) or {"*"})
    for sid in {c.source for c in claims}:  # `sources` may be a whole archive's: read only these
        s = sources.get(sid)
        if s is not None and s.title and pattern.search(s.title):
            out.setdefault(sid, set()).add("*")
    return {k: frozenset(v) for k, v in out.items()}


def _marked(marked: Mapping[str, frozenset[str]], source: str, what: str) -> bool:
    return bool(marked.get(source, frozenset()) & {what, "*"})


def order_unknown(a: Source | None, b: Source | None) -> bool:
    """Nothing orders the two articles: one is undated, or both give one day and not both a
    zoned time. Two zoned moments within the hour are known to be "of the same hour" (False)."""
    if a is None or b is None or a.published is None or b.published is None:
        return True
    return not _zoned(a, b) and a.published == b.published


def published_order(a: Source | None, b: Source | None) -> int | None:
    """-1 when `a` was published before `b`, 1 when after, None when unknown or within the hour.

    Two moments with zones compare as instants; otherwise only different days
    order them (a time without a zone may be anywhere in a day's span).
    """
    if a is None or b is None or a.published is None or b.published is None:
        return None
    ta, tb = a.published_at, b.published_at
    if ta is not None and tb is not None and _zoned(a, b):
        if abs(tb - ta) < SAME_HOUR:
            return None
        return -1 if ta < tb else 1
    if a.published == b.published:
        return None
    return -1 if a.published < b.published else 1


def _zoned(a: Source, b: Source) -> bool:
    """Both articles give their moment of publication with a zone: comparable as instants."""
    return all(s.published_at is not None and s.published_at.tzinfo is not None for s in (a, b))


def _head(q: Quantity) -> bool:
    """A count of people or of nothing named: what a toll's bare figure counts."""
    return q.kind == "cardinal" and (q.counted is None or terms.CONCEPT_PREFIX + "people" in terms.terms(q.counted))


def _figures(a: Claim, b: Claim, compatible: bool = False) -> tuple[Quantity, Quantity] | None:
    """The two figures that differ: the same thing counted, or the one head count of each.
    Incompatible ones, or with `compatible` two different values that both may hold ("more
    than 20" / "at least 27")."""
    def differ(x: Quantity, y: Quantity) -> bool:
        fits = quantities.compatible(x, y)
        if compatible:  # "dozens" gives no figure to raise
            return fits and x.value != y.value and "vague" not in (x.qualifier, y.qualifier)
        return not fits

    for x, y in figures.comparable_quantities(a, b):
        if (x.kind == "cardinal" or (_progress(a, x) and _progress(b, y))) and differ(x, y):
            return x, y
    heads_a, heads_b = [q for q in a.quantities if _head(q)], [q for q in b.quantities if _head(q)]
    if len(heads_a) == 1 and len(heads_b) == 1 and differ(heads_a[0], heads_b[0]):
        return heads_a[0], heads_b[0]
    return None


def _progress(c: Claim, q: Quantity) -> bool:
    """A share of a count in progress: "62% of ballots counted", "with 80% of precincts
    reporting" (data changing_figures.json progress_nouns, progress_words)."""
    if q.kind != "percent":
        return False
    start = quantities.position(c.text, q)
    return start >= 0 and _changing().progress.match(c.text, start + len(q.text)) is not None


def _running(a: Claim, b: Claim, x: Quantity, y: Quantity) -> str | None:
    """What the figures count, when it keeps changing: by the claims' shared event (killed,
    injured, rescued ...: "dead", "injured") or by the noun counted ("evacuees"); else None."""
    events = changing_events()
    shared = sorted(set((a.predicate or "").split(",")) & set((b.predicate or "").split(",")) & set(events))
    nouns = changing_nouns()
    if _progress(a, x) and _progress(b, y):
        return (x.counted or "counted").lower()  # "62% of ballots counted" -> "91% ... counted": the ballots
    named = [q.counted.lower() for q in (x, y)
             if q.counted and (q.counted.lower() in nouns or q.counted.lower().split()[-1] in nouns)]
    if len(named) == 2 and named[0].split()[-1] != named[1].split()[-1]:
        return None  # "8,200 ballots" rejected and a lead of "9,100 votes": two counts
    if named:
        return named[0]
    if any(q.counted and q.counted.lower().split()[-1] in _changing().responders for q in (x, y)):
        return None  # "sent 120 firefighters" to a rescue: they are no count of the rescued
    if len(shared) > 1:  # "killed 27 and injured 90": the event told nearest each figure
        near_a, near_b = _event_near(a, x, shared), _event_near(b, y, shared)
        return events[near_a] if near_a is not None and near_a == near_b else None
    return events[shared[0]] if shared else None


def _event_near(c: Claim, q: Quantity, events: Sequence[str]) -> str | None:
    """Which of `events` (concept names) the claim tells nearest the figure `q`, in characters:
    "killed at least 27 people and injured more than 90" -> "kill" for 27."""
    start = quantities.position(c.text, q)
    end = start + len(q.text)
    spans = terms.concept_spans(c.text, frozenset(events)) if start >= 0 else []
    return min(spans, key=lambda s: start - s[1] if s[1] <= start else s[0] - end)[2] if spans else None


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


def _order(a: Claim, b: Claim, figures: tuple[Quantity, Quantity], what: str, sources: Mapping[str, Source],
           moving: Mapping[str, frozenset[str]]) -> tuple[int | None, bool]:
    """`published_order` of the claims' articles, else, when nothing orders them and one marks
    its running figures as provisional, the order of the counts (lower first); and whether
    the order was so inferred."""
    order = published_order(sources.get(a.source), sources.get(b.source))
    if order is None and (_marked(moving, a.source, what) or _marked(moving, b.source, what)) and \
            order_unknown(sources.get(a.source), sources.get(b.source)) and figures[0].value != figures[1].value:
        return (-1 if figures[0].value < figures[1].value else 1), True
    return order, False


def _update(conflict: Conflict, claims: Sequence[Claim], sources: Mapping[str, Source],
            moving: Mapping[str, frozenset[str]], revised: Mapping[str, frozenset[str]]) -> Change | None:
    """The conflict as an update, a FALL (kept as a conflict by `split`), or None. `moving`: the
    running figures each source marks as provisional (`marked_figures`): between two articles
    of unknown order, one of which marks this figure, the lower count is the earlier.
    `revised` (`marked_figures`, "revision"): a figure that fell in a later article that says this figure
    was revised or is provisional ("the figure is provisional") is a revision, not a
    contradiction."""
    if conflict.kind != "number":
        return None
    a, b = claims[conflict.a], claims[conflict.b]
    if a.source == b.source:
        return None
    figures = _figures(a, b)
    what = _running(a, b, *figures) if figures is not None else None
    if figures is None or what is None:
        return _corrected(conflict, claims, sources)
    order, inferred = _order(a, b, figures, what, sources, moving)
    if order is None:
        return None
    (early, x), (late, y) = ((conflict.a, figures[0]), (conflict.b, figures[1])) if order < 0 else \
        ((conflict.b, figures[1]), (conflict.a, figures[0]))
    if y.value < x.value and _marked(revised, claims[late].source, what):
        return Change(ChangeKind.UPDATE, early, late, _reason(x, y, what, "revised", early, late, claims, sources))
    if y.value <= x.value:  # a figure that fell after it was reported higher is a contradiction
        return Change(ChangeKind.FALL, early, late, "") if y.value < x.value else None
    reason = _reason(x, y, what, "order unknown, the count still rising" if inferred else "", early, late,
                     claims, sources)
    return Change(ChangeKind.INFERRED if inferred else ChangeKind.UPDATE, early, late, reason)


def _corrected(conflict: Conflict, claims: Sequence[Claim], sources: Mapping[str, Source]) -> Change | None:
    """Any figure (a turnout, a share) that a later article says was corrected in the sentence
    that gives the new figure ("turnout was 61.2%, once the board had corrected one
    district's papers, counted twice"): a revision. Unlike a running count, only that sentence can say so."""
    a, b = claims[conflict.a], claims[conflict.b]
    order = published_order(sources.get(a.source), sources.get(b.source))
    if order is None:
        return None
    early, late = (conflict.a, conflict.b) if order < 0 else (conflict.b, conflict.a)
    said = sources.get(claims[late].source)
    sentence = said.text[claims[late].sentence_start:claims[late].sentence_end] if said else claims[late].text
    if _changing().marks["correction"].search(sentence) is None:
        return None
    pair = next(((x, y) for x, y in figures.comparable_quantities(claims[early], claims[late])
                 if not quantities.compatible(x, y)), None)
    if pair is None:
        return None
    return Change(ChangeKind.UPDATE, early, late, _reason(*pair, "", "revised", early, late, claims, sources))


def _reason(x: Quantity, y: Quantity, what: str, note: str, early: int, late: int,
            claims: Sequence[Claim], sources: Mapping[str, Source]) -> str:
    """'update: 29 dead (Mon 2 Jun) -> 34 dead (Tue 3 Jun)', with `note` in brackets after 'update'."""
    return (f"update{f' ({note})' if note else ''}: "
            f"{_figure(x, what)} ({_when(sources.get(claims[early].source))}) -> "
            f"{_figure(y, what)} ({_when(sources.get(claims[late].source))})")


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
    """Separate updates and forecasts from `conflicts` (indices into `claims`; `sources` by id).

    Each running figure is judged on its own; between two articles of unknown order, the lower
    counts are the earlier only when all of them point one way.
    """
    moving, revised = marked_figures(claims, sources, "provisional"), marked_figures(claims, sources, "revision")
    found = [_forecast(c, claims, sources) or _came_to_pass(c, claims, sources)
             or _update(c, claims, sources, moving, revised) for c in conflicts]  # expected: no update
    ways: dict[frozenset[str], set[str]] = {}
    for ch in found:
        if ch is not None and ch.kind is ChangeKind.INFERRED:
            ways.setdefault(frozenset((claims[ch.earlier].source, claims[ch.later].source)), set()).add(
                claims[ch.earlier].source)
    kept: list[Conflict] = []
    changes: list[Change] = []
    for c, change in zip(conflicts, found):
        pair = frozenset((claims[c.a].source, claims[c.b].source))
        if change is None or change.kind is ChangeKind.FALL or (
                change.kind is ChangeKind.INFERRED and len(ways[pair]) > 1):
            kept.append(c)
        else:
            changes.append(change if change.kind is not ChangeKind.INFERRED else replace(change, kind=ChangeKind.UPDATE))
    return Timeline(tuple(kept), tuple(changes))


def with_raised(timeline: Timeline, verdicts: Sequence[Verdict], claims: Sequence[Claim],
                sources: Mapping[str, Source]) -> Timeline:
    """`timeline` with the agreeing pairs (`verdicts[i].agrees_with`, of two articles) whose one
    running figure a later article gave higher, within the earlier bound and
    close to it (figures.CLOSE): "killing more than 20" on Sunday night, "killed at least 27"
    on Monday. Both may hold, so they still agree, but the later figure is the one to print:
    ChangeKind.RAISED, written as an update by `annotate`. Claims dated by a month or a year
    are left out (a background event: "more than 70 died last year")."""
    moving = marked_figures(claims, sources, "provisional")
    raised: list[Change] = []
    index = {c.id: k for k, c in enumerate(claims)}
    pairs = {(min(i, j), max(i, j)) for i, v in enumerate(verdicts) for j in (index[x] for x in v.agrees_with)}
    for i, j in sorted(pairs):
        a, b = claims[i], claims[j]
        if a.source == b.source:
            continue
        if _background(a) or _background(b):
            continue
        found = _figures(a, b, compatible=True)
        what = _running(a, b, *found) if found is not None else None
        if found is None or what is None or max(found[0].value, found[1].value) > figures.CLOSE * min(
                found[0].value, found[1].value):
            continue
        order, inferred = _order(a, b, found, what, sources, moving)
        if order is None:
            continue
        (early, x), (late, y) = ((i, found[0]), (j, found[1])) if order < 0 else ((j, found[1]), (i, found[0]))
        if y.value > x.value:
            raised.append(Change(ChangeKind.RAISED, early, late,
                                 _reason(x, y, what, "order unknown, the count still rising" if inferred else "",
                                         early, late, claims, sources)))
    return replace(timeline, changes=timeline.changes + tuple(raised))


def _background(c: Claim) -> bool:
    """Dated by a month or a year ("died last year", "in March"): an earlier event, whose count
    no longer moves."""
    return any(m.granularity in ("month", "year") for m in c.when)


def annotate(verdicts: Sequence[Verdict], claims: Sequence[Claim], timeline: Timeline) -> list[Verdict]:
    """The verdicts with the changes written on: `extras["updates"]` (claim ids this claim's
    figure supersedes), `extras["updated_by"]`, `extras["forecast"]` ("missed" on the forecast,
    "outcome" on what happened) with `extras["forecast_with"]` (the other side's ids). A change's
    partner is no agreement, except a RAISED one's (both figures may hold): a claim left with
    none is single-source again. The changes' reasons
    go to `extras["changes"]` ("update: 29 dead (Mon 2 Jun) -> 34 dead (Tue 3 Jun)"), and to the
    claim's reason when it has no conflict (a conflict's reason stays its own: review keys and
    pair reasons read it)."""
    notes: dict[int, dict[str, list[str]]] = {}
    reasons: dict[int, list[str]] = {}

    def note(i: int, key: str, other: int) -> None:
        notes.setdefault(i, {}).setdefault(key, []).append(claims[other].id)

    still_agree: set[tuple[int, str]] = set()
    for ch in timeline.changes:
        if ch.kind in (ChangeKind.UPDATE, ChangeKind.RAISED):
            note(ch.later, "updates", ch.earlier)
            note(ch.earlier, "updated_by", ch.later)
            if ch.kind is ChangeKind.RAISED:
                still_agree |= {(ch.later, claims[ch.earlier].id), (ch.earlier, claims[ch.later].id)}
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
        agrees = tuple(x for x in v.agrees_with if x not in partners or (i, x) in still_agree)
        label = v.label
        if label is Label.AGREEING and not agrees:
            label = Label.SINGLE_SOURCE  # only ever downgraded: an update confirms nothing
        extras["changes"] = tuple(dict.fromkeys(reasons[i]))
        reason = v.reason if v.conflicts_with else "; ".join(extras["changes"])
        out.append(replace(v, label=label, agrees_with=agrees, reason=reason, extras=extras))
    return out


"""Editorial review: decisions on discrepancies, kept in review.csv.

A discrepancy is a pair of conflicting claims in the claim table. An editor
records one decision per discrepancy (confirmed, dismissed, corrected) so
nobody reviews it twice and CI stops flagging it. review.csv is committed
next to claims.csv, so it must read on its own, diff cleanly and never be
half-written or silently lose a decision.

The key of a discrepancy must survive re-runs: adding a source, renaming or
reordering files (a source id is its file name) and editing other paragraphs.
So it is derived from the normalised text of the two claims and whether they
come from one article, never from row numbers, group numbers or file names.
"""
from __future__ import annotations

import csv
import enum
import fcntl
import hashlib
import io
import os
import re
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator, Mapping, Sequence

import pandas as pd

from . import outputs, table
from ..errors import OutputError, ReviewError, UnknownDiscrepancyError

REVIEW_FILE = "review.csv"
COLUMNS = ["key", "decision", "note", "reviewer", "timestamp",
           "source_a", "claim_a", "source_b", "claim_b", "reason"]
KEY_LENGTH = 12
MIN_PREFIX = 4
_KEY_RE = re.compile(r"[0-9a-f]{%d}" % KEY_LENGTH)
_TIMESTAMP_RE = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                         "\u2013": "-", "\u2014": "-", "\u00a0": " "})
# one reason part starts with its kind: `status: "...`, `number workers: "...`, `who (mayor): ...`
_REASON_PART = re.compile(r"; (?=[a-z]+(?: [^:;\"]{1,40}| \([^)]*\))?: )")
_QUOTED = re.compile(r'"([^"]*)"')


class ReviewDecision(str, enum.Enum):
    CONFIRMED = "confirmed"   # a real discrepancy: one source is wrong or unsupported
    DISMISSED = "dismissed"   # not a real conflict
    CORRECTED = "corrected"   # the source has since been fixed

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Decision:
    """One row of review.csv: the decision plus enough context to read on its own."""

    key: str
    decision: ReviewDecision
    note: str
    reviewer: str
    timestamp: str
    source_a: str = ""
    claim_a: str = ""
    source_b: str = ""
    claim_b: str = ""
    reason: str = ""
    # columns a newsroom added (say "ticket"), in file order: kept as they are on every save
    extra: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    def as_row(self) -> dict[str, str]:
        return {c: str(getattr(self, c)) for c in COLUMNS}


@dataclass(frozen=True)
class Discrepancy:
    """Two conflicting claims (rows of the claim table), `a` before `b` in reading order."""

    key: str
    a: Mapping[str, Any]
    b: Mapping[str, Any]
    reason: str
    same_source: bool
    # other claim-id pairs whose claims read exactly the same (wire copy): same key
    also: tuple[tuple[str, str], ...] = field(default=())

    @property
    def claim_ids(self) -> tuple[str, str]:
        return (str(self.a["claim_id"]), str(self.b["claim_id"]))


# ---------------------------------------------------------------- keys


def normalise_text(text: str) -> str:
    """Case, width, quote-style and spacing do not change what a claim says."""
    text = unicodedata.normalize("NFKC", str(text)).translate(_QUOTES).casefold()
    return " ".join(text.split()).strip(" .;:,!?")


def discrepancy_key(a: Mapping[str, Any], b: Mapping[str, Any]) -> str:
    """A stable key for the discrepancy between claim rows `a` and `b` (order-free).

    Source ids are file names, and renaming a file must not orphan a decision,
    so the sources enter only as "same article or not".
    """
    scope = "same-article" if a["source"] == b["source"] else "across-articles"
    texts = sorted([normalise_text(a["text"]), normalise_text(b["text"])])
    digest = hashlib.sha1("\x1f".join([scope, *texts]).encode("utf-8")).hexdigest()
    return digest[:KEY_LENGTH]


def pair_reason(a: Mapping[str, Any], b: Mapping[str, Any]) -> str:
    """The reason for the conflict of `a` with `b`, cut out of the per-claim reason cells.

    A claim that contradicts several others holds all their reasons joined by
    "; "; the part quoting the other claim (or its condition) is this pair's.
    """
    for one, other in ((a, b), (b, a)):
        if len(_ids(one["conflicts_with"])) == 1 and str(one["reason"]).strip():
            return str(one["reason"])
    parts = _REASON_PART.split(str(a["reason"]))
    other_text = normalise_text(b["text"])
    for part in parts:
        for quoted in _QUOTED.findall(part):
            value = normalise_text(quoted.rstrip("…"))
            if value and value in other_text and value not in normalise_text(a["text"]):
                return part
    return str(a["reason"] or b["reason"])


def _ids(cell: object) -> list[str]:
    return [x for x in str(cell or "").split(";") if x]


def discrepancies(frame: pd.DataFrame) -> list[Discrepancy]:
    """Every pair of conflicting claims in the table, one per key, in reading order."""
    rows = {str(r["claim_id"]): r for r in frame.to_dict("records")}
    order = {cid: n for n, cid in enumerate(rows)}
    seen: set[frozenset[str]] = set()
    by_key: dict[str, Discrepancy] = {}
    for cid, row in rows.items():
        for other_id in _ids(row.get("conflicts_with", "")):
            other = rows.get(other_id)
            pair = frozenset((cid, other_id))
            if other is None or pair in seen or other_id == cid:
                continue
            seen.add(pair)
            a, b = sorted((row, other), key=lambda r: (str(r["source"]), int(r["start"]), order[str(r["claim_id"])]))
            key = discrepancy_key(a, b)
            if key in by_key:
                known = by_key[key]
                by_key[key] = replace(known, also=known.also + ((str(a["claim_id"]), str(b["claim_id"])),))
                continue
            by_key[key] = Discrepancy(key, a, b, pair_reason(a, b), a["source"] == b["source"])
    return list(by_key.values())


# ---------------------------------------------------------------- review.csv


def load(path: str | os.PathLike[str]) -> list[Decision]:
    """The decisions in review.csv (none if it does not exist); errors name the line."""
    target = Path(path)
    try:
        raw = target.read_bytes()
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise ReviewError(target, f"cannot read ({exc.strerror})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        raise ReviewError(target, f"line {line}: not UTF-8 text") from None
    if not text.strip():
        raise ReviewError(target, f"line 1: empty file (expected the header {','.join(COLUMNS)})")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except csv.Error as exc:
        raise ReviewError(target, f"line 1: {exc}") from None
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise ReviewError(target, f"line 1: missing columns: {', '.join(missing)} (expected {','.join(COLUMNS)})")
    decisions: list[Decision] = []
    first_line: dict[str, int] = {}
    while True:
        line = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise ReviewError(target, f"line {line}: {exc}") from None
        if not cells or not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            raise ReviewError(target, f"line {line}: {len(cells)} fields, expected {len(header)}")
        values = {name: str(table.restore(cell)) for name, cell in zip(header, cells)}
        decisions.append(_decision(target, line, values, first_line))
    return decisions


def _decision(path: Path, line: int, values: dict[str, str], first_line: dict[str, int]) -> Decision:
    key = values["key"].strip()
    if not _KEY_RE.fullmatch(key):
        raise ReviewError(path, f"line {line}: bad key {key!r} (expected {KEY_LENGTH} hex digits)")
    if key in first_line:
        raise ReviewError(path, f"line {line}: key {key} is already decided on line {first_line[key]}")
    first_line[key] = line
    try:
        decision = ReviewDecision(values["decision"].strip())
    except ValueError:
        allowed = ", ".join(d.value for d in ReviewDecision)
        raise ReviewError(path, f"line {line}: unknown decision {values['decision']!r} (expected {allowed})") from None
    if not _TIMESTAMP_RE.fullmatch(values["timestamp"].strip()):
        raise ReviewError(path, f"line {line}: bad timestamp {values['timestamp']!r} (expected like 2025-10-26T09:30:00Z)")
    if not values["reviewer"].strip():
        raise ReviewError(path, f"line {line}: no reviewer")
    return Decision(key=key, decision=decision, note=values["note"], reviewer=values["reviewer"].strip(),
                    timestamp=values["timestamp"].strip(), source_a=values["source_a"], claim_a=values["claim_a"],
                    source_b=values["source_b"], claim_b=values["claim_b"], reason=values["reason"],
                    extra=tuple((k, v) for k, v in values.items() if k not in COLUMNS))


def to_csv_text(decisions: Sequence[Decision]) -> str:
    """review.csv: the standard columns, then every extra column the file had, in its order."""
    extra = list(dict.fromkeys(name for d in decisions for name, _ in d.extra))
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS + extra, lineterminator="\n")
    writer.writeheader()
    for d in decisions:
        row = {**d.as_row(), **dict(d.extra)}
        writer.writerow({k: table.neutralise(v) for k, v in row.items()})
    return buffer.getvalue()


def save(path: str | os.PathLike[str], decisions: Sequence[Decision]) -> None:
    """Write review.csv atomically (temporary file + rename): never truncated."""
    outputs.write_atomic(path, to_csv_text(decisions))


@contextmanager
def locked(path: str | os.PathLike[str]) -> Iterator[None]:
    """Hold an exclusive lock on `review.csv.lock` beside review.csv.

    Two `factcheck review` processes at once then take turns: each re-reads
    the file inside the lock, so neither overwrites the other's decision.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    lock_path = target.with_name(target.name + ".lock")
    try:  # never through a link: a dangling one would create a file wherever it points
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o644)
    except OSError:
        if os.path.islink(lock_path):
            raise OutputError(f"{lock_path} is a symbolic link: factcheck will not write through it "
                              "(remove it and try again)") from None
        raise
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def now_timestamp() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def find(frame_or_list: pd.DataFrame | Sequence[Discrepancy], key: str) -> Discrepancy:
    """The current discrepancy named by `key` or by a unique prefix of it (at least 4 digits).

    A prefix that is too short or names several discrepancies gets its own message:
    how many characters it takes, and which keys it matches."""
    found = discrepancies(frame_or_list) if isinstance(frame_or_list, pd.DataFrame) else list(frame_or_list)
    wanted = key.strip().lower()
    exact = [d for d in found if d.key == wanted]
    if exact:
        return exact[0]
    matches = [d for d in found if wanted and d.key.startswith(wanted)]
    keys = ", ".join(d.key for d in matches[:10]) + (", …" if len(matches) > 10 else "")
    if matches and len(wanted) < MIN_PREFIX:
        needed = max(MIN_PREFIX, distinguishing_length([d.key for d in matches]) if len(matches) > 1 else 0)
        raise UnknownDiscrepancyError(
            f"key prefix {key!r} is too short: give at least {needed} characters "
            f"(it matches {_count(len(matches), 'discrepancy', 'discrepancies')}: {keys})")
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        needed = distinguishing_length([d.key for d in matches])
        raise UnknownDiscrepancyError(
            f"key prefix {key!r} is ambiguous: it matches {len(matches)} discrepancies ({keys}); "
            f"give at least {needed} characters")
    raise UnknownDiscrepancyError(
        f"no discrepancy with key {key!r} in the claim table (`factcheck review --all` lists them)")


def distinguishing_length(keys: Sequence[str]) -> int:
    """The fewest leading characters that tell these keys apart (one more than any two share)."""
    ordered = sorted(keys)
    shared = 0
    for a, b in zip(ordered, ordered[1:]):
        n = 0
        while n < min(len(a), len(b)) and a[n] == b[n]:
            n += 1
        shared = max(shared, n)
    return shared + 1


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def record(path: str | os.PathLike[str], frame: pd.DataFrame, key: str, decision: ReviewDecision | str,
           note: str, reviewer: str, *, timestamp: str | None = None) -> Decision:
    """Record (or replace) the decision on one discrepancy, under the lock; returns it."""
    target = find(frame, key)
    if not reviewer.strip():
        raise UnknownDiscrepancyError("a decision needs a reviewer name")
    made = Decision(
        key=target.key, decision=ReviewDecision(decision), note=" ".join(note.split()), reviewer=reviewer.strip(),
        timestamp=timestamp or now_timestamp(),
        source_a=str(target.a["source"]), claim_a=str(target.a["text"]),
        source_b=str(target.b["source"]), claim_b=str(target.b["text"]), reason=target.reason,
    )
    with locked(path):
        current = load(path)
        keys = [d.key for d in current]
        if made.key in keys:  # a new decision on the same discrepancy keeps the row's extra columns
            current[keys.index(made.key)] = replace(made, extra=current[keys.index(made.key)].extra)
        else:
            current.append(made)
        save(path, current)
    return made


# ---------------------------------------------------------------- views


def decided(decisions: Sequence[Decision]) -> dict[str, Decision]:
    return {d.key: d for d in decisions}


def open_discrepancies(frame: pd.DataFrame, decisions: Sequence[Decision]) -> list[Discrepancy]:
    """Discrepancies nobody has decided yet, in reading order."""
    done = decided(decisions)
    return [d for d in discrepancies(frame) if d.key not in done]


def stale(frame: pd.DataFrame, decisions: Sequence[Decision]) -> list[Decision]:
    """Decisions whose discrepancy is no longer in the table: kept, and reported."""
    current = {d.key for d in discrepancies(frame)}
    return [d for d in decisions if d.key not in current]


def annotate(frame: pd.DataFrame, decisions: Sequence[Decision]) -> pd.DataFrame:
    """A copy of `frame` whose `review` column gives each conflicting row `decision:key`
    for each of its discrepancies (`open:key` when undecided), `;`-separated."""
    done = decided(decisions)
    cells: dict[str, list[str]] = {}
    for d in discrepancies(frame):
        state = done[d.key].decision.value if d.key in done else "open"
        for pair in (d.claim_ids, *d.also):
            for cid in pair:
                cells.setdefault(cid, []).append(f"{state}:{d.key}")
    out = frame.copy()
    out["review"] = [";".join(cells.get(str(cid), [])) for cid in out["claim_id"]]
    return out

"""CI checks: is the committed claims.csv current, and is every conflict reviewed?

A newsroom commits its sources, claims.csv and review.csv. On a pull request
`check` recomputes the claim table from the sources and fails when the
committed table is stale (someone forgot `factcheck run`) or when a conflict
has no review decision. Reports are rendered for people (text), for GitHub
(workflow annotations at the line of the claim) and for CI dashboards (JUnit).
"""
from __future__ import annotations

import csv
import io
import os
import subprocess
from collections import Counter
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping, Sequence

import pandas as pd

from . import incremental, pipeline, review, table
from . import safe_text, sources as sources_mod
from .safe_text import ident, one_line
from .errors import GitError, ReviewError, TableError
from .records import Label, Source

IGNORED_COLUMNS = ("review",)  # decisions change without the table being stale
OPEN, KNOWN, REVIEWED = "open", "known", "reviewed"


# ---------------------------------------------------------------- records


@dataclass(frozen=True)
class ClaimRef:
    """One side of a discrepancy, located in its source file for annotations."""

    claim_id: str
    source: str
    text: str
    quote: str
    path: str          # file path relative to the repository root (or cwd)
    line: int | None   # 1-based; None when offsets do not map to the file (HTML, JSON)
    col: int | None
    changed: bool = False  # in a source added or changed since the --since ref

    @property
    def where(self) -> str:
        if self.line is None:
            return self.path
        return f"{self.path}:{self.line}:{self.col}"


@dataclass(frozen=True)
class Finding:
    """A discrepancy as CI sees it: open (fails), known (before --since) or reviewed."""

    key: str
    state: str
    a: ClaimRef
    b: ClaimRef
    reason: str
    same_source: bool
    decision: review.Decision | None = None
    also: tuple[tuple[ClaimRef, ClaimRef], ...] = ()
    weight: int = 1  # as in reports: conflicts of its busiest claim, plus repeated copies


    @property
    def pairs(self) -> tuple[tuple[ClaimRef, ClaimRef], ...]:
        return ((self.a, self.b), *self.also)

    def targets(self) -> list[ClaimRef]:
        """Where to annotate: the claims in changed sources, else both sides; one per place."""
        sides = [side for pair in self.pairs for side in pair]
        changed = [s for s in sides if s.changed]
        seen: set[tuple[str, int | None, int | None]] = set()
        out: list[ClaimRef] = []
        for side in changed or sides:
            spot = (side.path, side.line, side.col)
            if spot not in seen:
                seen.add(spot)
                out.append(side)
        return out

    @property
    def target(self) -> ClaimRef:
        """The one place to annotate: a claim in a changed source when there is one, else side a."""
        return self.targets()[0]

    def other(self, side: ClaimRef) -> list[ClaimRef]:
        """The claims `side` contradicts in this discrepancy."""
        found: list[ClaimRef] = []
        for a, b in self.pairs:
            for mine, theirs in ((a, b), (b, a)):
                if (mine.path, mine.line, mine.col) == (side.path, side.line, side.col) and theirs not in found:
                    found.append(theirs)
        return found


@dataclass(frozen=True)
class ClaimChange:
    """A claim present in both tables whose row differs; `fields` holds (column, old, new)."""

    claim_id: str
    source: str
    text: str
    fields: tuple[tuple[str, str, str], ...]


@dataclass(frozen=True)
class ConflictRow:
    """A conflict in a claim table (by review key), for diffs."""

    key: str
    source_a: str
    text_a: str
    source_b: str
    text_b: str
    reason: str


@dataclass(frozen=True)
class TableDiff:
    """What changed between two claim tables, claims matched by their stable claim_id."""

    added: tuple[dict[str, str], ...] = ()
    removed: tuple[dict[str, str], ...] = ()
    changed: tuple[ClaimChange, ...] = ()
    new_conflicts: tuple[ConflictRow, ...] = ()
    resolved_conflicts: tuple[ConflictRow, ...] = ()
    changed_conflicts: tuple[tuple[ConflictRow, ConflictRow], ...] = ()
    new_single_source: tuple[dict[str, str], ...] = ()
    format_differs: bool = False  # same rows, yet the files differ (columns, order, quoting)

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed or self.new_conflicts
                    or self.resolved_conflicts or self.changed_conflicts or self.format_differs)


@dataclass(frozen=True)
class CheckResult:
    """Everything `factcheck check` decides on; `exit_code` is 0 clean, 1 failing."""

    claims_path: str
    stale: bool
    diff: TableDiff
    open: tuple[Finding, ...]
    known: tuple[Finding, ...]
    reviewed: tuple[Finding, ...]
    since: str | None = None
    changed_files: tuple[str, ...] = ()
    orphan_decisions: tuple[review.Decision, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return not self.stale and not self.open

    @property
    def exit_code(self) -> int:
        return 0 if self.ok else 1

    @property
    def stale_message(self) -> str:
        return f"{self.claims_path} is out of date: run `factcheck run` and commit it"

    @property
    def stale_summary(self) -> str:
        """The stale message with what changed, in counts: one short line."""
        counts = diff_counts(self.diff)
        return f"{self.stale_message} ({counts})" if counts else self.stale_message


# ---------------------------------------------------------------- check


def check(paths: Sequence[str | os.PathLike[str]], claims_path: str | os.PathLike[str],
          review_path: str | os.PathLike[str], since: str | None = None, *,
          cache_dir: str | os.PathLike[str] | None = None, jobs: int = 1,
          follow_links: bool = False) -> CheckResult:
    """Recompute the table from `paths`, compare with `claims_path`, sort conflicts by review state.

    `cache_dir` and `jobs` are as for `factcheck run` (pipeline.analyse): with the
    cache `run` left, only new or changed articles are extracted and only their
    stories matched again; the table is the same either way.
    Raises SourceError/TableError/ReviewError (exit 3) for unreadable input and
    GitError (exit 2) when `since` cannot be resolved.
    """
    changed_files = changed_since(since, paths) if since is not None else None
    if cache_dir is not None:
        # incremental: only changed stories are rebuilt, and the table is compared as text first
        fresh = incremental.table_of(paths, cache_dir, jobs=jobs, follow_links=follow_links)
        sources_, frame = fresh.sources, fresh.conflict_frame  # rows with conflicts: all findings need
    else:
        result = pipeline.analyse(*sources_mod.read_sources(paths, follow_links=follow_links), jobs=jobs)
        sources_, frame = result.sources, result.frame
    if not Path(claims_path).exists():
        raise TableError(claims_path, "no such file (run `factcheck run` and commit claims.csv)")
    if Path(claims_path).is_dir():
        raise TableError(claims_path, "is a folder, not a claims table")
    if cache_dir is None:
        committed = table.read(claims_path)
    try:
        decisions = review.load(review_path)
    except ReviewError:
        table.read(claims_path)  # an unreadable table is reported first, as without the cache
        raise
    quick = None
    if cache_dir is not None:
        fresh_text = fresh.annotated(decisions) if Path(review_path).exists() else fresh.text()
        committed_bytes = Path(claims_path).read_bytes()
        quick = (False, TableDiff()) if committed_bytes == fresh_text.encode("utf-8") \
            else text_diff(committed_bytes, fresh_text)
    if quick is not None:
        stale, diff = quick
    else:
        if cache_dir is not None:
            committed = table.read(claims_path)
        whole = result.frame if cache_dir is None else incremental.parse(fresh.text())
        stale = _serialise(committed) != _serialise(whole)
        diff = diff_tables(committed, whole) if stale else TableDiff()

    root = repo_root()
    locate = _Locator(sources_, root, changed_files)
    done = review.decided(decisions)
    found: dict[str, list[Finding]] = {OPEN: [], KNOWN: [], REVIEWED: []}
    found_pairs = review.discrepancies(frame)
    rows = _rows(frame, {cid for d in found_pairs for pair in d.also for cid in pair})
    degree = Counter(cid for d in found_pairs for cid in d.claim_ids)
    for d in found_pairs:
        a, b = locate(d.a), locate(d.b)
        also = tuple((locate(rows[x]), locate(rows[y])) for x, y in d.also)
        involved = changed_files is None or any(s.changed for pair in ((a, b), *also) for s in pair)
        state = REVIEWED if d.key in done else OPEN if involved else KNOWN
        weight = max(degree[c] for c in d.claim_ids) + len(d.also)
        found[state].append(Finding(d.key, state, a, b, d.reason, d.same_source, done.get(d.key), also, weight))
    for findings in found.values():  # most important first, as reports order them (stable: reading order)
        findings.sort(key=lambda f: (-f.weight, not f.same_source))
    current = {d.key for d in found_pairs}
    return CheckResult(
        claims_path=str(claims_path), stale=stale, diff=diff,
        open=tuple(found[OPEN]), known=tuple(found[KNOWN]), reviewed=tuple(found[REVIEWED]),
        since=since, changed_files=tuple(sorted(changed_files or ())),
        orphan_decisions=tuple(d for d in decisions if d.key not in current),  # review.stale
    )


def _rows(frame: pd.DataFrame, claim_ids: set[str]) -> dict[str, Mapping[str, Any]]:
    """The rows of these claims by claim_id, in one pass (not one scan of the table per claim)."""
    if not claim_ids:
        return {}
    return {str(r["claim_id"]): r for r in frame.loc[frame["claim_id"].isin(claim_ids)].to_dict("records")}


def _serialise(frame: pd.DataFrame) -> str:
    """The table as claims.csv would hold it, minus columns that may change without staleness."""
    return table.to_csv_text(frame.drop(columns=[c for c in IGNORED_COLUMNS if c in frame.columns]))


def _strings(frame: pd.DataFrame) -> pd.DataFrame:
    """Every cell as the string claims.csv holds, so frames from files and from runs compare."""
    parsed = pd.read_csv(io.StringIO(_serialise(frame)), dtype=str, keep_default_na=False)
    return parsed.map(table.restore) if hasattr(parsed, "map") else parsed.applymap(table.restore)


class _Locator:
    """Turns claim rows into ClaimRefs: file path, line and column of the claim's start."""

    def __init__(self, sources: Sequence[Source], root: Path, changed: set[Path] | None) -> None:
        self.sources = {s.id: s for s in sources}
        self.root = root
        self.changed = changed or set()
        self.cache: dict[str, ClaimRef] = {}

    def __call__(self, row: Mapping[str, Any]) -> ClaimRef:
        cid = str(row["claim_id"])
        if cid not in self.cache:
            source = self.sources.get(str(row["source"]))
            start = int(row["start"])
            line = col = None
            path, changed = str(row["source"]), False
            if source is not None:
                path = display_path(source.path, self.root)
                changed = source.path.resolve() in self.changed
                if source.text_origin == "file":
                    line, col = line_col(source.text, start)
            quote = str(row.get("quote") or "") or str(row["text"])
            self.cache[cid] = ClaimRef(cid, str(row["source"]), str(row["text"]), quote, path, line, col, changed)
        return self.cache[cid]


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of `offset`; \\r\\n, \\r and \\n each end a line, as editors count."""
    before = text[:offset]
    line = before.count("\n") + before.count("\r") - before.count("\r\n") + 1
    last = max(before.rfind("\n"), before.rfind("\r"))
    return line, offset - last


def display_path(path: Path, root: Path) -> str:
    """The path relative to the repository root when inside it (what GitHub annotations need)."""
    resolved = path.resolve()
    try:
        return resolved.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


# ---------------------------------------------------------------- git


def _git(args: Sequence[str], cwd: str | os.PathLike[str] | None = None) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise GitError("git is not installed (--since needs it)") from None
    if done.returncode != 0:
        message = " ".join(done.stderr.strip().splitlines()) or f"git {' '.join(args)} failed"
        raise GitError(message)
    return done.stdout


def repo_root(cwd: str | os.PathLike[str] | None = None) -> Path:
    """The git repository's top folder, or the current folder outside a repository."""
    try:
        return Path(_git(["rev-parse", "--show-toplevel"], cwd).strip()).resolve()
    except GitError:
        return Path(cwd or os.getcwd()).resolve()


def changed_since(ref: str, paths: Sequence[str | os.PathLike[str]]) -> set[Path]:
    """Source files added or modified since `ref` (committed, staged or not) plus untracked ones."""
    try:
        top = Path(_git(["rev-parse", "--show-toplevel"]).strip()).resolve()
    except GitError:
        raise GitError(f"--since needs a git repository, and {Path.cwd()} is not in one") from None
    if ref.startswith("-"):
        raise GitError(f"bad ref {ref!r} for --since")
    specs = [os.fspath(p) for p in paths]
    listed = _git(["diff", "--name-only", "--no-renames", "--diff-filter=AM", ref, "--", *specs])
    untracked = _git(["ls-files", "--others", "--exclude-standard", "--full-name", "--", *specs])
    return {(top / name).resolve() for name in (listed + untracked).splitlines() if name.strip()}


# ---------------------------------------------------------------- diff


def diff_tables(old_frame: pd.DataFrame, new_frame: pd.DataFrame) -> TableDiff:
    """What changed from `old_frame` to `new_frame` (claims by claim_id, conflicts by review key)."""
    old, new = _strings(old_frame), _strings(new_frame)
    old_rows = {r["claim_id"]: r for r in old.to_dict("records")}
    new_rows = {r["claim_id"]: r for r in new.to_dict("records")}
    columns = [c for c in new.columns if c in old.columns]
    return _diff(old_rows, new_rows, columns, _conflicts(old), _conflicts(new),
                 lambda: _serialise(old) != _serialise(new))


def _diff(old_rows: Mapping[str, Mapping[str, str]], new_rows: Mapping[str, Mapping[str, str]],
          columns: Sequence[str], old_conf: Mapping[str, ConflictRow], new_conf: Mapping[str, ConflictRow],
          files_differ: Any) -> TableDiff:
    added = tuple(r for cid, r in new_rows.items() if cid not in old_rows)
    removed = tuple(r for cid, r in old_rows.items() if cid not in new_rows)
    changed = []
    for cid, row in new_rows.items():
        before = old_rows.get(cid)
        if before is None or before is row:  # `is`: known equal (text_diff)
            continue
        fields = tuple((c, before[c], row[c]) for c in columns if before[c] != row[c])
        if fields:
            changed.append(ClaimChange(cid, row["source"], row["text"], fields))
    new_single = tuple(r for cid, r in new_rows.items() if r["label"] == "single-source"
                       and (cid not in old_rows or old_rows[cid]["label"] != "single-source"))
    diff = TableDiff(
        added=added, removed=removed, changed=tuple(changed),
        new_conflicts=tuple(c for k, c in new_conf.items() if k not in old_conf),
        resolved_conflicts=tuple(c for k, c in old_conf.items() if k not in new_conf),
        changed_conflicts=tuple((old_conf[k], c) for k, c in new_conf.items()
                                if k in old_conf and old_conf[k] != c),
        new_single_source=new_single,
    )
    if diff.empty and files_differ():
        return TableDiff(format_differs=True)
    return diff


def _csv_rows(text: str) -> tuple[list[str], list[list[str]]] | None:
    """Header and rows of a well-formed CSV (strict quoting, every row as long as the header)."""
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error:
        return None
    if not rows or any(len(r) != len(rows[0]) for r in rows[1:]):
        return None
    return rows[0], rows[1:]


def text_diff(committed: bytes, fresh: str) -> tuple[bool, TableDiff] | None:
    with incremental.no_gc():
        return _text_diff(committed, fresh)


def _text_diff(committed: bytes, fresh: str) -> tuple[bool, TableDiff] | None:
    """(stale, diff) as `check` finds them with table.read and diff_tables, from the two files' text:
    a second instead of a minute at 10,000 articles. None when the committed file is anything but a
    plain, valid claims table with the fresh table's columns (the frames then decide, and report errors)."""
    try:
        old_text = committed.decode("utf-8")
    except UnicodeDecodeError:
        return None
    old, new = _csv_rows(old_text), _csv_rows(fresh)
    if old is None or new is None or old[0] != new[0]:
        return None
    header = old[0]
    keep = [k for k, c in enumerate(header) if c not in IGNORED_COLUMNS]
    columns = [header[k] for k in keep]
    numbers = [k for k, c in enumerate(columns) if c in ("start", "end")]
    label_at, conflicts_at = columns.index("label"), columns.index("conflicts_with")
    labels = {label.value for label in Label}
    # raw cells are checked as table.read checks the restored ones: restoring never makes or
    # unmakes a label or a plain number; only rows that differ are restored and compared
    old_rows, new_rows = [[r[k] for k in keep] for r in old[1]], [[r[k] for k in keep] for r in new[1]]
    for rows in (old_rows, new_rows):
        for r in rows:
            if r[label_at] not in labels or not all(r[k].isascii() and r[k].isdigit() for k in numbers):
                return None

    def canonical(raw: list[str]) -> list[str]:
        row = [table.restore(x) for x in raw]
        for k in numbers:
            row[k] = str(int(row[k]))
        return row

    def same(a: list[str], b: list[str]) -> bool:
        return a == b or canonical(a) == canonical(b)

    if len(old_rows) == len(new_rows) and all(same(a, b) for a, b in zip(old_rows, new_rows)):
        return False, TableDiff()
    old_by = {table.restore(r[0]): r for r in old_rows}
    new_by = {table.restore(r[0]): r for r in new_rows}
    if len(old_by) != len(old_rows) or len(new_by) != len(new_rows):
        return None  # repeated claim ids: leave them to the frames

    def as_dict(raw: list[str]) -> dict[str, str]:
        return dict(zip(columns, canonical(raw)))

    def involved(by: Mapping[str, list[str]]) -> dict[str, dict[str, str]]:
        """Conflicting rows and the rows they name, restored (all _conflicts looks at)."""
        named = {table.restore(x) for r in by.values() if r[conflicts_at]
                 for x in table.restore(r[conflicts_at]).split(";") if x}
        return {cid: as_dict(r) for cid, r in by.items() if r[conflicts_at] or cid in named}

    def pick(cids: set[str], by: Mapping[str, list[str]]) -> dict[str, dict[str, str]]:
        return {cid: as_dict(r) for cid, r in by.items() if cid in cids}

    differ = {cid for cid, r in new_by.items() if cid in old_by and not same(old_by[cid], r)}
    single = "single-source"
    wanted_new = {cid for cid, r in new_by.items() if cid not in old_by or cid in differ
                  or (r[label_at] == single and old_by[cid][label_at] != single)}
    wanted_old = {cid for cid in old_by if cid not in new_by or cid in differ}
    old_some, new_some = pick(wanted_old, old_by), pick(wanted_new, new_by)
    # rows present in both and equal need not be restored: give _diff the same row on both sides
    shared = {cid: _Lazy(r, as_dict, label_at) for cid, r in new_by.items() if cid not in new_some}
    old_view = {cid: old_some.get(cid) or shared[cid] for cid in old_by}
    new_view = {cid: new_some.get(cid) or shared[cid] for cid in new_by}
    return True, _diff(old_view, new_view, columns, _conflict_table(involved(old_by), columns),
                       _conflict_table(involved(new_by), columns), lambda: True)


class _Lazy:
    """A row equal in both tables (one object on both sides: _diff skips it), restored only
    when a cell other than its label is read."""

    __slots__ = ("_raw", "_restore", "_label", "_row")

    def __init__(self, raw: list[str], restore: Any, label_at: int) -> None:
        self._raw, self._restore, self._label, self._row = raw, restore, raw[label_at], None

    def __getitem__(self, column: str) -> str:
        if column == "label":
            return self._label  # a valid label is never changed by restoring
        if self._row is None:
            self._row = self._restore(self._raw)
        return self._row[column]


def _conflict_table(rows: Mapping[str, Mapping[str, str]], columns: Sequence[str]) -> dict[str, ConflictRow]:
    return _conflicts(pd.DataFrame(list(rows.values()), columns=list(columns)))


def _conflicts(frame: pd.DataFrame) -> dict[str, ConflictRow]:
    return {d.key: ConflictRow(d.key, str(d.a["source"]), str(d.a["text"]), str(d.b["source"]),
                               str(d.b["text"]), d.reason)
            for d in review.discrepancies(frame)}


# ---------------------------------------------------------------- renderers


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _discrepancies(n: int) -> str:
    return f"{n} discrepanc{'y' if n == 1 else 'ies'}"


def diff_counts(diff: TableDiff) -> str:
    """What changed, in counts: `1 new, 11 changed claims; 2 new conflicts` (empty when nothing)."""
    claims = [f"{n} {word}" for n, word in ((len(diff.added), "new"), (len(diff.removed), "removed"),
                                           (len(diff.changed), "changed")) if n]
    conflicts = [f"{n} {word}" for n, word in ((len(diff.new_conflicts), "new"),
                                              (len(diff.resolved_conflicts), "resolved"),
                                              (len(diff.changed_conflicts), "changed")) if n]
    parts = []
    if claims:
        total = len(diff.added) + len(diff.removed) + len(diff.changed)
        parts.append(", ".join(claims) + (" claim" if total == 1 else " claims"))
    if conflicts:
        total = len(diff.new_conflicts) + len(diff.resolved_conflicts) + len(diff.changed_conflicts)
        parts.append(", ".join(conflicts) + (" conflict" if total == 1 else " conflicts"))
    if not parts and diff.format_differs:
        parts.append("same claims, the file differs")
    return "; ".join(parts)


def _capped(lines: list[str], limit: int | None, indent: str) -> list[str]:
    if limit is None or len(lines) <= limit:
        return lines
    return lines[:limit] + [f"{indent}  … and {len(lines) - limit} more"]


def _diff_lines(diff: TableDiff, indent: str = "  ", *, limit: int | None = None,
                conflict_keys: bool = False) -> list[str]:
    """The diff as lines; at most `limit` lines per list; with `conflict_keys`, new and changed
    conflicts by key only (the report lists every current discrepancy in full below)."""
    lines: list[str] = []
    if diff.format_differs:
        lines.append(f"{indent}same claims, but the file differs (columns, order or quoting)")
    for title, rows, mark in (("new claims", diff.added, "+"), ("removed claims", diff.removed, "-")):
        if rows:
            lines.append(f"{indent}{title} ({len(rows)}):")
            lines.extend(_capped([f"{indent}  {mark} [{r['source']}] {r['text']}" for r in rows], limit, indent))
    if diff.changed:
        lines.append(f"{indent}changed claims ({len(diff.changed)}):")
        changed = []
        for change in diff.changed:
            what = "; ".join(f"{c}: {o or '(empty)'} -> {n or '(empty)'}" if c == "label" else c
                             for c, o, n in change.fields)
            changed.append(f"{indent}  ~ [{ident(change.source)}] {one_line(change.text)} ({one_line(what)})")
        lines.extend(_capped(changed, limit, indent))
    if conflict_keys:
        for title, keys in (("new conflicts", [c.key for c in diff.new_conflicts]),
                            ("changed conflicts", [n.key for _, n in diff.changed_conflicts])):
            if keys:
                lines.append(f"{indent}{title} ({len(keys)}): {', '.join(ident(k) for k in keys)} (listed below)")
    conflict_lists = (("resolved conflicts", diff.resolved_conflicts),) if conflict_keys else \
        (("new conflicts", diff.new_conflicts), ("resolved conflicts", diff.resolved_conflicts))
    for title, conflicts in conflict_lists:
        if conflicts:
            lines.append(f"{indent}{title} ({len(conflicts)}):")
            lines.extend(_capped([f"{indent}  [{ident(c.source_a)}] {one_line(c.text_a)} <> [{ident(c.source_b)}] "
                                  f"{one_line(c.text_b)}: {one_line(c.reason)}"
                                  for c in conflicts], limit, indent))
    if diff.changed_conflicts and not conflict_keys:
        lines.append(f"{indent}changed conflicts ({len(diff.changed_conflicts)}):")
        lines.extend(_capped([f"{indent}  [{ident(new.source_a)}] {one_line(new.text_a)} <> [{ident(new.source_b)}] "
                              f"{one_line(new.text_b)}: {one_line(old.reason)} -> {one_line(new.reason)}"
                              for old, new in diff.changed_conflicts], limit, indent))
    return lines


def _finding_lines(f: Finding) -> list[str]:
    lines = [f"  [{f.key}] {one_line(f.reason)}"]
    for side in (f.a, f.b):
        lines.append(f"    {ident(side.where)}  [{ident(side.source)}] \"{one_line(side.quote)}\"")
    for a, b in f.also:
        lines.append(f"    also: {ident(a.where)} <> {ident(b.where)}")
    if f.decision is not None:
        note = f": {one_line(f.decision.note)}" if f.decision.note else ""
        lines.append(f"    {f.decision.decision.value} by {one_line(f.decision.reviewer)}{note}")
    return lines


DIFF_LIMIT = 20  # lines per list of a stale table's changes in the text report
FIX = "`factcheck review KEY --confirm|--dismiss|--correct --note WHY`"


def decision_counts(findings: Sequence[Finding]) -> str:
    """`2 confirmed, 1 dismissed`: the decisions among reviewed findings."""
    counts = Counter(f.decision.decision.value for f in findings if f.decision is not None)
    return ", ".join(f"{n} {value}" for value, n in sorted(counts.items()))


def render_text(result: CheckResult) -> str:
    """The report for people: what is stale, what fails (each once), how to make it pass;
    reviewed and known discrepancies in one line each."""
    lines: list[str] = []
    if result.stale:
        lines.append(result.stale_summary)
        lines.extend(_diff_lines(result.diff, limit=DIFF_LIMIT, conflict_keys=True))
        lines.append("")
    if result.open:
        scope = f" in sources changed since {result.since}" if result.since else ""
        lines.append(f"{_discrepancies(len(result.open))} unreviewed{scope}:")
        for f in result.open:
            lines.extend(_finding_lines(f))
        lines.append(f"  to pass, record a decision in review.csv: {FIX}")
        lines.append("")
    if result.known:
        lines.append(f"{_discrepancies(len(result.known))} known (unreviewed, not in sources changed since "
                     f"{result.since}): `factcheck review` lists {'it' if len(result.known) == 1 else 'them'}")
    if result.reviewed:
        lines.append(f"{_discrepancies(len(result.reviewed))} reviewed ({decision_counts(result.reviewed)}): "
                     f"`factcheck review --all` lists {'it' if len(result.reviewed) == 1 else 'them'}")
    if result.orphan_decisions:
        n = len(result.orphan_decisions)
        lines.append(f"{_plural(n, 'review decision')} {'matches' if n == 1 else 'match'} no current discrepancy "
                     f"(stale, kept): " + ", ".join(ident(d.key) for d in result.orphan_decisions))
    if result.known or result.reviewed or result.orphan_decisions:
        lines.append("")
    lines.append(verdict(result))
    return safe_text.terminal("\n".join(lines) + "\n")


def verdict(result: CheckResult) -> str:
    if result.ok:
        return (f"OK: {result.claims_path} is up to date; no unreviewed discrepancies "
                f"({len(result.reviewed)} reviewed, {len(result.known)} known)")
    problems = []
    if result.stale:
        problems.append(f"{result.claims_path} is out of date")
    if result.open:
        problems.append(f"{len(result.open)} unreviewed")
    return "FAILED: " + ", ".join(problems)


def escape_data(value: str) -> str:
    """Escape a workflow-command message (GitHub's rules: %, CR, LF)."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a workflow-command property value (as messages, plus ':' and ',')."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def _command(kind: str, message: str, *, file: str | None = None, line: int | None = None,
             col: int | None = None, title: str | None = None) -> str:
    props = []
    if file is not None:
        props.append(f"file={escape_property(file)}")
    if line is not None:
        props.append(f"line={line}")
    if col is not None:
        props.append(f"col={col}")
    if title is not None:
        props.append(f"title={escape_property(title)}")
    head = f"::{kind} {','.join(props)}" if props else f"::{kind}"
    return f"{head}::{escape_data(safe_text.plain(message))}"


def render_junit(result: CheckResult) -> str:
    """JUnit XML: one test case for the table's freshness, one per discrepancy (failure when open)."""
    suites = ET.Element("testsuites", name="factcheck")
    fresh = ET.SubElement(suites, "testsuite", name="factcheck.table", tests="1",
                          failures="1" if result.stale else "0", errors="0", skipped="0")
    case = ET.SubElement(fresh, "testcase", classname="factcheck.table",
                         name=f"{result.claims_path} is up to date", file=result.claims_path)
    if result.stale:
        failure = ET.SubElement(case, "failure", message=result.stale_message, type="stale")
        failure.text = "\n".join(_diff_lines(result.diff, indent=""))
    findings = [*result.open, *result.known, *result.reviewed]
    suite = ET.SubElement(suites, "testsuite", name="factcheck.discrepancies", tests=str(len(findings)),
                          failures=str(len(result.open)), errors="0", skipped=str(len(result.known)))
    for f in findings:
        target = f.target
        attrs = {"classname": f"factcheck.discrepancies.{f.a.source}.{f.b.source}",
                 "name": f"{f.key} {f.a.where} vs {f.b.where}", "file": target.path}
        if target.line is not None:
            attrs["line"] = str(target.line)
        case = ET.SubElement(suite, "testcase", **attrs)
        detail = "\n".join(_finding_lines(f))
        if f.state == OPEN:
            failure = ET.SubElement(case, "failure", message=f.reason, type="unreviewed-discrepancy")
            failure.text = detail
        elif f.state == KNOWN:
            ET.SubElement(case, "skipped", message=f"known, not in sources changed since {result.since}: {f.reason}")
        else:
            ET.SubElement(case, "system-out").text = detail
    ET.indent(suites)
    return safe_text.xml(ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n")


def _md(text: str) -> str:
    """Keep claim text from breaking a Markdown table or turning into markup, links or mentions."""
    return safe_text.md(text)


def render_diff_md(diff: TableDiff, old_name: str = "old", new_name: str = "new") -> str:
    """The diff as a pull-request comment: conflicts first, then single-source claims and counts."""
    lines = [f"### factcheck: claim table changes ({_md(old_name)} → {_md(new_name)})", ""]
    if diff.empty:
        return "\n".join(lines + ["No changes.", ""])
    if diff.format_differs:
        lines += ["Same claims, but the file differs (columns, order or quoting).", ""]

    def conflict_table(title: str, rows: Sequence[ConflictRow]) -> None:
        if not rows:
            return
        lines.extend([f"#### {title} ({len(rows)})", "", "| claim | contradicts | why |", "| --- | --- | --- |"])
        lines.extend(f"| **{_md(c.source_a)}**: {_md(c.text_a)} | **{_md(c.source_b)}**: {_md(c.text_b)} "
                     f"| {_md(c.reason)} |" for c in rows)
        lines.append("")

    conflict_table("New conflicts", diff.new_conflicts)
    conflict_table("Resolved conflicts", diff.resolved_conflicts)
    if diff.changed_conflicts:
        lines.extend([f"#### Changed conflicts ({len(diff.changed_conflicts)})", "",
                      "| claim | contradicts | was | now |", "| --- | --- | --- | --- |"])
        lines.extend(f"| **{_md(n.source_a)}**: {_md(n.text_a)} | **{_md(n.source_b)}**: {_md(n.text_b)} "
                     f"| {_md(o.reason)} | {_md(n.reason)} |" for o, n in diff.changed_conflicts)
        lines.append("")
    if diff.new_single_source:
        lines.extend([f"#### New single-source claims ({len(diff.new_single_source)})", ""])
        lines.extend(f"- **{_md(r['source'])}**: {_md(r['text'])}" for r in diff.new_single_source)
        lines.append("")
    lines.append(f"{_plural(len(diff.added), 'new claim')}, {_plural(len(diff.removed), 'removed claim')}, "
                 f"{_plural(len(diff.changed), 'changed claim')}.")
    return "\n".join(lines) + "\n"


def render_diff_text(diff: TableDiff) -> str:
    """The diff for a terminal."""
    if diff.empty:
        return "no changes\n"
    lines = _diff_lines(diff, indent="")
    if diff.new_single_source:
        lines.append(f"new single-source claims ({len(diff.new_single_source)}):")
        lines.extend(f"  [{ident(r['source'])}] {one_line(r['text'])}" for r in diff.new_single_source)
    return "\n".join(lines) + "\n"

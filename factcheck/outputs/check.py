"""CI checks: is the committed claims.csv current, and is every conflict reviewed?

A newsroom commits its sources, claims.csv and review.csv. On a pull request
`check` recomputes the claim table from the sources and fails when the
committed table is stale (someone forgot `factcheck run`) or when a conflict
has no review decision.

This module holds the check itself (`check`: recompute, compare, sort the
conflicts by review state, locate each claim's line in its file), the git
queries it needs (`repo_root`, `changed_since`) and the diff of two claim
tables (`diff_tables`, and `text_diff` from the files' text). The records it
returns are in factcheck.outputs.check_records; reports for people (text), CI
dashboards (JUnit) and pull-request comments (Markdown) are rendered by
factcheck.outputs.check_output, and GitHub workflow annotations by factcheck.outputs.ci. The
records and renderers stay importable from here.
"""
from __future__ import annotations

import csv
import io
import os
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any, Mapping, Sequence

import pandas as pd

from ..scale import incremental
from .. import pipeline
from . import review, table
from ..inputs import sources as sources_mod
from .check_output import (DIFF_LIMIT, FIX, decision_counts, escape_data, escape_property, render_diff_md,
                           render_diff_text, render_junit, render_text, verdict)
from .check_records import (KNOWN, OPEN, REVIEWED, CheckResult, ClaimChange, ClaimRef, ConflictRow, Finding,
                            TableDiff, diff_counts)
from ..errors import GitError, ReviewError, TableError
from ..records import Label, Source

__all__ = [
    # the check, the diff and what they need (this module)
    "IGNORED_COLUMNS", "check", "line_col", "display_path", "repo_root", "changed_since", "diff_tables", "text_diff",
    # records (factcheck.outputs.check_records)
    "OPEN", "KNOWN", "REVIEWED", "ClaimRef", "Finding", "ClaimChange", "ConflictRow", "TableDiff", "CheckResult",
    "diff_counts",
    # renderers (factcheck.outputs.check_output)
    "DIFF_LIMIT", "FIX", "decision_counts", "escape_data", "escape_property", "render_diff_md", "render_diff_text",
    "render_junit", "render_text", "verdict",
]

IGNORED_COLUMNS = ("review",)  # decisions change without the table being stale


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

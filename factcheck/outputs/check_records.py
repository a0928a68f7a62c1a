"""The records of `factcheck check`: what a check finds and decides on.

ClaimRef (one claim located in its source file), Finding (a discrepancy and its
review state: open, known or reviewed), the diff between two claim tables
(ClaimChange, ConflictRow, TableDiff), CheckResult (everything the check
decides on), and `diff_counts`, the one-line count of a TableDiff that
CheckResult's stale message carries. factcheck.outputs.check computes them;
factcheck.outputs.check_output and factcheck.outputs.ci render them.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from . import review

OPEN, KNOWN, REVIEWED = "open", "known", "reviewed"  # Finding.state


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

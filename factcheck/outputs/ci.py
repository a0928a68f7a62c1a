"""`check --format github`: workflow annotations that fit a pull request, and the job summary.

GitHub shows at most 10 error (and 10 notice) annotations of a step, so each
discrepancy gets exactly one, most important first, placed on the claim in a
source the pull request added or changed when there is one. The full list
goes to the job summary as Markdown (`$GITHUB_STEP_SUMMARY`), and a stale
table is one short error on claims.csv saying the fix, its changes folded into
a log group.
"""
from __future__ import annotations

import re
from typing import Sequence

from .check_output import DIFF_LIMIT, FIX, decision_counts, diff_lines, discrepancies_text, verdict, workflow_command
from .check_records import CheckResult, ClaimRef, Finding, diff_counts
from .safe_text import md

ANNOTATIONS_SHOWN = 10  # per kind and step, by GitHub
SUMMARY_ENV = "GITHUB_STEP_SUMMARY"


def annotation_message(f: Finding, side: ClaimRef) -> str:
    """The annotation's text: the claim, what it contradicts, why, and how to pass."""
    lines = [f"\"{side.quote}\""]
    for other in f.other(side):
        lines.append(f"contradicts {other.where}: \"{other.quote}\"")
    lines.append(f"why: {f.reason}")
    if f.decision is None:
        lines.append(f"to pass, record a decision: factcheck review {f.key} --confirm|--dismiss|--correct --note WHY")
    return "\n".join(lines)


def render_github(result: CheckResult) -> str:
    """Workflow commands: one error per unreviewed discrepancy (a notice per known one), most
    important first; a stale table is one short error on claims.csv with its changes in a log group."""
    out: list[str] = []
    if result.stale:
        out.append(workflow_command("error", result.stale_summary, file=result.claims_path,
                                    title=f"{result.claims_path} is out of date"))
        out.append(f"::group::{result.claims_path}: what `factcheck run` would change")
        # plain log lines: a line break inside a cell must not start a workflow command
        out.extend(" ".join(line.splitlines())
                   for line in diff_lines(result.diff, indent="", limit=DIFF_LIMIT, conflict_keys=True))
        out.append("::endgroup::")
    for kind, findings, title in (("error", result.open, "conflicting claim"),
                                  ("notice", result.known, "known conflicting claim")):
        for f in findings:
            side = f.target
            out.append(workflow_command(kind, annotation_message(f, side), file=side.path, line=side.line,
                                        col=side.col, title=f"factcheck: {title} ({f.key})"))
    hidden = max(0, len(result.open) - ANNOTATIONS_SHOWN)
    if hidden:
        out.append(f"GitHub shows the first {ANNOTATIONS_SHOWN} annotations; {hidden} more are above in this log "
                   "and in the job summary.")
    out.append(verdict(result))
    return "\n".join(out) + "\n"


def _code(text: str) -> str:
    """Inline code that no backtick or line break in `text` can end early."""
    return "`" + " ".join(str(text).replace("`", "'").split()) + "`"


def _fenced(lines: Sequence[str]) -> list[str]:
    """A code block whose fence is longer than any run of backticks inside it."""
    longest = max((len(run) for line in lines for run in re.findall(r"`+", line)), default=0)
    fence = "`" * max(3, longest + 1)
    return [fence, *lines, fence]


def _cell(side: ClaimRef) -> str:
    return f"{_code(side.where)} {md(side.quote)}"


def _findings_table(findings: Sequence[Finding]) -> list[str]:
    lines = ["| # | Key | Claim | Contradicts | Why |", "| ---: | --- | --- | --- | --- |"]
    for n, f in enumerate(findings, start=1):
        side = f.target
        others = f.other(side) or [f.b if side == f.a else f.a]
        lines.append(f"| {n} | `{f.key}` | {_cell(side)} | {'<br>'.join(_cell(o) for o in others)} "
                     f"| {md(f.reason)} |")
    return lines + [""]


def render_summary_md(result: CheckResult) -> str:
    """The job summary: verdict, the stale table's changes, every unreviewed and known
    discrepancy (most important first), and the reviewed ones in one line."""
    lines = [f"### factcheck: {md(verdict(result))}", ""]
    if result.stale:
        counts = diff_counts(result.diff)
        lines += [f"{_code(result.claims_path)} is out of date: run `factcheck run` and commit it"
                  + (f" ({counts})" if counts else "") + ".", "",
                  "<details><summary>What <code>factcheck run</code> would change</summary>", "",
                  *_fenced(diff_lines(result.diff, indent="", limit=DIFF_LIMIT, conflict_keys=True)),
                  "", "</details>", ""]
    if result.open:
        scope = f" in sources changed since {_code(result.since)}" if result.since else ""
        lines += [f"#### {discrepancies_text(len(result.open))} unreviewed{scope}", ""]
        lines += _findings_table(result.open)
        lines += [f"To pass, record a decision in review.csv: {FIX}", ""]
    if result.known:
        lines += [f"#### {discrepancies_text(len(result.known))} known (unreviewed, not in sources changed since "
                  f"{_code(result.since or '')})", ""]
        lines += _findings_table(result.known)
    if result.reviewed:
        lines += [f"{discrepancies_text(len(result.reviewed))} reviewed ({decision_counts(result.reviewed)}): "
                  "`factcheck review --all` lists them.", ""]
    return "\n".join(lines)

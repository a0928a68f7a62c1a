"""Rendering a CheckResult or a TableDiff: text for people, JUnit XML, Markdown.

`render_text` (the terminal report of `factcheck check`), `render_junit` (for CI
dashboards), `render_diff_md` and `render_diff_text` (`factcheck diff`), and the
pieces factcheck.outputs.ci shares for `--format github`: `diff_lines`,
`discrepancies_text`, `decision_counts`, `verdict` and `workflow_command` with
its escaping (`escape_data`, `escape_property`).
"""
from __future__ import annotations

from collections import Counter
import xml.etree.ElementTree as ET
from typing import Sequence

from . import safe_text
from .check_records import KNOWN, OPEN, CheckResult, ConflictRow, Finding, TableDiff
from .safe_text import ident, one_line


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def discrepancies_text(n: int) -> str:
    """`1 discrepancy`, `3 discrepancies`."""
    return f"{n} discrepanc{'y' if n == 1 else 'ies'}"


def _capped(lines: list[str], limit: int | None, indent: str) -> list[str]:
    if limit is None or len(lines) <= limit:
        return lines
    return lines[:limit] + [f"{indent}  … and {len(lines) - limit} more"]


def diff_lines(diff: TableDiff, indent: str = "  ", *, limit: int | None = None,
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
        lines.extend(diff_lines(result.diff, limit=DIFF_LIMIT, conflict_keys=True))
        lines.append("")
    if result.open:
        scope = f" in sources changed since {result.since}" if result.since else ""
        lines.append(f"{discrepancies_text(len(result.open))} unreviewed{scope}:")
        for f in result.open:
            lines.extend(_finding_lines(f))
        lines.append(f"  to pass, record a decision in review.csv: {FIX}")
        lines.append("")
    if result.known:
        lines.append(f"{discrepancies_text(len(result.known))} known (unreviewed, not in sources changed since "
                     f"{result.since}): `factcheck review` lists {'it' if len(result.known) == 1 else 'them'}")
    if result.reviewed:
        lines.append(f"{discrepancies_text(len(result.reviewed))} reviewed ({decision_counts(result.reviewed)}): "
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


def workflow_command(kind: str, message: str, *, file: str | None = None, line: int | None = None,
                     col: int | None = None, title: str | None = None) -> str:
    """A GitHub workflow command (`::error file=...,line=...::message`), every part escaped."""
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
        failure.text = "\n".join(diff_lines(result.diff, indent=""))
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
    lines = diff_lines(diff, indent="")
    if diff.new_single_source:
        lines.append(f"new single-source claims ({len(diff.new_single_source)}):")
        lines.extend(f"  [{ident(r['source'])}] {one_line(r['text'])}" for r in diff.new_single_source)
    return "\n".join(lines) + "\n"

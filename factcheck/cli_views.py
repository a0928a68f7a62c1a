"""What `factcheck review` and `factcheck run` print: discrepancy lists, the interactive walk,
the run summary. Only the CLI calls these; they echo through click."""
from __future__ import annotations

import shutil
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping, Sequence

import click

from .outputs.safe_text import ident, one_line, terminal

from .outputs import report as report_mod
from .outputs import review as review_mod

if TYPE_CHECKING:
    import pandas as pd

EXIT_INTERRUPTED = 130  # as a shell reports a command stopped by Ctrl-C
FIX = "factcheck review KEY --confirm|--dismiss|--correct --note WHY"
_IRREGULAR = {"discrepancy": "discrepancies", "open discrepancy": "open discrepancies"}



def say(text: str = "", **options: object) -> None:
    """Print for people: no control characters, no line a CI runner would read as a command."""
    click.echo(terminal(str(text)), **options)  # type: ignore[arg-type]

def plural(n: int, word: str) -> str:
    """`1 claim`, `2 claims`, `1 discrepancy`, `2 discrepancies`."""
    return f"{n} {word if n == 1 else _IRREGULAR.get(word, word + 's')}"


def side_by_side(item: report_mod.ReviewItem, width: int) -> str:
    """Two claims in two columns, differing words between asterisks."""
    column = max(24, (width - 3) // 2)
    blocks = []
    for claim in item["claims"]:
        head = f"[{ident(claim['source'])}] {claim['published'] or 'undated'}"
        body = report_mod.marked_plain(claim["quote"], claim["highlights"])
        values = one_line("; ".join(f"{k}: {v}" for k, v in claim["values"].items()))
        lines = textwrap.wrap(head, column) + textwrap.wrap(body, column) + textwrap.wrap(values, column)
        blocks.append(lines)
    height = max(len(b) for b in blocks)
    rows = [f"{(blocks[0] + [''] * height)[n]:<{column}} | {(blocks[1] + [''] * height)[n]}".rstrip()
            for n in range(height)]
    return "\n".join(rows)


def describe(item: report_mod.ReviewItem) -> str:
    scope = "inside one article" if item["same_source"] else "between sources"
    return f"{item['key']}  {item['kind']}, {scope}: {one_line(item['explanation'])}"


def _decision_line(d: Mapping[str, Any]) -> str:
    note = f": {one_line(d['note'])}" if d["note"] else ""
    return f"    {d['decision']} by {one_line(d['reviewer'])} on {d['timestamp']}{note}"


def list_discrepancies(frame: "pd.DataFrame", decisions: Sequence[review_mod.Decision], path: Path, *,
                       everything: bool = False) -> None:
    """The open discrepancies (with `everything`, the decided ones too, with their decisions),
    then the stale decisions. With nothing open, says so and how to list the decided ones."""
    items = report_mod.review_items(frame, decisions)
    still = [i for i in items if not i["decision"]]
    decided = len(items) - len(still)
    shown = items if everything else still
    if not items:
        say("No discrepancies: no two claims contradict each other.")
    elif everything:
        say(f"{plural(len(items), 'discrepancy')}: {len(still)} open, {decided} decided ({path})")
    elif still:
        say(f"{plural(len(still), 'open discrepancy')}, {decided} decided ({path})")
    else:
        say(f"No open discrepancies; {decided} decided ({path}): `factcheck review --all` lists "
                   f"{'it' if decided == 1 else 'them'}.")
    for item in shown:
        a, b = item["claims"]
        say(f"\n{describe(item)}")
        say(f"    [{ident(a['source'])}] {one_line(a['text'])}")
        say(f"    [{ident(b['source'])}] {one_line(b['text'])}")
        if everything:
            say(_decision_line(item["decision"]) if item["decision"] else "    open")
    gone = review_mod.stale(frame, decisions)
    if gone:
        say(f"\n{plural(len(gone), 'stale decision')} (their discrepancy is no longer found; kept in {path}):")
        for d in gone:
            say(f"    {ident(d.key)} {d.decision.value}: [{ident(d.source_a)}] {one_line(d.claim_a)} / "
                f"[{ident(d.source_b)}] {one_line(d.claim_b)}")


_ANSWERS = {"c": "confirmed", "d": "dismissed", "r": "corrected"}


def interactive(frame: "pd.DataFrame", path: Path, who: str) -> int:
    """Prompt for each open discrepancy, saving each answer at once; returns the exit code:
    0 when done, quit or at the end of input, 130 when stopped by Ctrl-C (one line says what was kept)."""
    items = [i for i in report_mod.review_items(frame, review_mod.load(path)) if not i["decision"]]
    if not items:
        say("No open discrepancies: `factcheck review --all` lists the decided ones.")
        return 0
    width = shutil.get_terminal_size((100, 24)).columns
    saved = 0
    try:
        for n, item in enumerate(items, start=1):
            say(f"\n[{n}/{len(items)}] {describe(item)}\n")
            say(side_by_side(item, width))
            answer = click.prompt("\n[c]onfirm, [d]ismiss, co[r]rect, [s]kip, [q]uit",
                                  type=click.Choice(["c", "d", "r", "s", "q"]), show_choices=False)
            if answer == "q":
                break
            if answer == "s":
                continue
            note = click.prompt("note")
            made = review_mod.record(path, frame, item["key"], _ANSWERS[answer], note, who)
            saved += 1
            say(f"saved: {made.decision.value} {made.key}")
    except (click.Abort, KeyboardInterrupt) as exc:
        # click turns both Ctrl-C and the end of input at a prompt into Abort; the cause tells them apart
        cause = exc if isinstance(exc, KeyboardInterrupt) else exc.__context__
        if isinstance(cause, KeyboardInterrupt):
            say(f"\nStopped: {plural(saved, 'decision')} saved in {path}.", err=True)
            return EXIT_INTERRUPTED
        say(f"\nEnd of input: {plural(saved, 'decision')} saved in {path}.")
        return 0
    say(f"\n{plural(saved, 'decision')} saved in {path}.")
    return 0


def run_summary(sources: int, claims: int, counts: Mapping[str, int], out: Path,
                conflicts: Sequence[tuple[review_mod.Discrepancy, str]],
                changes: Mapping[str, int] | None = None) -> str:
    """What a person wants after a run: counts per label and of the changes over time (`changes`:
    {"updates": int, "missed_forecasts": int}, as report_timeline.change_counts), on one line,
    then each conflict with its review key and state (`open` or the decision in review.csv)."""
    changes = changes or {}
    lines = [
        f"{plural(sources, 'source')}, {plural(claims, 'claim')} -> {ident(out)}",
        "  " + ", ".join([*(f"{counts.get(label, 0)} {label}" for label in ("conflicting", "agreeing", "single-source")),
                          plural(changes.get("updates", 0), "update"),
                          plural(changes.get("missed_forecasts", 0), "missed forecast")]),
    ]
    if conflicts:
        still = sum(1 for _, state in conflicts if state == "open")
        lines += ["", f"{plural(len(conflicts), 'conflict')} ({still} open, {len(conflicts) - still} decided):"]
    for d, state in conflicts:
        lines.append(f"- {d.key} {state}: {one_line(d.reason)}")
        lines.append(f"    [{ident(d.a['source'])}] {one_line(d.a['text'])}")
        lines.append(f"    [{ident(d.b['source'])}] {one_line(d.b['text'])}")
    if any(state == "open" for _, state in conflicts):
        lines += ["", f"Record a decision on each open one: {FIX}"]
    return "\n".join(lines)

#!/usr/bin/env python3
"""Issue 13's gate on real coverage: `tolerate` lines are the story moving on, never conflicts.

For each case folder (sources/ and gold.csv, the format of ../shared/eval/score.py)
this runs `python -m factcheck run CASE/sources --out ...` and reads every
`tolerate` line's rows the way score.py does (same source, span overlapping the
phrase, text holding a keyword). It counts

- the tolerate lines whose rows conflict (`conflicts_with`): must be at most
  --max-conflicts (0: the issue's "none of them counts as a conflict");
- the tolerate lines whose rows are joined by an update (`updates`/`updated_by`):
  must be at least --min-updates (the "shown as updates" floor, raised as it grows).

Exit 1 below a floor, 2 on a malformed case. Standard library only.

Usage: tolerate.py CASE [CASE ...] [--max-conflicts N] [--min-updates N]
Example: python .ci/tolerate.py tests/eval_real/*/ tests/eval_real2/*/ --max-conflicts 0 --min-updates 40
"""
from __future__ import annotations

import argparse
import csv
import subprocess
import sys
import tempfile
from pathlib import Path


def _ids(value: str) -> set[str]:
    return {x for x in (value or "").split(";") if x}


def _rows(table: list[dict[str, str]], text: str, source: str, phrase: str, keyword: str,
          where: str) -> list[dict[str, str]]:
    at = text.find(phrase)
    if at < 0:
        raise SystemExit(f"{where}: phrase not in {source}: {phrase!r}")
    end = at + len(phrase)
    keys = [k.strip().lower() for k in (keyword or "").split("|") if k.strip()]
    return [r for r in table if r["source"] == source and int(r["start"]) < end and at < int(r["end"])
            and (not keys or any(k in r["text"].lower() for k in keys))]


def check_case(case: Path) -> tuple[int, int, int, list[str]]:
    """(tolerate lines, lines reported as conflicts, lines shown as updates, notes of the conflicts)."""
    texts = {p.stem: p.read_text(encoding="utf-8", errors="replace")
             for p in sorted((case / "sources").iterdir()) if p.is_file() and not p.name.startswith(".")}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "claims.csv"
        subprocess.run([sys.executable, "-m", "factcheck", "run", str(case / "sources"), "--out", str(out), "-q"],
                       check=True)
        with out.open(encoding="utf-8", newline="") as f:
            table = list(csv.DictReader(f))
    lines = conflicts = updates = 0
    notes: list[str] = []
    with (case / "gold.csv").open(encoding="utf-8", newline="") as f:
        for n, g in enumerate(csv.DictReader(f), start=2):
            if g["kind"] != "tolerate":
                continue
            lines += 1
            where = f"{case / 'gold.csv'}:{n}"
            ra = _rows(table, texts[g["source_a"]], g["source_a"], g["phrase_a"], g["keyword_a"], where)
            rb = _rows(table, texts[g["source_b"]], g["source_b"], g["phrase_b"], g["keyword_b"], where)
            ids_b = {r["claim_id"] for r in rb}
            if any(_ids(r["conflicts_with"]) & ids_b for r in ra):
                conflicts += 1
                notes.append(f"{where}: reported as a conflict: {g['note']}")
            if any((_ids(r["updates"]) | _ids(r["updated_by"])) & ids_b for r in ra):
                updates += 1
    return lines, conflicts, updates, notes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="+", type=Path)
    parser.add_argument("--max-conflicts", type=int, default=0)
    parser.add_argument("--min-updates", type=int, default=0)
    args = parser.parse_args()
    lines = conflicts = updates = 0
    for case in args.cases:
        n, c, u, notes = check_case(case)
        lines, conflicts, updates = lines + n, conflicts + c, updates + u
        for note in notes:
            print(note)
    print(f"tolerate lines: {lines}; reported as conflicts: {conflicts} (at most {args.max_conflicts}); "
          f"shown as updates: {updates} (at least {args.min_updates})")
    return 0 if conflicts <= args.max_conflicts and updates >= args.min_updates else 1


if __name__ == "__main__":
    sys.exit(main())

"""Prove a speed-up changed no result: claims.csv of every case, before and after, byte for byte.

    python bench/same_output.py write /tmp/before [--extra /tmp/corpus/sources]
    (change the code)
    python bench/same_output.py write /tmp/after  [--extra /tmp/corpus/sources]
    python bench/same_output.py diff /tmp/before /tmp/after

`write` runs `factcheck run DIR --out OUT/<case>/claims.csv --no-cache -j 1 -q`
(in this one process, so the model loads once) for sources/, every
tests/eval_cases*/*/sources, tests/eval_real/*/sources, ../shared/eval/cases/*/sources
and any --extra folder. `diff` lists the cases whose files differ and exits 1 if any do.
"""
from __future__ import annotations

import argparse
import filecmp
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PATTERNS = ("tests/eval_cases*/*/sources", "tests/eval_real/*/sources", "../shared/eval/cases/*/sources")


def cases(extra: list[Path]) -> dict[str, Path]:
    """Case name -> sources folder."""
    found = {"sources": ROOT / "sources"}
    for pattern in PATTERNS:
        for folder in sorted(ROOT.glob(pattern)):
            found[f"{folder.parent.parent.name}__{folder.parent.name}"] = folder
    for folder in extra:
        found[f"extra__{folder.resolve().parent.name}__{folder.name}"] = folder
    return found


def write(out: Path, extra: list[Path]) -> int:
    from click.testing import CliRunner

    from factcheck.cli import cli

    runner = CliRunner()
    failed = 0
    for name, folder in cases(extra).items():
        target = out / name / "claims.csv"
        target.parent.mkdir(parents=True, exist_ok=True)
        result = runner.invoke(cli, ["run", str(folder), "--out", str(target), "--no-cache", "-q", "-j", "1"])
        print(name, result.exit_code, flush=True)
        failed += result.exit_code not in (0, 3)
    return 1 if failed else 0


def diff(before: Path, after: Path) -> int:
    names = sorted(p.parent.name for p in before.glob("*/claims.csv"))
    differ = [n for n in names if not (after / n / "claims.csv").exists()
              or not filecmp.cmp(before / n / "claims.csv", after / n / "claims.csv", shallow=False)]
    for name in differ:
        print("DIFFERS", name)
    print(f"{len(names)} claims.csv compared, {len(differ)} differ")
    return 1 if differ or not names else 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    w = sub.add_parser("write")
    w.add_argument("out", type=Path)
    w.add_argument("--extra", type=Path, action="append", default=[])
    d = sub.add_parser("diff")
    d.add_argument("before", type=Path)
    d.add_argument("after", type=Path)
    args = ap.parse_args()
    sys.exit(write(args.out, args.extra) if args.command == "write" else diff(args.before, args.after))


if __name__ == "__main__":
    main()

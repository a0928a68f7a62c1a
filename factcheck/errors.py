"""One exception hierarchy: the CLI turns any FactcheckError into one clear line."""
from __future__ import annotations


class FactcheckError(Exception):
    """Base of every error factcheck raises on purpose."""

    exit_code = 1


class SourceError(FactcheckError):
    """A source file or folder cannot be read or is not an article."""

    exit_code = 3

    def __init__(self, path: object, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class DataFileError(FactcheckError):
    """A packaged rule or lexicon file is malformed (a bug, caught by the validator)."""

    def __init__(self, name: str, problem: str) -> None:
        self.name = name
        self.problem = problem
        super().__init__(f"data file {name}: {problem}")


class TableError(FactcheckError):
    """A claims table (claims.csv) is missing columns or holds bad values."""

    exit_code = 3

    def __init__(self, path: object, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class ReviewError(FactcheckError):
    """review.csv is malformed or cannot be read: the message names the line."""

    exit_code = 3

    def __init__(self, path: object, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class UnknownDiscrepancyError(FactcheckError):
    """A review was asked for a key that names no current discrepancy (a usage error)."""

    exit_code = 2


class ReportError(FactcheckError):
    """The claim table and the sources do not belong together (a stale claims.csv)."""


class GitError(FactcheckError):
    """git could not answer `check --since` (bad ref, not a repository): a usage error."""

    exit_code = 2


class ModelError(FactcheckError):
    """The spaCy model cannot be loaded (not installed, or an unknown --model): a setup error."""

    exit_code = 2


class InitError(FactcheckError):
    """`factcheck init` cannot set up the folder (not a folder, not writable)."""


class OutputError(FactcheckError):
    """An output cannot be written safely (a link where factcheck writes, an output that is an input)."""


class OutputPathError(OutputError):
    """An output option names a folder, an input, or a place inside a sources folder (a usage error)."""

    exit_code = 2

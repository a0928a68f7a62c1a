"""factcheck: claim-level fact-checking and source comparison for news articles.

    >>> import factcheck
    >>> frame = factcheck.compare("sources/")      # doctest: +SKIP

The pipeline is imported on first use, so `import factcheck.inputs.sources` stays
cheap and does not pull in pandas.
"""
from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

from .errors import DataFileError, FactcheckError, SourceError, TableError  # noqa: E402
from .records import Claim, Label, Sentence, Source, Verdict  # noqa: E402

__all__ = [
    "Claim", "DataFileError", "FactcheckError", "Label", "Result", "Sentence", "Source", "SourceError",
    "TableError", "Verdict", "__version__", "compare", "run",
]


def __getattr__(name: str) -> Any:
    if name in ("compare", "run", "Result"):
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'factcheck' has no attribute {name!r}")

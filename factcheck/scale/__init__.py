"""Scale machinery: archives split into stories (`stories`), work run in-process, in a process pool
or on Dask (`parallel`), the signed per-source and per-story cache (`cache`, `cache_codec`), the
incremental claim table that recomputes only what changed (`incremental`) and the progress line
of long runs (`progress`).
"""

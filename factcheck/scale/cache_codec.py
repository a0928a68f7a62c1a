"""The cache's data format: signed JSON, never pickle.

A cache entry is data, not code: decoding one can only build the records
listed in `_types()` (claims, sources, matches, conflicts, a story's rows)
from strings, numbers and lists, so a hostile file can at worst be a miss.

An entry file is one header line and a JSON body:

    factcheck-cache <SCHEMA> <HMAC-SHA256 of the body, hex>
    {"kind": ..., "key": ..., "code": ..., "value": ...}

The MAC is keyed by a secret kept in the user's cache folder (`secret()`),
never in a checkout, so an entry committed to a repository, copied from
another machine or written by anyone but this user never verifies. The body
names its kind, its key and the code fingerprint; all three must match what
the reader asked for.
"""
from __future__ import annotations

import dataclasses
import hashlib
import hmac
import json
import os
import secrets
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import platformdirs

SCHEMA = 2
MAGIC = b"factcheck-cache"
SECRET_FILE = "secret.key"


class CacheFormatError(ValueError):
    """An entry that does not decode, verify or match what was asked for: a cache miss."""


@lru_cache(maxsize=1)
def _types() -> dict[str, type]:
    from .cache import BlockResult, Extracted
    from ..judgement.compare import Conflict
    from .snapshot import StoryRows
    from ..judgement.match import Match
    from ..records import Claim, Quantity, Site, Source, TimeMention

    return {cls.__name__: cls for cls in (Claim, Quantity, Site, TimeMention, Source, Match, Conflict, Extracted,
                                          BlockResult, StoryRows)}


def user_root() -> Path:
    """The user's factcheck cache folder (XDG_CACHE_HOME or ~/.cache/factcheck on Linux)."""
    return Path(platformdirs.user_cache_dir("factcheck", appauthor=False))


_SECRETS: dict[Path, bytes] = {}


def secret(root: Path | None = None) -> bytes:
    """The MAC key: 32 random bytes in `<user cache>/secret.key` (0600, created without following links).

    When it cannot be read or created (a read-only home), a key for this process only is used: the
    cache then works within one run and is never trusted across runs.
    """
    folder = root or user_root()
    if folder in _SECRETS:
        return _SECRETS[folder]
    path = folder / SECRET_FILE
    key = b""
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
        except FileExistsError:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
            with os.fdopen(fd, "rb") as handle:
                st = os.fstat(handle.fileno())
                ours = not hasattr(os, "getuid") or (st.st_uid == os.getuid() and not st.st_mode & 0o077)
                if ours:  # ours and private (POSIX); Windows keeps the user cache per user already
                    key = handle.read(64)
        else:
            key = secrets.token_bytes(32)
            with os.fdopen(fd, "wb") as handle:
                handle.write(key)
    except OSError:
        key = b""
    if len(key) < 32:
        key = secrets.token_bytes(32)
    _SECRETS[folder] = key
    return key


def encode(value: Any) -> Any:
    """`value` as JSON data: records tagged by class name, tuples and lists as arrays."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, (tuple, list)):
        return [encode(v) for v in value]
    if dataclasses.is_dataclass(value) and type(value).__name__ in _types():
        return {"$": type(value).__name__, "v": [encode(getattr(value, f.name)) for f in dataclasses.fields(value)]}
    if isinstance(value, datetime):  # before date: a datetime is one
        return {"$datetime": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, Path):
        return {"$path": str(value)}
    if isinstance(value, frozenset):
        return {"$set": sorted(encode(v) for v in value)}
    if isinstance(value, dict):
        return {"$map": [[encode(k), encode(v)] for k, v in value.items()]}
    raise TypeError(f"cannot cache a {type(value).__name__}")


# what json.loads makes of scalars: decoded as they are (checked by exact type, the fast path)
_SCALARS = frozenset({str, int, float, bool, type(None)})


def decode(data: Any) -> Any:
    """The inverse of `encode` (arrays come back as tuples); anything else is a CacheFormatError."""
    if type(data) in _SCALARS or data is None or isinstance(data, (str, bool, int, float)):
        return data
    if isinstance(data, list):
        return tuple([v if type(v) in _SCALARS else decode(v) for v in data])
    if isinstance(data, dict):
        if "$" in data:
            cls = _types().get(data["$"])
            values = data.get("v")
            if cls is None or not isinstance(values, list):
                raise CacheFormatError(f"unknown record {data['$']!r}")
            try:
                return cls(*[v if type(v) in _SCALARS else decode(v) for v in values])
            except TypeError as exc:
                raise CacheFormatError(str(exc)) from None
        if "$date" in data:
            return date.fromisoformat(data["$date"])
        if "$datetime" in data:
            try:
                return datetime.fromisoformat(data["$datetime"])
            except (TypeError, ValueError):
                raise CacheFormatError("bad datetime") from None
        if "$path" in data:
            return Path(data["$path"])
        if "$set" in data:
            return frozenset(decode(v) for v in data["$set"])
        if "$map" in data:
            return {decode(k): decode(v) for k, v in data["$map"]}
    raise CacheFormatError("not a cache value")


def dumps(kind: str, key: str, code: str, value: Any, mac_key: bytes) -> bytes:
    """An entry file's bytes: header line with the MAC, then the JSON body."""
    return dumps_data(kind, key, code, encode(value), mac_key)


def dumps_data(kind: str, key: str, code: str, data: Any, mac_key: bytes) -> bytes:
    """As `dumps` for a value that is JSON data already (a layout of the caller's own, decoded by it)."""
    body = json.dumps({"kind": kind, "key": key, "code": code, "value": data}, ensure_ascii=True,
                      separators=(",", ":")).encode("ascii")
    mac = hmac.new(mac_key, body, hashlib.sha256).hexdigest()
    return b"%s %d %s\n" % (MAGIC, SCHEMA, mac.encode("ascii")) + body


def loads(data: bytes, kind: str, key: str, code: str, mac_key: bytes) -> Any:
    """The value of an entry file, after checking its schema, MAC, kind, key and code fingerprint."""
    return decode(loads_data(data, kind, key, code, mac_key))


def loads_data(data: bytes, kind: str, key: str, code: str, mac_key: bytes) -> Any:
    """As `loads`, but the value as JSON data, not decoded (for entries written by `dumps_data`)."""
    header, _, body = data.partition(b"\n")
    parts = header.split(b" ")
    if len(parts) != 3 or parts[0] != MAGIC or parts[1] != str(SCHEMA).encode():
        raise CacheFormatError("not a factcheck cache entry of this schema")
    expected = hmac.new(mac_key, body, hashlib.sha256).hexdigest().encode("ascii")
    if not hmac.compare_digest(parts[2], expected):
        raise CacheFormatError("entry not written by this user's factcheck")
    try:
        doc = json.loads(body)
    except ValueError as exc:
        raise CacheFormatError(str(exc)) from None
    if not isinstance(doc, dict) or (doc.get("kind"), doc.get("key"), doc.get("code")) != (kind, key, code):
        raise CacheFormatError("entry for another input")
    return doc.get("value")

"""Word lists and rule tables live in JSON files under factcheck/data/.

Each file is an object with an "about" string (what the list is for) and
named lists or maps. Callers read them through `load`, which validates the
shape once and caches the result, so a malformed file fails loudly at the
first use instead of silently matching nothing.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from .errors import DataFileError

DATA_PACKAGE = "factcheck.data"


def data_names() -> list[str]:
    """Names of every packaged data file (without the .json extension)."""
    folder = resources.files(DATA_PACKAGE)
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".json"))


@lru_cache(maxsize=None)
def load(name: str) -> dict[str, Any]:
    path = resources.files(DATA_PACKAGE) / f"{name}.json"
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataFileError(name, "no such data file") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise DataFileError(name, f"invalid JSON at line {exc.lineno}: {exc.msg}") from None
    if not isinstance(data, dict) or not isinstance(data.get("about"), str):
        raise DataFileError(name, 'must be a JSON object with an "about" string')
    for key, value in data.items():
        if key == "about":
            continue
        _check_entries(name, key, value)
    return data


def _check_entries(name: str, key: str, value: Any) -> None:
    """Lists hold non-empty unique strings; maps hold non-empty keys."""
    if isinstance(value, list):
        seen: set[str] = set()
        for item in value:
            if isinstance(item, str):
                if not item.strip():
                    raise DataFileError(name, f"{key}: empty entry")
                if item in seen:
                    raise DataFileError(name, f"{key}: duplicate entry {item!r}")
                seen.add(item)
    elif isinstance(value, dict):
        for entry in value:
            if not entry.strip():
                raise DataFileError(name, f"{key}: empty key")
    elif not isinstance(value, (str, int, float)):
        raise DataFileError(name, f"{key}: must be a list, a map or a scalar")


@lru_cache(maxsize=None)
def words(name: str, key: str) -> frozenset[str]:
    """A list entry as a lower-cased set, for membership tests (built once: callers ask per word)."""
    value = load(name).get(key)
    if not isinstance(value, list):
        raise DataFileError(name, f"{key}: expected a list")
    return frozenset(str(v).lower() for v in value)

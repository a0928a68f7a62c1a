"""Shared test set-up: every test gets its own user cache folder (factcheck's cache lives there)."""
from __future__ import annotations

import pytest

from factcheck.scale import cache_codec


@pytest.fixture(autouse=True)
def _user_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point XDG_CACHE_HOME at a fresh folder and drop CI, so tests neither read nor litter ~/.cache."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("user-cache")))
    monkeypatch.delenv("CI", raising=False)
    cache_codec._SECRETS.clear()

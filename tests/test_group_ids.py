"""Group ids come from content: an unrelated source never changes another row of claims.csv."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.outputs import table
from factcheck.cli import cli

ROOT = Path(__file__).resolve().parent.parent
FERRY = """Published: 3 March 2025

The harbour ferry between Northport and Little Isle will resume service on Monday after a two-week repair, the operator said.
The company said the vessel's engine had been replaced and that tickets would cost 4 euros.
Local councillors welcomed the news, saying islanders had waited long enough.
"""


def test_group_id_is_a_short_order_free_hash() -> None:
    one = table.group_id(["b-1", "a-2"])
    assert one == table.group_id(["a-2", "b-1"]) == table.group_id(["a-2", "b-1", "a-2"])
    assert one.startswith("g") and len(one) == 1 + table.GROUP_ID_DIGITS
    assert int(one[1:], 16) >= 0
    assert table.group_id(["a-2"]) != one


def _rows(path: Path) -> dict[str, str]:
    """claims.csv lines by claim id (the id is the first cell, never quoted here)."""
    lines = path.read_text(encoding="utf-8").splitlines()[1:]
    return {line.split(",", 1)[0]: line for line in lines}


@pytest.mark.parametrize("cache", [True, False], ids=["cached", "no-cache"])
def test_an_unrelated_source_changes_no_other_row(tmp_path: Path, cache: bool) -> None:
    sources = tmp_path / "sources"
    shutil.copytree(ROOT / "sources", sources)
    extra = [] if cache else ["--no-cache"]

    def run(name: str) -> dict[str, str]:
        out = tmp_path / name
        result = CliRunner().invoke(cli, ["run", str(sources), "--out", str(out), "-q", *extra])
        assert result.exit_code == 0, result.output
        return _rows(out)

    before = run("before.csv")
    (sources / "001_ferry.txt").write_text(FERRY, encoding="utf-8")       # added between the two
    added = run("added.csv")
    assert {k: v for k, v in added.items() if not k.startswith("001_ferry")} == before
    assert len(added) > len(before)
    (sources / "001_ferry.txt").rename(sources / "000_000_ferry.txt")     # reordered: now read first
    moved = run("moved.csv")
    assert {k: v for k, v in moved.items() if not k.startswith("000_000_ferry")} == before
    (sources / "000_000_ferry.txt").unlink()                              # removed again
    assert run("removed.csv") == before

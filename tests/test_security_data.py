"""Issue 10, item 5: no data loss, and one line with an exit code instead of a traceback."""
from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from factcheck.outputs import extracted, outputs, review, table
from factcheck.cli import cli

ALPHA = "Twelve people were injured when the bridge collapsed, the county fire service said.\n"
BETA = "Fifteen people were injured when the bridge collapsed, the county fire service said.\n"


def invoke(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def errors(result: Result) -> list[str]:
    return [line for line in result.output.splitlines() if line.startswith("Error:")]


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    Path("sources").mkdir()
    Path("sources", "alpha.json").write_text(json.dumps({"id": "alpha", "text": ALPHA}), encoding="utf-8")
    Path("sources", "beta.txt").write_text(BETA, encoding="utf-8")
    assert invoke("run", "sources", "-q", "--no-cache").exit_code == 0
    return tmp_path


def _offsets_hold(claims: Path) -> None:
    """Every row of the table indexes the text it names."""
    for row in table.read(claims).itertuples():
        if row.text_file:
            span = extracted.read(claims, row.text_file)[row.start:row.end]
            assert span.split()[0].lower() in row.text.lower()


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_failing_run_writes_nothing(project: Path) -> None:
    before = _snapshot(project)
    Path("sources", "alpha.json").write_text(json.dumps({"id": "alpha", "text": "Eleven. " + ALPHA}), encoding="utf-8")
    Path("review.csv").write_text("key,decision\nnot,a valid file\n", encoding="utf-8")
    result = invoke("run", "sources", "-q", "--no-cache")
    assert result.exit_code == 3 and errors(result)[0].startswith("Error: review.csv: line 1: missing columns")
    after = _snapshot(project)
    del after["review.csv"], after["sources/alpha.json"]
    assert after == {k: v for k, v in before.items() if k != "sources/alpha.json"}
    _offsets_hold(project / "claims.csv")


def test_a_failed_table_write_leaves_the_old_table_indexing_its_texts(project: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    Path("sources", "alpha.json").write_text(json.dumps({"id": "alpha", "text": "Eleven. " + ALPHA}), encoding="utf-8")
    real = outputs.write_atomic

    def full_disk(path: object, text: object, **kw: object) -> None:
        if Path(str(path)).name == "claims.csv":
            raise OSError(errno.ENOSPC, "No space left on device")
        real(path, text, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(outputs, "write_atomic", full_disk)
    result = invoke("run", "sources", "-q", "--no-cache")
    assert result.exit_code == 1 and errors(result) == ["Error: cannot write claims.csv: no space left on device"]
    _offsets_hold(project / "claims.csv")  # the old text was not overwritten: the new one has its own name


def test_extra_review_columns_are_kept(project: Path) -> None:
    frame = table.read("claims.csv")
    [found] = review.discrepancies(frame)
    review.record("review.csv", frame, found.key, "confirmed", "first", "desk")
    text = Path("review.csv").read_text(encoding="utf-8").splitlines()
    Path("review.csv").write_text("\n".join([text[0] + ",ticket", text[1] + ",NEWS-42"]) + "\n", encoding="utf-8")
    result = invoke("review", found.key, "--dismiss", "--note", "second look", "--reviewer", "desk")
    assert result.exit_code == 0, result.output
    rows = Path("review.csv").read_text(encoding="utf-8").splitlines()
    assert rows[0].endswith(",ticket") and rows[1].endswith(",NEWS-42") and ",dismissed," in rows[1]


@pytest.mark.parametrize("command", [
    ["run", "sources", "--out", "sources/beta.txt"],
    ["run", "sources", "--out", "sources/claims.csv"],
    ["run", "sources", "--out", "review.csv"],
    ["report", "--out", "claims.csv"],
    ["report", "--out", "sources/beta.txt"],
    ["check", "sources", "--out", "claims.csv", "--no-cache"],
    ["check", "sources", "--out", "review.csv", "--no-cache"],
])
def test_an_output_that_is_an_input_is_refused(project: Path, command: list[str]) -> None:
    Path("review.csv").write_text(",".join(review.COLUMNS) + "\n", encoding="utf-8")
    before = _snapshot(project)
    result = invoke(*command)
    assert result.exit_code == 2, result.output
    [line] = errors(result)
    out = command[command.index("--out") + 1]
    assert line.startswith(f"Error: --out {out}: ")
    assert _snapshot(project) == before


def test_out_to_a_device_writes_through_it(project: Path) -> None:
    if not os.path.exists(os.devnull) or os.name != "posix":
        pytest.skip("no /dev/null")
    for command in (["run", "sources", "-q", "--no-cache"], ["report"], ["check", "sources", "--no-cache"]):
        result = invoke(*command, "--out", os.devnull)
        assert result.exit_code in (0, 1), result.output
        assert Path(os.devnull).is_char_device()
    assert not Path("/dev", extracted.FOLDER).exists()


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "1e300"])
def test_max_size_must_be_a_finite_size(project: Path, value: str) -> None:
    result = invoke("run", "sources", "--max-size", value)
    assert result.exit_code == 2
    assert "Error: Invalid value for '--max-size'" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("field", ["text", "id", "outlet"])
def test_a_lone_surrogate_in_json_is_one_line(tmp_path: Path, field: str) -> None:
    article = {"id": "a", "text": "The mayor opened the bridge on Monday.", field: "x\\ud800y"}
    path = tmp_path / "a.json"
    path.write_text(json.dumps(article).replace("\\\\ud800", "\\ud800"), encoding="utf-8")
    result = invoke("run", str(path), "--out", str(tmp_path / "claims.csv"), "--no-cache")
    assert result.exit_code == 3
    assert errors(result) == [f'Error: {path}: "{field}" holds a lone surrogate (\\ud800), not text']


def test_review_on_a_full_disk_is_one_line(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    [found] = review.discrepancies(table.read("claims.csv"))

    def full_disk(*args: object, **kw: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(outputs, "write_atomic", full_disk)
    result = invoke("review", found.key, "--confirm", "--note", "n", "--reviewer", "desk")
    assert result.exit_code == 1
    assert errors(result) == ["Error: cannot write review.csv: no space left on device"]


@pytest.mark.parametrize("command", [
    ["report", "--out", "sources"], ["check", "sources", "--out", "sources", "--no-cache"],
])
def test_out_a_folder_is_one_line(project: Path, command: list[str]) -> None:
    result = invoke(*command)
    assert result.exit_code == 2
    assert errors(result) == ["Error: --out sources: is a folder; give a file name"]


@pytest.mark.parametrize("command", [
    ["report", "--claims", "sources"], ["diff", "sources", "claims.csv"], ["check", "sources", "--claims", "sources"],
])
def test_claims_a_folder_is_one_line(project: Path, command: list[str]) -> None:
    result = invoke(*command)
    assert result.exit_code == 3, result.output
    assert errors(result) == ["Error: sources: is a folder, not a claims table"]

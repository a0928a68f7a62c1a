"""Issue 10, item 5 (encodings): Western legacy text, mixed files, warnings worded alike, CR-only lines."""
from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.outputs import table
from factcheck.cli import cli
from factcheck.inputs.sources import SourceWarning, read_source

WESTERN = "Naïve café owners in Marrowfield said trade had fallen since the bridge collapsed on Tuesday.\n"


def read_warned(path: Path) -> tuple[str, str, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        [source] = read_source(path)
    return source.text, source.encoding, [str(w.message) for w in caught if issubclass(w.category, SourceWarning)]


def test_western_cp1252_is_read_as_cp1252(tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes(WESTERN.encode("cp1252"))  # charset-normalizer alone says cp775 ("NaĒve")
    text, encoding, said = read_warned(path)
    assert (text, encoding) == (WESTERN, "cp1252")
    assert said == [f"{path}: not UTF-8, read as cp1252"]


def test_mixed_utf8_and_cp1252_lines_are_read_line_by_line(tmp_path: Path) -> None:
    lines = ["Résumé of the council meeting on Monday.\n", "The café reopened on Tuesday, the owner said.\n",
             "Crème brûlée was served at the reopening.\n"]
    path = tmp_path / "mixed.txt"
    path.write_bytes(lines[0].encode("utf-8") + lines[1].encode("cp1252") + lines[2].encode("utf-8"))
    text, encoding, said = read_warned(path)
    assert text == "".join(lines)
    assert encoding == "utf-8, cp1252 on line 2"
    assert said == [f"{path}: not UTF-8, read as utf-8, cp1252 on line 2"]


def test_cyrillic_code_page_is_not_taken_for_cp1252(tmp_path: Path) -> None:
    path = tmp_path / "ru.txt"
    path.write_bytes("Мост через реку обрушился во вторник, сообщили власти города.\n".encode("cp1251"))
    _, encoding, _ = read_warned(path)
    assert encoding != "cp1252"


def test_check_and_report_word_the_warning_like_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("sources").mkdir()
    Path("sources", "old.txt").write_bytes(WESTERN.encode("cp1252"))
    expected = "warning: sources/old.txt: not UTF-8, read as cp1252\n"
    runner = CliRunner()
    assert runner.invoke(cli, ["run", "-q", "--no-cache"]).stderr == expected
    for command in (["check", "--no-cache"], ["report"]):
        result = runner.invoke(cli, command)
        assert result.stderr == expected, command
        assert "SourceWarning" not in result.output and "warnings.warn" not in result.output


@pytest.mark.parametrize("newline", ["\r", "\r\n", "\n"])
def test_line_numbers_count_every_kind_of_line_end(tmp_path: Path, newline: str) -> None:
    src = tmp_path / "src"
    src.mkdir()
    body = newline.join(["Bridge closes", "", "The council closed the bridge on Monday, the mayor said.", "",
                         "Engineers will inspect the girders on Friday, officials said.", ""])
    (src / "a.txt").write_bytes(body.encode())
    out = tmp_path / "claims.csv"
    assert CliRunner().invoke(cli, ["run", str(src), "--out", str(out), "--no-cache"]).exit_code == 0
    frame = table.read(out)
    assert sorted(set(frame["line"])) == ["3", "5"] or sorted(set(frame["line"].astype(int))) == [3, 5]

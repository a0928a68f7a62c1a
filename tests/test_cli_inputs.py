"""`factcheck run` on real-world and hostile input (issue #6), end to end through the CLI.

Each test checks what a user sees (exit code, the exact error line) and what
is left on disk: a bad run must leave the previous claims.csv byte-identical
and no temporary file behind.
"""
from __future__ import annotations

import csv
import io
import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from factcheck.judgement import claims as claims_mod
from factcheck.outputs import extracted, outputs, table
from factcheck import pipeline
from factcheck.inputs import sources
from factcheck.cli import cli
from factcheck.records import Source

FIXTURES = Path(__file__).parent / "fixtures"
HOSTILE = FIXTURES / "hostile"
INPUTS = FIXTURES / "inputs"

OLD_TABLE = b"claim_id,source\nold-1,old\n"   # what a previous run left: must survive bad runs

GOOD = (
    "Ferry service resumes on the northern route\n"
    "The ferry company said on Tuesday that the northern route would reopen on Friday.\n"
    "About 300 passengers a day used the route before the storm, the harbour office said.\n"
)


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["run", *args])


def error_lines(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("Error:")]


CACHE = ".factcheck-cache"   # run's claim cache: not an output, may or may not be there


def files_in(folder: Path) -> list[str]:
    """Every file under `folder`, hidden ones included (temp files are hidden), but the cache."""
    return sorted(
        str(p.relative_to(folder)) for p in folder.rglob("*")
        if p.is_file() and CACHE not in p.relative_to(folder).parts
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A folder with one good source and an output folder holding a previous claims.csv."""
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "claims.csv").write_bytes(OLD_TABLE)
    return tmp_path


def assert_untouched(project: Path) -> None:
    assert (project / "out" / "claims.csv").read_bytes() == OLD_TABLE
    assert files_in(project / "out") == ["claims.csv"]


# ------------------------------------------------------------- bad sources


BAD_FIXTURES = [
    ("empty.txt", "empty file"),
    ("whitespace.txt", "no text: the file holds only whitespace"),
    ("binary.txt", "binary file, not an article"),
    ("report.pdf", "unsupported file type .pdf (supported: .txt, .md, .html, .htm, .json, .jsonl)"),
    ("bad.json", "line 4: not valid JSON (Expecting ',' delimiter)"),
    ("bad_lines.jsonl", "line 3: not valid JSON (Expecting ',' delimiter)"),
    ("no_text.json", 'missing "text" field'),
]


@pytest.mark.parametrize(("name", "problem"), BAD_FIXTURES)
def test_bad_source_fails_the_run_and_writes_nothing(project: Path, name: str, problem: str) -> None:
    bad = project / "src" / name
    shutil.copyfile(HOSTILE / name, bad)
    result = run(str(project / "src"), "--out", str(project / "out" / "claims.csv"))
    assert result.exit_code == 3
    assert error_lines(result) == [f"Error: {bad}: {problem}"]
    assert result.stdout == ""
    assert_untouched(project)


def test_unreadable_file_named(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = project / "src" / "locked.txt"
    locked.write_text(GOOD, encoding="utf-8")
    real_open = os.open

    def deny(path: object, *args: object, **kwargs: object) -> int:
        if Path(str(path)).name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", deny)
    result = run(str(project / "src"), "--out", str(project / "out" / "claims.csv"))
    assert result.exit_code == 3
    assert error_lines(result) == [f"Error: {locked}: cannot read: permission denied"]
    assert_untouched(project)


def test_several_bad_sources_name_the_first_and_count_the_rest(project: Path) -> None:
    for name in ("empty.txt", "binary.txt", "report.pdf"):
        shutil.copyfile(HOSTILE / name, project / "src" / name)
    result = run(str(project / "src"), "--out", str(project / "out" / "claims.csv"))
    assert result.exit_code == 3
    assert error_lines(result) == [f"Error: {project / 'src' / 'binary.txt'}: binary file, not an article (and 2 more bad files)"]
    assert_untouched(project)


def test_skip_bad_writes_the_rest_and_lists_every_bad_file(project: Path) -> None:
    for name in ("empty.txt", "binary.txt", "report.pdf"):
        shutil.copyfile(HOSTILE / name, project / "src" / name)
    out = project / "out" / "claims.csv"
    result = run(str(project / "src"), "--out", str(out), "--skip-bad")
    assert result.exit_code == 3
    src = project / "src"
    assert error_lines(result) == [
        f"Error: {src / 'binary.txt'}: binary file, not an article",
        f"Error: {src / 'empty.txt'}: empty file",
        f"Error: {src / 'report.pdf'}: unsupported file type .pdf (supported: .txt, .md, .html, .htm, .json, .jsonl)",
    ]
    frame = table.read(out)
    assert len(frame) > 0 and set(frame["source"]) == {"good"}
    assert result.stdout.startswith(f"1 source, {len(frame)} claims -> {out}")
    assert files_in(project / "out") == ["claims.csv"]


def test_skip_bad_with_only_bad_files_writes_nothing(project: Path) -> None:
    (project / "src" / "good.txt").unlink()
    shutil.copyfile(HOSTILE / "empty.txt", project / "src" / "empty.txt")
    result = run(str(project / "src"), "--out", str(project / "out" / "claims.csv"), "--skip-bad")
    assert result.exit_code == 3
    assert error_lines(result) == [f"Error: {project / 'src'}: no readable sources in {project / 'src'} (every file was bad)"]
    assert_untouched(project)


def test_default_size_limit_is_5_mb(project: Path) -> None:
    big = project / "src" / "big.txt"
    line = "The council met again on Monday to discuss the budget.\n"
    big.write_text(line * (5_000_000 // len(line) + 1), encoding="utf-8")
    result = run(str(project / "src"), "--out", str(project / "out" / "claims.csv"))
    assert result.exit_code == 3
    size = big.stat().st_size
    assert error_lines(result) == [f"Error: {big}: file is {size:,} bytes, over the 5,000,000 bytes limit"]
    assert_untouched(project)


def test_max_size_option(project: Path) -> None:
    out = str(project / "out" / "claims.csv")
    good = project / "src" / "good.txt"
    size = good.stat().st_size
    assert 200 < size < 1000
    small = run(str(project / "src"), "--out", out, "--max-size", "0.0002")
    assert small.exit_code == 3
    assert error_lines(small) == [f"Error: {good}: file is {size} bytes, over the 200 bytes limit"]
    assert_untouched(project)
    enough = run(str(project / "src"), "--out", out, "--max-size", "0.001")
    assert enough.exit_code == 0, enough.output
    assert len(table.read(out)) > 0


@pytest.mark.parametrize("value", ["0", "-1", "lots"])
def test_max_size_must_be_a_positive_number(project: Path, value: str) -> None:
    result = run(str(project / "src"), "--out", str(project / "out" / "claims.csv"), "--max-size", value)
    assert result.exit_code == 2
    assert "Invalid value for '--max-size'" in result.stderr
    assert_untouched(project)


def test_unknown_option_exits_2_naming_it(project: Path) -> None:
    result = run(str(project / "src"), "--skip-bad-files")
    assert result.exit_code == 2
    assert "No such option: --skip-bad-files" in result.stderr or "No such option '--skip-bad-files'" in result.stderr
    assert_untouched(project)


def test_missing_folder_named(project: Path) -> None:
    missing = project / "no-such-folder"
    result = run(str(missing), "--out", str(project / "out" / "claims.csv"))
    assert result.exit_code == 3
    assert error_lines(result) == [f"Error: {missing}: no such file or folder"]
    assert_untouched(project)


@pytest.mark.parametrize("content", [{}, {"notes.docx": b"x", ".hidden.txt": b"Hidden text."}])
def test_folder_without_sources_named(project: Path, content: dict[str, bytes]) -> None:
    empty = project / "empty"
    empty.mkdir()
    for name, data in content.items():
        (empty / name).write_bytes(data)
    result = run(str(empty), "--out", str(project / "out" / "claims.csv"))
    assert result.exit_code == 3
    assert error_lines(result) == [
        f"Error: {empty}: no sources found in {empty} (looked for .txt, .md, .html, .htm, .json, .jsonl)"
    ]
    assert_untouched(project)


def test_good_run_exits_0(project: Path) -> None:
    out = project / "out" / "claims.csv"
    result = run(str(project / "src"), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert table.read(out)["source"].tolist()[0] == "good"


# -------------------------------------------------------- interrupted writes


class Crash(Exception):
    """Stands for a crash or a full disk in the middle of writing."""


@pytest.mark.parametrize("step", ["fsync", "replace"])
def test_interrupted_write_keeps_the_old_table(project: Path, monkeypatch: pytest.MonkeyPatch, step: str) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise Crash(step)

    monkeypatch.setattr(table.os, step, boom)
    result = run(str(project / "src"), "--out", str(project / "out" / "claims.csv"))
    assert result.exit_code != 0
    assert isinstance(result.exception, Crash)
    assert_untouched(project)


def test_disk_error_is_one_line_and_keeps_the_old_table(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(table.os, "fsync", full)
    out = project / "out" / "claims.csv"
    result = run(str(project / "src"), "--out", str(out))
    assert result.exit_code == 1
    assert error_lines(result) == [f"Error: cannot write {out}: no space left on device"]
    assert_untouched(project)


def test_interrupt_midway_through_the_writer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Half the text reached the temporary file when the write failed: none of it reaches claims.csv."""
    target = tmp_path / "claims.csv"
    target.write_bytes(OLD_TABLE)
    real_fdopen = os.fdopen

    class HalfWriter(io.BufferedWriter):
        def write(self, data: bytes) -> int:  # type: ignore[override]
            super().write(data[: len(data) // 2])
            self.flush()
            raise KeyboardInterrupt

    def fdopen(fd: int, *args: object, **kwargs: object) -> io.BufferedWriter:
        return HalfWriter(real_fdopen(fd, "wb", buffering=0))

    monkeypatch.setattr(table.os, "fdopen", fdopen)
    with pytest.raises(KeyboardInterrupt):
        outputs.write_atomic(target, "claim_id,source\nnew-1,new\n" * 100)
    assert target.read_bytes() == OLD_TABLE
    assert files_in(tmp_path) == ["claims.csv"]


def test_replacement_keeps_the_file_mode(tmp_path: Path) -> None:
    target = tmp_path / "claims.csv"
    target.write_bytes(OLD_TABLE)
    target.chmod(0o644)
    outputs.write_atomic(target, "new\n")
    assert target.stat().st_mode & 0o777 == 0o644
    fresh = tmp_path / "fresh.csv"
    outputs.write_atomic(fresh, "new\n")
    umask = os.umask(0)
    os.umask(umask)
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~umask


# ------------------------------------------------- extracted text (HTML/JSON)


def _rows(out: Path) -> list[dict[str, str]]:
    return table.read(out).astype(str).to_dict("records")


def test_text_origin_and_extracted_text_files(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    for name in ("news_page.html", "article.json", "wire_story.txt"):
        shutil.copyfile(INPUTS / name, src / name)
    out = tmp_path / "out" / "claims.csv"
    result = run(str(src), "--out", str(out))
    assert result.exit_code == 0, result.output
    loaded, _ = sources.read_sources([src])
    by_id = {s.id: s for s in loaded}
    rows = _rows(out)
    news, gazette = (f"~{extracted._digest(by_id[i].text)}.txt" for i in ("news_page", "gazette-bridge"))
    assert {r["source"]: (r["text_origin"], r["text_file"]) for r in rows} == {
        "news_page": ("html", f".factcheck-extracted/news_page{news}"),
        "gazette-bridge": ("json", f".factcheck-extracted/gazette-bridge{gazette}"),
        "wire_story": ("file", ""),
    }
    assert files_in(out.parent) == [
        f".factcheck-extracted/gazette-bridge{gazette}", f".factcheck-extracted/news_page{news}", "claims.csv",
    ]
    for row in rows:
        text = extracted.read(out, row["text_file"]) if row["text_file"] else (src / "wire_story.txt").read_text("utf-8")
        assert text == by_id[row["source"]].text
        span = claims_mod.fold(text[int(row["start"]):int(row["end"])])
        assert " ".join(span.split()) in row["text"]


def test_extracted_text_keeps_offsets_with_crlf(tmp_path: Path) -> None:
    """JSON text with \\r\\n: the saved file must give the same str offsets."""
    src = tmp_path / "src"
    src.mkdir()
    body = "The museum reopened on Monday after a long closure.\r\nVisitors queued for two hours, staff said.\r\n"
    (src / "museum.json").write_text(json.dumps({"id": "museum", "text": body}), encoding="utf-8")
    out = tmp_path / "claims.csv"
    assert run(str(src), "--out", str(out)).exit_code == 0
    name = f"museum~{extracted._digest(body)}.txt"
    assert extracted.read(out, f".factcheck-extracted/{name}") == body
    assert (tmp_path / ".factcheck-extracted" / name).read_bytes() == body.encode()


@pytest.mark.parametrize("article_id", ["../../escape", "/abs/path", "a/b", ".hidden", "..", "con:x?*", "é"])
def test_json_ids_cannot_escape_the_extracted_folder(tmp_path: Path, article_id: str) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "feed.jsonl").write_text(
        json.dumps({"id": article_id, "text": "The mayor opened the new library on Friday."}) + "\n", encoding="utf-8")
    out = tmp_path / "out" / "claims.csv"
    result = run(str(src), "--out", str(out))
    assert result.exit_code == 0, result.output
    [text_file] = {r["text_file"] for r in _rows(out)}
    folder = (out.parent / extracted.FOLDER).resolve()
    assert (out.parent / text_file).resolve().parent == folder
    assert not Path(text_file).name.startswith(".")
    assert files_in(tmp_path) == sorted(["src/feed.jsonl", f"out/{text_file}", "out/claims.csv"])


def test_distinct_unsafe_ids_get_distinct_files() -> None:
    names = {extracted.relative_path(Source(id=i, path=Path("x.json"), text="x", text_origin="json"))
             for i in ("a/b", "a?b", "a b", "a_b")}
    assert len(names) == 4


def test_hostile_html_yields_text_only(tmp_path: Path) -> None:
    """<script>, onerror= and javascript: links never reach claims.csv or the extracted text."""
    out = tmp_path / "claims.csv"
    result = run(str(HOSTILE / "script_injection.html"), "--out", str(out))
    assert result.exit_code == 0, result.output
    [text_file] = {r["text_file"] for r in _rows(out)}
    written = out.read_text("utf-8") + (tmp_path / text_file).read_text("utf-8")
    assert "second bridge" in written
    for payload in ("<script", "document.cookie", "onerror", "javascript:", "alert(", "<img", "<iframe", "onload"):
        assert payload not in written.lower()


def test_run_twice_is_byte_identical(tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(INPUTS, src)
    first, second = tmp_path / "a" / "claims.csv", tmp_path / "b" / "claims.csv"
    assert run(str(src), "--out", str(first)).exit_code == 0
    assert run(str(src), "--out", str(second)).exit_code == 0
    assert first.read_bytes() == second.read_bytes()
    a, b = files_in(first.parent), files_in(second.parent)
    assert a == b
    for name in a:
        assert (first.parent / name).read_bytes() == (second.parent / name).read_bytes()


# ------------------------------------------------------ formula neutralising


FORMULA_STARTS = ("=HYPERLINK(", "-5 degrees", "+40 millimetres", "@everyone")


def test_formula_cells_neutralised_on_write_restored_on_read(tmp_path: Path) -> None:
    out = tmp_path / "claims.csv"
    result = run(str(HOSTILE / "formula.txt"), "--out", str(out))
    assert result.exit_code == 0, result.output
    raw_rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8"))))
    for row in raw_rows:
        for cell in row.values():
            assert not cell.startswith(table.FORMULA_PREFIXES), cell
    raw_texts = [r["text"] for r in raw_rows]
    for start in FORMULA_STARTS:
        assert any(t.startswith("'" + start) for t in raw_texts), (start, raw_texts)
    frame = table.read(out)
    for start in FORMULA_STARTS:
        assert any(t.startswith(start) for t in frame["text"]), start
        assert any(q.startswith(start) for q in frame["quote"]), start
    source = sources.read_source(HOSTILE / "formula.txt")[0]
    assert frame["text"].tolist() == pipeline.analyse([source]).frame["text"].tolist()


@pytest.mark.parametrize(
    "value",
    ["=1+1", "+1", "-1", "@x", "\tx", "\rx", "'=x", "''=x", "'x", "plain", "", "'", "=", "'-"],
)
def test_neutralise_round_trips(value: str) -> None:
    safe = table.neutralise(value)
    assert not str(safe).startswith(table.FORMULA_PREFIXES)
    assert table.restore(safe) == value


def test_formula_in_every_text_column_round_trips(tmp_path: Path) -> None:
    source = sources.read_source(HOSTILE / "formula.txt")[0]
    frame = pipeline.analyse([source]).frame
    frame.loc[0, "reason"] = "=cmd|' /C calc'!A0"
    frame.loc[0, "attribution"] = "@SUM(1+1)"
    out = tmp_path / "claims.csv"
    table.write(frame, out)
    back = table.read(out)
    for column in ("text", "reason", "attribution", "quote"):
        assert back[column].tolist() == frame[column].astype(str).tolist()
    assert "'=cmd" in out.read_text("utf-8")


# ---------------------------------------------------- typographic variants


STRAIGHT = (
    "Harbour board approves new ferry terminal\n"
    "The board's chairman said on Tuesday that the terminal would open on Friday.\n"
    "\"We are proud of the result,\" said the board's spokeswoman.\n"
    "The mayor told reporters: \"The ferry will carry 300 passengers a day.\"\n"
    "Construction cost 45 million dollars - more than planned - according to the city's auditor.\n"
    "Critics said the project's budget wasn't disclosed, and residents' groups haven't been consulted.\n"
)
OTHER = (
    "The terminal will open on Saturday, the port authority said.\n"
    "The city's auditor put the cost at 52 million dollars.\n"
    "\"It's a good day for the town,\" the spokeswoman said.\n"
)


def _curly(text: str) -> str:
    """The same text as a word processor saves it: curly quotes, no-break spaces, em dashes."""
    out = []
    for i, ch in enumerate(text):
        if ch == '"':
            out.append("“" if i == 0 or text[i - 1] in " \n:" else "”")
        elif ch == "'":
            out.append("’")
        elif ch == " " and text[i - 1: i + 2] == " - ":
            out.append("\u00a0")
        elif ch == "-" and text[i - 1: i + 2] == " - ":
            out.append("—")
        elif ch == " " and text[i - 1].isdigit():
            out.append("\u00a0")            # "300\u00a0passengers"
        else:
            out.append(ch)
    return "".join(out)


def test_curly_and_straight_quotes_give_the_same_result() -> None:
    plain = [Source(id="a", path=Path("a.txt"), text=STRAIGHT), Source(id="b", path=Path("b.txt"), text=OTHER)]
    fancy = [Source(id=s.id, path=s.path, text=_curly(s.text)) for s in plain]
    assert fancy[0].text != STRAIGHT and "’" in fancy[0].text and "“" in fancy[0].text and "\u00a0" in fancy[0].text
    a, b = pipeline.analyse(plain).frame, pipeline.analyse(fancy).frame
    same = ["claim_id", "start", "end", "text", "label", "group", "conflicts_with", "reason", "attribution",
            "when", "quantity", "status", "polarity", "predicate"]
    assert a[same].to_dict("records") == b[same].to_dict("records")
    assert set(a["label"]) >= {"conflicting", "single-source"}

"""Issue 10, item 3: no input can forge CI log lines, drive a terminal, or turn into Markdown or bad XML."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from factcheck.outputs import safe_text, table
from factcheck.cli import cli

KNOWN = """Marrowfield bridge collapse leaves town cut off
Twelve people were injured when the bridge collapsed, the county fire service said.
"""
# an article contradicting KNOWN, carrying terminal escapes, XML-invalid characters and Markdown
HOSTILE = ("Marrowfield residents wait \x1b]0;owned\x07at the river \x1b[2J\x0b\x0c\n"
           "Fifteen people were injured when the bridge collapsed \x1b[31m@octocat #1 ![x](https://evil.example/p.png)"
           " [click](https://evil.example), the county fire service said.\n"
           # enough ordinary prose that the few control characters do not make it look binary
           + "The museum on Harbour Street reopened after renovation work that lasted two years. "
             "Visitors can now see a collection of old maps and ship models in the east wing. "
             "The new cafe serves soup and bread made by a bakery from the next village. "
             "School groups will be admitted free of charge on weekday mornings during term. "
             "A garden behind the museum will be planted with herbs once the weather turns warmer. "
             "Volunteers repainted the front doors and repaired the wooden benches in the hall. "
             "The director thanked the donors whose gifts paid for a lift to the upper floor. "
             "Opening hours remain unchanged, from ten in the morning until five in the afternoon.\n")
FORGED = "x\n::error file=README.md::forged\n::stop-commands::tok\n##[error]forged"


def invoke(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def assert_inert(text: str) -> None:
    """Nothing a terminal or a CI runner would act on."""
    assert "\x1b" not in text and "\x07" not in text and "\x9b" not in text
    for line in text.splitlines():
        assert not line.lstrip().startswith(("::", "##[", "##vso[")), line


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    Path("sources").mkdir()
    Path("sources", "known.txt").write_text(KNOWN, encoding="utf-8")
    Path("sources", f"{FORGED}.txt").write_text(HOSTILE, encoding="utf-8")
    Path("sources", "old.txt").write_bytes("Caf\xe9 owners in Marrowfield say trade has fallen since the collapse."
                                           .encode("cp1252"))
    return tmp_path


def test_run_prints_names_escaped_and_text_stripped(project: Path) -> None:
    result = invoke("run", "sources", "--no-cache")
    assert result.exit_code == 0, result.output
    assert_inert(result.stdout)
    assert_inert(result.stderr)
    assert result.stderr == "warning: sources/old.txt: not UTF-8, read as cp1252\n"
    assert "[x\\n::error file=README.md::forged\\n::stop-commands::tok\\n##[error]forged] Fifteen" in result.stdout


def test_check_text_github_and_junit_are_inert(project: Path) -> None:
    assert invoke("run", "sources", "--no-cache").exit_code == 0
    text = invoke("check", "sources", "--no-cache")
    assert text.exit_code == 1
    assert_inert(text.output)
    assert "warning: sources/old.txt: not UTF-8, read as cp1252" in text.stderr
    assert "SourceWarning" not in text.output and "warnings.warn" not in text.output
    github = invoke("check", "sources", "--format", "github", "--no-cache")
    commands = [line for line in github.stdout.splitlines() if line.startswith("::")]
    assert len(commands) == 1 and all(line.startswith("::error file=sources/") for line in commands)  # one per discrepancy
    assert "\x1b" not in github.output
    junit = invoke("check", "sources", "--format", "junit", "--no-cache")
    ET.fromstring(junit.stdout.split("\n", 1)[1])  # well-formed XML despite \x0b and \x0c
    assert "\x0b" not in junit.stdout and "\x1b" not in junit.stdout


def test_review_list_and_interactive_are_inert(project: Path) -> None:
    assert invoke("run", "sources", "--no-cache").exit_code == 0
    listing = invoke("review")
    assert listing.exit_code == 0 and "1 open discrepancy" in listing.output
    assert_inert(listing.output)
    walk = CliRunner().invoke(cli, ["review", "--interactive"], input="q\n")
    assert_inert(walk.output)


def test_report_markdown_escapes_ids_text_and_mentions(project: Path) -> None:
    Path("sources", "tick.json").write_text(json.dumps({"id": "tick`|</code>", "text": KNOWN.replace("Twelve", "Eleven")}),
                                            encoding="utf-8")
    assert invoke("run", "sources", "--no-cache").exit_code == 0
    md = invoke("report", "--format", "md").stdout
    assert_inert(md)
    assert "@octocat" not in md and "#1 " not in md and "https://" not in md and "](" not in md.replace("\\]", "")
    assert f"@{safe_text.ZWJ}octocat" in md
    assert "`` tick`\\|</code> ``" in md                    # a code span its content cannot close
    for line in md.splitlines():
        if line.startswith("| Source | ") and "Outlet" not in line:
            assert line.count(" | ") == 2


def test_diff_markdown_has_no_images_links_or_mentions(project: Path) -> None:
    old = project / "old.csv"
    assert invoke("run", "sources/known.txt", "--out", str(old), "--no-cache").exit_code == 0
    assert invoke("run", "sources", "--no-cache").exit_code == 0
    md = invoke("diff", str(old), "claims.csv").stdout
    assert "Fifteen people" in md
    assert "![" not in md and "](" not in md and "@octocat" not in md and "#1 " not in md and "https://" not in md
    assert_inert(md)


def test_carriage_returns_in_json_metadata_and_text_read_back(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.json").write_text(json.dumps({"id": "x\ry", "outlet": "Gaz\rette", "title": "T\r\nT",
                                            "text": "The council approved\rthe new bridge on Monday, the mayor said."}),
                                encoding="utf-8")
    (src / "b.txt").write_bytes(b"Headline\rThe council approved\rthe new bridge on Monday.\rIt opens in May.\r")
    out = tmp_path / "claims.csv"
    result = invoke("run", str(src), "--out", str(out), "--no-cache")
    assert result.exit_code == 0, result.output
    frame = table.read(out)
    assert set(frame["source"]) == {"x y", "b"} and set(frame["outlet"]) == {"Gaz ette", ""}
    frame.loc[0, "quote"] = "one\rtwo\r\nthree"  # a cell with a lone carriage return is quoted
    text = table.to_csv_text(frame)
    out.write_text(text, encoding="utf-8", newline="")
    assert table.read(out)["quote"][0] == "one\rtwo\r\nthree"
    assert "\n" + table.format_cells(list(frame.iloc[0])) + "\n" in text  # as the incremental path writes it


def test_safe_text_units() -> None:
    assert safe_text.ident("a\nb\x1b") == "a\\nb\\x1b"
    assert safe_text.one_line("a\x1b]0;t\x07b\x1b[1mc\r\nd") == "abc d"
    assert safe_text.terminal("ok\n::error::x\n  ##[warning]y\n##vso[task]z") == \
        f"ok\n:{safe_text.ZWJ}:error::x\n  #{safe_text.ZWJ}#[warning]y\n#{safe_text.ZWJ}#vso[task]z"
    assert safe_text.xml("a\x0bb\x0cc\td\n") == "abc\td\n"
    assert safe_text.md_code("a``b") == "``` a``b ```"
    assert safe_text.html_code("tick`|</code>") == "tick`|&lt;/code&gt;"
    assert safe_text.md("GH-12 www.x.org") == f"GH{safe_text.ZWJ}-12 www{safe_text.ZWJ}.x.org"


def test_timeline_svg_strips_terminal_escapes_from_article_text() -> None:
    """The "changed over time" chart quotes article figures: they pass the same printer as the rest."""
    from factcheck.outputs import report_timeline
    point = {"value": 34.0, "text": "34 dead\x1b]0;owned\x07", "source": "a\x1b[31m", "superseded": False,
             "published_at": None, "published": "2025-06-03"}
    svg = report_timeline.timeline_svg({"figure": "dead\x1b[2J", "points": [point]})
    assert "\x1b" not in svg and "\x07" not in svg
    assert "34 dead" in svg

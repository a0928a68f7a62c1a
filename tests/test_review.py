"""review.csv and `factcheck review`: stable keys, decisions, errors naming the line, locking."""
from __future__ import annotations

import multiprocessing
import shutil
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from factcheck import pipeline
from factcheck.outputs import review, table
from factcheck.cli import cli
from factcheck.errors import ReviewError, UnknownDiscrepancyError

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"
TS = "2025-10-26T09:30:00Z"


def claim(cid: str, source: str, text: str, label: str = "single-source", conflicts: str = "",
          reason: str = "", group: str = "g1", start: int = 0, **extra: object) -> dict[str, object]:
    row: dict[str, object] = {c: "" for c in table.COLUMNS}
    row.update(claim_id=cid, source=source, start=start, end=start + len(text), text=text, label=label,
               group=group, conflicts_with=conflicts, reason=reason, quote=text + ".", line=1)
    row.update(extra)
    return row


def sample_frame() -> pd.DataFrame:
    """Three invented sources: a time conflict across sources, a figure conflict inside one."""
    rows = [
        claim("a-1", "a", "The summit opens on Monday in Geneva", "conflicting", "b-1",
              'when: "on Monday" (Mon) vs "on Tuesday" (Tue)'),
        claim("a-2", "a", "The fund holds 12 million dollars", "conflicting", "a-3",
              'number: "12 million dollars" (12M) vs "15 million dollars" (15M)', group="g2", start=50),
        claim("a-3", "a", "The fund holds 15 million dollars", "conflicting", "a-2",
              'number: "12 million dollars" (12M) vs "15 million dollars" (15M)', group="g2", start=90),
        claim("b-1", "b", "The summit opens on Tuesday in Geneva", "conflicting", "a-1",
              'when: "on Monday" (Mon) vs "on Tuesday" (Tue)'),
        claim("c-1", "c", "Delegates arrive by train", group="g3"),
    ]
    return pd.DataFrame(rows, columns=table.COLUMNS)


def write_claims(folder: Path, frame: pd.DataFrame | None = None) -> Path:
    path = folder / "claims.csv"
    table.write(sample_frame() if frame is None else frame, path)
    return path


def key_of(frame: pd.DataFrame, first_id: str) -> str:
    return next(d.key for d in review.discrepancies(frame) if first_id in d.claim_ids)


# ---------------------------------------------------------------- keys


def test_key_is_order_free_and_ignores_case_spacing_and_file_names() -> None:
    a = {"source": "a", "text": "The summit opens on Monday"}
    b = {"source": "b", "text": "The summit opens on Tuesday"}
    key = review.discrepancy_key(a, b)
    assert key == review.discrepancy_key(b, a)
    assert len(key) == 12 and int(key, 16) >= 0
    renamed = ({"source": "zz", "text": "the  summit opens on MONDAY."}, {"source": "aa", "text": b["text"]})
    assert review.discrepancy_key(*renamed) == key
    # a contradiction inside one article is a different discrepancy from one across articles
    assert review.discrepancy_key(a, {"source": "a", "text": b["text"]}) != key


def test_discrepancies_one_per_pair_in_reading_order() -> None:
    found = review.discrepancies(sample_frame())
    assert [d.claim_ids for d in found] == [("a-1", "b-1"), ("a-2", "a-3")]
    assert [d.same_source for d in found] == [False, True]
    assert found[0].reason == 'when: "on Monday" (Mon) vs "on Tuesday" (Tue)'


def test_pair_reason_picks_the_part_about_the_other_claim() -> None:
    joined = 'status: "X is in force on Sunday" (set for Sun) vs "after 40 ratifications" (only then); ' \
             'status: "X is in force on Sunday" (set for Sun) vs "once 40 states ratify" (only then)'
    a = claim("a-1", "a", "X is in force on Sunday", "conflicting", "a-2;b-1", joined)
    b = claim("b-1", "b", "It applies once 40 states ratify", "conflicting", "a-1;b-9",
              'status: ...; who (chair): ...')
    assert review.pair_reason(a, b) == \
        'status: "X is in force on Sunday" (set for Sun) vs "once 40 states ratify" (only then)'


# ---------------------------------------------------------------- review.csv


def test_record_save_load_round_trip_and_replace(tmp_path: Path) -> None:
    frame, path = sample_frame(), tmp_path / "review.csv"
    key = key_of(frame, "a-1")
    made = review.record(path, frame, key[:6], "confirmed", "=HYPERLINK(bad)  is  fine", "ed", timestamp=TS)
    assert made.key == key and made.note == "=HYPERLINK(bad) is fine"
    assert "'=HYPERLINK" in path.read_text(encoding="utf-8")      # neutralised for spreadsheets
    assert review.load(path) == [made]                           # and restored on reading
    again = review.record(path, frame, key, review.ReviewDecision.DISMISSED, "no", "ed", timestamp=TS)
    assert review.load(path) == [again]
    assert (made.source_a, made.claim_a, made.source_b) == ("a", "The summit opens on Monday in Geneva", "b")


def test_open_stale_and_annotate() -> None:
    frame = sample_frame()
    key = key_of(frame, "a-1")
    gone = review.Decision("0123456789ab", review.ReviewDecision.CORRECTED, "fixed", "ed", TS, "x", "old", "y", "old")
    decisions = [review.Decision(key, review.ReviewDecision.CONFIRMED, "n", "ed", TS), gone]
    assert [d.claim_ids for d in review.open_discrepancies(frame, decisions)] == [("a-2", "a-3")]
    assert review.stale(frame, decisions) == [gone]
    cells = dict(zip(review.annotate(frame, decisions)["claim_id"], review.annotate(frame, decisions)["review"]))
    other = key_of(frame, "a-2")
    assert cells == {"a-1": f"confirmed:{key}", "b-1": f"confirmed:{key}", "a-2": f"open:{other}",
                     "a-3": f"open:{other}", "c-1": ""}


def test_unknown_and_ambiguous_keys(tmp_path: Path) -> None:
    with pytest.raises(UnknownDiscrepancyError, match="no discrepancy with key 'ffffff'"):
        review.record(tmp_path / "review.csv", sample_frame(), "ffffff", "confirmed", "n", "ed")
    with pytest.raises(UnknownDiscrepancyError):
        review.find(sample_frame(), "abc")     # too short to be a prefix
    assert not (tmp_path / "review.csv").exists()


HEADER = ",".join(review.COLUMNS)
GOOD = f"0123456789ab,confirmed,note,ed,{TS},a,x,b,y,r"


@pytest.mark.parametrize("text, problem", [
    ("", "line 1: empty file"),
    ("key,decision\n", "line 1: missing columns: note, reviewer"),
    (f"{HEADER}\n{GOOD}\n0123456789ac,maybe,n,ed,{TS},a,x,b,y,r\n", "line 3: unknown decision 'maybe'"),
    (f"{HEADER}\n{GOOD}\n{GOOD}\n", "line 3: key 0123456789ab is already decided on line 2"),
    (f"{HEADER}\nxyz,confirmed,n,ed,{TS},a,x,b,y,r\n", "line 2: bad key 'xyz'"),
    (f"{HEADER}\n{GOOD}\n0123456789ac,confirmed,n,ed,yesterday,a,x,b,y,r\n", "line 3: bad timestamp 'yesterday'"),
    (f"{HEADER}\n0123456789ab,confirmed,n,,{TS},a,x,b,y,r\n", "line 2: no reviewer"),
    (f"{HEADER}\n{GOOD},extra\n", "line 2: 11 fields, expected 10"),
    (f'{HEADER}\n0123456789ab,confirmed,"two\nlines",ed,{TS},a,x,b,y,r\n0123456789ac,nope,n,ed,{TS},a,x,b,y,r\n',
     "line 4: unknown decision 'nope'"),
])
def test_malformed_review_csv_names_the_line(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "review.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ReviewError) as caught:
        review.load(path)
    assert str(caught.value).startswith(f"{path}: {problem}")
    assert caught.value.exit_code == 3


def test_not_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "review.csv"
    path.write_bytes(f"{HEADER}\n{GOOD}\n".encode() + b"0123456789ac,confirmed,caf\xe9\n")
    with pytest.raises(ReviewError, match="line 3: not UTF-8 text"):
        review.load(path)


def test_missing_file_is_no_decisions(tmp_path: Path) -> None:
    assert review.load(tmp_path / "review.csv") == []


def test_failed_save_leaves_the_old_file_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    frame, path = sample_frame(), tmp_path / "review.csv"
    review.record(path, frame, key_of(frame, "a-1"), "confirmed", "n", "ed", timestamp=TS)
    before = path.read_bytes()

    def broken(*_: object) -> None:
        raise OSError("disk full")
    monkeypatch.setattr("os.replace", broken)
    with pytest.raises(OSError):
        review.record(path, frame, key_of(frame, "a-2"), "dismissed", "n", "ed", timestamp=TS)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def _record_many(args: tuple[str, str, str]) -> None:
    path, claims_path, key = args
    frame = table.read(claims_path)
    for n in range(15):
        review.record(path, frame, key, "confirmed", f"note {n}", "ed")


def test_concurrent_reviews_lose_no_decision(tmp_path: Path) -> None:
    frame = sample_frame()
    claims_path = write_claims(tmp_path)
    path = str(tmp_path / "review.csv")
    keys = [d.key for d in review.discrepancies(frame)]
    with multiprocessing.get_context("fork").Pool(2) as pool:
        pool.map(_record_many, [(path, str(claims_path), k) for k in keys])
    assert sorted(d.key for d in review.load(path)) == sorted(keys)


# ---------------------------------------------------------------- decisions survive re-runs


def test_decisions_survive_new_source_and_renamed_reordered_files(tmp_path: Path) -> None:
    before_dir = tmp_path / "before"
    shutil.copytree(SOURCES, before_dir)
    first = pipeline.run([before_dir]).frame
    found = review.discrepancies(first)
    assert found, "the founding articles should disagree"
    path = tmp_path / "review.csv"
    for d in found:
        review.record(path, first, d.key, "confirmed", "checked", "ed", timestamp=TS)

    after_dir = tmp_path / "after"
    after_dir.mkdir()
    names = sorted(p.name for p in SOURCES.iterdir() if p.is_file())
    for n, name in enumerate(reversed(names)):          # renamed so that the order is reversed
        shutil.copy(SOURCES / name, after_dir / f"{n}_{name}")
    (after_dir / "5_unrelated.txt").write_text(
        "A new footbridge over the river opened to walkers on Tuesday.\n"
        "The council said the bridge cost 4 million euros to build.\n", encoding="utf-8")
    second = pipeline.run([after_dir]).frame
    assert set(second["source"]) != set(first["source"])
    decisions = review.load(path)
    assert review.stale(second, decisions) == []
    assert review.open_discrepancies(second, decisions) == []
    annotated = review.annotate(second, decisions)
    conflicting = annotated[annotated["label"] == "conflicting"]
    assert all(cell and "open:" not in cell for cell in conflicting["review"])


def test_founding_decisions_are_recorded_and_current() -> None:
    decisions = review.load(ROOT / "review.csv")
    frame = pipeline.run([SOURCES]).frame
    assert decisions and all(d.decision is review.ReviewDecision.CONFIRMED for d in decisions)
    assert review.stale(frame, decisions) == [], "re-record the founding decisions (docs/report-and-review.md)"
    sunday = [d for d in review.discrepancies(frame) if "sunday" in (d.a["text"] + d.b["text"]).lower()]
    assert {d.key for d in sunday} <= {d.key for d in decisions}


# ---------------------------------------------------------------- CLI


@pytest.fixture()
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FACTCHECK_REVIEWER", "tester")
    write_claims(tmp_path)
    return tmp_path


def invoke(*args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, list(args), input=input)


def test_cli_lists_open_discrepancies(workdir: Path) -> None:
    result = invoke("review")
    assert result.exit_code == 0, result.stderr
    first, second = (key_of(sample_frame(), "a-2"), key_of(sample_frame(), "a-1"))
    assert result.stdout.splitlines()[0] == "2 open discrepancies, 0 decided (review.csv)"
    assert f"\n{first}  number, inside one article:" in result.stdout
    assert f"\n{second}  when, between sources:" in result.stdout
    assert "    [b] The summit opens on Tuesday in Geneva" in result.stdout


def test_cli_records_a_decision(workdir: Path) -> None:
    key = key_of(sample_frame(), "a-1")
    result = invoke("review", key, "--confirm", "--note", "b has the wrong day")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"confirmed: {key} (a vs b) -> review.csv\n"
    [made] = review.load(workdir / "review.csv")
    assert (made.decision, made.reviewer, made.note) == (review.ReviewDecision.CONFIRMED, "tester", "b has the wrong day")
    listed = invoke("review").stdout
    assert listed.startswith("1 open discrepancy, 1 decided (review.csv)") and key not in listed


def test_cli_review_column_in_claims_after_run(workdir: Path) -> None:
    shutil.copytree(SOURCES, workdir / "sources")
    assert invoke("run", "-q").exit_code == 0
    key = review.discrepancies(table.read("claims.csv"))[0].key
    assert invoke("review", key, "--dismiss", "--note", "n").exit_code == 0
    assert invoke("run", "-q").exit_code == 0
    cells = set(table.read("claims.csv")["review"])
    assert f"dismissed:{key}" in ";".join(cells)


def test_cli_stale_decisions_are_listed_and_kept(workdir: Path) -> None:
    text = f"{HEADER}\n0123456789ab,corrected,fixed,ed,{TS},x,old claim,y,other claim,r\n"
    (workdir / "review.csv").write_text(text, encoding="utf-8")
    key = key_of(sample_frame(), "a-1")
    assert invoke("review", key, "--correct", "--note", "fixed").exit_code == 0
    result = invoke("review")
    assert "1 stale decision (their discrepancy is no longer found; kept in review.csv):" in result.stdout
    assert "    0123456789ab corrected: [x] old claim / [y] other claim" in result.stdout
    assert [d.key for d in review.load(workdir / "review.csv")] == ["0123456789ab", key]


@pytest.mark.parametrize("args, message", [
    (["--confirm", "--note", "n"], "Error: which discrepancy? give its KEY (run `factcheck review` to list them)"),
    (["abcdef"], "Error: give a decision for KEY: --confirm, --dismiss or --correct"),
    (["abcdef", "--dismiss"], "Error: give a --note saying why"),
    (["abcdef", "--dismiss", "--note", "  "], "Error: give a --note saying why"),
    (["-i", "abcdef"], "Error: --interactive takes no KEY, decision or --all"),
])
def test_cli_usage_errors(workdir: Path, args: list[str], message: str) -> None:
    result = invoke("review", *args)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == message


def test_cli_unknown_key(workdir: Path) -> None:
    result = invoke("review", "ffffff", "--confirm", "--note", "n")
    assert result.exit_code == 2
    assert result.stderr == ("Error: no discrepancy with key 'ffffff' in the claim table "
                             "(`factcheck review --all` lists them)\n")
    assert not (workdir / "review.csv").exists()


def test_cli_malformed_review_csv(workdir: Path) -> None:
    (workdir / "review.csv").write_text(f"{HEADER}\n0123456789ab,maybe,n,ed,{TS},a,x,b,y,r\n", encoding="utf-8")
    for args in (["review"], ["review", key_of(sample_frame(), "a-1"), "--confirm", "--note", "n"]):
        result = invoke(*args)
        assert result.exit_code == 3
        assert result.stderr == ("Error: review.csv: line 2: unknown decision 'maybe' "
                                 "(expected confirmed, dismissed, corrected)\n")
    assert "maybe" in (workdir / "review.csv").read_text(encoding="utf-8")   # never rewritten


def test_cli_missing_claims_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("review")
    assert result.exit_code == 3
    assert result.stderr == "Error: claims.csv: no such file\n"


def test_cli_review_path_options(workdir: Path) -> None:
    (workdir / "out").mkdir()
    write_claims(workdir / "out")
    key = key_of(sample_frame(), "a-2")
    assert invoke("review", "--claims", "out/claims.csv", key, "--confirm", "--note", "n").exit_code == 0
    assert (workdir / "out" / "review.csv").exists() and not (workdir / "review.csv").exists()
    assert invoke("review", "--review", "elsewhere.csv", key, "--confirm", "--note", "n").exit_code == 0
    assert (workdir / "elsewhere.csv").exists()


def test_cli_interactive_saves_each_answer(workdir: Path) -> None:
    result = invoke("review", "-i", "--reviewer", "kim", input="d\nsame day, different time zones\ns\n")
    assert result.exit_code == 0, result.stderr
    assert "[1/2] " in result.stdout and "[2/2] " in result.stdout
    assert "*on Monday*" in result.stdout or "*12 million dollars*" in result.stdout
    assert result.stdout.rstrip().endswith("\n1 decision saved in review.csv.")
    [made] = review.load(workdir / "review.csv")
    assert (made.decision.value, made.reviewer, made.note) == ("dismissed", "kim", "same day, different time zones")


def test_cli_interactive_interrupted_loses_nothing(workdir: Path) -> None:
    result = invoke("review", "-i", input="c\nreal\n")        # input ends at the second prompt
    assert result.exit_code == 0
    assert result.stdout.endswith("\nEnd of input: 1 decision saved in review.csv.\n") and result.stderr == ""
    assert len(review.load(workdir / "review.csv")) == 1
    again = invoke("review", "-i", input="q\n")
    assert "[1/1] " in again.stdout


def test_cli_interactive_nothing_open(workdir: Path) -> None:
    for d in review.discrepancies(sample_frame()):
        invoke("review", d.key, "--confirm", "--note", "n")
    result = invoke("review", "-i")
    assert (result.exit_code, result.stdout) == (0, "No open discrepancies: `factcheck review --all` lists the "
                                                    "decided ones.\n")


def test_cli_review_help_ends_with_an_example() -> None:
    text = invoke("review", "--help").stdout
    assert "Examples:" in text and "factcheck review" in text.split("Examples:")[1]

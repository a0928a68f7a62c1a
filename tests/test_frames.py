"""Frames read off the parse: who did what, with negation, modality and attribution.

Each row is (text, expected frames) with every sentence invented. A frame is
compared as (claim text, subject key, predicate, object key) plus the fields a
row names.
"""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from factcheck import cli, lexicon
from factcheck.judgement import frames, parse
from factcheck.errors import ModelError


def core(f: frames.Frame) -> tuple[str, str | None, str | None, str | None]:
    return (f.text, f.subject.key if f.subject else None, f.predicate, f.object.key if f.object else None)


CORE = [
    # kind: subject, predicate, object
    ("Chile signed the pact on Saturday.", [("Chile signed the pact on Saturday", "chile", "sign", "pact")]),
    # kind: coordinated clauses each keep their own subject
    ("The minister did not attend, but the delegations signed.",
     [("The minister did not attend", "minister", "attend", None), ("the delegations signed", "delegation", "sign", None)]),
    # kind: a coordinated verb without a subject carries the first one's
    ("The rocket lifted off from the Kvarn spaceport and reached orbit.",
     [("The rocket lifted off from the Kvarn spaceport", "rocket", "lift off", None),
      ("The rocket reached orbit", "rocket", "reach", "orbit")]),
    # kind: a non-restrictive relative clause is a claim about its noun
    ("Silva, who joined the club in 2019, scored the winner in the 81st minute.",
     [("Silva scored the winner in the 81st minute", "silva", "score", "winner"),
      ("Silva joined the club in 2019", "silva", "join", "club")]),
    # kind: "with X doing Y" is a clause of its own
    ("Rovers won 2-1, with Silva heading the winner in the 81st minute.",
     [("Rovers won 2-1", "rover", "win", None), ("Silva heading the winner in the 81st minute", "silva", "head", "winner")]),
    # kind: a name in apposition right beside its noun is who the noun is
    ("The winner, Tomas Reid, crossed the line first.",
     [("The winner, Tomas Reid, crossed the line first", "tomas reid", "cross", "line")]),
    # ... but a name after a list is no apposition of the list's first noun
    ("Hackers targeted ports and big firms, Anna Berg, head of security, said.",
     [("Hackers targeted ports and big firms", "hacker", "target", "port")]),
    # kind: a pronoun carries the person named before it
    ("Ana Ruiz won the vote. She will take office on Monday.",
     [("Ana Ruiz won the vote", "ana ruiz", "win", "vote"), ("She will take office on Monday", "ana ruiz", "take", "office")]),
    # kind: a pronoun in a reported clause is the speaker
    ("The company said it would appeal.", [("it would appeal", "company", "appeal", None)]),
    # kind: "it" in an adverbial clause is the main clause's subject
    ("The ferry was carrying 120 passengers when it capsized.",
     [("The ferry was carrying 120 passengers", "ferry", "carry", "passenger"), ("it capsized", "ferry", "capsize", None)]),
    # kind: a participle on a prepositional object that has its own object
    ("The members will sign despite opposition from companies fearing surveillance.",
     [("The members will sign despite opposition from companies", "member", "sign", None),
      ("companies fearing surveillance", "company", "fear", "surveillance")]),
]


@pytest.mark.parametrize("text, expected", CORE, ids=[t[:40] for t, _ in CORE])
def test_frames_hold_who_did_what(text: str, expected: list[tuple]) -> None:
    assert [core(f) for f in frames.read(text)] == expected


FLAGS = [
    # (text, field, value of the first frame)
    ("Norway did not sign the pact.", "negated", True),
    ("The club refused to sell the striker.", "negated", True),            # refuse flips
    ("The club agreed to sell the striker.", "negated", False),
    ("The hospital denied that any operations would be cancelled.", "denied", True),
    ("The hospital confirmed that 40 operations would be cancelled.", "denied", False),
    ("The members are likely to sign the treaty on Saturday.", "modality", "expected"),
    ("The bank is expected to cut rates.", "modality", "expected"),
    ("The bank will cut rates.", "modality", "scheduled"),
    ("The bank is set to cut rates.", "modality", "scheduled"),
    ("The bank could cut rates.", "modality", "possible"),
    ("The bank cut rates.", "modality", None),
    ("The accord will enter into force once it has been ratified by 20 countries.", "modality", "conditional"),
    ("The accord will enter into force once it has been ratified by 20 countries.", "condition",
     "once it has been ratified by 20 countries"),
    ("The verdict was delivered by Judge Maria Okafor.", "voice", "passive"),
    ("Judge Maria Okafor delivered the verdict.", "voice", "active"),
    ("The verdict was delivered by Judge Maria Okafor.", "arguments", (("by", "Judge Maria Okafor"),)),
    # kind: an adverb that completes the verb like a particle
    ("The storm came ashore on Tuesday.", "predicate", "come ashore"),
    ("The tanker ran aground near the port.", "predicate", "run aground"),
    # attribution, in every position
    ("The pact entered into force on Sunday, the minister said.", "attribution", "the minister"),
    ("The minister said the pact would enter into force on Sunday.", "attribution", "The minister"),
    ("According to police, three men were arrested on Sunday.", "attribution", "police"),
    ("The airline filed for bankruptcy in March, court records show.", "attribution", "court records"),
    ("The airline filed for bankruptcy in March.", "attribution", None),
]


@pytest.mark.parametrize("text, field, value", FLAGS, ids=[f"{f}:{t[:30]}" for t, f, _ in FLAGS])
def test_frame_fields(text: str, field: str, value: object) -> None:
    assert getattr(frames.read(text)[0], field) == value


def test_a_question_left_open_asserts_nothing() -> None:
    found = frames.read("The officials declined to say whether the minister would attend.")
    assert [(f.text, f.modality) for f in found] == [("the minister would attend", "unknown")]


def test_a_speaker_after_the_quotation_is_not_a_word_inside_it() -> None:
    found = frames.read('"We found 15 bodies, most of them on the roof," fire chief Ana Ruiz told reporters.')
    assert [(f.attribution, f.subject.key) for f in found] == [("fire chief Ana Ruiz", "ana ruiz")]


def test_a_verb_coordinated_in_a_reported_clause_keeps_the_speaker() -> None:
    found = frames.read("The owner said he was sorry and promised 5,000 euros to each family.")
    assert [(f.text, f.subject.key, f.attribution) for f in found if f.predicate == "promise"] == [
        ("he promised 5,000 euros to each family", "owner", "The owner")]


def test_an_attribution_is_no_claim_of_its_own() -> None:
    found = frames.read("The pact entered into force on Sunday, the minister said after the ceremony.")
    assert [f.text for f in found] == ["The pact entered into force on Sunday"]


def test_frame_offsets_point_into_the_text() -> None:
    text = "Officials met on Monday. Chile signed the pact on Saturday, the ministry said."
    for f in frames.read(text):
        assert text[f.start:f.end] == f.text


@pytest.mark.parametrize("lemma", sorted(lexicon.words("frames", "reporting")))
def test_every_reporting_verb_becomes_the_attribution(lemma: str) -> None:
    found = frames.read(f"The officials {lemma} that the plant closed.")
    assert [(f.text, f.attribution) for f in found] == [("the plant closed", "The officials")]


@pytest.mark.parametrize("lemma", sorted(lexicon.words("frames", "denying")))
def test_every_denying_verb_denies_the_reported_clause(lemma: str) -> None:
    assert frames.read(f"The officials {lemma} that the plant closed.")[0].denied


def test_every_denying_verb_is_a_reporting_verb() -> None:
    assert lexicon.words("frames", "denying") <= lexicon.words("frames", "reporting")


def test_a_missing_model_is_one_error_naming_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    parse.load_model.cache_clear()
    with pytest.raises(ModelError, match="'no_such_model' is not installed"):
        parse.load_model("no_such_model")


def test_cli_frames_prints_one_line_per_frame() -> None:
    result = CliRunner().invoke(cli.cli, ["frames", "-"], input="Norway did not sign the pact, officials said.\n")
    assert result.exit_code == 0
    assert result.output == ("Norway did not sign the pact\n"
                             "    norway | sign | pact | - | negated | officials\n")


def test_cli_frames_without_the_model_exits_2(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(parse.MODEL_VARIABLE, "")  # restored after the test, whatever --model sets
    result = CliRunner().invoke(cli.cli, ["frames", "-", "--model", "no_such_model"], input="Chile signed.\n")
    assert result.exit_code == 2
    assert result.output.startswith("Error: spaCy model 'no_such_model' is not installed")


def test_cli_frames_unreadable_file_exits_3(tmp_path) -> None:
    result = CliRunner().invoke(cli.cli, ["frames", str(tmp_path / "missing.txt")])
    assert result.exit_code == 3
    assert f"{tmp_path / 'missing.txt'}: cannot read" in result.output


def test_cli_frames_is_listed_whole_in_the_top_level_help() -> None:
    text = CliRunner().invoke(cli.cli, ["--help"], terminal_width=100).stdout
    assert "  frames  Show who did what in a text: the frames each claim is read as." in text


def test_run_with_a_missing_model_is_one_line_and_exit_2(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setenv(parse.MODEL_VARIABLE, "")
    (tmp_path / "a.txt").write_text("Chile signed the pact on Saturday.\n", encoding="utf-8")
    result = CliRunner().invoke(cli.cli, ["run", str(tmp_path), "--out", str(tmp_path / "claims.csv"),
                                          "--model", "no_such_model", "--no-cache", "-q"])
    assert result.exit_code == 2
    assert result.output.startswith("Error: spaCy model 'no_such_model' is not installed")
    assert not (tmp_path / "claims.csv").exists()


def test_another_model_makes_cached_claims_stale(monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck.scale import cache

    before = cache.code_fingerprint()
    monkeypatch.setattr(parse, "model_identity", lambda: "en_core_web_md 3.8.0")
    assert cache.code_fingerprint() != before


def test_every_person_noun_is_a_definite_description() -> None:
    assert lexicon.words("frames", "person_nouns") <= lexicon.words("frames", "definite_descriptions")


def test_a_definite_description_is_the_name_that_holds_it() -> None:
    found = frames.read("Tilburg District Court heard the case. The court will rule on Friday.")
    assert [f.subject.key for f in found] == ["tilburg district court", "tilburg district court"]


@pytest.mark.parametrize("text, doer, undergoer", [
    ("The court jailed Ana Ruiz for five years.", "court", "ana ruiz"),
    ("Ana Ruiz was jailed for five years by the court.", "court", "ana ruiz"),
    ("Ana Ruiz was jailed for five years.", None, "ana ruiz"),
])
def test_the_doer_of_a_passive_is_its_by_phrase(text: str, doer: str | None, undergoer: str) -> None:
    frame = frames.read(text)[0]
    assert (frame.doer.key if frame.doer else None, frame.undergoer.key) == (doer, undergoer)

"""Who holds a one-holder post, who did a one-doer deed (holders.py): kind `who`."""
from __future__ import annotations

import pytest

from factcheck.judgement import holders
from tests.test_match_compare import analyse_texts, verdict_between


@pytest.mark.parametrize("text, expected", [
    ("Captain Lena Voss steered the tug into the harbour.", [("captain", "voss")]),
    ("Its captain, Berg, was rescued by a fishing boat.", [("captain", "berg")]),
    ("Tomas Berg, the trawler's captain, was rescued.", [("captain", "berg")]),
    ("The barge was skippered by Tomas Berg.", [("captain", "berg")]),
    ("Judge Amal Nadeem adjourned the hearing.", [("judge", "nadeem")]),
    ("The appeal was presided over by Judge Ruth Kell.", [("judge", "kell")]),
    ("The search was led by rescue coordinator Ines Haro.", [("rescue chief", "haro")]),
    # posts an organisation or an event has one holder of
    ("Chief executive Lars Omdal apologised to customers.", [("chief executive", "omdal")]),
    ("CEO Lars Omdal apologised to customers.", [("chief executive", "omdal")]),
    ("Regional fire chief Mara Quist asked residents to leave.", [("fire chief", "quist")]),
    ("Chief arbiter Tove Lind stopped the clocks.", [("arbiter", "lind")]),
    ("Council leader Hugh Barr defended the cuts.", [("council leader", "barr")]),
    # another holder of the title
    ("The former captain, Tomas Berg, retired in 2019.", []),
    ("Deputy judge Ruth Kell read the charges.", []),
    ("The co-pilot Anna Berg was unhurt.", []),
    # a title with no name after it
    ("The judge on Monday rejected the request.", []),
], ids=["title-name", "its-title-comma-name", "name-comma-possessive-title", "skippered-by", "judge",
        "presided-over-by", "rescue-coordinator", "chief-executive", "ceo", "fire-chief", "chief-arbiter",
        "council-leader", "former", "deputy", "co-pilot", "no-name"])
def test_holders_in(text: str, expected: list[tuple[str, str]]) -> None:
    assert holders.holders_in(text) == expected


@pytest.mark.parametrize("text_a, text_b, expected", [
    # one post, two people
    ("The tug was skippered by Tomas Berg.", "Captain Lena Voss ignored the gale warning.", True),
    ("Judge Amal Nadeem thanked the jury.", "The trial was presided over by Judge Ruth Kell.", True),
    # one deed, two doers
    ("The trophies were presented by Mayor Ilse Varga.", "Culture minister Arne Holt handed out the trophies.", True),
    ("The leak was first detected by engineer Pia Lund.", "Technician Omar Fendi identified the leak.", True),
    # an event's one chief arbiter
    ("Chief arbiter Tove Lind stopped the clocks.", "Chief arbiter Nils Berg confirmed the result.", True),
    # the same person twice
    ("The tug was skippered by Tomas Berg.", "Captain Tomas Berg ignored the gale warning.", False),
    # one deed, two things
    ("The trophies were presented by Mayor Ilse Varga.", "Culture minister Arne Holt handed out the flowers.", False),
    # a deed not only one person does
    ("Mayor Ilse Varga praised the volunteers.", "Culture minister Arne Holt praised the volunteers.", False),
    # a negated deed names no doer
    ("The trophies were not presented by Mayor Ilse Varga.", "Culture minister Arne Holt handed out the trophies.",
     False),
], ids=["captain", "judge", "presented-vs-handed-out", "detected-vs-identified", "chief-arbiter", "same-person", "two-things",
        "many-doer-deed", "negated"])
def test_holder_conflicts(text_a: str, text_b: str, expected: bool) -> None:
    verdict, reason = verdict_between(text_a, text_b)
    assert (verdict == "conflict") is expected
    if expected:
        assert reason.startswith("who (")


def test_a_source_naming_both_people_knows_them_apart() -> None:
    """Two teams, two captains: a source that names both shows they are not one post's rivals."""
    result = analyse_texts("Captain Lena Voss scored twice for Harlow.",
                      "Captain Tomas Berg conceded a penalty for Dunmere.",
                      "Voss and Berg shook hands before kick-off.")
    assert [c for c in result.conflicts if c.kind == "who"] == []


def test_a_source_naming_two_holders_is_left_out() -> None:
    result = analyse_texts("Judge Amal Nadeem and Judge Ruth Kell heard the appeal.",
                      "Judge Omar Pike thanked the jury.")
    assert [c for c in result.conflicts if c.kind == "who"] == []


# ages stated by reference: "The 21-year-old" is the person named before it, "The 62-year-old
# bridge" the story's subject (compare._age_conflicts)
@pytest.mark.parametrize("text_a, text_b, expected", [
    ("Lia Kovari won the title on Sunday. The 21-year-old scored 7 points.", "Kovari, 19, scored 7 points.", True),
    ("Lia Kovari won the title on Sunday. The 21-year-old scored 7 points.", "Kovari, 21, lives in Pecs.", False),
    ("The 62-year-old bridge was last inspected in 2022.", "The 58-year-old structure had been due for repairs.",
     True),
    ("The 62-year-old bridge was last inspected in 2022.", "The 62-year-old structure had been due for repairs.",
     False),
    # inside a reported clause, lower case: "Friends said the 24-year-old ..."
    ("Lia Kovari won the title on Sunday. Her coach said the 21-year-old had trained for a decade.",
     "Kovari, 19, scored 7 points.", True),
    # no one named before it: nobody to give the age to
    ("The 21-year-old scored 7 points.", "Kovari, 19, scored 7 points.", False),
    # "a 66-year-old woman" is someone new, not someone named before
    ("Lia Kovari won the title on Sunday. A 66-year-old woman was hurt.", "Kovari, 19, scored 7 points.", False),
], ids=["the-n-year-old-person", "same-age", "the-n-year-old-thing", "same-thing-age", "reported-clause", "no-referent",
        "indefinite"])
def test_ages_by_reference(text_a: str, text_b: str, expected: bool) -> None:
    ages = [c for c in analyse_texts(text_a, text_b).conflicts if c.kind == "age"]
    assert bool(ages) is expected


def test_two_ages_of_things_in_one_article_are_two_things() -> None:
    result = analyse_texts("The 62-year-old bridge fell. The 40-year-old crane nearby was unhurt.", "The crane stood.")
    assert [c for c in result.conflicts if c.kind == "age"] == []


def test_a_sentence_longer_than_any_newsroom_writes_is_no_fact_of_the_story() -> None:
    """Story-level readers skip a claim over parse.MAX_SENTENCE_CHARS (a hostile file's one
    'sentence'): the short version of the same pair conflicts, the padded one does not."""
    short = "Captain Lena Voss steered the tug into the harbour."
    padded = "Captain Lena Voss steered the tug into the " + "old " * 400 + "harbour."
    other = "Captain Tomas Berg ignored the gale warning."
    assert [c for c in analyse_texts(short, other).conflicts if c.kind == "who"]
    assert [c for c in analyse_texts(padded, other).conflicts if c.kind == "who"] == []


@pytest.mark.parametrize("text_a, text_b, expected", [
    # an exclusive role after a mark of another holder names another post: no who-conflict
    ("Maria Gomez, the first president of the republic, sent condolences to the families.",
     "President Peter Novak sent condolences to the families.", False),
    ("Former president Maria Gomez sent condolences to the families.",
     "President Peter Novak sent condolences to the families.", False),
    # without the mark the two holders conflict
    ("Maria Gomez will become chairman of the merged port authority.",
     "Peter Novak will become chairman of the merged port authority.", True),
])
def test_role_after_another_holders_mark(text_a: str, text_b: str, expected: bool) -> None:
    assert any(c.kind == "who" for c in analyse_texts(text_a, text_b).conflicts) is expected


@pytest.mark.parametrize("text_a, text_b, post", [
    # posts one person holds in an organisation, named with the speaker of a claim
    ("Governor Ysolde Arvik said interest rates would stay on hold.",
     "The bank's governor, Piotr Malec, told reporters rates would stay on hold.", "governor"),
    ("Vice-chancellor Runa Vesk told staff the campus would reopen.",
     "The university's vice-chancellor, Dr Osman Pirro, announced the campus would reopen.", "vice-chancellor"),
    ("Medical director Ottilie Solvik said the ward was closed.",
     "The ward was closed, medical director Kasimir Drost said.", "medical director"),
    ("Head keeper Sigrun Bakke said the otters were thriving.",
     "The otters were thriving, head keeper Edvin Tarrask said.", "head keeper"),
], ids=["governor", "vice-chancellor", "medical-director", "head-keeper"])
def test_two_holders_of_a_speakers_post(text_a: str, text_b: str, post: str) -> None:
    from pathlib import Path
    from factcheck import pipeline
    from factcheck.records import Source
    result = pipeline.analyse([Source(id="a", path=Path("a.txt"), text=text_a),
                               Source(id="b", path=Path("b.txt"), text=text_b)])
    reasons = {v.reason for v in result.verdicts if v.label.value == "conflicting"}
    assert [r for r in reasons if r.startswith(f"who ({post})")], reasons

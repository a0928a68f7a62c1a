"""Title claims (titles.py) and who holds a one-holder title across sources (holders.py): kind `who`.

All text here is invented.
"""
from __future__ import annotations

import pytest

from factcheck.judgement import titles
from tests.test_match_compare import analyse_texts


@pytest.mark.parametrize("text, expected", [
    # a title before a name, in the attribution or the subject
    ("Chief executive Ruth Brandt said the plant would reopen.", [("chief executive", "", "brandt")]),
    ("CEO Tomas Quarn said sales rose.", [("chief executive", "", "quarn")]),
    ("Sales fell, according to regional fire chief Nadia Fenn.", [("fire chief", "", "fenn")]),
    ("Oriel chief executive Tom Ives told reporters the deal was off.", [("chief executive", "oriel", "ives")]),
    ("Council boss Gerd Vahl defended the cuts.", [("council leader", "", "vahl")]),
    # a title in apposition, either way round, with its organisation
    ("Talks failed, said Piet Lund, general secretary of the union.", [("general secretary", "", "lund")]),
    ("The deal was off, said Tom Ives, Oriel's chief executive.", [("chief executive", "oriel", "ives")]),
    ("The gallery's chief curator, Jonas Arvik, confirmed the loan.", [("curator", "", "arvik")]),
    ("The chief executive of Skelby Lines, Tom Ives, said sales rose.", [("chief executive", "skelby lines", "ives")]),
    # one person once, two posts twice
    ("Union boss Piet Lund, general secretary of the union, said talks failed.", [("general secretary", "", "lund")]),
    ("Chairman Ruth Brandt and chief executive Tom Ives spoke.",
     [("chair", "", "brandt"), ("chief executive", "", "ives")]),
    # another holder of the title, or none named
    ("Former chief executive Tom Ives said sales rose.", []),
    ("Tom Ives, who stepped down as chief executive in 2019, spoke.", []),
    ("Chief executive Tom Ives, who stepped down last week, spoke.", []),
    ("The board replaced chief executive Tom Ives in May.", []),
    ("Sales fell, said the deputy chief executive, Ana Holm.", []),
    ("Ana Holm, the acting chief executive, spoke.", []),
    ("Ana Holm, a chief curator at the gallery, spoke.", []),
    ("The chief executive said sales rose.", []),
    # roles many people hold are no titles of one holder
    ("Spokesperson Ana Holm said sales rose.", []),
    ("Director Ana Holm said sales rose.", []),
    ("Councillor Ana Holm said the vote was close.", []),
    ("Firefighter Ana Holm was treated for burns.", []),
    # a loose "boss" with a firm's name names no post (its chair or its chief executive)
    ("Oriel boss Tom Ives said sales rose.", []),
], ids=["title-name", "ceo", "regional-fire-chief", "org-title-name", "council-boss", "name-title-of",
        "name-possessive-title", "possessive-title-comma-name", "title-of-org-comma-name", "boss-and-appositive",
        "two-posts", "former", "who-stepped-down-as", "who-stepped-down", "replaced", "deputy", "acting",
        "indefinite", "no-name", "spokesperson", "director", "councillor", "firefighter", "firm-boss"])
def test_titles_read(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(t.post, t.org, t.surname) for t in titles.read(text)] == expected


def test_a_title_claim_spans_the_title_and_the_name() -> None:
    """The title in an attribution is a claim of its own, over its own words."""
    text = "The plant will reopen in May, chief executive Ruth Brandt said on Monday."
    result = analyse_texts(text, "The plant will stay shut.")
    found = [c for c in result.claims if c.title is not None]
    assert [(c.text, text[c.start:c.end], c.title) for c in found] == [
        ("chief executive Ruth Brandt", "chief executive Ruth Brandt", ("chief executive", "", "brandt"))]


def _title_relation(*texts: str) -> str:
    """How the title claims of the first article stand to those of the others."""
    result = analyse_texts(*texts)
    first = [n for n, c in enumerate(result.claims) if c.title is not None and c.source == "s0"]
    others = {result.claims[n].id for n, c in enumerate(result.claims) if c.title is not None and c.source != "s0"}
    verdicts = [result.verdicts[n] for n in first]
    if any(set(v.conflicts_with) & others for v in verdicts):
        return "conflict"
    if any(set(v.agrees_with) & others for v in verdicts):
        return "agree"
    return "separate"


@pytest.mark.parametrize("text_a, text_b, expected", [
    # one title of one organisation, two people
    ("Chief executive Ruth Brandt said the plant would reopen in May.",
     "Chief executive Tom Ives told reporters the plant would stay shut.", "conflict"),
    ("CEO Ruth Brandt said the plant would reopen in May.",
     "The plant will stay shut, chief executive Tom Ives told reporters.", "conflict"),
    ("Union general secretary Ana Cole said the strike would go ahead.",
     "Union boss Piet Lund, general secretary of the union, said the walkout was off.", "conflict"),
    ("Council leader Hugh Barr defended the budget.", "Council boss Gerd Vahl said the cuts were painful.", "conflict"),
    ("Regional fire chief Nadia Fenn ordered the evacuation.",
     "Residents fled, regional fire chief Rosa Llull said.", "conflict"),
    ("The gallery's chief curator, Jonas Arvik, confirmed the loan.",
     "Chief curator Petra Sand said the loan was agreed.", "conflict"),
    # the organisation written on one side only, in a story about one firm
    ("Oriel chief executive Ruth Brandt said the plant would reopen.",
     "Chief executive Tom Ives said the plant would stay shut.", "conflict"),
    # one person, named alike or by surname, "CEO" for "chief executive"
    ("Chief executive Ruth Brandt said the plant would reopen in May.",
     "CEO Brandt told staff the factory had a future.", "agree"),
    ("Talks failed, said Piet Lund, general secretary of the union.",
     "General secretary Piet Lund called the offer an insult.", "agree"),
    # traps: two titles; one title at two organisations; a former, deputy or acting holder; a loose "boss"
    ("Chief executive Ruth Brandt said the plant would reopen.", "Chairman Tom Ives said the plant would shut.",
     "separate"),
    ("Oriel's chief executive, Ruth Brandt, welcomed the deal.", "Apex chief executive Tom Ives welcomed the deal.",
     "separate"),
    ("Former chief executive Ruth Brandt criticised the sale.", "Chief executive Tom Ives defended the sale.",
     "separate"),
    ("Ruth Brandt, who stepped down as chief executive in 2019, criticised the sale.",
     "Chief executive Tom Ives defended the sale.", "separate"),
    ("Deputy chief executive Ruth Brandt defended the sale.", "Chief executive Tom Ives defended the sale.",
     "separate"),
    ("Ruth Brandt, the acting chief executive, defended the sale.", "Chief executive Tom Ives defended the sale.",
     "separate"),
    ("Oriel boss Ruth Brandt defended the sale.", "Chief executive Tom Ives defended the sale.", "separate"),
    # traps: roles with many holders
    ("A spokesperson, Ana Holm, said the plant was safe.", "Spokesperson Lars Omdal said the plant was safe.",
     "separate"),
    ("Director Ana Holm praised the staff.", "Director Lars Omdal praised the staff.", "separate"),
    ("Councillor Ana Holm voted against the budget.", "Councillor Lars Omdal voted for the budget.", "separate"),
    ("Firefighter Ana Holm was treated for burns.", "Firefighter Lars Omdal was treated for smoke.", "separate"),
], ids=["chief-executive", "ceo-vs-chief-executive", "general-secretary-vs-union-boss", "council-leader-vs-boss",
        "regional-fire-chief", "chief-curator", "org-on-one-side", "same-person-surname", "same-person-appositive",
        "two-titles", "two-organisations", "former", "who-stepped-down", "deputy", "acting", "firm-boss",
        "spokesperson", "director", "councillor", "firefighter"])
def test_title_holders_across_sources(text_a: str, text_b: str, expected: str) -> None:
    assert _title_relation(text_a, text_b) == expected


def test_the_reason_names_both_holders() -> None:
    result = analyse_texts("Chief executive Ruth Brandt said the plant would reopen.",
                           "CEO Tom Ives said the plant would shut.")
    assert [c.reason for c in result.conflicts if c.kind == "who"] == [
        'who (chief executive): "Brandt" in "Chief executive Ruth Brandt" vs "Ives" in "CEO Tom Ives"']


@pytest.mark.parametrize("texts, expected", [
    # a story of two firms: an unwritten organisation is the one its source is about
    (("Oriel chief executive Ruth Brandt and Apex chief executive Tom Ives signed the merger.",
      "Chief executive Ana Holm told Oriel staff that Oriel would keep its name and that Oriel jobs were safe."),
     "conflict"),
    # ... and none when the source names both firms alike
    (("Oriel chief executive Ruth Brandt and Apex chief executive Tom Ives signed the merger.",
      "Chief executive Ana Holm said Oriel and Apex would merge."), "separate"),
    # one person named twice with one title in one article, another in the next
    (("Chief executive Ruth Brandt said the plant would reopen. Later chief executive Brandt added that jobs were safe.",
      "Chief executive Ruth Brandt told staff the plant had a future."), "agree"),
    # an article naming two holders of one title is left out
    (("Chief executive Ruth Brandt said sales rose.", "Chief executive Tom Ives and chief executive Ana Holm spoke."),
     "separate"),
], ids=["main-organisation", "two-organisations-alike", "named-twice", "two-holders-in-one-source"])
def test_title_holders_in_stories(texts: tuple[str, ...], expected: str) -> None:
    assert _title_relation(*texts) == expected


def test_no_conflict_inside_one_article() -> None:
    result = analyse_texts("Chief executive Ruth Brandt said the plant would reopen. CEO Brandt later added that jobs "
                           "were safe.", "The plant will stay shut.")
    assert [c for c in result.conflicts if c.kind == "who"] == []


def test_title_claims_keep_the_other_claims() -> None:
    """A title claim is added beside the sentence's claims, not instead of one."""
    text = "Chief executive Ruth Brandt said the plant would reopen in May."
    result = analyse_texts(text)
    assert sorted(c.title is not None for c in result.claims) == [False, True]

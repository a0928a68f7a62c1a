"""One party said to do an act and not to do it (stances.py, kind "stance", reason "negation")."""
from __future__ import annotations

import pytest

from factcheck.judgement import stances
from tests.test_match_compare import verdict_between


@pytest.mark.parametrize("text_a, text_b, expected", [
    # a lawyer's "her client" against the client's name, one speaker named in apposition
    ("His lawyer, Maria Kovac, said outside court that her client would appeal.",
     "Defence counsel Maria Kovac told reporters that Petrov would not appeal against the verdict.", "conflict"),
    # a synonym class of the act, the pronoun resolved to a speaker the model took for an organisation
    ("Club chairman Anton Bril confirmed he will step down after the season.",
     "Bril denied he would leave the club, saying his work was not done.", "conflict"),
    # a description against the name, one speaker
    ("The company would pay compensation to all the victims, chief executive Lena Moss said.",
     "Harlow Foods will not pay compensation to the victims, chief executive Lena Moss said.", "conflict"),
    # "go to court" and "challenge in court" are one act
    ("The Green League will not go to court over the ruling, its leader Omar Tal said.",
     "Green League leader Omar Tal said his party would challenge the ruling in court.", "conflict"),
    # opposite acts on one thing
    ("Both logos will be kept, the company said.", "The logos will be dropped, the company said.", "conflict"),
    # the thing named by two nouns of one participant class ("brands" / "name")
    ("Both brands will be retained after the merger.", "The Corvin name will be dropped after the merger.", "conflict"),
    # a verb with the act's noun ("lodge an appeal", "launch an inquiry") is the act
    ("Coach Ivo Rask said he would file an appeal against the ban.",
     "Coach Ivo Rask said he would not contest the ban.", "conflict"),
    ("The rail safety board said it will open an investigation into the derailment.",
     "Rail safety investigators said they would not launch an inquiry into the derailment.", "conflict"),
    # ruling out an act denies it
    ("Opposition leader Ida Berg ruled out a court challenge.",
     "Opposition leader Ida Berg said she would challenge the plan in court.", "conflict"),
    ("The club ruled out paying a bonus.", "The club said it would pay a bonus to the squad.", "conflict"),
])
def test_opposite_stances_of_one_party(text_a: str, text_b: str, expected: str) -> None:
    verdict, reason = verdict_between(text_a, text_b)
    assert verdict == expected, reason
    assert reason.startswith("negation")


@pytest.mark.parametrize("text_a, text_b", [
    # a negation by another party
    ("Norway did not sign the treaty.", "Chile signed the treaty."),
    ("The minister did not attend the summit.", "The delegations signed the accord."),
    # a request against a ruling
    ("The defence asked for bail.", "Bail was denied."),
    # two things: a brand kept, a plant closed
    ("Both brands will be retained after the merger.", "The Corvin plant will be dropped from the plan."),
    ("On Friday the tribunal in Varn rejected the union's bid to have the stoppage declared unlawful.",
     "Earlier the union had asked the tribunal in Varn to declare the stoppage unlawful."),
    ("The council urged the regional court in Sella to halt the demolition.",
     "The regional court in Sella did not halt the demolition."),
    # a hedge is no negation
    ("Governor Ana Lind said the bank would cut rates.", "Governor Ana Lind did not rule out a rate cut."),
    # one speaker, two parties described
    ("The union will strike, Mayor Tom Reyes said.", "Mayor Tom Reyes said the council would not strike."),
    # one speaker, two things paid
    ("The firm would pay compensation, owner Ivo Stan said.", "The firm will not pay a fine, owner Ivo Stan said."),
    # "go home" is no court case
    ("Party leader Omar Tal said the party would go to court.", "Omar Tal said the members would not go home."),
    # a question left open
    ("Coach Ray Dunn said he would resign.", "Coach Ray Dunn declined to say whether he would resign."),
    # not ruling out an act takes no stance on it
    ("The club did not rule out paying a bonus.", "The club said it would pay a bonus to the squad."),
    # two bodies of two roots are two parties
    ("The rail union said it would not launch an inquiry.", "The rail safety board said it will open an investigation."),
])
def test_no_stance_conflict(text_a: str, text_b: str) -> None:
    verdict, reason = verdict_between(text_a, text_b)
    assert not reason.startswith("negation"), reason


def test_act_classes() -> None:
    assert stances.act_of("resign", "she will resign") == stances.act_of("leave", "she will leave")
    assert stances.act_of("be", "it was kept") is None

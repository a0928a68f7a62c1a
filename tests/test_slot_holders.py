"""Who holds a slot of the story's event (slot_holders.py): kind `who`, reasons "who (<slot>): ..."."""
from __future__ import annotations

import pytest

from factcheck.judgement import slot_holders
from tests.test_match_compare import analyse_texts, verdict_between


@pytest.mark.parametrize("text, known, doer, expected", [
    ("Defender Tomas Reyes nodded in the winner two minutes from time.", (), None, [("winner", "reyes")]),
    ("The decisive goal came from striker Ana Vidal.", (), None, [("winner", "vidal")]),
    ("Vidal's volley in stoppage time decided the final.", ("vidal",), None, [("winner", "vidal")]),
    ("The best director award went to Swedish filmmaker Ola Brandberg.", (), None,
     [("best director", "brandberg")]),
    ("Karin Lundqvist won best director for her debut.", (), None, [("best director", "lundqvist")]),
    ("Ola Brandberg took the best supporting actor prize.", (), None, [("best supporting actor", "brandberg")]),
    ("In round nine he outplayed Ivan Petrov.", (), "haddad", [("round 9 opponent of Haddad", "petrov")]),
    ("His last-round loss was to Omar Haddad.", (), "petrov", []),
    ("His closing-round draw was against Omar Haddad.", (), "petrov", [("final round opponent of Petrov", "haddad")]),
    ("The tanker lorry had jumped a red light.", (), None, [("deed 0 lorry", "tanker lorry")]),
    # not slots: plural or non-unique wording, a thing for a holder, no named round
    ("Reyes scored twice before half-time.", ("reyes",), None, []),
    ("Tomas Reyes scored a goal and two assists.", (), None, []),
    ("The winner came from a corner taken by Ana Vidal.", (), None, []),
    ("He beat Ivan Petrov with the white pieces.", (), "haddad", []),
    ("The lorry had jumped a red light.", (), None, []),
], ids=["nodded-in-winner", "came-from", "possessive-shot-decided", "award-went-to", "won-category",
        "took-category-prize", "round-beat", "loss-to-not-read", "round-draw-against", "party-deed", "twice", "a-goal",
        "from-a-thing", "no-round", "no-party-word"])
def test_slots_in(text: str, known: tuple[str, ...], doer: str | None, expected: list[tuple[str, str]]) -> None:
    assert slot_holders.slots_in(text, frozenset(known), doer) == expected


@pytest.mark.parametrize("text_a, text_b, expected", [
    # who scored the winning goal
    ("Holm United won the cup final 2-1 after defender Tomas Reyes nodded in the decider late on.",
     "The winning goal came from midfielder Ana Vidal.", True),
    ("Holm United won the cup final 2-1. Tomas Reyes scored the winner.",
     "Holm United won the cup final 2-1. Ana Vidal's volley in stoppage time settled the final.", True),
    ("Holm United beat Vale 2-1 in the final. The winner came late in the game. Ana Vidal scored it from the spot.",
     "Holm United beat Vale 2-1 in the final. Tomas Reyes scored the winner.", True),
    # who won the award of one category
    ("The best director award went to Swedish filmmaker Ola Brandberg for his third feature.",
     "Norwegian director Karin Lundqvist won best director for her debut.", True),
    ("Karin Lundqvist collected the best director prize at the closing gala.",
     "Ola Brandberg was named best director for his third feature.", True),
    # who the named player beat in a named round
    ("Grandmaster Omar Haddad won the Tarn Open on Sunday. He secured first place by defeating Ivan Petrov in round nine.",
     "Omar Haddad won the Tarn Open on Sunday. His ninth-round victory was over Lev Sorin.", True),
    ("Omar Haddad won the Tarn Open on Sunday. His closing-round game was against Lev Sorin.",
     "Grandmaster Omar Haddad won the Tarn Open. He drew with Ivan Petrov in the last round to take the title.", True),
    # which of two parties did the incident's one deed
    ("The collision left six dead. The commuter train passed a stop signal just before impact.",
     "The collision left six dead. Investigators found the goods train had gone through a red light.", True),
    # traps: the same holder, another category, another occasion, another round, a guess, a plural deed
    ("The best director award went to Swedish filmmaker Ola Brandberg.",
     "Ola Brandberg took the best director prize at the gala.", False),
    ("The best director award went to Swedish filmmaker Ola Brandberg.",
     "Karin Lundqvist won best supporting director for her debut.", False),
    ("The best director award went to Swedish filmmaker Ola Brandberg.",
     "Last year's best director award went to Karin Lundqvist.", False),
    ("The best director award went to Swedish filmmaker Ola Brandberg.",
     "Karin Lundqvist won best director in 2019.", False),
    ("Holm United won the cup final. Tomas Reyes scored the winner.",
     "Ana Vidal scored the winner in the semi-final against Dorn.", False),
    ("Omar Haddad won the Tarn Open. In the final round he beat Ivan Petrov.",
     "Omar Haddad won the Tarn Open. In the fourth round he beat Lev Sorin.", False),
    ("The collision left six dead. The commuter train passed a stop signal.",
     "The collision left six dead. Police are examining whether the goods train had passed a red signal.", False),
    ("The collision left six dead. The commuter train passed a stop signal.",
     "The collision left six dead. The goods train did not run a red signal.", False),
    ("Holm United won 4-0. Tomas Reyes scored twice.", "Holm United won 4-0. Ana Vidal scored twice.", False),
], ids=["headed-winner-vs-came-from", "scored-winner-vs-shot-settled", "scored-it-vs-scored-winner",
        "award-went-to-vs-won", "took-prize-vs-won", "beating-in-final-round-vs-last-round",
        "final-round-win-against-vs-beating", "train-ran-signal-vs-other-train", "same-holder", "other-category",
        "last-years-award", "award-in-a-year", "semi-final-winner", "other-round", "hedged-deed", "negated-deed",
        "scored-twice"])
def test_slot_conflicts(text_a: str, text_b: str, expected: bool) -> None:
    reasons = _who(text_a, text_b)
    assert bool(reasons) is expected
    assert all(r.startswith("who (") for r in reasons)


@pytest.mark.parametrize("text_a, text_b", [
    ("Defender Tomas Reyes struck the decider from 20 metres.", "The match winner came from Ana Vidal."),
    ("The best director award went to Ola Brandberg.", "Karin Lundqvist won best director for her debut."),
])
def test_one_sentence_pairs_conflict(text_a: str, text_b: str) -> None:
    verdict, reason = verdict_between(text_a, text_b)
    assert verdict == "conflict" and reason.startswith("who (")


def _who(*texts: str) -> list[str]:
    result = analyse_texts(*texts)
    return [c.reason for c in result.conflicts if c.kind == "who"]


def test_a_source_naming_two_holders_is_left_out() -> None:
    assert _who("Tomas Reyes scored the winner. The decisive goal came from Ana Vidal.",
                "Ana Vidal scored the winner.") == []


def test_a_story_naming_both_for_the_slot_is_ambiguous() -> None:
    """One source credits both (a mix-up it makes itself): the pair is not set against another source."""
    assert _who("Tomas Reyes scored the winner. The decisive goal came from Ana Vidal.",
                "Tomas Reyes scored the winner.",
                "Ana Vidal scored the winner.") == []


def test_three_sources_two_holders() -> None:
    reasons = _who("The best director award went to Swedish filmmaker Ola Brandberg.",
                   "Karin Lundqvist won best director for her debut.",
                   "Karin Lundqvist took the best director prize.")
    assert len(reasons) == 2 and all(r.startswith("who (best director): ") for r in reasons)

"""Frame evidence in matching (judgement/frame_match.py): one act, one participant.

Each end-to-end pair below is separate (or wrongly agreeing) without the frame layer."""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

from factcheck import lexicon
from factcheck.judgement import frame_match
from factcheck.records import Claim

sys.path.insert(0, str(Path(__file__).parent))
from test_match_compare import verdict_between  # noqa: E402


def _claim(lemma: str | None, subject: str | None, obj: str | None, text: str = "x", named: bool = True) -> Claim:
    return Claim("c", "s", 0, 1, text, 0, 1, lemma=lemma, subject=subject, object=obj, subject_named=named)


@pytest.mark.parametrize("a, b, expected", [
    # synonyms of one class
    ("beat", "defeat", True),
    ("shut", "close", True),
    ("resume", "restart", True),
    # the verb with and without its particle
    ("skid off", "skid", True),
    # light verbs say nothing on their own
    ("be", "be", False),
    ("say", "say", False),
    # two acts
    ("beat", "close", False),
    (None, "beat", False),
])
def test_one_predicate(a, b, expected):
    assert frame_match.one_predicate(_claim(a, None, None), _claim(b, None, None)) is expected


@pytest.mark.parametrize("a, b, expected", [
    # both roles one participant, named: as good as shared wording
    (_claim("defeat", "harbour rovers", "kilnford city", "Harbour Rovers defeated Kilnford City"),
     _claim("beat", "harbour rovers", "kilnford city", "Harbour Rovers beat Kilnford City"), frame_match.NAMED_FRAME),
    # both roles, common nouns
    (_claim("declare", "government", "state", "the government declared a state"),
     _claim("declare", "government", "state", "the government declared a state"), frame_match.BOTH_ROLES),
    # the only role either states
    (_claim("resume", "class", None, "classes resume"), _claim("restart", "class", None, "classes restart"),
     frame_match.BOTH_ROLES),
    # one role, a proper name
    (_claim("serve", "moyle", None, "Moyle served"), _claim("serve", "moyle", "term", "Moyle served a term"),
     frame_match.ONE_ROLE),
    # one role, a common noun: "the quake struck" twice may be two quakes
    (_claim("strike", "quake", None, "the quake struck"), _claim("strike", "quake", "city", "the quake struck the city"), 0.0),
    # two named doers of one act
    (_claim("sign", "norway", "treaty", "Norway signed the treaty"), _claim("sign", "chile", "treaty", "Chile signed the treaty"), 0.0),
    # two objects
    (_claim("close", "council", "library", "the council closed a library"),
     _claim("close", "council", "pool", "the council closed a pool"), 0.0),
    # the passive: the object is every role either states
    (_claim("move", None, "resident", "residents were moved"), _claim("evacuate", None, "resident", "residents were evacuated"),
     frame_match.BOTH_ROLES),
    # a man and a woman are two people; a funeral service is no train
    (_claim("arrest", "police", "man", "police arrested a man"), _claim("arrest", "police", "woman", "police arrested a woman"),
     0.0),
    (_claim("suspend", None, "service", "the service was suspended"), _claim("suspend", None, "train", "trains were suspended"),
     0.0),
    # a pronoun is no participant
    (_claim("resume", "they", None, "they resume"), _claim("resume", "they", None, "they resume"), 0.0),
])
def test_frame_evidence(a, b, expected):
    assert frame_match.frame_evidence(a, b) == expected


@pytest.mark.parametrize("text_a, text_b, published, expected, kind", [
    # one act, its participants alike, few words in common
    ("The cabinet declared a state of emergency for the district on Monday, allowing soldiers to guard the dams.",
     "The cabinet declared a state of emergency in Velmora on 3 March, freeing up police boats and divers.",
     date(2025, 3, 4), "agree", ""),
    # synonyms with both roles named and no other word shared
    ("The Harbour Rovers defeated Kilnford City in a tense replay.",
     "The Harbour Rovers beat Kilnford City after extra time.", None, "agree", ""),
    # and the same act on two days conflicts
    ("The Harbour Rovers beat Kilnford City on Saturday.",
     "The Harbour Rovers defeated Kilnford City on Sunday.", None, "conflict", "when"),
    ("Judge Amara Osei jailed the smuggler for six years.",
     "Judge Amara Osei sentenced the smuggler to seven years.", None, "conflict", "number"),
    # a count of people moved by two verbs of one class, in the passive
    ("About 3,000 residents had been moved to school gyms before the river burst its banks.",
     "About 4,000 residents had been evacuated before the flood peaked.", None, "conflict", "number"),
    ("About 3,000 residents had been moved to school gyms before the river burst its banks.",
     "About 4,000 cattle had been evacuated before the flood peaked.", None, "separate", ""),
    # a claim that is nothing but its frame, with participants of one class ("lessons" / "classes")
    ("Lessons will resume on Monday.", "Classes will restart on 16 June.", date(2025, 6, 13), "agree", ""),
    ("Lessons will resume on Monday.", "Classes are due to restart on 16 June.", date(2025, 6, 13), "agree", ""),
    ("Lessons will resume on Monday.", "Classes will restart on 17 June.", date(2025, 6, 13), "conflict", "when"),
    ("Lessons will resume on Monday.", "Exams will restart on 17 June.", date(2025, 6, 13), "separate", ""),
    # traps: two years are two occasions; two companies' shares are two facts
    ("The Marlow Tigers lost a semi-final in 2019 that lasted three hours.",
     "The Marlow Tigers lost a semi-final in 2021 that lasted two hours.", None, "separate", ""),
    ("Brightwater's shares rose 4% in Oslo.", "Fennick's shares rose 6% in Bergen trading.", None, "separate", ""),
    # one named doer, two deeds: the doer alone is no common fact
    ("The Harbour Party lost 12 seats in the state parliament.",
     "The Harbour Party ruled out joining the new government in parliament.", None, "separate", ""),
])
def test_frames_match_by_participants(text_a, text_b, published, expected, kind):
    verdict, reason = verdict_between(text_a, text_b, published, published)
    assert verdict == expected
    assert reason.startswith(kind)


@pytest.mark.parametrize("x, y, expected", [
    ("plane", "jet", True),            # one participant class
    ("the plane", "aircraft", True),   # compared by the head noun
    ("plane", "runway", False),
    ("harbour rovers", "rovers", True),  # a name and its short form
    ("it", "plane", None),             # a pronoun is nobody yet
    (None, "plane", None),
])
def test_one_participant(x, y, expected):
    a, b = _claim("land", x, None, "x"), _claim("land", y, None, "y")
    assert frame_match.frame_evidence(a, b) == (frame_match.BOTH_ROLES if expected else 0.0)


def test_frame_terms_cover_the_frame_words():
    claim = _claim("restart", "class", None, "Classes restart")
    assert {"restart", "class"} <= frame_match.frame_terms(claim)


def test_verb_classes_data_is_valid():
    data = lexicon.load("verb_classes")
    light = lexicon.words("verb_classes", "light")
    for group in data["classes"]:
        assert len(group) >= 2, group
        assert not set(group) & light, group  # a light verb in a class would make every "take" one act
    for group in data["participants"]:
        assert len(group) >= 2 and all(" " not in noun for noun in group), group  # head nouns only

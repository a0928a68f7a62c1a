"""Atomic claims: clause splitting, attribution, modality, polarity (pySBD-style tables)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.test_match_compare import analyse_texts

from factcheck.judgement import claims
from factcheck.inputs import segment
from factcheck.slots import when
from factcheck.records import Source


def pieces(sentence: str) -> list[tuple[str, str | None]]:
    out = []
    for p in claims.split_sentence(sentence):
        text = " ".join(p.view[p.start:p.end].split())
        out.append(((p.prefix + " " + text).strip() if p.prefix and p.prefix != "subject to" else text, p.attribution))
    return out


@pytest.mark.parametrize("sentence, expected", [
    # coordinated clauses with their own verbs
    ("The bridge reopened on Monday, and traffic returned to normal within hours.",
     [("The bridge reopened on Monday", None), ("traffic returned to normal within hours", None)]),
    # noun coordination is not a clause boundary
    ("Norway, Sweden and Finland will host the summit in Oslo.",
     [("Norway, Sweden and Finland will host the summit in Oslo", None)]),
    # semicolon
    ("The dam was finished in 1998; it supplies power to two provinces.",
     [("The dam was finished in 1998", None), ("it supplies power to two provinces", None)]),
    # elliptical second clause carries the subject
    ("The airline has cancelled 40 flights and has offered refunds to passengers.",
     [("The airline has cancelled 40 flights", None), ("The airline has offered refunds to passengers", None)]),
    # despite-clause is a fact of its own
    ("The council approved the tower despite protests from residents.",
     [("The council approved the tower", None), ("protests from residents", None)]),
    # while-clause
    ("Maria Lopez will chair the board, while Tom Reed will become treasurer.",
     [("Maria Lopez will chair the board", None), ("Tom Reed will become treasurer", None)]),
    # non-restrictive relative clause gets its antecedent as subject
    ("The museum, which opened in 1902, will close for repairs.",
     [("The museum will close for repairs", None), ("The museum opened in 1902", None)]),
    ("Senator Ana Ruiz, who chaired the inquiry, criticised the report.",
     [("Senator Ana Ruiz criticised the report", None), ("Senator Ana Ruiz chaired the inquiry", None)]),
    # an apposition with its own clause at the end of a sentence
    ("The ferry belongs to Baltic Lines, a firm that runs 40 vessels.",
     [("The ferry belongs to Baltic Lines", None), ("Baltic Lines is a firm that runs 40 vessels", None)]),
    # a descriptive apposition is a claim of its own
    ("Police arrested the pilot, a 40-year-old from Lyon, after the landing.",
     [("Police arrested the pilot after the landing", None), ("the pilot is a 40-year-old from Lyon", None)]),
    # participle clauses
    ("A storm hit the coast on Friday, killing three people and injuring dozens.",
     [("A storm hit the coast on Friday", None), ("killing three people", None), ("injuring dozens", None)]),
    # after-clause with its own subject and verb
    ("Nurses will strike on Monday after pay talks with the ministry collapsed.",
     [("Nurses will strike on Monday", None), ("pay talks with the ministry collapsed", None)]),
    # ", with X as chair": the other post holder is a claim of its own
    ("Ana Silva will become chief executive of the bank, with Jorge Costa as chair.",
     [("Ana Silva will become chief executive of the bank", None), ("with Jorge Costa as chair", None)]),
    # "while" before a possessive name
    ("Ana Silva will lead the bank, while Costa's deputy, Rui Lopes, will become chairman.",
     [("Ana Silva will lead the bank", None), ("Costa's deputy, Rui Lopes, will become chairman", None)]),
    # a coordinated clause in the present tense
    ("The firm is based in Lyon and employs 300 people.",
     [("The firm is based in Lyon", None), ("The firm employs 300 people", None)]),
    # "X-based Y" states where Y is based
    ("The Lyon-based Acme Group opened a plant.",
     [("The Lyon-based Acme Group opened a plant", None), ("Acme Group is based in Lyon", None)]),
    # where-clause
    ("The ship docked in Valletta, where 300 passengers were waiting to board.",
     [("The ship docked in Valletta", None), ("300 passengers were waiting to board", None)]),
    # subject-to clause is a pending condition of its own
    ("The sale is expected to close in May, subject to shareholder approval.",
     [("The sale is expected to close in May", None), ("shareholder approval", None)]),
])
def test_split_clauses(sentence: str, expected: list[tuple[str, str | None]]) -> None:
    assert pieces(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # trailing attribution
    ("The port will reopen on Tuesday, officials said.", [("The port will reopen on Tuesday", "officials")]),
    ("The port will reopen on Tuesday, the ministry said on Sunday.", [("The port will reopen on Tuesday", "ministry")]),
    ("Exports rose 4% last year, according to the statistics office.",
     [("Exports rose 4% last year", "statistics office")]),
    ("The plant will shut in June, said a spokeswoman for the company.",
     [("The plant will shut in June", "spokeswoman for the company")]),
    # leading attribution
    ("Analysts say the merger will raise prices.", [("the merger will raise prices", "Analysts")]),
    ("The company said on Monday it would cut 300 jobs.", [("it would cut 300 jobs", "company")]),
    ("Jane Doe, an economist at the central bank, said inflation would ease.",
     [("inflation would ease", "Jane Doe")]),
    ("Investigators believe the crash was caused by ice.", [("the crash was caused by ice", "Investigators")]),
    ("Separately, the ministry said it would pay the families.", [("it would pay the families", "ministry")]),
    ("According to the ministry, 40 people died in the floods.", [("40 people died in the floods", "ministry")]),
    # a reporting verb with a thing as its object reports no clause: the claim keeps its subject
    ("Chief executive Ana Lind announced the merger at a news conference in Oslo.",
     [("Chief executive Ana Lind announced the merger at a news conference in Oslo", None)]),
    ("The company announced the plant will close in May.", [("the plant will close in May", "company")]),
    ("Officials, speaking on condition of anonymity, said the talks had failed.",
     [("the talks had failed", "Officials")]),
    # a reporting participle keeps the speaker of the clause before it
    ("The floods killed 40 people, the ministry said, adding that 12 were children.",
     [("The floods killed 40 people", "ministry"), ("12 were children", "ministry")]),
    # a descriptive apposition is not a speaker: it describes the noun before it
    ("The rail line will take effect only after a vote, a process officials hope to finish by June.",
     [("The rail line will take effect only after a vote", None),
      ("a vote is a process officials hope to finish by June", None)]),
    # evidence phrases: records, documents and figures are the source, not part of the claim
    ("The airline filed for bankruptcy in March, court records show.",
     [("The airline filed for bankruptcy in March", "court records")]),
    ("The carrier cut 300 jobs, documents show.", [("The carrier cut 300 jobs", "documents")]),
    ("Profits fell by 12%, data from the statistics office show.",
     [("Profits fell by 12%", "data from the statistics office")]),
    ("Unemployment rose to 6%, figures released on Monday show.", [("Unemployment rose to 6%", "figures released")]),
    # "show" with a subject that is no evidence stays a claim
    ("The minister will show the plans to parliament.", [("The minister will show the plans to parliament", None)]),
    # a trailing attribution with a manner phrase after it ("without giving details")
    ("The dam was breached on purpose, district commander Anneli Skov said, without elaborating.",
     [("The dam was breached on purpose", "district commander Anneli Skov")]),
    # a denial of reports, claims or rumours denies their clause: the clause is the claim
    ("The ministry denied reports that the reactor had been shut down.",
     [("the reactor had been shut down", "ministry")]),
    ("The club confirmed rumours that its coach would leave in May.",
     [("its coach would leave in May", "club")]),
    # direct quotations keep the speaker
    ('"We found no survivors," said rescue chief Omar Haddad.', [("We found no survivors", "rescue chief Omar Haddad")]),
    ('"The vote was fair," the election commission said.', [("The vote was fair", "election commission")]),
    ('Mayor Kim said, "This is a proud day for the city."', [("This is a proud day for the city", "Mayor Kim")]),
])
def test_attribution(sentence: str, expected: list[tuple[str, str | None]]) -> None:
    assert pieces(sentence) == expected


@pytest.mark.parametrize("sentence, status", [
    ("The law will take effect only after the senate votes on it.", "conditional"),
    ("The bank may cut rates again if inflation keeps falling.", "conditional"),
    ("The merger is still awaiting approval from regulators.", "conditional"),
    ("The ban entered into force immediately.", "done"),
    ("The deal has already received approval.", "done"),
    ("The minister is expected to attend the summit.", "expected"),
    ("The summit will open on Monday.", "scheduled"),
    ("The ministry declined to say whether the envoy will attend.", "unknown"),
    # "to be" marks a plan only after a form of "be": "is to be", "was to be"
    ("The final was to be played in Ostervik.", "scheduled"),
    ("Police charged six coaches in a plan under which parents paid for pupils to be picked for the team.", None),
])
def test_status(sentence: str, status: str | None) -> None:
    piece = claims.split_sentence(sentence)[0]
    text = sentence[piece.start:piece.end]
    assert claims.status_of(text, piece)[0] == status


@pytest.mark.parametrize("sentence, statuses", [
    # one past act after another: no condition on either
    ("Ines Moll was jailed for six years on Monday after being convicted of nine thefts.", [None, None]),
    # the same words before a future act still make it wait on them
    ("The charter will enter into force after being ratified by 30 states.", ["conditional", "conditional"]),
])
def test_after_being_is_a_condition_only_of_what_is_to_come(sentence: str, statuses: list[str | None]) -> None:
    assert [c.status for c in analyse_texts(sentence).claims] == statuses


@pytest.mark.parametrize("sentence, negated", [
    ("The president will not attend the summit.", ("attend",)),
    ("The list of winners has not been released.", ("disclose",)),
    ("The agency registered 30 firms without disclosing their names.", ("disclose",)),
    ("The president will attend the summit.", ()),
    # a denial negates the clause it introduces
    ("A spokesman denied that any workers had been detained.", ("detain",)),
])
def test_negated_events(sentence: str, negated: tuple[str, ...]) -> None:
    piece = claims.split_sentence(sentence)[0]
    text = sentence[piece.start:piece.end]
    assert claims.negated_events(text, piece) == negated


def test_claim_spans_point_into_the_source_text() -> None:
    """Every claim span is inside its sentence and the claim's own words are there."""
    for path in sorted(Path(__file__).resolve().parent.parent.joinpath("sources").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        source = Source(id=path.stem, path=path, text=text)
        for claim in claims.extract(source, segment.segment(source)):
            assert claim.sentence_start <= claim.start < claim.end <= claim.sentence_end
            span = text[claim.start:claim.end]
            # the claim's own words are there, in order (a cut-out clause may sit between them)
            words = iter(span.split())
            tail = claim.text.split()[-3:]
            assert all(any(w == x for x in words) for w in tail), (span, claim.text)


def test_claim_ids_are_stable_and_unique() -> None:
    text = "The fair opens on Monday. The fair opens on Monday. Tickets cost $5."
    source = Source(id="fair", path=Path("fair.txt"), text=text, published=date(2024, 5, 1))
    first = [c.id for c in claims.extract(source, segment.segment(source))]
    again = [c.id for c in claims.extract(source, segment.segment(source))]
    assert first == again
    assert len(set(first)) == len(first) == 3
    assert first[1] == first[0] + "-2"


def test_headings_and_boilerplate_yield_no_claims() -> None:
    text = "Storm hits coast\nThe storm hit the coast on Friday.\nAlso Read: Ten tips for storm season\n"
    source = Source(id="s", path=Path("s.txt"), text=text)
    found = claims.extract(source, segment.segment(source))
    assert [c.text for c in found] == ["The storm hit the coast on Friday"]


@pytest.mark.parametrize("text, expected", [
    # issue kind: "No." before a number labels a thing; it negates nothing, and it is no count
    ("Platform no. 7 was closed on Friday after the crash, police said.",
     ("Platform no. 7 was closed on Friday after the crash", "police", True, (), "Fri")),
    ("Platform No. 7 was closed on Friday after the crash, police said.",
     ("Platform No. 7 was closed on Friday after the crash", "police", True, (), "Fri")),
    # the sentence around it keeps its negation
    ("No trains ran on Friday after the crash, police said.",
     ("No trains ran on Friday after the crash", "police", False, (), "Fri")),
    # a quotation ending in "!" before its speaker: one sentence, one claim, the speaker kept
    ('"We will reopen every school!" Mayor Ana Ruiz told reporters on Monday.',
     ("We will reopen every school", "Mayor Ana Ruiz", True, (), None)),
])
def test_labels_and_exclaimed_quotations(text: str, expected: tuple) -> None:
    source = Source(id="a", path=Path("a.txt"), text=text, published=date(2025, 6, 11))
    # a title with a name ("Mayor Ana Ruiz") is a claim of its own (titles.py), left aside here
    found = [c for c in claims.extract(source, segment.segment(source)) if c.title is None]
    assert len(found) == 1
    c = found[0]
    weekday = when.describe(c.when[0]).split()[0] if c.when else None
    assert (c.text, c.attribution, c.polarity, c.quantities, weekday) == expected


def test_a_sentence_longer_than_news_is_claimed_but_not_parsed() -> None:
    from factcheck.judgement import parse

    long = "The council approved " + ", ".join(f"plan {n}" for n in range(400)) + "."
    assert len(long) > parse.MAX_SENTENCE_CHARS
    source = Source(id="a", path=Path("a.txt"), text="Chile signed the pact. " + long)
    found = claims.extract(source, segment.segment(source))
    assert (found[0].subject, found[0].lemma) == ("chile", "sign")
    assert found[-1].text.startswith("The council approved") and found[-1].lemma is None


@pytest.mark.parametrize("text, expected", [
    # the time of saying is the attribution's, not the claim's
    ('"We will reopen every school!" Mayor Ana Ruiz told reporters on Monday.', ((), ("Mon 9 Jun 2025",))),
    ("The port will reopen on Tuesday, the ministry said on Sunday.", (("Tue 17 Jun 2025",), ("Sun 8 Jun 2025",))),
    ("The port will reopen on Tuesday, the ministry said.", (("Tue 17 Jun 2025",), ())),
    ("The port will reopen, the ministry said, adding that 12 ferries were ready on Friday.", ((), ())),
])
def test_said_on(text: str, expected: tuple) -> None:
    source = Source(id="a", path=Path("a.txt"), text=text, published=date(2025, 6, 11))
    first = claims.extract(source, segment.segment(source))[0]
    assert (tuple(when.describe(m) for m in first.when), tuple(when.describe(m) for m in first.said_on)) == expected


# a time right after an occasion of saying is the saying's, not the fact's (claims._claim)
@pytest.mark.parametrize("text, expected", [
    ("At a news conference on Thursday, the mayor said about 40 people had been rescued.", []),
    ("In a statement late Friday, the agency said the bridge would stay shut.", []),
    ("The bridge collapsed on Wednesday, the mayor told a news conference.", ["on Wednesday"]),
    ("About 40 people were rescued on Thursday after the collapse.", ["on Thursday"]),
    # the place of the saying may stand between the occasion and its day
    ("The fire chief gave the new toll at a briefing in Port Elm on Thursday.", []),
    ("The fire chief gave the new toll at a briefing in the evening on Thursday.", ["on Thursday"]),
    # a day the act names is no time of the act
    ("The governor declared 14 March a public holiday.", []),
    ("The council set Friday as the polling day.", []),
    ("The governor declared a state of emergency on 14 March.", ["on 14 March"]),
    # a day inside a participle clause on the subject is the participle's
    ("Two cavers trapped in the pothole on Friday were pulled out unhurt.", []),
    ("The final on Saturday was watched by 9,000 fans.", ["on Saturday"]),
    ("Two cavers were pulled out unhurt on Friday.", ["on Friday"]),
], ids=["news-conference", "statement", "fact-time-kept", "no-occasion", "occasion-place", "not-a-place",
        "named-day", "named-day-as", "act-day-kept", "participle-day", "event-noun-day", "main-verb-day"])
def test_time_of_saying_is_not_the_facts(text: str, expected: list[str]) -> None:
    source = Source(id="a", path=Path("a.txt"), text=text, published=date(2025, 6, 6))
    found = [m.text for c in claims.extract(source, segment.segment(source)) for m in c.when]
    assert found == expected


@pytest.mark.parametrize("text, shown, content_absent", [
    # a denial or a confirmation decides the claim: its verb stays in the claim's words ...
    ("The ministry denied reports that the reactor had been shut down.",
     "The ministry denied reports that the reactor had been shut down", ("ministri", "deni", "report")),
    ("The club confirmed that its coach would leave in May.",
     "The club confirmed that its coach would leave in May", ("club", "confirm")),
], ids=["denied-reports", "confirmed"])
def test_denial_and_confirmation_stay_in_the_claim_text(text: str, shown: str, content_absent: tuple[str, ...]) -> None:
    (claim,) = analyse_texts(text).claims
    assert claim.text == shown and claim.start == 0
    # ... but only the reported clause is matched on: the speaker and the verb are attribution and polarity
    assert not set(content_absent) & set(claim.keywords)
    assert claim.polarity is not text.split()[2].startswith("denied")

"""Sentence segmentation: rule tables (pySBD style), data-file coverage, offsets, properties."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import lexicon
from factcheck.records import SentenceKind, Source
from factcheck.inputs.segment import segment, split_sentences

ROOT = Path(__file__).resolve().parents[1]
BODY, HEADING, BOILERPLATE = SentenceKind.BODY, SentenceKind.HEADING, SentenceKind.BOILERPLATE


def texts(text: str, **kw) -> list[str]:
    return [s.text for s in split_sentences(text, **kw)]


def kinds(text: str, **kw) -> list[tuple[str, SentenceKind]]:
    return [(s.text, s.kind) for s in split_sentences(text, **kw)]


# --------------------------------------------------------------------------- splitting rules

SPLIT_CASES = [
    # plain boundaries
    ("The vote passed. Lawmakers cheered.", ["The vote passed.", "Lawmakers cheered."]),
    ("Is it over? Nobody knows! We wait.", ["Is it over?", "Nobody knows!", "We wait."]),
    ("Prices rose. 2024 was worse.", ["Prices rose.", "2024 was worse."]),
    ("It ended. (The rest is history.)", ["It ended.", "(The rest is history.)"]),
    ('He left. "We will return," she said.', ["He left.", '"We will return," she said.']),
    ("He left. \u201cWe will return,\u201d she said.", ["He left.", "\u201cWe will return,\u201d she said."]),
    ("No split before lowercase. words go on. Really.", ["No split before lowercase. words go on.", "Really."]),
    ("It began.\nTrailing text without a stop. And more", ["It began.", "Trailing text without a stop.", "And more"]),
    ("Many   spaces.   Between   sentences.", ["Many   spaces.", "Between   sentences."]),
    ("Tabs\tfine.\tNext one.", ["Tabs\tfine.", "Next one."]),
    # titles and names
    ("Mr. Smith arrived. He sat down.", ["Mr. Smith arrived.", "He sat down."]),
    ("Mrs. Jones and Dr. Patel spoke to Prof. Lee.", ["Mrs. Jones and Dr. Patel spoke to Prof. Lee."]),
    ("Rep. Hall and Sen. Ortiz met Gov. Brant. They agreed.", ["Rep. Hall and Sen. Ortiz met Gov. Brant.", "They agreed."]),
    ("Lt. Gen. A. Smith led the unit. Col. Ward did not.", ["Lt. Gen. A. Smith led the unit.", "Col. Ward did not."]),
    ("Sgt. Cole and Capt. Reyes saluted Rev. Moss.", ["Sgt. Cole and Capt. Reyes saluted Rev. Moss."]),
    ("The author J. K. Rowling spoke. Fans cheered.", ["The author J. K. Rowling spoke.", "Fans cheered."]),
    ("John Smith Jr. said so. Sam Hale Sr. spoke too.", ["John Smith Jr. said so.", "Sam Hale Sr. spoke too."]),
    ("Sam Hale Jr. The family agreed.", ["Sam Hale Jr.", "The family agreed."]),
    ("They prayed at St. Mary's church. It was full.", ["They prayed at St. Mary's church.", "It was full."]),
    # months and dates
    ("The law passed on Jan. 5 and took effect on Sept. 1. It was new.",
     ["The law passed on Jan. 5 and took effect on Sept. 1.", "It was new."]),
    ("Talks began in Oct. 2023 and ended in Dec. 2024.", ["Talks began in Oct. 2023 and ended in Dec. 2024."]),
    ("Results arrive Aug. 12 or Nov. 3.", ["Results arrive Aug. 12 or Nov. 3."]),
    # other abbreviations
    ("The case Smith vs. Jones ended. Appeals followed.", ["The case Smith vs. Jones ended.", "Appeals followed."]),
    ("Acme Inc. said profits fell. The shares dropped.", ["Acme Inc. said profits fell.", "The shares dropped."]),
    ("He works at Acme Corp. The company is large.", ["He works at Acme Corp.", "The company is large."]),
    ("Acme Co. Ltd. Chairman Brown resigned.", ["Acme Co. Ltd. Chairman Brown resigned."]),
    ("It cost approx. 300 dollars. Buyers paid.", ["It cost approx. 300 dollars.", "Buyers paid."]),
    ("The plant, est. 1990, closed. Workers left.", ["The plant, est. 1990, closed.", "Workers left."]),
    ("Climbers reached Mt. Everest. Ft. Worth cheered.", ["Climbers reached Mt. Everest.", "Ft. Worth cheered."]),
    ("Shops on Fifth Ave. The mall is near.", ["Shops on Fifth Ave.", "The mall is near."]),
    ("Apples, pears etc. Fruit sold well.", ["Apples, pears etc.", "Fruit sold well."]),
    # No. 10
    ("He spoke at No. 10 Downing Street. Reporters waited.", ["He spoke at No. 10 Downing Street.", "Reporters waited."]),
    ("Item Nos. 4 and 5 were sold.", ["Item Nos. 4 and 5 were sold."]),
    # acronyms
    ("U.S. officials met U.K. envoys. The talks ended.", ["U.S. officials met U.K. envoys.", "The talks ended."]),
    ("He returned to the U.S. The trip was long.", ["He returned to the U.S.", "The trip was long."]),
    ("He returned to the U.S. Congress met later.", ["He returned to the U.S. Congress met later."]),
    ("The U.N. Security Council and the E.U. Commission met.", ["The U.N. Security Council and the E.U. Commission met."]),
    ("She moved to Washington, D.C. It rained.", ["She moved to Washington, D.C.", "It rained."]),
    ("Aid from the E.U. But not enough.", ["Aid from the E.U.", "But not enough."]),
    # decimals, money, versions, times
    ("Growth was 3.5 percent. Inflation hit 2.1%.", ["Growth was 3.5 percent.", "Inflation hit 2.1%."]),
    ("The deal is worth $1.2 billion. Shares rose 4.5%.", ["The deal is worth $1.2 billion.", "Shares rose 4.5%."]),
    ("Version 2.0.1 shipped. Users upgraded.", ["Version 2.0.1 shipped.", "Users upgraded."]),
    ("The meeting began at 10.30 a.m. Monday and ended at 4 p.m. on Tuesday.",
     ["The meeting began at 10.30 a.m. Monday and ended at 4 p.m. on Tuesday."]),
    ("The blast came at 9 a.m. The police arrived.", ["The blast came at 9 a.m.", "The police arrived."]),
    ("It closed at 5 p.m. It reopened later.", ["It closed at 5 p.m.", "It reopened later."]),
    # ellipsis
    ("He paused... and then spoke.", ["He paused... and then spoke."]),
    ("We waited... Nothing happened.", ["We waited... Nothing happened."]),
    ("We waited... The bus never came.", ["We waited...", "The bus never came."]),
    ("It was\u2026 odd. Then it ended.", ["It was\u2026 odd.", "Then it ended."]),
    # quotes
    ('"Why now?" he asked. Nobody answered.', ['"Why now?" he asked.', "Nobody answered."]),
    ("\u201cWho pays?\u201d she asked. Officials declined.", ["\u201cWho pays?\u201d she asked.", "Officials declined."]),
    ('"Stop!" the officer shouted. People ran.', ['"Stop!" the officer shouted.', "People ran."]),
    ('The plan is "historic," he said." Next came the vote.', ['The plan is "historic," he said."', "Next came the vote."]),
    ('He called it "a disaster." Critics agreed.', ['He called it "a disaster."', "Critics agreed."]),
    ("He called it \u201ca disaster.\u201d Critics agreed.", ["He called it \u201ca disaster.\u201d", "Critics agreed."]),
    ("The fund (set up in 2019.) Later it grew.", ["The fund (set up in 2019.)", "Later it grew."]),
    ('She said "yes". "Good," he replied.', ['She said "yes".', '"Good," he replied.']),
    ("It happened on Saturday (Oct 25). Crowds came.", ["It happened on Saturday (Oct 25).", "Crowds came."]),
    # list marker
    ("1. The first point is clear.", ["1. The first point is clear."]),
    # a quotation ending in ! or ? before its speaker: one sentence (issue 11.1)
    ('"We will reopen every school!" Mayor Ana Ruiz told reporters on Monday.',
     ['"We will reopen every school!" Mayor Ana Ruiz told reporters on Monday.']),
    ('"Is the bridge safe?" Mayor Ana Ruiz asked on Monday.', ['"Is the bridge safe?" Mayor Ana Ruiz asked on Monday.']),
    ("\u201cWhere is the money?\u201d The auditor asked. Nobody knew.",
     ["\u201cWhere is the money?\u201d The auditor asked.", "Nobody knew."]),
    ('The crowd waited. "Open the gates!" Officers shouted at dawn. The gates opened.',
     ["The crowd waited.", '"Open the gates!" Officers shouted at dawn.', "The gates opened."]),
    ('"We won!" He said it twice.', ['"We won!" He said it twice.']),
    ("'Who pays?' Senator Lea Moss wrote in a letter.", ["'Who pays?' Senator Lea Moss wrote in a letter."]),
    # ... but a quotation followed by a new sentence stays apart
    ('"We will win!" Supporters cheered as results came in.', ['"We will win!"', "Supporters cheered as results came in."]),
    ('"Is it safe?" Engineers checked the bridge for seven hours before they said so.',
     ['"Is it safe?"', "Engineers checked the bridge for seven hours before they said so."]),
    ("Is the bridge safe? Mayor Ana Ruiz said it is.", ["Is the bridge safe?", "Mayor Ana Ruiz said it is."]),
    # "no." as "number" before a digit (issue 11.2)
    ("Platform no. 7 was closed on Friday after the crash, police said.",
     ["Platform no. 7 was closed on Friday after the crash, police said."]),
    ("Platform No. 7 was closed on Friday after the crash, police said.",
     ["Platform No. 7 was closed on Friday after the crash, police said."]),
    ("Lots nos. 12 and 14 were sold. Bidders left.", ["Lots nos. 12 and 14 were sold.", "Bidders left."]),
    ("The answer was no. 7 members voted for it.", ["The answer was no. 7 members voted for it."]),
    ("The answer was no. The vote failed.", ["The answer was no.", "The vote failed."]),
    ("They said no. Nobody moved.", ["They said no.", "Nobody moved."]),
]


@pytest.mark.parametrize("text,expected", SPLIT_CASES)
def test_split_rules(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


# --------------------------------------------------------------------------- lines and kinds

LINE_CASES = [
    ("First line.\nSecond line.", [("First line.", BODY), ("Second line.", BODY)]),
    ("First line.\r\nSecond line.\r\n", [("First line.", BODY), ("Second line.", BODY)]),
    ("First line.\rSecond line.", [("First line.", BODY), ("Second line.", BODY)]),
    ("One.\n\n\nTwo.\n  \n", [("One.", BODY), ("Two.", BODY)]),
    ("  Indented text.  \n\tTabbed text.\t", [("Indented text.", BODY), ("Tabbed text.", BODY)]),
    # hard-wrapped text: a single newline inside a sentence is a space (issue 10)
    ("the mayor said\nthe city was calm.", [("the mayor said\nthe city was calm.", BODY)]),
    ("The council voted on Monday to close the\nbridge. Repairs start in May.",
     [("The council voted on Monday to close the\nbridge.", BODY), ("Repairs start in May.", BODY)]),
    ("Wheat exports fell to\n642 000 tonnes, the ministry said.",
     [("Wheat exports fell to\n642 000 tonnes, the ministry said.", BODY)]),
    ("The storm reached the coast on Friday,\nTuesday's forecast said.",
     [("The storm reached the coast on Friday,\nTuesday's forecast said.", BODY)]),
    ("The storm reached the coast on Friday and\r\nflooded\r\nthree towns.",
     [("The storm reached the coast on Friday and\r\nflooded\r\nthree towns.", BODY)]),
    ("The deal was signed by the\nPrime Minister on Monday. Markets rose.",
     [("The deal was signed by the\nPrime Minister on Monday.", BODY), ("Markets rose.", BODY)]),
    # ... but a blank line, a final stop, a heading or boilerplate line is a break
    ("The storm reached the coast on Friday and\n\nflooded three towns.",
     [("The storm reached the coast on Friday and", HEADING), ("flooded three towns.", BODY)]),
    ("The storm reached the coast.\nthree towns flooded.",
     [("The storm reached the coast.", BODY), ("three towns flooded.", BODY)]),
    ("The storm reached the coast.\nWHAT HAPPENS NEXT\nthe towns wait.",
     [("The storm reached the coast.", BODY), ("WHAT HAPPENS NEXT", HEADING), ("the towns wait.", BODY)]),
    ("The storm reached the coast.\nAlso Read: the towns wait\nfor aid.",
     [("The storm reached the coast.", BODY), ("Also Read: the towns wait", BOILERPLATE), ("for aid.", BODY)]),
    ("The storm reached the coast and\n# The towns wait",
     [("The storm reached the coast and", HEADING), ("# The towns wait", HEADING)]),
    # one paragraph per line stays one paragraph per line
    ("The storm reached the coast.\nThree towns flooded.\nRepairs start in May.",
     [("The storm reached the coast.", BODY), ("Three towns flooded.", BODY), ("Repairs start in May.", BODY)]),
    ("The storm reached the coast\nThree towns flooded on Friday.",
     [("The storm reached the coast", HEADING), ("Three towns flooded on Friday.", BODY)]),
    ("Council backs Plan A\nThe vote was close.", [("Council backs Plan A", HEADING), ("The vote was close.", BODY)]),
    ("The plan is historic, the mayor said\nThe Council agreed.",
     [("The plan is historic, the mayor said", HEADING), ("The Council agreed.", BODY)]),
    ("Report ends with Mr.\nSmith replies.", [("Report ends with Mr.", BODY), ("Smith replies.", BODY)]),
    # headlines
    ("Storm hits coastal towns\nThe storm arrived overnight. Roads closed.",
     [("Storm hits coastal towns", HEADING), ("The storm arrived overnight.", BODY), ("Roads closed.", BODY)]),
    ("Storm hits coastal towns\n\nThe storm arrived overnight.",
     [("Storm hits coastal towns", HEADING), ("The storm arrived overnight.", BODY)]),
    ("The storm arrived. Roads closed.\nMayor promises aid\nThe city will pay for repairs.",
     [("The storm arrived.", BODY), ("Roads closed.", BODY), ("Mayor promises aid", HEADING),
      ("The city will pay for repairs.", BODY)]),
    ('Why the vote matters?\nThe vote decides the budget.',
     [("Why the vote matters?", BODY), ("The vote decides the budget.", BODY)]),
    # a short last line missing its stop is body, not a headline
    ("The storm arrived.\nThe mayor said repairs would start soon",
     [("The storm arrived.", BODY), ("The mayor said repairs would start soon", BODY)]),
    # a long line without final punctuation is body even before a full sentence
    ("The storm " + "arrived and " * 12 + "left\nRoads closed.",
     [("The storm " + "arrived and " * 12 + "left", BODY), ("Roads closed.", BODY)]),
    # all-capital subheadings
    ("The storm arrived.\nCRITICS QUESTION THE DEAL\nThe deal was criticised.",
     [("The storm arrived.", BODY), ("CRITICS QUESTION THE DEAL", HEADING), ("The deal was criticised.", BODY)]),
    ("The storm arrived.\nWHAT HAPPENS NEXT?\nNobody knows.",
     [("The storm arrived.", BODY), ("WHAT HAPPENS NEXT?", HEADING), ("Nobody knows.", BODY)]),
    ("The storm arrived.\nCITY'S RESPONSE 'TOO SLOW', RESIDENTS SAY\nIt was.",
     [("The storm arrived.", BODY), ("CITY'S RESPONSE 'TOO SLOW', RESIDENTS SAY", HEADING), ("It was.", BODY)]),
    ("The storm arrived.\nUN officials visit the UK.\nIt was.",
     [("The storm arrived.", BODY), ("UN officials visit the UK.", BODY), ("It was.", BODY)]),
    # markdown headings
    ("# Storm hits towns\nThe storm arrived.", [("# Storm hits towns", HEADING), ("The storm arrived.", BODY)]),
    ("The storm arrived.\n## What we know.\nRoads closed.",
     [("The storm arrived.", BODY), ("## What we know.", HEADING), ("Roads closed.", BODY)]),
    ("The storm arrived.\n#hashtag trends online.", [("The storm arrived.", BODY), ("#hashtag trends online.", BODY)]),
]


@pytest.mark.parametrize("text,expected", LINE_CASES)
def test_lines_and_kinds(text: str, expected: list[tuple[str, SentenceKind]]) -> None:
    assert kinds(text) == expected


BOILERPLATE_CASES = [
    "Also Read: Markets steady after rate decision",
    "ALSO READ : Markets steady after rate decision",
    "also read  :Markets steady",
    "Read more: Markets steady after rate decision",
    "Read also: Markets steady",
    "Click here to read the full report",
    "Subscribe to our newsletter",
    "Sign up for breaking news alerts",
    "Follow us on social media",
    "Advertisement",
    "ADVERTISEMENT",
    "Share this article",
    "(Reporting by Jane Roe; Editing by John Doe)",
    "(Additional reporting by Sam Poe in Oslo; Writing by Jane Roe; Editing by John Doe)",
    "Copyright 2024 Example News. All rights reserved.",
    "Copyright \u00a9 2023 Example Media",
    "All rights reserved.",
    "Photo: Example Agency",
    "File photo",
    "File photo: a harbour at dusk",
]


@pytest.mark.parametrize("line", BOILERPLATE_CASES)
def test_boilerplate_lines(line: str) -> None:
    text = f"The storm arrived.\n{line}\nRoads closed."
    assert kinds(text) == [("The storm arrived.", BODY), (line.strip(), BOILERPLATE), ("Roads closed.", BODY)]


@pytest.mark.parametrize("line", [
    "Advertisement spending rose sharply this year.",
    "Copyright law was changed last year.",
    "Readers want more detail. Read moreover the notes.",
    "Photographs were released.",
])
def test_not_boilerplate(line: str) -> None:
    assert all(k == BODY for _, k in kinds(f"The storm arrived.\n{line}"))


# --------------------------------------------------------------------------- every data entry

ABBR = lexicon.load("abbreviations")
BOIL = lexicon.load("boilerplate")


def _variants(entry: str) -> list[str]:
    """An entry as written and, if lower-case, capitalised at the start of a sentence."""
    return [entry, entry[0].upper() + entry[1:]] if entry[:-1].islower() else [entry]


@pytest.mark.parametrize("abbr", ABBR["never_split"])
def test_every_never_split_abbreviation(abbr: str) -> None:
    for form in _variants(abbr):
        for follower in ("Wilson", "The"):
            text = f"They saw {form} {follower} near the gate. Nothing followed."
            assert texts(text) == [f"They saw {form} {follower} near the gate.", "Nothing followed."], form


@pytest.mark.parametrize("abbr", ABBR["before_starter"])
def test_every_before_starter_abbreviation(abbr: str) -> None:
    for form in _variants(abbr):
        assert texts(f"It was near the {form} Wilson gate.") == [f"It was near the {form} Wilson gate."]
        assert texts(f"It was near the {form} 12 gates.") == [f"It was near the {form} 12 gates."]
        assert texts(f"It was near the {form} The gate shut.") == [f"It was near the {form}", "The gate shut."]


@pytest.mark.parametrize("abbr", ABBR["sentence_final"])
def test_every_sentence_final_abbreviation(abbr: str) -> None:
    assert texts(f"They sold fruit {abbr} Wilson bought some.") == [f"They sold fruit {abbr}", "Wilson bought some."]


@pytest.mark.parametrize("starter", ABBR["sentence_starters"])
def test_every_sentence_starter(starter: str) -> None:
    assert texts(f"They flew to the U.S. {starter} trip was long.") == [
        "They flew to the U.S.", f"{starter} trip was long."]
    assert texts(f"They flew at 6 a.m. {starter} trip was long.") == [
        "They flew at 6 a.m.", f"{starter} trip was long."]
    # a starter only ends the sentence after an ambiguous abbreviation, never after a title
    assert texts(f"They met Dr. {starter} at noon.") == [f"They met Dr. {starter} at noon."]


def _prefix_variants(entry: str) -> list[str]:
    out = [entry, entry.upper(), entry.lower()]
    if entry.endswith(":"):
        out.append(entry[:-1] + " :")
        out.append(entry[:-1].upper() + "  :")
    return out


@pytest.mark.parametrize("entry", BOIL["prefixes"])
def test_every_boilerplate_prefix(entry: str) -> None:
    for form in _prefix_variants(entry):
        line = f"{form} Example headline about markets"
        assert kinds(f"The storm arrived.\n{line}\nRoads closed.")[1] == (line, BOILERPLATE), form
    if not entry.endswith(":"):
        # a prefix without a colon must end at a word boundary
        glued = f"{entry}zzz went to the market."
        assert kinds(f"The storm arrived.\n{glued}")[1][1] == BODY


@pytest.mark.parametrize("entry", BOIL["lines"])
def test_every_boilerplate_line(entry: str) -> None:
    for form in (entry, entry.upper(), entry.lower() + "."):
        assert kinds(f"The storm arrived.\n{form}\nRoads closed.")[1] == (form, BOILERPLATE)
    longer = f"{entry} figures were published in the annual report today."
    assert kinds(f"The storm arrived.\n{longer}")[1] == (longer, BODY)


@pytest.mark.parametrize("entry", BOIL["suffixes"])
def test_every_boilerplate_suffix(entry: str) -> None:
    for form in (entry, entry.upper(), f"Example Media Group. {entry}.", f"(c) Example Media, {entry.lower()}"):
        assert kinds(f"The storm arrived.\n{form}\nRoads closed.")[1] == (form, BOILERPLATE)
    inside = f"{entry} was printed on the cover, the court heard."
    assert kinds(f"The storm arrived.\n{inside}")[1] == (inside, BODY)


@pytest.mark.parametrize("pattern,example", sorted(BOIL["patterns"].items()))
def test_every_boilerplate_pattern(pattern: str, example: str) -> None:
    assert re.match(pattern, example, re.IGNORECASE)
    assert kinds(f"The storm arrived.\n{example}\nRoads closed.")[1] == (example, BOILERPLATE)
    assert kinds(f"The storm arrived.\n{example.upper()}")[1] == (example.upper(), BOILERPLATE)


@pytest.mark.parametrize("abbr", ABBR["before_number"])
def test_every_before_number_abbreviation(abbr: str) -> None:
    for form in _variants(abbr):
        assert texts(f"Gate {form} 7 shut. Nobody moved.") == [f"Gate {form} 7 shut.", "Nobody moved."]
    if abbr not in ABBR["before_starter"] + ABBR["never_split"]:
        assert texts(f"Gate {abbr} Seven shut.") == [f"Gate {abbr}", "Seven shut."]


@pytest.mark.parametrize("word", ABBR["open_ends"])
def test_every_open_end_continues_on_the_next_line(word: str) -> None:
    text = f"The deal was signed on Monday {word}\nMarkets rose after it."
    assert texts(text) == [text]
    # without it, a capitalised line after a line without a stop is a new paragraph
    assert texts("The deal was signed on Monday\nMarkets rose after it.") == [
        "The deal was signed on Monday", "Markets rose after it."]
    # a capitalised word is no open end ("Plan A")
    upper = word[0].upper() + word[1:]
    assert texts(f"The deal was signed on Monday {upper}\nMarkets rose after it.") == [
        f"The deal was signed on Monday {upper}", "Markets rose after it."]


SPEECH = lexicon.load("speech")


@pytest.mark.parametrize("verb", SPEECH["verbs"])
def test_every_speech_verb_keeps_the_speaker_with_the_quotation(verb: str) -> None:
    for mark in "!?":
        text = f'"Is this the end{mark}" Mayor Ana Lind {verb} on Monday.'
        assert texts(text) == [text]
        words = " ".join(["Lind"] * (SPEECH["max_speaker_words"] + 1))  # too far: a new sentence
        assert texts(f'"Is this the end{mark}" {words} {verb} on Monday.') == [
            f'"Is this the end{mark}"', f"{words} {verb} on Monday."]


def test_data_files_load() -> None:
    for name in ("abbreviations", "boilerplate", "speech"):
        assert lexicon.load(name)["about"].strip()
    entries = ABBR["never_split"] + ABBR["before_starter"] + ABBR["sentence_final"]
    assert len(entries) == len(set(entries)), "an abbreviation is listed twice"
    assert all(e.endswith(".") for e in entries)


# --------------------------------------------------------------------------- meta spans, offsets

_BLANK_LINE = re.compile(r"(?:\r\n|\r(?!\n)|[\n\u2028\u2029])[^\S\r\n\u2028\u2029]*(?:\r|\n|\u2028|\u2029)")


def _check_spans(text: str, sentences, meta_spans=()) -> None:
    prev_end = 0
    for s in sentences:
        assert 0 <= s.start < s.end <= len(text)
        assert s.start >= prev_end
        assert text[s.start:s.end] == s.text
        assert s.text == s.text.strip()
        assert not _BLANK_LINE.search(s.text), s   # only a hard-wrapped paragraph holds a line break
        for a, b in meta_spans:
            assert s.end <= a or s.start >= b, (s, (a, b))
        prev_end = s.end


SOURCE_FILES = sorted((ROOT / "sources").glob("*.txt"))


@pytest.mark.parametrize("path", SOURCE_FILES, ids=[p.name for p in SOURCE_FILES])
def test_offsets_on_founding_articles(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    source = Source(id=path.stem, path=path, text=text)
    sentences = segment(source)
    assert sentences
    assert all(s.source == path.stem for s in sentences)
    _check_spans(text, sentences)
    # every non-space character is in exactly one sentence
    covered = sum(len(re.sub(r"\s", "", s.text)) for s in sentences)
    assert covered == len(re.sub(r"\s", "", text))


_DATELINE = re.compile(r"\s*date \d{4}-\d{2}-\d{2} [A-Z][A-Z .'-]*:\s*")


def test_dateline_meta_span_on_founding_article() -> None:
    dated = [p for p in SOURCE_FILES if _DATELINE.match(p.read_text(encoding="utf-8"))]
    assert dated, "a founding article opens with a dateline"
    path = dated[0]
    text = path.read_text(encoding="utf-8")
    span = (0, _DATELINE.match(text).end())
    sentences = segment(Source(id=path.stem, path=path, text=text, meta_spans=(span,)))
    _check_spans(text, sentences, [span])
    first = sentences[0]
    assert first.start == span[1]
    assert first.text.startswith("A landmark")
    assert first.kind == BODY
    # the dateline must not glue onto the first sentence when the span is known
    assert "date" not in first.text[:10]


def test_meta_spans_skip_lines_and_prefixes() -> None:
    text = "Published: 1 May 2024\nStorm hits towns\n date 2024-05-01 OSLO: The storm came. It left."
    pub = (0, text.index("\n"))
    d0 = text.index(" date")
    dateline = (d0, text.index("The storm"))
    got = kinds(text, meta_spans=[dateline, pub])
    assert got == [("Storm hits towns", HEADING), ("The storm came.", BODY), ("It left.", BODY)]
    # a meta span in the middle of a line is a hard break
    text = "One part here. [meta] Other part."
    span = (text.index("["), text.index("]") + 1)
    assert texts(text, meta_spans=[span]) == ["One part here.", "Other part."]


def test_segment_uses_source_fields() -> None:
    text = "X date: The vote passed. It was close."
    src = Source(id="abc", path=Path("abc.txt"), text=text, meta_spans=((0, 8),))
    got = segment(src)
    assert [(s.source, s.text) for s in got] == [("abc", "The vote passed."), ("abc", "It was close.")]
    assert split_sentences("") == []
    assert split_sentences(" \n\r\n\t ") == []


def test_bad_meta_spans_are_tolerated() -> None:
    text = "The vote passed. It was close."
    assert texts(text, meta_spans=[(5, 2), (-4, 0), (100, 200)]) == ["The vote passed.", "It was close."]
    assert texts(text, meta_spans=[(0, 10), (5, 17)]) == ["It was close."]


# --------------------------------------------------------------------------- properties

_FRAGMENTS = [
    "Mr.", "U.S.", "a.m.", "No.", "etc.", "J.", "...", "\u2026", "?", "!", ".", '"', "\u201d", "\u201c", "(", ")",
    " ", "  ", "\n", "\r\n", "\r", "\t", "\u00a0", "\u2028", "#", "The", "he", "Also Read:", "ADVERTISEMENT",
    "3.5", "10", "Smith", "it", "'", "\x85", "\x0b",
]
_text = st.lists(st.sampled_from(_FRAGMENTS) | st.text(max_size=4), max_size=40).map("".join)


@st.composite
def _text_and_spans(draw):
    text = draw(_text)
    n = len(text)
    spans = draw(st.lists(st.tuples(st.integers(-2, n + 2), st.integers(-2, n + 2)), max_size=4))
    return text, spans


@settings(max_examples=400, deadline=None)
@given(_text_and_spans())
def test_property_spans_are_exact_and_ordered(case) -> None:
    text, spans = case
    sentences = split_sentences(text, meta_spans=spans)
    valid = [(max(0, a), min(len(text), b)) for a, b in spans if min(len(text), b) > max(0, a)]
    _check_spans(text, sentences, valid)
    for s in sentences:
        assert s.kind in (BODY, HEADING, BOILERPLATE)
    # nothing outside the meta spans is lost: every non-space character is in a sentence
    inside = [False] * len(text)
    for s in sentences:
        for i in range(s.start, s.end):
            inside[i] = True
    for a, b in valid:
        for i in range(a, b):
            inside[i] = True
    assert all(inside[i] or text[i].isspace() for i in range(len(text)))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_property_arbitrary_text(text: str) -> None:
    _check_spans(text, split_sentences(text))


@pytest.mark.parametrize("chunk", ["the council said the\n", "a,\n", "THE COUNCIL SAID THE\n", '"No!" ',
                                   '"No!" Mayor Ana Lind said ', "no. 7 "])
def test_long_repetitive_input_is_linear(chunk: str) -> None:
    """A hard-wrapped paragraph is judged line by line, never by rescanning what is joined."""
    import time

    text = chunk * (40_000 // len(chunk))
    t0 = time.perf_counter()
    _check_spans(text, split_sentences(text))
    assert time.perf_counter() - t0 < 2.0

"""Speed-ups that must not change a result: the claims of articles parsed in one stream
(parse.ahead, parallel.extract_sources) are those of each article parsed on its own."""
from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.inputs import segment
from factcheck.judgement import claims, parse
from factcheck.records import Source
from factcheck.scale import parallel

ARTICLES = [
    "Officials said 14 people were hurt when a tram left the rails in Dorvale on Monday.\n\n"
    "The operator, Linex, will reopen the line by Friday, a spokesman said.",
    "A tram derailed in Dorvale on Tuesday, injuring 12 people.\n\n"
    "\u201cWe are investigating,\u201d said Mara Olsen, the city's transport chief.",
    "Short.",
    "The council voted 7 to 2 to raise fares by 5% from March 1, according to minutes.",
]


def _sources() -> list[Source]:
    return [Source(id=f"s{k}", path=Path(f"s{k}.txt"), text=text) for k, text in enumerate(ARTICLES)]


def test_a_chunk_parsed_in_one_stream_gives_each_article_s_own_claims() -> None:
    alone = [parallel.extract_source(s) for s in _sources()]
    assert parallel.extract_sources(_sources()) == alone


@pytest.mark.parametrize("asked", [
    ["Peru left the talks."],                        # not announced: parsed on its own
    ["Chile signed it.", "Peru left the talks."],    # the announced text, then one that is not
    ["Bolivia joined.", "Chile signed it."],         # out of the announced order
])
def test_texts_not_announced_are_parsed_on_their_own(asked: list[str]) -> None:
    expected = [[(t.text, t.dep_, t.lemma_) for t in doc] for doc in parse.nlp().pipe(asked)]
    with parse.ahead(["Chile signed it.", "Bolivia joined."]):
        got = [[(t.text, t.dep_, t.lemma_) for t in doc] for doc in parse.parse(asked)]
    assert got == expected


def test_parsed_texts_are_the_folded_body_sentences_extract_parses() -> None:
    text = ("Talks end in Lima\n\nChile\u2019s minister signed the pact on Monday, officials said.\n\n"
            + "The list ran on " + "and on " * 300 + "for pages.\n\nPeru left.")
    texts = claims.parsed_texts(segment.segment(Source(id="a", path=Path("a.txt"), text=text)))
    assert texts == ["Chile's minister signed the pact on Monday, officials said.", "Peru left."]

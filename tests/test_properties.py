"""Property-based tests over reading, segmentation, extraction and the whole analysis (issue #6).

Arbitrary text must never crash a stage, every span must point into the
text it came from, ids must be unique and every result deterministic. The
strategies mix news words (dates, numbers, attribution, negation) with raw
unicode, quotes and punctuation so that the rules' deeper paths are reached,
not just the "no sentence found" one.
"""
from __future__ import annotations

import json
import os
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.judgement import claims as claims_mod
from factcheck import pipeline
from factcheck.inputs import segment, sources
from factcheck.outputs import table
from factcheck.errors import SourceError
from factcheck.records import Label, Source, SentenceKind

# 60 examples keep the suite fast; FACTCHECK_EXAMPLES=5000 for a long hunt
EXAMPLES = int(os.environ.get("FACTCHECK_EXAMPLES", "60"))
PROPERTY = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

NEWS_WORDS = [
    "The", "the", "council", "ministry", "said", "told reporters", "according to", "officials", "Ana Ruiz",
    "will", "would", "not", "never", "denied", "signed", "sign", "attend", "treaty", "pact", "ratified",
    "on", "Saturday", "Sunday", "this weekend", "earlier this week", "last year", "on Oct 25", "(Oct 25)",
    "in", "Hanoi", "the capital", "Paris", "more than", "over", "at least", "dozens of", "about", "nearly",
    "40", "60", "1.2", "$1.2 billion", "12%", "3,000", "forty", "one", "a", "million", "states", "people",
    "half", "three halves", "a third", "between 10 and", "10-12", "per cent", "1990s", "next month",
    "arrested", "killed", "injured", "after", "before", "by", "until", "if", "unless", "despite", "while",
    "which", "who", "and", "but", ",", ";", ":", ".", "?", "!", "...", "\"", "'", "“", "”", "‘", "’", "—",
    "–", "-", "(", ")", "Mr.", "U.S.", "No. 10", "p.m.", "\n", "\n\n", "\r\n", "\u00a0", "\t", "#", "Also Read:",
]

news_text = st.lists(
    st.one_of(st.sampled_from(NEWS_WORDS), st.text(max_size=6)),
    max_size=60,
).map(" ".join)
# digits, currency, quotes and punctuation with few letters: number and date parsers' edge cases
punctuated_text = st.text(alphabet="0123456789.,;:%$€£¥()[]\"'“”‘’-–—/ \n\u00a0aAbmsSTOkK½", max_size=200)
any_text = st.one_of(news_text, punctuated_text, st.text(max_size=300))


def _source(text: str, source_id: str = "s", published: bool = False) -> Source:
    from datetime import date

    return Source(id=source_id, path=Path(f"{source_id}.txt"), text=text,
                  published=date(2025, 10, 22) if published else None)


def _claims(source: Source) -> list:
    return claims_mod.extract(source, segment.segment(source))


# ------------------------------------------------------------ segmentation


@PROPERTY
@given(any_text)
def test_sentences_point_into_the_text(text: str) -> None:
    found = segment.split_sentences(text, source_id="s")
    previous_end = 0
    for sentence in found:
        assert 0 <= previous_end <= sentence.start < sentence.end <= len(text)
        assert text[sentence.start:sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()
        previous_end = sentence.end
    assert found == segment.split_sentences(text, source_id="s")


@PROPERTY
@given(any_text, st.lists(st.tuples(st.integers(-5, 400), st.integers(-5, 400)), max_size=4))
def test_sentences_never_enter_meta_spans(text: str, spans: list[tuple[int, int]]) -> None:
    for sentence in segment.split_sentences(text, meta_spans=spans):
        for a, b in spans:
            a, b = max(0, a), min(len(text), b)
            assert sentence.end <= a or sentence.start >= b or b <= a


# -------------------------------------------------------------- extraction


@PROPERTY
@given(any_text, st.booleans())
def test_claims_point_into_their_sentences(text: str, published: bool) -> None:
    source = _source(text, published=published)
    sentences = segment.segment(source)
    body = {(s.start, s.end) for s in sentences if s.kind is SentenceKind.BODY}
    found = claims_mod.extract(source, sentences)
    for claim in found:
        assert (claim.sentence_start, claim.sentence_end) in body
        assert claim.sentence_start <= claim.start < claim.end <= claim.sentence_end <= len(text)
        assert claim.source == "s"
        assert claim.text.strip() and claim.text == " ".join(claim.text.split())
        for mention in (*claim.when, *claim.quantities):
            assert 0 <= mention.start <= mention.end
        for quantity in claim.quantities:
            assert quantity.low <= quantity.high, quantity
        for time in claim.when:
            assert time.first is None or time.last is None or time.first <= time.last, time
    assert len({c.id for c in found}) == len(found)
    assert found == claims_mod.extract(source, segment.segment(source))


@PROPERTY
@given(news_text)
def test_typographic_variants_give_the_same_claims(text: str) -> None:
    """No-break spaces, dashes and curly quotes inside words must not change a claim.

    (Quotes at word edges can change where a sentence ends, which is the
    segmenter's business; here only replacements that keep it are made.)
    """
    fancy = text.replace(" ", "\u00a0", 3).replace("-", "\u2013").replace("'", "\u2019")
    fancy = fancy.replace("\u2019 ", "' ")       # a closing quote before a space stays straight
    plain_source, fancy_source = _source(text), _source(fancy)
    if [(s.start, s.end, s.kind) for s in segment.segment(plain_source)] != \
            [(s.start, s.end, s.kind) for s in segment.segment(fancy_source)]:
        return
    a, b = _claims(plain_source), _claims(fancy_source)
    assert [(c.id, c.start, c.end, c.status, c.polarity) for c in a] == \
           [(c.id, c.start, c.end, c.status, c.polarity) for c in b]


# ------------------------------------------------------------------ reading


@PROPERTY
@given(any_text, st.sampled_from([".txt", ".md", ".json", ".jsonl"]))
def test_read_segment_extract_any_file(tmp_path_factory: pytest.TempPathFactory, text: str, suffix: str) -> None:
    folder = tmp_path_factory.mktemp("read")
    path = folder / f"article{suffix}"
    if suffix == ".json":
        path.write_text(json.dumps({"text": text, "id": "x"}), encoding="utf-8")
    elif suffix == ".jsonl":
        path.write_text(json.dumps({"text": text}) + "\n" + json.dumps({"text": text[::-1]}) + "\n", encoding="utf-8")
    else:
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", sources.SourceWarning)
        try:
            loaded = sources.read_source(path)
        except SourceError as exc:
            assert exc.path == str(path) and exc.problem
            return
    for source in loaded:
        for a, b in source.meta_spans:
            assert 0 <= a <= b <= len(source.text)
        for claim in _claims(source):
            assert 0 <= claim.start < claim.end <= len(source.text)


# ---------------------------------------------------------- whole analysis


@PROPERTY
@given(st.lists(any_text, min_size=2, max_size=3), st.booleans())
def test_analyse_labels_every_claim_consistently(texts: list[str], published: bool) -> None:
    loaded = [_source(t, f"s{i}", published) for i, t in enumerate(texts)]
    result = pipeline.analyse(loaded)
    assert len(result.verdicts) == len(result.claims) == len(result.frame)
    ids = [c.id for c in result.claims]
    assert len(set(ids)) == len(ids)
    by_id = dict(zip(ids, result.verdicts))
    for claim, verdict in zip(result.claims, result.verdicts):
        assert verdict.claim_id == claim.id
        assert set(verdict.conflicts_with) <= set(ids) and claim.id not in verdict.conflicts_with
        assert set(verdict.agrees_with) <= set(ids)
        assert (verdict.label is Label.CONFLICTING) == bool(verdict.conflicts_with)
        for other in verdict.conflicts_with:
            assert claim.id in by_id[other].conflicts_with
    again = pipeline.analyse(loaded)
    assert table.to_csv_text(result.frame) == table.to_csv_text(again.frame)


# ---------------------------------------------------------------- the table


@PROPERTY
@given(st.text(max_size=40))
def test_neutralise_restore_round_trip(value: str) -> None:
    safe = table.neutralise(value)
    assert isinstance(safe, str) and not safe.startswith(table.FORMULA_PREFIXES)
    assert table.restore(safe) == value


@PROPERTY
@given(st.lists(any_text, min_size=1, max_size=2))
def test_claims_csv_round_trips(tmp_path_factory: pytest.TempPathFactory, texts: list[str]) -> None:
    frame = pipeline.analyse([_source(t, f"s{i}") for i, t in enumerate(texts)]).frame
    out = tmp_path_factory.mktemp("table") / "claims.csv"
    table.write(frame, out)
    back = table.read(out)
    assert back["claim_id"].tolist() == frame["claim_id"].tolist()
    assert back["text"].tolist() == frame["text"].tolist()
    assert back["quote"].tolist() == frame["quote"].tolist()
    assert back["start"].tolist() == frame["start"].tolist()

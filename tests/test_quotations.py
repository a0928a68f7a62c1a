"""Finding one quotation in two claims (judgement/quotations.py); the pairs it makes one fact are in
test_agreement_kinds.PAIRS. Invented text."""
from __future__ import annotations

import pytest

from factcheck.judgement.quotations import shared_quotation
from factcheck.records import Claim


def claim(text: str, quote: bool = True, source: str = "a") -> Claim:
    return Claim(source, source, 0, len(text), text, 0, len(text), quote=quote)


@pytest.mark.parametrize("text_a, text_b, expected", [
    ('the sale was "a bitter but necessary step" after two poor harvests', "This is a bitter but necessary step", "a bitter but necessary step"),
    # the run must be quoted on one side at least
    ("the sale was a bitter but necessary step", "the sale was a bitter but necessary step", None),
    # three words of which only one carries content are chance
    ('she said it was "one of the" reasons', "It was one of the best days", None),
    # two words are too few to be one utterance
    ('he called the plan "deeply flawed"', "The plan is deeply flawed", None),
])
def test_shared_quotation(text_a: str, text_b: str, expected: str | None) -> None:
    a = claim(text_a, quote='"' in text_a)
    b = claim(text_b, quote=text_b[0].isupper() and '"' not in text_a, source="b")
    assert shared_quotation(a, b) == expected

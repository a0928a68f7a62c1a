"""Places named in a claim's text (slots.places.find_places): the name, and whether the
event is in it or near it."""
from __future__ import annotations

import pytest

from factcheck.slots import places


@pytest.mark.parametrize("text, context, expected", [
    # "the French city of Lyon" names Lyon, the event is in it
    ("Riots broke out in the French city of Lyon on Monday.", ("Paris",), [("Lyon", "in")]),
    ("Floods hit the port city of Lyon overnight.", ("Paris",), [("Lyon", "other")]),
    ("Riots broke out in the city of Lyon on Monday.", (), [("Lyon", "in")]),
    # a description alone is the city the article names elsewhere, or the country's capital
    ("Riots broke out in the French city on Monday.", ("Lyon",), [("Lyon", "in")]),
    ("Riots broke out in the French capital on Monday.", (), [("Paris", "in")]),
    # a march or a route through a place happens in it
    ("Farmers drove their tractors through the French capital on Monday.", (), [("Paris", "in")]),
    ("Hundreds of cyclists rode through Lyon.", (), [("Lyon", "in")]),
    # near-ness words keep their reading
    ("The bus crashed near the French city of Lyon.", (), [("Lyon", "near")]),
])
def test_find_places(text: str, context: tuple[str, ...], expected: list[tuple[str, str]]) -> None:
    assert [(p.name, p.relation) for p in places.find_places(text, context)] == expected

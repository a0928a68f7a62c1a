"""Places the parse sees, gazetteer or not (sites.py): kinds `where` (matched pairs) and `venue` (one story)."""
from __future__ import annotations

import pytest

from factcheck.judgement import parse
from factcheck.slots import sites
from tests.test_match_compare import analyse_texts, verdict_between


@pytest.mark.parametrize("text, expected", [
    ("The probe lifted off from the Torvik spaceport.", [("Torvik spaceport", "in", "venue", None)]),
    ("The probe lifted off from Halden Space Center.", [("Halden Space Center", "in", "venue", None)]),
    ("The storm came ashore near Quarva late on Friday.", [("Quarva", "near", "town", None)]),
    ("The storm came ashore near the fishing village of Pellor.", [("Pellor", "near", "town", None)]),
    ("The case was heard at the district court in Vessel.", [("district court", "in", "venue", "Vessel")]),
    ("The concert was held at the Hotel Marlow in Ostend.", [("Hotel Marlow", "in", "venue", None), ("Ostend", "in", "town", None)]),
    ("The ferry sank off Tarro island.", [("Tarro island", "near", "region", None)]),
    # several places, a date, an employer: no site
    ("Rescuers searched in Dolvik and Marrum.", []),
    ("The rocket launched on Tuesday.", []),
    ("An analyst at Barclays said the shares fell.", []),
    # an act done to a place names where it happened
    ("Police released details of the raid on the Museum of Coastal Amber.", [("Museum of Coastal Amber", "in", "venue", None)]),
    ("The minister spoke on Radio Harl.", []),
], ids=["spaceport", "space-center", "near-town", "village-of", "court-in-town", "hotel-in-town", "island",
        "two-towns", "date", "employer", "raid-on", "spoke-on"])
def test_sites_of(text: str, expected: list[tuple[str, str, str, str | None]]) -> None:
    doc = next(parse.parse([text]))
    assert [(s.name, s.relation, s.sort, s.within) for _, _, s in sites.sites_of(doc)] == expected


@pytest.mark.parametrize("text_a, text_b, expected", [
    # launch sites the gazetteer does not know
    ("The Arvo-3 rocket was launched from the Torvik spaceport on Tuesday.",
     "The Arvo-3 rocket lifted off from Halden Space Center on Tuesday.", "conflict"),
    # landfall near two towns
    ("Cyclone Meru made landfall near Quarva on Friday.",
     "Cyclone Meru made landfall near Pellor on Friday.", "conflict"),
    # the same town, said the same way
    ("Cyclone Meru made landfall near Quarva on Friday.",
     "Cyclone Meru made landfall near the fishing town of Quarva on Friday.", "agree"),
    # a court in a town vs a court named after another town
    ("Judge Ines Varro sentenced the former mayor Olaf Trent at the district court in Vessel on Monday.",
     "Judge Ines Varro sentenced the former mayor Olaf Trent at Rindholm District Court on Monday.", "conflict"),
    # "near X" and "in Y": Y may contain X, not comparable
    ("Cyclone Meru made landfall near Quarva on Friday.",
     "Cyclone Meru made landfall in Ostravia on Friday.", "agree"),
    # a town and the coast it lies on
    ("Cyclone Meru made landfall near Quarva on the Tesh coast on Friday.",
     "Cyclone Meru made landfall on the Tesh coast on Friday.", "agree"),
    # a part written as the place's own ("the park's rearing centre") lies within it
    ("Two snow owls hatched at Tamsby Wildlife Park on Wednesday.",
     "The owls hatched earlier this week at the park's rearing centre at Kell Farm.", "agree"),
    ("Two snow owls hatched at Tamsby Wildlife Park on Wednesday.",
     "Two snow owls hatched at Orme Safari Park on Wednesday.", "conflict"),
], ids=["spaceports", "near-two-towns", "same-town", "court-town", "near-vs-in", "town-and-coast", "owned-part",
        "two-parks"])
def test_matched_sites(text_a: str, text_b: str, expected: str) -> None:
    verdict, reason = verdict_between(text_a, text_b)
    assert verdict == expected, reason
    if expected == "conflict":
        assert reason.startswith("where:")


def _story(*texts: str) -> list[tuple[str, str, str]]:
    """(source, source, "where") for every place conflict among one-article sources."""
    found = analyse_texts(*texts)
    by_id = {c.id: c for c in found.claims}
    return sorted({tuple(sorted((c.source, by_id[other].source))) + (v.reason.split(":")[0],)
                   for c, v in zip(found.claims, found.verdicts) for other in v.conflicts_with
                   if v.reason.startswith("where")})


@pytest.mark.parametrize("texts, expected", [
    # two museums for one break-in
    (("Burglars got into the Museum of Coastal Amber overnight and took six brooches.",
      "Thieves struck at the Corvin Folk Museum overnight, police said."),
     [("s0", "s1", "where")]),
    # two squares for the finish of one race
    (("Okoro crossed the finish line at Fenner Square in two hours and nine minutes.",
      "The finish was at Crane Park, where a crowd of thousands waited."),
     [("s0", "s1", "where")]),
    # a city and its landmark: never compared
    (("The ceremony was held in Lisbon on Sunday.",
      "The ceremony was held at the Belem Tower on Sunday."),
     []),
    # a source that names both museums knows them apart
    (("Burglars got into the Museum of Coastal Amber overnight and took six brooches.",
      "Thieves struck at the Corvin Folk Museum overnight. The Museum of Coastal Amber was not touched."),
     []),
    # an earlier event at another stadium is background
    (("The final was played at the Osterby Stadium on Saturday.",
      "In 2019 the final was played at the Marsk Stadium."),
     []),
    # a company based in one town and its plant in another
    (("Voller, based in Kessen, will shut the plant at Dorrin.",
      "Voller will shut its plant at Dorrin, the company said."),
     []),
    # evacuations in several places
    (("About 3,000 people were evacuated near Quarva on Friday.",
      "About 2,000 people were evacuated near Pellor on Friday."),
     []),
    # "in X" and "in Y" for places the gazetteer does not know: either may be a region of the other
    (("The factory makes knitwear for retailers in Norvia.",
      "A fire swept through a knitwear factory in Dalgrim."),
     []),
    # two verbs that only report the story's occasion ("was played", "beat") at two stadiums
    (("The match was played in front of 9,000 fans at the Orrby stadium in Halsted.",
      "FC Holmvik took the cup, beating Tarn 2-1 at the Lerwick Stadium in Kallby."),
     [("s0", "s1", "where")]),
    # once two sources clash on the museum, a third naming one side's museum clashes with the other
    (("Burglars got into the Museum of Coastal Amber overnight and took six brooches.",
      "Thieves struck at the Corvin Folk Museum overnight, taking 20 pieces.",
      "Detectives gave out a fuller account of the raid on the Museum of Coastal Amber."),
     [("s0", "s1", "where"), ("s1", "s2", "where")]),
], ids=["two-museums", "square-vs-park", "city-and-landmark", "source-names-both", "background-year",
        "based-vs-plant", "evacuations", "in-two-unknown-places", "light-verbs-two-stadiums", "third-source-takes-a-side"])
def test_story_venues(texts: tuple[str, ...], expected: list[tuple[str, str, str]]) -> None:
    assert _story(*texts) == expected

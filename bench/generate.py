#!/usr/bin/env python3
"""Generate a synthetic newsroom corpus for the scale benchmark.

    python bench/generate.py OUT_DIR --articles 10000 [--seed 7]

Writes OUT_DIR/sources/*.txt (the articles), OUT_DIR/stories.csv (which story
each article belongs to) and OUT_DIR/planted.csv (the discrepancies planted on
purpose). Stories are drawn from a handful of event kinds (fires, mergers,
treaty signings, floods, strikes, court rulings, quakes, elections), so many
stories share their wording, weekdays, cities, officials and round numbers:
exactly what must *not* make claims of different stories match. Each story is
covered by 3-6 outlets that word every fact differently, order the facts
differently and add background; some outlets get one fact wrong (a planted
discrepancy: a weekday, a count, an amount, or a treaty said to be in force
already where the others say it awaits ratification, its `kind` in
planted.csv). Seeded: the same arguments give the same corpus, byte for byte.

All sentences come from the templates below (written for this benchmark).
"""
from __future__ import annotations

import argparse
import csv
import random
import shutil
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
NUMBER_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine",
                10: "ten", 11: "eleven", 12: "twelve", 20: "twenty", 30: "thirty", 40: "forty", 50: "fifty"}

# Shared pools: many stories draw from the same cities and officials on purpose.
CITIES = """Lisbon Porto Valencia Seville Lyon Marseille Toulouse Nantes Turin Naples Genoa Bologna Krakow Gdansk
Poznan Brno Graz Linz Ghent Antwerp Utrecht Eindhoven Aarhus Malmo Bergen Tampere Tartu Kaunas Cluj Varna
Izmir Bursa Adana Tabriz Shiraz Multan Quetta Pune Nagpur Surat Indore Kochi Madurai Chittagong Khulna Sylhet
Rajshahi Medan Surabaya Cebu Davao Penang Ipoh Haiphong Danang Chiang Mai Mombasa Kisumu Arusha Kumasi Ibadan
Kano Enugu Oran Sfax Fez Tanger Curitiba Recife Fortaleza Rosario Mendoza Cordoba Arequipa Cusco Cali Medellin
Guadalajara Monterrey Puebla Tijuana Calgary Halifax Tucson Omaha Spokane Fresno""".split()
REGIONS = """the northern province|the coastal district|the eastern highlands|the river delta|the southern plains|
the western valley|the central region|the border area|the lake district|the industrial belt""".replace("\n", "").split("|")
FIRST = """Amara Bilal Carmen Dario Elif Farid Greta Hamid Ines Jonas Karin Leon Marta Nadia Omar Pavel Rania Samir
Tomas Ulla Vera Yusuf Zora Anil Beatriz Chen Diego Esra Felix Gita Hugo Irina Jamal Kofi Lena Mateo Nia Oskar Priya
Quentin Rosa Sven Tariq Uma Viktor Wanda Xavier Yara Zaid Adele Bruno Celia Dmitri Emil Fatima Goran Helga Ivo
Jana""".split()
LAST = """Abara Borowski Castell Demir Eriksen Ferreira Gallo Haddad Ibsen Jovanic Kaplan Lindqvist Moreau Novak
Okafor Petrov Quiroga Rahman Sandoval Takeda Ulloa Varga Weber Yilmaz Zeller Achebe Brandt Costa Dufour Espinoza
Fischer Gruber Horvat Ivanova Jensen Kowalski Lopes Mensah Nakamura Olsen Pereira Rossi Santos Tanaka Urquhart
Vasquez Wagner Xu Young Zapata Amin Bauer Cruz Dalton Engel Foster Garcia Hoffman Iqbal Jung Keller Lund Marino
Nilsen Ortega Park Quinn Reyes Schmidt Torres""".split()
STEMS = """Arden Bel Cor Dun Elm Fal Gran Hol Ister Jun Kest Lor Mar Nor Orin Pell Quar Ros Sol Tarn Ulm Ver Wes
Yar Zen Ash Brook Crest Delt Ever Fern Glen Harb Iron Jade Kin Lark Mead North Oak Pine Ridge Stone Thorn Vale
Wind""".split()
TAILS = "ford wick stead mont haven field gate more ton vale bridge worth".split()
OUTLETS = """Morning Ledger|Evening Courier|Daily Beacon|National Wire|City Gazette|Harbour Times|Valley Post|
Continental Herald|Metro Tribune|Coastal Observer|Capital Dispatch|Business Daily|Trade Journal|World Report|
Regional Star|Market Monitor|Civic Record|Northern Chronicle|Southern Standard|The Sentinel|Globe Bulletin|
Press Agency|Union Review|Weekly Examiner|Digital Times|Policy Brief|Open Newsroom|Citizen Voice|Federal Mirror|
Atlantic Digest|Pacific Journal|Insight Weekly|Ledger Online|Briefing Room|News Desk|Frontline Report""".replace(
    "\n", "").split("|")


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _firm(rng: random.Random) -> str:
    return rng.choice(STEMS) + rng.choice(TAILS)


def _num(n: int, rng: random.Random) -> str:
    """A number as a reader finds it: digits, or words for small round ones."""
    if n in NUMBER_WORDS and rng.random() < 0.4:
        return NUMBER_WORDS[n]
    return f"{n:,}"


@dataclass
class Story:
    """One real-world event and the facts every outlet reports about it."""

    id: str
    kind: str
    day: date                           # when the event happened
    facts: dict[str, object]
    sentences: dict[str, list[str]]     # fact -> wording variants ({slots})
    background: list[str] = field(default_factory=list)
    headlines: list[str] = field(default_factory=list)
    plantable: tuple[str, ...] = ()     # facts whose value an outlet may get wrong


def _fire(rng: random.Random, sid: str, day: date) -> Story:
    facts = {"city": rng.choice(CITIES), "firm": _firm(rng) + " " + rng.choice(["Textiles", "Knitwear", "Garments", "Apparel"]),
             "dead": rng.randint(5, 60), "injured": rng.randint(20, 120), "floor": rng.choice(["second", "third", "fourth", "fifth"]),
             "official": _name(rng), "workers": rng.choice([800, 1200, 1500, 2400, 3000]), "cause": rng.choice(
                 ["an electrical fault", "a gas leak", "a boiler explosion"])}
    return Story(sid, "fire", day, facts, {
        "dead": ["A fire at the {firm} factory in {city} killed {dead} workers on {weekday}, officials said.",
                 "At least {dead} people died when fire tore through a {firm} plant in {city} on {weekday}.",
                 "The blaze at {firm} in {city} left {dead} workers dead, the fire service said."],
        "injured": ["Another {injured} workers were taken to hospital with burns.",
                    "Hospitals in {city} treated {injured} injured workers overnight."],
        "floor": ["The fire started on the {floor} floor, where fabric was stored.",
                  "Investigators believe the flames began on the {floor} floor of the building."],
        "official": ["\"We are still searching the upper floors,\" said {official}, the district fire chief.",
                     "{official}, who heads the local fire service, said rescuers worked through the night."],
        "workers": ["The factory employs about {workers} people, according to the owners.",
                    "{firm} has roughly {workers} employees at the site."],
        "cause": ["Preliminary findings point to {cause}, {official} said.",
                  "Officials suspect {cause} caused the blaze."],
    }, ["Garment exports account for a large share of the region's income.",
        "Labour groups have long called for stricter safety inspections in the sector.",
        "It was the deadliest factory accident in the area this year."],
        ["Deadly fire at {firm} factory in {city}", "{city} factory blaze kills {dead}"], ("dead", "weekday", "injured"))


def _merger(rng: random.Random, sid: str, day: date) -> Story:
    a, b = _firm(rng), _firm(rng)
    while b == a:
        b = _firm(rng)
    sector = rng.choice(["Logistics", "Foods", "Energy", "Pharma", "Robotics", "Media"])
    facts = {"buyer": f"{a} {sector}", "target": f"{b} {sector}", "price": rng.choice([1.2, 2.5, 3.8, 4.1, 6.7, 9.3]),
             "jobs": rng.choice([300, 450, 900, 1200, 2000]), "ceo": _name(rng), "city": rng.choice(CITIES),
             "quarter": rng.choice(["first", "second", "third", "fourth"])}
    return Story(sid, "merger", day, facts, {
        "price": ["{buyer} agreed on {weekday} to buy {target} for ${price} billion.",
                  "{buyer} will acquire {target} in a deal worth ${price} billion, the companies said on {weekday}.",
                  "The ${price} billion takeover of {target} by {buyer} was announced on {weekday}."],
        "jobs": ["The combined company plans to cut {jobs} jobs.",
                 "About {jobs} positions will be eliminated after the merger, the firms said."],
        "ceo": ["\"This deal makes us stronger,\" said {ceo}, chief executive of {buyer}.",
                "{ceo}, the chief executive of {buyer}, will lead the merged group."],
        "quarter": ["The deal is expected to close in the {quarter} quarter.",
                    "Completion is planned for the {quarter} quarter, subject to regulatory approval."],
        "city": ["The merged company will keep its headquarters in {city}.",
                 "{target} is based in {city}."],
    }, ["Consolidation in the sector has accelerated over the past two years.",
        "Shares of both companies rose in early trading.",
        "Analysts said competition regulators would look closely at the deal."],
        ["{buyer} to buy {target}", "{target} agrees to takeover"], ("price", "jobs", "weekday"))


def _treaty(rng: random.Random, sid: str, day: date) -> Story:
    topic = rng.choice(["fisheries", "water-sharing", "trade", "climate", "migration", "aviation", "shipping"])
    facts = {"topic": topic, "accord": _firm(rng) + " Accord", "city": rng.choice(CITIES), "countries": rng.choice([12, 18, 24, 35, 41, 57]),
             "ratify": rng.choice([10, 15, 20, 30]), "envoy": _name(rng), "body": rng.choice(
                 ["the regional council", "the bloc's secretariat", "the commission"])}
    return Story(sid, "treaty", day, facts, {
        "countries": ["Delegates from {countries} countries signed the {accord} on {topic} in {city} on {weekday}.",
                      "The {accord}, a treaty on {topic}, was signed in {city} on {weekday} by {countries} governments.",
                      "{countries} states put their names to the {accord} on {topic} in {city}."],
        "ratify": ["The {accord} will enter into force once {ratify} countries ratify it.",
                   "It takes effect only after ratification by {ratify} states."],
        "envoy": ["\"This is a turning point,\" said {envoy}, who chaired the talks.",
                  "{envoy}, the chief negotiator, called the signing historic."],
        "body": ["Implementation will be overseen by {body}.",
                 "{body} will monitor compliance, officials said."],
    }, ["Negotiations had lasted more than three years.",
        "Several environmental groups criticised the final text as too weak.",
        "Not every member state attended the ceremony."],
        ["{accord} signed in {city}", "{countries} nations back {accord}"], ("countries", "weekday", "ratify"))


def _flood(rng: random.Random, sid: str, day: date) -> Story:
    facts = {"region": rng.choice(REGIONS), "river": _firm(rng) + " River", "dead": rng.randint(3, 80),
             "displaced": rng.choice([5000, 12000, 20000, 45000, 80000]), "minister": _name(rng),
             "rain": rng.choice([150, 200, 240, 310])}
    return Story(sid, "flood", day, facts, {
        "dead": ["Floods in {region} killed {dead} people after the {river} burst its banks on {weekday}.",
                 "At least {dead} people died as the {river} flooded {region} on {weekday}.",
                 "The death toll from flooding along the {river} rose to {dead}, officials said."],
        "displaced": ["More than {displaced} residents were forced from their homes.",
                      "Some {displaced} people have been displaced by the {river} floods."],
        "minister": ["Disaster management minister {minister} visited the area and promised aid.",
                     "\"Relief is on its way,\" minister {minister} said."],
        "rain": ["Up to {rain} millimetres of rain fell in two days.",
                 "Forecasters recorded {rain} mm of rainfall over the weekend."],
    }, ["Seasonal floods hit the area almost every year.",
        "Aid agencies warned of the risk of waterborne disease.",
        "Roads and bridges were washed away in several villages."],
        ["{river} floods kill {dead}", "Thousands displaced as {river} overflows"], ("dead", "displaced", "weekday"))


def _strike(rng: random.Random, sid: str, day: date) -> Story:
    facts = {"union": _firm(rng) + " Workers Union", "firm": _firm(rng) + " " + rng.choice(["Motors", "Rail", "Ports", "Steel"]),
             "workers": rng.choice([1500, 3000, 6000, 9000, 14000]), "days": rng.choice([2, 3, 5, 7]),
             "raise": rng.choice([8, 10, 12, 15]), "leader": _name(rng), "city": rng.choice(CITIES)}
    return Story(sid, "strike", day, facts, {
        "workers": ["Some {workers} workers at {firm} walked out on {weekday}.",
                    "About {workers} employees of {firm} in {city} began a strike on {weekday}.",
                    "A strike by {workers} {firm} staff halted work in {city}."],
        "days": ["The {union} said the strike would last {days} days.",
                 "The walkout is planned to run for {days} days."],
        "raise": ["The union is demanding a {raise}% pay rise.",
                  "Workers want wages raised by {raise} percent."],
        "leader": ["\"We will not back down,\" said {leader}, leader of the {union}.",
                   "{leader}, who heads the {union}, said talks had failed."],
    }, ["Inflation has eroded wages across the industry.",
        "Management said it had made a fair offer.",
        "Production lines stood idle for most of the day."],
        ["Strike halts {firm}", "{firm} workers walk out"], ("workers", "raise", "weekday"))


def _court(rng: random.Random, sid: str, day: date) -> Story:
    facts = {"defendant": _name(rng), "court": f"the {rng.choice(CITIES)} High Court", "years": rng.choice([3, 5, 7, 9, 12]),
             "fine": rng.choice([2, 5, 8, 14]), "judge": _name(rng), "charge": rng.choice(
                 ["fraud", "bribery", "tax evasion", "money laundering"])}
    return Story(sid, "court", day, facts, {
        "years": ["{court} sentenced {defendant} to {years} years in prison for {charge} on {weekday}.",
                  "{defendant} was jailed for {years} years by {court} on {weekday}.",
                  "On {weekday}, {court} handed {defendant} a {years}-year sentence for {charge}."],
        "fine": ["{defendant} was also fined ${fine} million.",
                 "The court imposed a fine of ${fine} million."],
        "judge": ["Judge {judge} said the evidence was overwhelming.",
                  "\"The harm done was considerable,\" judge {judge} said."],
        "appeal": ["Lawyers for {defendant} said they would appeal.",
                   "The defence plans to challenge the verdict."],
    }, ["The case had drawn wide public attention.",
        "Prosecutors had asked for a longer sentence.",
        "Anti-corruption campaigners welcomed the ruling."],
        ["{defendant} jailed for {charge}", "{years} years for {defendant}"], ("years", "fine", "weekday"))


def _quake(rng: random.Random, sid: str, day: date) -> Story:
    facts = {"town": rng.choice(CITIES), "magnitude": rng.choice([5.4, 5.9, 6.1, 6.6, 7.0, 7.3]),
             "dead": rng.randint(2, 90), "depth": rng.choice([10, 15, 30, 45]), "agency": rng.choice(
                 ["the national seismology centre", "the geological survey", "the earthquake institute"]),
             "mayor": _name(rng)}
    return Story(sid, "quake", day, facts, {
        "magnitude": ["A magnitude {magnitude} earthquake struck near {town} on {weekday}, {agency} said.",
                      "{agency} measured the {weekday} quake near {town} at magnitude {magnitude}."],
        "dead": ["The earthquake killed at least {dead} people in and around {town}.",
                 "Rescuers have recovered {dead} bodies from collapsed buildings."],
        "depth": ["The quake hit at a depth of {depth} kilometres.",
                  "Its epicentre was {depth} km below the surface."],
        "mayor": ["{town} mayor {mayor} said dozens of buildings were damaged.",
                  "\"Many families have lost everything,\" said {mayor}, the mayor of {town}."],
    }, ["Aftershocks continued through the night.",
        "Schools were closed while engineers inspected buildings.",
        "The region sits on an active fault line."],
        ["Quake near {town} kills {dead}", "Magnitude {magnitude} tremor hits {town}"], ("dead", "magnitude", "weekday"))


def _election(rng: random.Random, sid: str, day: date) -> Story:
    share = rng.choice([41, 44, 47, 52, 55, 58])
    facts = {"winner": _name(rng), "loser": _name(rng), "share": share, "turnout": rng.choice([48, 53, 61, 66, 72]),
             "city": rng.choice(CITIES), "party": _firm(rng) + " Party"}
    return Story(sid, "election", day, facts, {
        "share": ["{winner} won the {city} mayoral election on {weekday} with {share}% of the vote.",
                  "Voters in {city} elected {winner} as mayor on {weekday}, giving the {party} candidate {share} percent.",
                  "{winner} of the {party} took {share}% in {city}'s mayoral race."],
        "turnout": ["Turnout was {turnout}%, the electoral commission said.",
                    "About {turnout} percent of registered voters cast a ballot."],
        "loser": ["{loser} conceded defeat late in the evening.",
                  "Rival candidate {loser} said he would accept the result."],
        "pledge": ["{winner} has promised to expand public transport.",
                   "The new mayor pledged to build more affordable housing."],
    }, ["The campaign was dominated by housing costs.",
        "Observers reported no major irregularities.",
        "The new council will meet for the first time next month."],
        ["{winner} wins {city} mayoral race", "{city} elects {winner}"], ("share", "turnout", "weekday"))


# background any story may carry: shared across stories on purpose
GENERIC = ["Officials said more details would be released in the coming days.",
           "The government has faced criticism over its handling of similar events.",
           "Local media reported the news first.",
           "Reporters at the scene described a tense atmosphere.",
           "Opposition lawmakers demanded an independent inquiry.",
           "The news dominated social media throughout the day.",
           "A spokesperson declined to comment further when contacted by phone."]

KINDS = [_fire, _merger, _treaty, _flood, _strike, _court, _quake, _election]


# the kind of discrepancy each plantable fact makes (planted.csv's `kind` column, bench/run.py's recall rows)
PLANT_KINDS = {"weekday": "weekday", "price": "amount", "fine": "amount", "magnitude": "amount",
               "raise": "amount", "share": "amount", "turnout": "amount", "status": "status"}  # others: "count"
# "in force now" against "in force only once ratified": the treaty's founding fact worded as a status
STATUS = ["The {accord} is already in force.",
          "The {accord} has already taken effect.",
          "The {accord} entered into force as soon as it was signed."]


# running figures (a toll, the injured, the displaced, the signatories): a later article may raise them
# without contradicting the earlier ones (issue 13), so an outlet that gets one wrong publishes on the
# event's day, where every other outlet's value is of the same day or later, and lower
RUNNING = frozenset({"dead", "injured", "displaced", "countries"})
# figures written after a currency sign stay digits ("$5 million", never "$five million")
MONEY = frozenset({"fine", "price"})


def plant_kind(fact: str) -> str:
    return PLANT_KINDS.get(fact, "count")


def _wrong(fact: str, value: object, rng: random.Random) -> object:
    """A plausible but different value: what a careless outlet reports."""
    if fact == "weekday":
        return WEEKDAYS[(WEEKDAYS.index(str(value)) + rng.choice([1, 2, 5, 6])) % 7]
    if isinstance(value, float):
        return round(value + rng.choice([-0.8, -0.5, 0.6, 1.1]), 1)
    if isinstance(value, int):
        return value + max(2, int(value * rng.choice([0.2, 0.3, 0.5])))
    return value


@dataclass
class Article:
    id: str
    story: Story
    outlet: str
    published: date
    text: str
    planted: tuple[str, object, object] | None
    stated: tuple[str, ...] = ()             # the fact templates of the body, as kept
    values: dict[str, object] = field(default_factory=dict)   # fact -> value this outlet reports


def states_event_day(template: str) -> bool:
    """Whether a template names the event's weekday, not only the day someone spoke of it."""
    return "{weekday}" in template and "said on {weekday}" not in template


def _render(story: Story, outlet: str, rng: random.Random, plant: str | None,
            status: str | None = None) -> Article:
    """One outlet's article; `status` (a STATUS line) replaces the ratification fact without drawing
    from `rng`, so every other article is the same with or without status plants."""
    facts = dict(story.facts)
    facts["weekday"] = WEEKDAYS[story.day.weekday()]
    planted = None
    if status:
        planted = ("status", "pending ratification", "in force")
    elif plant:
        wrong = _wrong(plant, facts[plant], rng)
        planted = (plant, facts[plant], wrong)
        facts[plant] = wrong
    values = dict(facts)
    for key, value in list(facts.items()):
        if isinstance(value, int) and not isinstance(value, bool) and key not in ("weekday",):
            worded = _num(value, rng)   # drawn for every figure, so the RNG stream is as before
            facts[key] = f"{value:,}" if key in MONEY else worded
    published = story.day + timedelta(days=rng.choice([0, 1, 1, 2]))
    if planted and planted[0] in RUNNING:
        # a higher running figure published a day after a lower one is an update, not an error
        published = story.day
    chosen = [rng.choice(variants) for variants in story.sentences.values()]
    if status:
        plant = "ratify"
        chosen[list(story.sentences).index(plant)] = status
    if plant == "weekday" and not states_event_day(chosen[0]):
        # a planted weekday must be stated as the event's day (it was dropped with a lead that names
        # no day, and "the companies said on Friday" dates a statement, which may come a day after
        # the deal); chosen without drawing from `rng`, so the rest of the corpus is unchanged
        chosen[0] = next(v for v in list(story.sentences.values())[0] if states_event_day(v))
    # a planted fact must be stated: outlets that get it wrong always report it
    order = list(range(len(chosen)))
    lead, rest = order[0], order[1:]
    rng.shuffle(rest)
    keep = [lead] + [i for i in rest if rng.random() < 0.85 or (plant is not None and list(story.sentences)[i] == plant)]
    body = [chosen[i] for i in keep] + rng.sample(story.background + GENERIC, k=rng.randint(3, 6))
    if rng.random() < 0.5:
        body.insert(rng.randint(1, len(body)), f"The event took place on {MONTHS[story.day.month - 1]} {story.day.day}.")
    lines = [line.format(**facts) for line in [rng.choice(story.headlines)] + body]
    text = "\n".join([f"Published: {published.isoformat()}"] + [s[0].upper() + s[1:] for s in lines]) + "\n"
    return Article("", story, outlet, published, text, planted, tuple(chosen[i] for i in keep), values)


# qualifiers a template puts before a figure, and what they allow ("about" as factcheck reads it: ±10 %)
_BOUNDS = (("at least ", "lower"), ("more than ", "lower"), ("up to ", "upper"), ("some ", "about"),
           ("about ", "about"), ("roughly ", "about"))


def _statement(article: Article, fact: str) -> tuple[object, str] | None:
    """(value, bound) of `fact` as the article states it, or None when it does not."""
    if fact == "status":
        return ("in force", "exact") if article.planted and article.planted[0] == "status" else None
    template = next((t for t in article.stated if "{" + fact + "}" in t
                     and (fact != "weekday" or states_event_day(t))), None)
    if template is None:
        return None
    before = template.split("{" + fact + "}")[0].lower()
    bound = next((b for cue, b in _BOUNDS if before.endswith(cue)), "exact")
    return article.values[fact], bound


def _interval(value: object, bound: str) -> tuple[float, float]:
    v = float(value)  # type: ignore[arg-type]
    return {"lower": (v, float("inf")), "upper": (float("-inf"), v), "about": (0.9 * v, 1.1 * v)}.get(bound, (v, v))


def contradicts(planted: Article, other: Article) -> bool:
    """Whether `other` states the planted fact in words the planted article's cannot share:
    "more than 80,000" does not contradict "some 96,000", so that plant is no discrepancy."""
    fact = planted.planted[0] if planted.planted else ""
    if fact == "status":   # the others' "will enter into force once N countries ratify it"
        return _statement(other, "ratify") is not None
    mine, theirs = _statement(planted, fact), _statement(other, fact)
    if mine is None or theirs is None:
        return False
    if not isinstance(mine[0], (int, float)):
        return mine[0] != theirs[0]
    # bodies recovered so far are no more than the dead, and say nothing else about the toll:
    # "recovered 53 bodies" does not contradict "killed at least 79" (nor "killed 50": fewer found)
    recovered = [_recovers(planted, fact), _recovers(other, fact)]
    if recovered[0] != recovered[1]:
        mine, theirs = [(value, "lower" if found else bound) for (value, bound), found in zip((mine, theirs), recovered)]
    (a_low, a_high), (b_low, b_high) = _interval(*mine), _interval(*theirs)
    return a_high < b_low or b_high < a_low


def _recovers(article: Article, fact: str) -> bool:
    """The article states the fact as bodies recovered, a count that only grows towards the toll."""
    return any("{" + fact + "} bodies" in t for t in article.stated)


def generate(out: Path, articles: int, seed: int = 7) -> None:
    """Write `articles` articles (about 4.5 per story) with their answer keys under `out`."""
    rng = random.Random(seed)
    # status plants draw from their own stream, so adding them left every other article as it was
    status_rng = random.Random(f"{seed}-status")
    start = date(2024, 1, 1)
    made: list[Article] = []
    n = 0
    while len(made) < articles:
        n += 1
        sid = f"s{n:05d}"
        story = rng.choice(KINDS)(rng, sid, start + timedelta(days=rng.randint(0, 540)))
        outlets = rng.sample(OUTLETS, k=min(rng.randint(3, 6), articles - len(made)) or 1)
        planted_at = rng.randrange(len(outlets)) if rng.random() < 0.35 and len(outlets) >= 3 else -1
        status_at = -1
        if story.kind == "treaty" and planted_at < 0 and len(outlets) >= 3 and status_rng.random() < 0.7:
            status_at = status_rng.randrange(len(outlets))
        for k, outlet in enumerate(outlets):
            plant = rng.choice(story.plantable) if k == planted_at else None
            status = status_rng.choice(STATUS) if k == status_at else None
            made.append(_render(story, outlet, rng, plant, status))
    rng.shuffle(made)   # an archive is not sorted by story
    folder = out / "sources"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    with open(out / "stories.csv", "w", newline="", encoding="utf-8") as s, \
            open(out / "planted.csv", "w", newline="", encoding="utf-8") as p:
        stories, planted = csv.writer(s, lineterminator="\n"), csv.writer(p, lineterminator="\n")
        stories.writerow(["source", "story", "kind", "outlet", "published"])
        planted.writerow(["source", "story", "kind", "fact", "true_value", "planted_value", "contradicted_by"])
        by_story: dict[str, list[Article]] = {}
        for article in made:
            by_story.setdefault(article.story.id, []).append(article)
        for i, article in enumerate(made):
            article.id = f"a{i:06d}"
            (folder / f"{article.id}.txt").write_text(article.text, encoding="utf-8")
            stories.writerow([article.id, article.story.id, article.story.kind, article.outlet, article.published])
            if article.planted:
                against = sum(contradicts(article, o) for o in by_story[article.story.id] if o is not article)
                planted.writerow([article.id, article.story.id, plant_kind(article.planted[0]), *article.planted, against])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    generate(args.out, args.articles, args.seed)
    print(f"wrote {args.articles} articles to {args.out / 'sources'}")


if __name__ == "__main__":
    main()

"""Every entry of the matching and clause lexicons does what its list says."""
from __future__ import annotations

import re

import pytest

from factcheck.judgement import attribution, claims
from factcheck import lexicon
from factcheck.slots import places, terms

CONCEPTS = lexicon.load("concepts")["concepts"]
VERBS = lexicon.load("verbs")
PLACES = lexicon.load("places")


def test_every_data_file_loads_and_validates() -> None:
    for name in lexicon.data_names():
        assert lexicon.load(name)["about"]


@pytest.mark.parametrize("concept, entry", [(c, e) for c, entries in CONCEPTS.items() for e in entries])
def test_every_concept_entry_folds_to_its_concept(concept: str, entry: str) -> None:
    assert terms.CONCEPT_PREFIX + concept in terms.terms(f"they said {entry} here")


def test_events_and_roles_name_concepts() -> None:
    data = lexicon.load("concepts")
    assert set(data["events"]) <= set(CONCEPTS)
    assert terms.vocabulary_roles() <= set(CONCEPTS)


@pytest.mark.parametrize("word", lexicon.load("stopwords")["words"])
def test_every_stopword_is_left_out_of_terms(word: str) -> None:
    if terms.concept_of(word):
        pytest.skip(f"{word!r} is also a concept entry, which takes precedence")
    assert terms.terms(word) == ()


@pytest.mark.parametrize("text, term", [
    # a march (a protest) is content; the month is a time, blanked before terms are read
    ("a march by nurses through the city", "march"),
    ("the nurses marched through the city", "march"),
])
def test_event_nouns_that_are_month_names_stay_terms(text: str, term: str) -> None:
    assert term in terms.terms(text)


@pytest.mark.parametrize("text, expected", [
    # a final (the match) is its own event, not the closing of a deal ("finalise" shares its stem)
    ("the cup final was played on Sunday", ("cup", "@final-match", "play")),
    ("the merger was finalised on Friday", ("@takeover", "@close-deal")),
    # degree and sequence adverbs carry no fact, whatever concept their stem looks like
    ("the ship finally sank", ("ship", "@sink")),
    ("the barge capsized completely", ("barg", "@sink")),
    # the half-time break, named with a preposition; a break or an interval elsewhere is no half-time
    ("level at the interval", ("level", "@half-time")),
    ("a break in the talks", ("break", "@meet")),
    ("the interval between trains", ("interval", "train")),
    # words in not_by_stem keep their own stem: no authorising, no military, no meeting, no naming
    ("the authorities said", ("author",)),
    ("residents were forced to leave", ("@people", "forc", "leav")),
    ("the blaze was set deliberately", ("@fire", "deliber")),
    ("the ferry listed badly", ("ferri", "list", "bad")),
])
def test_words_sharing_a_stem_with_another_concept(text: str, expected: tuple[str, ...]) -> None:
    assert terms.terms(text) == expected


@pytest.mark.parametrize("word", sorted(lexicon.load("concepts")["not_by_stem"]))
def test_every_word_kept_from_a_stem_would_take_a_concept_by_it(word: str) -> None:
    vocab = terms.vocabulary()
    assert word not in vocab.word_concept  # a listed word takes its concept whatever this list says
    assert terms.stem(word) in vocab.stem_concept  # else the entry guards nothing
    assert terms.concept_of(word) is None


@pytest.mark.parametrize("word", VERBS["auxiliaries"] + VERBS["irregular_past"] + VERBS["present_verbs"])
def test_verb_lists_are_verbs(word: str) -> None:
    assert claims.is_verb(word)


@pytest.mark.parametrize("word", VERBS["not_verbs_ed"])
def test_ed_words_that_are_not_verbs(word: str) -> None:
    assert not claims.is_verb(word)


@pytest.mark.parametrize("verb", VERBS["reporting"])
def test_every_reporting_verb_peels_off_the_speaker(verb: str) -> None:
    sentence = f"The bridge will reopen in May, the officials {verb}."
    piece = claims.split_sentence(sentence)[0]
    assert piece.attribution == "officials"
    assert sentence[piece.start:piece.end] == "The bridge will reopen in May"


@pytest.mark.parametrize("verb", VERBS["denying"])
def test_every_denying_verb_negates_the_clause(verb: str) -> None:
    sentence = f"The company {verb} that any workers had been detained."
    piece = claims.split_sentence(sentence)[0]
    assert piece.denied


@pytest.mark.parametrize("verb", VERBS["confirming"])
def test_every_confirming_verb_marks_the_clause(verb: str) -> None:
    piece = claims.split_sentence(f"The company {verb} that two workers had been detained.")[0]
    assert piece.confirmed and not piece.denied


@pytest.mark.parametrize("cue", VERBS["negations"])
def test_every_negation_cue_negates_the_next_event(cue: str) -> None:
    text = f"The minister {cue} attended the summit"
    assert claims.negated_events(text, attribution.Piece(0, len(text))) == ("attend",)


def _status(marker: str) -> str | None:
    text = f"The agency says the plan {marker} the review"
    return claims.status_of(text, attribution.Piece(0, len(text)))[0]


@pytest.mark.parametrize("marker", VERBS["uncertain"])
def test_uncertain_markers(marker: str) -> None:
    assert _status(marker) == "unknown"


@pytest.mark.parametrize("marker", VERBS["conditional_markers"])
def test_conditional_markers(marker: str) -> None:
    assert _status(marker) == "conditional"


@pytest.mark.parametrize("marker", [m for m in VERBS["done_markers"]])
def test_done_markers(marker: str) -> None:
    assert _status(marker) == "done"


@pytest.mark.parametrize("marker", VERBS["expected_markers"])
def test_expected_markers(marker: str) -> None:
    assert _status(marker) == "expected"


@pytest.mark.parametrize("marker", VERBS["future_markers"])
def test_future_markers(marker: str) -> None:
    assert _status(marker) in ("expected", "scheduled")


@pytest.mark.parametrize("marker", VERBS["past_markers"])
def test_past_markers(marker: str) -> None:
    assert claims.tense_of(f"the plan {marker} approved") == "past"


@pytest.mark.parametrize("demonym, code", sorted(PLACES["demonyms"].items()))
def test_every_demonym_resolves_the_capital(demonym: str, code: str) -> None:
    found = places.find_places(f"The talks were held in the {demonym} capital.")
    assert [p.country for p in found] == [code]
    if code in PLACES["capitals"]:
        assert found[0].name == PLACES["capitals"][code]


@pytest.mark.parametrize("country", sorted(PLACES["countries"]))
def test_every_country_is_a_place(country: str) -> None:
    found = places.find_places(f"Talks were held in {country}, officials said.")
    assert country in [p.name for p in found]


def test_every_city_is_a_place() -> None:
    missed = []
    for city in PLACES["cities"]:
        found = places.find_places(f"Talks were held in {city}, officials said.")
        if city not in [p.name for p in found]:
            missed.append(city)
    assert not missed, missed[:20]


@pytest.mark.parametrize("event", sorted(lexicon.load("concepts")["counting_events"]))
def test_every_counting_event_compares_bare_figures(event: str) -> None:
    """For an event that counts people, 'the toll stood at 29' is a count of people."""
    from pathlib import Path

    from factcheck.judgement import compare
    from factcheck.inputs import segment
    from factcheck.records import Source

    def claim(text: str):
        source = Source(id="s", path=Path("s.txt"), text=text)
        return claims.extract(source, segment.segment(source))[0]

    a, b = claim("The figure stood at 29 on Monday."), claim("It said 34 people were affected.")
    reason = compare._number_conflict(a, b, False, frozenset({event}))
    assert reason and "29" in reason and "34" in reason
    assert compare._number_conflict(a, b, False, frozenset()) is None


@pytest.mark.parametrize("event", sorted(lexicon.load("concepts")["completion_events"]))
def test_a_pending_condition_holds_every_completion_event(event: str) -> None:
    from pathlib import Path

    from factcheck.judgement import match
    from factcheck.inputs import segment
    from factcheck.records import Source

    text = "The sale must still be approved by the board.\n"
    source = Source(id="s", path=Path("s.txt"), text=text)
    found = claims.extract(source, segment.segment(source))[0]
    assert found.status == "conditional"
    assert event in match.profile(found).events


@pytest.mark.parametrize("kind", PLACES["area_kinds"])
def test_every_area_kind_names_a_venue(kind: str) -> None:
    found = places.find_places(f"The boat sank off Oberwald {kind} on Sunday.")
    assert [(p.name, p.kind, p.relation) for p in found] == [(f"Oberwald {kind}", "area", "in")]


@pytest.mark.parametrize("short, code", sorted(PLACES["country_abbreviations"].items()))
def test_every_country_abbreviation_is_a_country(short: str, code: str) -> None:
    found = places.find_places(f"Officials in the {short} said so.")
    assert [(p.country, p.kind) for p in found] == [(code, "country")]
    assert short.lower() not in claims.proper_names(f"Officials in the {short} said so.")


@pytest.mark.parametrize("head", PLACES["facility_heads"])
def test_every_facility_head_names_a_venue(head: str) -> None:
    found = places.find_places(f"The final was held at the Oberwald {head} on Sunday.")
    assert [(p.name, p.kind, p.relation) for p in found] == [(f"Oberwald {head}", "facility", "in")]
    assert places.find_places(f"The {head} was closed.") == []


@pytest.mark.parametrize("pair", lexicon.load("concepts")["opposite_events"])
def test_every_opposite_pair_is_recognised_both_ways(pair: list[str]) -> None:
    x, y = pair
    assert terms.opposed(frozenset({x}), frozenset({y})) == (x, y)
    assert terms.opposed(frozenset({y}), frozenset({x})) == (y, x)
    assert terms.opposed(frozenset({x, y}), frozenset({y})) is None


@pytest.mark.parametrize("marker", VERBS["other_occasion_markers"])
def test_every_other_occasion_marker_separates_occasions(marker: str) -> None:
    from pathlib import Path

    from factcheck.judgement import match
    from factcheck.inputs import segment
    from factcheck.records import Source

    def claim(text: str):
        source = Source(id="s", path=Path("s.txt"), text=text)
        return claims.extract(source, segment.segment(source))[0]

    now = claim("The board cut the dividend.")
    before = claim(f"The board held the dividend at the {marker} review.")
    assert match.different_occasions(now, before)
    assert not match.different_occasions(now, claim("The board held the dividend."))


@pytest.mark.parametrize("determiner", VERBS["other_occurrence_determiners"])
def test_every_other_occurrence_determiner_marks_another_occasion(determiner: str) -> None:
    other = claims.cues().other_occasion
    assert other.search(f"{determiner.capitalize()} quake hit the region on Tuesday.")
    # a figure after it continues a count ("another 11 died"); it names no other occasion
    assert not other.search(f"Ten died in the north and {determiner} 11 in the south.")
    assert not other.search(f"Ten died in the north and {determiner} two in the south.")


@pytest.mark.parametrize("adverb", VERBS["sentence_adverbs"])
def test_every_sentence_adverb_leaves_the_speaker_found(adverb: str) -> None:
    piece = claims.split_sentence(f"{adverb}, the ministry said it would pay the families.")[0]
    assert piece.attribution == "ministry"


@pytest.mark.parametrize("participle", VERBS["reporting_participles"])
def test_every_reporting_participle_keeps_the_speaker(participle: str) -> None:
    found = claims.split_sentence(f"The dam burst on Monday, officials said, {participle} that 12 homes were lost.")
    assert [p.attribution for p in found] == ["officials", "officials"]
    assert " ".join(found[1].view[found[1].start:found[1].end].split()) == "12 homes were lost"


@pytest.mark.parametrize("event", lexicon.load("concepts")["opinion_events"])
def test_every_opinion_event_makes_a_view(event: str) -> None:
    from factcheck.judgement import match

    entry = CONCEPTS[event][0]
    from pathlib import Path

    from factcheck.inputs import segment
    from factcheck.records import Source

    text = f"Local groups {entry} the new airport plan.\n"
    source = Source(id="s", path=Path("s.txt"), text=text)
    found = claims.extract(source, segment.segment(source))[0]
    assert match._is_opinion(match.profile(found))


@pytest.mark.parametrize("participle", VERBS["clause_participles"])
def test_every_clause_participle_starts_a_claim(participle: str) -> None:
    found = claims.split_sentence(f"The storm hit the coast on Friday, {participle} the harbour walls.")
    texts = [" ".join(p.view[p.start:p.end].split()) for p in found]
    assert texts == ["The storm hit the coast on Friday", f"{participle} the harbour walls"]


@pytest.mark.parametrize("region", sorted(PLACES["regions"]))
def test_every_region_is_a_place(region: str) -> None:
    assert region in [p.name for p in places.find_places(f"The plant is in {region}, officials said.")]


@pytest.mark.parametrize("connector", PLACES["connectors"])
def test_every_connector_joins_a_place_name(connector: str) -> None:
    runs = places._capitalised_runs(f"It was held in Oberwald {connector} Lindholm last year.")
    assert (15, 15 + len(f"Oberwald {connector} Lindholm")) in runs


@pytest.mark.parametrize("event", lexicon.load("concepts")["events"])
def test_every_event_is_a_claim_predicate(event: str) -> None:
    from pathlib import Path

    from factcheck.inputs import segment
    from factcheck.records import Source

    entry = CONCEPTS[event][0]
    source = Source(id="s", path=Path("s.txt"), text=f"Officials said the council {entry} the plan on Monday.\n")
    found = claims.extract(source, segment.segment(source))
    assert any(event in (c.predicate or "").split(",") for c in found)


@pytest.mark.parametrize("role", lexicon.load("concepts")["exclusive_roles"])
def test_every_exclusive_role_makes_two_holders_conflict(role: str) -> None:
    from pathlib import Path

    from factcheck import pipeline
    from factcheck.records import Source

    post = CONCEPTS[role][0]
    a = Source(id="a", path=Path("a.txt"), text=f"Maria Gomez will become {post} of the merged port authority.\n")
    b = Source(id="b", path=Path("b.txt"), text=f"Peter Novak will become {post} of the merged port authority.\n")
    result = pipeline.analyse([a, b])
    assert any(c.kind == "who" for c in result.conflicts)


@pytest.mark.parametrize("noun", sorted(lexicon.words("verbs", "evidence_nouns")))
def test_every_evidence_noun_is_the_source_of_its_claim(noun: str) -> None:
    piece = claims.split_sentence(f"The plant closed in May, the {noun} show.")[0]
    assert (piece.attribution, piece.start) == (f"{noun}", 0)


WIRES = lexicon.load("wires")
WIRE_ALIASES = [(agency, alias) for agency, aliases in WIRES["agencies"].items() for alias in aliases]
# one line per credit pattern, in data/wires.json's order; {} is where the agency goes
WIRE_CREDIT_LINES = ["BRELLA, June 3 ({}) - The ferry sank.", "The ferry sank.\n— {}",
                     "{} contributed to this report.", "Source: {}", "By Jane Roe, {}", "© 2025 {}"]


def test_wire_aliases_name_one_agency_each_and_every_pattern_holds_the_agency_once() -> None:
    aliases = [alias for _, alias in WIRE_ALIASES]
    assert len(aliases) == len(set(aliases))
    assert all(agency in aliases for agency, aliases in WIRES["agencies"].items())  # its own name is read too
    assert all(p.count("{agency}") == 1 for p in WIRES["credit_patterns"])
    assert len(WIRES["credit_patterns"]) == len(WIRE_CREDIT_LINES)


@pytest.mark.parametrize("agency, alias", WIRE_ALIASES)
@pytest.mark.parametrize("line", WIRE_CREDIT_LINES)
def test_every_wire_alias_is_read_in_every_credit_line(agency: str, alias: str, line: str) -> None:
    from pathlib import Path

    from factcheck.judgement import reprints
    from factcheck.records import Source

    assert reprints.credits(Source(id="s", path=Path("s.txt"), text=line.format(alias))) == (agency,)


@pytest.mark.parametrize("agency, alias", WIRE_ALIASES)
@pytest.mark.parametrize("line", ["{} reported on Tuesday that the ferry sank.", "The captain told {} the ferry sank.",
                                  "({} Photo/Jane Roe)", "Survivors waited at the quay ({}).", "Staff of {}Link were safe."])
def test_a_mention_of_a_wire_is_no_credit(agency: str, alias: str, line: str) -> None:
    from pathlib import Path

    from factcheck.judgement import reprints
    from factcheck.records import Source

    assert reprints.credits(Source(id="s", path=Path("s.txt"), text=line.format(alias))) == ()


TIME_ZONES = lexicon.load("time_zones")


@pytest.mark.parametrize("word, zone", [*TIME_ZONES["abbreviations"].items(), *TIME_ZONES["names"].items()])
def test_every_time_zone_is_a_zone_and_is_found_after_a_day(word: str, zone: str) -> None:
    from factcheck.slots import zones
    assert zones.tz_of(zone) is not None, f"{zone!r} is neither an offset like +05:30 nor an IANA name"
    assert zones.zone_after(f"The vote closed on Sunday, {word}.", len("The vote closed on Sunday")) == zone


@pytest.mark.parametrize("word, hours", TIME_ZONES["part_of_day_hours"].items())
def test_every_part_of_day_has_hours(word: str, hours: list[int]) -> None:
    assert len(hours) == 2 and 0 <= hours[0] < hours[1] <= 36


CHANGING = lexicon.load("changing_figures")


@pytest.mark.parametrize("noun", CHANGING["counted"])
def test_every_changing_noun_is_read_as_what_a_figure_counts(noun: str) -> None:
    from factcheck.slots import quantities
    (found,) = quantities.find_quantities(f"Officials said 40 {noun} were reported on Monday.")
    assert found.counted == noun


@pytest.mark.parametrize("kind", ["provisional", "revision", "correction"])
def test_every_mark_word_marks_a_running_figure(kind: str) -> None:
    from factcheck.judgement import timeline
    from factcheck.records import Claim, Quantity
    words = CHANGING[kind]
    assert len(set(words)) == len(words) and all(w == w.lower().strip() and w for w in words)
    for word in words:
        toll = Quantity(0, 2, "40", 40, 40, 40, counted="deaths")
        text = f"Officials gave 40 deaths, {word}."
        assert timeline.marks(Claim("a-1", "a", 0, 1, text, 0, 1, quantities=(toll,)), kind), word
        if not set(re.split(r"[\s-]+", word)) & set(CHANGING["count_nouns"]):  # "at last count" names its count
            assert not timeline.marks(Claim("a-1", "a", 0, 1, f"Officials met, {word}.", 0, 1), kind), word


@pytest.mark.parametrize("noun", CHANGING["count_nouns"])
def test_every_count_noun_speaks_of_the_running_figure(noun: str) -> None:
    from factcheck.judgement import timeline
    from factcheck.records import Claim
    assert timeline.marks(Claim("a-1", "a", 0, 1, f"The {noun} was revised.", 0, 1), "revision")


@pytest.mark.parametrize("noun", CHANGING["responders"])
def test_every_responder_is_read_as_what_a_figure_counts(noun: str) -> None:
    from factcheck.slots import quantities
    (found,) = quantities.find_quantities(f"The army sent 40 {noun} to the valley.")
    assert found.counted == noun and noun not in CHANGING["counted"]


def test_changing_events_are_concepts() -> None:
    assert set(CHANGING["events"]) <= set(CONCEPTS)
    assert all(isinstance(word, str) and word for word in CHANGING["events"].values())


SCORES = lexicon.load("scores")


@pytest.mark.parametrize("verb", SCORES["verbs"])
def test_every_result_verb_makes_a_score(verb: str) -> None:
    from factcheck.judgement import attributes
    assert attributes.final_score(f"Riverside {verb} Hollow Town 2-1 on Saturday.") == (2, 1)


@pytest.mark.parametrize("noun", SCORES["nouns"])
def test_every_result_noun_makes_a_score(noun: str) -> None:
    from factcheck.judgement import attributes
    assert attributes.final_score(f"It was a 1-3 {noun} for Riverside on Saturday.") == (3, 1)
    assert attributes.final_score("The plan covers the 2019-20 season and 10-12 people.") is None

"""Compare matched claims slot by slot and label every claim.

Two claims about one fact conflict when their slots cannot both be true:
different days, venues or figures, done versus only-after-a-condition, said
versus denied, or two people in a post only one can hold. Compatible values
(a weekday inside "this weekend", "over 60" and "dozens", planned and
happened) agree. Each conflict carries a reason an editor reads at a glance.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable, Mapping, Sequence

from . import attributes, parse
from . import claims as claims_mod
from . import match as match_mod
from ..slots import clock, places, quantities, quantity_text, sites, terms, when, zones
from .. import components, lexicon
from . import aboard, announcements, event_day, figures, frame_match, holders, lead_day, requests, results, in_article, slot_holders, speakers, stances, story_counts
from ..outputs import table
from ..slots.names import people
from ..records import Claim, Label, TimeMention, Verdict
from .verbs import cues as verb_cues, is_verb, occasion_qualifiers

UNCONDITIONAL = {"done", "scheduled"}
POINT_RELATIONS = match_mod.POINT_RELATIONS
CONDITIONAL = {"conditional"}
# a role conflict needs this much in common besides the names
ROLE_SIMILARITY = 0.45


@dataclass(frozen=True)
class Conflict:
    a: int
    b: int
    kind: str
    reason: str


def _quote(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return f'"{text if len(text) <= limit else text[:limit - 1] + "…"}"'


_NOT_UNTIL = re.compile(r"\b(?:not|n't|no)\b[^.;]*\buntil\b", re.IGNORECASE)


def _is_point(m: TimeMention, c: Claim) -> bool:
    """A time saying when the event happens; 'will not launch until Sunday' says it too."""
    return m.relation in POINT_RELATIONS or (m.relation == "until" and bool(_NOT_UNTIL.search(c.text)))


def _time_conflict(a: Claim, b: Claim, shared_events: frozenset[str], any_events: bool) -> str | None:
    """Times for one event that cannot coincide. Both claims must report the event
    (a strike 'from Thursday' and talks that 'collapsed on Monday' are two events),
    and no time of one may fit a time of the other ('battled on Tuesday against a
    fire that began on February 11' fits 'broke out on Sunday, February 11')."""
    if any_events and not shared_events:
        return None  # one claim reports an event the other does not
    if event_day.dates_a_state(a) or event_day.dates_a_state(b):
        return None  # "it was cold on Tuesday where the quake struck": the cold's day
    if event_day.dates_another_act(a, shared_events) or event_day.dates_another_act(b, shared_events):
        return None  # "on Monday crews searched for survivors of a quake that killed 27": the search's day
    if occasion_qualifiers(a.text) != occasion_qualifiers(b.text):
        return None  # "the women's race was put back to Monday": another competition's day
    points_a = [m for m in a.when if _is_point(m, a)]
    points_b = [m for m in b.when if _is_point(m, b)]
    if any(when.mentions_compatible(x, y) or zones.instants_compatible(x, y) or _same_relative_words(x, y)
           for x in points_a for y in points_b):
        return None  # one day, one moment written in two zones ("early Sunday, India time"), or the same words
    for x in a.when:
        for y in b.when:
            if not (_is_point(x, a) and _is_point(y, b)):
                continue
            if x.granularity not in match_mod.DAY_GRANULARITY or y.granularity not in match_mod.DAY_GRANULARITY:
                continue
            if when.mentions_compatible(x, y) is False:
                return f'when: "{x.text}" ({when.describe(x)}) vs "{y.text}" ({when.describe(y)})'
    return None


_ABSOLUTE = re.compile(r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.IGNORECASE)


def _same_relative_words(x: TimeMention, y: TimeMention) -> bool:
    """One relative time in the same words ("over the weekend", "on Sunday"): told apart only by
    the days the articles came out, which says when each was written, not when the event was."""
    return " ".join(x.text.lower().split()) == " ".join(y.text.lower().split()) and not _ABSOLUTE.search(x.text)


def _events_apart(a: Claim, b: Claim, pa: match_mod.Profile, pb: match_mod.Profile) -> bool:
    """Whether the claims may report two events: both name events, or one does and nothing else
    ties them. An event named on one side only, by a verb no concept lists ("400 dockers walked
    off the job" / "400 dockers began a strike"), is the other's when the same doer or the same
    distinctive count says so."""
    if pa.events and pb.events:
        return True
    if pa.events or pb.events:
        return not (match_mod.same_doer(a, b) or figures.same_counted_quantity(a, b, compatible_only=True))
    return False


def _place_conflict(a: Claim, b: Claim, pa: match_mod.Profile, pb: match_mod.Profile) -> str | None:
    if not a.where or not b.where or match_mod.different_occasions(a, b):
        return None  # (an earthquake in another province "in 2014" is another event)
    if pa.names - pb.names and pb.names - pa.names and not pa.names & pb.names:
        return None  # one firm based in Lyon, another in Turin: two subjects, two places
    pa = [p for p in places.find_places(a.text, a.where) if p.relation == "in"]
    pb = [p for p in places.find_places(b.text, b.where) if p.relation == "in"]
    # places of one kind compared; a city and its province are neither
    clash = places.first_clash(pa, pb, places.same_place)
    if clash is None:
        return None
    x, y = clash
    return f'where: "{x.text}" ({x.name}) vs "{y.text}" ({y.name})'


def _head_count(c: Claim) -> list[quantities.Quantity]:
    """Counts of people in a claim ('killing 34 people', 'the toll stood at 29')."""
    people = terms.CONCEPT_PREFIX + "people"
    return [q for q in c.quantities if q.kind == "cardinal"
            and (q.counted is None or people in terms.terms(q.counted))]


def _number_conflict(a: Claim, b: Claim, shared_subject: bool, shared_events: frozenset[str]) -> str | None:
    """Figures that cannot both hold, about one subject: "inflation will fall to 15%" and
    "the currency has fallen by a fifth" share an event but count different things.

    For events that count people (killed, injured, rescued, missing) the event
    is the subject, and a bare figure ('the toll stood at 29') counts people.
    """
    if event_day.occasions_apart(a, b, shared_events) or any(verb_cues().retraction.search(c.text) for c in (a, b)):
        return None  # a toll on Tuesday and a toll on Wednesday may both be right; a withdrawn one is no claim
    if requests.wished_or_foreseen(a) != requests.wished_or_foreseen(b):
        return None  # "asked for a 4 km zone" / "set a 1 km zone"; "expects 30% by 2030" / "12% last year"
    if (story_counts.at_facility(a.text) != story_counts.at_facility(b.text)
            or story_counts.singles_out_part(a.text) != story_counts.singles_out_part(b.text)):
        return None  # "900 people at the Dorr plant", "in the old town alone, 40": parts of the whole
    if _breakdown(a) or _breakdown(b):
        return None  # "two on board and one in the truck", "100 in Gansu and 11 more": parts, not the total
    # a figure in a condition is the threshold it waits for ("once 20 countries ratify it"), not a
    # count of the fact's own participants ("24 states signed"): compared with thresholds only;
    # the whole of "seven of the train's eight cars derailed" is no count of what derailed
    wholes = _partitive_wholes(a) | _partitive_wholes(b)
    pairs = [(x, y) for x, y in figures.comparable_quantities(a, b)
             if not (_in_condition(x, a) or _in_condition(y, b)) and x not in wholes and y not in wholes
             and not (story_counts.counts_a_part(a.text, x, before_words=False)
                      or story_counts.counts_a_part(b.text, y, before_words=False))]
    if (_partitive_wholes(a) or _partitive_wholes(b)) and a.lemma != b.lemma:
        pairs = []  # a part counted by one deed ("seven of the eight cars derailed"), the whole by another
    # "the five-span bridge" describes the whole; "three spans gave way" counts a part of it
    pairs = [(x, y) for x, y in pairs if _compound(x, a) == _compound(y, b)]
    counting = terms.event_family("counting_events")
    counts_a = _concepts(a) & counting
    counts_b = _concepts(b) & counting
    if (counts_a or counts_b) and not counts_a & counts_b and not frame_match.frame_evidence(a, b):
        # "carrying 462 people" and "300 people missing": two counts of people
        pairs = [(x, y) for x, y in pairs if figures.counted_concept(x) != _PEOPLE]
    if shared_events & counting:
        heads_a, heads_b = ([q for q in _head_count(c) if not story_counts.counts_a_part(c.text, q, before_words=False)]
                            for c in (a, b))  # "named 13 of the injured": a part of them
        if not pairs and len(heads_a) == 1 and len(heads_b) == 1:
            pairs = [(heads_a[0], heads_b[0])]
        shared_subject = True
    pairs = pairs or _thresholds(a, b) or story_counts.occasion_ordinals(a, b)
    shared_subject = shared_subject or bool(shared_events & terms.event_family("amount_events"))  # the story's one fine
    if not shared_subject:
        return None
    # compared per thing counted: "the third coach ... with two clubs" against "the fourth
    # coach ... with two clubs" differ in the coach although the clubs agree
    by_thing: dict[tuple[str | None, str], list[tuple[quantities.Quantity, quantities.Quantity]]] = {}
    for x, y in pairs:
        by_thing.setdefault((figures.counted_concept(x), x.kind), []).append((x, y))
    # a sum or a rate names no noun ("€23m, of which ...", "fell 0.4%"): it clashes only where no
    # two figures of its kind agree with a figure that names none either ("a $1.2bn deal" / "$1,200 million")
    agreeing = {x.kind for x, y in pairs if figures.one_figure(x, y) and (x.counted is None or y.counted is None)}
    clashing = [group for key, group in by_thing.items()
                if (key[0] is not None or (key[1] in _UNNAMED_KINDS and key[1] not in agreeing))
                and not any(figures.one_figure(x, y) for x, y in group)]
    if not pairs or (not clashing and any(figures.one_figure(x, y) for x, y in pairs)):
        return None
    x, y = clashing[0][0] if clashing else pairs[0]
    if quantities.is_reading(x) and match_mod.two_speakers(a, b):
        return None  # two agencies measure apart (a quake's depth or magnitude): neither is wrong
    what = f" {x.counted}" if x.counted else ""
    return f'number{what}: "{x.text}" ({quantity_text.describe(x)}) vs "{y.text}" ({quantity_text.describe(y)})'


_PEOPLE = terms.CONCEPT_PREFIX + "people"
_UNNAMED_KINDS = frozenset({"money", "percent"})  # figures that say what they measure without a noun


def _compound(q: quantities.Quantity, c: Claim) -> bool:
    """The figure is a hyphenated modifier of a noun ("a five-span bridge", "a six-week trial")."""
    return bool(q.counted) and f"{q.text}-{q.counted}".lower() in c.text.lower()


def _concepts(c: Claim) -> frozenset[str]:
    """The concepts a claim's words name ("missing", "kill"), events or not."""
    return frozenset(t[len(terms.CONCEPT_PREFIX):] for t in c.keywords if t.startswith(terms.CONCEPT_PREFIX))


def _in_condition(q: quantities.Quantity, c: Claim) -> bool:
    if c.status != "conditional" or not c.condition:
        return False
    return any(f.text == q.text and f.value == q.value for f in quantities.find_quantities(c.condition))


def _thresholds(a: Claim, b: Claim) -> list[tuple[quantities.Quantity, quantities.Quantity]]:
    """The one figure of each claim's condition when both wait for the same event: "after 30
    ratifications" and "once ratified by 20 countries" count one threshold, as events or as the
    parties doing them (one ratification per country)."""
    if a.status != "conditional" or b.status != "conditional" or not (a.condition and b.condition):
        return []
    if not terms.events(terms.terms(a.condition)) & terms.events(terms.terms(b.condition)):
        return []
    figures = [[q for q in quantities.find_quantities(c.condition or "") if q.kind == "cardinal"] for c in (a, b)]
    return [(figures[0][0], figures[1][0])] if all(len(f) == 1 for f in figures) else []


_PARTITIVE = re.compile(r"\s+of\s+(?:the|its|their|his|her)(?:(?:\s+[\w-]+){0,2}['’]s)?\s+$")  # "of the Orr bridge's"


def _partitive_wholes(c: Claim) -> set[quantities.Quantity]:
    """The wholes of partitives ("seven of the train's eight cars": eight), counted once in a claim."""
    found = sorted(c.quantities, key=lambda q: q.start)
    return {y for x, y in zip(found, found[1:])
            if x.counted in (y.counted, None) and _PARTITIVE.match(c.text[x.end:y.start] + " ") is not None}


def _breakdown(c: Claim) -> bool:
    """The claim counts one kind of thing twice or more: a figure split into parts ("100
    died in Gansu and another 11 in Qinghai") or a part of a whole ("seven of the eight
    cars"), which no single total contradicts."""
    heads = _head_count(c)
    people = terms.CONCEPT_PREFIX + "people"
    counting = {terms.CONCEPT_PREFIX + e for e in terms.event_family("counting_events")}
    seen: set[str] = set()
    previous: str | None = None
    wholes = _partitive_wholes(c)
    for q in c.quantities:
        if q.kind != "cardinal" or q in wholes:
            continue
        thing = figures.counted_concept(q) or "?"
        if q in heads:
            thing = people  # a bare figure in a head count counts people ("100 died ... another 11")
        elif thing in _CONTINUING or thing in counting:
            # "105 killed ... and 11 others", "302 people dead ... and 66 dead": the same count again
            thing = previous or people
        if thing in seen:
            return True
        seen.add(thing)
        previous = thing
    return False


_CONTINUING = frozenset({"other", "others", "more"})


def _has_definite_time(c: Claim) -> bool:
    return any(m.relation == "on" for m in c.when)


def _outside_condition(c: Claim) -> frozenset[str]:
    """The events a conditional claim reports besides its condition: "is expected to sign once he
    passes a medical" reports the signing; the medical is what it waits for."""
    cond = (c.condition or "").removeprefix("if ")
    return terms.events(terms.terms(c.text.replace(cond, " "))) if cond else frozenset()


def _status_conflict(a: Claim, b: Claim, shared_events: frozenset[str]) -> str | None:
    if not shared_events:
        return None
    for x, y in ((a, b), (b, a)):
        if x.status in CONDITIONAL and y.status in UNCONDITIONAL:
            if y.status == "scheduled" and not _has_definite_time(y):
                continue
            reported = _outside_condition(x)
            if reported and not reported & shared_events:
                continue  # the other claim is about the condition ("the medical on Sunday"), not the signing
            state = "done" if y.status == "done" else "set for " + ", ".join(when.describe(m) for m in y.when)
            cond = x.condition or x.text
            first = (y, x) if y is a else (x, y)
            left = f"{_quote(y.text)} ({state})"
            right = f"{_quote(cond)} (only then)"
            return f"status: {left} vs {right}" if first[0] is y else f"status: {right} vs {left}"
    return None


def _clock_conflict(a: Claim, b: Claim) -> str | None:
    """One event at two times of day ("at about 10:30 a.m." / "around 10:43 a.m."), on days that
    may be one: a past event's time does not change."""
    if match_mod.different_occasions(a, b) or "scheduled" in (a.status, b.status):
        return None
    clash = clock.clock_clash(a.text, b.text)
    if clash is None:
        return None
    x, y = clash
    return f'when: "{x.text}" ({clock.describe(x)}) vs "{y.text}" ({clock.describe(y)})'


def _already_conflict(a: Claim, b: Claim) -> str | None:
    """One fact said to be done already ("funding has already been secured") and still to come
    ("the project is still awaiting funding") by two sources: kind "pending", (done, waiting)."""
    if a.source == b.source or match_mod.different_occasions(a, b):
        return None
    for x, y in ((a, b), (b, a)):
        if (x.status == "done" and x.polarity and not x.negated and story_counts.says_already_done(x.text)
                and story_counts.says_still_to_come(y.text) and not story_counts.says_already_done(y.text)):
            return f"pending: {_quote(x.text)} (already done) vs {_quote(y.text)} (still to come)"
    return None


def _polarity_conflict(a: Claim, b: Claim, shared_events: frozenset[str]) -> str | None:
    """One says it happened (or will), the other that it did not, about one doer.

    A negation by another party is no conflict ("the minister did not attend" /
    "the delegations attended"): the subjects must be one participant, or one
    of them unstated. The event is a shared concept or the same predicate lemma;
    or, for a denial with no negated event ("denied that any diesel was removed
    from the depot" / "confirmed that diesel had been stolen"), the match
    itself: the pair was matched as one fact (callers pass matched pairs only).
    """
    if "unknown" in (a.status, b.status) or match_mod.different_occasions(a, b) or stances.not_one_act(a, b):
        return None  # (a hedge against the act: "did not rule out a cut"; two objects: compensation / a fine)
    if stances.conditional_negation(a.text) or stances.conditional_negation(b.text):
        return None  # "will not move without a consultation" sets a condition on the act, it does not deny it
    if requests.asks_for_its_act(a) or requests.asks_for_its_act(b):
        return None  # "asked the court to declare it unlawful" / "rejected the bid": a request and a ruling
    party_a, party_b = a.subject or a.object, b.subject or b.object  # "Norway was not represented": Norway
    if (party_a and party_b and not (a.attribution or b.attribution)
            and not match_mod.same_participant(party_a, party_b)):
        return None  # (a denial or confirmation names its fact in the speaker's words: left to the events)
    for event in sorted(shared_events):
        na, nb = event in a.negated, event in b.negated
        if na != nb:
            return f"negation ({event}): {_quote(a.text)} vs {_quote(b.text)}"
    if (a.lemma and a.lemma == b.lemma and a.polarity != b.polarity and not (a.negated or b.negated)
            and not (_NOT_UNTIL.search(a.text) or _NOT_UNTIL.search(b.text))):  # "not ... until Sunday" says when
        return f"negation ({a.lemma}): {_quote(a.text)} vs {_quote(b.text)}"
    if (a.polarity != b.polarity and not (a.negated or b.negated)
            and not (claims_mod.has_negation(a.text) or claims_mod.has_negation(b.text))
            and not (a.subject and b.subject and not match_mod.same_participant(a.subject, b.subject))):
        # (two subjects: "the minister rejected calls for an inquiry" / "the union asked for one")
        return f"negation (denied): {_quote(a.text)} vs {_quote(b.text)}"
    return None


def _role_conflict(pa: match_mod.Profile, pb: match_mod.Profile, idf: dict[str, float]) -> str | None:
    exclusive = set(terms.vocabulary_roles())
    roles = {t[1:] for t in pa.terms & pb.terms if t.startswith(terms.CONCEPT_PREFIX)} & exclusive
    if not roles or not pa.people or not pb.people or pa.people & pb.people:
        return None
    if any(holders.another_holder_named(p.claim.text, r) for p in (pa, pb) for r in roles):
        return None  # "X, the first president of the republic" / "President Y": two posts
    if pa.events and pb.events and not (pa.events & pb.events):
        return None
    strip = pa.people | pb.people | {n for n in pa.names ^ pb.names}
    a_terms = frozenset(t for t in pa.terms if t not in strip)
    b_terms = frozenset(t for t in pb.terms if t not in strip)
    score = match_mod.similarity(
        match_mod.Profile(pa.claim, a_terms, pa.events, frozenset(), None),
        match_mod.Profile(pb.claim, b_terms, pb.events, frozenset(), None), idf)
    if score < ROLE_SIMILARITY:
        return None
    role = sorted(roles)[0]
    return (f"who ({role}): {', '.join(pa.claim.people)} in {_quote(pa.claim.text)} "
            f"vs {', '.join(pb.claim.people)} in {_quote(pb.claim.text)}")


def _opposite_conflict(a: Claim, b: Claim, pa: match_mod.Profile, pb: match_mod.Profile) -> str | None:
    """One says the rate was cut, the other that it was left unchanged."""
    pair = terms.opposed(pa.events, pb.events)
    if not pair or not _shares_subject(pa, pb) or match_mod.different_occasions(a, b):
        return None
    return f"opposite: {_quote(a.text)} ({pair[0]}) vs {_quote(b.text)} ({pair[1]})"


def _same_parties(pa: match_mod.Profile, pb: match_mod.Profile) -> bool:
    """One event between the same named parties ("the takeover of C by D was announced" / "D
    agreed to buy C"): their figures are about one thing, whoever is the grammatical subject."""
    return bool(pa.events & pb.events) and bool(pa.names) and pa.names == pb.names


def _shares_subject(pa: match_mod.Profile, pb: match_mod.Profile) -> bool:
    """Some content besides the event itself in common."""
    events = {terms.CONCEPT_PREFIX + e for e in pa.events | pb.events}
    return bool((pa.terms & pb.terms) - events)


def find_conflicts(claims: Sequence[Claim], matching: match_mod.Matching,
                   profiles: Sequence[match_mod.Profile] | None = None) -> list[Conflict]:
    # per story block, as matching did: its own IDF, and no role conflict across stories
    profiles = [match_mod.profile(c) for c in claims] if profiles is None else profiles
    idf_of: dict[int, dict[str, float]] = {}
    candidates: list[tuple[int, int]] = []
    for block in matching.blocks or (tuple(range(len(claims))),):
        local = [profiles[i] for i in block]
        idf = match_mod.idf_weights(local)
        for i in block:
            idf_of[i] = idf
        candidates.extend((block[x], block[y]) for x, y in match_mod.candidate_pairs(local, idf))
    out: list[Conflict] = []
    seen: set[tuple[int, int]] = set()
    for m in matching.pairs:
        a, b = claims[m.a], claims[m.b]
        self_reports = match_mod.two_self_reports(a, b)
        two_doers = match_mod.subjects_agree(a, b) is False or self_reports
        shared = profiles[m.a].events & profiles[m.b].events
        for kind, reason in (
            ("opposite", _opposite_conflict(a, b, profiles[m.a], profiles[m.b])),
            ("status", _status_conflict(a, b, shared)),
            ("pending", _already_conflict(a, b)),
            ("negation", _polarity_conflict(a, b, shared)),
            ("when", _time_conflict(a, b, shared, _events_apart(a, b, profiles[m.a], profiles[m.b]))),
            ("when", _clock_conflict(a, b)),
            ("where", _place_conflict(a, b, profiles[m.a], profiles[m.b])),
            ("where", sites.site_conflict(a, b) if not match_mod.different_occasions(a, b) else None),
            ("number", _number_conflict(a, b, _shares_subject(profiles[m.a], profiles[m.b])
                                        or match_mod.same_doer(a, b) or _same_parties(profiles[m.a], profiles[m.b])
                                        or frame_match.frame_evidence(a, b) > 0,
                                        shared)),
            ("vote", attributes.vote_reason(a.text, b.text)),
            ("score", attributes.score_reason(a.text, b.text)),
        ):
            if reason and a.source == b.source and kind in CROSS_SOURCE_KINDS:
                continue  # one article's two days or two negations tell two acts (in_article.py reads its slips)
            if reason and kind == "number" and in_article.not_one_total(a, b):
                continue  # one article's part or second speaker, not a second total
            if reason and two_doers and (kind != "status" or self_reports):
                # two named doers: what one did cannot contradict what the other did ("Norway did
                # not sign", "Chile signed"); a status is the thing's ("granted" / "awaiting"), unless
                # each speaker tells its own act ("the club said it had paid" / "the league said it had not")
                continue
            if reason:
                # a pending pair is (done, still to come): timeline reads it so
                first, second = (m.b, m.a) if kind == "pending" and story_counts.says_already_done(b.text) else (m.a, m.b)
                out.append(Conflict(first, second, kind, reason))
                seen.add((m.a, m.b))
                break
    # conflicts about a person rather than a matched fact: who holds a post, how old someone is
    personal: list[Conflict] = []
    for i, j in sorted(candidates):
        if (i, j) in seen or (claims[i].source == claims[j].source and claims[i].sentence_start == claims[j].sentence_start):
            continue
        reason = _role_conflict(profiles[i], profiles[j], idf_of[i])
        if reason:
            personal.append(Conflict(i, j, "who", reason))
            seen.add((i, j))
    for whole in matching.blocks or (tuple(range(len(claims))),):
        # a "sentence" longer than any a newsroom writes has no frame (parse.MAX_SENTENCE_CHARS) and
        # is no fact of the story: a dozen story-level readers would each scan it (hostile input)
        block = tuple(i for i in whole if len(claims[i].text) <= parse.MAX_SENTENCE_CHARS)
        titled, block = block, tuple(i for i in block if claims[i].title is None)  # title claims: holders.py's alone
        for kind, found in (("age", _age_conflicts(claims, block)), ("who", holders.holder_conflicts(claims, titled)),
                            ("who", slot_holders.slot_conflicts(claims, block)),
                            ("count", story_counts.conflicts(claims, block)),
                            ("tally", story_counts.tally_conflicts(claims, block)),
                            ("speaker", speakers.speaker_conflicts(claims, block)),
                            ("stance", stances.stance_conflicts(claims, block)),
                            ("aboard", aboard.aboard_conflicts(claims, block)),
                            ("distance", aboard.distance_conflicts(claims, block)),
                            ("pending", story_counts.pending_conflicts(claims, block)),
                            ("clock", story_counts.clock_conflicts(claims, block)),
                            ("dimension", story_counts.dimension_conflicts(claims, block)),
                            ("venue", sites.story_conflicts(claims, block)),
                            ("day", event_day.day_conflicts(claims, block)),
                            ("day", lead_day.lead_day_conflicts(claims, block)),
                            ("day", announcements.announcement_day_conflicts(claims, block)),
                            ("result", results.result_conflicts(claims, block)),
                            ("label", story_counts.label_conflicts(claims, block)),
                            ("count", in_article.conflicts(claims, block))):
            for i, j, reason in found:
                if (i, j) not in seen and (j, i) not in seen:
                    personal.append(Conflict(i, j, kind, reason))
                    seen.add((i, j))
    return out + sorted(personal, key=lambda c: (c.a, c.b))


CROSS_SOURCE_KINDS = ("negation", "when")  # matched-pair kinds never read inside one article
PERSONAL_KINDS = ("who", "age", "count", "tally", "speaker", "stance", "aboard", "distance", "pending", "clock",
                  "dimension", "venue", "day", "result", "label")  # found without a match, listed after the matched pairs' conflicts


def _age_conflicts(claims: Sequence[Claim], block: Sequence[int]) -> list[tuple[int, int, str]]:
    """Two ages for one named person anywhere in a story ("Ruiz, 61," / "Ana Ruiz, 62,"):
    an age is the person's whatever the sentence reports, so no match is needed.
    "The 21-year-old scored" is the age of the person the source named last; "The 62-year-old
    bridge" the age of the story's subject, compared across sources only.
    One conflict per pair of sentences, the first claims that state them."""
    stated: dict[str, list[tuple[int, int]]] = {}
    done: set[tuple[tuple[str, int], tuple[str, int]]] = set()
    last_named: dict[str, str] = {}  # source -> the surname it named last
    for i in block:
        c = claims[i]
        referring = attributes.referring_age(c.text)
        if referring is not None:
            age, noun = referring
            if noun is None or noun in lexicon.words("holders", "person_nouns") or is_verb(noun):
                if c.source in last_named:
                    stated.setdefault(last_named[c.source], []).append((i, age))
            else:
                stated.setdefault(_THE_SUBJECT, []).append((i, age))
        beside = attributes.ages(c.text)
        for name, age in beside:
            stated.setdefault(name, []).append((i, age))
        named = [p.lower() for p in people(c.text)] + [name for name, _ in beside]
        if c.subject_named and c.subject and c.subject.split()[-1] in named:
            last_named[c.source] = c.subject.split()[-1]  # the sentence is about its subject
        elif named:
            last_named[c.source] = named[0]
    out = []
    for name, found in stated.items():
        for x, (i, age_i) in enumerate(found):
            for j, age_j in found[x + 1:]:
                a, b = claims[i], claims[j]
                key = ((a.source, a.sentence_start), (b.source, b.sentence_start))
                if age_i == age_j or key in done or key[0] == key[1] or (name == _THE_SUBJECT and a.source == b.source):
                    continue
                done.add(key)
                out.append((i, j, f'age ({name}): "{age_i}" in {_quote(a.text)} vs "{age_j}" in {_quote(b.text)}'))
    return out


_THE_SUBJECT = "the story's subject"


def label(claims: Sequence[Claim], matching: match_mod.Matching, conflicts: Sequence[Conflict],
          family: Mapping[str, str] | None = None) -> list[Verdict]:
    """One verdict per claim: conflicting, else agreeing across sources, else single-source.

    `family` (source id -> reprint family, reprints.family_of; a source without one is its own)
    makes agreement need a claim of another family: copies of one text are one witness. A claim
    echoed by a copy agrees with what its echo agrees with."""
    family_of = family or {}
    # a role conflict joins the two claims' facts: they are about one post; a joined
    # fact keeps its lowest group number
    root = components.lowest_members(max(matching.groups, default=-1) + 1,
                                     [(matching.groups[c.a], matching.groups[c.b]) for c in conflicts])
    groups = [root[g] for g in matching.groups]
    conflicts_of: dict[int, list[tuple[int, str]]] = {}
    for c in conflicts:
        conflicts_of.setdefault(c.a, []).append((c.b, c.reason))
        conflicts_of.setdefault(c.b, []).append((c.a, c.reason))
    outside = _confirmations(claims, matching, family_of)
    members: dict[int, list[str]] = {}
    for claim, g in zip(claims, groups):
        members.setdefault(g, []).append(claim.id)
    name = {g: table.group_id(ids) for g, ids in members.items()}  # from content: stable across runs
    verdicts = []
    for i, claim in enumerate(claims):
        against = sorted(set(conflicts_of.get(i, [])), key=lambda x: claims[x[0]].id)
        against_ids = {j for j, _ in against}
        agree = sorted({claims[j].id for j in outside(i) if j not in against_ids and groups[j] == groups[i]})
        if against:
            verdict_label = Label.CONFLICTING
        elif agree:
            verdict_label = Label.AGREEING
        else:
            verdict_label = Label.SINGLE_SOURCE
        verdicts.append(Verdict(
            claim_id=claim.id,
            label=verdict_label,
            group=name[groups[i]],
            agrees_with=tuple(agree),
            conflicts_with=tuple(claims[j].id for j, _ in against),
            reason="; ".join(dict.fromkeys(r for _, r in against)),
        ))
    return verdicts


def _confirmations(claims: Sequence[Claim], matching: match_mod.Matching,
                   family_of: Mapping[str, str]) -> Callable[[int], Iterable[int]]:
    """For a claim index, the matched claims of other families that confirm it: its own partners
    outside its family, and those of its echoes (its copies in other sources of its family, and
    theirs). Linear in the matched pairs: echoes are joined once (union-find), not walked per claim."""
    def fam(i: int) -> str:
        return family_of.get(claims[i].source, claims[i].source)

    echo: dict[int, int] = {}

    def root(x: int) -> int:
        while echo.get(x, x) != x:
            echo[x] = echo.get(echo[x], echo[x])
            x = echo[x]
        return x

    for m in matching.pairs:
        if claims[m.a].source != claims[m.b].source and fam(m.a) == fam(m.b):
            ra, rb = root(m.a), root(m.b)
            if ra != rb:
                echo[max(ra, rb)] = min(ra, rb)
    found: dict[int, set[int]] = {}
    for m in matching.pairs:
        if fam(m.a) != fam(m.b):
            found.setdefault(root(m.a), set()).add(m.b)
            found.setdefault(root(m.b), set()).add(m.a)
    return lambda i: found.get(root(i), ())

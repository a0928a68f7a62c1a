"""Group claims that state the same fact, across sources and within one.

Candidates come from an inverted index over content terms (no all-pairs
loop), and each candidate pair is scored on IDF-weighted shared terms, with
rapidfuzz catching near-identical words that stemming leaves apart. Gates
keep apart what shares words but not a fact: different events (signing vs
entry into force), different speakers' opinions, different named parties,
and the same number about different things.
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from typing import Callable, Mapping, Sequence

from rapidfuzz import fuzz

from . import claims as claims_mod
from . import figures, frame_match, holders, quotations
from ..slots import names as names_mod
from ..slots import clock, sites, terms, when, zones
from .participants import UNRESOLVED, same_participant
from .verbs import occasion_qualifiers
from ..records import Claim

# a pair is the same fact from this score on (see tests/test_match.py)
SAME_FACT = 0.5
# counts further apart than this are different measurements, not a discrepancy
FAR_APART = 5.0
# the same distinctive count of the same thing ("about 1,000 workers") in both claims
QUANTITY_EVIDENCE = 0.3
# two clusters of matched claims merge into one fact from this average pair score on,
# or when one pair between them is this sure
GROUP_LINK = 0.3
STRONG_LINK = 0.65
# a curated concept says more than a bare word stem
CONCEPT_WEIGHT = 1.5
# what sharing an event concept is worth before the rest of the wording is compared
EVENT_BASE = 0.4
# the same words once figures, days and places are blanked out, and the same names and predicate
SAME_WORDING = 0.65
# one event with one doer ("It takes effect ..." with "it" resolved to the accord named elsewhere)
SAME_DOER = 0.15
# a second (third) event both claims report, beyond the one that makes them comparable
EXTRA_EVENT = 0.1
# one running head count (killed, injured, in hospital: concepts.json counting_events) of the same
# people in both claims: a story has one such figure, however the rest is worded
SAME_HEAD_COUNT = 0.1
# a zero head count in both claims ("no deaths were reported" / "it claimed no lives"): no figure to
# compare, but a story has one such toll
ZERO_TOLL = 0.25
# one doer and one other named participant in both claims: one act with its participants, in other words
SAME_PARTICIPANTS = 0.3
# terms in more than this share of claims are too common to propose candidates
COMMON_SHARE = 0.25
# the same quoted words of one speaker in both claims (quotations.shared_quotation): one utterance
SAME_QUOTATION = 0.65
# one act told as a verb and as a noun, in one place
ACT_AS_NOUN = 0.2
# two title claims giving one post to one person (holders.same_holder_pairs): one fact
SAME_HOLDER = 1.0


@dataclass(frozen=True)
class Profile:
    """What matching needs of one claim, computed once."""

    claim: Claim
    terms: frozenset[str]
    events: frozenset[str]
    names: frozenset[str]
    speaker: str | None

    @cached_property
    def people(self) -> frozenset[str]:
        return frozenset(p.lower() for p in self.claim.people)


@dataclass(frozen=True)
class Match:
    a: int
    b: int
    score: float


@dataclass(frozen=True)
class Matching:
    pairs: tuple[Match, ...]
    groups: tuple[int, ...]       # group number per claim, in claim order
    # claim indices per story block; () means one block holding every claim
    blocks: tuple[tuple[int, ...], ...] = ()


def two_speakers(a: Claim, b: Claim) -> bool:
    """Both claims attributed, to speakers that are not one participant (two agencies, two
    officials): each reports its own measurement or view."""
    if not a.attribution or not b.attribution:
        return False
    return not same_participant(a.attribution.lower(), b.attribution.lower())


def two_named_doers(a: Claim, b: Claim) -> bool:
    """The subjects are two participants, both written as proper names ("Ruiz" / "Berg")."""
    if subjects_agree(a, b) is not False:
        return False
    return frame_match.written_as_name(a, a.subject) and frame_match.written_as_name(b, b.subject)


def two_self_reports(a: Claim, b: Claim) -> bool:
    """Two speakers each saying what it did itself ("The company said it had already ...",
    "The board said it had not yet ..."): two doers, whatever the pronoun hides."""
    if not two_speakers(a, b):
        return False
    return all(c.subject and c.attribution and same_participant(c.subject, c.attribution.lower().split()[-1])
               for c in (a, b))


def subjects_agree(a: Claim, b: Claim) -> bool | None:
    """Whether two claims have one subject: True; False when both name different
    entities ("Norway did not sign" / "Chile signed"); None when either is not named."""
    if not (a.subject_named and b.subject_named):
        return None
    return same_participant(a.subject, b.subject)


def _identity_terms(claim: Claim) -> frozenset[str]:
    """Stems of person names and venues: compared as slots, not as shared wording."""
    words: set[str] = set()
    for name in claim.people:
        words.add(terms.stem(name))
    for match in names_mod.person_names(claim.text):
        words.update(terms.stem(w) for w in match.split())
    for place in claim.where:
        words.update(terms.stem(w) for w in place.split())
    return frozenset(words)


def profile(claim: Claim) -> Profile:
    zone_words = zones.zone_words(claim.text)  # "9:15 p.m. Pacific time": how a time is read
    found = frozenset(claim.keywords) - _identity_terms(claim) - {terms.stem(w) for w in zone_words}
    venue_words = {w.lower().strip(".,'’") for place in claim.where for w in re.split(r"[\s-]+", place)}
    names = (names_mod.proper_names(claim.text) | {p.lower() for p in claim.people}) - venue_words - zone_words
    speaker = None
    if claim.attribution:
        words = claim.attribution.split()
        speaker = words[-1].lower() if words else None
    events = frozenset(claim.predicate.split(",")) if claim.predicate else frozenset()
    if claim.status == "conditional":
        # "must still be approved", "subject to a medical": the thing is not yet in force or complete
        events |= terms.event_family("completion_events")
    return Profile(claim, found, events, frozenset(names), speaker)


def idf_weights(profiles: Sequence[Profile]) -> dict[str, float]:
    profiles = [p for p in profiles if p.claim.title is None]  # title claims: compared by holders.py alone
    df: dict[str, int] = defaultdict(int)
    for p in profiles:
        for t in p.terms:
            df[t] += 1
    n = len(profiles)
    return {t: math.log(1 + n / d) * (CONCEPT_WEIGHT if t.startswith(terms.CONCEPT_PREFIX) else 1.0)
            for t, d in df.items()}


def candidate_pairs(profiles: Sequence[Profile], idf: dict[str, float]) -> set[tuple[int, int]]:
    index: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(profiles):
        for t in p.terms:
            index[t].append(i)
        for key in frame_match.predicate_classes(p.claim.lemma):
            index["~" + key].append(i)  # one act in other words: "defeated" / "beat"
        for q in p.claim.quantities:
            if figures.precise(q):
                index[f"#{q.kind}:{q.unit}:{q.value:g}"].append(i)  # one figure in other words: "£215,000"
    limit = max(8, int(COMMON_SHARE * sum(1 for p in profiles if p.claim.title is None)))
    pairs: set[tuple[int, int]] = set()
    for term, members in index.items():
        if len(members) > limit and not term.startswith(terms.CONCEPT_PREFIX):
            continue
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                pairs.add((members[x], members[y]))
    return pairs


def _fuzzy_shared(a: frozenset[str], b: frozenset[str], idf: dict[str, float]) -> float:
    """Weight of words left unmatched on both sides that are near-identical (ratif/ratifi)."""
    weight = 0.0
    rest_b = [t for t in b - a if not t.startswith(terms.CONCEPT_PREFIX) and len(t) >= 4]
    for t in a - b:
        if t.startswith(terms.CONCEPT_PREFIX) or len(t) < 4:
            continue
        for u in rest_b:
            if t[:3] == u[:3] and fuzz.ratio(t, u) >= 85:
                weight += min(idf.get(t, 1.0), idf.get(u, 1.0))
                break
    return weight


def similarity(a: Profile, b: Profile, idf: dict[str, float], containment: float = 0.5) -> float:
    """IDF-weighted overlap of content terms, from 0 to 1: a blend of how much of the
    shorter claim the longer one contains and of Dice over both."""
    shared = a.terms & b.terms
    wa = sum(idf.get(t, 1.0) for t in a.terms)
    wb = sum(idf.get(t, 1.0) for t in b.terms)
    if not wa and not wb:
        return 1.0  # nothing but the shared event and slots: "injuring 60" / "dozens injured"
    if not wa or not wb:
        return 0.5
    ws = sum(idf.get(t, 1.0) for t in shared) + _fuzzy_shared(a.terms, b.terms, idf)
    overlap = ws / min(wa, wb)
    dice = 2 * ws / (wa + wb)
    return containment * overlap + (1 - containment) * dice


DAY_GRANULARITY = ("day", "part-of-day", "weekend")
# time relations that name when something happens (not a deadline or a start)
POINT_RELATIONS = ("on", "during", "at")


def _slot_evidence(a: Claim, b: Claim, shared_event: bool) -> float:
    """Slots are evidence of one fact: a distinctive number of the same thing in
    both; and, for one event, both saying when (or where) it happens."""
    bonus = 0.0
    if shared_event:
        if any(m.granularity in DAY_GRANULARITY for m in a.when) and any(m.granularity in DAY_GRANULARITY for m in b.when):
            bonus += 0.1
        if a.where and b.where:
            bonus += 0.1
        if same_doer(a, b):
            bonus += SAME_DOER
    if figures.same_counted_quantity(a, b, compatible_only=True) or (figures.transposed_figures(a, b) and not two_speakers(a, b)):
        bonus += QUANTITY_EVIDENCE
    return bonus


def same_doer(a: Claim, b: Claim) -> bool:
    """Both subjects name one entity, in its own words or resolved from a pronoun or a
    description; the frame's doer counts where the wording differs ("It takes effect")."""
    if not (a.subject and b.subject) or a.subject in UNRESOLVED or b.subject in UNRESOLVED:
        return False
    return (a.subject_named or b.subject_named or " " in a.subject) and same_participant(a.subject, b.subject)


def different_occasions(a: Claim, b: Claim) -> bool:
    """Times that cannot be one occasion (held in May, cut on Monday in July), or
    one claim marked as about another occasion ('at its previous meeting')."""
    if claims_mod.about_other_occasion(a.text) != claims_mod.about_other_occasion(b.text):
        return True
    if occasion_qualifiers(a.text) != occasion_qualifiers(b.text):
        return True  # "the women's race was put back to Monday" / "he won the race on Sunday"
    if _names_a_year(a) != _names_a_year(b):
        return True  # "In 2013, a cyclone killed 44 people": a year on one side only marks a background event
    return any(when.mentions_compatible(x, y) is False and not zones.instants_compatible(x, y)
               for x in a.when for y in b.when
               if x.relation in POINT_RELATIONS and y.relation in POINT_RELATIONS)


def dated_by_year(c: Claim) -> bool:
    """The claim dates itself by a year alone ("in 2013", "a strike in June"): an event of another time."""
    return _names_a_year(c)


def _names_a_year(c: Claim) -> bool:
    """The claim dates itself by a year alone ("in 2013"): an event of another time."""
    return any(m.relation in POINT_RELATIONS + ("in",)
               and ((m.granularity == "year" and _YEAR_WRITTEN.search(m.text))
                    or (m.granularity == "month" and m.text.lower().startswith("in ")))  # "a strike in June"
               for m in c.when)


def _years_apart(a: Claim, b: Claim) -> bool:
    """Both date themselves by years that cannot be one ("in 2019" / "in 2021")."""
    return any(when.mentions_compatible(x, y) is False for x in a.when for y in b.when
               if x.granularity == "year" and y.granularity == "year")


_PLANNED = ("scheduled", "expected", "conditional")


def _past_year_against_plan(a: Claim, b: Claim) -> bool:
    """`a` reports something done in a year it writes out; `b` something still to come."""
    written = any(m.granularity == "year" and _YEAR_WRITTEN.search(m.text) and m.relation in POINT_RELATIONS + ("in",)
                  for m in a.when)
    return written and a.status not in _PLANNED and b.status in _PLANNED


def _coarse_time(c: Claim) -> bool:
    return any(m.granularity in ("month", "year") for m in c.when)


_YEAR_WRITTEN = re.compile(r"\b(?:1[89]|20)\d\d\b")  # "in 2013", not "this year"


def _one_day(a: Claim, b: Claim) -> bool:
    """Both claims give one time of day granularity, and the two are one day."""
    days = [[m for m in c.when if m.granularity in DAY_GRANULARITY] for c in (a, b)]
    return (all(len(d) == 1 and len(c.when) == 1 for d, c in zip(days, (a, b)))
            and when.mentions_compatible(days[0][0], days[1][0]) is True)


def _is_opinion(p: Profile) -> bool:
    """A view rather than a checkable fact: a quotation without figures, or a claim
    whose predicate is an opinion ("criticised the price")."""
    if p.claim.quote and not p.claim.quantities:
        return True
    return bool(p.events & terms.event_family("opinion_events"))


def same_fact(a: Profile, b: Profile, idf: dict[str, float]) -> float:
    """The pair's score if it states one fact, else 0."""
    ca, cb = a.claim, b.claim
    if ca.source == cb.source and ca.sentence_start == cb.sentence_start:
        return 0.0
    if ca.source != cb.source and not two_speakers(ca, cb) and quotations.shared_quotation(ca, cb):
        return SAME_QUOTATION  # one utterance framed two ways: no gate below may keep it apart
    if a.events and b.events and not (a.events & b.events) and not terms.opposed(a.events, b.events):
        return 0.0
    if a.speaker and b.speaker and a.speaker != b.speaker and (ca.quote or cb.quote):
        return 0.0
    if _is_opinion(a) != _is_opinion(b):
        return 0.0  # "shareholders criticised the price" is a view, "a 32% premium" a fact
    if "unknown" in (ca.status, cb.status):
        return 0.0  # "declined to say whether ..." asserts nothing to agree or disagree with
    if claims_mod.about_other_occasion(ca.text) != claims_mod.about_other_occasion(cb.text):
        return 0.0  # "at its previous meeting": another occasion, another fact
    if _names_a_year(ca) != _names_a_year(cb) and not (_coarse_time(ca) and _coarse_time(cb)):
        return 0.0  # "in 2019", "a strike in June" on one side only: a background event ("last year" may be 2024)
    if _names_a_year(ca) and _names_a_year(cb) and _years_apart(ca, cb):
        return 0.0  # "lost a semi-final in 2019" / "in 2021": two occasions
    if _past_year_against_plan(ca, cb) or _past_year_against_plan(cb, ca):
        return 0.0  # "In 2019 it closed a plant" / "the plant is due to close by mid-2026"
    shared_events = a.events & b.events
    opposite = terms.opposed(a.events, b.events)
    if opposite:
        shared_events = shared_events | set(opposite)  # one decision, reported two ways
    if shared_events:
        # one event (signing, entry into force): the rest of the wording need only overlap a little
        rest_a = frozenset(t for t in a.terms if t[1:] not in shared_events)
        rest_b = frozenset(t for t in b.terms if t[1:] not in shared_events)
        score = EVENT_BASE + (1 - EVENT_BASE) * similarity(
            Profile(ca, rest_a, a.events, a.names, a.speaker), Profile(cb, rest_b, b.events, b.names, b.speaker), idf)
        # each further event both report is shared wording too ("the injured were taken to hospital")
        score += EXTRA_EVENT * (len(a.events & b.events) - 1)
    else:
        if a.events or b.events:
            # "killing 12 workers" vs "pay the family of each worker who died": an event one
            # claim reports and the other only mentions is no common ground
            named = {terms.CONCEPT_PREFIX + e for e in a.events | b.events}
            a = Profile(ca, a.terms - named, a.events, a.names, a.speaker)
            b = Profile(cb, b.terms - named, b.events, b.names, b.speaker)
            # and a short claim contained in a long one says little without its event
            score = similarity(a, b, idf, containment=0.25)
        else:
            score = similarity(a, b, idf)
        if len(a.terms & b.terms) < 2 and not _fuzzy_shared(a.terms, b.terms, idf):
            score = min(score, SAME_FACT - 0.2)  # one word in common is not one fact; slots may still tell
    if a.terms and a.terms == b.terms and a.names == b.names and ca.lemma == cb.lemma:
        score = max(score, SAME_WORDING)  # "Turnout was 72%" / "Turnout was 93%": one fact, two figures
    if a.terms and a.terms == b.terms and a.names == b.names and _one_day(ca, cb):
        score = max(score, SAME_WORDING)  # "The mayor will be sentenced on 3 March" / "Sentencing is set for March 3"
    if ca.subject_named and cb.subject_named and same_doer(ca, cb) and figures.one_precise_figure(ca, cb):
        score = max(score, SAME_WORDING)  # "Holmvik took £215,000" / "Holmvik was paid £215,000"
    if figures.one_distinctive_figure(ca, cb):
        score = max(score, SAME_WORDING)  # "1,700 medics were flown in" / "more than 1,700 medics are at work"
    spread = figures.number_spread(ca, cb)
    if spread > FAR_APART:
        return 0.0  # 2,000 staff vs four million in the industry: different measurements
    if spread > figures.CLOSE:
        score -= 0.1
    only_a, only_b = a.names - b.names, b.names - a.names
    apart = bool(only_a and only_b and not sites.apart_by_places_only(ca, cb, only_a, only_b))
    if apart:
        score *= 0.6  # each names a party the other lacks; two places for one event are compared as places
    score += _slot_evidence(ca, cb, bool(shared_events))
    if not apart:
        evidence = frame_match.frame_evidence(ca, cb)  # ("Acme's shares rose" / "Apex's shares rose": two doers)
        if evidence >= frame_match.BOTH_ROLES and a.terms <= frame_match.frame_terms(ca) and b.terms <= frame_match.frame_terms(cb):
            score = max(score, SAME_WORDING)  # nothing said but the frame, and the frames agree: "lectures resume" / "classes restart"
        score += evidence
    if (bool(a.events) != bool(b.events) and same_doer(ca, cb) and ca.subject_named and cb.subject_named
            and figures.comparable_quantities(ca, cb)):
        score += SAME_DOER  # "X took 52% in the race" / "X won the election with 62% of the vote": one
        # named doer, the event told by a verb no concept lists on one side (as compare._events_apart)
    if (same_doer(ca, cb) or _subjects_written_as_one_name(ca, cb)) and _other_name_shared(a, b):
        score += SAME_PARTICIPANTS  # "Vessby scored through Aske" / "Vessby went in front through Per Aske"
    if clock.one_distinctive_moment(ca.text, cb.text) and (a.terms & b.terms) and not two_speakers(ca, cb):
        score = max(score, SAME_WORDING)  # "the tremor came at 4.37 am" / "the shock was felt at 04:37"
    if frame_match.act_as_noun(ca, cb) and set(ca.where) & set(cb.where):
        score += ACT_AS_NOUN  # "farmers marched through Madrid" / "a march through the Spanish capital"
    if figures.one_result(ca, cb) and (a.names & b.names) and not two_speakers(ca, cb):
        score = max(score, SAME_WORDING)  # "beat Vennor 3-1 in the final" / "Vennor are out after a 1-3 defeat"
    counting = shared_events & terms.event_family("counting_events")
    if counting and not (ca.polarity or cb.polarity) and not (ca.quantities or cb.quantities):
        score += ZERO_TOLL  # a zero toll told twice: "no deaths were reported" / "it claimed no lives"
    if shared_events & (terms.event_family("counting_events") | terms.event_family("amount_events")) \
            and figures.same_counted_quantity(ca, cb, compatible_only=False):
        score += SAME_HEAD_COUNT  # "40 miners were taken to hospital" / "hospitals treated 31 injured miners"
    return score if score >= SAME_FACT else 0.0


def _subjects_written_as_one_name(a: Claim, b: Claim) -> bool:
    """Both subjects are one participant written as a name, which the model may have tagged as a
    common noun ("Vessby went in front")."""
    return (bool(a.subject and b.subject) and same_participant(a.subject, b.subject)
            and frame_match.written_as_name(a, a.subject) and frame_match.written_as_name(b, b.subject))


def _other_name_shared(a: Profile, b: Profile) -> bool:
    """Both claims name one participant besides their subject ("through Varde")."""
    subject_words = set((a.claim.subject or "").split()) | set((b.claim.subject or "").split())
    return bool((a.names & b.names) - subject_words)


def match_block(claims: Sequence[Claim], profiles: Sequence[Profile] | None = None) -> list[Match]:
    """Scored pairs among `claims` (indices into it), with IDF over these claims only.
    `profiles` are the claims' (`profile`), when the caller has them already."""
    profiles = [profile(c) for c in claims] if profiles is None else profiles
    idf = idf_weights(profiles)
    found: list[Match] = []
    for i, j in sorted(candidate_pairs(profiles, idf)):
        score = same_fact(profiles[i], profiles[j], idf)
        if score:
            found.append(Match(i, j, round(score, 4)))
    found.extend(Match(i, j, SAME_HOLDER) for i, j in holders.same_holder_pairs(claims))  # one post, one person
    return sorted(found, key=lambda m: (m.a, m.b))


BlockMapper = Callable[[Callable[[Sequence[Claim]], list[Match]], list[list[Claim]]], list[list[Match]]]


def blocks_of(claims: Sequence[Claim], story_of: Mapping[str, int] | None) -> tuple[tuple[int, ...], ...]:
    """Claim indices per story, in claim order; one block for everything without stories."""
    if story_of is None:
        return (tuple(range(len(claims))),)
    grouped: dict[int, list[int]] = {}
    for i, c in enumerate(claims):
        grouped.setdefault(story_of[c.source], []).append(i)
    return tuple(tuple(members) for members in grouped.values())


def match(claims: Sequence[Claim], story_of: Mapping[str, int] | None = None,
          map_blocks: BlockMapper | None = None) -> Matching:
    """Match claims within each story (`story_of`: source id -> story; None: one story).

    Claims of different stories are never compared, and each story's IDF is
    its own, so a story scores the same inside a large archive as alone.
    `map_blocks` runs `match_block` over the blocks elsewhere (a Dask cluster).
    """
    blocks = blocks_of(claims, story_of)
    members = [[claims[i] for i in block] for block in blocks]
    results = map_blocks(match_block, members) if map_blocks else [match_block(m) for m in members]
    found: list[Match] = []
    for block, pairs in zip(blocks, results):
        found.extend(Match(block[m.a], block[m.b], m.score) for m in pairs)
    found.sort(key=lambda m: (m.a, m.b))
    return Matching(tuple(found), components(len(claims), found), blocks if story_of is not None else ())


def components(n: int, pairs: Sequence[Match]) -> tuple[int, ...]:
    """Facts as average-link clusters of matched claims, strongest pairs first.

    Plain connected components chain: a vote matched to "the envoy watches
    the vote", matched to "the envoy watched" ... ends as one group for a
    whole story. A cluster joins another only while their claims match on
    average (pairs that did not match count as 0), or through a pair that is
    all but certain, so a group stays one fact.
    """
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    cluster = list(range(n))
    score = {(m.a, m.b): m.score for m in pairs}
    for m in sorted(pairs, key=lambda m: (-m.score, m.a, m.b)):
        x, y = cluster[m.a], cluster[m.b]
        if x == y:
            continue
        links = [score.get((min(i, j), max(i, j)), 0.0) for i in members[x] for j in members[y]]
        if m.score < STRONG_LINK and sum(links) / len(links) < GROUP_LINK:
            continue
        keep, gone = min(x, y), max(x, y)
        for i in members[gone]:
            cluster[i] = keep
        members[keep].extend(members.pop(gone))
    numbering: dict[int, int] = {}
    return tuple(numbering.setdefault(cluster[i], len(numbering) + 1) for i in range(n))

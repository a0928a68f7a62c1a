"""Counts of one specific thing across a story, compared without a match.

"The rocket put four satellites into orbit" and "it carried five small
satellites" tell one fact in two sentences no matcher pairs: the number of
satellites on board. A count of a specific, non-human thing is an attribute of
the story's subject, whatever verb reports it. It is compared across sources
only where each source is unambiguous about it:

- the thing counted is specific: not people (dead, injured, passengers: many
  sub-populations), not a time unit ("six weeks": of what?) unless written as
  a compound with its noun ("a six-week trial"), not money, rates or measures;
- each source gives one value for it (a source saying "two of the four
  satellites" or "34 of the 81 seats" is counting parts and wholes: skipped);
- the two claims do not name two different doers, are not about two occasions,
  neither is negated or a forecast, and they report no different counting
  events (12 injured against 40 carried).

    >>> [(key, q.value) for key, q in counted_things("The rocket carried five small satellites.")]
    [('satellit', 5.0)]
    >>> counted_things("The storm injured 40 passengers.")
    []
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import combinations
from typing import Callable, Sequence


from . import attributes, requests
from . import claims as claims_mod
from ..slots import clock, numbers, quantities, terms
from .. import lexicon
from ..slots.clock import ClockTime
from . import match as match_mod
from . import event_day, figures, frame_match
from ..records import Claim, Quantity

_PEOPLE = terms.CONCEPT_PREFIX + "people"
# a count followed, within a few words, by "and"/"plus" and a capitalised name
# "five states and Norway": the set's own noun phrase, then a name; "five satellites for Danish and
# Dutch customers" names the customers, not more of the set
_ADDS_NAMED = re.compile(r"(?:\s+(?!(?:for|of|from|to|in|with|by|at|on|into)\b)[\w-]+){1,4}?\s+(?:and|plus)\s+[A-Z]")
_UNCERTAIN_STATUS = frozenset({"expected", "conditional", "unknown", "denied"})


def word_list(key: str) -> frozenset[str]:
    return lexicon.words("story_counts", key)


@lru_cache(maxsize=1)
def _time_units() -> frozenset[str]:
    units = lexicon.load("time_words")["duration_units"]  # word -> unit: "weeks" -> "week"
    return frozenset(units) | frozenset(units.values()) | {"minute", "minutes", "second", "seconds"}


def singles_out_part(text: str) -> bool:
    """The claim counts a part singled out of the whole ("in the old town alone, 40 shops",
    "in the second half alone, four saves"): story_counts.json part_markers.

    >>> singles_out_part("In the old town alone, 40 shops were flooded"), singles_out_part("40 shops were flooded")
    (True, False)
    """
    return bool(_markers("part_markers").search(text))


def counts_a_part(text: str, q: Quantity, before_words: bool = True) -> bool:
    """The figure counts an addition or a part, not the whole: "a further 20 jets", "five other
    people" (story_counts.json increment_words), or a figure listed after "among them", "including"
    (part_openers), up to the list's next comma. `before_words=False` reads only the words after
    the figure: a matched pair's "a further 9 members abstained" may be the whole that abstained.

    >>> t = "Vehicles, among them two trucks, fell"
    >>> counts_a_part(t, quantities.find_quantities(t)[0])
    True
    """
    start = quantities.position(text, q)
    if start < 0:
        return False
    end = start + len(q.text)
    before = [w.lower() for w in text[:start].split()[-2:]]
    after = [w.lower() for w in text[end:].split()[:1]]
    if set((before if before_words else []) + after) & word_list("increment_words"):
        return True
    return _part_opener().search(text, 0, start) is not None or _of_counted_group(text[end:])


_OF_GROUP = re.compile(r"\s+of\s+(?:the|those)\s+([A-Za-z][\w-]*)")


def _of_counted_group(after: str) -> bool:
    """The words after a figure make it a part of a group a counting event names: "13 of the
    injured", "four of the dead" (not "179 of the 475 passengers", whose whole is a figure).

    >>> _of_counted_group(" of the injured were named"), _of_counted_group(" of the 475 passengers")
    (True, False)
    """
    m = _OF_GROUP.match(after)
    return m is not None and bool(terms.events(terms.terms(m.group(1))) & terms.event_family("counting_events"))


@lru_cache(maxsize=1)
def _part_opener() -> re.Pattern[str]:
    words = sorted(word_list("part_openers"), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")\b[^.;:,]{0,60}$",
                      re.IGNORECASE)


def counted_things(text: str) -> list[tuple[str, Quantity]]:
    """(key of the thing counted, quantity) for each plain count of a specific thing in `text`.

    The key is the counted noun's concept or stem; a time unit is keyed with the
    noun it qualifies ("a six-week trial" -> "week trial") or dropped.
    """
    out: list[tuple[str, Quantity]] = []
    if singles_out_part(text):
        return out  # "in the old town alone, 40 shops": a part singled out
    for q in quantities_in(text):
        if q.kind != "cardinal" or q.unit is not None or not q.counted or q.qualifier == "vague":
            continue
        if _study_size().search(text, 0, q.start) and not counts_a_part(text, q):
            out.append(("study participants", q))  # "enrolled 1,240 patients" / "a trial of 1,420 adults"
            continue
        key = figures.counted_concept(q)
        noun = q.counted.lower().split()[-1]
        hyphenated = text[q.end:q.end + 1] == "-"
        if (key is None or key == _PEOPLE or len(noun) < 3 or noun in word_list("population_nouns")
                or noun in word_list("tally_nouns")
                or (noun in word_list("measure_nouns") and not (hyphenated and noun in word_list("compound_measures")))):
            continue  # (a measure as a compound describes the whole: "the 6,800-ton ferry")
        before = [w.lower() for w in text[:q.start].split()[-2:]]
        after = [w.lower() for w in text[q.end:].split()[:1]]
        if counts_a_part(text, q):
            continue  # "a further 20 jets", "20 more jets", "among them two trucks": not the total
        following = [w.lower().strip(".,;") for w in text[q.end:].split()[:2]]
        if set(following) & word_list("margin_words"):
            key = f"{key} margin"  # "243 votes ahead of": a margin between two, compared with margins only
        oblique = before[-1] if before and before[-1] in word_list("oblique_prepositions") else None
        if oblique:
            key = f"{key} {oblique}"  # "moved between three kilns" counts a path, not "five kilns were shut"
        if hyphenated and key not in _time_units():
            key = f"{key}-modifier"  # "a five-span bridge" describes the whole; "three spans" may be a part
        whole = _whole_of_part().search(text, 0, q.start) is not None
        if before and before[-1] in word_list("definite_determiners") and not hyphenated and not whole:
            continue  # "the two parties", "all four satellites": a set counted elsewhere
        # "two of the four satellites": the set's size (the part "two" is left out below)
        if after == ["of"] or _ADDS_NAMED.match(text, q.end):
            continue  # a part or a whole ("seven of the eight cars"), or a set plus names ("five states and Norway")
        if q.counted.lower() in _time_units() or key in _time_units():
            compound = re.match(rf"-{re.escape(q.counted)}\s+([a-z][a-z-]+)", text[q.end:], re.IGNORECASE)
            event = _event_lasting(text, q) if compound is None else _concept_name(compound.group(1).lower())
            if event is None:
                continue
            key = f"{key} {event}"  # "a seven-week strike" / "the walkout kept it shut for eight weeks"
        out.append((key, q))
    return out


def _concept_name(noun: str) -> str:
    """The noun's concept ("walkout" -> "strike"), or the noun itself."""
    found = terms.terms(noun)
    return found[0][len(terms.CONCEPT_PREFIX):] if found and found[0].startswith(terms.CONCEPT_PREFIX) else noun


def _event_lasting(text: str, q: Quantity) -> str | None:
    """The one event a duration "for eight weeks" is of, when the claim names exactly one."""
    if not re.search(r"\bfor\s+(?:about\s+|some\s+|nearly\s+|more\s+than\s+)?$", text[:q.start], re.IGNORECASE):
        return None
    events = terms.events(terms.terms(text))
    return next(iter(events)) if len(events) == 1 else None


def _counting_events(c: Claim) -> frozenset[str]:
    return frozenset(c.predicate.split(",")) & terms.event_family("counting_events") if c.predicate else frozenset()


def conflicts(claims: Sequence[Claim], block: Sequence[int]) -> list[tuple[int, int, str]]:
    """(i, j, reason) for claims of two sources in `block` that count one specific thing
    differently, each source giving that thing one value only. One conflict per pair
    of sentences, the first claims that state them."""
    found: dict[str, dict[str, list[tuple[int, Quantity]]]] = {}  # key -> source -> [(claim, quantity)]
    for i in block:
        c = claims[i]
        if not c.polarity or c.status in _UNCERTAIN_STATUS or _markers("running_tally_markers").search(c.text):
            continue  # (a count "so far" grows as the story unfolds)
        if about_background(c):
            continue  # a background event ("in 2019", "at its previous meeting") counts its own things
        for key, q in counted_things(c.text):
            found.setdefault(key, {}).setdefault(c.source, []).append((i, q))
    for by_source in found.values():
        for stated in by_source.values():
            stated.sort(key=lambda item: (claims[item[0]].sentence_start, claims[item[0]].start))  # the lead first
    out: list[tuple[int, int, str]] = []
    done: set[tuple[tuple[str, int], tuple[str, int]]] = set()
    for key, by_source in sorted(found.items()):
        for (_, left), (_, right) in combinations(one_value_each(by_source), 2):
            (i, qa), (j, qb) = left[0], right[0]
            if figures.one_figure(qa, qb) or _part_of_partition(claims[i].text, qb) or _part_of_partition(claims[j].text, qa):
                continue  # "two of the five spans" / "two spans gave way": the part, told twice
            pair = _first_clashing(claims, left, right)
            if pair is None:
                continue
            i, j = pair
            a, b = claims[i], claims[j]
            where = ((a.source, a.sentence_start), (b.source, b.sentence_start))
            if where in done:
                continue
            done.add(where)
            out.append((i, j, f'count ({qa.counted}): "{qa.text}" in "{cut_text(a.text)}" '
                              f'vs "{qb.text}" in "{cut_text(b.text)}"'))
    return out


def tally_conflicts(claims: Sequence[Claim], block: Sequence[int]) -> list[tuple[int, int, str]]:
    """(i, j, reason) for two sources' tallies of one body's decision that cannot both hold:
    "the jury returned a unanimous verdict" / "the jury decided by a majority of 10 to 2".
    The tally is the deciding body's whatever verb reports it, so no match is needed; the
    subjects must be one participant, and the claims about one occasion."""
    stated = [(i, attributes.vote(claims[i].text)) for i in block if claims[i].subject and claims[i].polarity]
    stated = [(i, tally) for i, tally in stated if tally is not None]
    out: list[tuple[int, int, str]] = []
    done: set[tuple[tuple[str, int], tuple[str, int]]] = set()
    for x, (i, _) in enumerate(stated):
        for j, _ in stated[x + 1:]:
            a, b = claims[i], claims[j]
            where = ((a.source, a.sentence_start), (b.source, b.sentence_start))
            if a.source == b.source or where in done or not match_mod.same_participant(a.subject, b.subject):
                continue
            if match_mod.different_occasions(a, b):
                continue
            clash = attributes.vote_clash(a.text, b.text)
            if clash:
                done.add(where)
                out.append((i, j, f'tally ({a.subject}): "{clash[0]}" in "{cut_text(a.text)}" vs "{clash[1]}" in "{cut_text(b.text)}"'))
    return out


# events that are done once ("signed", "approved") and can be reported as still to come
_ONCE_EVENTS = frozenset({"sign", "approve", "ratify", "close-deal", "in-force"})


def pending_conflicts(claims: Sequence[Claim], block: Sequence[int]) -> list[tuple[int, int, str]]:
    """(i, j, reason) for one source saying a one-time event happened ("the agreement was signed
    on Friday") and another that it is still to come ("the memorandum is yet to be signed"),
    whatever words each uses for the document: the story's event is one. The pending side is a
    claim whose status is conditional and whose words say it is still to come ("yet to", "still
    awaiting"); the
    done side a positive claim with no status and a time of its own."""
    done: dict[str, list[int]] = {}
    pending: dict[str, list[int]] = {}
    for i in block:
        c = claims[i]
        events = frozenset((c.predicate or "").split(",")) & _ONCE_EVENTS
        if not events or about_background(c):
            continue
        for event in events:
            if c.status == "conditional" and says_still_to_come(c.text):
                pending.setdefault(event, []).append(i)
            elif c.status in (None, "done") and c.polarity and c.when and not c.negated:
                done.setdefault(event, []).append(i)
    out: list[tuple[int, int, str]] = []
    seen: set[tuple[str, str]] = set()
    for event in sorted(set(done) & set(pending)):
        for i in done[event]:
            for j in pending[event]:
                a, b = claims[i], claims[j]
                pair = (a.source, b.source)
                if a.source == b.source or pair in seen:
                    continue
                if match_mod.subjects_agree(a, b) is False or match_mod.different_occasions(a, b):
                    continue
                seen.add(pair)
                out.append((i, j, f'pending ({event}): done in "{cut_text(a.text)}" vs still to come in "{cut_text(b.text)}"'))
    return out


def dimensions(c: Claim) -> list[tuple[str, Quantity]]:
    """(key, length) for each dimension of a thing the claim states: "the line will be 6.2 kilometres
    long" -> "length of line", "the 4.8-kilometre line" -> "length of line", "at a depth of 420
    metres" -> "depth". The thing is the compound's noun, or the claim's subject for an adjective.

    >>> [(key, q.text) for key, q in dimensions(Claim("c", "s", 0, 0, "The 4.8-kilometre line opens.", 0, 0))]
    [('length of line', '4.8-kilometre')]
    """
    words: dict[str, str] = lexicon.load("story_counts")["dimension_words"]
    out = []
    for q in quantities_in(c.text):
        if q.kind != "length" or not q.counted:
            continue
        counted = q.counted.lower().split()[0]
        if counted in words:
            thing = c.subject.split()[-1] if c.subject and words[counted] != "depth" else None
            out.append((words[counted] + (f" of {thing}" if thing else ""), q))
        elif c.text[q.end - 1:q.end].isalpha() and "-" in q.text:
            out.append((f"length of {counted}", q))  # "the 4.8-kilometre line"
    return out


def dimension_conflicts(claims: Sequence[Claim], block: Sequence[int]) -> list[tuple[int, int, str]]:
    """(i, j, reason) for two sources giving one dimension of one thing two lengths ("the
    4.8-kilometre line" / "the line will be 6.2 kilometres long"), each source one value (units
    converted, "about" tolerated); negated, uncertain and background claims are left out."""
    stated: dict[str, dict[str, list[tuple[int, Quantity]]]] = {}
    for i in block:
        c = claims[i]
        if not c.polarity or c.status in _UNCERTAIN_STATUS - {"expected"} or about_background(c):
            continue  # (a size is the thing's, whatever "will open in May" says of its opening)
        if requests.wished_or_foreseen(c):
            continue  # "asked for a 5-kilometre zone": a wish, not the zone's size
        for key, q in dimensions(c):
            stated.setdefault(key, {}).setdefault(c.source, []).append((i, q))
    out: list[tuple[int, int, str]] = []
    for key, by_source in sorted(stated.items()):
        for (_, left), (_, right) in combinations(one_value_each(by_source, figures.one_figure), 2):
            (i, qa), (j, qb) = left[0], right[0]
            if figures.one_figure(qa, qb) or match_mod.different_occasions(claims[i], claims[j]):
                continue
            if match_mod.two_speakers(claims[i], claims[j]):
                continue  # two agencies measure apart (a quake's depth by two institutes)
            out.append((i, j, f'dimension ({key}): "{qa.text}" in "{cut_text(claims[i].text)}" '
                              f'vs "{qb.text}" in "{cut_text(claims[j].text)}"'))
    return out


def clock_conflicts(claims: Sequence[Claim], block: Sequence[int]) -> list[tuple[int, int, str]]:
    """(i, j, reason) for two sources giving one past event of the story two times of day
    ("the collapse happened at about 10:30 a.m." / "the structure collapsed at about 10:45 a.m."),
    each source one time for that event (clock.clock_clash decides what is one time). The event is
    the one named just before the time; a forecast, a background event or two days are left out."""
    stated: dict[str, dict[str, list[tuple[int, ClockTime]]]] = {}  # event -> source -> [(claim, time)]
    for i in block:
        c = claims[i]
        if not c.polarity or c.status in _UNCERTAIN_STATUS | {"scheduled"} or about_background(c):
            continue
        for event, t in clock.event_times(c.text):
            stated.setdefault(event, {}).setdefault(c.source, []).append((i, t))
        times = clock.clock_times(c.text)
        if len(times) == 1:
            # the claim's own act, in whatever words: "overran the runway at 9:15" / "skidded off ... at 9:40"
            acts = {"~" + k for k in frame_match.predicate_classes(c.lemma)}
            acts |= {"*" + k for k in event_day.event_classes_of_words(c.lemma, c.subject, c.object, c.text) if k != "*"}
            for act in acts:
                stated.setdefault(act, {}).setdefault(c.source, []).append((i, times[0]))
    out: list[tuple[int, int, str]] = []
    seen: set[tuple[int, int]] = set()
    for event, by_source in sorted(stated.items()):
        one_each = [(src, found) for src, found in sorted(by_source.items())
                    if all(clock.same_moment(found[0][1], t) for _, t in found)]
        for (_, left), (_, right) in combinations(one_each, 2):
            (i, x), (j, y) = left[0], right[0]
            if clock.same_moment(x, y) or match_mod.different_occasions(claims[i], claims[j]) or (i, j) in seen:
                continue
            if match_mod.two_named_doers(claims[i], claims[j]):
                continue  # "Ruiz finished at 2:15" / "Berg finished at 3:05": two doers' times
            seen.add((i, j))
            event = event.lstrip("~*")
            out.append((i, j, f'when ({event}): "{x.text}" ({clock.describe(x)}) in "{cut_text(claims[i].text)}" '
                              f'vs "{y.text}" ({clock.describe(y)}) in "{cut_text(claims[j].text)}"'))
    return out


def _names_in(c: Claim, key: str | None) -> bool:
    """The participant `key`, a name, is written in the claim's text ("launched its Vela-3 rocket")."""
    return bool(key) and len(key) > 2 and re.search(rf"(?<![\w-]){re.escape(key)}(?![\w-])", c.text, re.IGNORECASE) is not None


def _first_clashing(claims: Sequence[Claim], left: Sequence[tuple[int, Quantity]],
                    right: Sequence[tuple[int, Quantity]]) -> tuple[int, int] | None:
    """The first pair of claims, one per side, that may be about one occasion and one doer."""
    for i, _ in left:
        for j, _ in right:
            a, b = claims[i], claims[j]
            if ((match_mod.subjects_agree(a, b) is False and not (_names_in(a, b.subject) or _names_in(b, a.subject)))
                    or match_mod.different_occasions(a, b)):
                continue  # two doers, unless one side's doer takes part on the other ("launched its X rocket" / "X carried")
            ea, eb = _counting_events(a), _counting_events(b)
            if (ea or eb) and ea != eb:
                continue  # "injured 12 passengers" against "carried 300": two counts
            return i, j
    return None


@lru_cache(maxsize=1)
def _study_size() -> re.Pattern[str]:
    """Words right before a figure that make it the number of people a study took in."""
    cues = sorted(word_list("study_size_cues"), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in cues) + r")\s+(?:about\s+|some\s+|nearly\s+|more\s+than\s+)?$",
                      re.IGNORECASE)


def _part_of_partition(text: str, q: Quantity) -> bool:
    """`q` agrees with the part of a partition in `text` ("two of the five spans": two)."""
    return any(p.kind == q.kind and text[p.end:].lstrip().lower().startswith(("of ", "out of ")) and quantities.compatible(p, q)
               for p in quantities_in(text))


@lru_cache(maxsize=1)
def _whole_of_part() -> re.Pattern[str]:
    """Text ending in "seven of the train's ", "two out of ": a partitive's whole follows."""
    number = rf"(?:\d[\d,.]*|{numbers.number_word_pattern()})"
    return re.compile(rf"(?<![\w-]){number}\s+(?:out\s+)?of\s+(?:(?:the|its|their|his|her|our|these|those|[\w-]+['’]s)\s+){{0,2}}$",
                      re.IGNORECASE)


@lru_cache(maxsize=1)
def _facility() -> re.Pattern[str]:
    nouns = "|".join(sorted(word_list("facility_nouns"), key=len, reverse=True))
    return re.compile(rf"\bat\s+(?:the|its|their|a)\s+(?:[A-Z][\w'’-]*\s+){{1,3}}(?:{nouns})s?\b")


def at_facility(text: str) -> bool:
    """The claim counts what is at one named facility ("900 people at the Dorr plant"): a part
    of what the company has as a whole. The facility follows the figure: "a fire at the Dorr
    plant killed 5 workers" names where the event happened, not a part.

    >>> at_facility("Tarn employs about 900 people at the Dorr plant"), at_facility("Tarn employs 4,100 people")
    (True, False)
    >>> at_facility("A fire at the Dorr plant killed 5 workers")
    False
    """
    figure = re.search(r"\d", text)
    return figure is not None and bool(_facility().search(text, figure.start()))


def occasion_ordinals(a: Claim, b: Claim) -> list[tuple[Quantity, Quantity]]:
    """The ordinals of two claims of one fact when one counts occasions ("for the third
    time") and the other the event itself ("its fourth cut"): both count how often it happened.

    >>> from factcheck.slots.quantities import find_quantities
    >>> def claim(text): return Claim("c", "s", 0, 0, text, 0, 0, quantities=tuple(find_quantities(text)))
    >>> [(x.text, y.text) for x, y in occasion_ordinals(claim("It cut rates for the third time."), claim("Its fourth cut."))]
    [('third', 'fourth')]
    """
    occasions = word_list("occasion_nouns")
    xs = [q for q in a.quantities if q.kind == "ordinal" and q.counted]
    ys = [q for q in b.quantities if q.kind == "ordinal" and q.counted]
    if len(xs) != 1 or len(ys) != 1:
        return []
    x, y = xs[0], ys[0]
    nouns = {x.counted.lower().split()[-1], y.counted.lower().split()[-1]}
    return [(x, y)] if nouns & occasions and not nouns <= occasions else []


def says_still_to_come(text: str) -> bool:
    """Whether `text` says a one-time event is still to come ("yet to be set", "still awaits").

    >>> says_still_to_come("The deal still awaits clearance."), says_still_to_come("The deal was cleared.")
    (True, False)
    """
    return bool(_markers("pending_markers").search(text))


def says_already_done(text: str) -> bool:
    """Whether `text` says an event has already happened ("has already been secured")."""
    return bool(_markers("done_markers").search(text))


def says_running_tally(text: str) -> bool:
    """Whether `text` gives a count "so far" or "to date", one that grows as the story unfolds."""
    return bool(_markers("running_tally_markers").search(text))


@lru_cache(maxsize=None)
def _markers(key: str) -> re.Pattern[str]:
    """The phrases of a data list (`pending_markers`, `running_tally_markers`) as one pattern (built once)."""
    words = sorted(word_list(key), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)


def about_background(c: Claim) -> bool:
    """A claim about another occasion ("in 2019", "at its previous meeting", "a second quake")."""
    return _dated_by_month(c) or claims_mod.about_other_occasion(c.text)


def one_value_each(by_source: dict[str, list[tuple[int, Quantity]]],
                    same: Callable[[Quantity, Quantity], bool] | None = None) -> list[tuple[str, list[tuple[int, Quantity]]]]:
    """The sources that state one value only (by `same`, default: one interval), in source order:
    a source giving several is counting different things, and is left out."""
    def one(x: Quantity, y: Quantity) -> bool:
        return (x.low, x.high) == (y.low, y.high)
    same = same or one
    return [(src, stated) for src, stated in sorted(by_source.items())
            if all(same(stated[0][1], q) for _, q in stated)]


@lru_cache(maxsize=4096)
def quantities_in(text: str) -> tuple[Quantity, ...]:
    """quantities.find_quantities, once per claim text for the three readers below."""
    return tuple(quantities.find_quantities(text))


def _dated_by_month(c: Claim) -> bool:
    """The claim dates itself by a month or a year alone ("in June", "in 2019")."""
    return any(m.granularity in ("month", "year") and m.relation in ("on", "in", "during") for m in c.when)


def cut_text(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


_NUMERALS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "one": 1, "two": 2, "three": 3, "four": 4}


@lru_cache(maxsize=1)
def _labelled() -> re.Pattern[str]:
    things = lexicon.load("story_counts")["labelled_things"]
    labels = "|".join(sorted(things, key=len, reverse=True))
    nouns = "|".join(sorted({n for ns in things.values() for n in ns}, key=len, reverse=True))
    return re.compile(rf"\b({labels})\s+(\d|i{{1,3}}|iv|one|two|three|four)\b(?:/\d)?\s+(?:[a-z-]+\s+)?({nouns})\b", re.IGNORECASE)


def labels_in(text: str) -> list[tuple[str, int, str]]:
    """(key, value, words) for each label a thing of the story carries ("its phase 2 asthma trial":
    ('phase study', 2, 'phase 2 asthma trial'); story_counts.json labelled_things).

    >>> labels_in("Results came from a Phase III clinical trial.")
    [('phase study', 3, 'Phase III clinical trial')]
    """
    out = []
    for m in _labelled().finditer(text):
        number = m.group(2).lower()
        value = int(number) if number.isdigit() else _NUMERALS[number]
        noun = m.group(3).lower()
        # a study and a trial are one thing (verb_classes.json participants): keyed by the first noun listed
        noun = next(first for first, *rest in [lexicon.load("story_counts")["labelled_things"][m.group(1).lower()]]
                    if noun == first or noun in rest)
        out.append((f"{m.group(1).lower()} {noun}", value, m.group(0)))
    return out


def label_conflicts(claims: Sequence[Claim], block: Sequence[int]) -> list[tuple[int, int, str]]:
    """(i, j, reason) for two sources giving the story's study two labels ("its phase 2 trial" /
    "a Phase III trial"), each source naming one; an earlier or background study states none."""
    stated: dict[str, dict[str, list[tuple[int, Quantity]]]] = {}
    for i in block:
        c = claims[i]
        if about_background(c) or _EARLIER.search(c.text) or any(m.granularity == "year" for m in c.when):
            continue
        for key, value, words in labels_in(c.text):
            q = Quantity(0, len(words), words, float(value), float(value), float(value), None, None, "ordinal", key)
            stated.setdefault(key, {}).setdefault(c.source, []).append((i, q))
    out: list[tuple[int, int, str]] = []
    for key, by_source in sorted(stated.items()):
        for (_, left), (_, right) in combinations(one_value_each(by_source), 2):
            (i, qa), (j, qb) = left[0], right[0]
            if qa.value != qb.value:
                out.append((i, j, f'label ({key}): "{qa.text}" in "{cut_text(claims[i].text)}" vs "{qb.text}" in "{cut_text(claims[j].text)}"'))
    return out


_EARLIER = re.compile(r"\b(?:earlier|previous|prior|preceding|last year|follow-up|follow-on|next|planned|upcoming)\b", re.IGNORECASE)

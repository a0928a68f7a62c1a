"""Frozen records that flow between the pipeline stages."""
from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path


class Label(str, enum.Enum):
    AGREEING = "agreeing"
    CONFLICTING = "conflicting"
    SINGLE_SOURCE = "single-source"


class SentenceKind(str, enum.Enum):
    BODY = "body"
    HEADING = "heading"          # headline, all-capital subheading: no claims
    BOILERPLATE = "boilerplate"  # "Also Read: ...", "Click here": no claims


@dataclass(frozen=True)
class Source:
    """One article. `text` is what every offset refers to."""

    id: str
    path: Path
    text: str
    published: date | None = None
    outlet: str | None = None
    title: str | None = None
    url: str | None = None
    # [start, end) ranges of `text` holding metadata (front matter, a dateline
    # prefix, a "Published:" line): never segmented into claims.
    meta_spans: tuple[tuple[int, int], ...] = ()
    # place named by a dateline ("HANOI:"), context for "the capital" etc.
    dateline_place: str | None = None
    # how `text` was obtained: "file" (the file's own text), "html" (extracted
    # article body), "json" (the article object's text field)
    text_origin: str = "file"
    encoding: str = "utf-8"
    # the publication moment where the article gives a time of day: tz-aware (a fixed UTC
    # offset) when it gives the zone too, naive when not; its date is `published`
    published_at: datetime | None = None


@dataclass(frozen=True)
class Sentence:
    source: str
    start: int
    end: int
    text: str
    kind: SentenceKind = SentenceKind.BODY


@dataclass(frozen=True)
class TimeMention:
    """A time expression, normalised. Offsets are into the string that was parsed."""

    start: int
    end: int
    text: str
    relation: str = "on"            # on | by | before | after | since | until | during
    granularity: str = "day"        # day | part-of-day | weekend | week | month | quarter | year
    weekday: int | None = None      # 0 = Monday, when the text or the date gives it
    first: date | None = None       # resolved range, inclusive, when resolvable
    last: date | None = None
    # the zone it is written in (zones.py: "+05:30", "Asia/Kolkata", "local"): the one written
    # after it ("Sunday, India time"), else its article's; zone_written says which
    zone: str | None = None
    zone_written: bool = False


@dataclass(frozen=True)
class Quantity:
    """A number with its qualifier, turned into the interval of values it allows."""

    start: int
    end: int
    text: str
    value: float
    low: float
    high: float
    qualifier: str = "exact"        # exact | about | at least | more than | at most | less than | up to | nearly | vague
    unit: str | None = None         # "USD", "EUR", "%", "bp", "taka", ...
    kind: str = "cardinal"          # cardinal | ordinal | money | percent | year | fraction
    counted: str | None = None      # the noun counted: "workers", "product lines"


@dataclass(frozen=True)
class Site:
    """A place the parse sees in a claim (sites.py): a venue, a town or a region, with how it is placed."""

    text: str                       # as written: "the Kystpark stadium"
    name: str                       # its words: "Kystpark stadium"
    relation: str = "in"            # in (the venue: in, at, from, inside) | near (a reference point: near, outside, off)
    sort: str = "town"              # venue | town | region
    within: str | None = None       # the town it is said to be in: "Holmsted" in "the Kystpark stadium in Holmsted"


@dataclass(frozen=True)
class Claim:
    id: str
    source: str
    start: int                      # span of the claim in Source.text
    end: int
    text: str                       # the atomic claim in plain words
    sentence_start: int
    sentence_end: int
    attribution: str | None = None  # who says it
    quote: bool = False             # a direct quotation of the speaker
    when: tuple[TimeMention, ...] = ()
    where: tuple[str, ...] = ()     # canonical place names
    quantities: tuple[Quantity, ...] = ()
    status: str | None = None       # done | in-force | scheduled | expected | conditional | pending | denied
    condition: str | None = None    # what a conditional status depends on
    polarity: bool = True           # False where the claim is negated or denied
    negated: tuple[str, ...] = ()   # event concepts the claim negates ("will not attend")
    predicate: str | None = None    # canonical event/predicate class
    people: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()  # normalised content words used for matching
    # who did what, from the parse (frames.py): the frame of the claim's sentence it overlaps most
    lemma: str | None = None        # the predicate's lemma with particle: "sign", "break down"
    subject: str | None = None      # the subject's key: an entity's name (after coreference) or a noun lemma
    subject_named: bool = False     # the subject is named in the claim's own words (not a pronoun)
    object: str | None = None       # the object's key, likewise
    said_on: tuple[TimeMention, ...] = ()  # when the attribution says it was said ("the ministry said on Sunday")
    sites: tuple[Site, ...] = ()    # places the parse sees in the claim, gazetteer or not (sites.py)
    # a title claim's (post, organisation or "", holder's surname): "Acme chief executive Ruth Brandt" (titles.py)
    title: tuple[str, str, str] | None = None


@dataclass(frozen=True)
class Verdict:
    claim_id: str
    label: Label
    group: str
    agrees_with: tuple[str, ...] = ()
    conflicts_with: tuple[str, ...] = ()
    reason: str = ""
    extras: dict = field(default_factory=dict, compare=False, hash=False)

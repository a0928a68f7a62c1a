"""Tests for factcheck.inputs.sources: reading article files into Source records."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import warnings
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import lexicon
from factcheck.errors import SourceError
from factcheck.records import SentenceKind, Source
from factcheck.inputs.segment import segment
from factcheck.inputs.sources import (
    SUPPORTED_SUFFIXES,
    SourceWarning,
    normalise_for_matching,
    parse_date,
    read_source,
    read_sources,
)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
INPUTS = FIXTURES / "inputs"
HOSTILE = FIXTURES / "hostile"
HTML = FIXTURES / "html"
FOUNDING = ROOT / "sources"


def write(folder: Path, name: str, content: str | bytes) -> Path:
    """Write exact bytes (no newline translation), so CR/CRLF tests mean what they say."""
    path = folder / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def one(folder: Path, text: str, name: str = "a.txt") -> Source:
    [source] = read_source(write(folder, name, text))
    return source


def meta_texts(source: Source) -> list[str]:
    return [source.text[start:end] for start, end in source.meta_spans]


# ------------------------------------------------------------------ constants


def test_supported_suffixes() -> None:
    assert SUPPORTED_SUFFIXES == (".txt", ".md", ".html", ".htm", ".json", ".jsonl")


# ----------------------------------------------------------------- plain text


def test_text_is_the_files_own_text(tmp_path: Path) -> None:
    raw = "  Leading spaces kept.\n\nSecond paragraph.  \n\n\n"
    source = one(tmp_path, raw)
    assert source.text == raw
    assert source.id == "a"
    assert source.path == tmp_path / "a.txt"
    assert source.text_origin == "file"
    assert source.encoding == "utf-8"
    assert source.published is None


def test_file_without_metadata_has_no_meta_spans(tmp_path: Path) -> None:
    source = one(tmp_path, "Officials met on Monday.\nThey agreed on a plan.\n")
    assert source.meta_spans == ()
    assert source.title is None and source.dateline_place is None


@pytest.mark.parametrize(
    "raw",
    [
        "Headline here\r\nBody sentence one.\r\nBody sentence two.\r\n",
        "Headline here\rBody sentence one.\rBody sentence two.\r",
        "Mixed\r\nendings\nin\rone file.\n",
    ],
)
def test_line_endings_kept(tmp_path: Path, raw: str) -> None:
    source = one(tmp_path, raw)
    assert source.text == raw


def test_crlf_published_line_span_exact(tmp_path: Path) -> None:
    raw = "Rail strike called off\r\nPublished: 12 March 2025\r\n\r\nThe union said talks would go on.\r\n"
    source = one(tmp_path, raw)
    assert source.text == raw
    assert meta_texts(source) == ["Published: 12 March 2025\r\n"]
    assert source.published == date(2025, 3, 12)
    assert source.title == "Rail strike called off"


def test_bom_stripped(tmp_path: Path) -> None:
    path = write(tmp_path, "bom.txt", b"\xef\xbb\xbfFirst sentence.\nSecond.\n")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        [source] = read_source(path)
    assert source.text == "First sentence.\nSecond.\n"
    assert source.encoding == "utf-8"


def test_bom_before_front_matter(tmp_path: Path) -> None:
    path = write(tmp_path, "bom.md", b"\xef\xbb\xbf---\ndate: 2025-01-02\n---\nBody text here.\n")
    [source] = read_source(path)
    assert source.published == date(2025, 1, 2)
    assert meta_texts(source) == ["---\ndate: 2025-01-02\n---\n"]


@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_legacy_encoding_detected_with_warning(tmp_path: Path, codec: str) -> None:
    raw = (
        "Le café du marché a rouvert ses portes à Genève après trois années de travaux. "
        "Les propriétaires ont déclaré que la façade, très abîmée, a été entièrement restaurée. "
        "Le maire était présent à la cérémonie d'inauguration, où l'on a servi des crêpes.\n"
    )
    path = write(tmp_path, "fr.txt", raw.encode(codec))
    with pytest.warns(SourceWarning, match=r"fr\.txt: not UTF-8, read as "):
        [source] = read_source(path)
    assert source.text == raw
    assert source.encoding not in ("utf-8", "ascii")


def test_cp1252_curly_quotes_detected(tmp_path: Path) -> None:
    raw = (
        "“We will not sign,” the minister said on Friday — a surprise to the delegates. "
        "Officials said the talks, which began in March, would resume after the holiday. "
        "“It’s a setback,” one diplomat said, adding that a deal was still possible.\n"
    )
    path = write(tmp_path, "quotes.txt", raw.encode("cp1252"))
    with pytest.warns(SourceWarning):
        [source] = read_source(path)
    assert source.text == raw


def test_utf16_with_bom_read(tmp_path: Path) -> None:
    raw = "A short article in UTF-16.\nIt has two lines.\n"
    path = write(tmp_path, "wide.txt", raw.encode("utf-16"))
    with pytest.warns(SourceWarning, match="read as utf-16"):
        [source] = read_source(path)
    assert source.text == raw


def test_utf8_reads_without_warning(tmp_path: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        source = one(tmp_path, "Hà Nội hosted the signing — “a milestone”.\n")
    assert source.encoding == "utf-8"


# --------------------------------------------------------------- front matter


def test_front_matter_fixture() -> None:
    [source] = read_source(INPUTS / "frontmatter.md")
    raw = (INPUTS / "frontmatter.md").read_bytes().decode("utf-8")
    assert source.text == raw
    assert source.id == "frontmatter"
    assert source.title == "Rail line reopens after floods"
    assert source.published == date(2025, 6, 3)
    assert source.outlet == "Valley Times"
    assert source.url == "https://valley.example.org/rail-reopens"
    [front] = meta_texts(source)
    assert front.startswith("---\ntitle:") and front.endswith("tags: [transport, weather]\n---\n")
    assert raw[source.meta_spans[0][1]:].startswith("# Rail line")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("---\ndate: '12 March 2025'\n---\nBody.\n", {"published": date(2025, 3, 12)}),
        ('---\ndate: "March 12, 2025"\noutlet: "The Post"\n---\nBody.\n',
         {"published": date(2025, 3, 12), "outlet": "The Post"}),
        ("---\nDate: 2025-03-12T09:00:00Z\nURL: https://x.example\n---\nBody.\n",
         {"published": date(2025, 3, 12), "url": "https://x.example"}),
        ("---\r\ntitle: Crlf front\r\n---\r\nBody.\r\n", {"title": "Crlf front"}),
        ("---\nwhatever: 1\nnested:\n  - a\n---\nBody.\n", {"published": None, "title": None}),
    ],
)
def test_front_matter_values(tmp_path: Path, raw: str, expected: dict[str, object]) -> None:
    source = one(tmp_path, raw, "a.md")
    for name, value in expected.items():
        assert getattr(source, name) == value
    assert source.meta_spans[0][0] == 0
    assert source.text[source.meta_spans[0][1]:].lstrip("\r\n").startswith("Body.")


def test_front_matter_without_closing_line_is_text(tmp_path: Path) -> None:
    source = one(tmp_path, "---\ntitle: Not front matter\nBody continues without a closing rule.\n", "a.md")
    assert source.meta_spans == ()
    assert source.title is None


def test_front_matter_bad_date_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=r"front matter: cannot read date 'soon'"):
        one(tmp_path, "---\ndate: soon\n---\nBody.\n", "a.md")


def test_front_matter_only_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="no article text after the front matter"):
        one(tmp_path, "---\ntitle: Nothing else\n---\n\n", "a.md")


# ------------------------------------------------------------------ datelines

DATELINES = [
    # (text, place, published, outlet, metadata prefix)
    (" date 2025-10-22 HANOI: A deal was reached late on Tuesday.\n",
     "Hanoi", date(2025, 10, 22), None, " date 2025-10-22 HANOI: "),
    ("HANOI, Oct 22 (Reuters) - Officials met on Wednesday.\n",
     "Hanoi", None, "Reuters", "HANOI, Oct 22 (Reuters) - "),
    ("LONDON (AP) — Thousands of runners took part on Sunday.\n",
     "London", None, "AP", "LONDON (AP) — "),
    ("NEW YORK, Oct. 22, 2025 (AP) — Shares rose in early trading.\n",
     "New York", date(2025, 10, 22), "AP", "NEW YORK, Oct. 22, 2025 (AP) — "),
    ("HANOI, Vietnam (AP) — The talks ended without a statement.\n",
     "Hanoi", None, "AP", "HANOI, Vietnam (AP) — "),
    ("NEW DELHI: The government said prices would fall.\n",
     "New Delhi", None, None, "NEW DELHI: "),
    ("SÃO PAULO, 3 March 2025 (Reuters) -- Coffee prices fell.\n",
     "São Paulo", date(2025, 3, 3), "Reuters", "SÃO PAULO, 3 March 2025 (Reuters) -- "),
    ("\n\n  WASHINGTON (Reuters) - The bill passed on Friday.\n",
     "Washington", None, "Reuters", "  WASHINGTON (Reuters) - "),
    ("(Reuters) - Oil prices rose on Monday.\n", None, None, "Reuters", "(Reuters) - "),
    ("dated 1 May 2025 PARIS: Talks resumed on Thursday.\n",
     "Paris", date(2025, 5, 1), None, "dated 1 May 2025 PARIS: "),
    # a place in title case, with its date
    ("Valletta, March 12 - The port reopened on Wednesday.\n",
     "Valletta", None, None, "Valletta, March 12 - "),
    ("New Delhi, 3 June 2024 -- Prices fell.\n",
     "New Delhi", date(2024, 6, 3), None, "New Delhi, 3 June 2024 -- "),
    # the agency's credit ends the dateline without a dash
    ("Valletta, Mar 12 (Lusa) Officials met on Wednesday.\n",
     "Valletta", None, "Lusa", "Valletta, Mar 12 (Lusa) "),
    # the date before the place
    ("Mar. 12 -- VALLETTA - The port reopened on Wednesday.\n",
     "Valletta", None, None, "Mar. 12 -- VALLETTA - "),
]


@pytest.mark.parametrize(("raw", "place", "published", "outlet", "prefix"), DATELINES)
def test_dateline_forms(
    tmp_path: Path, raw: str, place: str | None, published: date | None, outlet: str | None, prefix: str
) -> None:
    source = one(tmp_path, raw)
    assert source.text == raw
    assert source.dateline_place == place
    assert source.published == published
    assert source.outlet == outlet
    assert meta_texts(source) == [prefix]
    start, end = source.meta_spans[0]
    assert not source.text[end].isspace()          # the span ends where the sentence begins
    assert source.text[start - 1:start] in ("", "\n")  # and starts at a line start


@pytest.mark.parametrize(
    "raw",
    [
        "BREAKING: Markets fell sharply on Monday.\n",
        "UPDATE - The vote was postponed until next week.\n",
        "EDITOR'S NOTE: This story has been corrected.\n",
        "UN TREATY: NATIONS SIGN IN CAPITAL\nThe signing took place on Saturday.\n",
        "The minister said: prices will rise.\n",
        "Officials - including the mayor - met on Monday.\n",
        "A: We will see what happens next week.\n",
        "Mr Lee, Oct 22, said - nothing.\n",
        "WASHINGTON, the capital, said - nothing new.\n",
        # title case without a date, or a person before a date, is a sentence
        "Valletta, the capital - and its port - reopened.\n",
        "Mr Lee, Oct 22 - a day he will remember.\n",
        "Talks (and votes) went on all night.\n",
    ],
)
def test_not_datelines(tmp_path: Path, raw: str) -> None:
    source = one(tmp_path, raw)
    assert source.dateline_place is None
    assert source.outlet is None
    assert source.meta_spans == ()


@pytest.mark.parametrize("label", sorted(lexicon.words("datelines", "not_places")))
def test_every_not_place_label_is_refused(tmp_path: Path, label: str) -> None:
    source = one(tmp_path, f"{label.upper()}: the vote was postponed until next week.\n")
    assert source.dateline_place is None and source.meta_spans == ()


def test_dateline_after_headline(tmp_path: Path) -> None:
    source = one(tmp_path, "Rates on hold\nBRASILIA (Reuters) - The bank kept rates unchanged.\n")
    assert source.title == "Rates on hold"
    assert source.dateline_place == "Brasilia"
    assert meta_texts(source) == ["BRASILIA (Reuters) - "]


@pytest.mark.parametrize("byline", ["Harbour News Agency", "By Jane Roe", "Maria Lind, Sports Correspondent"])
def test_dateline_after_headline_and_byline(tmp_path: Path, byline: str) -> None:
    raw = f"Rates on hold\nPublished: 2025-03-14\n{byline}\n\nORVIK, 14 March (HNA) - The bank kept rates unchanged.\n"
    source = one(tmp_path, raw)
    assert source.dateline_place == "Orvik"
    assert meta_texts(source)[-1] == "ORVIK, 14 March (HNA) - "


def test_no_dateline_after_two_lines_of_body(tmp_path: Path) -> None:
    """Only a byline may stand between the headline and a dateline, never a sentence."""
    raw = "Rates on hold\nThe bank kept rates unchanged.\nORVIK (HNA) - More details emerged.\n"
    source = one(tmp_path, raw)
    assert source.dateline_place is None


def test_dateline_only_at_the_start(tmp_path: Path) -> None:
    raw = "The bank kept rates unchanged.\nLater on:\nBRASILIA (Reuters) - More details emerged.\n"
    source = one(tmp_path, raw)
    assert source.dateline_place is None and source.meta_spans == ()


def test_front_matter_outlet_beats_dateline_outlet(tmp_path: Path) -> None:
    source = one(tmp_path, "---\noutlet: Daily Planet\n---\nMETROPOLIS (AP) — A bridge opened.\n", "a.md")
    assert source.outlet == "Daily Planet"
    assert source.dateline_place == "Metropolis"
    assert meta_texts(source) == ["---\noutlet: Daily Planet\n---\n", "METROPOLIS (AP) — "]


def test_published_line_beats_year_less_dateline(tmp_path: Path) -> None:
    raw = "Published: 22 October 2025\nHANOI, Oct 21 (Reuters) - Talks ended on Tuesday.\n"
    source = one(tmp_path, raw)
    assert source.published == date(2025, 10, 22)
    assert meta_texts(source) == ["Published: 22 October 2025\n", "HANOI, Oct 21 (Reuters) - "]


def test_wire_fixture() -> None:
    [source] = read_source(INPUTS / "wire_story.txt")
    assert source.title == "Central bank holds rates steady"
    assert source.dateline_place == "Brasilia"
    assert source.outlet == "Reuters"
    assert source.published is None            # "Oct 22" has no year
    assert meta_texts(source) == ["BRASILIA, Oct 22 (Reuters) - "]


# ------------------------------------------------------------ Published lines


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Published: 12 March 2025", date(2025, 3, 12)),
        ("Published on March 12, 2025", date(2025, 3, 12)),
        ("Updated: 2025-03-12 10:00", date(2025, 3, 12)),
        ("Last updated: 2025-03-12T10:00:00Z", date(2025, 3, 12)),
        ("Posted: Wed, Mar. 12, 2025 at 10:00 AM EST", date(2025, 3, 12)),
        ("First published 12th March 2025, 09:15 GMT", date(2025, 3, 12)),
        ("PUBLISHED: 2025/03/12", date(2025, 3, 12)),
        ("Date: 12 Mar 2025", date(2025, 3, 12)),
        # a byline that is only a full date
        ("*March 12, 2025*", date(2025, 3, 12)),
        ("12 March 2025", date(2025, 3, 12)),
        # after an outlet's name and a separator
        ("Harbour Radio | Updated 12 March 2025, 21:48 CET", date(2025, 3, 12)),
        ("The Coast Daily · Published: 12 March 2025", date(2025, 3, 12)),
    ],
)
def test_published_line_forms(tmp_path: Path, line: str, expected: date) -> None:
    raw = f"Harbour dredging to begin\n{line}\n\nDredging will begin in April.\n"
    source = one(tmp_path, raw)
    assert source.published == expected
    assert meta_texts(source) == [f"{line}\n"]
    assert source.title == "Harbour dredging to begin"


@pytest.mark.parametrize(
    "line",
    [
        "Published in 2019, the report found rising costs.",
        "Updated figures show 12 March 2025 was the wettest day.",
        "Posted: soon",
        "March 2025",
        "2025 was a dry year.",
        "Rovers 2 | Dale 1 | 12 March 2025 report",
    ],
)
def test_not_published_lines(tmp_path: Path, line: str) -> None:
    source = one(tmp_path, f"{line}\nMore text follows here.\n")
    assert source.published is None and source.meta_spans == ()


def test_first_published_line_wins_and_all_are_meta() -> None:
    [source] = read_source(INPUTS / "published_line.md")
    assert source.published == date(2025, 3, 12)
    assert meta_texts(source) == ["Published: 12 March 2025\n", "Updated: 2025-03-14 10:00\n"]
    assert source.title == "Harbour dredging to begin in spring"


def test_published_line_only_in_first_five_lines(tmp_path: Path) -> None:
    raw = "One.\nTwo.\nThree.\nFour.\nFive.\nPublished: 12 March 2025\n"
    source = one(tmp_path, raw)
    assert source.published is None and source.meta_spans == ()
    raw = "One.\nTwo.\nThree.\nFour.\nPublished: 12 March 2025\n"
    assert one(tmp_path, raw).published == date(2025, 3, 12)


# ---------------------------------------------------------------------- title


@pytest.mark.parametrize(
    ("raw", "title"),
    [
        ("Port strike ends\nWorkers returned on Monday.\n", "Port strike ends"),
        ("\n\n  Port strike ends  \n\nWorkers returned.\n", "Port strike ends"),
        ("# Port strike ends\n\nWorkers returned.\n", "Port strike ends"),
        ("**Port strike ends**\nWorkers returned.\n", "Port strike ends"),
        ("Workers returned on Monday.\nPort strike ends\n", None),
        ("Is the strike over?\nWorkers returned.\n", None),
        ("Strike over!\nWorkers returned.\n", None),
        ('He said "it is over"\nWorkers returned.\n', None),
        ("He said “it is over”\nWorkers returned.\n", None),
        ("Workers say:\nWe are back.\n", None),
        (" ".join(["word"] * 21) + "\nWorkers returned.\n", None),
        (" ".join(["word"] * 20) + "\nWorkers returned.\n", " ".join(["word"] * 20)),
        ("2025\nWorkers returned.\n", None),
    ],
)
def test_title_detection(tmp_path: Path, raw: str, title: str | None) -> None:
    source = one(tmp_path, raw, "a.md")
    assert source.title == title
    assert source.meta_spans == ()              # the headline is marked by the segmenter


def test_title_after_published_line(tmp_path: Path) -> None:
    source = one(tmp_path, "Published: 1 May 2025\nPort strike ends\nWorkers returned.\n")
    assert source.title == "Port strike ends"


def test_front_matter_title_beats_headline(tmp_path: Path) -> None:
    source = one(tmp_path, "---\ntitle: From front matter\n---\nA headline line\nBody.\n", "a.md")
    assert source.title == "From front matter"


# ---------------------------------------------------------------------- dates


def test_every_month_name_is_read() -> None:
    months = lexicon.load("months")["months"]
    assert set(months.values()) == set(range(1, 13))
    for name, number in months.items():
        assert parse_date(f"{name} 3, 2025") == date(2025, number, 3)
        assert parse_date(f"3 {name.capitalize()}. 2025") == date(2025, number, 3)
        assert parse_date(f"{name.upper()} 3", year=2024) == date(2024, number, 3)


def test_every_weekday_name_is_read() -> None:
    weekdays = lexicon.load("months")["weekdays"]
    assert set(weekdays.values()) == set(range(7))
    for name in weekdays:
        assert parse_date(f"{name.capitalize()}, 22 October 2025") == date(2025, 10, 22)
        assert parse_date(f"{name}. Oct 22, 2025") == date(2025, 10, 22)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-10-22", date(2025, 10, 22)),
        ("2025-10-22T08:30:00+07:00", date(2025, 10, 22)),
        ("2025-10-22 08:30", date(2025, 10, 22)),
        ("  22 October 2025  ", date(2025, 10, 22)),
        ("22nd of October, 2025", date(2025, 10, 22)),
        ("October 22, 2025", date(2025, 10, 22)),
        ("Oct. 22, 2025", date(2025, 10, 22)),
        ("Oct 22 2025", date(2025, 10, 22)),
        ("Sept. 3, 2025", date(2025, 9, 3)),
        ("Oct 22, 2025, 10:30 a.m. ET", date(2025, 10, 22)),
        ("29 February 2024", date(2024, 2, 29)),
        ("Oct 22", None),                     # no year and none given
        ("29 February 2025", None),
        ("2025-13-01", None),
        ("31 April 2025", None),
        ("Mayday 3, 2025", None),
        ("Someday, 3 May 2025", None),
        ("in March 2025", None),
        ("22 October 2025 was a Wednesday", None),
        ("", None),
        ("tomorrow", None),
    ],
)
def test_parse_date(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


def test_parse_date_year_less_with_year() -> None:
    assert parse_date("Oct 22", year=2025) == date(2025, 10, 22)
    assert parse_date("22 Oct", year=2025) == date(2025, 10, 22)
    assert parse_date("Feb 29", year=2025) is None
    assert parse_date("2024-01-02", year=2025) == date(2024, 1, 2)   # a written year wins


@given(st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31)))
def test_parse_date_round_trips(day: date) -> None:
    month = day.strftime("%B")
    assert parse_date(day.isoformat()) == day
    assert parse_date(f"{day.day} {month} {day.year}") == day
    assert parse_date(f"{month} {day.day}, {day.year}") == day
    assert parse_date(f"{day.strftime('%A')}, {day.strftime('%b')}. {day.day}, {day.year}") == day


# ----------------------------------------------------------------------- HTML


def test_html_news_page() -> None:
    [source] = read_source(INPUTS / "news_page.html")
    assert source.id == "news_page"
    assert source.text_origin == "html"
    assert source.title == "Port workers end strike after pay deal"
    assert source.published == date(2025, 3, 12)           # published, not modified
    assert source.outlet == "Harbour Gazette"
    assert source.url == "https://gazette.example.com/business/port-strike-ends"
    assert source.text.startswith("Dock workers at the northern container port")
    assert "Members of the union voted 412 to 96" in source.text
    assert "Port workers end strike" not in source.text     # the title line is not body text
    for junk in ("Subscribe", "cookies", "Most read", "Ten ferry routes", "Privacy", "dataLayer",
                 "track(", "display: flex", "All rights reserved"):
        assert junk not in source.text


def test_html_hostile_markup_yields_only_text() -> None:
    [source] = read_source(HOSTILE / "script_injection.html")
    assert source.text.startswith("The city council voted on Monday")
    assert "cycle lane" in source.text
    for payload in ("payload", "alert", "javascript", "document.cookie", "evil.example.com", "<"):
        assert payload not in source.text


@pytest.mark.parametrize(
    "html",
    [
        "<html><head><title>Nothing here</title></head><body></body></html>",
        "<html><body><script>var a = 1;</script><style>p {}</style></body></html>",
    ],
)
def test_html_without_article_is_an_error(tmp_path: Path, html: str) -> None:
    with pytest.raises(SourceError, match="no article text found in HTML"):
        read_source(write(tmp_path, "blank.html", html))


def test_htm_suffix_and_dateline_in_html(tmp_path: Path) -> None:
    body = " ".join(["The committee discussed the budget at length on Monday."] * 6)
    html = (
        "<html><head><title>Budget talks</title></head><body><article>"
        f"<p>OSLO (Reuters) - {body}</p><p>{body}</p></article></body></html>"
    )
    [source] = read_source(write(tmp_path, "page.HTM", html))
    assert source.text_origin == "html"
    assert source.dateline_place == "Oslo"
    assert meta_texts(source) == ["OSLO (Reuters) - "]


_PAGE = (
    "<html><head><title>Court suspends clinic ban</title></head><body>"
    "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>Court suspends clinic ban</h1>{}</article>"
    "<footer>Copyright 2025 Example News. All rights reserved.</footer></body></html>"
)

# (article markup, the body sentences of the extracted text): article text in a "teaser"
# block is text (issue 11.5), one paragraph per line; navigation and the headline are at
# most heading lines (no claims), the footer is left out
TEASER_CASES = [
    ('<div class="teaser-content"><p>The regional court suspended the ban on Wednesday, ruling 4 to 3.</p>'
     "<p>The order covers all 85 clinics.</p></div>",
     ["The regional court suspended the ban on Wednesday, ruling 4 to 3.", "The order covers all 85 clinics."]),
    ('<div class="Teaser"><p>The harbour reopened on Monday after a week of repairs.</p></div>'
     "<p>Ferries will run on the winter timetable until April.</p>",
     ["The harbour reopened on Monday after a week of repairs.", "Ferries will run on the winter timetable until April."]),
    ('<section id="teaser"><p>The city council approved the budget by 31 votes to 12.</p></section>',
     ["The city council approved the budget by 31 votes to 12."]),
    ("<p>The museum will close for renovation in May.</p><p>It expects to reopen in 2027.</p>",
     ["The museum will close for renovation in May.", "It expects to reopen in 2027."]),
]


@pytest.mark.parametrize("article,expected", TEASER_CASES)
def test_html_teaser_blocks_are_article_text(tmp_path: Path, article: str, expected: list[str]) -> None:
    [source] = read_source(write(tmp_path, "page.html", _PAGE.format(article)))
    assert [s.text for s in segment(source) if s.kind is SentenceKind.BODY] == expected
    assert set(expected) <= set(source.text.splitlines())
    assert "Copyright" not in source.text


def test_html_teaser_page_fixture() -> None:
    """Teaser paragraphs in, a related-story teaser card, a newsletter box and a most-read list out."""
    [source] = read_source(HTML / "teaser_page.html")
    assert source.title == "Regional court suspends clinic ban"
    assert source.text.splitlines() == [
        "The regional court suspended the ban on Wednesday, ruling 4 to 3.",
        "The order covers all 85 clinics in the valley, which had been closed since the start of the month.",
        "Lawyers for the health ministry said they would appeal within days. The ministry had argued that "
        "inspectors found faults at more than half of the clinics.",
    ]
    for junk in ("Staff Reporter", "Ferry fares", "fuel costs", "Sign up", "Most read", "bridge", "120 km/h",
                 "Copyright", "Privacy", "Cookies", "News"):
        assert junk not in source.text


def test_html_chrome_page_fixture_keeps_boilerplate_out() -> None:
    [source] = read_source(HTML / "chrome_page.html")
    lines = source.text.splitlines()
    assert lines[0].startswith("Dredging of the inner harbour will start in June")
    assert lines[-1] == "Fishing groups said they feared the work would disturb spawning grounds near the harbour mouth."
    assert len(lines) == 5
    for junk in ("cookies", "Share on", "Photo:", "Jane Roe", "Comments", "silting", "Related stories",
                 "ferry terminal", "newsletter", "Subscribe", "All rights reserved", "Terms", "Tag"):
        assert junk not in source.text


def test_trafilatura_imported_lazily() -> None:
    code = "import sys, factcheck.inputs.sources; print('trafilatura' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# ----------------------------------------------------------------------- JSON


def test_json_article() -> None:
    [source] = read_source(INPUTS / "article.json")
    assert source.id == "gazette-bridge"
    assert source.title == "Council approves new bridge"
    assert source.published == date(2025, 3, 3)
    assert source.outlet == "City Gazette"
    assert source.url == "https://city.example.net/bridge"
    assert source.text == ("The city council voted on Monday to build a second bridge over the river.\n"
                           "Construction is due to start next spring.")
    assert source.text_origin == "json"


def test_json_without_id_uses_file_name(tmp_path: Path) -> None:
    [source] = read_source(write(tmp_path, "story.json", json.dumps({"text": "Body text."})))
    assert source.id == "story"
    assert source.published is None and source.title is None


def test_jsonl_articles() -> None:
    sources = read_source(INPUTS / "articles.jsonl")
    assert [s.id for s in sources] == ["articles#1", "wire-2", "articles#3"]
    first, wire, third = sources
    assert first.title == "Heatwave warning issued" and first.published == date(2025, 7, 1)
    assert first.outlet == "Weather Desk"
    assert wire.published == date(2025, 7, 1)
    assert wire.dateline_place == "Madrid" and wire.outlet == "AP"
    assert meta_texts(wire) == ["MADRID (AP) — "]
    assert third.text.startswith("Water use rose")
    assert all(s.text_origin == "json" and s.path == INPUTS / "articles.jsonl" for s in sources)


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("bad.json", '{"text": "a" "b"}', "line 1: not valid JSON (Expecting ',' delimiter)"),
        ("list.json", '[{"text": "a"}]', "expected one JSON object, found a list"),
        ("str.json", '"just a string"', 'expected a JSON object with a "text" field'),
        ("notext.json", '{"title": "x"}', 'missing "text" field'),
        ("emptytext.json", '{"text": "  "}', '"text" field is empty'),
        ("inttext.json", '{"text": 5}', '"text" must be a string, not int'),
        ("listtitle.json", '{"text": "a", "title": ["x"]}', '"title" must be a string, not list'),
        ("baddate.json", '{"text": "a", "date": "next week"}', "\"date\": cannot read date 'next week'"),
        ("deep.json", "[" * 100_000, "not valid JSON"),
        ("bad.jsonl", '{"text": "a"}\n\n{"text": "b" "c"}\n', "line 3: not valid JSON (Expecting ',' delimiter)"),
        ("nottext.jsonl", '{"text": "a"}\n{"title": "b"}\n', 'line 2: missing "text" field'),
        ("arr.jsonl", '{"text": "a"}\n[1, 2]\n', 'line 2: expected a JSON object with a "text" field'),
        ("dup.jsonl", '{"id": "x", "text": "a"}\n{"id": "x", "text": "b"}\n',
         "line 2: duplicate id 'x' (also on line 1)"),
    ],
)
def test_json_errors(tmp_path: Path, name: str, content: str, problem: str) -> None:
    path = write(tmp_path, name, content)
    with pytest.raises(SourceError) as caught:
        read_source(path)
    assert caught.value.path == str(path)
    assert problem in caught.value.problem


def test_json_fixture_errors_name_file_and_line() -> None:
    with pytest.raises(SourceError) as caught:
        read_source(HOSTILE / "bad_lines.jsonl")
    assert str(caught.value) == f"{HOSTILE / 'bad_lines.jsonl'}: line 3: not valid JSON (Expecting ',' delimiter)"
    with pytest.raises(SourceError, match=r"line 4: not valid JSON \(Expecting ',' delimiter\)"):
        read_source(HOSTILE / "bad.json")
    with pytest.raises(SourceError, match='missing "text" field'):
        read_source(HOSTILE / "no_text.json")


def test_json_numeric_id(tmp_path: Path) -> None:
    [source] = read_source(write(tmp_path, "n.json", '{"id": 42, "text": "Body."}'))
    assert source.id == "42"


# ------------------------------------------------------------------ bad files


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("empty.txt", "empty file"),
        ("whitespace.txt", "no text: the file holds only whitespace"),
        ("binary.txt", "binary file, not an article"),
        ("report.pdf", "unsupported file type .pdf (supported: .txt, .md, .html, .htm, .json, .jsonl)"),
    ],
)
def test_hostile_fixtures(name: str, problem: str) -> None:
    with pytest.raises(SourceError) as caught:
        read_source(HOSTILE / name)
    assert caught.value.problem == problem
    assert caught.value.path == str(HOSTILE / name)


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("nul.txt", b"Looks like text\x00but has a NUL byte.", "binary file, not an article"),
        ("ctrl.txt", bytes(range(1, 32)) * 20, "binary file, not an article"),
        ("noise.md", bytes((i * 97 + 13) % 256 for i in range(4000)), "binary file, not an article"),
        ("bad16.txt", b"\xff\xfe\x00\xd8", "binary file, not an article"),
        ("README", b"Some text.", "unsupported file type (no extension) (supported: "),
        ("doc.docx", b"Some text.", "unsupported file type .docx"),
        ("crlf_only.txt", b"\r\n\r\n", "no text: the file holds only whitespace"),
    ],
)
def test_bad_file_kinds(tmp_path: Path, name: str, content: bytes, problem: str) -> None:
    with pytest.raises(SourceError) as caught, warnings.catch_warnings():
        warnings.simplefilter("ignore", SourceWarning)
        read_source(write(tmp_path, name, content))
    assert caught.value.problem.startswith(problem)


def test_oversize_message(tmp_path: Path) -> None:
    path = write(tmp_path, "big.txt", b"a" * 6_200_000)
    with pytest.raises(SourceError) as caught:
        read_source(path)
    assert caught.value.problem == "file is 6.2 MB, over the 5.0 MB limit"


@pytest.mark.parametrize(
    ("size", "limit", "problem"),
    [
        (2_000, 1_000, "file is 2.0 kB, over the 1.0 kB limit"),
        (101, 100, "file is 101 bytes, over the 100 bytes limit"),
        (5_000_001, 5_000_000, "file is 5,000,001 bytes, over the 5,000,000 bytes limit"),
    ],
)
def test_oversize_limit(tmp_path: Path, size: int, limit: int, problem: str) -> None:
    path = write(tmp_path, "big.txt", b"a" * size)
    with pytest.raises(SourceError) as caught:
        read_source(path, max_bytes=limit)
    assert caught.value.problem == problem
    assert read_source(path, max_bytes=size)[0].text == "a" * size


def test_permission_denied_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "secret.txt", "Text.")
    real_open = os.open

    def deny(name: object, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if Path(str(name)) == path:
            raise PermissionError(13, "Permission denied")
        return real_open(name, *args, **kwargs)

    monkeypatch.setattr(os, "open", deny)
    with pytest.raises(SourceError) as caught:
        read_source(path)
    assert caught.value.problem == "cannot read: permission denied"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read any file")
def test_permission_denied_real(tmp_path: Path) -> None:
    path = write(tmp_path, "secret.txt", "Text.")
    path.chmod(0)
    try:
        with pytest.raises(SourceError, match="cannot read: permission denied"):
            read_source(path)
    finally:
        path.chmod(0o644)


def test_read_source_on_folder_or_missing(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="is a folder, not a file"):
        read_source(tmp_path)
    with pytest.raises(SourceError, match="no such file or folder"):
        read_source(tmp_path / "missing.txt")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_is_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(SourceError, match="not a regular file"):
        read_source(fifo)


# --------------------------------------------------------------- read_sources


def make_folder(root: Path, files: dict[str, str | bytes]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        write(root, name, content)
    return root


def test_folder_read_sorted_and_hidden_skipped(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "src", {
        "b.txt": "Second.", "a.md": "First.", "c.json": '{"text": "Third."}',
        ".hidden.txt": "Never read.", ".DS_Store": b"\x00\x01",
    })
    (folder / "sub").mkdir()
    write(folder / "sub", "d.txt", "Not recursive.")
    sources, problems = read_sources([folder])
    assert [s.id for s in sources] == ["a", "b", "c"]
    assert problems == []


def test_sources_sorted_by_id_across_paths(tmp_path: Path) -> None:
    one_folder = make_folder(tmp_path / "one", {"z.txt": "Z."})
    other = make_folder(tmp_path / "two", {"m.txt": "M.", "a.txt": "A."})
    sources, _ = read_sources([one_folder, other / "m.txt", other / "a.txt"])
    assert [s.id for s in sources] == ["a", "m", "z"]


def test_same_file_twice_read_once(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "src", {"a.txt": "A."})
    sources, _ = read_sources([folder, folder / "a.txt", str(folder / "a.txt")])
    assert [s.id for s in sources] == ["a"]


def test_bad_file_raised_naming_it_after_checking_all(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "src", {
        "good.txt": "Fine.", "z_empty.txt": "", "b_bin.txt": b"\x00\x00", "notes.pdf": b"%PDF",
    })
    with pytest.raises(SourceError) as caught:
        read_sources([folder])
    assert caught.value.path == str(folder / "b_bin.txt")
    assert caught.value.problem == "binary file, not an article (and 2 more bad files)"


def test_single_bad_file_raised_as_is(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "src", {"good.txt": "Fine.", "notes.pdf": b"%PDF"})
    with pytest.raises(SourceError) as caught:
        read_sources([folder])
    assert str(caught.value) == f"{folder / 'notes.pdf'}: {_unsupported('.pdf')}"


def _unsupported(suffix: str) -> str:
    return f"unsupported file type {suffix} (supported: .txt, .md, .html, .htm, .json, .jsonl)"


def test_skip_bad_returns_good_and_problems(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "src", {
        "good.txt": "Fine.", "z_empty.txt": "", "b_bin.txt": b"\x00\x00", "notes.pdf": b"%PDF",
    })
    sources, problems = read_sources([folder], skip_bad=True)
    assert [s.id for s in sources] == ["good"]
    assert [(Path(p.path).name, p.problem) for p in problems] == [
        ("b_bin.txt", "binary file, not an article"),
        ("notes.pdf", _unsupported(".pdf")),
        ("z_empty.txt", "empty file"),
    ]


def test_skip_bad_with_oversize(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "src", {"small.txt": "Short.", "large.txt": "x" * 500})
    sources, problems = read_sources([folder], max_bytes=100, skip_bad=True)
    assert [s.id for s in sources] == ["small"]
    assert problems[0].problem == "file is 500 bytes, over the 100 bytes limit"


def test_skip_bad_folder_with_only_bad_files_raises(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "src", {"a.txt": "", "b.json": "{"})
    with pytest.raises(SourceError, match="no readable sources"):
        read_sources([folder], skip_bad=True)


def test_skip_bad_single_bad_file_path(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "")
    sources, problems = read_sources([path], skip_bad=True)
    assert sources == [] and [p.problem for p in problems] == ["empty file"]


@pytest.mark.parametrize("skip_bad", [False, True])
def test_duplicate_ids_name_both_files(tmp_path: Path, skip_bad: bool) -> None:
    folder = make_folder(tmp_path / "src", {"a.txt": "Text.", "a.md": "Markdown."})
    with pytest.raises(SourceError) as caught:
        read_sources([folder], skip_bad=skip_bad)
    message = str(caught.value)
    assert "duplicate source id 'a'" in message
    assert str(folder / "a.txt") in message and str(folder / "a.md") in message


def test_duplicate_id_between_json_and_text(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "src", {"x.txt": "Text.", "y.json": '{"id": "x", "text": "T."}'})
    with pytest.raises(SourceError, match="duplicate source id 'x'"):
        read_sources([folder])


@pytest.mark.parametrize("skip_bad", [False, True])
@pytest.mark.parametrize(
    "files",
    [{}, {".hidden.txt": "Hidden."}, {"notes.pdf": b"%PDF", "photo.jpg": b"\xff\xd8"}],
)
def test_folder_without_sources(tmp_path: Path, files: dict[str, str | bytes], skip_bad: bool) -> None:
    folder = make_folder(tmp_path / "src", files)
    with pytest.raises(SourceError) as caught:
        read_sources([folder], skip_bad=skip_bad)
    assert caught.value.problem == (
        f"no sources found in {folder} (looked for .txt, .md, .html, .htm, .json, .jsonl)"
    )


@pytest.mark.parametrize("skip_bad", [False, True])
def test_missing_path_always_raised(tmp_path: Path, skip_bad: bool) -> None:
    good = write(tmp_path, "a.txt", "Text.")
    with pytest.raises(SourceError) as caught:
        read_sources([good, tmp_path / "nope"], skip_bad=skip_bad)
    assert caught.value.path == str(tmp_path / "nope")
    assert caught.value.problem == "no such file or folder"


def test_read_sources_accepts_strings(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "src", {"a.txt": "A."})
    sources, _ = read_sources([str(folder)])
    assert sources[0].path == folder / "a.txt"


def test_fixture_inputs_folder_reads_cleanly() -> None:
    sources, problems = read_sources([INPUTS])
    assert problems == []
    assert [s.id for s in sources] == [
        "articles#1", "articles#3", "frontmatter", "gazette-bridge", "news_page",
        "published_line", "wire-2", "wire_story",
    ]


def test_hostile_folder_skip_bad() -> None:
    sources, problems = read_sources([HOSTILE], skip_bad=True)
    assert [s.id for s in sources] == ["formula", "script_injection"]
    assert sorted(Path(p.path).name for p in problems) == [
        "bad.json", "bad_lines.jsonl", "binary.txt", "empty.txt", "no_text.json", "report.pdf",
        "whitespace.txt",
    ]


# ------------------------------------------------------ founding articles


@pytest.mark.skipif(not FOUNDING.is_dir(), reason="founding sources not present")
def test_founding_articles(tmp_path: Path) -> None:
    copy = tmp_path / "sources"
    shutil.copytree(FOUNDING, copy)
    sources, problems = read_sources([copy])
    assert problems == []
    assert len(sources) == 2
    by_id = {s.id[:3]: s for s in sources}
    dated, undated = by_id["003"], by_id["000"]
    assert dated.published == date(2025, 10, 22)
    assert dated.dateline_place == "Hanoi"
    assert dated.meta_spans[0][0] == 0
    assert dated.text[dated.meta_spans[0][1]:].startswith("A landmark")
    assert undated.published is None
    for source in sources:
        assert source.text == source.path.read_bytes().decode("utf-8-sig")


# -------------------------------------------------------- normalisation


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“quoted” and ‘single’", "\"quoted\" and 'single'"),
        ("it’s", "it's"),
        ("«guillemets»", '"guillemets"'),
        ("a\u00a0b\u2009c\u202fd\u3000e", "a b c d e"),
        ("2020–2025 — and −5 ‑ x", "2020-2025 - and -5 - x"),
        ("zero\u200bwidth\u00adsoft", "zerowidthsoft"),
        ("ﬁnance ＡＢＣ １２", "finance ABC 12"),
        ("wait…", "wait..."),
        ("plain ascii", "plain ascii"),
    ],
)
def test_normalise_for_matching(text: str, expected: str) -> None:
    assert normalise_for_matching(text) == expected


@given(st.text())
def test_normalise_for_matching_idempotent(text: str) -> None:
    once = normalise_for_matching(text)
    assert normalise_for_matching(once) == once


# ------------------------------------------------------------ properties

PROPERTY_SETTINGS = settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
ARTICLE_ALPHABET = st.sampled_from(
    list("abcXYZ .,:;!?-—–()\"'“”’\n\r\t#*") + ["---\n", "date ", "2025-10-22 ", "HANOI", "(Reuters)",
                                              "Published: ", "12 March 2025", "Oct 22", "\ufeff", "\x00"]
)
articleish = st.lists(ARTICLE_ALPHABET, max_size=60).map("".join)


def check_source_invariants(source: Source, written: str) -> None:
    expected = written[1:] if written.startswith("\ufeff") else written
    assert source.text == expected
    previous_end = 0
    for start, end in source.meta_spans:
        assert 0 <= previous_end <= start < end <= len(source.text)
        previous_end = end


@PROPERTY_SETTINGS
@given(text=st.one_of(st.text(), articleish))
def test_any_text_file_reads_or_raises_source_error(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    folder = tmp_path_factory.mktemp("prop")
    path = write(folder, "a.txt", text)
    try:
        first = read_source(path)
    except SourceError as exc:
        assert exc.path == str(path)
        with pytest.raises(SourceError) as again:
            read_source(path)
        assert again.value.problem == exc.problem
        return
    [source] = first
    check_source_invariants(source, text)
    assert read_source(path) == first


@PROPERTY_SETTINGS
@given(data=st.binary(max_size=400), suffix=st.sampled_from(SUPPORTED_SUFFIXES))
def test_any_bytes_read_or_raise_source_error(
    tmp_path_factory: pytest.TempPathFactory, data: bytes, suffix: str
) -> None:
    folder = tmp_path_factory.mktemp("bytes")
    path = write(folder, f"a{suffix}", data)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SourceWarning)
        try:
            sources = read_source(path)
        except SourceError:
            return
    for source in sources:
        previous_end = 0
        for start, end in source.meta_spans:
            assert previous_end <= start < end <= len(source.text)
            previous_end = end


@PROPERTY_SETTINGS
@given(body=articleish, line=st.sampled_from(["\n", "\r\n", "\r"]))
def test_line_ending_choice_does_not_change_metadata(
    tmp_path_factory: pytest.TempPathFactory, body: str, line: str
) -> None:
    folder = tmp_path_factory.mktemp("eol")
    body = body.replace("\r", "").replace("\x00", "").replace("\ufeff", "")
    unix = body if body.strip() else "x"
    other = unix.replace("\n", line)
    try:
        a = read_source(write(folder, "a.txt", unix))[0]
    except SourceError as exc:
        with pytest.raises(SourceError) as caught:
            read_source(write(folder, "b.txt", other))
        assert caught.value.problem == exc.problem
        return
    b = read_source(write(folder, "b.txt", other))[0]
    assert (a.published, a.dateline_place, a.outlet, a.title) == (b.published, b.dateline_place, b.outlet, b.title)
    assert len(a.meta_spans) == len(b.meta_spans)

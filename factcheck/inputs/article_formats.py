"""Read each supported file type into `Source` records, given its decoded text.

.txt and .md are kept as the file holds them, with front matter and the
metadata at the top found and marked (`article_meta`); .html goes through
trafilatura (boilerplate removal is a solved problem we should not re-solve)
and keeps the article body; .json holds one article object and .jsonl one per
line. `READERS` maps each file suffix to its reader; `sources.py` reads and
decodes the file first.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable

from . import published as published_mod
from .article_meta import (TextMeta, explicit_date, front_matter, line_spans, normalise_for_matching, parse_date,
                           scan_metadata)
from ..errors import SourceError
from ..records import Source


# ------------------------------------------------------- text and markdown


def _read_text(path: Path, text: str, encoding: str) -> list[Source]:
    """.txt / .md: the file's own text, with its metadata found and marked."""
    front = front_matter(path, text)
    body_meta = scan_metadata(text, front.end if front else 0)
    if front and not text[front.end:].strip():
        raise SourceError(path, "no article text after the front matter")
    meta = body_meta.under(front)
    return [_source(path.stem, path, text, meta, "file", encoding)]


# ---------------------------------------------------------------------- HTML


def _read_html(path: Path, text: str, encoding: str) -> list[Source]:
    """.html / .htm: the article body and its metadata, as trafilatura extracts them."""
    import trafilatura  # ~0.15 s to import; most runs read no HTML

    # favor_recall keeps article text in "teaser" blocks, which the default mode drops
    # before falling back to one line of the whole page (headline, bylines and boxes
    # glued into the first sentence). Measured on tests/fixtures: the same text for
    # every other page, and no boilerplate added (tests/test_sources.py).
    document = trafilatura.bare_extraction(
        text,
        favor_recall=True,
        with_metadata=True,
        include_comments=False,
        include_images=False,
        include_links=False,
        include_tables=True,
        date_extraction_params={"original_date": True, "extensive_search": False},
    )
    title = _clean(getattr(document, "title", None)) if document else None
    body = _drop_title_line(getattr(document, "text", None) or "", title) if document else ""
    if not body.strip():
        raise SourceError(path, "no article text found in HTML")
    explicit = TextMeta(
        published=parse_date(getattr(document, "date", None) or ""),
        outlet=_clean(getattr(document, "sitename", None)),
        title=title,
        url=_clean(getattr(document, "url", None)),
    )
    if explicit.published is not None:
        explicit.published_at = published_mod.html_moment(text, explicit.published)
    meta = scan_metadata(body).under(explicit)
    return [_source(path.stem, path, body, meta, "html", encoding)]


def _drop_title_line(body: str, title: str | None) -> str:
    """The headline is metadata (Source.title), not a sentence of the body."""
    if not title:
        return body
    first, _, rest = body.partition("\n")
    if normalise_for_matching(first).strip().lower() == normalise_for_matching(title).strip().lower():
        return rest.lstrip("\r\n")
    return body


def _clean(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _source(source_id: str, path: Path, text: str, meta: TextMeta, origin: str, encoding: str) -> Source:
    return Source(
        id=source_id,
        path=path,
        text=text,
        published=meta.published,
        outlet=meta.outlet,
        title=meta.title,
        url=meta.url,
        meta_spans=tuple(meta.spans),
        dateline_place=meta.dateline_place,
        text_origin=origin,
        encoding=encoding,
        published_at=meta.published_at,
    )


# ---------------------------------------------------------------------- JSON

_JSON_FIELDS = ("text", "title", "date", "published", "outlet", "url", "id")


def _read_json(path: Path, text: str, encoding: str) -> list[Source]:
    """.json: one article object."""
    data = _parse_json(path, text, where="")
    if isinstance(data, list):
        raise SourceError(path, "expected one JSON object, found a list (for several articles use .jsonl)")
    return [_json_source(path, data, path.stem, "", encoding)]


def _read_jsonl(path: Path, text: str, encoding: str) -> list[Source]:
    """.jsonl: one article object per non-empty line."""
    sources: list[Source] = []
    lines_of_id: dict[str, int] = {}
    for number, (start, content_end, _end) in enumerate(line_spans(text), start=1):
        line = text[start:content_end]
        if not line.strip():
            continue
        where = f"line {number}: "
        data = _parse_json(path, line, where=where)
        source = _json_source(path, data, f"{path.stem}#{len(sources) + 1}", where, encoding)
        if source.id in lines_of_id:
            raise SourceError(path, f"{where}duplicate id {source.id!r} (also on line {lines_of_id[source.id]})")
        lines_of_id[source.id] = number
        sources.append(source)
    return sources


def _parse_json(path: Path, text: str, *, where: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        at = "" if where else f"line {exc.lineno}: "
        raise SourceError(path, f"{where}{at}not valid JSON ({exc.msg})") from None
    except RecursionError:
        raise SourceError(path, f"{where}not valid JSON (nested too deeply)") from None


def _json_source(path: Path, data: Any, default_id: str, where: str, encoding: str) -> Source:
    if not isinstance(data, dict):
        raise SourceError(path, f"{where}expected a JSON object with a \"text\" field")
    if "text" not in data:
        raise SourceError(path, f"{where}missing \"text\" field")
    fields = {name: _json_string(path, data, name, where) for name in _JSON_FIELDS}
    body = fields["text"] or ""
    if not body.strip():
        raise SourceError(path, f"{where}\"text\" field is empty")
    raw_date = fields["date"] or fields["published"]
    explicit = TextMeta(
        published=explicit_date(path, raw_date, f"{where}\"date\"") if raw_date else None,
        outlet=fields["outlet"] or None,
        title=fields["title"] or None,
        url=fields["url"] or None,
    )
    if raw_date and explicit.published is not None:
        explicit.published_at = published_mod.moment(raw_date, explicit.published)
    meta = scan_metadata(body).under(explicit)
    return _source(fields["id"] or default_id, path, body, meta, "json", encoding)


def _json_string(path: Path, data: dict[str, Any], name: str, where: str) -> str | None:
    """A field as a string; ids may be numbers, other fields must be strings or null."""
    value = data.get(name)
    if value is None:
        return None
    if name == "id" and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise SourceError(path, f"{where}\"{name}\" must be a string, not {type(value).__name__}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:  # "\ud800": JSON allows it, no text file can hold it
        bad = value[exc.start]
        raise SourceError(path, f"{where}\"{name}\" holds a lone surrogate (\\u{ord(bad):04x}), not text") from None
    # metadata is one line: a line break in an id or outlet would break claims.csv and forge log lines
    return " ".join(value.split()) if name != "text" else value


READERS: dict[str, Callable[[Path, str, str], list[Source]]] = {
    ".txt": _read_text,
    ".md": _read_text,
    ".html": _read_html,
    ".htm": _read_html,
    ".json": _read_json,
    ".jsonl": _read_jsonl,
}

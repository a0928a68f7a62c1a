"""Text from articles, file names and JSON ids made safe for where factcheck prints it.

A pull request is untrusted: a file name or a JSON `id` can hold a newline and
forge a line of CI log (`::error ...`, `::stop-commands::`), article text can
hold terminal escape sequences, and either can hold Markdown that renders as a
link, an image or an @mention in a pull-request comment. Every human-facing
output goes through one of these:

- `ident`: an id or path inside a line: control characters and line breaks
  shown as escapes (`\\n`, `\\x1b`), so the line stays one line and names the file;
- `one_line`: article text inside a line: escape sequences and control
  characters dropped, line breaks made spaces;
- `terminal`: a whole output for a terminal or CI log: control characters
  dropped and no line able to start a workflow command;
- `md`, `md_code`: text and ids in GitHub Markdown;
- `xml`: a whole XML document without the characters XML 1.0 forbids.
"""
from __future__ import annotations

import html
import re

# C0 controls but tab and newline, DEL, C1 controls, and the bidirectional overrides that reorder a line
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_LINE_BREAK = re.compile("\r\n|[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# terminal escape sequences: CSI (ESC [ ... final byte) and OSC / DCS / APC / PM strings (up to BEL or ST)
_ESCAPE_SEQUENCE = re.compile("\x1b\\[[0-?]{0,64}[ -/]{0,16}[@-~]|\x9b[0-?]{0,64}[ -/]{0,16}[@-~]"
                              "|[\x1b][\\]PX^_][^\x07\x1b\x9c]{0,4096}(?:\x07|\x1b\\\\|\x9c)?|\x1b.?")
_ESCAPE_ME = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# a line a CI runner reads as a command: GitHub (`::cmd::`, `##[cmd]`) and Azure (`##vso[`)
_COMMAND_LINE = re.compile(r"^(\s*)(::|##\[|##vso\[)", re.MULTILINE)
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# `[` and `]` escaped: no link or image can form, so `(`, `)` and `!` need no escape
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]#|~])")
_MENTION = re.compile(r"(@)|(?<![\w])(#)(?=[\w])|(?i:\b(GH)-(?=\d))")
_AUTOLINK = re.compile(r"(?i)\b(https?|ftp|mailto|file|www)(:|\.)")
ZWJ = "\u200d"


def ident(value: object) -> str:
    """An id or path for a human-facing line: every control character and line break escaped."""
    return _ESCAPE_ME.sub(lambda m: _NAMED.get(m.group(), f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                                              else f"\\u{ord(m.group()):04x}"), str(value))


def one_line(text: object) -> str:
    """Article text for a human-facing line: escape sequences and controls dropped, breaks made spaces."""
    s = _ESCAPE_SEQUENCE.sub("", str(text))
    s = _LINE_BREAK.sub(" ", s).replace("\t", " ")
    return _CONTROL.sub("", s)


def plain(text: object) -> str:
    """Text with escape sequences and control characters dropped (tab and newline kept)."""
    return _CONTROL.sub("", _ESCAPE_SEQUENCE.sub("", str(text)))


def terminal(text: str) -> str:
    """A whole output for a terminal or CI log: escape sequences and controls (but tab and newline)
    dropped, carriage returns made newlines, and a line that would start a workflow command defused."""
    s = _ESCAPE_SEQUENCE.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    s = _CONTROL.sub("", s)
    return _COMMAND_LINE.sub(lambda m: m.group(1) + m.group(2)[0] + ZWJ + m.group(2)[1:], s)


def message(text: object) -> str:
    """One line for stderr (an error or warning): line breaks and controls escaped, no command."""
    return terminal(ident(text))


def md(text: object) -> str:
    """Article text made inert in GitHub Markdown: no HTML, links, images, emphasis, table breaks,
    @mentions, #123 references or autolinked URLs (a zero-width joiner breaks the last three)."""
    s = re.sub(r"\s+", " ", one_line(text))
    s = html.escape(s, quote=False)
    s = _MD_SPECIAL.sub(r"\\\1", s)
    s = _MENTION.sub(lambda m: f"{m.group(3)}{ZWJ}-" if m.group(3) else f"{m.group(1) or m.group(2)}{ZWJ}", s)
    return _AUTOLINK.sub(lambda m: f"{m.group(1)}{ZWJ}{m.group(2)}", s)


def md_code(value: object) -> str:
    """An id as a Markdown code span that nothing in it can close, safe in a table cell."""
    s = " ".join(ident(value).split()) or " "
    fence = "`" * (max((len(run) for run in re.findall("`+", s)), default=0) + 1)
    pad = " " if s.startswith("`") or s.endswith("`") or fence != "`" else ""
    return f"{fence}{pad}{s.replace('|', chr(92) + '|')}{pad}{fence}"


def html_text(text: object) -> str:
    """Article text for HTML: control characters stripped, then escaped (quotes too)."""
    return html.escape(plain(text), quote=True)


def html_code(value: object) -> str:
    """An id inside `<code>` in Markdown or HTML: escaped, so `</code>` cannot close it."""
    return html.escape(" ".join(ident(value).split()), quote=True)


def xml(document: str) -> str:
    """An XML document without the characters XML 1.0 forbids (a \\x0b from an article breaks JUnit)."""
    return _XML_INVALID.sub("", document)

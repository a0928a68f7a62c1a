"""Western legacy text: windows-1252 files, and files mixing UTF-8 and windows-1252 lines.

A charset detector guesses from byte statistics and, on short Western text,
often guesses wrong (cp775 for a French café, cp1125 for a file whose lines
were saved by two editors). Browsers assume windows-1252 for unlabelled
Western pages; so does factcheck, line by line, before asking the detector.
"""
from __future__ import annotations

import re


def decode(raw: bytes, codec: str = "cp1252") -> tuple[str, str] | None:
    """Text in windows-1252, or UTF-8 lines mixed with windows-1252 lines, decoded line by line.

    Each line is read as UTF-8 when it is valid UTF-8, else as windows-1252 when it decodes
    cleanly (no C1 controls) and reads as Western text: its non-ASCII letters are a minority of
    its letters (Cyrillic or Greek in a single-byte code page is almost all non-ASCII, and is left
    to the detector). The encoding is "cp1252", or "utf-8, cp1252 on lines N, M" for a mixed file.
    """
    text: list[str] = []
    legacy: list[int] = []
    for number, line in enumerate(_raw_lines(raw), start=1):
        try:
            text.append(line.decode("utf-8"))
            continue
        except UnicodeDecodeError:
            pass
        try:
            decoded = line.decode(codec)
        except UnicodeDecodeError:
            return None
        if _C1.search(decoded) or not _mostly_ascii_letters(decoded):
            return None
        text.append(decoded)
        legacy.append(number)
    marked = set(legacy)
    if all(t.isascii() for n, t in enumerate(text, start=1) if n not in marked):
        return "".join(text), codec  # no line needed UTF-8: the whole file is windows-1252
    shown = ", ".join(map(str, legacy[:5])) + (", ..." if len(legacy) > 5 else "")
    return "".join(text), f"utf-8, {codec} on line{'s' if len(legacy) > 1 else ''} {shown}"


_C1 = re.compile("[\x80-\x9f]")
_RAW_LINE = re.compile(rb"[^\r\n]*(?:\r\n|\r|\n|$)")


def _raw_lines(raw: bytes) -> list[bytes]:
    """The bytes split after each line break (\r\n, \r or \n), breaks kept."""
    return [m.group(0) for m in _RAW_LINE.finditer(raw) if m.group(0)]


def _mostly_ascii_letters(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return sum(not c.isascii() for c in letters) * 3 <= len(letters)

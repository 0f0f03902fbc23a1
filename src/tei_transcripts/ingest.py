# SPDX-License-Identifier: MIT
"""Ingest: read a transcript's bytes, decode them, normalise spaces, keep line numbers.

Takes a path, gives a `Source`: the text as a list of lines (line N of the file is
``lines[N - 1]``), with every decoding decision and normalisation reported. The text is
never corrected here beyond what is invisible on the page (odd spaces, line endings).
"""

from __future__ import annotations

import html
import html.entities
import os
import re
import unicodedata
from dataclasses import dataclass
from typing import Iterator

from .conventions import trie_pattern
from .messages import Reporter
from .paths import read_bytes

DEFAULT_MAX_BYTES = 16 * 1024 * 1024

# Spaces that look like a space on the page: copied web pages and PDFs are full of them.
ODD_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\u000b\u000c]")
# Character references of HTML left in copied text; only those HTML defines are decoded.
HTML_ENTITY = re.compile(
    r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|"
    + trie_pattern([name.rstrip(";") for name in html.entities.html5 if name.endswith(";")])
    + ");"
)
# Characters that show nothing: zero-width spaces, word joiner, soft hyphen, stray BOMs.
INVISIBLES = re.compile("[\u200b\u2060\u00ad\ufeff]")
CONTROLS = re.compile("[\u0000-\u0008\u000e-\u001f\u007f]")
CYRILLIC = re.compile("[\u0400-\u04ff]")
MIXED_SCRIPT_WORD = re.compile(r"\w*(?:[A-Za-z]\w*[\u0400-\u04ff]|[\u0400-\u04ff]\w*[A-Za-z])\w*")


@dataclass
class Source:
    path: str
    lines: list[str]
    encoding: str

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def read_source(path: str, report: Reporter, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read and decode one transcript; raise `ConversionError` where it cannot be read."""
    if os.path.isdir(path):
        raise report.fail("not-a-file", "is a directory, not a transcript")
    try:
        size = os.path.getsize(path)
        if size > max_bytes:
            raise report.fail(
                "too-large",
                f"is {size:,} bytes, more than the limit of {max_bytes:,} (--max-bytes)",
            )
        data = read_bytes(path)
    except FileNotFoundError:
        raise report.fail("not-found", "no such file") from None
    except PermissionError:
        raise report.fail("unreadable", "permission denied") from None
    except OSError as error:
        raise report.fail("unreadable", error.strerror or str(error)) from None
    text, encoding = decode(data, report)
    lines = normalise(text, report)
    if not any(line.strip() for line in lines):
        raise report.fail("empty", "contains no text")
    return Source(path=path, lines=lines, encoding=encoding)


def decode(data: bytes, report: Reporter) -> tuple[str, str]:
    """Decode by BOM, then strict UTF-8, then cp1252 (with a warning)."""
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            raise report.fail(
                "bad-encoding", "UTF-8 byte order mark, but the bytes after it are not UTF-8"
            ) from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as error:
            raise report.fail(
                "bad-encoding", f"UTF-16 byte order mark, but {error.reason} at byte {error.start}"
            ) from None
    if b"\x00" in data:
        guess = _utf16_without_bom(data)
        if guess:
            report.warning(
                "encoding-guessed", f"no byte order mark; decoded as {guess} because of its NUL pattern"
            )
            return data.decode(guess, errors="strict"), guess
        offset = data.index(b"\x00")
        raise report.fail("binary", f"is binary, not text (NUL byte at offset {offset})")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise report.fail("bad-encoding", "is neither UTF-8 nor cp1252 text", line) from None
        report.warning(
            "encoding-fallback",
            f"not valid UTF-8 (byte 0x{data[error.start]:02x}); decoded as cp1252 (Windows Latin-1)",
            line,
        )
        return text, "cp1252"


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text of mostly Latin letters has a NUL in every other byte."""
    if len(data) < 32 or len(data) % 2:
        return None  # too short to judge, or not whole 16-bit units
    sample = data[:4096]
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if half and odd > 0.4 * half and even < 0.05 * half:
        encoding = "utf-16-le"
    elif half and even > 0.4 * half and odd < 0.05 * half:
        encoding = "utf-16-be"
    else:
        return None
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return encoding


def normalise(text: str, report: Reporter) -> list[str]:
    """Unify line endings and spaces; report what changed and where.

    Each substitution runs once over the whole text (fast on large files); the report gives
    how many of each kind and the first line that had one.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    first = HTML_ENTITY.search(text)  # copied from a page's source: "&nbsp;", "&#8217;"
    if first:
        text, n = HTML_ENTITY.subn(lambda m: html.unescape(m.group()), text)
        _report_normalised(report, n, "HTML character reference", text.count("\n", 0, first.start()) + 1)
    for pattern, what, replacement in (
        (ODD_SPACES, "odd space", " "),
        (INVISIBLES, "invisible character", ""),
        (CONTROLS, "control character", ""),
    ):
        first = pattern.search(text)
        if first:
            text, n = pattern.subn(replacement, text)
            _report_normalised(report, n, what, text.count("\n", 0, first.start()) + 1)
    if not text.isascii():
        composed = unicodedata.normalize("NFC", text)
        if composed != text:
            line = next(
                i for i, (a, b) in enumerate(zip(text.split("\n"), composed.split("\n")), 1) if a != b
            )
            _report_normalised(report, 1, "decomposed character sequence", line, counted=False)
            text = composed
        for match in _mixed_script_words(text):
            line = text.count("\n", 0, match.start()) + 1
            column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
            report.warning(
                "mixed-script",
                f"'{match.group()}' mixes Latin and Cyrillic letters; kept as printed",
                line,
                column,
            )
    return text.split("\n")


def _mixed_script_words(text: str) -> Iterator[re.Match]:
    """Words that mix Latin and Cyrillic letters. Only the lines with a Cyrillic letter are
    searched: over a whole English text the pattern costs more than the rest of reading."""
    position = 0
    while found := CYRILLIC.search(text, position):
        start = text.rfind("\n", 0, found.start()) + 1
        end = text.find("\n", found.start())
        end = len(text) if end < 0 else end
        yield from MIXED_SCRIPT_WORD.finditer(text, start, end)
        position = end


def _report_normalised(report: Reporter, n: int, what: str, line: int, counted: bool = True) -> None:
    amount = f"{n} {what}{'s' if n > 1 else ''}" if counted else f"{what.capitalize()}s"
    report.info("normalised", f"{amount} normalised (NFC, plain spaces; first on this line)", line)

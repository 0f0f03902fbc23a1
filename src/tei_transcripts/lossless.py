# SPDX-License-Identifier: MIT
"""The lossless check: every word of the source is in the TEI text once, in order, or was
removed as page furniture and listed in the report.

A word is a run of letters or digits. Markup of the source (HTML tags such as ``<sup>``,
Markdown's asterisks) is not a word; a footnote's printed number is kept in ``note/@n``,
in plain digits even where the source printed it in superscript ("¹"), so both sides are
compared with superscript digits read as plain ones; a Markdown link's address, printed after
its text ("[the report](https://…)"), is kept in ``ref/@target`` and read from there. A
hyphen the end of a line put into a word ("econo-" / "my") is an ``lb`` that parts the word
in the check as the hyphen parts it in the source.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from itertools import islice, zip_longest
from typing import Callable, Iterable, Iterator

from lxml import etree

from . import tei
from .encode.inline import FROM_SUPERSCRIPT, SUPERSCRIPT_DIGITS, strip_tags
from .segment import Removed

WORD = re.compile(r"[^\W_]+")  # letters and digits; the underscore is punctuation here


@dataclass
class Loss:
    """The first place where source and TEI part ways."""

    line: int
    expected: str  # the source's words from there
    found: str  # the TEI's words from there

    def __str__(self) -> str:
        return f"the TEI departs from the source here: source has {self.expected!r}, TEI has {self.found!r}"


def source_pieces(lines: list[str], removed: list[Removed], size: int = 1 << 16) -> Iterator[tuple[int, str]]:
    """The source with its page furniture blanked and its tags taken out, in pieces of whole
    lines of about `size` characters, each with the number of its first line.

    Furniture is whole lines (a navigation line, a page number, a rights paragraph) or a
    part of one (a line's number in the margin). No tag spans a line's end (reading set whole
    those a hard wrap broke: `ingest.BROKEN_TAG`).
    """
    furniture = {line for item in removed if not item.columns for line in item.lines}
    parts = {item.line: item.columns for item in removed if item.columns}
    first, piece, length = 1, [], 0
    for number, line in enumerate(lines, start=1):
        if number in furniture:
            line = ""
        elif number in parts:
            start, end = parts[number]
            line = line[:start] + " " * (end - start) + line[end:]
        piece.append(line)
        length += len(line) + 1
        if length >= size:
            yield first, _plain("\n".join(piece))
            first, piece, length = number + 1, [], 0
    if piece:
        yield first, _plain("\n".join(piece))


def _plain(text: str) -> str:
    return plain_digits(strip_tags(text, keep_newlines=True))


def plain_digits(text: str) -> str:
    """Superscript digits as plain ones (str.translate is slow; most texts have none)."""
    return text.translate(FROM_SUPERSCRIPT) if any(d in text for d in SUPERSCRIPT_DIGITS) else text


def source_words(pieces: Iterable[tuple[int, str]]) -> Iterator[tuple[str, int]]:
    """The words of `source_pieces` with their line numbers."""
    for line, text in pieces:
        position = 0
        for match in WORD.finditer(text):
            line += text.count("\n", position, match.start())
            position = match.start()
            yield match.group(), line


# Elements that the converter's own passes wrap around text already there: a name, a date,
# a time, a footnote number printed on the line ("CC2"). Every other element stands where something was printed or tagged (a bracket,
# asterisks, an HTML tag, a paragraph break), so it parts words, as a tag does in the source.
JOINING = {"persName", "date", "time"}


def tei_texts(documents: list[etree._Element]) -> Iterator[str]:
    """The text of the ``text`` of each document, in document order, tags taken out."""
    for root in documents:
        pieces: list[str] = []
        _collect(root.find(tei.q("text")) if root.tag == tei.q("TEI") else root, pieces)
        yield plain_digits(strip_tags("".join(pieces)))


def _collect(element: etree._Element, pieces: list[str]) -> None:
    name = etree.QName(element).localname
    joins = name in JOINING or (name == "ref" and element.get("rend") == "inline")
    if not joins:
        pieces.append(" ")
    if (name == "note" and element.get("type") == "footnote" or name == "pb") and element.get("n"):
        pieces.append(element.get("n") + " ")  # a footnote's number, a page's mark: printed
    pieces.append(element.text or "")
    for child in element:
        if isinstance(child.tag, str):
            _collect(child, pieces)
        pieces.append(child.tail or "")
    if name == "ref" and element.get("type") == "link":
        pieces.append(" " + element.get("target", ""))  # the address printed after the link's text
    if not joins:
        pieces.append(" ")


def check(lines: list[str], removed: list[Removed], documents: list[etree._Element]) -> Loss | None:
    """None when nothing was lost, added or reordered; else where it first went wrong."""
    return compare(lines, removed, fingerprint(tei_texts(documents)), lambda: tei_texts(documents))


def compare(
    lines: list[str], removed: list[Removed], tei: bytes, tei_again: Callable[[], Iterable[str]]
) -> Loss | None:
    """`check` for TEI known by the `fingerprint` of its texts, which `tei_again` gives
    again should they differ from the source's.

    Both sides are first reduced to a fingerprint of their words, a piece at a time (fast,
    and no word lists); only when the fingerprints differ are they read word by word to
    find the place, with its line.
    """
    if fingerprint(text for _, text in source_pieces(lines, removed)) == tei:
        return None
    expected = source_words(source_pieces(lines, removed))
    found = (match.group() for text in tei_again() for match in WORD.finditer(text))
    last_line = 0
    for (word, line), other in zip_longest(expected, found, fillvalue=(None, 0)):
        if isinstance(other, tuple):  # the TEI ended first
            return Loss(line, " ".join([word] + [w for w, _ in islice(expected, 7)]), "(end of TEI)")
        if word is None:  # the source ended first
            return Loss(last_line, "(end of source)", " ".join([other, *islice(found, 7)]))
        if word != other:
            return Loss(
                line,
                " ".join([word] + [w for w, _ in islice(expected, 7)]),
                " ".join([other, *islice(found, 7)]),
            )
        last_line = line
    return None


class Fingerprint:
    """A digest of the words of a sequence of texts in order, each word followed by a NUL,
    taken a text at a time: equal for two sequences exactly when their words are, wherever
    the texts were cut between words."""

    def __init__(self) -> None:
        self._digest = hashlib.blake2b()

    def add(self, text: str) -> None:
        words = WORD.findall(text)
        if words:
            self._digest.update(("\0".join(words) + "\0").encode())

    def digest(self) -> bytes:
        return self._digest.digest()


def fingerprint(texts: Iterable[str]) -> bytes:
    whole = Fingerprint()
    for text in texts:
        whole.add(text)
    return whole.digest()

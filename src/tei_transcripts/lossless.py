# SPDX-License-Identifier: MIT
"""The lossless check: every word of the source is in the TEI text once, in order, or was
removed as page furniture and listed in the report.

A word is a run of letters or digits. Markup of the source (HTML tags such as ``<sup>``,
Markdown's asterisks) is not a word; a footnote's printed number is kept in ``note/@n``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from . import tei
from .encode.inline import strip_tags
from .segment import Removed

WORD = re.compile(r"\w+")


@dataclass
class Loss:
    """The first place where source and TEI part ways."""

    line: int
    expected: str  # the source's words from there
    found: str  # the TEI's words from there

    def __str__(self) -> str:
        return f"the TEI departs from the source here: source has {self.expected!r}, TEI has {self.found!r}"


def source_words(lines: list[str], removed: list[Removed]) -> list[tuple[str, int]]:
    """The words of the source with their line numbers, page furniture left out.

    Furniture is always whole lines: a navigation line, a page number, a rights paragraph.
    """
    furniture = {line for item in removed for line in item.lines}
    words = []
    for number, line in enumerate(lines, start=1):
        if number not in furniture:
            words.extend((w, number) for w in WORD.findall(strip_tags(line)))
    return words


# Elements that the converter wraps around text without anything printed between them and
# their neighbours: a name, a date, a superscript. Every other element stands where
# something visible stood (a bracket, asterisks, a paragraph break), so it parts words.
JOINING = {"persName", "date", "time"}


def tei_words(documents: list[etree._Element]) -> list[str]:
    """The words of the ``text`` of each document, in document order."""
    words: list[str] = []
    for root in documents:
        text = root.find(tei.q("text")) if root.tag == tei.q("TEI") else root
        pieces: list[str] = []
        _collect(text, pieces)
        words.extend(WORD.findall("".join(pieces)))
    return words


def _collect(element: etree._Element, pieces: list[str]) -> None:
    name = etree.QName(element).localname
    joins = name in JOINING or (name in ("ref", "hi") and element.get("rend") == "superscript")
    if not joins:
        pieces.append(" ")
    if name == "note" and element.get("type") == "footnote" and element.get("n"):
        pieces.append(element.get("n") + " ")
    pieces.append(element.text or "")
    for child in element:
        if isinstance(child.tag, str):
            _collect(child, pieces)
        pieces.append(child.tail or "")
    if not joins:
        pieces.append(" ")


def check(lines: list[str], removed: list[Removed], documents: list[etree._Element]) -> Loss | None:
    """None when nothing was lost, added or reordered; else where it first went wrong."""
    expected = source_words(lines, removed)
    found = tei_words(documents)
    for i, (word, line) in enumerate(expected):
        if i >= len(found) or found[i] != word:
            return Loss(line, " ".join(w for w, _ in expected[i : i + 8]), " ".join(found[i : i + 8]))
    if len(found) > len(expected):
        last = expected[-1][1] if expected else 0
        return Loss(last, "(end of source)", " ".join(found[len(expected) : len(expected) + 8]))
    return None

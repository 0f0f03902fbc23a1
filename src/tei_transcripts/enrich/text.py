# SPDX-License-Identifier: MIT
"""Mark up matches inside the text nodes of a tree, never across element boundaries."""

from __future__ import annotations

from typing import Callable, Iterable

from lxml import etree

from .. import tei
from ..encode.context import LINE
from ..segment import SOFT_HYPHEN, read_whole

# find(text) → (start, end, element) for each match, in order, not overlapping.
Finder = Callable[[str, etree._Element], Iterable[tuple[int, int, etree._Element]]]

# Never marked up: a gap's description is the editor's words about the copy ("[date
# illegible]"), none of the record's.
NEVER = {"gap"}


def markup(root: etree._Element, find: Finder, skip: set[str], whole_words: bool = True) -> None:
    """Wrap what `find` finds in each text node of `root`, except inside `skip` elements.
    With `whole_words`, `find` reads words a line's end broke whole ("Mao Ze-" / "dong");
    what it wraps keeps the break."""
    skip = skip | NEVER
    if any(_name(node) in skip for node in root.iterancestors()):
        return
    search = _find_whole if whole_words else _find
    for element in list(_outside(root, skip)):
        children = list(element)  # not those wrapped here: their tails were searched already
        if element.text:
            matches = search(find, element.text, element)
            if matches:
                text = element.text
                element.text = text[: matches[0][0]]
                for i, new in enumerate(_pieces(text, matches)):
                    element.insert(i, new)
        for child in children:
            if child.tail:
                matches = search(find, child.tail, element)
                if matches:
                    text = child.tail
                    child.tail = text[: matches[0][0]]
                    position = element.index(child) + 1
                    for offset, new in enumerate(_pieces(text, matches)):
                        element.insert(position + offset, new)


def _find(find: Finder, text: str, parent: etree._Element) -> list:
    return list(find(text, parent))


def _find_whole(find: Finder, text: str, parent: etree._Element) -> list:
    """What `find` finds in `text` read without the hyphens of broken words, placed in
    `text`; an element wrapping a broken word holds it as printed."""
    if SOFT_HYPHEN not in text:
        return list(find(text, parent))
    whole, kept = read_whole(text)
    matches = []
    for start, end, new in find(whole, parent):
        end = kept[end - 1] + 1 if end > start else kept[start]
        start = kept[start]
        if len(new) == 0 and new.text:
            new.text = text[start:end]
        matches.append((start, end, new))
    return matches


def _pieces(text: str, matches) -> list[etree._Element]:
    out = []
    for i, (start, end, new) in enumerate(matches):
        following = matches[i + 1][0] if i + 1 < len(matches) else len(text)
        new.tail = text[end:following] or None
        out.append(new)
    return out


def _outside(element: etree._Element, skip: set[str]):
    """`element` and its descendants, in document order, except `skip` elements and what is
    inside them."""
    if _name(element) not in skip:
        yield element
        for child in element:
            if isinstance(child.tag, str):  # not a comment
                yield from _outside(child, skip)


def _name(element: etree._Element) -> str:
    return element.tag.rpartition("}")[2]


def source_line(element: etree._Element) -> int:
    """The transcript line of the nearest block that holds `element`."""
    node = element
    while node is not None:
        if node.get(LINE):
            return int(node.get(LINE))
        node = node.getparent()
    return 0


def mark_broken_words(text: etree._Element, header: etree._Element) -> None:
    """Each hyphen a line's end put into a word (`SOFT_HYPHEN` in a paragraph's text: the word
    is whole) as a line break that parts no word, ``econo<lb break="no" rend="hyphen"/>my``,
    where the schema allows one; printed back in an ``idno``, which holds text only. The
    header's fields are copies of the text: the words there are simply whole."""

    def find(string, parent):
        start = string.find(SOFT_HYPHEN)
        while start >= 0:
            yield start, start + 1, tei.E("lb", **{"break": "no"}, rend="hyphen")
            start = string.find(SOFT_HYPHEN, start + 1)

    for idno in text.iter(tei.q("idno")):
        idno.text = idno.text and idno.text.replace(SOFT_HYPHEN, "-")
    markup(text, find, skip={"idno"}, whole_words=False)
    for element in header.iter(etree.Element):
        element.text = element.text and element.text.replace(SOFT_HYPHEN, "")
        element.tail = element.tail and element.tail.replace(SOFT_HYPHEN, "")
        for name, value in element.attrib.items():
            element.set(name, value.replace(SOFT_HYPHEN, ""))

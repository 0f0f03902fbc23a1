# SPDX-License-Identifier: MIT
"""Numbered points printed as a list: the paragraphs "1. …", "2. …" (or "a) …", "b) …") after
one that ends in a colon ("We ask you to send the following:") → ``list type="ordered"``, one
``item`` each, the printed number or letter kept in its text (every word of the source stays)
and in ``@n``."""

from __future__ import annotations

from lxml import etree

from .. import tei

FIRST_POINTS = ("1", "a")  # what a run of points begins with
PARENTS = (tei.q("sp"), tei.q("quote"), tei.q("div"))  # what may hold points besides the body


def gather_points(record) -> None:
    """Make lists of the record's runs of numbered points, in the body, its turns, quotations
    and divisions."""
    record.body[:] = _gathered(record.body)
    parents = [part for element in record.body for part in element.iter(*PARENTS)]
    for parent in parents:  # found first: the tree is not changed while it is walked
        children = list(parent)
        gathered = _gathered(children)
        if len(gathered) != len(children):
            for child in children:
                parent.remove(child)
            parent.extend(gathered)


def _gathered(children: list[etree._Element]) -> list[etree._Element]:
    """`children` with each run of two or more points numbered from 1 or lettered from a on
    ("1. …", "2. …"; "a) …", "b) …"), after a paragraph ending in a colon, put into one list."""
    out: list[etree._Element] = []
    i = 0
    while i < len(children):
        run = _points_from(children, i)
        if run >= 2 and out and _introduces(out[-1]):
            out.append(tei.E("list", *map(_item, children[i : i + run]), type="ordered"))
            i += run
        else:
            out.append(children[i])
            i += 1
    return out


def _points_from(children: list[etree._Element], start: int) -> int:
    """How many paragraphs from `start` on are points numbered 1, 2, 3 … or lettered a, b, c …"""
    count, expected = 0, FIRST_POINTS
    for child in children[start:]:
        if child.tag != tei.q("p") or child.get("n") not in expected:
            break
        count += 1
        expected = (next_point(child.get("n")),)
    return count


def next_point(mark: str) -> str:
    """The number or letter after a point's: "2" → "3", "b" → "c"."""
    return str(int(mark) + 1) if mark.isdigit() else chr(ord(mark) + 1)


def _introduces(element: etree._Element) -> bool:
    """Does the paragraph end in a colon, announcing what follows ("… the following:")?"""
    return element.tag == tei.q("p") and tei.text_of(element).rstrip(" *_").endswith(":")


def _item(point: etree._Element) -> etree._Element:
    """The point's paragraph as a list's item: its words, markup and attributes."""
    item = tei.E("item")
    item.attrib.update(point.attrib)
    item.text = point.text
    item.extend(point)  # moves the children, their tails with them
    return item

# SPDX-License-Identifier: MIT
"""Page furniture: what the web page or the PDF added around the record.

Navigation lines, digital-archive headings, page numbers, running heads and rights
statements are removed, each with its line number and reason, for the report. The
patterns are in ``data/conventions.toml``.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from .. import conventions

if TYPE_CHECKING:
    from . import Block, Removed

SENTENCE_END = re.compile(r"[.?!:;]\s*$")
# a line that is only a date: "16 December 1949", "December 16, 1949", "October 1952"
DATE_LINE = re.compile(r"^\W*(?:\d{1,2}\s+)?[A-Z][a-z]+\.?\s+(?:\d{1,2},?\s+)?\d{4}\W*$")
SEPARATOR = re.compile(r"(?:[*_=~#·•]\s*){3,}|[-–—]{3,}")
WIDE_GAP = re.compile(r"\S {6,}\S")
LEADER = re.compile(r"(?:[.…·]\s?){3}")  # dots that lead to a page's number in a table of contents
# A book's running head: the page's number and the book's or part's title in capitals, set
# wide apart, the number first on a left-hand page, last on a right-hand one: "138      MAO,
# STALIN AND THE KOREAN WAR", "DOCUMENTS      139"
CAPITALS = r"[A-Z][A-Z0-9 ,.'’&:;()/-]{3,80}?"
BOOK_HEAD = re.compile(rf"(?P<before>\d{{1,4}})\s{{3,}}{CAPITALS}|{CAPITALS}\s{{3,}}(?P<after>\d{{1,4}})")
PAGE_LINES = 3  # the fewest lines of text a page between two running heads holds
# A browser's print header or footer, longer than a running head: a title "| Site", a time
# "2:35 PM", an address (digits are "#" in the keys compared)
BROWSER_HEAD = re.compile(r"\s\|\s|#:#\s*[ap]m\b|https?://")


# A number at a line's start, then a space or the line's end: a line's number in the margin
MARGIN_NUMBER = re.compile(r"[ \t]*(\d{1,4})(?=[ \t]|$)")
MARGIN_RUN = 5  # the fewest lines a margin's numbering covers
LOWER_NEXT = re.compile(r"[ \t]*[a-z]")  # what a numbered line goes on with


def blank_margin_numbers(lines: list[str], removed: list["Removed"]) -> list[str]:
    """The lines with the numbers a PDF or a typescript printed in their margin blanked, each
    removed as a part of its line (its columns; a line left blank is a blank line).

    Numbers at the lines' starts are a margin's when they count the lines: from one number
    to the next they grow by the lines between, blank ones counted or not, over five lines
    or more (three numbers, or two a fifth or tenth line apart), and they cannot be a
    numbered list's (`_not_a_list`). A list numbered "1 …", "2 …" without a full stop, an
    item to a line, keeps its numbers."""
    from . import Removed

    numbered = [(i, m) for i, line in enumerate(lines) if (m := MARGIN_NUMBER.match(line))]
    if len(numbered) < MARGIN_RUN // 2:
        return lines
    text_lines = [0]  # text lines before each line
    for line in lines:
        text_lines.append(text_lines[-1] + bool(line.strip()))
    runs: list[list[tuple[int, re.Match]]] = []
    for i, match in numbered:
        if runs and _counts_on(runs[-1][-1], (i, match), text_lines):
            runs[-1].append((i, match))
        else:
            runs.append([(i, match)])
    blanked = list(lines)
    for run in runs:
        if run[-1][0] - run[0][0] + 1 < MARGIN_RUN or not _not_a_list(run, lines):
            continue
        if len(run) == 2 and int(run[1][1].group(1)) - int(run[0][1].group(1)) not in (5, 10):
            continue  # two numbers only: a margin's every fifth or tenth line
        for i, match in run:
            start, end = match.span(1)
            blanked[i] = lines[i][:start] + " " * (end - start) + lines[i][end:]
            removed.append(Removed(i + 1, match.group(1), "line number in the margin", columns=(start, end)))
    return blanked


def _counts_on(before: tuple[int, re.Match], after: tuple[int, re.Match], text_lines: list[int]) -> bool:
    """Does the number of line `after` count on from that of `before`, by the lines between?"""
    (i, first), (j, second) = before, after
    step = int(second.group(1)) - int(first.group(1))
    return step > 0 and step in (j - i, text_lines[j] - text_lines[i])


def _not_a_list(run: list[tuple[int, re.Match]], lines: list[str]) -> bool:
    """Some line is numbered only every few lines ("5", "10"), some number stands alone on
    its line, or a numbered line's sentence goes on in the next ("… is the" / "2  question
    of …")."""
    for (i, first), (j, second) in zip(run, run[1:]):
        if int(second.group(1)) - int(first.group(1)) > 1 and any(lines[k].strip() for k in range(i + 1, j)):
            return True  # numbered every few lines
    for i, match in run:
        if not lines[i][match.end() :].strip():
            return True  # a number alone on its line
    for (i, first), (j, second) in zip(run, run[1:]):
        said = lines[i][first.end() :].rstrip()
        if j == i + 1 and said and not SENTENCE_END.search(said) and LOWER_NEXT.match(lines[j], second.end()):
            return True  # a sentence goes on in the next numbered line
    return False


def remove_lines(lines: list[str], removed: list["Removed"], opens_turn=None) -> list[bool]:
    """Mark furniture lines; returns, for each line, whether it is kept. A line that opens a
    known speaker's turn is never a running head, however often a speaker says the same."""
    from . import Removed

    navigation = conventions.pattern("furniture", "lines", whole=True)
    with_values = conventions.pattern("furniture", "with_values", whole=True)
    page_number = conventions.pattern("furniture", "page_number", whole=True)
    continued = conventions.pattern("furniture", "continued", whole=True)
    publication = conventions.pattern("furniture", "publication_heads", whole=True)
    contents = conventions.pattern("furniture", "contents", whole=True)
    heads = running_heads(lines, opens_turn)
    keep = []
    value_of = None  # the metadata heading whose values the next short lines are
    for number, line in enumerate(lines, start=1):
        text = line.strip()
        heading = text.strip("*# ").rstrip(":*")  # "Record ID", "Record ID:", "**Record ID:**"
        reason = of = None
        if not text:
            pass
        elif navigation.match(heading):
            reason = "navigation or page heading"
            value_of = text if with_values.match(heading) else None
        elif _is_value(text, value_of):
            reason = f"archive page metadata (value of {value_of!r})"
            of = value_of.strip("*# ").rstrip(":*")
        elif ":" in text and navigation.match(text.split(":")[0].strip("*# ")):
            # "Original Language: Russian", "Record ID: 111240", "Contents: English Translation"
            if _is_value(text.split(":", 1)[1].strip("* "), text):
                reason = "archive page metadata"
                of = text.split(":")[0].strip("*# ")
        elif page_number.match(text):
            reason = "page number"
        elif LEADER.search(text) and contents.match(text):
            reason = "table of contents"  # "2. Record of … ........ 5"
        elif continued.match(text):
            reason = "continuation mark"  # "(continued on next page)"
        elif SEPARATOR.fullmatch(text):
            reason = "separator"  # "* * *", "---": no words, a break between sections
        elif _head_key(text) in heads or publication.match(heading):
            reason = "running head"
        if text and reason is None:
            value_of = None
        if reason:
            removed.append(Removed(number, text, reason, heading=of))
        keep.append(reason is None)
    return keep


def _is_value(text: str, heading: str | None) -> bool:
    """A short value of a metadata heading: a few words that end no sentence."""
    return bool(heading) and len(text.split()) <= 10 and not SENTENCE_END.search(text)


def _head_key(text: str) -> str:
    """The line with its numbers as "#": a running head's page number changes from page to
    page. A date line keeps its numbers: records headed by their days are no running head."""
    text = text.strip()
    return text.lower() if DATE_LINE.match(text) else re.sub(r"\d+", "#", text.lower())


def running_heads(lines: list[str], opens_turn=None) -> set[str]:
    """Short lines without a full stop that repeat three times or more, page numbers aside,
    or twice when laid out as a PDF's running head is, its parts set wide apart
    ("CWIHP Bulletin 16          Fall 2007/Winter 2008"); a browser's longer print header
    ("11/24/26, 2:35 PM Record of … | Wilson Center Digital Archive")."""
    counts = Counter(_head_key(line) for line in lines if line.strip())
    heads = {
        key
        for key, n in counts.items()
        if (n >= 3 or (n == 2 and WIDE_GAP.search(key)))
        and not SENTENCE_END.search(key)
        and (len(key.split()) <= 12 or (n >= 3 and len(key.split()) <= 25 and BROWSER_HEAD.search(key)))
        and re.search(r"[a-z]", key)
    }
    heads |= _book_heads(lines)
    if heads and opens_turn:  # a speaker who says the same thing thrice is no running head
        heads -= {_head_key(line) for line in lines if _head_key(line) in heads and opens_turn(line.strip())}
    return heads


def _book_heads(lines: list[str]) -> set[str]:
    """A book's running heads: two or more lines of a page number and capitals set wide apart
    (`BOOK_HEAD`), a page's text between them, whose numbers run in the order of pages, each
    a page or a few after the last (a table's rows, "TANKS      50" / "GUNS      60", stand
    together, or out of order)."""
    found = [(i, match) for i, line in enumerate(lines) if (match := BOOK_HEAD.fullmatch(line.strip()))]
    pages = [int(match.group("before") or match.group("after")) for _, match in found]
    apart = all(
        sum(1 for line in lines[i + 1 : j] if line.strip()) >= PAGE_LINES
        for (i, _), (j, _) in zip(found, found[1:])
    )
    in_order = len(pages) >= 2 and apart and all(0 < b - a <= 30 for a, b in zip(pages, pages[1:]))
    return {_head_key(lines[i]) for i, _ in found} if in_order else set()


def remove_paragraphs(blocks: list["Block"], removed: list["Removed"]) -> list["Block"]:
    """Drop rights and reuse statements: paragraphs with two or more of the rights cues."""
    from . import Removed

    cue_list = conventions.load()["furniture"]["rights_cues"]
    cues = [re.compile(rf"\b{cue}", re.I) for cue in cue_list]
    any_cue = re.compile(rf"\b(?:{'|'.join(cue_list)})", re.I)
    kept = []
    for block in blocks:
        hits = sum(1 for cue in cues if cue.search(block.text)) if any_cue.search(block.text) else 0
        if hits >= 2 and len(block.text.split()) < 120:
            removed.append(Removed(block.line, block.text, "rights statement", block.last_line))
        else:
            kept.append(block)
    return kept

# SPDX-License-Identifier: MIT
"""Segment: lines → paragraphs (`Block`s), with page furniture removed and reported.

Takes a `Source`, gives a `Segmentation`: the paragraphs in order, each knowing the line and
column of every character, and the list of removed furniture. It repairs what copying did to
the text: hard-wrapped lines are joined, a sentence split by a blank line or a page break is
joined again, and a document with one paragraph per line keeps its paragraphs.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from functools import cache, cached_property
from typing import Callable

from .. import conventions
from ..ingest import PHRASE_TAGS, Source
from ..messages import Reporter
from . import furniture
from .furniture import DATE_LINE

TERMINAL = re.compile(r"""[.?!:;"”’)\]*]\s*$|\.{3}\s*$""")
FUNCTION_WORD_END = re.compile(
    r"\b(?:the|a|an|of|to|in|on|at|by|for|with|from|and|or|but|that|which|who|as|than|between)\s*$", re.I
)
# a title that only ever stands before a name: the line after it goes on ("… with Comrade" / "Stalin.")
HONORIFIC_END = re.compile(r"\b(?:comrade|cdes?\.|com\.|comrs?\.|tov\.|mr\.)\s*$", re.I)
# A line that ends inside a phrase tag's pair, "… the rubber<sup>" / "2</sup> is short."
OPEN_PHRASE_END = re.compile(rf"<({PHRASE_TAGS})[ \t]*>(?:(?!</?\1[ \t]*>).)*$", re.I)
STARTS_LOWER = re.compile(r"^\s*(?:[a-z]|\[[a-z]|\(?[a-z])")
QUOTE_MARK = re.compile(r"(?:>\s?)+(?=\S)")  # Markdown's "> " before a quoted line
QUOTE_ONLY = re.compile(r"\s*(?:>\s*)+")  # a quoted blank line, ">": blank
MARKDOWN_BLOCK = re.compile(r"\*\*\s*[A-Z][\w ]{0,30}:|#{1,6}\s")  # "**Title:", "#### Remarks"
# A word broken at a line's end: letters and a hyphen, and letters in lower case on the next
BROKEN_HEAD = re.compile(r"(?<![\w-])([^\W\d_]+(?:-[^\W\d_]+)*)-$")
BROKEN_TAIL = re.compile(r"[^\W\d_]+")
WORD_HYPHEN_END = re.compile(r"[^\W_]-$")
WORD_OR_COMPOUND = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# In a paragraph's text: the hyphen of a word a line's end broke, which is not the word's own
# ("econo\u00admy"). The TEI has a line break there that parts no word (``lb break="no"``).
SOFT_HYPHEN = "\u00ad"


def read_whole(text: str) -> tuple[str, list[int]]:
    """`text` with its words a line's end broke whole again (without `SOFT_HYPHEN`), and
    where each of its characters stands in `text`, one more place for its end."""
    kept = [i for i, char in enumerate(text) if char != SOFT_HYPHEN]
    return text.replace(SOFT_HYPHEN, ""), kept + [len(text)]


TABLE_CELLS = re.compile(r"\S\t+\S")  # cells parted by tabs, as in a table copied from a page
# A small Roman numeral up to 39, as a word processor numbers endnotes and points: "i", "iv", "xii"
ROMAN_NUMERAL = r"(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})"
# a numbered point or note: "1) …", "2. …", "3/ …", "iv. …", "(2) …"
NUMBERED_LINE = re.compile(
    rf"[\"“]?(?:(?:\d{{1,2}}|{ROMAN_NUMERAL})[.)/]|\((?:\d{{1,2}}|{ROMAN_NUMERAL})\))\s+\S"
)
BULLET_LINE = re.compile(r"[•●▪◦‣∙·*-]\s+\S")  # an item of a list: "• to extend …", "- to send …"
# a footnote at a page's foot: "1 Caoutchouc …", "12. See …", its number glued to a word before
PAGE_FOOTNOTE = re.compile(r"(\d{1,3})\.?\s+[A-Z\[(“\"]")
FOOT_LINES = 8  # the most lines a page's footnotes that break a sentence take
MARKER_AFTER_SENTENCE = re.compile(r"(?<=[.!?”\"’)])\d{1,3}$")  # "… it can do.2"
GLUED_MARKER = re.compile(r"[^\W\d_][.,;:!?”\"’)]?(\d{1,3})(?!\w)")  # "… the Railroad.1 We …"
LABELLED_LINE = re.compile(r"(?:Also\s+)?(?:Present|Participants|Attending)\s*:")  # an attendance list


@cache
def title_end() -> re.Pattern:
    """A text that ends with an abbreviated title ("On the Chinese side comrs."): its
    full stop ends the abbreviation, not the sentence; the names follow."""
    abbreviations = [h for h in conventions.load()["speech"]["honorifics"] if h.rstrip(")").endswith("\\.")]
    return re.compile(rf"\b{conventions.alternation(abbreviations)}\s*$", re.IGNORECASE)


INITIALS_END = re.compile(r"(?:^|[\s(])(?:[A-Z]\.){1,3}$")  # "… Chen Boda and N.T." / "Fedorenko."


def ends_sentence(text: str) -> bool:
    tail = max(0, len(text) - 60)  # the patterns look at the end only: not at a long paragraph's start
    return (
        bool(TERMINAL.search(text, tail))
        and not title_end().search(text, tail)
        and not INITIALS_END.search(text, tail)
    )


def open_bracket_closes(previous: str, line: str) -> bool:
    """Does `previous` leave a parenthesis or bracket open that `line` closes ("Zhou Enlai
    (hereafter" / "Zh.), V.M. Molotov.")?"""
    return any(
        previous.count(opening) > previous.count(closing) and closing in line
        for opening, closing in (("(", ")"), ("[", "]"))
    )


@dataclass
class Block:
    """One paragraph of the source, with the position of each of its lines."""

    text: str
    starts: list[int]  # offset in `text` where each source line begins
    lines: list[int]  # that line's number in the source
    columns: list[int]  # the column (1-based) in that line of the offset

    @property
    def line(self) -> int:
        return self.lines[0]

    @property
    def last_line(self) -> int:
        return self.lines[-1]

    def position(self, offset: int) -> tuple[int, int]:
        """Line and column in the source of the character at `offset` in `text`."""
        i = max(bisect_right(self.starts, offset) - 1, 0)
        return self.lines[i], self.columns[i] + offset - self.starts[i]

    def slice(self, start: int, end: int | None = None) -> "Block":
        """The part of this block from `start` to `end`, keeping positions."""
        end = len(self.text) if end is None else end
        piece = self.text[start:end]
        lead = len(piece) - len(piece.lstrip())
        piece = piece.strip()
        start += lead
        i = max(bisect_right(self.starts, start) - 1, 0)
        starts, lines, columns = [0], [self.lines[i]], [self.columns[i] + start - self.starts[i]]
        for s, ln, col in zip(self.starts[i + 1 :], self.lines[i + 1 :], self.columns[i + 1 :]):
            if s >= start + len(piece):
                break
            starts.append(s - start)
            lines.append(ln)
            columns.append(col)
        return Block(piece, starts, lines, columns)

    @classmethod
    def join(cls, first: "Block", second: "Block", separator: str = " ") -> "Block":
        offset = len(first.text) + len(separator)
        return cls(
            first.text + separator + second.text,
            first.starts + [s + offset for s in second.starts],
            first.lines + second.lines,
            first.columns + second.columns,
        )


@dataclass
class Removed:
    """A piece of page furniture taken out of the text, for the report."""

    line: int
    text: str
    reason: str
    last_line: int = 0
    heading: str | None = None  # of an archive page's metadata, the heading it is a value of
    columns: tuple[int, int] | None = None  # of a part of its line (a margin's number), else the whole

    @property
    def lines(self) -> range:
        return range(self.line, max(self.line, self.last_line) + 1)

    @property
    def value(self) -> str:
        """The metadata's value without its heading: "Original Language: Russian" → "Russian"."""
        text = self.text.strip(" *#")
        if self.heading and text.lower().startswith(self.heading.lower()):
            text = text[len(self.heading) :].lstrip(" *:")
        return text.strip(" *")


@dataclass
class Segmentation:
    blocks: list[Block]
    removed: list[Removed] = field(default_factory=list)
    hard_wrapped: bool = False


def segment(source: Source, report: Reporter, opens_turn: Callable[[str], str] | None = None) -> Segmentation:
    """`opens_turn` tells whether a line starts with a speaker's label ("Stalin. …"): in
    wrapped text such a line starts a paragraph even after a full-width line."""
    removed: list[Removed] = []
    lines = furniture.blank_margin_numbers(source.lines, removed)
    keep = furniture.remove_lines(lines, removed, opens_turn)
    width = wrap_width(lines, keep, opens_turn)
    runs = raw_blocks(lines, keep)
    words = Vocabulary(lines)
    # the last line of each page, before its number or running head was removed
    page_ends = frozenset(
        n for n in range(1, len(lines)) if keep[n - 1] and lines[n - 1].strip() and not keep[n]
    )
    blocks: list[Block] = []
    for gap, run in runs:
        for block in split_run(run, width, opens_turn, words, page_ends):
            if blocks and gap and should_rejoin(blocks[-1], block):
                report.info("paragraph-rejoined", "a sentence split by blank lines was joined", block.line)
                blocks[-1] = Block.join(blocks[-1], block)
            else:
                blocks.append(block)
            gap = 0
    blocks = furniture.remove_paragraphs(blocks, removed)
    for item in removed:
        report.info("furniture-removed", f"page furniture removed ({item.reason}): {item.text!r}", item.line)
    return Segmentation(blocks, removed, width is not None)


def raw_blocks(lines: list[str], keep: list[bool]) -> list[tuple[int, list[tuple[int, str]]]]:
    """Runs of non-blank lines, each with the number of blank lines before it (a quoted
    blank line, ">", is blank).

    A removed furniture line counts as neither text nor blank, so a page header between two
    halves of a paragraph leaves the paragraph whole.
    """
    runs: list[tuple[int, list[tuple[int, str]]]] = []
    current: list[tuple[int, str]] = []
    gap = 0
    for number, (line, kept) in enumerate(zip(lines, keep), start=1):
        if not kept:
            continue
        if line.strip() and not QUOTE_ONLY.fullmatch(line):
            if not current:
                runs.append((gap, current))
            current.append((number, line))
            gap = 0
        else:
            if current:
                current = []
            gap += 1
    return runs


def wrap_width(lines: list[str], keep: list[bool], opens_turn=None) -> int | None:
    """The column at which a hard-wrapped text was broken, or None if it is not hard-wrapped.

    In hard-wrapped text most lines followed by another line of the same paragraph end
    near one width, many of them in the middle of a sentence; in text with one paragraph
    per line the lengths scatter widely and nearly every line ends a sentence.
    """
    lengths = [len(line.rstrip()) for line, kept in zip(lines, keep) if kept and line.strip()]
    pairs = [
        (line.rstrip(), nxt)
        for line, nxt, kept in zip(lines, lines[1:], keep)
        if kept and line.strip() and nxt.strip()
    ]
    inner_lines = [line for line, _ in pairs]
    inner_next = [nxt for _, nxt in pairs]
    inner = [len(line) for line in inner_lines]
    mid_sentence = sum(1 for line in inner_lines if not ends_sentence(line))
    if len(inner) < 3 or (len(inner) < 5 and mid_sentence < len(inner)):
        return None  # too few lines to tell, unless every one of them stops mid-sentence
    if mid_sentence < 0.3 * len(inner):
        return None  # nearly every line ends a sentence: paragraphs, one to a line
    lengths.sort()
    width = lengths[int(0.95 * (len(lengths) - 1))]
    if width > 130 or width < 30:
        return None
    if sum(1 for n in lengths if n > 1.15 * width) > 0.05 * len(lengths):
        return None  # lines well beyond the width: paragraphs, one to a line, not a wrap
    near = sum(1 for n in inner if n >= 0.75 * width)
    if near >= 0.6 * len(inner):
        return width
    # a dialogue of one-line turns has few lines near the width, but the lines a wrap broke
    # mid-sentence all end near it (a title before a turn is no such line)
    broken = [
        len(line)
        for line, nxt in zip(inner_lines, inner_next)
        if not ends_sentence(line) and not (opens_turn and opens_turn(nxt.strip()))
    ]
    near = sum(1 for n in broken if n >= 0.75 * width)
    return width if len(broken) >= 3 and near >= 0.8 * len(broken) else None


class Vocabulary:
    """The words a transcript prints, to tell a word a line's end broke from a compound."""

    def __init__(self, lines: list[str]):
        self.lines = lines

    @cached_property
    def words(self) -> set[str]:
        return {word for line in self.lines for word in WORD_OR_COMPOUND.findall(line.casefold())}

    def broken_word(self, previous: str, line: str) -> bool:
        """Is the hyphen at the end of `previous` one the line's end put there ("econo-" /
        "my"), not the word's own ("pre-" / "war", "Sino-" / "Soviet")?"""
        if not previous.endswith("-"):
            return False
        head, tail = BROKEN_HEAD.search(previous), BROKEN_TAIL.match(line)
        if not head or not tail:
            return False
        if not (tail.group()[0].islower() or (head.group(1).isupper() and tail.group().isupper())):
            return False  # "Sino-" / "Soviet"; but a heading in capitals breaks its words too
        first, rest = head.group(1).casefold(), tail.group().casefold()
        if f"{first}-{rest}" in self.words:
            return False  # the transcript prints the compound elsewhere
        if first + rest in self.words:
            return True  # … or the word whole
        return first.rpartition("-")[2] not in compound_heads()


@cache
def compound_heads() -> frozenset[str]:
    return frozenset(conventions.load()["segment"]["compound_heads"])


def split_run(
    run: list[tuple[int, str]],
    width: int | None,
    opens_turn=None,
    words: Vocabulary | None = None,
    page_ends: frozenset[int] = frozenset(),
) -> list[Block]:
    """Turn consecutive lines into paragraphs: joined when wrapped, kept apart otherwise.
    `page_ends`: the lines a page's removed number or running head follows."""
    blocks: list[Block] = []
    current: Block | None = None
    previous_line, previous_column = "", 1
    markers: set[str] = set()  # the footnote markers glued to words so far
    foot_ends = 0  # the page end a footnote that broke a sentence runs to
    for index, (number, line) in enumerate(run):
        stripped = line.strip()
        column = len(line) - len(line.lstrip()) + 1
        quoted = QUOTE_MARK.match(stripped)  # Markdown's "> " before a quoted line is markup
        if quoted:
            stripped, column = stripped[quoted.end() :], column + quoted.end()
        block = Block(stripped, [0], [number], [column])
        # in wrapped text a first line indented (by spaces or a tab) where the line before
        # was not opens a paragraph, unless it hangs under a numbered item's or a bullet's text
        indented = (
            bool(width)
            and (column > 2 or line.startswith("\t"))
            and previous_column == 1
            and not hangs(previous_line, column)
        )
        # the page's footnote to a marker above, after a sentence's end: its own paragraph
        footnote = PAGE_FOOTNOTE.match(stripped)
        foot = bool(footnote) and footnote.group(1) in markers
        # the line before ends a sentence, its own marker after it or not ("… it can do.2")
        if foot and not ends_sentence(MARKER_AFTER_SENTENCE.sub("", previous_line)):
            # "… the CC" / "1 Mao's emphasis …" / the page's end: a page's foot broke the sentence
            foot_ends = _page_end(run[index:], page_ends, opens_turn)
            foot = bool(foot_ends)
        after_foot = bool(foot_ends) and run[index - 1][0] == foot_ends  # the sentence goes on
        markers.update(m.group(1) for m in GLUED_MARKER.finditer(stripped))
        if (
            current is not None
            and not indented
            and not foot
            and not after_foot
            and continues(previous_line, stripped, width, opens_turn)
        ):
            if words and words.broken_word(previous_line, stripped):
                current = Block.join(replace(current, text=current.text[:-1] + SOFT_HYPHEN), block, "")
            else:
                glued = WORD_HYPHEN_END.search(previous_line)  # "pre-" / "war", "1949-" / "1950"
                current = Block.join(current, block, "" if glued else " ")
        else:
            if current is not None:
                blocks.append(current)
            current = block
        previous_line, previous_column = stripped, column
    if current is not None:
        blocks.append(current)
    return blocks


def hangs(item: str, column: int) -> bool:
    """Is a line at `column` the hanging indent under the text of a numbered or bulleted
    `item` that starts its line: "(1) Mao Zedong and Zhou Enlai, then in Moscow" / "    for
    the treaty talks."?"""
    start = NUMBERED_LINE.match(item) or BULLET_LINE.match(item)
    return bool(start) and column == start.end()


def _page_end(lines: list[tuple[int, str]], page_ends: frozenset[int], opens_turn=None) -> int:
    """The page end a page's footnotes starting with the first of `lines` run to, within a
    few lines and before any turn: its line number, else 0 (no page's foot)."""
    for offset, (number, line) in enumerate(lines[:FOOT_LINES]):
        if offset and opens_turn is not None and opens_turn(line.strip()):
            return 0
        if number in page_ends:
            return number
    return 0


def continues(previous: str, line: str, width: int | None, opens_turn=None) -> bool:
    """Does `line` continue the paragraph whose last source line is `previous`?"""
    if TABLE_CELLS.search(previous) and TABLE_CELLS.search(line):
        return False  # rows of a table
    if HONORIFIC_END.search(previous) or ("<" in previous and OPEN_PHRASE_END.search(previous)):
        return True
    if width:
        # In wrapped text a line that stops well short of the width and ends a sentence
        # ends its paragraph, and so does a full line before a line that can only open one
        # ("The conversation ended at …", "Recorded by …"); every other line runs on.
        short = len(previous) < 0.7 * width
        turn = opens_turn is not None and opens_turn(line)  # a known speaker's label or subject
        opens = turn or opens_paragraph(line)
        # a title in capitals ends here, and so does a whole title before a turn ("Record of
        # Conversation between Stalin and Mao Zedong on 16.XII.49" / "Stalin. When …") or
        # before a date alone on its line ("… between Stalin and Zhou Enlai" / "20 August
        # 1952"; not "… with Ambassador Roshchin," / "9 February 1950")
        heading = (previous.isupper() and not line.isupper()) or (
            (turn or DATE_LINE.match(line))
            and bool(conventions.title().match(previous))
            and not FUNCTION_WORD_END.search(previous)
            and not previous.endswith((",", "—", "–", "-"))
        )
        # a known speaker's turn whose first word would have fitted on the previous line: no
        # wrap put it here
        # a list or a phrase the line before breaks off runs on
        broken_off = previous.endswith((",", ";", "-", "—", "–")) or FUNCTION_WORD_END.search(previous)
        room = turn and len(previous) + 1 + len(line.split()[0]) <= width and not broken_off
        # a label and its colon ("Chairman Mao: …", "Present: …", "Place: …") at a line's
        # start opens a paragraph
        field = line[:1].isupper() and conventions.pattern("fields", "single").match(line)
        labelled = (turn == "label" or LABELLED_LINE.match(line) or field) and not broken_off
        if opens and (short or heading or room or labelled or ends_sentence(previous)):
            return False
        if short and (heading or DATE_LINE.match(previous)):
            return False  # a short heading in capitals, a date line: lines of their own
        return not ends_sentence(previous) or not short
    if NUMBERED_LINE.match(line) or BULLET_LINE.match(line):
        return False  # "1) a credit …", "• a credit …" after "… listed their requests:"
    if WORD_HYPHEN_END.search(previous) and line[:1].isalnum():
        return True  # a word broken at the line's end: "… the Sino-" / "Soviet talks"
    if re.search(r":\**\s*$", previous):
        # a label whose value is on the next line ("**Date:**", "Interpreters:"), unless that
        # line is a turn ("Present:" / "Stalin. Let us begin.") or a quotation the colon
        # introduces ("… read out the telegram:" / "\"To Comrade Filippov …")
        return not (opens_turn is not None and opens_turn(line)) and not line.startswith(('"', "“"))
    return not ends_sentence(previous) and bool(
        STARTS_LOWER.match(line)
        or FUNCTION_WORD_END.search(previous)
        or title_end().search(previous)
        or (INITIALS_END.search(previous) and not (opens_turn is not None and opens_turn(line)))
        or open_bracket_closes(previous, line)
    )


def opens_paragraph(line: str) -> bool:
    return bool(
        MARKDOWN_BLOCK.match(line)
        or LABELLED_LINE.match(line)
        or NUMBERED_LINE.match(line)
        or BULLET_LINE.match(line)
        or DATE_LINE.match(line)
        or conventions.pattern("fields", "single").match(line)
        or conventions.pattern("narrative", "patterns").search(line)
        or conventions.pattern("closer", "patterns").search(line)
        or re.match(r"[A-Z]{3,}(?:\s[A-Z]{3,})*[.:,]?\s", line)
    )


LETTER_LINES = (("letters", "salute"), ("closer", "valediction"))


def should_rejoin(previous: Block, block: Block) -> bool:
    """Was a sentence split by blank lines? Only when the first half plainly stops mid-sentence."""
    if ends_sentence(previous.text) or DATE_LINE.match(previous.text):
        return False
    if conventions.pattern("attendance", "group").match(block.text):
        return False  # a new group of an attendance list: "from the Chinese side: ..."
    if any(conventions.pattern(*key, whole=True).match(previous.text) for key in LETTER_LINES):
        return False  # a letter's greeting, "Dear Comrade Stalin,", or its "With deep respect,"
    if opens_paragraph(block.text) or conventions.pattern("closer", "patterns").search(previous.text):
        return False  # a signature line, "Recorded by …", "The conversation ended …"
    footnote = PAGE_FOOTNOTE.match(block.text)
    if footnote and footnote.group(1) in {m.group(1) for m in GLUED_MARKER.finditer(previous.text)}:
        return False  # the page's footnote to "… the rubber1 must …", the sentence going on after it
    tail = previous.text.rstrip()
    return bool(
        STARTS_LOWER.match(block.text)
        or FUNCTION_WORD_END.search(tail)
        or title_end().search(tail)
        or tail.endswith((",", "—", "–"))
    )

# SPDX-License-Identifier: MIT
"""The contract of a block rule, the registry that orders the rules, and what several rules share."""

from __future__ import annotations

import difflib
import re
from functools import cache

from ... import conventions, tei
from ...ingest import EMPHASIS_TAGS
from ...segment import Block
from ..context import Context
from ..speech import BULLETS, lead

LEADING_STAMP = re.compile(r"[\[(]?\d")  # perhaps a time stamp

TRAILING_MARKUP = re.compile(rf"(?:\*\*|__|\*|(?<=\S)_(?![\w_])|</(?:{EMPHASIS_TAGS})>)+")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*$")


@cache
def _appendix_heading() -> re.Pattern:
    """A part printed after the record: "Appendix", "Attachment No. 2:", "ANNEX 1 to the
    record", "Enclosure." — alone on its line, or with its first words after a colon (or
    after a full stop where it is numbered: "Attachment 1. List of …")."""
    words = conventions.alternation(conventions.load()["titles"]["appendix_words"])
    return re.compile(
        rf"(?:#{{1,6}}\s*|\*\*|__)?{words}"
        r"(?P<numbered>\s+(?:no\.?\s*|№\s*)?(?:\d{1,2}|[IVX]{1,4}|[A-Z])\b)?"
        r"(?:\s+to\s+(?:the\s+|this\s+)?(?:record|memorandum|minutes|telegram|cable|letter|document|conversation)\b[^.:]{0,60})?"
        r"(?:\*\*|__)?\s*(?::\s*|[.—–]?\s*$|(?(numbered)[.—–]\s+|(?!)))",
        re.I,
    )


def appendix_heading(block: Block) -> int | None:
    """Where the heading of a part printed after the record ends in `block`, if its first
    line begins with one: "Appendix" alone, or "Attachment: list of the divisions"."""
    first = block.text.split("\n", 1)[0]
    heading = _appendix_heading().match(first)
    return heading.end() if heading else None


def part_heading(block: Block) -> bool:
    """Is the paragraph only the heading of an edition's part: "INTRODUCTION", "## Editor's
    Note", "Commentary:"?"""
    if len(block.text) > 60 or "\n" in block.text:
        return False
    words = plain(block.text).replace("’", "'").strip(" :.").lower()
    return words in conventions.load()["titles"]["part_headings"]


def without_heading_marks(block: Block) -> Block:
    """A Markdown heading's words without its marks: "## Notes" or "## Notes ##" → "Notes"."""
    heading = HEADING.match(block.text)
    return block.slice(heading.start(2), heading.end(2)) if heading else block


def plain(text: str) -> str:
    """The paragraph without Markdown heading marks and emphasis, for tests that need no offsets."""
    if (
        "*" not in text
        and "_" not in text
        and "<" not in text
        and "#" not in text
        and text[:1] not in BULLETS
        and not LEADING_STAMP.match(text)
    ):
        return text  # most paragraphs have no markup at all; every rule asks
    return TRAILING_MARKUP.sub("", text[lead(text) :])


class BlockRule:
    name = "rule"

    def test(self, block: Block, ctx: Context) -> bool:
        raise NotImplementedError

    def run(self, block: Block, ctx: Context) -> bool:
        raise NotImplementedError


class Registry:
    """The rules in the order they are tried, each placed by name relative to another."""

    def __init__(self) -> None:
        self._rules: list[BlockRule] = []

    def register(self, rule: BlockRule, before: str | None = None, after: str | None = None) -> None:
        names = [r.name for r in self._rules]
        if before:
            self._rules.insert(names.index(before), rule)
        elif after:
            self._rules.insert(names.index(after) + 1, rule)
        else:
            self._rules.append(rule)

    def __iter__(self):
        return iter(self._rules)

    @property
    def names(self) -> list[str]:
        return [r.name for r in self._rules]


def _has_turns(record) -> bool:
    return any(e.tag == tei.q("sp") for e in record.body)


def is_attendance_list(element) -> bool:
    """Is `element` a record's list of who was present ("Present: …")?"""
    return element.tag == tei.q("list") and element.get("type") == "participants"


def _unknown_speaker(label: str, block: Block, ctx: Context) -> str:
    record = ctx.record
    if label not in record.unknown:
        slug = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-") or "speaker"
        pid = f"unknown-{slug}"
        record.unknown[label] = pid
        alike = [form for form in ctx.persons.forms if form[:1].lower() == label[:1].lower()]  # "Stalln": S…
        close = difflib.get_close_matches(label, alike, n=1, cutoff=0.8)
        hint = f" (a misprint of '{close[0]}'?)" if close else ""
        ctx.report.warning(
            "unknown-speaker",
            f"speaker '{label}' is not in the personography{hint}; encoded as #{pid} — add the person to persons.xml",
            block.line,
        )
    return record.unknown[label]


def _point_n(ctx: Context) -> str | None:
    return ctx.point[0] if ctx.point else None

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


def remove_lines(lines: list[str], removed: list["Removed"]) -> list[bool]:
    """Mark furniture lines; returns, for each line, whether it is kept."""
    from . import Removed

    navigation = conventions.pattern("furniture", "lines", whole=True)
    with_values = conventions.pattern("furniture", "with_values", whole=True)
    page_number = conventions.pattern("furniture", "page_number", whole=True)
    heads = running_heads(lines)
    keep = []
    value_of = None  # the metadata heading whose values the next short lines are
    for number, line in enumerate(lines, start=1):
        text = line.strip()
        reason = None
        if not text:
            pass
        elif navigation.match(text):
            reason = "navigation or page heading"
            value_of = text if with_values.match(text) else None
        elif value_of and len(text.split()) <= 10 and not SENTENCE_END.search(text):
            reason = f"archive page metadata (value of {value_of!r})"
        elif page_number.match(text):
            reason = "page number"
        elif _head_key(text) in heads:
            reason = "running head"
        if text and reason is None:
            value_of = None
        if reason:
            removed.append(Removed(number, text, reason))
        keep.append(reason is None)
    return keep


def _head_key(text: str) -> str:
    return re.sub(r"\d+", "#", text.strip().lower())


def running_heads(lines: list[str]) -> set[str]:
    """Short lines without a full stop that repeat three times or more, page numbers aside."""
    counts = Counter(_head_key(line) for line in lines if line.strip())
    return {
        key
        for key, n in counts.items()
        if n >= 3 and not SENTENCE_END.search(key) and len(key.split()) <= 12 and re.search(r"[a-z]", key)
    }


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

# SPDX-License-Identifier: MIT
"""Encode: paragraphs → records of conversation, each with its TEI front, body and back.

Takes the `Segmentation` and the personography, gives a list of `Record`s. Each paragraph
goes through the rules of the registry in order until one encodes it (see `rules`).
"""

from __future__ import annotations

from ..messages import Reporter
from ..persons import Personography
from ..segment import Segmentation
from .context import Context, Record, close_turn
from .inline import footnote_markers_in
from .rules import Registry, default_registry
from .speech import patterns


def encode(
    segmentation: Segmentation,
    persons: Personography,
    report: Reporter,
    authors: list[str | None] | None = None,
    default_author: str | None = None,
    registry: Registry | None = None,
) -> list[Record]:
    registry = registry or default_registry()
    ctx = Context(persons, report, list(segmentation.blocks), segmentation.removed)
    ctx.label_counts = count_labels(segmentation, persons)
    authors = authors or []
    while ctx.blocks:
        if not ctx.records:
            ctx.new_record(ctx.blocks[0].line)  # the first record starts at the first paragraph
        block = ctx.blocks.pop(0)
        ctx.point = None
        index = len(ctx.records) - 1 if ctx.records else 0
        if not ctx.record.author:  # the sidecar's author, known before the record's first turn
            ctx.record.author = (authors[index] if index < len(authors) else None) or default_author
        for rule in registry:
            if rule.test(block, ctx) and rule.run(block, ctx):
                break
        ctx.record.markers |= footnote_markers_in(block.text)
    if not ctx.records:
        raise report.fail("no-text", "contains no paragraphs after page furniture was removed")
    for record in ctx.records:
        close_turn(record, report)
    return ctx.records


def count_labels(segmentation: Segmentation, persons: Personography) -> dict[str, int]:
    """How often each label-like beginning ("Xyz." / "Xyz:") starts a paragraph: a name the
    personography lacks is taken for a speaker only when the document uses it as one."""
    counts: dict[str, int] = {}
    label = patterns(persons).label
    for block in segmentation.blocks:
        match = label.match(block.text)
        if match and match.group("punct").strip(" *_") in ".:":
            counts[match.group("names")] = counts.get(match.group("names"), 0) + 1
    return counts

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
from .speech import LABEL_MARKS, patterns


def encode(
    segmentation: Segmentation,
    persons: Personography,
    report: Reporter,
    authors: list[str | None] | None = None,
    default_author: str | None = None,
    registry: Registry | None = None,
) -> list[Record]:
    """The records of the transcript. A record in the first person whose author is named only
    by its signature at the end ("I answered …" … "ROSHCHIN") is encoded again, knowing him."""
    authors = list(authors or [])
    draft = Reporter(report.file)
    removed = list(segmentation.removed)
    records = _encode(segmentation, removed, persons, draft, authors, default_author, registry)
    signed = [
        record.signers[0] if record.first_person_unattributed and len(set(record.signers)) == 1 else None
        for record in records
    ]
    if any(signed):
        authors = [a or s for a, s in zip(authors + [None] * len(records), signed)]
        for record, signer in zip(records, signed):
            if signer:
                report.info(
                    "author-from-signature",
                    f"the record is in the first person and signed by {persons[signer].name}: taken as its author",
                    record.first_line,
                )
        removed = list(segmentation.removed)
        records = _encode(segmentation, removed, persons, report, authors, default_author, registry)
    else:
        report.messages.extend(draft.messages)
    segmentation.removed[:] = removed
    return records


def _encode(segmentation, removed, persons, report, authors, default_author, registry) -> list[Record]:
    registry = registry or default_registry()
    ctx = Context(persons, report, list(segmentation.blocks), removed)
    ctx.label_counts = count_labels(segmentation, persons)
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
        if match and match.group("punct").strip(" *_") in LABEL_MARKS:
            counts[match.group("names")] = counts.get(match.group("names"), 0) + 1
    return counts

# SPDX-License-Identifier: MIT
"""Encode: paragraphs → records of conversation, each with its TEI front, body and back.

Takes the `Segmentation` and the personography, gives a list of `Record`s. Each paragraph
goes through the rules of the registry in order until one encodes it (see `rules`).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Iterator

from .. import conventions, tei
from ..enrich.dates import first_day, full_days
from ..enrich.language import language_tags
from ..messages import Reporter
from ..persons import Personography
from ..segment import Block, Segmentation
from .context import LINE, Context, Draft, Record, close_turn
from .lists import gather_points
from .rules import Registry, default_registry
from .speech import LABEL_MARKS, patterns, split_names


def encode(
    segmentation: Segmentation,
    persons: Personography,
    report: Reporter,
    authors: list[str | None] | None = None,
    default_author: str | None = None,
    registry: Registry | None = None,
) -> Iterator[Record]:
    """The records of the transcript, each as soon as it is complete, so that a long
    transcript is never held as TEI all at once. Their messages go to `report`, the page
    furniture the rules find to `segmentation.removed`.

    A record in the first person whose author is named only by its signature at the end
    ("I answered …" … "ROSHCHIN") is encoded again, knowing him."""
    authors = list(authors or [])
    registry = registry or default_registry()
    blocks = segmentation.blocks
    labels = [patterns(persons).label.match(block.text) for block in blocks]  # "Xyz." "Xyz:" at the start
    shared = Shared(
        persons, report.file, registry, count_labels(labels), names_alone(blocks, labels, persons)
    )
    for draft, end in _drafts(shared, blocks, authors, default_author, set()):
        record, start = draft.record, draft.start
        signer = (
            record.signers[0] if record.first_person_unattributed and len(set(record.signers)) == 1 else None
        )
        if signer:
            again = list(
                _drafts(shared, blocks[draft.start : end], [signer], None, set(draft.earlier_markers))
            )
            if len(again) == 1:  # read again, its paragraphs make the same one record
                draft = again[0][0]
                report.info(
                    "author-from-signature",
                    f"the record is in the first person and signed by {persons[signer].name}: taken as its author",
                    record.first_line,
                )
        report.adopt(draft.report.messages)
        segmentation.removed.extend(draft.removed)
        draft.record.original_language = draft.record.fields.get("original language") or page_language(
            segmentation, start, end
        )
        yield draft.record


@dataclass
class Shared:
    """What every reading of a transcript's paragraphs shares."""

    persons: Personography
    file: str
    registry: Registry
    label_counts: dict[str, int]
    names_alone: bool


def _drafts(shared, blocks, authors, default_author, markers) -> Iterator[tuple[Draft, int]]:
    """The records the rules make of `blocks`, each with the index of the paragraph after it.
    `markers`: the footnote markers of the records before them."""
    ctx = Context(
        shared.persons, shared.file, list(blocks), shared.label_counts, shared.names_alone, markers=markers
    )
    while ctx.blocks:
        position = len(blocks) - len(ctx.blocks)
        ctx.reading(position)  # the first paragraph begins the first record
        block = ctx.blocks.pop(0)
        ctx.point = None
        if not ctx.record.author:  # the sidecar's author, known before the record's first turn
            index = ctx.begun - 1
            ctx.record.author = (authors[index] if index < len(authors) else None) or default_author
        for rule in shared.registry:
            if rule.test(block, ctx) and rule.run(block, ctx):
                break
        ctx.note_markers(block)
        while len(ctx.drafts) > 1:
            yield _finished(ctx.drafts.pop(0)), ctx.drafts[0].start
    if not ctx.begun:
        raise Reporter(shared.file).fail("no-text", "contains no paragraphs after page furniture was removed")
    for draft in ctx.drafts:
        yield _finished(draft), len(blocks)


def page_language(segmentation: Segmentation, start: int, end: int) -> str | None:
    """The original's language as the archive's page gives it ("Original Language: Russian",
    "Language: Russian" but not "Language: English"), removed as its furniture among the
    paragraphs `start` to `end` or after them (the first record's also before it)."""
    heading = conventions.pattern("furniture", "original_language", whole=True)
    either = conventions.pattern("furniture", "either_language", whole=True)
    lines = [block.line for block in segmentation.blocks]
    for item in segmentation.removed:
        if not (item.heading and item.value):
            continue
        tags = language_tags(item.value)
        if heading.match(item.heading) or (either.match(item.heading) and tags and "en" not in tags):
            before = bisect.bisect_left(lines, item.line) - 1  # the paragraph before the line
            if start <= max(before, 0) < end:
                return item.value
    return None


def _finished(draft: Draft) -> Draft:
    close_turn(draft.record, draft.report)
    gather_points(draft.record)
    _dated_by_its_narrative(draft.record)
    return draft


def _dated_by_its_narrative(record: Record) -> None:
    """A record of turns nothing else dates, whose narrative before the first turn tells the
    one day of the meeting ("On 16 December 1949 at 6 p.m. Comrade Stalin received Mao Zedong
    …", "The conversation took place on 5 March 1949."), is dated by that day: a day after
    "on", in a sentence of meeting, never a paper's ("your telegram of 1 October 1950")."""
    if record.date_text or record.month_text or not any(e.tag == tei.q("sp") for e in record.body):
        return
    meeting = conventions.pattern("narrative", "meeting_day")
    for element in record.body:
        if element.tag == tei.q("sp"):
            return
        text = tei.text_of(element)
        days = full_days(text) if element.tag == tei.q("p") and meeting.search(text) else []
        if len({first_day(day.group()) for day in days}) == 1 and ON_THE_DAY.search(text[: days[0].start()]):
            record.date_text, record.date_line = days[0].group(), int(element.get(LINE, "0"))
            return


# "On 16 December 1949", "took place on 5 March 1949", "On the evening of 16 December 1949"
ON_THE_DAY = re.compile(r"\b(?i:on)\s+(?:the\s+(?:morning|afternoon|evening|night)\s+of\s+)?$")


def count_labels(labels: list[re.Match | None]) -> dict[str, int]:
    """How often each label-like beginning ("Xyz." / "Xyz:") starts a paragraph: a name the
    personography lacks is taken for a speaker only when the document uses it as one.
    `labels`: the label pattern's match at the start of each paragraph."""
    counts: dict[str, int] = {}
    for match in labels:
        if match and match.group("punct").strip(" *_") in LABEL_MARKS:
            counts[match.group("names")] = counts.get(match.group("names"), 0) + 1
    return counts


def names_alone(blocks: list[Block], labels: list[re.Match | None], persons: Personography) -> bool:
    """Does the transcript set its speakers' names alone on a line, unmarked, before what
    they say ("Stalin" / "What do you think …?"), as a copy of a table does? Only then is
    such a name a label: once, or in a run of names (an attendance list), or before a turn
    with a label of its own, it is a signature or a list's entry."""
    label_only = patterns(persons).label_only
    list_group = conventions.pattern("attendance", "group")
    alone = [
        bool(match)
        and not match.group("names").isupper()
        and not match.group().rstrip(" *_").endswith((":", "."))
        and all(len(persons.resolve(name)) == 1 for name in split_names(match.group("names")))
        for match in (label_only.match(block.text) for block in blocks)
    ]
    before_speech = [  # a name alone before speech: no label, no list's heading, after it
        block.text.strip()
        for block, here, following, after, label in zip(blocks, alone, alone[1:], blocks[1:], labels[1:])
        if here and not following and not label and not list_group.match(after.text)
    ]
    labelled = sum(1 for label in labels if label)
    return len(set(before_speech)) >= 2 and len(before_speech) >= labelled

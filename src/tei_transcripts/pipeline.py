# SPDX-License-Identifier: MIT
"""The one orchestrator of a conversion. Stages, in order:

1. ingest   — bytes → decoded, normalised lines (`ingest.read_source`)
2. segment  — lines → paragraphs, page furniture removed (`segment.segment`)
3. encode   — paragraphs → records with TEI front, body, back (`encode.encode`)
4. enrich   — records → TEI documents: names, dates, notes, ids, header (`enrich.build_documents`)
5. check    — every source word in the TEI, once, in order (`lossless.check`)
6. serialize — documents → deterministic bytes (`serialize.to_bytes`)

`convert_source` runs them for one transcript and returns the bytes to write; it writes
nothing, so a failure never leaves a partial file. Validation and rendering come later.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Iterator

from lxml import etree

from . import lossless, tei
from .encode import encode
from .encode.speech import opens_turn
from .enrich import build_documents, statistics
from .ingest import DEFAULT_MAX_BYTES, read_source
from .messages import ConversionError, Message, Reporter
from .persons import Personography
from .segment import Removed, segment
from .serialize import to_bytes
from .sidecar import load_sidecar


@dataclass
class Conversion:
    source: str
    outputs: dict[str, bytes] = field(default_factory=dict)  # file name → bytes
    messages: list[Message] = field(default_factory=list)
    report: dict = field(default_factory=dict)
    # the furniture removed, by the lines as read (the report gives the file's lines, which
    # differ where reading parted a line of HTML)
    removed: list[Removed] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return any(m.level == "error" for m in self.messages)


def convert_source(
    path: str,
    persons: Personography,
    out_dir: str,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Conversion:
    report = Reporter(path)
    conversion = Conversion(path)
    try:
        top, tables = load_sidecar(path, report)
        source = read_source(path, report, max_bytes)
        persons = persons.with_spellings_in(source.text)
        segmentation = segment(source, report, opens_turn(persons))
        authors = [t.get("author") for t in tables]
        for author in [*authors, top.get("author")]:
            if author and author not in persons:
                report.warning("unknown-author", f"sidecar author '{author}' is not in the personography")
        records = encode(segmentation, persons, report, authors=authors, default_author=top.get("author"))
        persons_href = (
            os.path.relpath(persons.path, out_dir).replace(os.sep, "/") if persons.path else "persons.xml"
        )
        # one document at a time, from its record to its bytes: a long transcript is never
        # held as TEI all at once
        outputs, documents, words = {}, [], lossless.Fingerprint()
        letters = True  # every record a letter or telegram, addressed and signed, which has no turns
        for document in build_documents(records, persons, report, path, top, tables, persons_href):
            documents.append(statistics(document))
            letters = letters and bool(document.record.addressees) and document.record.writer is not None
            outputs[f"{document.id}.xml"] = to_bytes(document.root)
            for text in lossless.tei_texts([document.root]):
                words.add(text)
        if not any(d["turns"] for d in documents):
            if letters:
                report.info("letter-without-turns", "no speech turns: a letter or telegram its writer signed")
            else:
                report.warning("no-turns", "no speech turns were recognised")
        loss = lossless.compare(source.lines, segmentation.removed, words.digest(), lambda: reread(outputs))
        if loss:
            report.error("not-lossless", str(loss), loss.line)
        conversion.report = {
            "source": path,
            "encoding": source.encoding,
            "documents": documents,
            "removed": [
                {
                    "line": report.source_line(r.line),
                    "last_line": report.source_line(max(r.line, r.last_line)),
                    "reason": r.reason,
                    "text": r.text,
                }
                # a part of a line (a margin's number): its first and last columns, from 1
                | ({"columns": [r.columns[0] + 1, r.columns[1]]} if r.columns else {})
                for r in segmentation.removed
            ],
        }
        conversion.removed = segmentation.removed
        if not loss:
            conversion.outputs = outputs
    except ConversionError as error:
        report.messages.append(error.message)
    conversion.messages = report.messages
    conversion.report["messages"] = [m.as_dict() for m in report.messages]
    return conversion


def reread(outputs: dict[str, bytes]) -> Iterator[str]:
    """The texts of the documents written, read back (to find where words were lost)."""
    for data in outputs.values():
        yield from lossless.tei_texts([etree.fromstring(data, tei.parser())])

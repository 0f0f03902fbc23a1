# SPDX-License-Identifier: MIT
"""Enrich: records → complete TEI documents.

Takes the encoder's `Record`s, gives one `Document` each: its text, then transforms over the
tree in this order — names, dates and times, footnote links, stable ids — and last the
header, which draws on what the transforms found.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from lxml import etree

from .. import tei
from ..encode.context import Record
from ..messages import Reporter
from ..paths import project_id
from ..persons import Personography
from .dates import first_day, full_days, parse_date, tag_dates, tag_time_stamps, uncertain_order
from .header import build_header
from .ids import assign_ids
from .language import ENGLISH, languages
from .names import tag_names, tag_unknown_names
from .notes import link_footnotes
from .stage import tag_stage_directions
from .text import mark_broken_words


@dataclass
class Document:
    id: str
    record: Record
    persons: Personography
    meta: dict
    source_name: str
    persons_href: str
    date: str | None = None
    participants: dict = field(default_factory=dict)  # id → (side, roles, name)
    languages: list = field(default_factory=lambda: [ENGLISH])  # of the text, the most used first
    root: etree._Element | None = None


def document_id(stem: str, index: int, alone: bool, top: dict, tables: list[dict]) -> str:
    """The id of record `index` of a transcript (`alone`: its only record)."""
    table = tables[index] if index < len(tables) else {}
    if table.get("id"):
        return table["id"]
    if alone:
        return top.get("id") or stem
    return f"{top.get('id') or stem}-{index + 1}"


def build_documents(
    records: Iterable[Record],
    persons: Personography,
    report: Reporter,
    source_path: str,
    top: dict,
    tables: list[dict],
    persons_href: str,
) -> Iterator[Document]:
    """One document per record, each as soon as the record after it (or the end) is known."""
    name = os.path.splitext(os.path.basename(source_path))[0]
    stem = project_id(name)
    ids: set[str] = set()
    for i, (record, last) in enumerate(_with_last(records)):
        doc_id = document_id(stem, i, i == 0 and last, top, tables)
        if doc_id in ids:
            raise report.fail("duplicate-id", f"two records would both be written as {doc_id}.xml")
        ids.add(doc_id)
        meta = {k: v for k, v in top.items() if k != "id"}
        meta.update(tables[i] if i < len(tables) else {})
        doc = Document(doc_id, record, persons, meta, os.path.basename(source_path), persons_href)
        named = named_day(name) if i == 0 and last else None  # a file of one record only
        doc.date = document_date(record, meta, report, named)
        doc.participants = participants(record, persons, meta.get("title", ""))
        doc.root = assemble(doc, report)
        yield doc
    named_by_sidecar = top.get("id") or all(i < len(tables) and tables[i].get("id") for i in range(len(ids)))
    if stem != name and not named_by_sidecar:
        report.warning(
            "document-id",
            f"the file name '{name}' is not an id of the project's form; the document id is '{stem}' "
            '(or give one in the sidecar: id = "...")',
        )


def _with_last(items: Iterable) -> Iterator[tuple[object, bool]]:
    """Each item, and whether it is the last."""
    iterator = iter(items)
    try:
        current = next(iterator)
    except StopIteration:
        return
    for following in iterator:
        yield current, False
        current = following
    yield current, True


def named_day(name: str) -> str | None:
    """The one day a file's name gives, as editors name their files:
    "stalin-zhou-enlai-1952-08-20", "Stalin_Mao 16.XII.1949"."""
    days = {first_day(match.group()) for match in full_days(name.replace("_", " "))}
    return days.pop() if len(days) == 1 else None


def document_date(record: Record, meta: dict, report: Reporter, named: str | None = None) -> str | None:
    """The date from the text (a day; else the month a title gives), or from the sidecar, or
    from the file's name (`named`) where neither gives one; never invented."""
    stated, line = (
        (record.date_text, record.date_line) if record.date_text else (record.month_text, record.month_line)
    )
    from_text = (first_day(stated) or parse_date(stated)) if stated else None  # a span: its first day
    if stated and not from_text:
        why = ": day and month may be either way round" if uncertain_order(stated) else ""
        report.warning("date-unparsed", f"could not read the document date '{stated.strip()}'{why}", line)
    if meta.get("date"):
        if from_text and from_text != meta["date"]:
            report.warning(
                "date-conflict",
                f"the text dates the record {from_text}, the sidecar {meta['date']}; the sidecar's date is used",
                line,
            )
        return meta["date"]
    if named and from_text != named and len(from_text or "") == 10:
        report.warning(
            "date-conflict",
            f"the text dates the record {from_text}, its file name {named}; the text's date is used",
            line,
        )
    if named and not from_text:
        report.warning(
            "date-from-file-name",
            f"the record states no date; its file name's, {named}, is used (or give one in the sidecar)",
            record.first_line,
        )
        return named
    if not from_text:
        report.warning(
            "no-date",
            'the record states no date and no sidecar supplies one (date = "YYYY-MM-DD")',
            record.first_line,
        )
    return from_text


def participants(record: Record, persons: Personography, title: str = "") -> dict:
    """Everyone at the meeting: principals named in the title (the text's, or the one an editor
    gives in the sidecar), attendance lists, speakers, signatories. Roles: principal (also a
    letter's or telegram's writer), interpreter, recorder, and present for the silent."""
    speakers = {who.lstrip("#") for sp in _turns(record) for who in (sp.get("who") or "").split()}
    unknown_names = {pid: label for label, pid in record.unknown.items()}
    principals = [*record.principals, *(match.id for match in persons.find(title) if match.id)]
    if record.writer and (record.addressees or record.writer in _speaking_as_i(record)):
        principals.append(record.writer)  # a letter's writer; the "I" who met and signed the record
    ordered = list(dict.fromkeys([*principals, *record.attendees]))
    result = {}
    for pid in ordered:
        attendee = record.attendees.get(pid)
        roles = set(attendee.roles) if attendee else set()
        if pid in principals:
            roles.add("principal")
        if not roles and pid not in speakers:
            roles.add("present")
        if pid in persons:
            person = persons[pid]
            side = (attendee.side if attendee else None) or person.side
            name = person.name
        else:
            side, name = None, unknown_names.get(pid, pid)
        result[pid] = (side, roles, name)
    return result


def _speaking_as_i(record: Record) -> set[str]:
    """Those whose turns the record labels "I" or "We": its writer, telling what he said."""
    found = set()
    for sp in _turns(record):
        speaker = sp.find(tei.q("speaker"))
        if speaker is not None and tei.text_of(speaker).strip().lower() in ("i", "we"):
            found.update(who.lstrip("#") for who in (sp.get("who") or "").split())
    return found


def _turns(record: Record):
    for element in record.body:
        if element.tag == tei.q("sp"):
            yield element


def assemble(doc: Document, report: Reporter) -> etree._Element:
    record = doc.record
    text = tei.E("text")
    if record.front:
        text.append(tei.E("front", *record.front))
    body = tei.E("body", *record.body)
    if not len(body):
        report.warning("no-conversation", "the record has no conversation text", record.first_line)
        body.append(tei.E("p"))
    text.append(body)
    if record.back:
        text.append(tei.E("back", *record.back))
    doc.languages = languages(" ".join(text.itertext()))
    if doc.languages[0] != ENGLISH:
        main = doc.languages[0]
        text.set(tei.XML_LANG, main.ident)
        report.warning(
            "not-english",
            f"the text is in {main.name} ({main.script} script): the converter reads English translations,"
            " so turns, dates and attendance in it are not recognised",
            record.first_line,
        )
    link_footnotes(text, report)  # first: a marker glued to a name ("Filippov*") is found as printed
    tag_stage_directions(body)
    tag_names(text, doc.persons, set(doc.participants), doc.persons_href, report)
    record.unresolved |= tag_unknown_names(text, doc.persons, report)
    tag_dates(text, doc.date, report, record.date_text or record.month_text or "")
    tag_time_stamps(text)
    root = tei.E("TEI", xml_id=doc.id)
    root.append(build_header(doc))
    root.append(text)
    taken = [element.get(tei.XML_ID) for element in root.iter() if element.get(tei.XML_ID)]
    if taken.count(doc.id) > 1:
        raise report.fail(
            "duplicate-id",
            f"the document id '{doc.id}' is also the id of a participant or of the header;"
            ' rename the transcript or give the document an id in the sidecar (id = "...")',
        )
    assign_ids(text, set(taken))
    mark_broken_words(text, root[0])
    return root


def statistics(doc: Document) -> dict:
    """What the report says of one document."""
    root = doc.root
    turns = Counter(sp.get("who") or "(unattributed)" for sp in root.iter(tei.q("sp")))
    notes = Counter(n.get("type") for n in root.find(tei.q("text")).iter(tei.q("note")))
    supplied = sum(1 for _ in root.iter(tei.q("supplied")))
    if supplied:
        notes["supplied"] = supplied
    dates = [d for d in root.find(tei.q("text")).iter(tei.q("date"))]
    return {
        "id": doc.id,
        "title": doc.record.title,
        "date": doc.date,
        "turns": dict(sorted(turns.items())),
        "notes": dict(sorted(notes.items())),
        "dates": {
            "tagged": len(dates),
            "inferred": sum(1 for d in dates if d.get("evidence") == "internal"),
            "values": sorted({d.get("when") or f"{d.get('from')}/{d.get('to')}" for d in dates}),
        },
        "times": len(list(root.iter(tei.q("time")))),
        "participants": sorted(doc.participants),
        "unknown_speakers": sorted(doc.record.unknown),
        "unresolved_names": sorted(doc.record.unresolved),
    }

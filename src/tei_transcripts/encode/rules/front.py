# SPDX-License-Identifier: MIT
"""Front matter: field lists ("**Title:** …"), titles, date lines; a title may start a new record."""

from __future__ import annotations

import re
from functools import cache

from lxml import etree

from ... import conventions, tei
from ...enrich.dates import MONTH, first_day, full_days, parse_date
from ...segment import DATE_LINE, Block, Removed, ends_sentence
from ..citation import unenclosed
from ..context import Context, paragraph
from ..inline import DATE_ONLY, inline
from ..speech import honorifics, opens_turn, patterns
from .base import (
    BlockRule,
    _has_turns,
    _unknown_speaker,
    appendix_heading,
    is_attendance_list,
    part_heading,
    plain,
    without_heading_marks,
)

FIELD_LABEL = re.compile(r"\*\*\s*([A-Z][A-Za-z ]{0,30}?):\s*(?:\*\*)?")
FIELD_ELEMENTS = {
    "title": "docTitle",
    "document title": "docTitle",
    "author": "docAuthor",
    "date": "docDate",
    "source": "docImprint",
}
SUMMARY_FIELDS = ("description", "summary", "abstract", "subject", "topic")  # what the record is about
DAY_FIELDS = ("time", "sent", "dispatched", "received")  # fields whose day dates the record


class FieldListRule(BlockRule):
    """Fields of a record's metadata → a ``titlePage`` in the front, each field in its TEI
    place (docTitle, docAuthor, docDate, docImprint, argument, byline). Two layouts:

    - ``**Title:** … **Date:** … **Source:** …``, several fields in one paragraph; after a
      record has begun such a list starts a new record;
    - one field per paragraph, "Summary: …", or "Summary:" with its value in the next
      paragraph, for the labels of ``[fields]`` in the conventions, before the conversation
      (also after the attendance list: in the body they are a list of fields);
      consecutive fields make one list.
    """

    name = "fields"

    def test(self, block, ctx):
        if block.text.startswith("**") and len(FIELD_LABEL.findall(block.text)) >= 2:
            return True
        return before_the_conversation(ctx.record) and single_field(block) is not None

    def run(self, block, ctx):
        if len(FIELD_LABEL.findall(block.text)) >= 2:
            if ctx.record.has_content or ctx.record.fields:
                ctx.new_record(block.line)
            lead, fields = self._labelled(block)
        else:
            lead, fields = None, self._single_fields(block, ctx)
        record = ctx.record
        page = tei.E("titlePage", type="fields")
        if lead is not None and lead.text.strip(" *"):
            page.append(tei.E("byline", *inline(lead, ctx.report)))  # text before the first label
        for label, value, bold, printed in fields:
            self._field(page, label, value, bold, printed, ctx)
        if record.body:  # after the attendance list: the body's list of fields, one item each
            ctx.place(tei.E("list", *map(_item, page), type="fields"), block)
        else:
            ctx.place(page, block, "front")
        record.title = record.title or record.fields.get("title") or None
        add_principals(record, record.fields.get("title", ""), ctx)
        lines = {label.lower(): value.line for label, value, _, _ in fields}  # each field's line
        # the day in "Time: 16 December 1949, 6 p.m.", or when a telegram was sent or received
        dated = next((label for label in DAY_FIELDS if field_days(record.fields, label)), None)
        if record.fields.get("date"):  # "Date: 20 August 1952, 23:00": the day without its hour
            record.date_text, record.date_line = (
                date_part(record.fields["date"]),
                lines.get("date", block.line),
            )
        elif dated and not record.date_text:
            record.date_text = field_days(record.fields, dated)[0].group()
            record.date_line = lines.get(dated, block.line)
        place = record.fields.get("place") or record.fields.get("location")
        record.place = record.place or (place.strip().rstrip(".;,") if place else None)
        if record.fields.get("source"):
            record.citations.append((record.fields["source"], block.line))
        add_addressees(record, record.fields.get("to", ""), ctx)  # "To: Comrade Filippov", not "To: Moscow"
        for label, action in (("from", "sent"), ("to", "received")):  # "From: Peking", "To: Moscow"
            where = known_place(record.fields.get(label, ""))
            if where:
                record.transmitted[action] = where
        summary = next((record.fields[k] for k in SUMMARY_FIELDS if record.fields.get(k)), None)
        record.summary = record.summary or summary
        return True

    @staticmethod
    def _labelled(block: Block) -> tuple[Block, list[tuple[str, Block, bool, str]]]:
        """The text before the first label, and each label with its value."""
        labels = list(FIELD_LABEL.finditer(block.text))
        fields = []
        for i, match in enumerate(labels):
            start = match.end()
            end = labels[i + 1].start() if i + 1 < len(labels) else len(block.text)
            while start < end and block.text[start] in " *":
                start += 1
            while end > start and block.text[end - 1] in " *":
                end -= 1
            fields.append(
                (match.group(1).strip(), block.slice(start, end), True, f"{match.group(1).strip()}:")
            )
        return block.slice(0, labels[0].start()), fields

    @staticmethod
    def _single_fields(block: Block, ctx: Context) -> list[tuple[str, Block, bool, str]]:
        """This paragraph's field and those of the paragraphs after it, one field each; a
        label alone takes the next paragraph, if that is not a field, as its value."""
        fields = []
        while True:
            match = single_field(block)
            value = block.slice(match.end())
            if not value.text.strip() and ctx.blocks and single_field(ctx.blocks[0]) is None:
                value = ctx.take()
            following = conventions.pattern("fields", "inline").search(value.text)
            if following:  # "Time: 16 December 1949, 6 p.m. Place: the Kremlin"
                ctx.blocks.insert(0, value.slice(following.end()))
                value = value.slice(0, following.start())
            printed = match.group().strip(" *")  # "Summary:" or "Summary", as the source has it
            fields.append((match.group(1), value, match.group().lstrip().startswith("**"), printed))
            if not ctx.blocks or single_field(ctx.blocks[0]) is None:
                return fields
            block = ctx.take()

    @staticmethod
    def _field(
        page: etree._Element, label: str, value: Block, bold: bool, printed: str, ctx: Context
    ) -> None:
        ctx.record.fields[label.lower()] = value.text
        content = [tei.E("hi", printed, rend="bold") if bold else printed, " ", *inline(value, ctx.report)]
        kind = FIELD_ELEMENTS.get(label.lower())
        if kind == "docTitle":
            page.append(tei.E("docTitle", tei.E("titlePart", *content)))
        elif kind:
            page.append(tei.E(kind, *content))
        elif label.lower() in SUMMARY_FIELDS:
            page.append(tei.E("argument", paragraph(content)))
        else:
            page.append(tei.E("byline", *content))


def field_days(fields: dict[str, str], label: str) -> list:
    """The whole days a field gives, read after its label: "Sent: 4.10.50 03.20" is sent on 4
    October 1950 (a short date is one after such a word)."""
    value = fields.get(label)
    return full_days(f"{label}: {value}") if value else []


def _item(field: etree._Element) -> etree._Element:
    """A field of a title page as an item of a list: its words and markup, without the
    element that gave it its place in the front."""
    inner = [e for e in field if e.tag in (tei.q("titlePart"), tei.q("p"))]
    source = inner[0] if inner else field
    item = tei.E("item")
    item.text = source.text
    item.extend(list(source))
    return item


def before_the_conversation(record) -> bool:
    """Nothing in the body yet but who attended."""
    return all(map(is_attendance_list, record.body))


def single_field(block: Block) -> re.Match | None:
    """ "Summary: …" or "**Title:**", a label of ``[fields]`` at the start of a paragraph."""
    return conventions.pattern("fields", "single").match(block.text)


SENTENCE = re.compile(r"\b[A-Za-z][a-z]{2,}[.!?]\s*$")  # ends with a full stop after a word


# A collection's number of a record: "No. 5", "№ 12", "#3", "2", "II"
COLLECTION_NUMBER = r"(?:no\.|№|#)\s*\d{1,4}[a-z]?|\d{1,3}|(?-i:[IVXL]{1,6})"


@cache
def document_number() -> re.Pattern:
    """A collection's number before a title: "Document 2: Record of …", "No. 5. Record …",
    "3. Minutes …" (the document heading of the conventions, or a bare number)."""
    heading = conventions.load()["titles"]["document_heading"]
    return re.compile(rf"^(?:{heading}|{COLLECTION_NUMBER})\s*[.:)—–-]\s+(?=\S)", re.I)


DATE_BEFORE = re.compile(r"\s*[.:,—–-]\s+(?=\S)")  # after a date that heads a title


def unnumbered(title: str) -> str:
    """The title without a collection's number or a day before it: "Document 2: Record of
    …", "16 December 1949. Conversation of …" → "Record of …", "Conversation of …"."""
    number = document_number().match(title)
    return title[number.end() if number else _date_before(title) :]


def _date_before(title: str) -> int:
    """Where a title begins after the day that heads it ("16 December 1949. Conversation …"), or 0."""
    dates = full_days(title[:40])
    after = DATE_BEFORE.match(title, dates[0].end()) if dates and dates[0].start() == 0 else None
    return after.end() if after else 0


# "From the diary of P.F. Yudin", "Diary of Ambassador T.F. Shtykov": a name, up to the end
DIARY = re.compile(
    r"(?:(?:(?:extract|entry|excerpt)\s+)?from\s+the\s+)?(?:diary|journal|memoirs|recollections|reminiscences)\s+of\s+((?:\S+\s+){0,5}?\S+?)"
    r"(?=\s*[:,;]|\.?\s*$)",  # up to the end, or to what follows: "…: Memorandum of Conversation …"
    re.I,
)
# "Cable from Shtykov to Vyshinskii …", "Ciphered telegram of Roshchin to Filippov",
# "Telegram, Kovalev to Stalin": its writer
SENDER = re.compile(
    r"\b(?:telegram|cable|letter|report)\s+(?:from|of|by)\s+(.+?)\s+to\b"
    r"|\b(?:telegram|cable)(?:\s+No\.?\s*\d+)?\s*,\s+(.+?)\s+to\b"  # "Telegram No. 3446, Filippov [Stalin] to …"
    r"|^((?:[\w.-]+\s+){0,3}[\w.-]+)['’]s\s+(?:ciphered\s+)?(?:telegram|cable|letter)\s+to\b",  # "Mao Zedong's Telegram to Stalin"
    re.I,
)


@cache
def classification() -> re.Pattern:
    """A line of an archive copy's marks only: "TOP SECRET", "Secret. Copy No. 2"."""
    marks = conventions.load()["titles"]["classification"]
    return re.compile(rf"(?:\s*\(?(?:{marks})\)?[.,;:]?)+\s*", re.I)


def above_a_title(ctx: Context) -> bool:
    """Is the next paragraph, after a copy's marks, a title?"""
    following = next((b for b in ctx.blocks if not classification().fullmatch(plain(b.text))), None)
    return following is not None and bool(conventions.title().match(plain(following.text)))


class ClassificationRule(BlockRule):
    """An archive copy's marks above the title ("TOP SECRET", "Copy No. 1") → a paragraph
    of the front, never a speaker's label in capitals."""

    name = "classification"

    def test(self, block, ctx):
        if not classification().fullmatch(plain(block.text)):
            return False
        return ctx.record.sp is None or above_a_title(ctx)  # in a turn, "Secret." is speech

    def run(self, block, ctx):
        ctx.end_turn()  # after the last turn: the next record's marks
        ctx.place(paragraph(inline(block, ctx.report)), block, "front")
        return True


def _marks_at_the_end(record) -> list[etree._Element]:
    """The paragraphs of a copy's marks that end a record's body, taken out of it: they are
    above the next record's title."""
    marks = []
    while record.body and record.body[-1].tag == tei.q("p"):
        if not classification().fullmatch(tei.text_of(record.body[-1])):
            break
        marks.insert(0, record.body.pop())
    return marks


# A number alone, "No. 5", "№ 12.", "2.", "II.", "[2]": a collection's heading where a title
# follows it
NUMBER_ALONE = re.compile(rf"(?:{COLLECTION_NUMBER}|\[\d{{1,3}}\]|\(\d{{1,3}}\))\.?", re.I)


class DocumentHeadingRule(BlockRule):
    """ "DOCUMENT No. 6" above a record in a published collection, or "No. 6", "II." above a
    title: it begins the next record, whose front it heads."""

    name = "document-heading"

    def test(self, block, ctx):
        text = plain(block.text)
        if conventions.pattern("titles", "document_heading", whole=True).match(text):
            return True
        # "No. 6", "II.", "DOCUMENT", or "Attachment" (the record a cover letter sends) above a title
        alone = (
            NUMBER_ALONE.fullmatch(text) or appendix_heading(block) == len(block.text) or part_heading(block)
        )
        return bool(alone) and above_a_title(ctx)

    def run(self, block, ctx):
        record = ctx.record
        introduction = not record.title and all(e.tag == tei.q("p") for e in record.body)
        if record.has_content and not introduction:  # an editor's introduction stays with the record
            ctx.end_turn()
            ctx.new_record(block.line)
        number = bool(NUMBER_ALONE.fullmatch(plain(block.text)))  # "[2]": its brackets are printed
        ctx.place(paragraph(inline(block, ctx.report, brackets=not number)), block, "front")
        return True


class TitleRule(BlockRule):
    """A title of the genre ("Record of Conversation between …") → ``docTitle``."""

    name = "title"

    def test(self, block, ctx):
        text = unnumbered(plain(_unbracketed(block.text)))
        if self._names_under(block, ctx):
            return True
        if len(block.text.split()) > 40 or not conventions.title().match(text):
            return False
        # "Mao Zedong's meeting with Stalin took place at nine." is a sentence, not a title:
        # a title ends without a full stop, unless it is plainly one ("Record of conversation …")
        # and not a numbered point ("2. Record of the conversation is to be sent …")
        numbered = text != plain(block.text)
        strong = conventions.title(strong=True).match(text) and not numbered
        return not SENTENCE.search(text) or bool(strong)

    @staticmethod
    def _names_under(block: Block, ctx: Context) -> bool:
        """Is the line, under the record's title and before anything else, only the names of
        those who talked, joined by dashes ("TRANSCRIPT OF TALKS" / "Mao Zedong - Yudin")?"""
        record = ctx.record
        if not record.title or record.body or record.state != "front" or len(block.text) > 80:
            return False
        return only_names(plain(block.text), ctx)

    def run(self, block, ctx):
        record = ctx.record
        heading = _unbracketed(block.text)  # "(From the journal of T. F. Shtykov)": its words
        printed = unnumbered(heading)  # "Document 2: Record of …" → "Record of …"
        if record.title and _same_text(record.title, printed) and not _another_day(record, block, ctx):
            ctx.removed.append(Removed(block.line, block.text, "repeated title", block.last_line))
            ctx.report.info(
                "furniture-removed", f"page furniture removed (repeated title): {block.text!r}", block.line
            )
            return True
        if record.sp is not None and not (
            conventions.title(strong=True).match(unnumbered(plain(heading)))
            and not block.text.rstrip().endswith(".")
            or _date_before(plain(heading))
        ):
            return False  # in the middle of a turn, "Talks between … have stalled." is speech
        if self._names_under(block, ctx):  # "Mao Zedong - Yudin" under "TRANSCRIPT OF TALKS"
            record.title = _joined(record.title, plain(heading).strip(" ."))
            ctx.place(tei.E("docTitle", tei.E("titlePart", *inline(block, ctx.report))), block, "front")
            add_principals(record, block.text, ctx)
            return True
        sequel = not conventions.pattern("titles", "title").match(unnumbered(plain(heading)))
        if _has_turns(record) or record.state == "ended":
            marks = _marks_at_the_end(record)  # "SECRET. Copy No. 2." above this title
            series = record.series or record.title
            record = ctx.new_record(block.line)
            record.front.extend(marks)
            if sequel and series:  # "Second conversation, 11 July 1949": the file's title goes on
                record.series = series
                add_principals(record, without_addressee(series), ctx)
        elif sequel and record.title and not record.series:  # "First conversation, …" under it
            record.series, record.title = record.title, None
        elif record.body and all(e.tag == tei.q("p") for e in record.body):
            # paragraphs before the title (an editor's introduction) are the front's
            record.front.extend(record.body)
            record.body.clear()
            record.state = "front"
        if record.title and _extends(printed, record.title):
            # a page's title, "Record of Conversation", then its heading in full: the fuller one
            record.title, record.title_line = printed, block.line
        elif record.title and not sequel and _whole_diary_heading(record.title):
            # "From the diary of A.M. Ledovsky" / "Record of conversation with Kim Il Sung"
            record.title = _joined(record.title, printed)
        record.title = record.title or printed
        record.title_line = record.title_line or block.line
        dates = full_days(plain(heading))
        if dates and not record.date_text:
            record.date_text, record.date_line = dates[0].group(), block.line
        ending = TITLE_ENDING.search(plain(heading))
        if ending and not dates and not record.month_text:  # "…, April 1950"
            record.month_text, record.month_line = ending.group("month"), block.line
        where = ending and (ending.group("place") or ending.group("inplace"))
        if where and not ctx.persons.resolve(where):
            record.place = record.place or where  # "…, Moscow, 16 December 1949", "… in the Kremlin, …"
        title = without_heading_marks(block)
        ctx.place(tei.E("docTitle", tei.E("titlePart", *inline(title, ctx.report))), block, "front")
        # not those a parenthesis at the end names: "… (from the memoirs of Shi Zhe)"
        add_principals(record, TRAILING_ASIDE.sub("", without_addressee(heading)), ctx)
        ctx.note_aliases(heading)
        if SENDER.search(plain(heading)):
            addressed = ADDRESSEE.search(plain(heading))
            add_addressees(record, addressed.group() if addressed else "", ctx)
        writer = DIARY.match(plain(heading)) or SENDER.search(plain(heading))
        record.open_participants = record.open_participants or bool(writer)
        if writer and not record.author:
            record.author = _author(next(name for name in writer.groups() if name), block, ctx)
        return True


# the hours after a date line's date: "8 p.m.", "20:00–22:10", "from 11 p.m. to 1 a.m.", "2300 hours"
HOUR = r"\d{1,2}[.:]\d{2}(?:\s*[ap]\.?\s?m\.?|\s*(?:hrs|hours)\b\.?)?|\d{1,2}\s*(?:[ap]\.\s?m\.|hours?|o'clock)|[012]\d{3}\s*(?:hours|hrs)"
HOURS = rf"(?:from\s+|at\s+)?(?:{HOUR})(?:\s*(?:[-–—]|to|until|till)\s*(?:{HOUR}))?"
ZONE = r"(?:,?\s*\(?\s*(?:(?-i:[A-Z][a-z]+)|local)\s+time\s*\)?)?"  # "23:00 Moscow time", "(local time)"

# A place's name: up to three capitalised words, never a month or a day of the week
# ("Moscow", "Port Arthur")
WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
PLACE = rf"(?:the\s+)?(?!(?:{MONTH}|{WEEKDAY})\b)(?:[A-Z][\w'’-]+\s){{0,2}}[A-Z][\w'’-]+"
# The end of a title: a place and a date after commas ("…, Moscow, 16 December 1949",
# "…, Moscow, April 1950"), or a month and year alone.
TITLE_ENDING = re.compile(
    rf"(?:\s+in\s+(?P<inplace>{PLACE}))?,\s+(?:(?P<place>{PLACE}),\s+)?"
    rf"(?:(?P<month>{MONTH}\s+\d{{4}})|[^,]*?\d{{4}})(?:,?\s*{HOURS})?\.?(?:\s*\([^()]*\))?\s*$"
)  # a parenthesis may follow: "…, January 1950 (from the memoirs of N. T. Fedorenko)"; the
# place after "in" and the hours: "… Mao Zedong in the Kremlin, 22 January 1950, 9 p.m."
TRAILING_ASIDE = re.compile(r"\s*\([^()]*\)\W*$")  # a title's last words in parentheses
ADDRESSEE = re.compile(r"\s+to\s+.+?(?=\s+(?:on|about|regarding|concerning|reporting)\b|,|$)", re.I)


def _joined(title: str, under: str) -> str:
    """A title and the line under it that goes on with it, as one: "From the diary of A.M.
    Ledovsky: Record of conversation with Kim Il Sung", "Transcript of talks: Mao Zedong - Yudin"."""
    return f"{title.rstrip(' .:')}: {under}"


def _unbracketed(text: str) -> str:
    """A heading of whose diary or journal the record comes from, without the parentheses or
    brackets that enclose it under the title ("(From the journal of T. F. Shtykov)"); any
    other text as it is."""
    if text.lstrip()[:1] not in ("(", "["):
        return text
    inner = unenclosed(text.strip())
    return inner if inner != text.strip() and _whole_diary_heading(inner) else text


def _whole_diary_heading(title: str) -> bool:
    """Is the title only whose diary the record comes from ("From the diary of A.M. Ledovsky")?"""
    heading = DIARY.match(plain(title))
    return bool(heading) and heading.end() >= len(plain(title).rstrip(" .:"))


def without_addressee(title: str) -> str:
    """A telegram's title without the person it was sent to, who was not at the meeting:
    "Cable from Shtykov to Vyshinskii on a Conversation with Kim Il Sung" → "Cable from
    Shtykov on a Conversation with Kim Il Sung"."""
    sender = SENDER.search(title)
    return ADDRESSEE.sub("", title, count=1) if sender else title


def _author(name: str, block: Block, ctx: Context) -> str:
    """The id of the person whose diary or memorandum this is, known or generated."""
    ids = ctx.persons.resolve(re.sub(r"^(?:(?:comrade|cde\.|com\.)\s+)", "", name.strip(" .,"), flags=re.I))
    if len(ids) == 1:
        return ids[0]
    named = {match.id for match in ctx.persons.find(name) if match.id}  # "Ambassador T.F. Shtykov"
    if len(named) == 1:
        return named.pop()
    surname = name.strip(" .,").split()[-1].split(".")[-1]
    return _unknown_speaker(surname.capitalize() if surname.isupper() else surname, block, ctx)


# A telegram's transmission line without a field's colon, as a cable's header prints it:
# "From Pyongyang, sent 19.1.50, 23.45", "Received 20.1.50, 04.10", "Dispatched 16 May 1950"
TRANSMISSION_LINE = re.compile(r"(?:from\s+[^,]{1,40},\s*)?(?:sent|dispatched|received)\s+\d", re.I)


def date_from_front_line(block: Block, record) -> None:
    """The day a short line of the front names dates the record that has no date yet: a
    telegram's transmission line ("From Pyongyang, sent 19.1.50, 23.45"), or a heading that
    ends in its one day ("Reception of Zhou Enlai, 10 March 1952")."""
    text = plain(block.text).rstrip(" .")
    days = full_days(text)
    heading = len(days) == 1 and days[0].end() == len(text)
    if days and not record.date_text and (heading or TRANSMISSION_LINE.match(text)):
        record.date_text, record.date_line = days[0].group(), block.line


# where a telegram was sent from or to, a line of the front: "From Pyongyang", "To Moscow",
# "From Pyongyang, sent 19.1.50, 23.45", "From Pyongyang. To Comrade Fyn Si [Stalin]."
FROM_OR_TO = re.compile(r"(?<!\w)(?P<which>(?i:from|to))\s+(?P<place>[^,.;:!?\[(]+)")


def transmitted_from_front_line(block: Block, record) -> None:
    """The places a short line of the front says a telegram was sent from and to (places the
    conventions know); the one it was sent from is where the record was written, its place
    where nothing else places it."""
    for match in FROM_OR_TO.finditer(plain(block.text)):
        where = known_place(match.group("place"))
        if where:
            action = "sent" if match.group("which").lower() == "from" else "received"
            record.transmitted.setdefault(action, where)
            if action == "sent":
                record.place = record.place or where


# A telegram's or letter's address line before its text, names and titles in capitals:
# "To Comrade Filippov (Stalin).", "TO COMRADE FILIPPOV", "To: the Chairman of the Council of
# Ministers I.V. Stalin", after the place it was sent from: "From Pyongyang. To Comrade Fyn Si
# [Stalin]."; not "To Mao's question I answered yes." (a salutation, "Dear Comrade Stalin!",
# is `is_salutation`'s)
ADDRESS_LINE = re.compile(
    r"\W*(?:(?i:from)\s+[A-Z][^.,;:!?]{0,40}[.,;]\s+)?(?i:to)\b:?\s+(?:(?:[A-Z(\[][^\s.,;:!?]*|of|the|and)\.?\s*){1,12}[,:!]?"
)


def addresses(text: str) -> bool:
    """Is the paragraph only an address line or a salutation, naming whom it was sent to?"""
    return bool(ADDRESS_LINE.fullmatch(plain(text))) or is_salutation(text)


def is_salutation(text: str) -> bool:
    """Is the paragraph only a letter's greeting: "Dear Comrade Stalin,", "Comrade Filippov!"?"""
    return len(text.split()) <= 12 and bool(
        conventions.pattern("letters", "salute", whole=True).match(plain(text))
    )


def salutation_before_text(text: str) -> int | None:
    """Where a letter's greeting ends when its text follows on the same line: "Dear Comrade
    Stalin! I have received …", "Esteemed Comrade Mao Zedong, I have the honour …". A title
    and a name only before "!" ("Comrade Filippov! I …"): before a comma they may begin a
    sentence of the narrative ("Chairman Mao Zedong, Premier Zhou Enlai and … arrived")."""
    greeting = conventions.pattern("letters", "salute").match(text)
    if not greeting or len(greeting.group().split()) > 12:
        return None
    if not (greeting.group("warm") or greeting.group().endswith("!")):
        return None
    rest = text[greeting.end() :].split()
    opens = len(rest) >= 3 and (rest[0][0].isupper() or rest[0][0] in '"“«')  # a sentence follows
    return greeting.end() if opens else None


class SaluteRule(BlockRule):
    """A letter's or telegram's greeting before its text → ``opener/salute`` at the body's
    start, also when the text follows it on its line; the known persons it greets are those
    it was sent to."""

    name = "salute"

    def test(self, block, ctx):
        if ctx.record.body:
            return False
        return (
            is_salutation(block.text)
            or self._greeting_end(block.text, ctx) is not None
            or _greets_addressee(block.text, ctx)
        )

    @staticmethod
    def _greeting_end(text: str, ctx: Context) -> int | None:
        """Where a greeting ends that the text follows on its line: a warm one or one with
        "!", or a title and a name before a comma where they name the one the title
        addresses the letter to ("Comrade Filippov, I have received …")."""
        end = salutation_before_text(text)
        if end is None and ctx.record.addressees:
            greeting = conventions.pattern("letters", "salute").match(text)
            if greeting and greeting.group().endswith(",") and _only_addressees(greeting.group()[:-1], ctx):
                rest = text[greeting.end() :].split()
                end = greeting.end() if len(rest) >= 3 and rest[0][0].isupper() else None
        return end

    def run(self, block, ctx):
        end = None if is_salutation(block.text) else self._greeting_end(block.text, ctx)
        if end is not None:  # "Dear Comrade Stalin! I have received …": the text, a paragraph of its own
            ctx.blocks.insert(0, block.slice(end))
            block = block.slice(0, end)
        ctx.place(tei.E("opener", tei.E("salute", *inline(block, ctx.report))), block)
        add_addressees(ctx.record, block.text, ctx)
        return True


def _greets_addressee(text: str, ctx: Context) -> bool:
    """Is the line only a title and the name of the one the letter is addressed to, with a
    colon ("Comrade Stalin:" above a telegram from Mao Zedong to Stalin, as a Chinese letter
    greets, translated): its greeting, not his speaker's label?"""
    return plain(text).rstrip(" *_").endswith(":") and _only_addressees(text, ctx)


def _only_addressees(text: str, ctx: Context) -> bool:
    """Is the text only titles and the names of those the letter is addressed to ("Comrade
    Filippov", "Comrade Stalin:")?"""
    addressed = {pid for _, pid in ctx.record.addressees}
    if not addressed or not patterns(ctx.persons).label_only.match(text):
        return False
    named = {match.id for match in ctx.persons.find(text)}
    return bool(named) and named <= addressed


def add_addressees(record, text: str, ctx: Context) -> None:
    """The known persons `text` names are those the record was sent to."""
    for match in ctx.persons.find(text):
        if match.id not in {pid for _, pid in record.addressees}:
            record.addressees.append((match.text, match.id))


# a dash or slash joining two names in a title: "Stalin-Mao conversation", "Mao/Stalin talks"
NAMES_JOINED = re.compile(r"(?<=[a-z])[-–—/](?=[A-Z][a-z])")
# ... or between names with spaces too, or "and": "Mao Zedong - Yudin", never a hyphenated
# name's own hyphen ("Pak Hon-yong")
NAMES_APART = re.compile(rf"\s+(?:--|[-–—/]|and)\s+|\s*[–—/]\s*|{NAMES_JOINED.pattern}")


def only_names(text: str, ctx: Context) -> bool:
    """Is `text` only the names of two or more known persons, titled or not, parted by dashes
    or "and" ("Mao Zedong - Yudin", "Tov. Stalin and Tov. Kim Il Sung")?"""
    names = [honorifics().sub("", name).strip(" .") for name in NAMES_APART.split(text.strip(" .,"))]
    return len(names) >= 2 and all(len(ctx.persons.resolve(name)) == 1 for name in names)


def add_principals(record, title: str, ctx: Context) -> None:
    """The persons a title names are the principals of the conversation, also two joined by
    a dash ("Stalin-Mao conversation")."""
    for match in ctx.persons.find(NAMES_JOINED.sub(" ", title)):
        if match.id and match.id not in record.principals:
            record.principals.append(match.id)


def _another_day(record, title: Block, ctx: Context) -> bool:
    """Does the title that repeats this record's carry another day before it, or is it followed
    by one: the next conversation of the same persons ("16 December 1949. Conversation …" /
    "24 December 1949. Conversation …"; "Conversation …" / "24 December 1949")?"""
    if not _has_turns(record):
        return False
    own = full_days(plain(title.text))
    if own:
        following = first_day(own[0].group())
    elif ctx.blocks:
        following = first_day(date_part(plain(ctx.blocks[0].text)))
    else:
        return False
    current = first_day(record.date_text) if record.date_text else None
    return following is not None and following != current


def _next_day(block: Block, ctx: Context) -> bool:
    """Is this day alone on its line, between turns, the next conversation's heading: the
    record began with a day alone on a line too, this is another day, and a turn follows
    ("16 December 1949" / turns / "24 December 1949" / turns)? A day a speaker names
    between his words, in a record its title dates, stays his."""
    record = ctx.record
    if len(block.text) > 80 or not ctx.blocks:
        return False  # a date line is short; the last paragraph begins nothing
    if not any(element.tag == tei.q("docDate") for element in record.front):
        return False
    line = plain(block.text)
    if not (is_dateline(line) and _has_turns(record) and words_ended(record)):
        return False
    day = first_day(date_part(line))
    return day != (first_day(record.date_text) if record.date_text else None) and bool(
        opens_turn(ctx.persons)(ctx.blocks[0].text)
    )


def _folded(text: str) -> str:
    """The words of `text`, spaced once and without case, to compare titles by."""
    return " ".join(text.split()).casefold()


def _same_text(a: str, b: str) -> bool:
    return _folded(a) == _folded(b)


def _extends(longer: str, shorter: str) -> bool:
    """Does `longer` say all `shorter` says, then more ("Record of Conversation between …" of
    "Record of Conversation")?"""
    return _folded(plain(longer)).startswith(_folded(plain(shorter)).rstrip(" .,:;") + " ")


TIME_TAIL = re.compile(rf"(?:,|;|\.\s|\s+at|\s*\()\s*{HOURS}{ZONE}\s*\)?\.?\s*$", re.I)
# the part of the day after a date line's date: "16 December 1949 (evening)", "…, in the morning"
DAYPART_TAIL = re.compile(
    r"(?:,|\s*\()\s*(?:in\s+the\s+)?(?:morning|afternoon|evening|night)\s*\)?\.?\s*$", re.I
)
# the Russian word for "year" after one, kept in a translation: "16 December 1949 г.", "1949 goda"
YEAR_WORD = re.compile(r"(?<=\d)\s*(?:гг?\.|g\.)|(?<=\d)\s+goda\b")


# "Moscow, ", "Port Arthur, ", "Kremlin, Moscow, ", "Moscow, Kremlin. " before a date, never a
# month ("August, 1952"); a telegram's "From Beijing, " names the place without its "From"
PLACE_HEAD = re.compile(rf"^(?:(?i:from)\s+)?(?P<place>(?:{PLACE},\s+)*{PLACE})[,.]\s+(?=\S)")
# a day of the week, "the" before a day: "Friday, 16 December 1949", "the 10th of April"
WEEKDAY_HEAD = re.compile(rf"^(?:{WEEKDAY},?\s+)?(?:the\s+(?=\d))?", re.I)
# a day of the week after the date: "December 16, 1949 (Friday)", "16 December 1949, Friday"
WEEKDAY_TAIL = re.compile(rf"(?:,\s*|\s*\(){WEEKDAY}\)?\.?\s*$", re.I)
PLACE_TAIL = re.compile(rf",\s+(?P<place>{PLACE})\.?\s*$")  # "14 May 1950, Moscow"


def date_part(line: str) -> str:
    """The date of a date line without the place before or after it, the hours after it, or
    the parentheses around it: "Moscow, 5 March 1949, 8 p.m." → "5 March 1949"."""
    return _dateline(line)[0]


def dateline_place(line: str) -> str | None:
    """The place a date line names before or after its date ("Moscow, 5 March 1949",
    "14 May 1950, Moscow, 8 p.m.")."""
    return _dateline(line)[1]


def _dateline(line: str) -> tuple[str, str | None]:
    """A date line's date and its place, the weekday, the hours and the parentheses left out."""
    text = WEEKDAY_HEAD.sub("", YEAR_WORD.sub("", unenclosed(line).strip()))
    head = PLACE_HEAD.match(text)
    place = head.group("place") if head else None
    text = TIME_TAIL.sub("", WEEKDAY_HEAD.sub("", text[head.end() :] if head else text))
    text = DAYPART_TAIL.sub("", text)  # "16 December 1949 (evening)"
    text = TIME_TAIL.sub("", WEEKDAY_TAIL.sub("", text))  # "16 December 1949, Friday, 8 p.m."
    tail = PLACE_TAIL.search(text)
    if tail:
        place = place or tail.group("place")
        text = TIME_TAIL.sub("", text[: tail.start()])
    return text, place


@cache
def _places() -> frozenset[str]:
    return frozenset(place.casefold() for place in conventions.load()["places"]["known"])


def known_place(line: str) -> str | None:
    """The place a line names when it names nothing else, each part one of the genre's
    places in the conventions: "Kremlin", "[Moscow, the Kremlin.]" → "Moscow, the Kremlin"."""
    text = unenclosed(line.strip()).strip(" .")
    return text if all(part.strip().casefold() in _places() for part in text.split(",")) else None


def words_ended(record) -> bool:
    """Do the running turn's words end a sentence, so that a line after them is no part of it
    ("The first train leaves on:" / "15 February 1950." goes on; so does "… ready by")?"""
    if record.sp is None or not len(record.sp):
        return True
    text = "".join(record.sp[-1].itertext()).rstrip()
    return ends_sentence(text) and not text.endswith(":")


def _without_talkers(line: str, ctx: Context) -> str:
    """A date line without the names of those who talked before it: "Tov. Stalin and Tov. Kim
    Il Sung, 5.III.1949, 20:00-21:40" → "5.III.1949, 20:00-21:40"; any other line as it is."""
    days = full_days(line)
    head = line[: days[0].start()] if days else ""
    if head.endswith(", ") and not ctx.record.body and only_names(head, ctx):
        return line[len(head) :]
    return line


def is_dateline(line: str) -> bool:
    """Is the line one day, alone or after a place: "Moscow, 17 February 1951."?"""
    if len(line) > 100:
        return False  # a paragraph, not a place and a day
    dates = full_days(line)
    if len(dates) != 1 or line[dates[0].end() :].strip(" .") != "":
        return False
    place = line[: dates[0].start()].strip(" ,")
    return not place or known_place(place) is not None


def _apart_from_marks(block: Block) -> tuple[Block, Block | None]:
    """A line's words without an archive copy's marks set wide apart from them at its start or
    end, as a PDF sets them ("16 December 1949          Secret"), and the marks; the line
    itself and None where it has none."""
    marks = conventions.load()["titles"]["classification"]
    apart = re.search(rf"^(?:{marks})[.,]?(?=\s{{3,}})|(?<=\S\s{{3}})\s*(?:{marks})[.,]?$", block.text, re.I)
    if not apart:
        return block, None
    if apart.start() == 0:
        return block.slice(apart.end()), block.slice(0, apart.end())
    return block.slice(0, apart.start()), block.slice(apart.start())


class DateLineRule(BlockRule):
    """A line that is only a date, before the conversation → ``docDate``; after turns, the
    next conversation's, where the record began with a date line of its own (see `_next_day`)."""

    name = "date-line"

    def test(self, block, ctx):
        if ctx.record.body:
            return _next_day(block, ctx)
        text, place = _dateline(_without_talkers(plain(_apart_from_marks(block)[0].text), ctx))
        if place and ctx.persons.resolve(place):
            return False  # "20 August 1952, Zhou Enlai": not where the meeting was
        return bool(DATE_LINE.match(text) or DATE_ONLY.match(text) or parse_date(text) or first_day(text))

    def run(self, block, ctx):
        if ctx.record.has_content:
            if not _next_day(block, ctx):
                return False
            ctx.end_turn()
            ended = ctx.record
            ctx.new_record(block.line)
            diary = ended.series or ended.title
            if diary and _whole_diary_heading(diary):  # the diary's next day: its heading and writer go on
                ctx.record.series, ctx.record.open_participants = diary, True
                ctx.record.author = ctx.record.author or ended.author
                add_principals(ctx.record, diary, ctx)
        dated, marks = _apart_from_marks(block)  # "16 December 1949          Secret"
        line = without_heading_marks(dated)  # "## 16 December 1949": the date without the marks
        parts = [(dated, tei.E("docDate", *inline(line, ctx.report, brackets=False)))]
        if marks is not None:  # the copy's marks a paragraph of the front, where they were printed
            parts.insert(
                0 if plain(block.text).startswith(marks.text) else 1,
                (marks, paragraph(inline(marks, ctx.report))),
            )
        for part, element in parts:
            ctx.place(element, part, "front")
        block = dated
        text = _without_talkers(plain(block.text), ctx)
        if text != plain(block.text):  # "Stalin and Kim Il Sung, 5 March 1949": they talked
            add_principals(ctx.record, plain(block.text)[: -len(text)], ctx)
        if not ctx.record.date_text:
            ctx.record.date_text, ctx.record.date_line = date_part(text), block.line
        place = dateline_place(text)
        if place and not ctx.record.place:
            ctx.record.place = place
        return True

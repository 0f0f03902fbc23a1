# SPDX-License-Identifier: MIT
"""What surrounds the conversation: closers and signatures, footnotes, sources, summaries, commentary."""

from __future__ import annotations

import itertools
import re

from lxml import etree

from ... import conventions, tei
from ...enrich.dates import ROMAN, full_days
from ...segment import BULLET_LINE, NUMBERED_LINE, STARTS_LOWER, Block, ends_sentence
from ..citation import has_citation, is_translation_credit, unenclosed
from ..context import LINE, Context, closed, paragraph
from ..inline import FROM_SUPERSCRIPT, ROMAN_NUMERAL, SUPERSCRIPT_DIGITS, inline
from ..speech import opens_turn
from .base import HEADING, BlockRule, _has_turns, appendix_heading, part_heading, plain, without_heading_marks
from .front import FieldListRule, TitleRule, is_dateline, known_place, words_ended

# What a closer may follow in a division: the schema's model.common
TEXT = {"p", "list", "listPerson", "quote", "sp", "bibl"}
# a line ending in initials and a surname: "USSR Ambassador to the PRC P. Yudin", "N. FEDORENKO"
# (an initial is a word of its own: "STALIN. Good." is no "N. Good")
SIGNATURE_LINE = re.compile(
    r"^[^.?!]*?(?<![\w’'])(?:[A-Z]\.\s?){1,3}(?:[A-Z][a-z]+|[A-Z]{2,})(?:-[A-Z][a-z]+)?\.?$"
)
NOTES_HEADING = re.compile(r"(?:#{1,6}\s*)?(?:(?:end|foot)?notes?|references)\s*:?", re.I)  # above the notes
# The start of a footnote: "1. ", "2) ", "* ", "[3] ", "^4 ", Markdown's "[^3]: ", a page's "<sup>1</sup> "
FOOTNOTE = re.compile(
    rf"(?:<sup>\[?(?P<tagged>\d{{1,3}}|\*{{1,3}})\]?</sup>\.?|\[\^(?P<caret>[\w-]{{1,20}})\]:|\[(?P<bracketed>\d{{1,3}}|[a-z]|{ROMAN_NUMERAL})\]|\((?P<paren>\d{{1,3}}|[a-z])\)|(?P<superscript>[{SUPERSCRIPT_DIGITS}]{{1,3}})"
    rf"|\^?(?P<n>\d{{1,3}}|\*{{1,3}})[.)]?|(?P<letter>[a-z]|{ROMAN_NUMERAL})[.)])\s+"
    r"(?:[↑⇑^]\s+)?"  # a web page's link back to the marker: "[1] ↑ The telegram …"
)
# A line under a signature: a telegram's number, its date ("No. 15", "2.I.50", "4 September 1952")
CLOSING_ITEM = (
    r"(?:(?:No\.?|№)\s*\d+[\w/-]*|\d{1,2}\.(?:[IVX]{1,4}|\d{1,2})\.(?:\d{2}|\d{4})"
    r"|(?:[A-Z][\w'-]+(?:\s[A-Z][\w'-]+)?,\s+)?(?:\d{1,2}\s+)?[A-Z][a-z]+\.?\s+(?:\d{1,2},?\s+)?\d{4})\.?"
)  # "Moscow, 20 August 1952" with its place
CLOSING_LINE = re.compile(rf"{CLOSING_ITEM}(?:[\s,;]+{CLOSING_ITEM})*$")
CLOSING_REACH = 120  # the most characters a letter's closing words and signature take at its text's end
SENTENCE_ENDED = re.compile(r"[.!?][\"”’)]*\s+(?=\S)")  # a sentence's end, another after it
DIGIT = re.compile(r"\d")
# a signature and its date on one line, in either order: "10.9.49      SHTYKOV", "T. Shtykov 11 September 1949"
DATED_SIGNATURE = (
    re.compile(rf"(?P<dateline>{CLOSING_ITEM})\s+(?P<signed>\S.*)$"),
    re.compile(rf"(?P<signed>.*?\S)\s+(?P<dateline>{CLOSING_ITEM})$"),
)
# Where the record was printed: a newspaper's or journal's name, its issue, the day, the page:
# "Pravda, 17 February 1951.", "Renmin Ribao, No. 12, January 3, 1950, p. 1"
PUBLICATION = re.compile(
    r"(?P<title>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}),\s+(?:(?:No\.?|№)\s*\d+,\s*)?"
    r"(?P<date>[^,]+(?:,\s*\d{4})?)(?:,\s*pp?\.\s*\d+(?:[-–]\d+)?)?\.?"
)


class CloserRule(BlockRule):
    """Signatures, "Recorded by …" → ``closer/signed``; the record ends."""

    name = "closer"

    def test(self, block, ctx):
        if not ctx.record.body:
            return False
        closer = conventions.pattern("closer", "patterns")
        if len(block.text.split()) <= 25 and closer.search(plain(block.text)):
            return True
        if conventions.pattern("closer", "marks").match(plain(block.text)) and not _turn_follows(ctx):
            return True  # "[Illegible signature]" where the record ends
        if self._signature(block, ctx.blocks, ctx) or self._dated_signature(block, ctx):
            return True
        if self._closing_words_at_the_end(block, ctx) is not None:
            return True  # "… at once. With deep respect, Kim Il Sung": cut before the closing words
        if (valediction(block.text) or signed_valediction(block, ctx)) and not _turn_follows(ctx):
            return True  # a letter's "With deep respect," above its signature, or before it
        if _after_valediction(ctx.record) and len(block.text.split()) <= 14:
            return True  # the signature under it
        if last_closer(ctx.record) is not None and closing_line(plain(block.text)):
            return True  # "No. 15", "2.I.50", "Pyongyang" under a signature
        if (
            _has_turns(ctx.record)
            and is_dateline(plain(block.text))
            and words_ended(ctx.record)
            and not _turn_follows(ctx)
        ):
            return True  # "Moscow, 17 February 1951." where the record ends, with no signature
        # a position printed above the signature: "AMBASSADOR OF THE USSR IN KOREA" / "T. SHTYKOV"
        # (never a list's item: "3. Tanks - 50" / "T. Shtykov")
        return (
            len(block.text.split()) <= 10
            and not ends_sentence(block.text)
            and not (NUMBERED_LINE.match(block.text) or BULLET_LINE.match(block.text))
            and bool(ctx.blocks)
            and self._signature(ctx.blocks[0], ctx.blocks[1:], ctx)
        )

    @staticmethod
    def _signature(block: Block, following: list[Block], ctx: Context) -> bool:
        """A short line ending in initials and a surname ("USSR Ambassador to the PRC P.
        Yudin") or only a known person's name ("ROSHCHIN"), that ends the record: nothing
        follows but a number and a date, or a new record, or its footnotes (under their heading
        or not), or its source."""
        if len(block.text.split()) > 14:
            return False
        text = plain(block.text)
        if not SIGNATURE_LINE.search(text) and len(ctx.persons.resolve(text.strip(" ."))) != 1:
            return False  # neither initials and a surname nor a name alone ("ROSHCHIN")
        # what follows the signature, past its number and date: nothing, or another record
        rest = list(itertools.dropwhile(lambda b: closing_line(plain(b.text)), following))
        return (
            not rest
            or FieldListRule().test(rest[0], ctx)
            or TitleRule().test(rest[0], ctx)
            or bool(FootnotesRule.notes_at(rest[0], rest[1:], ctx))
            or SourceRule().test(rest[0], ctx)
            or appendix_heading(rest[0]) is not None
        )

    def _dated_signature(self, block: Block, ctx: Context) -> list[tuple[str, Block]]:
        """A signature and its date on one line, that ends the record ("10.9.49   SHTYKOV"):
        each part with the closer's element for it, in the printed order; else nothing."""
        if not DIGIT.search(block.text):
            return []  # no date
        text = plain(block.text)
        if text != block.text or len(text.split()) > 16:
            return []  # marked up (the parts' places in the block are not those in its words), or no line
        for pattern in DATED_SIGNATURE:
            match = pattern.match(text)
            if match and self._signature(block.slice(*match.span("signed")), ctx.blocks, ctx):
                parts = sorted(("dateline", "signed"), key=match.start)
                return [(tag, block.slice(*match.span(tag))) for tag in parts]
        return []

    def _closing_words_at_the_end(self, block: Block, ctx: Context) -> int | None:
        """Where a letter's closing words and signature begin that end its text's last
        paragraph ("… we agree. With communist greetings, Mao Zedong"): the sentence that is
        only closing words and a name, with nothing after it but what a signature ends."""
        for ended in SENTENCE_ENDED.finditer(block.text, max(0, len(block.text) - CLOSING_REACH)):
            piece = block.slice(ended.end())  # a sentence after another, near the text's end
            name_at = signed_valediction(piece, ctx)
            if name_at is not None:
                return ended.end() if self._signature(piece.slice(name_at), ctx.blocks, ctx) else None
        return None

    def run(self, block, ctx):
        record = ctx.record
        at = self._closing_words_at_the_end(block, ctx)
        if at is not None:  # the text, then its closing words and signature, each read again
            ctx.blocks[0:0] = [block.slice(0, at), block.slice(at)]
            return True
        ctx.end_turn()
        parts = self._dated_signature(block, ctx)
        if parts:
            for tag, part in parts:
                self._close(tag, inline(part, ctx.report), part, ctx)
                if tag == "dateline":
                    self._dated(part, ctx)
            self._signers(dict(parts)["signed"], ctx)
            return True
        words = inline(block, ctx.report)
        if valediction(block.text):
            self._close("salute", words, block, ctx)
            return True  # the record ends with its signature
        signature = signed_valediction(block, ctx)
        if signature:  # "With communist greetings, Mao Zedong"
            self._close("salute", inline(block.slice(0, signature), ctx.report), block, ctx)
            signed = block.slice(signature, len(block.text))
            self._close("signed", inline(signed, ctx.report), block, ctx)
            self._signers(signed, ctx)
            return True
        if _after_valediction(record) and not closing_line(plain(block.text)):
            last_closer(record).append(tei.E("signed", *words))
            self._signers(block, ctx)
            return True
        under_signature = last_closer(record) is not None and closing_line(plain(block.text))
        if under_signature or is_dateline(plain(block.text)):
            self._close("dateline", words, block, ctx)
            self._dated(block, ctx)
            record.state = "ended"
            return True
        self._close("signed", words, block, ctx)
        self._signers(block, ctx)
        return True

    @staticmethod
    def _dated(block: Block, ctx: Context) -> None:
        """A record dated only at its end is dated, and placed, by its closer's dateline."""
        record = ctx.record
        dates = full_days(block.text)
        if dates and not record.date_text:
            record.date_text, record.date_line = dates[0].group(), block.line
            record.place = record.place or known_place(plain(block.text)[: dates[0].start()].strip(" ,"))

    def _close(self, tag: str, words: list, block: Block, ctx: Context) -> None:
        """The words as the closer's `tag` ("signed", "dateline", "salute"), or a paragraph
        where the division they end has no text for a closer to close."""
        closer = self.closer(ctx, block)
        if closer is None:
            ctx.place(paragraph(words), block)
        else:
            closer.append(tei.E(tag, *words))

    @staticmethod
    def _signers(block: Block, ctx: Context) -> None:
        """Those a signature or "Recorded by …" names attended; the record has ended."""
        record = ctx.record
        role = (
            "recorder" if re.search(r"record|signature|notes? (?:taken|made)|/", block.text, re.I) else None
        )
        for match in ctx.persons.find(block.text):
            if match.id:
                record.attend(match.id, role=role)
                if role is None:  # a signature, not "Recorded by …"
                    record.signers.append(match.id)
        record.state = "ended"

    @staticmethod
    def closer(ctx: Context, block: Block):
        """The closer a signature joins: the one it follows, or a new one at the end of the
        body or of the back division it follows. None when the back division has no text for
        a closer to close (TEI wants text first); the signature is then a paragraph."""
        record = ctx.record
        if last_closer(record) is not None:
            return last_closer(record)
        parent = record.back[-1] if record.back else record.body
        if not record.back:
            return ctx.place(tei.E("closer"), block)
        if any(etree.QName(child).localname in TEXT for child in parent):
            closer = tei.E("closer")
            closer.set(LINE, str(block.line))
            parent.append(closer)
            return closer
        return None


def valediction(text: str) -> bool:
    """Is the paragraph only a letter's closing words: "With deep respect,", "Yours sincerely,"?"""
    return len(text) <= 60 and bool(
        conventions.pattern("closer", "valediction", whole=True).match(plain(text))
    )


def signed_valediction(block: Block, ctx: Context) -> int | None:
    """Where the signature begins after a letter's closing words on the same line: "With
    communist greetings, Mao Zedong", "Yours sincerely, N. Roshchin"; None for anything else."""
    closing = conventions.pattern("closer", "valediction").match(block.text)
    if not closing or not closing.group().rstrip().endswith((",", ".", "!")) or len(block.text) > 90:
        return None
    name = block.text[closing.end() :].strip(" .")
    if not name or not (SIGNATURE_LINE.search(name) or len(ctx.persons.resolve(name)) == 1):
        return None
    return len(block.text) - len(block.text[closing.end() :].lstrip())


def _after_valediction(record) -> bool:
    """Does the record's text end with a letter's closing words, its signature to come?"""
    closer = last_closer(record)
    return closer is not None and len(closer) > 0 and closer[-1].tag == tei.q("salute")


def closing_line(line: str) -> bool:
    """A line under a signature: a telegram's number, a date, a place ("Pyongyang")."""
    return bool(CLOSING_LINE.match(line) or known_place(line))


def _turn_follows(ctx: Context) -> bool:
    """Does a turn come in the paragraphs ahead, before a new record's title or fields?"""
    starts_turn = opens_turn(ctx.persons)
    for block in ctx.blocks:
        if TitleRule().test(block, ctx) or FieldListRule().test(block, ctx):
            return False
        if starts_turn(block.text):
            return True
    return False


def is_publication(line: str) -> bool:
    """Does the line say only where and when the record was printed, not a place's name
    ("Moscow, 17 February 1951" is a dateline)?"""
    match = PUBLICATION.fullmatch(line)
    if not match or known_place(match.group("title")):
        return False
    dates = full_days(match.group("date"))
    return len(dates) == 1 and dates[0].group() == match.group("date").strip(" .")


def last_closer(record) -> etree._Element | None:
    """The closer the record's text ends with, if it ends with one."""
    parent = record.back[-1] if record.back else record.body
    return parent[-1] if closed(parent) else None


class FootnotesRule(BlockRule):
    """Numbered notes after the text whose numbers the text points to → linked ``note``s."""

    name = "footnotes"

    def test(self, block, ctx):
        return bool(self.notes_at(block, ctx.blocks, ctx))

    @classmethod
    def notes_at(cls, block: Block, following: list[Block], ctx: Context) -> list[tuple[str, Block]]:
        """The footnotes that start with `block`, or under it if it is a notes heading ("NOTES")."""
        if NOTES_HEADING.fullmatch(plain(block.text)):
            return cls.run_of(following[0], following[1:], ctx, headed=True) if following else []
        return cls.run_of(block, following, ctx)

    @staticmethod
    def run_of(block: Block, following: list[Block], ctx: Context, headed=False) -> list[tuple[str, Block]]:
        """The footnotes that start with `block` and go on in the `following` blocks; `headed`:
        under a notes heading, where a spaced "greetings (1)." points to note 1."""
        match = FOOTNOTE.match(block.text)
        if not match or not ctx.record.body:
            return []
        run = [(_number(match), block)]
        for later in following:
            nxt = FOOTNOTE.match(later.text)
            named = nxt and nxt.group("caret") and match.group("caret")  # Markdown's, in any order
            if not nxt or not (named or _follows(_number(nxt), run[-1][0])):
                break
            run.append((_number(nxt), later))
        # markers in the paragraphs read so far, of this record or, for endnotes after
        # several records, of an earlier one: "<sup>2</sup>", "[2]", "dacha.1", "leaders*"
        return run if any(n in ctx.markers or (headed and f"({n})" in ctx.markers) for n, _ in run) else []

    def run(self, block, ctx):
        heading = None
        if NOTES_HEADING.fullmatch(plain(block.text)):
            heading, block = block, ctx.take()
        run = self.run_of(block, ctx.blocks, ctx, headed=heading is not None)
        for n, item in run:
            if item is not block:
                ctx.blocks.remove(item)
        notes = [
            tei.E(
                "note",
                *inline(item.slice(FOOTNOTE.match(item.text).end()), ctx.report),
                type="footnote",
                place="foot",
                n=n,
            )
            for n, item in run
        ]
        paragraph_before = self._page_foot(ctx) if heading is None else None
        if paragraph_before is not None:
            self._keep_in_place(paragraph_before, notes, ctx)
            return True
        ctx.end_turn()
        division = tei.E("div", type="notes")
        if heading is not None:
            division.append(tei.E("head", *inline(without_heading_marks(heading), ctx.report)))
        division.extend(notes)
        ctx.place(division, heading or block, "back")
        ctx.record.state = "ended"
        return True

    @staticmethod
    def _keep_in_place(paragraph: etree._Element, notes: list, ctx: Context) -> None:
        """The foot of a PDF page, the text going on after it: the notes stay where they were
        printed, after the words before them, and the record goes on; a sentence the page
        broke goes on in the same paragraph."""
        broken = not ends_sentence("".join(paragraph.itertext()))
        paragraph.extend(notes)
        following = ctx.blocks[0].text
        # "… the CC" / notes / "CPC entrusted me …": after a broken sentence only a turn or
        # more notes begin anew
        goes_on = STARTS_LOWER.match(following) or not (
            opens_turn(ctx.persons)(following) or FOOTNOTE.match(following)
        )
        if broken and goes_on:
            following = ctx.take()
            ctx.report.info(
                "paragraph-rejoined", "a sentence split by a page's footnotes was joined", following.line
            )
            for child in [" ", *inline(following, ctx.report)]:
                tei.append(paragraph, child)

    @staticmethod
    def _page_foot(ctx: Context) -> etree._Element | None:
        """The paragraph the notes follow when they stand at the foot of a page in the middle
        of the conversation: the next paragraph continues a sentence, or a turn follows
        before the next record begins."""
        record = ctx.record
        if not ctx.blocks or record.back or closed(record.body):
            return None
        if not STARTS_LOWER.match(ctx.blocks[0].text) and not _turn_follows(ctx):
            return None
        last = record.sp if record.sp is not None else (record.body[-1] if record.body else None)
        paragraphs = [] if last is None else [last] if last.tag == tei.q("p") else last.findall(tei.q("p"))
        return paragraphs[-1] if paragraphs else None


def roman_value(numeral: str) -> int | None:
    """The value of a small Roman numeral up to 39 ("xiv" → 14), None if it is none: its
    tens as "x"s, its units as the dates' Roman months (I to IX) read them."""
    tens = len(numeral) - len(numeral.lstrip("x"))
    units = numeral[tens:]
    value = ROMAN.get(units.upper(), None) if units else 0
    return None if value is None or tens > 3 or not numeral else 10 * tens + value


def _follows(number: str, previous: str) -> bool:
    """Does footnote `number` come right after `previous` (2 after 1, b after a, ii after i,
    * after *)?"""
    if number.isdigit() and previous.isdigit():
        return int(number) == int(previous) + 1
    numerals = roman_value(number), roman_value(previous)
    if None not in numerals and numerals[0] == numerals[1] + 1:
        return True  # "ii" after "i", "v" after "iv"
    if len(number) == len(previous) == 1 and number.isalpha() and previous.isalpha():
        return ord(number) == ord(previous) + 1
    return not (number.isdigit() or previous.isdigit() or number.isalpha() or previous.isalpha())


def _number(footnote: re.Match) -> str:
    superscript = footnote.group("superscript")
    return (
        footnote.group("tagged")
        or footnote.group("caret")
        or footnote.group("bracketed")
        or footnote.group("paren")
        or (superscript and superscript.translate(FROM_SUPERSCRIPT))
        or footnote.group("n")
        or footnote.group("letter")
    )


class SourceRule(BlockRule):
    """An archival citation or a translation credit → ``div[@type='source']``."""

    name = "source"

    def test(self, block, ctx):
        text = block.text
        if has_citation(text) and len(text.split()) < 120:
            return True
        bare = unenclosed(plain(text))  # "(Translated from the Chinese by …)"
        if re.match(r"source\s*:", bare, re.I):
            return True  # "Source: …", wherever it stands
        if is_translation_credit(bare, ctx.persons):
            return True
        if _has_turns(ctx.record) and is_publication(bare) and not _turn_follows(ctx):
            return True  # "Pravda, 17 February 1951." after the conversation
        if ctx.record.state != "ended":
            return False
        if re.match(r"(?:translated|translation)\b", bare, re.I):
            return True
        return len(text.split()) <= 25 and bool(re.search(r"\barchives?\b", text, re.I))  # "Archive of …"

    def run(self, block, ctx):
        ctx.end_turn()
        ctx.record.citations.append((block.text, block.line))
        if not ctx.record.body:  # before the conversation: a paragraph of the front matter
            ctx.place(paragraph(inline(block, ctx.report)), block, "front")
        elif not _has_turns(ctx.record) and any(opens_turn(ctx.persons)(b.text) for b in ctx.blocks[:3]):
            # among the record's fields after its attendance list, the conversation after it
            ctx.place(paragraph(inline(block, ctx.report)), block)
        else:
            ctx.place(tei.E("div", paragraph(inline(block, ctx.report)), type="source"), block, "back")
        return True


def _in_appendix(record) -> bool:
    """Is the record's back an appendix still taking text?"""
    return bool(record.back) and record.back[-1].get("type") == "appendix" and not closed(record.back[-1])


class AppendixRule(BlockRule):
    """A part printed after the record, "Appendix", "Attachment No. 2: …" →
    ``div[@type='appendix']`` with its heading; the record has ended, and what follows
    belongs to the part (a commentary's paragraphs, a signature) until the next heading."""

    name = "appendix"

    def test(self, block, ctx):
        return bool(ctx.record.body) and appendix_heading(block) is not None and not _turn_follows(ctx)

    def run(self, block, ctx):
        end = appendix_heading(block)
        ctx.end_turn()
        div = ctx.place(tei.E("div", type="appendix"), block, "back")
        div.append(tei.E("head", *inline(without_heading_marks(block.slice(0, end)), ctx.report)))
        if block.text[end:].strip():
            div.append(paragraph(inline(block.slice(end), ctx.report)))
        return True


class PartHeadingRule(BlockRule):
    """The heading of an edition's part after the conversation, "COMMENTARY", "Editor's
    Note" → the ``head`` of a commentary division; the record has ended."""

    name = "part-heading"

    def test(self, block, ctx):
        record = ctx.record
        return (
            (_has_turns(record) or record.state == "ended") and part_heading(block) and not _turn_follows(ctx)
        )

    def run(self, block, ctx):
        ctx.end_turn()
        div = ctx.place(tei.E("div", type="commentary"), block, "back")
        div.append(tei.E("head", *inline(without_heading_marks(block), ctx.report)))
        return True


class DistributionRule(BlockRule):
    """Under the closer, where the record's copies went ("Copies: 2", "Sent to: Stalin,
    Molotov", "Copy 1 - to the file") → ``div[@type='distribution']``, a paragraph a line."""

    name = "distribution"

    def test(self, block, ctx):
        record = ctx.record
        return (
            len(block.text.split()) <= 40
            and bool(conventions.pattern("closer", "distribution").match(plain(block.text)))
            and (
                record.state == "ended"
                or last_closer(record) is not None
                or (_has_turns(record) and not _turn_follows(ctx))  # "Typed in three copies." unsigned
            )
        )

    def run(self, block, ctx):
        back = ctx.record.back
        if back and back[-1].get("type") == "distribution":
            div = back[-1]
        else:
            div = ctx.place(tei.E("div", type="distribution"), block, "back")
        div.append(paragraph(inline(block, ctx.report)))
        return True


class SummaryRule(BlockRule):
    """After the record, a short description of it → ``div[@type='summary']``."""

    name = "summary"

    def test(self, block, ctx):
        return (
            ctx.record.state == "ended"
            and not ctx.record.summary
            and not _in_appendix(ctx.record)
            and len(block.text.split()) < 150
            and bool(conventions.pattern("sources", "summary_cues").search(block.text))
        )

    def run(self, block, ctx):
        ctx.record.summary = block.text
        ctx.place(tei.E("div", paragraph(inline(block, ctx.report)), type="summary"), block, "back")
        return True


class CommentaryRule(BlockRule):
    """Anything after the record has ended: the editors' or a book's commentary."""

    name = "commentary"

    def test(self, block, ctx):
        return ctx.record.state == "ended"

    def run(self, block, ctx):
        back = ctx.record.back
        heading = HEADING.match(block.text)
        if _in_appendix(ctx.record) and not heading:
            div = back[-1]  # the part's text
        elif heading or not back or back[-1].get("type") != "commentary" or closed(back[-1]):
            div = ctx.place(tei.E("div", type="commentary"), block, "back")
        else:
            div = back[-1]
        if heading:
            div.append(tei.E("head", *inline(without_heading_marks(block), ctx.report)))
        else:
            div.append(paragraph(inline(block, ctx.report)))
        return True

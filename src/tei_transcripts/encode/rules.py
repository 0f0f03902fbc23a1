# SPDX-License-Identifier: MIT
"""Block rules: each recognises one kind of paragraph and encodes it.

Contract of a rule: ``test(block, ctx)`` only looks; ``run(block, ctx)`` encodes the block
into the current record and returns True, or returns False to hand the block on to the
next rule (after noting something about it, as the numbered-point rule does). Rules are
kept in one `Registry`, placed by name; the plain paragraph is last and always matches.
"""

from __future__ import annotations

import re

from .. import conventions, tei
from ..enrich.dates import parse_date
from ..segment import DATE_LINE, Block, Removed
from .context import Context, paragraph
from .inline import DATE_ONLY, inline
from .speech import NOT_NAMES, patterns, sentence_starts, split_names, verb_forms

FIELD_LABEL = re.compile(r"\*\*\s*([A-Z][A-Za-z ]{0,30}?):\s*(?:\*\*)?")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*$")
BOLD_LINE = re.compile(r"^\*\*[^*].*\*\*$")
POINT = re.compile(r"[\"“]?(?P<num>\d{1,2})(?:[.)/]\s+|\s+(?=[A-Z\"“]))")
ARCHIVE_CITATION = re.compile(
    r"\b[Ff]\.\s*\d+[a-zа-я]?[,.]?\s*(?:[Oo]p?)\.\s*\d+[a-zа-я]?[,.]?\s*[Dd]\.\s*\d+"
)
QUOTES_OPEN = ('"', "“")
SIGNATURE_LINE = re.compile(r"^[^.?!]*?(?:[A-Z]\.\s?){1,3}[A-Z][a-z]+(?:-[A-Z][a-z]+)?\.?$")
DIARY = re.compile(r"from the (?:diary|journal) of\s+(.+?)\s*$", re.I)
CONTINUING = re.compile(
    r"(?:" + "|".join(conventions.load()["speech"]["continuation_pronouns"]) + r")\b", re.I
)
SUBORDINATE = re.compile(r"\b(?:that|whether|if|why|how|what|when|which|who|whom)\b", re.I)
DATE_IN_TITLE = re.compile(r"\b\d{1,2}\s+[A-Za-z]+\.?\s+\d{4}\b|\b[A-Za-z]+\.?\s+\d{1,2},\s+\d{4}\b")


LEADING_MARKUP = re.compile(r"(?:#{1,6}\s+|\*\*|__|\*(?=\S)|<(?:b|strong|i|em)>)+")
TRAILING_MARKUP = re.compile(r"(?:\*\*|__|\*|</(?:b|strong|i|em)>)+")


def lead(text: str) -> int:
    """Where the words of a paragraph begin, after heading marks and opening emphasis."""
    match = LEADING_MARKUP.match(text)
    return match.end() if match else 0


def plain(text: str) -> str:
    """The paragraph without Markdown heading marks and emphasis, for tests that need no offsets."""
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


# --- front matter -------------------------------------------------------------------------


FIELD_ELEMENTS = {"title": "docTitle", "author": "docAuthor", "date": "docDate", "source": "docImprint"}


class FieldListRule(BlockRule):
    """``**Title:** … **Date:** … **Source:** …`` fields → a ``titlePage`` in the front,
    each field in its TEI place (docTitle, docAuthor, docDate, docImprint, argument, byline).

    A field list after a record has begun starts a new record.
    """

    name = "fields"

    def test(self, block, ctx):
        return block.text.startswith("**") and len(FIELD_LABEL.findall(block.text)) >= 2

    def run(self, block, ctx):
        if ctx.record.has_content or ctx.record.fields:
            ctx.new_record(block.line)
        record = ctx.record
        page = tei.E("titlePage", type="fields")
        labels = list(FIELD_LABEL.finditer(block.text))
        lead = block.slice(0, labels[0].start())
        if lead.text.strip(" *"):
            page.append(tei.E("byline", *inline(lead, ctx.report)))  # text before the first label
        for i, match in enumerate(labels):
            start = match.end()
            end = labels[i + 1].start() if i + 1 < len(labels) else len(block.text)
            while start < end and block.text[start] in " *":
                start += 1
            while end > start and block.text[end - 1] in " *":
                end -= 1
            value = block.text[start:end]
            label = match.group(1).strip()
            record.fields[label.lower()] = value
            content = [
                tei.E("hi", f"{label}:", rend="bold"),
                " ",
                *inline(block.slice(start, end), ctx.report),
            ]
            kind = FIELD_ELEMENTS.get(label.lower())
            if kind == "docTitle":
                page.append(tei.E("docTitle", tei.E("titlePart", *content)))
            elif kind:
                page.append(tei.E(kind, *content))
            elif label.lower() in ("description", "summary", "abstract"):
                page.append(tei.E("argument", paragraph(content)))
            else:
                page.append(tei.E("byline", *content))
        ctx.place(page, block, "front")
        record.title = record.title or record.fields.get("title") or None
        add_principals(record, record.fields.get("title", ""), ctx)
        if record.fields.get("date"):
            record.date_text, record.date_line = record.fields["date"], block.line
        if record.fields.get("source"):
            record.citations.append((record.fields["source"], block.line))
        if record.fields.get("description"):
            record.summary = record.fields["description"]
        return True


class TitleRule(BlockRule):
    """A title of the genre ("Record of Conversation between …") → ``docTitle``."""

    name = "title"

    def test(self, block, ctx):
        return (
            len(block.text.split()) <= 40
            and conventions.pattern("titles", "title").match(plain(block.text)) is not None
        )

    def run(self, block, ctx):
        record = ctx.record
        if record.title and _same_text(record.title, block.text):
            ctx.removed.append(Removed(block.line, block.text, "repeated title", block.last_line))
            ctx.report.info(
                "furniture-removed", f"page furniture removed (repeated title): {block.text!r}", block.line
            )
            return True
        if record.sp is not None and not (
            conventions.pattern("titles", "strong").match(plain(block.text))
            and not block.text.rstrip().endswith(".")
        ):
            return False  # in the middle of a turn, "Talks between … have stalled." is speech
        if _has_turns(record) or record.state == "ended":
            record = ctx.new_record(block.line)
        record.title = record.title or block.text
        record.title_line = record.title_line or block.line
        date = DATE_IN_TITLE.search(block.text)
        if date and not record.date_text:
            record.date_text, record.date_line = date.group(), block.line
        heading = HEADING.match(block.text)
        title = block.slice(len(heading.group(1))) if heading else block
        ctx.place(tei.E("docTitle", tei.E("titlePart", *inline(title, ctx.report))), block, "front")
        add_principals(record, block.text, ctx)
        diarist = DIARY.match(plain(block.text))
        if diarist and not record.author:
            record.author = _author(diarist.group(1), block, ctx)
        return True


def _author(name: str, block: Block, ctx: Context) -> str:
    """The id of the person whose diary or memorandum this is, known or generated."""
    ids = ctx.persons.resolve(re.sub(r"^(?:(?:comrade|cde\.|com\.)\s+)", "", name.strip(" .,"), flags=re.I))
    if len(ids) == 1:
        return ids[0]
    surname = name.strip(" .,").split()[-1].split(".")[-1]
    return _unknown_speaker(surname.capitalize() if surname.isupper() else surname, block, ctx)


def add_principals(record, title: str, ctx: Context) -> None:
    """The persons a title names are the principals of the conversation."""
    for match in ctx.persons.find(title):
        if match.id and match.id not in record.principals:
            record.principals.append(match.id)


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


class DateLineRule(BlockRule):
    """A line that is only a date, before the conversation → ``docDate``."""

    name = "date-line"

    def test(self, block, ctx):
        text = plain(block.text)
        return not ctx.record.body and bool(
            DATE_LINE.match(text) or DATE_ONLY.match(text) or parse_date(text)
        )

    def run(self, block, ctx):
        if ctx.record.has_content:
            return False
        ctx.place(tei.E("docDate", block.text), block, "front")
        if not ctx.record.date_text:
            ctx.record.date_text, ctx.record.date_line = block.text, block.line
        return True


# --- attendance, closers, sources -----------------------------------------------------------


class AttendanceRule(BlockRule):
    """ "Present: …" with its groups by side and role → ``list[@type='participants']``."""

    name = "attendance"

    def test(self, block, ctx):
        if conventions.pattern("attendance", "opener").match(block.text, lead(block.text)):
            return True
        # "from our side: …" before the first turn opens a list without a "Present:" heading
        return not _has_turns(ctx.record) and bool(
            conventions.pattern("attendance", "group").match(block.text)
        )

    def run(self, block, ctx):
        record = ctx.record
        had_turns = _has_turns(record)
        ctx.end_turn()
        opener = conventions.pattern("attendance", "opener").match(block.text, lead(block.text))
        listing = tei.E("list", type="participants")
        if opener:
            opener_end = opener.end() + len(
                TRAILING_MARKUP.match(block.text, opener.end()).group()
                if TRAILING_MARKUP.match(block.text, opener.end())
                else ""
            )
            listing.append(tei.E("head", *inline(block.slice(0, opener_end), ctx.report)))
        else:
            opener_end = 0
        state = {"side": None, "role": None}
        rest = block.slice(opener_end)
        if rest.text:
            self._item(listing, rest, ctx, state)
        while ctx.blocks and self._continues(ctx.blocks[0], ctx):
            self._item(listing, ctx.blocks.pop(0), ctx, state)
        ctx.place(listing, block)
        record.state = "ended" if had_turns else "body"
        return True

    def _continues(self, block: Block, ctx: Context) -> bool:
        """A group header or a line that is little but names."""
        if conventions.pattern("attendance", "group").match(block.text):
            return True
        text = re.sub(r"\[[^\]]*\]|\([^)]*\)|/[^/]*/", " ", block.text)
        names = ctx.persons.find(text)
        for match in reversed(names):
            text = text[: match.start] + " " + text[match.end :]
        residue = [
            w
            for w in re.findall(r"[A-Za-z]+", text)
            if w.lower()
            not in {"and", "comrs", "cdes", "comrades", "comrade", "cde", "interpreter", "interpreters"}
        ]
        return bool(names) and len(residue) <= 2

    def _item(self, listing, block: Block, ctx: Context, state: dict) -> None:
        group = conventions.pattern("attendance", "group").match(block.text)
        if group:
            state["side"], state["role"] = _side_and_role(block.text[: group.end() + 40].split(":")[0])
        listing.append(tei.E("item", *inline(block, ctx.report)))
        _report_unknown_names(block, ctx)
        matches = ctx.persons.find(block.text)
        for i, match in enumerate(matches):
            if not match.id:
                continue
            following = block.text[
                match.end : matches[i + 1].start if i + 1 < len(matches) else len(block.text)
            ]
            role = state["role"] or (
                "interpreter" if re.search(r"interpret|translat", following, re.I) else None
            )
            ctx.record.attend(match.id, state["side"], role)


LIST_SEPARATOR = re.compile(r",|;|\band\b|:")
NAME_ONLY = re.compile(r"(?:[A-Z][a-z'’-]+|[A-Z]{2,})(?:\s+(?:[A-Z][a-z'’-]+|[A-Z]{2,})){0,2}")
GROUP_WORDS = re.compile(
    r"\b(?:present|meeting|side|sides|soviet|chinese|korean|our|interpreters?|translated|translators?|recorded|also|were|the|at|on|from|by)\b",
    re.I,
)


def _report_unknown_names(block: Block, ctx: Context) -> None:
    """A list entry that is nothing but a capitalised name the personography lacks is
    reported, so that an editor can add the person."""
    text = re.sub(r"\[[^\]]*\]|\([^)]*\)|/[^/]*/", " ", block.text)
    honorific = conventions.pattern("speech", "honorifics")
    for segment in LIST_SEPARATOR.split(text):
        segment = honorific.sub(" ", segment).strip(" .—–-")
        segment = " ".join(segment.split())
        if not segment or not NAME_ONLY.fullmatch(segment) or GROUP_WORDS.search(segment):
            continue
        if not ctx.persons.find(segment):
            ctx.report.warning(
                "unknown-person",
                f"'{segment}' in the attendance list is not in the personography",
                block.line,
            )
            ctx.record.unresolved.add(segment)


def _has_turns(record) -> bool:
    return any(e.tag == tei.q("sp") for e in record.body)


def _side_and_role(header: str) -> tuple[str | None, str | None]:
    attendance = conventions.load()["attendance"]
    sides = [key for key, pattern in attendance["sides"].items() if re.search(pattern, header, re.I)]
    roles = [key for key, pattern in attendance["roles"].items() if re.search(pattern, header, re.I)]
    return (sides[0] if len(sides) == 1 else None), (roles[0] if roles else None)


class CloserRule(BlockRule):
    """Signatures, "Recorded by …", copy counts → ``closer/signed``; the record ends."""

    name = "closer"

    def test(self, block, ctx):
        if not ctx.record.body:
            return False
        closer = conventions.pattern("closer", "patterns")
        if closer.search(block.text) and len(block.text.split()) <= 25:
            return True
        # a short last line ending in initials and a surname: "USSR Ambassador to the PRC P. Yudin"
        last = (
            not ctx.blocks or FieldListRule().test(ctx.blocks[0], ctx) or TitleRule().test(ctx.blocks[0], ctx)
        )
        return last and len(block.text.split()) <= 14 and bool(SIGNATURE_LINE.search(plain(block.text)))

    def run(self, block, ctx):
        record = ctx.record
        ctx.end_turn()
        last = record.body[-1] if record.body and not record.back else None
        closer = last if last is not None and last.tag == tei.q("closer") else None
        if closer is None:
            closer = ctx.place(tei.E("closer"), block)
        closer.append(tei.E("signed", *inline(block, ctx.report)))
        role = (
            "recorder" if re.search(r"record|signature|notes? (?:taken|made)|/", block.text, re.I) else None
        )
        for match in ctx.persons.find(block.text):
            if match.id:
                record.attend(match.id, role=role)
        record.state = "ended"
        return True


class FootnotesRule(BlockRule):
    """Numbered notes after the text whose numbers the text points to → linked ``note``s."""

    name = "footnotes"

    def test(self, block, ctx):
        return bool(self._run_of(block, ctx))

    def _run_of(self, block: Block, ctx: Context) -> list[tuple[str, Block]]:
        match = re.match(r"(\d{1,3}|\*{1,3})[.)]?\s+", block.text)
        if not match or not ctx.record.body:
            return []
        run = [(match.group(1), block)]
        for following in ctx.blocks:
            nxt = re.match(r"(\d{1,3}|\*{1,3})[.)]?\s+", following.text)
            if not nxt or (
                nxt.group(1).isdigit() and run[-1][0].isdigit() and int(nxt.group(1)) != int(run[-1][0]) + 1
            ):
                break
            run.append((nxt.group(1), following))
        # markers in the paragraphs read so far: "<sup>2</sup>", "[2]", "dacha.1", "leaders*"
        return run if any(n in ctx.record.markers for n, _ in run) else []

    def run(self, block, ctx):
        run = self._run_of(block, ctx)
        ctx.end_turn()
        notes = tei.E("div", type="notes")
        for n, item in run:
            if item is not block:
                ctx.blocks.remove(item)
            start = re.match(r"(\d{1,3}|\*{1,3})[.)]?\s+", item.text).end()
            note = tei.E("note", *inline(item.slice(start), ctx.report), type="footnote", place="foot", n=n)
            notes.append(note)
        ctx.place(notes, block, "back")
        ctx.record.state = "ended"
        return True


class SourceRule(BlockRule):
    """An archival citation or a translation credit → ``div[@type='source']``."""

    name = "source"

    def test(self, block, ctx):
        text = block.text
        if ARCHIVE_CITATION.search(text) and len(text.split()) < 120:
            return True
        if re.match(r"source\s*:", plain(text), re.I):
            return True  # "Source: …", wherever it stands
        if ctx.record.state != "ended":
            return False
        if re.match(r"(?:translated|translation)\b", plain(text), re.I):
            return True
        return len(text.split()) <= 25 and bool(re.search(r"\barchives?\b", text, re.I))  # "Archive of …"

    def run(self, block, ctx):
        ctx.end_turn()
        ctx.record.citations.append((block.text, block.line))
        if not ctx.record.body:  # before the conversation: a paragraph of the front matter
            ctx.place(paragraph(inline(block, ctx.report)), block, "front")
        else:
            ctx.place(tei.E("div", paragraph(inline(block, ctx.report)), type="source"), block, "back")
        return True


class SummaryRule(BlockRule):
    """After the record, a short description of it → ``div[@type='summary']``."""

    name = "summary"

    def test(self, block, ctx):
        return (
            ctx.record.state == "ended"
            and not ctx.record.summary
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
        if heading or not back or back[-1].get("type") != "commentary":
            div = ctx.place(tei.E("div", type="commentary"), block, "back")
        else:
            div = back[-1]
        if heading:
            div.append(tei.E("head", *inline(block.slice(len(heading.group(1))), ctx.report)))
        else:
            div.append(paragraph(inline(block, ctx.report)))
        return True


# --- the conversation ----------------------------------------------------------------------


class NarrativeRule(BlockRule):
    """What happened at the meeting, said by nobody → ``p`` outside any turn."""

    name = "narrative"

    def test(self, block, ctx):
        return bool(conventions.pattern("narrative", "patterns").search(plain(block.text)))

    def run(self, block, ctx):
        ctx.end_turn()
        ctx.place(paragraph(inline(block, ctx.report)), block)
        ctx.record.state = "body"
        return True


class QuoteRule(BlockRule):
    """Paragraphs inside one pair of quotation marks → ``quote`` in the running turn."""

    name = "quote"
    LIMIT = 30

    def test(self, block, ctx):
        return (
            block.text.startswith(QUOTES_OPEN) and _open_quotes(block.text) > 0 and self._end(ctx) is not None
        )

    def _end(self, ctx: Context) -> int | None:
        balance = 1
        for i, following in enumerate(ctx.blocks[: self.LIMIT]):
            balance += _open_quotes(following.text)
            if balance <= 0:
                return i
        return None

    def run(self, block, ctx):
        end = self._end(ctx)
        members = [block] + [ctx.blocks.pop(0) for _ in range(end + 1)]
        quote = tei.E("quote")
        for member in members:
            point = POINT.match(member.text)
            quote.append(paragraph(inline(member, ctx.report), n=point.group("num") if point else None))
        if ctx.record.sp is not None:
            ctx.record.sp.append(quote)
        else:
            ctx.place(quote, block)
        return True


def _open_quotes(text: str) -> int:
    """+1 when a paragraph leaves a quotation open, −1 when it closes one, 0 otherwise."""
    curly = text.count("“") - text.count("”")
    if curly:
        return 1 if curly > 0 else -1
    return 1 if text.count('"') % 2 and text.lstrip().startswith('"') else (-1 if text.count('"') % 2 else 0)


class NumberedPointRule(BlockRule):
    """ "1. About the credit. …" → remembers the number for the paragraph; encodes nothing."""

    name = "numbered-point"

    def test(self, block, ctx):
        match = POINT.match(block.text)
        if not match or DATE_LINE.match(block.text):
            return False
        n = int(match.group("num"))
        return n == 1 or ctx.last_point == n - 1

    def run(self, block, ctx):
        match = POINT.match(block.text)
        ctx.last_point = int(match.group("num"))
        ctx.point = (match.group("num"), match.end())
        return False


class DialogueSplitRule(BlockRule):
    """A paragraph in which a new speaker is introduced mid-way ("… Stalin said: …") is cut
    there, and each part is encoded as a paragraph of its own."""

    name = "dialogue-split"

    def test(self, block, ctx):
        return bool(self._cuts(block, ctx))

    def _cuts(self, block: Block, ctx: Context) -> list[int]:
        found = patterns(ctx.persons)
        cuts, current = [], None
        for start in sentence_starts(block.text):
            match = found.colon_intro.match(block.text, start)
            who = _resolve_subject(match, ctx) if match else self._label(block, start, ctx)
            if not match and who is None:
                continue
            if start > 0 and who and who != current:
                cuts.append(start)
            current = who or current
        return cuts

    def _label(self, block: Block, start: int, ctx: Context) -> tuple[str, ...] | None:
        """A speaker's label in the middle of a run-on paragraph: "… draft. Stalin: We can …"."""
        if start == 0:
            return None
        match = patterns(ctx.persons).label.match(block.text, start)
        if not match or match.group("punct").strip(" *_") != ":":
            return None
        ids = [ctx.persons.resolve(name) for name in split_names(match.group("names"))]
        return tuple(i[0] for i in ids) if all(len(i) == 1 for i in ids) else None

    def run(self, block, ctx):
        cuts = self._cuts(block, ctx)
        bounds = [0] + cuts + [len(block.text)]
        pieces = [block.slice(a, b) for a, b in zip(bounds, bounds[1:])]
        ctx.report.info(
            "turn-split",
            f"paragraph split into {len(pieces)} turns at speakers named mid-paragraph",
            block.line,
        )
        ctx.blocks[0:0] = pieces
        return True


def _resolve_subject(match: re.Match, ctx: Context) -> tuple[str, ...] | None:
    """The ids of the subject of a speech introduction: names, or the author for I/we."""
    names = match.group("names")
    first = patterns(ctx.persons).first_person.fullmatch(names)
    if first:
        bracket = first.group("bracket")
        if bracket:
            ids = ctx.persons.resolve(bracket)
            if len(ids) == 1:
                return ids
        return (ctx.record.author,) if ctx.record.author else None
    ids = []
    for name in split_names(names):
        resolved = ctx.persons.resolve(name)
        if len(resolved) != 1:
            return None
        ids.append(resolved[0])
    return tuple(ids)


class SpeakerLabelRule(BlockRule):
    """A paragraph that is only a speaker's label ("STALIN:") → a turn whose speech follows."""

    name = "speaker-label"

    def test(self, block, ctx):
        return self._ids(block, ctx) is not None

    def _ids(self, block: Block, ctx: Context) -> list[str] | None:
        match = patterns(ctx.persons).label_only.match(block.text, lead(block.text))
        if not match:
            return None
        names = split_names(match.group("names"))
        resolved = [ctx.persons.resolve(n) for n in names]
        if any(n.lower() in NOT_NAMES for n in names) or len(names) > 2:
            return None  # "Li Fuchun, Zhang Wentian, Su Yu, Shi Zhe" is a list, not a label
        marked = match.group().rstrip(" *_").endswith((":", ".")) or match.group("names").isupper()
        if not marked and not lead(block.text):
            return None  # a plain "Stalin" alone is a label only in capitals, with ":" or in bold
        if not all(len(r) == 1 for r in resolved) and not match.group("names").isupper():
            return None
        return [r[0] if len(r) == 1 else _unknown_speaker(n, block, ctx) for n, r in zip(names, resolved)]

    def run(self, block, ctx):
        ids = self._ids(block, ctx)
        ctx.end_turn()
        sp = tei.E("sp", tei.E("speaker", *inline(block, ctx.report)), who=" ".join(f"#{i}" for i in ids))
        ctx.place(sp, block)
        ctx.record.sp = sp
        ctx.record.state = "body"
        for pid in ids:
            ctx.record.attend(pid)
        return True


class SpeechTurnRule(BlockRule):
    """A turn introduced by its speaker's label: "Stalin." "MAO ZEDONG:" "Comrade Stalin:"
    "STALIN, opening the conversation …, says" → ``sp`` with ``speaker``."""

    name = "speech-turn"

    def test(self, block, ctx):
        return self._label(block, ctx) is not None

    def _label(self, block: Block, ctx: Context):
        if ctx.point:
            return None
        match = patterns(ctx.persons).label.match(block.text, lead(block.text))
        if not match:
            return None
        punct = match.group("punct").strip(" *_")
        names = split_names(match.group("names"))
        resolved = [ctx.persons.resolve(n) for n in names]
        known = all(len(r) == 1 for r in resolved)
        if punct == ",":
            # "STALIN, opening the conversation …, says that": a label only if a verb of saying follows
            rest = block.text[match.end() :]
            if not known or not re.match(rf"[^.;:]{{0,160}},\s*(?:\w+\s+)?(?:{'|'.join(_verbs())})\b", rest):
                return None
        elif not known:
            label = match.group("names")
            if any(n.lower() in NOT_NAMES for n in names) or len(label.split()) > 3:
                return None
            attendee = all(n in ctx.record.unresolved for n in names)
            if not (punct == ":" or label.isupper() or ctx.label_counts.get(label, 0) >= 2 or attendee):
                return None
        return match, names, resolved

    def run(self, block, ctx):
        match, names, resolved = self._label(block, ctx)
        ids = []
        for name, found in zip(names, resolved):
            ids.append(found[0] if len(found) == 1 else _unknown_speaker(name, block, ctx))
        open_turn(ctx, block, ids, speaker=block.slice(0, match.end()), start=match.end())
        return True


def _verbs() -> list[str]:
    return verb_forms(conventions.load()["speech"]["verbs"])


def _unknown_speaker(label: str, block: Block, ctx: Context) -> str:
    record = ctx.record
    if label not in record.unknown:
        slug = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-") or "speaker"
        pid = f"unknown-{slug}"
        record.unknown[label] = pid
        ctx.report.warning(
            "unknown-speaker",
            f"speaker '{label}' is not in the personography; encoded as #{pid} — add the person to persons.xml",
            block.line,
        )
    return record.unknown[label]


class ReportedSpeechRule(BlockRule):
    """A turn in reported speech: "Zhou Enlai asks whether …", "Comrade STALIN answers …",
    "We said: …" → ``sp`` whose ``speaker`` holds the name as printed."""

    name = "reported-speech"

    def test(self, block, ctx):
        return self._subject(block, ctx) is not None

    def _subject(self, block: Block, ctx: Context):
        start = ctx.point[1] if ctx.point else lead(block.text)
        match = patterns(ctx.persons).reported.match(block.text, start)
        if not match:
            return self._attendee(block, start, ctx)
        names = match.group("names")
        if patterns(ctx.persons).first_person.fullmatch(names):
            # "I"/"We" start a turn in a first-person record (its author is known), or when
            # they introduce quoted speech ("We said: …"), which is then left unattributed.
            ids = _resolve_subject(match, ctx)
            if ids is None and not patterns(ctx.persons).colon_intro.match(block.text, start):
                return None
            return match, ids
        ids = _resolve_subject(match, ctx)
        if ids is None:
            return None
        if not names.isupper() and ctx.record.participants and not set(ids) <= ctx.record.participants:
            return None  # a person named at the start who is not at the meeting: not a turn
        if _several_speakers(block, ctx):
            return None
        return match, ids

    def _attendee(self, block: Block, start: int, ctx: Context):
        """ "Kuznetsov says …" where Kuznetsov is in the attendance list but not in persons.xml."""
        match = patterns(ctx.persons).reported_any.match(block.text, start)
        if not match:
            return None
        names = split_names(match.group("names"))
        if not all(name in ctx.record.unresolved for name in names):
            return None
        return match, tuple(_unknown_speaker(name, block, ctx) for name in names)

    def run(self, block, ctx):
        match, ids = self._subject(block, ctx)
        if ids is None:
            ctx.report.warning(
                "unattributed-turn",
                f"turn by '{match.group('names')}' left unattributed: the record's author is not known (sidecar 'author')",
                block.line,
            )
            ids = ()
        if ctx.point:
            open_turn(ctx, block, ids)
        else:
            open_turn(ctx, block, ids, speaker=block.slice(0, match.end()), start=match.end())
        return True


def _several_speakers(block: Block, ctx: Context) -> bool:
    """Does the paragraph report the words of two or more participants?"""
    found = patterns(ctx.persons)
    speakers = set()
    starts = [*sentence_starts(block.text), len(block.text)]
    for a, b in zip(starts, starts[1:]):
        match = found.subject.search(block.text, a, b)
        if match and SUBORDINATE.search(block.text, a, match.start()):
            continue  # "… asks whether comrade Stalin agrees": not who speaks here
        if match:
            ids = _resolve_subject(match, ctx)
            if ids and (not ctx.record.participants or set(ids) <= ctx.record.participants):
                speakers.add(ids)
    return len(speakers) > 1


class EmbeddedSpeakerRule(BlockRule):
    """A speaker named inside the first sentence ("Then Zhou Enlai returned to …") → ``sp``
    without ``speaker``. A paragraph reporting several speakers stays narrative."""

    name = "embedded-speaker"

    def test(self, block, ctx):
        return self._subject(block, ctx) is not None

    def _subject(self, block: Block, ctx: Context):
        begin = ctx.point[1] if ctx.point else 0
        if ctx.record.sp is not None and CONTINUING.match(block.text, begin):
            return None  # "He reminds that comrade Stalin agreed …": the running speaker goes on
        starts = [s for s in sentence_starts(block.text) if s >= begin] + [len(block.text)]
        end = starts[2] if len(starts) > 2 else len(block.text)  # a point's heading may come first
        match = patterns(ctx.persons).subject.search(block.text, begin, end)
        if not match or SUBORDINATE.search(block.text, begin, match.start()):
            return None
        ids = _resolve_subject(match, ctx)
        if not ids or (ctx.record.participants and not set(ids) <= ctx.record.participants):
            return None
        return ids

    def run(self, block, ctx):
        if _several_speakers(block, ctx):
            ctx.report.info(
                "several-speakers", "paragraph reports several speakers; kept outside any turn", block.line
            )
            ctx.end_turn()
            ctx.place(paragraph(inline(block, ctx.report), n=_point_n(ctx)), block)
            ctx.record.state = "body"
            return True
        ids = self._subject(block, ctx)
        running = ctx.record.sp
        if not ctx.point and running is not None and running.get("who") == " ".join(f"#{i}" for i in ids):
            running.append(paragraph(inline(block, ctx.report), n=_point_n(ctx)))  # the same speaker goes on
            return True
        open_turn(ctx, block, ids)
        return True


class ContinuationRule(BlockRule):
    """A paragraph without a speaker while a turn is running stays in that turn."""

    name = "continuation"

    def test(self, block, ctx):
        return ctx.record.sp is not None

    def run(self, block, ctx):
        ctx.record.sp.append(paragraph(inline(block, ctx.report), n=_point_n(ctx)))
        return True


class ParagraphRule(BlockRule):
    """Everything else: a paragraph outside any turn, reported so an editor can look."""

    name = "paragraph"

    def test(self, block, ctx):
        return True

    def run(self, block, ctx):
        is_heading = BOLD_LINE.match(block.text) or HEADING.match(block.text)
        if not is_heading and _has_turns(ctx.record):
            ctx.report.info("no-speaker", "paragraph attributed to nobody (no turn is running)", block.line)
        if ctx.record.state == "front" and not ctx.record.body and len(block.text.split()) <= 12:
            ctx.place(paragraph(inline(block, ctx.report)), block, "front")  # an addressee, a heading
            return True
        ctx.place(paragraph(inline(block, ctx.report), n=_point_n(ctx)), block)
        ctx.record.state = "body"
        return True


def _point_n(ctx: Context) -> str | None:
    return ctx.point[0] if ctx.point else None


def open_turn(ctx: Context, block: Block, ids, speaker: Block | None = None, start: int = 0) -> None:
    """Start a new ``sp`` in the current record, its first paragraph from `start`; the
    speaker's label keeps its printed form, emphasis included."""
    ctx.end_turn()
    sp = tei.E("sp", who=" ".join(f"#{i}" for i in ids) or None)
    if speaker is not None:
        sp.append(tei.E("speaker", *inline(speaker, ctx.report)))
    sp.append(paragraph(inline(block.slice(start), ctx.report), n=_point_n(ctx)))
    ctx.place(sp, block)
    ctx.record.sp = sp
    ctx.record.state = "body"
    for pid in ids:
        ctx.record.attend(pid)


def default_registry() -> Registry:
    registry = Registry()
    for rule in (
        FieldListRule(),
        TitleRule(),
        DateLineRule(),
        AttendanceRule(),
        CloserRule(),
        FootnotesRule(),
        SourceRule(),
        SummaryRule(),
        CommentaryRule(),
        NarrativeRule(),
        QuoteRule(),
        NumberedPointRule(),
        DialogueSplitRule(),
        SpeakerLabelRule(),
        SpeechTurnRule(),
        ReportedSpeechRule(),
        EmbeddedSpeakerRule(),
        ContinuationRule(),
        ParagraphRule(),
    ):
        registry.register(rule)
    return registry

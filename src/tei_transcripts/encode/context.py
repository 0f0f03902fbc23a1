# SPDX-License-Identifier: MIT
"""What the block rules share while they encode one source: the records being built."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from .. import tei
from ..messages import Reporter
from ..persons import Personography
from ..segment import Block, Removed
from .inline import footnote_markers_in

LINE = "{urn:x-tei-transcripts}line"  # source line of an element; removed when serialised
# After a name, the short form the record goes on to use: "(hereafter – S.)", "(henceforth M.)"
HEREAFTER = re.compile(
    r"\s*\(\s*(?:hereafter|henceforth|hereinafter)(?:\s+(?:as|called|referred\s+to\s+as))?\s*[-–—:,]?\s*"
    r"[\"“‘']?(?P<short>[^()\"”’'\s][^()\"”’']{0,19}?)[\"”’']?\s*\)",
    re.IGNORECASE,
)

# A short form in parentheses after a name, taken only if it begins his name: "(S.)", "(Mao)"
INITIAL_SHORT = re.compile(r"\s*\(\s*(?P<short>[A-Z][a-z]{0,4}\.?)\s*\)")
# A key to the short labels, the short form before the name: "(S. = Stalin; M. = Mao Zedong)",
# "S. – Stalin, M. – Mao Zedong" (with a dash or a colon, only where a key gives two or more)
KEY = re.compile(r"(?<![\w.])(?P<short>[A-Z][a-z]{0,4}\.?)\s*(?P<sign>=|[-–—:])\s*")


@dataclass
class Attendee:
    id: str
    side: str | None = None
    roles: set[str] = field(default_factory=set)
    office: str = ""  # as the attendance list prints it after the name: "chairman" of "Stalin (Chairman)"


@dataclass
class Record:
    """One record of conversation under construction: front, body and back of its text."""

    first_line: int
    front: list[etree._Element] = field(default_factory=list)
    body: list[etree._Element] = field(default_factory=list)
    back: list[etree._Element] = field(default_factory=list)
    state: str = "front"  # front → body → ended
    title: str | None = None
    title_line: int = 0
    # the file's title over several conversations, where this one's own is a sequel's heading
    # ("Notes of the conversations …" over "Second conversation, 11 July 1949")
    series: str | None = None
    date_text: str | None = None
    date_line: int = 0
    month_text: str | None = None  # a title dated by its month only ("…, April 1950")
    month_line: int = 0
    place: str | None = None  # where the meeting was, as the text names it ("Moscow")
    fields: dict[str, str] = field(default_factory=dict)
    principals: list[str] = field(default_factory=list)
    attendees: dict[str, Attendee] = field(default_factory=dict)
    citations: list[tuple[str, int]] = field(default_factory=list)
    summary: str | None = None
    original_language: str | None = None  # of the original the record translates, as printed
    author: str | None = None
    # whom a telegram or letter was sent to, as printed, with their id: ("Filippov", "stalin")
    addressees: list[tuple[str, str | None]] = field(default_factory=list)
    open_participants: bool = False  # the title names the writer only (a telegram), not whom he met
    # where a telegram was sent from and to, as its "From:" and "To:" fields name the places
    transmitted: dict[str, str] = field(default_factory=dict)  # {"sent": "Peking", "received": "Moscow"}
    signers: list[str] = field(default_factory=list)  # the persons the closer's signatures name
    first_person_unattributed: bool = False  # "I answered …" before the author was known
    sp: etree._Element | None = None  # the running turn
    sp_reported: bool = False  # whether it is in reported speech ("Liu Shaoqi thanked him.")
    sp_dialogue: bool = False  # whether it is a memoir's quoted words and their tag
    labelled: bool = False  # whether a turn so far had a speaker's label
    unknown: dict[str, str] = field(default_factory=dict)  # label → generated id
    unresolved: set[str] = field(default_factory=set)  # names no person in persons.xml has
    markers: set[str] = field(default_factory=set)  # footnote markers in the paragraphs read so far
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "(hereafter S.)" → "S" → ids
    # an interview's label an earlier one named: "Question (Chen Boda):" → "Question" → ids
    interview: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def writer(self) -> str | None:
        """Who wrote a letter or telegram: its author, else the one person who signed it."""
        return self.author or (self.signers[0] if len(set(self.signers)) == 1 else None)

    @property
    def has_content(self) -> bool:
        return bool(self.body) or self.state != "front"

    def attend(self, pid: str, side: str | None = None, role: str | None = None, office: str = "") -> None:
        attendee = self.attendees.setdefault(pid, Attendee(pid))
        attendee.side = attendee.side or side
        attendee.office = attendee.office or office
        if role:
            attendee.roles.add(role)

    @property
    def participants(self) -> set[str]:
        return set(self.principals) | set(self.attendees)

    @property
    def lists_participants(self) -> bool:
        """Does the record say who was there, so that no one else speaks in it? A diary's or
        memoir's writer, addressing no one, lists nobody: anyone known may speak."""
        return bool(self.participants) and not (self.open_participants and not self.addressees)


@dataclass
class Draft:
    """A record as the rules left it, with what went into it: the paragraphs it was read
    from (from `start` in the source's paragraphs), and the messages and page furniture the
    rules found in them. Kept apart per record, so that one record can be encoded again."""

    record: Record
    start: int
    report: Reporter
    removed: list[Removed] = field(default_factory=list)
    earlier_markers: set[str] = field(default_factory=set)  # footnote markers of the records before


@dataclass
class Context:
    persons: Personography
    file: str  # the source, for messages
    blocks: list[Block]  # the paragraphs still to read; a rule may take more than its own
    label_counts: dict[str, int] = field(default_factory=dict)
    names_alone: bool = False  # a known name alone on its line labels the speech after it
    drafts: list[Draft] = field(default_factory=list)  # records begun and not yet handed on
    begun: int = 0  # records begun in all
    position: int = 0  # index of the paragraph being read
    markers: set[str] = field(default_factory=set)  # footnote markers of all records so far
    last_point: str | None = None  # the last numbered point's number or letter
    point: tuple[str, int] | None = None  # number or letter and text offset of a numbered point
    taken: set[tuple[str, int]] = field(default_factory=set)  # short names resolved by participants
    mark: tuple[int, int] = (0, 0)  # messages and furniture of the running draft before this paragraph

    @property
    def record(self) -> Record:
        return self._draft.record

    def take(self) -> Block:
        """The next paragraph, for the rule reading this one to encode with it."""
        block = self.blocks.pop(0)
        self.note_markers(block)
        return block

    def note_markers(self, block: Block) -> None:
        """The footnote markers of a paragraph read: the notes after it may point back to them."""
        found = footnote_markers_in(block.text)
        self.record.markers |= found
        self.markers |= found

    @property
    def report(self) -> Reporter:
        return self._draft.report

    @property
    def removed(self) -> list[Removed]:
        return self._draft.removed

    @property
    def _draft(self) -> Draft:
        if not self.drafts:
            self.new_record(self.blocks[0].line if self.blocks else 1)
        return self.drafts[-1]

    def reading(self, position: int) -> None:
        """The rules are about to read paragraph `position`."""
        self.position = position
        draft = self._draft
        self.mark = (len(draft.report.messages), len(draft.removed))

    def resolve(self, name: str, line: int = 0) -> tuple[str, ...]:
        """The ids a speaker's name may refer to: the personography's; or, for one word it
        does not know or gives to several persons ("Kim"), the one participant of this
        record, a principal first, who has that word in a name (reported, for the editor)."""
        ids = self.persons.resolve(name)
        if not ids and len(name.split()) > 1:
            return self._rejoined(name, line)
        if len(ids) == 1 or len(name.split()) != 1:
            return ids
        word = name.casefold()

        def fits(pid: str) -> bool:
            names = self.persons[pid].names
            return (not ids or pid in ids) and any(
                word in n.casefold().replace("-", " ").split() for n in names
            )

        return self._one_participant(fits, name, "name", line) or ids

    def _rejoined(self, name: str, line: int) -> tuple[str, ...]:
        """The one person a name split by a stray space names, as OCR splits one ("ST ALIN",
        "MAO ZE DONG"): two of its words joined, where exactly one joining is a known name;
        reported, for the editor."""
        words = name.split()
        joined = (
            " ".join([*words[:i], words[i] + words[i + 1], *words[i + 2 :]]) for i in range(len(words) - 1)
        )
        found = {ids for ids in map(self.persons.resolve, joined) if len(ids) == 1}
        if len(found) != 1:
            return ()
        (ids,) = found
        if (name, line) not in self.taken:
            self.taken.add((name, line))
            self.report.info(
                "name-rejoined",
                f"'{name}' taken for {self.persons[ids[0]].name}, a name split by a space",
                line,
            )
        return ids

    def by_initial(self, letter: str, line: int = 0) -> tuple[str, ...]:
        """The one participant of this record, a principal first, whose name as the record
        would call him begins with `letter` ("S." for Stalin, "M." for Mao Zedong), reported;
        none when no participant or several fit."""
        return self._one_participant(
            lambda pid: letter in _initials(self.persons[pid]), f"{letter}.", "initial", line
        )

    def _one_participant(self, fits, label: str, what: str, line: int) -> tuple[str, ...]:
        """The one participant of this record that `fits`, among its principals first, then
        among all who attended; reported once per label and line (rules test a block more
        than once). None when none or several fit."""
        record = self.record
        for group in (record.principals, list(record.attendees)):
            found = [pid for pid in group if pid in self.persons and fits(pid)]
            if len(found) == 1:
                if (label, line) not in self.taken:
                    self.taken.add((label, line))
                    text = (
                        f"'{label}' taken for {self.persons[found[0]].name}, the participant of that {what}"
                    )
                    self.report.info("speaker-by-participant", text, line)
                return (found[0],)
        return ()

    def note_aliases(self, text: str) -> None:
        """ "Comrade I.V. Stalin (hereafter – S.)", or "I.V. Stalin (S.)" where the short
        form begins his name, or a key "(S. = Stalin; M. = Mao Zedong)": the short form the
        record uses for him."""
        self._note_key(text)
        if "(" not in text:
            return
        for match in self.persons.find(text):
            short = HEREAFTER.match(text, match.end) or INITIAL_SHORT.match(text, match.end)
            if not match.id or not short:
                continue
            form = short.group("short").strip(" .")
            names = self.persons[match.id].names if match.id in self.persons else ()
            begins_name = any(word.startswith(form) for name in names for word in name.split())
            if short.re is HEREAFTER or begins_name:
                self.record.aliases[form] = (match.id,)

    def _note_key(self, text: str) -> None:
        if not KEY.search(text):
            return
        names = {match.start: match.id for match in self.persons.find(text) if match.id}
        keyed = [(key, names[key.end()]) for key in KEY.finditer(text) if key.end() in names]
        if len(keyed) >= 2 or any(key.group("sign") == "=" for key, _ in keyed):
            for key, pid in keyed:
                self.record.aliases[key.group("short").strip(" .")] = (pid,)

    def new_record(self, line: int) -> Record:
        """Begin a record at the paragraph being read. What the rules said of that paragraph
        before they knew it began a record moves with it to the new record."""
        draft = Draft(Record(line), self.position, Reporter(self.file), earlier_markers=set(self.markers))
        if self.drafts:
            previous = self.drafts[-1]
            said, found = self.mark
            draft.report.messages = previous.report.messages[said:]
            draft.removed = previous.removed[found:]
            del previous.report.messages[said:], previous.removed[found:]
        self.drafts.append(draft)
        self.begun += 1
        self.mark = (0, 0)
        self.last_point = None
        return draft.record

    def place(self, element: etree._Element, block: Block, where: str = "body") -> etree._Element:
        """Put a block-level element into the current record, remembering its source line.

        The text keeps the order of the source: once the body has begun nothing more goes
        into the front, and once the back has begun everything goes into the back. An
        element that arrives too late for its part is recast for the part it lands in.
        Returns the element to fill: the one given, even when it was wrapped to fit, or what
        it was recast as.
        """
        record = self.record
        floor = "back" if record.back or closed(record.body) else "body" if record.body else "front"
        placed = element
        if PARTS.index(where) < PARTS.index(floor):
            placed = recast(element, floor)
            where = floor
            if where == "back":
                self.end_turn()
        placed.set(LINE, str(block.line))
        getattr(record, where).append(placed)
        if where == "back":
            record.state = "ended"  # what follows back matter is more back matter
        return element if element.getparent() is not None else placed

    def end_turn(self) -> None:
        close_turn(self.record, self.report)


def closed(part) -> bool:
    """A body or division (a list or an element of children) that ends with a closer takes no
    more text."""
    return len(part) > 0 and part[-1].tag == tei.q("closer")


def close_turn(record: Record, report: Reporter) -> None:
    """End the running turn; one that got a label but no speech is reported, and given an
    empty paragraph, as TEI wants some speech in every sp."""
    sp = record.sp
    if sp is not None and all(child.tag in (tei.q("speaker"), tei.q("pb")) for child in sp):
        report.warning("empty-turn", "speaker label without any speech after it", int(sp.get(LINE, "0")))
        sp.append(tei.E("p"))
    record.sp = None


PARTS = ["front", "body", "back"]
FRONT_ONLY = {"docTitle", "docDate", "docAuthor", "docImprint", "titlePage", "byline", "argument"}


def recast(element: etree._Element, part: str) -> etree._Element:
    """Front matter met in the body becomes paragraphs; body matter met in the back is
    put into a division of its own, the back allowing nothing else."""
    if etree.QName(element).localname in FRONT_ONLY:
        pieces = [
            e
            for e in element.iter(
                tei.q("titlePart"),
                tei.q("docDate"),
                tei.q("docAuthor"),
                tei.q("docImprint"),
                tei.q("byline"),
                tei.q("p"),
            )
            if not any(a.tag == tei.q("p") for a in e.iterancestors())
        ] or [element]
        paragraphs = []
        for piece in pieces:
            p = tei.E("p")
            p.text = piece.text
            for child in list(piece):
                p.append(child)
            paragraphs.append(p)
        element = paragraphs[0] if len(paragraphs) == 1 else tei.E("div", *paragraphs, type="fields")
    if part == "back" and element.tag != tei.q("div"):
        element = tei.E("div", element, type="commentary")
    return element


def paragraph(children: list, **attributes) -> etree._Element:
    """A paragraph of these children; a page's mark alone on its line ("[Page 2]") is the
    page break itself, between paragraphs."""
    marks = [child for child in children if not isinstance(child, str) or child.strip()]
    if len(marks) == 1 and not isinstance(marks[0], str) and marks[0].tag == tei.q("pb"):
        return marks[0]
    p = tei.E("p", **attributes)
    for child in children:
        tei.append(p, child)
    return p


def _initials(person) -> set[str]:
    """The first letters of the names a record calls a person by: each name of one word
    ("Stalin", "Mao"), and the family name of the main one, first in a Chinese or Korean
    name ("Zhou Enlai"), last in another ("Iosif Vissarionovich Stalin")."""
    words = person.name.split()
    family = words[0] if person.side in ("chinese", "korean") else words[-1]
    return {name[0].upper() for name in person.names if len(name.split()) == 1} | {family[0].upper()}

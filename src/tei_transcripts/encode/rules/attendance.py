# SPDX-License-Identifier: MIT
"""Attendance lists: "Present:", groups by side and role, names the personography lacks."""

from __future__ import annotations

import re
from functools import cache

from ... import conventions, tei
from ...segment import TABLE_CELLS, Block
from ..citation import is_translation_credit
from ..context import Context
from ..inline import inline
from ..speech import TITLES, honorifics, opens_turn, patterns, sentence_starts
from .base import TRAILING_MARKUP, BlockRule, _has_turns, lead


class AttendanceRule(BlockRule):
    """ "Present: …" with its groups by side and role → ``list[@type='participants']``."""

    name = "attendance"

    def test(self, block, ctx):
        if conventions.pattern("attendance", "opener").match(block.text, lead(block.text)):
            return True
        # "from our side: …" before the first turn opens a list without a "Present:" heading
        return (
            not _has_turns(ctx.record)
            and bool(conventions.pattern("attendance", "group").match(block.text))
            and not is_translation_credit(block.text, ctx.persons)
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
        elif self._table_head(ctx):  # "Name<tab>Position" over the rows of a table
            listing.append(tei.E("head", *inline(ctx.take(), ctx.report)))
        while ctx.blocks and self._continues(ctx.blocks[0], ctx):
            self._item(listing, ctx.take(), ctx, state)
        if listing.find(tei.q("item")) is None:  # "Present:" and no names: a list needs items
            listing = listing[0]
            listing.tag = tei.q("p")
        ctx.place(listing, block)
        record.state = "ended" if had_turns else "body"
        return True

    def _table_head(self, ctx: Context) -> bool:
        """Is the next paragraph the head of a table of those present, the rows after it
        naming a person in their first cell?"""
        rows = [block for block in ctx.blocks[:2] if TABLE_CELLS.search(block.text)]
        return len(rows) == 2 and _table_head(rows[0]) and _first_cell_names(rows[1], ctx)

    def _continues(self, block: Block, ctx: Context) -> bool:
        """A group header, a row of a table whose first cell is a name ("Molotov<tab>Minister of
        Foreign Affairs"), or a line that is little but names, not a turn ("Stalin: Welcome.")."""
        if conventions.pattern("attendance", "group").match(block.text):
            return True
        if TABLE_CELLS.search(block.text):  # a row of a table: a name and an office, not speech
            return _first_cell_names(block, ctx) and not _table_head(block) and not _speech_row(block)
        label = patterns(ctx.persons).label.match(block.text)
        if label and block.text[label.end() :].strip() and opens_turn(ctx.persons)(block.text):
            return False
        if patterns(ctx.persons).colon_intro.match(block.text):
            return False  # "Comrade Stalin said:", his words in the next paragraph
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
        listing.append(tei.E("item", *inline(block, ctx.report)))
        ctx.note_aliases(block.text)  # "Comrade I.V. Stalin (hereafter S.)"
        _report_unknown_names(block, ctx)
        text = block.text
        # group headers, at the start or after a sentence ("… Su Yu. Interpreters: …")
        groups = []
        for found in group_inside().finditer(text):
            start = next(found.start(g) for g in ("group", "inside", "side") if found.group(g))
            header = SENTENCE_BREAK.split(text[start : found.end() + 40])[0]  # not the next group's
            groups.append((start, _side_and_role(header)))
        matches = ctx.persons.find(text)
        before_role = None  # a role printed before a name: "; interpreter Mun Il"
        for i, match in enumerate(matches):
            for start, side_and_role in groups:
                if (matches[i - 1].end if i else 0) <= start < match.start:
                    state["side"], state["role"] = side_and_role
            # what follows the name in its entry, "(interpreter)", ", interpreter", up to the next
            # name or a stronger break; a role word right before the next name is that name's
            following = SENTENCE_BREAK.split(
                text[match.end : matches[i + 1].start if i + 1 < len(matches) else None]
            )[0]
            if i + 1 < len(matches):
                following = ROLE_BEFORE_NAME.sub("", following)
            between = text[matches[i - 1].end if i else 0 : match.start]
            entry = re.sub(r"^and\s+", "", ENTRY_END.split(between)[-1].strip(" ."))  # "and the interpreter"
            if ENTRY_END.search(between) or not i or ROLE.match(entry):
                before_role = "interpreter" if ROLE.match(entry) else None
            elif not re.fullmatch(r"\s*and\s*", between):
                before_role = None  # "Fedorenko (interpreter) and Molotov": the role was Fedorenko's
            after_role = "interpreter" if ROLE.search(following) else None
            if match.id:
                role = state["role"] or after_role or before_role
                ctx.record.attend(match.id, state["side"], role, _office(following))


def _office(following: str) -> str:
    """The office printed right after a name in a list, in parentheses or after a comma,
    lowercase without "the": "(Chairman)" → "chairman", ", Minister of Foreign Affairs" →
    "minister of foreign affairs"; "" when a name or nothing follows."""
    printed = OFFICE_AFTER_NAME.match(following)
    office = printed and (printed.group("office") or printed.group("office2"))
    return " ".join(office.lower().split()) if office else ""


def attend_from_narrative(block: Block, ctx: Context) -> None:
    """A sentence of the narrative that says who was present ("Present were Pak Hon-yong
    and the counselor of the Embassy, Ignatiev.", "Kim Il Sung visited me.") makes those it
    names participants; a name the personography lacks is reported, as in a list."""
    for piece in _attendance_sentences(block):
        for match in ctx.persons.find(piece.text):
            if match.id:
                ctx.record.attend(match.id)
        _report_unknown_names(piece, ctx)


def named_as_present(block: Block, ctx: Context) -> list[str]:
    """Those a paragraph's sentences of attendance name, in their order."""
    found = [m.id for piece in _attendance_sentences(block) for m in ctx.persons.find(piece.text) if m.id]
    return list(dict.fromkeys(found))


def _attendance_sentences(block: Block) -> list[Block]:
    cue = conventions.pattern("attendance", "in_narrative")
    if not cue.search(block.text):
        return []
    starts = sentence_starts(block.text)
    return [
        block.slice(start, end)
        for start, end in zip(starts, starts[1:] + (len(block.text),))
        if cue.search(block.text, start, end)
    ]


@cache
def group_inside() -> re.Pattern:
    """A group header of an attendance list: at the start of a paragraph, or inside it after
    a sentence or an entry when a colon or a spaced dash ends it ("… Su Yu. Interpreters: …",
    "… Li Fuchun. Interpreters - Fedorenko, Shi Zhe.") or when it names a side ("…; on the
    Chinese side, Chen Yun …"); a role without either (";
    interpreters Fedorenko and Shi Zhe;") is that entry's alone."""
    attendance = conventions.load()["attendance"]
    group = attendance["group"].removeprefix("^")
    side = attendance["side_group"]
    return re.compile(
        rf"^(?P<group>{group})|[.;:]\s*(?P<inside>{group})[^.;:]{{0,40}}(?::|\s(?:--|[—–-])\s)|[.;]\s*(?P<side>{side})",
        re.IGNORECASE,
    )


ROW_NUMBER = re.compile(r"\d{1,3}[.)]?|[#№]")
LIST_SEPARATOR = re.compile(r",|;|\band\b|:")
ENTRY_END = re.compile(r"[,;:]|\.(?=\s)")  # where an entry of a list of names ends
SENTENCE_BREAK = re.compile(r"[;:]|\.(?=\s)")  # stronger: a comma may come before the role
ROLE_BEFORE_NAME = re.compile(r"(?:the\s+)?(?:interpreters?|translators?)\s*$", re.I)
ROLE = re.compile(r"(?:the\s+)?(?:interpret|translat)", re.I)
OFFICE_AFTER_NAME = re.compile(
    r"\s*(?:\(\s*(?:the\s+)?(?P<office>[^()]+?)\s*\)|,\s*(?:the\s+)?(?P<office2>[a-z][^,()]*?))\s*(?:,|$)",
    re.I,
)
OFFICE_LAST = re.compile(
    rf"\b(?i:{'|'.join(TITLES)})[\s.]*$"
)  # an office, no name after it: "USSR Ambassador"
NAME_ONLY = re.compile(r"(?:[A-Z][a-z'’-]+|[A-Z]{2,})(?:\s+(?:[A-Z][a-z'’-]+|[A-Z]{2,})){0,2}")
GROUP_WORDS = re.compile(
    r"\b(?:present|meeting|side|sides|soviet|chinese|korean|our|interpreters?|translated|translators?|recorded|also|were|the|at|on|from|by)\b",
    re.I,
)


def _table_head(row: Block) -> bool:
    """Is a table's row its head, "Name<tab>Position"?"""
    words = set(conventions.load()["attendance"]["table_heads"])
    return all(word in words for word in re.sub(r"[*_|]", " ", row.text).lower().split())


def _name_cell(row: Block) -> tuple[int, int]:
    """Where the cell of a table's row that holds the name is: the first, after a number
    ("2<tab>Shtykov<tab>Soviet Ambassador")."""
    for cell in re.finditer(r"[^\t]+", row.text):
        if not ROW_NUMBER.fullmatch(cell.group().strip()):
            return cell.span()
    return len(row.text), len(row.text)


def _speech_row(row: Block) -> bool:
    """Does a table's row hold speech after the name ("**Stalin**<tab>In China a war …")
    rather than an office ("Molotov<tab>Minister of Foreign Affairs")?"""
    rest = row.text[_name_cell(row)[1] :].strip()
    return len(rest.split()) > 12 or bool(re.search(r"[.?!…][\"”’)*_]*$", rest))


def _first_cell_names(row: Block, ctx: Context) -> bool:
    """Does the name's cell of a table's row name a person, known or not ("Kovalev")?"""
    cell = row.text[slice(*_name_cell(row))].strip(" *_")
    cell = honorifics().sub(" ", cell).strip(" .")
    if ctx.persons.find(cell):
        return True
    return bool(NAME_ONLY.fullmatch(cell)) and not GROUP_WORDS.search(cell) and not _table_head(row)


def _report_unknown_names(block: Block, ctx: Context) -> None:
    """A list entry that is nothing but a capitalised name the personography lacks is
    reported, so that an editor can add the person; in a table's row, its first cell."""
    if TABLE_CELLS.search(block.text):
        block = block.slice(*_name_cell(block))
    text = re.sub(r"\[[^\]]*\]|\([^)]*\)|/[^/]*/", " ", block.text)
    honorific = honorifics()
    for segment in LIST_SEPARATOR.split(text):
        if OFFICE_LAST.search(segment):
            continue  # an office after a name: "T. F. Shtykov, USSR Ambassador"
        segment = honorific.sub(" ", segment).strip(" .—–-")
        segment = " ".join(segment.split())
        if not segment or not NAME_ONLY.fullmatch(segment) or GROUP_WORDS.search(segment):
            continue
        if _side_and_role(segment)[1]:
            continue  # a role's heading: "Note-taker", "Stenographer"
        if not ctx.persons.find(segment):
            ctx.report.warning(
                "unknown-person",
                f"'{segment}', named as present, is not in the personography",
                block.line,
            )
            ctx.record.unresolved.add(segment)


def _side_and_role(header: str) -> tuple[str | None, str | None]:
    attendance = conventions.load()["attendance"]
    sides = [key for key, pattern in attendance["sides"].items() if re.search(pattern, header, re.I)]
    roles = [key for key, pattern in attendance["roles"].items() if re.search(pattern, header, re.I)]
    return (sides[0] if len(sides) == 1 else None), (roles[0] if roles else None)

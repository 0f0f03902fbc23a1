# SPDX-License-Identifier: MIT
"""Inline markup of one paragraph: brackets, footnote markers, emphasis.

Takes a `Block` (a paragraph, with positions) and gives a list of strings and TEI
elements in order. Brackets are paired innermost first; an opening bracket that never
closes stays as a literal ``[`` and is reported, so it swallows nothing.
"""

from __future__ import annotations

import re
from functools import cache

from lxml import etree

from .. import conventions, tei
from ..ingest import EMPHASIS_TAGS, PHRASE_TAGS
from ..messages import Reporter
from ..segment import ROMAN_NUMERAL, Block
from .speech import CLOCK

# The phrase tags we translate, within a line: reading mends a tag a hard wrap broke
# (`ingest.BROKEN_TAG`).
HTML_TAG = re.compile(rf"</?(?:{PHRASE_TAGS})[ \t]*/?>", re.I)
BREAK_TAG = re.compile(r"<br[ \t]*/?>", re.I)


def strip_tags(text: str, keep_newlines: bool = False) -> str:
    """The text with each HTML tag we know (paired or not) replaced by a space: for comparing
    words, a tag always stands between two words. `keep_newlines` keeps the line count."""

    def space(match: re.Match) -> str:
        return " " + ("\n" * match.group().count("\n") if keep_newlines else "")

    return HTML_TAG.sub(space, BREAK_TAG.sub(space, text))


SUP = re.compile(r"<sup>\s*((?:(?!<sup>).)*?)\s*</sup>", re.I | re.S)  # innermost pair
SUP_BRACKETED = re.compile(r"<sup>\[(?:\d{1,3}|\*{1,3})\]</sup>", re.I)  # "<sup>[1]</sup>"
ESCAPE = re.compile(r"\\([*_\[\]#\\`])")
EMPHASIS = re.compile(
    rf"(\*\*|__|\*|_|<(?:{EMPHASIS_TAGS})>)(?=\S)(.+?)(?<=\S)(\*\*|__|\*|_|</(?:{EMPHASIS_TAGS})>)", re.S
)
# A character a web address may hold as printed (not a space, nor one a URI may not hold,
# nor a parenthesis, which may close the text around it)
ADDRESS_CHAR = r"[^\s()<>\[\]\"{}|\\^`]"
# A Markdown link's address after its bracketed text: "[the report](https://…)"
LINK_TARGET = re.compile(rf"\(((?:https?://|mailto:){ADDRESS_CHAR}+)\)")
FOOTNOTE_MARKER = re.compile(r"^\d{1,3}\*?$|^\*{1,3}$")
DEICTIC = {"there", "here", "then", "it", "its", "they", "them", "their", "he", "him", "his", "she", "her"}
DATE_ONLY = re.compile(
    r"^(?:\d{1,2}\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"(?:\s+\d{1,2})?,?(?:\s+\d{4})?$|^\d{4}$",
)


# the lookahead first lets the search skip to digits and asterisks (four times faster)
BARE_MARKERS = re.compile(r"(?=[\d*])(?:(?<=[^\W\d_][.,;:!?”\"’)])|(?<=[^\W\d_]))(\d{1,3}|\*{1,3})(?![\w*])")


# "[2]", "agreement[a]", "agreement(1)", "greetings.[ii]"; each begins with its bracket, which
# keeps the search fast
BRACKET_MARKER = re.compile(
    r"\[(?:(\d{1,3})|(?<=[^\W\d_]\[)([a-z])|\^([\w-]{1,20})"  # and Markdown's "[^1]"
    rf"|(?:(?<=[^\W\d_]\[)|(?<=[.,;:!?”\"’)]\[))({ROMAN_NUMERAL}))\]"
)
PAREN_MARKER = re.compile(r"\((?:(?<=[^\W\d_]\()|(?<=[^\W\d_][.,;:!?”\"’]\())(\d{1,3})\)")  # "treaty.(1)" too
# ... or after a speaker's name and a space, before the label's colon: "Kim Il Sung (1):"
LABEL_MARKER = r"(?<=[^\W\d_] )\({n}\)(?=:)"
# ... or after a word, or its full stop or comma, and a space, as an enumeration's "(1)" may
# stand too: "greetings (1).", "the treaty. (1) He asked …"; it points to a note only where a
# notes heading stands above the notes ("Notes" / "(1) …")
SPACED_MARKER = r"(?:(?<=[^\W\d_] )|(?<=[^\W\d_][.,;!?”\"’] ))\({n}\)(?![\w(])"
SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SUPERSCRIPT_MARKER = re.compile(
    rf"[{SUPERSCRIPT_DIGITS}](?<=\S[{SUPERSCRIPT_DIGITS}])[{SUPERSCRIPT_DIGITS}]{{0,2}}(?![{SUPERSCRIPT_DIGITS}])"
)  # "1945¹"
FROM_SUPERSCRIPT = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")
# a superscript number as plain text writes it, after a word or its mark: "greetings.^1"
CARET_MARKER = re.compile(r"(?<=\S)\^(\d{1,3})(?!\d)")


def footnote_markers_in(text: str) -> set[str]:
    """What may point to a footnote: <sup>2</sup>, [2], ², or a number or asterisk glued to
    a word; and, kept in its parentheses, a number after a word and a space ("(1)"), which
    may be an enumeration's."""
    found = {ESCAPE.sub(r"\1", m).strip() for m in SUP.findall(text)}
    return (
        {m for m in found if FOOTNOTE_MARKER.match(m)}
        | {"".join(groups) for groups in BRACKET_MARKER.findall(text)}
        | set(PAREN_MARKER.findall(text))
        | set(re.findall(LABEL_MARKER.format(n=r"(\d{1,3})"), text))
        | {f"({n})" for n in re.findall(SPACED_MARKER.format(n=r"(\d{1,3})"), text)}
        | set(BARE_MARKERS.findall(text))
        | set(CARET_MARKER.findall(text))
        | {m.translate(FROM_SUPERSCRIPT) for m in SUPERSCRIPT_MARKER.findall(text)}
    )


def bare_marker(n: str) -> re.Pattern:
    """A footnote number or asterisk printed glued to the end of a word ("dacha.1",
    "leaders*"), a number in superscript digits ("treaty¹") or after a caret ("treaty^1"), or
    one in parentheses glued to a word or between a speaker's name and the label's colon
    ("agreement(1)", "Stalin (1):")."""
    superscript = n.translate(str.maketrans("0123456789", SUPERSCRIPT_DIGITS)) if n.isdigit() else None
    glued = rf"(?:(?<=[^\W\d_][.,;:!?”\"’)])|(?<=[^\W\d_])){re.escape(n)}(?![\w*])"
    if n.isdigit():
        # "agreement(1)", "treaty.(1)", "Stalin (1):"
        glued += rf"|(?:(?<=[^\W\d_])|(?<=[^\W\d_][.,;:!?”\"’]))\({n}\)|{LABEL_MARKER.format(n=n)}"
        glued += rf"|(?<=\S)\^{n}(?!\d)"  # "greetings.^1"
    if superscript:
        return re.compile(rf"{glued}|(?<=\S){superscript}(?![{SUPERSCRIPT_DIGITS}])")
    return re.compile(glued)


def spaced_marker(n: str) -> re.Pattern:
    """A footnote number in parentheses after a word and a space: "greetings (1)."."""
    return re.compile(SPACED_MARKER.format(n=re.escape(n)))


def inline(block: Block, report: Reporter, brackets: bool = True) -> list:
    """Parse the inline markup of a paragraph into strings and elements; with `brackets`
    false, its brackets are printed characters (a date line "[16 December 1949]")."""
    return Inline(block, report, brackets).parse(0, len(block.text))


class Inline:
    def __init__(self, block: Block, report: Reporter, brackets: bool = True):
        self.block = block
        self.text = block.text
        self.report = report
        self.pairs = (
            self._pair_brackets() | self._note_parentheses() | self._page_slashes() if brackets else {}
        )

    def _pair_brackets(self) -> dict[int, int]:
        pairs: dict[int, int] = {}
        stack: list[int] = []
        if "[" not in self.text and "]" not in self.text:
            return pairs  # most paragraphs: no need to look at every character
        for i, char in enumerate(self.text):
            if char == "[" and not self._escaped(i):
                stack.append(i)
            elif char == "]" and not self._escaped(i):
                if stack:
                    pairs[stack.pop()] = i
                else:
                    line, column = self.block.position(i)
                    self.report.warning(
                        "unbalanced-bracket",
                        "closing bracket ']' without an opening one; kept as printed",
                        line,
                        column,
                    )
        for start in stack:
            line, column = self.block.position(start)
            following = self.text[start + 1 : start + 31]
            self.report.warning(
                "unclosed-bracket",
                f"opening bracket '[' never closes (before {following!r}); kept as printed, nothing enclosed",
                line,
                column,
            )
        # a footnote's marker in brackets set as superscript, "<sup>[1]</sup>", is a marker
        return {a: b for a, b in pairs.items() if not SUP_BRACKETED.match(self.text, a - len("<sup>"))}

    def _note_parentheses(self) -> dict[int, int]:
        """The parentheses around a note that names itself at its start ("(Interpreter's
        note: …)") or around a gap's words ("(illegible)"), paired as brackets are; any other
        parenthesis is a printed character."""
        pairs: dict[int, int] = {}
        if "(" not in self.text:
            return pairs
        cue = conventions.pattern("notes", "in_parentheses")
        openings: list[int] = []
        for parenthesis in re.finditer(r"[()]", self.text):
            if parenthesis.group() == "(":
                openings.append(parenthesis.start())
            elif openings:
                opening = openings.pop()
                inner = self.text[opening + 1 : parenthesis.start()]
                if cue.match(self.text, opening + 1) or gap(inner, "parentheses") is not None:
                    pairs[opening] = parenthesis.start()
        return pairs

    def _page_slashes(self) -> dict[int, int]:
        """The slashes around a page's mark ("/l. 12/"), paired as brackets are; any other
        slash is a printed character."""
        if "/" not in self.text:
            return {}
        return {m.start(): m.end() - 1 for m in page_slashes().finditer(self.text)}

    def _escaped(self, i: int) -> bool:
        return i > 0 and self.text[i - 1] == "\\"

    def parse(self, start: int, end: int) -> list:
        """Strings and elements for text[start:end], brackets first, then tags and emphasis;
        emphasis around brackets first of all ("**Stalin [Chairman]:**")."""
        around = self._emphasis_around_brackets(start, end)
        if around:
            bold = around.group(1) in ("**", "__", "<b>", "<strong>")
            inner = tei.E(
                "hi", *self.parse(around.start(2), around.end(2)), rend="bold" if bold else "italic"
            )
            return [*self.parse(start, around.start()), inner, *self.parse(around.end(), end)]
        out: list = []
        i = start
        while i < end:
            bracket = next((b for b in range(i, end) if b in self.pairs and self.pairs[b] < end), None)
            if bracket is None:
                out.extend(self._markup(self.text[i:end]))
                break
            out.extend(self._markup(self.text[i:bracket]))
            close = self.pairs[bracket]
            link = LINK_TARGET.match(self.text, close + 1, end)
            if link:  # the words in brackets are a link's text: "[the report](https://…)"
                out.append(tei.E("ref", *self.parse(bracket + 1, close), type="link", target=link.group(1)))
                i = link.end()
            else:
                out.append(self._bracket(bracket, close))
                i = close + 1
        return out

    def _emphasis_around_brackets(self, start: int, end: int) -> re.Match | None:
        """The first emphasis in text[start:end] that holds a pair of brackets and parts none."""
        inside = [(b, c) for b, c in self.pairs.items() if start <= b and c < end]
        if not inside:
            return None
        for match in EMPHASIS.finditer(self.text, start, end):
            if not _closes(match.group(1).lower(), match.group(3).lower()):
                continue
            within = [match.start(2) <= b and c < match.end(2) for b, c in inside]
            parted = any(
                (match.start(2) <= b < match.end(2)) != (match.start(2) <= c < match.end(2))
                for b, c in inside
            )
            if any(within) and not parted:
                return match
        return None

    def _bracket(self, start: int, end: int):
        inner = self.text[start + 1 : end]
        content = self.parse(start + 1, end)
        before = self.text[:start]
        after = self.text[end + 1 :]
        kind = classify_bracket(inner, before, after)
        if kind == "marker":  # "[2]", Markdown's "[^2]" (its caret is markup)
            return tei.E("ref", inner.lstrip("^"), type="footnote", n=inner.lstrip("^"))
        if kind == "stamp":  # the brackets are the stamp's or number's, printed as they are
            return self.text[start : end + 1]
        if kind == "page":
            return page_break(inner.strip(), "slashes" if self.text[start] == "/" else "brackets")
        if kind == "gap":
            return gap(inner, "parentheses" if self.text[start] == "(" else "brackets")
        if self.text[start] == "(":  # a note in parentheses: "(Interpreter's note: …)"
            if kind not in ("translator", "editorial"):
                kind = "editorial"
            element = tei.E("note", type=kind, place="inline", rend="parentheses")
            for child in content:
                tei.append(element, child)
            return element
        if kind == "stage":  # kept with its brackets, as a direction in parentheses is
            element = tei.E("stage", "[")
            content.append("]")
        elif kind == "supplied":
            element = tei.E("supplied", reason="omitted-in-original")
        else:
            element = tei.E("note", type=kind, place="inline")
        for child in content:
            tei.append(element, child)
        return element

    def _markup(self, text: str) -> list:
        """Footnote markers in <sup>, emphasis, escapes: everything but brackets."""
        out: list = []
        position = 0
        for match in SUP.finditer(text):
            out.extend(self._emphasis(text[position : match.start()]))
            label = ESCAPE.sub(r"\1", match.group(1))
            number = label[1:-1] if label.startswith("[") and label.endswith("]") else label  # "[1]"
            if FOOTNOTE_MARKER.match(number):
                out.append(tei.E("ref", label, type="footnote", n=number, rend="superscript"))
            else:
                out.append(tei.E("hi", *self._emphasis(match.group(1)), rend="superscript"))
            position = match.end()
        out.extend(self._emphasis(text[position:]))
        return out

    def _emphasis(self, text: str) -> list:
        out: list = []
        position = 0
        for match in EMPHASIS.finditer(text):
            opener, closer = match.group(1).lower(), match.group(3).lower()
            if not _closes(opener, closer):
                continue
            glued = (
                text[match.start() - 1 : match.start()].isalnum()
                or text[match.end() : match.end() + 1].isalnum()
            )
            if glued and opener[0] in "*_":
                continue  # asterisks or underscores inside a word ("*0*0", "snake_case") are printed
            out.append(_plain(text[position : match.start()]))
            bold = opener in ("**", "__", "<b>", "<strong>")
            out.append(tei.E("hi", *self._emphasis(match.group(2)), rend="bold" if bold else "italic"))
            position = match.end()
        out.append(_plain(text[position:]))
        return [piece for piece in out if not isinstance(piece, str) or piece]


def _closes(opener: str, closer: str) -> bool:
    if opener[0] in "*_":
        return opener == closer
    return closer == "</" + opener[1:]


def _plain(text: str) -> str:
    """Text between markup: escapes resolved, <br> a space; an unpaired tag stays as printed."""
    return BREAK_TAG.sub(" ", ESCAPE.sub(r"\1", text))


LABEL_AFTER = re.compile(r"\s+[^\[\]\s][^\[\]]{0,60}?[:.–—-]\s*")  # the rest of a speaker's label


def page_break(mark: str, rend: str) -> etree._Element:
    """Where a page or leaf of the original begins: its mark as printed is the break's `n`."""
    unit = "page" if mark[:1].lower() == "p" else "leaf"
    return tei.E("pb", n=mark, type=unit, rend=rend)


DOTS = re.compile(r"(?:\.\s*){2,}|…")  # "[...]", "[. . .]", "[…]": words left out


def gap(content: str, rend: str) -> etree._Element | None:
    """Words the copy does not give, if that is all a bracket says: "[two words illegible]",
    "[text missing]", "[…]". Its words are the gap's description; counted, its size."""
    gaps = conventions.load()["notes"]["gap"]
    words = " ".join(content.strip("*_ ").split())
    if DOTS.fullmatch(words):
        return tei.E("gap", reason="editorial", rend=rend)
    match = next(filter(None, (form.fullmatch(words) for form in gap_forms())), None)
    if not match:
        return None
    said = " ".join(match["reason"].lower().split())
    reason = next(reason for reason, names in gaps["reasons"].items() if said in names)
    if reason == "editorial" and match["original"]:
        return None  # "[omitted in the original]": a note on the original, not this copy's gap
    size = {}
    count, unit = (match["count"] or "").lower(), match["unit"]
    if unit and count:
        if count.isdigit() or count in gaps["counts"]:
            name = next(
                name
                for name, spellings in gaps["units"].items()
                if re.fullmatch(conventions.alternation(spellings), unit, re.I)
            )
            size = {"quantity": str(gaps["counts"].get(count, count)), "unit": name}
        else:
            size = {"extent": f"{count} {unit.lower()}"}
    return tei.E("gap", tei.E("desc", words), reason=reason, **size, rend=rend)


@cache
def gap_forms() -> tuple[re.Pattern, ...]:
    """How a bracket holding only a gap's words says them: what, then why ("one word
    illegible", "text missing", "omitted"), or why, then what ("illegible words",
    "illegible: two lines"), or why, a colon and what in words of the editor's own
    ("Omitted: a list of the units.", "Not translated: the poem")."""
    gaps = conventions.load()["notes"]["gap"]
    count = conventions.alternation([*gaps["counts"], *gaps["vague_counts"], r"\d{1,3}"])
    unit = conventions.alternation(
        [spelling for spellings in gaps["units"].values() for spelling in spellings]
    )
    counted = rf"(?:(?P<count>{count})\s+)?(?:(?P<unit>{unit})|{conventions.alternation(gaps['things'])})"
    reason = conventions.alternation([name for names in gaps["reasons"].values() for name in names])
    original = r"(?P<original>\s+in\s+the\s+(?:original|text|document|source|copy))?\.?"
    return (
        re.compile(rf"(?:{counted}\s+)?(?P<reason>{reason}){original}", re.I),
        re.compile(rf"(?P<reason>{reason})[:,]?\s+{counted}{original}", re.I),
        # the words after the colon are described, not counted: no count, unit or original
        re.compile(rf"(?P<reason>{reason})\s*:\s+(?P<count>)(?P<unit>)(?P<original>)[^\[\]]{{2,120}}", re.I),
    )


@cache
def page_slashes() -> re.Pattern:
    """A page's mark between slashes, as archival transcriptions print it: "/l. 12/"."""
    mark = conventions.load()["notes"]["page_break"]
    return re.compile(rf"(?<![\w/])/(?i:{mark})/(?![\w/])")


@cache
def spoken_in() -> re.Pattern:
    """A bracket's words naming the language a speaker spoke in: "in Korean", "speaking Russian"."""
    languages = conventions.alternation(list(conventions.load()["languages"]["tags"]))
    return re.compile(rf"(?:speaking\s+(?:in\s+)?|in\s+){languages}", re.I)


def classify_bracket(inner: str, before: str, after: str) -> str:
    """The kind of a bracketed insertion, from its content and the words around it.

    Returns a note type (query, translator, editorial, signature, original, clarification,
    gloss), "stage" for a stage direction, "supplied" for words the translator added to the
    sentence, "marker" for a footnote marker such as [2], "page" for where a page of the
    original begins, "gap" for words the copy does not give, or "stamp" for a time stamp or a
    paragraph's number that opens a speaker's label, "[22:00] Stalin:", "[3] Stalin:", or an
    item's number in a list, "[ii] specialists".
    """
    notes = conventions.load()["notes"]
    content = inner.strip()
    bare = content.strip("*_ ")
    if re.fullmatch(notes["query"], content):
        return "query"
    if gap(content, "brackets") is not None:
        return "gap"  # "[...]", "[illegible]", "[two words missing]"
    if re.fullmatch(r"\d{1,3}", content) and not before.strip() and LABEL_AFTER.fullmatch(after):
        return "stamp"  # a paragraph's number before a speaker's label: "[3] Stalin:"
    if re.fullmatch(r"\d{1,3}|\^[\w-]{1,20}", content):
        return "marker"
    if re.fullmatch(CLOCK, content) and not before.strip(" *_#-–—•·"):
        return "stamp"  # the minutes' time stamp: "[22:00] Stalin: …"
    if not before.strip(" *_#-–—•·") and after.lstrip(" *_").startswith(":") and len(bare.split()) <= 8:
        return "supplied"  # a speaker's label the editor supplied: "[Mao Zedong]: …"
    if re.fullmatch(r"[a-z]", content) and before[-1:].isalpha():
        return "marker"  # a letter glued to a word: "agreement[a]"
    if re.fullmatch(ROMAN_NUMERAL, content):
        # an endnote's small Roman numeral glued to a word ("greetings.[ii]"), or after a
        # space the number of an item in a list ("the following: [i] credits; [ii] …")
        return "marker" if before[-1:].isalpha() or before[-1:] in '.,;:!?”"’)' else "stamp"
    if conventions.pattern("closer", "marks").fullmatch(f"[{bare}]"):
        return "signature"  # a mark where a signature stands: "[Illegible signature]", "[Stamp]"
    for kind in ("translator", "editorial", "signature"):
        if re.search(notes[kind], content, re.I):
            return kind
    if content == bare and re.fullmatch(notes["page_break"], bare, re.I):
        return "page"  # where a page or leaf of the original begins: "[p. 47]", "[l. 12 ob.]"
    if re.fullmatch(notes["page"], bare, re.I):
        return "editorial"  # the original's pagination otherwise: "[pp. 3-4]", "[page break]"
    if re.fullmatch(conventions.stage_direction(), bare):
        return "stage"  # "[After a pause]", "[Laughter]"
    if not before.strip() and not after.strip(" .") and len(bare.split()) >= 3:
        return "editorial"  # a paragraph of its own: "[The conversation was interrupted.]"
    if spoken_in().fullmatch(bare):
        return "editorial"  # the language a speaker spoke in: "Pak Heon-yeong [in Korean]:"
    if re.fullmatch(r"[*_].+[*_]", content):
        return "original"  # italics mark a word of the original language: [*priem*]
    if DATE_ONLY.match(bare):
        return "clarification"
    words = bare.split()
    if not words:
        return "query"
    previous = re.search(r"([\w'’]+)\W*$", before)
    previous_word = previous.group(1).lower() if previous else ""
    next_word = re.match(r"\s*([\w'’-]+)", after)
    starts_sentence = not before.strip() or re.search(r"[.?!:;]\s*$", before)
    if words[0].lower() in notes["supplied_starts"] and len(words) <= 6:
        return "supplied"
    if bare.endswith(("'s", "’s")) or previous_word in DEICTIC:
        return "clarification"  # "its [Japan's] position", "there [in China]"
    if previous and previous.group(1).isupper() and len(previous.group(1)) > 1:
        return "gloss"  # an acronym explained: "CC [Central Committee]"
    if (
        next_word
        and next_word.group(1)[:1].isupper()
        and len(words) > 1
        and not after.startswith(("]", ".", ","))
    ):
        return "clarification"  # "[PRC Ambassador to the USSR] Zhang Wentian"
    if (
        len(words) <= 2
        and next_word
        and after[:1] == " "
        and (starts_sentence or previous_word in notes["function_words"] or not before.strip())
    ):
        return "supplied"  # "[he] thanks", "high [pay] rates", "this [circumstance]"
    if previous_word in notes["function_words"]:
        return "supplied"  # "addressed to [Stalin]"
    modifies_next = next_word and next_word.group(1).lower() not in notes["function_words"]
    if len(words) <= 2 and modifies_next and after[:1] == " " and after.strip()[:1].isalpha():
        return "supplied"  # a modifier the translator added: "[North] Korea", "[naval] fleet"
    return "gloss"

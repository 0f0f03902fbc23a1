# SPDX-License-Identifier: MIT
"""Ingest: read a transcript's bytes, decode them, normalise spaces, keep line numbers.

Takes a path, gives a `Source`: the text as a list of lines (line N of the file is
``lines[N - 1]``), with every decoding decision and normalisation reported. The text is
never corrected here beyond what is invisible on the page (odd spaces, line endings).
"""

from __future__ import annotations

import html
import html.entities
import os
import re
import unicodedata
from dataclasses import dataclass
from typing import Iterator

from .conventions import trie_pattern
from .messages import Reporter
from .paths import read_bytes

DEFAULT_MAX_BYTES = 16 * 1024 * 1024

# Spaces that look like a space on the page: copied web pages and PDFs are full of them.
ODD_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\u000b\u000c]")
# Character references of HTML left in copied text; only those HTML defines are decoded.
HTML_ENTITY = re.compile(
    r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|"
    + trie_pattern([name.rstrip(";") for name in html.entities.html5 if name.endswith(";")])
    + ");"
)
# The markup of a page's HTML source pasted as text. Its block tags part paragraphs: where one
# stands inside a line, the line is parted there (and the reporter maps the new lines back to
# the source's); at a line's start or end it is taken out. Headings become Markdown's, list
# items bullets, the cells of a row are parted by tabs, links become Markdown links; inline
# tags (<span>, <font>) are taken out; phrase tags (<b>, <i>, <sup>, <br>, …) stay for the
# inline pass, but for a <br> at a line's end, which the line's end says.
HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
HTML_CODE = re.compile(r"<(script|style)\b[^<>]*>.*?</\1\s*>", re.I | re.S)
HTML_LINK = re.compile(
    r"<a\s[^<>]*?href\s*=\s*[\"']((?:https?://|mailto:)[^\"'\s<>]+)[\"'][^<>]*>((?:(?!</?a\b)[^\[\]])*?)</a\s*>",
    re.I | re.S,
)
HTML_LINE_BREAK = re.compile(r"[ \t]*<br\s*/?>[ \t]*$", re.I)  # at a line's end: the line's end says it
HTML_BREAKS = re.compile(r"[ \t]*(?:<br\s*/?>[ \t]*){2,}", re.I)  # two or more: a paragraph's end
HTML_BREAKS_END = re.compile(r"(?:<br\s*/?>[ \t]*){2,}$", re.I)
HTML_INNER_BREAK = re.compile(r"[ \t]*<br\s*/?>[ \t]*(?=\S)", re.I)
HTML_CELL_BREAK = re.compile(r"</t[dh]\s*>[ \t]*<t[dh]\b[^<>]*>", re.I)
HTML_BLOCK_NAMES = (
    "p|div|h[1-6]|li|ul|ol|dl|dt|dd|table|thead|tbody|tfoot|tr|blockquote|section|article|main|"
    "header|footer|nav|aside|body|html|head|title|hr"
)
HTML_TAG = re.compile(
    rf"<(/?)({HTML_BLOCK_NAMES}|td|th|span|font|center|a|meta|link|!doctype)\b[^<>]*>",
    re.I,
)
HTML_BLOCK = re.compile(rf"(?:{HTML_BLOCK_NAMES})", re.I)
# A Markdown table: rows between pipes, its head parted from its body by a row of dashes. The
# cells of a row are parted by tabs, as a table copied from a page is; the dashes go.
TABLE_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*$", re.M)
TABLE_ROW = re.compile(r"^[ \t]*\|(.*\|.*)\|[ \t]*$")
# Characters that show nothing: zero-width spaces, word joiner, soft hyphen, stray BOMs.
INVISIBLES = re.compile("[\u200b\u2060\u00ad\ufeff]")
CONTROLS = re.compile("[\u0000-\u0008\u000e-\u001f\u007f]")
LIGATURES = re.compile("[\ufb00-\ufb06]")  # a PDF's typeset "ﬁ", "ﬂ", "ﬀ", … copied as one character
# A name set letter-spaced, as Russian typesetting sets a speaker's name, copied from a PDF
# with a space between its letters and two between its words: "S t a l i n:", "Z h o u  E n l a i."
# Only at a line's start, before a label's stop, colon or dash.
LETTER_SPACED = re.compile(
    r"^([ \t]*)((?:[^\W\d_] ){2,}[^\W\d_](?: {2,}(?:[^\W\d_] )+[^\W\d_])*)(?= ?[.:,]| [-–—] )", re.M
)
# The phrase tags of HTML that copied transcripts carry, which the inline pass translates:
# emphasis, and superscripts and subscripts
EMPHASIS_TAGS = "b|strong|i|em"
PHRASE_TAGS = f"sup|sub|{EMPHASIS_TAGS}"
# A phrase tag a hard wrap broke over two lines, "CC<sup" / ">2</sup>", "in <em" / ">detail</em>":
# set whole beside the words it belongs to, an emphasis's opening tag on the second line, every
# other tag on the first, so that every later pass reads it as the tag it is (a blank line parts
# it: no tag).
BROKEN_TAG = re.compile(rf"<(/?)({PHRASE_TAGS}|br)[ \t]*\n[ \t]*(/?>)", re.I)


def _whole_tag(match: re.Match) -> str:
    closing, name, end = match.groups()
    if not closing and re.fullmatch(EMPHASIS_TAGS, name, re.I):
        return f"\n<{name}{end}"
    return f"<{closing}{name}{end}\n"


# The fullwidth forms of ASCII ("Stalin：", "（to Mao）") that a Chinese, Japanese or Korean input
# method types, on a line of Latin text copied from such a page; on a line with those scripts'
# letters they are that text's own punctuation and stay.
FULLWIDTH = re.compile("[\uff01-\uff5e]")  # "！" … "～", each 0xFEE0 above its ASCII form
FULLWIDTH_LINE = re.compile("^[^\n\uff01-\uff5e]*[\uff01-\uff5e][^\n]*", re.M)
CJK_LETTERS = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u1100-\u11ff]")
# A name set in small capitals, copied from a PDF as its first letter, a space and the rest:
# "S TALIN :", "M AO Z EDONG :". Only at a line's start before a label's stop, colon or dash,
# and only where two lines or more begin so (one "A NOTE:" is two words).
SMALL_CAPS = re.compile(r"^([ \t]*)((?:[A-Z] [A-Z]{2,}(?: (?=[A-Z] [A-Z]))?)+)(?= ?[.:,]| [-–—] )", re.M)
# UTF-8 read as Windows-1252 somewhere on the way to the transcript ("Iâ€™m", "â€”",
# "Ð¡Ñ‚Ð°Ð»Ð¸Ð½"): a UTF-8 lead byte's character followed by as many characters of the bytes
# that continue one as the lead byte says.
_CONTINUING = "".join(
    re.escape(bytes([b]).decode("cp1252"))
    for b in range(0x80, 0xC0)
    if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
)
MOJIBAKE = re.compile(
    f"[\u00c2-\u00df][{_CONTINUING}]|[\u00e0-\u00ef][{_CONTINUING}]{{2}}|[\u00f0-\u00f4][{_CONTINUING}]{{3}}"
)
CYRILLIC = re.compile("[\u0400-\u04ff]")
MIXED_SCRIPT_WORD = re.compile(r"\w*(?:[A-Za-z]\w*[\u0400-\u04ff]|[\u0400-\u04ff]\w*[A-Za-z])\w*")


@dataclass
class Source:
    path: str
    lines: list[str]
    encoding: str

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def read_source(path: str, report: Reporter, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read and decode one transcript; raise `ConversionError` where it cannot be read."""
    if os.path.isdir(path):
        raise report.fail("not-a-file", "is a directory, not a transcript")
    try:
        size = os.path.getsize(path)
        if size > max_bytes:
            raise report.fail(
                "too-large",
                f"is {size:,} bytes, more than the limit of {max_bytes:,} (--max-bytes)",
            )
        data = read_bytes(path)
    except FileNotFoundError:
        raise report.fail("not-found", "no such file") from None
    except PermissionError:
        raise report.fail("unreadable", "permission denied") from None
    except OSError as error:
        raise report.fail("unreadable", error.strerror or str(error)) from None
    text, encoding = decode(data, report)
    lines = normalise(text, report)
    if not any(line.strip() for line in lines):
        raise report.fail("empty", "contains no text")
    return Source(path=path, lines=lines, encoding=encoding)


def decode(data: bytes, report: Reporter) -> tuple[str, str]:
    """Decode by BOM, then strict UTF-8, then cp1252 (with a warning)."""
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            raise report.fail(
                "bad-encoding", "UTF-8 byte order mark, but the bytes after it are not UTF-8"
            ) from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as error:
            raise report.fail(
                "bad-encoding", f"UTF-16 byte order mark, but {error.reason} at byte {error.start}"
            ) from None
    if b"\x00" in data:
        guess = _utf16_without_bom(data)
        if guess:
            report.warning(
                "encoding-guessed", f"no byte order mark; decoded as {guess} because of its NUL pattern"
            )
            return data.decode(guess, errors="strict"), guess
        offset = data.index(b"\x00")
        raise report.fail("binary", f"is binary, not text (NUL byte at offset {offset})")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise report.fail("bad-encoding", "is neither UTF-8 nor cp1252 text", line) from None
        report.warning(
            "encoding-fallback",
            f"not valid UTF-8 (byte 0x{data[error.start]:02x}); decoded as cp1252 (Windows Latin-1)",
            line,
        )
        return text, "cp1252"


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text of mostly Latin letters has a NUL in every other byte."""
    if len(data) < 32 or len(data) % 2:
        return None  # too short to judge, or not whole 16-bit units
    sample = data[:4096]
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if half and odd > 0.4 * half and even < 0.05 * half:
        encoding = "utf-16-le"
    elif half and even > 0.4 * half and odd < 0.05 * half:
        encoding = "utf-16-be"
    else:
        return None
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return encoding


def normalise(text: str, report: Reporter) -> list[str]:
    """Unify line endings and spaces; report what changed and where.

    Each substitution runs once over the whole text (fast on large files); the report gives
    how many of each kind and the first line that had one.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "<" in text:
        text = _html_markup(text, report)
    if "|" in text and TABLE_RULE.search(text):
        text = _markdown_tables(text, report)
    if not text.isascii():
        text = _mend_mojibake(text, report)
    first = HTML_ENTITY.search(text)  # copied from a page's source: "&nbsp;", "&#8217;"
    if first:
        text, n = HTML_ENTITY.subn(lambda m: html.unescape(m.group()), text)
        line = text.count("\n", 0, first.start()) + 1
        _report_normalised(report, n, "HTML character reference", line, how="the character it names")
    for pattern, what, replacement, how in (
        (ODD_SPACES, "odd space", " ", "a plain space"),
        (INVISIBLES, "invisible character", "", "left out"),
        (CONTROLS, "control character", "", "left out"),
        (
            LIGATURES,
            "typographic ligature",
            lambda m: unicodedata.normalize("NFKC", m.group()),
            "its letters",
        ),
        (LETTER_SPACED, "letter-spaced name", _set_together, "its letters set together"),
        (SMALL_CAPS, "small-capital name", _join_small_capitals, "its letters set together"),
        (BROKEN_TAG, "tag broken over two lines", _whole_tag, "set whole"),
    ):
        first = pattern.search(text)
        if first and (pattern is not SMALL_CAPS or len(pattern.findall(text)) >= 2):
            text, n = pattern.subn(replacement, text)
            _report_normalised(report, n, what, text.count("\n", 0, first.start()) + 1, how=how)
    if not text.isascii():
        text = _fold_fullwidth(text, report)
        composed = unicodedata.normalize("NFC", text)
        if composed != text:
            line = next(
                i for i, (a, b) in enumerate(zip(text.split("\n"), composed.split("\n")), 1) if a != b
            )
            _report_normalised(report, 1, "decomposed character sequence", line, counted=False, how="NFC")
            text = composed
        for match in _mixed_script_words(text):
            line = text.count("\n", 0, match.start()) + 1
            column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
            report.warning(
                "mixed-script",
                f"'{match.group()}' mixes Latin and Cyrillic letters; kept as printed",
                line,
                column,
            )
    return text.split("\n")


def _mend_mojibake(text: str, report: Reporter) -> str:
    """UTF-8 that was read as Windows-1252 (`MOJIBAKE`) as the characters it encodes."""
    mended = 0
    first = None

    def mend(match: re.Match) -> str:
        nonlocal mended, first
        try:
            character = match.group().encode("cp1252").decode("utf-8")
        except UnicodeError:
            return match.group()
        mended += 1
        first = first or text.count("\n", 0, match.start()) + 1
        return character

    text = MOJIBAKE.sub(mend, text)
    if mended:
        report.warning(
            "encoding-mended",
            f"{mended} character(s) garbled by a wrong decoding (UTF-8 read as Windows-1252: "
            "'â€™' for '’') read as the characters they encode; first on this line",
            first,
        )
    return text


def _fold_fullwidth(text: str, report: Reporter) -> str:
    """Fullwidth forms on lines without CJK letters as the ASCII they are (`FULLWIDTH_LINE`)."""
    folded = 0
    first = None

    def fold(match: re.Match) -> str:
        nonlocal folded, first
        line = match.group()
        if CJK_LETTERS.search(line):
            return line
        first = first or text.count("\n", 0, match.start()) + 1
        line, n = FULLWIDTH.subn(lambda c: chr(ord(c.group()) - 0xFEE0), line)
        folded += n
        return line

    text = FULLWIDTH_LINE.sub(fold, text)
    if folded:
        _report_normalised(report, folded, "fullwidth character", first, how="its ASCII form")
    return text


def _set_together(match: re.Match) -> str:
    """ "Z h o u  E n l a i" → "Zhou Enlai"."""
    words = re.split(r" {2,}", match.group(2))
    return match.group(1) + " ".join(word.replace(" ", "") for word in words)


def _join_small_capitals(match: re.Match) -> str:
    """ "Z HOU E NLAI" → "ZHOU ENLAI": each word's first letter joined to the rest."""
    return match.group(1) + re.sub(r"\b([A-Z]) (?=[A-Z]{2})", r"\1", match.group(2))


def _html_markup(text: str, report: Reporter) -> str:
    """A page's HTML source as the text it shows (see `HTML_TAG`)."""
    first = HTML_TAG.search(text)
    if not first or not re.search(rf"<(?:{HTML_BLOCK_NAMES})\b[^<>]*>", text, re.I):
        return text  # no page source: at most the phrase tags the inline pass reads
    first_line = text.count("\n", 0, first.start()) + 1
    code = HTML_CODE.search(text)
    if code:
        report.warning(
            "html-code-removed",
            "the page's scripts and style sheets were taken out with the HTML tags (they are no text "
            "of the transcript; first on this line)",
            text.count("\n", 0, code.start()) + 1,
        )

    def lines_of(match: re.Match) -> str:
        return "\n" * match.group().count("\n")

    text = HTML_CODE.sub(lines_of, HTML_COMMENT.sub(lines_of, text))
    text = HTML_LINK.sub(lambda m: f"[{m.group(2)}]({m.group(1)})", text)
    text = HTML_TAG.sub(lambda m: lines_of(m) if "\n" in m.group() else m.group(), text)  # over two lines
    lines, line_map, tags = [], [], 0
    lists: list[int | None] = []  # the lists the line is in: an ordered one's items so far, or None
    for number, line in enumerate(text.split("\n"), start=1):
        line = HTML_CELL_BREAK.sub("\t", line)
        if not HTML_BREAKS_END.search(line):  # "<br><br>" at the end parts paragraphs, as inside
            line = HTML_LINE_BREAK.sub("", line)
        tags += len(HTML_TAG.findall(line))
        parts = _html_line(line, lists).split("\n")
        lines.extend(parts)
        line_map.extend([number] * len(parts))
    if len(lines) != number:
        report.line_map = line_map
    _report_normalised(
        report,
        tags,
        "HTML tag",
        first_line,
        how="taken out; headings, list items, cells and links as Markdown's",
    )
    return "\n".join(lines)


def _markdown_tables(text: str, report: Reporter) -> str:
    """Markdown tables as rows of cells parted by tabs, line for line."""
    lines = text.split("\n")
    rules = [i for i, line in enumerate(lines) if TABLE_RULE.fullmatch(line)]
    for rule in rules:
        start = rule
        while start > 0 and TABLE_ROW.fullmatch(lines[start - 1]):
            start -= 1
        end = rule + 1
        while end < len(lines) and TABLE_ROW.fullmatch(lines[end]):
            end += 1
        for i in range(start, end):
            row = TABLE_ROW.fullmatch(lines[i])
            lines[i] = "" if i == rule else "\t".join(cell.strip() for cell in row.group(1).split("|"))
    _report_normalised(report, len(rules), "Markdown table", rules[0] + 1, how="rows as cells parted by tabs")
    return "\n".join(lines)


def _html_line(line: str, lists: list[int | None]) -> str:
    """One line of HTML source as text: a block tag inside it parts it into paragraphs. An
    item of an ordered list gets the number a browser shows before it ("1. "), so that a
    page's list of footnotes is read as the page shows it; `lists`, the lists open around the
    line, is kept up to date for the next."""

    def bare(text: str) -> str:
        return HTML_TAG.sub("", text).strip()

    def replace(match: re.Match) -> str:
        closing, name = match.group(1), match.group(2).lower()
        if not HTML_BLOCK.fullmatch(name):
            return ""  # inline: <span>, <font>, a cell's edge, <a> without an address
        inside = bare(line[: match.start()]) and bare(line[match.end() :])
        parting = "\0" if inside else ""  # several tags together part the line once
        if name in ("ol", "ul"):
            if closing and lists:
                lists.pop()
            elif not closing:
                start = re.search(r"\bstart\s*=\s*[\"']?(\d{1,4})", match.group()) if name == "ol" else None
                lists.append((int(start.group(1)) - 1 if start else 0) if name == "ol" else None)
        if not closing and re.fullmatch(r"h[1-6]", name):
            return parting + "#" * int(name[1]) + " "  # a heading, as Markdown writes it
        if not closing and name == "li":
            if lists and lists[-1] is not None:
                lists[-1] += 1
                return f"{parting}{lists[-1]}. "
            return parting + "- "
        return parting

    line = HTML_BREAKS.sub("\0", line)  # "<br><br>" parts paragraphs as a block tag does
    line = HTML_INNER_BREAK.sub("\n", line)  # one <br> inside a line ends a line of the text
    return re.sub(r"[ \t]*\0[\s\0]*", "\n\n", HTML_TAG.sub(replace, line))


def _mixed_script_words(text: str) -> Iterator[re.Match]:
    """Words that mix Latin and Cyrillic letters. Only the lines with a Cyrillic letter are
    searched: over a whole English text the pattern costs more than the rest of reading."""
    position = 0
    while found := CYRILLIC.search(text, position):
        start = text.rfind("\n", 0, found.start()) + 1
        end = text.find("\n", found.start())
        end = len(text) if end < 0 else end
        yield from MIXED_SCRIPT_WORD.finditer(text, start, end)
        position = end


def _report_normalised(
    report: Reporter, n: int, what: str, line: int, how: str, counted: bool = True
) -> None:
    amount = f"{n} {what}{'s' if n > 1 else ''}" if counted else f"{what.capitalize()}s"
    report.info("normalised", f"{amount} normalised ({how}; first on this line)", line)

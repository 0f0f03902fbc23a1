# SPDX-License-Identifier: MIT
"""The personography (``tei/persons.xml``) and the finder of its names in text.

Takes the path of a TEI ``listPerson``; gives `Personography`, whose `finder` locates every
spelling of every person in a string. Adding a person or a spelling is an edit to the TEI
file, never to this code.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property

from . import tei
from .conventions import trie_pattern
from .messages import ConversionError, Message
from .romanisation import palladius, russian_spellings, syllables, wade_giles
from .segment import SOFT_HYPHEN, read_whole

SIDES = {"SU": "soviet", "RU": "soviet", "CN": "chinese", "KP": "korean", "KR": "korean"}

CYRILLIC_TO_LATIN = str.maketrans(
    {
        "а": "a",
        "б": "b",
        "в": "v",
        "г": "g",
        "д": "d",
        "е": "e",
        "ж": "zh",
        "з": "z",
        "и": "i",
        "й": "i",
        "к": "k",
        "л": "l",
        "м": "m",
        "н": "n",
        "о": "o",
        "п": "p",
        "р": "r",
        "с": "s",
        "т": "t",
        "у": "u",
        "ф": "f",
        "х": "kh",
        "ц": "ts",
        "ч": "ch",
        "ш": "sh",
        "щ": "shch",
        "ы": "y",
        "э": "e",
        "ю": "iu",
        "я": "ia",
        "ь": "",
        "ъ": "",
        "А": "A",
        "В": "V",
        "Е": "E",
        "К": "K",
        "М": "M",
        "Н": "N",
        "О": "O",
        "Р": "R",
        "С": "S",
        "Т": "T",
        "У": "U",
        "Х": "Kh",
    }
)
MIXED_WORD = re.compile(r"\b\w*[\u0400-\u04ff]\w*\b")
INITIALS = r"(?:[A-Z][a-z]?\.\s?){1,3}"


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    names: tuple[str, ...]
    side: str | None
    occupation: str  # all the offices the personography gives, "; " between them


@dataclass(frozen=True)
class NameMatch:
    start: int
    end: int
    text: str
    ids: tuple[str, ...]  # one id, or several when the spelling is ambiguous

    @property
    def id(self) -> str | None:
        return self.ids[0] if len(self.ids) == 1 else None


def check_unique_ids(root, path: str) -> None:
    """Refuse a personography in which two persons share an id: one of them could never be
    pointed at (the parser leaves duplicated ids to whoever reads them)."""
    lines: dict[str, int] = {}
    for element in root.iter(tei.q("person")):
        pid = element.get(tei.XML_ID)
        if pid in lines:
            raise ConversionError(
                Message(
                    path, element.sourceline or 0, 0, "error", "persons-duplicate-id",
                    f'xml:id "{pid}" is also the id of the person on line {lines[pid]}; '
                    "each person needs an id of their own",
                )
            )  # fmt: skip
        if pid:
            lines[pid] = element.sourceline or 0


HYPHENATED = re.compile(r"(?<=[a-z])-([a-z])")
INITIALS_FIRST = re.compile(r"^((?:[A-Z][a-z]?\.\s?){1,3})\s*([A-Z][\w'’-]+)$")


# Each Latin letter with marks → the letter without them ("ŏ" → "o"), one character for one
WITHOUT_MARKS = {
    code: base
    for code in range(0xC0, 0x250)
    if (base := unicodedata.normalize("NFD", chr(code))[0]) != chr(code) and base.isascii()
} | dict.fromkeys(map(ord, "‐‑‒–"), "-")  # and a name's hyphen typeset or copied as a dash: "Pak Hon–yong"
MARKED_LINE = re.compile(f"^.*[{''.join(map(chr, WITHOUT_MARKS))}].*$", re.MULTILINE)  # a line with one


# a letter OCR may have misread inside a word: a figure among letters ("M0lotov", "Kim 1l"),
# a capital I between small letters ("EnIai")
OCR_MISREAD = re.compile(r"(?=[01I])(?:(?<=[A-Za-z])[01]|[01](?=[A-Za-z])|(?<=[a-z])I(?=[a-z]))")


def _lines_with(pattern: re.Pattern, text: str) -> list[str]:
    """The lines of `text` in which `pattern` is found, each once."""
    lines, last = [], -1
    for match in pattern.finditer(text):
        start = text.rfind("\n", 0, match.start()) + 1
        if start != last:
            end = text.find("\n", match.end())
            lines.append(text[start : end if end >= 0 else len(text)])
            last = start
    return lines


def ocr_read(line: str) -> str:
    """The line with the letters OCR misread read as those it took them for, letter for letter:
    "0" as "o" ("O" among capitals), "1" as "l" ("I" among capitals), "I" between small
    letters as "l": "M0lotov" → "Molotov", "Zhou EnIai" → "Zhou Enlai"."""

    def letter(match: re.Match) -> str:
        around = line[max(match.start() - 1, 0) : match.end() + 1]
        capitals = around.replace(match.group(), "").isupper()
        if match.group() == "0":
            return "O" if capitals else "o"
        return "I" if match.group() == "1" and capitals else "l"

    return OCR_MISREAD.sub(letter, line)


def without_diacritics(name: str) -> str:
    """A name's Latin letters without their marks, as a web page often prints a romanisation
    made with them: "Pak Hŏn-yŏng" → "Pak Hon-yong", "Hong Myŏng-hŭi" → "Hong Myong-hui"."""
    return name if name.isascii() else name.translate(WITHOUT_MARKS)


NAME_WORD = re.compile(r"[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?")


def family_name_in_capitals(name: str) -> tuple[str, ...]:
    """A name of several words with its first or its last word in capitals, as editions print
    the family name: "MAO Zedong", "KIM Il Sung", "Iosif Vissarionovich STALIN"."""
    words = name.split(" ")
    if len(words) < 2:
        return ()
    forms = []
    for at in (0, len(words) - 1):
        if NAME_WORD.fullmatch(words[at]):
            forms.append(" ".join(w.upper() if i == at else w for i, w in enumerate(words)))
    return tuple(forms)


def syllables_hyphenated(name: str) -> set[str]:
    """A pinyin given name of two syllables, after a family name of one, printed with a
    hyphen between them, as older texts set it: "Mao Zedong" → "Mao Ze-dong", "Zhou Enlai" →
    "Zhou En-lai"; none for a name that is no pinyin ("V.I. Lenin", "Kim Il Sung")."""
    words = name.split()
    if len(words) != 2 or not all(word.isalpha() for word in words):
        return set()
    family, given = (syllables(word.lower()) for word in words)
    if not family or len(family) != 1 or not given or len(given) != 2:
        return set()
    cut = len("".join(given[0]))
    return {f"{words[0]} {words[1][:cut]}-{words[1][cut:]}"}


CAPITAL_I_WORD = re.compile(r"\bI(?=[a-z])")


def misread_capital_i(name: str) -> set[str]:
    """A name as a PDF's text layer or OCR misreads a capital I that opens a word, as a small
    l ("Kim ll Sung", "losif"), and the letters of "Il" as a capital I or as figures one
    ("Kim II Sung", "Kim 11 Sung", "Kim 1l Sung")."""
    if "I" not in name:
        return set()
    variants = {CAPITAL_I_WORD.sub("l", name)} - {name}
    if re.search(r"\bIl\b", name):
        variants |= {re.sub(r"\bIl\b", misread, name) for misread in ("II", "11", "1l")}
    return variants


def printed_variants(name: str) -> set[str]:
    """The ways a name the personography spells one way is also printed: a hyphenated
    syllable capitalised, set apart or joined ("Mao Tse-tung": "Mao Tse-Tung", "Mao Tse
    Tung", "Mao Tsetung"), a pinyin given name hyphenated ("Mao Ze-dong"), the
    apostrophe straight or curly ("Liu Shao-ch'i"), the surname before the initials, as
    Russian archival lists have it ("V.M. Molotov": "Molotov V.M."), the family name in
    capitals ("MAO Zedong"), a romanisation's marks left out ("Kim Il-song"), a capital I
    misread ("Kim ll Sung")."""
    variants = {name}
    if HYPHENATED.search(name):
        variants.add(HYPHENATED.sub(lambda m: "-" + m.group(1).upper(), name))
        variants.add(HYPHENATED.sub(lambda m: " " + m.group(1).upper(), name))
        variants.add(HYPHENATED.sub(lambda m: m.group(1), name))  # "Mao Tsetung"
    variants |= syllables_hyphenated(name) | misread_capital_i(name)
    for spelling in list(variants):
        if "'" in spelling or "’" in spelling:
            variants |= {spelling.replace("'", "’"), spelling.replace("’", "'")}
    initials = INITIALS_FIRST.match(name)
    if initials:
        variants.add(f"{initials.group(2)} {initials.group(1).strip()}")
    for spelling in list(variants):
        variants.update(family_name_in_capitals(spelling))
    return variants | {without_diacritics(spelling) for spelling in variants}


def other_romanisations(person: Person) -> set[str]:
    """The person's names as other romanisations than the personography's spell them."""
    if person.side == "chinese":
        return set(wade_giles(person.name) | palladius(person.name))
    if person.side == "soviet":
        return {other for name in person.names for other in russian_spellings(name)}
    return set()


class Personography:
    def __init__(
        self, persons: list[Person], path: str = "", spellings: dict[str, tuple[str, ...]] | None = None
    ):
        self.path = path
        self.persons = {p.id: p for p in persons}
        self.spellings = spellings or {}  # forms a text prints that the personography lacks

    @classmethod
    def load(cls, path: str) -> "Personography":
        root = tei.parse(path).getroot()
        check_unique_ids(root, path)
        persons = []
        for element in root.iter(tei.q("person")):
            pid = element.get(tei.XML_ID)
            names = tuple(" ".join(tei.text_of(n).split()) for n in element.iter(tei.q("persName")))
            if not pid or not names:
                continue
            nationality = element.find(tei.q("nationality"))
            key = nationality.get("key") if nationality is not None else None
            # The sides of these conversations; anyone else is on the "other" side.
            side = SIDES.get(key or "", "other") if nationality is not None else None
            occupations = "; ".join(tei.text_of(o).strip() for o in element.iter(tei.q("occupation")))
            persons.append(Person(pid, names[0], names, side, occupations))
        return cls(persons, path)

    def __contains__(self, pid: str) -> bool:
        return pid in self.persons

    def __getitem__(self, pid: str) -> Person:
        return self.persons[pid]

    @cached_property
    def forms(self) -> dict[str, tuple[str, ...]]:
        """Every spelling (as written, its printed variants, and in capitals) → the ids it may
        name; a Chinese person's pinyin name also as Wade-Giles and Russian papers spell it,
        a Soviet person's family name as the other transliterations do."""
        forms: dict[str, set[str]] = {}
        for person in self.persons.values():
            for name in (*person.names, *sorted(other_romanisations(person))):
                for spelling in printed_variants(name):
                    for form in (spelling, spelling.upper()):
                        forms.setdefault(form, set()).add(person.id)
        return {form: tuple(sorted(ids)) for form, ids in forms.items()} | self.spellings

    def with_spellings_in(self, text: str) -> Personography:
        """The personography knowing also the names `text` prints with a romanisation's marks
        where it spells them without ("Zhōu Ēnlái", "MAO ZÉDŌNG"), or with the figures and
        letters OCR takes for others ("Zhou EnIai", "M0lotov"). Only a text with such letters
        gets a personography of its own (and its patterns compiled again)."""
        found = {}
        lines = (
            []
            if text.isascii()
            else [(line, line.translate(WITHOUT_MARKS)) for line in MARKED_LINE.findall(text)]
        )
        lines += [(line, ocr_read(line)) for line in _lines_with(OCR_MISREAD, text)]
        for printed, plain in lines:  # letter for letter: the offsets stay
            for match in self.pattern.finditer(plain):
                name = printed[match.start("name") : match.end("name")]
                if name not in self.forms:
                    found[name] = self.forms[match.group("name")]
        if not found:
            return self
        return Personography(list(self.persons.values()), self.path, self.spellings | found)

    @cached_property
    def pattern(self) -> re.Pattern:
        names = trie_pattern(list(self.forms))
        return re.compile(rf"(?<![\w-])(?:{INITIALS})?(?P<name>{names})(?![\w-])")

    def resolve(self, text: str) -> tuple[str, ...]:
        """The ids a complete label or name may refer to ("" → ())."""
        text = " ".join(text.split())
        match = self.pattern.fullmatch(text) or self.pattern.fullmatch(text.translate(CYRILLIC_TO_LATIN))
        return self.forms[match.group("name")] if match else ()

    def find(self, text: str) -> list[NameMatch]:
        """Every name of a known person in `text`, longest spelling first, left to right; a
        name a line's end broke ("Vyshin-" / "sky") is found whole, its match the printed span."""
        if SOFT_HYPHEN in text:
            whole, kept = read_whole(text)
            return [NameMatch(kept[m.start], kept[m.end - 1] + 1, m.text, m.ids) for m in self.find(whole)]
        found = [
            NameMatch(m.start(), m.end(), m.group(), self.forms[m.group("name")])
            for m in self.pattern.finditer(text)
        ]
        for word in MIXED_WORD.finditer(text):
            ids = self.forms.get(word.group().translate(CYRILLIC_TO_LATIN))
            if ids and not any(m.start <= word.start() < m.end for m in found):
                found.append(NameMatch(word.start(), word.end(), word.group(), ids))
        return sorted(found, key=lambda m: m.start)

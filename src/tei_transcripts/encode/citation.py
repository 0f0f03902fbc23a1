# SPDX-License-Identifier: MIT
"""What a transcript says of its source: archival citations, "APRF, f. 45, op. 1, d. 329,
ll. 1-7" and the same spelled out, "AVP RF, Fond 059a, Opis 5a, Papka 11, Delo 3, Listy
87-91"; and the translation credit, "Translated by: Danny Rozas"."""

from __future__ import annotations

import re
from functools import cache

from .. import conventions

PARTS = ("fond", "opis", "papka", "delo", "list")
NUMBER = r"\d+[a-zа-я]?"
LEAVES = r"\d+(?:\s*(?:ob|об)\.?)?(?:\s*[-–]\s*\d+(?:\s*(?:ob|об)\.?)?)?"  # "9-17", "1ob.-3", "10–12 об."


@cache
def part_pattern() -> re.Pattern:
    """One part of a citation, "f. 45", "opis 1", "Listy 87-91", its kind a named group."""
    words = conventions.load()["sources"]["parts"]
    kinds = "|".join(rf"(?P<{name}>{conventions.alternation(words[name])})" for name in PARTS)
    return re.compile(rf"(?<!\w)(?:{kinds})\s*(?P<number>{LEAVES}|{NUMBER})(?!\w)", re.IGNORECASE)


NAMED_ARCHIVE = r"(?-i:(?:[A-Z][\w'’.-]*\s+){0,5}Archives?(?:\s+of(?:\s+the)?(?:\s+(?:[A-Z][\w'’.-]*|of|the|and)){1,10})?)"


@cache
def citation_pattern() -> re.Pattern:
    """A run of three or more citation parts, fond first, with the repository before them
    when it is one of the archives the conventions know."""
    archives = conventions.alternation([re.escape(a) for a in conventions.load()["sources"]["archives"]])
    # or an archive the conventions do not know, its name spelled out: "Archive of the
    # Workers' Party of Korea", "Central Party Archive"
    archives += rf"|{NAMED_ARCHIVE}"
    part = re.sub(r"\(\?P<\w+>", "(?:", part_pattern().pattern)
    fond = conventions.alternation(conventions.load()["sources"]["parts"]["fond"])
    return re.compile(
        rf"(?:\b(?P<repository>{archives})\)?\s*[:,.]?\s*)?(?<!\w){fond}\s*{NUMBER}(?:[,.;]?\s*{part}){{2,}}",
        re.IGNORECASE,
    )


HINT = re.compile(r"(?i:\b[fф]\.|\bfonds?\b)\s*\d")  # where a citation can begin: most text has none


def has_citation(text: str) -> bool:
    return bool(HINT.search(text)) and bool(citation_pattern().search(text))


def citation_parts(citation: str) -> list[tuple[str, str]]:
    """The parts of a citation in the order printed: [("fond", "45"), ("opis", "1"), …].
    The leaves end it; "p." after the file is its folder when leaves follow ("d. 3, p. 11,
    ll. 87-91"), else its page ("d. 12, p. 5")."""
    found = []
    for match in part_pattern().finditer(citation):
        kind = next(name for name in PARTS if match.group(name))
        if kind != "list" and not re.fullmatch(NUMBER, match.group("number")):
            break  # a range where only the leaves have one: not this citation's
        found.append((kind, re.sub(r"\s+", "", match.group("number")), match.group(kind).lower()))
    parts = []
    for i, (kind, number, word) in enumerate(found):
        after_file = any(k == "delo" for k, _ in parts)
        if (
            kind == "papka"
            and word == "p."
            and after_file
            and not any(k == "list" for k, _, _ in found[i + 1 :])
        ):
            kind = "list"
        parts.append((kind, number))
        if kind == "list":
            break  # what follows the leaves is another citation's, or a book's page
    return parts


CREDIT = re.compile(
    r"(?:translated|translation)\b(?:\s+(?:for|from)\s+(?:the\s+)?[\w#.-]+){0,2}\s+by\b\s*:?\s*\S|translator\s*:",
    re.I,
)


def is_translation_credit(text: str, persons) -> bool:
    """ "Translated by: Danny Rozas", "(Translation from Russian by …)": a credit of the
    edition, unless the names are of persons known to the conversation, the interpreters
    of an attendance list ("Translated by comrs. Fedorenko and Shi Zhe")."""
    return bool(CREDIT.match(unenclosed(text))) and not persons.find(text)


ENCLOSED = re.compile(r"^\s*[(\[](.*)[)\]]\.?\s*$", re.S)


def unenclosed(text: str) -> str:
    """A paragraph without the parentheses or brackets around the whole of it."""
    return ENCLOSED.sub(r"\1", text)

# SPDX-License-Identifier: MIT
"""The languages of a document's text, told by the scripts its letters are written in.

The genre's transcripts are English translations, with now and then a word of the original;
a record copied in its original Russian, Chinese or Korean is told apart by its letters, so
that the header says what language it is in and the report says why its turns were missed.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .. import conventions, tei


class Language(NamedTuple):
    ident: str  # BCP 47
    name: str
    script: str
    letters: re.Pattern


# Latin letters are read as English: the converter's rules are written for English translations
LANGUAGES = (
    Language("en", "English", "Latin", re.compile(r"[A-Za-z\u00C0-\u024F]+")),
    Language("ru", "Russian", "Cyrillic", re.compile(r"[\u0400-\u04FF]+")),
    Language("zh", "Chinese", "Han", re.compile(r"[\u3400-\u4DBF\u4E00-\u9FFF]+")),
    Language("ko", "Korean", "Hangul", re.compile(r"[\uAC00-\uD7AF\u1100-\u11FF]+")),
)
ENGLISH = LANGUAGES[0]
SHARE = 0.1  # a language of the text: at least this share of its letters


def languages(text: str) -> list[Language]:
    """The languages `text` is written in, the most used first; English where it has no letters."""
    counts = [(sum(map(len, language.letters.findall(text))), language) for language in LANGUAGES]
    letters = sum(count for count, _ in counts)
    used = [
        language
        for count, language in sorted(counts, key=lambda c: -c[0])
        if count and count >= SHARE * letters
    ]
    return used or [ENGLISH]


def lang_usage(used: list[Language]) -> "tei.etree._Element":
    return tei.E("langUsage", *(tei.E("language", language.name, ident=language.ident) for language in used))


def language_tags(names: str) -> list[str]:
    """The BCP 47 tags of the languages `names` names, in order: "Russian" → ["ru"],
    "Chinese and Russian" → ["zh", "ru"]; those ``[languages]`` does not know are left out."""
    tags = conventions.load()["languages"]["tags"]
    found = [tags[word.lower()] for word in re.findall(r"[A-Za-z-]+", names) if word.lower() in tags]
    return list(dict.fromkeys(found))

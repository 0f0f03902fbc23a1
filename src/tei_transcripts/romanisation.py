# SPDX-License-Identifier: MIT
"""A name as another romanisation spells it than the personography's.

A Chinese name the personography spells in pinyin, as older texts print it in Wade-Giles:
"Mao Zedong" → "Mao Tse-tung", "Zhou Enlai" → "Chou En-lai", "Chen Boda" → "Ch'en Po-ta"
(and "Chen Po-ta", without the aspiration's apostrophe, as texts often leave it out).
A name is parted into syllables by the spelling rules of pinyin (a syllable after the first
begins with an initial), each syllable is spelled by the Wade-Giles table, and the given
name's syllables are joined by a hyphen. A name that does not part so is no pinyin ("Sun
Yat-sen", "Saifuddin Azizi") and gets no other spelling.

The same name as Russian papers print it, the Cyrillic of the Palladius system transliterated
("Mao Tszedun", "Chzhou Enlai", "Lin Byao"), as translations from Russian archives keep it.

A Russian family name as the other common transliterations of Cyrillic spell it: the Library
of Congress's "Vyshinskii", "Iudin", "Kovalev" and the English press's "Vyshinsky", "Yudin",
"Kovalyov", "Khruschev".
"""

from __future__ import annotations

import itertools
import re
from functools import cache

INITIALS = ("zh", "ch", "sh", *"bpmfdtnlgkhjqxrzcsyw")
FINALS = sorted(
    "a o e i u ü ai ei ao ou an en ang eng ong er ia ie iao iu ian in iang ing iong ua uo uai ui uan un "
    "uang ue üe".split(),
    key=len,
    reverse=True,
)  # the longest first: "zhuang", not "zhu" + "ang"
# Wade-Giles initials that differ from pinyin's ("'" marks the aspirated ones)
WG_INITIALS = {
    "b": "p",
    "p": "p'",
    "d": "t",
    "t": "t'",
    "g": "k",
    "k": "k'",
    "j": "ch",
    "q": "ch'",
    "x": "hs",
    "zh": "ch",
    "ch": "ch'",
    "r": "j",
    "z": "ts",
    "c": "ts'",
}
# whole syllables Wade-Giles spells otherwise than by initial and final
WG_SYLLABLES = {
    "zi": "tzu",
    "ci": "tz'u",
    "si": "ssu",
    "zhi": "chih",
    "chi": "ch'ih",
    "shi": "shih",
    "ri": "jih",
    "er": "erh",
    "ge": "ko",
    "ke": "k'o",
    "he": "ho",
    "yi": "i",
    "you": "yu",
    "yan": "yen",
    "ye": "yeh",
    "yu": "yü",
    "yue": "yüeh",
    "yuan": "yüan",
    "yun": "yün",
    "yong": "yung",
}
WG_FINALS = {"ong": "ung", "iong": "iung", "ie": "ieh", "ian": "ien", "ue": "üeh", "üe": "üeh", "uo": "o"}
AFTER_JQX = {"u": "ü", "uan": "üan", "un": "ün", "ue": "üeh"}  # "ju" is "chü", "xuan" "hsüan"


def syllables(word: str, first: bool = True) -> list[tuple[str, str]] | None:
    """The (initial, final) pairs a pinyin word parts into, or None where it is no pinyin; a
    syllable after the first must begin with an initial ("Enlai" is "en" + "lai")."""
    if not word:
        return []
    for initial in (*(i for i in INITIALS if word.startswith(i)), *([""] if first else [])):
        for final in FINALS:
            if word.startswith(final, len(initial)):
                rest = syllables(word[len(initial) + len(final) :], first=False)
                if rest is not None:
                    return [(initial, final), *rest]
    return None


def wade_giles_syllable(initial: str, final: str) -> tuple[str, ...]:
    """A pinyin syllable's Wade-Giles spellings: the table's, and for "de", "te" the "teh"
    that names print ("Chu Teh", "Peng Teh-huai")."""
    whole = initial + final
    if whole in WG_SYLLABLES:
        return (WG_SYLLABLES[whole],)
    if initial in ("j", "q", "x") and final in AFTER_JQX:
        spelled = AFTER_JQX[final]
    elif final == "uo" and initial in ("g", "k", "h", "sh"):
        spelled = "uo"  # "guo" is "kuo", but "luo" is "lo"
    elif final == "ui" and initial in ("g", "k"):
        spelled = "uei"
    else:
        spelled = WG_FINALS.get(final, final)
    syllable = WG_INITIALS.get(initial, initial) + spelled
    return (syllable, syllable + "h") if whole in ("de", "te") else (syllable,)


@cache
def wade_giles(name: str) -> frozenset[str]:
    """The Wade-Giles spellings of a pinyin name of a family name and a given name, with the
    aspirations' apostrophes and without: "Liu Shaoqi" → "Liu Shao-ch'i", "Liu Shao-chi";
    none for a name that is no pinyin or spelled the same."""
    spellings = _spelled(name, wade_giles_syllable, "-")
    return frozenset(spellings | {spelling.replace("'", "") for spelling in spellings}) - {name}


def _spelled(name: str, syllable, joiner: str) -> frozenset[str]:
    """A pinyin name of two words, each syllable spelled by `syllable` (which gives one
    spelling or more), the given name's syllables joined by `joiner`."""
    words = name.split()
    if len(words) != 2 or not all(w.isalpha() and w.isascii() for w in words):
        return frozenset()
    parts = [syllables(word.lower()) for word in words]
    if None in parts:
        return frozenset()
    family = ["".join(s) for s in itertools.product(*(syllable(*p) for p in parts[0]))]
    given = [joiner.join(s) for s in itertools.product(*(syllable(*p) for p in parts[1]))]
    return frozenset(f"{f.capitalize()} {g.capitalize()}" for f, g in itertools.product(family, given)) - {
        name
    }


# Palladius, the Russian system, its Cyrillic in Latin letters: initials and finals that differ
# from pinyin's, whole syllables spelled otherwise, and the finals after "j", "q", "x"
PALLADIUS_INITIALS = {
    "h": "kh",
    "j": "tsz",
    "q": "ts",
    "x": "s",
    "zh": "chzh",
    "r": "zh",
    "z": "tsz",
    "c": "ts",
    "w": "v",
}
PALLADIUS_FINALS = {
    "ang": "an",
    "eng": "en",
    "ong": "un",
    "ie": "e",
    "iao": "yao",
    "iu": "yu",
    "ia": "ya",
    "ian": "yan",
}
PALLADIUS_FINALS |= {
    "iang": "yan",
    "ing": "in",
    "iong": "yun",
    "uo": "o",
    "uang": "uan",
    "ue": "yue",
    "üe": "yue",
}
PALLADIUS_SYLLABLES = {
    "zi": "tszy",
    "ci": "tsy",
    "si": "sy",
    "zhi": "chzhi",
    "ri": "zhi",
    "yi": "i",
    "ye": "e",
}
PALLADIUS_SYLLABLES |= {
    "you": "yu",
    "yang": "yan",
    "ying": "in",
    "yong": "yun",
    "yu": "yui",
    "wu": "u",
    "wang": "van",
}
PALLADIUS_SYLLABLES |= {"weng": "ven", "ze": "tsze", "ce": "tse", "se": "se"}
PALLADIUS_AFTER_JQX = {"u": "yui", "uan": "yuan", "un": "yun", "ue": "yue"}


def palladius_syllable(initial: str, final: str) -> tuple[str, ...]:
    """A pinyin syllable as Palladius's Cyrillic spells it in Latin letters; an "h" also as
    English texts leave its "kh" ("Dehuai" beside "Dekhuai")."""
    whole = initial + final
    if whole in PALLADIUS_SYLLABLES:
        return (PALLADIUS_SYLLABLES[whole],)
    if initial in ("j", "q", "x") and final in PALLADIUS_AFTER_JQX:
        spelled = PALLADIUS_AFTER_JQX[final]
    else:
        spelled = PALLADIUS_FINALS.get(final, final)
    syllable = PALLADIUS_INITIALS.get(initial, initial) + spelled
    return (syllable, "h" + spelled) if initial == "h" else (syllable,)


@cache
def palladius(name: str) -> frozenset[str]:
    """A pinyin name of a family name and a given name as Russian papers print it: "Mao
    Zedong" → "Mao Tszedun", "Zhou Enlai" → "Chzhou Enlai", "Wang Jiaxiang" → "Van
    Tszyasyan"; none for a name that is no pinyin or spelled the same."""
    return _spelled(name, palladius_syllable, "")


# Where the transliterations of a Russian name part: each rule gives the other spellings of a
# stretch ("-skii" is "-sky", "-skiy", "-ski"; "ia" is "ya"; a final "ev", a Cyrillic "ё", is
# "yov"; "shch" is "sch")
RUSSIAN_ALTERNATIVES = (
    (re.compile(r"sk(?:ii|iy|y|i)$"), ("skii", "skiy", "sky", "ski")),
    (re.compile(r"(?<=[bcdfghklmnprstvz])(?:ev|yov)$"), ("ev", "yov")),
    (re.compile(r"(?:^I|i|^Y|y)(?=[aue])"), None),  # "Iudin", "Yudin"; "Paniushkin", "Ignatyev"
    (re.compile(r"s(?:h)?ch(?=[aeiouy])"), ("shch", "sch")),
)


@cache
def russian_spellings(name: str) -> frozenset[str]:
    """The other common transliterations of a Russian family name: "Vyshinskii" →
    "Vyshinsky", "Vyshinskiy", "Vyshinski"; "Kovalev" → "Kovalyov"; "Yudin" → "Iudin";
    "Khrushchev" → "Khruschev", "Khrushchyov", …; none for a name of several words."""
    if not name.isalpha() or not name.isascii():
        return frozenset()
    spellings = {name}
    for pattern, alternatives in RUSSIAN_ALTERNATIVES:
        for spelling in list(spellings):
            if alternatives is None:  # "i" and "y" before a vowel, each in the case it has
                spellings.add(pattern.sub(lambda m: _other_glide(m.group()), spelling))
            elif pattern.search(spelling):
                spellings |= {pattern.sub(other, spelling) for other in alternatives}
    return frozenset(spellings - {name})


def _other_glide(letter: str) -> str:
    return {"I": "Y", "Y": "I", "i": "y", "y": "i"}[letter]

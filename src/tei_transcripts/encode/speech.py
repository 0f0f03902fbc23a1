# SPDX-License-Identifier: MIT
"""Patterns that find who speaks: labels, reported-speech subjects, sentence starts.

Built once per personography from ``data/conventions.toml`` and the persons' spellings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Callable

from .. import conventions
from ..ingest import EMPHASIS_TAGS
from ..persons import INITIALS, Personography

# a name in capitals, never a section's Roman number alone ("II. On economic aid"); no name
# begins with a word of a telegram's address ("TO COMRADE FILIPPOV.", "From: Pyongyang")
ADDRESS = r"(?i:to|from|for|dear|attention|sent|received|dispatched)\b"
CAPS_FIRST = (
    rf"(?!(?:X{{1,3}}(?:IX|IV|V?I{{0,3}})|IX|IV|VI{{0,3}}|I{{1,3}})\b(?!\s[A-Z])|{ADDRESS})[A-Z][A-Z'’-]+"
)
MARKER = r"(?:\d{1,2}|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2})"  # a footnote's marker glued to a label: "Stalin:1"
# a name's bold closed before the speech, no mark after it: "**Stalin** How is …", "<b>Stalin</b> How …"
BOLD_CLOSED = r"(?:(?<=\*\*)|(?<=__)|(?<=</b>)|(?<=</strong>))"
CLOSE = rf"(?:\*\*|__|\*|_|</(?:{EMPHASIS_TAGS})>)"  # emphasis closed in a label: "**Stalin:**", "_Stalin_:"
# a name's end: no letter, digit, apostrophe or hyphen follows ("_" may, and a dash typed as
# two hyphens: "Stalin-- What …")
WORD_END = r"(?![^\W_]|['’]|-(?!-))"
TITLE_NAME = rf"(?!{ADDRESS})[A-Z][a-z'’-]+(?:\s[A-Z][a-z'’-]+){{0,2}}"
# what stands before a paragraph's words: heading marks, opening emphasis, a list's bullet
# ("- Stalin: …", "• Stalin: …"), a time stamp of the minutes ("[22:00] Stalin: …",
# "22.10 – Zhou Enlai: …", "(10:30 a.m.) Stalin: …"), a paragraph's number ("[3] Stalin: …"),
# where a page of the original begins ("[l. 11] Stalin: …", "/l. 11/ Stalin: …")
CLOCK = r"\d{1,2}[:.][0-5]\d(?:[:.][0-5]\d)?(?:\s*[AaPp]\.?\s?[Mm]\.?)?"


@lru_cache(maxsize=1)
def leading_markup() -> re.Pattern:
    """What may stand before a paragraph's words (see above), the page marks from the conventions."""
    page = rf"(?i:{conventions.load()['notes']['page_break']})"
    return re.compile(
        rf"(?:#{{1,6}}\s+|\*\*|__|\*(?=\S)|_(?=\S)|<(?:{EMPHASIS_TAGS})>|[-–—•·]\s+"
        rf"|(?:\[{CLOCK}\]|\({CLOCK}\)|{CLOCK}(?:\s+[-–—|])?)\s+|\[\d{{1,3}}\]\s+"
        rf"|(?:\[{page}\]|/{page}/)\s+)+"
    )


BULLETS = "-–—•·"
ABBREVIATIONS = {
    "cde",
    "cdes",
    "com",
    "comr",
    "comrs",
    "mr",
    "mrs",
    "dr",
    "st",
    "gen",
    "no",
    "vol",
    "pp",
    "p",
    "f",
    "op",
    "o",
    "d",
    "l",
    "ll",
    "vs",
    "etc",
    "ed",
    "eds",
    "tov",
    "e.g",
    "i.e",
}
# the words of the hour a meeting began ("Beginning: 20:00", "it began at …") and ended
BEGINNING = ("beginning", "begun", "began", "start", "started")
ENDING = ("end", "ended", "finished")
# the fields of the hours a meeting took ("End: 23:30."), which may close it too; no names
HOUR_FIELDS = ("time", "duration", *BEGINNING, *ENDING)
# what such a field may name after "Beginning", "Start" or "End": "End of the conversation: 22.10"
HOUR_FIELD_OF = ("conversation", "talks", "talk", "meeting", "reception")


def is_hour_field(label: str) -> bool:
    """Is a field's label one of the hours a meeting took: "End", "Beginning of the conversation"?"""
    words = label.lower().split()
    return bool(words) and words[0] in HOUR_FIELDS and (len(words) == 1 or words[-1] in HOUR_FIELD_OF)


NOT_NAMES = {
    *HOUR_FIELDS,
    "yes",
    "no",
    "good",
    "true",
    "right",
    "correct",
    "agreed",
    "thanks",
    "well",
    "ok",
    "okay",
    "first",
    "second",
    "third",
    "finally",
    "question",
    "answer",
    "note",
    "notes",
    "source",
    "however",
    "therefore",
    "thus",
    "then",
    "so",
    "now",
    "also",
    "here",
    "there",
    "title",
    "date",
    "author",
    "description",
    "subject",
    "topic",
    "summary",
    "place",
    "location",
    "venue",
    "present",
    "participants",
    "the",
    # the headings of a meeting's minutes: "HEARD: the telegram of …", "RESOLVED: to approve …"
    "heard",
    "listened",
    "resolved",
    "decided",
    "decision",
    "agenda",
    # the headings of the parts around the records ("Attachment:", "INTRODUCTION")
    *conventions.load()["titles"]["appendix_words"],
    *conventions.load()["titles"]["part_headings"],
}


def verb_forms(verbs: list[str]) -> list[str]:
    """Third-person and past forms as listed, plus the plural: "thanks" → "thank"."""
    forms = set(verbs)
    for verb in verbs:
        if verb.endswith("ies"):
            forms.add(verb[:-3] + "y")
        elif verb.endswith(("shes", "ches", "sses", "xes", "oes")):
            forms.add(verb[:-2])
        elif verb.endswith("s") and not verb.endswith("ss"):
            forms.add(verb[:-1])
    return sorted(forms)


# Titles that stand for a person in "The Chairman replied …"
TITLES = [
    "chairman",
    "premier",
    "ambassador",
    "minister",
    "marshal",
    "generalissimo",
    "president",
    "secretary",
]
SAID_NOTHING = r"(?!\s+nothing\b)"  # after a verb of saying: "said nothing" reports no words
NARRATED = re.compile(
    r"\s*(?:(?:then|also|\w+ly)\s+)?(?:\w+ed|said|told|gave|spoke)\b"
)  # "I [then] answered"
EMBEDDING = re.compile(r"[A-Z][a-z]+(?:\s+[a-z]+){0,2}\s+")  # "In conclusion ", "Then ", "After that "
# The office after a name and a comma in a label: a few words, no sentence's marks
ROLE_AFTER = re.compile(r"[^,.;:!?()\[\]\"“”*_]{2,80}")
# … up to the label's colon: "Kim Il Sung, Chairman of the Cabinet of Ministers:"
OFFICE_BEFORE_COLON = re.compile(rf"{ROLE_AFTER.pattern}:{CLOSE}?\s")
OPEN_ASIDE = re.compile(r"\s*\([^()]*$")  # a parenthesis the line leaves open
# the dashes that may end a speaker's label: "Stalin —", "STALIN -- How …" (typed as two hyphens)
LABEL_DASHES = ("—", "–", "-", "--")
# what ends a speaker's label: "Stalin." "Stalin:" "Stalin —", "Stalin;" (a colon misread)
LABEL_MARKS = (".", ":", *LABEL_DASHES, ";")


@dataclass(frozen=True)
class SpeechPatterns:
    label: re.Pattern  # "Stalin." "MAO ZEDONG:" "Comrade Stalin:" "STALIN," at the start
    label_only: re.Pattern  # a paragraph that is nothing but a label: "STALIN:" "**Kim Il Sung**"
    reported: re.Pattern  # "Zhou Enlai asks" "Comrade STALIN answers" "We said" at the start
    reported_any: re.Pattern  # the same with any capitalised name, for names of the attendance list
    subject: re.Pattern  # a known person followed by a verb of saying, anywhere
    colon_intro: re.Pattern  # "Stalin said:" "We answered:" at a sentence start
    exchange: re.Pattern  # "Pak Heon-yeong added …": a move in the exchange, at the start
    tag: re.Pattern  # after quoted words, who said them: "Stalin said", "said Stalin"
    first_person: re.Pattern
    named_pronoun: re.Pattern  # "He (Liu Shaoqi)", "He [Zhou Enlai]": a pronoun the record names
    described: re.Pattern  # "The Chairman replied" "The Soviet Ambassador noted": a title, no name
    opinion: re.Pattern  # "According to Stalin, …" "In Zhou Enlai's opinion, …" at the start


@lru_cache(maxsize=4)  # a personography per text that prints names with marks; few at once
def patterns(persons: Personography) -> SpeechPatterns:
    speech = conventions.load()["speech"]
    known = conventions.trie_pattern(list(persons.forms))
    honorific = rf"(?:(?i:{conventions.alternation(speech['honorifics'])})\s+)*"
    # a name ends at a word's end, where a footnote's marker is glued to it ("Zhou Enlai2:"),
    # or at a possessive ("Mao's remarks:")
    known_name = rf"(?:{INITIALS})?(?:{known})(?:{WORD_END}|(?={MARKER}{WORD_END}|['’]s\s))"
    # a verb of saying, not saying nothing: "Mao Zedong smiled and said nothing."
    verbs = conventions.alternation(verb_forms(speech["verbs"])) + SAID_NOTHING
    verbs_upper = conventions.alternation(
        [verb.upper() for verb in verb_forms(speech["verbs"])]
    )  # "STALIN SAID:"
    # a name in capitals: up to three words, none a verb of saying ("STALIN SAID:" is Stalin's)
    caps_name = rf"{CAPS_FIRST}(?:\s(?!(?:{verbs_upper})\b)[A-Z][A-Z'’-]+){{0,2}}"
    any_name = rf"(?:{known_name}|{caps_name}{WORD_END}|{TITLE_NAME}{WORD_END})"
    names = rf"{any_name}(?:\s*,\s*{any_name})*(?:,?\s+and\s+{any_name})?"
    known_names = rf"{known_name}(?:\s*,\s*{known_name})*(?:,?\s+and\s+{known_name})?"
    caps_names = rf"{caps_name}(?:\s*,\s*{caps_name})*(?:,?\s+and\s+{caps_name})?{WORD_END}"
    pronouns = {
        form
        for word in speech["first_person"]
        for form in (word.capitalize(), word)
        if len(form) > 1 or form == "I"
    }
    first = rf"(?:{conventions.alternation(sorted(pronouns))})(?:\s*\[(?P<bracket>[^\]]{{1,40}})\])?"
    named_pronoun = r"(?:He|She)\s*(?:\[(?P<named>[^\]]{1,40})\]|\((?P<named2>[^()]{1,40})\))"
    adverbs = rf"(?:\s+(?:{conventions.alternation(speech['adverbs'])}|[a-z]+ly))*"
    adverbs_or_aside = rf"(?:{adverbs}|\s*,[^,.;:]{{1,90}},)"
    colon_verbs = conventions.alternation(speech["colon_verbs"])
    # "(to Molotov)", "(smiling)"; a longer one only before a colon: "Kim Il Sung (Chairman of
    # the Cabinet of Ministers of the Democratic People's Republic of Korea):"; "Stalin [Chairman of
    # the Council of Ministers]:" in brackets, an editor's, before a colon only
    aside = (
        rf"\s*(?:\((?:[^()]{{1,40}}|[^()]{{41,160}}(?=\)\s*{CLOSE}?\s*:))\)"
        rf"|\[[^\[\]]{{1,160}}\](?=\s*{CLOSE}?\s*:))"
    )
    # what the speaker did before he spoke, and then his words after a colon or "that": "Stalin
    # shook hands with Chairman Mao and said: …" (never "… and Zhou Enlai said", another's)
    acted_then_said = rf"\s+[^.?!:;\"“]{{1,60}}?\s+and\s+(?:{verbs})\b[^.?!\"“:]{{0,20}}?(?::|\bthat\b)"
    # what the speaker says, named: "Chairman Mao's remarks:" (a label only before a colon)
    said = rf"['’]s\s+(?i:{conventions.alternation(speech['said_nouns'])})(?={CLOSE}?\s*:)"
    return SpeechPatterns(
        label=re.compile(
            rf"(?P<label>{honorific}(?P<names>{names}))(?:{MARKER}|{said})?{CLOSE}?"
            rf"(?P<aside>{aside})?(?P<punct>\s*[.:,]{CLOSE}?|;(?=\s+[A-Z\"“])|\s+(?:--|[—–-])|(?:--|[—–])(?=\s)|(?=\t|\s{{2,}})|{BOLD_CLOSED}(?=\s+[A-Z\"“]))"
            # the label ends in a mark (a dash glued to the name too: "Kim Il Sung— We …", or
            # typed as two hyphens, as a typewriter and plain text write it: "STALIN -- How …"; a
            # colon a PDF's text or OCR misread as a semicolon, before a sentence: "Stalin; How
            # was …"), or only in a tab or a wide space (columns), a dash may
            # follow its full stop or colon ("STALIN.— How …", "Stalin. - How …"); a footnote's
            # marker may follow the name or the mark
            # the words follow a space, or a colon at once as a careless copy has it ("Stalin:What")
            rf"(?:(?<=[.:])\s*(?:--|[—–-]))?(?:{MARKER}(?=\s))?(?:\s+(?=\S)|(?<=:)(?=[A-Z\"“]))"
        ),
        label_only=re.compile(
            rf"(?P<label>{honorific}(?P<names>{known_names}|{caps_names}))(?:{said})?{CLOSE}?"
            rf"(?:{aside})?\s*[.:]?{CLOSE}?\s*$"
        ),
        reported=re.compile(
            rf"(?P<label>{honorific}(?P<names>{known_names}|{caps_names}|{first}|{named_pronoun}){CLOSE}?)"
            rf"(?={adverbs_or_aside}\s+(?:{verbs}|{verbs_upper})\b|{acted_then_said})"
        ),
        reported_any=re.compile(
            rf"(?P<label>{honorific}(?P<names>{names}))(?={adverbs_or_aside}\s+(?:{verbs})\b)"
        ),
        subject=re.compile(
            rf"(?<![\w'’-])(?P<label>{honorific}(?P<names>{known_names}))(?={adverbs_or_aside}\s+(?:{verbs})\b)"
        ),
        colon_intro=re.compile(  # "During the reception Kim Il Sung, turning to me, said:"
            rf"(?:[A-Z][^.?!:;\"“]{{0,60}}?(?:,\s+|\s+(?={honorific}(?:{known_names})\b))"
            rf"|(?:And|Then|But|To this|Whereupon|Thereupon)\s+)?"
            rf"(?P<label>{honorific}(?P<names>{known_names}|{first}))"
            rf"{adverbs_or_aside}\s+(?:{colon_verbs})(?:\s+\w+){{0,2}}\s*:"
        ),
        exchange=re.compile(  # one name: "Pak Heon-yeong added …"
            rf"(?P<label>{honorific}(?P<names>{known_name}))"
            rf"(?={adverbs}\s+(?:{conventions.alternation(speech['exchange_verbs'])})\b)"
        ),
        tag=re.compile(
            rf"(?:(?:{verbs})\s+{honorific}(?P<names>{known_name})"
            rf"|{honorific}(?P<names2>{known_name}){adverbs}\s+(?:{verbs}))\b"
        ),
        first_person=re.compile(first),
        named_pronoun=re.compile(named_pronoun),
        described=re.compile(
            rf"(?P<label>(?i:the)\s+(?P<names>(?:[\w-]+\s+){{0,3}}?(?i:{conventions.alternation(TITLES)})))"
            rf"(?={adverbs_or_aside}\s+(?:{verbs})\b)"
        ),
        opinion=re.compile(  # "In Stalin's opinion," needs the possessive, "According to" not
            rf"(?:(?i:according\s+to|in\s+the\s+(?:opinion|view|words)\s+of)|(?P<possessive>(?i:in)))\s+"
            rf"(?P<label>{honorific}(?P<names>(?:{INITIALS})?(?:{known})))"
            rf"(?(possessive)['’]s\s+(?i:opinion|view|words)|(?![\w'’-]))\s*,"
        ),
    )


@lru_cache(maxsize=256)
def sentence_starts(text: str) -> tuple[int, ...]:
    """Offsets where sentences begin; abbreviations and initials do not end a sentence."""
    starts = [0]
    for match in re.finditer(r"[.?!][\"”’)\]]?\s+(?=[\"“(]?[A-Z])", text):
        word = re.search(r"([\w.]+)[.?!][\"”’)\]]?\s+$", text[: match.end()])
        token = word.group(1).lower() if word else ""
        if (
            token in ABBREVIATIONS
            or re.fullmatch(r"[a-z]", token)
            or re.fullmatch(r"(?:[a-z]\.)+[a-z]?", token)
        ):
            continue
        starts.append(match.end())
    return tuple(starts)


def lead(text: str) -> int:
    """Where the words of a paragraph begin, after heading marks, opening emphasis, bullets,
    time stamps and page marks."""
    match = leading_markup().match(text)
    return match.end() if match else 0


def split_names(names: str) -> list[str]:
    return [n.strip() for n in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", names) if n.strip()]


@cache
def honorifics() -> re.Pattern:
    """A title before a name, as a word of its own: "Comrade", "tov.", not the end of "Molotov."."""
    titles = conventions.alternation(conventions.load()["speech"]["honorifics"])
    return re.compile(rf"(?<![\w.])(?:{titles})(?!\w)", re.IGNORECASE)


def names_follow(text: str, at: int, persons: Personography) -> bool:
    """Does a known person's name, titled or not, follow `at`? After "Molotov;" it makes a
    list of names ("Molotov; Comrade Vyshinskii; …"), not a label with a misread colon."""
    after = honorifics().sub("", text[at : at + 60]).lstrip(" .")
    return persons.pattern.match(after) is not None


def opens_turn(persons: Personography) -> Callable[[str], str]:
    """Does a line begin a known speaker's turn? "label" when with a label and a colon
    ("MAO ZEDONG: …", "STALIN:" alone), "turn" for another label or reported speech
    ("Stalin. …", "Zhou Enlai announces that …"), "" when not."""
    found = patterns(persons)

    def known(match: re.Match) -> bool:
        return all(len(persons.resolve(name)) == 1 for name in split_names(match.group("names")))

    def office_after_name(match: re.Match, line: str) -> bool:
        name = persons.pattern.match(line, match.start("names"))
        return (
            name is not None
            and line.startswith(",", name.end())
            and bool(OFFICE_BEFORE_COLON.match(line, name.end() + 1))
            and len(persons.resolve(name.group())) == 1
        )

    def test(line: str) -> str:
        line = line[lead(line) :]  # after a bullet, bold or a time stamp
        match = found.label_only.match(line)  # "STALIN:" alone, its speech on the next line
        if (
            match
            and match.group().rstrip(" *_").endswith(":")
            and len(split_names(match.group("names"))) <= 2
        ):
            return "label" if known(match) else ""
        match = found.label.match(line)
        if match and office_after_name(match, line):
            return "label"  # "Kim Il Sung, Chairman of the Cabinet of Ministers: …", "Molotov, Minister: …"
        if match and known(match):
            punct = match.group("punct").strip(" *_")
            if punct == ":":
                return "label"
            if punct == ";" and names_follow(line, match.end(), persons):
                return ""
            if punct in LABEL_MARKS or match.group("names").isupper():  # "STALIN, opening …, says"
                return "turn"
            if not match.group("punct") and line[match.end() : match.end() + 1].isupper():
                return "turn"  # set out in columns: "Stalin<tab>What do you think?"
        name = persons.pattern.match(line)
        if name and OPEN_ASIDE.match(line, name.end()) and len(persons.resolve(name.group())) == 1:
            return "turn"  # a label's long role goes on in the next line: "Kim Il Sung (Chairman of the"
        # not a label of a known person ("Cde. Stalin said …" begins like "Cde." alone)
        match = found.reported.match(line)
        # not "I"/"We": inside a turn in reported speech the speaker often goes over to the
        # first person ("… On the other hand, we told the Koreans …")
        if match:
            return "turn" if not found.first_person.fullmatch(match.group("names")) and known(match) else ""
        # a speaker named after a few words: "In conclusion Zhou Enlai thanked …", "Then
        # Stalin asked …"
        match = found.subject.search(line, 0, 80)
        if match and EMBEDDING.fullmatch(line[: match.start()]) is not None and known(match):
            return "turn"
        return ""

    return test

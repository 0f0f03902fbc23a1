# SPDX-License-Identifier: MIT
"""The ``teiHeader`` of one record: what the text says about itself, structured.

Title as printed and normalised; translator and encoder; licence; the archival citation
split into repository and fond/opis/delo/list ``idno``s; participants by side with their
roles; place and date; the summary. Nothing here depends on the time of the run.
"""

from __future__ import annotations

import calendar
import re

from .. import __version__, conventions, tei
from ..encode.citation import citation_parts, citation_pattern, is_translation_credit
from ..encode.inline import ADDRESS_CHAR, LINK_TARGET, strip_tags
from ..encode.speech import BEGINNING, ENDING, HOUR_FIELD_OF
from ..persons import Personography
from . import dates
from .language import lang_usage, language_tags
from .text import source_line

SIDE_ORDER = ["soviet", "chinese", "korean", "other", "unknown"]
SIDE_LABELS = {
    "soviet": "Soviet side",
    "chinese": "Chinese side",
    "korean": "Korean side",
    "other": "Others",
    "unknown": "Side not known",
}
SMALL_WORDS = {
    "a",
    "an",
    "and",
    "as",
    "at",
    "between",
    "by",
    "for",
    "from",
    "in",
    "of",
    "on",
    "or",
    "the",
    "to",
    "with",
}
# a web address, parentheses and all ("…/Foo_(bar)"): `_address` cuts it at a closing
# parenthesis it did not open ("(https://…)", "[text](https://…)")
URL = re.compile(rf"https?://(?:{ADDRESS_CHAR}|[()])+")
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
TRANSLATOR = re.compile(
    r"(?:(?i:translated|translation)(?:\s+for\s+[\w#.-]+)?(?:\s+from\s+(?:the\s+)?(?P<language>[A-Z][a-z]+))?"
    r"(?:\s+for\s+[\w#.-]+)?\s+by|Translator)\s*:?\s+"
    r"(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})"
)


LINK = re.compile(r"\[([^\[\]]+)\]" + LINK_TARGET.pattern)  # "[the archive](https://…)"
CITATION_LABEL = re.compile(r"^(?:source|citation)\s*:\s*", re.I)
MARKUP = re.compile(
    r"^#{1,6}\s+|\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|(?<![\w_])_(?=\S)|(?<=\S)_(?![\w_])"
)


def clean(text: str) -> str:
    """Header text: the words as printed, without Markdown or HTML marks, on one line; a
    Markdown link's words without its address (the source's addresses are `bibl/ref`s)."""
    text = LINK.sub(r"\1", text) if "](" in text else text
    return " ".join(strip_tags(MARKUP.sub("", text)).split())


# words in capitals before small letters, the first of three letters or more: "RECORD OF CONVERSATION of"
CAPITALS_FIRST = re.compile(r"[A-Z]{3,}(?:\s+[A-Z]{2,})*\s+(?=[a-z])")
# a number's sign, in small letters in a title in capitals: "PROTOCOL No. 79 OF THE MEETING"
NUMBER_SIGN = re.compile(r"\bNo\.?(?=\s*\d)")


def normalise_title(printed: str) -> str:
    """Sentence punctuation and spacing tidied; a title in capitals set in title case, also
    the capitals before a place and date that are not ("RECORD OF … DELEGATION, Moscow, 3
    September 1952") and its first words alone in capitals ("RECORD of the conversation");
    each part after a colon on its own ("From the diary of …: RECORD OF CONVERSATION with …")."""
    return ": ".join(map(_normalised_part, clean(printed).strip(" .").split(": ")))


def _normalised_part(title: str) -> str:
    parts = title.split(",")
    capitals = next(
        (i for i, part in enumerate(parts) if not NUMBER_SIGN.sub("", part).isupper()), len(parts)
    )
    if not capitals:
        first = CAPITALS_FIRST.match(title)  # "RECORD" / "of the conversation of …" on two lines
        return f"{_title_case(first.group())} {title[first.end() :]}" if first else title
    return ",".join([_title_case(",".join(parts[:capitals])), *parts[capitals:]])


# a word's first letter, after the quotation mark or parenthesis that opens it: "(mao", "«pravda»"
FIRST_LETTER = re.compile(r"^(\W*)(\w)")
# initials, also in parentheses: "j.", "v.i.", "(s.)"
INITIALS_IN_SMALL = re.compile(r"\W*(?:[a-z]\.)+[a-z]?\.?\W*")


def _title_case(title: str) -> str:
    acronyms = {a.lower(): a for a in conventions.load()["titles"]["acronyms"]}
    words = title.lower().split()
    title = " ".join(
        w
        if i and w in SMALL_WORDS
        else (
            w.upper()
            if INITIALS_IN_SMALL.fullmatch(w)
            else FIRST_LETTER.sub(lambda m: m[1] + m[2].upper(), w)
        )
        for i, w in enumerate(words)
    )
    return re.sub(r"[\w()]+", lambda m: acronyms.get(m.group().lower(), m.group()), title)


def human_date(iso: str) -> str:
    parts = iso.split("-")
    if len(parts) == 3:
        return f"{int(parts[2])} {calendar.month_name[int(parts[1])]} {parts[0]}"
    if len(parts) == 2:
        return f"{calendar.month_name[int(parts[1])]} {parts[0]}"
    return parts[0]


def _names_day(title: str, iso: str) -> bool:
    """Whether `title` gives the day `iso` in any form: "22 January 1950", "January 22, 1950",
    "22.I.1950", "1950.1.22", or a span of days that begins on it, "22 to 23 January 1950"."""
    return any(iso in (dates.parse_date(m.group()), dates.first_day(m.group())) for m in dates.matches(title))


def _untitled(doc) -> str:
    """The title of a record that prints none: a letter's, addressed and without turns, as
    its greeting and signature name writer and addressee ("Letter from Kim Il Sung to
    Stalin"), a telegram's where its lines say where or when it was sent or received
    ("Telegram from Roshchin to Filippov"); any other "Record of conversation"."""
    record = doc.record
    if not record.addressees or any(element.tag == tei.q("sp") for element in record.body):
        return "Record of conversation"
    sent = record.transmitted or any(
        _transmitted(record, action) is not None for action in TRANSMISSION_FIELD
    )
    kind = "Telegram" if sent else "Letter"
    writer = record.writer
    name = doc.persons[writer].name if writer in doc.persons else None
    to = " and ".join(dict.fromkeys(printed for printed, _ in record.addressees))
    return f"{kind} from {name} to {to}" if name else f"{kind} to {to}"


def build_header(doc) -> "tei.etree._Element":
    record, meta = doc.record, doc.meta
    printed = record.title
    main = normalise_title(meta.get("title") or series_title(record) or _untitled(doc))
    if doc.date and not _names_day(main, doc.date):
        main = f"{main}, {human_date(doc.date)}"

    title_stmt = tei.E("titleStmt", tei.E("title", main, type="main"))
    if printed:
        title_stmt.append(tei.E("title", clean(printed), type="original"))
    for language, name in translators(doc):
        resp = f"Translated from {language} by" if language else "Translated by"
        title_stmt.append(tei.E("respStmt", tei.E("resp", resp), tei.E("name", name)))
    title_stmt.append(
        tei.E(
            "respStmt",
            tei.E("resp", "TEI encoding converted from plain text by"),
            tei.E("name", "tei-transcripts"),
            xml_id="encoder",
        )
    )
    publication = tei.E(
        "publicationStmt",
        tei.E("publisher", "tei-transcripts"),
        tei.E("idno", doc.id, type="document"),
        tei.E(
            "availability",
            tei.E(
                "licence",
                "The TEI encoding is available under CC BY 4.0; rights in the text remain with its holders.",
                target=LICENCE_URL,
            ),
        ),
    )
    file_desc = tei.E("fileDesc", title_stmt, publication, source_desc(doc))
    header = tei.E("teiHeader", file_desc, encoding_desc(doc), profile_desc(doc))
    header.append(
        tei.E(
            "revisionDesc",
            tei.E(
                "change",
                f"Converted from the transcript {doc.source_name} by tei-transcripts {__version__}.",
                who="#encoder",
            ),
        )
    )
    return header


def series_title(record) -> str | None:
    """The record's title as printed, after the file's title where it is one conversation of
    several: "Notes of the conversations …: Second conversation, 11 July 1949"; the file's
    title alone where the record has none of its own (a diary's next day)."""
    if record.series and record.title:
        return f"{_without_its_day(clean(record.series)).rstrip(' .:')}: {record.title}"
    return record.title or record.series


def _without_its_day(title: str) -> str:
    """A file's title without the day it ends with, which is its first conversation's and not
    the next one's: "Record of Conversation …, 16 December 1949" → "Record of Conversation …"."""
    days = dates.full_days(title)
    if days and title.rstrip(" .").endswith(days[-1].group()):
        return title[: days[-1].start()].rstrip(" ,.")
    return title


def translators(doc) -> list[tuple[str | None, str]]:
    if doc.meta.get("translator"):
        return [(None, doc.meta["translator"])]
    found = []
    for text, _line in doc.record.citations:
        for match in TRANSLATOR.finditer(clean(text)):
            name = name_before_sentence_end(match.group("name"))
            if (match.group("language"), name) not in found:
                found.append((match.group("language"), name))
    return found


def name_before_sentence_end(name: str) -> str:
    """A name read up to a full stop that is not an initial's: "David Wolff. Published" →
    "David Wolff"; "A.Ya. Vyshinskii" stays whole."""
    words = []
    for word in name.split():
        words.append(word)
        if word.endswith(".") and not INITIALS.fullmatch(word):
            break
    return " ".join(words).rstrip(".")


INITIALS = re.compile(r"(?:[A-Z][a-z]?\.)+")


# "Translated from Chinese by …", "Translated for CWIHP from Russian", "Translation from the Russian"
TRANSLATED_FROM = re.compile(
    r"\b(?i:translat(?:ed|ion))(?:\s+for\s+[\w#.-]+)?\s+from\s+(?:the\s+)?(?P<language>[A-Z][a-z]+)"
)


def original_language(doc) -> "tei.etree._Element | None":
    """The language of the original the record translates, as the sidecar, the archive's
    page ("Original Language: Russian"), the translator's credit ("Translated from Chinese
    by …") or a line above the text ("Translation from the Russian") names it: a ``textLang``
    with the tags of the languages it names."""
    printed = doc.meta.get("language") or doc.record.original_language
    if not printed:  # "Translated from Chinese by …", "Translation from the Russian" above the text
        texts = [text for text, _line in doc.record.citations] + [
            "".join(e.itertext()) for e in doc.record.front
        ]
        found = (TRANSLATED_FROM.search(clean(text)) for text in texts)
        printed = next((m["language"] for m in found if m and language_tags(m["language"])), None)
    if not printed:
        return None
    tags = language_tags(printed)
    return tei.E(
        "textLang",
        clean(printed),
        mainLang=tags[0] if tags else None,
        otherLangs=" ".join(tags[1:]) or None,
    )


def _address(url: str) -> str:
    """A web address as found in text, without what follows it: "…/112127)." → "…/112127"."""
    if ")" in url and "(" not in url:
        url = url[: url.index(")")]
    return url.rstrip(".,;:!?*_'’")


def source_desc(doc):
    record = doc.record
    bibl = tei.E("bibl")
    bibl.append(tei.E("title", clean(series_title(record) or doc.meta.get("title") or "Untitled record")))
    if doc.date:
        bibl.append(tei.E("date", human_date(doc.date), when=doc.date))
    language = original_language(doc)
    if language is not None:
        bibl.append(language)
    for text, _line in record.citations:
        if not is_translation_credit(clean(text), doc.persons) or citation_pattern().search(text):
            # the citation without its field's label ("Source: …"); a credit alone is the respStmt's
            bibl.append(tei.E("note", CITATION_LABEL.sub("", clean(text)), type="citation"))
    if doc.meta.get("citation"):
        bibl.append(tei.E("note", doc.meta["citation"], type="citation"))
    urls = [doc.meta["url"]] if doc.meta.get("url") else []
    for text, _line in record.citations:  # "… Digital Archive, AVP RF, f. 0100 … https://…/111245"
        urls += [url for url in map(_address, URL.findall(text)) if url not in urls]
    for url in urls:
        bibl.append(tei.E("ref", url, target=url))
    desc = tei.E("sourceDesc", bibl)
    pattern = citation_pattern()
    texts = [t for t, _ in record.citations] + ([doc.meta["citation"]] if doc.meta.get("citation") else [])
    seen = set()
    for text in texts:
        for match in pattern.finditer(text):
            key = match.group(0)
            if key in seen or not match.group("repository"):
                continue
            seen.add(key)
            identifier = tei.E("msIdentifier", tei.E("repository", match.group("repository")))
            for part, number in citation_parts(match.group()):
                identifier.append(tei.E("idno", number, type=part))
            desc.append(tei.E("msDesc", identifier))
    return desc


def encoding_desc(doc):
    return tei.E(
        "encodingDesc",
        tei.E(
            "editorialDecl",
            tei.E(
                "p",
                "Converted from a plain-text transcript by rule. Speech turns are sp elements whose speaker "
                'holds the label as printed; bracketed editorial insertions are typed notes (place="inline") or, '
                "for words supplied by the translator, supplied elements; the editor's marks of a page of the "
                "original beginning are pb elements, and of words the copy does not give gap elements whose "
                "desc holds the mark's words; dates whose year was taken from the "
                'document\'s date carry evidence="internal". Page furniture removed in conversion is listed in '
                "the conversion report.",
            ),
        ),
        tei.E(
            "appInfo",
            tei.E(
                "application", tei.E("label", "tei-transcripts"), ident="tei-transcripts", version=__version__
            ),
        ),
    )


# the field that gives the meeting's hours, as against a telegram's "Sent:" and "Received:"
TIME_FIELD = re.compile(r"\W*(?:time|hours?)\b\W*:", re.I)


# the fields of the hour it began and of the hour it ended: "Beginning: 20:00", "End: 22:10"
START_FIELD = re.compile(rf"\W*(?:{'|'.join(BEGINNING)})\b[^:]{{0,30}}:", re.I)
END_FIELD = re.compile(rf"\W*(?:{'|'.join(ENDING)})\b[^:]{{0,30}}:", re.I)


# the narrative's sentence that tells the meeting's hours: "The conversation began at 21:00
# and ended at 23:10.", "The talks lasted from 8 p.m. to 11 p.m."
HOURS_SENTENCE = re.compile(
    rf"\W*(?:the\s+)?(?:{'|'.join(HOUR_FIELD_OF)})\s+(?:{'|'.join(BEGINNING + ENDING)}|lasted|continued)\b",
    re.I,
)
# the words before a time that make it the hour the meeting began, or the hour it ended
BEGAN_AT = re.compile(rf"\b(?:{'|'.join(BEGINNING)}|from)\s+(?:at\s+)?$", re.I)
ENDED_AT = re.compile(rf"\b(?:{'|'.join(ENDING)}|until|till|to)\s+(?:at\s+)?$", re.I)


def meeting_time(record) -> "tei.etree._Element | None":
    """The hours of the meeting: the first time in the record's dateline ("Moscow, 16 December
    1949, 6 p.m.") or in its "Time:" field, or the hours of its "Beginning:" and "End:"
    fields (the end's also after the turns), or of the narrative's sentence that tells them
    ("The conversation began at 21:00 and ended at 23:10."), as a ``time`` for the setting."""
    bounds = {}  # "from" and "to": the printed time and its value
    for element in record.front:
        for holder in element.iter(tei.q("docDate"), tei.q("byline")):
            field = "".join(holder.itertext())
            if holder.tag == tei.q("byline") and not TIME_FIELD.match(field):
                bound = _bound(START_FIELD.match(field), END_FIELD.match(field))
                hour = _first_hour(holder)
                if bound and hour:
                    bounds.setdefault(bound, hour)
                continue
            for time in holder.iter(tei.q("time")):
                return _copy_of(time)
    # "End of the conversation: 22.10." after the turns
    for paragraph in (element for element in record.body if element.tag == tei.q("p")):
        text, hour = "".join(paragraph.itertext()), _first_hour(paragraph)
        if END_FIELD.match(text) and hour:
            bounds.setdefault("to", hour)
        if hour and source_line(paragraph) == record.date_line:  # the sentence that dated the record
            bounds.setdefault("from", hour)  # "On 16 December 1949 at 6 p.m. Stalin received …": it began
        if HOURS_SENTENCE.match(text):
            for bound, value in _hours_told(paragraph):
                bounds.setdefault(bound, value)
    if not bounds:
        ending = _hour_ending_a_title(record)
        return _copy_of(ending) if ending is not None else None
    # "21:00–23:10"; one printed time once, when it gave both ("from 8 p.m. to 11 p.m.")
    printed = "–".join(dict.fromkeys(bounds[b][0] for b in ("from", "to") if b in bounds))
    return tei.E("time", printed, **{bound: value for bound, (_, value) in bounds.items()})


def _hour_ending_a_title(record) -> "tei.etree._Element | None":
    """The time a title of the record ends with, if one does: "… in the Kremlin, 22 January
    1950, 9 p.m.", "… continued from 23 hours until 24 hours."."""
    for title in (part for element in record.front for part in element.iter(tei.q("titlePart"))):
        last = title[-1] if len(title) else None
        if last is not None and last.tag == tei.q("time") and not (last.tail or "").strip(" .)"):
            return last
    return None


def _copy_of(time) -> "tei.etree._Element":
    """A time of the text for the setting: its printed words and its values."""
    span = {name: time.get(name) for name in ("when", "from", "to") if time.get(name)}
    return tei.E("time", _printed(time), **span)


def _hours_told(paragraph) -> list[tuple[str, tuple[str, str]]]:
    """The hours a sentence of the narrative says the meeting began and ended at, each as its
    bound ("from", "to") and its printed time and value."""
    told, before = [], paragraph.text or ""
    for child in paragraph:
        if child.tag == tei.q("time"):
            if child.get("from") or child.get("to"):  # "from 21:00 to 23:10" as one time
                told += [(b, (_printed(child), child.get(b))) for b in ("from", "to") if child.get(b)]
            elif child.get("when") and (bound := _bound(BEGAN_AT.search(before), ENDED_AT.search(before))):
                told.append((bound, (_printed(child), child.get("when"))))
        before += "".join(child.itertext()) + (child.tail or "")
    return told


def _bound(began, ended) -> str | None:
    """ "from" where the words say the meeting began then, "to" where they say it ended."""
    return "from" if began else "to" if ended else None


def _first_hour(element) -> tuple[str, str] | None:
    """The first time in `element`, printed and as its value, where it is a time of day."""
    time = next(element.iter(tei.q("time")), None)
    return (_printed(time), time.get("when")) if time is not None and time.get("when") else None


def _printed(time) -> str:
    return " ".join("".join(time.itertext()).split())


def profile_desc(doc):
    record = doc.record
    profile = tei.E("profileDesc")
    if record.summary:
        profile.append(tei.E("abstract", tei.E("p", clean(record.summary))))
    profile.append(lang_usage(doc.languages))
    correspondence = corresp_desc(doc)
    if correspondence is not None:
        profile.append(correspondence)
    profile.append(partic_desc(doc))
    setting = tei.E("setting")
    place = doc.meta.get("place") or record.place
    if place:
        setting.append(tei.E("placeName", place))
    if doc.date:
        setting.append(tei.E("date", human_date(doc.date), when=doc.date))
    hour = meeting_time(record)
    if hour is not None:
        setting.append(hour)
    if not len(setting):  # a setting holds names, dates and times, or else prose
        setting.append(tei.E("p", "Date not stated."))
    profile.append(tei.E("settingDesc", setting))
    return profile


def corresp_desc(doc) -> "tei.etree._Element | None":
    """A telegram's or letter's sending and receiving: its writer (the title's, the sidecar's,
    or the one who signs it), whom it was addressed to as the title, the address line or a
    "To:" field names them ("Filippov", pointing to Stalin), and where and when it was sent and
    received, as its transmission fields say ("From: Peking", "Sent: 4.10.50 03.20")."""
    record = doc.record
    sent, received = [], []
    author = record.writer
    if author and record.addressees:
        if author in doc.participants:
            name = doc.participants[author][2]
        else:
            name = doc.persons[author].name if author in doc.persons else author
        sent.append(tei.E("persName", name, ref=person_ref(doc, author)))
    received += [tei.E("persName", printed, ref=person_ref(doc, pid)) for printed, pid in record.addressees]
    for action, held in (("sent", sent), ("received", received)):  # the persons, then where and when
        if action in record.transmitted:
            held.append(tei.E("placeName", record.transmitted[action]))
        when = _transmitted(record, action)
        if when is not None:
            held.append(when)
    actions = [
        tei.E("correspAction", *held, type=action)
        for action, held in (("sent", sent), ("received", received))
        if held
    ]
    return tei.E("correspDesc", *actions) if actions else None


# a telegram's field of its sending or receiving: "Sent: 4.10.50 03.20", "Dispatched 23.45"
TRANSMISSION_FIELD = {
    "sent": re.compile(r"\W*(?:sent|dispatched)\b", re.I),
    "received": re.compile(r"\W*received\b", re.I),
}


def _transmitted(record, action: str) -> "tei.etree._Element | None":
    """When the telegram was sent or received, as its field gives the day: a ``date`` of the
    day and, where the field has it, the hour ("4.10.50 03.20" → 1950-10-04T03:20:00)."""
    for element in record.front:
        for byline in element.iter(tei.q("byline")):
            if not TRANSMISSION_FIELD[action].match("".join(byline.itertext())):
                continue
            day = next((d for d in byline.iter(tei.q("date")) if len(d.get("when") or "") == 10), None)
            if day is None:
                return None
            hour = _first_hour(byline)
            printed = [_printed(day), *(hour[:1] if hour else [])]
            when = day.get("when") + (f"T{hour[1]}" if hour else "")
            return tei.E("date", " ".join(printed), when=when)
    return None


def person_ref(doc, pid: str | None) -> str | None:
    """A pointer to a person: to the participant, or else into the personography."""
    if pid in doc.participants:
        return f"#{pid}"
    return f"{doc.persons_href}#{pid}" if pid in doc.persons else None


def partic_desc(doc):
    """Participants grouped by side, each with roles, pointing into the personography."""
    persons: Personography = doc.persons
    by_side: dict[str, list] = {}
    for pid, (side, roles, name) in doc.participants.items():
        by_side.setdefault(side or "unknown", []).append((pid, roles, name))
    partic = tei.E("particDesc")
    sides = [s for s in SIDE_ORDER if s in by_side]
    for side in sides:
        group = tei.E(
            "listPerson",
            tei.E("head", SIDE_LABELS[side]),
            type="side",
            n=side,
        )
        for pid, roles, name in by_side[side]:
            shorts = [short for short, ids in doc.record.aliases.items() if ids == (pid,)]
            person = tei.E(
                "person",
                tei.E("persName", name),
                *(tei.E("persName", short, type="variant") for short in shorts),  # "(hereafter S.)"
                xml_id=pid,
                corresp=f"{doc.persons_href}#{pid}" if pid in persons else None,
                role=" ".join(sorted(roles)) or None,
            )
            group.append(person)
        partic.append(group)
    if not len(partic):
        partic.append(tei.E("p", "No participants could be identified."))
    return partic

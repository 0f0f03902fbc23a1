# SPDX-License-Identifier: MIT
"""Dates and times in running text → ``date/@when`` and ``time/@when`` in ISO 8601.

"20 August 1952", "September 4, 1952", "October 1952", "in 1939", "5.IX", "27 June" (the
year taken from the document's date, marked ``evidence="internal"``), "10:30", "8 p.m.",
"from 23 hours until 24 hours", spans of days and of years ("14-15 May 1950", "1953-1957").
A date that cannot be completed is left as text and reported.
"""

from __future__ import annotations

import calendar
import datetime
import re

from .. import tei
from ..encode.speech import CLOCK, HOUR_FIELD_OF, HOUR_FIELDS
from ..messages import Reporter
from .text import markup, source_line

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
MONTH = r"(?i:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
ROMAN = {
    "I": 1,
    "II": 2,
    "III": 3,
    "IV": 4,
    "V": 5,
    "VI": 6,
    "VII": 7,
    "VIII": 8,
    "IX": 9,
    "X": 10,
    "XI": 11,
    "XII": 12,
}
YEAR = r"(?:1[7-9]\d\d|20\d\d)"
TO = r"\s+(?:to|till|until)\s+"  # between the days of a span: "16 to 17 December 1949"

# the words after which a short date is one: "on 15.8.52" (a lookbehind each, as each has its width)
AFTER_TIME_WORD = "|".join(
    rf"(?<=\b(?i:{word})\s)"
    for word in (
        *("on", "of", "dated", "from", "until", "till", "by", "since", "before", "after"),
        # a telegram's fields, and those of the date and the hour
        *("sent", "received", "dispatched", "sent:", "received:", "dispatched:", "date:", "dated:", "time:"),
    )
)
AFTER_DAY_WORD = "|".join(
    rf"(?<=\b(?i:{word})\s)" for word in ("on", "by", "until", "till", "since", "from", "before", "after")
)
# the words after which a day and month in numbers are one without the year: "on 22.1", "your
# telegram of 10.9" (never "until" or "from", after which "14.12" is an hour, nor "by" or a
# bare "of": "rose by 14.2", "a rate of 3.5")
AFTER_DOTTED_DAY_WORD = "|".join(
    [rf"(?<=\b(?i:{word})\s)" for word in ("on", "before", "after", "since", "dated")]
    + [
        rf"(?<=\b(?i:{paper})\sof\s)"
        for paper in ("telegram", "letter", "message", "cable", "note", "decision")
    ]
)
# the words after which an hour is one without more ado: "at 23.30", "until 10 in the evening"
HOUR_WORDS = ("at", "until", "till", "from")
AFTER_HOUR_WORD = "|".join(rf"(?<=\b{word}\s)" for word in HOUR_WORDS)  # a lookbehind each
# a field of the hour a meeting began or ended: "Start: 22.00", "Ended: 23.10", "End of the
# conversation: 22.10" (a duration's "2.30" is no time of day)
AFTER_HOUR_FIELD = "|".join(
    [rf"(?<=\b(?i:{label}):\s)" for label in HOUR_FIELDS if label != "duration"]
    + [rf"(?<=\b(?i:of\s{the}{what}):\s)" for what in HOUR_FIELD_OF for the in ("", r"the\s")]
)
# right after a dotted date with a two-digit year, a dotted time is one: "14.05.50 02.10",
# "sent 19.1.50, 23.45"
AFTER_SHORT_DATE = "|".join(
    rf"(?<=\b{day}\.{month}\.\d\d{gap})"
    for day in (r"\d", r"\d\d")
    for month in (r"\d", r"\d\d")
    for gap in (r"\s", r",\s")
)

# where a date or time may be: a digit, or the word for noon or midnight
DIGIT = re.compile(r"\d|\b(?i:noon|midday|midnight)\b")
# not a twelve-hour time, which `ampm` reads whole with its "p.m.": "at 9.30 p.m."
NOT_TWELVE_HOUR = r"(?!\s*[ap]\.\s?m\.)"
# after a number with a dot that is no time: "12.50 roubles", "10.5", "3.20 per cent"
NOT_AN_AMOUNT = r"(?![.,]\d|\s*(?:%|per\b|percent|r[ou]*bles?|dollars?|yuan|million|billion|thousand|tons?))"
# after a number with a dot that is a length of time: "after 2.5 hours", "since 1.5 years"
NOT_A_LENGTH = r"(?!\s*(?:hours?|hrs?|minutes?|min|days?|weeks?|months?|years?)\b)"
# the unit an hour may be printed with: "23.00 hrs", "21:00 hours"
HOURS_UNIT = r"(?:\s*(?:hrs|hours)\b)?"
PATTERN = re.compile(
    rf"(?P<drange>\b(?P<da>[0-3]?\d)(?:\s*[-–—/]\s*|{TO})(?P<db>[0-3]?\d)\s+(?P<mr>{MONTH})(?:\s*,?\s+(?P<yr>{YEAR}))?(?!\w))"
    rf"|(?P<mrange>\b(?=[A-Za-z]{{3,9}}\.?\s+\d{{1,2}}(?:\s*[-–—]|{TO}))(?P<mr2>{MONTH})\s+(?P<dc>[0-3]?\d)(?:\s*[-–—]\s*|{TO})(?P<dd>[0-3]?\d)\b(?:,?\s+(?P<yr2>{YEAR})\b)?)"
    # "16-17.XII.1949", "16–17.XII.49": a span of days with the month in Roman figures
    r"|(?P<rrange>\b(?P<re1>[0-3]?\d)\s*[-–—]\s*(?P<re2>[0-3]?\d)\.(?P<rm>XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)\."
    rf"(?P<ry>{YEAR}|\d\d)\b)"
    rf"|(?P<dmy>\b(?P<d1>[0-3]?\d)(?:(?:st|nd|rd|th)(?:\s+of)?)?\s+(?P<m1>{MONTH})\s*,?\s+(?P<y1>{YEAR})\b)"
    rf"|(?P<mdy>\b(?P<m2>{MONTH})\s+(?:the\s+(?=\d+(?:st|nd|rd|th)))?(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y2>{YEAR})\b)"
    rf"|(?P<my>\b(?P<m3>{MONTH})\s*,?\s+(?P<y3>{YEAR})\b)"
    rf"|(?P<dm>\b(?P<d4>[0-3]?\d)(?:(?:st|nd|rd|th)(?:\s+of)?)?\s+(?P<m4>{MONTH})(?!\w))"
    rf"|(?P<md>\b(?P<m5>{MONTH})\s+(?P<d5>[0-3]?\d)(?:st|nd|rd|th)?\b(?![\d,.:]\d))"
    # "on the 10th", "by the 21st,": a day of the record's month, only after a word of time and
    # before a stop or a small word ("on the 38th parallel", "by the 4th Field Army" are no days)
    rf"|(?P<nth>(?:{AFTER_DAY_WORD})the\s+(?P<d15>[0-3]?\d)(?:st|nd|rd|th)\b(?=\s*(?:[.,;:!?)]|$)|\s+(?:of\s+this\s+month|inst\.|and|or|at|in|to|when|as|we|I|he|they|it)\b))"
    rf"|(?P<ymd>\b(?P<y10>{YEAR}),?\s+(?P<m10>{MONTH})\s+(?P<d10>[0-3]?\d)\b(?![\d,.:]\d))"  # "1949, December 24"
    rf"|(?P<roman>\b(?P<d6>[0-3]?\d)[./-](?P<m6>XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)\b(?:[./-](?P<y6>{YEAR}|\d\d)\b)?)"
    rf"|(?P<dashed>\b(?P<d12>[0-3]?\d)-(?P<m12>{MONTH})-(?P<y12>{YEAR}|\d\d)\b(?!-\d))"  # "16-Dec-1949", "16-DEC-49"
    rf"|(?P<isodate>\b(?P<y8>{YEAR})-(?P<m8>[01]?\d)-(?P<d8>[0-3]?\d)\b(?!-\d))"  # "1952-09-19", "1952-9-19"
    # "16.12.1949", and "16.12.49" with day and month in two digits each (not "1.2.10", a section)
    rf"|(?P<dotted>\b(?P<d9>[0-3]?\d)\.(?P<m9>[01]?\d)\.(?P<y9>{YEAR}|(?<=\b\d\d\.\d\d\.)\d\d(?!\.\d))\b)"
    # "20.8.52", "5.9.52" (a day or month in one digit, the year in two): only after a word of
    # time ("left on 15.8.52"), ending a title's line ("…, 20.8.52") or alone on a line, and of
    # the years 1920-1999; "1.2.10" and "3.1.12" elsewhere number sections
    rf"|(?P<shortdot>(?:{AFTER_TIME_WORD}|(?:(?<=\w,\s)|(?<![^\n]))(?=\d\d?\.\d\d?\.\d\d\.?[ \t]*(?:\n|$)))"
    r"(?P<d13>[0-3]?\d)\.(?P<m13>1[0-2]|0?[1-9])\.(?P<y13>[2-9]\d)\b(?![.,]?\d))"
    # "on 22.1", "before 14.2": a day and month without the year, only after a word of the day
    rf"|(?P<daymonth>(?:{AFTER_DOTTED_DAY_WORD})(?P<d16>[0-3]?\d)\.(?P<m16>1[0-2]|0?[1-9])\b(?![.,]?\d){NOT_AN_AMOUNT}{NOT_A_LENGTH})"
    # "1952.09.19", "1952.9.19", "1952/9/19": year first, as Chinese and Korean texts write it
    rf"|(?P<ymddot>\b(?P<y11>{YEAR})(?P<s11>[./])(?P<m11>[01]?\d)(?P=s11)(?P<d11>[0-3]?\d)\b(?![./]\d))"
    # "16/12/1949", "12/16/1949", "16-12-1949": day and month in either order, with the year in
    # full; read only where one of the two cannot be a month (`_numeric_day`)
    rf"|(?P<slashed>\b(?P<a14>[0-3]?\d)(?P<s14>[/-])(?P<b14>[0-3]?\d)(?P=s14)(?P<y14>{YEAR})\b(?![/-]\d))"
    rf"|(?P<yrange>\b(?P<ya>{YEAR})\s*[-–—/]\s*(?P<yb>{YEAR}|\d\d)\b(?![-–/.]\d))"  # "1953-1957", "1949/50"
    rf"|(?P<year>\b(?:(?i:in|since|by|until|till|before|after|from|during|of|early|late|mid) |(?i:mid)-)(?P<y7>{YEAR})\b(?![-–/.]\d|\s*(?:hours|hrs)\b))"
    r"|(?P<span>\bfrom (?P<h1>[0-2]?\d) hours (?:until|till|to) (?P<h2>[0-2]?\d) hours\b)"
    r"|(?P<ampm>\b(?P<h4>1[0-2]|0?[1-9])(?:[.:](?P<min4>[0-5]\d))?\s*(?P<half>[ap])\.\s?m\.)"
    rf"|(?P<clock>\b(?P<h3>[0-2]?\d):(?P<min>[0-5]\d)\b(?!:\d){HOURS_UNIT})"
    r"|(?P<military>\b(?P<h8>[01]\d|2[0-4])(?P<min8>[0-5]\d)\s*(?:hours|hrs\b\.?))"  # "2300 hours"
    r"|(?P<hm>\b(?P<h5>[0-2]?\d)\s*h(?:rs?)?\.?\s*(?P<min5>[0-5]?\d)\s*m(?:in)?\.?(?!\w))"  # "21 h. 15 m."
    # "at 23.30", "until 0.45": hours and minutes with a dot only after such a word, not money,
    # right after a date's year: "Sent: 12.10.1950 18.40", "14.05.50 02.10", "sent 19.1.50, 23.45",
    # or in a field of the hour: "Time:", "Start:", "End:"
    rf"|(?P<dotclock>(?:\b(?P<dotword>{'|'.join(HOUR_WORDS)})\s|{AFTER_HOUR_FIELD}|(?<=\d{{4}}\s)|(?<=\d{{4}},\s)|{AFTER_SHORT_DATE})(?P<h7>[0-2]?\d)\.(?P<min7>[0-5]\d)\b{NOT_AN_AMOUNT}{NOT_TWELVE_HOUR}{HOURS_UNIT})"
    # "12 o'clock", "9 o'clock in the evening": a time of day only where the day's part is said
    r"|(?P<oclock>\b(?P<h6>1[0-2]|0?[1-9])\s+o['’]clock(?:\s+(?P<part>in\s+the\s+(?:morning|afternoon|evening)|at\s+night))?)"
    # "at 10 in the evening", "until 2 at night": without "o'clock" only after such a word
    rf"|(?P<daypart>(?:{AFTER_HOUR_WORD})(?P<h9>1[0-2]|0?[1-9])\s+"
    r"(?P<part9>in\s+the\s+(?:morning|afternoon|evening)|at\s+night))"
    # "at noon", "12 noon", "until midnight"
    r"|(?P<noon>\b(?:12\s+)?(?P<nword>(?i:noon|midday|midnight))\b)",
)


# Every date and time the pattern knows has a digit (or is noon or midnight), at most a word (a
# month's name, "during", "until") and spaces before its first one, and begins where a word
# does: the pattern is tried only at the words' starts of such a stretch that ends in a digit,
# not at every place of the text. The same matches as `PATTERN.finditer`.
WORD_BEFORE_DIGIT = 15  # "September the 16th"
WORD_STARTS = re.compile(r"\b\w")


def matches(text: str):
    """The dates and times of `text`, as `PATTERN.finditer(text)` gives them, only quicker."""
    end = 0
    for digit in DIGIT.finditer(text):
        at = digit.start()
        if at < end:
            continue
        spaces = at
        while spaces > end and text[spaces - 1].isspace():
            spaces -= 1
        for word in WORD_STARTS.finditer(text, max(end, spaces - WORD_BEFORE_DIGIT), at + 1):
            match = PATTERN.match(text, word.start())
            if match:
                yield match
                end = match.end()
                break
        else:
            end = at + 1  # no date or time begins at or before this digit


DAYS = (
    "dmy",
    "mdy",
    "ymd",
    "my",
    "year",
    "isodate",
    "dotted",
    "shortdot",
    "ymddot",
    "slashed",
    "roman",
    "daymonth",
    "dashed",
    "dm",
    "md",
    "nth",
)  # one day, month or year


def parse_date(text: str) -> str | None:
    """The ISO form of a complete date written out in full ("20 August 1952" → "1952-08-20")."""
    return _complete(_whole_date(text))


def first_day(text: str) -> str | None:
    """The ISO day a date or a span of days with its year begins on: "16 December 1949" and
    "16 to 17 December 1949" → "1949-12-16"; None for a month, a year or a time."""
    match = _whole_date(text)
    if match and match.group("drange") and match.group("yr"):
        return _iso(int(match.group("yr")), _month(match.group("mr")), int(match.group("da")))
    if match and match.group("mrange") and match.group("yr2"):
        return _iso(int(match.group("yr2")), _month(match.group("mr2")), int(match.group("dc")))
    if match and match.group("rrange"):
        return _iso(_full_year(match.group("ry")), ROMAN[match.group("rm")], int(match.group("re1")))
    day = _complete(match)
    return day if len(day or "") == 10 else None


def _whole_date(text: str) -> re.Match | None:
    return PATTERN.fullmatch(" ".join(text.split()).strip(" .,;"))


def _complete(match: re.Match | None) -> str | None:
    """The ISO form of a date `_whole_date` read, if it is complete: a day, a month or a year."""
    if not match or not any(match.group(kind) for kind in DAYS):  # a time, or a span of days
        return None  # a time of day is not a date
    when, inferred = _when(match, None)
    return when if when and not inferred and len(when) >= 4 else None


def full_days(text: str) -> list[re.Match]:
    """The dates in `text` that name a whole day with its year, or begin a span of days, in
    order: "16 December 1949", "December 16th, 1949", "16.XII.49", "16 to 17 December 1949"."""
    return [m for m in matches(text) if first_day(m.group())]


def _full_year(printed: str) -> int:
    """A year printed in two figures is of the 1900s: "49" → 1949."""
    return int(printed) + (1900 if len(printed) == 2 else 0)


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _iso(year: int | None, month: int, day: int | None = None) -> str | None:
    try:
        if day is not None:
            datetime.date(year or 2000, month, day)  # 2000 is a leap year: 29 February passes
    except ValueError:
        return None
    if year is None:
        return None
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day is not None else "")


NEAR_TURN_OF_YEAR = 61  # days: the schema's rule inferred-date-agrees allows the same


def _year_for(document_date: str | None, month: int, day: int) -> int | None:
    """The year of a day printed without one: the document's, or the year before or after it
    where that puts the day within two months of the document's day, across the turn of a year
    ("3 January" in a record of 24 December 1949 is 1950-01-03; "16 December" in one of
    22 January 1950 is 1949-12-16; "5 March" in one of 16 December 1949 stays 1949)."""
    if not document_date:
        return None
    year = int(document_date[:4])
    if len(document_date) < 10:
        return year
    then = datetime.date.fromisoformat(document_date)

    def days_apart(candidate: int) -> int:
        try:
            return abs((datetime.date(candidate, month, day) - then).days)
        except ValueError:  # 29 February of a common year
            return 366

    return next((other for other in (year - 1, year + 1) if days_apart(other) <= NEAR_TURN_OF_YEAR), year)


def _when(match: re.Match, document_date: str | None) -> tuple[str | None, bool]:
    """(ISO value or None, whether the year was inferred from the document's date)."""
    g = match.groupdict()
    if g["dmy"]:
        return _iso(int(g["y1"]), _month(g["m1"]), int(g["d1"])), False
    if g["mdy"]:
        return _iso(int(g["y2"]), _month(g["m2"]), int(g["d2"])), False
    if g["ymd"]:
        return _iso(int(g["y10"]), _month(g["m10"]), int(g["d10"])), False
    if g["my"]:
        return _iso(int(g["y3"]), _month(g["m3"])), False
    if g["year"]:
        return g["y7"], False
    if g["isodate"]:
        return _iso(int(g["y8"]), int(g["m8"]), int(g["d8"])), False
    if g["ymddot"]:
        return _iso(int(g["y11"]), int(g["m11"]), int(g["d11"])), False
    if g["dotted"]:
        month, year = int(g["m9"]), _full_year(g["y9"])
        return (_iso(year, month, int(g["d9"])) if 1 <= month <= 12 else None), False
    if g["shortdot"]:
        return _iso(_full_year(g["y13"]), int(g["m13"]), int(g["d13"])), False
    if g["slashed"]:
        month_day = _numeric_day(int(g["a14"]), int(g["b14"]))
        return (_iso(int(g["y14"]), *month_day) if month_day else None), False
    if g["dashed"]:
        return _iso(_full_year(g["y12"]), _month(g["m12"]), int(g["d12"])), False
    if g["roman"]:
        if g["y6"]:
            return _iso(_full_year(g["y6"]), ROMAN[g["m6"]], int(g["d6"])), False
        month, day = ROMAN[g["m6"]], int(g["d6"])
    elif g["daymonth"]:
        month, day = int(g["m16"]), int(g["d16"])
    elif g["nth"]:  # "on the 10th": of the record's month
        if len(document_date or "") < 7:
            return None, True
        return _iso(int(document_date[:4]), int(document_date[5:7]), int(g["d15"])), True
    else:
        month, day = (_month(g["m4"]), int(g["d4"])) if g["dm"] else (_month(g["m5"]), int(g["d5"]))
    return _iso(_year_for(document_date, month, day), month, day), True


def _numeric_day(first: int, second: int) -> tuple[int, int] | None:
    """(month, day) of a date in numbers whose order is not said, "16/12/1949" or
    "12/16/1949": certain only where one number cannot be a month, or both are the same;
    None for "5/6/1950", 5 June or 6 May."""
    if first > 12 >= second:
        return second, first
    if second > 12 >= first or first == second:
        return first, second
    return None


def uncertain_order(text: str) -> bool:
    """Does `text` hold a date in numbers whose day and month may be either way round
    ("5/6/1950")?"""
    return any(
        m.group("slashed") and _numeric_day(int(m["a14"]), int(m["b14"])) is None for m in matches(text)
    )


def tag_dates(root, document_date: str | None, report: Reporter, stated: str = "") -> None:
    """Wrap every date and time in the text of `root`. `stated`: the record's date as
    printed, whose doubts the header's reading of it reports."""

    def find(text, parent):
        taken = 0  # the end of the last span of times: its second time is in it
        found_to = 0  # where the last date or time found ends
        for match in matches(text):
            if match.start() < taken:
                continue
            previous_end, found_to = found_to, match.end()
            found = match.group()
            g = match.groupdict()
            if g["span"]:
                h1, h2 = int(g["h1"]), int(g["h2"])
                if h1 <= 24 and h2 <= 24:
                    yield (
                        match.start(),
                        match.end(),
                        tei.E("time", found, **{"from": _clock(h1, 0), "to": _clock(h2, 0)}),
                    )
                continue
            if g["drange"] or g["mrange"] or g["rrange"]:
                yield from _range(match, document_date, parent, report)
                continue
            if g["my"]:
                months = _months_before(text, match, previous_end)
                if months:
                    yield months
                    continue
            if g["yrange"]:
                first, last = _years(g["ya"], g["yb"])
                if first < last:  # "1952-08" is a month, "1952-1949" no span
                    yield match.start(), match.end(), tei.E("date", found, **{"from": first, "to": last})
                continue
            if any(g[kind] for kind in TIMES):
                time = _time_or_span(text, match)
                if time:
                    taken = time[1]
                    yield time
                continue
            when, inferred = _when(match, document_date)
            start, end = (match.start("y7"), match.end("y7")) if g["year"] else (match.start(), match.end())
            found = text[start:end]
            if when is None:
                if inferred and document_date is None:
                    report.warning(
                        "date-without-year",
                        f"date '{found}' has no year and the document has no date; left untagged",
                        source_line(parent),
                    )
                elif g["slashed"] and uncertain_order(found):
                    if found not in stated:
                        report.warning(
                            "date-ambiguous",
                            f"'{found}' may be day/month or month/day; left untagged",
                            source_line(parent),
                        )
                elif not inferred:
                    report.warning(
                        "impossible-date", f"'{found}' is not a real date; left untagged", source_line(parent)
                    )
                continue
            yield start, end, tei.E("date", found, when=when, evidence="internal" if inferred else None)

    markup(root, find, skip={"date", "time", "speaker", "ref", "label", "persName"})


TIMES = ("ampm", "clock", "military", "hm", "dotclock", "oclock", "daypart", "noon")
SPAN_JOIN = re.compile(r"\s*(?:[-–—]|to\b|until\b|till\b)\s*")
DOTTED_TIME = re.compile(
    rf"(?P<dotclock>(?P<h7>[0-2]?\d)\.(?P<min7>[0-5]\d)\b{NOT_AN_AMOUNT}{NOT_TWELVE_HOUR}{HOURS_UNIT})"
)


def _time_or_span(text: str, match: re.Match):
    """A time of day → ``time/@when``; two joined by a dash, "to" or "until" ("20:00–22:10",
    "from 11 p.m. to 1 a.m.", "2300 hours - 0100 hours") → one ``time`` with ``from`` and
    ``to``. The first time takes the second's "p.m." when it has none ("10:00 - 11:40 p.m.")."""
    start = match.start("h7") if match.group("dotclock") else match.start()  # "at 23.30": the time only
    first = _time_of_day(match.groupdict())
    if first is None:
        return None
    join = SPAN_JOIN.match(text, match.end())
    dotted = match.group("dotclock")  # "from 22.00 to 23.30": the second needs no "at" before it
    second = (DOTTED_TIME if dotted else PATTERN).match(text, join.end()) if join else None
    found = dict.fromkeys(PATTERN.groupindex) | (second.groupdict() if second else {})
    last = _time_of_day(found) if any(found[kind] for kind in TIMES) else None
    if last is None:
        if match.group("dotword") == "from":  # "from 12.50" alone is rather an amount
            return None
        return start, match.end(), tei.E("time", text[start : match.end()], when=_clock(*first))
    if match.group("clock") and found["ampm"] and first[0] <= 12:
        same_half = (first[0] % 12 + last[0] // 12 * 12, first[1])
        first = same_half if same_half <= last else first
    span = {"from": _clock(*first), "to": _clock(*last)}
    return start, second.end(), tei.E("time", text[start : second.end()], **span)


# a time stamp before a speaker's label, after brackets, bullets or emphasis: "[22:00] Stalin:",
# "- 10.30 a.m. Zhou Enlai:"
STAMP = re.compile(rf"[\s\[(*_#•·–—-]*(?P<clock>{CLOCK})(?![\d:.]\d)")


# a time stamp that opens a line of the minutes' narrative: "23.30 The meeting ended."
NARRATIVE_STAMP = re.compile(rf"{STAMP.pattern}\s+[A-Z]")


def tag_time_stamps(root) -> None:
    """The time stamp that opens a speaker's label (the minutes' "[22:00] Stalin:") → ``time``.
    Nothing else in a label is a date or a time of the meeting. In minutes whose labels have
    such stamps, a stamp that opens a paragraph of narrative is one too."""

    def find(text, parent):
        first = parent.tag in (tei.q("speaker"), tei.q("p")) or parent.getprevious() is None
        stamp = STAMP.match(text) if first and parent.text == text else None
        if stamp:
            hour, minute = map(int, re.match(r"(\d+)[:.](\d+)", stamp.group("clock")).groups())
            half = re.search(r"([AaPp])\.?\s?[Mm]", stamp.group("clock"))
            if half and 1 <= hour <= 12:
                hour = hour % 12 + (12 if half.group(1) in "Pp" else 0)
            if hour <= 24:
                when = _clock(hour, minute)
                yield stamp.start("clock"), stamp.end(), tei.E("time", stamp.group("clock"), when=when)

    stamped = [speaker for speaker in root.iter(tei.q("speaker")) if STAMP.match("".join(speaker.itertext()))]
    for speaker in stamped:
        markup(speaker, find, skip={"note", "ref", "persName"})
    narrative = (p for p in root.iter(tei.q("p")) if p.getparent().tag in (tei.q("body"), tei.q("div")))
    for paragraph in narrative if stamped else ():
        if NARRATIVE_STAMP.match(paragraph.text or ""):
            markup(paragraph, find, skip={"note", "ref", "persName"})


def _range(match: re.Match, document_date: str | None, parent, report: Reporter):
    """ "14-15 May 1950", "May 14-15, 1950" → ``date`` with ``from`` and ``to``."""
    g = match.groupdict()
    if g["rrange"]:  # "16-17.XII.1949"
        first, last, month, year = g["re1"], g["re2"], ROMAN[g["rm"]], _full_year(g["ry"])
    else:
        first, last, name, year = (
            (g["da"], g["db"], g["mr"], g["yr"]) if g["drange"] else (g["dc"], g["dd"], g["mr2"], g["yr2"])
        )
        month = _month(name)
    inferred = year is None
    year = int(year) if year else _year_for(document_date, month, int(first))
    start, end = _iso(year, month, int(first)), _iso(year, month, int(last))
    if start is None or end is None or start >= end:
        if year is not None:
            report.warning(
                "impossible-date",
                f"'{match.group()}' is not a real span of days; left untagged",
                source_line(parent),
            )
        return
    attributes = {"from": start, "to": end, "evidence": "internal" if inferred else None}
    yield match.start(), match.end(), tei.E("date", match.group(), **attributes)


# the first month of a span of months, before the second and its year: "Aug.-" in "Aug.-Sept. 1918"
MONTH_BEFORE = re.compile(rf"\b(?P<first>{MONTH})\s*(?:[-–—/]|{TO})\s*$")


def _months_before(text: str, match: re.Match, after: int):
    """ "August-September 1950", "Aug.-Sept. 1918", "July to September 1950" → ``date`` with
    ``from`` and ``to``. The pattern found the second month and its year; the first is
    looked for before it, after `after` (where the date or time found before ends)."""
    opening = MONTH_BEFORE.search(text, max(after, match.start() - 24), match.start())
    if not opening:
        return None
    year = int(match.group("y3"))
    first, last = _month(opening.group("first")), _month(match.group("m3"))
    if first >= last:
        return None
    span = {"from": _iso(year, first), "to": _iso(year, last)}
    return opening.start(), match.end(), tei.E("date", text[opening.start() : match.end()], **span)


def _years(first: str, last: str) -> tuple[str, str]:
    """The years of a span of years: ("1953", "57") → ("1953", "1957")."""
    return first, first[:2] + last if len(last) == 2 else last


def _time_of_day(g: dict) -> tuple[int, int] | None:
    """Hours and minutes of a time: on the 24-hour clock, with "a.m." or "p.m.", or "N o'clock"
    with the part of the day said ("12 o'clock" alone is noon), or the part said without
    "o'clock" ("at 10 in the evening"); None when it is no time of day."""
    if g["noon"]:
        return (24 if g["nword"].lower() == "midnight" else 12), 0
    if g["ampm"]:
        return int(g["h4"]) % 12 + (12 if g["half"].lower() == "p" else 0), int(g["min4"] or 0)
    if g["oclock"] or g["daypart"]:
        hour, part = (int(g["h6"]), g["part"]) if g["oclock"] else (int(g["h9"]), g["part9"])
        part = (part or "").lower()
        if not part:
            return (12, 0) if hour == 12 else None  # "at 9 o'clock": morning or evening?
        if "night" in part:  # "11 o'clock at night" is 23:00, "2 o'clock at night" 02:00
            return (hour + 12 if 8 <= hour < 12 else hour % 12), 0
        return hour % 12 + (0 if "morning" in part else 12), 0
    hour, minute = next(
        (int(g[h]), int(g[m]))
        for h, m in (("h3", "min"), ("h5", "min5"), ("h7", "min7"), ("h8", "min8"))
        if g[h]
    )
    return (hour, minute) if hour <= 24 else None


def _clock(hour: int, minute: int) -> str:
    # "24 hours" is midnight at the end of the day; xsd:time has no 24:00:00 (jing rejects
    # it, libxml2 lets it through), so it is written 00:00:00.
    return f"{hour % 24:02d}:{minute:02d}:00"

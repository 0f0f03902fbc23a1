# SPDX-License-Identifier: MIT
"""The conversation: narrative, quotations, numbered points and every kind of speech turn."""

from __future__ import annotations

import re
from functools import cache

from lxml import etree

from ... import conventions, tei
from ...enrich.dates import NARRATIVE_STAMP, STAMP, first_day, full_days
from ...enrich.stage import bare_direction, set_apart_direction
from ...segment import DATE_LINE, Block
from ..context import Context, paragraph
from ..inline import inline
from ..lists import FIRST_POINTS, next_point
from ..speech import (
    ADDRESS,
    CLOSE,
    LABEL_DASHES,
    NARRATED,
    NOT_NAMES,
    ROLE_AFTER,
    SAID_NOTHING,
    TITLES,
    honorifics,
    is_hour_field,
    names_follow,
    opens_turn,
    patterns,
    sentence_starts,
    split_names,
    verb_forms,
)
from .attendance import attend_from_narrative, named_as_present
from .base import (
    HEADING,
    BlockRule,
    _has_turns,
    _point_n,
    _unknown_speaker,
    is_attendance_list,
    lead,
    plain,
    without_heading_marks,
)
from .front import (
    add_addressees,
    addresses,
    date_from_front_line,
    known_place,
    single_field,
    transmitted_from_front_line,
)

SET_APART = re.compile(
    r"\[[^\[\]]*\w+\s+\w+\s+\w+[^\[\]]*\]\.?|\([^()]*\w+\s+\w+\s+\w+[^()]*\)\.?"
    r"|(?:\*|_|<i>|<em>)(?!\*)[^*_<>]*\w+\s+\w+[^*_<>]*(?:\*|_|</i>|</em>)\.?"
)
FULL_STOP = re.compile(r"[.?!][\"”’)]*\s*$")  # a sentence ends here
# speech ends as a sentence does, or broken off, a mark or a footnote's number after it
SPOKEN_END = re.compile(r"[.?!…—–-][\"”’)\]*_]*(?:\d{1,3}|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,3})?\s*$")
POINT = re.compile(
    r"[\"“]?(?:\((?=(?:\d{1,2}|[a-z])\)))?"
    r"(?:(?P<num>\d{1,2})(?:[.)/]\s+|\s+(?=[A-Z\"“]))|(?P<letter>[a-z])[.)]\s+)"
)  # "1.", "2)", "(3)", and lettered: "a)", "b.", "(c)"
QUOTES_OPEN = ('"', "“")
CONTINUING = re.compile(
    r"(?:" + "|".join(conventions.load()["speech"]["continuation_pronouns"]) + r")\b", re.I
)
SUBORDINATE = re.compile(r"\b(?:that|whether|if|why|how|what|when|which|who|whom)\b", re.I)
BOLD_LINE = re.compile(r"^\*\*[^*].*\*\*$")


class NarrativeRule(BlockRule):
    """What happened at the meeting, said by nobody → ``p`` outside any turn."""

    name = "narrative"

    def test(self, block, ctx):
        if HEADING.match(block.text):
            return True  # a section's heading in Markdown: "### Part II. Economic aid"
        topic = conventions.pattern("narrative", "topic_heading").match(plain(block.text))
        if topic and topic.group("number"):
            return not _introduces_a_list(ctx)  # "2. On rubber", not a point of "… these questions:"
        if topic:  # "On the second question:" before a labelled turn, not a speaker's own words
            return bool(ctx.blocks) and bool(opens_turn(ctx.persons)(ctx.blocks[0].text))
        if conventions.pattern("narrative", "patterns").search(plain(block.text)):
            # "After greetings, Comrade Stalin asked what …": a speaker in the first sentence
            first = sentence_starts(block.text)[1:2] or [len(block.text)]
            speaker = patterns(ctx.persons).subject.search(block.text, 0, first[0])
            return not speaker or bool(SUBORDINATE.search(block.text, 0, speaker.start()))
        hours = single_field(block)
        if hours and is_hour_field(hours.group(1)) and _has_turns(ctx.record):
            return True  # "End: 23:30." after the conversation
        if NARRATIVE_STAMP.match(block.text) and _stamped_labels(ctx.record):
            # the minutes' next entry said by nobody, "22.20 Molotov enters the room.", not the
            # next turn, "22.40 Stalin: …"
            return not opens_turn(ctx.persons)(block.text)
        # a paragraph wholly in brackets, parentheses or italics, a sentence long, between
        # turns: "[The conversation was interrupted.]", "(The conversation lasted two hours.)",
        # "*Molotov enters the room.*"; or only what was done: "Everyone laughed."
        text = block.text.strip()
        if text.startswith("(") and conventions.pattern("notes", "in_parentheses").match(text, 1):
            return False  # "(Note: …)": a note in the turn it interrupts
        return _has_turns(ctx.record) and bool(SET_APART.fullmatch(text) or _direction(text))

    def run(self, block, ctx):
        ctx.end_turn()
        record = ctx.record
        if not record.date_text and not _has_turns(record):
            # "The conversation took place on 16 December 1949 …": the record's date, when
            # nothing before stated one and the sentence names one day only
            dates = full_days(block.text)
            if len({first_day(m.group()) for m in dates}) == 1:
                record.date_text = dates[0].group()
                record.date_line = block.line
        attend_from_narrative(block, ctx)
        text = block.text.strip()
        if _direction(text):  # "*Mao Zedong laughs.*", "[Laughter.]", "Everyone laughed."
            words = [text] if text.startswith("[") else inline(block, ctx.report)  # brackets kept
            ctx.place(tei.E("stage", *words), block)
        else:
            ctx.place(paragraph(inline(without_heading_marks(block), ctx.report)), block)
        record.state = "body"
        return True


def _direction(text: str) -> bool:
    """Is the paragraph only a stage direction, set apart or bare?"""
    return bool(set_apart_direction().fullmatch(text) or bare_direction().fullmatch(text))


def _stamped_labels(record) -> bool:
    """Whether the record's labels carry the minutes' time stamps ("22.05 Stalin:")."""
    speakers = (sp.find(tei.q("speaker")) for sp in record.body if sp.tag == tei.q("sp"))
    return any(speaker is not None and STAMP.match("".join(speaker.itertext())) for speaker in speakers)


QUOTING = re.compile(r"\b(?:said|says|told)\b")  # verbs a speaker also quotes the absent with


def _introduces_a_list(ctx: Context) -> bool:
    """Is the running turn in a list of points: its last paragraph one, or ending in a colon
    ("… the following questions:")?"""
    last = ctx.record.sp[-1] if ctx.record.sp is not None and len(ctx.record.sp) else None
    return last is not None and (last.get("n") is not None or tei.text_of(last).rstrip(" *_").endswith(":"))


class QuoteRule(BlockRule):
    """Paragraphs inside one pair of quotation marks → ``quote`` in the running turn."""

    name = "quote"
    LIMIT = 30

    def test(self, block, ctx):
        return (
            block.text.startswith(QUOTES_OPEN) and _open_quotes(block.text) > 0 and self._end(ctx) is not None
        )

    def _end(self, ctx: Context) -> int | None:
        balance = 1
        for i, following in enumerate(ctx.blocks[: self.LIMIT]):
            balance += _open_quotes(following.text)
            if balance <= 0:
                return i
        return None

    def run(self, block, ctx):
        end = self._end(ctx)
        members = [block] + [ctx.take() for _ in range(end + 1)]
        quote = tei.E("quote")
        for member in members:
            point = POINT.match(member.text)
            quote.append(paragraph(inline(member, ctx.report), n=point_mark(point) if point else None))
        if ctx.record.sp is not None:
            ctx.record.sp.append(quote)
        else:
            ctx.place(quote, block)
        return True


def _open_quotes(text: str) -> int:
    """+1 when a paragraph leaves a quotation open, −1 when it closes one, 0 otherwise."""
    curly = text.count("“") - text.count("”")
    if curly:
        return 1 if curly > 0 else -1
    return 1 if text.count('"') % 2 and text.lstrip().startswith('"') else (-1 if text.count('"') % 2 else 0)


class NumberedPointRule(BlockRule):
    """ "1. About the credit. …", "a) trucks;" → remembers the number or letter for the
    paragraph; encodes nothing. Points count from 1 or "a", each the one after the last."""

    name = "numbered-point"

    def test(self, block, ctx):
        match = POINT.match(block.text)
        if not match or DATE_LINE.match(block.text):
            return False
        mark = point_mark(match)
        return mark in FIRST_POINTS or (ctx.last_point is not None and next_point(ctx.last_point) == mark)

    def run(self, block, ctx):
        match = POINT.match(block.text)
        ctx.last_point = point_mark(match)
        ctx.point = (ctx.last_point, match.end())
        return False


def point_mark(match: re.Match) -> str:
    """A point's number or letter as printed, without its marks: "2." → "2", "(b)" → "b"."""
    return match.group("num") or match.group("letter")


@cache
def _subject_verb(subjects: tuple[str, ...], verbs: str) -> re.Pattern:
    """One of `subjects`, adverbs maybe, then a verb of the ``[speech]`` list named `verbs`."""
    speech = conventions.load()["speech"]
    adverbs = conventions.alternation(speech["adverbs"])
    said = conventions.alternation(verb_forms(speech[verbs]))
    return re.compile(rf"(?:{'|'.join(subjects)})(?:\s+(?:{adverbs}))*\s+(?:{said})\b{SAID_NOTHING}")


def _own_view() -> re.Pattern:
    """ "We think …", "I also believe …": a first-person sentence of a view held."""
    return _subject_verb(("I", "We"), "view_verbs")


def _goes_on_saying() -> re.Pattern:
    """ "He added that …", "She then asked …": the running speaker goes on."""
    pronouns = conventions.load()["speech"]["continuation_pronouns"]
    return _subject_verb(tuple(p.capitalize() for p in pronouns), "verbs")


class OwnViewRule(BlockRule):
    """In a record whose writer is known (a telegram, a letter, a diary), "We think …", "I
    believe …" is the writer's own comment to its reader, not words said at the meeting: a
    paragraph outside any turn. (After a label, "I think …" is that speaker's.)"""

    name = "own-view"

    def test(self, block, ctx):
        record = ctx.record
        if not record.author or (record.sp is not None and not record.sp_reported):
            return False
        return bool(_own_view().match(block.text, ctx.point[1] if ctx.point else 0))

    def run(self, block, ctx):
        ctx.end_turn()
        ctx.place(paragraph(inline(block, ctx.report), n=_point_n(ctx)), block)
        ctx.record.state = "body"
        return True


# Words in quotation marks, or between dashes as Russian prints dialogue, that open a
# paragraph, and where the tag naming their speaker would begin: '"You have grown thinner,"
# Stalin said', "— How was the journey? — asked Stalin."
QUOTED_WORDS = re.compile(r"(?:[\"“][^\"“”]{1,800}?[\"”],?|[—–]\s+[^—–]{1,800}?[,.?!…]?\s+[—–])\s+")
OPENS_QUOTED = re.compile(r"[\"“]|[—–]\s")


class DialogueTagRule(BlockRule):
    """Dialogue as memoirs print it, quoted words and then who said them ('"You have grown
    thinner," Stalin said.', '"…," said Stalin.', "— How was the journey? — asked Stalin.") →
    ``sp`` without ``speaker`` (the name is inside the sentence). A paragraph without quoted
    words after such turns is the memoir's narrative, outside any turn; quoted words with no
    tag after them begin a turn left unattributed (a new paragraph is a new speaker, whom only
    the alternation would tell)."""

    name = "dialogue-tag"

    def test(self, block, ctx):
        if ctx.record.labelled:
            return False  # '"We will fight," Mao Zedong told me' in a labelled turn is its speaker's
        if self._speaker(block, ctx) is not None:
            return True
        return ctx.record.sp_dialogue and bool(OPENS_QUOTED.match(block.text))

    def _speaker(self, block: Block, ctx: Context) -> tuple[str, ...] | None:
        words = QUOTED_WORDS.match(block.text)
        tag = words and patterns(ctx.persons).tag.match(block.text, words.end())
        if not tag:
            return None
        ids = [ctx.resolve(name) for name in split_names(tag.group("names") or tag.group("names2"))]
        if not all(len(i) == 1 for i in ids):
            return None
        record = ctx.record
        if (
            record.participants
            and not record.open_participants
            and not {i[0] for i in ids} <= record.participants
        ):
            return None  # words of one not at the meeting, quoted
        return tuple(i[0] for i in ids)

    def run(self, block, ctx):
        ids = self._speaker(block, ctx)
        if ids is None:
            ctx.report.warning(
                "unattributed-turn",
                "quoted words with no tag naming their speaker left unattributed",
                block.line,
            )
        open_turn(ctx, block, ids or ())
        ctx.record.sp_dialogue = True
        return True


class DialogueSplitRule(BlockRule):
    """A paragraph in which a new speaker is introduced mid-way ("… Stalin said: …") is cut
    there, and each part is encoded as a paragraph of its own."""

    name = "dialogue-split"

    def test(self, block, ctx):
        return bool(self._cuts(block, ctx))

    def _cuts(self, block: Block, ctx: Context) -> list[int]:
        found = patterns(ctx.persons)
        cuts, current = [], None
        first = ctx.point[1] if ctx.point else 0  # "4. Stalin said: …" begins after its number

        @cache
        def opening() -> re.Match | None:  # the paragraph's own label, read once a label is in view
            return found.label.match(block.text, first or lead(block.text))

        for start in sentence_starts(block.text):
            match = found.colon_intro.match(block.text, start)
            who = _resolve_subject(match, ctx) if match else self._label(block, start, first, opening, ctx)
            who = who or self._author_answers(block, start, ctx)
            if not match and who is None:
                continue
            if opening() and start < opening().end():
                continue  # the abbreviations in "Gen. Sec. Stalin:" end no sentence
            if start > first and who and who != current:
                cuts.append(start)
            current = who or current
        return sorted(set(cuts).union(self._reported_cuts(block, first, opening, ctx)))

    @staticmethod
    def _reported_cuts(block: Block, first: int, opening, ctx: Context) -> list[int]:
        """ "Zhou Enlai came at 14:00. He said that …. Then I asked him whether …. Zhou Enlai
        answered that …": a paragraph in reported speech whose sentences report the words of
        two or more participants is cut where the speaker changes (and before the first
        reported sentence, when narrative or another's words come before it); so is one
        reporting one speaker after the writer's own narrative ("On 8 February I had a
        conversation with Mao Zedong. Mao Zedong said that …"). Not a labelled turn's own
        words, where "Mao Zedong said that …" is its speaker quoting him."""
        record = ctx.record
        if record.sp is not None and not record.sp_reported and not record.sp_dialogue:
            return []
        starts = [first, *(s for s in sentence_starts(block.text) if s > first)]
        said = [(start, ids) for start in starts if (ids := _reporting(block.text, start, ctx))]
        several = len({ids for _, ids in said}) >= 2
        if not (several or (said and _writer_narrates(block.text, first, said[0][0]))) or opening():
            return []  # the label read only then
        cuts, current = [], None
        for start, ids in said:
            if ids != current and start > first:
                cuts.append(start)
            current = ids
        return cuts

    @staticmethod
    def _label(block: Block, start: int, first: int, opening, ctx: Context) -> tuple[str, ...] | None:
        """A speaker's label in the middle of a run-on paragraph: "… draft. Stalin: We can …",
        or with a dash where the paragraph's own first label (`opening()`) has one ("Stalin —
        What …? Mao Zedong — The treaty.")."""
        if start <= first:
            return None
        match = patterns(ctx.persons).label.match(block.text, start)
        if not match:
            return None
        punct = match.group("punct").strip(" *_")
        if punct != ":":
            own = opening()
            if punct not in LABEL_DASHES or not own or own.group("punct").strip(" *_") != punct:
                return None
        ids = [ctx.resolve(name, block.line) for name in split_names(match.group("names"))]
        return tuple(i[0] for i in ids) if all(len(i) == 1 for i in ids) else None

    @staticmethod
    def _author_answers(block: Block, start: int, ctx: Context) -> tuple[str, ...] | None:
        """ "I answered that …" after another's words in reported speech ("Kim Il Sung said
        that …. I answered that …") is the author's turn; not inside direct speech, where "I"
        is the speaker's own. Where the author is not known yet, the record is marked for a
        second reading, in case its signature names him."""
        author = ctx.record.author
        if start == 0 or not _i_told(block.text, start):
            return None
        found = patterns(ctx.persons)
        begin = ctx.point[1] if ctx.point else lead(block.text)
        opening = found.reported.match(block.text, begin)
        others = bool(opening) and not found.first_person.fullmatch(opening.group("names"))
        running = ctx.record.sp
        continues = (
            running is not None and ctx.record.sp_reported and not found.label.match(block.text, begin)
        )
        if not (others or (continues and running.get("who") != f"#{author}")):
            return None
        if not author:
            ctx.record.first_person_unattributed = True  # the signature may name the author
            return None
        return (author,)

    def run(self, block, ctx):
        cuts = self._cuts(block, ctx)
        bounds = [0] + cuts + [len(block.text)]
        pieces = [block.slice(a, b) for a, b in zip(bounds, bounds[1:])]
        ctx.report.info(
            "turn-split",
            f"paragraph split into {len(pieces)} turns at speakers named mid-paragraph",
            block.line,
        )
        ctx.blocks[0:0] = pieces
        return True


WRITER = re.compile(r"\b(?:I|me|my)\b")
I_FIRST = re.compile(r"I\s")


def _i_told(text: str, at: int = 0) -> bool:
    """Does the sentence at `at` tell in the past what "I" did: "I answered …", "I avoided …"?"""
    return bool(I_FIRST.match(text, at) and NARRATED.match(text, at + 1))


QUOTED = re.compile(r"[\"“][^\"”]*[\"”]")


def _writer_narrates(text: str, start: int, end: int) -> bool:
    """Do the sentences between `start` and `end` tell, outside any quotation, what the writer
    did ("On 8 February I had a conversation with …", "Kim Il Sung received me …")?"""
    return bool(WRITER.search(QUOTED.sub("", text[start:end])))


# What may come before the subject of a sentence of reported speech: "Then I asked …", "In
# reply, Zhou Enlai said that …"
CONNECTIVE = re.compile(
    r"(?:(?:Then|And|But|Later|After\s+that|In\s+reply|In\s+response|In\s+turn|To\s+this|To\s+that"
    r"|Thereupon|Whereupon|At\s+this|At\s+that),?\s+)?"
)
# the words reported soon after the verb: "… answered that", "… asked him whether", "… said:"
REPORTED_WORDS = re.compile(r"[^.?!;]{0,40}?(?:\b(?:that|whether|if)\b|:)")
QUOTED_AFTER_COLON = re.compile(r":\s")  # "Stalin said: … I answered them: …" ("14:00" is no colon)


def _reporting(text: str, start: int, ctx: Context) -> tuple[str, ...] | None:
    """Who the sentence at `start` reports as saying something, after a connective maybe:
    "Zhou Enlai answered that …", "Then I asked him whether …" (the record's author, in the
    past only); None for a pronoun, for one not at the meeting, or for a verb that reports
    no words ("Zhou Enlai thanked me")."""
    found = patterns(ctx.persons)
    match = found.reported.match(text, CONNECTIVE.match(text, start).end())
    if not match or not REPORTED_WORDS.match(text, match.end()):
        return None
    names = match.group("names")
    first_person = found.first_person.fullmatch(names)
    if first_person and (not NARRATED.match(text, match.end()) or QUOTED_AFTER_COLON.search(text, 0, start)):
        return None  # "I think …", or the "I" of words quoted after a colon: the speaker's own
    if found.named_pronoun.fullmatch(names):
        return None
    ids = _resolve_subject(match, ctx)
    if not ids or (ctx.record.lists_participants and not set(ids) <= ctx.record.participants):
        return None
    return ids


def _resolve_subject(match: re.Match, ctx: Context) -> tuple[str, ...] | None:
    """The ids of the subject of a speech introduction: names, or the author for I/we."""
    names = match.group("names")
    first = patterns(ctx.persons).first_person.fullmatch(names)
    if first:
        bracket = first.group("bracket")
        if bracket:
            ids = ctx.persons.resolve(bracket)
            if len(ids) == 1:
                return ids
        return (ctx.record.author,) if ctx.record.author else None
    named = patterns(ctx.persons).named_pronoun.fullmatch(names)
    if named:
        ids = ctx.resolve(named.group("named") or named.group("named2"))
        return tuple(ids) if len(ids) == 1 else None
    ids = []
    for name in split_names(names):
        resolved = ctx.resolve(name)
        if len(resolved) != 1:
            return None
        ids.append(resolved[0])
    return tuple(ids)


class SpeakerLabelRule(BlockRule):
    """A paragraph that is only a speaker's label ("STALIN:") → a turn whose speech follows."""

    name = "speaker-label"

    def test(self, block, ctx):
        return self._ids(block, ctx) is not None

    def _ids(self, block: Block, ctx: Context) -> list[str] | None:
        match = patterns(ctx.persons).label_only.match(block.text, lead(block.text))
        if not match:
            return None
        names = split_names(match.group("names"))
        resolved = [ctx.resolve(n, block.line) for n in names]
        if any(n.lower() in NOT_NAMES for n in names) or len(names) > 2:
            return None  # "Li Fuchun, Zhang Wentian, Su Yu, Shi Zhe" is a list, not a label
        marked = match.group().rstrip(" *_").endswith((":", ".")) or match.group("names").isupper()
        if not marked and not lead(block.text) and not ctx.names_alone:
            return None  # a plain "Stalin" alone is a label only in capitals, with ":" or in bold,
            # or where the transcript sets every speaker's name so
        if not all(len(r) == 1 for r in resolved) and not match.group("names").isupper():
            return None
        return [r[0] if len(r) == 1 else _unknown_speaker(n, block, ctx) for n, r in zip(names, resolved)]

    def run(self, block, ctx):
        ids = self._ids(block, ctx)
        ctx.end_turn()
        sp = tei.E("sp", speaker_label(block, ctx), who=" ".join(f"#{i}" for i in ids))
        ctx.record.labelled = True
        ctx.place(sp, block)
        ctx.record.sp = sp
        ctx.record.state = "body"
        for pid in ids:
            ctx.record.attend(pid)
        return True


class SpeechTurnRule(BlockRule):
    """A turn introduced by its speaker's label: "Stalin." "MAO ZEDONG:" "Comrade Stalin:"
    "STALIN, opening the conversation …, says" → ``sp`` with ``speaker``."""

    name = "speech-turn"

    def test(self, block, ctx):
        return self._label(block, ctx) is not None

    def _label(self, block: Block, ctx: Context):
        if ctx.point:
            return _point_label(block, ctx)
        alias = _alias_label(block, ctx)
        if alias:
            return alias, [alias.group("names")], [ctx.record.aliases[alias.group("names")]]
        enclosed = ENCLOSED_LABEL.match(block.text, lead(block.text))
        if enclosed:  # "[Mao Zedong]: …", the name an editor's; "(Stalin): …"
            names = split_names(enclosed.group("names"))
            resolved = [ctx.resolve(n, block.line) for n in names]
            if all(len(r) == 1 for r in resolved):
                return enclosed, names, resolved
        asked = QUESTION_OR_ANSWER.match(block.text, lead(block.text))
        said = asked.group("names").title() if asked else ""  # "QUESTION" as "Question"
        if asked and (
            said in ("Q", "A")
            and ":" in asked.group("punct")
            or said in ctx.record.interview
            or _interview(ctx)
        ):
            return asked, [asked.group("names")], [_asker_or_answerer(said, ctx)]
        initial = INITIAL_LABEL.match(block.text, lead(block.text))
        if initial:  # "S.: …": the participant of that initial, or, with a colon, one to report
            found = ctx.by_initial(initial.group("names")[0], block.line)
            if found or ":" in initial.group("punct"):
                return initial, [initial.group("names")], [found]
        match = patterns(ctx.persons).label.match(block.text, lead(block.text))
        if not match:
            return _titled_label(block, ctx)
        punct = match.group("punct").strip(" *_")
        names = split_names(match.group("names"))
        resolved = [ctx.resolve(n, block.line) or _name_at_end(n, ctx) for n in names]
        known = all(len(r) == 1 for r in resolved)
        if not punct:
            # set out in columns ("STALIN<tab>What do you think?"): a known name or capitals,
            # and a sentence after it (not an office: "Molotov<tab>Minister of Foreign Affairs")
            rest = block.text[match.end() :]
            if (
                not (known or match.group("names").isupper())
                or not re.match(r"[A-Z\"“‘(\[]", rest)
                or not SPOKEN_END.search(rest)
            ):
                return None
        elif punct == ",":
            # "STALIN, opening the conversation …, says that": a label only if a verb of saying
            # follows; else perhaps an office after the name ("Stalin, Chairman of …:")
            rest = block.text[match.end() :]
            if not known or not re.match(rf"[^.;:]{{0,160}},\s*(?:\w+\s+)?(?:{'|'.join(_verbs())})\b", rest):
                return _titled_label(block, ctx)
        elif punct == ";":
            # a misread colon after a known speaker's name, not a list of names ("Stalin; Molotov")
            if not known or names_follow(block.text, match.end(), ctx.persons):
                return None
        elif not known:
            titled = _titled_label(block, ctx)  # "Kim Il Sung, Chairman: …"
            if titled:
                return titled
            label = match.group("names")
            if any(n.lower() in NOT_NAMES for n in names) or len(label.split()) > 3:
                return None
            attendee = all(n in ctx.record.unresolved for n in names)
            if not (punct == ":" or label.isupper() or ctx.label_counts.get(label, 0) >= 2 or attendee):
                return None
        return match, names, resolved

    def run(self, block, ctx):
        match, names, resolved = self._label(block, ctx)
        ctx.note_aliases(block.text[: match.end()])  # "Comrade I.V. Stalin (hereafter – S.):"
        ids = []
        for name, found in zip(names, resolved):
            if len(found) == 1:
                ids.append(found[0])
            elif ROLE_LABEL.fullmatch(name):  # "Interpreter:", "The Chairman:"
                ids.extend(_speaker_by_role(name, block, ctx))
            elif name in INTERVIEW_LABELS:  # "Q:" when the title names no one asking
                ctx.report.warning(
                    "unattributed-turn",
                    f"turn by '{name}' left unattributed: the title names no one the personography knows who"
                    f" {'asks' if name[0] == 'Q' else 'answers'}",
                    block.line,
                )
            else:
                ids.append(_unknown_speaker(name, block, ctx))
        _note_interview_label(block.text[lead(block.text) : match.end()], ids, ctx)
        open_turn(ctx, block, ids, speaker=block.slice(0, match.end()), start=match.end())
        return True


def _note_interview_label(label: str, ids: list[str], ctx: Context) -> None:
    """ "Question (Chen Boda):" names who asks: a later "Question:" is his too."""
    named = NAME_IN_PARENTHESES.match(label.strip(" *_"))
    if named and named.group("what") in INTERVIEW_LABELS and len(ids) == 1:
        ctx.record.interview.setdefault(named.group("what"), (ids[0],))


def _the_unnamed_party(ids: tuple[str, ...], ctx: Context) -> bool:
    """A title that names one side only ("Record of a Conversation with Kim Il Sung") leaves
    the other unnamed: one person of the other side of these talks may be him."""
    record, persons = ctx.record, ctx.persons
    if len(record.principals) != 1 or len(ids) != 1 or ids[0] not in persons:
        return False
    side = persons[ids[0]].side
    principal = persons[record.principals[0]] if record.principals[0] in persons else None
    return side in ("soviet", "chinese", "korean") and principal is not None and side != principal.side


def _point_label(block: Block, ctx: Context):
    """A numbered point that is a known speaker's turn, labelled with a colon or a dash:
    "1) Stalin: the international situation has changed." Its number stays in the label."""
    match = patterns(ctx.persons).label.match(block.text, ctx.point[1])
    if not match or match.group("punct").strip(" *_") not in (":", *LABEL_DASHES):
        return None
    names = split_names(match.group("names"))
    resolved = [ctx.resolve(n, block.line) for n in names]
    return (match, names, resolved) if all(len(r) == 1 for r in resolved) else None


def _speaker_by_role(label: str, block: Block, ctx: Context) -> list[str]:
    """The one participant a label naming a role or an office fits, reported; none (the
    turn is left unattributed, and reported) when several or none fit."""
    fitting = described(label, ctx)
    if len(fitting) == 1:
        ctx.report.info(
            "speaker-by-role",
            f"'{label}' taken for {ctx.persons[fitting[0]].name if fitting[0] in ctx.persons else fitting[0]}",
            block.line,
        )
        return fitting
    ctx.report.warning(
        "unattributed-turn",
        f"turn by '{label}' left unattributed: {len(fitting) or 'no'} participant(s) of this record fit",
        block.line,
    )
    return []


# A speaker's name in brackets or parentheses, and a colon: "[Mao Zedong]:", "(Stalin):"; a
# known name so without the colon too, a sentence after it: "[Stalin] How was the journey?"
ENCLOSED_LABEL = re.compile(r"[\[(](?P<names>[^\[\]()]{2,60})[\])](?:\s*:\s+|\s+(?=[A-Z\"“]))(?=\S)")
# A speaker named by an initial, and a colon or a dash: "S.: …", "M. — …" (never a section's
# letter, "A. The treaty")
INITIAL_LABEL = re.compile(r"(?P<names>[A-Z]\.)(?P<punct>\s*:|\s+[—–])\s+(?=\S)")


# An interview's labels: "Q: …", "A: …"; "Question. …", "Answer — …" only in a record whose
# title says it is an interview or answers to questions; never the start of one that names
# its speaker after it ("Q. (Roshchin): …", read as a titled label)
INTERVIEW_LABELS = ("Q", "A", "Question", "Answer", "QUESTION", "ANSWER")
QUESTION_OR_ANSWER = re.compile(
    rf"(?P<names>{'|'.join(INTERVIEW_LABELS)})(?P<punct>\s*[:.]|\s+[—–])\s+(?=\S)(?!\([^()]{{2,60}}\)\s*:)"
)
# who answers and who asks in such a title: "Answers of Comrade I.V. Stalin to the Questions
# of a Pravda Correspondent", "Stalin's replies to questions put by …", "Interview of Kim Il
# Sung with the correspondent of …"
INTERVIEW = re.compile(
    r"(?:(?P<a1>.+?)['’]s\s+(?:answers?|replies)|(?:answers?|replies)\s+(?:of|by|from)\s+(?P<a2>.+?))"
    r"\s+to\s+(?:the\s+)?questions?(?:\s+(?:of|from|by|put\s+by|asked\s+by)\s+(?P<q1>.+))?"
    r"|interview\s+(?:of|with|given\s+by|granted\s+by)\s+(?P<a3>.+?)(?:\s+(?:to|with|by)\s+(?P<q2>.+))?$",
    re.I,
)


def _interview(ctx: Context) -> re.Match | None:
    return INTERVIEW.search(plain(ctx.record.title)) if ctx.record.title else None


def _asker_or_answerer(label: str, ctx: Context) -> tuple[str, ...]:
    """The one person the record's title names as answering ("A", "Answer") or asking ("Q",
    "Question"), or an earlier label did ("Question (Chen Boda):"); none when neither names
    one person."""
    if label in ctx.record.interview:
        return ctx.record.interview[label]
    interview = _interview(ctx)
    if not interview:
        return ()
    groups = ("a1", "a2", "a3") if label.startswith("A") else ("q1", "q2")
    words = next((interview.group(g) for g in groups if interview.group(g)), "")
    ids = {match.id for match in ctx.persons.find(words) if match.id}
    return tuple(ids) if len(ids) == 1 else ()


def _alias_label(block: Block, ctx: Context) -> re.Match | None:
    """A label in the short form the record introduced: "S.:" after "Stalin (hereafter – S.)"."""
    if not ctx.record.aliases:
        return None
    shorts = conventions.alternation([re.escape(a) for a in ctx.record.aliases])
    return re.compile(rf"(?P<names>{shorts})\.?(?P<punct>\s*[.:]|\s+[—–-])\s+(?=\S)").match(
        block.text, lead(block.text)
    )


def _name_at_end(label: str, ctx: Context) -> tuple[str, ...]:
    """The person a label ends with, after a title the honorifics do not know: "Soviet
    Ambassador Roshchin" → Roshchin."""
    found = ctx.persons.find(label)
    if found and found[-1].id and found[-1].end == len(label.rstrip()) and found[-1].start > 0:
        return (found[-1].id,)
    return ()


def _titled_label(block: Block, ctx: Context):
    """ "Chairman of the Central People's Government Mao Zedong: …", "PRC Premier Zhou
    Enlai: …": an office of capitalised words (and of, the, and) before a known name and a
    colon; or after it and a comma: "Kim Il Sung, Chairman of the Cabinet of Ministers: …".
    Returns what `SpeechTurnRule._label` does, or None."""
    labelled = TITLED_LABEL.match(block.text)
    if not labelled:
        return None
    label = labelled.group("label")[lead(labelled.group("label")) :]  # after bold or a bullet
    named = NAME_IN_PARENTHESES.fullmatch(label.strip())
    if named:  # "Answer (Stalin):", "Question from the Soviet side (Vyshinsky):"
        ids = tuple(ctx.resolve(named.group("name").strip(), block.line))
        if len(ids) == 1:
            return labelled, [named.group("name").strip()], [ids]
    name, comma, role = label.partition(",")
    role = role.strip()
    # an office ("Kim Il Sung, Chairman of …:"), or what the speaker does as he speaks
    # ("Stalin, turning to Molotov:", "Mao Zedong, smiling:")
    if comma and (ROLE_AFTER.fullmatch(role) and not ctx.persons.find(role) or DOING.fullmatch(role)):
        ids = tuple(ctx.resolve(name.strip(), block.line)) or _name_at_end(name, ctx)
        if len(ids) == 1:
            return labelled, [name.strip()], [ids]
    ids = _name_at_end(label, ctx)
    office = label[: ctx.persons.find(label)[-1].start] if ids else ""
    if not ids or not OFFICE_WORDS.fullmatch(office.strip()):
        return None
    return labelled, [label], [ids]


DOING = re.compile(r"(?:[a-z]+ly\s+)?[a-z]{2,}ing\b[^.,;:!?\"“]{0,60}")  # "turning to Molotov", "smiling"
# A label of up to 160 characters before a colon (and the emphasis it closes) and a space
TITLED_LABEL = re.compile(rf"(?P<label>[^:]{{1,160}}):{CLOSE}?(?:\s+|$)")
# What is said, the speaker's name in parentheses after it: "Answer (Stalin)", "Question
# (Mao Zedong)", "Q. (Roshchin)"
NAME_IN_PARENTHESES = re.compile(
    r"(?P<what>[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,5}?)\.?\s*\((?P<name>[^()]{2,60})\)"
)
# The office before a name in a label: capitalised words, "of", "the", "and", "'s"; or what
# the words are: "Question from Comrade Stalin:", "Reply by Zhou Enlai:"; never an address
# ("Dear Comrade Stalin:", "For Comrade Filippov:")
OFFICE_WORDS = re.compile(
    rf"(?!{ADDRESS})(?:[A-Z][\w.'’-]*|of|the|and|for|from|by)(?:\s+(?:[A-Z][\w.'’-]*|of|the|and|for|from|by))*"
)


@cache
def _verbs() -> tuple[str, ...]:
    return tuple(verb_forms(conventions.load()["speech"]["verbs"]))


class ReportedSpeechRule(BlockRule):
    """A turn in reported speech: "Zhou Enlai asks whether …", "Comrade STALIN answers …",
    "We said: …" → ``sp`` whose ``speaker`` holds the name as printed."""

    name = "reported-speech"

    def test(self, block, ctx):
        return self._subject(block, ctx) is not None

    def _subject(self, block: Block, ctx: Context):
        start = ctx.point[1] if ctx.point else lead(block.text)
        match = patterns(ctx.persons).reported.match(block.text, start)
        if not match:
            return self._attendee(block, start, ctx) or self._described(block, start, ctx)
        names = match.group("names")
        if patterns(ctx.persons).first_person.fullmatch(names):
            # "I"/"We" start a turn in a first-person record (its author is known), or when
            # they introduce quoted speech ("We said: …"), which is then left unattributed;
            # after a speaker's label, "I think …" is that speaker's ("I promised …", told in
            # the past, is the writer's)
            record, narrated = ctx.record, NARRATED.match(block.text, match.end())
            labelled = record.sp is not None and record.sp.find(tei.q("speaker")) is not None
            if labelled and not record.sp_reported and not narrated:
                return None
            intro = patterns(ctx.persons).colon_intro.match(block.text, start)
            if record.addressees and not narrated and not intro:
                return None  # a letter's "We ask you to send …": its own words to its reader, not a turn
            ids = _resolve_subject(match, ctx)
            if ids is None:
                if narrated:
                    ctx.record.first_person_unattributed = True  # the signature may name its author
                # unattributed rather than run on into a turn in reported speech, or a new turn
                # when it introduces quoted speech ("We said: …"); in direct speech, "I …" runs on
                running = ctx.record.sp is not None and not ctx.record.sp_reported
                if not (narrated and not running) and not intro:
                    return None
            return match, ids
        ids = _resolve_subject(match, ctx)
        if ids is None:
            return None
        record = ctx.record
        if (
            not names.isupper()
            and record.participants
            and not record.open_participants
            and not set(ids) <= record.participants
            and not _the_unnamed_party(ids, ctx)
            and not self._one_of_a_delegation(ids, block, start, ctx)
        ):
            return None  # a person named at the start who is not at the meeting: not a turn
        if _several_speakers(block, ctx):
            return None
        return match, ids

    @staticmethod
    def _one_of_a_delegation(ids: tuple[str, ...], block: Block, start: int, ctx: Context) -> bool:
        """Words quoted after a colon and a verb of the exchange ("Premier Zhou added: We hope
        …", "… asked:", "… replied:"), or reported after a verb nobody absent is the subject of
        ("Pak Heon-yeong added that …"), from one of a principal's side, where no attendance
        list says who came: he was there. ("Mao Zedong said: …" may be quoted by a speaker.)"""
        record, persons = ctx.record, ctx.persons
        intro = patterns(persons).colon_intro.match(block.text, start)
        quoted = intro and not QUOTING.search(intro.group())
        if not (quoted or patterns(persons).exchange.match(block.text, start)) or any(
            map(is_attendance_list, record.body)
        ):
            return False
        sides = {persons[p].side for p in record.principals if p in persons} - {None}
        return all(pid in persons and persons[pid].side in sides for pid in ids)

    def _attendee(self, block: Block, start: int, ctx: Context):
        """ "Kuznetsov says …" where Kuznetsov is in the attendance list but not in persons.xml."""
        match = patterns(ctx.persons).reported_any.match(block.text, start)
        if not match:
            return None
        names = split_names(match.group("names"))
        if not all(name in ctx.record.unresolved for name in names):
            return None
        return match, tuple(_unknown_speaker(name, block, ctx) for name in names)

    def _described(self, block: Block, start: int, ctx: Context):
        """ "The Chairman replied …": the one participant whose occupation has those words, or
        nobody (the turn is then left unattributed and reported)."""
        match = patterns(ctx.persons).described.match(block.text, start)
        if not match:
            return None
        fitting = described(match.group("names"), ctx)
        return match, (tuple(fitting) if len(fitting) == 1 else None)

    def run(self, block, ctx):
        match, ids = self._subject(block, ctx)
        if ids is None:
            names = match.group("names")
            reason = (
                "the record's author is not known (sidecar 'author')"
                if patterns(ctx.persons).first_person.fullmatch(names)
                else "not exactly one participant of this record fits that description"
            )
            ctx.report.warning(
                "unattributed-turn", f"turn by '{names}' left unattributed: {reason}", block.line
            )
            ids = ()
        if ctx.point:
            open_turn(ctx, block, ids, reported=True)
        else:
            open_turn(ctx, block, ids, speaker=block.slice(0, match.end()), start=match.end(), reported=True)
        return True


ROLE_LABEL = re.compile(rf"(?:the\s+)?(?:interpreter|translator|{'|'.join(TITLES)})", re.I)


def described(words: str, ctx: Context) -> list[str]:
    """The participants a role or an office names: "Interpreter" (their role in the
    attendance list), "the Chairman" (the office the list prints after one name, "Comrade
    Stalin (Chairman)", or else their occupation), "Soviet Ambassador" (their occupation)."""
    words = re.sub(r"^the\s+", "", words.lower()).split()
    record = ctx.record
    if words in (["interpreter"], ["translator"]):
        return [pid for pid in sorted(record.attendees) if "interpreter" in record.attendees[pid].roles]
    office = " ".join(words)
    printed = [  # the office the attendance list prints after the name: "Stalin (Chairman)"
        pid
        for pid, attendee in sorted(record.attendees.items())
        if attendee.office == office or attendee.office.startswith(office + " of ")
    ]
    if printed:
        return printed
    return [
        pid
        for pid in sorted(record.participants)
        if pid in ctx.persons and all(word in ctx.persons[pid].occupation.lower() for word in words)
    ]


def _several_speakers(block: Block, ctx: Context) -> bool:
    """Does the paragraph report the words of two or more participants?"""
    found = patterns(ctx.persons)
    speakers = set()
    starts = [*sentence_starts(block.text), len(block.text)]
    for a, b in zip(starts, starts[1:]):
        match = found.subject.search(block.text, a, b)
        if match and SUBORDINATE.search(block.text, a, match.start()):
            continue  # "… asks whether comrade Stalin agrees": not who speaks here
        if match:
            ids = _resolve_subject(match, ctx)
            if ids and (not ctx.record.participants or set(ids) <= ctx.record.participants):
                speakers.add(ids)
    return len(speakers) > 1


class EmbeddedSpeakerRule(BlockRule):
    """A speaker named inside the first sentence ("Then Zhou Enlai returned to …") → ``sp``
    without ``speaker``. A paragraph reporting several speakers stays narrative."""

    name = "embedded-speaker"

    def test(self, block, ctx):
        return self._subject(block, ctx) is not None

    def _subject(self, block: Block, ctx: Context):
        begin = ctx.point[1] if ctx.point else 0
        if ctx.record.sp is not None and CONTINUING.match(block.text, begin):
            return None  # "He reminds that comrade Stalin agreed …": the running speaker goes on
        starts = [s for s in sentence_starts(block.text) if s >= begin] + [len(block.text)]
        end = starts[2] if len(starts) > 2 else len(block.text)  # a point's heading may come first
        match = patterns(ctx.persons).subject.search(block.text, begin, end)
        if match and SUBORDINATE.search(block.text, begin, match.start()):
            return None
        match = match or patterns(ctx.persons).opinion.match(block.text, begin)  # "According to Stalin, …"
        if match:
            ids = _resolve_subject(match, ctx)
        else:
            ids = (
                _asked_then_answering(block.text, begin, ctx)
                or _named_then_saying(block.text, begin, ctx)
                or _author_goes_on(block.text, begin, ctx)
            )
        if not ids:
            return None
        # those at the meeting, and those this paragraph says came: "… visited me. Kim Il Sung said …"
        record = ctx.record
        present = record.participants.union(named_as_present(block, ctx))
        if not ids or (record.lists_participants and not set(ids) <= present):
            return None
        return ids

    def run(self, block, ctx):
        attend_from_narrative(block, ctx)  # "Kim Il Sung and Pak Hon-yong visited me. Kim Il Sung said …"
        if _several_speakers(block, ctx):
            ctx.report.info(
                "several-speakers", "paragraph reports several speakers; kept outside any turn", block.line
            )
            ctx.end_turn()
            ctx.place(paragraph(inline(block, ctx.report), n=_point_n(ctx)), block)
            ctx.record.state = "body"
            return True
        ids = self._subject(block, ctx)
        running = ctx.record.sp
        if not ctx.point and running is not None and running.get("who") == " ".join(f"#{i}" for i in ids):
            running.append(paragraph(inline(block, ctx.report), n=_point_n(ctx)))  # the same speaker goes on
            return True
        open_turn(ctx, block, ids)
        return True


SPACES = re.compile(r"\s*")
ASKED = re.compile(
    r"\s+(?:was|were)(?:\s+(?:then|also|again|[a-z]+ly))?\s+(?:asked|told|informed|questioned|reminded)\b"
)


def _asked_then_answering(text: str, begin: int, ctx: Context) -> tuple[str, ...] | None:
    """ "Kim Il Sung was asked whether … He answered that …", "Comrade Stalin was told that
    … He said …": the one a paragraph opens by asking or telling, when the next sentence
    has him speak; the asker, unnamed, says nothing of his own in the turn."""
    at = begin
    while title := honorifics().match(text, at):  # "Comrade Stalin was told …"
        at = SPACES.match(text, title.end()).end()
    name = ctx.persons.pattern.match(text, at)
    if not name or not ASKED.match(text, name.end()):
        return None
    following = [start for start in sentence_starts(text) if start > name.end()]
    if not following or not _goes_on_saying().match(text, following[0]):
        return None
    ids = ctx.resolve(name.group())
    return tuple(ids) if len(ids) == 1 else None


def _named_then_saying(text: str, begin: int, ctx: Context) -> tuple[str, ...] | None:
    """ "Zhou Enlai received me at his request. He said that …" (or "He said:" above his
    words): a paragraph whose first sentence names one person, not the writer, and whose
    next sentence has "he" or "she" speak, is that person's turn."""
    following = [start for start in sentence_starts(text) if start > begin]
    if not following or not _he_or_she_says().match(text, following[0]):
        return None
    named = set()
    for name in ctx.persons.pattern.finditer(text, begin, following[0]):
        named.update(ctx.resolve(name.group()))
    named.discard(ctx.record.author)
    return (named.pop(),) if len(named) == 1 else None


def _author_goes_on(text: str, begin: int, ctx: Context) -> tuple[str, ...] | None:
    """ "Then I asked him whether …", "In reply, I said that …": the record's author,
    speaking in the past after a connective (without one, `ReportedSpeechRule` has him)."""
    connective = CONNECTIVE.match(text, begin)
    if connective.end() == begin or not I_FIRST.match(text, connective.end()):
        return None
    ids = _reporting(text, begin, ctx)
    return ids if ids == (ctx.record.author,) else None


def _he_or_she_says() -> re.Pattern:
    return _subject_verb(("He", "She"), "verbs")


class NoteParagraphRule(BlockRule):
    """A paragraph that is a translator's or editor's note, not in brackets ("Translator's
    note: the word used means …") → a typed ``note`` in a paragraph, in the running turn if
    there is one, which goes on after it."""

    name = "note-paragraph"

    def test(self, block, ctx):
        return bool(NOTE_PARAGRAPH.match(plain(block.text)))

    def run(self, block, ctx):
        label = NOTE_PARAGRAPH.match(plain(block.text)).group()
        kind = "translator" if re.search(r"\btr", label, re.I) else "editorial"
        note = tei.E("note", *inline(block, ctx.report), type=kind, place="inline")
        if ctx.record.sp is not None:
            ctx.record.sp.append(tei.E("p", note))
        else:
            ctx.place(tei.E("p", note), block)
            ctx.record.state = "body"
        return True


# "Translator's note:", "Ed. note:", "Editorial comment:", "Comment by the editor:"
NOTE_PARAGRAPH = re.compile(
    r"(?:(?:translator|editor)['’]?s['’]?|editorial|(?:trans|tr|ed)\.)\s*(?:note|comment)\s*:"
    r"|(?:note|comment)\s+(?:by|of|from)\s+the\s+(?:translator|editors?)\s*:",
    re.I,
)


class ContinuationRule(BlockRule):
    """A paragraph without a speaker while a turn is running stays in that turn."""

    name = "continuation"

    def test(self, block, ctx):
        if ctx.record.sp_dialogue:  # a memoir's narrative, unless its speaker goes on: "He added …"
            return ctx.record.sp is not None and bool(_goes_on_saying().match(block.text))
        return ctx.record.sp is not None and not _writer_goes_on(block, ctx)

    def run(self, block, ctx):
        ctx.record.sp.append(paragraph(inline(block, ctx.report), n=_point_n(ctx)))
        return True


def _writer_goes_on(block: Block, ctx: Context) -> bool:
    """After another's words the writer reports, not under a label of their own, "I avoided
    discussing this question.": what the writer did, told in the past, no part of the
    other's turn (after "Stalin:" it is Stalin's)."""
    record = ctx.record
    return (
        (record.sp_reported or record.sp.find(tei.q("speaker")) is None)
        and record.author is not None
        and record.sp.get("who") != f"#{record.author}"
        and _i_told(block.text)
    )


class ParagraphRule(BlockRule):
    """Everything else: a paragraph outside any turn, reported so an editor can look."""

    name = "paragraph"

    def test(self, block, ctx):
        return True

    def run(self, block, ctx):
        ctx.end_turn()  # a memoir's narrative after its dialogue
        ctx.note_aliases(block.text)  # a key to the labels: "(S. = Stalin; M. = Mao Zedong)"
        if not _has_turns(ctx.record) and addresses(block.text):
            add_addressees(ctx.record, block.text, ctx)  # "To Comrade Filippov (Stalin)."
        is_heading = BOLD_LINE.match(block.text) or HEADING.match(block.text)
        if not is_heading and _has_turns(ctx.record):
            ctx.report.info("no-speaker", "paragraph attributed to nobody (no turn is running)", block.line)
        words = len(block.text.split())
        introduces = block.text.rstrip(" *_").endswith(":")
        if (
            ctx.record.state == "front"
            and not ctx.record.body
            and words <= 12
            and (words <= 3 or not (FULL_STOP.search(block.text) or introduces))
            and not (introduces and ctx.blocks and POINT.match(ctx.blocks[0].text))
        ):  # not what introduces what follows ("The delegation raised these questions:", "Agenda:")
            ctx.place(paragraph(inline(block, ctx.report)), block, "front")  # an addressee, a heading
            ctx.record.place = ctx.record.place or known_place(plain(block.text))  # "Kremlin"
            # "From Pyongyang, sent 19.1.50, 23.45"; "Reception of Zhou Enlai, 10 March 1952"
            date_from_front_line(block, ctx.record)
            transmitted_from_front_line(block, ctx.record)
            return True
        attend_from_narrative(block, ctx)
        ctx.place(paragraph(inline(block, ctx.report), n=_point_n(ctx)), block)
        ctx.record.state = "body"
        return True


SUPPLIED_LABEL = re.compile(r"\[([^\[\]]+)\]\s*")


def speaker_label(block: Block, ctx: Context) -> etree._Element:
    """A ``speaker`` holding the label as printed. A direction in brackets inside it
    ("Stalin [smiling]:") stays printed, as one in parentheses does: TEI has no ``stage``
    inside a ``speaker``."""
    supplied = SUPPLIED_LABEL.fullmatch(block.text)
    if supplied:  # "[Stalin] How …": the name the editor supplied, without a colon after it
        speaker = tei.E("speaker", tei.E("supplied", supplied.group(1), reason="omitted-in-original"))
    else:
        speaker = tei.E("speaker", *inline(block, ctx.report))
    for stage in list(speaker.iter(tei.q("stage"))):
        printed = "".join(stage.itertext()) + (stage.tail or "")
        previous, parent = stage.getprevious(), stage.getparent()
        if previous is not None:
            previous.tail = (previous.tail or "") + printed
        else:
            parent.text = (parent.text or "") + printed
        parent.remove(stage)
    return speaker


def open_turn(
    ctx: Context, block: Block, ids, speaker: Block | None = None, start: int = 0, reported: bool = False
) -> None:
    """Start a new ``sp`` in the current record, its first paragraph from `start`; the
    speaker's label keeps its printed form, emphasis included. `reported`: the turn is in
    reported speech ("Liu Shaoqi thanked him.")."""
    ctx.end_turn()
    ctx.record.sp_reported = reported
    ctx.record.sp_dialogue = False
    sp = tei.E("sp", who=" ".join(f"#{i}" for i in ids) or None)
    if speaker is not None:
        sp.append(speaker_label(speaker, ctx))
        # a label, not a subject the narrative names ("Chairman Mao replied: …", "Stalin notes …")
        ctx.record.labelled = ctx.record.labelled or not reported
    sp.append(paragraph(inline(block.slice(start), ctx.report), n=_point_n(ctx)))
    ctx.place(sp, block)
    ctx.record.sp = sp
    ctx.record.state = "body"
    for pid in ids:
        ctx.record.attend(pid)

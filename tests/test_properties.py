# SPDX-License-Identifier: MIT
"""Property tests: convert never crashes; it is lossless and its TEI valid against the
project's schema, or it refuses cleanly.

CI runs a fixed, bounded budget (the "ci" profile in conftest); run longer by hand with
``HYPOTHESIS_PROFILE=long pytest tests/test_properties.py``.
"""

from __future__ import annotations

import pathlib
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from helpers import convert_text
from tei_transcripts import lossless
from tei_transcripts.validate import validator

ROOT = pathlib.Path(__file__).resolve().parent.parent
SOURCES = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "transcripts").glob("*.txt"))]
PARAGRAPHS = [p for text in SOURCES for p in text.split("\n\n") if p.strip()]

# Text made of the genre's own pieces: names, labels, brackets, dates, markup, odd spaces.
PIECES = st.sampled_from(
    [
        "Stalin.",
        "STALIN:",
        "Zhou Enlai asks",
        "Comrade Stalin",
        "[",
        "]",
        "[?]",
        "[he]",
        "<sup>2</sup>",
        # tags broken, by a hard wrap or otherwise
        "<sup",
        "<em",
        "</em",
        ">",
        "**Title:**",
        "**",
        "*",
        "\\*",
        "Present:",
        "Recorded by",
        "[signature]",
        "[Illegible signature]",
        # a telegram's address, a sequel's heading, a span of days, the original's language
        "To Comrade Filippov (Stalin).",
        "Second conversation, ",
        "16 to 17 December 1949",
        "Original Language:",
        "• ",
        # marks of words the copy does not give
        "illegible",
        "two words",
        "(",
        ")",
        "...",
        "1.",
        "2/",
        '"',
        "“",
        "”",
        "20 August 1952",
        "27 June",
        "5.IX",
        "10:30",
        "from 23 hours until 24 hours",
        "\u00a0",
        "\t",
        "\r\n",
        "\n",
        "\n\n",
        "\n\n\n\n",
        "Skip to content",
        "12",
        "He adds",
        "We said:",
        "Kумыkin",
        "—",
        "-",
        " ",
        "RECORD OF CONVERSATION BETWEEN STALIN AND MAO ZEDONG",
        "#### Remarks",
        "/A. Vyshinskii/",
        # a page's HTML source and Markdown's tables, links and footnotes
        "<p>",
        "</p>",
        "<br>",
        "<h2>",
        "<li>",
        "<td>",
        "</td>",
        '<a href="https://example.org/x">',
        "</a>",
        "<!--",
        "-->",
        "<script>",
        "</script>",
        "| Stalin | Yes. |",
        "|---|---|",
        "[the report](https://example.org/r)",
        "[^1]",
        "[^1]: ",
        "_",
        "Kim Il Sung, Chairman:",
        "Mao's remarks:",
        # words broken at a line's end by a hyphen, and compounds
        "econo-\n",
        "my",
        "pre-\nwar",
        "CHAIR-\nMAN",
        "Sino-\n",
    ]
)
GENRE_TEXT = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=60).map("".join)
SETTINGS = settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def assert_lossless_or_refused(conversion, text: str, tmp_path: pathlib.Path) -> None:
    if conversion.failed:
        assert not conversion.outputs
        assert all(m.code != "not-lossless" for m in conversion.messages), [
            str(m) for m in conversion.messages
        ]
        return
    roots = [etree.fromstring(data) for data in conversion.outputs.values()]
    assert [r["text"] for r in conversion.report["removed"]] == [r.text for r in conversion.removed]
    removed = conversion.removed  # by the lines as read, which normalise gives again
    from tei_transcripts.ingest import normalise
    from tei_transcripts.messages import Reporter

    lines = normalise(text, Reporter("x"))
    assert lossless.check(lines, removed, roots) is None
    assert_valid(conversion, tmp_path / "out")


def assert_valid(conversion, out: pathlib.Path) -> None:
    """Every document is valid against transcripts.rng and has no Schematron error (warnings
    are for an editor to read). Written where `convert` would write it, so that its link to the
    personography resolves as it would for a user."""
    out.mkdir(parents=True, exist_ok=True)
    for name, data in conversion.outputs.items():
        (out / name).write_bytes(data)
        errors = [str(m) for m in validator({}).validate(str(out / name)).messages if m.level == "error"]
        assert not errors, errors


@SETTINGS
@given(text=st.text())
def test_arbitrary_text(tmp_path, persons, text):
    conversion = convert_text(tmp_path, text, persons)
    assert_lossless_or_refused(conversion, text, tmp_path)


@SETTINGS
@given(text=GENRE_TEXT)
def test_text_made_of_the_genres_pieces(tmp_path, persons, text):
    conversion = convert_text(tmp_path, text, persons)
    assert_lossless_or_refused(conversion, text, tmp_path)


@SETTINGS
@given(seed=st.integers(min_value=0, max_value=2**32 - 1), count=st.integers(min_value=1, max_value=25))
def test_shuffled_paragraphs_of_real_transcripts(tmp_path, persons, seed, count):
    chance = random.Random(seed)
    text = "\n\n".join(chance.choice(PARAGRAPHS) for _ in range(count))
    conversion = convert_text(tmp_path, text, persons)
    errors = {m.code for m in conversion.messages if m.level == "error"}
    assert errors <= {"no-text"}, [str(m) for m in conversion.messages]  # all furniture: nothing to encode
    assert_lossless_or_refused(conversion, text, tmp_path)


@SETTINGS
@given(data=st.data())
def test_mutated_real_transcripts(tmp_path, persons, data):
    text = data.draw(st.sampled_from(SOURCES))
    for _ in range(data.draw(st.integers(min_value=1, max_value=8))):
        position = data.draw(st.integers(min_value=0, max_value=len(text)))
        action = data.draw(st.sampled_from(["delete", "insert", "newline"]))
        if action == "delete":
            text = text[:position] + text[position + data.draw(st.integers(1, 40)) :]
        elif action == "insert":
            text = text[:position] + data.draw(PIECES) + text[position:]
        else:
            text = text[:position] + "\n" + text[position:]
    conversion = convert_text(tmp_path, text, persons)
    assert_lossless_or_refused(conversion, text, tmp_path)


# Dates and times, and what stands near them: the windowed search must find what a search at
# every place of the text finds. A piece: a word, spaces, a number, maybe more, spaces, a word.
DATE_WORDS = st.sampled_from(
    ["", "September", "Sept.", "Dec", "from", "until", "at", "in", "mid-", "the", "of", "Stalin",
     "hours", "o'clock", "p.m.", "h.", "m.", "(", ")"]
)  # fmt: skip
SPACES = st.sampled_from(["", " ", "  ", "\n", "   \t "])
NUMBERS = st.sampled_from(["12", "4th", "1952", "23.30", "5.IX", "16.XII.49", "1952-08-20", "0", "24"])
DATE_PIECE = st.tuples(
    DATE_WORDS, SPACES, NUMBERS, st.sampled_from(["", "-", "–", ".", "/", ",", " "]),
    st.sampled_from(["", "12", "1952", "XII", "May"]), SPACES, DATE_WORDS, SPACES,
).map("".join)  # fmt: skip


@settings(max_examples=3000, derandomize=True, deadline=None)  # each case takes microseconds
@given(text=st.lists(DATE_PIECE, max_size=6).map("".join) | st.text())
def test_dates_are_found_where_a_full_search_finds_them(text):
    from tei_transcripts.enrich.dates import PATTERN, matches

    assert [m.span() for m in matches(text)] == [m.span() for m in PATTERN.finditer(text)]

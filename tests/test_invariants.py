# SPDX-License-Identifier: MIT
"""Properties every conversion has, needing no golden file."""

from __future__ import annotations

import json
import pathlib
import re
import textwrap

import pytest
from lxml import etree

from helpers import NS, convert_text, documents
from tei_transcripts import lossless
from tei_transcripts.cli import main
from tei_transcripts.pipeline import convert_source
from tei_transcripts.segment import Removed

ROOT = pathlib.Path(__file__).resolve().parent.parent
TRANSCRIPTS = sorted((ROOT / "transcripts").glob("*.txt"))
FIXTURES = sorted((ROOT / "tests" / "fixtures" / "convert").glob("*.txt"))


@pytest.mark.parametrize("source", TRANSCRIPTS, ids=[t.stem for t in TRANSCRIPTS])
def test_lossless_on_every_source(source, persons):
    """Every word of the source is in the TEI text once and in order, or is listed in the
    report as removed page furniture."""
    conversion = convert_source(str(source), persons, str(ROOT / "tei"))
    roots = [etree.fromstring(data) for data in conversion.outputs.values()]
    removed = [
        Removed(r["line"], r["text"], r["reason"], r["last_line"]) for r in conversion.report["removed"]
    ]
    lines = source.read_bytes().decode("utf-8-sig").replace("\r\n", "\n").split("\n")
    assert lossless.check(lines, removed, roots) is None
    removed_words = sum(len(lossless.WORD.findall(r.text)) for r in removed)
    all_words = len(lossless.WORD.findall(" ".join(lines)))
    assert removed_words <= 0.1 * all_words  # furniture is a small part of any transcript


def test_lossless_check_catches_a_dropped_word(persons, tmp_path):
    """The check is not vacuous: delete one word from a TEI file and it fails."""
    source = ROOT / "transcripts" / "stalin-zhou-enlai-1952-08-20.txt"
    conversion = convert_source(str(source), persons, str(ROOT / "tei"))
    ((name, data),) = conversion.outputs.items()
    damaged = data.replace(b"caoutchouc", b"", 1)
    assert damaged != data
    target = tmp_path / name
    target.write_bytes(damaged)
    assert main(["check", str(source), str(target)]) == 1
    target.write_bytes(data)
    assert main(["check", str(source), str(target)]) == 0


REPEATED_TITLE = """\
RECORD OF CONVERSATION BETWEEN STALIN AND ZHOU ENLAI

20 August 1952

Stalin. Good evening.

Zhou Enlai. Good evening, comrade.

RECORD OF CONVERSATION BETWEEN STALIN AND ZHOU ENLAI

Stalin. What news from Beijing?
"""


def test_check_knows_the_furniture_found_while_encoding(tmp_path, capsys):
    """A title repeated on a later page is removed while encoding, not while segmenting:
    the check finds it too, reading the transcript as the converter does or taking the
    conversion's report; a report that does not list the transcript cannot be used."""
    source = tmp_path / "repeated.txt"
    source.write_text(REPEATED_TITLE, encoding="utf-8")
    persons = str(ROOT / "tei" / "persons.xml")
    report = tmp_path / "report.json"
    assert (
        main(["convert", str(source), "--out", str(tmp_path), "--persons", persons, "--report", str(report)])
        == 0
    )
    target = str(tmp_path / "repeated.xml")
    assert main(["check", str(source), target, "--persons", persons]) == 0
    assert main(["check", str(source), target, "--report", str(report)]) == 0
    assert "all 24 words are in the TEI" in capsys.readouterr().err
    other = tmp_path / "other.json"
    other.write_text('[{"source": "elsewhere.txt", "removed": []}]', encoding="utf-8")
    assert main(["check", str(source), target, "--report", str(other)]) == 2
    assert "has no entry for" in capsys.readouterr().err
    other.write_text(
        f'[{{"source": {str(source)!r}, "removed": [{{"line": 9}}]}}]'.replace("'", '"'), encoding="utf-8"
    )
    assert main(["check", str(source), target, "--report", str(other)]) == 2
    assert "not as convert writes it" in capsys.readouterr().err


def test_check_reads_a_margin_s_numbers_by_their_columns(tmp_path, capsys):
    """A line's number in the margin is removed as a part of its line: the report gives its
    columns, the check blanks just those, and columns that do not hold the number make the
    check fail (the number is then a word the TEI lacks)."""
    source = ROOT / "tests" / "fixtures" / "convert" / "margin-numbers-on-text-lines-only.txt"
    persons = str(ROOT / "tei" / "persons.xml")
    report = tmp_path / "report.json"
    out = tmp_path / "out"
    assert (
        main(["convert", str(source), "--out", str(out), "--persons", persons, "--report", str(report)]) == 0
    )
    (entry,) = json.loads(report.read_text())
    margin = [r for r in entry["removed"] if r["reason"] == "line number in the margin"]
    assert [(r["line"], r["text"], r["columns"]) for r in margin[:2]] == [(4, "1", [1, 1]), (5, "2", [1, 1])]
    target = str(out / "margin-numbers-on-text-lines-only.xml")
    capsys.readouterr()
    assert main(["check", str(source), target, "--report", str(report)]) == 0
    assert main(["check", str(source), target, "--persons", persons]) == 0
    margin[0]["columns"] = [5, 7]  # "Kim": a word of the record, not the number
    report.write_text(json.dumps([entry]), encoding="utf-8")
    capsys.readouterr()
    assert main(["check", str(source), target, "--report", str(report)]) == 1
    assert f"{source}:4:0: error:" in capsys.readouterr().err


MINIFIED_PAGE = (
    "<html><body><nav><p>Skip to content</p></nav><h1>Record of Conversation between Stalin and"
    " Zhou Enlai</h1><p>20 August 1952</p><p><b>Stalin:</b> How are you?</p><p><b>Zhou Enlai:</b>"
    " Well, thank you.</p><p>Page 2</p><p><b>Stalin:</b> Good.</p></body></html>\n"
)


def test_check_reads_a_report_of_a_page_source_on_one_line(tmp_path, capsys):
    """A page's HTML source on one line is read as several lines; the report lists its
    furniture by the file's line, and the check finds it among the lines read, and names the
    file's line where the TEI departs from the source."""
    source = tmp_path / "page.txt"
    source.write_text(MINIFIED_PAGE, encoding="utf-8")
    persons = str(ROOT / "tei" / "persons.xml")
    report = tmp_path / "report.json"
    out = tmp_path / "out"
    assert (
        main(["convert", str(source), "--out", str(out), "--persons", persons, "--report", str(report)]) == 0
    )
    assert [r["text"] for r in json.loads(report.read_text())[0]["removed"]] == ["Skip to content", "Page 2"]
    target = out / "page.xml"
    capsys.readouterr()
    assert main(["check", str(source), str(target), "--report", str(report)]) == 0
    target.write_text(target.read_text(encoding="utf-8").replace("Good.", "Good. Bye."), encoding="utf-8")
    assert main(["check", str(source), str(target), "--report", str(report)]) == 1
    assert f"{source}:1:0: error:" in capsys.readouterr().err


@pytest.mark.parametrize(
    "change, line, expected, found",
    [
        (("caoutchouc", ""), 39, "caoutchouc", "natural"),  # a word dropped
        (("caoutchouc", "caoutchouc rubber"), 39, "natural", "rubber"),  # a word added
        (
            (
                'Fedorenko</persName> and <persName ref="#shi-zhe">Shi Zhe',
                'Shi Zhe</persName> and <persName ref="#fedorenko">Fedorenko',
            ),
            23,
            "Fedorenko",
            "Shi",
        ),  # reordered
    ],
)
def test_lossless_check_names_the_first_difference_and_its_line(persons, change, line, expected, found):
    source = ROOT / "transcripts" / "stalin-zhou-enlai-1952-08-20.txt"
    conversion = convert_source(str(source), persons, str(ROOT / "tei"))
    (data,) = conversion.outputs.values()
    damaged = data.replace(change[0].encode(), change[1].encode(), 1)
    assert damaged != data
    lines = source.read_text(encoding="utf-8").split("\n")
    loss = lossless.check(lines, [], [etree.fromstring(damaged)])
    assert loss is not None
    assert (loss.line, loss.expected.split()[0], loss.found.split()[0]) == (line, expected, found)


def test_conversion_is_deterministic(persons):
    for source in TRANSCRIPTS:
        first = convert_source(str(source), persons, str(ROOT / "tei")).outputs
        second = convert_source(str(source), persons, str(ROOT / "tei")).outputs
        assert first == second


def test_ids_stable_when_an_earlier_paragraph_changes(persons, tmp_path):
    text = (ROOT / "transcripts" / "stalin-zhou-enlai-1952-08-20.txt").read_text(encoding="utf-8")
    before = documents(convert_text(tmp_path, text, persons, name="a"))[0]
    edited = text.replace(
        "Stalin thanks Zhou Enlai and inquires", "Stalin warmly thanks Zhou Enlai and also inquires", 1
    )
    assert edited != text
    after = documents(convert_text(tmp_path, edited, persons, name="b"))[0]
    ids_before = [e.get("{http://www.w3.org/XML/1998/namespace}id") for e in before.iterfind(".//tei:sp", NS)]
    ids_after = [e.get("{http://www.w3.org/XML/1998/namespace}id") for e in after.iterfind(".//tei:sp", NS)]
    changed = [i for i, (a, b) in enumerate(zip(ids_before, ids_after)) if a != b]
    assert len(ids_before) == len(ids_after)
    assert changed == [1], "only the edited turn may change its id"


def test_ids_unique_and_well_formed():
    for path in ROOT.glob("tei/*.xml"):
        ids = etree.parse(str(path)).xpath("//@xml:id")
        assert len(ids) == len(set(ids)), path.name
        assert all(re.fullmatch(r"[A-Za-z_][\w.-]*", i) for i in ids)


def test_every_who_and_ref_resolves(persons):
    for path in ROOT.glob("tei/*.xml"):
        if path.name == "persons.xml":
            continue
        root = etree.parse(str(path)).getroot()
        local = set(root.xpath("//tei:particDesc//tei:person/@xml:id", namespaces=NS))
        for who in root.xpath("//tei:sp/@who", namespaces=NS):
            assert set(w.lstrip("#") for w in who.split()) <= local, (path.name, who)
        for ref in root.xpath("//tei:persName/@ref", namespaces=NS):
            target = ref.split("#")[1]
            assert (ref.startswith("#") and target in local) or (
                ref.startswith("persons.xml#") and target in persons
            ), ref
        assert root.get("{http://www.w3.org/XML/1998/namespace}id") == path.stem


def test_documents_and_odd_free_persons_are_valid_tei(tei_all):
    """Every committed TEI file, the personography included, is valid against TEI's tei_all."""
    for path in sorted(ROOT.glob("tei/*.xml")):
        assert tei_all.validate(etree.parse(str(path))), f"{path.name}: {tei_all.error_log.last_error}"


def test_fixture_outputs_are_valid_tei(tei_all, persons):
    for source in FIXTURES:
        for data in convert_source(str(source), persons, str(ROOT / "tei")).outputs.values():
            assert tei_all.validate(etree.fromstring(data)), f"{source.name}: {tei_all.error_log.last_error}"


# ---------------------------------------------------------------- the same text, laid out anew


def wrapped(paragraphs: list[str]) -> list[str]:
    return ["\n".join(textwrap.wrap(p, 72)) for p in paragraphs]


def with_page_furniture(text: str) -> str:
    """A PDF's running head and page number every 40 lines, CRLF line endings."""
    lines = []
    for number, line in enumerate(text.split("\n")):
        if number and number % 40 == 0:
            lines += ["", "CWIHP Bulletin, Issue 14/15", "", f"- {number // 40} -", ""]
        lines.append(line)
    return "\r\n".join(lines)


LAYOUTS = {
    "hard-wrapped": lambda paragraphs: "\n\n".join(wrapped(paragraphs)),
    "no-blank-lines": lambda paragraphs: "\n".join(paragraphs),
    "page-furniture-crlf": lambda paragraphs: with_page_furniture("\n\n".join(paragraphs)),
    # the hardest: wrapped with no blank line anywhere, paragraphs told apart only by where
    # lines stop and how turns begin (not for the file whose commentary needs the blank lines)
    "hard-wrapped-no-blank-lines": lambda paragraphs: "\n".join(wrapped(paragraphs)),
}
# Fixtures of layouts the bundled transcripts lack, re-laid the same way.
LAYOUT_FIXTURES = [
    ROOT / "tests" / "fixtures" / "convert" / f"{name}.txt"
    for name in (
        "quote-read-out",
        "labels-in-columns-tab",
        "presence-in-the-presence-of",
        "hereafter-in-attendance",
        "dates-title-roman-two-digit-year",
        "document-heading-begins-record",
        "author-answers-in-reported-speech",
        "role-label-two-interpreters",
        "two-records-with-introduction-short-labels-and-roles",
        "title-telegram-comma-forms",
        "signature-before-citation",
        "opinion-according-to",
        "repeated-long-sentence-is-not-furniture",
        "browser-printed-pdf-headers-and-footers",
        "embedded-speakers-after-opening-words",
        "chinese-minutes-time-place-fields-and-bracketed-stage",
        "dash-dialogue-and-place-in-the-dateline",
        "markdown-blockquote-with-bold-labels",
        "one-sided-title-other-party-in-third-person",
        "pronoun-named-in-parentheses-opens-a-turn",
        "place-after-the-date-and-hours",
        "participants-heading-without-a-colon",
        "labels-possessive-remarks-and-answers",
        "dateline-ordinal-day-with-the",
        "narrative-sides-not-persons",
        "markdown-footnotes-under-a-heading",
        "markdown-italic-asterisk-labels",
    )
]
CASES = [
    (source, layout)
    for source in TRANSCRIPTS + LAYOUT_FIXTURES
    for layout in LAYOUTS
    if not (layout == "hard-wrapped-no-blank-lines" and source.stem == "stalin-liu-shaoqi-1949")
]


def turns(conversion) -> list[str]:
    return [sp.get("who") or "" for root in documents(conversion) for sp in root.iterfind(".//tei:sp", NS)]


@pytest.mark.parametrize("source, layout", CASES, ids=[f"{s.stem}-{layout}" for s, layout in CASES])
def test_turns_do_not_depend_on_the_layout(source, layout, persons, tmp_path):
    """The same transcript copied from a PDF (hard-wrapped, page furniture) or a web page
    (one paragraph per line) gives the same turns, attributed to the same persons."""
    text = source.read_text(encoding="utf-8")
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    copy = tmp_path / source.name
    copy.write_bytes(LAYOUTS[layout](paragraphs).encode())
    if source.with_suffix(".toml").exists():
        copy.with_suffix(".toml").write_bytes(source.with_suffix(".toml").read_bytes())
    expected = turns(convert_source(str(source), persons, str(ROOT / "tei")))
    conversion = convert_source(str(copy), persons, str(ROOT / "tei"))
    assert not conversion.failed, [str(m) for m in conversion.messages if m.level == "error"]
    assert turns(conversion) == expected

# SPDX-License-Identifier: MIT
from __future__ import annotations

import pathlib

import pytest

from tei_transcripts.ingest import read_source
from tei_transcripts.messages import ConversionError, Reporter


def read(tmp_path, data: bytes):
    path = tmp_path / "t.txt"
    path.write_bytes(data)
    report = Reporter(str(path))
    return read_source(str(path), report), report


@pytest.mark.parametrize(
    "data, encoding",
    [
        ("Stalin. Привет.".encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + "Stalin. Привет.".encode("utf-8"), "utf-8-sig"),
        ("Stalin. Привет.".encode("utf-16"), "utf-16"),
        ("Stalin. Привет.".encode("utf-16-be").join([b"\xfe\xff", b""]), "utf-16"),
    ],
    ids=["utf8", "utf8-bom", "utf16-le-bom", "utf16-be-bom"],
)
def test_decodings(tmp_path, data, encoding):
    source, report = read(tmp_path, data)
    assert source.lines == ["Stalin. Привет."] and source.encoding == encoding


def test_utf16_without_bom_is_guessed_with_warning(tmp_path):
    source, report = read(tmp_path, "Stalin. Good morning, comrades.".encode("utf-16-le"))
    assert source.lines == ["Stalin. Good morning, comrades."]
    assert [m.code for m in report.messages] == ["encoding-guessed"]


def test_cp1252_fallback_reports_line(tmp_path):
    source, report = read(tmp_path, b"first line\nsecond \x93quoted\x94 line\n")
    assert source.lines[1] == "second “quoted” line"
    message = report.messages[0]
    assert (message.code, message.level, message.line) == ("encoding-fallback", "warning", 2)


def test_line_endings_and_spaces(tmp_path):
    source, report = read(tmp_path, "a\u00a0b\r\nc\u2009d\re\u200bf\n".encode())
    assert source.lines == ["a b", "c d", "ef", ""]
    assert {m.code for m in report.messages} == {"normalised"}


def test_html_character_references_are_decoded_and_reported(tmp_path):
    data = "first line\nStalin.&nbsp;We&#8217;d agree &amp; sign &#x2014; AT&T &foo; &amp\n".encode()
    source, report = read(tmp_path, data)
    # &nbsp; becomes a no-break space, then a plain one; unknown or unterminated ones stay
    assert source.lines == ["first line", "Stalin. We’d agree & sign — AT&T &foo; &amp", ""]
    (message,) = [m for m in report.messages if "HTML" in m.text]
    assert (message.code, message.line) == ("normalised", 2)
    assert message.text.startswith("4 HTML character references")


def test_mixed_script_word_is_reported_with_column(tmp_path):
    source, report = read(tmp_path, "comrs. Bulganin and Kумыkin".encode())
    assert source.lines == ["comrs. Bulganin and Kумыkin"]  # kept as printed
    (message,) = report.messages
    assert (message.code, message.line, message.column) == ("mixed-script", 1, 21)


def test_mixed_script_words_on_several_lines_each_reported(tmp_path):
    text = "Москва, no mix.\nfirst Kумыkin and Мoлотов here\n\nplain line\nlast: Kумыkin"
    _, report = read(tmp_path, text.encode())
    found = [(m.line, m.column, m.text.split("'")[1]) for m in report.messages if m.code == "mixed-script"]
    assert found == [(2, 7, "Kумыkin"), (2, 19, "Мoлотов"), (5, 7, "Kумыkin")]


@pytest.mark.parametrize(
    "data, code", [(b"", "empty"), (b"abc\x00def", "binary"), (b"\xef\xbb\xbf\xff\xfe", "bad-encoding")]
)
def test_refusals(tmp_path, data, code):
    with pytest.raises(ConversionError) as caught:
        read(tmp_path, data)
    assert caught.value.message.code == code


def test_html_source_is_read_as_the_text_it_shows(tmp_path):
    """Block tags part paragraphs (the line parted where one stands inside it), headings and
    list items become Markdown's, cells are parted by tabs, comments and scripts go, and the
    lines read map back to the file's lines."""
    source, report = read(
        tmp_path,
        b"<!-- saved page -->\n<h2>Record</h2><p>Stalin: Yes.</p><p>Mao: No.</p>\n"
        b"<script>var x = 1;\n</script><ul><li>Molotov</li></ul>\n"
        b"<table><tr><td>Stalin</td> <td>Good.</td></tr></table><br>\n"
        b'<p>See <a class="x" href="https://example.org/a?b=1">the page</a>, <span>Mol</span>otov.</p>\n',
    )
    assert source.lines == [
        "",
        "## Record",
        "",
        "Stalin: Yes.",
        "",
        "Mao: No.",
        "",
        "- Molotov",
        "Stalin\tGood.",
        "See [the page](https://example.org/a?b=1), Molotov.",
        "",
    ]
    assert [report.source_line(n) for n in range(1, 12)] == [1, 2, 2, 2, 2, 2, 3, 4, 5, 6, 7]
    assert [m.code for m in report.messages if m.level == "warning"] == ["html-code-removed"]


def test_angle_brackets_without_page_source_are_text(tmp_path):
    source, report = read(tmp_path, b"Stalin: the <sup>2</sup> marker, a<br>break and x < y > z.\n")
    assert source.lines == ["Stalin: the <sup>2</sup> marker, a<br>break and x < y > z.", ""]
    assert report.line_map is None


def test_markdown_tables_are_rows_of_cells(tmp_path):
    source, report = read(tmp_path, b"| Speaker | Words |\n|:--|--:|\n| Stalin | Yes. |\nStalin | no table\n")
    assert source.lines == ["Speaker\tWords", "", "Stalin\tYes.", "Stalin | no table", ""]
    assert [m.code for m in report.messages] == ["normalised"]


def test_messages_name_the_lines_of_the_file_after_html_parted_them(tmp_path):
    from tei_transcripts.persons import Personography
    from tei_transcripts.pipeline import convert_source

    path = tmp_path / "page.txt"
    path.write_text(
        "<html><body>\n<title>Record | Wilson Center Digital Archive</title>\n"
        "<h1>Record of a Conversation between Stalin and Zhou Enlai</h1><p>20 August 1952</p>"
        "<p>Stalin: Good.</p><p>Zorglub: Yes.</p></body></html>\n"
    )
    persons = Personography.load(str(pathlib.Path(__file__).parent.parent / "tei" / "persons.xml"))
    conversion = convert_source(str(path), persons, str(tmp_path))
    unknown = [m for m in conversion.messages if m.code == "unknown-speaker"]
    assert [m.line for m in unknown] == [3]
    assert conversion.report["removed"][0]["line"] == 2


def test_printed_variants_of_chinese_names():
    from tei_transcripts.persons import printed_variants

    assert {"Mao Ze-dong", "Mao Zedong"} <= printed_variants("Mao Zedong")
    assert "Mao Tsetung" in printed_variants("Mao Tse-tung")
    assert "Zhou En-lai" in printed_variants("Zhou Enlai")
    # names that part into no two pinyin syllables, or not after a family name, get no hyphen
    for name in ("Iosif Stalin", "V.I. Lenin", "Andrei Vyshinskii", "Kim Il Sung", "Shi Zhe"):
        assert not any("-" in variant for variant in printed_variants(name)), name

# SPDX-License-Identifier: MIT
"""The web and print editions: goldens per direction, text preservation, the PDF read back,
any TEI, validation before rendering. (The browser tests are in test_browser.py.)"""

from __future__ import annotations

import collections
import json
import pathlib
import re
import shutil

import lxml.html
import pypdf
import pytest
from lxml import etree

from helpers import NS, assert_golden, xpath
from tei_transcripts import render
from tei_transcripts.cli import main
from tei_transcripts.render.pdf import render_pdf, typst_source, volume_source
from tei_transcripts.render.site import render_site

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
TEI_DIR = ROOT / "tei"
PERSONS = str(TEI_DIR / "persons.xml")
DOCUMENTS = sorted(p for p in TEI_DIR.glob("*.xml") if p.name != "persons.xml")
GOLDEN = ROOT / "tests" / "golden"
SPECIAL = "# $ * _ @ < > [ ] \\ \" ' // -- ... ~ `x` = + & ; {} ` é ñ ø ç ő Žukov Жуков Ёлкин"


def words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+|\d+", text)  # letters and digits apart: "CC²" → CC, 2


def missing_from_pdf(texts: list[str], pdf_text: str) -> list[str]:
    """The words of `texts` the PDF's text lacks: every letter word as often as in the TEI;
    every number somewhere (text extraction runs a page number into the number beside it)."""
    tei = collections.Counter(w for t in texts for w in words(t))
    pdf = collections.Counter(words(pdf_text))
    missing = collections.Counter({w: n for w, n in tei.items() if not w.isdigit()}) - pdf
    return sorted(missing) + sorted(w for w in tei if w.isdigit() and w not in pdf_text)


def squeeze(text: str) -> str:
    return " ".join(text.split())


def tei_text_nodes(path: pathlib.Path) -> list[str]:
    root = etree.parse(str(path)).getroot()
    return [squeeze(t) for t in root.xpath("//tei:text//text()", namespaces=NS) if t.strip()]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> pathlib.Path:
    out = tmp_path_factory.mktemp("site")
    assert main(["render", str(TEI_DIR), "--to", "html", "--out", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def print_edition(tmp_path_factory) -> pathlib.Path:
    out = tmp_path_factory.mktemp("print")
    assert main(["render", str(TEI_DIR), "--to", "pdf", "--out", str(out)]) == 0
    return out


def pdf_pages(path: pathlib.Path) -> list[str]:
    return [page.extract_text() or "" for page in pypdf.PdfReader(str(path)).pages]


# ---------------------------------------------------------------- goldens, per direction


@pytest.mark.parametrize("path", DOCUMENTS, ids=[p.stem for p in DOCUMENTS])
def test_html_golden(path, site, update_golden):
    assert_golden(
        GOLDEN / "html" / f"{path.stem}.html", (site / f"{path.stem}.html").read_bytes(), update_golden
    )


@pytest.mark.parametrize("page", ["index", "persons", "search"])
def test_corpus_pages_golden(page, site, update_golden):
    assert_golden(GOLDEN / "html" / f"{page}.html", (site / f"{page}.html").read_bytes(), update_golden)


@pytest.mark.parametrize("path", DOCUMENTS, ids=[p.stem for p in DOCUMENTS])
def test_typst_golden(path, update_golden):
    source = typst_source(render.load([str(path)])[0])
    assert_golden(GOLDEN / "typst" / f"{path.stem}.typ", source.encode("utf-8"), update_golden)


def test_volume_typst_golden(update_golden):
    source = volume_source(render.load([str(p) for p in DOCUMENTS]), PERSONS)
    assert_golden(GOLDEN / "typst" / "volume.typ", source.encode("utf-8"), update_golden)


# ---------------------------------------------------------------- nothing is lost


@pytest.mark.parametrize("path", DOCUMENTS, ids=[p.stem for p in DOCUMENTS])
def test_every_text_node_is_in_the_html(path, site):
    page = lxml.html.parse(str(site / f"{path.stem}.html")).getroot()
    shown = squeeze(page.body.text_content())
    missing = [t for t in tei_text_nodes(path) if t not in shown]
    assert not missing, missing[:5]


@pytest.mark.parametrize("path", DOCUMENTS, ids=[p.stem for p in DOCUMENTS])
def test_every_word_is_in_the_pdf(path, print_edition):
    texts = tei_text_nodes(path)
    assert texts and not missing_from_pdf(texts, " ".join(pdf_pages(print_edition / f"{path.stem}.pdf")))


def test_volume_holds_every_word(print_edition):
    texts = [t for p in DOCUMENTS for t in tei_text_nodes(p)]
    assert not missing_from_pdf(texts, " ".join(pdf_pages(print_edition / "volume.pdf")))


def _with_paragraph(tmp_path: pathlib.Path, text: str) -> pathlib.Path:
    """A copy of a project document whose first turn says `text`."""
    tree = etree.parse(str(DOCUMENTS[0]))
    paragraph = xpath(tree, "//tei:body//tei:sp//tei:p")[0]
    for child in list(paragraph):
        paragraph.remove(child)
    paragraph.text = text
    target = tmp_path / DOCUMENTS[0].name
    tree.write(str(target), encoding="UTF-8", xml_declaration=True)
    return target


def test_special_characters_print_literally(tmp_path):
    """Nothing in TEI text is Typst markup or code: every character comes out as written."""
    hostile = SPECIAL + ' #import "x" ] [ #set page(paper: "a5") \\" end'
    path = _with_paragraph(tmp_path, hostile)
    documents = render.load([str(path)])
    written, messages = render_pdf(documents, str(tmp_path / "pdf"), PERSONS, volume=False)
    assert not [m for m in messages if m.code == "missing-glyph"], [str(m) for m in messages]
    text = squeeze(" ".join(pdf_pages(pathlib.Path(written[0]))))
    assert squeeze(hostile) in text
    reader = pypdf.PdfReader(written[0])
    assert round(float(reader.pages[0].mediabox.width)) == 595  # A4: the TEI's "#set page" did nothing
    render_site(documents, str(tmp_path / "site"), PERSONS)
    page = lxml.html.parse(str(tmp_path / "site" / f"{documents[0].name}.html")).getroot()
    assert squeeze(hostile) in squeeze(page.body.text_content())


def test_missing_glyphs_are_reported_and_a_font_folder_fills_them(tmp_path, capsys):
    path = _with_paragraph(tmp_path, "Chinese 你好 and Ogham ᚁ")
    out = tmp_path / "pdf"
    assert main(["render", str(path), "--to", "pdf", "--out", str(out), "--no-validate", "--no-volume"]) == 0
    err = capsys.readouterr().err
    for code in ("U+4F60", "U+597D", "U+1681"):
        assert f"warning: no font has a glyph for {code}" in err
    assert f"{path}:" in err  # located in the file
    dejavu = pathlib.Path("/usr/share/fonts/truetype/dejavu")
    if not (dejavu / "DejaVuSans.ttf").exists():
        pytest.skip("Debian's fonts-dejavu-core is not installed")
    assert (
        main(
            [
                "render",
                str(path),
                "--to",
                "pdf",
                "--out",
                str(out),
                "--no-validate",
                "--no-volume",
                "--font-dir",
                str(dejavu),
            ]
        )
        == 0
    )
    err = capsys.readouterr().err
    assert "U+1681" not in err  # DejaVu Sans has Ogham
    assert "U+4F60" in err  # but not Chinese


def test_characters_that_are_never_printed_need_no_glyph(tmp_path, capsys):
    """An id or a key with a letter no font has is a string in the Typst source, but it is
    never printed: no warning (the same letter in the text is reported, above)."""
    path = _with_paragraph(tmp_path, "Plain words.")
    text = path.read_text(encoding="utf-8")
    (tmp_path / "persons.xml").write_bytes((ROOT / "tei" / "persons.xml").read_bytes())
    path.write_text(
        text.replace('<persName ref="#stalin">', '<persName ref="persons.xml#ᚁᚂ">'), encoding="utf-8"
    )
    documents = render.load([str(path)])
    assert 'mention("ᚁᚂ")' in typst_source(documents[0])  # a key, in the source, not printed
    out = tmp_path / "pdf"
    assert main(["render", str(path), "--to", "pdf", "--out", str(out), "--no-validate", "--no-volume"]) == 0
    assert "missing-glyph" not in capsys.readouterr().err


def test_a_letter_only_in_keys_and_unprinted_text_needs_no_glyph(tmp_path, capsys):
    """The hyphen of this record is only in person keys ("mao-zedong"), ids and the header's
    "tei-transcripts", none of them printed: it is not reported as missing."""
    source = ROOT / "tests" / "fixtures" / "convert" / "honorific-labels-and-marker-after-a-name.txt"
    (tmp_path / "persons.xml").write_bytes((ROOT / "tei" / "persons.xml").read_bytes())
    assert (
        main(["convert", str(source), "--out", str(tmp_path), "--persons", str(tmp_path / "persons.xml")])
        == 0
    )
    (path,) = tmp_path.glob("honorific-*.xml")
    body = etree.parse(str(path)).find(".//tei:body", NS)
    assert "-" not in "".join(body.itertext()) and "-" in path.read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["render", str(path), "--to", "pdf", "--out", str(tmp_path / "pdf"), "--no-volume"]) == 0
    assert "missing-glyph" not in capsys.readouterr().err


def converted_fixture(name: str, folder: pathlib.Path) -> list:
    """A convert fixture converted into `folder` beside a copy of the personography, loaded
    for rendering: its document, or its records' ("NAME-1.xml", "NAME-2.xml")."""
    source = ROOT / "tests" / "fixtures" / "convert" / f"{name}.txt"
    (folder / "persons.xml").write_bytes((ROOT / "tei" / "persons.xml").read_bytes())
    assert main(["convert", str(source), "--out", str(folder), "--persons", str(folder / "persons.xml")]) == 0
    written = [folder / f"{name}.xml"] if (folder / f"{name}.xml").exists() else []
    written += sorted(folder.glob(f"{name}-[0-9]*.xml"), key=lambda path: int(path.stem.rsplit("-", 1)[1]))
    return render.load([str(path) for path in written])


def test_stage_directions_are_set_apart_in_both_editions(tmp_path):
    documents = converted_fixture("stage-directions-in-speech", tmp_path)
    render_site(documents, str(tmp_path / "site"), str(tmp_path / "persons.xml"))
    page = lxml.html.parse(str(tmp_path / "site" / "stage-directions-in-speech.html")).getroot()
    stages = page.xpath("//*[@class='stage']")
    assert [(s.tag, s.text_content()) for s in stages] == [
        ("span", "(Laughs.)"),
        ("span", "(After a pause.)"),
        ("span", "(General laughter.)"),
        ("span", "(Applause.)"),
    ]
    assert stages[0].getparent().tag == "p"  # inside the turn's paragraph, not a block of its own
    source_text = typst_source(documents[0])
    assert '#emph[#"(Laughs.)";]' in source_text
    written, _ = render_pdf(documents, str(tmp_path / "pdf"), str(tmp_path / "persons.xml"), volume=False)
    text = squeeze(" ".join(pdf_pages(pathlib.Path(written[0]))))
    assert squeeze("We must change the treaty (the treaty of 1945). (Laughs.) The Americans") in text


def test_stage_directions_between_turns_are_blocks_in_italics(tmp_path):
    """ "*Mao Zedong laughs.*" between turns: a block of its own in both editions, in italics
    once (its printed italics do not turn it upright again in Typst)."""
    documents = converted_fixture("stage-between-turns-in-italics", tmp_path)
    render_site(documents, str(tmp_path / "site"), str(tmp_path / "persons.xml"))
    page = lxml.html.parse(str(tmp_path / "site" / "stage-between-turns-in-italics.html")).getroot()
    stages = page.xpath("//*[@class='stage']")
    assert [(s.tag, s.text_content()) for s in stages] == [("p", "Mao Zedong laughs.")]
    source_text = typst_source(documents[0])
    stage = re.search(r"#emph\[(.*?laughs\.[^\]]*)\]", source_text)
    assert stage and "#emph" not in stage.group(1), source_text


def test_the_source_web_address_is_a_link_in_the_record_panel(tmp_path):
    name = "web-page-document-with-page-title-citation-and-journal-title"
    documents = converted_fixture(name, tmp_path)
    render_site(documents, str(tmp_path / "site"), str(tmp_path / "persons.xml"))
    page = lxml.html.parse(str(tmp_path / "site" / f"{name}.html")).getroot()
    (link,) = page.xpath("//dt[. = 'Online']/following-sibling::dd[1]/a")
    assert link.get("href") == "https://digitalarchive.wilsoncenter.org/document/111245"


def test_links_of_the_source_are_links_in_both_editions(tmp_path):
    """A Markdown link of the transcript: a link of the web page and of the PDF, its words
    printed, its address not (and needing no glyph)."""
    documents = converted_fixture("markdown-links", tmp_path)
    render_site(documents, str(tmp_path / "site"), str(tmp_path / "persons.xml"))
    page = lxml.html.parse(str(tmp_path / "site" / "markdown-links.html")).getroot()
    links = [(a.get("href"), a.text_content()) for a in page.xpath("//main//p//a[not(@class)]")]
    assert ("https://example.org/machinery", "machinery") in links
    assert ("mailto:office@example.org", "mailto") in links
    written, messages = render_pdf(
        documents, str(tmp_path / "pdf"), str(tmp_path / "persons.xml"), volume=False
    )
    assert [m for m in messages if m.code == "missing-glyph"] == []
    reader = pypdf.PdfReader(written[0])
    targets = {
        annotation.get_object()["/A"].get("/URI")
        for pdf_page in reader.pages
        for annotation in pdf_page.get("/Annots") or []
        if "/A" in annotation.get_object()
    }
    assert {"https://example.org/machinery", "mailto:office@example.org"} <= targets
    text = squeeze(" ".join(pdf_pages(pathlib.Path(written[0]))))
    assert squeeze("we need help with machinery and mailto.") in text
    assert "example.org/machinery" not in text


def test_words_broken_at_line_ends_are_whole_in_both_editions(tmp_path):
    """ "econo<lb break="no" rend="hyphen"/>my": "economy" on the web page and in the PDF, no
    line break and no hyphen where the source's line ended."""
    documents = converted_fixture("hyphen-broken-words", tmp_path)
    render_site(documents, str(tmp_path / "site"), str(tmp_path / "persons.xml"))
    page = lxml.html.parse(str(tmp_path / "site" / "hyphen-broken-words.html")).getroot()
    (paragraph,) = page.xpath("//main//p[contains(., 'pre-war levels')]")
    assert (
        "the economy back to pre-war levels and to stabilize the country in general."
        in paragraph.text_content()
    )
    assert not paragraph.xpath(".//br")
    written, _ = render_pdf(documents, str(tmp_path / "pdf"), str(tmp_path / "persons.xml"), volume=False)
    words = " ".join(pdf_pages(pathlib.Path(written[0]))).split()
    assert {"economy", "general.", "Union", "actually", "conclude"} <= set(words)
    assert not {"econo", "econo-", "gen-", "Uni-", "con-"} & set(words)


def test_notes_in_parentheses_keep_them_in_both_editions(tmp_path):
    """ "(Interpreter's note: …)": an insertion in parentheses, not brackets, in both editions."""
    documents = converted_fixture("notes-in-parentheses", tmp_path)
    render_site(documents, str(tmp_path / "site"), str(tmp_path / "persons.xml"))
    page = lxml.html.parse(str(tmp_path / "site" / "notes-in-parentheses.html")).getroot()
    insertions = [span.text_content() for span in page.xpath("//main//span[contains(@class, 'insertion-')]")]
    assert "(Translator's note: the text of the original is damaged here.)" in insertions
    assert all(text.startswith("(") and text.endswith(")") for text in insertions), insertions
    written, _ = render_pdf(documents, str(tmp_path / "pdf"), str(tmp_path / "persons.xml"), volume=False)
    text = squeeze(" ".join(pdf_pages(pathlib.Path(written[0]))))
    assert squeeze("we repaired the dikes (Editor's note: see the report of 2 August 1952).") in text
    assert "[Editor" not in text


def test_a_participant_without_a_role_is_printed_without_one(tmp_path):
    """The header's row of a side: "Stalin (principal); Vyshinskii" — no empty parentheses for
    a participant after one with a role (each person's own role is read)."""
    documents = converted_fixture("labels-question-and-answer-in-bold", tmp_path)
    written, _ = render_pdf(documents, str(tmp_path / "pdf"), str(tmp_path / "persons.xml"), volume=False)
    text = squeeze(" ".join(pdf_pages(pathlib.Path(written[0]))))
    assert squeeze("Iosif Vissarionovich Stalin (principal); Andrei Yanuarevich Vyshinskii") in text
    assert "()" not in text


def test_time_stamps_are_printed_in_both_editions(tmp_path):
    """ "[22:00] Stalin:": the stamp stays in the label on the page and in the PDF."""
    documents = converted_fixture("time-stamps-before-labels", tmp_path)
    render_site(documents, str(tmp_path / "site"), str(tmp_path / "persons.xml"))
    page = lxml.html.parse(str(tmp_path / "site" / "time-stamps-before-labels.html")).getroot()
    labels = [squeeze(label.text_content()) for label in page.xpath("//main//*[contains(@class, 'speaker')]")]
    assert squeeze("[22:00] Stalin:") in labels and squeeze("(22:15) Zhou Enlai:") in labels, labels
    written, _ = render_pdf(documents, str(tmp_path / "pdf"), str(tmp_path / "persons.xml"), volume=False)
    text = " ".join(pdf_pages(pathlib.Path(written[0])))
    assert "[22:00]" in text and "22:05" in text


def test_a_space_between_two_elements_is_printed(tmp_path):
    """ "<hi>Date:</hi> <date>…</date>": the space between them is kept in print."""
    documents = converted_fixture("translator-credit-bold-field", tmp_path)
    written, _ = render_pdf(documents, str(tmp_path / "pdf"), str(tmp_path / "persons.xml"), volume=False)
    text = " ".join(pdf_pages(pathlib.Path(written[0])))
    assert "Date: December 16, 1949" in text
    assert "Date:December" not in text


def test_footnotes_kept_where_printed_are_shown_once(tmp_path):
    """Footnotes at the foot of a PDF page stay in the text where they were printed; each is
    shown once, through its marker, in both editions."""
    documents = converted_fixture("footnotes-at-the-foot-of-pdf-pages", tmp_path)
    render_site(documents, str(tmp_path / "site"), str(tmp_path / "persons.xml"))
    page = lxml.html.parse(str(tmp_path / "site" / "footnotes-at-the-foot-of-pdf-pages.html")).getroot()
    assert [b.text_content() for b in page.xpath("//button[@class='note-marker']")] == ["¹", "²"]
    assert len(page.xpath("//section[@class='footnotes']//li")) == 2
    written, _ = render_pdf(documents, str(tmp_path / "pdf"), str(tmp_path / "persons.xml"), volume=False)
    text = squeeze(" ".join(pdf_pages(pathlib.Path(written[0]))))
    assert text.count("The Sino-Soviet treaty of 14 August 1945.") == 1
    assert squeeze("We must decide what to do with it now.") in text


# ---------------------------------------------------------------- the PDF read back


def test_pdf_is_tagged_and_fonts_embedded(print_edition):
    for pdf in sorted(print_edition.glob("*.pdf")):
        reader = pypdf.PdfReader(str(pdf))
        catalog = reader.trailer["/Root"]
        assert "/StructTreeRoot" in catalog and catalog["/MarkInfo"]["/Marked"], pdf.name
        fonts = {}
        for page in reader.pages:
            for name, font in page["/Resources"].get("/Font", {}).items():
                fonts[name] = font.get_object()
        assert fonts
        for font in fonts.values():
            descriptor = (font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font)[
                "/FontDescriptor"
            ]
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), font["/BaseFont"]


def test_contents_page_numbers_point_at_each_record(print_edition):
    pages = pdf_pages(print_edition / "volume.pdf")
    contents = squeeze(pages[1])
    assert contents.startswith("Contents")
    for path in DOCUMENTS:
        title = squeeze(etree.parse(str(path)).findtext(".//{*}titleStmt/{*}title[@type='main']"))
        found = re.search(re.escape(title) + r"[ .]*(\d+)", contents)
        assert found, title
        assert squeeze(pages[int(found.group(1)) - 1]).startswith(title), (title, found.group(1))


def test_running_heads_name_the_record_and_date(print_edition):
    checked = 0
    for path in DOCUMENTS:
        pages = pdf_pages(print_edition / f"{path.stem}.pdf")
        tree = etree.parse(str(path))
        title = squeeze(tree.findtext(".//{*}titleStmt/{*}title[@type='main']"))
        date = squeeze(
            tree.findtext(".//{*}settingDesc//{*}date") or tree.findtext(".//{*}sourceDesc//{*}date")
        )
        assert not squeeze(pages[0]).startswith(title + " " + date)  # none on a record's first page
        for number, text in enumerate(pages[1:], start=2):
            assert squeeze(text).startswith(title), (path.name, number)
            assert date in squeeze(text)[: len(title) + len(date) + 5]
            assert squeeze(text).endswith(str(number))  # the page number at the foot
            checked += 1
    assert checked >= 5


def test_footnotes_are_on_the_page_of_their_marker(print_edition):
    checked = 0
    for path in DOCUMENTS:
        tree = etree.parse(str(path))
        refs = xpath(tree, "//tei:text//tei:ref[@type='footnote'][starts-with(@target, '#')]")
        if not refs:
            continue
        pages = [squeeze(t) for t in pdf_pages(print_edition / f"{path.stem}.pdf")]
        for ref in refs:
            note = xpath(tree, f"//tei:note[@xml:id='{ref.get('target')[1:]}']")[0]
            context = " ".join(words(squeeze("".join(ref.getparent().itertext()).split(ref.text)[0]))[-3:])
            note_start = " ".join(words("".join(note.itertext()))[:6])
            marker_pages = [
                i for i, p in enumerate(pages) if " ".join(words(p)).find(context + " " + ref.text) >= 0
            ]
            assert marker_pages, (path.name, context)
            assert any(note_start in " ".join(words(pages[i])) for i in marker_pages), (path.name, ref.text)
            checked += 1
    assert checked >= 1


def test_index_of_persons_page_numbers_are_right(print_edition):
    """Every page the index gives for a person shows one of the forms of their name."""
    pages = [squeeze(t) for t in pdf_pages(print_edition / "volume.pdf")]
    index_start = max(i for i, p in enumerate(pages) if p.startswith("Index of persons"))
    index_text = " ".join(pages[index_start:])
    forms = collections.defaultdict(set)  # person key → names as printed
    persons = etree.parse(PERSONS)
    for person in persons.iterfind(".//{*}person"):
        for name in person.iterfind("{*}persName"):
            forms[person.get("{http://www.w3.org/XML/1998/namespace}id")].add(squeeze(name.text or ""))
    for path in DOCUMENTS:
        tree = etree.parse(str(path))
        for name in xpath(tree, "//tei:text//tei:persName[@ref]"):
            key = name.get("ref").split("#")[-1]
            local = xpath(tree, f"//tei:particDesc//tei:person[@xml:id='{key}']/@corresp")
            forms[local[0].split("#")[-1] if local else key].add(squeeze("".join(name.itertext())))
        for speaker in xpath(tree, "//tei:sp/tei:speaker"):
            for who in speaker.getparent().get("who", "").split():
                local = xpath(tree, f"//tei:particDesc//tei:person[@xml:id='{who[1:]}']/@corresp")
                forms[local[0].split("#")[-1] if local else who[1:]].add(squeeze("".join(speaker.itertext())))
    main_names = {
        squeeze(p.findtext("{*}persName")): p.get("{http://www.w3.org/XML/1998/namespace}id")
        for p in persons.iterfind(".//{*}person")
    }
    checked = 0
    for name, key in main_names.items():
        entry = re.search(re.escape(name) + r" ((?:\d+, )*\d+)", index_text)
        if not entry:
            continue
        for number in (int(n) for n in entry.group(1).split(", ")):
            page = pages[number - 1].lower()
            assert any(form.lower() in page for form in forms[key] if form), (name, number)
            checked += 1
    assert checked > 50


def test_pdf_and_html_are_deterministic(tmp_path, site, print_edition):
    again = tmp_path / "again"
    assert main(["render", str(TEI_DIR), "--to", "pdf", "--out", str(again / "print")]) == 0
    assert main(["render", str(TEI_DIR), "--to", "html", "--out", str(again / "site")]) == 0
    for first, second in ((print_edition, again / "print"), (site, again / "site")):
        files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
        assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
        for name in files:
            assert (first / name).read_bytes() == (second / name).read_bytes(), name


# ---------------------------------------------------------------- validation first


def test_render_refuses_invalid_tei(tmp_path, capsys):
    tree = etree.parse(str(DOCUMENTS[0]))
    xpath(tree, "//tei:sp")[0].set("who", "#nobody")
    bad = tmp_path / DOCUMENTS[0].name
    tree.write(str(bad), encoding="UTF-8")
    out = tmp_path / "out"
    for target in ("html", "pdf"):
        assert main(["render", str(bad), "--to", target, "--out", str(out)]) == 1
        err = capsys.readouterr().err
        assert "[who-resolves]" in err and "nothing rendered" in err and f"{bad}:" in err
        assert not out.exists()
    assert main(["render", str(bad), "--to", "html", "--out", str(out), "--no-validate"]) == 0
    assert (out / f"{DOCUMENTS[0].stem}.html").exists()


def test_render_reports_bad_input_cleanly(tmp_path, capsys):
    broken = tmp_path / "broken.xml"
    broken.write_text("<TEI xmlns='http://www.tei-c.org/ns/1.0'><teiHeader>", encoding="utf-8")
    assert main(["render", str(broken), "--to", "html", "--out", str(tmp_path / "o"), "--no-validate"]) == 2
    assert "broken.xml:1:" in capsys.readouterr().err
    assert main(["render", str(tmp_path / "absent.xml"), "--to", "pdf", "--out", str(tmp_path / "o")]) == 2
    assert "[no-input]" in capsys.readouterr().err
    assert (
        main(
            [
                "render",
                str(DOCUMENTS[0]),
                "--to",
                "pdf",
                "--out",
                str(tmp_path / "o"),
                "--font-dir",
                str(tmp_path / "nofonts"),
            ]
        )
        == 2
    )
    assert "[font-dir-missing]" in capsys.readouterr().err


def test_output_names_are_safe_and_distinct(tmp_path):
    assert render.safe_name("x/index.xml", "index") == "doc-index"
    assert render.safe_name("../../etc/p a\u0000ss wd.xml", None) == "p-a-ss-wd"
    assert render.unique_names([("a/x.xml", "x"), ("b/x.xml", "X"), ("y.xml", "x")]) == ["x", "X-2", "x-3"]
    copies = []
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        copies.append(str(shutil.copy(DOCUMENTS[0], tmp_path / folder)))
    names = [d.name for d in render.load(copies)]
    assert len(set(names)) == 2


# ---------------------------------------------------------------- any TEI, not only ours


def _foreign_documents() -> list[pathlib.Path]:
    manifest = SHARED / "corpus" / "MANIFEST.tsv"
    if not manifest.exists():
        return []
    rows = [
        line.split("\t") for line in manifest.read_text(encoding="utf-8").splitlines()[1:] if line.strip()
    ]
    return [SHARED / "corpus" / row[0] for row in rows if row[5] == "yes"]


FOREIGN = _foreign_documents()


@pytest.mark.skipif(not FOREIGN, reason="../shared/corpus is not beside this checkout")
def test_foreign_tei_keeps_every_text_node_in_html(tmp_path):
    out = tmp_path / "site"
    assert main(["render", *map(str, FOREIGN), "--to", "html", "--out", str(out), "--no-validate"]) == 0
    documents = render.load([str(p) for p in FOREIGN])
    for path, document in zip(FOREIGN, documents):
        shown = squeeze(lxml.html.parse(str(out / f"{document.name}.html")).getroot().body.text_content())
        missing = [t for t in tei_text_nodes(path) if t not in shown]
        assert not missing, (path.name, missing[:3])


@pytest.mark.skipif(not FOREIGN, reason="../shared/corpus is not beside this checkout")
def test_foreign_tei_keeps_every_word_in_pdf(tmp_path):
    smallest = sorted(FOREIGN, key=lambda p: p.stat().st_size)[:4]
    documents = render.load([str(p) for p in smallest])
    written, _ = render_pdf(documents, str(tmp_path), None, volume=False)
    for path, pdf in zip(smallest, written):
        missing = missing_from_pdf(tei_text_nodes(path), " ".join(pdf_pages(pathlib.Path(pdf))))
        assert not missing, (path.name, missing[:5])


def test_unknown_elements_fall_back_to_their_text(tmp_path):
    tree = etree.parse(str(DOCUMENTS[0]))
    paragraph = xpath(tree, "//tei:body//tei:sp//tei:p")[0]
    odd = etree.SubElement(paragraph, "{http://www.tei-c.org/ns/1.0}unclear")
    odd.text = "zebra-quagga"
    other = etree.SubElement(odd, "{urn:example}thing")
    other.text = "okapi-giraffe"
    path = tmp_path / DOCUMENTS[0].name
    tree.write(str(path), encoding="UTF-8")
    documents = render.load([str(path)])
    render_site(documents, str(tmp_path / "site"), PERSONS)
    html = (tmp_path / "site" / f"{documents[0].name}.html").read_text(encoding="utf-8")
    assert "zebra-quagga" in html and "okapi-giraffe" in html
    assert '#"zebra-quagga";' in typst_source(documents[0]) and '#"okapi-giraffe";' in typst_source(
        documents[0]
    )


def test_duplicate_ids_are_reported_by_validation_and_rendered_without_validation(tmp_path, capsys):
    """An id used twice is a fault of validity, not of well-formedness: validation names it,
    and `--no-validate` renders the document (its first element of that id answers)."""
    tree = etree.parse(str(DOCUMENTS[0]))
    people = xpath(tree, "//tei:particDesc//tei:person")
    people[1].set(
        "{http://www.w3.org/XML/1998/namespace}id", people[0].get("{http://www.w3.org/XML/1998/namespace}id")
    )
    copy = tmp_path / DOCUMENTS[0].name
    tree.write(str(copy), encoding="UTF-8")
    shutil.copy(ROOT / "tei" / "persons.xml", tmp_path / "persons.xml")
    assert main(["validate", str(copy)]) == 1
    report = capsys.readouterr().out
    assert "[id-unique]" in report and "schematron-failed" not in report
    out = tmp_path / "out"
    for target in ("html", "pdf"):
        assert main(["render", str(copy), "--to", target, "--no-validate", "--out", str(out)]) == 0, (
            capsys.readouterr().err
        )
    assert (out / f"{DOCUMENTS[0].stem}.html").exists() and (out / f"{DOCUMENTS[0].stem}.pdf").exists()


def test_a_document_whose_root_is_not_tei_is_refused(tmp_path, capsys):
    """A TEI element other than <TEI> or <teiCorpus> at the root (a lone teiHeader) makes no
    page."""
    header = tmp_path / "header.xml"
    header.write_text(
        '<teiHeader xmlns="http://www.tei-c.org/ns/1.0"><fileDesc/></teiHeader>', encoding="utf-8"
    )
    for target in ("html", "pdf"):
        assert (
            main(["render", str(header), "--to", target, "--no-validate", "--out", str(tmp_path / "o")]) == 2
        )
        assert f"{header}:1:1: error: the root element is <teiHeader>" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


def test_only_the_personography_file_names_a_person_key(tmp_path):
    """'persons.xml#churchill' names a person of the personography; 'personsXxml#churchill'
    (which a regular expression built from the file name would also match) does not."""
    source = (ROOT / "tei" / "stalin-zhou-enlai-1952-09-19.xml").read_text(encoding="utf-8")
    for ref, linked in (("persons.xml#churchill", True), ("personsXxml#churchill", False)):
        path = tmp_path / "stalin-zhou-enlai-1952-09-19.xml"
        path.write_text(source.replace('ref="persons.xml#churchill"', f'ref="{ref}"'), encoding="utf-8")
        site = tmp_path / ref
        render_site(render.load([str(path)]), str(site), PERSONS)
        page = (site / "stalin-zhou-enlai-1952-09-19.html").read_text(encoding="utf-8")
        assert ('href="persons.html#churchill"' in page) == linked, ref


def _links_resolve(site: pathlib.Path) -> list[str]:
    """Every link from the persons page and the search index to a turn, that finds no
    element with that id on the page it names."""
    ids: dict[str, set[str]] = {}

    def resolves(page: str, fragment: str) -> bool:
        if page not in ids:
            ids[page] = set(lxml.html.parse(str(site / page)).getroot().xpath("//@id"))
        return fragment in ids[page]

    persons = lxml.html.parse(str(site / "persons.html")).getroot()
    targets = [a.get("href").split("#", 1) for a in persons.xpath("//a[@class='turn-link']")]
    text = (site / "assets" / "search-index.js").read_text(encoding="utf-8")
    index = json.loads(text.removeprefix("window.teiSearchIndex = ").rstrip().removesuffix(";"))
    targets += [[index["docs"][turn[0]]["page"], turn[1]] for turn in index["turns"]]
    assert targets
    return [f"{page}#{fragment}" for page, fragment in targets if not resolves(page, fragment)]


def test_turn_links_resolve_when_turns_have_no_ids(tmp_path):
    """Turns without an xml:id are numbered within their document, on its page and on the
    pages that link to them (a corpus-wide count once sent every link after the first
    document to a turn that is not there)."""
    paths = []
    for source in DOCUMENTS[:3]:
        root = etree.parse(str(source)).getroot()
        for sp in root.iter(f"{{{NS['tei']}}}sp"):
            sp.attrib.pop("{http://www.w3.org/XML/1998/namespace}id", None)
        paths.append(tmp_path / source.name)
        etree.ElementTree(root).write(str(paths[-1]), encoding="UTF-8", xml_declaration=True)
    render_site(render.load([str(p) for p in paths]), str(tmp_path / "site"), PERSONS)
    assert _links_resolve(tmp_path / "site") == []
    assert "#turn-1" in (tmp_path / "site" / "persons.html").read_text(encoding="utf-8")


def test_turn_links_resolve_in_the_edition(site):
    assert _links_resolve(site) == []


def test_the_search_index_keeps_every_turn_whole(tmp_path):
    """Characters that end a line somewhere (U+2028, NEL, a line break) and JSON's own
    specials inside a turn: the index holds each turn once, with its text as written."""
    said = 'one\u2028two\u0085three\nfour "five" \\ six </script> ' + SPECIAL
    path = _with_paragraph(tmp_path, said)
    render_site(render.load([str(path)]), str(tmp_path / "site"), PERSONS)
    text = (tmp_path / "site" / "assets" / "search-index.js").read_text(encoding="utf-8")
    index = json.loads(text.removeprefix("window.teiSearchIndex = ").rstrip().removesuffix(";"))
    turns = xpath(etree.parse(str(path)), "//tei:text//tei:sp")
    assert len(index["turns"]) == len(turns)
    assert re.sub(r"[ \t\r\n]+", " ", said) in index["turns"][0][3]  # as XPath's normalize-space()


def test_text_that_looks_like_a_marker_is_only_text(tmp_path):
    """The corpus pages are joined at markers; a title or a turn that spells one is shown as
    written and joins nothing."""
    spelled = '<!--tt:row 0--> <!--tt:appearance 0 1--> "tt:turns 0" ,"turns":['
    path = _with_paragraph(tmp_path, spelled)
    tree = etree.parse(str(path))
    xpath(tree, "//tei:titleStmt/tei:title")[0].text = spelled
    tree.write(str(path), encoding="UTF-8", xml_declaration=True)
    site = tmp_path / "site"
    render_site(render.load([str(path)]), str(site), PERSONS)
    index = lxml.html.parse(str(site / "index.html")).getroot()
    assert len(index.xpath("//table[@id='records']/tbody/tr")) == 1
    assert spelled in index.xpath("string(//table[@id='records']/tbody/tr/td[2])")
    text = (site / "assets" / "search-index.js").read_text(encoding="utf-8")
    data = json.loads(text.removeprefix("window.teiSearchIndex = ").rstrip().removesuffix(";"))
    assert data["docs"][0]["title"] == spelled
    assert len(data["turns"]) == len(xpath(tree, "//tei:text//tei:sp"))
    assert spelled in data["turns"][0][3]
    persons = lxml.html.parse(str(site / "persons.html")).getroot()
    assert spelled in persons.xpath("string(//ul[@class='appearances']/li/a)")


def test_the_source_row_names_the_date_once(tmp_path):
    """A title that already ends in the record's date, in capitals or not, is not followed
    by it again in either edition's Source row; a title without it gets it after a comma."""
    names = (
        "numbered-labelled-points-and-month-in-the-title",
        "chinese-minutes-time-place-fields-and-bracketed-stage",
        "footnote-at-a-page-foot-without-blank-lines",
    )
    documents = [document for name in names for document in converted_fixture(name, tmp_path)]
    render_site(documents, str(tmp_path / "site"), str(tmp_path / "persons.xml"))
    rows = []
    for name in names:
        page = lxml.html.parse(str(tmp_path / "site" / f"{name}.html")).getroot()
        rows += page.xpath("//dt[. = 'Source']/following-sibling::dd[1]/text()")
    assert rows == [
        "Notes of a conversation between Kim Il Sung and Stalin, Moscow, April 1950.",
        "Minutes of Conversation between Chairman Mao Zedong and Stalin, 16 December 1949",
        "RECORD OF CONVERSATION BETWEEN COMRADE I.V. STALIN AND CHAIRMAN OF THE CENTRAL PEOPLE'S"
        " GOVERNMENT OF THE PEOPLE'S REPUBLIC OF CHINA MAO ZEDONG ON 22 JANUARY 1950",
    ]
    assert "ON 22 JANUARY 1950, 22 January 1950" not in typst_source(documents[2])
    assert '("Source", "Notes of a conversation between Kim Il Sung and Stalin, Moscow, April 1950.")' in (
        typst_source(documents[0])
    )


def test_a_record_in_russian_is_set_in_russian(tmp_path):
    """A record whose text is Russian (`text/@xml:lang`) is set in Russian in the print
    edition, the edition's English set back after it; the web page says its language."""
    source = ROOT / "tests" / "fixtures" / "convert" / "record-in-russian.txt"
    assert main(["convert", str(source), "--out", str(tmp_path), "--persons", PERSONS, "-q"]) == 0
    (tmp_path / "persons.xml").write_bytes((TEI_DIR / "persons.xml").read_bytes())
    (document,) = render.load([str(tmp_path / "record-in-russian.xml")])
    typst = typst_source(document)
    assert typst.index('#set text(lang: "ru")') < typst.index("Сталин") < typst.index('#set text(lang: "en")')
    out = tmp_path / "site"
    assert main(["render", str(tmp_path / "record-in-russian.xml"), "--to", "html", "--out", str(out)]) == 0
    page = lxml.html.parse(str(out / "record-in-russian.html")).getroot()
    assert page.xpath("//article[@class='record']/@lang") == ["ru"]


def test_the_meeting_hours_are_a_row_of_both_editions(tmp_path):
    """The hours of the meeting the header's setting gives (from the dateline or a "Time:"
    field) are a Time row of the web page and of the print edition; a record without them has
    no such row."""
    names = ("dateline-weekday-and-hour-after", "chinese-minutes-time-place-fields-and-bracketed-stage")
    documents = [document for name in names for document in converted_fixture(name, tmp_path)]
    documents += converted_fixture("numbered-labelled-points-and-month-in-the-title", tmp_path)
    render_site(documents, str(tmp_path / "site"), str(tmp_path / "persons.xml"))

    def rows(name):
        page = lxml.html.parse(str(tmp_path / "site" / f"{name}.html")).getroot()
        return page.xpath("//dt[. = 'Time']/following-sibling::dd[1]/text()")

    assert [rows(name) for name in names] == [["6 p.m."], ["6:00 p.m."]]
    assert rows("numbered-labelled-points-and-month-in-the-title") == []
    assert '("Time", "6 p.m.")' in typst_source(documents[0])
    assert '"Time"' not in typst_source(documents[2])


def test_page_marks_of_the_original_are_shown_as_printed(tmp_path):
    """ "[l. 10]", "/l. 11 ob./": a page break of the original is shown in its brackets or
    slashes in both editions, set apart as an insertion; the one a label opens with stands
    before the label, outside the link to the person (web) and the small capitals (print)."""
    documents = converted_fixture("page-marks-of-the-original", tmp_path)
    render_site(documents, str(tmp_path / "site"), str(tmp_path / "persons.xml"))
    page = lxml.html.parse(str(tmp_path / "site" / "page-marks-of-the-original.html")).getroot()
    marks = [span.text_content() for span in page.xpath("//main//span[contains(@class, 'pb')]")]
    assert marks == ["[l. 10]", "[l. 11]", "[p. 3]", "/l. 11 ob./"]
    label = page.xpath("//main//p[@class='speaker'][span[contains(@class, 'pb')]]")[0]
    assert squeeze(label.text_content()) == squeeze("[l. 11] Comrade Mao Zedong:")
    assert label.xpath("a")[0].text_content() == "Comrade Mao Zedong:"
    source = typst_source(documents[0])
    assert (
        'speaker: [#"Comrade Mao Zedong:";], who: ("mao-zedong",), pages: [#pagemark("[l. 11]");])[' in source
    )
    assert source.count("#pagemark(") == 4  # every mark set as one, small and in the insertions' colour
    written, _ = render_pdf(documents, str(tmp_path / "pdf"), str(tmp_path / "persons.xml"), volume=False)
    text = squeeze(" ".join(pdf_pages(pathlib.Path(written[0]))))
    assert squeeze("[l. 11] Comrade Mao Zedong:") in text.replace("COMRADE MAO ZEDONG", "Comrade Mao Zedong")
    assert "/l. 11 ob./" in text and "[p. 3]" in text


def test_gaps_in_the_copy_are_shown_as_printed(tmp_path):
    """ "[two words illegible]", "(…)": words the copy does not give are shown in both
    editions in their brackets or parentheses, with what is known of them on the web page;
    a gap without a description (the source's "...") as "…"."""
    documents = converted_fixture("gaps-in-the-copy", tmp_path)
    render_site(documents, str(tmp_path / "site"), str(tmp_path / "persons.xml"))
    page = lxml.html.parse(str(tmp_path / "site" / "gaps-in-the-copy.html")).getroot()
    gaps = page.xpath("//main//span[@class='gap']")
    assert [gap.text_content() for gap in gaps][:4] == [
        "[illegible]",
        "[two words illegible]",
        "(…)",
        "(one line illegible)",
    ]
    assert gaps[1].get("title") == "words not given: illegible, 2 words"
    assert gaps[2].get("title") == "words not given: left out by the editor"
    assert gaps[4].get("title") == "words not given: missing in the original"
    assert all("insertion" not in gap.get("class") for gap in gaps)  # the switch never hides a hole
    written, _ = render_pdf(documents, str(tmp_path / "pdf"), str(tmp_path / "persons.xml"), volume=False)
    text = squeeze(" ".join(pdf_pages(pathlib.Path(written[0]))))
    for printed in ("[two words illegible]", "(one line illegible)", "[Two pages missing]", "[inaudible]"):
        assert printed in text
    assert "We shall see (…) what happens." in text


def test_a_footnote_marker_after_a_label_stands_against_the_name(tmp_path):
    """ "Stalin (1):": the marker is outside the link to the person, which ends at the name,
    and stands against it, as a superscript does, in both editions."""
    documents = converted_fixture("footnote-markers-in-parentheses-after-labels", tmp_path)
    render_site(documents, str(tmp_path / "site"), str(tmp_path / "persons.xml"))
    page = lxml.html.parse(
        str(tmp_path / "site" / "footnote-markers-in-parentheses-after-labels.html")
    ).getroot()
    labels = page.xpath("//main//p[@class='speaker']")
    assert [label.xpath("a")[0].text_content() for label in labels] == ["Stalin", "Zhou Enlai", "Stalin:"]
    assert labels[0].xpath("a/following-sibling::*[1]//button")[0].text_content() == "(1)"
    written, _ = render_pdf(documents, str(tmp_path / "pdf"), str(tmp_path / "persons.xml"), volume=False)
    text = squeeze(" ".join(pdf_pages(pathlib.Path(written[0]))))
    assert "Stalin(1): How is" in text.replace("STALIN", "Stalin")


def test_the_original_language_is_a_row_of_both_editions(tmp_path):
    """The original's language the header's source gives (`textLang`) is a row of the web
    page and of the print edition, the source itself shown without it; a record whose
    source names no language has no such row."""
    documents = converted_fixture("original-language-named-by-the-archive-page", tmp_path)
    documents += converted_fixture("numbered-labelled-points-and-month-in-the-title", tmp_path)
    render_site(documents, str(tmp_path / "site"), str(tmp_path / "persons.xml"))

    def rows(name, label):
        page = lxml.html.parse(str(tmp_path / "site" / f"{name}.html")).getroot()
        return page.xpath(f"//dt[. = '{label}']/following-sibling::dd[1]/text()")

    first, second = (f"original-language-named-by-the-archive-page-{n}" for n in (1, 2))
    assert rows(first, "Original language") == ["Russian"]
    assert rows(second, "Original language") == ["Chinese and Russian"]
    assert rows(second, "Source") == [
        "Record of Conversation between Zhou Enlai and Roshchin, 2 January 1950"
    ]
    assert rows("numbered-labelled-points-and-month-in-the-title", "Original language") == []
    assert '("Original language", "Russian")' in typst_source(documents[0])
    assert '"Original language"' not in typst_source(documents[2])


def test_a_telegram_s_writer_and_addressee_are_rows_of_both_editions(tmp_path):
    """The header's `correspDesc` is a "Sent by" and an "Addressed to" row of the web page,
    each name linked to its person, and of the print edition; the addressee's name as the
    telegram prints it ("Filippov"), linked to the person it stands for."""
    documents = converted_fixture("telegram-addressees-in-the-header", tmp_path)
    render_site(documents, str(tmp_path / "site"), str(tmp_path / "persons.xml"))
    page = lxml.html.parse(str(tmp_path / "site" / "telegram-addressees-in-the-header-2.html")).getroot()

    def row(label):
        (cell,) = page.xpath(f"//dt[. = '{label}']/following-sibling::dd[1]")
        return [(a.text_content(), a.get("href")) for a in cell.xpath("a")]

    assert row("Sent by") == [("Nikolai Vasilevich Roshchin", "persons.html#roshchin")]
    assert row("Addressed to") == [("Filippov", "persons.html#stalin")]
    typst = typst_source(documents[0])
    assert '("Sent by", "Terentii Fomich Shtykov"), ("Addressed to", "Vyshinskii")' in typst


def test_where_and_when_a_telegram_was_sent_and_received_are_in_both_editions(tmp_path):
    """The place and the day with its hour of a `correspAction` follow its persons on the
    row, the receiving said as such; an action that names no person is a "Sent" or
    "Received" row of its own."""
    documents = converted_fixture("telegram-transmission-fields", tmp_path)
    documents += converted_fixture("date-dotted-two-digit-year-telegram", tmp_path)
    render_site(documents, str(tmp_path / "site"), str(tmp_path / "persons.xml"))

    def rows(name):
        page = lxml.html.parse(str(tmp_path / "site" / f"{name}.html")).getroot()
        return {dt.text_content(): " ".join(dt.getnext().text_content().split()) for dt in page.iter("dt")}

    named = rows("telegram-transmission-fields")
    assert named["Sent by"] == "Terentii Fomich Shtykov (Pyongyang, 12.10.1950 18.40)"
    assert named["Addressed to"] == "FILIPPOV (received in Moscow, 12.10.1950 21.15)"
    assert rows("date-dotted-two-digit-year-telegram")["Sent"] == "Beijing, 14.05.50 02.10"
    assert '("Sent by", "Terentii Fomich Shtykov (Pyongyang, 12.10.1950 18.40)")' in typst_source(
        documents[0]
    )
    assert '("Sent", "Beijing, 14.05.50 02.10")' in typst_source(documents[1])

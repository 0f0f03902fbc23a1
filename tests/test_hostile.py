# SPDX-License-Identifier: MIT
"""Hostile XML through every stage: refused with a clear message, or read without fetching,
expanding or reading anything beyond the file (tests/hostile.py has the battery).

Every check that "nothing was fetched" is made against a server that is first shown to log
a request, so it cannot pass because the server was not listening.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
import urllib.request

import pypdf
import pytest
from hostile import ROOT, SECRET, battery, logging_server
from lxml import etree

from tei_transcripts.cli import main

# the cases that are XML a stage may read (all but xinclude valid TEI)
READABLE = {
    "external-dtd", "external-dtd-file", "doctype-internal-subset", "xinclude",
    "processing-instructions", "utf16-declared-without-bom",
}  # fmt: skip
REFUSALS = {"entity-declared", "not-well-formed", "encoding-unmarked", "too-large", "empty-file"}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    secret = folder / "secret.txt"
    secret.write_text(SECRET)
    with logging_server(folder / "requests.log") as (server, requests):
        urllib.request.urlopen(f"{server}/probe").read()
        assert requests() == ["/probe"], "the logging server does not log"
        cases = battery(folder / "battery", server, secret)
        shutil.copy(ROOT / "tei" / "persons.xml", folder / "battery" / "persons.xml")
        yield folder / "battery", cases, requests, server


def outputs_of(folder) -> bytes:
    """Everything made under `folder`, less the copies of the TEI (the input's own bytes)."""
    return b"".join(
        path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and "tei" not in path.relative_to(folder).parts
    )


def assert_nothing_leaked(requests, *texts: bytes) -> None:
    assert requests() == ["/probe"], "a stage contacted the server"
    for text in texts:
        assert SECRET.encode() not in text and b"REMOTE" not in text and b"DEFAULTED" not in text


def test_validate_refuses_or_reads_each_case(hostile, capsys):
    folder, cases, requests, _ = hostile
    status = main(["validate", "--format", "json", "-j", "1", *(str(folder / f"{c}.xml") for c in cases)])
    out, err = capsys.readouterr()
    report = {entry["file"].rsplit("/", 1)[-1][:-4]: entry for entry in json.loads(out)["files"]}
    assert status == 1 and set(report) == set(cases)
    for name, case in cases.items():
        codes = [m["code"] for m in report[name]["messages"]]
        if case.refused:
            assert codes == [case.refused], (name, report[name]["messages"])
            message = report[name]["messages"][0]
            assert message["line"] >= 1 and len(message["text"]) < 300 and "\n" not in message["text"]
        else:
            assert not set(codes) & REFUSALS and "internal-error" not in codes, (name, codes)
    assert READABLE == {name for name, case in cases.items() if case.refused is None}
    valid = {name for name, entry in report.items() if entry["valid"]}
    assert valid == READABLE - {"xinclude"}
    assert_nothing_leaked(requests, out.encode(), err.encode())


@pytest.mark.parametrize("edition", ["html", "pdf"])
def test_render_refuses_or_renders_each_case(hostile, capsys, tmp_path, edition):
    folder, cases, requests, _ = hostile
    for name, case in cases.items():
        if edition == "pdf" and case.refused:
            continue  # refused by the reading both editions share, tested with html
        out = tmp_path / name
        status = main(
            ["render", "--to", edition, "--no-validate", "--no-volume", "--out", str(out),
             "--persons", str(folder / "persons.xml"), str(folder / f"{name}.xml")]
        )  # fmt: skip
        err = capsys.readouterr().err
        if case.refused:
            assert status == 2 and f"[{case.refused}]" in err and "Traceback" not in err, (name, err)
            assert not out.exists() or not any(out.rglob(f"{name}*")), name
            continue
        assert status == 0, (name, err)
        made = outputs_of(out)
        if edition == "pdf":
            reader = pypdf.PdfReader(io.BytesIO((out / f"{name}.pdf").read_bytes()))
            made += "".join(page.extract_text() for page in reader.pages).encode()
        else:
            assert b"xml-stylesheet" not in (out / "tei" / f"{name}.xml").read_bytes()
            assert b"<?" not in (out / f"{name}.html").read_bytes()
        assert_nothing_leaked(requests, made, err.encode())


def test_build_refuses_or_renders_each_case(hostile, capsys, tmp_path):
    folder, cases, requests, _ = hostile
    shutil.copytree(folder, tmp_path / "tei")
    (tmp_path / "pyproject.toml").write_text("[tool.tei-transcripts]\npdf = false\n")
    status = main(["build", "--project", str(tmp_path), "-j", "1"])
    err = capsys.readouterr().err
    assert status == 1 and "Traceback" not in err
    for name, case in cases.items():
        page = tmp_path / "build" / "site" / f"{name}.html"
        if case.refused:
            assert f"{name}.xml:" in err and f"[{case.refused}]" in err, name
            assert not page.exists()
    for name in READABLE - {"xinclude"}:
        assert (tmp_path / "build" / "site" / f"{name}.html").exists(), name
    assert_nothing_leaked(requests, outputs_of(tmp_path / "build" / "site"), err.encode())


# ---------------------------------------------------------------- stylesheets read nothing

MALICIOUS = ROOT / "tests" / "fixtures" / "hostile" / "malicious.xml"
# XPath and XSLT that read or write beyond the input
READERS = re.compile(
    r"\b(doc|document|doc-available|unparsed-text(-lines|-available)?|collection|uri-collection"
    r"|json-doc|transform|load-xquery-module)\s*\(|^result-document "
)


def test_no_stylesheet_reads_or_writes_beyond_its_input():
    """The stylesheets' own design: no call that reads a file or writes one, anywhere in xslt/
    or the generated Schematron, but the one the ODD allows (`$beside`, a personography)."""
    found = []
    for path in sorted([*(ROOT / "xslt").rglob("*.xsl"), ROOT / "schema" / "transcripts.sch"]):
        for element in etree.parse(str(path)).iter(etree.Element):  # comments are not code
            values = [element.text or "", *element.attrib.values()]
            if READERS.search(element.tag.split("}")[-1] + " " + " ".join(values)):
                found.append((path.relative_to(ROOT).as_posix(), element.get("name") or element.tag))
    assert found == [("schema/transcripts.sch", "beside")], found


def test_saxon_fetches_nothing_from_a_host(hostile):
    """Saxon itself may read only file: URIs: doc(), unparsed-text(), collection() and
    json-doc() on an http URL are refused, whatever a stylesheet asks."""
    from tei_transcripts import xslt

    _, _, requests, server = hostile
    stylesheet = xslt.compile_text(
        """<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
          <xsl:param name="url"/>
          <xsl:template match="/"><r>
            <xsl:try><xsl:value-of select="doc-available($url), doc($url)"/><xsl:catch>doc refused</xsl:catch></xsl:try>
            <xsl:try><xsl:value-of select="unparsed-text($url)"/><xsl:catch>text refused</xsl:catch></xsl:try>
            <xsl:try><xsl:value-of select="count(collection($url))"/><xsl:catch>collection refused</xsl:catch></xsl:try>
            <xsl:try><xsl:value-of select="json-doc($url)"/><xsl:catch>json refused</xsl:catch></xsl:try>
          </r></xsl:template></xsl:stylesheet>""",
        "fetch.xsl",
    )
    result = stylesheet.transform(text="<x/>", params={"url": f"{server}/saxon"})
    assert "doc refused" in result and "text refused" in result and "json refused" in result, result
    assert requests() == ["/probe"]


def test_validation_follows_no_reference_out_of_the_project(hostile, tmp_path, capsys):
    """@ref and @corresp naming a URL or an absolute path, and an xml:base moving the document
    elsewhere, read nothing: they are reported unresolved. A relative path still resolves."""
    _, _, requests, server = hostile
    shutil.copy(ROOT / "tei" / "persons.xml", tmp_path / "persons.xml")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.copy(ROOT / "tei" / "persons.xml", elsewhere / "persons.xml")
    text = (ROOT / "tei" / "stalin-zhou-enlai-1952-09-19.xml").read_text(encoding="utf-8")
    text = text.replace('corresp="persons.xml#molotov"', f'corresp="{server}/persons.xml#molotov"')
    text = text.replace(
        'corresp="persons.xml#beria"', f'corresp="{(elsewhere / "persons.xml").as_uri()}#beria"'
    )
    text = text.replace('corresp="persons.xml#malenkov"', f'corresp="{elsewhere / "persons.xml"}#malenkov"')
    text = text.replace('corresp="persons.xml#mikoyan"', 'corresp="elsewhere/persons.xml#mikoyan"')  # allowed
    text = text.replace(
        '<persName ref="persons.xml#mao-zedong">', f'<persName ref="{server}/p.xml#mao-zedong">', 1
    )
    document = tmp_path / "stalin-zhou-enlai-1952-09-19.xml"
    document.write_text(text, encoding="utf-8")
    moved = tmp_path / "moved.xml"  # xml:base would send persons.xml to the server
    moved.write_text(
        text.replace('xml:id="stalin-zhou-enlai-1952-09-19"', f'xml:id="moved" xml:base="{server}/"'),
        encoding="utf-8",
    )
    assert main(["validate", "--format", "json", "-j", "1", str(document), str(moved)]) == 1
    report = json.loads(capsys.readouterr().out)
    for entry in report["files"]:
        unresolved = sorted(
            m["text"].split('"')[1].rsplit("#", 1)[-1]
            for m in entry["messages"]
            if m["code"] in ("corresp-resolves", "ref-resolves")
        )
        assert unresolved == ["beria", "malenkov", "mao-zedong", "molotov"], entry["messages"]
    assert requests() == ["/probe"]


# ---------------------------------------------------------------- the editions run nothing


@pytest.fixture(scope="module")
def malicious_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("malicious")
    for edition in ("html", "pdf"):
        status = main(
            ["render", str(MALICIOUS), "--to", edition, "--no-validate", "--out", str(out / edition)]
        )
        assert status == 0
    return out


def test_malicious_tei_becomes_no_html_code(malicious_site):
    """Without a browser (tests/test_browser.py opens the same pages in one): no event handler,
    no style, no script but the site's own, no link that runs code; the attempts show as text."""
    import lxml.html

    site = malicious_site / "html"
    for page in sorted(site.glob("*.html")):
        root = lxml.html.parse(str(page)).getroot()
        for element in root.iter(etree.Element):
            assert not [name for name in element.attrib if name.lower().startswith("on") or name == "style"]
            assert element.tag not in ("iframe", "object", "embed", "svg", "math", "style", "base")
            if element.tag == "script":
                assert element.get("src", "").startswith("assets/") and not (element.text or "").strip()
            for name in ("href", "src", "action", "formaction"):
                value = element.get(name)
                if value and re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*:", value):
                    assert value.split(":")[0].lower() in ("http", "https", "mailto"), (page.name, value)
                assert not value or not re.match(r"[/\\]{2}", value), (page.name, value)  # another host
                assert not value or not re.search(r"[\s\x00-\x1f]", value), (page.name, value)
        csp = root.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
        assert csp and "default-src 'none'" in csp[0] and "script-src 'self'" in csp[0]
    text = lxml.html.parse(str(site / "malicious.html")).getroot().text_content()
    assert "<script>alert('INJECT-text')</script>" in text and "alert('INJECT-html-script')" in text
    index = (site / "assets" / "search-index.js").read_text(encoding="utf-8")
    data = json.loads(index.removeprefix("window.teiSearchIndex = ").rstrip().removesuffix(";"))
    assert any("alert('INJECT-search-index')</script>" in turn[3] for turn in data["turns"])  # data, not code


def test_malicious_tei_becomes_no_typst_code(malicious_site):
    """Every TEI text reaches Typst inside a string literal: with the literals taken out, no
    trace of the attempts is left in the code; and the PDF prints them as text."""
    from tei_transcripts.render import load
    from tei_transcripts.render.pdf import STRING_LITERAL, typst_source, volume_source

    documents = load([str(MALICIOUS)])
    for source in (typst_source(documents[0]), volume_source(documents, None)):
        code = STRING_LITERAL.sub('""', source)
        assert "INJECT" not in code and "passwd" not in code
    reader = pypdf.PdfReader(io.BytesIO((malicious_site / "pdf" / "malicious.pdf").read_bytes()))
    printed = " ".join(page.extract_text() for page in reader.pages)
    for attempt in ('#read("/etc/passwd")', '#panic("INJECT-typst")', "*bold*", "$x^2$"):
        assert attempt in printed, attempt


# ---------------------------------------------------------------- paths


@pytest.mark.parametrize(
    "document_id, expected",
    [
        ("../../etc/passwd", "etc-passwd"),
        ("/absolute/path", "absolute-path"),
        ("..", "name-from-file"),
        ("a\x00b\x1fc", "a-b-c"),
        ("CON", "doc-CON"),
        ("nul.txt", "doc-nul.txt"),
        ("Com1", "doc-Com1"),
        ("index", "doc-index"),
        ("assets", "doc-assets"),
        ("x" * 300, "x" * 100),
        ("Записка", "name-from-file"),
        ("report.", "report"),
    ],
)
def test_output_names_from_hostile_ids(document_id, expected):
    from tei_transcripts.render import safe_name

    assert safe_name("corpus/name-from-file.xml", document_id) == expected


def test_two_documents_never_write_the_same_file(tmp_path):
    """Ids that differ only in case or in characters a file name cannot hold get distinct names,
    and every output stays inside the output folder."""
    base = (ROOT / "tei" / "stalin-zhou-enlai-1952-09-19.xml").read_text(encoding="utf-8")
    ids = ["CON", "con", "doc-CON", "index", "Index", "x..y", "lpt1.tei", "Записка", "Записки"]
    for n, document_id in enumerate(ids):
        (tmp_path / f"in{n}.xml").write_text(
            base.replace('xml:id="stalin-zhou-enlai-1952-09-19"', f'xml:id="{document_id}"'), encoding="utf-8"
        )
    out = tmp_path / "out" / "site"
    paths = [str(tmp_path / f"in{n}.xml") for n in range(len(ids))]
    assert main(["render", *paths, "--to", "html", "--no-validate", "--out", str(out)]) == 0
    pages = sorted(p.name.lower() for p in out.glob("*.html"))
    assert len(pages) == len(ids) + 3 and len(set(pages)) == len(pages)  # + index, persons, search
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["site"]


def test_convert_never_writes_two_documents_to_one_file(tmp_path, capsys):
    """Two transcripts with one id, or names that differ only in case (one file on Windows and
    macOS; ids are lower case), give one document and an error, never one file overwritten
    by the other."""
    text = "Record of conversation, 1 May 1950.\n\nStalin: Good day.\n"
    for name in ("a", "b", "CON", "con"):
        (tmp_path / f"{name}.txt").write_text(text)
    (tmp_path / "a.toml").write_text('id = "same"\n')
    (tmp_path / "b.toml").write_text('id = "same"\n')
    out = tmp_path / "out"
    persons = str(ROOT / "tei" / "persons.xml")
    sources = [str(tmp_path / f"{name}.txt") for name in ("a", "b", "CON", "con")]
    assert main(["convert", *sources, "--out", str(out), "--persons", persons, "-q"]) == 1
    err = capsys.readouterr().err
    assert "b.txt:0:0: error: same.xml: same.xml was already written from" in err
    assert "con.txt:0:0: error: doc-con.xml: doc-con.xml was already written from" in err
    assert sorted(p.name for p in out.iterdir()) == ["doc-con.xml", "same.xml"]


def test_convert_names_from_hostile_file_names_and_sidecars(tmp_path, capsys):
    """A transcript's file name becomes a safe id and file name; a sidecar id that is not one
    is refused, never used as a path."""
    text = "Record of conversation, 1 May 1950.\n\nStalin: Good day.\n"
    (tmp_path / "CON.txt").write_text(text)
    (tmp_path / "..  my notes (2).txt").write_text(text)
    (tmp_path / "escape.txt").write_text(text)
    (tmp_path / "escape.toml").write_text('id = "../../outside"\n')
    out = tmp_path / "out"
    persons = str(ROOT / "tei" / "persons.xml")
    status = main(
        [
            "convert",
            *(str(p) for p in sorted(tmp_path.glob("*.txt"))),
            "--out",
            str(out),
            "--persons",
            persons,
        ]
    )
    err = capsys.readouterr().err
    assert status == 1 and "[bad-sidecar]" in err and "../../outside" in err
    assert sorted(p.name for p in out.iterdir()) == ["doc-con.xml", "my-notes-2.xml"]
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".xml") == []


# ---------------------------------------------------------------- files that are not files


def run_cli(*arguments: str, cwd=None) -> subprocess.CompletedProcess:
    """A command in its own process, so that one waiting forever fails the test instead."""
    command = [sys.executable, "-m", "tei_transcripts", *arguments]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=cwd)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_is_refused_never_waited_for(tmp_path):
    """A stranger's folder may hold a FIFO with any name (opening one waits for a writer
    forever): as a TEI file, a transcript, a sidecar or the personography a document points to,
    it is refused with a message, in every stage."""
    document = "stalin-zhou-enlai-1952-09-19"
    tei = tmp_path / "tei"
    tei.mkdir()
    shutil.copy(ROOT / "tei" / f"{document}.xml", tei)
    os.mkfifo(tei / "persons.xml")
    os.mkfifo(tei / "pipe.xml")
    done = run_cli("validate", str(tei))
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert "pipe.xml:0:0: error: cannot read the file: not a regular file" in done.stdout
    assert (
        f"{document}.xml:0:0: error: persons.xml, which the document points to, is not a regular file"
        in done.stdout
    )
    done = run_cli(
        "render", str(tei / "pipe.xml"), "--to", "html", "--no-validate", "--out", str(tmp_path / "site")
    )
    assert done.returncode == 2 and "not a regular file" in done.stderr, done.stderr

    transcripts = tmp_path / "transcripts"
    transcripts.mkdir()
    os.mkfifo(transcripts / "pipe.txt")
    shutil.copy(ROOT / "transcripts" / "stalin-zhou-enlai-1952-09-19.txt", transcripts / "record.txt")
    os.mkfifo(transcripts / "record.toml")
    persons = str(ROOT / "tei" / "persons.xml")
    done = run_cli("convert", str(transcripts / "pipe.txt"), str(transcripts / "record.txt"),
                   "--persons", persons, "--out", str(tmp_path / "out"))  # fmt: skip
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert "pipe.txt:0:0: error: not a regular file" in done.stderr
    assert "record.toml: cannot read it" in done.stderr and "[bad-sidecar]" in done.stderr

    (tmp_path / "pyproject.toml").write_text("[tool.tei-transcripts]\npdf = false\n")
    done = run_cli("build", "-j", "1", cwd=tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert "persons.xml:0:0: error: cannot read the personography" in done.stderr
    (tei / "persons.xml").unlink()
    shutil.copy(ROOT / "tei" / "persons.xml", tei / "persons.xml")
    done = run_cli("build", "-j", "1", cwd=tmp_path)
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert re.search(r"pipe\.txt:0:0: error: not a regular file .*\[unreadable\]", done.stderr), done.stderr
    assert re.search(r"pipe\.xml:0:0: error: cannot read the file: not a regular file", done.stderr), (
        done.stderr
    )
    assert (tmp_path / "build" / "site" / f"{document}.html").exists()


def test_links_to_their_own_folder_are_not_followed(tmp_path):
    """Two symbolic links from a folder to itself would make the paths under it double at
    every level: a folder is walked without following links to folders."""
    document = "stalin-zhou-enlai-1952-09-19"
    tei = tmp_path / "tei"
    tei.mkdir()
    shutil.copy(ROOT / "tei" / f"{document}.xml", tei)
    shutil.copy(ROOT / "tei" / "persons.xml", tei)
    (tei / "again").symlink_to(".")
    (tei / "and-again").symlink_to(".")
    done = run_cli("validate", str(tei))
    assert done.returncode == 0 and "2 file(s), 2 valid" in done.stdout, done.stdout
    (tmp_path / "pyproject.toml").write_text("[tool.tei-transcripts]\npdf = false\n")
    done = run_cli("build", "-j", "1", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (tmp_path / "build" / "site").glob("*.html")) == [
        "index.html", "persons.html", "search.html", f"{document}.html"
    ]  # fmt: skip


def test_every_xml_parse_uses_the_hardened_parser():
    """Outside tei.py, XML is parsed only with `tei.parser()` (the functions of tei.py that
    read documents use it, or its settings and resolver for a quick look at a root)."""
    parses = re.compile(r"etree\.(fromstring|parse|XML|iterparse|XMLParser)\(")
    found = []
    for path in sorted((ROOT / "src" / "tei_transcripts").rglob("*.py")):
        if path.name == "tei.py" and path.parent.name == "tei_transcripts":
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if parses.search(line) and "parser()" not in line:
                found.append(f"{path.name}: {line.strip()}")
    assert found == [], found


def test_build_never_writes_two_documents_to_one_file(tmp_path):
    text = "Record of conversation, 1 May 1950.\n\nStalin: Good day.\n"
    (tmp_path / "transcripts").mkdir()
    (tmp_path / "tei").mkdir()
    shutil.copy(ROOT / "tei" / "persons.xml", tmp_path / "tei")
    for name in ("CON", "con"):
        (tmp_path / "transcripts" / f"{name}.txt").write_text(text)
    (tmp_path / "pyproject.toml").write_text("[tool.tei-transcripts]\npdf = false\n")
    done = run_cli("build", "-j", "1", cwd=tmp_path)
    assert done.returncode == 1 and done.stderr.count("[duplicate-output]") == 1, done.stderr
    assert sorted(p.name for p in (tmp_path / "tei").iterdir()) == ["doc-con.xml", "persons.xml"]


def test_saxon_reads_no_entity_or_dtd_of_the_personography(tmp_path):
    """The Schematron reads persons.xml with Saxon's own parser, which by default expands
    external entities: a stranger's personography could make it read any local file. Here the
    file holds a name that would silence a warning if it were read; the warning stays. An
    external DTD naming /dev/zero is not read either."""
    document = "stalin-zhou-enlai-1952-09-19"
    text = (ROOT / "tei" / f"{document}.xml").read_text(encoding="utf-8")
    (tmp_path / f"{document}.xml").write_text(
        text.replace("<speaker>STALIN,</speaker>", "<speaker>ZORGLUB,</speaker>", 1), encoding="utf-8"
    )
    (tmp_path / "name.txt").write_text("Zorglub")
    persons = (ROOT / "tei" / "persons.xml").read_text(encoding="utf-8")
    head, body = persons.split("?>", 1)
    with_entity = body.replace(
        '<person xml:id="stalin">', '<person xml:id="stalin"><persName type="variant">&name;</persName>', 1
    )
    for doctype, content in (
        ('<!DOCTYPE TEI [<!ENTITY name SYSTEM "name.txt">]>', with_entity),
        ('<!DOCTYPE TEI SYSTEM "/dev/zero">', body),
    ):
        (tmp_path / "persons.xml").write_text(head + "?>" + doctype + content, encoding="utf-8")
        done = run_cli("validate", "--format", "json", str(tmp_path / f"{document}.xml"))
        codes = [m["code"] for m in json.loads(done.stdout)["files"][0]["messages"]]
        assert codes == ["speaker-matches-name"], (doctype, codes)


@pytest.mark.parametrize("output", ["text", "json", "junit", "github", "sarif", "markdown"])
def test_control_characters_never_reach_a_report_raw(tmp_path, output):
    """A file name with control characters (an escape sequence a terminal would obey) and an
    attribute holding a line break (a character reference) that forges a message: one line
    per message, no raw control character, and reports that parse."""
    document = "stalin-zhou-enlai-1952-09-19"
    text = (ROOT / "tei" / f"{document}.xml").read_text(encoding="utf-8")
    forged = "#nobody&#10;tei/x.xml:1:1: error: forged [forged]"
    hostile = tmp_path / "bad\x01name\x1b[31m.xml"
    hostile.write_text(text.replace('who="#stalin"', f'who="{forged}"', 1), encoding="utf-8")
    shutil.copy(ROOT / "tei" / "persons.xml", tmp_path)
    done = run_cli("validate", "--format", output, str(tmp_path))
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", done.stdout), "a raw control character"
    if output == "text":
        lines = done.stdout.splitlines()
        assert all(re.match(r".+:\d+:\d+: (error|warning): .+ \[[\w:-]+\]$", line) for line in lines[:-1]), (
            lines
        )
        assert not any(line.startswith("tei/x.xml") for line in lines)
        assert "bad\\x01name\\x1b[31m.xml" in done.stdout
    elif output in ("json", "sarif"):
        json.loads(done.stdout)
    elif output == "junit":
        etree.fromstring(done.stdout.encode("utf-8"))
    elif output == "github":
        assert all(line.startswith("::") for line in done.stdout.splitlines())


def test_the_published_tei_copy_holds_nothing_a_browser_runs():
    """A browser opening the TEI beside a page runs XHTML and SVG scripts in it: those
    elements are replaced by a comment saying so; a document without them is published as
    its own bytes."""
    from tei_transcripts.render import published_copy

    data = (ROOT / "tests" / "fixtures" / "hostile" / "malicious.xml").read_bytes()
    published = published_copy(data)
    root = etree.fromstring(published)
    namespaces = {etree.QName(e).namespace for e in root.iter() if isinstance(e.tag, str)}
    assert namespaces == {"http://www.tei-c.org/ns/1.0"}
    assert published.count(b"<!-- removed from the published copy: <") == 5
    assert root.xpath("//processing-instruction('xml-stylesheet')") == []
    text = " ".join("".join(root.itertext()).split())
    assert "INJECT-html-script" not in text and "an XHTML link" not in text
    assert "<script>alert('INJECT-text')</script>" in text  # the TEI's own text stays
    clean = (ROOT / "tei" / "stalin-zhou-enlai-1952-09-19.xml").read_bytes()
    assert published_copy(clean) is clean

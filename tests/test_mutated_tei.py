# SPDX-License-Identifier: MIT
"""Property tests: `validate` and `render` on mutated valid TEI never crash.

The documents of `tei/` are changed the way a stranger's TEI differs from ours — elements
dropped, moved, duplicated or renamed (to TEI's names, to other namespaces), attributes set to
hostile or arbitrary values, ids used twice, pointers aimed at the wrong things, text replaced, comments and processing instructions added, and
sometimes the bytes themselves damaged. Whatever comes of it:

- `validate` gives messages, each with a location and a rule id, never an exception;
- `render` reads it or refuses it with a message; what it reads becomes pages that parse as
  HTML, each with its Content-Security-Policy, and Typst source that compiles (no TEI text
  can break the Typst code it is set in).

CI runs a fixed seed and budget (conftest's "ci" profile); ``HYPOTHESIS_PROFILE=long`` runs more.
"""

from __future__ import annotations

import copy
import pathlib

import lxml.html
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from tei_transcripts import tei
from tei_transcripts.messages import ConversionError
from tei_transcripts.render import load
from tei_transcripts.render.pdf import compile_pdf, typst_source
from tei_transcripts.render.site import render_site
from tei_transcripts.validate import validator

ROOT = pathlib.Path(__file__).resolve().parent.parent
PERSONS = ROOT / "tei" / "persons.xml"
DOCUMENTS = {p.name: p.read_bytes() for p in sorted((ROOT / "tei").glob("*.xml")) if p != PERSONS}
SETTINGS = settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

TAGS = [
    *("TEI", "teiHeader", "text", "body", "back", "div", "p", "sp", "speaker", "note", "persName"),
    *("date", "time", "list", "item", "head", "closer", "signed", "quote", "supplied", "gap", "ref"),
    *("ptr", "hi", "lb", "pb", "title", "figure", "graphic", "table", "row", "cell", "lg", "l"),
    "{http://www.w3.org/1999/xhtml}script",
    "{http://example.org/other}thing",
    "no-namespace",
]
ATTRIBUTES = [
    *("who", "ref", "when", "target", "{http://www.w3.org/XML/1998/namespace}id", "type", "rend"),
    *("style", "rendition", "corresp", "n", "facs", "url", "place", "notBefore", "cert", "onload"),
    "{http://www.w3.org/XML/1998/namespace}base",
    "{http://www.w3.org/XML/1998/namespace}lang",
    "{http://example.org/other}attribute",
]


def is_xml_character(c: str) -> bool:
    point = ord(c)
    return c in "\t\n\r" or 0x20 <= point <= 0xD7FF or 0xE000 <= point <= 0xFFFD or point >= 0x10000


XML_TEXT = st.text(max_size=40).map(lambda t: "".join(c for c in t if is_xml_character(c)))
VALUES = st.one_of(
    st.sampled_from(
        [
            *("#stalin", "#nobody", "#", "", " ", "#stalin #mao-zedong", "persons.xml#stalin"),
            *("javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>"),
            *("vbscript:msgbox(1)", "http://127.0.0.1:9/x", "../../etc/passwd", "/etc/passwd"),
            *("1952-13-45", "1952", "--09-19", "T10:30", "0000-00-00", "99999-01-01"),
            *('"', "\\", "}", "#set text(red)", '#read("/etc/passwd")', "*", "$", "@", "<script>"),
            *("color: red; background: url(http://127.0.0.1:9/)", "expression(alert(1))", "x" * 2000),
        ]
    ),
    XML_TEXT,
)
ACTIONS = [
    *("drop", "duplicate", "move", "rename", "set", "unset", "text", "comment", "instruction"),
    *("reuse-id", "point"),
]
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
POINTERS = ["who", "ref", "corresp", "target"]


def mutate(data: st.DataObject, root: etree._Element) -> None:
    """Change the tree in place, one to eight times."""
    for _ in range(data.draw(st.integers(min_value=1, max_value=8), label="changes")):
        elements = [e for e in root.iter() if isinstance(e.tag, str)]
        element = data.draw(st.sampled_from(elements), label="element")
        parent = element.getparent()
        action = data.draw(st.sampled_from(ACTIONS), label="action")
        if action == "drop" and parent is not None:
            parent.remove(element)
        elif action == "duplicate" and parent is not None:
            element.addnext(copy.deepcopy(element))
        elif action == "move" and parent is not None:
            target = data.draw(st.sampled_from(elements), label="target")
            if not any(node is element for node in target.iterancestors()) and target is not element:
                target.insert(data.draw(st.integers(0, len(target)), label="position"), element)
        elif action == "rename":
            name = data.draw(st.sampled_from(TAGS), label="name")
            element.tag = name if name.startswith("{") or name == "no-namespace" else tei.q(name)
        elif action == "set":
            element.set(data.draw(st.sampled_from(ATTRIBUTES)), data.draw(VALUES, label="value"))
        elif action == "unset" and element.attrib:
            del element.attrib[data.draw(st.sampled_from(sorted(element.attrib)), label="attribute")]
        elif action == "text":
            element.text = data.draw(VALUES, label="text")
        elif action == "comment":
            element.append(etree.Comment(data.draw(XML_TEXT).replace("-", "–")))
        elif action in ("reuse-id", "point"):  # ids used twice; pointers to anything with an id
            ids = sorted({e.get(XML_ID) for e in elements if e.get(XML_ID)})
            if ids:
                chosen = data.draw(st.sampled_from(ids), label="id")
                if action == "reuse-id":
                    element.set(XML_ID, chosen)
                else:
                    element.set(data.draw(st.sampled_from(POINTERS), label="pointer"), "#" + chosen)
        elif action == "instruction":
            element.append(etree.ProcessingInstruction("xml-stylesheet", 'href="http://127.0.0.1:9/x.xsl"'))


def mutated_document(data: st.DataObject, folder: pathlib.Path) -> tuple[pathlib.Path, bool]:
    """A mutated copy of one of tei/'s documents, beside a personography; and whether it is
    still well-formed TEI, which every stage must read."""
    name = data.draw(st.sampled_from(sorted(DOCUMENTS)), label="document")
    root = etree.fromstring(DOCUMENTS[name])
    mutate(data, root)
    raw = etree.tostring(root.getroottree(), encoding="UTF-8", xml_declaration=True)
    damaged = data.draw(st.booleans(), label="damage the bytes")
    if damaged:
        at = data.draw(st.integers(0, len(raw) - 1), label="at")
        raw = (
            raw[:at]
            + data.draw(st.binary(max_size=8), label="bytes")
            + raw[at + data.draw(st.integers(0, 8)) :]
        )
    (folder / "persons.xml").write_bytes(PERSONS.read_bytes())
    path = folder / name
    path.write_bytes(raw)
    return path, not damaged and root.tag == tei.q("TEI")


@SETTINGS
@given(data=st.data())
def test_validate_never_crashes(tmp_path, data):
    """Messages, each located; and on well-formed TEI the Schematron always runs to the end
    (a rule that fails on an odd document hides every other rule's findings)."""
    path, readable = mutated_document(data, tmp_path)
    result = validator({}).validate(str(path))
    for message in result.messages:
        assert message.file == str(path)
        assert message.level in ("error", "warning") and message.code and message.text.strip()
        assert message.line >= 0 and message.column >= 0
        assert message.code != "internal-error", str(message)
        assert not (readable and message.code == "schematron-failed"), str(message)


@settings(SETTINGS, max_examples=max(10, settings.default.max_examples // 3))
@given(data=st.data())
def test_render_never_crashes(tmp_path, data):
    path, readable = mutated_document(data, tmp_path)
    try:
        documents = load([str(path)])
    except ConversionError as refusal:
        message = refusal.message
        assert message.level == "error" and message.code and message.text.strip()
        assert not readable, str(message)
        return
    out = tmp_path / "site"
    for page in render_site(documents, str(out), str(PERSONS)):
        if page.endswith(".html"):
            html = lxml.html.fromstring(pathlib.Path(page).read_bytes())
            assert html.xpath("//meta[@http-equiv='Content-Security-Policy']/@content"), page
    assert compile_pdf(typst_source(documents[0])).startswith(b"%PDF-")

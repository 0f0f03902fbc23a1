# SPDX-License-Identifier: MIT
"""The web and print editions: TEI documents in, a static site (`site`) or PDFs (`pdf`) out.

Both editions read the same things — the documents, each with the file name its outputs
take, and the personography — and hand them to the stylesheets in ``xslt/html`` and
``xslt/print``, compiled once per process. Everything about how a record looks is decided
there; this package only reads, names and writes files.
"""

from __future__ import annotations

import copy
import os
from dataclasses import dataclass

from lxml import etree

from .. import xslt
from ..messages import ConversionError, Message
from ..paths import safe_stem
from ..tei import XML_ID, parser, read_document, read_xml

CORPUS_NS = "urn:tei-transcripts"
PERSONOGRAPHY = "persons.xml"

# Output names the site uses for its own pages, which a document must never take.
RESERVED = {"index", "persons", "search", "assets", "tei", "corpus", "volume"}


@dataclass
class Document:
    path: str
    name: str  # the stem of every output file of this document: NAME.html, NAME.pdf
    data: bytes
    root: etree._Element


def safe_name(path: str, document_id: str | None) -> str:
    """A file-name stem from the document's id, else from its file name (`paths.safe_stem`),
    never a name the site uses for its own pages."""
    for candidate in (document_id or "", os.path.splitext(os.path.basename(path))[0]):
        stem = safe_stem(candidate, RESERVED)
        if stem:
            return stem
    return "document"


def unique_names(documents: list[tuple[str, str | None]]) -> list[str]:
    """The output names of (path, document id) pairs, in order; two never the same."""
    names, taken = [], set()
    for path, document_id in documents:
        name = base = safe_name(path, document_id)
        number = 1
        while name.lower() in taken:
            number += 1
            name = f"{base}-{number}"
        taken.add(name.lower())
        names.append(name)
    return names


def load(paths: list[str], names: list[str] | None = None) -> list[Document]:
    """Read the documents; two documents never get the same output name (`names`, when
    given, are the names already chosen)."""
    read = []
    for path in paths:
        data, root = read_record(path)
        read.append((path, data, root))
    names = names or unique_names([(path, root.get(XML_ID)) for path, _, root in read])
    return [Document(path, name, data, root) for (path, data, root), name in zip(read, names)]


def read_record(path: str) -> tuple[bytes, etree._Element]:
    """A document to render: TEI read as `read_document` reads it, whose root is <TEI> or
    <teiCorpus>."""
    data, root = read_document(path)
    if etree.QName(root).localname not in ("TEI", "teiCorpus"):
        raise ConversionError(
            Message(
                path, root.sourceline or 1, 1, "error", "not-tei",
                f"the root element is <{etree.QName(root).localname}>; a page is made of a <TEI> or <teiCorpus> document",
            )
        )  # fmt: skip
    return data, root


# Namespaces whose elements a browser runs when it opens an XML file: XHTML's <script>,
# <iframe> and on* attributes, SVG's <script> and onload, MathML beside them. A TEI document
# opened from the site would run them in the site's origin.
ACTIVE_NAMESPACES = {
    "http://www.w3.org/1999/xhtml",
    "http://www.w3.org/2000/svg",
    "http://www.w3.org/1998/Math/MathML",
}


def published_copy(data: bytes) -> bytes:
    """The TEI the web edition publishes beside a page: the document's own bytes, less what a
    browser opening the file would run — elements in the XHTML, SVG and MathML namespaces
    (each replaced by a comment that says so) and ``xml-stylesheet`` instructions (which
    fetch and run a stylesheet from wherever they point)."""
    if not _may_hold_active(data):
        return data
    old = etree.fromstring(data, parser())
    if not any(_is_active(node) for node in old.iter()) and not any(
        _is_stylesheet(node) for node in (*old.itersiblings(preceding=True), *old.itersiblings())
    ):
        return data
    root = copy.deepcopy(old)
    for node in [node for node in root.iter() if _is_active(node)]:
        if node.getparent() is not None and not _is_active(node.getparent()):
            if not _is_stylesheet(node):
                name = etree.QName(node).localname
                node.addprevious(etree.Comment(f" removed from the published copy: <{name}> "))
            _remove(node)
    # comments and instructions around the root are kept, in order (lxml cannot detach them
    # from the old tree, so the new one is built around a copy of the root)
    for node in reversed(list(old.itersiblings(preceding=True))):
        if not _is_stylesheet(node):
            root.addprevious(copy.copy(node))
    for node in reversed(list(old.itersiblings())):
        if not _is_stylesheet(node):
            root.addnext(copy.copy(node))
    return etree.tostring(root.getroottree(), encoding="UTF-8", xml_declaration=True)


def _is_stylesheet(node) -> bool:
    return isinstance(node, etree._ProcessingInstruction) and node.target == "xml-stylesheet"


def _may_hold_active(data: bytes) -> bool:
    """Whether the bytes could hold an xml-stylesheet instruction or an active namespace: a
    namespace name appears as written, unless a character reference or an entity spells it,
    or the file is not in an ASCII-compatible encoding. Spares parsing every document again."""
    signs = (b"xml-stylesheet", b"&#", b"<!ENTITY", *(name.encode() for name in ACTIVE_NAMESPACES))
    return b"\0" in data[:4] or any(sign in data for sign in signs)


def _is_active(node) -> bool:
    """An xml-stylesheet instruction, or an element a browser would run."""
    if _is_stylesheet(node):
        return True
    return isinstance(node.tag, str) and etree.QName(node).namespace in ACTIVE_NAMESPACES


def _remove(node) -> None:
    """Take `node` out of the tree, keeping the text that follows it."""
    parent, previous = node.getparent(), node.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + (node.tail or "")
    else:
        parent.text = (parent.text or "") + (node.tail or "")
    parent.remove(node)


def transform(stylesheet: str, source, where: str, params: dict[str, str] | None = None) -> str:
    """Run a project stylesheet on XML text or a parsed node (`xslt.parse`); a failure is a
    message about the document, not a traceback."""
    try:
        if isinstance(source, str):
            return xslt.get(stylesheet).transform(text=source, params=params)
        return xslt.get(stylesheet).transform(node=source, params=params)
    except xslt.XsltError as error:
        raise ConversionError(
            Message(
                where, 0, 0, "error", "render-failed", f"{stylesheet} failed on this document: {error.text}"
            )
        ) from None


def is_personography(path: str) -> bool:
    return os.path.basename(path) == PERSONOGRAPHY


def corpus_xml(members: list[etree._Element], persons: str | None) -> str:
    """The input of the stylesheets that read the whole corpus (common/corpus.xsl): a
    ``tt:corpus`` of `members` (each document in a ``tt:doc``, or each document's summary)
    and the personography inside ``tt:persons``."""
    corpus = etree.Element(f"{{{CORPUS_NS}}}corpus", nsmap={"tt": CORPUS_NS})
    corpus.extend(members)
    if persons:
        _, root = read_xml(persons, "personography")
        etree.SubElement(corpus, f"{{{CORPUS_NS}}}persons").append(root)
    return etree.tostring(corpus, encoding="unicode")


def wrapped(documents: list[Document]) -> list[etree._Element]:
    """Each document in a ``tt:doc`` that names it, for `corpus_xml`."""
    members = []
    for document in documents:
        doc = etree.Element(f"{{{CORPUS_NS}}}doc", name=document.name)
        doc.append(copy.deepcopy(document.root))
        members.append(doc)
    return members

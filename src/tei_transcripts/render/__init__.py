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
import re
from dataclasses import dataclass

from lxml import etree

from .. import xslt
from ..messages import ConversionError, Message
from ..tei import NS, XML_ID, read_xml

CORPUS_NS = "urn:tei-transcripts"
PERSONOGRAPHY = "persons.xml"

# Output names the site uses for its own pages, which a document must never take.
RESERVED = {"index", "persons", "search", "assets", "tei", "corpus", "volume"}
SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")


@dataclass
class Document:
    path: str
    name: str  # the stem of every output file of this document: NAME.html, NAME.pdf
    data: bytes
    root: etree._Element


def safe_name(path: str, document_id: str | None) -> str:
    """A file-name stem from the document's id, else from its file name: letters, digits,
    '.', '_' and '-' only, never a name the site uses for its own pages."""
    for candidate in (document_id or "", os.path.splitext(os.path.basename(path))[0]):
        stem = re.sub(r"[^A-Za-z0-9._-]+", "-", candidate).strip("-.")[:100]
        if SAFE_NAME.fullmatch(stem):
            return f"doc-{stem}" if stem.lower() in RESERVED else stem
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
        data, root = read_xml(path, "document")
        if root.tag not in (f"{{{NS}}}TEI", f"{{{NS}}}teiCorpus"):
            raise ConversionError(
                Message(path, root.sourceline or 0, 0, "error", "not-tei", "the root element is not TEI")
            )
        read.append((path, data, root))
    names = names or unique_names([(path, root.get(XML_ID)) for path, _, root in read])
    return [Document(path, name, data, root) for (path, data, root), name in zip(read, names)]


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


def corpus_xml(documents: list[Document], persons: str | None, **hrefs: str) -> str:
    """The input of the corpus-wide stylesheets: every document inside a ``tt:doc`` that
    carries its output file names (``hrefs``: attribute → pattern with ``{name}``), and the
    personography inside ``tt:persons``."""
    corpus = etree.Element(f"{{{CORPUS_NS}}}corpus", nsmap={"tt": CORPUS_NS})
    for document in documents:
        doc = etree.SubElement(corpus, f"{{{CORPUS_NS}}}doc", name=document.name)
        for attribute, pattern in hrefs.items():
            doc.set(attribute, pattern.format(name=document.name))
        doc.append(copy.deepcopy(document.root))
    if persons:
        _, root = read_xml(persons, "personography")
        etree.SubElement(corpus, f"{{{CORPUS_NS}}}persons").append(root)
    return etree.tostring(corpus, encoding="unicode")

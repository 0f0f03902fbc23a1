# SPDX-License-Identifier: MIT
"""The web edition: a static site that works from file:// and on any static host.

OUT/index.html  persons.html  search.html     corpus pages (xslt/html/site.xsl)
OUT/NAME.html                                 one page per document (xslt/html/html.xsl)
OUT/tei/NAME.xml                              the TEI each page was made from
OUT/assets/                                   style sheet, scripts, search index

The corpus pages list every document, and two of them grow with every turn (the persons
page links each turn under its speaker; the search index holds each turn's text). So each
document's share of them — its *part* — is made with its own page (xslt/html/site_part.xsl),
and the corpus pages are made from the parts' small summaries, with a marker where each
part's HTML or JSON goes (`assemble`). The build keeps each part with its page, so that
one changed document remakes one part and joins them again.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from lxml import etree

from .. import xslt
from ..messages import ConversionError, Message
from ..serialize import write_atomic
from ..tei import parser
from . import CORPUS_NS, Document, corpus_xml, published_copy, transform

ASSETS = xslt.XSLT_DIR / "html" / "assets"
TT = f"{{{CORPUS_NS}}}"


def page_params(name: str, pdf_dir: str = "") -> dict[str, str]:
    """The parameters of a document's page: its own file name and its links to its TEI and
    PDF (`pdf_dir`: where the PDFs are, relative to the site; '' for none)."""
    return {
        "page-file": f"{name}.html",
        "tei-href": f"tei/{name}.xml",
        "pdf-href": f"{pdf_dir.rstrip('/')}/{name}.pdf" if pdf_dir else "",
    }


def render_document(
    root: etree._Element, name: str, where: str, params: dict[str, str]
) -> tuple[bytes, bytes]:
    """A document's page and its part of the corpus pages, from one parse."""
    try:
        source = xslt.parse(etree.tostring(root, encoding="unicode"))
    except xslt.XsltError as error:
        raise ConversionError(Message(where, 0, 0, "error", "render-failed", error.text)) from None
    page = transform("html/html.xsl", source, where, params)
    part = transform("html/site_part.xsl", source, where, {"page-file": params["page-file"], "name": name})
    return page.encode("utf-8"), part.encode("utf-8")


def render_site(documents: list[Document], out: str, persons: str | None, pdf_dir: str = "") -> list[str]:
    """Write the whole site; returns the files written."""
    written, parts = render_pages(documents, out, pdf_dir)
    return written + render_corpus_pages(parts, out, persons)


def render_pages(
    documents: list[Document], out: str, pdf_dir: str = ""
) -> tuple[list[str], list[tuple[str, bytes]]]:
    """One page per document and the TEI it was made from; gives the files written and the
    documents' parts of the corpus pages."""
    written, parts = [], []
    for document in documents:
        params = page_params(document.name, pdf_dir)
        page, part = render_document(document.root, document.name, document.path, params)
        written.append(_write(out, f"{document.name}.html", page))
        written.append(_write(out, f"tei/{document.name}.xml", published_copy(document.data)))
        parts.append((document.path, part))
    return written, parts


@dataclass
class Part:
    """A document's part of the corpus pages, read back from site_part.xsl's output."""

    summary: etree._Element
    row: str
    appearances: list[str]
    turns: list[str]

    @classmethod
    def read(cls, data: bytes, where: str) -> "Part":
        """A part as site_part.xsl wrote it; one that is not (a file damaged since) is an
        error about `where` it came from."""
        try:
            root = etree.fromstring(data, parser())
        except etree.XMLSyntaxError as error:
            raise _damaged(where, str(error)) from None
        part = cls(
            root.find(f"{TT}summary"),
            root.findtext(f"{TT}row"),
            [node.text or "" for node in root.iterfind(f"{TT}appearance")],
            [turn for turn in (root.findtext(f"{TT}turns") or "").split("\n") if turn],
        )
        if (
            part.summary is None
            or part.row is None
            or len(part.appearances) != len(part.summary.findall(f"{TT}appears"))
        ):
            raise _damaged(where, "it is not a part site_part.xsl made")
        return part


def _damaged(where: str, why: str) -> ConversionError:
    text = f"this document's part of the corpus pages cannot be used ({why}); a build with --force makes it again"
    return ConversionError(Message(where, 0, 0, "error", "part-damaged", text))


def render_corpus_pages(parts: list[tuple[str, bytes]], out: str, persons: str | None) -> list[str]:
    """The index, persons and search pages, the search index and the assets, from the
    documents' parts (`render_document`), each with the file it came from."""
    read = [Part.read(data, where) for where, data in parts]
    for number, part in enumerate(read):
        part.summary.set("n", str(number))
    summaries = xslt.parse(
        corpus_xml([part.summary for part in read], persons)
    )  # parsed once, read four times
    written = []
    for name in ("index", "persons", "search"):
        page = assemble(transform("html/site.xsl", summaries, out, {"page": name}), read)
        written.append(_write(out, f"{name}.html", page.encode("utf-8")))
    index = assemble_search_index(transform("html/search_index.xsl", summaries, out), read)
    written.append(_write(out, "assets/search-index.js", index.encode("utf-8")))
    for asset in sorted(ASSETS.iterdir()):
        written.append(_write(out, f"assets/{asset.name}", asset.read_bytes()))
    return written


# the markers site.xsl leaves: a comment can hold no markup, so none comes from a document
MARKER = re.compile(r"<!--tt:(row|appearance) (\d+)(?: (\d+))?-->")


def assemble(page: str, parts: list[Part]) -> str:
    """A corpus page with each marker replaced by the part it stands for."""

    def part_for(marker: re.Match) -> str:
        part = parts[int(marker[2])]
        if marker[1] == "row":
            return part.row
        return part.appearances[int(marker[3]) - 1]

    return MARKER.sub(part_for, page)


def assemble_search_index(text: str, parts: list[Part]) -> str:
    """The search index with its last array, of markers "tt:turns N", replaced by the turns
    of each document in that order, each with the document's place in the "docs" array in
    front."""
    head, separator, markers = text.rpartition(',"turns":[')
    turns = []
    for place, number in enumerate(re.findall(r'"tt:turns (\d+)"', markers)):
        turns.extend(f"[{place},{turn[1:]}" for turn in parts[int(number)].turns)
    return f"{head}{separator}{','.join(turns)}]}};\n"


def _write(out: str, relative: str, data: bytes) -> str:
    target = os.path.join(out, relative)
    write_atomic(target, data)
    return target

# SPDX-License-Identifier: MIT
"""The web edition: a static site that works from file:// and on any static host.

OUT/index.html  persons.html  search.html     corpus pages (xslt/html/site.xsl)
OUT/NAME.html                                 one page per document (xslt/html/html.xsl)
OUT/tei/NAME.xml                              the TEI each page was made from
OUT/assets/                                   style sheet, scripts, search index
"""

from __future__ import annotations

import os

from lxml import etree

from .. import xslt
from ..serialize import write_atomic
from . import Document, corpus_xml, published_copy, transform

ASSETS = xslt.XSLT_DIR / "html" / "assets"


def render_site(documents: list[Document], out: str, persons: str | None, pdf_dir: str = "") -> list[str]:
    """Write the whole site; returns the files written. `pdf_dir` is where the print edition's
    PDFs are, relative to the site ('' for no PDF links)."""
    return render_pages(documents, out, pdf_dir) + render_corpus_pages(documents, out, persons)


def render_pages(documents: list[Document], out: str, pdf_dir: str = "") -> list[str]:
    """One page per document, and the TEI it was made from."""
    written = []
    for document in documents:
        params = {
            "page-file": f"{document.name}.html",
            "tei-href": f"tei/{document.name}.xml",
            "pdf-href": f"{pdf_dir.rstrip('/')}/{document.name}.pdf" if pdf_dir else "",
        }
        html = transform(
            "html/html.xsl", etree.tostring(document.root, encoding="unicode"), document.path, params
        )
        written.append(_write(out, f"{document.name}.html", html.encode("utf-8")))
        written.append(_write(out, f"tei/{document.name}.xml", published_copy(document.data)))
    return written


def render_corpus_pages(documents: list[Document], out: str, persons: str | None) -> list[str]:
    """The index, persons and search pages, the search index and the assets."""
    corpus = xslt.parse(corpus_xml(documents, persons, page="{name}.html"))  # parsed once, read four times
    written = []
    for name in ("index", "persons", "search"):
        written.append(
            _write(
                out, f"{name}.html", transform("html/site.xsl", corpus, out, {"page": name}).encode("utf-8")
            )
        )
    written.append(
        _write(out, "assets/search-index.js", transform("html/search_index.xsl", corpus, out).encode("utf-8"))
    )
    for asset in sorted(ASSETS.iterdir()):
        written.append(_write(out, f"assets/{asset.name}", asset.read_bytes()))
    return written


def _write(out: str, relative: str, data: bytes) -> str:
    target = os.path.join(out, relative)
    write_atomic(target, data)
    return target

# SPDX-License-Identifier: MIT
"""The print edition: Typst source from xslt/print, PDFs from the `typst` package.

    OUT/NAME.pdf      one per document (xslt/print/typst.xsl)
    OUT/volume.pdf    the whole corpus (xslt/print/volume.xsl): title page, contents, every
                      record, index of persons

Fonts are Typst's own (Libertinus Serif: Latin, Greek, Cyrillic) and those of the folders
given; the machine's fonts are never used, so the same input gives the same PDF anywhere.
A character no font has a glyph for is reported as a warning naming it, never printed as a
silent empty box.
"""

from __future__ import annotations

import os
import re
import unicodedata
from functools import lru_cache
from io import BytesIO

import pypdf
import typst
from lxml import etree

from .. import xslt
from ..messages import ConversionError, Message
from ..serialize import write_atomic
from . import Document, corpus_xml, transform, wrapped

PRINT_DIR = xslt.XSLT_DIR / "print"
STRING_LITERAL = re.compile(r'"((?:[^"\\]|\\.)*)"')
NOT_PRINTED = re.compile(
    r'(?:side:\s*|#mention\(|#link\(|#import\s+)"(?:[^"\\]|\\.)*"|who:\s*\((?:\s*"(?:[^"\\]|\\.)*",?)*\s*\)'
)


def typst_source(document: Document) -> str:
    """The Typst source of one document's PDF."""
    return transform("print/typst.xsl", etree.tostring(document.root, encoding="unicode"), document.path)


def volume_source(documents: list[Document], persons: str | None) -> str:
    return transform("print/volume.xsl", corpus_xml(wrapped(documents), persons), "volume")


@lru_cache(maxsize=None)
def compiler(font_dirs: tuple[str, ...]) -> typst.Compiler:
    """One Typst compiler per set of font folders: fonts are read once per process."""
    return typst.Compiler(root=str(PRINT_DIR), font_paths=list(font_dirs), ignore_system_fonts=True)


def compile_pdf(source: str, font_dirs: tuple[str, ...] = (), where: str = "") -> bytes:
    try:
        return compiler(font_dirs).compile(input=source.encode("utf-8"), format="pdf", pdf_tags=True)
    except typst.TypstError as error:
        raise ConversionError(
            Message(
                where, 0, 0, "error", "typeset-failed", f"Typst could not set the document: {error.message}"
            )
        ) from None


def render_pdf(
    documents: list[Document],
    out: str,
    persons: str | None,
    font_dirs: list[str] = (),
    volume: bool = True,
) -> tuple[list[str], list[Message]]:
    """Write one PDF per document and, with `volume`, the volume; returns the files written and
    the warnings (characters no font could show)."""
    fonts = tuple(os.path.abspath(d) for d in font_dirs)
    for folder in fonts:
        if not os.path.isdir(folder):
            raise ConversionError(Message(folder, 0, 0, "error", "font-dir-missing", "no such font folder"))
    written, messages = [], []
    for document in documents:
        source = typst_source(document)
        pdf = compile_pdf(source, fonts, document.path)
        messages.extend(missing_glyphs(document, source, pdf))
        target = os.path.join(out, f"{document.name}.pdf")
        write_atomic(target, pdf)
        written.append(target)
    if volume and documents:
        target = os.path.join(out, "volume.pdf")
        write_atomic(target, compile_pdf(volume_source(documents, persons), fonts, target))
        written.append(target)
    return written, messages


# ---------------------------------------------------------------- glyph coverage


def printed_characters(source: str) -> set[str]:
    """Every character the Typst source prints: the contents of its string literals, less
    those that are keys and names of things (a turn's side and speakers, a person's key in
    the index, a link's address, an import)."""
    characters = set()
    for literal in STRING_LITERAL.findall(NOT_PRINTED.sub("", source)):
        characters.update(re.sub(r"\\(.)", r"\1", literal))
    return {c for c in characters if not c.isspace() and unicodedata.category(c) not in ("Cc", "Cf")}


def characters_with_glyphs(pdf: bytes) -> set[str]:
    """The characters the PDF's fonts show: what their ToUnicode maps name. Typst sets a
    character no font has as glyph 0 and leaves it out of these maps."""
    reader = pypdf.PdfReader(BytesIO(pdf))
    seen, characters = set(), set()
    for page in reader.pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for reference in fonts.values():
            font = reference.get_object()
            if id(font) in seen or "/ToUnicode" not in font:
                continue
            seen.add(id(font))
            cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1")
            characters.update(_cmap_targets(cmap))
    return characters


def _cmap_targets(cmap: str) -> set[str]:
    """The Unicode text a ToUnicode CMap maps glyphs to (bfchar and bfrange sections)."""
    targets = set()
    for section in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S):
        for destination in re.findall(r"<[0-9A-Fa-f]+>\s*<([0-9A-Fa-f]+)>", section):
            targets.update(_utf16(destination))
    for section in re.findall(r"beginbfrange(.*?)endbfrange", cmap, re.S):
        for low, high, destination in re.findall(
            r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", section
        ):
            first = int(destination, 16)
            targets.update(chr(first + i) for i in range(int(high, 16) - int(low, 16) + 1))
    return targets


def _utf16(hexadecimal: str) -> str:
    return bytes.fromhex(hexadecimal).decode("utf-16-be", "replace")


def text_characters(root: etree._Element) -> set[str]:
    """The characters of the document's text (not of its attributes: ids and keys are strings
    in the Typst source too, but never printed)."""
    characters = set()
    for element in root.iter():
        characters.update(element.text or "", element.tail or "")
    return characters


def missing_glyphs(document: Document, source: str, pdf: bytes) -> list[Message]:
    """Characters of the document's text that the Typst source prints but no font shows."""
    printed = printed_characters(source) & text_characters(document.root)
    missing = sorted(printed - characters_with_glyphs(pdf))
    messages = []
    for character in missing:
        line = _first_line_with(document.root, character)
        name = unicodedata.name(character, "unnamed character")
        messages.append(
            Message(
                document.path,
                line,
                0,
                "warning",
                "missing-glyph",
                f"no font has a glyph for U+{ord(character):04X} {name} ({character!r}); it prints as an "
                "empty box — add a font that has it with --font-dir",
            )
        )
    return messages


def _first_line_with(root: etree._Element, character: str) -> int:
    for element in root.iter():
        for text in (element.text, element.tail):
            if text and character in text:
                return element.sourceline or 0
    return 0

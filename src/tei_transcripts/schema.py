# SPDX-License-Identifier: MIT
"""Compile the ODD: ``schema/NAME.odd`` → ``NAME.rng``, ``NAME.sch`` and ``NAME.html``.

Takes the path of an ODD and gives the bytes of the three generated files, made by the
project's own stylesheets in ``xslt/odd/`` with Saxon. Before anything is returned, the
RelaxNG grammar is compiled by lxml and the Schematron by the project's Schematron compiler,
so a broken ODD is reported here and never written out.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from . import tei, xslt
from .messages import ConversionError, Message

COMPILERS = {".rng": "odd/odd2rng.xsl", ".sch": "odd/odd2sch.xsl", ".html": "odd/odd2html.xsl"}
# schema/ at the project's top, linked into the package so that a wheel carries it
SCHEMA_DIR = (Path(__file__).parent / "resources" / "schema").resolve()
DEFAULT_ODD = SCHEMA_DIR / "transcripts.odd"


def compile_odd(odd: str | Path) -> dict[str, bytes]:
    """The generated files by name (``transcripts.rng`` …), or `ConversionError`."""
    odd = Path(odd)
    tei.read_xml(odd, "odd")  # well-formed before any stylesheet sees it
    outputs = {}
    for suffix, stylesheet in COMPILERS.items():
        try:
            result = xslt.get(stylesheet).transform(source_file=str(odd))
        except xslt.XsltError as error:
            raise _fail(odd, "odd-invalid", error.text) from None
        outputs[odd.stem + suffix] = result.encode("utf-8")
    _check_rng(odd, outputs[odd.stem + ".rng"])
    _check_sch(odd, outputs[odd.stem + ".sch"])
    return outputs


def _check_rng(odd: Path, data: bytes) -> None:
    try:
        etree.RelaxNG(etree.fromstring(data, tei.parser()))
    except etree.RelaxNGParseError as error:
        raise _fail(odd, "odd-invalid", f"the generated RelaxNG does not compile: {error}") from None


def _check_sch(odd: Path, data: bytes) -> None:
    from .validate import compile_schematron_text

    try:
        compile_schematron_text(data.decode("utf-8"), odd.stem + ".sch")
    except xslt.XsltError as error:
        raise _fail(odd, "odd-invalid", f"the generated Schematron does not compile: {error.text}") from None


def _fail(odd: Path, code: str, text: str, line: int = 0, column: int = 0) -> ConversionError:
    return ConversionError(Message(str(odd), line, column, "error", code, text))

# SPDX-License-Identifier: MIT
"""Saxon (saxonche) for the whole program: one processor per process, stylesheets compiled once.

Every XSLT the program runs goes through `Stylesheets.get`, which compiles a file on first use
and keeps it. Saxon writes its own diagnostics to the process's standard error; those are
captured while it runs and handed back inside `XsltError`, so the command line prints one
clean message instead of Saxon's stack of template calls.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import urllib.parse
from pathlib import Path

from saxonche import PySaxonApiError, PySaxonProcessor

# xslt/ at the project's top, linked into the package so that a wheel carries it
XSLT_DIR = (Path(__file__).parent / "resources" / "xslt").resolve()


class XsltError(Exception):
    """A stylesheet failed to compile or to run: `text` is Saxon's message, `detail` its log."""

    def __init__(self, text: str, detail: str = ""):
        super().__init__(text)
        self.text = text
        self.detail = detail


@contextlib.contextmanager
def captured_stderr():
    """Redirect file descriptor 2 to a temporary file; yields a function that reads it."""
    with tempfile.TemporaryFile(mode="w+b") as sink:
        saved = os.dup(2)
        os.dup2(sink.fileno(), 2)
        try:
            yield lambda: (sink.seek(0), sink.read().decode("utf-8", "replace"))[1]
        finally:
            os.dup2(saved, 2)
            os.close(saved)


@contextlib.contextmanager
def saxon_errors():
    """Saxon's failures as `XsltError`, with what it wrote to standard error meanwhile
    (yields a function that reads that)."""
    with captured_stderr() as log:
        try:
            yield log
        except PySaxonApiError as error:
            raise XsltError(str(error).strip(), log()) from None


_processor: PySaxonProcessor | None = None


# What Saxon's own XML parser must not do when a stylesheet reads a file (the Schematron
# reads the personography): read external entities or an external DTD, which would let a
# stranger's persons.xml make Saxon read any local file, or /dev/zero for ever.
PARSER_FEATURES = {
    "http://xml.org/sax/features/external-general-entities": "false",
    "http://xml.org/sax/features/external-parameter-entities": "false",
    "http://apache.org/xml/features/nonvalidating/load-external-dtd": "false",
}


def processor() -> PySaxonProcessor:
    """The process's Saxon. It may read local files only: ``doc()``, ``unparsed-text()``,
    ``collection()``, a DTD or an ``xsl:import`` asking for any other scheme (http, https,
    ftp, jar) is refused, so no document can make a stylesheet contact a host; and its parser
    reads no external entity or DTD."""
    global _processor
    if _processor is None:
        _processor = PySaxonProcessor(license=False)
        _processor.set_configuration_property("http://saxon.sf.net/feature/allowedProtocols", "file")
        for feature, value in PARSER_FEATURES.items():
            _processor.set_configuration_property(
                "http://saxon.sf.net/feature/parserFeature?uri=" + urllib.parse.quote(feature, safe=""), value
            )
    return _processor


class Stylesheet:
    """One compiled stylesheet; `transform` runs it on a file or on XML text."""

    def __init__(self, executable, name: str):
        self.executable = executable
        self.name = name

    def transform(
        self,
        *,
        source_file: str | None = None,
        text: str | None = None,
        node=None,
        base_uri: str | None = None,
        params: dict | None = None,
    ) -> str:
        """Run the stylesheet on a file, XML text, or a `node` from `parse` (to run several
        stylesheets on one input, parsed once); `params` set its parameters for this run
        only (a string, or a value Saxon made)."""
        saxon = processor()
        if text is not None:
            node = parse(text, base_uri)
        with saxon_errors() as log:
            self.executable.clear_parameters()
            for name, value in (params or {}).items():
                if isinstance(value, str):
                    value = saxon.make_string_value(value)
                self.executable.set_parameter(name, value)
            if node is not None:
                result = self.executable.transform_to_string(xdm_node=node)
            else:
                result = self.executable.transform_to_string(source_file=os.path.abspath(source_file))
            if result is None:
                raise XsltError(f"{self.name} produced no result", log())
        return result


def parse(text: str, base_uri: str | None = None):
    """XML text as a Saxon document node."""
    builder = processor().new_document_builder()
    if base_uri:
        builder.set_base_uri(base_uri)
    with saxon_errors():
        return builder.parse_xml(xml_text=text)


def parse_file(path: str):
    """A file as a Saxon document node, read by Saxon's parser as ``doc()`` reads it."""
    with saxon_errors():
        return processor().new_document_builder().parse_xml(xml_file_name=path)


def compile_file(path: str | os.PathLike) -> Stylesheet:
    with saxon_errors():
        executable = processor().new_xslt30_processor().compile_stylesheet(stylesheet_file=str(path))
    return Stylesheet(executable, Path(path).name)


def compile_text(text: str, name: str) -> Stylesheet:
    with saxon_errors():
        executable = processor().new_xslt30_processor().compile_stylesheet(stylesheet_text=text)
    return Stylesheet(executable, name)


_compiled: dict[str, Stylesheet] = {}


def get(relative: str) -> Stylesheet:
    """The project stylesheet ``xslt/<relative>``, compiled on first use in this process."""
    if relative not in _compiled:
        _compiled[relative] = compile_file(XSLT_DIR / relative)
    return _compiled[relative]

# SPDX-License-Identifier: MIT
"""The build's units of work, run by an executor in this process or in workers.

Each takes absolute paths and plain values, gives plain values back (bytes to write,
messages), and never raises: a failure, even a bug of ours, becomes a message about the
input, so one bad document never stops the others. What a task compiles or loads (the
personography, stylesheets through `xslt.get`) is kept in its process for the next call.
"""

from __future__ import annotations

import os
import traceback

from ..messages import ConversionError, Message
from ..persons import Personography

_persons: dict[tuple, Personography] = {}


def personography(path: str) -> Personography:
    info = os.stat(path)
    key = (path, info.st_size, info.st_mtime_ns)
    if key not in _persons:
        _persons.clear()
        _persons[key] = Personography.load(path)
    return _persons[key]


def convert(source: str, persons: str, out_dir: str, max_bytes: int):
    """A transcript → its TEI documents (file name → bytes), messages and report."""
    from ..pipeline import convert_source

    try:
        conversion = convert_source(source, personography(persons), out_dir, max_bytes)
        return conversion.outputs, conversion.messages, conversion.report
    except ConversionError as error:  # the personography cannot be used
        return {}, [error.message], {}
    except Exception as error:  # a bug of ours must not end the build
        return {}, [_internal(source, error)], {}


def render_page(path: str, name: str, params: dict[str, str]):
    """A TEI document → its web page and its part of the corpus pages (bytes, or None and
    the message why not)."""
    from ..render import read_record
    from ..render.site import render_document

    try:
        _, root = read_record(path)
        page, part = render_document(root, name, path, params)
        return page, part, []
    except ConversionError as error:
        return None, None, [error.message]
    except Exception as error:
        return None, None, [_internal(path, error)]


def render_pdf(path: str, name: str, font_dirs: tuple[str, ...]):
    """A TEI document → its PDF (bytes, or None) and messages (characters without a glyph)."""
    from ..render import load
    from ..render.pdf import compile_pdf, missing_glyphs, typst_source

    try:
        document = load([path], [name])[0]
        source = typst_source(document)
        pdf = compile_pdf(source, font_dirs, path)
        return pdf, missing_glyphs(document, source, pdf)
    except ConversionError as error:
        return None, [error.message]
    except Exception as error:
        return None, [_internal(path, error)]


def _internal(path: str, error: Exception) -> Message:
    where = traceback.extract_tb(error.__traceback__)[-1] if error.__traceback__ else None
    place = f" at {os.path.basename(where.filename)}:{where.lineno}" if where else ""
    return Message(
        path,
        0,
        0,
        "error",
        "internal-error",
        f"{type(error).__name__}: {error}{place} (a bug; please report it)",
    )

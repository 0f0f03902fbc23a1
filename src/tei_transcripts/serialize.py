# SPDX-License-Identifier: MIT
"""Serialise: one deterministic writer for TEI, and one atomic way to write any file.

The same tree always gives the same bytes: UTF-8, an XML declaration, two-space indentation
of element-only content (mixed content is left exactly as it is), a final newline.
"""

from __future__ import annotations

import json
import os
import re
import tempfile

from lxml import etree

from .encode.context import LINE

# Elements whose content is only other elements in the TEI this project writes: they are
# indented. Every other element may hold text, and its whitespace is never touched.
ELEMENT_ONLY = {
    "TEI",
    "teiHeader",
    "fileDesc",
    "titleStmt",
    "respStmt",
    "publicationStmt",
    "availability",
    "sourceDesc",
    "bibl",
    "msDesc",
    "msIdentifier",
    "encodingDesc",
    "editorialDecl",
    "appInfo",
    "application",
    "profileDesc",
    "abstract",
    "langUsage",
    "correspDesc",
    "correspAction",
    "particDesc",
    "listPerson",
    "person",
    "settingDesc",
    "setting",
    "revisionDesc",
    "text",
    "front",
    "body",
    "back",
    "div",
    "sp",
    "list",
    "quote",
    "closer",
    "opener",
    "titlePage",
    "docTitle",
    "argument",
}


def to_bytes(root: etree._Element) -> bytes:
    """The document's bytes. Consumes the tree: its private attributes are removed in place."""
    _drop_private(root)
    indent(root)
    return etree.tostring(root, encoding="UTF-8", xml_declaration=True) + b"\n"


def indent(element: etree._Element, level: int = 0) -> None:
    """Two-space indentation inside element-only containers, nowhere else."""
    if etree.QName(element).localname not in ELEMENT_ONLY or not len(element):
        return
    if (element.text or "").strip() or any((child.tail or "").strip() for child in element):
        return  # it holds text after all: leave it exactly as it is
    inner = "\n" + "  " * (level + 1)
    element.text = inner
    for child in element:
        child.tail = inner
        indent(child, level + 1)
    element[-1].tail = "\n" + "  " * level


def _drop_private(root: etree._Element) -> None:
    """Remove the source-line attributes the stages leave for their messages."""
    for element in root.iter(etree.Element):
        if LINE in element.attrib:
            del element.attrib[LINE]
    etree.cleanup_namespaces(root)


# The temporary files of `write_atomic`: a write cut short (the process killed, the power
# gone) leaves one behind, which `remove_leftovers` clears on the next run.
TEMPORARY = re.compile(r"\.tei-transcripts-.*\.tmp")


def write_atomic(path: str, data: bytes) -> None:
    """Write `data` to `path` so that no reader ever sees half a file: a temporary file in the
    same folder, written, flushed to disk, then renamed over `path`. A failure (a full disk, a
    read-only folder) leaves `path` as it was and no temporary file."""
    directory = os.path.dirname(os.path.abspath(path))
    os.makedirs(directory, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=".tei-transcripts-", suffix=".tmp")
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # as open() would have made it, not mkstemp's 0600
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def remove_leftovers(*folders: str, recursive: bool = True) -> list[str]:
    """Remove the temporary files writes cut short left in `folders` (and in their
    subfolders, with `recursive`); the files removed."""
    removed = []
    for folder in folders:
        for directory, subfolders, files in os.walk(folder):
            if not recursive:
                subfolders.clear()
            for name in files:
                if TEMPORARY.fullmatch(name):
                    os.unlink(os.path.join(directory, name))
                    removed.append(os.path.join(directory, name))
    return sorted(removed)


def json_array(items: list, **options) -> bytes:
    """A JSON array with one item per line (`options` as for json.dumps): as easy to read
    and to diff as an indented one, and written by json's C encoder, where ``indent=``
    takes its pure-Python one, ten times slower on a large conversion report."""
    lines = (json.dumps(item, ensure_ascii=False, **options) for item in items)
    return ("[\n" + ",\n".join(lines) + "\n]\n").encode("utf-8")

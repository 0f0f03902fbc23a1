# SPDX-License-Identifier: MIT
"""TEI namespace helpers and the one hardened XML parser every stage uses.

Library repositories run this program on files from strangers: no parser here loads a
DTD, expands an entity, or touches the network.
"""

from __future__ import annotations

import os
import re

from lxml import etree

from .paths import read_bytes

NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XML_ID = f"{{{XML_NS}}}id"
XML_LANG = f"{{{XML_NS}}}lang"


def q(name: str) -> str:
    """The Clark name of a TEI element: q("sp") == "{http://www.tei-c.org/ns/1.0}sp"."""
    return f"{{{NS}}}{name}"


def E(name: str, *children, **attributes) -> etree._Element:
    """Build a TEI element: E("sp", E("speaker", "Stalin."), who="#stalin").

    Attribute names use ``_`` for ``:`` (``xml_id``) and skip ``None`` values; string
    children become text.
    """
    element = etree.Element(q(name), nsmap={None: NS} if name == "TEI" else None)
    for key, value in attributes.items():
        if value is None:
            continue
        key = XML_ID if key == "xml_id" else XML_LANG if key == "xml_lang" else key
        element.set(key, str(value))
    for child in children:
        append(element, child)
    return element


def append(parent: etree._Element, child) -> None:
    """Append an element or a string to `parent`, keeping mixed content in order."""
    if child is None:
        return
    if isinstance(child, str):
        if len(parent):
            parent[-1].tail = (parent[-1].tail or "") + child
        else:
            parent.text = (parent.text or "") + child
    else:
        parent.append(child)


class NothingFromOutside(etree.Resolver):
    """Whatever the parser would load from outside the document (an external DTD, an
    external entity) is read as nothing: no file is opened, no host contacted."""

    def resolve(self, url, public_id, context):
        return self.resolve_string("", context)


# What the hardened parser does and does not do: nothing loaded from outside, no entity
# expanded, libxml2's own size and depth limits, comments kept.
HARDENED = dict(
    collect_ids=False,
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    dtd_validation=False,
    attribute_defaults=False,
    huge_tree=False,
)


def parser() -> etree.XMLParser:
    """The hardened parser. A duplicated xml:id is a matter of validity, left for the schema
    to report, not a reason to refuse a document: ids are not collected (lxml then asks for
    the external DTD, which `NothingFromOutside` answers with nothing)."""
    hardened = etree.XMLParser(remove_comments=False, **HARDENED)
    hardened.resolvers.add(NothingFromOutside())
    return hardened


def start_of(handle) -> etree._Element | None:
    """The root element as its start tag gives it, read as `parser` reads and no further: a
    quick look at a document's id."""
    events = etree.iterparse(handle, events=("start",), **HARDENED)
    events.resolvers.add(NothingFromOutside())
    for _, element in events:
        return element
    return None


# The largest XML file any stage reads; a larger one is refused before it is read.
MAX_BYTES = 256 * 1024 * 1024
# The most tags ('<') a document may hold. Memory grows with the number of elements, not
# with bytes: a million empty elements (4 MB) take about 560 MB to validate (lxml's tree,
# Saxon's, the RelaxNG state), so 256 MB of them would take tens of GB. Four million tags
# are about 100 MB of ordinary TEI and at most about 2 GB of memory.
MAX_TAGS = 4_000_000


def read_document(path, max_bytes: int = MAX_BYTES, max_tags: int = MAX_TAGS) -> tuple[bytes, etree._Element]:
    """Read a TEI document from anyone, hardened: its bytes and root, or a `ConversionError`
    whose code says why it was refused (unreadable, too-large in bytes or in tags, empty-file,
    not-well-formed, entity-declared, not-tei). Nothing is fetched, expanded or loaded beyond
    the file."""
    from .messages import ConversionError, Message

    def refuse(code, text, line=0, column=0):
        return ConversionError(Message(str(path), line, column, "error", code, text))

    try:
        size = os.stat(path).st_size
        if size > max_bytes:
            raise refuse(
                "too-large",
                f"the file has {size:,} bytes, more than the limit of {max_bytes:,} (--max-bytes)",
            )
        data = read_bytes(path, max_bytes)
    except OSError as error:
        raise refuse("unreadable", f"cannot read the file: {error.strerror or error}") from None
    if not data.strip():
        raise refuse("empty-file", "the file is empty")
    tags = data.count(b"<")
    if tags > max_tags:
        raise refuse(
            "too-large",
            f"the file has {tags:,} tags, more than the limit of {max_tags:,} (--max-tags), "
            "which keeps the memory its elements take bounded",
            1,
            1,
        )
    # UTF-16 without a byte-order mark can only be told by an XML declaration ("<?xml")
    if data[:2] in (b"<\0", b"\0<") and data[:4] not in (b"<\0?\0", b"\0<\0?"):
        raise refuse(
            "encoding-unmarked",
            "the file looks like UTF-16 with neither a byte-order mark nor an XML declaration, so its "
            "encoding cannot be known; save it as UTF-8, or as UTF-16 with a byte-order mark",
            1,
            1,
        )
    try:
        root = etree.fromstring(data, parser(), base_url=os.path.abspath(path))
    except etree.XMLSyntaxError as error:
        line, column = error.position
        code, text = parser_message(error)
        raise refuse(code, text, line, column) from None
    entities = declared_entities(root)
    if entities:
        raise refuse(
            "entity-declared",
            f"the DOCTYPE declares entities ({', '.join(entities)}); entities are refused and never expanded",
            1,
            1,
        )
    if etree.QName(root).namespace != NS:
        name = etree.QName(root)
        where = f"namespace {name.namespace}" if name.namespace else "no namespace"
        raise refuse(
            "not-tei",
            f"the root element <{name.localname}> is in {where}, not in TEI's ({NS})",
            root.sourceline or 1,
            1,
        )
    return data, root


# What libxml2 says when a limit or a refusal stops it, in words for an editor instead of the
# library's option names: (its words, our code, our words)
STOPPED = [
    ("Excessive depth in document", "not-well-formed", "elements are nested more than 256 deep, the limit"),
    ("Buffer size limit exceeded", "not-well-formed", "a text or attribute value is longer than the limit (10,000,000 characters)"),
    ("huge text node", "not-well-formed", "a text is longer than the limit (10,000,000 characters)"),
    ("entity amplification", "entity-declared", "the DOCTYPE declares entities that expand without bound; entities are refused and never expanded"),
    ("Attempt to load network entity", "entity-declared", "the DOCTYPE uses an entity on the network; entities are refused and never fetched"),
]  # fmt: skip


def parser_message(error: etree.XMLSyntaxError) -> tuple[str, str]:
    """The code and the one-line message of a parser error, without its repeated position."""
    text = " ".join(error.msg.split())
    text = re.sub(r",? line \d+, column \d+$", "", text).strip()
    for sign, code, words in STOPPED:
        if sign in text:
            return code, words if code != "not-well-formed" else f"not well-formed XML: {words}"
    return "not-well-formed", f"not well-formed XML: {text}"


def declared_entities(root: etree._Element) -> list[str]:
    """The entities a document's internal DTD subset declares: refused, never expanded (a
    billion-laughs bomb or an external entity is only dangerous once expanded)."""
    dtd = root.getroottree().docinfo.internalDTD
    return sorted(entity.name for entity in dtd.iterentities()) if dtd is not None else []


def read_xml(path, what: str) -> tuple[bytes, etree._Element]:
    """Read and parse a file the program needs (a schema, an ODD, the personography): its
    bytes and root, or a `ConversionError` whose code is ``<what>-unreadable``,
    ``<what>-malformed`` or ``<what>-entity-declared``."""
    from .messages import ConversionError, Message

    line = column = 0
    try:
        data = read_bytes(path)
        root = etree.fromstring(data, parser())
        entities = declared_entities(root)
        if not entities:
            return data, root
        text, code = (
            f"the {what} declares entities ({', '.join(entities)}); they are never expanded",
            "entity-declared",
        )
    except OSError as error:
        text, code = f"cannot read the {what}: {error.strerror or error}", "unreadable"
    except etree.XMLSyntaxError as error:
        (line, column), code = error.position, "malformed"
        text = f"the {what} is not well-formed XML: {error.msg}"
    raise ConversionError(Message(str(path), line, column, "error", f"{what}-{code}", text))


def parse(path: str) -> etree._ElementTree:
    """A file the program needs, parsed hardened (read here: the parser itself is given no
    file name, since its resolver answers every name it would load with nothing)."""
    return etree.fromstring(read_bytes(path), parser(), base_url=os.path.abspath(path)).getroottree()


def text_of(element: etree._Element) -> str:
    return "".join(element.itertext())

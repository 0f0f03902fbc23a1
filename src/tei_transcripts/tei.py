# SPDX-License-Identifier: MIT
"""TEI namespace helpers and the one hardened XML parser every stage uses.

Library repositories run this program on files from strangers: no parser here loads a
DTD, expands an entity, or touches the network.
"""

from __future__ import annotations

from lxml import etree

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


def parser(collect_ids: bool = True) -> etree.XMLParser:
    """The hardened parser. Without `collect_ids`, a duplicated xml:id is left for the
    schema to report instead of failing the parse."""
    return etree.XMLParser(
        collect_ids=collect_ids,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=False,
    )


def read_xml(path, what: str) -> tuple[bytes, etree._Element]:
    """Read and parse a file the program needs (a schema, an ODD): its bytes and root, or a
    `ConversionError` whose code is ``<what>-unreadable`` or ``<what>-malformed``."""
    from .messages import ConversionError, Message

    try:
        with open(path, "rb") as handle:
            data = handle.read()
        return data, etree.fromstring(data, parser())
    except OSError as error:
        text, code, line, column = f"cannot read the {what}: {error.strerror or error}", "unreadable", 0, 0
    except etree.XMLSyntaxError as error:
        (line, column), code = error.position, "malformed"
        text = f"the {what} is not well-formed XML: {error.msg}"
    raise ConversionError(Message(str(path), line, column, "error", f"{what}-{code}", text))


def parse(path: str) -> etree._ElementTree:
    return etree.parse(path, parser())


def text_of(element: etree._Element) -> str:
    return "".join(element.itertext())

# SPDX-License-Identifier: MIT
"""Stable ``xml:id``s, derived from content, never from a counter over the whole document.

A turn is ``sp-<speaker>-<first words>``; a paragraph outside turns ``p-<first words>``;
an inline note ``note-<type>-<words>``; a division by its type. Two elements with the
same derived id get ``-2``, ``-3`` in order, so an edit elsewhere changes no id; so does
one whose id the document already uses (its own, a participant's).
"""

from __future__ import annotations

import re
import unicodedata

from .. import tei
from ..persons import CYRILLIC_TO_LATIN


def slug(text: str, words: int = 4) -> str:
    """The first words in lower-case ASCII, Cyrillic transliterated ("Запись беседы" →
    "zapis-besedy"), accents dropped."""
    latin = text.lower().translate(CYRILLIC_TO_LATIN)
    ascii_text = unicodedata.normalize("NFKD", latin).encode("ascii", "ignore").decode()
    parts = re.findall(r"[a-z0-9]+", ascii_text.lower())[:words]
    return "-".join(parts) or "x"


def assign_ids(text, taken: set[str]) -> None:
    """Ids for the turns, paragraphs, notes and divisions of `text`, none of them in `taken`."""
    used: dict[str, int] = {}
    taken = set(taken)
    for element in text.iter(
        tei.q("sp"), tei.q("p"), tei.q("note"), tei.q("div"), tei.q("list"), tei.q("quote")
    ):
        if element.get(tei.XML_ID):
            continue
        base = _base(element)
        if base is None:
            continue
        used[base] = used.get(base, 0) + 1
        candidate = base if used[base] == 1 else f"{base}-{used[base]}"
        while candidate in taken:
            used[base] += 1
            candidate = f"{base}-{used[base]}"
        taken.add(candidate)
        element.set(tei.XML_ID, candidate)


def _base(element) -> str | None:
    name = element.tag.split("}")[1]
    if name == "sp":
        who = (element.get("who") or "#unattributed").split()[0].lstrip("#")
        first = element.find(tei.q("p"))
        return f"sp-{who}-{slug(tei.text_of(first) if first is not None else '')}"
    if name == "p":
        if element.getparent().tag in (tei.q("sp"), tei.q("quote"), tei.q("argument")):
            return None  # reached through its turn
        return f"p-{slug(tei.text_of(element))}"
    if name == "note":
        return f"note-{element.get('type', 'note')}-{slug(tei.text_of(element), 3)}"
    if name in ("div", "list"):
        return element.get("type") or name
    return f"quote-{slug(tei.text_of(element))}"

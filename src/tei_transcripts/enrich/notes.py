# SPDX-License-Identifier: MIT
"""Footnote markers ↔ footnotes: each ``ref[@type='footnote']`` points at its ``note``."""

from __future__ import annotations

import re

from .. import tei
from ..encode.inline import bare_marker, spaced_marker
from ..messages import Reporter
from .text import markup, source_line


def link_footnotes(text, report: Reporter) -> None:
    notes = {note.get("n"): note for note in text.iter(tei.q("note")) if note.get("type") == "footnote"}
    marked = {ref.get("n") for ref in text.iter(tei.q("ref")) if ref.get("type") == "footnote"}
    for n in sorted(set(notes) - marked):
        if not mark_bare(text, n, bare_marker(n)) and n.isdigit():
            mark_bare(text, n, spaced_marker(n))  # only where no glued marker is printed
    pointed = set()
    for ref in text.iter(tei.q("ref")):
        if ref.get("type") != "footnote":
            continue
        note = notes.get(ref.get("n"))
        if note is None:
            report.warning(
                "footnote-missing", f"footnote marker '{ref.get('n')}' has no footnote text", source_line(ref)
            )
            continue
        note.set(tei.XML_ID, footnote_id(note.get("n")))
        ref.set("target", f"#{footnote_id(note.get('n'))}")
        pointed.add(note.get("n"))
    for n, note in notes.items():
        note.set(tei.XML_ID, footnote_id(n))
        if n not in pointed:
            report.warning(
                "footnote-unreferenced", f"footnote {n} is not pointed to from the text", source_line(note)
            )


def mark_bare(text, n: str, pattern: re.Pattern) -> bool:
    """Wrap the first marker of footnote `n` the `pattern` finds outside the notes in a
    ``ref``; whether there was one."""
    done = []

    def find(string, parent):
        if done:
            return
        match = pattern.search(string)
        if match:
            done.append(True)
            yield match.start(), match.end(), tei.E("ref", match.group(), type="footnote", n=n, rend="inline")

    body = [part for part in text if part.tag != tei.q("back")]
    for part in body + [
        d for d in text.iterfind(f"{tei.q('back')}/{tei.q('div')}") if d.get("type") != "notes"
    ]:
        markup(part, find, skip={"note", "ref", "date", "time", "persName"})
    return bool(done)


def footnote_id(n: str) -> str:
    """The id of footnote `n` in the project's id form: "fn-2", "fn-star", "fn-2-star", and for
    Markdown's named notes ("[^Note_2]") "fn-note-2"."""
    if n.strip("*") == "":
        return "fn-" + "star" * n.count("*")
    return "fn-" + (re.sub(r"[^a-z0-9]+", "-", n.replace("*", "-star").lower()).strip("-") or "note")

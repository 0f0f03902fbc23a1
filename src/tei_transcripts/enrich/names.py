# SPDX-License-Identifier: MIT
"""Names of known persons in running text → ``persName/@ref``.

A participant of the conversation is referred to by the local id of its ``particDesc``
entry (``#stalin``); anyone else by the personography (``persons.xml#mao-zedong``). A
spelling shared by several persons is tagged without ``@ref`` and reported.
"""

from __future__ import annotations

from .. import tei
from ..messages import Reporter
from ..persons import Personography
from .text import markup, source_line


def tag_names(
    root, persons: Personography, participants: set[str], persons_href: str, report: Reporter
) -> set[str]:
    """Tag every name; returns the ids of everyone named."""
    named: set[str] = set()

    def find(text, parent):
        for match in persons.find(text):
            if match.id is None:
                report.warning(
                    "ambiguous-name",
                    f"'{match.text}' may name any of {', '.join(match.ids)}; tagged without @ref",
                    source_line(parent),
                )
                yield match.start, match.end, tei.E("persName", match.text)
                continue
            named.add(match.id)
            ref = f"#{match.id}" if match.id in participants else f"{persons_href}#{match.id}"
            yield match.start, match.end, tei.E("persName", match.text, ref=ref)

    markup(root, find, skip={"persName", "speaker", "ref", "label", "date", "time"})
    return named

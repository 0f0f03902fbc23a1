# SPDX-License-Identifier: MIT
"""Names of known persons in running text → ``persName/@ref``.

A participant of the conversation is referred to by the local id of its ``particDesc``
entry (``#stalin``); anyone else by the personography (``persons.xml#mao-zedong``). A
spelling shared by several persons is tagged without ``@ref`` and reported.
"""

from __future__ import annotations

import re
from functools import cache

from .. import conventions, tei
from ..encode.speech import NOT_NAMES
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


@cache
def titled_name() -> re.Pattern:
    """A capitalised name after a personal title: "Comrade Kuznetsov", "Cde. Li Kenong"."""
    titles = conventions.alternation(conventions.load()["speech"]["personal_titles"])
    return re.compile(
        rf"(?=[CcMmTtAa])(?<![\w.])(?i:{titles})\s+(?P<name>(?:[A-Z]\.\s?){{0,3}}[A-Z][a-z'’-]+(?:\s[A-Z][a-z'’-]+)?)(?![\w'’-])"
    )


def tag_unknown_names(root, persons: Personography, report: Reporter) -> set[str]:
    """Tag, without ``@ref``, each name after a personal title that no person of the
    personography has; report it. Returns the names."""
    unknown: set[str] = set()

    def find(text, parent):
        for match in titled_name().finditer(text):
            name = match.group("name")
            if persons.find(name) or name.split()[0].lower() in NOT_NAMES:
                continue
            if name not in unknown:
                report.warning(
                    "unknown-name",
                    f"'{name}' is not in the personography; tagged without @ref",
                    source_line(parent),
                )
            unknown.add(name)
            yield match.start("name"), match.end("name"), tei.E("persName", name)

    markup(root, find, skip={"persName", "speaker", "ref", "label", "date", "time"})
    return unknown

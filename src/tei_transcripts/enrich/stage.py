# SPDX-License-Identifier: MIT
"""Stage directions in speech: "(Laughs.)", "(after a pause)" → ``stage``, parentheses kept.

Only a parenthesis that says nothing but what was done (the words of ``[stage]`` in the
conventions, perhaps after a name) or to whom the words are turned ("(to Mao Zedong)") is a
direction; any other parenthesis stays text. A direction printed in a speaker's label stays
in the ``speaker`` as printed. Between turns, a paragraph that is only a direction, set
apart ("*Mao Zedong laughs.*") or bare ("Everyone laughed."), is one too.
"""

from __future__ import annotations

import re
from functools import cache

from .. import conventions, tei
from .text import markup


@cache
def direction() -> re.Pattern:
    return re.compile(rf"\((?:{conventions.stage_direction(turned=True)})\)")


@cache
def set_apart_direction() -> re.Pattern:
    """A direction printed as a paragraph of its own, set apart in italics or brackets
    instead of parentheses: "*Mao Zedong laughs.*", "[Laughter.]"."""
    return re.compile(
        rf"(?:\*|_|<i>|<em>|\[)\s*(?:{conventions.stage_direction()})\s*(?:\*|_|</i>|</em>|\])\.?"
    )


@cache
def bare_direction() -> re.Pattern:
    """A direction printed as a paragraph of its own without marks around it: "Everyone
    laughed.", "General laughter.", "Stalin smiled." (a whole paragraph, never part of one)."""
    subjects = conventions.alternation(conventions.load()["stage"]["subjects"])
    return re.compile(rf"(?i:(?:{subjects})\s+)?(?:{conventions.stage_direction()})")


def tag_stage_directions(body) -> None:
    """Wrap each stage direction in the paragraphs of `body` in a ``stage``."""

    def find(text, parent):
        if "(" not in text:
            return
        for match in direction().finditer(text):
            yield match.start(), match.end(), tei.E("stage", match.group())

    for paragraph in body.iter(tei.q("p")):
        if "(" in "".join(paragraph.itertext()):  # most paragraphs have no parenthesis at all
            markup(paragraph, find, skip={"note", "speaker", "ref", "persName", "date", "time", "stage"})

# SPDX-License-Identifier: MIT
"""The genre's vocabulary from ``data/conventions.toml``, compiled once per process."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources


@cache
def load() -> dict:
    with resources.files(__package__).joinpath("data/conventions.toml").open("rb") as handle:
        return tomllib.load(handle)


def alternation(words: list[str]) -> str:
    """One regex alternative of several patterns, longest first so that none shadows another."""
    return "(?:" + "|".join(sorted(set(words), key=len, reverse=True)) + ")"


@cache
def pattern(section: str, key: str, whole: bool = False) -> re.Pattern:
    """The compiled case-insensitive pattern (or list of patterns) at section.key."""
    value = load()
    for part in section.split("."):
        value = value[part]
    value = value[key]
    source = alternation(value) if isinstance(value, list) else value
    if whole:
        source = rf"^\s*(?:{source})\s*$"
    return re.compile(source, re.IGNORECASE)


@cache
def stage_direction(turned: bool = False) -> str:
    """What a stage direction says: up to three capitalised words (a name), then the words
    of ``[stage]``: "Laughs", "Stalin smiles", "after a pause and laughs"; with `turned`, also
    to whom the words are turned, as a parenthesis in speech says it: "(to Mao Zedong)",
    "(turning to Comrade Molotov)" (never a paragraph of its own: "To Comrade Stalin." is an
    address)."""
    words = alternation(load()["stage"]["directions"])
    done = rf"(?:[A-Z][\w’'.-]*\s+){{0,3}}(?i:{words})(?:\s+(?i:and\s+{words}))?"
    if turned:  # to a person, not to a place: "(to Moscow)" is no direction
        places = alternation([re.escape(place) for place in load()["places"]["known"]])
        done += rf"|(?i:(?:turning|turns)\s+to|to|addressing)\s+(?!(?:the\s+)?{places}\b)(?:[A-Z][\w’'.-]*\s+){{0,2}}[A-Z][\w’'-]*"
    return rf"(?:{done})[.!]?"


def trie_pattern(words: list[str]) -> str:
    """A regex matching any of `words`, shaped as a trie: "Mao|Mao Zedong|Malenkov" →
    "Ma(?:o(?: Zedong)?|lenkov)". Python's regex engine tries alternatives one by one, so a
    trie is many times faster than a flat alternation of a few hundred names."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return f"(?:{body})?"
        return body

    return build(trie)


@cache
def title(strong: bool = False) -> re.Pattern:
    """The start of a document title of the genre (``[titles] title``), or of one that may
    begin a new record in the middle of a turn (``strong``); either way also the heading of
    one conversation of several in a file (``sequel``: "Second conversation, 11 July 1949")."""
    titles = load()["titles"]
    return re.compile(rf"(?:{titles['strong' if strong else 'title']})|(?:{titles['sequel']})", re.IGNORECASE)

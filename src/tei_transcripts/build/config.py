# SPDX-License-Identifier: MIT
"""Where a project keeps its files: ``[tool.tei-transcripts]`` in its ``pyproject.toml``.

    [tool.tei-transcripts]
    transcripts = "transcripts"      # the sources (*.txt, with NAME.toml sidecars)
    tei = "tei"                      # the TEI documents, made by convert or by hand
    persons = "tei/persons.xml"      # the personography
    site = "build/site"              # the web edition
    print = "build/print"            # the print edition
    pdf = true                       # make the print edition
    font-dirs = []                   # more fonts for the print edition
    schema = ""                      # a RelaxNG schema instead of the project's
    schematron = ""                  # a Schematron instead of the project's
    cache = "build/.tei-transcripts-cache.json"

Every key is optional; paths are relative to the folder of ``pyproject.toml``.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields

from ..messages import ConversionError, Message
from ..paths import read_bytes


@dataclass
class Project:
    root: str = "."
    transcripts: str = "transcripts"
    tei: str = "tei"
    persons: str = "tei/persons.xml"
    site: str = "build/site"
    print: str = "build/print"
    pdf: bool = True
    font_dirs: list[str] = field(default_factory=list)
    schema: str = ""
    schematron: str = ""
    cache: str = "build/.tei-transcripts-cache.json"

    def path(self, key: str) -> str:
        """A configured path, relative to the current folder as the messages show it."""
        value = getattr(self, key)
        return os.path.normpath(os.path.join(self.root, value)) if value else ""


def load_project(root: str = ".") -> Project:
    """The project at `root`: its pyproject.toml's settings over the defaults. A setting
    that is unknown or of the wrong type is an error, never ignored."""
    project = Project(root=root)
    path = os.path.join(root, "pyproject.toml")
    if not os.path.exists(path):
        return project
    try:
        settings = tomllib.loads(read_bytes(path).decode("utf-8")).get("tool", {}).get("tei-transcripts", {})
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise _error(path, f"cannot read the project's settings: {error}") from None
    known = {f.name.replace("_", "-"): f for f in fields(Project) if f.name != "root"}
    for key, value in settings.items():
        spec = known.get(key)
        if spec is None:
            raise _error(path, f"[tool.tei-transcripts] has no setting {key!r}; known: {', '.join(known)}")
        default = getattr(project, spec.name)
        wrong_list = isinstance(default, list) and not (
            isinstance(value, list) and all(isinstance(v, str) for v in value)
        )
        if wrong_list or (not isinstance(default, list) and type(value) is not type(default)):
            raise _error(path, f"[tool.tei-transcripts] {key} must be a {type(default).__name__}")
        setattr(project, spec.name, value)
    return project


def _error(path: str, text: str) -> ConversionError:
    return ConversionError(Message(path, 0, 0, "error", "config-invalid", text))

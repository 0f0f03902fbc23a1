# SPDX-License-Identifier: MIT
"""One message model for the whole program.

Every stage reports through `Message`: the converter's doubts, removed page furniture,
and (later) validation errors. The command line prints them as
``file:line:col: level: text [code]`` and the exit status follows from the worst level.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, replace

LEVELS = ("info", "warning", "error")
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def printable(value: str) -> str:
    """`value` on one line without control characters, each shown as its escape (``\\n``,
    ``\\x1b``): a stranger's file name or attribute value cannot split a message in two (and
    forge another line in a CI log) or send commands to a terminal."""
    return CONTROL.sub(lambda match: repr(match.group())[1:-1], value)


@dataclass(frozen=True, order=True)
class Message:
    file: str
    line: int
    column: int
    level: str
    code: str
    text: str

    def __str__(self) -> str:
        file, text = printable(self.file), printable(self.text)
        return f"{file}:{self.line}:{self.column}: {self.level}: {text} [{self.code}]"

    def as_dict(self) -> dict:
        return asdict(self)


class ConversionError(Exception):
    """A problem that stops the conversion of one source: carries the message to print."""

    def __init__(self, message: Message):
        super().__init__(str(message))
        self.message = message


@dataclass
class Reporter:
    """Collects the messages of one source file; stages call `info`, `warning`, `error`."""

    file: str
    messages: list[Message] = field(default_factory=list)
    # the source's line of each line read, where reading parted lines (HTML blocks on one line)
    line_map: list[int] | None = None

    def source_line(self, line: int) -> int:
        """The line of the source file that line `line` of the text read comes from."""
        return self.line_map[line - 1] if self.line_map and 0 < line <= len(self.line_map) else line

    def add(self, level: str, code: str, text: str, line: int = 0, column: int = 0) -> None:
        self.messages.append(Message(self.file, self.source_line(line), column, level, code, text))

    def adopt(self, messages: list[Message]) -> None:
        """Take on messages that another reporter made about lines of the same text."""
        self.messages.extend(replace(m, line=self.source_line(m.line)) for m in messages)

    def info(self, code: str, text: str, line: int = 0, column: int = 0) -> None:
        self.add("info", code, text, line, column)

    def warning(self, code: str, text: str, line: int = 0, column: int = 0) -> None:
        self.add("warning", code, text, line, column)

    def error(self, code: str, text: str, line: int = 0, column: int = 0) -> None:
        self.add("error", code, text, line, column)

    def fail(self, code: str, text: str, line: int = 0, column: int = 0) -> ConversionError:
        """An error that ends the conversion: ``raise reporter.fail(...)``."""
        return ConversionError(Message(self.file, self.source_line(line), column, "error", code, text))


def relabel(messages: list[Message], old: str, new: str) -> list[Message]:
    """The messages about file `old` said about `new` (work done on an absolute path is
    reported under the path the user gave)."""
    return [replace(m, file=new) if m.file == old else m for m in messages]


def worst_level(messages: list[Message]) -> str | None:
    levels = {m.level for m in messages}
    for level in reversed(LEVELS):
        if level in levels:
            return level
    return None


def exit_status(messages: list[Message], warnings_as_errors: bool = False) -> int:
    worst = worst_level(messages)
    if worst == "error" or (warnings_as_errors and worst == "warning"):
        return 1
    return 0

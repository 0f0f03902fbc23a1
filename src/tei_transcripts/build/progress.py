# SPDX-License-Identifier: MIT
"""What the build shows while it works: a bar per stage on a terminal, plain lines in CI,
and the closing table."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field


@dataclass
class StageRow:
    stage: str
    inputs: int = 0
    redone: int = 0
    warnings: int = 0
    errors: int = 0
    outputs: int = 0
    seconds: float = 0.0
    started: float = field(default_factory=time.perf_counter)

    @property
    def unchanged(self) -> int:
        return self.inputs - self.redone


class Progress:
    """One stage's progress: `advance()` per finished input."""

    WIDTH = 30

    def __init__(self, stage: str, total: int, stream=None):
        self.stage, self.total, self.done = stage, total, 0
        self.stream = stream or sys.stderr
        self.bar = self.stream.isatty() and total > 0
        if total and not self.bar:
            print(f"{stage}: {total} to do", file=self.stream, flush=True)
        self._draw()

    def advance(self, count: int = 1) -> None:
        self.done += count
        self._draw()

    def note(self, line: str) -> None:
        """A message printed above the bar."""
        if self.bar:
            self.stream.write("\r\x1b[K")
        print(line, file=self.stream)
        self._draw()

    def close(self) -> None:
        if self.bar:
            self.stream.write("\r\x1b[K")
            self.stream.flush()

    def _draw(self) -> None:
        if not self.bar:
            return
        filled = self.WIDTH * self.done // self.total
        self.stream.write(
            f"\r{self.stage:<9} [{'#' * filled}{'.' * (self.WIDTH - filled)}] {self.done}/{self.total}"
        )
        self.stream.flush()


def table(rows: list[StageRow]) -> str:
    """The closing summary, one line per stage."""
    header = ("stage", "inputs", "redone", "unchanged", "warnings", "errors", "outputs", "time")
    lines = [header] + [
        (r.stage, r.inputs, r.redone, r.unchanged, r.warnings, r.errors, r.outputs, f"{r.seconds:.2f} s")
        for r in rows
    ]
    widths = [max(len(str(line[i])) for line in lines) for i in range(len(header))]
    return "\n".join(
        "  ".join(
            str(v).ljust(w) if i == 0 else str(v).rjust(w) for i, (v, w) in enumerate(zip(line, widths))
        )
        for line in lines
    )

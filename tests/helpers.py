# SPDX-License-Identifier: MIT
"""Small helpers shared by the tests: convert a string, query the result."""

from __future__ import annotations

import pathlib

from lxml import etree

from tei_transcripts.pipeline import Conversion, convert_source

NS = {"tei": "http://www.tei-c.org/ns/1.0"}


def convert_text(
    tmp_path: pathlib.Path, text: str | bytes, persons, name: str = "sample", sidecar: str | None = None
) -> Conversion:
    source = tmp_path / f"{name}.txt"
    source.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    if sidecar is not None:
        (tmp_path / f"{name}.toml").write_text(sidecar, encoding="utf-8")
    return convert_source(str(source), persons, str(tmp_path / "out"))


def documents(conversion: Conversion) -> list[etree._Element]:
    return [etree.fromstring(data) for data in conversion.outputs.values()]


def xpath(root, expression: str):
    return root.xpath(expression, namespaces=NS)


def codes(conversion: Conversion) -> list[str]:
    return [m.code for m in conversion.messages]


def assert_golden(golden: pathlib.Path, data: bytes, update: bool) -> None:
    """`data` must equal the committed golden file; with ``--update-golden`` it replaces it."""
    import difflib

    import pytest

    if update:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(data)
        return
    assert golden.exists(), f"{golden.name} is not committed; run: pytest --update-golden"
    expected = golden.read_bytes()
    if data != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.decode().splitlines(True), data.decode().splitlines(True), golden.name, "fresh", n=2
            )
        )
        pytest.fail(
            f"{golden.name} differs from fresh output:\n{diff[:6000]}\nIf intended: pytest --update-golden"
        )

# SPDX-License-Identifier: MIT
"""Validation results written for people and for machines.

Takes the per-file results of `validate` and gives text in one of six formats: ``text``
(``file:line:col: level: text [code]``, jing's shape), ``json`` (the shape the README
documents), ``junit`` (one testcase per file, for CI test tabs), ``github`` (workflow
commands that become annotations on a pull request), ``sarif`` (SARIF 2.1.0, for code
scanning) and ``markdown`` (tables of errors and of warnings, for a CI job summary).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from . import __version__
from .messages import printable

FORMATS = ("text", "json", "junit", "github", "sarif", "markdown")
JSON_VERSION = 1


@dataclass(frozen=True)
class Summary:
    files: int
    valid: int
    errors: int
    warnings: int

    @classmethod
    def of(cls, results) -> Summary:
        levels = Counter(m.level for r in results for m in r.messages)
        return cls(len(results), sum(r.valid for r in results), levels["error"], levels["warning"])

    def __str__(self) -> str:
        return (
            f"{self.files} file(s), {self.valid} valid, {self.files - self.valid} invalid, "
            f"{self.errors} error(s), {self.warnings} warning(s)"
        )


def render(name: str, results) -> str:
    writers = {
        "text": text,
        "json": as_json,
        "junit": junit,
        "github": github,
        "sarif": sarif,
        "markdown": markdown,
    }
    return writers[name](results)


def text(results) -> str:
    lines = [str(m) for r in results for m in r.messages]
    lines.append(str(Summary.of(results)))
    return "\n".join(lines) + "\n"


def as_json(results) -> str:
    summary = Summary.of(results)
    document = {
        "version": JSON_VERSION,
        "tool": {"name": "tei-transcripts", "version": __version__},
        "summary": {
            "files": summary.files,
            "valid": summary.valid,
            "invalid": summary.files - summary.valid,
            "errors": summary.errors,
            "warnings": summary.warnings,
        },
        "files": [
            {
                "file": r.file,
                "valid": r.valid,
                "messages": [{k: v for k, v in m.as_dict().items() if k != "file"} for m in r.messages],
            }
            for r in results
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def junit(results) -> str:
    summary = Summary.of(results)
    suites = etree.Element("testsuites", name="tei-transcripts validate")
    suite = etree.SubElement(
        suites,
        "testsuite",
        name="tei-transcripts validate",
        tests=str(summary.files),
        failures=str(summary.files - summary.valid),
        errors="0",
        skipped="0",
    )
    for result in results:
        case = etree.SubElement(suite, "testcase", classname="tei.validate", name=printable(result.file))
        errors = [m for m in result.messages if m.level == "error"]
        if errors:
            failure = etree.SubElement(
                case,
                "failure",
                type=errors[0].code,
                message=f"{len(errors)} error(s); first: {printable(errors[0].text)}",
            )
            failure.text = "\n".join(str(m) for m in errors)
        others = [m for m in result.messages if m.level != "error"]
        if others:
            etree.SubElement(case, "system-out").text = "\n".join(str(m) for m in others)
    return etree.tostring(suites, pretty_print=True, xml_declaration=True, encoding="UTF-8").decode()


def github(results) -> str:
    """GitHub workflow commands: ``::error file=F,line=L,col=C,title=CODE::TEXT``."""
    lines = []
    for result in results:
        for m in result.messages:
            command = {"error": "error", "warning": "warning"}.get(m.level, "notice")
            properties = [f"file={_property(printable(m.file))}"]
            if m.line:
                properties.append(f"line={m.line}")
                if m.column:
                    properties.append(f"col={m.column}")
            properties.append(f"title={_property(m.code)}")
            lines.append(f"::{command} {','.join(properties)}::{_data(m.text)}")
    lines.append(f"::notice title=tei-transcripts validate::{_data(str(Summary.of(results)))}")
    return "\n".join(lines) + "\n"


def _data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")


def sarif(results) -> str:
    codes = sorted({m.code for r in results for m in r.messages})
    runs_results = []
    for result in results:
        for m in result.messages:
            location = {"artifactLocation": {"uri": Path(m.file).as_posix()}}
            if m.line > 0:
                location["region"] = {
                    "startLine": m.line,
                    **({"startColumn": m.column} if m.column > 0 else {}),
                }
            runs_results.append(
                {
                    "ruleId": m.code,
                    "ruleIndex": codes.index(m.code),
                    "level": {"error": "error", "warning": "warning"}.get(m.level, "note"),
                    "message": {"text": m.text},
                    "locations": [{"physicalLocation": location}],
                }
            )
    document = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "tei-transcripts",
                        "version": __version__,
                        "rules": [{"id": code} for code in codes],
                    }
                },
                "results": runs_results,
            }
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def markdown(results) -> str:
    """A job summary: the counts, then a table of the errors and one of the warnings."""
    lines = [f"## TEI validation: {Summary.of(results)}", ""]
    for level, title in (("error", "Errors"), ("warning", "Warnings")):
        messages = [m for r in results for m in r.messages if m.level == level]
        if not messages:
            continue
        lines += [
            f"### {title} ({len(messages)})",
            "",
            "| File | Line:col | Message | Rule |",
            "|---|---|---|---|",
        ]
        lines += [
            f"| {_cell(m.file)} | {m.line}:{m.column} | {_cell(m.text)} | {_cell(m.code)} |" for m in messages
        ]
        lines.append("")
    return "\n".join(lines) + "\n"


def _cell(value: str) -> str:
    """Text that stays inside one table cell and shows as written."""
    value = printable(" ".join(value.split())).replace("\\", "\\\\").replace("|", "\\|")
    for special in "`*_[]<>":
        value = value.replace(special, "\\" + special)
    return value

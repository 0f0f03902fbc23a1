# SPDX-License-Identifier: MIT
"""Benchmark `tei-transcripts build` on generated projects of N documents.

    python benchmarks/build_throughput.py [--sizes 1 10 100 1000] [--jobs 1 2] [--pdf]

The corpus generator makes a project of N transcripts from the bundled single-record
transcripts (each copy with a sidecar giving it its own id, so N distinct documents) and
tei/persons.xml. For each size and each -j it runs, in a fresh process each time, as a user
would: a full build, a rebuild with nothing changed, and a rebuild after one transcript was
changed. It reports per stage the inputs, files/s and MB/s of the full build (from the
build's own table), the wall time of each run and the peak memory (max RSS) of the build
process and its workers.
"""

from __future__ import annotations

import argparse
import pathlib
import resource
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
# the transcripts that hold one record each, so a copy with its own id is one document
SOURCES = [
    "stalin-kim-il-sung-zhou-enlai-1952-09-04",
    "stalin-mao-zedong-1950-01-22",
    "stalin-zhou-enlai-1952-08-20",
    "stalin-zhou-enlai-1952-09-19",
]


def make_project(folder: pathlib.Path, documents: int) -> int:
    """A project of `documents` transcripts; returns the bytes of the transcripts."""
    (folder / "transcripts").mkdir(parents=True)
    (folder / "tei").mkdir()
    shutil.copy(ROOT / "tei" / "persons.xml", folder / "tei")
    total = 0
    for n in range(documents):
        name = SOURCES[n % len(SOURCES)]
        data = (ROOT / "transcripts" / f"{name}.txt").read_bytes()
        sidecar = ROOT / "transcripts" / f"{name}.toml"
        extra = sidecar.read_text(encoding="utf-8") if sidecar.exists() else ""
        (folder / "transcripts" / f"doc-{n:05d}.txt").write_bytes(data)
        (folder / "transcripts" / f"doc-{n:05d}.toml").write_text(
            f'id = "{name}-{n:05d}"\n{extra}', encoding="utf-8"
        )
        total += len(data)
    return total


def run_build(folder: pathlib.Path, *options: str) -> tuple[float, str, int]:
    """Wall time, stderr and exit status of one build in a fresh process."""
    command = [sys.executable, "-m", "tei_transcripts", "build", "--project", str(folder), *options]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    return time.perf_counter() - started, done.stderr, done.returncode


def stage_rows(stderr: str) -> dict[str, dict[str, str]]:
    lines = stderr[stderr.index("stage ") :].splitlines()
    header = lines[0].split()
    return {
        line.split()[0]: dict(zip(header, line.split()))
        for line in lines[1:]
        if line.split() and line.split()[0] in ("convert", "validate", "html", "pdf")
    }


def peak_memory_mb() -> float:
    """The largest resident set of any child process so far (this process's children)."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 100, 1000])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--pdf", action="store_true", help="make the print edition too")
    args = parser.parse_args()
    pdf = "--pdf" if args.pdf else "--no-pdf"
    print(
        "| documents | -j | full build | no change | one change | convert files/s (MB/s) | validate files/s (MB/s) | html files/s | peak MB |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size in args.sizes:
        for jobs in args.jobs:
            with tempfile.TemporaryDirectory() as scratch:
                folder = pathlib.Path(scratch)
                source_bytes = make_project(folder, size)
                full, err, status = run_build(folder, pdf, "-j", str(jobs))
                if status not in (0, 1):
                    sys.exit(f"the build failed:\n{err[-2000:]}")
                rows = stage_rows(err)
                tei_bytes = sum(p.stat().st_size for p in (folder / "tei").glob("*.xml"))
                none, _, _ = run_build(folder, pdf, "-j", str(jobs))
                changed = folder / "transcripts" / "doc-00000.txt"
                changed.write_bytes(changed.read_bytes() + b"\nStalin. One more sentence.\n")
                one, err_one, _ = run_build(folder, pdf, "-j", str(jobs))
                assert stage_rows(err_one)["convert"]["redone"] == "1", err_one[-800:]

                def rate(stage: str, megabytes: float | None = None) -> str:
                    seconds = float(rows[stage]["time"])
                    files = int(rows[stage]["redone"]) / seconds if seconds else float("inf")
                    text = f"{files:,.0f}"
                    return f"{text} ({megabytes / seconds:.2f})" if megabytes is not None else text

                print(
                    f"| {size:,} | {jobs} | {full:.2f} s | {none:.2f} s | {one:.2f} s "
                    f"| {rate('convert', source_bytes / 1e6)} | {rate('validate', tei_bytes / 1e6)} "
                    f"| {rate('html')} | {peak_memory_mb():.0f} |",
                    flush=True,
                )


if __name__ == "__main__":
    main()

# SPDX-License-Identifier: MIT
"""Benchmark `tei-transcripts build` on generated projects of N documents.

    python benchmarks/build_throughput.py [--sizes 1 10 100 1000] [--jobs 1 2] [--pdf]

The corpus generator makes a project of N transcripts from the bundled single-record
transcripts (each copy with a sidecar giving it its own id, so N distinct documents) and
tei/persons.xml. For each size and each -j it runs, in a fresh process each time, as a user
would: a full build, a rebuild with nothing changed, and a rebuild after one transcript was
changed. It reports per stage the inputs, files/s and MB/s of the full build (from the
build's own table), the wall time of each run and the peak memory of each stage of the full
build (the resident memory of the build process and its workers together, sampled every
20 ms).
"""

from __future__ import annotations

import argparse
import glob
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
# the transcripts that hold one record each, so a copy with its own id is one document
SOURCES = [
    "stalin-kim-il-sung-zhou-enlai-1952-09-04",
    "stalin-mao-zedong-1950-01-22",
    "stalin-zhou-enlai-1952-08-20",
    "stalin-zhou-enlai-1952-09-19",
]


STAGES = ("convert", "validate", "html")


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


class MemorySampler(threading.Thread):
    """The resident memory of a process and all its descendants, sampled every 20 ms and
    kept per stage: the peak of each (`stage` is set by whoever reads the build's output)."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.stage, self.peaks = pid, "start", {}
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.02):
            total = sum(_rss_kb(pid) for pid in _tree(self.pid))
            self.peaks[self.stage] = max(self.peaks.get(self.stage, 0), total / 1024)


def _tree(pid: int) -> list[int]:
    pids = [pid]
    for task in glob.glob(f"/proc/{pid}/task/*/children"):
        try:
            children = pathlib.Path(task).read_text().split()
        except OSError:
            continue
        for child in children:
            pids += _tree(int(child))
    return pids


def _rss_kb(pid: int) -> int:
    try:
        for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def run_build(folder: pathlib.Path, *options: str) -> tuple[float, str, int, dict[str, float]]:
    """Wall time, stderr, exit status and peak memory (MB) per stage of one build in a fresh
    process; a stage starts where the build says "STAGE: N to do"."""
    command = [sys.executable, "-m", "tei_transcripts", "build", "--project", str(folder), *options]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    sampler = MemorySampler(process.pid)
    sampler.start()
    lines = []
    for line in process.stderr:
        lines.append(line)
        begun = re.match(r"(convert|validate|html|pdf): \d+ to do", line)
        if begun:
            sampler.stage = begun[1]
    status = process.wait()
    seconds = time.perf_counter() - started
    sampler.done.set()
    sampler.join()
    return seconds, "".join(lines), status, sampler.peaks


def stage_rows(stderr: str) -> dict[str, dict[str, str]]:
    lines = stderr[stderr.index("stage ") :].splitlines()
    header = lines[0].split()
    return {
        line.split()[0]: dict(zip(header, line.split()))
        for line in lines[1:]
        if line.split() and line.split()[0] in ("convert", "validate", "html", "pdf")
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 100, 1000])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--pdf", action="store_true", help="make the print edition too")
    args = parser.parse_args()
    pdf = "--pdf" if args.pdf else "--no-pdf"
    print(
        "| documents | -j | full build | no change | one change | convert files/s (MB/s) | validate files/s (MB/s) "
        "| html files/s | peak MB: convert / validate / html |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size in args.sizes:
        for jobs in args.jobs:
            with tempfile.TemporaryDirectory() as scratch:
                folder = pathlib.Path(scratch)
                source_bytes = make_project(folder, size)
                full, err, status, peaks = run_build(folder, pdf, "-j", str(jobs))
                if status not in (0, 1):
                    sys.exit(f"the build failed:\n{err[-2000:]}")
                rows = stage_rows(err)
                tei_bytes = sum(p.stat().st_size for p in (folder / "tei").glob("*.xml"))
                none, _, _, _ = run_build(folder, pdf, "-j", str(jobs))
                changed = folder / "transcripts" / "doc-00000.txt"
                changed.write_bytes(changed.read_bytes() + b"\nStalin. One more sentence.\n")
                one, err_one, _, _ = run_build(folder, pdf, "-j", str(jobs))
                assert stage_rows(err_one)["convert"]["redone"] == "1", err_one[-800:]

                def rate(stage: str, megabytes: float | None = None) -> str:
                    seconds = float(rows[stage]["time"])
                    files = int(rows[stage]["redone"]) / seconds if seconds else float("inf")
                    text = f"{files:,.0f}"
                    return f"{text} ({megabytes / seconds:.2f})" if megabytes is not None else text

                print(
                    f"| {size:,} | {jobs} | {full:.2f} s | {none:.2f} s | {one:.2f} s "
                    f"| {rate('convert', source_bytes / 1e6)} | {rate('validate', tei_bytes / 1e6)} "
                    f"| {rate('html')} | {' / '.join(f'{peaks.get(s, 0):.0f}' for s in STAGES)} |",
                    flush=True,
                )


if __name__ == "__main__":
    main()

# SPDX-License-Identifier: MIT
"""The hostile-input battery through every stage, timed and weighed.

    python benchmarks/hostile.py

Each case of `tests/hostile.py` (entities, DTDs, XInclude, 100,000-deep nesting, a 100 MB
attribute, NUL bytes, bad encodings, processing instructions), and the valid document the
cases are made from for comparison, goes through `validate`, `render --to html`,
`render --to pdf` and `build` (-j 1, the case alone in a project's tei/), each a fresh process
as a user would run it. For each it reports the outcome (refused with which message code, or
read and handled), the wall time, the peak resident memory of that process (from
`wait4`), and whether anything was fetched from the local web server the cases point at or
the secret file they try to read reached any output. Prints a Markdown table.
"""

from __future__ import annotations

import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from hostile import BASE, SECRET, Case, logging_server  # noqa: E402

STAGES = {
    "validate": lambda case, folder, out: ["validate", "-j", "1", str(folder / f"{case}.xml")],
    "html": lambda case, folder, out: [
        *("render", "--to", "html", "--no-validate", "--no-volume", "--out", str(out)),
        *("--persons", str(folder / "persons.xml"), str(folder / f"{case}.xml")),
    ],
    "pdf": lambda case, folder, out: [
        *("render", "--to", "pdf", "--no-validate", "--no-volume", "--out", str(out)),
        *("--persons", str(folder / "persons.xml"), str(folder / f"{case}.xml")),
    ],
    "build": lambda case, folder, out: ["build", "-j", "1", "--project", str(out)],
}
CODE = re.compile(r"\[([a-z-]+)\]")


def run(arguments: list[str]) -> tuple[int, float, float, str]:
    """Exit status, seconds, peak RSS in MB and stderr+stdout of one command."""
    started = time.monotonic()
    with tempfile.TemporaryFile() as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "tei_transcripts", *arguments], stdout=output, stderr=subprocess.STDOUT
        )
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.monotonic() - started
        output.seek(0)
        text = output.read().decode("utf-8", "replace")
    return os.waitstatus_to_exitcode(status), seconds, usage.ru_maxrss / 1024, text


def make_battery(folder: pathlib.Path, server: str, secret: pathlib.Path) -> dict[str, Case]:
    """The battery's files, written by another process: a child started from this one begins
    with this process's resident memory as its peak, so this one must never hold the 100 MB
    case."""
    script = (
        "import dataclasses, json, pathlib, sys; sys.path.insert(0, sys.argv[1]); from hostile import battery; "
        "cases = battery(pathlib.Path(sys.argv[2]), sys.argv[3], pathlib.Path(sys.argv[4])); "
        "print(json.dumps([dataclasses.asdict(case) for case in cases.values()]))"
    )
    made = subprocess.run(
        [sys.executable, "-c", script, str(ROOT / "tests"), str(folder), server, str(secret)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    return {case["name"]: Case(**case) for case in json.loads(made.stdout)}


def outputs(folder: pathlib.Path) -> bytes:
    """What a stage made (the published TEI copies aside: they are the input's own bytes)."""
    if not folder.exists():
        return b""
    return b"".join(
        p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file() and "tei" not in p.parts[-2:-1]
    )


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="hostile-") as scratch:
        scratch = pathlib.Path(scratch)
        secret = scratch / "secret.txt"
        secret.write_text(SECRET)
        with logging_server(scratch / "requests.log") as (server, requests):
            folder = scratch / "battery"
            cases = make_battery(folder, server, secret)
            shutil.copy(ROOT / "tei" / f"{BASE}.xml", folder / f"{BASE}.xml")
            shutil.copy(ROOT / "tei" / "persons.xml", folder / "persons.xml")
            names = [BASE, *cases]
            print("| case | bytes | stage | outcome | exit | seconds | peak MB | fetched | leaked |")
            print("|---|---:|---|---|---:|---:|---:|---:|---|")
            worst_time, worst_memory = (0.0, ""), (0.0, "")
            for name in names:
                size = (folder / f"{name}.xml").stat().st_size
                for stage, arguments in STAGES.items():
                    out = scratch / "out" / stage / name
                    if stage == "build":
                        (out / "tei").mkdir(parents=True)
                        shutil.copy(folder / f"{name}.xml", out / "tei")
                        shutil.copy(folder / "persons.xml", out / "tei")
                        (out / "pyproject.toml").write_text("[tool.tei-transcripts]\npdf = true\n")
                    before = len(requests())
                    status, seconds, memory, text = run(arguments(name, folder, out))
                    fetched = len(requests()) - before
                    made = outputs(out / "build" if stage == "build" else out) + text.encode()
                    leaked = SECRET.encode() in made or b"REMOTE" in made or b"DEFAULTED" in made
                    codes = sorted({c for c in CODE.findall(text) if c not in ("schematron", "relaxng")})
                    refusal = cases[name].refused if name in cases else None
                    outcome = f"refused [{refusal}]" if refusal and f"[{refusal}]" in text else "read"
                    if "Traceback" in text or "internal-error" in codes:
                        outcome = "CRASH"
                    label = "(valid base document)" if name == BASE else name
                    print(
                        f"| {label} | {size:,} | {stage} | {outcome} | {status} | {seconds:.2f} "
                        f"| {memory:.0f} | {fetched} | {'YES' if leaked else 'no'} |",
                        flush=True,
                    )
                    worst_time = max(worst_time, (seconds, f"{name} ({stage})"))
                    worst_memory = max(worst_memory, (memory, f"{name} ({stage})"))
            print(f"\nworst time: {worst_time[0]:.2f} s, {worst_time[1]}")
            print(f"worst peak memory: {worst_memory[0]:.0f} MB, {worst_memory[1]}")
            print(f"requests the server saw in all: {len(requests())}")


if __name__ == "__main__":
    main()

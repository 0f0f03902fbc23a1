# SPDX-License-Identifier: MIT
"""Faults: builds killed at random moments, disks that fill, folders that cannot be written,
and two builds at once. Each build runs as its own process, as a user would run it.

After any fault, every file a build left is either absent or complete — byte for byte what an
uninterrupted build writes — and the next build finishes with exactly that result.
"""

from __future__ import annotations

import json
import os
import pathlib
import random
import re
import resource
import shutil
import signal
import subprocess
import sys
import time

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
LEFTOVER = re.compile(r"\.tei-transcripts-.*\.tmp")
LOCK = "build/.tei-transcripts-cache.json.lock"
CACHE = "build/.tei-transcripts-cache.json"
PERSONS = "tei/persons.xml"


def make_project(folder: pathlib.Path) -> pathlib.Path:
    shutil.copytree(ROOT / "transcripts", folder / "transcripts")
    (folder / "tei").mkdir()
    shutil.copy(ROOT / "tei" / "persons.xml", folder / "tei" / "persons.xml")
    (folder / "pyproject.toml").write_text("[tool.tei-transcripts]\n")
    return folder


def build_command(*options: str) -> list[str]:
    return [sys.executable, "-m", "tei_transcripts", "build", "-j", "2", *options]


def run_build(project: pathlib.Path, *options: str, **popen) -> subprocess.CompletedProcess:
    return subprocess.run(
        build_command(*options), cwd=project, capture_output=True, text=True, timeout=300, **popen
    )


def outputs(project: pathlib.Path) -> dict[str, bytes]:
    """Every file the build made (its inputs, the cache and its lock aside)."""
    made = {}
    for path in sorted(project.rglob("*")):
        relative = path.relative_to(project).as_posix()
        if (
            path.is_file()
            and relative.startswith(("tei/", "build/"))
            and relative not in (CACHE, LOCK, PERSONS)
        ):
            made[relative] = path.read_bytes()
    return made


@pytest.fixture(scope="module")
def uninterrupted(tmp_path_factory) -> tuple[dict[str, bytes], float]:
    """What an uninterrupted build of the bundled transcripts makes, and how long it took."""
    project = make_project(tmp_path_factory.mktemp("reference"))
    started = time.monotonic()
    done = run_build(project)
    took = time.monotonic() - started
    assert done.returncode == 0, done.stderr
    made = outputs(project)
    assert any(name.endswith(".pdf") for name in made) and any(name.endswith(".html") for name in made)
    return made, took


@pytest.fixture(scope="module")
def reference(uninterrupted) -> dict[str, bytes]:
    return uninterrupted[0]


def assert_intact(project: pathlib.Path, reference: dict[str, bytes]) -> list[str]:
    """Every file left is complete (equal to the reference's), or a temporary file a killed
    write left; the cache is whole JSON. Returns the temporary files."""
    leftovers = []
    for name, data in outputs(project).items():
        if LEFTOVER.fullmatch(name.rsplit("/", 1)[-1]):
            leftovers.append(name)
            continue
        assert name in reference, f"{name}: not a file an uninterrupted build makes"
        assert data == reference[name], f"{name}: differs from the uninterrupted build's"
    cache = project / CACHE
    if cache.exists():
        json.loads(cache.read_text(encoding="utf-8"))
    return leftovers


def test_killed_builds_leave_earlier_outputs_intact_and_the_next_build_completes(tmp_path, uninterrupted):
    """SIGKILL to the build and its workers at random moments (a fixed seed, spread over most
    of the time an uninterrupted build takes), again and again on the same project; then a build to
    the end gives exactly the uninterrupted result."""
    reference, full = uninterrupted
    project = make_project(tmp_path)
    chance = random.Random(20261123)
    killed = 0
    for _ in range(8):
        process = subprocess.Popen(
            build_command(), cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True,
        )  # fmt: skip
        # within the first two thirds of an uninterrupted build's time, so that a machine
        # faster now than when that time was measured still has builds to kill
        time.sleep(chance.uniform(0.03, 0.65) * full)
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            killed += 1
        process.wait()
        assert_intact(project, reference)
        if process.returncode == 0:  # it finished before the kill: start again from nothing
            shutil.rmtree(project / "build")
            for document in (project / "tei").glob("*.xml"):
                if document.name != "persons.xml":
                    document.unlink()
    assert killed >= 4, "too few builds were killed before they finished"
    done = run_build(project)
    assert done.returncode == 0, done.stderr
    assert assert_intact(project, reference) == []
    assert outputs(project) == reference


def test_a_full_disk_stops_the_build_with_nothing_partial(tmp_path, reference):
    """A file-size limit makes the kernel refuse the larger writes (EFBIG, as ENOSPC would):
    exit 2 and one clear message; no file is cut short; the next build completes."""
    project = make_project(tmp_path)
    limit = max(len(data) for data in reference.values()) // 2

    def small_disk():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    done = run_build(project, preexec_fn=small_disk)
    assert done.returncode == 2, done.stderr
    assert re.search(r"error: cannot write: File too large \[unwritable\]", done.stderr), done.stderr
    assert "Traceback" not in done.stderr
    assert assert_intact(project, reference) == []
    done = run_build(project)
    assert done.returncode == 0, done.stderr
    assert outputs(project) == reference


def read_only_folder(tmp_path: pathlib.Path) -> pathlib.Path:
    """A folder this process cannot write: chmod for a user; for root, who ignores file modes,
    a place on a read-only file system (skips when there is none)."""
    if os.geteuid() != 0:
        folder = tmp_path / "read-only"
        folder.mkdir()
        folder.chmod(0o555)
        return folder
    for candidate in (pathlib.Path("/sys"), pathlib.Path("/proc")):
        try:
            (candidate / "tei-transcripts-probe").mkdir()
        except OSError:
            return candidate / "tei-transcripts-site"
        (candidate / "tei-transcripts-probe").rmdir()
    pytest.skip("running as root with no read-only file system to write to")


def test_a_read_only_output_folder_is_a_clear_error(tmp_path, reference):
    project = make_project(tmp_path / "project")
    site = read_only_folder(tmp_path)
    (project / "pyproject.toml").write_text(f'[tool.tei-transcripts]\nsite = "{site.as_posix()}"\n')
    done = run_build(project)
    assert done.returncode == 2, done.stderr
    assert re.search(
        r"error: cannot write: (Permission denied|Operation not permitted|Read-only file system)", done.stderr
    )
    assert "Traceback" not in done.stderr
    assert not site.exists() or not any(site.iterdir())
    assert assert_intact(project, reference) == []


def test_a_second_build_waits_for_the_first(tmp_path, reference):
    """While one build holds the project, another waits, writing nothing; then it runs."""
    from tei_transcripts.build.lock import build_lock

    project = make_project(tmp_path)
    (project / "build").mkdir()
    with build_lock(str(project / CACHE) + ".lock", sys.stderr):
        waiting = subprocess.Popen(build_command(), cwd=project, stderr=subprocess.PIPE, text=True)
        first = waiting.stderr.readline()
        assert "another build is running in this project; waiting for it" in first, first
        assert outputs(project) == {}
    rest = waiting.communicate(timeout=300)[1]
    assert waiting.returncode == 0, rest
    assert outputs(project) == reference


def test_two_builds_started_at_once_give_the_uninterrupted_result(tmp_path, reference):
    project = make_project(tmp_path)
    both = [
        subprocess.Popen(
            build_command(), cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    for process in both:
        assert process.wait(timeout=300) == 0, process.stderr.read()
        process.stderr.close()
    assert outputs(project) == reference


def test_every_file_the_program_writes_is_written_atomically():
    """Only `write_atomic` opens a file for writing; the lock file is opened to be locked,
    `paths.open_regular` opens for reading only, and jing's scratch copies live in a temporary
    folder."""
    writers = re.compile(r"open\([^)]*['\"][wax]b?['\"]|\.write_(text|bytes)\(|os\.open\(")
    found = []
    for path in sorted((ROOT / "src" / "tei_transcripts").rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if writers.search(line):
                found.append(f"{path.relative_to(ROOT / 'src').as_posix()}: {line.strip()}")
    assert found == [
        'tei_transcripts/build/lock.py: with open(path, "a") as handle:',
        'tei_transcripts/paths.py: descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))',
        'tei_transcripts/serialize.py: with os.fdopen(handle, "wb") as out:',
        'tei_transcripts/validate.py: with open(target, "wb") as handle:',
    ], found


STAGES = {
    "convert": [
        "convert",
        "transcripts/stalin-mao-zedong-1950-01-22.txt",
        "--persons",
        "tei/persons.xml",
        "--out",
    ],
    "html": ["render", "tei/stalin-mao-zedong-1950-01-22.xml", "--to", "html", "--out"],
    "pdf": ["render", "tei/stalin-mao-zedong-1950-01-22.xml", "--to", "pdf", "--out"],
}


def run_stage(stage: str, out: pathlib.Path, **popen) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "tei_transcripts", *STAGES[stage], str(out)]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300, **popen)


@pytest.mark.parametrize("stage", sorted(STAGES))
def test_each_stage_stops_cleanly_on_a_full_disk(tmp_path, stage):
    """Every file a stage leaves is one it finished; exit 2 with one clear message."""
    complete = tmp_path / "complete"
    assert run_stage(stage, complete).returncode == 0
    made = {p.relative_to(complete): p.read_bytes() for p in complete.rglob("*") if p.is_file()}
    limit = max(len(data) for data in made.values()) // 2

    def small_disk():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    out = tmp_path / "out"
    done = run_stage(stage, out, preexec_fn=small_disk)
    assert done.returncode == 2, done.stderr
    assert "cannot write: File too large [unwritable]" in done.stderr and "Traceback" not in done.stderr
    for path in out.rglob("*"):
        if path.is_file():
            assert path.read_bytes() == made[path.relative_to(out)], f"{path.name} is partial"


@pytest.mark.parametrize("stage", sorted(STAGES))
def test_each_stage_stops_cleanly_on_a_read_only_folder(tmp_path, stage):
    out = read_only_folder(tmp_path) / stage
    done = run_stage(stage, out)
    assert done.returncode == 2, done.stderr
    assert re.search(
        r"cannot write: (Permission denied|Operation not permitted|Read-only file system|No such file)",
        done.stderr,
    )
    assert "[unwritable]" in done.stderr and "Traceback" not in done.stderr

# SPDX-License-Identifier: MIT
"""Where the work of `validate` and `build` runs: here, in local worker processes, or on a
Dask cluster. Every executor has one operation, `map(function, calls)`, which runs
``function(*call)`` for each call and gives the results in the order of the calls, so a
run gives the same messages and outputs whichever executor did the work.

The functions are module-level functions of this package (picklable); each keeps what it
compiles (schemas, stylesheets) in its own process, so a worker compiles them once and
reuses them for every call it is given. Paths given to the functions are absolute, since a
worker's current folder is not the caller's.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Iterator

EXECUTORS = ("local", "dask")


class ExecutorError(Exception):
    """The executor could not start (no Dask, no scheduler at the address)."""


class Executor:
    """Runs calls in order; `jobs` says how many run at once."""

    jobs = 1

    def map(self, function: Callable, calls: list[tuple], inline_below: int = 0) -> Iterator:
        """The results of ``function(*call)``, in the order of `calls`, each as soon as it and
        those before it are done (for progress bars). Fewer than `inline_below` calls may be
        run in this process, where starting workers would cost more than it saves."""
        for call in calls:
            yield function(*call)

    def close(self) -> None:
        pass

    def __enter__(self) -> "Executor":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class LocalExecutor(Executor):
    """`jobs` worker processes, started on first use and kept for every later map."""

    def __init__(self, jobs: int):
        self.jobs = max(1, jobs)
        self._pool: ProcessPoolExecutor | None = None

    def map(self, function: Callable, calls: list[tuple], inline_below: int = 0) -> Iterator:
        if self.jobs == 1 or len(calls) < max(2, inline_below):
            yield from super().map(function, calls)
            return
        if self._pool is None:
            # spawn, not fork: Saxon's runtime in a forked copy of this process is not safe
            self._pool = ProcessPoolExecutor(self.jobs, mp_context=multiprocessing.get_context("spawn"))
        size = max(1, min(16, len(calls) // (self.jobs * 4)))
        yield from self._pool.map(_call, ((function, call) for call in calls), chunksize=size)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None


class DaskExecutor(Executor):
    """An existing Dask cluster (``tei-transcripts[dask]``): the scheduler's address, e.g.
    ``tcp://10.0.0.5:8786``. The workers need this package installed and must see the files
    under the same absolute paths (a shared file system)."""

    def __init__(self, address: str):
        try:
            from distributed import Client
        except ImportError:
            raise ExecutorError(
                "--executor dask needs Dask's distributed package: pip install 'tei-transcripts[dask]'"
            ) from None
        try:
            self.client = Client(address, timeout="10s", set_as_default=False)
        except (OSError, TimeoutError, ValueError) as error:
            raise ExecutorError(f"cannot reach the Dask scheduler at {address}: {error}") from None
        self.jobs = max(1, sum(self.client.nthreads().values()))

    def map(self, function: Callable, calls: list[tuple], inline_below: int = 0) -> Iterator:
        futures = [self.client.submit(function, *call, pure=False) for call in calls]
        for future in futures:
            yield future.result()

    def close(self) -> None:
        self.client.close()


def make(kind: str = "local", jobs: int | None = None, scheduler: str | None = None) -> Executor:
    if kind == "dask":
        if not scheduler:
            raise ExecutorError("--executor dask needs --scheduler ADDRESS")
        return DaskExecutor(scheduler)
    return LocalExecutor(jobs or os.cpu_count() or 1)


def _call(job: tuple) -> object:
    function, call = job
    return function(*call)


def shard(paths: list[str], spec: str | None, root: str = ".") -> list[str]:
    """The share of `paths` that shard ``I/N`` takes (I from 1 to N): a file's shard follows
    from a hash of its path relative to `root`, so it depends neither on which other files
    exist nor on where the checkout is, and every file is in exactly one shard."""
    if not spec:
        return paths
    index, count = parse_shard(spec)
    return [p for p in paths if _stable_hash(_relative(p, root)) % count == index - 1]


def _relative(path: str, root: str) -> str:
    return os.path.relpath(os.path.abspath(path), os.path.abspath(root)).replace(os.sep, "/")


def parse_shard(spec: str) -> tuple[int, int]:
    try:
        index, count = (int(part) for part in spec.split("/"))
    except ValueError:
        raise ValueError(f"--shard wants I/N, such as 1/4, not {spec!r}") from None
    if not 1 <= index <= count:
        raise ValueError(f"--shard {spec}: I must be between 1 and N")
    return index, count


def _stable_hash(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big")

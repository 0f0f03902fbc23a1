# SPDX-License-Identifier: MIT
"""One build at a time in a build folder.

Two builds started at once in the same project would write the same files and the same
cache; the second waits for the first (an advisory lock on a file beside the cache, which
the operating system releases when the holder ends, even when it is killed). The lock file
is never removed: removing it would let a third build lock a different file.
"""

from __future__ import annotations

import contextlib
import os

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; builds are not guarded there
    fcntl = None


@contextlib.contextmanager
def build_lock(path: str, stream):
    """Hold the lock at `path` for the block; say so on `stream` when another build holds it."""
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "a") as handle:
        if fcntl is not None:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                print(
                    f"{path}: another build is running in this project; waiting for it",
                    file=stream,
                    flush=True,
                )
                fcntl.flock(handle, fcntl.LOCK_EX)
        yield

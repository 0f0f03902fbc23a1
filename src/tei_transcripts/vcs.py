# SPDX-License-Identifier: MIT
"""Which files git says changed: `validate --changed-since REV` checks only those."""

from __future__ import annotations

import os
import subprocess


class GitError(Exception):
    pass


def changed_since(revision: str) -> set[str]:
    """Absolute paths of the files that differ from `revision` in the work tree (committed
    since, staged or not), and of untracked files git does not ignore."""
    root = _git("rev-parse", "--show-toplevel").strip()
    changed = _git("diff", "--name-only", "-z", "--no-renames", revision, "--")
    untracked = _git("ls-files", "--others", "--exclude-standard", "-z", "--full-name", root)
    names = [n for n in (changed + untracked).split("\0") if n]
    return {os.path.realpath(os.path.join(root, name)) for name in names}


def _git(*arguments: str) -> str:
    try:
        done = subprocess.run(["git", *arguments], capture_output=True, text=True, check=False)
    except OSError as error:
        raise GitError(f"cannot run git: {error.strerror or error}") from None
    if done.returncode:
        raise GitError(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "git failed")
    return done.stdout

# SPDX-License-Identifier: MIT
"""Paths that strangers chose: the files this program reads, and the names it writes.

It reads regular files only: at a path from a stranger's folder there may be a FIFO (opening
it waits for a writer forever) or a device (reading it never ends).

A name this program writes is a stem of letters, digits, '.', '_' and '-' only: no '/', no
'..', no absolute path, no NUL or control character, at most 100 characters, and never a name
Windows reserves (CON, NUL, COM1, ... with or without an extension), so the same edition can
be unpacked on any system.
"""

from __future__ import annotations

import errno
import os
import re
import stat

SAFE_STEM = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
WINDOWS_RESERVED = re.compile(r"(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?", re.IGNORECASE)


def open_regular(path):
    """The regular file at `path`, open for reading in binary. Anything else is an OSError,
    as a missing file is, and is never waited for."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    mode = os.fstat(descriptor).st_mode
    if not stat.S_ISREG(mode):
        os.close(descriptor)
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        raise OSError(errno.EINVAL, "not a regular file (a FIFO, a device or a socket)", str(path))
    return os.fdopen(descriptor, "rb")


def read_bytes(path, limit: int | None = None) -> bytes:
    """The bytes of the regular file at `path` (with `limit`, at most limit + 1 of them, so
    that a longer file can be told)."""
    with open_regular(path) as handle:
        return handle.read() if limit is None else handle.read(limit + 1)


def files_under(folder: str, suffix: str) -> list[str]:
    """Every file in `folder` and the folders inside it whose name ends with `suffix`, sorted,
    as ``glob(folder/**/*suffix)`` finds them (hidden names aside), except that a symbolic link
    to a folder is not followed: a link to its own folder would list the same files again and
    again, and two such links a number of paths that doubles at every level."""
    found = []
    for directory, subfolders, files in os.walk(folder):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        found.extend(
            os.path.join(directory, name)
            for name in files
            if name.endswith(suffix) and not name.startswith(".")
        )
    return sorted(found)


# The project's identifiers (the ODD's teidata.id): lower-case letters and digits in words
# joined by single hyphens, beginning with a letter: "stalin-mao-1949-12-16".
PROJECT_ID = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")


def project_id(name: str) -> str:
    """`name` made an identifier of the project's form, and safe as a file-name stem:
    "Stalin_Mao 16.XII.1949" → "stalin-mao-16-xii-1949"."""
    words = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:100].rstrip("-") or "document"
    words = words if words[0].isalpha() else f"doc-{words}"
    return safe_stem(words) or words


def safe_stem(candidate: str, reserved: set[str] = frozenset()) -> str | None:
    """`candidate` made safe as a file-name stem, or None when nothing of it is left. A stem
    that is reserved (by Windows, or in `reserved`, compared without case) gets ``doc-``."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", candidate).strip("-.")[:100].rstrip("-.")
    if not SAFE_STEM.fullmatch(stem):
        return None
    if WINDOWS_RESERVED.fullmatch(stem) or stem.lower() in reserved:
        return f"doc-{stem}"
    return stem

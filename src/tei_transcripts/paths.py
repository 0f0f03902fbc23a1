# SPDX-License-Identifier: MIT
"""Output file names from ids and titles that strangers wrote.

A name this program writes is a stem of letters, digits, '.', '_' and '-' only: no '/', no
'..', no absolute path, no NUL or control character, at most 100 characters, and never a name
Windows reserves (CON, NUL, COM1, ... with or without an extension), so the same edition can
be unpacked on any system.
"""

from __future__ import annotations

import re

SAFE_STEM = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
WINDOWS_RESERVED = re.compile(r"(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?", re.IGNORECASE)


def safe_stem(candidate: str, reserved: set[str] = frozenset()) -> str | None:
    """`candidate` made safe as a file-name stem, or None when nothing of it is left. A stem
    that is reserved (by Windows, or in `reserved`, compared without case) gets ``doc-``."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", candidate).strip("-.")[:100].rstrip("-.")
    if not SAFE_STEM.fullmatch(stem):
        return None
    if WINDOWS_RESERVED.fullmatch(stem) or stem.lower() in reserved:
        return f"doc-{stem}"
    return stem

# SPDX-License-Identifier: MIT
"""What the last build did, so that a rebuild does only what changed.

One JSON file in the build folder. For each stage and each input it records the input's
*key* — a hash of everything the outputs depend on: the input's bytes, the versions of the
code, stylesheets and schemas, the parts of the personography the input refers to — and
the outputs written from it with their sizes and times, and the messages it gave. An input
whose key is unchanged and whose outputs are still there as written is not redone; its
messages are given again, so a rebuild reports exactly what a full build would.

A cache that cannot be read, is not ours, or was made for another project is discarded
with a warning and never trusted.
"""

from __future__ import annotations

import hashlib
import json
import os

from ..messages import Message
from ..paths import read_bytes
from ..serialize import write_atomic

FORMAT = "tei-transcripts build cache"
VERSION = 1


def digest(*parts) -> str:
    """A hash of strings, bytes and JSON-able values, in order (a value is hashed as its
    `json_bytes`; bytes as they are)."""
    hasher = hashlib.blake2b(digest_size=16)
    for part in parts:
        if not isinstance(part, bytes):
            part = json_bytes(part)
        hasher.update(len(part).to_bytes(8, "big"))
        hasher.update(part)
    return hasher.hexdigest()


def json_bytes(value) -> bytes:
    return json.dumps(value, sort_keys=True, ensure_ascii=False).encode("utf-8")


def data_digest(data: bytes) -> str:
    """The hash of a file's bytes."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def file_digest(path: str) -> str:
    """The hash of a file's bytes ('' when there is no such file; the reason when it cannot
    be read, for the stage that reads it to report)."""
    try:
        return data_digest(read_bytes(path))
    except FileNotFoundError:
        return ""
    except OSError as error:
        return f"unreadable: {error.strerror}"


def stamp(path: str) -> list[int] | None:
    """Size and modification time of an output, to notice one changed or removed since."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return [info.st_size, info.st_mtime_ns]


class Cache:
    def __init__(self, path: str, project: str):
        self.path = path
        self.project = project
        self.old: dict[str, dict[str, dict]] = {}  # stage → input → record, as last built
        self.new: dict[str, dict[str, dict]] = {}  # what this build found or did
        self.loaded = False  # the file was read and trusted
        self.written = False  # this build wrote the file

    @classmethod
    def load(cls, path: str, project: str) -> tuple["Cache", Message | None]:
        cache = cls(path, project)
        try:
            data = json.loads(read_bytes(path).decode("utf-8"))
        except FileNotFoundError:
            return cache, None
        except (OSError, ValueError) as error:
            return cache, _discarded(path, f"it cannot be read ({error})")
        if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("version") != VERSION:
            return cache, _discarded(path, "it is not a cache of this version of tei-transcripts")
        if data.get("project") != project:
            return cache, _discarded(path, "it was made for another project or other settings")
        stages = data.get("stages")
        if not isinstance(stages, dict) or not all(
            isinstance(records, dict) and all(isinstance(r, dict) for r in records.values())
            for records in stages.values()
        ):
            return cache, _discarded(path, "its contents are damaged")
        cache.old, cache.loaded = stages, True
        return cache, None

    def fresh(self, stage: str, item: str, key: str) -> dict | None:
        """The record of `item` when its key is unchanged and every output it wrote is still
        there as written; else None (redo it)."""
        record = self.old.get(stage, {}).get(item)
        if not record or record.get("key") != key:
            return None
        outputs = record.get("outputs", {})
        if not isinstance(outputs, dict) or any(stamp(p) != s for p, s in outputs.items()):
            return None
        try:
            messages_of(record)
        except (TypeError, ValueError):
            return None
        return record

    def record(self, stage: str, item: str, key: str, outputs: list[str], messages: list[Message], **extra):
        self.new.setdefault(stage, {})[item] = {
            "key": key,
            "outputs": {p: stamp(p) for p in outputs},
            "messages": [m.as_dict() for m in messages],
            **extra,
        }

    def keep(self, stage: str, item: str, record: dict) -> None:
        self.new.setdefault(stage, {})[item] = record

    def stale_outputs(self, stage: str) -> list[str]:
        """Outputs the last build wrote in `stage` that this build did not: to be removed."""
        now = {p for r in self.new.get(stage, {}).values() for p in r.get("outputs", {})}
        return sorted({p for r in self.old.get(stage, {}).values() for p in r.get("outputs", {})} - now)

    def save(self) -> None:
        """Write the cache, unless it would say what the file already says."""
        stages = {**self.old, **self.new}
        if not self.written and self.loaded and stages == self.old:
            return  # (no record is changed in place: a kept record is the one read)
        data = {"format": FORMAT, "version": VERSION, "project": self.project, "stages": stages}
        write_atomic(self.path, json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8"))
        self.written = True


def messages_of(record: dict) -> list[Message]:
    """The messages a record keeps (TypeError when they are damaged)."""
    return [Message(**m) for m in record.get("messages", [])]


def _discarded(path: str, why: str) -> Message:
    return Message(
        path,
        0,
        0,
        "warning",
        "cache-discarded",
        f"the build cache was discarded: {why}; everything is rebuilt",
    )

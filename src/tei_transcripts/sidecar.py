# SPDX-License-Identifier: MIT
"""The optional ``NAME.toml`` beside ``NAME.txt``: what the transcript itself does not say.

Top-level keys apply to every record of the source; ``[[record]]`` tables, in order, to
one record each. Keys: id, title, date (ISO 8601), place, author (a persons.xml id),
url, citation, translator, language (of the original the transcript translates).
"""

from __future__ import annotations

import os
import re
import tomllib

from .messages import Reporter
from .paths import PROJECT_ID, read_bytes, safe_stem

KEYS = {"id", "title", "date", "place", "author", "url", "citation", "translator", "language"}
ISO_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def sidecar_path(transcript: str) -> str:
    return os.path.splitext(transcript)[0] + ".toml"


def load_sidecar(transcript: str, report: Reporter) -> tuple[dict, list[dict]]:
    """(keys for every record, keys per record); both empty when there is no sidecar."""
    path = sidecar_path(transcript)
    if not os.path.exists(path):
        return {}, []
    try:
        data = tomllib.loads(read_bytes(path).decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise report.fail("bad-sidecar", f"{os.path.basename(path)}: {error}") from None
    except OSError as error:
        raise report.fail(
            "bad-sidecar", f"{os.path.basename(path)}: cannot read it: {error.strerror}"
        ) from None
    records = data.pop("record", [])
    if not isinstance(records, list):
        raise report.fail(
            "bad-sidecar", f"{os.path.basename(path)}: 'record' must be an array of tables ([[record]])"
        )
    for table in [data, *records]:
        for key, value in table.items():
            if key not in KEYS:
                report.warning("sidecar-key", f"{os.path.basename(path)}: unknown key '{key}' ignored")
            elif not isinstance(value, str):
                raise report.fail("bad-sidecar", f"{os.path.basename(path)}: '{key}' must be a string")
        if "date" in table and not ISO_DATE.fullmatch(table["date"]):
            raise report.fail(
                "bad-sidecar",
                f"{os.path.basename(path)}: date '{table['date']}' is not YYYY, YYYY-MM or YYYY-MM-DD",
            )
        if "id" in table and not (
            PROJECT_ID.fullmatch(table["id"]) and safe_stem(table["id"]) == table["id"]
        ):
            raise report.fail(
                "bad-sidecar",
                f"{os.path.basename(path)}: id '{table['id']}' is not an id of the project's form "
                "(lower-case letters and digits in words joined by hyphens, beginning with a letter; "
                "not a name Windows reserves such as con)",
            )
    return data, records

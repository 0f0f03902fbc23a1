# SPDX-License-Identifier: MIT
"""Transcript → TEI golden files: the committed ``tei/`` is the golden output.

Each transcript is converted again and must give exactly the bytes committed in ``tei/``.
After a deliberate change, ``pytest --update-golden`` rewrites them; read the diff first.
"""

from __future__ import annotations

import pathlib

import pytest

from helpers import assert_golden
from tei_transcripts.pipeline import convert_source

ROOT = pathlib.Path(__file__).resolve().parent.parent
TRANSCRIPTS = sorted((ROOT / "transcripts").glob("*.txt"))
TEI = ROOT / "tei"


@pytest.mark.parametrize("source", TRANSCRIPTS, ids=[t.stem for t in TRANSCRIPTS])
def test_tei_is_fresh(source, persons, update_golden):
    conversion = convert_source(str(source), persons, str(TEI))
    assert not conversion.failed, [str(m) for m in conversion.messages]
    assert conversion.outputs
    for name, data in conversion.outputs.items():
        assert_golden(TEI / name, data, update_golden)


def test_no_stale_documents(persons):
    """Every TEI document in tei/ comes from a transcript in transcripts/."""
    made = set()
    for source in TRANSCRIPTS:
        made.update(convert_source(str(source), persons, str(TEI)).outputs)
    committed = {p.name for p in TEI.glob("*.xml")} - {"persons.xml"}
    assert committed == made

# SPDX-License-Identifier: MIT
"""Each block rule, transform and inline rule against small transcripts of its own.

Every ``fixtures/convert/NAME.txt`` is converted and checked against ``NAME.toml``:

- ``turns``: the ``sp/@who`` of every turn, in order ("" for an unattributed turn);
- ``speakers``: the ``speaker`` labels, in order;
- ``messages``: message codes that must appear; ``absent``: codes that must not;
- ``[xpath]``: XPath expressions over the first document and the value each must give;
  ``[xpath_last]``: the same over the last (where the source gives several);
- ``documents``: how many TEI documents the source gives (default 1);
- ``removed``: the page furniture removed, as printed, in order (the report's list).

Every conversion must also be lossless, free of errors unless ``error`` names the code, and
valid against the project's schema (RelaxNG and Schematron errors).
"""

from __future__ import annotations

import pathlib
import tomllib

import pytest

from helpers import NS, codes, documents
from tei_transcripts.encode.rules.apparatus import roman_value
from tei_transcripts.pipeline import convert_source
from tei_transcripts.validate import validator

ROOT = pathlib.Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "convert"
CASES = sorted(FIXTURES.glob("*.txt"))


def expectation(case: pathlib.Path) -> dict:
    with open(case.with_suffix(".expect.toml"), "rb") as handle:
        return tomllib.load(handle)


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_fixture(case, persons, tmp_path):
    expected = expectation(case)
    conversion = convert_source(str(case), persons, str(ROOT / "tei"))  # writes nothing
    found = codes(conversion)
    if "error" in expected:
        assert expected["error"] in found, conversion.messages
        assert not conversion.outputs
        return
    assert not conversion.failed, [str(m) for m in conversion.messages]
    docs = documents(conversion)
    assert len(docs) == expected.get("documents", 1)
    assert_valid(conversion.outputs, tmp_path)
    root = docs[0]
    if "turns" in expected:
        turns = [sp.get("who") or "" for sp in root.iterfind(".//tei:sp", NS)]
        assert turns == expected["turns"]
    if "speakers" in expected:
        assert ["".join(s.itertext()) for s in root.iterfind(".//tei:speaker", NS)] == expected["speakers"]
    for code in expected.get("messages", []):
        assert code in found, f"expected message [{code}], got {found}"
    for code in expected.get("absent", []):
        assert code not in found, (
            f"unexpected message [{code}]: {[str(m) for m in conversion.messages if m.code == code]}"
        )
    if "removed" in expected:
        assert [r["text"] for r in conversion.report["removed"]] == expected["removed"]
    said = [str(m) for m in conversion.messages]
    assert len(said) == len(set(said)), f"a message said twice: {said}"
    for key, doc in (("xpath", root), ("xpath_last", docs[-1])):
        for query, value in expected.get(key, {}).items():
            result = doc.xpath(query, namespaces=NS)
            if isinstance(result, list):
                result = [r if isinstance(r, str) else "".join(r.itertext()) for r in result]
            assert result == value, f"{key} {query}: {result!r} != {value!r}"


def assert_valid(outputs: dict[str, bytes], folder: pathlib.Path) -> None:
    """Each document, written beside a copy of the personography as in tei/, is valid."""
    (folder / "persons.xml").write_bytes((ROOT / "tei" / "persons.xml").read_bytes())
    for name, data in outputs.items():
        (folder / name).write_bytes(data)
        errors = [str(m) for m in validator({}).validate(str(folder / name)).messages if m.level == "error"]
        assert not errors, errors


def test_every_fixture_has_an_expectation():
    assert CASES, "no fixtures found"
    for case in CASES:
        assert case.with_suffix(".expect.toml").exists(), case.name


def test_an_unknown_speaker_message_names_the_likely_spelling(persons):
    case = FIXTURES / "unknown-speaker-misprint.txt"
    conversion = convert_source(str(case), persons, str(ROOT / "tei"))
    (message,) = [m for m in conversion.messages if m.code == "unknown-speaker"]
    assert "a misprint of 'Stalin'?" in message.text
    assert message.line == 3


def test_an_unread_date_field_is_reported_on_its_own_line_with_the_reason(persons):
    case = FIXTURES / "dates-in-numbers-whose-order-is-uncertain.txt"
    conversion = convert_source(str(case), persons, str(ROOT / "tei"))
    (unread,) = [m for m in conversion.messages if m.code == "date-unparsed"]
    assert (unread.line, unread.text) == (
        2,
        "could not read the document date '5/6/1950': day and month may be either way round",
    )
    # the field's date is said once, the one in the text where it stands
    assert [(m.line, m.text) for m in conversion.messages if m.code == "date-ambiguous"] == [
        (5, "'3/4/1950' may be day/month or month/day; left untagged")
    ]


@pytest.mark.parametrize(
    "numeral, value",
    [("i", 1), ("iv", 4), ("ix", 9), ("xiv", 14), ("xxxix", 39), ("xl", None), ("vv", None), ("", None)],
)
def test_small_roman_numerals_of_endnotes(numeral, value):
    """Endnotes' numbers in small Roman numerals, read to tell that "v" follows "iv"."""
    assert roman_value(numeral) == value

# SPDX-License-Identifier: MIT
"""`validate`: the fixture cases, bad input, the output formats, exit codes, workers, other schemas."""

from __future__ import annotations

import json
import os
import re
import shutil
import tomllib

import pytest
from conftest import ROOT, SHARED
from lxml import etree

from tei_transcripts.cli import main
from tei_transcripts.validate import DEFAULT_RNG, DEFAULT_SCH, Validator, closed_lists

FIXTURES = ROOT / "tests" / "fixtures" / "validate"
CASES = tomllib.loads((FIXTURES / "cases.toml").read_text(encoding="utf-8"))["case"]


@pytest.fixture(scope="module")
def validator():
    return Validator()


def materialise(case: dict, folder) -> str:
    """Write the case's document (after its edits) and the personography into `folder`."""
    name = case.get("file", "record.xml")
    text = (FIXTURES / name).read_text(encoding="utf-8")
    for old, new in case["edits"]:
        assert text.count(old) == 1, f"{case['name']}: edit {old[:60]!r} matches {text.count(old)} times"
        text = text.replace(old, new)
    if name != "persons.xml":
        shutil.copy(FIXTURES / "persons.xml", folder / "persons.xml")
    (folder / name).write_text(text, encoding="utf-8")
    return str(folder / name)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case_gives_exactly_its_messages(case, validator, tmp_path):
    result = validator.validate(materialise(case, tmp_path))
    found = {f"{m.code}@{m.line}" for m in result.messages}
    assert found == set(case["expect"]), "\n".join(str(m) for m in result.messages)
    assert all(m.column > 0 for m in result.messages), "every message points at a column"


def test_every_rule_and_closed_list_has_a_valid_and_an_invalid_case():
    schematron = etree.parse(str(DEFAULT_SCH))
    rules = {
        a.get("id")
        for a in schematron.iter(
            "{http://purl.oclc.org/dsdl/schematron}assert", "{http://purl.oclc.org/dsdl/schematron}report"
        )
    }
    lists = {f"{element}/@{attribute}" for element, attribute in closed_lists(etree.parse(str(DEFAULT_RNG)))}
    required = rules | lists | {"xml:id"}
    valid = {c for case in CASES if not case["expect"] for c in case["covers"]}
    invalid = {c for case in CASES if case["expect"] for c in case["covers"]}
    assert len(rules) >= 12 and len(lists) >= 14
    assert required - valid == set(), "no valid case"
    assert required - invalid == set(), "no invalid case"
    for case in CASES:
        for rule in set(case["covers"]) & rules:
            if case["expect"]:
                assert any(e.startswith(rule + "@") for e in case["expect"]), f"{case['name']} covers {rule}"


def test_rule_messages_name_the_offending_value(validator, tmp_path):
    case = next(c for c in CASES if c["name"] == "who-unresolved")
    (message,) = validator.validate(materialise(case, tmp_path)).messages
    assert '"#zhou"' in message.text and message.level == "error"
    case = next(c for c in CASES if c["name"] == "note-type-unknown")
    (message,) = validator.validate(materialise(case, tmp_path)).messages
    assert '"remark"' in message.text and "clarification" in message.text
    assert message.column == 26  # the attribute itself, not the element


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    "content, code, line",
    [
        (b"", "empty-file", 0),
        (b"   \n", "empty-file", 0),
        (b"this is not XML", "not-well-formed", 1),
        (b"<TEI xmlns='http://www.tei-c.org/ns/1.0'>\n<teiHeader>\n</TEI>", "not-well-formed", 3),
        (b"<html xmlns='http://www.w3.org/1999/xhtml'/>", "not-tei", 1),
        (b"<TEI/>", "not-tei", 1),
        (
            b'<!DOCTYPE TEI [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
            b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><TEI xmlns="http://www.tei-c.org/ns/1.0">&c;</TEI>',
            "entity-declared",
            1,
        ),
        (
            b'<!DOCTYPE TEI [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><p>&x;</p></TEI>',
            "entity-declared",
            1,
        ),
    ],
    ids=[
        "empty",
        "blank",
        "not-xml",
        "not-well-formed",
        "other-namespace",
        "no-namespace",
        "entity-bomb",
        "external-entity",
    ],
)
def test_bad_input_is_one_clear_message(content, code, line, validator, tmp_path):
    path = tmp_path / "bad.xml"
    path.write_bytes(content)
    (message,) = validator.validate(str(path)).messages
    assert (message.code, message.line, message.level) == (code, line, "error")
    assert "passwd" not in message.text and "root:" not in message.text


def test_gigabyte_file_refused_without_reading_it(validator, tmp_path):
    path = tmp_path / "huge.xml"
    with open(path, "wb") as handle:
        handle.truncate(1024**3)  # sparse: nothing is written to disk
    (message,) = validator.validate(str(path)).messages
    assert message.code == "too-large" and "1,073,741,824" in message.text


# ---------------------------------------------------------------- the command line


def run(capsys, *argv) -> tuple[int, str, str]:
    status = main(["validate", *map(str, argv)])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def corpus(tmp_path):
    """A folder with one valid record, one invalid, one with only a warning, and the personography."""
    for name, case in [("record", "record-valid"), ("invalid", "who-unresolved"), ("warned", "turn-empty")]:
        folder = tmp_path / name
        folder.mkdir()
        path = materialise(next(c for c in CASES if c["name"] == case), folder)
        text = open(path, encoding="utf-8").read().replace('xml:id="record"', f'xml:id="{name}"')
        (tmp_path / f"{name}.xml").write_text(text, encoding="utf-8")
        shutil.rmtree(folder)
    shutil.copy(FIXTURES / "persons.xml", tmp_path / "persons.xml")
    return tmp_path


def test_text_format_and_exit_status(corpus, capsys):
    status, out, _ = run(capsys, corpus)
    lines = out.splitlines()
    assert status == 1
    assert re.fullmatch(r".*invalid\.xml:91:\d+: error: .*\[who-resolves\]", lines[0])
    assert re.fullmatch(r".*warned\.xml:98:\d+: warning: .*\[no-empty-turn\]", lines[1])
    assert lines[-1] == "4 file(s), 3 valid, 1 invalid, 1 error(s), 1 warning(s)"
    assert run(capsys, corpus / "record.xml", corpus / "warned.xml")[0] == 0
    assert run(capsys, "--warnings-as-errors", corpus / "warned.xml")[0] == 1


def test_could_not_run_is_exit_two(corpus, capsys, tmp_path):
    assert run(capsys, corpus / "missing.xml")[0] == 2
    assert run(capsys, str(corpus / "*.nothing"))[0] == 2
    bad_schema = tmp_path / "bad.rng"
    bad_schema.write_text(
        "<grammar xmlns='http://relaxng.org/ns/structure/1.0'><start><ref name='x'/></start></grammar>"
    )
    status, _, err = run(capsys, "--schema", bad_schema, corpus / "record.xml")
    assert status == 2 and "[schema-invalid]" in err
    bad_sch = tmp_path / "bad.sch"
    bad_sch.write_text(
        "<schema xmlns='http://purl.oclc.org/dsdl/schematron' queryBinding='xslt3'>"
        "<pattern><rule context='*'><assert test='((('>x</assert></rule></pattern></schema>"
    )
    status, _, err = run(capsys, "--schematron", bad_sch, corpus / "record.xml")
    assert status == 2 and "[schema-invalid]" in err and "Traceback" not in err


def test_size_limits_in_bytes_and_in_tags(corpus, capsys):
    """Both limits refuse before parsing, with the number found and the option to change."""
    record = corpus / "record.xml"
    status, out, _ = run(capsys, record, "--max-tags", "100")
    assert status == 1 and re.search(
        r"record\.xml:1:1: error: the file has [\d,]+ tags, more than the limit of 100 \(--max-tags\)", out
    )
    status, out, _ = run(capsys, record, "--max-bytes", "1000")
    assert status == 1 and "more than the limit of 1,000 (--max-bytes) [too-large]" in out
    assert run(capsys, record)[0] == 0


def test_unreadable_file_is_exit_two(corpus, capsys, monkeypatch):
    real_open = os.open  # files are read through os.open (paths.open_regular); root reads all

    def refuse(path, *args, **kwargs):
        if str(path).endswith("record.xml"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr("os.open", refuse)
    status, out, _ = run(capsys, corpus / "record.xml")
    assert status == 2 and "[unreadable]" in out


def test_json_format(corpus, capsys):
    status, out, err = run(capsys, "--format", "json", corpus)
    document = json.loads(out)
    assert status == 1 and document["version"] == 1
    assert document["summary"] == {"files": 4, "valid": 3, "invalid": 1, "errors": 1, "warnings": 1}
    by_file = {os.path.basename(f["file"]): f for f in document["files"]}
    assert by_file["invalid.xml"]["valid"] is False
    (message,) = by_file["invalid.xml"]["messages"]
    assert set(message) == {"line", "column", "level", "code", "text"} and message["code"] == "who-resolves"
    assert "4 file(s)" in err


def test_junit_format_has_the_required_structure(corpus, capsys, tmp_path):
    report = tmp_path / "junit.xml"
    assert run(capsys, "--format", "junit", "--output", report, corpus)[0] == 1
    suites = etree.parse(str(report)).getroot()
    assert suites.tag == "testsuites"
    (suite,) = suites
    assert suite.tag == "testsuite" and {"name", "tests", "failures", "errors"} <= set(suite.attrib)
    assert (suite.get("tests"), suite.get("failures")) == ("4", "1")
    cases = suite.findall("testcase")
    assert len(cases) == 4 and all(c.get("name") and c.get("classname") for c in cases)
    failures = [c for c in cases if c.find("failure") is not None]
    assert len(failures) == 1 and failures[0].get("name").endswith("invalid.xml")
    assert (
        failures[0].find("failure").get("message")
        and failures[0].find("failure").get("type") == "who-resolves"
    )


def test_sarif_format_has_the_required_structure(corpus, capsys):
    _, out, _ = run(capsys, "--format", "sarif", corpus)
    sarif = json.loads(out)
    assert sarif["version"] == "2.1.0" and sarif["$schema"].endswith("sarif-2.1.0.json")
    (run_,) = sarif["runs"]
    driver = run_["tool"]["driver"]
    assert driver["name"] == "tei-transcripts"
    rule_ids = [r["id"] for r in driver["rules"]]
    assert len(run_["results"]) == 2
    for result in run_["results"]:
        assert result["level"] in ("error", "warning", "note", "none")
        assert result["message"]["text"] and rule_ids[result["ruleIndex"]] == result["ruleId"]
        (location,) = result["locations"]
        assert location["physicalLocation"]["artifactLocation"]["uri"].endswith(".xml")
        assert location["physicalLocation"]["region"]["startLine"] >= 1


def test_github_format(corpus, capsys):
    _, out, _ = run(capsys, "--format", "github", corpus)
    lines = out.splitlines()
    assert re.fullmatch(r"::error file=[^,]*invalid\.xml,line=91,col=\d+,title=who-resolves::.*", lines[0])
    assert lines[1].startswith("::warning file=") and "title=no-empty-turn" in lines[1]
    assert lines[-1].startswith("::notice title=tei-transcripts validate::4 file(s)")


def test_workers_give_the_same_results(corpus, capsys):
    one = run(capsys, "--format", "json", corpus)[1]
    two = run(capsys, "--format", "json", "-j", "2", corpus)[1]
    assert json.loads(one) == json.loads(two)


def test_other_schemas(corpus, capsys, tmp_path):
    """A repository's own schema and Schematron: here a one-rule xslt2 Schematron."""
    sch = tmp_path / "house.sch"
    sch.write_text(
        "<schema xmlns='http://purl.oclc.org/dsdl/schematron' queryBinding='xslt2'>"
        "<ns prefix='tei' uri='http://www.tei-c.org/ns/1.0'/>"
        "<pattern id='house'><rule context='tei:speaker'>"
        "<report test='matches(., \"^[A-Z ]+$\")' id='house-caps' role='warning'>speaker <value-of select='.'/> in capitals</report>"
        "</rule></pattern></schema>"
    )
    status, out, _ = run(capsys, "--schema", DEFAULT_RNG, "--schematron", sch, corpus / "record.xml")
    assert status == 0
    assert [line.split(": ", 2)[2] for line in out.splitlines()[:-1]] == [
        "speaker STALIN in capitals [house-caps]",
        "speaker ZHOU ENLAI in capitals [house-caps]",
    ]


def test_schematron_first_matching_rule_of_a_pattern_fires(corpus, capsys, tmp_path):
    """ISO Schematron: in one pattern only the first rule matching a node fires; every
    pattern fires on its own."""
    sch = tmp_path / "order.sch"
    sch.write_text(
        "<schema xmlns='http://purl.oclc.org/dsdl/schematron' queryBinding='xslt3'>"
        "<ns prefix='tei' uri='http://www.tei-c.org/ns/1.0'/>"
        "<pattern><rule context='tei:sp[@who = \"#stalin\"]'><report test='true()' id='first' role='warning'>first</report></rule>"
        "<rule context='tei:sp'><report test='true()' id='second' role='warning'>second</report></rule></pattern>"
        "<pattern><rule context='tei:sp'><report test='true()' id='other' role='warning'>other</report></rule></pattern>"
        "</schema>"
    )
    _, out, _ = run(capsys, "--schema", DEFAULT_RNG, "--schematron", sch, corpus / "record.xml")
    codes = [line.rsplit("[", 1)[1].rstrip("]") for line in out.splitlines()[:-1]]
    assert codes == ["first", "other", "second", "other", "second", "other"]


# ---------------------------------------------------------------- TEI from elsewhere


def _manifest():
    path = SHARED / "corpus" / "MANIFEST.tsv"
    if not path.exists():
        return []
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()[1:] if line.strip()]
    return [(row[0], row[5]) for row in rows]


@pytest.mark.skipif(not _manifest(), reason="../shared/corpus is not beside this checkout")
def test_foreign_tei_verdicts_agree_with_jing_under_tei_all(capsys):
    """The 22 files of other projects against tei_all: lxml's verdict is jing's, as recorded."""
    tei_all = SHARED / "reference" / "tei_all.rng"
    if not tei_all.exists():
        pytest.skip("../shared/reference/tei_all.rng is not beside this checkout")
    _, out, _ = run(capsys, "--format", "json", "-j", "2", "--schema", tei_all, SHARED / "corpus")
    verdicts = {os.path.relpath(f["file"], SHARED / "corpus"): f["valid"] for f in json.loads(out)["files"]}
    for name, jing in _manifest():
        assert verdicts[name] == (jing == "yes"), name


def test_one_validator_reads_a_personography_once_and_again_when_it_changes(tmp_path):
    """The Schematron takes the personography the validator read for the first document
    (``preloaded-documents``), until the file changes."""
    shutil.copy(ROOT / "tei" / "persons.xml", tmp_path)
    documents = []
    for name in ("stalin-zhou-enlai-1952-08-20", "stalin-mao-zedong-1950-01-22"):
        shutil.copy(ROOT / "tei" / f"{name}.xml", tmp_path)
        documents.append(str(tmp_path / f"{name}.xml"))
    validator = Validator()
    assert validator.validate(documents[0]).messages == []
    persons = tmp_path / "persons.xml"
    before = persons.stat()
    text = persons.read_text(encoding="utf-8").replace('xml:id="stalin"', 'xml:id="stalix"')
    persons.write_text(text, encoding="utf-8")  # same size: only the time tells it changed
    os.utime(persons, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert validator.validate(documents[1]).messages == []  # the copy read before
    os.utime(persons, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000))
    codes = {m.code for m in validator.validate(documents[1]).messages}
    assert "corresp-resolves" in codes  # read again: Stalin is gone
    assert {m.code for m in Validator().validate(documents[1]).messages} == codes

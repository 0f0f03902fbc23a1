# SPDX-License-Identifier: MIT
"""The command line as a user meets it: messages, exit codes, files written or not."""

from __future__ import annotations

import json
import os
import pathlib
import re
import subprocess
import sys

import pytest

from tei_transcripts.cli import main

ROOT = pathlib.Path(__file__).resolve().parent.parent
PERSONS = str(ROOT / "tei" / "persons.xml")
MESSAGE = re.compile(r"^.+:\d+:\d+: (info|warning|error): .+ \[[a-z-]+\]$")


def run(*args: str) -> subprocess.CompletedProcess:
    """The installed console command, as a user runs it (no stdin, like CI)."""
    return subprocess.run(
        [sys.executable, "-m", "tei_transcripts", *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        cwd=ROOT,
        timeout=120,
    )


def test_convert_writes_documents_and_report(tmp_path):
    out = tmp_path / "out"
    report = tmp_path / "report.json"
    result = run("convert", "transcripts/", "--out", str(out), "--report", str(report))
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in out.glob("*.xml"))
    assert len(names) == 6
    data = json.loads(report.read_text())
    assert [os.path.basename(s["source"]) for s in data] == sorted(
        p.name for p in (ROOT / "transcripts").glob("*.txt")
    )
    first = next(s for s in data if s["source"].endswith("1952-09-04.txt"))
    doc = first["documents"][0]
    assert doc["turns"]["#stalin"] == 47 and doc["turns"]["#kim-il-sung"] == 28
    assert {r["reason"] for r in first["removed"]} == {"navigation or page heading", "rights statement"}
    assert all("line" in m and "code" in m for m in first["messages"])
    assert "6 TEI document(s) written" in result.stderr
    for line in result.stderr.splitlines():
        if ": warning: " in line or ": error: " in line:
            assert MESSAGE.match(line), line


@pytest.mark.parametrize(
    "content, code",
    [(b"", "empty"), (b"\x00\x01\x02binary\x00", "binary"), (b"   \n\n\t\n", "empty")],
    ids=["empty", "binary", "blank"],
)
def test_bad_file_gives_one_line_and_no_output(tmp_path, content, code):
    source = tmp_path / "bad.txt"
    source.write_bytes(content)
    out = tmp_path / "out"
    result = run("convert", str(source), "--out", str(out))
    assert result.returncode == 1
    assert f"[{code}]" in result.stderr and str(source) in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists() or not any(out.iterdir())


def test_missing_file_and_directory(tmp_path):
    result = run("convert", str(tmp_path / "nope.txt"), "--out", str(tmp_path / "out"))
    assert result.returncode == 1 and "[not-found]" in result.stderr and "Traceback" not in result.stderr
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    result = run("convert", str(folder), "--out", str(tmp_path / "out"))
    # a folder given by name is searched for transcripts; one with none is a usage error
    assert result.returncode == 2 and "no transcripts found" in result.stderr


def test_unreadable_file(tmp_path, capsys, monkeypatch):
    """Permission is refused the same way for everyone, root included (CI runs as root)."""
    from tei_transcripts import ingest

    source = tmp_path / "locked.txt"
    source.write_text("Stalin. Good.")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(ingest, "read_bytes", refuse)
    assert main(["convert", str(source), "--out", str(tmp_path / "out"), "--persons", PERSONS]) == 1
    assert "[unreadable]" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_oversized_transcript_refused(tmp_path, capsys):
    source = tmp_path / "big.txt"
    source.write_bytes(b"Stalin. Good.\n" * 2000)
    status = main(
        ["convert", str(source), "--out", str(tmp_path / "out"), "--persons", PERSONS, "--max-bytes", "1000"]
    )
    assert status == 1
    assert "[too-large]" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_hundred_megabyte_transcript_refused_quickly(tmp_path, capsys):
    source = tmp_path / "huge.txt"
    with open(source, "wb") as handle:
        handle.truncate(100 * 1024 * 1024)  # sparse: costs no disk
    status = main(["convert", str(source), "--out", str(tmp_path / "out"), "--persons", PERSONS])
    assert status == 1 and "[too-large]" in capsys.readouterr().err


def test_text_without_turns_warns(tmp_path, capsys):
    source = tmp_path / "letter.txt"
    source.write_text("Dear colleague,\n\nthank you for the books.\n")
    assert main(["convert", str(source), "--out", str(tmp_path / "out"), "--persons", PERSONS]) == 0
    assert "[no-turns]" in capsys.readouterr().err


def test_bad_sidecar_is_an_error(tmp_path, capsys):
    source = tmp_path / "x.txt"
    source.write_text("Stalin. Good.\n")
    (tmp_path / "x.toml").write_text('date = "19 September"\n')
    assert main(["convert", str(source), "--out", str(tmp_path / "out"), "--persons", PERSONS]) == 1
    assert "[bad-sidecar]" in capsys.readouterr().err
    (tmp_path / "x.toml").write_text("date = [\n")
    assert main(["convert", str(source), "--out", str(tmp_path / "out"), "--persons", PERSONS]) == 1


def test_missing_personography_is_usage_error(tmp_path, capsys):
    source = tmp_path / "x.txt"
    source.write_text("Stalin. Good.\n")
    assert main(["convert", str(source), "--persons", str(tmp_path / "none.xml")]) == 2
    assert "[persons-unreadable]" in capsys.readouterr().err


def test_a_personography_with_an_id_used_twice_is_refused(tmp_path, capsys):
    """The parser leaves duplicated ids to the reader: two persons with one id would make one
    of them unreachable, so the personography is refused, with both lines."""
    persons = tmp_path / "persons.xml"
    persons.write_text(
        pathlib.Path(PERSONS).read_text(encoding="utf-8").replace('xml:id="molotov"', 'xml:id="stalin"', 1),
        encoding="utf-8",
    )
    source = tmp_path / "x.txt"
    source.write_text("Stalin. Good.\n")
    assert main(["convert", str(source), "--out", str(tmp_path / "out"), "--persons", str(persons)]) == 2
    err = capsys.readouterr().err
    assert re.search(
        r'persons\.xml:\d+:0: error: xml:id "stalin" is also the id of the person on line \d+', err
    )
    assert "[persons-duplicate-id]" in err and not (tmp_path / "out").exists()
    # persons without an id (which name no one) are no duplicates of each other
    persons.write_text(
        pathlib.Path(PERSONS)
        .read_text(encoding="utf-8")
        .replace(' xml:id="molotov"', "", 1)
        .replace(' xml:id="malenkov"', "", 1),
        encoding="utf-8",
    )
    assert main(["convert", str(source), "--out", str(tmp_path / "out"), "--persons", str(persons)]) == 0


def test_no_subcommand_prints_help():
    result = run()
    assert result.returncode == 2 and "convert" in result.stderr


def test_two_sources_cannot_write_the_same_file(tmp_path, capsys):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "same.txt").write_text("Stalin. Good.\n")
    status = main(
        [
            "convert",
            str(tmp_path / "a" / "same.txt"),
            str(tmp_path / "b" / "same.txt"),
            "--out",
            str(tmp_path / "out"),
            "--persons",
            PERSONS,
        ]
    )
    assert status == 1 and "[duplicate-output]" in capsys.readouterr().err


def test_internal_error_is_one_line_and_the_batch_goes_on(tmp_path, capsys, monkeypatch):
    """A bug while converting one file is reported for that file; the others are still converted."""
    from tei_transcripts import cli
    from tei_transcripts.pipeline import convert_source

    def flaky(path, *args, **kwargs):
        if path.endswith("first.txt"):
            raise KeyError("boom")
        return convert_source(path, *args, **kwargs)

    monkeypatch.setattr(cli, "convert_source", flaky)
    for name in ("first", "second"):
        (tmp_path / f"{name}.txt").write_text("Stalin. Good.\n\nZhou Enlai. Agreed.\n")
    status = main(
        [
            "convert",
            str(tmp_path / "first.txt"),
            str(tmp_path / "second.txt"),
            "--out",
            str(tmp_path / "out"),
            "--persons",
            PERSONS,
        ]
    )
    err = capsys.readouterr().err
    assert status == 1
    assert "first.txt:0:0: error: KeyError: 'boom' (a bug; --debug shows where) [internal-error]" in err
    assert "Traceback" not in err
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["second.xml"]


def test_a_file_name_outside_the_id_form_gives_a_valid_id(tmp_path, capsys):
    """Underscores, capitals, spaces and dots in a transcript's name become the project's id
    form, so the document is valid against the project's schema; a sidecar id that is not of
    that form is refused."""
    source = tmp_path / "Stalin_Mao 16.XII.1949.txt"
    source.write_text(
        "Record of conversation, 16 December 1949.\n\nStalin: Good day.\n\nMao Zedong: Good day.\n"
    )
    out = tmp_path / "out"
    assert main(["convert", str(source), "--out", str(out), "--persons", PERSONS, "-q"]) == 0
    assert "[document-id]" in capsys.readouterr().err
    assert [p.name for p in out.iterdir()] == ["stalin-mao-16-xii-1949.xml"]
    assert main(["validate", str(out / "stalin-mao-16-xii-1949.xml")]) == 0
    (tmp_path / "Stalin_Mao 16.XII.1949.toml").write_text('id = "Stalin_Mao"\n')
    assert main(["convert", str(source), "--out", str(tmp_path / "out2"), "--persons", PERSONS]) == 1
    assert "id 'Stalin_Mao' is not an id of the project's form" in capsys.readouterr().err


def test_a_document_id_another_element_uses_is_refused_or_avoided(tmp_path, capsys):
    """A transcript named as one of its speakers ("stalin.txt") would give the document the id
    of a participant: refused with the remedy, nothing written. One named as a division's
    type ("notes.txt") keeps its name, and the division's derived id steps aside."""
    record = "Record of conversation, 16 December 1949.\n\nStalin: Good day.\n\nMao Zedong: Good day.[1]\n"
    (tmp_path / "stalin.txt").write_text(record)
    out = tmp_path / "out"
    assert main(["convert", str(tmp_path / "stalin.txt"), "--out", str(out), "--persons", PERSONS]) == 1
    err = capsys.readouterr().err
    assert "the document id 'stalin' is also the id of a participant" in err and "[duplicate-id]" in err
    assert not out.exists()
    (tmp_path / "notes.txt").write_text(record + "\nNotes\n\n1. Mao arrived on the same day.\n")
    assert main(["convert", str(tmp_path / "notes.txt"), "--out", str(out), "--persons", PERSONS, "-q"]) == 0
    assert main(["validate", str(out / "notes.xml")]) == 0
    assert '<div type="notes" xml:id="notes-2">' in (out / "notes.xml").read_text(encoding="utf-8")

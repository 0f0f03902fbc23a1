# SPDX-License-Identifier: MIT
"""`tei-transcripts build`: a whole project, then rebuilds that redo only what changed."""

from __future__ import annotations

import json
import os
import pathlib
import shutil

import pytest

from tei_transcripts import executors
from tei_transcripts.build import tasks
from tei_transcripts.cli import main
from tei_transcripts.render.site import page_params

ROOT = pathlib.Path(__file__).resolve().parent.parent

CHANGED = "stalin-zhou-enlai-1952-08-20"


@pytest.fixture
def project(tmp_path):
    """A copy of the project's transcripts and personography, no TEI yet."""
    shutil.copytree(ROOT / "transcripts", tmp_path / "transcripts")
    (tmp_path / "tei").mkdir()
    shutil.copy(ROOT / "tei" / "persons.xml", tmp_path / "tei")
    return tmp_path


def build(project, *options, capsys=None) -> tuple[int, dict[str, dict[str, str]], str]:
    """Run the build; its exit status, its summary table (stage → column → value) and stderr."""
    status = main(["build", "--project", str(project), "-j", "1", *options])
    err = capsys.readouterr().err if capsys else ""
    lines = err[err.index("stage ") :].splitlines() if "stage " in err else []
    header = lines[0].split() if lines else []
    rows = {}
    for line in lines[1:]:
        cells = line.split()
        if cells and cells[0] in ("convert", "validate", "html", "pdf"):
            rows[cells[0]] = dict(zip(header, cells))
    return status, rows, err


def stamps(folder) -> dict[str, int]:
    return {
        str(p.relative_to(folder)): p.stat().st_mtime_ns
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.startswith(".")
    }


def test_a_full_build_makes_every_output_and_the_same_tei_as_convert(project, capsys):
    status, rows, err = build(project, "--no-pdf", capsys=capsys)
    assert status == 0, err
    assert rows["convert"]["redone"] == "5" and rows["validate"]["redone"] == "7"
    for document in (ROOT / "tei").glob("*.xml"):
        assert (project / "tei" / document.name).read_bytes() == document.read_bytes(), document.name
        if document.name != "persons.xml":
            assert (project / "build" / "site" / f"{document.stem}.html").is_file()
    for page in ("index", "persons", "search"):
        assert (project / "build" / "site" / f"{page}.html").is_file()
    assert "6 document(s), 391 turn(s)" in err
    assert "[unclosed-bracket]" in err  # the converter's warnings are shown
    report = json.loads((project / "build" / "conversion-report.json").read_text())
    assert sum(len(r["removed"]) for r in report) > 0  # removed page furniture is listed


def test_nothing_changed_nothing_redone_and_the_same_messages(project, capsys):
    first, _, err_first = build(project, "--no-pdf", capsys=capsys)
    before = stamps(project)
    cache = project / "build" / ".tei-transcripts-cache.json"
    cache_before = cache.stat().st_mtime_ns
    second, rows, err_second = build(project, "--no-pdf", capsys=capsys)
    assert first == second == 0
    assert all(row["redone"] == "0" for row in rows.values()), rows
    assert stamps(project) == before
    assert cache.stat().st_mtime_ns == cache_before  # it would say the same again
    report = project / "build" / "conversion-report.json"
    made = report.read_bytes()
    report.unlink()
    build(project, "--no-pdf", capsys=capsys)
    assert report.read_bytes() == made  # a report that is gone is written again
    warnings = [line for line in err_first.splitlines() if ": warning: " in line]
    assert warnings and warnings == [line for line in err_second.splitlines() if ": warning: " in line]


def test_one_changed_transcript_redoes_its_document_and_the_pages_that_list_it(project, capsys):
    build(project, "--no-pdf", capsys=capsys)
    before = stamps(project / "build" / "site")
    source = project / "transcripts" / f"{CHANGED}.txt"
    source.write_bytes(source.read_bytes() + b"\nStalin. One more sentence was said.\n")
    status, rows, err = build(project, "--no-pdf", capsys=capsys)
    assert status == 0, err
    assert (rows["convert"]["redone"], rows["validate"]["redone"], rows["html"]["redone"]) == ("1", "1", "1")
    after = stamps(project / "build" / "site")
    changed = {name for name in after if after[name] != before.get(name)}
    assert {f"{CHANGED}.html", f"tei/{CHANGED}.xml", "index.html", "search.html"} <= changed
    assert not any(name.startswith("stalin-mao") for name in changed)
    assert "One more sentence" in (project / "build" / "site" / f"{CHANGED}.html").read_text()


def test_the_corpus_pages_are_joined_from_parts_and_equal_a_full_build(project, capsys):
    """Each document's part of the corpus pages is kept; after one change only that part is
    made again, and the pages joined from the parts are the pages a full build makes."""
    build(project, "--no-pdf", capsys=capsys)
    parts = project / "build" / ".tei-transcripts-parts"
    before = stamps(parts)
    assert len(before) == 6
    source = project / "transcripts" / f"{CHANGED}.txt"
    said = b"You came to power too late."
    source.write_bytes(source.read_bytes().replace(said, b"You came to power rather late."))
    build(project, "--no-pdf", capsys=capsys)
    after = stamps(parts)
    assert [name for name in after if after[name] != before.get(name)] == [f"{CHANGED}.xml"]
    pages = ["index.html", "persons.html", "search.html", "assets/search-index.js"]
    joined = {page: (project / "build" / "site" / page).read_bytes() for page in pages}
    assert b"You came to power rather late." in joined["assets/search-index.js"]
    status, rows, err = build(project, "--no-pdf", "--force", capsys=capsys)
    assert status == 0 and rows["html"]["redone"] == "6", err
    assert joined == {page: (project / "build" / "site" / page).read_bytes() for page in pages}


def test_a_lost_part_is_made_again(project, capsys):
    build(project, "--no-pdf", capsys=capsys)
    part = project / "build" / ".tei-transcripts-parts" / f"{CHANGED}.xml"
    part.write_bytes(b"<damaged")
    status, rows, err = build(project, "--no-pdf", capsys=capsys)
    assert status == 0 and rows["html"]["redone"] == "1", err
    assert part.read_bytes().startswith(b"<?xml")
    part.unlink()
    status, rows, err = build(project, "--no-pdf", capsys=capsys)
    assert status == 0 and rows["html"]["redone"] == "1", err
    assert CHANGED in (project / "build" / "site" / "index.html").read_text(encoding="utf-8")


def test_a_changed_person_redoes_the_documents_that_refer_to_them(project, capsys):
    build(project, "--no-pdf", capsys=capsys)
    persons = project / "tei" / "persons.xml"
    text = persons.read_text(encoding="utf-8")
    # Kumykin is named in one record only; a note about him changes no spelling
    start = text.index('xml:id="kumykin"')
    end = text.index("</person>", start)
    persons.write_text(text[:end] + "<note>Trade official.</note>" + text[end:], encoding="utf-8")
    status, rows, err = build(project, "--no-pdf", capsys=capsys)
    assert status == 0, err
    assert rows["convert"]["redone"] == "1"  # the transcript that names him
    assert rows["validate"]["redone"] == "2"  # its TEI and the personography itself
    # a new spelling may be recognised anywhere: every transcript is converted again
    variant = '<persName type="variant">Kumykin</persName>'
    persons.write_text(
        text.replace(variant, variant + variant.replace("Kumykin", "Kumykine"), 1), encoding="utf-8"
    )
    status, rows, err = build(project, "--no-pdf", capsys=capsys)
    assert rows["convert"]["redone"] == "5", err


def test_force_rebuilds_everything(project, capsys):
    build(project, "--no-pdf", capsys=capsys)
    status, rows, _ = build(project, "--no-pdf", "--force", capsys=capsys)
    assert status == 0
    assert rows["convert"]["redone"] == "5" and rows["html"]["redone"] == "6"


@pytest.mark.parametrize(
    "damage",
    [
        b"not json {",
        b'{"format": "something else"}',
        b'{"format": "tei-transcripts build cache", "version": 1, "project": "x", "stages": {}}',
        b"\xff\xfe",
    ],
)
def test_a_corrupt_or_foreign_cache_is_discarded_with_a_warning(project, capsys, damage):
    build(project, "--no-pdf", capsys=capsys)
    (project / "build" / ".tei-transcripts-cache.json").write_bytes(damage)
    status, rows, err = build(project, "--no-pdf", capsys=capsys)
    assert status == 0
    assert "[cache-discarded]" in err
    assert rows["convert"]["redone"] == "5"


def test_a_removed_output_is_made_again(project, capsys):
    build(project, "--no-pdf", capsys=capsys)
    (project / "build" / "site" / f"{CHANGED}.html").unlink()
    status, rows, _ = build(project, "--no-pdf", capsys=capsys)
    assert status == 0 and rows["html"]["redone"] == "1"
    assert (project / "build" / "site" / f"{CHANGED}.html").is_file()


def test_a_deleted_document_takes_its_pages_with_it(project, capsys):
    build(project, "--no-pdf", capsys=capsys)
    (project / "transcripts" / f"{CHANGED}.txt").unlink()
    (project / "tei" / f"{CHANGED}.xml").unlink()
    status, rows, err = build(project, "--no-pdf", capsys=capsys)
    assert status == 0, err
    assert not (project / "build" / "site" / f"{CHANGED}.html").exists()
    assert not (project / "build" / "site" / "tei" / f"{CHANGED}.xml").exists()
    assert CHANGED not in (project / "build" / "site" / "index.html").read_text()


def test_a_tei_file_edited_by_hand_is_never_overwritten_without_force(project, capsys):
    build(project, "--no-pdf", capsys=capsys)
    tei = project / "tei" / f"{CHANGED}.xml"
    edited = tei.read_bytes().replace(b"</body>", b"<p>An editor's paragraph.</p></body>", 1)
    tei.write_bytes(edited)
    source = project / "transcripts" / f"{CHANGED}.txt"
    source.write_bytes(source.read_bytes() + b"\nStalin. Another sentence.\n")
    status, _, err = build(project, "--no-pdf", capsys=capsys)
    assert status == 1
    assert f"transcripts/{CHANGED}.txt:0:0: error:" in err and "[tei-edited]" in err
    assert tei.read_bytes() == edited
    status, _, err = build(project, "--no-pdf", "--force", capsys=capsys)
    assert status == 0, err
    assert b"Another sentence" in tei.read_bytes() and b"An editor's paragraph" not in tei.read_bytes()


def test_strict_makes_warnings_fail(project, capsys):
    assert build(project, "--no-pdf", capsys=capsys)[0] == 0
    assert build(project, "--no-pdf", "--strict", capsys=capsys)[0] == 1


def test_errors_fail_the_build_and_invalid_documents_are_not_rendered(project, capsys):
    build(project, "--no-pdf", capsys=capsys)
    # TEI made by hand sits beside the converted documents, and is checked and rendered too
    made = (ROOT / "tei" / "stalin-mao-zedong-1950-01-22.xml").read_bytes()
    (project / "tei" / "by-hand.xml").write_bytes(
        made.replace(b'xml:id="stalin-mao-zedong-1950-01-22"', b'xml:id="by-hand"')
    )
    status, rows, err = build(project, "--no-pdf", capsys=capsys)
    assert status == 0, err
    assert rows["validate"]["redone"] == "1" and (project / "build" / "site" / "by-hand.html").is_file()
    (project / "tei" / "by-hand.xml").write_bytes(made)
    status, rows, err = build(project, "--no-pdf", capsys=capsys)
    assert status == 1
    assert (
        "tei/by-hand.xml:2:1: error:" in err
        and "[duplicate-document-id]" in err
        and "[id-matches-file-name]" in err
    )
    assert not (project / "build" / "site" / "by-hand.html").exists()


def test_settings_come_from_pyproject_and_bad_ones_are_refused(project, capsys):
    (project / "pyproject.toml").write_text(
        '[tool.tei-transcripts]\nsite = "public"\npdf = false\n', encoding="utf-8"
    )
    status, rows, err = build(project, capsys=capsys)
    assert status == 0, err
    assert (project / "public" / "index.html").is_file() and "pdf" not in rows
    (project / "pyproject.toml").write_text('[tool.tei-transcripts]\nsit = "public"\n', encoding="utf-8")
    status, _, err = build(project, capsys=capsys)
    assert status == 2 and "[config-invalid]" in err and "'sit'" in err
    (project / "pyproject.toml").write_text('[tool.tei-transcripts]\npdf = "yes"\n', encoding="utf-8")
    assert build(project, capsys=capsys)[0] == 2


def test_the_print_edition_is_built_and_rebuilt_incrementally(project, capsys):
    status, rows, err = build(project, capsys=capsys)
    assert status == 0, err
    assert (project / "build" / "print" / "volume.pdf").read_bytes().startswith(b"%PDF")
    assert rows["pdf"]["outputs"] == "7"
    assert (project / "build" / "site" / f"{CHANGED}.html").read_text().count(f"../print/{CHANGED}.pdf") >= 1
    _, rows, _ = build(project, capsys=capsys)
    assert rows["pdf"]["redone"] == "0"


def test_shards_split_the_work_and_leave_the_corpus_pages_alone(project, capsys):
    done = []
    for shard in ("1/2", "2/2"):
        status, rows, err = build(project, "--no-pdf", "--shard", shard, "-v", capsys=capsys)
        assert status == 0, err
        assert "[sharded]" in err
        done.append(int(rows["convert"]["redone"]))
    assert sum(done) == 5 and all(done)
    assert not (project / "build" / "site" / "index.html").exists()


def test_local_workers_give_the_same_results_as_this_process(tmp_path):
    documents = sorted(str(p) for p in (ROOT / "tei").glob("s*.xml"))
    calls = [(path, "x", page_params("x")) for path in documents]
    here = list(executors.LocalExecutor(1).map(tasks.render_page, calls))
    with executors.LocalExecutor(2) as pool:
        there = list(pool.map(tasks.render_page, calls))
        assert pool._pool is not None  # the work did go to the workers
    assert here == there and all(page and part for page, part, _ in here)


def test_build_tells_when_it_cannot_run(project, capsys):
    (project / "tei" / "persons.xml").write_text("<not-closed>", encoding="utf-8")
    status, _, err = build(project, "--no-pdf", capsys=capsys)
    assert status == 2 and "[persons-unreadable]" in err and "Traceback" not in err
    persons = (ROOT / "tei" / "persons.xml").read_text(encoding="utf-8")
    (project / "tei" / "persons.xml").write_text(persons.replace('xml:id="molotov"', 'xml:id="stalin"', 1))
    status, _, err = build(project, "--no-pdf", capsys=capsys)
    assert status == 2 and err.count("[persons-duplicate-id]") == 1, err


def test_a_part_damaged_behind_the_builds_back_is_an_error_not_a_traceback(project, capsys):
    """A part changed while keeping its size and time (the build cannot see it) is reported
    when the pages are joined; --force makes it again."""
    build(project, "--no-pdf", capsys=capsys)
    part = project / "build" / ".tei-transcripts-parts" / f"{CHANGED}.xml"
    before = part.stat()
    part.write_bytes(b"<" + b"x" * (before.st_size - 1))
    os.utime(part, ns=(before.st_atime_ns, before.st_mtime_ns))
    source = project / "transcripts" / "stalin-mao-zedong-1950-01-22.txt"
    source.write_bytes(source.read_bytes() + b"\nStalin. One more sentence was said.\n")
    status, rows, err = build(project, "--no-pdf", capsys=capsys)
    assert status == 1 and "[part-damaged]" in err and "Traceback" not in err, err
    assert f"{CHANGED}.xml" in err
    status, rows, err = build(project, "--no-pdf", "--force", capsys=capsys)
    assert status == 0 and "[part-damaged]" not in err, err

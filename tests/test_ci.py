# SPDX-License-Identifier: MIT
"""For other people's CI: the GitHub Action's and the pre-commit hook's command lines run
here as they run there, --changed-since, --shard, the corpus-wide id check, the job
summary, the wheel that carries the stylesheets and schemas, and a Dask cluster."""

from __future__ import annotations

import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import zipfile

import pytest
from lxml import etree

from tei_transcripts.cli import main

ROOT = pathlib.Path(__file__).resolve().parent.parent
DOCUMENTS = sorted((ROOT / "tei").glob("*.xml"))
BIN = os.path.dirname(sys.executable)


@pytest.fixture
def corpus(tmp_path):
    """The project's TEI, and one document broken: an unknown note type."""
    folder = tmp_path / "tei"
    folder.mkdir()
    for document in DOCUMENTS:
        shutil.copy(document, folder)
    broken = (ROOT / "tei" / "stalin-mao-zedong-1950-01-22.xml").read_bytes()
    broken = broken.replace(b'<note type="', b'<note type="remark" subtype="', 1)
    broken = broken.replace(b'xml:id="stalin-mao-zedong-1950-01-22"', b'xml:id="broken"')
    (folder / "broken.xml").write_bytes(broken)
    return folder


def run(command: list[str], cwd, env: dict | None = None) -> subprocess.CompletedProcess:
    environment = {**os.environ, "PATH": BIN + os.pathsep + os.environ["PATH"], **(env or {})}
    return subprocess.run(command, cwd=cwd, env=environment, capture_output=True, text=True, timeout=600)


def test_the_github_action_command_line(corpus, tmp_path):
    summary = tmp_path / "summary.md"
    done = run(
        [str(ROOT / ".ci" / "validate-action")],
        tmp_path,
        {
            "GITHUB_STEP_SUMMARY": str(summary),
            "TEI_PATHS": "tei/",
            "TEI_JUNIT": "out/junit.xml",
            "TEI_SARIF": "out/results.sarif",
            "TEI_ARGS": "-j 1",
        },
    )
    assert done.returncode == 1, done.stderr
    annotations = [line for line in done.stdout.splitlines() if line.startswith("::")]
    assert any(
        re.match(r"::error file=tei/broken\.xml,line=\d+,col=\d+,title=relaxng::.*remark", a)
        for a in annotations
    )
    assert any(a.startswith("::warning file=tei/liu-shaoqi") for a in annotations)
    table = summary.read_text()
    assert table.startswith("## TEI validation: 8 file(s), 7 valid, 1 invalid")
    errors, warnings = table.split("### Warnings")
    assert "| tei/broken.xml |" in errors and "remark" in errors and "liu-shaoqi" not in errors
    assert re.search(r"\| tei/liu-shaoqi-stalin-1949-07-27\.xml \| \d+:\d+ \| .*56\\\*", warnings)
    junit = etree.parse(str(tmp_path / "out" / "junit.xml"))
    assert len(junit.xpath("//testcase")) == 8 and len(junit.xpath("//testcase[failure]")) == 1
    sarif = json.loads((tmp_path / "out" / "results.sarif").read_text())
    assert {r["level"] for r in sarif["runs"][0]["results"]} == {"error", "warning"}


def test_the_action_accepts_another_schema(corpus, tmp_path):
    done = run(
        [str(ROOT / ".ci" / "validate-action")],
        tmp_path,
        {
            "TEI_PATHS": "tei/stalin-zhou-enlai-1952-08-20.xml",
            "TEI_SCHEMA": str(ROOT / "schema" / "transcripts.rng"),
            "TEI_JUNIT": "",
            "TEI_SARIF": "",
        },
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 file(s), 1 valid" in done.stderr


def test_the_pre_commit_hook_command_line(corpus, tmp_path):
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text()
    entry = re.search(r"^\s*entry:\s*(.+)$", hooks, re.M).group(1).split()
    files = re.search(r"^\s*files:\s*(.+)$", hooks, re.M).group(1)
    staged = [f"tei/{p.name}" for p in sorted(corpus.iterdir()) if re.search(files, p.name)]
    done = run([*entry, *staged], tmp_path)
    assert done.returncode == 1
    assert "tei/broken.xml:" in done.stdout and "[relaxng]" in done.stdout
    done = run([*entry, *(s for s in staged if "broken" not in s)], tmp_path)
    assert done.returncode == 0, done.stdout


def test_shards_split_the_files_and_agree_with_an_unsharded_run(corpus, capsys):
    outputs = []
    for shard in ("1/3", "2/3", "3/3"):
        main(["validate", str(corpus), "-j", "1", "--shard", shard, "--format", "json"])
        outputs.append(json.loads(capsys.readouterr().out))
    main(["validate", str(corpus), "-j", "1", "--format", "json"])
    whole = json.loads(capsys.readouterr().out)
    files = [f["file"] for output in outputs for f in output["files"]]
    assert sorted(files) == sorted(f["file"] for f in whole["files"])  # each file once
    by_file = {f["file"]: f for output in outputs for f in output["files"]}
    assert all(by_file[f["file"]] == f for f in whole["files"])
    with pytest.raises(SystemExit):
        main(["validate", str(corpus), "--shard", "4/3"])


def test_changed_since_checks_only_what_git_says_changed(corpus, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for variable in ("GIT_AUTHOR_NAME", "GIT_COMMITTER_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_EMAIL"):
        monkeypatch.setenv(variable, "test@example.org")
    for command in ("init -q", "commit -q --allow-empty -m start", "add tei", "commit -q -m tei"):
        subprocess.run(["git", *command.split()], check=True, capture_output=True)
    assert main(["validate", "tei/", "-j", "1", "--changed-since", "HEAD"]) == 0
    assert "0 file(s)" in capsys.readouterr().out
    # a changed file and a new one are checked; the new one repeats an id: the whole corpus sees it
    changed = tmp_path / "tei" / "stalin-zhou-enlai-1952-09-19.xml"
    changed.write_bytes(changed.read_bytes().replace(b"</body>", b"<p>x</p></body>"))
    shutil.copy(changed, tmp_path / "tei" / "copy.xml")
    assert main(["validate", "tei/", "-j", "1", "--changed-since", "HEAD"]) == 1
    out = capsys.readouterr()
    assert "2 file(s)" in out.out
    assert (
        'tei/copy.xml:2:1: error: TEI/@xml:id "stalin-zhou-enlai-1952-09-19" is also the id of tei/stalin-zhou-enlai-1952-09-19.xml [duplicate-document-id]'
        in out.out
    )
    assert "tei/broken.xml" not in out.out  # unchanged since HEAD
    assert main(["validate", "tei/", "--changed-since", "no-such-revision"]) == 2
    assert "[git-failed]" in capsys.readouterr().err


def test_the_wheel_carries_every_stylesheet_and_schema(tmp_path):
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
    )
    offline = ("Could not find a version that satisfies", "No matching distribution", "NewConnectionError")
    if done.returncode and any(sign in done.stderr for sign in offline):
        pytest.skip("pip cannot fetch setuptools to build a wheel (no package index here)")
    assert done.returncode == 0, done.stderr[-3000:]
    wheel = zipfile.ZipFile(next(tmp_path.glob("*.whl")))
    packed = {n.split("resources/", 1)[1] for n in wheel.namelist() if "/resources/" in n}
    needed = {
        str(p.relative_to(ROOT))
        for folder in ("xslt", "schema")
        for p in (ROOT / folder).rglob("*")
        if p.is_file() and p.suffix in (".xsl", ".typ", ".css", ".js", ".rng", ".sch", ".odd")
    }
    assert needed and needed <= packed, needed - packed


def test_a_dask_cluster_gives_the_same_messages_and_outputs(corpus, tmp_path, capsys):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        address = cluster.scheduler_address
        assert main(["validate", str(corpus), "--executor", "dask", "--scheduler", address]) == 1
        on_dask = capsys.readouterr().out
        project = tmp_path / "project"
        shutil.copytree(ROOT / "transcripts", project / "transcripts")
        (project / "tei").mkdir()
        shutil.copy(ROOT / "tei" / "persons.xml", project / "tei")
        twin = tmp_path / "twin"
        shutil.copytree(project, twin)
        status = main(
            ["build", "--project", str(project), "--no-pdf", "--executor", "dask", "--scheduler", address]
        )
        built_on_dask = capsys.readouterr().err
    assert main(["validate", str(corpus), "-j", "1"]) == 1
    assert capsys.readouterr().out == on_dask
    assert status == main(["build", "--project", str(twin), "--no-pdf", "-j", "1"]) == 0
    built_here = capsys.readouterr().err

    def messages(err: str, folder) -> list[str]:
        return [
            line.replace(str(folder), "P")
            for line in err.splitlines()
            if ": warning: " in line or ": error: " in line
        ]

    assert messages(built_on_dask, project) == messages(built_here, twin) != []
    for output in sorted((twin / "tei").glob("*.xml")) + sorted((twin / "build" / "site").rglob("*.html")):
        relative = output.relative_to(twin)
        assert (project / relative).read_bytes() == output.read_bytes(), relative
    assert main(["validate", str(corpus), "--executor", "dask", "--scheduler", "tcp://127.0.0.1:9"]) == 2


def test_a_files_shard_does_not_depend_on_where_the_checkout_is():
    from tei_transcripts import executors

    names = [f"tei/document-{n}.xml" for n in range(40)]
    shards = []
    for root in ("/one/checkout", "/another/place"):
        paths = [os.path.join(root, name) for name in names]
        shards.append([[p[len(root) :] for p in executors.shard(paths, f"{i}/3", root)] for i in (1, 2, 3)])
    assert shards[0] == shards[1]
    assert sorted(sum(shards[0], [])) == sorted("/" + n for n in names) and all(shards[0])

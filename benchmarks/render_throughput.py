# SPDX-License-Identifier: MIT
"""Benchmark `render`: the web edition of N documents, and PDF pages/s beside WeasyPrint.

A corpus of N documents (default 1,000) is made from tei/ as in validate_throughput.py. In
one run:

- the web edition of all N (document pages, index, persons, search, search index) in one
  process, and with the document pages shared between two spawned worker processes;
- the print edition of the first M documents (default 100), one PDF each, with Typst, and
  the volume of those M documents;
- WeasyPrint turning the same M documents' HTML pages (with the edition's print style
  sheet) into PDFs, for comparison.

    python benchmarks/render_throughput.py [--documents 1000] [--pdf-documents 100]
"""

from __future__ import annotations

import argparse
import concurrent.futures
import multiprocessing
import pathlib
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import pypdf  # noqa: E402
from validate_throughput import make_corpus  # noqa: E402

from tei_transcripts import render  # noqa: E402
from tei_transcripts.render.pdf import render_pdf  # noqa: E402
from tei_transcripts.render.site import render_corpus_pages, render_pages  # noqa: E402


def _pages_worker(job: tuple[list[str], str]) -> list[tuple[str, bytes]]:
    paths, out = job
    return render_pages(render.load(paths), out)[1]


def row(label: str, seconds: float, count: int, unit: str) -> None:
    print(f"| {label} | {seconds:.2f} | {count:,} {unit} | {count / seconds:,.1f} {unit}/s |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--pdf-documents", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = pathlib.Path(scratch)
        (folder / "in").mkdir()
        paths = make_corpus(folder / "in", args.documents)
        persons = str(folder / "in" / "persons.xml")
        print("| step | seconds | work | rate |\n|---|---|---|---|")

        start = time.perf_counter()
        _, parts = render_pages(render.load(paths), str(folder / "site1"))
        render_corpus_pages(parts, str(folder / "site1"), persons)
        row(
            f"web edition, {args.documents} documents, 1 process",
            time.perf_counter() - start,
            args.documents,
            "documents",
        )

        start = time.perf_counter()
        half = len(paths) // 2
        context = multiprocessing.get_context("spawn")
        with concurrent.futures.ProcessPoolExecutor(2, mp_context=context) as pool:
            jobs = [(paths[:half], str(folder / "site2")), (paths[half:], str(folder / "site2"))]
            parts = [part for some in pool.map(_pages_worker, jobs) for part in some]
            render_corpus_pages(parts, str(folder / "site2"), persons)
        row(
            f"web edition, {args.documents} documents, 2 processes",
            time.perf_counter() - start,
            args.documents,
            "documents",
        )

        subset = render.load(paths[: args.pdf_documents])
        start = time.perf_counter()
        written, _ = render_pdf(subset, str(folder / "print"), persons, volume=False)
        seconds = time.perf_counter() - start
        pages = sum(len(pypdf.PdfReader(p).pages) for p in written)
        row(f"PDF with Typst, {len(subset)} documents, 1 process", seconds, pages, "pages")

        start = time.perf_counter()
        render_pdf(subset, str(folder / "volume"), persons, volume=True)
        seconds = time.perf_counter() - start
        volume_pages = len(pypdf.PdfReader(str(folder / "volume" / "volume.pdf")).pages)
        row(f"PDF with Typst, {len(subset)} documents + their volume", seconds, pages + volume_pages, "pages")

        try:
            import weasyprint
        except ImportError:
            print("WeasyPrint is not installed: pip install weasyprint")
            return
        start = time.perf_counter()
        weasy_pages = 0
        for document in subset:
            html = weasyprint.HTML(filename=str(folder / "site1" / f"{document.name}.html"))
            rendered = html.render()
            weasy_pages += len(rendered.pages)
            rendered.write_pdf(str(folder / f"{document.name}-weasy.pdf"))
        row(
            f"PDF with WeasyPrint, same {len(subset)} documents' HTML",
            time.perf_counter() - start,
            weasy_pages,
            "pages",
        )


if __name__ == "__main__":
    main()

# SPDX-License-Identifier: MIT
"""Hostile TEI for the tests and the benchmark: files that try to make a stage fetch, expand,
read or run something, and a local web server that counts every request made to it.

    battery(folder, server, secret) → {name: Case}

Each case is a file in `folder`. `refused` is the message code every stage must refuse it
with, or None when the file is XML a stage may read (it must then read nothing beyond it and
contact no host). `secret` is a local file whose contents must never reach any output.
"""

from __future__ import annotations

import contextlib
import pathlib
import subprocess
import sys
import time
from dataclasses import dataclass

ROOT = pathlib.Path(__file__).resolve().parent.parent
BASE = "stalin-mao-zedong-1950-01-22"  # a valid document the cases are made from
SECRET = "CANARY-6f1c9e"  # the secret file's contents: must appear in no output
TEI_OPEN = '<TEI xmlns="http://www.tei-c.org/ns/1.0">'


@dataclass
class Case:
    name: str
    refused: str | None  # the refusal's message code, or None when the file may be read
    what: str


def battery(folder: pathlib.Path, server: str, secret: pathlib.Path) -> dict[str, Case]:
    """Write the battery into `folder`; `server` is the base URL of `LoggingServer`."""
    folder.mkdir(parents=True, exist_ok=True)
    base = (ROOT / "tei" / f"{BASE}.xml").read_text(encoding="utf-8")
    body, head = base.split("<TEI ", 1)[1], base.split("<TEI ", 1)[0]
    secret_uri = secret.resolve().as_uri()
    # a local DTD that would change the document if it were read: a default attribute, an
    # entity holding the secret, and a syntax error
    local_dtd = secret.with_suffix(".dtd")
    local_dtd.write_text(f'<!ATTLIST p rend CDATA "DEFAULTED"><!ENTITY leak "{SECRET}"><!BROKEN')

    def document(doctype: str = "", inside: str = "") -> str:
        """The base document with `doctype` (or anything) before its root and `inside` in its
        first <p>."""
        text = f"{head}{doctype}<TEI {body}"
        return text.replace("<p>", f"<p>{inside}", 1) if inside else text

    cases: dict[str, tuple[str, bytes | str, str]] = {
        "external-entity-file": (
            "entity-declared",
            document(f'<!DOCTYPE TEI [<!ENTITY secret SYSTEM "{secret_uri}">]>', "&secret;"),
            "an external entity naming a local file",
        ),
        "external-entity-http": (
            "entity-declared",
            document(f'<!DOCTYPE TEI [<!ENTITY remote SYSTEM "{server}/entity">]>', "&remote;"),
            "an external entity naming a URL",
        ),
        "parameter-entity-http": (
            "entity-declared",
            document(f'<!DOCTYPE TEI [<!ENTITY % remote SYSTEM "{server}/parameter.dtd"> %remote;]>'),
            "an external parameter entity, expanded inside the DTD",
        ),
        "billion-laughs": (
            "entity-declared",
            document(
                '<!DOCTYPE TEI [<!ENTITY l0 "lol">'
                + "".join(f'<!ENTITY l{n} "{f"&l{n - 1};" * 10}">' for n in range(1, 10))
                + "]>",
                "&l9;",
            ),
            "nine levels of ten entities each: 10^9 copies once expanded",
        ),
        "quadratic-blowup": (
            "entity-declared",
            document(f'<!DOCTYPE TEI [<!ENTITY big "{"x" * 50_000}">]>', "&big;" * 50_000),
            "one 50,000-character entity used 50,000 times: 2.5 GB once expanded",
        ),
        "external-dtd": (
            None,
            document(f'<!DOCTYPE TEI SYSTEM "{server}/tei.dtd">'),
            "a DOCTYPE naming an external DTD (never loaded)",
        ),
        "external-dtd-file": (
            None,
            document(f'<!DOCTYPE TEI SYSTEM "{local_dtd.resolve().as_uri()}">'),
            "a DOCTYPE naming a local DTD (never read)",
        ),
        "doctype-internal-subset": (
            None,
            document('<!DOCTYPE TEI [<!ELEMENT TEI ANY><!ATTLIST p rend CDATA "DEFAULTED">]>'),
            "an internal DTD subset without entities: its attribute defaults are never applied",
        ),
        "xinclude": (
            None,
            document(
                inside=f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{secret_uri}" parse="text"/>'
                f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{server}/xinclude.xml"/>'
            ),
            "XInclude of a local file and of a URL (never processed)",
        ),
        "processing-instructions": (
            None,
            document(
                f'<?xml-stylesheet type="text/xsl" href="{server}/evil.xsl"?>\n',
                '<?php system("id"); ?><?xml-stylesheet href="x.css"?>',
            ),
            "processing instructions, one asking a browser for a remote stylesheet",
        ),
        "deep-nesting": (
            "not-well-formed",
            f"{TEI_OPEN}<text><body>{'<div>' * 100_000}{'</div>' * 100_000}</body></text></TEI>",
            "elements nested 100,000 deep",
        ),
        "huge-attribute": (
            "not-well-formed",
            b'<TEI xmlns="http://www.tei-c.org/ns/1.0" n="' + b"a" * 100_000_000 + b'"/>',
            "an attribute value of 100 MB",
        ),
        "tag-flood": (
            "too-large",
            f"{TEI_OPEN}<text><body>{'<p/>' * 4_100_000}</body></text></TEI>",
            "4.1 million empty elements in 16 MB: gigabytes once parsed",
        ),
        "nul-byte": ("not-well-formed", document(inside="before\0after"), "a NUL byte in the text"),
        "invalid-utf8": (
            "not-well-formed",
            document(inside="caf").encode("utf-8").replace(b"<p>caf", b"<p>caf\xc3\x28", 1),
            "a byte sequence that is not UTF-8",
        ),
        "utf16-without-bom": (
            "encoding-unmarked",
            document().split("?>", 1)[1].lstrip().encode("utf-16-le"),
            "UTF-16 with neither a byte-order mark nor an XML declaration",
        ),
        "utf16-declared-without-bom": (
            None,
            document().replace("encoding='UTF-8'", "encoding='UTF-16'", 1).encode("utf-16-le"),
            "UTF-16 without a byte-order mark but with an XML declaration (allowed by XML)",
        ),
    }
    made = {}
    for name, (refused, content, what) in cases.items():
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        # each document's id is its file name, so that a case that is valid TEI is rendered
        data = data.replace(BASE.encode(), name.encode()).replace(
            BASE.encode("utf-16-le"), name.encode("utf-16-le")
        )
        (folder / f"{name}.xml").write_bytes(data)
        made[name] = Case(name, refused, what)
    return made


SERVER = """
import http.server, sys
log = open(sys.argv[1], "a")
class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        log.write(self.path + "\\n"); log.flush()
        self.send_response(200); self.send_header("Content-Type", "application/xml"); self.end_headers()
        self.wfile.write(b"<x>REMOTE</x>")
    do_POST = do_HEAD = do_GET
    def log_message(self, *args):
        pass
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
"""


@contextlib.contextmanager
def logging_server(log: pathlib.Path):
    """A web server on localhost in its own process (Saxon holds the GIL while it fetches);
    yields its base URL and a function giving the paths requested so far."""
    log.touch()
    process = subprocess.Popen([sys.executable, "-c", SERVER, str(log)], stdout=subprocess.PIPE, text=True)
    try:
        port = int(process.stdout.readline())
        yield f"http://127.0.0.1:{port}", lambda: (time.sleep(0.05), log.read_text().split())[1]
    finally:
        process.kill()
        process.wait()

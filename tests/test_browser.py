# SPDX-License-Identifier: MIT
"""The web edition in a real browser: Debian's Chromium driven by Playwright for Python.

Skips where Chromium or Playwright is absent (.ci/run installs Chromium). Screenshots at 390 px
and 1280 px are written to tests/artifacts/ for people to look at.
"""

from __future__ import annotations

import os
import pathlib
import shutil
import subprocess

import pytest
from lxml import etree

from tei_transcripts.cli import main

ROOT = pathlib.Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
playwright = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")
pytestmark = pytest.mark.skipif(not CHROMIUM, reason="Debian's chromium is not installed")

DOCUMENT = "liu-shaoqi-stalin-1949-07-27"  # has a footnote, insertions and narrative
PAGES = ["index.html", "persons.html", "search.html", f"{DOCUMENT}.html"]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> pathlib.Path:
    out = tmp_path_factory.mktemp("site")
    assert main(["render", str(ROOT / "tei"), "--to", "html", "--out", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


class Visit:
    """A page opened from file://, with everything the page asked for and complained about."""

    def __init__(self, browser, url: str, width: int = 1280):
        self.context = browser.new_context(viewport={"width": width, "height": 900})
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.problems: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on(
            "console",
            lambda m: m.type in ("error", "warning") and self.problems.append(f"{m.type}: {m.text}"),
        )
        self.page.on("pageerror", lambda error: self.problems.append(f"pageerror: {error}"))
        self.page.goto(url)
        self.page.wait_for_load_state("load")

    def close(self):
        self.context.close()


@pytest.fixture
def visit(browser):
    opened = []

    def open_page(url: str, width: int = 1280) -> Visit:
        opened.append(Visit(browser, url, width))
        return opened[-1]

    yield open_page
    for v in opened:
        v.close()


@pytest.mark.parametrize("name", PAGES)
def test_no_errors_and_no_request_leaves_the_site(name, site, visit):
    v = visit((site / name).as_uri())
    if name == "search.html":
        v.page.fill("#search-query", "victors")
    v.page.wait_for_timeout(200)
    assert not v.problems
    assert v.requests and all(url.startswith(site.as_uri()) for url in v.requests), v.requests


@pytest.mark.parametrize("name", PAGES)
def test_accessibility_axe(name, site, visit):
    from axe_playwright_python.sync_playwright import Axe

    v = visit((site / name).as_uri())
    results = Axe().run(v.page)
    violations = [(x["id"], x["impact"], len(x["nodes"])) for x in results.response["violations"]]
    assert not violations, violations
    assert v.page.locator("html").get_attribute("lang") == "en"
    assert v.page.locator("main").count() == 1 and v.page.locator("nav").count() == 1
    levels = [
        int(tag[1])
        for tag in v.page.eval_on_selector_all("h1, h2, h3, h4, h5, h6", "hs => hs.map(h => h.tagName)")
    ]
    assert levels[0] == 1 and all(b - a <= 1 for a, b in zip(levels, levels[1:])), levels


def test_note_popover_opens_by_click_and_by_keyboard(site, visit):
    v = visit((site / f"{DOCUMENT}.html").as_uri())
    marker = v.page.locator(".note-marker").first
    popover = v.page.locator(f"#{marker.get_attribute('popovertarget')}")
    assert not popover.is_visible()
    marker.click()
    assert popover.is_visible() and "double meaning" in popover.inner_text()
    v.page.keyboard.press("Escape")
    assert not popover.is_visible()
    # keyboard: Tab until the marker has focus; focus alone shows the note, Enter keeps it open
    for _ in range(200):
        v.page.keyboard.press("Tab")
        if v.page.evaluate("document.activeElement.classList.contains('note-marker')"):
            break
    else:
        pytest.fail("the note marker is not reachable with Tab")
    assert popover.is_visible()
    v.page.keyboard.press("Enter")
    assert popover.is_visible()
    v.page.keyboard.press("Escape")
    assert not popover.is_visible()
    # the footnote at the foot links back to its marker
    back = v.page.locator(".footnotes .back-link").first
    assert back.get_attribute("href") == f"#{marker.get_attribute('id')}"


def test_hover_shows_the_note(site, visit):
    v = visit((site / f"{DOCUMENT}.html").as_uri())
    marker = v.page.locator(".note-marker").first
    marker.hover()
    assert v.page.locator(f"#{marker.get_attribute('popovertarget')}").is_visible()


def test_insertion_switch_hides_and_shows_brackets(site, visit):
    v = visit((site / f"{DOCUMENT}.html").as_uri())
    insertion = v.page.locator(".insertion").first
    assert insertion.is_visible() and insertion.inner_text().startswith("[")
    v.page.uncheck("#show-insertions")
    assert not insertion.is_visible()
    v.page.check("#show-insertions")
    assert insertion.is_visible()


def test_search_finds_a_phrase_and_filters_by_speaker(site, visit):
    v = visit((site / "search.html").as_uri())
    v.page.fill("#search-query", "victors are not brought")
    results = v.page.locator("#search-results li")
    assert results.count() == 1
    assert results.first.locator("a").get_attribute("href").startswith(f"{DOCUMENT}.html#sp-")
    v.page.select_option("#search-speaker", "liu-shaoqi")
    assert results.count() == 0 and "No turn" in v.page.inner_text("#search-status")
    v.page.fill("#search-query", "")
    total = int(v.page.inner_text("#search-status").split()[0])
    assert total > 0 and all(
        "Liu Shaoqi" in m for m in v.page.locator("#search-results .meta").all_inner_texts()
    )
    v.page.fill("#search-from", "1952-01-01")
    assert results.count() < total
    # following a result lands on the turn
    v.page.select_option("#search-speaker", "")
    v.page.fill("#search-from", "")
    v.page.fill("#search-query", "victors are not brought")
    v.page.locator("#search-results a").first.click()
    v.page.wait_for_load_state("load")
    assert v.page.evaluate("document.querySelector(':target').classList.contains('sp')")


def test_index_sorts_and_filters(site, visit):
    v = visit((site / "index.html").as_uri())

    def dates():
        return v.page.eval_on_selector_all(
            "#records tbody tr:not([hidden]) td:first-child", "cs => cs.map(c => c.dataset.value)"
        )

    assert dates() == sorted(dates())
    v.page.click("th button[data-sort='0']")
    assert dates() == sorted(dates(), reverse=True)
    v.page.fill("#records-filter", "Kim Il Sung")
    assert len(dates()) == 1


@pytest.mark.parametrize("width", [390, 1280])
def test_screenshots(width, site, visit):
    ARTIFACTS.mkdir(exist_ok=True)
    for name in PAGES:
        v = visit((site / name).as_uri(), width)
        assert v.page.evaluate("document.documentElement.scrollWidth") <= width  # nothing sticks out sideways
        target = ARTIFACTS / f"{pathlib.Path(name).stem}-{width}.png"
        v.page.screenshot(path=str(target), full_page=True)
        assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_html_is_valid_html5(site):
    """The Nu HTML checker on every page and the style sheet (vnu.jar from npm's vnu-jar, which
    .ci/run installs into build/vnu; or VNU_JAR); needs Java."""
    jar = pathlib.Path(os.environ.get("VNU_JAR", ROOT / "build/vnu/node_modules/vnu-jar/build/dist/vnu.jar"))
    if not shutil.which("java") or not jar.exists():
        pytest.skip("Java or vnu.jar is not installed")
    result = subprocess.run(
        ["java", "-jar", str(jar), "--also-check-css", "--skip-non-html", str(site)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]


# ---------------------------------------------------------------- hostile TEI

MALICIOUS = ROOT / "tests" / "fixtures" / "hostile" / "malicious.xml"
# Every element's every event an on* attribute could listen to, fired by hand.
FIRE_EVENTS = """() => {
  for (const element of document.querySelectorAll('*')) {
    for (const type of ['click', 'mouseover', 'focus', 'load', 'error', 'animationstart']) {
      element.dispatchEvent(new Event(type, {bubbles: true}));
    }
  }
  return [...document.querySelectorAll('*')].flatMap(element =>
    [...element.attributes].filter(a => /^on/i.test(a.name)).map(a => element.tagName + ' ' + a.name));
}"""


XHTML, SVG = "http://www.w3.org/1999/xhtml", "http://www.w3.org/2000/svg"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> pathlib.Path:
    out = tmp_path_factory.mktemp("hostile-site")
    assert main(["render", str(MALICIOUS), "--to", "html", "--no-validate", "--out", str(out)]) == 0
    return out


@pytest.mark.parametrize(
    "name", ["malicious.html", "index.html", "persons.html", "search.html", "tei/malicious.xml"]
)
def test_malicious_tei_runs_nothing_in_the_browser(name, hostile_site, visit):
    """No dialog, no script error, no request outside the site, no event handler, no link that
    runs code; and the markup-looking text is shown as text. The published TEI copy too: a
    browser opening an XML file runs the XHTML and SVG scripts in it."""
    dialogs = []
    v = visit((hostile_site / name).as_uri())
    v.page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    if name == "search.html":
        v.page.fill("#search-query", "INJECT")
        v.page.wait_for_timeout(300)
        assert v.page.locator("#search-results li").count() >= 1  # the hostile turns are found, as text
    handlers = v.page.evaluate(FIRE_EVENTS)
    v.page.wait_for_timeout(200)
    if name.endswith(".xml"):  # the TEI keeps its own attributes, inert on TEI elements
        published = etree.parse(str(hostile_site / name))
        assert not published.xpath("//*[namespace-uri() = $ns]", ns=XHTML) + published.xpath(
            "//*[namespace-uri() = $ns]", ns=SVG
        )
        handlers = [h for h in handlers if not h.startswith("p on")]
    assert not dialogs and not handlers and not v.problems, (dialogs, handlers, v.problems)
    assert all(url.startswith(hostile_site.as_uri()) for url in v.requests), v.requests
    hrefs = v.page.eval_on_selector_all(
        "[href], [src], [action], [formaction]", "es => es.map(e => e.href || e.src || '')"
    )
    for href in hrefs:
        assert href.split(":", 1)[0] in ("file", "https", "mailto"), href
    scripts = v.page.eval_on_selector_all("script", "es => es.map(e => e.src)")
    assert all(src.startswith((hostile_site / "assets").as_uri()) for src in scripts), scripts
    if not name.endswith(".xml"):  # a browser shows XML in a viewer with a style of its own
        assert v.page.locator("iframe, object, embed, svg script, style").count() == 0
    if name == "malicious.html":
        text = v.page.locator("main").inner_text()
        assert "<script>alert('INJECT-text')</script>" in text and "https is kept" in text
        assert v.page.locator("a[href='https://example.org/allowed']").count() == 1
        assert v.page.locator("a[href='mailto:editor@example.org']").count() == 1


def fixture_site(name: str, folder: pathlib.Path) -> pathlib.Path:
    """The web page of a convert fixture, rendered with the project's personography."""
    source = ROOT / "tests" / "fixtures" / "convert" / f"{name}.txt"
    tei = folder / "tei"
    assert main(["convert", str(source), "--out", str(tei), "-q"]) == 0
    shutil.copy(ROOT / "tei" / "persons.xml", tei / "persons.xml")
    assert main(["render", str(tei), "--to", "html", "--out", str(folder / "site")]) == 0
    return folder / "site" / f"{name}.html"


def test_the_insertion_switch_leaves_the_gaps_shown(tmp_path, visit):
    """Hiding the editor's insertions must not hide that words are missing: "[illegible]"
    stays, so the reading text never looks whole where it is not."""
    v = visit(fixture_site("gaps-in-the-copy", tmp_path).as_uri())
    gap = v.page.locator(".gap").nth(1)
    assert gap.inner_text() == "[two words illegible]" and gap.is_visible()
    v.page.uncheck("#show-insertions")
    assert gap.is_visible() and v.page.locator(".gap:visible").count() == 12
    assert not v.problems


def test_a_note_marker_in_a_speaker_label_opens_its_note(tmp_path, visit):
    """A footnote's marker glued to a label ("Stalin:1") is a marker like any other: its
    note stays hidden until asked for (a button inside the link to the person made the
    browser break the link and show the note's text in the label), and the link to the
    person holds the name only."""
    v = visit(fixture_site("footnote-marker-glued-to-a-label", tmp_path).as_uri())
    labels = v.page.locator(".speaker")
    assert labels.first.inner_text() == "Stalin:1"  # the note's text is not shown in the label
    assert [a.inner_text() for a in v.page.locator(".speaker > a").all()] == [
        "Stalin:",
        "Zhou Enlai",
        "Stalin:",
    ]
    marker = labels.first.locator(".note-marker")
    popover = v.page.locator(f"#{marker.get_attribute('popovertarget')}")
    assert not popover.is_visible()
    marker.click()
    assert popover.is_visible() and "indirect speech" in popover.inner_text()
    assert not v.problems

"""Readable offline (issue 19, docs/architecture.md "Offline"): a reader on a phone opens the
book once over HTTP, the connection goes, and she still opens every chapter by the pages' own
links, every page of the contents and the search page with results, each with its styles and
without console errors. The book says once that it can be read offline. From file:// there is
no worker and no manifest. A changed book is a new worker (the build step, without a build).

Only these tests let the worker run: conftest's browser blocks service workers in every other
context, so that the copy made in the background never enters their requests and bytes."""

from __future__ import annotations

import functools
import http.server
import json
import re
import shutil
import threading
from urllib.parse import urljoin

import pytest

from miskraam.palette import BOOK
from miskraam.theme import offline

from .conftest import PAGE_READY, PAGES, open_ready

PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}

#: every stylesheet of the page has loaded and holds rules (none failed offline)
STYLED = """() => {
  const sheets = [...document.querySelectorAll('link[rel=stylesheet]')];
  return sheets.length > 0 && sheets.every((link) => link.sheet && link.sheet.cssRules.length > 0)
    && getComputedStyle(document.querySelector('.bd-header-announcement')).backgroundColor
       === 'rgb(59, 59, 59)';
}"""
NOTICE = ".miskraam-offline-notice"


def errors_of(tab) -> list[str]:
    errors: list[str] = []
    tab.on("console", lambda message: message.type == "error" and errors.append(
        f"{message.text} ({tab.url})"))
    tab.on("pageerror", lambda error: errors.append(f"pageerror: {error} ({tab.url})"))
    return errors


def check_notice(tab):
    """The notice on a phone at night: role=status, Dutch, in the flow above the chapter (so
    it covers nothing), inside the screen, axe-clean; its button closes it."""
    from axe_playwright_python.sync_playwright import Axe

    notice = tab.locator(NOTICE)
    assert notice.get_attribute("role") == "status"
    tab.wait_for_function(f"() => document.querySelector('{NOTICE} p').textContent.length > 0")
    assert "zonder internet" in notice.inner_text()
    assert notice.evaluate("el => getComputedStyle(el).position") == "static"
    assert notice.evaluate("el => el.nextElementSibling.matches('article.bd-article')")
    box = notice.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    tab.evaluate(Axe().axe_script)
    violations = tab.evaluate(
        f"() => axe.run({{include: [['{NOTICE}']]}}).then((r) => r.violations)")
    assert violations == [], violations
    notice.get_by_role("button", name="Sluiten").tap()
    assert notice.count() == 0


def check_page(tab, errors):
    assert tab.evaluate(STYLED), f"{tab.url}: zonder opmaak"
    width = tab.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"{tab.url}: {width} px breed"
    assert errors == [], errors


@pytest.mark.browser
@pytest.mark.build
def test_the_book_opens_without_a_connection_after_one_visit(browser, server):
    context = browser.new_context(**PHONE, color_scheme="dark", service_workers="allow")
    tab = context.new_page()
    errors = errors_of(tab)
    try:
        tab.goto(f"{server}/", wait_until="load")  # the address a reader is given
        tab.wait_for_url(re.compile(r"/book/index\.html$"))
        tab.wait_for_function(PAGE_READY)
        assert tab.locator("link[rel=manifest]").count() == 1
        # the worker is active once every file is in its copy
        assert tab.evaluate("navigator.serviceWorker.ready.then((r) => Boolean(r.active))")
        assert tab.locator(NOTICE).count() == 0  # the copy was made while she read this page
        context.set_offline(True)
        # the start page's link to every alarm sign: the copy serves it, but the notice is not
        # said there, before the signs; it is said on the next page (the start page again)
        tab.locator(".miskraam-notice a", has_text="Wanneer bel je?").first.tap()
        tab.wait_for_url(re.compile(r"/wanneer-bellen\.html$"))
        tab.wait_for_function(PAGE_READY)
        assert tab.locator(".miskraam-alarm").count() and tab.locator(NOTICE).count() == 0
        open_ready(tab, f"{server}/book/index.html")

        visited = {"book/index.html"}
        told_on = []
        while True:
            if tab.locator(NOTICE).count():
                told_on.append(tab.url)
                check_notice(tab)
            following = tab.locator("a.right-next")
            if not following.count():
                break
            following.first.tap()
            tab.wait_for_load_state("load")
            tab.wait_for_function(PAGE_READY)
            check_page(tab, errors)
            visited.add(tab.url.removeprefix(f"{server}/").split("#")[0])
        # every chapter by its links, in reading order; the rest of the contents by address
        for name in sorted(set(PAGES) - visited):
            open_ready(tab, f"{server}/{name}")
            check_page(tab, errors)
        open_ready(tab, f"{server}/search.html?q=curettage")
        tab.locator("#search-results a[href*='curettage']").first.wait_for(timeout=15000)
        check_page(tab, errors)

        # an address the copy does not hold (an old link): the book's 404 page, from the copy
        tab.goto(f"{server}/book/deel1/bestaat-niet.html", wait_until="load")
        assert tab.get_by_role("heading", level=1, name="Deze pagina bestaat niet").is_visible()
        check_page(tab, errors)
        # said once: on the first page the worker served that is not the alarm page
        assert told_on == [urljoin(f"{server}/", "book/index.html")], told_on
        tab.goto(f"{server}/", wait_until="load")  # her next visit, offline, by the address
        tab.wait_for_url(re.compile(r"/book/index\.html$"))
        tab.wait_for_function(PAGE_READY)
        check_page(tab, errors)
        assert tab.locator(NOTICE).count() == 0
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.build
def test_from_file_no_worker_and_no_manifest(browser, html):
    context = browser.new_context(**PHONE, service_workers="allow")
    tab = context.new_page()
    errors = errors_of(tab)
    asked = []
    tab.on("request", lambda request: asked.append(request.url))
    try:
        open_ready(tab, (html / "book/deel1/oorzaken.html").as_uri())
        tab.wait_for_timeout(300)  # past `load`, when a worker would be registered
        assert tab.locator("link[rel=manifest]").count() == 0
        assert [url for url in asked if url.endswith((offline.WORKER, offline.MANIFEST))] == []
        assert errors == [], errors
    finally:
        context.close()


@pytest.mark.build
def test_the_worker_lists_what_a_reader_needs(html):
    worker = (html / offline.WORKER).read_text(encoding="utf-8")
    files = json.loads(re.search(r"const FILES = (\{.*?\});", worker, re.S).group(1))
    assert set(PAGES) <= set(files)
    assert {"index.html", "searchindex.js", "_static/miskraam-offline.js",
            offline.MANIFEST} <= set(files)
    assert any(name.endswith(".woff") for name in files)  # the icon font the CSS loads
    assert not any(name.startswith("_sources/") or name.endswith(".map") for name in files)
    manifest = json.loads((html / offline.MANIFEST).read_text(encoding="utf-8"))
    assert manifest["lang"] == "nl" and manifest["display"] == "standalone"
    assert manifest["scope"] == "./" and manifest["start_url"] == "book/index.html"
    assert (manifest["theme_color"], manifest["background_color"]) == (
        BOOK["theme"], BOOK["background"])
    for icon in manifest["icons"]:
        assert (html / icon["src"]).read_bytes().startswith(b"\x89PNG")
        assert icon["src"] in files


class _Logged(http.server.SimpleHTTPRequestHandler):
    asked: list[str] = []

    def log_message(self, *args):
        self.asked.append(self.path)


@pytest.mark.browser
@pytest.mark.build
def test_a_new_publication_replaces_the_copy_quietly(browser, html, tmp_path):
    """A copy of the published book, opened once; then one page changes and the build step
    writes the new worker. At her next page the browser installs it, fetching only the
    worker and the changed page; the old copy is deleted, and offline she reads the new page."""
    files = offline.files_to_keep(html)
    for name in [*files, offline.WORKER]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(html / name, tmp_path / name)
    handler = functools.partial(_Logged, directory=str(tmp_path))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    site = f"http://127.0.0.1:{httpd.server_address[1]}"
    context = browser.new_context(service_workers="allow")
    tab = context.new_page()
    errors = errors_of(tab)
    try:
        open_ready(tab, f"{site}/book/index.html")
        tab.evaluate("navigator.serviceWorker.ready")
        (first,) = tab.evaluate("caches.keys()")
        changed = tmp_path / "book/over.html"
        changed.write_text(changed.read_text(encoding="utf-8").replace(
            "</article>", '<p id="herzien">Herzien.</p></article>'), encoding="utf-8")
        (tmp_path / offline.WORKER).write_text(offline.worker_text(tmp_path, files),
                                                encoding="utf-8")
        _Logged.asked.clear()
        open_ready(tab, f"{site}/book/deel1/oorzaken.html")
        for _ in range(100):  # the new copy made and the old one deleted, in the background
            names = tab.evaluate("caches.keys()")
            if len(names) == 1 and names != [first]:
                break
            tab.wait_for_timeout(100)
        assert len(names) == 1 and names != [first], names
        assert sorted(_Logged.asked) == ["/book/over.html", f"/{offline.WORKER}"]
        context.set_offline(True)
        open_ready(tab, f"{site}/book/over.html")
        assert tab.locator("#herzien").count() == 1
        assert errors == [], errors
    finally:
        context.close()
        httpd.shutdown()
        httpd.server_close()


def test_a_changed_book_is_a_new_worker(tmp_path):
    """The build step on a two-page book: a changed page changes the worker's version and
    that page's hash, not the other's; the page's stylesheet and its font are listed, the
    page sources, other hosts and a large download are not."""
    (tmp_path / "_static").mkdir()
    (tmp_path / "_sources").mkdir()
    (tmp_path / "a.html").write_text('<link href="_static/s.css?v=1" rel="stylesheet">'
                                     '<a href="b.html#x">b</a><a href="_sources/a.md">bron</a>'
                                     '<a href="https://example.org/">elders</a>'
                                     '<a href="editie.pdf">pdf</a>')
    (tmp_path / "editie.pdf").write_bytes(b"%" * (offline.LARGEST + 1))  # left to the network
    (tmp_path / "b.html").write_text("<p>b</p>")
    (tmp_path / "_static" / "s.css").write_text("@font-face{src:url('f.woff')}")
    (tmp_path / "_static" / "f.woff").write_bytes(b"font")
    (tmp_path / "_static" / "unused.js").write_text("")
    (tmp_path / "_sources" / "a.md").write_text("")
    files = offline.files_to_keep(tmp_path)
    assert [name for name in files if (tmp_path / name).exists()] == [
        "_static/f.woff", "_static/s.css", "a.html", "b.html"]
    for name in (offline.MANIFEST, *(f"_static/{icon}" for icon, _, _ in offline.ICONS)):
        (tmp_path / name).write_text("")

    def version_and_files():
        text = offline.worker_text(tmp_path, files)
        version = re.search(r'const VERSION = "(\w+)";', text).group(1)
        return version, json.loads(re.search(r"const FILES = (\{.*?\});", text, re.S).group(1))

    before, listed = version_and_files()
    assert version_and_files()[0] == before  # the same book, the same worker
    (tmp_path / "b.html").write_text("<p>b, herzien</p>")
    after, relisted = version_and_files()
    assert after != before
    assert relisted["b.html"] != listed["b.html"] and relisted["a.html"] == listed["a.html"]

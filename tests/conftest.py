"""Shared fixtures: the built book, a local server for it, and headless Chromium."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HTML = ROOT / "_build" / "html"
SHARED = ROOT.parent / "shared"
SOURCES = SHARED / "sources"
RESEARCH = SHARED / "research" / "evidence.md"
CHROMIUM = os.environ.get("MISKRAAM_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def jupyter_book() -> str:
    """The jupyter-book executable of the interpreter running the tests."""
    candidate = Path(sys.executable).parent / "jupyter-book"
    return str(candidate) if candidate.exists() else shutil.which("jupyter-book")


def build(source: Path, *extra: str) -> subprocess.CompletedProcess:
    """Build a book the way `make book` does: warnings are errors, nitpicky, keep going."""
    return subprocess.run(
        [jupyter_book(), "build", str(source), "-W", "-n", "--keep-going", *extra],
        cwd=source, capture_output=True, text=True, timeout=1800,
    )


NOTEBOOK_HEADER = """---
jupytext:
  text_representation:
    extension: .md
    format_name: myst
kernelspec:
  display_name: Python 3
  language: python
  name: python3
---
"""


def one_page_book(folder: Path, config: str, code: str) -> Path:
    """A book of one executable page, `pagina.md`, whose single cell runs `code`."""
    (folder / "_config.yml").write_text(config, encoding="utf-8")
    (folder / "_toc.yml").write_text("format: jb-book\nroot: pagina\n", encoding="utf-8")
    (folder / "pagina.md").write_text(
        f"{NOTEBOOK_HEADER}# Pagina\n\n```{{code-cell}} ipython3\n{code}\n```\n",
        encoding="utf-8")
    return folder / "_build" / "html" / "pagina.html"


_BUILD: dict[str, subprocess.CompletedProcess] = {}


def pytest_sessionstart(session):
    """Build the course once, before collection: the browser tests are parametrized over
    the built pages, so on a clean clone the pages must exist before tests are collected.
    Incremental, like a developer's rebuild (a few seconds when nothing changed)."""
    _BUILD["result"] = build(ROOT)


@pytest.fixture(scope="session")
def built_book() -> subprocess.CompletedProcess:
    return _BUILD["result"]


@pytest.fixture(scope="session")
def html(built_book) -> Path:
    assert built_book.returncode == 0, built_book.stdout[-4000:] + built_book.stderr[-4000:]
    return HTML


def content_pages(html_root: Path) -> list[Path]:
    """Every HTML page a reader can open (not theme fragments, not the root redirect)."""
    pages = []
    for page in sorted(html_root.rglob("*.html")):
        relative = page.relative_to(html_root)
        if relative.parts[0] in ("_static", "_sources", "_images"):
            continue
        if 'http-equiv="Refresh"' in page.read_text(encoding="utf-8")[:2000]:
            continue  # the etoc redirect at the root
        pages.append(page)
    return pages


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def server(html):
    handler = functools.partial(_QuietHandler, directory=str(html))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"Chromium ontbreekt op {CHROMIUM}. Installeer het met "
            "`sudo apt-get install chromium` (of zet MISKRAAM_CHROMIUM op het pad van je browser)."
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()

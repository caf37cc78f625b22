"""Shared fixtures and helpers: the built book (built lazily, once, only for the tests that
need it), a local server for it, headless Chromium, and the page lists, read from `_toc.yml`
so that collecting the tests needs no build.

Markers are checked, not trusted: a test that uses the built book must be marked `build`, a
test that uses Chromium `browser`, and `build()` refuses to run in a test not marked `build`
(see `pytest_collection_modifyitems` and `_current_test`)."""

from __future__ import annotations

import contextlib
import dataclasses
import fcntl
import io
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import unicodedata
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_colors

from miskraam import data
from miskraam.dutch import DUTCH, ENGLISH
from miskraam.toc import toc_pages

ROOT = Path(__file__).resolve().parent.parent
#: the course's data folder (book/data), as `_config.yml` names it
DATA = data.repository_folder()
#: the small Sphinx projects of the directive tests (sphinx.testing's `rootdir`)
ROOTS = Path(__file__).resolve().parent / "roots"
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


pytest_plugins = ("sphinx.testing.fixtures",)


@pytest.fixture(scope="session")
def rootdir():
    """Where sphinx.testing finds `testroot="x"`: tests/roots/test-x."""
    return ROOTS


@dataclasses.dataclass
class BuiltRoot:
    """A sphinx.testing root built once: its HTML pages and every warning of the build."""

    outdir: Path
    warnings: str

    def page(self, name: str) -> BeautifulSoup:
        """The article of one page (the theme's frame left out)."""
        soup = BeautifulSoup((self.outdir / f"{name}.html").read_text(encoding="utf-8"),
                             "html.parser")
        return soup.find("article") or soup

    def warnings_about(self, page: str) -> list[str]:
        """The warning lines whose location is `page` (its source file)."""
        return [line for line in self.warnings.splitlines() if f"/{page}.md:" in line]


def build_root(folder: Path, name: str, pages: dict[str, str] | None = None,
               **confoverrides) -> BuiltRoot:
    """Build tests/roots/test-<name> in-process (sphinx.testing), in a copy under `folder`,
    with `pages` ({file name: MyST}) written over the root's and `confoverrides` set.
    A module fixture calls it, so that a file's tests share one build and its warnings
    (sphinx.testing's own `app` fixture builds per test)."""
    source = folder / name
    shutil.copytree(ROOTS / f"test-{name}", source)
    for page, text in (pages or {}).items():
        (source / page).write_text(text, encoding="utf-8")
    warnings = io.StringIO()
    app = SphinxTestApp("html", srcdir=source, status=io.StringIO(), warning=warnings,
                        confoverrides=confoverrides)
    try:
        app.build()
    finally:
        app.cleanup()  # docutils' registries as they were, for the next build in this process
    return BuiltRoot(Path(app.outdir), strip_colors(warnings.getvalue()))


_CURRENT: dict[str, pytest.Item] = {}


@pytest.fixture(autouse=True)
def _current_test(request):
    """Remember the running test, so `build()` can check that it is marked `build`."""
    _CURRENT["item"] = request.node
    yield
    _CURRENT.pop("item", None)


def build(source: Path, *extra: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """Build a book the way `make book` does: warnings are errors, nitpicky, keep going.
    `env`: extra environment variables (e.g. PYTHONPATH to build with a copy of the package)."""
    item = _CURRENT.get("item")
    if item is not None and item.get_closest_marker("build") is None:
        pytest.fail(f"{item.nodeid} bouwt een boek maar is niet gemarkeerd als `build`")
    with course_build_lock(source):
        return subprocess.run(
            [jupyter_book(), "build", str(source), "-W", "-n", "--keep-going", *extra],
            cwd=source, capture_output=True, text=True, timeout=1800,
            env={**os.environ, **env} if env else None,
        )


@contextlib.contextmanager
def course_build_lock(source: Path = ROOT):
    """Builds of the course share `_build` (its doctrees, its search index): with pytest-xdist
    two workers would build it at once. The first to come builds, the other waits and then
    finds the build done (an incremental build of seconds). Books in a temporary folder
    need no lock."""
    if Path(source).resolve() != ROOT:
        yield
        return
    (ROOT / "_build").mkdir(exist_ok=True)
    with open(ROOT / "_build" / ".build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


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


#: fixtures that need the built course, and the marker each fixture asks for
NEEDS_MARKER = {"built_book": "build", "html": "build", "server": "build", "host": "build",
                "browser": "browser", "reused_tab": "browser", "quiz_tab": "browser"}


def _needs_the_book(item) -> bool:
    return bool({"built_book", "html", "server"} & set(getattr(item, "fixturenames", ())))


def pytest_collection_modifyitems(config, items):
    """Markers are what `make test-fast` selects on: a test that uses the built book without
    `build`, or Chromium without `browser`, would slip into the fast run and build there.

    Files whose tests need no built book run first (pytest-xdist hands out files in this
    order), while the first worker builds the course in the background (`_EarlyBuild`)."""
    missing = [f"{item.nodeid}: {marker}"
               for item in items
               for fixture, marker in NEEDS_MARKER.items()
               if fixture in getattr(item, "fixturenames", ())
               and item.get_closest_marker(marker) is None]
    if missing:
        raise pytest.UsageError("tests zonder de marker die ze nodig hebben:\n"
                                + "\n".join(sorted(set(missing))))
    book_files = {item.path for item in items if _needs_the_book(item)}
    items.sort(key=lambda item: item.path in book_files)  # stable: file order kept within
    worker = getattr(config, "workerinput", None)
    if book_files and worker is not None and worker["workerid"] == "gw0":
        _EarlyBuild.start(worker["testrunuid"])


class _EarlyBuild:
    """From a fresh clone the course takes a minute and a half to build. With pytest-xdist the
    first worker starts that build as the run begins, in a thread, and both workers meanwhile
    run the files that need no book; a test that needs it waits for the build's lock
    (`built_book`). Without xdist the first test that needs the book builds it."""

    thread: threading.Thread | None = None

    @classmethod
    def start(cls, run: str) -> None:
        cls.thread = threading.Thread(target=build_course_once, args=(run,), daemon=True)
        cls.thread.start()


def pytest_sessionfinish(session):
    if _EarlyBuild.thread is not None:
        _EarlyBuild.thread.join()


#: the course built by Jupyter Book's own build function (what `jupyter-book build . -W -n
#: --keep-going` calls), with `jobs` processes
COURSE_BUILD = """
import sys
from pathlib import Path
from jupyter_book.sphinx import build_sphinx
root, out, jobs = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
sys.exit(build_sphinx(
    root, out, use_external_toc=True, noconfig=True, path_config=str(root / "_config.yml"),
    confoverrides={"external_toc_path": str(root / "_toc.yml"), "latex_individualpages": False,
                   "nitpicky": True},
    warningiserror=True, keep_going=True, jobs=jobs))
"""


def build_course_once(run: str) -> subprocess.CompletedProcess:
    """The course built once in test run `run`: the first caller builds and leaves its result,
    tagged with the run's id, for the others (other workers, the early build's thread), which
    would otherwise build again to find nothing changed."""
    done = ROOT / "_build" / ".built-book.json"
    with course_build_lock():
        if done.exists():
            earlier = json.loads(done.read_text(encoding="utf-8"))
            if earlier["run"] == run:
                return subprocess.CompletedProcess(earlier["args"], earlier["returncode"],
                                                   earlier["stdout"], earlier["stderr"])
        result = subprocess.run(
            [sys.executable, "-c", COURSE_BUILD, str(ROOT), str(HTML), "2"],
            cwd=ROOT, capture_output=True, text=True, timeout=1800,
        )
        done.write_text(json.dumps({"run": run, "args": result.args,
                                    "returncode": result.returncode, "stdout": result.stdout,
                                    "stderr": result.stderr}), encoding="utf-8")
        return result


@pytest.fixture(scope="session")
def built_book(testrun_uid) -> subprocess.CompletedProcess:
    """The course, built once per test run, the first time a test asks for it (or at the
    start, `_EarlyBuild`). Incremental, like a developer's rebuild (a few seconds when nothing
    changed). Read by two processes (Sphinx's -j 2, which `jupyter-book build` has no option
    for): under -W a build that had to read serially fails, so every test of the built book
    also checks the parallel read (tests/test_parallel.py compares a parallel with a serial
    build, page by page)."""
    return build_course_once(testrun_uid)


@pytest.fixture(scope="session")
def html(built_book) -> Path:
    assert built_book.returncode == 0, built_book.stdout[-4000:] + built_book.stderr[-4000:]
    return HTML


def toc_sources() -> list[str]:
    """Every page of the book as `_toc.yml` lists it, in reading order, without extension."""
    return toc_pages(ROOT / "_toc.yml")


def source_file(name: str) -> Path:
    """The source of a page listed in `_toc.yml` (MyST `.md` or a notebook `.ipynb`)."""
    for suffix in (".md", ".ipynb"):
        if (ROOT / f"{name}{suffix}").exists():
            return ROOT / f"{name}{suffix}"
    raise FileNotFoundError(f"{name} staat in _toc.yml maar bestaat niet")


#: every page a reader can open, as a path below _build/html, sorted: the pages of `_toc.yml`
#: and the two Sphinx writes itself
PAGES = sorted([f"{name}.html" for name in toc_sources()]
               + ["genindex.html", "search.html", "404.html"])

#: a page shows a widget when its source makes one (a code cell or the `{widget}` directive)
_MAKES_A_WIDGET = re.compile(r"from miskraam(?:\.widgets)? import|miskraam\.widgets|```\{widget\}")
WIDGET_PAGES = sorted(f"{name}.html" for name in toc_sources()
                      if _MAKES_A_WIDGET.search(source_file(name).read_text(encoding="utf-8")))

#: widgets that open on the leaflet's figures and switch to the research view
EVIDENCE_WIDGETS = ("hartactiviteit", "medicijnen", "curettage")

# One action per widget that must change what it shows: the book's and JupyterLab's tests.
def widget_text(root):
    return root.inner_text()


def keyboard_step(page, root, kind):
    """One keyboard action that must change what the widget shows."""
    if kind == "bloedverlies":
        root.locator("input[type=radio]:checked").first.focus()
        page.keyboard.press("ArrowDown")
    elif kind in EVIDENCE_WIDGETS:
        root.locator(".miskraam-evidence-switch input").focus()
        page.keyboard.press("Space")
    elif kind == "afwachten":
        root.locator("input[type=range]").focus()
        page.keyboard.press("ArrowRight")
    elif kind == "keuzehulp":
        root.locator("input[type=checkbox]").first.focus()
        page.keyboard.press("Space")
    elif kind == "wanneer-bellen":
        root.locator("input[type=text]").first.focus()
        page.keyboard.press("Control+A")
        page.keyboard.type("3")
    elif kind == "oefening":
        root.locator("input").focus()
        page.keyboard.type("1")
        page.keyboard.press("Enter")
    else:
        pytest.fail(f"geen toetsenbordstap voor widget '{kind}'")


def mouse_step(page, root, kind):
    """One mouse action that must change what the widget shows."""
    if kind == "bloedverlies":
        root.locator("input[type=radio]:not(:checked)").first.click()
    elif kind in EVIDENCE_WIDGETS:
        root.locator(".miskraam-evidence-switch input").click()
    elif kind == "afwachten":
        slider = root.locator("input[type=range]")
        box = slider.bounding_box()
        page.mouse.click(box["x"] + box["width"] * 0.9, box["y"] + box["height"] / 2)
    elif kind == "keuzehulp":
        root.locator("input[type=checkbox]").first.click()
    elif kind == "wanneer-bellen":
        root.locator("input[type=checkbox]").first.click()
    elif kind == "oefening":
        root.locator("input").fill("987654")
        root.locator("button").click()
    else:
        pytest.fail(f"geen muisstap voor widget '{kind}'")



# Shared patterns of the chapter checks (test_book, test_chapters, test_notebooks)
FACT_ROLE = re.compile(r"\{fact\}`(?P<id>[^`<\s]+)\s*(?:<[^>]*>)?\s*`")
#: a statistic typed by hand: "20%", "20 procent", "5 van de 100", "1 op de 5"
HAND_WRITTEN = re.compile(
    r"\d+(?:[.,]\d+)?\s*(?:%|procent\b)|\b\d+\s+(?:van de|op de)\s+\d+", re.IGNORECASE
)

SOURCE_FILES = {
    "informatieblad": SOURCES / "informatieblad-dreigende-miskraam.txt",
    "blog": SOURCES / "blog-acupunctuur-bij-miskramen.txt",
}


def normalise(text: str) -> str:
    """Unicode NFC with all whitespace folded to single spaces."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def plain_sentences(text: str) -> list[str]:
    """A normalised text's sentences, split after . ! ? (the clinical tests read claims, and
    the facts and citations that go with them, one sentence at a time)."""
    return re.split(r"(?<=[.!?])\s+", text)


#: "stress does not cause it": more than the evidence says, which shows no causal link and no
#: absence of one. A wording in quotes is the course discussing that wording, and is not read.
DENIES_A_CAUSE = re.compile(r"(?<![\"“])\b(?:stress|hardlopen|sporten|werken)\b[^.\"”]*"
                            r"\bveroorza\w*\b[^.\"”]*\bniet\b", re.IGNORECASE)


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


@pytest.fixture(scope="session")
def server(html):
    from .host import PlainFiles, static_host

    with static_host(html, PlainFiles) as address:
        yield address


def chromium_identity() -> list:
    """The browser, as a kept result's key names it (what it was measured or checked with)."""
    binary = Path(CHROMIUM).resolve()
    return [str(binary), binary.stat().st_size, binary.stat().st_mtime_ns]


def node_tool_version(package: str) -> str:
    """The version of a checker installed from npm (`make node-tools`)."""
    manifest = ROOT / "node_modules" / package / "package.json"
    return json.loads(manifest.read_text(encoding="utf-8"))["version"]


@pytest.fixture(scope="session")
def host(html):
    """The built book as a static host serves it: compressed, with its 404 page (host.py)."""
    from .host import static_host

    with static_host(html) as address:
        yield address


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
        yield _WatchedBrowser(instance)
        instance.close()


# --- Every context the tests open ---------------------------------------------------------------
# Service workers are blocked unless a test allows them (`service_workers="allow"`,
# tests/test_offline.py): over HTTP the book's worker copies the whole book in the background
# once a page has loaded, which would enter every other test's requests, bytes and time (the
# page weight, the audits).
# The pages' Content-Security-Policy is watched: every page carries one
# (miskraam/theme/lockdown.py); a script, style or request it refuses shows as a console
# message in Chromium. Every context reports those messages here, and the test during which one
# came fails (`_no_policy_violation`): so the widgets, self-tests and search, as the browser
# tests use them, are checked against the policy.

#: Chromium's console messages about a refused script, eval, style, image, font or request
POLICY_VIOLATIONS: list[str] = []


def _note_violation(message) -> None:
    if "Content Security Policy" in message.text:
        POLICY_VIOLATIONS.append(f"{message.location.get('url', '')}: {message.text}")


class _WatchedBrowser:
    """The launched browser: its contexts block service workers and report violations."""

    def __init__(self, browser):
        self._browser = browser

    def new_context(self, **options):
        options.setdefault("service_workers", "block")
        context = self._browser.new_context(**options)
        context.on("console", _note_violation)
        return context

    def new_page(self, **options):
        options.setdefault("service_workers", "block")
        page = self._browser.new_page(**options)
        page.on("console", _note_violation)
        return page

    def __getattr__(self, name):
        return getattr(self._browser, name)


@pytest.fixture(autouse=True)
def _no_policy_violation():
    seen = len(POLICY_VIOLATIONS)
    yield
    refused = POLICY_VIOLATIONS[seen:]
    del POLICY_VIOLATIONS[seen:]
    assert not refused, "de Content-Security-Policy weigerde iets:\n" + "\n".join(refused[:10])


# --- Tabs reused from test to test -----------------------------------------------------------
# Opening a tab starts a renderer process: about 0.4 s of CPU, ten times a navigation in a tab
# that is open. Tests that open pages one after another share one tab per kind of context
# (its options), and get it clean: nothing stored (local and session storage, cookies,
# IndexedDB, caches) for the book's origins, no listener or route left by the test before.

#: listeners added with `listen`, per tab, removed when the tab is handed to the next test
_LISTENERS: dict[int, list] = {}


def listen(tab, event: str, handler) -> None:
    """tab.on(event, handler), undone when a reused tab goes to the next test."""
    tab.on(event, handler)
    _LISTENERS.setdefault(id(tab), []).append((event, handler))


def _clean(tab, origins: list[str]) -> None:
    for event, handler in _LISTENERS.pop(id(tab), []):
        tab.remove_listener(event, handler)
    tab.unroute_all(behavior="ignoreErrors")
    tab.goto("about:blank")  # the page's own unload handlers store before storage is cleared
    tab.context.clear_cookies()
    cdp = tab.context.new_cdp_session(tab)
    try:
        for origin in origins:
            cdp.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"})
    finally:
        cdp.detach()


@pytest.fixture(scope="session")
def _tab_pool(browser):
    pool: dict[str, object] = {}
    yield pool
    for tab in pool.values():
        tab.context.close()


@pytest.fixture()
def reused_tab(_tab_pool, request):
    """`reused_tab(**context_options)`: an open tab of a context with these options, clean;
    the tab is cleaned again after the test (storage of the test server and of file://)."""
    handed = []

    def get(**options):
        key = json.dumps(options, sort_keys=True)
        if key not in _tab_pool:
            _tab_pool[key] = request.getfixturevalue("browser").new_context(**options).new_page()
        handed.append(_tab_pool[key])
        return _tab_pool[key]

    yield get
    origins = ["file://"]
    if "server" in request.fixturenames:
        origins.append(request.getfixturevalue("server"))
    for tab in handed:
        _clean(tab, origins)


#: the self-tests' phone: 390 px wide, with touch
QUIZ_PHONE = {"width": 390, "height": 844}


@pytest.fixture
def quiz_tab(reused_tab):
    """A reused phone tab (390 px, touch) for the self-test pages; the test fails when a
    script on the page throws."""
    tab = reused_tab(viewport=QUIZ_PHONE, has_touch=True)
    errors: list[str] = []
    listen(tab, "pageerror", lambda error: errors.append(str(error)))
    yield tab
    assert not errors, errors


#: what a test waits for before it looks at a widget (a function: a page's Content-Security-Policy
#: refuses Playwright's string predicates, which it evaluates with eval)
WIDGETS_READY = ("() => document.documentElement.classList"
                 ".contains('miskraam-widgets-ready')")

#: a page is ready when it has loaded and its scripts have said so: the widget loader
#: (html.miskraam-widgets-ready) and the self-tests (html.miskraam-quiz-live), where present.
#: Waiting for this instead of "networkidle" (at least 500 ms of silence per visit) is what
#: the reader's page does; nothing on these pages loads late.
PAGE_READY = """() => document.readyState === 'complete'
  && (!document.querySelector('.miskraam-widget-cell')
      || document.documentElement.classList.contains('miskraam-widgets-ready'))
  && (!document.querySelector('form.miskraam-vraag, .miskraam-toetsoverzicht')
      || document.documentElement.classList.contains('miskraam-quiz-live'))"""


def open_ready(tab, url: str, reload: bool = False):
    """Open (or reload) a page and wait until its scripts are ready."""
    if reload:
        tab.reload(wait_until="load")
    else:
        tab.goto(url, wait_until="load")
    tab.wait_for_function(PAGE_READY, timeout=15000)


_STATEMENT_BLOCK = re.compile(
    r"^(?P<fence>`{3,}|:{3,})\{uitspraak\}\s+(?P<id>[\w-]+)\s*\n(?P<options>(?::[^\n]*\n)*)"
    r"(?P=fence)\s*$", re.MULTILINE)


def page_text(path: Path) -> str:
    """A page's MyST as the reader gets it: each {uitspraak} replaced by the statement's
    wording, {begrippenlijst} by the glossary. Tests that read a chapter's source read what
    its reader reads, wherever the words have their home."""
    from miskraam.content.glossary import glossary_lines
    from miskraam.statements import statement

    text = path.read_text(encoding="utf-8")

    def expand(match):
        form = "professioneel" if "professioneel" in match["options"] else "publiek"
        return statement(match["id"]).text(form)

    text = _STATEMENT_BLOCK.sub(expand, text)
    return text.replace("```{begrippenlijst}\n```", "\n".join(glossary_lines()))


# The size of a study, as the book writes it and as the passage read states it
# (test_facts: a record's meaning; test_evidence: the prose around a citation).
#: the numbers as words, from the course's one reader (miskraam/dutch.py); here "een" counts
#: too, because a size reads it only before "miljoen" or "duizend"
_NL_NUMBERS = {**DUTCH, "een": 1}
#: "16 studies", "meer dan een miljoen vrouwen", "1,85 miljoen vrouwen", "ruim 420.000
#: zwangerschappen", "zeven studies" (not a denominator: "5 van de 100 vrouwen")
STUDY_SIZE = re.compile(
    r"(?<!van de )(?<!op de )(?<!per )(?P<bound>\b(?:ruim|meer dan|bijna|ongeveer|circa|zo'n) )?"
    r"(?P<number>\b\d{1,3}(?:\.\d{3})+\b|\b\d+(?:,\d+)?\b|\b(?:"
    + "|".join(_NL_NUMBERS) + r")\b)(?P<times> miljoen| duizend)?\s+"
    r"(?P<what>studies|trials|onderzoeken|cohorten|vrouwen|deelnemers|paren|zwangerschappen|"
    r"patiënten)\b(?! per honderd)", re.IGNORECASE)


def study_sizes(text: str) -> list[tuple[str, float, str]]:
    """Every study size a Dutch text gives: (the words, the number, its bound or "")."""
    sizes = []
    for match in STUDY_SIZE.finditer(text):
        number = match["number"].lower()
        if number in ("een", "één") and not match["times"]:
            continue  # "een studie": an article, not a size
        value = (_NL_NUMBERS[number] if number in _NL_NUMBERS
                 else float(number.replace(".", "").replace(",", ".")))
        if match["times"]:
            value *= 1_000_000 if "miljoen" in match["times"] else 1000
        sizes.append((match[0], value, (match["bound"] or "").strip().lower()))
    return sizes


def numbers_in(passage: str) -> set[float]:
    """Every number a passage states: digits (English or Dutch notation; a group of three after a
    comma, space or dot may be a thousands group, so both readings count) and number words."""
    found: set[float] = set()
    for words in (DUTCH, ENGLISH):
        for word, value in words.items():
            if value > 1 and re.search(rf"\b{word}\b", passage, re.IGNORECASE):
                found.add(float(value))
    for match in re.finditer(r"\d{1,3}(?:[,. \u00a0\u202f]\d{3})+(?!\d)|\d+(?:[.,]\d+)?", passage):
        digits = match[0]
        if re.fullmatch(r"\d{1,3}(?:[,. \u00a0\u202f]\d{3})+", digits):
            found.add(float(re.sub(r"\D", "", digits)))
        if re.fullmatch(r"\d+(?:[.,]\d+)?", digits):
            found.add(float(digits.replace(",", ".")))
    return found


def size_stated(value: float, bound: str, numbers: set[float]) -> bool:
    """Whether a passage's numbers hold a size the book gives: the number itself, or rounded
    ("1,85 miljoen" for 1 853 017), or within its bound ("ruim 420.000" for 421 201)."""
    for number in numbers:
        if bound in ("ruim", "meer dan"):
            if value < number <= value * 1.25:
                return True
        elif bound == "bijna":
            if value * 0.8 <= number < value:
                return True
        elif bound:
            if abs(number - value) <= value * 0.1:
                return True
        elif number == value:
            return True
        elif value >= 1000 and value == int(value):
            significant = len(str(int(value)).rstrip("0"))
            if float(f"{number:.{significant}g}") == value:
                return True
    return False


def passage_of(source: str) -> str | None:
    """The stored passage of a source: the leaflet or the blog, or sources/literatuur/<key>.md
    without its header; None when nothing was stored."""
    if source in SOURCE_FILES:
        return SOURCE_FILES[source].read_text(encoding="utf-8")
    path = ROOT / "sources" / "literatuur" / f"{source}.md"
    if not path.exists():
        return None
    text = path.read_text(encoding="utf-8")
    return text.split("\n---\n", 1)[1] if text.startswith("---\n") else text


# --- the self-tests as a reader answers them (test_selftests, test_nascholing_draw) -------------

#: the Eindtoets nascholing's page: a test drawn from a pool by its blueprint
NASCHOLING = "book/nascholing/eindtoets-nascholing"
#: the nascholing's pool, with its {blauwdruk} at the top
NASCHOLING_POOL = ROOT / "book" / "nascholing" / "vragen.md"


def nascholing_blueprint() -> dict:
    """The pool's blueprint, read as the directive reads it (content/blueprint.py)."""
    from miskraam.content.blueprint import read_blueprint

    text = NASCHOLING_POOL.read_text(encoding="utf-8")
    blueprint, problem = read_blueprint(re.search(r"```\{blauwdruk\}\n(.*?)```", text, re.S)[1])
    assert not problem, problem
    return blueprint


def answer(page, form, right: bool):
    """Answer one question the way a reader would, right or wrong, and check it ("kies
    maximaal N": no more than N)."""
    kind = form.get_attribute("data-soort")
    if kind in ("enkel", "meer"):
        options = form.locator(".miskraam-optie")
        limit = 1 if kind == "enkel" else int(form.get_attribute("data-maximaal") or 0) or 99
        chosen = 0
        for i in range(options.count()):
            option = options.nth(i)
            good = option.get_attribute("data-goed") == "1"
            if (good if right else not good) and chosen < limit:
                option.locator("input").check()
                chosen += 1
    elif kind == "volgorde":
        items = form.locator(".miskraam-optie")
        count = items.count()
        for i in range(count):
            place = int(items.nth(i).get_attribute("data-plaats"))
            # wrong: the order reversed (at least two steps out of place)
            items.nth(i).locator("select").select_option(
                str(place if right else count + 1 - place))
    else:
        value = float(form.get_attribute("data-antwoord"))
        margin = float(form.get_attribute("data-marge") or 0)
        number = value if right else int(value + margin) + 7  # whole, and outside the margin
        form.locator("input[inputmode=decimal]").fill(f"{number:g}".replace(".", ","))
    form.locator("button[type=submit]").click()
    verdict = form.locator(".miskraam-vraag-uitslag").inner_text()
    assert verdict.startswith("Goed") == right, (form.get_attribute("data-vraag"), verdict)


#: the attempt's next question as she meets it: shown (drawn, and a case's step revealed), not
#: yet answered
NEXT = "form.miskraam-vraag:not([hidden]):not(.is-checked)"


def drawn_names(tab) -> list[str]:
    """The questions of this attempt (the draw the page stored with it, quiz-draw.js)."""
    return tab.evaluate("(key) => JSON.parse(localStorage.getItem(key)).trekking",
                        f"miskraam-toets:{NASCHOLING}")

"""Readable offline (issue 19): a web app manifest and a service worker, written at the end of
every HTML build (docs/architecture.md, "Offline").

- ``miskraam-sw.js`` at the book's root: ``offline-worker.js`` beside this module with the list
  of every file a reader needs (every page, the files the pages link, the fonts their
  stylesheets use, the search index, the manifest and its icons), each with a hash of its
  content, and a version made of all of them. A new publication changes the worker byte for
  byte, so the browser installs it; it fetches only the files whose hash changed.
- ``manifest.webmanifest`` at the root, in Dutch, with the book's colours (``palette.BOOK``)
  and icons drawn from the book's own icon (``favicon.svg``) with matplotlib.
- ``miskraam-offline.js`` on every page (bundled from ``miskraam/js/offline-page.js``): over
  http(s) only, it links the manifest and registers the worker after the page has loaded,
  and once says that the book can now be read offline. From ``file://`` it does nothing.

Our own worker, not Workbox: Workbox writes its precache list with a Node build step
(workbox-build), which ``make book`` does not have, and what we need is about 60 lines.
"""

from __future__ import annotations

import hashlib
import html
import inspect
import io
import json
import posixpath
import re
from importlib.metadata import version
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from ..jsbundle import publish
from ..palette import BOOK
from .cache import cached

HERE = Path(__file__).parent
WORKER_SOURCE = HERE / "offline-worker.js"
PAGE_SCRIPT = HERE.parent / "js" / "offline-page.js"
#: at the book's root: a worker controls the pages below its own folder
WORKER = "miskraam-sw.js"
MANIFEST = "manifest.webmanifest"
SCRIPT = "miskraam-offline.js"
#: (file below _static, size in px, purpose)
ICONS = (("miskraam-icon-192.png", 192, "any"), ("miskraam-icon-512.png", 512, "any"),
         ("miskraam-icon-maskable.png", 512, "maskable"))
#: the page sources behind the download button: not needed to read the book
NOT_KEPT = ("_sources/",)
#: a linked file larger than this (a PDF or EPUB edition offered for download) stays on the
#: network: a copy of the book should not cost a phone tens of megabytes
LARGEST = 2_000_000

LINKED = re.compile(r'\b(?:href|src)="([^"]+)"')
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""")
#: an address with a scheme (https:, mailto:, tel:, data:) or only a fragment
ELSEWHERE = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|#|//)")
#: the characters of a path an address keeps as they are (RFC 3986 pchar, and "/")
PATH_SAFE = "/-_.~!$&'()*+,;=:@"


def _local_targets(text: str, pattern: re.Pattern, base: str, outdir: Path) -> set[str]:
    """The files of the book that a page or stylesheet at `base` (its path below the root)
    refers to, as paths below the root."""
    found = set()
    for address in pattern.findall(text):
        if ELSEWHERE.match(address):
            continue
        path = unquote(urlsplit(html.unescape(address)).path)
        if not path:
            continue
        target = posixpath.normpath(posixpath.join(posixpath.dirname(base), path))
        if target.startswith("../") or target.startswith(NOT_KEPT):
            continue
        file = outdir / target
        if file.is_file() and (target.endswith(".html") or file.stat().st_size <= LARGEST):
            found.add(target)
    return found


def files_to_keep(outdir: Path) -> list[str]:
    """Every page of the book and every file the pages use, below the root, sorted."""
    pages = sorted(path.relative_to(outdir).as_posix() for path in outdir.rglob("*.html")
                   if not path.relative_to(outdir).as_posix().startswith(("_static/", *NOT_KEPT)))
    kept = set(pages)
    for page in pages:
        text = (outdir / page).read_text(encoding="utf-8", errors="replace")
        kept |= _local_targets(text, LINKED, page, outdir)
    # what the stylesheets load (the icon font)
    for sheet in [name for name in kept if name.endswith(".css")]:
        text = (outdir / sheet).read_text(encoding="utf-8", errors="replace")
        kept |= _local_targets(text, CSS_URL, sheet, outdir)
    kept |= {MANIFEST, *(f"_static/{name}" for name, _, _ in ICONS)}
    kept.discard(WORKER)
    return sorted(kept)


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:12]


def worker_text(outdir: Path, files: list[str]) -> str:
    """The service worker: its code with the files (address below the root -> hash of the
    content) and a version made of them and of the code."""
    code = WORKER_SOURCE.read_text(encoding="utf-8")
    listed = {quote(name, safe=PATH_SAFE): content_hash((outdir / name).read_bytes())
              for name in files}
    table = json.dumps(listed, indent=0, sort_keys=True)
    stamp = content_hash((code + table).encode("utf-8"))
    return code.replace('"__VERSION__"', json.dumps(stamp)).replace("__FILES__", table)


def manifest(app) -> dict:
    config = app.config
    title = config.html_title or config.project
    return {
        "name": title,
        "short_name": config.project if len(config.project) <= 12 else title.split(":")[0],
        "description": "Een open cursus over de vroege miskraam. Je kunt hem ook zonder "
                       "internet lezen, als je hem één keer hebt geopend.",
        "lang": config.language or "nl",
        "dir": "ltr",
        "start_url": app.builder.get_target_uri(config.root_doc),
        "scope": "./",
        "display": "standalone",
        "theme_color": BOOK["theme"],
        "background_color": BOOK["background"],
        "icons": [{"src": f"_static/{name}", "sizes": f"{size}x{size}", "type": "image/png",
                   "purpose": purpose} for name, size, purpose in ICONS],
    }


def draw_icon(size: int, purpose: str) -> bytes:
    """The book's icon (favicon.svg: a white drop on a blue circle) as a PNG. A maskable icon
    fills its square with the blue and keeps the circle inside the middle 80%, which a phone
    may cut to a circle or a rounded square."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.patches import Circle, PathPatch
    from matplotlib.path import Path as Shape

    maskable = purpose == "maskable"
    figure = Figure(figsize=(size / 100, size / 100), dpi=100)
    FigureCanvasAgg(figure)
    axes = figure.add_axes((0, 0, 1, 1))
    margin = 5 if maskable else 0
    axes.set_xlim(-margin, 32 + margin)
    axes.set_ylim(32 + margin, -margin)  # SVG's y runs down
    axes.set_axis_off()
    figure.patch.set_facecolor(BOOK["theme"] if maskable else "none")
    axes.add_patch(Circle((16, 16), 14, color=BOOK["theme"], linewidth=0))
    # favicon.svg's drop: M16 8 c-3 4-6 7-6 11 a6 6 0 0 0 12 0 c0-4-3-7-6-11z, the arc as
    # two quarter circles
    k = 6 * 0.5523
    points = [(16, 8), (13, 12), (10, 15), (10, 19), (10, 19 + k), (16 - k, 25), (16, 25),
              (16 + k, 25), (22, 19 + k), (22, 19), (22, 15), (19, 12), (16, 8)]
    codes = [Shape.MOVETO] + [Shape.CURVE4] * 12
    axes.add_patch(PathPatch(Shape(points, codes), facecolor="#ffffff", linewidth=0))
    out = io.BytesIO()
    figure.savefig(out, format="png", dpi=100, transparent=not maskable,
                   metadata={"Software": None}, facecolor=figure.get_facecolor())
    return out.getvalue()


def icon(size: int, purpose: str) -> bytes:
    """The icon, drawn once per drawing code, colours and matplotlib (``cache.py``): every
    small book the tests build would otherwise draw it again (about a second)."""
    made_from = "\0".join([inspect.getsource(draw_icon), json.dumps(BOOK), str(size), purpose,
                            version("matplotlib")])
    return cached("icon", made_from, lambda: draw_icon(size, purpose))


def write_offline_files(app, exception):
    if exception is not None or app.builder.name not in ("html", "dirhtml"):
        return
    outdir = Path(app.outdir)
    for name, size, purpose in ICONS:
        (outdir / "_static" / name).write_bytes(icon(size, purpose))
    (outdir / MANIFEST).write_text(
        json.dumps(manifest(app), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (outdir / WORKER).write_text(worker_text(outdir, files_to_keep(outdir)), encoding="utf-8")


def publish_page_script(app):
    publish(app, SCRIPT, PAGE_SCRIPT)


def setup(app):
    app.connect("builder-inited", publish_page_script)
    # last: after the lean stylesheets, the start page and the search index are written
    app.connect("build-finished", write_offline_files, priority=990)
    app.add_js_file(SCRIPT, defer="defer")

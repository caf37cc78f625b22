"""The theme layer: light pages that load only what the course uses.

A vanilla Jupyter Book page loads about 2.5 MB; most of it is Font Awesome's JavaScript
(1.5 MB, to draw about eight icons), Bootstrap's CSS and JavaScript, and the search index on
every page. What this module does (the reasons are in docs/architecture.md, "The theme
layer"; the template side is in templates/layout.html):

- per page (``html-page-context``): keep the assets of sphinx-design, sphinx-copybutton and
  sphinx-togglebutton only on pages that have what they work on; point every third-party
  stylesheet at its trimmed ``.lean.css`` copy;
- after the build (``build-finished``): write those copies, keeping only the CSS rules whose
  classes occur in the built pages or in the scripts they load; subset the icon fonts to
  the icons that the remaining rules draw (a few kB instead of 300 kB); replace the root
  redirect with a complete, labelled page.
"""

from __future__ import annotations

import logging as python_logging
import re
from html import escape
from pathlib import Path

from sphinx.util import logging

logger = logging.getLogger(__name__)

#: per-page assets, kept only when the page's body contains one of the markers
OPTIONAL_ASSETS = {
    # sphinx-design: cards, grids, tabs
    "sphinx-design.min.css": ("sd-",),
    "design-tabs.js": ("sd-tab",),
    # sphinx-copybutton: a copy button on code blocks
    "copybutton.css": ("<pre",),
    "copybutton.js": ("<pre",),
    "clipboard.min.js": ("<pre",),
    # sphinx-togglebutton: folded admonitions (sphinx-exercise's solutions) and toggles
    "togglebutton.css": ("dropdown", "toggle"),
    "togglebutton.js": ("dropdown", "toggle"),
}

#: stylesheets of ours: not trimmed
OWN_PREFIX = "miskraam"
LEAN_SUFFIX = ".lean.css"
#: the theme's base stylesheets, linked from templates/layout.html
THEME_STYLESHEETS = ("styles/pydata-sphinx-theme.css", "basic.css")
ICON_FONT_DIR = "vendor/fontawesome/webfonts"


def lean_name(filename: str) -> str:
    return filename[: -len(".css")] + LEAN_SUFFIX


def _wanted(filename: str, body: str) -> bool:
    markers = OPTIONAL_ASSETS.get(Path(filename).name)
    return markers is None or any(marker in body for marker in markers)


def trim_page_assets(app, pagename, templatename, context, doctree):
    """Drop the per-page assets a page does not need; link the lean stylesheets."""
    if app.builder.format != "html":
        return
    body = context.get("body", "")
    if pagename in ("search", "genindex"):
        body = ""
    css_files = context.get("css_files")
    if css_files is not None:
        kept = []
        for css in css_files:
            name = str(css.filename)
            if not _wanted(name, body):
                continue
            ours = Path(name).name.startswith(OWN_PREFIX)
            if "://" not in name and name.endswith(".css") and not ours:
                attributes = dict(css.attributes)
                # the same kind of entry Sphinx made (its class is private API), renamed
                css = type(css)(lean_name(name), priority=css.priority, **attributes)
            kept.append(css)
        css_files[:] = kept
    script_files = context.get("script_files")
    if script_files is not None:
        script_files[:] = [js for js in script_files
                           if not js.filename or _wanted(str(js.filename), body)]


# --- CSS trimming -------------------------------------------------------------------------

_CLASS = re.compile(r"\.(-?[_a-zA-Z][_a-zA-Z0-9-]*)")
_WORD = re.compile(r"[_a-zA-Z][_a-zA-Z0-9-]*")
_BLOCK_AT_RULES = ("@media", "@supports", "@container", "@layer")


def _split_top(css: str):
    """Yield (prelude, block) for each top-level rule; block is None for `@x ...;` rules.
    Aware of comments and strings, so braces inside them do not count."""
    i, n, start = 0, len(css), 0
    depth, prelude_end = 0, None
    while i < n:
        c = css[i]
        if c == "/" and css.startswith("/*", i):
            end = css.find("*/", i + 2)
            i = n if end < 0 else end + 2
            continue
        if c in "\"'":
            j = i + 1
            while j < n and css[j] != c:
                j += 2 if css[j] == "\\" else 1
            i = j + 1
            continue
        if c == "{":
            if depth == 0:
                prelude_end = i
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                yield css[start:prelude_end], css[prelude_end + 1:i]
                start = i + 1
        elif c == ";" and depth == 0:
            yield css[start:i + 1], None
            start = i + 1
        i += 1
    if css[start:].strip():
        yield css[start:], None


def _strip_functional(selector: str) -> str:
    """Remove the arguments of :not(), :is(), :where(), :has() and friends: a class inside
    them does not have to be on the page for the selector to match."""
    out, depth = [], 0
    for c in selector:
        if c == "(":
            depth += 1
        elif c == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append(c)
    return "".join(out)


def _selector_used(selector: str, words: set[str]) -> bool:
    bare = re.sub(r"\[[^\]]*\]", "", _strip_functional(selector))
    return all(name in words for name in _CLASS.findall(bare))


def trim_css(css: str, words: set[str]) -> str:
    """Keep the rules with at least one selector whose classes all occur in `words`."""
    out = []
    for prelude, block in _split_top(css):
        head = re.sub(r"/\*.*?\*/", "", prelude, flags=re.S).strip()
        if block is None:
            out.append(head)
        elif head.startswith(_BLOCK_AT_RULES):
            inner = trim_css(block, words)
            if inner:
                out.append(f"{head}{{{inner}}}")
        elif head.startswith("@"):
            out.append(f"{head}{{{block}}}")
        else:
            selectors = [s for s in _split_selectors(head) if _selector_used(s, words)]
            if selectors:
                out.append(f"{','.join(selectors)}{{{block}}}")
    return "\n".join(part for part in out if part)


def _split_selectors(head: str) -> list[str]:
    parts, depth, current = [], 0, []
    for c in head:
        if c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        if c == "," and depth == 0:
            parts.append("".join(current).strip())
            current = []
        else:
            current.append(c)
    parts.append("".join(current).strip())
    return [p for p in parts if p]


def words_in_use(outdir: Path) -> set[str]:
    """Every word in the built pages and in the local scripts they load: a class can come
    from the HTML, from a script (the theme's, ours) or from a widget's ES module (embedded
    in the page). Generous on purpose: a word that is not a class only keeps a rule."""
    words: set[str] = set()
    scripts: set[Path] = set()
    for page in outdir.rglob("*.html"):
        if page.relative_to(outdir).parts[0] in ("_static", "_sources"):
            continue
        text = page.read_text(encoding="utf-8", errors="replace")
        words.update(_WORD.findall(text))
        for src in re.findall(r'<script[^>]*\ssrc="([^"?#]+)', text):
            if "://" not in src:
                scripts.add((page.parent / src).resolve())
    for script in scripts:
        if script.is_file():
            words.update(_WORD.findall(script.read_text(encoding="utf-8", errors="replace")))
    return words


# --- icon fonts ---------------------------------------------------------------------------

_FONT_FACE = re.compile(r"@font-face\{[^}]*\}")
_ESCAPE = re.compile(r"\\([0-9a-fA-F]{4,6})")


def icon_codepoints(css: str) -> set[int]:
    """Private-use code points (icons) the CSS still draws, escaped or literal."""
    points = {int(code, 16) for code in _ESCAPE.findall(css)}
    points |= {ord(c) for c in css}
    return {p for p in points if 0xE000 <= p <= 0xF8FF}


def subset_icon_fonts(css: str, folder: Path) -> str:
    """Point each icon @font-face at a subset (WOFF) with only the icons in use; drop the
    faces none of whose icons are used."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    # fontTools reports every table it prunes at INFO; a build says only what the author needs
    python_logging.getLogger("fontTools").setLevel(python_logging.WARNING)
    wanted = icon_codepoints(css)

    def replace(match: re.Match) -> str:
        rule = match.group(0)
        source = re.search(r"url\(([^)]*?\.ttf)\)", rule)
        if not source:
            return rule
        ttf = (folder / source.group(1).strip("\"'")).resolve()
        if not ttf.is_file():
            return rule
        font = TTFont(ttf)
        present = wanted & set(font.getBestCmap())
        if not present:
            return ""
        options = subset.Options()
        options.flavor = "woff"
        options.layout_features = []
        options.name_IDs = []
        options.notdef_outline = True
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=present)
        subsetter.subset(font)
        target = ttf.with_name(ttf.stem + ".miskraam.woff")
        font.flavor = "woff"
        font.save(target)
        relative = Path(source.group(1).strip("\"'")).with_name(target.name).as_posix()
        return re.sub(r"src:[^;}]*", f'src:url({relative}) format("woff")', rule)

    return _FONT_FACE.sub(replace, css)


# --- the root redirect --------------------------------------------------------------------

def redirect_page(target: str, title: str, icon: str | None, label: str) -> str:
    icon_link = f'<link rel="icon" href="{escape(icon)}">\n' if icon else ""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Refresh" content="0; url={escape(target)}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n{icon_link}"
        f'<link rel="canonical" href="{escape(target)}">\n'
        "</head>\n<body>\n"
        f"<main><h1>{escape(title)}</h1>\n"
        f'<p><a href="{escape(target)}">{escape(label)}</a></p></main>\n'
        "</body>\n</html>\n"
    )


def write_redirect(app) -> None:
    """The root index.html of a book whose first page is not `index`: sphinx-external-toc
    writes a bare <meta> refresh (no doctype, language, title or icon; the browser then
    asks for /favicon.ico, a 404). Ours is a complete page with a visible link."""
    if app.config.root_doc == "index":
        return
    target = app.builder.get_target_uri(app.config.root_doc)
    icon = None
    if app.config.html_favicon and "://" not in app.config.html_favicon:
        icon = "_static/" + Path(app.config.html_favicon).name
    title = app.config.html_title or app.config.project
    first = app.env.titles.get(app.config.root_doc)
    label = first.astext() if first is not None else title
    Path(app.outdir, "index.html").write_text(
        redirect_page(target, title, icon, label), encoding="utf-8")


def write_lean_assets(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    static = outdir / "_static"
    words = words_in_use(outdir)
    stylesheets = {static / name for name in THEME_STYLESHEETS}
    stylesheets |= {
        path for path in static.rglob("*.css")
        if not path.name.endswith(LEAN_SUFFIX) and not path.name.startswith(OWN_PREFIX)
    }
    for path in sorted(stylesheets):
        if not path.is_file():
            continue
        css = trim_css(path.read_text(encoding="utf-8"), words)
        if "@font-face" in css:
            css = subset_icon_fonts(css, path.parent)
        path.with_name(lean_name(path.name)).write_text(css, encoding="utf-8")
    write_redirect(app)


def setup(app):
    app.connect("html-page-context", trim_page_assets)
    # after sphinx-external-toc has written its redirect (priority 500)
    app.connect("build-finished", write_lean_assets, priority=900)

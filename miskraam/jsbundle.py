"""Join the course's ES modules into one script, the way a bundler would, in about 80 lines.

Why our own: a widget's ES module is loaded from a Blob URL (in the book) or by anywidget (in
Jupyter), and neither can resolve ``import … from "./x.js"``; the page scripts (the self-tests,
the colour mode) must be classic scripts, because browsers block ES modules from ``file://``.
The modules themselves are ordinary ES modules, so Node imports them in the tests
(``tests/js``). A bundler (esbuild, rollup) would add a Node toolchain to ``make book``; what we
need is only this: take the relative imports first, each file once, and drop the ``import``
lines and the ``export`` keywords. A classic script is wrapped in a function, so two page
scripts made from one module (the storage helper) do not declare its names twice on one page.
Anything else (an import from a URL, a package or outside ``miskraam/``, ``export … from``,
two files declaring the same name) is refused with a Dutch message, because a silent mistake
here would break a widget or the self-tests in the reader's browser.
"""

from __future__ import annotations

import re
from pathlib import Path

IMPORT = re.compile(r'^import[ \t]*\{[^}\n]*\}[ \t]*from[ \t]*"(?P<path>[^"]+)";[ \t]*$',
                    re.MULTILINE)
ANY_IMPORT = re.compile(r"^\s*import\b", re.MULTILINE)
EXPORT_DECLARATION = re.compile(
    r"^export\s+(?=(?:async\s+)?function\b|const\b|let\b|class\b)", re.MULTILINE)
EXPORT_LIST = re.compile(r"^export[ \t]*\{[^}\n]*\};?[ \t]*$", re.MULTILINE)
EXPORT_DEFAULT = re.compile(r"^export\s+default\b", re.MULTILINE)
DECLARATION = re.compile(
    r"^(?:export\s+)?(?:async\s+)?(?:function\s*\*?\s*|const\s+|let\s+|class\s+)(?P<name>[A-Za-z_$][\w$]*)",
    re.MULTILINE)


#: the package: a module may import its neighbours (./) and other folders of the package (../)
PACKAGE = Path(__file__).resolve().parent


class BundleError(ValueError):
    """A module the bundler cannot join; the message names the file."""


def _dependencies(path: Path, root: Path) -> list[Path]:
    text = path.read_text(encoding="utf-8")
    found = [match["path"] for match in IMPORT.finditer(text)]
    if len(found) != len(ANY_IMPORT.findall(text)):
        raise BundleError(f"{path.name}: alleen `import {{ … }} from \"./bestand.js\";` op één "
                          "regel kan worden samengevoegd")
    targets = []
    for name in found:
        target = (path.parent / name).resolve()
        # a neighbour (./) always; another folder (../) only inside the package
        inside = target.is_relative_to(path.parent) or target.is_relative_to(root)
        if not name.startswith(("./", "../")) or not inside:
            raise BundleError(f"{path.name}: import van '{name}': alleen bestanden van het "
                              "pakket (./… of ../…); een script laadt niets van buiten")
        targets.append(target)
    return targets


def module_order(*entries: Path, root: Path = PACKAGE) -> list[Path]:
    """Every file the entries need, dependencies first, each once."""
    order: list[Path] = []
    root = root.resolve()

    def visit(path: Path, stack: tuple[Path, ...]):
        if path in stack:
            raise BundleError(f"{path.name}: importeert zichzelf via "
                              f"{' -> '.join(p.name for p in stack)}")
        if path in order:
            return
        for dependency in _dependencies(path, root):
            visit(dependency, (*stack, path))
        order.append(path)

    for entry in entries:
        visit(entry.resolve(), ())
    return order


def _strip(text: str, keep_default: bool, name: str) -> str:
    if not keep_default and EXPORT_DEFAULT.search(text):
        raise BundleError(f"{name}: `export default` mag alleen in het laatste bestand staan")
    text = IMPORT.sub("", text)
    text = EXPORT_LIST.sub("", text)
    return EXPORT_DECLARATION.sub("", text)


def bundle(*entries: Path, classic: bool = False, root: Path = PACKAGE) -> str:
    """One script of the entries and what they import. ``classic``: a classic script, its
    names inside one function (no ``export default``); otherwise the last entry keeps its
    ``export default`` (an ES module for anywidget)."""
    order = module_order(*entries, root=root)
    last = entries[-1].resolve()
    declared: dict[str, str] = {}
    parts = []
    for path in order:
        text = path.read_text(encoding="utf-8")
        for match in DECLARATION.finditer(text):
            if match["name"] in declared:
                raise BundleError(f"{path.name}: '{match['name']}' staat ook in "
                                  f"{declared[match['name']]}; kies een andere naam")
            declared[match["name"]] = path.name
        parts.append(_strip(text, keep_default=not classic and path == last, name=path.name))
    if classic:
        return '(function () {\n"use strict";\n' + "\n".join(parts) + "})();\n"
    return "\n".join(parts)


def publish(app, filename: str, entry: Path) -> None:
    """Write ``entry`` and what it imports to the HTML build's ``_static/filename`` as one
    classic page script. Called at ``builder-inited``: the file must be there before the pages
    are written, which link it with Sphinx's checksum (``?v=…``) so a browser never keeps an
    old copy."""
    if app.builder.format != "html":
        return
    target = Path(app.outdir) / "_static" / filename
    target.parent.mkdir(parents=True, exist_ok=True)
    text = bundle(entry, classic=True)
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")

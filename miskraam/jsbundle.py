"""Join the course's ES modules into one script, the way a bundler would, in about 60 lines.

Why our own: a widget's ES module is loaded from a Blob URL (in the book) or by anywidget (in
Jupyter), and neither can resolve ``import … from "./x.js"``; the quiz helpers are a classic
script (modules are blocked from ``file://``). The modules themselves are ordinary ES modules,
so Node imports them in the tests (``tests/js``). A bundler (esbuild, rollup) would add a Node
toolchain to ``make book``; what we need is only this: take the relative imports first, each
file once, and drop the ``import`` lines and the ``export`` keywords. Anything else (an import
from a URL or a package, ``export … from``, two files declaring the same name) is refused with
a Dutch message, because a silent mistake here would break a widget in the reader's browser.
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


class BundleError(ValueError):
    """A module the bundler cannot join; the message names the file."""


def _dependencies(path: Path) -> list[Path]:
    text = path.read_text(encoding="utf-8")
    found = [match["path"] for match in IMPORT.finditer(text)]
    if len(found) != len(ANY_IMPORT.findall(text)):
        raise BundleError(f"{path.name}: alleen `import {{ … }} from \"./bestand.js\";` op één "
                          "regel kan worden samengevoegd")
    for target in found:
        if not target.startswith("./"):
            raise BundleError(f"{path.name}: import van '{target}': alleen bestanden naast "
                              "dit bestand (./…); een widget laadt niets van buiten")
    return [(path.parent / target).resolve() for target in found]


def module_order(*entries: Path) -> list[Path]:
    """Every file the entries need, dependencies first, each once."""
    order: list[Path] = []

    def visit(path: Path, stack: tuple[Path, ...]):
        if path in stack:
            raise BundleError(f"{path.name}: importeert zichzelf via "
                              f"{' -> '.join(p.name for p in stack)}")
        if path in order:
            return
        for dependency in _dependencies(path):
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


def bundle(*entries: Path, classic: bool = False) -> str:
    """One script of the entries and what they import. ``classic``: no ``export default``
    (a classic script); otherwise the last entry keeps it (an ES module for anywidget)."""
    order = module_order(*entries)
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
    return "\n".join(parts)

"""Never serve stale numbers or interface text.

Sphinx re-reads a page only when the page (or a file it noted as a dependency) changed.
Pages with a ``{widget}`` note their widget's files themselves (``widgetdirective.py``);
but every page shows the notice (from the alarm signs), many show ``{fact}`` numbers, and
all are written by this package's Sphinx code. When any file of the package or of the book's
data folder changes, we have Sphinx re-read every page. Nothing here touches myst-nb's
execution cache: the chapters are plain MyST, and only the student notebooks execute.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from sphinx.util import logging

from .. import data

PACKAGE = Path(__file__).resolve().parent.parent
PATTERNS = ("*.py", "*.js", "*.js_t", "*.css", "*.yml", "*.po", "*.bib")
STAMP = "miskraam-code.sha256"

logger = logging.getLogger(__name__)


def code_fingerprint(root: Path = PACKAGE) -> str:
    digest = hashlib.sha256()
    files = sorted(p for pattern in PATTERNS for p in root.rglob(pattern)
                   if "__pycache__" not in p.parts)
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _stamp_path(app) -> Path:
    return Path(app.doctreedir) / STAMP


def check_code(app, config):
    # the data folder was chosen by an earlier config-inited handler (datafolder.py)
    fingerprint = code_fingerprint() + code_fingerprint(data.folder())
    stamp = _stamp_path(app)
    previous = stamp.read_text().strip() if stamp.exists() else None
    app.miskraam_fingerprint = fingerprint
    app.miskraam_code_changed = previous is not None and previous != fingerprint
    if app.miskraam_code_changed:
        logger.info("miskraam: cursuscode of gegevens gewijzigd; alle pagina's worden opnieuw "
                    "gelezen")


def outdated_pages(app, env, added, changed, removed):
    if getattr(app, "miskraam_code_changed", False):
        return sorted((set(env.all_docs) & env.found_docs) - set(added) - set(changed))
    return []


def write_stamp(app, exception):
    if exception is None:
        stamp = _stamp_path(app)
        stamp.parent.mkdir(parents=True, exist_ok=True)
        stamp.write_text(app.miskraam_fingerprint)


def setup(app):
    app.connect("config-inited", check_code)
    app.connect("env-get-outdated", outdated_pages)
    app.connect("build-finished", write_stamp)

"""Never serve stale widget code.

Sphinx re-reads a page only when the page changed, and jupyter-cache re-executes a
notebook only when its code cells changed. Pages that show widgets or {fact} figures also
depend on this package (widget modules, ES modules, the facts registry). When any of those
files changes, we clear the execution cache and have Sphinx re-read every page.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from sphinx.util import logging

PACKAGE = Path(__file__).resolve().parent.parent
PATTERNS = ("*.py", "*.js", "*.js_t", "*.css", "*.yml", "*.po")
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


def execution_cache(app, config) -> Path:
    """myst-nb's jupyter-cache folder: the configured one, else its default beside outdir."""
    configured = getattr(config, "nb_execution_cache_path", "") or ""
    return Path(configured) if configured else Path(app.outdir).parent / ".jupyter_cache"


def check_code(app, config):
    fingerprint = code_fingerprint()
    stamp = _stamp_path(app)
    previous = stamp.read_text().strip() if stamp.exists() else None
    app.miskraam_fingerprint = fingerprint
    app.miskraam_code_changed = previous is not None and previous != fingerprint
    if app.miskraam_code_changed:
        cache = execution_cache(app, config)
        if cache.is_dir():
            shutil.rmtree(cache)
        logger.info("miskraam: cursuscode gewijzigd; alle pagina's worden opnieuw "
                    "gelezen en uitgevoerd")


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

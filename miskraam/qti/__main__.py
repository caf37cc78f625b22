"""``python -m miskraam.qti [target.zip]``: the question bank as a QTI 3.0 package (make qti).

Sphinx reads only the question pages, with the book's own configuration (``_config.yml``,
through Jupyter Book's translation of it) and the course's extension: the ``{vraag}`` and
``{fact}`` the book uses. A question the exporter cannot map stops it with one Dutch message
naming the question, and exit code 1.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
from pathlib import Path

from . import QtiError
from .items import item
from .package import write

ROOT = Path(__file__).resolve().parents[2]
TARGET = ROOT / "_build" / "qti" / "miskraam-qti.zip"
#: the pages that hold the book's questions (chapters include the first; the test is the second)
QUESTION_PAGES = ["book/toetsvragen/*.md", "book/nascholing/vragen.md"]
#: the book's extensions that only shape the HTML pages or the table of contents: left out,
#: the others (MyST, the course's directives and roles) read the questions as in the book
PAGE_ONLY = {"sphinx_external_toc", "sphinx_book_theme", "miskraam.theme", "jupyter_book",
             "sphinx_comments", "sphinx_togglebutton", "sphinx_copybutton", "sphinx_thebe"}


def collect(root: Path = ROOT, quiet: bool = True) -> tuple[list, dict]:
    """(page, question node) of every question, read by Sphinx as the book reads them, and the
    blueprint of each page that has one ({page: {casussen, onderwerpen}})."""
    from jupyter_book.config import get_final_config
    from sphinx.application import Sphinx
    from sphinx.util.console import strip_colors
    from sphinx.util.docutils import docutils_namespace, patch_docutils

    config, _ = get_final_config(user_yaml=root / "_config.yml",
                                 cli_config={"latex_individualpages": False},
                                 sourcedir=root, use_external_toc=False)
    config.update({
        "extensions": [*(name for name in config["extensions"] if name not in PAGE_ONLY),
                       "miskraam.qti"],
        "include_patterns": QUESTION_PAGES,
        "miskraam_search_words": "",  # search is the HTML book's; its pages are not read here
        "nb_execution_mode": "off",
        "root_doc": "book/nascholing/vragen",
    })
    # warnings about what the HTML book has and this reading leaves out (the toc, the theme's
    # settings, links to chapters) are expected; an error (a question the directive refused)
    # would leave the question out, so it stops the export
    log = io.StringIO()
    with tempfile.TemporaryDirectory() as scratch, patch_docutils(str(root)), \
            docutils_namespace():
        app = Sphinx(str(root), None, scratch, f"{scratch}/.doctrees", "qti-questions",
                     confoverrides=config, status=None if quiet else sys.stdout,
                     warning=log, freshenv=True)
        app.build()
    errors = [strip_colors(line).replace(f"{root}/", "").replace("ERROR: ", "")
              for line in log.getvalue().splitlines() if "ERROR" in line]
    if errors:
        raise QtiError("\n".join(errors))
    return app.builder.questions, app.builder.blueprints


def export(questions, target: Path, blueprints: dict | None = None) -> Path:
    return write([item(page, node) for page, node in questions], target, blueprints)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m miskraam.qti",
                                     description="De toetsvragen als QTI 3.0-pakket.")
    parser.add_argument("target", nargs="?", type=Path, default=TARGET)
    args = parser.parse_args(argv)
    try:
        questions, blueprints = collect()
        target = export(questions, args.target, blueprints)
    except QtiError as problem:
        print(f"QTI-export mislukt: {problem}", file=sys.stderr)
        return 1
    print(f"Het QTI 3.0-pakket staat klaar: {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

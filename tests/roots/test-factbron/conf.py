# A small project for the {fact} role's <bron> form, built in-process (sphinx.testing).
from pathlib import Path

import miskraam
import miskraam.theme

extensions = ["myst_parser", "sphinxcontrib.bibtex", "miskraam.content", "miskraam.theme"]
language = "nl"
exclude_patterns = ["_build"]
locale_dirs = [str(Path(miskraam.theme.__file__).parent / "locale")]
# the appendix of key figures ({fact} links to it) cites the course bibliography
# (sphinx.testing copies this folder to a temporary one: found from the package, not __file__)
bibtex_bibfiles = [str(Path(miskraam.__file__).resolve().parents[1] / "book" / "references.bib")]
html_theme = "miskraam"  # the course theme (miskraam.theme), as the book uses it

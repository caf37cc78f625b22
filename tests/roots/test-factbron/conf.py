# A small project for the {fact} role's <bron> form, built in-process (sphinx.testing).
from pathlib import Path

import miskraam.theme
from miskraam import data

extensions = ["myst_parser", "sphinxcontrib.bibtex", "miskraam.content", "miskraam.theme"]
language = "nl"
exclude_patterns = ["_build"]
locale_dirs = [str(Path(miskraam.theme.__file__).parent / "locale")]
# the appendix of key figures ({fact} links to it) cites the course bibliography
# in the course's data folder (found through the package, so that a copy of this folder
# elsewhere builds too)
bibtex_bibfiles = [str(data.repository_folder() / data.BIBLIOGRAPHY)]
html_theme = "miskraam"  # the course theme (miskraam.theme), as the book uses it

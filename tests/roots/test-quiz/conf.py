# A small project for the self-test questions, built in-process (sphinx.testing) and opened
# in Chromium from file://.
from pathlib import Path

import miskraam.theme
from miskraam import data

extensions = ["myst_parser", "sphinxcontrib.bibtex", "miskraam.content", "miskraam.theme"]
language = "nl"
exclude_patterns = ["_build"]
release = "0.9-test"
locale_dirs = [str(Path(miskraam.theme.__file__).parent / "locale")]
# the appendix of key figures ({fact} links to it) cites the course bibliography
# in the course's data folder (found through the package, so that a copy of this folder
# elsewhere builds too)
bibtex_bibfiles = [str(data.repository_folder() / data.BIBLIOGRAPHY)]
# the course's theme: its stylesheet hides the feedback until a question is checked
html_theme = "miskraam"

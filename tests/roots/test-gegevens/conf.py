# A small book for the directives and roles that show the course's data (tests/
# test_data_directives.py): {fact}, {kerngetallen}, {uitspraak}, {begrip}, {begrippenlijst},
# {alarmsignalen}, {alarmzin}. No `miskraam_data_dir`: it reads the course's own data folder
# (book/data), so the tests take what they expect from the same files. One page, `fouten`,
# holds the bad input; every warning of the build must come from there.
from pathlib import Path

import miskraam.theme
from miskraam import data

extensions = ["myst_parser", "sphinxcontrib.bibtex", "miskraam.content", "miskraam.theme"]
language = "nl"
nitpicky = True  # as the book builds (-n): a link that goes nowhere is a warning
exclude_patterns = ["_build"]
myst_url_schemes = ["http", "https", "mailto", "tel"]  # as _config.yml: 112 a link to call
locale_dirs = [str(Path(miskraam.theme.__file__).parent / "locale")]
# the appendix and the statements cite the course bibliography (found through the package, so
# that a copy of this folder elsewhere builds too)
bibtex_bibfiles = [str(data.repository_folder() / data.BIBLIOGRAPHY)]
html_theme = "miskraam"  # the course theme (miskraam.theme), as the book uses it

# A small book read in parallel (sphinx.testing with parallel=2, tests/test_parallel.py): more
# than five pages, so Sphinx reads them in worker processes; questions on several pages, and
# the three pages that summarise the book (progress overview, study load, test result).
from pathlib import Path

import miskraam.theme

extensions = ["myst_parser", "miskraam.content", "miskraam.theme"]
language = "nl"
exclude_patterns = ["_build"]
release = "0.9-test"
locale_dirs = [str(Path(miskraam.theme.__file__).parent / "locale")]
html_theme = "miskraam"  # the course theme (miskraam.theme), as the book uses it

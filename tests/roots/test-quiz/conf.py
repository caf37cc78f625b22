# A small project for the self-test questions, built in-process (sphinx.testing) and opened
# in Chromium from file://.
from pathlib import Path

import miskraam.sphinxext

extensions = ["myst_parser", "miskraam.sphinxext"]
language = "nl"
exclude_patterns = ["_build"]
release = "0.9-test"
locale_dirs = [str(Path(miskraam.sphinxext.__file__).parent / "locale")]

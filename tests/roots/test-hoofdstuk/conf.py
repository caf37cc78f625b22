# A small book for the chapter's building blocks and the Verantwoording (tests/
# test_chapter_directives.py): {leerdoelen}, {kernpunten}, {verdieping}, {citaat}, {vakpagina},
# {cursusversie}, {studielast}, {herzieningen}. No `miskraam_data_dir`: the review dates come
# from the course's own data folder (book/data/herziening.yml), so the chapter is named as the
# course's first chapter; `zonder-datum` has no review date, and `fouten` holds bad input.
from pathlib import Path

import miskraam.theme

extensions = ["myst_parser", "miskraam.content", "miskraam.theme"]
language = "nl"
nitpicky = True  # as the book builds (-n): a link that goes nowhere is a warning
exclude_patterns = ["_build"]
release = "3.2-proef"
locale_dirs = [str(Path(miskraam.theme.__file__).parent / "locale")]
html_theme = "miskraam"  # the course theme (miskraam.theme), as the book uses it

# Two pages with readers' search words, built in-process (sphinx.testing), twice.
from pathlib import Path

extensions = ["myst_parser", "miskraam.content", "miskraam.theme"]
language = "nl"
exclude_patterns = ["_build"]
# its own search words beside this file (a folder sphinx.testing or the test copies); the
# notice and the rest read the course's data folder
miskraam_search_words = str(Path(__file__).parent / "zoektermen.yml")
html_theme = "miskraam"  # the course theme (miskraam.theme), as the book uses it

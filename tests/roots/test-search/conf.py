# Two pages with readers' search words, built in-process (sphinx.testing), twice.
extensions = ["myst_parser", "miskraam.content", "miskraam.theme"]
language = "nl"
exclude_patterns = ["_build"]
miskraam_search_words = "zoektermen.yml"
html_theme = "miskraam"  # the course theme (miskraam.theme), as the book uses it

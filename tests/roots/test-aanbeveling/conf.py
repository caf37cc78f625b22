# A small project for the {aanbeveling} directive, one page per case, built in-process.
extensions = ["myst_parser", "sphinxcontrib.bibtex", "miskraam.content", "miskraam.theme"]
language = "nl"
exclude_patterns = ["_build"]
bibtex_bibfiles = ["refs.bib"]
myst_enable_extensions = ["colon_fence"]
html_theme = "miskraam"  # the course theme (miskraam.theme), as the book uses it

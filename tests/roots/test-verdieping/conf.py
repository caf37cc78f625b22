# A one-page project for the {verdieping} directive, built in-process (sphinx.testing).
# sphinx_design is not listed: the content extension sets it up itself. sphinx_togglebutton is,
# as in the book: the lean theme must not load its assets for a verdieping.
extensions = ["myst_parser", "sphinx_togglebutton", "miskraam.content", "miskraam.theme"]
language = "nl"
exclude_patterns = ["_build"]
html_theme = "miskraam"  # the course theme (miskraam.theme), as the book uses it

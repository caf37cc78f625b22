# A one-page project for the {verdieping} directive, built in-process (sphinx.testing).
# sphinx_design is not listed: the content extension sets it up itself.
extensions = ["myst_parser", "miskraam.content", "miskraam.theme"]
language = "nl"
exclude_patterns = ["_build"]
html_theme = "miskraam"  # the course theme (miskraam.theme), as the book uses it

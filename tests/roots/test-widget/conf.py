# A one-page project for the {widget} directive, built in-process (sphinx.testing).
extensions = ["myst_parser", "miskraam.content", "miskraam.theme"]
language = "nl"
exclude_patterns = ["_build"]
html_theme = "miskraam"  # the course theme (miskraam.theme), as the book uses it

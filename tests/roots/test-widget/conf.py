# A one-page project for the {widget} directive, built in-process (sphinx.testing).
extensions = ["myst_parser", "miskraam.sphinxext"]
language = "nl"
exclude_patterns = ["_build"]

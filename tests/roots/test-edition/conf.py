# A three-page project for the editions (the print edition's one-page build and the EPUB),
# built in-process (sphinx.testing): tests/test_edition_tree.py.
extensions = ["myst_parser", "sphinx_exercise", "miskraam.content", "miskraam.theme"]
language = "nl"
exclude_patterns = ["_build"]
# the start page in a folder and a page outside it, as in the course (book/index, notebooks/)
root_doc = "boek/index"
project = "Editie"
html_title = "Een proefcursus"
release = version = "0.9-test"
myst_enable_extensions = ["colon_fence"]
html_theme = "miskraam"
epub_basename = "editie"
epub_title = html_title
epub_identifier = epub_uid = "editie-proef"
epub_theme = "miskraam-epub"
epub_pre_files = [("titelpagina.xhtml", "Titelpagina")]
epub_post_files = [("antwoorden.xhtml", "Antwoorden bij de toetsen")]
epub_show_urls = "no"
epub_use_index = False

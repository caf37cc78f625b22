"""Data where authors look (issue 17): every file an author edits lives in the book's one data
folder, named by `miskraam_data_dir` in `_config.yml`, and the code reads that folder and the
page names the configuration gives, not paths or names of its own. The in-process builds
(sphinx.testing) use tests/roots/test-factbron and test-quiz with changed settings."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from miskraam import data

from .conftest import DATA, ROOT, ROOTS

CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
SETTINGS = CONFIG["sphinx"]["config"]
#: the book's own configuration files, not data an author edits
BOOK_CONFIG = {"_config.yml", "_toc.yml"}


def files() -> list[str]:
    """Every file of the repository, also a new one not yet added to git."""
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"],
                            cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return [name for name in listed.split() if (ROOT / name).is_file()]


def test_every_file_an_author_edits_lives_in_the_data_folder():
    """No registry in the package, no bibliography beside the chapters: a yml or bib file of
    the package or the book, and a bib file anywhere but the tests' own projects, is in the data
    folder."""
    folder = DATA.relative_to(ROOT).as_posix() + "/"
    astray = [name for name in files()
              if not name.startswith(folder) and name not in BOOK_CONFIG
              and (name.endswith((".yml", ".yaml", ".bib")) and name.startswith(("miskraam/",
                                                                                    "book/"))
                   or name.endswith(".bib") and not name.startswith("tests/"))]
    assert astray == [], f"bestanden die een auteur bewerkt, buiten {folder}: {astray}"


def test_the_configuration_names_the_folder_and_the_bibliography_in_it():
    assert SETTINGS[data.SETTING] == "book/data"
    assert DATA == (ROOT / "book" / "data").resolve()
    for name in (data.FACTS, data.ALARM_SIGNS, data.STATEMENTS, data.GLOSSARY,
                 data.DECISION_AID, data.SEARCH_WORDS, data.REVIEWS, data.BIBLIOGRAPHY):
        assert (DATA / name).is_file(), name
    assert [(ROOT / bib).resolve().parent for bib in CONFIG["bibtex_bibfiles"]] == [DATA]
    assert SETTINGS["miskraam_search_words"] == data.SEARCH_WORDS


def test_only_the_data_module_names_a_data_file():
    """Loaders find their file through `miskraam/data.py`; no other module builds a path to a
    yml or bib file of its own."""
    named = re.compile(r"""["'][\w/.-]*\.(?:yml|yaml|bib)["']""")
    found = [f"{path.relative_to(ROOT)}: {match.group(0)}"
             for path in sorted((ROOT / "miskraam").rglob("*.py"))
             if path.name != "data.py"
             for match in named.finditer(path.read_text(encoding="utf-8"))
             if match.group(0).strip("\"'") not in BOOK_CONFIG]
    assert found == [], found


def test_every_setting_of_the_course_is_written_in_the_configuration():
    """An author sees every `miskraam_` setting in `_config.yml`, not only in the code."""
    registered = set()
    for path in (ROOT / "miskraam").rglob("*.py"):
        registered |= set(re.findall(r'add_config_value\(\s*"(miskraam_\w+)"',
                                     path.read_text(encoding="utf-8")))
    registered.add(data.SETTING)
    assert registered - set(SETTINGS) == set()


@pytest.fixture
def data_folder_restored():
    """An in-process build sets the data folder of this process: put the previous one back."""
    previous = data.use(None)
    yield
    data.use(previous)


def test_outside_sphinx_the_folder_comes_from_the_books_configuration(tmp_path, monkeypatch,
                                                                       data_folder_restored):
    """A notebook's kernel runs in the notebook's folder: it finds the book's `_config.yml`
    above it and the folder named there; a book naming none uses the course's."""
    book = tmp_path / "boek"
    (book / "notebooks").mkdir(parents=True)
    (book / "_config.yml").write_text("sphinx:\n  config:\n    miskraam_data_dir: gegevens\n",
                                      encoding="utf-8")
    monkeypatch.chdir(book / "notebooks")
    assert data.folder() == (book / "gegevens").resolve()
    (tmp_path / "ander" / "_config.yml").parent.mkdir()
    (tmp_path / "ander" / "_config.yml").write_text("title: Ander\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path / "ander")
    assert data.folder() == DATA


def test_a_build_reads_the_data_folder_its_configuration_names(make_app, tmp_path,
                                                               data_folder_restored):
    """A copy of the data folder with one changed record, named (relative to the book) by
    `miskraam_data_dir`: the appendix shows the copy's record, not the repository's."""
    source = tmp_path / "bron"
    shutil.copytree(ROOTS / "test-factbron", source)
    shutil.copytree(DATA, source / "gegevens")
    registry = source / "gegevens" / data.FACTS
    text = registry.read_text(encoding="utf-8")
    start = text.index("- id: hooker-verklevingen\n")
    label = re.compile(r"label: .*").search(text, start)
    registry.write_text(text[:label.start()] + "label: Verklevingen volgens de kopie"
                        + text[label.end():], encoding="utf-8")

    app = make_app("html", srcdir=source, confoverrides={data.SETTING: "gegevens"})
    app.build()
    appendix = (Path(app.outdir) / "kerngetallen.html").read_text(encoding="utf-8")
    assert "Verklevingen volgens de kopie" in appendix
    assert data.folder() == (source / "gegevens").resolve()


def test_a_data_folder_that_does_not_exist_is_a_dutch_error(make_app, tmp_path,
                                                            data_folder_restored):
    source = tmp_path / "bron"
    shutil.copytree(ROOTS / "test-factbron", source)
    with pytest.raises(Exception, match="De gegevensmap .*bestaat niet"):
        make_app("html", srcdir=source, confoverrides={data.SETTING: "geen-map"})


def test_the_page_names_come_from_the_configuration(make_app, tmp_path, data_folder_restored):
    """The notice links to `miskraam_alarm_page`, search ranks `miskraam_public_pages` first."""
    source = tmp_path / "bron"
    shutil.copytree(ROOTS / "test-factbron", source)
    app = make_app("html", srcdir=source, confoverrides={
        "html_theme": "miskraam",  # the notice stands in the theme's announcement banner
        "miskraam_alarm_page": "kerngetallen", "miskraam_public_pages": "kerngetallen"})
    app.build()
    page = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    notice = page[page.index('class="miskraam-notice"'):][:2000]
    assert 'href="kerngetallen.html">Wanneer bel je?' in notice
    scorer = (Path(app.outdir) / "_static" / "language_data.js").read_text(encoding="utf-8")
    assert 'publicPages: "kerngetallen"' in scorer


def test_the_study_load_leaves_out_the_configured_reference_pages(make_app, tmp_path,
                                                                  data_folder_restored):
    source = tmp_path / "bron"
    shutil.copytree(ROOTS / "test-quiz", source)
    pages = [path.stem for path in source.glob("*.md")]
    app = make_app("html", srcdir=source, confoverrides={"miskraam_reference_pages": pages})
    app.build()
    overview = (Path(app.outdir) / "overzicht.html").read_text(encoding="utf-8")
    assert re.search(r"0 woorden lezen.*?\b0 open oefenvragen.*?\b0 gesloten vragen", overview,
                     re.S), "de studielast telt de naslagpagina's uit de configuratie mee"


def test_the_data_files_are_parsed_by_libyaml():
    """libyaml's parser (PyYAML's C extension, in its wheels) reads the data files; the
    pure-Python one took 0,6 s of every build and test book. Same documents either way."""
    import yaml

    from miskraam import data

    assert data._LOADER is yaml.CSafeLoader
    path = data.path(data.FACTS)
    assert data.read_yaml(path) == yaml.safe_load(path.read_text(encoding="utf-8"))

"""Where the course's data lives: one folder of the book with every file an author edits.

The folder is named once, in `_config.yml` (`sphinx: config: miskraam_data_dir`, relative to
the book). During a build the content extension hands Sphinx's value to `use()`
(`content/datafolder.py`). Code that runs without Sphinx (a notebook's kernel, a widget in
JupyterLab, `python -m miskraam.usage`, the tests) reads the same setting from the book's
`_config.yml`: the nearest one from the working folder up (a kernel runs in the notebook's
folder), else the repository's beside this package. A book that names no folder (the tests'
small books, the sphinx.testing roots) uses the repository's; the repository's default is
`book/data`.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

REPOSITORY = Path(__file__).resolve().parent.parent
SETTING = "miskraam_data_dir"
DEFAULT = "book/data"

#: the files of the data folder (docs/architecture.md, "Where the data lives")
FACTS = "facts.yml"
ALARM_SIGNS = "alarmsignalen.yml"
STATEMENTS = "uitspraken.yml"
GLOSSARY = "begrippen.yml"
DECISION_AID = "keuzehulp.yml"
SEARCH_WORDS = "zoektermen.yml"
REVIEWS = "herziening.yml"
BIBLIOGRAPHY = "references.bib"

_in_use: Path | None = None

#: libyaml's parser when PyYAML was built with it (the wheels are): the same documents and
#: errors as the pure-Python SafeLoader, about ten times faster (0,6 s of every build read
#: the data files)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path | str, error: type[Exception] | None = None):
    """A YAML file of the course, parsed as `yaml.safe_load` parses it. With `error`, a file
    that is no valid YAML raises that error with one Dutch message naming the file."""
    try:
        return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_LOADER)
    except yaml.YAMLError as problem:
        if error is None:
            raise
        raise error(f"{shown(Path(path))}: geen geldige YAML ({problem})") from problem


def use(folder: Path | str | None) -> Path | None:
    """Make `folder` the data folder of this process (a build's); None returns to the one
    `_config.yml` names. Returns the folder used before, so a caller can put it back."""
    global _in_use
    previous, _in_use = _in_use, (Path(folder).resolve() if folder else None)
    return previous


def folder() -> Path:
    """The data folder in use."""
    return _in_use or configured(_book(Path.cwd()))


def path(name: str) -> Path:
    """A file of the data folder in use, e.g. ``path(FACTS)``."""
    return folder() / name


def where(name: str) -> str:
    """A file of the data folder in use as messages name it: "book/data/facts.yml"."""
    return shown(path(name))


def shown(file: Path) -> str:
    """A data file as an author finds it: relative to the repository ("book/data/facts.yml")
    where it lies inside it, else the full path."""
    try:
        return file.resolve().relative_to(REPOSITORY).as_posix()
    except ValueError:
        return str(file)


def repository_folder() -> Path:
    """The course's own data folder: what the repository's `_config.yml` names."""
    return configured(REPOSITORY)


@cache  # one read of `_config.yml` per book and process
def configured(book: Path) -> Path:
    """The data folder `book/_config.yml` names, relative to the book; the repository's when
    it names none."""
    named = setting(book / "_config.yml")
    if named:
        return (book / named).resolve()
    return (REPOSITORY / DEFAULT).resolve() if book == REPOSITORY else repository_folder()


def setting(config_file: Path) -> str | None:
    """`sphinx: config: miskraam_data_dir` of a Jupyter Book `_config.yml`, if it is there."""
    try:
        config = read_yaml(config_file) or {}
    except (OSError, yaml.YAMLError):
        return None
    sphinx = config.get("sphinx") if isinstance(config, dict) else None
    values = sphinx.get("config") if isinstance(sphinx, dict) else None
    named = values.get(SETTING) if isinstance(values, dict) else None
    return str(named) if named else None


@cache
def _book(working: Path) -> Path:
    """The folder of the nearest `_config.yml` from `working` up, else the repository."""
    for candidate in (working, *working.parents):
        if (candidate / "_config.yml").is_file():
            return candidate.resolve()
    return REPOSITORY

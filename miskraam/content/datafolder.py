"""The data folder a build reads: ``miskraam_data_dir`` in ``_config.yml``.

Registered here and handed to ``miskraam.data`` when the configuration is read, before any
other handler of the course (the freshness check fingerprints the folder, every loader reads
from it). A relative folder is relative to the book; unset (the sphinx.testing roots and the
tests' small books), the course's own data folder of the repository is used.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.errors import ConfigError

from .. import data


def use_data_folder(app, config):
    named = config.miskraam_data_dir
    folder = (Path(app.srcdir) / named).resolve() if named else data.repository_folder()
    if not folder.is_dir():
        raise ConfigError(f"De gegevensmap '{folder}' ({data.SETTING} in _config.yml) "
                          "bestaat niet.")
    data.use(folder)


def setup(app):
    app.add_config_value(data.SETTING, "", "env", [str])
    app.connect("config-inited", use_data_folder, priority=100)

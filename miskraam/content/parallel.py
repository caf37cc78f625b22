"""Let Sphinx read the course's pages in parallel (``-j``).

Sphinx reads in parallel only when every loaded extension declares that it may; one that
declares nothing makes it read serially with a warning, an error under ``-W``.
sphinx-external-toc 1.1 loads sphinx-multitoc-numbering, whose 0.1.3 declares nothing
(executablebooks/sphinx-multitoc-numbering#27, sphinx-external-toc#115, both open). We read
that version: its ``setup`` replaces ``TocTreeCollector.assign_section_numbers``, which the
main process runs after every page has been read and merged, and logs a line; it keeps
nothing while pages are read. So, for the version we read only, we declare it in its
name; another version reads serially again, and ``tests/test_parallel.py`` says so.
"""

from __future__ import annotations

#: extension -> the versions we read and found parallel-read safe
READ_AND_SAFE = {"sphinx_multitoc_numbering": ("0.1.3",)}


def declare_read_extensions(app):
    for name, versions in READ_AND_SAFE.items():
        extension = app.extensions.get(name)
        if (extension is not None and extension.parallel_read_safe is None
                and getattr(extension.module, "__version__", None) in versions):
            extension.parallel_read_safe = True


def setup(app):
    app.connect("builder-inited", declare_read_extensions)

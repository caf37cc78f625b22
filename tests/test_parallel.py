"""Parallel builds (`-j 2`) give the book a serial build gives (issue 17).

With `-j N` Sphinx reads pages in worker processes, each with its own copy of the environment,
and merges what they found; a check that runs while pages are read sees only its own worker's
pages. The extension declares itself parallel-read safe, so: a small book (tests/roots/
test-parallel, more than five pages, so Sphinx does read in parallel) built in-process with
`parallel=2` must write the same pages as a serial build, find the same duplicate question id,
and keep its summaries (question overview, study load, the nascholing result) true after an
incremental build. The whole course is built with two processes once too."""

from __future__ import annotations

import copy
import os
import pickle
import re
import shutil
import textwrap
from pathlib import Path

import pytest

from .conftest import ROOTS

PAGES = ("hoofdstuk-1", "hoofdstuk-2", "hoofdstuk-3", "index", "nascholing", "verantwoording",
         "voortgang")
SUMMARY_PAGES = {"nascholing", "verantwoording", "voortgang"}
QUESTION = textwrap.dedent("""
    ```{{vraag}}
    :id: {name}
    :soort: enkel
    :onderwerp: oorzaken

    Een vraag?

    - [x] Ja.
      Goed.
    - [ ] Nee.
      Niet goed.
    ```
    """)


def build(make_app, source: Path, parallel: int):
    """Build `source` (serially with 0, else with that many processes) and return the app and
    the pages read, as {page: id of the process that read it}."""
    readers = source.parent / f"{source.name}-lezers.txt"
    readers.unlink(missing_ok=True)

    def note_reader(app, doctree):  # runs in whichever process read the page
        with open(readers, "a", encoding="utf-8") as out:
            out.write(f"{app.env.docname} {os.getpid()}\n")

    app = make_app("html", srcdir=source, parallel=parallel)
    app.connect("doctree-read", note_reader)
    try:
        app.build()
    finally:
        app.cleanup()  # docutils' registries as they were: a test may build twice
    lines = readers.read_text(encoding="utf-8").splitlines() if readers.exists() else []
    return app, {page: int(pid) for page, pid in (line.split() for line in lines)}


def copy_root(tmp_path: Path, name: str) -> Path:
    source = tmp_path / name
    shutil.copytree(ROOTS / "test-parallel", source)
    return source


def summaries(outdir: Path) -> dict:
    """What the three summary pages say about the rest of the book."""
    def page(name):
        return (outdir / f"{name}.html").read_text(encoding="utf-8")

    load = re.search(r"Studielast: ([\d,]+) uur\.</strong>[^<]*?(\d+) woorden[^<]*?(\d+) "
                     r"gesloten vragen", page("verantwoording"))
    certificate = re.search(r'class="miskraam-toetsuitslag"[^>]*data-studielast="([^"]*)"',
                            page("nascholing"))
    assert load and certificate, "studielast niet gevonden"
    return {
        "overview": re.findall(r'href="([\w-]+)\.html">[^<]*</a> \((\d+) vragen\)',
                               page("voortgang")),
        "hours": load.group(1), "words": int(load.group(2)), "questions": int(load.group(3)),
        "certificate": certificate.group(1),
    }


def test_a_parallel_build_is_read_by_workers_and_writes_the_serial_book(make_app, tmp_path):
    serial, serial_readers = build(make_app, copy_root(tmp_path, "serieel"), 0)
    parallel, parallel_readers = build(make_app, copy_root(tmp_path, "parallel"), 2)
    assert not serial._warning.getvalue().strip(), serial._warning.getvalue()
    assert not parallel._warning.getvalue().strip(), parallel._warning.getvalue()
    # the parallel build did read in worker processes (else this test would prove nothing)
    assert sorted(parallel_readers) == sorted(serial_readers) == sorted(PAGES)
    assert set(serial_readers.values()) == {os.getpid()}
    assert os.getpid() not in parallel_readers.values()
    assert len(set(parallel_readers.values())) >= 2

    found = summaries(Path(parallel.outdir))
    assert found == summaries(Path(serial.outdir))
    assert found["overview"] == [("hoofdstuk-1", "2"), ("hoofdstuk-2", "1"), ("hoofdstuk-3", "1"),
                                 ("nascholing", "2")]
    assert found["questions"] == 6 and found["certificate"] == found["hours"]
    for name in PAGES:  # every page as a whole, not only the summaries
        assert ((Path(parallel.outdir) / f"{name}.html").read_text(encoding="utf-8")
                == (Path(serial.outdir) / f"{name}.html").read_text(encoding="utf-8")), name


@pytest.mark.parametrize("parallel", [0, 2])
def test_a_question_id_on_two_pages_is_one_error_however_the_pages_are_read(make_app, tmp_path,
                                                                            parallel):
    """Two pages read by different workers hold the same question id: one error naming both,
    as in a serial build (the check runs once all pages are read and merged)."""
    source = copy_root(tmp_path, "boek")
    for page in ("hoofdstuk-1", "nascholing"):
        path = source / f"{page}.md"
        path.write_text(path.read_text(encoding="utf-8") + QUESTION.format(name="dubbel"),
                        encoding="utf-8")
    app, readers = build(make_app, source, parallel)
    if parallel:
        assert readers["hoofdstuk-1"] != readers["nascholing"]
    errors = [line for line in app._warning.getvalue().splitlines() if "dubbel" in line]
    assert len(errors) == 1, app._warning.getvalue()
    assert "hoofdstuk-1" in errors[0] and "nascholing" in errors[0], errors


@pytest.mark.parametrize("parallel", [0, 2])
def test_the_summaries_follow_other_pages_after_an_incremental_build(make_app, tmp_path,
                                                                     parallel):
    """Mijn voortgang counts a question added on another page, the Verantwoording counts a
    chapter's new words, and the nascholing certificate shows the new study load, after a
    rebuild that re-reads only the changed pages (and, in the second case, reads them in
    parallel: three changed pages and the three summary pages)."""
    source = copy_root(tmp_path, "boek")
    first, _readers = build(make_app, source, parallel)
    before = summaries(Path(first.outdir))

    words = 3000  # 20 minutes of reading: with the questions, past the first half hour
    chapter = source / "hoofdstuk-2.md"
    chapter.write_text(chapter.read_text(encoding="utf-8") + "\n" + " ".join(["woord"] * words)
                       + "\n", encoding="utf-8")
    questions = source / "hoofdstuk-3.md"
    questions.write_text(questions.read_text(encoding="utf-8") + QUESTION.format(name="nieuw"),
                         encoding="utf-8")
    touched = source / "hoofdstuk-1.md"
    touched.write_text(touched.read_text(encoding="utf-8") + "\nEen zin erbij.\n",
                       encoding="utf-8")
    second, readers = build(make_app, source, parallel)
    after = summaries(Path(second.outdir))

    # only the changed pages and the pages that summarise them were read again
    assert set(readers) == {"hoofdstuk-1", "hoofdstuk-2", "hoofdstuk-3"} | SUMMARY_PAGES
    if parallel:
        assert os.getpid() not in readers.values()
    assert dict(after["overview"])["hoofdstuk-3"] == "2"
    assert after["questions"] == before["questions"] + 1
    assert after["words"] == before["words"] + words + 3
    assert after["hours"] != before["hours"]
    assert after["certificate"] == after["hours"]


def test_what_the_extension_keeps_per_page_survives_parallel_reading(make_app, tmp_path):
    """Parallel reading, step by step as Sphinx does it: the main process forgets the pages it
    will read (env-purge-doc), workers read them with a copy of the environment, and the main
    process takes over what each found (env-merge-info). Everything the extension keeps in the
    environment must go with its pages and come back whole from the merge: state that does
    not (a total cached for the whole book) is stale or lost in a parallel build."""
    app, _readers = build(make_app, copy_root(tmp_path, "boek"), 0)
    env = app.env
    kept = sorted(name for name in vars(env) if name.startswith("miskraam"))
    assert kept, "de extensie bewaart niets in de omgeving?"
    before = {name: copy.deepcopy(getattr(env, name)) for name in kept}
    worker = pickle.loads(pickle.dumps(env, pickle.HIGHEST_PROTOCOL))
    docs = set(env.all_docs)
    for doc in sorted(docs):
        app.events.emit("env-purge-doc", env, doc)
        env.clear_doc(doc)
    left = {name: getattr(env, name) for name in kept if getattr(env, name)}
    assert not left, f"blijft staan zonder de pagina's: {left}"
    env.merge_info_from(docs, worker, app)
    assert {name: getattr(env, name) for name in kept} == before


@pytest.mark.build
def test_the_course_is_read_by_two_processes(built_book):
    """The suite's own build of the course (conftest.built_book) runs with -j 2 under -W: it
    passes only when every extension lets pages be read in parallel (Sphinx's "doing serial
    read" is a warning). Every test of the built book then checks pages read that way; the
    small book above compares a parallel with a serial build page by page."""
    assert built_book.returncode == 0, built_book.stdout[-3000:] + built_book.stderr[-3000:]

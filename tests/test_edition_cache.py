"""The print edition is printed once per book (miskraam/edition.py): the same page with the same
stylesheets and images gives the PDF kept from before; any change to what the PDF is made from
prints again, and only the last PDF is kept."""

from __future__ import annotations

import pytest

from miskraam import edition


@pytest.fixture
def book(tmp_path, monkeypatch):
    monkeypatch.setenv("MISKRAAM_CACHE", str(tmp_path / "cache"))
    root = tmp_path / "singlehtml"
    (root / "_static").mkdir(parents=True)
    (root / "_images").mkdir()
    (root / "_static" / "print.css").write_text("body { font: 11pt serif }", encoding="utf-8")
    (root / "_images" / "figuur.svg").write_text("<svg/>", encoding="utf-8")
    page = root / "print.html"
    page.write_text("<p>Een boek</p>", encoding="utf-8")
    printed = []

    def print_pdf(html, pdf, chromium):
        printed.append(html.read_text(encoding="utf-8"))
        pdf.write_bytes(f"%PDF {len(printed)}".encode())
        return pdf.stat().st_size

    monkeypatch.setattr(edition, "print_pdf", print_pdf)
    chromium = tmp_path / "chromium"
    chromium.write_text("#!/bin/sh\n", encoding="utf-8")
    return {"page": page, "root": root, "printed": printed, "chromium": str(chromium),
            "pdf": tmp_path / "uit" / "miskraam.pdf", "cache": tmp_path / "cache" / "pdf"}


def make(book) -> bool:
    book["pdf"].parent.mkdir(exist_ok=True)
    return edition.print_once(book["page"], book["pdf"], book["chromium"])[1]


def test_the_same_book_prints_once(book):
    assert make(book) is False and len(book["printed"]) == 1
    book["pdf"].unlink()
    assert make(book) is True and len(book["printed"]) == 1
    assert book["pdf"].read_bytes() == b"%PDF 1"


@pytest.mark.parametrize("change", ["page", "stylesheet", "image", "new file"])
def test_a_change_to_what_the_pdf_is_made_from_prints_again(book, change):
    make(book)
    target = {"page": book["page"], "stylesheet": book["root"] / "_static" / "print.css",
              "image": book["root"] / "_images" / "figuur.svg",
              "new file": book["root"] / "_static" / "extra.js"}[change]
    target.write_text(target.read_text(encoding="utf-8") + " " if target.exists() else "x",
                      encoding="utf-8")
    assert make(book) is False and len(book["printed"]) == 2
    assert book["pdf"].read_bytes() == b"%PDF 2"
    assert len(list(book["cache"].glob("*.pdf"))) == 1  # only the last one kept

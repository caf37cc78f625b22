"""Every page of the built book is valid HTML by the Nu Html Checker (vnu, the W3C's checker,
from the npm package vnu-jar at the version in package-lock.json; `make node-tools`), run on
the whole build at once: 0 errors (issue 19). The fixes are at their root
(miskraam/theme/validity.py): sphinx-exercise's repeated ids, myst-nb's paragraphs in a
<summary>, the themes' macro files copied into _static as pages."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from .conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
#: the checker's HTML schema recurses deeply (it says to give it at least 512k of stack); one
#: short run: the JIT's quick tier and one garbage collector (as for epubcheck)
JAVA = ["java", "-Xss4m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]


def check(*targets) -> list[dict]:
    """vnu's errors for the HTML files under `targets` (files or folders)."""
    if not (VNU.is_file() and shutil.which("java")):
        pytest.fail(f"de HTML-controle ontbreekt ({VNU}): `make node-tools` (npm ci) en Java "
                    "(`sudo apt-get install default-jre-headless`)")
    done = subprocess.run([*JAVA, "-jar", str(VNU), "--format", "json", "--errors-only",
                           "--skip-non-html", *map(str, targets)],
                          capture_output=True, text=True, timeout=300)
    return json.loads(done.stderr)["messages"]


@pytest.mark.build
def test_every_page_is_valid_html(html):
    errors = check(html)
    assert not errors, "\n".join(
        f"{m['url'].split('/_build/html/')[-1]}:{m.get('lastLine')}: {m['message']}"
        for m in errors[:40])


@pytest.mark.build
def test_the_themes_macro_files_are_not_published(html):
    assert not list((html / "_static").glob("*webpack-macros.html"))


def test_the_checker_finds_a_repeated_id(tmp_path):
    """The check can fail: the error the book had, 82 times on one page."""
    page = tmp_path / "pagina.html"
    page.write_text('<!doctype html><html lang="nl"><title>t</title><section id="a"></section>'
                    '<section id="a"></section><details><summary><p>x</p></summary></details>',
                    encoding="utf-8")
    messages = [m["message"] for m in check(page)]
    assert any("Duplicate ID" in m for m in messages), messages
    assert any("“p” not allowed as child of element “summary”" in m for m in messages), messages

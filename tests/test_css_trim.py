"""The theme's CSS trimming (`miskraam/theme/csstrim.py`) and icon-font subsetting
(`iconfonts.py`) on small stylesheets: which rules and selectors stay."""

from __future__ import annotations

import shutil
from pathlib import Path

import pydata_sphinx_theme
import tinycss2
from fontTools.ttLib import TTFont

from miskraam.theme.csstrim import trim_css
from miskraam.theme.iconfonts import subset_icon_fonts

WORDS = {"used", "also", "p", "sm", "flex"}


def kept(css: str) -> list[tuple[tuple[str, ...], str]]:
    """(the at-rule preludes around it, the selector list) of every style rule in `css`."""
    def walk(rules, around):
        for rule in rules:
            if rule.type == "qualified-rule":
                yield around, tinycss2.serialize(rule.prelude).strip()
            elif rule.type == "at-rule" and rule.content is not None:
                head = f"@{rule.lower_at_keyword} {tinycss2.serialize(rule.prelude).strip()}"
                yield from walk(tinycss2.parse_blocks_contents(
                    rule.content, skip_comments=True, skip_whitespace=True), around + (head,))
    return list(walk(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True),
                     ()))


def test_a_rule_stays_when_its_classes_are_used():
    css = ".used{color:red}.unused{color:blue}.used.unused{color:green}div{margin:0}"
    assert kept(trim_css(css, WORDS)) == [((), ".used"), ((), "div")]


def test_only_the_used_selectors_of_a_list_stay():
    css = ".unused > p, .used > p, .other{color:red}"
    result = trim_css(css, WORDS)
    assert kept(result) == [((), ".used > p")]
    assert "color:red" in result


def test_nested_at_rules_are_trimmed_inside_and_dropped_when_empty():
    css = ("@media (min-width: 40em){@supports (display: grid){.used{a:1}.unused{b:2}}"
           ".also{c:3}}"
           "@media print{.unused{d:4}@supports (display: grid){.unused{e:5}}}")
    assert kept(trim_css(css, WORDS)) == [
        (("@media (min-width: 40em)", "@supports (display: grid)"), ".used"),
        (("@media (min-width: 40em)",), ".also"),
    ]


def test_classes_inside_not_is_where_do_not_have_to_be_used():
    """The comma inside :not(.x, .y) does not split the selector list, and the classes in
    it are not required: the selector matches precisely where they are absent."""
    css = (".used:not(.x, .y){a:1}"
           ":is(.x, .y) .also{b:2}"
           ":where(.x, .used) .unused{c:3}"
           ".used[data-kind='a,b'] .unused{d:4}")
    assert kept(trim_css(css, WORDS)) == [
        ((), ".used:not(.x, .y)"), ((), ":is(.x, .y) .also")]


def test_a_comment_with_a_brace_hides_nothing():
    css = "/* } */ .also{c:3} .used{a:1 /* } .unused{ */; b:2} /* .used{ */ .x{d:4}"
    result = trim_css(css, WORDS)
    assert kept(result) == [((), ".also"), ((), ".used")]
    assert "b:2" in result


def test_a_string_with_a_brace_is_part_of_its_rule():
    css = ('.used::before{content:"{"}.unused::after{content:"}"}'
           '.used[title="{"] .unused, .also{d:4}')
    result = trim_css(css, WORDS)
    assert kept(result) == [((), ".used::before"), ((), ".also")]
    assert '"{"' in result and '"}"' not in result


def test_an_escaped_class_is_used_when_each_of_its_words_is():
    """`.sm\\:flex` is the class `sm:flex`; the words of a page are read without the colon."""
    css = r".sm\:flex{display:flex}.sm\:grid{display:grid}"
    assert kept(trim_css(css, WORDS)) == [((), r".sm\:flex")]


def test_other_at_rules_are_kept_whole():
    css = ('@charset "UTF-8";@import url(extra.css);'
           "@keyframes spin{from{transform:rotate(0)}to{transform:rotate(1turn)}}"
           "@font-face{font-family:X;src:url(x.woff)}.unused{a:1}")
    result = trim_css(css, WORDS)
    for part in ('@charset "UTF-8";', "@import url(extra.css);", "@keyframes spin",
                 "to{transform:rotate(1turn)}", "@font-face{font-family:X;src:url(x.woff)}"):
        assert part in result
    assert "unused" not in result


# --- icon fonts ---------------------------------------------------------------------------

WEBFONTS = (Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme"
            / "static" / "vendor" / "fontawesome" / "webfonts")
BARS, GITHUB = 0xF0C9, 0xF09B  # a solid icon, a brand icon


def test_icon_fonts_are_subset_to_the_icons_drawn(tmp_path):
    for name in ("fa-solid-900.ttf", "fa-brands-400.ttf"):
        shutil.copy(WEBFONTS / name, tmp_path / name)
    css = ('@font-face { font-family: "Solid"; src: url("fa-solid-900.ttf") format("truetype") }'
           "@font-face{font-family:Brands;src:url(fa-brands-400.ttf) format(\"truetype\")}"
           '.used::before{content:"\\f0c9"}')
    result = subset_icon_fonts(css, tmp_path)
    subset = tmp_path / "fa-solid-900.miskraam.woff"
    assert set(TTFont(subset).getBestCmap()) == {BARS}
    assert 'src:url(fa-solid-900.miskraam.woff) format("woff")' in result
    assert "Brands" not in result  # no brand icon drawn: the face goes
    assert ".used::before" in result
    assert not (tmp_path / "fa-brands-400.miskraam.woff").exists()
    assert GITHUB not in TTFont(subset).getBestCmap()


def test_a_parsed_stylesheet_is_kept_by_its_text_and_never_stale(tmp_path, monkeypatch):
    """The parse is stored by the hash of the stylesheet: a second process (memory cleared)
    reads it from the folder and trims as the first did; a changed stylesheet is parsed
    anew; a folder that cannot be written only means parsing again."""
    from miskraam.theme import cache

    monkeypatch.setenv("MISKRAAM_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(cache, "_memory", {})
    css = ".used{color:red}.unused{color:blue}@media (min-width:1px){.also{margin:0}}"
    first = trim_css(css, WORDS)
    assert len(list((tmp_path / "cache").glob("css-*.json"))) == 1
    monkeypatch.setattr(cache, "_memory", {})
    monkeypatch.setattr(tinycss2, "parse_stylesheet", lambda *a, **k: 1 / 0)
    assert trim_css(css, WORDS) == first  # read back, not parsed
    monkeypatch.undo()

    monkeypatch.setenv("MISKRAAM_CACHE", str(tmp_path / "cache"))
    changed = css.replace(".unused{color:blue}", ".used.also{color:blue}")
    assert kept(trim_css(changed, WORDS)) == [
        ((), ".used"), ((), ".used.also"), (("@media (min-width:1px)",), ".also")]

    blocked = tmp_path / "bestand"
    blocked.write_text("geen map", encoding="utf-8")
    monkeypatch.setenv("MISKRAAM_CACHE", str(blocked / "cache"))
    monkeypatch.setattr(cache, "_memory", {})
    assert trim_css(css, WORDS) == first

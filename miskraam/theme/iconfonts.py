"""The theme's icon fonts subset to the icons a trimmed stylesheet still draws.

Font Awesome's webfonts are 156 kB (solid) and 118 kB (brands) for the few icons the theme's
CSS draws; fontTools (which matplotlib already installs) writes a WOFF of a few kB with only
those. The @font-face rules are read and rewritten with tinycss2, like the trimming.
"""

from __future__ import annotations

import logging as python_logging
import re
from pathlib import Path

import tinycss2

from .cache import cached

_ESCAPE = re.compile(r"\\([0-9a-fA-F]{4,6})")
SUBSET_SUFFIX = ".miskraam.woff"


def icon_codepoints(css: str) -> set[int]:
    """Private-use code points (icons) the CSS still draws, escaped or literal."""
    points = {int(code, 16) for code in _ESCAPE.findall(css)}
    points |= {ord(c) for c in css}
    return {p for p in points if 0xE000 <= p <= 0xF8FF}


def subset_icon_fonts(css: str, folder: Path) -> str:
    """Point each icon @font-face at a subset (WOFF) with only the icons in use; drop the
    faces none of whose icons are used. `folder` is where the stylesheet lies (its urls
    are relative to it)."""
    # fontTools reports every table it prunes at INFO; a build says only what the author needs
    python_logging.getLogger("fontTools").setLevel(python_logging.WARNING)
    wanted = icon_codepoints(css)
    out = []
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if rule.type == "error":
            continue
        if rule.type == "at-rule" and rule.lower_at_keyword == "font-face" and rule.content:
            face = _subset_face(rule, folder, wanted)
            if face:
                out.append(face)
        else:
            out.append(rule.serialize())
    return "\n".join(out)


def _subset_face(rule, folder: Path, wanted: set[int]) -> str | None:
    """The @font-face rule pointing at its subset; None when the font draws none of
    `wanted`; unchanged when it names no TrueType file we have."""
    declarations = tinycss2.parse_blocks_contents(
        rule.content, skip_comments=True, skip_whitespace=True)
    src = next((d for d in declarations
                if d.type == "declaration" and d.lower_name == "src"), None)
    url = next((u for u in _urls(src.value if src else []) if u.endswith(".ttf")), None)
    ttf = (folder / url).resolve() if url else None
    if ttf is None or not ttf.is_file():
        return rule.serialize()
    target = ttf.with_name(ttf.stem + SUBSET_SUFFIX)
    if not _write_subset(ttf, target, wanted):
        return None
    relative = Path(url).with_name(target.name).as_posix()
    src.value = tinycss2.parse_component_value_list(f'url({relative}) format("woff")')
    body = ";".join(d.serialize() for d in declarations if d.type != "error")
    return f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude).rstrip()}{{{body}}}"


def _urls(tokens) -> list[str]:
    """The addresses in a declaration's value: `url(a.ttf)` and `url("a.ttf")`."""
    found = []
    for token in tokens:
        if token.type == "url":
            found.append(token.value)
        elif token.type == "function" and token.lower_name == "url":
            found += [arg.value for arg in token.arguments if arg.type == "string"]
    return found


def _write_subset(ttf: Path, target: Path, wanted: set[int]) -> bool:
    """Write the WOFF subset of `ttf` with the code points of `wanted` it has; False (and
    nothing written) when it has none. Subsetting takes fontTools a few tenths of a second
    per font and build, so a subset is kept by the hash of the font and the icons
    (`cache.py`)."""
    font_bytes = ttf.read_bytes()
    icons = ",".join(str(point) for point in sorted(wanted)).encode()
    woff = cached("woff", font_bytes + b"\0" + icons, lambda: _subset(font_bytes, wanted))
    if not woff:
        return False
    target.write_bytes(woff)
    return True


def _subset(font_bytes: bytes, wanted: set[int]) -> bytes:
    """The WOFF subset with the code points of `wanted` the font has; empty when none."""
    import io

    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(font_bytes))
    present = wanted & set(font.getBestCmap())
    if not present:
        return b""
    options = subset.Options()
    options.flavor = "woff"
    options.layout_features = []
    options.name_IDs = []
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=present)
    subsetter.subset(font)
    font.flavor = "woff"
    written = io.BytesIO()
    font.save(written)
    return written.getvalue()

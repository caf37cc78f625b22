"""Python is the one source of every widget's limits, options and labels; the widgets work
live as in the book (issue 9, items 3 and 5).

Each widget is rendered here on its own, as JupyterLab shows it: its ES module from its
Python state, with only the widget's own CSS (no book theme) and a model that fires
``change:<trait>`` when a value is set from Python, as a live kernel does.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from miskraam import widgets
from miskraam.jsbundle import _strip
from miskraam.widgets.base import HERE

from .conftest import ROOT

#: the model stand-in of a live front end: `set` fires change:<name>, as a kernel's update does
HARNESS = """
async ({ esm, state }) => {
  const listeners = {};
  const values = { ...state };
  const model = {
    get: (name) => values[name],
    set: (name, value) => {
      const old = values[name];
      values[name] = value;
      if (JSON.stringify(old) !== JSON.stringify(value)) {
        for (const callback of listeners[`change:${name}`] || []) callback();
      }
    },
    on: (name, callback) => { (listeners[name] = listeners[name] || []).push(callback); },
    off: (name, callback) => {
      listeners[name] = (listeners[name] || []).filter((c) => c !== callback);
    },
    save_changes: () => {}, send: () => {},
  };
  const url = URL.createObjectURL(new Blob([esm], { type: "text/javascript" }));
  const module = await import(url);
  const el = document.createElement("div");
  el.id = "widget";
  document.body.append(el);
  await module.default.render({ model, el });
  window.model = model;
}
"""


def make_oefening():
    return widgets.Oefening(question="Hoeveel vrouwen?", answer=20, whole=True, unit="vrouwen",
                            explanation="Zo reken je het uit.")


FACTORIES = {cls.__name__: cls for cls in widgets.ALL} | {"Oefening": make_oefening}


@pytest.fixture
def live(reused_tab, tmp_path):
    """Render a widget as a live front end does; returns the page."""

    def render(widget):
        state = widget.get_state()
        page_file = tmp_path / "live.html"
        page_file.write_text(f'<!doctype html><html lang="nl"><head><meta charset="utf-8">'
                             f'<title>live</title><style>{state["_css"]}</style></head>'
                             f"<body></body></html>", encoding="utf-8")
        page = reused_tab()
        page.goto(page_file.as_uri())
        data = {key: value for key, value in state.items() if not key.startswith("_")}
        page.evaluate(HARNESS, {"esm": state["_esm"], "state": data})
        return page

    return render


# --- one source -------------------------------------------------------------------------------

def _leaves(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from _leaves(item)
    elif isinstance(value, list):
        for item in value:
            yield from _leaves(item)
    else:
        yield value


def _code(path: Path) -> str:
    """An ES module's code without its comments."""
    return re.sub(r"^\s*//.*$|\s//\s.*$", "", path.read_text(encoding="utf-8"), flags=re.M)


@pytest.mark.parametrize("name", sorted(FACTORIES))
def test_es_modules_hold_no_copy_of_the_python_limits_and_labels(name):
    widget = FACTORIES[name]()
    # the widget's own module files (the bundle drops their import lines and export keywords)
    module = "\n".join(_code(path) for path in HERE.glob("*.js")
                       if path.stem != "shared"
                       and _strip(path.read_text(encoding="utf-8"), True, path.name)
                       in widget._esm)
    assert module
    shared = _code(HERE / "shared.js")
    for leaf in _leaves(widget.limits):
        if isinstance(leaf, str):
            quoted = [f'"{leaf}"', f"'{leaf}'", f"`{leaf}`"]
            for code in (module, shared):
                assert not any(q in code for q in quoted), f"{name}: '{leaf}' staat ook in de JS"
                if " " in leaf:
                    assert leaf not in code, f"{name}: '{leaf}' staat ook in de JS"
        elif isinstance(leaf, (int, float)) and not isinstance(leaf, bool) and abs(leaf) >= 10 \
                and leaf != 100:
            # 100 is "of 100 women", the natural frequency, not a limit
            for text in {str(leaf), str(leaf).replace(".", ","), f"{leaf:g}"}:
                assert not re.search(rf"(?<![\w.,]){re.escape(text)}(?![\w.,])", module), \
                    f"{name}: het getal {text} uit Python staat ook in de JS"


def test_every_widget_sends_its_limits_read_only():
    for name, factory in FACTORIES.items():
        widget = factory()
        before = widget.limits
        with pytest.raises(Exception, match="kunnen niet worden aangepast"):
            widget.limits = {**before, "extra": 1}
        assert widget.limits == before, name


@pytest.mark.browser
def test_a_limit_changed_in_python_is_what_the_widget_honours(live):
    class TwoWeeks(widgets.Afwachten):
        MAX_DAYS = 14

    widget = TwoWeeks(day=14)
    with pytest.raises(Exception, match="tot en met 14 dagen"):
        widget.day = 15
    page = live(widget)
    slider = page.locator("input[type=range]")
    assert slider.get_attribute("max") == "14"
    ticks = page.locator(".miskraam-chart text").all_text_contents()
    assert str(widgets.Afwachten.MAX_DAYS) not in ticks and "14" in ticks

    class FiveHundred(widgets.Bloedverlies):
        TOTALS = {100: 10, 500: 25}

    page = live(FiveHundred())
    page.get_by_label("500 zwangerschappen").check()
    assert page.evaluate("window.model.get('total')") == 500
    assert "Van de 500 zwangeren" in page.locator(".miskraam-live-text").inner_text()


# --- live in JupyterLab -----------------------------------------------------------------------

#: Lumino's own test (@lumino/commands): a key event is left alone when an element between
#: its target and the application has this attribute
SUPPRESSED = """() => [...document.querySelectorAll(
  '#widget :is(input, select, button, textarea, summary, [tabindex])')].filter((control) => {
    for (let node = control; node; node = node.parentElement) {
      if (node.hasAttribute('data-lm-suppress-shortcuts')) return false;
    }
    return true;
  }).map((control) => control.outerHTML.slice(0, 80))"""


@pytest.mark.browser
@pytest.mark.parametrize("name", sorted(FACTORIES))
def test_jupyterlab_shortcuts_are_suppressed_for_every_control(live, name):
    page = live(FACTORIES[name]())
    assert page.locator("#widget input, #widget select").count() > 0
    assert page.evaluate(SUPPRESSED) == []


#: a value set from Python and how the widget's control shows it
FROM_PYTHON = [
    ("Afwachten", {"day": 21}, "input[type=range]", "el => el.value", "21"),
    ("Bloedverlies", {"total": 1000}, "input[value='1000']", "el => el.checked", True),
    ("Medicijnen", {"view": "onderzoek", "regimen": "misoprostol"},
     "input[value='misoprostol']", "el => el.checked", True),
    ("Hartactiviteit", {"view": "onderzoek", "situation": "6-weken"}, "select",
     "el => el.value", "6-weken"),
    ("Curettage", {"view": "onderzoek"}, ".miskraam-evidence-switch input",
     "el => el.checked", True),
    ("Keuzehulp", {"options": ["afwachten"]}, "fieldset input[type=checkbox]",
     "el => el.checked", True),
    ("Oefening", {"attempt": "20"}, "input[type=text]", "el => el.value", "20"),
    ("WanneerBellen", {"pads_per_hour": 3}, "input[type=text]", "el => el.value", "3"),
]


@pytest.mark.browser
@pytest.mark.parametrize(("name", "values", "selector", "read", "shown"), FROM_PYTHON,
                         ids=[case[0] for case in FROM_PYTHON])
def test_values_set_from_python_are_shown(live, name, values, selector, read, shown):
    widget = FACTORIES[name]()
    page = live(widget)
    for trait, value in values.items():
        setattr(widget, trait, value)  # the value is one Python accepts
        page.evaluate("([name, value]) => window.model.set(name, value)",
                      [trait, getattr(widget, trait)])
    assert page.locator(f"#widget {selector}").first.evaluate(read) == shown


@pytest.mark.browser
def test_a_change_from_python_leaves_what_the_reader_is_typing(live):
    page = live(make_oefening())
    page.locator("#widget input[type=text]").fill("twintig")
    page.evaluate("() => window.model.set('tolerance', 1)")
    assert page.locator("#widget input[type=text]").input_value() == "twintig"


@pytest.mark.browser
@pytest.mark.parametrize(("name", "selector"), [("Medicijnen", "fieldset.miskraam-choice"),
                                                 ("Hartactiviteit", "select")])
def test_hidden_controls_stay_hidden_without_the_book_theme(live, name, selector):
    """The research view's controls are hidden in the leaflet view; JupyterLab has no
    `[hidden] { display: none !important }` of its own, so widget CSS must not show them."""
    page = live(FACTORIES[name]())
    control = page.locator(f"#widget {selector}").first
    assert control.evaluate("el => el.closest('[hidden]') !== null")
    assert not control.is_visible()


@pytest.mark.browser
def test_the_icon_array_of_1000_is_a_few_shapes_with_every_square(live):
    """1000 squares used to be 1000 SVG elements, rebuilt on every change (over a frame)."""
    page = live(widgets.Bloedverlies(total=1000))
    shapes = page.locator("#widget svg.miskraam-icons :is(rect, path, use, circle)")
    assert shapes.count() < 10
    counts = page.locator("#widget svg.miskraam-icons path").evaluate_all(
        "paths => paths.map((p) => Number(p.dataset.count))")
    assert sum(counts) == 1000
    squares = page.locator("#widget svg.miskraam-icons path").evaluate_all(
        "paths => paths.map((p) => (p.getAttribute('d').match(/M/g) || []).length)")
    assert squares == counts


# --- one Dutch number formatter ---------------------------------------------------------------

@pytest.mark.parametrize(("number", "dutch"), [(1.5, "1,5"), (20.0, "20"), (38.5, "38,5"),
                                               (0.1 + 0.2, "0,3"), (1000, "1000")])
def test_format_number_writes_dutch_notation(number, dutch):
    from miskraam.dutch import format_number

    assert format_number(number) == dutch


def test_field_messages_write_numbers_in_dutch():
    widget = widgets.WanneerBellen()
    with pytest.raises(Exception) as refused:
        widget.temperature = 45.5
    assert "45,5" in str(refused.value) and "45.5" not in str(refused.value)


# A decimal point turned into a comma by hand is a second formatter: only the one formatter
# per language may do it (Python: miskraam/dutch.py; JavaScript: nl/nlFixed in dutch-numbers.js).
DECIMAL_COMMA = re.compile(r"""replace\(\s*(["'])\\?\.\1\s*,\s*(["']),\2\s*\)""")
ONE_FORMATTER = {"miskraam/dutch.py", "miskraam/js/dutch-numbers.js"}


def course_code():
    for pattern in ("miskraam/**/*.py", "miskraam/**/*.js", "notebooks/*.ipynb",
                    "benchmark/**/*.py"):
        for path in sorted(ROOT.glob(pattern)):
            relative = path.relative_to(ROOT).as_posix()
            if relative in ONE_FORMATTER:
                continue
            text = path.read_text(encoding="utf-8")
            if path.suffix == ".ipynb":  # the code as written, not JSON-escaped
                text = "\n".join("".join(cell["source"]) for cell in json.loads(text)["cells"])
            yield relative, text


def test_the_pattern_finds_a_hand_made_formatter():
    assert DECIMAL_COMMA.search('String(x).replace(".", ",")')
    assert DECIMAL_COMMA.search("f'{x}'.replace('.', ',')")


def test_no_code_formats_dutch_numbers_by_hand():
    offenders = [name for name, text in course_code() if DECIMAL_COMMA.search(text)]
    assert not offenders, f"eigen getalnotatie in plaats van de ene formatter: {offenders}"

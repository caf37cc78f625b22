"""The ``{widget}`` directive: a course widget in a plain MyST page, without a kernel.

````md
```{widget} Bloedverlies
:total: 1000
```
````

While Sphinx reads the page the widget class is instantiated in Python; its state
(``get_state()``: the traits, the ES module and CSS) is written into the page as the two
scripts the offline loader (``static/miskraam-widgets.js``) reads, followed by the widget's
own static fallback (a figure with its text alternative, or an HTML table or list) for print
and readers without JavaScript. The widget's source files are page dependencies, so a
changed widget, registry or alarm file re-reads exactly the pages that show one.

A notebook's widget (an ``Oefening``) brings its fallback in its own display bundle, as
``text/html`` beside the widget view; myst-nb would keep one type of a bundle (the view), so
``KeepNotebookFallback`` puts the fallback after the view, as the directive does.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import traitlets
import yaml
from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective

from .. import data
from .datahealth import broken

PACKAGE = Path(__file__).resolve().parent.parent
LOADER = "miskraam-widgets.js"
VIEW_TYPE = "application/vnd.jupyter.widget-view+json"
STATE_TYPE = "application/vnd.jupyter.widget-state+json"
#: traits the page cannot set: filled by the widget itself, or a reference to another model
NOT_SETTABLE = ("layout",)


class widget_node(nodes.General, nodes.Element):
    """One widget: its model id, its state and its static fallback (HTML)."""


def _script(kind: str, data: dict) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")
    return f'<script type="{kind}">{text}</script>'


def visit_widget_html(self, node: widget_node):
    """The cell: state and view for the loader, then the fallback; a ``static`` widget (the
    editions, ``content/editions``) is its fallback alone."""
    model_id = node["model_id"]
    view = {"version_major": 2, "version_minor": 0, "model_id": model_id}
    state = {"version_major": 2, "version_minor": 0, "state": {model_id: node["model"]}}
    live = "" if node.get("static") else _script(STATE_TYPE, state) + _script(VIEW_TYPE, view)
    self.body.append(f'<div class="cell miskraam-widget-cell" data-widget-name="{node["name"]}">'
                     + live + node["fallback"] + "</div>")
    raise nodes.SkipNode


def visit_widget_other(self, node: widget_node):
    """Other builders (text, LaTeX): nothing; the widget is for the web pages."""
    raise nodes.SkipNode


class _AnyOption(dict):
    """Every option name is accepted here; the widget's own fields judge name and value."""

    def __bool__(self):
        return True

    def __contains__(self, name):
        return True

    def __getitem__(self, name):
        return _option_value

    def get(self, name, default=None):
        return _option_value


def _option_value(text: str | None):
    """An option as YAML: `1000` is a number, `true` a flag, `[a, b]` a list, else text."""
    if text is None:
        return True
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError:
        return text


def widget_classes() -> dict:
    from miskraam import widgets

    return {cls.__name__: cls for cls in widgets.ALL}


def settable_fields(cls) -> list[str]:
    from miskraam.widgets.base import Data, Field

    return sorted(name for name, trait in cls.class_traits(sync=True).items()
                  if not name.startswith("_") and isinstance(trait, Field)
                  and not isinstance(trait, Data) and name not in NOT_SETTABLE)


def widget_files(cls) -> list[Path]:
    """The files a widget is made of: its module, ES module, shared helpers and data."""
    import inspect

    from miskraam.widgets.base import module_files

    module = Path(inspect.getfile(cls))
    here = module.parent
    scripts = module_files(module.stem) if module.with_suffix(".js").exists() else []
    files = [module, *scripts, here / "base.py", here / "widgets.css",
             PACKAGE / "palette.py", PACKAGE / "figures.py", PACKAGE / "facts.py",
             PACKAGE / "alarm.py",
             *(data.path(name) for name in (data.FACTS, data.ALARM_SIGNS, data.DECISION_AID))]
    return [path for path in files if path.exists()]


def model_state(widget) -> dict:
    """The widget's model as the widget-state script holds it."""
    state = {name: value for name, value in widget.get_state().items()
             if name not in NOT_SETTABLE}
    return {"model_name": state["_model_name"], "model_module": state["_model_module"],
            "model_module_version": state["_model_module_version"], "state": state}


class WidgetDirective(SphinxDirective):
    required_arguments = 1
    has_content = False
    option_spec = _AnyOption()

    def _fail(self, message: str):
        name = self.arguments[0]
        return [self.state.document.reporter.error(
            f"Widget '{name}' op pagina '{self.env.docname}': {message}", line=self.lineno)]

    def run(self):
        name = self.arguments[0]
        if broken("feitenregister", "alarmsignalen"):  # reported once, at the build's start
            return []
        classes = widget_classes()
        cls = classes.get(name)
        if cls is None:
            return self._fail(f"onbekende widget (kies uit {', '.join(sorted(classes))}).")
        fields = settable_fields(cls)
        unknown = [option for option in self.options if option not in fields]
        if unknown:
            return self._fail(f"onbekende instelling {', '.join(unknown)} "
                              f"(kies uit {', '.join(fields) or 'geen'}).")
        for path in widget_files(cls):
            self.env.note_dependency(str(path))
        try:
            widget = cls(**self.options)
        except (traitlets.TraitError, ValueError) as error:
            # a wrong option, or a data file the widget reads (keuzehulp.yml) with a typo:
            # the Dutch message naming the file, not a traceback
            return self._fail(str(error))
        try:
            serial = self.env.new_serialno("miskraam-widget")
            model_id = hashlib.sha256(
                f"{self.env.docname}/{serial}/{name}".encode()).hexdigest()[:32]
            node = widget_node(name=name, model_id=model_id, model=model_state(widget),
                               fallback=widget.static_html(),
                               description=widget.static_text())
        finally:
            widget.close()
        self.set_source_info(node)
        return [node]


class KeepNotebookFallback(SphinxPostTransform):
    """A notebook output that carries a widget view and our static fallback (``text/html``
    with ``figure.miskraam-static``, see ``Oefening.static_html``) keeps both: the fallback
    goes after the view, inside the cell. The loader marks the cell live and the CSS hides the
    fallback there on screen; print, the PDF and readers without JavaScript show it. Runs
    before myst-nb's ``SelectMimeType`` (priority 4), which keeps one type per bundle."""

    default_priority = 3

    def run(self, **kwargs):
        for bundle in list(self.document.findall(nodes.container)):
            if bundle.get("nb_element") != "mime_bundle":
                continue
            by_type = {child.get("mime_type"): child for child in bundle.children}
            view, html = by_type.get(VIEW_TYPE), by_type.get("text/html")
            if view is None or html is None:
                continue
            if not any(isinstance(node, nodes.raw) and "miskraam-static" in node.astext()
                       for node in html.findall(nodes.raw)):
                continue
            view.extend(child.deepcopy() for child in html.children)


def add_loader(app, pagename, templatename, context, doctree):
    """The offline loader, only on pages that carry widgets (ours or a notebook's)."""
    if VIEW_TYPE in context.get("body", ""):
        app.add_js_file(LOADER)


def no_cdn_widget_scripts(app, config):
    """myst-nb would add require.js and the html-manager from CDNs to notebook pages with
    widgets; the loader (``add_loader``) renders those too."""
    config.nb_ipywidgets_js = {}


def setup(app):
    app.add_node(widget_node, html=(visit_widget_html, None),
                 latex=(visit_widget_other, None), text=(visit_widget_other, None))
    app.add_directive("widget", WidgetDirective)
    app.add_post_transform(KeepNotebookFallback)
    app.connect("config-inited", no_cdn_widget_scripts)
    app.connect("html-page-context", add_loader)

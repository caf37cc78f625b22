/*
 * Offline widget loader of the Miskraam course.
 *
 * The {widget} directive (widgetdirective.py; myst-nb for the notebooks' outputs) writes
 * the widget state in <script type="application/vnd.jupyter.widget-state+json"> (one or
 * more per page) and one <script type="application/vnd.jupyter.widget-view+json"> per
 * widget. For each
 * anywidget model we import its `_esm` source from a Blob URL and call render({model, el})
 * with a small stand-in for the Jupyter model. No kernel, no network: works from file:// too.
 * A classic script (type=module is blocked from file://), guarded against running twice.
 */
(function () {
  "use strict";
  if (window.miskraamWidgetLoader) return;
  window.miskraamWidgetLoader = { rendered: 0 };

  var STATE_TYPE = "application/vnd.jupyter.widget-state+json";
  var VIEW_TYPE = "application/vnd.jupyter.widget-view+json";
  var modules = new Map();
  var styles = new Set();

  function readStates() {
    var states = {};
    document.querySelectorAll('script[type="' + STATE_TYPE + '"]').forEach(function (script) {
      try {
        Object.assign(states, JSON.parse(script.textContent).state || {});
      } catch (error) {
        console.warn("miskraam: widgetstatus onleesbaar", error);
      }
    });
    return states;
  }

  // The part of a Jupyter widget model that anywidget modules use.
  function makeModel(values) {
    var listeners = {};
    function emit(name, payload) {
      (listeners[name] || []).slice().forEach(function (callback) { callback(payload); });
    }
    return {
      get: function (name) { return values[name]; },
      set: function (name, value) {
        var old = values[name];
        values[name] = value;
        if (old !== value) {
          emit("change:" + name, { name: name, old: old, new: value });
          emit("change", { name: name, old: old, new: value });
        }
      },
      on: function (name, callback) { (listeners[name] = listeners[name] || []).push(callback); },
      off: function (name, callback) {
        if (!name) { listeners = {}; return; }
        if (!callback) { delete listeners[name]; return; }
        listeners[name] = (listeners[name] || []).filter(function (c) { return c !== callback; });
      },
      save_changes: function () {},
      send: function () {},
      widget_manager: { get_model: function () { return Promise.resolve(undefined); } },
    };
  }

  function importSource(source) {
    if (!modules.has(source)) {
      var url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
      modules.set(source, import(url));
    }
    return modules.get(source);
  }

  function addStyle(css) {
    if (!css || styles.has(css)) return;
    styles.add(css);
    var style = document.createElement("style");
    style.textContent = css;
    document.head.appendChild(style);
  }

  async function renderView(script, states) {
    var view = JSON.parse(script.textContent);
    var entry = states[view.model_id];
    if (!entry || !entry.state || typeof entry.state._esm !== "string") return;
    var state = entry.state;
    addStyle(state._css);
    var module = await importSource(state._esm);
    var widget = module.default || module;
    if (typeof widget === "function") widget = await widget();
    var model = makeModel(Object.assign({}, state));
    if (typeof widget.initialize === "function") await widget.initialize({ model: model });
    var el = document.createElement("div");
    el.className = "miskraam-widget";
    script.insertAdjacentElement("afterend", el);
    await widget.render({ model: model, el: el });
    var cell = el.closest(".cell") || el.parentElement;
    if (cell) cell.classList.add("miskraam-live");
    window.miskraamWidgetLoader.rendered += 1;
  }

  async function renderAll() {
    var states = readStates();
    var views = document.querySelectorAll('script[type="' + VIEW_TYPE + '"]');
    for (var i = 0; i < views.length; i += 1) {
      try {
        await renderView(views[i], states);
      } catch (error) {
        console.error("miskraam: widget kon niet worden getoond", error);
      }
    }
    document.documentElement.classList.add("miskraam-widgets-ready");
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", renderAll);
  } else {
    renderAll();
  }
})();

// Shared helpers for the course widgets. This file is prepended to every widget's ES
// module (base.py, through jsbundle.py), so its names are there without an import.

import { h } from "../js/dom.js";
import { nl } from "../js/dutch-numbers.js";

const SVG_NS = "http://www.w3.org/2000/svg";

// MEANING (defined just above this file by base.py, from miskraam/palette.py) is the one
// semantic palette: MEANING.continues is "the pregnancy continues" in every widget and every
// static figure. Use a meaning, never a bare colour: { ...MEANING.continues, count, label }.
// Colours of text, lines and panels are CSS custom properties (widgets.css), so they follow
// the book's and JupyterLab's dark mode.

let widgetCounter = 0;

function uid(prefix) {
  widgetCounter += 1;
  return `${prefix}-${widgetCounter}-${Math.random().toString(36).slice(2, 7)}`;
}

// The root of every widget. `data-lm-suppress-shortcuts`: live in JupyterLab, Lumino (the
// application shell) takes arrow keys, Enter and Space for its own shortcuts unless the key's
// target is, or is inside, an element with this attribute (@lumino/commands); see h() in
// miskraam/js/dom.js for why the controls carry it too.
function widgetBody(name) {
  return h("div", { class: "miskraam-widget-body", "data-widget": name, "data-lm-suppress-shortcuts": "true" });
}

function svg(tag, attributes = {}) {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  return element;
}

// nl, nlFixed, readDutchNumber and withinMargin: miskraam/js/dutch-numbers.js (joined in
// before this file).

function clamp(value, low, high) {
  return Math.min(high, Math.max(low, value));
}

// An icon array: `groups` is [{count, colour, label, hatch}], drawn in order, row by row.
// Squares (not only colour) plus an optional hatch keep groups apart without colour vision.
// One <path> per group (every square a rounded subpath), not one element per square: at 1000
// squares that keeps an update well inside a frame.
function iconArray(groups, { total = 100, columns = 10, label = "" } = {}) {
  const size = total > 100 ? 6 : 20;
  const gap = total > 100 ? 1.5 : 4;
  const rows = Math.ceil(total / columns);
  const width = columns * (size + gap);
  const height = rows * (size + gap);
  const root = svg("svg", {
    viewBox: `0 0 ${width} ${height}`, class: "miskraam-icons", role: "img",
    "aria-label": label, preserveAspectRatio: "xMinYMin meet",
  });
  const hatchId = uid("hatch");
  const defs = svg("defs");
  const pattern = svg("pattern", {
    id: hatchId, width: 4, height: 4, patternUnits: "userSpaceOnUse",
    patternTransform: "rotate(45)",
  });
  pattern.append(svg("rect", { width: 4, height: 4, style: "fill: var(--mk-panel)" }));
  pattern.append(svg("line", { x1: 0, y1: 0, x2: 0, y2: 4, style: "stroke: var(--mk-text)", "stroke-width": 2 }));
  defs.append(pattern);
  root.append(defs);
  const r = size / 5, side = size - 2 * r;
  const square = (x, y) => `M${x + r} ${y}h${side}a${r} ${r} 0 0 1 ${r} ${r}v${side}a${r} ${r} 0 0 1 -${r} ${r}` +
    `h-${side}a${r} ${r} 0 0 1 -${r} -${r}v-${side}a${r} ${r} 0 0 1 ${r} -${r}z`;
  let index = 0;
  for (const group of groups) {
    const parts = [];
    for (let n = 0; n < Math.round(group.count) && index < total; n += 1, index += 1) {
      parts.push(square((index % columns) * (size + gap), Math.floor(index / columns) * (size + gap)));
    }
    if (!parts.length) continue;
    root.append(svg("path", {
      d: parts.join(""), class: "miskraam-icon-group", "data-count": parts.length,
      fill: group.hatch ? `url(#${hatchId})` : group.colour,
      stroke: group.hatch ? group.colour : "none", "stroke-width": group.hatch ? 1.5 : 0,
    }));
  }
  return root;
}

// A legend for an icon array, with the same swatches.
function legend(groups) {
  return h("ul", { class: "miskraam-legend" },
    groups.map((group) => h("li", {},
      h("span", {
        class: `miskraam-swatch${group.hatch ? " miskraam-swatch-hatch" : ""}`,
        style: `--swatch: ${group.colour}`, "aria-hidden": "true",
      }),
      group.count === null || group.count === undefined ? group.label : `${group.label}: ${nl(group.count)}`)));
}

// A polite live region: screen readers announce the changing numbers.
function liveRegion(className = "miskraam-live-text") {
  return h("p", { class: className, "aria-live": "polite", "aria-atomic": "true" });
}

// A group of radio buttons (keyboard: arrow keys, as native radios do). Returns
// {element, choose(value)}: `choose` shows a value set from Python.
function radioGroup(legendText, name, options, selected, onChange) {
  const element = h("fieldset", { class: "miskraam-choice" }, h("legend", {}, legendText));
  const inputs = [];
  for (const option of options) {
    const id = uid(name);
    const input = h("input", {
      type: "radio", name, id, value: option.value,
      checked: String(option.value) === String(selected),
      onchange: () => onChange(option.value),
    });
    inputs.push(input);
    element.append(h("label", { for: id }, input, " ", option.label));
  }
  return {
    element,
    choose(value) {
      for (const input of inputs) input.checked = input.value === String(value);
    },
  };
}

// The switch to the research view: the widget opens on the leaflet's figures in plain words;
// professionals can ask for the research. `sources` explains, when shown, which studies and
// how sure (one or two plain sentences). The two views and the switch's label come from
// Python (EvidenceViews in base.py, the `limits` trait). Returns {element, research()}.
function evidenceSwitch(model) {
  const { views: [leaflet, research], research_label: label } = model.get("limits");
  const id = uid("professionals");
  const input = h("input", {
    type: "checkbox", id,
    onchange: () => commit(model, "view", input.checked ? research : leaflet),
  });
  const element = h("div", { class: "miskraam-check miskraam-evidence-switch" },
    h("label", { for: id }, input, " ", label));
  return {
    element,
    // true when the research view is on; keeps the box in step with the model
    research() {
      const on = model.get("view") === research;
      input.checked = on;
      return on;
    },
  };
}

// Where the research figures come from, in plain words, with how sure they are.
function sourcesNote(text, certainty) {
  const sure = certainty ? ` Hoe zeker? ${certainty[0].toUpperCase()}${certainty.slice(1)}.` : "";
  return `${text}${sure}`;
}

// Rewire a model's changes to a render function; return a cleanup for anywidget.
function bind(model, names, update) {
  const handler = () => update();
  for (const name of names) model.on(`change:${name}`, handler);
  update();
  return () => {
    for (const name of names) model.off(`change:${name}`, handler);
  };
}

function commit(model, name, value) {
  model.set(name, value);
  model.save_changes();
}

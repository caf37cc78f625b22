// The one element builder of the course's scripts (the widgets and the self-tests):
// h("p", {class: "x", onclick: f}, "text", child, ...). An attribute that is false, null or
// undefined is left out, `true` is an empty attribute, a function under "on…" a listener.

// Controls that take keys. Each carries `data-lm-suppress-shortcuts` itself, for the widgets
// live in JupyterLab: Lumino tests the key's target against a shortcut's selector before it
// looks for the attribute, and JupyterLab's command-mode selectors (".jp-Notebook
// .jp-mod-commandMode … :focus") match the focused control itself, so the attribute on the
// widget root alone leaves ArrowDown and Enter to JupyterLab. In the book it does nothing.
const KEY_TAKING_TAGS = new Set(["input", "select", "textarea", "button"]);

export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  if (KEY_TAKING_TAGS.has(tag)) element.setAttribute("data-lm-suppress-shortcuts", "true");
  for (const [key, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (key.startsWith("on") && typeof value === "function") {
      element.addEventListener(key.slice(2), value);
    } else {
      element.setAttribute(key, value === true ? "" : String(value));
    }
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

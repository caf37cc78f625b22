"""What one visit to a page checks, shared by the page audit and the interface-language tests.

A visit records requests to other hosts and console errors while the page loads; then the
page is read for its interface text (English words, the formal "u"). The word lists live here
so that the audit (every page, two viewports) and the focused tests (the search page, a
small book's folded cell) use the same ones.

The course speaks Dutch; the theme, Sphinx and the extensions bring their own interface text
(buttons, tooltips, landmarks, the search page). Course text is not checked: the bibliography
quotes English titles, and the links to it carry them in their `title`. The words below are
interface words that Dutch course text does not use.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlparse

from .conftest import open_ready

ENGLISH = [
    "skip to", "main content", "back to top", "on this page", "toggle", "sidebar",
    "colou?r", "mode", "light", "dark", "system", "settings", "link to this",
    "navigation", "main", "site", "search", "searching", "results?", "download this",
    "download source", "download notebook", "print to", "previous", "next", "page",
    "pages", "source", "show", "hide", "close", "edit", "copy", "copied", "clipboard",
    "fullscreen", "full screen", "click", "expand", "collapse", "breadcrumb", "home",
    "error", "please", "enable", "announcement", "contents?", "general", "symbols",
    "theme", "last updated", "updated", "launch", "repository", "issue", "suggest",
    "solution", "exercise", "hidden", "loading", "preparing", "finished", "found",
    "matching", "query", "documents", "spelled", "version", "warning", "switch", "file",
    "the", "this", "your", "related", "section", "sections", "by",
]
ENGLISH_RE = re.compile(r"(?<![\w-])(" + "|".join(ENGLISH) + r")(?![\w-])", re.IGNORECASE)
# the formal "u"/"uw": the course speaks to its readers as "je"
FORMAL_RE = re.compile(r"(?<![\w-])(u|uw|U|Uw)(?![\w-])")

# Runs in the page: every attribute a tooltip or screen reader uses, and every interface
# text (outside the article, plus the theme's controls inside it). Returns [where, text].
COLLECT = """
() => {
  const ATTRIBUTES = ["title", "aria-label", "placeholder", "alt", "aria-description",
    "aria-roledescription", "aria-valuetext", "data-bs-title", "data-bs-original-title",
    "data-tooltip", "data-toggle-hint"];
  const CONTROLS = [".headerlink", ".copybtn", ".toggle-button", ".toggle-details__summary",
    ".prev-next-area", ".prev-next-footer", ".solution > .admonition-title",
    ".exercise > .admonition-title", "#search-results > h2", "#search-results > p",
    ".bd-search-container h1", "details.hide > summary"].join(",");
  const CONTENT = "article.bd-article";
  const SKIP = "script, style, template";
  const describe = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
    (el.className && typeof el.className === "string"
      ? "." + el.className.trim().split(/\\s+/).join(".") : "");
  const found = [["<title>", document.title]];
  for (const el of document.querySelectorAll("*")) {
    for (const name of ATTRIBUTES) {
      const value = el.getAttribute(name);
      if (!value) continue;
      // links inside the article are course content: a citation's title is the
      // (often English) reference it points to
      if (name === "title" && el.matches(CONTENT + " a.reference:not(.headerlink)")) continue;
      found.push([describe(el) + "[" + name + "]", value]);
    }
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const parent = node.parentElement;
    let text = node.textContent.trim();
    if (!text || !parent || parent.closest(SKIP)) continue;
    if (parent.closest(CONTENT) && !parent.closest(CONTROLS)) continue;
    if (parent.closest("noscript")) text = text.replace(/<[^>]*>/g, " ");
    found.push([describe(parent), text]);
  }
  return found;
}
"""

# Relative luminance (WCAG) of a computed CSS colour, and the contrast of two of them.
LUMINANCE_JS = """
(colour) => {
  const probe = document.createElement("span");
  probe.style.color = colour;
  document.body.append(probe);
  const [r, g, b] = getComputedStyle(probe).color.match(/[\\d.]+/g).map(Number);
  probe.remove();
  const lin = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
"""


def contrast(a: float, b: float) -> float:
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


def dark_widget_problems(tab) -> list[str]:
    """In dark mode every widget is a dark panel, its chart labels (SVG, which axe does not
    check) have a contrast of 4.5 or more against it, and nothing light is left around it
    (the theme paints HTML outputs light)."""
    problems = []
    for panel in tab.locator(".miskraam-widget-body").all():
        background = panel.evaluate("(el) => getComputedStyle(el).backgroundColor")
        panel_luminance = tab.evaluate(LUMINANCE_JS, background)
        if panel_luminance >= 0.05:
            problems.append(f"widget is geen donker paneel: {background}")
        for text in panel.locator("svg text").all():
            fill = text.evaluate("(el) => getComputedStyle(el).fill")
            ratio = contrast(tab.evaluate(LUMINANCE_JS, fill), panel_luminance)
            if ratio < 4.5:
                problems.append(f"grafiektekst {text.inner_text()!r}: contrast {ratio:.1f}")
    light = tab.evaluate("""[...document.querySelectorAll('.cell.miskraam-live .output')]
        .filter((el) => el.offsetHeight > 0)
        .map((el) => getComputedStyle(el).backgroundColor)""")
    problems += [f"licht vlak bij een widget: {colour}" for colour in light
                 if colour != "rgba(0, 0, 0, 0)" and tab.evaluate(LUMINANCE_JS, colour) >= 0.2]
    return problems


# The code blocks, checked here rather than by axe: every colour a highlighted block gives its
# text against the block's background, once per pair, and every block that scrolls sideways
# reachable by keyboard (what axe's scrollable-region-focusable asks). axe checks contrast node
# by node, and on the notebook pages, with a span per token (3,700 on one page), that was three
# quarters of a visit; leaving the spans out by selector was slower still, so axe leaves out
# the <pre> blocks whole.
CODE_BLOCKS = """
() => {
  const backdrop = (el) => {
    for (let at = el; at; at = at.parentElement) {
      const colour = getComputedStyle(at).backgroundColor;
      if (colour !== "rgba(0, 0, 0, 0)" && colour !== "transparent") return colour;
    }
    return "rgb(255, 255, 255)";
  };
  const unreachable = [];
  const pairs = new Map();
  for (const block of document.querySelectorAll(".highlight pre")) {
    if (!block.offsetParent) continue;
    if (block.scrollWidth > block.clientWidth + 1 && block.tabIndex < 0
        && !block.querySelector("a[href], button, input, select, textarea, [tabindex]")) {
      unreachable.push(block.textContent.trim().slice(0, 40));
    }
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const text = walker.currentNode.textContent.trim();
      if (!text) continue;
      const parent = walker.currentNode.parentElement;
      const pair = [getComputedStyle(parent).color, backdrop(parent)];
      if (!pairs.has(pair.join())) pairs.set(pair.join(), [...pair, text.slice(0, 30)]);
    }
  }
  return [unreachable, [...pairs.values()]];
}
"""

#: what axe always leaves out: the code blocks (CODE_BLOCKS checks them)
CODE = [".highlight pre"]


def code_block_problems(tab) -> list[str]:
    """Code tokens with a contrast below 4.5 on their block, and blocks that scroll sideways
    but cannot be reached by keyboard."""
    unreachable, pairs = tab.evaluate(CODE_BLOCKS)
    problems = [f"codeblok schuift opzij maar is niet met het toetsenbord te bereiken: {text}"
                for text in unreachable]
    for colour, ground, text in pairs:
        ratio = contrast(tab.evaluate(LUMINANCE_JS, colour), tab.evaluate(LUMINANCE_JS, ground))
        if ratio < 4.5:
            problems.append(f"code {text!r}: {colour} op {ground}, contrast {ratio:.1f}")
    return problems


#: the frame around every article (the navigation bar, the book's table of contents, the
#: notice, the footer): the same on almost every page but for which link is the current one.
#: axe checks it on the first page an audit visits and leaves it out on later pages whose frame
#: has a shape it has checked (FRAME_SHAPE); checking the table of contents again on every page
#: was a sixth of the audit's time.
FRAME = ["header.bd-header", "#pst-primary-sidebar", ".bd-header-announcement",
         "footer.bd-footer"]

# The frame as a reader's tools meet it: every element with its classes, attributes and own
# text, addresses resolved (a page deeper in the book links with more ../), and what marks the
# current page or an open section left out.
FRAME_SHAPE = """
(selectors) => {
  const STATE_CLASSES = new Set(["current", "active", "show", "open"]);
  const STATE_ATTRIBUTES = new Set(["aria-current", "open", "checked", "aria-expanded"]);
  const ADDRESSES = new Set(["href", "src", "action"]);
  const resolved = (value) => {
    try { return new URL(value, document.baseURI).href.split("#")[0]; } catch { return value; }
  };
  const shape = [];
  for (const selector of selectors) {
    for (const root of document.querySelectorAll(selector)) {
      for (const el of [root, ...root.querySelectorAll("*")]) {
        const classes = [...el.classList].filter((name) => !STATE_CLASSES.has(name)).sort();
        const attributes = [...el.attributes]
          .filter((a) => a.name !== "class" && !STATE_ATTRIBUTES.has(a.name))
          .map((a) => a.name + "=" + (ADDRESSES.has(a.name) ? resolved(a.value) : a.value))
          .sort();
        const own = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE)
          .map((n) => n.textContent.trim()).join(" ").trim();
        shape.push([el.tagName, classes.join("."), attributes.join(" "), own].join("|"));
      }
    }
  }
  return shape;
}
"""


class Frame:
    """What one audit (one viewport) remembers: the shapes of the frame axe has checked."""

    def __init__(self):
        self.checked: list[list[str]] = []

    def context(self, tab) -> dict:
        """axe's context for this page: without the frame when axe has checked a frame of
        this very shape on an earlier page, the whole page otherwise (the first page, and a
        page whose frame differs, such as the alarm page, whose notice has no link to itself)."""
        shape = tab.evaluate(FRAME_SHAPE, FRAME)
        if shape in self.checked:
            return {"exclude": [CODE, *[[selector] for selector in FRAME]]}
        self.checked.append(shape)
        return {"exclude": [CODE]}


# One text element for each look on the page, marked for axe's contrast rule: what decides a
# contrast (the text's colour, the colour behind it, its size and weight, the opacity and
# shadow it is drawn with, a background image anywhere behind it) is the same for every
# element of one look, so axe's verdict is too. axe's contrast rule checks every text element
# one by one and was four fifths of its time; the book's pages use a few dozen looks.
#
# Links in running text likewise, for axe's link-in-text-block rule (a link must differ from
# the text around it by more than colour, or by a contrast of 3:1 with it): its verdict is
# decided by the look of the link and of the block it stands in (their colours, grounds,
# underlines, borders, weight, style, the content drawn before or after the link), so one
# link of each such pair of looks is checked. The rule computed colours behind every link
# of every page: two thirds of what axe's other rules took.
LOOK_SAMPLE = """
() => {
  const clear = (colour) => colour === "rgba(0, 0, 0, 0)" || colour === "transparent";
  const TEXT = ["color", "fontSize", "fontWeight", "textShadow", "visibility"];
  const LINK = [...TEXT, "fontStyle", "fontFamily", "textDecorationLine", "textDecorationStyle",
    "textDecorationColor", "textDecorationThickness", "borderTopStyle", "borderTopWidth",
    "borderTopColor", "borderBottomStyle", "borderBottomWidth", "borderBottomColor",
    "backgroundColor", "backgroundImage", "outlineStyle"];
  // what lies behind an element and how it is drawn: the opacity it is drawn with, the
  // nearest background colour and image, fixed or sticky ancestors (each element's from its
  // parent's: walking up from every element was most of this script's time)
  const behindOf = new Map();
  const behind = (el) => {
    if (!el) return {opacity: 1, ground: "", image: "", position: ""};
    if (behindOf.has(el)) return behindOf.get(el);
    const style = getComputedStyle(el);
    const parent = behind(el.parentElement);
    const fixed = style.position === "fixed" || style.position === "sticky";
    const result = {
      opacity: parent.opacity * parseFloat(style.opacity),
      ground: clear(style.backgroundColor) ? parent.ground : style.backgroundColor,
      image: style.backgroundImage !== "none" ? style.backgroundImage : parent.image,
      position: (fixed ? style.position + " " : "") + parent.position,
    };
    behindOf.set(el, result);
    return result;
  };
  const look = (el, properties) => {
    const own = getComputedStyle(el);
    const {opacity, ground, image, position} = behind(el);
    return [...properties.map((name) => own[name]), position, opacity, ground, image].join("|");
  };
  const mark = (el, attribute, key, seen) => {
    if (seen.has(key)) return 0;
    seen.add(key);
    el.setAttribute(attribute, "");
    return 1;
  };
  const counts = {contrast: 0, links: 0};
  const texts = new Set(), links = new Set();
  for (const el of document.body.querySelectorAll("*")) {
    el.removeAttribute("data-miskraam-contrast");
    el.removeAttribute("data-miskraam-link");
    const text = el.matches("input:not([type=hidden]), select, textarea")
      || [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
    if (!text || !el.getClientRects().length) continue;
    counts.contrast += mark(el, "data-miskraam-contrast", look(el, TEXT), texts);
  }
  // the links the rule applies to (axe's own link-in-text-block-matches), one per pair of
  // looks: the link's and that of the block it stands in
  axe.setup(document);
  try {
    for (const el of document.body.querySelectorAll("a[href], [role=link]")) {
      const role = el.getAttribute("role");
      if ((role && role !== "link") || !axe.commons.text.sanitize(el.innerText)) continue;
      if (!axe.commons.dom.isVisibleOnScreen(el) || !axe.commons.dom.isInTextBlock(el)) continue;
      let block = el.parentElement;
      while (block && getComputedStyle(block).display.startsWith("inline")) {
        block = block.parentElement;
      }
      const pseudo = ["::before", "::after"].map((at) => getComputedStyle(el, at).content);
      const key = [look(el, LINK), block ? look(block, LINK) : "", ...pseudo].join("||");
      counts.links += mark(el, "data-miskraam-link", key, links);
    }
  } finally {
    axe.teardown();
  }
  return counts;
}
"""

#: the rules that run on the marked elements only (LOOK_SAMPLE)
SAMPLED_RULES = {"color-contrast": "[data-miskraam-contrast]",
                 "link-in-text-block": "[data-miskraam-link]"}


def axe_violations(tab, context: dict) -> list[dict]:
    """axe on the page: every rule but the sampled ones in `context`; those on one element
    of each look (the marked ones, LOOK_SAMPLE) that lies in `context`. axe's violations, as
    it reports them."""
    from axe_playwright_python.sync_playwright import Axe

    tab.evaluate(Axe().axe_script)
    tab.evaluate(LOOK_SAMPLE)
    run = "([context, options]) => axe.run(context, options).then((r) => r.violations)"
    found = tab.evaluate(run, [context, {"resultTypes": ["violations"], "rules": {
        rule: {"enabled": False} for rule in SAMPLED_RULES}}])
    # one run for both (a marked link also gets its text's contrast checked, and so on)
    marked = [[selector] for selector in SAMPLED_RULES.values()]
    if tab.locator(", ".join(SAMPLED_RULES.values())).count():
        found += tab.evaluate(run, [{"include": marked, "exclude": context["exclude"]},
                                    {"resultTypes": ["violations"],
                                     "runOnly": list(SAMPLED_RULES)}])
    return found


VIEWPORTS = {
    "desktop": {"viewport": {"width": 1280, "height": 900}},
    "phone": {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True},
}


def english(found):
    return [f"{where}: {text!r}" for where, text in found if ENGLISH_RE.search(text)]


def formal(found):
    return [f"{where}: {text!r}" for where, text in found if FORMAL_RE.search(text)]


def visit(tab, url):
    """Open a page and wait until its scripts are ready; return (requests to other hosts,
    console errors) seen while it loaded."""
    local = urlparse(url).netloc
    foreign, errors = [], []

    def on_request(request):
        parsed = urlparse(request.url)
        if parsed.scheme in ("http", "https", "ws", "wss") and parsed.netloc != local:
            foreign.append(request.url)

    def on_console(message):
        if message.type == "error":
            errors.append(f"{message.text} ({message.location.get('url')})")

    def on_page_error(error):
        errors.append(f"pageerror: {error}")

    tab.on("request", on_request)
    tab.on("console", on_console)
    tab.on("pageerror", on_page_error)
    try:
        open_ready(tab, url)
    finally:
        tab.remove_listener("request", on_request)
        tab.remove_listener("console", on_console)
        tab.remove_listener("pageerror", on_page_error)
    return foreign, errors


def interface_text(tab):
    """The page's interface text, with one of each kind of the theme's tooltips opened (they
    are created on hover and focus)."""
    for selector in ("[data-bs-toggle='tooltip']", ".copybtn"):
        handle = tab.query_selector(f"{selector}:visible")
        if handle:
            handle.hover()
    return tab.evaluate(COLLECT)


def audit(tab, url, frame: Frame, phone_at_night: bool = False):
    """Everything one visit checks: no requests to other hosts (privacy, offline), no
    console errors, no axe-core violations, interface text in Dutch and in the "je" form;
    on the phone at night also the dark theme, nothing wider than the screen, a way home in
    the header, and dark widgets with readable chart labels."""
    foreign, errors = visit(tab, url)
    assert foreign == [], f"verzoeken naar andere hosts: {foreign}"
    assert errors == [], f"consolefouten: {errors}"
    if phone_at_night:
        assert tab.evaluate("document.documentElement.dataset.theme") == "dark"
        width = tab.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"de pagina is {width} px breed: je moet opzij schuiven"
        # a way home in the page's own header, without opening the menu
        parsed = urlparse(url)
        start = f"{parsed.scheme}://{parsed.netloc}/book/index.html"
        hrefs = tab.locator(".bd-header-article a[href]:visible").evaluate_all(
            "links => links.map(a => a.getAttribute('href'))")
        assert any(urljoin(url, href) == start for href in hrefs), (
            "geen zichtbare link naar de startpagina in de kop van de pagina")
        problems = dark_widget_problems(tab)
        assert problems == [], "\n".join(problems)
    # axe runs after loading (its own CSS preloading may log 404s we do not count) and
    # before the tooltips are opened
    violations = [f"{v['id']} ({v['impact']}): {v['nodes'][0]['html'][:160]}"
                  for v in axe_violations(tab, frame.context(tab))]
    assert violations == [], "\n".join(violations)
    problems = code_block_problems(tab)
    assert problems == [], "\n".join(problems)
    found = interface_text(tab)
    assert english(found) == [], "Engelse interfacetekst:\n" + "\n".join(english(found))
    assert formal(found) == [], "u-vorm in plaats van je-vorm:\n" + "\n".join(formal(found))

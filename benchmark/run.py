"""Benchmark: build times, page weight and widget latency, against a vanilla Jupyter Book.

Run with `make benchmark`. Works on copies in a temporary folder, so the repository's own
_build is not touched, and writes benchmark/report.md. Numbers, not asserts: timings depend
on the machine, so the tests never assert them.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SAMPLES = 20

# One input per widget kind, as JavaScript run on the widget's root element `root`; it must
# change the DOM synchronously (the handlers are synchronous), so the time until
# dispatchEvent returns is the input-to-updated-DOM latency.
INPUTS = {
    "bloedverlies": "radio",
    "hartactiviteit": "switch",
    "medicijnen": "switch",
    "curettage": "switch",
    "afwachten": "range",
    "keuzehulp": "checkbox",
    "wanneer-bellen": "text",
    "oefening": "submit",
}

MEASURE = """
([root, kind, samples]) => {
  const times = [];
  for (let i = 0; i < samples; i += 1) {
    let target, event;
    if (kind === "radio") {
      const radios = [...root.querySelectorAll("input[type=radio]")].filter((r) => !r.closest("[hidden]"));
      target = radios.find((r) => !r.checked); target.checked = true; event = new Event("change", {bubbles: true});
    } else if (kind === "range") {
      target = root.querySelector("input[type=range]"); target.value = String((Number(target.value) + 1) % 29);
      event = new Event("input", {bubbles: true});
    } else if (kind === "switch") {
      target = root.querySelector(".miskraam-evidence-switch input"); target.checked = !target.checked;
      event = new Event("change", {bubbles: true});
    } else if (kind === "checkbox") {
      target = root.querySelectorAll("input[type=checkbox]")[1]; target.checked = !target.checked;
      event = new Event("change", {bubbles: true});
    } else if (kind === "text") {
      target = root.querySelector("input[inputmode=decimal]"); target.value = String(i % 5);
      event = new Event("input", {bubbles: true});
    } else {
      target = root.querySelector("form"); root.querySelector("input").value = String(i);
      event = new Event("submit", {bubbles: true, cancelable: true});
    }
    let mutated = false;
    const observer = new MutationObserver(() => { mutated = true; });
    observer.observe(root, {subtree: true, childList: true, characterData: true, attributes: true});
    const start = performance.now();
    target.dispatchEvent(event);
    const elapsed = performance.now() - start;
    observer.takeRecords().length && (mutated = true);
    observer.disconnect();
    times.push(mutated ? elapsed : NaN);
  }
  return times;
}
"""


# A real key press per widget kind (Playwright sends it through Chromium's input pipeline):
# the control to focus and the key. Measured from the key event's timestamp to the next
# animation frame after the widget's handlers ran: what a reader waits for.
#: measured by hand once (two commits cannot be built in one report): kept in every report
HISTORY = """## Clean build before and after the `{widget}` directive (issue 9)

`rm -rf _build; time jupyter-book build . -W -n --keep-going`, measured by hand on
2026-11-30 on this project's machine while other builds ran on it (load average 9 to 12), so
the wall-clock times spread widely; the CPU time of the build and the pages executed are the
steadier measures. Before: the merge of `exercises` (34f20db), where each widget chapter was
a notebook executed for its widget state. After: chapters are plain MyST, the `{widget}`
directive writes the state in Python while Sphinx reads the page.

| | before | after |
|---|---|---|
| pages executed by a kernel | 9 (7 chapters, 2 notebooks) | 2 (the notebooks) |
| wall clock (s), each run | 84.4, 160.9, 118.7 | 46.4, 95.8 |
| user CPU (s), each run | 31.0, 42.1, 36.3 | 26.2, 24.8 |
| kernel time of the seven chapters (s, myst-nb's "Executed notebook in") | 17.9, 59.0, 49.2 | 0 |
"""

KEYS = {
    "bloedverlies": ("input[type=radio]:checked", "ArrowDown"),
    "hartactiviteit": (".miskraam-evidence-switch input", "Space"),
    "medicijnen": (".miskraam-evidence-switch input", "Space"),
    "curettage": (".miskraam-evidence-switch input", "Space"),
    "afwachten": ("input[type=range]", "ArrowRight"),
    "keuzehulp": ("input[type=checkbox]", "Space"),
    "wanneer-bellen": ("input[inputmode=decimal]", "3"),
    "oefening": ("input", "Enter"),
}

LISTEN = """
(root) => {
  window.miskraamFrames = [];
  root.addEventListener("keydown", (event) => {
    const pressed = event.timeStamp;
    requestAnimationFrame(() => window.miskraamFrames.push(performance.now() - pressed));
  }, true);
}
"""


def key_to_frame(page, root, kind: str) -> float:
    """Median time from a real key press to the next frame, over SAMPLES presses."""
    selector, key = KEYS[kind]
    root.evaluate(LISTEN)
    control = root.locator(selector).first
    for sample in range(SAMPLES):
        if kind == "wanneer-bellen":
            control.fill("")
        control.focus()
        page.keyboard.press(key)
        page.wait_for_function(f"window.miskraamFrames.length > {sample}")
    return statistics.median(page.evaluate("window.miskraamFrames"))


def run(command: list[str], cwd: Path) -> float:
    return run_logged(command, cwd)[0]


def run_logged(command: list[str], cwd: Path) -> tuple[float, str]:
    """Seconds a command took, and what it printed."""
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n"
                         f"{result.stdout[-3000:]}{result.stderr[-3000:]}")
    return elapsed, result.stdout + result.stderr


def copy_course(target: Path) -> Path:
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True,
                           check=True).stdout.split()
    for name in files:
        destination = target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, destination)
    return target


def build_times(book: Path, edit: Path, extra: list[str]) -> tuple[float, float, int]:
    """Clean build and rebuild times, and how many pages the clean build executed."""
    jb = [str(BIN / "jupyter-book"), "build", str(book), *extra]
    clean, log = run_logged(jb, book)
    executed = log.count("Executing notebook")
    edit.write_text(edit.read_text(encoding="utf-8") + "\n\nEen extra zin.\n", encoding="utf-8")
    rebuild = run(jb, book)
    return clean, rebuild, executed


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder: Path):
    handler = functools.partial(Quiet, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


def pages_of(html: Path) -> list[str]:
    names = []
    for page in sorted(html.rglob("*.html")):
        relative = page.relative_to(html)
        if relative.parts[0] in ("_static", "_sources", "_images"):
            continue
        if 'http-equiv="Refresh"' in page.read_text(encoding="utf-8")[:2000]:
            continue
        names.append(relative.as_posix())
    return names


def first_load(browser, url: str, local: str) -> tuple[int, int, int]:
    """One page opened in a fresh context (empty cache), until the network is idle:
    (requests, bytes of every response body, requests to other hosts). Bytes are the
    decoded bodies, so they do not depend on the server's compression or on timing."""
    context = browser.new_context()
    page = context.new_page()
    sizes, foreign = [], set()

    def on_response(response):
        try:
            sizes.append(len(response.body()))
        except Exception:  # redirects and aborted requests have no body
            sizes.append(0)

    def on_request(request):
        if not request.url.startswith((local, "data:", "blob:", "file:")):
            foreign.add(request.url)

    page.on("response", on_response)
    page.on("request", on_request)
    try:
        page.goto(url, wait_until="networkidle")
    finally:
        context.close()
    return len(sizes) + len(foreign), sum(sizes), len(foreign)


def page_weights(browser, html: Path, names: list[str] | None = None) -> dict[str, tuple[int, int, int]]:
    """Per page: (requests, bytes transferred, requests to other hosts)."""
    httpd, base = serve(html)
    try:
        return {name: first_load(browser, f"{base}/{name}", base)
                for name in (pages_of(html) if names is None else names)}
    finally:
        httpd.shutdown()
        httpd.server_close()


def vanilla_book(folder: Path) -> Path:
    """A vanilla `jupyter-book create` book, built in `folder`; returns the book."""
    book = folder / "vanilla"
    run([str(BIN / "jupyter-book"), "create", str(book)], folder)
    run([str(BIN / "jupyter-book"), "build", str(book)], book)
    return book


#: the vanilla template's first page, the reference for the byte budget
VANILLA_PAGE = "intro.html"


def widget_latency(browser, html: Path) -> dict[str, tuple[float, float]]:
    """Per widget kind, the worst page's medians: (input to updated DOM, key press to frame)."""
    httpd, base = serve(html)
    medians: dict[str, list[float]] = {}
    frames: dict[str, list[float]] = {}
    try:
        for name in pages_of(html):
            if "widget-view+json" not in (html / name).read_text(encoding="utf-8"):
                continue
            page = browser.new_page()
            page.goto(f"{base}/{name}")
            page.wait_for_function(
                "document.documentElement.classList.contains('miskraam-widgets-ready')")
            for root in page.locator(".miskraam-widget [data-widget]").all():
                kind = root.get_attribute("data-widget")
                times = root.evaluate_handle("el => el").evaluate(
                    f"(root, args) => ({MEASURE})([root, args[0], args[1]])",
                    [INPUTS[kind], SAMPLES])
                medians.setdefault(kind, []).append(statistics.median(times))
                frames.setdefault(kind, []).append(key_to_frame(page, root, kind))
            page.close()
    finally:
        httpd.shutdown()
        httpd.server_close()
    return {kind: (max(values), max(frames[kind])) for kind, values in sorted(medians.items())}


def summary(weights: dict[str, tuple[int, int, int]]) -> tuple[float, float, int, int]:
    requests = [w[0] for w in weights.values()]
    kilobytes = [w[1] / 1024 for w in weights.values()]
    return (statistics.median(requests), statistics.median(kilobytes), max(requests),
            sum(w[2] for w in weights.values()))


def main() -> int:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        course = copy_course(work / "course")
        vanilla = work / "vanilla"
        run([str(BIN / "jupyter-book"), "create", str(vanilla)], work)
        start = "index.html"  # the root redirect to the first page, as a reader opens it

        course_times = build_times(course, course / "book" / "deel1" / "oorzaken.md",
                                   ["-W", "-n", "--keep-going"])
        vanilla_times = build_times(vanilla, vanilla / "markdown.md", [])

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            course_weights = page_weights(browser, course / "_build" / "html")
            start_weight = page_weights(browser, course / "_build" / "html", [start])[start]
            vanilla_weights = page_weights(browser, vanilla / "_build" / "html")
            latency = widget_latency(browser, course / "_build" / "html")
            browser.close()

    course_sum, vanilla_sum = summary(course_weights), summary(vanilla_weights)
    reference = vanilla_weights[VANILLA_PAGE][1]
    heaviest = max(course_weights, key=lambda name: course_weights[name][1])
    lines = [
        "# Benchmark report",
        "",
        f"Made by `make benchmark` on {time.strftime('%Y-%m-%d')}, on this project's machine "
        "(2 cores). Timings vary between runs and machines; compare within one report.",
        "",
        "| measure | Miskraam | vanilla `jupyter-book create` |",
        "|---|---|---|",
        f"| pages | {len(course_weights)} | {len(vanilla_weights)} |",
        f"| clean build (s) | {course_times[0]:.1f} | {vanilla_times[0]:.1f} |",
        f"| rebuild after editing one page (s) | {course_times[1]:.1f} | {vanilla_times[1]:.1f} |",
        f"| pages executed in a clean build | {course_times[2]} | {vanilla_times[2]} |",
        f"| requests per page, median (max) | {course_sum[0]:.0f} ({course_sum[2]}) "
        f"| {vanilla_sum[0]:.0f} ({vanilla_sum[2]}) |",
        f"| kB transferred per page, median | {course_sum[1]:.0f} | {vanilla_sum[1]:.0f} |",
        f"| requests to other hosts, all pages | {course_sum[3]} | {vanilla_sum[3]} |",
        "",
        f"## Bytes of a first page load, against the vanilla `{VANILLA_PAGE}` "
        f"({reference:,} bytes)",
        "",
        "Empty cache; every response body counted. The tests hold the ratio at 0.25 or less.",
        "",
        "| page | bytes | ratio |",
        "|---|---|---|",
        f"| start page (`{start}`, redirect included) | {start_weight[1]:,} | "
        f"{start_weight[1] / reference:.2f} |",
        f"| heaviest page (`{heaviest}`) | {course_weights[heaviest][1]:,} | "
        f"{course_weights[heaviest][1] / reference:.2f} |",
        f"| median page | {course_sum[1] * 1024:,.0f} | {course_sum[1] * 1024 / reference:.2f} |",
        "",
        "The course build executes only the student notebooks (widget chapters are plain MyST: "
        "the `{widget}` directive).",
        "",
        f"## Widget latency (median of {SAMPLES}, worst page)",
        "",
        "Input to updated DOM: the widget's own work. Key press to next frame: a real key "
        "press (Playwright, through Chromium's input pipeline) to the next animation frame "
        "after the widget's handlers ran, what a reader waits for; the budget is one frame.",
        "",
        "| widget | input to DOM (ms) | key press to next frame (ms) | within 16 ms |",
        "|---|---|---|---|",
        *[f"| {kind} | {dom:.2f} | {frame:.1f} | {'ja' if frame < 16 else 'NEE'} |"
          for kind, (dom, frame) in latency.items()],
        "",
        HISTORY,
    ]
    report = ROOT / "benchmark" / "report.md"
    report.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())

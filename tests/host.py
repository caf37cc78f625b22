"""The built book on a local address, one server for all tests (`static_host`).

`StaticHost` serves it as a static host does (GitHub Pages, Netlify, nginx): text compressed
with gzip when the browser asks for it, and ``404.html`` from the book's root, with status
404, for an address that does not exist: for the tests that measure or try what a reader of
the published book gets, Lighthouse (test_lighthouse.py) and the 404 page (test_notfound.py),
through conftest's `host`. `PlainFiles` is Python's own file server, conftest's `server`."""

from __future__ import annotations

import functools
import gzip
import http.server
import threading
from contextlib import contextmanager
from pathlib import Path

COMPRESSED = {".html", ".css", ".js", ".svg", ".json", ".txt", ".xml", ".webmanifest", ".map"}


class StaticHost(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".webmanifest": "application/manifest+json", ".mjs": "text/javascript"}

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            return self._send(Path(self.directory) / "404.html", 404)
        return self._send(path, 200)

    def _send(self, path: Path, status: int):
        body = path.read_bytes() if path.is_file() else b"Not found"
        gzipped = (path.suffix in COMPRESSED
                   and "gzip" in self.headers.get("Accept-Encoding", ""))
        if gzipped:
            body = gzip.compress(body, compresslevel=6, mtime=0)
        self.send_response(status)
        self.send_header("Content-Type", self.guess_type(str(path)))
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")  # GitHub Pages' own lifetime
        self.end_headers()
        self.body = body
        return None

    def do_GET(self):
        self.body = b""
        self.send_head()
        try:
            self.wfile.write(self.body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the browser went on (Lighthouse closes connections it no longer needs)

    def do_HEAD(self):
        self.send_head()


class PlainFiles(http.server.SimpleHTTPRequestHandler):
    """Python's own file server, quiet: what most tests open the book from (`server`)."""

    def log_message(self, *args):
        pass


@contextmanager
def static_host(folder: Path, handler_class=StaticHost):
    """A host for `folder` on 127.0.0.1; yields its address (no trailing slash)."""
    handler = functools.partial(handler_class, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()

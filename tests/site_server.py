"""Serve a built site under a sub-path on a free loopback port, as GitHub Pages serves a project site."""

from __future__ import annotations

import functools
import gzip
import threading
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_POST(self):
        """A POST gets the file at its path, as a GET would: an LMS's commit endpoint with a fixed answer."""
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.do_GET()


class _Gzipped(_Quiet):
    """Text files gzip-compressed (level 6) for a client that accepts it, as GitHub Pages sends them."""

    TEXT = {".html", ".css", ".js", ".json", ".svg", ".xml"}

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file() or path.suffix not in self.TEXT:
            return super().do_GET()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serving(root: Path, compressed: bool = False):
    """Serve `root` on 127.0.0.1 at a free port, gzip-compressed if `compressed`; yields the base URL."""
    handler = _Gzipped if compressed else _Quiet
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def framed_by_another_site(url: str, folder: Path):
    """A page of another site (localhost, not 127.0.0.1, on its own port) that frames `url`; yields its address.

    To that page's browser the framed course is third-party: what it stores is what Chromium blocks or
    partitions for embedded sites."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.html").write_text(
        f'<!doctype html><html><body><iframe id="framed" src="{url}" style="width:100%;height:95vh"></iframe></body></html>',
        encoding="utf-8")
    with serving(folder) as base:
        yield base.replace("127.0.0.1", "localhost") + "/index.html"

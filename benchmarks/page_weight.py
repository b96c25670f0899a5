"""What a learner's phone downloads: bytes of a module page (with its role-plays) in each language, before
any interaction and after a first search, of the progress page, of a module page of a course ten times
larger, against the same Markdown built as a plain Material page, and the size of the course's own
script and styles.

    python benchmarks/page_weight.py

Goal: a module page's first visit at most 100 KB gzip before any interaction (never above 130), and
the first search answering without a visible wait on a normal connection (timed from the search key).

Sizes are measured in Debian's Chromium (every response of a first visit, empty cache) and compressed
with gzip -6, as GitHub Pages serves them. Budget: our script and styles together under 15 KB compressed.
"""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.conftest import copy_real_course  # noqa: E402 - the course as the tests copy it
from tests.site_server import serving  # noqa: E402 - the same server the tests use

# What a Chinese module page loads of the course's own, as the built site serves it (minified); not the offline shim.
OWN_FILES = ("storage-guard.js", "search.js", "search-on-demand.js", "progress.js", "roleplay.js", "language.js",
             "course.css", "favicon.svg")
BUDGET = 15 * 1024


def compressed(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def build(folder: Path) -> Path:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": ""}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=folder, env=env, check=True)
    return folder / "site"


def real_course(target: Path) -> Path:
    return build(copy_real_course(target))


def plain_material(target: Path, markdown: str) -> Path:
    (target / "docs").mkdir(parents=True)
    (target / "docs" / "index.md").write_text(markdown, encoding="utf-8")
    (target / "mkdocs.yml").write_text("site_name: Plain\ntheme:\n  name: material\n  language: zh\n  font: false\n",
                                       encoding="utf-8")
    return build(target)


def weigh(site: Path, path: str, query: str | None = None) -> tuple[int, int, int]:
    """(requests, bytes, bytes compressed) of a first visit to `path`, and of a first search for `query` if given."""
    bodies: list[bytes] = []
    with serving(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page()
        page.on("response", lambda response: bodies.append(response.body()) if response.ok else None)
        page.goto(base + path, wait_until="networkidle")
        if query:
            page.keyboard.press("s")
            page.locator("input.md-search__input").fill(query)
            page.locator("input.md-search__input").press("End")
            page.locator(".md-search-result__item").first.wait_for()
            page.wait_for_load_state("networkidle")
        browser.close()
    return len(bodies), sum(map(len, bodies)), sum(map(compressed, bodies))


QUERIES = {"": "退货", "ko/": "반품", "bg/": "връщане"}
# Chrome's "Fast 4G" preset, a normal phone connection, and its "Slow 4G" one (Lighthouse's mobile run).
CONNECTIONS = {"fast 4G (9 Mbit/s, 60 ms)": (9_000_000, 60), "slow 4G (1.6 Mbit/s, 150 ms)": (1_600_000, 150)}


def first_result_seconds(site: Path, path: str, query: str, bits_per_second: int, latency_ms: int) -> float:
    """Seconds from the search key, pressed on a loaded page, to the first result shown, on a throttled
    connection that carries the files gzip-compressed, as GitHub Pages sends them."""
    with serving(site, compressed=True) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page()
        network = page.context.new_cdp_session(page)
        network.send("Network.enable")
        network.send("Network.emulateNetworkConditions", {"offline": False, "latency": latency_ms,
                     "downloadThroughput": bits_per_second / 8, "uploadThroughput": bits_per_second / 8})
        page.goto(base + path, wait_until="networkidle")
        start = page.evaluate("performance.now()")
        page.keyboard.press("s")
        page.keyboard.type(query)
        page.locator(".md-search-result__item").first.wait_for(timeout=60_000)
        seconds = (page.evaluate("performance.now()") - start) / 1000
        browser.close()
    return seconds


def larger_course(target: Path, copies: int) -> Path:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from build_speed import course_copy  # the same synthetic course the build benchmark times

    return build(course_copy(target, copies))


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        site = real_course(scratch / "course")
        pages = {p.parent.name: p.read_text(encoding="utf-8") for p in site.glob("*/index.html")}
        modules = [name for name, html in pages.items() if 'class="course-dialogue"' in html]
        module = max(modules, key=lambda name: pages[name].count("data-roleplay="))
        subprocess.run([sys.executable, "-m", "builder.cli", "render", str(scratch / "md")], cwd=scratch / "course",
                       check=True, stdout=subprocess.DEVNULL)
        plain = plain_material(scratch / "plain", (scratch / "md" / "zh" / f"{module}.md").read_text("utf-8"))
        rows = []
        for language, query in QUERIES.items():
            rows.append((f"module page /{language}{module}/", *weigh(site, f"/{language}{module}/")))
            rows.append((f"  … after a first search for {query}", *weigh(site, f"/{language}{module}/", query)))
        rows.append(("progress page /progress/", *weigh(site, "/progress/")))
        larger = larger_course(scratch / "larger", 10)
        rows.append((f"module page /{module}/, course x10", *weigh(larger, f"/{module}/")))
        rows.append(("  … after a first search for 退货", *weigh(larger, f"/{module}/", "退货")))
        rows.append(("same Markdown, plain Material", *weigh(plain, "/")))
        own = sum(compressed((site / "assets" / "course" / name).read_bytes()) for name in OWN_FILES)
        waits = [(f"/{language}{module}/ {query}, {connection}", first_result_seconds(site, f"/{language}{module}/", query, *speed))
                 for language, query in QUERIES.items() for connection, speed in CONNECTIONS.items()]
    print(f"{'page':<48}{'requests':>9}{'KB':>9}{'KB gzip':>9}")
    for name, requests, raw, packed in rows:
        print(f"{name:<48}{requests:>9}{raw / 1024:>9.1f}{packed / 1024:>9.1f}")
    print("from the search key to the first result shown:")
    for name, seconds in waits:
        print(f"  {name}: {seconds:.2f} s")
    print(f"our scripts, styles and icon: {own / 1024:.1f} KB gzip (budget {BUDGET / 1024:.0f} KB): "
          + ("within budget" if own <= BUDGET else "OVER BUDGET"))


if __name__ == "__main__":
    main()

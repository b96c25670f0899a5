"""Lighthouse timings of the real course on a phone over a slow mobile network, against plain Material.

    npm ci --prefix benchmarks/lighthouse && python benchmarks/lighthouse.py

Lighthouse's default mobile run (Moto G-class phone, simulated slow 4G: 150 ms, 1.6 Mbit/s) drives
Debian's Chromium. Responses are gzip-compressed, as GitHub Pages serves them. Not a test: the
figures go into benchmarks/README.md.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks.page_weight import plain_material, real_course  # noqa: E402 - same builds as the weights
from tests.site_server import serving  # noqa: E402 - gzip-compressed, as GitHub Pages sends the files

LIGHTHOUSE = ROOT / "benchmarks/lighthouse/node_modules/.bin/lighthouse"
AUDITS = {"first-contentful-paint": "FCP", "largest-contentful-paint": "LCP", "speed-index": "SI",
          "total-blocking-time": "TBT", "cumulative-layout-shift": "CLS"}


def lighthouse(url: str) -> dict:
    env = {**os.environ, "CHROME_PATH": "/usr/bin/chromium"}
    result = subprocess.run(
        [str(LIGHTHOUSE), url, "--quiet", "--output=json", "--output-path=stdout",
         "--only-categories=performance,accessibility,best-practices",
         "--chrome-flags=--headless=new --no-sandbox"],
        env=env, capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def measure(site: Path, path: str) -> dict:
    with serving(site, compressed=True) as base:
        report = lighthouse(base + path)
    row = {name: report["audits"][audit]["displayValue"] for audit, name in AUDITS.items()}
    row.update({category: round(report["categories"][category]["score"] * 100)
                for category in ("performance", "accessibility", "best-practices")})
    return row


def main() -> None:
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is missing: npm ci --prefix benchmarks/lighthouse")
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        site = real_course(scratch / "course")
        subprocess.run([sys.executable, "-m", "builder.cli", "render", str(scratch / "md")], cwd=scratch / "course",
                       check=True, stdout=subprocess.DEVNULL)
        module = "calming-upset-customers"
        plain = plain_material(scratch / "plain", (scratch / "md" / "zh" / f"{module}.md").read_text("utf-8"))
        rows = {f"/{module}/ (4 role-plays)": measure(site, f"/{module}/"),
                f"/ko/{module}/": measure(site, f"/ko/{module}/"),
                "/bg/progress/": measure(site, "/bg/progress/"),
                "same Markdown, plain Material": measure(plain, "/")}
    columns = [*AUDITS.values(), "performance", "accessibility", "best-practices"]
    print("| page | " + " | ".join(columns) + " |")
    print("|---" * (len(columns) + 1) + "|")
    for name, row in rows.items():
        print(f"| {name} | " + " | ".join(str(row[column]) for column in columns) + " |")


if __name__ == "__main__":
    main()

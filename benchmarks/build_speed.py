"""Time the course build against plain MkDocs on the same pages, and on a course ten times larger.

    python benchmarks/build_speed.py [--runs 3]

Prints the median wall time of each build and the ratios. Goal: our build within
1.25x of plain MkDocs on the same pages, growing no faster than linearly.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
THEME = ROOT / "builder" / "theme"


def timed_build(folder: Path, runs: int) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": ""}
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=folder, env=env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def course_copy(target: Path, copies: int) -> Path:
    """The project's course, each module repeated `copies` times under new ids (scenarios and guides as they are)."""
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copy(ROOT / "content" / "glossary.yaml", target / "glossary.yaml")
    for folder in ("quizzes", "guides"):
        if (ROOT / folder).is_dir():
            shutil.copytree(ROOT / folder, target / folder)
    for language_dir in (ROOT / "content").iterdir():
        if not language_dir.is_dir():
            continue
        out = target / "content" / language_dir.name
        out.mkdir(parents=True)
        modules = sorted(language_dir.glob("*.yaml"))
        for copy in range(copies):
            for module in modules:
                text = module.read_text(encoding="utf-8")
                order = int(re.search(r"^order: (\d+)", text, re.M).group(1))
                text = re.sub(r"^order: \d+", f"order: {copy * 100 + order}", text, flags=re.M)
                stem = module.stem if copy == 0 else f"{module.stem}-{copy}"  # scenarios name the originals
                (out / f"{stem}.yaml").write_text(text, encoding="utf-8")
    shutil.move(target / "glossary.yaml", target / "content" / "glossary.yaml")
    return target


def plain_copy(course: Path, target: Path) -> Path:
    """The same rendered pages and theme, built by MkDocs without the course plugin."""
    subprocess.run([sys.executable, "-m", "builder.cli", "render", str(target / "docs")], cwd=course, check=True,
                   stdout=subprocess.DEVNULL)
    config = (course / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  - course\n", "")
    config = config.replace("docs_dir: content", "docs_dir: docs")
    config = config.replace("  name: material\n", f"  name: material\n  custom_dir: {THEME}\n")
    pages = sorted(p.name for p in (target / "docs" / "zh").glob("*.md") if p.name != "index.md")
    config += "\nextra_css: [assets/course/course.css]\nnav:\n  - index.md\n"
    config += "".join(f"  - {page}\n" for page in pages)
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        rows = []
        for name, copies in (("course", 1), ("course x10", 10)):
            (scratch / name / "ours").mkdir(parents=True)
            ours = course_copy(scratch / name / "ours", copies)
            plain = plain_copy(ours, scratch / name / "plain")
            pages = len(list((plain / "docs").rglob("*.md")))
            rows.append((name, pages, timed_build(ours, runs), timed_build(plain, runs)))
    print(f"{'build':<12}{'pages':>6}{'ours (s)':>10}{'plain (s)':>11}{'ratio':>7}")
    for name, pages, ours, plain in rows:
        print(f"{name:<12}{pages:>6}{ours:>10.2f}{plain:>11.2f}{ours / plain:>7.2f}")
    (small_pages, small), (large_pages, large) = [(r[1], r[2]) for r in rows]
    print(f"growth: {large / small:.2f}x the time for {large_pages / small_pages:.2f}x the pages")


if __name__ == "__main__":
    main()

"""Time the course build against plain MkDocs on the same pages, stage by stage, and a YAML edit under `serve`.

    python benchmarks/build_speed.py [--runs 5] [--copies 10]

On the real course and on a synthetic course `--copies` times larger (every module and role-play
repeated under new ids), prints the median of `--runs`:
- the whole `mkdocs build`, ours and plain MkDocs building the same rendered Markdown with the same
  theme, assets and i18n set-up but without the course plugin (goal: ratio at most 1.10, never
  above 1.25);
- the course's own stages in one process: load (read and parse every YAML file), check (the rest
  of `load_course`: schema, parity, graph, cue and wording checks), render (Markdown of every page);
- the time from saving a file under `mkdocs serve` to the page served with the change: a module's
  YAML for ours, the same page's Markdown for plain MkDocs.
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
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from builder.site_config import site_languages, site_settings  # noqa: E402 - the course's own stages, timed in-process
from builder.course import load_course  # noqa: E402
from builder.load import load  # noqa: E402
from builder.render import render_course  # noqa: E402
from tests.site_server import free_port  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": ""}


def median_time(action, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def mkdocs_build(folder: Path) -> None:
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=folder, env=ENV, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def course_copy(target: Path, copies: int) -> Path:
    """The project's course with every module and role-play repeated `copies` times under new ids."""
    target.mkdir(parents=True)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if copies > 1:  # every sentence now stands in `copies` role-plays: the stock-sentence cue means nothing here
        config = config.replace("  - course:", "  - course:\n      cue_pass_limit: 100", 1)
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    shutil.copytree(ROOT / "guides", target / "guides")
    (target / "content").mkdir()
    for file in (ROOT / "content").glob("*.*"):  # the glossary, the certain words, the editors' schemas
        shutil.copy(file, target / "content" / file.name)
    for copy in range(copies):
        suffix = "" if copy == 0 else f"-{copy}"
        for language_dir in (path for path in (ROOT / "content").iterdir() if path.is_dir()):
            (target / "content" / language_dir.name).mkdir(exist_ok=True)
            for module in language_dir.glob("*.yaml"):
                text = module.read_text(encoding="utf-8")
                text = re.sub(r"^order: (\d+)", lambda m: f"order: {copy * 100 + int(m.group(1))}", text, flags=re.M)
                (target / "content" / language_dir.name / f"{module.stem}{suffix}.yaml").write_text(text, "utf-8")
        (target / "quizzes").mkdir(exist_ok=True)
        for scenario in (ROOT / "quizzes").glob("*.*"):
            text = scenario.read_text(encoding="utf-8")
            if scenario.suffix == ".yaml":  # the copy practises the copied module; its links stay valid
                text = re.sub(r"^module: (\S+)", rf"module: \g<1>{suffix}", text, flags=re.M)
            (target / "quizzes" / f"{scenario.stem}{suffix if scenario.suffix == '.yaml' else ''}{scenario.suffix}"
             ).write_text(text, "utf-8")
    return target


def plain_copy(course: Path, target: Path) -> Path:
    """The same rendered pages, theme assets and i18n set-up, built by MkDocs without the course plugin."""
    subprocess.run([sys.executable, "-m", "builder.cli", "render", str(target / "docs")], cwd=course, check=True,
                   stdout=subprocess.DEVNULL, env=ENV)
    shutil.copytree(ROOT / "builder" / "theme" / "assets", target / "docs" / "zh" / "assets")
    config = (course / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"^  - course\b.*\n(?:      .*\n)*", "", config, flags=re.M)  # the plugin and its options
    config = config.replace("docs_dir: content", "docs_dir: docs")
    config = config.replace("language: zh-Hans", "language: zh")  # zh-Hans is the course theme's partial
    pages = sorted(p.name for p in (target / "docs" / "zh").glob("*.md") if p.name != "index.md")
    config += ("\nextra_css: [assets/course/course.css]\nextra_javascript: [assets/course/roleplay.js, "
               "assets/course/progress.js]\nnav:\n  - index.md\n" + "".join(f"  - {page}\n" for page in pages))
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    return target


def stages(course: Path, runs: int) -> dict[str, float]:
    config = course / "mkdocs.yml"
    languages, settings = site_languages(config), site_settings(config)
    files = sorted((course / "content").rglob("*.yaml")) + sorted((course / "quizzes").glob("*.yaml"))
    loading = median_time(lambda: [load(file, file.name, frozenset()) for file in files], runs)
    checking = median_time(lambda: load_course(course, languages, settings), runs) - loading
    loaded = load_course(course, languages, settings)
    rendering = median_time(lambda: render_course(loaded), runs)
    return {"load": loading, "check": checking, "render": rendering}


def reload_time(folder: Path, edited: Path, page: str, runs: int) -> float:
    """Seconds from saving `edited` to `page` served with the edit, under `mkdocs serve`."""
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"], cwd=folder,
                              env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/{page}"
    try:
        wait_for(url, lambda body: True, 300)
        original, times = edited.read_text(encoding="utf-8"), []
        for run in range(runs):
            marker = f"reload-marker-{run}"
            edited.write_text(original.replace("title: ", f"title: {marker} ", 1) if edited.suffix == ".yaml"
                              else original.replace("# ", f"# {marker} ", 1), encoding="utf-8")
            start = time.perf_counter()
            wait_for(url, lambda body, marker=marker: marker in body, 120)
            times.append(time.perf_counter() - start)
        edited.write_text(original, encoding="utf-8")
        return statistics.median(times)
    finally:
        server.terminate()
        server.wait(30)


def wait_for(url: str, ready, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if ready(response.read().decode("utf-8")):
                    return
        except OSError:
            pass
        time.sleep(0.05)
    raise TimeoutError(f"{url} did not show the change within {timeout} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--copies", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        for name, copies in (("course", 1), (f"course x{args.copies}", args.copies)):
            ours = course_copy(Path(scratch) / name / "ours", copies)
            plain = plain_copy(ours, Path(scratch) / name / "plain")
            pages = len(list((plain / "docs").rglob("*.md")))
            ours_s, plain_s = median_time(lambda: mkdocs_build(ours), args.runs), median_time(lambda: mkdocs_build(plain), args.runs)
            times = stages(ours, args.runs)
            print(f"{name}: {pages} pages; build ours {ours_s:.2f} s, plain {plain_s:.2f} s, ratio {ours_s / plain_s:.2f}; "
                  + ", ".join(f"{stage} {seconds:.2f} s" for stage, seconds in times.items())
                  + f", MkDocs and the rest {ours_s - sum(times.values()):.2f} s")
            if copies == 1:
                module = "online-safety"
                ours_reload = reload_time(ours, ours / "content" / "zh" / f"{module}.yaml", f"{module}/", args.runs)
                plain_reload = reload_time(plain, plain / "docs" / "zh" / f"{module}.md", f"{module}/", args.runs)
                print(f"{name}: saving a file under serve to the reloaded page: ours {ours_reload:.2f} s "
                      f"(a module's YAML), plain {plain_reload:.2f} s (its Markdown)")


if __name__ == "__main__":
    main()

"""The GitHub Pages workflow a manager relies on: it parses, uses only official actions, and its build works."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import yaml

from .conftest import ROOT, copy_real_course

WORKFLOW = ROOT / ".github/workflows/pages.yml"


def steps() -> list[dict]:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def test_workflow_parses_and_publishes_on_push_and_checks_pull_requests():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert {"push", "pull_request", "workflow_dispatch"} <= set(triggers)
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert workflow["jobs"]["deploy"]["needs"] == "build"
    assert "pull_request" in workflow["jobs"]["deploy"]["if"]


def test_workflow_uses_only_official_actions_pinned_to_a_major_version():
    used = [step["uses"] for step in steps() if "uses" in step]
    assert used, "the workflow uses no actions at all"
    for action in used:
        assert re.fullmatch(r"actions/[a-z-]+@v\d+", action), action


def test_workflow_checks_the_course_then_builds_it_strictly():
    commands = [step["run"].strip() for step in steps() if "run" in step]
    assert "course check" in commands
    assert "mkdocs build --strict" in commands
    assert commands.index("course check") < commands.index("mkdocs build --strict")


def test_the_workflows_build_step_builds_the_real_course(tmp_path: Path):
    copy_real_course(tmp_path)
    step = next(step for step in steps() if step.get("run", "").startswith("mkdocs build"))
    env = {**os.environ, **{key: str(value) for key, value in step.get("env", {}).items()}}
    env["SITE_URL"] = "https://owner.github.io/course/"  # what configure-pages gives
    result = subprocess.run(step["run"], shell=True, cwd=tmp_path, env=env, capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site/index.html").is_file() and (tmp_path / "site/bg/index.html").is_file()

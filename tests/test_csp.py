"""Every page carries a Content-Security-Policy that lets only the site's own scripts run."""

from __future__ import annotations

import re
from pathlib import Path

from .site_server import serving


def test_every_page_of_the_course_declares_the_policy_before_any_script(built_course: Path):
    pages = list(built_course.rglob("*.html"))
    assert len(pages) > 30
    for page in pages:
        html = page.read_text(encoding="utf-8")
        policy = html.find('<meta http-equiv="Content-Security-Policy"')
        assert 0 < policy < html.find("<script"), page
        content = re.search(r'Content-Security-Policy" content="([^"]*)"', html).group(1)
        assert "default-src 'self'" in content and "'unsafe-inline'" not in content, page


def test_the_browser_runs_the_sites_scripts_and_blocks_an_injected_one(browser, built_fixture: Path):
    context = browser.new_context()
    page = context.new_page()
    with serving(built_fixture) as base:
        page.goto(base + "/ko/greeting/")
        page.locator(".course-chat-window").wait_for()  # our script ran
        assert "js" in page.evaluate("document.documentElement.className")  # Material's inline scripts ran
        violations = page.evaluate("""() => new Promise(resolve => {
            const seen = [];
            document.addEventListener('securitypolicyviolation', event => seen.push(event.violatedDirective));
            const script = document.createElement('script');
            script.textContent = 'window.injected = true';
            document.head.appendChild(script);
            setTimeout(() => resolve(seen), 300);
        })""")
        assert violations == ["script-src-elem"]
        assert page.evaluate("window.injected") is None
    context.close()

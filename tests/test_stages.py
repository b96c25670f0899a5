"""Unit tests of the stages below the site: the scenario graph, the CSP, the search split, page
writing, staging and links, each on small data made here, in milliseconds (the quick loop)."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from builder.csp import with_csp
from builder.graph import Play, best_path
from builder.links import link_problems, within_print_page
from builder.pages import write_pages
from builder.schema import Choice, Module, Scenario
from builder.search_by_language import split_search_index, with_language_base
from builder.staging import discard, publish, staging_dir

from .conftest import FIXTURE

SCENARIO = Scenario.model_validate(yaml.safe_load((FIXTURE / "quizzes/size-question.yaml").read_text(encoding="utf-8")))


def scenario_with(**changes) -> Scenario:
    data = SCENARIO.model_dump(mode="json", exclude_none=True)
    data.update(changes)
    return Scenario.model_validate(data)


def test_the_graph_walks_every_mood_a_turn_is_met_with():
    play = Play(SCENARIO)
    assert play.max_score == 20
    assert best_path(SCENARIO) == ["opening", "delivery", "ordered"]
    # delivery is met calm (3, after the best opening) and upset (2, after recovering from the curt one)
    assert sorted(mood for node, mood in play.states if node == "delivery") == [2, 3]


def test_a_customer_whose_mood_falls_to_the_threshold_walks_away_whatever_the_reply_says():
    play = Play(scenario_with(walk_away={"at": 1, "ending": "left"}))
    curt = SCENARIO.turns[0].choices[1]
    assert play.after(play.start, curt) == ("left", 1)


def test_a_mood_branch_takes_the_first_way_whose_condition_holds():
    data = SCENARIO.turns[0].choices[0].model_dump(mode="json")
    data["next"] = [{"if_mood_at_least": 3, "to": "delivery"}, {"to": "cold-reply"}]
    choice = Choice.model_validate(data)
    assert [choice.leads_to(mood) for mood in range(5)] == ["cold-reply"] * 3 + ["delivery"] * 2


def test_the_csp_allows_the_pages_own_inline_scripts_by_hash_and_nothing_from_elsewhere():
    html = ('<head><meta charset="utf-8"><script>var a=1</script><script src="x.js"></script>'
            '<script type="application/json">{"b":2}</script></head>')
    out = with_csp(html)
    meta = out[out.index("<meta http-equiv"):out.index(">", out.index("<meta http-equiv")) + 1]
    assert out.index('<meta charset="utf-8">') < out.index(meta) < out.index("<script>")
    assert "script-src 'self' 'sha256-" in meta and meta.count("sha256-") == 1
    assert "default-src 'self'" in meta and "connect-src 'self'" in meta


def test_the_search_index_is_split_into_one_per_language_with_only_its_own_lunr_support(tmp_path: Path):
    docs = [{"location": "", "title": "首页", "text": ""}, {"location": "ko/", "title": "홈", "text": ""},
            {"location": "bg/a/", "title": "А", "text": ""}]
    (tmp_path / "search").mkdir()
    (tmp_path / "search/search_index.json").write_text(json.dumps(
        {"config": {"lang": ["en", "zh", "ko"], "separator": " "}, "docs": docs}), encoding="utf-8")
    split_search_index(tmp_path, ("zh", "ko", "bg"))
    index = {language: json.loads((tmp_path / folder / "search/search_index.json").read_text(encoding="utf-8"))
             for language, folder in (("zh", "."), ("ko", "ko"), ("bg", "bg"))}
    assert [doc["location"] for doc in index["zh"]["docs"]] == [""]
    assert [doc["location"] for doc in index["ko"]["docs"]] == [""]
    assert [doc["location"] for doc in index["bg"]["docs"]] == ["a/"]
    assert {language: found["config"]["lang"] for language, found in index.items()} == {
        "zh": ["en", "zh"], "ko": ["en", "ko"], "bg": ["en"]}


def test_a_language_page_looks_for_its_search_in_its_own_folder():
    html = '<script id="__config" type="application/json">{"base": "..", "features": []}</script>'
    assert '"base": "../ko/"' in with_language_base(html, "ko")


def test_pages_are_written_only_when_they_change_and_old_ones_go(tmp_path: Path):
    assert write_pages(tmp_path, {"zh/a.md": "A", "zh/b.md": "B"}) == ["zh/a.md", "zh/b.md"]
    stamp = (tmp_path / "zh/a.md").stat().st_mtime_ns
    assert write_pages(tmp_path, {"zh/a.md": "A", "zh/c.md": "C"}) == ["zh/c.md", "zh/b.md"]
    assert (tmp_path / "zh/a.md").stat().st_mtime_ns == stamp and not (tmp_path / "zh/b.md").exists()


def test_a_finished_build_replaces_the_site_and_a_failed_one_leaves_it(tmp_path: Path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("old", encoding="utf-8")
    staging = staging_dir(site)
    staging.mkdir()
    (staging / "index.html").write_text("half", encoding="utf-8")
    discard(staging)
    assert (site / "index.html").read_text(encoding="utf-8") == "old" and not staging.exists()
    staging.mkdir()
    (staging / "index.html").write_text("new", encoding="utf-8")
    publish(staging, site)
    assert (site / "index.html").read_text(encoding="utf-8") == "new"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]


def test_links_to_missing_modules_or_sections_are_found_and_kept_inside_the_print_page():
    module = Module.model_validate({
        "order": 1, "title": "T", "summary": "S", "objectives": ["see [a](calming.md#vent)"],
        "sections": [{"id": "first", "title": "F", "body": "[b](greeting.md#last) [c](greeting.md#first)",
                      "key_points": ["k"]}], "takeaways": ["t"]})
    assert link_problems(module, {"greeting": ["first"]}) == [
        (("objectives", 0), "the link 'calming.md' goes to no module; the modules are: greeting"),
        (("sections", 0, "body"), "the link 'greeting.md#last' goes to no section of 'greeting'; its sections are: first")]
    assert within_print_page("[x](greeting.md#first) [y](#takeaways) [z](calming.md)", "greeting") == (
        "[x](#greeting--first) [y](#greeting--takeaways) [z](#calming)")

"""The course's work at each MkDocs event.

Before MkDocs collects any file, the course is loaded and checked (a broken
course stops here, before anything is written) and rendered into a generated,
git-ignored docs folder: mkdocs-static-i18n only localises real files under
`docs_dir`, so the pages must exist on disk, one folder per language.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger

from ..course import load_course
from ..csp import with_csp
from ..errors import CourseError
from ..labels import all_labels
from ..minify import minify_assets
from ..layout import WATCHED
from ..pages import write_pages
from ..render import COMPLETION_PAGE, GLOSSARY_PAGE, PRINT_PAGE, PROGRESS_PAGE, Pages, render_course
from ..search_by_language import (
    split_search_index, with_language_base, with_named_search_dialog, write_offline_indexes,
)
from ..settings import Settings
from ..site_config import build_languages, issuer_of
from ..staging import discard, publish, staging_dir
from ..theme_words import localise_theme, with_short_site_name
from ..translations import stale_in
from .config import CourseConfig
from .upstream import copy_language_sitemaps, full_language_tag, polyfills, relative_alternates, without_language_alternates

log = get_plugin_logger("course")
THEME_DIR = str(Path(__file__).parent.parent / "theme")
ASSETS = "assets/course"
MATERIAL_FAVICON = "assets/images/favicon.png"  # Material's default: a 2 KB picture on every first visit
SEARCH_NAMES = all_labels()["search_dialog"]


class CoursePlugin(BasePlugin[CourseConfig]):
    def __init__(self) -> None:
        self.command: str | None = None
        self.site_dir: Path | None = None
        self.staging: Path | None = None
        self.failed = False
        self.pages: Pages | None = None
        self.site_polyfills: list[str] = []  # mkdocs.yml's own; the course's depend on each build's language

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup also keeps this instance across `serve` rebuilds.
        self.command = command

    @event_priority(100)
    def on_config(self, config):
        i18n = config.plugins.get("i18n")
        if i18n is None:
            raise PluginError("the course plugin needs the 'i18n' plugin (mkdocs-static-i18n) in mkdocs.yml")
        if i18n.building:  # static-i18n's nested build of one more language: all is done already
            return config
        root = Path(config.config_file_path).parent
        try:
            course = load_course(root, build_languages(i18n), Settings.of(self.config))
        except CourseError as error:
            raise PluginError(error.report()) from None
        for warning in course.warnings:  # `course check` shows them; a strict build must not stop on them
            log.info(str(warning))
        stale = self._stale_translations(course)
        if self.config.offline:
            # Pages as files (no server maps folders to index.html), and Material's search worker in an
            # iframe: browsers refuse workers from file://.
            config.use_directory_urls = False
        self.site_polyfills = list(config.extra.get("polyfills", []))
        generated = root / self.config.generated_dir / "docs"
        issuer = issuer_of(config, course.languages)
        self.pages = render_course(course, config.use_directory_urls, stale, issuer)
        changed = write_pages(generated, self.pages.markdown)
        log.debug(f"rendered {len(changed)} changed page(s) into {generated}")
        config.docs_dir = str(generated)
        config.nav = ["index.md", *(f"{module_id}.md" for module_id in course.module_ids)]
        if course.glossary and course.glossary.terms:
            config.nav.append(f"{GLOSSARY_PAGE}.md")
        if course.roleplays:
            config.nav += [f"{PROGRESS_PAGE}.md", f"{COMPLETION_PAGE}.md"]
        config.nav.append(f"{PRINT_PAGE}.md")
        config.nav += [f"{name}.md" for name in course.guides.get(course.languages[0], {})]
        config.theme.dirs.insert(0, THEME_DIR)
        if config.theme["favicon"] == MATERIAL_FAVICON:  # a shop's own icon in mkdocs.yml stays
            config.theme["favicon"] = f"{ASSETS}/favicon.svg"
        config.extra_css.append(f"{ASSETS}/course.css")
        # The learner's records first: the chat may start at once, and its first attempt must be this learner's.
        config.extra_javascript += [f"{ASSETS}/{name}.js" for name in ("progress", "roleplay", "language")]
        self._build_aside(config)
        return config

    @staticmethod
    def _stale_translations(course) -> frozenset[tuple[str, str]]:
        stale = stale_in(course)
        for state in stale:
            log.warning(f"the '{state.language}' translation of the {state.kind} '{state.id}' is stale: its source "
                        f"text changed after it was translated. Update {state.file}, then run: "
                        f"course translations --reviewed {state.language} {state.id}")
        return frozenset((state.language, state.id) for state in stale)

    def _build_aside(self, config) -> None:
        site_dir = Path(config.site_dir)
        serving = site_dir.parent == Path(tempfile.gettempdir()) and site_dir.name.startswith("mkdocs_")
        if self.command != "build" or serving:
            return
        self.site_dir, self.staging, self.failed = site_dir, staging_dir(site_dir), False
        discard(self.staging)
        config.site_dir = str(self.staging)

    def on_pre_build(self, config) -> None:
        full_language_tag(config)
        i18n = config.plugins["i18n"]
        localise_theme(config, i18n.current_language)
        config.extra["polyfills"] = [*self.site_polyfills, *polyfills(self.config.offline, i18n.current_language)]
        if i18n.current_language != i18n.default_language:
            # GitHub Pages serves one 404.html, at the root: the source language's.
            config.theme.static_templates.discard("404.html")

    @event_priority(-200)
    def on_post_build(self, config) -> None:
        i18n = config.plugins["i18n"]
        if i18n.building:  # only after the last language is built
            return
        site = Path(config.site_dir)
        copy_language_sitemaps(site, build_languages(i18n))
        split_search_index(site, build_languages(i18n))
        minify_assets(site / ASSETS)
        if self.config.offline:
            write_offline_indexes(site)

    @event_priority(100)  # before any other plugin reads the page: search indexes the role-plays too
    def on_page_content(self, html: str, page, config, files) -> str:
        return self.pages.with_parts(html)

    @event_priority(-100)  # after every other plugin has changed the page: the hashes must match
    def on_post_page(self, output: str, page, config) -> str:
        i18n = config.plugins["i18n"]
        language = i18n.current_language
        if language != i18n.default_language:
            output = with_language_base(output, language)
        return self._finished(output, config, language)

    def on_post_template(self, output_content: str, template_name: str, config) -> str:
        if not template_name.endswith(".html"):
            return output_content
        return self._finished(output_content, config, config.plugins["i18n"].default_language)

    def _finished(self, html: str, config, language: str) -> str:
        html = with_short_site_name(html, config.site_name, config.extra.get("short_name"))
        return with_csp(with_named_search_dialog(html, SEARCH_NAMES[language]), self.config.offline)

    def on_template_context(self, context, template_name: str, config):
        if template_name == "404.html":
            # The 404 page greets every language and links to each one's home page.
            context["course_labels"] = all_labels()
            context["course_languages"] = build_languages(config.plugins["i18n"])
            relative_alternates(config)
            if self.config.offline:
                # MkDocs gives error pages root-absolute links ("/assets/…"), which from disk point
                # at the drive's root; the offline copy's 404.html lies at its root: links from here.
                context["base_url"] = "."
        return context

    def on_page_context(self, context, page, config, nav):
        relative_alternates(config)
        return context

    def on_env(self, env, config, files):
        env.filters["without_language_alternates"] = without_language_alternates
        return env

    def on_serve(self, server, config, builder):
        server.unwatch(config.docs_dir)  # our own output; the sources below are what trainers edit
        root = Path(config.config_file_path).parent
        for folder in WATCHED:
            if (root / folder).is_dir():
                server.watch(str(root / folder))
        return server

    def on_build_error(self, error) -> None:
        self.failed = True

    def on_shutdown(self) -> None:
        if self.staging is None:
            return
        if self.failed or not self.staging.is_dir():
            discard(self.staging)
            log.warning(f"the build failed; the previous site in '{self.site_dir}' is left as it was")
        else:
            publish(self.staging, self.site_dir)
        self.staging = None

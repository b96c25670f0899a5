"""The course plugin's options in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import config_options
from mkdocs.config.base import Config

from ..settings import Settings


class CourseConfig(Config):
    generated_dir = config_options.Type(str, default=".course-build")
    # The course-wide settings (builder/settings.py says what each means).
    pass_mark = config_options.Type(int, default=Settings.pass_mark)
    cue_pass_limit = config_options.Type(int, default=Settings.cue_pass_limit)
    length_ratio = config_options.Type(float, default=Settings.length_ratio)
    # A copy that works opened from disk (file://): set by `course export offline`, not in mkdocs.yml.
    offline = config_options.Type(bool, default=False)
    # The shop whose staff take the course, named on the completion certificate: one name for every
    # language, or {zh: …, ko: …, bg: …}.
    shop = config_options.Type((str, dict), default="")

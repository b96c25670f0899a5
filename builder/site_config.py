"""What the course reads from mkdocs.yml: its languages, its settings, the site's names and the shop.

The MkDocs plugin reads these from the configuration MkDocs hands it, the command line from the
file itself; both go through these functions, so the two faces read mkdocs.yml alike.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from mkdocs.exceptions import PluginError

from .render import Issuer
from .settings import Settings


def build_languages(i18n) -> tuple[str, ...]:
    """The languages an i18n plugin builds, its default (the source language) first."""
    languages = sorted((lang for lang in i18n.config.languages if lang.build), key=lambda lang: not lang.default)
    return tuple(lang.locale for lang in languages)


def site_names(config) -> dict[str, str]:
    """The site's name in each language it builds, as mkdocs.yml gives it to static-i18n."""
    languages = config.plugins["i18n"].config.languages
    return {language.locale: language.site_name or config.site_name for language in languages if language.build}


def issuer_of(config, languages: tuple[str, ...]) -> Issuer:
    """The course's and the shop's names for the certificate, from mkdocs.yml; a shop named in some
    languages only is a mistake of the trainer's, said as such."""
    shop = config.plugins["course"].config.shop
    if isinstance(shop, str):
        return Issuer(site_names(config), {language: shop for language in languages})
    if missing := [language for language in languages if not isinstance(shop.get(language), str)]:
        raise PluginError(f"mkdocs.yml: plugins: course: shop: give the shop's name in {', '.join(missing)} "
                          f"too, or one name for every language")
    return Issuer(site_names(config), {language: shop[language] for language in languages})


def site_languages(config_file: Path) -> tuple[str, ...]:
    """The languages the site builds, its default first, as mkdocs.yml declares them."""
    return build_languages(site_config(config_file).plugins["i18n"])


def site_settings(config_file: Path) -> Settings:
    """The course settings, as the course plugin's options in mkdocs.yml declare them."""
    return Settings.of(site_config(config_file).plugins["course"].config)


@cache
def site_config(config_file: Path):
    """mkdocs.yml as MkDocs reads it, plugins and all (read once per process)."""
    from mkdocs.config import load_config

    return load_config(str(config_file))

"""The interface's own words (headings, speaker names, verdicts) in every language.

One YAML file per part of the interface (site, role-play, progress …), so that
work on one part does not touch the words of another.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml


@cache
def all_labels() -> dict[str, dict[str, str]]:
    """Every label, as {label: {language: text}}; a name used in two files is a bug of ours."""
    labels: dict[str, dict[str, str]] = {}
    for file in sorted(Path(__file__).parent.glob("*.yaml")):
        part = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
        if twice := labels.keys() & part.keys():
            raise RuntimeError(f"{file.name}: the labels {sorted(twice)} are already defined in another file")
        labels |= part
    return labels


def labels_for(language: str) -> dict[str, str]:
    """The labels of one language; a language without a label is a bug of ours, not the trainer's."""
    return {name: texts[language] for name, texts in all_labels().items()}

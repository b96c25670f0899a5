"""The interface's own words (headings, speaker names, verdicts) in every language."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml


@cache
def all_labels() -> dict[str, dict[str, str]]:
    """Every label, as {label: {language: text}}."""
    return yaml.safe_load((Path(__file__).parent / "labels.yaml").read_text(encoding="utf-8"))


def labels_for(language: str) -> dict[str, str]:
    """The labels of one language; a language without a label is a bug of ours, not the trainer's."""
    return {name: texts[language] for name, texts in all_labels().items()}

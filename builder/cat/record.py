"""What each translated text was translated from: translations/<language>.yaml.

A module's or scenario's `translated_from` fingerprint tells that *something*
in its source changed; this record keeps one fingerprint per text, so an
export can tell *which* text changed and send only that one for review. It is
written by `course translations import` and `--reviewed`, never by hand.
"""

from __future__ import annotations

from pathlib import Path

import yaml

RECORD_DIR = "translations"
_HEADER = ("# Written by `course translations import` and `course translations --reviewed`: for each text,\n"
           "# the fingerprint of the source text its translation was made from. Do not edit by hand.\n")


def record_file(root: Path, language: str) -> Path:
    return root / RECORD_DIR / f"{language}.yaml"


def read_record(root: Path, language: str) -> dict[str, str]:
    path = record_file(root, language)
    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {str(key): str(value) for key, value in data.items()} if isinstance(data, dict) else {}


def brought_up_to_date(record: dict[str, str], settled: dict[str, str]) -> dict[str, str] | None:
    """The record with the texts of current modules and scenarios added, or None if it had them all.

    A translation marked reviewed without this record (by hand, or by an older
    `course`) is current all the same: its texts are translated from today's source.
    """
    if all(record.get(key) == value for key, value in settled.items()):
        return None
    return record | settled


def write_record(root: Path, language: str, record: dict[str, str]) -> None:
    path = record_file(root, language)
    path.parent.mkdir(parents=True, exist_ok=True)
    body = yaml.safe_dump(dict(sorted(record.items())), allow_unicode=True, width=1000, default_flow_style=False)
    path.write_text(_HEADER + body, encoding="utf-8")

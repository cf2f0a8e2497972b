"""A German system for tests of translated text: a German catalog, written where the app looks
for its catalogs, and the environment of a system set to German."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyplanner import i18n
from tests.test_i18n import write_mo


def set_up_german_system(
    messages: dict[str, str | list[str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ship ``messages`` as the German catalog and make German the system's language."""
    locale_dir = tmp_path / "locale"
    write_mo(messages, locale_dir / "de" / "LC_MESSAGES" / f"{i18n.DOMAIN}.mo")
    monkeypatch.setattr(i18n, "LOCALE_DIR", locale_dir)
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANGUAGE", "de_DE")

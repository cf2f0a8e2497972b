"""tools/check_translations.py keeps a language from shipping broken: untranslated or fuzzy
messages, placeholders lost or invented, a broken brace, a lost menu accelerator, the wrong
number of plural forms. A date pattern may use any part of a date."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import REPO_ROOT

HEADER = """msgid ""
msgstr ""
"Language: {language}\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals={forms}; plural={rule};\\n"
"""


def checker(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    path = REPO_ROOT / "tools" / "check_translations.py"
    spec = importlib.util.spec_from_file_location("check_translations", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, module)
    spec.loader.exec_module(module)
    return module


def po(tmp_path: Path, body: str, *, language: str = "de", forms: int = 2) -> Path:
    rule = "(n != 1)" if forms == 2 else "0"
    path = tmp_path / f"{language}.po"
    header = HEADER.format(language=language, forms=forms, rule=rule)
    path.write_text(header + "\n" + body, encoding="utf-8")
    return path


GOOD = """
#, python-brace-format
msgid "Heading for DevOps: {reason}"
msgstr "Auf dem Weg zu DevOps: {reason}"

msgid "&File"
msgstr "&Datei"

#, python-brace-format
msgid "{count} exam"
msgid_plural "{count} exams"
msgstr[0] "eine Prüfung"
msgstr[1] "{count} Prüfungen"

#, python-brace-format
msgctxt "date pattern: day month year"
msgid "{day} {month} {year}"
msgstr "{day}. {month} {year}"
"""


def test_a_complete_catalog_passes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    module = checker(monkeypatch)
    report = module.check(po(tmp_path, GOOD), "de")
    assert report.problems == []
    assert (report.translated, report.total, report.fuzzy) == (4, 4, 0)
    assert report.line() == "de: 4/4 translated (100.0 %)"


def test_japanese_patterns_may_use_the_months_number(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = """
#, python-brace-format
msgctxt "date pattern: day month year"
msgid "{day} {month} {year}"
msgstr "{year}年{month_number}月{day}日"

#, python-brace-format
msgid "{count} exam"
msgid_plural "{count} exams"
msgstr[0] "{count} 件の試験"
"""
    module = checker(monkeypatch)
    assert module.check(po(tmp_path, body, language="ja", forms=1), "ja").problems == []


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ('#, python-brace-format\nmsgid "Hi {name}"\nmsgstr "Hallo"\n', "['name'] is missing"),
        (
            '#, python-brace-format\nmsgid "Hi {name}"\nmsgstr "Hallo {nom}"\n',
            "['nom'] is not filled in by the code",
        ),
        ('#, python-brace-format\nmsgid "Hi {name}"\nmsgstr "Hallo {name"\n', "a broken brace"),
        ('msgid "&Save"\nmsgstr "Speichern"\n', "the & accelerator is not kept"),
        (
            'msgctxt "date pattern: day month year"\nmsgid "{day} {month} {year}"\n'
            'msgstr "{day}. {monat} {year}"\n',
            "['monat'] is not filled in by the code",
        ),
    ],
)
def test_a_broken_translation_is_named(
    body: str, problem: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    module = checker(monkeypatch)
    problems = module.check(po(tmp_path, body), "de").problems
    assert problems and any(problem in p for p in problems)


def test_untranslated_and_fuzzy_messages_count_against_completeness(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = (
        'msgid "Save"\nmsgstr ""\n\n'
        '#, fuzzy\nmsgid "Open"\nmsgstr "Öffnen"\n\n'
        'msgid "Quit"\nmsgstr "Beenden"\n'
    )
    module = checker(monkeypatch)
    report = module.check(po(tmp_path, body), "de")
    assert (report.translated, report.fuzzy, report.total) == (1, 1, 3)
    assert report.line() == "de: 1/3 translated (33.3 %), 1 fuzzy"


def test_the_wrong_plural_forms_are_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    body = 'msgid "exam"\nmsgid_plural "exams"\nmsgstr[0] "試験"\nmsgstr[1] "試験"\n'
    module = checker(monkeypatch)
    problems = module.check(po(tmp_path, body, language="ja", forms=2), "ja").problems
    assert any("ja has 1 form(s)" in p for p in problems)
    assert any("2 plural forms, not 1" in p for p in problems)


def test_only_shipped_languages_must_be_complete(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    module = checker(monkeypatch)
    locale = tmp_path / "locale"
    for language, body in {"de": GOOD, "fr": 'msgid "Save"\nmsgstr ""\n'}.items():
        folder = locale / language / "LC_MESSAGES"
        folder.mkdir(parents=True)
        po(tmp_path, body, language=language).rename(folder / "studyplanner.po")
    monkeypatch.setattr(module, "LOCALE", locale)
    monkeypatch.setattr(module, "LANGUAGES", {"en": "English", "de": "Deutsch"})

    assert module.main([]) == 0
    out = capsys.readouterr().out
    assert "de: 4/4 translated (100.0 %) - shipped" in out
    assert "fr: 0/1 translated (0.0 %) - being translated (not shipped)" in out

    monkeypatch.setattr(module, "LANGUAGES", {"en": "English", "de": "Deutsch", "fr": "Français"})
    assert module.main([]) == 1
    assert "fr cannot ship" in capsys.readouterr().out

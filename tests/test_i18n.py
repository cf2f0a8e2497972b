"""The app's own words go through one translation function: English until a catalog for the
user's language exists, the catalog's words (and plural rules) once it does."""

from __future__ import annotations

import importlib.util
import struct
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

from studyplanner import i18n
from studyplanner.domain.catalog import Tier
from studyplanner.domain.plan import EntryStatus
from studyplanner.domain.wording import STATUS_LABELS, count_text, format_day, plural

ROOT = Path(__file__).resolve().parent.parent
EXTRACTOR = ROOT / "tools" / "extract_messages.py"

GERMAN: dict[str, str | list[str]] = {
    "": "Content-Type: text/plain; charset=UTF-8\nPlural-Forms: nplurals=2; plural=(n != 1);\n",
    "Associate": "Associate-Stufe",
    "Passed": "Bestanden",
    "short month\x04Mar": "März",
    "date pattern: day month year\x04{day} {month} {year}": "{day}. {month} {year}",
    "exam\0exams": ["Prüfung", "Prüfungen"],
    "year\0years": ["Jahr", "Jahre"],
    "chart legend\x04exam": "Prüfungstermin",
}


def write_mo(messages: dict[str, str | list[str]], path: Path) -> None:
    """A compiled gettext catalog (the .mo format msgfmt writes), without gettext tools."""
    keys = sorted(messages)
    ids = [k.encode() for k in keys]
    strs = [
        "\0".join(v).encode() if isinstance(v, list) else v.encode()
        for v in (messages[k] for k in keys)
    ]
    count = len(keys)
    ids_at = 7 * 4
    strs_at = ids_at + count * 8
    data_at = strs_at + count * 8
    tables, blob = [b"", b""], b""
    for n, texts in enumerate((ids, strs)):
        for text in texts:
            tables[n] += struct.pack("<2I", len(text), data_at + len(blob))
            blob += text + b"\0"
    header = struct.pack("<7I", 0x950412DE, 0, count, ids_at, strs_at, 0, 0)
    path.parent.mkdir(parents=True)
    path.write_bytes(header + tables[0] + tables[1] + blob)


@contextmanager
def speaking(language: str, messages: dict[str, str | list[str]], folder: Path) -> Iterator[None]:
    """The app using a test catalog of ``messages`` for ``language`` (written into ``folder``),
    and its source English again afterwards."""
    write_mo(messages, folder / language / "LC_MESSAGES" / f"{i18n.DOMAIN}.mo")
    try:
        assert i18n.install(language, folder) == language
        yield
    finally:
        i18n.install("en")


@pytest.fixture
def locale_dir(tmp_path: Path) -> Path:
    write_mo(GERMAN, tmp_path / "de" / "LC_MESSAGES" / f"{i18n.DOMAIN}.mo")
    return tmp_path


@pytest.fixture(autouse=True)
def _english_afterwards() -> Iterator[None]:
    yield
    i18n.install("en")


def test_without_a_catalog_the_app_speaks_its_source_english(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANGUAGE", "de_DE")
    monkeypatch.setenv("LANG", "de_DE.UTF-8")

    assert i18n.install(None, tmp_path) is None  # a folder without a German catalog
    assert i18n.language() is None
    assert count_text(1, "exam") == "1 exam"
    assert count_text(2.5, "year") == "2.5 years"
    assert Tier.ASSOCIATE.label == "Associate"


def test_a_catalog_translates_sentences_labels_and_counted_words(locale_dir: Path) -> None:
    assert i18n.install("de_DE", locale_dir) == "de"

    assert Tier.ASSOCIATE.label == "Associate-Stufe"
    assert STATUS_LABELS[EntryStatus.PASSED] == "Bestanden"
    assert format_day(date(2027, 3, 14)) == "14. März 2027"
    assert [count_text(n, "exam") for n in (1, 2)] == ["1 Prüfung", "2 Prüfungen"]
    assert count_text(1.5, "year") == "1.5 Jahre"  # a fraction takes the plural
    assert plural(1, "year") == "Jahr"
    assert i18n.pgettext("chart legend", "exam") == "Prüfungstermin"
    assert i18n._("A sentence nobody translated") == "A sentence nobody translated"


def test_the_system_language_is_read_from_the_environment(
    locale_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANGUAGE", "de_AT:en")

    assert i18n.install(None, locale_dir) == "de"
    assert count_text(3, "exam") == "3 Prüfungen"


def test_the_suite_speaks_english_on_a_german_system_with_a_german_catalog(
    locale_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """CI runs the suite under LANG=de_DE.UTF-8 with the German catalog compiled: the autouse
    fixture in tests/conftest.py keeps the words English (LANGUAGE=en) for this process and
    the ones it starts, while the C library still formats dates and numbers in German."""
    monkeypatch.setenv("LC_ALL", "de_DE.UTF-8")
    monkeypatch.setenv("LANG", "de_DE.UTF-8")

    assert i18n.install(None, locale_dir) is None
    assert i18n.system_language() == "en"
    assert count_text(3, "exam") == "3 exams"


@pytest.mark.parametrize(
    ("code", "shipped"),
    [
        ("de_DE.UTF-8", "de"),
        ("de-AT", "de"),
        ("DE", "de"),
        ("ja_JP.eucJP", "ja"),
        ("pt-BR", "pt_BR"),
        ("pt_PT", "pt_BR"),  # the only Portuguese shipped
        ("en_GB", "en"),
        ("sr_RS@latin", None),
        ("fr_FR", None),
        ("C", None),
        ("", None),
    ],
)
def test_a_language_code_names_a_shipped_language(code: str, shipped: str | None) -> None:
    assert i18n.shipped_language(code) == shipped


@pytest.mark.parametrize(
    ("environment", "platform", "chosen"),
    [
        ({"LANGUAGE": "fr:ja:de"}, (), "ja"),  # the first shipped one of the list
        ({"LC_ALL": "de_DE.UTF-8", "LANG": "ja_JP.UTF-8"}, (), "de"),
        ({"LC_MESSAGES": "pt_BR.UTF-8", "LANG": "de_DE.UTF-8"}, (), "pt_BR"),
        ({"LANG": "C.UTF-8"}, ("de-DE",), "en"),  # the variable set decides, as in gettext
        ({}, ("fr-FR", "ja-JP"), "ja"),  # Windows and macOS: Qt's UI languages
        ({}, (), "en"),
    ],
)
def test_the_system_language_follows_gettexts_variables_then_the_platform(
    environment: dict[str, str],
    platform: tuple[str, ...],
    chosen: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)

    assert i18n.system_language(platform) == chosen


def extractor(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """tools/extract_messages.py as a module (tools/ is not a package)."""
    spec = importlib.util.spec_from_file_location("extract_messages", EXTRACTOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, module)  # its dataclasses look themselves up
    spec.loader.exec_module(module)
    return module


def test_the_translators_template_is_up_to_date() -> None:
    done = subprocess.run(
        [sys.executable, str(EXTRACTOR), "--check"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr  # run `make i18n-template` after changing text


def test_the_template_holds_sentences_plurals_and_counted_nouns() -> None:
    template = (ROOT / "studyplanner" / "locale" / "studyplanner.pot").read_text("utf-8")
    assert 'msgid "Heading for DevOps: {reason}"' in template
    assert 'msgid "exam"\nmsgid_plural "exams"' in template
    assert 'msgctxt "chart legend"\nmsgid "exam"' in template


def test_text_built_before_translation_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "bad.py"
    source.write_text(
        'n = 2\nlabel = N_("fine")\n'
        '_(f"{n} exams")\n_("a " + "b")\n_("{n}".format(n=n))\n_(label)\n'
        'ngettext("one", f"{n}", n)\ncount_text(n, "exam")\n',
        encoding="utf-8",
    )
    module = extractor(monkeypatch)
    found = module.Found()

    module.extract(source, found)

    assert [error.split(":")[1] for error in found.errors] == ["3", "4", "5", "7"]
    assert list(found.messages) == [(None, "fine"), (None, "exam")]

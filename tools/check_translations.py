"""How complete each translation is, and whether each shipped one can be shipped.

    python tools/check_translations.py      # report every .po; exit 1 if a shipped one fails

A language listed in ``studyplanner.i18n.LANGUAGES`` (shipped) fails when its catalog is
missing, has an untranslated or fuzzy message, a ``{placeholder}`` the code does not fill or
one a translation lost, a broken ``{``, a menu accelerator (``&``) added or lost, or plural
forms that are not the language's (``Plural-Forms`` and the number of forms of each
message). A language being translated (a ``.po`` not in that list) is only reported, so it
can be committed unfinished. ``make i18n`` runs this after merging the template; ``.ci/run``
runs it on its own.
"""

from __future__ import annotations

import re
import string
import sys
from dataclasses import dataclass, field
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from studyplanner.domain.wording import DATE_FIELDS  # noqa: E402
from studyplanner.i18n import LANGUAGES, SOURCE_LANGUAGE  # noqa: E402

LOCALE = ROOT / "studyplanner" / "locale"

PLURAL_FORMS = {"de": 2, "ja": 1, "pt_BR": 2}
"""How many plural forms each language has in gettext (Japanese one, German and Brazilian
Portuguese two: 'n != 1' and 'n > 1'). A language added to LANGUAGES is added here too."""

_ACCELERATOR = re.compile(r"&(?!&)(?=\S)")


@dataclass
class Report:
    language: str
    total: int = 0
    translated: int = 0
    fuzzy: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0

    def line(self) -> str:
        fuzzy = f", {self.fuzzy} fuzzy" if self.fuzzy else ""
        return (
            f"{self.language}: {self.translated}/{self.total} translated "
            f"({self.percent:.1f} %){fuzzy}"
        )


def placeholders(text: str) -> set[str] | None:
    """The ``{names}`` in ``text`` as str.format reads them; None when it cannot read it."""
    try:
        return {
            name.split(".")[0].split("[")[0]
            for _, name, _, _ in string.Formatter().parse(text)
            if name is not None
        }
    except ValueError:
        return None


def accelerators(text: str) -> int:
    return len(_ACCELERATOR.findall(text.replace("&&", "")))


def _check_entry(entry: polib.POEntry, report: Report) -> None:
    where = f"{entry.msgctxt + ' | ' if entry.msgctxt else ''}{entry.msgid!r}"
    brace = "python-brace-format" in entry.flags or "{" in entry.msgid
    offered = placeholders(entry.msgid) or set()
    if entry.msgid_plural:
        offered |= placeholders(entry.msgid_plural) or set()
    is_pattern = (entry.msgctxt or "").startswith("date pattern:")
    allowed = offered | set(DATE_FIELDS) if is_pattern else offered
    forms = (
        [entry.msgstr_plural[k] for k in sorted(entry.msgstr_plural)]
        if entry.msgid_plural
        else [entry.msgstr]
    )
    for index, text in enumerate(forms):
        if not text:
            continue
        if brace:
            found = placeholders(text)
            if found is None:
                report.problems.append(f"{where}: a broken brace in {text!r}")
                continue
            if found - allowed:
                report.problems.append(
                    f"{where}: {sorted(found - allowed)} is not filled in by the code"
                )
            general = index == len(forms) - 1  # the form of most counts keeps every name
            wanted = offered if not entry.msgid_plural or general else set()
            if not is_pattern and wanted - found:
                report.problems.append(f"{where}: {sorted(wanted - found)} is missing")
        if accelerators(entry.msgid) != accelerators(text):
            report.problems.append(f"{where}: the & accelerator is not kept in {text!r}")


def check(po_path: Path, language: str) -> Report:
    report = Report(language)
    catalog = polib.pofile(str(po_path))
    expected = PLURAL_FORMS.get(language)
    header = catalog.metadata.get("Plural-Forms", "")
    declared = re.search(r"nplurals\s*=\s*(\d+)", header)
    if expected is not None and (declared is None or int(declared[1]) != expected):
        report.problems.append(f"Plural-Forms {header!r}: {language} has {expected} form(s)")
    for entry in catalog:
        if entry.obsolete:
            continue
        report.total += 1
        if entry.fuzzy:
            report.fuzzy += 1
            continue
        if entry.translated():
            report.translated += 1
        counted = entry.msgid_plural and any(entry.msgstr_plural.values())
        if counted and expected is not None and len(entry.msgstr_plural) != expected:
            report.problems.append(
                f"{entry.msgid!r}: {len(entry.msgstr_plural)} plural forms, not {expected}"
            )
        _check_entry(entry, report)
    return report


def main(argv: list[str] | None = None) -> int:
    del argv
    failed = False
    present = {po.parent.parent.name: po for po in LOCALE.glob("*/LC_MESSAGES/studyplanner.po")}
    shipped = sorted(code for code in LANGUAGES if code != SOURCE_LANGUAGE)
    for language in sorted(set(present) | set(shipped)):
        is_shipped = language in shipped
        if language not in present:
            print(
                f"{language}: shipped, but studyplanner/locale/{language}/LC_MESSAGES/"
                "studyplanner.po is missing"
            )
            failed = True
            continue
        report = check(present[language], language)
        label = "shipped" if is_shipped else "being translated (not shipped)"
        print(f"{report.line()} - {label}")
        if not is_shipped:
            continue
        untranslated = report.total - report.translated - report.fuzzy
        for problem in report.problems[:20]:
            print(f"  {problem}")
        if len(report.problems) > 20:
            print(f"  ... and {len(report.problems) - 20} more")
        if untranslated or report.fuzzy or report.problems:
            print(f"  {language} cannot ship: every message translated, none fuzzy, nothing above")
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

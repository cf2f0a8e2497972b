"""The app's own words in the user's language, without Qt, so the domain can use it too.

``_()`` translates a sentence, ``ngettext()`` one whose words depend on a count, and ``N_()``
only marks text defined at import time (a table of reasons, a label), which is translated with
``_()`` where it is shown. ``tools/extract_messages.py`` collects every marked string into
``studyplanner/locale/studyplanner.pot`` for translators.

Catalogs are gettext files: ``studyplanner/locale/<language>/LC_MESSAGES/studyplanner.mo``.
Where none exists for the user's language, the source English is used, so an app started
under ``de_DE`` speaks English until a German catalog ships. Qt's own words (standard
buttons, dialogs) come from Qt's translations, which the app loads itself.
"""

from __future__ import annotations

import gettext
import os

__all__ = [
    "DOMAIN",
    "LOCALE_DIR",
    "N_",
    "_",
    "install",
    "language",
    "ngettext",
    "pgettext",
]

DOMAIN = "studyplanner"
LOCALE_DIR = os.path.join(os.path.dirname(os.path.realpath(__file__)), "locale")
"""Inside the package, so a wheel and the frozen app carry it like the code."""

_catalog: gettext.NullTranslations = gettext.NullTranslations()
_language: str | None = None


def install(
    language: str | None = None, locale_dir: str | os.PathLike[str] | None = None
) -> str | None:
    """Use the catalog for ``language`` ('de', 'pt_BR'), or for the system's language (the
    LANGUAGE, LC_ALL, LC_MESSAGES and LANG variables) when it is None; English where there is
    no catalog. Returns the language of the catalog found, or None for the source English.

    The app passes Qt's idea of the system language; the command line passes None.
    """
    global _catalog, _language
    languages = [language] if language else None
    folder = os.fspath(locale_dir or LOCALE_DIR)
    found = gettext.find(DOMAIN, folder, languages=languages)
    _catalog = gettext.translation(DOMAIN, folder, languages=languages, fallback=True)
    # gettext.find names the file, e.g. .../locale/de/LC_MESSAGES/studyplanner.mo
    _language = os.path.basename(os.path.dirname(os.path.dirname(found))) if found else None
    return _language


def language() -> str | None:
    """The language of the catalog in use, or None for the source English."""
    return _language


def _(message: str) -> str:
    """``message`` in the user's language (itself where the catalog has no translation)."""
    return _catalog.gettext(message)


def pgettext(context: str, message: str) -> str:
    """``message`` in the user's language, as meant in ``context``: for a word used in two
    senses (the legend's "exam" beside the counted "1 exam")."""
    return _catalog.pgettext(context, message)


def N_(message: str) -> str:
    """Mark ``message`` for translation without translating it yet: for text defined at
    import time, before a language is chosen, and passed through ``_()`` where it is shown."""
    return message


def ngettext(singular: str, plural: str, n: float) -> str:
    """The singular or plural form for ``n``, in the user's language.

    gettext's plural rules take whole numbers; a fraction (2.5 years) takes the form of 2,
    as English and German have it (gettext cannot express CLDR's rules for fractions).
    """
    whole = int(n) if n == int(n) else 2
    return _catalog.ngettext(singular, plural, abs(whole))

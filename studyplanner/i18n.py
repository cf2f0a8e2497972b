"""The app's own words in the user's language, without Qt, so the domain can use it too.

``_()`` translates a sentence, ``ngettext()`` one whose words depend on a count, and ``N_()``
only marks text defined at import time (a table of reasons, a label), which is translated with
``_()`` where it is shown. ``tools/extract_messages.py`` collects every marked string into
``studyplanner/locale/studyplanner.pot`` for translators.

Catalogs are gettext files: ``studyplanner/locale/<language>/LC_MESSAGES/studyplanner.po``,
compiled to ``.mo`` beside it when the app is built or run from a checkout (``make run``,
``make package``, the wheel; ``tools/compile_catalogs.py``). The languages StudyPlanner ships
are listed once, in :data:`LANGUAGES`; for any other language the source English is used.
Qt's own words (standard buttons, dialogs) come from Qt's translations, which the app loads
itself for the same language.
"""

from __future__ import annotations

import gettext
import os

__all__ = [
    "DOMAIN",
    "LANGUAGES",
    "LOCALE_DIR",
    "LOCALE_ENV_VAR",
    "NP_",
    "N_",
    "SOURCE_LANGUAGE",
    "_",
    "install",
    "language",
    "ngettext",
    "pgettext",
    "shipped_language",
    "system_language",
]

DOMAIN = "studyplanner"
LOCALE_ENV_VAR = "STUDYPLANNER_LOCALE_DIR"
LOCALE_DIR = os.environ.get(LOCALE_ENV_VAR) or os.path.join(
    os.path.dirname(os.path.realpath(__file__)), "locale"
)
"""Inside the package, so a wheel and the frozen app carry it like the code; or the folder
named by STUDYPLANNER_LOCALE_DIR, for a translator trying a catalog without a build."""

SOURCE_LANGUAGE = "en"
LANGUAGES: dict[str, str] = {
    "de": "Deutsch",
    "en": "English",
    "ja": "日本語",
    "pt_BR": "Português (Brasil)",
}
"""The languages StudyPlanner ships, each by its own name (as *View › Language* lists them):
the one list that the menu, ``--lang``, the build and ``tools/check_translations.py`` (which
fails while any of them is incomplete) read. A language being translated is left out of it
until it is complete; its ``.po`` file can be committed meanwhile."""

_ENVIRONMENT = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

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


def shipped_language(code: str | None) -> str | None:
    """The shipped language that ``code`` asks for ('de_AT.UTF-8' and 'de-DE' ask for 'de',
    'pt-BR' for 'pt_BR', 'pt' for 'pt_BR' as the only Portuguese), or None for one that
    StudyPlanner does not ship ('fr', 'C', 'xx')."""
    if not code:
        return None
    name = code.split(".")[0].split("@")[0].replace("-", "_")
    head, _sep, region = name.partition("_")
    wanted = f"{head.lower()}_{region.upper()}" if region else head.lower()
    if wanted in LANGUAGES:
        return wanted
    same_language = [known for known in LANGUAGES if known.split("_")[0] == head.lower()]
    return same_language[0] if same_language else None


def system_language(platform_languages: tuple[str, ...] = ()) -> str:
    """The shipped language the system asks for: the first of LANGUAGE (a list, 'de_AT:en'),
    LC_ALL, LC_MESSAGES and LANG that is set, as gettext reads them, then the platform's UI
    languages (``platform_languages``: what Qt reads on Windows and macOS, which rarely set
    those variables); English when none of them is shipped."""
    for variable in _ENVIRONMENT:
        value = os.environ.get(variable)
        if not value:
            continue
        for code in value.split(":"):
            found = shipped_language(code)
            if found is not None:
                return found
        return SOURCE_LANGUAGE  # the first variable set decides, as for gettext
    for code in platform_languages:
        found = shipped_language(code)
        if found is not None:
            return found
    return SOURCE_LANGUAGE


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


def NP_(context: str, message: str) -> str:
    """Mark ``message`` in ``context`` for translation without translating it yet; shown
    through ``pgettext(context, message)``."""
    del context
    return message


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

"""The languages AWS offers its exams in, by name, and the sentences about them.

A language is stored by its code ('pt-BR'); people read its name in the app's language
('Portuguese (Brazil)', 'Portugiesisch (Brasilien)'). The catalog lists, per exam, the codes
it is offered in; the learner's profile names the one they will sit exams in.
"""

from __future__ import annotations

from collections.abc import Sequence

from studyplanner.domain.wording import assumed_text, format_number
from studyplanner.i18n import N_, _, ngettext

EXAM_LANGUAGE_NAMES: dict[str, str] = {
    "en": N_("English"),
    "ja": N_("Japanese"),
    "ko": N_("Korean"),
    "zh-Hans": N_("Simplified Chinese"),
    "zh-Hant": N_("Traditional Chinese"),
    "pt-BR": N_("Portuguese (Brazil)"),
    "es-419": N_("Spanish (Latin America)"),
    "es-ES": N_("Spanish (Spain)"),
    "fr-FR": N_("French (France)"),
    "de": N_("German"),
    "it": N_("Italian"),
    "id": N_("Indonesian"),
    "ar": N_("Arabic"),
}
"""Every language AWS has offered an exam in, in the order AWS's pages list them (English
first, then Asian languages, then European ones): the codes the catalog and a profile may use."""

ENGLISH = "en"

_APP_TO_EXAM = {"en": "en", "de": "de", "ja": "ja", "pt_BR": "pt-BR", "pt": "pt-BR"}
"""The exam language that follows each of the app's languages (gettext codes)."""

ESL_EXTRA_MINUTES = 30
"""Minutes AWS adds, on request, for a candidate whose first language is not English who
takes an exam in English (the "ESL +30" accommodation)."""

ESL_ASSUMED = True
"""AWS's own page on the accommodation could not be read for the catalog; the only account
found is a candidate's (see ``ESL_SOURCE``), so every sentence about it says 'assumed'."""

ESL_SOURCE = (
    "A candidate's account of requesting 'ESL +30 MINUTES' under exam accommodations in the "
    "AWS Certification account, which turned a 140-minute booking into 170 minutes "
    "(qiita.com/idenrai/items/dae4b94dbf86fab4561e, read 2026-12); AWS's own page on it was "
    "not found in the sources searched"
)
"""Where the ESL figure comes from, and why it is assumed."""


def language_name(code: str) -> str:
    """The language ``code`` names, in the app's language; the code itself for one unknown."""
    name = EXAM_LANGUAGE_NAMES.get(code)
    return _(name) if name else code


def exam_language_for_app(app_language: str | None) -> str:
    """The exam language a learner who gave none is taken to want: the app's own ('pt_BR' →
    'pt-BR'), English when the app speaks English (None) or a language AWS does not offer."""
    if not app_language:
        return ENGLISH
    return _APP_TO_EXAM.get(app_language, _APP_TO_EXAM.get(app_language.split("_")[0], ENGLISH))


def languages_text(codes: Sequence[str]) -> str:
    """The languages read out in the app's language: 'English, Japanese and Korean'."""
    names = [language_name(code) for code in codes]
    if len(names) <= 1:
        return "".join(names)
    return _("{items} and {last}").format(items=", ".join(names[:-1]), last=names[-1])


def offered_in_text(codes: Sequence[str], assumed: bool) -> str:
    """The exam-facts line: 'English, Japanese and Korean', marked when it is assumed."""
    return assumed_text(languages_text(codes), assumed)


def not_offered_text(code: str, offered: Sequence[str], wanted: str, assumed: bool) -> str:
    """The note for an exam not offered in the learner's exam language: 'SCS-C03 is offered
    in English, Japanese, Korean and Simplified Chinese, not in Portuguese (Brazil)', marked
    when the list is assumed, with the ESL extension for taking it in English."""
    text = _("{code} is offered in {languages}, not in {language}").format(
        code=code, languages=languages_text(offered), language=language_name(wanted)
    )
    text = assumed_text(text, assumed)
    if ENGLISH in offered:
        text += "; " + esl_text()
    return text


def esl_text() -> str:
    """AWS's extension for non-native English speakers, as a sentence that says it is assumed
    while it is (``ESL_ASSUMED``)."""
    minutes = ngettext(
        "taken in English, it can run {minutes} minute longer for a non-native speaker "
        "who asks AWS first (ESL +{minutes})",
        "taken in English, it can run {minutes} minutes longer for a non-native speaker "
        "who asks AWS first (ESL +{minutes})",
        ESL_EXTRA_MINUTES,
    ).format(minutes=format_number(ESL_EXTRA_MINUTES))
    return assumed_text(minutes, ESL_ASSUMED)


def esl_fact_text() -> str:
    """The extension as an exam fact (the details panel, ``catalog``): '30 extra minutes in
    English for a non-native speaker who asks AWS first (ESL +30)', marked while assumed."""
    fact = ngettext(
        "{minutes} extra minute in English for a non-native speaker who asks AWS first "
        "(ESL +{minutes})",
        "{minutes} extra minutes in English for a non-native speaker who asks AWS first "
        "(ESL +{minutes})",
        ESL_EXTRA_MINUTES,
    ).format(minutes=format_number(ESL_EXTRA_MINUTES))
    return assumed_text(fact, ESL_ASSUMED)

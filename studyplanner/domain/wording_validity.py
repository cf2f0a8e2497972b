"""How a certification's validity is said: when it was earned, until when it is valid, which
exam renews it and when it expires. Written once here for the ladder, the timeline, the panels,
the printed report, the calendar and the command line, so that they cannot drift apart.

Qt-free like the rest of the domain; the words go through :mod:`studyplanner.i18n`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from studyplanner.domain.catalog import Catalog
from studyplanner.domain.lifecycle import Renewal, Validity
from studyplanner.domain.plan import HeldCertification
from studyplanner.domain.wording import assumed_text, format_day, joined, sentence_start
from studyplanner.i18n import _


def _code(catalog: Catalog, cert_id: str) -> str:
    """The exam code of ``cert_id``, or the id itself for one the catalog no longer has."""
    return catalog.get(cert_id).code if cert_id in catalog else cert_id


def renewal_on(renewal: Renewal, catalog: Catalog) -> str:
    """'SAA-C03 on 6 Jan 2027' ('assumed: …' when the catalog only assumes it renews)."""
    text = _("{code} on {day}").format(
        code=_code(catalog, renewal.certification_id), day=format_day(renewal.on)
    )
    return assumed_text(text, renewal.assumed)


def renewed_by(renewal: Renewal, catalog: Catalog, *, line: bool = False) -> str:
    """'renewed by SAA-C03 on 6 Jan 2027'; 'Renewed by …' when it begins a ``line``."""
    text = _("renewed by {code} on {date}").format(
        code=_code(catalog, renewal.certification_id), date=format_day(renewal.on)
    )
    return assumed_text(sentence_start(text) if line else text, renewal.assumed)


def renewed_until(renewal: Renewal, catalog: Catalog, *, line: bool = False) -> str:
    """'renewed by DOP-C02 on 4 Jan 2029, valid until 4 Jan 2032'; capitalised when it begins
    a ``line``."""
    text = _("renewed by {code} on {on}, valid until {until}").format(
        code=_code(catalog, renewal.certification_id),
        on=format_day(renewal.on),
        until=format_day(renewal.expires_on),
    )
    return assumed_text(sentence_start(text) if line else text, renewal.assumed)


def valid_until(validity: Validity | None, catalog: Catalog) -> str:
    """'Valid until 28 May 2030', with the renewals the plan brings ('…; renewed by DOP-C02 on
    …, valid until …'); '' when the entry earns nothing of its own (it renews a certification
    held)."""
    if validity is None:
        return ""
    text = _("Valid until {date}").format(date=format_day(validity.first_expiry))
    for renewal in validity.renewals:
        text = _("{validity}; {renewed}").format(
            validity=text, renewed=renewed_until(renewal, catalog)
        )
    return text


def validity_lines(validity: Validity, catalog: Catalog, today: date) -> list[str]:
    """'Valid until 10 Jan 2027', then a line per renewal, and 'Expired on …' once it has."""
    lines = [_("Valid until {date}").format(date=format_day(validity.first_expiry))]
    lines += [renewed_until(renewal, catalog, line=True) for renewal in validity.renewals]
    if validity.expires_on < today:
        lines.append(_("Expired on {date}").format(date=format_day(validity.expires_on)))
    return lines


def held_since(validity: Validity) -> str:
    """'Held since 10 Jan 2024' for a certification held before the plan, 'Earned 6 Jan 2027'
    for one an exam in the plan earns."""
    text = _("Held since {date}") if validity.entry_id is None else _("Earned {date}")
    return text.format(date=format_day(validity.earned_on))


def renews_until(renewal: Renewal, catalog: Catalog, renewed_code: str) -> str:
    """'SAA-C03 on 6 Jan 2027 renews CLF-C02: valid until 6 Jan 2030'."""
    text = _("{code} on {date} renews {renewed}: valid until {until}").format(
        code=_code(catalog, renewal.certification_id),
        date=format_day(renewal.on),
        renewed=renewed_code,
        until=format_day(renewal.expires_on),
    )
    return assumed_text(text, renewal.assumed)


def expiry_text(validity: Validity, catalog: Catalog, today: date) -> str:
    """'CLF-C02 expires on 10 Jan 2027', or 'CLF-C02 expired on …' once the day has passed."""
    expired = validity.expires_on < today
    text = _("{code} expired on {date}") if expired else _("{code} expires on {date}")
    return text.format(
        code=_code(catalog, validity.certification_id), date=format_day(validity.expires_on)
    )


def held_status(validity: Validity, catalog: Catalog, today: date) -> str:
    """What a held certification's row says: 'held since 10 Jan 2024 · expires 10 Jan 2027',
    '… · renewed by SAA-C03 on 6 Jan 2027' or '… · expired 10 Jan 2027'."""
    since = format_day(validity.earned_on)
    if validity.expires_on < today:
        return _("held since {date} · expired {expired}").format(
            date=since, expired=format_day(validity.expires_on)
        )
    if validity.renewals:
        return _("held since {date} · {renewed_by}").format(
            date=since, renewed_by=renewed_by(validity.renewals[-1], catalog)
        )
    return _("held since {date} · expires {expires}").format(
        date=since, expires=format_day(validity.expires_on)
    )


def held_text(held: HeldCertification, catalog: Catalog, validity: Validity | None) -> str:
    """'CLF-C02 Cloud Practitioner', then 'earned 10 Jan 2024 · expires 10 Jan 2027' on a
    second line, with the renewal when the plan renews it ('renewed by SAA-C03 on 28 May 2027
    · expires 28 May 2030')."""
    cert_id = held.certification_id
    if cert_id not in catalog:
        return _("{cert}\nearned {date}").format(cert=cert_id, date=format_day(held.earned_on))
    cert = catalog.get(cert_id)
    text = f"{cert.code} {cert.name}"
    if cert.is_retired:
        text = _("{cert} (retired exam)").format(cert=text)
    text = _("{cert}\nearned {date}").format(cert=text, date=format_day(held.earned_on))
    if validity is None:
        return text
    if validity.renewals:
        renewed = renewed_by(validity.renewals[-1], catalog)
        text = _("{held} · {renewed}").format(held=text, renewed=renewed)
    return _("{held} · expires {date}").format(held=text, date=format_day(validity.expires_on))


def holding_text(
    earned_on: date,
    valid_until: date,
    expires_on: date,
    renewals: Sequence[tuple[str, date, bool]],
    expired: bool,
) -> str:
    """'Held since 10 Jan 2024 · valid until 10 Jan 2027', then a line ('<br>') per renewal
    still to come ('SAA-C03 on 6 Jan 2027 renews it') and where they lead ('…: valid until 6
    Jan 2030'); 'Earned … · expired …' once it has. ``renewals`` are (code, day, assumed)."""
    if expired:
        return _("Earned {earned} · expired {expired}").format(
            earned=format_day(earned_on), expired=format_day(expires_on)
        )
    text = _("Held since {earned} · valid until {until}").format(
        earned=format_day(earned_on), until=format_day(valid_until)
    )
    for code, day, assumed in renewals:
        renewal = assumed_text(
            _("{code} on {date} renews it").format(code=code, date=format_day(day)), assumed
        )
        text += f"<br>{renewal}"
    if renewals:
        text = _("{held}: valid until {date}").format(held=text, date=format_day(expires_on))
    return text


def validity_line(validity: Validity, catalog: Catalog, today: date) -> str:
    """'CLF-C02 earned 10 Jan 2024, renewed by SAA-C03 on 6 Jan 2027, expires 6 Jan 2030'."""
    code = _code(catalog, validity.certification_id)
    earned = format_day(validity.earned_on)
    if validity.held:
        text = _("{code} earned {day}").format(code=code, day=earned)
    else:
        text = _("{code} if passed on {day}").format(code=code, day=earned)
    if validity.renewals:
        renewals = [renewal_on(r, catalog) for r in validity.renewals]
        text = _("{text}, renewed by {renewals}").format(text=text, renewals=joined(renewals))
    ends = _("{text}, expired {day}") if validity.expires_on < today else _("{text}, expires {day}")
    return ends.format(text=text, day=format_day(validity.expires_on))


def expiry_lines(validity: Validity, catalog: Catalog) -> list[str]:
    """A calendar's expiry event: 'AWS Certified Cloud Practitioner (CLF-C02) expires on 10
    Jan 2027.', when it was (or will be) earned, then a line per renewal."""
    cert = catalog.get(validity.certification_id)
    earned = _("Earned {day}") if validity.held else _("Earned on {day} if the exam is passed")
    return [
        _("AWS Certified {name} ({code}) expires on {day}.").format(
            name=cert.name, code=cert.code, day=format_day(validity.expires_on)
        ),
        earned.format(day=format_day(validity.earned_on)),
        *(renewed_by(r, catalog, line=True) for r in validity.renewals),
    ]


def expires_cell(validity: Validity, today: date) -> str:
    """The last day it is valid, as a table cell: '6 Jan 2030', or '10 Jan 2027 (expired)'."""
    until = format_day(validity.expires_on)
    if validity.expires_on < today:
        return _("{day} (expired)").format(day=until)
    return until

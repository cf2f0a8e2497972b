"""What the timeline writes: the texts beside a row's marker, the held rows' lines, and the
tooltips of bars, bands, renewals, ghosts and blackouts. Kept apart from where things go
(``studyplanner.layout.timeline``) and from the items that draw them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from html import escape

from PySide6.QtGui import QColor

from studyplanner.domain import wording_validity
from studyplanner.domain.catalog import Catalog, Certification
from studyplanner.domain.domains import DomainSplit
from studyplanner.domain.estimates import credit_text
from studyplanner.domain.lifecycle import Renewal, Validity
from studyplanner.domain.plan import Blackout, EntryStatus
from studyplanner.domain.schedule import ScheduledEntry
from studyplanner.domain.wording import (
    count_text,
    format_day,
    format_hours,
    format_hours_range,
)
from studyplanner.domain.wording_domains import split_lines
from studyplanner.domain.wording_schedule import blackout_tip, study_line
from studyplanner.domain.wording_validity import (
    expiry_text,
    held_since,
    held_status,
    renews_until,
)
from studyplanner.i18n import _
from studyplanner.layout.timeline import marker_day
from studyplanner.style import Colour
from studyplanner.ui.canvas.timeline_items import ink

RowText = tuple[str, QColor, str]
"""A text, its colour and its font ("date" or "label")."""


def entry_label(item: ScheduledEntry) -> str:
    """The text on or next to a bar: "DVA-C02 Developer – Associate · 101 h"."""
    cert = item.certification
    return f"{cert.code} {cert.name} · {format_hours(item.hours)}"


@dataclass
class TimelineWording:
    """The sentences of one layout: the catalog to name certifications, and today (expired or
    not)."""

    catalog: Catalog
    certs: dict[str, Certification]
    today: date
    inks: dict[Colour, QColor] = field(default_factory=dict)
    split_of: Callable[[str], DomainSplit | None] = field(default=lambda _entry_id: None)
    """An entry's hours by exam domain (the analysis's ``domains_of``, worked out when a bar's
    tooltip is first shown), for the bars' tooltips."""
    _validity_lines: dict[int, list[str]] = field(default_factory=dict)
    """Each validity's lines, once per layout (the band and the row's tooltip both say them)."""
    """The text colours, read from the theme once per layout (a long plan asks thousands of
    times)."""

    def ink(self, name: Colour) -> QColor:
        known = self.inks.get(name)
        if known is None:
            known = self.inks[name] = ink(name)
        return known

    def code(self, cert_id: str) -> str:
        cert = self.certs.get(cert_id)
        return cert.code if cert is not None else cert_id

    def row_texts(self, item: ScheduledEntry, inside: bool) -> list[RowText]:
        """What is written after a row's marker, in order: the date, then the label unless it
        sits inside the bar."""
        entry = item.entry
        cert = item.certification
        if entry.status is EntryStatus.PASSED:
            day = entry.passed_on
            return [
                (
                    _("passed {date}").format(date=format_day(day)) if day else _("passed"),
                    self.ink(Colour.MUTED_TEXT),
                    "date",
                ),
                (f"{cert.code} {cert.name}", self.ink(Colour.PASSED), "date"),
            ]
        texts: list[RowText] = []
        if item.exam_date is not None:
            date_text = format_day(item.exam_date)
            if entry.pinned_exam_date is not None and not item.pinned_unreachable:
                date_text = _("{date} · pinned").format(date=date_text)
            texts.append((date_text, self.ink(Colour.TEXT), "date"))
        if not inside:
            texts.append((entry_label(item), self.ink(Colour.TEXT), "label"))
        return texts

    def entry_tooltip(self, item: ScheduledEntry) -> str:
        cert = item.certification
        estimate = item.estimate
        lines = [
            f"<b>{cert.code} {cert.name}</b>",
            f"{cert.tier.label} · {format_hours(item.hours)}",
        ]
        if estimate.overridden:
            lines[-1] = _("{line} (your figure; estimate {typical})").format(
                line=lines[-1], typical=format_hours(estimate.typical)
            )
        else:
            lines[-1] = _("{line} (range {range})").format(
                line=lines[-1], range=format_hours_range(estimate.low, estimate.high)
            )
        if estimate.credit is not None:
            lines.append(credit_text(estimate.credit, self.catalog))
        if item.entry.status is EntryStatus.PASSED:
            passed = item.entry.passed_on
            lines.append(
                _("Passed {date}").format(date=format_day(passed)) if passed else _("Passed")
            )
        else:
            if item.study_start is not None and item.study_end is not None:
                lines.append(study_line(item.study_start, item.study_end))
            if item.exam_date is not None:
                lines.append(_("Exam {date}").format(date=format_day(item.exam_date)))
        if item.entry.sessions:
            lines.append(
                _("Studied {logged} of {hours}").format(
                    logged=format_hours(item.entry.hours_logged), hours=format_hours(item.hours)
                )
            )
        return "<br>".join([*lines, *self.domain_lines(item)])

    def domain_lines(self, item: ScheduledEntry) -> list[str]:
        """The exam's hours by domain, under a heading, for an exam still to sit whose guide
        lists domains (none otherwise)."""
        split = self.split_of(item.entry.id)
        if split is None or not split.shares or item.entry.status is EntryStatus.PASSED:
            return []
        heading = "<b>" + escape(_("By exam domain")) + "</b>"
        return [heading, *(escape(line) for line in split_lines(split))]

    def ghost_tooltip(self, item: ScheduledEntry, exam: date, taken_on: date | None) -> str:
        head = (
            _("Baseline (set {date})").format(date=format_day(taken_on))
            if taken_on is not None
            else _("Baseline")
        )
        exam_text = _("{code} exam {date}").format(
            code=item.certification.code, date=format_day(exam)
        )
        text = f"<b>{head}</b><br>{exam_text}"
        now = marker_day(item)
        if now is not None and now != exam:
            days = (now - exam).days
            moved = _("Now {date}: {days} later") if days > 0 else _("Now {date}: {days} earlier")
            text += "<br>" + moved.format(date=format_day(now), days=count_text(abs(days), "day"))
        return text

    def validity_lines(self, validity: Validity) -> list[str]:
        """'Valid until 10 Jan 2027', then one line per renewal."""
        known = self._validity_lines.get(id(validity))
        if known is None:
            known = self._validity_lines[id(validity)] = self._write_validity_lines(validity)
        return known

    def _write_validity_lines(self, validity: Validity) -> list[str]:
        return wording_validity.validity_lines(validity, self.catalog, self.today)

    def band_tooltip(self, validity: Validity) -> str:
        cert = self.certs[validity.certification_id]
        lines = [
            f"<b>{cert.code} {cert.name}</b>",
            held_since(validity),
            *self.validity_lines(validity),
        ]
        return "<br>".join(lines)

    def renewal_tooltip(self, validity: Validity, renewal: Renewal) -> str:
        """The ring on a band where a later exam renews it."""
        return renews_until(renewal, self.catalog, self.code(validity.certification_id))

    def expiry_tooltip(self, validity: Validity) -> str:
        return expiry_text(validity, self.catalog, self.today)

    def link_tooltip(self, validity: Validity, renewal: Renewal) -> str:
        renewed = self.certs[validity.certification_id]
        return _("{code} renews {renewed} {name} on {date}").format(
            code=self.code(renewal.certification_id),
            renewed=renewed.code,
            name=renewed.name,
            date=format_day(renewal.on),
        )

    def held_texts(self, validity: Validity) -> list[RowText]:
        """What is written in a held row: 'held since 10 Jan 2024 · expires 10 Jan 2027', then
        the certification's code and name."""
        cert = self.certs[validity.certification_id]
        status = held_status(validity, self.catalog, self.today)
        return [
            (status, self.ink(Colour.MUTED_TEXT), "date"),
            (f"{cert.code} {cert.name}", self.ink(Colour.TEXT), "label"),
        ]


def blackout_tooltip(blackout: Blackout) -> str:
    return blackout_tip(blackout)

"""What the ladder's selected certification is: exam facts, focus, audience, lifecycle, source."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QPushButton, QTextBrowser, QVBoxLayout, QWidget

from studyplanner.domain.catalog import Catalog, Certification, LifecycleStatus, RenewalKind
from studyplanner.domain.lifecycle import RenewalPath, path_text, renewal_paths
from studyplanner.domain.wording import (
    count_text,
    format_day,
    format_fee,
    format_hours,
    format_hours_range,
    sentence_start,
)
from studyplanner.domain.wording_languages import (
    ENGLISH,
    ESL_SOURCE,
    esl_fact_text,
    offered_in_text,
)
from studyplanner.i18n import _, pgettext
from studyplanner.style import Colour, colour, is_dark_palette, tier_colour


def renewal_line(path: RenewalPath) -> str:
    """'CLF-C02 · $100 · about 30 h', 'AWS Cloud Quest: … (free, no exam) · about 8 h
    (estimate)': one way to renew, with what it costs in money and time."""
    text = path_text(path)
    if path.kind is RenewalKind.EXAM and path.cost_usd is not None:
        text = _("{path} · {fee}").format(path=text, fee=format_fee(path.cost_usd))
    if path.hours is not None:
        hours = _("about {hours}").format(hours=format_hours(path.hours))
        if path.hours_assumed:
            hours = _("{hours} (estimate)").format(hours=hours)
        text = _("{path} · {hours}").format(path=text, hours=hours)
    return text


def experience_figures(cert: Certification) -> list[str]:
    """The years the exam guide recommends, as data: ['2 years on AWS', '5 years of
    networking'] (empty when it asks for none)."""
    figures = []
    if cert.aws_years:
        figures.append(_("{years} on AWS").format(years=count_text(cert.aws_years, "year")))
    field = cert.expected_field_years
    if field is not None:
        figures.append(
            _("{years} of {field}").format(
                years=count_text(field.years, "year"), field=field.field.label
            )
        )
    return figures


def certification_html(
    cert: Certification,
    catalog: Catalog,
    text: str | None = None,
    muted: str | None = None,
    dark: bool = False,
) -> str:
    """Rich text for one certification, in ``text`` and ``muted`` inks (the house ones unless
    given); every catalog string is escaped."""
    text = text or colour(Colour.TEXT, dark)
    muted = muted or colour(Colour.MUTED_TEXT, dark)
    color = tier_colour(cert.tier, dark)
    exam = cert.exam
    life = cert.lifecycle
    if life.status is LifecycleStatus.ACTIVE:
        lifecycle = (
            _("Active since {date}").format(date=format_day(life.since))
            if life.since
            else _("Active")
        )
    elif life.status is LifecycleStatus.RETIRING:
        lifecycle = _("<b>Retiring</b> — last day {date}").format(date=format_day(life.ends_on))
    else:
        lifecycle = _("<b>Retired</b> on {date}").format(date=format_day(life.ends_on))
    if life.replaced_by and life.replaced_by in catalog:
        successor = catalog.get(life.replaced_by)
        lifecycle = _("{status}; replaced by {code} {name}").format(
            status=lifecycle, code=escape(successor.code), name=escape(successor.name)
        )
    prior = ", ".join(escape(catalog.get(p).name) for p in cert.recommended_prior) or _("none")
    figures = experience_figures(cert)
    experience = escape(pgettext("catalog: recommended experience", cert.recommended_experience))
    if figures:
        experience = (
            "".join(f"<b>{escape(figure)}</b><br>" for figure in figures)
            + f"<span style='color:{muted}'>{experience}</span>"
        )
    previous = (
        " " + _("(earlier: {codes})").format(codes=escape(", ".join(cert.previous_codes)))
        if cert.previous_codes
        else ""
    )

    study_range = format_hours_range(cert.hours.low, cert.hours.high)
    exam_facts = _("{minutes} min · {questions} questions · {types}").format(
        minutes=exam.minutes, questions=exam.questions, types=escape(", ".join(exam.question_types))
    )
    study_hours = _("{range} (typically {typical})").format(
        range=study_range, typical=format_hours(cert.hours.typical)
    )
    source = _("Source: {source} (as of {date})").format(
        source=escape(cert.source), date=format_day(cert.as_of)
    )
    if cert.renewal_source:
        source += "<br>" + _("Renewal: {source}").format(source=escape(cert.renewal_source))
    # One domain a line, its weight never wrapped away from its number.
    domains = "<br>".join(
        escape(
            _("{number}. {name} {weight} %").format(number=d.number, name=d.name, weight=d.weight)
        ).replace(" %", "\u00a0%")
        for d in cert.domains
    )
    if cert.domains_assumed:
        domains += "<br>" + escape(_("assumed: the weights could not be read in AWS's guide"))
    if cert.domains and cert.domains_as_of:
        source += "<br>" + _("Domains: {source} (as of {date})").format(
            source=escape(cert.domains_source), date=format_day(cert.domains_as_of)
        )
    languages = ""
    if cert.exam_languages:
        languages = escape(
            sentence_start(offered_in_text(cert.exam_languages, cert.exam_languages_assumed))
        )
        if ENGLISH in cert.exam_languages:
            languages += "<br>" + escape(sentence_start(esl_fact_text()))
        if cert.exam_languages_as_of:
            source += "<br>" + _("Languages: {source} (as of {date})").format(
                source=escape(cert.exam_languages_source),
                date=format_day(cert.exam_languages_as_of),
            )
            if ENGLISH in cert.exam_languages:
                source += "<br>" + _("ESL: {source}").format(source=escape(ESL_SOURCE))
    renewals = "<br>".join(escape(renewal_line(p)) for p in renewal_paths(cert, catalog))
    if cert.renewal_list_assumed:
        renewals += "<br>" + escape(
            _("assumed: AWS's list for it could not be read, and no other way is known")
        )

    def row(label: str, value: str) -> str:
        return (
            f"<tr><td width='33%' style='color:{muted}; padding:2px 12px 2px 0'>{label}</td>"
            f"<td style='padding:2px 0'>{value}</td></tr>"
        )

    return f"""
<div style='color:{text}'>
<p style='margin:0'><span style='color:{color}; font-weight:700; letter-spacing:1px'>
{escape(cert.code)}</span>{previous} ·
<span style='color:{color}'>{escape(cert.tier.label)}</span></p>
<h2 style='margin:2px 0 8px 0'>{escape(cert.name)}</h2>
<p>{escape(pgettext("catalog: focus", cert.focus))}</p>
<p><b>{_("Who it is for:")}</b> {escape(pgettext("catalog: audience", cert.audience))}</p>
<table cellspacing='0'>
{
        row(
            _("Exam"),
            exam_facts,
        )
    }
{row(_("Languages"), languages) if languages else ""}
{row(_("Fee"), f"{format_fee(exam.fee_usd)} USD")}
{row(_("Passing score"), f"{exam.passing_score} / 1000")}
{row(_("Study hours"), study_hours)}
{row(_("Domains"), domains) if domains else ""}
{row(_("Experience"), experience)}
{row(_("Recommended before (optional)"), prior)}
{row(_("Key services"), escape(", ".join(cert.key_services)))}
{row(_("Status"), lifecycle)}
{row(_("Valid for"), count_text(cert.validity_years, "year"))}
{row(_("Ways to renew, cheapest first"), renewals or _("none: its exam is retired"))}
</table>
<p style='color:{muted}; font-size:small'>{source}</p>
</div>"""


class CertificationDetails(QWidget):
    """Read-only details of one certification, with an 'Add to plan' button."""

    add_requested = Signal(str)

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._cert_id = ""
        self._browser = QTextBrowser(self)
        self._browser.setOpenLinks(False)
        self._browser.setFrameShape(QTextBrowser.Shape.NoFrame)
        self._holding = ""
        self.catalog_note = ""
        """Which catalog the facts come from (and a word when it is old), under each one."""
        self._add = QPushButton(_("Add to plan"), self)
        self._add.clicked.connect(self._request_add)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self._browser, 1)
        layout.addWidget(self._add, 0, Qt.AlignmentFlag.AlignRight)
        self.show_certification("")

    @property
    def certification_id(self) -> str:
        return self._cert_id

    def _inks(self) -> tuple[str, str]:
        """Text and muted colours: the house inks, or the palette's own under a dark theme."""
        # Our own palette: on a palette change we hear of it before the browser inside does.
        palette = self.palette()
        if is_dark_palette(palette):
            return (
                palette.color(QPalette.ColorRole.Text).name(),
                palette.color(QPalette.ColorRole.PlaceholderText).name(),
            )
        return colour(Colour.TEXT), colour(Colour.MUTED_TEXT)

    def _request_add(self) -> None:
        self.add_requested.emit(self._cert_id)

    def show_certification(self, cert_id: str, holding: str = "") -> None:
        """Show ``cert_id``; ``holding`` (rich text) says since when the learner holds it."""
        self._cert_id = cert_id
        self._holding = holding
        text, muted = self._inks()
        if not cert_id:
            self._browser.setHtml(
                f"<p style='color:{muted}'>"
                + _(
                    "Select a certification on the ladder to see "
                    "its exam facts, who it is for and where it leads."
                )
                + "</p>"
            )
            self._add.setEnabled(False)
            return
        cert = self._catalog.get(cert_id)
        dark = is_dark_palette(self.palette())
        held = f"<p><b>{_('You hold it.')}</b> {holding}</p>" if holding else ""
        note = (
            f"<p style='color:{muted}'>{escape(self.catalog_note)}</p>" if self.catalog_note else ""
        )
        self._browser.setHtml(
            held + certification_html(cert, self._catalog, text, muted, dark) + note
        )
        self._add.setEnabled(not cert.is_retired)
        self._add.setToolTip(
            _("Retired certifications cannot be booked any more") if cert.is_retired else ""
        )

    def text(self) -> str:
        return self._browser.toPlainText()

    def html(self) -> str:
        """The rich text shown, colours included."""
        return self._browser.toHtml()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.show_certification(self._cert_id, self._holding)

"""The AWS tier ladder: Foundational, Associate and Professional rungs bottom to top, the
Specialty column beside them, a card per certification and the recommended-path arrows.

Cards are the drag source for the plan: pressing a card and moving starts a drag carrying the
certification id; Enter or a double-click asks for it to be added instead. A certification the
learner holds (held before the plan, or passed in it) is marked HELD, with how long it stays
valid in its tooltip; one that has expired is marked EXPIRED.

Text follows the application font and is never drawn below 8 pt: the ladder is never scaled
down. Each rung names its tier above its cards, so that the whole ladder, Specialty beside it,
fits the default window (1440x900). Where the view is too narrow for the Specialty column,
Specialty moves below the rungs, set clearly apart, and the rungs keep their cards along the
recommended path with its arrows (scrolling sideways if they must); only a very narrow view
wraps the cards, without arrows. Colours come from the registry through the theme, so the
ladder follows a light or dark palette; the card with keyboard focus wears a focus ring, and
every card is an item a screen reader can read (``studyplanner.ui.canvas.accessible``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QBrush,
    QColor,
    QDrag,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsItem,
    QGraphicsObject,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QGraphicsView,
    QStyle,
    QStyleOptionGraphicsItem,
    QWidget,
)

from studyplanner.domain.catalog import Catalog, Certification, Tier
from studyplanner.domain.lifecycle import Validity
from studyplanner.domain.wording import (
    assumed_text,
    format_day,
    format_fee,
    format_hours,
    format_month,
)
from studyplanner.i18n import N_, _
from studyplanner.labels import TranslatedLabels
from studyplanner.style import Colour, point_size
from studyplanner.ui.canvas import accessible
from studyplanner.ui.canvas.mime import certification_mime
from studyplanner.ui.canvas.timeline_items import Callout
from studyplanner.ui.document.plan_document import PlanDocument
from studyplanner.ui.widgets.theme import ink, tier_ink

LINEAR_TIERS = (Tier.PROFESSIONAL, Tier.ASSOCIATE, Tier.FOUNDATIONAL)  # top to bottom
TIER_HINT = TranslatedLabels(
    {
        Tier.FOUNDATIONAL: N_("no hands-on\nexperience needed"),
        Tier.ASSOCIATE: N_("about 1–2 years\non AWS"),
        Tier.PROFESSIONAL: N_("2+ years\non AWS"),
        Tier.SPECIALTY: N_("off the linear path:\ndeep domain skills, best\nafter Associate level"),
    }
)
APART_MIN_SHARE = 0.85
"""The rungs stay along the path (with arrows) while the view shows this much of their width
(the rest scrolls sideways, e.g. the retired SysOps card at 1280x800); a narrower view wraps
the cards without arrows."""
MAX_SCALE = 1.15
"""The ladder grows into a roomy view up to this much; it never shrinks (text stays >= 8 pt)."""
MESSAGE_MS = 3200
RETIRED_REFUSAL = N_("{code} {name} is retired and cannot be planned")


class Layout:
    """How the rungs are arranged for the view's width."""

    BESIDE = "beside"
    """Tier names above their cards, Specialty as a column beside the rungs."""
    APART = "apart"
    """The rungs as beside, Specialty below them, set apart; the arrows stay."""
    STACKED = "stacked"
    """Tier names above their cards, Specialty as a fourth rung, cards wrapped to the width
    (no arrows): only for a view too narrow for even three cards side by side."""


@dataclass(frozen=True)
class CardMetrics:
    """Sizes of a card and its text, from the application font (the design is at 9 pt)."""

    unit: float
    """How much larger than the design everything is (1.0 at a 9-pt application font)."""
    width: float
    height: float
    code_font: QFont
    name_font: QFont
    small_font: QFont
    ribbon_font: QFont
    heading_font: QFont
    hint_font: QFont
    code_top: float
    name_top: float
    name_height: float
    footer_top: float
    footer_height: float

    @classmethod
    def for_font(cls, base: QFont) -> CardMetrics:
        def sized(design: float, weight: QFont.Weight = QFont.Weight.Normal) -> QFont:
            font = QFont(base)
            font.setPointSizeF(point_size(design, base.pointSizeF()))
            font.setWeight(weight)
            return font

        code = sized(8.0, QFont.Weight.Bold)
        code.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 106)
        name = sized(10.0, QFont.Weight.DemiBold)
        small = sized(8.0)
        ribbon = sized(8.0, QFont.Weight.Bold)
        heading = sized(10.5, QFont.Weight.Bold)
        heading.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 110)
        hint = sized(8.0)
        unit = name.pointSizeF() / 10.0
        code_h = QFontMetricsF(code).height()
        name_h = QFontMetricsF(name).lineSpacing() * 2
        footer_h = max(QFontMetricsF(small).height(), QFontMetricsF(ribbon).height() + 3)
        code_top = 7 * unit
        name_top = code_top + code_h + 1
        footer_top = name_top + name_h + 3 * unit
        return cls(
            unit=unit,
            width=round(156 * unit),  # the widest ribbon (STUDYING) beside the code
            height=round(footer_top + footer_h + 6 * unit),
            code_font=code,
            name_font=name,
            small_font=small,
            ribbon_font=ribbon,
            heading_font=heading,
            hint_font=hint,
            code_top=code_top,
            name_top=name_top,
            name_height=name_h,
            footer_top=footer_top,
            footer_height=footer_h,
        )

    def fonts(self) -> list[QFont]:
        """Every font the ladder draws with."""
        return [
            self.code_font,
            self.name_font,
            self.small_font,
            self.ribbon_font,
            self.heading_font,
            self.hint_font,
        ]


class PlanMark:
    """How a certification appears in the open plan; a higher mark wins for duplicates."""

    NONE = 0
    PLANNED = 1
    STUDYING = 2
    PASSED = 3


@dataclass(frozen=True)
class Holding:
    """A certification the learner holds, as the ladder shows it."""

    earned_on: date
    valid_until: date
    """The expiry before any renewal still to come in the plan."""
    expires_on: date
    """The expiry after the renewals the plan brings."""
    renewed_by: tuple[tuple[str, date, bool], ...]
    """(exam code, day, whether it is only assumed to renew) of each renewal in the plan."""
    expired: bool

    @property
    def ribbon(self) -> str:
        return _("EXPIRED") if self.expired else _("✓ HELD")

    def describe(self) -> str:
        """'Held since 10 Jan 2024 · valid until 10 Jan 2027', with the plan's renewals."""
        if self.expired:
            return _("Earned {earned} · expired {expired}").format(
                earned=format_day(self.earned_on), expired=format_day(self.expires_on)
            )
        text = _("Held since {earned} · valid until {until}").format(
            earned=format_day(self.earned_on), until=format_day(self.valid_until)
        )
        for code, day, assumed in self.renewed_by:
            renewal = assumed_text(
                _("{code} on {date} renews it").format(code=code, date=format_day(day)), assumed
            )
            text += f"<br>{renewal}"
        if self.renewed_by:
            text = _("{held}: valid until {date}").format(
                held=text, date=format_day(self.expires_on)
            )
        return text


def holdings(validities: Sequence[Validity], catalog: Catalog, today: date) -> dict[str, Holding]:
    """What the learner holds by certification id: held certifications and passed exams
    (planned ones are not held yet); the latest validity wins."""
    found: dict[str, Holding] = {}
    for validity in validities:
        if not validity.held:
            continue
        valid_until = validity.first_expiry
        renewed: list[tuple[str, date, bool]] = []
        for renewal in validity.renewals:
            code = catalog.get(renewal.certification_id).code
            if renewal.on <= today:
                valid_until = renewal.expires_on  # already renewed
            else:
                renewed.append((code, renewal.on, renewal.assumed))
        holding = Holding(
            validity.earned_on,
            valid_until,
            validity.expires_on,
            tuple(renewed),
            valid_until < today,
        )
        known = found.get(validity.certification_id)
        if known is None or holding.expires_on >= known.expires_on:
            found[validity.certification_id] = holding
    return found


class CertificationCard(QGraphicsObject):
    """One certification on the ladder (and, to a screen reader, one item of its list)."""

    FOCUS_MARGIN = 5.0
    """How far outside the card its focus ring is drawn."""

    def __init__(self, cert: Certification, view: LadderView) -> None:
        super().__init__()
        self.cert = cert
        self._view = view
        self.plan_mark = PlanMark.NONE
        self.holding: Holding | None = None
        """Set when the learner holds this certification."""
        self._hover = False
        self._press_pos: QPointF | None = None
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsFocusable, True)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setObjectName(cert.id)
        status = cert.lifecycle.status.value
        tip = f"<b>{cert.code} {cert.name}</b><br>" + _(
            "{hours} typical · {fee} · {minutes} min"
        ).format(
            hours=format_hours(cert.hours.typical),
            fee=format_fee(cert.exam.fee_usd),
            minutes=cert.exam.minutes,
        )
        if status != "active":
            ends = format_day(cert.lifecycle.ends_on)
            ending = _("Retired {date}") if status == "retired" else _("Retiring {date}")
            tip += f"<br><i>{ending.format(date=ends)}</i>"
        self._tip = tip
        self._refresh_tooltip()
        self.setData(0, f"{cert.code} {cert.name}")

    @property
    def metrics(self) -> CardMetrics:
        return self._view.metrics

    def set_holding(self, holding: Holding | None) -> None:
        if holding != self.holding:
            self.holding = holding
            self._refresh_tooltip()
            self.update()

    def _refresh_tooltip(self) -> None:
        tip = self._tip
        if self.holding is not None:
            tip += f"<br><b>{self.holding.describe()}</b>"
        if self.cert.is_retired:
            tip += "<br>" + _("Retired: it can no longer be booked.")
        else:
            tip += "<br>" + _("Drag into the plan, or press Enter to add it.")
        self.setToolTip(tip)

    # --- what a screen reader hears -------------------------------------------------------

    def mark_text(self) -> str:
        """The ribbon's words in a sentence: 'In plan', 'Held', 'Retired' … ('' for none)."""
        marks = []
        if self.cert.is_retired:
            marks.append(_("Retired"))
        if self.holding is not None:
            marks.append(_("Expired") if self.holding.expired else _("Held"))
        elif self.plan_mark == PlanMark.PASSED:
            marks.append(_("Passed"))
        elif self.plan_mark == PlanMark.STUDYING:
            marks.append(_("Studying"))
        elif self.plan_mark == PlanMark.PLANNED:
            marks.append(_("In plan"))
        return ", ".join(marks)

    def accessible_name(self) -> str:
        return f"{self.cert.code} {self.cert.name}"

    def accessible_description(self) -> str:
        cert = self.cert
        parts = [
            cert.tier.label,
            _("{hours} typical").format(hours=format_hours(cert.hours.typical)),
            f"{format_fee(cert.exam.fee_usd)}",
        ]
        if self.mark_text():
            parts.append(self.mark_text())
        if self.holding is not None:
            parts.append(self.holding.describe().replace("<br>", "; "))
        return " · ".join(parts)

    def accessible_selected(self) -> bool:
        return self.isSelected()

    def accessible_focused(self) -> bool:
        return (
            self._view.hasFocus() and self.scene() is not None and self.scene().focusItem() is self
        )

    def accessible_rect(self) -> QRect:
        view = self._view
        polygon = view.mapFromScene(self.sceneBoundingRect())
        rect = polygon.boundingRect()
        return QRect(view.viewport().mapToGlobal(rect.topLeft()), rect.size())

    def accessible_view(self) -> QWidget:
        return self._view

    # --- painting ---------------------------------------------------------------------

    def boundingRect(self) -> QRectF:
        m = self.metrics
        margin = self.FOCUS_MARGIN + 2
        return QRectF(-margin, -margin, m.width + 2 * margin, m.height + 2 * margin + 2)

    def shows_focus(self) -> bool:
        """True while the card has the keyboard focus (its focus ring is drawn)."""
        return self.hasFocus()

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        m = self.metrics
        cert = self.cert
        retired = cert.is_retired
        tier_color = tier_ink(cert.tier)
        rect = QRectF(0, 0, m.width, m.height)
        radius = 8.0
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)

        # shadow
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(0, 0, 0, 22 if not self._hover else 40))
        painter.drawRoundedRect(rect.translated(0, 2), radius, radius)

        fill = ink(Colour.PANEL if retired else Colour.SURFACE)
        pen = QPen(ink(Colour.BORDER), 1)
        if retired:
            pen.setStyle(Qt.PenStyle.DashLine)
        if self.isSelected():
            pen = QPen(ink(Colour.SELECTION_RING), 2.5)
        painter.setPen(pen)
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, radius, radius)

        if self.shows_focus():
            ring = QPen(ink(Colour.SELECTION_RING), 2)
            ring.setStyle(Qt.PenStyle.DotLine if not self.isSelected() else Qt.PenStyle.SolidLine)
            painter.setPen(ring)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            margin = self.FOCUS_MARGIN - 1
            painter.drawRoundedRect(
                rect.adjusted(-margin, -margin, margin, margin), radius + 3, radius + 3
            )

        # tier stripe on the left
        stripe = QPainterPath()
        stripe.addRoundedRect(QRectF(0, 0, 12, m.height), radius, radius)
        clip = QPainterPath()
        clip.addRect(QRectF(0, 0, 6, m.height))
        painter.setPen(Qt.PenStyle.NoPen)
        stripe_color = QColor(tier_color)
        if retired:
            stripe_color.setAlpha(90)
        painter.setBrush(stripe_color)
        painter.drawPath(stripe.intersected(clip))

        left = 16 * m.unit
        inner = m.width - left - 8 * m.unit
        muted = ink(Colour.MUTED_TEXT)
        painter.setFont(m.code_font)
        painter.setPen(QColor(tier_color) if not retired else muted)
        painter.drawText(
            QRectF(left, m.code_top, inner, m.name_top - m.code_top),
            Qt.AlignmentFlag.AlignLeft,
            cert.code,
        )

        painter.setFont(m.name_font)
        painter.setPen(muted if retired else ink(Colour.TEXT))
        painter.drawText(
            QRectF(left, m.name_top, inner, m.name_height),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap),
            cert.short_name,
        )

        painter.setFont(m.small_font)
        painter.setPen(muted)
        ended = cert.lifecycle.ends_on
        if retired and ended is not None:
            footer = _("Retired {date}").format(date=format_month(ended))
        else:
            footer = f"{format_hours(cert.hours.typical)} · {format_fee(cert.exam.fee_usd)}"
        painter.drawText(
            QRectF(left, m.footer_top, inner, m.footer_height),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            footer,
        )

        ribbon = self.ribbon()
        if ribbon is not None:
            self._paint_ribbon(painter, *ribbon)

    def ribbon(self) -> tuple[str, QColor, QColor] | None:
        """The one badge in the card's top right corner: (words, fill, text colour). What
        the plan or the learner's holding says wins over 'retired', which the footer and the
        dashed border say as well."""
        holding = self.holding
        white = ink(Colour.ON_COLOUR)
        if holding is not None:
            fill = ink(
                Colour.RETIRED if holding.expired or self.cert.is_retired else Colour.PASSED_RIBBON
            )
            return holding.ribbon, fill, white
        if self.cert.is_retired:
            return _("RETIRED"), ink(Colour.RETIRED), white
        if self.plan_mark == PlanMark.PASSED:
            return _("✓ PASSED"), ink(Colour.PASSED_RIBBON), white
        if self.plan_mark == PlanMark.STUDYING:
            return _("STUDYING"), ink(Colour.WARNING_FILL), ink(Colour.WARNING_INK)
        if self.plan_mark == PlanMark.PLANNED:
            return _("IN PLAN"), tier_ink(self.cert.tier), white
        return None

    def _paint_ribbon(self, painter: QPainter, label: str, color: QColor, text: QColor) -> None:
        m = self.metrics
        painter.setFont(m.ribbon_font)
        metrics = QFontMetricsF(m.ribbon_font)
        width = metrics.horizontalAdvance(label) + 10 * m.unit
        height = metrics.height() + 2
        badge = QRectF(m.width - width - 6 * m.unit, m.code_top - 1, width, height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawRoundedRect(badge, height / 2, height / 2)
        painter.setPen(text)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, label)

    # --- interaction --------------------------------------------------------------------

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()
        accessible.announce_focus(self)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._hover = True
        self.update()
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._hover = False
        self.update()
        super().hoverLeaveEvent(event)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press_pos = event.screenPos().toPointF()
            self._view.select_certification(self.cert.id)
            self.setFocus()
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._press_pos is None:
            return
        moved = (event.screenPos().toPointF() - self._press_pos).manhattanLength()
        if moved < QApplication.startDragDistance():
            return
        self._press_pos = None
        self._view.start_drag(self)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self._press_pos = None
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self._view.request_add(self.cert.id)
        event.accept()


class LadderView(QGraphicsView):
    """Shows the catalog as a ladder and emits what the user picks."""

    certification_selected = Signal(str)
    """A card was selected ('' when none is)."""
    add_requested = Signal(str)
    """The user asked to add this certification to the plan (Enter / double-click)."""
    message = Signal(str)
    """Something the user tried did nothing, and why (the window may show it in its status
    bar; the ladder shows it too)."""

    MARGIN = 8.0
    BAND_ALPHA = 18
    """How strongly a rung is tinted with its tier's colour."""

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        accessible.install()
        super().__init__(parent)
        self._catalog = catalog
        self._show_retired = False
        self._cards: dict[str, CertificationCard] = {}
        self._marks: dict[str, int] = {}
        self._holdings: dict[str, Holding] = {}
        self._document: PlanDocument | None = None
        self._layout = Layout.BESIDE
        self._columns = 0
        self._notice: Callout | None = None
        self._path_aligned = True
        """Whether the cards sit along the recommended path (its arrows are drawn then)."""
        self.metrics = CardMetrics.for_font(self.font())
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setBackgroundBrush(QBrush(ink(Colour.CANVAS)))
        # left and top: a view that narrows (a panel widening) does not move the cards sideways
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.setAccessibleName(_("Certification ladder"))
        self.setAccessibleDescription(
            _("Arrow keys move between certifications; Enter adds the selected one to the plan")
        )
        self._notice_timer = QTimer(self)
        self._notice_timer.setSingleShot(True)
        self._notice_timer.timeout.connect(self._hide_notice)
        self._rebuild()

    # --- public ---------------------------------------------------------------------------

    @property
    def show_retired(self) -> bool:
        return self._show_retired

    @property
    def layout_mode(self) -> str:
        """``Layout.BESIDE``, ``APART`` or ``STACKED``: how the rungs are arranged now."""
        return self._layout

    def scale_factor(self) -> float:
        """How much the scene is magnified (never below 1: text is not shrunk)."""
        return self.transform().m11()

    def set_show_retired(self, show: bool) -> None:
        if show != self._show_retired:
            selected = self.selected_certification()
            self._show_retired = show
            self._rebuild()
            if selected and selected in self._cards:
                self.select_certification(selected)
            elif selected:
                self.certification_selected.emit("")

    def card(self, cert_id: str) -> CertificationCard:
        return self._cards[cert_id]

    def visible_certifications(self) -> list[str]:
        return list(self._cards)

    def accessible_items(self) -> list[CertificationCard]:
        """The cards in reading order (rung by rung from the top, then Specialty)."""
        return list(self._cards.values())

    def selected_certification(self) -> str:
        for cert_id, card in self._cards.items():
            if card.isSelected():
                return cert_id
        return ""

    def focused_certification(self) -> str:
        """The card with the keyboard focus ring ('' when the ladder does not have focus)."""
        for cert_id, card in self._cards.items():
            if card.shows_focus():
                return cert_id
        return ""

    def select_certification(self, cert_id: str) -> None:
        scene = self.scene()
        changed = self.selected_certification() != cert_id
        scene.clearSelection()
        if cert_id in self._cards:
            card = self._cards[cert_id]
            card.setSelected(True)
            card.setFocus()
            margin = int(CertificationCard.FOCUS_MARGIN + 4)
            self.ensureVisible(card, margin, margin)
        if changed:
            self.certification_selected.emit(cert_id if cert_id in self._cards else "")

    def set_plan_marks(self, marks: dict[str, int]) -> None:
        """Which certifications are in the plan (PlanMark.PLANNED) or passed."""
        self._marks = dict(marks)
        for cert_id, card in self._cards.items():
            mark = self._marks.get(cert_id, PlanMark.NONE)
            if card.plan_mark != mark:  # an edit repaints only the cards whose mark changed
                card.plan_mark = mark
                card.update()

    def set_holdings(self, held: dict[str, Holding]) -> None:
        """Which certifications the learner holds, and until when (see ``holdings``)."""
        self._holdings = dict(held)
        for cert_id, card in self._cards.items():
            card.set_holding(self._holdings.get(cert_id))

    def follow(self, document: PlanDocument) -> None:
        """Keep the HELD marks in step with ``document``'s held and passed certifications."""
        self._document = document
        document.changed.connect(self._refresh_holdings)
        document.opened.connect(self._refresh_holdings)
        self._refresh_holdings()

    @Slot()
    def _refresh_holdings(self) -> None:
        document = self._document
        if document is not None:
            self.set_holdings(holdings(document.validities, document.catalog, document.today()))

    def card_center_in_viewport(self, cert_id: str) -> QPointF:
        card = self._cards[cert_id]
        return QPointF(self.mapFromScene(card.sceneBoundingRect().center()))

    def request_add(self, cert_id: str) -> None:
        """Ask for ``cert_id`` to be added; a retired one is refused, saying why."""
        cert = self._catalog.get(cert_id)
        if cert.is_retired:
            self.refuse(_(RETIRED_REFUSAL).format(code=cert.code, name=cert.name))
        else:
            self.add_requested.emit(cert_id)

    def start_drag(self, card: CertificationCard) -> None:
        """Drag ``card`` towards the plan. A retired card can be picked up, so that letting
        it go says why it was not planned, rather than nothing happening at all."""
        cert = card.cert
        drag = QDrag(self)
        drag.setMimeData(certification_mime(cert.id, f"{cert.code} {cert.name}"))
        drag.setPixmap(self._drag_pixmap(card))
        drag.setHotSpot(drag.pixmap().rect().center())
        result = drag.exec(Qt.DropAction.CopyAction)
        target = drag.target()
        # Let go over another view (the timeline), that view has said why already: saying it
        # here and in the status bar as well made three of one refusal (issue 21).
        elsewhere = isinstance(target, QWidget) and not (
            target is self or self.isAncestorOf(target)
        )
        if cert.is_retired and result == Qt.DropAction.IgnoreAction and not elsewhere:
            self.refuse(_(RETIRED_REFUSAL).format(code=cert.code, name=cert.name))

    def refuse(self, text: str) -> None:
        """Say why nothing happened: a card at the foot of the view for a few seconds, and
        ``message`` for the status bar."""
        self._hide_notice()
        self._notice = Callout(text, "refusal")
        self.scene().addItem(self._notice)
        self._place_notice()
        self._notice_timer.start(MESSAGE_MS)
        self.message.emit(text)

    def notice(self) -> str:
        """The refusal shown in the view right now ('' for none)."""
        return self._notice.text if self._notice is not None else ""

    def _hide_notice(self) -> None:
        if self._notice is not None:
            if self._notice.scene() is self.scene():
                self.scene().removeItem(self._notice)
            self._notice = None

    def _place_notice(self) -> None:
        if self._notice is None:
            return
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        size = self._notice.size
        self._notice.setPos(
            visible.center().x() - size.width() / 2, visible.bottom() - size.height() - 12
        )

    # --- layout -------------------------------------------------------------------------

    def _visible(self, tier: Tier) -> list[Certification]:
        return self._catalog.by_tier(tier, include_retired=self._show_retired)

    def _rung_geometry(self) -> tuple[float, float, float, float, float]:
        """(gap, padding, rung width, rung height, top of the cards in a rung) of the rungs
        with their tier names above the cards, grown with the font."""
        m = self.metrics
        gap = pad = 8 * m.unit
        used = int(max(self._slots().values(), default=0)) + 1
        rung_w = used * m.width + (used - 1) * gap + 2 * pad
        cards_top = pad + QFontMetricsF(m.heading_font).height() + 4 * m.unit
        return gap, pad, rung_w, cards_top + m.height + pad, cards_top

    def _specialty_block(self, columns: int) -> tuple[float, float]:
        """(width, height) of the Specialty box with ``columns`` cards a row, named above."""
        m = self.metrics
        gap, pad, _w, _h, _top = self._rung_geometry()
        count = max(1, len(self._visible(Tier.SPECIALTY)))
        rows = -(-count // columns)
        hint_lines = TIER_HINT[Tier.SPECIALTY].count("\n") + 1
        heading = QFontMetricsF(m.heading_font).height() + 4 * m.unit
        top = pad + heading + hint_lines * QFontMetricsF(m.hint_font).lineSpacing() + 8 * m.unit
        width = columns * m.width + (columns - 1) * gap + 2 * pad
        return width, top + rows * m.height + (rows - 1) * gap + pad

    def _specialty_columns_beside(self) -> int:
        """Cards a row in the Specialty column so that it is no taller than the rungs."""
        gap, _pad, _w, rung_h, _top = self._rung_geometry()
        height = 3 * rung_h + 2 * gap
        count = max(1, len(self._visible(Tier.SPECIALTY)))
        for columns in range(1, count + 1):
            if self._specialty_block(columns)[1] <= height:
                return columns
        return count

    def _beside_width(self) -> float:
        gap, _pad, rung_w, _h, _top = self._rung_geometry()
        column_w, _column_h = self._specialty_block(self._specialty_columns_beside())
        return rung_w + 2 * gap + column_w + 2 * self.MARGIN

    def _wanted_layout(self) -> tuple[str, int]:
        """The arrangement for the view's width: beside when all fits; else the rungs along
        the path with Specialty apart below them; stacked when even the rungs do not
        nearly fit (``APART_MIN_SHARE``)."""
        available = self.viewport().width()
        if available < 10 or available >= self._beside_width():
            return Layout.BESIDE, self._specialty_columns_beside()
        m = self.metrics
        gap, pad, rung_w, _h, _top = self._rung_geometry()
        if not self.verticalScrollBar().isVisible():  # a taller ladder may need one
            available -= self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        room = max(available - 2 * self.MARGIN, rung_w) - 2 * pad + gap
        columns = max(1, int(room // (m.width + gap)))
        if available - 2 * self.MARGIN >= APART_MIN_SHARE * rung_w:
            return Layout.APART, columns
        stacked_room = available - 2 * self.MARGIN - 2 * pad + gap
        return Layout.STACKED, max(1, int(stacked_room // (m.width + gap)))

    def _rebuild(self) -> None:
        """Lay the ladder out again (font, theme, width or the retired switch changed),
        keeping the selection and the keyboard focus."""
        scene = self.scene()
        selected = self.selected_certification()
        focused = self.focused_certification()
        self._hide_notice()
        scene.clear()
        self._cards.clear()
        self.metrics = CardMetrics.for_font(self.font())
        self.setBackgroundBrush(QBrush(ink(Colour.CANVAS)))
        self._layout, self._columns = self._wanted_layout()
        self._path_aligned = True
        if self._layout == Layout.STACKED:
            self._lay_out_stacked(self._columns)
        else:
            self._lay_out_rungs(self._layout, self._columns)
        if self._path_aligned:
            self._add_arrows()
        bounds = scene.itemsBoundingRect()
        margin = self.MARGIN
        scene.setSceneRect(bounds.adjusted(-margin, -margin, margin, margin))
        for cert_id, card in self._cards.items():
            card.plan_mark = self._marks.get(cert_id, PlanMark.NONE)
            card.set_holding(self._holdings.get(cert_id))
        if selected in self._cards:
            self._cards[selected].setSelected(True)
        keep = focused or selected
        if keep in self._cards:
            self._cards[keep].setFocus()
        self._fit()

    def _lay_out_rungs(self, layout: str, columns: int) -> None:
        """The three rungs, names above their cards, each card over or under the ones its
        arrows join; then Specialty with ``columns`` cards a row, beside the rungs or apart
        below them."""
        m = self.metrics
        gap, pad, rung_w, rung_h, cards_top = self._rung_geometry()
        slots = self._slots()
        y = 0.0
        for tier in LINEAR_TIERS:
            rect = QRectF(0, y, rung_w, rung_h)
            self._add_rung_background(rect, tier)
            hint = TIER_HINT[tier].replace("\n", " ")
            self._add_heading_line(tier, rect.left() + 2 * pad, rect.top() + pad, hint)
            for cert in self._visible(tier):
                self._place(cert, pad + slots[cert.id] * (m.width + gap), y + cards_top)
            y += rung_h + gap

        width, height = self._specialty_block(columns)
        if layout == Layout.BESIDE:
            box = QRectF(rung_w + 2 * gap, 0, width, max(height, y - gap))
        else:  # apart: under the rungs, after a wider gap than between them
            box = QRectF(0, y + 2 * gap, width, height)
        self._add_rung_background(box, Tier.SPECIALTY)
        bottom = self._add_label(Tier.SPECIALTY, box.left() + pad, box.top() + pad)
        for i, cert in enumerate(self._visible(Tier.SPECIALTY)):
            row, col = divmod(i, columns)
            self._place(
                cert,
                box.left() + pad + col * (m.width + gap),
                bottom + 8 * m.unit + row * (m.height + gap),
            )

    def _lay_out_stacked(self, columns: int) -> None:
        """Each tier as a band with its name above its cards, Specialty last; the linear
        tiers keep their path alignment when it fits in ``columns``."""
        m = self.metrics
        gap = pad = 12 * m.unit  # tighter than beside: this layout is for narrow views
        slots = self._slots()
        aligned = int(max(slots.values(), default=0)) + 1 <= columns
        self._path_aligned = aligned
        tiers = (*LINEAR_TIERS, Tier.SPECIALTY)
        used = max(
            1,
            min(columns, max(len(self._visible(t)) for t in tiers)),
            int(max(slots.values(), default=0)) + 1 if aligned else 1,
        )
        rung_w = used * m.width + (used - 1) * gap + 2 * pad
        heading_h = QFontMetricsF(m.heading_font).height()
        y = 0.0
        for tier in tiers:
            certs = self._visible(tier)
            positions: list[tuple[float, int]] = []
            for index, cert in enumerate(certs):
                if aligned and tier is not Tier.SPECIALTY:
                    positions.append((slots[cert.id], 0))
                else:
                    row, col = divmod(index, columns)
                    positions.append((float(col), row))
            rows = max((row for _slot, row in positions), default=0) + 1
            cards_top = pad + heading_h + 10 * m.unit
            rung_h = cards_top + rows * m.height + (rows - 1) * gap + pad
            rect = QRectF(0, y, rung_w, rung_h)
            self._add_rung_background(rect, tier)
            hint = TIER_HINT[tier].replace("\n", " ")
            self._add_heading_line(tier, rect.left() + pad, rect.top() + pad, hint)
            for cert, (slot, row) in zip(certs, positions, strict=True):
                self._place(
                    cert,
                    pad + slot * (m.width + gap),
                    y + cards_top + row * (m.height + gap),
                )
            y += rung_h + gap

    def _slots(self) -> dict[str, float]:
        """Horizontal slot of each card: Associate cards in catalog order; Professional and
        Foundational cards over / under the Associate cards their arrows connect, so the
        recommended path reads straight up the ladder."""
        associates = self._visible(Tier.ASSOCIATE)
        slots = {c.id: float(i) for i, c in enumerate(associates)}
        for tier, linked in (
            (Tier.PROFESSIONAL, lambda c: [a.id for a in associates if c.id in a.next_steps]),
            (Tier.FOUNDATIONAL, lambda c: [a for a in c.next_steps if a in slots]),
        ):
            taken: list[float] = []
            for cert in self._visible(tier):
                anchors = [slots[a] for a in linked(cert) if a in slots]
                slot = sum(anchors) / len(anchors) if anchors else (taken[-1] + 1 if taken else 0)
                while any(abs(slot - other) < 1 for other in taken):
                    slot += 0.5
                taken.append(slot)
                slots[cert.id] = slot
        return slots

    def _place(self, cert: Certification, x: float, y: float) -> None:
        card = CertificationCard(cert, self)
        card.setPos(x, y)
        card.setZValue(2)
        self.scene().addItem(card)
        self._cards[cert.id] = card

    def _add_rung_background(self, rect: QRectF, tier: Tier) -> None:
        scene = self.scene()
        color = tier_ink(tier)
        band = QColor(color)
        if tier is Tier.SPECIALTY:
            band.setAlpha(14)
            pen = QPen(QColor(color.red(), color.green(), color.blue(), 120), 1.2)
            pen.setStyle(Qt.PenStyle.DashLine)
            scene.addRect(rect, pen, QBrush(band)).setZValue(0)
            return
        band.setAlpha(self.BAND_ALPHA)
        scene.addRect(rect, QPen(Qt.PenStyle.NoPen), QBrush(band)).setZValue(0)
        edge = QColor(color)
        edge.setAlpha(160)
        scene.addRect(
            QRectF(rect.left(), rect.top(), 4, rect.height()), QPen(Qt.PenStyle.NoPen), QBrush(edge)
        )

    def _add_label(self, tier: Tier, x: float, y: float, hint: str | None = None) -> float:
        """The tier's name with its hint under it; returns the y below them."""
        m = self.metrics
        heading = self._add_text(tier.label.upper(), x, y, m.heading_font, tier_ink(tier))
        below = y + heading.boundingRect().height() + 4 * m.unit
        text = self._add_text(
            hint or TIER_HINT[tier], x, below, m.hint_font, ink(Colour.MUTED_TEXT)
        )
        return below + text.boundingRect().height()

    def _add_heading_line(self, tier: Tier, x: float, y: float, hint: str) -> None:
        """The tier's name and its hint on one line, on the rung's own colour, so that an
        arrow passing on its way up goes behind the words instead of through them."""
        m = self.metrics
        heading = self._add_text(tier.label.upper(), x, y, m.heading_font, tier_ink(tier))
        hint_x = x + heading.boundingRect().width() + 12 * m.unit
        hint_item = self._add_text(hint, hint_x, y, m.hint_font, ink(Colour.MUTED_TEXT))
        # baseline-align the smaller hint with the heading
        delta = QFontMetricsF(m.heading_font).ascent() - QFontMetricsF(m.hint_font).ascent()
        hint_item.setY(y + delta)
        words = heading.sceneBoundingRect().united(hint_item.sceneBoundingRect())
        backing = self.scene().addRect(
            words.adjusted(-3, -1, 3, 1), QPen(Qt.PenStyle.NoPen), QBrush(self._band_fill(tier))
        )
        backing.setZValue(0.75)  # over the arrows (0.5), under the words (1)

    def _band_fill(self, tier: Tier) -> QColor:
        """The opaque colour of ``tier``'s rung: its tint over the canvas."""
        canvas, tint = ink(Colour.CANVAS), tier_ink(tier)
        share = self.BAND_ALPHA / 255

        def mix(a: float, b: float) -> float:
            return a + (b - a) * share

        return QColor.fromRgbF(
            mix(canvas.redF(), tint.redF()),
            mix(canvas.greenF(), tint.greenF()),
            mix(canvas.blueF(), tint.blueF()),
        )

    def _add_text(self, text: str, x: float, y: float, font: QFont, color: QColor) -> QGraphicsItem:
        item = self.scene().addSimpleText(text, font)
        item.setBrush(color)
        item.setPos(x, y)
        item.setZValue(1)
        return item

    def _add_arrows(self) -> None:
        color = ink(Colour.FAINT)
        pen = QPen(color, 1.6)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        for cert_id, card in self._cards.items():
            for target_id in card.cert.next_steps:
                target = self._cards.get(target_id)
                if target is None or target.cert.tier is Tier.SPECIALTY:
                    continue  # Specialty sits beside the path: its details name what comes first
                curve, head = self._arrow_paths(self._card_rect(card), self._card_rect(target))
                line = QGraphicsPathItem(curve)
                line.setPen(pen)
                line.setZValue(0.5)  # under the tier names it may cross
                line.setData(0, f"{cert_id}->{target_id}")
                tip = QGraphicsPathItem(head, line)
                tip.setPen(QPen(Qt.PenStyle.NoPen))
                tip.setBrush(QBrush(color))
                self.scene().addItem(line)

    def _card_rect(self, card: CertificationCard) -> QRectF:
        """The card itself in scene coordinates (its bounding rect has room for the ring)."""
        return QRectF(
            card.pos(),
            QPointF(card.pos().x() + self.metrics.width, card.pos().y() + self.metrics.height),
        )

    @staticmethod
    def _arrow_paths(src: QRectF, dst: QRectF) -> tuple[QPainterPath, QPainterPath]:
        """A curve from the top of ``src`` to the bottom of ``dst``, and its arrow head."""
        start = QPointF(src.center().x(), src.top() + 2)
        end = QPointF(dst.center().x(), dst.bottom() + 1)
        mid = (start.y() + end.y()) / 2
        c1 = QPointF(start.x(), mid)
        c2 = QPointF(end.x(), mid)
        curve = QPainterPath(start)
        curve.cubicTo(c1, c2, QPointF(end.x(), end.y() + 6))
        head = QPainterPath(end)
        head.lineTo(QPointF(end.x() - 4.5, end.y() + 8))
        head.lineTo(QPointF(end.x() + 4.5, end.y() + 8))
        head.closeSubpath()
        return curve, head

    def _fit(self) -> None:
        """Grow the ladder into a roomy view (up to ``MAX_SCALE``); never shrink it, so text
        keeps its size and a small view scrolls instead."""
        rect = self.sceneRect()
        if rect.isEmpty() or self.viewport().width() < 10:
            return
        self.resetTransform()
        sx = self.viewport().width() / rect.width()
        sy = self.viewport().height() / rect.height()
        scale = max(1.0, min(MAX_SCALE, sx, sy))
        self.scale(scale, scale)
        self._place_notice()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._wanted_layout() != (self._layout, self._columns):
            self._rebuild()
        else:
            self._fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        kind = event.type()
        if kind in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self._rebuild()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        self._place_notice()

    def _drag_pixmap(self, card: CertificationCard) -> QPixmap:
        ratio = self.devicePixelRatioF()
        bounds = card.boundingRect()
        pixmap = QPixmap(int(bounds.width() * ratio), int(bounds.height() * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setOpacity(0.85)
        painter.translate(-bounds.topLeft())
        card.paint(painter, QStyleOptionGraphicsItem(), None)
        painter.end()
        return pixmap

    # --- keyboard -----------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        selected = self.selected_certification()
        focused = self.focused_certification()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and selected:
            self.request_add(selected)
            event.accept()
            return
        if key == Qt.Key.Key_Space and focused and focused != selected:
            self.select_certification(focused)
            event.accept()
            return
        arrows = {
            Qt.Key.Key_Left: (-1, 0),
            Qt.Key.Key_Right: (1, 0),
            Qt.Key.Key_Up: (0, -1),
            Qt.Key.Key_Down: (0, 1),
        }
        if key in arrows and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self._move_selection(*arrows[Qt.Key(key)])
            event.accept()
            return
        super().keyPressEvent(event)

    def _move_selection(self, dx: int, dy: int) -> None:
        cards = list(self._cards.values())
        if not cards:
            return
        current = self._cards.get(self.selected_certification() or self.focused_certification())
        if current is None:
            self.select_certification(cards[0].cert.id)
            return
        # from the card with the focus ring, selected or not: the first arrow after F6 moves
        origin = current.sceneBoundingRect().center()
        best: tuple[float, CertificationCard] | None = None
        for card in cards:
            if card is current:
                continue
            delta = card.sceneBoundingRect().center() - origin
            along = delta.x() * dx + delta.y() * dy
            if along <= 1:
                continue
            across = abs(delta.x() * dy) + abs(delta.y() * dx)
            score = along + 2.5 * across
            if best is None or score < best[0]:
                best = (score, card)
        if best is not None:
            self.select_certification(best[1].cert.id)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if self._cards and self.scene().focusItem() is None:
            first = self._cards.get(self.selected_certification()) or next(
                iter(self._cards.values())
            )
            first.setFocus()
        focus = self.scene().focusItem()
        if focus is not None:
            self.ensureVisible(focus, 8, 8)
            focus.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        focus = self.scene().focusItem()
        if focus is not None:
            focus.update()

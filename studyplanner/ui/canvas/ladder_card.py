"""A certification's card on the tier ladder: its code, name, hours and fee, the ribbon
that says whether it is in the plan, held or retired, and its focus ring. Cards are drawn from
the application font (``CardMetrics``) and tell the ladder what the user does with them through
signals; the ladder lays them out (``studyplanner.layout.ladder``).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
)
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsItem,
    QGraphicsObject,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QWidget,
)

from studyplanner.domain.catalog import Certification
from studyplanner.domain.wording import format_day, format_fee, format_hours, format_month
from studyplanner.i18n import _
from studyplanner.layout.ladder import Holding, PlanMark
from studyplanner.style import Colour, point_size
from studyplanner.ui.canvas import accessible
from studyplanner.ui.widgets.theme import ink, tier_ink


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


class CertificationCard(QGraphicsObject):
    """One certification on the ladder (and, to a screen reader, one item of its list)."""

    picked = Signal(str)
    """Pressed with the mouse: the ladder selects it (the certification id)."""
    dragged = Signal(QGraphicsObject)
    """Pressed and moved far enough to start a drag (the card)."""
    add_requested = Signal(str)
    """Double-clicked: the user asks for it in the plan (the certification id)."""

    FOCUS_MARGIN = 5.0
    """How far outside the card its focus ring is drawn."""

    def __init__(self, cert: Certification, view: QGraphicsView, metrics: CardMetrics) -> None:
        super().__init__()
        self.cert = cert
        self._view = view
        self._metrics = metrics
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
        return self._metrics

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
            self.picked.emit(self.cert.id)
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
        self.dragged.emit(self)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self._press_pos = None
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.add_requested.emit(self.cert.id)
        event.accept()

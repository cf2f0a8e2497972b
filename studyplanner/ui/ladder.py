"""The AWS tier ladder: Foundational, Associate and Professional rungs bottom to top, the
Specialty column beside them, a card per certification and the recommended-path arrows.

Cards are the drag source for the plan: pressing a card and moving starts a drag carrying the
certification id; Enter or a double-click asks for it to be added instead. A certification the
learner holds (held before the plan, or passed in it) is marked HELD, with how long it stays
valid in its tooltip; one that has expired is marked EXPIRED.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt, Signal, Slot
from PySide6.QtGui import (
    QBrush,
    QColor,
    QDrag,
    QFont,
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
    QStyleOptionGraphicsItem,
    QWidget,
)

from studyplanner.domain.catalog import Catalog, Certification, Tier
from studyplanner.domain.lifecycle import Validity
from studyplanner.domain.wording import format_day, format_fee, format_hours, format_month
from studyplanner.style import Colour, qcolor, tier_qcolor
from studyplanner.ui.mime import certification_mime
from studyplanner.ui.plan_document import PlanDocument

CARD_W = 168.0
CARD_H = 84.0
GAP = 14.0
RUNG_PAD = 18.0
LABEL_W = 132.0
SPECIALTY_GAP = 40.0
LINEAR_TIERS = (Tier.PROFESSIONAL, Tier.ASSOCIATE, Tier.FOUNDATIONAL)  # top to bottom
TIER_HINT = {
    Tier.FOUNDATIONAL: "no hands-on\nexperience needed",
    Tier.ASSOCIATE: "about 1–2 years\non AWS",
    Tier.PROFESSIONAL: "2+ years\non AWS",
    Tier.SPECIALTY: (
        "off the linear path: deep domain skills,\nbest after Associate-level knowledge"
    ),
}


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
    renewed_by: tuple[tuple[str, date], ...]
    """(exam code, day) of each renewal in the plan."""
    expired: bool

    @property
    def ribbon(self) -> str:
        return "EXPIRED" if self.expired else "✓ HELD"

    def describe(self) -> str:
        """'Held since 10 Jan 2024 · valid until 10 Jan 2027', with the plan's renewals."""
        if self.expired:
            return f"Earned {format_day(self.earned_on)} · expired {format_day(self.expires_on)}"
        text = (
            f"Held since {format_day(self.earned_on)} · valid until {format_day(self.valid_until)}"
        )
        for code, day in self.renewed_by:
            text += f"<br>{code} on {format_day(day)} renews it"
        if self.renewed_by:
            text += f": valid until {format_day(self.expires_on)}"
        return text


def holdings(validities: Sequence[Validity], catalog: Catalog, today: date) -> dict[str, Holding]:
    """What the learner holds by certification id: held certifications and passed exams
    (planned ones are not held yet); the latest validity wins."""
    found: dict[str, Holding] = {}
    for validity in validities:
        if not validity.held:
            continue
        valid_until = validity.first_expiry
        renewed: list[tuple[str, date]] = []
        for renewal in validity.renewals:
            code = catalog.get(renewal.certification_id).code
            if renewal.on <= today:
                valid_until = renewal.expires_on  # already renewed
            else:
                renewed.append((code, renewal.on))
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
    """One certification on the ladder."""

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
        status = cert.lifecycle.status.value
        tip = f"<b>{cert.code} {cert.name}</b><br>{format_hours(cert.hours.typical)} typical · "
        tip += f"{format_fee(cert.exam.fee_usd)} · {cert.exam.minutes} min"
        if status != "active":
            tip += f"<br><i>{status.capitalize()} {format_day(cert.lifecycle.ends_on)}</i>"
        self._tip = tip
        self._refresh_tooltip()
        self.setData(0, f"{cert.code} {cert.name}")

    def set_holding(self, holding: Holding | None) -> None:
        if holding != self.holding:
            self.holding = holding
            self._refresh_tooltip()
            self.update()

    def _refresh_tooltip(self) -> None:
        tip = self._tip
        if self.holding is not None:
            tip += f"<br><b>{self.holding.describe()}</b>"
        tip += "<br>Drag into the plan, or press Enter to add it."
        self.setToolTip(tip)

    def boundingRect(self) -> QRectF:
        return QRectF(-2, -2, CARD_W + 4, CARD_H + 4)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        cert = self.cert
        retired = cert.is_retired
        tier_color = tier_qcolor(cert.tier)
        rect = QRectF(0, 0, CARD_W, CARD_H)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)

        # shadow
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(0, 0, 0, 22 if not self._hover else 40))
        painter.drawRoundedRect(rect.translated(0, 2), 8, 8)

        fill = qcolor(Colour.PANEL if retired else Colour.SURFACE)
        border = qcolor(Colour.BORDER)
        pen = QPen(border, 1)
        if retired:
            pen.setStyle(Qt.PenStyle.DashLine)
        if self.isSelected():
            pen = QPen(qcolor(Colour.SELECTION_RING), 2.5)
        painter.setPen(pen)
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, 8, 8)

        # tier stripe on the left
        stripe = QPainterPath()
        stripe.addRoundedRect(QRectF(0, 0, 12, CARD_H), 8, 8)
        clip = QPainterPath()
        clip.addRect(QRectF(0, 0, 6, CARD_H))
        painter.setPen(Qt.PenStyle.NoPen)
        stripe_color = QColor(tier_color)
        if retired:
            stripe_color.setAlpha(90)
        painter.setBrush(stripe_color)
        painter.drawPath(stripe.intersected(clip))

        text_color = qcolor(Colour.MUTED_TEXT if retired else Colour.TEXT)
        code_font = QFont(self._view.font())
        code_font.setPointSizeF(8.0)
        code_font.setBold(True)
        code_font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 106)
        painter.setFont(code_font)
        painter.setPen(QColor(tier_color) if not retired else qcolor(Colour.MUTED_TEXT))
        painter.drawText(QRectF(16, 8, CARD_W - 24, 14), Qt.AlignmentFlag.AlignLeft, cert.code)

        name_font = QFont(self._view.font())
        name_font.setPointSizeF(10.0)
        name_font.setWeight(QFont.Weight.DemiBold)
        painter.setFont(name_font)
        painter.setPen(text_color)
        painter.drawText(
            QRectF(16, 23, CARD_W - 24, 34),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap),
            cert.short_name,
        )

        small = QFont(self._view.font())
        small.setPointSizeF(8.0)
        painter.setFont(small)
        painter.setPen(qcolor(Colour.MUTED_TEXT))
        ended = cert.lifecycle.ends_on
        if retired and ended is not None:
            footer = f"Retired {format_month(ended)}"
        else:
            footer = f"{format_hours(cert.hours.typical)} · {format_fee(cert.exam.fee_usd)}"
        painter.drawText(
            QRectF(16, CARD_H - 20, CARD_W - 24, 14), Qt.AlignmentFlag.AlignLeft, footer
        )

        holding = self.holding
        if retired:
            self._paint_ribbon(painter, "RETIRED", qcolor(Colour.RETIRED), top=True)
        if holding is not None and not holding.expired:
            self._paint_ribbon(painter, holding.ribbon, qcolor(Colour.PASSED_RIBBON))
        elif retired:
            if holding is not None:
                self._paint_ribbon(painter, holding.ribbon, qcolor(Colour.RETIRED))
        elif self.plan_mark == PlanMark.PASSED:
            self._paint_ribbon(painter, "✓ PASSED", qcolor(Colour.PASSED_RIBBON))
        elif self.plan_mark == PlanMark.STUDYING:
            self._paint_ribbon(
                painter, "STUDYING", qcolor(Colour.WARNING_FILL), ink=qcolor(Colour.WARNING_INK)
            )
        elif self.plan_mark == PlanMark.PLANNED:
            self._paint_ribbon(painter, "IN PLAN", QColor(tier_color))
        elif holding is not None:
            self._paint_ribbon(painter, holding.ribbon, qcolor(Colour.RETIRED))

    def _paint_ribbon(
        self,
        painter: QPainter,
        text: str,
        color: QColor,
        *,
        top: bool = False,
        ink: QColor | None = None,
    ) -> None:
        font = QFont(self._view.font())
        font.setPointSizeF(6.8)
        font.setBold(True)
        painter.setFont(font)
        width = painter.fontMetrics().horizontalAdvance(text) + 12
        badge = QRectF(CARD_W - width - 8, 7 if top else CARD_H - 21, width, 15)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawRoundedRect(badge, 7.5, 7.5)
        painter.setPen(ink if ink is not None else qcolor(Colour.ON_COLOUR))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)

    # --- interaction --------------------------------------------------------------------

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
        if self._press_pos is None or self.cert.is_retired:
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

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._show_retired = False
        self._cards: dict[str, CertificationCard] = {}
        self._marks: dict[str, int] = {}
        self._holdings: dict[str, Holding] = {}
        self._document: PlanDocument | None = None
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setBackgroundBrush(QBrush(qcolor(Colour.CANVAS)))
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.setAccessibleName("Certification ladder")
        self._rebuild()

    # --- public ---------------------------------------------------------------------------

    @property
    def show_retired(self) -> bool:
        return self._show_retired

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

    def selected_certification(self) -> str:
        for cert_id, card in self._cards.items():
            if card.isSelected():
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
            self.ensureVisible(card, 8, 8)
        if changed:
            self.certification_selected.emit(cert_id if cert_id in self._cards else "")

    def set_plan_marks(self, marks: dict[str, int]) -> None:
        """Which certifications are in the plan (PlanMark.PLANNED) or passed."""
        self._marks = dict(marks)
        for cert_id, card in self._cards.items():
            card.plan_mark = self._marks.get(cert_id, PlanMark.NONE)
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
        cert = self._catalog.get(cert_id)
        if not cert.is_retired:
            self.add_requested.emit(cert_id)

    def start_drag(self, card: CertificationCard) -> None:
        cert = card.cert
        drag = QDrag(self)
        drag.setMimeData(certification_mime(cert.id, f"{cert.code} {cert.name}"))
        drag.setPixmap(self._drag_pixmap(card))
        drag.setHotSpot(drag.pixmap().rect().center())
        drag.exec(Qt.DropAction.CopyAction)

    # --- layout -------------------------------------------------------------------------

    def _visible(self, tier: Tier) -> list[Certification]:
        return self._catalog.by_tier(tier, include_retired=self._show_retired)

    def _rebuild(self) -> None:
        scene = self.scene()
        scene.clear()
        self._cards.clear()
        widest = max(len(self._visible(t)) for t in LINEAR_TIERS)
        widest = max(widest, int(max(self._slots().values(), default=0)) + 1)
        rung_w = LABEL_W + widest * CARD_W + (widest - 1) * GAP + 2 * RUNG_PAD
        rung_h = CARD_H + 2 * RUNG_PAD + 18
        y = 0.0
        slots = self._slots()
        for tier in LINEAR_TIERS:
            rect = QRectF(0, y, rung_w, rung_h)
            self._add_rung_background(rect, tier)
            for cert in self._visible(tier):
                x = LABEL_W + RUNG_PAD + slots[cert.id] * (CARD_W + GAP)
                self._place(cert, x, y + RUNG_PAD + 18)
            y += rung_h + GAP

        # Specialty column beside the ladder: two cards per row.
        specialties = self._visible(Tier.SPECIALTY)
        col_x = rung_w + SPECIALTY_GAP
        per_row = 2
        col_w = per_row * CARD_W + (per_row - 1) * GAP + 2 * RUNG_PAD
        col_h = y - GAP
        col_rect = QRectF(col_x, 0, col_w, col_h)
        self._add_specialty_background(col_rect)
        for i, cert in enumerate(specialties):
            row, col = divmod(i, per_row)
            self._place(
                cert,
                col_x + RUNG_PAD + col * (CARD_W + GAP),
                72 + row * (CARD_H + GAP),
            )
        self._add_arrows()
        scene.setSceneRect(QRectF(-16, -16, col_x + col_w + 32, col_h + 32))
        for cert_id, card in self._cards.items():
            card.plan_mark = self._marks.get(cert_id, PlanMark.NONE)
            card.set_holding(self._holdings.get(cert_id))
        self._fit()

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
        color = tier_qcolor(tier)
        band = QColor(color)
        band.setAlpha(18)
        scene.addRect(rect, QPen(Qt.PenStyle.NoPen), QBrush(band)).setZValue(0)
        edge = QColor(color)
        edge.setAlpha(160)
        scene.addRect(
            QRectF(rect.left(), rect.top(), 4, rect.height()), QPen(Qt.PenStyle.NoPen), QBrush(edge)
        )
        self._add_text(
            tier.label.upper(), rect.left() + 18, rect.top() + 16, 10.5, color, bold=True
        )
        self._add_text(
            TIER_HINT[tier], rect.left() + 18, rect.top() + 38, 8.0, qcolor(Colour.MUTED_TEXT)
        )

    def _add_specialty_background(self, rect: QRectF) -> None:
        scene = self.scene()
        color = tier_qcolor(Tier.SPECIALTY)
        band = QColor(color)
        band.setAlpha(14)
        pen = QPen(QColor(color.red(), color.green(), color.blue(), 120), 1.2, Qt.PenStyle.DashLine)
        scene.addRect(rect, pen, QBrush(band)).setZValue(0)
        self._add_text("SPECIALTY", rect.left() + RUNG_PAD, rect.top() + 12, 10.5, color, bold=True)
        self._add_text(
            TIER_HINT[Tier.SPECIALTY],
            rect.left() + RUNG_PAD,
            rect.top() + 32,
            8.0,
            qcolor(Colour.MUTED_TEXT),
        )

    def _add_text(
        self, text: str, x: float, y: float, size: float, color: QColor, *, bold: bool = False
    ) -> None:
        font = QFont(self.font())
        font.setPointSizeF(size)
        font.setBold(bold)
        if bold:
            font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 110)
        item = self.scene().addSimpleText(text, font)
        item.setBrush(color)
        item.setPos(x, y)
        item.setZValue(1)

    def _add_arrows(self) -> None:
        color = qcolor(Colour.FAINT)
        pen = QPen(color, 1.6)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        for cert_id, card in self._cards.items():
            for target_id in card.cert.next_steps:
                target = self._cards.get(target_id)
                if target is None or target.cert.tier is Tier.SPECIALTY:
                    continue  # Specialty sits beside the path: its details name what comes first
                curve, head = self._arrow_paths(
                    card.sceneBoundingRect(), target.sceneBoundingRect()
                )
                line = QGraphicsPathItem(curve)
                line.setPen(pen)
                line.setZValue(1)
                line.setData(0, f"{cert_id}->{target_id}")
                tip = QGraphicsPathItem(head, line)
                tip.setPen(QPen(Qt.PenStyle.NoPen))
                tip.setBrush(QBrush(color))
                self.scene().addItem(line)

    @staticmethod
    def _arrow_paths(src: QRectF, dst: QRectF) -> tuple[QPainterPath, QPainterPath]:
        """A curve from the top of ``src`` to the bottom of ``dst``, and its arrow head."""
        start = QPointF(src.center().x(), src.top() + 2)
        end = QPointF(dst.center().x(), dst.bottom() - 1)
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
        rect = self.sceneRect()
        if rect.isEmpty() or self.viewport().width() < 10:
            return
        self.resetTransform()
        sx = self.viewport().width() / rect.width()
        sy = self.viewport().height() / rect.height()
        scale = max(0.45, min(1.15, sx, sy))
        self.scale(scale, scale)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _drag_pixmap(self, card: CertificationCard) -> QPixmap:
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(int((CARD_W + 4) * ratio), int((CARD_H + 4) * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setOpacity(0.85)
        painter.translate(2, 2)
        card.paint(painter, QStyleOptionGraphicsItem(), None)
        painter.end()
        return pixmap

    # --- keyboard -----------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        selected = self.selected_certification()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and selected:
            self.request_add(selected)
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
        current = self._cards.get(self.selected_certification())
        if current is None:
            self.select_certification(cards[0].cert.id)
            return
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

    def focusInEvent(self, event: object) -> None:
        super().focusInEvent(event)  # type: ignore[arg-type]
        if not self.selected_certification() and self._cards:
            first = next(iter(self._cards.values()))
            first.setFocus()

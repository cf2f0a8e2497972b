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

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QDrag,
    QFocusEvent,
    QFontMetricsF,
    QKeyEvent,
    QPainter,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QGraphicsObject,
    QGraphicsScene,
    QGraphicsView,
    QStyle,
    QStyleOptionGraphicsItem,
    QWidget,
)

from studyplanner.domain.catalog import Catalog, Certification, Tier
from studyplanner.i18n import N_, _
from studyplanner.layout.ladder import (
    APART_MIN_SHARE,
    LINEAR_TIERS,
    Holding,
    LadderGeometry,
    Layout,
    PlanMark,
    holdings,
    path_slots,
)
from studyplanner.style import Colour
from studyplanner.ui.canvas import accessible
from studyplanner.ui.canvas.ladder_backdrop import TIER_HINT, LadderBackdrop
from studyplanner.ui.canvas.ladder_card import CardMetrics, CertificationCard
from studyplanner.ui.canvas.mime import certification_mime
from studyplanner.ui.canvas.timeline_items import Callout
from studyplanner.ui.canvas.viewport import own_viewport
from studyplanner.ui.document.plan_document import PlanDocument
from studyplanner.ui.widgets.theme import ink

__all__ = [
    "APART_MIN_SHARE",
    "CardMetrics",
    "CertificationCard",
    "Holding",
    "LadderView",
    "Layout",
    "PlanMark",
    "holdings",
]

MAX_SCALE = 1.15
"""The ladder grows into a roomy view up to this much; it never shrinks (text stays >= 8 pt)."""
MESSAGE_MS = 3200
RETIRED_REFUSAL = N_("{code} {name} is retired and cannot be planned")


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

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        accessible.install()
        super().__init__(parent)
        own_viewport(self)
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
        self._backdrop = LadderBackdrop(self.scene(), self.metrics)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        # a colour where Qt wants a brush, as everywhere on the canvases: Qt makes the brush,
        # while PySide's first QBrush(colour) weighs all its constructors (5 ms, 6 classes)
        self.setBackgroundBrush(ink(Colour.CANVAS))
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

    @Slot(QGraphicsObject)
    def _drag_card(self, card: QGraphicsObject) -> None:
        if isinstance(card, CertificationCard):
            self.start_drag(card)

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

    def _geometry(self) -> LadderGeometry:
        """The measures the arrangement is worked out from (``studyplanner.layout.ladder``)."""
        m = self.metrics
        return LadderGeometry(
            unit=m.unit,
            card_width=m.width,
            card_height=m.height,
            heading_height=QFontMetricsF(m.heading_font).height(),
            hint_line=QFontMetricsF(m.hint_font).lineSpacing(),
            specialty_hint_lines=TIER_HINT[Tier.SPECIALTY].count("\n") + 1,
            slots=self._slots(),
            specialty_count=len(self._visible(Tier.SPECIALTY)),
            margin=self.MARGIN,
        )

    def _wanted_layout(self) -> tuple[str, int]:
        """The arrangement for the view's width (see ``LadderGeometry.arrangement``)."""
        scroll_bar = 0
        if not self.verticalScrollBar().isVisible():
            scroll_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return self._geometry().arrangement(self.viewport().width(), scroll_bar)

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
        self._backdrop = LadderBackdrop(scene, self.metrics)
        self.setBackgroundBrush(ink(Colour.CANVAS))
        self._layout, self._columns = self._wanted_layout()
        self._path_aligned = True
        if self._layout == Layout.STACKED:
            self._lay_out_stacked(self._columns)
        else:
            self._lay_out_rungs(self._layout, self._columns)
        if self._path_aligned:
            self._backdrop.arrows(self._cards)
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
        geometry = self._geometry()
        rungs = geometry.rungs()
        gap, pad, rung_w, rung_h, cards_top = (
            rungs.gap,
            rungs.pad,
            rungs.width,
            rungs.height,
            rungs.cards_top,
        )
        slots = geometry.slots
        y = 0.0
        for tier in LINEAR_TIERS:
            rect = QRectF(0, y, rung_w, rung_h)
            self._backdrop.rung(rect, tier)
            hint = TIER_HINT[tier].replace("\n", " ")
            self._backdrop.heading_line(tier, rect.left() + 2 * pad, rect.top() + pad, hint)
            for cert in self._visible(tier):
                self._place(cert, pad + slots[cert.id] * (m.width + gap), y + cards_top)
            y += rung_h + gap

        width, height = geometry.specialty_block(columns)
        if layout == Layout.BESIDE:
            box = QRectF(rung_w + 2 * gap, 0, width, max(height, y - gap))
        else:  # apart: under the rungs, after a wider gap than between them
            box = QRectF(0, y + 2 * gap, width, height)
        self._backdrop.rung(box, Tier.SPECIALTY)
        bottom = self._backdrop.label(Tier.SPECIALTY, box.left() + pad, box.top() + pad)
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
            self._backdrop.rung(rect, tier)
            hint = TIER_HINT[tier].replace("\n", " ")
            self._backdrop.heading_line(tier, rect.left() + pad, rect.top() + pad, hint)
            for cert, (slot, row) in zip(certs, positions, strict=True):
                self._place(
                    cert,
                    pad + slot * (m.width + gap),
                    y + cards_top + row * (m.height + gap),
                )
            y += rung_h + gap

    def _slots(self) -> dict[str, float]:
        """Each card's slot along the recommended path (``layout.ladder.path_slots``)."""
        return path_slots(
            self._visible(Tier.PROFESSIONAL),
            self._visible(Tier.ASSOCIATE),
            self._visible(Tier.FOUNDATIONAL),
        )

    def _place(self, cert: Certification, x: float, y: float) -> None:
        card = CertificationCard(cert, self, self.metrics)
        card.picked.connect(self.select_certification)
        card.dragged.connect(self._drag_card)
        card.add_requested.connect(self.request_add)
        card.setPos(x, y)
        card.setZValue(2)
        self.scene().addItem(card)
        self._cards[cert.id] = card

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

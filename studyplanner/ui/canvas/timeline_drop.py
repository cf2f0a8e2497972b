"""Drag and drop on the timeline: dragging a bar away, and what a drop over the rows means.
A certification from the ladder is inserted where it lands; one of the plan's own bars moves
its entry there; anything else is refused with a short message in the view."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QDrag,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QPainter,
    QPixmap,
)

from studyplanner.domain.catalog import Tier
from studyplanner.i18n import N_, _
from studyplanner.style import Colour
from studyplanner.ui.canvas.mime import decode_certification, decode_entry, entry_mime
from studyplanner.ui.canvas.timeline_items import (
    AXIS_HEIGHT,
    ROW_HEIGHT,
    Callout,
    InsertionIndicator,
    ink,
    text_width,
    ui_font,
)
from studyplanner.ui.canvas.timeline_tips import entry_label
from studyplanner.ui.widgets.theme import tier_ink

if TYPE_CHECKING:
    from studyplanner.ui.canvas.timeline import TimelineView

REFUSED_DROP = N_("Only certifications can be dropped here")
READ_ONLY_DROP = N_("This plan is open read-only")
MESSAGE_MS = 2600


class TimelineDrops:
    """The view's drag and drop: the insertion line while dragging, the drop itself, and the
    message of a refused drop (which goes away by itself)."""

    def __init__(self, view: TimelineView) -> None:
        self._view = view
        self.indicator = InsertionIndicator()
        self.refusal: Callout | None = None
        self._timer = QTimer(view)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide_refusal)

    # --- dragging a bar away ------------------------------------------------------------

    def start_drag(self, entry_id: str) -> None:
        view = self._view
        document = view.document
        schedule = document.schedule
        if schedule is None or document.read_only:
            return
        if entry_id not in document.entry_ids():
            return  # removed (Delete, Undo) while the mouse button was held
        item = schedule.for_entry(entry_id)
        label = entry_label(item)
        drag = QDrag(view)
        drag.setMimeData(entry_mime(entry_id, label))
        drag.setPixmap(self._drag_picture(label, tier_ink(Tier(item.certification.tier))))
        drag.setHotSpot(QPoint(12, 14))
        drag.exec(Qt.DropAction.MoveAction)
        self.indicator.hide()

    def _drag_picture(self, label: str, colour: QColor) -> QPixmap:
        font = ui_font(8.5, QFont.Weight.DemiBold)
        ratio = self._view.devicePixelRatioF()
        width = int(text_width(font, label) + 24)
        pixmap = QPixmap(int(width * ratio), int(28 * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        colour.setAlpha(225)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(QRectF(0, 0, width, 28), 6, 6)
        painter.setPen(ink(Colour.ON_COLOUR))
        painter.setFont(font)
        painter.drawText(QRectF(12, 0, width - 16, 28), Qt.AlignmentFlag.AlignVCenter, label)
        painter.end()
        return pixmap

    # --- drops ------------------------------------------------------------------------

    def refusal_reason(self, event: QDropEvent) -> str | None:
        """Why a drag cannot be dropped here, or None when the plan takes it: a certification
        that can still be booked, or one of this plan's own entries."""
        document = self._view.document
        if document.read_only:
            return _(READ_ONLY_DROP)
        data = event.mimeData()
        cert_id = decode_certification(data)
        if cert_id is not None:
            if cert_id not in document.catalog:
                return _("This certification is not in the catalog")
            cert = document.catalog.get(cert_id)
            if cert.is_retired:
                return _("{code} {name} is retired and cannot be planned").format(
                    code=cert.code, name=cert.name
                )
            return None
        entry_id = decode_entry(data)
        if entry_id is not None and entry_id in document.entry_ids():
            return None
        return _(REFUSED_DROP)

    def drop_index(self, position: QPointF) -> int:
        """Insertion index for a viewport position: before the row under it (upper half),
        after it (lower half), or at the end below the last row."""
        view = self._view
        count = view.row_count() if view.document.schedule is not None else 0
        y = view.mapToScene(position.toPoint()).y() - view.rows_top
        if y < 0:
            return 0
        row, within = divmod(y, ROW_HEIGHT)
        if row >= count:
            return len(view.document.entry_ids()) if count == 0 else count
        return int(row) + (1 if within >= ROW_HEIGHT / 2 else 0)

    def show_indicator(self, position: QPointF) -> None:
        view = self._view
        index = self.drop_index(position)
        visible = view.mapToScene(view.viewport().rect()).boundingRect()
        self.indicator.place(
            index, visible.left() + 4, view.rows_top + index * ROW_HEIGHT, visible.width() - 12
        )
        self._autoscroll(position)

    def _autoscroll(self, position: QPointF) -> None:
        margin = 28
        bar = self._view.verticalScrollBar()
        if position.y() < AXIS_HEIGHT + margin:
            bar.setValue(bar.value() - 12)
        elif position.y() > self._view.viewport().height() - margin:
            bar.setValue(bar.value() + 12)

    def enter(self, event: QDragEnterEvent) -> None:
        reason = self.refusal_reason(event)
        if reason is None:
            event.acceptProposedAction()
            self.hide_refusal()
            self.show_indicator(event.position())
        else:
            event.ignore()
            self.show_refusal(reason)

    def move(self, event: QDragMoveEvent) -> None:
        if self.refusal_reason(event) is None:
            event.acceptProposedAction()
            self.show_indicator(event.position())
        else:
            event.ignore()
            self.indicator.hide()

    def drop(self, event: QDropEvent) -> None:
        view = self._view
        document = view.document
        self.indicator.hide()
        if self.refusal_reason(event) is not None:
            event.ignore()
            return
        index = self.drop_index(event.position())
        data = event.mimeData()
        cert_id = decode_certification(data)
        if cert_id is not None:
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            new_id = document.insert_certification(cert_id, index)
            if new_id:
                view.ensure_entry_visible(new_id)
            return
        entry_id = decode_entry(data)
        if entry_id is None or entry_id not in document.entry_ids():
            event.ignore()  # refusal_reason checked this; a drop is never trusted twice
            return
        old = document.entry_ids().index(entry_id)
        new_index = index - 1 if index > old else index
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        if new_index != old:
            document.move_entry(entry_id, new_index)
        document.select(entry_id)

    # --- transient refusal message ----------------------------------------------------------

    def show_refusal(self, text: str) -> None:
        scene = self._view.scene()
        if self.refusal is not None and self.refusal.scene() is scene:
            scene.removeItem(self.refusal)
        self.refusal = Callout(text, "refusal")
        scene.addItem(self.refusal)
        self._view.place_overlays()
        self._timer.start(MESSAGE_MS)

    def hide_refusal(self) -> None:
        if self.refusal is not None:
            if self.refusal.scene() is self._view.scene():
                self._view.scene().removeItem(self.refusal)
            self.refusal = None

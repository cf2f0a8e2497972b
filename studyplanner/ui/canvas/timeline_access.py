"""The timeline's entries for a screen reader: one object per plan entry standing for its
row (which is drawn as many graphics items), with the name, description and place that
``accessible`` hands to the platform."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRect, QRectF
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QWidget

from studyplanner.ui.canvas.timeline_items import ROW_HEIGHT

if TYPE_CHECKING:
    from studyplanner.ui.canvas.timeline import TimelineView


class TimelineEntryItem(QObject):
    """A plan entry as an item a screen reader can read (the drawn row is many graphics
    items; this is the one object that stands for it)."""

    def __init__(self, view: TimelineView, entry_id: str) -> None:
        super().__init__(view)
        self._view = view
        self.entry_id = entry_id
        self.setObjectName(entry_id)

    def accessible_name(self) -> str:
        """'DVA-C02 Developer – Associate' (what a screen reader says first)."""
        document = self._view.document
        schedule = document.schedule
        if schedule is None or self.entry_id not in document.entry_ids():
            return ""
        cert = schedule.for_entry(self.entry_id).certification
        return f"{cert.code} {cert.name}"

    def accessible_description(self) -> str:
        """The row's tooltip as plain sentences."""
        row = self._view.placement(self.entry_id)
        if row is None:
            return ""
        lines = self._view.row_tooltips(row)[1].split("<br>")[1:]
        return "; ".join(QTextDocumentFragment.fromHtml(line).toPlainText() for line in lines)

    def accessible_selected(self) -> bool:
        return self._view.selected_entry_shown() == self.entry_id

    def accessible_focused(self) -> bool:
        return self._view.hasFocus() and self.accessible_selected()

    def accessible_rect(self) -> QRect:
        """The row's visible rectangle in global coordinates."""
        view = self._view
        row = view.placement(self.entry_id)
        if row is None:
            return QRect()
        scene_rect = QRectF(row.left, row.top, max(1.0, row.right - row.left), ROW_HEIGHT)
        rect = view.mapFromScene(scene_rect).boundingRect()
        rect = rect.intersected(view.viewport().rect())
        return QRect(view.viewport().mapToGlobal(rect.topLeft()), rect.size())

    def accessible_view(self) -> QWidget:
        return self._view


class EntryStandIns:
    """One stand-in per plan entry, kept across layouts so a screen reader's place survives a
    redraw; entries that leave the plan lose theirs."""

    def __init__(self, view: TimelineView) -> None:
        self._view = view
        self._items: dict[str, TimelineEntryItem] = {}

    def keep(self, entry_ids: list[str]) -> None:
        """Stand-ins for exactly these entries."""
        wanted = set(entry_ids)
        for entry_id in list(self._items):
            if entry_id not in wanted:
                self._items.pop(entry_id).deleteLater()
        for entry_id in entry_ids:
            if entry_id not in self._items:
                self._items[entry_id] = TimelineEntryItem(self._view, entry_id)

    def get(self, entry_id: str) -> TimelineEntryItem | None:
        return self._items.get(entry_id)

    def in_order(self, entry_ids: list[str]) -> list[TimelineEntryItem]:
        return [self._items[entry_id] for entry_id in entry_ids if entry_id in self._items]

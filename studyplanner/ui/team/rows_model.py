"""One read-only table model for the team view's tables (targets, people, budget, files not
read): rows of text from ``ui.team.rows``, a tooltip per cell, a status cell in its warning
colours, and the numbers aligned right."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from studyplanner.ui.team.rows import Table
from studyplanner.ui.widgets.theme import ink

_Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    def __init__(self, right: tuple[int, ...] = (), parent: Any = None) -> None:
        super().__init__(parent)
        self._table = Table((), ())
        self._right = right

    def set_table(self, table: Table) -> None:
        self.beginResetModel()
        self._table = table
        self.endResetModel()

    @property
    def table(self) -> Table:
        return self._table

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._table.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._table.headers)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._table.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return row.cells[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = row.tips[column] if column < len(row.tips) else ""
            return tip or None
        if row.mark is not None and column == row.marked:
            if role == Qt.ItemDataRole.BackgroundRole:
                return ink(row.mark[0])
            if role == Qt.ItemDataRole.ForegroundRole:
                return ink(row.mark[1])
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self._right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._table.headers)
        ):
            return self._table.headers[section]
        return None

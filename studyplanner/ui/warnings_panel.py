"""The list of advice about the plan; choosing a warning selects the exam it is about."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Slot
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QListView,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from studyplanner.ui.plan_document import PlanDocument
from studyplanner.ui.warnings_model import EntryIdRole, WarningsModel

NO_WARNINGS_TEXT = "No warnings"


class _WrappingDelegate(QStyledItemDelegate):
    """Sizes each warning to the view's width so long messages wrap instead of being cut."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = self._view.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, opt, self._view) + 1
        width = self._view.viewport().width() - 2 * self._view.spacing()
        text_width = width - opt.decorationSize.width() - 4 * margin - 2
        bounds = opt.fontMetrics.boundingRect(
            QRect(0, 0, max(40, text_width), 100_000),
            int(Qt.TextFlag.TextWordWrap),
            opt.text,
        )
        height = max(bounds.height(), opt.decorationSize.height()) + 4 * margin
        return QSize(max(40, width), height)


class WarningsPanel(QWidget):
    """Shows ``document.advice``; clicking or pressing Enter on a warning selects its entry."""

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self.model = WarningsModel(document, self)

        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setUniformItemSizes(False)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setSpacing(2)
        self.view.setIconSize(QSize(20, 20))
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setAccessibleName("Warnings")
        self.view.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.view.setItemDelegate(_WrappingDelegate(self.view))

        self.placeholder = QLabel(NO_WARNINGS_TEXT)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Same frame and background as the list, so the panel does not change look when empty.
        self.placeholder.setFrameShape(QFrame.Shape.StyledPanel)
        self.placeholder.setFrameShadow(QFrame.Shadow.Sunken)
        self.placeholder.setBackgroundRole(QPalette.ColorRole.Base)
        self.placeholder.setAutoFillBackground(True)
        self.placeholder.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self._stack = QStackedWidget()
        self._stack.addWidget(self.view)
        self._stack.addWidget(self.placeholder)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)

        self.view.clicked.connect(self._select_entry)
        self.view.activated.connect(self._select_entry)
        self.model.modelReset.connect(self._show_list_or_placeholder)
        self._show_list_or_placeholder()

    @Slot()
    def _show_list_or_placeholder(self) -> None:
        empty = self.model.rowCount() == 0
        self._stack.setCurrentWidget(self.placeholder if empty else self.view)

    @Slot(QModelIndex)
    def _select_entry(self, index: QModelIndex) -> None:
        entry_id = index.data(EntryIdRole)
        if entry_id:
            self._document.select(entry_id)

"""The list of advice about the plan; choosing a warning selects the exam it is about. Two kinds
of warning carry a one-click, undoable fix: a retired exam offers its successor, and a
certification that expires unrenewed offers the cheapest exam that renews it in time. An exam
date that has passed offers its three answers: *Passed on…*, *Failed — plan a retake*, *Move*."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QRect, QSize, Qt, Slot
from PySide6.QtGui import QAction, QFont, QIcon, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QHBoxLayout,
    QListView,
    QMenu,
    QPushButton,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from studyplanner.domain.wording import format_day
from studyplanner.i18n import N_, _
from studyplanner.ui.document.plan_document import PlanDocument
from studyplanner.ui.panels.exam_outcome import (
    EXAM_DATE_PASSED,
    FAILED_TEXT,
    MOVE_TEXT,
    PASSED_TEXT,
    ExamOutcomes,
)
from studyplanner.ui.panels.warnings_model import (
    AdviceCodeRole,
    EntryIdRole,
    RenewBeforeRole,
    RenewWithRole,
    ReplaceWithRole,
    WarningsModel,
)
from studyplanner.ui.widgets.readable_note import ReadableNote

NO_WARNINGS_TEXT = N_("No warnings")


@dataclass(frozen=True)
class Fix:
    """What the one-click fix of a warning does: put ``cert_id`` in the entry's place, or,
    with ``before``, add ``cert_id``'s exam to the plan so it falls before that day."""

    entry_id: str
    cert_id: str
    text: str
    """The button and menu text, "Replace with SOA-C03" or "Add CLF-C02 before 10 Jan 2027"."""
    tooltip: str
    before: date | None = None


class _WrappingDelegate(QStyledItemDelegate):
    """Sizes each warning to the view's width so long messages wrap instead of being cut.

    A long plan has hundreds of warnings and the list measures every one of them after each
    edit, so what does not depend on the message (the icon's size, the style's margin) is
    measured once, and each message's size is remembered for the width it was measured at."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view
        self._sizes: dict[tuple[str, int, object, str], QSize] = {}
        self._frames: dict[tuple[int, int, int], tuple[int, int, int]] = {}
        """(decoration width and height, margin) by (icon, icon size, style)."""
        self._font = QFont()
        self._font_key = self._font.key()
        """The last font measured with and its key (asking a font for its key takes longer
        than comparing it with the last one)."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        model = index.model()
        icon_id: object
        if isinstance(model, WarningsModel):  # the list's own model: read it directly
            advice = model.advice_at(index.row())
            text, icon_id = advice.message, (advice.severity, id(QApplication.style()))
        else:
            text = index.data(Qt.ItemDataRole.DisplayRole) or ""
            icon = index.data(Qt.ItemDataRole.DecorationRole)
            icon_id = icon.cacheKey() if isinstance(icon, QIcon) else 0
        view = self._view
        width = view.viewport().width() - 2 * view.spacing()
        if option.font != self._font:
            self._font = QFont(option.font)
            self._font_key = self._font.key()
        key = (text, width, icon_id, self._font_key)
        known = self._sizes.get(key)
        if known is not None:
            return QSize(known)
        icon = index.data(Qt.ItemDataRole.DecorationRole)
        icon_key = icon.cacheKey() if isinstance(icon, QIcon) else 0
        style = self._view.style()
        frame_key = (icon_key, option.decorationSize.width(), id(style))
        frame = self._frames.get(frame_key)
        if frame is None:
            opt = QStyleOptionViewItem(option)
            self.initStyleOption(opt, index)
            margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, opt, self._view)
            decoration = opt.decorationSize
            frame = self._frames[frame_key] = (decoration.width(), decoration.height(), margin + 1)
        decoration_width, decoration_height, margin = frame
        text_width = width - decoration_width - 4 * margin - 2
        bounds = option.fontMetrics.boundingRect(
            QRect(0, 0, max(40, text_width), 100_000), int(Qt.TextFlag.TextWordWrap), text
        )
        height = max(bounds.height(), decoration_height) + 4 * margin
        if len(self._sizes) > 4096:
            self._sizes.clear()
        size = self._sizes[key] = QSize(max(40, width), height)
        return QSize(size)


class WarningsPanel(QWidget):
    """Shows ``document.advice``; clicking or pressing Enter on a warning selects its entry.
    A warning with a fix (a retired exam that has a successor, a certification that expires
    unrenewed) shows a "Replace with …" or "Add … before …" button under the list while it is
    the current one, and the same action in its context menu."""

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self.model = WarningsModel(document, self)
        self.outcomes = ExamOutcomes(document, self)

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
        self.view.setAccessibleName(_("Warnings"))
        self.view.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.view.setItemDelegate(_WrappingDelegate(self.view))

        self.placeholder = ReadableNote(_(NO_WARNINGS_TEXT))  # F6 lands here when empty
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

        self.replace_button = QPushButton()
        self.replace_button.setAutoDefault(False)
        self.fix_bar = QWidget()
        fix_row = QHBoxLayout(self.fix_bar)
        fix_row.setContentsMargins(0, 4, 0, 0)
        fix_row.addWidget(self.replace_button)
        self.passed_button = QPushButton(_(PASSED_TEXT))
        self.failed_button = QPushButton(_(FAILED_TEXT))
        self.move_button = QPushButton(_(MOVE_TEXT))
        for button in (self.passed_button, self.failed_button, self.move_button):
            button.setAutoDefault(False)
            fix_row.addWidget(button)
        fix_row.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._stack, 1)
        layout.addWidget(self.fix_bar)

        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._show_context_menu)
        self.view.clicked.connect(self._select_entry)
        self.view.activated.connect(self._select_entry)
        self.view.selectionModel().currentChanged.connect(self._show_fix)
        self.replace_button.clicked.connect(self.replace_current)
        self.passed_button.clicked.connect(self._passed_current)
        self.failed_button.clicked.connect(self._failed_current)
        self.move_button.clicked.connect(self._move_current)
        self.model.modelReset.connect(self._show_list_or_placeholder)
        self.model.modelReset.connect(self._show_fix)
        document.changed.connect(self._show_fix)  # the advice may stay while the plan changed
        document.opened.connect(self._show_fix)
        self._show_list_or_placeholder()
        self._show_fix()

    def fix_for(self, index: QModelIndex | QPersistentModelIndex) -> Fix | None:
        """The one-click fix of the warning at ``index``; None when it has none, or when the
        plan is read-only."""
        if self._document.read_only or not index.isValid():
            return None
        renewal = self._renewal_fix(index)
        if renewal is not None:
            return renewal
        entry_id = index.data(EntryIdRole)
        cert_id = index.data(ReplaceWithRole)
        catalog = self._document.catalog
        if not entry_id or not cert_id or entry_id not in self._document.entry_ids():
            return None
        if cert_id not in catalog:
            return None
        new = catalog.get(cert_id)
        old = catalog.get(self._document.current_plan.entry(entry_id).certification_id)
        return Fix(
            entry_id,
            cert_id,
            _("Replace with {code}").format(code=new.code),
            _(
                "Put {code} {name} in place of {old} in the plan, keeping its notes "
                "and hours studied. Undo brings it back."
            ).format(code=new.code, name=new.name, old=old.code),
        )

    def _renewal_fix(self, index: QModelIndex | QPersistentModelIndex) -> Fix | None:
        cert_id = index.data(RenewWithRole)
        before = index.data(RenewBeforeRole)
        catalog = self._document.catalog
        if not cert_id or not before or cert_id not in catalog:
            return None
        cert = catalog.get(cert_id)
        day = date.fromisoformat(before)
        return Fix(
            index.data(EntryIdRole) or "",
            cert_id,
            _("Add {code} before {date}").format(code=cert.code, date=format_day(day)),
            _(
                "Plan the {code} {name} exam before {date}: the cheapest exam "
                "that renews this certification before it expires. Undo takes it out again."
            ).format(code=cert.code, name=cert.name, date=format_day(day)),
            before=day,
        )

    def outcome_entry(self, index: QModelIndex | QPersistentModelIndex) -> str:
        """The entry of an *exam date passed* warning at ``index`` ('' for any other warning,
        or when the plan is read-only)."""
        if self._document.read_only or not index.isValid():
            return ""
        entry_id = index.data(EntryIdRole) or ""
        if index.data(AdviceCodeRole) != EXAM_DATE_PASSED:
            return ""
        return entry_id if entry_id in self._document.entry_ids() else ""

    def fix_menu(self, index: QModelIndex | QPersistentModelIndex) -> QMenu | None:
        """The context menu of the warning at ``index``: its fix or its three answers, or None
        when it has none."""
        entry_id = self.outcome_entry(index)
        if entry_id:
            menu = QMenu(self.view)
            for text, slot in (
                (PASSED_TEXT, self._passed_current),
                (FAILED_TEXT, self._failed_current),
                (MOVE_TEXT, self._move_current),
            ):
                menu.addAction(_(text)).triggered.connect(slot)
            return menu
        fix = self.fix_for(index)
        if fix is None:
            return None
        menu = QMenu(self.view)
        action = QAction(fix.text, menu)
        action.setToolTip(fix.tooltip)
        action.setData(fix)
        action.triggered.connect(self._replace_from_menu)
        menu.addAction(action)
        return menu

    @Slot()
    def _replace_from_menu(self) -> None:
        action = self.sender()
        if isinstance(action, QAction) and isinstance(action.data(), Fix):
            self._replace(action.data())

    @Slot()
    def replace_current(self) -> None:
        """Apply the current warning's fix (one undo step) and select the changed exam."""
        fix = self.fix_for(self.view.currentIndex())
        if fix is not None:
            self._replace(fix)

    def _replace(self, fix: Fix) -> None:
        had_focus = self.replace_button.hasFocus()
        if fix.before is not None:
            self._document.add_renewal(fix.cert_id, fix.before)  # selects the new exam
        elif self._document.replace_certification(fix.entry_id, fix.cert_id):
            self._document.select(fix.entry_id)
        if had_focus and self.view.isVisible():
            # The button goes with the warning it fixed; keep the keyboard in the list.
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def _passed_current(self) -> None:
        entry_id = self.outcome_entry(self.view.currentIndex())
        if entry_id:
            self.outcomes.ask_passed_on(entry_id)

    @Slot()
    def _failed_current(self) -> None:
        entry_id = self.outcome_entry(self.view.currentIndex())
        if entry_id and self.outcomes.plan_retake(entry_id) and self.view.isVisible():
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def _move_current(self) -> None:
        entry_id = self.outcome_entry(self.view.currentIndex())
        if entry_id:
            self.outcomes.move(entry_id)

    @Slot()
    def _show_list_or_placeholder(self) -> None:
        empty = self.model.rowCount() == 0
        self._stack.setCurrentWidget(self.placeholder if empty else self.view)

    @Slot()
    def _show_fix(self) -> None:
        index = self.view.currentIndex()
        fix = self.fix_for(index)
        if fix is not None:
            self.replace_button.setText(fix.text)
            self.replace_button.setToolTip(fix.tooltip)
        outcome = bool(self.outcome_entry(index))
        self.replace_button.setVisible(fix is not None and not outcome)
        for button in (self.passed_button, self.failed_button, self.move_button):
            button.setVisible(outcome)
        self.fix_bar.setVisible(fix is not None or outcome)

    @Slot(QPoint)
    def _show_context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid():
            return
        self.view.setCurrentIndex(index)
        menu = self.fix_menu(index)
        if menu is not None:
            menu.exec(self.view.viewport().mapToGlobal(pos))
            menu.deleteLater()

    @Slot(QModelIndex)
    def _select_entry(self, index: QModelIndex) -> None:
        entry_id = index.data(EntryIdRole)
        if entry_id:
            self._document.select(entry_id)

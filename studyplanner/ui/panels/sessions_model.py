"""An entry's study sessions as an editable table (newest first): date, hours, note; and the
base the practice scores' table shares.

Edits go to the ``PlanDocument`` (one undo step each); the model reloads from the document on
every change, so undo puts the table back too. The editors the table opens come from
``LogDelegate``, which the practice scores' table shares.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from studyplanner.domain.plan import PlanEntry, StudySession
from studyplanner.domain.wording import format_day, format_hours
from studyplanner.domain.wording_domains import domain_label
from studyplanner.i18n import N_, _
from studyplanner.ui.document.plan_document import PlanDocument
from studyplanner.ui.widgets.form_fields import (
    DATE_FORMAT,
    DecimalSpinBox,
    bounded_date_edit,
    from_qdate,
    to_qdate,
    validation_message,
)

_Index = QModelIndex | QPersistentModelIndex

DATE, HOURS, DOMAIN, NOTE = range(4)
"""The sessions table's columns."""

DomainChoicesRole = Qt.ItemDataRole.UserRole + 1
"""A session's domain cell: the choices its editor offers, as (label, number or None)."""


class EntryLogModel(QAbstractTableModel):
    """A dated list of the entry set with ``set_entry`` (empty without one), newest first.

    Subclasses say which list, how its columns read and how the document edits it."""

    problem = Signal(str)
    """An edit the plan refused, in a sentence for the person."""

    HEADERS: tuple[str, ...] = ()
    FIELDS: tuple[str, ...] = ()
    """The item field each column edits."""

    def __init__(self, document: PlanDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._entry_id = ""
        self._items: list[Any] = []
        self._shown: tuple[str, bool] = ("", False)
        """The entry and read-only state the rows were last loaded for."""
        self._committing = False
        """An editor's value is being stored: the reload waits for the view to close it."""
        document.changed.connect(self._reload)
        document.opened.connect(self._reload)

    @property
    def entry_id(self) -> str:
        return self._entry_id

    def set_entry(self, entry_id: str) -> None:
        self._entry_id = entry_id
        self._reload()

    @Slot()
    def _reload(self) -> None:
        """Load the entry's items again; an edit elsewhere in the plan, which leaves them as
        they were, leaves the table (its selection and scroll position) alone. During an
        editor's commit the reload comes on the next turn of events: resetting the rows under
        the open editor made Qt commit it a second time, to a view that no longer had it."""
        if self._committing:
            QTimer.singleShot(0, self, self._reload)
            return
        try:
            items = list(self._items_of(self._document.current_plan.entry(self._entry_id)))
        except KeyError:
            items = []
        shown = (self._entry_id, self._document.read_only)
        if shown == self._shown and items == self._items:
            return
        self.beginResetModel()
        self._items = items
        self._shown = shown
        self.endResetModel()

    def plan_index(self, row: int) -> int:
        """Where the item shown at ``row`` sits in the entry's (date-ordered) list."""
        return len(self._items) - 1 - row

    def item_at(self, row: int) -> Any:
        return self._items[self.plan_index(row)]

    def remove_row(self, row: int) -> bool:
        """Delete the item shown at ``row`` (one undo step)."""
        if not 0 <= row < len(self._items) or self._document.read_only:
            return False
        return self._remove(self.plan_index(row))

    # --- what subclasses say ----------------------------------------------------------------

    def _items_of(self, entry: PlanEntry) -> list[Any]:
        raise NotImplementedError

    def _display(self, item: Any, column: int) -> str:
        raise NotImplementedError

    def _tooltip(self, item: Any) -> str:
        raise NotImplementedError

    def _update(self, index: int, **fields: Any) -> bool:
        raise NotImplementedError

    def _remove(self, index: int) -> bool:
        raise NotImplementedError

    # --- Qt model ---------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation is Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.HEADERS)
        ):
            return _(self.HEADERS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self.item_at(index.row())
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == Qt.ItemDataRole.EditRole:
            value = getattr(item, self.FIELDS[column])
            return to_qdate(value) if isinstance(value, date) else value
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self._document.read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags | Qt.ItemFlag.ItemNeverHasChildren

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self._document.read_only:
            return False
        if not 0 <= index.row() < len(self._items):
            return False
        field = self.FIELDS[index.column()]
        self._committing = True
        try:
            return self._update(self.plan_index(index.row()), **{field: _plain(value)})
        except ValidationError as exc:
            self.problem.emit(validation_message(exc))
            return False
        finally:
            self._committing = False


class SessionsModel(EntryLogModel):
    """An entry's study sessions: date, hours, exam domain, note."""

    HEADERS = (N_("Date"), N_("Hours"), N_("Domain"), N_("Note"))
    FIELDS = ("on", "hours", "domain", "note")

    def _items_of(self, entry: PlanEntry) -> list[StudySession]:
        return entry.sessions

    def domain_choices(self) -> list[tuple[str, int | None]]:
        """What a session's domain can be: any domain, or one of the exam's (none for an
        exam whose guide lists no domains)."""
        try:
            entry = self._document.current_plan.entry(self._entry_id)
        except KeyError:
            return []
        domains = self._document.catalog.get(entry.certification_id).domains
        if not domains:
            return []
        return [(_("Any domain"), None)] + [
            (domain_label(d.number, d.name), d.number) for d in domains
        ]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == DomainChoicesRole:
            return self.domain_choices() if index.column() == DOMAIN else None
        return super().data(index, role)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.column() == DOMAIN and not self.domain_choices():
            flags &= ~Qt.ItemFlag.ItemIsEditable
        return flags

    def _display(self, item: StudySession, column: int) -> str:
        domain = (
            _("any") if item.domain is None else _("Domain {number}").format(number=item.domain)
        )
        return (format_day(item.on), format_hours(item.hours), domain, item.note)[column]

    def _tooltip(self, item: StudySession) -> str:
        tip = _("{hours} on {date}").format(
            hours=format_hours(item.hours), date=format_day(item.on)
        )
        if item.domain is not None:
            tip = _("{session}, domain {number}").format(session=tip, number=item.domain)
        return _("{session}: {note}").format(session=tip, note=item.note) if item.note else tip

    def _update(self, index: int, **fields: Any) -> bool:
        return self._document.update_session(self._entry_id, index, **fields)

    def _remove(self, index: int) -> bool:
        return self._document.remove_session(self._entry_id, index)


def _plain(value: Any) -> Any:
    """An editor's value as the plan holds it (a QDate becomes a date, text is trimmed)."""
    if isinstance(value, QDate):
        return from_qdate(value)
    if isinstance(value, str):
        return value.strip()
    return value


class LogDelegate(QStyledItemDelegate):
    """Editors for the logs' tables: dates in the app's format (never after ``today``) and
    numbers within ``number_range`` with ``suffix``."""

    def __init__(
        self,
        today: date,
        number_range: tuple[float, float],
        suffix: str,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.today = today
        self._range = number_range
        self._suffix = suffix

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        choices = index.data(DomainChoicesRole)
        if choices:
            combo = QComboBox(parent)
            for label, number in choices:
                combo.addItem(label, number)
            return combo
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(value, QDate):
            edit = bounded_date_edit()
            edit.setParent(parent)
            edit.setDisplayFormat(DATE_FORMAT)
            edit.setMaximumDate(to_qdate(self.today))
            return edit
        if isinstance(value, float):
            box = DecimalSpinBox(parent)
            box.setRange(*self._range)
            box.setDecimals(2)
            box.setSingleStep(0.5)
            box.setSuffix(self._suffix)
            return box
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)

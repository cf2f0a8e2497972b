"""The plan's advice as a list model, so a view can show it and say which entry it is about."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Slot
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

from studyplanner.domain.advice import Advice, Severity
from studyplanner.domain.wording import format_day
from studyplanner.i18n import _
from studyplanner.ui.document.plan_document import PlanDocument

EntryIdRole = Qt.ItemDataRole.UserRole + 1
"""The id of the plan entry a warning is about ('' for advice about the whole plan)."""
ReplaceWithRole = Qt.ItemDataRole.UserRole + 2
"""The certification id that can take the entry's place (the one-click fix), or ''."""
RenewWithRole = Qt.ItemDataRole.UserRole + 3
"""The certification id whose exam would renew an expiring certification in time, or ''."""
RenewBeforeRole = Qt.ItemDataRole.UserRole + 4
"""The ISO date the renewing exam must come before (the expiry), or ''."""
AdviceCodeRole = Qt.ItemDataRole.UserRole + 5
"""The advice's code ("exam-date-passed", …)."""

_Index = QModelIndex | QPersistentModelIndex


class WarningsModel(QAbstractListModel):
    """One row per piece of advice in ``document.advice``, in plan order; reset when the advice
    (or whether the plan can be fixed) changes, and left alone when an edit changed neither."""

    def __init__(self, document: PlanDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._advice: list[Advice] = document.advice
        self._read_only = document.read_only
        self._icons: dict[tuple[int, Severity], QIcon] = {}
        document.changed.connect(self._reload)
        document.opened.connect(self._reload)  # opening sends no ``changed``

    @Slot()
    def _reload(self) -> None:
        advice = self._document.advice
        read_only = self._document.read_only
        if advice == self._advice and read_only == self._read_only:
            return
        self.beginResetModel()
        self._advice = advice
        self._read_only = read_only
        self.endResetModel()

    def _icon(self, severity: Severity) -> QIcon:
        """The style's warning or information icon (asked for once per style, not per row)."""
        style = QApplication.style()
        key = (id(style), severity)
        icon = self._icons.get(key)
        if icon is None:
            if len(self._icons) > 8:
                self._icons.clear()
            kind = (
                QStyle.StandardPixmap.SP_MessageBoxWarning
                if severity is Severity.WARNING
                else QStyle.StandardPixmap.SP_MessageBoxInformation
            )
            icon = self._icons[key] = style.standardIcon(kind)
        return icon

    def advice_at(self, row: int) -> Advice:
        return self._advice[row]

    def replacement_code(self, advice: Advice) -> str:
        """The exam code of the certification that can replace the advice's entry, or ''."""
        catalog = self._document.catalog
        if advice.replace_with and advice.replace_with in catalog:
            return catalog.get(advice.replace_with).code
        return ""

    def fix_text(self, advice: Advice) -> str:
        """The name of the advice's one-click fix ("Replace with SOA-C03", "Add CLF-C02 before
        10 Jan 2027"), or '' when it has none."""
        code = self.replacement_code(advice)
        if code:
            return _("Replace with {code}").format(code=code)
        catalog = self._document.catalog
        if advice.renew_with and advice.renew_before and advice.renew_with in catalog:
            renewal = catalog.get(advice.renew_with).code
            return _("Add {code} before {date}").format(
                code=renewal, date=format_day(advice.renew_before)
            )
        return ""

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._advice)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._advice):
            return None
        advice = self._advice[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return advice.message
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = advice.message
            if advice.entry_id:
                tip += "\n\n" + _("Click to select this exam in the plan.")
            fix = self.fix_text(advice)
            if fix and not self._document.read_only:
                tip += "\n\n" + _("To fix it, choose {fix} below the list.").format(fix=fix)
            return tip
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icon(advice.severity)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            severity = _("Warning") if advice.severity is Severity.WARNING else _("Info")
            return _("{severity}: {message}").format(severity=severity, message=advice.message)
        if role == EntryIdRole:
            return advice.entry_id or ""
        if role == ReplaceWithRole:
            return advice.replace_with or ""
        if role == RenewWithRole:
            return advice.renew_with or ""
        if role == AdviceCodeRole:
            return str(advice.code)
        if role == RenewBeforeRole:
            return advice.renew_before.isoformat() if advice.renew_before else ""
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

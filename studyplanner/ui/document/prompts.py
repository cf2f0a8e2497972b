"""The questions a plan session asks the person, and their answers from real dialogs.

``PlanSession`` only knows the ``Prompts`` protocol; the window passes ``DialogPrompts`` and the
tests pass a fake that records the questions and answers them, so no test has to patch
``QMessageBox`` or ``QFileDialog``.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QWidget

from studyplanner.i18n import N_, _

if TYPE_CHECKING:
    from PySide6.QtWidgets import QInputDialog

# The dialogs' classes are fetched when a question is asked: naming them here would make
# PySide build QMessageBox, QFileDialog and QInputDialog (and their enums) before the window
# can paint, for questions most starts never ask.


@dataclass(frozen=True)
class FileKind:
    """A kind of file the app saves: its suffix, the dialog's filter, and the purpose under
    which the folder it was last saved in is remembered."""

    purpose: str
    suffix: str
    description: str
    """The filter's words ("PDF documents"), marked with ``N_()``; the pattern comes from
    ``suffix``, so a translation cannot break it."""
    replace_note: str = ""
    """Said after "Replace it?" (e.g. that the old content is kept as a backup); ``N_()``."""

    @property
    def filter(self) -> str:
        """The dialog's filter in the user's language: 'PDF documents (*.pdf)'."""
        return f"{_(self.description)} (*{self.suffix})"


PLAN_FILES = FileKind(
    "plans",
    ".json",
    N_("StudyPlanner plans"),
    N_("Its current content is kept as a backup."),
)
PDF_FILES = FileKind("pdf", ".pdf", N_("PDF documents"))
CATALOG_FILES = FileKind("catalogs", ".json", N_("Catalog files"))
CALENDAR_FILES = FileKind("calendar", ".ics", N_("iCalendar files"))


def plan_filter(kind: FileKind | None = None) -> str:
    """The Open dialog's filters: plans (or ``kind``), then any file."""
    return f"{(kind or PLAN_FILES).filter};;{_('All files')} (*)"


class Prompts(Protocol):
    def inform(self, title: str, text: str) -> None:
        """Something the person should know; nothing to decide."""

    def warn(self, title: str, text: str) -> None:
        """Something went wrong or was refused; nothing to decide."""

    def confirm(self, title: str, text: str, *, accept: str) -> bool:
        """A yes/cancel question; ``accept`` names the button that goes ahead ("Delete")."""

    def ask_text(self, title: str, label: str, text: str) -> str | None:
        """One line of text, ``None`` when cancelled."""

    def choose(self, title: str, label: str, choices: Sequence[str]) -> int | None:
        """The index of one of ``choices``, ``None`` when cancelled."""

    def open_path(self, title: str, folder: Path, kind: FileKind = PLAN_FILES) -> Path | None:
        """A file to open: a plan, or another ``kind`` (a catalog update)."""

    def save_path(self, title: str, suggested: Path, kind: FileKind) -> Path | None:
        """Where to save a ``kind`` file. The dialog adds the suffix before it asks about
        replacing a file; ``file_choice.choose_save_target`` checks again in case it did not."""


class DialogPrompts:
    """``Prompts`` answered by the platform's dialogs, parented to ``parent``."""

    def __init__(self, parent: QWidget) -> None:
        self._parent = parent

    def inform(self, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(self._parent, title, text)

    def warn(self, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self._parent, title, text)

    def confirm(self, title: str, text: str, *, accept: str) -> bool:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self._parent)
        go = box.addButton(accept, QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.exec()
        chosen = box.clickedButton()
        box.deleteLater()
        return chosen is go

    def ask_text(self, title: str, label: str, text: str) -> str | None:
        from PySide6.QtWidgets import QInputDialog

        answer, ok = QInputDialog.getText(self._parent, title, label, text=text)
        return answer if ok else None

    def choose(self, title: str, label: str, choices: Sequence[str]) -> int | None:
        items = list(choices)
        dialog = choice_dialog(self._parent, title, label, items)
        try:
            accepted = dialog.exec()
            answer = dialog.textValue()
        finally:
            dialog.deleteLater()
        if not accepted or answer not in items:
            return None
        return items.index(answer)

    def open_path(self, title: str, folder: Path, kind: FileKind = PLAN_FILES) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        name, _chosen_filter = QFileDialog.getOpenFileName(
            self._parent, title, str(folder), plan_filter(kind)
        )
        return Path(name) if name else None

    def save_path(self, title: str, suggested: Path, kind: FileKind) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        dialog = QFileDialog(self._parent, title, str(suggested.parent), kind.filter)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        # the suffix is added to a typed name before the dialog's "Replace?" check
        dialog.setDefaultSuffix(kind.suffix.removeprefix("."))
        dialog.selectFile(suggested.name)
        try:
            chosen = dialog.selectedFiles() if dialog.exec() else []
        finally:
            dialog.deleteLater()
        return Path(chosen[0]) if chosen and chosen[0] else None


CHOICE_TEXT_WIDTH = 520
"""Pixels the question above a list of choices wraps at (issue 21: one 1,260 px line)."""


def choice_dialog(parent: QWidget, title: str, label: str, items: list[str]) -> QInputDialog:
    """``QInputDialog.getItem``'s dialog, with the question wrapped rather than one line as
    wide as the text: a paragraph about a damaged file made a dialog wider than the screen."""
    from PySide6.QtWidgets import QInputDialog, QLabel

    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setComboBoxItems(items)
    dialog.setComboBoxEditable(False)
    dialog.setTextValue(items[0] if items else "")
    for text_label in dialog.findChildren(QLabel):
        text_label.setWordWrap(True)
        text_label.setMinimumWidth(min(CHOICE_TEXT_WIDTH, text_label.sizeHint().width()))
        text_label.setMaximumWidth(CHOICE_TEXT_WIDTH)
    return dialog


class UnattendedPrompts:
    """``Prompts`` for a run nobody watches (``--smoke``): every question is logged and
    answered with the choice that changes nothing (Cancel), so the run never waits."""

    def __init__(self) -> None:
        self._log = logging.getLogger(__name__)

    def inform(self, title: str, text: str) -> None:
        self._log.info("%s: %s", title, text)

    def warn(self, title: str, text: str) -> None:
        self._log.warning("%s: %s", title, text)

    def confirm(self, title: str, text: str, *, accept: str) -> bool:
        self._log.info("%s: %s (answered Cancel, not %s)", title, text, accept)
        return False

    def ask_text(self, title: str, label: str, text: str) -> str | None:
        self._log.info("%s: %s (cancelled)", title, label)
        return None

    def choose(self, title: str, label: str, choices: Sequence[str]) -> int | None:
        self._log.info("%s: %s (cancelled)", title, label)
        return None

    def open_path(self, title: str, folder: Path, kind: FileKind = PLAN_FILES) -> Path | None:
        return None

    def save_path(self, title: str, suggested: Path, kind: FileKind) -> Path | None:
        return None

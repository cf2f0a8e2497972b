"""The team view: its own window, so the plan being edited stays as it is.

It reads a team folder in the background (``reading``), shows the roll-up (the targets first,
then the team timeline, the people, the quarterly budget and the files not read), edits the
targets in ``team.json`` with undo, follows the folder on disk (``watch``) and prints the team
report. Members' files are only ever read: the one file written is ``team.json``, and only
when the person changes a target or the team's name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

from pydantic import ValidationError
from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from studyplanner.domain.catalog import Catalog
from studyplanner.domain.team import TeamRollUp, TeamSettings, with_settings
from studyplanner.domain.wording import count_text
from studyplanner.domain.wording_team import as_of_text, target_text
from studyplanner.i18n import _
from studyplanner.storage.settings import AppSettings, save_settings
from studyplanner.storage.team_folder import (
    TeamFileChangedError,
    TeamFileError,
    TeamFileStamp,
    team_file_stamp,
    write_team_file,
)
from studyplanner.ui.app_info import app_icon
from studyplanner.ui.document.prompts import DialogPrompts, Prompts
from studyplanner.ui.team import rows
from studyplanner.ui.team.reading import FolderReading, TeamRead
from studyplanner.ui.team.rows_model import RowsModel
from studyplanner.ui.team.target_dialog import TargetDialog
from studyplanner.ui.team.team_edits import TeamSettingsEdit
from studyplanner.ui.team.team_timeline import TeamTimelineView
from studyplanner.ui.team.watch import FolderWatch
from studyplanner.ui.widgets.form_fields import problem_label, validation_message
from studyplanner.ui.window.frame import fit_to_screen

WIDEST_COLUMN = 380
"""Pixels a table column takes at most before its text wraps."""
ROWS_MEASURED = 60
WRAPPED_ROWS = 150
TEAM_FOLDERS = "team"
"""The purpose the last team folder is remembered under (``AppSettings.last_folders``)."""


class TeamFolderChooser:
    """The platform's folder chooser (tests replace ``ask``)."""

    @classmethod
    def ask(cls, parent: QWidget | None, start: Path) -> Path | None:
        chosen = QFileDialog.getExistingDirectory(parent, _("Open Team Folder"), str(start))
        return Path(chosen) if chosen else None


def choose_team_folder(parent: QWidget | None, settings: AppSettings) -> Path | None:
    """Ask for a team folder, starting in the one opened last; remember the choice."""
    start = settings.folder_for(TEAM_FOLDERS) or Path.home()
    try:
        if not start.is_dir():
            start = Path.home()
    except OSError:
        start = Path.home()
    folder = TeamFolderChooser.ask(parent, start)
    if folder is not None:
        settings.remember_folder(TEAM_FOLDERS, folder)
        save_settings(settings)
    return folder


def _table(model: RowsModel, name: str) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setResizeContentsPrecision(ROWS_MEASURED)
    view.setTabKeyNavigation(False)  # Tab leaves the table, as in a form
    return view


def fit_columns(view: QTableView) -> None:
    """Each column as wide as its text (measured on the first ``ROWS_MEASURED`` rows), up to
    ``WIDEST_COLUMN``; longer sentences wrap in a table of up to ``WRAPPED_ROWS`` rows, and
    are cut short (the tooltip has them whole) in a longer one, which stays quick to show."""
    model = view.model()
    wrapped = model is not None and model.rowCount() <= WRAPPED_ROWS
    view.setWordWrap(wrapped)
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    for column in range(header.count()):
        if header.sectionSize(column) > WIDEST_COLUMN:
            header.resizeSection(column, WIDEST_COLUMN)
    if wrapped:
        view.resizeRowsToContents()
    else:
        view.verticalHeader().setDefaultSectionSize(view.verticalHeader().minimumSectionSize())


class TeamWindow(QMainWindow):
    """One team folder's roll-up. ``shown`` is emitted each time a reading is shown."""

    shown = Signal()
    reading_ended = Signal()

    def __init__(
        self,
        catalog: Catalog,
        settings: AppSettings,
        *,
        prompts: Prompts | None = None,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.catalog = catalog
        self.settings = settings
        self.prompts = prompts if prompts is not None else DialogPrompts(self)
        self._today = today
        self.folder: Path | None = None
        self.read: TeamRead | None = None
        self.reading: FolderReading | None = None
        self._read_again = False
        self._team_stamp: TeamFileStamp = None
        """``team.json`` as last read or written here: a write over another one is refused."""
        self._edited_while_reading = False
        self._people_shown: object = None
        self.undo_stack = QUndoStack(self)
        self.watch = FolderWatch(self)
        self.setWindowIcon(app_icon())
        self.setWindowTitle(_("Team"))
        fit_to_screen(self, QSize(1320, 880))
        self._build_widgets()
        self._build_actions()
        self._build_menus()
        self._connect_signals()
        self._show()

    # --- construction -------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.title = QLabel()
        self.title.setObjectName("team-title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.facts = QLabel()
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem = problem_label()
        self.problem.setWordWrap(True)

        self.targets_model = RowsModel(right=(2, 3), parent=self)
        self.targets_view = _table(self.targets_model, _("Targets"))
        self.targets_caption = QLabel(_("&Targets"))
        self.targets_caption.setBuddy(self.targets_view)
        self.targets_note = QLabel(
            _(
                "Planned: every planned exam passes on its day. Safe: leaving out exams more "
                "than a week of study behind, or not ready from practice scores with 14 days or "
                "less to go. A target is met when the safe count reaches it, at risk when only "
                "the planned count does."
            )
        )
        self.targets_note.setWordWrap(True)
        self.targets_note.setEnabled(False)  # a muted note, as in the panels
        self.add_button = QPushButton(_("&Add Target…"))
        self.edit_button = QPushButton(_("&Edit Target…"))
        self.remove_button = QPushButton(_("&Remove Target"))
        self.rename_button = QPushButton(_("Team &Name…"))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.rename_button)

        top = QWidget()
        column = QVBoxLayout(top)
        column.addWidget(self.title)
        column.addWidget(self.facts)
        column.addWidget(self.problem)
        column.addWidget(self.targets_caption)
        column.addWidget(self.targets_view, 1)
        column.addLayout(buttons)
        column.addWidget(self.targets_note)

        self.timeline = TeamTimelineView(self.catalog, self)
        self.people_model = RowsModel(parent=self)
        self.people_view = _table(self.people_model, _("People"))
        self.budget_model = RowsModel(right=(1, 2, 3, 4, 5, 6), parent=self)
        self.budget_view = _table(self.budget_model, _("Quarterly budget"))
        self.budget_view.horizontalHeader().setStretchLastSection(False)  # numbers stay close
        self.skipped_model = RowsModel(parent=self)
        self.skipped_view = _table(self.skipped_model, _("Files not read"))
        self.budget_note = QLabel(
            _(
                "List price: each exam's fee (a member's own fee where their plan sets one; "
                "currencies are never added together). With vouchers: what the members' plans "
                "pay after the 50 % vouchers earlier passes earn, exams the company pays costing "
                "nothing. Expiries: certifications that lapse with no renewal planned."
            )
        )
        self.budget_note.setWordWrap(True)
        self.budget_note.setEnabled(False)
        budget = QWidget()
        budget_column = QVBoxLayout(budget)
        budget_column.setContentsMargins(0, 0, 0, 0)
        budget_column.addWidget(self.budget_view, 1)
        budget_column.addWidget(self.budget_note)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.people_view, _("&People"))
        self.tabs.addTab(budget, _("Quarterly &budget"))
        self.tabs.addTab(self.skipped_view, _("Files not read"))

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(top)
        self.legend = QLabel(
            _(
                "◆ a planned exam, in its tier's colour; amber ◆: at risk (tooltips say why) · "
                "| a certification lapses unless renewed · dashed line: a target's day · "
                "red line: today"
            )
        )
        self.legend.setEnabled(False)  # a muted note
        self.legend.setWordWrap(True)
        chart = QWidget()
        chart_column = QVBoxLayout(chart)
        chart_column.setContentsMargins(0, 0, 0, 0)
        chart_column.setSpacing(2)
        chart_column.addWidget(self.timeline, 1)
        chart_column.addWidget(self.legend)
        self.splitter.addWidget(chart)
        self.splitter.addWidget(self.tabs)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([300, 300, 260])
        self.setCentralWidget(self.splitter)

        self.progress = QProgressBar()
        self.progress.setAccessibleName(_("Reading the team folder"))
        self.progress.setMaximumWidth(320)
        self.cancel_button = QPushButton(_("Cancel"))
        self.cancel_button.setToolTip(_("Stop reading the folder (Esc)"))
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_button)

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        key = QKeySequence.StandardKey
        self.open_action = self._action(_("&Open Team Folder…"), self.choose_folder, key.Open)
        self.reload_action = self._action(_("&Reload"), self.reload, key.Refresh)
        self.print_action = self._action(_("&Print…"), self.print_report, key.Print)
        self.pdf_action = self._action(_("Export as P&DF…"), self.export_pdf, "Ctrl+Shift+E")
        self.close_action = self._action(_("&Close"), self.close, key.Close)
        self.undo_action = self.undo_stack.createUndoAction(self, _("&Undo"))
        self.undo_action.setShortcut(QKeySequence(key.Undo))
        self.redo_action = self.undo_stack.createRedoAction(self, _("&Redo"))
        self.redo_action.setShortcut(QKeySequence(key.Redo))
        self.add_action = self._action(_("&Add Target…"), self.add_target, "Ctrl+Shift+A")
        self.edit_action = self._action(_("&Edit Target…"), self.edit_target, "F2")
        self.remove_action = self._action(_("Re&move Target"), self.remove_target, key.Delete)
        self.rename_action = self._action(_("Team &Name…"), self.rename_team, "Ctrl+Shift+T")
        self.cancel_action = self._action(_("&Cancel Reading"), self.cancel_reading, "Esc")
        for action in (self.edit_action, self.remove_action):
            # F2 and Delete act on the targets table only, never on a row of another table
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.targets_view.addAction(action)
        self.add_button.clicked.connect(self.add_target)
        self.edit_button.clicked.connect(self.edit_target)
        self.remove_button.clicked.connect(self.remove_target)
        self.rename_button.clicked.connect(self.rename_team)
        self.cancel_button.clicked.connect(self.cancel_reading)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(_("&File"))
        file_menu.addActions([self.open_action, self.reload_action])
        file_menu.addSeparator()
        file_menu.addActions([self.print_action, self.pdf_action])
        file_menu.addSeparator()
        file_menu.addAction(self.close_action)
        edit_menu = bar.addMenu(_("&Edit"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions(
            [self.add_action, self.edit_action, self.remove_action, self.rename_action]
        )
        edit_menu.addSeparator()
        edit_menu.addAction(self.cancel_action)
        toolbar = QToolBar(_("Team"), self)
        toolbar.setObjectName("toolbar-team")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addActions([self.open_action, self.reload_action])
        toolbar.addSeparator()
        toolbar.addActions([self.undo_action, self.redo_action])
        toolbar.addSeparator()
        toolbar.addActions([self.print_action, self.pdf_action])
        self.addToolBar(toolbar)

    def _connect_signals(self) -> None:
        self.watch.changed.connect(self._folder_changed)
        self.targets_view.doubleClicked.connect(self.edit_target)
        self.targets_view.selectionModel().selectionChanged.connect(self._update_actions)

    # --- reading ------------------------------------------------------------------------

    def choose_folder(self) -> bool:
        folder = choose_team_folder(self, self.settings)
        if folder is None:
            return False
        self.open_folder(folder)
        return True

    def open_folder(self, folder: Path) -> None:
        """Read ``folder`` (in the background) and show it; another folder's view is dropped."""
        if folder != self.folder:
            self.watch.stop()
            self.undo_stack.clear()
            self.read = None
            self._team_stamp = None
            self.folder = folder
            self._show()
        self._start_reading()

    @Slot()
    def reload(self) -> None:
        if self.folder is not None:
            self._start_reading()

    def _start_reading(self) -> None:
        if self.folder is None:
            return
        if self.reading is not None and self.reading.running:
            if self.reading.folder == self.folder:
                self._read_again = True  # read once more when this reading ends
                return
            self.reading.wait()
        reading = FolderReading(self.folder, self.catalog, self._today(), self)
        reading.progressed.connect(self._on_progress)
        reading.finished.connect(self._on_read)
        reading.failed.connect(self._on_failed)
        reading.cancelled.connect(self._on_cancelled)
        self.reading = reading
        self._read_again = False
        self._edited_while_reading = False
        self.progress.setRange(0, 0)  # busy until the first file is counted
        self._show_reading(True)
        self.statusBar().showMessage(_("Reading {folder}…").format(folder=self.folder))
        reading.start()

    @Slot()
    def cancel_reading(self) -> None:
        if self.reading is not None and self.reading.running:
            self._read_again = False
            self.reading.cancel()
            self.cancel_button.setEnabled(False)

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(_("%v of %m files"))

    def _reading_over(self, reading: FolderReading) -> bool:
        """Whether ``reading`` is still the one asked for (not replaced by a newer one)."""
        if reading is not self.reading:
            return False
        self._show_reading(False)
        self.reading = None
        reading.deleteLater()
        return True

    @Slot(object)
    def _on_read(self, read: TeamRead) -> None:
        sender = self.sender()
        if not isinstance(sender, FolderReading) or not self._reading_over(sender):
            return
        if read.folder.folder != self.folder:
            return
        settings_before = self.read.folder.settings if self.read is not None else None
        first = self.read is None  # a folder's first reading: the timeline is sized for it
        if self._edited_while_reading and self.read is not None:
            # The name or a target was changed while this reading ran: the team.json it read
            # may be older than the one just written, which stays shown with its undo steps.
            settings = self.read.folder.settings
            read = replace(
                read,
                folder=replace(
                    read.folder,
                    settings=settings,
                    settings_problem=None,
                    team_stamp=self._team_stamp,
                ),
                roll_up=with_settings(read.roll_up, settings, self.catalog),
            )
        self._team_stamp = read.folder.team_stamp
        if team_file_stamp(read.folder.folder) != self._team_stamp:
            self._read_again = True  # team.json changed after it was read: read it once more
        self.read = read
        if settings_before is not None and settings_before != read.folder.settings:
            self.undo_stack.clear()  # team.json changed on disk: the steps would undo that
        self.watch.follow(read.folder.folder, read.folder.stamps)
        self.statusBar().showMessage(
            _("Read {count}").format(count=count_text(len(read.folder.members), "plan")), 5000
        )
        self._show()
        if first:
            self._fit_timeline()
        self.reading_ended.emit()
        self.shown.emit()
        if self._read_again:
            self._start_reading()

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        sender = self.sender()
        if not isinstance(sender, FolderReading) or not self._reading_over(sender):
            return
        self.statusBar().clearMessage()
        self.problem.setText(message)
        self.problem.show()
        self.reading_ended.emit()
        if self.read is None:
            self.prompts.warn(_("Open Team Folder"), message)

    @Slot()
    def _on_cancelled(self) -> None:
        sender = self.sender()
        if not isinstance(sender, FolderReading) or not self._reading_over(sender):
            return
        self.statusBar().showMessage(_("Reading cancelled; nothing was changed."), 6000)
        self.reading_ended.emit()

    @Slot()
    def _folder_changed(self) -> None:
        """A member's plan (or ``team.json``) changed on disk: read the folder again."""
        self._start_reading()

    def _show_reading(self, reading: bool) -> None:
        self.progress.setVisible(reading)
        self.cancel_button.setVisible(reading)
        self.cancel_button.setEnabled(reading)
        self.cancel_action.setEnabled(reading)

    # --- showing ------------------------------------------------------------------------

    @property
    def team(self) -> TeamRollUp | None:
        return self.read.roll_up if self.read is not None else None

    def _show(self) -> None:
        read, team = self.read, self.team
        if self.folder is not None:
            self.setWindowTitle(_("{name} — Team").format(name=self.folder.name or self.folder))
        if read is None or team is None:
            self.title.setText(_("Team"))
            self.facts.setText(
                _("Reading {folder}…").format(folder=self.folder)
                if self.folder is not None
                else _("Open a folder of plans with File › Open Team Folder…")
            )
            for model in (
                self.targets_model,
                self.people_model,
                self.budget_model,
                self.skipped_model,
            ):
                model.set_table(rows.Table((), ()))
            self.timeline.show_team(None)
            self._people_shown = None
            self.tabs.setTabText(2, _("Files not read"))
            self.problem.hide()
            self._show_reading(self.reading is not None and self.reading.running)
            self._update_actions()
            return
        self.title.setText(team.name or read.folder.folder.name or _("Team"))
        facts = [
            as_of_text(team.today),
            count_text(len(team.people), "plan"),
            _("{exams} planned").format(
                exams=count_text(sum(len(p.planned) for p in team.people), "exam")
            ),
        ]
        if read.folder.skipped:
            facts.append(
                _("{files} not read").format(files=count_text(len(read.folder.skipped), "file"))
            )
        facts.append(str(read.folder.folder))
        self.facts.setText(" · ".join(facts))
        if read.folder.settings_problem:
            self.problem.setText(
                _("{problem}. The targets cannot be changed here until team.json is fixed.").format(
                    problem=read.folder.settings_problem.rstrip(".")
                )
            )
            self.problem.show()
        else:
            self.problem.hide()
        selected = self._selected_target()
        self.targets_model.set_table(rows.targets_table(team, self.catalog))
        if not team.targets:
            self.targets_note.setText(
                _("No targets yet: add one, and it is kept in team.json in the folder.")
            )
        views = [self.targets_view]
        if read.people is not self._people_shown:  # a target edit leaves the people as they are
            self._people_shown = read.people
            self.people_model.set_table(read.people)
            self.budget_model.set_table(read.budget)
            self.skipped_model.set_table(read.skipped)
            views += [self.people_view, self.budget_view, self.skipped_view]
        self.tabs.setTabText(
            2, _("Files not read ({count})").format(count=len(read.folder.skipped))
        )
        self.timeline.show_team(team)
        for view in views:
            fit_columns(view)
        if team.targets and selected >= 0:  # no row chosen for the person: statuses stay legible
            self._select_target(min(selected, len(team.targets) - 1))
        self._update_actions()

    def _fit_timeline(self) -> None:
        """Give the team timeline the height its rows need (a few people take little room,
        a company scrolls), the rest to the tables."""
        sizes = self.splitter.sizes()
        total = sum(sizes)
        wanted = self.timeline.wanted_height() + self.legend.sizeHint().height() + 2
        wanted = min(wanted, total // 2)
        rest = total - wanted
        self.splitter.setSizes([rest * 11 // 20, wanted, rest - rest * 11 // 20])

    def _update_actions(self) -> None:
        editable = self.read is not None and not self.read.folder.settings_problem
        chosen = editable and self._selected_target() >= 0
        for control in (self.add_action, self.add_button, self.rename_action, self.rename_button):
            control.setEnabled(editable)
        for control in (self.edit_action, self.edit_button, self.remove_action, self.remove_button):
            control.setEnabled(chosen)
        has_team = self.read is not None
        self.print_action.setEnabled(has_team)
        self.pdf_action.setEnabled(has_team)
        self.reload_action.setEnabled(self.folder is not None)

    # --- targets --------------------------------------------------------------------------

    def _selected_target(self) -> int:
        rows_chosen = self.targets_view.selectionModel().selectedRows()
        return rows_chosen[0].row() if rows_chosen else -1

    def _select_target(self, index: int) -> None:
        self.targets_view.selectRow(index)
        self.targets_view.setCurrentIndex(self.targets_model.index(index, 0))

    def _targets_editable(self) -> TeamSettings | None:
        if self.read is None:
            return None
        if self.read.folder.settings_problem:
            self.prompts.warn(
                _("Targets"),
                _("{problem}. Fix or remove team.json to change the targets here.").format(
                    problem=self.read.folder.settings_problem.rstrip(".")
                ),
            )
            return None
        return self.read.folder.settings

    def add_target(self) -> bool:
        settings = self._targets_editable()
        if settings is None:
            return False
        target = TargetDialog.ask(self, self.catalog, None, self._today())
        if target is None:
            return False
        after = TeamSettings(name=settings.name, targets=(*settings.targets, target))
        text = _("Add target {target}").format(target=target_text(target, self.catalog))
        if self._edit(text, after):
            self._select_target(len(after.targets) - 1)
            return True
        return False

    def edit_target(self) -> bool:
        settings = self._targets_editable()
        index = self._selected_target()
        if settings is None or index < 0:
            return False
        old = settings.targets[index]
        target = TargetDialog.ask(self, self.catalog, old, self._today())
        if target is None or target == old:
            return False
        targets = list(settings.targets)
        targets[index] = target
        after = TeamSettings(name=settings.name, targets=tuple(targets))
        text = _("Change target {target}").format(target=target_text(target, self.catalog))
        return self._edit(text, after)

    def remove_target(self) -> bool:
        settings = self._targets_editable()
        index = self._selected_target()
        if settings is None or index < 0:
            return False
        old = settings.targets[index]
        targets = settings.targets[:index] + settings.targets[index + 1 :]
        after = TeamSettings(name=settings.name, targets=targets)
        text = _("Remove target {target}").format(target=target_text(old, self.catalog))
        return self._edit(text, after)

    def rename_team(self) -> bool:
        settings = self._targets_editable()
        if settings is None:
            return False
        name = self.prompts.ask_text(_("Team Name"), _("The team's name:"), settings.name)
        if name is None:
            return False
        name = " ".join(name.split())
        if name == settings.name:
            return False
        try:
            after = TeamSettings(name=name, targets=settings.targets)
        except ValidationError as exc:
            self.prompts.warn(_("Team Name"), validation_message(exc))
            return False
        return self._edit(_("Rename team"), after)

    def _edit(self, text: str, after: TeamSettings) -> bool:
        """Write ``after`` and make it one undo step; nothing changes if it cannot be written."""
        if self.read is None:
            return False
        before = self.read.folder.settings
        if not self.apply_settings(after):
            return False
        self.undo_stack.push(TeamSettingsEdit(text, before, after, self.apply_settings))
        return True

    def apply_settings(self, settings: TeamSettings) -> bool:
        """Write ``team.json`` and show the targets it gives; False (said) if not written."""
        if self.read is None or self.folder is None:
            return False
        try:
            self._team_stamp = write_team_file(
                self.folder, settings, unchanged_since=self._team_stamp
            )
        except TeamFileChangedError:
            message = _(
                "team.json was changed on disk by someone else, so your change was not saved; "
                "the folder is being read again."
            )
            self.statusBar().showMessage(message)
            self.prompts.warn(_("Targets"), message)
            self.reload()
            return False
        except TeamFileError as exc:
            self.prompts.warn(_("Targets"), str(exc))
            return False
        self.watch.team_file_written()
        if self.reading is not None and self.reading.running:
            self._edited_while_reading = True  # the reading may hold team.json as it was
        folder = self.read.folder
        team = with_settings(self.read.roll_up, settings, self.catalog)
        self.read = replace(self.read, folder=replace(folder, settings=settings), roll_up=team)
        self._show()
        return True

    # --- the report -----------------------------------------------------------------------

    def print_report(self) -> None:
        if self.read is not None:
            from studyplanner.ui.team.team_printing import show_team_preview

            show_team_preview(self, self.read, self.catalog)

    def export_pdf(self) -> bool:
        if self.read is None:
            return False
        from studyplanner.ui.team.team_printing import export_team_pdf

        return export_team_pdf(self, self.read, self.catalog, self.prompts, self.settings)

    # --- closing --------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self.watch.stop()
        if self.reading is not None:
            self.reading.wait()
            self.reading = None
        event.accept()

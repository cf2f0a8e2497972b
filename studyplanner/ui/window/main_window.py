"""The main window: composes the ladder, the timeline and the panels, and wires them.

It holds no planning logic and no file policy: edits go to the ``PlanDocument``, files to the
``PlanSession``, reports to ``export``. Panes react to the document's signals.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import QMainWindow, QSplitter, QToolBar, QWidget

from studyplanner import APP_NAME
from studyplanner.domain.plan import EntryStatus
from studyplanner.i18n import _
from studyplanner.storage import paths
from studyplanner.storage.catalog_source import LoadedCatalog
from studyplanner.storage.settings import AppSettings
from studyplanner.ui.app_info import app_icon, show_about
from studyplanner.ui.canvas.ladder import PlanMark
from studyplanner.ui.document.midnight import MidnightWatch
from studyplanner.ui.document.plan_session import PlanSession
from studyplanner.ui.document.prompts import DialogPrompts, Prompts
from studyplanner.ui.panels.certification_details import CertificationDetails
from studyplanner.ui.panels.deferred_panel import DeferredPanel
from studyplanner.ui.panels.warnings_panel import WarningsPanel
from studyplanner.ui.widgets.field_undo import FieldUndo, commit_open_edits, place_kept
from studyplanner.ui.window.add_to_plan import AddToPlan
from studyplanner.ui.window.catalog_commands import CatalogCommands
from studyplanner.ui.window.dock_focus import DockFocusGuard, panels_behind_tabs_skipped
from studyplanner.ui.window.docks import arrange_docks
from studyplanner.ui.window.entry_commands import EntryCommands, UndoCommands
from studyplanner.ui.window.frame import fit_to_screen
from studyplanner.ui.window.language_menu import LanguageMenu
from studyplanner.ui.window.output_commands import OutputCommands
from studyplanner.ui.window.pane_cycle import PaneCycle
from studyplanner.ui.window.panes import (
    Countdown,
    LadderPane,
    PlanSummary,
    RecentPlansMenu,
    SaveState,
    TimelinePane,
)
from studyplanner.ui.window.progress_commands import ProgressCommands
from studyplanner.ui.window.state import remember_window, restore_window, set_sensible_minimum
from studyplanner.ui.window.theme_menu import ThemeMenu

if TYPE_CHECKING:  # imported when their tabs are first shown (see DeferredPanel)
    from studyplanner.ui.panels.entry_panel import EntryPanel
    from studyplanner.ui.panels.plan_settings import PlanSettingsPanel
    from studyplanner.ui.panels.progress_view import ProgressView

MARKS = {EntryStatus.PASSED: PlanMark.PASSED, EntryStatus.STUDYING: PlanMark.STUDYING}


class MainWindow(QMainWindow):
    def __init__(
        self,
        loaded: LoadedCatalog,
        parent: QWidget | None = None,
        *,
        prompts: Prompts | None = None,
        today: Callable[[], date] = date.today,
        settings: AppSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.catalog = loaded.catalog
        self.catalog_problem = loaded.problem
        self.loaded_catalog = loaded
        self.today_source = today  # a window reopened on a new catalog sees the same day
        self.pinned_day: date | None = None
        self.prompts = prompts if prompts is not None else DialogPrompts(self)
        self.session = PlanSession(self.catalog, self.prompts, self, today=today, settings=settings)
        self.settings = self.session.settings
        self.team_window: QMainWindow | None = None
        self.successor: MainWindow | None = None
        """The window that replaced this one on a new catalog (see reopen_on_active_catalog)."""
        self.document = self.session.document
        self.autosaver = self.session.autosaver
        self.midnight = MidnightWatch(self.document, self)

        self.setWindowIcon(app_icon())
        fit_to_screen(self, QSize(1440, 900))

        self._build_widgets()
        self._build_actions()
        self._build_menus()
        self._connect_signals()
        self._refresh()
        set_sensible_minimum(self)
        restore_window(self, self.settings)

    # --- construction -------------------------------------------------------------------

    def _build_widgets(self) -> None:
        ladder_pane = LadderPane(self.catalog, self)
        self.ladder, self.show_retired = ladder_pane.ladder, ladder_pane.show_retired
        self.ladder.set_show_retired(self.settings.show_retired)
        self.show_retired.setChecked(self.settings.show_retired)
        timeline_pane = TimelinePane(self.document, self)
        self.timeline, self.timeline_title = timeline_pane.timeline, timeline_pane.title

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(ladder_pane)
        self.splitter.addWidget(timeline_pane)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self.details = CertificationDetails(self.catalog, self)
        self.warnings = WarningsPanel(self.document, self)
        self.progress_commands = ProgressCommands(self.document, self)
        # Tabs behind *Certification*: built when first brought to the front (or asked for).
        self.entry_host = DeferredPanel(self._build_entry_panel, self)
        self.settings_host = DeferredPanel(self._build_plan_settings, self)
        self.progress_host = DeferredPanel(self._build_progress_view, self)
        hosts = (self.entry_host, self.settings_host, self.progress_host)

        self.docks = arrange_docks(self, self.details, *hosts, self.warnings)
        self.details_dock, self.entry_dock, self.settings_dock = self.docks[:3]
        self.progress_dock, self.warnings_dock = self.docks[3:]
        for host, dock in zip(hosts, self.docks[1:4], strict=True):
            host.build_when_shown(dock)
        self.splitter.setSizes([470, 430])
        self.dock_focus = DockFocusGuard(self, self.docks)
        self.field_undo = FieldUndo(self, self.document)
        self.pane_cycle = PaneCycle(
            self, [(ladder_pane, self.ladder), (timeline_pane, self.timeline)], self.docks
        )

        self.summary = PlanSummary(self.document, self)
        self.save_state = SaveState(self.document, self.autosaver, self, APP_NAME)
        self.countdown = Countdown(self.document, self)
        self.statusBar().addWidget(self.summary, 1)
        self.statusBar().addPermanentWidget(self.countdown)
        self.statusBar().addPermanentWidget(self.save_state)

    def _build_entry_panel(self) -> EntryPanel:
        from studyplanner.ui.panels.entry_panel import EntryPanel

        panel = EntryPanel(self.document)
        panel.log_requested.connect(self.progress_commands.open_log)
        return panel

    def _build_plan_settings(self) -> PlanSettingsPanel:
        from studyplanner.ui.panels.plan_settings import PlanSettingsPanel

        return PlanSettingsPanel(self.document)

    def _build_progress_view(self) -> ProgressView:
        from studyplanner.ui.panels.progress_view import ProgressView

        return ProgressView(self.document, self.progress_commands.set_baseline)

    @property
    def entry_panel(self) -> EntryPanel:
        from studyplanner.ui.panels.entry_panel import EntryPanel

        return self.entry_host.panel(EntryPanel)

    @property
    def plan_settings(self) -> PlanSettingsPanel:
        from studyplanner.ui.panels.plan_settings import PlanSettingsPanel

        return self.settings_host.panel(PlanSettingsPanel)

    @property
    def progress(self) -> ProgressView:
        from studyplanner.ui.panels.progress_view import ProgressView

        return self.progress_host.panel(ProgressView)

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        # a bound method, never a lambda: a lambda would keep the window alive after close
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        key = QKeySequence.StandardKey
        session = self.session
        tip = _("Start an empty plan")
        self.new_action = self._action(_("&New Plan"), session.new, key.New, tip)
        self.new_from_profile_action = self._action(
            _("New Plan from &Profile…"),
            self.new_plan_from_profile,
            "Ctrl+Shift+N",
            _("Suggest a path from your role, experience, direction and time"),
        )
        self.open_action = self._action(_("&Open…"), session.open_with_dialog, key.Open)
        self.team_action = self._action(
            _("Open &Team Folder…"),
            self.open_team_folder,
            "Ctrl+Shift+O",
            _("A manager's roll-up of a folder of plans, with the team's targets"),
        )
        self.save_as_action = self._action(_("Save &As…"), session.save_as, key.SaveAs)
        self.duplicate_action = self._action(_("&Duplicate"), session.duplicate)
        self.rename_action = self._action(_("&Rename…"), session.rename, "F2")
        self.delete_action = self._action(_("De&lete Plan…"), session.delete)
        self.restore_action = self._action(_("Restore Dele&ted Plan…"), session.restore_deleted)
        self.restore_version_action = self._action(
            _("Restore &Earlier Version…"),
            session.restore_version,
            None,
            _("Bring back the plan as it was saved earlier (undoable)"),
        )
        self.output = OutputCommands(self.document, self.prompts, self.settings, self)
        self.print_action, self.pdf_action, self.ics_action = self.output.actions
        self.quit_action = self._action(_("&Quit"), self.close, key.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        self.undo_commands = UndoCommands(self.document, self, self._keep_place)
        self.undo_action, self.redo_action = self.undo_commands.undo, self.undo_commands.redo
        self.adding = AddToPlan(
            self.document, self.catalog, self.prompts, self.statusBar().showMessage, self
        )
        self.add_action = self._action(
            _("&Add to Plan"), self.add_selected_certification, None, _("Add the selected card")
        )
        self.entry_commands = EntryCommands(self.document, self.timeline)
        self.move_up_action = self.entry_commands.move_up
        self.move_down_action = self.entry_commands.move_down
        self.remove_action = self.entry_commands.remove

        self.zoom_in_action = self._action(_("Zoom &In"), self.timeline.zoom_in, key.ZoomIn)
        self.zoom_in_action.setShortcuts([QKeySequence(key.ZoomIn), QKeySequence("Ctrl+=")])
        self.zoom_out_action = self._action(_("Zoom &Out"), self.timeline.zoom_out, key.ZoomOut)
        self.fit_action = self._action(_("&Fit Plan"), self.timeline.fit_to_plan, "Ctrl+0")
        self.retired_action = QAction(_("Show &Retired Certifications"), self)
        self.retired_action.setCheckable(True)
        self.retired_action.setChecked(self.settings.show_retired)
        tip = _("Where StudyPlanner writes its log")
        self.log_folder_action = self._action(
            _("Open &Log Folder"), self.open_log_folder, None, tip
        )
        self.about_action = self._action(_("&About StudyPlanner"), self.about)
        self.catalog_commands = CatalogCommands(self, self.loaded_catalog)
        self.details.catalog_note = self.catalog_commands.summary()
        self.shortcuts_action = self._action(
            _("&Keyboard Shortcuts"),
            self.show_shortcuts,
            key.HelpContents,
            _("Every key the window answers to"),
        )

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(_("&File"))
        file_menu.addActions([self.new_action, self.new_from_profile_action, self.open_action])
        self.recent_menu = RecentPlansMenu(self.session, self)
        file_menu.addMenu(self.recent_menu)
        file_menu.addAction(self.team_action)
        file_menu.addSeparator()
        file_menu.addActions(
            [
                self.save_as_action,
                self.duplicate_action,
                self.rename_action,
                self.delete_action,
                self.restore_action,
                self.restore_version_action,
            ]
        )
        file_menu.addSeparator()
        file_menu.addActions([self.print_action, self.pdf_action, self.ics_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        edit_menu = bar.addMenu(_("&Edit"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.add_action, *self.entry_commands.actions])
        edit_menu.addSeparator()
        progress = self.progress_commands
        edit_menu.addActions([progress.log_study, progress.set_baseline])

        view_menu = bar.addMenu(_("&View"))
        view_menu.addActions([self.zoom_in_action, self.zoom_out_action, self.fit_action])
        view_menu.addSeparator()
        view_menu.addActions([self.retired_action, progress.show_baseline])
        view_menu.addSeparator()
        view_menu.addActions(self.pane_cycle.panel_actions)  # each panel to the front
        view_menu.addSeparator()
        view_menu.addActions(self.pane_cycle.actions)
        self.theme_menu = ThemeMenu(self.session, self)
        view_menu.addMenu(self.theme_menu)
        self.language_menu = LanguageMenu(self.session, self.statusBar().showMessage, self)
        view_menu.addMenu(self.language_menu)

        help_menu = bar.addMenu(_("&Help"))
        help_menu.addActions([self.shortcuts_action, self.log_folder_action])
        help_menu.addSeparator()
        help_menu.addActions(self.catalog_commands.actions)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

        toolbar = QToolBar(_("Main"), self)
        toolbar.setObjectName("toolbar-main")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addActions([self.new_from_profile_action, self.open_action])
        toolbar.addSeparator()
        toolbar.addActions([self.undo_action, self.redo_action])
        toolbar.addSeparator()
        toolbar.addActions([self.add_action, self.remove_action, progress.log_study])
        toolbar.addSeparator()
        toolbar.addActions([self.zoom_out_action, self.fit_action, self.zoom_in_action])
        toolbar.addSeparator()
        toolbar.addActions([self.print_action, self.pdf_action])
        self.addToolBar(toolbar)

    def _connect_signals(self) -> None:
        document, session = self.document, self.session
        self.ladder.follow(document)  # held marks first: _refresh's details read them
        document.changed.connect(self._refresh)
        document.opened.connect(self._refresh)
        document.selection_changed.connect(self._on_entry_selected)
        document.refused.connect(self._tell_refused)
        session.leaving.connect(self._commit_open_edits)
        self.adding.added.connect(self.timeline.ensure_entry_visible)
        self.ladder.certification_selected.connect(self._on_certification_selected)
        self.ladder.add_requested.connect(self.add_certification)
        self.details.add_requested.connect(self.add_certification)
        self.show_retired.toggled.connect(self.set_show_retired)
        self.retired_action.toggled.connect(self.set_show_retired)
        progress = self.progress_commands
        progress.show_baseline.toggled.connect(self.timeline.set_show_baseline)
        progress.message.connect(self._show_message)
        self.ladder.message.connect(self._show_message)  # e.g. why a retired card is refused
        self.warnings.outcomes.move_requested.connect(self._move_exam)
        self.timeline.set_context_actions([progress.log_study, None, *self.entry_commands.actions])

    # --- files (the session decides; the window asks it) -------------------------------------

    def open_initial(self, path: Path | None) -> None:
        self.session.open_initial(path)

    def open_plan(self, path: Path) -> bool:
        return self.session.open(path)

    def open_team_folder(self) -> None:
        """File › Open Team Folder…: the folder's roll-up in a window of its own."""
        from studyplanner.ui.team.team_window import TeamWindow, choose_team_folder

        folder = choose_team_folder(self, self.settings)
        if folder is None:
            return
        window = self.team_window
        if not isinstance(window, TeamWindow):  # one team window, reused for the next folder
            window = TeamWindow(self.catalog, self.settings, today=self.document.today)
            self.team_window = window
        window.open_folder(folder)
        window.show()
        window.raise_()
        window.activateWindow()

    def new_plan_from_profile(self) -> None:
        from studyplanner.ui.dialogs.profile_dialog import NewPlanFromProfileDialog

        plan = NewPlanFromProfileDialog.ask(self, self.catalog, self.document.today())
        if plan is not None:
            self.session.create(plan)

    # --- editing --------------------------------------------------------------------------

    def add_certification(self, cert_id: str) -> None:
        self.adding.add(cert_id)

    def add_selected_certification(self) -> None:
        self.add_certification(self.ladder.selected_certification())

    @Slot(bool)
    def set_show_retired(self, show: bool) -> None:
        from studyplanner.ui.widgets.form_fields import signals_blocked

        with signals_blocked(self.show_retired, self.retired_action):
            self.show_retired.setChecked(show)
            self.retired_action.setChecked(show)
        self.ladder.set_show_retired(show)
        self.session.save_view_setting(show_retired=show)

    def show_pinned_today(self, day: date) -> None:
        """Say in the status bar that the plan is seen from ``day`` (``--today``), not the
        clock's date: every date the window shows follows from it."""
        from PySide6.QtWidgets import QLabel

        from studyplanner.domain.wording import format_day

        self.pinned_day = day
        self.pinned_today = QLabel(_("Today: {date} (--today)").format(date=format_day(day)))
        self.pinned_today.setToolTip(
            _("Started with --today: the plan is re-planned and advised as of this day")
        )
        self.statusBar().insertPermanentWidget(1, self.pinned_today)  # after the summary

    def _show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 4000)

    def _move_exam(self, _entry_id: str) -> None:
        """*Move* on a passed exam date: the exam panel, with the keyboard on the date."""
        self.entry_dock.raise_()
        self.entry_panel.focus_exam_date()

    def _commit_open_edits(self) -> None:
        commit_open_edits(self)

    def _keep_place(self) -> AbstractContextManager[None]:
        return place_kept(self)

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab and Shift+Tab skip the panels whose tab is not in front."""
        with panels_behind_tabs_skipped(self, self.docks):
            return super().focusNextPrevChild(next)

    # --- reacting -----------------------------------------------------------------------

    def _on_certification_selected(self, cert_id: str) -> None:
        self._show_details(cert_id)
        self._update_actions()
        if cert_id:
            self.details_dock.raise_()

    def _on_entry_selected(self, entry_id: str) -> None:
        if entry_id:
            self.entry_dock.raise_()

    def _show_details(self, cert_id: str) -> None:
        holding = self.ladder.card(cert_id).holding if cert_id else None
        self.details.show_certification(cert_id, holding.describe() if holding else "")

    def _refresh(self) -> None:
        statuses = self.document.current_plan.status_by_certification()
        self.ladder.set_plan_marks(
            {cert_id: MARKS.get(status, PlanMark.PLANNED) for cert_id, status in statuses.items()}
        )
        self._show_details(self.ladder.selected_certification())
        self._update_actions()

    def _update_actions(self) -> None:
        editable = not self.document.read_only
        selected = self.ladder.selected_certification()
        self.add_action.setEnabled(
            editable and bool(selected) and not self.catalog.get(selected).is_retired
        )
        for action in (self.rename_action, self.delete_action, self.restore_version_action):
            action.setEnabled(editable)

    def reopen_on_active_catalog(self) -> MainWindow | None:
        """Show the catalog now in use: a new window on it, with the same plan open and the
        same pinned day; this one closes (saving the plan). None if this one could not close."""
        from studyplanner.storage.catalog_updates import load_app_catalog
        from studyplanner.ui.document.prompts import DialogPrompts

        if not self.session.flush():
            return None
        path = self.session.path
        prompts = None if isinstance(self.prompts, DialogPrompts) else self.prompts
        again = MainWindow(
            load_app_catalog(), prompts=prompts, today=self.today_source, settings=self.settings
        )
        if self.pinned_day is not None:
            again.show_pinned_today(self.pinned_day)
        if self.isVisible():
            again.show()
        if not self.close():
            again.close()
            return None
        self.successor = again  # what quitting closes (ui.app)
        if path is not None:
            again.open_plan(path)
        else:
            again.open_initial(None)
        _reopened.append(again)
        return again

    def about(self) -> None:
        show_about(self, catalog=self.catalog_commands.summary())

    def show_shortcuts(self) -> None:
        from studyplanner.ui.dialogs.shortcuts_dialog import ShortcutsDialog

        ShortcutsDialog(self).exec()

    def open_log_folder(self) -> None:
        from studyplanner.ui.dialogs.crash_dialog import open_log_folder

        if not open_log_folder():
            where = _("The log is in {folder}").format(folder=paths.logs_dir())
            self.prompts.inform(_("Log folder"), where)

    @Slot(str)
    def _tell_refused(self, text: str) -> None:
        """An edit that would pass one of the plan's limits: said, never a crash dialog."""
        self.prompts.warn(_("Not changed"), text)

    def closeEvent(self, event: QCloseEvent) -> None:
        remember_window(self, self.settings)  # the session saves the settings
        if not self.session.close():
            event.ignore()
            return
        if self.team_window is not None:
            self.team_window.close()
        event.accept()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.catalog_problem:
            QTimer.singleShot(0, self, self._show_catalog_problem)

    def _show_catalog_problem(self) -> None:
        problem, self.catalog_problem = self.catalog_problem, None
        if problem:
            self.prompts.warn(_("Catalog"), problem)


_reopened: list[MainWindow] = []
"""Windows reopened on a new catalog: kept here, since nothing else holds them."""

__all__ = ["MainWindow", "app_icon"]

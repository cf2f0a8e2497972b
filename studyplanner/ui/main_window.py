"""The main window: composes the ladder, the timeline and the panels, and wires them.

It holds no planning logic: edits go to the ``PlanDocument``, files to the storage layer,
reports to ``export``. Panes react to the document's signals.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QSize, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from studyplanner import APP_NAME, __version__
from studyplanner.domain.plan import MAX_NAME, EntryStatus, StudyPlan, new_entry_id
from studyplanner.domain.wording import format_day
from studyplanner.storage import paths
from studyplanner.storage.atomic import remove_stale_temp_files
from studyplanner.storage.catalog_source import LoadedCatalog
from studyplanner.storage.locks import PlanLock
from studyplanner.storage.plan_files import (
    PlanFileError,
    latest_good_backup,
    list_plans,
    list_trash,
    load_plan,
    move_to_trash,
    new_plan_path,
    restore_from_trash,
    save_plan,
)
from studyplanner.storage.settings import AppSettings, load_settings, save_settings
from studyplanner.ui.autosave import Autosaver
from studyplanner.ui.certification_details import CertificationDetails
from studyplanner.ui.entry_panel import EntryPanel
from studyplanner.ui.form_fields import signals_blocked
from studyplanner.ui.ladder import LadderView, PlanMark
from studyplanner.ui.plan_document import PlanDocument
from studyplanner.ui.plan_settings import PlanSettingsPanel
from studyplanner.ui.profile_dialog import NewPlanFromProfileDialog
from studyplanner.ui.timeline import TimelineView
from studyplanner.ui.warnings_panel import WarningsPanel


class MainWindow(QMainWindow):
    def __init__(self, loaded: LoadedCatalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = loaded.catalog
        self.catalog_problem = loaded.problem
        self.settings: AppSettings = load_settings()
        self.document = PlanDocument(self.catalog, self)
        self.autosaver = Autosaver(self.document, self)
        self._lock: PlanLock | None = None
        self._shown_once = False

        self.setWindowIcon(app_icon())
        self._fit_to_screen(QSize(1440, 900))
        self.setMinimumSize(QSize(900, 600))

        self._build_widgets()
        self._build_actions()
        self._build_menus()
        self._connect_signals()
        self._refresh()

    # --- construction -------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.ladder = LadderView(self.catalog, self)
        self.ladder.set_show_retired(self.settings.show_retired)
        self.timeline = TimelineView(self.document, self)
        self.show_retired = QCheckBox("Show retired certifications", self)
        self.show_retired.setChecked(self.settings.show_retired)

        ladder_pane = QWidget(self)
        ladder_layout = QVBoxLayout(ladder_pane)
        ladder_layout.setContentsMargins(0, 0, 0, 0)
        ladder_layout.setSpacing(0)
        header = QWidget(ladder_pane)
        header_layout = QHBoxLayout(header)
        header_layout.setContentsMargins(12, 6, 12, 6)
        title = QLabel(
            "<b>Certification ladder</b> — drag a card into the plan below, "
            "or select it and press Enter",
            header,
        )
        header_layout.addWidget(title, 1)
        header_layout.addWidget(self.show_retired)
        ladder_layout.addWidget(header)
        ladder_layout.addWidget(self.ladder, 1)

        timeline_pane = QWidget(self)
        timeline_layout = QVBoxLayout(timeline_pane)
        timeline_layout.setContentsMargins(0, 0, 0, 0)
        timeline_layout.setSpacing(0)
        self.timeline_title = QLabel(timeline_pane)
        self.timeline_title.setContentsMargins(12, 6, 12, 6)
        timeline_layout.addWidget(self.timeline_title)
        timeline_layout.addWidget(self.timeline, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(ladder_pane)
        self.splitter.addWidget(timeline_pane)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self.details = CertificationDetails(self.catalog, self)
        self.entry_panel = EntryPanel(self.document, self)
        self.plan_settings = PlanSettingsPanel(self.document, self)
        self.warnings = WarningsPanel(self.document, self)

        self.details_dock = self._dock("Certification", self.details, "details")
        self.entry_dock = self._dock("Exam in plan", self.entry_panel, "entry")
        self.settings_dock = self._dock("Plan settings", self.plan_settings, "settings")
        self.warnings_dock = self._dock("Warnings", self.warnings, "warnings")
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.details_dock)
        self.splitDockWidget(self.details_dock, self.warnings_dock, Qt.Orientation.Vertical)
        self.tabifyDockWidget(self.details_dock, self.entry_dock)
        self.tabifyDockWidget(self.entry_dock, self.settings_dock)
        self.resizeDocks([self.details_dock], [420], Qt.Orientation.Horizontal)
        self.resizeDocks(
            [self.details_dock, self.warnings_dock], [620, 180], Qt.Orientation.Vertical
        )
        self.details_dock.raise_()
        self.splitter.setSizes([420, 480])

        self.summary = QLabel(self)
        self.save_state = QLabel(self)
        self.statusBar().addWidget(self.summary, 1)
        self.statusBar().addPermanentWidget(self.save_state)

    def _fit_to_screen(self, preferred: QSize) -> None:
        """Start at ``preferred`` size, or 92 % of a smaller screen (a 1366x768 laptop)."""
        screen = self.screen()
        if screen is not None:
            room = screen.availableGeometry().size() * 0.92
            preferred = preferred.boundedTo(room)
        self.resize(preferred)

    def _dock(self, title: str, widget: QWidget, name: str) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{name}")
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        return dock

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
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_actions(self) -> None:
        key = QKeySequence.StandardKey
        self.new_action = self._action("&New Plan", self.new_plan, key.New, "Start an empty plan")
        self.new_from_profile_action = self._action(
            "New Plan from &Profile…",
            self.new_plan_from_profile,
            "Ctrl+Shift+N",
            "Suggest a path from your role, experience, direction and time",
        )
        self.open_action = self._action("&Open…", self.open_plan_dialog, key.Open)
        self.save_as_action = self._action("Save &As…", self.save_as, key.SaveAs)
        self.duplicate_action = self._action("&Duplicate", self.duplicate_plan)
        self.rename_action = self._action("&Rename…", self.rename_plan, "F2")
        self.delete_action = self._action("De&lete Plan…", self.delete_plan)
        self.restore_action = self._action("Restore Dele&ted Plan…", self.restore_deleted_plan)
        self.print_action = self._action("&Print…", self.print_plan, key.Print)
        self.pdf_action = self._action("Export as P&DF…", self.export_pdf, "Ctrl+Shift+E")
        self.ics_action = self._action("Export to &Calendar…", self.export_calendar)
        self.quit_action = self._action("&Quit", self.close, key.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        stack = self.document.undo_stack
        self.undo_action = self._action("&Undo", self.undo, key.Undo)
        self.redo_action = self._action("&Redo", self.redo, key.Redo)
        self.undo_action.setEnabled(stack.canUndo())
        self.redo_action.setEnabled(stack.canRedo())
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        stack.undoTextChanged.connect(
            lambda text: self.undo_action.setText(f"&Undo {text}".strip())
        )
        stack.redoTextChanged.connect(
            lambda text: self.redo_action.setText(f"&Redo {text}".strip())
        )
        self.add_action = self._action(
            "&Add to Plan", self.add_selected_certification, None, "Add the selected card"
        )
        self.move_up_action = self._action("Move &Up", lambda: self.move_selected(-1), "Ctrl+Up")
        self.move_down_action = self._action(
            "Move Do&wn", lambda: self.move_selected(1), "Ctrl+Down"
        )
        self.remove_action = self._action("&Remove from Plan", self.remove_selected, key.Delete)
        for action in (self.move_up_action, self.move_down_action, self.remove_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.timeline.addAction(action)

        self.zoom_in_action = self._action("Zoom &In", self.timeline.zoom_in, key.ZoomIn)
        self.zoom_in_action.setShortcuts([QKeySequence(key.ZoomIn), QKeySequence("Ctrl+=")])
        self.zoom_out_action = self._action("Zoom &Out", self.timeline.zoom_out, key.ZoomOut)
        self.fit_action = self._action("&Fit Plan", self.timeline.fit_to_plan, "Ctrl+0")
        self.retired_action = QAction("Show &Retired Certifications", self)
        self.retired_action.setCheckable(True)
        self.retired_action.setChecked(self.settings.show_retired)
        self.about_action = self._action("&About StudyPlanner", self.about)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addActions([self.new_action, self.new_from_profile_action, self.open_action])
        self.recent_menu = QMenu("Open &Recent", self)
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addActions(
            [
                self.save_as_action,
                self.duplicate_action,
                self.rename_action,
                self.delete_action,
                self.restore_action,
            ]
        )
        file_menu.addSeparator()
        file_menu.addActions([self.print_action, self.pdf_action, self.ics_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        edit_menu = bar.addMenu("&Edit")
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions(
            [self.add_action, self.move_up_action, self.move_down_action, self.remove_action]
        )

        view_menu = bar.addMenu("&View")
        view_menu.addActions([self.zoom_in_action, self.zoom_out_action, self.fit_action])
        view_menu.addSeparator()
        view_menu.addAction(self.retired_action)
        view_menu.addSeparator()
        for dock in (self.details_dock, self.entry_dock, self.settings_dock, self.warnings_dock):
            view_menu.addAction(dock.toggleViewAction())

        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.about_action)

        toolbar = QToolBar("Main", self)
        toolbar.setObjectName("toolbar-main")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addActions([self.new_from_profile_action, self.open_action])
        toolbar.addSeparator()
        toolbar.addActions([self.undo_action, self.redo_action])
        toolbar.addSeparator()
        toolbar.addActions([self.add_action, self.remove_action])
        toolbar.addSeparator()
        toolbar.addActions([self.zoom_out_action, self.fit_action, self.zoom_in_action])
        toolbar.addSeparator()
        toolbar.addActions([self.print_action, self.pdf_action])
        self.addToolBar(toolbar)

    def _connect_signals(self) -> None:
        document = self.document
        document.changed.connect(self._refresh)
        document.opened.connect(self._refresh)
        document.selection_changed.connect(self._on_entry_selected)
        self.ladder.certification_selected.connect(self._on_certification_selected)
        self.ladder.add_requested.connect(self.add_certification)
        self.details.add_requested.connect(self.add_certification)
        self.show_retired.toggled.connect(self.set_show_retired)
        self.retired_action.toggled.connect(self.set_show_retired)
        self.autosaver.pending_changed.connect(lambda _p: self._update_title())
        self.autosaver.saved.connect(self._on_saved)
        self.autosaver.failed.connect(self._on_save_failed)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)

    # --- opening and files ----------------------------------------------------------------

    def open_initial(self, path: Path | None) -> None:
        """At start: the plan given on the command line, else the last one, else a new one."""
        remove_stale_temp_files(paths.plans_dir())
        if path is None and self.settings.last_plan:
            candidate = Path(self.settings.last_plan)
            if candidate.exists():
                path = candidate
        if path is not None and self.open_plan(path):
            return
        existing = list_plans()
        if path is None and existing and self.open_plan(existing[0]):
            return
        self._install(StudyPlan(), new_plan_path("My certification plan"))

    def open_plan(self, path: Path) -> bool:
        """Open ``path``; a file that cannot be read is reported with an offer to recover."""
        path = path.expanduser().resolve()
        if path == self.document.path:
            self._commit_open_edits()
            self.autosaver.flush()
            return True  # already open: reading the file again could bring back old data
        if not self._leave_current_plan():
            return False
        try:
            plan = load_plan(path, self.catalog)
        except PlanFileError as exc:
            return self._offer_recovery(path, exc)
        self._install(plan, path)
        return True

    def _offer_recovery(self, path: Path, error: PlanFileError) -> bool:
        backup = None if error.newer else latest_good_backup(path, self.catalog)
        if backup is None:
            QMessageBox.warning(
                self,
                "Cannot open plan",
                f"{error.message}.\n\nFile: {path}\n\nThe file was left untouched.",
            )
            return False
        backup_path, plan = backup
        answer = QMessageBox.question(
            self,
            "Cannot open plan",
            f"The plan file {error.message}.\n\nFile: {path}\n\n"
            f"Open its latest good backup from {backup_path.stem.split('.')[-1][:15]} instead? "
            "The damaged file is kept as a backup when the plan is next saved.",
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Open:
            return False
        self._install(plan, path)
        self.autosaver.mark_dirty()
        return True

    def _commit_open_edits(self) -> None:
        """Finish the edit the user is typing (a note, a number) so it becomes an undo step
        and gets saved: panels commit when their field loses focus."""
        focused = QApplication.focusWidget()
        if focused is not None and self.isAncestorOf(focused):
            focused.clearFocus()

    def _leave_current_plan(self) -> bool:
        """Before another plan takes this one's place: commit and save it. False if it could
        not be saved and the user chose to stay, so nothing in memory is dropped."""
        self._commit_open_edits()
        if self.autosaver.flush():
            return True
        answer = QMessageBox.question(
            self,
            "Unsaved changes",
            f"The latest changes to “{self.document.plan.name}” could not be saved.\n\n"
            "Discard them and continue, or cancel and keep the plan open (File › Save As "
            "can save it somewhere else)?",
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def _install(self, plan: StudyPlan, path: Path) -> None:
        """Show ``plan`` from ``path``; callers have already left the current plan."""
        if self._lock is not None:
            self._lock.release()
        lock = PlanLock(path)
        read_only = not lock.acquire()
        self._lock = None if read_only else lock
        self.document.set_plan(plan, path, read_only=read_only)
        if read_only:
            QMessageBox.information(
                self,
                "Plan is open elsewhere",
                f"“{plan.name}” is open in another StudyPlanner window, so it is shown "
                "read-only here. Close it there to edit it here, or use File › Duplicate.",
            )
        self.settings.remember(path)
        save_settings(self.settings)
        self.timeline.fit_to_plan()

    def new_plan(self) -> None:
        plan = StudyPlan()
        self._create(plan, new_plan_path(plan.name))

    def new_plan_from_profile(self) -> None:
        plan = NewPlanFromProfileDialog.ask(self, self.catalog)
        if plan is not None:
            self._create(plan, new_plan_path(plan.name))

    def _create(self, plan: StudyPlan, path: Path) -> None:
        if not self._leave_current_plan():
            return
        try:
            save_plan(plan, path)
        except PlanFileError as exc:
            self._on_save_failed(str(exc))
            return
        self._install(plan, path)

    def open_plan_dialog(self) -> None:
        folder = paths.plans_dir()
        folder.mkdir(parents=True, exist_ok=True)
        name, _ = QFileDialog.getOpenFileName(
            self, "Open plan", str(folder), "StudyPlanner plans (*.json);;All files (*)"
        )
        if name:
            self.open_plan(Path(name))

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = [Path(p) for p in self.settings.recent_plans if Path(p).exists()]
        for other in list_plans():
            if other not in recent:
                recent.append(other)
        for path in recent[:10]:
            action = self.recent_menu.addAction(path.stem)
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _c=False, p=path: self.open_plan(p))
        if not recent:
            self.recent_menu.addAction("No plans yet").setEnabled(False)

    def save_as(self) -> None:
        current = self.document.path or new_plan_path(self.document.plan.name)
        name, _ = QFileDialog.getSaveFileName(
            self, "Save plan as", str(current), "StudyPlanner plans (*.json)"
        )
        if not name:
            return
        target = Path(name).expanduser().resolve()
        if target.suffix.lower() != ".json":
            # the dialog confirmed the name as typed; the real file gets .json added
            target = target.with_name(target.name + ".json")
            if target.exists() and not self._confirm_overwrite(target):
                return
        if target == self.document.path:
            self._commit_open_edits()
            self.autosaver.flush()
            return
        self._copy_to(target, self.document.plan)

    def _confirm_overwrite(self, target: Path) -> bool:
        answer = QMessageBox.question(
            self,
            "Save plan as",
            f"{target.name} already exists. Replace it? (Its current content is kept as a backup.)",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def duplicate_plan(self) -> None:
        plan = self.document.plan
        plan.name = f"{plan.name} (copy)"[:MAX_NAME]
        # new entry ids: calendar events are keyed on them, and the copy is a different plan
        plan.entries = [e.model_copy(update={"id": new_entry_id()}) for e in plan.entries]
        self._copy_to(new_plan_path(plan.name), plan)

    def _copy_to(self, target: Path, plan: StudyPlan) -> None:
        if PlanLock(target).held_elsewhere():
            QMessageBox.warning(
                self,
                "Save plan as",
                f"{target.name} is open in another StudyPlanner window; saving over it there "
                "would lose its changes. Choose another name.",
            )
            return
        if not self._leave_current_plan():
            return
        try:
            save_plan(plan, target)
        except PlanFileError as exc:
            self._on_save_failed(str(exc))
            return
        self._install(plan, target)

    def rename_plan(self) -> None:
        if self.document.read_only:
            return
        name, ok = QInputDialog.getText(
            self, "Rename plan", "Plan name:", text=self.document.plan.name
        )
        name = name.strip()
        if not ok or not name or name == self.document.plan.name:
            return
        if len(name) > MAX_NAME:
            QMessageBox.warning(
                self, "Rename plan", f"A plan name can be at most {MAX_NAME} characters long."
            )
            return
        self.document.update_plan("Rename plan", name=name)

    def delete_plan(self) -> None:
        path = self.document.path
        if path is None or self.document.read_only:
            return
        answer = QMessageBox.question(
            self,
            "Delete plan",
            f"Delete “{self.document.plan.name}”?\n\n"
            "You can bring it back with File › Restore Deleted Plan.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._commit_open_edits()
        self.autosaver.flush()
        if path.exists():  # a new plan that was never saved has nothing to keep
            try:
                move_to_trash(path)
            except PlanFileError as exc:
                QMessageBox.warning(self, "Delete plan", str(exc))
                return
        if self._lock is not None:
            self._lock.release()
            self._lock = None
        self.settings.forget(path)
        save_settings(self.settings)
        remaining = list_plans()
        if remaining and self.open_plan(remaining[0]):
            return
        self.new_plan()

    def restore_deleted_plan(self) -> None:
        deleted = list_trash(self.catalog)
        if not deleted:
            QMessageBox.information(self, "Restore deleted plan", "There are no deleted plans.")
            return
        labels = [
            f"{item.name} — deleted {format_day(item.deleted_at.date())} {item.deleted_at:%H:%M}"
            for item in deleted
        ]
        choice, ok = QInputDialog.getItem(
            self, "Restore deleted plan", "Plan to restore:", labels, 0, False
        )
        if not ok or choice not in labels or not self._leave_current_plan():
            return
        try:
            restored = restore_from_trash(deleted[labels.index(choice)], self.catalog)
        except (PlanFileError, OSError) as exc:
            QMessageBox.warning(self, "Restore deleted plan", str(exc))
            return
        self.open_plan(restored)

    # --- printing and export ---------------------------------------------------------------

    def print_plan(self) -> None:
        from studyplanner.ui.printing import show_print_preview

        if self._ensure_schedule():
            show_print_preview(self, self.document)

    def export_pdf(self) -> None:
        from studyplanner.ui.printing import export_pdf_dialog

        if self._ensure_schedule():
            export_pdf_dialog(self, self.document)

    def export_calendar(self) -> None:
        from studyplanner.ui.printing import export_calendar_dialog

        if self._ensure_schedule():
            export_calendar_dialog(self, self.document)

    def _ensure_schedule(self) -> bool:
        if self.document.schedule is None:
            QMessageBox.warning(
                self, APP_NAME, self.document.schedule_error or "The plan cannot be scheduled."
            )
            return False
        return True

    # --- editing --------------------------------------------------------------------------

    def undo(self) -> None:
        self._commit_open_edits()
        self.document.undo_stack.undo()

    def redo(self) -> None:
        self._commit_open_edits()
        self.document.undo_stack.redo()

    def add_certification(self, cert_id: str) -> None:
        if not cert_id or self.document.read_only:
            return
        cert = self.catalog.get(cert_id)
        if cert.is_retired:
            self.statusBar().showMessage(f"{cert.name} is retired and cannot be planned", 4000)
            return
        entry_id = self.document.insert_certification(cert_id)
        if entry_id:
            self.timeline.ensure_entry_visible(entry_id)
            self.statusBar().showMessage(f"Added {cert.code} {cert.name} to the plan", 3000)

    def add_selected_certification(self) -> None:
        self.add_certification(self.ladder.selected_certification())

    def move_selected(self, step: int) -> None:
        entry_id = self.document.selected_entry_id
        if not entry_id:
            return
        index = self.document.entry_ids().index(entry_id)
        target = index + step
        if 0 <= target < len(self.document.entry_ids()):
            self.document.move_entry(entry_id, target)
            self.timeline.ensure_entry_visible(entry_id)

    def remove_selected(self) -> None:
        entry_id = self.document.selected_entry_id
        if entry_id:
            self.document.remove_entry(entry_id)

    @Slot(bool)
    def set_show_retired(self, show: bool) -> None:
        with signals_blocked(self.show_retired, self.retired_action):
            self.show_retired.setChecked(show)
            self.retired_action.setChecked(show)
        self.ladder.set_show_retired(show)
        self.settings.show_retired = show
        save_settings(self.settings)

    # --- reacting -----------------------------------------------------------------------

    def _on_certification_selected(self, cert_id: str) -> None:
        self.details.show_certification(cert_id)
        self.add_action.setEnabled(bool(cert_id) and not self.catalog.get(cert_id).is_retired)
        if cert_id:
            self.details_dock.raise_()

    def _on_entry_selected(self, entry_id: str) -> None:
        self._update_actions()
        if entry_id:
            self.entry_dock.raise_()

    def _refresh(self) -> None:
        document = self.document
        plan = document.plan
        marks: dict[str, int] = {}
        for entry in plan.entries:
            mark = {
                EntryStatus.PASSED: PlanMark.PASSED,
                EntryStatus.STUDYING: PlanMark.STUDYING,
            }.get(entry.status, PlanMark.PLANNED)
            marks[entry.certification_id] = max(marks.get(entry.certification_id, 0), mark)
        self.ladder.set_plan_marks(marks)
        schedule = document.schedule
        if schedule is None:
            self.summary.setText(document.schedule_error or "")
        elif not plan.entries:
            self.summary.setText("No exams planned yet")
        else:
            finish = schedule.finish_date
            finish_text = format_day(finish)
            exams = len(plan.entries)
            self.summary.setText(
                f"{exams} exam{'s' if exams != 1 else ''} · {schedule.total_hours:g} h of study · "
                f"{plan.availability.weekly_hours:g} h/week · finish {finish_text}"
            )
        weekly = plan.availability.weekly_hours
        self.timeline_title.setText(
            f"<b>{_escape(plan.name)}</b> — from {format_day(plan.start_date)}, {weekly:g} h a week"
        )
        self._update_actions()
        self._update_title()

    def _update_actions(self) -> None:
        editable = not self.document.read_only
        has_entry = bool(self.document.selected_entry_id)
        for action in (self.move_up_action, self.move_down_action, self.remove_action):
            action.setEnabled(editable and has_entry)
        selected = self.ladder.selected_certification()
        self.add_action.setEnabled(
            editable and bool(selected) and not self.catalog.get(selected).is_retired
        )
        for action in (self.rename_action, self.delete_action):
            action.setEnabled(editable)

    def _update_title(self) -> None:
        if not shiboken6.isValid(self.document):
            return
        name = self.document.plan.name
        suffix = " (read-only)" if self.document.read_only else ""
        self.setWindowTitle(f"{name}[*]{suffix} — {APP_NAME}")
        pending = self.autosaver.pending
        self.setWindowModified(pending)
        if self.document.read_only:
            self.save_state.setText("Read-only")
        elif pending:
            self.save_state.setText("Saving…")
        elif self.document.path is not None and self.document.path.exists():
            self.save_state.setText("All changes saved")
        else:
            self.save_state.setText("Not saved yet")

    def _on_saved(self, _path: str) -> None:
        self._update_title()

    def _on_save_failed(self, message: str) -> None:
        self._update_title()
        self.save_state.setText("Save failed — changes kept in memory")
        QMessageBox.warning(
            self,
            "Could not save the plan",
            f"{message}\n\nYour changes are still here and will be saved again on the next "
            "change. You can also use File › Save As to save them somewhere else.",
        )

    def about(self) -> None:
        QMessageBox.about(
            self,
            f"About {APP_NAME}",
            f"<h3>{APP_NAME} {__version__}</h3>"
            "<p>Plan AWS certifications offline: the tier ladder, a timeline from your study "
            "hours, printing and calendar export.</p>"
            f"<p>Plans are stored in<br><code>{_escape(str(paths.plans_dir()))}</code></p>"
            "<p>Exam facts come from AWS's published exam guides (see each certification's "
            "source). Not affiliated with Amazon Web Services.</p>",
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self._commit_open_edits()
        if not self.autosaver.flush():
            answer = QMessageBox.question(
                self,
                "Unsaved changes",
                "The plan could not be saved. Quit anyway and lose the latest changes?",
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                event.ignore()
                return
        if self._lock is not None:
            self._lock.release()
        save_settings(self.settings)
        event.accept()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            QTimer.singleShot(0, self.timeline.fit_to_plan)
        if self.catalog_problem:
            problem, self.catalog_problem = self.catalog_problem, None
            QTimer.singleShot(0, lambda: QMessageBox.warning(self, "Catalog", problem))


def _escape(text: str) -> str:
    from html import escape

    return escape(text)


def app_icon() -> QIcon:
    from studyplanner.bundled import bundled_path

    icon = QIcon()
    try:
        folder = bundled_path("resources", "icons")
    except FileNotFoundError:
        return icon
    svg = folder / "studyplanner.svg"
    if svg.exists():
        icon.addFile(str(svg))
    for png in sorted(folder.glob("studyplanner-*.png")):
        icon.addFile(str(png))
    return icon

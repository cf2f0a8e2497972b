"""Which plan file is open, and every way to change that: open, new, save as, duplicate,
rename, delete, restore, recover, the recent list, and leaving without losing edits.

A controller without widgets: it owns the ``PlanDocument``, the autosaver, the plan's lock and
the app settings, and asks its questions through ``Prompts``. The window only wires menus to
these methods, so each command has one implementation and tests drive it with fake prompts.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from studyplanner.domain.catalog import Catalog
from studyplanner.domain.plan import StudyPlan, clean_plan_name
from studyplanner.domain.wording import format_day, format_moment, format_number, short_weekday
from studyplanner.i18n import _, ngettext
from studyplanner.storage import paths
from studyplanner.storage.atomic import remove_stale_temp_files
from studyplanner.storage.locks import PlanLock
from studyplanner.storage.plan_files import (
    Backup,
    PlanFileError,
    distinct_plan_name,
    list_backups,
    list_plans,
    list_trash,
    load_plan,
    move_to_trash,
    new_plan_path,
    restore_from_trash,
    save_plan,
)
from studyplanner.storage.settings import AppSettings, load_settings, save_settings
from studyplanner.ui.document.autosave import Autosaver
from studyplanner.ui.document.file_choice import choose_save_target, start_folder
from studyplanner.ui.document.plan_document import PlanDocument
from studyplanner.ui.document.prompts import PLAN_FILES, Prompts

log = logging.getLogger(__name__)

RECENT_SHOWN = 10
"""Not strftime's %a: Qt sets the C locale from the desktop; translated with ``_()`` where
shown, so the app's language decides, not the desktop's."""


class PlanSession(QObject):
    """The open plan file and the commands around it."""

    leaving = Signal()
    """About to save or replace the plan: finish what is being typed (fields commit on it)."""
    installed = Signal()
    """Another plan (or the same file anew) is now shown."""
    save_failed = Signal(str)
    """A save failed (the plan stays in memory); emitted before the person is told."""

    def __init__(
        self,
        catalog: Catalog,
        prompts: Prompts,
        parent: QObject | None = None,
        *,
        today: Callable[[], date] = date.today,
        settings: AppSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.prompts = prompts
        self.settings = settings if settings is not None else load_settings()
        self.document = PlanDocument(catalog, self, today=today)
        self.autosaver = Autosaver(self.document, self)
        self.autosaver.failed.connect(self._on_save_failed)
        self.autosaver.saved.connect(self._on_saved)
        self._lock: PlanLock | None = None

    # --- state ------------------------------------------------------------------------------

    @property
    def path(self) -> Path | None:
        return self.document.path

    @property
    def read_only(self) -> bool:
        return self.document.read_only

    def recent_plans(self) -> list[tuple[Path, str]]:
        """The plans for *Open Recent* with their names: recently opened first, then the
        others by date. A file that cannot be opened is not offered."""
        candidates = [Path(p) for p in self.settings.recent_plans if _exists(Path(p))]
        candidates += [p for p in _listed_plans() if p not in candidates]
        recent: list[tuple[Path, str]] = []
        for path in candidates:
            name = self._plan_name(path)
            if name is not None:
                recent.append((path, name))
            if len(recent) == RECENT_SHOWN:
                break
        return recent

    def _plan_name(self, path: Path) -> str | None:
        """The name of the plan in ``path`` (None when it cannot be read)."""
        if path == self.document.path:
            return self.document.current_plan.name
        try:
            return load_plan(path, self.catalog).name  # bounded, never writes
        except (PlanFileError, OSError):
            return None

    def _taken_names(self) -> list[str]:
        """The names of the plans in the plans folder and of the open one."""
        names = [self.document.current_plan.name] if self.document.path is not None else []
        for path in _listed_plans():
            name = self._plan_name(path)
            if name is not None:
                names.append(name)
        return names

    def save_view_setting(
        self,
        *,
        show_retired: bool | None = None,
        theme: str | None = None,
        language: str | None = None,
    ) -> None:
        if show_retired is not None:
            self.settings.show_retired = show_retired
        if theme is not None:
            self.settings.theme = theme
        if language is not None:
            self.settings.language = language
        save_settings(self.settings)

    # --- opening ----------------------------------------------------------------------------

    def open_initial(self, path: Path | None) -> None:
        """At start: the plan given on the command line, else the last one, else the most
        recently changed one, else a new empty plan (written on its first edit).

        Whatever is in the data folder, this shows a plan: a folder that cannot be written
        gives a new plan kept in memory (File › Save As can put it elsewhere) and one message.
        """
        problem = _plans_folder_problem()
        removed = remove_stale_temp_files(paths.plans_dir()) if problem is None else 0
        if removed:
            log.info("removed %d temporary files left by interrupted saves", removed)
        if path is not None:
            if self.open(path):
                return
        elif self._open_last_plan(problem is None):
            return
        plan = self._new_plan()
        if problem is None:
            try:
                self._install(plan, new_plan_path(plan.name))
                return
            except OSError as exc:
                problem = _("{folder} cannot be used ({reason})").format(
                    folder=paths.plans_dir(), reason=exc.strerror or exc
                )
        log.warning("plans cannot be saved: %s", problem)
        self._install(plan, None)
        self.prompts.warn(
            _("Plans cannot be saved here"),
            _(
                "{problem}.\n\nYou can plan as usual; File › Save As… saves the plan in a folder "
                "you choose. To keep plans elsewhere for good, start StudyPlanner with "
                "--data-dir FOLDER."
            ).format(problem=problem),
        )

    def _open_last_plan(self, folder_usable: bool) -> bool:
        """At start without a path: the last plan, else the most recently changed plan that
        can be read. A last plan that cannot be read (and is not recovered from a backup) is
        forgotten, and the message about it says what is shown instead (issue 21)."""
        last = Path(self.settings.last_plan) if self.settings.last_plan else None
        if last is not None and not _exists(last):
            log.info("last plan %s is not there any more", last)
            self._forget(last)
            last = None
        if last is not None:
            fallback = _Fallback(self, last.expanduser().resolve(), folder_usable)
            if self.open(last, instead=fallback.describe):
                return True
            self._forget(last)
            found = fallback.find()
            return found is not None and self._install_found(*found)
        if not folder_usable:
            return False
        found = self._most_recent_good_plan(exclude=None)
        return found is not None and self._install_found(*found)

    def _most_recent_good_plan(self, exclude: Path | None) -> tuple[StudyPlan, Path] | None:
        """The most recently changed plan in the plans folder that can be read."""
        for candidate in _listed_plans():
            if exclude is not None and candidate.resolve() == exclude:
                continue
            try:
                plan = load_plan(candidate, self.catalog, today=self.document.today())
            except (PlanFileError, OSError) as exc:
                log.info("not opened at start, cannot be read: %s (%s)", candidate, exc)
                continue
            return plan, candidate.resolve()
        return None

    def _install_found(self, plan: StudyPlan, path: Path) -> bool:
        self._install(plan, path)
        return True

    def _forget(self, path: Path) -> None:
        """Settings no longer name ``path`` as the last or a recent plan."""
        texts = {str(path), str(path.expanduser().resolve())}
        if self.settings.last_plan in texts or texts & set(self.settings.recent_plans):
            for text in texts:
                self.settings.forget(Path(text))
            save_settings(self.settings)

    def open(self, path: Path, *, instead: Callable[[], str] | None = None) -> bool:
        """Open ``path``; a file that cannot be read is reported with an offer to recover it
        from a backup. False if nothing changed. ``instead``: what will be shown when the
        file is not opened, added to the message that says so."""
        path = path.expanduser().resolve()
        if path == self.document.path:
            self.flush()
            return True  # already open: reading the file again could bring back old data
        if not self.leave():
            return False
        try:
            plan = load_plan(path, self.catalog, today=self.document.today())
        except PlanFileError as exc:
            log.warning("could not open %s: %s", path, exc.message)
            recovered = self._offer_recovery(path, exc, instead)
            if not recovered:
                self._forget(path)  # not offered again in Open Recent, nor opened at start
            return recovered
        self._install(plan, path)
        return True

    def open_with_dialog(self) -> bool:
        default = paths.plans_dir()
        default.mkdir(parents=True, exist_ok=True)
        chosen = self.prompts.open_path(
            _("Open plan"), start_folder(self.settings, PLAN_FILES, default)
        )
        return chosen is not None and self.open(chosen)

    def _offer_recovery(
        self, path: Path, error: PlanFileError, instead: Callable[[], str] | None = None
    ) -> bool:
        backups = [] if error.newer else self._readable_backups(path)
        problem = _("{file} cannot be opened: the plan file {error}.\n\nFolder: {folder}").format(
            file=path.name, error=error.message, folder=path.parent
        )
        if not backups:
            # a newer format's message says already that the file is left untouched
            text = (
                problem
                if error.newer
                else _("{problem}\n\nThe file was left untouched.").format(problem=problem)
            )
            if instead is not None:
                text = _("{problem}\n\n{instead}").format(problem=text, instead=instead())
            self.prompts.warn(_("Cannot open plan"), text)
            return False
        labels = [describe_version(b, plan, self.document.today()) for b, plan in backups]
        newest = (
            _("The backup is the version before the last save.")
            if len(backups) == 1
            else _(
                "The newest backup is the version before the last save; each older one is "
                "the plan as it was before an earlier save."
            )
        )
        question = _(
            "{problem}\n\nOpen a backup instead? {newest} The damaged file is kept as a "
            "backup when the plan is next saved."
        ).format(problem=problem, newest=newest)
        if len(backups) == 1:
            chosen = (
                0
                if self.prompts.confirm(
                    _("Cannot open plan"),
                    _("{question}\n\nBackup: {backup}").format(question=question, backup=labels[0]),
                    accept=_("Open Backup"),
                )
                else None
            )
        else:
            chosen = self.prompts.choose(
                _("Cannot open plan"),
                _("{question}\n\nBackups, newest first:").format(question=question),
                labels,
            )
        if chosen is None:
            if instead is not None:  # at start: say what is shown in the damaged plan's place
                self.prompts.inform(_("Cannot open plan"), instead())
            return False
        self._install(backups[chosen][1], path)
        self.autosaver.mark_dirty()
        return True

    def _readable_backups(self, path: Path) -> list[tuple[Backup, StudyPlan]]:
        readable = []
        for backup in list_backups(path):
            try:
                plan = load_plan(backup.path, self.catalog)  # bounded, never writes
            except (PlanFileError, OSError) as exc:
                log.info("skipping unreadable backup %s: %s", backup.path, exc)
                continue
            readable.append((backup, plan))
        return readable

    # --- new plans and copies ---------------------------------------------------------------

    def _new_plan(self) -> StudyPlan:
        plan = StudyPlan(start_date=self.document.today())
        plan.name = distinct_plan_name(plan.name, self._taken_names())
        return plan

    def new(self) -> bool:
        plan = self._new_plan()
        return self.create(plan)

    def create(self, plan: StudyPlan) -> bool:
        """Save ``plan`` as a new file in the plans folder and show it; its dates as of today
        are kept as its baseline (unless it brings one), so progress has something to be
        measured against from the first day."""
        if plan.baseline is None:
            plan = plan.model_copy(update={"baseline": self.document.baseline_for(plan)})
        plan = plan.model_copy(update={"name": distinct_plan_name(plan.name, self._taken_names())})
        return self._save_and_install(plan, new_plan_path(plan.name), _("New plan"))

    def save_as(self) -> bool:
        current = self.document.path or _suggested_path(self.document.current_plan.name)
        chosen = choose_save_target(
            self.prompts, self.settings, _("Save plan as"), current, PLAN_FILES
        )
        if chosen is None:
            return False
        target = chosen.resolve()
        if target == self.document.path:
            self.flush()
            return True
        return self._save_and_install(self.document.current_plan, target, _("Save plan as"))

    def duplicate(self) -> bool:
        copy = self.document.current_plan.duplicate()
        copy.name = distinct_plan_name(copy.name, self._taken_names())
        return self._save_and_install(copy, new_plan_path(copy.name), _("Duplicate plan"))

    def _save_and_install(self, plan: StudyPlan, target: Path, title: str) -> bool:
        if target != self.document.path and PlanLock(target).held_elsewhere():
            self.prompts.warn(
                title,
                _(
                    "{file} is open in another StudyPlanner window; saving over it there "
                    "would lose its changes. Choose another name."
                ).format(file=target.name),
            )
            return False
        if not self.leave():
            return False
        try:
            save_plan(plan, target, first_save_in_session=True)
        except PlanFileError as exc:
            self._on_save_failed(str(exc))
            return False
        self._install(plan, target)
        return True

    # --- renaming, deleting, restoring --------------------------------------------------------

    def rename(self) -> bool:
        if self.read_only:
            return False
        typed = self.prompts.ask_text(
            _("Rename plan"), _("Plan name:"), self.document.current_plan.name
        )
        if typed is None or not typed.strip():
            return False
        try:
            name = clean_plan_name(typed)
        except ValueError as exc:
            self.prompts.warn(_("Rename plan"), str(exc))
            return False
        return self.document.update_plan(_("Rename plan"), name=name)

    def delete(self) -> bool:
        path = self.document.path
        if path is None or self.read_only:
            return False
        if not self.prompts.confirm(
            _("Delete plan"),
            _("Delete “{name}”?\n\nYou can bring it back with File › Restore Deleted Plan.").format(
                name=self.document.current_plan.name
            ),
            accept=_("Delete"),
        ):
            return False
        self.flush()
        if path.exists():  # a new plan that was never saved has nothing to keep
            try:
                move_to_trash(path)
            except PlanFileError as exc:
                self.prompts.warn(_("Delete plan"), str(exc))
                return False
        self._release_lock()
        self.settings.forget(path)
        save_settings(self.settings)
        remaining = list_plans()
        if remaining and self.open(remaining[0]):
            return True
        plan = self._new_plan()
        self._install(plan, new_plan_path(plan.name))
        return True

    def restore_deleted(self) -> bool:
        deleted = list_trash(self.catalog)
        if not deleted:
            self.prompts.inform(_("Restore deleted plan"), _("There are no deleted plans."))
            return False
        labels = [
            _("{name} — deleted {moment}").format(
                name=item.name, moment=format_moment(item.deleted_at)
            )
            for item in deleted
        ]
        chosen = self.prompts.choose(_("Restore deleted plan"), _("Plan to restore:"), labels)
        if chosen is None or not self.leave():
            return False
        try:
            restored = restore_from_trash(deleted[chosen], self.catalog)
        except (PlanFileError, OSError) as exc:
            self.prompts.warn(_("Restore deleted plan"), str(exc))
            return False
        return self.open(restored)

    def restore_version(self) -> bool:
        """Bring back an earlier saved version of the open plan, as one undoable edit."""
        path = self.document.path
        if path is None or self.read_only:
            return False
        self.flush()
        backups = self._readable_backups(path)
        if not backups:
            self.prompts.inform(
                _("Restore earlier version"),
                _(
                    "There are no earlier versions of this plan yet. StudyPlanner keeps one each "
                    "time you open a plan and change it, and more as you work."
                ),
            )
            return False
        labels = [describe_version(backup, plan, self.document.today()) for backup, plan in backups]
        chosen = self.prompts.choose(_("Restore earlier version"), _("Version to restore:"), labels)
        if chosen is None:
            return False
        backup, plan = backups[chosen]
        return self.document.replace_plan(
            _("Restore version of {moment}").format(moment=format_moment(backup.taken_at)), plan
        )

    # --- saving and leaving -------------------------------------------------------------------

    def flush(self) -> bool:
        """Commit what is being typed and save now. False if the save failed."""
        self.leaving.emit()
        return self.autosaver.flush()

    def leave(self) -> bool:
        """Before another plan takes this one's place: save it. False if it could not be
        saved and the person chose to stay, so nothing in memory is dropped."""
        if self.flush():
            return True
        return self.prompts.confirm(
            _("Unsaved changes"),
            _(
                "The latest changes to “{name}” could not be saved.\n\n"
                "Discard them and continue, or cancel and keep the plan open (File › Save As "
                "can save it somewhere else)?"
            ).format(name=self.document.current_plan.name),
            accept=_("Discard"),
        )

    def close(self) -> bool:
        """At quit: save, release the lock, keep the settings. False to stay open."""
        if not self.flush() and not self.prompts.confirm(
            _("Unsaved changes"),
            _("The plan could not be saved. Quit anyway and lose the latest changes?"),
            accept=_("Discard"),
        ):
            return False
        self._release_lock()
        save_settings(self.settings)
        return True

    def _install(self, plan: StudyPlan, path: Path | None) -> None:
        """Show ``plan`` from ``path`` (None: kept in memory until Save As); callers have
        already left the current plan."""
        self._release_lock()
        lock = PlanLock(path) if path is not None else None
        read_only = lock is not None and not lock.acquire()
        self._lock = None if read_only else lock
        self.document.set_plan(plan, path, read_only=read_only)
        if path is None:
            self.installed.emit()
            return
        if read_only:
            log.info("%s is locked by another window: opened read-only", path)
            self.prompts.inform(
                _("Plan is open elsewhere"),
                _(
                    "“{name}” is open in another StudyPlanner window, so it is shown "
                    "read-only here. Close it there to edit it here, or use File › Duplicate."
                ).format(name=plan.name),
            )
        if _exists(path):  # a new plan is remembered once written (``_on_saved``), so
            self.settings.remember(path)  # settings never name a file that is not there
            save_settings(self.settings)
        self.installed.emit()

    def _on_saved(self, _path_text: str) -> None:
        # the document's path, not the signal's text: Qt drops a path's surrogate escapes
        path = self.document.path
        if path is not None and self.settings.last_plan != str(path):
            self.settings.remember(path)
            save_settings(self.settings)

    def _release_lock(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def _on_save_failed(self, message: str) -> None:
        log.warning("save failed: %s", message)
        self.save_failed.emit(message)
        self.prompts.warn(
            _("Could not save the plan"),
            _(
                "{message}\n\nYour changes are still here and will be saved again on the next "
                "change. You can also use File › Save As to save them somewhere else."
            ).format(message=message),
        )


class _Fallback:
    """What is opened at start when the last plan cannot be: found once, when the message
    about the last plan is written, so the message and the window agree."""

    def __init__(self, session: PlanSession, failed: Path, folder_usable: bool) -> None:
        self._session = session
        self._failed = failed
        self._folder_usable = folder_usable
        self._found: tuple[StudyPlan, Path] | None = None
        self._looked = False

    def find(self) -> tuple[StudyPlan, Path] | None:
        if not self._looked:
            self._looked = True
            if self._folder_usable:
                self._found = self._session._most_recent_good_plan(exclude=self._failed)
        return self._found

    def describe(self) -> str:
        found = self.find()
        if found is None:
            return _(
                "No other plan in {folder} can be opened, so StudyPlanner starts a new plan."
            ).format(folder=paths.plans_dir())
        plan, path = found
        return _(
            "StudyPlanner opens “{name}” ({file}), the most recently changed plan that can be "
            "read, instead."
        ).format(name=plan.name, file=path.name)


def backup_label(taken_at: datetime, today: date) -> str:
    """'Saved today at 14:05', 'Saved yesterday at 09:30', 'Saved Mon 23 Nov 2026 at 18:00'."""
    days = (today - taken_at.date()).days
    if days == 0:
        day = _("today")
    elif days == 1:
        day = _("yesterday")
    else:
        day = _("{weekday} {date}").format(
            weekday=short_weekday(taken_at.date()), date=format_day(taken_at.date())
        )
    return _("Saved {day} at {time}").format(day=day, time=f"{taken_at:%H:%M}")


def describe_version(backup: Backup, plan: StudyPlan, today: date) -> str:
    """One saved version as both choosers list it (*Restore Earlier Version* and the offer
    after a file cannot be read): when, the plan's name, its exams and the file's size."""
    exams = ngettext("{count} exam", "{count} exams", len(plan.entries)).format(
        count=len(plan.entries)
    )
    try:
        size = _("{size} KB").format(size=format_number(backup.path.stat().st_size / 1000))
    except OSError:  # gone or unreadable meanwhile: the rest still tells versions apart
        return _("{moment} — {name}, {exams}").format(
            moment=backup_label(backup.taken_at, today), name=plan.name, exams=exams
        )
    return _("{moment} — {name}, {exams}, {size}").format(
        moment=backup_label(backup.taken_at, today), name=plan.name, exams=exams, size=size
    )


def _plans_folder_problem() -> str | None:
    """Why plans cannot be written to the plans folder, or None when they can."""
    folder = paths.plans_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return _("{folder} cannot be created ({reason})").format(
            folder=folder, reason=exc.strerror or exc
        )
    if not folder.is_dir():
        return _("{folder} is not a folder").format(folder=folder)
    if not os.access(folder, os.W_OK | os.X_OK):
        return _("{folder} is read-only").format(folder=folder)
    return None


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:  # e.g. a folder on the way that cannot be searched
        return False


def _listed_plans() -> list[Path]:
    try:
        return list_plans()
    except OSError as exc:
        log.warning("cannot list the plans folder: %s", exc)
        return []


def _suggested_path(name: str) -> Path:
    """Where Save As starts: a free name in the plans folder, else the home folder."""
    try:
        return new_plan_path(name)
    except OSError:
        return Path.home() / "plan.json"

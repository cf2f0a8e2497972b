"""Reading a team folder off the window's thread: a 1,000-plan folder on a slow network drive
must never freeze the window, and the person can always cancel.

The reader (``storage.team_folder.read_team_folder``) and the roll-up run in a worker thread;
its progress and its result come back as queued signals. Reading is strictly read-only: the
worker only calls the reader, which never writes, locks or backs up a member's file.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot

from studyplanner.domain.catalog import Catalog
from studyplanner.domain.team import TeamRollUp, roll_up
from studyplanner.storage.team_folder import (
    Cancelled,
    TeamFolder,
    TeamFolderError,
    read_team_folder,
)
from studyplanner.ui.team.rows import Table, budget_table, people_table, skipped_table


@dataclass(frozen=True)
class TeamRead:
    """A folder as read, its roll-up as of ``roll_up.today``, and the tables that do not
    depend on the targets (worked out in the worker too: a thousand rows take a while)."""

    folder: TeamFolder
    roll_up: TeamRollUp
    people: Table
    budget: Table
    skipped: Table


def team_read(folder: TeamFolder, team: TeamRollUp, catalog: Catalog) -> TeamRead:
    return TeamRead(
        folder,
        team,
        people_table(team, catalog),
        budget_table(team),
        skipped_table(folder.skipped),
    )


class _Worker(QObject):
    """Lives in the worker thread; reports back through queued signals only."""

    progressed = Signal(int, int)
    done = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, folder: Path, catalog: Catalog, today: date, stop: threading.Event) -> None:
        super().__init__()
        self._folder = folder
        self._catalog = catalog
        self._today = today
        self._stop = stop

    def _file_read(self, done: int, total: int) -> None:
        self.progressed.emit(done, total)
        time.sleep(0)  # hand the interpreter to the window's thread between files

    @Slot()
    def run(self) -> None:
        try:
            read = read_team_folder(
                self._folder,
                self._catalog,
                self._today,
                progress=self._file_read,
                cancelled=self._stop.is_set,
            )
            if self._stop.is_set():
                raise Cancelled
            team = roll_up(read.members, self._catalog, self._today, read.settings)
            if self._stop.is_set():
                raise Cancelled
        except Cancelled:
            self.cancelled.emit()
        except TeamFolderError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # told to the person; a dead thread would leave it waiting
            self.failed.emit(str(exc) or type(exc).__name__)
        else:
            self.done.emit(team_read(read, team, self._catalog))


class FolderReading(QObject):
    """One reading of a team folder in its own thread. ``finished`` (a ``TeamRead``),
    ``failed`` (one line) or ``cancelled`` is emitted once, on the window's thread."""

    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(
        self,
        folder: Path,
        catalog: Catalog,
        today: date,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.folder = folder
        self._stop = threading.Event()
        self._thread = QThread()
        self._thread.setObjectName("team-folder-reader")
        self._worker = _Worker(folder, catalog, today, self._stop)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self.progressed)
        self._worker.done.connect(self._on_done)
        self._worker.failed.connect(self._on_failed)
        self._worker.cancelled.connect(self._on_cancelled)
        self.running = False

    def start(self) -> None:
        self.running = True
        self._thread.start()

    def cancel(self) -> None:
        """Ask the reader to stop before its next file; ``cancelled`` follows."""
        self._stop.set()

    @property
    def cancelling(self) -> bool:
        return self._stop.is_set()

    def wait(self) -> None:
        """Cancel and wait for the thread to end (closing the window)."""
        self._stop.set()
        self._finish()

    def _finish(self) -> None:
        self.running = False
        self._thread.quit()
        self._thread.wait()

    @Slot(object)
    def _on_done(self, read: TeamRead) -> None:
        self._finish()
        if self._stop.is_set():
            self.cancelled.emit()
        else:
            self.finished.emit(read)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._finish()
        self.failed.emit(message)

    @Slot()
    def _on_cancelled(self) -> None:
        self._finish()
        self.cancelled.emit()

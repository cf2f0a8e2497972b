"""Noticing that a member changed their plan: the team view follows the folder on disk.

``QFileSystemWatcher`` watches the folder, its sub-folders and (up to ``MAX_WATCHED_FILES``) the
plan files and ``team.json``; a burst of events (a sync client writing many files, an editor's
save-and-rename) is gathered for ``SETTLE_MS`` before anything is looked at. A slow poll backs
the watcher up on network drives and synced folders, where change notices often never come.
Either way only the files' stamps (time and size) are compared; nothing is opened, so watching
costs the members' files nothing and changes none of them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal, Slot

from studyplanner.storage.team_folder import (
    TEAM_FILE,
    FolderStamps,
    TeamFileStamp,
    TeamFolderError,
    folder_stamps,
    team_file_stamp,
)

SETTLE_MS = 600
"""Quiet time after the last change notice before the folder is looked at again."""
POLL_MS = 30_000
"""How often the folder is looked at without a notice (network drives send none)."""
MAX_WATCHED_FILES = 500
"""Beyond this many plan files only the folders are watched (each watched file may hold an
open handle on some systems); the folders and the poll still see every change."""


class FolderWatch(QObject):
    """Emits ``changed`` once the folder's plan files or ``team.json`` differ from what the
    view last read (``follow``), after the folder has settled."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._noticed)
        self._watcher.fileChanged.connect(self._noticed)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self.check)
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self.check)
        self.folder: Path | None = None
        self._stamps: FolderStamps = {}
        self._team_stamp: TeamFileStamp = None

    def follow(self, folder: Path, stamps: FolderStamps) -> None:
        """Watch ``folder`` as read with ``stamps`` (and its ``team.json`` as it is now)."""
        self.folder = folder
        self._stamps = dict(stamps)
        self._team_stamp = team_file_stamp(folder)
        self._rewatch(folder, stamps)
        self._poll.start()

    def team_file_written(self) -> None:
        """The view wrote ``team.json`` itself: that is no change to read back."""
        if self.folder is not None:
            self._team_stamp = team_file_stamp(self.folder)

    def stop(self) -> None:
        self._settle.stop()
        self._poll.stop()
        watched = self._watcher.files() + self._watcher.directories()
        if watched:
            self._watcher.removePaths(watched)
        self.folder = None

    def _rewatch(self, folder: Path, stamps: FolderStamps) -> None:
        watched = self._watcher.files() + self._watcher.directories()
        if watched:
            self._watcher.removePaths(watched)
        folders = {str(folder)}
        for source in stamps:
            parts = source.split("/")[:-1]
            for depth in range(1, len(parts) + 1):
                folders.add(str(folder.joinpath(*parts[:depth])))
        paths = sorted(folders)
        if len(stamps) <= MAX_WATCHED_FILES:
            paths += [str(folder.joinpath(*source.split("/"))) for source in sorted(stamps)]
            if (folder / TEAM_FILE).is_file():
                paths.append(str(folder / TEAM_FILE))
        self._watcher.addPaths(paths)  # a path that vanished meanwhile is simply not watched

    @Slot(str)
    def _noticed(self, _path: str) -> None:
        self._settle.start()  # restarted by each notice: look once the burst is over

    @Slot()
    def check(self) -> bool:
        """Compare the folder with what was read; emit ``changed`` when it differs."""
        folder = self.folder
        if folder is None:
            return False
        try:
            now = folder_stamps(folder)
        except TeamFolderError:
            now = {}  # the folder went away: reading it again says so
        if now == self._stamps and team_file_stamp(folder) == self._team_stamp:
            return False
        self._settle.stop()
        self.changed.emit()
        return True

"""Atomic file writes: a reader sees the old file or the new one, never half of either.

Portable: where ``os.fchmod`` is missing (Windows before Python 3.13) the temporary file's
mode is set by name, and a folder that cannot be fsynced (Windows, some file systems) is
simply not.

A save's temporary file is locked (``flock``) from its creation until it has been renamed,
so a temporary file nobody holds is known to be a killed save's leftover and can go at once.
Windows has no ``flock``, but it will not delete a file that is open, so there only
leftovers that have not changed for ``WINDOWS_TEMP_GRACE_SECONDS`` are removed.
"""

from __future__ import annotations

import contextlib
import glob
import logging
import os
import stat
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from studyplanner.storage.messages import ReadProblem, worded
from studyplanner.storage.reading import NotARegularFileError, kind_of, names_open_file

TEMP_SUFFIX = ".tmp"

# Windows renames closed files only.
_RENAME_OPEN_FILES = sys.platform != "win32"

# Windows: a save closes its temporary file just before renaming it; a leftover this old
# cannot be a save in progress.
WINDOWS_TEMP_GRACE_SECONDS = 60.0

# A file system without locks: a leftover this old cannot be a save in progress.
NO_LOCKS_TEMP_GRACE_SECONDS = 3600.0

# Attempts to create a temporary file that another StudyPlanner's clean-up removes under us.
_ATTEMPTS = 5

_log = logging.getLogger(__name__)

if sys.platform == "win32":

    def _hold(_fd: int) -> None:
        """Windows keeps an open file from being deleted; nothing more to do."""
        return

    def _remove_if_leftover(path: Path) -> bool:
        """Remove ``path`` if it has not changed for a while; an open one cannot be removed."""
        if time.time() - path.stat().st_mtime <= WINDOWS_TEMP_GRACE_SECONDS:
            return False
        path.unlink()
        return True

else:
    import fcntl

    def _hold(fd: int) -> None:
        """Lock a temporary file for as long as it is open: it is a save in progress. Waits
        only while a clean-up holds it for the moment it takes to remove it."""
        with contextlib.suppress(OSError):  # a file system without locks: best effort
            fcntl.flock(fd, fcntl.LOCK_EX)

    def _remove_if_leftover(path: Path) -> bool:
        """Remove ``path`` if no process holds its lock, i.e. the save that made it is gone.

        The name is removed while the lock is held here; a save that created the file just
        now finds, once it has its lock, that the name is gone and makes another.
        """
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        except FileNotFoundError:
            return False
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return False
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:  # a save in progress holds it
                return False
            except OSError:  # a file system without locks: only what is clearly abandoned
                if time.time() - os.fstat(fd).st_mtime <= NO_LOCKS_TEMP_GRACE_SECONDS:
                    return False
            if not names_open_file(path, fd):
                return False
            path.unlink()
            return True
        finally:
            os.close(fd)


def _new_temp_file(path: Path) -> tuple[int, Path]:
    """A locked temporary file beside ``path``, still there under its name once locked."""
    import tempfile  # writers only: read-only commands never load it (with random, shutil)

    for _ in range(_ATTEMPTS):
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
        _hold(fd)
        if names_open_file(Path(name), fd):
            return fd, Path(name)
        os.close(fd)  # a clean-up took it between creation and lock: make another
    raise OSError(worded(ReadProblem.NO_TEMPORARY_FILE, {"folder": path.parent}))


def refuse_non_regular(path: Path) -> None:
    """Raise ``NotARegularFileError`` if ``path`` exists and is not a regular file: a save
    must never replace a device (``-o /dev/null``), a pipe or a socket with a file."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return
    kind = kind_of(mode)
    if kind is not None:
        raise NotARegularFileError(path, kind)


@contextlib.contextmanager
def atomic_open(path: Path) -> Iterator[BinaryIO]:
    """A binary handle whose content replaces ``path`` when the block ends without error.

    The data goes to a temporary file in the same folder, is fsynced and renamed over
    ``path``; on any error (or interruption) the temporary file is removed and ``path`` is
    left as it was. An existing file's permissions are kept. Raises ``NotARegularFileError``
    when ``path`` is a folder, device, pipe or socket.
    """
    refuse_non_regular(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = _mode_for(path)
    fd, tmp = _new_temp_file(path)
    try:
        with os.fdopen(fd, "wb") as handle:
            if hasattr(os, "fchmod"):
                os.fchmod(handle.fileno(), mode)
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
            if _RENAME_OPEN_FILES:  # renamed while still locked: never taken for a leftover
                _put_in_place(tmp, path, mode)
        if not _RENAME_OPEN_FILES:
            _put_in_place(tmp, path, mode)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(path.parent)


def _put_in_place(tmp: Path, path: Path, mode: int) -> None:
    if not hasattr(os, "fchmod"):  # Windows before Python 3.13: the mode is set by name
        os.chmod(tmp, mode)
    os.replace(tmp, path)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (see ``atomic_open``)."""
    with atomic_open(path) as handle:
        handle.write(data)


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_copy(source: Path, target: Path) -> None:
    """Copy ``source`` to ``target`` so that ``target`` is either complete or absent: a copy
    cut short (a full disk, a killed process) never looks like a real file. Only a regular
    ``source`` is copied (``NotARegularFileError`` otherwise: a pipe would block)."""
    refuse_non_regular(source)
    with source.open("rb") as original, atomic_open(target) as copy:
        import shutil

        shutil.copyfileobj(original, copy)


def _mode_for(path: Path) -> int:
    """Keep an existing file's permissions; a new file gets the user's default (umask),
    not mkstemp's owner-only 0600."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def remove_stale_temp_files(folder: Path, *, name: str | None = None) -> int:
    """Delete temporary files that a killed save left behind in ``folder``.

    Only our own pattern (``.NAME.random.tmp``, for one file ``name`` if given), and only
    files no save holds, so a save running in another StudyPlanner at this moment is never
    disturbed. Returns how many were removed.
    """
    removed = 0
    prefix = glob.escape(f".{name}.") if name is not None else "."
    try:
        candidates = list(folder.glob(f"{prefix}*{TEMP_SUFFIX}"))
    except OSError as exc:
        _log.warning("Cannot look for leftover temporary files in %s (%s)", folder, exc)
        return 0
    for candidate in candidates:
        try:
            if candidate.is_symlink() or not candidate.is_file():
                continue
            if _remove_if_leftover(candidate):
                removed += 1
                _log.info("Removed %s, left behind by an interrupted save", candidate)
        except OSError as exc:
            _log.warning("Cannot remove leftover temporary file %s (%s)", candidate, exc)
            continue
    return removed


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable, where the system lets a folder be opened and synced
    (not on Windows, nor on some network file systems: the rename happened all the same)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)

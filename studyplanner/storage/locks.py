"""A lock beside an open plan, so a second StudyPlanner opening it knows to stay read-only
instead of overwriting the first one's saves.

The operating system holds the lock (``flock`` on POSIX, ``msvcrt.locking`` on Windows) and
drops it when the process ends, however it ends: there are no process ids to check and no
stale lock to take over. The lock file is the thing that is locked; its holder writes into it
only what kind of holder it is (a window, or a command such as `log`), read to tell a refused
user the real cause (a lock left by an older StudyPlanner holds a pid and a host name: an
unknown kind of holder). What it says never decides who has the lock.

Where no lock can be made at all (a read-only folder, a file system without locks) locking is
best effort: ``acquire`` says yes and logs why, as such a plan usually cannot be saved anyway.

Why not a library (evaluated for issue 22; the tests in tests/storage/test_locks.py are the
guarantees): ``filelock`` (4.2) locks the same way (``flock``/``msvcrt``) but leaves the lock
file beside the plan after every release (the plans folder would fill with ``.lock`` files, and
"asking leaves no lock behind" would no longer hold); where ``flock`` is missing it falls back
to a lock by the file's existence, which a crash leaves stale; and importing it costs about
40 ms (it brings ``asyncio`` and ``inspect``) on every start, where this module costs under 1.
``QLockFile`` would tie storage to Qt, and decides staleness by process id and host name,
which this design left behind (a lock file from an older StudyPlanner still holds them).
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import sys
import threading
import time
from enum import Enum
from pathlib import Path

from studyplanner.storage.reading import names_open_file

_log = logging.getLogger(__name__)

# Attempts to lock a file that a releasing holder keeps removing under us (see _take).
_ATTEMPTS = 5

# Lock files held by PlanLock objects of this process. Two windows of one process are two
# StudyPlanners as far as a plan is concerned, whatever the OS would allow a single process.
_held_here: set[str] = set()
_held_here_guard = threading.Lock()


class LockHolder(Enum):
    """Who holds a plan's lock, as its lock file says."""

    WINDOW = "studyplanner-window"
    COMMAND = "studyplanner-command"


_HOLDER_BYTES = 64


def lock_path(plan_path: Path) -> Path:
    return plan_path.with_name(f".{plan_path.name}.lock")


if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        """False if another holder has it; OSError where this file system has no locks."""
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError as exc:
            if exc.errno in (errno.EACCES, errno.EDEADLOCK):
                return False
            raise
        return True

    def _let_go(path: Path, fd: int) -> None:
        # Windows cannot remove a file that is open, so close first. Another StudyPlanner that
        # has it open keeps it (the unlink fails) and the name always means the locked file.
        with contextlib.suppress(OSError):
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        os.close(fd)
        with contextlib.suppress(OSError):
            path.unlink()

    def _is_named_file(_path: Path, _fd: int) -> bool:
        return True

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        """False if another holder has it; OSError where this file system has no locks."""
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _let_go(path: Path, fd: int) -> None:
        # Remove the name while still holding the lock, then close (which unlocks). Whoever
        # opened the old file meanwhile finds, once it gets the lock, that the name no longer
        # points at it (_is_named_file) and starts again on a new file.
        with contextlib.suppress(OSError):
            if _is_named_file(path, fd):
                path.unlink()
        os.close(fd)

    _is_named_file = names_open_file


def _open(path: Path) -> int | None:
    """A descriptor to lock, or None for a lock file that exists but cannot even be opened
    (another user's, or one Windows is removing): in use, as far as we can tell.

    Raises OSError when there is no lock file and none can be created.
    """
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError:
        if not path.exists():
            raise
    try:
        return os.open(path, os.O_RDONLY)  # a read-only descriptor can still be locked
    except OSError as exc:
        _log.warning("Lock file %s cannot be opened (%s); treating the plan as in use", path, exc)
        return None


def _take(path: Path) -> int | None:
    """Lock ``path``: the descriptor now holding it, or None if another holder has it.
    Raises OSError where no lock can be made."""
    for _ in range(_ATTEMPTS):
        fd = _open(path)
        if fd is None:
            return None
        try:
            locked = _try_lock(fd)
        except BaseException:
            os.close(fd)
            raise
        if not locked:
            os.close(fd)
            return None
        if _is_named_file(path, fd):
            return fd
        os.close(fd)  # a holder removed this file as it let go: lock the current one
    return None


def _key(path: Path) -> str:
    return os.path.normcase(os.path.realpath(path))


class PlanLock:
    """Held while a plan is open for editing in this window.

    ``acquire`` is False while another StudyPlanner has the plan: another process, or another
    ``PlanLock`` object in this one (a second window).
    """

    def __init__(self, plan_path: Path, holder: LockHolder = LockHolder.WINDOW) -> None:
        self.path = lock_path(plan_path)
        self.kind = holder
        self.held = False
        self._fd: int | None = None
        self._key: str | None = None

    def acquire(self, wait_seconds: float = 0.0) -> bool:
        """Take the lock. False if another StudyPlanner has it; True if this object holds it
        now, or if no lock can be made here (best effort, logged). With ``wait_seconds``, a
        lock another command holds (which lets go within a second) is waited for that long;
        a window's lock is not waited for."""
        deadline = time.monotonic() + wait_seconds
        while not self._acquire_once():
            if time.monotonic() >= deadline or self.holder() is not LockHolder.COMMAND:
                return False
            time.sleep(0.05)
        return True

    def holder(self) -> LockHolder | None:
        """Who holds this plan's lock as far as its lock file says; None when it does not
        say (no lock file, or one left by an older StudyPlanner)."""
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
        try:
            fd = os.open(self.path, flags)
        except OSError:
            return None
        try:
            text = os.read(fd, _HOLDER_BYTES).decode("ascii", "replace").strip()
        except OSError:
            return None
        finally:
            os.close(fd)
        return next((h for h in LockHolder if h.value == text), None)

    def _say_who_holds(self, fd: int) -> None:
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, f"{self.kind.value}\n".encode("ascii"))

    def _acquire_once(self) -> bool:
        if self.held:
            return True
        with _held_here_guard:
            key = _key(self.path)
            if key in _held_here:
                return False
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                fd = _take(self.path)
            except OSError as exc:
                _log.warning(
                    "Cannot lock %s (%s); the plan opens for editing without a lock",
                    self.path,
                    exc,
                )
                return True
            if fd is None:
                return False
            self._say_who_holds(fd)
            _held_here.add(key)
            self._fd, self._key, self.held = fd, key, True
            return True

    def held_elsewhere(self) -> bool:
        """True if another StudyPlanner (process or window) has this plan open right now.

        Found out by taking the lock for a moment; a lock this object holds is not elsewhere.
        """
        if self.held:
            return False
        with _held_here_guard:
            if _key(self.path) in _held_here:
                return True
            try:
                fd = _take(self.path)
            except OSError as exc:
                _log.info("Cannot check the lock %s (%s); taking the plan as free", self.path, exc)
                return False  # no lock can be made here, so nobody holds one
            if fd is None:
                return True
            _let_go(self.path, fd)
            return False

    def release(self) -> None:
        """Let go of the lock and remove the lock file; nothing happens if it is not held."""
        if not self.held:
            return
        with _held_here_guard:
            if self._fd is not None:
                _let_go(self.path, self._fd)
            if self._key is not None:
                _held_here.discard(self._key)
            self._fd, self._key, self.held = None, None, False

"""Atomic file writes: a reader sees the old file or the new one, never half of either.

Portable: where ``os.fchmod`` is missing (Windows before Python 3.13) the temporary file's
mode is set by name, and a folder that cannot be fsynced (Windows, some file systems) is
simply not.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

TEMP_SUFFIX = ".tmp"

_log = logging.getLogger(__name__)


@contextlib.contextmanager
def atomic_open(path: Path) -> Iterator[BinaryIO]:
    """A binary handle whose content replaces ``path`` when the block ends without error.

    The data goes to a temporary file in the same folder, is fsynced and renamed over
    ``path``; on any error (or interruption) the temporary file is removed and ``path`` is
    left as it was. An existing file's permissions are kept.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = _mode_for(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            if hasattr(os, "fchmod"):
                os.fchmod(handle.fileno(), mode)
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if not hasattr(os, "fchmod"):  # Windows before Python 3.13: by name, once closed
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(path.parent)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (see ``atomic_open``)."""
    with atomic_open(path) as handle:
        handle.write(data)


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_copy(source: Path, target: Path) -> None:
    """Copy ``source`` to ``target`` so that ``target`` is either complete or absent: a copy
    cut short (a full disk, a killed process) never looks like a real file."""
    with source.open("rb") as original, atomic_open(target) as copy:
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


def remove_stale_temp_files(folder: Path, *, older_than_seconds: float = 3600) -> int:
    """Delete temporary files that a killed save left behind in ``folder``.

    Only our own pattern (``.NAME.random.tmp``) and only old ones, so a save running in
    another StudyPlanner at this moment is never disturbed. Returns how many were removed.
    """
    removed = 0
    cutoff = time.time() - older_than_seconds
    try:
        candidates = list(folder.glob(f".*{TEMP_SUFFIX}"))
    except OSError as exc:
        _log.warning("Cannot look for leftover temporary files in %s (%s)", folder, exc)
        return 0
    for candidate in candidates:
        try:
            if candidate.is_file() and candidate.stat().st_mtime < cutoff:
                candidate.unlink()
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

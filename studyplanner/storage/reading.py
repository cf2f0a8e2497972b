"""Reading a file the user (or anyone) put in our way, without trusting what it is.

Plans, backups, settings and the user's catalog are read through ``read_regular_file``: only
a regular file is read (a FIFO would block forever, ``/dev/zero`` never ends, a folder or a
socket is no file at all), and never more than a limit, whatever size the file claims.
"""

from __future__ import annotations

import errno
import os
import stat

from studyplanner.storage.messages import FileKind, ReadProblem, megabytes, worded

TYPE_CHECKING = False  # `one_line` serves the command line's first moments: no pathlib
if TYPE_CHECKING:
    from pathlib import Path

# Read in pieces of this size, so a file that grows while it is read costs at most one piece
# more than the limit.
_CHUNK = 1024 * 1024


__all__ = [
    "FileKind",
    "FileTooLargeError",
    "NotARegularFileError",
    "kind_of",
    "megabytes",
    "names_open_file",
    "one_line",
    "read_regular_file",
]


class NotARegularFileError(OSError):
    """The path names a folder, a FIFO, a device or a socket: nothing to read as a file.
    ``strerror`` is worded by ``storage.messages`` (code ``ReadProblem.NOT_A_REGULAR_FILE``)."""

    def __init__(self, path: Path, kind: FileKind) -> None:
        code = errno.EISDIR if kind is FileKind.FOLDER else errno.EINVAL
        self.problem = ReadProblem.NOT_A_REGULAR_FILE
        self.params: dict[str, object] = {"kind": kind}
        super().__init__(code, worded(self.problem, self.params), str(path))
        self.kind = kind


class FileTooLargeError(OSError):
    """The file holds more than the reader allows; ``size`` is at least ``limit + 1``."""

    def __init__(self, path: Path, size: int, limit: int) -> None:
        self.problem = ReadProblem.TOO_LARGE
        self.params: dict[str, object] = {"size": size, "limit": limit}
        super().__init__(errno.EFBIG, worded(self.problem, self.params), str(path))
        self.size = size
        self.limit = limit


def kind_of(mode: int) -> FileKind | None:
    """What a file of this ``st_mode`` is, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return FileKind.FOLDER
    if stat.S_ISFIFO(mode):
        return FileKind.PIPE
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return FileKind.DEVICE
    if stat.S_ISSOCK(mode):
        return FileKind.SOCKET
    return FileKind.OTHER


def read_regular_file(path: Path, limit: int) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``limit`` bytes.

    Raises ``NotARegularFileError`` (without opening what is not a file, so nothing blocks),
    ``FileTooLargeError`` (after reading at most ``limit + 1`` bytes), or another ``OSError``
    (missing, unreadable). The file is checked by name first and again once open, in case it
    was swapped in between.
    """
    kind = kind_of(os.stat(path).st_mode)
    if kind is not None:
        raise NotARegularFileError(path, kind)
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0)
    flags |= getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        kind = kind_of(info.st_mode)
        if kind is not None:
            raise NotARegularFileError(path, kind)
        if info.st_size > limit:
            raise FileTooLargeError(path, info.st_size, limit)
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            raise FileTooLargeError(path, total, limit)
        return b"".join(chunks)
    finally:
        os.close(fd)


def names_open_file(path: Path, fd: int) -> bool:
    """True if ``path`` still names the file open as ``fd`` (not renamed, removed or replaced
    since it was opened): how a lock or a temporary file knows it is still the one in use."""
    try:
        named = os.stat(path)
    except OSError:
        return False
    held = os.fstat(fd)
    return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)


def one_line(text: str) -> str:
    """``text`` with newlines and other control characters escaped, so a message that quotes
    a file name or a field from the file still fits on one line."""
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in text)

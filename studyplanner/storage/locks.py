"""A lock file beside an open plan, so a second StudyPlanner opening it knows to stay
read-only instead of overwriting the first one's saves."""

from __future__ import annotations

import contextlib
import json
import os
import socket
from pathlib import Path


def lock_path(plan_path: Path) -> Path:
    return plan_path.with_name(f".{plan_path.name}.lock")


def _owner_alive(raw: bytes) -> bool:
    try:
        owner = json.loads(raw)
        pid = int(owner["pid"])
        host = str(owner["host"])
    except (ValueError, KeyError, TypeError):
        return False
    if host != socket.gethostname():
        return True  # cannot check another machine's processes: assume it is in use
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class PlanLock:
    """Held while a plan is open for editing. ``acquire`` returns False if another live
    StudyPlanner holds it; a stale lock (its process is gone) is taken over."""

    def __init__(self, plan_path: Path) -> None:
        self.path = lock_path(plan_path)
        self.held = False

    def acquire(self) -> bool:
        payload = json.dumps({"pid": os.getpid(), "host": socket.gethostname()}).encode()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        for _ in range(2):
            try:
                fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                try:
                    existing = self.path.read_bytes()
                except OSError:
                    return False
                if _owner_alive(existing):
                    return False
                with contextlib.suppress(OSError):
                    self.path.unlink()
                continue
            except OSError:
                return True  # read-only folder etc.: locking is best effort
            with os.fdopen(fd, "wb") as handle:
                handle.write(payload)
            self.held = True
            return True
        return False

    def held_elsewhere(self) -> bool:
        """True if another live StudyPlanner has this plan open right now."""
        try:
            return _owner_alive(self.path.read_bytes())
        except OSError:
            return False

    def release(self) -> None:
        if self.held:
            with contextlib.suppress(OSError):
                self.path.unlink()
            self.held = False

"""Drag-and-drop payloads, encoded and decoded without widgets so they can be tested alone.

Two kinds travel: a certification from the ladder (to insert into the plan) and a plan entry
from the timeline (to reorder it).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QByteArray, QMimeData

CERTIFICATION_MIME = "application/x-studyplanner-certification"
ENTRY_MIME = "application/x-studyplanner-entry"

_CERT_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_ENTRY_ID = re.compile(r"^[0-9a-f]{32}$")


def certification_mime(cert_id: str, label: str = "") -> QMimeData:
    data = QMimeData()
    data.setData(CERTIFICATION_MIME, QByteArray(cert_id.encode("ascii")))
    data.setText(label or cert_id)
    return data


def entry_mime(entry_id: str, label: str = "") -> QMimeData:
    data = QMimeData()
    data.setData(ENTRY_MIME, QByteArray(entry_id.encode("ascii")))
    data.setText(label or entry_id)
    return data


def _decode(data: QMimeData | None, mime: str, pattern: re.Pattern[str]) -> str | None:
    if data is None or not data.hasFormat(mime):
        return None
    try:
        text = bytes(data.data(mime).data()).decode("ascii")
    except UnicodeDecodeError:
        return None
    return text if pattern.match(text) else None


def decode_certification(data: QMimeData | None) -> str | None:
    """The certification id a drag carries, or None if it carries something else."""
    return _decode(data, CERTIFICATION_MIME, _CERT_ID)


def decode_entry(data: QMimeData | None) -> str | None:
    """The plan entry id a drag carries, or None."""
    return _decode(data, ENTRY_MIME, _ENTRY_ID)

"""Drag payloads round-trip, and anything else is refused."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QMimeData

from studyplanner.ui.canvas.mime import (
    CERTIFICATION_MIME,
    certification_mime,
    decode_certification,
    decode_entry,
    entry_mime,
)


def test_certification_round_trip() -> None:
    data = certification_mime("developer-associate", "DVA-C02 Developer – Associate")
    assert decode_certification(data) == "developer-associate"
    assert decode_entry(data) is None
    assert data.text() == "DVA-C02 Developer – Associate"


def test_entry_round_trip() -> None:
    entry_id = "0123456789abcdef0123456789abcdef"
    data = entry_mime(entry_id)
    assert decode_entry(data) == entry_id
    assert decode_certification(data) is None


def test_plain_text_is_not_a_certification() -> None:
    data = QMimeData()
    data.setText("developer-associate")
    assert decode_certification(data) is None
    assert decode_certification(None) is None


def test_malformed_payload_is_refused() -> None:
    data = QMimeData()
    data.setData(CERTIFICATION_MIME, QByteArray(b"../../etc/passwd"))
    assert decode_certification(data) is None
    data.setData(CERTIFICATION_MIME, QByteArray(b"\xff\xfe"))
    assert decode_certification(data) is None

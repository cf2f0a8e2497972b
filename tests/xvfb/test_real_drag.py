"""A real drag with the real mouse (xdotool) under Xvfb, from the ladder into the timeline."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.xvfb.conftest import xcb_env

SESSION = Path(__file__).with_name("drag_session.py")


def test_drag_card_from_ladder_into_timeline(xvfb_display: str, tmp_path: Path) -> None:
    result_file = tmp_path / "result.json"
    completed = subprocess.run(
        [sys.executable, str(SESSION), "developer-associate", str(result_file)],
        env=xcb_env(xvfb_display, tmp_path / "data"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert completed.returncode == 0, completed.stderr
    assert "Traceback" not in completed.stderr, completed.stderr
    result = json.loads(result_file.read_text())
    assert result["entries"] == ["developer-associate"]
    assert result["undo_count"] == 1
    assert result["after_undo"] == []

"""The app as a process: it starts on a plan given on the command line and, when the session
ends (SIGTERM), closes its window properly: pending saves flushed, lock released."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from studyplanner.storage.locks import lock_path
from studyplanner.storage.plan_files import save_plan
from studyplanner.ui.app import READY_MESSAGE
from tests.ui.conftest import sunday_evening_plan


@pytest.mark.posix
def test_sigterm_closes_the_window_and_releases_the_plan(tmp_path: Path) -> None:
    plan_path = tmp_path / "data" / "plans" / "road.json"
    save_plan(sunday_evening_plan(), plan_path)
    env = dict(
        os.environ, QT_QPA_PLATFORM="offscreen", STUDYPLANNER_DATA_DIR=str(tmp_path / "data")
    )
    app = subprocess.Popen(
        [sys.executable, "-m", "studyplanner", str(plan_path)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    log_file = tmp_path / "data" / "logs" / "studyplanner.log"
    try:
        # the app logs READY_MESSAGE once its event loop runs and SIGTERM is handled
        deadline = time.monotonic() + 30
        while not (log_file.exists() and READY_MESSAGE in log_file.read_text(encoding="utf-8")):
            assert app.poll() is None, app.communicate()
            assert time.monotonic() < deadline, "the app never said it was ready"
            time.sleep(0.05)
        assert lock_path(plan_path).exists(), "the app did not open the plan"
        app.send_signal(signal.SIGTERM)
        _out, err = app.communicate(timeout=15)
    finally:
        if app.poll() is None:
            app.kill()
    assert app.returncode == 0, err
    assert "Traceback" not in err
    assert not lock_path(plan_path).exists()

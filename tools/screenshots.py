"""Regenerate the README screenshots in a real X window (Xvfb), with a realistic plan.

Usage: python tools/screenshots.py OUTPUT_DIR   (``make screenshots``)
Starts its own Xvfb unless DISPLAY is set, and uses a temporary data directory.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
HELD_SINCE = date(2024, 1, 10)


def _with_display(out_dir: Path) -> int:
    if os.environ.get("DISPLAY"):
        return _child(out_dir, os.environ["DISPLAY"])
    if shutil.which("Xvfb") is None:
        print("screenshots: Xvfb is not installed (apt-get install xvfb)", file=sys.stderr)
        return 2
    display = ":77"
    server = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while not Path("/tmp/.X11-unix/X77").exists():
            if time.monotonic() > deadline:
                print("screenshots: Xvfb did not start", file=sys.stderr)
                return 1
            time.sleep(0.05)
        return _child(out_dir, display)
    finally:
        server.terminate()
        server.wait(timeout=5)


def _child(out_dir: Path, display: str) -> int:
    with tempfile.TemporaryDirectory() as data:
        env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", STUDYPLANNER_DATA_DIR=data)
        env.setdefault("LANG", "C.UTF-8")
        return subprocess.call(
            [sys.executable, __file__, "--inside", str(out_dir.resolve())], env=env, cwd=REPO
        )


def _inside(out_dir: Path) -> int:
    sys.path.insert(0, str(REPO))
    from PySide6.QtWidgets import QApplication

    from studyplanner.domain.plan import EntryStatus, HeldCertification, StudySession
    from studyplanner.storage import paths
    from studyplanner.storage.catalog_source import load_app_catalog
    from studyplanner.storage.plan_files import save_plan
    from studyplanner.ui.app import create_application
    from studyplanner.ui.main_window import MainWindow
    from tests.ui.conftest import sunday_evening_plan

    app = create_application()
    plan = sunday_evening_plan()
    plan.entries[0] = plan.entries[0].model_copy(
        update={
            "status": EntryStatus.STUDYING,
            "sessions": [StudySession(on=plan.start_date, hours=24.0)],
        }
    )
    # Cloud Practitioner held since before the plan: it expires during the plan unless renewed.
    plan.held = [HeldCertification(certification_id="cloud-practitioner", earned_on=HELD_SINCE)]
    path = paths.plans_dir() / "road-to-devops-pro.json"
    save_plan(plan, path)
    window = MainWindow(load_app_catalog())
    window.open_initial(path)
    window.resize(1440, 900)
    window.show()

    def settle() -> None:
        deadline = time.monotonic() + 1.0
        while time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.02)

    settle()
    window.timeline.fit_to_plan()
    window.ladder.select_certification("solutions-architect-associate")
    settle()
    out_dir.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(out_dir / "main-window.png"))

    window.document.select(window.document.plan.entries[1].id)
    window.entry_dock.raise_()
    settle()
    window.grab().save(str(out_dir / "editing-an-exam.png"))

    window.set_show_retired(True)
    window.settings_dock.raise_()
    settle()
    window.grab().save(str(out_dir / "retired-and-settings.png"))

    # The held certification's expiry, its warning and the one-click renewal.
    window.set_show_retired(False)
    window.warnings.view.setCurrentIndex(_first_renewal(window))
    window.settings_dock.raise_()
    settle()
    window.grab().save(str(out_dir / "validity-and-fees.png"))
    window.close()
    QApplication.quit()
    print(f"screenshots written to {out_dir}")
    return 0


def _first_renewal(window: object) -> object:
    """The index of the first warning that offers a renewal (an invalid index if none)."""
    from PySide6.QtCore import QModelIndex

    from studyplanner.ui.warnings_model import RenewWithRole

    model = window.warnings.model  # type: ignore[attr-defined]
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if index.data(RenewWithRole):
            return index
    return QModelIndex()


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--inside":
        sys.exit(_inside(Path(sys.argv[2])))
    sys.exit(_with_display(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))

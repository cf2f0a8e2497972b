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
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
HELD_SINCE = date(2024, 1, 10)
TODAY = date(2027, 2, 22)
"""The day the screenshots are taken on, eleven weeks into the plan (it starts 7 Dec 2026)."""


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
    """The light screenshots, then the same views under a dark palette (``*-dark.png``)."""
    for mode in ("--inside", "--inside-dark"):
        with tempfile.TemporaryDirectory() as data:
            env = dict(
                os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", STUDYPLANNER_DATA_DIR=data
            )
            env.setdefault("LANG", "C.UTF-8")
            code = subprocess.call(
                [sys.executable, __file__, mode, str(out_dir.resolve())], env=env, cwd=REPO
            )
            if code:
                return code
    return 0


def _plan_under_way() -> object:
    """The README plan, started in December and looked at on ``TODAY``: Developer – Associate
    studied most days since (a few skipped, so a little behind), three practice scores, and the
    baseline kept on the first day, so the slip shows as ghost bars."""
    from studyplanner.domain.plan import (
        DomainRating,
        DomainVerdict,
        EntryStatus,
        HeldCertification,
        PracticeScore,
        StudySession,
    )
    from studyplanner.domain.progress import baseline_of
    from studyplanner.domain.schedule import schedule_plan
    from studyplanner.storage.catalog_updates import load_app_catalog
    from tests.ui.conftest import sunday_evening_plan

    plan = sunday_evening_plan()
    # Cloud Practitioner held since before the plan: it expires during the plan unless renewed.
    plan.held = [HeldCertification(certification_id="cloud-practitioner", earned_on=HELD_SINCE)]
    catalog = load_app_catalog().catalog
    plan.baseline = baseline_of(schedule_plan(plan, catalog, plan.start_date), plan.start_date)
    sessions = []
    day = plan.start_date
    while day < TODAY:
        skipped = day.toordinal() % 5 == 0 or day.toordinal() % 11 == 0
        if plan.availability.hours_on(day) > 0 and not skipped:
            notes = {0: "Lambda and API Gateway", 3: "DynamoDB labs"}
            sessions.append(
                StudySession(
                    on=day,
                    hours=plan.availability.hours_on(day),
                    note=notes.get(day.toordinal() % 9, ""),
                )
            )
        day += timedelta(days=1)
    first = plan.entries[0]
    first.status = EntryStatus.STUDYING
    first.sessions = sessions
    first.scores = [
        PracticeScore(on=date(2027, 1, 30), percent=68, source="official practice set"),
        PracticeScore(on=date(2027, 2, 10), percent=76, source="Tutorials Dojo"),
        PracticeScore(
            on=date(2027, 2, 20),
            percent=83,
            source="official practice set",
            domains={1: 88.0, 2: 70.0, 3: DomainVerdict.NEEDS_IMPROVEMENT, 4: 84.0},
        ),
    ]
    first.domain_ratings = {4: DomainRating.STRONG}
    return plan


def _inside(out_dir: Path, dark: bool) -> int:
    sys.path.insert(0, str(REPO))
    from PySide6.QtWidgets import QApplication

    from studyplanner.storage import paths
    from studyplanner.storage.catalog_updates import load_app_catalog
    from studyplanner.storage.plan_files import save_plan
    from studyplanner.ui.app import create_application
    from studyplanner.ui.widgets.theme import ThemeChoice, apply_theme, clear_indicators
    from studyplanner.ui.window.main_window import MainWindow

    app = create_application()
    clear_indicators(app, "Fusion")  # the same widgets in both shots, whatever the desktop
    apply_theme(app, ThemeChoice.DARK if dark else ThemeChoice.LIGHT)
    suffix = "-dark" if dark else ""
    plan = _plan_under_way()
    path = paths.plans_dir() / "road-to-devops-pro.json"
    save_plan(plan, path)  # type: ignore[arg-type]
    window = MainWindow(load_app_catalog(), today=lambda: TODAY)
    window.open_initial(path)
    window.resize(1440, 900)  # the default window: the whole ladder fits (issue 21)
    window.show()

    def settle() -> None:
        deadline = time.monotonic() + 1.0
        while time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.02)

    def shoot(name: str) -> None:
        settle()
        window.grab().save(str(out_dir / f"{name}{suffix}.png"))

    settle()
    window.timeline.fit_to_plan()
    window.ladder.select_certification("solutions-architect-associate")
    out_dir.mkdir(parents=True, exist_ok=True)
    shoot("main-window")

    # The exam being studied: its study log, pace and practice scores.
    document = window.document
    document.select(document.entry_ids()[0])
    window.entry_dock.raise_()
    window.entry_panel.study_log.table.setCurrentIndex(
        window.entry_panel.study_log.model.index(0, 0)
    )
    settle()
    window.entry_panel.practice.show()
    window.entry_panel._editor.ensureWidgetVisible(window.entry_panel.study_log, 0, 0)
    shoot("study-log")
    window.entry_panel._editor.ensureWidgetVisible(window.entry_panel.practice.table, 0, 0)
    shoot("practice-scores")
    # Next week, day by day (the end of one domain, the next ones), under the exam's split by
    # domain (issue 24): scrolled down from the top, so the week sits under the split.
    window.entry_panel.week.show_next()
    settle()  # the week's new lines laid out before scrolling to them
    window.entry_panel._editor.verticalScrollBar().setValue(0)
    window.entry_panel._editor.ensureWidgetVisible(window.entry_panel.week, 0, 0)
    shoot("this-week")
    window.entry_panel.week.show_this_week()

    window.progress_dock.raise_()
    shoot("progress")
    _team_shot(out_dir, suffix, settle)
    if dark:
        window.close()
        QApplication.quit()
        print(f"dark screenshots written to {out_dir}")
        return 0

    window.document.select(window.document.entry_ids()[1])
    window.entry_dock.raise_()
    shoot("editing-an-exam")

    window.set_show_retired(True)
    window.settings_dock.raise_()
    shoot("retired-and-settings")

    # The held certification's expiry, its warning and the one-click renewal.
    window.set_show_retired(False)
    window.warnings.view.setCurrentIndex(_first_renewal(window))
    window.settings_dock.raise_()
    shoot("validity-and-fees")
    window.close()
    QApplication.quit()
    print(f"screenshots written to {out_dir}")
    return 0


def _team_shot(out_dir: Path, suffix: str, settle: Callable[[], None]) -> None:
    """The team view (issue 25) on the tests' team folder: five plan files (one damaged, one
    from a newer StudyPlanner) and three targets, as of that folder's day."""
    from studyplanner.storage.catalog_updates import load_app_catalog
    from studyplanner.storage.settings import AppSettings
    from studyplanner.ui.team.team_window import TeamWindow
    from tests.team.folder import TODAY as TEAM_TODAY
    from tests.team.folder import write_team_folder

    with tempfile.TemporaryDirectory() as scratch:
        folder = write_team_folder(Path(scratch) / "Platform team")
        team = TeamWindow(load_app_catalog().catalog, AppSettings(), today=lambda: TEAM_TODAY)
        team.resize(1400, 900)
        team.open_folder(folder)
        team.show()
        deadline = time.monotonic() + 10
        while team.read is None and time.monotonic() < deadline:
            settle()
        settle()
        team.grab().save(str(out_dir / f"team-view{suffix}.png"))
        team.close()


def _first_renewal(window: object) -> object:
    """The index of the first warning that offers a renewal (an invalid index if none)."""
    from PySide6.QtCore import QModelIndex

    from studyplanner.ui.panels.warnings_model import RenewWithRole

    model = window.warnings.model  # type: ignore[attr-defined]
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if index.data(RenewWithRole):
            return index
    return QModelIndex()


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] in ("--inside", "--inside-dark"):
        sys.exit(_inside(Path(sys.argv[2]), dark=sys.argv[1] == "--inside-dark"))
    sys.exit(_with_display(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))

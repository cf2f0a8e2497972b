"""The team view (issue 25) as a manager uses it: open a folder, read the counts, cancel a long
reading, change a target (with undo), see a member's change, print the report; and the
members' files stay byte-for-byte and time-stamp unchanged the whole time."""

from __future__ import annotations

import errno
import json
import os
import time
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from pytestqt.qtbot import QtBot

from studyplanner.domain.catalog import Catalog, Tier
from studyplanner.domain.plan import Owner
from studyplanner.domain.team import TeamSettings, TeamTarget
from studyplanner.storage import team_folder
from studyplanner.storage.plan_files import plan_to_json
from studyplanner.storage.settings import AppSettings
from studyplanner.storage.team_folder import TEAM_FILE, read_team_file
from studyplanner.ui.canvas.timeline_items import AXIS_HEIGHT, RowBackground
from studyplanner.ui.team import reading as reading_module
from studyplanner.ui.team.rows_model import RowsModel
from studyplanner.ui.team.target_dialog import TargetDialog
from studyplanner.ui.team.team_timeline import ROW_HEIGHT
from studyplanner.ui.team.team_window import TeamFolderChooser, TeamWindow
from tests.team.folder import TARGETS, TODAY, ben, snapshot, write_team_folder
from tests.ui.fake_prompts import FakePrompts


def cells(model: RowsModel) -> list[list[str]]:
    return [list(row.cells) for row in model.table.rows]


def team_window(qtbot: QtBot, catalog: Catalog, prompts: FakePrompts | None = None) -> TeamWindow:
    window = TeamWindow(
        catalog, AppSettings(), prompts=prompts or FakePrompts(), today=lambda: TODAY
    )
    qtbot.addWidget(window)
    window.resize(1300, 860)
    with qtbot.waitActive(window):  # keys need an active window
        window.show()
        window.activateWindow()
    return window


def open_and_wait(qtbot: QtBot, window: TeamWindow, folder: Path) -> None:
    with qtbot.waitSignal(window.shown, timeout=20_000):
        window.open_folder(folder)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return write_team_folder(tmp_path / "team")


def test_opening_a_folder_shows_the_hand_worked_counts(
    qtbot: QtBot, catalog: Catalog, folder: Path
) -> None:
    window = team_window(qtbot, catalog)
    open_and_wait(qtbot, window, folder)
    assert window.title.text() == "Platform team"
    assert window.facts.text().startswith(
        "As of 7 Dec 2026 · 3 plans · 4 exams planned · 2 files not read"
    )
    # targets first: status, planned, safe (tests/team/test_team_rollup.py works them out)
    assert [row[:4] for row in cells(window.targets_model)] == [
        ["2 Associate certifications by 30 Jun 2027", "at risk", "3", "1"],
        ["1 SCS-C03 by 31 Dec 2027", "met", "1", "1"],
        ["3 Foundational certifications by 31 Dec 2027", "missed", "1", "1"],
    ]
    associates, _security, foundational = cells(window.targets_model)
    assert associates[5] == (
        "cy's DVA-C02 is not ready with the exam 14 days away or less; on time, the target is met"
    )
    assert foundational[5] == "2 more need an exam planned by 31 Dec 2027"
    people = cells(window.people_model)
    assert [row[0] for row in people] == ["Ana Silva", "Ben Okafor", "cy"]
    # Ana's SAA-C03 pass renews her CLF-C02 (15 Jan 2028) to 1 Mar 2030
    assert people[0][1:4] == [
        "Platform",
        "CLF-C02 until 15 Jan 2028 (1 Mar 2030 with the renewal planned)",
        "SAA-C03 1 Mar 2027",
    ]
    assert people[1][3] == ("SAA-C03 15 Feb 2027 (at risk: 5 weeks behind); SCS-C03 1 Jun 2027")
    assert people[1][4] == "5 weeks behind"
    assert people[2][5] == "DVA-C02 not ready"
    assert [row[0] for row in cells(window.skipped_model)] == ["future.json", "old/broken.json"]
    assert "newer StudyPlanner" in cells(window.skipped_model)[0][1]
    assert window.tabs.tabText(2) == "Files not read (2)"
    # the team timeline: one row per person, Ben's two exams, the targets' days
    shown = window.timeline.layout_shown
    assert shown is not None
    assert [row.label for row in shown.rows] == ["Ana Silva", "Ben Okafor", "cy"]
    assert [mark.exam_date for mark in shown.rows[1].exams] == [
        date(2027, 2, 15),
        date(2027, 6, 1),
    ]
    assert len(shown.targets) == 3


def test_the_tables_are_sound_item_models(
    qtbot: QtBot, catalog: Catalog, folder: Path, qtmodeltester
) -> None:  # type: ignore[no-untyped-def]
    window = team_window(qtbot, catalog)
    open_and_wait(qtbot, window, folder)
    for model in (
        window.targets_model,
        window.people_model,
        window.budget_model,
        window.skipped_model,
    ):
        qtmodeltester.check(model)


def slow_reader(monkeypatch: pytest.MonkeyPatch, pause: float) -> None:
    """The real reader, ``pause`` seconds per file (a slow network drive)."""
    real = team_folder.read_team_folder

    def slowly(folder: Path, catalog: Catalog, today: date, **kwargs: object) -> object:
        progress = kwargs.pop("progress")

        def report(done: int, total: int) -> None:
            time.sleep(pause)
            progress(done, total)  # type: ignore[operator]

        return real(folder, catalog, today, progress=report, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(reading_module, "read_team_folder", slowly)


def many_plans(folder: Path, count: int) -> Path:
    folder.mkdir()
    text = plan_to_json(ben())
    for number in range(count):
        (folder / f"person-{number:04}.json").write_text(text, encoding="utf-8")
    return folder


def test_a_long_reading_keeps_the_window_alive_and_esc_cancels_it(
    qtbot: QtBot, catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = many_plans(tmp_path / "company", 1000)
    before = snapshot(folder)
    slow_reader(monkeypatch, 0.01)
    window = team_window(qtbot, catalog)
    ticks: list[float] = []
    timer = QTimer(window)
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    progress: list[tuple[int, int]] = []
    window.open_folder(folder)
    assert window.reading is not None
    window.reading.progressed.connect(lambda done, total: progress.append((done, total)))
    qtbot.waitUntil(lambda: len(progress) >= 30, timeout=20_000)
    # the event loop kept running while files were read: timers fire, the bar moves
    assert len(ticks) >= 5
    assert window.progress.isVisible() and window.cancel_button.isVisible()
    assert window.progress.maximum() == 1000
    assert 0 < window.progress.value() < 1000
    with qtbot.waitSignal(window.reading_ended, timeout=10_000):
        qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert progress[-1][0] < 1000  # stopped before the end
    assert window.read is None
    assert not window.progress.isVisible()
    assert window.statusBar().currentMessage() == "Reading cancelled; nothing was changed."
    assert snapshot(folder) == before


def test_cancel_button_stops_the_reading(
    qtbot: QtBot, catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = many_plans(tmp_path / "company", 200)
    slow_reader(monkeypatch, 0.01)
    window = team_window(qtbot, catalog)
    window.open_folder(folder)
    qtbot.waitUntil(lambda: window.progress.value() > 0, timeout=20_000)
    with qtbot.waitSignal(window.reading_ended, timeout=10_000):
        qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    assert window.read is None


def test_a_big_teams_timeline_is_drawn_a_chunk_at_a_time(
    qtbot: QtBot, catalog: Catalog, tmp_path: Path
) -> None:
    folder = many_plans(tmp_path / "company", 200)
    window = team_window(qtbot, catalog)
    open_and_wait(qtbot, window, folder)
    assert window.timeline.drawing  # the first rows at once, the rest as the loop turns
    qtbot.waitUntil(lambda: not window.timeline.drawing, timeout=20_000)
    strips = [i for i in window.timeline.scene().items() if isinstance(i, RowBackground)]
    assert len(strips) == 200
    assert len(cells(window.people_model)) == 200
    assert window.timeline.sceneRect().height() == AXIS_HEIGHT + 200 * ROW_HEIGHT


def answer_target(monkeypatch: pytest.MonkeyPatch, target: TeamTarget | None) -> list[object]:
    asked: list[object] = []

    def ask(parent: object, catalog: Catalog, old: TeamTarget | None, today: date) -> object:
        asked.append(old)
        return target

    monkeypatch.setattr(TargetDialog, "ask", classmethod(lambda cls, *a: ask(*a)))
    return asked


def test_editing_a_target_by_keyboard_writes_team_json_and_undo_puts_it_back(
    qtbot: QtBot, catalog: Catalog, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = team_window(qtbot, catalog)
    open_and_wait(qtbot, window, folder)
    members = {k: v for k, v in snapshot(folder).items() if k != TEAM_FILE}
    window.targets_view.setFocus()
    window.targets_view.selectRow(0)
    # the Associates target, 2 -> 1 by 30 Jun 2027: the safe count (Ana) now meets it
    asked = answer_target(
        monkeypatch, TeamTarget(by=date(2027, 6, 30), count=1, tier=Tier.ASSOCIATE)
    )
    qtbot.keyClick(window.targets_view, Qt.Key.Key_F2)
    assert asked == [TeamTarget(by=date(2027, 6, 30), count=2, tier=Tier.ASSOCIATE)]
    on_disk = json.loads((folder / TEAM_FILE).read_text(encoding="utf-8"))
    assert on_disk["targets"][0] == {"by": "2027-06-30", "count": 1, "tier": "associate"}
    assert on_disk["targets"][1:] == TARGETS["targets"][1:]
    assert cells(window.targets_model)[0][:4] == [
        "1 Associate certification by 30 Jun 2027",
        "met",
        "3",
        "1",
    ]
    assert (
        window.undo_action.text() == "&Undo Change target 1 Associate certification by 30 Jun 2027"
    )
    qtbot.keySequence(window, window.undo_action.shortcut())
    assert read_team_file(folder, catalog) == TeamSettings.model_validate(TARGETS)
    assert cells(window.targets_model)[0][1] == "at risk"
    qtbot.keySequence(window, window.redo_action.shortcut())
    assert read_team_file(folder, catalog).targets[0].count == 1
    # only team.json was written; no member's file, no file left behind
    after = snapshot(folder)
    assert {k: v for k, v in after.items() if k != TEAM_FILE} == members


def test_adding_and_removing_targets(
    qtbot: QtBot, catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = write_team_folder(tmp_path / "team", targets=False)
    window = team_window(qtbot, catalog)
    open_and_wait(qtbot, window, folder)
    assert cells(window.targets_model) == []
    assert not (folder / TEAM_FILE).exists()  # reading never writes it
    answer_target(
        monkeypatch, TeamTarget(by=date(2027, 12, 31), count=1, certification="security-specialty")
    )
    qtbot.keyClick(
        window,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert cells(window.targets_model)[0][:4] == ["1 SCS-C03 by 31 Dec 2027", "met", "1", "1"]
    assert json.loads((folder / TEAM_FILE).read_text(encoding="utf-8")) == {
        "name": "",
        "targets": [{"by": "2027-12-31", "count": 1, "certification": "security-specialty"}],
    }
    window.targets_view.setFocus()
    qtbot.keyClick(window.targets_view, Qt.Key.Key_Delete)
    assert cells(window.targets_model) == []
    assert read_team_file(folder).targets == ()
    window.undo_stack.undo()
    assert len(read_team_file(folder).targets) == 1


def test_delete_in_the_people_table_removes_no_target(
    qtbot: QtBot, catalog: Catalog, folder: Path
) -> None:
    window = team_window(qtbot, catalog)
    open_and_wait(qtbot, window, folder)
    window.targets_view.selectRow(0)
    window.people_view.setFocus()
    window.people_view.selectRow(1)
    qtbot.keyClick(window.people_view, Qt.Key.Key_Delete)
    assert len(cells(window.targets_model)) == 3
    assert read_team_file(folder, catalog) == TeamSettings.model_validate(TARGETS)


def test_renaming_the_team(qtbot: QtBot, catalog: Catalog, folder: Path) -> None:
    prompts = FakePrompts(text="  Platform   and Data ")
    window = team_window(qtbot, catalog, prompts)
    open_and_wait(qtbot, window, folder)
    window.rename_action.trigger()
    assert prompts.texts("ask_text") == ["Team Name: The team's name: Platform team"]
    assert read_team_file(folder, catalog).name == "Platform and Data"
    assert window.title.text() == "Platform and Data"
    assert read_team_file(folder, catalog).targets == TeamSettings.model_validate(TARGETS).targets
    window.undo_stack.undo()
    assert read_team_file(folder, catalog).name == "Platform team"
    assert window.title.text() == "Platform team"


def test_a_team_name_that_is_too_long_is_explained(
    qtbot: QtBot, catalog: Catalog, folder: Path
) -> None:
    prompts = FakePrompts(text="x" * 201)
    window = team_window(qtbot, catalog, prompts)
    open_and_wait(qtbot, window, folder)
    assert not window.rename_team()
    (warning,) = prompts.texts("warn")
    assert warning.startswith("Team Name: ") and "200" in warning
    assert read_team_file(folder, catalog).name == "Platform team"


def test_print_preview_paints_the_team_report(
    qtbot: QtBot, catalog: Catalog, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "preview.pdf"

    def exec_as_pdf(dialog: QPrintPreviewDialog) -> int:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        dialog.paintRequested.emit(printer)
        return 0

    monkeypatch.setattr(QPrintPreviewDialog, "exec", exec_as_pdf)
    window = team_window(qtbot, catalog)
    open_and_wait(qtbot, window, folder)
    qtbot.keySequence(window, window.print_action.shortcut())
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(target).pages).split())
    assert "TEAM REPORT" in text and "3 Foundational certifications by 31 Dec 2027" in text


def test_a_damaged_team_file_is_never_overwritten(
    qtbot: QtBot, catalog: Catalog, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (folder / TEAM_FILE).write_text('{"targets": [', encoding="utf-8")
    before = snapshot(folder)
    prompts = FakePrompts()
    window = team_window(qtbot, catalog, prompts)
    open_and_wait(qtbot, window, folder)
    assert "is not valid JSON" in window.problem.text()
    assert "cannot be changed here until team.json is fixed" in window.problem.text()
    assert not window.add_action.isEnabled()
    answer_target(monkeypatch, TeamTarget(by=date(2027, 1, 1), count=1, tier=Tier.ASSOCIATE))
    assert not window.add_target()
    assert "Fix or remove team.json" in prompts.texts("warn")[0]
    assert snapshot(folder) == before


def test_a_team_file_that_cannot_be_written_is_said_and_nothing_changes(
    qtbot: QtBot, catalog: Catalog, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    prompts = FakePrompts()
    window = team_window(qtbot, catalog, prompts)
    open_and_wait(qtbot, window, folder)

    def refuse(folder: Path, settings: TeamSettings, **_checks: object) -> None:
        raise team_folder.TeamFileError(
            f"{folder / TEAM_FILE}: could not be saved (Read-only file system)"
        )

    monkeypatch.setattr("studyplanner.ui.team.team_window.write_team_file", refuse)
    window.targets_view.selectRow(0)
    assert not window.remove_target()
    assert "could not be saved (Read-only file system)" in prompts.texts("warn")[0]
    assert len(cells(window.targets_model)) == 3
    assert not window.undo_stack.canUndo()


def test_the_view_follows_a_member_changing_their_plan(
    qtbot: QtBot, catalog: Catalog, folder: Path
) -> None:
    window = team_window(qtbot, catalog)
    open_and_wait(qtbot, window, folder)
    plan = ben()
    plan.owner = Owner(name="Benjamin Okafor", team="Security")
    with qtbot.waitSignal(window.shown, timeout=20_000):  # the watcher, after the folder settles
        (folder / "ben.json").write_text(plan_to_json(plan), encoding="utf-8")
    assert [row[:2] for row in cells(window.people_model)] == [
        ["Ana Silva", "Platform"],
        ["Benjamin Okafor", "Security"],
        ["cy", ""],
    ]


def test_a_new_plan_file_is_noticed_even_without_a_change_notice(
    qtbot: QtBot, catalog: Catalog, folder: Path
) -> None:
    window = team_window(qtbot, catalog)
    open_and_wait(qtbot, window, folder)
    assert not window.watch.check()  # nothing changed: nothing read again
    plan = ben()
    plan.owner = Owner(name="Dee")
    (folder / "platform" / "dee.json").write_text(plan_to_json(plan), encoding="utf-8")
    with qtbot.waitSignal(window.shown, timeout=20_000):
        assert window.watch.check()  # what the slow poll does on a drive that sends no notice
    assert "Dee" in [row[0] for row in cells(window.people_model)]


def test_the_folder_is_unchanged_while_the_window_has_it_open(
    qtbot: QtBot, catalog: Catalog, folder: Path, tmp_path: Path
) -> None:
    os.utime(folder / "ben.json", ns=(1_000_000_000, 1_000_000_000))  # an old, exact stamp
    before = snapshot(folder)
    prompts = FakePrompts(save_path=tmp_path / "out" / "report")
    (tmp_path / "out").mkdir()
    window = team_window(qtbot, catalog, prompts)
    open_and_wait(qtbot, window, folder)
    with qtbot.waitSignal(window.shown, timeout=20_000):
        window.reload()
    assert window.export_pdf()
    qtbot.wait(800)  # past the watcher's settling time
    assert snapshot(folder) == before
    assert sorted(p.name for p in folder.rglob("*")) == sorted(
        [
            "platform",
            "old",
            "ana.json",
            "ben.json",
            "cy.json",
            "broken.json",
            "future.json",
            "team.json",
        ]
    )
    window.close()
    assert snapshot(folder) == before


def test_the_team_report_as_pdf(
    qtbot: QtBot, catalog: Catalog, folder: Path, tmp_path: Path
) -> None:
    prompts = FakePrompts(save_path=tmp_path / "platform")
    window = team_window(qtbot, catalog, prompts)
    open_and_wait(qtbot, window, folder)
    assert window.export_pdf()
    assert prompts.texts("save_path")[0].endswith("Platform team.pdf")
    text = " ".join(
        " ".join(page.extract_text() for page in PdfReader(tmp_path / "platform.pdf").pages).split()
    )
    assert "TEAM REPORT" in text and "Platform team" in text
    assert "2 Associate certifications by 30 Jun 2027" in text
    assert "Ben Okafor" in text and "old/broken.json" in text
    assert window.statusBar().currentMessage().startswith("Exported ")


def test_a_folder_that_cannot_be_read_is_said(
    qtbot: QtBot, catalog: Catalog, tmp_path: Path
) -> None:
    prompts = FakePrompts()
    window = team_window(qtbot, catalog, prompts)
    with qtbot.waitSignal(window.reading_ended, timeout=20_000):
        window.open_folder(tmp_path / "gone")
    missing = os.strerror(errno.ENOENT)  # in the language the C library speaks
    assert prompts.texts("warn") == [
        f"Open Team Folder: {tmp_path / 'gone'}: cannot be read ({missing})"
    ]
    assert window.read is None


def test_file_open_team_folder_in_the_main_window_remembers_the_folder(
    qtbot: QtBot, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from studyplanner.storage.catalog_updates import load_app_catalog
    from studyplanner.ui.window.main_window import MainWindow

    starts: list[Path] = []

    def ask(cls: object, parent: object, start: Path) -> Path:
        starts.append(start)
        return folder

    monkeypatch.setattr(TeamFolderChooser, "ask", classmethod(ask))
    window = MainWindow(load_app_catalog(), prompts=FakePrompts(), today=lambda: TODAY)
    qtbot.addWidget(window)
    window.open_initial(None)
    window.team_action.trigger()
    team = window.team_window
    assert isinstance(team, TeamWindow)
    qtbot.addWidget(team)
    qtbot.waitUntil(lambda: team.read is not None, timeout=20_000)
    assert window.settings.folder_for("team") == folder
    window.team_action.trigger()  # the next time starts in that folder, in the same window
    assert starts[-1] == folder
    assert window.team_window is team
    assert window.team_action.shortcut().toString() == "Ctrl+Shift+O"
    team.close()

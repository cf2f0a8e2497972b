"""Closed windows and finished print previews are freed: nothing keeps them alive (a lambda
holding the window, a preview parented to it), so a long session does not grow."""

from __future__ import annotations

import gc
import weakref

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from studyplanner.storage.catalog_updates import load_app_catalog
from studyplanner.ui.dialogs import printing
from studyplanner.ui.window.main_window import MainWindow
from tests.ui.fake_prompts import FakePrompts


def settle() -> None:
    """Run deferred deletes and collect Python cycles."""
    for _ in range(3):
        gc.collect()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()


def open_and_close_window(qtbot: QtBot) -> weakref.ref[MainWindow]:
    window = MainWindow(load_app_catalog(), prompts=FakePrompts())
    window.open_initial(None)
    with qtbot.waitExposed(window):
        window.show()
    window.document.insert_certification("developer-associate")
    window.close()
    return weakref.ref(window)


def test_a_closed_window_is_freed(qtbot: QtBot) -> None:
    refs = [open_and_close_window(qtbot) for _ in range(3)]
    settle()
    assert [ref() for ref in refs] == [None, None, None]
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]


def test_a_finished_print_preview_is_freed(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    window = MainWindow(load_app_catalog(), prompts=FakePrompts())
    qtbot.addWidget(window)
    window.open_initial(None)
    window.document.insert_certification("developer-associate")
    shown: list[weakref.ref[QPrintPreviewDialog]] = []

    def close_at_once(dialog: QPrintPreviewDialog) -> int:
        shown.append(weakref.ref(dialog))
        return 0

    monkeypatch.setattr(QPrintPreviewDialog, "exec", close_at_once)
    for _ in range(3):
        printing.show_print_preview(window, window.document)
    settle()
    assert len(shown) == 3
    assert window.findChildren(QPrintPreviewDialog) == []
    assert [ref() for ref in shown] == [None, None, None]


def test_no_layout_item_is_wrapped_for_python(qtbot: QtBot) -> None:
    """PySide 6.11 wraps the items of a layout that is added to another one already filled, and
    can free those wrappers a second time when the window is garbage-collected (a crash that
    comes and goes with the collection order). Layouts are nested empty, then filled."""
    from PySide6.QtWidgets import QLayout, QLayoutItem

    window = MainWindow(load_app_catalog(), prompts=FakePrompts())
    qtbot.addWidget(window)
    window.open_initial(None)
    gc.collect()
    wrapped = [
        item
        for item in gc.get_objects()
        if isinstance(item, QLayoutItem) and not isinstance(item, QLayout)
    ]
    assert wrapped == []

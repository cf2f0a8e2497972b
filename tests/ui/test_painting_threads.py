"""On a two-core machine the app keeps Qt's painting on the GUI thread (issue 14): handing
small anti-aliased fills to a thread pool costs more there than it saves."""

from __future__ import annotations

import pytest

from studyplanner.ui import app

VARIABLE = "QT_NO_GUI_THREADPOOL"


@pytest.mark.parametrize(("cores", "expected"), [(1, "1"), (2, "1"), (8, None), (None, "1")])
def test_the_pool_is_off_only_on_small_machines(
    monkeypatch: pytest.MonkeyPatch, cores: int | None, expected: str | None
) -> None:
    monkeypatch.delenv(VARIABLE, raising=False)
    monkeypatch.setattr(app.os, "cpu_count", lambda: cores)
    app.paint_on_one_thread_on_small_machines()
    assert app.os.environ.get(VARIABLE) == expected


def test_a_setting_of_the_persons_own_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(VARIABLE, "")
    monkeypatch.setattr(app.os, "cpu_count", lambda: 2)
    app.paint_on_one_thread_on_small_machines()
    assert app.os.environ[VARIABLE] == ""

"""Fixtures for the export tests: one shared QApplication, the catalog, a saved plan."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from studyplanner.domain.plan import StudyPlan
from studyplanner.storage.plan_files import save_plan


@pytest.fixture(autouse=True)
def _application(qapp: Any) -> None:
    """The suite shares one QApplication (pytest-qt's), as the desktop app would."""


@pytest.fixture
def save(tmp_path: Path) -> Callable[[StudyPlan], Path]:
    def write(plan: StudyPlan) -> Path:
        path = tmp_path / "plan.json"
        save_plan(plan, path)
        return path

    return write

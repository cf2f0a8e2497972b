"""The shape of the code (issue 22): no module too long to read, the window's parts in folders
named for their role, and the derived facts computed in one place."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "studyplanner"
LONGEST = 800
UI_ROLES = {"window", "document", "canvas", "panels", "dialogs", "widgets", "team"}


def _modules() -> list[Path]:
    return sorted(path for path in PACKAGE.rglob("*.py") if "__pycache__" not in path.parts)


def test_no_module_is_over_800_lines() -> None:
    lengths = {path: len(path.read_text(encoding="utf-8").splitlines()) for path in _modules()}
    too_long = {str(path.relative_to(PACKAGE)): n for path, n in lengths.items() if n > LONGEST}
    assert len(lengths) > 50
    assert too_long == {}


def test_the_interface_is_in_role_folders() -> None:
    ui = PACKAGE / "ui"
    loose = {path.name for path in ui.glob("*.py")}
    folders = {path.name for path in ui.iterdir() if path.is_dir() and path.name != "__pycache__"}
    assert loose == {"__init__.py", "app.py", "app_info.py"}
    assert folders == UI_ROLES
    for role in UI_ROLES:
        assert (ui / role / "__init__.py").read_text(encoding="utf-8").startswith('"""')

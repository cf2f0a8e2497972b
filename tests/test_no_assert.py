"""No ``assert`` statement in the app's own code: ``python -O`` removes them, so a check that
guards user data with one silently stops checking (issue 10, finding 5). Raise an exception
that the caller handles, or make the case impossible by construction, instead."""

from __future__ import annotations

import ast
from pathlib import Path

import studyplanner

PACKAGE = Path(studyplanner.__file__).resolve().parent


def asserts_in(source: Path, root: Path = PACKAGE.parent) -> list[str]:
    """``path:line`` of every assert statement in ``source``, named relative to ``root``."""
    tree = ast.parse(source.read_text(encoding="utf-8"), filename=str(source))
    where = source.relative_to(root).as_posix()
    return [f"{where}:{node.lineno}" for node in ast.walk(tree) if isinstance(node, ast.Assert)]


def test_the_package_has_modules_to_check() -> None:
    modules = list(PACKAGE.rglob("*.py"))
    assert PACKAGE / "cli" / "__init__.py" in modules and len(modules) > 20


def test_no_module_in_studyplanner_uses_assert() -> None:
    found = [spot for module in sorted(PACKAGE.rglob("*.py")) for spot in asserts_in(module)]
    assert not found, "assert statements (removed under python -O): " + ", ".join(found)


def test_the_check_finds_an_assert_wherever_it_hides(tmp_path: Path) -> None:
    source = tmp_path / "sample.py"
    source.write_text(
        "def f(x):\n    if x:\n        assert x > 1, 'guarded'\n    return x\n"
        "class C:\n    def g(self):\n        assert self\n",
        encoding="utf-8",
    )
    assert asserts_in(source, tmp_path) == ["sample.py:3", "sample.py:7"]

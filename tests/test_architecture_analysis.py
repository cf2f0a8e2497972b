"""One analysis, many views (issue 22): outside the domain, no module works a plan's derived
facts out itself. The window, the command line, the report and the calendar read one
``PlanAnalysis`` (``domain.analysis.analyse``), so they can never disagree about the same plan
on the same day, and an edit is worked out once however many panes show it."""

from __future__ import annotations

import ast
from pathlib import Path

import studyplanner

PACKAGE = Path(studyplanner.__file__).resolve().parent

DERIVED_FACTS = frozenset(
    {
        "schedule_plan",  # the schedule
        "advise",  # the advice
        "lifecycle",  # validities and renewals
        "plan_budget",  # the fees
        "plan_pace",  # pace against the plan the learner made
        "burn_up",  # the progress chart's lines
        "finish_shift_days",  # the finish against the baseline
        "baseline_of",  # the dates kept as a baseline
        "study_days",  # the study log day by day
    }
)
"""The domain functions only ``studyplanner/domain/`` calls; everything else reads the
analysis (``analysis.schedule``, ``.advice``, ``.validities``, ``.budget``, ``.pace``,
``.burn_up``, ``.finish_shift_days``, ``.baseline``, ``.study_days``)."""


def surface_modules() -> list[Path]:
    """Every module of the app outside the domain."""
    domain = PACKAGE / "domain"
    return [path for path in sorted(PACKAGE.rglob("*.py")) if domain not in path.parents]


def derived_fact_uses(source: Path, root: Path = PACKAGE.parent) -> list[str]:
    """``path:line name`` of every import of a derived-fact function and every call of one
    (by its name, or as an attribute: ``progress.plan_pace(...)``), named relative to
    ``root``."""
    tree = ast.parse(source.read_text(encoding="utf-8"), filename=str(source))
    where = source.relative_to(root).as_posix()
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name):
                names = [func.id]
            elif isinstance(func, ast.Attribute):
                names = [func.attr]
            else:
                continue
        else:
            continue
        found += [f"{where}:{node.lineno} {name}" for name in names if name in DERIVED_FACTS]
    return found


def test_the_surfaces_are_there_to_check() -> None:
    modules = {path.relative_to(PACKAGE).as_posix() for path in surface_modules()}
    assert {
        "ui/document/plan_document.py",
        "cli/show.py",
        "export/report/document.py",
        "export/ics.py",
        "ui/panels/progress_view.py",
    } <= modules
    assert not any(name.startswith("domain/") for name in modules)


def test_no_surface_works_out_a_derived_fact_itself() -> None:
    found = [use for module in surface_modules() for use in derived_fact_uses(module)]
    assert not found, "derived facts worked out outside the domain: " + ", ".join(found)


def test_the_check_sees_imports_calls_and_module_attributes(tmp_path: Path) -> None:
    """The check itself: each way of reaching a derived-fact function is caught, and reading
    the analysis is not."""
    probe = tmp_path / "probe.py"
    probe.write_text(
        "from studyplanner.domain.schedule import schedule_plan\n"
        "from studyplanner.domain import progress\n"
        "progress.plan_pace(s, d)\n"
        "advise(s, c, d)\n"
        "analysis.burn_up\n"
        "document.advice\n",
        encoding="utf-8",
    )
    assert derived_fact_uses(probe, tmp_path) == [
        "probe.py:1 schedule_plan",
        "probe.py:3 plan_pace",
        "probe.py:4 advise",
    ]

"""How the timeline's redraw scales, as ratios measured in the same run.

- 60 entries / 4 entries: a long plan should cost about proportionally more, not worse.
- redraw / recompute: drawing the 60-entry timeline against computing its schedule and
  advice, the other half of what every edit costs.

Run with ``make bench`` (offscreen). Numbers are printed, never asserted.
"""

from __future__ import annotations

import os
from datetime import date

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from benchmarks.timing import median_seconds
from studyplanner.domain.analysis import analyse
from studyplanner.domain.plan import PlanEntry, StudyPlan, WeeklyAvailability
from studyplanner.storage.catalog_source import bundled_catalog
from studyplanner.ui.canvas.timeline import TimelineView
from studyplanner.ui.document.plan_document import PlanDocument


def main() -> None:
    app = QApplication.instance() or QApplication([])
    catalog = bundled_catalog()
    active = [c.id for c in catalog if not c.is_retired]

    def plan(count: int) -> StudyPlan:
        return StudyPlan(
            name="Benchmark",
            start_date=date(2027, 1, 4),
            availability=WeeklyAvailability.spread(10),
            entries=[PlanEntry(certification_id=active[i % len(active)]) for i in range(count)],
        )

    timings = {}
    for count in (4, 60):
        document = PlanDocument(catalog)
        view = TimelineView(document)
        view.resize(1200, 500)
        view.show()
        document.set_plan(plan(count), None)
        app.processEvents()

        def redraw(document: PlanDocument = document) -> None:
            document.changed.emit()
            app.processEvents()

        timings[count] = median_seconds(redraw)
        view.close()
    long_plan = plan(60)
    recompute = median_seconds(lambda: analyse(long_plan, catalog, long_plan.start_date))
    print(
        f"timeline redraw, 60 entries / 4 entries:  {timings[60] / timings[4]:6.1f}"
        "  (15 would be linear)"
    )
    print(f"timeline redraw / schedule+advice (60):   {timings[60] / recompute:6.1f}")


if __name__ == "__main__":
    main()

"""Run inside a real X server by test_real_drag.py: open the main window, let xdotool drag
a ladder card into the timeline with the real mouse, and print what the plan became.

Usage: python drag_session.py CERT_ID RESULT.json
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, QTimer
from PySide6.QtWidgets import QApplication

from studyplanner.storage.catalog_updates import load_app_catalog
from studyplanner.ui.app import create_application
from studyplanner.ui.window.main_window import MainWindow


def main() -> int:
    cert_id, result_path = sys.argv[1], Path(sys.argv[2])
    app = create_application()
    window = MainWindow(load_app_catalog())
    window.open_initial(None)
    window.resize(1400, 900)
    window.move(0, 0)
    window.show()
    window.raise_()
    window.activateWindow()

    def drag() -> None:
        card = window.ladder.card_center_in_viewport(cert_id).toPoint()
        start = window.ladder.viewport().mapToGlobal(card)
        timeline = window.timeline.viewport()
        end = timeline.mapToGlobal(QPoint(timeline.width() // 2, timeline.height() - 30))
        steps = [f"mousemove {start.x()} {start.y()}", "sleep 0.3", "mousedown 1", "sleep 0.2"]
        for i in range(1, 11):
            x = start.x() + (end.x() - start.x()) * i // 10
            y = start.y() + (end.y() - start.y()) * i // 10
            steps += [f"mousemove {x} {y}", "sleep 0.08"]
        steps += ["sleep 0.3", "mouseup 1"]
        script = " ".join(steps).split(" ")
        subprocess.Popen(["xdotool", *script])
        QTimer.singleShot(6000, finish)

    def finish() -> None:
        plan = window.document.plan
        result = {
            "entries": [e.certification_id for e in plan.entries],
            "undo_count": window.document.undo_stack.count(),
        }
        window.document.undo_stack.undo()
        result["after_undo"] = [e.certification_id for e in window.document.plan.entries]
        result_path.write_text(json.dumps(result))
        window.close()
        QApplication.quit()

    QTimer.singleShot(1500, drag)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())

"""Who the app is: its icon (from the bundled resources, in a source checkout, a wheel or the
frozen app alike) and the About box."""

from __future__ import annotations

from functools import cache
from html import escape

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from studyplanner import APP_NAME, __version__
from studyplanner.i18n import _
from studyplanner.storage import paths


@cache
def app_icon() -> QIcon:
    """The app's icon, read from its files once: the application and every window share it
    (a QIcon is a cheap copy of the same pictures)."""
    from studyplanner.bundled import bundled_path

    icon = QIcon()
    try:
        folder = bundled_path("resources", "icons")
    except FileNotFoundError:
        return icon
    svg = folder / "studyplanner.svg"
    if svg.exists():
        icon.addFile(str(svg))
    for png in sorted(folder.glob("studyplanner-*.png")):
        icon.addFile(str(png))
    return icon


def show_about(parent: QWidget, catalog: str = "") -> None:
    """``catalog``: which catalog of exam facts is in use, and from when."""
    from PySide6.QtWidgets import QMessageBox  # built when asked for, not at every start

    QMessageBox.about(
        parent,
        _("About {app}").format(app=APP_NAME),
        f"<h3>{APP_NAME} {__version__}</h3><p>"
        + _(
            "Plan AWS certifications offline: the tier ladder, a timeline from your study "
            "hours, printing and calendar export."
        )
        + "</p><p>"
        + _("Plans are stored in<br><code>{folder}</code>").format(
            folder=escape(str(paths.plans_dir()))
        )
        + "</p><p>"
        + (escape(catalog) + "</p><p>" if catalog else "")
        + _(
            "Where the figures come from: exam length, questions, fees and passing scores from "
            "AWS's exam guides, through StudyPlanner's reference sheet; renewal rules from "
            "stored copies of AWS's recertification pages (read in 2026); study hours from "
            "community plans, adjusted by StudyPlanner's own estimate. Each certification "
            "names its sources, and whatever AWS's text does not confirm is marked "
            "“assumed”. Not affiliated with Amazon Web Services."
        )
        + "</p>",
    )


def running_app() -> QApplication:
    """The QApplication every widget runs in (a real check, not an ``assert``)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        raise RuntimeError("StudyPlanner's widgets need a running QApplication")
    return app

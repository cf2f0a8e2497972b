"""Help › Update Catalog…, Revert to Previous Catalog and Use the Bundled Catalog: the same
review and the same switches as ``studyplanner catalog diff | import | revert | reset``.

The update is shown before anything changes (``ui/dialogs/catalog_update.py``, loaded when
asked for). *Apply* switches the catalog (atomically, keeping the previous one) and reopens the
window on it, with the same plan.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from studyplanner.domain.catalog import CatalogError
from studyplanner.domain.wording import format_day
from studyplanner.i18n import _
from studyplanner.storage.catalog_source import LoadedCatalog
from studyplanner.storage.catalog_updates import (
    CatalogInfo,
    NothingToRevert,
    can_revert,
    catalog_info,
    check_update,
    import_update,
    reset,
    revert,
    review_update,
)
from studyplanner.storage.reading import one_line
from studyplanner.ui.document.prompts import CATALOG_FILES

if TYPE_CHECKING:
    from studyplanner.ui.window.main_window import MainWindow


def catalog_summary(info: CatalogInfo, today: date) -> str:
    """'Catalog 2026.12.07, published 7 Dec 2026 (bundled with StudyPlanner).' and, for a
    catalog more than a year old, how to update it."""
    version = info.catalog_version or _("without a version")
    published = format_day(info.published) if info.published else _("date unknown")
    where = _("bundled with StudyPlanner") if info.source == "bundled" else _("an imported update")
    text = _("Catalog {version}, published {published} ({where}).").format(
        version=version, published=published, where=where
    )
    if info.is_stale(today):
        text += " " + _(
            "It is more than 12 months old: fees, dates and exam versions may have changed. "
            "Import a newer update with Help › Update Catalog…."
        )
    return text


class CatalogCommands(QObject):
    """The Help menu's catalog actions for one window."""

    def __init__(self, window: MainWindow, loaded: LoadedCatalog) -> None:
        super().__init__(window)
        self.window = window
        self.info = catalog_info(loaded)
        self.update_action = QAction(_("&Update Catalog…"), window)
        self.update_action.setStatusTip(_("Review an update file of exam facts, then apply it"))
        self.update_action.triggered.connect(self.update_catalog)
        self.revert_action = QAction(_("Revert to &Previous Catalog"), window)
        self.revert_action.triggered.connect(self.revert_catalog)
        self.reset_action = QAction(_("Use the &Bundled Catalog"), window)
        self.reset_action.triggered.connect(self.reset_catalog)
        self.reset_action.setEnabled(self.info.source == "update")
        self.revert_action.setEnabled(can_revert())
        self.actions = [self.update_action, self.revert_action, self.reset_action]

    def summary(self) -> str:
        return catalog_summary(self.info, self.window.document.today())

    def update_catalog(self) -> None:
        window = self.window
        path = window.prompts.open_path(_("Update Catalog"), Path.home(), CATALOG_FILES)
        if path is None:
            return
        today = window.document.today()
        active = window.catalog
        try:
            update, _data = check_update(path, active, today=today)
        except CatalogError as exc:
            window.prompts.warn(_("Catalog not updated"), one_line(str(exc)))
            return
        open_plan = [(window.session.path, window.document.current_plan)]
        review = review_update(active, update, today=today, plans=open_plan)
        from studyplanner.ui.dialogs.catalog_update import CatalogUpdateDialog

        if not CatalogUpdateDialog.ask(window, review):
            return
        try:
            import_update(path, today=today)
        except CatalogError as exc:  # changed on disk since it was reviewed
            window.prompts.warn(_("Catalog not updated"), one_line(str(exc)))
            return
        except OSError as exc:
            window.prompts.warn(
                _("Catalog not updated"),
                _("The catalog cannot be switched ({reason}); nothing was changed.").format(
                    reason=exc.strerror or exc
                ),
            )
            return
        window.reopen_on_active_catalog()

    def revert_catalog(self) -> None:
        try:
            revert()
        except NothingToRevert:
            self.window.prompts.inform(
                _("Revert to Previous Catalog"), _("No previous catalog was kept.")
            )
            return
        except OSError as exc:
            self.window.prompts.warn(_("Catalog not changed"), str(exc.strerror or exc))
            return
        self.window.reopen_on_active_catalog()

    def reset_catalog(self) -> None:
        try:
            changed = reset()
        except OSError as exc:
            self.window.prompts.warn(_("Catalog not changed"), str(exc.strerror or exc))
            return
        if changed:
            self.window.reopen_on_active_catalog()

"""Help › Update Catalog…, Revert to Previous Catalog and Use the Bundled Catalog: the same
review and the same switches as ``studyplanner catalog diff | import | revert | reset``.

The update is shown before anything changes: the facts it changes, by group, and what they
do to the plans in the data folder and the one open. *Apply* switches the catalog (atomically,
keeping the previous one) and reopens the window on it, with the same plan.
"""

from __future__ import annotations

from datetime import date
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from studyplanner.domain.catalog import CatalogError
from studyplanner.domain.catalog_diff import describe_change
from studyplanner.domain.wording import format_day
from studyplanner.i18n import _
from studyplanner.storage.catalog_source import LoadedCatalog
from studyplanner.storage.catalog_updates import (
    CatalogInfo,
    NothingToRevert,
    UpdateReview,
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


def review_html(review: UpdateReview) -> str:
    """The review as rich text: the changes by group, then the plans they touch."""
    parts = [
        "<h3>"
        + escape(
            _("Catalog {old} → {new}").format(
                old=review.active.catalog_version or "–", new=review.update.catalog_version
            )
        )
        + "</h3>"
    ]
    heading = None
    items: list[str] = []

    def close_group() -> None:
        if items:
            parts.append("<ul>" + "".join(items) + "</ul>")
            items.clear()

    for change in review.changes:
        if change.kind is not heading:
            close_group()
            heading = change.kind
            parts.append(f"<p><b>{escape(change.kind.heading)}</b></p>")
        items.append(f"<li>{escape(describe_change(change, review.update))}</li>")
    close_group()
    if not review.changes:
        parts.append(f"<p>{escape(_('No facts change.'))}</p>")
    parts.append(f"<p><b>{escape(_('Your plans'))}</b></p>")
    if not review.plans:
        parts.append(f"<p>{escape(_('None of your plans is affected.'))}</p>")
    for plan in review.plans:
        lines = "".join(f"<li>{escape(impact.message)}</li>" for impact in plan.impacts)
        parts.append(f"<p>{escape(plan.name)}</p><ul>{lines}</ul>")
    parts.append(
        "<p>"
        + escape(
            _(
                "Plans are not rewritten: they are checked against the catalog in use when "
                "shown. Help › Revert to Previous Catalog undoes the update."
            )
        )
        + "</p>"
    )
    return "".join(parts)


class CatalogUpdateDialog(QDialog):
    """The review of one update, with *Apply* and *Cancel*."""

    def __init__(self, parent: QWidget | None, review: UpdateReview) -> None:
        super().__init__(parent)
        self.setObjectName("catalogUpdateDialog")
        self.setWindowTitle(_("Update Catalog"))
        self.resize(620, 560)
        intro = QLabel(_("What this update changes, before anything does:"), self)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.setHtml(review_html(review))
        buttons = QDialogButtonBox(self)
        self.apply_button = buttons.addButton(_("&Apply"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.apply_button.setDefault(True)

    def text(self) -> str:
        return self.browser.toPlainText()

    @classmethod
    def ask(cls, parent: QWidget | None, review: UpdateReview) -> bool:
        """Show the review; True when the person chose *Apply*. Tests replace this."""
        return cls(parent, review).exec() == QDialog.DialogCode.Accepted


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

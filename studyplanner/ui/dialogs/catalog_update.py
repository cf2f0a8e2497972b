"""The review a person sees before a catalog update changes anything (Help › Update Catalog…):
the facts it changes, by group, and what they do to the plans in the data folder and the one
open. ``ui/window/catalog_commands.py`` opens it and applies the update on *Apply*.
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from studyplanner.domain.catalog_diff import describe_change
from studyplanner.i18n import _
from studyplanner.storage.catalog_updates import UpdateReview


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

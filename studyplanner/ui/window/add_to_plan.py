"""*Add to Plan*: the selected ladder card (Enter, the toolbar, the details' button) goes to
the end of the plan, as one undo step.

A certification already in the plan is not added again without a word: a second entry is a
retake or a slip of the Enter key, so the person is asked which.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from studyplanner.domain.catalog import Catalog
from studyplanner.domain.plan import EntryStatus
from studyplanner.i18n import N_, _
from studyplanner.labels import TranslatedLabels
from studyplanner.ui.document.plan_document import PlanDocument
from studyplanner.ui.document.prompts import Prompts

ALREADY = TranslatedLabels(
    {
        EntryStatus.PASSED: N_("{code} {name} is already in the plan, passed."),
        EntryStatus.STUDYING: N_("{code} {name} is already in the plan, being studied."),
        EntryStatus.PLANNED: N_("{code} {name} is already in the plan."),
    }
)
"""What the question before a second addition says first, by the entry's status."""


class AddToPlan(QObject):
    """Adds certifications and tells how it went through ``tell(message, milliseconds)``."""

    added = Signal(str)
    """The new entry's id, after each addition (the window scrolls the timeline to it)."""

    def __init__(
        self,
        document: PlanDocument,
        catalog: Catalog,
        prompts: Prompts,
        tell: Callable[[str, int], None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._document = document
        self._catalog = catalog
        self._prompts = prompts
        self._tell = tell
        """Shows a short message for some milliseconds (the status bar)."""

    def add(self, cert_id: str) -> str:
        """Add ``cert_id`` at the end of the plan; the new entry's id, or '' when nothing was
        added (read-only plan, retired exam, or the person chose not to add it twice)."""
        document = self._document
        if not cert_id or document.read_only:
            return ""
        cert = self._catalog.get(cert_id)
        if cert.is_retired:
            self._tell(_("{name} is retired and cannot be planned").format(name=cert.name), 4000)
            return ""
        status = document.current_plan.status_by_certification().get(cert_id)
        if status is not None and not self._prompts.confirm(
            _("Add to plan"),
            _("{already}\n\nAdd it again, for example to plan a retake?").format(
                already=ALREADY[status].format(code=cert.code, name=cert.name)
            ),
            accept=_("Add Again"),
        ):
            self._tell(
                _("{code} is already in the plan: nothing added").format(code=cert.code), 4000
            )
            return ""
        entry_id = document.insert_certification(cert_id)
        if entry_id:
            self.added.emit(entry_id)
            self._tell(
                _("Added {code} {name} to the plan").format(code=cert.code, name=cert.name), 3000
            )
        return entry_id

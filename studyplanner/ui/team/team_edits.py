"""Edits of the team's name and targets as undo steps. Each step writes ``team.json`` (the one
file the team view ever writes) atomically through ``storage.team_folder.write_team_file``;
undoing writes the file back as it was. A file that cannot be written is said, and the step
is not taken."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from studyplanner.domain.team import TeamSettings

Apply = Callable[[TeamSettings], bool]
"""Write and show ``settings``; False (the person told why) when it could not be written."""


class TeamSettingsEdit(QUndoCommand):
    """From ``before`` to ``after``; the first ``redo`` (at push) finds the file written."""

    def __init__(self, text: str, before: TeamSettings, after: TeamSettings, apply: Apply) -> None:
        super().__init__(text)
        self.before = before
        self.after = after
        self._apply = apply
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True  # written before the push: only a successful write is a step
            return
        if not self._apply(self.after):
            self.setObsolete(True)

    def undo(self) -> None:
        if not self._apply(self.before):
            self.setObsolete(True)

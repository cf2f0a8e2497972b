"""An entry's practice exam scores as an editable table (newest first): date, score, source."""

from __future__ import annotations

from typing import Any

from studyplanner.domain.plan import PlanEntry, PracticeScore
from studyplanner.domain.wording import format_day, format_number
from studyplanner.domain.wording_domains import result_text
from studyplanner.i18n import N_, _
from studyplanner.ui.panels.sessions_model import EntryLogModel


def percent_text(value: float) -> str:
    """'78 %', '82.5 %'."""
    return f"{format_number(value)} %"


class ScoresModel(EntryLogModel):
    """Practice scores of the entry set with ``set_entry``."""

    HEADERS = (N_("Date"), N_("Score"), N_("Source"))
    FIELDS = ("on", "percent", "source")

    def _items_of(self, entry: PlanEntry) -> list[PracticeScore]:
        return entry.scores

    def _display(self, item: PracticeScore, column: int) -> str:
        return (format_day(item.on), percent_text(item.percent), item.source)[column]

    def _tooltip(self, item: PracticeScore) -> str:
        tip = _("{score} on {date}").format(
            score=percent_text(item.percent), date=format_day(item.on)
        )
        if item.source:
            tip = _("{score} ({source})").format(score=tip, source=item.source)
        results = [
            _("Domain {number}: {result}").format(number=number, result=result_text(result))
            for number, result in sorted(item.domains.items())
        ]
        return "\n".join([tip, *results])

    def _update(self, index: int, **fields: Any) -> bool:
        return self._document.update_score(self._entry_id, index, **fields)

    def _remove(self, index: int) -> bool:
        return self._document.remove_score(self._entry_id, index)

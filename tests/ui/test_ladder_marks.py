"""An edit that leaves a card's plan mark alone does not repaint that card (issue 14: a
100-exam plan's edit used to repaint every card of the ladder)."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from studyplanner.domain.catalog import Catalog
from studyplanner.ui.canvas.ladder import LadderView, PlanMark


def test_only_cards_whose_mark_changed_are_repainted(
    qtbot: QtBot, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    ladder = LadderView(catalog)
    qtbot.addWidget(ladder)
    ladder.set_plan_marks({"developer-associate": PlanMark.PLANNED})
    repainted: list[str] = []
    for cert_id in ("developer-associate", "solutions-architect-associate", "cloud-practitioner"):
        card = ladder.card(cert_id)
        monkeypatch.setattr(card, "update", lambda cert_id=cert_id: repainted.append(cert_id))

    ladder.set_plan_marks(
        {"developer-associate": PlanMark.PLANNED, "cloud-practitioner": PlanMark.PASSED}
    )

    assert repainted == ["cloud-practitioner"]
    assert ladder.card("cloud-practitioner").plan_mark == PlanMark.PASSED
    assert ladder.card("developer-associate").plan_mark == PlanMark.PLANNED

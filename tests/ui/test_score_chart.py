"""The exam panel's practice-score chart: the last score's label never sits on the target line
or its label (issue 21: a score a little under the target was struck through, "75 %·80 %")."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from studyplanner.ui.panels.readiness_box import ScoreChart


def chart_with(qtbot: QtBot, scores: list[float], target: float, width: int) -> ScoreChart:
    chart = ScoreChart()
    qtbot.add_widget(chart)
    chart.resize(width, chart.sizeHint().height())
    chart.show_scores(scores, target)
    return chart


@pytest.mark.parametrize(
    "scores",
    [[62, 71, 75], [60, 72], [50, 65, 74], [75], [60, 95, 86], [40, 50], [79], [70, 79.5], [81]],
)
@pytest.mark.parametrize("width", [180, 260, 420])
def test_the_last_score_label_stays_off_the_target_line_and_label(
    qtbot: QtBot, scores: list[float], width: int
) -> None:
    chart = chart_with(qtbot, scores, 80.0, width)
    area = chart.plot_area()
    label = chart.score_label_rect(area)
    target_y = chart._y(80.0, area)
    assert not label.top() - 1 <= target_y <= label.bottom() + 1, (label, target_y)
    assert not label.intersects(chart.target_label_rect(area))
    assert label.top() >= 0 and label.bottom() <= chart.height()


def test_a_score_well_under_the_target_is_labelled_above_its_point(qtbot: QtBot) -> None:
    chart = chart_with(qtbot, [40, 50], 80.0, 260)
    area = chart.plot_area()
    assert chart.score_label_rect(area).bottom() < chart.point(1, area).y()


def test_chart_paints_with_the_label_placed(qtbot: QtBot) -> None:
    chart = chart_with(qtbot, [62, 71, 75], 80.0, 260)
    image = chart.grab()
    assert not image.isNull()

"""The house colours: every colour the screen and the printed report use, by name, light and dark.

One registry so that the timeline, the ladder, the panels and the report cannot drift apart, and
so that a theme switch only has to choose between the two columns. The module itself is Qt-free
(the CLI and the domain tests can read it); only :func:`qcolor` touches QtGui, which the export
package may use as well as the UI.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from studyplanner.domain.catalog import Tier

if TYPE_CHECKING:
    from PySide6.QtGui import QColor, QPalette

__all__ = [
    "MIN_POINT_SIZE",
    "REFERENCE_POINT_SIZE",
    "TIER_COLORS",
    "Colour",
    "colour",
    "is_dark_palette",
    "point_size",
    "qcolor",
    "tier_colour",
    "tier_qcolor",
]


class Colour(StrEnum):
    """What a colour is for, in the words of the views that paint it."""

    TEXT = "text"
    """Body text and strong lines."""
    MUTED_TEXT = "muted_text"
    """Secondary text: captions, hints, passed and retired items."""
    FAINT = "faint"
    """Barely-there marks: dependency arrows, faint figures."""
    RULE = "rule"
    """Rules between sections of the report, outlines of hint cards."""
    BORDER = "border"
    """Borders of cards and of the timeline's axis."""
    HAIRLINE = "hairline"
    """The thinnest lines: the timeline's month grid, the report's chart grid."""
    PANEL = "panel"
    """Quiet fills: zebra rows, summary panels, alternate month bands, retired cards."""
    SURFACE = "surface"
    """Paper and cards: the timeline canvas, a certification card, the printed page."""
    CANVAS = "canvas"
    """The background behind cards: the ladder's scene, the timeline's axis."""
    ON_COLOUR = "on_colour"
    """Text and marks drawn on a coloured fill (tier bars, ribbons, badges)."""
    TODAY = "today"
    """The line that marks today."""
    SELECTION = "selection"
    """Fill of a selected row."""
    SELECTION_RING = "selection_ring"
    """Outline of the selected or focused item."""
    INSERTION = "insertion"
    """Where a dragged item would land."""
    PASSED = "passed"
    """Bars of exams already passed."""
    PASSED_RIBBON = "passed_ribbon"
    """The 'passed' ribbon on a certification card."""
    RETIRED = "retired"
    """The 'retired' ribbon on a certification card."""
    WARNING_FILL = "warning_fill"
    """Warning badges, the 'studying' ribbon; tints of warned-about panels."""
    WARNING_EDGE = "warning_edge"
    """Outline of a warning badge."""
    WARNING_INK = "warning_ink"
    """Text on a warning fill."""
    INFO = "info"
    """Informational badges and marks."""
    ERROR = "error"
    """The error dot and the text of an invalid field."""
    ERROR_FILL = "error_fill"
    """Background of an error card."""
    ERROR_EDGE = "error_edge"
    """Outline of an error card."""
    ERROR_INK = "error_ink"
    """Text on an error card."""
    NOTICE_FILL = "notice_fill"
    """A dark transient card (a refused drop), drawn with ON_COLOUR text."""
    ACCENT = "accent"
    """The report's eyebrow headings."""
    TIER_FOUNDATIONAL = "tier_foundational"
    TIER_ASSOCIATE = "tier_associate"
    TIER_PROFESSIONAL = "tier_professional"
    TIER_SPECIALTY = "tier_specialty"


# (light, dark). Dark values keep text readable on a dark window (about #1E2127): inks are light,
# fills are deep, and the tier colours are lifted just enough to read as text while white text
# on them still holds.
_REGISTRY: dict[Colour, tuple[str, str]] = {
    Colour.TEXT: ("#1D2430", "#E6E9EF"),
    Colour.MUTED_TEXT: ("#6B7280", "#A0A8B5"),
    Colour.FAINT: ("#9AA3B2", "#6E7787"),
    Colour.RULE: ("#C9CED6", "#4A515C"),
    Colour.BORDER: ("#D5D9E0", "#3F4550"),
    Colour.HAIRLINE: ("#E6E9EE", "#30353E"),
    Colour.PANEL: ("#F3F5F8", "#262A31"),
    Colour.SURFACE: ("#FFFFFF", "#1E2127"),
    Colour.CANVAS: ("#FAFBFC", "#181B20"),
    Colour.ON_COLOUR: ("#FFFFFF", "#FFFFFF"),
    Colour.TODAY: ("#D93025", "#F28B82"),
    Colour.SELECTION: ("#E9F1FD", "#243A57"),
    Colour.SELECTION_RING: ("#1A73E8", "#8AB4F8"),
    Colour.INSERTION: ("#1A73E8", "#8AB4F8"),
    Colour.PASSED: ("#8D98A5", "#6B7480"),
    Colour.PASSED_RIBBON: ("#2E7D32", "#388E3C"),
    Colour.RETIRED: ("#8A8F98", "#6B7078"),
    Colour.WARNING_FILL: ("#F2A900", "#F2A900"),
    Colour.WARNING_EDGE: ("#B57F00", "#FFC94D"),
    Colour.WARNING_INK: ("#3A2A00", "#3A2A00"),
    Colour.INFO: ("#1A73E8", "#8AB4F8"),
    Colour.ERROR: ("#C5221F", "#F28B82"),
    Colour.ERROR_FILL: ("#FDECEA", "#4A1D19"),
    Colour.ERROR_EDGE: ("#E6A39C", "#A8453B"),
    Colour.ERROR_INK: ("#8A1C12", "#F9DEDC"),
    Colour.NOTICE_FILL: ("#323842", "#4A515C"),
    Colour.ACCENT: ("#1F4E79", "#8DB3D9"),
    Colour.TIER_FOUNDATIONAL: ("#2E7D6B", "#3A9A85"),
    Colour.TIER_ASSOCIATE: ("#1F6FB2", "#3D8BD1"),
    Colour.TIER_PROFESSIONAL: ("#6A3FA0", "#8A62C4"),
    Colour.TIER_SPECIALTY: ("#C2571A", "#D9702F"),
}

_TIERS: dict[Tier, Colour] = {
    Tier.FOUNDATIONAL: Colour.TIER_FOUNDATIONAL,
    Tier.ASSOCIATE: Colour.TIER_ASSOCIATE,
    Tier.PROFESSIONAL: Colour.TIER_PROFESSIONAL,
    Tier.SPECIALTY: Colour.TIER_SPECIALTY,
}


def colour(name: Colour, dark: bool = False) -> str:
    """The colour ``name`` as '#RRGGBB', from the dark column if ``dark``."""
    light, dark_value = _REGISTRY[name]
    return dark_value if dark else light


def tier_colour(tier: Tier, dark: bool = False) -> str:
    """The colour of a certification tier as '#RRGGBB' (bars, card stripes, legend)."""
    return colour(_TIERS[tier], dark)


TIER_COLORS: dict[Tier, str] = {tier: tier_colour(tier) for tier in Tier}
"""The light tier colours, for code that does not follow the theme (tests, the printed page)."""


def qcolor(name: Colour, dark: bool = False) -> QColor:
    """The colour ``name`` as a new QColor (the only place this module needs QtGui)."""
    from PySide6.QtGui import QColor

    return QColor(colour(name, dark))


def tier_qcolor(tier: Tier, dark: bool = False) -> QColor:
    """The colour of a certification tier as a new QColor."""
    return qcolor(_TIERS[tier], dark)


def is_dark_palette(palette: QPalette) -> bool:
    """True when a palette's base is dark, so the dark column should be read."""
    from PySide6.QtGui import QPalette

    return palette.color(QPalette.ColorRole.Base).lightness() < 128


MIN_POINT_SIZE = 8.0
"""No text on screen is smaller than this; views scroll or reflow instead."""
REFERENCE_POINT_SIZE = 9.0
"""The application font size the canvases' text sizes were designed at."""


def point_size(design: float, application: float) -> float:
    """The size of text designed at ``design`` points when the application font is
    ``application`` points: it grows and shrinks with the user's font, never below
    ``MIN_POINT_SIZE``."""
    if application <= 0:  # a pixel-sized font: keep the design size
        application = REFERENCE_POINT_SIZE
    return max(MIN_POINT_SIZE, design * application / REFERENCE_POINT_SIZE)

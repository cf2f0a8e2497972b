"""The house colours: one registry, every colour with a light and a dark value that read."""

from __future__ import annotations

import re

import pytest

from studyplanner.domain.catalog import Tier
from studyplanner.style import TIER_COLORS, Colour, colour, qcolor, tier_colour

HEX = re.compile(r"^#[0-9A-F]{6}$")


def luminance(hex_colour: str) -> float:
    """Relative luminance as WCAG defines it."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("dark", [False, True])
def test_every_colour_has_a_value_in_both_themes(dark: bool) -> None:
    for name in Colour:
        assert HEX.match(colour(name, dark)), name


@pytest.mark.parametrize("dark", [False, True])
@pytest.mark.parametrize(
    ("ink", "ground", "least"),
    [
        (Colour.TEXT, Colour.SURFACE, 7.0),
        (Colour.TEXT, Colour.PANEL, 7.0),
        (Colour.MUTED_TEXT, Colour.SURFACE, 4.5),
        (Colour.MUTED_TEXT, Colour.CANVAS, 4.5),
        (Colour.WARNING_INK, Colour.WARNING_FILL, 4.5),
        (Colour.ERROR_INK, Colour.ERROR_FILL, 4.5),
        (Colour.ON_COLOUR, Colour.NOTICE_FILL, 4.5),
        (Colour.ERROR, Colour.SURFACE, 4.5),
        (Colour.TODAY, Colour.SURFACE, 3.0),
        (Colour.SELECTION_RING, Colour.SURFACE, 3.0),
        (Colour.TEXT, Colour.SELECTION, 7.0),
    ],
)
def test_text_stays_readable_in_both_themes(
    ink: Colour, ground: Colour, least: float, dark: bool
) -> None:
    assert contrast(colour(ink, dark), colour(ground, dark)) >= least


@pytest.mark.parametrize("dark", [False, True])
def test_white_labels_read_on_every_tier_colour(dark: bool) -> None:
    """Bar labels and ribbons are white on the tier colour; the tier colour is also text."""
    for tier in Tier:
        fill = tier_colour(tier, dark)
        assert contrast(colour(Colour.ON_COLOUR, dark), fill) >= 3.0, tier
        assert contrast(fill, colour(Colour.SURFACE, dark)) >= 3.0, tier


def test_tier_colours_are_the_published_ones() -> None:
    """The printed report and the screen share these, and older plans' PDFs used them."""
    assert TIER_COLORS == {
        Tier.FOUNDATIONAL: "#2E7D6B",
        Tier.ASSOCIATE: "#1F6FB2",
        Tier.PROFESSIONAL: "#6A3FA0",
        Tier.SPECIALTY: "#C2571A",
    }
    assert len({tier_colour(t, dark=True) for t in Tier}) == len(Tier)


def test_qcolor_is_the_registered_colour() -> None:
    assert qcolor(Colour.TEXT).name().upper() == colour(Colour.TEXT)
    assert qcolor(Colour.TEXT, dark=True).name().upper() == colour(Colour.TEXT, dark=True)

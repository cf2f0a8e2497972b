"""Colours of the interface: the tier colours (shared with print) and neutral inks."""

from __future__ import annotations

from studyplanner.export.palette import TIER_COLORS

__all__ = ["TIER_COLORS", "Ink"]


class Ink:
    TEXT = "#1D2430"
    MUTED = "#6B7280"
    BORDER = "#D5D9E0"
    CANVAS = "#FAFBFC"
    FOCUS = "#F59E0B"
    ARROW = "#9AA3B2"
    WARNING = "#D97706"

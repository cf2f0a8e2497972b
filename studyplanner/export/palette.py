"""Kept so older imports keep working: the tier colours now live in :mod:`studyplanner.style`."""

from __future__ import annotations

from studyplanner.style import TIER_COLORS

__all__ = ["TIER_COLORS"]

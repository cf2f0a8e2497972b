"""Tier colours shared by the screen and the printed report, so a plan looks the same on both."""

from __future__ import annotations

from studyplanner.domain.catalog import Tier

TIER_COLORS: dict[Tier, str] = {
    Tier.FOUNDATIONAL: "#2E7D6B",
    Tier.ASSOCIATE: "#1F6FB2",
    Tier.PROFESSIONAL: "#6A3FA0",
    Tier.SPECIALTY: "#C2571A",
}

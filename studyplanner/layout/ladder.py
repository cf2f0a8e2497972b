"""Where the tier ladder's cards go, without Qt: which rung arrangement the view's width
allows, each card's slot along the recommended path, how big the rungs and the Specialty box
are, and what the learner holds. The ladder view measures its fonts, asks here, and draws.

Sizes are in scene units (the view's pixels at scale 1), from the card size and the heights of
the heading and hint text that the view measured.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from studyplanner.domain.catalog import Catalog, Certification, Tier
from studyplanner.domain.lifecycle import Validity
from studyplanner.domain.wording_validity import holding_text
from studyplanner.i18n import _

LINEAR_TIERS = (Tier.PROFESSIONAL, Tier.ASSOCIATE, Tier.FOUNDATIONAL)  # top to bottom
APART_MIN_SHARE = 0.85
"""The rungs stay along the path (with arrows) while the view shows this much of their width
(the rest scrolls sideways, e.g. the retired SysOps card at 1280x800); a narrower view wraps
the cards without arrows."""


class Layout:
    """How the rungs are arranged for the view's width."""

    BESIDE = "beside"
    """Tier names above their cards, Specialty as a column beside the rungs."""
    APART = "apart"
    """The rungs as beside, Specialty below them, set apart; the arrows stay."""
    STACKED = "stacked"
    """Tier names above their cards, Specialty as a fourth rung, cards wrapped to the width
    (no arrows): only for a view too narrow for even three cards side by side."""


class PlanMark:
    """How a certification appears in the open plan; a higher mark wins for duplicates."""

    NONE = 0
    PLANNED = 1
    STUDYING = 2
    PASSED = 3


@dataclass(frozen=True)
class Holding:
    """A certification the learner holds, as the ladder shows it."""

    earned_on: date
    valid_until: date
    """The expiry before any renewal still to come in the plan."""
    expires_on: date
    """The expiry after the renewals the plan brings."""
    renewed_by: tuple[tuple[str, date, bool], ...]
    """(exam code, day, whether it is only assumed to renew) of each renewal in the plan."""
    expired: bool

    @property
    def ribbon(self) -> str:
        return _("EXPIRED") if self.expired else _("✓ HELD")

    def describe(self) -> str:
        """'Held since 10 Jan 2024 · valid until 10 Jan 2027', with the plan's renewals."""
        return holding_text(
            self.earned_on, self.valid_until, self.expires_on, self.renewed_by, self.expired
        )


def holdings(validities: Sequence[Validity], catalog: Catalog, today: date) -> dict[str, Holding]:
    """What the learner holds by certification id: held certifications and passed exams
    (planned ones are not held yet); the latest validity wins."""
    found: dict[str, Holding] = {}
    for validity in validities:
        if not validity.held:
            continue
        valid_until = validity.first_expiry
        renewed: list[tuple[str, date, bool]] = []
        for renewal in validity.renewals:
            code = catalog.get(renewal.certification_id).code
            if renewal.on <= today:
                valid_until = renewal.expires_on  # already renewed
            else:
                renewed.append((code, renewal.on, renewal.assumed))
        holding = Holding(
            validity.earned_on,
            valid_until,
            validity.expires_on,
            tuple(renewed),
            valid_until < today,
        )
        known = found.get(validity.certification_id)
        if known is None or holding.expires_on >= known.expires_on:
            found[validity.certification_id] = holding
    return found


def path_slots(
    professional: Sequence[Certification],
    associate: Sequence[Certification],
    foundational: Sequence[Certification],
) -> dict[str, float]:
    """Horizontal slot of each card: Associate cards in catalog order; Professional and
    Foundational cards over / under the Associate cards their arrows connect, so the
    recommended path reads straight up the ladder."""
    slots = {c.id: float(i) for i, c in enumerate(associate)}
    for certs, linked in (
        (professional, lambda c: [a.id for a in associate if c.id in a.next_steps]),
        (foundational, lambda c: [a for a in c.next_steps if a in slots]),
    ):
        taken: list[float] = []
        for cert in certs:
            anchors = [slots[a] for a in linked(cert) if a in slots]
            slot = sum(anchors) / len(anchors) if anchors else (taken[-1] + 1 if taken else 0)
            while any(abs(slot - other) < 1 for other in taken):
                slot += 0.5
            taken.append(slot)
            slots[cert.id] = slot
    return slots


@dataclass(frozen=True)
class Rungs:
    """The rungs' sizes with their tier names above the cards."""

    gap: float
    pad: float
    width: float
    height: float
    cards_top: float
    """Where a rung's cards start below its top."""


@dataclass(frozen=True)
class LadderGeometry:
    """What the arrangement depends on, measured by the view: the card size, the text heights,
    the cards' slots and how many Specialty cards there are."""

    unit: float
    """How much larger than the design everything is (1.0 at a 9-pt application font)."""
    card_width: float
    card_height: float
    heading_height: float
    hint_line: float
    specialty_hint_lines: int
    slots: dict[str, float]
    specialty_count: int
    margin: float

    def rungs(self) -> Rungs:
        """The three rungs, grown with the font."""
        gap = pad = 8 * self.unit
        used = int(max(self.slots.values(), default=0)) + 1
        width = used * self.card_width + (used - 1) * gap + 2 * pad
        cards_top = pad + self.heading_height + 4 * self.unit
        return Rungs(gap, pad, width, cards_top + self.card_height + pad, cards_top)

    def specialty_block(self, columns: int) -> tuple[float, float]:
        """(width, height) of the Specialty box with ``columns`` cards a row, named above."""
        rungs = self.rungs()
        gap, pad = rungs.gap, rungs.pad
        count = max(1, self.specialty_count)
        rows = -(-count // columns)
        heading = self.heading_height + 4 * self.unit
        top = pad + heading + self.specialty_hint_lines * self.hint_line + 8 * self.unit
        width = columns * self.card_width + (columns - 1) * gap + 2 * pad
        return width, top + rows * self.card_height + (rows - 1) * gap + pad

    def specialty_columns_beside(self) -> int:
        """Cards a row in the Specialty column so that it is no taller than the rungs."""
        rungs = self.rungs()
        height = 3 * rungs.height + 2 * rungs.gap
        count = max(1, self.specialty_count)
        for columns in range(1, count + 1):
            if self.specialty_block(columns)[1] <= height:
                return columns
        return count

    def beside_width(self) -> float:
        """The width the rungs need with Specialty beside them."""
        rungs = self.rungs()
        column_w, _column_h = self.specialty_block(self.specialty_columns_beside())
        return rungs.width + 2 * rungs.gap + column_w + 2 * self.margin

    def arrangement(self, available: float, scroll_bar: float) -> tuple[str, int]:
        """The arrangement for a view ``available`` wide, and its Specialty cards a row:
        beside when all fits; else the rungs along the path with Specialty apart below them;
        stacked when even the rungs do not nearly fit (``APART_MIN_SHARE``). ``scroll_bar``
        is the room a vertical scroll bar would take (0 when it is shown already)."""
        if available < 10 or available >= self.beside_width():
            return Layout.BESIDE, self.specialty_columns_beside()
        rungs = self.rungs()
        gap, pad = rungs.gap, rungs.pad
        available -= scroll_bar  # a taller ladder may need one
        room = max(available - 2 * self.margin, rungs.width) - 2 * pad + gap
        columns = max(1, int(room // (self.card_width + gap)))
        if available - 2 * self.margin >= APART_MIN_SHARE * rungs.width:
            return Layout.APART, columns
        stacked_room = available - 2 * self.margin - 2 * pad + gap
        return Layout.STACKED, max(1, int(stacked_room // (self.card_width + gap)))

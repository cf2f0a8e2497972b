"""The ladder's arrangement without a window: card slots along the recommended path, the
sizes of the rungs and the Specialty box, which arrangement a width allows, and what the
learner holds; worked out by hand (issue 22)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

from studyplanner.domain.catalog import Catalog, Tier
from studyplanner.domain.lifecycle import Renewal, Validity
from studyplanner.layout.ladder import (
    Holding,
    LadderGeometry,
    Layout,
    holdings,
    path_slots,
)

CLF = "cloud-practitioner"
SAA = "solutions-architect-associate"
DVA = "developer-associate"


def test_the_module_does_not_load_qt() -> None:
    script = (
        "import json, sys\n"
        "import studyplanner.layout.ladder\n"
        "print(json.dumps([m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert json.loads(done.stdout) == []


def test_cards_stand_over_and_under_the_associates_they_lead_to(catalog: Catalog) -> None:
    associate = catalog.by_tier(Tier.ASSOCIATE, include_retired=False)
    slots = path_slots(
        catalog.by_tier(Tier.PROFESSIONAL, include_retired=False),
        associate,
        catalog.by_tier(Tier.FOUNDATIONAL, include_retired=False),
    )
    codes = {catalog.get(cert_id).code: slot for cert_id, slot in slots.items()}
    # Associates in catalog order
    assert [codes[c.code] for c in associate] == [0.0, 1.0, 2.0, 3.0, 4.0]
    # Cloud Practitioner leads to SAA, DVA and SOA (slots 0, 1, 2): under the middle one
    assert codes["CLF-C02"] == 1.0
    # DevOps Professional follows DVA and SOA (1 and 2): between them
    assert codes["DOP-C02"] == 1.5
    # Solutions Architect Professional follows SAA: over it
    assert codes["SAP-C02"] == 0.0


def geometry(specialty: int = 2) -> LadderGeometry:
    """Cards 156 x 80 at the design size, five slots wide, two Specialty cards."""
    return LadderGeometry(
        unit=1.0,
        card_width=156,
        card_height=80,
        heading_height=16,
        hint_line=12,
        specialty_hint_lines=3,
        slots={"a": 0.0, "b": 4.0},
        specialty_count=specialty,
        margin=8,
    )


def test_rung_and_specialty_sizes() -> None:
    rungs = geometry().rungs()
    assert (rungs.gap, rungs.pad) == (8, 8)
    assert rungs.width == 5 * 156 + 4 * 8 + 2 * 8  # 828
    assert rungs.cards_top == 8 + 16 + 4  # 28
    assert rungs.height == 28 + 80 + 8  # 116
    # one card a row: named (8 + 20), three hint lines (36), 8 more, two cards and a gap
    assert geometry().specialty_block(1) == (156 + 16, 72 + 2 * 80 + 8 + 8)
    assert geometry().specialty_block(2) == (2 * 156 + 8 + 16, 72 + 80 + 8)
    # 248 fits beside three rungs (3 x 116 + 2 x 8 = 364): one column
    assert geometry().specialty_columns_beside() == 1
    # five Specialty cards in one column would be 72 + 400 + 32 + 8 = 512: two columns
    assert geometry(specialty=5).specialty_columns_beside() == 2
    assert geometry().beside_width() == 828 + 16 + 172 + 16  # 1032


def test_the_width_decides_the_arrangement() -> None:
    assert geometry().arrangement(1100, scroll_bar=0) == (Layout.BESIDE, 1)
    assert geometry().arrangement(5, scroll_bar=0) == (Layout.BESIDE, 1)  # not shown yet
    # 1000: the rungs fit, Specialty goes below with (984 - 16 + 8) // 164 = 5 a row
    assert geometry().arrangement(1000, scroll_bar=0) == (Layout.APART, 5)
    # 600 with a 17-pixel scroll bar: 567 is under 85 % of 828, so stacked, (559 // 164) a row
    assert geometry().arrangement(600, scroll_bar=17) == (Layout.STACKED, 3)


def validity(
    cert_id: str, earned: date, *renewals: Renewal, held: bool = True, entry: str | None = None
) -> Validity:
    first = date(earned.year + 3, earned.month, earned.day)
    return Validity(
        certification_id=cert_id,
        entry_id=entry,
        earned_on=earned,
        first_expiry=first,
        renewals=renewals,
        expires_on=renewals[-1].expires_on if renewals else first,
        renewable_by=(cert_id,),
        held=held,
    )


def test_what_the_learner_holds(catalog: Catalog) -> None:
    today = date(2027, 6, 1)
    past = Renewal(date(2027, 1, 6), "e1", SAA, date(2030, 1, 6))
    coming = Renewal(date(2029, 3, 3), "e2", DVA, date(2032, 3, 3), assumed=True)
    found = holdings(
        [
            validity(CLF, date(2024, 1, 10), past, coming),
            validity(SAA, date(2027, 9, 1), held=False, entry="e3"),  # planned: not held yet
            validity(DVA, date(2020, 1, 10)),  # expired in 2023 ...
            validity(DVA, date(2021, 5, 2)),  # ... and again in 2024: the later one is shown
        ],
        catalog,
        today,
    )
    assert found == {
        CLF: Holding(
            earned_on=date(2024, 1, 10),
            valid_until=date(2030, 1, 6),  # renewed already by SAA-C03
            expires_on=date(2032, 3, 3),
            renewed_by=(("DVA-C02", date(2029, 3, 3), True),),
            expired=False,
        ),
        DVA: Holding(date(2021, 5, 2), date(2024, 5, 2), date(2024, 5, 2), (), expired=True),
    }
    assert found[DVA].ribbon == "EXPIRED"
    assert found[CLF].ribbon == "✓ HELD"
    assert found[CLF].describe() == (
        "Held since 10 Jan 2024 · valid until 6 Jan 2030<br>assumed: DVA-C02 on 3 Mar 2029 "
        "renews it: valid until 3 Mar 2032"
    )

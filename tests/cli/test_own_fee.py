"""Issue 23, item 6 on the command line: `fee` sets the learner's own fee for an exam (saved
safely, like `log`), `show` and `show --json` give it as theirs with the list price beside it,
and the budget keeps each currency apart; a catalog update leaves it as it is."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from studyplanner.cli import main
from studyplanner.domain.plan import PlanEntry, StudyPlan, WeeklyAvailability
from studyplanner.storage.plan_files import list_backups, save_plan

TODAY = "2026-12-07"
SAA, DOP, SAP = "a" * 32, "b" * 32, "c" * 32
EXAMPLE = Path(__file__).parent.parent / "data" / "catalog-update-example.json"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--today", TODAY, *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    """SAA-C03 on 10 Jan, DOP-C02 on 1 Mar, SAP-C02 on 1 May 2027 (list $150, $300, $300)."""
    plan = StudyPlan(
        name="Three exams",
        start_date=date(2026, 12, 7),
        availability=WeeklyAvailability.spread(10),
        entries=[
            PlanEntry(id=SAA, certification_id="solutions-architect-associate",
                      hours_override=1, pinned_exam_date=date(2027, 1, 10)),
            PlanEntry(id=DOP, certification_id="devops-engineer-professional",
                      hours_override=1, pinned_exam_date=date(2027, 3, 1)),
            PlanEntry(id=SAP, certification_id="solutions-architect-professional",
                      hours_override=1, pinned_exam_date=date(2027, 5, 1)),
        ],
    )  # fmt: skip
    path = tmp_path / "plan.json"
    save_plan(plan, path)
    return path


def shown_json(capsys: pytest.CaptureFixture[str], path: Path) -> Any:
    code, out, err = run(capsys, "show", str(path), "--json")
    assert (code, err) == (0, "")
    return json.loads(out)


def test_fee_sets_an_own_fee_that_show_gives_as_theirs(
    capsys: pytest.CaptureFixture[str], plan_path: Path
) -> None:
    """Worked by hand: list $150 + $300 and 350 EUR; SAA's voucher halves DOP (175 EUR),
    DOP's halves SAP ($150): $300 + 175 EUR with vouchers; worst case $750 + 525 EUR."""
    before = plan_path.read_bytes()
    code, out, err = run(
        capsys, "fee", str(plan_path), "--exam", "dop-c02", "--amount", "350", "--currency", "eur"
    )
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == "DOP-C02: your fee: 350 EUR, list price $300"
    (backup,) = list_backups(plan_path)
    assert backup.path.read_bytes() == before, "the old file is kept first"

    code, out, err = run(capsys, "show", str(plan_path))
    lines = out.splitlines()
    (dop,) = [line for line in lines if "DOP-C02" in line and "exam 2027-03-01" in line]
    assert dop.endswith("(your fee: 350 EUR, list price $300)")
    assert (
        "  Fees: $450 + 350 EUR list · $300 + 175 EUR with vouchers · $750 + 525 EUR worst case"
        in lines
    )

    shown = shown_json(capsys, plan_path)
    entries = {e["entry_id"]: e for e in shown["entries"]}
    assert entries[DOP]["own_fee"] == {"amount": 350, "currency": "EUR"}
    assert entries[DOP]["fee_usd"] == 300, "the list price stays beside it"
    assert entries[DOP]["paid"] == {"amount": 175, "currency": "EUR"}
    assert entries[SAA]["own_fee"] is None
    assert shown["budget"]["list"] == [
        {"amount": 450, "currency": "USD"},
        {"amount": 350, "currency": "EUR"},
    ]
    assert shown["budget"]["with_vouchers"] == [
        {"amount": 300, "currency": "USD"},
        {"amount": 175, "currency": "EUR"},
    ]
    assert shown["budget"]["list_usd"] == 450, "euros are never added to dollars"

    code, out, err = run(capsys, "fee", str(plan_path), "--exam", "DOP-C02", "--list-price")
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == "DOP-C02: the budget counts the list price, $300"
    assert shown_json(capsys, plan_path)["budget"]["list"] == [{"amount": 750, "currency": "USD"}]


def test_an_own_fee_survives_a_catalog_update(
    capsys: pytest.CaptureFixture[str], plan_path: Path
) -> None:
    """The example update raises SAP-C02's list price to $330: the diff says the budget
    keeps the learner's fee, and after the import it does."""
    run(
        capsys,
        "fee",
        str(plan_path),
        "--exam",
        "SAP-C02",
        "--amount",
        "349.99",
        "--currency",
        "GBP",
    )
    code, out, err = run(capsys, "catalog", "diff", str(EXAMPLE), "--plan", str(plan_path))
    assert code == 0, err
    assert (
        "    SAP-C02: list price $300 → $330; the budget keeps your fee, 349.99 GBP"
        in out.splitlines()
    )
    assert run(capsys, "catalog", "import", str(EXAMPLE))[0] == 0
    shown = shown_json(capsys, plan_path)
    sap = next(e for e in shown["entries"] if e["entry_id"] == SAP)
    assert (sap["fee_usd"], sap["own_fee"]) == (330, {"amount": 349.99, "currency": "GBP"})
    assert sap["paid"] == {"amount": 175, "currency": "GBP"}  # half, the odd cent paid


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--amount", "350"], "give --amount and --currency"),
        (["--currency", "EUR"], "give --amount and --currency"),
        (["--amount", "0", "--currency", "EUR"], "a fee is more than 0"),
        (["--amount", "350.005", "--currency", "EUR"], "at most 2 decimals"),
        (["--amount", "1e3", "--currency", "EUR"], "not a number"),
        (["--amount", "350", "--currency", "EURO"], "three-letter code"),
        (["--amount", "350", "--currency", "€"], "three-letter code"),
        (["--list-price", "--amount", "350"], "--list-price: give it alone"),
    ],
)
def test_a_fee_that_cannot_be_is_refused_and_the_plan_is_untouched(
    capsys: pytest.CaptureFixture[str], plan_path: Path, args: list[str], message: str
) -> None:
    before = plan_path.read_bytes()
    code, out, err = run(capsys, "fee", str(plan_path), "--exam", "DOP-C02", *args)
    assert code == 2 and out == ""
    assert message in err and len(err.splitlines()) == 1
    assert plan_path.read_bytes() == before


def test_schema_has_the_own_fee(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, "schema")
    assert code == 0
    schema = json.loads(out)
    assert "own_fee" in schema["$defs"]["PlanEntry"]["properties"]
    assert schema["$defs"]["OwnFee"]["properties"]["currency"]["pattern"] == "^[A-Z]{3}$"

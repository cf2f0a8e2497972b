"""`studyplanner catalog info | diff | import | revert | reset` as a user drives them, in the
test's own data folder: an update is reviewed, imported, used by `show`, reverted and reset."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from studyplanner.bundled import bundled_path
from studyplanner.cli import main
from studyplanner.storage import paths
from studyplanner.storage.catalog_updates import history_dir
from studyplanner.storage.plan_files import save_plan
from tests.domain.plans import entry, plan

EXAMPLE = Path(__file__).parent.parent / "data" / "catalog-update-example.json"
TODAY = "2026-12-07"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--today", TODAY, *args])
    out, err = capsys.readouterr()
    return code, out, err


def info(capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    code, out, err = run(capsys, "catalog", "info", "--json")
    assert code == 0, err
    result: dict[str, str] = json.loads(out)
    return result


@pytest.fixture
def developer_plan() -> Path:
    """A plan in the data folder with DVA on 1 Apr 2027 and SAP later on."""
    path = paths.plans_dir() / "developer.json"
    mine = plan(
        entry("developer-associate", pinned=date(2027, 4, 1)),
        entry("solutions-architect-professional", pinned=date(2027, 10, 1)),
        start=date(2026, 12, 7),
    )
    save_plan(mine.model_copy(update={"name": "Developer path"}), path)
    return path


def test_info_names_the_bundled_catalog(capsys: pytest.CaptureFixture[str]) -> None:
    assert info(capsys) == {
        "catalog_version": "2026.12.07",
        "published": "2026-12-07",
        "source": "bundled",
        "path": str(bundled_path("catalog", "certifications.json")),
    }
    code, out, _err = run(capsys, "catalog", "info")
    assert code == 0
    assert (
        out.splitlines()[0]
        == "Catalog 2026.12.07, published 7 Dec 2026 (bundled with StudyPlanner)"
    )
    assert "12 months" not in out


def test_a_catalog_over_a_year_old_says_so_and_how_to_update(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _err = run(capsys, "--today", "2028-01-10", "catalog", "info")
    assert code == 0
    assert "more than 12 months old" in out
    assert "studyplanner catalog import FILE" in out


def test_the_diff_shows_the_changes_and_the_plans_they_touch(
    capsys: pytest.CaptureFixture[str], developer_plan: Path
) -> None:
    code, out, err = run(capsys, "catalog", "diff", str(EXAMPLE))
    assert code == 0, err
    assert out.splitlines()[0] == "Catalog 2026.12.07 → 2026.12.07.1"
    for line in (
        "Exams added",
        "  PEA-C01 Platform Engineer – Associate: new",
        "New exam versions",
        "  DVA-C02 becomes DVA-C03 from 15 Feb 2027",
        "Exam facts changed",
        "  SAP-C02: fee $300 → $330",
        "Exam domains changed",
        "  SAA-C03: domain 2 Design Resilient Architectures 26 % → 28 %",
        "  SAA-C03: domain 4 Design Cost-Optimized Architectures 20 % → 18 %",
        "  Developer path",
        "    your exam on 1 Apr 2027 will be DVA-C03",
        "    SAP-C02: the budget's fee goes from $300 to $330",
    ):
        assert line in out.splitlines()
    assert not paths.user_catalog_path().exists(), "a diff changes nothing"

    code, out, err = run(capsys, "catalog", "diff", str(EXAMPLE), "--json")
    assert code == 0, err
    review = json.loads(out)
    assert (review["from"], review["to"]) == ("2026.12.07", "2026.12.07.1")
    assert {"kind": "exam_facts", "id": "solutions-architect-professional", "code": "SAP-C02",
            "field": "exam.fee_usd", "old": 300, "new": 330} in review["changes"]  # fmt: skip
    assert {(c["kind"], c["code"]) for c in review["changes"]} == {
        ("added", "PEA-C01"),
        ("new_version", "DVA-C03"),
        ("exam_facts", "SAP-C02"),
        ("domains", "SAA-C03"),
    }, "the example update changes only what it means to"
    (affected,) = review["plans"]
    assert affected["path"] == str(developer_plan)
    assert [i["kind"] for i in affected["impacts"]] == ["new_version_before_exam", "fee"]


def test_import_show_revert_and_reset(
    capsys: pytest.CaptureFixture[str], developer_plan: Path
) -> None:
    plan_before = developer_plan.read_bytes()
    code, out, err = run(capsys, "catalog", "import", str(EXAMPLE))
    assert code == 0, err
    assert "2026.12.07.1 is now in use" in out
    assert info(capsys)["source"] == "update"
    assert paths.user_catalog_path().read_bytes() == EXAMPLE.read_bytes()
    assert developer_plan.read_bytes() == plan_before, "an import never rewrites a plan"

    code, out, err = run(capsys, "show", str(developer_plan))
    assert code == 0, err
    assert "DVA-C03" in out and "DVA-C02" not in out

    code, out, err = run(capsys, "catalog", "reset")
    assert code == 0, err
    assert info(capsys)["source"] == "bundled"
    code, out, err = run(capsys, "catalog", "revert")  # undoes the reset
    assert code == 0, err
    assert info(capsys)["catalog_version"] == "2026.12.07.1"
    code, out, err = run(capsys, "catalog", "revert")  # undoes the import
    assert code == 0, err
    assert info(capsys)["catalog_version"] == "2026.12.07"
    assert not paths.user_catalog_path().exists()

    code, out, err = run(capsys, "catalog", "revert")
    assert code == 2
    assert err == "studyplanner: no previous catalog was kept; nothing was changed\n"


def test_reset_on_the_bundled_catalog_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, "catalog", "reset")
    assert code == 0
    assert out == "The bundled catalog is already in use.\n"


def test_the_plain_catalog_command_is_unchanged(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, "catalog", "--json")
    assert code == 0
    assert len(json.loads(out)) == 17
    run(capsys, "catalog", "import", str(EXAMPLE))
    code, out, _err = run(capsys, "catalog")
    assert code == 0
    assert "DVA-C03" in out and "PEA-C01" in out


def test_an_update_older_than_the_bundled_catalog_gives_way_to_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """After the app itself is upgraded past an imported update, its own facts are used."""
    document = json.loads(EXAMPLE.read_text("utf-8"))
    document["catalog_version"] = "2026.01.01"
    paths.user_catalog_path().parent.mkdir(parents=True, exist_ok=True)
    paths.user_catalog_path().write_text(json.dumps(document), "utf-8")
    assert info(capsys)["source"] == "bundled"


def test_the_kept_history_stays_small(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    document = json.loads(EXAMPLE.read_text("utf-8"))
    for number in range(1, 14):
        document["catalog_version"] = f"2026.12.07.{number}"
        update = tmp_path / f"u{number}.json"
        update.write_text(json.dumps(document), "utf-8")
        code, _out, err = run(capsys, "catalog", "import", str(update))
        assert code == 0, err
    assert len(list(history_dir().iterdir())) == 10
    shutil.rmtree(history_dir())
    code, _out, err = run(capsys, "catalog", "revert")
    assert code == 2 and "no previous catalog" in err


def test_a_plan_naming_a_certification_the_catalog_lacks_still_opens(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Planned under an update that added PEA-C01, then reverted: the plan opens, shows the
    entry as unknown with its id, and the file is not touched."""
    run(capsys, "catalog", "import", str(EXAMPLE))
    path = paths.plans_dir() / "platform.json"
    save_plan(plan(entry("platform-engineer-associate"), start=date(2026, 12, 7)), path)
    before = path.read_bytes()
    code, _out, err = run(capsys, "catalog", "revert")
    assert code == 0, err

    code, out, err = run(capsys, "show", str(path))

    assert code == 0, err
    assert "Unknown certification (platform-engineer-associate)" in out
    assert path.read_bytes() == before
    code, out, err = run(capsys, "catalog", "diff", str(EXAMPLE))
    assert code == 0, err
    assert "  PEA-C01 Platform Engineer – Associate: new" in out.splitlines()
    assert "No longer in the catalog" not in out


def test_an_update_that_drops_a_certification_keeps_plans_naming_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    document = json.loads(EXAMPLE.read_text("utf-8"))
    gone = "advanced-networking-specialty"
    document["certifications"] = [c for c in document["certifications"] if c["id"] != gone]
    for cert in document["certifications"]:
        cert["next_steps"] = [s for s in cert["next_steps"] if s != gone]
        cert["recommended_prior"] = [s for s in cert["recommended_prior"] if s != gone]
    update = tmp_path / "update.json"
    update.write_text(json.dumps(document), "utf-8")
    path = paths.plans_dir() / "networking.json"
    save_plan(plan(entry("advanced-networking-specialty"), start=date(2026, 12, 7)), path)

    code, out, err = run(capsys, "catalog", "diff", str(update))
    assert code == 0, err
    assert (
        "  ANS-C01 Advanced Networking – Specialty: no longer listed; plans naming it show it "
        "as unknown" in out.splitlines()
    )
    assert (
        "    advanced-networking-specialty is not in the update: the plan keeps it, shown as "
        "unknown" in out
    )
    assert run(capsys, "catalog", "import", str(update))[0] == 0
    code, out, err = run(capsys, "show", str(path))
    assert code == 0, err
    assert "Unknown certification (advanced-networking-specialty)" in out

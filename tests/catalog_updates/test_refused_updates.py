"""Bad update files are refused with exit status 2 and one line, and the catalog in use is
exactly what it was: nothing half-imported, no kept copy added."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studyplanner.cli import main
from studyplanner.storage import paths
from studyplanner.storage.catalog_updates import load_app_catalog

EXAMPLE = Path(__file__).parent.parent / "data" / "catalog-update-example.json"
TODAY = "2026-12-07"


def example() -> dict[str, Any]:
    document: dict[str, Any] = json.loads(EXAMPLE.read_text("utf-8"))
    return document


def cert(document: dict[str, Any], cert_id: str) -> dict[str, Any]:
    return next(c for c in document["certifications"] if c["id"] == cert_id)


def snapshot() -> dict[str, bytes]:
    """Every file of the data folder's catalog state, by name."""
    found = {}
    for root, _dirs, files in os.walk(paths.data_dir()):
        for name in files:
            path = Path(root, name)
            if "catalog" in str(path.relative_to(paths.data_dir())):
                found[str(path)] = path.read_bytes()
    return found


def edited(change: Callable[[dict[str, Any]], object]) -> str:
    document = example()
    change(document)
    return json.dumps(document)


def _set(path: str, value: object) -> Callable[[dict[str, Any]], None]:
    """A change to the example: ``cert-id.field.sub`` (or a top-level key) set to ``value``."""

    def change(document: dict[str, Any]) -> None:
        head, _dot, rest = path.partition(".")
        target = cert(document, head) if rest else document
        keys = rest.split(".") if rest else [head]
        for key in keys[:-1]:
            target = target[key]
        target[keys[-1]] = value

    return change


def _duplicate_id(document: dict[str, Any]) -> None:
    document["certifications"].append(dict(document["certifications"][0]))


def _duplicate_code(document: dict[str, Any]) -> None:
    cert(document, "platform-engineer-associate")["code"] = "SAA-C03"


BAD_UPDATES: dict[str, tuple[str, str]] = {
    "same-version": (edited(_set("catalog_version", "2026.12.07")), "is not newer"),
    "older-version": (edited(_set("catalog_version", "2025.06.01")), "is not newer"),
    "no-version": (
        edited(lambda d: d.pop("catalog_version")),
        "no 'catalog_version'",
    ),
    "not-a-day": (edited(_set("catalog_version", "2026.02.30")), "names no real day"),
    "malformed": ('{"schema_version": 2, "certifications": [}', "not valid JSON"),
    "truncated": (EXAMPLE.read_text("utf-8")[:5000], "the file looks truncated"),
    "not-an-object": ("[1, 2, 3]", "expected a JSON object"),
    "duplicate-key": ('{"schema_version": 2, "schema_version": 2}', "appears twice"),
    "nan": (EXAMPLE.read_text("utf-8").replace('"fee_usd": 100', '"fee_usd": NaN', 1), "NaN"),
    "duplicate-id": (edited(_duplicate_id), "duplicate certification id"),
    "duplicate-code": (edited(_duplicate_code), "SAA-C03 belongs to both"),
    "unknown-next-step": (
        edited(_set("cloud-practitioner.next_steps", ["quantum-associate"])),
        "unknown certification 'quantum-associate'",
    ),
    "unknown-prior": (
        edited(_set("developer-associate.recommended_prior", ["quantum-associate"])),
        "unknown certification 'quantum-associate'",
    ),
    "unknown-successor": (
        edited(
            _set(
                "machine-learning-specialty.lifecycle.replaced_by",
                "quantum-associate",
            )
        ),
        "unknown certification 'quantum-associate'",
    ),
    "unknown-renewal": (
        edited(
            _set(
                "developer-associate.renewal_options",
                [{"kind": "exam", "certification": "quantum-associate"}],
            )
        ),
        "renewed by unknown certification 'quantum-associate'",
    ),
    "impossible-date": (edited(_set("developer-associate.as_of", "2026-02-30")), "as_of"),
    "ends-before-it-began": (
        edited(
            _set(
                "developer-associate.lifecycle",
                {"status": "retiring", "since": "2027-02-15", "ends_on": "2026-01-01"},
            )
        ),
        "before it began",
    ),
    "published-in-the-future": (edited(_set("published", "2027-06-01")), "after today"),
    "negative-fee": (edited(_set("developer-associate.exam.fee_usd", -5)), "fee_usd"),
    "minutes-as-true": (edited(_set("developer-associate.exam.minutes", True)), "not a number"),
    "minutes-as-text": (edited(_set("developer-associate.exam.minutes", "130")), "not a number"),
    "newer-schema": (edited(_set("schema_version", 9)), "newer than this app understands"),
}


def refused(capsys: pytest.CaptureFixture[str], update: Path, expected: str) -> None:
    before = snapshot()
    active = load_app_catalog().catalog
    for action in ("diff", "import"):
        code = main(["--today", TODAY, "catalog", action, str(update)])
        out, err = capsys.readouterr()
        assert code == 2, (action, out, err)
        assert out == ""
        assert err.endswith("\n") and err.count("\n") == 1, f"not one line: {err!r}"
        assert err.startswith("studyplanner: ") and "Traceback" not in err
        assert expected in err, err
    assert snapshot() == before
    assert load_app_catalog().catalog == active


@pytest.mark.parametrize("kind", sorted(BAD_UPDATES))
def test_a_bad_update_is_refused_and_nothing_changes(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text, expected = BAD_UPDATES[kind]
    update = tmp_path / "update.json"
    update.write_text(text, "utf-8")
    refused(capsys, update, expected)


@pytest.mark.parametrize("on_an_update", [False, True], ids=["on-bundled", "on-an-update"])
def test_refusals_leave_an_imported_update_alone(
    on_an_update: bool, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if on_an_update:
        assert main(["--today", TODAY, "catalog", "import", str(EXAMPLE)]) == 0
        capsys.readouterr()
    update = tmp_path / "update.json"
    update.write_text(BAD_UPDATES["duplicate-code"][0], "utf-8")
    refused(capsys, update, "belongs to both")


def test_a_file_over_5_mb_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    update = tmp_path / "huge.json"
    update.write_text(EXAMPLE.read_text("utf-8") + " " * (5 * 1024 * 1024), "utf-8")
    refused(capsys, update, "more than a catalog update may be (5.2 MB)")


def test_a_folder_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    refused(capsys, tmp_path, "is a folder, not a catalog file")


@pytest.mark.posix
def test_a_pipe_is_refused_without_waiting(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "update.json"
    os.mkfifo(fifo)
    refused(capsys, fifo, "not a catalog file")


def test_a_missing_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    refused(capsys, tmp_path / "nowhere.json", "does not exist")


def test_a_damaged_update_in_the_data_folder_is_ignored_at_start(
    caplog: pytest.LogCaptureFixture,
) -> None:
    paths.user_catalog_path().parent.mkdir(parents=True, exist_ok=True)
    paths.user_catalog_path().write_text(EXAMPLE.read_text("utf-8")[:3000], "utf-8")
    with caplog.at_level("INFO", logger="studyplanner.storage.catalog_source"):
        loaded = load_app_catalog()
    assert loaded.origin == "bundled"
    assert loaded.catalog.catalog_version == "2026.12.07"
    assert any(str(paths.user_catalog_path()) in r.getMessage() for r in caplog.records)


# --- any mutation of a good update --------------------------------------------------------

_TEXT = EXAMPLE.read_text("utf-8")
_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=False),
    st.text(max_size=12),
    st.sampled_from(["2026-02-30", "2027-01-01", "DVA-C02", "SAA-C03", "cloud-practitioner"]),
    st.just([]),
    st.just({}),
)
_FIELDS = st.sampled_from(
    [
        "code",
        "id",
        "exam.fee_usd",
        "exam.minutes",
        "hours.typical",
        "lifecycle.ends_on",
        "lifecycle.status",
        "lifecycle.replaced_by",
        "next_steps",
        "previous_codes",
        "validity_years",
        "as_of",
    ]
)


def _mutated_text(draw: st.DrawFn) -> str:
    how = draw(st.sampled_from(["cut", "flip", "field"]))
    if how == "cut":
        return _TEXT[: draw(st.integers(0, len(_TEXT) - 1))]
    if how == "flip":
        at = draw(st.integers(0, len(_TEXT) - 1))
        return _TEXT[:at] + draw(st.characters(codec="utf-8")) + _TEXT[at + 1 :]
    document = example()
    target = document["certifications"][draw(st.integers(0, len(document["certifications"]) - 1))]
    keys = draw(_FIELDS).split(".")
    for key in keys[:-1]:
        target = target[key]
    target[keys[-1]] = draw(_VALUES)
    return json.dumps(document)


mutated_updates = st.composite(_mutated_text)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=mutated_updates())
def test_a_mutated_update_is_either_taken_whole_or_changes_nothing(
    text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        paths.set_data_dir(Path(folder) / "data")
        try:
            assert main(["--today", TODAY, "catalog", "import", str(EXAMPLE)]) == 0
            capsys.readouterr()
            update = Path(folder) / "update.json"
            document = json.loads(text) if _is_json(text) else None
            if isinstance(document, dict):
                document["catalog_version"] = "2026.12.08"  # newer than the one in use
                text = json.dumps(document)
            update.write_text(text, "utf-8", errors="surrogatepass")
            before = snapshot()
            code = main(["--today", "2026-12-08", "catalog", "import", str(update)])
            _out, err = capsys.readouterr()
            assert code in (0, 2), err
            assert "Traceback" not in err
            if code == 2:
                assert err.count("\n") == 1
                assert snapshot() == before
                assert load_app_catalog().catalog.catalog_version == "2026.12.07.1"
            else:
                assert paths.user_catalog_path().read_bytes() == update.read_bytes()
                assert load_app_catalog().catalog.catalog_version == "2026.12.08"
        finally:
            paths.set_data_dir(None)


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True

"""`studyplanner catalog --json` carries each exam's domains, as the catalog lists them."""

from __future__ import annotations

import json

import pytest

from tests.cli.test_cli import run


def test_catalog_json_lists_each_exams_domains(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "catalog", "--json")
    assert code == 0 and err == ""
    rows = {row["code"]: row for row in json.loads(out)}

    assert rows["SAA-C03"]["domains"] == [
        {"number": 1, "name": "Design Secure Architectures", "weight": 30},
        {"number": 2, "name": "Design Resilient Architectures", "weight": 26},
        {"number": 3, "name": "Design High-Performing Architectures", "weight": 24},
        {"number": 4, "name": "Design Cost-Optimized Architectures", "weight": 20},
    ]
    for row in rows.values():
        if row["status"] == "active":
            assert sum(d["weight"] for d in row["domains"]) == 100, row["code"]
    assert rows["DBS-C01"]["domains"] == []  # retired: the catalog has no guide for it

"""Reading a report back the way a person does: the text of each page, and where words sit."""

from __future__ import annotations

import json
import re
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from studyplanner import cli

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
PageBoxes = tuple[float, float, list[tuple[float, float, float, float]]]


TODAY = "2026-11-02"
"""The day the export tests run the command line on: the small plan's start (a test never
depends on the real date, and every command re-plans from today)."""


def run_cli(*args: str, today: str = TODAY) -> int:
    """The command line as of ``today``."""
    return cli.main(["--today", today, *args])


def show_json(
    plan_path: Path, capsys: pytest.CaptureFixture[str], today: str = TODAY
) -> dict[str, Any]:
    """What `studyplanner show --json` says about the plan: the reference for the report."""
    assert run_cli("show", str(plan_path), "--json", today=today) == 0
    shown: dict[str, Any] = json.loads(capsys.readouterr().out)
    return shown


def printed(day: str | None) -> str:
    if day is None:
        return "—"
    d = date.fromisoformat(day)
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def fee_cell(row: dict[str, Any]) -> str:
    """What the fee column says for one entry of `show --json`: the fee after vouchers (the
    catalog fee for a passed exam)."""
    if row["status"] == "passed":
        return f"${row['fee_usd']:,}"
    paid = f"${row['paid_usd']:,}"
    if row["paid_by_other"]:
        return f"{paid} (sponsored)"
    return f"{paid} (voucher)" if row["voucher_from"] or row["voucher_from_held"] else paid


def table_row(number: int, row: dict[str, Any]) -> str:
    """The table row a reader sees for one entry of `show --json`, cell by cell."""
    return " ".join(
        [
            str(number),
            row["code"],
            row["name"],
            row["tier"].capitalize(),
            f"{row['hours']:,g}",
            printed(row["study_start"]),
            printed(row["exam_date"]),
            fee_cell(row),
            row["status"].capitalize(),
        ]
    )


def pdf_pages(path: Path) -> list[str]:
    """The text of each page, whitespace collapsed, as a reader's search would see it."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


def assert_in_order(text: str, parts: list[str]) -> None:
    cursor = 0
    for part in parts:
        found = text.find(part, cursor)
        assert found >= 0, f"{part!r} missing (or out of order) after position {cursor}"
        cursor = found + len(part)


def word_boxes(path: Path) -> list[PageBoxes]:
    """Per page: its width and height, and every word's box (x0, y0, x1, y1) in points."""
    html = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages: list[PageBoxes] = []
    for match in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', html, re.S):
        boxes = [
            (float(m[1]), float(m[2]), float(m[3]), float(m[4]))
            for m in re.finditer(
                r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"',
                match.group(3),
            )
        ]
        pages.append((float(match.group(1)), float(match.group(2)), boxes))
    return pages


def fill_colours(path: Path, page: int = 0) -> set[str]:
    """Every colour the page fills with (shapes and text) as '#RRGGBB', as a viewer paints it."""
    content = PdfReader(path).pages[page].get_contents()
    assert content is not None
    return {
        "#" + "".join(f"{round(float(v) * 255):02X}" for v in m.groups())
        for m in re.finditer(
            r"([\d.]+) ([\d.]+) ([\d.]+) scn", content.get_data().decode("latin-1")
        )
    }


def words_at(path: Path, page: int = 0) -> list[tuple[str, float, float]]:
    """Every word of a page in reading order, with its left edge and top in points."""
    html = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page + 1), "-l", str(page + 1), str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return [
        (m[3], float(m[1]), float(m[2]))
        for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', html)
    ]


def phrase_at(words: list[tuple[str, float, float]], phrase: str) -> tuple[float, float]:
    """Where ``phrase`` (consecutive words) first starts: its left edge and top."""
    parts = phrase.split()
    for n in range(len(words) - len(parts) + 1):
        if [w for w, _, _ in words[n : n + len(parts)]] == parts:
            return words[n][1], words[n][2]
    raise AssertionError(f"{phrase!r} is not on the page")

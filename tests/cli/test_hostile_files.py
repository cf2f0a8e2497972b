"""Issue 10's property: for any bytes in a plan file, the read-only commands exit 0 or 2 with
one line on stderr, never change the plan file and never leave a file behind.

Hypothesis draws changes to real plans (wrong types, huge numbers, deep nesting, unicode and
control characters, missing and extra fields, older and newer formats) and raw bytes; each is
run in-process through every command. A few cases also run as real processes.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.cli.hostile import (
    BASES,
    HOSTILE_TEXTS,
    SCHEMA_VERSIONS,
    STYLES,
    VERSION_1,
    VERSION_3,
    VERSION_5,
    Raw,
    check_plan_bytes,
    describe,
    mutate,
    nesting,
    paths_of,
    serialize,
)

PROPERTY = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(autouse=True)
def _application(qapp: Any) -> None:
    """`print` renders with Qt: the suite's QApplication must exist before the command's own."""


huge_numbers = st.sampled_from(["9" * 4301, "9" * 100_000, "1e999", "NaN", "-Infinity"]).map(Raw)
texts = st.text(alphabet=st.characters(exclude_categories=()), max_size=40) | st.sampled_from(
    HOSTILE_TEXTS
)
scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | huge_numbers
    | texts
)
values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
) | st.integers(min_value=2, max_value=200_000).map(nesting)


@st.composite
def mutated_documents(draw: st.DrawFn) -> bytes:
    document: Any = draw(st.sampled_from(BASES))
    for _ in range(draw(st.integers(1, 4))):
        paths = paths_of(document) or [()]
        op = draw(st.sampled_from(["replace", "delete", "add"]))
        path = draw(st.sampled_from(paths))
        if op == "add":
            value: Any = (draw(st.text(max_size=8)), draw(values))
            path = path[:-1]
        elif path == ("schema_version",):
            value = draw(st.sampled_from(SCHEMA_VERSIONS) | st.integers())
        else:
            value = draw(values)
        document = mutate(document, op, path, value)
    return serialize(document, draw(st.sampled_from(STYLES)))


@st.composite
def damaged_files(draw: st.DrawFn) -> bytes:
    data = bytearray(serialize(draw(st.sampled_from(BASES))))
    if draw(st.booleans()):
        return bytes(data[: draw(st.integers(0, len(data)))])
    for _ in range(draw(st.integers(1, 5))):
        data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
    return bytes(data)


def _check(data: bytes, tmp_path: Path) -> None:
    work = tmp_path / "case"
    shutil.rmtree(work, ignore_errors=True)
    failures = check_plan_bytes(data, work)
    assert not failures, describe(failures)


@PROPERTY
@given(data=mutated_documents())
@example(data=serialize(mutate(VERSION_3, "replace", ("name",), "two\nlines\x00\x1b")))
@example(data=serialize(mutate(VERSION_3, "replace", ("name",), "\ud800"), "plain"))
@example(data=serialize(VERSION_1))  # an older format: upgraded in memory, never on disk
@example(data=serialize(mutate(VERSION_3, "replace", ("schema_version",), 4)))
@example(data=serialize(mutate(VERSION_3, "replace", ("notes",), nesting(100_000))))
@example(data=serialize(VERSION_5))  # a study log, practice scores and a baseline
@example(
    data=serialize(
        mutate(VERSION_5, "replace", ("entries", 1, "sessions", 0, "note"), "\x00\n\ud800")
    )
)
@example(data=serialize(mutate(VERSION_5, "replace", ("baseline", "finish"), "2199-12-31")))
@example(
    data=serialize(mutate(VERSION_5, "replace", ("entries", 1, "sessions", 1, "hours"), 1e-300))
)
def test_any_plan_document_gives_exit_0_or_2_and_leaves_the_file_alone(
    data: bytes, tmp_path: Path
) -> None:
    _check(data, tmp_path)


@PROPERTY
@given(data=st.binary(max_size=3000) | damaged_files())
@example(data=b"")
@example(data=b"\xef\xbb\xbf")
@example(data=b"[" * 100_000)
@example(data=b'{"schema_version": 3, "name": ' + b"7" * 5000 + b"}")
def test_any_bytes_give_exit_0_or_2_and_leave_the_file_alone(data: bytes, tmp_path: Path) -> None:
    _check(data, tmp_path)


@pytest.mark.parametrize(
    "data",
    [
        serialize(VERSION_3),
        serialize(VERSION_1),
        serialize(VERSION_5),
        serialize(mutate(VERSION_3, "replace", ("name",), "日本語\ud800\n\x00")),
        b"\x00\xff not a plan",
        json.dumps({"schema_version": 99, "name": "from the future"}).encode(),
    ],
    ids=["good", "format-1", "format-5", "hostile-name", "bytes", "newer"],
)
def test_the_same_holds_for_real_processes(data: bytes, tmp_path: Path) -> None:
    failures = check_plan_bytes(data, tmp_path / "case", in_subprocess=True)
    assert not failures, describe(failures)

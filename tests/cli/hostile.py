"""What a hostile plan file may and may not do to the read-only commands, shared by the
property test (tests/cli/test_hostile_files.py) and the long run (tools/hostile_run.py).

For any bytes in a plan file, ``show``, ``show --json``, ``print`` and ``export-ics`` exit 0 or
2, write exactly one line on stderr when they fail (none when they succeed), never change the
plan file (bytes and modification time) and never leave a file behind, in the plan's folder or
in the output's.
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import os
import random
import shutil
import subprocess
import sys
import traceback
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from studyplanner.cli import main

TODAY = "2026-11-29"
# Each command, and the name of the file it writes (None: it writes none).
COMMANDS: tuple[tuple[tuple[str, ...], str | None], ...] = (
    (("show",), None),
    (("show", "--json"), None),
    (("print",), "report.pdf"),
    (("export-ics",), "plan.ics"),
)
# A time no command would stamp on a file it writes: a rewrite cannot go unnoticed.
_OLD_MTIME_NS = 1_000_000_000 * 1_000_000_000

Path_ = tuple[str | int, ...]
Document = Any


class Raw(str):
    """A JSON literal written as it is: a number too long for ``json.dumps``, deep nesting."""


# --- documents ----------------------------------------------------------------------------

VERSION_3: dict[str, Any] = {
    "schema_version": 3,
    "name": "Dana's path to Solutions Architect Professional",
    "start_date": "2026-11-02",
    "profile": {
        "role": "developer",
        "experience_years": 2.0,
        "field_years": None,
        "direction": "architecture",
        "focus_areas": ["serverless", "SAP"],
    },
    "availability": {
        "hours_per_weekday": [1.0, 1.0, 1.0, 1.0, 0.5, 3.0, 3.0],
        "blackouts": [{"start": "2026-12-21", "end": "2027-01-03", "label": "Holidays"}],
    },
    "entries": [
        {
            "id": "0" * 31 + "1",
            "certification_id": "cloud-practitioner",
            "hours_override": None,
            "pinned_exam_date": None,
            "status": "passed",
            "passed_on": "2026-09-14",
            "hours_logged": 0.0,
            "notes": "Passed first try.",
        },
        {"id": "0" * 31 + "2", "certification_id": "developer-associate", "status": "studying",
         "hours_logged": 20.0, "notes": "<b>bold</b> & done"},
        {"id": "0" * 31 + "3", "certification_id": "security-specialty",
         "pinned_exam_date": "2027-03-01"},
        {"id": "0" * 31 + "4", "certification_id": "solutions-architect-professional",
         "hours_override": 250.0},
    ],
    "notes": "Ask about the lab.\nBook early.",
}  # fmt: skip

VERSION_1: dict[str, Any] = {
    "schema_version": 1,
    "name": "Old plan",
    "start_date": "2026-03-02",
    "availability": {"weekly_hours": 8, "blackouts": []},
    "entries": [
        {"certification_id": "cloudops-engineer-associate"},
        {"certification_id": "advanced-networking-specialty", "notes": "after SOA"},
    ],
}

VERSION_5: dict[str, Any] = {
    **copy.deepcopy(VERSION_3),
    "schema_version": 5,
    "readiness_target": 85.0,
    "baseline": {
        "taken_on": "2026-11-02",
        "exam_dates": {"0" * 31 + "2": "2026-12-20", "0" * 31 + "3": "2027-03-01"},
        "finish": "2027-09-03",
    },
}
"""Issue 12's plan: a study log, practice scores and a baseline, where mutations can reach."""
for _entry in VERSION_5["entries"]:
    _entry.pop("hours_logged", None)
VERSION_5["entries"][1]["sessions"] = [
    {"on": "2026-11-03", "hours": 1.5, "note": "VPC labs"},
    {"on": "2026-11-07", "hours": 3.0, "note": ""},
]
VERSION_5["entries"][1]["scores"] = [
    {"on": "2026-11-20", "percent": 72.0, "source": "official practice set"},
    {"on": "2026-11-27", "percent": 81.0, "source": ""},
]

BASES: tuple[dict[str, Any], ...] = (VERSION_3, VERSION_1, VERSION_5)

HOSTILE_TEXTS = (
    "",
    " ",
    "line one\nline two",
    "\r\nBEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:injected\r\nEND:VEVENT\r\nEND:VCALENDAR",
    "\x00\x01\x07\x08\x0b\x0c\x1b[31m\x7f\x85\x9f",
    "\ud800 lone \udfff surrogates",
    "日本語の学習計画",
    "\u202eright to left\u202c \u2028\u2029 \ufeff \ufffd",
    "👩‍💻🏳️‍🌈" * 20,
    "%s %n {0} {name} <b>&amp;</b> <img src=x>",
    "x" * 10_001,
    "../../../../etc/passwd",
)

SCHEMA_VERSIONS: tuple[Any, ...] = (0, 1, 2, 3, 4, 5, 6, 99, -1, 2**63, True, None, "3", 3.0, [3])


def numbers(rng: random.Random) -> Any:
    choice = rng.randrange(8)
    if choice == 0:
        return Raw("9" * rng.choice((20, 400, 4300, 4301, 5000, 100_000)))
    if choice == 1:
        return Raw(rng.choice(("NaN", "Infinity", "-Infinity", "1e999", "-0", "1e-400")))
    if choice == 2:
        return rng.choice((0, -1, 1, 2**31, 2**63, -(2**63), 10**30))
    if choice == 3:
        return rng.uniform(-1e308, 1e308)
    return rng.choice((0.5, 24.0, 24.5, 168, 169, 5000, 5001, -0.0))


def nesting(depth: int) -> Raw:
    return Raw("[" * depth + "]" * depth)


def random_value(rng: random.Random, depth: int = 0) -> Any:
    """Any JSON value, hostile ones more often than not."""
    kind = rng.randrange(10 if depth < 3 else 6)
    if kind == 0:
        return None
    if kind == 1:
        return rng.choice((True, False))
    if kind in (2, 3):
        return numbers(rng)
    if kind in (4, 5):
        return rng.choice((*HOSTILE_TEXTS, "2026-02-30", "9999-12-31", "0001-01-01", "passed"))
    if kind == 6:
        return nesting(rng.choice((2, 50, 1_000, 100_000)))
    if kind == 7:
        return [random_value(rng, depth + 1) for _ in range(rng.randrange(4))]
    return {
        rng.choice((*HOSTILE_TEXTS[:8], "id", "notes", "name")): random_value(rng, depth + 1)
        for _ in range(rng.randrange(4))
    }


def random_text(rng: random.Random) -> str:
    """A hostile text a user could have typed or pasted, at most 200 characters."""
    if rng.random() < 0.5:
        return rng.choice(HOSTILE_TEXTS[:-1])
    pools = (
        "\x00\x07\n\r\t\x1b\x7f\x85",
        "日本語한국어",
        "\u202e\u2028\ufeff",
        "<>&'\"\\",
    )
    return "".join(rng.choice(rng.choice(pools)) for _ in range(rng.randrange(1, 200)))


def _at(document: Document, path: Path_) -> Any:
    node = document
    for step in path:
        node = node[step]
    return node


def _is_free(path: Path_) -> bool:
    """Whether the text at ``path`` is the user's own (a name, notes, a label, a focus
    area), not a date, an id or a choice from a list."""
    return path[-1] in ("name", "notes", "label", "note", "source") or path[:2] == (
        "profile",
        "focus_areas",
    )


def paths_of(document: Document, prefix: Path_ = ()) -> list[Path_]:
    """Every place inside ``document`` that holds a value (the top level excluded)."""
    found: list[Path_] = []
    if isinstance(document, dict):
        for key, value in document.items():
            found.append((*prefix, key))
            found.extend(paths_of(value, (*prefix, key)))
    elif isinstance(document, list):
        for index, value in enumerate(document):
            found.append((*prefix, index))
            found.extend(paths_of(value, (*prefix, index)))
    return found


def _parent(document: Document, path: Path_) -> Any:
    node = document
    for step in path[:-1]:
        node = node[step]
    return node


def mutate(document: Document, op: str, path: Path_, value: Any) -> Document:
    """``document`` with one change: ``replace`` or ``delete`` the value at ``path``, or
    ``add`` a field named ``value[0]`` holding ``value[1]`` to the object at ``path``. A path
    that an earlier change made disappear leaves the document as it is."""
    document = copy.deepcopy(document)
    if not path:
        return value if op == "replace" else document
    try:
        parent = _parent(document, path)
        if op == "replace":
            parent[path[-1]] = value
        elif op == "delete":
            del parent[path[-1]]
        elif op == "add":
            target = parent[path[-1]]
            if isinstance(target, dict):
                target[value[0]] = value[1]
    except (KeyError, IndexError, TypeError):
        pass
    return document


def serialize(document: Document, style: str = "plain") -> bytes:
    """The document as a file: ``plain`` UTF-8, ``ascii`` escapes, ``bom``, ``compact``,
    ``utf16`` (not UTF-8 at all) or ``surrogates`` (lone surrogates as raw bytes)."""
    raws: dict[str, str] = {}

    def placeholders(node: Any) -> Any:
        if isinstance(node, Raw):
            key = f"@@raw{len(raws)}@@"
            raws[key] = str(node)
            return key
        if isinstance(node, dict):
            return {k: placeholders(v) for k, v in node.items()}
        if isinstance(node, list):
            return [placeholders(v) for v in node]
        return node

    tree = placeholders(document)
    if style == "compact":
        text = json.dumps(tree, separators=(",", ":"), ensure_ascii=False)
    else:
        text = json.dumps(tree, indent=2, ensure_ascii=style == "ascii")
    for key, literal in raws.items():
        text = text.replace(f'"{key}"', literal)
    if style == "utf16":
        return text.encode("utf-16", "surrogatepass")
    data = text.encode("utf-8", "surrogatepass" if style == "surrogates" else "backslashreplace")
    return b"\xef\xbb\xbf" + data if style == "bom" else data


STYLES = ("plain", "ascii", "bom", "compact", "utf16", "surrogates")


def random_case(rng: random.Random) -> tuple[str, bytes]:
    """One hostile plan file: its kind (for the figures) and its bytes."""
    roll = rng.random()
    base = rng.choice(BASES)
    if roll < 0.08:
        return "random bytes", rng.randbytes(rng.randrange(0, 3000))
    if roll < 0.16:
        data = bytearray(serialize(base))
        for _ in range(rng.randrange(1, 6)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        return "flipped bytes", bytes(data)
    if roll < 0.22:
        data = serialize(base)
        return "truncated", data[: rng.randrange(len(data))]
    if roll < 0.30:
        return "schema version", serialize(
            mutate(base, "replace", ("schema_version",), rng.choice(SCHEMA_VERSIONS))
        )
    if roll < 0.55:  # still a valid plan, with hostile text where the user types text
        document = base
        texts = [p for p in paths_of(base) if isinstance(_at(base, p), str) and _is_free(p)]
        for path in rng.sample(texts, rng.randrange(1, len(texts) + 1)):
            document = mutate(document, "replace", path, random_text(rng))
        return "hostile text", serialize(document, rng.choice(STYLES[:4]))
    document: Document = base
    for _ in range(rng.randrange(1, 5)):
        paths = paths_of(document)
        op = rng.choice(("replace", "replace", "delete", "add"))
        path = rng.choice(paths) if paths else ()
        if op == "add":
            path = path[:-1] if rng.random() < 0.5 else ()
            value: Any = (rng.choice(("extra", "id", "__proto__", "日本")), random_value(rng))
        else:
            value = random_value(rng)
        document = mutate(document, op, path, value)
    return "mutated document", serialize(document, rng.choice(STYLES))


# --- running and checking -----------------------------------------------------------------


@dataclass(frozen=True)
class Result:
    code: int | str
    out: str
    err: str


@dataclass(frozen=True)
class Failure:
    command: str
    kind: str
    detail: str


@contextlib.contextmanager
def _utf8_streams() -> Iterator[tuple[io.TextIOWrapper, io.TextIOWrapper]]:
    """stdout and stderr as strict UTF-8 pipes, like a redirected run on Linux."""
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="", write_through=True)
    err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="", write_through=True)
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        yield out, err


def _text(stream: io.TextIOWrapper) -> str:
    buffer = stream.buffer
    assert isinstance(buffer, io.BytesIO)
    return buffer.getvalue().decode("utf-8", "replace")


def run_in_process(argv: list[str]) -> Result:
    with _utf8_streams() as (out, err):
        try:
            code: int | str = main(argv)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        except Exception as exc:  # a bug: reported as a failure of its own kind
            code = f"raised {type(exc).__name__}"
            print(traceback.format_exc(), file=sys.stderr)
    return Result(code, _text(out), _text(err))


def run_in_subprocess(argv: list[str]) -> Result:
    done = subprocess.run(
        [sys.executable, "-m", "studyplanner", *argv],
        capture_output=True,
        timeout=120,
        check=False,
    )
    return Result(
        done.returncode,
        done.stdout.decode("utf-8", "replace"),
        done.stderr.decode("utf-8", "replace"),
    )


def check_plan_bytes(
    data: bytes,
    work: Path,
    *,
    in_subprocess: bool = False,
    outcomes: Counter[str] | None = None,
) -> list[Failure]:
    """Run every read-only command on a plan file holding ``data``; what went wrong.
    ``outcomes`` counts each command's exit status."""
    failures: list[Failure] = []
    plans, outputs, data_dir = work / "plans", work / "out", work / "data"
    for command, output_name in COMMANDS:
        for folder in (plans, outputs):
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
        plan = plans / "plan.json"
        plan.write_bytes(data)
        os.utime(plan, ns=(_OLD_MTIME_NS, _OLD_MTIME_NS))
        argv = ["--data-dir", str(data_dir), "--today", TODAY, command[0], str(plan)]
        argv += list(command[1:])
        if output_name is not None:
            argv += ["-o", str(outputs / output_name)]
        result = (run_in_subprocess if in_subprocess else run_in_process)(argv)
        if outcomes is not None:
            outcomes[f"{' '.join(command)}: exit {result.code}"] += 1
        failures += [
            Failure(" ".join(command), kind, detail)
            for kind, detail in _problems(result, plan, data, outputs, output_name)
        ]
    return failures


def _problems(
    result: Result, plan: Path, data: bytes, outputs: Path, output_name: str | None
) -> Iterator[tuple[str, str]]:
    if result.code not in (0, 2):
        yield f"exit {result.code}", result.err[-2000:]
    elif result.code == 2 and (result.err.count("\n") != 1 or not result.err.endswith("\n")):
        yield "stderr is not one line", result.err[:2000]
    elif result.code == 2 and not result.err.startswith("studyplanner: "):
        yield "stderr is not a studyplanner message", result.err[:2000]
    elif result.code == 0 and result.err:
        yield "stderr on success", result.err[:2000]
    if plan.read_bytes() != data:
        yield "plan file changed", ""
    elif plan.stat().st_mtime_ns != _OLD_MTIME_NS:
        yield "plan file touched", ""
    left = sorted(p.name for p in plan.parent.iterdir() if p != plan)
    if left:
        yield "files left in the plan's folder", ", ".join(left)
    written = sorted(p.name for p in outputs.iterdir())
    expected = [output_name] if result.code == 0 and output_name is not None else []
    if written != expected:
        yield "output folder not as expected", f"{written} (expected {expected})"


def describe(failures: Sequence[Failure]) -> str:
    return "\n".join(f"{f.command}: {f.kind}: {f.detail}" for f in failures)

"""A hostile run: mutated plan files through `show`, `show --json`, `print` and `export-ics`,
then issue 20's classes (settings, logs/, limits in the window, stdout, older formats).

Usage: python tools/hostile_run.py [N] [--seed S] [--subprocess-every K]
           [--app-cases M] [--settings-processes P]                        (``make hostile``)

Generates N plan files (default 2000; seeded, so a run can be repeated exactly) from real
plans: wrong types, huge numbers, deep nesting, unicode and control characters, missing and
extra fields, older and newer formats, damaged, truncated and random bytes. Each runs through
every read-only command in-process, every K-th also as a real process, and is checked for
what tests/cli/hostile.py promises.

Then M cases (default 2000) of the classes in tests/hostile_app.py: mutated settings (every
field, every byte of the window layout), special files in logs/, limits through the window,
closed and broken standard output, older formats at their limits; and P (default 500) random
single-byte mutations of a real settings.json, each starting the app as a real process
(``--smoke``). Prints the figures; exits 1 if any case failed.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.cli.hostile import check_plan_bytes, random_case  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="?", type=int, default=2000, metavar="N")
    parser.add_argument("--seed", type=int, default=10, help="the same seed, the same files")
    parser.add_argument(
        "--subprocess-every",
        type=int,
        default=100,
        metavar="K",
        help="run every K-th case as real processes too (0: never)",
    )
    parser.add_argument("--keep", type=Path, metavar="DIR", help="copy failing files here")
    parser.add_argument(
        "--app-cases", type=int, default=2000, metavar="M", help="issue 20's classes (0: none)"
    )
    parser.add_argument(
        "--settings-processes",
        type=int,
        default=500,
        metavar="P",
        help="single-byte mutations of settings.json started as the app (0: none)",
    )
    args = parser.parse_args()
    if args.app_cases > 0 or args.settings_processes > 0:
        # The window classes need a QApplication, and `print` would make a QGuiApplication
        # (there can be only one per process): make the full one first.
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance() or QApplication(["studyplanner-hostile"])
        assert app is not None
    plan_failures = plan_files(args)
    app_failures = app_classes(args.app_cases, args.settings_processes, args.seed)
    return 1 if plan_failures or app_failures else 0


def plan_files(args: argparse.Namespace) -> int:
    """The plan-file run (issue 10): the number of failed cases."""
    if args.cases <= 0:
        return 0

    rng = random.Random(args.seed)
    kinds: Counter[str] = Counter()
    outcomes: Counter[str] = Counter()
    failures: Counter[str] = Counter()
    failed_cases = 0
    processes = 0
    examples: dict[str, str] = {}
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="studyplanner-hostile-") as folder:
        work = Path(folder)
        for number in range(1, args.cases + 1):
            kind, data = random_case(rng)
            kinds[kind] += 1
            found = check_plan_bytes(data, work / "case", outcomes=outcomes)
            if args.subprocess_every and number % args.subprocess_every == 0:
                found += check_plan_bytes(
                    data, work / "process", in_subprocess=True, outcomes=outcomes
                )
                processes += 1
            if found:
                failed_cases += 1
                if args.keep is not None:
                    args.keep.mkdir(parents=True, exist_ok=True)
                    (args.keep / f"case-{number:05}.json").write_bytes(data)
            for failure in found:
                key = f"{failure.command}: {failure.kind}"
                failures[key] += 1
                examples.setdefault(key, f"case {number}: {failure.detail[:300]!r}")
            if number % 250 == 0:
                print(f"  {number} cases, {failed_cases} failed", file=sys.stderr)

    seconds = time.monotonic() - started
    print(f"seed {args.seed}: {args.cases} cases in {seconds:.0f} s")
    print(f"  run in-process through 4 commands each; {processes} also as real processes")
    for kind, count in sorted(kinds.items()):
        print(f"  {kind:18} {count:6}")
    print("exit status by command (in-process and real processes together):")
    for outcome, count in sorted(outcomes.items()):
        print(f"  {outcome:24} {count:6}")
    print(f"failed cases: {failed_cases}")
    for key, count in failures.most_common():
        print(f"  {count:6}  {key}")
        print(f"          e.g. {examples[key]}")
    return failed_cases


APP_SHARES = (
    ("settings-field", 0.20),
    ("settings-byte", 0.25),
    ("window-limits", 0.20),
    ("older-format", 0.25),
    ("stdout", 0.07),
    ("logs-special", 0.03),
)


def app_classes(cases: int, settings_processes: int, seed: int) -> int:
    """Issue 20's classes: the number of failed cases."""
    if cases <= 0 and settings_processes <= 0:
        return 0
    import logging

    from tests import hostile_app

    logging.getLogger("studyplanner").setLevel(logging.ERROR)  # each refusal logs its line
    rng = random.Random(seed)
    kinds: Counter[str] = Counter()
    failures: Counter[str] = Counter()
    examples: dict[str, str] = {}
    started = time.monotonic()
    with hostile_app.temporary_work() as folder:
        work = Path(folder)
        bench = hostile_app.SettingsBench(work / "settings")
        limits = hostile_app.LimitsBench()
        plan: list[hostile_app.Case] = []
        for kind, share in APP_SHARES:
            for _ in range(round(cases * share)):
                number = len(plan)
                if kind == "settings-field":
                    plan.append(hostile_app.settings_field_case(bench, rng))
                elif kind == "settings-byte":
                    plan.append(hostile_app.settings_byte_case(bench, rng, process=False))
                elif kind == "window-limits":
                    plan.append(limits.case(rng))
                elif kind == "older-format":
                    plan.append(hostile_app.older_format_case(rng))
                elif kind == "stdout":
                    plan.append(hostile_app.stdout_case(work, rng, number))
                else:
                    plan.append(hostile_app.logs_special_case(work, rng, number))
        plan += [
            hostile_app.settings_byte_case(bench, rng, process=True)
            for _ in range(settings_processes)
        ]
        failed = 0
        for number, case in enumerate(plan, 1):
            kinds[case.kind] += 1
            found = case.check()
            if found:
                failed += 1
            for problem in found:
                key = f"{case.kind}: {problem[:60]}"
                failures[key] += 1
                examples.setdefault(key, problem)
            if number % 250 == 0:
                print(f"  {number} app cases, {failed} failed", file=sys.stderr)
    seconds = time.monotonic() - started
    print(f"seed {seed}: {len(plan)} cases of issue 20's classes in {seconds:.0f} s")
    for kind, count in sorted(kinds.items()):
        print(f"  {kind:26} {count:6}")
    print(f"failed cases: {failed}")
    for key, count in failures.most_common():
        print(f"  {count:6}  {key}")
        print(f"          e.g. {examples[key][:300]!r}")
    return failed


if __name__ == "__main__":
    sys.exit(main())

"""A hostile run: mutated plan files through `show`, `show --json`, `print` and `export-ics`.

Usage: python tools/hostile_run.py [N] [--seed S] [--subprocess-every K]   (``make hostile``)

Generates N plan files (default 2000; seeded, so a run can be repeated exactly) from real
plans: wrong types, huge numbers, deep nesting, unicode and control characters, missing and
extra fields, older and newer formats, damaged, truncated and random bytes. Each runs through
every read-only command in-process, every K-th also as a real process, and is checked for
what tests/cli/hostile.py promises. Prints the figures; exits 1 if any case failed.
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
    args = parser.parse_args()

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
    return 1 if failed_cases else 0


if __name__ == "__main__":
    sys.exit(main())

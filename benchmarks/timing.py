"""The one way benchmarks here time things: the median of repeated runs, in seconds."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_seconds(func: Callable[[], object], repeat: int = 15) -> float:
    return median_wall_and_cpu_seconds(func, repeat)[0]


def median_wall_and_cpu_seconds(
    func: Callable[[], object], repeat: int = 15
) -> tuple[float, float]:
    """The medians of the wall-clock time and of this thread's CPU time. On a busy machine the
    wall clock also counts the time other programs had the processor; the thread's CPU time
    counts only the work done here (all of it, when Qt paints on this thread too)."""
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.thread_time()
        func()
        cpus.append(time.thread_time() - cpu)
        walls.append(time.perf_counter() - wall)
    return statistics.median(walls), statistics.median(cpus)

"""Helpers for benchmarks: the size to run at and a uniform way to print figures.

Benchmarks are not timed tests: they print their figures (and the ratio to a
baseline measured in the same run, since these machines are noisy) and assert
only that the work was really done. CI runs them small; `make bench` runs them
at full size (ATRIUM_BENCH_SIZE=full).
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable


def full_size() -> bool:
    return os.environ.get("ATRIUM_BENCH_SIZE", "small") == "full"


def timed(work: Callable[[], object]) -> float:
    """Seconds one call of `work` takes."""
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def median(values: list[float]) -> float:
    return statistics.median(values)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def report(name: str, **figures: object) -> None:
    """One line per benchmark, on the real stdout even under capture."""
    parts = " ".join(
        f"{k}={v:.4g}" if isinstance(v, float) else f"{k}={v}" for k, v in figures.items()
    )
    sys.__stdout__.write(f"\nBENCH {name}: {parts}\n")
    sys.__stdout__.flush()

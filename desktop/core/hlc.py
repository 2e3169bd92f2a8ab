"""Hybrid logical clock: 48-bit milliseconds << 16 | 16-bit counter.

The clock advances on every local write (`tick`) and on every received
timestamp (`receive`), so devices whose wall clocks disagree still order their
writes consistently. A remote timestamp too far in the future is refused
instead of being baked into every later write.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

COUNTER_BITS = 16
COUNTER_MASK = (1 << COUNTER_BITS) - 1
MAX_FUTURE_MS = 5 * 60 * 1000


class ClockSkewError(Exception):
    """A timestamp is further ahead of this clock than the allowed drift."""


def wall_ms() -> int:
    """The physical clock in milliseconds since the epoch."""
    return time.time_ns() // 1_000_000


def pack(millis: int, counter: int) -> int:
    """Combine milliseconds and counter into one HLC integer."""
    return (millis << COUNTER_BITS) | (counter & COUNTER_MASK)


def millis_of(hlc: int) -> int:
    """The physical (millisecond) part of an HLC."""
    return hlc >> COUNTER_BITS


@dataclass
class HybridClock:
    """A monotonic HLC; `last` is the newest timestamp issued or seen."""

    last: int = 0
    physical: Callable[[], int] = field(default=wall_ms, repr=False)

    def tick(self) -> int:
        """A new timestamp for a local write, greater than every earlier one."""
        now = pack(self.physical(), 0)
        self.last = now if now > self.last else self.last + 1
        return self.last

    def receive(self, remote: int) -> int:
        """Advance past a timestamp received from elsewhere (the receive rule)."""
        ahead = millis_of(remote) - self.physical()
        if ahead > MAX_FUTURE_MS:
            raise ClockSkewError(
                f"a timestamp is {ahead / 1000:.0f} s ahead of this device's clock; "
                "check the system time on both devices"
            )
        self.last = max(self.last, remote)
        return self.tick()

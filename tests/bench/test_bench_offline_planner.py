"""The offline planner's answer time for a typical request: the median over the test requests.

Target: at most 50 ms per request (issue 7). Each request of the planner's test table
is first run for real (tools through the catalog on a seeded SQLite profile) to record
every conversation the planner is handed; the benchmark then replays those, timing
only the planner (`OfflineProvider.complete` for every step of the request, tool
execution excluded). The baseline, measured in the same run, is the phrase parser
alone on the request's text, the cheapest reading of it there is. The target is
asserted only at full size (ATRIUM_BENCH_SIZE=full); CI runs small and checks that
the work was done and that nothing is absurdly slow.
"""

from __future__ import annotations

import pytest

from desktop.agents.model import ChatMessage
from desktop.agents.offline import OfflineProvider
from desktop.core.phrases import parse
from desktop.services.container import Services
from tests.bench.benchutil import full_size, median, percentile, report, timed
from tests.unit.agents.offline_cases import CASES
from tests.unit.agents.offline_world import all_tools, converse, seed

pytestmark = pytest.mark.bench


def test_offline_planner_answers_a_request(services: Services) -> None:
    rounds = 15 if full_size() else 3
    seed(services)
    tools = all_tools()
    recorded: list[tuple[str, list[list[ChatMessage]]]] = []
    for case in CASES:
        asked: list[list[ChatMessage]] = []
        converse(services, case.text, tools, asked)
        recorded.append((case.text, asked))
    provider = OfflineProvider(services)
    zone, now = services.ctx.zone, services.ctx.now()

    def answer(conversations: list[list[ChatMessage]]) -> None:
        for messages in conversations:
            provider.complete(messages, tools)

    per_request, per_baseline, steps = [], [], 0
    for text, conversations in recorded:
        steps += len(conversations)
        per_request.append(
            median([timed(lambda c=conversations: answer(c)) for _ in range(rounds)])
        )
        per_baseline.append(
            median([timed(lambda t=text: parse(t, now, zone)) for _ in range(rounds)])
        )

    p50, p95 = percentile(per_request, 0.5), percentile(per_request, 0.95)
    base50 = percentile(per_baseline, 0.5)
    report(
        "offline_planner",
        requests=len(recorded),
        steps=steps,
        rounds=rounds,
        p50_ms=p50 * 1000,
        p95_ms=p95 * 1000,
        max_ms=max(per_request) * 1000,
        baseline_parse_p50_ms=base50 * 1000,
        p50_vs_baseline=p50 / base50,
        target_p50_ms=50,
    )
    assert len(recorded) >= 40  # every request ran, some in two steps
    assert steps > len(recorded)
    assert p50 < 0.5  # absurdly slow even on a loaded CI machine
    if full_size():
        assert p50 <= 0.05

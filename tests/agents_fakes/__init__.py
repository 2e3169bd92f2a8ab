"""Loopback fakes of the OpenAI and Anthropic APIs for driving the real SDKs in tests.

    with FakeOpenAI() as fake:
        fake.tool_call("add_task", {"title": "buy milk"}).answer("Done")
        provider = OpenAIProvider("gpt-4o-mini", api_key=fake.api_key, base_url=fake.base_url)
        ...
        assert fake.bodies[1]["messages"][-1]["role"] == "tool"

Each server answers from a script (answers, tool calls, failures such as 429 with
Retry-After, 500, 401, unknown model, malformed JSON, stalls) in the real wire format,
plain or streamed as the request asks, and records every request it receives.
`isolated_keyring` points `keyring` at a plain-text file in a test folder.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tests.agents_fakes.anthropic_wire import FakeAnthropic
from tests.agents_fakes.openai_wire import FakeOpenAI
from tests.agents_fakes.server import (
    Answer,
    Failure,
    FakeModelServer,
    Malformed,
    Recorded,
    Stall,
)

__all__ = [
    "Answer",
    "Failure",
    "FakeAnthropic",
    "FakeModelServer",
    "FakeOpenAI",
    "Malformed",
    "Recorded",
    "Stall",
    "isolated_keyring",
]


@contextmanager
def isolated_keyring(folder: Path) -> Iterator[Any]:
    """Use a plain-text keyring file inside `folder` (never the user's keyring) for a while."""
    import keyring
    from keyrings.alt.file import PlaintextKeyring

    previous = keyring.get_keyring()
    ring = PlaintextKeyring()
    ring.file_path = str(folder / "keyring_pass.cfg")
    keyring.set_keyring(ring)
    try:
        yield ring
    finally:
        keyring.set_keyring(previous)

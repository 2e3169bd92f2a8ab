"""Model providers for the agents: OpenAI, Anthropic and OpenAI-compatible local servers.

Each turns the shared data model (desktop/agents/model.py) into its vendor's wire
format and back, through the vendor's SDK, imported on first use so that importing
this package costs nothing. `make_provider` builds the one the settings name (the
offline planner lives in desktop/agents/offline). Prices are in desktop/agents/costs.py.
"""

from __future__ import annotations

from desktop.agents.providers.keys import (
    DEFAULT_MODELS,
    find_api_key,
    make_provider,
    store_api_key,
)

__all__ = ["DEFAULT_MODELS", "find_api_key", "make_provider", "store_api_key"]

"""AI agents: LLM providers, the agent loop, approvals and the specialist agents."""

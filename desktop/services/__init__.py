"""Use cases per area over the unit of work; plain dataclasses in and out, no Qt."""

"""Pure Python building blocks: no Qt, no SQLAlchemy, no network."""

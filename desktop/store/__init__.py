"""The local store: SQLAlchemy 2 models, the SQLite engine, the unit of work."""

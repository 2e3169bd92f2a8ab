"""The action catalog: every user-level operation, once, for every surface."""

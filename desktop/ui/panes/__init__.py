"""The real panes of the main window, each built lazily on its first show (see `base.Pane`)."""

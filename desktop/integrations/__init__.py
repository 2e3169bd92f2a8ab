"""Connectors that speak real protocols: IMAP/SMTP, CalDAV, Google, Slack, Graph, GitHub."""

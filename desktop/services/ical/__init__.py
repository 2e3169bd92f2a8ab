"""iCalendar (RFC 5545) import and export: reading, mapping to rows, writing, the service."""

"""Natural-language entry: one deterministic parser for tasks and events.

``parse(text, now, zone)`` reads phrases such as "Call dentist tomorrow at 5pm !high
#health ~30m" or "Standup every weekday 9:30 for 15m" into a `Preview`: what was
understood, what was left as the title, and notes where a reading was a choice.
The grammar lives in small modules (fields, repeat, days, times); dateparser is
only a lazily imported fallback.
"""

from desktop.core.phrases.model import Preview
from desktop.core.phrases.parser import parse, parse_event, parse_task, read

__all__ = ["Preview", "parse", "parse_event", "parse_task", "read"]

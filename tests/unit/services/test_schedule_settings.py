"""Work hours and block rules changed in Preferences apply to the next plan at once."""

from __future__ import annotations

from desktop.config import SETTINGS_FILE, Settings
from desktop.services.container import Services


def test_the_schedule_reads_the_settings_on_every_use(services: Services) -> None:
    assert services.schedule.options.hours == "09:00-17:00"
    settings = Settings(services.store.path.parent / SETTINGS_FILE)
    settings.set("work.hours", "07:30-15:30")
    settings.set("schedule.buffer_minutes", 5)
    assert services.schedule.options.hours == "07:30-15:30"
    assert services.schedule.options.buffer_minutes == 5

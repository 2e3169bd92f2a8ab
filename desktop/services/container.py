"""All services over one opened store, built once by the composition roots (app, CLI)."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.config import SETTINGS_FILE, Settings
from desktop.services.base import ServiceContext
from desktop.services.calendar import CalendarService
from desktop.services.finance import FinanceService
from desktop.services.health import HealthService
from desktop.services.messages import MessageService
from desktop.services.notes import NoteService
from desktop.services.profile import ProfileService
from desktop.services.records import RecordService
from desktop.services.reminders import ReminderService
from desktop.services.schedule import ScheduleOptions, ScheduleService
from desktop.services.search import SearchService
from desktop.services.tasks import TaskService
from desktop.services.today import TodayService
from desktop.services.undo import UndoService
from desktop.store.profile import Store

if TYPE_CHECKING:
    from desktop.services.categorize import CategorizeService
    from desktop.services.category_rules import CategoryRuleService
    from desktop.services.finance_import import ImportService
    from desktop.services.finance_insight import FinanceInsightService
    from desktop.services.ical.service import IcalService


class Services:
    """The service of every area, sharing one context."""

    def __init__(
        self, store: Store, zone_override: str | None = None, settings_path: Path | None = None
    ) -> None:
        self.store = store
        self.ctx = ServiceContext(store, zone_override)
        # The profile's settings file (default: beside the database, as in a --data-dir profile).
        self.settings_path = settings_path or store.path.parent / SETTINGS_FILE

    @cached_property
    def tasks(self) -> TaskService:
        return TaskService(self.ctx)

    @cached_property
    def calendar(self) -> CalendarService:
        return CalendarService(self.ctx)

    @cached_property
    def notes(self) -> NoteService:
        return NoteService(self.ctx)

    @cached_property
    def finance(self) -> FinanceService:
        return FinanceService(self.ctx)

    @cached_property
    def category_rules(self) -> CategoryRuleService:
        # Imported on first use, like the other finance extras: start-up does not need them.
        from desktop.services.category_rules import CategoryRuleService

        return CategoryRuleService(self.ctx)

    @cached_property
    def categorize(self) -> CategorizeService:
        from desktop.services.categorize import CategorizeService

        return CategorizeService(self.ctx)

    @cached_property
    def finance_insight(self) -> FinanceInsightService:
        from desktop.services.finance_insight import FinanceInsightService

        return FinanceInsightService(self.ctx)

    @cached_property
    def messages(self) -> MessageService:
        return MessageService(self.ctx)

    @cached_property
    def search(self) -> SearchService:
        return SearchService(self.ctx)

    @cached_property
    def profile(self) -> ProfileService:
        return ProfileService(self.ctx)

    @cached_property
    def records(self) -> RecordService:
        return RecordService(self.ctx)

    @cached_property
    def health(self) -> HealthService:
        return HealthService(self.ctx, self.records)

    @cached_property
    def ical(self) -> IcalService:
        # Imported on first use: icalendar is slow to import and only import/export need it.
        from desktop.services.ical.service import IcalService

        return IcalService(self.ctx)

    @cached_property
    def imports(self) -> ImportService:
        # Imported on first use: statement parsing is only needed by imports.
        from desktop.services.finance_import import ImportService

        return ImportService(self.ctx)

    @cached_property
    def reminders(self) -> ReminderService:
        return ReminderService(self.ctx, self.calendar)

    @cached_property
    def today(self) -> TodayService:
        return TodayService(self.ctx)

    @cached_property
    def undo(self) -> UndoService:
        return UndoService(self.ctx)

    @property
    def schedule(self) -> ScheduleService:
        # Read the settings on every use: hours and rules changed in Preferences apply at once.
        settings = Settings(self.settings_path)
        return ScheduleService(self.ctx, ScheduleOptions.from_settings(settings))

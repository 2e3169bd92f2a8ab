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
    from desktop.services.account_register import AccountRegisterService
    from desktop.services.bills import BillService
    from desktop.services.categorize import CategorizeService
    from desktop.services.category_rules import CategoryRuleService
    from desktop.services.exchange_rates import ExchangeRateService
    from desktop.services.finance_alerts import FinanceAlertService
    from desktop.services.finance_import import ImportService
    from desktop.services.finance_insight import FinanceInsightService
    from desktop.services.ical.service import IcalService
    from desktop.services.reconcile import ReconcileService
    from desktop.services.splits import SplitService
    from desktop.services.transfers import TransferService
    from desktop.services.workflows import WorkflowService


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
    def finance_alerts(self) -> FinanceAlertService:
        from desktop.services.finance_alerts import FinanceAlertService

        return FinanceAlertService(self.ctx, self.finance_insight)

    @property
    def bills(self) -> BillService:
        # Read the settings on every use, like `schedule`: Preferences apply at once.
        from desktop.services.bills import BillService

        settings = Settings(self.settings_path)
        return BillService(
            self.ctx,
            days_ahead=settings.get("bills.days_ahead"),
            reminder_minutes=settings.get("bills.reminder_minutes"),
            insight=self.finance_insight,
        )

    # Transfers, splits, exchange rates, running balances, reconciliation (issue 9).
    @cached_property
    def transfers(self) -> TransferService:
        from desktop.services.transfers import TransferService

        return TransferService(self.ctx)

    @cached_property
    def splits(self) -> SplitService:
        from desktop.services.splits import SplitService

        return SplitService(self.ctx)

    @cached_property
    def exchange_rates(self) -> ExchangeRateService:
        from desktop.services.exchange_rates import ExchangeRateService

        return ExchangeRateService(self.ctx)

    @cached_property
    def account_register(self) -> AccountRegisterService:
        from desktop.services.account_register import AccountRegisterService

        return AccountRegisterService(self.ctx)

    @cached_property
    def reconcile(self) -> ReconcileService:
        from desktop.services.reconcile import ReconcileService

        return ReconcileService(self.ctx)

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
    def workflows(self) -> WorkflowService:
        # Imported on first use: the engine and its parsers are not needed at start-up.
        from desktop.services.workflows import WorkflowService

        return WorkflowService(self.ctx, self)

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

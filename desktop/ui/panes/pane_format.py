"""Small display helpers shared by the Today, Notes, Finance and Inbox panes."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel


def tr(text: str) -> str:
    return QCoreApplication.translate("panes", text)


def money(amount: Decimal, currency: str = "") -> str:
    """`-1234.5` as `-1,234.50`, with the currency code after it when given."""
    text = f"{amount:,.2f}"
    return f"{text} {currency}" if currency else text


def local(value: datetime, zone: ZoneInfo) -> datetime:
    """An instant in the user's zone (naive values are taken as UTC)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(zone)


def day_name(day: date, today: date) -> str:
    """`Today`, `Tomorrow`, `Yesterday`, or a short date like `Mon 2 Mar`."""
    if day == today:
        return tr("Today")
    if day == today + timedelta(days=1):
        return tr("Tomorrow")
    if day == today - timedelta(days=1):
        return tr("Yesterday")
    return f"{day:%a} {day.day} {day:%b}"


def when(value: date | datetime | None, zone: ZoneInfo, today: date) -> str:
    """A due date or an instant as the user reads it: `Today 09:30`, `Tomorrow`, `Mon 2 Mar`."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        moment = local(value, zone)
        return f"{day_name(moment.date(), today)} {moment:%H:%M}"
    return day_name(value, today)


def short_received(value: datetime, zone: ZoneInfo, today: date) -> str:
    """A message's time: the hour today, else the day (with the year when not this year)."""
    moment = local(value, zone)
    if moment.date() == today:
        return f"{moment:%H:%M}"
    if moment.year == today.year:
        return f"{moment.day} {moment:%b}"
    return f"{moment.day} {moment:%b %Y}"


def heading(text: str, scale: float = 1.15) -> QLabel:
    """A bold section heading label."""
    label = QLabel(text)
    font = QFont(label.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    return label

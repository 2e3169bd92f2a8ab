"""The Finance pane's charts (QtCharts): spending by category, and month over month."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QHBoxLayout, QWidget

from desktop.services.finance import MonthSummary
from desktop.ui.panes.finance_model import INCOME_COLOUR, SPENDING_COLOUR
from desktop.ui.panes.pane_format import money

PIE_SLICES = 6  # the largest categories; the rest are summed as "Other"


def top_categories(
    by_category: dict[str, Decimal], limit: int = PIE_SLICES
) -> list[tuple[str, Decimal]]:
    """The `limit - 1` largest categories and the rest summed as "Other" (or all if they fit)."""
    items = sorted(by_category.items(), key=lambda item: -item[1])
    if len(items) <= limit:
        return items
    head = items[: limit - 1]
    rest = sum((amount for _, amount in items[limit - 1 :]), Decimal(0))
    return [*head, ("Other", rest)]


def _chart(title: str, palette: QPalette) -> QChart:
    """A chart without its own background, in the widget palette's text colour."""
    chart = QChart()
    chart.setTitle(title)
    chart.setBackgroundVisible(False)
    text = palette.color(QPalette.ColorRole.WindowText)
    chart.setTitleBrush(text)
    chart.legend().setLabelColor(text)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setBackgroundRoundness(0)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
    return chart


def _month_name(month: str, short: bool = False) -> str:
    """`2026-03` as `March 2026` (or `Mar` when short)."""
    year, number = (int(part) for part in month.split("-"))
    first = date(year, number, 1)
    return f"{first:%b}" if short else f"{first:%B %Y}"


class FinanceCharts(QWidget):
    """Two charts side by side: the month's spending by category, and the last months.

    Signals:
        None.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pie_view = QChartView()
        self.pie_view.setAccessibleName(self.tr("Spending by category"))
        self.bars_view = QChartView()
        self.bars_view.setAccessibleName(self.tr("Spending and income month over month"))
        for view in (self.pie_view, self.bars_view):
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(220)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pie_view, 1)
        layout.addWidget(self.bars_view, 1)
        self.pie: QPieSeries | None = None
        self.spending: QBarSet | None = None
        self.income: QBarSet | None = None
        self.months: list[str] = []

    def show_month(self, summary: MonthSummary, history: Sequence[MonthSummary]) -> None:
        self._show_pie(summary)
        self._show_bars(history)

    def _show_pie(self, summary: MonthSummary) -> None:
        chart = _chart(
            self.tr("Spending by category, {month}").format(month=_month_name(summary.month)),
            self.palette(),
        )
        pie = QPieSeries()
        for name, amount in top_categories(summary.by_category):
            label = self.tr("Other") if name == "Other" else name
            part = pie.append(label, float(amount))
            part.setLabelVisible(False)
            part.setProperty("amount", money(amount, summary.currency))
            part.hovered.connect(lambda on, part=part: part.setLabelVisible(on))
        pie.setHoleSize(0.35)
        chart.addSeries(pie)
        if not summary.by_category:
            chart.setTitle(
                self.tr("No spending in {month}").format(month=_month_name(summary.month))
            )
            chart.legend().hide()
        old = self.pie_view.chart()
        self.pie_view.setChart(chart)
        if old is not None:
            old.deleteLater()
        self.pie = pie

    def _show_bars(self, history: Sequence[MonthSummary]) -> None:
        currency = history[-1].currency if history else ""
        chart = _chart(
            self.tr("Month over month ({currency})").format(currency=currency), self.palette()
        )
        spending = QBarSet(self.tr("Spending"))
        spending.setColor(QColor(SPENDING_COLOUR))
        income = QBarSet(self.tr("Income"))
        income.setColor(QColor(INCOME_COLOUR))
        self.months = [m.month for m in history]
        top = Decimal(1)
        for month in history:
            spending.append(float(month.expenses))
            income.append(float(month.income))
            top = max(top, month.expenses, month.income)
        series = QBarSeries()
        series.append(spending)
        series.append(income)
        chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        axis_x.append([_month_name(m, short=True) for m in self.months])
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_x)
        axis_y = QValueAxis()
        axis_y.setRange(0, float(top) * 1.1)
        axis_y.setLabelFormat("%.0f")
        axis_y.applyNiceNumbers()
        text = self.palette().color(QPalette.ColorRole.WindowText)
        axis_x.setLabelsColor(text)
        axis_y.setLabelsColor(text)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_y)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        old = self.bars_view.chart()
        self.bars_view.setChart(chart)
        if old is not None:
            old.deleteLater()
        self.spending, self.income = spending, income

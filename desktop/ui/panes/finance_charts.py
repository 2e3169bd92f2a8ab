"""The Finance pane's charts (QtCharts): spending by category; and month over month, the
income and spending of each month as bars with the balance at its end as a line."""

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
    QLineSeries,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import QHBoxLayout, QWidget

from desktop.services.finance import MonthSummary
from desktop.services.finance_history import MonthBalance
from desktop.ui.panes.finance_model import INCOME_COLOUR, SPENDING_COLOUR
from desktop.ui.panes.pane_format import money

BALANCE_COLOUR = "#2e86c1"
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
    """`2026-03` as `March 2026` (or `Mar 2026` when short)."""
    year, number = (int(part) for part in month.split("-"))
    first = date(year, number, 1)
    return f"{first:%b %Y}" if short else f"{first:%B %Y}"


def _month_labels(axis: QBarCategoryAxis, months: Sequence[str]) -> None:
    """Label consecutive months "Jul", "Aug", … in a font small enough for six of them in
    a third of the pane (a category axis elides what does not fit)."""
    axis.append([date(int(m[:4]), int(m[5:7]), 1).strftime("%b") for m in months])
    font = QFont(axis.labelsFont())
    font.setPointSizeF(max(6.5, font.pointSizeF() * 0.8))
    axis.setLabelsFont(font)


class FinanceCharts(QWidget):
    """Two charts side by side: the month's spending by category, and the last months'
    income and spending (bars, left axis) with the balance at each month's end (line,
    right axis).

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
        self.balance: QLineSeries | None = None
        self.spending: QBarSet | None = None
        self.income: QBarSet | None = None
        self.months: list[str] = []

    def show_month(
        self,
        summary: MonthSummary,
        history: Sequence[MonthSummary],
        balances: Sequence[MonthBalance] = (),
    ) -> None:
        self._show_pie(summary)
        self._show_bars(history, balances)

    def _add_balance(
        self, chart: QChart, axis_x: QBarCategoryAxis, balances: Sequence[MonthBalance]
    ) -> None:
        """The balance at each month's end as a line on its own axis, on the right."""
        line = QLineSeries()
        line.setName(self.tr("Balance"))
        line.setPointsVisible(True)
        line.setColor(QColor(BALANCE_COLOUR))
        values = [float(b.balance) for b in balances]
        for index, value in enumerate(values):
            line.append(index, value)
        chart.addSeries(line)
        line.attachAxis(axis_x)
        axis_y = QValueAxis()
        low, high = (min(values), max(values)) if values else (0.0, 1.0)
        spread = max(high - low, abs(high) * 0.05, 1.0)
        axis_y.setRange(low - spread * 0.1, high + spread * 0.1)
        axis_y.setLabelFormat("%.0f")
        axis_y.applyNiceNumbers()
        axis_y.setLabelsColor(QColor(BALANCE_COLOUR))
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignRight)
        line.attachAxis(axis_y)
        self.balance = line

    def _show_pie(self, summary: MonthSummary) -> None:
        chart = _chart(
            self.tr("Spending, {month}").format(month=_month_name(summary.month, short=True)),
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

    def _show_bars(
        self, history: Sequence[MonthSummary], balances: Sequence[MonthBalance] = ()
    ) -> None:
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
        _month_labels(axis_x, self.months)
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
        if balances:
            self._add_balance(chart, axis_x, balances)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        old = self.bars_view.chart()
        self.bars_view.setChart(chart)
        if old is not None:
            old.deleteLater()
        self.spending, self.income = spending, income

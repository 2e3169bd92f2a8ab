"""RRULEs read in words."""

from __future__ import annotations

import pytest

from desktop.core.rrule_text import describe_rrule


@pytest.mark.parametrize(
    ("rule", "words"),
    [
        ("FREQ=DAILY", "daily"),
        ("FREQ=DAILY;INTERVAL=3", "every 3 days"),
        ("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "every weekday"),
        ("RRULE:FREQ=WEEKLY;BYDAY=SA,SU", "every weekend day"),
        ("FREQ=WEEKLY;BYDAY=MO,WE", "every Monday, Wednesday"),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", "every 2 weeks on the Tuesday"),
        ("FREQ=MONTHLY;BYMONTHDAY=1", "monthly on the 1st"),
        ("FREQ=MONTHLY;BYMONTHDAY=-1", "monthly on the last day"),
        ("FREQ=MONTHLY;BYDAY=-1FR", "monthly on the last Friday"),
        ("FREQ=MONTHLY;BYDAY=2TU", "monthly on the second Tuesday"),
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "yearly on the 29th in February"),
        ("FREQ=DAILY;COUNT=5", "daily, 5 times"),
        ("FREQ=WEEKLY;UNTIL=20270301T000000Z", "weekly, until 2027-03-01"),
        ("FREQ=MONTHLY;BYMONTHDAY=22", "monthly on the 22nd"),
        ("FREQ=MONTHLY;BYMONTHDAY=13", "monthly on the 13th"),
    ],
)
def test_rules_in_words(rule: str, words: str) -> None:
    assert describe_rrule(rule) == words


def test_an_unknown_rule_is_shown_as_it_is() -> None:
    assert describe_rrule("FREQ=SECONDLY") == "FREQ=SECONDLY"
    assert describe_rrule("nonsense") == "nonsense"

"""The phrase parser, table-driven: 250+ phrases in three zones against a fixed now.

`NOW` is Wednesday 2026-03-04 10:00 UTC: 11:00 in Berlin, 05:00 in New York and
19:00 in Tokyo, so the same phrase can fall on different sides of "already past".
Daylight-saving edges: Berlin springs forward on 2026-03-29 and falls back on
2026-10-25; New York on 2026-03-08 and 2026-11-01; Tokyo has none.

Each row gives every non-empty field of the JSON preview (so a field that appears by
mistake fails too) and the beginnings of the notes, in order.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from desktop.core.phrases import Preview, parse, parse_event, parse_task, read

NOW = datetime(2026, 3, 4, 10, 0, tzinfo=UTC)
BERLIN = "Europe/Berlin"
NEW_YORK = "America/New_York"
TOKYO = "Asia/Tokyo"

TABLE: list[tuple[str, str, dict[str, Any], list[str]]] = [
    (
        BERLIN,
        "Call dentist tomorrow at 5pm !high #health ~30m",
        {
            "kind": "task",
            "title": "Call dentist",
            "due": "2026-03-05T17:00:00+01:00",
            "priority": "high",
            "tags": ["health"],
            "estimate_minutes": 30,
        },
        [],
    ),
    (
        BERLIN,
        "Submit report by Friday",
        {"kind": "task", "title": "Submit report", "due": "2026-03-06", "all_day": True},
        ["'Friday' read as Friday 6 Mar"],
    ),
    (
        BERLIN,
        "Water plants every 3 days",
        {
            "kind": "task",
            "title": "Water plants",
            "due": "2026-03-04",
            "all_day": True,
            "rrule": "FREQ=DAILY;INTERVAL=3",
        },
        [],
    ),
    (
        BERLIN,
        "Pay rent on the 1st of every month",
        {
            "kind": "task",
            "title": "Pay rent",
            "due": "2026-04-01",
            "all_day": True,
            "rrule": "FREQ=MONTHLY;BYMONTHDAY=1",
        },
        [],
    ),
    (
        BERLIN,
        "Review PR in 2 hours",
        {"kind": "task", "title": "Review PR", "due": "2026-03-04T13:00:00+01:00"},
        [],
    ),
    (BERLIN, "Buy milk", {"kind": "task", "title": "Buy milk"}, []),
    (
        BERLIN,
        "Buy milk today",
        {"kind": "task", "title": "Buy milk", "due": "2026-03-04", "all_day": True},
        [],
    ),
    (
        BERLIN,
        "Buy milk tomorrow",
        {"kind": "task", "title": "Buy milk", "due": "2026-03-05", "all_day": True},
        [],
    ),
    (
        BERLIN,
        "Buy milk tmrw",
        {"kind": "task", "title": "Buy milk", "due": "2026-03-05", "all_day": True},
        [],
    ),
    (
        BERLIN,
        "Call mom tonight",
        {"kind": "task", "title": "Call mom", "due": "2026-03-04T20:00:00+01:00"},
        [],
    ),
    (
        BERLIN,
        "Call mom this evening",
        {"kind": "task", "title": "Call mom", "due": "2026-03-04T19:00:00+01:00"},
        ["'this evening' read as 19:00"],
    ),
    (
        BERLIN,
        "Call mom tomorrow morning",
        {"kind": "task", "title": "Call mom", "due": "2026-03-05T09:00:00+01:00"},
        [],
    ),
    (
        BERLIN,
        "Call mom tomorrow afternoon",
        {"kind": "task", "title": "Call mom", "due": "2026-03-05T15:00:00+01:00"},
        [],
    ),
    (
        BERLIN,
        "Call mom tomorrow evening",
        {"kind": "task", "title": "Call mom", "due": "2026-03-05T19:00:00+01:00"},
        [],
    ),
    (
        BERLIN,
        "Email Bob the day after tomorrow",
        {"kind": "task", "title": "Email Bob", "due": "2026-03-06", "all_day": True},
        [],
    ),
    (
        BERLIN,
        "Email Bob on Monday",
        {"kind": "task", "title": "Email Bob", "due": "2026-03-09", "all_day": True},
        ["'Monday' read as Monday 9 Mar"],
    ),
    (
        BERLIN,
        "Email Bob on mon",
        {"kind": "task", "title": "Email Bob", "due": "2026-03-09", "all_day": True},
        ["'mon' read as Monday 9 Mar"],
    ),
    (
        BERLIN,
        "Email Bob tue",
        {"kind": "task", "title": "Email Bob", "due": "2026-03-10", "all_day": True},
        ["'tue' read as Tuesday 10 Mar"],
    ),
    (
        BERLIN,
        "Email Bob on wed",
        {"kind": "task", "title": "Email Bob", "due": "2026-03-11", "all_day": True},
        ["'wed' read as Wednesday 11 Mar"],
    ),
    (
        BERLIN,
        "Email Bob thursday",
        {"kind": "task", "title": "Email Bob", "due": "2026-03-05", "all_day": True},
        ["'thursday' read as Thursday 5 Ma"],
    ),
    (
        BERLIN,
        "Email Bob this friday",
        {"kind": "task", "title": "Email Bob", "due": "2026-03-06", "all_day": True},
        ["'this friday' read as Friday 6 M"],
    ),
    (
        BERLIN,
        "Email Bob next friday",
        {"kind": "task", "title": "Email Bob", "due": "2026-03-06", "all_day": True},
        ["'next friday' read as Friday 6 M"],
    ),
    (
        BERLIN,
        "Email Bob friday next week",
        {"kind": "task", "title": "Email Bob", "due": "2026-03-13", "all_day": True},
        ["'friday next week' read as Frida"],
    ),
    (
        BERLIN,
        "Email Bob friday after next",
        {"kind": "task", "title": "Email Bob", "due": "2026-03-13", "all_day": True},
        ["'friday after next' read as Frid"],
    ),
    (
        BERLIN,
        "Email Bob next week on tuesday",
        {"kind": "task", "title": "Email Bob", "due": "2026-03-10", "all_day": True},
        ["'next week on tuesday' read as T"],
    ),
    (
        BERLIN,
        "Email Bob on Saturday",
        {"kind": "task", "title": "Email Bob", "due": "2026-03-07", "all_day": True},
        ["'Saturday' read as Saturday 7 Ma"],
    ),
    (
        BERLIN,
        "Email Bob on sat",
        {"kind": "task", "title": "Email Bob", "due": "2026-03-07", "all_day": True},
        ["'sat' read as Saturday 7 Mar"],
    ),
    (
        BERLIN,
        "Email Bob sunday 10am",
        {"kind": "task", "title": "Email Bob", "due": "2026-03-08T10:00:00+01:00"},
        ["'sunday' read as Sunday 8 Mar"],
    ),
    (BERLIN, "Enjoy the sun", {"kind": "task", "title": "Enjoy the sun"}, []),
    (
        BERLIN,
        "Read the news at 7",
        {"kind": "task", "title": "Read the news", "due": "2026-03-05T07:00:00+01:00"},
        ["'at 7' read as 07:00 (say 7pm fo", "'at 7' read as tomorrow, Thursda"],
    ),
    (
        BERLIN,
        "Go to the gym at 6",
        {"kind": "task", "title": "Go to the gym", "due": "2026-03-04T18:00:00+01:00"},
        ["'at 6' read as 18:00 (say 6am fo"],
    ),
    (
        BERLIN,
        "Go to the gym at 6am",
        {"kind": "task", "title": "Go to the gym", "due": "2026-03-05T06:00:00+01:00"},
        ["'at 6am' read as tomorrow, Thurs"],
    ),
    (
        BERLIN,
        "Lunch at noon",
        {"kind": "task", "title": "Lunch", "due": "2026-03-04T12:00:00+01:00"},
        [],
    ),
    (
        BERLIN,
        "Lunch at 12:30",
        {"kind": "task", "title": "Lunch", "due": "2026-03-04T12:30:00+01:00"},
        [],
    ),
    (
        BERLIN,
        "Lunch at 12:30pm",
        {"kind": "task", "title": "Lunch", "due": "2026-03-04T12:30:00+01:00"},
        [],
    ),
    (
        BERLIN,
        "Call at 9:15am",
        {"kind": "task", "title": "Call", "due": "2026-03-05T09:15:00+01:00"},
        ["'at 9:15am' read as tomorrow, Th"],
    ),
    (
        BERLIN,
        "Call at 21:45",
        {"kind": "task", "title": "Call", "due": "2026-03-04T21:45:00+01:00"},
        [],
    ),
    (
        BERLIN,
        "Meet at 5 o'clock",
        {"kind": "task", "title": "Meet", "due": "2026-03-04T17:00:00+01:00"},
        ["'at 5 o'clock' read as 17:00 (sa"],
    ),
    (
        BERLIN,
        "Pay taxes by April 15th",
        {"kind": "task", "title": "Pay taxes", "due": "2026-04-15", "all_day": True},
        [],
    ),
    (
        BERLIN,
        "Pay taxes by April 15, 2027",
        {"kind": "task", "title": "Pay taxes", "due": "2027-04-15", "all_day": True},
        [],
    ),
    (
        BERLIN,
        "Pay taxes on 15 April",
        {"kind": "task", "title": "Pay taxes", "due": "2026-04-15", "all_day": True},
        [],
    ),
    (
        BERLIN,
        "Pay taxes on the 15th of April",
        {"kind": "task", "title": "Pay taxes", "due": "2026-04-15", "all_day": True},
        [],
    ),
    (
        BERLIN,
        "Pay taxes on 2026-04-15",
        {"kind": "task", "title": "Pay taxes", "due": "2026-04-15", "all_day": True},
        [],
    ),
    (
        BERLIN,
        "File taxes due 2026-04-15T09:00",
        {"kind": "task", "title": "File taxes", "due": "2026-04-15T09:00:00+02:00"},
        [],
    ),
    (
        BERLIN,
        "Renew passport March 3",
        {"kind": "task", "title": "Renew passport", "due": "2027-03-03", "all_day": True},
        ["'March 3' read as Wednesday 3 Ma"],
    ),
    (
        BERLIN,
        "Renew passport on 3/10",
        {"kind": "task", "title": "Renew passport", "due": "2026-10-03", "all_day": True},
        ["'3/10' read as Saturday 3 Oct (d"],
    ),
    (
        BERLIN,
        "Renew passport on 3/10/2026",
        {"kind": "task", "title": "Renew passport", "due": "2026-10-03", "all_day": True},
        ["'3/10/2026' read as Saturday 3 O"],
    ),
    (
        BERLIN,
        "Renew passport on 10.3.",
        {"kind": "task", "title": "Renew passport", "due": "2026-03-10", "all_day": True},
        [],
    ),
    (
        BERLIN,
        "Renew passport on 10.3.2027",
        {"kind": "task", "title": "Renew passport", "due": "2027-03-10", "all_day": True},
        [],
    ),
    (
        BERLIN,
        "Renew passport on the 20th",
        {"kind": "task", "title": "Renew passport", "due": "2026-03-20", "all_day": True},
        [],
    ),
    (
        BERLIN,
        "Renew passport on the 2nd",
        {"kind": "task", "title": "Renew passport", "due": "2026-04-02", "all_day": True},
        ["'the 2nd' read as Thursday 2 Apr"],
    ),
    (
        BERLIN,
        "Book flights in 3 days",
        {"kind": "task", "title": "Book flights", "due": "2026-03-07", "all_day": True},
        [],
    ),
    (
        BERLIN,
        "Book flights in a week",
        {"kind": "task", "title": "Book flights", "due": "2026-03-11", "all_day": True},
        [],
    ),
    (
        BERLIN,
        "Book flights in 2 weeks",
        {"kind": "task", "title": "Book flights", "due": "2026-03-18", "all_day": True},
        [],
    ),
    (
        BERLIN,
        "Book flights in a fortnight",
        {"kind": "task", "title": "Book flights", "due": "2026-03-18", "all_day": True},
        [],
    ),
    (
        BERLIN,
        "Book flights in 2 months",
        {"kind": "task", "title": "Book flights", "due": "2026-05-04", "all_day": True},
        [],
    ),
    (
        BERLIN,
        "Book flights 3 days from now",
        {"kind": "task", "title": "Book flights", "due": "2026-03-07", "all_day": True},
        [],
    ),
    (
        BERLIN,
        "Review PR in 30 minutes",
        {"kind": "task", "title": "Review PR", "due": "2026-03-04T11:30:00+01:00"},
        [],
    ),
    (
        BERLIN,
        "Review PR in half an hour",
        {"kind": "task", "title": "Review PR", "due": "2026-03-04T11:30:00+01:00"},
        [],
    ),
    (
        BERLIN,
        "Review PR in an hour",
        {"kind": "task", "title": "Review PR", "due": "2026-03-04T12:00:00+01:00"},
        [],
    ),
    (
        BERLIN,
        "Review PR in 1h30m",
        {"kind": "task", "title": "Review PR", "due": "2026-03-04T12:30:00+01:00"},
        [],
    ),
    (
        BERLIN,
        "Review PR 2 hours from now",
        {"kind": "task", "title": "Review PR", "due": "2026-03-04T13:00:00+01:00"},
        [],
    ),
    (
        BERLIN,
        "Clean desk next week",
        {"kind": "task", "title": "Clean desk", "due": "2026-03-09", "all_day": True},
        ["'next week' read as Monday 9 Mar"],
    ),
    (
        BERLIN,
        "Clean desk next month",
        {"kind": "task", "title": "Clean desk", "due": "2026-04-01", "all_day": True},
        ["'next month' read as Wednesday 1"],
    ),
    (
        BERLIN,
        "Clean desk this weekend",
        {"kind": "task", "title": "Clean desk", "due": "2026-03-07", "all_day": True},
        [],
    ),
    (
        BERLIN,
        "Clean desk next weekend",
        {"kind": "task", "title": "Clean desk", "due": "2026-03-14", "all_day": True},
        ["'next weekend' read as Saturday "],
    ),
    (
        BERLIN,
        "Clean desk end of month",
        {"kind": "task", "title": "Clean desk", "due": "2026-03-31", "all_day": True},
        ["'end of month' read as Tuesday 3"],
    ),
    (
        BERLIN,
        "Clean desk end of the week",
        {"kind": "task", "title": "Clean desk", "due": "2026-03-06", "all_day": True},
        ["'end of the week' read as Friday"],
    ),
    (
        BERLIN,
        "Clean desk eow",
        {"kind": "task", "title": "Clean desk", "due": "2026-03-06", "all_day": True},
        ["'eow' read as Friday 6 Mar"],
    ),
    (
        BERLIN,
        "Water plants every day",
        {
            "kind": "task",
            "title": "Water plants",
            "due": "2026-03-04",
            "all_day": True,
            "rrule": "FREQ=DAILY",
        },
        [],
    ),
    (
        BERLIN,
        "Water plants daily at 8am",
        {
            "kind": "task",
            "title": "Water plants",
            "due": "2026-03-05T08:00:00+01:00",
            "rrule": "FREQ=DAILY",
        },
        [],
    ),
    (
        BERLIN,
        "Water plants every other day",
        {
            "kind": "task",
            "title": "Water plants",
            "due": "2026-03-04",
            "all_day": True,
            "rrule": "FREQ=DAILY;INTERVAL=2",
        },
        [],
    ),
    (
        BERLIN,
        "Water plants every 2 weeks",
        {
            "kind": "task",
            "title": "Water plants",
            "due": "2026-03-04",
            "all_day": True,
            "rrule": "FREQ=WEEKLY;INTERVAL=2",
        },
        [],
    ),
    (
        BERLIN,
        "Water plants weekly",
        {
            "kind": "task",
            "title": "Water plants",
            "due": "2026-03-04",
            "all_day": True,
            "rrule": "FREQ=WEEKLY",
        },
        [],
    ),
    (
        BERLIN,
        "Water plants biweekly",
        {
            "kind": "task",
            "title": "Water plants",
            "due": "2026-03-04",
            "all_day": True,
            "rrule": "FREQ=WEEKLY;INTERVAL=2",
        },
        [],
    ),
    (
        BERLIN,
        "Water plants every week on monday",
        {
            "kind": "task",
            "title": "Water plants",
            "due": "2026-03-09",
            "all_day": True,
            "rrule": "FREQ=WEEKLY;BYDAY=MO",
        },
        ["'monday' read as Monday 9 Mar"],
    ),
    (
        BERLIN,
        "Gym every mon, wed and fri at 7am",
        {
            "kind": "task",
            "title": "Gym",
            "due": "2026-03-06T07:00:00+01:00",
            "rrule": "FREQ=WEEKLY;BYDAY=MO,WE,FR",
        },
        [],
    ),
    (
        BERLIN,
        "Gym every tuesday and thursday",
        {
            "kind": "task",
            "title": "Gym",
            "due": "2026-03-05",
            "all_day": True,
            "rrule": "FREQ=WEEKLY;BYDAY=TU,TH",
        },
        [],
    ),
    (
        BERLIN,
        "Gym on mondays and wednesdays",
        {
            "kind": "task",
            "title": "Gym",
            "due": "2026-03-04",
            "all_day": True,
            "rrule": "FREQ=WEEKLY;BYDAY=MO,WE",
        },
        [],
    ),
    (
        BERLIN,
        "Gym every weekday at 6:30",
        {
            "kind": "task",
            "title": "Gym",
            "due": "2026-03-04T18:30:00+01:00",
            "rrule": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
        },
        ["'at 6:30' read as 18:30 (say 6:3"],
    ),
    (
        BERLIN,
        "Gym on weekdays",
        {
            "kind": "task",
            "title": "Gym",
            "due": "2026-03-04",
            "all_day": True,
            "rrule": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
        },
        [],
    ),
    (
        BERLIN,
        "Gym every weekend",
        {
            "kind": "task",
            "title": "Gym",
            "due": "2026-03-07",
            "all_day": True,
            "rrule": "FREQ=WEEKLY;BYDAY=SA,SU",
        },
        [],
    ),
    (
        BERLIN,
        "Team sync every last friday of the month at 3pm",
        {
            "kind": "task",
            "title": "Team sync",
            "due": "2026-03-27T15:00:00+01:00",
            "rrule": "FREQ=MONTHLY;BYDAY=-1FR",
        },
        [],
    ),
    (
        BERLIN,
        "Team sync on the first monday of every month",
        {
            "kind": "task",
            "title": "Team sync",
            "due": "2026-04-06",
            "all_day": True,
            "rrule": "FREQ=MONTHLY;BYDAY=1MO",
        },
        [],
    ),
    (
        BERLIN,
        "Team sync every 2nd tuesday",
        {
            "kind": "task",
            "title": "Team sync",
            "due": "2026-03-10",
            "all_day": True,
            "rrule": "FREQ=MONTHLY;BYDAY=2TU",
        },
        [],
    ),
    (
        BERLIN,
        "Pay rent monthly on the 1st",
        {
            "kind": "task",
            "title": "Pay rent",
            "due": "2026-04-01",
            "all_day": True,
            "rrule": "FREQ=MONTHLY;BYMONTHDAY=1",
        },
        [],
    ),
    (
        BERLIN,
        "Pay rent every month on the 15th",
        {
            "kind": "task",
            "title": "Pay rent",
            "due": "2026-03-15",
            "all_day": True,
            "rrule": "FREQ=MONTHLY;BYMONTHDAY=15",
        },
        [],
    ),
    (
        BERLIN,
        "Pay rent on the last day of every month",
        {
            "kind": "task",
            "title": "Pay rent",
            "due": "2026-03-31",
            "all_day": True,
            "rrule": "FREQ=MONTHLY;BYMONTHDAY=-1",
        },
        [],
    ),
    (
        BERLIN,
        "Pay rent every month",
        {
            "kind": "task",
            "title": "Pay rent",
            "due": "2026-03-04",
            "all_day": True,
            "rrule": "FREQ=MONTHLY",
        },
        [],
    ),
    (
        BERLIN,
        "Birthday every March 3",
        {
            "kind": "task",
            "title": "Birthday",
            "due": "2027-03-03",
            "all_day": True,
            "rrule": "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=3",
        },
        [],
    ),
    (
        BERLIN,
        "Birthday every year on December 24",
        {
            "kind": "task",
            "title": "Birthday",
            "due": "2026-12-24",
            "all_day": True,
            "rrule": "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=24",
        },
        [],
    ),
    (
        BERLIN,
        "Insurance yearly",
        {
            "kind": "task",
            "title": "Insurance",
            "due": "2026-03-04",
            "all_day": True,
            "rrule": "FREQ=YEARLY",
        },
        [],
    ),
    (
        BERLIN,
        "Backup every day at 02:30 until March 31",
        {
            "kind": "task",
            "title": "Backup",
            "due": "2026-03-05T02:30:00+01:00",
            "rrule": "FREQ=DAILY;UNTIL=20260331T215959Z",
        },
        [],
    ),
    (
        BERLIN,
        "Backup every day until 2026-03-20",
        {
            "kind": "task",
            "title": "Backup",
            "due": "2026-03-04",
            "all_day": True,
            "rrule": "FREQ=DAILY;UNTIL=20260320",
        },
        [],
    ),
    (
        BERLIN,
        "Backup daily 5 times",
        {
            "kind": "task",
            "title": "Backup",
            "due": "2026-03-04",
            "all_day": True,
            "rrule": "FREQ=DAILY;COUNT=5",
        },
        [],
    ),
    (
        BERLIN,
        "Backup every week for 10 times",
        {
            "kind": "task",
            "title": "Backup",
            "due": "2026-03-04",
            "all_day": True,
            "rrule": "FREQ=WEEKLY;COUNT=10",
        },
        [],
    ),
    (
        BERLIN,
        "Yoga every morning",
        {
            "kind": "task",
            "title": "Yoga",
            "due": "2026-03-05T09:00:00+01:00",
            "rrule": "FREQ=DAILY",
        },
        [],
    ),
    (
        BERLIN,
        "Yoga every evening",
        {
            "kind": "task",
            "title": "Yoga",
            "due": "2026-03-04T19:00:00+01:00",
            "rrule": "FREQ=DAILY",
        },
        [],
    ),
    (
        BERLIN,
        "Meds every 8 hours",
        {
            "kind": "task",
            "title": "Meds",
            "due": "2026-03-04T12:00:00+01:00",
            "rrule": "FREQ=HOURLY;INTERVAL=8",
        },
        [],
    ),
    (
        BERLIN,
        "Stretch hourly",
        {
            "kind": "task",
            "title": "Stretch",
            "due": "2026-03-04T12:00:00+01:00",
            "rrule": "FREQ=HOURLY",
        },
        [],
    ),
    (
        BERLIN,
        "Write blog post ~1h30m +blog #writing !low",
        {
            "kind": "task",
            "title": "Write blog post",
            "priority": "low",
            "tags": ["writing"],
            "estimate_minutes": 90,
            "project": "blog",
        },
        [],
    ),
    (
        BERLIN,
        "Fix bug #work #urgent !urgent",
        {"kind": "task", "title": "Fix bug", "priority": "urgent", "tags": ["work", "urgent"]},
        [],
    ),
    (BERLIN, "Fix bug !medium", {"kind": "task", "title": "Fix bug", "priority": "medium"}, []),
    (BERLIN, "Fix bug !!", {"kind": "task", "title": "Fix bug", "priority": "high"}, []),
    (
        BERLIN,
        "Fix bug !maybe",
        {"kind": "task", "title": "Fix bug !maybe"},
        ["'!maybe' is not a priority (use "],
    ),
    (
        BERLIN,
        "Plan sprint ~2h +atrium",
        {"kind": "task", "title": "Plan sprint", "estimate_minutes": 120, "project": "atrium"},
        [],
    ),
    (
        BERLIN,
        "Plan sprint ~45m",
        {"kind": "task", "title": "Plan sprint", "estimate_minutes": 45},
        [],
    ),
    (
        BERLIN,
        "Plan sprint ~ 1.5h",
        {"kind": "task", "title": "Plan sprint", "estimate_minutes": 90},
        [],
    ),
    (
        BERLIN,
        "Read #books/fiction tonight",
        {
            "kind": "task",
            "title": "Read",
            "due": "2026-03-04T20:00:00+01:00",
            "tags": ["books/fiction"],
        },
        [],
    ),
    (
        BERLIN,
        'Learn c++ "quoted" o\'brien',
        {"kind": "task", "title": 'Learn c++ "quoted" o\'brien'},
        [],
    ),
    (
        BERLIN,
        'Email "next friday" to Ann',
        {"kind": "task", "title": 'Email "next friday" to Ann'},
        [],
    ),
    (
        BERLIN,
        "Check https://example.com/page?at=5pm tomorrow",
        {
            "kind": "task",
            "title": "Check https://example.com/page?at=5pm",
            "due": "2026-03-05",
            "all_day": True,
        },
        [],
    ),
    (
        BERLIN,
        "Lunch with Ann fri 1pm-2pm at Cafe Luna",
        {
            "kind": "event",
            "title": "Lunch with Ann",
            "start": "2026-03-06T13:00:00+01:00",
            "end": "2026-03-06T14:00:00+01:00",
            "location": "Cafe Luna",
        },
        ["'fri' read as Friday 6 Mar"],
    ),
    (
        BERLIN,
        "Standup every weekday 9:30 for 15m",
        {
            "kind": "event",
            "title": "Standup",
            "start": "2026-03-05T09:30:00+01:00",
            "end": "2026-03-05T09:45:00+01:00",
            "rrule": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
        },
        [],
    ),
    (
        BERLIN,
        "Dentist on March 3 at 10",
        {"kind": "task", "title": "Dentist", "due": "2027-03-03T10:00:00+01:00"},
        ["'March 3' read as Wednesday 3 Ma", "'at 10' read as 10:00 (say 10pm "],
    ),
    (
        BERLIN,
        "Team offsite next Monday to Wednesday",
        {
            "kind": "event",
            "title": "Team offsite",
            "start": "2026-03-09",
            "end": "2026-03-11",
            "all_day": True,
        },
        ["'next Monday' read as Monday 9 M"],
    ),
    (
        BERLIN,
        "Call with bob@example.com tomorrow 4pm",
        {
            "kind": "event",
            "title": "Call with bob@example.com",
            "start": "2026-03-05T16:00:00+01:00",
            "end": "2026-03-05T17:00:00+01:00",
            "attendees": ["bob@example.com"],
        },
        [],
    ),
    (
        BERLIN,
        "Workshop tomorrow 9am to 5pm",
        {
            "kind": "event",
            "title": "Workshop",
            "start": "2026-03-05T09:00:00+01:00",
            "end": "2026-03-05T17:00:00+01:00",
        },
        [],
    ),
    (
        BERLIN,
        "Workshop tomorrow from 9 to 11",
        {
            "kind": "event",
            "title": "Workshop",
            "start": "2026-03-05T09:00:00+01:00",
            "end": "2026-03-05T11:00:00+01:00",
        },
        [],
    ),
    (
        BERLIN,
        "Workshop tomorrow 9:00-12:30",
        {
            "kind": "event",
            "title": "Workshop",
            "start": "2026-03-05T09:00:00+01:00",
            "end": "2026-03-05T12:30:00+01:00",
        },
        [],
    ),
    (
        BERLIN,
        "Workshop tomorrow 10-11am",
        {
            "kind": "event",
            "title": "Workshop",
            "start": "2026-03-05T10:00:00+01:00",
            "end": "2026-03-05T11:00:00+01:00",
        },
        [],
    ),
    (
        BERLIN,
        "Workshop tomorrow 11-1pm",
        {
            "kind": "event",
            "title": "Workshop",
            "start": "2026-03-05T11:00:00+01:00",
            "end": "2026-03-05T13:00:00+01:00",
        },
        [],
    ),
    (
        BERLIN,
        "Workshop tomorrow between 2 and 4pm",
        {
            "kind": "event",
            "title": "Workshop",
            "start": "2026-03-05T14:00:00+01:00",
            "end": "2026-03-05T16:00:00+01:00",
        },
        [],
    ),
    (
        BERLIN,
        "Party saturday 8pm-1am",
        {
            "kind": "event",
            "title": "Party",
            "start": "2026-03-07T20:00:00+01:00",
            "end": "2026-03-08T01:00:00+01:00",
        },
        ["'saturday' read as Saturday 7 Ma", "it ends the next day, at 01:00"],
    ),
    (
        BERLIN,
        "Trip March 10-12",
        {
            "kind": "event",
            "title": "Trip",
            "start": "2026-03-10",
            "end": "2026-03-12",
            "all_day": True,
        },
        [],
    ),
    (
        BERLIN,
        "Trip from March 10 to March 12",
        {
            "kind": "event",
            "title": "Trip",
            "start": "2026-03-10",
            "end": "2026-03-12",
            "all_day": True,
        },
        [],
    ),
    (
        BERLIN,
        "Trip March 10 to 14",
        {
            "kind": "event",
            "title": "Trip",
            "start": "2026-03-10",
            "end": "2026-03-14",
            "all_day": True,
        },
        [],
    ),
    (
        BERLIN,
        "Conference May 4 - May 6",
        {
            "kind": "event",
            "title": "Conference",
            "start": "2026-05-04",
            "end": "2026-05-06",
            "all_day": True,
        },
        [],
    ),
    (
        BERLIN,
        "Vacation Monday to Friday",
        {
            "kind": "event",
            "title": "Vacation",
            "start": "2026-03-09",
            "end": "2026-03-13",
            "all_day": True,
        },
        ["'Monday' read as Monday 9 Mar"],
    ),
    (
        BERLIN,
        "Vacation from mon to wed",
        {
            "kind": "event",
            "title": "Vacation",
            "start": "2026-03-09",
            "end": "2026-03-11",
            "all_day": True,
        },
        ["'mon' read as Monday 9 Mar"],
    ),
    (
        BERLIN,
        "Holiday on 2026-12-24",
        {"kind": "task", "title": "Holiday", "due": "2026-12-24", "all_day": True},
        [],
    ),
    (
        BERLIN,
        "Holiday December 24 for 3 days",
        {
            "kind": "event",
            "title": "Holiday",
            "start": "2026-12-24",
            "end": "2026-12-26",
            "all_day": True,
        },
        [],
    ),
    (
        BERLIN,
        "Meeting tomorrow 3pm for 2 hours",
        {
            "kind": "event",
            "title": "Meeting",
            "start": "2026-03-05T15:00:00+01:00",
            "end": "2026-03-05T17:00:00+01:00",
        },
        [],
    ),
    (
        BERLIN,
        "Meeting tomorrow 3pm for 90 minutes",
        {
            "kind": "event",
            "title": "Meeting",
            "start": "2026-03-05T15:00:00+01:00",
            "end": "2026-03-05T16:30:00+01:00",
        },
        [],
    ),
    (
        BERLIN,
        "Meeting tomorrow at 3 for an hour",
        {
            "kind": "event",
            "title": "Meeting",
            "start": "2026-03-05T15:00:00+01:00",
            "end": "2026-03-05T16:00:00+01:00",
        },
        ["'at 3' read as 15:00 (say 3am fo"],
    ),
    (
        BERLIN,
        "Meeting tomorrow at 10 for 1h30m",
        {
            "kind": "event",
            "title": "Meeting",
            "start": "2026-03-05T10:00:00+01:00",
            "end": "2026-03-05T11:30:00+01:00",
        },
        ["'at 10' read as 10:00 (say 10pm "],
    ),
    (
        BERLIN,
        "Meeting at Room 4 tomorrow 10am",
        {
            "kind": "event",
            "title": "Meeting",
            "start": "2026-03-05T10:00:00+01:00",
            "end": "2026-03-05T11:00:00+01:00",
            "location": "Room 4",
        },
        [],
    ),
    (
        BERLIN,
        "Coffee @ Blue Bottle tomorrow 8am",
        {
            "kind": "event",
            "title": "Coffee",
            "start": "2026-03-05T08:00:00+01:00",
            "end": "2026-03-05T09:00:00+01:00",
            "location": "Blue Bottle",
        },
        [],
    ),
    (
        BERLIN,
        "Dinner at Luigi's friday 7pm with ann@example.com and bob@example.com",
        {
            "kind": "event",
            "title": "Dinner with ann@example.com and bob@example.com",
            "start": "2026-03-06T19:00:00+01:00",
            "end": "2026-03-06T20:00:00+01:00",
            "location": "Luigi's",
            "attendees": ["ann@example.com", "bob@example.com"],
        },
        ["'friday' read as Friday 6 Mar"],
    ),
    (
        BERLIN,
        "Sprint review every 2 weeks on friday at 3pm",
        {
            "kind": "task",
            "title": "Sprint review",
            "due": "2026-03-06T15:00:00+01:00",
            "rrule": "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR",
        },
        ["'friday' read as Friday 6 Mar"],
    ),
    (
        BERLIN,
        "Board meeting on the last friday of every month at 10am for 2 hours",
        {
            "kind": "event",
            "title": "Board meeting",
            "start": "2026-03-27T10:00:00+01:00",
            "end": "2026-03-27T12:00:00+01:00",
            "rrule": "FREQ=MONTHLY;BYDAY=-1FR",
        },
        [],
    ),
    (
        BERLIN,
        "Retro every other wednesday 4pm-5pm",
        {
            "kind": "event",
            "title": "Retro",
            "start": "2026-03-04T16:00:00+01:00",
            "end": "2026-03-04T17:00:00+01:00",
            "rrule": "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE",
        },
        [],
    ),
    (
        BERLIN,
        "Night shift tomorrow 10pm-6am",
        {
            "kind": "event",
            "title": "Night shift",
            "start": "2026-03-05T22:00:00+01:00",
            "end": "2026-03-06T06:00:00+01:00",
        },
        ["it ends the next day, at 06:00"],
    ),
    (
        BERLIN,
        "Flight on 2026-03-29 at 02:30",
        {"kind": "task", "title": "Flight", "due": "2026-03-29T03:30:00+02:00"},
        ["02:30 does not exist on 2026-03-"],
    ),
    (
        BERLIN,
        "Flight on 2026-10-25 at 02:30",
        {"kind": "task", "title": "Flight", "due": "2026-10-25T02:30:00+02:00"},
        ["02:30 happens twice on 2026-10-2"],
    ),
    (
        BERLIN,
        "Flight on March 8 at 2:30am",
        {"kind": "task", "title": "Flight", "due": "2026-03-08T02:30:00+01:00"},
        [],
    ),
    (
        BERLIN,
        "Flight on Nov 1 at 1:30am",
        {"kind": "task", "title": "Flight", "due": "2026-11-01T01:30:00+01:00"},
        [],
    ),
    (
        BERLIN,
        "Call at 7 in the evening",
        {"kind": "task", "title": "Call", "due": "2026-03-04T19:00:00+01:00"},
        [],
    ),
    (
        BERLIN,
        "Call this afternoon",
        {"kind": "task", "title": "Call", "due": "2026-03-04T15:00:00+01:00"},
        ["'this afternoon' read as 15:00"],
    ),
    (
        BERLIN,
        "Call tomorrow at midnight",
        {"kind": "task", "title": "Call", "due": "2026-03-05T00:00:00+01:00"},
        [],
    ),
    (
        BERLIN,
        "Submit form by 5pm",
        {"kind": "task", "title": "Submit form", "due": "2026-03-04T17:00:00+01:00"},
        [],
    ),
    (
        BERLIN,
        "Submit form before friday",
        {"kind": "task", "title": "Submit form", "due": "2026-03-06", "all_day": True},
        ["'friday' read as Friday 6 Mar"],
    ),
    (
        BERLIN,
        "Ship it due friday",
        {"kind": "task", "title": "Ship it", "due": "2026-03-06", "all_day": True},
        ["'friday' read as Friday 6 Mar"],
    ),
    (
        BERLIN,
        "Prepare slides for monday",
        {"kind": "task", "title": "Prepare slides", "due": "2026-03-09", "all_day": True},
        ["'monday' read as Monday 9 Mar"],
    ),
    (BERLIN, "Dentist 3/5", {"kind": "task", "title": "Dentist 3/5"}, []),
    (
        BERLIN,
        "Call Ann at 5 tomorrow",
        {"kind": "task", "title": "Call Ann", "due": "2026-03-05T17:00:00+01:00"},
        ["'at 5' read as 17:00 (say 5am fo"],
    ),
    (
        BERLIN,
        "Meeting at 3pm on friday",
        {"kind": "task", "title": "Meeting", "due": "2026-03-06T15:00:00+01:00"},
        ["'friday' read as Friday 6 Mar"],
    ),
    (
        BERLIN,
        "Dinner 7pm friday",
        {"kind": "task", "title": "Dinner", "due": "2026-03-06T19:00:00+01:00"},
        ["'friday' read as Friday 6 Mar"],
    ),
    (
        BERLIN,
        "Pay bills on the 5th at 9am",
        {"kind": "task", "title": "Pay bills", "due": "2026-03-05T09:00:00+01:00"},
        [],
    ),
    (
        BERLIN,
        "Flight Mon 6am",
        {"kind": "task", "title": "Flight", "due": "2026-03-09T06:00:00+01:00"},
        ["'Mon' read as Monday 9 Mar"],
    ),
    (
        BERLIN,
        "Standup weekdays at 9",
        {
            "kind": "task",
            "title": "Standup",
            "due": "2026-03-05T09:00:00+01:00",
            "rrule": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
        },
        ["'at 9' read as 09:00 (say 9pm fo"],
    ),
    (
        BERLIN,
        "Meeting on Friday at 3pm at Room 101",
        {
            "kind": "event",
            "title": "Meeting",
            "start": "2026-03-06T15:00:00+01:00",
            "end": "2026-03-06T16:00:00+01:00",
            "location": "Room 101",
        },
        ["'Friday' read as Friday 6 Mar"],
    ),
    (BERLIN, "Buy 2 apples", {"kind": "task", "title": "Buy 2 apples"}, []),
    (BERLIN, "Read chapter 3", {"kind": "task", "title": "Read chapter 3"}, []),
    (
        BERLIN,
        "Call at the office tomorrow",
        {"kind": "task", "title": "Call at the office", "due": "2026-03-05", "all_day": True},
        [],
    ),
    (
        BERLIN,
        "Meeting w/ Ann tomorrow 10:30 - 11:15",
        {
            "kind": "event",
            "title": "Meeting w/ Ann",
            "start": "2026-03-05T10:30:00+01:00",
            "end": "2026-03-05T11:15:00+01:00",
        },
        [],
    ),
    (
        BERLIN,
        "Review Q3 numbers by end of week",
        {"kind": "task", "title": "Review Q3 numbers", "due": "2026-03-06", "all_day": True},
        ["'end of week' read as Friday 6 M"],
    ),
    (
        BERLIN,
        "Sprint planning every monday 10am-11am",
        {
            "kind": "event",
            "title": "Sprint planning",
            "start": "2026-03-09T10:00:00+01:00",
            "end": "2026-03-09T11:00:00+01:00",
            "rrule": "FREQ=WEEKLY;BYDAY=MO",
        },
        [],
    ),
    (
        BERLIN,
        "Dentist appointment on Tuesday, March 10th at 2:15pm",
        {"kind": "task", "title": "Dentist appointment", "due": "2026-03-10T14:15:00+01:00"},
        [],
    ),
    (
        BERLIN,
        "Catch up with Tom next Tuesday at 4",
        {"kind": "task", "title": "Catch up with Tom", "due": "2026-03-10T16:00:00+01:00"},
        ["'next Tuesday' read as Tuesday 1", "'at 4' read as 16:00 (say 4am fo"],
    ),
    (
        BERLIN,
        "Pick up kids at 3:30",
        {"kind": "task", "title": "Pick up kids", "due": "2026-03-04T15:30:00+01:00"},
        ["'at 3:30' read as 15:30 (say 3:3"],
    ),
    (
        BERLIN,
        "Call the bank tomorrow before 12",
        {"kind": "task", "title": "Call the bank", "due": "2026-03-05T12:00:00+01:00"},
        [],
    ),
    (
        BERLIN,
        "Vacation from July 1 to July 15",
        {
            "kind": "event",
            "title": "Vacation",
            "start": "2026-07-01",
            "end": "2026-07-15",
            "all_day": True,
        },
        [],
    ),
    (
        BERLIN,
        "Conference Jun 3-5 at Messe Berlin",
        {
            "kind": "event",
            "title": "Conference",
            "start": "2026-06-03",
            "end": "2026-06-05",
            "all_day": True,
            "location": "Messe Berlin",
        },
        [],
    ),
    (
        BERLIN,
        "Wake up at 6:45am every day",
        {
            "kind": "task",
            "title": "Wake up",
            "due": "2026-03-05T06:45:00+01:00",
            "rrule": "FREQ=DAILY",
        },
        [],
    ),
    (
        BERLIN,
        "Movie tonight at 9",
        {"kind": "task", "title": "Movie", "due": "2026-03-04T21:00:00+01:00"},
        [],
    ),
    (
        BERLIN,
        "Brunch sunday 11",
        {"kind": "task", "title": "Brunch 11", "due": "2026-03-08", "all_day": True},
        ["'sunday' read as Sunday 8 Mar"],
    ),
    (
        BERLIN,
        "Stand-up 9:15-9:30 daily",
        {
            "kind": "event",
            "title": "Stand-up",
            "start": "2026-03-05T09:15:00+01:00",
            "end": "2026-03-05T09:30:00+01:00",
            "rrule": "FREQ=DAILY",
        },
        [],
    ),
    (
        BERLIN,
        "Flight at 24:00 tomorrow",
        {"kind": "task", "title": "Flight", "due": "2026-03-05T00:00:00+01:00"},
        [],
    ),
    (BERLIN, "Meeting at 25:00", {"kind": "task", "title": "Meeting at 25:00"}, []),
    (BERLIN, "Event on February 30", {"kind": "task", "title": "Event on February 30"}, []),
    (
        BERLIN,
        "Birthday on Feb 29",
        {"kind": "task", "title": "Birthday", "due": "2028-02-29", "all_day": True},
        ["'Feb 29' read as Tuesday 29 Feb "],
    ),
    (
        BERLIN,
        "Check email every 2 hours",
        {
            "kind": "task",
            "title": "Check email",
            "due": "2026-03-04T12:00:00+01:00",
            "rrule": "FREQ=HOURLY;INTERVAL=2",
        },
        [],
    ),
    (
        BERLIN,
        "Go home at 0:30",
        {"kind": "task", "title": "Go home", "due": "2026-03-05T00:30:00+01:00"},
        ["'at 0:30' read as tomorrow, Thur"],
    ),
    (
        BERLIN,
        "The 5th element screening friday",
        {
            "kind": "task",
            "title": "The 5th element screening",
            "due": "2026-03-06",
            "all_day": True,
        },
        ["'friday' read as Friday 6 Mar"],
    ),
    (
        BERLIN,
        "Dentist on Monday, March 10th",
        {"kind": "task", "title": "Dentist", "due": "2026-03-10", "all_day": True},
        ["'Monday' does not match Tuesday "],
    ),
    (
        BERLIN,
        "Dentist on Tue. 10 March 2026 at 9",
        {"kind": "task", "title": "Dentist", "due": "2026-03-10T09:00:00+01:00"},
        ["'at 9' read as 09:00 (say 9pm fo"],
    ),
    (
        BERLIN,
        "Pick up kids at 03:30",
        {"kind": "task", "title": "Pick up kids", "due": "2026-03-05T03:30:00+01:00"},
        ["'at 03:30' read as tomorrow, Thu"],
    ),
    (
        NEW_YORK,
        "Call dentist tomorrow at 5pm !high #health ~30m",
        {
            "kind": "task",
            "title": "Call dentist",
            "due": "2026-03-05T17:00:00-05:00",
            "priority": "high",
            "tags": ["health"],
            "estimate_minutes": 30,
        },
        [],
    ),
    (
        NEW_YORK,
        "Review PR in 2 hours",
        {"kind": "task", "title": "Review PR", "due": "2026-03-04T07:00:00-05:00"},
        [],
    ),
    (
        NEW_YORK,
        "Call mom tonight",
        {"kind": "task", "title": "Call mom", "due": "2026-03-04T20:00:00-05:00"},
        [],
    ),
    (
        NEW_YORK,
        "Call mom this evening",
        {"kind": "task", "title": "Call mom", "due": "2026-03-04T19:00:00-05:00"},
        ["'this evening' read as 19:00"],
    ),
    (
        NEW_YORK,
        "Call mom tomorrow afternoon",
        {"kind": "task", "title": "Call mom", "due": "2026-03-05T15:00:00-05:00"},
        [],
    ),
    (
        NEW_YORK,
        "Call mom tomorrow evening",
        {"kind": "task", "title": "Call mom", "due": "2026-03-05T19:00:00-05:00"},
        [],
    ),
    (
        NEW_YORK,
        "Read the news at 7",
        {"kind": "task", "title": "Read the news", "due": "2026-03-04T07:00:00-05:00"},
        ["'at 7' read as 07:00 (say 7pm fo"],
    ),
    (
        NEW_YORK,
        "Go to the gym at 6",
        {"kind": "task", "title": "Go to the gym", "due": "2026-03-04T18:00:00-05:00"},
        ["'at 6' read as 18:00 (say 6am fo"],
    ),
    (
        NEW_YORK,
        "Go to the gym at 6am",
        {"kind": "task", "title": "Go to the gym", "due": "2026-03-04T06:00:00-05:00"},
        [],
    ),
    (
        NEW_YORK,
        "Lunch at noon",
        {"kind": "task", "title": "Lunch", "due": "2026-03-04T12:00:00-05:00"},
        [],
    ),
    (
        NEW_YORK,
        "Lunch at 12:30",
        {"kind": "task", "title": "Lunch", "due": "2026-03-04T12:30:00-05:00"},
        [],
    ),
    (
        NEW_YORK,
        "Lunch at 12:30pm",
        {"kind": "task", "title": "Lunch", "due": "2026-03-04T12:30:00-05:00"},
        [],
    ),
    (
        NEW_YORK,
        "Call at 9:15am",
        {"kind": "task", "title": "Call", "due": "2026-03-04T09:15:00-05:00"},
        [],
    ),
    (
        NEW_YORK,
        "Renew passport March 3",
        {"kind": "task", "title": "Renew passport", "due": "2027-03-03", "all_day": True},
        ["'March 3' read as Wednesday 3 Ma"],
    ),
    (
        NEW_YORK,
        "Renew passport on 3/10",
        {"kind": "task", "title": "Renew passport", "due": "2026-03-10", "all_day": True},
        ["'3/10' read as Tuesday 10 Mar (m"],
    ),
    (
        NEW_YORK,
        "Renew passport on 3/10/2026",
        {"kind": "task", "title": "Renew passport", "due": "2026-03-10", "all_day": True},
        ["'3/10/2026' read as Tuesday 10 M"],
    ),
    (
        NEW_YORK,
        "Renew passport on 10.3.",
        {"kind": "task", "title": "Renew passport", "due": "2026-03-10", "all_day": True},
        [],
    ),
    (
        NEW_YORK,
        "Renew passport on 10.3.2027",
        {"kind": "task", "title": "Renew passport", "due": "2027-03-10", "all_day": True},
        [],
    ),
    (
        NEW_YORK,
        "Renew passport on the 20th",
        {"kind": "task", "title": "Renew passport", "due": "2026-03-20", "all_day": True},
        [],
    ),
    (
        NEW_YORK,
        "Renew passport on the 2nd",
        {"kind": "task", "title": "Renew passport", "due": "2026-04-02", "all_day": True},
        ["'the 2nd' read as Thursday 2 Apr"],
    ),
    (
        NEW_YORK,
        "Water plants daily at 8am",
        {
            "kind": "task",
            "title": "Water plants",
            "due": "2026-03-04T08:00:00-05:00",
            "rrule": "FREQ=DAILY",
        },
        [],
    ),
    (
        NEW_YORK,
        "Gym every mon, wed and fri at 7am",
        {
            "kind": "task",
            "title": "Gym",
            "due": "2026-03-04T07:00:00-05:00",
            "rrule": "FREQ=WEEKLY;BYDAY=MO,WE,FR",
        },
        [],
    ),
    (
        NEW_YORK,
        "Gym every weekday at 6:30",
        {
            "kind": "task",
            "title": "Gym",
            "due": "2026-03-04T18:30:00-05:00",
            "rrule": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
        },
        ["'at 6:30' read as 18:30 (say 6:3"],
    ),
    (
        NEW_YORK,
        "Birthday every March 3",
        {
            "kind": "task",
            "title": "Birthday",
            "due": "2027-03-03",
            "all_day": True,
            "rrule": "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=3",
        },
        [],
    ),
    (
        NEW_YORK,
        "Backup every day at 02:30 until March 31",
        {
            "kind": "task",
            "title": "Backup",
            "due": "2026-03-05T02:30:00-05:00",
            "rrule": "FREQ=DAILY;UNTIL=20260401T035959Z",
        },
        [],
    ),
    (
        NEW_YORK,
        "Yoga every morning",
        {
            "kind": "task",
            "title": "Yoga",
            "due": "2026-03-04T09:00:00-05:00",
            "rrule": "FREQ=DAILY",
        },
        [],
    ),
    (
        NEW_YORK,
        "Yoga every evening",
        {
            "kind": "task",
            "title": "Yoga",
            "due": "2026-03-04T19:00:00-05:00",
            "rrule": "FREQ=DAILY",
        },
        [],
    ),
    (
        NEW_YORK,
        "Meds every 8 hours",
        {
            "kind": "task",
            "title": "Meds",
            "due": "2026-03-04T06:00:00-05:00",
            "rrule": "FREQ=HOURLY;INTERVAL=8",
        },
        [],
    ),
    (
        NEW_YORK,
        "Stretch hourly",
        {
            "kind": "task",
            "title": "Stretch",
            "due": "2026-03-04T06:00:00-05:00",
            "rrule": "FREQ=HOURLY",
        },
        [],
    ),
    (
        NEW_YORK,
        "Read #books/fiction tonight",
        {
            "kind": "task",
            "title": "Read",
            "due": "2026-03-04T20:00:00-05:00",
            "tags": ["books/fiction"],
        },
        [],
    ),
    (
        NEW_YORK,
        "Lunch with Ann fri 1pm-2pm at Cafe Luna",
        {
            "kind": "event",
            "title": "Lunch with Ann",
            "start": "2026-03-06T13:00:00-05:00",
            "end": "2026-03-06T14:00:00-05:00",
            "location": "Cafe Luna",
        },
        ["'fri' read as Friday 6 Mar"],
    ),
    (
        NEW_YORK,
        "Standup every weekday 9:30 for 15m",
        {
            "kind": "event",
            "title": "Standup",
            "start": "2026-03-04T09:30:00-05:00",
            "end": "2026-03-04T09:45:00-05:00",
            "rrule": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
        },
        [],
    ),
    (
        NEW_YORK,
        "Dentist on March 3 at 10",
        {"kind": "task", "title": "Dentist", "due": "2027-03-03T10:00:00-05:00"},
        ["'March 3' read as Wednesday 3 Ma", "'at 10' read as 10:00 (say 10pm "],
    ),
    (
        NEW_YORK,
        "Workshop tomorrow 9am to 5pm",
        {
            "kind": "event",
            "title": "Workshop",
            "start": "2026-03-05T09:00:00-05:00",
            "end": "2026-03-05T17:00:00-05:00",
        },
        [],
    ),
    (
        NEW_YORK,
        "Workshop tomorrow 9:00-12:30",
        {
            "kind": "event",
            "title": "Workshop",
            "start": "2026-03-05T09:00:00-05:00",
            "end": "2026-03-05T12:30:00-05:00",
        },
        [],
    ),
    (
        NEW_YORK,
        "Party saturday 8pm-1am",
        {
            "kind": "event",
            "title": "Party",
            "start": "2026-03-07T20:00:00-05:00",
            "end": "2026-03-08T01:00:00-05:00",
        },
        ["'saturday' read as Saturday 7 Ma", "it ends the next day, at 01:00"],
    ),
    (
        NEW_YORK,
        "Retro every other wednesday 4pm-5pm",
        {
            "kind": "event",
            "title": "Retro",
            "start": "2026-03-04T16:00:00-05:00",
            "end": "2026-03-04T17:00:00-05:00",
            "rrule": "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE",
        },
        [],
    ),
    (
        NEW_YORK,
        "Night shift tomorrow 10pm-6am",
        {
            "kind": "event",
            "title": "Night shift",
            "start": "2026-03-05T22:00:00-05:00",
            "end": "2026-03-06T06:00:00-05:00",
        },
        ["it ends the next day, at 06:00"],
    ),
    (
        NEW_YORK,
        "Flight on 2026-03-29 at 02:30",
        {"kind": "task", "title": "Flight", "due": "2026-03-29T02:30:00-04:00"},
        [],
    ),
    (
        NEW_YORK,
        "Flight on 2026-10-25 at 02:30",
        {"kind": "task", "title": "Flight", "due": "2026-10-25T02:30:00-04:00"},
        [],
    ),
    (
        NEW_YORK,
        "Flight on March 8 at 2:30am",
        {"kind": "task", "title": "Flight", "due": "2026-03-08T03:30:00-04:00"},
        ["02:30 does not exist on 2026-03-"],
    ),
    (
        NEW_YORK,
        "Flight on Nov 1 at 1:30am",
        {"kind": "task", "title": "Flight", "due": "2026-11-01T01:30:00-04:00"},
        ["01:30 happens twice on 2026-11-0"],
    ),
    (
        NEW_YORK,
        "Call at 7 in the evening",
        {"kind": "task", "title": "Call", "due": "2026-03-04T19:00:00-05:00"},
        [],
    ),
    (
        NEW_YORK,
        "Call this afternoon",
        {"kind": "task", "title": "Call", "due": "2026-03-04T15:00:00-05:00"},
        ["'this afternoon' read as 15:00"],
    ),
    (
        NEW_YORK,
        "Submit form by 5pm",
        {"kind": "task", "title": "Submit form", "due": "2026-03-04T17:00:00-05:00"},
        [],
    ),
    (
        NEW_YORK,
        "Flight Mon 6am",
        {"kind": "task", "title": "Flight", "due": "2026-03-09T06:00:00-04:00"},
        ["'Mon' read as Monday 9 Mar"],
    ),
    (
        NEW_YORK,
        "Standup weekdays at 9",
        {
            "kind": "task",
            "title": "Standup",
            "due": "2026-03-04T09:00:00-05:00",
            "rrule": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
        },
        ["'at 9' read as 09:00 (say 9pm fo"],
    ),
    (
        NEW_YORK,
        "Dentist appointment on Tuesday, March 10th at 2:15pm",
        {"kind": "task", "title": "Dentist appointment", "due": "2026-03-10T14:15:00-04:00"},
        [],
    ),
    (
        NEW_YORK,
        "Pick up kids at 3:30",
        {"kind": "task", "title": "Pick up kids", "due": "2026-03-04T15:30:00-05:00"},
        ["'at 3:30' read as 15:30 (say 3:3"],
    ),
    (
        NEW_YORK,
        "Wake up at 6:45am every day",
        {
            "kind": "task",
            "title": "Wake up",
            "due": "2026-03-04T06:45:00-05:00",
            "rrule": "FREQ=DAILY",
        },
        [],
    ),
    (
        NEW_YORK,
        "Movie tonight at 9",
        {"kind": "task", "title": "Movie", "due": "2026-03-04T21:00:00-05:00"},
        [],
    ),
    (
        NEW_YORK,
        "Stand-up 9:15-9:30 daily",
        {
            "kind": "event",
            "title": "Stand-up",
            "start": "2026-03-04T09:15:00-05:00",
            "end": "2026-03-04T09:30:00-05:00",
            "rrule": "FREQ=DAILY",
        },
        [],
    ),
    (
        NEW_YORK,
        "Flight at 24:00 tomorrow",
        {"kind": "task", "title": "Flight", "due": "2026-03-05T00:00:00-05:00"},
        [],
    ),
    (
        NEW_YORK,
        "Pick up kids at 03:30",
        {"kind": "task", "title": "Pick up kids", "due": "2026-03-05T03:30:00-05:00"},
        ["'at 03:30' read as tomorrow, Thu"],
    ),
    (
        TOKYO,
        "Call dentist tomorrow at 5pm !high #health ~30m",
        {
            "kind": "task",
            "title": "Call dentist",
            "due": "2026-03-05T17:00:00+09:00",
            "priority": "high",
            "tags": ["health"],
            "estimate_minutes": 30,
        },
        [],
    ),
    (
        TOKYO,
        "Review PR in 2 hours",
        {"kind": "task", "title": "Review PR", "due": "2026-03-04T21:00:00+09:00"},
        [],
    ),
    (
        TOKYO,
        "Call mom tonight",
        {"kind": "task", "title": "Call mom", "due": "2026-03-04T20:00:00+09:00"},
        [],
    ),
    (
        TOKYO,
        "Call mom this evening",
        {"kind": "task", "title": "Call mom", "due": "2026-03-04T19:00:00+09:00"},
        ["'this evening' read as 19:00"],
    ),
    (
        TOKYO,
        "Call mom tomorrow afternoon",
        {"kind": "task", "title": "Call mom", "due": "2026-03-05T15:00:00+09:00"},
        [],
    ),
    (
        TOKYO,
        "Read the news at 7",
        {"kind": "task", "title": "Read the news", "due": "2026-03-05T07:00:00+09:00"},
        ["'at 7' read as 07:00 (say 7pm fo", "'at 7' read as tomorrow, Thursda"],
    ),
    (
        TOKYO,
        "Go to the gym at 6",
        {"kind": "task", "title": "Go to the gym", "due": "2026-03-05T18:00:00+09:00"},
        ["'at 6' read as 18:00 (say 6am fo", "'at 6' read as tomorrow, Thursda"],
    ),
    (
        TOKYO,
        "Go to the gym at 6am",
        {"kind": "task", "title": "Go to the gym", "due": "2026-03-05T06:00:00+09:00"},
        ["'at 6am' read as tomorrow, Thurs"],
    ),
    (
        TOKYO,
        "Lunch at noon",
        {"kind": "task", "title": "Lunch", "due": "2026-03-05T12:00:00+09:00"},
        ["'at noon' read as tomorrow, Thur"],
    ),
    (
        TOKYO,
        "Lunch at 12:30",
        {"kind": "task", "title": "Lunch", "due": "2026-03-05T12:30:00+09:00"},
        ["'at 12:30' read as tomorrow, Thu"],
    ),
    (
        TOKYO,
        "Lunch at 12:30pm",
        {"kind": "task", "title": "Lunch", "due": "2026-03-05T12:30:00+09:00"},
        ["'at 12:30pm' read as tomorrow, T"],
    ),
    (
        TOKYO,
        "Call at 9:15am",
        {"kind": "task", "title": "Call", "due": "2026-03-05T09:15:00+09:00"},
        ["'at 9:15am' read as tomorrow, Th"],
    ),
    (
        TOKYO,
        "Call at 21:45",
        {"kind": "task", "title": "Call", "due": "2026-03-04T21:45:00+09:00"},
        [],
    ),
    (
        TOKYO,
        "Meet at 5 o'clock",
        {"kind": "task", "title": "Meet", "due": "2026-03-05T17:00:00+09:00"},
        ["'at 5 o'clock' read as 17:00 (sa", "'at 5 o'clock' read as tomorrow,"],
    ),
    (
        TOKYO,
        "Renew passport on 3/10",
        {"kind": "task", "title": "Renew passport", "due": "2026-10-03", "all_day": True},
        ["'3/10' read as Saturday 3 Oct (d"],
    ),
    (
        TOKYO,
        "Renew passport on 3/10/2026",
        {"kind": "task", "title": "Renew passport", "due": "2026-10-03", "all_day": True},
        ["'3/10/2026' read as Saturday 3 O"],
    ),
    (
        TOKYO,
        "Review PR in 30 minutes",
        {"kind": "task", "title": "Review PR", "due": "2026-03-04T19:30:00+09:00"},
        [],
    ),
    (
        TOKYO,
        "Gym every mon, wed and fri at 7am",
        {
            "kind": "task",
            "title": "Gym",
            "due": "2026-03-06T07:00:00+09:00",
            "rrule": "FREQ=WEEKLY;BYDAY=MO,WE,FR",
        },
        [],
    ),
    (
        TOKYO,
        "Gym every weekday at 6:30",
        {
            "kind": "task",
            "title": "Gym",
            "due": "2026-03-05T18:30:00+09:00",
            "rrule": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
        },
        ["'at 6:30' read as 18:30 (say 6:3"],
    ),
    (
        TOKYO,
        "Yoga every morning",
        {
            "kind": "task",
            "title": "Yoga",
            "due": "2026-03-05T09:00:00+09:00",
            "rrule": "FREQ=DAILY",
        },
        [],
    ),
    (
        TOKYO,
        "Yoga every evening",
        {
            "kind": "task",
            "title": "Yoga",
            "due": "2026-03-04T19:00:00+09:00",
            "rrule": "FREQ=DAILY",
        },
        [],
    ),
    (
        TOKYO,
        "Stretch hourly",
        {
            "kind": "task",
            "title": "Stretch",
            "due": "2026-03-04T20:00:00+09:00",
            "rrule": "FREQ=HOURLY",
        },
        [],
    ),
    (
        TOKYO,
        "Read #books/fiction tonight",
        {
            "kind": "task",
            "title": "Read",
            "due": "2026-03-04T20:00:00+09:00",
            "tags": ["books/fiction"],
        },
        [],
    ),
    (
        TOKYO,
        "Lunch with Ann fri 1pm-2pm at Cafe Luna",
        {
            "kind": "event",
            "title": "Lunch with Ann",
            "start": "2026-03-06T13:00:00+09:00",
            "end": "2026-03-06T14:00:00+09:00",
            "location": "Cafe Luna",
        },
        ["'fri' read as Friday 6 Mar"],
    ),
    (
        TOKYO,
        "Standup every weekday 9:30 for 15m",
        {
            "kind": "event",
            "title": "Standup",
            "start": "2026-03-05T09:30:00+09:00",
            "end": "2026-03-05T09:45:00+09:00",
            "rrule": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
        },
        [],
    ),
    (
        TOKYO,
        "Workshop tomorrow 9:00-12:30",
        {
            "kind": "event",
            "title": "Workshop",
            "start": "2026-03-05T09:00:00+09:00",
            "end": "2026-03-05T12:30:00+09:00",
        },
        [],
    ),
    (
        TOKYO,
        "Retro every other wednesday 4pm-5pm",
        {
            "kind": "event",
            "title": "Retro",
            "start": "2026-03-11T16:00:00+09:00",
            "end": "2026-03-11T17:00:00+09:00",
            "rrule": "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE",
        },
        [],
    ),
    (
        TOKYO,
        "Night shift tomorrow 10pm-6am",
        {
            "kind": "event",
            "title": "Night shift",
            "start": "2026-03-05T22:00:00+09:00",
            "end": "2026-03-06T06:00:00+09:00",
        },
        ["it ends the next day, at 06:00"],
    ),
    (
        TOKYO,
        "Flight on 2026-03-29 at 02:30",
        {"kind": "task", "title": "Flight", "due": "2026-03-29T02:30:00+09:00"},
        [],
    ),
    (
        TOKYO,
        "Flight on 2026-10-25 at 02:30",
        {"kind": "task", "title": "Flight", "due": "2026-10-25T02:30:00+09:00"},
        [],
    ),
    (
        TOKYO,
        "Flight on March 8 at 2:30am",
        {"kind": "task", "title": "Flight", "due": "2026-03-08T02:30:00+09:00"},
        [],
    ),
    (
        TOKYO,
        "Flight on Nov 1 at 1:30am",
        {"kind": "task", "title": "Flight", "due": "2026-11-01T01:30:00+09:00"},
        [],
    ),
    (
        TOKYO,
        "Call at 7 in the evening",
        {"kind": "task", "title": "Call", "due": "2026-03-04T19:00:00+09:00"},
        [],
    ),
    (
        TOKYO,
        "Call this afternoon",
        {"kind": "task", "title": "Call", "due": "2026-03-04T15:00:00+09:00"},
        ["'this afternoon' read as 15:00", "2026-03-04 15:00 is already past"],
    ),
    (
        TOKYO,
        "Submit form by 5pm",
        {"kind": "task", "title": "Submit form", "due": "2026-03-05T17:00:00+09:00"},
        ["'by 5pm' read as tomorrow, Thurs"],
    ),
    (
        TOKYO,
        "Flight Mon 6am",
        {"kind": "task", "title": "Flight", "due": "2026-03-09T06:00:00+09:00"},
        ["'Mon' read as Monday 9 Mar"],
    ),
    (
        TOKYO,
        "Standup weekdays at 9",
        {
            "kind": "task",
            "title": "Standup",
            "due": "2026-03-05T09:00:00+09:00",
            "rrule": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
        },
        ["'at 9' read as 09:00 (say 9pm fo"],
    ),
    (
        TOKYO,
        "Pick up kids at 3:30",
        {"kind": "task", "title": "Pick up kids", "due": "2026-03-05T15:30:00+09:00"},
        ["'at 3:30' read as 15:30 (say 3:3", "'at 3:30' read as tomorrow, Thur"],
    ),
    (
        TOKYO,
        "Wake up at 6:45am every day",
        {
            "kind": "task",
            "title": "Wake up",
            "due": "2026-03-05T06:45:00+09:00",
            "rrule": "FREQ=DAILY",
        },
        [],
    ),
    (
        TOKYO,
        "Movie tonight at 9",
        {"kind": "task", "title": "Movie", "due": "2026-03-04T21:00:00+09:00"},
        [],
    ),
    (
        TOKYO,
        "Stand-up 9:15-9:30 daily",
        {
            "kind": "event",
            "title": "Stand-up",
            "start": "2026-03-05T09:15:00+09:00",
            "end": "2026-03-05T09:30:00+09:00",
            "rrule": "FREQ=DAILY",
        },
        [],
    ),
    (
        TOKYO,
        "Flight at 24:00 tomorrow",
        {"kind": "task", "title": "Flight", "due": "2026-03-05T00:00:00+09:00"},
        [],
    ),
    (
        TOKYO,
        "Pick up kids at 03:30",
        {"kind": "task", "title": "Pick up kids", "due": "2026-03-05T03:30:00+09:00"},
        ["'at 03:30' read as tomorrow, Thu"],
    ),
]


def _visible(preview: Preview) -> dict[str, Any]:
    data = preview.to_json()
    return {
        k: v
        for k, v in data.items()
        if v not in (None, [], False) and k not in ("understood", "notes")
    }


@pytest.mark.parametrize(
    ("zone", "text", "expected", "notes"), TABLE, ids=[f"{z[:3]}:{t}" for z, t, _, _ in TABLE]
)
def test_phrase(zone: str, text: str, expected: dict[str, Any], notes: list[str]) -> None:
    preview = read(text, NOW, ZoneInfo(zone))

    assert _visible(preview) == expected
    assert len(preview.notes) == len(notes), preview.notes
    for note, start in zip(preview.notes, notes, strict=True):
        assert note.startswith(start)


def test_the_table_is_large_and_covers_three_zones_and_both_kinds() -> None:
    assert len(TABLE) >= 150
    assert {zone for zone, *_ in TABLE} == {BERLIN, NEW_YORK, TOKYO}
    kinds = [expected["kind"] for _, _, expected, _ in TABLE]
    assert kinds.count("event") >= 30
    assert kinds.count("task") >= 100


def test_what_was_understood_is_listed_in_the_order_of_the_phrase() -> None:
    preview = parse_task("Call dentist tomorrow at 5pm !high #health ~30m", NOW, ZoneInfo(BERLIN))

    assert preview.understood == (
        ("tomorrow", "Thursday 5 Mar"),
        ("at 5pm", "at 17:00"),
        ("!high", "priority high"),
        ("#health", "tag health"),
        ("~30m", "estimate 30 min"),
    )
    assert preview.due == datetime(2026, 3, 5, 17, 0, tzinfo=ZoneInfo(BERLIN))


def test_instants_are_aware_in_the_users_zone_and_all_day_items_are_dates() -> None:
    zone = ZoneInfo(NEW_YORK)
    timed = parse_event("Call with bob@example.com tomorrow 4pm", NOW, zone)
    offsite = parse_event("Team offsite next Monday to Wednesday", NOW, zone)

    assert isinstance(timed.start, datetime)
    assert timed.start.tzinfo is zone
    assert timed.attendees == ("bob@example.com",)
    assert (offsite.start, offsite.end, offsite.all_day) == (
        date(2026, 3, 9),
        date(2026, 3, 11),
        True,
    )


def test_the_kind_can_be_forced_and_events_get_the_default_length() -> None:
    zone = ZoneInfo(BERLIN)
    as_event = parse_event("Dentist on March 3 at 10", NOW, zone, default_minutes=30)
    as_task = parse("Lunch with Ann fri 1pm-2pm at Cafe Luna", NOW, zone, kind="task")

    assert as_event.kind == "event"
    assert as_event.start == datetime(2027, 3, 3, 10, 0, tzinfo=zone)
    assert as_event.end == datetime(2027, 3, 3, 10, 30, tzinfo=zone)
    assert as_task.kind == "task"
    assert as_task.due == datetime(2026, 3, 6, 13, 0, tzinfo=zone)
    assert as_task.estimate_minutes == 60  # the range becomes the estimate
    assert as_task.location == "Cafe Luna"


def test_a_dateless_event_stays_dateless() -> None:
    preview = parse_event("Dentist", NOW, ZoneInfo(BERLIN))

    assert (preview.title, preview.start, preview.end, preview.all_day) == (
        "Dentist",
        None,
        None,
        False,
    )
    assert preview.to_json()["start"] is None


def test_a_second_date_is_left_in_the_title_with_a_note() -> None:
    preview = parse_task("Move the friday meeting to monday", NOW, ZoneInfo(BERLIN))

    assert preview.due == date(2026, 3, 6)
    assert "monday" in preview.title
    assert any("only one date" in note for note in preview.notes)


def test_the_general_reader_takes_what_the_grammar_does_not_know() -> None:
    preview = parse_task("Launch on 2026.04.15", NOW, ZoneInfo(BERLIN))

    assert (preview.title, preview.due) == ("Launch", date(2026, 4, 15))
    assert any("general date reader" in note for note in preview.notes)


def test_a_title_of_only_date_words_leaves_an_empty_title_and_says_so() -> None:
    preview = parse_task("tomorrow 5pm", NOW, ZoneInfo(BERLIN))

    assert preview.title == ""
    assert any("nothing is left for a title" in note for note in preview.notes)


def test_json_has_the_documented_keys() -> None:
    task = parse_task("Pay rent on the 1st of every month", NOW, ZoneInfo(BERLIN)).to_json()
    event = parse_event("Standup every weekday 9:30 for 15m", NOW, ZoneInfo(BERLIN)).to_json()
    common = {
        "kind",
        "title",
        "all_day",
        "rrule",
        "priority",
        "tags",
        "estimate_minutes",
        "project",
        "location",
        "attendees",
        "understood",
        "notes",
    }

    assert set(task) == common | {"due"}
    assert set(event) == common | {"start", "end"}
    assert task["due"] == "2026-04-01"
    assert event["start"] == "2026-03-05T09:30:00+01:00"
    assert event["understood"][0] == {
        "text": "every weekday",
        "meaning": "repeats every week on MO,TU,WE,TH,FR",
    }


@pytest.mark.parametrize(
    ("now", "kind"),
    [(datetime(2026, 3, 4, 10, 0), None), (NOW, "meeting")],
)
def test_bad_arguments_of_the_caller_are_value_errors(now: datetime, kind: str | None) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - the message is for the programmer
        parse("Lunch", now, ZoneInfo(BERLIN), kind=kind)


@pytest.mark.parametrize(
    ("now", "text", "due"),
    [
        # 01:30 CET, half an hour before Berlin springs forward: two hours later is 04:30 CEST.
        (datetime(2026, 3, 29, 0, 30, tzinfo=UTC), "Check in 2 hours", "2026-03-29T04:30:00+02:00"),
        # 02:30 CEST, before the clocks go back: two hours later is 03:30 CET.
        (
            datetime(2026, 10, 25, 0, 30, tzinfo=UTC),
            "Check in 2 hours",
            "2026-10-25T03:30:00+01:00",
        ),
        (datetime(2026, 3, 29, 0, 30, tzinfo=UTC), "Check hourly", "2026-03-29T03:00:00+02:00"),
        (
            datetime(2026, 3, 28, 12, 0, tzinfo=UTC),
            "Check tomorrow at 02:30",
            "2026-03-29T03:30:00+02:00",
        ),
    ],
)
def test_elapsed_time_across_a_clock_change(now: datetime, text: str, due: str) -> None:
    assert parse_task(text, now, ZoneInfo(BERLIN)).to_json()["due"] == due

"""Demo rows for projects, integrations, tasks (with subtasks and anchors for the
Today pane) and calendar events (series, meetings with attendees, all-day events)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select

from desktop.core.ids import new_id
from desktop.core.sortkey import sequence
from desktop.services import demo_data as words
from desktop.services.demo_seeder import SeederBase
from desktop.services.demo_writer import Row
from desktop.store.models import Attendee, Task


class TasksCalendarRows(SeederBase):
    """Makes the demo projects, integrations, tasks and events."""

    def _projects(self) -> Iterator[Row]:
        rng = self.rng
        for index in range(self.size.projects):
            if index < len(words.PROJECTS):
                name, url, description, color = words.PROJECTS[index]
            else:
                name = f"{rng.choice(words.COMPANIES)} {rng.choice(words.TASK_OBJECTS)}"
                url, description = None, words.sentences(rng, 1)
                color = f"#{rng.randrange(0x1000000):06X}"
            ident = new_id()
            self.projects.append(ident)
            yield self._stamp(
                {
                    "id": ident,
                    "name": name,
                    "repository_url": url,
                    "description": description,
                    "status": "active",
                    "color": color,
                    "integration_id": None,
                    "links": [{"title": "Repository", "url": url}] if url else [],
                },
                self._past(400),
            )

    def _integrations(self) -> Iterator[Row]:
        ages = {"connected": 3, "needs_auth": 2 * 1440, "error": 5 * 60}
        for kind, display, status, error, settings in words.INTEGRATIONS:
            ident = new_id()
            self.integrations[kind] = ident
            yield self._stamp(
                {
                    "id": ident,
                    "kind": kind,
                    "account": self.email,
                    "display_name": display,
                    "state": status,
                    "last_sync_at": self.now - timedelta(minutes=ages[status]),
                    "last_error": error,
                    "error_count": 3 if error else 0,
                    "settings": dict(settings),
                },
                self._past(200),
            )

    # -- tasks -----------------------------------------------------------------------------

    def _tasks(self) -> Iterator[Row]:
        last = self.uow.s.scalar(
            select(func.max(Task.sort_key)).where(Task.owner_id == self.uow.user_id)
        )
        parents: list[uuid.UUID] = []
        anchors: list[uuid.UUID] = []
        for index, key in enumerate(sequence(self.size.tasks, last)):
            if index < len(words.ANCHOR_TASKS):
                values = self._anchor_task(index, anchors)
                anchors.append(values["id"])
            else:
                values = self._random_task(parents)
            values["sort_key"] = key
            if len(self.link_targets["task"]) < 1000:
                self.link_targets["task"].append(values["id"])
            created = values.pop("_created")
            yield self._stamp(values, created)

    def _anchor_task(self, index: int, anchors: list[uuid.UUID]) -> Row:
        title, status, priority, due, hour, tags, rule, parent = words.ANCHOR_TASKS[index]
        day: date | None = None
        if isinstance(due, str):
            weekday = words.WEEKDAY_CODES.index(due)
            day = self.today + timedelta(days=(weekday - self.today.weekday()) % 7 or 7)
        elif due is not None:
            day = self.today + timedelta(days=due)
        created = self.now - timedelta(days=7 + index)
        project = self.projects[0] if self.projects and "dev" in tags else None
        return self._task_values(
            title,
            status,
            priority,
            created,
            day,
            hour,
            list(tags),
            rule,
            anchors[parent] if parent is not None else None,
            project,
        )

    def _random_task(self, parents: list[uuid.UUID]) -> Row:
        rng = self.rng
        status = rng.choices(("todo", "in_progress", "done", "cancelled"), (55, 10, 30, 5))[0]
        parent = rng.choice(parents[-50:]) if parents and rng.random() < 0.15 else None
        day = None
        if rng.random() < 0.6:
            offset = 0 if rng.random() < 0.1 else rng.randint(-20, 45)
            day = self.today + timedelta(days=offset)
        hour = rng.randint(9, 18) if day and rng.random() < 0.25 else None
        rule = rng.choice(words.TASK_RULES) if day and rng.random() < 0.03 else None
        project = rng.choice(self.projects) if self.projects and rng.random() < 0.3 else None
        tags = rng.sample(words.TAGS, rng.choices((0, 1, 2, 3), (35, 40, 18, 7))[0])
        values = self._task_values(
            words.task_title(rng),
            status,
            rng.choices((0, 1, 2, 3), (30, 40, 20, 10))[0],
            self._past(self.size.task_days),
            day,
            hour,
            tags,
            rule,
            parent,
            project,
        )
        if parent is None:
            parents.append(values["id"])
        return values

    def _task_values(
        self,
        title: str,
        status: str,
        priority: int,
        created: datetime,
        day: date | None,
        hour: int | None,
        tags: list[str],
        rule: str | None,
        parent: uuid.UUID | None,
        project: uuid.UUID | None,
    ) -> Row:
        rng = self.rng
        due_at = self._local(day, hour) if day and hour is not None else None
        done_at = self._between(created, self.now) if status == "done" else None
        notes = words.sentences(rng, rng.randint(1, 2), words.FILLER) if rng.random() < 0.3 else ""
        return {
            "id": new_id(),
            "title": title,
            "notes": notes,
            "status": status,
            "priority": priority,
            "due_date": day if due_at is None else None,
            "due_at": due_at,
            "start_at": created if status == "in_progress" else None,
            "estimate_minutes": rng.choice(words.ESTIMATES) if rng.random() < 0.4 else None,
            "completed_at": done_at,
            "parent_id": parent,
            "project_id": project,
            "tags": tags,
            "recurrence": rule,
            "repeat_from": "due",
            "reminders": [15] if due_at else [],
            "uid": None,
            "_created": created,
        }

    # -- calendar --------------------------------------------------------------------------

    def _events(self) -> Iterator[Row]:
        past, future = self.size.event_days
        first = self.today - timedelta(days=past)
        series_count = max(len(words.SERIES), self.size.events // 200)
        for index in range(series_count):
            yield self._series(words.SERIES[index % len(words.SERIES)], first)
        for _ in range(self.size.events - series_count):
            day = self.today + timedelta(days=self.rng.randint(-past, future))
            yield self._all_day(day) if self.rng.random() < 0.12 else self._timed(day)

    def _event_values(self, title: str, calendar: str, **values: Any) -> Row:
        ident = new_id()
        if len(self.link_targets["event"]) < 1000:
            self.link_targets["event"].append(ident)
        row: Row = {
            "id": ident,
            "title": title,
            "description": "",
            "location": "",
            "all_day": False,
            "start_at": None,
            "end_at": None,
            "start_date": None,
            "end_date": None,
            "time_zone": self.zone_name,
            "rrule": None,
            "exdates": [],
            "rdates": [],
            "series_id": None,
            "recurrence_id": None,
            "transparency": "opaque",
            "status": "confirmed",
            "reminders": [10],
            "uid": f"{ident}@atrium.demo",
            "calendar": calendar,
            "integration_id": None,
            "task_id": None,
        }
        row.update(values)
        return row

    def _series(self, spec: tuple[str, str, int, int, int, int, str, str, int], first: date) -> Row:
        title, rule, weekday, hour, minute, minutes, location, calendar, guests = spec
        day = first + timedelta(days=(weekday - first.weekday()) % 7)
        start = self._local(day, hour, minute)
        values = self._event_values(
            words.fill(title, self.rng),
            calendar,
            start_at=start,
            location=location,
            end_at=start + timedelta(minutes=minutes),
            rrule=rule,
            description=words.sentences(self.rng, 1),
        )
        self._attendees(values["id"], guests, start)
        return self._stamp(values, start - timedelta(days=3))

    def _timed(self, day: date) -> Row:
        rng = self.rng
        work = rng.random() < 0.65
        if work and day.weekday() >= 5:
            day -= timedelta(days=day.weekday() - 4)
        pool = words.MEETINGS if work else words.PERSONAL_EVENTS
        start = self._local(
            day, rng.randint(8, 17) if work else rng.randint(7, 20), rng.choice((0, 15, 30, 45))
        )
        values = self._event_values(
            words.fill(rng.choice(pool), rng),
            "work" if work else "personal",
            start_at=start,
            end_at=start + timedelta(minutes=rng.choice((15, 30, 45, 60, 90))),
            location=rng.choice(words.LOCATIONS),
            description=words.sentences(rng, rng.randint(0, 2)),
            status=rng.choices(("confirmed", "tentative", "cancelled"), (88, 9, 3))[0],
        )
        if work and rng.random() < 0.7:
            self._attendees(values["id"], rng.randint(1, 4), start)
        return self._stamp(values, start - timedelta(days=rng.randint(1, 20)))

    def _all_day(self, day: date) -> Row:
        rng = self.rng
        values = self._event_values(
            words.fill(rng.choice(words.ALL_DAY_EVENTS), rng),
            "personal",
            all_day=True,
            start_date=day,
            end_date=day + timedelta(days=rng.choice((1, 1, 1, 2, 3, 5))),
            transparency="transparent",
            reminders=[],
        )
        return self._stamp(values, self._local(day, 12) - timedelta(days=rng.randint(5, 60)))

    def _attendees(self, event_id: uuid.UUID, guests: int, at: datetime) -> None:
        if guests == 0:
            return
        chair_name, chair_email = words.person(self.rng)
        people = [
            (chair_name, chair_email, "chair", "accepted"),
            ("Me", self.email, "required", "accepted"),
        ]
        for _ in range(guests - 1):
            name, email = words.person(self.rng)
            response = self.rng.choice(("accepted", "accepted", "tentative", "needs-action"))
            people.append((name, email, self.rng.choice(("required", "optional")), response))
        for name, email, role, response in people:
            self._later(
                Attendee,
                {
                    "event_id": event_id,
                    "email": email,
                    "name": name,
                    "role": role,
                    "response": response,
                    "id": new_id(),
                },
                at,
            )

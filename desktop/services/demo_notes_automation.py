"""Demo rows for notes (with links to tasks and events), workflows with their runs,
voice commands and agent logs."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta

from desktop.core.ids import new_id
from desktop.services import demo_data as words
from desktop.services.demo_seeder import SeederBase
from desktop.services.demo_writer import Row
from desktop.store.models import NoteLink, WorkflowRun


class NotesAutomationRows(SeederBase):
    """Makes the demo notes, workflows, voice commands and agent logs."""

    # -- notes, automations, agents --------------------------------------------------------

    def _notes(self) -> Iterator[Row]:
        rng = self.rng
        for _ in range(self.size.notes):
            title, body, tags = words.note_text(rng.choice(words.NOTE_KINDS), rng)
            ident, created = new_id(), self._past(self.size.task_days)
            if rng.random() < 0.35:
                self._link(ident, created)
            self.link_targets["note"].append(ident)
            yield self._stamp(
                {
                    "id": ident,
                    "title": title,
                    "body": body,
                    "tags": tags,
                    "pinned": rng.random() < 0.1,
                    "archived": rng.random() < 0.05,
                },
                created,
            )

    def _link(self, note_id: uuid.UUID, at: datetime) -> None:
        kind = self.rng.choice(("task", "event", "project", "note"))
        targets = self.projects if kind == "project" else self.link_targets[kind]
        if targets:
            self._later(
                NoteLink,
                {
                    "id": new_id(),
                    "note_id": note_id,
                    "target_kind": kind,
                    "target_id": self.rng.choice(targets),
                    "label": self.rng.choice(("", "related", "follow-up", "source")),
                },
                at,
            )

    def _workflows(self) -> Iterator[Row]:
        rng = self.rng
        for index in range(self.size.workflows):
            name, description, trigger, conditions, steps = words.WORKFLOWS[
                index % len(words.WORKFLOWS)
            ]
            if index >= len(words.WORKFLOWS):
                name = f"{name} ({rng.choice(words.COMPANIES)})"
            ident = new_id()
            runs = sorted(self._past(30) for _ in range(rng.randint(0, 4)))
            for started in runs:
                self._run(ident, trigger, steps, started)
            yield self._stamp(
                {
                    "id": ident,
                    "name": name,
                    "description": description,
                    "enabled": index != 3,
                    "trigger": trigger,
                    "conditions": conditions,
                    "steps": steps,
                    "last_run_at": runs[-1] if runs else None,
                    "run_count": len(runs),
                },
                self._past(90) - timedelta(days=30),
            )

    def _run(self, workflow_id: uuid.UUID, trigger: Row, steps: list[Row], at: datetime) -> None:
        failed = self.rng.random() < 0.15
        trace = [
            {"step": n, "action": step["action"], "status": "ok", "ms": self.rng.randint(5, 900)}
            for n, step in enumerate(steps, 1)
        ]
        if failed:
            trace[-1]["status"] = "error"
        self._later(
            WorkflowRun,
            {
                "id": new_id(),
                "workflow_id": workflow_id,
                "started_at": at,
                "finished_at": at + timedelta(seconds=self.rng.randint(1, 20)),
                "status": "failed" if failed else "succeeded",
                "dry_run": False,
                "trigger_event": {"type": trigger["type"], "at": at.isoformat()},
                "trace": trace,
                "error": f"step {len(trace)} failed: the service timed out" if failed else None,
            },
            at,
        )

    def _voice_commands(self) -> Iterator[Row]:
        for phrase, action, arguments in words.VOICE_COMMANDS:
            used = self.rng.randint(0, 40)
            yield self._stamp(
                {
                    "id": new_id(),
                    "phrase": phrase,
                    "action": action,
                    "arguments": arguments,
                    "enabled": True,
                    "usage_count": used,
                    "success_count": used - self.rng.randint(0, used // 5),
                    "last_used_at": self._past(14) if used else None,
                },
                self._past(120) - timedelta(days=14),
            )

    def _agent_logs(self) -> Iterator[Row]:
        rng = self.rng
        for _ in range(self.size.agent_logs):
            agent, prompt = rng.choice(words.AGENTS)
            provider, model, in_rate, out_rate = rng.choice(words.MODELS)
            tokens_in, tokens_out = rng.randint(300, 6000), rng.randint(50, 1500)
            latency = rng.randint(300, 25_000)
            started = self._past(self.size.task_days)
            failed = rng.random() < 0.1
            tools = rng.sample(
                ("tasks.list", "calendar.agenda", "inbox.list", "finance.spending", "notes.search"),
                2,
            )
            yield self._stamp(
                {
                    "id": new_id(),
                    "agent": agent,
                    "provider": provider,
                    "model": model,
                    "prompt": words.fill(prompt, rng),
                    "steps": [
                        {"tool": tool, "arguments": {}, "result": f"{rng.randint(0, 40)} items"}
                        for tool in tools
                    ],
                    "output": "" if failed else words.sentences(rng, 2),
                    "status": "failed" if failed else "succeeded",
                    "input_tokens": tokens_in,
                    "output_tokens": tokens_out,
                    "cost_micros": (tokens_in * in_rate + tokens_out * out_rate) // 1000,
                    "latency_ms": latency,
                    "started_at": started,
                    "finished_at": started + timedelta(milliseconds=latency),
                    "error": "the provider returned HTTP 429 (rate limited)" if failed else None,
                },
                started,
            )

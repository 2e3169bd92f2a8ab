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
        """The template gallery's workflows (valid definitions, as the app stores them), with
        a few past runs each; past the gallery's size, copies named after a company."""
        from desktop.services.workflow_spec import parse_workflow, workflow_dict
        from desktop.services.workflow_templates import templates

        gallery = [parse_workflow(t.definition) for t in templates()]
        rng = self.rng
        for index in range(self.size.workflows):
            spec = gallery[index % len(gallery)]
            data = workflow_dict(spec)
            name = spec.name
            if index >= len(gallery):
                name = f"{name} ({rng.choice(words.COMPANIES)})"
            ident = new_id()
            runs = sorted(self._past(30) for _ in range(rng.randint(0, 4)))
            for started in runs:
                self._run(ident, data, started)
            yield self._stamp(
                {
                    "id": ident,
                    "name": name,
                    "description": spec.description,
                    "enabled": index != 3,
                    "trusted": False,
                    "trigger": data["trigger"],
                    "conditions": [data["conditions"]],
                    "steps": data["steps"],
                    "missed_policy": spec.trigger.missed,
                    "last_run_at": runs[-1] if runs else None,
                    "run_count": len(runs),
                },
                self._past(90) - timedelta(days=30),
            )

    def _run(self, workflow_id: uuid.UUID, definition: Row, at: datetime) -> None:
        """A past run in the engine's trace format (a few fail on their last step)."""
        steps = definition["steps"]
        failed = self.rng.random() < 0.15
        trace = [
            {
                "index": n,
                "path": str(n),
                "kind": step.get("kind", "action"),
                "action": step.get("action"),
                "args": step.get("args", {}),
                "status": "done",
                "ms": self.rng.randint(5, 900),
            }
            for n, step in enumerate(steps)
        ]
        if failed and trace:
            trace[-1]["status"] = "failed"
            trace[-1]["error"] = "the step took too long and was stopped"
        trigger = definition["trigger"]
        self._later(
            WorkflowRun,
            {
                "id": new_id(),
                "workflow_id": workflow_id,
                "started_at": at,
                "finished_at": at + timedelta(seconds=self.rng.randint(1, 20)),
                "status": "failed" if failed else "done",
                "dry_run": False,
                "trigger_event": {"kind": trigger.get("kind"), "at": at.isoformat()},
                "trace": trace,
                "error": f"step {len(trace) - 1}: the step took too long" if failed else None,
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

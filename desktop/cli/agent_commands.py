"""`atrium agent list|run|log|approve|deny|pending|stats`: the AI agents from the command line.

`agent run NAME "PROMPT"` streams the model's text as it arrives, then lists the
steps; actions that need approval are left pending and listed with the commands
that approve or deny them (`--yes` approves up front, except sending or deleting
after the agent read outside content). With `--json` the run is one document:
run_id, agent, provider, model, status, output, steps (tool, args, result,
needs_approval, approved, ...), tokens_in, tokens_out, cost, latency_ms.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from desktop.cli.output import emit_json, say, table, when_text
from desktop.config import Settings
from desktop.core.errors import UserError
from desktop.services.container import Services

if TYPE_CHECKING:
    from desktop.agents.service import AgentService

SHORT_ARGS = 60


def _service(s: Services) -> AgentService:
    from desktop.agents.service import AgentService

    return AgentService(s, Settings(s.settings_path))


def agent_list(args: argparse.Namespace, s: Services) -> int:
    agents = _service(s).specialists()
    rows = [
        {
            "name": a.name,
            "title": getattr(a, "title", a.name),
            "description": getattr(a, "description", ""),
            "tools": list(a.tools),
        }
        for a in agents
    ]
    if args.json:
        emit_json(rows, s.ctx.zone)
        return 0
    table(
        ("NAME", "WHAT IT DOES", "TOOLS"),
        [(r["name"], r["description"], len(r["tools"])) for r in rows],
        "No agents.",
    )
    return 0


def agent_run(args: argparse.Namespace, s: Services) -> int:
    streamed: list[str] = []

    def show(piece: str) -> None:
        streamed.append(piece)
        sys.stdout.write(piece)
        sys.stdout.flush()

    view = _service(s).run(
        args.name,
        args.prompt,
        provider=args.provider,
        model=args.model,
        yes=args.yes,
        on_text=None if args.json else show,
    )
    if args.json:
        emit_json(view, s.ctx.zone)
        return 0
    if not streamed or "".join(streamed).strip() != view.output.strip():
        if streamed:
            say("")
        say(view.output)
    else:
        say("")
    _print_steps(view)
    _print_pending(view)
    _print_footer(view)
    return 0


def agent_log(args: argparse.Namespace, s: Services) -> int:
    if args.limit is not None and args.limit < 1:
        raise UserError("--limit must be at least 1")
    runs = _service(s).log(args.limit, args.agent)
    if args.json:
        emit_json(runs, s.ctx.zone)
        return 0
    table(
        ("STARTED", "AGENT", "STATUS", "STEPS", "COST $", "MS", "PROMPT", "RUN"),
        [
            (
                when_text(r.started_at, s.ctx.zone),
                r.agent,
                r.status + (f" ({r.pending} waiting)" if r.pending else ""),
                len(r.steps),
                r.cost,
                r.latency_ms if r.latency_ms is not None else "",
                r.prompt,
                r.run_id,
            )
            for r in runs
        ],
        'No agent runs yet; try `atrium agent run assistant "what is due today"`.',
    )
    return 0


def agent_approve(args: argparse.Namespace, s: Services) -> int:
    service = _service(s)
    before = {st.number for st in service.get(args.run_id).steps if st.status == "pending"}
    view = service.approve(args.run_id, args.step)
    handled = [st for st in view.steps if st.number in before and st.status != "pending"]
    failed = [st for st in handled if st.status == "error"]
    if failed:
        first = failed[0]
        raise UserError(
            f"step {first.number} ({first.tool}) was approved but failed: {first.error}"
        )
    if args.json:
        emit_json(view, s.ctx.zone)
        return 0
    for step in handled:
        say(f"Approved step {step.number}: {step.tool} {_short(step.args)}: done.")
    _print_pending(view)
    return 0


def agent_deny(args: argparse.Namespace, s: Services) -> int:
    service = _service(s)
    before = {st.number for st in service.get(args.run_id).steps if st.status == "pending"}
    view = service.deny(args.run_id, args.step)
    if args.json:
        emit_json(view, s.ctx.zone)
        return 0
    for step in view.steps:
        if step.number in before and step.status == "denied":
            say(f"Denied step {step.number}: {step.tool} {_short(step.args)}; nothing was done.")
    _print_pending(view)
    return 0


def agent_pending(args: argparse.Namespace, s: Services) -> int:
    waiting = _service(s).pending()
    if args.json:
        emit_json(waiting, s.ctx.zone)
        return 0
    table(
        ("RUN", "STEP", "AGENT", "ACTION", "ARGUMENTS", "WHY"),
        [
            (w.run_id, w.step.number, w.agent, w.step.tool, _short(w.step.args), w.step.note)
            for w in waiting
        ],
        "Nothing waits for approval.",
    )
    return 0


def agent_stats(args: argparse.Namespace, s: Services) -> int:
    stats = _service(s).stats()
    if args.json:
        emit_json(stats, s.ctx.zone)
        return 0
    table(
        ("AGENT", "RUNS", "SUCCESS", "MEDIAN MS", "COST THIS MONTH $"),
        [
            (
                st.agent,
                st.runs,
                f"{st.success_rate:.0%}" if st.success_rate is not None else "",
                f"{st.median_latency_ms:.0f}" if st.median_latency_ms is not None else "",
                st.cost_this_month,
            )
            for st in stats
        ],
        "No agent runs yet.",
    )
    return 0


def _print_steps(view: Any) -> None:
    for step in view.steps:
        outcome = {
            "done": "done",
            "error": f"error: {step.error}",
            "pending": "waits for your approval",
            "denied": "denied",
        }.get(step.status, step.status)
        say(f"  {step.number}. {step.tool} {_short(step.args)}: {outcome}")


def _print_pending(view: Any) -> None:
    waiting = [step for step in view.steps if step.status == "pending"]
    if not waiting:
        return
    say(f"{len(waiting)} action(s) wait for your approval:")
    for step in waiting:
        say(f"  step {step.number}: {step.tool} {_short(step.args)} ({step.note})")
    say(f"Approve: atrium agent approve {view.run_id} [STEP]")
    say(f"Deny:    atrium agent deny {view.run_id} [STEP]")


def _print_footer(view: Any) -> None:
    say(
        f"[{view.status}] run {view.run_id} · {view.provider} {view.model} · "
        f"{view.tokens_in} tokens in, {view.tokens_out} out · ${view.cost} · "
        f"{view.latency_ms} ms"
    )


def _short(args: dict[str, Any]) -> str:
    text = ", ".join(f"{k}={v!r}" for k, v in args.items())
    return text if len(text) <= SHORT_ARGS else text[: SHORT_ARGS - 1] + "…"


HANDLERS = {
    "agent.list": agent_list,
    "agent.run": agent_run,
    "agent.log": agent_log,
    "agent.approve": agent_approve,
    "agent.deny": agent_deny,
    "agent.pending": agent_pending,
    "agent.stats": agent_stats,
}

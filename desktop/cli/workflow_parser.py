"""The grammar of `atrium workflow ...` (argparse only, like parser.py); the handlers are in
workflow_commands.py."""

from __future__ import annotations

from typing import Any


def workflow_commands(b: Any) -> None:
    """`workflow list|show|add|enable|disable|delete|run-here|run|runs|approve|deny|
    templates|from-template`."""
    g = b.group("workflow", "workflows: triggers, conditions and steps")
    b.command(g, "list", "workflow.list", "list workflows, their trigger and last run")
    b.command(g, "show", "workflow.show", "show a workflow and its definition").add_argument("id")
    add = b.command(g, "add", "workflow.add", "add a workflow from a JSON or YAML file")
    add.add_argument(
        "--file", required=True, metavar="F", help="a workflow file (.json, .yaml or .yml)"
    )
    for verb, text in (("enable", "turn a workflow on"), ("disable", "turn a workflow off")):
        b.command(g, verb, f"workflow.{verb}", text).add_argument("id")
    b.command(g, "delete", "workflow.delete", "delete a workflow").add_argument("id")
    b.command(
        g, "run-here", "workflow.run-here", "make this device the one that runs a workflow"
    ).add_argument("id")
    run = b.command(g, "run", "workflow.run", "run a workflow now and show its trace")
    run.add_argument("id")
    run.add_argument(
        "--dry-run", action="store_true", help="show what each step would do, do nothing"
    )
    run.add_argument(
        "--event",
        metavar="JSON",
        help='trigger data to run with, e.g. \'{"message": {"sender": "Ann"}}\'',
    )
    runs = b.command(g, "runs", "workflow.runs", "a workflow's latest runs with their traces")
    runs.add_argument("id")
    runs.add_argument("--limit", type=int, default=20, metavar="N")
    for verb, text in (
        ("approve", "let a run waiting for approval do its step and go on"),
        ("deny", "refuse the step a run waits at; the run stops"),
    ):
        b.command(g, verb, f"workflow.{verb}", text).add_argument("run_id", metavar="RUN_ID")
    b.command(g, "templates", "workflow.templates", "the gallery of ready workflows")
    make = b.command(g, "from-template", "workflow.from-template", "add a workflow from a template")
    make.add_argument("name", metavar="NAME")
    make.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write the definition to FILE (.json or .yaml) to edit, instead of adding it",
    )

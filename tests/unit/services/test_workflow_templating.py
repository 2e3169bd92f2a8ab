"""The template syntax: paths and defaults only; hostile values stay plain text."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from desktop.services.container import Services
from desktop.services.workflow_templating import TemplateError, parse_template, render

CONTEXT: dict[str, Any] = {
    "message": {"sender": "Ann", "subject": "Hi", "tags": ["a", "b"], "count": 3},
    "transaction": {"amount": "12.50"},
    "run": {"id": "run-1"},
    "items": [{"name": "first"}, {"name": "second"}],
}


def test_paths_defaults_and_types() -> None:
    assert render("Reply to {{message.sender}}", CONTEXT) == "Reply to Ann"
    assert render("{{ message.count }}", CONTEXT) == 3  # a whole template keeps its type
    assert render("{{message.tags}}", CONTEXT) == ["a", "b"]
    assert render("n={{message.count}}", CONTEXT) == "n=3"
    assert render("{{items.1.name}}", CONTEXT) == "second"
    assert render('{{message.cc | default("nobody")}}', CONTEXT) == "nobody"
    assert render("{{message.cc | default('it''s')}}".replace("''", "\\'"), CONTEXT) == "it's"
    assert render({"a": ["{{transaction.amount}}", 5, None]}, CONTEXT) == {"a": ["12.50", 5, None]}


def test_unknown_paths_name_the_path() -> None:
    with pytest.raises(TemplateError, match=r"'message\.cc' is not in this run's data"):
        render("to {{message.cc}}", CONTEXT)


@pytest.mark.parametrize(
    "text",
    [
        "{{message.sender",
        "{{}}",
        "{{message.__class__}}",
        "{{ message.sender.upper() }}",
        "{{ message['sender'] }}",
        "{{ message.sender | upper }}",
        "{{ message.sender | default(x) }}",
        "{{ __import__('os').system('touch pwned') }}",
    ],
)
def test_anything_but_paths_and_defaults_is_refused(text: str) -> None:
    with pytest.raises(TemplateError):
        parse_template(text)


def test_hostile_values_are_inserted_as_plain_text_once(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    hostile = (
        "{{run.id}} __import__('os').system('touch " + str(marker) + "') "
        '{"json": true}\n"quotes" {{message.__class__}} {% raw %}'
    )
    context = {"message": {"subject": hostile}, "run": {"id": "run-1"}}
    rendered = render("Re: {{message.subject}} ({{run.id}})", context)
    assert rendered == f"Re: {hostile} (run-1)"
    assert render("{{message.subject}}", context) == hostile
    assert not marker.exists()


def test_a_hostile_subject_reaches_an_action_literally(services: Services) -> None:
    from desktop.services.actions.registry import default_catalog

    hostile = "{{run.id}} __import__('os') \"; DROP TABLE tasks; --"
    args = render({"title": "Reply: {{message.subject}}"}, {"message": {"subject": hostile}})
    result = default_catalog().call(services, "add_task", args)
    assert result.value.title == f"Reply: {hostile}"
    assert services.tasks.get(result.value.id).title == f"Reply: {hostile}"
    assert json.loads(json.dumps(args))["title"].count("{{run.id}}") == 1

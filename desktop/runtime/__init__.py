"""The bridge between worker threads and Qt (QtCore only).

`task_runner.TaskRunner` runs blocking work off the GUI thread and brings results
back; `events.AppEvents` carries application-wide notifications such as
`changes_applied`. Import the submodules directly: this package builds nothing
and imports no Qt module by itself.
"""

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
    <context>
        <name />
        <message>
            <location filename="../../desktop/ui/panes/inbox_model.py" line="101" />
            <location filename="../../desktop/ui/panes/inbox_model.py" line="123" />
            <source>Starred</source>
            <translation>Mit Stern</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/inbox_model.py" line="123" />
            <source>Not starred</source>
            <translation>Ohne Stern</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/pane_format.py" line="34" />
            <location filename="../../desktop/ui/panes/tasks_format.py" line="38" />
            <source>Today</source>
            <translation>Heute</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/pane_format.py" line="36" />
            <location filename="../../desktop/ui/panes/tasks_format.py" line="40" />
            <source>Tomorrow</source>
            <translation>Morgen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/pane_format.py" line="38" />
            <location filename="../../desktop/ui/panes/tasks_format.py" line="42" />
            <source>Yesterday</source>
            <translation>Gestern</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/event_scope.py" line="28" />
            <source>Recurring event</source>
            <translation>Wiederkehrender Termin</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/event_scope.py" line="30" />
            <source>Delete the recurring event “%1”?</source>
            <translation>Den wiederkehrenden Termin „%1“ löschen?</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/event_scope.py" line="32" />
            <source>Change the recurring event “%1”?</source>
            <translation>Den wiederkehrenden Termin „%1“ ändern?</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/event_scope.py" line="35" />
            <source>Which occurrences should this apply to?</source>
            <translation>Für welche Vorkommen soll das gelten?</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/event_scope.py" line="38" />
            <source>This event</source>
            <translation>Dieser Termin</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/event_scope.py" line="39" />
            <source>This and following events</source>
            <translation>Dieser und alle folgenden Termine</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/event_scope.py" line="40" />
            <source>All events</source>
            <translation>Alle Termine</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/event_scope.py" line="65" />
            <source>Delete event</source>
            <translation>Termin löschen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/event_scope.py" line="66" />
            <source>Delete “%1”? This cannot be undone.</source>
            <translation>„%1“ löschen? Das kann nicht rückgängig gemacht werden.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_text.py" line="17" />
            <source>{n} bytes</source>
            <translation>{n} Bytes</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_text.py" line="29" />
            <source>Connected</source>
            <translation>Verbunden</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_text.py" line="30" />
            <source>Needs sign-in</source>
            <translation>Anmeldung nötig</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_text.py" line="31" />
            <source>Failing</source>
            <translation>Fehlerhaft</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_text.py" line="32" />
            <source>Turned off</source>
            <translation>Ausgeschaltet</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_text.py" line="39" />
            <source>Tasks</source>
            <translation>Aufgaben</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_text.py" line="40" />
            <source>Events</source>
            <translation>Termine</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_text.py" line="41" />
            <source>Messages</source>
            <translation>Nachrichten</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_text.py" line="42" />
            <source>Transactions</source>
            <translation>Buchungen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_text.py" line="43" />
            <source>Notes</source>
            <translation>Notizen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_text.py" line="44" />
            <source>Projects</source>
            <translation>Projekte</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_text.py" line="45" />
            <source>Workflows</source>
            <translation>Workflows</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_text.py" line="46" />
            <source>Voice commands</source>
            <translation>Sprachbefehle</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_text.py" line="47" />
            <source>Agent runs</source>
            <translation>Agent-Läufe</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_text.py" line="48" />
            <source>Integrations</source>
            <translation>Integrationen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_text.py" line="57" />
            <source>{name} needs you to sign in again. Open Settings → Integrations and reconnect it.</source>
            <translation>{name} braucht eine erneute Anmeldung. Öffne Einstellungen → Integrationen und verbinde es neu.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_text.py" line="61" />
            <source>{name} keeps failing: {error}. Check the account in Settings → Integrations; reconnect it if the error persists.</source>
            <translation>{name} schlägt immer wieder fehl: {error}. Prüfe das Konto unter Einstellungen → Integrationen; verbinde es neu, wenn der Fehler bleibt.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_text.py" line="63" />
            <location filename="../../desktop/ui/panes/health_text.py" line="84" />
            <source>unknown error</source>
            <translation>unbekannter Fehler</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_text.py" line="67" />
            <source>Only {free} free on the disk holding {folder}. Free some space: Atrium cannot save anything once the disk is full.</source>
            <translation>Nur noch {free} frei auf dem Datenträger mit {folder}. Schaffe Platz: Atrium kann nichts mehr speichern, sobald der Datenträger voll ist.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_text.py" line="72" />
            <source>The database {path} is damaged ({problems}). Quit Atrium, copy the file somewhere safe and restore a backup (`sqlite3 FILE .recover` can rescue its rows).</source>
            <translation>Die Datenbank {path} ist beschädigt ({problems}). Beende Atrium, kopiere die Datei an einen sicheren Ort und spiele eine Sicherung ein (`sqlite3 FILE .recover` kann ihre Zeilen retten).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_text.py" line="77" />
            <source>The database {path} has schema {revision}, not the one this Atrium uses. Restart Atrium to upgrade it.</source>
            <translation>Die Datenbank {path} hat das Schema {revision}, nicht das dieser Atrium-Version. Starte Atrium neu, um sie zu aktualisieren.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_text.py" line="79" />
            <source>none</source>
            <translation>keine</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_text.py" line="82" />
            <source>Sync with {server} has been failing for a while: {error}. Check the network and the server in Settings → Sync.</source>
            <translation>Die Synchronisation mit {server} schlägt seit einer Weile fehl: {error}. Prüfe das Netzwerk und den Server unter Einstellungen → Synchronisation.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/projects_pane.py" line="41" />
            <source>Active</source>
            <translation>Aktiv</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/projects_pane.py" line="42" />
            <source>Paused</source>
            <translation>Pausiert</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/projects_pane.py" line="43" />
            <source>Done</source>
            <translation>Erledigt</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/projects_pane.py" line="44" />
            <source>Archived</source>
            <translation>Archiviert</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/records_panes.py" line="49" />
            <source>Schedule {cron}</source>
            <translation>Zeitplan {cron}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/records_panes.py" line="51" />
            <source>On {event}</source>
            <translation>Bei {event}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/records_panes.py" line="53" />
            <source>By hand</source>
            <translation>Von Hand</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/records_panes.py" line="54" />
            <source>None</source>
            <translation>Keine</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/records_panes.py" line="66" />
            <source>running</source>
            <translation>läuft</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/records_panes.py" line="66" />
            <source>succeeded</source>
            <translation>erfolgreich</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/records_panes.py" line="66" />
            <source>failed</source>
            <translation>fehlgeschlagen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/tasks_format.py" line="98" />
            <source>Task</source>
            <translation>Aufgabe</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/tasks_format.py" line="98" />
            <source>Due</source>
            <translation>Fällig</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/tasks_format.py" line="98" />
            <source>Priority</source>
            <translation>Priorität</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/tasks_format.py" line="98" />
            <source>Tags</source>
            <translation>Schlagwörter</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/tasks_format.py" line="98" />
            <source>Estimate</source>
            <translation>Schätzung</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/tasks_format.py" line="102" />
            <source>Low</source>
            <translation>Niedrig</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/tasks_format.py" line="102" />
            <source>Medium</source>
            <translation>Mittel</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/tasks_format.py" line="102" />
            <source>High</source>
            <translation>Hoch</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/tasks_format.py" line="103" />
            <source>Urgent</source>
            <translation>Dringend</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/tasks_format.py" line="140" />
            <source>1 subtask</source>
            <translation>1 Unteraufgabe</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/tasks_format.py" line="140" />
            <source>{n} subtasks</source>
            <translation>{n} Unteraufgaben</translation>
        </message>
    </context>
    <context>
        <name>ActionForm</name>
        <message>
            <location filename="../../desktop/ui/action_form.py" line="71" />
            <source>Delete</source>
            <translation>Löschen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_form.py" line="71" />
            <source>Send</source>
            <translation>Senden</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_form.py" line="124" />
            <source>several, separated by commas</source>
            <translation>mehrere, durch Kommas getrennt</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/action_form.py" line="128" />
            <source>a number</source>
            <translation>eine Zahl</translation>
        </message>
    </context>
    <context>
        <name>AddTransactionDialog</name>
        <message>
            <location filename="../../desktop/ui/panes/finance_dialog.py" line="43" />
            <source>Add transaction</source>
            <translation>Buchung hinzufügen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/finance_dialog.py" line="47" />
            <source>Date</source>
            <translation>Datum</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/finance_dialog.py" line="49" />
            <source>Payee</source>
            <translation>Empfänger</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/finance_dialog.py" line="50" />
            <source>Who was paid, or who paid</source>
            <translation>Wer bezahlt wurde oder wer bezahlt hat</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/finance_dialog.py" line="52" />
            <source>Spent or received</source>
            <translation>Ausgegeben oder erhalten</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/finance_dialog.py" line="53" />
            <source>Spent</source>
            <translation>Ausgegeben</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/finance_dialog.py" line="54" />
            <source>Received</source>
            <translation>Empfangen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/finance_dialog.py" line="56" />
            <source>Amount</source>
            <translation>Betrag</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/finance_dialog.py" line="60" />
            <source>Category</source>
            <translation>Kategorie</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/finance_dialog.py" line="64" />
            <source>Account</source>
            <translation>Konto</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/finance_dialog.py" line="69" />
            <source>Memo</source>
            <translation>Notiz</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/finance_dialog.py" line="76" />
            <source>&amp;Date</source>
            <translation>&amp;Datum</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/finance_dialog.py" line="77" />
            <source>&amp;Payee</source>
            <translation>&amp;Empfänger</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/finance_dialog.py" line="78" />
            <source>&amp;Type</source>
            <translation>&amp;Art</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/finance_dialog.py" line="79" />
            <source>A&amp;mount</source>
            <translation>&amp;Betrag</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/finance_dialog.py" line="80" />
            <source>&amp;Category</source>
            <translation>&amp;Kategorie</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/finance_dialog.py" line="82" />
            <source>A&amp;ccount</source>
            <translation>&amp;Konto</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/finance_dialog.py" line="83" />
            <source>M&amp;emo</source>
            <translation>&amp;Notiz</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/finance_dialog.py" line="99" />
            <source>Say who was paid (or who paid).</source>
            <translation>Gib an, wer bezahlt wurde (oder wer bezahlt hat).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/finance_dialog.py" line="103" />
            <source>Write the amount as a number, like 12.50.</source>
            <translation>Gib den Betrag als Zahl ein, etwa 12.50.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/finance_dialog.py" line="105" />
            <source>Write the amount as a positive number, like 12.50.</source>
            <translation>Gib den Betrag als positive Zahl ein, etwa 12.50.</translation>
        </message>
    </context>
    <context>
        <name>AgentsPane</name>
        <message>
            <location filename="../../desktop/ui/panes/records_panes.py" line="156" />
            <source>Agents</source>
            <translation>Agenten</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/records_panes.py" line="160" />
            <source>The last {n} agent runs. Agents are started from the command palette and the agents issue; this log is read-only.</source>
            <translation>Die letzten {n} Agent-Läufe. Agenten werden über die Befehlspalette gestartet; dieses Protokoll ist schreibgeschützt.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/records_panes.py" line="166" />
            <source>Agent run details</source>
            <translation>Details des Agent-Laufs</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/records_panes.py" line="174" />
            <source>When</source>
            <translation>Wann</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/records_panes.py" line="178" />
            <source>Agent</source>
            <translation>Agent</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/records_panes.py" line="179" />
            <source>Provider / model</source>
            <translation>Anbieter / Modell</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/records_panes.py" line="181" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/records_panes.py" line="187" />
            <source>Tokens in / out</source>
            <translation>Tokens ein / aus</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/records_panes.py" line="193" />
            <source>Cost</source>
            <translation>Kosten</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/records_panes.py" line="199" />
            <source>Latency</source>
            <translation>Latenz</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/records_panes.py" line="217" />
            <source>{shown} of {total} runs</source>
            <translation>{shown} von {total} Läufen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/records_panes.py" line="218" />
            <source>1 run</source>
            <translation>1 Lauf</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/records_panes.py" line="218" />
            <source>{n} runs</source>
            <translation>{n} Läufe</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/records_panes.py" line="230" />
            <source>Started {when}, {status}</source>
            <translation>Gestartet {when}, {status}</translation>
        </message>
    </context>
    <context>
        <name>AllDayStrip</name>
        <message>
            <location filename="../../desktop/ui/widgets/calendar_all_day.py" line="69" />
            <source>All-day events</source>
            <translation>Ganztägige Termine</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/widgets/calendar_all_day.py" line="122" />
            <source>all-day</source>
            <translation>ganztägig</translation>
        </message>
    </context>
    <context>
        <name>CalendarFiles</name>
        <message>
            <location filename="../../desktop/ui/file_actions.py" line="122" />
            <source>Import calendar</source>
            <translation>Kalender importieren</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/file_actions.py" line="122" />
            <source>Import tasks</source>
            <translation>Aufgaben importieren</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/file_actions.py" line="129" />
            <source>Export</source>
            <translation>Exportieren</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/file_actions.py" line="136" />
            <source>Import</source>
            <translation>Importieren</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/file_actions.py" line="137" />
            <source>{problem}

Import the valid parts and leave the rest out?</source>
            <translation>{problem}

Die gültigen Teile importieren und den Rest weglassen?</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/file_actions.py" line="144" />
            <source>Atrium</source>
            <translation>Atrium</translation>
        </message>
    </context>
    <context>
        <name>CalendarPane</name>
        <message>
            <location filename="../../desktop/ui/panes/calendar_pane.py" line="105" />
            <source>Today</source>
            <translation>Heute</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/calendar_pane.py" line="105" />
            <source>Go to today (T)</source>
            <translation>Zu heute springen (T)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/calendar_pane.py" line="106" />
            <source>Previous (Page Up)</source>
            <translation>Zurück (Bild auf)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/calendar_pane.py" line="106" />
            <source>Previous</source>
            <translation>Zurück</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/calendar_pane.py" line="107" />
            <source>Next (Page Down)</source>
            <translation>Weiter (Bild ab)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/calendar_pane.py" line="107" />
            <source>Next</source>
            <translation>Weiter</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/calendar_pane.py" line="114" />
            <source>New event</source>
            <translation>Neuer Termin</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/calendar_pane.py" line="114" />
            <source>Create an event</source>
            <translation>Termin anlegen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/calendar_pane.py" line="116" />
            <source>Find time…</source>
            <translation>Zeit finden…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/calendar_pane.py" line="116" />
            <source>Find free time and book it</source>
            <translation>Freie Zeit finden und buchen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/calendar_pane.py" line="116" />
            <source>Find time</source>
            <translation>Zeit finden</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/calendar_pane.py" line="121" />
            <source>Day</source>
            <translation>Tag</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/calendar_pane.py" line="121" />
            <source>Week</source>
            <translation>Woche</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/calendar_pane.py" line="121" />
            <source>Month</source>
            <translation>Monat</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/calendar_pane.py" line="135" />
            <source>%1 view (%2)</source>
            <translation>Ansicht %1 (%2)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/calendar_pane.py" line="379" />
            <source>Could not add the event</source>
            <translation>Der Termin konnte nicht hinzugefügt werden</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/calendar_pane.py" line="410" />
            <source>Could not open the event</source>
            <translation>Der Termin konnte nicht geöffnet werden</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/calendar_pane.py" line="418" />
            <location filename="../../desktop/ui/panes/calendar_pane.py" line="460" />
            <source>Could not delete the event</source>
            <translation>Der Termin konnte nicht gelöscht werden</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/calendar_pane.py" line="423" />
            <source>Could not save the reminders</source>
            <translation>Die Erinnerungen konnten nicht gespeichert werden</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/calendar_pane.py" line="438" />
            <source>Could not save the event</source>
            <translation>Der Termin konnte nicht gespeichert werden</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/calendar_pane.py" line="451" />
            <source>Could not move the event</source>
            <translation>Der Termin konnte nicht verschoben werden</translation>
        </message>
    </context>
    <context>
        <name>CommandPalette</name>
        <message>
            <location filename="../../desktop/ui/palette.py" line="87" />
            <source>Command palette</source>
            <translation>Befehlspalette</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/palette.py" line="93" />
            <source>Type an action or a pane…</source>
            <translation>Aktion oder Bereich eingeben…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/palette.py" line="94" />
            <source>Search actions and panes</source>
            <translation>Aktionen und Bereiche durchsuchen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/palette.py" line="97" />
            <source>Matching actions and panes</source>
            <translation>Passende Aktionen und Bereiche</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/palette.py" line="99" />
            <source>Enter runs · Esc closes</source>
            <translation>Eingabe führt aus · Esc schließt</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/palette.py" line="148" />
            <source>Go to {pane}</source>
            <translation>Gehe zu {pane}</translation>
        </message>
    </context>
    <context>
        <name>CrashDialog</name>
        <message>
            <location filename="../../desktop/ui/crash.py" line="68" />
            <source>Atrium ran into a problem</source>
            <translation>Atrium ist auf ein Problem gestoßen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/crash.py" line="72" />
            <source>Something went wrong that Atrium did not expect. Your data is safe; you can go on working, but restarting Atrium is wise.

{summary}</source>
            <translation>Etwas Unerwartetes ist in Atrium schiefgegangen. Deine Daten sind sicher; du kannst weiterarbeiten, aber ein Neustart von Atrium ist ratsam.

{summary}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/crash.py" line="81" />
            <source>Details of the problem</source>
            <translation>Details zum Problem</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/crash.py" line="88" />
            <source>&amp;Save report…</source>
            <translation>Bericht &amp;speichern…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/crash.py" line="89" />
            <source>Save the report to a file</source>
            <translation>Den Bericht in einer Datei speichern</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/crash.py" line="123" />
            <source>The report could not be saved</source>
            <translation>Der Bericht konnte nicht gespeichert werden</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/crash.py" line="125" />
            <source>The report was saved to {path}.</source>
            <translation>Der Bericht wurde unter {path} gespeichert.</translation>
        </message>
    </context>
    <context>
        <name>CrashHandler</name>
        <message>
            <location filename="../../desktop/ui/crash.py" line="212" />
            <source>A Sentry DSN is set, but sentry-sdk is not installed, so nothing was sent (install it with: pip install sentry-sdk).</source>
            <translation>Ein Sentry-DSN ist eingestellt, aber sentry-sdk ist nicht installiert, deshalb wurde nichts gesendet (installieren mit: pip install sentry-sdk).</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/crash.py" line="216" />
            <source>Sending the report (scrubbed of secrets) to Sentry…</source>
            <translation>Der Bericht (ohne Geheimnisse) wird an Sentry gesendet…</translation>
        </message>
    </context>
    <context>
        <name>EventEditor</name>
        <message>
            <location filename="../../desktop/ui/dialogs/event_editor.py" line="90" />
            <source>Edit event</source>
            <translation>Termin bearbeiten</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/event_editor.py" line="90" />
            <source>New event</source>
            <translation>Neuer Termin</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/event_editor.py" line="117" />
            <source>Title</source>
            <translation>Titel</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/event_editor.py" line="118" />
            <source>Add a title</source>
            <translation>Titel hinzufügen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/event_editor.py" line="119" />
            <location filename="../../desktop/ui/dialogs/event_editor.py" line="120" />
            <source>All day</source>
            <translation>Ganztägig</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/event_editor.py" line="123" />
            <source>Starts</source>
            <translation>Beginnt</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/event_editor.py" line="123" />
            <source>Ends</source>
            <translation>Endet</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/event_editor.py" line="134" />
            <source>Time zone</source>
            <translation>Zeitzone</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/event_editor.py" line="136" />
            <source>Location</source>
            <translation>Ort</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/event_editor.py" line="139" />
            <source>Attendees</source>
            <translation>Teilnehmende</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/event_editor.py" line="142" />
            <source>name@example.com</source>
            <translation>name@example.com</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/event_editor.py" line="143" />
            <source>Attendee email</source>
            <translation>E-Mail der teilnehmenden Person</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/event_editor.py" line="145" />
            <source>Add</source>
            <translation>Hinzufügen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/event_editor.py" line="146" />
            <source>Add attendee</source>
            <translation>Teilnehmende hinzufügen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/event_editor.py" line="148" />
            <source>Remove</source>
            <translation>Entfernen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/event_editor.py" line="149" />
            <source>Remove attendee</source>
            <translation>Teilnehmende entfernen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/event_editor.py" line="152" />
            <source>Reminders before the event starts</source>
            <translation>Erinnerungen vor Beginn des Termins</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/event_editor.py" line="155" />
            <source>Description</source>
            <translation>Beschreibung</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/event_editor.py" line="168" />
            <source>Save</source>
            <translation>Speichern</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/event_editor.py" line="172" />
            <source>Delete…</source>
            <translation>Löschen…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/event_editor.py" line="174" />
            <source>Delete event</source>
            <translation>Termin löschen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/event_editor.py" line="191" />
            <source>&amp;Title</source>
            <translation>&amp;Titel</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/event_editor.py" line="192" />
            <source>&amp;When</source>
            <translation>&amp;Wann</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/event_editor.py" line="193" />
            <source>Time &amp;zone</source>
            <translation>&amp;Zeitzone</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/event_editor.py" line="194" />
            <source>&amp;Location</source>
            <translation>&amp;Ort</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/event_editor.py" line="195" />
            <source>&amp;Repeats</source>
            <translation>&amp;Wiederholung</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/event_editor.py" line="196" />
            <source>&amp;Attendees</source>
            <translation>&amp;Teilnehmende</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/event_editor.py" line="197" />
            <source>Re&amp;minders</source>
            <translation>&amp;Erinnerungen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/event_editor.py" line="198" />
            <source>&amp;Description</source>
            <translation>&amp;Beschreibung</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/event_editor.py" line="296" />
            <location filename="../../desktop/ui/dialogs/event_editor.py" line="361" />
            <source>“%1” is not an email address.</source>
            <translation>„%1“ ist keine E-Mail-Adresse.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/event_editor.py" line="336" />
            <source>Give the event a title.</source>
            <translation>Gib dem Termin einen Titel.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/event_editor.py" line="340" />
            <source>“%1” is not a time zone; pick one from the list.</source>
            <translation>„%1“ ist keine Zeitzone; wähle eine aus der Liste.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/event_editor.py" line="350" />
            <source>The last day must not be before the first day.</source>
            <translation>Der letzte Tag darf nicht vor dem ersten Tag liegen.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/event_editor.py" line="355" />
            <source>The end must be after the start.</source>
            <translation>Das Ende muss nach dem Beginn liegen.</translation>
        </message>
    </context>
    <context>
        <name>FinanceCharts</name>
        <message>
            <location filename="../../desktop/ui/panes/finance_charts.py" line="73" />
            <source>Spending by category</source>
            <translation>Ausgaben nach Kategorie</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/finance_charts.py" line="75" />
            <source>Spending and income month over month</source>
            <translation>Ausgaben und Einnahmen Monat für Monat</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/finance_charts.py" line="94" />
            <source>Spending by category, {month}</source>
            <translation>Ausgaben nach Kategorie, {month}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/finance_charts.py" line="99" />
            <source>Other</source>
            <translation>Sonstiges</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/finance_charts.py" line="108" />
            <source>No spending in {month}</source>
            <translation>Keine Ausgaben im {month}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/finance_charts.py" line="120" />
            <source>Month over month ({currency})</source>
            <translation>Monat für Monat ({currency})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/finance_charts.py" line="122" />
            <source>Spending</source>
            <translation>Ausgaben</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/finance_charts.py" line="124" />
            <source>Income</source>
            <translation>Einnahmen</translation>
        </message>
    </context>
    <context>
        <name>FinancePane</name>
        <message>
            <location filename="../../desktop/ui/panes/finance_pane.py" line="78" />
            <source>Month</source>
            <translation>Monat</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/finance_pane.py" line="81" />
            <source>Category filter</source>
            <translation>Kategoriefilter</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/finance_pane.py" line="84" />
            <source>Account filter</source>
            <translation>Kontofilter</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/finance_pane.py" line="86" />
            <source>&amp;Add transaction…</source>
            <translation>Buchung &amp;hinzufügen…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/finance_pane.py" line="87" />
            <source>Add transaction</source>
            <translation>Buchung hinzufügen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/finance_pane.py" line="92" />
            <location filename="../../desktop/ui/panes/finance_pane.py" line="139" />
            <source>Accounts</source>
            <translation>Konten</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/finance_pane.py" line="94" />
            <location filename="../../desktop/ui/panes/finance_pane.py" line="141" />
            <source>Budgets</source>
            <translation>Budgets</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/finance_pane.py" line="99" />
            <source>Transactions</source>
            <translation>Buchungen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/finance_pane.py" line="123" />
            <source>Finance</source>
            <translation>Finanzen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/finance_pane.py" line="126" />
            <source>&amp;Month</source>
            <translation>&amp;Monat</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/finance_pane.py" line="127" />
            <source>C&amp;ategory</source>
            <translation>&amp;Kategorie</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/finance_pane.py" line="128" />
            <source>Acc&amp;ount</source>
            <translation>&amp;Konto</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/finance_pane.py" line="195" />
            <source>{month}: income &lt;b&gt;{income}&lt;/b&gt; · spending &lt;b&gt;{spent}&lt;/b&gt; · net &lt;b&gt;{net}&lt;/b&gt;</source>
            <translation>{month}: Einnahmen &lt;b&gt;{income}&lt;/b&gt; · Ausgaben &lt;b&gt;{spent}&lt;/b&gt; · netto &lt;b&gt;{net}&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/finance_pane.py" line="221" />
            <source>All categories</source>
            <translation>Alle Kategorien</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/finance_pane.py" line="224" />
            <source>All accounts</source>
            <translation>Alle Konten</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/finance_pane.py" line="247" />
            <source>No accounts yet</source>
            <translation>Noch keine Konten</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/finance_pane.py" line="257" />
            <source>{category} budget</source>
            <translation>Budget {category}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/finance_pane.py" line="269" />
            <source>No budgets this month</source>
            <translation>Keine Budgets in diesem Monat</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/finance_pane.py" line="286" />
            <source>{n} transactions · total {total}</source>
            <translation>{n} Buchungen · Summe {total}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/finance_pane.py" line="288" />
            <source>{n} transactions</source>
            <translation>{n} Buchungen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/finance_pane.py" line="307" />
            <source>Could not add the transaction</source>
            <translation>Die Buchung konnte nicht hinzugefügt werden</translation>
        </message>
    </context>
    <context>
        <name>FreeTimeDialog</name>
        <message>
            <location filename="../../desktop/ui/dialogs/free_time_dialog.py" line="92" />
            <source>Find free time</source>
            <translation>Freie Zeit finden</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/free_time_dialog.py" line="96" />
            <source>From</source>
            <translation>Von</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/free_time_dialog.py" line="97" />
            <source>To</source>
            <translation>Bis</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/free_time_dialog.py" line="102" />
            <source> min</source>
            <translation> Min.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/free_time_dialog.py" line="103" />
            <source>Length</source>
            <translation>Dauer</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/free_time_dialog.py" line="104" />
            <source>&amp;Only between</source>
            <translation>&amp;Nur zwischen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/free_time_dialog.py" line="105" />
            <source>Use other working hours</source>
            <translation>Andere Arbeitszeiten verwenden</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/free_time_dialog.py" line="106" />
            <source>Working hours start</source>
            <translation>Beginn der Arbeitszeit</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/free_time_dialog.py" line="107" />
            <source>Working hours end</source>
            <translation>Ende der Arbeitszeit</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/free_time_dialog.py" line="110" />
            <source>Free slots</source>
            <translation>Freie Zeitfenster</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/free_time_dialog.py" line="111" />
            <source>Day</source>
            <translation>Tag</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/free_time_dialog.py" line="111" />
            <source>Time</source>
            <translation>Zeit</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/free_time_dialog.py" line="111" />
            <source>Free</source>
            <translation>Frei</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/free_time_dialog.py" line="126" />
            <source>Enter or double-click a slot to book it.</source>
            <translation>Eingabe oder Doppelklick bucht ein Zeitfenster.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/free_time_dialog.py" line="130" />
            <source>Close</source>
            <translation>Schließen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/free_time_dialog.py" line="166" />
            <source>&amp;Days</source>
            <translation>&amp;Tage</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/free_time_dialog.py" line="172" />
            <source>&amp;Length</source>
            <translation>&amp;Dauer</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/free_time_dialog.py" line="175" />
            <source>Hours</source>
            <translation>Stunden</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/free_time_dialog.py" line="225" />
            <source>The last day must not be before the first day.</source>
            <translation>Der letzte Tag darf nicht vor dem ersten Tag liegen.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/free_time_dialog.py" line="235" />
            <source>The hours must end after they start.</source>
            <translation>Die Arbeitszeit muss nach ihrem Beginn enden.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/free_time_dialog.py" line="249" />
            <source>Searching…</source>
            <translation>Suche läuft…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/free_time_dialog.py" line="258" />
            <source>Could not search.</source>
            <translation>Suche nicht möglich.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/free_time_dialog.py" line="259" />
            <source>Could not find free time</source>
            <translation>Es wurde keine freie Zeit gefunden</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/free_time_dialog.py" line="287" />
            <source>No free time of that length in these days.</source>
            <translation>An diesen Tagen gibt es keine freie Zeit dieser Länge.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/free_time_dialog.py" line="289" />
            <source>1 free slot.</source>
            <translation>1 freies Zeitfenster.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/free_time_dialog.py" line="291" />
            <source>{n} free slots.</source>
            <translation>{n} freie Zeitfenster.</translation>
        </message>
    </context>
    <context>
        <name>HealthPane</name>
        <message>
            <location filename="../../desktop/ui/panes/health_pane.py" line="105" />
            <source>Check &amp;integrity now</source>
            <translation>&amp;Integrität jetzt prüfen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_pane.py" line="106" />
            <source>Check database integrity now</source>
            <translation>Integrität der Datenbank jetzt prüfen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_pane.py" line="108" />
            <source>Copy &amp;diagnostics</source>
            <translation>&amp;Diagnose kopieren</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_pane.py" line="109" />
            <source>Copy diagnostics to the clipboard</source>
            <translation>Diagnose in die Zwischenablage kopieren</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_pane.py" line="111" />
            <source>Version, platform, settings and the last log lines, secrets removed</source>
            <translation>Version, Plattform, Einstellungen und die letzten Protokollzeilen, ohne Geheimnisse</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_pane.py" line="116" />
            <source>Alert</source>
            <translation>Warnung</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_pane.py" line="118" />
            <source>Alerts</source>
            <translation>Warnungen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_pane.py" line="125" />
            <source>✓ All is well: nothing needs your attention.</source>
            <translation>✓ Alles in Ordnung: Nichts braucht deine Aufmerksamkeit.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_pane.py" line="133" />
            <source>Disk space used</source>
            <translation>Belegter Speicherplatz</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_pane.py" line="140" />
            <location filename="../../desktop/ui/panes/health_pane.py" line="182" />
            <source>Integrations</source>
            <translation>Integrationen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_pane.py" line="143" />
            <source>Area</source>
            <translation>Bereich</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_pane.py" line="144" />
            <source>Rows</source>
            <translation>Zeilen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_pane.py" line="148" />
            <location filename="../../desktop/ui/panes/health_pane.py" line="183" />
            <source>Rows per area</source>
            <translation>Zeilen pro Bereich</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_pane.py" line="157" />
            <source>Database</source>
            <translation>Datenbank</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_pane.py" line="159" />
            <source>File</source>
            <translation>Datei</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_pane.py" line="160" />
            <source>Size</source>
            <translation>Größe</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_pane.py" line="161" />
            <source>Integrity</source>
            <translation>Integrität</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_pane.py" line="162" />
            <source>Schema</source>
            <translation>Schema</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_pane.py" line="164" />
            <source>Disk and sync</source>
            <translation>Speicher und Sync</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_pane.py" line="166" />
            <source>Free space</source>
            <translation>Freier Speicher</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_pane.py" line="168" />
            <source>Sync</source>
            <translation>Synchronisation</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_pane.py" line="170" />
            <source>This app</source>
            <translation>Diese App</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_pane.py" line="172" />
            <source>CPU</source>
            <translation>CPU</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_pane.py" line="173" />
            <source>Memory</source>
            <translation>Arbeitsspeicher</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_pane.py" line="174" />
            <source>Background jobs</source>
            <translation>Hintergrundaufträge</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_pane.py" line="191" />
            <source>Health</source>
            <translation>Zustand</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_pane.py" line="218" />
            <source>Never</source>
            <translation>Nie</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_pane.py" line="223" />
            <source>Account</source>
            <translation>Konto</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_pane.py" line="227" />
            <source>State</source>
            <translation>Zustand</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_pane.py" line="229" />
            <source>Errors</source>
            <translation>Fehler</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_pane.py" line="235" />
            <source>Last sync</source>
            <translation>Letzte Synchronisation</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_pane.py" line="239" />
            <source>Last error</source>
            <translation>Letzter Fehler</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_pane.py" line="262" />
            <source>Updated {when}</source>
            <translation>Aktualisiert {when}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_pane.py" line="292" />
            <source>Checking…</source>
            <translation>Wird geprüft…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_pane.py" line="316" />
            <source>Could not check: {error}</source>
            <translation>Prüfung nicht möglich: {error}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_pane.py" line="336" />
            <source>{size} (write-ahead log {wal})</source>
            <translation>{size} (Write-Ahead-Log {wal})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_pane.py" line="343" />
            <source>Not checked yet</source>
            <translation>Noch nicht geprüft</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_pane.py" line="344" />
            <source>none</source>
            <translation>keine</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_pane.py" line="346" />
            <source>{revision} (current)</source>
            <translation>{revision} (aktuell)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_pane.py" line="348" />
            <source>{revision} (not current)</source>
            <translation>{revision} (nicht aktuell)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_pane.py" line="354" />
            <source>OK (checked {when})</source>
            <translation>OK (geprüft {when})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_pane.py" line="357" />
            <source>Damaged: {problems} (checked {when})</source>
            <translation>Beschädigt: {problems} (geprüft {when})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_pane.py" line="368" />
            <source>{free} of {total} ({percent} % free)</source>
            <translation>{free} von {total} ({percent} % frei)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_pane.py" line="373" />
            <source>%p % used</source>
            <translation>%p % belegt</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_pane.py" line="376" />
            <source>Not connected (the shared server comes with sync)</source>
            <translation>Nicht verbunden (der gemeinsame Server kommt mit der Synchronisation)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_pane.py" line="379" />
            <source>Failing since {when}: {error}</source>
            <translation>Fehlschläge seit {when}: {error}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_pane.py" line="384" />
            <source>never</source>
            <translation>nie</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_pane.py" line="386" />
            <source>Connected to {server}, last sync {when}</source>
            <translation>Verbunden mit {server}, zuletzt synchronisiert {when}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_pane.py" line="412" />
            <source>Diagnostics copied to the clipboard</source>
            <translation>Diagnose in die Zwischenablage kopiert</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_pane.py" line="428" />
            <source>unknown ({error})</source>
            <translation>unbekannt ({error})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_pane.py" line="436" />
            <source>none running</source>
            <translation>keiner läuft</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/health_pane.py" line="436" />
            <source>{n} running</source>
            <translation>{n} laufen</translation>
        </message>
    </context>
    <context>
        <name>InboxPane</name>
        <message>
            <location filename="../../desktop/ui/panes/inbox_pane.py" line="65" />
            <source>Show</source>
            <translation>Anzeigen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/inbox_pane.py" line="67" />
            <location filename="../../desktop/ui/panes/inbox_pane.py" line="130" />
            <source>Inbox</source>
            <translation>Posteingang</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/inbox_pane.py" line="68" />
            <source>Unread</source>
            <translation>Ungelesen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/inbox_pane.py" line="69" />
            <source>Starred</source>
            <translation>Mit Stern</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/inbox_pane.py" line="70" />
            <source>Archived</source>
            <translation>Archiviert</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/inbox_pane.py" line="74" />
            <source>Source</source>
            <translation>Quelle</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/inbox_pane.py" line="75" />
            <source>All sources</source>
            <translation>Alle Quellen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/inbox_pane.py" line="84" />
            <source>Messages</source>
            <translation>Nachrichten</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/inbox_pane.py" line="104" />
            <location filename="../../desktop/ui/panes/inbox_pane.py" line="274" />
            <source>☆ &amp;Star</source>
            <translation>☆ &amp;Stern setzen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/inbox_pane.py" line="105" />
            <source>Star or unstar</source>
            <translation>Stern setzen oder entfernen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/inbox_pane.py" line="107" />
            <source>Mark &amp;unread</source>
            <translation>Als &amp;ungelesen markieren</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/inbox_pane.py" line="108" />
            <source>Mark unread</source>
            <translation>Als ungelesen markieren</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/inbox_pane.py" line="109" />
            <location filename="../../desktop/ui/panes/inbox_pane.py" line="262" />
            <location filename="../../desktop/ui/panes/inbox_pane.py" line="269" />
            <source>&amp;Archive</source>
            <translation>&amp;Archivieren</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/inbox_pane.py" line="110" />
            <source>Archive or move back to the inbox</source>
            <translation>Archivieren oder zurück in den Posteingang</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/inbox_pane.py" line="112" />
            <source>Message</source>
            <translation>Nachricht</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/inbox_pane.py" line="133" />
            <source>Sh&amp;ow</source>
            <translation>&amp;Anzeigen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/inbox_pane.py" line="133" />
            <source>So&amp;urce</source>
            <translation>&amp;Quelle</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/inbox_pane.py" line="185" />
            <source>{n} unread</source>
            <translation>{n} ungelesen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/inbox_pane.py" line="231" />
            <source>Could not open the message</source>
            <translation>Die Nachricht konnte nicht geöffnet werden</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/inbox_pane.py" line="240" />
            <source>No message selected</source>
            <translation>Keine Nachricht ausgewählt</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/inbox_pane.py" line="248" />
            <source>(no subject)</source>
            <translation>(kein Betreff)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/inbox_pane.py" line="250" />
            <source>From {sender} · {when:%a %d %b %Y %H:%M} · {source}</source>
            <translation>Von {sender} · {when:%a %d.%m.%Y %H:%M} · {source}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/inbox_pane.py" line="256" />
            <source>Remote images and active content are blocked.</source>
            <translation>Externe Bilder und aktive Inhalte sind blockiert.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/inbox_pane.py" line="262" />
            <location filename="../../desktop/ui/panes/inbox_pane.py" line="269" />
            <source>Move to &amp;inbox</source>
            <translation>In den &amp;Posteingang verschieben</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/inbox_pane.py" line="274" />
            <source>★ Un&amp;star</source>
            <translation>★ Stern &amp;entfernen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/inbox_pane.py" line="285" />
            <source>Could not change the message</source>
            <translation>Die Nachricht konnte nicht geändert werden</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="115" />
            <source>Atrium</source>
            <translation>Atrium</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="123" />
            <source>Loading…</source>
            <translation>Wird geladen…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="127" />
            <source>Offline · not syncing</source>
            <translation>Offline · keine Synchronisation</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="130" />
            <source>Everything is kept on this computer; no sync server is connected.</source>
            <translation>Alles bleibt auf diesem Computer; kein Sync-Server ist verbunden.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="201" />
            <source>&lt;h3&gt;Atrium {version}&lt;/h3&gt;&lt;p&gt;A local-first personal command center for the desktop.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;Atrium {version}&lt;/h3&gt;&lt;p&gt;Eine lokale persönliche Kommandozentrale für den Desktop.&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="206" />
            <source>About Atrium</source>
            <translation>Über Atrium</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="212" />
            <source>Today</source>
            <translation>Heute</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="213" />
            <source>Tasks</source>
            <translation>Aufgaben</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="214" />
            <source>Calendar</source>
            <translation>Kalender</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="215" />
            <source>Inbox</source>
            <translation>Posteingang</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="216" />
            <source>Finance</source>
            <translation>Finanzen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="217" />
            <source>Notes</source>
            <translation>Notizen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="218" />
            <source>Workflows</source>
            <translation>Workflows</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="219" />
            <source>Agents</source>
            <translation>Agenten</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="220" />
            <source>Voice</source>
            <translation>Sprache</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="221" />
            <source>Projects</source>
            <translation>Projekte</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="222" />
            <source>Health</source>
            <translation>Zustand</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="229" />
            <source>Panes</source>
            <translation>Bereiche</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="245" />
            <source>{title} ({shortcut})</source>
            <translation>{title} ({shortcut})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="269" />
            <source>&amp;File</source>
            <translation>&amp;Datei</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="271" />
            <source>&amp;Quit</source>
            <translation>&amp;Beenden</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="278" />
            <source>&amp;Edit</source>
            <translation>&amp;Bearbeiten</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="280" />
            <source>&amp;View</source>
            <translation>&amp;Ansicht</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="281" />
            <source>&amp;Refresh</source>
            <translation>&amp;Aktualisieren</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="302" />
            <source>&amp;Help</source>
            <translation>&amp;Hilfe</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="303" />
            <source>&amp;About Atrium</source>
            <translation>Ü&amp;ber Atrium</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="358" />
            <location filename="../../desktop/ui/main_window.py" line="381" />
            <source>Could not load {title}: {error}</source>
            <translation>{title} konnte nicht geladen werden: {error}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="427" />
            <source>Working…</source>
            <translation>In Arbeit…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="427" />
            <source>Working… ({n} jobs)</source>
            <translation>In Arbeit… ({n} Aufträge)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="434" />
            <source>Error: {message}</source>
            <translation>Fehler: {message}</translation>
        </message>
    </context>
    <context>
        <name>MonthView</name>
        <message>
            <location filename="../../desktop/ui/widgets/calendar_month.py" line="73" />
            <source>Month</source>
            <translation>Monat</translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/ui/widgets/calendar_month.py" line="250" />
            <source>+%n more</source>
            <translation>
                <numerusform>+%n weitere</numerusform>
                <numerusform>+%n weitere</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>NotesPane</name>
        <message>
            <location filename="../../desktop/ui/panes/notes_pane.py" line="76" />
            <location filename="../../desktop/ui/panes/notes_pane.py" line="77" />
            <source>Search notes</source>
            <translation>Notizen durchsuchen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/notes_pane.py" line="80" />
            <source>Show notes with tag</source>
            <translation>Notizen mit Schlagwort anzeigen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/notes_pane.py" line="83" />
            <location filename="../../desktop/ui/panes/notes_pane.py" line="128" />
            <source>Notes</source>
            <translation>Notizen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/notes_pane.py" line="88" />
            <source>&amp;New note</source>
            <translation>&amp;Neue Notiz</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/notes_pane.py" line="89" />
            <source>New note</source>
            <translation>Neue Notiz</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/notes_pane.py" line="90" />
            <source>&amp;Delete</source>
            <translation>&amp;Löschen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/notes_pane.py" line="91" />
            <source>Delete note</source>
            <translation>Notiz löschen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/notes_pane.py" line="96" />
            <source>Note title</source>
            <translation>Titel der Notiz</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/notes_pane.py" line="97" />
            <source>Title</source>
            <translation>Titel</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/notes_pane.py" line="103" />
            <source>Note tags</source>
            <translation>Schlagwörter der Notiz</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/notes_pane.py" line="104" />
            <source>Tags, e.g. #work #ideas</source>
            <translation>Schlagwörter, z. B. #arbeit #ideen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/notes_pane.py" line="106" />
            <source>Note text (Markdown)</source>
            <translation>Text der Notiz (Markdown)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/notes_pane.py" line="107" />
            <source>Write in Markdown…</source>
            <translation>In Markdown schreiben…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/notes_pane.py" line="110" />
            <source>Preview</source>
            <translation>Vorschau</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/notes_pane.py" line="217" />
            <source>{shown} of {total} notes</source>
            <translation>{shown} von {total} Notizen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/notes_pane.py" line="219" />
            <source>1 note</source>
            <translation>1 Notiz</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/notes_pane.py" line="219" />
            <source>{n} notes</source>
            <translation>{n} Notizen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/notes_pane.py" line="226" />
            <source>All tags</source>
            <translation>Alle Schlagwörter</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/notes_pane.py" line="272" />
            <location filename="../../desktop/ui/panes/notes_pane.py" line="325" />
            <source>Saved</source>
            <translation>Gespeichert</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/notes_pane.py" line="292" />
            <source>Unsaved changes</source>
            <translation>Ungespeicherte Änderungen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/notes_pane.py" line="307" />
            <source>Not saved: a note needs a title</source>
            <translation>Nicht gespeichert: Eine Notiz braucht einen Titel</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/notes_pane.py" line="309" />
            <source>A note needs a title; type one first.</source>
            <translation>Eine Notiz braucht einen Titel; gib zuerst einen ein.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/notes_pane.py" line="312" />
            <source>Saving…</source>
            <translation>Wird gespeichert…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/notes_pane.py" line="329" />
            <source>Not saved</source>
            <translation>Nicht gespeichert</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/notes_pane.py" line="330" />
            <source>Could not save the note</source>
            <translation>Die Notiz konnte nicht gespeichert werden</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/notes_pane.py" line="357" />
            <source>Untitled note</source>
            <translation>Notiz ohne Titel</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/notes_pane.py" line="359" />
            <source>Could not create a note</source>
            <translation>Die Notiz konnte nicht angelegt werden</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/notes_pane.py" line="373" />
            <source>Could not delete the note</source>
            <translation>Die Notiz konnte nicht gelöscht werden</translation>
        </message>
    </context>
    <context>
        <name>Notifier</name>
        <message>
            <location filename="../../desktop/ui/notifications.py" line="132" />
            <source> (and {n} more)</source>
            <translation> (und {n} weitere)</translation>
        </message>
    </context>
    <context>
        <name>PlanDialog</name>
        <message>
            <location filename="../../desktop/ui/dialogs/plan_dialog.py" line="61" />
            <source>Plan focus time</source>
            <translation>Fokuszeit planen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/plan_dialog.py" line="69" />
            <location filename="../../desktop/ui/dialogs/plan_dialog.py" line="92" />
            <source>From</source>
            <translation>Von</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/plan_dialog.py" line="69" />
            <source>To</source>
            <translation>Bis</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/plan_dialog.py" line="76" />
            <source>Day</source>
            <translation>Tag</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/plan_dialog.py" line="76" />
            <source>Time</source>
            <translation>Zeit</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/plan_dialog.py" line="76" />
            <source>Length</source>
            <translation>Dauer</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/plan_dialog.py" line="76" />
            <source>Task</source>
            <translation>Aufgabe</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/plan_dialog.py" line="78" />
            <source>Proposed focus blocks</source>
            <translation>Vorgeschlagene Fokusblöcke</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/plan_dialog.py" line="86" />
            <source>Apply</source>
            <translation>Übernehmen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/plan_dialog.py" line="89" />
            <source>Close</source>
            <translation>Schließen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/plan_dialog.py" line="94" />
            <source>to</source>
            <translation>bis</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/plan_dialog.py" line="128" />
            <source>Planning…</source>
            <translation>Wird geplant…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/plan_dialog.py" line="153" />
            <source>Applied: {n} block(s) added, {k} kept, {r} removed.</source>
            <translation>Übernommen: {n} Block/Blöcke hinzugefügt, {k} behalten, {r} entfernt.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/plan_dialog.py" line="191" />
            <source>{n} focus block(s) proposed.</source>
            <translation>{n} Fokusblock/-blöcke vorgeschlagen.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/plan_dialog.py" line="193" />
            <source>Nothing to plan: no open task with an estimate fits.</source>
            <translation>Nichts zu planen: Keine offene Aufgabe mit Schätzung passt.</translation>
        </message>
    </context>
    <context>
        <name>Presence</name>
        <message>
            <location filename="../../desktop/ui/presence.py" line="122" />
            <source>&amp;Quick add…</source>
            <translation>&amp;Schnell hinzufügen…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/presence.py" line="138" />
            <source>Added '{title}'</source>
            <translation>„{title}“ hinzugefügt</translation>
        </message>
    </context>
    <context>
        <name>ProjectEditor</name>
        <message>
            <location filename="../../desktop/ui/panes/projects_pane.py" line="67" />
            <source>New project</source>
            <translation>Neues Projekt</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/projects_pane.py" line="67" />
            <source>Edit project</source>
            <translation>Projekt bearbeiten</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/projects_pane.py" line="69" />
            <source>Project name</source>
            <translation>Projektname</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/projects_pane.py" line="70" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/projects_pane.py" line="72" />
            <source>Project status</source>
            <translation>Projektstatus</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/projects_pane.py" line="79" />
            <source>Repository URL</source>
            <translation>Repository-URL</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/projects_pane.py" line="82" />
            <source>Project description</source>
            <translation>Projektbeschreibung</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/projects_pane.py" line="84" />
            <source>What the project is about</source>
            <translation>Worum es in dem Projekt geht</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/projects_pane.py" line="96" />
            <source>&amp;Name</source>
            <translation>&amp;Name</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/projects_pane.py" line="97" />
            <source>&amp;Status</source>
            <translation>&amp;Status</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/projects_pane.py" line="98" />
            <source>&amp;Repository</source>
            <translation>&amp;Repository</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/projects_pane.py" line="99" />
            <source>&amp;Description</source>
            <translation>&amp;Beschreibung</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/projects_pane.py" line="121" />
            <source>A project needs a name.</source>
            <translation>Ein Projekt braucht einen Namen.</translation>
        </message>
    </context>
    <context>
        <name>ProjectsPane</name>
        <message>
            <location filename="../../desktop/ui/panes/projects_pane.py" line="163" />
            <source>&amp;New project…</source>
            <translation>&amp;Neues Projekt…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/projects_pane.py" line="163" />
            <source>New project</source>
            <translation>Neues Projekt</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/projects_pane.py" line="164" />
            <source>&amp;Edit…</source>
            <translation>&amp;Bearbeiten…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/projects_pane.py" line="164" />
            <source>Edit project</source>
            <translation>Projekt bearbeiten</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/projects_pane.py" line="165" />
            <source>&amp;Delete</source>
            <translation>&amp;Löschen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/projects_pane.py" line="165" />
            <source>Delete project</source>
            <translation>Projekt löschen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/projects_pane.py" line="176" />
            <source>Projects</source>
            <translation>Projekte</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/projects_pane.py" line="179" />
            <source>Press Enter to edit the selected project, Delete to delete it.</source>
            <translation>Drücke Eingabe, um das ausgewählte Projekt zu bearbeiten, Entf, um es zu löschen.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/projects_pane.py" line="185" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/projects_pane.py" line="187" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/projects_pane.py" line="191" />
            <source>Repository</source>
            <translation>Repository</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/projects_pane.py" line="193" />
            <source>Description</source>
            <translation>Beschreibung</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/projects_pane.py" line="207" />
            <source>{shown} of {total} projects</source>
            <translation>{shown} von {total} Projekten</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/projects_pane.py" line="208" />
            <source>1 project</source>
            <translation>1 Projekt</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/projects_pane.py" line="208" />
            <source>{n} projects</source>
            <translation>{n} Projekte</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/projects_pane.py" line="234" />
            <source>Could not set the project's status</source>
            <translation>Der Status des Projekts konnte nicht gesetzt werden</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/projects_pane.py" line="241" />
            <source>Could not create the project</source>
            <translation>Das Projekt konnte nicht angelegt werden</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/projects_pane.py" line="264" />
            <source>Could not save the project</source>
            <translation>Das Projekt konnte nicht gespeichert werden</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/projects_pane.py" line="279" />
            <source>Could not delete the project</source>
            <translation>Das Projekt konnte nicht gelöscht werden</translation>
        </message>
    </context>
    <context>
        <name>QuickAddDialog</name>
        <message>
            <location filename="../../desktop/ui/quick_add.py" line="102" />
            <source>Quick add</source>
            <translation>Schnell hinzufügen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/quick_add.py" line="109" />
            <source>Call dentist tomorrow 5pm !high #health</source>
            <translation>Zahnarzt morgen 17 Uhr anrufen !high #gesundheit</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/quick_add.py" line="110" />
            <source>What to add</source>
            <translation>Was hinzugefügt werden soll</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/quick_add.py" line="112" />
            <source>Auto</source>
            <translation>Automatisch</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/quick_add.py" line="112" />
            <source>Task</source>
            <translation>Aufgabe</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/quick_add.py" line="112" />
            <source>Event</source>
            <translation>Termin</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/quick_add.py" line="113" />
            <source>Add as</source>
            <translation>Hinzufügen als</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/quick_add.py" line="119" />
            <source>Add</source>
            <translation>Hinzufügen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/quick_add.py" line="127" />
            <source>Enter adds · Esc closes</source>
            <translation>Eingabe fügt hinzu · Esc schließt</translation>
        </message>
    </context>
    <context>
        <name>RecordListPane</name>
        <message>
            <location filename="../../desktop/ui/panes/records_base.py" line="75" />
            <source>Search</source>
            <translation>Suchen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/records_base.py" line="76" />
            <source>Search {what}</source>
            <translation>{what} durchsuchen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/records_base.py" line="154" />
            <source>{shown} of {total} shown</source>
            <translation>{shown} von {total} angezeigt</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/records_base.py" line="155" />
            <source>{n} in all</source>
            <translation>{n} insgesamt</translation>
        </message>
    </context>
    <context>
        <name>RecurrenceEdit</name>
        <message>
            <location filename="../../desktop/ui/widgets/recurrence_edit.py" line="127" />
            <source>Repeats</source>
            <translation>Wiederholungen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/widgets/recurrence_edit.py" line="129" />
            <source>Does not repeat</source>
            <translation>Keine Wiederholung</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/widgets/recurrence_edit.py" line="130" />
            <source>Daily</source>
            <translation>Täglich</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/widgets/recurrence_edit.py" line="131" />
            <source>Weekly</source>
            <translation>Wöchentlich</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/widgets/recurrence_edit.py" line="132" />
            <source>Monthly</source>
            <translation>Monatlich</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/widgets/recurrence_edit.py" line="133" />
            <source>Yearly</source>
            <translation>Jährlich</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/widgets/recurrence_edit.py" line="134" />
            <source>Custom rule</source>
            <translation>Eigene Regel</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/widgets/recurrence_edit.py" line="140" />
            <source>every </source>
            <translation>alle </translation>
        </message>
        <message>
            <location filename="../../desktop/ui/widgets/recurrence_edit.py" line="141" />
            <source>Repeat interval</source>
            <translation>Wiederholungsintervall</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/widgets/recurrence_edit.py" line="148" />
            <source>Repeat on %1</source>
            <translation>Wiederholen am %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/widgets/recurrence_edit.py" line="155" />
            <location filename="../../desktop/ui/widgets/recurrence_edit.py" line="176" />
            <source>Ends</source>
            <translation>Endet</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/widgets/recurrence_edit.py" line="157" />
            <source>never</source>
            <translation>nie</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/widgets/recurrence_edit.py" line="157" />
            <source>on date</source>
            <translation>am Datum</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/widgets/recurrence_edit.py" line="157" />
            <source>after</source>
            <translation>nach</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/widgets/recurrence_edit.py" line="162" />
            <source>Last day</source>
            <translation>Letzter Tag</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/widgets/recurrence_edit.py" line="166" />
            <source> times</source>
            <translation> Mal</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/widgets/recurrence_edit.py" line="167" />
            <source>Number of times</source>
            <translation>Anzahl der Wiederholungen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/widgets/recurrence_edit.py" line="170" />
            <source>Custom recurrence rule</source>
            <translation>Eigene Wiederholungsregel</translation>
        </message>
    </context>
    <context>
        <name>ReminderEdit</name>
        <message>
            <location filename="../../desktop/ui/widgets/reminder_edit.py" line="51" />
            <location filename="../../desktop/ui/widgets/reminder_edit.py" line="53" />
            <source>Reminders</source>
            <translation>Erinnerungen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/widgets/reminder_edit.py" line="57" />
            <source>Remind</source>
            <translation>Erinnern</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/widgets/reminder_edit.py" line="60" />
            <source>Custom…</source>
            <translation>Eigene…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/widgets/reminder_edit.py" line="63" />
            <source>Custom reminder</source>
            <translation>Eigene Erinnerung</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/widgets/reminder_edit.py" line="64" />
            <source>e.g. 45m, 2h, 2d</source>
            <translation>z. B. 45m, 2h, 2d</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/widgets/reminder_edit.py" line="67" />
            <source>Add</source>
            <translation>Hinzufügen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/widgets/reminder_edit.py" line="68" />
            <source>Add reminder</source>
            <translation>Erinnerung hinzufügen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/widgets/reminder_edit.py" line="70" />
            <source>Remove</source>
            <translation>Entfernen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/widgets/reminder_edit.py" line="71" />
            <source>Remove reminder</source>
            <translation>Erinnerung entfernen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/widgets/reminder_edit.py" line="122" />
            <source>At the time</source>
            <translation>Zum Zeitpunkt</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/widgets/reminder_edit.py" line="127" />
            <source>1 day</source>
            <translation>1 Tag</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/widgets/reminder_edit.py" line="127" />
            <source>{n} days</source>
            <translation>{n} Tage</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/widgets/reminder_edit.py" line="129" />
            <source>1 hour</source>
            <translation>1 Stunde</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/widgets/reminder_edit.py" line="129" />
            <source>{n} hours</source>
            <translation>{n} Stunden</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/widgets/reminder_edit.py" line="131" />
            <source>{n} min</source>
            <translation>{n} Min.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/widgets/reminder_edit.py" line="132" />
            <source>{offset} before</source>
            <translation>{offset} vorher</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/widgets/reminder_edit.py" line="143" />
            <source>Type how long before, like 45m, 2h or 2d.</source>
            <translation>Gib an, wie lange vorher, etwa 45m, 2h oder 2d.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/widgets/reminder_edit.py" line="148" />
            <source>Reminder: {error}</source>
            <translation>Erinnerung: {error}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/widgets/reminder_edit.py" line="150" />
            <source>A reminder can be at most 60 days before.</source>
            <translation>Eine Erinnerung kann höchstens 60 Tage vorher sein.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/widgets/reminder_edit.py" line="184" />
            <source>No reminders</source>
            <translation>Keine Erinnerungen</translation>
        </message>
    </context>
    <context>
        <name>ResultView</name>
        <message>
            <location filename="../../desktop/ui/result_view.py" line="60" />
            <source>Result</source>
            <translation>Ergebnis</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/result_view.py" line="70" />
            <source>{n} result(s)</source>
            <translation>{n} Ergebnis(se)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/result_view.py" line="70" />
            <source>Nothing</source>
            <translation>Nichts</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="58" />
            <source>Preferences</source>
            <translation>Einstellungen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="64" />
            <source>Profile</source>
            <translation>Profil</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="65" />
            <source>Appearance</source>
            <translation>Darstellung</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="66" />
            <source>Work hours</source>
            <translation>Arbeitszeit</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="67" />
            <source>Sync, voice, agents</source>
            <translation>Sync, Sprache, Agenten</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="106" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="107" />
            <source>Email</source>
            <translation>E-Mail</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="113" />
            <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="115" />
            <source>Time zone</source>
            <translation>Zeitzone</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="122" />
            <source>Follow the system</source>
            <translation>Wie das System</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="122" />
            <source>Light</source>
            <translation>Hell</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="122" />
            <source>Dark</source>
            <translation>Dunkel</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="126" />
            <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="128" />
            <source>Colour scheme</source>
            <translation>Farbschema</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="129" />
            <source>Show reminders</source>
            <translation>Erinnerungen anzeigen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="130" />
            <source>Keep running in the tray</source>
            <translation>Im Infobereich weiterlaufen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="131" />
            <source>Start with the system</source>
            <translation>Mit dem System starten</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="137" />
            <source>Hours</source>
            <translation>Stunden</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="138" />
            <source>Days</source>
            <translation>Tage</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="139" />
            <source>Buffer (min)</source>
            <translation>Puffer (Min.)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="141" />
            <source>Longest focus block (min)</source>
            <translation>Längster Fokusblock (Min.)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="145" />
            <source>Shortest focus block (min)</source>
            <translation>Kürzester Fokusblock (Min.)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="154" />
            <source>Sync, voice and agents are configured here once they are set up; these values are kept for them.</source>
            <translation>Synchronisation, Sprache und Agenten werden hier eingerichtet, sobald es sie gibt; diese Werte werden für sie aufbewahrt.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="161" />
            <source>Sync server</source>
            <translation>Sync-Server</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="164" />
            <source>Wake phrase</source>
            <translation>Aktivierungssatz</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="171" />
            <location filename="../../desktop/ui/dialogs/settings_dialog.py" line="173" />
            <source>Agent provider</source>
            <translation>Agent-Anbieter</translation>
        </message>
    </context>
    <context>
        <name>Shell</name>
        <message>
            <location filename="../../desktop/ui/shell.py" line="126" />
            <source>Done: {title}</source>
            <translation>Erledigt: {title}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/shell.py" line="185" />
            <source>Command &amp;palette…</source>
            <translation>Befehls&amp;palette…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/shell.py" line="191" />
            <source>Plan &amp;focus time…</source>
            <translation>&amp;Fokuszeit planen…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/shell.py" line="197" />
            <source>Find free &amp;time…</source>
            <translation>Freie &amp;Zeit finden…</translation>
        </message>
    </context>
    <context>
        <name>TaskEditor</name>
        <message>
            <location filename="../../desktop/ui/dialogs/task_editor.py" line="74" />
            <source>New task</source>
            <translation>Neue Aufgabe</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/task_editor.py" line="74" />
            <source>Edit task</source>
            <translation>Aufgabe bearbeiten</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/task_editor.py" line="78" />
            <source>Title</source>
            <translation>Titel</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/task_editor.py" line="80" />
            <source>Notes</source>
            <translation>Notizen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/task_editor.py" line="84" />
            <source>Due</source>
            <translation>Fällig</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/task_editor.py" line="85" />
            <source>e.g. tomorrow 17:00, fri, 2026-03-20</source>
            <translation>z. B. tomorrow 17:00, fri, 2026-03-20</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/task_editor.py" line="87" />
            <source>Priority</source>
            <translation>Priorität</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/task_editor.py" line="88" />
            <source>Low</source>
            <translation>Niedrig</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/task_editor.py" line="88" />
            <source>Medium</source>
            <translation>Mittel</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/task_editor.py" line="88" />
            <source>High</source>
            <translation>Hoch</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/task_editor.py" line="88" />
            <source>Urgent</source>
            <translation>Dringend</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/task_editor.py" line="92" />
            <source>Tags</source>
            <translation>Schlagwörter</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/task_editor.py" line="93" />
            <source>#home #errand</source>
            <translation>#zuhause #besorgung</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/task_editor.py" line="95" />
            <source>Estimate</source>
            <translation>Schätzung</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/task_editor.py" line="96" />
            <source>e.g. 30m, 1h30m</source>
            <translation>z. B. 30m, 1h30m</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/task_editor.py" line="98" />
            <source>Project</source>
            <translation>Projekt</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/task_editor.py" line="99" />
            <source>No project</source>
            <translation>Kein Projekt</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/task_editor.py" line="106" />
            <source>Repeat</source>
            <translation>Wiederholen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/task_editor.py" line="109" />
            <source>Repeat counted from</source>
            <translation>Wiederholung gezählt ab</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/task_editor.py" line="110" />
            <source>the due date</source>
            <translation>dem Fälligkeitsdatum</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/task_editor.py" line="111" />
            <source>when it is done</source>
            <translation>der Erledigung</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/task_editor.py" line="117" />
            <source>Reminders before the task is due</source>
            <translation>Erinnerungen vor Fälligkeit der Aufgabe</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/task_editor.py" line="125" />
            <source>&amp;Title</source>
            <translation>&amp;Titel</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/task_editor.py" line="126" />
            <source>&amp;Notes</source>
            <translation>&amp;Notizen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/task_editor.py" line="127" />
            <source>&amp;Due</source>
            <translation>&amp;Fällig</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/task_editor.py" line="128" />
            <source>&amp;Priority</source>
            <translation>&amp;Priorität</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/task_editor.py" line="129" />
            <source>T&amp;ags</source>
            <translation>&amp;Schlagwörter</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/task_editor.py" line="130" />
            <source>&amp;Estimate</source>
            <translation>&amp;Schätzung</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/task_editor.py" line="131" />
            <source>P&amp;roject</source>
            <translation>P&amp;rojekt</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/task_editor.py" line="132" />
            <source>Repea&amp;t</source>
            <translation>&amp;Wiederholen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/task_editor.py" line="133" />
            <source>Repeat &amp;from</source>
            <translation>Wiederholen &amp;ab</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/task_editor.py" line="134" />
            <source>Re&amp;minders</source>
            <translation>&amp;Erinnerungen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/task_editor.py" line="140" />
            <source>Save</source>
            <translation>Speichern</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/task_editor.py" line="141" />
            <source>Save (Ctrl+Enter)</source>
            <translation>Speichern (Strg+Eingabe)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/task_editor.py" line="142" />
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/task_editor.py" line="206" />
            <source>Give the task a title.</source>
            <translation>Gib der Aufgabe einen Titel.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/task_editor.py" line="213" />
            <source>Due: {error}</source>
            <translation>Fällig: {error}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/task_editor.py" line="220" />
            <source>Estimate: {error}</source>
            <translation>Schätzung: {error}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/task_editor.py" line="227" />
            <source>Repeat: {error}</source>
            <translation>Wiederholung: {error}</translation>
        </message>
    </context>
    <context>
        <name>TaskTreeModel</name>
        <message>
            <location filename="../../desktop/ui/models/task_model.py" line="383" />
            <source>{group}: 1 task</source>
            <translation>{group}: 1 Aufgabe</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/models/task_model.py" line="384" />
            <source>{group}: {n} tasks</source>
            <translation>{group}: {n} Aufgaben</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/models/task_model.py" line="393" />
            <source>No project</source>
            <translation>Kein Projekt</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/models/task_model.py" line="394" />
            <source>No tag</source>
            <translation>Kein Schlagwort</translation>
        </message>
    </context>
    <context>
        <name>TasksPane</name>
        <message>
            <location filename="../../desktop/ui/panes/tasks_pane.py" line="94" />
            <source>Tasks</source>
            <translation>Aufgaben</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/tasks_pane.py" line="103" />
            <source>Filter tasks… (words, #tag)</source>
            <translation>Aufgaben filtern… (Wörter, #Schlagwort)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/tasks_pane.py" line="104" />
            <source>Filter tasks</source>
            <translation>Aufgaben filtern</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/tasks_pane.py" line="108" />
            <source>Group by</source>
            <translation>Gruppieren nach</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/tasks_pane.py" line="109" />
            <source>Group the tasks by project or by tag</source>
            <translation>Aufgaben nach Projekt oder Schlagwort gruppieren</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/tasks_pane.py" line="111" />
            <source>None</source>
            <translation>Keine</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/tasks_pane.py" line="112" />
            <source>Project</source>
            <translation>Projekt</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/tasks_pane.py" line="113" />
            <source>Tag</source>
            <translation>Schlagwort</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/tasks_pane.py" line="117" />
            <source>&amp;Group by</source>
            <translation>&amp;Gruppieren nach</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/tasks_pane.py" line="119" />
            <source>&amp;New task</source>
            <translation>&amp;Neue Aufgabe</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/tasks_pane.py" line="120" />
            <source>New task</source>
            <translation>Neue Aufgabe</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/tasks_pane.py" line="121" />
            <source>New task (Insert)</source>
            <translation>Neue Aufgabe (Einfg)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/tasks_pane.py" line="128" />
            <source>Task list</source>
            <translation>Aufgabenliste</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/tasks_pane.py" line="378" />
            <source>1 group</source>
            <translation>1 Gruppe</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/tasks_pane.py" line="378" />
            <source>{n} groups</source>
            <translation>{n} Gruppen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/tasks_pane.py" line="380" />
            <location filename="../../desktop/ui/panes/tasks_pane.py" line="387" />
            <source>1 task</source>
            <translation>1 Aufgabe</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/tasks_pane.py" line="380" />
            <location filename="../../desktop/ui/panes/tasks_pane.py" line="387" />
            <source>{n} tasks</source>
            <translation>{n} Aufgaben</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/tasks_pane.py" line="389" />
            <source>Showing {shown} of {total} tasks</source>
            <translation>{shown} von {total} Aufgaben angezeigt</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/tasks_pane.py" line="396" />
            <source>No task matches the filter.</source>
            <translation>Keine Aufgabe passt zum Filter.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/tasks_pane.py" line="398" />
            <source>Nothing due today. Press Insert to add a task.</source>
            <translation>Heute ist nichts fällig. Drücke Einfg, um eine Aufgabe hinzuzufügen.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/tasks_pane.py" line="399" />
            <source>Nothing coming up.</source>
            <translation>Nichts steht an.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/tasks_pane.py" line="400" />
            <source>Nothing overdue.</source>
            <translation>Nichts überfällig.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/tasks_pane.py" line="401" />
            <source>No open tasks. Press Insert to add one.</source>
            <translation>Keine offenen Aufgaben. Drücke Einfg, um eine hinzuzufügen.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/tasks_pane.py" line="402" />
            <source>No finished tasks yet.</source>
            <translation>Noch keine erledigten Aufgaben.</translation>
        </message>
    </context>
    <context>
        <name>TimeCanvas</name>
        <message>
            <location filename="../../desktop/ui/widgets/calendar_day_week.py" line="83" />
            <source>Time grid</source>
            <translation>Zeitraster</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/widgets/calendar_day_week.py" line="216" />
            <source>New event</source>
            <translation>Neuer Termin</translation>
        </message>
    </context>
    <context>
        <name>Toast</name>
        <message>
            <location filename="../../desktop/ui/notifications.py" line="71" />
            <source>Reminder: {title}</source>
            <translation>Erinnerung: {title}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notifications.py" line="76" />
            <source>Snooze {n} min</source>
            <translation>{n} Min. schlummern</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/notifications.py" line="77" />
            <source>Dismiss</source>
            <translation>Verwerfen</translation>
        </message>
    </context>
    <context>
        <name>TodayPane</name>
        <message>
            <location filename="../../desktop/ui/panes/today_pane.py" line="116" />
            <source>Today</source>
            <translation>Heute</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/today_pane.py" line="121" />
            <source>Events today and tomorrow</source>
            <translation>Termine heute und morgen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/today_pane.py" line="122" />
            <source>Overdue and due-today tasks</source>
            <translation>Überfällige und heute fällige Aufgaben</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/today_pane.py" line="123" />
            <source>Unread messages by source</source>
            <translation>Ungelesene Nachrichten nach Quelle</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/today_pane.py" line="124" />
            <source>Budgets this month</source>
            <translation>Budgets in diesem Monat</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/today_pane.py" line="129" />
            <source>Spending against budget this month</source>
            <translation>Ausgaben im Vergleich zum Budget in diesem Monat</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/today_pane.py" line="139" />
            <source>Events</source>
            <translation>Termine</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/today_pane.py" line="140" />
            <source>Tasks</source>
            <translation>Aufgaben</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/today_pane.py" line="141" />
            <source>Unread messages</source>
            <translation>Ungelesene Nachrichten</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/today_pane.py" line="152" />
            <source>Spending this month</source>
            <translation>Ausgaben in diesem Monat</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/today_pane.py" line="176" />
            <source>Events ({n})</source>
            <translation>Termine ({n})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/today_pane.py" line="179" />
            <source>Tasks ({overdue}{more} overdue, {today} due today)</source>
            <translation>Aufgaben ({overdue}{more} überfällig, {today} heute fällig)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/today_pane.py" line="184" />
            <source>Unread messages ({n})</source>
            <translation>Ungelesene Nachrichten ({n})</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/today_pane.py" line="197" />
            <source>{day}, all day</source>
            <translation>{day}, ganztägig</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/today_pane.py" line="206" />
            <source>Nothing on the calendar today or tomorrow</source>
            <translation>Heute und morgen steht nichts im Kalender</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/today_pane.py" line="222" />
            <source>Overdue</source>
            <translation>Überfällig</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/today_pane.py" line="222" />
            <source>Due today</source>
            <translation>Heute fällig</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/today_pane.py" line="223" />
            <source>Done</source>
            <translation>Erledigt</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/today_pane.py" line="232" />
            <source>Nothing due today</source>
            <translation>Heute ist nichts fällig</translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/ui/panes/today_pane.py" line="240" />
            <source>%n unread</source>
            <translation>
                <numerusform>%n ungelesen</numerusform>
                <numerusform>%n ungelesen</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/today_pane.py" line="243" />
            <source>All caught up</source>
            <translation>Alles erledigt</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/today_pane.py" line="250" />
            <source>Spent {spent} of {budget} budgeted</source>
            <translation>{spent} von {budget} Budget ausgegeben</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/today_pane.py" line="259" />
            <source>Spent {spent} this month (no budgets set)</source>
            <translation>{spent} in diesem Monat ausgegeben (keine Budgets festgelegt)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/today_pane.py" line="273" />
            <source>{category} budget</source>
            <translation>Budget {category}</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/today_pane.py" line="281" />
            <source>No budgets for this month</source>
            <translation>Keine Budgets für diesen Monat</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/today_pane.py" line="314" />
            <source>Could not complete the task</source>
            <translation>Die Aufgabe konnte nicht abgeschlossen werden</translation>
        </message>
    </context>
    <context>
        <name>Tray</name>
        <message>
            <location filename="../../desktop/ui/tray.py" line="118" />
            <source>Quick add…</source>
            <translation>Schnell hinzufügen…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/tray.py" line="121" />
            <source>Next events</source>
            <translation>Nächste Termine</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/tray.py" line="125" />
            <source>Push to talk</source>
            <translation>Zum Sprechen drücken</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/tray.py" line="127" />
            <source>Voice commands are not set up yet</source>
            <translation>Sprachbefehle sind noch nicht eingerichtet</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/tray.py" line="128" />
            <source>Sync now</source>
            <translation>Jetzt synchronisieren</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/tray.py" line="130" />
            <source>Connect a sync server in the settings first</source>
            <translation>Verbinde zuerst in den Einstellungen einen Sync-Server</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/tray.py" line="133" />
            <source>Open Atrium</source>
            <translation>Atrium öffnen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/tray.py" line="135" />
            <source>Quit</source>
            <translation>Beenden</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/tray.py" line="146" />
            <source>Nothing in the next two weeks</source>
            <translation>Nichts in den nächsten zwei Wochen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/tray.py" line="155" />
            <source>Atrium — next: {event}</source>
            <translation>Atrium — als Nächstes: {event}</translation>
        </message>
    </context>
    <context>
        <name>UndoHistory</name>
        <message>
            <location filename="../../desktop/ui/undo.py" line="155" />
            <source>&amp;Undo {title}</source>
            <translation>{title} &amp;rückgängig machen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/undo.py" line="155" />
            <source>&amp;Undo</source>
            <translation>&amp;Rückgängig</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/undo.py" line="158" />
            <source>&amp;Redo {title}</source>
            <translation>{title} &amp;wiederholen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/undo.py" line="158" />
            <source>&amp;Redo</source>
            <translation>&amp;Wiederholen</translation>
        </message>
    </context>
    <context>
        <name>ViewList</name>
        <message>
            <location filename="../../desktop/ui/panes/tasks_widgets.py" line="158" />
            <source>Today</source>
            <translation>Heute</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/tasks_widgets.py" line="159" />
            <source>Upcoming</source>
            <translation>Demnächst</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/tasks_widgets.py" line="160" />
            <source>Overdue</source>
            <translation>Überfällig</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/tasks_widgets.py" line="161" />
            <source>All</source>
            <translation>Alle</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/tasks_widgets.py" line="162" />
            <source>Done</source>
            <translation>Erledigt</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/tasks_widgets.py" line="169" />
            <source>Task views</source>
            <translation>Aufgabenansichten</translation>
        </message>
    </context>
    <context>
        <name>VoiceCommandEditor</name>
        <message>
            <location filename="../../desktop/ui/panes/records_panes.py" line="271" />
            <source>New voice command</source>
            <translation>Neuer Sprachbefehl</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/records_panes.py" line="273" />
            <source>Phrase</source>
            <translation>Satz</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/records_panes.py" line="274" />
            <source>what you will say, e.g. “what is overdue”</source>
            <translation>was du sagen wirst, z. B. „what is overdue“</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/records_panes.py" line="276" />
            <source>Action</source>
            <translation>Aktion</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/records_panes.py" line="287" />
            <source>&amp;Add</source>
            <translation>&amp;Hinzufügen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/records_panes.py" line="291" />
            <source>&amp;Phrase</source>
            <translation>&amp;Satz</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/records_panes.py" line="292" />
            <source>&amp;Action</source>
            <translation>&amp;Aktion</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/records_panes.py" line="312" />
            <source>Type the phrase to say.</source>
            <translation>Gib den zu sprechenden Satz ein.</translation>
        </message>
    </context>
    <context>
        <name>VoicePane</name>
        <message>
            <location filename="../../desktop/ui/panes/records_panes.py" line="332" />
            <source>&amp;Add voice command…</source>
            <translation>Sprachbefehl &amp;hinzufügen…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/records_panes.py" line="332" />
            <source>Add voice command</source>
            <translation>Sprachbefehl hinzufügen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/records_panes.py" line="338" />
            <source>Voice</source>
            <translation>Sprache</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/records_panes.py" line="342" />
            <source>Say a phrase to run its action. Commands are added here; changing, turning off and deleting them come with the voice issue.</source>
            <translation>Sprich einen Satz, um seine Aktion auszuführen. Befehle werden hier hinzugefügt; Ändern, Abschalten und Löschen kommen mit der Sprachsteuerung.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/records_panes.py" line="348" />
            <source>Phrase</source>
            <translation>Satz</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/records_panes.py" line="349" />
            <source>Action</source>
            <translation>Aktion</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/records_panes.py" line="351" />
            <source>Enabled</source>
            <translation>Aktiv</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/records_panes.py" line="352" />
            <source>On</source>
            <translation>An</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/records_panes.py" line="352" />
            <source>Off</source>
            <translation>Aus</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/records_panes.py" line="356" />
            <source>Uses</source>
            <translation>Verwendungen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/records_panes.py" line="362" />
            <source>Success rate</source>
            <translation>Erfolgsquote</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/records_panes.py" line="368" />
            <source>Last used</source>
            <translation>Zuletzt benutzt</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/records_panes.py" line="369" />
            <source>Never</source>
            <translation>Nie</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/records_panes.py" line="382" />
            <source>{shown} of {total} commands</source>
            <translation>{shown} von {total} Befehlen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/records_panes.py" line="383" />
            <source>1 command</source>
            <translation>1 Befehl</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/records_panes.py" line="383" />
            <source>{n} commands</source>
            <translation>{n} Befehle</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/records_panes.py" line="399" />
            <source>Could not add the voice command</source>
            <translation>Der Sprachbefehl konnte nicht hinzugefügt werden</translation>
        </message>
    </context>
    <context>
        <name>WelcomeDialog</name>
        <message>
            <location filename="../../desktop/ui/dialogs/welcome.py" line="59" />
            <source>Welcome to Atrium</source>
            <translation>Willkommen bei Atrium</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/welcome.py" line="64" />
            <source>&lt;h3&gt;Welcome to Atrium&lt;/h3&gt;&lt;p&gt;Your tasks, calendar, messages, money and notes in one window, on this computer. A few questions and you are set.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;Willkommen bei Atrium&lt;/h3&gt;&lt;p&gt;Deine Aufgaben, dein Kalender, deine Nachrichten, Finanzen und Notizen in einem Fenster, auf diesem Computer. Ein paar Fragen, und es kann losgehen.&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/welcome.py" line="70" />
            <location filename="../../desktop/ui/dialogs/welcome.py" line="86" />
            <source>Your name</source>
            <translation>Dein Name</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/welcome.py" line="75" />
            <location filename="../../desktop/ui/dialogs/welcome.py" line="87" />
            <source>Time zone</source>
            <translation>Zeitzone</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/welcome.py" line="77" />
            <location filename="../../desktop/ui/dialogs/welcome.py" line="88" />
            <source>Working hours</source>
            <translation>Arbeitszeiten</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/welcome.py" line="78" />
            <source>Start with nothing</source>
            <translation>Leer beginnen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/welcome.py" line="79" />
            <source>Try it with demo data</source>
            <translation>Mit Demodaten ausprobieren</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/welcome.py" line="92" />
            <source>Skip</source>
            <translation>Überspringen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/welcome.py" line="93" />
            <location filename="../../desktop/ui/dialogs/welcome.py" line="146" />
            <source>Start</source>
            <translation>Beginn</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/welcome.py" line="128" />
            <source>Adding demo data…</source>
            <translation>Demodaten werden hinzugefügt…</translation>
        </message>
    </context>
    <context>
        <name>WorkflowsPane</name>
        <message>
            <location filename="../../desktop/ui/panes/records_panes.py" line="91" />
            <source>Workflows</source>
            <translation>Workflows</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/records_panes.py" line="95" />
            <source>Workflows are edited in the workflow editor, coming with the workflows issue. This list is read-only.</source>
            <translation>Workflows werden im Workflow-Editor bearbeitet, der noch kommt. Diese Liste ist schreibgeschützt.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/records_panes.py" line="102" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/records_panes.py" line="106" />
            <source>Trigger</source>
            <translation>Auslöser</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/records_panes.py" line="108" />
            <source>Enabled</source>
            <translation>Aktiv</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/records_panes.py" line="109" />
            <source>On</source>
            <translation>An</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/records_panes.py" line="109" />
            <source>Off</source>
            <translation>Aus</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/records_panes.py" line="113" />
            <source>Last run</source>
            <translation>Letzter Lauf</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/records_panes.py" line="114" />
            <source>Never</source>
            <translation>Nie</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/records_panes.py" line="118" />
            <source>Runs</source>
            <translation>Läufe</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/records_panes.py" line="124" />
            <source>Description</source>
            <translation>Beschreibung</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/records_panes.py" line="138" />
            <source>{shown} of {total} workflows</source>
            <translation>{shown} von {total} Workflows</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/records_panes.py" line="139" />
            <source>1 workflow</source>
            <translation>1 Workflow</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/records_panes.py" line="139" />
            <source>{n} workflows</source>
            <translation>{n} Workflows</translation>
        </message>
    </context>
    <context>
        <name>app</name>
        <message>
            <location filename="../../desktop/app.py" line="97" />
            <source>Atrium cannot start</source>
            <translation>Atrium kann nicht starten</translation>
        </message>
        <message>
            <location filename="../../desktop/app.py" line="166" />
            <source>&amp;Preferences…</source>
            <translation>&amp;Einstellungen…</translation>
        </message>
    </context>
    <context>
        <name>box</name>
        <message>
            <location filename="../../desktop/ui/dialogs/task_editor.py" line="276" />
            <source>Delete task</source>
            <translation>Aufgabe löschen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/task_editor.py" line="277" />
            <source>Delete “{title}”?</source>
            <translation>„{title}“ löschen?</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/task_editor.py" line="280" />
            <source>Its subtask will be deleted too.</source>
            <translation>Ihre Unteraufgabe wird ebenfalls gelöscht.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/dialogs/task_editor.py" line="282" />
            <source>Its {n} subtasks will be deleted too.</source>
            <translation>Ihre {n} Unteraufgaben werden ebenfalls gelöscht.</translation>
        </message>
    </context>
    <context>
        <name>parent</name>
        <message>
            <location filename="../../desktop/ui/crash.py" line="112" />
            <source>Save report</source>
            <translation>Bericht speichern</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/crash.py" line="112" />
            <source>Text files (*.txt)</source>
            <translation>Textdateien (*.txt)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/messages.py" line="20" />
            <location filename="../../desktop/ui/shell.py" line="44" />
            <source>Atrium</source>
            <translation>Atrium</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/notes_pane.py" line="47" />
            <source>Delete note</source>
            <translation>Notiz löschen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/notes_pane.py" line="48" />
            <source>Delete the note “{title}”? This cannot be undone.</source>
            <translation>Die Notiz „{title}“ löschen? Das kann nicht rückgängig gemacht werden.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/projects_pane.py" line="141" />
            <source>Delete project</source>
            <translation>Projekt löschen</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/projects_pane.py" line="143" />
            <source>Delete the project “{name}”? Its tasks stay, without a project. This cannot be undone.</source>
            <translation>Das Projekt „{name}“ löschen? Seine Aufgaben bleiben, ohne Projekt. Das kann nicht rückgängig gemacht werden.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/shell.py" line="45" />
            <source>'{title}' will {verb}. Go ahead?</source>
            <translation>„{title}“ wird {verb}. Fortfahren?</translation>
        </message>
    </context>
    <context>
        <name>self.pane</name>
        <message>
            <location filename="../../desktop/ui/panes/tasks_edits.py" line="58" />
            <source>Could not open the task</source>
            <translation>Die Aufgabe konnte nicht geöffnet werden</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/tasks_edits.py" line="90" />
            <source>Could not add the task</source>
            <translation>Die Aufgabe konnte nicht hinzugefügt werden</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/tasks_edits.py" line="102" />
            <source>Could not save the task</source>
            <translation>Die Aufgabe konnte nicht gespeichert werden</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/tasks_edits.py" line="111" />
            <source>Could not change the project</source>
            <translation>Das Projekt konnte nicht geändert werden</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/tasks_edits.py" line="135" />
            <source>Could not delete the task</source>
            <translation>Die Aufgabe konnte nicht gelöscht werden</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/tasks_edits.py" line="148" />
            <source>Could not change the task</source>
            <translation>Die Aufgabe konnte nicht geändert werden</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/panes/tasks_edits.py" line="162" />
            <source>Could not move the task</source>
            <translation>Die Aufgabe konnte nicht verschoben werden</translation>
        </message>
    </context>
</TS>

"""The service station's terminal UI: the community's dashboard, the escalation queue, conflicts, notices and
imports."""

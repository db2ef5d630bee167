"""Problem events and notices told in words, in the interface language: one wording for the command line, the
TUI's timeline, the exported ledger and the messages pasted into the unit's WeChat group."""

from __future__ import annotations

from .i18n import label, t
from .model.problem import ProblemEvent


def event_summary(event: ProblemEvent) -> str:
    """``上报社区：楼顶漏水需维修基金`` — what an event says, without its time."""
    data = event.data
    text = str(data.get("text", "") or "").strip()
    if event.kind == "reported":
        text = str(data.get("description", ""))
    if event.kind == "escalated":
        return t(
            "ledger.text.escalated", to=label("escalation", str(data.get("to", ""))), reason=data.get("reason", "")
        )
    if event.kind == "decision":
        return t("ledger.text.decision", outcome=label("outcome", str(data.get("outcome", ""))), text=text)
    if event.kind == "feedback":
        said = t("ledger.text.feedback", how=label("channel", str(data.get("how", ""))), to=data.get("to", ""))
        return t("ledger.text.detail", what=said, text=text) if text else said
    if event.kind == "closed" and data.get("resolution") == "unsolvable":
        return t("ledger.text.notice", text=data.get("notice", ""))
    if event.kind == "reopened":
        text = str(data.get("reason", "") or "").strip()
    kind = label("event", event.kind)
    return t("ledger.text.detail", what=kind, text=text) if text else kind

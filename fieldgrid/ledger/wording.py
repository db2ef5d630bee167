"""Problem events and notices told in words, in the interface language: one wording for the command line, the
TUI's timeline, the exported ledger and the messages pasted into the unit's WeChat group."""

from __future__ import annotations

from fieldgrid.i18n import label, t
from fieldgrid.model.ledger import ProblemView
from fieldgrid.model.problem import ProblemEvent
from fieldgrid.model.profile import LeaderProfile
from fieldgrid.model.validation import national_phone


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


def outcome_summary(view: ProblemView) -> str:
    """What came of a problem so far, in one sentence's worth: the last handling, decision or notice."""
    if view.status == "unsolvable" and view.state.notice:
        return view.state.notice
    steps = view.of_kind("handled", "decision", "escalated")
    return event_summary(steps[-1]) if steps else label("status", view.status)


def wechat_message(view: ProblemView, place: str, leader: LeaderProfile | None) -> str:
    """A ready-to-paste message for the unit's WeChat group: feedback on the problem, or its notice when it
    cannot be solved, signed by the leader."""
    sign = ""
    if leader is not None:
        sign = t("ledger.wechat.sign", name=leader.name, phone=national_phone(leader.phone))
    params = {
        "grid": leader.grid.label() if leader else "",
        "place": place,
        "category": label("category", view.report.category),
        "description": view.report.description,
        "outcome": outcome_summary(view),
        "sign": sign,
    }
    key = "ledger.wechat.notice" if view.status == "unsolvable" else "ledger.wechat.feedback"
    return t(key, **params).strip()


def answer_text(outcome: str | None) -> str:
    """The community's answer to an escalated problem, in a word: ``待答复`` while there is none (``None``), else
    the outcome of its decision (``处理中``)."""
    return t(f"queue.answer.{outcome or 'none'}")


def escalated_to_text(target: str) -> str:
    """Where an escalated problem went, in a word short enough for the queue's column (``社区``, ``Street``)."""
    return t(f"queue.to.{target}")

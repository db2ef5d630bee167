"""Problem events and notices told in words, in the interface language: one wording for the command line, the
TUI's timeline, the exported ledger and the messages pasted into the unit's WeChat group.

What leaves the leader's hands never names the resident who reported: a WeChat message or a notice says
住户 / 有住户反映, names the room only where the leader chooses, and loses any name of the household's people
or of the reporter that was typed into its free text; the exported ledger says who was told as 住户.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from fieldgrid.i18n import label, t
from fieldgrid.model.ledger import EMERGENCY_KINDS, EMERGENCY_STEPS, ProblemView, Report
from fieldgrid.model.problem import ProblemEvent
from fieldgrid.model.profile import LeaderProfile
from fieldgrid.model.validation import national_phone

if TYPE_CHECKING:
    from fieldgrid.store import Store


def event_summary(event: ProblemEvent, *, names: bool = True) -> str:
    """``上报社区：楼顶漏水需维修基金`` — what an event says, without its time.  ``names=False``: who was told
    is said as 住户 (for what leaves the device: the exported ledger, the station's reports)."""
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
        told = data.get("to", "") if names else t("ledger.text.resident")
        said = t("ledger.text.feedback", how=label("channel", str(data.get("how", ""))), to=told)
        return t("ledger.text.detail", what=said, text=text) if text else said
    if event.kind == "closed" and data.get("resolution") == "unsolvable":
        return t("ledger.text.notice", text=data.get("notice", ""))
    if event.kind == "closed" and data.get("resolution") == "household_left":
        return t("ledger.text.detail", what=label("event", event.kind), text=str(data.get("note", "")))
    if event.kind == "corrected":
        return t("ledger.text.corrected", changes=correction_summary(data.get("changes") or {}),
                 reason=str(data.get("reason", "") or "").strip())  # fmt: skip
    if event.kind == "reopened":
        text = str(data.get("reason", "") or "").strip()
    kind = label("event", event.kind)
    return t("ledger.text.detail", what=kind, text=text) if text else kind


def checklist_entries(report: Report) -> list[tuple[str, str]]:
    """``(minute, 已拨打 119)`` for each emergency step ticked on the emergency screen, in the order of the steps."""
    number = EMERGENCY_KINDS.get(report.emergency or "", "")
    ticked = report.checklist or {}
    return [(str(ticked[step]), t(f"ledger.text.step_{step}", number=number)) for step in EMERGENCY_STEPS
            if step in ticked]  # fmt: skip


def timeline(view: ProblemView) -> list[tuple[str, str]]:
    """``(time, what happened)`` of every event of ``view`` with the emergency steps ticked (``☑ 已拨打 119``) in
    among them by their minute: the problem's history as the TUI and ``problems show`` tell it."""
    lines = [(event.at, 0, event_summary(event)) for event in view.events]
    lines += [(at, 1, "☑ " + step) for at, step in checklist_entries(view.report)]
    return [(at, text) for at, _, text in sorted(lines, key=lambda line: (line[0], line[1]))]


def correction_summary(changes: Mapping[str, Any]) -> str:
    """``类别 设施维修，紧急程度 较急``: what a correction changed (a household named as 住户, no room here)."""
    parts = []
    for key, value in changes.items():
        if key == "household_id":
            key, shown = "place", (t("ledger.text.resident") if value else "")
        elif key in ("category", "urgency"):
            shown = label(key, str(value))
        else:
            shown = str(value or "")
        if shown:
            parts.append(t("ledger.text.changed", field=t(f"cli.field.{key}"), value=shown))
    return t("ledger.text.sep").join(parts)


def outcome_summary(view: ProblemView, *, names: bool = True) -> str:
    """What came of a problem so far, in one sentence's worth: the last handling, decision or notice."""
    if view.status == "unsolvable" and view.state.notice:
        return view.state.notice
    steps = view.of_kind("handled", "decision", "escalated")
    return event_summary(steps[-1], names=names) if steps else label("status", view.shown_status)


# Reporters that are no resident: the leader, a patrol (as the forms and the demo write them).
NOT_PERSONS = frozenset({"本人", "巡查", "巡查发现", "patrol", "me", "self"})


def without_names(text: str, names: Iterable[str]) -> str:
    """``text`` with every one of ``names`` (two characters or more) said as 住户: free text typed by the leader
    may name the neighbour who complained."""
    for name in sorted({n.strip() for n in names if len(n.strip()) >= 2}, key=len, reverse=True):
        text = text.replace(name, t("ledger.text.resident"))
    return text


def wechat_message(
    view: ProblemView, leader: LeaderProfile | None, *, room: str = "", names: Iterable[str] = ()
) -> str:
    """A ready-to-paste message for the unit's WeChat group: feedback on the problem, or its notice when it
    cannot be solved, signed by the leader.  It never names who reported: a household's problem is what 有住户反映
    (``room``: what the resident of that room reported, only where the leader chooses to say it), a shared
    place's problem is named by the place; ``names`` (the reporter, the household's people) are taken out of the
    description and the outcome."""
    sign = ""
    if leader is not None:
        sign = t("ledger.wechat.sign", name=leader.name, phone=national_phone(leader.phone))
    hidden = [*([] if view.report.reporter in NOT_PERSONS else [view.report.reporter]), *names]
    if view.report.household_id:
        about = t("ledger.wechat.room", room=room) if room else t("ledger.wechat.resident")
    else:
        about = t("ledger.wechat.place", place=without_names(view.report.place, hidden))
    params = {
        "grid": leader.grid.label() if leader else "",
        "about": about,
        "category": label("category", view.report.category),
        "description": without_names(view.report.description, hidden),
        "outcome": without_names(outcome_summary(view, names=False), hidden),
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


def problem_message(store: Store, view: ProblemView, *, room: bool = False) -> str:
    """The message the TUI copies (``w``) and ``fieldgrid problems message`` prints: :func:`wechat_message` for a
    problem of this device's ledger, the household's room only when ``room``."""
    from fieldgrid.errors import FieldgridError

    names: list[str] = []
    where = ""
    if view.report.household_id:
        try:
            household = store.household(view.report.household_id)
        except FieldgridError:  # gone (deleted, or kept only as counts): nothing of it to say
            household = None
        if household is not None:
            names = [m.name for m in household.members] + [household.emergency_name]
            where = household.room
    return wechat_message(view, store.profile(), room=where if room else "", names=names)

"""The plain columns a station keeps beside each sealed record (#17): the ledger's rules give a masked log the
status of the real one, and nothing a resident or a leader wrote in words is left in them."""

from __future__ import annotations

import json
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from fieldgrid.model.ledger import ProblemView
from fieldgrid.model.problem import (
    CATEGORIES,
    DECISION_OUTCOMES,
    ESCALATION_TARGETS,
    EVENT_KINDS,
    FEEDBACK_CHANNELS,
    URGENCIES,
    ProblemEvent,
    derive,
)
from fieldgrid.record.plain import MASK, masked, plain_columns

WORDS = st.sampled_from(["", " ", "王阿姨家漏水", "13812345678", "已修好", "张三"])
DATA = st.fixed_dictionaries(
    {},
    optional={
        "category": st.sampled_from(CATEGORIES),
        "urgency": st.sampled_from(URGENCIES),
        "to": st.one_of(st.sampled_from(ESCALATION_TARGETS), WORDS),
        "outcome": st.sampled_from((*DECISION_OUTCOMES, "nonsense")),
        "how": st.sampled_from(FEEDBACK_CHANNELS),
        "resolution": st.sampled_from(("solved", "unsolvable", "household_left", "other")),
        "reason": WORDS,
        "text": WORDS,
        "notice": WORDS,
        "note": WORDS,
        "description": WORDS,
        "place": WORDS,
        "changes": st.dictionaries(
            st.sampled_from(("category", "urgency", "description", "place")), WORDS, max_size=3
        ),
    },
)
EVENTS = st.lists(
    st.builds(
        lambda kind, day, data, n: ProblemEvent("p", kind, f"2026-05-{day:02d}T09:00", data, f"s{n}", f"e{n}"),
        st.sampled_from(EVENT_KINDS),
        st.integers(1, 28),
        DATA,
        st.integers(0, 10_000),
    ),
    max_size=12,
)


def _masked(events: list[ProblemEvent]) -> list[ProblemEvent]:
    out = []
    for e in events:
        doc = {"id": e.id, "problem_id": e.problem_id, "kind": e.kind, "at": e.at, "data": dict(e.data)}
        kind, at, ref, facts = plain_columns("problem_events", doc)
        out.append(ProblemEvent(str(ref), str(kind), str(at), json.loads(str(facts)), e.stamp, e.id))
    return out


@settings(max_examples=300, deadline=None)
@given(EVENTS)
def test_a_masked_log_has_the_status_of_the_real_one(events: list[ProblemEvent]) -> None:
    real_state = derive(events)  # the same, but a notice's words (masked like every free text)
    assert derive(_masked(events)) == replace(real_state, notice=real_state.notice and MASK)
    real, plain = ProblemView.from_events(events), ProblemView.from_events(_masked(events))
    if real is None:
        assert plain is None
        return
    assert plain is not None
    assert (plain.status, plain.reported_at, plain.report.category, plain.report.urgency, len(plain.feedback)) == (
        real.status, real.reported_at, real.report.category, real.report.urgency, len(real.feedback))  # fmt: skip


def test_no_words_of_a_resident_stay_plain() -> None:
    words = ("王阿姨家漏水", "13812345678", "张三", "3栋2单元0601", "楼下烧烤")
    event = {"id": "e1", "problem_id": "p1", "kind": "reported", "at": "2026-05-02T09:00",
             "data": {"category": "noise", "urgency": "urgent", "description": words[0], "reporter": words[2],
                      "place": words[3], "household_id": "h1", "checklist": {"smell": words[4]}}}  # fmt: skip
    feedback = {"id": "e2", "problem_id": "p1", "kind": "feedback", "at": "2026-05-03T09:00",
                "data": {"how": "phone", "to": words[2], "text": words[1]}}  # fmt: skip
    visit = {"id": "v1", "household_id": "h1", "at": "2026-05-01T09:00", "kind": "routine", "found": words[0],
             "needs": words[1], "seen": [words[2]], "corrects": None}  # fmt: skip
    household = {"id": "h1", "residency": "resident", "room": "0601", "notes": words[0],
                 "members": [{"name": words[2], "phone": words[1]}]}  # fmt: skip
    correction = {"id": "c1", "record": "visit", "target": "v1", "at": "2026-05-04T09:00", "reason": words[0],
                  "by": words[2], "void": True}  # fmt: skip
    columns = [plain_columns("problem_events", event), plain_columns("problem_events", feedback),
               plain_columns("visits", visit), plain_columns("households", household),
               plain_columns("corrections", correction)]  # fmt: skip
    text = json.dumps(columns, ensure_ascii=False)
    assert not any(w in text for w in words), text
    assert columns[0][:3] == ("reported", "2026-05-02T09:00", "p1")
    assert (
        json.loads(str(columns[0][3]))["description"] == MASK and json.loads(str(columns[0][3]))["category"] == "noise"
    )
    assert columns[2] == ("routine", "2026-05-01T09:00", None, None)
    assert columns[3] == ("resident", None, None, None)
    assert columns[4][:3] == ("visit", "2026-05-04T09:00", "v1") and json.loads(str(columns[4][3])) == {"void": True}
    assert plain_columns("patrols", {"id": "x", "notes": words[0]}) == (None, None, None, None)


def test_an_escalation_target_stays_and_a_person_to_tell_does_not() -> None:
    assert masked({"to": "street"}) == {"to": "street"}
    assert masked({"to": "王阿姨"}) == {"to": MASK}
    assert masked({"reason": "  "}) == {"reason": ""}
    assert masked({"n": 3, "ok": True, "list": ["a", ""]}) == {"n": 3, "ok": True, "list": [MASK, ""]}

"""Messages of a problem's events: the ``tui.event.*`` keys."""

PREFIXES = ("tui.event",)

ZH: dict[str, str] = {
    "tui.event.title": "{kind}：{description}",
    "tui.event.at": "时间",
    "tui.event.note_text": "备注内容",
    "tui.event.handled_text": "怎么处理的",
    "tui.event.to_escalate": "上报给",
    "tui.event.reason": "原因",
    "tui.event.outcome": "处理结果",
    "tui.event.decision_text": "处理意见",
    "tui.event.to_tell": "告知了谁",
    "tui.event.how": "反馈方式",
    "tui.event.feedback_text": "反馈内容",
    "tui.event.resolution": "办结方式",
    "tui.event.solved": "已解决",
    "tui.event.unsolvable": "无法解决（须公告）",
    "tui.event.notice": "公告内容",
    "tui.event.notice_hint": "无法解决时必填：向居民说明原因",
    "tui.event.close_text": "说明",
    "tui.event.saved": "已记录{kind}，问题现为「{status}」",
}

EN: dict[str, str] = {
    "tui.event.title": "{kind}: {description}",
    "tui.event.at": "When",
    "tui.event.note_text": "Note",
    "tui.event.handled_text": "What was done",
    "tui.event.to_escalate": "Escalate to",
    "tui.event.reason": "Reason",
    "tui.event.outcome": "Outcome",
    "tui.event.decision_text": "Decision",
    "tui.event.to_tell": "Who was told",
    "tui.event.how": "How",
    "tui.event.feedback_text": "What they were told",
    "tui.event.resolution": "Closing as",
    "tui.event.solved": "solved",
    "tui.event.unsolvable": "cannot be solved (needs a notice)",
    "tui.event.notice": "Notice",
    "tui.event.notice_hint": "needed when it cannot be solved: tell residents why",
    "tui.event.close_text": "Remark",
    "tui.event.saved": "{kind} recorded; the problem is now '{status}'",
}

"""A busy month at a community station, as model objects: three units in two compounds (each with a 6栋), thirty
problems with long descriptions, every step of the timeline, feedback and notices — for the tests of the printed
monthly report."""

from __future__ import annotations

from fieldgrid.model import Household, Member
from fieldgrid.model.ledger import ProblemView, Report
from fieldgrid.model.problem import ProblemEvent
from fieldgrid.model.unit_month import UnitMonth
from fieldgrid.model.visit import Visit

MONTH = "2026-11"

TEXTS = (
    "地下室排水沟堵塞，下雨后积水没过脚踝，住户车辆无法进出，需要物业疏通并加装格栅",
    "楼道堆放纸箱和旧家具，占用消防通道，多次劝说未果",
    "楼上夜间装修噪音扰民，影响老人休息",
    "电动车在一楼楼道充电，存在火灾隐患",
    "8楼、9楼声控灯不亮",
    "邻里因漏水发生纠纷，楼下天花板大面积渗水发霉，双方对维修费用分担意见不一，需社区调解",
)
CATEGORIES = ("facility_repair", "safety_hazard", "noise", "safety_hazard", "facility_repair", "dispute")


def _view(pid: str, n: int, household: Household) -> ProblemView:
    day = 1 + n % 28
    at = f"{MONTH}-{day:02d}T09:{n % 60:02d}"
    events = [
        ProblemEvent(
            pid,
            "reported",
            at,
            Report(CATEGORIES[n % 6], TEXTS[n % 6], household_id=household.id).to_data(),
            id=f"{pid}-0",
        )
    ]
    if n % 3 != 2:
        events.append(
            ProblemEvent(
                pid,
                "handled",
                at.replace("T09", "T11"),
                {"text": "已现场查看，联系物业维修班组当天处理，并拍照留存"},
                id=f"{pid}-1",
            )
        )
    if n % 3 == 0:
        events += [
            ProblemEvent(pid, "feedback", at.replace("T09", "T15"), {"to": "住户", "how": "phone"}, id=f"{pid}-2"),
            ProblemEvent(pid, "closed", at.replace("T09", "T16"), {"resolution": "solved"}, id=f"{pid}-3"),
        ]
    elif n % 3 == 1:
        events.append(
            ProblemEvent(
                pid,
                "escalated",
                at.replace("T09", "T12"),
                {"to": "community", "reason": "涉及公共维修基金，需社区协调业委会"},
                id=f"{pid}-4",
            )
        )
    view = ProblemView.from_events(events)
    assert view is not None
    return view


def busy_month() -> list[UnitMonth]:
    """Three units (橙郡一期6栋1单元, 橙郡一期6栋2单元, 锦江苑6栋1单元), thirty problems in the month."""
    units = []
    for u, (compound, unit, leader) in enumerate(
        (("橙郡一期", "1单元", "刘秀英"), ("橙郡一期", "2单元", "王芳"), ("锦江苑", "1单元", "张建国"))
    ):
        households = [
            Household(
                room=f"{f:02d}0{r}", building="6栋", unit=unit, members=[Member(name=f"住户{f}{r}", relation="self")]
            )
            for f in range(1, 6)
            for r in (1, 2)
        ]
        problems = [_view(f"{u}-{n}", n + u, households[n % len(households)]) for n in range(10)]
        visits = [
            Visit(h.id, f"{MONTH}-{1 + i % 28:02d}T10:00", ("routine", "errand", "mediation")[i % 3])
            for i, h in enumerate(households)
        ]
        units.append(UnitMonth(leader, f"{compound}6栋{unit}", "6栋", households, visits, problems, compound=compound))
    return units

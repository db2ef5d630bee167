"""Three months of the demo unit's field work, up to today: visits of every kind, two patrols, and problems in
every status — one escalated and awaiting a decision, one closed with feedback, one that cannot be solved
with its notice, one the community answered cannot be solved whose notice is still due, two overdue.

The story is fixed; only its dates move with today, so the map and dashboard always look lived-in.  Drawn
from a seeded ``random.Random`` and uuid5 ids, so two demo homes made on the same day hold the same records.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field

from fieldgrid.model import Household, floor_of_room
from fieldgrid.model.ledger import Report
from fieldgrid.model.patrol import Patrol, PatrolItem, default_items
from fieldgrid.model.problem import ProblemEvent
from fieldgrid.model.visit import Visit
from fieldgrid.model.vocabulary import TAGS

SEED = 24_11_2026
NAMESPACE = uuid.UUID("0b6c1d52-8e7f-5a2b-9c3d-6669656c6467")
DAYS = 90
VULNERABLE = set(TAGS)  # households with any tag are visited every week or two

FOUND = {
    "routine": [
        "家中一切正常",
        "老人身体尚可，叮嘱按时吃药",
        "了解家庭近况，留了联系卡",
        "孩子放假在家，提醒注意用电安全",
    ],
    "follow_up": ["回访：血压已平稳", "回访：维修后漏水已止住", "回访：低保材料已递交"],
    "errand": ["代缴水电费", "代办高龄补贴认证", "帮忙预约社区医生上门", "代取快递药品"],
    "mediation": ["调解楼上楼下噪音矛盾，双方同意晚十点后不装修", "调解楼道堆物纠纷，已约定清理时间"],
    "hazard_check": ["检查燃气软管，已提醒更换", "电动车电池未在家充电", "烟感报警器正常"],
    "policy": ["讲解医保缴费政策", "宣传垃圾分类新规", "讲解老旧小区改造意见征集"],
}
NEEDS = {"routine": ["", "", "希望有人陪同就医"], "errand": [""], "policy": ["", "想了解电梯加装补贴"]}


@dataclass
class History:
    visits: list[Visit] = field(default_factory=list)
    patrols: list[tuple[Patrol, dict[str, Report]]] = field(default_factory=list)
    logs: list[list[ProblemEvent]] = field(default_factory=list)


class _Story:
    def __init__(self, households: Sequence[Household], now: dt.datetime) -> None:
        self.rng = random.Random(SEED)
        self.now = now.replace(second=0, microsecond=0)
        self.households = [h for h in households if h.residency != "vacant"]
        self.history = History()
        self.serial = 0

    def at(self, days_ago: int, hour: int = 10, minute: int = 0) -> str:
        when = (self.now - dt.timedelta(days=days_ago)).replace(hour=hour, minute=minute)
        return when.isoformat(timespec="minutes")

    def uid(self, kind: str) -> str:
        self.serial += 1
        return str(uuid.uuid5(NAMESPACE, f"{kind}/{self.serial}"))

    def with_tag(self, tag: str) -> Household:
        return next((h for h in self.households if tag in h.tags), self.households[0])

    def room(self, n: int) -> Household:
        return self.households[n % len(self.households)]

    def on_floor(self, floor: int) -> Household:
        """The first lived-in flat of ``floor`` (the top one if that floor has none)."""
        found = [h for h in self.households if (h.floor or floor_of_room(h.room)) == floor]
        return found[0] if found else max(self.households, key=lambda h: h.room)

    # -- visits ---------------------------------------------------------------------------------------------

    def visit(self, household: Household, days_ago: int, kind: str, **extra: str | None) -> None:
        hour = self.rng.choice((9, 10, 15, 16, 19))
        found = extra.pop("found", None) or self.rng.choice(FOUND[kind])
        needs = extra.pop("needs", None) or self.rng.choice(NEEDS.get(kind, [""]))
        visit = Visit(
            household.id,
            self.at(days_ago, hour, self.rng.randrange(0, 60, 5)),
            kind,
            found,
            needs,
            follow_up=extra.pop("follow_up", None),
            id=self.uid("visit"),
        )
        self.history.visits.append(visit)

    def visits(self) -> None:
        for n, household in enumerate(self.households):
            vulnerable = VULNERABLE & set(household.tags)
            if vulnerable:  # every week or two
                for days_ago in range(2 + n % 5, DAYS, self.rng.randint(8, 15)):
                    kind = self.rng.choice(("routine", "follow_up", "errand", "routine", "hazard_check"))
                    self.visit(household, days_ago, kind)
            elif n % 3:  # most others once or twice in the three months, a third not lately
                self.visit(household, self.rng.randint(35, DAYS - 1), "routine")
                if n % 3 == 1:
                    self.visit(
                        household, self.rng.randint(3, 29), self.rng.choice(("policy", "routine", "hazard_check"))
                    )
        alone = self.with_tag("living_alone")
        self.visit(
            alone,
            6,
            "routine",
            found="老人说最近头晕",
            needs="希望社区医生上门",
            follow_up=(self.now.date() - dt.timedelta(days=1)).isoformat(),
        )  # a follow-up now due
        quiet = next(h for n, h in enumerate(self.households) if n % 3 == 0 and not VULNERABLE & set(h.tags))
        self.visit(
            quiet,
            8,
            "follow_up",
            found="楼上漏水已修好，墙面待干",
            follow_up=(self.now.date() - dt.timedelta(days=2)).isoformat(),
        )  # due
        self.visit(self.room(7), 12, "mediation")
        self.visit(self.room(9), 4, "policy", follow_up=(self.now.date() + dt.timedelta(days=10)).isoformat())

    def check_ins(self) -> None:
        """Phone and WeChat check-ins (电话/微信联系): one routine, one that tells of a fall (a visit is owed within
        a day); and a visit noting which members were seen."""
        nest = self.with_tag("empty_nest")
        self.history.visits.append(Visit(nest.id, self.at(1, 9, 10), "contact", "电话联系：老两口说一切都好",
                                         id=self.uid("visit")))  # fmt: skip
        alone = ([h for h in self.households if "living_alone" in h.tags] or self.households)[-1]
        self.history.visits.append(Visit(alone.id, self.at(1, 20, 0), "contact", "微信联系：老人说在家摔倒，膝盖擦伤",
                                         "希望有人上门看看", id=self.uid("visit")))  # fmt: skip
        family = max(self.households, key=lambda h: len(h.members))
        seen = tuple(m.name for m in family.members[:2])
        visit = Visit(family.id, self.at(3, 19, 30), "routine", "全家在家，孩子作业有人辅导", seen=seen,
                      id=self.uid("visit"))  # fmt: skip
        self.history.visits.append(visit)

    # -- patrols and problems -------------------------------------------------------------------------------

    def event(self, pid: str, kind: str, days_ago: int, hour: int, **data: object) -> ProblemEvent:
        return ProblemEvent(pid, kind, self.at(days_ago, hour), data, id=self.uid("event"))

    def problem(self, report: Report, days_ago: int, *steps: tuple[str, int, int, dict[str, object]]) -> None:
        pid = self.uid("problem")
        log = [self.event(pid, "reported", days_ago, 9, **report.to_data())]
        log.extend(self.event(pid, kind, ago, hour, **data) for kind, ago, hour, data in steps)
        self.history.logs.append(log)

    def patrols(self) -> None:
        items = list(default_items())
        clutter = PatrolItem("stairwell_clutter", ok=False, finding="5楼楼道堆放旧家具，占用疏散通道")
        first = Patrol(
            self.at(47, 18),
            tuple(clutter if i.item == "stairwell_clutter" else i for i in items),
            id=self.uid("patrol"),
        )
        self.history.patrols.append((first, {}))
        lights = PatrolItem("lights", ok=False, finding="8楼、9楼声控灯不亮")
        second = Patrol(
            self.at(11, 18),
            tuple(lights if i.item == "lights" else i for i in items),
            notes="其余正常",
            id=self.uid("patrol"),
        )
        self.history.patrols.append(
            (second, {"lights": Report("facility_repair", "8楼、9楼声控灯不亮", place="8-9楼楼道", reporter="巡查")})
        )
        # The first patrol's finding, handled on the spot and closed with feedback to the unit.
        self.problem(
            Report(
                "safety_hazard",
                "5楼楼道堆放旧家具，占用疏散通道",
                place="5楼楼道",
                reporter="巡查",
                source={"patrol": first.id, "item": "stairwell_clutter"},
            ),
            47,
            ("handled", 46, 10, {"text": "与0502住户沟通，当天搬走"}),
            ("feedback", 46, 20, {"to": "单元全体住户", "how": "wechat_group", "text": "楼道杂物已清理"}),
            ("closed", 45, 9, {"resolution": "solved"}),
        )

    def problems(self) -> None:
        upstairs, neighbour, asking = self.on_floor(4), self.on_floor(7), self.on_floor(9)
        self.problem(
            Report("noise", "楼上晚上11点后仍有敲打声", household_id=neighbour.id, reporter=neighbour.head_name), 2
        )  # pending
        self.problem(
            Report("facility_repair", "地下室排水沟堵塞，下雨积水", place="负一楼", urgency="urgent", reporter="本人"),
            20,
            ("escalated", 19, 11, {"to": "property", "reason": "需物业疏通"}),
            ("decision", 15, 16, {"outcome": "in_progress", "text": "物业已派人，等疏通设备"}),
        )  # in progress and overdue
        self.problem(
            Report("dispute", "两户因楼道鞋柜摆放发生争执", household_id=upstairs.id, reporter=upstairs.head_name),
            5,
            ("note", 5, 15, {"text": "已分别听取双方意见"}),
            ("escalated", 4, 10, {"to": "community", "reason": "双方各执一词，需社区调解员介入"}),
        )  # escalated, awaiting the decision
        alone, top = self.with_tag("living_alone"), self.on_floor(11)
        self.problem(
            Report("livelihood", "独居老人家中水龙头漏水", household_id=alone.id, reporter=alone.head_name),
            3,
            ("handled", 1, 16, {"text": "联系物业维修工上门换了阀芯"}),
        )  # solved, feedback due
        self.problem(
            Report("sanitation", "单元门口垃圾桶满溢", place="单元门口", reporter="本人"),
            38,
            ("escalated", 38, 11, {"to": "property", "reason": "清运不及时"}),
            ("decision", 36, 9, {"outcome": "resolved", "text": "物业改为每天清运两次"}),
            ("feedback", 35, 19, {"to": "单元全体住户", "how": "wechat_group", "text": "垃圾改为每天清运两次"}),
            ("closed", 35, 20, {"resolution": "solved"}),
        )  # closed with feedback
        self.problem(
            Report(
                "facility_repair", f"顶楼屋面渗水，{top.room}卧室墙面发霉", household_id=top.id, reporter=top.head_name
            ),
            70,
            ("escalated", 69, 10, {"to": "community", "reason": "需动用专项维修资金"}),
            ("escalated", 60, 10, {"to": "street", "reason": "社区无维修资金审批权限"}),
            ("decision", 50, 15, {"outcome": "unsolvable", "text": "维修资金需业主大会表决，本年度无法安排"}),
            ("feedback", 49, 10, {"to": f"{top.room}住户", "how": "in_person", "text": "当面解释原因，先做临时防水"}),
            (
                "closed",
                49,
                18,
                {
                    "resolution": "unsolvable",
                    "notice": "顶楼屋面维修须经业主大会表决动用维修资金，本年度暂无法安排。"
                    f"已为{top.room}做临时防水处理，明年一季度组织表决，请各位业主支持。",
                },
            ),
        )  # unsolvable, notice posted
        self.problem(
            Report("policy_inquiry", "住户咨询电梯加装补贴政策", household_id=asking.id),
            4,
            ("handled", 4, 11, {"text": "已讲解，材料清单发到微信"}),
            ("feedback", 4, 12, {"to": asking.head_name, "how": "phone"}),
            ("closed", 3, 9, {"resolution": "solved"}),
        )
        self.problem(
            Report("livelihood", "住户希望在单元门口加装电动车充电桩", place="单元门口", reporter="本人"),
            12,
            ("escalated", 11, 10, {"to": "community", "reason": "需社区协调供电部门和物业"}),
            ("decision", 2, 15, {"outcome": "unsolvable", "text": "小区电力容量不足，供电部门答复今年无法增容"}),
        )  # the community says it cannot be solved: the residents' notice is due (not overdue)


def build_history(households: Sequence[Household], now: dt.datetime) -> History:
    story = _Story(households, now)
    story.visits()
    story.patrols()
    story.problems()
    story.check_ins()  # last, so the story drawn before it stays the same
    return story.history

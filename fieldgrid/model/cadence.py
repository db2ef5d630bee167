"""Care cadences (走访频次): how often each household is owed a visit, and when its next one falls due.

Practice elsewhere: high-risk residents (80 or older, living alone or an empty nest) at least weekly and within a day
of a major change (a hospital stay, a bereavement, a fall), the other special-attention groups monthly, everyone
at least quarterly; a phone or WeChat check-in (visit kind ``contact``, 电话/微信联系) counts as contact where the
rule allows it.  The rules are the leader's settings, one per tag plus ``age80`` (a member 80 or older),
``everyone`` and ``after_event``; :data:`DEFAULT_RULES` holds the defaults.

Everything here is pure: :func:`care_of` answers for one household from its visits, the settings and today's date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from fieldgrid.model.errors import ValidationError
from fieldgrid.model.household import Household
from fieldgrid.model.visit import Visit
from fieldgrid.model.vocabulary import ENDED_RESIDENCY, SPECIAL_ATTENTION_TAGS

EVERYONE = "everyone"  # every lived-in household
AGE80 = "age80"  # a household with a member 80 or older (by birth year, against today)
AFTER_EVENT = "after_event"  # after a visit noting a hospital stay, a bereavement or a fall
SPECIAL_RULES: tuple[str, ...] = (EVERYONE, AGE80, AFTER_EVENT)
OLD_AGE = 80
CONTACT_KIND = "contact"  # 电话/微信联系
MAX_DAYS = 366

# Words in a visit's notes (what was found, what is needed) that call for a visit within a day.
EVENT_WORDS: tuple[str, ...] = (
    "住院", "入院", "出院", "急诊", "去世", "过世", "离世", "病故", "丧偶", "丧亲", "丧事", "跌倒", "摔倒", "摔伤",
    "hospital", "bereave", "passed away", "died", "funeral", "fall", "fell",
)  # fmt: skip


@dataclass(frozen=True)
class Rule:
    days: int
    contact: bool = True  # whether a phone or WeChat check-in counts toward it


DEFAULT_RULES: dict[str, Rule] = {
    EVERYONE: Rule(90),
    AGE80: Rule(7),
    AFTER_EVENT: Rule(1, contact=False),
    "living_alone": Rule(7),
    "empty_nest": Rule(7),
    **{tag: Rule(30) for tag in sorted(SPECIAL_ATTENTION_TAGS - {"living_alone", "empty_nest"})},
}


@dataclass(frozen=True)
class Cadence:
    """The leader's rules: the defaults with their changes over them."""

    rules: Mapping[str, Rule] = field(default_factory=lambda: dict(DEFAULT_RULES))

    def rule(self, key: str) -> Rule | None:
        return self.rules.get(key)

    @classmethod
    def from_doc(cls, doc: object, extra: Mapping[str, tuple[int, bool]] | None = None) -> Cadence:
        """From the stored setting (``{key: {"days": n, "contact": bool}}``); anything malformed is skipped.
        ``extra``: the cadences of the scenario packs' tags (``{tag: (days, contact)}``), under the leader's."""
        rules = dict(DEFAULT_RULES)
        for tag, (tag_days, tag_contact) in (extra or {}).items():
            rules.setdefault(tag, Rule(tag_days, tag_contact))
        if isinstance(doc, Mapping):
            for key, value in doc.items():
                if not isinstance(key, str) or not isinstance(value, Mapping):
                    continue
                days, contact = value.get("days"), value.get("contact", True)
                if isinstance(days, int) and not isinstance(days, bool) and 0 < days <= MAX_DAYS:
                    rules[key] = Rule(days, bool(contact))
        return cls(rules)

    def changed(self, key: str, days: int | None = None, contact: bool | None = None) -> Cadence:
        """A copy with one rule changed (:class:`ValidationError` for days that are not 1–366)."""
        if days is not None:
            check_days(days)
        old = self.rules.get(key) or DEFAULT_RULES.get(EVERYONE, Rule(90))
        rule = Rule(days if days is not None else old.days, old.contact if contact is None else contact)
        return Cadence({**self.rules, key: rule})

    def to_doc(self) -> dict[str, dict[str, object]]:
        """Only what differs from the defaults is stored."""
        return {k: {"days": r.days, "contact": r.contact} for k, r in self.rules.items() if DEFAULT_RULES.get(k) != r}


def check_days(days: object) -> int:
    if not isinstance(days, int) or isinstance(days, bool) or not 0 < days <= MAX_DAYS:
        raise ValidationError("days", "error.cadence.days", value=days, max=MAX_DAYS)
    return days


_EVENT_RE = re.compile("|".join(re.escape(word) for word in EVENT_WORDS), re.IGNORECASE)


def is_event(visit: Visit) -> bool:
    """Whether the visit's notes tell of a hospital stay, a bereavement or a fall."""
    return bool(_EVENT_RE.search(visit.found) or (visit.needs and _EVENT_RE.search(visit.needs)))


def is_old(household: Household, today: dt.date) -> bool:
    return any(m.birth_year is not None and today.year - m.birth_year >= OLD_AGE for m in household.members)


def is_served(household: Household) -> bool:
    """Lived in: vacant flats and households moved out, deceased or cancelled are owed no visits."""
    return household.residency != "vacant" and household.residency not in ENDED_RESIDENCY


def rule_of(household: Household, cadence: Cadence, today: dt.date) -> tuple[str, Rule]:
    """The strictest rule that applies (fewest days; of equal days, the one a phone call does not satisfy)."""
    keys = [tag for tag in household.tags if tag in cadence.rules]
    if is_old(household, today):
        keys.append(AGE80)
    keys.append(EVERYONE)
    best = min(keys, key=lambda k: (cadence.rules[k].days, cadence.rules[k].contact, keys.index(k)))
    return best, cadence.rules[best]


class Care(NamedTuple):
    """What one household is owed: its cadence visit and, where one was set, the follow-up of its latest visit."""

    household_id: str
    rule: str  # the rule that sets the cadence: a tag, ``age80`` or ``everyone``
    days: int
    last_contact: str | None  # ISO time of the latest visit that counts toward the rule
    due: dt.date  # when the next cadence visit falls due (today when never visited)
    reason: str  # ``cadence``, ``never`` (never visited) or ``after_event`` (a visit within a day of one)
    follow_up: dt.date | None  # the follow-up date of the household's latest visit, if one was set
    follow_up_at: str | None = None  # the visit that set it

    @property
    def next_due(self) -> dt.date:
        return min(self.due, self.follow_up) if self.follow_up else self.due


def care_of(household: Household, visits: Iterable[Visit], cadence: Cadence, today: dt.date) -> Care | None:
    """When ``household`` is next owed a visit; ``None`` for a household not lived in.  ``visits`` are the
    household's own (corrected ones left out), in any order."""
    return care_all([household], visits, cadence, today).get(household.id)


def care_all(
    households: Iterable[Household], visits: Iterable[Visit], cadence: Cadence, today: dt.date
) -> dict[str, Care]:
    """When each lived-in household is next owed a visit, by id: two passes over the visits, whatever their
    order.

    A household's cadence runs from its latest visit that counts (any, where a call counts; else the latest in
    person); never visited so, it is due today — or since a call that does not count was that long ago.  A visit
    noting a hospital stay, a bereavement or a fall that no later visit answered (in person, unless the
    ``after_event`` rule lets a call count) makes a visit due within that rule's days, if that is sooner.  The
    follow-up owed is the one set on the latest visit."""
    last: dict[str, Visit] = {}
    in_person: dict[str, str] = {}
    tops: dict[str, list[Visit]] = {}  # the visits at the latest time (in person, unless a call answers an event)
    calls: dict[str, list[Visit]] = {}  # phone and WeChat check-ins
    event_rule = cadence.rules.get(AFTER_EVENT)
    any_answers = event_rule is not None and event_rule.contact
    for visit in visits:
        key, at = visit.household_id, visit.at
        latest = last.get(key)
        if latest is None or at > latest.at:
            last[key] = visit
            if any_answers:
                tops[key] = [visit]
        elif any_answers and at == latest.at:
            tops[key].append(visit)
        if visit.kind == CONTACT_KIND:
            calls.setdefault(key, []).append(visit)
        else:
            before = in_person.get(key, "")
            if at > before:
                in_person[key] = at
                if not any_answers:
                    tops[key] = [visit]
            elif at == before and not any_answers:
                tops[key].append(visit)
    events: dict[str, Visit] = {}  # the latest event no later visit answered, by household
    if event_rule is not None:
        for key in last:
            # Only a visit no later visit answers can leave one owed: those at the latest time that answers, and
            # (when a call does not answer) the calls since.
            since = in_person.get(key, "")
            candidates = tops.get(key, []) if any_answers else [
                *tops.get(key, []), *(c for c in calls.get(key, ()) if c.at >= since)
            ]  # fmt: skip
            owed = [v for v in candidates if is_event(v)]
            if owed:
                events[key] = max(owed, key=lambda v: v.at)
    found: dict[str, Care] = {}
    for household in households:
        if not is_served(household):
            continue
        key, rule = rule_of(household, cadence, today)
        latest = last.get(household.id)
        counting = latest.at if latest is not None and rule.contact else in_person.get(household.id, "")
        if counting:
            due, reason = dt.date.fromisoformat(counting[:10]) + dt.timedelta(days=rule.days), "cadence"
        else:
            due, reason = today, "never"
            if latest is not None:
                due = min(due, dt.date.fromisoformat(latest.at[:10]) + dt.timedelta(days=rule.days))
        event = events.get(household.id)
        if event is not None and event_rule is not None:
            event_due = dt.date.fromisoformat(event.at[:10]) + dt.timedelta(days=event_rule.days)
            if event_due <= due:
                due, reason = event_due, AFTER_EVENT
        follow_up = None
        if latest is not None and latest.follow_up:
            try:
                follow_up = dt.date.fromisoformat(latest.follow_up)
            except ValueError:
                follow_up = None
        found[household.id] = Care(
            household.id, key, rule.days, counting or None, due, reason, follow_up,
            latest.at if follow_up is not None and latest is not None else None,
        )  # fmt: skip
    return found

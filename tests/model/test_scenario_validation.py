"""The pack validator of :mod:`fieldgrid.model.scenario` and the published JSON Schema say the same thing: a shipped
pack changed at any one place (an entry dropped, replaced by a value of another type or shape, a key added) is
accepted by one exactly when the other accepts it — except for what the schema cannot say (a code twice, a choice
field without choices), which only the validator refuses.  A refusal names a path that leads into the document."""

from __future__ import annotations

import copy
import json
import re
from typing import Any

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldgrid.model.scenario import ScenarioError, parse_pack
from fieldgrid.scenarios import SHIPPED, shipped_path
from testkit.cli import REPO

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10: the packs are read as the app reads them
    tomllib = None  # type: ignore[assignment]

SCHEMA = json.loads((REPO / "sync" / "scenario-pack.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
DOCS = {name: tomllib.loads(shipped_path(name).read_text(encoding="utf-8")) for name in SHIPPED}
BEYOND_THE_SCHEMA = {"error.scenario.duplicate", "error.scenario.choices"}

# Strings at the edges of the rules: codes of 40 and 41 characters, labels of 60 and 61, blank, control characters.
edges = st.builds(lambda base, n: (base * 70)[:n], st.sampled_from(["z", "a_1", "标", "Bad Code", " ", "x\u0007"]),
                  st.sampled_from([0, 1, 39, 40, 41, 59, 60, 61]))  # fmt: skip
words = st.sampled_from(["gas_check", "stairwell", "visit", "choice", "routine", "other", "text", "yes_no", "1"])
scalars = st.one_of(edges, words, st.integers(-3, 400), st.booleans(),
                    st.floats(allow_nan=False, allow_infinity=False, width=32))  # fmt: skip
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
    st.sampled_from(["code", "label", "zh", "en", "items", "type", "extra"]), inner, max_size=3), max_leaves=6)


def places(doc: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(doc, dict):
        for key, value in doc.items():
            found += places(value, (*path, key))
    elif isinstance(doc, list):
        for n, value in enumerate(doc):
            found += places(value, (*path, n))
    return found


def mutate(doc: dict[str, Any], path: tuple[Any, ...], how: str, value: Any) -> dict[str, Any]:
    changed = copy.deepcopy(doc)
    if not path:
        return changed if how != "add" else {**changed, "extra": value}
    parent = changed
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if how == "drop":
        del parent[last]
    elif how == "add" and isinstance(parent[last], dict):
        parent[last]["extra"] = value
    else:
        parent[last] = value
    return changed


def _at(doc: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        doc = doc[step]
    return doc


def leads_into(doc: Any, path: str) -> bool:
    """Whether ``checklists[1].items[3].code`` leads into ``doc`` (its last step may be a key that is missing)."""
    steps = [s for s in re.split(r"\.|\[(\d+)\]", path) if s]
    here = doc
    for n, step in enumerate(steps):
        if isinstance(here, list) and step.isdigit() and int(step) < len(here):
            here = here[int(step)]
        elif isinstance(here, dict) and (step in here or n == len(steps) - 1):
            here = here.get(step)
        else:
            return False
    return True


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SHIPPED), st.data(), st.sampled_from(["replace", "drop", "add"]), st.one_of(scalars, values))
def test_the_validator_and_the_schema_agree(name: str, data: st.DataObject, how: str, value: Any) -> None:
    doc = DOCS[name]
    every = places(doc)
    leaves = [p for p in every if not isinstance(_at(doc, p), (dict, list))]
    path = data.draw(st.sampled_from(leaves if how == "replace" else every))
    changed = mutate(doc, path, how, value)
    schema_ok = VALIDATOR.is_valid(changed)
    try:
        parse_pack(changed)
    except ScenarioError as refused:
        assert leads_into(changed, refused.path), (refused.path, refused.key)
        if refused.key not in BEYOND_THE_SCHEMA:
            assert not schema_ok, (refused.path, refused.key)
    else:
        assert schema_ok, list(VALIDATOR.iter_errors(changed))[:1]


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(SHIPPED), st.data())
def test_a_code_given_twice_is_refused_at_its_second_place(name: str, data: st.DataObject) -> None:
    doc = copy.deepcopy(DOCS[name])
    lists = [(key, entries) for key, entries in doc.items() if isinstance(entries, list) and entries]
    key, entries = data.draw(st.sampled_from(lists))
    first = data.draw(st.sampled_from(entries))
    entries.append(copy.deepcopy(first))
    try:
        parse_pack(doc)
    except ScenarioError as refused:
        assert refused.key == "error.scenario.duplicate" and refused.path == f"{key}[{len(entries) - 1}].code"
    else:
        raise AssertionError("a code twice was accepted")

"""The scenario packs installed on this device: a mixin of :class:`~fieldgrid.store.repository.Store`.

Installed packs live in the meta table under ``scenarios`` (``{name: the pack's document}``, as read from its TOML
or as it arrived in a return bundle), so they are sealed with the PIN like everything else.  The labels of every
version ever installed are kept under ``scenario_labels``: a record made under version 1 still reads as it did after
version 2 renamed or dropped its item.  :meth:`vocabulary` is the default pack with the installed ones over it,
built once per write generation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from fieldgrid.i18n import use_labels
from fieldgrid.model.problem import OPEN_STATUSES
from fieldgrid.model.scenario import Pack, ScenarioError, Vocabulary, check_dropped, check_install, checked_pack
from fieldgrid.record.tables import META_TABLE
from fieldgrid.scenarios import default_pack

if TYPE_CHECKING:
    from tinydb import TinyDB

    from fieldgrid.model.ledger import ProblemView

SCENARIOS = "scenarios"
LABELS = "scenario_labels"


def packs_of(doc: object) -> dict[str, Pack]:
    """The installed packs from the stored setting (each checked when it was installed, so built without checking
    again); one that no longer reads is left out (never fatal)."""
    found: dict[str, Pack] = {}
    if isinstance(doc, Mapping):
        for name, pack_doc in doc.items():
            try:
                pack = checked_pack(pack_doc)
            except ScenarioError:
                continue
            if pack.name == name:
                found[name] = pack
    return found


def labels_of(doc: object) -> dict[str, tuple[str, str]]:
    if not isinstance(doc, Mapping):
        return {}
    return {str(k): (str(v[0]), str(v[1])) for k, v in doc.items() if isinstance(v, list) and len(v) == 2}


class Scenarios:
    _db: TinyDB
    generation: int

    if TYPE_CHECKING:

        def _write(self, action: Callable[[], object]) -> None: ...
        def _meta(self) -> dict[str, Any]: ...
        def problems(self) -> list[ProblemView]: ...

    _vocabulary: tuple[int, Vocabulary] | None = None

    def vocabulary(self) -> Vocabulary:
        """The default pack with the installed packs over it, and the labels of earlier versions."""
        cached = self._vocabulary
        if cached is not None and cached[0] == self.generation:
            return cached[1]
        meta = self._meta()
        vocabulary = Vocabulary(default_pack(), packs_of(meta.get(SCENARIOS)), labels_of(meta.get(LABELS)))
        self._vocabulary = (self.generation, vocabulary)
        use_labels(vocabulary.labels())
        return vocabulary

    def _open_categories(self) -> set[str]:
        return {v.report.category for v in self.problems() if v.status in OPEN_STATUSES}

    def scenario_changes(self, packs: Iterable[Pack]) -> dict[str, Any] | None:
        """The settings that install ``packs`` (in order), checked as :meth:`install_scenario` checks one; ``None``
        when every one is installed already at that version.  Nothing is written: a return bundle's import writes
        them with its records, in one write."""
        vocabulary = self.vocabulary()
        installed = dict(vocabulary.installed)
        labels = dict(vocabulary.archive)
        open_categories = self._open_categories()
        changed = False
        for pack in packs:
            check_install(pack, vocabulary.default, installed, open_categories)
            old = installed.get(pack.name)
            if old is not None and old.version == pack.version and dict(old.doc) == dict(pack.doc):
                continue
            if old is not None:
                labels.update(old.labels())
            installed[pack.name] = pack
            changed = True
        if not changed:
            return None
        return {SCENARIOS: {name: dict(p.doc) for name, p in installed.items()},
                LABELS: {k: list(v) for k, v in labels.items()}}  # fmt: skip

    def install_scenario(self, pack: Pack) -> bool:
        """Install (or upgrade to) ``pack``: :class:`ScenarioError` naming the entry when it may not be, nothing
        written; False when that version is installed already."""
        settings = self.scenario_changes([pack])
        if settings is None:
            return False
        self._write(lambda: self._db.table(META_TABLE).update(settings))
        return True

    def remove_scenario(self, name: str) -> Pack:
        """Remove an installed pack (records made under it keep their labels); refused for the default pack, an
        unknown name, or a pack whose categories open problems still use."""
        vocabulary = self.vocabulary()
        if name == vocabulary.default.name:
            raise ScenarioError("error.scenario.builtin", path="name", name=name)
        pack = vocabulary.installed.get(name)
        if pack is None:
            raise ScenarioError("error.scenario.unknown", path="name", name=name)
        check_dropped(pack, None, self._open_categories())
        installed = {n: dict(p.doc) for n, p in vocabulary.installed.items() if n != name}
        labels = {k: list(v) for k, v in {**vocabulary.archive, **pack.labels()}.items()}
        self._write(lambda: self._db.table(META_TABLE).update({SCENARIOS: installed, LABELS: labels}))
        return pack

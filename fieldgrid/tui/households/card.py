"""A household's card on screen (``c`` on a household): its opaque code as a QR drawn with half-block
characters, and the leader's contact as a QR a phone can scan off the screen (``v`` fills the screen with it);
``p`` writes the whole unit's cards to an A4 PDF and says where.

At 80×24 the screen's vCard is the compact one (name, phone, role, community): the printed card's full vCard
needs more rows than the terminal has.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Static

from fieldgrid.cards.payload import household_code
from fieldgrid.i18n import t
from fieldgrid.model import Household, LeaderProfile
from fieldgrid.model.validation import national_phone
from fieldgrid.store import Store
from fieldgrid.tui.common.bindings import translate_bindings
from fieldgrid.tui.widgets.key_bar import KeyBar
from fieldgrid.tui.widgets.title_bar import TitleBar


def half_blocks(matrix: list[list[bool]]) -> Text:
    """A QR matrix drawn two modules to a character: ▀ ▄ █ and space, dark on light."""
    rows = [*matrix, [False] * len(matrix[0])] if len(matrix) % 2 else matrix
    lines = []
    for top, bottom in zip(rows[0::2], rows[1::2], strict=True):
        lines.append("".join(" ▀▄█"[(2 if b else 0) + (1 if a else 0)] for a, b in zip(top, bottom, strict=True)))
    return Text("\n".join(lines), style="black on white", no_wrap=True)


def compact_vcard(profile: LeaderProfile) -> str:
    phone = national_phone(profile.phone) if profile.phone.startswith("+") else profile.phone
    name = profile.name
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"N:{name[:1]};{name[1:]};;;", f"FN:{name}", f"TEL;TYPE=CELL:{phone}",
             f"ORG:{profile.grid.community}", "TITLE:单元长", "END:VCARD"]  # fmt: skip
    return "\r\n".join(lines)


class CardScreen(Screen[None]):
    HELP_TITLE = "tui.help.card_title"
    HELP_INTRO = "tui.help.card_intro"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("v", "toggle_vcard", "tui.key.card_vcard"),
        Binding("p", "print_unit", "tui.key.card_pdf"),
        Binding("escape", "back", "tui.key.back"),
    ]

    def __init__(self, store: Store, household: Household) -> None:
        super().__init__(id="card-screen")
        translate_bindings(self)
        self.store = store
        self.household = household
        self.big = False

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="card-row"):
            yield Static(id="card-qr")
            yield Static(id="card-text")
        yield KeyBar()

    def on_mount(self) -> None:
        self.show()

    def show(self) -> None:
        from fieldgrid.cards.render import qr_matrix

        profile = self.store.profile()
        code = household_code(self.household.id)
        self.sub_title = t("tui.card.subtitle", room=self.household.room, code=code)
        qr = self.query_one("#card-qr", Static)
        text = self.query_one("#card-text", Static)
        if self.big and profile is not None:
            qr.update(half_blocks(qr_matrix(compact_vcard(profile), border=2, small=True)))
            text.update(Text(t("tui.card.vcard_hint"), style="dim"))
        else:
            qr.update(half_blocks(qr_matrix(code, border=3)))
            info = Text()
            info.append(t("tui.card.code", code=code) + "\n\n", style="bold")
            if profile is not None:
                phone = national_phone(profile.phone) if profile.phone.startswith("+") else profile.phone
                info.append(f"{t('cards.role')} {profile.name}\n{phone}\n{profile.grid.label()}\n\n")
            info.append(t("tui.card.hint"), style="dim")
            text.update(info)
        self.query_one(TitleBar).display = self.query_one(KeyBar).display = not self.big

    def action_toggle_vcard(self) -> None:
        self.big = not self.big
        self.show()

    def action_print_unit(self) -> None:
        from fieldgrid.cards.render import Painter, find_font, save_pdf
        from fieldgrid.errors import FieldgridError

        profile = self.store.profile()
        if profile is None:
            self.app.notify(t("cards.error.no_profile"), severity="error")
            return
        path = self.store.home / "cards" / "unit-cards.pdf"
        try:
            painter = Painter(find_font())
            households = [h for h in self.store.households() if not h.is_vacant]
            path.parent.mkdir(parents=True, exist_ok=True)
            save_pdf(
                path, [*painter.sheets([painter.card(profile, h) for h in households]), painter.notice_board(profile)]
            )
            self.store.log_disclosure("print", "unit_cards", sum(len(h.members) for h in households),
                                      target=path.name, via="tui")  # fmt: skip
        except FieldgridError as exc:
            self.app.notify(t(exc.key, **exc.params), severity="error", timeout=15)
            return
        except OSError as exc:
            self.app.notify(t("cli.error.os", path=str(path), reason=exc.strerror or str(exc)), severity="error")
            return
        self.app.notify(t("cards.written", count=len(households) + 1, path=str(path)), timeout=15)

    def action_back(self) -> None:
        if self.big:
            self.action_toggle_vcard()
        else:
            self.dismiss(None)

"""The README picture is drawn from the code; a change to the message must redraw it."""

from __future__ import annotations

from bot.blocks import Status, triage_message
from bot.config import AppConfig
from bot.ticketfile import read_ticket_file
from bot.triage import triage
from bot.zones import DirectoryZones
from docs.render_message import EXAMPLE, OUT, render


def test_committed_picture_matches_the_current_message(app: AppConfig) -> None:
    result = triage(
        read_ticket_file(str(EXAMPLE), app.zendesk), DirectoryZones(app.owners(), app.suffixes), app
    )
    assert OUT.read_text() == render(triage_message(result, Status())), (
        "run: python -m docs.render_message"
    )

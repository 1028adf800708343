"""Draw a triage message's Block Kit as an SVG for the README: `python -m docs.render_message`.

It renders the real output of `bot.blocks.triage_message` for the bundled example (offline
zones), so the picture cannot drift from the code. It is a sketch of Slack's look, not Slack.
"""

from __future__ import annotations

import re
import sys
import textwrap
from html import unescape
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from bot.blocks import Status, triage_message
from bot.config import DEFAULT_CONFIG, load_app_config
from bot.ticketfile import read_ticket_file
from bot.triage import triage
from bot.zones import DirectoryZones

WIDTH, MARGIN, LINE = 860, 24, 19
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "fastly-renewal.txt"
OUT = Path(__file__).resolve().parent / "triage-message.svg"


def plain(mrkdwn: str) -> str:
    """What a reader sees of mrkdwn: links as their text, markers dropped, entities decoded."""
    text = re.sub(r"<([^|>]+)\|([^>]+)>", r"\2", mrkdwn)
    text = re.sub(r"<@([A-Z0-9]+)>", r"@\1", text)
    return unescape(
        text.replace("*", "").replace("`", "").replace("_after issuance_", "after issuance")
    )


def lines_of(text: str, width: int = 98) -> list[str]:
    out: list[str] = []
    for para in text.split("\n"):
        out += textwrap.wrap(para, width) or [""]
    return out


def tag(name: str, body: str = "", **attrs: object) -> str:
    """One SVG element; attribute names use _ for -, as in font_size."""
    text = " ".join(f'{k.replace("_", "-")}="{v}"' for k, v in attrs.items())
    return f"<{name} {text}>{escape(body)}</{name}>" if body else f"<{name} {text}/>"


def render(message: dict[str, Any]) -> str:
    parts: list[str] = []
    y = MARGIN + 6
    parts.append(
        f'<text x="{MARGIN}" y="{y + 10}" font-weight="bold" font-size="15">cert-ticket</text>'
    )
    parts.append(
        f'<text x="{MARGIN + 100}" y="{y + 10}" fill="#616061" font-size="12">APP  10:42</text>'
    )
    y += 30
    for block in message["blocks"]:
        kind = block["type"]
        if kind == "header":
            for line in lines_of(block["text"]["text"], 70):
                parts.append(
                    tag("text", line, x=MARGIN, y=y + 14, font_weight="bold", font_size=18)
                )
                y += 26
        elif kind in ("section", "context"):
            text = (
                block["text"]["text"]
                if kind == "section"
                else " ".join(e["text"] for e in block["elements"])
            )
            size, colour = ("14", "#1d1c1d") if kind == "section" else ("12", "#616061")
            for line in lines_of(plain(text)):
                parts.append(tag("text", line, x=MARGIN, y=y + 13, font_size=size, fill=colour))
                y += LINE
            y += 6
        elif kind == "divider":
            parts.append(
                tag("line", x1=MARGIN, y1=y + 6, x2=WIDTH - MARGIN, y2=y + 6, stroke="#ddd")
            )
            y += 14
        elif kind == "actions":
            x = MARGIN
            for button in block["elements"]:
                label = button["text"]["text"]
                w = 16 + 8 * len(label)
                fill, ink = (
                    ("#007a5a", "#ffffff")
                    if button.get("style") == "primary"
                    else ("#ffffff", "#1d1c1d")
                )
                box = {"width": w, "height": 30, "rx": 5, "fill": fill, "stroke": "#bbb"}
                parts.append(tag("rect", x=x, y=y + 2, **box))
                style = {"font_size": 14, "font_weight": "bold", "fill": ink}
                parts.append(tag("text", label, x=x + 8, y=y + 22, **style))
                x += w + 10
            y += 42
    height = y + MARGIN
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'font-family="Lato, Helvetica, Arial, sans-serif">'
        f'<rect width="{WIDTH}" height="{height}" fill="#ffffff" stroke="#e0e0e0"/>'
    )
    return head + "".join(parts) + "</svg>\n"


def main() -> int:
    app = load_app_config(DEFAULT_CONFIG)
    ticket = read_ticket_file(str(EXAMPLE), app.zendesk)
    result = triage(ticket, DirectoryZones(app.owners(), app.suffixes), app)
    OUT.write_text(render(triage_message(result, Status())))
    print(OUT)
    return 0


if __name__ == "__main__":
    sys.exit(main())

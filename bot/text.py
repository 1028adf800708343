"""Ticket bodies to plain text: HTML and .eml unwrapped, quotes normalised, keys removed."""

from __future__ import annotations

import email
import email.policy
import re
from html.parser import HTMLParser

PRIVATE_KEY_PLACEHOLDER = "[private key removed by cert-ticket]"

# A PEM private key block, or a BEGIN line whose END never came (then everything after it goes).
_PRIVATE_KEY = re.compile(
    r"-----BEGIN ((?:[A-Z0-9]+ ){0,3})PRIVATE KEY-----.*?(?:-----END \1PRIVATE KEY-----|\Z)",
    re.DOTALL,
)

_TRANSLATE = str.maketrans(
    {
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u2032": "'",
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\t": " ",
        "\u200b": None,
        "\u200c": None,
        "\u200d": None,
        "\u2060": None,
        "\ufeff": None,
        "\u2010": "-",
        "\u2011": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2192": "->",
        "\r": None,
    }
)

_QUOTE_MARKER = re.compile(r"^(?:[ ]?>)+[ ]?", re.MULTILINE)

_BLOCK_TAGS = frozenset(
    (
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "tr",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "pre",
        "hr",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "section",
    )
)
_CELL_TAGS = frozenset(("td", "th"))
_SKIP_TAGS = frozenset(("script", "style", "head", "title"))


class _TextCollector(HTMLParser):
    """Keeps text and line structure; table cells become ' | '-separated rows."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        self.cells_in_row = 0
        self.pre = 0
        self.line_paragraphs = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.pre += tag == "pre"
        if tag in _SKIP_TAGS:
            self.skipping += 1
        elif tag in _CELL_TAGS:
            self.parts.append(" | " if self.cells_in_row else "| ")
            self.cells_in_row += 1
        elif tag == "p" and "msonormal" in str(dict(attrs).get("class") or "").lower():
            self._end_row()  # Outlook writes one <p class=MsoNormal> per line, no gap between
            self.parts.append("\n")
            self.line_paragraphs += 1
        elif tag in _BLOCK_TAGS:
            self._end_row()
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        self.pre = max(0, self.pre - (tag == "pre"))
        if tag in _SKIP_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag == "tr":
            self._end_row()
        elif tag == "p" and self.line_paragraphs:
            self.line_paragraphs -= 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.pre:  # outside <pre>, a newline in the source is a space, as a browser shows it
            data = data.replace("\n", " ")
        if not self.skipping:
            self.parts.append(data if self.cells_in_row == 0 else " ".join(data.split()))

    def _end_row(self) -> None:
        if self.cells_in_row:
            self.parts.append(" |\n")
            self.cells_in_row = 0


def html_to_text(html: str) -> str:
    """Visible text of an HTML body, with paragraphs, line breaks and table rows kept."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    collector._end_row()
    text = "".join(collector.parts)
    return re.sub(r"\n{3,}", "\n\n", text)


_HTML_HINT = re.compile(r"<(?:html|body|div|p|br|table|td|span|pre)\b[^>]*>", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    return _HTML_HINT.search(text[:20000]) is not None


_EML_HEADER = re.compile(r"^(?:From|Subject|Date|To|Message-ID|MIME-Version|Received):", re.I)


def looks_like_email(raw: str) -> bool:
    head = raw.lstrip()[:2000].splitlines()[:30]
    return sum(bool(_EML_HEADER.match(line)) for line in head) >= 2


def from_email(raw: str) -> tuple[str, str]:
    """(subject, text) of an RFC 822 message: the plain part, else the HTML part as text."""
    message = email.message_from_string(raw, policy=email.policy.default)
    subject = str(message.get("subject", "") or "")
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return subject, ""
    try:
        content = part.get_content()
    except (LookupError, ValueError):  # an unknown or broken charset: read the bytes as UTF-8
        payload = part.get_payload(decode=True)
        content = payload if isinstance(payload, bytes) else str(payload or "").encode()
    if not isinstance(content, str):
        content = content.decode("utf-8", "replace")
    if part.get_content_subtype() == "html":
        content = html_to_text(content)
    return subject, content


def redact_private_keys(text: str) -> tuple[str, bool]:
    """Replace every PEM private key with a placeholder. The key must never be repeated."""
    redacted, count = _PRIVATE_KEY.subn(PRIVATE_KEY_PLACEHOLDER, text)
    return redacted, count > 0


def normalise(text: str) -> str:
    """Smart quotes to ASCII, odd spaces to plain ones, CRs removed. E-mail quote markers
    stay: where quoted history begins is for the reader to decide (bot.reading.quoted)."""
    # A lone surrogate can't be encoded anywhere downstream (JSON, Slack): it becomes "?".
    return text.encode("utf-8", "replace").decode("utf-8").translate(_TRANSLATE)


def without_quote_markers(text: str) -> str:
    return _QUOTE_MARKER.sub("", text)


def to_plain_text(raw: str) -> str:
    """Any ticket body (plain or HTML) to normalised plain text, private keys removed."""
    text = html_to_text(raw) if looks_like_html(raw) else raw
    return normalise(redact_private_keys(text)[0])

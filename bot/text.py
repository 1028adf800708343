"""Ticket bodies to plain text: HTML and .eml unwrapped, quotes normalised, keys removed."""

from __future__ import annotations

import email
import email.policy
import re
import urllib.parse

from bot.htmltext import html_to_visible_and_hidden

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
        "\t": "  ",  # a column gap (a table copied out of a web console), as aligned text has
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

_HTML_HINT = re.compile(r"<(?:html|body|div|p|br|table|td|span|pre)\b[^<>]{0,500}>", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    return _HTML_HINT.search(text[:20000]) is not None


_EML_HEADER = re.compile(r"^(?:From|Subject|Date|To|Message-ID|MIME-Version|Received):", re.I)


def looks_like_email(raw: str) -> bool:
    head = raw.lstrip()[:2000].splitlines()[:30]
    return sum(bool(_EML_HEADER.match(line)) for line in head) >= 2


# The line above a text file attached to a mail, in the text read from it.
ATTACHED = "--- attached file"


def from_email(raw: str) -> tuple[str, str]:
    """(subject, text) of an RFC 822 message: the plain part, else the HTML part as text.

    Parsed from bytes, and each part's bytes decoded by the charset it declares, else as UTF-8:
    a message saved as text with 8-bit characters (smart quotes, "£") and no or a wrong
    charset keeps them, instead of the `\\u201c` escapes the string parser leaves."""
    data = raw.encode("utf-8", "surrogateescape")
    message = email.message_from_bytes(data, policy=email.policy.default)
    subject = str(message.get("subject", "") or "")
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return subject, ""
    content = _decoded(part)
    html = message.get_body(preferencelist=("html",))
    if html is not None and html is not part:
        content = _fuller_alternative(content, _decoded(html))
    # A text file attached beside the message (a zone snippet, a CSV export) is read after it,
    # under a line naming it, as a person opening the mail would read it.
    for attached in message.iter_attachments():
        if attached.get_content_maintype() == "text" and attached.get_content_subtype() != "html":
            name = attached.get_filename() or "attachment"
            content += f"\n\n{ATTACHED} {name} ---\n{_decoded(attached)}"
    # An HTML part stays HTML: the reader sees its visible text and says what is hidden in it.
    return subject, content


# What a DNS request names: a record type, an ACME challenge name, a validation target or token.
_RECORD_CUE = re.compile(
    r"_acme-challenge|fastly-validations|domain-verification|\b(?:CNAME|TXT|CAA)\b", re.I
)


def _fuller_alternative(plain: str, html: str) -> str:
    """The plain part, unless it is only a stand-in for the HTML one: it names no record while
    the HTML part's visible text does ("This message contains formatted content that your email
    client could not display… view this message in an HTML-capable email client", "View this
    email in your browser"). Then the HTML part, which the reader sees as a person would."""
    if _RECORD_CUE.search(plain) or not _RECORD_CUE.search(html_to_visible_and_hidden(html)[0]):
        return plain
    return html


def _decoded(part: email.message.Message) -> str:
    """A part's bytes by the charset it declares, else as UTF-8."""
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        payload = str(payload or "").encode("utf-8", "surrogateescape")
    try:
        return payload.decode(part.get_content_charset() or "utf-8")
    except (LookupError, UnicodeDecodeError):  # unknown, wrong or absent charset
        return payload.decode("utf-8", "replace")


def redact_private_keys(text: str) -> tuple[str, bool]:
    """Replace every PEM private key with a placeholder. The key must never be repeated."""
    redacted, count = _PRIVATE_KEY.subn(PRIVATE_KEY_PLACEHOLDER, text)
    return redacted, count > 0


def normalise(text: str) -> str:
    """Smart quotes to ASCII, odd spaces to plain ones, CRs removed. E-mail quote markers
    stay: where quoted history begins is for the reader to decide (bot.reading.quoted)."""
    # A lone surrogate can't be encoded anywhere downstream (JSON, Slack): it becomes "?".
    if "\t\t" in text or "\n\t" in text:
        # An empty cell of a spreadsheet pasted with tabs would vanish into one column gap and
        # shift every cell after it: it is written as "-", which table readers take as empty.
        # (dig and zone files align with runs of tabs too: a line with "IN" as a cell is one.)
        text = "\n".join(_empty_cells(line) for line in text.split("\n"))
    if "safelinks.protection.outlook.com" in text:
        text = _SAFELINK.sub(_unwrapped, text)
    return text.encode("utf-8", "replace").decode("utf-8").translate(_TRANSLATE)


# Outlook's Safe Links: "https://eur02.safelinks.protection.outlook.com/?url=http%3A%2F%2Fx.
# fastly-validations.com%2F&data=05%7C02…": the link the sender wrote is the `url` parameter.
_SAFELINK = re.compile(
    r"https?://[\w.-]{1,60}\.safelinks\.protection\.outlook\.com/\?url=([^&\s<>\"]{1,2000})"
    r"(?:&[^\s<>\"]{0,4000})?"
)


def _unwrapped(link: re.Match[str]) -> str:
    """The URL a Safe Links wrapper stands for; the wrapper itself when what it decodes to is
    no plain URL (spaces, angle brackets: never let a wrapper write markup into the text)."""
    url = urllib.parse.unquote(link.group(1))
    plain = url.isprintable() and not any(c in url for c in ' <>"|')
    return url if plain else link.group(0)


def _empty_cells(line: str) -> str:
    if "\t" not in line or _CLASS_CELL.search(line) or line.count("\t") < 2:
        return line
    return _EMPTY_CELL.sub("\t-", _LEADING_EMPTY.sub("-\t", line))


_EMPTY_CELL = re.compile(r"\t(?=\t|\r?$)")
_LEADING_EMPTY = re.compile(r"^(?=\t)")
_CLASS_CELL = re.compile(r"\t(?:IN|CH|HS)\t", re.I)


def without_quote_markers(text: str) -> str:
    return _QUOTE_MARKER.sub("", text)


def to_plain_text(raw: str) -> str:
    """Any ticket body (plain or HTML) to normalised plain text, private keys removed."""
    return visible_and_hidden(raw)[0]


def visible_and_hidden(raw: str) -> tuple[str, str]:
    """`to_plain_text`, and the text of an HTML body a reader would not see (comments,
    `display:none`, white text), normalised the same way."""
    if "safelinks.protection.outlook.com" in raw:  # (before a table's cells are measured)
        raw = _SAFELINK.sub(_unwrapped, raw)
    visible, hidden = html_to_visible_and_hidden(raw) if looks_like_html(raw) else (raw, "")
    return normalise(redact_private_keys(visible)[0]), normalise(redact_private_keys(hidden)[0])

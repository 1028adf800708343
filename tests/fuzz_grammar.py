"""Hypothesis strategies that write certificate tickets from a grammar of record requests.

Not random characters: owner names, types, TTLs, quotes and values are drawn from what vendors
and people write, and from the ways they get it wrong. A few records are laid out as zone-file
lines, label blocks, tables, HTML, prose or quoted e-mail; several such pieces, with the
greetings and noise around them, make one ticket (`tickets()`). `ticket_files()` wraps tickets
as the .eml / .html / .txt files that `bot.ticketfile.read_ticket_file` reads.

Inside the grammar, helpers take `draw` and return text rather than building a strategy per
call: Hypothesis validates every new strategy object, and that cost dominated generation.
"""

from __future__ import annotations

import base64
import functools
import quopri
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from hypothesis import strategies as st

T = TypeVar("T")


@functools.cache
def _choice(options: tuple[T, ...]) -> st.SearchStrategy[T]:
    return st.sampled_from(options)


def pick(draw: st.DrawFn, *options: T) -> T:
    """One of `options`; repeat an option to make it likelier."""
    return draw(_choice(options))


def one_in(draw: st.DrawFn, n: int) -> bool:
    """True one time in `n`; shrinks to False (Hypothesis shrinks integers towards 0)."""
    return draw(st.integers(0, n - 1)) == n - 1


# ---------------------------------------------------------------------------------------------
# Letter case and numbers


def recase(draw: st.DrawFn, text: str) -> str:
    """`text` as it is, or in upper, lower, title or mixed case."""
    style = pick(draw, "asis", "asis", "upper", "lower", "title", "mixed")
    if style == "upper":
        return text.upper()
    if style == "lower":
        return text.lower()
    if style == "title":
        return text.title()
    if style == "mixed":
        mask = draw(st.integers(0, 0xFFFF))
        return "".join(c.upper() if mask >> (i % 16) & 1 else c.lower() for i, c in enumerate(text))
    return text


# Ten digits each: Unicode digits that `int()` reads (Nd) and ones it does not (superscript...).
DIGIT_SETS: dict[str, str] = {
    "ascii": "0123456789",
    "arabic-indic": "٠١٢٣٤٥٦٧٨٩",
    "extended-arabic-indic": "۰۱۲۳۴۵۶۷۸۹",
    "devanagari": "०१२३४५६७८९",
    "fullwidth": "０１２３４５６７８９",
    "math-bold": "𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗",
    "superscript": "⁰¹²³⁴⁵⁶⁷⁸⁹",
    "subscript": "₀₁₂₃₄₅₆₇₈₉",
    "circled": "⓪①②③④⑤⑥⑦⑧⑨",
}


def write_number(number: int, digits: str) -> str:
    """`number` written with the ten characters of `digits`."""
    text = "".join(digits[int(c)] for c in str(abs(number)))
    return "-" + text if number < 0 else text


TTL_NUMBERS = st.one_of(
    st.sampled_from(
        (0, 1, 60, 300, 3600, 86400, 2**31 - 1, 2**31, 2**32, 9_999_999_999, 10**12, -1, -300)
    ),
    st.integers(-(10**13), 10**13),
)
_DIGIT_SET_NAMES = ("ascii", "ascii", "ascii", *DIGIT_SETS)


@st.composite
def ttls(draw: st.DrawFn) -> str:
    """A TTL as written: in any digits, huge or negative, sometimes with a unit."""
    digits = DIGIT_SETS[pick(draw, *_DIGIT_SET_NAMES)]
    text = write_number(draw(TTL_NUMBERS), digits)
    return text + pick(draw, "", "", "", "s", " seconds", "m", "h")


# ---------------------------------------------------------------------------------------------
# Owner names

SUFFIXES = (
    "gov.uk",
    "www.gov.uk",
    "service.gov.uk",
    "publishing.service.gov.uk",
    "data.gov.uk",
    "hmrc.gov.uk",
    "blog.gov.uk",
    "example.com",
    "uk",
    "",
)
PREFIX_LABELS = (
    "_acme-challenge",
    "_acme-challenge.www",
    "_dnsauth",
    "_globalsign-domain-verification",
    "_cf-custom-hostname",
    "_5f3a9c1e2b7d4c0a9e8f6b2d1c3a4e5f",
    "www",
    "assets",
    "api",
    "*",
    "xn--bcher-kva",
    "bücher",
    "ｗｗｗ",
)
LABELS = st.sampled_from(PREFIX_LABELS) | st.text(
    "abcdefghijklmnopqrstuvwxyz0123456789-_", min_size=1, max_size=20
)
LABEL_LISTS = st.lists(LABELS, max_size=3)


@st.composite
def plain_names(draw: st.DrawFn) -> str:
    """`_acme-challenge.www.gov.uk` and the like: absolute, relative, with or without the dot."""
    prefix = draw(LABEL_LISTS)
    suffix = pick(draw, *SUFFIXES)
    labels = [*prefix, suffix] if suffix else prefix or ["_acme-challenge"]
    return recase(draw, ".".join(labels) + pick(draw, "", "."))


ESCAPES = ("\\032", "\\.", "\\(", "\\\\", "\\065", "\\255", "\\256")
WRAPPERS = ("()", "[]", "<>", "``", "**", "{}")


def mangle(name: str, how: str, n: int) -> str:
    """`name` broken in one of the ways tickets break names (`n` picks a variant)."""
    head, _, tail = name.partition(".")
    tail = tail or "gov.uk"
    match how:
        case "empty_label":
            return f"{head}..{tail}"
        case "leading_dot":
            return "." + name
        case "double_trailing_dot":
            return name.rstrip(".") + ".."
        case "long_label":
            return "a" * (62 + n % 20) + "." + name
        case "long_name":
            return ".".join(["abcdefghij"] * (20 + n % 10)) + "." + name
        case "escape":
            return f"{head}{ESCAPES[n % len(ESCAPES)]}x.{tail}"
        case "space":
            return f"{head} .{tail}" if n % 2 else f"{head}. {tail}"
        case "zone_bracket":
            return f"{name} (zone www.gov.uk)"
        case "wrapped":
            left, right = WRAPPERS[n % len(WRAPPERS)]
            return left + name + right
    return name


MANGLES = (
    "empty_label",
    "leading_dot",
    "double_trailing_dot",
    "long_label",
    "long_name",
    "escape",
    "space",
    "zone_bracket",
    "wrapped",
)


@st.composite
def owner_names(draw: st.DrawFn) -> str:
    """An owner as a ticket writes it, now and then `@` or broken in one of the ways tickets do."""
    kind = pick(draw, "plain", "plain", "plain", "at", "mangled")
    if kind == "at":
        return "@"
    name = draw(plain_names())
    if kind == "plain":
        return name
    return mangle(name, pick(draw, *MANGLES), draw(st.integers(0, 1000)))


# ---------------------------------------------------------------------------------------------
# Types, quotes and values

RECORD_TYPES = ("CNAME", "TXT", "CAA", "A", "AAAA", "NS", "MX", "DS")
OTHER_TYPES = ("SPF", "ALIAS", "ANAME", "SRV", "SOA", "PTR", "C NAME")
# Validation records (CNAME, TXT) and CAA come up most in certificate tickets.
record_types = st.sampled_from((*RECORD_TYPES, "CNAME", "CNAME", "TXT", "TXT", "CAA"))


def write_type(draw: st.DrawFn, rdtype: str) -> str:
    """A type as written: any case, now and then a type the reader does not know."""
    return pick(draw, *OTHER_TYPES) if one_in(draw, 20) else recase(draw, rdtype)


# (open, close): straight, smart, single, mixed and unbalanced quotes.
QUOTES = (
    ('"', '"'),
    ('"', '"'),
    ("\u201c", "\u201d"),
    ("\u2018", "\u2019"),
    ("'", "'"),
    ("\u201c", '"'),
    ("\u201e", "\u201c"),
    ("«", "»"),
    ('"', ""),
    ("", '"'),
    ("\u201c", ""),
    ("", ""),
)
quotes = st.sampled_from(QUOTES)
TOKENS = st.text(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_", min_size=1, max_size=64
)
TOKEN_LISTS = st.lists(TOKENS, min_size=2, max_size=4)
HEX = st.text("0123456789abcdef", min_size=8, max_size=32)
WEIRD_CHARS = (
    "\ud800",
    "\udfff",
    "\x00",
    "\u200b",
    "\ufeff",
    "\u202e",
    "😀",
    "é",
    '\\"',
    "\\",
    " ",
)
VERIFICATION_PREFIXES = (
    "globalsign-domain-verification",
    "google-site-verification",
    "_globalsign-domain-verification",
    "MS",
    "atlassian-domain-verification",
)


@st.composite
def txt_texts(draw: st.DrawFn) -> str:
    """The text of a TXT record, before quoting: tokens, `x-verification=...`, very long,
    empty, or with a lone surrogate, a NUL, an emoji, an escape or a space in it."""
    kind = pick(draw, "token", "prefixed", "spf", "long", "empty", "weird", "words")
    token = draw(TOKENS)
    if kind == "prefixed":
        return f"{pick(draw, *VERIFICATION_PREFIXES)}={token}"
    if kind == "spf":
        return "v=spf1 include:_spf.google.com ~all"
    if kind == "long":
        return token * (1 + draw(st.integers(0, 3000)) // len(token))
    if kind == "empty":
        return ""
    if kind == "weird":
        at = draw(st.integers(0, len(token)))
        return token[:at] + pick(draw, *WEIRD_CHARS) + token[at:]
    if kind == "words":
        return " ".join(draw(TOKEN_LISTS))
    return token


@st.composite
def txt_values(draw: st.DrawFn) -> str:
    """TXT data as written: quoted any way, unquoted, or split into strings."""
    text = draw(txt_texts())
    if one_in(draw, 10) and len(text) > 2:
        half = len(text) // 2
        return f'"{text[:half]}" "{text[half:]}"'
    left, right = draw(quotes)
    return left + text + right


CAA_VALUES = st.sampled_from(
    (
        '0 issue "letsencrypt.org"',
        '0 issuewild "globalsign.com"',
        '128 issue "digicert.com; cansignhttpexchanges=yes"',
        '0 iodef "mailto:hostmaster@gov.uk"',
        '0 issue ";"',
        "0 issue letsencrypt.org",
        '0 ISSUE "pki.goog"',
        "0 issue",
        'issue "letsencrypt.org"',
        '256 issue "letsencrypt.org"',
        '0 issue "unterminated',
        "0 issue \u201cletsencrypt.org\u201d",
        '0 tag-with-dash "x"',
        '" 0 issue CNAME \u201c',
        '0 issue ""',
    )
)


@st.composite
def cname_targets(draw: st.DrawFn) -> str:
    """Validation targets as vendors give them, or any owner-shaped name."""
    a, b = draw(HEX), draw(HEX)
    kind = draw(st.integers(0, 7))
    if kind == 0:
        return f"{draw(TOKENS).lower()}.fastly-validations.com"
    if kind == 1:
        return f"_{a}.{b}.acm-validations.aws."
    if kind == 2:
        return pick(draw, "dcv.digicert.com", "www.gov.uk.edgekey.net.")
    if kind == 3:
        return f"{a}.{b}.sectigo.com"
    if kind == 4:
        return f"_{a}.authorize.certificatemanager.goog."
    return draw(owner_names())


def write_value(draw: st.DrawFn, rdtype: str) -> str:
    """Record data of type `rdtype` as written, right or wrong."""
    if rdtype == "TXT":
        return draw(txt_values())
    if rdtype == "CAA":
        return draw(CAA_VALUES)
    if rdtype in ("CNAME", "NS"):
        return draw(cname_targets())
    if rdtype == "MX":
        return pick(draw, "10 ", "", "70000 ") + draw(cname_targets())
    if rdtype == "A":
        return pick(draw, "192.0.2.1", "256.1.1.1", "192.0.2", "::1", "x")
    if rdtype == "AAAA":
        return pick(draw, "2001:db8::1", "2001:db8:::1", "192.0.2.1", "fe80::1%eth0")
    digest = draw(HEX) * 2
    return pick(draw, f"12345 13 2 {digest}", "1 2 3 zz", f"70000 8 1 {digest}")


@st.composite
def record_values(draw: st.DrawFn, rdtype: str) -> str:
    return write_value(draw, rdtype)


# ---------------------------------------------------------------------------------------------
# Records


@dataclass(frozen=True)
class Record:
    """One record as a ticket writes it: every field is text, and any field may be broken."""

    name: str
    type: str
    value: str
    ttl: str | None = None
    old_value: str | None = None


@st.composite
def records(draw: st.DrawFn) -> Record:
    rdtype = draw(record_types)
    return Record(
        name=draw(owner_names()),
        type=write_type(draw, rdtype),
        value=write_value(draw, rdtype),
        ttl=draw(ttls()) if draw(st.booleans()) else None,
        old_value=write_value(draw, rdtype) if one_in(draw, 10) else None,
    )


RECORD_LISTS = st.lists(records(), min_size=1, max_size=3)

# ---------------------------------------------------------------------------------------------
# Layouts: each writes a few records as one piece of ticket text.

LIST_MARKERS = ("", "", "", "- ", "* ", "• ", "1. ", "2) ", "(a) ")
SPACES = (" ", " ", "  ", "\t", " \u00a0", "   ")


def zone_lines(draw: st.DrawFn, recs: Sequence[Record]) -> str:
    """`name [ttl] [IN] TYPE data ; comment` lines, perhaps under `$ORIGIN` / `$TTL`."""
    lines = []
    if draw(st.booleans()):
        lines.append(f"$ORIGIN {draw(plain_names())}")
    if draw(st.booleans()):
        lines.append(f"{recase(draw, '$TTL')} {draw(ttls())}")
    for r in recs:
        parts = [r.name, *([r.ttl] if r.ttl else []), *(["IN"] if draw(st.booleans()) else [])]
        line = pick(draw, *SPACES).join([*parts, r.type, r.value])
        comment = pick(draw, "", "", " ; validation", ";x")
        lines.append(pick(draw, *LIST_MARKERS) + line + comment)
    return "\n".join(lines)


NAME_LABELS = ("Name", "Host", "Record name", "Hostname", "Record", "Owner", "Alias")
TYPE_LABELS = ("Type", "Record type", "RR type")
VALUE_LABELS = ("Value", "Points to", "Target", "Record value", "Content", "Data", "Value to add")


def label_blocks(draw: st.DrawFn, recs: Sequence[Record]) -> str:
    """`Name: / Type: / Value: / TTL:` blocks, any case, any order, blank lines between."""
    blocks = []
    for r in recs:
        fields = [
            (pick(draw, *NAME_LABELS), r.name),
            (pick(draw, *TYPE_LABELS), r.type),
            (pick(draw, *VALUE_LABELS), r.value),
        ]
        if r.ttl is not None:
            fields.append(("TTL", r.ttl))
        if r.old_value is not None:
            fields.append(("Old value", r.old_value))
        if one_in(draw, 3):
            fields.append(("Action", pick(draw, "Add", "DELETE", "update", "Remove")))
        if one_in(draw, 5):
            fields = draw(st.permutations(fields))
        lines = [
            recase(draw, k) + pick(draw, ": ", ":", " : ", " = ", ":\t") + v for k, v in fields
        ]
        blocks.append(pick(draw, "\n", "\n", "\n\n", "\n \n", ", ").join(lines))
    return pick(draw, "\n\n", "\n", "\n\n\n").join(blocks)


def _columns(recs: Sequence[Record]) -> list[str]:
    columns = ["Name", "Type", "Value"]
    if any(r.ttl is not None for r in recs):
        columns.append("TTL")
    return columns


def _cell(r: Record, column: str) -> str:
    return {"Name": r.name, "Type": r.type, "Value": r.value, "TTL": r.ttl or ""}[column]


def pipe_tables(draw: st.DrawFn, recs: Sequence[Record]) -> str:
    """A Markdown pipe table: columns in any order, with or without the rule and outer pipes."""
    columns = draw(st.permutations(_columns(recs)))
    outer, tick = draw(st.booleans()), pick(draw, "", "", "`")

    def row(cells: Sequence[str]) -> str:
        return f"| {' | '.join(cells)} |" if outer else " | ".join(cells)

    lines = []
    if draw(st.booleans()):
        lines.append(row([recase(draw, c) for c in columns]))
        if draw(st.booleans()):
            lines.append(row(["---"] * len(columns)))
    lines += [row([tick + _cell(r, c) + tick for c in columns]) for r in recs]
    return "\n".join(lines)


def space_tables(draw: st.DrawFn, recs: Sequence[Record]) -> str:
    """Columns aligned with spaces, as pasted from a console or a PDF."""
    columns = _columns(recs)
    rows = [columns, *([_cell(r, c) for c in columns] for r in recs)]
    widths = [
        max(len(row[i]) for row in rows) + draw(st.integers(1, 4)) for i in range(len(columns))
    ]
    return "\n".join("".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in rows)


HTML_COMMENTS = ("", "", "<!-- x -->", "<!-- <td>CNAME</td> -->", "<!--")


def html_pieces(draw: st.DrawFn, recs: Sequence[Record]) -> str:
    """A table, paragraphs or a <pre> in HTML, with <br>s, comments, entities, unclosed tags."""
    shape = pick(draw, "table", "table", "paragraphs", "pre")
    unclosed = draw(st.booleans())

    def end(tag: str) -> str:
        return "" if unclosed and draw(st.booleans()) else f"</{tag}>"

    comment = pick(draw, *HTML_COMMENTS)
    if shape == "pre":
        return f"<pre>{comment}{zone_lines(draw, recs)}{end('pre')}"
    if shape == "paragraphs":
        body = label_blocks(draw, recs).replace("\n", pick(draw, "<br>", "<br/>", "<BR>", "\n"))
        return f"<p>{comment}{body}{end('p')}<p>&nbsp;"
    columns = _columns(recs)
    rows = []
    if draw(st.booleans()):
        rows.append("<tr>" + "".join(f"<th>{c}</th>" for c in columns) + end("tr"))
    for r in recs:
        cells = []
        for c in columns:
            text = _cell(r, c).replace('"', pick(draw, '"', "&quot;", "&#34;"))
            if one_in(draw, 5):
                text = text.replace(".", ".<br>", 1)
            cells.append(f"<td>{text}{end('td')}")
        rows.append("<tr>" + "".join(cells) + end("tr"))
    return f"<table>{comment}{''.join(rows)}{end('table')}"


PROSE = (
    "please add a {type} called {name} with the value {value}",
    "Please create a {type} record for {name} pointing to {value}.",
    "Could you add a {type} record {name} with a TTL of {ttl} and value {value}?",
    "For {domain}, create a {type} called {name} with the value {value}.",
    "Add the following {type} record: {name} {type} {value}",
    "{name} now has to point at {value} instead of {old} ({type}).",
    "Please update the {type} at {name} from {old} to {value}.",
    "delete the {type} at {name}",
    "Once the certificate is issued, please remove the {type} record {name}.",
    "do not add the {type} record {name} -> {value}",
    "Don't create a {type} for {name}; we already see {value} there.",
    "We see a {type} at {name} currently set to {value}.",
    "The {type} record {name} should contain {value}, TTL {ttl}.",
)


def prose(draw: st.DrawFn, recs: Sequence[Record]) -> str:
    """Requests (and things that only look like requests) written as sentences."""
    sentences = []
    for r in recs:
        sentence = pick(draw, *PROSE).format(
            type=r.type,
            name=r.name,
            value=r.value,
            old=r.old_value or write_value(draw, "TXT"),
            ttl=r.ttl or "300",
            domain=draw(plain_names()),
        )
        sentences.append(sentence[0].upper() + sentence[1:] if draw(st.booleans()) else sentence)
    return pick(draw, " ", "\n", "\n\n").join(sentences)


Layout = Callable[[st.DrawFn, Sequence[Record]], str]
LAYOUTS: dict[str, Layout] = {
    "zone": zone_lines,
    "labels": label_blocks,
    "pipe_table": pipe_tables,
    "space_table": space_tables,
    "html": html_pieces,
    "prose": prose,
}
_LAYOUT_NAMES = tuple(LAYOUTS)  # simplest first: Hypothesis shrinks towards the first


@st.composite
def laid_out(draw: st.DrawFn, layout: str | None = None) -> str:
    """A few records written in one layout (`layout`, or any)."""
    return LAYOUTS[layout or pick(draw, *_LAYOUT_NAMES)](draw, draw(RECORD_LISTS))


def email_quoted(draw: st.DrawFn, text: str) -> str:
    """`text` as an earlier message quoted in a reply (`> `, `>> `, `>`)."""
    marker = pick(draw, "> ", ">> ", ">", "> > ", " > ")
    said = pick(draw, "", "On Mon, 3 Mar 2025 at 10:00, Fastly Support wrote:\n")
    return said + "\n".join(marker + line for line in text.split("\n"))


NOISE = st.sampled_from(
    (
        "Hi team,",
        "Hello,\n\nThanks for your patience.",
        "Kind regards,\nFastly Support",
        "Ticket #56012",
        "Domain: www.gov.uk",
        "Domains: www.gov.uk, assets.publishing.service.gov.uk",
        "Zone: gov.uk",
        "(zone www.gov.uk)",
        "Please add this to the service.gov.uk zone.",
        "We need to validate www.gov.uk with GlobalSign by 12 March 2025.",
        "The certificate expires on 2025-03-31.",
        "Your TLS certificate renewal needs DNS validation.",
        "-----BEGIN PRIVATE KEY-----",
        "\u200b\ufeff\u200f",
        "| | |",
        "Name: Type: Value:",
        "$ORIGIN gov.uk.",
        "$TTL 3600",
        "",
    )
)


@st.composite
def pieces(draw: st.DrawFn) -> str:
    """One piece of a ticket: records in some layout (perhaps quoted), or noise."""
    kind = draw(st.integers(0, 5))
    if kind == 5:
        return draw(NOISE)
    text = draw(laid_out())
    return email_quoted(draw, text) if kind == 4 else text


PIECE_LISTS = st.lists(pieces(), min_size=1, max_size=5)


@st.composite
def tickets(draw: st.DrawFn) -> str:
    """A whole ticket body: several pieces, joined the ways e-mail and forms join them."""
    return pick(draw, "\n\n", "\n", "\r\n\r\n", "\n\n\n", " ").join(draw(PIECE_LISTS))


subjects = st.sampled_from(
    (
        "Certificate validation",
        "[Fastly Support] Re: #56046 Certificate renewal for www.gov.uk",
        "TLS certificate: DNS records needed",
        "Re: SSL renewal",
        "GlobalSign DCV for service.gov.uk",
        "",
        "Scheduled maintenance",
    )
)

# ---------------------------------------------------------------------------------------------
# Whole files: .eml, .html, .txt

CHARSETS = (
    "utf-8",
    "us-ascii",
    "iso-8859-1",
    "windows-1252",
    "x-bogus",
    "unknown-8bit",
    "utf-7",
    '"utf-8"',
    "",
)
TRANSFER_ENCODINGS = ("", "7bit", "8bit", "quoted-printable", "base64", "x-bogus")
EML_SUBJECTS = (
    "Re: #56046 Certificate renewal",
    "=?x-bogus?q?Certificate_renewal?=",
    "=?utf-8?b?Q2VydGlmaWNhdGU=?=",
    "=?utf-8?q?unterminated",
    "",
)
EML_HEADERS = (
    "From: Fastly Support <support@fastly.com>",
    "To: govuk-2ndline@digital.cabinet-office.gov.uk",
)


def encode_body(body: str, transfer: str, broken: bool) -> str:
    """`body` in its Content-Transfer-Encoding; `broken` cuts or corrupts the encoding."""
    raw = body.encode("utf-8", "surrogatepass")
    if transfer == "base64":
        encoded = base64.encodebytes(raw).decode("ascii")
        return encoded[: len(encoded) // 2] + "!*" if broken else encoded
    if transfer == "quoted-printable":
        encoded = quopri.encodestring(raw).decode("ascii")
        return encoded + "=Z" if broken else encoded
    return body


def mime_part(draw: st.DrawFn, subtype: str, body: str) -> str:
    charset, transfer = pick(draw, *CHARSETS), pick(draw, *TRANSFER_ENCODINGS)
    headers = f"Content-Type: text/{subtype}" + (f"; charset={charset}" if charset else "")
    if transfer:
        headers += f"\nContent-Transfer-Encoding: {transfer}"
    return headers + "\n\n" + encode_body(body, transfer, one_in(draw, 5))


@st.composite
def eml_messages(draw: st.DrawFn) -> str:
    """An RFC 822 message: plain, HTML or multipart, with bogus charsets and encodings."""
    headers = [*EML_HEADERS, f"Subject: {pick(draw, *EML_SUBJECTS)}", "MIME-Version: 1.0"]
    text = draw(tickets())
    shape = pick(draw, "plain", "html", "multipart", "no-content-type")
    if shape == "no-content-type":
        return "\n".join(headers) + "\n\n" + text
    if shape == "plain":
        return "\n".join(headers) + "\n" + mime_part(draw, "plain", text)
    html = html_pieces(draw, draw(RECORD_LISTS))
    if shape == "html":
        return "\n".join(headers) + "\n" + mime_part(draw, "html", f"<html><body>{html}")
    parts = [mime_part(draw, "plain", text), mime_part(draw, "html", html)]
    body = "".join(f"\n--b1\n{p}\n" for p in parts) + pick(draw, "--b1--", "", "--b2--")
    return "\n".join([*headers, 'Content-Type: multipart/alternative; boundary="b1"']) + body


@st.composite
def html_documents(draw: st.DrawFn) -> str:
    """An HTML body as a help desk exports it: pieces of HTML between lines of text."""
    parts = [
        draw(NOISE) if draw(st.booleans()) else html_pieces(draw, draw(RECORD_LISTS))
        for _ in range(draw(st.integers(1, 4)))
    ]
    head = pick(draw, "<html><body>", "<div>", "", "<html><head><title>x</title>")
    return head + "\n".join(parts) + pick(draw, "</body></html>", "", "</div")


@dataclass(frozen=True)
class TicketFile:
    """What to write to disk: `content` encoded with `encoding` into a file named *`suffix`."""

    suffix: str
    content: str
    encoding: str = "utf-8"

    def to_bytes(self) -> bytes:
        """Lone surrogates become the bytes a broken UTF-8 encoder writes for them."""
        errors = "surrogatepass" if self.encoding.startswith("utf") else "replace"
        return self.content.encode(self.encoding, errors)


FILE_ENCODINGS = ("utf-8", "utf-8", "utf-8", "utf-8-sig", "cp1252", "utf-16")


@st.composite
def ticket_files(draw: st.DrawFn) -> TicketFile:
    """A ticket as a file: an .eml, an .html export, or a .txt (perhaps a pasted e-mail)."""
    suffix = pick(draw, ".txt", ".html", ".eml")
    if suffix == ".eml":
        content = draw(eml_messages())
    elif suffix == ".html":
        content = draw(html_documents())
    else:
        content = draw(eml_messages()) if one_in(draw, 3) else draw(tickets())
    return TicketFile(suffix, content, pick(draw, *FILE_ENCODINGS))

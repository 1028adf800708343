"""A record as written in a ticket (`Mention`), shared token rules, zone-file lines, and the
flag for a part of the ticket the reader failed on."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from bot.models import Action, Flag, Source
from bot.reading import durations
from bot.records import RecordError, to_name

# How a record is meant: requested, described as already published, or explicitly not wanted.
# "aside": records a plan mentions for a case that may never come (a backout, a rollback):
# read, so the completeness check knows them, and never a request or a fact.
# "noted": records the ticket says are not for us to do now ("can wait until next month",
# "listed for completeness only, no action is needed from GDS"): read and accounted for.
# "desired": one record of a set as it should end up ("so that the set ends up as:"), turned
# into changes against the set shown as published (bot/reading/desired.py) before it leaves the
# walker.
Mode = Literal["request", "observed", "negated", "aside", "noted", "desired"]

# Types as they may appear in a structured line. A lone lower-case "a" is an article, not a type.
TYPE_WORD = (
    r"(?:CNAME|TXT|CAA|AAAA|A|NS|DS|MX|HTTPS|SVCB|SRV|DNAME|TLSA|PTR|"
    r"cname|txt|caa|aaaa|ns|mx|dname|Cname|Txt)"
)
_TYPE_ONLY = re.compile(rf"^{TYPE_WORD}$")

# A DNS owner as written by a vendor: @, or labels with at least one dot or a leading underscore.
OWNER = r"(?:@|\*?\.?[A-Za-z0-9_*](?:[A-Za-z0-9_.*-]{0,252}[A-Za-z0-9_.])?)"
_OWNER_TOKEN = re.compile(rf"^{OWNER}$")

_LIST_MARKER = re.compile(
    r"^\s*(?:\[[^\]\n]{1,40}\]\s+)?(?:(?:[-*+\u2022\u00b7\u25aa\u25e6]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s+)?"
)
# "NAME - CNAME - VALUE", "NAME – TXT – VALUE": fields a list separates with dashes
_DASHED = re.compile(r"[ \t]+[-\u2013\u2014][ \t]+")
_ZONE_LINE = re.compile(
    rf"^(?P<name>{OWNER})\s+(?:(?P<ttl>\d{{1,20}})\s+)?(?:IN\s+)?(?:(?P<ttl2>\d{{1,20}})\s+)?"
    rf"(?P<type>{TYPE_WORD})\s+(?P<rdata>.*)$",
    re.ASCII,
)
_TYPE_FIRST = re.compile(rf"^(?P<type>{TYPE_WORD})\s+(?P<name>{OWNER})\s+(?P<rdata>.*)$", re.ASCII)
_ARROW = re.compile(r"^(?:->|=>)\s*")
_TYPE_ARROWS = re.compile(
    rf"[ \t]+(?:->|=>|\u2192)[ \t]+({TYPE_WORD})[ \t]+(?:->|=>|\u2192)[ \t]+", re.ASCII
)
_LABEL_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_-]{0,62}$")
_CLASS_IN = re.compile(r"^\S+\s+(?:\d{1,10}\s+)?IN\s")
# "www TXT …", "driving-licence TXT …" with no class: one label that can only be a host's
# ("www", or lower-case with a hyphen or a digit; never a word of prose: "Add TXT …", "re-add")
_HOST_LABEL = re.compile(
    r"^(?:www|(?!re-|e-mail$)[a-z][a-z0-9]*(?:-[a-z0-9]+)+|[a-z]+[0-9][a-z0-9-]*)$", re.I
)
# What a whole zone-file line's data looks like, per type; anything else is prose.
_DATA_SHAPES = {
    # a target has a dot ("Valid" in a status column is no target); "@" is the zone itself
    "CNAME": re.compile(r"^(?:\S*\.\S*|@)$"),
    "NS": re.compile(r"^(?:\S*\.\S*|@)$"),
    "A": re.compile(r"^\S+$"),
    "AAAA": re.compile(r"^\S+$"),
    "TXT": re.compile(r'^(?:"(?:[^"\\]|\\.)*"(?:\s+"(?:[^"\\]|\\.)*")*|[^\s"]+)$'),
    "CAA": re.compile(r'^\d{1,3}\s+[A-Za-z]+\s+(?:"[^"]*"|\S+)$'),
    "MX": re.compile(r"^\d{1,5}\s+\S+$"),
    "DS": re.compile(r"^\d+\s+\d+\s+\d+\s+[0-9A-Fa-f\s]+$"),
    # Never asked for by a certificate ticket; read so the trust rules can say so.
    "HTTPS": re.compile(r"^\d{1,5}\s+\S+(?:\s+\S+){0,30}$"),
    "SVCB": re.compile(r"^\d{1,5}\s+\S+(?:\s+\S+){0,30}$"),
    "SRV": re.compile(r"^\d{1,5}\s+\d{1,5}\s+\d{1,5}\s+\S+$"),
    "DNAME": re.compile(r"^\S+$"),  # redirects every name below the owner
    "PTR": re.compile(r"^\S+$"),
    "TLSA": re.compile(r"^\d{1,3}\s+\d{1,3}\s+\d{1,3}\s+[0-9A-Fa-f\s]+$"),
}


@dataclass
class Mention:
    """A record as written in the ticket, before dnspython has checked it."""

    name: str
    rdtype: str
    value: str | None
    line: int
    ttl: int | None = None
    old_value: str | None = None
    action: Action | None = None
    after_issuance: bool = False
    origin_hint: str | None = None
    zone: str | None = None
    domain: str | None = None
    last_line: int | None = None
    excerpt: str = ""
    mode: Mode = "request"
    described: bool = False  # the ticket also says this record is published now
    zone_said: str | None = None  # a zone named in prose ("in the gov.uk zone")
    every: bool = False  # a delete said of "both"/"all" records: earlier comments' values too
    conditional: bool = False  # "if you still have X / if anything exists at X, remove it"
    kept: bool = False  # its own row says to keep it ("| … | Keep |"): no removal reaches it


def excerpt(text: str, limit: int = 120) -> str:
    """Text as one short line, for messages and `source`: white space collapsed, cut at limit."""
    shown = " ".join(text.split())
    return shown[: limit - 3] + "..." if len(shown) > limit else shown


def ttl_of(text: str) -> int | None:
    """A TTL written in ASCII digits, with "s"/"seconds" after it or not, or in minutes or
    hours ("5 minutes", "1h", as zone files and DNS consoles write it), or a duration the value
    starts with ("two minutes if your provider allows it"); anything else (other scripts'
    digits, a second number) is none."""
    if durations.left_open(text):
        return None  # "300 is fine but anything works": the choice is ours, no TTL asked
    text = _REMARKED.sub("", text.strip())
    unit = _UNIT.search(text)
    scale = _SCALE[unit.group(1)[0].lower()] if unit else 1
    digits = text[: unit.start()] if unit else text
    if digits.isascii() and digits.isdigit():
        return int(digits) * scale
    return durations.leading_duration(text)  # "two minutes if your provider allows it"


_UNIT = re.compile(r"[ ]?(s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?)$", re.I)
_SCALE = {"s": 1, "m": 60, "h": 3600}
_REMARKED = re.compile(r"[ ]?\([^()]{0,40}\)$")  # "300 (5 min)": the number is the TTL


# Abbreviations that look like names with a dot: "i.e.", "e.g." are never a record's owner.
_ABBREVIATIONS = frozenset(("i.e.", "i.e", "e.g.", "e.g", "etc.", "a.m.", "p.m.", "n.b.", "p.s."))


def strip_list_marker(line: str) -> str:
    return _LIST_MARKER.sub("", line, count=1).replace("`", "").strip()


def is_owner_token(token: str) -> bool:
    if not _OWNER_TOKEN.match(token) or token.lower() in _ABBREVIATIONS:
        return False
    # A name has two labels ("removed." ending a sentence is a word), or is @, _x or *.x.
    return "." in token.rstrip(".") or token[0] in "@_*"


def domain_in(remark: str) -> str | None:
    """The domain a remark beside a name names: "(zone www.gov.uk)", "(gov.uk)"."""
    for word in remark.replace(",", " ").split():
        word = word.strip("`'\".;:()")
        if "." in word and not word.startswith("_") and is_owner_token(word):
            return word
    return None


def clean_data(rdtype: str, data: str) -> str:
    """Drop sentence punctuation that trails record data (a comma, a full stop after a quote)."""
    data = data.strip().rstrip(",;")
    if data.endswith((")", ").")) and "(" not in data:
        data = data[: data.rindex(")")]  # "(value TOKEN)." ends the remark, not the data
    if rdtype in ("TXT", "CAA") and data.endswith('".'):
        data = data[:-1]
    if rdtype == "TXT" and " " not in data and not data.startswith('"') and data.endswith("."):
        data = data[:-1]  # an unquoted token ending a sentence: tokens never end in a full stop
    if rdtype in ("A", "AAAA") and data.endswith("."):
        data = data[:-1]  # "an A record of 18.133.45.201.": an address has no final dot
    if rdtype == "TXT":
        # "globalsign-domain-verification=<br>TOKEN" in a narrow cell: a verification string
        # never holds a space, so the break the layout made is no part of it
        data = _SPLIT_VERIFICATION.sub(r"\1", data, count=1)
    return data


_SPLIT_VERIFICATION = re.compile(
    r"^(\"?[a-z0-9-]{1,40}-(?:domain-)?(?:verification|validation)=)[ \t]+(?=[^\s\"]+\"?$)", re.I
)


def whole_values(mention: Mention) -> list[str]:
    """The TXT data of a mention as the values it holds: '"A" "B"' is one record of two
    strings, unless each string is a whole validation value of its own (an ACME token is 43
    base64url characters; a CA's "…-verification=" string carries its own name): then two
    values written side by side ("two values, left by the old acme.sh cron job")."""
    data = mention.value or ""
    if mention.rdtype != "TXT" or data.count('"') < 4:
        return [data]
    parts = _QUOTED_PART.findall(data)
    if _QUOTED_PART.sub("", data).strip() or not all(_WHOLE_VALUE.fullmatch(p) for p in parts):
        return [data]
    return [f'"{p}"' for p in parts]


_QUOTED_PART = re.compile(r'"([^"]{1,255})"')
_WHOLE_VALUE = re.compile(
    r"[A-Za-z0-9_-]{43}|[a-z0-9-]{1,40}-(?:domain-)?(?:verification|validation)=[^\s\"]{8,200}",
    re.I,
)


def data_shaped(rdtype: str, text: str) -> bool:
    """Does the whole text look like record data of this type (a `dig +short` answer line)?"""
    shape = _DATA_SHAPES.get(rdtype)
    return bool(shape and shape.match(clean_data(rdtype, text)))


def read_zone_line(line: str, number: int) -> Mention | None:
    """`name [ttl] [IN] [ttl] TYPE data` when the whole line is that and nothing else; also
    `TYPE name data` and an arrow before the data (`CNAME name -> target`), as lists write it."""
    text = _without_comment(strip_list_marker(line))
    if "->" in text or "\u2192" in text:  # "NAME  ->  CNAME  ->  TARGET": arrows around the type
        text = _TYPE_ARROWS.sub(r" \1 ", text, count=1)
    if _DASHED.search(text) and len(_DASHED.split(text)) == 3:
        text = " ".join(_DASHED.split(text))  # exactly name, type and data between dashes
    said_ttl = None
    suffix = _TRAILING_TTL.search(text) if "ttl" in text.lower() else None
    if suffix:  # "_acme-challenge.gov.uk   CNAME   x.fastly-validations.com   TTL 300"
        text, said_ttl = text[: suffix.start()], suffix.group(1)
    remark = trailing_remark(text)
    if remark and remark.start() > 0:
        text = text[: remark.start()]  # "… TXT "V"   (new, replaces O46BuBsm...)": a remark
    match = _ZONE_LINE.match(text) or _TYPE_FIRST.match(text)
    if not match:
        return None
    # "register-a-food-business   IN  CAA  0 issue …" under $ORIGIN: one label is a name
    # when the class stands after it, as only a zone file writes it
    one_label = _LABEL_NAME.match(match["name"]) and (
        _CLASS_IN.search(text) or _HOST_LABEL.match(match["name"])
    )
    if not is_owner_token(match["name"]) and not one_label:
        return None
    rdtype = match["type"].upper()
    data = clean_data(rdtype, _ARROW.sub("", match["rdata"], count=1))
    if not _DATA_SHAPES[rdtype].match(data):
        return None
    groups = match.groupdict()
    ttl = groups.get("ttl") or groups.get("ttl2") or said_ttl
    return Mention(
        match["name"], rdtype, data, number, ttl=ttl_of(ttl) if ttl else None, excerpt=line
    )


def trailing_remark(line: str) -> re.Match[str] | None:
    """The remark in brackets after a record's data ("   (same as before)", "  (new,
    replaces O46BuBsm...)"), outside any quoted string; group 1 is its text."""
    remark = _TRAILING_REMARK.search(line) if line.rstrip().endswith(")") else None
    return None if remark is None or line[: remark.start()].count('"') % 2 else remark


_TRAILING_REMARK = re.compile(r"[ \t]{2,}\(([^()\n]{1,120})\)[ \t]*$")
_TRAILING_TTL = re.compile(
    r"[ \t]+\(?[ \t]*TTL[ \t]*[:=]?[ \t]*(\d{1,10})[ \t]*(?:s|secs?|seconds)?[ \t]*\)?[ \t]*$", re.I
)


def _without_comment(line: str) -> str:
    """A zone-file line without its `; comment` (a `;` inside quotes is data: CAA
    `0 issue "letsencrypt.org; validationmethods=dns-01"`)."""
    if ";" not in line:
        return line.rstrip()
    if '"' not in line:
        return line.split(";", 1)[0].rstrip()
    at = comment_at(line)
    return line[:at].rstrip() if at is not None else line.rstrip()


def comment_at(line: str) -> int | None:
    """Where a zone-file line's `; comment` starts, outside any quoted string."""
    quoted = False
    for i, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == ";" and not quoted:
            return i
    return None


def is_type_word(text: str) -> bool:
    return bool(_TYPE_ONLY.match(text))


def safe_name(text: str) -> str | None:
    try:
        return to_name(text) if text else None
    except RecordError:
        return None


def failed_block(first: int, last: int, text: str, exc: Exception) -> Flag:
    why = f"cert-ticket could not read this part of the ticket ({type(exc).__name__})"
    return unparsed(first, last, text, why)


def unparsed(first: int, last: int, text: str, why: str) -> Flag:
    """A `warn` that lines `first`-`last` hold a record a person must read (`why` says so)."""
    where = f"Line {first}" if first == last else f"Lines {first}-{last}"
    shown = excerpt(text)
    return Flag(
        code="unparsed_record",
        severity="warn",
        message=f"{where}: {why}: {shown!r}. Read it by hand.",
        source=Source(first_line=first, last_line=last, excerpt=shown),
    )

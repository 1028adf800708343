"""Record names and data, parsed and normalised by dnspython; zone-file lines for drafts."""

from __future__ import annotations

import re

import dns.exception
import dns.name
import dns.rdata
import dns.rdataclass
import dns.rdatatype
import dns.rdtypes.ANY.TXT

RECORD_TYPES = ("CNAME", "TXT", "CAA", "AAAA", "A", "NS", "DS", "MX", "HTTPS", "SVCB", "SRV")
NAME_TYPES = frozenset(("CNAME", "NS"))

# Last labels that mark a name written without its trailing dot as absolute anyway.
_TLDS = frozenset(
    (
        "uk",
        "com",
        "net",
        "org",
        "io",
        "aws",
        "goog",
        "gov",
        "edu",
        "info",
        "digital",
        "cloud",
        "dev",
        "app",
        "eu",
        "us",
        "de",
        "fr",
        "nl",
        "ie",
        "co",
        "biz",
        "me",
        "tv",
        "ai",
        "arpa",
    )
)
_QUOTED = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
# Targets of CNAME/NS/MX are host names (letters, digits, hyphens; `_` for validation names).
_HOST_LABEL = re.compile(r"^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$")
_STRIP = "`'\"<>()[]{},;*"
# Owner labels: host-name characters, `_` for service labels, and a leading `*` wildcard.
_OWNER_LABEL = re.compile(r"^(?:\*|[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)$")


class RecordError(ValueError):
    """Text that should be a DNS name or record data but does not parse."""


def to_name(text: str, origin: str | None = None) -> str:
    """An owner name as lower-case FQDN with a trailing dot.

    `@` is the origin. A name without a trailing dot is absolute when its last label is a
    top-level domain we know (vendors often drop the dot); otherwise it is relative to the
    origin (the zone or the domain being validated).
    """
    text = text.strip().strip(_STRIP.replace("*", ""))
    if text == "@":
        if origin is None or origin.strip() in ("", "@"):
            raise RecordError("'@' with no zone to stand for")
        return to_name(origin)
    if not text or "\\" in text or any(c.isspace() for c in text):
        raise RecordError(f"not a host name: {text!r}")
    try:
        base = dns.name.root if is_absolute(text) or origin is None else dns.name.from_text(origin)
        name = dns.name.from_text(text, origin=base).to_text().lower()
    except (dns.exception.DNSException, UnicodeError, ValueError) as exc:
        raise RecordError(f"not a DNS name: {text!r}") from exc
    labels = name.rstrip(".").split(".")
    if not all(_OWNER_LABEL.match(label) for label in labels) or "*" in name[1:]:
        raise RecordError(f"not a host name: {text!r}")
    return name


def is_absolute(text: str) -> bool:
    """Ends with a dot, or its last label is a top-level domain we know."""
    return text.endswith(".") or text.rsplit(".", 1)[-1].lower() in _TLDS


def parent(name: str) -> str:
    """The name one label up, lower case with a trailing dot."""
    return dns.name.from_text(name).parent().to_text().lower()


def to_value(rdtype: str, text: str) -> str:
    """Record data in the JSON contract's canonical form.

    CNAME/NS targets become absolute names with a trailing dot; TXT becomes the joined text
    of its strings without the outer quotes; everything else is dnspython's presentation form.
    """
    text = text.strip()
    if rdtype == "TXT":
        return _txt_text(text)
    try:
        rdata = dns.rdata.from_text(
            dns.rdataclass.IN,
            dns.rdatatype.from_text(rdtype),
            _absolute_targets(rdtype, text),
            origin=dns.name.root,
            relativize=False,
        )
    except (dns.exception.DNSException, ValueError) as exc:
        raise RecordError(f"not valid {rdtype} data: {text!r}") from exc
    if rdtype in NAME_TYPES or rdtype == "MX":
        target = rdata.to_text().lower()
        labels = target.split()[-1].rstrip(".").split(".")
        if not all(_HOST_LABEL.match(label) for label in labels):
            raise RecordError(f"not a host name: {text!r}")
        if len(labels) < 2 or labels[-1].isdigit():
            # "3600." (a TTL read as the target), "localhost.": no host anyone validates with
            raise RecordError(f"not a host under a domain: {text!r}")
        return target
    if rdtype == "CAA":
        # the tag, and an issuer (a domain name), whatever their case ("SECTIGO.COM" is
        # sectigo.com); parameters after ";" and iodef URLs are kept as written
        return _CAA_ISSUER.sub(lambda m: m.group(0).lower(), rdata.to_text(), count=1)
    return rdata.to_text()


_CAA_ISSUER = re.compile(r'^\d+ (?:issue|issuewild) "[^";\\]*|^\d+ [A-Za-z0-9]+', re.I)


def caa_issuer(value: str) -> str | None:
    """The CA a CAA issue/issuewild record names (`0 issue "letsencrypt.org; …"` ->
    letsencrypt.org); None for other CAA data (iodef)."""
    found = _CAA_ISSUE.fullmatch(value.strip())
    return found.group(1).strip().lower() if found else None


_CAA_ISSUE = re.compile(r'\d{1,3} (?:issue|issuewild) "([^";]*)(?:;[^"]*)?"')


def _absolute_targets(rdtype: str, text: str) -> str:
    if rdtype in NAME_TYPES:
        return text.strip(_STRIP + "?!").rstrip(".") + "."
    if rdtype == "MX":
        parts = text.split()
        if len(parts) == 2 and not parts[1].endswith("."):
            return f"{parts[0]} {parts[1]}."
    return text


_QUOTE_MARKS = '"“”'


def _txt_text(text: str) -> str:
    if len(text) > 1 and text[0] == text[-1] == "'" and '"' not in text:
        text = f'"{text[1:-1]}"'  # single quotes around the whole value are quotes too
    strings = _QUOTED.findall(text)
    if strings:
        if _QUOTED.sub("", text).strip():
            raise RecordError(f"TXT data has text outside its quotes: {text!r}")
        joined = "".join(re.sub(r"\\(.)", r"\1", s) for s in strings)
    elif len(text.split()) == 1:
        if text[0] in _QUOTE_MARKS or text[-1] in _QUOTE_MARKS:
            # '"cENhL1EGcLJCdKjPZItjta' and the signature next: the value was cut off
            raise RecordError(f"TXT data opens or closes a quote it never matches: {text!r}")
        joined = text
    else:
        raise RecordError(f"TXT data with spaces must be quoted: {text!r}")
    if not joined:
        raise RecordError("empty TXT data")
    to_txt_rdata(joined)
    return joined


def to_txt_rdata(joined: str) -> dns.rdtypes.ANY.TXT.TXT:
    """A TXT rdata holding `joined`, split into 255-octet character-strings."""
    try:
        raw = joined.encode("utf-8")
        chunks = [raw[i : i + 255] for i in range(0, len(raw), 255)] or [b""]
        return dns.rdtypes.ANY.TXT.TXT(dns.rdataclass.IN, dns.rdatatype.TXT, chunks)
    except (dns.exception.DNSException, ValueError) as exc:
        raise RecordError(f"not valid TXT data: {joined!r}") from exc


def zone_line(name: str, ttl: int | None, rdtype: str, value: str | None) -> str:
    """A record as one zone-file line: `name. TTL IN TYPE data` (TTL omitted when none, as for
    a record to delete; data omitted when unknown)."""
    data = "" if value is None else " " + presentation(rdtype, value)
    at = "" if ttl is None else f" {ttl}"
    return f"{name}{at} IN {rdtype}{data}"


def presentation(rdtype: str, value: str) -> str:
    """Zone-file form of a canonical value (TXT quoted and chunked, others as they are)."""
    if rdtype == "TXT":
        return to_txt_rdata(value).to_text()
    return value

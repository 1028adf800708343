"""What kind of certificate ticket this is and what it names: CA, vendor, deadline, method."""

from __future__ import annotations

import re
from datetime import date, datetime

from bot.models import Classification, Extraction, Signals

# CA display name -> (words that name it in a ticket, issuer domains in CAA records).
CERTIFICATE_AUTHORITIES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "GlobalSign": (("globalsign",), ("globalsign.com",)),
    "Let's Encrypt": (("let's encrypt", "lets encrypt", "letsencrypt"), ("letsencrypt.org",)),
    "Certainly": (("certainly",), ("certainly.com",)),
    "DigiCert": (("digicert", "_dnsauth"), ("digicert.com", "symantec.com", "geotrust.com")),
    "Sectigo": (("sectigo", "comodo"), ("sectigo.com", "comodoca.com", "usertrust.com")),
    "Amazon": (
        ("amazon", "aws certificate manager", "acm-validations", " acm "),
        ("amazon.com", "amazontrust.com", "awstrust.com", "amazonaws.com"),
    ),
    "Google Trust Services": (("google trust services", "certificatemanager.goog"), ("pki.goog",)),
}
_CA_NAMES = list(CERTIFICATE_AUTHORITIES)
# "Certainly" is also an English word: only count it next to CA words or in a Fastly value.
_CERTAINLY_CA = re.compile(
    r"\bCertainly\b(?=[^.\n]{0,40}\b(?:CA|certificate|authority|issu\w*|supports|ACME)\b)"
    r"|\bcertainly\.com\b|\b(?:by|the|from) Certainly\b"
)

# The patterns from here on are searched in the ticket's text in lower case, without re.I: a
# case-insensitive search cannot skip ahead to a literal and walks a 1 MB ticket character by
# character, several times slower.
# A pattern is only run on a text holding one of its words (`_holds`): a search that cannot
# start from a literal walks the whole text even where the answer is no.
_VENDORS = (
    ("Fastly", re.compile(r"fastly"), ("fastly",)),
    ("AWS", re.compile(r"acm-validations\.aws|\baws\b"), ("aws",)),
    ("Google Cloud", re.compile(r"certificatemanager\.goog"), ("certificatemanager.goog",)),
    ("Akamai", re.compile(r"akamai|validate-akdv\.net"), ("akamai", "validate-akdv.net")),
)

_CERT_WORDS = re.compile(
    r"\b(?:certificates?|tls|ssl|dcv|acme|_acme-challenge|domain (?:control )?validation|"
    r"caa|https(?!:)|renewal|validation record|globalsign|digicert|sectigo|let's encrypt|_dnsauth|"
    r"validation (?:token|state|txt)|domain (?:ownership|verification))\b",
)
_NOT_CERT_WORDS = (
    "scheduled maintenance", "maintenance window", "planned maintenance", "incident report",
    "service disruption", "invoice", "billing", "status update", "network upgrade",
)  # fmt: skip
_NOT_CERT = re.compile(r"\b(?:" + "|".join(_NOT_CERT_WORDS) + r")\b")
# Every branch starts with a letter or "/" (its word boundary checked just after it), so the
# search skips ahead to those characters instead of trying every position of the text.
_HTTP_VALIDATION = re.compile(
    r"h(?:ttps?://[^\s\"'<>/]{1,253}/\.well-known/(?:pki-validation|acme-challenge)/[^\s\"'<>]*"
    r"|(?<=\bh)ttp-01\b|(?<=\bh)ttp (?:file )?(?:based )?(?:domain )?validation\b)"
    r"|/\.well-known/(?:pki-validation|acme-challenge)/\S*|g(?<=\bg)sdv\.txt\b"
    r"|f(?<=\bf)ile-based validation\b",
    re.I,
)
# Each way _HTTP_VALIDATION can match holds one of these (it is not run on a text without).
_HTTP_WORDS = (".well-known/", "http-01", "gsdv.txt", "http ", "file-based validation")
# (never part of another address, "dns-admin@x", nor a CAA iodef's "mailto:hostmaster@x", where
# the CA reports problems and sends no approval mail)
_CONSTRUCTED_MAILBOX = re.compile(
    r"(?<![\w.+-])(?<!mailto:)(?:admin|administrator|hostmaster|postmaster|webmaster)@"
    r"[a-z0-9.-]+\.[a-z]{2,}\b",
    re.I,
)
_EMAIL_VALIDATION = re.compile(
    r"\b(?:approval|validation|verification|dcv) e-?mail\b|\bemail (?:validation|approval|"
    r"verification)\b|\bapprove (?:the|this) (?:certificate|request)\b",
)

_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_MONTH = r"(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = (
    r"(?:(?P<iso>\d{4}-\d{2}-\d{2})|(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+"
    r"(?P<y1>\d{4})|" + _MONTH.replace("month", "month2") + r"\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?"
    r"\s+(?P<y2>\d{4}))"
)
_DEADLINE = re.compile(
    r"\b(?:by|before|no later than|until|expires?(?: on)?|expiry(?: date)?|expiring(?: on)?|"
    r"deadline|due)\s*(?:is|:|on|of)?\s*(?:the\s+)?(?:\w+day,?\s+)?" + _DATE,
)


_WHITESPACE = re.compile(r"\s+")
_HEADER_LINE = re.compile(r"^[ \t>]*(?:from|to|cc|bcc|sent|reply-to):[^\n]*$", re.I | re.M)


def read_signals(subject: str, text: str, extraction: Extraction) -> Signals:
    """Classify the ticket and pick out the CA, vendor, deadline and validation hints.

    A ticket is a certificate ticket when it uses certificate words or asks for records. Among
    those, requested records make it `dns_change`; otherwise an HTTP validation path makes it
    `http_validation`, and an approval mailbox or approval-email wording `email_validation`.
    Maintenance notices and the like are `not_certificate` unless they ask for records.
    """
    # One space for every run of white space: no pattern below needs more, and a long run
    # would otherwise make the patterns that allow space between words quadratic.
    whole = _WHITESPACE.sub(" ", f"{subject}\n{text}")
    lowered = whole.lower()
    # A mailbox in a forwarded mail's From:/To: line is who sent it, not an approval address.
    addressed = _WHITESPACE.sub(" ", _HEADER_LINE.sub("", text))
    mailboxes = _CONSTRUCTED_MAILBOX.findall(addressed) if "@" in addressed else []
    emails = tuple(dict.fromkeys(m.lower() for m in mailboxes))
    urls = tuple(
        dict.fromkeys(m.rstrip(".,;)") for m in _HTTP_VALIDATION.findall(whole))
        if any(word in lowered for word in _HTTP_WORDS)
        else ()
    )
    return Signals(
        classification=_classify(lowered, extraction, emails, urls),
        certificate_authorities=_authorities(whole, lowered),
        vendor=next(
            (name for name, pattern, words in _VENDORS if _holds(lowered, words, pattern)), None
        ),
        deadline=_deadline(lowered),
        validation_emails=emails,
        http_urls=tuple(u for u in urls if "/" in u),
    )


def _classify(
    lowered: str, extraction: Extraction, emails: tuple[str, ...], urls: tuple[str, ...]
) -> Classification:
    # (what a CC or a department asks for beside the vendor's mail - "could you also add a TXT
    # for our own GlobalSign account" above Fastly's "nothing for GOV.UK to change in DNS" - is
    # shown and blocked, and says nothing of how the vendor's CA validates)
    asks_records = any(
        c.source is None or c.source.role != "other" for c in extraction.changes
    ) or any(f.code == "unparsed_record" for f in extraction.flags)
    if asks_records:
        return "dns_change"
    if _holds(lowered, _NOT_CERT_WORDS, _NOT_CERT) or not _CERT_WORDS.search(_relevant(lowered)):
        return "not_certificate"
    if urls:
        return "http_validation"
    if emails or _holds(lowered, ("mail", "approve "), _EMAIL_VALIDATION):
        return "email_validation"
    return "dns_change"


# "This is unrelated to your TLS certificate", "ACME validation … were not affected", "none of
# them have active TLS subscriptions …, so there is nothing to change in DNS": a sentence that
# names a certificate only to say it needs nothing
_NOT_ABOUT_IT = re.compile(
    r"\b(?:unrelated|nothing to do with|not affected|were not|was not|no action|needs no|"
    r"nothing to change|not a factor|is fine and valid|none of them)\b"
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n")


def _relevant(lowered: str) -> str:
    """The text without its sentences that mention a certificate only to set it aside (a
    text that no such words are in is returned as it is, cheaply)."""
    if not _NOT_ABOUT_IT.search(lowered):
        return lowered
    kept: list[str] = []
    heading = ""  # "- TLS. Certificate issuance … were not affected.": a heading goes with it
    for sentence in _SENTENCE.split(lowered):
        if len(sentence.split()) <= _HEADING_WORDS:
            heading += f" {sentence}"
            continue
        sentence, heading = f"{heading} {sentence}", ""
        if not _NOT_ABOUT_IT.search(sentence):
            kept.append(sentence)
    return " ".join([*kept, heading])


_HEADING_WORDS = 3


def _authorities(whole: str, lowered: str) -> tuple[str, ...]:
    """CAs named in the text, in order of first mention (one search per word: a text naming
    one CA thousands of times is not walked match by match)."""
    first: dict[str, int] = {}
    for ca, (words, _) in CERTIFICATE_AUTHORITIES.items():
        found = [at for word in words if (at := lowered.find(word)) >= 0]
        if found and ca != "Certainly":
            first[ca] = min(found)
    certainly = _CERTAINLY_CA.search(whole) if "certainly" in lowered else None
    if certainly:
        first["Certainly"] = certainly.start()
    return tuple(sorted(first, key=first.__getitem__))


def _holds(lowered: str, words: tuple[str, ...], pattern: re.Pattern[str]) -> bool:
    """`pattern` found in `lowered`, searched only when one of its `words` is there."""
    return any(word in lowered for word in words) and pattern.search(lowered) is not None


def _deadline(lowered: str) -> date | None:
    dates = [d for m in _DEADLINE.finditer(lowered) if (d := _to_date(m)) is not None]
    return min(dates) if dates else None


def _to_date(m: re.Match[str]) -> date | None:
    try:
        if m["iso"]:
            return datetime.strptime(m["iso"], "%Y-%m-%d").date()
        month = (m["month"] or m["month2"]).lower()[:3]
        day, year = (m["d1"], m["y1"]) if m["d1"] else (m["d2"], m["y2"])
        return date(int(year), _MONTHS.index(month) + 1, int(day))
    except ValueError:
        return None

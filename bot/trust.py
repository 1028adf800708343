"""Trust rules: a certificate ticket may ask only for validation records, only through the
vendor's agents, and a validation CNAME may point only where a CA validates (pure).

Each rule is a stable flag code (README "Trust rules"): `untrusted_author`, `unexpected_type`,
`touches_service_record`, `unexpected_target` (block) and `unexpected_value` (warn, block for
deletes). A blocked change stays in the triage, at the top, and never reaches a draft.
"""

from __future__ import annotations

import re

from bot.models import DnsChange, Flag, Severity, Signals
from bot.reading.changes import validated_domain
from bot.records import caa_issuer
from bot.signals import CERTIFICATE_AUTHORITIES
from bot.trustpolicy import Trust

# Owner labels that hold domain-validation data (domain.md §4-5): ACME `_acme-challenge` and
# Google's per-project `_acme-challenge_<token>`, DigiCert `_dnsauth`, GlobalSign's label, and
# the `_<32 hex>` MD5/hash labels of ACM and Sectigo.
_VALIDATION_LABEL = re.compile(
    r"_(?:acme-challenge(?:_[a-z0-9-]{1,60})?|dnsauth|globalsign-domain-verification|[0-9a-f]{32})"
)
# TXT values a CA issues: a known prefix and its token, or a random token alone (ACME: 43
# base64url characters; DigiCert: 32 alphanumerics; GlobalSign: 40-odd base64url).
_KNOWN_PREFIX = re.compile(r"_?globalsign-domain-verification=[A-Za-z0-9_-]{16,100}")
# Domain-ownership tokens of services that are not CAs: a certificate ticket never needs one.
_OWNERSHIP_TOKEN = re.compile(
    r"(?:google-site-verification|MS|facebook-domain-verification|atlassian-domain-verification|"
    r"apple-domain-verification|adobe-idp-site-verification|docusign|zoom-domain-verification|"
    r"slack-domain-verification|stripe-verification|dropbox-domain-verification|"
    r"_?github-challenge[\w-]*|amazonses|mandrill_verify)=",
    re.I,
)
_TOKEN = re.compile(r"[A-Za-z0-9_+/-]{16,255}={0,2}")
# The CAs a vendor obtains certificates from, besides those a ticket names (domain.md §4.5).
_VENDOR_CAS = {
    "Fastly": ("Certainly", "Let's Encrypt", "GlobalSign"),
    "AWS": ("Amazon",),
    "Google Cloud": ("Google Trust Services",),
}
_PHONE = "Confirm with the vendor by phone (a number from their website, not the ticket)."


def is_validation_owner(name: str) -> bool:
    """`_acme-challenge.www.gov.uk.`, `_dnsauth.x.`, `_<32 hex>.x.`, and ACME dns-account-01's
    `_<label>._acme-challenge.x.`."""
    labels = name.rstrip(".").split(".")
    if _VALIDATION_LABEL.fullmatch(labels[0]):
        return True
    return labels[0].startswith("_") and len(labels) > 2 and labels[1] == "_acme-challenge"


def is_validated_name(name: str) -> bool:
    """A name a certificate can be for (TXT validation sits there): no `_` or `*` labels."""
    return not any(label.startswith(("_", "*")) for label in name.rstrip(".").split("."))


def looks_issued(value: str) -> bool:
    """Whether a TXT value looks like what a CA issues: a known prefix with its token, or a
    random token of plausible length and alphabet."""
    if _KNOWN_PREFIX.fullmatch(value):
        return True
    if not _TOKEN.fullmatch(value):
        return False
    kinds = sum(bool(re.search(p, value)) for p in ("[a-z]", "[A-Z]", "[0-9]"))
    return kinds >= 2  # a word or a run of one letter is no random token


def allowed_issuers(signals: Signals) -> frozenset[str]:
    """CAA issuer domains the ticket may ask to allow: its CAs' and its vendor's."""
    cas = set(signals.certificate_authorities)
    cas.update(_VENDOR_CAS.get(signals.vendor or "", ()))
    return frozenset(d for ca in cas for d in CERTIFICATE_AUTHORITIES.get(ca, ((), ()))[1])


def trust_flags(change: DnsChange, signals: Signals, policy: Trust) -> list[Flag]:
    """Every trust rule one change breaks."""
    flags = []
    source = change.source
    if source is not None and source.role == "other":
        who = f"{source.author} (not one of the vendor's agents)" if source.author else "someone"
        flags.append(
            _flag(
                "untrusted_author",
                change,
                f"{_what(change)} was asked for by {who}"
                f"{f' in comment {source.comment_id}' if source.comment_id else ''}: only "
                "the vendor's agents can ask for a change. Not drafted; ask the vendor to "
                "confirm it on the ticket if it is real.",
            )
        )
    if policy.is_service_record(change.name, change.type):
        flags.append(
            _flag(
                "touches_service_record",
                change,
                f"{_what(change)} would change a record that carries the service "
                f"({change.name} {change.type}). A certificate never needs that. {_PHONE}",
            )
        )
        return flags
    flags += _type_flags(change, signals, policy)
    return flags


def _type_flags(change: DnsChange, signals: Signals, policy: Trust) -> list[Flag]:
    name, rdtype = change.name, change.type
    removes = change.action == "delete" or (change.action == "update" and change.old_value)
    if rdtype == "CNAME":
        if not is_validation_owner(name):
            return [_unexpected_type(change, "a CNAME anywhere but a validation name")]
        if (
            change.action != "delete"
            and change.value
            and not policy.is_validation_target(change.value)
        ):
            return [
                _flag(
                    "unexpected_target",
                    change,
                    f"{_what(change)} points outside every CA's validation domain: whoever "
                    f"runs {change.value} could obtain certificates for {validated_domain(name)}. "
                    f"{_PHONE} (validation domains: app.yaml trust.validation_domains)",
                )
            ]
        return []
    if rdtype == "TXT":
        misplaced = not (is_validation_owner(name) or is_validated_name(name))
        where = [_unexpected_type(change, f"a TXT record at {name}")] if misplaced else []
        return where + _txt_value_flags(change, name)
    if rdtype == "CAA":
        if removes:
            return [_unexpected_type(change, "removing a CAA record")]
        issuer = caa_issuer(change.value or "")
        allowed = allowed_issuers(signals)
        if issuer is None or issuer not in allowed or not is_validated_name(name):
            named = ", ".join(sorted(allowed)) or "no CA"
            return [
                _unexpected_type(
                    change,
                    f"a CAA record allowing {issuer or 'anything but a CA'} (the ticket's CAs: "
                    f"{named})",
                )
            ]
        return []
    return [_unexpected_type(change, f"a {rdtype} record")]


def _txt_value_flags(change: DnsChange, name: str) -> list[Flag]:
    problem = _txt_value_problem(change, name)
    if problem is None:
        return []
    message, severity = problem
    return [_flag("unexpected_value", change, f"{_what(change)}{message}", severity=severity)]


def _txt_value_problem(change: DnsChange, name: str) -> tuple[str, Severity] | None:
    """What is wrong with a TXT change's data, and how much: deleting, or replacing, a value
    that is not validation data blocks; asking for one warns."""
    if change.action == "delete":
        if change.value is None and is_validated_name(name):
            return (
                f" names no value: deleting every TXT at {name} would also remove mail and "
                "verification records (SPF, site verification). Ask the vendor for the exact "
                "value.",
                "block",
            )
        if change.value is not None and not looks_issued(change.value):
            return f" would delete a TXT value that is not validation data. {_PHONE}", "block"
        return None
    if change.action == "update" and change.old_value and not looks_issued(change.old_value):
        # An update deletes its old side: replacing SPF with a token removes the SPF.
        return (
            f" would replace {change.old_value!r}, a TXT value that is not validation data. "
            f"{_PHONE}",
            "block",
        )
    if change.value is not None and _OWNERSHIP_TOKEN.match(change.value):
        # Another service's proof of domain ownership: it makes whoever holds that account an
        # owner of the name (Google Search Console, Microsoft 365, Facebook, Atlassian...).
        return (
            ": this is another service's domain-ownership token, not a CA's; it would let "
            f"whoever holds that account claim {change.name}. {_PHONE}",
            "block",
        )
    if change.value is not None and not looks_issued(change.value):
        return (
            ": the TXT value does not look like a CA's validation token (a known prefix such as "
            "globalsign-domain-verification=, or a random token). Check it with the vendor "
            "before requesting it.",
            "warn",
        )
    return None


def _unexpected_type(change: DnsChange, what: str) -> Flag:
    return _flag(
        "unexpected_type",
        change,
        f"{_what(change)}: a certificate ticket never needs {what}. {_PHONE}",
    )


def _what(change: DnsChange) -> str:
    where = f" ({change.source.where()})" if change.source is not None else ""
    value = f" {change.value}" if change.value else ""
    return f"{change.action.capitalize()} {change.name} {change.type}{value}{where}"


def _flag(code: str, change: DnsChange, message: str, severity: Severity = "block") -> Flag:
    return Flag(
        code=code,
        severity=severity,
        name=change.name,
        message=message,
        source=change.source,
    )

"""The `trust:` section of app.yaml: who may ask for a change, and where a validation CNAME may
point. The rules that apply it are in bot/trust.py."""

from __future__ import annotations

from typing import Annotated

import dns.exception
import dns.name
from pydantic import AfterValidator, BaseModel, ConfigDict, Field

# Where each CA (or the service that asks a CA for us) has a validation CNAME point. Only the
# holder of one of these domains can answer for a name delegated to it, so a CNAME at a
# validation owner that points anywhere else hands certificates for our name to whoever runs
# that target. Sources (read 2026-11):
# - Fastly (Certainly, Let's Encrypt and GlobalSign via Fastly's ACME): `<token>.
#   fastly-validations.com`, docs.fastly.com "Setting up TLS with certificates Fastly manages".
# - AWS Certificate Manager: `_<hash>.<random>.acm-validations.aws`, AWS ACM user guide "DNS
#   validation".
# - Google Certificate Manager DNS authorizations: `<uuid>.<n>[.<region>].authorize.
#   certificatemanager.goog`, cloud.google.com/certificate-manager/docs/dns-authorizations.
# - Sectigo (formerly Comodo) CNAME DCV: `<sha256 first 32>.<sha256 last 32>[.<unique>].
#   sectigo.com`, older `….comodoca.com`: sectigo.com FAQ "How to complete DCV using the CNAME
#   method"; CentralNic's Sectigo DNS method shows the comodoca.com form.
# - DigiCert CNAME DCV (from 2025): `_dnsauth.<domain>` to `<random>.dcv.digicert.com`,
#   docs.digicert.com "DNS-based DCV methods".
# - Akamai managed certificates: `<…>.validate-akdv.net` (IETF DCV methods survey).
# - GlobalSign validates by TXT (`globalsign-domain-verification=`); its own domain is listed so
#   a CNAME into it, which only GlobalSign can answer, is not mistaken for a hijack.
VALIDATION_DOMAINS: tuple[str, ...] = (
    "fastly-validations.com.",
    "acm-validations.aws.",
    "authorize.certificatemanager.goog.",
    "sectigo.com.",
    "comodoca.com.",
    "dcv.digicert.com.",
    "validate-akdv.net.",
    "globalsign.com.",
)


def _domain(value: str) -> str:
    try:
        name = dns.name.from_text(value).to_text().lower()
    except dns.exception.DNSException as exc:
        raise ValueError(f"not a DNS name: {value!r} ({exc})") from exc
    if name == "." or value.strip() in ("@", ""):
        raise ValueError(f"{value!r} is not a domain")
    return name


Domain = Annotated[str, AfterValidator(_domain)]


class ServiceRecord(BaseModel):
    """Records that carry the service: no certificate ticket may change them."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Domain
    types: tuple[str, ...] = Field(("*",), min_length=1)  # "*": every type at the name

    def covers(self, name: str, rdtype: str) -> bool:
        return name == self.name and ("*" in self.types or rdtype.upper() in self.types)


class Trust(BaseModel):
    """What a certificate ticket may ask for; README "Trust rules" lists the rules."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    # A validation CNAME must point at or under one of these (extend for a new CA).
    validation_domains: tuple[Domain, ...] = Field(VALIDATION_DOMAINS, min_length=1)
    # The www.gov.uk CNAME to Fastly and the apex's addresses.
    service_records: tuple[ServiceRecord, ...] = (
        ServiceRecord(name="www.gov.uk."),
        ServiceRecord(name="gov.uk.", types=("A", "AAAA")),
    )
    # Zendesk organisations whose agents may ask for changes (empty: any agent of the vendor's
    # Zendesk). A second check beside the agent flag, where Zendesk gives the organisation.
    vendor_organization_ids: tuple[int, ...] = ()

    def is_validation_target(self, target: str) -> bool:
        return any(target == d or target.endswith("." + d) for d in self.validation_domains)

    def is_service_record(self, name: str, rdtype: str) -> bool:
        return any(r.covers(name, rdtype) for r in self.service_records)

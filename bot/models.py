"""Plain, frozen data that crosses module boundaries: tickets, DNS changes, facts, triage."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict

Action = Literal["add", "update", "delete"]
When = Literal["now", "after_issuance"]
Severity = Literal["block", "warn", "info"]
Current = Literal["missing", "present", "different", "partial", "unknown"]
Classification = Literal["dns_change", "http_validation", "email_validation", "not_certificate"]
OwnerKind = Literal["jisc", "govuk", "department", "other"]
ZoneSource = Literal["dns", "config"]
# Who wrote a comment: the vendor's agent, us (the requester's organisation, including the
# bot's own replies), or anyone else (a CC, another end user).
AuthorRole = Literal["vendor", "us", "other"]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Comment(Frozen):
    """One comment of a conversation, as written (plain text or HTML), with its author's role."""

    id: int | None = None
    role: AuthorRole = "vendor"
    author: str | None = None
    body: str
    created_at: datetime | None = None


class Ticket(Frozen):
    """A vendor ticket as the core sees it: our own model, never a zenpy object.

    `comments` is the conversation in time order. A ticket read from a single file has none:
    its `text` is then one comment by the vendor.
    """

    id: str
    subject: str
    url: str | None = None
    text: str = ""
    comments: tuple[Comment, ...] = ()
    status: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    comment_ids: tuple[int, ...] = ()


class Source(Frozen):
    """Where in the ticket something was read: comment, lines (1-based, in that comment's
    text as cert-ticket shows it) and a short excerpt."""

    comment_id: int | None = None
    first_line: int
    last_line: int
    excerpt: str
    # Who wrote that comment: their role and name, when the ticket says (a conversation).
    role: AuthorRole | None = None
    author: str | None = None

    def where(self) -> str:
        """ "comment 9912, lines 3-5" or "line 14"."""
        lines = (
            f"line {self.first_line}"
            if self.first_line == self.last_line
            else f"lines {self.first_line}-{self.last_line}"
        )
        return f"comment {self.comment_id}, {lines}" if self.comment_id is not None else lines


class DnsChange(Frozen):
    """One requested record change, normalised (absolute lower-case names, canonical rdata)."""

    action: Action
    name: str
    type: str
    value: str | None
    old_value: str | None = None
    ttl: int | None = None
    when: When = "now"
    source: Source | None = None

    def key(self) -> tuple[str, str, str, str | None, str | None, str]:
        """What the change asks for, without where it was read."""
        return (self.action, self.name, self.type, self.value, self.old_value, self.when)


class Observed(Frozen):
    """A record the ticket describes as already published (a dig paste, "currently has")."""

    name: str
    type: str
    value: str
    source: Source | None = None
    ttl: int | None = None


class Flag(Frozen):
    code: str
    severity: Severity
    message: str
    name: str | None = None
    source: Source | None = None


class Extraction(Frozen):
    """What the extractor read from a ticket's text."""

    changes: tuple[DnsChange, ...] = ()
    flags: tuple[Flag, ...] = ()
    domains: tuple[str, ...] = ()
    observed: tuple[Observed, ...] = ()
    # Records asked for whose data dnspython refused (each has an `unparsed_record` flag):
    # their name and type still go through the trust rules. Never drafted.
    refused: tuple[DnsChange, ...] = ()
    # Records the vendor asked for that a later comment says are done ("both validated",
    # "the token is gone"): read, and nothing left to do for them.
    done: tuple[DnsChange, ...] = ()


class Signals(Frozen):
    """What kind of ticket this is and what it names, besides records."""

    classification: Classification
    certificate_authorities: tuple[str, ...] = ()
    vendor: str | None = None
    deadline: date | None = None
    validation_emails: tuple[str, ...] = ()
    http_urls: tuple[str, ...] = ()


class ZoneOwner(Frozen):
    apex: str
    kind: OwnerKind
    name: str
    change_via: str


class ZoneFact(Frozen):
    """Which zone holds a name, and how we know. `apex` is None when nothing knows."""

    apex: str | None
    source: ZoneSource
    note: str | None = None
    servers: tuple[str, ...] = ()


class ServerAnswer(Frozen):
    """One authoritative server's data at one name: type -> values, or an error."""

    server: str
    records: dict[str, tuple[str, ...]] = {}
    error: str | None = None


class CaaSet(Frozen):
    """The CAA records that apply to a name: those at the closest ancestor that has any."""

    owner: str | None
    records: tuple[str, ...] = ()


class DnsFacts(Frozen):
    """Everything the core needs to know from DNS, gathered by an adapter beforehand.

    `answers` maps a name to each authoritative server's view of it; empty when DNS was
    not consulted. `caa` maps a validated name to the CAA set that applies to it.
    """

    zones: dict[str, ZoneFact] = {}
    answers: dict[str, tuple[ServerAnswer, ...]] = {}
    caa: dict[str, CaaSet] = {}
    live: bool = False
    # Requested CNAME targets for which the resolver said NXDOMAIN: nothing there to answer.
    dangling: tuple[str, ...] = ()


class ChangeVerdict(Frozen):
    """A change together with who must make it and what DNS holds now."""

    change: DnsChange
    zone: str | None
    zone_source: ZoneSource
    owner: OwnerKind | None
    owner_name: str | None
    change_via: str | None
    needs_jisc: bool
    current: Current
    current_values: tuple[str, ...] = ()
    blocked: bool = False


class Draft(Frozen):
    to: tuple[str, ...]
    cc: tuple[str, ...] = ()
    subject: str
    body: str
    before_sending: tuple[str, ...] = ()
    # Changes the ticket asks of the same registry that this draft leaves out, and why.
    left_out: tuple[str, ...] = ()


class Triage(Frozen):
    ticket: Ticket
    classification: Classification
    summary: str
    verdicts: tuple[ChangeVerdict, ...]
    flags: tuple[Flag, ...]
    signals: Signals
    jisc_request: Draft | None
    hostmaster_warning: Draft | None
    observed: tuple[Observed, ...] = ()


class ZendeskComment(Frozen):
    """A public comment on a Zendesk request, as an end user sees it."""

    id: int
    created_at: datetime
    body: str
    html_body: str | None = None
    author_id: int | None = None
    public: bool = True
    author: str | None = None
    author_is_agent: bool | None = None
    author_organization_id: int | None = None


class ZendeskRequest(Frozen):
    """A Zendesk request (an end user's view of a ticket), without its comments."""

    id: int
    subject: str
    status: str
    created_at: datetime
    updated_at: datetime
    organization_id: int | None = None
    requester_id: int | None = None
    description: str = ""

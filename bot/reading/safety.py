"""The safety net: the reading is either right, or a flag says what a human must check.

- Consistency: the changes must be one possible DNS edit. Two CNAMEs at one name, a CNAME
  beside other data, an update that never says what it replaces, a delete that does not say
  which record, adding and deleting one record at once: `ambiguous_request` (block), so the
  records stay out of the Jisc draft.
- Completeness: every validation-looking value in what the vendor wrote must have been read
  into a change, an observed fact or a dropped request; anything left is `unread_value`. So
  must every table row with a record type in a cell of its own ("| admin | CNAME | x |"),
  whatever its data looks like.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from bot.models import DnsChange, Flag, Observed, Source
from bot.reading.candidates import (
    MAX_LINE,
    Candidate,
    candidates,
    field_caa,
    is_consumed,
    is_validation_host,
)
from bot.reading.cues import pronoun_question
from bot.reading.mentions import excerpt

MAX_UNREAD_FLAGS = 10


def rrset_ttls(changes: list[DnsChange]) -> list[DnsChange]:
    """The records added at one name and type are one RRset, and an RRset has one TTL (RFC
    2181 §5.2): a TTL said for one of them ("Please add BOTH … 60 would be ideal", read on the
    first) is the others' too. Two different TTLs are left as read (`consistency_flags`)."""
    said: dict[tuple[str, str, str], set[int]] = defaultdict(set)
    for c in changes:
        if c.action in ("add", "update") and c.ttl is not None:
            said[(c.name, c.type, c.when)].add(c.ttl)
    return [
        c.model_copy(update={"ttl": next(iter(ttls))})
        if c.action in ("add", "update")
        and c.ttl is None
        and len(ttls := said.get((c.name, c.type, c.when), set())) == 1
        else c
        for c in changes
    ]


def consistency_flags(changes: list[DnsChange]) -> list[Flag]:
    flags: list[Flag] = []
    now = [c for c in changes if c.when == "now"]
    by_name: dict[str, list[DnsChange]] = defaultdict(list)
    for c in now:
        by_name[c.name].append(c)
    for name, here in by_name.items():
        adds = [c for c in here if c.action in ("add", "update")]
        cnames = [c for c in adds if c.type == "CNAME"]
        if len({c.value for c in cnames}) > 1:
            flags.append(ambiguous(name, cnames, "asks for more than one CNAME at one name"))
        elif cnames and any(c.type != "CNAME" for c in adds):
            flags.append(
                ambiguous(
                    name,
                    adds,
                    "asks for a CNAME and other data at one name (a CNAME must stand alone)",
                )
            )
        dnsauth = [c for c in adds if c.type == "TXT" and name.lower().startswith("_dnsauth.")]
        if len({c.value for c in dnsauth}) > 1:  # (ACME may want two at one name; DigiCert not)
            flags.append(
                ambiguous(
                    name,
                    dnsauth,
                    "asks for more than one DigiCert random value at one _dnsauth name (DigiCert "
                    "checks the newest one it sent: an earlier one is no longer valid)",
                )
            )
        added = {(c.type, c.value) for c in here if c.action == "add"}
        both = [c for c in here if c.action == "delete" and (c.type, c.value) in added]
        if both:
            flags.append(ambiguous(name, both, "asks to add and delete the same record at once"))
        blind = [
            c
            for c in here
            if c.action == "delete"
            and c.value is None
            and any(a.type == c.type and a.action == "add" for a in here)
        ]
        if blind:  # "… please also remove the old validation record" under the new one
            flags.append(
                ambiguous(
                    name,
                    blind + [a for a in here if a.action == "add" and a.type == blind[0].type],
                    "asks to delete a record of a type it also adds there, without saying its "
                    "data (the delete would take the new one too)",
                )
            )
        ttls = defaultdict(set)
        for c in adds:
            ttls[c.type].add(c.ttl)
        for rdtype, said in ttls.items():
            if len(said - {None}) > 1:  # one RRset, one TTL (RFC 2181 §5.2)
                several = [c for c in adds if c.type == rdtype]
                flags.append(ambiguous(name, several, "asks for different TTLs in one RRset"))
        replaced = [c for c in here if c.action == "update" and (c.type, c.old_value) in added]
        gone = {(c.type, c.old_value) for c in here if c.action == "update"}
        later = [
            c
            for c in changes
            if c.name == name
            and c.action == "delete"
            and c.when != "now"
            and (c.type, c.value) in gone
        ]
        if later:  # "swap the old token for the new one now … remove it after issuance" read
            # as a later delete of the old one, which the update has already replaced
            why = "asks to delete, after issuance, a value that an update replaces now"
            flags.append(ambiguous(name, later, why))
        if replaced:
            why = "asks to add a record and, at once, to replace that same record"
            flags.append(ambiguous(name, replaced, why))
    deletes: dict[tuple[str, str, str | None], set[str]] = defaultdict(set)
    for c in changes:
        if c.action == "delete" and c.value is not None:
            deletes[(c.name, c.type, c.value)].add(c.when)
    for (name, _, _), whens in deletes.items():
        if len(whens) > 1:  # "remove it now" and "remove it once issued", of one record
            twice = [c for c in changes if c.action == "delete" and c.name == name]
            flags.append(ambiguous(name, twice, "asks to delete the same record at two times"))
    for c in changes:
        if c.action == "update" and c.old_value is None:
            flags.append(
                ambiguous(
                    c.name,
                    [c],
                    "asks to change a record but never says its current "
                    "value; check what is published (dig) and confirm with the vendor",
                )
            )
        elif c.action == "update" and c.old_value == c.value:
            flags.append(ambiguous(c.name, [c], "asks to replace a record with itself"))
        elif (
            c.action == "delete" and c.value is None and c.type == "TXT" and _valued(changes, c) > 1
        ):
            # "… at that point both _acme-challenge TXT records can go" read as one delete with
            # no value, beside the two values the ticket adds there: which, or both?
            why = "asks to delete a TXT record without its value where the ticket adds several"
            flags.append(ambiguous(c.name, [c], why))
        elif c.action == "delete" and c.value is None and not c.name.startswith("_"):
            flags.append(
                ambiguous(
                    c.name,
                    [c],
                    f"asks to delete a {c.type} record without saying which "
                    "value; other records of that type may exist at the name",
                )
            )
        elif c.action == "add" and c.value is None:
            flags.append(ambiguous(c.name, [c], "asks to add a record with no data"))
    return flags


def _valued(changes: list[DnsChange], delete: DnsChange) -> int:
    """How many values the changes add at a valueless TXT delete's name (0 for other types)."""
    return (
        len(
            {
                c.value
                for c in changes
                if c.action in ("add", "update") and (c.name, c.type) == (delete.name, "TXT")
            }
        )
        if delete.type == "TXT"
        else 0
    )


def replace_flags(
    changes: list[DnsChange],
    observed: list[Observed],
    lines: Iterable[tuple[int | None, int, str]],
) -> list[Flag]:
    """A record read as added beside a different value the ticket shows published at its name
    and type, while the vendor says to replace one ("Please replace last year's value with
    this one rather than adding it alongside"): add or update is for a person to check."""
    shown = {(o.name, o.type, o.value) for o in observed}
    removed = {(c.name, c.type) for c in changes if c.action in ("update", "delete")}
    beside = [
        c
        for c in changes
        if c.action == "add"
        and (c.name, c.type) not in removed
        and any((c.name, c.type) == (n, t) and v != c.value for n, t, v in shown)
    ]
    if not beside:
        return []  # the common case
    said, before = None, ""
    for _, _, text in lines:  # (a refusal may start on the line before: "do not remove,\n
        # replace, or undo the previous challenge tasks")
        if _REPLACE.search(text) and not _NOT_REPLACE.search(f"{before} {text}"):
            said = text
            break
        before = text
    if said is None:
        return []
    return [
        _warning(
            c,
            f"{c.name} {c.type} was read as added beside the value the ticket shows published "
            f"there, but the vendor says {excerpt(said)!r}: check whether it replaces it.",
        )
        for c in beside
    ]


_REPLACE = re.compile(r"\breplac(?:e|es|ed|ing)\b", re.I)
_NOT_REPLACE = re.compile(
    r"\b(?:don't|do[ ]+not|not|never|rather[ ]+than|instead[ ]+of|without)[ ]+"
    r"(?:[\w,]+[ ]+){0,2}replac",
    re.I,
)


def stated_state_flags(changes: list[DnsChange], observed: list[Observed]) -> list[Flag]:
    """An update of a CNAME whose stated current value is not the one the ticket shows
    published ("Current value: X" above a dig answer of Y): which is right is for a person."""
    flags = []
    for c in changes:
        if c.action != "update" or c.type != "CNAME" or c.old_value is None:
            continue
        shown = {  # (what the update itself replaces is listed as observed too: not that)
            o.value
            for o in observed
            if (o.name, o.type) == (c.name, c.type) and o.source != c.source
        }
        if shown and c.old_value not in shown:
            why = (
                f"says the current value is {c.old_value} but also shows "
                f"{', '.join(sorted(shown))} published"
            )
            flags.append(ambiguous(c.name, [c], why))
    return flags


def ambiguous(name: str, changes: list[DnsChange], why: str) -> Flag:
    """A `block` flag: the request at `name` cannot be drafted as written (`why`)."""
    shown = "; ".join(f"{c.action} {c.type} {c.value or '(no value)'}" for c in changes)
    lines = sorted({c.source.first_line for c in changes if c.source})
    at = f" (line {', '.join(map(str, lines))})" if lines else ""
    return Flag(
        code="ambiguous_request",
        severity="block",
        name=name,
        message=f"The ticket {why} at {name}{at}: {shown}. Left out of the Jisc request "
        "until a person has read the ticket and confirmed the records with the vendor.",
        source=changes[0].source if changes else None,
    )


def unread_flags(
    lines: Iterable[tuple[int | None, int, str]],
    used: list[str],
    shown_by: dict[int | None, list[str]] | None = None,
) -> list[Flag]:
    """`lines`: (comment id, line number, text) of everything the vendor wrote that was read;
    `used`: the values read anywhere; `shown_by`: more values that account only for the lines
    of the comment they are listed under."""
    flags: list[Flag] = []
    reported: set[str] = set()
    before: list[tuple[int | None, str]] = []  # the last few lines with text, and their comment
    for comment_id, number, text in lines:
        if not text or text.isspace():
            continue
        lead = [t for c, t in before if c == comment_id]
        before = [*before[-(LEAD_LINES - 1) :], (comment_id, text)]
        in_fields = field_caa(lead[-1], number, text) if lead else []  # "tag: issue" / "value: …"
        for candidate in [*candidates(number, text), *in_fields]:
            if candidate.text in reported or is_consumed(candidate, used):
                continue
            if shown_by is not None and is_consumed(candidate, shown_by.get(comment_id, [])):
                continue
            if text.strip() == candidate.shown and _file_content(lead):
                reported.add(candidate.text)  # the code a /.well-known/ file must serve
                continue  # (here and wherever it is said again): no DNS record at all
            reported.add(candidate.text)
            if len(flags) < MAX_UNREAD_FLAGS:
                flags.append(_unread(comment_id, candidate, text))
    return flags


LEAD_LINES = 3  # lines with text before a bare token that can say what it is for
# "remove the GlobalSign TXT,", "can be deleted once the new cert is issued", "please take it
# out", "get rid of", "clean up", "is no longer needed": words asking for a record's removal
_REMOVAL = re.compile(
    r"\b(?:remov\w*|delet\w*|take[ ]+(?:\w+[ ]+){0,4}?out|taken[ ]+out|get[ ]+rid[ ]+of|"
    r"clean(?:ed|ing)?[ ]+(?:\w+[ ]+){0,3}?up|drop(?:ped)?|retire[ds]?|bin[ ]+(?:it|that|the)|"
    r"no[ ]+longer[ ]+(?:needed|required))\b",
    re.I,
)


# "keep X", "do not remove X", "leave X alone": the line keeps its value, whatever the line
# before it removes ("remove gov.uk. TXT OLD" / "keep gov.uk. TXT NEW")
_KEEPS = re.compile(
    r"\b(?:keep\w*|leave|leaving|left|stays?|retain\w*|not[ ]+(?:\w+[ ]+){0,2}?(?:remov|delet)\w*|"
    r"don['\u2019]t[ ]+(?:\w+[ ]+){0,2}?(?:remov|delet)\w*)\b",
    re.I,
)


_NEAR = 60  # characters either side of a value whose words speak of it


def asks_removal(lead: str, line: str, value: str) -> bool:
    """Does a value's line ask for a removal, or, when it holds the value alone (a list item,
    a quoted string), the line before it?"""
    own = line[:MAX_LINE]
    at = own.lower().find(value)
    if at < 0:
        return False
    # (in a paragraph, the words beside the value: "this does not replace anything. Your
    # existing record … - remove the TXT" speaks of another record)
    near = own[max(0, at - _NEAR) : at + len(value) + _NEAR]
    if _KEEPS.search(near):
        return False
    if _REMOVAL.search(near):
        return True
    bare = own.lower().replace(value, "").strip(" \t\"'`*-\u2022.,;:()[]|>0123456789")
    return not bare and bool(_REMOVAL.search(lead[:MAX_LINE])) and not _KEEPS.search(lead)


def shown_removal_flags(
    lines: Iterable[tuple[int | None, int, str]], removing: list[str], shown: list[str]
) -> list[Flag]:
    """A value the ticket shows published (`shown`: a dig paste, quoted or not) on a line of the
    vendor's, or under one, that asks for a removal, when no change or dropped request
    (`removing`) holds it: "2. After the new certificate has issued: remove the GlobalSign
    TXT,\n   globalsign-domain-verification=X" above a quoted dig that shows X. Being shown
    published accounts for the value, never for the request to remove it (such a delete had
    been lost, silently, when the words name no owner)."""
    flags: list[Flag] = []
    reported: set[str] = set()
    before: tuple[int | None, str] | None = None  # the last line with text, and its comment
    for comment_id, number, text in lines:
        if not text or text.isspace():
            continue
        lead = before[1] if before is not None and before[0] == comment_id else ""
        before = (comment_id, text)
        if not _REMOVAL.search(f"{lead}\n{text}"[: 2 * MAX_LINE]):
            continue  # (most lines: cheaply)
        for candidate in candidates(number, text):
            if candidate.text in reported or is_consumed(candidate, removing):
                continue
            if not asks_removal(lead, text, candidate.text):
                continue
            if not is_consumed(candidate, shown) or len(flags) >= MAX_UNREAD_FLAGS:
                continue
            reported.add(candidate.text)
            flag = _unread(comment_id, candidate, text)
            flags.append(
                flag.model_copy(
                    update={
                        "message": f"{flag.message} The words around it ask for a removal, and "
                        "the ticket also shows that value published: check whether it is to be "
                        "deleted, and when."
                    }
                )
            )
    return flags


# "Please make the following file available … /.well-known/pki-validation/gsdv.txt … with
# exactly this content:", "expects each to return the Domain Validation Code as plain text:"
_FILE_CONTENT = re.compile(
    r"/\.well-known/|\b(?:(?:exactly|only)[ ]+this[ ]+content|the[ ]+body|as[ ]+plain[ ]+text|"
    r"file[ ]+must[ ]+contain)\b",
    re.I,
)
# "the Domain Validation Code" says a file's content only where a file is spoken of too ("the
# re-submitted order has its own verification code. The token for the live order is:" above
# a GlobalSign TXT value had hidden it from the completeness check, silently)
# ("the verification code in the GlobalSign mail below is no longer valid … just use this
# one:" above a TXT value: a code, but no file is said)
_CODE = re.compile(r"\b(?:verification|validation)[ ]+code(?![^\n]{0,40}\bmail\b)\b", re.I)
_FILE_WORDS = re.compile(r"\bfile\b|\bhttps?://|\.txt\b|\bweb[ ]?server\b", re.I)
_DNS_WORDS = re.compile(
    r"(?<![.\w])(?:TXT|CNAME)\b|(?i:\b(?:DNS[ ]+record|record[ ]+value|_acme-challenge)\b)"
)  # "TXT" in capitals: "gsdv.txt" is the file's name


def _file_content(lead: list[str]) -> bool:
    """Do the lines before a bare token say it is an HTTP validation file's content, and
    never a DNS record's?"""
    said = " ".join(lead)
    code = bool(_CODE.search(said)) and bool(_FILE_WORDS.search(said))
    return (code or bool(_FILE_CONTENT.search(said))) and not _DNS_WORDS.search(said)


def _unread(comment_id: int | None, candidate: Candidate, text: str) -> Flag:
    where = f"comment {comment_id}, line" if comment_id is not None else "Line"
    line = excerpt(text)
    shown = excerpt(candidate.shown, 60)
    return Flag(
        code="unread_value",
        severity="warn",
        message=f"{where[0].upper()}{where[1:]} {candidate.line} mentions {shown!r} but no record "
        f"was read from it: {line!r}. Read that part of the ticket by hand.",
        source=Source(
            comment_id=comment_id,
            first_line=candidate.line,
            last_line=candidate.line,
            excerpt=line,
        ),
    )


def timing_flags(
    changes: Iterable[DnsChange], lines: Iterable[tuple[int | None, int, str]]
) -> list[Flag]:
    """A delete read as "now" whose lines (and the line either side) speak of waiting for a
    certificate ("Once that reissue has completed it can be removed", "please hang on to this
    one"): the time was not worked out, so a person checks it. `lines`: (comment id, line
    number, text) of what the vendor wrote that was read."""
    changes = list(changes)
    # A validation TXT proves control so that a certificate can be issued: one added only
    # after issuance ("STEP 3 - only once both certificates show as Issued" above last year's
    # GlobalSign token) is most likely a removal whose verb was not read.
    flags = [
        _late_add(c)
        for c in changes
        if c.action == "add"
        and c.when != "now"
        and (c.type == "TXT" or (c.type == "CNAME" and c.name.startswith("_")))
    ]
    deletes = [c for c in changes if c.action == "delete" and c.source]
    if not deletes:
        return flags  # the common case
    text: dict[tuple[int | None, int], str] = {}
    for comment_id, number, line in lines:  # (a line written under another shares its number)
        text[(comment_id, number)] = f"{text.get((comment_id, number), '')} {line}"
    for c in deletes:
        # "… as a TXT on account.gov.uk from the 2023 GlobalSign order. Bin it?" read as the
        # vendor's words (a whole thread quoted in one mail): a question proposes, asks nothing
        assert c.source is not None  # (filtered above)
        asked = text.get((c.source.comment_id, c.source.last_line), "").rstrip()
        question = re.split(r"(?<=[.!?])\s+", asked)[-1] if asked.endswith("?") else ""
        if question and pronoun_question(question) and len(flags) < MAX_UNREAD_FLAGS:
            flags.append(
                _warning(
                    c,
                    f"Line {c.source.last_line} asks a question ({excerpt(asked, 80)!r}), and "
                    f"a delete of {c.name} {c.type} was read from it: check that the vendor "
                    "asked for it, and when.",
                )
            )
    now = [c for c in deletes if c.when == "now"]
    for c in now:
        source = c.source
        assert source is not None  # (filtered above)
        first, last = source.first_line, source.last_line
        if last - first > _TIMING_SPAN:
            continue  # (a record read with a sentence far below it: that sentence was read)
        said = " ".join(text.get((source.comment_id, n), "") for n in range(first - 1, last + 2))
        wait = _WAITS.search(said[:_TIMING_CHARS])
        if wait and len(flags) < MAX_UNREAD_FLAGS:
            shown = excerpt(wait.group(0), 80)
            flags.append(
                Flag(
                    code="unread_value",
                    severity="warn",
                    message=f"Lines {first}-{last} ask to delete {c.name} {c.type} now, but "
                    f"say {shown!r} beside it: check whether the delete waits until the new "
                    "certificate is issued.",
                    source=source,
                )
            )
    return flags


def approval_flags(
    approvals: list[tuple[int | None, int, str, list[str]]], changes: list[DnsChange]
) -> list[Flag]:
    """A vendor's reply approving records we proposed ("Fourth (iodef): fine by us, go
    ahead") when some of them were not read as requests: which it approved is for a person."""
    asked = " ".join((c.value or "").lower() for c in changes)
    flags = []
    for comment_id, number, text, values in approvals:
        missing = [v for v in values if v not in asked]
        if missing:
            flags.append(
                Flag(
                    code="unread_value",
                    severity="warn",
                    message=f"Comment {comment_id}, line {number} approves records we proposed "
                    f"({excerpt(text)!r}), but {len(missing)} of them were not read as requests "
                    f"(first: {excerpt(missing[0], 60)!r}). Check which the vendor approved.",
                    source=Source(
                        comment_id=comment_id,
                        first_line=number,
                        last_line=number,
                        excerpt=excerpt(text),
                    ),
                )
            )
    return flags


def yes_flag(comment_id: int | None, number: int, text: str) -> Flag:
    """A vendor's yes to our questions ("yes to both") when what they proposed was not read:
    what the vendor agreed to is for a person."""
    return Flag(
        code="unread_value",
        severity="warn",
        message=f"Comment {comment_id}, line {number} answers our questions with a yes "
        f"({excerpt(text)!r}), but what they proposed was not read as a request. Check what "
        "the vendor agreed to.",
        source=Source(
            comment_id=comment_id, first_line=number, last_line=number, excerpt=excerpt(text)
        ),
    )


def type_flags(changes: Iterable[DnsChange]) -> list[Flag]:
    """A TXT asked for whose text is a CA's validation host name ("Please create the following
    TXT record: _acme-challenge.x -> abc.fastly-validations.com"): such hosts are the targets
    of validation CNAMEs, so the type was probably misnamed or misread. And a CNAME to such a
    host at a name with no underscore label (the host itself, not its `_acme-challenge`
    name): the name was probably read from the wrong column or words."""
    changes = list(changes)
    asked = [c for c in changes if c.action in ("add", "update") and c.value]
    at_host = [
        _warning(
            c,
            f"The CNAME asked for at {c.name} points at a CA's validation host ({c.value}), "
            f"which a validation CNAME does from a name such as _acme-challenge.{c.name}: "
            "check which name the ticket means.",
        )
        for c in asked
        if c.type == "CNAME"
        and not c.name.startswith("_")
        and is_validation_host(str(c.value).rstrip("."))
    ]
    txt_host = [
        _warning(
            c,
            f"The TXT record asked for at {c.name} holds a host name ({c.value}) under a CA's "
            "validation domain, which is what a validation CNAME points at: check with the "
            "vendor whether a CNAME is meant.",
        )
        for c in asked
        if c.type == "TXT" and is_validation_host(str(c.value).strip('"').rstrip("."))
    ]
    return at_host[:MAX_UNREAD_FLAGS] + txt_host[:MAX_UNREAD_FLAGS]


def disowned_flags(
    changes: Iterable[DnsChange], lines: Iterable[tuple[int | None, int, str]]
) -> list[Flag]:
    """A change whose value a vendor's line calls wrong ("in your note below the first target
    reads zyeh…19wdnih. That has lost the 0 …, and a record with that value will never
    validate"): the value was read from the wrong copy, or the correction was not."""
    asked = {_token(c.value): c for c in changes if c.action in ("add", "update") and c.value}
    asked.pop("", None)
    flags: list[Flag] = []
    if not asked:
        return flags
    for _, number, text in lines:
        low = text[:MAX_LINE].lower()
        if len(flags) >= MAX_UNREAD_FLAGS or not any(w in low for w in _DISOWNING_WORDS):
            continue  # (most lines: cheaply)
        if not _DISOWNED.search(low):
            continue
        for token, change in list(asked.items()):
            at = low.find(token)
            after = low[at : at + len(token) + _DISOWNED_WITHIN] if at >= 0 else ""
            # (said right after the value, never of a value called the correct one)
            if after and _DISOWNED.search(after) and "correct" not in after:
                del asked[token]
                flags.append(
                    _warning(
                        change,
                        f"Line {number} says the value {change.value} is wrong ({excerpt(text)!r}),"
                        " but that is the value read: check which copy of the record is right.",
                    )
                )
    return flags


def _token(value: str) -> str:
    """The random part of a value that a sentence would quote: a CNAME target's first label
    ("zyeh3msanki0zh19wdnih"), a TXT token; nothing for short words."""
    data = value.strip("\"'`").lower()
    word = data.split("=", 1)[1] if "=" in data else data.split(".", 1)[0]
    return word if len(word) >= 12 else ""


# "That has lost the 0 between the 1 and the 9", "a record with that value will never
# validate", "has a typo", "is the wrong value" (within a few words after the value)
_DISOWNED = re.compile(
    r"\b(?:has[ ]+lost|typo|will[ ]+never[ ]+validate|"
    r"won['\u2019]t[ ]+validate|(?:is|was)[ ]+(?:the[ ]+)?wrong|"
    r"(?:is|was)[ ]+(?:incorrect|mistyped)|missing[ ]+(?:a|the|an)[ ]+(?:character|digit|letter))\b"
)
_DISOWNED_WITHIN = 60
_DISOWNING_WORDS = ("lost", "typo", "validate", "wrong", "incorrect", "mistyped", "missing")


def _warning(change: DnsChange, message: str) -> Flag:
    """A warning about one change read, pointing at where it was read."""
    return Flag(
        code="unread_value",
        severity="warn",
        message=message,
        name=change.name,
        source=change.source,
    )


def _late_add(change: DnsChange) -> Flag:
    source = change.source
    where = f"Lines {source.first_line}-{source.last_line}" if source else "The ticket"
    return _warning(
        change,
        f"{where} were read as adding the {change.type} record {change.name} only after the new "
        "certificate is issued, but a validation record is needed before issuance: check "
        "whether the ticket asks to remove it then.",
    )


_TIMING_SPAN = 40  # lines a delete was read over, at most, for its neighbours to be searched
_TIMING_CHARS = 8_000  # characters of them searched
# Words about waiting for a certificate: "once that reissue has completed", "until you have
# received the new certificate", "please hang on to this one for now", "hold off"
_WAITS = re.compile(
    r"\b(?:once|after|until|till|when)\b[^.\n]{0,60}?\b(?:cert\w*|re-?issu\w*|renew\w*|order|"
    r"issu\w*|migration|cut-?over|switch\w*)\b[^.\n]{0,40}?\b(?:complete\w*|finished|done|"
    r"through|out|live|ready|active|issued|renewed|in[ ]place|served|serving)\b|"
    r"\b(?:until|till)\b[^.\n]{0,30}?\breceiv\w*[ ]+(?:the[ ]+|your[ ]+)?(?:new|renewed)[ ]+cert|"
    r"\bhang[ ]+on[ ]+to\b|\bhold[ ]+off\b|\bnot[ ]+yet\b",
    re.I,
)


_TYPE_CELL = frozenset(("A", "AAAA", "CNAME", "TXT", "CAA", "NS", "MX", "DS", "SRV", "DNAME"))


def row_flags(
    lines: Iterable[tuple[int | None, int, str]],
    spans: Iterable[tuple[int | None, int, int]],
    names: Iterable[str] = (),
) -> list[Flag]:
    """`unread_value` for each table row naming a record type in a cell of its own from which
    no record was read. `spans`: (comment id, first line, last line) of every record read;
    `names`: their owner names. A row whose host a record read is for (the ACM console's
    "assets.x  Pending validation  CNAME" above that record's name and value) is its status."""
    hosts = {n.lower().rstrip(".") for n in names}
    hosts |= {h.split(".", 1)[1] for h in hosts if h.startswith("_") and "." in h}
    read = defaultdict(set)
    for comment_id, first, last in spans:
        read[comment_id].update(range(first, last + 1))
    flags: list[Flag] = []
    for comment_id, number, text in lines:
        if number in read[comment_id] or len(flags) >= MAX_UNREAD_FLAGS:
            continue
        cells = _cells(text)
        typed = [c for c in cells if c.upper() in _TYPE_CELL and c.upper() == c.upper().strip()]
        if len(cells) >= 3 and typed and not any(c.lower().rstrip(".") in hosts for c in cells):
            flags.append(_unread(comment_id, Candidate(number, typed[0].lower(), typed[0]), text))
    return flags


def owner_flags(lines: Iterable[tuple[int | None, int, str]], names: Iterable[str]) -> list[Flag]:
    """`unread_value` for each line that names a record by its type and validation owner ("the
    CNAME at _acme-challenge.x.gov.uk") when no record at that owner was read, shown or
    dropped anywhere in the ticket: a request the words around it hid (a list item under a
    lead-in, say)."""
    known = {n.lower().rstrip(".") for n in names}
    flags: list[Flag] = []
    for comment_id, number, text in lines:
        if "_" not in text or len(flags) >= MAX_UNREAD_FLAGS:
            continue
        typed = _TYPED_OWNER.search(text[:MAX_LINE])
        label_for = _LABEL_FOR.search(text[:MAX_LINE]) if typed is None else None
        owner = (typed.group(1) or typed.group(2)).lower().rstrip(".") if typed else ""
        said = text[label_for.end() :].split("(", 1)[0] if label_for else ""
        if label_for and not _LEFT_AS_IS.search(said):
            # "the matching _acme-challenge CNAME for www.x.service.gov.uk (…)", not "… for
            # www.x is already correct", "… does not need to change", "please DON'T touch"
            owner = f"{label_for.group(1)}.{label_for.group(2)}".lower().rstrip(".")
        if owner.endswith(".gov.uk") and owner not in known:
            known.add(owner)  # (once per owner)
            flags.append(_unread(comment_id, Candidate(number, owner, owner), text))
    return flags


# "the CNAME at _acme-challenge.x.gov.uk", "_dnsauth.x.gov.uk TXT record" (a validation owner)
_OWNER = r"(_[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){2,10}\.?)(?![\w.-])"
_TYPED_OWNER = re.compile(
    rf"\b(?:CNAME|TXT)(?:[ ]+records?)?[ ]+(?:at|on|for|called|named)[ ]+{_OWNER}"
    rf"|(?<![\w.-]){_OWNER}[ ]+(?:CNAME|TXT)[ ]+records?\b",
    re.I,
)


# "the _acme-challenge CNAME for www.x.gov.uk": a validation label and the host it is for
_LABEL_FOR = re.compile(
    r"(?<![\w.-])(_acme-challenge|_dnsauth)[ ]+(?:CNAME|TXT)(?:[ ]+records?)?[ ]+(?:for|of|on)[ ]+"
    r"((?:[a-z0-9-]{1,63}\.){1,10}[a-z]{2,24})\.?(?![\w.-])",
    re.I,
)


_LEFT_AS_IS = re.compile(
    r"\b(?:not|no|never|already|unchanged|leave|keep|touch|correct|fine)\b|n['\u2019]t\b", re.I
)


def _cells(text: str) -> list[str]:
    if text.lstrip().startswith((";", "$", "#")):
        return []  # a dig question, a zone-file directive or comment: no record asked for
    if text.count("|") >= 2:
        return [c.strip() for c in text.strip().strip("|").split("|")]
    return [c.strip() for c in text.split("  ") if c.strip()] if "  " in text.strip() else []

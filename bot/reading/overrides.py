"""What a comment says of its own records, besides the records: a row to skip ("please skip
the first row (www.gov.uk)"), a TTL for the records of one type ("For the two new CNAMEs we'd
like a TTL of 600 seconds"), a TTL in place of the one a pasted snippet gives ("they suggest a
TTL of 3600, but could you please use 300 instead?"), the full form of a relative name it
could be read two ways. Pure: mentions in, mentions out.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.reading import prose, threadcues
from bot.reading.actions import AFTER_ISSUANCE, action_cue
from bot.reading.candidates import is_validation_host
from bot.reading.changes import validated_domain
from bot.reading.mentions import Mention
from bot.reading.quoted import strip_marker


def applied(words: str, mentions: list[Mention]) -> tuple[list[Mention], list[str]]:
    """The comment's `mentions` as its `words` say they are meant, and the values those words
    account for (for the completeness check: "ttl 600")."""
    used: list[str] = []
    for host, in_place in threadcues.skipped_rows(words):
        mentions = skipped(mentions, host, in_place)
    for host in threadcues.hosts_done(words):
        mentions = _in_place(mentions, host)
    if _REMOVALS_WAIT.search(words):  # "Please hold the two REMOVE lines until … issued"
        mentions = [
            replace(m, after_issuance=True) if m.action == "delete" and m.mode == "request" else m
            for m in mentions
        ]
    only = _ONLY_ROW.search(words) if "only" in words.lower() else None
    if only:  # "Please only create the first row."
        mentions = _only_row(mentions, only.group(1).lower())
    for rdtype, ttl in threadcues.ttls_for_types(words).items():
        mentions = given_ttl(mentions, ttl, rdtype)
        used.append(f"ttl {ttl}")
    low = words.lower()  # once: a comment may hold thousands of records
    mentions = [_spelled_out(low, m) for m in mentions]
    instead = threadcues.ttl_instead(words)
    if instead is not None:
        used += [f"ttl {m.ttl}" for m in mentions if m.ttl is not None]  # the one it replaces
        mentions = [replace(m, ttl=instead) if _asked(m) else m for m in mentions]
        used.append(f"ttl {instead}")
    return mentions, used


def at_validation_names(mentions: list[Mention]) -> list[Mention]:
    """ "For www.gov.uk you already have a CNAME in place - it currently resolves to
    x.fastly-validations.com": a CNAME to a CA's validation host said of a host stands at that
    host's validation name, the one the comment asks a CNAME for (`_acme-challenge.www.gov.uk`),
    never at the host itself (which serves the site). Only when there is one such name."""
    under_host: dict[str, set[str]] = {}  # host -> the validation names asked for under it
    for m in mentions:
        name = m.name.lower().rstrip(".")
        if _asked(m) and m.rdtype == "CNAME" and name.startswith("_") and "." in name:
            under_host.setdefault(name.split(".", 1)[1], set()).add(name)
    out = []
    for m in mentions:
        host = m.name.lower().rstrip(".")
        under = set(under_host.get(host, ()))
        if (
            m.mode == "observed"
            and m.rdtype == "CNAME"
            and not host.startswith("_")
            and m.value is not None
            and is_validation_host(m.value)
            and len(under) == 1
        ):
            m = replace(m, name=under.pop())
        out.append(m)
    return out


def deletes_of_records_above(mentions: list[Mention]) -> list[Mention]:
    """ "Once the certificate has been issued, please delete the _dnsauth TXT record above"
    under "Host: _dnsauth.assets": a delete named by the first label of a record read above
    is of that record (its whole name, its data), when there is one such record."""
    out: list[Mention] = []
    seen: dict[tuple[str, str], set[tuple[str, str]]] = {}  # (first label, type) -> records
    for m in mentions:
        label = m.name.strip().rstrip(".").lower()
        if m.action == "delete" and m.value is None and label.startswith("_") and "." not in label:
            above = seen.get((label, m.rdtype), set())
            if len(above) == 1:
                name, value = next(iter(above))
                m = replace(m, name=name, value=value)
        elif m.value is not None and m.action != "delete" and "." in label:
            seen.setdefault((label.split(".", 1)[0], m.rdtype), set()).add((m.name, m.value))
        out.append(m)
    return out


def older_shown_below(mentions: list[Mention]) -> list[Mention]:
    """ "The record used to validate this domain for the previous order … may be deleted …
    It is currently published as: X": the delete by name and type that the sentence was read
    as (at the name of the record just asked for, its value unknown) is X's, read below it:
    it goes, X's delete stands."""
    below = [m for m in mentions if m.action == "delete" and m.value is not None]
    if not below:
        return mentions  # the common case
    asked = {(m.name, m.rdtype) for m in mentions if m.action in (None, "add") and m.value}
    return [
        m
        for m in mentions
        if not (
            m.action == "delete"
            and m.value is None
            and (m.name, m.rdtype) in asked
            and any(
                d.rdtype == m.rdtype and d.name != m.name and d.line > (m.last_line or m.line)
                for d in below
            )
        )
    ]


def given_ttl(mentions: list[Mention], ttl: int, rdtype: str | None = None) -> list[Mention]:
    """The records asked for (of `rdtype`, if given) that said no TTL, with `ttl`."""
    return [
        replace(m, ttl=ttl) if _asked(m) and m.ttl is None and rdtype in (None, m.rdtype) else m
        for m in mentions
    ]


def ttl_remarks(mentions: list[Mention]) -> list[Mention]:
    """A record asked for with no TTL read, whose line or sentence gives one in a remark
    ("`@` TXT `"globalsign-domain-verification=…"` (TTL 3600s)", "… needs to point at `x`
    (TTL 300s)"): that TTL, when it is the only one said there."""
    out = []
    for m in mentions:
        said = _TTL_REMARK.findall(m.excerpt[:_REMARK_WINDOW]) if m.ttl is None else []
        asks = m.mode == "request" and m.action in (None, "add", "update") and m.value
        if asks and len(set(said)) == 1 and 0 <= int(said[0]) <= 2**31 - 1:
            m = replace(m, ttl=int(said[0]))
        out.append(m)
    return out


_TTL_REMARK = re.compile(
    r"\(\s*(?:[A-Za-z]{2,6},\s*)?TTL[ \t:=]*(\d{1,10})[ \t]*(?:s|secs?|seconds)?\s*\)", re.I
)
_REMARK_WINDOW = 600  # characters of a record's line or sentence searched for its TTL


def skipped(mentions: list[Mention], host: str, in_place: bool) -> list[Mention]:
    """ "Please skip the first row (www.gov.uk). That record is already in place": the records
    for that host are not asked for (and, when it says so, are published)."""
    found: list[Mention] = []
    for m in mentions:
        name = m.name.lower().rstrip(".")
        mine = name == host or (name.startswith("_") and name.split(".", 1)[-1] == host)
        if mine and m.mode == "request" and m.action in (None, "add"):
            found.append(replace(m, mode="negated"))
            found += [replace(m, mode="observed")] if in_place else []
        else:
            found.append(m)
    return found


def _in_place(mentions: list[Mention], host: str) -> list[Mention]:
    """ "staging.x - nothing to do. That record is already live": the record asked for that
    host is published, not asked for."""
    return [
        replace(m, mode="observed")
        if m.mode == "request" and m.action in (None, "add") and _validates(m, host)
        else m
        for m in mentions
    ]


def _asked(m: Mention) -> bool:
    """A record asked for that keeps a TTL (a record being removed has none)."""
    return m.mode == "request" and m.action != "delete"


def _spelled_out(words: str, mention: Mention) -> Mention:
    """ "Host: _dnsauth" under "create the following record in the education.gov.uk zone",
    with www.education.gov.uk the domain last named, is `_dnsauth.education.gov.uk` or
    `_dnsauth.www.education.gov.uk`: the one the comment spells out in full ("enter the full
    host name: _dnsauth.education.gov.uk"), when it spells just one of them."""
    raw = mention.name.strip().rstrip(".").lower()
    relative = all(label.startswith("_") for label in raw.split("."))
    if mention.zone or not (mention.zone_said and mention.domain) or not relative:
        return mention
    bases = {b.strip(".").lower() for b in (mention.zone_said, mention.domain)}
    if len(bases) < 2:
        return mention
    said = [
        f"{raw}.{base}"
        for base in sorted(bases)
        if re.search(rf"(?<![\w.-]){re.escape(f'{raw}.{base}')}\.?(?![\w-])", words)
    ]
    return replace(mention, name=f"{said[0]}.") if len(said) == 1 else mention


def updated_hosts(words: str, mentions: list[Mention]) -> list[Mention]:
    """ "The first one (grants-finder.service.gov.uk) already has an _acme-challenge TXT from
    last year, so please update that one with the new value": the record for that host, in
    the mail the reply passes on, is an update (of a value the reply does not give, which the
    consistency check says)."""
    if "updat" not in words.lower() and "replac" not in words.lower():
        return mentions  # the common case, cheaply
    for sentence in prose.sentences_of(words):
        if action_cue(sentence) != "update" or _CERTIFICATE_REPLACED.search(sentence):
            continue  # ("the certificate you requested to replace your current certificate")
        hosts = prose.hosts_named(sentence)
        if len(hosts) != 1:
            continue
        (host,) = hosts
        mentions = [
            replace(m, action="update")
            if m.action in (None, "add") and m.old_value is None and _validates(m, host)
            else m
            for m in mentions
        ]
    return mentions


def updated_by_name(words: str, mentions: list[Mention]) -> list[Mention]:
    """ "Please update the CNAME of _acme-challenge.assets.x so it point to the new target, you
    can see it in the output from our API here:" above the API's record: the record at that
    name, read as an add, is an update (of a value the comment does not give, which the
    consistency check says). Only of a name the sentence spells out, giving no data itself."""
    if "updat" not in words.lower() and "chang" not in words.lower():
        return mentions  # the common case, cheaply
    asked = {
        m.name.lower().rstrip(".") for m in mentions if _asked(m) and m.action in (None, "add")
    }
    named: set[str] = set()
    for sentence in prose.sentences_of(words):
        if action_cue(sentence) != "update" or _gives_data(sentence):
            continue
        owners = {
            t.strip("`'\".,;:()").lower().rstrip(".")
            for t in sentence.split()
            if t.strip("`'\"(").startswith("_")
        }
        named |= owners & asked
        for label in _THE_ONE.findall(sentence):
            # "The www one already exists …, but it needs updating to the new target": the
            # one record asked for that the label picks out
            picked = {name for name in asked if label.lower() in _labels_of(name)}
            named |= picked if len(picked) == 1 else set()
    return [
        replace(m, action="update")
        if m.name.lower().rstrip(".") in named and m.action in (None, "add") and _asked(m)
        else m
        for m in mentions
    ]


_THE_ONE = re.compile(r"\bthe[ ]+([a-z0-9][a-z0-9-]{1,40})[ ]+one\b", re.I)


def _labels_of(name: str) -> list[str]:
    """The labels a writer picks a record out by ("the www one"): all but a full name's last
    two (a relative name's all)."""
    labels = name.rstrip(".").split(".")
    return labels[:-2] if labels[-1] == "uk" else labels


def _gives_data(sentence: str) -> bool:
    """Does a sentence give a validation host (the data of the record it speaks of)?"""
    return any(is_validation_host(t.strip("`'\".,;:()")) for t in sentence.split())


def replaced_not_added(numbered: list[tuple[int, str]], mentions: list[Mention]) -> list[Mention]:
    """ "P.S. please don't add this as an additional record. It should replace the existing
    globalsign-domain-verification TXT on gov.uk, i.e. update that record's value to the
    string above": said after the record, of a record asked for as an add, it is an update
    (of a value the comment does not give, which the consistency check says)."""
    asked = [m.line for m in mentions if m.mode == "request" and m.action in (None, "add")]
    if not asked:
        return mentions
    lines = [(number, strip_marker(text)) for number, text in numbered if number > max(asked)]
    after = "\n".join(text for _, text in lines)
    if not _NOT_ALONGSIDE.search(after):
        # ("… swap it for the new one below rather than adding a second TXT next to it", above
        # the record it means)
        ahead = next(
            (
                number
                for number, text in numbered
                if number < min(asked) and "below" in text and _NOT_ALONGSIDE.search(text)
            ),
            None,
        )
        return mentions if ahead is None else _replacing_shown(mentions, ahead)
    # the line the words end on (they may wrap: "… rather" / "than a second record added")
    said = next(
        (
            number
            for (_, before), (number, text) in zip([(0, ""), *lines], lines, strict=False)
            if _NOT_ALONGSIDE.search(f"{before}\n{text}")
        ),
        lines[-1][0],  # (words wrapped over three lines: all that is shown before the end)
    )
    return _replacing_shown(updated_hosts(after, mentions), said)


def _replacing_shown(mentions: list[Mention], said: int) -> list[Mention]:
    """ "(*) You already have a CNAME in place - it currently resolves to OLD. That one needs to
    be edited to the new target above rather than a second record added alongside it": the add
    at the name of the one record the comment shows published (before line `said`, which says
    so) is an update of it."""
    shown: dict[tuple[str, str], set[str]] = {}
    for m in mentions:
        if m.mode == "observed" and m.value is not None and m.line <= said:
            shown.setdefault((m.name.lower().rstrip("."), m.rdtype), set()).add(m.value)
    out = []
    for m in mentions:
        there = shown.get((m.name.lower().rstrip("."), m.rdtype), set()) - {m.value}
        if _asked(m) and m.action in (None, "add") and len(there) == 1:
            m = replace(m, action="update", old_value=there.pop())
        out.append(m)
    return out


def swapped_pairs(words: str, mentions: list[Mention]) -> list[Mention]:
    """ "Please swap the existing verification record for the new one. In zone-file terms:
    ; remove OLD ; add NEW": the one removal and the one add the comment asks for at a name
    and type, at the same time, are one update of OLD to NEW, when its words say the new
    record replaces the old one. ("Add the new one and delete the old one", said as two
    steps, stays an add and a delete.)"""
    low = words.lower()
    if ("swap" not in low and "replace" not in low) or not _SWAPPED.search(words):
        return mentions  # (the common case, cheaply)
    asked = [m for m in mentions if m.mode == "request" and m.value]
    pairs: dict[tuple[str, str], tuple[list[Mention], list[Mention]]] = {}
    for m in asked:
        adds, deletes = pairs.setdefault((m.name.lower().rstrip("."), m.rdtype), ([], []))
        if m.action in (None, "add") and m.old_value is None:
            adds.append(m)
        elif m.action == "delete":
            deletes.append(m)
    merged: dict[int, Mention] = {}  # (by id: the add, as an update, in place of both)
    gone: set[int] = set()
    for adds, deletes in pairs.values():
        if len(adds) != 1 or len(deletes) != 1:
            continue  # (several values: which replaces which is not said)
        (add,), (old,) = adds, deletes
        if add.after_issuance != old.after_issuance or add.value == old.value:
            continue  # ("add the new one now, remove the old one once issued": two steps)
        # (both lines are the update's: neither is left unread)
        first = min(add.line, old.line)
        last = max(add.last_line or add.line, old.last_line or old.line)
        merged[id(add)] = replace(
            add, action="update", old_value=old.value, line=first, last_line=last
        )
        gone.add(id(old))
    return [merged.get(id(m), m) for m in mentions if id(m) not in gone]


# "swap the existing verification record for the new one", "replace the old token with the
# new one below", "the new value should replace the current one": one record for another
_SWAPPED = re.compile(
    r"\b(?:swap|replace)(?:[ \t]+out)?[ \t]+(?:the|that|this|our|your)[ \t]+"
    r"(?:existing|current|old|expired|previous|stale)[ \t]+(?:[\w-]+[ \t]+){0,3}?"
    r"(?:record|token|value|entry|string|one|txt|cname)[ \t]+(?:for|with)[ \t]+(?:the|this|a)"
    r"[ \t]+(?:new|fresh|updated|correct)\b|"
    r"\b(?:new|fresh|updated)[ \t]+(?:record|token|value|one|string)[ \t]+(?:should|must|needs"
    r"[ \t]+to|will|is[ \t]+to)[ \t]+replace[ \t]+the[ \t]+(?:existing|current|old|expired|"
    r"previous)\b",
    re.I,
)


# "don't add this as an additional record", "rather than leaving two records side by side",
# "instead of adding a second one", "update the existing … with the value above"
_NOT_ALONGSIDE = re.compile(
    r"\b(?:(?:do[ \t]+not|don['’]?t|not)[ \t]+(?:add|create|publish)\w*[ \t]+(?:it|this|that|them|"
    r"these)?[ \t]*(?:as[ \t]+)?(?:an?[ \t]+)?(?:additional|extra|second|separate|new)\b|"
    r"rather[ \t]+than[ \t]+(?:add|leav|creat|publish)|instead[ \t]+of[ \t]+(?:add|creat|publish)|"
    # "edited to the new target rather than a second record added alongside it"
    r"(?:rather\s+than|instead\s+of)\s+(?:a|an)\s+(?:second|new|additional|extra|separate)\s+"
    r"(?:record|one|cname|txt|entry)\b|"
    # "please update the existing _acme-challenge CNAME … so it points at the new value above"
    r"(?:update|change|replace|re-?point|overwrite)[ \t]+(?:the|that|your)[ \t]+existing\b)",
    re.I,
)


# The certificate is what is replaced or renewed, not a record: "to replace your current
# publishing.service.gov.uk certificate"
_CERTIFICATE_REPLACED = re.compile(
    r"\b(?:replac|renew|updat|chang)\w*[ \t]+(?:[\w.*-]+[ \t]+){0,4}?cert(?:ificate)?s?\b", re.I
)


def _validates(mention: Mention, host: str) -> bool:
    owner = mention.name.strip().rstrip(".").lower()
    return validated_domain(owner) == host.strip(".").lower()


def by_place(numbered: list[tuple[int, str]], mentions: list[Mention]) -> list[Mention]:
    """ "1) … 2) … 3) …" then "3 and 2 are new, pls add those now. 1 is the old apex one u
    currently have …, pls remove it but only after the discovery cert has been issued": what
    the words say of the records by their numbers in the list above them."""
    items = {int(m.group(1)): n for n, text in numbered if (m := _ITEM.match(text))}
    if len(items) < 2 or not any(_PLACE_FIRST.search(t) for _, t in numbered):
        return mentions  # the common case
    said: dict[int, tuple[str, bool]] = {}  # item -> (action, after issuance)
    for n, text in numbered:
        if n in items.values():
            continue
        for sentence in _PLACE_SPLIT.split(" ".join(prose.split_sentences(text))):
            found = _PLACE_FIRST.search(sentence)
            if found is None:
                continue
            clause = sentence[found.end() :]
            action = action_cue(clause)
            if action is None:
                continue
            later = bool(AFTER_ISSUANCE.search(clause))
            for place in re.findall(r"\d{1,2}", found.group(1)):
                said.setdefault(int(place), (action, later))
    if not said:
        return mentions
    out = []
    for m in mentions:
        place = next((k for k, line in items.items() if line == m.line), None)
        if place in said and m.mode in ("request", "observed"):
            action, later = said[place]
            if action == "delete":
                m = replace(m, mode="request", action="delete", after_issuance=later)
            elif action == "add" and m.action in (None, "add"):
                m = replace(m, mode="request", action="add", after_issuance=later)
        out.append(m)
    return out


_ITEM = re.compile(r"^[ \t]*(\d{1,2})[.)][ \t]")
# each sentence that starts with the numbers it speaks of ("… w/o it). 1 is the old one …")
_PLACE_SPLIT = re.compile(
    r"(?<=[.;!)])[ \t]+(?=\d{1,2}(?:[ \t]*(?:,|and|&)[ \t]*\d{1,2})*[ \t]+(?:is|are)\b)"
)
# "3 and 2 are new", "1 is the old apex one" at a sentence's start (after "what to do: ")
_PLACE_FIRST = re.compile(
    r"^\W{0,3}(?:[a-z ]{0,30}:[ \t]*)?(\d{1,2}(?:[ \t]*(?:,|and|&|\+)[ \t]*\d{1,2}){0,8})[ \t]+"
    r"(?:is|are)\b",
    re.I,
)


# "Please only create the first row.", "only the second row is needed"
_ONLY_ROW = re.compile(
    r"\bonly[ \t]+(?:(?:create|add|publish)[ \t]+)?the[ \t]+(first|second|third|top|last)[ \t]+"
    r"(?:row|line|entry|record)\b",
    re.I,
)
_ROW_SAYS_DONE = re.compile(
    r"\b(?:already|none|no[ \t]+action|unchanged|correct|validated)\b", re.I
)
_PLACES = {"first": 0, "top": 0, "second": 1, "third": 2, "last": -1}


def _only_row(mentions: list[Mention], place: str) -> list[Mention]:
    """The table's rows asked for, but one: the others are told of, not asked."""
    rows = sorted(
        (m for m in mentions if m.mode == "request" and m.excerpt.lstrip().startswith("|")),
        key=lambda m: m.line,
    )
    if any(_ROW_SAYS_DONE.search(m.excerpt) for m in rows):
        return mentions  # ("None – already correct" in its own row: the rows say which)
    if len(rows) < 2:
        return mentions
    wanted = rows[_PLACES[place]] if _PLACES[place] < len(rows) else None
    return [replace(m, mode="noted") if m in rows and m is not wanted else m for m in mentions]


# "Please hold the two REMOVE lines until the new certificate has been issued": the removals
# the comment lists wait, whatever their own lines say
_REMOVALS_WAIT = re.compile(
    r"\b(?:hold|wait[ \t]+(?:with|on)|leave)[ \t]+(?:off[ \t]+(?:on[ \t]+)?)?(?:the[ \t]+)?"
    r"(?:two[ \t]+|three[ \t]+|both[ \t]+|all[ \t]+)?(?:(?:REMOVE|DELETE)[ \t]+(?:lines?|rows?|"
    r"entries|changes|items)|removals|deletions)\b[^.\n]{0,60}?\buntil\b[^.\n]{0,80}?"
    r"\b(?:issued|renewed|live|deployed|active)\b",
    re.I,
)

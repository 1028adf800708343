"""What a comment says about the requests of other comments in the conversation.

"Please ignore my previous message", "no CAA change is needed", "X was included by mistake"
withdraw them; "it belongs on X, not on Y" moves them; "add it alongside the first" keeps them
beside a new value; "no further action is needed" or "GlobalSign has issued the certificate"
settles what the comment reports as in place; "pass on the message below" makes a forwarded
mail the comment's own request; "use a TTL of 300 on both records" gives them a TTL; "(b),
please" answers our lettered question with its option. Each is read from one comment's text
and acted on in bot/reading/decide.py (or read.py). Every pattern is bounded: linear on any
text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.reading import durations, prose
from bot.reading.actions import AFTER_ISSUANCE, action_cue
from bot.reading.candidates import candidates
from bot.reading.changes import validated_domain
from bot.reading.cues import is_negated

# "ignore the _acme-challenge.gov.uk record from my first message": a full stop inside a
# name (followed by a letter) does not end the sentence.
_WITHDRAW_EARLIER = re.compile(
    r"(?:\b(?:ignore|disregard)\b(?:[^.\n]|\.(?=\w)){0,80}?|"
    # "and do not add the record from my previous message"
    r"\b(?:do[ \t]+not|don['’]t)[ \t]+(?:add|create|publish)[ \t]+(?:the|that|those|any)[ \t]+"
    r"(?:records?|CNAMEs?|TXTs?|ones?)[ \t]+(?:from|in)[ \t]+my[ \t]+)"
    r"\b(?:previous|earlier|last|prior|above|first)\b"
    r"[^.\n]{0,30}?\b(?:message|e-?mail|comment|request|reply|update|instructions?|note)\b"
    r"[^.\n]{0,80}"
    # "Please disregard the DNS record request in my message below" (a reply above the mail
    # it quotes: "below" is the earlier one)
    r"|\b(?:ignore|disregard)\b(?:[^.\n]|\.(?=\w)){0,80}?\b(?:in|from)[ \t]+my[ \t]+"
    r"(?:message|e-?mail|mail|note)[ \t]+below\b[^.\n]{0,80}",
    re.I,
)
_SCOPE_END = re.compile(r"[,;:]|\b(?:only|but|instead|just)\b", re.I)


# Record types a withdrawal names; "A" only as "A record(s)" (else it is the article).
_TYPE_WORDS = re.compile(
    r"\b((?i:CNAME|TXT|CAA|AAAA|MX|NS|DS|HTTPS|SVCB|SRV)|A(?=[ ]records?\b))\b"
)


# "ignore the TXT", "please disregard item 1, the globalsign-domain-verification TXT on
# gov.uk": a type, a few words after "the", and the owner when said ("on/at NAME").
_WITHDRAW_TYPE = re.compile(
    r"\b(?:ignore|disregard|withdraw|cancel|scrap|forget(?:\s+about)?|drop|instead\s+of|"
    r"(?:don't|do\s+not)\s+(?:publish|add|create|use|send|raise|submit|forward))\b[^.\n;]{0,30}?"
    # ("ignore it entirely; only the CNAME is required": not the CNAME)
    r"(?<!only\s)\b(?:the|that|this|my)\s+(?:[\w.=-]{1,60}\s+){0,2}?"
    r"((?i:TXT|CNAME|CAA|AAAA|MX|NS|DS)|A(?=[ ]records?\b))\b"
    r"(?:\s+records?)?(?:\s+(?:on|at|for)\s+`?(_?[a-z0-9-]{1,63}(?:\.[_a-z0-9-]{1,63}){1,8}))?",
    re.I,
)


# "no CAA change is needed", "the TXT record is no longer required", "we don't need the CAA
# after all": every request of that type withdrawn (never "not needed if ...": a condition).
_T = r"(TXT|CNAME|CAA|AAAA|MX|NS|DS)"
_NOT_NEEDED_TYPE = re.compile(
    r"\bno[ \t]{1,3}" + _T + r"[ \t]{1,3}(?:change|record|update|entry)s?[ \t]{1,3}"
    r"(?:(?:is|are)[ \t]{1,3})?(?:needed|required|necessary)\b(?![ \t]{1,3}(?:if|unless|when))"
    # "the CAA line in my first message isn't needed"
    # ("the GlobalSign TXT record isn't needed": a word may say whose it is)
    r"|\bthe[ \t]{1,3}(?:[\w-]{1,20}[ \t]{1,3})?" + _T + r"[ \t]{1,3}"
    r"(?:(?:record|change|entry|line|item|one|part)s?"
    r"[ \t]{1,3})?(?:[\w'-]{1,20}[ \t]{1,3}){0,5}?(?:(?:is|are)[ \t]{1,3}(?:not|no[ \t]{1,3}"
    r"longer)|isn't|aren't|isn\u2019t|aren\u2019t)[ \t]{1,3}(?:needed|required|necessary)\b"
    r"(?![ \t]{1,3}(?:if|unless|when))"
    r"|\b(?:do[ \t]{1,3}not|don't|no[ \t]{1,3}longer)[ \t]{1,3}need[ \t]{1,3}(?:the|a|any)"
    r"[ \t]{1,3}(?:[\w-]{1,20}[ \t]{1,3})?" + _T + r"\b(?![ \t]{1,3}(?:if|unless|when))"
    # "The TXT record in my previous message came from a template … and should not have been
    # included"
    r"|\bthe[ \t]{1,3}" + _T + r"[ \t]{1,3}(?:record|entry|line)?[^.]{0,120}?\bshould\s{1,3}"
    r"(?:not|never)\s{1,3}have\s{1,3}been\s{1,3}(?:included|sent|added|requested|listed)\b"
    # "the TXT token from my first message is no longer attached to the order, so please
    # don't add it to DNS"
    r"|\bthe[ \t]{1,3}" + _T + r"[ \t]{1,3}(?:token|record|value|string|entry)\b[^.]{0,120}?"
    r"\b(?:don't|do[ \t]{1,3}not)[ \t]{1,3}(?:add|create|publish)[ \t]{1,3}it\b",
    re.I,
)
# "you don't need the _acme-challenge.www.gov.uk record at all": that one record withdrawn.
# "the _acme-challenge.assets… record from my first message is no longer needed": the same.
_NOT_NEEDED_NAME = re.compile(
    r"\b(?:do\s+not|don't|no\s+longer)\s+need\s+(?:the\s+)?(_[a-z0-9_-]{1,63}(?:\.[a-z0-9_-]{1,63})+)"
    r"|\bthe\s+`?(_[a-z0-9_-]{1,63}(?:\.[a-z0-9_-]{1,63}){1,8})`?\s+(?:[\w-]{1,20}\s+){0,5}?"
    r"(?:is|are)\s+(?:not|no\s+longer)\s+(?:needed|required|necessary)\b"
    r"(?!\s+(?:if|unless|when))"
    # "Please don't create _acme-challenge.www.staging or _acme-challenge.api.staging"
    r"|\b(?:do\s+not|don't)\s+(?:create|add|publish)\s+(?:the\s+)?`?"
    r"(_[a-z0-9_-]{1,63}(?:\.[a-z0-9_-]{1,63}){1,8})`?(?:\s+(?:or|and|nor)\s+`?"
    r"(_[a-z0-9_-]{1,63}(?:\.[a-z0-9_-]{1,63}){1,8}))?"
    # "please ignore the record for _acme-challenge.draft-origin.x - it isn't needed any more"
    r"|\b(?:ignore|disregard|skip)\s+(?:the\s+)?(?:record|one|entry|cname|txt)\s+(?:for|at|on)\s+`?"
    r"(_[a-z0-9_-]{1,63}(?:\.[a-z0-9_-]{1,63}){1,8})"
    # "Please disregard my request to add the record at service.gov.uk": any owner, since the
    # request it withdraws is named
    r"|\b(?:ignore|disregard|withdraw|cancel|scrap|forget\s+about)\s+(?:my|the|our)\s+"
    r"(?:[\w-]{1,20}\s+)?request\s+to\s+(?:add|create|publish)\s+(?:the|a|this|that)\s+"
    r"(?:[\w-]{1,20}\s+)?(?:record|entry|one|line)\s+(?:at|on|for)\s+`?"
    r"([a-z0-9_-]{1,63}(?:\.[a-z0-9_-]{1,63}){1,8})"
    # "please leave _acme-challenge.www.gov.uk exactly as it is" (never "… in place until …")
    r"|\bleave\s+(?:the\s+)?`?(_[a-z0-9_-]{1,63}(?:\.[a-z0-9_-]{1,63}){1,8})`?\s+"
    # ("Leave _acme-challenge.x pointing at Google, and there's nothing to remove")
    r"(?:(?:record|cname|txt)\s+)?(?:exactly\s+)?(?:as\s+it\s+is|alone|untouched|"
    r"pointing\s+(?:at|to)\s+(?!us\b|fastly\b)\w+)\b"
    r"(?!\s+(?:until|till|for\s+now|before))"
    # "The second record, _acme-challenge.gov.uk, was included by mistake", "The
    # _acme-challenge.gov.uk record in Marco's table was listed by mistake"
    r"|(?<![\w.-])`?(_[a-z0-9_-]{1,63}(?:\.[a-z0-9_-]{1,63}){1,8})`?(?:\s+[\w'’-]{1,20}){0,5}?"
    r",?\s+(?:was|were)\s+"
    r"(?:included|added|sent|"
    r"listed|requested)\s+(?:by\s+mistake|in\s+error|by\s+accident|mistakenly|wrongly)\b",
    re.I,
)
_SCOPE_NAME = re.compile(r"(?<![\w.-])(_?[a-z0-9-]{1,63}(?:\.[_a-z0-9-]{1,63})+)\.?(?![\w-])", re.I)


# "Please scrap the second one", "ignore item 2", "disregard record #3": by its place in the
# list an earlier comment gave (never "remove the second one": that may delete a record)
_WITHDRAW_NTH = re.compile(
    r"\b(?:ignore|disregard|withdraw|cancel|scrap|scratch|forget[ \t]+about|skip|"
    r"(?:don't|do[ \t]+not|no[ \t]+longer)[ \t]+need|"
    r"(?:don't|do[ \t]+not)[ \t]+(?:add|create|publish))[ \t]+(?:the[ \t]+)?"
    r"(?:(first|second|third|fourth|fifth|last|middle|[1-5](?:st|nd|rd|th))[ \t]+"
    r"(?:one|record|entry|item|line|request|row)|"
    r"(?:item|record|entry|number|row|no\.?|#)[ \t]*#?([1-9]))\b",
    re.I,
)


_ITEM_NAMED = re.compile(
    r"\((?:the[ \t]+)?(_[a-z0-9_-]+)?[ \t]*(CNAME|TXT|CAA)[ \t]+(?:record[ \t]+)?"
    r"(?:for|at|on)[ \t]+([a-z0-9-]+(?:\.[a-z0-9-]+)+)\)",
    re.I,
)


def withdrawn_below(numbered: list[tuple[int, str]]) -> list[tuple[int, int, str]]:
    """(line, place, words) for each line of a comment that withdraws an item of a list above
    it in the same comment by its place ("scratch the second one (www) - no record needed for
    it" under a pasted list of two)."""
    return [
        (number, int(p[1:]), text.strip())
        for number, text in numbered
        for p in sorted(_places(text))
    ]


def at_place(lines: list[int], place: int) -> int | None:
    """The line at a place of a list of `lines`: 1-based, -1 the last, 0 the middle one (of an
    odd number of lines; of an even number there is none)."""
    if place == 0:
        return lines[len(lines) // 2] if len(lines) % 2 else None
    return lines[place - 1 if place > 0 else place] if -len(lines) <= place <= len(lines) else None


def _places(text: str) -> frozenset[str]:
    """ "#2" for "scrap the second one", "#-1" for "ignore the last one", "#0" for "scratch
    the middle line"."""
    found = set()
    for m in _WITHDRAW_NTH.finditer(text):
        word = (m.group(1) or "").lower()
        place = 0 if word == "middle" else prose.ORDINALS.get(word) or int(word[:1] or m.group(2))
        found.add(f"#{place}")
    found |= {f"#{m.group(1)}" for m in _ROW_WITHDRAWN.finditer(text)}
    return frozenset(found)


# "- Row 3: please disregard it entirely.", "Item 2 - no longer needed": a place in the last
# list, named first on its line, then withdrawn
_ROW_WITHDRAWN = re.compile(
    r"^[ \t]*(?:[-*\u2022][ \t]+)?(?:row|item|line|number|no\.?|#)[ \t]*#?([1-9])[ \t]*[:.)\u2013-]"
    r"[^\n]{0,60}?\b(?:disregard|ignore|drop|scrap|withdraw|(?:not|no[ \t]+longer)[ \t]+needed)\b",
    re.I | re.M,
)


# "No DNS changes are needed from you." in a comment that asks for nothing: all withdrawn
_NOTHING_NEEDED_NOW = re.compile(
    r"(?:\bno[ \t]+(?:DNS[ \t]+)?changes?[ \t]+(?:(?:is|are)[ \t]+)?"
    r"(?:needed|required|necessary)\b|"
    # "You don't need to add or change any DNS records for this renewal" (GlobalSign validates
    # by email this year)
    r"\byou[ \t]+(?:don['\u2019]?t|do[ \t]+not)[ \t]+need[ \t]+to[ \t]+(?:add|change|make|create)"
    r"(?:[ \t]+or[ \t]+(?:change|add|remove|update))?[ \t]+any[ \t]+(?:DNS[ \t]+)?"
    r"(?:records?|changes?|entries)\b(?:[ \t]+for[ \t]+this[ \t]+(?:renewal|order|certificate|"
    r"cert|year|time)\b)?)"
    r"(?![ \t]+(?:if|unless|when|for|to|on|at)\b)",
    re.I,
)


def withdraws_all(text: str) -> bool:
    """Does a comment that asks for nothing say no change is needed after all ("No DNS
    changes are needed from you")? Everything asked before is then withdrawn."""
    return bool(_NOTHING_NEEDED_NOW.search(text))


def withdrawn_tags(text: str) -> frozenset[str]:
    """The CAA tags a text withdraws ("drop the issuewild line"), as "= issuewild " scopes."""
    return frozenset(s for s in _withdrawn_tags(text) if s.startswith("= "))


def _withdrawn_tags(text: str) -> set[str]:
    """ "please disregard the issuewild line in Sunil's message - don't add it": the CAA
    records of that tag (as "=" data scopes: " issuewild " is in their data)."""
    low = text.lower()
    if "issue" not in low and "iodef" not in low and " line" not in low:
        return set()  # the common case, cheaply
    tags = {
        f"= {next(g for g in m.groups() if g).lower()} "
        for pattern in (_TAG_WITHDRAWN, _TAG_THEN_SKIPPED)
        for m in pattern.finditer(text[:20_000])
    }
    # "Scrap the globalsign.com line; what's needed is: …": the CAA records naming that CA
    return tags | {f'="{m.group(1).lower()}"' for m in _ISSUER_WITHDRAWN.finditer(text[:20_000])}


_ISSUER_WITHDRAWN = re.compile(
    r"\b(?:ignore|disregard|drop|scrap|forget(?:[ \t]+about)?|(?:do[ \t]+not|don['’]?t)[ \t]+add)"
    r"[ \t]+the[ \t]+([a-z0-9-]{2,40}\.(?:com|org|net|aws))[ \t]+(?:line|record|entry|one)\b",
    re.I,
)
_TAG_WITHDRAWN = re.compile(
    r"\b(?:ignore|disregard|drop|scrap|scratch|strike|skip|omit|cancel|withdraw|cross[ \t]+out|"
    r"leave[ \t]+out|forget(?:[ \t]+about)?|(?:do[ \t]+not|don['’]?t)[ \t]+add|"
    # "we don't need the iodef", "no need for the issuewild", "don't bother with the iodef"
    r"(?:do[ \t]+not|don['’]?t|no[ \t]+longer)[ \t]+need|no[ \t]+need[ \t]+for|"
    r"(?:do[ \t]+not|don['’]?t)[ \t]+bother[ \t]+with)"
    r"[ \t]+the[ \t]+(?:(issuewild|issue|iodef)[ \t]+(?:line|record|entry|one|tag|property)\b|"
    # "Skip the iodef, we don't read those reports anyway." (never "skip the issue": English)
    r"(issuewild|iodef)(?:[ \t]+CAA)?(?=[ \t]*(?:[,.;:!)\u2013\u2014-]|$|[ \t](?:please|"
    r"entirely|altogether|for[ \t]+now|as[ \t]+well|too|then)\b)))|"
    # "so the issuewild entry isn't required. Please leave that one out entirely."
    r"\bthe[ \t]+(issuewild|iodef)(?:[ \t]+(?:line|record|entry|one|tag|property))?[ \t]+"
    r"(?:isn['’]?t|is[ \t]+not|won['’]?t[ \t]+be)[ \t]+(?:required|needed|necessary|wanted)\b",
    re.I | re.M,
)


# "that iodef line comes from an internal template and shouldn't have gone to a customer.
# Please skip it.": the tag named, then the record withdrawn by a pronoun
_TAG_THEN_SKIPPED = re.compile(
    r"\b(?:the|that|this)[ \t]+(issuewild|issue|iodef)[ \t]+(?:line|record|entry)\b[^.\n]{0,120}\.?"
    r"[ \t]+(?:please[ \t]+)?(?:skip|ignore|drop|disregard|don['’]?t[ \t]+add)[ \t]+it\b",
    re.I,
)


def _skipped_ca(text: str) -> set[str]:
    """ "you can skip the GlobalSign step entirely", "ignore the Sectigo CNAME": the records
    whose data is that CA's (as "=" data scopes)."""
    low = text.lower()
    if not any(word in low for word in _CA_DATA):
        return set()  # the common case, cheaply
    return {
        "=" + data for m in _CA_SKIPPED.finditer(text[:20_000]) for data in _CA_DATA[m[1].lower()]
    }


# A CA's name -> what its validation records hold (a GlobalSign token, a Sectigo target)
_CA_DATA = {
    "globalsign": ("globalsign-domain-verification=",),
    "sectigo": ("sectigo.com", "comodoca.com"),
    "comodo": ("sectigo.com", "comodoca.com"),
    "acm": ("acm-validations.aws",),
}


def _unneeded_data(text: str) -> set[str]:
    """ "The letsencrypt.org entry is not needed at all": the records whose data holds that
    domain (as "=" data scopes)."""
    if "need" not in text.lower() and "requir" not in text.lower():
        return set()  # the common case, cheaply
    return {"=" + m.group(1).lower() for m in _DATA_UNNEEDED.finditer(text[:20_000])}


_DATA_UNNEEDED = re.compile(
    r"\bthe[ \t]+[\"'`]?([a-z0-9-]{2,63}(?:\.[a-z0-9-]{2,63}){1,4})[\"'`]?[ \t]+"
    r"(?:CAA[ \t]+)?(?:entry|line|record|value|one|issuer)[ \t]+(?:is|was)"
    r"(?:[ \t]+not|[ \t]+no[ \t]+longer|n't|n’t)[ \t]+(?:needed|required|necessary)\b"
    r"(?![ \t]+(?:if|unless|when|until|yet))",
    re.I,
)


_CA_SKIPPED = re.compile(
    r"\b(?:skip|ignore|disregard|drop|scrap|forget(?:[ \t]+about)?|no[ \t]+need[ \t]+for|"
    r"(?:do[ \t]+not|don['’]?t)[ \t]+(?:add|create|publish))[ \t]+the[ \t]+"
    r"(globalsign|sectigo|comodo|acm)[ \t]+"
    r"(?:step|records?|txt|cnames?|token|validation|one|part|bit|entry)\b",
    re.I,
)


# "The CNAME host and target are hashes of the CSR, which means the record I gave you on Monday
# will never validate. Please don't publish it": the one record an earlier comment asked for
_EARLIER_ONE_DEAD = re.compile(
    r"\bthe[ \t]{1,3}(?:record|value|token|target|cname|txt)[ \t]{1,3}(?:that[ \t]{1,3})?"
    r"(?:I|we)[ \t]{1,3}(?:gave|sent)[ \t]{1,3}you\b[^.\n]{0,40}?\b(?:will[ \t]{1,3}never|won't|"
    r"will[ \t]{1,3}not|can't|cannot|(?:is|are)[ \t]{1,3}(?:now[ \t]{1,3})?(?:dead|no[ \t]{1,3}"
    r"longer[ \t]{1,3}valid|invalid))\b",
    re.I,
)


def earlier_one_dead(text: str) -> bool:
    """Does this comment say the one record an earlier comment gave is of no use ("the record
    I gave you on Monday will never validate")?"""
    return ("gave" in text or "sent" in text) and bool(_EARLIER_ONE_DEAD.search(text))


# "First and second (…): yes, both correct", "Fourth (iodef): fine by us, go ahead", "go ahead
# with 1 and 3": our proposed records approved by their place in our list
_APPROVES_ITEMS = re.compile(
    r"^\W{0,3}(?:first|second|third|fourth|fifth|sixth|last|[1-9])\b[^\n:]{0,80}:[ \t]*"
    r"(?:yes|yep|fine|ok|okay|correct|go[ \t]+ahead|approved)\b"
    r"|\bgo[ \t]+ahead[ \t]+with[ \t]+(?:items?[ \t]+|numbers?[ \t]+|#)?(?:[1-9]|one|two|three|"
    r"the[ \t]+(?:first|second|third|fourth))\b",
    re.I,
)


def approves_items(line: str) -> bool:
    """Does the line approve some of the records we proposed, by their place in our list?"""
    return bool(_APPROVES_ITEMS.search(line))


def withdraws_earlier(text: str) -> tuple[bool, frozenset[str] | None]:
    """Does this comment withdraw what an earlier one asked for ("please ignore my previous
    message", "please disregard the TXT I asked for")? With what it names: record types
    ("TXT"), owner names ("_acme-challenge.gov.uk.", with the trailing dot) and places in
    the last list asked for ("#2"), values ("=rxfex-…": data holding it); None: everything."""
    valued = (
        _withdrawn_values(text)
        | _withdrawn_hosts(text)
        | _withdrawn_tags(text)
        | _skipped_ca(text)
        | _unneeded_data(text)
    )
    if valued:
        return True, frozenset(valued)
    m = _WITHDRAW_EARLIER.search(text)
    places = _places(text)
    if not m:
        found = _WITHDRAW_TYPE.findall(text)
        typed = {t.upper() for t, _ in found} | {n.lower() + "." for _, n in found if n}
        typed |= {t.upper() for m in _NOT_NEEDED_TYPE.findall(text) for t in m if t}
        named = {
            n.lower().rstrip(".") + "." for m in _NOT_NEEDED_NAME.findall(text) for n in m if n
        }
        scope = typed | named | places
        return (True, frozenset(scope)) if scope else (False, None)
    said = _SCOPE_END.split(m.group(0), maxsplit=1)[0]
    types = {t.upper() for t in _TYPE_WORDS.findall(said)}
    kept = {t.upper() for t in _ONLY_TYPE.findall(text[m.start() : m.end() + 80])}
    if kept:
        # "The TXT record in my previous message … should not have been included. Please
        # ignore it entirely; only the CNAME is required": the type kept is not withdrawn;
        # "it" is the type the sentence before named
        before = {t.upper() for t in _TYPE_WORDS.findall(text[max(0, m.start() - 300) : m.start()])}
        types = (types - kept) or (before - kept)
        if not types:
            return False, None  # which record "it" is cannot be told: left to the reader
    if places:
        # "please ignore item 2 (the _acme-challenge CNAME for gov.uk) from my previous
        # message": that item, not every CNAME the message asked for; the record its
        # brackets name, when they do; "item 3 (both CAA lines)": the records of that type
        item = _ITEM_NAMED.search(text, m.start(), m.end() + 80)
        if item:
            label = f"{item.group(1)}." if item.group(1) else ""
            return True, frozenset({item.group(2).upper(), f"{label}{item.group(3).lower()}."})
        return True, frozenset(types) or places
    names = {n.lower() + "." for n in _SCOPE_NAME.findall(said) if "_" in n or n.count(".") > 1}
    return True, frozenset(types | names) or None


# "the second of the two (rxFEX-vigf…) is still referenced …, so please ignore my request to
# remove that one and leave it published": a request withdrawn by the value it named
_WITHDRAW_REQUEST = re.compile(
    # ("Please ignore the t56n690w4sqocx45vi value from my first message")
    r"\b(?:ignore|disregard)\b[^.\n]{0,40}?\b(?:request|instruction|ask|value|target|token)\b|"
    r"\bleave[ \t]+(?:it|that[ \t]+one|this[ \t]+one)[ \t]+"
    r"(?:published|in[ \t]+place|as[ \t]+it[ \t]+is)\b|"
    r"\btreat[ \t]+it[ \t]+as[ \t]+(?:removed|dropped|struck)[ \t]+(?:from|off)[ \t]+"
    r"my[ \t]+list\b",
    re.I,
)
_UNTIL = re.compile(r"\b(?:until|till|yet|for[ \t]+now|before)\b", re.I)
_ONLY_TYPE = re.compile(r"\bonly[ \t]+(?:the[ \t]+)?(TXT|CNAME|CAA)\b", re.I)
_VALUE_TOKEN = re.compile(r"(?<![\w-])(?=[\w-]*\d)[A-Za-z0-9_-]{16,200}(?![\w-])")


def _withdrawn_hosts(text: str) -> set[str]:
    """ "~host" for each host named in a sentence that refuses records and asks nothing
    ("both X and Y have been removed from the subscription, so please disregard the two
    records for those names"): the records that validate those hosts are withdrawn; "+host"
    for a host that leaves the certificate ("asked us to drop X from the subscription"): the
    adds for it, never the delete of its old record."""
    low = text.lower()
    if not any(
        w in low
        for w in ("disregard", "ignore", "need", "skip", "removed", "dropped", "out", "not", "n't")
    ):
        return set()  # the common case, cheaply
    found = set()
    for sentence in prose.split_sentences(" ".join(text.split())):
        dropped = _DROPPED_FROM.search(sentence)
        if dropped and dropped.group(1):
            # "I've … removed www.integration.x.gov.uk from the subscription, so please don't
            # create the integration record at all": that host's records are not needed
            found |= {"+" + h for h in prose.hosts_named(dropped.group(1))}
        elif dropped:
            # "content-api.x.gov.uk is already covered …, so I've removed it from this
            # subscription": "it" is the one host the sentence names ("them": each one)
            hosts = prose.hosts_named(sentence)
            one = dropped["pronoun"].lower() == "it"
            found |= {"+" + h for h in hosts} if len(hosts) == 1 or not one else set()
        wrongly = _LISTED_WRONGLY.search(sentence)
        if wrongly and action_cue(sentence) is None:
            # "the third record (for www.staging.x.gov.uk) shouldn't have been in there"
            found |= {"~" + h for h in prose.hosts_named(wrongly.group(1))}
        nothing_at = _NOTHING_AT.search(sentence)
        if nothing_at:  # "Please do not create anything at _acme-challenge.account.gov.uk"
            found.add(nothing_at.group(1).lower().rstrip(".") + ".")
        under = _NOTHING_UNDER.search(sentence)
        if under:  # 'Please do NOT create anything under "trade-tarrif"' (a misspelt host)
            found.add("%" + under.group(1).lower())  # (its www host too: any label of it)
        left_out = _LEAVE_OUT.search(sentence)
        if left_out:
            # "Please leave out status.x.gov.uk altogether - do NOT add the _acme-challenge
            # record for it", "please ignore the record for status.x.gov.uk"
            label = left_out.group("label") or left_out.group("ignored")
            if label:
                found.add("^" + label.lower())
            else:
                host = next(h for h in left_out.groups() if h)
                found |= {"~" + h for h in prose.hosts_named(host)}
        skipped = _SKIP_LABELLED.search(sentence)
        if skipped and not is_negated(sentence[: skipped.start()]):
            # "Please skip the components record entirely, no update needed": the records of
            # the host named by its first label
            found.add("^" + skipped.group("label").lower())
        if _FOR_THOSE.search(sentence) and is_negated(sentence) and action_cue(sentence) is None:
            found |= {"~" + h for h in prose.hosts_named(sentence)}
        elif _SKIP_THAT.search(sentence) and action_cue(sentence) is None:
            # "gov.uk is indeed validated already …, so please skip that one - no change
            # needed at the apex": the records for the one host it names
            hosts = prose.hosts_named(sentence)
            found |= {"~" + h for h in hosts} if len(hosts) == 1 else set()
            label = _FOR_LABEL.search(sentence) if not hosts else None
            # "nothing to do for www", "no change needed for content-api."
            found |= {"^" + label.group(1).lower()} if label else set()
    return found


_LISTED_WRONGLY = re.compile(
    r"\b(?:record|entry|one|line|row|CNAME|TXT)[ \t]*\(?[ \t]*(?:for|at|on)[ \t]+"
    r"((?:[\w*-]{1,63}\.){1,10}[a-z]{2,24})\.?[ \t]*\)?[ \t]+"
    r"(?:shouldn['\u2019]t|should[ \t]+not)[ \t]+have[ \t]+been[ \t]+"
    r"(?:in[ \t]+there|there|included|listed|in[ \t]+(?:it|the[ \t]+list|my[ \t]+message))\b",
    re.I,
)
_DROPPED_FROM = re.compile(
    # ("UKHSA have asked us to drop data.x.gov.uk from the subscription", "we're removing it
    # from the order": the host leaves, said as it is being done)
    r"\b(?:removed|dropped|taken[ \t]+out|taken|pulled|drop|dropping|remove|removing|take|"
    r"taking|pull|pulling)[ \t]+"
    # "I've now taken X and Y off the subscription": each host named
    r"(?:((?:[\w*-]{1,63}\.){1,10}[a-z]{2,24}\.?(?:(?:,[ \t]*|[ \t]+and[ \t]+)"
    r"(?:[\w*-]{1,63}\.){1,10}[a-z]{2,24}\.?){0,5})|(?P<pronoun>it|them|both))"
    r"[ \t]+(?:from|off|out[ \t]+of)[ \t]+(?:the|your|this)[ \t]+"
    r"(?:subscription|certificate|cert|order|san[ \t]+list)\b",
    re.I,
)
_SKIP_THAT = re.compile(
    r"\bskip[ \t]+(?:that|this|the[ \t]+\w+)[ \t]+one\b|"
    r"\bno[ \t]+change[ \t]+(?:is[ \t]+)?needed[ \t]+(?:at|for|on)\b|"
    # "There's nothing to do for www."
    r"\bnothing[ \t]+(?:more[ \t]+)?(?:to[ \t]+do|(?:is[ \t]+)?needed)[ \t]+(?:at|for|on)\b",
    re.I,
)
# "… for www.", "… for content-api.": the host a sentence names by its first label alone
_FOR_LABEL = re.compile(
    r"\b(?:at|for|on)[ \t]+(?:the[ \t]+)?(www\b(?![.-]\w)|"
    r"(?!(?:it|this|that|them|each|both|all|now|the|apex|these|those|either|us|you)\b)"
    r"[a-z0-9][a-z0-9-]{1,62}(?=[ \t]*(?:[.;!)]|$)))",
    re.I,
)


_HOST = r"((?:[\w*-]{1,63}\.){1,10}[a-z]{2,24})\b"
_NOTHING_AT = re.compile(
    r"\b(?:do[ \t]+not|don't|dont|never)[ \t]+(?:create|add|publish|put)[ \t]+(?:anything|"
    r"any[ \t]+records?|a[ \t]+record)[ \t]+(?:at|on|for)[ \t]+"
    r"(_[a-z0-9_-]{1,63}(?:\.[a-z0-9-]{1,63}){1,10})",
    re.I,
)
# 'Please do NOT create anything under "trade-tarrif"': a host by its first label, quoted
_NOTHING_UNDER = re.compile(
    r"\b(?:do[ \t]+not|don't|dont|never)[ \t]+(?:create|add|publish|put)[ \t]+(?:anything|"
    r"any[ \t]+records?)[ \t]+(?:under|with|for)[ \t]+[\"'\u201c\u2018`]?"
    r"([a-z0-9][a-z0-9-]{1,62})[\"'\u201d\u2019`]?(?=[ \t]*(?:[.;,:)!]|$))",
    re.I,
)
# A host's first label said alone ("for admin", "for data"), never a word that names no host
_LABEL_ALONE = (
    r"(?!(?:it|this|that|them|each|both|all|now|the|a|an|these|those|today|tomorrow|later|"
    r"good|ever|example|instance|reference|info|information|context)\b)[a-z0-9][a-z0-9-]{1,62}"
)
_LEAVE_OUT = re.compile(
    rf"\b(?:leave|leaving)[ \t]+out[ \t]+{_HOST}|"
    r"\b(?:ignore|disregard|skip)[ \t]+the[ \t]+(?:[\w-]+[ \t]+)?(?:records?|entry|CNAME|TXT)[ \t]+"
    rf"(?:for|of)[ \t]+(?:{_HOST.replace('(', '(?P<also>', 1)}|"
    # "please ignore the record for data - only the www one is needed now": a host by its
    # first label
    r"(?P<ignored>" + _LABEL_ALONE + r")(?=[ \t]*(?:[.;,:)!\u2013\u2014]|-[ \t]|$)))|"
    r"\b(?:do[ \t]+not|don't|dont|never)[ \t]+(?:add|create|publish)[ \t]+(?:the|a|any)[ \t]+"
    r"(?:[\w-]+[ \t]+)?(?:records?|entry|CNAME|TXT)[ \t]+for[ \t]+"
    rf"(?:{_HOST.replace('(', '(?P<refused>', 1)}|"
    # "Please do NOT create the _acme-challenge record for admin.": a host by its first label
    r"(?P<label>" + _LABEL_ALONE + r")(?=[ \t]*[.;,:)!]|[ \t]*$))",
    re.I,
)
# "skip the components record": a host by its first label (never "skip the old record")
_SKIP_LABELLED = re.compile(
    r"\b(?:skip|ignore|disregard|leave[ \t]+out)[ \t]+the[ \t]+(?P<label>(?!(?:old|new|first|"
    r"second|third|last|other|txt|cname|caa|acme|dns|existing|current|whole|same|previous|"
    r"earlier|above|below|validation|challenge|globalsign|digicert|apex|wildcard|extra|"
    r"duplicate|stale|wrong|mistaken|original|spf|cert|certificate|verification)\b)"
    r"[a-z0-9][a-z0-9-]{1,62})[ \t]+(?:records?|entry|entries|CNAMEs?|TXTs?)\b",
    re.I,
)
# "the two records for those names", "the records for these hosts"
_FOR_THOSE = re.compile(
    r"\b(?:records?|ones|entries|CNAMEs|TXTs)[ \t]+(?:for|of|on|at)[ \t]+(?:those|these|both|"
    r"the[ \t]+(?:two|three|following))(?:[ \t]+(?:names|hosts|domains|hostnames))?\b",
    re.I,
)


def _withdrawn_values(text: str) -> set[str]:
    """ "=token" for each value-like token (16 characters or more, a digit among them) in a
    sentence that withdraws a request it names by its value."""
    if (
        "ignore" not in text.lower()
        and "disregard" not in text.lower()
        and "leave" not in text.lower()
    ):
        return set()  # the common case, cheaply
    found = set()
    previous = ""
    for sentence in prose.split_sentences(" ".join(text.split())):
        cue = _WITHDRAW_REQUEST.search(sentence)  # (not "leave it in place until issued")
        if cue and not _UNTIL.search(sentence, cue.start()):
            values = {"=" + t.lower() for t in _VALUE_TOKEN.findall(sentence)}
            # "_acme-challenge.tax.service.gov.uk belongs to HMRC's own subscription. Please
            # leave it in place and treat it as removed from my list.": the owner named before
            by_owner = not values and cue.group().lower().startswith(("leave", "treat"))
            owners = _OWNERS.findall(f"{previous} {sentence}") if by_owner else []
            found |= values or {o.lower().rstrip(".") + "." for o in owners[-1:]}
        previous = sentence
    return found


_OWNERS = re.compile(r"(?<![\w.-])(_[a-z0-9_-]{1,63}(?:\.[a-z0-9-]{1,63}){2,10})\.?(?![\w-])", re.I)


# "It belongs on _acme-challenge.www.gov.uk, not on _acme-challenge.gov.uk", "it should go
# at X instead of Y": a record put on the wrong owner, moved. Validation owners only (a
# leading underscore), bounded gaps (linear on any line).
_MOVED = re.compile(
    r"\b(?:belongs?|should[ \t]{1,3}(?:be|go|sit|live)|needs?[ \t]{1,3}to[ \t]{1,3}(?:be|go)|"
    r"move[ \t]{1,3}it|put[ \t]{1,3}it)[ \t\n]{1,3}(?:(?:on|at|to|under)[ \t\n]{1,3})?[`'\"]?"
    r"(?P<to>_[\w.-]{3,253})[`'\"]?[ \t\n]{0,3}[,;(]?[ \t\n]{0,3}(?:and[ \t\n]{1,3})?"
    r"(?:not|instead[ \t\n]{1,3}of|rather[ \t\n]{1,3}than)[ \t\n]{1,3}(?:(?:on|at)[ \t\n]{1,3})?"
    r"[`'\"]?(?P<from>_[\w.-]{3,253})",
    re.I,
)


# "that should be assets-origin not asset-origin in the first one", "I meant
# draft-origin, not draft-orign": a typo in a name said before, corrected by its labels.
# "It should be\n_acme-challenge.assets.publishing.service.gov.uk (not "servce")": the whole
# name, its mistyped label in brackets.
_LABELS = r"[a-z0-9_][a-z0-9_-]{0,62}(?:\.[a-z0-9_-]{1,63}){0,8}"
_RELABELLED = re.compile(
    r"\b(?:should[ \t]+(?:be|read|say|have[ \t]+been)|(?:is|was)[ \t]+meant[ \t]+to[ \t]+be|"
    r"i[ \t]+meant)[ \t]*\n?[ \t]*[`'\"]?(?P<to>" + _LABELS + r")[`'\"]?[ \t]*,?[ \t]*\(?[ \t]*"
    r"(?:not|rather[ \t]+than|instead[ \t]+of)[ \t]+[`'\"“]?(?P<from>" + _LABELS + r")[`'\"”]?",
    re.I,
)


def relabelled(text: str) -> list[tuple[str, str, int]]:
    """(new labels, old labels, offset in `text`) for each "should be X not Y" that corrects
    a typo in a name; which earlier names hold Y is for the decision to find."""
    low = text.lower()
    if "not" not in low and "instead" not in low and "rather" not in low:
        return []  # the common case, cheaply
    found = []
    for m in _RELABELLED.finditer(text):
        to, old = m["to"].lower().strip("."), m["from"].lower().strip(".")
        if to != old:
            found.append((to, old, m.start()))
    return found


def moved_owners(text: str) -> list[tuple[str, str, int]]:
    """(new owner, old owner, offset in `text`) for each "belongs on X, not on Y"; names
    absolute, lower case."""
    low = text.lower()
    if "_" not in text or not any(w in low for w in ("not", "instead", "rather")):
        return []  # the common case, cheaply
    found = []
    for m in _MOVED.finditer(text):
        to, old = (m[k].lower().rstrip(".") + "." for k in ("to", "from"))
        if to != old:
            found.append((to, old, m.start()))
    return found


# "my colleague asked me to pass on the message below", "please add it as she describes".
_PASS_ON = re.compile(
    r"\b(?:pass(?:ing)?[ \t]{1,3}(?:(?:it|this|their|the|our|his|her)[ \t]{1,3})?"
    r"(?:(?:request|message|email|mail|note)[ \t]{1,3})?(?:on|to[ \t]{1,3}(?:them|you|gov\.uk))|"
    r"(?:message|mail|email|note|instructions?|details|request|records?)[ \t]{1,3}"
    r"(?:(?:is|are)[ \t]{1,3})?(?:below|underneath)|"
    # "Please can you add the below", "I've forwarded two of their emails"
    r"(?:add|create|publish)[ \t]{1,3}the[ \t]{1,3}below|"
    r"forwarded[ \t]{1,3}(?:[\w']{1,12}[ \t]{1,3}){0,3}(?:e-?mails?|messages?|notices?)|"
    # a CA's mail offering DNS, file and email methods: "please do the DNS TXT one"
    r"(?:please[ \t]{1,3})?(?:do|use|go[ \t]{1,3}with)[ \t]{1,3}the[ \t]{1,3}(?:dns[ \t]{1,3})?"
    r"(?:txt|cname|dns)[ \t]{1,3}(?:one|option|method)|"
    r"(?:sent|forwarded|passed)[ \t]{1,3}(?:them|these|it|this)[ \t]{1,3}(?:over|on|across)|"
    # "Fastly sent the below to us", "Fastly sent us the below", "we got the below from Fastly"
    r"(?:sent|forwarded|passed|got|received)[ \t]{1,3}(?:(?:us|me|you)[ \t]{1,3})?the[ \t]{1,3}"
    r"below|"
    r"(?:please[ \t]{1,3})?see[ \t]{1,3}below|"
    r"(?<!n't[ ])(?<!not[ ])raise[ \t]{1,3}(?:this|it)[ \t]{1,3}with|"
    r"forwarded[ \t]{1,3}(?:below|here|underneath)|(?:below|here)[ \t]{1,3}forwarded|"
    # "Sectigo's validation email came through overnight and I've copied it in below"
    r"(?:copied|pasted|included|put)[ \t]{1,3}(?:(?:it|them|this|that)[ \t]{1,3})?"
    r"(?:in[ \t]{1,3}|into[ \t]{1,3}this[ \t]{1,3}\w+[ \t]{1,3})?below|"
    r"forwarding[ \t]{1,3}(?:the|this)|(?:from|in)[ \t]{1,3}the[ \t]{1,3}(?:notice|notification)|"
    r"as[ \t]{1,3}(?:she|he|they)[ \t]{1,3}(?:describes?|says?|asks?|wrote|writes))\b",
    re.I,
)


# "The www record from my first email is correct as it stands": the mail quoted below still asks
_EARLIER_STANDS = re.compile(
    r"\b(?:record|records|one|cname|txt)[ \t]{1,3}(?:from|in)[ \t]{1,3}my[ \t]{1,3}"
    r"(?:first|earlier|previous|original|last)[ \t]{1,3}(?:e-?mail|message|mail|note)[ \t]{1,3}"
    r"(?:is|are)[ \t]{1,3}(?:correct|right|fine|still[ \t]{1,3}(?:correct|valid|needed))\b",
    re.I,
)
# "Everything else in the thread stands", "the hse.gov.uk one is correct as sent": what the
# quoted mail asks besides what the reply corrects may stand (a person reads it: never read
# as the reply's own words, which would ask for the corrected value too)
_REST_STANDS = re.compile(
    r"\b(?:everything|all)[ \t]{1,3}else[ \t]{1,3}(?:in[ \t]{1,3}(?:the|this|that|my)[ \t]{1,3}"
    r"(?:thread|e-?mail|message|mail)[ \t]{1,3}|below[ \t]{1,3}|"
    # "Everything else I said stands", "everything else I wrote yesterday still stands"
    r"I[ \t]{1,3}(?:said|wrote|sent|asked[ \t]{1,3}for)(?:[ \t]{1,3}(?:yesterday|earlier|before|"
    r"below))?[ \t]{1,3}(?:still[ \t]{1,3})?)?(?:stands|is[ \t]{1,3}"
    r"(?:correct|right|unchanged|as[ \t]{1,3}(?:sent|before)))\b"
    r"|\b(?:one|record|cname|txt)[ \t]{1,3}is[ \t]{1,3}(?:correct|right|fine)[ \t]{1,3}as"
    r"[ \t]{1,3}(?:sent|written|given)\b",
    re.I,
)


def not_added_at(text: str) -> frozenset[str]:
    """The owner names a later comment says not to add the record at ("Please don't add the
    record on design-system.service.gov.uk at all", "do not add the record from my previous
    message"), absolute: what was asked for at them before is withdrawn."""
    low = text.lower()
    if "not" not in low and "n't" not in low and "n’t" not in low:
        return frozenset()  # the common case, cheaply
    return frozenset(
        m.group(1).lower().rstrip(".") + "." for m in _NOT_ADDED_AT.finditer(" ".join(text.split()))
    )


_NOT_ADDED_AT = re.compile(
    r"\b(?:don['’]t|do[ \t]+not)[ \t]+(?:add|create|publish)[ \t]+(?:the|that|this|a|any)[ \t]+"
    r"(?:[\w-]+[ \t]+)?(?:record|TXT|CNAME|entry|one)s?[ \t]+(?:on|at|for|under)[ \t]+"
    r"(?:the[ \t]+name[ \t]+)?"
    r"`?(_?[a-z0-9][a-z0-9_-]{0,62}(?:\.[a-z0-9_][a-z0-9_-]{0,62}){1,10})\.?`?(?![\w-])",
    re.I,
)


def refuses_first_name(text: str) -> bool:
    """Does a comment say not to add the record at the name it gave before ("Please do not add
    the record on the name without "www" which I gave first")?"""
    low = text.lower()
    return ("first" in low or "before" in low or "earlier" in low or "previous" in low) and bool(
        _REFUSES_FIRST.search(text)
    )


_REFUSES_FIRST = re.compile(
    r"\b(?:do[ \t]+not|don['’]t|please[ \t]+don['’]t)[ \t]+(?:add|create|publish)[ \t]+the[ \t]+"
    r"(?:record|one|CNAME|TXT|entry)[ \t]+(?:on|at|for)[ \t]+the[ \t]+(?:name|host(?:name)?)\b"
    r"[^.\n]{0,80}?\b(?:I|we)[ \t]+(?:gave|sent|wrote|listed|posted)[ \t]+"
    r"(?:first|before|earlier|previously|originally)\b",
    re.I,
)


def right_names(text: str) -> list[str]:
    """The names a comment says are the correct ones ("The correct name is
    _acme-challenge.assets.x.gov.uk, target unchanged"), absolute."""
    if "name" not in text.lower():
        return []  # the common case, cheaply
    return [m.group(1).lower().rstrip(".") + "." for m in _RIGHT_NAME.finditer(text)]


_RIGHT_NAME = re.compile(
    r"\b(?:correct|right|intended|proper)[ \t]+(?:record[ \t]+|host[ \t]*|owner[ \t]+)?name"
    r"[ \t]+(?:is|should[ \t]+be|=|:)[ \t]+[`'\"“]?"
    r"(_?[a-z0-9][a-z0-9_-]{0,62}(?:\.[a-z0-9_][a-z0-9_-]{0,62}){1,10})\.?(?![\w-])",
    re.I,
)


def name_chosen(text: str, asked: list[str]) -> tuple[str, str] | None:
    """(chosen, other) when our question offered two names for a record ("Should the CNAME be
    at _acme-challenge.x.gov.uk or at _acme-challenge.www.x.gov.uk?") and the answer's first
    sentence picks one: by place ("The first one – no www.", "the latter"), by the www ("No
    www.", "Without the www, sorry"), or by naming it."""
    offered = [
        names
        for line in asked[:MAX_ITEMS]
        if "?" in line and (names := _two_names(line)) is not None
    ]
    if len(offered) != 1:
        return None  # the common case: no such question, or more than one
    first, second = offered[0]
    answer = " ".join(text[: _ANSWER_CHARS * 2].split())
    quoted = _NAME_OR_NAME.search(answer)  # ("Hi Priyanka, Should the CNAME be at X or at Y?
    if quoted and _two_names(quoted.group(0)) == (first, second):  # The first one …": quoted)
        answer = answer[quoted.end() :]
    answer = _GREETING.sub("", answer.strip(), count=1)[:_ANSWER_CHARS]
    lead = (prose.split_sentences(answer) or [""])[0]
    if "?" in lead:
        return None
    said = {n.lower().rstrip(".") for n in prose.owners_in(lead)} & {first, second}
    place = _PLACE_CHOSEN.match(lead)
    www = _WWW_CHOSEN.match(lead)
    if len(said) == 1:
        chosen = said.pop()
    elif place:
        chosen = first if place.group(1).lower() in ("first", "former", "1st") else second
    elif www and (first.split(".")[1:2] == ["www"]) != (second.split(".")[1:2] == ["www"]):
        wanted = www.group(1) is None  # "no www" / "without the www": the one without
        chosen = next(n for n in (first, second) if (n.split(".")[1:2] == ["www"]) != wanted)
    else:
        return None
    return (f"{chosen}.", f"{second if chosen == first else first}.")


def _two_names(line: str) -> tuple[str, str] | None:
    """The two names a question offers ("at X or at Y?", "X, or Y?"), or None."""
    m = _NAME_OR_NAME.search(line)
    if m is None:
        return None
    first, second = (n.lower().rstrip(".") for n in m.group(1, 2))
    return (first, second) if first != second else None


_OWNER = r"(_[a-z0-9_-]{1,63}(?:\.[a-z0-9_-]{1,63}){1,10})\.?"
# "at _acme-challenge.x.gov.uk or at _acme-challenge.www.x.gov.uk?"
_NAME_OR_NAME = re.compile(
    rf"{_OWNER}[`'\")]?,?[ \t]+or[ \t]+(?:at[ \t]+|on[ \t]+|under[ \t]+)?[`'\"(]?{_OWNER}"
    r"[`'\")]?[ \t]*\?",
    re.I,
)
# "The first one – no www.", "The latter, please", "First."
_PLACE_CHOSEN = re.compile(
    r"^\W{0,3}(?:it['’]?s[ \t]+|it[ \t]+is[ \t]+)?(?:the[ \t]+|your[ \t]+)?"
    r"(first|1st|former|second|2nd|latter)\b(?:[ \t]+(?:one|name|option))?"
    r"(?![ \t]+(?:of|time|step|record|message|mail|cname|txt)\b)",
    re.I,
)
# "No www.", "Without the www, sorry", "With the www."
_WWW_CHOSEN = re.compile(
    r"^\W{0,3}(?:(?:no|without)[ \t]+(?:the[ \t]+)?www|(with)[ \t]+(?:the[ \t]+)?www)\b", re.I
)


def earlier_stands(lines: Iterable[str]) -> bool:
    """Does a reply say a record of the vendor's first mail still stands ("The www record in my
    original message is correct as written")? That mail, however deep in the quoted history,
    still asks. (Read across the lines a mail client wrapped: "… in my original message is /
    correct and doesn't change.")"""
    flat = " ".join(" ".join(list(lines)[:_STANDS_LINES]).split())
    return bool(_EARLIER_STANDS.search(flat) or _REST_STANDS.search(flat))


_STANDS_LINES = 400  # the reply's own lines looked at: the words above the mail it quotes


def passes_on(lines: tuple[str, ...], wrapped: bool = False) -> bool:
    """Does the new text of a comment ask for what the mail quoted under it says? `wrapped`:
    its words read as one text, for a mail quoted under a reply, whose words ("has asked me
    to pass on the / request below") wrap where its mail client wrapped them. (A comment's own
    new text is read line by line: "Sarah's message (her message is / below) expired" speaks
    of a mail, it does not pass it on.)"""
    texts = (" ".join(line.strip() for line in lines),) if wrapped else lines
    if any(_EARLIER_STANDS.search(text) for text in texts):
        return True
    return any(_PASS_ON.search(text) for text in texts) and (
        any(action_cue(line) is not None for line in lines)
        or any(_ASKS_US.search(text) for text in texts)
    )


def revises(text: str) -> bool:
    """Does a mail correct, replace or withdraw something (its own earlier mail, say)?"""
    return bool(_REVISES.search(text)) or withdraws_earlier(text)[0]


_REVISES = re.compile(
    r"\b(?:correction|corrected|expired|superseded|ignore|disregard)\b|"
    # "the verification code in the GlobalSign mail below is no longer valid … reissued it
    # with a fresh code", "has been replaced", "just use this one"
    r"\bno[ \t]+longer[ \t]+valid\b|\b(?:has|have)[ \t]+been[ \t]+replaced\b|"
    r"\b(?:reissued|re-issued|regenerated)\b|\b(?:fresh|new)[ \t]+(?:code|token|value)\b|"
    r"\buse[ \t]+this[ \t]+one\b|"
    r"\binstead[ \t]+of[ \t]+the[ \t]+(?:one|value|token|record)",
    re.I,
)


# "they asked us to raise it here", "we need two validation records": a request passed on
_ASKS_US = re.compile(
    r"\b(?:asked[ \t]{1,3}us[ \t]{1,3}to|would[ \t]{1,3}like[ \t]{1,3}you[ \t]{1,3}to|"
    r"(?:we|they)[ \t]{1,3}(?:need|want)|(?:could|would|can)[ \t]{1,3}you[ \t]{1,3}"
    r"(?:be[ \t]{1,3}able[ \t]{1,3}to[ \t]{1,3})?(?:add|create|raise|make|pass|forward)|"
    # "DigiCert have sent a new random value … new value in the mail below"
    r"new[ \t]{1,3}(?:random[ \t]{1,3})?(?:value|token|record|string|code)s?|"
    # "DigiCert wants a TXT record named _dnsauth …": what the mail passed on asks for
    r"(?:wants?|needs?|asks?[ \t]{1,3}for|requires?)[ \t]{1,3}(?:(?:a|an|the|two|three|one|new)"
    r"[ \t]{1,3}){0,2}(?:(?:TXT|CNAME|CAA|DNS)[ \t]{1,3})?records?|"
    # "have asked me to pass on the request below": what is passed on is a request
    r"(?:the|their|this|a)[ \t]{1,3}request[ \t]{1,3}(?:below|underneath))\b",
    re.I,
)


# "please add it alongside the first record, don't overwrite it", certbot's "This must be set
# up in addition to the previous challenges": a second value at the same name, not a new one.
_ALONGSIDE = re.compile(
    r"\b(?:alongside|in[ \t]{1,3}addition[ \t]{1,3}to|as[ \t]{1,3}well[ \t]{1,3}as[ \t]{1,3}the|"
    r"(?:don'?t|do[ \t]{1,3}not)[ \t]{1,3}(?:overwrite|replace)[ \t]{1,3}(?:it|the[ \t]{1,3}"
    r"(?:first|previous|earlier|other))|"
    # "Please keep mine in place and add Piotr's as well"
    r"(?:keep|leave)[ \t]{1,3}(?:mine|hers|his|theirs|it|that[ \t]{1,3}one|the[ \t]{1,3}"
    r"(?:first|old|existing)[ \t]{1,3}one)[ \t]{1,3}(?:in[ \t]{1,3}place|"
    r"as[ \t]{1,3}it[ \t]{1,3}is|"
    r"where[ \t]{1,3}it[ \t]{1,3}is)[ \t]{1,3}and[ \t]{1,3}add)\b",
    re.I,
)


def previous_only(text: str) -> bool:
    """Does the withdrawal name one message, the one before ("Please ignore my previous
    message entirely"), not all of them?"""
    m = _WITHDRAW_EARLIER.search(text[:20_000])
    return m is not None and _ONE_BEFORE.search(m.group(0)) is not None


_ONE_BEFORE = re.compile(
    r"\b(?:my|the|our)[ \t]+(?:previous|last|prior)[ \t]+(?:message|e-?mail|comment|reply|update)\b"
    r"(?!s)",
    re.I,
)


def chases(text: str) -> bool:
    """Does a later comment chase what is still missing ("The bare domain is still
    outstanding though … This is the one we still need:")?"""
    return _CHASES.search(text[:20_000]) is not None


_CHASES = re.compile(
    r"\b(?:(?:is|are)[ \t]+still[ \t]+(?:outstanding|missing)|"
    # "The two rows still marked Pending need the CNAMEs as listed", "x is still pending"
    r"still[ \t]+(?:marked[ \t]+|showing[ \t]+as[ \t]+|shown[ \t]+as[ \t]+)?"
    r"pending\b(?![ \t]+state)|"
    r"(?:one|ones|record|records)[ \t]+we[ \t]+still[ \t]+need)\b",
    re.I,
)


def caa_named(text: str) -> frozenset[str] | None:
    """The CAs a later comment's CAA request replaces: those it names outside sentences that
    keep them ("swap the letsencrypt.org line for … 0 issue "certainly.com"" names
    letsencrypt.org; "The globalsign.com line is unchanged" keeps globalsign.com). None when
    it names no CA but in its own records, or says they go beside the others ("please also
    add"): then it replaces whatever its words say elsewhere (the decision's default)."""
    low = text[:20_000].lower()
    if "caa" not in low and "issue" not in low:
        return None  # the common case, cheaply
    named: set[str] = set()
    for sentence in (x for line in low.split("\n") for x in prose.split_sentences(line)):
        if _KEEPS_CA.search(sentence):
            continue
        own = {m.group(1) for m in _CAA_DATA.finditer(sentence)}  # its own records' CAs
        named |= {ca for ca in _CA_DOMAIN.findall(sentence) if ca not in own}
    if named:
        return frozenset(named)
    return frozenset() if _ALSO.search(low) else None


_CA_DOMAIN = re.compile(
    r"\b((?:[a-z0-9-]+\.)*(?:letsencrypt\.org|globalsign\.com|digicert\.com|"
    r"sectigo\.com|comodoca\.com|certainly\.com|pki\.goog|amazon(?:trust)?\.com|"
    r"amazonaws\.com|ssl\.com|entrust\.net|zerossl\.com|buypass\.com))\b"
)
_CAA_DATA = re.compile(r"\b\d{1,3}[ \t]+issue(?:wild)?[ \t]+\"?([a-z0-9.-]+)")
_KEEPS_CA = re.compile(r"\b(?:unchanged|stays?|keep|leave|still[ \t]+(?:needed|stands))\b")
_ALSO = re.compile(
    r"\b(?:also[ \t]+add|one[ \t]+more|another[ \t]+caa|additionally|as[ \t]+well)\b"
)


def caa_tag_corrected(text: str) -> str | None:
    """The CAA tag a comment says was the wrong one to ask for ("the CAA I asked for should be
    an issuewild, not an issue", "issuewild rather than issue", "So instead of the issue
    record please add:", "change the issue to issuewild"): "issue" or "issuewild" (the other
    of the two is meant); None when it says no such thing."""
    if "issue" not in text.lower():
        return None  # the common case, cheaply
    flat = " ".join(text[:20_000].split())  # ("should be an / issuewild, not an issue")
    for m in _TAG_FOR_TAG.finditer(flat):
        # (new, old): "issuewild, not issue"; "not issue but issuewild", "change issue to
        # issuewild", "issue -> issuewild"; "instead of the issue record" (the other is new)
        new, old = (m[1], m[2]) if m[1] else (m[6], m[3] or m[4] or m[5]) if m[6] else ("", m[7])
        if new.lower() != old.lower():
            return old.lower()
    return None


_TAG = r"(issuewild|issue)"
_ARTICLE = r"(?:an?[ ]|the[ ])?"
_TAG_FOR_TAG = re.compile(
    # "an issuewild, not an issue", "issuewild rather than issue", "issuewild instead of issue"
    rf"\b{_TAG},?[ ](?:and[ ])?(?:not|rather[ ]than|instead[ ]of)[ ]{_ARTICLE}{_TAG}\b(?![ ]?\")"
    # "not an issue but an issuewild", "change the issue to issuewild", "issue -> issuewild"
    rf"|\b(?:not[ ]{_ARTICLE}{_TAG},?[ ]but|(?:change|switch|turn|swap)[ ](?:the[ ]|that[ ]|it[ ])?"
    rf"{_TAG}(?:[ ](?:record|line|entry|tag|one))?[ ](?:to|into|for)|{_TAG}[ ]?(?:->|=>|→))"
    rf"[ ]{_ARTICLE}{_TAG}\b(?![ ]?\")"
    # "So instead of the issue record please add:" (the record that follows has the other tag)
    rf"|\binstead[ ]of[ ](?:the|an?)[ ]{_TAG}[ ](?:record|line|entry|one|tag|CAA)\b",
    re.I,
)


def adds_alongside(text: str) -> bool:
    """Does this comment ask for its TXT/CAA values beside the earlier ones, not instead?
    ("The old one can't stay alongside it" says the opposite.)"""
    low = text.lower()
    words = ("alongside", "addition", "as well as", "overwrite", "replace", " and add")
    if not any(w in low for w in words):
        return False  # the common case, cheaply
    return any(
        # (the words before it, as one line: a mail wraps "rather" / "than a second record")
        not _CANNOT.search(text[max(0, m.start() - 40) : m.start()].replace("\n", " "))
        for m in _ALONGSIDE.finditer(text)
    )


def replaces_earlier(text: str, asked: list[str]) -> bool:
    """Does this comment answer our "should we replace last year's, or add alongside it?"
    with "Replace it please"?"""
    question = " ".join(" ".join(asked).split()).lower()
    if "replac" not in question or "?" not in question:
        return False  # the common case, cheaply
    answer = _GREETING.sub("", text.strip(), count=1)
    return bool(_REPLACE_IT.match(answer))


def replaces_published(text: str) -> bool:
    """ "please replace the record you added with that value", "Could you please update
    _acme-challenge.hmrc.gov.uk to the value above? Same record, just the target corrected":
    the record someone published (a typo'd one) is to be updated to the value asked for."""
    low = text.lower()
    if "replac" in low and _REPLACE_PUBLISHED.search(text):
        return True
    if ("chang" in low or "overwrit" in low or "updat" in low) and any(
        not _REFUSED_BEFORE.search(text[max(0, m.start() - 40) : m.start()].replace("\n", " "))
        and not _IF_BEFORE.search(_sentence_before(text, m.start()))
        for m in _CHANGE_PUBLISHED.finditer(text)
    ):
        return True  # (never "do not overwrite the existing one", nor "if you have … overwrite it")
    if ("chang" in low or "updat" in low) and _CHANGE_EXISTING.search(text):
        return True
    return ("updat" in low or "correct" in low) and bool(_UPDATE_NAMED.search(text))


# "That record needs changing to the value from my first message", "the TXT you added has to be
# updated", "You can simply overwrite the old value rather than adding a second record": the
# record published (a wrong one) is changed to the value asked for
# "please don't overwrite it", "do not overwrite the existing one", "rather than overwrite"
_REFUSED_BEFORE = re.compile(
    r"(?:\b(?:not|never|rather[ \t]than|instead[ \t]of)|n['’]t)\b[^.\n]{0,30}$", re.I
)
# "If you have already published the old value, just overwrite it with the one above": what
# to do should it be published, which says nothing of whether it is
_IF_BEFORE = re.compile(r"\b(?:if|in[ \t]+case|should[ \t]+you|where|whether)\b", re.I)


def _sentence_before(text: str, end: int) -> str:
    """The words of the sentence `end` is in, up to `end` (at most 200 characters back)."""
    start = max(0, end - 200)
    cut = max(text.rfind(mark, start, end) for mark in (". ", "! ", "? ", "\n\n"))
    return text[max(start, cut + 1) : end]


_CHANGE_PUBLISHED = re.compile(
    r"\b(?:that|this|the|your)[ \t]+(?:(?:TXT|CNAME|CAA)(?:[ \t]+(?:record|value|entry|token))?|"
    r"record|value|entry|token)"
    r"(?:[ \t]+(?:you|they)(?:['’]ve|[ \t]+have)?[ \t]+(?:added|published|created|put[ \t]+in))?"
    r"[ \t]+(?:needs?|has)[ \t]+(?:to[ \t]+be[ \t]+)?(?:chang(?:ing|ed)|updat(?:ing|ed))[ \t]+to\b|"
    r"\boverwrite[ \t]+(?:it|the|that|this|your)(?:[ \t]+(?:old|existing|current|wrong|"
    r"published))?(?:[ \t]+(?:value|record|entry|token|one))?\b(?![ \t]+with\b[^.\n]{0,40}"
    r"\b(?:later|after|once|when)\b)",
    re.I,
)
# "Please change the existing CNAME so it reads:", "update the published TXT to the value
# below": the record in place now (the one asked for before) is changed
_CHANGE_EXISTING = re.compile(
    r"\b(?:change|update)[ \t]+the[ \t]+(?:existing|published|current|live)[ \t]+"
    r"(?:(?:TXT|CNAME|CAA)[ \t]+)?(?:(?:record|value|entry|token|one)[ \t]+)?"
    r"(?:so[ \t]+(?:that[ \t]+)?it[ \t]+(?:reads|points|says)|to)\b",
    re.I,
)


# "update _acme-challenge.hmrc.gov.uk to the value above", "correct the record you published"
_UPDATE_NAMED = re.compile(
    r"\b(?:update|correct|fix|amend)[ \t]+"
    r"(?:the[ \t]+(?:record|CNAME|TXT|entry)[ \t]+(?:at|for|on)[ \t]+)?"
    r"_?[a-z0-9_-]+(?:\.[a-z0-9_-]+)+\.?[ \t]+(?:to|so[ \t]+(?:that[ \t]+)?it)\b|"
    r"\b(?:update|correct|fix|amend)[ \t]+the[ \t]+(?:record|CNAME|TXT|entry|value)[ \t]+you[ \t]+"
    r"(?:published|added|created|put[ \t]+in)\b",
    re.I,
)


_REPLACE_PUBLISHED = re.compile(
    r"\breplace[ \t]+(?:the|that|this|your)[ \t]+(?:(?:TXT|CNAME|CAA)[ \t]+)?(?:record|value|entry)"
    r"[ \t]+(?:(?:that[ \t]+)?you(?:['’]ve|[ \t]+have)?[ \t]+(?:just[ \t]+)?"
    r"(?:added|published|created|put[ \t]+in|set[ \t]+up)|(?:that(?:['’]s|[ \t]+is)[ \t]+)?"
    r"(?:currently[ \t]+)?(?:published|live|there[ \t]+now))\b[^.\n]{0,40}?\bwith\b",
    re.I,
)


# "Replace it please", "Yes, please replace it", "Replace, please - last year's has been used"
_REPLACE_IT = re.compile(
    r"^\W{0,3}(?:(?:yes|yep|yeah)[,.!]?[ \t]+)?(?:please[ \t]+)?replace\b"
    r"(?![^.\n]{0,30}\b(?:later|after|once|when)\b)",
    re.I,
)


# ("edited to the new target rather than a second record added alongside it": refused too)
_CANNOT = re.compile(
    r"\b(?:can't|cannot|can[ \t]not|won't|not|never|no[ \t]longer|rather[ \t]than|"
    r"instead[ \t]of)\b[^.\n]{0,30}$",
    re.I,
)


# "so no further action is needed for gov.uk", "nothing more to do on your side"
_NOTHING_MORE = re.compile(
    r"\b(?:no[ \t]{1,3}(?:(?:further|more|other)[ \t]{1,3})?action[ \t]{1,3}(?:is[ \t]{1,3})?"
    r"(?:needed|required|necessary)|no[ \t]{1,3}(?:further|more)[ \t]{1,3}action|"
    r"nothing[ \t]{1,3}(?:(?:more|else|further)[ \t]{1,3})?(?:is[ \t]{1,3})?"
    r"(?:needed|required|to[ \t]{1,3}do))\b",
    re.I,
)


# "GlobalSign has issued the renewed certificate", "the certificate is now issued": done.
_ISSUED = re.compile(
    r"\b(?:(?:has|have)[ \t]{1,3}(?:now[ \t]{1,3})?issued|certificate[ \t]{1,3}"
    r"(?:has[ \t]{1,3}been|is[ \t]{1,3}now|was)[ \t]{1,3}(?:issued|renewed))\b",
    re.I,
)
# "once the certificate has been issued": a condition, not news
_CONDITION = re.compile(r"\b(?:once|when|after|until|before|if|as[ \t]soon[ \t]as)\b", re.I)


# Where the clause a done-word is in ends: punctuation, a symbol (an emoji), or a new request
# ("www validated 👍 pls add the 2nd one too when u can": the "when" is the request's)
_CLAUSE_END = re.compile(
    r"[.,;:!?()\u2013\u2014]|[^\x00-\u024f\s]|\b(?:pls|plz|please|can[ \t]+you|could[ \t]+you)\b",
    re.I,
)


def _conditional(sentence: str, said: re.Match[str]) -> bool:
    """Is the done-word `said` a condition ("once X is validated", "X is validated once the
    record is in place"), not a report? Only the words up to it and the rest of its clause
    count."""
    rest = sentence[said.end() : said.end() + 200]
    end = _CLAUSE_END.search(rest)
    return bool(
        _CONDITION.search(sentence[: said.end()])
        or _CONDITION.search(rest[: end.start() if end else len(rest)])
    )


def _issued(text: str) -> bool:
    return any(
        not _CONDITION.search(text[max(0, m.start() - 40) : m.start()])
        for m in _ISSUED.finditer(text)
    )


# "Both resolve correctly … Those two are fine as is, so no action is needed on them"
_THOSE_FINE = re.compile(
    r"\b(?:those|these|both)(?:[ \t]+(?:two|three|records?))?[ \t]+(?:are|look)[ \t]+"
    r"(?:fine|correct|good)\b|\bno[ \t]+action[ \t]+(?:is[ \t]+)?(?:needed|required)[ \t]+on[ \t]+"
    r"(?:them|those|these|either)\b",
    re.I,
)


# "Both records from my earlier message are currently live": what it asked for is done, and
# now published (a later "delete the TXT" refers to it)
_EARLIER_LIVE = re.compile(
    r"\b(?:both|all|the|those|these|each)(?:[ \t]+(?:of[ \t]+)?(?:the[ \t]+)?(?:two|three|four))?"
    r"[ \t]+(?:records?|entries|cnames?|txts?)[ \t]+(?:from|in)[ \t]+(?:my|our|the)[ \t]+"
    r"(?:earlier|previous|first|original|last)[ \t]+(?:message|comment|e-?mail|reply|update)"
    r"[ \t]+(?:are|is)[ \t]+(?:now[ \t]+|currently[ \t]+|already[ \t]+|all[ \t]+)?"
    r"(?:live|in[ \t]+place|published|resolving|visible)\b",
    re.I,
)


# "find-a-grant.service.gov.uk, report-a-fraud.service.gov.uk and … are now validated with the
# records you added": those hosts' records are in place
# (never "each name is validated separately": how validation works, not where it stands)
_HOSTS_VALIDATED = re.compile(
    r"\b(?:(?:are|is)[ \t]+(?:all[ \t]+)?(?:now|already)|"
    # "www.gov.uk and gov.uk are both showing as validated on our side now"
    # ("… both show as verified on our side now")
    r"(?:(?:are|is)[ \t]+(?:both[ \t]+|all[ \t]+)?(?:now[ \t]+)?showing|"
    r"(?:(?:both|all|now)[ \t]+)?shows?)[ \t]+as|"
    # "has been validated", "X has validated, thank you", "have now both validated"
    r"ha(?:ve|s)(?:[ \t]+(?:now|already|both|all))?(?:[ \t]+been)?)[ \t]+(?:all[ \t]+)?"
    r"(?:successfully[ \t]+)?"
    r"(?:validated|verified)\b(?![ \t]+(?:separately|individually|on[ \t]+(?:its|their)[ \t]+own))"
    # "gov.uk and www.gov.uk have both passed validation"
    r"|\bha(?:ve|s)(?:[ \t]+(?:now|already|both|all))?[ \t]+passed[ \t]+(?:validation|DCV|the[ \t]+"
    r"(?:validation|check))\b"
    # "ACM now shows origin.x.service.gov.uk as Issued"
    r"|\b(?:shows?|lists?)[ \t]+(?P<shown>[a-z0-9.-]{4,253})[ \t]+as[ \t]+[\"']?"
    r"(?:issued|validated|verified|success)\b",
    re.I,
)


_THAT_HOST_VALIDATED = re.compile(
    r"\b(?:that|this|the)[ \t]+(?:host(?:name)?|name|domain)[ \t]+(?:has|is)[ \t]+(?:now[ \t]+)?"
    r"(?:been[ \t]+)?(?:validated|verified)\b",
    re.I,
)
_HOST = r"[a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9][a-z0-9-]{0,62}){1,8}"
_HOST_IS_VALIDATED = re.compile(
    rf"(?<![\w.-])({_HOST})\.?[ \t]+is[ \t]+(?:validated|verified)\b", re.I
)
# "The apex challenge (_acme-challenge.x.service.gov.uk) validated this morning."
_HOST_VALIDATED_WHEN = re.compile(
    rf"(?<![\w.-])(?:_acme-challenge\.)?({_HOST})\.?\)?[ \t]+(?:has[ \t]+)?(?:now[ \t]+)?"
    r"(?:validated|verified)[ \t]+(?:this[ \t]+morning|overnight|earlier(?:[ \t]+today)?|today|"
    r"yesterday|last[ \t]+night|fine|ok|okay|successfully|without[ \t]+(?:any[ \t]+)?"
    r"(?:issue|problem|trouble)s?|straight[ \t]+away|right[ \t]+away|immediately|first[ \t]+time|"
    r"on[ \t]+the[ \t]+(?:first|next)[ \t]+(?:attempt|pass|try|check)|within[ \t]+"
    r"(?:a[ \t]+few[ \t]+)?minutes|a[ \t]+few[ \t]+minutes[ \t]+after)\b",
    re.I,
)
_NOT_LABELS = frozenset(
    ("it", "this", "that", "all", "both", "everything", "status", "check", "dashboard", "light")
)
_CA_VALIDATED_HOST = re.compile(
    r"\b(?:DigiCert|GlobalSign|Sectigo|Certainly|Let['’]?s[ \t]+Encrypt|the[ \t]+CA|they)[ \t]+"
    r"(?:have[ \t]+|has[ \t]+)?(?:now[ \t]+|successfully[ \t]+)?(?:validated|verified)[ \t]+"
    rf"({_HOST})\b",
    re.I,
)
_SEEN_IN_SET = re.compile(
    r"\b(?:i|we)[ \t]+can[ \t]+(?:now[ \t]+)?see[ \t]+(?:the[ \t]+)?"
    # ("I can see 0 issue "certainly.com" on service.gov.uk alongside the other two")
    r"(?:0[ \t]+issue(?:wild)?[ \t]+[\"'\u201c]?)?"
    r"([a-z0-9-]{1,63}\.(?:com|org|net|goog|aws))[\"'\u201d]?[ \t]+(?:entry[ \t]+|record[ \t]+)?"
    r"(?:(?:in|on)[ \t]+the[ \t]+(?:CAA|TXT)[ \t]+(?:set|records?|entries|RRset)\b|"
    # "I can see the certainly.com CAA on dwp.gov.uk now", "… CAA record resolving now"
    rf"(?:CAA(?:[ \t]+record)?[ \t]+)?(?:(?:on|at)[ \t]+{_HOST}\b|(?:resolving|live|published|"
    r"in[ \t]+place)\b))",
    re.I,
)
_OLD_ONE_SEEN = re.compile(
    r"\b(?:i|we)[ \t]+(?:can[ \t]+)?see[ \t]+(?:that[ \t]+)?(?:the[ \t]+|your[ \t]+)?"
    r"(?:old|earlier|previous|first|original|expired)[ \t]+"
    r"(?:one|token|code|record|value|string|TXT)[ \t]+(?:is[ \t]+)?"
    r"(?:published|live|in[ \t]+place|in[ \t]+DNS|there)[ \t]+(?:at|on)[ \t]+"
    rf"({_HOST})\b",
    re.I,
)
_CONFIRMED_FOR = re.compile(
    r"\bconfirmed[ \t]+(?:the[ \t]+)?(?:domain[ \t]+)?(?:verification|validation)[ \t]+"
    rf"(?:for|of)[ \t]+({_HOST})\b",
    re.I,
)
_LABEL_WORD = r"(?:the[ \t]+)?[a-z0-9][a-z0-9-]{0,62}"
_LABELS_THROUGH = re.compile(
    rf"(?<![\w.-])({_LABEL_WORD}(?:[ \t]*,[ \t]*{_LABEL_WORD}){{0,8}}(?:,?[ \t]+(?:and|&)[ \t]+"
    rf"{_LABEL_WORD})?)[ \t]+(?:all[ \t]+|both[ \t]+)?(?:(?:came|went|have[ \t]+(?:come|gone))"
    r"[ \t]+through|(?:are|is|were)[ \t]+(?:now[ \t]+)?ticked[ \t]+off)\b",
    re.I,
)
_COUNT_DONE = re.compile(
    r"\b(?:\d|two|three|four|both)[ \t]+of[ \t]+(?:\d|two|three|four|five|the[ \t]+\w+)[ \t]+"
    r"(?:are[ \t]+|have[ \t]+been[ \t]+)?(?:now[ \t]+)?(?:confirmed|validated|verified|done|green)"
    r"[ \t]*\(([^()\n]{1,300})\)",
    re.I,
)
# "docs is green", "www has gone green", "the apex went through": done, in chat words
_GREEN = re.compile(
    rf"(?<![\w.-])(?:_acme-challenge\.)?({_HOST}|[a-z0-9][a-z0-9-]{{1,62}})[ \t]+"
    r"(?:(?:is|has|have|are)[ \t]+)?(?:now[ \t]+|also[ \t]+|already[ \t]+)?"
    # ("for www is went through already")
    r"(?:(?:gone[ \t]+|turned[ \t]+|went[ \t]+)?green|(?:went|gone)[ \t]+through)\b",
    re.I,
)
_LABEL_VALIDATED = re.compile(
    r"(?<![\w.-])(?!(?:it|this|that|both|all|each|domain|host|hostname|record|"
    r"everything|which|certificate|cert|order|subscription|name|token|value|one|what|nothing|"
    r"something|anything|apex|cname|txt|caa|acme|challenge|validation|dns|zone|side|has|have|"
    r"been|is|are|was|were|now|already|and|not|also|just|successfully|fully|records?|as)\b)"
    r"([a-z0-9][a-z0-9-]{1,62})[ \t]+(?:(?:host(?:name)?|sub-?domain|name|one)[ \t]+)?"
    r"(?:is[ \t]+|has[ \t]+(?:now[ \t]+)?(?:been[ \t]+)?)?(?:now[ \t]+|already[ \t]+)?"
    r"(?:validated|verified)\b",
    re.I,
)
# "The www and api hostnames are validated now": hosts by their first labels
_LABELS_VALIDATED = re.compile(
    r"\b((?:[a-z0-9][a-z0-9-]{0,62}[ \t]*,[ \t]*){0,8}[a-z0-9][a-z0-9-]{0,62},?[ \t]+"
    r"(?:and|&)[ \t]+"
    r"[a-z0-9][a-z0-9-]{0,62})[ \t]+(?:host(?:name)?s|names|ones|sub-?domains|records)[ \t]+"
    r"(?:are|have)[ \t]+(?:now[ \t]+|both[ \t]+|all[ \t]+|already[ \t]+)?(?:been[ \t]+)?"
    r"(?:validated|verified)\b",
    re.I,
)
_LISTED_VALIDATED = re.compile(
    rf"({_HOST}(?:[ \t]*,[ \t]*{_HOST}){{0,20}}(?:,?[ \t]+(?:and|&)[ \t]+{_HOST})?)\.?[ \t]*"
    r"[-\u2013\u2014:][ \t]*(?:now[ \t]+|already[ \t]+|both[ \t]+|all[ \t]+)?"
    r"(?:validated|verified)\b",
    re.I,
)
_HOST_LIST_END = re.compile(
    rf"_?{_HOST}(?:[ \t]*,[ \t]*{_HOST}){{0,20}}(?:,?[ \t]+(?:and|&)[ \t]+{_HOST})?"
    # ("the assets.publishing.service.gov.uk challenge has validated")
    r"(?:[ \t]+(?:challenge|record|hostname|host|domain|name|CNAME|one)s?)?[ \t]*$",
    re.I,
)


# "The apex authorization was kept, so _acme-challenge.x.service.gov.uk is correct as it
# stands and needs no change": the record at that owner is in place
_RECORD_STANDS = re.compile(
    r"(?<![\w.-])(_?[a-z0-9][a-z0-9_-]{0,62}(?:\.[a-z0-9_][a-z0-9_-]{0,62}){1,8})\.?[ \t]+"
    r"(?:is|looks|remains)[ \t]+(?:already[ \t]+|still[ \t]+)?(?:correct|fine|right|good)[ \t]+"
    r"as[ \t]+(?:it[ \t]+)?(?:stands|is)\b",
    re.I,
)


# "The record for claim-x.service.gov.uk is already correct, so please leave it exactly as it is"
_RECORD_FOR_HOST_FINE = re.compile(
    r"\bthe[ \t]+(?:[\w-]{1,20}[ \t]+)?record[ \t]+(?:for|at|on)[ \t]+"
    r"(_?[a-z0-9][a-z0-9_-]{0,62}(?:\.[a-z0-9_][a-z0-9_-]{0,62}){1,8})\.?[ \t]+"
    r"(?:is|looks)[ \t]+already[ \t]+(?:correct|fine|right|good|in[ \t]+place|there|live)\b",
    re.I,
)
# "The challenge record for assets is fine, the problem is CAA": that host's challenge record
# is in place (by its first label, or its whole name)
_CHALLENGE_FOR_FINE = re.compile(
    r"\bthe[ \t]+(?:challenge|validation|acme|dcv)[ \t]+(?:record|cname)[ \t]+(?:for|at|on)[ \t]+"
    r"([a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9][a-z0-9-]{0,62}){0,8})\.?[ \t]+(?:is|looks)[ \t]+"
    r"(?:fine|ok|okay|correct|good|right|in[ \t]+place)\b",
    re.I,
)
# A status table's row: "education.gov.uk | OK | Validated" (a host first, a done word in a
# cell of its own, no cell saying it is not done)
_ROW_DONE = re.compile(
    r"^[\W_]*(?:validated|verified|issued|valid|success(?:ful)?|active|passed)\b[\W_]*$", re.I
)
_ROW_NOT_DONE = re.compile(
    r"\b(?:pending|fail\w*|missing|not|error|invalid|waiting)\b|[✖❌✗]", re.I
)


def _table_done(text: str) -> set[str]:
    """The hosts a status table (a row a line, cells split by | or tabs) shows as done."""
    found: set[str] = set()
    for line in text.splitlines()[:_TABLE_LINES]:
        if "|" in line or "\t" in line:
            cells = [c.strip() for c in re.split(r"[|\t]", line) if c.strip()]
        elif "  " in line.strip():  # space-aligned: "nationalarchives.gov.uk     ✔ Verified"
            cells = [c.strip() for c in re.split(r"[ ]{2,}", line.strip()) if c.strip()]
        else:
            continue
        if len(cells) < 2 or not _HOST_CELL.fullmatch(cells[0]):
            continue
        if any(_ROW_DONE.match(c) for c in cells[1:]) and not any(
            _ROW_NOT_DONE.search(c) for c in cells[1:]
        ):
            found.add(validated_domain(cells[0].lower().rstrip(".")))
    return found


_TABLE_LINES = 400
_TICK = "(?:\u2705|\u2714\ufe0f?|\u2713|\u2611\ufe0f?|\\[x\\])"
_TICKED = re.compile(
    rf"^[ \t]*(?:[-*\u2022][ \t]*)?{_TICK}[ \t]*((?:_acme-challenge\.)?{_HOST})\.?[ \t]*$|"
    r"^[ \t]*(?:[-*\u2022][ \t]*)?(?:(?:CNAME|TXT|CAA)[ \t]+(?:on|at|for)[ \t]+)?"
    rf"(_[a-z0-9_-]+(?:\.[a-z0-9-]+)+)\.?[ \t]*{_TICK}[ \t]*"
    r"(?:validated|verified|done|ok|passed)\b",
    re.I | re.M,
)
_HOST_CELL = re.compile(rf"(?:_acme-challenge\.)?{_HOST}\.?", re.I)


# "Thank you for getting the www.gov.uk record in", "thanks for adding the record for X": the
# record for that host is in place
_THANKS_FOR_RECORD = re.compile(
    rf"\bthank(?:s|[ \t]+you)[ \t]+for[ \t]+(?:getting|putting|adding|publishing|creating)[ \t]+"
    rf"(?:the[ \t]+)?(?:record[ \t]+for[ \t]+)?({_HOST})\.?(?:[ \t]+(?:record|cname|txt)s?)?"
    rf"(?:[ \t]+(?:in|in[ \t]+place|live|published|added))?\b",
    re.I,
)


def done_said(numbered: Iterable[tuple[int, str]]) -> tuple[int, str, frozenset[str]] | None:
    """The first line of a later comment that says something asked for is done, in words
    the reader may not have taken up ("validated overnight", "the TXT is gone", "passed
    DCV"); never a condition ("once validated") or a denial ("hasn't validated yet")."""
    for number, text in numbered:
        low = text.lower()
        if not any(w in low for w in _DONE_STEMS) or "|" in text or "\t" in text:
            continue  # the common case, cheaply (a table row's status is the rows' to read)
        for sentence in prose.split_sentences(text):
            for m in _DONE_WORDS.finditer(sentence):
                before = sentence[: m.start()]
                if "?" in sentence or _CONDITION.search(before) or _NOT_DONE.search(sentence):
                    continue
                if _KEPT_SO.search(before[-60:]) or _CONDITION.search(
                    sentence[m.end() : m.end() + 30]
                ):
                    continue  # "want to keep the site verified until they decommission it"
                if _NOT_OF_REQUEST.search(sentence):
                    continue
                if is_negated(sentence[: m.end()]):
                    continue
                return number, sentence.strip(), prose.hosts_named(sentence) or _line_hosts(text)
    return None


def _line_hosts(text: str) -> frozenset[str]:
    """The hosts a line's records are for ("- _acme-challenge.www.gov.uk, the CNAME to X. It's
    published and has shown as verified": www.gov.uk), for a done-word that names none."""
    owners = [w.strip("`'\"(),:;") for w in text.split() if w.startswith(("_", "`_"))]
    return frozenset(
        validated_domain(h.lower()).rstrip(".")
        for h in [*prose.hosts_named(text), *owners]
        if "." in h
    )


_KEPT_SO = re.compile(r"\b(?:keep|keeps|keeping|stay|stays|remain|remains)\b", re.I)
_DONE_STEMS = (
    "valid",
    "verif",
    "passed",
    "in place",
    "gone",
    "removed",
    "deleted",
    "success",
    "green",
)
_DONE_WORDS = re.compile(
    r"\b(?:validated|verified|passed|validation[ \t]+(?:succeeded|complete[d]?|"
    r"was[ \t]+successful)|(?:is|are)[ \t]+(?:now[ \t]+)?in[ \t]+place|(?:is|are)[ \t]+"
    r"(?:now[ \t]+)?gone|(?:has|have)[ \t]+been[ \t]+(?:removed|deleted)|successfully|"
    r"(?:gone|went|turned)[ \t]+green)\b",
    re.I,
)
# "still hasn't validated", "not yet verified", "failed", "pending": not done
_NOT_DONE = re.compile(
    r"(?:n['’]t\b|\b(?:not|never|yet|fail(?:ed|ing|s)?|pending|unverified|unvalidated|"
    r"invalid|will|would|should|must|need|needs|can)\b)",
    re.I,
)
# Sentences that say a done-word of something else: the ticket closing ("validated and the
# certificate is issued" - what it asked is no longer to do, however it is listed), how
# validation works ("each name is validated separately", "was validated with this TXT"),
# another certificate ("the current certificate was validated through it")
_NOT_OF_REQUEST = re.compile(
    r"\b(?:issued|issuing|deployed|deploying|clos(?:e|ing)|separately|on[ \t]+its[ \t]+own|"
    r"validated[ \t]+(?:with|through|by|at|via|using|on(?![ \t]+(?:our|their|the|your)[ \t]+"
    r"(?:side|end|dashboard|system|platform)))|each[ \t]+(?:one|name|host)|"
    r"last[ \t]+year|previous|current[ \t]+(?:certificate|cert)|existing|already|HTTP|"
    r"appear|at[ \t]+some[ \t]+point|renewed|everything[ \t]+else|unless|"
    r"to[ \t]+(?:get|have|be)[ \t]+(?:(?:it|them|this|these|the[ \t]+\w+)[ \t]+)?"
    r"(?:validated|verified))\b",
    re.I,
)


def validated_places(text: str) -> list[int]:
    """The places (0 first, -1 last) of the records a later comment says validated by their
    order alone ("Thanks Alison, the first one is validated.")."""
    if "valid" not in text.lower() and "verif" not in text.lower():
        return []  # the common case, cheaply
    flat = " ".join(text.split())
    return [
        _ORDINALS[m.group(1).lower()]
        for m in _PLACE_VALIDATED.finditer(flat)
        if not _CONDITION.search(flat[max(0, m.start() - 40) : m.start()])
    ]


_ORDINALS = {"first": 0, "second": 1, "third": 2, "last": -1}
_PLACE_VALIDATED = re.compile(
    r"\bthe[ \t]+(first|second|third|last)[ \t]+(?:one|record|CNAME|TXT|name|host(?:name)?)[ \t]+"
    r"(?:is|has)[ \t]+(?:now[ \t]+)?(?:been[ \t]+)?(?:validated|verified)\b",
    re.I,
)


def validated_types(text: str) -> frozenset[str]:
    """The record types a later comment says validated, by type alone ("Thanks Mei - the
    CNAME is validated"): the one add of that type asked for before is done."""
    low = text.lower()
    if not any(w in low for w in ("valid", "verif", "through", "picked")):
        return frozenset()  # the common case, cheaply
    found = set()
    for m in _TYPE_VALIDATED.finditer(" ".join(text.split())):
        before = text[max(0, m.start() - 40) : m.start()]
        if not _CONDITION.search(before) and not is_negated(m.group(0)):
            thing = m.group(1).lower()
            found.add(thing.upper() if thing in ("cname", "txt", "caa") else "CNAME")
    for sentence in prose.split_sentences(" ".join(text.split())):
        m = _DOMAIN_VALIDATED.search(sentence)
        if m and not prose.hosts_named(sentence) and not _conditional(sentence, m):
            found.add("*")  # "the domain shows as verified again": the one host asked for
    return frozenset(found)


_DOMAIN_VALIDATED = re.compile(
    r"\b(?:the|that|this|your)[ \t]+(?:domain|hostname|host|name)[ \t]+(?:now[ \t]+)?"
    r"(?:shows?|is[ \t]+(?:now[ \t]+)?showing)[ \t]+as[ \t]+(?:verified|validated)\b",
    re.I,
)


_TYPE_VALIDATED = re.compile(
    r"\b(?:the|that|your)[ \t]+(CNAME|TXT|CAA|challenge|acme[ \t]+challenge)(?:[ \t]+record)?"
    r"[ \t]+(?:(?:is|has)[ \t]+(?:now[ \t]+)?(?:been[ \t]+)?(?:validated|verified)|"
    # "the CNAME went through and the new cert is already live"
    r"went[ \t]+through|(?:has[ \t]+)?gone[ \t]+through|"
    r"(?:was|has[ \t]+been)[ \t]+picked[ \t]+up)\b",
    re.I,
)


def validated_hosts(text: str) -> frozenset[str]:
    """The hosts a vendor's later comment says are now validated (their records in place)."""
    low = text.lower()
    found: set[str] = set()
    if "thank" in low:
        flat = " ".join(text.split())
        found |= {validated_domain(m.group(1).lower()) for m in _THANKS_FOR_RECORD.finditer(flat)}
    cheap = (
        "valid",
        "verif",
        "issued",
        "success",
        "as it",
        "already",
        "can see",
        "green",
        "through",
        "confirmed",
        "ticked",
        "\u2705",
        "\u2714",
        "\u2713",
    )
    if not any(w in low for w in cheap):
        return frozenset(found)  # the common case, cheaply
    found |= _table_done(text) if "|" in text or "\t" in text or "  " in text else set()
    for m in _TICKED.finditer(text[:20_000]):
        # "✅ www.nationalarchives.gov.uk" (a line a host, ticked); "CNAME on
        # _acme-challenge.www.x.gov.uk ✔ validated" (that record)
        name = (m.group(1) or m.group(2)).lower().rstrip(".")
        found.add("=" + name if name.startswith("_") else validated_domain(name))
    for sentence in prose.split_sentences(" ".join(text.split())):
        fine = _CHALLENGE_FOR_FINE.search(sentence)
        if fine and not is_negated(sentence[: fine.start()]):
            label = fine.group(1).lower()
            found.add(validated_domain(label) if "." in label else "^" + label)
        stands = _RECORD_STANDS.search(sentence) or _RECORD_FOR_HOST_FINE.search(sentence)
        if stands and not is_negated(sentence[: stands.start()]):
            found.add(validated_domain(stands.group(1).lower()))
        that = _THAT_HOST_VALIDATED.search(sentence)
        if that and not is_negated(sentence):
            # "We can see the search-api record resolving correctly now: _acme-challenge.x →
            # y, and that hostname has validated": the one host the sentence names
            owners = [w.strip("`'\"(),:;") for w in sentence.split() if w.startswith(("_", "`_"))]
            hosts = {validated_domain(h.lower()) for h in [*prose.hosts_named(sentence), *owners]}
            found |= hosts if len(hosts) == 1 else set()
        bare = _HOST_IS_VALIDATED.search(sentence)
        if bare and not is_negated(sentence[: bare.start()]) and not _conditional(sentence, bare):
            # "design-system.service.gov.uk is validated, but frontend.x still isn't": the
            # host just before the verb (never "… is validated once the record is in place")
            found.add(validated_domain(bare.group(1).lower()))
        for listed in _LISTED_VALIDATED.finditer(sentence):
            # "* education.gov.uk and www.education.gov.uk - validated, nothing further to do"
            # (each item of a list: "- a.gov.uk: validated - b.gov.uk: validated")
            if not _conditional(sentence, listed):
                found |= prose.hosts_named(listed.group(1))
        when = _HOST_VALIDATED_WHEN.search(sentence)
        if when and not is_negated(sentence[: when.start()]) and not _conditional(sentence, when):
            # "… validated this morning"; "_acme-challenge.x validated": that record only
            host = when.group(1).lower()
            found.add("=_acme-challenge." + host if when.group(0).startswith("_") else host)
        counted = _COUNT_DONE.search(sentence)
        if counted and not is_negated(sentence[: counted.start()]):
            # "2 of 4 confirmed (gov.uk and www.gov.uk)": the hosts in the brackets
            found |= prose.hosts_named(counted.group(1))
        through = _LABELS_THROUGH.search(sentence)
        if through and not is_negated(sentence[: through.start()]):
            # "apex, www and eservices all came through fine and are ticked off on our side"
            for word in re.findall(r"[a-z0-9][a-z0-9-]*", through.group(1).lower()):
                if word == "apex":
                    found.add("@apex")
                elif word not in ("and", "the", "both", "all") and word not in _NOT_LABELS:
                    found.add("^" + word)
        green = _GREEN.search(sentence)
        if (
            green
            and not is_negated(sentence[: green.start()])
            and not _conditional(sentence, green)
        ):
            # "✅ picked up, docs is green": a host, or a host by its first label
            word = green.group(1).lower()
            if word not in _NOT_LABELS:
                found.add(validated_domain(word) if "." in word else "^" + word)
        by_ca = _CA_VALIDATED_HOST.search(sentence)
        if (
            by_ca
            and not is_negated(sentence[: by_ca.start()])
            and not _conditional(sentence, by_ca)
        ):
            # "Confirmed, DigiCert validated tax.service.gov.uk this morning"
            found.add(validated_domain(by_ca.group(1).lower()))
        in_set = _SEEN_IN_SET.search(sentence)
        if in_set and not is_negated(sentence[: in_set.start()]) and "?" not in sentence:
            # "I can see certainly.com in the CAA set from our side": the add of that value
            found.add("~" + in_set.group(1).lower())
        seen_old = _OLD_ONE_SEEN.search(sentence)
        if seen_old and not is_negated(sentence[: seen_old.start()]):
            # "I can see the old one published at x.gov.uk - please replace it": the record
            # asked for before is in place (what replaces it is an update of it)
            found.add(validated_domain(seen_old.group(1).lower()))
        confirmed = _CONFIRMED_FOR.search(sentence)
        if confirmed and not is_negated(sentence[: confirmed.start()]):
            # "GlobalSign have confirmed domain verification for x.gov.uk, so that part is done"
            found.add(validated_domain(confirmed.group(1).lower()))
        label = _LABEL_VALIDATED.search(sentence)
        if (
            label
            and not is_negated(sentence[: label.start()])
            and not _conditional(sentence, label)
        ):
            # "Confirmed: frontend validated": the host by its first label
            found.add("^" + label.group(1).lower())
        labels = _LABELS_VALIDATED.search(sentence)
        if (
            labels
            and not is_negated(sentence[: labels.start()])
            and not _conditional(sentence, labels)
        ):
            # "The www and api hostnames are validated now": each by its first label
            found |= {
                "^" + w.lower()
                for w in re.findall(r"[a-z0-9][a-z0-9-]*", labels.group(1), re.I)
                if w.lower() not in ("and",)
            }
        said = _HOSTS_VALIDATED.search(sentence)
        if said and not is_negated(sentence):
            # the hosts listed just before the verb ("X, Y and Z are now validated"), not
            # those of another clause ("Nothing else at gov.uk changes, and www.gov.uk is …")
            listed = _HOST_LIST_END.search(sentence[max(0, said.start() - 600) : said.start()])
            said_hosts = said["shown"] or (listed.group(0) if listed else "")
            # ("_acme-challenge.www.gov.uk has validated": the host its record validates)
            found |= prose.hosts_named(re.sub(r"(?<![\w.-])_[\w-]+\.", "", said_hosts))
    return frozenset(found)


# "Quick update: items 3, 4 and 6 are done." (of the numbered list a comment before gave)
_PLACES_DONE = re.compile(
    # ("Update from our side: 1, 2 and 4 are validated now.": bare numbers opening a sentence)
    r"(?:\b(?:items?|numbers?|points?|steps?|lines?)[ \t]+|(?:^|(?<=[.:!])[ \t]+|^[ \t]*))"
    r"(#?\d{1,2}(?:[ \t]*(?:,|and|&)[ \t]*#?\d{1,2}){0,8})"
    r"[ \t]+(?:are|is|have[ \t]+been|has[ \t]+been)[ \t]+(?:now[ \t]+|all[ \t]+){0,2}"
    r"(?:done|complete|completed|in[ \t]+place|live|finished|validated|verified)\b",
    re.I | re.M,
)


def done_places(text: str) -> frozenset[str]:
    """ "#3" … for each item of the last list asked for that a later comment says is done."""
    return frozenset(
        f"#{n}" for m in _PLACES_DONE.finditer(text) for n in re.findall(r"\d{1,2}", m.group(1))
    )


def earlier_live(text: str) -> bool:
    """Does a vendor's later comment say the records it asked for before are live now?
    ("Both records from my earlier message are currently live", or a reply that opens with
    "Validated, thx." to our "Added this morning")"""
    # (its own words: a line it quotes - our question "is the old one still needed?" - is not
    # what it says)
    flat = " ".join(
        " ".join(ln for ln in text.splitlines() if not ln.lstrip().startswith(">")).split()
    )
    if _EARLIER_LIVE.search(flat) or _OPENS_VALIDATED.match(_GREETING.sub("", flat, 1)):
        return True
    low = flat.lower()
    if not any(w in low for w in ("valid", "verif", "authori", "issued")):
        return False  # the common case, cheaply
    if _STILL_OPEN.search(flat):
        return False  # "… have both passed validation. The api one is still pending."
    for sentence in prose.split_sentences(flat):
        for m in _ALL_VALIDATED.finditer(sentence):
            before = sentence[: m.start()]
            if "?" in sentence or _CONDITION.search(before) or is_negated(sentence[: m.end()]):
                continue
            # (the hosts it names, when it names some, are `validated_hosts`')
            if not _NOT_ALL.search(sentence) and not prose.hosts_named(before):
                return True
    return False


_STILL_OPEN = re.compile(
    r"\b(?:still|yet)[ \t]+(?:pending|outstanding|to[ \t]+(?:do|validate|come)|waiting|failing|"
    r"missing|not|needed|need)\b|\b(?:remaining|outstanding)\b|\bone[ \t]+left\b"
    # ("For ofsted.gov.uk still we not see the CNAME, lookup return nothing")
    r"|\b(?:still|yet)\b[^.\n]{0,20}?(?:\bnot\b|\bno\b|n['’]t\b)"
    r"|\b(?:can(?:not|['’]t)|(?:do|does)[ \t]+not|don['’]t|doesn['’]t|we[ \t]+not)[ \t]+see\b"
    r"|\breturns?[ \t]+nothing\b|\bNXDOMAIN\b",
    re.I,
)


# "Both hostnames validated overnight and the certificate has been issued", "validated +
# issued", "Validation passed for both names", "all three have now validated"
_ALL_VALIDATED = re.compile(
    r"\b(?:(?:both|all)(?:[ \t]+(?:of[ \t]+them|two|three|four))?(?:[ \t]+(?:host(?:name)?s|"
    r"names|domains|records|challenges|CNAMEs|TXTs))?[ \t]+(?:have[ \t]+|are[ \t]+)?"
    r"(?:now[ \t]+|all[ \t]+)?"
    r"(?:validated|verified|passed)|"
    # "Both records are validating fine on our end", "all three are verifying OK now" (done,
    # said as it goes on; never a bare "both are validating", which may still be under way)
    r"(?:both|all)(?:[ \t]+(?:of[ \t]+them|two|three|four))?(?:[ \t]+(?:host(?:name)?s|names|"
    r"domains|records|challenges|CNAMEs|TXTs))?[ \t]+(?:are[ \t]+)?(?:now[ \t]+)?"
    r"(?:validating|verifying)[ \t]+(?:just[ \t]+)?(?:fine|ok(?:ay)?|correctly|successfully|"
    r"properly|as[ \t]+expected|without[ \t]+(?:any[ \t]+)?(?:issues?|problems?|errors?))|"
    # "Both records are in place and the domain has validated" (never "leave both in place")
    r"(?<!leave[ \t])(?<!keep[ \t])(?:both|all)(?:[ \t]+(?:of[ \t]+them|two|three|four))?"
    r"(?:[ \t]+(?:records|CNAMEs|TXTs|entries))?[ \t]+(?:are|have[ \t]+been)[ \t]+(?:now[ \t]+)?"
    r"(?:in[ \t]+place|live)|"
    r"(?:validated|verified)[ \t]*(?:and|\+|&|,)[ \t]*(?:the[ \t]+)?(?:new[ \t]+|renewed[ \t]+)?"
    r"(?:cert(?:ificate)?[ \t]+)?(?:is[ \t]+|was[ \t]+|has[ \t]+been[ \t]+)?(?:now[ \t]+)?issued|"
    r"validation[ \t]+(?:has[ \t]+)?passed|"
    # "the subscription went to Issued shortly after", "the subscription now shows Issued"
    r"subscription[ \t]+(?:went|moved|changed|switched|flipped)[ \t]+to[ \t]+[\"'\u201c]?Issued|"
    r"subscription[ \t]+(?:is[ \t]+|now[ \t]+)?(?:shows|showing|shown)[ \t]+(?:as[ \t]+)?"
    r"[\"'\u201c]?Issued|"
    # "Both validation records for ofsted.gov.uk are showing as valid", "all three show as
    # verified"
    r"(?:both|all)(?:[ \t]+(?:of[ \t]+them|two|three|four))?(?:[ \t]+[\w-]+){0,2}?"
    r"(?:[ \t]+for[ \t]+[\w.-]{1,253})?[ \t]+(?:(?:are|is)[ \t]+(?:now[ \t]+)?showing|show|"
    r"(?:are|is)[ \t]+(?:now[ \t]+)?(?:shown|marked|listed))[ \t]+as[ \t]+[\"'\u201c]?"
    r"(?:valid|validated|verified|active|success(?:ful)?)|"
    # "GlobalSign confirmed the domain verification with the new token this morning, so that
    # part is complete" (for a host it names: `validated_hosts`)
    r"confirmed[ \t]+(?:the[ \t]+)?(?:domain[ \t]+)?(?:verification|validation)"
    r"(?![^.]{0,40}\bfor[ \t]+[a-z0-9-]+\.)|"
    # "The supplier confirms the DNS authorization shows as ACTIVE" (Google Certificate Manager)
    r"(?:DNS[ \t]+)?authori[sz]ation[ \t]+(?:now[ \t]+)?(?:shows|is)[ \t]+(?:as[ \t]+)?"
    r"[\"']?(?:active|valid|validated|verified))\b",
    re.I,
)
# ("both names are validated separately", "all three must be validated", one of several)
_NOT_ALL = re.compile(
    r"\b(?:separately|individually|each|except|but[ \t]+not|apart[ \t]+from|other[ \t]+than|"
    r"still|yet|remaining|outstanding|once|must|need|needs)\b",
    re.I,
)


def removals_done(text: str) -> frozenset[str]:
    """The types of the records a vendor's later comment says are gone now ("Confirmed, the
    GlobalSign token is gone from our side too"; never "once the token is gone")."""
    low = text.lower()
    if not any(w in low for w in ("gone", "removed", "deleted", "no longer")):
        return frozenset()  # the common case, cheaply
    types: set[str] = set()
    for sentence in prose.split_sentences(" ".join(text.split())):
        for m in _GONE.finditer(sentence):
            before = sentence[max(0, m.start() - 40) : m.start()]
            if _CONDITION.search(before) or is_negated(sentence[: m.end()]) or "?" in sentence:
                continue
            thing = m.group("thing").lower()
            said: set[str] = set()
            said |= {"TXT"} if thing in ("token", "string", "txt") else set()
            said |= {thing.upper()} if thing in ("cname", "caa") else set()
            said |= {"TXT", "CNAME", "CAA"} if thing in ("record", "entry") else set()
            # ("both _dnsauth records are gone": those only, "TXT~dnsauth"; never the
            # GlobalSign token the next sentence says still resolves)
            kinds = [k for k in _GONE_KINDS if k in m.group(0).lower()]
            said = {f"{t}~{k}" for t in said for k in kinds} if kinds else said
            # ("Confirmed the apex token is gone" of the apex and www tokens asked to be
            # removed: the apex one only, "TXT@apex"; the www one still to go)
            place = _gone_place(sentence[m.start() : m.start("thing")])
            types |= {f"{t}@{place}" for t in said} if place else said
    return frozenset(types)


def _gone_place(words_before: str) -> str | None:
    """Where the records a "… is gone" names are, by the words before the thing ("the apex"
    token: "apex"; "the www" TXT: "www"; "the hmrc.gov.uk" TXT: that host), or None."""
    words = [w.strip("`'\"(),").lower().rstrip(".") for w in words_before.split()[1:]]
    hosts = [w for w in words if "." in w and _PLACE_HOST.fullmatch(w)]
    if len(hosts) == 1:
        return hosts[0]
    if any(w in ("apex", "root", "bare", "top-level") for w in words):
        return "apex"
    return "www" if "www" in words else None


_PLACE_HOST = re.compile(r"[a-z0-9_-]{1,63}(?:\.[a-z0-9_-]{1,63}){1,10}")


_GONE_KINDS = ("dnsauth", "globalsign", "digicert", "sectigo", "acme", "acm", "letsencrypt")


# "the GlobalSign token is gone", "the old TXT has been removed", "both records are now deleted"
_GONE = re.compile(
    r"\b(?:the|that|this|both|those|these|all)[ \t]+(?:[\w.-]+[ \t]+){0,3}?"
    r"(?P<thing>token|string|txt|cname|caa|record|entry)s?[ \t]+"
    r"(?:is|are|has[ \t]+been|have[ \t]+been|was|were)[ \t]+(?:now[ \t]+|indeed[ \t]+|all[ \t]+)?"
    r"(?:gone|removed|deleted|no[ \t]+longer[ \t]+(?:there|published|visible|in[ \t]+DNS))\b",
    re.I,
)


# "Validated, thx.", "All validated now - thanks!", "That's verified." - the whole answer, no
# host named (never "Validated once the record is in place", "Validated separately")
_OPENS_VALIDATED = re.compile(
    # ("ok validated ty", "great, verified - thanks")
    r"\W{0,3}(?:(?:ok(?:ay)?|great|cool|perfect|nice|lovely)[ \t]*[,!.]?[ \t]+)?"
    r"(?:(?:all|both|everything|(?:that|it)(?:['’]s|[ \t]+is|[ \t]+has)|"
    r"(?:they|those)(?:['’]re|[ \t]+are|[ \t]+have))[ \t]+)?(?:now[ \t]+|been[ \t]+)?"
    r"(?:validated|verified)(?:[ \t]+now)?[ \t]*(?:[,.!;–—-]|$|(?:ty|thx|thanks|cheers)\b)",
    re.I,
)


# "please skip the first row (www.gov.uk). That record is already in place": the record for
# that host, in the notice below, is not asked for
_SKIP_ROW = re.compile(
    r"\b(?:skip|ignore|disregard|leave[ \t]+out|omit)[ \t]+(?:the[ \t]+)?"
    r"(?:(?:first|second|third|fourth|last|top|bottom)[ \t]+)?(?:row|item|line|entry|record)"
    r"[ \t]*\([ \t]*([a-z0-9_.-]+\.[a-z]{2,})[ \t]*\)",
    re.I,
)
_IN_PLACE = re.compile(
    r"\b(?:already[ \t]+(?:in[ \t]+place|published|live|there|exists?)|resolving[ \t]+correctly)\b",
    re.I,
)


def skipped_rows(text: str) -> list[tuple[str, bool]]:
    """The hosts whose rows a comment says to skip ("please skip the first row
    (www.gov.uk)"), each with whether it says that record is already in place."""
    flat = " ".join(text.split())
    return [
        (m.group(1).lower().rstrip("."), bool(_IN_PLACE.search(flat[m.end() : m.end() + 200])))
        for m in _SKIP_ROW.finditer(flat)
    ]


def hosts_done(text: str) -> list[str]:
    """The hosts a list of notes says need nothing, their record being in place already
    ("* staging.x.service.gov.uk - nothing to do. That record is already live")."""
    if "nothing" not in text and "no action" not in text.lower() and "already" not in text:
        return []  # the common case, cheaply
    found = [m.group(1).lower().rstrip(".") for m in _HOST_DONE.finditer(text)]
    found += [m.group(1).lower().rstrip(".") for m in _HOST_FINE.finditer(text)]
    return found + [m.group(1).lower().rstrip(".") for m in _VALID_ALREADY.finditer(text)]


# 'signin.account.gov.uk is "state": "valid": your _acme-challenge CNAME for signin is already in
# place with the value above and has validated. Nothing to do.' - a line that starts with a host
_HOST_FINE = re.compile(
    r"^[ \t*\u2022-]{0,4}((?:[a-z0-9_-]{1,63}\.){1,10}[a-z]{2,24})\.?[ \t]+(?:is|has)\b"
    r"[^\n]{0,160}?"
    r"\b(?:already[ \t]+in[ \t]+place|has[ \t]+(?:already[ \t]+)?validated|is[ \t]+already[ \t]+"
    r"(?:valid|validated|verified))\b[^\n]{0,120}?\b(?:nothing[ \t]+(?:more[ \t]+|else[ \t]+)?"
    r"(?:to[ \t]+do|needed|required)|no[ \t]+(?:further[ \t]+)?action)\b",
    re.I | re.M,
)


# A note that starts with a host and says it needs nothing, because its record is there
_HOST_DONE = re.compile(
    r"^[ \t]*(?:[*\u2022-][ \t]+)?((?:[a-z0-9_-]{1,63}\.){1,10}[a-z]{2,24})\.?[ \t]*"
    r"(?:[-\u2013\u2014:][ \t]*)(?:nothing[ \t]+to[ \t]+do|no[ \t]+action(?:[ \t]+needed)?)"
    r"[^\n]{0,40}\n?[^\n]{0,160}?\balready[ \t]+(?:live|in[ \t]+place|published|there|resolving)\b",
    re.I | re.M,
)


# "the authorization for assets.x.service.gov.uk is already "valid" - that one was picked up
# from the existing record in your zone, so nothing is needed for it"
_VALID_ALREADY = re.compile(
    r"\b(?:for|of)[ \t]+((?:[a-z0-9_-]{1,63}\.){1,10}[a-z]{2,24})\.?[ \t]+(?:is|are)[ \t]+"
    r"already[ \t]+[\"'\u201c]?(?:valid|validated|verified|issued|in[ \t]+place)\b"
    r"[^\n]{0,160}?\bnothing[ \t]+(?:is[ \t]+|more[ \t]+)?(?:needed|required|to[ \t]+do)\b",
    re.I,
)


def those_are_fine(text: str) -> bool:
    """Does a vendor's comment say the records shown before are fine as they are?"""
    return bool(_THOSE_FINE.search(text))


def nothing_more_needed(text: str) -> bool:
    """Does this comment say that what it reports as published needs nothing more (or that
    the certificate has been issued, so the requests before it were done)?"""
    return bool(_NOTHING_MORE.search(text)) or _issued(text)


_DURATION_FIRST = re.compile(
    r"^\W{0,3}(\d{1,6})[ \t]*(s|secs?|seconds|mins?|minutes|hours?|hrs?)\b", re.I
)
_UNIT = {"m": 60, "h": 3600}
_GREETING = re.compile(
    r"^(?:(?:hi|hello|hey|morning|afternoon|good[ \t]+(?:morning|afternoon))\b[^,.!\n]{0,30}[,.!]|"
    r"thanks?(?:[ \t]+you)?[^,.!\n]{0,20}[,.!])[ \t\n]*",
    re.I,
)
# "300 is fine.", "Yes, 300 seconds would be great": the duration our question offered
_DURATION_FINE = re.compile(
    r"^(?:yes|yep|sure)?\W{0,3}"
    # "The usual 3600 is fine for the CNAME", "A TTL of 300 would be great"
    r"(?:(?:the|a)[ \t]+)?(?:(?:usual|standard|default|normal)[ \t]+)?(?:TTL[ \t]+(?:of[ \t]+)?)?"
    r"(\d{1,6})[ \t]*(s|secs?|seconds|mins?|minutes|hours?|hrs?)?[ \t]+"
    r"(?:is|would[ \t]+be|will[ \t]+be|sounds)[ \t]+(?:absolutely[ \t]+|perfectly[ \t]+)?"
    r"(?:fine|ok|okay|good|great|perfect)\b",
    re.I,
)


# "Please go with 300.", "let's go with 300 seconds" (our question asked which TTL)
_GO_WITH = re.compile(
    r"\b(?:go|going)[ \t]+with[ \t]+(\d{1,6})[ \t]*(s|secs?|seconds|mins?|minutes|hours?|hrs?)?"
    r"(?=[ \t]*[.,;!]|[ \t]*$)",
    re.I,
)


_ITEM_MARK = re.compile(r"^[ \t>]*(?:\(?[a-h1-9]\)|[1-9][.:]|q[1-9][:.)]?|[-*\u2022])[ \t]+", re.I)
MAX_ITEMS = 200  # lines of an answer looked at for one that answers in its own item


def ttl_answer(text: str) -> int | None:
    """The duration a comment's answer to our "what TTL?" starts with ("Hi Aisha, 300 please,
    so that …", "300 seconds, the same as the others")."""
    answer = _GREETING.sub("", text.strip(), count=1)  # "Hi Aled, 300 is fine."
    other = _NO_BUT.match(answer)
    if other and not _NEGATION.search(answer, other.end(), other.end() + _ANSWER_CHARS):
        # "No, but please use 600." to our "Is the 300 TTL required?": the TTL it gives instead
        answer = answer[other.end() :]
    found = _answer_ttl(answer)
    if found is None:  # "1. No - please remove it." / "2. 3600 is fine.": an item's answer
        items = (_ITEM_MARK.sub("", line, count=1) for line in text.split("\n")[:MAX_ITEMS])
        found = next((t for line in items if (t := _answer_ttl(line)) is not None), None)
    if found is None:  # "Lower would help - 300 if the registry will take it."
        first = (prose.split_sentences(" ".join(answer[:_ANSWER_CHARS].split())) or [""])[0]
        usual = {int(n) for n in _BARE_NUMBER.findall(first)} & _USUAL_TTLS
        # (not of one type: "TTL 3600 on the CAA is fine" is `ttl_for_type`'s)
        said = len(usual) == 1 and not _NOT.search(first) and not _TYPE_WORD.search(first)
        said = said and not durations.left_open(first)
        found = usual.pop() if said else None
    return found


# "No, but", "No -", "Not needed, but", "Nope," before the TTL an answer gives instead
_NO_BUT = re.compile(
    r"\W{0,3}(?:no(?:pe)?|not[ \t]+(?:really[ \t]+)?(?:needed|required|necessary))\b"
    r"[ \t]*[,.;:\u2013\u2014-]*[ \t]*(?:but[ \t]+)?",
    re.I,
)
_NEGATION = re.compile(r"\b(?:not|no|never)\b|n['\u2019]t\b", re.I)  # ("No, 300 is not needed")
# The TTLs people ask for: a number our TTL question's answer gives alone is one of them
_USUAL_TTLS = frozenset((30, 60, 120, 180, 300, 600, 900, 1800, 3600, 7200, 14400, 43200, 86400))
_BARE_NUMBER = re.compile(r"(?<![\w.:/#£$-])(\d{2,5})(?![\w:/%-]|\.\w)")  # ("use 600.")
_NOT = re.compile(r"\b(?:not|no|don't|dont|never)\b[^.\n]{0,20}?\d", re.I)
_ANSWER_CHARS = 300  # of an answer, searched for the one TTL it gives


def ttl_waived(text: str, asked: list[str]) -> bool:
    """Does the answer to our question whether the TTL given is needed ("Is the 300 TTL
    actually needed, or can we leave it at the default?", "Does it have to be 300?") say no
    ("Not needed - GlobalSign only checks the value", "No.", "Nope, any TTL is fine")? Then
    the TTL the records were written with is no request. An answer giving a number of its own
    is no waiver ("No, but please use 600")."""
    if not any("?" in line and _TTL_NEEDED.search(line) for line in asked[:MAX_ITEMS]):
        return False  # the common case: we asked no such thing
    answer = _GREETING.sub("", text.strip(), count=1)[:_ANSWER_CHARS]
    said = _NOT_NEEDED_ANSWER.match(answer)
    # (a number said not to be needed is no number of its own: "No, 300 is not needed.")
    return bool(said) and (
        not _BARE_NUMBER.search(answer) or bool(_NEGATION.search(answer, said.end()))
    )


# Our question whether the TTL is needed: "Is the 300 TTL actually needed …?", "Do you need the
# TTL to be 300?", "Does it have to be TTL 300?", "Is a 300s TTL required?"
_TTL_NEEDED = re.compile(
    r"\bTTL\b[^?\n]{0,60}?\b(?:needed|required|necessary|essential|a[ \t]+must|important)\b"
    r"|\b(?:need|require)[ \t]+(?:the|a|that)[ \t]+(?:\d{1,7}[ \t]*s?[ \t]+)?TTL\b"
    r"|\b(?:does|do)[ \t]+(?:it|the[ \t]+TTL|they)[ \t]+(?:have|need)[ \t]+to[ \t]+be\b"
    r"[^?\n]{0,30}?\d",
    re.I,
)
# "Not needed", "No.", "Nope, any TTL is fine", "It isn't - leave it as it comes"
_NOT_NEEDED_ANSWER = re.compile(
    r"\W{0,3}(?:(?:no(?:pe)?|nah)\b(?![ \t]*,?[ \t]*but\b)|not[ \t]+(?:really[ \t]+)?"
    r"(?:needed|required|necessary|essential)\b|it[ \t]+(?:isn['’]t|is[ \t]+not|doesn['’]t|"
    r"does[ \t]+not)\b|it['’]s[ \t]+not[ \t]+(?:needed|required|necessary)\b)",
    re.I,
)


def _answer_ttl(answer: str) -> int | None:
    first = (
        _DURATION_FIRST.match(answer)
        or _DURATION_FINE.match(answer)
        or _DURATION_PLEASE.match(answer)
        or _GO_WITH.search(answer)  # "Marta here, following up. Please go with 300."
    )
    if first is None:
        return None
    unit = first.group(2)
    ttl = int(first.group(1)) * (_UNIT.get(unit[0].lower(), 1) if unit else 1)
    return ttl if 0 <= ttl <= 2**31 - 1 else None


# "300 please, so that any re-validation picks up the change quickly."
_DURATION_PLEASE = re.compile(
    r"^\W{0,3}(\d{1,6})[ \t]*(s|secs?|seconds|mins?|minutes|hours?|hrs?)?[ \t]*,?[ \t]*"
    r"(?:please|pls|thanks|thank[ \t]+you)\b",
    re.I,
)


def same_ttl(text: str) -> bool:
    """ "Could you add this one as well, with the same TTL?" """
    return bool(_SAME_TTL.search(text))


_SAME_TTL = re.compile(r"\b(?:the[ \t]+)?same[ \t]+TTL\b", re.I)


_TYPE_WORD = re.compile(r"\b(?:CAA|CNAME|TXT)\b", re.I)


def ttl_for_earlier(text: str, asked: bool = False) -> int | None:
    """The TTL a comment with no records of its own sets for the records already asked for
    ("Please use a TTL of 300 seconds on both records"), when it orders one; or, when our
    comment before `asked` for one, the duration its answer starts with ("300 seconds, the
    same as the others, please."). None when it leaves the TTL to us ("no, the TTL is not
    important for this record, you can keep your default. 3600 is fine")."""
    if durations.ttl_disowned(text[:20_000]) and not prose.TTL_ORDER.search(text[:20_000]):
        return None  # (never "The TTL isn't critical … Still, please use a TTL of 300")
    answered = ttl_answer(text) if asked else None
    if answered is not None:
        return answered
    sentences = prose.split_sentences(" ".join(text.split()))
    for n, sentence in enumerate(sentences):
        after = sentences[n + 1] if n + 1 < len(sentences) else ""
        if not prose.BOTH.search(sentence) and _FOR_ALL.match(after):
            sentence = f"{sentence} {after}"  # "Sorry - TTL 60 not 600. For both records."
        # ("TTL 3600 on the CAA is fine": a TTL for one type, `ttl_for_type`)
        approved = prose.TTL_APPROVED.search(sentence) and not _TYPE_WORD.search(sentence)
        if prose.TTL_ORDER.search(sentence) or prose.BOTH.search(sentence) or approved:
            ttl = prose.ttl_in(sentence)
            bare = _NUMBER_FOR_BOTH.search(sentence)  # "3600 for both, cheers" (our question)
            ttl = int(bare.group(1)) if ttl is None and bare else ttl
            if ttl is not None and 0 <= ttl <= 2**31 - 1:
                return ttl
        swapped = durations.duration_instead(sentence)
        if swapped is not None:
            return swapped  # "please ask for five minutes rather than the hour I suggested"
    return None


# "They suggest a TTL of 3600, but could you please use 300 instead?", "TTL 300 instead of
# 3600", "instead of 3600, please set 300": the TTL the vendor wants, over the one its paste
# (a CA's instructions, a zone line) gives.
_TTL_INSTEAD = (
    re.compile(
        r"\b(?:use|set|make|put|go[ \t]+with)\b[^.\n?]{0,30}?\b(\d{1,7})\b"
        r"(?:[ \t]*(?:s|secs?|seconds))?[^.\n?\d]{0,20}?\binstead\b(?![ \t]+of)",
        re.I,
    ),
    re.compile(r"\b(\d{1,7})\b(?:[ \t]*(?:s|secs?|seconds))?[ \t]+instead[ \t]+of\b", re.I),
    re.compile(
        r"\binstead[ \t]+of[ \t]+(?:the[ \t]+)?\d{1,7}\b[^.\n?]{0,30}?"
        r"\b(?:use|set|make|put)\b[^.\n?\d]{0,20}?\b(\d{1,7})\b",
        re.I,
    ),
)


def ttl_instead(text: str) -> int | None:
    """The TTL a comment asks for in place of another it mentions, in a sentence about the
    TTL ("could you please use 300 instead?" after "they suggest a TTL of 3600")."""
    if "instead" not in text.lower():
        return None
    for sentence in prose.split_sentences(" ".join(text.split())):
        if "ttl" not in sentence.lower():
            continue
        for pattern in _TTL_INSTEAD:
            m = pattern.search(sentence)
            if m and 0 <= int(m.group(1)) <= 2**31 - 1:
                return int(m.group(1))
    return None


_TYPE_NAMED = re.compile(r"\b(CNAME|TXT|CAA)s?\b")
_AT_NUMBER = re.compile(
    r"\b(?:in[ \t]+at|at|to)[ \t]+(\d{1,7})(?:[ \t]*(?:s|secs?|seconds))?\b"
    r"(?![ \t]*(?:[mhd]\b|mins?\b|minutes?\b|hours?\b|hrs?\b|days?\b|%|am\b|pm\b|:))",
    re.I,
)
_ANY_NUMBER = re.compile(r"\d+")
_DATA_IN = re.compile(r"\.(?:fastly-validations\.com|acm-validations\.aws)|=", re.I)


def ttls_for_types(text: str) -> dict[str, int]:
    """The TTL a comment asks for the records of one type it gives ("For the two new CNAMEs
    we'd like a TTL of 600 seconds, please", "for the two GlobalSign TXT records a TTL of 300
    is plenty"), in a sentence that names one type and gives no record."""
    found: dict[str, int] = {}
    if "ttl" not in text.lower():
        return found
    paragraphs = [p for p in re.split(r"\n[ \t]*\n", text) if "ttl" in p.lower()]
    for sentence in (s for p in paragraphs for s in prose.split_sentences(" ".join(p.split()))):
        if _DATA_IN.search(sentence):
            continue
        types = set(_TYPE_NAMED.findall(sentence))
        if len(types) != 1:
            continue
        if "ttl" in sentence.lower():
            ttl = prose.ttl_in(sentence)
        else:  # "A word on TTLs, since you asked: … The two CNAMEs are different: please put
            # those in at 60": a sentence of a paragraph about TTLs, its one number
            numbers = _AT_NUMBER.findall(sentence)
            ttl = (
                int(numbers[0])
                if len(numbers) == 1 and len(_ANY_NUMBER.findall(sentence)) == 1
                else None
            )
        if ttl is not None and 0 <= ttl <= 2**31 - 1:
            found.setdefault(types.pop(), ttl)
    return found


_TYPE_NAMED_ON = re.compile(r"\b(CAA|TXT|CNAME)s?\b", re.I)
_TTL_FOR_TYPE = re.compile(
    r"\bTTL[ \t]+(?:of[ \t]+)?(\d{1,7})[ \t]*(?:s|secs?|seconds)?[ \t]+(?:on|for)[ \t]+"
    r"(?:the[ \t]+)?(CAA|TXT|CNAME)\b",
    re.I,
)


def ttl_for_type(text: str) -> tuple[int, str] | None:
    """ "TTL 3600 on the CAA is fine": a TTL for the records of one type asked for before."""
    found = {(int(m.group(1)), m.group(2).upper()) for m in _TTL_FOR_TYPE.finditer(text)}
    if not found and ("minute" in text or "hour" in text or "second" in text):
        # "a day is too long for us, five minutes please on the CNAME"
        for sentence in prose.split_sentences(" ".join(text.split())):
            on = durations.duration_on_record(sentence)
            typed = _TYPE_NAMED_ON.search(on[0]) if on else None
            if on and typed:
                found.add((on[1], typed.group(1).upper()))
    if len(found) != 1:
        return None
    ((ttl, rdtype),) = found
    return (ttl, rdtype) if ttl <= 2**31 - 1 else None


_FOR_ALL = re.compile(r"^\W{0,3}(?:for|on)[ \t]+(?:both|all|each)\b", re.I)  # "For both records."
_NUMBER_FOR_BOTH = re.compile(
    r"(?<![\w.:-])(\d{2,6})(?:[ \t]?(?:s|secs?|seconds))?[ \t]+(?:for|on)[ \t]+(?:both|all|each)\b",
    re.I,
)


# "(b), please.", "b) is right", "option (b)": the answer to a lettered question of ours
_CHOSEN = re.compile(
    # ("(b) Please leave _acme-challenge.x exactly as it is": an answer to item (b), no choice)
    r"^[ \t]*\(?([a-d])\)?[,.)]?[ \t]+(?:(?:please|thanks)(?=[ \t]*(?:[-–—.!,;:)]|$))|"
    r"is[ \t]+(?:right|correct|fine)|"
    r"would[ \t]+be[ \t]+(?:best|right|great))\b|\b(?:option|choice)[ \t]+\(?([a-d])\)?(?![\w(])|"
    # "The second one - sorry!", "It's your first option.", "the latter, please"
    r"^\W{0,3}(?:it['’]?s[ \t]+|it[ \t]+is[ \t]+)?(?:the|your)[ \t]+"
    r"(first|second|third|fourth|former|latter)(?:[ \t]+(?:one|option))?"
    r"(?:[ \t]+(?:please|is[ \t]+(?:right|correct)))?[ \t]*(?:[-–—.!,;:]|$)",
    re.I,
)
_ORDINAL = {"first": "a", "former": "a", "second": "b", "latter": "b", "third": "c", "fourth": "d"}
_OPTION = re.compile(r"^[ \t>]*\(([a-d])\)[ \t]+(.{4,300}?)[ \t,;?]*(?:\bor)?[ \t?]*$", re.I)


def chosen_options(numbered: list[tuple[int, str]], earlier: list[str]) -> list[tuple[int, str]]:
    """The lines of a comment that answer an earlier lettered question ("(b), please"), each
    rewritten as the option it chose ("Please delete the TXT and add the CNAME")."""
    options: dict[str, str] = {}
    for line in earlier:
        m = _OPTION.match(line)
        if m:
            options[m.group(1).lower()] = m.group(2).strip()
    if not options:
        return numbered
    out = []
    for number, text in numbered:
        m = _CHOSEN.search(text) if not text.lstrip().startswith(">") else None
        said = (m.group(1) or m.group(2) or m.group(3)).lower() if m else None
        letter = _ORDINAL.get(said, said) if said else None
        if letter in options and not candidates(0, options[letter].split()[0]):
            text = f"Please {options[letter]}."  # the option's words, on the answer's line
        elif letter in options:
            # "(b) z0tv…c.fastly-validations.com (as shown in the console)?": the value the
            # question offered in place of the one sent, chosen: the value corrected
            text = f"Sorry, the correct value is {options[letter]}."
        out.append((number, text))
    return out


def affirmed_questions(
    numbered: list[tuple[int, str]], earlier: list[str]
) -> list[tuple[int, str]]:
    """The lines of a comment that answer our yes/no questions with a yes ("Yes to both." to
    our "1. … can we delete it? 2. … a TTL of 60. OK to use that?"), the yes rewritten as
    what each question proposed ("Please delete that TXT record. Please go with 60.")."""
    questions = [
        (earlier[k - 1] if k else "", line)
        for k, line in enumerate(earlier[:MAX_ITEMS])
        for _ in range(line.count("?"))  # (each question a line asks counts)
        if line.rstrip().endswith("?")
    ]
    if not questions:
        return numbered  # the common case
    out = list(numbered)
    for k, (number, text) in enumerate(numbered[:_ANSWER_LINES]):
        if not text.strip() or _GREETING_ONLY.match(text):
            continue
        yes = _YES_TO.match(text)
        if yes is None:
            return numbered  # the answer starts otherwise
        said = (yes.group(1) or "").lower()
        wanted = 2 if said == "both" else (len(questions) if said else 1)
        if len(questions) != wanted or (said == "all" and wanted < 2):
            return numbered
        proposed = [p for before, q in questions if (p := _proposal(before, q))]
        if proposed:
            out[k] = (number, " ".join(proposed) + " " + text[yes.end() :].lstrip(" .,!"))
        return out
    return numbered


def yes_unread(numbered: list[tuple[int, str]], earlier: list[str]) -> tuple[int, str] | None:
    """The line of a reply that starts with a yes to all our questions ("Hi Kwabena - yes to
    both."), when `affirmed_questions` could not say what that yes asks for."""
    if not any(line.rstrip().endswith("?") for line in earlier[:MAX_ITEMS]):
        return None  # the common case: we asked nothing
    for number, text in numbered[:_ANSWER_LINES]:
        if not text.strip() or _GREETING_ONLY.match(text):
            continue
        yes = _YES_TO.match(text)  # ("Yes." to "Is this right?" confirms what was read)
        return (number, text) if yes and yes.group(1) else None
    return None


def _proposal(before: str, question: str) -> str | None:
    """What one yes/no question of ours proposed, as a request (not of a question with
    several on its line, nor of one offering alternatives: "… or only www?")."""
    if question.count("?") > 1:
        return None
    gone = _GO_OR_KEPT.search(question)
    if gone:  # "Should the globalsign.com CAA go at the same time, or do you want that one
        # kept?": a yes chooses the removal (the rest of the answer, "after issuance", says when)
        return f"Please remove {gone['what'] or gone['object']},"
    if _ALTERNATIVES.search(question):
        return None
    asked = _MAY_WE_DELETE.search(question)
    if asked and asked["type"]:
        return f"Please delete the {asked['type'].upper()} records at that name."
    if asked:
        types = {t.upper() for t in _TYPE_WORD.findall(f"{before} {question}")}
        return f"Please delete that {types.pop()} record." if len(types) == 1 else None
    if "ttl" in f"{before} {question}".lower():
        # the number the TTL is given as ("… on #65117, you had us put these at TTL 300"),
        # else the one number said
        said = f"{before} {question}"
        numbers = {a or b for a, b in _TTL_GIVEN.findall(said)} or set(_TTL_NUMBER.findall(said))
        return f"Please go with {numbers.pop()}." if len(numbers) == 1 else None
    return None


_ALTERNATIVES = re.compile(r"\bor\b", re.I)
# "Should the globalsign.com CAA go too, or do you want that one kept?", "Can we remove the
# old DigiCert TXT as well, or should it stay?": a removal, or keeping the record
_GO_OR_KEPT = re.compile(
    r"\b(?:should|can|could|shall|may)[ \t]+(?:"
    r"(?P<what>(?:the|that|this)[ \t]+[^?,;]{1,60}?)[ \t]+(?:also[ \t]+)?(?:go|be[ \t]+"
    r"(?:removed|deleted|dropped))|"
    r"(?:we|I)[ \t]+(?:also[ \t]+)?(?:remove|delete|drop)[ \t]+"
    r"(?P<object>(?:the|that|this)[ \t]+[^?,;]{1,60}?))"
    # (never "should the records go into the gov.uk zone, or …": the removal, then the choice)
    r"(?:[ \t]+(?:too|as[ \t]+well|also|now|together|with[ \t]+it|at[ \t]+the[ \t]+same[ \t]+"
    r"time))?[ \t]*,?[ \t]+or\b[^?]{0,60}?\b(?:kept|keep|stay|remain|left|leave)\b",
    re.I,
)
_ANSWER_LINES = 6  # lines of an answer looked at for the yes it starts with
_GREETING_ONLY = re.compile(
    r"^[ \t]*(?:hi|hello|hey|dear|morning|afternoon)\b[^.!?]{0,40}[,!]?[ \t]*$", re.I
)
# "Yes to both.", "Yes to all three", "Yes, please.", "Yep."
_YES_TO = re.compile(
    # ("Hi Kwabena - yes to both.": after a greeting on the same line)
    r"^[ \t]*(?:(?:hi|hello|hey|morning|afternoon)[ \t]+[\w'\u2019-]{1,30}[ \t]*"
    r"[,\-\u2013:!][ \t]*)?(?:yes|yep|yeah|sure)\b(?:[ \t]+to[ \t]+(both|all)(?:[ \t]+(?:of[ \t]+"
    r"them|three|four|questions))?)?(?:[ \t]*,?[ \t]*please)?[ \t]*[.!,]",
    re.I,
)
# "can we delete it?", "could we also remove that?"
_MAY_WE_DELETE = re.compile(
    r"\b(?:can|could|shall|should|may|do)[ \t]+(?:we|I)[ \t]+(?:also[ \t]+|now[ \t]+|just[ \t]+)?"
    r"(?:delete|remove|drop)[ \t]+(?:it|that|this|them|those|"
    # "Do I just delete the TXT records and then add your CNAME?"
    r"the[ \t]+(?P<type>TXT|CNAME|CAA)[ \t]+(?:records?|entries|values|ones))\b"
    # "… from the 2023 GlobalSign order. Bin it?", "OK to remove that?"
    r"|(?:^|[.!?:][ \t]+)(?:(?:is[ \t]+it[ \t]+)?(?:ok|okay|safe|fine)[ \t]+to[ \t]+)?"
    r"(?:bin|delete|remove|drop|scrap|ditch)[ \t]+(?:it|that|this|them|those)"
    r"[ \t]*(?:now[ \t]*)?\?",
    re.I,
)
_TTL_NUMBER = re.compile(r"\b(\d{2,6})\b(?![ \t]*(?:days?|%))")
_TTL_GIVEN = re.compile(
    r"\bTTL(?:[ \t]+(?:of|at|to|is|=|:))?[ \t]*(\d{2,6})\b|\b(\d{2,6})[ \t]?(?:s|secs?|seconds)\b",
    re.I,
)


def type_meant(text: str, asked: list[str]) -> str | None:
    """The record type an answer names first ("CNAME. Sorry - our macro says "TXT record" for
    every challenge") to our question offering both ("Did you mean a CNAME, or really a
    TXT?")."""
    question = " ".join(asked[:MAX_ITEMS]).upper()
    if "?" not in question or "CNAME" not in question or "TXT" not in question:
        return None  # the common case, cheaply
    answer = _GREETING.sub("", text.strip(), count=1)
    said = _TYPE_FIRST.match(answer)
    return said.group(1).upper() if said else None


# "CNAME.", "A CNAME please -", "CNAME, sorry!"
_TYPE_FIRST = re.compile(
    r"^\W{0,3}(?:(?:yes|sorry)[,.!]?[ \t]+)?(?:a[ \t]+)?(CNAME|TXT)\b(?:[ \t]+(?:please|record))?"
    r"[ \t]*[.!,;:\u2013\u2014-]",
    re.I,
)


def held_until_issued(text: str) -> list[tuple[str, frozenset[str]]]:
    """ "So please add the certainly.com CAA record only after this certificate has been
    issued": (type, the dotted words the sentence names) for each record a later comment says
    to add only once the certificate is issued - a request made before, now held."""
    if "issu" not in text.lower():
        return []  # the common case, cheaply
    held = []
    for sentence in prose.sentences_of(text):
        if action_cue(sentence) not in ("add", "update") or not _HELD.search(sentence):
            continue
        if not AFTER_ISSUANCE.search(sentence):
            continue
        types = {t.upper() for t in _TYPE_WORD.findall(sentence)}
        if len(types) != 1 or is_negated(sentence):
            continue
        words = {w.strip("`'\"(),.;:").lower() for w in sentence.split()}
        held.append((types.pop(), frozenset(w for w in words if "." in w)))
    return held


def removals_due(text: str) -> bool:
    """ "Both names validated overnight and the certificate was issued at 06:40 this morning,
    so (c) is now due: please remove the two GlobalSign TXT records": a later comment that
    reports the certificate issued and asks, in a sentence with no wait of its own, for the
    removals held until then - they are asked for now."""
    low = text.lower()
    if "issu" not in low:
        return False  # the common case, cheaply
    sentences = prose.sentences_of(text)
    if not any(_reports_issued(s) for s in sentences):
        return False
    if any(_NOT_YET.search(s) for s in sentences):
        return False  # ("… issued for www; the apex one is still pending, so not yet for that")
    return any(
        (_NOW_DUE.search(s) or action_cue(s) == "delete")
        and not AFTER_ISSUANCE.search(s)
        and not _CONDITION.search(s)
        for s in sentences
    )


def _reports_issued(sentence: str) -> bool:
    """Does the sentence report the certificate issued ("the certificate was issued at 06:40",
    "the new cert has been issued"), not set it as a condition ("once it has been issued")?"""
    return any(
        not _CONDITION.search(sentence[: m.start()]) for m in _ISSUED_NEWS.finditer(sentence)
    )


# "the certificate was issued at 06:40", "the new cert has now been issued", "GlobalSign has
# issued the renewed certificate", "the Let's Encrypt certificate is now issued"
_ISSUED_NEWS = re.compile(
    r"\b(?:cert(?:ificate)?s?[ \t]{1,3}(?:has[ \t]{1,3}(?:now[ \t]{1,3})?been|have[ \t]{1,3}"
    r"(?:now[ \t]{1,3})?been|is[ \t]{1,3}now|are[ \t]{1,3}now|was|were|got)[ \t]{1,3}issued|"
    r"(?:has|have)[ \t]{1,3}(?:now[ \t]{1,3})?issued[ \t]{1,3}(?:the|our|your)[ \t]{1,3}"
    r"(?:new[ \t]{1,3}|renewed[ \t]{1,3})?cert(?:ificate)?)\b",
    re.I,
)
# "so (c) is now due", "the removals are now due", "that step is due now"
_NOW_DUE = re.compile(r"\b(?:is|are)[ \t]{1,3}(?:now[ \t]{1,3}due|due[ \t]{1,3}now)\b", re.I)
# "please don't delete it yet", "not yet", "still needed", "still pending": something still
# waits
_NOT_YET = re.compile(
    r"\bnot[ \t]{1,3}yet\b|n['’]t[ \t]+\w+[ \t]+(?:\w+[ \t]+)?yet\b|"
    r"\bstill[ \t]{1,3}(?:needed|required|in[ \t]{1,3}use|pending|waiting|outstanding)\b",
    re.I,
)


# "only after", "not until", "can wait until", "hold off": the request waits
_HELD = re.compile(
    r"\b(?:only[ \t]+(?:after|once|when)|not[ \t]+(?:before|until)|(?:can|should|must)[ \t]+wait"
    r"[ \t]+(?:until|till)|hold[ \t]+off)\b",
    re.I,
)


# "Please use the one in my first message", "go with the value from my original email"
_FIRST_WINS = re.compile(
    r"\b(?:use|go[ \t]+with|keep|publish|add)[ \t]+the[ \t]+(?:one|value|token|record)[ \t]+"
    r"(?:in|from)[ \t]+(?:my|our|the)[ \t]+(?:first|original|initial|earlier)[ \t]+"
    r"(?:message|e-?mail|comment|reply|update)\b",
    re.I,
)


def removal_refused(text: str) -> frozenset[str] | None:
    """ "Please do NOT remove the GlobalSign record (your item 2)", "please DON'T remove the
    globalsign-domain-verification TXT on account.gov.uk yet. Leave it where it is for now.",
    "Hold off on deleting the old CNAME": the deletes asked for before that a later comment
    takes back, as a withdrawal scope for `decide` ("!delete": deletes only; then the kind of
    data, the type and the name the words give). None: no removal refused. A removal held
    until the certificate is issued ("don't remove it until …") is no refusal: it waits."""
    low = text[:20_000].lower()
    if not any(word in low for word in ("remov", "delet", "leave", "hold off", "touch", "drop")):
        return None  # the common case, cheaply
    if _NOTHING_TO_REMOVE.search(text[:20_000]):
        return frozenset({"!delete"})  # "There is nothing to delete, please ignore point 1."
    taken_back = _REMOVAL_TAKEN_BACK.search(text[:20_000])
    if taken_back:
        # "Ignore what I said about removing it after issuance": the removal asked for, whenever
        what = taken_back.group("what").lower()
        return frozenset(
            {"!delete"}
            | {t.upper() for t in _TYPE_WORD.findall(what)}
            | {f"{n.rstrip('.')}." for n in _NAME_IN.findall(what)}
        )
    if AFTER_ISSUANCE.search(text[:20_000]):
        return None  # "leave it alone for now … remove it once the new certificate is out"
    for sentence in prose.sentences_of(text[:20_000]):
        m = _REMOVAL_REFUSED.search(sentence)
        if m is None or _WAITS_FOR.search(sentence):
            continue
        what = (m.group("what") or m.group("kept") or "").lower()
        scope = {"!delete"}
        scope |= {"=globalsign-domain-verification"} if "globalsign" in what else set()
        scope |= {f"={kind}" for kind in _KIND.findall(what)}
        scope |= {t.upper() for t in _TYPE_WORD.findall(what)}
        scope |= {f"{n.rstrip('.')}." for n in _NAME_IN.findall(what)}
        if scope == {"!delete"} and not _PRONOUN.match(what):
            continue  # "don't touch the other records": which, the words do not say
        return frozenset(scope)
    return None


# "don't remove the globalsign-domain-verification TXT on account.gov.uk yet", "do NOT delete
# the GlobalSign record", "hold off on deleting the old CNAME", "Leave the TXT where it is for
# now" (the words after the verb, up to the sentence's end, say which)
_REMOVAL_REFUSED = re.compile(
    r"\b(?:(?:do[ \t]+not|don't|never|no[ \t]+need[ \t]+to)[ \t]+(?:remove|delete|touch|drop|pull)"
    r"|hold[ \t]+off[ \t]+(?:on[ \t]+)?(?:the[ \t]+)?(?:removing|deleting|removal|deletion|delete)"
    # (a name's dots are no sentence's end: "anything from account.gov.uk's CAA set")
    r"(?:[ \t]+of)?)\b(?P<what>(?:[^.;:\n]|\.(?=\w)){0,100})"
    r"|\b(?:leave|keep)[ \t]+(?P<kept>the[ \t]+[^.;:\n]{1,80}?|it|that[ \t]+one)[ \t]+"
    r"(?:where[ \t]+it[ \t]+is|in[ \t]+place|as[ \t]+it[ \t]+is|alone)[ \t]+for[ \t]+now\b",
    re.I,
)
# "Ignore what I said about removing it after issuance", "forget my note about deleting the
# old CNAME": a removal asked for before, taken back
_REMOVAL_TAKEN_BACK = re.compile(
    r"\b(?:ignore|disregard|forget)[ \t]+(?:what[ \t]+I[ \t]+(?:said|wrote|asked)|my[ \t]+"
    r"(?:note|comment|request|point|line))[ \t]+(?:about|re|regarding|on)[ \t]+"
    r"(?:removing|deleting|the[ \t]+(?:removal|deletion)[ \t]+of)\b(?P<what>[^.;:\n]{0,100})",
    re.I,
)
_NOTHING_TO_REMOVE = re.compile(
    r"\bthere(?:['\u2019]s|[ \t]+is)[ \t]+nothing[ \t]+(?:there[ \t]+)?to[ \t]+(?:delete|remove)\b",
    re.I,
)
_WAITS_FOR = re.compile(r"\b(?:until|till|before|unless)\b", re.I)  # a removal held, not refused
# what kind of data: "the google-site-verification record", "the old digicert one"
_KIND = re.compile(r"\b([a-z0-9]+(?:-[a-z0-9]+)*-verification|digicert|sectigo|comodo(?:ca)?)\b")
_PRONOUN = re.compile(
    r"^[ \t]*(?:it|that[ \t]+one|that[ \t]+record)?[ \t]*"
    r"(?:yet|for[ \t]+now|just[ \t]+yet)?[ \t,]*$"
)
_NAME_IN = re.compile(r"\b((?:[a-z0-9_-]{1,63}\.)+gov\.uk)\b\.?", re.I)


def removal_held(text: str) -> bool:
    """Does a comment say the old value asked to be replaced stays until the certificate is
    issued ("please do NOT remove the old TXT record yet … remove the old value only after we
    confirm the new certificate is issued")? The update asked for before is an add now and a
    delete after issuance."""
    low = text.lower()
    if "old" not in low or ("remov" not in low and "delet" not in low):
        return False  # the common case, cheaply
    return any(
        _OLD_KEPT.search(sentence)
        or (_OLD_REMOVED.search(sentence) and AFTER_ISSUANCE.search(sentence))
        for sentence in prose.sentences_of(text)
    )


_OLD_KEPT = re.compile(
    r"\b(?:do[ \t]+not|don['’]?t|not)[ \t]+(?:remove|delete)[ \t]+(?:the[ \t]+)?old\b"
    r"[^.\n]{0,40}?\byet\b",
    re.I,
)
_OLD_REMOVED = re.compile(
    r"\b(?:remove|delete)[ \t]+(?:the[ \t]+)?old[ \t]+(?:value|record|token|string|txt|one)\b",
    re.I,
)


def removals_wait(text: str) -> bool:
    """Does a later comment hold back the removal asked for before ("Please hold off on
    removing it. Keep it in place until the new certificate … has been issued")?"""
    low = text.lower()
    if "hold off" not in low and "until" not in low and "only" not in low:
        return False  # the common case, cheaply
    return any(
        _HOLD_OFF_REMOVING.search(sentence)
        or (
            (_KEEP_IT_UNTIL.search(sentence) or _REMOVE_ONLY_AFTER.search(sentence))
            and AFTER_ISSUANCE.search(sentence)
        )
        for sentence in prose.sentences_of(text)
    )


# "So please keep the TXT record for the moment. Remove it only after the Certainly certificate
# is issued and live"
_REMOVE_ONLY_AFTER = re.compile(
    r"\b(?:remove|delete|pull|drop|take[ \t]+out)[ \t]+(?:it|them|that(?:[ \t]+one)?|those|"
    r"the[ \t]+(?:TXT|CNAME|CAA|record|token))(?:[ \t]+record)?[ \t]+only[ \t]+"
    r"(?:after|once|when)\b|"
    # "please do NOT delete it yet: leave it in place and only remove it once …"
    r"\bonly[ \t]+(?:then[ \t]+)?(?:remove|delete|pull|drop)[ \t]+(?:it|them|that(?:[ \t]+one)?|"
    r"those)[ \t]+(?:after|once|when)\b",
    re.I,
)


def removals_paused(text: str) -> bool:
    """Does a later comment put the removal asked before on hold while the vendor checks it
    ("Actually, hold on: the apex may still be used … Let me check with our TLS team and come
    back to you")? Not a wait for the certificate (`removals_wait`): a question still open."""
    low = text.lower()
    if "hold" not in low and "wait" not in low and "yet" not in low and "hang" not in low:
        return False  # the common case, cheaply
    flat = " ".join(text.split())
    if not _PAUSED.search(flat) or not _CHECKING_BACK.search(flat):
        return False
    return not any(
        _PAUSED.search(sentence) and AFTER_ISSUANCE.search(sentence)
        for sentence in prose.sentences_of(text)
    )


# "hold on", "hang on", "please wait", "don't delete anything yet"
_PAUSED = re.compile(
    r"\b(?:hold[ \t]+on|hang[ \t]+on|(?:please|just|but)[ \t]+wait|wait[ \t]+a[ \t]+(?:moment|sec"
    r"|second|minute|bit)|(?:don['\u2019]?t|do[ \t]+not)[ \t]+(?:remove|delete|touch)[ \t]+"
    r"(?:anything|it|them|either(?:[ \t]+(?:one|of[ \t]+them))?)[ \t]+(?:yet|for[ \t]+now))\b",
    re.I,
)
# "Let me check with our TLS team and come back to you", "I'll confirm which one"
_CHECKING_BACK = re.compile(
    r"\b(?:let[ \t]+me|I['\u2019]ll|I[ \t]+will|we['\u2019]ll|we[ \t]+will|I[ \t]+need[ \t]+to|"
    r"we[ \t]+need[ \t]+to)[ \t]+(?:double-?[ \t]?check|check|confirm|verify|find[ \t]+out)\b|"
    r"\b(?:come|get|circle)[ \t]+back[ \t]+to[ \t]+you\b",
    re.I,
)


# "Please hold off on removing it", "hold off deleting them for now"
_HOLD_OFF_REMOVING = re.compile(
    r"\bhold[ \t]+off[ \t]+(?:on[ \t]+)?(?:removing|deleting|taking[ \t]+(?:it|them)[ \t]+out)"
    r"[ \t]+(?:it|them|that(?:[ \t]+one)?|those)\b",
    re.I,
)
# "Keep it in place until the new certificate … has been issued"
_KEEP_IT_UNTIL = re.compile(
    r"\b(?:keep|leave)[ \t]+(?:it|them|that(?:[ \t]+one)?|those)[ \t]+(?:in[ \t]+place[ \t]+|"
    r"where[ \t]+it[ \t]+is[ \t]+|as[ \t]+it[ \t]+is[ \t]+|there[ \t]+)?"
    r"(?:for[ \t]+now[ \t]+)?until\b",
    re.I,
)


def first_wins(text: str) -> bool:
    """Does a later comment choose the value its first message gave over a later one?"""
    return bool(_FIRST_WINS.search(" ".join(text.split())))


_FOR_HOST = re.compile(r"^\W*for[ \t]+((?:[a-z0-9-]{1,63}\.){2,10}[a-z]{2,24})\.?\W", re.I)


def ttls_for_names(text: str) -> list[tuple[str, int]]:
    """ "For _acme-challenge.www.gov.uk they'd like a much shorter TTL, 60 seconds instead of
    the 3600 I gave you": (owner, TTL) for each sentence of a later comment that names one
    validation owner and gives it a TTL."""
    if "ttl" not in text.lower():
        return []  # the common case, cheaply
    found = []
    for sentence in prose.sentences_of(text):
        owners = prose.owners_in(sentence)
        host = _FOR_HOST.search(sentence) if not owners else None
        if host:  # "For www.x.gov.uk please use a TTL of 300": the records validating it
            owners = {"~" + host.group(1).lower().rstrip(".")}
        if len(owners) != 1 or "ttl" not in sentence.lower() or durations.left_open(sentence):
            continue
        ttl = durations.duration_instead(sentence) or prose.ttl_in(sentence)
        if ttl is not None and 0 <= ttl <= 2**31 - 1:
            found.append((owners.pop(), ttl))
    return found


# "The GlobalSign authorisation should stay for now", "the DigiCert entry must remain": the
# records of that CA stay (for now), whatever a table below says to remove
_KIND_STAYS = re.compile(
    r"\b(GlobalSign|DigiCert|Sectigo|Let['’]?s[ \t]+Encrypt|(?:globalsign|digicert|sectigo|"
    r"letsencrypt)\.(?:com|org))[ \t]+(?:[\w.-]+[ \t]+){0,2}?(?:authori[sz]ation|entry|record|"
    r"CAA|TXT|token|line|issuer)s?[ \t]+(?:should|must|can|will|needs?[ \t]+to)[ \t]+"
    r"(?:stay|remain)\b",
    re.I,
)


def removal_taken_back(line: str) -> frozenset[str] | None:
    """What a line takes back, said below a removal in the same comment with words of a change
    of mind ("Edit before sending: on second thoughts, leave the digicert one alone …
    nothing to remove", "Actually, keep the GlobalSign TXT", "Correction: don't remove the
    letsencrypt.org line"): the CAs whose records stay, as the word their data holds
    ("digicert"); "*" for every removal above it ("nothing to remove"); None when it says
    no such thing (or only when: "leave it until the new certificate is out")."""
    low = line.lower()
    if not any(w in low for w in _CHANGE_OF_MIND_WORDS) or not _CHANGE_OF_MIND.search(line):
        return None  # the common case, cheaply
    found: set[str] = set()
    for sentence in prose.split_sentences(line):
        if _ONLY_A_WHILE.search(sentence):
            continue
        found |= {_ca_word(m.group(1) or m.group(2)) for m in _CA_LEFT.finditer(sentence)}
        found |= {"*"} if _NOTHING_LEFT_TO_REMOVE.search(sentence) else set()
    return frozenset(found) if found else None


def _ca_word(said: str) -> str:
    word = re.sub(r"[^a-z]", "", said.lower().split(".")[0])
    return "letsencrypt" if word.startswith("lets") else word


_CHANGE_OF_MIND_WORDS = ("second", "actually", "edit", "correction", "change", "scratch", "wait")
_CHANGE_OF_MIND = re.compile(
    r"\b(?:on[ \t]+second[ \t]+thoughts?|actually|edit(?:ed)?(?:[ \t]+before[ \t]+sending)?[ \t]*:|"
    r"correction|change[ \t]+of[ \t]+plan|scratch[ \t]+that|wait)\b",
    re.I,
)
_CA_NAME = (
    r"(GlobalSign|DigiCert|Sectigo|Comodo|Certainly|Let['’]?s[ \t]+Encrypt|"
    r"(?:globalsign|digicert|sectigo|comodoca|certainly|letsencrypt)\.(?:com|org))"
)
# "leave the digicert one alone", "keep the GlobalSign TXT", "don't remove the
# letsencrypt.org line", "the DigiCert CAA can stay"
_CA_LEFT = re.compile(
    r"\b(?:(?:leave|keep|retain)|(?:do[ \t]+not|don['’]?t)[ \t]+(?:remove|delete|touch|drop))"
    rf"[ \t]+(?:the[ \t]+)?{_CA_NAME}(?:[ \t]+(?:one|record|entry|line|CAA|TXT|token|issuer)s?)?"
    r"(?:[ \t]+(?:alone|in[ \t]+place|as[ \t]+it[ \t]+is|where[ \t]+it[ \t]+is|be))?\b"
    rf"|\bthe[ \t]+{_CA_NAME}[ \t]+(?:one|record|entry|line|CAA|TXT|token|issuer)[ \t]+"
    r"(?:can|should|must|will)[ \t]+(?:stay|remain)\b",
    re.I,
)
_NOTHING_LEFT_TO_REMOVE = re.compile(
    r"\bnothing[ \t]+(?:to[ \t]+(?:remove|delete)|(?:needs|has)[ \t]+(?:to[ \t]+be[ \t]+)?"
    r"(?:removing|removed|deleting|deleted))\b|\bno[ \t]+(?:removals?|deletions?)\b"
    r"|\b(?:do[ \t]+not|don['’]?t)[ \t]+(?:remove|delete)[ \t]+anything\b",
    re.I,
)
_ONLY_A_WHILE = re.compile(
    r"\b(?:until|till|before(?![ \t]+sending)|once|after|for[ \t]+now|yet|"
    r"for[ \t]+the[ \t]+moment)\b",
    re.I,
)


def kinds_kept(text: str) -> frozenset[str]:
    """The CAs whose records a comment says stay ("The GlobalSign authorisation should stay
    for now"), as the word their records' data holds ("globalsign")."""
    if "stay" not in text.lower() and "remain" not in text.lower():
        return frozenset()  # the common case, cheaply
    found = set()
    for m in _KIND_STAYS.finditer(" ".join(text.split())):
        if not is_negated(m.group(0)):
            word = re.sub(r"[^a-z]", "", m.group(1).lower().split(".")[0])
            found.add("letsencrypt" if word.startswith("lets") else word)
    return frozenset(found)


# Our question that proposes removing the record it shows ("Should we remove the old one?",
# "Can we delete it?", "Is it OK to remove that CNAME?", "Can that one go?", "Should that go as
# well, now that you're off GlobalSign?", "OK to bin it?", "Shall we take it out too?")
_ASKS_REMOVAL = re.compile(
    r"\b(?:(?:should|shall|can|could|may)[ \t]+(?:we|i)[ \t]+(?:also[ \t]+|just[ \t]+)?"
    r"(?:go[ \t]+ahead[ \t]+and[ \t]+)?"
    r"(?:remove|delete|drop|clear|tidy|clean|bin|ditch|take[ \t]+(?:it|that|this)[ \t]+out|"
    r"get[ \t]+rid)|(?:is[ \t]+it[ \t]+)?(?:ok(?:ay)?|safe|fine)[ \t]+to[ \t]+"
    r"(?:remove|delete|drop|bin)|(?:can|could|should|shall|may)[ \t]+(?:it|that|this|"
    r"the[ \t]+old[ \t]+one|(?:that|this)[ \t]+(?:one|record|token|entry)|they|those)[ \t]+"
    r"(?:also[ \t]+)?(?:go|be[ \t]+(?:removed|deleted|dropped))"
    # ("Should that go in the apex zone?" asks where it goes, not whether)
    r"(?![ \t]+(?:in|into|to|at|on|under|ahead|live|through|first|before|with)\b)"
    r"|do[ \t]+you[ \t]+want[ \t]+(?:us[ \t]+)?to[ \t]+"
    r"(?:remove|delete|drop))\b[^?\n]{0,160}\?",
    re.I,
)


def asks_removal(lines: list[str]) -> bool:
    """Does our comment ask whether to remove a record ("Should we remove the old one?")?"""
    return any(_ASKS_REMOVAL.search(line) for line in lines if "?" in line)


# "Please hold off removing the old token until the new certificate has actually been issued":
# the removal of that type waits, whatever else the comment says to do now
_HOLD_OFF_THE = re.compile(
    r"\b(?:hold[ \t]+off[ \t]+(?:on[ \t]+)?|wait[ \t]+(?:with|on|before)[ \t]+|"
    r"(?:do[ \t]+not|don['’]?t)[ \t]+(?:start[ \t]+)?)"
    r"(?:removing|deleting|remove|delete|taking[ \t]+out|take[ \t]+out)[ \t]+the[ \t]+"
    r"(?:old[ \t]+|existing[ \t]+|previous[ \t]+|current[ \t]+)?"
    r"(?:GlobalSign[ \t]+|DigiCert[ \t]+)?"
    r"(token|TXT|CNAME|CAA|string|verification[ \t]+record)s?\b",
    re.I,
)
# "please keep the GlobalSign TXT for now", "leave the old token in place for now"
_KEEP_FOR_NOW = re.compile(
    r"\b(?:keep|leave)[ \t]+the[ \t]+(?:old[ \t]+|existing[ \t]+)?"
    r"(?:GlobalSign[ \t]+|DigiCert[ \t]+)?(TXT|token|CAA|CNAME|string)(?:[ \t]+record)?[ \t]+"
    r"(?:in[ \t]+place[ \t]+)?for[ \t]+now\b",
    re.I,
)
# "Wait for the cert", "wait for the new certificate": until it is issued
_WAIT_FOR_CERT = re.compile(
    r"\bwait[ \t]+for[ \t]+the[ \t]+(?:new[ \t]+|renewed[ \t]+)?cert(?:ificate)?\b", re.I
)
_UNTIL_ISSUED = re.compile(
    r"\b(?:until|till)\b[^.\n]{0,80}?\b(?:issued|renewed|live|deployed|active)\b", re.I
)
_HELD_TYPE = {"token": "TXT", "string": "TXT", "txt": "TXT", "cname": "CNAME", "caa": "CAA"}


def removal_held_types(text: str) -> frozenset[str]:
    """The record types whose removal a later comment holds until the certificate is issued,
    by the thing it names ("hold off removing the old token until … issued": TXT; "please keep
    the GlobalSign TXT for now … Wait for the cert": TXT)."""
    low = text.lower()
    if "until" not in low and "after" not in low and "once" not in low and "for now" not in low:
        return frozenset()  # the common case, cheaply
    found: set[str] = set()
    flat = " ".join(text.split())
    if _HOLD_OFF_THE.search(flat) is None and _KEEP_FOR_NOW.search(flat) is None:
        return frozenset()  # (before the text is split into sentences)
    kept = _KEEP_FOR_NOW.search(flat)
    if kept and (_WAIT_FOR_CERT.search(flat) or AFTER_ISSUANCE.search(flat, kept.end())):
        found.add(_HELD_TYPE.get(kept.group(1).lower(), "TXT"))
    for sentence in prose.sentences_of(text):
        m = _HOLD_OFF_THE.search(sentence)
        if m and (
            AFTER_ISSUANCE.search(sentence, m.end()) or _UNTIL_ISSUED.search(sentence, m.end())
        ):
            thing = m.group(1).lower()
            found.add(_HELD_TYPE.get(thing, "TXT"))
    return frozenset(found)


# "so please remove both", "you can delete them", "please remove all three": the records our
# last comment showed, every one of them
_REMOVE_THOSE = re.compile(
    r"\b(?:remove|delete|clear|take[ \t]+out|get[ \t]+rid[ \t]+of)[ \t]+"
    r"(?:both(?:[ \t]+of[ \t]+(?:them|those))?|them(?:[ \t]+(?:both|all))?|those(?:[ \t]+two)?|"
    r"all[ \t]+of[ \t]+them|all[ \t]+(?:two|three|four))"
    r"(?![ \t]+(?:CNAME|TXT|CAA|records?)[ \t]+(?:at|on|for)\b)"
    r"(?:[ \t]+(?P<type>CNAME|TXT|CAA)s?)?(?:[ \t]+(?:records?|entries|tokens?))?"
    # (the words end there: never "remove both A records from the pool")
    r"(?=[ \t]*(?:[.,;:!)]|$|please\b|now\b|too\b|as[ \t]+well\b|today\b|whenever\b|from\b))",
    re.I,
)


_NOT_BEFORE = re.compile(
    r"(?:n['’]t|\bnot|\bnever|\bno[ \t]+need[ \t]+to)[ \t]+(?:\w+[ \t]+)?$", re.I
)


def removal_count(text: str) -> int | None:
    """How many records "remove both" / "delete all three" points at (None: "them", "those")."""
    if _REMOVE_THOSE.search(text) is None:
        return None
    for sentence in prose.sentences_of(text):
        m = _REMOVE_THOSE.search(sentence)
        if m:
            words = m.group(0).lower().split()
            if "both" in words or "two" in words:
                return 2
            if "three" in words:
                return 3
            return 4 if "four" in words else None
    return None


def removes_those(text: str) -> frozenset[str] | None:
    """The types of the records our last comment showed that a vendor's reply asks to remove
    by pointing at all of them ("so please remove both"; "" for any type), or None."""
    low = text.lower()
    if not any(w in low for w in ("remove", "delete", "drop", "clear", "take out", "rid of")):
        return None  # the common case, cheaply
    if _REMOVE_THOSE.search(text) is None:
        return None  # (one search of the whole text before it is split into sentences)
    for sentence in prose.sentences_of(text):
        m = _REMOVE_THOSE.search(sentence)
        if m is None or is_negated(sentence[: m.end()]) or _CONDITION.search(sentence[: m.start()]):
            continue
        if _NOT_BEFORE.search(sentence[max(0, m.start() - 40) : m.start()]):
            continue  # "Please don't remove those two!"
        named = {t.upper() for t in _TYPE_WORD.findall(sentence)}
        return frozenset({m.group("type").upper()} if m.group("type") else named or {""})
    return None


# "Two of the three are valid already", "the first two are already validated": some records of
# this very mail are done (which ones is for a person, when no other reader said)
_ALREADY_DONE = re.compile(
    r"\b(?:are|is|have[ \t]+been|has[ \t]+been)[ \t]+(?:already[ \t]+(?:valid|validated|verified)|"
    r"(?:valid|validated|verified)[ \t]+already)\b",
    re.I,
)


def done_already(numbered: list[tuple[int, str]]) -> tuple[int, str, frozenset[str]] | None:
    """(line, sentence, hosts it names) of the first sentence of a mail saying some of its own
    records are already done ("Two of the three are valid already"), or None."""
    for number, text in numbered:
        if "already" not in text.lower():
            continue
        for sentence in prose.split_sentences(text):
            m = _ALREADY_DONE.search(sentence)
            # (never the certificate: "the new certificate is already verified and live")
            if (
                m
                and "?" not in sentence
                and not is_negated(sentence[: m.end()])
                and not ("cert" in sentence.lower() or "order" in sentence.lower())
            ):
                return number, sentence.strip(), prose.hosts_named(sentence)
    return None


# "please don't remove any _acme-challenge CNAMEs pointing at fastly-validations.com": no
# removal of records of that kind, whatever was said before
_NO_REMOVAL_OF_KIND = re.compile(
    r"\b(?:don['’]t|do[ \t]+not|never)[ \t]+(?:remove|delete|drop)[ \t]+(?:any|the|those)[ \t]+"
    r"(?:of[ \t]+(?:the|your)[ \t]+)?`?(_acme-challenge|_dnsauth)`?[ \t]+(CNAME|TXT|record)s?\b",
    re.I,
)


def removals_refused(text: str) -> frozenset[tuple[str, str]]:
    """(label, type) of the records a comment says are never to be removed ("please don't
    remove any _acme-challenge CNAMEs"; type "" for any)."""
    low = text.lower()
    if ("remov" not in low and "delet" not in low) or (
        "_acme" not in low and "_dnsauth" not in low
    ):
        return frozenset()  # the common case, cheaply
    return frozenset(
        (m.group(1).lower(), "" if m.group(2).lower() == "record" else m.group(2).upper())
        for m in _NO_REMOVAL_OF_KIND.finditer(" ".join(text.split()))
    )

"""Sentences about records already shown, and requests still waiting for theirs.

"That TXT record should be removed", "once issued it can be deleted", "the globalsign one",
"please replace OLD with NEW" refer back to the records of the block before; "please add a
TXT record" with no record read waits for the block it introduces and, if none comes,
becomes an `unread_value` flag. A mixin of `Walker` (bot/reading/walker.py), whose state
(`mentions`, `recent`, `pending`, `earlier_types`, `_add`) it reads and changes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, TypeVar

from bot.models import Flag, Observed, Source
from bot.reading import actions, cues, durations, prose
from bot.reading.candidates import candidates
from bot.reading.changes import validated_domain
from bot.reading.mentions import Mention, Mode, excerpt
from bot.reading.tokens import data_in

# "that TXT record", "the existing TXT", "this CNAME": one record named by its type alone.
_THAT_RECORD = re.compile(
    r"\b(?:that|this|the(?:\s+(?:existing|old|leftover|left-over|current))?)\s+(TXT|CNAME|CAA)\b",
    re.I,
)
# "The last entry is last year's token", "the second one is ours": a place in what was shown
# "that's your cue for the delete", "go ahead with the removal": the removal asked already
_THE_REMOVAL = re.compile(
    r"\b(?:for|with|do|make|start)[ ]+the[ ]+(?:delete|deletion|removal|clean-?up)\b", re.I
)
_NTH_SHOWN = re.compile(
    r"\bthe[ ]+(first|second|third|fourth|last)[ ]+(?:entry|record|line|value|answer|string|"
    # ("The first of these can be deleted": one of the records shown, never all of them)
    r"one|of[ ]+(?:these|those|them|the[ ]+(?:two|three|four)))\b",
    re.I,
)
_T = TypeVar("_T")


def _not_its(head: str, targets: list[int], mentions: list[Mention]) -> list[int]:
    """ "assets-origin is being dropped from the SAN list, so its challenge record will no longer
    be needed": "its" is the host the sentence names, so never a record shown at another."""
    its = _ITS_OWN.search(head)
    if its is None or not targets:
        return targets
    said = prose.split_sentences(head[: its.start()])
    hosts = set(_HOST_WORD.findall(said[-1].lower())) if said else set()
    if not hosts:
        return targets
    return [
        i
        for i in targets
        if hosts & set(mentions[i].name.lower().rstrip(".").split("."))
        or any(h in mentions[i].name.lower() for h in hosts if "." in h)
    ]


# "its challenge record", "its validation CNAME", "its TXT"
_ITS_OWN = re.compile(
    r"\bits[ ]+(?:(?:own|old|challenge|validation|acme|dcv)[ ]+)?(?:record|entry|cname|txt)\b", re.I
)
# a host said by its name or one label of it ("assets-origin", "www.x.gov.uk")
_HOST_WORD = re.compile(r"\b[a-z0-9]+(?:-[a-z0-9]+)+\b|\b[a-z0-9-]+(?:\.[a-z0-9-]+)+\b")


def _owner(m: Mention) -> str:
    """A mention's owner name as `prose.owners_in` gives one: lower case, one final dot."""
    return m.name.lower().rstrip(".") + "."


def _nth(items: Sequence[_T], word: str) -> _T | None:
    """The item at a place said as a word or number ("second", "last", "2"), if there is one."""
    word = word.lower()
    place = int(word) if word.isdigit() else prose.ORDINALS[word]
    return items[place - 1 if place > 0 else place] if -len(items) <= place <= len(items) else None


# "(the second TXT above)": a place among the records of one type shown before
_NTH_OF_TYPE = re.compile(
    r"\bthe[ ]+(first|second|third|fourth|last)[ ]+(TXT|CNAME|CAA)(?:[ ]+(?:record|entry|line))?"
    r"[ ]+(?:above|shown[ ]+above|in[ ]+the[ ]+(?:dig|output)[ ]+above)\b",
    re.I,
)
# "Row 2 is already right", "entry 3": a place in what was shown, by its number
_ROW_N = re.compile(r"\b(?:row|entry)[ ]+([1-9])\b(?![ ]+(?:and|or|&|,))", re.I)
# An owner cut short: "_91e7812b... above", "_91e7812b…"
_CUT_NAME = re.compile(r"(?<![\w.])(_[0-9a-z][0-9a-z-]{5,62})(?:\.\.\.|\u2026)", re.I)
# An owner a sentence names by its first label, whole: "the old _F77866FC80BB2F87… record"
_OWNER_LABEL = re.compile(r"(?<![\w.])(_[0-9a-z][0-9a-z-]{5,62})(?![\w-])", re.I)
_LAST_YEARS = re.compile(r"\b(?:last[ ]year['’]s|the[ ]old|the[ ]previous|the[ ]existing)\b", re.I)
# "Please leave the letsencrypt.org entry where it is for now", "keep the GlobalSign line for now"
_KEPT_FOR_NOW = re.compile(
    r"\b(?:leave|keep)[ ]+the[ ]+([\w.-]{4,60})[ ]+(?:entry|record|line|value|token|one)[ ]+"
    r"(?:(?:where[ ]+it[ ]+is|in[ ]+place|as[ ]+it[ ]+is)[ ]+)?for[ ]+now\b",
    re.I,
)
# "last year's record", "the record from last year's order": one published before this order
_LAST_YEARS_ONE = re.compile(
    r"\blast[ ]year['’]s[ ]+(?:\w+[ ]+)?(?:record|one|entry|token|value|cname|txt)\b|"
    r"\b(?:record|one|entry|token)[ ]+from[ ]+last[ ]year\b",
    re.I,
)
# "could GOV.UK please delete _acme-challenge.api.x.gov.uk again?": the verb names the owner
_DELETE_OWNER = re.compile(r"\b(?:delete|remove)[ ]+(?:the[ ]+record[ ]+(?:at|for)[ ]+)?_", re.I)
# "There is nothing to add, change or remove in DNS for this renewal" (its clauses, split at
# the comma, would each read as asking)
_NOTHING_TO_DO = re.compile(
    r"\bnothing[ \t]+(?:(?:for[ \t]+you[ \t]+)?to|you[ \t]+need[ \t]+to|needs[ \t]+to)[ \t]+"
    r"(?:add|change|remove|delete|do|update)\b",
    re.I,
)
# "the two records you added in the first step", "the ones we've just created"
_ADDED_BEFORE = re.compile(
    r"\b(?:records?|ones?|values?|entries|TXTs?|CNAMEs?)[ \t]+(?:that[ \t]+)?(?:you|we)"
    r"(?:['\u2019]ve|[ \t]+have|[ \t]+will[ \t]+have)?[ \t]+(?:just[ \t]+)?"
    r"(?:added|created|published|put[ \t]+in)\b",
    re.I,
)
_OWNER_AFTER_COLON = re.compile(r":[ \t]*_[\w-]")  # "It's orphaned now: _eaab….dwp.gov.uk"
_OWNER_WINDOW = 300  # characters of the paragraph before a "delete it" that say what "it" is


_DATA_AT_LEAST = 16  # a value said again that identifies its record (not "300", not "@")
# "the verification string", "the GlobalSign token", "that validation code": a TXT record's data
# "These replace whatever _acme-challenge CNAMEs you have there today"
_THESE_REPLACE = re.compile(
    r"[ \t]*(?:these|they|this|it|both)[ \t]+(?:(?:will|should|must)[ \t]+)?"
    r"(?:replace|overwrite|supersede)s?\b",
    re.I,
)


_BEFORE_DOING = re.compile(r"\b(?:before|after|then|and[ ]then)[ ]+[a-z]+ing\b", re.I)
_RECORD_WORD = re.compile(r"\b(?:record|entry|one)\b", re.I)


def _the_one_meant(
    clause: str, shown: dict[tuple[str, str], Observed], asked: tuple[Observed, ...]
) -> dict[tuple[str, str], Observed]:
    """Of several earlier records a delete could mean, the ones it names: "the comodoca.com
    record you listed" (a domain its data is under), "the old CNAME" (one shown as published
    that no comment asked for: the record being replaced)."""
    named = _named_by_data(clause, shown)
    if named:
        return named
    if _OLD.search(clause):
        requested = {(o.name, o.value) for o in asked}
        return {k: o for k, o in shown.items() if k not in requested}
    return shown


def _named_by_data(
    clause: str, records: dict[tuple[str, str], Observed]
) -> dict[tuple[str, str], Observed]:
    """The records whose data holds a dotted word of the clause ("the comodoca.com record")."""
    words = [w.strip("`'\".,;:()").lower() for w in clause.split()]
    dotted = [w for w in words if "." in w]
    return {k: o for k, o in records.items() if any(w in o.value.lower() for w in dotted)}


# "later" set apart as when, beside a removal of a record asked for before: "the CNAME record
# and, later, the removal of the old TXT record are still needed", "then later on remove that
# TXT" (never "later today", "I'll confirm later")
_LATER_APART = re.compile(
    r"(?:,|\()[ ]?later(?:[ ]on)?[ ]?(?:,|\))|\b(?:and|then)[ ]later(?:[ ]on)?[ ]"
    r"(?:the[ ]removal|remove|delete|drop|clear)\b",
    re.I,
)


def _later(sentence: str) -> bool:
    """Does the sentence put its removal after issuance?"""
    return bool(actions.AFTER_ISSUANCE.search(sentence) or _LATER_APART.search(sentence))


_THE_OLD_ONE = re.compile(
    r"\bthe\s+(?:old|previous|former|outgoing)\s+(?:record|one|value|entry|token)\b", re.I
)
_TOKEN_WORD = re.compile(r"\b(?:token|verification|string|code)s?\b", re.I)


def _token_like(value: str) -> bool:
    """Data a CA hands out to prove control (a token, a verification string, a validation
    host), never a record that serves something else ("v=spf1 …", "MS=ms…" is no token)."""
    data = value.strip('"').strip()
    return " " not in data and not data.lower().startswith(("v=", "ms="))


_THE_TOKEN = re.compile(
    r"\b(?:the|that|this|your|our)\s+(?:(?:old|globalsign|digicert|domain)\s+){0,2}"
    r"(?:verification|validation)\s+(?:string|code|token|value)\b",
    re.I,
)
# "Once it has", "after that", "at that point": when the sentence before says.
_ONCE_IT = re.compile(
    r"\b(?:(?:once|when|after)\s+(?:it|that|this|they)(?:\s+(?:has|have|is|are))?|after\s+that|"
    r"at\s+that\s+(?:point|stage)|once\s+done)\b",
    re.I,
)
_UNTIL_THEN = re.compile(
    r"\buntil\b(?:[^.\n]|\.(?=\w)){0,80}?\b(?:issued|renewed|validated|live)\b[^.\n]{0,20}?\bthen\b",
    re.I,
)
# "please hold off on the three removals until the renewed certificate has been issued",
# "don't delete them until the new certificate is live": the removals come after issuance
_HOLD_UNTIL = re.compile(
    # "please hold the GlobalSign TXT and the globalsign.com CAA until the new certificate is
    # issued": the removals it names wait
    r"\bhold(?:[ ]+back|[ ]+off(?:[ ]+on)?)?[ ]+(?:the|that|this|those|these|both)\b"
    r"(?:[^.\n]|\.(?=\w)){0,80}?\buntil\b(?:[^.\n]|\.(?=\w)){0,80}?\b(?:issued|renewed|live)\b|"
    r"\b(?:hold[ ]+off|wait|don[’']?t|do[ ]+not|please[ ]+not)\b[^.\n]{0,40}?"
    r"\b(?:remov|delet|clean|tak(?:e|ing)[ ]+(?:(?:it|them|that|this|those|these)[ ]+)?"
    r"(?:out|down))\w*\b"
    r"(?:[^.\n]|\.(?=\w)){0,60}?\buntil\b(?:[^.\n]|\.(?=\w)){0,80}?"
    r"\b(?:issued|renewed|validated|live)\b"
    # "please wait until the certificate shows as Issued before you delete it"
    r"|\b(?:wait|hold[ ]+off)\b[^.\n]{0,20}?\buntil\b[^.\n]{0,80}?\b(?:issued|renewed|validated|"
    r"live)\b[^.\n]{0,30}?\bbefore\b[^.\n]{0,30}?\b(?:remov|delet|clean)\w*"
    # "Please wait the full 48 hours after issuance rather than doing it straight away."
    r"|\bwait\b[^.\n]{0,40}?\bafter[ ]+(?:issuance|the[ ]+(?:new[ ]+)?cert(?:ificate)?[ ]+"
    r"(?:is|has[ ]+been)[ ]+issued)\b"
    # "Please don't remove it straight away, though. Wait until the new certificate has been
    # issued, in case …": the sentence after a removal says when
    r"|^\W*(?:please[ ]+)?wait[ ]+until\b[^.\n]{0,80}?\b(?:issued|renewed|validated|live)\b",
    re.I,
)
# "please remove both TXT records again once the certificate is issued", "delete these
# afterwards": the records the sentence is about come after it, and go after issuance
_BOTH_LATER = re.compile(r"\b(?:both|all|these|the[ \t]+(?:two|three|four)|them)\b", re.I)
_UNTIL_ISSUED = re.compile(r"\buntil\b[^.\n]{0,80}?\b(?:issued|renewed|validated|live)\b", re.I)
_AGAIN = re.compile(r"\bagain\b", re.I)
# "Please remove both TXT records.": asked, of the records shown (never "you may delete …")
_ASKED_OF_THEM = re.compile(
    r"\bplease\b[^.\n]{0,60}?\b(?:both|all|these|them|those|the[ ]+(?:two|three|four))\b", re.I
)
# "If any of the hostnames above are no longer in use and you'd rather drop them from the
# certificate, …": a case supposed, or names taken off a certificate, not records removed
_SUPPOSED = re.compile(r"^\W*if\b|\bfrom[ ]+(?:the[ ]+|this[ ]+)?(?:cert|certificate|SAN)", re.I)
# "…, so we don't leave stale challenges lying around": why, said after what is asked
_PURPOSE = re.compile(
    r",?[ ]+(?:so(?:[ ]+that)?[ ]+(?:we|you|there|it|they)|to[ ]+avoid|because)\b", re.I
)
_OLD = re.compile(r"\b(?:old|older|existing|previous|leftover|left-over|stale|expired)\b", re.I)
# "remove the old verification records" (the removal's object called old; never "take both TXT
# records out again so we don't leave stale challenges lying around")
_LONG_DATA = re.compile(r"[\w=.-]{24,}")  # ("remove the old value V": V is that record's)
_OLD_OBJECT = re.compile(
    r"\b(?:remove|delete|clear|drop|bin)\s+(?:\w+\s+){0,2}?(?:old|older|existing|previous|"
    r"leftover|left-over|stale|expired|last\s+year['\u2019]s)\b",
    re.I,
)
# Words that name a kind of validation record by whose it is: a clause that says one refers
# only to records whose data or name says it too ("the old GlobalSign verification record").
_KINDS = ("globalsign", "digicert", "sectigo", "comodo", "acm-validations", "dnsauth")
# "the old ACM validation records": AWS's, whose targets are under acm-validations.aws
_ACM = re.compile(r"\bACM\b")


# "the old DigiCert one", "the previous GlobalSign token", "the stale Sectigo CNAME"
_OLD_KIND_ONE = re.compile(
    r"\bthe\s+(?:old|previous|former|stale|leftover)\s+(?:globalsign|digicert|sectigo|comodo|acm)\b"
    r"[^.;]{0,30}?\b(?:one|record|entry|token|txt|cname|value)s?\b",
    re.I,
)


def _of_kinds(record: Observed, kinds: set[str]) -> bool:
    """Is the record one of those CAs' (by its data, or DigiCert's by its _dnsauth name)?"""
    said = f"{record.value} {record.name}".lower()
    dnsauth = "digicert" in kinds and record.name.lower().startswith("_dnsauth.")
    return dnsauth or any(k in said for k in kinds)


def kinds_in(text: str) -> set[str]:
    """The kinds of record a text names by their CA or vendor ("the ACM record", "the
    DigiCert one"): words found in such records' names or data."""
    return _kinds_in(text)


def refused_unclear(line: int, sentence: str) -> Flag:
    """A sentence refusing a record shown above it that names none of them clearly."""
    shown = excerpt(sentence)
    return Flag(
        code="unread_value",
        severity="warn",
        message=f"Line {line} refuses a record shown above it ({shown!r}), but which one was "
        "not worked out: read it by hand and leave that record out.",
        source=Source(first_line=line, last_line=line, excerpt=shown),
    )


def _kinds_in(text: str) -> set[str]:
    kinds = {k for k in _KINDS if k in text.lower()}
    # (DigiCert's records stand at _dnsauth, Sectigo's targets are under comodoca.com too)
    return kinds | ({"acm-validations"} if _ACM.search(text) else set())


_ONE = re.compile(r"\b(?:the\s+)?([\w.-]{4,60})\s+one\b", re.I)  # "the globalsign one"


class References:
    if TYPE_CHECKING:
        mentions: list[Mention]
        recent: list[int]
        pending: list[tuple[int, str, str]]
        removes_ahead: list[tuple[str, str]]
        earlier_types: frozenset[str]
        earlier_observed: tuple[Observed, ...]
        questioned: tuple[Observed, ...]
        earlier_asked: tuple[Observed, ...]
        para_before: str
        para_before: str
        item_later: bool
        section_later: bool
        flags: list[Flag]

        def _add(
            self, mention: Mention, mode: Mode | None = None, structured: bool = True
        ) -> None: ...

    def _replace_pair(self, sentence: str, first: int, last: int) -> bool:
        """ "Please replace OLD with NEW", where OLD is the data of a record already shown:
        an update of that record (which is, by the vendor's account, what is there now)."""
        pair = cues.replacement(sentence)
        if pair is None:
            return False
        old = pair[0].strip("`'\".,;:").lower()
        for i, m in enumerate(self.mentions):
            if m.value and m.value.strip("`'\".,;:").lower() == old:
                self.mentions[i] = replace(m, mode="observed")
                # (CAA data keeps its quotes: `0 issue "certainly.com"`)
                value = pair[1] if m.rdtype == "CAA" else pair[1].strip("`'\".,;:")
                update = Mention(
                    m.name,
                    m.rdtype,
                    f'"{value}"' if m.rdtype == "TXT" else value,
                    first,
                    ttl=m.ttl,  # the record keeps its TTL
                    old_value=m.value,
                    action="update",
                    zone=m.zone,
                    domain=m.domain,
                    last_line=last,
                    excerpt=" ".join(sentence.split()),
                )
                self._add(update, mode="request", structured=False)
                return True
        return False

    def _refer_to_earlier(self, sentence: str, first: int, last: int) -> None:
        """ "Please delete that TXT record first": a delete of the one record of that type an
        earlier comment showed as published (our own dig paste, say), when there is one."""
        earlier = (*self.earlier_observed, *self.earlier_asked)
        if sentence.rstrip().endswith(":"):
            return  # "… please delete the legacy TXT record at the apex:": the record follows
        for clause in cues.clauses(sentence):
            if actions.action_cue(clause) != "delete" or cues.is_negated(clause):
                continue
            m = _THAT_RECORD.search(clause)
            if m is not None or _THE_TOKEN.search(clause):
                # what an earlier comment showed as published, or asked for ("pls add txt to
                # apex …" then, a comment later, "when new one is live you can clear the
                # verification string from apex"); at the host the clause names, if any
                rdtype = m.group(1).upper() if m else "TXT"
                hosts = prose.hosts_named(clause)
                shown = {
                    (o.name, o.value): o
                    for o in earlier
                    if o.type == rdtype and (not hosts or o.name.rstrip(".").lower() in hosts)
                }
            elif _THE_OLD_ONE.search(clause):
                # "Validation succeeded … The old record can now be removed.": the one record
                # shown as published before that no comment asked for (the one being replaced)
                asked = {(o.name, o.value) for o in self.earlier_asked}
                # ("the old token can be removed": never the SPF record beside it)
                token = _TOKEN_WORD.search(clause) is not None
                shown = {
                    (o.name, o.value): o
                    for o in self.earlier_observed
                    if (o.name, o.value) not in asked and (not token or _token_like(o.value))
                }
                rdtype = next(iter(shown.values())).type if len(shown) == 1 else ""
            else:  # "you can clear the value V from apex": the earlier record whose data is V
                said = clause.lower()
                shown = {(o.name, o.value): o for o in earlier if _said_data(o, said)}
                if not shown and _ITS_RECORD.search(clause):
                    # "licensing.x.gov.uk isn't on any certificate any more, so its challenge
                    # record can go": the one earlier record validating the host it names
                    hosts = set(prose.hosts_named(sentence))
                    shown = {
                        (o.name, o.value): o
                        for o in earlier
                        if validated_domain(o.name.lower()).rstrip(".") in hosts
                    }
                    shown = shown if len(shown) == 1 else {}
                nth = _NTH_SHOWN.search(clause)
                if not shown and nth and len(self.questioned) > 1:
                    # "The second one can go" to our dig paste of two: that one, by its place
                    record = _nth(self.questioned, nth.group(1))
                    if record is not None:
                        shown = {(record.name, record.value): record}
                kinds = _kinds_in(clause) if not shown and _OLD_KIND_ONE.search(clause) else set()
                if kinds:
                    # "So the old DigiCert one can go now" to our dig of its _dnsauth TXT: the
                    # one earlier record of that CA
                    typed = {t.upper() for t in _TYPE_NAMED.findall(clause)}
                    of_kind = {
                        (o.name, o.value): o
                        for o in self.earlier_observed  # (published: never one asked for)
                        if _of_kinds(o, kinds) and (not typed or o.type in typed)
                    }
                    shown = of_kind if len(of_kind) == 1 else {}
                if not shown and _RECORD_WORD.search(clause):
                    # "delete the comodoca.com record you listed": the earlier record whose
                    # data is under the domain the clause names
                    # (of the type it names: "the verification TXT record" is no CNAME)
                    typed = {t.upper() for t in _TYPE_NAMED.findall(clause)}
                    of_type = [o for o in earlier if not typed or o.type in typed]
                    shown = _named_by_data(clause, {(o.name, o.value): o for o in of_type})
                    shown = shown if len(shown) == 1 else {}
                if not shown and len(named := prose.owners_in(sentence)) == 1:
                    # "_dnsauth.x.gov.uk: yes, that's the DigiCert token from the old order and
                    # it can go": the one record shown published before at the one owner the
                    # sentence names (never one only asked for: "… is no longer needed"; unless
                    # the verb names it: "could GOV.UK please delete _acme-challenge.x again?")
                    asked = {(o.name, o.value) for o in self.earlier_asked}
                    direct = _DELETE_OWNER.search(clause) is not None
                    shown = {
                        (o.name, o.value): o
                        for o in (earlier if direct else self.earlier_observed)
                        if o.name.lower() in named and (direct or (o.name, o.value) not in asked)
                    }
                    shown = shown if len(shown) == 1 else {}
                owners: set[str] = set()
                if not shown and _DELETE_IT.search(clause):
                    # "2. _3042….origin.x.gov.uk - this belongs to a deleted certificate.
                    # Nothing depends on it any more, please delete it.": the one record
                    # shown before at the one owner the last sentences name
                    before = self.para_before[-_OWNER_WINDOW:]
                    owners = prose.owners_in(before)
                    shown = {(o.name, o.value): o for o in earlier if o.name in owners}
                    shown = shown if len(owners) == 1 else {}
                    types = {t.upper() for t in _TYPE_NAMED.findall(before)}
                    if not shown and len(owners) == 1 and len(types) == 1:
                        # "The record that is stale is the CNAME at X. That one can be
                        # removed.": that record, at a name no comment showed data for
                        self._delete_named(owners.pop(), types.pop(), sentence, first, last)
                        continue
                if (
                    not shown
                    and not owners  # ("The stale one is the CNAME at X. That one can be
                    # removed": X, which no comment showed - never the record we showed)
                    and _DELETE_IT.search(clause)
                    and not self.mentions
                    and cues.refers_back(sentence)  # (never a disclaimer's "delete it")
                ):
                    # our "Is the old record still needed?" under the one record we showed,
                    # and the answer "No … please have it removed": that record
                    seen = {(o.name, o.value): o for o in self.earlier_observed}
                    kinds = _kinds_in(sentence)  # ("Leave the old globalsign-domain-
                    if len(seen) > 1 and kinds:  # verification value … delete it")
                        seen = {
                            k: o
                            for k, o in seen.items()
                            if any(x in o.value.lower() for x in kinds)
                        }
                    asked = {(o.name, o.value): o for o in self.questioned}
                    if len(seen) > 1 and len(asked) == 1:
                        seen = asked  # the one record the question answered showed
                    shown = seen if len(seen) == 1 else {}
                rdtype = next(iter(shown.values())).type if len(shown) == 1 else ""
            if len(shown) > 1:
                shown = _the_one_meant(clause, shown, self.earlier_asked)
            if len(shown) != 1:
                if rdtype or shown:  # a delete of an earlier record that is not worked out
                    self.pending.append((first, " ".join(sentence.split()), rdtype or ANY_DELETE))
                continue  # none, or more than one it could mean: the pending request says so
            (record,) = shown.values()
            self._add(
                Mention(
                    record.name,
                    rdtype,
                    f'"{record.value}"' if rdtype == "TXT" else record.value,
                    first,
                    ttl=record.ttl,
                    action="delete",
                    # "Once the certificate has been issued (…), please remove that TXT
                    # record": the sentence's condition, whichever clause says it ("The CNAME
                    # and, later, the removal of the old TXT record are still needed")
                    after_issuance=_later(" ".join(sentence.split())),
                    last_line=last,
                    excerpt=" ".join(sentence.split()),
                ),
                mode="request",
                structured=False,
            )

    def _delete_named(self, owner: str, rdtype: str, sentence: str, first: int, last: int) -> None:
        said = " ".join(sentence.split())
        self._add(
            Mention(
                owner,
                rdtype,
                None,
                first,
                action="delete",
                after_issuance=bool(actions.AFTER_ISSUANCE.search(said)),
                last_line=last,
                excerpt=said,
            ),
            mode="request",
            structured=False,
        )

    def _answered(self, mention: Mention) -> None:
        ahead = [a for a in self.removes_ahead if a[0] == mention.rdtype]
        if ahead and mention.mode == "request" and mention.action in (None, "add"):
            self.mentions.append(
                replace(
                    mention,
                    action="delete",
                    after_issuance=True,
                    ttl=None,
                    excerpt=f"{ahead[0][1]} / {mention.excerpt}",
                )
            )
        removes = mention.action in ("delete", "update")  # an update removes the old data too
        done = {mention.rdtype, ANY_DELETE if removes else mention.rdtype}
        self.pending = [p for p in self.pending if p[2] not in done]

    def _note_request(self, sentence: str, first: int, typed: bool) -> None:
        """A sentence that asks for a record of a type, when no record of that type has been
        read: it waits for the block it introduces, or ends as an `unread_value` flag."""
        if cues.is_negated(sentence) or _HYPOTHETICAL.search(sentence):
            return
        if cues.says_to_keep(sentence):
            return  # "the CNAMEs you already publish should be left in place": nothing asked
        if _NOTING.search(sentence):
            return
        asking = bool(_ASKING.search(sentence))
        action = actions.action_cue(sentence)
        if action is None:
            return
        read = {m.rdtype for m in self.mentions} | self.earlier_types
        for clause in cues.clauses(sentence):
            words = {w.strip(".,;:()\"'").upper() for w in clause.split()}
            # "Bin it.", "It can go now.": a delete said of a record by a pronoun asks without
            # "please" - the record it means must be read, or a person told
            asked = asking and ("RECORD" in clause.upper() or bool(_DELETE_IT.search(clause)))
            # ("that name is covered and the record can be deleted" under an old record shown
            # as published: that record's delete; never said of the record just asked for,
            # "The record can be removed once the certificate is issued")
            shown = any(m.mode == "observed" for m in self.mentions[-1:])
            untyped = _ASKED_TYPES.isdisjoint(words) and (
                asked or _PRONOUN_OBJECT.search(clause) or (shown and _THE_RECORD.search(clause))
            )
            deleted = any(m.action == "delete" for m in self.mentions)
            if untyped and not deleted and actions.action_cue(clause) == "delete":
                self.pending.append((first, " ".join(sentence.split()), ANY_DELETE))
        if not typed or not asking:
            return  # a request is asked for ("please", "could you", "we need"), not narrated
        for word in dict.fromkeys(w.strip(".,;:()\"'").upper() for w in sentence.split()):
            if word in _ASKED_TYPES and word not in read:
                self.pending.append((first, " ".join(sentence.split()), word))
                later = actions.AFTER_ISSUANCE.search(sentence)
                if action == "delete" and later and _BOTH_LATER.search(sentence):
                    # "Once we confirm the certificate has been issued, please remove both TXT
                    # records again" above the two TXT records it asks for: each goes after
                    self.removes_ahead.append((word, " ".join(sentence.split())))

    def _refer_back(
        self, sentence: str, first: int, last: int, previous: str = "", following: str = ""
    ) -> None:
        """A sentence about the records just shown: "That TXT record should be removed",
        "once the certificate is issued it can be deleted", "with a TTL of 120"; "leave them
        until the certificate is issued. Once it has, delete them" (`previous` sentence);
        "could you delete that one too? It's orphaned now: _x.dwp.gov.uk" (`following`: a
        sentence with no verb of its own that names the owner meant)."""
        note = " ".join(sentence.split())  # a sentence may run over lines
        before = " ".join(previous.split())
        named_after = (  # (an owner the next sentence gives after a colon, asking nothing)
            prose.owners_in(following)
            if _OWNER_AFTER_COLON.search(following) and actions.action_cue(following) is None
            else set()
        )
        said_before = self.item_later or bool(
            actions.AFTER_ISSUANCE.search(before) or _UNTIL_ISSUED.search(before)
        )
        later = (
            bool(actions.AFTER_ISSUANCE.search(note))
            or bool(_ONCE_IT.search(note) and said_before)
            # "Please leave that one alone until the new certificate has been issued, then
            # delete it": the delete comes after
            or bool(_UNTIL_THEN.search(note))
        )
        # ("Currently resolves to the old one, TTL 86400.": the TTL it has, not one asked)
        at = note.lower().find("ttl")
        ttl = None if at > 0 and durations.ttl_has_now(note[:at]) else prose.ttl_in(note)
        parts = cues.clauses(sentence)
        if len(parts) > 1 and _NOTHING_TO_DO.search(note):
            return  # "There is nothing to add, change or remove in DNS": no clause asks
        if sentence.rstrip().endswith(":"):
            parts = parts[:-1]  # the last clause leads in to the records that follow
        for clause in parts:
            if cues.refers_back(clause):
                self._refer_back_clause(clause, ttl, later, note, last, before, named_after)

    def _shown_of_kind(self, note: str, asked: Mention) -> str | None:
        """ "Leave the older globalsign-domain-verification record in place for now, and have
        it removed once …" after a dig answer: the one record of that kind shown published at
        the asked record's name and type (never the asked one, never a guess between two)."""
        at = (asked.name.lower().rstrip("."), asked.rdtype)
        shown = [
            o.value for o in self.earlier_observed if (o.name.lower().rstrip("."), o.type) == at
        ] + [
            m.value or ""
            for m in self.mentions
            if m.mode == "observed" and (m.name.lower().rstrip("."), m.rdtype) == at
        ]
        return _of_kind(shown, _kinds_in(note), asked)

    def _hold_removals(self, sentence: str, timing: bool = False) -> bool:
        """ "Please hold off on the three removals until the renewed certificate has been
        issued" (or, as a `timing` label's value after a table, "after issuance"): the
        removals just shown wait for issuance."""
        said = " ".join(sentence.split())
        hold = _HOLD_UNTIL.search(said)
        if not (hold or (timing and actions.AFTER_ISSUANCE.search(said))):
            return False
        held = False
        # ("hold the GlobalSign TXT … until …; the old-intranet CNAME can go straight away":
        # only the removals of the kinds its words of holding name, when they name some)
        kinds = _kinds_in(hold.group(0)) if hold else set()
        for i in self.recent:
            m = self.mentions[i]
            named = not kinds or _of_kinds(
                Observed(name=m.name, type=m.rdtype, value=m.value or ""), kinds
            )
            if m.action == "delete" and m.mode == "request" and named:
                self.mentions[i] = replace(m, after_issuance=True)
                held = True
        return held

    def _refer_back_clause(
        self,
        clause: str,
        ttl: int | None,
        later: bool,
        note: str,
        last: int,
        before: str = "",
        named_after: set[str] | None = None,
    ) -> None:
        # (the types of the clause's own record: not "… before adding the TXT")
        own_words = _BEFORE_DOING.split(clause, maxsplit=1)[0].split()
        types = {w.strip(".,;:()").upper() for w in own_words} & {"TXT", "CNAME", "CAA"}
        one = _ONE.search(clause)
        shown = (
            [i for i, m in enumerate(self.mentions) if m.action != "delete"]
            if cues.refers_to_all(clause) and cues.counted(clause) != len(self.recent)
            else self.recent  # (and "please delete both" under the two records just shown)
        )
        targets = [i for i in shown if not types or self.mentions[i].rdtype in types]
        if _ADDED_BEFORE.search(clause):
            # "delete the two records you added in the first step": the adds asked for above
            # (as many as the words count), never the removal said between
            adds = [
                i
                for i, m in enumerate(self.mentions)
                if m.mode == "request"
                and m.action in (None, "add")
                and (not types or m.rdtype in types)
            ]
            count = cues.counted(clause)
            targets = adds if adds and count in (None, len(adds)) else targets
        these_replace = _THESE_REPLACE.match(clause) is not None
        if (these_replace or _OLD.search(clause)) and self._replaces_shown(
            clause, targets, unknown=these_replace
        ):
            return
        published = [i for i in targets if self.mentions[i].mode == "observed"]
        if published and _OLD.search(clause):  # "delete both of these old records"
            targets = published
        elif targets and _OLD.search(clause):
            # "OLD RECORD (currently in your zone)" then "NEW RECORD", then "only then remove
            # the old one": the record shown as published, not the one just asked for
            older = [
                i
                for i, m in enumerate(self.mentions)
                if m.mode == "observed"
                and m.action is None
                and (not types or m.rdtype in types)
                and any(m.rdtype == self.mentions[j].rdtype for j in targets)
            ]
            # (none shown: "remove the old verification records from last year" under a
            # record just asked for speaks of others, never of that one)
            asked_now = (bool(_OLD_OBJECT.search(clause)) and not _LONG_DATA.search(note)) and all(
                self.mentions[i].mode == "request" and self.mentions[i].action in (None, "add")
                for i in targets
            )
            targets = older or ([] if asked_now else targets)
        if one:  # "the globalsign-domain-verification one": the record whose data says so
            word = one.group(1).lower()
            picked = [i for i in targets if word in (self.mentions[i].value or "").lower()]
            targets = picked or targets
        said = " ".join(clause.split())
        head = note[: note.find(said) + len(said)] if said in note else said
        kinds = _kinds_in(head)  # said of it, up to this clause
        singular = bool(_SINGULAR.search(clause)) and not cues.refers_to_all(clause)
        if singular and not kinds:  # "The GlobalSign string is only there for the old
            kinds = _kinds_in(before)  # certificate. It can go."
        if singular and not types:  # "The TXT is only needed until issuance; … it can go"
            said = {w.strip(".,;:()").upper() for w in f"{before} {head}".split()}
            named = said & {"TXT", "CNAME", "CAA"}
            targets = [i for i in targets if self.mentions[i].rdtype in named] if named else targets
        unkind = bool(kinds) and bool(targets)  # (records shown, of no kind the words name?)
        if kinds:  # "the old GlobalSign verification record": only a record whose data says so
            targets = [
                i
                for i in targets
                if any(
                    k in f"{self.mentions[i].value} {self.mentions[i].name}".lower() for k in kinds
                )
            ]
        targets = _at_place(clause, targets, self.mentions)
        targets = _not_its(note, targets, self.mentions)
        owners = prose.owners_in(prose.split_sentences(head)[-1] if head.strip() else "")
        owners = owners or named_after or set()
        if owners and targets:
            # "We do not use the record you created at _acme-challenge.x, and it can be
            # removed" under the record now asked for at _acme-challenge.www.x: the one named
            targets = [i for i in targets if _owner(self.mentions[i]) in owners]
            if not targets:
                if actions.action_cue(clause) == "delete":  # said, never dropped unsaid
                    self.pending.append((last, " ".join(note.split()), ANY_DELETE))
                return
        if singular and kinds and _LAST_YEARS.search(before[-_OWNER_WINDOW:]):
            # "(c) Leave last year's GlobalSign record in place for now. Only once … issued,
            # please delete it as well": the one record of that kind shown as published
            shown_old = [
                i
                for i, m in enumerate(self.mentions)
                if m.mode == "observed"
                and m.action is None
                and (not types or m.rdtype in types)  # ("… verification TXT": never a CAA)
                and any(k in f"{m.value} {m.name}".lower() for k in kinds)
            ]
            targets = shown_old if len(shown_old) == 1 else targets
        kept = _KEPT_FOR_NOW.search(self.para_before) if singular and later else None
        if kept:
            # "Please leave the letsencrypt.org entry where it is for now. … Once the Certainly
            # certificate has been issued, that entry has done its job and you're welcome to take
            # it out": the one record shown whose data holds the word the keeping named
            word = kept.group(1).lower()
            named = [
                i
                for i, m in enumerate(self.mentions)
                if m.action != "delete" and word in (m.value or "").lower()
            ]
            targets = named if len(named) == 1 else targets
        # "last year's record is still published, _dnsauth.x TXT V. Please keep it until …;
        # after that it can be deleted": the record whose data the words just gave
        window = f"{before[-_OWNER_WINDOW:]} {note}".lower()
        given = [i for i in targets if _data_in(self.mentions[i], window)]
        targets = given if given and len(given) < len(targets) else targets
        ends = _ENDING.search(note)
        if ends:  # "the existing GlobalSign record (the one ending in -MsJ4O)": that one, shown
            targets = [  # anywhere before, whichever its type and however long ago
                i
                for i, m in enumerate(self.mentions)
                if m.action != "delete" and _ends_so(m.value, ends)
            ]
        nth = _NTH_SHOWN.search(f"{before} {note}") or _ROW_N.search(note)
        if nth and len(self.recent) > 1:  # "The last entry is last year's token … remove it"
            # ("Row 2 is already right": the table's second row)
            at = _nth(self.recent, nth.group(1))
            targets = [at] if at is not None else targets
        typed = _NTH_OF_TYPE.search(f"{before} {note}")
        placed = False  # the record is named by its place: no other reading of "it"
        if typed:  # "(the second TXT above)": that record of that type, in the order shown
            rdtype = typed.group(2).upper()
            of_type = [  # (what a dig answer showed, when it did)
                i
                for i, m in enumerate(self.mentions)
                if m.rdtype == rdtype and m.action != "delete" and m.value
            ]
            shown = [i for i in of_type if self.mentions[i].mode == "observed"]
            of_type = shown or of_type
            at = _nth(of_type, typed.group(1))
            if at is not None:
                targets, placed = [at], True
        cut = _CUT_NAME.search(f"{before} {note}")
        if cut:  # "Last year's CNAME (_91e7812b... above)": the one record named so, shown before
            start = cut.group(1).lower()
            targets = [
                i
                for i, m in enumerate(self.mentions)
                if m.action != "delete" and m.name.lower().startswith(start)
            ]
        owners = _OWNER_LABEL.findall(note) if not cut else []
        if owners:  # "can the old _F778… record be removed now?": only a record of that name
            targets = [
                i
                for i in targets
                if any(self.mentions[i].name.lower().startswith(o.lower()) for o in owners)
            ]
        if not placed and _THE_REMOVAL.search(clause):
            # "I'll update this ticket as soon as the new certificate is out - that's your cue
            # for the delete" under a table whose one row asks a delete: that removal, never
            # the adds beside it
            out = [i for i in targets if self.mentions[i].action == "delete"]
            targets = out if out and not cues.refers_to_all(clause) else targets
        if targets:
            answered = {self.mentions[i].rdtype for i in targets}
            self.pending = [p for p in self.pending if p[2] not in answered]
        if _NOT_THIS_NOW.search(clause):
            # "… CNAME X, but please do NOT add this now" (it is for a later ticket): the record
            # just shown is accounted for, never asked for
            for i in targets:
                m = self.mentions[i]
                if m.mode == "request" and m.action in (None, "add"):
                    self.mentions[i] = replace(m, mode="noted")
            return
        # "If you remove it, managed renewal will fail": a consequence told, nothing asked
        told = _IF_YOU_DO.search(clause) is not None
        # ("please delete that CNAME … before adding the TXT": the verb of the clause, not of
        # what it is to happen before)
        main = _BEFORE_DOING.split(clause, maxsplit=1)[0]
        action = None if cues.is_negated(clause) or told else actions.action_cue(main)
        held = action is None and later and not told and bool(_HELD_UNTIL.search(clause))
        if held:
            action = "delete"  # "… isn't needed any more, but please don't remove it until the
            # renewed certificate has been issued": a removal that waits, not a refusal
        elif action is not None and actions.action_cue(_BEFORE_DOING.split(head, 1)[0]) != action:
            action = None  # "please don't add, edit or remove any records": the clause's verb
            # is negated by words before the comma that split it off
        if action == "delete" and _OPTIONAL.search(note):
            return  # "you may delete the TXT record after that if you wish": not asked for
        conditional = action == "delete" and prose.if_present(note)  # held for a person
        lead_in = note.rstrip().endswith((":", ","))  # "the record the old account used is
        # still in the zone," above that record: of the record that follows, not those before
        if (
            action is None
            and _STILL_THERE.search(clause)
            and not _ANOTHER_IF.search(clause)
            and not lead_in
        ):
            # "This record from last year's order is still published": what was shown with
            # no verb is there now
            for i in targets:
                m = self.mentions[i]
                if m.mode == "request" and m.action is None:
                    self.mentions[i] = replace(m, mode="observed")
        asks_for_shown = action == "add" and bool(_CREATE_THESE.search(clause))
        if action == "delete" and DESCRIBED_SET.search(clause):
            # "Anything in Table 1 that isn't in Table 2 can be removed": records described by
            # a rule, not named. Not worked out here: a person lists them.
            self.flags.append(described_set(note, last))
            return
        asked = [i for i in targets if self.mentions[i].mode == "request"]
        if (
            action == "delete"
            and asked
            and len(asked) == len(targets)
            and _LAST_YEARS_ONE.search(note)
        ):
            # "The record for the resubmitted order is: X … What I said about last year's record
            # still stands: retire it once we're issued": never X (an earlier comment's record)
            return
        if (
            action == "delete"
            and targets
            # (not a reason given after: "… out again so we don't leave stale challenges")
            and _OLD.search(_PURPOSE.split(note, maxsplit=1)[0])
            and len(asked) == len(targets)
        ):
            # "only if you still have the old TXT from 2024, you can remove it": not the record
            # just asked for. Which old one is not shown: a delete by name and type, which the
            # consistency check holds back for a person to look up.
            for i in asked:
                m = self.mentions[i]
                if m.action in (None, "add"):
                    # "… remove the old value V": the sentence gives it; or "the older
                    # globalsign-domain-verification record" shown published; else not shown
                    old = _named_value(note, m) or self._shown_of_kind(note, m)
                    gone = replace(
                        m,
                        action="delete",
                        value=old,
                        ttl=None,
                        after_issuance=later,
                        conditional=conditional,
                    )
                    self._delete_once(replace(gone, last_line=last, excerpt=note))
            return
        if (
            action == "delete"
            and (singular or (asked and len(asked) == len(targets)))
            and not one
            and not placed
            and self._other_value_said(note, targets)
        ):
            # "Last year's token, V, which is still published. Keep it for now. Once issued,
            # please delete it": "it" is V, read as no record here; never the record above.
            # So too "your zones still contain the DigiCert DCV CNAMEs (pointing at
            # dcv.digicert.com) … You'll be able to remove those": never the records just asked
            if action == "delete" and singular:
                self._old_token_deleted(note, targets, later)
            return
        count = cues.counted(clause)
        if action == "delete" and count is not None and targets:
            distinct = _distinct(self.mentions, targets)
            shown_only = all(  # records shown as published, none read as a delete yet
                self.mentions[i].mode == "observed" and self.mentions[i].action is None
                for i in targets
            )
            if len(distinct) != count and shown_only:
                # "please only delete those two values" under four shown: which two is not
                # said where the words are. Not guessed.
                self.flags.append(
                    _which_one(clause, note, last, [self.mentions[i] for i in targets], count)
                )
                return
        deleting = [i for i in targets if self.mentions[i].action == "delete"]
        if (
            action == "delete"
            and later
            and singular
            and not one
            and len(deleting) == 1 < len(targets)
        ):
            # "When ACM lists the new certificate as Issued you can take it out" under a table
            # whose one row says "Delete (later)": that row, already read as a delete
            targets = deleting
        if (
            action == "delete"
            and singular
            and not one
            and len(_distinct(self.mentions, targets)) > 1
        ):
            # "It can be removed" after three TXT strings: which one is not said. Not guessed.
            self.flags.append(_which_one(clause, note, last, [self.mentions[i] for i in targets]))
            return
        if (
            action == "delete"
            and later
            and unkind
            and not targets
            and not told
            # (a delete of that kind already read: "the record in step 4 … leave it until")
            and not any(
                m.action == "delete" and any(k in f"{m.value} {m.name}".lower() for k in kinds)
                for m in self.mentions
            )
        ):
            # "Leave it there until DigiCert has issued the replacement, delete it afterwards"
            # where nothing shown is of the kind the words name: said, never dropped unsaid
            self.pending.append((last, " ".join(note.split()), ANY_DELETE))
        for i in targets:
            m = self.mentions[i]
            if ttl is not None and m.ttl is None and m.mode == "request" and m.action != "delete":
                self.mentions[i] = m = replace(m, ttl=ttl)  # a record being removed has none
            if asks_for_shown and m.mode == "observed" and m.action in (None, "add"):
                # "The management page currently shows these records: … Could you please
                # create these?": what was shown is asked for.
                self.mentions[i] = replace(m, mode="request", action="add")
            if action != "delete":
                continue
            deleted = replace(
                m,
                action="delete",
                mode="request",
                after_issuance=later or self.section_later,  # ("Required action 2 (only after")
                old_value=None,
                ttl=m.ttl if m.mode == "observed" else None,  # as published, not as requested
                last_line=last,
                excerpt=f"{m.excerpt} / {note}",
                every=cues.refers_to_all(clause),
            )
            if not (later or m.mode == "observed" or m.action is None):
                if m.mode == "request" and m.action == "add" and _AGAIN.search(clause):
                    # "… and then please take both TXT records out again": the records just
                    # asked for go once they have done their job, never before
                    self._delete_once(replace(deleted, after_issuance=True))
                elif (
                    m.mode == "request"
                    and m.action == "add"
                    and _ASKED_OF_THEM.search(note)
                    and not _SUPPOSED.search(note)
                ):
                    # a removal of a record the ticket asks to add, with no time: said, for
                    # a person to read, never dropped unsaid
                    self.pending.append((last, " ".join(note.split()), ANY_DELETE))
                continue
            if m.mode != "observed" and not later:  # shown with no verb, then "remove it"
                self.mentions[i] = replace(m, mode="observed")
            self._delete_once(deleted)

    def _replaces_shown(self, clause: str, targets: list[int], unknown: bool = False) -> bool:
        """ "It must replace the old value, not sit alongside it." under a record asked for,
        with one other value shown as published at its name: an update of that value. "These
        replace whatever CNAMEs you have there today" (`unknown`): updates whether or not the
        value replaced is shown (the consistency check asks for it when it is not)."""
        if cues.is_negated(clause) or actions.action_cue(clause) != "update":
            return False
        changed = False
        for i in targets:
            m = self.mentions[i]
            if m.mode != "request" or m.action not in (None, "add") or not m.value:
                continue
            at = (m.name.lower().rstrip("."), m.rdtype)
            olds = {
                o.value
                for o in self.mentions
                if o.mode == "observed"
                and (o.name.lower().rstrip("."), o.rdtype) == at
                and o.value
                and o.value != m.value
            }
            if len(olds) == 1 or unknown:
                old = olds.pop() if len(olds) == 1 else None
                self.mentions[i] = replace(m, action="update", old_value=old)
                changed = True
        return changed

    def _old_token_deleted(self, note: str, targets: list[int], later: bool) -> None:
        """ "Please add a TXT record on gov.uk: globalsign-domain-verification=NEW. The token
        from last year's order (globalsign-domain-verification=OLD) can stay … after that you
        can delete it": OLD, the one other verification string said, of the kind of the one TXT
        asked, at that TXT's name."""
        said = f"{self.para_before} {note}"
        asked = [self.mentions[i] for i in targets if self.mentions[i].rdtype == "TXT"]
        shown = {c.shown.strip("`'\"()") for c in candidates(0, said)}
        old = [v for v in shown if "-verification=" in v and all(v != m.value for m in asked)]
        if len(asked) != 1 or len(old) != 1:
            return
        kind = old[0].split("=", 1)[0].lower()
        if not (asked[0].value or "").strip("`'\"").lower().startswith(kind + "="):
            return
        gone = replace(asked[0], action="delete", mode="request", value=old[0], ttl=None)
        self._delete_once(replace(gone, after_issuance=later, excerpt=note))

    def _other_value_said(self, note: str, targets: list[int]) -> bool:
        """Does the paragraph, up to this sentence, give a validation value that none of the
        records "it" could mean has?"""
        said = f"{self.para_before} {note}"  # the paragraph's last sentences (bounded)
        values = {c.text for c in candidates(0, said) if not c.text.startswith("ttl ")}
        theirs = {(self.mentions[i].value or "").strip("`'\"").rstrip(".").lower() for i in targets}
        return any(all(v not in t for t in theirs) for v in values)

    def _delete_of_kind(self, sentence: str, first: int, last: int) -> bool:
        """ "When the certificate has been issued, you can delete the GlobalSign TXT record":
        the one published record of that CA and type the ticket shows (here or in an earlier
        comment). Two of them: never a guess."""
        said = " ".join(sentence.split())
        kinds = _kinds_in(said)
        types = {w.strip(".,;:()`'\"").upper() for w in said.split()} & {"TXT", "CNAME", "CAA"}
        if not kinds or not types:
            return False
        # (each value of an RRset: "the GlobalSign CAA entry" among the apex's CAA set)
        shown = {
            (m.name.lower().rstrip("."), m.rdtype, m.value)
            for m in self.mentions
            if m.mode == "observed" and m.value and m.rdtype in types
        } | {
            (o.name.lower().rstrip("."), o.type, o.value)
            for o in self.earlier_observed
            if o.type in types
        }
        matching = [
            (name, rdtype, value)
            for name, rdtype, value in sorted(shown)
            if any(k in f"{value} {name}".lower() for k in kinds)
            or ("digicert" in kinds and name.startswith("_dnsauth."))
        ]
        plural = cues.counted(said)
        if len(matching) != 1 and (plural is None or plural != len(matching)):
            # (two of them - "delete the ACM CNAME and the amazon.com CAA entry" in a backout
            # plan - are left to the readers that name records, or to no one; "both of those
            # globalsign-domain-verification TXT records … please remove both": each)
            return False
        later = bool(actions.AFTER_ISSUANCE.search(said))
        for name, rdtype, value in matching:
            self._delete_once(
                Mention(
                    name,
                    rdtype,
                    value,
                    first,
                    action="delete",
                    after_issuance=later,
                    last_line=last,
                    excerpt=said,
                )
            )
        return True

    def _delete_once(self, deleted: Mention) -> None:
        """ "It is no longer required. Please remove it once the certificate is issued": one
        delete, after issuance if any sentence about it says so."""
        for n, m in enumerate(self.mentions):
            same = (m.action, m.name, m.rdtype, m.value) == ("delete", *_what(deleted))
            if same and m.mode == "request":
                later = m.after_issuance or deleted.after_issuance
                self.mentions[n] = replace(m, after_issuance=later)
                return
        self.mentions.append(deleted)
        self._answered(deleted)


# "please don't remove it until …": held until a time (read with the time said)
_HELD_UNTIL = re.compile(
    r"\b(?:do[ ]+not|don['\u2019]t|dont)[ ]+(?:remove|delete|pull|take[ ]+out)[ ]+"
    r"(?:it|them|that|this|those|these)(?:[ ]+(?:just[ ]+)?yet)?[ ]+(?:until|till)\b",
    re.I,
)
# "Could you please create these?", "please add all of them": the records just shown, asked for.
_CREATE_THESE = re.compile(
    r"\b(?:add|create|set[ ]up|publish)[ ]+(?:all[ ]+)?(?:of[ ]+)?(?:these|those|them)"
    r"(?:[ ]+(?:records|entries))?[ ]*(?:[?.!]|please|for[ ]+us|$)",
    re.I,
)
# "it", "that one", "this record": one record, where several may have just been shown.
_SINGULAR = re.compile(
    r"\b(?:it|(?:that|this|the)\s+(?:(?:old|previous|existing|stale|former|leftover)\s+)?"
    r"(?:one|record|string|value|entry|token))\b",
    re.I,
)


# "anything in Table 1 that isn't in Table 2", "whatever is not listed above"
DESCRIBED_SET = re.compile(
    r"\b(?:anything|everything|whatever|any[ ]+(?:other[ ]+)?records?)\b[^.;]{0,80}?"
    r"\b(?:isn't|is[ ]+not|aren't|are[ ]+not|not)[ ]+(?:in|on|listed|shown|mentioned)\b|"
    # "Delete: every other line in your grep output", "Everything else in both files =>
    # delete." (never "Everything else in your list is right")
    r"\b(?:delete|remove|drop|clear)\w*[ ]*:?[ ]+(?:[^.;\n]{0,20}?)\b(?:every|all[ ]+the)[ ]+"
    r"other[ ]+(?:lines?|records?|entry|entries|ones?|names?)\b|"
    r"\b(?:everything|all)[ ]+else\b[^.;\n]{0,40}?(?:=>[ ]*)?\b(?:delete|remove|can[ ]+go|"
    r"comes?[ ]+out|can[ ]+come[ ]+out)\w*|"
    r"\ball[ ]+the[ ]+others\b[^.;\n]{0,30}?\b(?:delete|remove|can[ ]+go|can[ ]+come[ ]+out)\w*",
    re.I,
)


# "the TXT at the apex", "the record on gov.uk", "root domain": where the record said stands.
_APEX = re.compile(r"\b(?:apex|root[ ]+(?:domain|of[ ]+the[ ]+zone)|bare[ ]+domain)\b", re.I)
# (never the data: "the one pointing at X.fastly-validations.com")
_PLACE = re.compile(
    r"(?<!pointing )(?<!points )(?<!point )(?<!resolving )"
    r"\b(?:at|on|for|under)[ ]+`?([a-z0-9_][a-z0-9_.-]{0,250}\.[a-z]{2,24})\b",
    re.I,
)


def _data_in(mention: Mention, text: str) -> bool:
    """Is the record's data (a token of some length) written in `text` (lower case)?"""
    data = (mention.value or "").strip('"').lower()
    return len(data) >= _DATA_MIN and data in text


_DATA_MIN = 16  # characters of data that name one record when written out


def _at_place(clause: str, targets: list[int], mentions: list[Mention]) -> list[int]:
    """Of the records a clause may refer back to, those at the place it says: "the old TXT
    record at the apex" is never the `_acme-challenge.www` one just shown."""
    places = {m.group(1).lower().rstrip(".") for m in _PLACE.finditer(clause)}
    if places:
        # "the TXT on www.gov.uk" is also the one at its validation name, `_acme-challenge.www`
        return [
            i
            for i in targets
            if (name := mentions[i].name.lower().rstrip(".")) in places
            or (name.split(".", 1)[-1] in places and name.startswith("_"))
        ]
    if _APEX.search(clause):
        return [i for i in targets if not mentions[i].name.startswith(("_", "www."))]
    return targets


# "the one ending in -MsJ4O", "the record starting with 7lxg": a value named by a piece of it
_ENDING = re.compile(
    # ("the one beginning "…=PxT2"": without "in"/"with", only a quoted piece)
    r"\b(?:(ending|ends)|(starting|starts|beginning|begins))[ ]+"
    r"(?:(?:in|with)[ ]+[`'\"\u2018\u201c]?|[`'\"\u2018\u201c])(?:\.{2,3}|\u2026)?"
    r"([\w=-]{3,80})",
    re.I,
)


def _ends_so(value: str | None, said: re.Match[str]) -> bool:
    data = (value or "").strip("`'\"").rstrip(".").lower()
    piece = said.group(3).lower()
    return bool(data) and (data.endswith(piece) if said.group(1) else data.startswith(piece))


def _of_kind(values: list[str], kinds: set[str], asked: Mention) -> str | None:
    """The one value of `kinds` (say "globalsign") among `values` that is not the asked one."""
    if not kinds:
        return None
    return _the_other({v.strip('"') for v in values if any(k in v.lower() for k in kinds)}, asked)


def _named_value(note: str, asked: Mention) -> str | None:
    """The one value of the asked record's type a sentence gives that is not the asked one's
    ("once issued, remove the old value globalsign-domain-verification=OLD")."""
    return _the_other(
        {
            data
            for data in data_in(note, asked.rdtype)
            if len(data.rsplit("=", 1)[-1]) >= 16  # data, not "globalsign-domain-verification="
        },
        asked,
    )


def _the_other(values: set[str], asked: Mention) -> str | None:
    """The one of `values` that is not the asked record's data, as record data of its type."""
    mine = (asked.value or "").strip("`'\"").lower()
    found = {v for v in values if v.lower() != mine}
    if len(found) != 1:
        return None
    value = found.pop()
    return f'"{value}"' if asked.rdtype == "TXT" else value


def described_set(note: str, line: int) -> Flag:
    said = excerpt(note)
    return _no_delete_read(
        line,
        said,
        f"Line {line} asks to delete records it describes by a rule rather than names "
        f"({said!r}); none was read as a delete. Work out which records it means and confirm "
        "them with the vendor.",
    )


def _no_delete_read(line: int, said: str, message: str) -> Flag:
    """A delete the line asks for that names no record the reader could take: a block."""
    source = Source(first_line=line, last_line=line, excerpt=said)
    return Flag(code="ambiguous_request", severity="block", message=message, source=source)


def _distinct(mentions: list[Mention], targets: list[int]) -> set[tuple[str, str, str | None]]:
    return {_what(mentions[i]) for i in targets}


def _which_one(clause: str, note: str, line: int, shown: list[Mention], count: int = 1) -> Flag:
    said = excerpt(note)
    values = ", ".join(sorted({excerpt((m.value or m.name).strip('"'), 40) for m in shown}))
    asked = "one record" if count == 1 else f"{count} records"
    return _no_delete_read(
        line,
        said,
        f"Line {line} asks to delete {asked} ({' '.join(clause.split())!r}) but "
        f"{len(shown)} were shown just before it ({values}); which one is not said, so none "
        f"was read as a delete: {said!r}. Ask the vendor which record to remove.",
    )


def _what(m: Mention) -> tuple[str, str, str | None]:
    return (m.name, m.rdtype, m.value)


_ASKING = re.compile(
    r"\b(?:please|kindly|could\s+you|can\s+you|would\s+you|we\s+need|you(?:'ll|\s+will)?\s+need|"
    r"needs?\s+to|must|should|has\s+to|have\s+to|required|welcome\s+to|free\s+to|fine\s+to)\b"
    r"|^\W*(?:\d+[.)]\s+)?(?:add|create|delete|remove|update|change|replace|publish|set\s+up)\b",
    re.I,
)
_NOTING = re.compile(r"\bplease\s+(?:note|be\s+aware|bear\s+in\s+mind)\b", re.I)
# "This record is still published", "it is still in place", "that one is still there"
_STILL_THERE = re.compile(
    r"\b(?:is|are)[ ]+still[ ]+(?:published|in[ ]place|there|present|live|in[ ]the[ ]zone)\b", re.I
)
# "If last year's TXT is still there you can leave it alongside": another record, maybe there
_ANOTHER_IF = re.compile(
    r"\b(?:if|whether|in[ ]+case)\b[^.]{0,60}?\b(?:last[ ]+year'?s|old|older|previous|earlier|"
    r"existing|other)\b",
    re.I,
)
# "please do NOT add this now", "don't create these yet": not (yet) asked for
_NOT_THIS_NOW = re.compile(
    r"\b(?:do[ ]+not|don't|please[ ]+don't)[ ]+(?:add|create|publish)[ ]+(?:this|these|it|them)"
    r"(?:[ ]+(?:one|ones|records?))?[ ]+(?:now|yet|for[ ]+now|at[ ]+this[ ]+stage)\b",
    re.I,
)
# An action left to the reader: "if you wish", "optionally", "it does no harm to leave it",
# "you are welcome to send them both changes together". ("You're welcome to delete that old
# TXT record once the certificate is issued" invites the delete itself: it is read, unless
# the sentence also says that leaving it is fine.)
_OPTIONAL = re.compile(
    r"\b(?:if[ ]+you[ ]+(?:wish|like|want|prefer)|optionally|"
    # "leave the issuewild one in place or remove it, whichever you prefer", "it's up to you"
    r"whichever[ ]+you[ ]+(?:prefer|like|want|choose)|(?:it['’]s|it[ ]+is|that['’]s)[ ]+"
    r"(?:entirely[ ]+|completely[ ]+)?up[ ]+to[ ]+you|either[ ]+way[ ]+is[ ]+fine|"
    r"(?:feel[ ]+free|(?:you[ ]+are|you['’]re)[ ]+welcome)[ ]+to"
    r"(?![ ]+(?:delete|remove|drop|take|pull|clean|tidy|clear|bin|get[ ]+rid)\b)|"
    r"(?:does|do|there[ ]+is|there['’]s)[ ]+no[ ]+harm[ ]+(?:to[ ]+leave|in[ ]+leaving|leaving)|"
    # "these two can come out again, but I'll raise a separate ticket for that when we're
    # done, no need to do anything about it now": told of, for later, not asked
    r"(?:raise|open|log|send|file)[ ]+(?:a|another)[ ]+(?:separate|new|different)[ ]+"
    r"(?:ticket|request)|no[ ]+need[ ]+to[ ]+do[ ]+anything|"
    # "After certificate is done I will write you again and you can remove them"
    r"(?:i|we)[ ]+(?:will|'ll|’ll)[ ]+write[ ]+(?:to[ ]+)?you[ ]+again)\b",
    re.I,
)
_IF_YOU_DO = re.compile(
    r"\b(?:if|should|in\s+case|were)\s+(?:you|anyone|someone|it|they|the\s+record)\s+(?:ever\s+)?"
    r"(?:remove|delete|drop|change|update|replace|add|is\s+removed|are\s+removed|were\s+removed)\w*",
    re.I,
)
_HYPOTHETICAL = re.compile(r"\b(?:would|could|might|unless|whether|if\s+you)\b", re.I)
_ASKED_TYPES = frozenset(("TXT", "CNAME", "CAA"))
_TYPE_NAMED = re.compile(r"\b(TXT|CNAME|CAA)\b", re.I)
# "… please delete it", "you can remove them now": a delete said of what the sentences before
# named, which must end in a record read or a flag
_DELETE_IT = re.compile(
    r"(?:^\W*|\b(?:please|pls|kindly|can\s+you|could\s+you|you\s+can|you\s+may|"
    r"go\s+ahead\s+and|and|then|now|just|free\s+to|welcome\s+to|fine\s+to|ok(?:ay)?\s+to)\s+)"
    r"(?:delete|remove|drop|erase|clear|retire|bin|scrap|ditch|take\s+(?:off|out|down))\s+"
    r"(?:it|them|this(?:\s+one)?|that(?:\s+one)?|those|these)\b"
    # "Please have it removed, but only after the new certificate has been issued"
    r"|\b(?:have|get)\s+(?:it|them|this(?:\s+one)?|that(?:\s+one)?|those|these)\s+"
    r"(?:removed|deleted|taken\s+(?:off|out|down))\b"
    # "It can be removed once the new certificate has been issued" (the record asked about)
    r"|^\W*(?:it|that(?:\s+one)?|this(?:\s+one)?)\s+(?:can|could|may|should)\s+"
    r"(?:then\s+|safely\s+|now\s+)?be\s+(?:removed|deleted|dropped|taken\s+(?:out|down))\b",
    re.I,
)


# "its challenge record", "the validation record for it": the record validating a host named
_ITS_RECORD = re.compile(
    r"\b(?:its|their|the)[ ]+(?:(?:acme[ ])?challenge|validation|dcv)[ ]+(?:record|cname|entry)\b",
    re.I,
)


def _said_data(record: Observed, said: str) -> bool:
    """Does a sentence say the record's data ("clear the value V"), or the token after its
    "=" ("delete the old x6SH0yKP… TXT" of globalsign-domain-verification=x6SH0yKP…)?"""
    data = _data_of(record)
    token = data.split("=", 1)[1] if "=" in data else ""
    return (len(data) >= _DATA_AT_LEAST and data in said) or (
        len(token) >= _DATA_AT_LEAST and token in said
    )


def _data_of(record: Observed) -> str:
    """A record's data as a sentence names it: "the dcv.digicert.com record" (no final dot)."""
    return record.value.lower().rstrip(".")


def holds_its_removal(text: str) -> bool:
    """Does a comment hold back the one removal it asks for, naming it only by a pronoun ("Yes
    … One caveat: please wait until the certificate shows as Issued before you delete it")?"""
    low = text.lower()
    if "until" not in low and "wait" not in low:
        return False  # the common case, cheaply
    return any(
        _HOLD_UNTIL.search(said)
        and _PRONOUN.search(said)
        and not _TYPE_NAMED.search(said)
        and not _OWNER_LABEL.search(said)
        for said in prose.sentences_of(text)
    )


_PRONOUN = re.compile(r"\b(?:it|them|that[ ]one|this[ ]one)\b", re.I)
# A delete said of a record by a pronoun, as the clause's own words with no "please": "Bin
# it.", "Yes, it can go now.", "Those can be removed." (never "if and when it can be removed")
_PRONOUN_OBJECT = re.compile(
    r"^\W*(?:(?:yes|yeah|yep|ok|okay|so|and|then|just)\b\W*)?"
    r"(?:(?:it|they|that|this|those|these)(?:[ ]one)?[ ]+(?:can|could|may|should|must|"
    r"(?:has|have|needs?)[ ]+to)\b|"
    # "the letsencrypt.org issue entry can be retired": a record named by a few words
    r"(?:the|that|this|those|these)[ ]+(?:[\w.'\"-]+[ ]+){1,3}?(?:entry|entries|lines?|values?|"
    r"tokens?|strings?|records?|ones?)[ ]+(?:can|could|may|should|must|(?:has|have|needs?)[ ]+to)"
    r"\b|"
    r"(?![a-z]+ing\b)[a-z]+[ ]+(?:it|them|that|this|those|these)\W*$)"
    # "Once it's out you can remove the old one." (never "you can remove them once issued",
    # said of the records just asked for)
    r"|\b(?:you|we)[ ]+(?:can|could|may|should)[ ]+(?:now[ ]+|then[ ]+|safely[ ]+)?[a-z]+"
    r"(?:[ ]+(?:out|off))?[ ]+the[ ]+(?:old|older|previous|existing|stale)[ ]+"
    r"(?:one|ones|tokens?|values?|records?|entry|entries)\b",
    re.I,
)
_THE_RECORD = re.compile(
    r"\b(?:the|that|this)[ ]+(?:record|entry|one)[ ]+(?:can|could|may|should|must)[ ]+(?:now[ ]+)?"
    r"(?:be|go)\b",
    re.I,
)
ANY_DELETE = "records to delete"  # a delete whose type the sentence does not name


def unread_request(line: int, sentence: str, rdtype: str) -> Flag:
    shown = excerpt(sentence)
    return Flag(
        code="unread_value",
        severity="warn",
        message=(
            f"Line {line} asks to delete records without naming them, and no delete was read "
            f"from the ticket: {shown!r}. Check with dig what is there and ask the vendor."
            if rdtype == ANY_DELETE
            else f"Line {line} asks for a change to a {rdtype} record, but no {rdtype} record "
            f"was read from the ticket: {shown!r}. Read that part of the ticket by hand."
        ),
        source=Source(first_line=line, last_line=line, excerpt=shown),
    )

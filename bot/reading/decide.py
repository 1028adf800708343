"""From what each comment said to what the conversation asks for, in the end.

Input: every mention read from the vendor's comments, in order, each already normalised into
a change, an observed fact, or a "not wanted" (negated) record. Decisions, in this order:
- what is observed supplies the value a delete or update refers to ("delete that TXT record"),
  and a new CNAME where a different one is observed is an update of it;
- a negated record ("please do not add the TXT") withdraws the matching request, and
  "ignore my previous message" withdraws the earlier comments' requests (`retracted`);
- a later comment asking for another value at the same name and type replaces the earlier
  request (`superseded`); the same request repeated is one change;
- "it belongs on X, not on Y" in a later comment moves the earlier requests at Y to X
  (`superseded` says so).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher

from bot.models import DnsChange, Flag, Observed, Source
from bot.reading.actions import AFTER_ISSUANCE
from bot.reading.candidates import is_validation_host
from bot.reading.changes import short_names, validated_domain
from bot.reading.safety import ambiguous
from bot.reading.threadcues import at_place
from bot.records import caa_issuer
from bot.signals import CERTIFICATE_AUTHORITIES

SINGLETON_TYPES = frozenset(("CNAME",))


@dataclass(frozen=True)
class Said:
    """One thing a comment said about a record, normalised."""

    comment: int  # index of the comment in the conversation
    change: DnsChange | None = None
    observed: Observed | None = None
    negated: DnsChange | None = None
    refused: DnsChange | None = None  # asked for, but its data could not be read
    every: bool = False  # a delete of "both TXT records": the earlier comments' values too
    replaces: bool = False  # "the correct one is X": replaces the value asked for before it


@dataclass(frozen=True)
class Move:
    """A later comment saying the records asked for at `old` belong at `new`."""

    new: str
    old: str
    source: Source
    labels: bool = False  # "should be assets-origin not asset-origin": labels within names
    answered: bool = False  # the name our "X or Y?" asked the vendor to choose: none superseded


@dataclass
class Thread:
    """What comments say about the requests of the conversation, by comment index."""

    # i withdraws earlier comments' requests (None: all; else these types and names)
    withdraws: dict[int, frozenset[str] | None] = field(default_factory=dict)
    # i also takes back removals asked before, beside what it withdraws ("please don't publish
    # the TXT … Ignore what I said about removing the CNAME after issuance")
    refuses: dict[int, frozenset[str]] = field(default_factory=dict)
    moves: dict[int, list[Move]] = field(default_factory=dict)  # "belongs on X, not on Y"
    # "Yes please." to our "at X or at Y?": the requests asked before at either name, held
    left_open: dict[int, tuple[tuple[str, str], Source]] = field(default_factory=dict)
    alongside: set[int] = field(default_factory=set)  # TXT values beside earlier ones
    # the CAs whose CAA records a comment replaces ("swap the letsencrypt.org line for …";
    # not "the globalsign.com line is unchanged"); an empty set: it names none of them
    caa_named: dict[int, frozenset[str]] = field(default_factory=dict)
    # "Replace it please" to our "replace last year's, or add alongside it?": instead of them
    replacing: set[int] = field(default_factory=set)
    # "Please hold off on removing it … until the new certificate has been issued": the
    # removals asked for before wait
    removals_wait: set[int] = field(default_factory=set)
    # "hold off removing the old token until … issued": the removals of those types asked up
    # to and in that comment wait for issuance
    removals_held: dict[int, frozenset[str]] = field(default_factory=dict)
    # "CNAME." to our "Did you mean a CNAME, or really a TXT?": the type meant, from then on
    retyped: dict[int, str] = field(default_factory=dict)
    settled: set[int] = field(default_factory=set)  # "no further action is needed for X"
    # "Both resolve correctly … Those two are fine as is": the records shown before, done
    settled_shown: set[int] = field(default_factory=set)
    # "Both records from my earlier message are currently live": the adds before are done
    live: set[int] = field(default_factory=set)
    # "X, Y and Z are now validated with the records you added": those hosts' adds are done
    live_hosts: dict[int, frozenset[str]] = field(default_factory=dict)
    # "Confirmed, the GlobalSign token is gone from our side too": the removals asked for
    # before, of those types, are done
    gone: dict[int, frozenset[str]] = field(default_factory=dict)
    # "items 3, 4 and 6 are done": those places of the last list asked for are done
    done_places: dict[int, frozenset[str]] = field(default_factory=dict)
    # the line each numbered item of a comment's list stands on ("3. DELETE …" -> {3: 21})
    item_lines: dict[int, dict[int, int]] = field(default_factory=dict)
    # "use a TTL of 300 on both records" (None: "forget the TTL, I shouldn't have put it in")
    ttls: dict[int, int | None] = field(default_factory=dict)
    vendor_comments: set[int] = field(default_factory=set)  # the vendor's comments' indexes
    chasers: set[int] = field(default_factory=set)  # "… is the one we still need"
    beside: set[int] = field(default_factory=set)  # "do not overwrite it … add it next to it"
    # "So please create the record on this name: X … Please do not add the record on the name
    # … which I gave first": the same data asked before at another name is withdrawn
    renamed: set[int] = field(default_factory=set)
    # "The correct name is _acme-challenge.assets.x.gov.uk, target unchanged": the names a
    # comment gives for a mistyped one asked for before
    right_names: dict[int, list[str]] = field(default_factory=dict)
    # "TTL 3600 on the CAA is fine": a later comment's TTL for the records of one type
    typed_ttls: dict[int, tuple[int, str]] = field(default_factory=dict)
    # "please add the certainly.com CAA record only after this certificate has been issued":
    # an earlier request of that type (and data under that name) now waits for issuance
    held: dict[int, list[tuple[str, frozenset[str]]]] = field(default_factory=dict)
    # "Please use the one in my first message": the first value asked for stands, not the
    # later one that replaced it
    first_wins: set[int] = field(default_factory=set)
    # "For _acme-challenge.www.gov.uk they'd like … 60 seconds instead of the 3600": a later
    # comment's TTL for the record at one name
    named_ttls: dict[int, list[tuple[str, int]]] = field(default_factory=dict)
    # "please do NOT remove the old TXT record yet … remove the old value only after the new
    # certificate is issued": the updates asked for before are an add now, a delete later
    split: set[int] = field(default_factory=set)
    # "You're quite right. Please do NOT remove _acme-challenge.www.gov.uk; it is still in
    # use": the names a later vendor comment says to leave as they are; the changes to them
    # asked for before are withdrawn
    kept: dict[int, frozenset[str]] = field(default_factory=dict)
    # "the certificate was issued at 06:40 this morning, so (c) is now due: please remove the
    # two GlobalSign TXT records": the removals asked before, held for issuance, are due now
    removals_due: set[int] = field(default_factory=set)
    # "Actually, hold on: the apex may still be used … Let me check with our TLS team and come
    # back to you": the removals asked before are on hold until the vendor says which, if any
    removals_paused: set[int] = field(default_factory=set)
    # "the CAA I asked for should be an issuewild, not an issue": the CAA tag a comment says
    # was asked for in error (its own CAA of the other tag, for the same CA, replaces it)
    retagged: dict[int, str] = field(default_factory=dict)


@dataclass
class Decision:
    changes: list[DnsChange] = field(default_factory=list)
    observed: list[Observed] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    dropped: list[DnsChange] = field(default_factory=list)
    done: list[DnsChange] = field(default_factory=list)  # of `dropped`: said to be done
    # of `changes`: deletes held for issuance that a later comment says are due now (the words
    # beside the record that said to wait were read, and are answered)
    released: list[DnsChange] = field(default_factory=list)


def decide(said: list[Said], thread: Thread | None = None) -> Decision:
    """The changes the conversation asks for in the end, from what each comment said and what
    comments say of the others (`thread`)."""
    thread = thread or Thread()
    out = Decision()
    out.observed = _unique([s.observed for s in said if s.observed is not None])
    observed: list[Observed] = []  # what the ticket has described so far, in reading order
    seen: list[tuple[int, Observed]] = []  # every observed fact with the comment it came from
    kept: list[tuple[int, DnsChange]] = []
    asked: dict[tuple[int, str, str], set[str | None]] = {}  # values each comment asks for
    for s in said:
        if s.change is not None and s.change.action in ("add", "update"):
            asked.setdefault((s.comment, s.change.name, s.change.type), set()).add(s.change.value)
    shown: dict[int, list[Observed]] = {}  # what each comment says is published
    for s in said:
        if s.observed is not None:
            shown.setdefault(s.comment, []).append(s.observed)
    retracted: dict[int, list[DnsChange]] = {}  # the requests each comment withdrew
    pending: list[tuple[int, frozenset[str] | None]] = sorted(
        [*thread.withdraws.items(), *thread.refuses.items()], key=lambda kv: kv[0]
    )
    # the vendor's later comments that chase what is still missing ("X is in, Y is the one we
    # still need"), asking for something of their own
    chasing = {x.comment for x in said if x.change is not None and x.comment in thread.chasers}
    live = sorted(thread.live | set(thread.live_hosts) | set(thread.done_places))
    for item in [*said, None]:
        while live and (item is None or live[0] <= item.comment):
            index = live.pop(0)
            for entry in _done_items(said, kept, index, thread):
                kept.remove(entry)  # done: an add is published now, a delete gone
                out.dropped.append(entry[1])
                out.done.append(entry[1])
                if entry[1].action == "add" and entry[1].value is not None:
                    fact = _published_now(entry[1])
                    observed.append(fact)
                    out.observed += [fact] if fact not in out.observed else []
            if index not in thread.live and index not in thread.live_hosts:
                continue
            hosts = None if index in thread.live else thread.live_hosts.get(index)
            for fact in _now_live(index, kept, hosts, out):
                observed.append(fact)
                if fact not in out.observed:
                    out.observed.append(fact)
        while thread.first_wins and (item is None or min(thread.first_wins) <= item.comment):
            index = min(thread.first_wins)
            thread.first_wins.discard(index)
            _first_wins(said, kept, index, out)
        while pending and (item is None or pending[0][0] <= item.comment):
            index, types = pending.pop(0)
            if types == {"@previous"}:  # "ignore my previous message": that comment's requests
                before = max((j for j in thread.vendor_comments if j < index), default=-1)
                withdrawn = [(i, c) for i, c in kept if i == before]
            else:
                withdrawn = [(i, c) for i, c in kept if i < index and _in_scope(c, types)]
            withdrawn += [
                e for e in _in_places(kept, index, types, thread.item_lines) if e not in withdrawn
            ]
            for entry in withdrawn:
                kept.remove(entry)
                out.dropped.append(entry[1])
                out.flags.append(_retracted(entry[1], "a later comment withdrew it"))
                retracted.setdefault(index, []).append(entry[1])
        if item is None:
            break
        if item.observed is not None and item.comment in chasing:
            # "Thank you for getting the www record in - our checker now sees X … This is the
            # one we still need: Y": the vendor's chaser shows X done; only Y is asked
            for entry in [
                (i, c)
                for i, c in kept
                if i < item.comment and c.action == "add" and _published(c, [item.observed])
            ]:
                kept.remove(entry)
                out.dropped.append(entry[1])
                out.done.append(entry[1])
        if item.observed is not None:
            observed.append(item.observed)
            seen.append((item.comment, item.observed))
        elif item.negated is not None:
            _withdraw(item.negated, kept, out)
        elif item.change is not None:
            if item.every and item.change.action == "delete":
                for also in _every_value(item.comment, item.change, kept):
                    _supersede(item.comment, also, kept, out, set())
                each = _every_shown(item.comment, item.change, seen)
                if each:
                    # "delete both TXT records at X (the two values in your message)" after
                    # our dig answer showing two: a delete of each value shown
                    for also in each[1:]:
                        _supersede(item.comment, also, kept, out, set())
                    item = replace(item, change=each[0])
            if item.replaces:
                _correct(item.change, kept, out)
            if _withdrawn_again(item.change, retracted.get(item.comment, []), observed):
                # "please scrap the CAA I asked for in my first message": the add withdrawn,
                # never a removal of a record no one has said is published
                out.dropped.append(item.change)
                continue
            change = _instead(item.change, thread.withdraws.get(item.comment, frozenset()))
            change = _same_delete(_complete(change, observed), item.comment, kept)
            change, done = _added_then_removed(change, item.comment, kept, thread)
            for entry in done:  # the add it removes was made: published until removed
                kept.remove(entry)
                out.dropped.append(entry[1])
                out.done.append(entry[1])
                fact = _published_now(entry[1])
                observed.append(fact)
                out.observed += [fact] if fact not in out.observed else []
            deleted = any(_removes(c, change) for _, c in kept)  # "1. delete X … 3. create X"
            published = _published(change, observed) or _published(
                change, shown.get(item.comment, [])
            )
            if published and not deleted:
                # asked for what the ticket says is already there (before it, or anywhere in the
                # same comment: gcloud's output, then "the first one is already published"): no
                # request
                continue
            again = asked.get((item.comment, change.name, change.type), set())
            if item.comment in thread.alongside and change.type not in SINGLETON_TYPES:
                same = (change.name, change.type)
                again = again | {c.value for _, c in kept if (c.name, c.type) == same}
            if change.type == "CAA" and item.comment in thread.caa_named:
                # a CAA set is many records: a later one replaces only those whose CA it names
                named = thread.caa_named[item.comment]
                again = again | {
                    c.value
                    for _, c in kept
                    if (c.name, c.type) == (change.name, change.type)
                    and caa_issuer(c.value or "") not in named
                }
            published = item.comment in thread.replacing  # "change the existing CNAME so …"
            _supersede(item.comment, change, kept, out, again, published=published)
    for index, holds in sorted(thread.held.items()):
        for rdtype, words in holds:
            earlier = [
                (i, c) for i, c in kept if i < index and c.type == rdtype and c.action == "add"
            ]
            named = [e for e in earlier if any(w in (e[1].value or "").lower() for w in words)]
            chosen = named or (earlier if len(earlier) == 1 else [])
            kept = [
                (i, c.model_copy(update={"when": "after_issuance"})) if (i, c) in chosen else (i, c)
                for i, c in kept
            ]
    for index, types in sorted(thread.removals_held.items()):
        kept = [
            (i, c.model_copy(update={"when": "after_issuance"}))
            if i <= index and c.action == "delete" and c.when == "now" and c.type in types
            else (i, c)
            for i, c in kept
        ]
    for index in sorted(thread.removals_wait):
        kept = [
            (i, c.model_copy(update={"when": "after_issuance"}))
            if i < index and c.action == "delete" and c.when == "now"
            else (i, c)
            for i, c in kept
        ]
    for index in sorted(thread.removals_paused):
        kept = _removals_paused(kept, index, out)
    for index in sorted(thread.removals_due):
        kept = _removals_due(kept, index, thread, out)
    for index in sorted(thread.split):
        kept = _split_updates(kept, index, out)
    for index in sorted(thread.beside):
        kept = _added_beside(kept, index, out)
    for index in sorted(thread.renamed):
        kept = _renamed(kept, index, out)
    for index, names in sorted(thread.right_names.items()):
        kept = _name_corrected(kept, index, names, out)
    for index, named in sorted(thread.named_ttls.items()):
        for owner, ttl in named:
            kept = _with_ttl(kept, index, ttl, lambda c, owner=owner: _named(c, owner))
    for index, (ttl, rdtype) in sorted(thread.typed_ttls.items()):
        kept = _with_ttl(kept, index, ttl, lambda c, rdtype=rdtype: c.type == rdtype)
    for index, ttl in sorted(thread.ttls.items()):
        kept = _with_ttl(kept, index, ttl)
    for index, wrong in sorted(thread.retagged.items()):
        kept = _retagged(kept, index, wrong, out)
    for index, said_moves in sorted(thread.moves.items()):
        for move in said_moves:
            _move(index, move, kept, out)
    for index, (names, source) in sorted(thread.left_open.items()):
        kept = _name_left_open(kept, index, names, source, out)
    # An add of exactly what an update already puts there is the same request, said twice
    # (a vendor error line "add the following CNAME" and "please replace X with it").
    updated = {(c.name, c.type, c.value) for _, c in kept if c.action == "update"}
    # "remove both TXT records at X" beside the deletes of each value: the same request.
    valued = {(c.name, c.type) for _, c in kept if c.action == "delete" and c.value is not None}
    # "delete the old CNAME" beside "change it from OLD to NEW": the update already removes it.
    replaced = {(c.name, c.type, c.old_value) for _, c in kept if c.action == "update"}
    kept = [
        (i, c)
        for i, c in kept
        if not (c.action == "delete" and c.value is None and (c.name, c.type) in valued)
        and not (c.action == "delete" and c.when == "now" and (c.name, c.type, c.value) in replaced)
    ]
    # A request the vendor reports as published in a later comment that also says nothing
    # more is needed ("the CNAME for gov.uk is now verified: we can see it resolving to X, so
    # no further action is needed") has been done. (Our own "done" is no proof, nor is the
    # vendor's "we can see it" alone: the live check says whether it is.)
    for i, c in list(kept):
        # (or a later comment of ours shows it published and a vendor's comment after that says
        # nothing more is needed: "Both resolve correctly … no action is needed on them")
        settles = [k for k in thread.settled_shown if k > i]
        # (or our dig shows the new value of an update, and a vendor's comment after it says
        # nothing more is needed: "Please update X from OLD to NEW" … our dig of NEW … "Confirmed
        # - validated and issued. Nothing further needed from you")
        settles += [k for k in thread.settled if k > i] if c.action == "update" else []
        said = [
            o
            for j, o in seen
            if j > i and (j in thread.settled or any(k >= j for k in settles)) and _same(o, c)
        ]
        if c.action in ("add", "update") and said:
            kept.remove((i, c))
            out.dropped.append(c)
            out.done.append(c)
            why = "a later comment says it is in place and nothing more is needed"
            out.flags.append(_retracted(c, why, said[0].source))
    deleted = [c.name for _, c in kept if c.action == "delete"]
    for i, c in list(kept):  # "the GlobalSign token is gone from our side too"
        if c.action == "delete" and any(
            j > i and _gone(c, t, deleted) for j, t in thread.gone.items()
        ):
            kept.remove((i, c))
            out.dropped.append(c)
            out.done.append(c)
    for index, names in sorted(thread.kept.items()):
        # (an add at a name shown published with data of that type changes it too: "hold off
        # and don't change X" after "replace it with Y" to our dig of X)
        shown = {(o.name, o.type) for j, o in seen if j < index}
        # (never an add of exactly what is shown: done, and kept as asked — "Please don't
        # remove _acme-challenge.x (the CNAME to y)" after our dig shows y there)
        same = {(o.name, o.type, o.value) for j, o in seen if j < index}
        for i, c in list(kept):
            changes_it = c.action in ("update", "delete") or (
                (c.name, c.type) in shown and (c.name, c.type, c.value) not in same
            )
            if i < index and changes_it and c.name in names:
                kept.remove((i, c))
                out.dropped.append(c)
                out.flags.append(_retracted(c, "a later comment says to leave it as it is"))
                if c.action == "delete" and c.value is not None:
                    # what a delete removes is published by the vendor's own account; left as
                    # it is, it stays ("Please leave the content-publisher one where it is")
                    out.observed.append(
                        Observed(name=c.name, type=c.type, value=c.value, source=c.source)
                    )
    # What another comment says is published (our dig paste, the vendor's earlier one) also
    # completes a request: "replacing llxr…" said in our reply and confirmed by the vendor.
    # An add becomes an update of what was published before it was asked for, or of what we
    # say is in our zone at any time; a vendor's later paste may already show anything else.
    # "Please leave the Google record as it is and add ours alongside it": a second CNAME at a
    # name that has one is no possible DNS edit, and no update of it either. Said, not guessed.
    held: set[str] = set()  # names whose CNAME is held back so, not completed into an update
    for i, c in kept:
        beside = [
            o for j, o in seen if o.name == c.name and o.type == c.type and o.value != c.value
        ]
        alongside = any(j >= i for j in thread.alongside)
        replaced = any(k.name == c.name and k.action == "update" for _, k in kept)
        # (or an update made of it from what was shown there before "Please keep mine in
        # place and add Piotr's as well" said both are to stay)
        both = (c.action == "add" and not replaced) or (
            c.action == "update"
            and any(o.value == c.old_value for o in beside)
            and any(j > i for j in thread.alongside)
        )
        if c.type in SINGLETON_TYPES and beside and alongside and both:
            held.add(c.name)
            why = f"asks to add a CNAME beside the one already there ({beside[0].value})"
            out.flags.append(ambiguous(c.name, [c], why))
    completed = [
        (i, c if c.name in held else _complete(c, [o for j, o in seen if _informs(j, o, i, c)]))
        for i, c in kept
    ]
    out.flags += _shown_otherwise_later(completed, seen)
    out.flags += _deleted_not_shown(completed, seen)
    made_updates = [
        (i, done)
        for (i, c), (_, done) in zip(kept, completed, strict=True)
        if c.action != done.action
    ]
    out.flags += _unanswered_replacements(made_updates, seen, thread.vendor_comments)
    kept = completed
    kept = _replacing(kept, thread.replacing, seen)
    for index, rdtype in sorted(thread.retyped.items()):
        kept = _retyped(kept, index, rdtype, out)
    kept = _spelled_out(kept, seen)
    updated |= {(c.name, c.type, c.value) for _, c in kept if c.action == "update"}
    out.changes = [
        c for _, c in kept if not (c.action == "add" and (c.name, c.type, c.value) in updated)
    ]
    # What an update replaces, or a delete removes, is by the vendor's own account what is
    # published now (unless it is a record this ticket itself adds: "remove it after issuance").
    added = {(c.name, c.type, c.value) for c in out.changes if c.action != "delete"}
    replaced = [
        Observed(name=c.name, type=c.type, value=c.old_value, source=c.source)
        for c in out.changes
        if c.action == "update" and c.old_value is not None
    ] + [
        Observed(name=c.name, type=c.type, value=c.value, source=c.source, ttl=c.ttl)
        for c in out.changes
        if c.action == "delete" and c.value is not None and (c.name, c.type, c.value) not in added
    ]
    out.observed = _unique([*out.observed, *replaced])
    # A TTL says how long to publish a record: a delete asks for none (the TTL the ticket
    # shows for the record to remove stays with what is observed).
    out.changes = [
        c.model_copy(update={"ttl": None}) if c.action == "delete" else c for c in out.changes
    ]
    return out


def _now_live(
    index: int,
    kept: list[tuple[int, DnsChange]],
    hosts: frozenset[str] | None,
    out: Decision,
) -> list[Observed]:
    """The adds asked for before comment `index`, which says they are live (all, or those
    validating `hosts`): taken out of `kept` (into `out.dropped` and `out.done`: asked, read
    and done), and what is published now."""
    if hosts is not None and "@apex" in hosts:
        # ("apex, www and eservices all came through"): the host the others sit under
        asked = {_validated(c.name) for i, c in kept if i < index and c.action == "add"}
        parents = {
            h
            for h in asked
            if any(o.endswith("." + h) for o in asked)
            and not any(h.endswith("." + o) for o in asked)
        }
        # (its validation records only: a CAA asked at the apex is no challenge that came through)
        hosts = hosts | frozenset(
            "=" + c.name.lower().rstrip(".")
            for _, c in kept
            if len(parents) == 1 and _validated(c.name) in parents and c.name.startswith("_")
        )
    firsts = frozenset(
        _validated(c.name).split(".", 1)[0] for i, c in kept if i < index and c.action == "add"
    )
    done = [
        (i, c)
        for i, c in kept
        if i < index
        and c.action == "add"
        and c.value is not None
        and (
            hosts is None
            or _validated(c.name) in hosts
            # ("_acme-challenge.x validated this morning": that record only)
            or "=" + c.name.lower().rstrip(".") in hosts
            # ("^frontend": "Confirmed: frontend validated", a host by its first label)
            # ("Staging has validated": www.staging.x, the label after "www")
            or any("^" + label in hosts for label in short_names(_validated(c.name), firsts))
            # ("~certainly.com": "I can see certainly.com in the CAA set", by its data)
            or any(h.startswith("~") and h[1:] in (c.value or "").lower() for h in hosts)
        )
    ]
    for entry in done:
        kept.remove(entry)
        out.dropped.append(entry[1])
        out.done.append(entry[1])
    return [_published_now(c) for _, c in done]


def _published_now(change: DnsChange) -> Observed:
    return Observed(
        name=change.name,
        type=change.type,
        value=change.value or "",
        ttl=change.ttl,
        source=change.source,
    )


def _withdrawn_again(
    change: DnsChange, withdrawn: list[DnsChange], observed: list[Observed]
) -> bool:
    """Is a delete the same comment's withdrawal of that very add, said with a removal verb
    ("scrap the CAA I asked for", "drop the TXT from my first message"), of a record nothing
    showed as published?"""
    if change.action != "delete":
        return False
    same = (change.name, change.type, change.value)
    asked = any(c.action == "add" and (c.name, c.type, c.value) == same for c in withdrawn)
    return asked and not any((o.name, o.type, o.value) == same for o in observed)


def _instead(change: DnsChange, withdrawn: frozenset[str] | None) -> DnsChange:
    """ "Please use a CNAME instead of the TXT record" (the TXT withdrawn in the same comment):
    the CNAME is a new request, not a change of a CNAME whose current value is never said."""
    types = {t for t in withdrawn or () if not t.endswith(".")}
    # ("for the existing _acme-challenge CNAME … to be updated so that it points to X": a
    # change of the record there, whose current value is never said, which the check says)
    said = change.source.excerpt if change.source else ""
    existing = _EXISTING.search(said) is not None
    if change.action == "update" and change.old_value is None and types - {change.type}:
        return change if existing else change.model_copy(update={"action": "add"})
    return change


_EXISTING = re.compile(r"\b(?:existing|current(?:ly)?|already)\b", re.I)


def _complete(change: DnsChange, observed: list[Observed]) -> DnsChange:
    """Fill the value a delete or update refers to from what the ticket says is published."""
    # (each value once: our dig paste may show what the vendor's comment already did)
    same = list(
        dict.fromkeys(o.value for o in observed if (o.name, o.type) == (change.name, change.type))
    )
    if change.action == "update" and change.old_value is None:
        others = [v for v in same if v != change.value]
        if len(others) == 1:
            return change.model_copy(update={"old_value": others[0]})
    if change.action == "delete" and change.value is None and change.type == "CAA":
        # "drop the GlobalSign entry": only a record naming that CA, never the one beside it
        # the vendor listed to keep
        same = [v for v in same if _issuer_fits(v, change)]
    if change.action == "delete" and change.value is None and len(same) == 1:
        return change.model_copy(update={"value": same[0]})
    if change.action == "add" and change.type in SINGLETON_TYPES:
        others = [v for v in same if v != change.value]
        if len(others) == 1:  # one CNAME at a name: a new one replaces what is there
            return change.model_copy(update={"action": "update", "old_value": others[0]})
    return change


def _removals_due(
    kept: list[tuple[int, DnsChange]], index: int, thread: Thread, out: Decision
) -> list[tuple[int, DnsChange]]:
    """The deletes asked before comment `index`, held until issuance, asked for now: that
    comment reports the certificate issued and asks for them (unless a later comment holds
    removals again)."""
    holds = {*thread.removals_wait, *thread.removals_held, *thread.split}
    if any(h > index for h in holds):
        return kept
    due = []
    for i, c in kept:
        if i < index and c.action == "delete" and c.when == "after_issuance":
            c = c.model_copy(update={"when": "now"})
            out.released.append(c)
        due.append((i, c))
    return due


def _gone(delete: DnsChange, said: frozenset[str], deleted: list[str]) -> bool:
    """Is `delete` among the removals a later comment says are gone ("TXT": every TXT asked to
    be removed; "TXT~dnsauth": those of that kind only; "TXT@apex", "TXT@www", "TXT@x.gov.uk":
    those at that place only, of the names `deleted`)?"""
    data = f"{delete.name} {delete.value or ''}".lower()
    for key in said:
        rest, _, place = key.partition("@")
        rdtype, _, kind = rest.partition("~")
        if rdtype != delete.type or (kind and kind not in data):
            continue
        if not place or _at_place(delete.name, place, deleted):
            return True
    return False


def _at_place(name: str, place: str, deleted: list[str]) -> bool:
    """Is `name` at the place a comment names: "www" (www.x), "apex" (the name no other
    removal asked for is above, never www.x nor _label.x), or that host?"""
    name = name.lower().rstrip(".")
    if place == "www":
        return name.startswith("www.")
    if place == "apex":
        above = [d.lower().rstrip(".") for d in deleted]
        under_another = any(d != name and name.endswith(f".{d}") for d in above)
        return not name.startswith(("www.", "_")) and not under_another
    return name == place


def _same_delete(change: DnsChange, comment: int, kept: list[tuple[int, DnsChange]]) -> DnsChange:
    """ "You're clear to delete the GlobalSign TXT on x.gov.uk" in a later comment, after a
    delete of the one TXT there was asked for: that record, whose time the later words say."""
    if change.action != "delete" or change.value is not None:
        return change
    asked = {
        c.value
        for i, c in kept
        if i < comment
        and c.action == "delete"
        and (c.name, c.type) == (change.name, change.type)
        and c.value
    }
    if len(asked) != 1:
        return change
    # ("Please remove it together with the gov.uk one, i.e. only after we confirm the new
    # certificate has been issued": the time its own words say)
    said = change.source.excerpt if change.source else ""
    waits = change.when == "after_issuance" or bool(AFTER_ISSUANCE.search(said))
    when = "after_issuance" if waits else change.when
    return change.model_copy(update={"value": asked.pop(), "when": when})


def _added_then_removed(
    change: DnsChange, comment: int, kept: list[tuple[int, DnsChange]], thread: Thread
) -> tuple[DnsChange, list[tuple[int, DnsChange]]]:
    """ "the new cert was issued about an hour ago … that txt is still on gov.uk - you can
    delete it now", after an earlier comment asked to add the one TXT there: the removal of
    that record (its value), and the add it removes, made (returned, to be dropped as done).
    Only in a comment that reports the certificate issued and asks for removals now, and
    never of a record its own words call old ("delete the old TXT": another value)."""
    if (
        change.action != "delete"
        or change.value is not None
        or change.when != "now"
        or comment not in thread.removals_due
    ):
        return change, []
    added = [
        (i, c)
        for i, c in kept
        if i < comment and c.action == "add" and (c.name, c.type) == (change.name, change.type)
    ]
    said = change.source.excerpt if change.source else ""
    if len({c.value for _, c in added}) != 1 or not added[0][1].value or _OTHER_VALUE.search(said):
        return change, []
    return change.model_copy(update={"value": added[0][1].value}), added


# A removal of another record than the one added: "the old TXT", "last year's token", "the
# existing one", "the other TXT"
_OTHER_VALUE = re.compile(
    r"\b(?:old|older|previous|existing|other|stale|former|last[ \t]+year['\u2019]?s?|"
    r"expired|original)\b",
    re.I,
)


def _issuer_fits(value: str, delete: DnsChange) -> bool:
    """Does a CAA value name the CA the delete's words name (any value, when they name none)?"""
    said = (delete.source.excerpt if delete.source else "").lower()
    named = [
        domains
        for words, domains in CERTIFICATE_AUTHORITIES.values()
        if any(w.strip() in said for w in words)
    ]
    return not named or any(d in value.lower() for domains in named for d in domains)


def _in_places(
    kept: list[tuple[int, DnsChange]],
    index: int,
    scope: frozenset[str] | None,
    item_lines: dict[int, dict[int, int]] | None = None,
) -> list[tuple[int, DnsChange]]:
    """ "Please scrap the second one": the records at those places ("#2") of the last comment
    before `index` that asked for any, in the order it gave them (a place is a line: an
    update read there may be held as its parts until the end); of a comment that numbered
    its list, the records said in those numbered items ("please ignore point 1" under
    "Conflicting record(s) found … add the following CNAME" above "1. delete the TXT …")."""
    places = [int(s[1:]) for s in scope or () if s.startswith("#")]
    earlier = [i for i, _ in kept if i < index]
    if not places or not earlier:
        return []
    last = [e for e in kept if e[0] == max(earlier)]
    items = (item_lines or {}).get(max(earlier), {})
    if items and all(p in items for p in places):
        starts = sorted(items.values())
        spans = [(items[p], next((n for n in starts if n > items[p]), None)) for p in places]
        return [
            e
            for e in last
            if e[1].source is not None
            and any(
                a <= e[1].source.first_line and (b is None or e[1].source.first_line < b)
                for a, b in spans
            )
        ]
    lines = sorted({e[1].source.first_line if e[1].source else 0 for e in last})
    if len(lines) == 1 and len(last) > 1:
        # "pls add 2 cname: A -> X , B -> Y" then "sry ignore 2nd one": in the order said
        picked = {at_place(list(range(len(last))), p) for p in places} - {None}
        return [e for k, e in enumerate(last) if k in picked]
    chosen = {at_place(lines, p) for p in places} - {None}
    return [e for e in last if (e[1].source.first_line if e[1].source else 0) in chosen]


def _done_items(
    said: list[Said], kept: list[tuple[int, DnsChange]], index: int, thread: Thread
) -> list[tuple[int, DnsChange]]:
    """ "Quick update: items 3, 4 and 6 are done": the requests read from those numbered items
    of the last comment before `index` that numbered its list (whichever line a request was
    first said on: "Conflicting record(s) found … add the following CNAME" above the list)."""
    places = {int(p[1:]) for p in thread.done_places.get(index, ()) if p[1:].isdigit()}
    listed = [i for i in thread.item_lines if i < index]
    if not places or not listed:
        return []
    items = thread.item_lines[max(listed)]
    lines = {items[p] for p in places if p in items}
    keys = {
        s.change.key()
        for s in said
        if s.comment == max(listed)
        and s.change is not None
        and s.change.source is not None
        and s.change.source.first_line in lines
    }
    return [e for e in kept if e[1].key() in keys]


def _withdraw(negated: DnsChange, kept: list[tuple[int, DnsChange]], out: Decision) -> None:
    matches = [
        (i, c)
        for i, c in kept
        if c.name == negated.name
        and c.type == negated.type
        and (negated.value is None or c.value == negated.value)
        # "Please don't remove _acme-challenge.x (the CNAME to y)": its deletes, never its add
        and (negated.action != "delete" or c.action == "delete")
    ]
    if not matches and negated.action == "delete":
        return  # a record to keep, which nothing asked to remove
    for entry in matches:
        kept.remove(entry)
        out.dropped.append(entry[1])
    out.dropped.append(negated)
    shown = negated if not matches else matches[0][1]
    out.flags.append(_retracted(shown, "the ticket says it is not wanted", negated.source))


def _removes(delete: DnsChange, change: DnsChange) -> bool:
    """Does `delete` remove the record `change` adds (the one value, or every one there)?"""
    return (
        delete.action == "delete"
        and (delete.name, delete.type) == (change.name, change.type)
        and delete.value in (None, change.value)
    )


def _published(change: DnsChange, observed: list[Observed]) -> bool:
    return change.action == "add" and any(
        (o.name, o.type, o.value) == (change.name, change.type, change.value) for o in observed
    )


def _with_ttl(
    kept: list[tuple[int, DnsChange]],
    index: int,
    ttl: int | None,
    picks: Callable[[DnsChange], bool] = lambda c: True,
) -> list[tuple[int, DnsChange]]:
    """A later comment's TTL for the records asked for before it (those `picks` chooses: at
    one name, of one type, or all): where none was said, or in place of the one said ("make
    that 300 on all three rather than 3600"): the vendor's latest word."""
    return [
        (i, c.model_copy(update={"ttl": ttl}))
        if i < index and c.action in ("add", "update") and picks(c)
        else (i, c)
        for i, c in kept
    ]


def _renamed(
    kept: list[tuple[int, DnsChange]], index: int, out: Decision
) -> list[tuple[int, DnsChange]]:
    """The adds asked for before comment `index` whose data that comment asks for at another
    name, when it says not to add the record at the name it gave first: withdrawn (and said)."""
    now = {(c.type, c.value, c.name) for i, c in kept if i == index and c.action == "add"}
    out_kept: list[tuple[int, DnsChange]] = []
    for i, c in kept:
        elsewhere = any((t, v) == (c.type, c.value) and n != c.name for t, v, n in now)
        if i < index and c.action == "add" and elsewhere:
            out.dropped.append(c)
            out.flags.append(_retracted(c, "a later comment asks for it at another name instead"))
            continue
        out_kept.append((i, c))
    return out_kept


def _name_corrected(
    kept: list[tuple[int, DnsChange]], index: int, names: list[str], out: Decision
) -> list[tuple[int, DnsChange]]:
    """The requests asked for before comment `index` at a name one label's typo away from a
    name it says is the correct one ("assests" for "assets"): asked at that name (the
    mistyped one withdrawn, and said)."""
    out_kept: list[tuple[int, DnsChange]] = []
    for i, c in kept:
        right = [n for n in names if i < index and _one_typo_apart(c.name, n)]
        if len(right) == 1:
            why = f"a later comment gives the correct name, {right[0]}"
            out.flags.append(_retracted(c, why))
            c = c.model_copy(update={"name": right[0]})
        out_kept.append((i, c))
    return out_kept


def _one_typo_apart(name: str, other: str) -> bool:
    """Do two names differ in one label only, by a typo ("assests" / "assets")?"""
    a, b = name.lower().rstrip(".").split("."), other.lower().rstrip(".").split(".")
    if len(a) != len(b):
        return False
    differ = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return len(differ) == 1 and SequenceMatcher(None, *differ[0]).ratio() >= 0.75


def _added_beside(
    kept: list[tuple[int, DnsChange]], index: int, out: Decision
) -> list[tuple[int, DnsChange]]:
    """The TXT/CAA updates asked for before comment `index`, when it says to add the new value
    beside the old one instead: adds (the replacement withdrawn, and said)."""
    out_kept: list[tuple[int, DnsChange]] = []
    for i, c in kept:
        if i < index and c.action == "update" and c.type not in SINGLETON_TYPES:
            out.flags.append(
                _retracted(c, "a later comment asks for the new value beside the old one instead")
            )
            c = c.model_copy(update={"action": "add", "old_value": None})
        out_kept.append((i, c))
    return out_kept


def _removals_paused(
    kept: list[tuple[int, DnsChange]], index: int, out: Decision
) -> list[tuple[int, DnsChange]]:
    """The removals asked for before comment `index`, which puts them on hold while the vendor
    checks: none drafted, each said (a person waits for the vendor's answer)."""
    paused = [(i, c) for i, c in kept if i < index and c.action == "delete"]
    for _, c in paused:
        why = "asks for a removal that a later comment puts on hold while the vendor checks it"
        out.flags.append(ambiguous(c.name, [c], why))
    return [item for item in kept if item not in paused]


def _split_updates(
    kept: list[tuple[int, DnsChange]], index: int, out: Decision
) -> list[tuple[int, DnsChange]]:
    """The updates asked for before comment `index`, when it says the old value stays until
    issuance: the new value added now, the old deleted after issuance. A CNAME cannot have two
    values at once: that is no possible edit, and said."""
    split: list[tuple[int, DnsChange]] = []
    for i, c in kept:
        if i >= index or c.action != "update" or c.old_value is None:
            split.append((i, c))
        elif c.type in SINGLETON_TYPES:
            split.append((i, c))
            why = "keeps the old CNAME until issuance beside the new one (a name holds one CNAME)"
            out.flags.append(ambiguous(c.name, [c], why))
        else:
            split.append((i, c.model_copy(update={"action": "add", "old_value": None})))
            gone = {"action": "delete", "value": c.old_value, "old_value": None, "ttl": None}
            split.append((i, c.model_copy(update={**gone, "when": "after_issuance"})))
    return split


def _first_wins(
    said: list[Said], kept: list[tuple[int, DnsChange]], index: int, out: Decision
) -> None:
    """ "Please use the one in my first message. The follow-up was generated against a
    duplicate order": each request a later comment (before `index`) replaced stands as first
    asked; the replacement is left out."""
    for i, c in list(kept):
        first = next(
            (
                (s.comment, s.change)
                for s in said
                if s.change is not None
                and s.comment < i
                and (s.change.name, s.change.type) == (c.name, c.type)
                and s.change.action in ("add", "update")
                and s.change.value != c.value
            ),
            None,
        )
        if i >= index or first is None:
            continue
        kept.remove((i, c))
        kept.append(first)
        out.dropped.append(c)
        out.flags = [
            f for f in out.flags if not (f.code == "superseded" and f.source == first[1].source)
        ]
        out.flags.append(_retracted(c, "a later comment asks for the value first given instead"))


def _supersede(
    comment: int,
    change: DnsChange,
    kept: list[tuple[int, DnsChange]],
    out: Decision,
    again: set[str | None],
    *,
    published: bool = False,
) -> None:
    """A later comment's new value replaces an earlier request at the same name and type,
    unless that comment asks for the earlier value again (a set of TXT/CAA values).
    `published`: the comment says the record asked for before is in place now ("the record I
    gave you on Monday has the wrong target … Please change the existing CNAME so it reads:")."""
    if change.action == "update" and change.old_value is None:
        same = (change.name, change.type, change.value)
        if any((c.name, c.type, c.value) == same for _, c in kept if c.action == "add"):
            return  # "update" to the value already asked for: the request repeated
    for n, (i, c) in enumerate(kept):
        if c.key() == change.key():  # the same request, repeated: keep the TTL if one said it
            # (a later comment's TTL is the vendor's latest word: "the complete and final list"
            # after "Sorry - TTL 60 not 600")
            later = comment > i and change.ttl is not None and change.ttl != c.ttl
            if (c.ttl is None and change.ttl is not None) or later:
                kept[n] = (i, change.model_copy(update={"source": c.source}) if later else change)
            return
        if _fuller(change, c):
            # "update X to Y", then "change it from OLD to Y, keep the TTL at 3600": the same
            # request, said more fully the second time
            kept[n] = (i, change)
            return
    if change.action in ("add", "update"):
        earlier = [
            (i, c)
            for i, c in kept
            if i < comment
            and c.name == change.name
            and c.type == change.type
            and c.action in ("add", "update")
            and c.value not in again
            and _caa_tag(c.value) == _caa_tag(change.value)  # issuewild never replaces issue
        ]
        made = {c.value for _, c in earlier if c.action == "add"}
        if earlier and published and change.old_value is None and len(made) == len(earlier) == 1:
            # "Please change the existing CNAME so it reads: Y" after the add of X: what is
            # there now is X, the one record asked for at that name
            change = change.model_copy(update={"action": "update", "old_value": made.pop()})
        elif earlier and change.action == "update" and change.old_value is None:
            # "The token has changed: please update it to ..." replaces a request, not a record.
            change = change.model_copy(update={"action": "add"})
        replaced = {c.old_value for _, c in earlier if c.action == "update" and c.old_value}
        if change.action == "add" and len(replaced) == 1 and change.value not in replaced:
            # "swap X to Y" then "the correct new target is Z": what Z replaces is still X
            change = change.model_copy(update={"action": "update", "old_value": replaced.pop()})
        ttls = {c.ttl for _, c in earlier}
        if change.ttl is None and len(ttls) == 1 and change.action in ("add", "update"):
            # "The correct new value is Z. Everything else (the current value and the 3600
            # TTL) is as I said before": a corrected value keeps what it does not say
            change = change.model_copy(update={"ttl": ttls.pop()})
        for entry in earlier:
            kept.remove(entry)
            out.dropped.append(entry[1])
            why = f"a later comment asking for {change.value} ({_where(change.source)})"
            out.flags.append(_superseded(entry[1], change.name, f"was replaced by {why}"))
    elif change.action == "delete" and change.value is not None and change.when == "now":
        # A later comment deleting exactly the record an earlier one asked for ends that
        # request (it was made, or is no longer wanted): only the delete remains.
        for entry in [
            (i, c)
            for i, c in kept
            if i < comment
            and c.action in ("add", "update")
            and (c.name, c.type, c.value) == (change.name, change.type, change.value)
        ]:
            kept.remove(entry)
            out.dropped.append(entry[1])
    if change.action == "delete":
        # "please delete the TXT only after I have confirmed the certificate is issued": a
        # later comment re-times a delete asked for before; its word is the last
        same = (change.name, change.type, change.value)
        for entry in [
            (i, c)
            for i, c in kept
            if i < comment
            and c.action == "delete"
            and (c.name, c.type, c.value) == same
            and c.when != change.when
        ]:
            kept.remove(entry)
            out.dropped.append(entry[1])
            if entry[1].when == "after_issuance" and change.when == "now":
                # "Yes, but leave it until the new certificate is live" … "issued and deployed
                # … You're free to remove the old TXT": the wait asked for is over, no change
                continue
            when = "after issuance" if change.when == "after_issuance" else "now"
            why = f"is to be done {when}, as a later comment says ({_where(change.source)})"
            out.flags.append(_superseded(entry[1], change.name, why))
    kept.append((comment, change))


def _fuller(change: DnsChange, earlier: DnsChange) -> bool:
    """Is `change` the update `earlier` asked for, with what it left unsaid (the current value,
    the TTL) now said? (Or the add `earlier` asked for, now said to replace what is there:
    "Please replace it: X should point only to Y" after "HOST / POINTS TO: Y".)"""
    same = (change.name, change.type, change.value, change.when) == (
        earlier.name,
        earlier.type,
        earlier.value,
        earlier.when,
    ) and earlier.action in (change.action, "add")
    return (
        same
        and change.action == "update"
        and earlier.old_value in (None, change.old_value)
        and earlier.ttl in (None, change.ttl)
    )


def _correct(change: DnsChange, kept: list[tuple[int, DnsChange]], out: Decision) -> None:
    """The requests at the corrected change's name and type, said before the correction."""
    for entry in [
        (i, c)
        for i, c in kept
        if (c.name, c.type) == (change.name, change.type)
        and c.action in ("add", "update")
        and c.value != change.value
    ]:
        kept.remove(entry)
        out.dropped.append(entry[1])
        why = f"was corrected to {change.value} ({_where(change.source)})"
        out.flags.append(_superseded(entry[1], change.name, why))


def _retagged(
    kept: list[tuple[int, DnsChange]], index: int, wrong: str, out: Decision
) -> list[tuple[int, DnsChange]]:
    """The CAA adds of the `wrong` tag asked for before a comment that says the other tag was
    meant: replaced by that comment's CAA of the other tag for the same CA at the same name
    ("… should be an issuewild, not an issue. So instead of the issue record please add: X
    CAA 0 issuewild "certainly.com""); with no such record of its own, the one CAA of that
    tag asked for before, with the other tag ("The CAA should be issuewild, not issue."); of
    several, which is meant is for a person."""
    right = "issuewild" if wrong == "issue" else "issue"
    # (the comment's own records, or those of the mail it passes on, read as said with it)
    meant = {
        (c.name, caa_issuer(c.value or ""))
        for i, c in kept
        if i <= index and c.type == "CAA" and _caa_tag(c.value) == right
    }
    earlier = [
        (i, c)
        for i, c in kept
        if i <= index and c.type == "CAA" and c.action == "add" and _caa_tag(c.value) == wrong
    ]
    if meant:
        gone = [e for e in earlier if (e[1].name, caa_issuer(e[1].value or "")) in meant]
        for _, c in gone:
            out.dropped.append(c)
            why = f"was corrected to the {right} tag by a later comment"
            out.flags.append(_superseded(c, c.name, why))
        return [e for e in kept if e not in gone]
    if len(earlier) > 1:
        why = f"is a CAA {wrong} record; a later comment says {right} was meant, not which"
        out.flags += [ambiguous(c.name, [c], why) for _, c in earlier]
    if len(earlier) != 1:
        return kept
    ((i, c),) = earlier
    flags, _, data = str(c.value).split(None, 2)
    fixed = c.model_copy(update={"value": f"{flags} {right} {data}"})
    out.flags.append(_superseded(c, c.name, f"was corrected to {fixed.value} by a later comment"))
    return [(i, fixed) if e == (i, c) else e for e in kept]


def _replacing(
    kept: list[tuple[int, DnsChange]], answers: set[int], seen: list[tuple[int, Observed]]
) -> list[tuple[int, DnsChange]]:
    """ "Replace it please" to our "should we replace last year's with the new code, or add
    alongside it?": each TXT/CAA add asked for before the answer is an update of the one
    other value shown published at its name before it (none, or several: left an add)."""
    if not answers:
        return kept  # the common case
    out = []
    for i, c in kept:
        asked = {k.value for _, k in kept if (k.name, k.type) == (c.name, c.type)}
        others = {
            o.value
            for j, o in seen
            if (o.name, o.type) == (c.name, c.type)
            and o.value not in asked
            and any(j < a for a in answers)
        }
        if c.action == "add" and any(i < a for a in answers) and len(others) == 1:
            c = c.model_copy(update={"action": "update", "old_value": others.pop()})
        out.append((i, c))
    return out


def _retyped(
    kept: list[tuple[int, DnsChange]], index: int, rdtype: str, out: Decision
) -> list[tuple[int, DnsChange]]:
    """The requests before a comment that says which type was meant ("CNAME. Sorry - our macro
    says "TXT record" for every challenge"), of the other type and with a host for data, as
    the type meant (only a TXT holding a validation host becomes a CNAME)."""
    result = []
    for i, c in kept:
        host = (c.value or "").strip('"').rstrip(".").lower()
        if i < index and rdtype == "CNAME" and c.type == "TXT" and is_validation_host(host):
            meant = c.model_copy(update={"type": "CNAME", "value": f"{host}."})
            why = f"was asked for as a TXT; a later comment says a CNAME is meant ({host}.)"
            out.flags.append(_superseded(c, c.name, why))
            c = meant
        result.append((i, c))
    return result


def _unanswered_replacements(
    made: list[tuple[int, DnsChange]], seen: list[tuple[int, Observed]], vendor: set[int]
) -> list[Flag]:
    """A CNAME the vendor asked to add, made an update of the other CNAME our own later paste
    shows there, when the vendor has said nothing since: whether to replace that record (it may
    serve something else) is for a person to ask, not for the reader to assume."""
    flags = []
    for i, c in made:  # (CNAME adds _complete made updates of the one value shown there)
        shown = [
            j
            for j, o in seen
            if (o.name, o.type, o.value) == (c.name, c.type, c.old_value)
            and o.source is not None
            and o.source.role == "us"
        ]
        asked_add = c.source is not None and c.source.role == "vendor" and shown
        if asked_add and min(shown) > i and not any(v > min(shown) for v in vendor):
            why = f"asks to add a CNAME where our later paste shows another ({c.old_value})"
            flags.append(ambiguous(c.name, [c], why + " and the vendor has not said to replace it"))
    return flags


def _shown_otherwise_later(
    kept: list[tuple[int, DnsChange]], seen: list[tuple[int, Observed]]
) -> list[Flag]:
    """ "… from our resolvers it still returns: _acme-challenge.gov.uk. CNAME OLD. It should be
    NEW": a later vendor comment showing another target at a CNAME still asked as an add. It
    may be an update of what is shown; which, a person says (a warn at the add)."""
    flags = []
    for i, c in kept:
        if c.action != "add" or c.type not in SINGLETON_TYPES or c.value is None:
            continue
        other = next(
            (
                o
                for j, o in seen
                if j > i
                and o.source is not None
                and o.source.role == "vendor"
                and (o.name, o.type) == (c.name, c.type)
                and o.value != c.value
            ),
            None,
        )
        if other is not None:
            flags.append(
                Flag(
                    code="unread_value",
                    severity="warn",
                    name=c.name,
                    message=f"A later comment shows {c.name} {c.type} {other.value} "
                    f"({_where(other.source)}) where the ticket asks to add {c.value}: it may be "
                    "an update of that record, not an add. Check which.",
                    source=other.source,
                )
            )
    return flags


def _deleted_not_shown(
    kept: list[tuple[int, DnsChange]], seen: list[tuple[int, Observed]]
) -> list[Flag]:
    """ "Please remove service.gov.uk. CAA 0 issue "globalsign.com"", then our dig of
    service.gov.uk's CAA set without that line, then the vendor's next ask at that name: the
    record to delete is not there (the vendor may mean another of the set, "issuewild", and
    correct it). Which, a person says (a warn at the delete)."""
    flags = []
    for i, c in kept:
        if c.action != "delete" or c.value is None:
            continue
        ours = [
            o
            for j, o in seen
            if j > i
            and o.source is not None
            and o.source.role == "us"
            and (o.name, o.type) == (c.name, c.type)
        ]
        # (and the vendor asks again at that name after it: "The line to remove there is …";
        # our dig once the removal is done shows it gone, as asked)
        again = any(
            k > j and (k_c.name, k_c.type) == (c.name, c.type)
            for k, k_c in kept
            for j, o in seen
            if o in ours
        )
        if ours and again and all(o.value.lower() != c.value.lower() for o in ours):
            shown = ", ".join(o.value for o in ours[:4])
            flags.append(
                Flag(
                    code="unread_value",
                    severity="warn",
                    name=c.name,
                    message=f"The ticket asks to delete {c.name} {c.type} {c.value}, but a later "
                    f"comment of ours shows {c.name} {c.type} as {shown} "
                    f"({_where(ours[0].source)}), without it: check which record is meant.",
                    source=ours[0].source,
                )
            )
    return flags


def _informs(j: int, seen: Observed, i: int, change: DnsChange) -> bool:
    """Does comment j's observation complete comment i's change (after the comments are read)?"""
    ours = seen.source is not None and seen.source.role == "us"
    return j != i and (j < i or change.action != "add" or ours)


def _same(seen: Observed, change: DnsChange) -> bool:
    return (seen.name, seen.type, seen.value) == (change.name, change.type, change.value)


def _spelled_out(
    kept: list[tuple[int, DnsChange]], seen: list[tuple[int, Observed]]
) -> list[tuple[int, DnsChange]]:
    """ "Please remove whatever is at X except the record we just gave you", after an answer
    showing two TXT there: a delete that names no value, at a name where the ticket adds one
    and has shown what is published, is a delete of each value shown before it but not
    added (never of the one added, whatever order the changes are made in)."""
    out: list[tuple[int, DnsChange]] = []
    for i, c in kept:
        at = (c.name, c.type)
        added = {k.value for _, k in kept if k.action == "add" and (k.name, k.type) == at}
        shown = [
            o.value
            for j, o in seen
            if (o.name, o.type) == at and o.value not in added and _before(j, o, i, c)
        ]
        if c.action == "delete" and c.value is None and added and shown:
            out += [(i, c.model_copy(update={"value": v})) for v in dict.fromkeys(shown)]
        else:
            out.append((i, c))
    return out


def _before(j: int, shown: Observed, i: int, change: DnsChange) -> bool:
    """Was `shown` (said in comment j) said before `change` (in comment i)?"""
    if j != i:
        return j < i
    here = change.source.first_line if change.source else 0
    return shown.source is not None and shown.source.first_line < here


def _every_shown(
    comment: int, delete: DnsChange, seen: list[tuple[int, Observed]]
) -> list[DnsChange]:
    """A delete naming no value, of "both"/"all" the records at a name: one per value shown as
    published there before it (in an earlier comment, or above it in its own: "Delete both TXT
    records above" under the vendor's dig answer)."""
    if delete.value is not None:
        return []
    values = dict.fromkeys(
        o.value
        for j, o in seen
        if (j < comment or (j == comment and _above(o.source, delete.source)))
        and (o.name, o.type) == (delete.name, delete.type)
    )
    return [delete.model_copy(update={"value": v}) for v in values]


def _above(shown: Source | None, said: Source | None) -> bool:
    return shown is not None and said is not None and shown.last_line < said.first_line


def _every_value(
    comment: int, delete: DnsChange, kept: list[tuple[int, DnsChange]]
) -> list[DnsChange]:
    """ "Once issued, both TXT records can come out": a delete for each value an earlier
    comment asked to add at that name and type, said where this one is."""
    return [
        delete.model_copy(update={"value": c.value})
        for i, c in kept
        if i < comment
        and c.action == "add"
        and (c.name, c.type) == (delete.name, delete.type)
        and c.value != delete.value
    ]


def _move(index: int, move: Move, kept: list[tuple[int, DnsChange]], out: Decision) -> None:
    """The requests at `move.old` said before the move (in an earlier comment, or higher up
    in the same one), asked for again at `move.new`."""
    line = move.source.first_line
    earlier = [
        (i, c)
        for i, c in kept
        if (f".{move.old}." in f".{c.name}" if move.labels else c.name == move.old)
        and (i < index or (i == index and c.source is not None and c.source.last_line < line))
    ]
    for entry in earlier:
        if entry[1].action == "delete":
            continue  # a delete names what is published where it is: nothing moves
        new = _moved_name(entry[1].name, move)
        if new is None:
            why = f"says a name should be {move.new} (not {move.old!r}), which is not this name"
            out.flags.append(ambiguous(entry[1].name, [entry[1]], why))
            continue
        kept.remove(entry)
        out.dropped.append(entry[1])
        moved = entry[1].model_copy(update={"name": new, "source": move.source})
        why = f"was moved by a later comment to {new} ({_where(move.source)})"
        out.flags += [] if move.answered else [_superseded(entry[1], move.old, why)]
        _supersede(index, moved, kept, out, set())


def _name_left_open(
    kept: list[tuple[int, DnsChange]],
    index: int,
    names: tuple[str, str],
    source: Source,
    out: Decision,
) -> list[tuple[int, DnsChange]]:
    """The requests asked before comment `index` at either of the two names our question
    offered ("at X or at Y?"), held out with a block: its answer ("Yes please.") says which
    of them it meant no more than the request did."""
    offered = {f"{n.lower().rstrip('.')}." for n in names}
    held = [(i, c) for i, c in kept if i < index and c.name.lower() in offered]
    for _, change in held:
        out.dropped.append(change)
        why = (
            f"was asked whether the record goes at {names[0]} or at {names[1]}, and the answer "
            f"({_where(source)}) names neither one alone"
        )
        out.flags.append(ambiguous(change.name, [change], why))
    return [e for e in kept if e not in held]


def _moved_name(name: str, move: Move) -> str | None:
    """The name a move gives `name`: `move.new`, or for a typo in labels the name with them
    mended ("asset-origin" -> "assets-origin"). When the correction spells the whole name
    ("should be _acme-challenge.assets.publishing.service.gov.uk (not "servce")"), that name,
    if it differs from `name` only where the typo stood."""
    if not move.labels:
        return move.new
    whole = move.new.rstrip(".") + "."
    labels, mended = name.split("."), whole.split(".")
    typo = move.old.split(".")
    if len(labels) == len(mended) and len(mended) > len(typo) + 1:
        at = next((i for i in range(len(labels)) if labels[i : i + len(typo)] == typo), len(labels))
        differ = [i for i, (a, b) in enumerate(zip(labels, mended, strict=True)) if a != b]
        if differ and all(at <= i < at + len(typo) for i in differ):
            return whole
    if len(mended) > len(typo) + 1:
        return None  # a whole name that differs elsewhere too: not guessed
    return f".{name}".replace(f".{move.old}.", f".{move.new}.", 1)[1:]


def _superseded(change: DnsChange, name: str, why: str) -> Flag:
    return Flag(
        code="superseded",
        severity="info",
        name=name,
        message=f"{_describe(change)} ({_where(change.source)}) {why}.",
        source=change.source,
    )


def _retracted(change: DnsChange, why: str, source: Source | None = None) -> Flag:
    where = source or change.source
    return Flag(
        code="retracted",
        severity="info",
        name=change.name,
        message=f"Left out {_describe(change)} ({_where(where)}): {why}.",
        source=where,
    )


def _describe(change: DnsChange) -> str:
    value = f" {change.value}" if change.value else ""
    return f"{change.action} {change.name} {change.type}{value}"


def _where(source: Source | None) -> str:
    return source.where() if source is not None else "in the ticket"


def _unique(observed: list[Observed]) -> list[Observed]:
    seen: dict[tuple[str, str, str], Observed] = {}
    for o in observed:
        seen.setdefault((o.name, o.type, o.value), o)
    return list(seen.values())


def _named(change: DnsChange, owner: str) -> bool:
    """Is the change at `owner`, or ("~x.gov.uk") one of the records validating that host?"""
    if owner.startswith("~"):
        return _validated(change.name) == owner[1:]
    return change.name == owner


def _in_scope(change: DnsChange, scope: frozenset[str] | None) -> bool:
    """Whether a withdrawal covers a change: everything (None), or the types and owner names
    it names (names end with a dot); "!delete" in the scope: only the deletes among them."""
    if scope is None:
        return True
    if "!delete" in scope:  # "don't remove the TXT on x yet": the deletes asked for only
        if change.action != "delete":
            return False
        scope = scope - {"!delete"}
        if not scope:
            return True
    values = {s[1:] for s in scope if s.startswith("=")}  # "=rxfex-…": data that holds it
    hosts = {s[1:] for s in scope if s.startswith("~")}  # "~x.gov.uk": records validating it
    labels = {s[1:] for s in scope if s.startswith("^")}  # "^admin": a host by its first label
    under = {s[1:] for s in scope if s.startswith("%")}  # "%x": any host with that label
    # "+x.gov.uk": the adds validating a host that leaves the certificate (the delete of its
    # old record still stands: "we are dropping www.x from the certificate this year … Last
    # year's validation record for it … can go once the new one is issued")
    leaving = {s[1:] for s in scope if s.startswith("+")}
    if values or hosts or labels or under or leaving:
        held = any(v in (change.value or "").lower() for v in values)
        validated = _validated(change.name)
        named = validated.split(".", 1)[0] in labels or bool(under & set(validated.split(".")))
        left = change.action != "delete" and validated in leaving
        return held or validated in hosts or named or left
    names = {s for s in scope if s.endswith(".")}
    types = {s for s in scope - names if not s.startswith("#")}  # "#2": a place (_in_places)
    if not names and not types:
        return False
    # a name as the withdrawal wrote it may be relative ("_acme-challenge.www.staging.")
    named = not names or any(change.name == n or change.name.startswith(n) for n in names)
    return named and (not types or change.type in types)


def _validated(name: str) -> str:
    """The host a record validates, as a sentence names it (no final dot)."""
    return validated_domain(name.lower()).rstrip(".")


def _caa_tag(value: str | None) -> str | None:
    """The tag of CAA data (`0 issuewild "x"` -> issuewild); None for other data."""
    parts = (value or "").split()
    return parts[1].lower() if len(parts) >= 3 and parts[0].isdigit() else None

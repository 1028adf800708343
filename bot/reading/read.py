"""The reading pipeline for one ticket: comments -> mentions -> decision -> safety net."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from bot.models import DnsChange, Extraction, Flag, Observed, Source, Ticket
from bot.reading import (
    alternatives,
    answered,
    answers,
    approvals,
    commands,
    copies,
    corrections,
    cues,
    durations,
    endorsed,
    fieldrefs,
    inline,
    marked,
    ourvalues,
    overrides,
    prose,
    threadcues,
)
from bot.reading.actions import AFTER_ISSUANCE, action_cue
from bot.reading.candidates import candidates
from bot.reading.changes import (
    Author,
    resolve_owner,
    short_names,
    source_of,
    to_change,
    to_observed,
    unparsed_flag,
    validated_domain,
)
from bot.reading.conversation import MAX_LINES, MAX_RECORDS, Part, parts_of
from bot.reading.counts import count_flags
from bot.reading.decide import Move, Said, Thread, decide
from bot.reading.hidden import hidden_flags
from bot.reading.mentions import Mention, excerpt, read_zone_line, safe_name
from bot.reading.quoted import history_start, leading_headers, strip_marker
from bot.reading.references import ANY_DELETE, holds_its_removal, unread_request
from bot.reading.removals import unasked_removal_flags
from bot.reading.restores import unread_restore_flags
from bot.reading.safety import (
    ambiguous,
    approval_flags,
    consistency_flags,
    disowned_flags,
    owner_flags,
    replace_flags,
    row_flags,
    rrset_ttls,
    shown_removal_flags,
    stated_state_flags,
    timing_flags,
    type_flags,
    unread_flags,
    yes_flag,
)
from bot.reading.unwrap import rejoin_wrapped_records
from bot.reading.walker import Context, Walker
from bot.records import RecordError, caa_issuer, to_value
from bot.text import PRIVATE_KEY_PLACEHOLDER

PRIVATE_KEY_RULE = "never transfer a private key outside the system it was generated on"


def read(ticket: Ticket, *, default_zone: str = "gov.uk.") -> Extraction:
    """Every DNS change the vendor's comments ask for, what they say is published, and flags
    for whatever a person must check."""
    return read_parts(parts_of(ticket), default_zone=default_zone, subject=ticket.subject)


def read_parts(
    parts: list[Part], *, default_zone: str = "gov.uk.", subject: str = ""
) -> Extraction:
    """`read`, for a ticket already split into its comments (`parts_of`). A subject naming
    one domain says what the first comment's relative names ("Host: @") are relative to.
    A short answer of the vendor's to our question that changed nothing read is flagged
    (`answered`: the thread is read again without it)."""
    extraction = _read_parts(parts, default_zone=default_zone, subject=subject)
    if len(parts) < 3:
        return extraction  # (a question and its answer need a request before them)
    unapplied = answered.unapplied_answers(
        parts,
        extraction.changes,
        lambda fewer: _read_parts(fewer, default_zone=default_zone, subject=subject).changes,
    )
    return extraction.model_copy(update={"flags": (*extraction.flags, *unapplied)})


def _read_parts(parts: list[Part], *, default_zone: str, subject: str) -> Extraction:
    parts = inline.split_all(parts)  # "> our question" / "the answer" / "> …", as exchanges
    flags: list[Flag] = []
    said: list[Said] = []
    domains: list[str] = [
        d for d in (safe_name(n) for n in cues.domains_named(f"Subject: {subject}")) if d
    ]
    read_lines: list[tuple[int | None, int, str]] = []
    thread = Thread()  # what comments say of the others' requests
    used: list[str] = []
    withdrawn: list[str] = []  # values of removals the vendor took back in the same comment
    spans: list[tuple[int | None, int, int]] = []  # lines each record was read from
    untrusted: list[Said] = []  # what anyone but the vendor asked for: shown, never drafted
    index = -1
    asked_before: list[str] = []  # the lines of the comments read so far (our questions)
    points: list[str] = []  # the lines of our last comment (all its quoted blocks, inline)
    settled: set[int] = set()  # our points a reply answered under each (written there)
    order: dict[int | None, int] = {}  # each comment's index in the thread
    unnamed: list[tuple[int, Flag]] = []  # "remove the record(s)" with no delete read there
    unclear: list[tuple[int, str]] = []  # "no need for that one any more", of no one record
    kept: list[tuple[int, str]] = []  # names a vendor comment says to leave as they are
    kept_kinds: list[tuple[int, str]] = []  # CAs whose records a vendor comment says stay
    refused_kinds: list[tuple[int, str, str]] = []  # "don't remove any _acme-challenge CNAMEs"
    questioned: tuple[Observed, ...] = ()  # what our last comment showed as published
    offers: list[ourvalues.Offered] = []  # other values our comments gave for a request
    our_lines: list[tuple[int | None, int, str]] = []  # our comments' lines, numbered
    proposed: list[str] = []  # the values of the records our last proposal listed
    approved_by_place: list[tuple[int | None, int, str, list[str]]] = []  # "Fourth: go ahead"
    ttls_dropped: set[tuple[str, str, int]] = set()  # records whose written TTL was disowned
    others_by_name: dict[str, list[Said]] = {}  # what CCs asked for, by the author's first name
    self_withdrawn: list[tuple[int | None, frozenset[str]]] = []  # withdrawals in a first mail
    unheeded: list[tuple[int, int | None, int, str, frozenset[str]]] = []  # "… validated"
    for part in parts:
        index += 0 if part.continues and index >= 0 else 1  # a comment's index in the thread
        order.setdefault(part.comment_id, index)
        flags += hidden_flags(part, default_zone)
        if part.role == "vendor":
            flags += _inline_answers(part)
            thread.vendor_comments.add(index)
        if part.role == "us":
            our_lines += [(part.comment_id, n, text) for n, text in _lines_to_read(part)]
            # Our own comments are never requests. What we describe as published (our dig
            # paste) is still a fact the vendor's "delete that record" can refer to, and what
            # we ask ("(a) keep the TXT, or (b) delete it?") is what "(b), please" chooses.
            shown_by_us, proposing = _our_records(index, part, default_zone)
            said += shown_by_us
            proposed = proposing or proposed
            questioned = tuple(x.observed for x in shown_by_us if x.observed)
            asked_before = list(part.new_lines[:MAX_LINES])
            # a reply written between our quoted points: "1, 2 and 3, nothing else" below
            # them counts our points of all the blocks above it
            points = points + asked_before if part.inline > 2 else asked_before
            # "the token in GlobalSign's email is different from yours: X. Which one?"
            shown = [x.observed.value.lower() for x in shown_by_us if x.observed]
            asked = [x.change for x in said if x.change and x.change.source]
            offers += ourvalues.offered(_lines_to_read(part), [*used, *shown], asked)
            continue
        numbered = _lines_to_read(part)
        if len(numbered) > MAX_LINES:
            flags.append(_over_limit(part, len(numbered), "lines", MAX_LINES))
            numbered = numbered[:MAX_LINES]
        numbered = fieldrefs.resolve(numbered, part.lines)  # "the "Key" field below" -> its value
        numbered = marked.annotate(numbered)  # a zone diff, an export with its new lines flagged
        numbered = commands.annotate(numbered)  # gcloud commands, a Route 53 change batch
        numbered = copies.resolve(numbered)  # "ditto, same value as for www, TXT at x.gov.uk"
        numbered = rejoin_wrapped_records(numbered)  # "the record" / X CNAME Y / "is stale -"
        flags += [
            _in_comment(unread_request(n, t, "TXT" if "TXT" in t else "CNAME"), part.comment_id)
            for n, t in copies.copies_unread(numbered)
        ]
        if part.role == "vendor" and index > 0:  # "(b), please." to our "(a) … or (b) …?"
            numbered = threadcues.chosen_options(numbered, asked_before)
            # "The one from Tuesday.", "Go with the one in my message."
            numbered = _chosen_value(numbered, asked_before, said, part.author)
            # "Good spot - use the one from GlobalSign's email" to the other value we gave
            picked = ourvalues.choice("\n".join(t for _, t in numbered)) if offers else None
            numbered = _take_ours(numbered, offers) if picked == "ours" else numbered
            offers = [] if picked else offers
            affirmed = threadcues.affirmed_questions(numbered, asked_before)  # "Yes to both."
            yes = threadcues.yes_unread(numbered, asked_before) if affirmed == numbered else None
            if yes:  # "Hi Kwabena - yes to both." to questions whose proposals were not read
                flags.append(yes_flag(part.comment_id, *yes))
            numbered = affirmed
            numbered = answers.removals_answered(numbered, asked_before)  # "1) Remove it."
        if part.role == "vendor" and part.inline > 1:  # "> 1. ADD x CNAME y" / "Yes."
            under = _proposals(asked_before)
            if len(under) == 1:
                numbered, answered = approvals.answered_under(numbered, under[0])
                settled |= {under[0].place} if answered else set()
        elif part.inline <= 1:
            settled = set()
        unanswered: list[approvals.Item] = []
        answered_at = None
        if part.role == "vendor" and approvals.answers_by_place(numbered):
            # "Go ahead with 1 and 3" to the records we proposed (in our last comment, or in our
            # mail the reply quotes below it)
            items = _proposals(points) if index > 0 else []
            items = items or _proposals(list(part.lines[part.history : part.history + MAX_LINES]))
            numbered, unanswered, answered_at = approvals.chosen(
                numbered, items, frozenset(settled)
            )
        walker = Walker(
            # The domain the conversation was about so far: "_acme-challenge.www" in a later
            # comment is relative to it, as it would be to a reader of the thread.
            ctx=Context(domain=next(reversed(domains), None)),
            earlier_types=frozenset(s.change.type for s in said if s.change),
            earlier_observed=tuple(s.observed for s in said if s.observed),
            earlier_asked=tuple(_asked(s.change) for s in said if s.change and s.change.value),
            questioned=questioned,
            ttls_disowned_before=frozenset(ttls_dropped),
        )
        for number, line in numbered:
            walker.feed(number, line)
        walker.finish()
        ttls_dropped |= walker.ttls_dropped
        if part.role == "vendor" and index > 0:  # "remove the m0ATH-... and ekXOBa... records"
            walker.mentions += _removed_by_value(numbered, walker.earlier_observed, walker.mentions)
            walker.mentions += _removed_at_each(numbered, walker.mentions)
        if part.role == "vendor":
            walker.mentions = _vendor_notes(numbered, walker.mentions)
        joined = "\n".join(text for _, text in numbered)  # the comment's own words
        deferred = (
            # (a notification that holds the whole thread, newest first, is one comment: our
            # question is in its own lines)
            answers.removal_deferred(numbered, asked_before if index > 0 else part.new_lines)
            if part.role == "vendor"
            else None
        )
        put_off = _put_off(deferred, walker.mentions, part)
        flags += [put_off] if put_off else []
        unnamed += [(index, put_off)] if put_off else []
        deletes = [i for i, m in enumerate(walker.mentions) if m.action == "delete"]
        if len(deletes) == 1 and holds_its_removal(joined):
            # "Please delete that TXT. … please wait until the certificate shows as Issued
            # before you delete it": the one removal the comment asks for waits
            (i,) = deletes
            walker.mentions[i] = replace(walker.mentions[i], after_issuance=True)
        asking = index  # the comment its requests count as said in
        own: list[Mention] = []  # the reply's own records, beside a mail it passes on
        # who passes on the vendor's own mail, or answers it, when not the vendor: "GOV.UK -
        # separate thing, nothing to do with Fastly: could you add a TXT …" above "On …, Anders
        # Holm (Fastly Support) <support@fastly.zendesk.com> wrote:" asks as a CC would
        forwarder = _forwarder(part)
        reply_lines = numbered  # the reply's own lines, when it passes on a mail
        # "sorry, fat-fingered the target … The correct one is: X. Everything else I said
        # stands" over the mail it corrects: that mail is asked, then corrected by the reply
        correcting = (
            part.single and bool(walker.mentions) and threadcues.earlier_stands(part.new_lines)
        )
        history_read = part.history < len(part.lines) and (
            (part.single and not walker.mentions)
            or threadcues.passes_on(part.new_lines)
            or (part.single and _restates(walker.mentions, part))
            or correcting
            # ("These are nothing to do with Fastly:" above the vendor's mail quoted below
            # it: the vendor asks only there, whatever the reply's writer asks of their own)
            or forwarder is not None
        )
        if part.role == "vendor" and not history_read:
            # a quoted mail ("> From: … / > Sent: …") read as the comment's own words because
            # more text follows it: what of it still stands is for a person
            flags += _quoted_mail_read(numbered, walker.mentions, part.comment_id)
        if part.role == "vendor" and not history_read and walker.mentions and _quotes_us(part):
            # "Please keep globalsign-domain-verification=X - that's this year's" above our
            # quoted "dig +short TXT gov.uk gives us three GlobalSign values": X, as we showed
            walker.mentions += _shown_in_our_quote(part, "\n".join(part.new_lines))
        if not history_read and walker.mentions and part.history < len(part.lines):
            # "The correct record is: X. … The www record in my original message is correct
            # and doesn't change.": what of the quoted mail still stands is for a person
            flags += _standing_below(part, walker.mentions)
        if history_read:
            # A forwarded request, or "please add the record as she describes below": the
            # quoted mail is read as this comment's own words (and judged as the vendor's).
            # Its requests come before what the reply says of them ("ignore item 1"), and
            # before the reply's own records ("delete that TXT and add the CNAME from the
            # notice": the TXT is the reply's, the CNAME the notice's).
            read_lines += [(part.comment_id, n, text) for n, text in numbered]
            domains += walker.domains
            own, reply, reply_lines = walker.mentions, walker, numbered
            # ("Fastly sent us the below … Also, while you're in there, could you add a TXT …
            # MS=ms48213377?" above "From: Fastly Support": the reply is not the vendor's)
            quoted, restated_from = _quoted_request(part)
            numbered = fieldrefs.resolve(quoted[:MAX_LINES], part.lines)
            numbered = copies.resolve(numbered)  # "www TXT same value as @" in the mail below
            numbered = rejoin_wrapped_records(numbered)
            revising = [
                (n, text)
                for n, text in numbered
                if part.first_line + part.history <= n < restated_from
            ]
            if revising and threadcues.revises(" ".join(text for _, text in revising)):
                flags.append(_in_comment(_restated_revision(revising), part.comment_id))
            walker = Walker()
            for number, line in numbered:
                walker.feed(number, line)
            walker.finish()
            walker.mentions = _restated(walker.mentions, restated_from)
            if _quotes_us(part) and not threadcues.passes_on(part.new_lines):
                # our own mail quoted under the vendor's reply ("that's added and visible: X"):
                # what we wrote there asks the vendor's nothing, whatever its records
                walker.mentions = _ours_quoted(walker.mentions, part)
            # (a passed-on correction that says the rest of the mail it quotes still stands)
            flags += _standing_below(part, walker.mentions, [text for _, text in numbered])
            if part.role == "vendor":  # (what the reply's own lines get, the mail it passes on too)
                depths = {
                    i + part.first_line: _quote_depth(line) for i, line in enumerate(part.lines)
                }
                walker.mentions = _vendor_notes(numbered, walker.mentions, depths)
            # "Please add it as its own TXT record" above the mail that gives the TXT: asked
            # for there, so nothing the reply asks for is left unread
            given = {m.rdtype for m in walker.mentions}
            answered = [unread_request(*p) for p in reply.pending if p[2] in given]
            flags += [_in_comment(f, part.comment_id) for f in reply.flags if f not in answered]
            if deferred is None and part.role == "vendor":
                # (the notification that holds the thread, quoted whole under a reply: our
                # question and the vendor's "Not yet please" are in the mail it passes on)
                quoted_words = [text for _, text in numbered]
                put_off = _put_off(
                    answers.removal_deferred(numbered, quoted_words), walker.mentions, part
                )
                flags += [put_off] if put_off else []
                unnamed += [(index, put_off)] if put_off else []
            index += 1
        gone, dropped_here = _withdrawn_here(walker.mentions, numbered)
        taken_back, taken_back_flags = _taken_back_here(walker.mentions, numbered)
        gone, dropped_here = gone + taken_back, dropped_here + taken_back_flags
        if part.role == "vendor":  # "Edit before sending: on second thoughts, leave the …"
            left, left_flags = _removal_taken_back_here(walker.mentions, numbered)
            withdrawn += [m.value.lower() for m in left if m.value]  # (answers its "remove")
            for at, m in enumerate(walker.mentions):  # (in place: `own` may be the same list)
                if m in left:
                    walker.mentions[at] = replace(m, mode="observed", action=None)
            flags += [_in_comment(f, part.comment_id) for f in left_flags]
        if part.role == "vendor":  # "Option A (recommended) … Option B": one is to be done
            others, chosen = alternatives.offered(walker.mentions, numbered)
            gone, dropped_here = gone + others, dropped_here + chosen
            if chosen and not others:  # none recommended: every option kept, and held
                flags += [_in_comment(f, part.comment_id) for f in chosen]
        if gone:  # "scratch the second one" below the list: left out, and said so
            used += [v.lower() for m in gone for v in (m.value, m.name) if v]
            spans += [(part.comment_id, m.line, m.last_line or m.line) for m in gone]
            walker.mentions = [m for m in walker.mentions if m not in gone]
            flags += [_in_comment(f, part.comment_id) for f in dropped_here]
        approving = (
            next(((n, t) for n, t in numbered if threadcues.approves_items(t)), None)
            if part.role == "vendor" and answered_at is None
            else None
        )
        if answered_at is not None and unanswered:  # "Go ahead with 1": what of 2 and 3?
            said_at = next(t for n, t in numbered if n == answered_at)
            left = [c.text for item in unanswered for c in candidates(0, item.line)]
            approved_by_place.append((part.comment_id, answered_at, said_at, left))
        elif approving:  # "First and second (…): yes, both correct" to the records we proposed
            # (in our last comment, or in our mail the reply quotes below it)
            quoted = [
                c.text
                for i, line in enumerate(part.lines[part.history : part.history + MAX_LINES])
                for c in candidates(i, line)
                if not c.text.startswith("ttl ")  # ("TTL 300": no record of its own)
            ]
            approved_by_place.append((part.comment_id, *approving, proposed + quoted))
            proposed = []
        read_lines += [(part.comment_id, n, text) for n, text in numbered]
        flags += [_in_comment(f, part.comment_id) for f in walker.flags]
        unnamed += [(index, _in_comment(f, part.comment_id)) for f in walker.unnamed_deletes]
        domains += walker.domains
        later = index > 0 and part.role == "vendor"  # what only a later comment can say
        withdraws, types = threadcues.withdraws_earlier(joined) if later else (False, None)
        if part.role == "vendor" and (not later or history_read):
            # ("Small correction to what I wrote yesterday: drop the issuewild line" above the
            # forwarded note that asks for it: a withdrawal with nothing earlier to withdraw)
            # (in the comment's words, or in the mail it passes on: `numbered` by now)
            words = "\n".join(text for _, text in numbered)
            own_withdrawal = threadcues.withdrawn_tags(words)  # (cheap: tags only)
            self_withdrawn += [(part.comment_id, own_withdrawal)] if own_withdrawal else []
        if withdraws and types is None and threadcues.previous_only(joined):
            types = frozenset({"@previous"})  # "Please ignore my previous message entirely"
        if later and not walker.mentions and threadcues.withdraws_all(joined):
            withdraws, types = True, None  # "No DNS changes are needed from you."
        if later and not withdraws and threadcues.earlier_one_dead(joined):
            # "… the record I gave you on Monday will never validate": the one record asked
            # for before, when one was (with more, which one is not said: nothing dropped)
            before = {x.change.name for x in said if x.change and x.change.action == "add"}
            withdraws, types = (True, frozenset(before)) if len(before) == 1 else (False, None)
        # "(a) No need for that one any more" to our "(a) Do you need both names? … www.x"
        dropped = answers.withdrawn_hosts(joined.split("\n"), asked_before) if later else None
        place = answers.dropped_place(joined) if later else None
        if place:  # "Please drop the apex one": the records of that place asked for before
            hosts = {validated_domain(x.change.name).rstrip(".") for x in said if x.change}
            dropped = (dropped or frozenset()) | _hosts_at_place(place, hosts)
        named_off = threadcues.not_added_at(joined) if later else frozenset()
        if named_off:  # "Please don't add the record on design-system.service.gov.uk at all."
            dropped = (dropped or frozenset()) | named_off
        if dropped and not (withdraws and types is None):
            withdraws, types = True, (types or frozenset()) | dropped
        refused = threadcues.removal_refused(joined) if later else None
        deletes_before = [x for x in said if x.change and x.change.action == "delete"]
        if refused is not None and (refused != {"!delete"} or len(deletes_before) == 1):
            # "Please DON'T remove the globalsign-domain-verification TXT on x yet. Leave it
            # where it is for now.": the deletes it names withdrawn ("leave it where it is for
            # now" alone: the one delete asked for, when one was)
            if not withdraws:
                withdraws, types = True, refused
            elif types is not None:
                thread.refuses[index] = refused  # beside another withdrawal of its own
        if withdraws:
            thread.withdraws[index] = types
        elif later and not any(m.mode == "negated" for m in walker.mentions):
            # "Thanks for checking, no need for that one any more" to two questions: which?
            dropped_one = answers.drops_one(joined)
            unclear += [(index, dropped_one)] if dropped_one else []
        mail = "\n".join(text for _, text in numbered)  # its words, or the mail it passes on
        if threadcues.adds_alongside(
            joined if mail == joined else f"{joined}\n{mail}"
        ) and not corrections.corrects_earlier(joined):
            # ("Yes, a separate record alongside the existing ones. … I need to correct my
            # first message: … The correct record is: X": X replaces the value sent before)
            thread.alongside.add(index)
        if later and part.role == "vendor" and threadcues.chases(joined):
            thread.chasers.add(index)  # "our checker now sees X … Y is the one we still need"
        caas = threadcues.caa_named(joined) if later and part.role == "vendor" else None
        if caas is not None:  # "swap the letsencrypt.org line for … certainly.com": that one
            thread.caa_named[index] = caas
        wrong_tag = (
            threadcues.caa_tag_corrected(joined) if later and part.role == "vendor" else None
        )
        if wrong_tag:  # "the CAA I asked for should be an issuewild, not an issue"
            thread.retagged[index] = wrong_tag
        own_delete = any(m.action == "delete" for m in walker.mentions)
        if later and part.role == "vendor" and not own_delete and threadcues.removals_wait(joined):
            thread.removals_wait.add(index)  # "Please hold off on removing it … until issued"
        elif (
            later
            and part.role == "vendor"
            and not own_delete
            and threadcues.removals_paused(joined)
        ):
            thread.removals_paused.add(index)  # "Actually, hold on … Let me check and come back"
        # (in a first mail too: "All fine except the second one. Please hold off removing the
        # old token until …" above our quoted proposal)
        if later and part.role == "vendor" and threadcues.removals_due(joined):
            thread.removals_due.add(index)  # "the certificate was issued …, so (c) is now due"
        held_types = threadcues.removal_held_types(joined) if part.role == "vendor" else None
        if held_types:
            thread.removals_held[index] = held_types  # "hold off removing the old token until …"
        meant = threadcues.type_meant(joined, asked_before) if later else None
        if meant and part.role == "vendor":
            thread.retyped[index] = meant  # "CNAME." to our "a CNAME, or really a TXT?"
        if later and part.role == "vendor" and threadcues.replaces_earlier(joined, asked_before):
            thread.replacing.add(index)  # "Replace it please" to our "replace, or alongside?"
        if later and part.role == "vendor" and threadcues.replaces_published(joined):
            thread.replacing.add(index)  # "please replace the record you added with that value"
        asked_ttl = any("ttl" in line.lower() for line in asked_before)  # "Any TTL preference?"
        # no records of its own: the reply's words, above a mail it passes on, or the comment's
        # (what it says is published or keeps, or a record it names with no data, is no
        # record of its own to give a TTL)
        bare = not any(
            m.mode == "request" and m.value for m in (own if asking < index else walker.mentions)
        )
        said_ttl = threadcues.ttl_for_earlier(joined, asked_ttl) if later and bare else None
        answered = threadcues.ttl_answer(joined) if later and asked_ttl and not bare else None
        if answered is not None:
            # "300 please, …" to our "what TTL?", above records of its own: the records asked
            # for before take it, and its own too when it says so ("with the same TTL")
            said_ttl = answered
            if threadcues.same_ttl(joined):
                walker.mentions = overrides.given_ttl(walker.mentions, answered)
        named_ttls = threadcues.ttls_for_names(joined) if later else []
        if named_ttls:
            thread.named_ttls[index] = named_ttls  # "for _acme-challenge.www … 60 seconds"
        if said_ttl in {ttl for _, ttl in named_ttls}:
            used.append(f"ttl {said_ttl}")
            said_ttl = None  # "For www.x.gov.uk please use a TTL of 300": that one's, not all
        if said_ttl is not None:
            thread.ttls[index] = said_ttl  # "please use a TTL of 300 seconds on both records"
            used.append(f"ttl {said_ttl}")
        elif later and bare and durations.ttl_disowned(joined):
            thread.ttls[index] = None  # "Forget the TTL, I shouldn't have put it in."
        elif (
            later and bare and part.role == "vendor" and threadcues.ttl_waived(joined, asked_before)
        ):
            thread.ttls[index] = None  # "Not needed." to our "Is the 300 TTL actually needed?"
        typed_ttl = threadcues.ttl_for_type(joined) if later and bare else None
        if later and bare and said_ttl is None and typed_ttl is None:
            # "When you create the CNAME, a TTL of 3600 seconds is ideal": one type's TTL
            by_type = threadcues.ttls_for_types(joined)
            typed_ttl = (
                next(((t, k) for k, t in by_type.items()), None) if len(by_type) == 1 else None
            )
        if later and not bare and said_ttl is None and typed_ttl is None:
            # "please delete that TXT record (X). Then create the CNAME exactly as in my first
            # message, with a TTL of 300": a TTL for a type none of its own records has
            by_type = threadcues.ttls_for_types(joined)
            own_types = {m.rdtype for m in walker.mentions if m.mode == "request" and m.value}
            typed_ttl = next(
                ((t, k) for k, t in by_type.items() if len(by_type) == 1 and k not in own_types),
                None,
            )
        if said_ttl is None and typed_ttl is not None:
            thread.typed_ttls[index] = typed_ttl  # "TTL 3600 on the CAA is fine"
            used.append(f"ttl {typed_ttl[0]}")
        if part.role == "vendor" and (threadcues.nothing_more_needed(joined) or walker.ticked):
            thread.settled.add(index)  # "no further action is needed", "[x] … done"
        if later and part.role == "vendor" and threadcues.refuses_first_name(joined):
            thread.renamed.add(index)  # "do not add the record on the name … I gave first"
        names = threadcues.right_names(joined) if later and part.role == "vendor" else []
        if names:
            thread.right_names[index] = names  # "The correct name is X, target unchanged"
        if later and part.role == "vendor" and threadcues.earlier_live(joined):
            thread.live.add(index)  # "Both records from my earlier message are now live"
        if part.role == "vendor":  # "Leave the existing _acme-challenge.gov.uk CNAME as it is"
            kept += [(index, name) for name in answers.kept_names(f"{joined}\n{mail}")]
            kept_kinds += [(index, kind) for kind in threadcues.kinds_kept(f"{joined}\n{mail}")]
            refused_kinds += [(index, *k) for k in threadcues.removals_refused(joined)]
            refused = answers.refused_names(joined) if later else set()
            if later:
                # "Please leave the content-publisher one exactly where it is!": the one name
                # asked for before that each label names
                refused |= _named_by_labels(answers.refused_labels(joined), said)
            if later and not refused and len(questioned) == 1 and answers.left_alone(joined):
                # "You're right, apologies … pqdc5… is the correct target, so please leave it
                # exactly as it is." to our dig of the one record asked to change (not of the
                # record asked for, published as asked: that request stands, done)
                (shown,) = questioned
                if any(
                    x.change and x.change.name == shown.name and x.change.value != shown.value
                    for x in said
                ):
                    refused = {shown.name}
            if refused:
                thread.kept[index] = frozenset(refused)
            said += _yes_to_removal(
                index, numbered, questioned, asked_before, said, author_of(part)
            )
            said += _remove_those(index, numbered, questioned, said, author_of(part), flags)
        if later and bare and threadcues.removal_held(joined):
            thread.split.add(index)  # "do NOT remove the old TXT yet … only after issuance"
        elif later and bare and part.role == "vendor" and threadcues.adds_alongside(joined):
            # "leave X exactly as it is and do not overwrite it. Instead create the new one as
            # an additional TXT value, next to it": the update asked for before is an add
            thread.beside.add(index)
        if later and threadcues.first_wins(joined):
            thread.first_wins.add(index)  # "Please use the one in my first message"
        held = threadcues.held_until_issued(joined) if later else []
        if held:
            thread.held[index] = held  # "add the CAA record only after this cert is issued"
        validated = threadcues.validated_hosts(joined) if later else frozenset()
        for place in threadcues.validated_places(joined) if later else ():
            # "the first one is validated": the names asked for before, in the order asked
            names = list(dict.fromkeys(s.change.name for s in said if _asks_add(s, None)))
            if -len(names) <= place < len(names):
                validated |= {validated_domain(names[place]).rstrip(".")}
        for rdtype in threadcues.validated_types(joined) if later else ():
            # "the CNAME is validated": the one add of that type asked for before ("*": "the
            # domain shows as verified again", the one host asked for)
            names = {s.change.name for s in said if _asks_add(s, None if rdtype == "*" else rdtype)}
            if rdtype == "*":
                hosts = {validated_domain(n).rstrip(".") for n in names}
                validated |= hosts if len(hosts) == 1 else set()
            elif len(names) == 1:
                # (that record only: "the CNAME went through … no need for the TXT after all")
                validated |= {"=" + names.pop().lower().rstrip(".")}
        # ("Main name has validated": a first label no request has is taken for nothing, so
        # the net below says the comment reports something done)
        validated = frozenset(
            v for v in validated if not v.startswith("^") or _label_asked(v, said)
        )
        if validated:
            thread.live_hosts[index] = validated  # "X and Y are now validated"
        gone = threadcues.removals_done(joined) if later and part.role == "vendor" else None
        if gone:
            thread.gone[index] = gone  # "Confirmed, the GlobalSign token is gone"
        done = threadcues.done_places(joined) if later else frozenset()
        if done:
            thread.done_places[index] = done  # "items 3, 4 and 6 are done"
        items = {int(m.group(1)): n for n, text in numbered if (m := _NUMBERED_ITEM.match(text))}
        if items and part.role == "vendor":
            thread.item_lines[asking] = items
        if later and threadcues.those_are_fine(joined):
            thread.settled_shown.add(index)  # "Those two are fine as is"
        said_done = None
        if later and part.role == "vendor" and not _takes_done(thread, index):
            said_done = threadcues.done_said(numbered)  # "validated overnight" read as nothing
            unheeded += [(index, part.comment_id, *said_done)] if said_done else []
        if (
            said_done is None
            and part.role == "vendor"
            and any(m.mode == "request" for m in walker.mentions)
        ):
            # "Two of the three are valid already, so please leave those records alone" under
            # the records it asks for: which are done is for a person (the requests of this
            # comment count as said before it) - unless a record shown above it was read as
            # done already ("The first row is already validated")
            said_done = threadcues.done_already(numbered)
            shown_done = said_done is not None and (
                # (or just below it: "the third one is already validated" over a status table)
                any(
                    m.mode == "observed" and m.line < said_done[0] + _NEAR_BELOW
                    for m in walker.mentions
                )
                # ("The two existing names are already validated, so please leave their
                # records alone:" leads in to the records it speaks of, read as it says)
                or said_done[1].rstrip().endswith(":")
            )
            unheeded += (
                [(index + 1, part.comment_id, *said_done)] if said_done and not shown_done else []
            )
        # A single text has no author to speak of; a conversation's comments each have one.
        author = author_of(part)
        if part.role == "vendor" and later and not part.single:
            # "Yes, please do exactly what Harriet wrote for the two CNAMEs": hers, now asked
            taken = endorsed.endorsement(joined, set(others_by_name))
            if taken is not None:
                _take_up(taken, others_by_name[taken.name], untrusted, said, part.author)
            else:  # "The one Priya pasted from the UI." where hers differs from the vendor's
                flags += [
                    _in_comment(f, part.comment_id)
                    for f in _spoken_of(joined, numbered, others_by_name, said)
                ]
        if part.role == "vendor":  # "it belongs on X, not Y", in the reply or the mail it passes on
            moves = _moves("\n".join(text for _, text in numbered), numbered, author)
            moves += _moves(joined, reply_lines, author) if asking < index else []
            # "The first one – no www." to our "Should the CNAME be at X or at Y?"
            chosen = threadcues.name_chosen(joined, asked_before) if later else None
            moves += [_chosen_name(*chosen, numbered, author)] if chosen and numbered else []
            left_open = threadcues.name_left_open(joined, asked_before) if later else None
            if left_open and not chosen and numbered:
                # "Yes please." to our "at X or at Y?": neither is drafted
                thread.left_open[index] = (
                    left_open,
                    _chosen_name(*left_open, numbered, author).source,
                )
            thread.moves[index] = thread.moves.get(index, []) + moves
        if part.role == "vendor":  # a row to skip, a TTL for a type, a TTL instead
            words = "\n".join(text for _, text in numbered)  # the reply's, or the mail it passes on
            walker.mentions, accounted = overrides.applied(words, walker.mentions)
            # (in the reply's words, or the mail it passes on)
            verdict_lines = reply_lines if numbered is reply_lines else [*reply_lines, *numbered]
            walker.mentions += _issuer_verdicts(verdict_lines, walker.mentions, part)
            walker.mentions = overrides.ttl_remarks(walker.mentions)  # "… (TTL 3600s)"
            used += accounted
            if asking < index:  # "so please update that one" of a record in the mail below
                # (in the reply, or in the mail it passes on)
                walker.mentions = overrides.updated_hosts(f"{joined}\n{words}", walker.mentions)
            walker.mentions = overrides.updated_by_name(words, walker.mentions)
            # "P.S. … It should replace the existing TXT, not sit beside it" (in the comment, or
            # in the mail it passes on)
            walker.mentions = overrides.replaced_not_added(numbered, walker.mentions)
            # "swap the existing verification record for the new one: ; remove OLD ; add NEW"
            walker.mentions = overrides.swapped_pairs(words, walker.mentions)
            walker.mentions = overrides.by_place(numbered, walker.mentions)  # "1 is the old …"
        # the reply's own records, less those the mail it passes on gives too (said once)
        again = {_said_as(m) for m in walker.mentions}
        own = [m for m in own if _said_as(m) not in again]
        mentions = walker.mentions + own
        if part.role != "vendor":  # "I've put these in this morning under CHG0041187:"
            mentions = _writer_published(mentions, numbered)
        if len(mentions) > MAX_RECORDS:
            flags.append(_over_limit(part, len(mentions), "records", MAX_RECORDS))
            mentions = mentions[:MAX_RECORDS]
        spans += [(part.comment_id, m.line, m.last_line or m.line) for m in mentions]
        quoted = len(walker.mentions)
        for n, mention in enumerate(mentions):
            if mention.mode != "aside":  # a backout's or last year's record: if nothing else
                # reads its value, a person is told (it may be asked for again in passing)
                used += [v.lower() for v in (mention.value, mention.old_value, mention.name) if v]
            # (a published record's TTL accounts for no TTL the words ask for)
            asks_ttl = mention.ttl is not None and mention.mode != "observed"
            used += [f"ttl {mention.ttl}"] if asks_ttl else []
            above = mention.line < part.first_line + part.history  # (the reply's own lines)
            by = forwarder if forwarder and above and mention.mode != "observed" else author
            item = _said(asking if n < quoted else index, mention, by, default_zone, flags)
            if item is None:
                continue
            if correcting and n >= quoted and item.change is not None:
                item = replace(item, replaces=True)  # (the reply's record corrects the mail's)
            if by is forwarder:  # (its asks are shown, never drafted, as a CC's are)
                untrusted.append(item)
                continue
            # A CC or another organisation's user can neither ask for a record nor withdraw
            # or replace the vendor's: what they ask for is decided apart, and blocked later.
            if part.role == "vendor" or item.observed is not None:
                said.append(item)
            else:
                untrusted.append(item)
                if part.role == "other" and part.author:  # (by first name, for "what X wrote")
                    others_by_name.setdefault(part.author.split()[0], []).append(item)
        if part.role == "vendor":
            for fix in _corrected(asking, numbered, used, said, author):
                _insert_in_order(said, fix)
    decision = decide(said, thread)
    decision.changes = rrset_ttls(decision.changes)
    flags += _unvalued_delete_flags(decision.changes, parts)
    flags += _withdrawn_in_the_same_mail(decision.changes, self_withdrawn)
    decision.changes, unchanged = _split_unchanged(decision.changes)
    decision.observed += [o for o in unchanged if o not in decision.observed]
    others = decide(untrusted)
    flags += consistency_flags(decision.changes)  # between the vendor's requests only
    flags += _offers_unanswered(offers, decision.changes)
    flags += stated_state_flags(decision.changes, decision.observed)
    flags += replace_flags(decision.changes, decision.observed, read_lines)
    decision.changes += others.changes
    decision.dropped += others.dropped
    used += [v.lower() for c in [*decision.changes, *decision.dropped] for v in _values(c)]
    asked_or_dropped = list(used)
    used += [o.value.lower() for o in decision.observed]
    flags += decision.flags
    last_kept: dict[str, int] = {}  # each name said to be left as it is, and the last comment
    for said_at, name in kept:
        last_kept[name] = max(said_at, last_kept.get(name, -1))
    dropping = max(unclear) if unclear else None  # the last comment dropping "that one"
    for c in decision.changes:
        at = order.get(c.source.comment_id if c.source else None, -1)
        # "leave X as it is" beside a change of X asked up to then (an add left in place is
        # kept once added)
        if c.action in ("update", "delete") and at <= last_kept.get(c.name, -1):
            why = "asks to change a record it also says to leave as it is"
            flags.append(ambiguous(c.name, [c], why))
        if (
            c.action == "delete"
            and c.when == "now"
            and any(
                at <= said_at and kind in (c.value or "").lower() for said_at, kind in kept_kinds
            )
        ):
            # "The GlobalSign authorisation should stay for now" above a table that says
            # REMOVE globalsign.com: which is meant is for a person
            why = "asks to remove now a record of a CA it also says stays"
            flags.append(ambiguous(c.name, [c], why))
        if c.action == "delete" and any(
            at <= said_at and c.name.lower().startswith(label + ".") and rdtype in ("", c.type)
            for said_at, label, rdtype in refused_kinds
        ):
            # "Yes, remove it" from one agent, "please don't remove any _acme-challenge CNAMEs"
            # from the next: which stands is for a person
            why = "asks to remove a record a vendor comment says must not be removed"
            flags.append(ambiguous(c.name, [c], why))
        if dropping is not None and at < dropping[0]:  # every request before it, for a person
            why = f"has a later comment dropping one request without saying which ({dropping[1]!r})"
            flags.append(ambiguous(c.name, [c], why))
    # "Conflicting record(s) found at X. Please remove the record(s) …" answered by a later
    # comment that says which ("delete the TXT at X with the value V"): nothing left unread
    # (or said again: "… and you can remove the old token then" below the table that asked)
    removes = [
        (order.get(c.source.comment_id if c.source else None, -1), c.action)
        for c in decision.changes
        if c.action in ("delete", "update")
    ]
    answered = [
        f for i, f in unnamed if any(j > i or (j < i and a == "delete") for j, a in removes)
    ]
    flags = [f for f in flags if f not in answered]
    # A value the vendor asked for is accounted by a published fact shown in that comment or
    # before it - never by one a later comment shows ("Done - dig now returns X" under a
    # request the reader missed is no reading of the request)
    shown_by = _shown_by_comment(decision.observed, order)
    flags += unread_flags(read_lines, asked_or_dropped, shown_by)
    # (a value shown published is read, but a line asking to remove it is not: "remove the
    # GlobalSign TXT,\n globalsign-domain-verification=X" above a quoted dig showing X)
    requested = [v.lower() for c in [*decision.changes, *decision.dropped] for v in _values(c)]
    requested += withdrawn
    published = [o.value.lower() for o in decision.observed]
    flags += shown_removal_flags(read_lines, requested, published)
    if any(c.action == "delete" and c.value is None for c in decision.changes):
        # "On the old one: it is still published, pointing at X. Do you want it removed now?"
        # and the answer "after that it can be deleted": a delete with no value, while our
        # own comment showed a value nothing was read from - which may be the one to delete
        flags += [
            f.model_copy(
                update={
                    "message": f"{f.message} A delete in this ticket names no value: check "
                    "whether this is the record to delete."
                }
            )
            for f in unread_flags(our_lines, used)
        ][:1]
    # The vendor's quoted history is context, but a value in it that nothing in the ticket
    # accounts for may be a request not read ("Thanks, forwarding this to our DNS team" above a
    # forwarded mail; "I put your question to GlobalSign. Their reply is below: … replace it
    # with X"). With nothing asked for, anyone's history but ours; else a mail the vendor
    # forwards.
    nothing_asked = not decision.changes and not others.changes
    history = [
        (p.comment_id, p.first_line + i, line)
        for p in parts
        if (p.role != "us" if nothing_asked else p.role == "vendor" and _forwards(p))
        for i, line in enumerate(p.lines[p.history : p.history + MAX_LINES], p.history)
    ]
    flags += unread_flags(history, used)
    read_names = [c.name for c in [*decision.changes, *decision.dropped]]
    flags += row_flags(read_lines, spans, read_names + [o.name for o in decision.observed])
    # (what is only shown published does not account for a line that names it: "these can be
    # deleted: … the CNAME at X" is a request about X whatever a dig paste shows there)
    accounted_names = [*read_names, *(n for _, n in kept)]
    flags += owner_flags(read_lines, accounted_names)
    flags += _unheeded_done(decision.changes, unheeded, order)
    flags += _later_removal_unread(decision.changes, read_lines, thread.vendor_comments, order)
    # (a delete a later comment says is due now: the wait said beside it is over)
    timed = [c for c in decision.changes if c not in decision.released]
    flags += timing_flags(timed, read_lines)
    flags += _old_given_later(decision.changes, read_lines, [p.comment_id for p in parts])
    flags += disowned_flags(decision.changes, read_lines)  # "that value will never validate"
    flags += approval_flags(approved_by_place, decision.changes)
    flags += type_flags(decision.changes)  # a TXT holding a validation host
    vendor_comments = {p.comment_id for p in parts if p.role == "vendor"}
    removing = [*decision.changes, *decision.dropped]
    flags += unasked_removal_flags(
        read_lines, vendor_comments, removing, flags, dropped=decision.dropped
    )
    # "please add the following three records" over two read
    flags += count_flags(read_lines, vendor_comments, removing, decision.observed, flags)
    # "put the SPF value back to what it was: v=spf1 …" with nothing read from it
    flags += unread_restore_flags(read_lines, vendor_comments, removing, flags)
    flags = _one_per_line(flags)
    if any(PRIVATE_KEY_PLACEHOLDER in "\n".join(p.lines) for p in parts):
        flags.insert(0, _private_key_flag())
    names = [validated_domain(c.name) for c in decision.changes]
    return Extraction(
        refused=tuple(x.refused for x in [*said, *untrusted] if x.refused is not None),
        changes=tuple(decision.changes),
        flags=tuple(flags),
        domains=tuple(dict.fromkeys([*domains, *names])),
        observed=tuple(decision.observed),
        done=tuple(c for c in decision.done if c.source is None or c.source.role != "other"),
    )


def _withdrawn_in_the_same_mail(
    changes: list[DnsChange], withdrawn: list[tuple[int | None, frozenset[str]]]
) -> list[Flag]:
    """A request whose data the same mail (a first comment, a forwarded chain) also withdraws
    ("drop the issuewild line" in the newer note above the older one that asks for it): which
    of the two is the last word was not worked out, so a person reads it (block)."""
    flags = []
    for comment_id, scope in withdrawn:
        # (a CAA tag withdrawn, "= issuewild ": a value token may be the old one a mail
        # replaces, "ignore the previous value X", and is left to the other readers)
        values = {f" {s[1:].strip()} " for s in scope if s.startswith("= ") and s[1:].strip()}
        hits = [
            c
            for c in changes
            if c.source is not None
            and c.source.comment_id == comment_id
            and c.action in ("add", "update")
            and any(v in f" {(c.value or '').lower()} " for v in values)
        ]
        for c in hits:
            why = "withdraws it in the same mail that asks for it: which stands is for a person"
            flags.append(ambiguous(c.name, [c], why))
    return flags


def _unvalued_delete_flags(changes: list[DnsChange], parts: list[Part]) -> list[Flag]:
    """ "1. delete the TXT record at X" above the mail it answers, which shows a TXT at X (our
    dig, quoted): the delete says no value, the quoted mail does. Which record goes is for a
    person to confirm (a warn at the delete; the history is never read as requests)."""
    flags: list[Flag] = []
    for change in changes:
        if change.action != "delete" or change.value is not None or change.source is None:
            continue
        part = next((p for p in parts if p.comment_id == change.source.comment_id), None)
        if part is None or part.history >= len(part.lines):
            continue
        below = part.lines[part.history : part.history + MAX_LINES]
        shown = [
            (part.first_line + part.history + n, record.value)
            for n, line in enumerate(below)
            if change.type in line.upper()
            and (record := read_zone_line(strip_marker(line).strip(), n)) is not None
            and record.value
            and record.rdtype == change.type
            and (safe_name(record.name) or "").lower() == change.name.lower()
        ]
        if shown:
            number, value = shown[0]
            flags.append(
                Flag(
                    code="unread_value",
                    severity="warn",
                    name=change.name,
                    message=f"The delete of the {change.type} at {change.name} names no value, "
                    f"but the mail it quotes shows {value} there (line {number}): check which "
                    "record is to go.",
                    source=change.source,
                )
            )
    return flags


def _split_unchanged(changes: list[DnsChange]) -> tuple[list[DnsChange], list[Observed]]:
    """The changes that change something, and what the rest show published: a row whose
    current and required values are the same ("… | X | X | None - already correct"), read
    as an add beside the value it has, asks for nothing; the record is there as it should be."""
    keep: list[DnsChange] = []
    same: list[Observed] = []
    for c in changes:
        # (with a TTL it may be the TTL that changes: kept, the human sees it)
        # (an update to the same data is flagged as a replacement with itself: `consistency`)
        if c.action == "add" and c.value and c.ttl is None and c.value == c.old_value:
            same.append(Observed(name=c.name, type=c.type, value=c.value, source=c.source))
        else:
            keep.append(c)
    return keep, same


def visible_text(ticket: Ticket | list[Part]) -> str:
    """What the vendor wrote, as plain text: what classification and signals read."""
    split = parts_of(ticket) if isinstance(ticket, Ticket) else ticket
    parts = [p for p in split if p.role == "vendor"]
    return "\n\n".join("\n".join(strip_marker(x) for x in p.lines) for p in parts)


def _chosen_value(
    numbered: list[tuple[int, str]], asked: list[str], said: list[Said], author: str | None
) -> list[tuple[int, str]]:
    """A vendor's answer picking one of two values our question set against each other, at
    the names asked for with both, as the request it makes: the record, with that value, above
    the answer's first line (its lines read as they are). "Go with the one in my message":
    the value this answer's author asked for."""
    values = [x.change.value for x in said if x.change and x.change.value]
    answer = "\n".join(text for _, text in numbered[:_ANSWER_LINES])
    chosen = answers.chosen_value(answer, asked, values) if values and asked else None
    if chosen is None and author and asked and answers.picks_own(answer):
        own = {
            x.change.value
            for x in said
            if x.change and x.change.value and x.change.source and x.change.source.author == author
        }
        chosen = own.pop() if len(own) == 1 else None
    if chosen is None:
        return numbered
    by_name: dict[tuple[str, str], set[str]] = {}
    for x in said:
        if x.change and x.change.value:
            by_name.setdefault((x.change.name, x.change.type), set()).add(x.change.value)
    records = [f"{n} {t} {chosen}" for (n, t), v in by_name.items() if chosen in v and len(v) > 1]
    return _asked_above(numbered, records) if records else numbered


def _asked_above(numbered: list[tuple[int, str]], records: list[str]) -> list[tuple[int, str]]:
    """An answer's choice as the request it makes: "Please use this record:" and the records,
    above the answer's first line (its own lines read as they are)."""
    first = next((k for k, (_, text) in enumerate(numbered) if text.strip()), 0)
    number = numbered[first][0] if numbered else 1
    asks = [(number, "Please use this record:"), *((number, r) for r in records), (number, "")]
    return [*numbered[:first], *asks, *numbered[first:]]


_ANSWER_LINES = 8  # lines of an answer read for the value it chooses


def _take_ours(
    numbered: list[tuple[int, str]], offers: list[ourvalues.Offered]
) -> list[tuple[int, str]]:
    """The vendor's answer choosing the value our comment gave ("use the one from
    GlobalSign's email, I mistyped mine"), as the request it makes: each record with our value,
    above the answer's first line (read as a later value, it supersedes the vendor's own)."""
    records = list(dict.fromkeys(f"{o.request.name} {o.request.type} {o.value}" for o in offers))
    return _asked_above(numbered, records)


def _offers_unanswered(offers: list[ourvalues.Offered], changes: list[DnsChange]) -> list[Flag]:
    """Another value our comment gave for a record the vendor still asks for, with no answer
    read choosing between them: which one goes in is for a person (block)."""

    def same(a: str | None, b: str | None) -> bool:
        return (a or "").strip('"').rstrip(".").lower() == (b or "").strip('"').rstrip(".").lower()

    flags = []
    for offer in offers:
        # (the vendor's value our comment set ours against, still asked for: not a third value
        # a later comment gave, nor ours taken up)
        asked = [
            c
            for c in changes
            if (c.name, c.type) == (offer.request.name, offer.request.type)
            and c.action in ("add", "update")
            and same(c.value, offer.request.value)
            and not same(c.value, offer.value)
        ]
        if asked:
            why = (
                f"is asked for with {asked[0].value}, but GOV.UK's comment (line {offer.line}) "
                f"gives {offer.value} for it and no answer choosing between them was read"
            )
            flags.append(ambiguous(offer.request.name, asked, why))
    return flags


def _withdrawn_here(
    mentions: list[Mention], numbered: list[tuple[int, str]]
) -> tuple[list[Mention], list[Flag]]:
    """The records of a list that a line below it in the same comment withdraws by place
    ("scratch the second one (www) - no record needed for it"), and the flags that say so."""
    below = threadcues.withdrawn_below(numbered) if mentions else []
    dropped: list[Mention] = []
    flags: list[Flag] = []
    for number, place, words in below:
        asked = [
            m
            for m in mentions
            if m.mode == "request" and m.value and m.line < number and m not in dropped
        ]
        line = threadcues.at_place(sorted({m.line for m in asked}), place)
        if line is None:  # ("#3" of a list of two; "#-1" its last; "#0" its middle)
            continue
        gone = [m for m in asked if m.line == line]
        dropped += gone
        flags += [
            Flag(
                code="retracted",
                severity="info",
                name=m.name,
                message=f"Left out {m.rdtype} {m.name} {m.value} (line {m.line}): line {number} "
                f"withdraws it: {excerpt(words)!r}.",
                source=Source(first_line=number, last_line=number, excerpt=excerpt(words)),
            )
            for m in gone
        ]
    typed, typed_flags = _withdrawn_by_type(mentions, numbered, dropped)
    return dropped + typed, flags + typed_flags


def _withdrawn_by_type(
    mentions: list[Mention], numbered: list[tuple[int, str]], dropped: list[Mention]
) -> tuple[list[Mention], list[Flag]]:
    """The records asked for above a line of the same comment that withdraws their type
    ("EDIT: you can ignore the txt, the globalsign order got cancelled" under a CNAME and a
    TXT): left out, and said so (never a removal: what it would remove is published)."""
    asked = [m for m in mentions if m.mode == "request" and m.value and m.action != "delete"]
    if not asked:
        return [], []  # the common case
    busy = {n for m in mentions for n in range(m.line, (m.last_line or m.line) + 1)}
    gone: list[Mention] = []
    flags: list[Flag] = []
    for number, types, owner, words in threadcues.withdrawn_types_below(numbered):
        if number in busy:
            continue  # ("ignore the TXT, add this CNAME instead: X"): the line's own record
        for m in asked:
            if (
                (m.last_line or m.line) < number
                and m.rdtype in types
                and (owner is None or m.name.lower().rstrip(".") + "." == owner)
                and m not in dropped + gone
            ):
                gone.append(m)
                flags.append(
                    Flag(
                        code="retracted",
                        severity="info",
                        name=m.name,
                        message=f"Left out {m.rdtype} {m.name} {m.value} (line {m.line}): line "
                        f"{number} withdraws it: {excerpt(words)!r}.",
                        source=Source(first_line=number, last_line=number, excerpt=excerpt(words)),
                    )
                )
    return gone, flags


def _taken_back_here(
    mentions: list[Mention], numbered: list[tuple[int, str]]
) -> tuple[list[Mention], list[Flag]]:
    """A record given and taken back in the same comment, the right one given below: "X CNAME
    A" / "wait, no, sorry, thats the one for their staging service, ignore it. the
    production one is:" / "X CNAME B". The first is left out (superseded by the second)
    when a line between them says it was a mistake (`corrections.takes_back`) and the second,
    the next record below it, is at the same name and type with data of the same shape (of a
    CAA, the same tag: "Third (issuewild certainly.com): not that one" above an issuewild
    and an issue line of another CA speaks of a record of ours, not of the one above)."""
    asked = sorted(
        (m for m in mentions if m.mode == "request" and m.value and m.action != "delete"),
        key=lambda m: m.line,
    )
    if len(asked) < 2:
        return [], []  # the common case
    gone: list[Mention] = []
    flags: list[Flag] = []
    for first, second in pairwise(asked):
        if not _one_retyped(first, second):
            continue
        end = first.last_line or first.line
        said = next(
            ((n, t) for n, t in numbered if end < n < second.line and corrections.takes_back(t)),
            None,
        )
        if said is None:
            continue
        gone.append(first)
        flags.append(
            Flag(
                code="superseded",
                severity="info",
                name=first.name,
                message=f"{first.rdtype} {first.name} {first.value} (line {first.line}) was "
                f"taken back at line {said[0]} ({excerpt(said[1])!r}) for {second.value} "
                f"(line {second.line}).",
                source=Source(first_line=said[0], last_line=said[0], excerpt=excerpt(said[1])),
            )
        )
    return gone, flags


def _removal_taken_back_here(
    mentions: list[Mention], numbered: list[tuple[int, str]]
) -> tuple[list[Mention], list[Flag]]:
    """The removals a line below them in the same comment takes back ("You can also remove the
    existing justice.gov.uk. CAA 0 issue "digicert.com"" … "Edit before sending: on second
    thoughts, leave the digicert one alone … nothing to remove"): what they would remove is
    published, by the writer's own account, and stays (retracted, said so)."""
    deletes = [m for m in mentions if m.action == "delete" and m.mode == "request" and m.value]
    if not deletes:
        return [], []  # the common case
    left: list[Mention] = []
    flags: list[Flag] = []
    for number, text in numbered:
        kinds = threadcues.removal_taken_back(text)
        if not kinds:
            continue
        above = [m for m in deletes if (m.last_line or m.line) < number and m not in left]
        for m in above:
            if "*" in kinds or any(kind in str(m.value).lower() for kind in kinds):
                left.append(m)
                flags.append(
                    Flag(
                        code="retracted",
                        severity="info",
                        name=m.name,
                        message=f"Left out delete {m.rdtype} {m.name} {m.value} (line {m.line}):"
                        f" line {number} takes the removal back: {excerpt(text)!r}.",
                        source=Source(first_line=number, last_line=number, excerpt=excerpt(text)),
                    )
                )
    return left, flags


def _one_retyped(first: Mention, second: Mention) -> bool:
    """Could `second` be `first` typed again with other data: the same name and type, data of
    the same shape, and for a CAA the same tag?"""
    old, new = str(first.value), str(second.value)
    return (
        (first.name, first.rdtype) == (second.name, second.rdtype)
        and first.line < second.line
        and old != new
        and (
            old.split()[1:2] == new.split()[1:2]  # (its tag: the CA may be what was wrong)
            if first.rdtype == "CAA"
            else corrections.same_shape(old, new)
        )
    )


def _our_records(index: int, part: Part, zone: str) -> tuple[list[Said], list[str]]:
    """What our comment shows as published, and the values of the records it proposes (never
    requests: a vendor's "yes, go ahead" to them is checked by a person, `approval_flags`)."""
    walker = Walker()
    for number, line in _lines_to_read(part):
        walker.feed(number, line)
    walker.finish()
    found = []
    proposed = [
        m.value.strip("\"'").rstrip(".").lower()
        for m in walker.mentions
        if m.mode == "request" and m.action in (None, "add") and m.value
    ]
    for mention in _writer_published(walker.mentions, _lines_to_read(part)):
        if mention.mode == "request" and mention.action == "update" and mention.old_value:
            # our Terraform plan's "~ records = [ - "old", + "new" ]": the old one is live
            mention = replace(mention, mode="observed", action=None, value=mention.old_value)
        if mention.mode != "observed":
            continue
        try:
            observed = to_observed(mention, zone, Author(part.comment_id, part.role, part.author))
        except Exception:  # a malformed line in our own reply is not the vendor's request
            continue
        if observed is not None:
            found.append(Said(index, observed=observed))
    return found, proposed


def _forwarder(part: Part) -> Author | None:
    """The writer of a single mail that passes on the vendor's own mail ("From: Fastly
    Support" heads the mail below it), as someone else: never the vendor."""
    if not part.single:
        return None
    reply = part.lines[: min(part.history, MAX_LINES)]
    # (a Fastly agent forwards Fastly's automated notices too, and signs as Fastly: only a
    # reply that speaks of Fastly as another, "Fastly sent us the below", and signs otherwise)
    # (every way of speaking of the vendor names it, in capitals: a cheap test first)
    spoken_of = any("Fastly" in line and _OF_THE_VENDOR.search(line) for line in reply)
    if not spoken_of or _vendor_signed(reply):
        return None
    sender = _first_sender(part)
    if sender is None or _VENDOR_SENDER.search(sender) is None:
        return None
    return Author(part.comment_id, "other", "the sender passing on the vendor's mail")


def _sender(line: str) -> str | None:
    """Who a mail header line names as writing the mail below it ("From: …", "On …, X
    wrote:"), or None when the line is no such header."""
    header = _FROM_HEADER.match(line) or _WROTE.match(line)
    return header.group(1) if header else None


def _first_sender(part: Part) -> str | None:
    """The sender of the mail a comment quotes first, from its header."""
    head = part.lines[part.history : part.history + _HEADER_LINES]
    return next((said for line in head if (said := _sender(line)) is not None), None)


def _put_off(deferred: tuple[int, str] | None, mentions: list[Mention], part: Part) -> Flag | None:
    """ "Not yet please. … after that it can come out" to our "should we remove the
    globalsign.com entry now?": a removal for later, never nothing (unless a delete is read
    there: "Not yet on the TXT, please." to our question of the removal the vendor's first mail
    asked for after issuance)."""
    if deferred is None or any(m.action == "delete" for m in mentions):
        return None
    return _in_comment(unread_request(*deferred, ANY_DELETE), part.comment_id)


def _vendor_signed(reply: tuple[str, ...]) -> bool:
    """Does a short line of the reply name Fastly (a sign-off: "Fastly Support")?"""
    return any(len(line.strip()) <= _SIGNATURE and _VENDOR_SENDER.search(line) for line in reply)


def _quotes_us(part: Part) -> bool:
    """Is the mail a vendor's reply (signed as Fastly) quotes first ours ("On Mon, 20 Oct 2025,
    Hamza Qureshi (GOV.UK) wrote:", "From: … <…@digital.cabinet-office.gov.uk>")?"""
    if not _vendor_signed(part.lines[: min(part.history, MAX_LINES)]):
        return False
    said = _first_sender(part)
    return said is not None and bool(_OUR_SENDER.search(said)) and not _VENDOR_SENDER.search(said)


def _ours_quoted(mentions: list[Mention], part: Part) -> list[Mention]:
    """The records of our mail quoted first below a reply, as shown, never asked; a mail
    quoted below ours, from someone else ("On …, Pavel <support@fastly.com> wrote:"), keeps
    its own reading."""
    history = part.lines[part.history : part.history + MAX_LINES]
    below = next(
        (
            i
            for i, line in enumerate(history)
            if i > 0 and (said := _sender(line)) is not None and not _OUR_SENDER.search(said)
        ),
        len(history),
    )
    start = part.first_line + part.history
    end = start + below
    return [
        replace(m, mode="noted") if start <= m.line < end and m.mode == "request" else m
        for m in mentions
    ]


def _shown_in_our_quote(part: Part, reply: str) -> list[Mention]:
    """What our mail quoted first below a reply shows published (a dig paste), of the records
    whose data the reply names. (Never the rest: records we list may be ones we propose.)"""
    history = part.lines[part.history : part.history + MAX_LINES]
    own = history_start([strip_marker(line) for line in history[1:]]) + 1
    walker = Walker()
    for i, line in enumerate(history[:own]):
        walker.feed(part.first_line + part.history + i, strip_marker(line))
    walker.finish()
    said = reply.lower()
    return [
        m
        for m in walker.mentions
        if m.mode == "observed" and m.value and _unquoted(m.value).lower() in said
    ]


def _unquoted(value: str) -> str:
    """A TXT value without the quotes around it (CAA data keeps its own)."""
    return value[1:-1] if len(value) > 1 and value[0] == value[-1] == '"' else value


_HEADER_LINES = 12
# GOV.UK's own people: "(GOV.UK)", "GOV.UK 2nd line", "…@digital.cabinet-office.gov.uk" (in
# capitals: "…@dcc.gov.uk" is a department's address)
_OUR_SENDER = re.compile(r"\bGOV\.UK\b|(?i:@digital\.cabinet-office\.gov\.uk\b)")
_FROM_HEADER = re.compile(r"^[ \t>*]{0,6}From:[ \t*]*(.{1,200})", re.I)
# "On Mon, 15 Sept 2025 at 17:20, Anders Holm (Fastly Support) <support@…> wrote:"
_WROTE = re.compile(r"^[ \t>*]{0,6}On[ \t]+([^\n]{1,200})[ \t]wrote:[ \t]*$", re.I)
_VENDOR_SENDER = re.compile(r"\bfastly\b", re.I)
_OF_THE_VENDOR = re.compile(
    r"\bFastly[ \t]+(?:have[ \t]+|has[ \t]+)?(?:sent|asked|emailed|wrote|want|wants|need|needs|"
    r"say|says|said|told)\b|\b(?:from|by)[ \t]+Fastly\b(?![ \t]*(?:support|'s[ \t]+platform))|"
    # "GOV.UK - separate thing, nothing to do with Fastly: could you add …"
    r"\b(?:nothing[ \t]+to[ \t]+do[ \t]+with|(?:not|un)[ \t]*related[ \t]+to|separate[ \t]+from|"
    r"not[ \t]+for)[ \t]+Fastly\b",
)
_SIGNATURE = 60  # a short line naming Fastly: a sign-off ("Customer Support Engineer, Fastly")


def author_of(part: Part) -> Author:
    """Who wrote a part: a single text has no author to speak of, a conversation's comments
    each have one."""
    return Author(part.comment_id, None if part.single else part.role, part.author)


def _yes_to_removal(
    index: int,
    numbered: list[tuple[int, str]],
    questioned: tuple[Observed, ...],
    asked: list[str],
    said: list[Said],
    author: Author,
) -> list[Said]:
    """ "Yes please." under our "we still have X CNAME V. Should we remove the old one?": the
    one record our question showed (or, of several shown, named) is to be removed (only that
    one, only on a yes; after issuance on "Yes, but only after the cut-over")."""
    shown = _asked_to_remove(questioned, asked) if threadcues.asks_removal(asked) else None
    if shown is None:
        return []
    yes = _yes_of(numbered, shown)
    if yes is None:
        return []
    held = _YES_HELD.search(yes[1])
    if held and not AFTER_ISSUANCE.search(yes[1], held.start()):
        return []  # ("Yes, but let me check with the team first")
    if any(x.change and x.change.action == "delete" and x.change.name == shown.name for x in said):
        return []  # (read already)
    removal = _removal_of(index, shown, *yes, author)
    if held and removal.change is not None:
        # "Yes, globalsign.com can come out, but only after the cut-over, once the Certainly
        # certificate is live": the removal waits for the new certificate
        removal = replace(
            removal, change=removal.change.model_copy(update={"when": "after_issuance"})
        )
    return [removal]


def _asked_to_remove(questioned: tuple[Observed, ...], asked: list[str]) -> Observed | None:
    """The record our removal question is about: the one it showed, or of several shown the
    one whose CA or value the question names ("Can the old globalsign.com one go?" under the
    CAA set)."""
    if len(questioned) == 1:
        return questioned[0]
    questions = " ".join(line.lower() for line in asked[:MAX_LINES] if "?" in line)
    named = [o for o in questioned if _names_record(questions, o)]
    return named[0] if len(named) == 1 else None


def _names_record(text: str, shown: Observed) -> bool:
    """Does `text` (lower case) name the shown record, by its CA (a CAA entry) or its value?"""
    issuer = caa_issuer(shown.value) if shown.type == "CAA" else None
    said = issuer or _unquoted(shown.value).lower()
    return (
        bool(said) and re.search(rf"(?<![\w.-]){re.escape(said)}(?![\w-]|\.\w)", text) is not None
    )


def _yes_of(numbered: list[tuple[int, str]], shown: Observed) -> tuple[int, str] | None:
    """The line of the answer that says yes to the removal: its first, or one of its first
    few that names the record ("Great, … nothing to add. / Yes, globalsign.com can come out")."""
    lines = [(n, t) for n, t in numbered if t.strip()][:_YES_LINES]
    if lines and approvals.bare_verdict(lines[0][1]) is True:
        return lines[0]
    return next(
        (
            (n, t)
            for n, t in lines[1:]
            if approvals.bare_verdict(t) is True and _names_record(t.lower(), shown)
        ),
        None,
    )


_YES_LINES = 6  # lines of an answer looked at for the yes that names the record
# a yes with a condition on when: not a removal now
_YES_HELD = re.compile(r"\b(?:but|until|till|once|after|when|not[ \t]+yet)\b", re.I)


# "globalsign.com – we haven't issued from GlobalSign since 2023, so that one is fine to
# remove." under the CAA set shown: a verdict on the entry of that CA, line by line
_ISSUER_VERDICT = re.compile(
    r"^\W{0,4}([a-z0-9-]{2,63}\.(?:com|org|net|goog))[ \t]*[\u2013\u2014:-]+[ \t]*(.{0,300})$", re.I
)
_VERDICT_REMOVE = re.compile(
    r"\b(?:fine|ok|okay|safe)[ \t]+to[ \t]+(?:remove|delete|drop)|\b(?:can|may)[ \t]+(?:go|be[ \t]+"
    r"(?:removed|deleted|dropped))|^(?:remove|delete|drop)(?:[ \t]+it)?\b",
    re.I,
)


def _issuer_verdicts(
    lines: list[tuple[int, str]], mentions: list[Mention], part: Part
) -> list[Mention]:
    """A delete of each CAA entry shown (observed, or a zone line of the mail quoted below)
    whose CA a line of the reply says can go ("globalsign.com – … fine to remove"; never "not
    ours", "keep, please")."""
    verdicts = [(n, t) for n, t in lines if _ISSUER_VERDICT.match(t.strip())]
    if not verdicts:
        return []  # the common case, cheaply
    quoted = [
        z
        for i, line in enumerate(part.lines[part.history : part.history + MAX_LINES])
        if (z := read_zone_line(strip_marker(line), part.first_line + part.history + i))
    ]
    shown = [
        replace(m, mode="observed")
        for m in [*(m for m in mentions if m.mode == "observed"), *quoted]
        if m.rdtype == "CAA" and m.value
    ]
    if not shown:
        return []
    out = []
    for number, text in verdicts:
        m = _ISSUER_VERDICT.match(text.strip())
        if m is None or not _VERDICT_REMOVE.search(m.group(2)) or cues.is_negated(m.group(2)):
            continue
        issuer = m.group(1).lower()
        of_it = [o for o in shown if f'"{issuer}"' in (o.value or "").lower()]
        if len({(o.name, o.value) for o in of_it}) == 1:
            said = excerpt(text)
            out.append(
                replace(
                    of_it[0],
                    line=number,
                    last_line=number,
                    excerpt=said,
                    action="delete",
                    mode="request",
                )
            )
    return out


def _remove_those(
    index: int,
    numbered: list[tuple[int, str]],
    questioned: tuple[Observed, ...],
    said: list[Said],
    author: Author,
    flags: list[Flag],
) -> list[Said]:
    """ "… neither is needed any more, so please remove both" under our question showing two
    records: a delete of each record our comment showed (of the type the reply names, if it
    names one), those not read already."""
    own = [(n, t) for n, t in numbered if not t.lstrip().startswith(">")]
    types = threadcues.removes_those("\n".join(t for _, t in own)) if own else None
    if types is None:
        return []
    line = next((n for n, t in own if threadcues.removes_those(t) is not None), own[0][0])
    if len(questioned) < 2:
        if not any(x.comment == index and x.change and x.change.action == "delete" for x in said):
            # "Please remove both of them" with no records of ours to point at: a person reads it
            flags.append(unread_request(line, dict(own).get(line, ""), ANY_DELETE))
        return []
    deleted = {
        (x.change.name, x.change.value) for x in said if x.change and x.change.action == "delete"
    }
    meant = [o for o in questioned if "" in types or o.type in types]
    count = threadcues.removal_count("\n".join(t for _, t in own))
    if count is not None and count != len(meant):
        # ("the two you listed below yours … remove both of them" under three shown): which
        # two is not worked out here, and a person is told
        flags.append(unread_request(line, dict(own).get(line, ""), ANY_DELETE))
        return []
    said_there = dict(own).get(line, "")
    return [
        _removal_of(index, o, line, said_there, author)
        for o in meant
        if (o.name, o.value) not in deleted
    ]


def _removal_of(index: int, shown: Observed, line: int, said: str, author: Author) -> Said:
    """A delete of a record our comment showed, asked for by the vendor's words on `line`."""
    source = Source(
        comment_id=author.comment_id,
        first_line=line,
        last_line=line,
        excerpt=excerpt(said),
        role=author.role,
        author=author.name,
    )
    change = DnsChange(
        action="delete", name=shown.name, type=shown.type, value=shown.value, source=source
    )
    return Said(index, change=change)


_NEAR_BELOW = 12  # lines below a sentence in which the records it speaks of are shown


def _named_by_labels(labels: set[str], said: list[Said]) -> set[str]:
    """The names asked to change before that the labels name, one each ("content-publisher":
    _acme-challenge.content-publisher.publishing.service.gov.uk.; a label in two names, or in
    none, names nothing)."""
    names = {s.change.name.lower() for s in said if s.change is not None}
    found = set()
    for label in labels:
        having = [n for n in names if label in n.rstrip(".").split(".")]
        if len(having) == 1:
            found.add(having[0])
    return found


def _label_asked(marker: str, said: list[Said]) -> bool:
    """Is "^label" (a host by its first label) the first label of a host a request is for
    (or the one after its "www")?"""
    hosts = [validated_domain(s.change.name.lower()) for s in said if s.change is not None]
    firsts = frozenset(h.split(".", 1)[0] for h in hosts)
    return any(marker[1:] in short_names(h, firsts) for h in hosts)


def _takes_done(thread: Thread, index: int) -> bool:
    """Has the reader taken comment `index` to say that something asked before is done?"""
    # ("nothing else is needed" alone marks nothing done: it needs a record shown with it)
    marks = (thread.live, thread.live_hosts, thread.gone, thread.done_places)
    return any(index in m for m in marks) or index in thread.settled_shown


# "Please do NOT remove the letsencrypt.org entry yet - that should only come out after we've
# switched over": a removal asked for later, of the entry of that CA
_NOT_YET_REMOVED = re.compile(
    r"\b(?:do[ \t]+not|don['’]t|not)[ \t]+(?:remove|delete|drop|take[ \t]+out)[ \t]+the[ \t]+"
    r"([a-z0-9-]{2,63}\.(?:com|org|net|goog))[ \t]+(?:entry|record|line|one|issuer)[ \t]+yet\b",
    re.I,
)


def _later_removal_unread(
    changes: list[DnsChange],
    lines: list[tuple[int | None, int, str]],
    vendor_comments: set[int],
    order: dict[int | None, int],
) -> list[Flag]:
    """A vendor's words that an entry is to be removed later ("do NOT remove the
    letsencrypt.org entry yet") with no removal of it read: a person adds it (warn)."""
    flags = []
    for comment_id, number, text in lines:
        if order.get(comment_id, -1) not in vendor_comments or "yet" not in text.lower():
            continue
        for m in _NOT_YET_REMOVED.finditer(text[:2000]):
            issuer = m.group(1).lower()
            if any(c.action == "delete" and issuer in (c.value or "").lower() for c in changes):
                continue
            said = excerpt(text)
            why = (
                f"Line {number} says the {issuer} entry is to be removed later ({said!r}), but "
                "no removal of it was read: check when it is to go and add it by hand."
            )
            flags.append(_in_comment(_by_hand(number, number, said, why), comment_id))
    return flags


def _unheeded_done(
    changes: list[DnsChange],
    unheeded: list[tuple[int, int | None, int, str, frozenset[str]]],
    order: dict[int | None, int],
) -> list[Flag]:
    """A later vendor comment that says something is done ("validated overnight", "the token
    is gone") in words the reader took up as nothing, after requests still listed: whether
    they are still to do is for a person to check."""
    flags = []
    for index, comment_id, line, sentence, hosts in unheeded:
        before = [
            c
            for c in changes
            if c.source is not None
            and c.source.role != "other"
            and order.get(c.source.comment_id, -1) < index
            # (of the hosts the sentence names, when it names any)
            and (not hosts or validated_domain(c.name).rstrip(".") in hosts)
        ]
        if before:
            names = ", ".join(dict.fromkeys(f"{c.name} {c.type}" for c in before))
            shown = excerpt(sentence)
            flags.append(
                Flag(
                    code="unread_value",
                    severity="warn",
                    message=f"A later comment says {shown!r} (line {line}), after the requests "
                    f"for {names}: check whether they are already done.",
                    source=Source(
                        comment_id=comment_id, first_line=line, last_line=line, excerpt=shown
                    ),
                )
            )
    return flags


def _asks_add(said: Said, rdtype: str | None) -> bool:
    change = said.change
    return change is not None and change.action == "add" and rdtype in (None, change.type)


def _writer_published(mentions: list[Mention], numbered: list[tuple[int, str]]) -> list[Mention]:
    """A CC's (or our) records just below "I've put these in this morning under CHG0041187:":
    what the writer has published, asked of no one."""
    leads = [n for n, text in numbered if _I_PUBLISHED.search(text)]
    if not leads:
        return mentions  # the common case
    out = []
    for m in mentions:
        lead = max((n for n in leads if n < m.line), default=None)
        near = lead is not None and m.line - lead <= _PUBLISHED_REACH
        if near and m.mode == "request" and m.action in (None, "add") and m.value:
            m = replace(m, mode="observed", action=None)
        out.append(m)
    return out


_PUBLISHED_REACH = 8  # lines from the lead-in to the last record it speaks for
# "I've put these in this morning under CHG0041187:", "We have now added both:", "Morning all,
# I've published them:" (never "Could you confirm I've added these right?")
_I_PUBLISHED = re.compile(
    # ("Hi Priya, done both. Published:")
    r"(?:^|[.!,][ \t]+)(?:now[ \t]+)?(?:published|added|created|live|(?:all|both)[ \t]+in)"
    r"(?:[ \t]+now)?[ \t]*:[ \t]*$|"
    r"^\W{0,3}(?:[^.!?\n]{0,40}[.!,][ \t]+)?(?:i|we)(?:['’]ve|[ \t]+have)?[ \t]+"
    r"(?:now[ \t]+|just[ \t]+|already[ \t]+)?(?:added|published|created|put|set[ \t]+up)\b"
    r"(?![^:\n]{0,80}\b(?:subscription|order|account|ticket|below[ \t]+to)\b)"
    r"[^:?\n]{0,100}:[ \t]*$",
    re.I,
)


def _proposals(lines: list[str]) -> list[approvals.Item]:
    """The records our mail proposed, in order (not what a dig answer in it shows published:
    "x. 300 IN CNAME y.")."""
    lines = lines[:MAX_LINES]
    walker = Walker()
    for number, line in enumerate(lines):
        walker.feed(number, line)
    walker.finish()
    shown = {k for k, line in enumerate(lines) if _DIG_ANSWER.search(line)}
    return approvals.proposals(lines, {m.line for m in walker.mentions} - shown)


_DIG_ANSWER = re.compile(r"[ \t]\d{1,10}[ \t]+IN[ \t]+[A-Z]{1,10}[ \t]", re.I)


def _corrected(
    index: int, numbered: list[tuple[int, str]], used: list[str], said: list[Said], author: Author
) -> list[Said]:
    """ "Sorry, wrong token: the correct one is X": the earlier requests of X's shape, with X."""
    found = []
    for fix in corrections.corrections(numbered, used):
        asked = [s.change for s in said if s.change is not None]
        for target, written in corrections.corrected(fix, asked):
            try:
                value = to_value(target.type, written)
            except RecordError:
                continue  # not data of that type: the completeness check flags the value
            text = dict(numbered)[fix.line]
            source = Source(
                comment_id=author.comment_id,
                first_line=fix.cue,
                last_line=fix.line,
                excerpt=excerpt(text),
                role=author.role,
                author=author.name,
            )
            change = target.model_copy(update={"value": value, "source": source})
            found.append(Said(index, change=change, replaces=True))
    return found


_NUMBERED_ITEM = re.compile(r"^[ \t]*(\d{1,2})[.)][ \t]")  # "3. DELETE  _acme-challenge.x …"


_RESTATED_MAX = 20


def _restated(mentions: list[Mention], quoted_from: int) -> list[Mention]:
    """ "For clarity, the complete list is now just: 1. X 2. Y" above the quoted mail (its
    lines from `quoted_from` on) that asked to remove X, Y and Z after issuance: a record the
    reply lists again with no verb is asked for as the mail asked for it (the same action, at
    the same time)."""
    verbs = {
        _said_as(m): m
        for m in mentions
        if m.mode == "request" and m.action is not None and m.line >= quoted_from
    }
    return [
        replace(m, action=first.action, after_issuance=first.after_issuance)
        if m.mode == "request"
        and m.action is None
        and m.line < quoted_from
        and (first := verbs.get(_said_as(m)))
        else m
        for m in mentions
    ]


def _restates(mentions: list[Mention], part: Part) -> bool:
    """ "For clarity, the complete list is now just:" above the mail it corrects: records
    the reply lists with no verb of their own, each of them in the mail quoted below (whose
    verb and time they keep: the quoted mail is read as the reply's request)."""
    asked = [m for m in mentions if m.mode == "request"]
    if not asked or len(asked) > _RESTATED_MAX or any(m.action or not m.value for m in asked):
        return False  # (a list restated is short: the check below is bounded)
    quoted = [line.lower() for line in part.lines[part.history :]]

    def listed(m: Mention) -> bool:  # its name and data on one line of the quoted mail
        name, _, value = _said_as(m)
        return any(name in line and value in line for line in quoted)

    return all(listed(m) for m in asked)


def _said_as(m: Mention) -> tuple[str, str, str]:
    """A mention's record as written, compared loosely (case, quotes, a final dot)."""
    value = (m.value or "").strip().strip("\"'`‘’“”").rstrip(".").lower()
    return m.name.strip().rstrip(".").lower(), m.rdtype, value


def _asked(change: DnsChange) -> Observed:
    """A record an earlier comment asked for, as a later "clear the verification string from
    the apex" may point back to it."""
    return Observed(name=change.name, type=change.type, value=change.value or "", ttl=change.ttl)


def _take_up(
    taken: endorsed.Endorsement,
    theirs: list[Said],
    untrusted: list[Said],
    said: list[Said],
    vendor: str | None,
) -> None:
    """Make the records another author asked for, of the types the vendor endorsed, the
    vendor's requests, said where that author said them (the vendor's later words still apply)."""
    for item in theirs:
        change = item.change
        if change is None or change.type not in taken.types or item not in untrusted:
            continue
        untrusted.remove(item)
        source = change.source
        if source is not None:
            who = f"{vendor or 'the vendor'}, taking up {source.author or taken.name}'s records"
            source = source.model_copy(update={"role": "vendor", "author": who})
        at = len(said)
        while at > 0 and said[at - 1].comment > item.comment:
            at -= 1
        said.insert(at, replace(item, change=change.model_copy(update={"source": source})))


def _shown_by_comment(
    observed: list[Observed], order: dict[int | None, int]
) -> dict[int | None, list[str]]:
    """For each comment, the published values shown in it or in a comment before it (a fact
    with no comment is shown everywhere)."""
    at = [
        (order.get(o.source.comment_id if o.source else None, -1), o.value.lower())
        for o in observed
    ]
    return {
        comment: [value for when, value in at if when <= index] for comment, index in order.items()
    }


def _insert_in_order(said: list[Said], item: Said) -> None:
    """Put a comment's item where its line stands among that comment's others (a correction
    comes before a dig paste further down, so what the paste shows does not complete it)."""
    line = _line(item)
    at = len(said)
    while at > 0 and said[at - 1].comment == item.comment and _line(said[at - 1]) > line:
        at -= 1
    said.insert(at, item)


def _line(item: Said) -> int:
    thing = item.change or item.observed or item.negated or item.refused
    return thing.source.first_line if thing is not None and thing.source is not None else 0


def _moves(joined: str, numbered: list[tuple[int, str]], author: Author) -> list[Move]:
    """ "It belongs on X, not on Y" in a comment, with the line that says it."""
    found = []
    moved = [(*m, False) for m in threadcues.moved_owners(joined)]
    for new, old, at, labels in [*moved, *((*m, True) for m in threadcues.relabelled(joined))]:
        number, text = numbered[joined.count("\n", 0, at)]
        found.append(
            Move(
                new,
                old,
                labels=labels,
                source=Source(
                    comment_id=author.comment_id,
                    first_line=number,
                    last_line=number,
                    excerpt=excerpt(text),
                    role=author.role,
                    author=author.name,
                ),
            )
        )
    return found


def _chosen_name(chosen: str, other: str, numbered: list[tuple[int, str]], author: Author) -> Move:
    """The records asked for at `other`, asked for at `chosen` instead: the name the answer to
    our "X or Y?" picks (what was asked, answered: nothing superseded to say)."""
    number, text = next(((n, t) for n, t in numbered if t.strip()), numbered[0])
    source = Source(
        comment_id=author.comment_id,
        first_line=number,
        last_line=number,
        excerpt=excerpt(text),
        role=author.role,
        author=author.name,
    )
    return Move(chosen, other, source=source, answered=True)


def _over_limit(part: Part, count: int, what: str, limit: int) -> Flag:
    """A comment past a reading limit: what was read, and that a person must read the rest."""
    where = f"Comment {part.comment_id}" if part.comment_id is not None else "The ticket"
    return Flag(
        code="unparsed_record",
        severity="warn",
        message=f"{where} has {count:,} {what}; only the first {limit:,} were read (no "
        "certificate request has that many). Read the rest on Zendesk.",
    )


def _quote_depth(line: str) -> int:
    """How many `>` markers a line starts with, as written."""
    return line[: len(line) - len(line.lstrip(" \t>"))].count(">")


def _vendor_notes(
    numbered: list[tuple[int, str]], mentions: list[Mention], depths: dict[int, int] | None = None
) -> list[Mention]:
    """What a vendor's lines say of the records in them, read after the walker: a quoted
    alternative it refuses, and each CAA value of a line that gives several."""
    mentions = _refused_quote_below(numbered, mentions, depths)
    return mentions + _caa_values_beside(numbered, mentions)


def _refused_quote_below(
    numbered: list[tuple[int, str]], mentions: list[Mention], depths: dict[int, int] | None = None
) -> list[Mention]:
    """ "The GlobalSign mail also lists a DNS alternative, quoted below. Please don't create
    it": the records of the `>` block just below that line are refused, not asked. (`depths`:
    each line's quote level as written, for a mail read with its own markers taken off.)"""
    refused: set[int] = set()
    depth = depths or {}
    for k, (said_at, text) in enumerate(numbered):
        if not (_QUOTED_BELOW.search(text) and _DONT_CREATE_IT.search(text)):
            continue
        for number, line in numbered[k + 1 : k + 1 + _QUOTE_REACH]:
            if line.lstrip().startswith(">") or depth.get(number, 0) > depth.get(said_at, 0):
                refused.add(number)
            elif line.strip():
                break  # (blank lines around and in the block; it ends at the next text)
    if not refused:
        return mentions
    return [
        replace(m, mode="negated") if m.line in refused and m.mode == "request" else m
        for m in mentions
    ]


_QUOTE_REACH = 40
_QUOTED_BELOW = re.compile(r"\b(?:quoted|shown|pasted|copied|included)[ \t]+below\b", re.I)
_DONT_CREATE_IT = re.compile(
    r"\b(?:please[ \t]+)?(?:don['\u2019]t|do[ \t]+not|never)[ \t]+(?:create|add|publish|use)[ \t]+"
    r"(?:it|that|this|them|those)\b",
    re.I,
)


def _caa_values_beside(numbered: list[tuple[int, str]], mentions: list[Mention]) -> list[Mention]:
    """ "the two CAA entries … on x: 0 issue "digicert.com" and 0 issue "sectigo.com"": each
    CAA value the line gives, where the reader took the first."""
    found: list[Mention] = []
    lines = dict(numbered)
    for m in [m for m in mentions if m.rdtype == "CAA" and m.mode == "request" and m.value]:
        value = " ".join(m.value.split()).lower()
        text = next(  # (the sentence that gives it: never another sentence's CAA set)
            (x for x in prose.split_sentences(lines.get(m.line, "")) if value in x.lower()), ""
        )
        values = [" ".join(v.split()) for v in _CAA_DATA.findall(text)]
        if len(values) < 2 or " and " not in text:
            continue
        have = {
            " ".join((x.value or "").split()).lower()
            for x in mentions + found
            if x.line == m.line and x.rdtype == "CAA" and x.name == m.name
        }
        found += [replace(m, value=v) for v in values if v.lower() not in have]
    return found


_CAA_DATA = re.compile(
    r'(?<![\w"])(?:0|128)[ \t]+(?:issue|issuewild|iodef)[ \t]+"[^"\n]{1,200}"', re.I
)


def _removed_at_each(numbered: list[tuple[int, str]], mentions: list[Mention]) -> list[Mention]:
    """ "The two globalsign-domain-verification TXT records on dft.gov.uk and dclg.gov.uk are
    not needed anymore and you can remove them now": a removal of that type at each name the
    sentence lists, where the reader took one (the data is the one asked for there before)."""
    found: list[Mention] = []
    for number, text in numbered:
        if "record" not in text.lower() or action_cue(text) != "delete":
            continue
        kinds = {t.upper() for t in _PLURAL_TYPE.findall(text)}
        hosts = prose.hosts_named(text)
        if len(kinds) != 1 or len(hosts) < 2 or not _LISTED_HOSTS.search(text):
            continue
        (rdtype,) = kinds
        here = [m for m in mentions if m.line == number and m.action == "delete"]
        if not here or any(m.rdtype != rdtype for m in here):
            continue  # (nothing read from the line, or another type: not this shape)
        done = {m.name.lower().rstrip(".") for m in here}
        for host in sorted(hosts - done):
            found.append(replace(here[0], name=f"{host}.", value=None, excerpt=text))
    return found


# "TXT records", "CNAMEs": a type said of several records
_PLURAL_TYPE = re.compile(r"\b(TXT|CNAME|CAA)(?:[ \t]+records|s)\b", re.I)
# "on dft.gov.uk and dclg.gov.uk", "at a.gov.uk, b.gov.uk and c.gov.uk"
_LISTED_HOSTS = re.compile(
    r"\b(?:on|at|for|from)[ \t]+(?:the[ \t]+)?[a-z0-9.-]+\.[a-z]{2,}"
    r"(?:[ \t]*,[ \t]*[a-z0-9.-]+\.[a-z]{2,})*"
    r",?[ \t]+(?:and|&)[ \t]+[a-z0-9.-]+\.[a-z]{2,}\b",
    re.I,
)


def _removed_by_value(
    numbered: list[tuple[int, str]], shown: tuple[Observed, ...], mentions: list[Mention]
) -> list[Mention]:
    """ "- ekXOBaDini7pNhLUXQTqHiffz7TrxG9LtewPeO62 is from 2023 and can be removed as well.",
    "So: remove the m0ATH-... and ekXOBa... records, keep P4bQ...": a removal of records
    shown published before (our dig), named by their data or its first characters alone,
    when those match one record shown."""
    if not shown:
        return []
    found: list[Mention] = []
    taken = {(m.name.lower(), (m.value or "").strip('"').lower()) for m in mentions}
    for number, text in numbered:
        if action_cue(text) != "delete" or cues.is_negated(text):
            continue
        asked = _without_kept_sentences(text)
        kept = _KEPT_AFTER.search(asked)  # "…, keep P4bQ... and the SPF record untouched"
        for token in _DATA_TOKEN.findall(asked[: kept.start()] if kept else asked):
            elided = token.endswith(("...", "\u2026"))  # its first characters only
            prefix = token.rstrip(".\u2026").lower()
            hits = {
                (o.name, o.type, o.value)
                for o in shown
                if o.type in ("TXT", "CNAME")
                and (
                    o.value.lower().strip('"').split("=")[-1].startswith(prefix)
                    if elided
                    else prefix in (o.value.lower().strip('"'), o.value.lower().split("=")[-1])
                )
            }
            if len(hits) != 1:
                continue
            ((name, rdtype, value),) = hits
            if (name.lower(), value.strip('"').lower()) in taken:
                continue
            taken.add((name.lower(), value.strip('"').lower()))
            found.append(
                Mention(
                    name,
                    rdtype,
                    f'"{value}"' if rdtype == "TXT" else value,
                    number,
                    action="delete",
                    after_issuance=bool(AFTER_ISSUANCE.search(text)),
                    excerpt=text,
                )
            )
    return found


# a token named by its data: the whole (16+ characters) or its start and an ellipsis
_DATA_TOKEN = re.compile(
    r"(?<![\w=-])([A-Za-z0-9_-]{16,100}(?![\w.-])|[A-Za-z0-9_-]{4,40}(?:\.\.\.|\u2026))"
)
# ("remove the muYi... token and keep OfxH...": the same, joined by "and")
_KEPT_AFTER = re.compile(
    r"(?:[,;][ \t]*(?:but[ \t]+|and[ \t]+)?|[ \t]+(?:and|but)[ \t]+)(?:please[ \t]+)?"
    r"(?:keep|leave)\b",
    re.I,
)
# "The OfxH... one please keep", "the other token must stay", "P4bQ... is still needed"
_KEEP_WORD = re.compile(
    r"\b(?:keep|stays?|remains?|leave|untouched|still[ \t]+(?:needed|used|in[ \t]+use))\b", re.I
)


def _without_kept_sentences(line: str) -> str:
    """The line without its sentences that keep a record and remove none ("Please wait for
    our confirmation, then delete only the muYi... token. The OfxH... one please keep"): the
    data those name is what stays."""
    if not _KEEP_WORD.search(line):
        return line  # the common case
    return " ".join(
        s
        for s in prose.split_sentences(line)
        if not _KEEP_WORD.search(s) or action_cue(s) == "delete"
    )


_QUOTED_HEADER = re.compile(
    r"^[ \t]*>[ \t>]*(?:From|Sent|Date)[ \t]*:|^[ \t]*>[ \t>]*On[ \t].{0,200}wrote:", re.I
)


def _quoted_mail_read(
    numbered: list[tuple[int, str]], mentions: list[Mention], comment_id: int | None
) -> list[Flag]:
    """Requests read from '>' lines under a quoted mail's header (not from a control panel's
    error the vendor quotes): the mail was not found as history, so its words were read as
    the comment's own - a warn, pointing at the header."""
    header = next((n for n, t in numbered if _QUOTED_HEADER.match(t)), None)
    if header is None:
        return []
    lines = dict(numbered)
    quoted = [
        m
        for m in mentions
        if m.mode == "request"
        and m.line > header
        and lines.get(m.line, "").lstrip().startswith(">")
    ]
    if not quoted:
        return []
    said = excerpt(lines[header])
    why = (
        f"Records were read from the mail quoted from line {header} ({said!r}) as if this "
        "comment asked for them: check which of them the comment above it still asks for, and "
        "when."
    )
    return [_in_comment(_by_hand(header, header, said, why), comment_id)]


def _standing_below(
    part: Part, mentions: list[Mention], said: list[str] | None = None
) -> list[Flag]:
    """A reply with records of its own that says a record of the mail it quotes still stands:
    that mail is not read (the reply's records are), so a person reads it - unless the quoted
    mail names no record but those the reply gives again ("The correct target is: X.
    Everything else is as before." over the one record it corrects). `said`: the words that
    may say so, when not the reply's own (a passed-on mail that says it of the mail it quotes)."""
    if not threadcues.earlier_stands(part.new_lines if said is None else said):
        return []
    # (by first label: the quoted mail may name a host relative to its zone)
    given = {validated_domain(m.name.lower()).split(".", 1)[0] for m in mentions}
    quoted = {
        validated_domain(o.lower()).split(".", 1)[0]
        for line in part.lines[part.history : part.history + MAX_LINES]
        for o in prose.owners_in(strip_marker(line))
    }
    if quoted <= given:
        return []
    line = part.first_line + part.history
    said_text = " ".join(" ".join(part.new_lines if said is None else said).split())
    return [
        Flag(
            code="unread_value",
            severity="warn",
            message="This reply corrects a record and says a record of the mail it quotes "
            f"still stands ({excerpt(said_text)!r}); only the reply's records were read: check "
            f"the quoted mail from line {line} for the records that still stand.",
            source=Source(
                comment_id=part.comment_id,
                first_line=line,
                last_line=line,
                excerpt=excerpt(said_text),
            ),
        )
    ]


def _lines_to_read(part: Part) -> list[tuple[int, str]]:
    """The comment's new lines, numbered. In a comment by anyone but the vendor, a `>` line
    quotes someone else ("can you confirm this is the only record? > add …") and is read as a
    blank line: what a CC quotes is not what the CC asks for. (The vendor's own `>` lines
    are read: it quotes its control panel's error to say what to add.)"""
    quoting = part.role == "other"
    return [
        (i + part.first_line, "" if quoting and line.lstrip().startswith(">") else line)
        for i, line in enumerate(part.new_lines)
    ]


def _quoted_request(part: Part) -> tuple[list[tuple[int, str]], int]:
    """The quoted mail under a reply with no records of its own, without its own history
    (unless that mail itself passes on what it quotes: "the CNAME from the notice below", or
    lists again the records of the mail it quotes: "the complete list is now just: …"); and
    the number of the first line whose records a list said again without verbs takes its
    verbs from (`_restated`)."""
    quoted = [strip_marker(line) for line in part.lines[part.history :]]
    start = leading_headers(quoted)  # "On ... wrote:", the forwarded mail's From:/Sent: lines
    own = history_start(quoted[start:])
    words = tuple(quoted[start : start + own])
    # Its words read as one text too ("asked me to pass on the / request below"), unless the
    # mail corrects or withdraws what it quotes ("Quick correction to my note below … please
    # ignore item 1"): read alone, the records it leaves unread are said, never merged.
    # ("Please disregard the DNS record request in my message below": it withdraws all of
    # it, it does not pass it on)
    said = " ".join(words)
    withdrawn, scope = threadcues.withdraws_earlier(said)
    passes_on = not (withdrawn and scope is None) and (
        threadcues.passes_on(words)
        or (threadcues.passes_on(words, wrapped=True) and not threadcues.revises(said))
    )
    nested = part.history + start + own
    again = _lists_again(words, quoted[start + own :])
    # ("The www record in my original message is correct as written" above our question that
    # quotes that message: read down to it)
    through = threadcues.earlier_stands(part.new_lines)
    end = len(part.lines) if passes_on or again or through else nested
    lines = [(i + part.first_line, strip_marker(part.lines[i])) for i in range(end)]
    return lines, part.first_line + (nested if again else part.history)


def _inline_answers(part: Part) -> list[Flag]:
    """A reply written between the lines of the mail it quotes ("> 2. Which TTL?" / "300,
    same as what's there now." / "> 3. …"): its answers are not read as requests, so a person
    reads them. Found as unquoted text with quoted lines both above and below it."""
    history = part.lines[part.history : part.history + MAX_LINES]
    quoted = [line.lstrip().startswith(">") for line in history]
    if quoted.count(True) < _INLINE_MIN:
        return []
    last_quote = len(quoted) - 1 - quoted[::-1].index(True)
    seen_quote = False
    for i, (line, is_quote) in enumerate(zip(history, quoted, strict=True)):
        seen_quote = seen_quote or is_quote
        if seen_quote and not is_quote and line.strip() and i < last_quote and not _header(line):
            number = part.first_line + part.history + i
            said = excerpt(line.strip())
            why = (
                f"Line {number} answers between the lines of the mail it quotes ({said!r}): "
                "answers given inline were not read. Read them by hand."
            )
            return [_in_comment(_by_hand(number, number, said, why), part.comment_id)]
    return []


_INLINE_MIN = 2  # quoted lines, at the least, around an answer written between them
# A line that heads the next quoted mail, not an answer: "On … wrote:", "From: …", a rule
_QUOTE_HEADER = re.compile(
    r"^\s*(?:on\s.{0,300}\bwrote:\s*$|(?:from|sent|to|cc|subject|date)\s*:|-{3,}|_{5,})"
    # "Ines Carvalho, Dec 15, 2026, 16:40 GMT:" (Zendesk's quoted comment)
    r"|^[^:\n]{0,200}\b(?:19|20)\d{2}\b[^\n]{0,40}\b\d{1,2}:\d{2}\b[^\n]{0,20}:\s*$",
    re.I,
)


def _header(line: str) -> bool:
    return _QUOTE_HEADER.match(line) is not None


def _restated_revision(lines: list[tuple[int, str]]) -> Flag:
    """A passed-on mail that corrects the mail it quotes ("please IGNORE item 3") and lists
    its records again: which of them still stand is a person's reading."""
    first, last = lines[0][0], lines[-1][0]
    said = excerpt(" ".join(" ".join(text.split()) for _, text in lines if text.strip()))
    why = (
        f"Lines {first}-{last} correct the mail they quote and list its records again: which "
        f"of them still stand was not worked out. Read them by hand: {said!r}"
    )
    return _by_hand(first, last, said, why)


_CORRECTING = re.compile(
    r"\b(?:correct|right|proper|actual|wrong|mistake|typo|sorry|instead|meant)\b|"
    r"\buse[ \t]+this\b",
    re.I,
)
_OLD_SAID = re.compile(
    r"\b(?:old|older|existing|previous|current(?:ly)?|retir\w*|expired|replace\w*|stale)\b", re.I
)


def _old_given_later(
    changes: tuple[DnsChange, ...] | list[DnsChange],
    lines: list[tuple[int | None, int, str]],
    order: list[int | None],
) -> list[Flag]:
    """An update whose old value a later vendor comment gives ("wait wrong val … correct is
    -> X" read no further, then our dig showing X): the request may have been corrected to
    that value, not be a change from it. Said, for a person to check."""
    flags = []
    for change in changes:
        if change.action != "update" or not change.old_value or change.source is None:
            continue
        after = order.index(change.source.comment_id) if change.source.comment_id in order else -1
        old = change.old_value.lower().rstrip(".")
        for comment_id, number, text in lines:
            later = comment_id in order and order.index(comment_id) > after >= 0
            # (never "the existing CNAME belongs to the old subscription … replace it")
            if (
                later
                and old in text.lower()
                and _CORRECTING.search(text)
                and not _OLD_SAID.search(text)
            ):
                said = excerpt(text.strip())
                why = (
                    f"Line {number} of a later comment gives {change.old_value}, which the "
                    f"update of {change.name} {change.type} takes as the value it replaces: check "
                    f"whether that comment corrected the request instead: {said!r}"
                )
                flags.append(_in_comment(_by_hand(number, number, said, why), comment_id))
                break
    return flags


def _spoken_of(
    text: str,
    numbered: list[tuple[int, str]],
    others_by_name: dict[str, list[Said]],
    said: list[Said],
) -> list[Flag]:
    """A vendor comment that points at someone else's record ("The one Priya pasted from the
    UI", "Priya's value", "Priya is right"; no endorsement read) where that record gives
    another value than the vendor asked for: which value stands was not worked out, so a
    person reads it."""
    asked = {
        (s.change.name, s.change.type): s.change.value
        for s in said
        if s.change is not None and s.change.action in ("add", "update")
    }
    for name, theirs in others_by_name.items():
        said = re.escape(name)
        chosen = re.search(
            rf"\b(?:one|value|record|target|token|entry)s?[ \t]+{said}[ \t]+(?:has[ \t]+)?"
            r"(?:pasted|posted|sent|gave|wrote|shared|found|sees|saw|quoted|listed)\b|"
            rf"\b{said}['\u2019]s[ \t]+(?:one|value|record|target|token|entry)\b|"
            rf"\b{said}[ \t]+is[ \t]+(?:right|correct)\b",
            text,
        )
        if chosen is None or cues.is_negated(text[max(0, chosen.start() - 30) : chosen.start()]):
            continue
        differ = [
            s.change
            for s in theirs
            if s.change is not None
            and (s.change.name, s.change.type) in asked
            and asked[(s.change.name, s.change.type)] != s.change.value
        ]
        if differ:
            number, line = next(((n, t) for n, t in numbered if name in t), numbered[0])
            said_here = excerpt(line.strip())
            why = (
                f"Line {number} speaks of {name}'s records, which give {differ[0].name} "
                f"{differ[0].type} another value ({differ[0].value}) than the vendor asked for: "
                f"which one stands was not worked out. Read it by hand: {said_here!r}"
            )
            return [_by_hand(number, number, said_here, why)]
    return []


def _by_hand(first: int, last: int, said: str, why: str) -> Flag:
    """A warning that lines `first`-`last` hold something the reader did not work out."""
    return Flag(
        code="unread_value",
        severity="warn",
        message=why,
        source=Source(first_line=first, last_line=last, excerpt=said),
    )


def _lists_again(words: tuple[str, ...], history: list[str]) -> bool:
    """Does a mail that corrects the one it quotes list again, as items, records (a validation
    name and its data) that the quoted mail lists? Bounded: a list said again is short."""
    listed = [
        w.lower() for w in words if "_" in w and prose.ITEM_START.match(w) and len(w.split()) >= 3
    ][:_RESTATED_MAX]
    if not listed or not history or not threadcues.revises(" ".join(words)):
        return False
    below = [line.lower() for line in history[:MAX_LINES] if "_" in line]

    def again(line: str) -> bool:
        tokens = [t.strip("\"'`‘’“”.,;()") for t in line.split()]
        name = next((t for t in tokens if t.startswith("_") and "." in t), None)
        data = max(tokens, key=len)
        return name is not None and any(name in b and data in b for b in below)

    records = [line for line in listed if any(t.startswith("_") for t in line.split())]
    return bool(records) and all(again(line) for line in records)


def _said(
    index: int, mention: Mention, author: Author, zone: str, flags: list[Flag]
) -> Said | None:
    if _illustration(mention) or mention.mode in ("aside", "noted"):
        return None  # names under example.com (RFC 2606) only ever illustrate; a backout plan
    try:
        if mention.mode == "observed":
            observed = to_observed(mention, zone, author)
            return Said(index, observed=observed) if observed else None
        change = to_change(mention, zone, author)
    except Exception as exc:  # malformed data or a reader bug: said, never a crash
        flags.append(unparsed_flag(mention, exc, author))
        refused = _refused(mention, zone, author)
        return Said(index, refused=refused) if refused is not None else None
    if mention.mode == "negated":
        return Said(index, negated=change)
    if mention.conditional and change.action == "delete":
        # "if anything else exists at X today, it will have to be removed": whether there is
        # anything to remove is for a person to look up, not for the draft to assume
        why = f"asks to delete a {change.type} record only if one is there"
        flags.append(ambiguous(change.name, [change], why))
    return Said(index, change=change, every=mention.every)


def _refused(mention: Mention, zone: str, author: Author) -> DnsChange | None:
    """A requested record whose data could not be read, as name and type only (no value),
    so the trust rules can still judge it ("an HTTPS record at gov.uk")."""
    if mention.mode != "request":
        return None
    try:
        name = resolve_owner(mention, zone)
        return DnsChange(
            action=mention.action or "add",
            name=name,
            type=mention.rdtype,
            value=None,
            source=source_of(mention, author),
        )
    except Exception:  # no owner either: the unparsed_record flag says it all
        return None


def _hosts_at_place(place: str, hosts: set[str]) -> frozenset[str]:
    """ "~host" for the hosts asked for that "the apex one" (the one host of fewest labels,
    not www) or "the www one" (those under www.) names."""
    if place == "www":
        return frozenset(f"~{h}" for h in hosts if h.startswith("www."))
    bare = [h for h in hosts if not h.startswith("www.")]
    fewest = min((h.count(".") for h in bare), default=0)
    apex = [h for h in bare if h.count(".") == fewest]
    return frozenset(f"~{h}" for h in apex) if len(apex) == 1 else frozenset()


_OUR_MAIL = re.compile(r"cabinet-?office\.gov\.uk|from:[ \t]*[\"']?gov\.uk\b|govuk", re.I)


def _forwards(part: Part) -> bool:
    """Does the comment's quoted history start with a mail forwarded from someone else (not a
    reply's quote, not our own mail passed back)?"""
    head = [line.lower() for line in part.lines[max(0, part.history - 2) : part.history + 3]]
    # (a department's mail, "From: … @dwp.gov.uk", is someone else's; GOV.UK's is ours)
    ours = any("from:" in line and _OUR_MAIL.search(line) for line in head)
    return any("forwarded message" in line for line in head) and not ours


def _one_per_line(flags: list[Flag]) -> list[Flag]:
    """One `unread_value` per line of a comment is enough to send a person there (none
    beside an `ambiguous_request` about the same line)."""
    seen: set[tuple[int | None, int]] = {
        (f.source.comment_id, f.source.first_line)
        for f in flags
        if f.code == "ambiguous_request" and f.source is not None
    }
    kept = []
    for flag in flags:
        if flag.code == "unread_value" and flag.source is not None:
            where = (flag.source.comment_id, flag.source.first_line)
            if where in seen:
                continue
            seen.add(where)
        kept.append(flag)
    return kept


_RESERVED = (".example.com", ".example.net", ".example.org", ".example", ".test", ".invalid")


def _illustration(mention: Mention) -> bool:
    names = (mention.name, mention.value or "") if mention.rdtype == "CNAME" else (mention.name,)
    return any(f".{n.lower().strip().rstrip('.')}".endswith(_RESERVED) for n in names if n.strip())


def _values(change: DnsChange) -> list[str]:
    return [v for v in (change.value, change.old_value, change.name) if v]


def _in_comment(flag: Flag, comment_id: int | None) -> Flag:
    if flag.source is None or comment_id is None:
        return flag
    return flag.model_copy(
        update={"source": flag.source.model_copy(update={"comment_id": comment_id})}
    )


def _private_key_flag() -> Flag:
    return Flag(
        code="private_key",
        severity="block",
        message="The ticket contains a private key. It has been left out of everything "
        f"cert-ticket shows. Treat it as compromised: {PRIVATE_KEY_RULE}.",
    )


__all__ = ["Observed", "read", "visible_text"]

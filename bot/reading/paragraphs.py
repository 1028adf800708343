"""Prose of a comment, a paragraph at a time: the context a line sets (mode, action, domain,
zone, a listing's owner, an inline dig), and the records its sentences ask for. A mixin of
`Walker` (bot/reading/walker.py), whose state it reads and changes.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, NamedTuple

from bot.models import Flag, Observed
from bot.reading import actions, cues, desired, prose
from bot.reading.candidates import is_validation_host
from bot.reading.mentions import (
    Mention,
    Mode,
    clean_data,
    failed_block,
    is_owner_token,
    is_type_word,
    safe_name,
)
from bot.reading.references import ANY_DELETE, DESCRIBED_SET, described_set, refused_unclear
from bot.reading.references import kinds_in as refs_kinds
from bot.reading.tokens import data_in, data_kind, tokens_of

_INLINE_DIG = re.compile(
    r"\bdig[ ]+(?:[+@]\S+[ ]+)*(?:(CNAME|TXT|CAA)[ ]+(\S+\.\S+)|(\S+\.\S+)[ ]+(CNAME|TXT|CAA))",
    re.I,
)
_LISTING = re.compile(r"\b(TXT|CAA)\s+(?:records?|entries|values?)\s*:?\s*$", re.I)
_NOTHING_FOR_THAT = re.compile(
    r"\b(?:(?:don't|do[ ]not|no)[ ]need[ ]to[ ]do[ ]anything|nothing[ ](?:for[ ]you[ ])?to[ ]do|"
    r"nothing[ ]is[ ]needed)[ ](?:for|with|about|on)[ ](?:that|this|those|these|it|them)\b"
    # "It is listed for completeness only. No action is needed from GDS."
    r"|\blisted[ ]for[ ](?:completeness|information|info)(?:[ ]only)?\b"
    r"|\bno[ ]action[ ]is[ ](?:needed|required)[ ]from[ ](?:you|gds|us|govuk|gov\.uk)\b",
    re.I,
)
# "Please remove it.", "This one can go.", "Delete that one too." - ending its sentence with the
# record it points back to (never a lead-in: "Please remove it and add this one:")
_OF_THE_ONE_ABOVE = re.compile(
    r"(?:\b(?:remove|delete|drop|bin|scrap|ditch|clear|pull|keep|leave|retire)[ ]+"
    r"(?:it|this(?:[ ]one)?|that(?:[ ]one)?|this[ ]record|that[ ]record)"
    r"(?:[ ]+(?:too|as[ ]well|please|now|in[ ]place))?|"
    r"\b(?:it|this[ ]one|that[ ]one)[ ]+can[ ]+(?:go|be[ ]+(?:removed|deleted)))[ ]*[.!][ ]*$",
    re.I,
)


def _note_on_the_one_above(line: str) -> bool:
    """Does the line's last sentence ask something of the record above it ("Please remove
    it.", "This one can go.")?"""
    if not _OF_THE_ONE_ABOVE.search(line):
        return False  # the common case, cheaply
    last = (prose.split_sentences(line) or [line])[-1]
    return actions.action_cue(last) is not None


_BULLET = re.compile(r"^[ \t]*(?:[-*\u2022][ \t]+|\d{1,2}[.)][ \t]+)")
_TO_SOMEONE_COPIED = re.compile(
    r"\b(?:copying|copied|cc['’]?(?:ing|d)|looping)[ ]+(?:you|in)\b|"
    r"\bfor[ ](?:visibility|awareness|info(?:rmation)?)\b",
    re.I,
)
_SAME_NAME = re.compile(
    r"\b(?:at|on|under)[ ]the[ ]same[ ](?:name|host|record[ ]name)[ ]?:?[ ]*$", re.I
)
# A sentence about one record: "on this one", "for that record", "give it"
_ONE_RECORD = re.compile(
    r"\b(?:this|that|the[ ]last|the[ ]second|the[ ]first)[ ](?:one|record|entry)\b|"
    r"\b(?:give|set|make)[ ]it\b|\bits[ ]TTL\b",
    re.I,
)
_NO_ACTION = re.compile(r"\b(?:no[ ]action|nothing[ ](?:to[ ]do|needed)|already[ ]sorted)\b", re.I)
_BELOW_WORD = re.compile(r"\b(?:below|following)\b", re.I)
# "This is what's in the zone for them right now:", "Here they are:", "These are the ones:"
_SHOWN_BELOW = re.compile(
    r"\b(?:(?:this|that|here)[ ]+is[ ]+what[’']?s?[ ]+(?:is[ ]+)?(?:in|on)[ ]+the[ ]+zone[ ]+"
    r"for[ ]+(?:them|those|these)|here[ ]+they[ ]+are|(?:these|those|they)[ ]+are[ ]+"
    r"(?:the[ ]+ones|as[ ]+follows)|what[’']s[ ]+(?:in[ ]+the[ ]+zone|there)[ ]+for[ ]+them)\b",
    re.I,
)
_THAT_TYPE = re.compile(
    # "that TXT", "both of those TXT records", "these two TXT records"
    r"\b(?:that|this|the[ ]above|(?:both[ ]of[ ]|all[ ]of[ ])?(?:those|these)(?:[ ](?:two|three))?)"
    r"[ ](?:TXT|CNAME|CAA)\b",
    re.I,
)
_STRINGS = re.compile(
    r"\b(?:challenge|validation|verification|dns-01|acme)[ \t]+(?:strings?|tokens?)\b", re.I
)
_TOKEN_WORDS = re.compile(r"\b(?:token|string|verification|random[ \t]+value|tag|code)\b", re.I)
_AT_APEX = re.compile(r"\b(?:at|on)[ ]the[ ](?:zone[ ])?apex\b", re.I)
# "as a TXT at the apex", "a TXT record on the zone apex"
_TYPE_AT_APEX = re.compile(
    r"\b(TXT|CAA)(?:[ ]records?)?[ ](?:at|on)[ ]the[ ](?:zone[ ])?apex\b", re.I
)
_HOST = re.compile(r"(?<![\w.@-])((?:[a-z0-9][a-z0-9-]{0,62}\.){1,8}[a-z]{2,63})\b(?!\.\w|@)", re.I)


def _apex_of(text: str) -> str | None:
    """The one name of those a text says that every other one it says lies under ("ofsted.gov.uk"
    of "ofsted.gov.uk" and "www.ofsted.gov.uk"); None when no one name is so (a www host alone
    is no apex: where its zone starts, the words do not say)."""
    names = {m.group(1).lower() for m in _HOST.finditer(text[:2_000])}
    apexes = [n for n in names if all(o == n or o.endswith(f".{n}") for o in names)]
    return apexes[0] if len(apexes) == 1 and len(names) > 1 else None


_AT_DOMAIN = re.compile(
    r"\b(?:from|at|on|to|in)[ \t]+(?:the[ \t]+)?`?"
    r"([a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63}){1,10})\.?`?"
    r"(?=[ \t]*(?:zone[ \t]*)?(?:(?:is|are)[ \t]*)?:?[ \t]*$)",
    re.I,
)
_ONLY_NEEDED = re.compile(
    r"\bonly[ \t]+(?:one|this|these|that|the[ \t]+(?P<label>\w+))[ \t]+"
    r"(?:of[ \t]+(?:these|them|the[ \t]+above)[ \t]+)?(?:records?[ \t]+|ones?[ \t]+)?"
    r"(?:is|are)[ \t]+(?:still[ \t]+)?(?:needed|required|outstanding)\b",
    re.I,
)
_TAIL = 40  # characters of the line before that may refuse a verb ("rather than", "don't")
# "Part B: only after the GlobalSign certificate has been issued", "Action 2 - ONLY after …"
_SECTION = re.compile(
    r"^[ \t]*(?:#{1,6}[ \t]+\S|={2,}[ \t]*\S|"
    # ("Required action 2 (only after the Certainly certificate has been issued …)")
    r"(?:(?:required|next|final|optional|follow-up)[ \t]+)?"
    r"(?:step|phase|stage|part|action|task|change)[ \t]*(?:\d{1,2}|[a-d])(?:\b|(?=[:.)])))",
    re.I,
)
# "remove the _acme-challenge.www.gov.uk TXT record above", "that same CNAME": one just shown
_SHOWN = re.compile(r"\b(?:above|same|just[ ](?:added|created|asked[ ]for))\b", re.I)
# "a TTL of 300 on both of those", "TTL 3600 for all of them"
_ON_BOTH = re.compile(r"\b(?:on|for|to)[ ]+(?:both|all|each)\b", re.I)
# "Please repoint it to X", "could you change that one to X"; "Could you check it was changed
# to X?", "make sure it's been updated to X" (after a record shown as it is now; never "It should
# be X", no verb of change: which record is meant, a person says)
_REPOINT_IT = re.compile(
    r"\b(?:re-?point|change|update|switch|move)[ ]+(?:it|this|that)(?:[ ]+(?:one|record|CNAME))?"
    r"[ ]+(?:to|at)\b|"
    r"\b(?:it|this|that)(?:[ ]+(?:one|record|CNAME))?(?:[ ]+(?:was|is|has[ ]+been|gets|got)|"
    r"['’]s(?:[ ]+been)?)[ ]+(?:changed|updated|re-?pointed|switched|moved)[ ]+(?:to|at)\b|"
    # "can you fix it so it points at X?", "correct that one so that it resolves to X", "fix
    # it to point at X", "make it point to X" (a record shown as it wrongly is)
    r"\b(?:fix|correct|amend|change|update|sort)[ ]+(?:it|this|that)(?:[ ]+(?:one|record|CNAME))?"
    r"[ ]+(?:so[ ]+(?:that[ ]+)?(?:it|this|that)[ ]+(?:points|resolves|goes)|to[ ]+point)[ ]+"
    r"(?:to|at)\b|"
    r"\bmake[ ]+(?:it|this|that)(?:[ ]+(?:one|record|CNAME))?[ ]+point[ ]+(?:to|at)\b",
    re.I,
)
# "don't create anything at _acme-challenge.gov.uk", "no record at all on X"
_ANYTHING_AT = re.compile(
    r"\b(?:anything|any[ ]+records?|a[ ]+record|records?)[ ]+(?:at|on|for|under)[ ]+`?"
    r"(_[a-z0-9_-]{1,63}(?:\.[a-z0-9_-]{1,63}){1,8})",
    re.I,
)
# "the draft-assets one", "the staging record": a record picked out by a label of its name
# "… so please don't add it": a negation after a record that speaks of it
_NOT_IT = re.compile(
    r"\b(?:do[ ]+not|don't|dont|no[ ]+need[ ]+to|never)[ ]+(?:\w+[ ]+){0,2}?"
    r"(?:add|create|publish|put[ ]+in)[ ]+(?:it|them|this(?:[ ]one)?|that(?:[ ]one)?)\b",
    re.I,
)
_THE_ONE = re.compile(r"\bthe[ ]+([a-z0-9][a-z0-9-]{1,40})[ ]+(?:one|record|entry|name)\b", re.I)
# "please do NOT add the TXT for this one", "don't create a CNAME at X"
_REFUSED_ADD = re.compile(
    r"\b(?:do[ ]+not|don't|never|not)[ ]+(?:to[ ]+|need[ ]+to[ ]+)?(?:add|create|publish)\b", re.I
)
# "also for hmrc.gov.uk please, same kind of record, value V", "As before but for staging
# please - staging.x.gov.uk, value V": the record an earlier comment asked for, at another host
_SAME_AGAIN = re.compile(
    r"\b(?:same[ ]+(?:kind|type|sort)[ ]+of[ ]+record|as[ ]+before|same[ ]+again|"
    r"same[ ]+(?:thing|record)[ ]+(?:for|on|at)|likewise)\b",
    re.I,
)
# "the same again with the issuewild tag (issuewild sectigo.com)": CAA data without its flags
_CAA_TAGGED = re.compile(
    r"\b(issue|issuewild|iodef)[ \t]+\"?([a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63}){1,8})\"?",
    re.I,
)
_THOSE_STAY = re.compile(
    r"\bthe[ ]+([a-z0-9][a-z0-9.-]{2,60})[ ]+(?:CAA[ ]+|TXT[ ]+)?"
    r"(?:records?|entry|entries|ones?)[ ]+"
    r"(?:stays?|remains?|(?:should|can|must)[ ]+(?:stay|remain))[ ]+"
    r"(?:(?:as|where)[ ]+(?:they|it)[ ]+(?:are|is)|in[ ]+place|unchanged)\b",
    re.I,
)
_NEAR = 400  # characters before a record in which its cue is looked for (bounded: linear)
# "For example, this will not work:", "e.g. not like this:": what not to do, shown
_WHAT_NOT = re.compile(
    r"\b(?:for[ \t]+example|e\.g\.|for[ \t]+instance|(?:will|would|does|do)[ \t]+not|won't|"
    r"doesn't|don't|wrong|incorrect|mistake)\b",
    re.I,
)
# "Take it off publishing.service.gov.uk", "remove it from assets.x.gov.uk"
_IT_OFF_HOST = re.compile(
    r"\b(?:take|remove|delete|drop|pull)\s+(?:it|them|that(?:\s+one)?)\s+(?:off|from)\s+"
    r"(?:the\s+)?[a-z0-9-]+\.[a-z0-9.-]+",
    re.I,
)
_MARKER_ONLY = re.compile(r"^[ \t]*(?:\d{1,2}|[a-z])[.)][ \t]*$", re.I)  # a list item's number
# "create a TXT record at the domain shown above", "on the domain itself"
_AT_THE_DOMAIN = re.compile(
    r"\b(?:at|on|for|to)[ \t]+the[ \t]+(?:domain|base[ \t]+domain)[ \t]+"
    r"(?:(?:shown|named|listed|given)[ \t]+)?(?:above|itself)\b",
    re.I,
)
_THEN = re.compile(
    r"[ \t]*(?:only[ \t]+)?(?:then|after[ \t]+that|afterwards|once[ \t]+that(?:'s|[ \t]+is)[ \t]+"
    r"done|after[ \t]+(?:that|this|the|your)[ \t]+(?:confirmation|step|point|update|message))\b",
    re.I,
)
# A clause that ends in a condition of issuance: "… and, once the new cert is showing on the
# site," (the clause after it is what waits)
_CONDITION_ENDS = re.compile(
    r"(?:^|[,;][ \t]*|\band[ \t]+|\bthen[ \t]+)(?:only[ \t]+)?"
    r"(?:once|after|when|as[ \t]+soon[ \t]+as)\b[^,;]{0,100}?,?[ \t]*$",
    re.I,
)
_HOST_WINDOW = 2000  # characters of a paragraph looked back over for the host it is about


# A sentence that points at the records below it: "as below", "the following", a last colon
_POINTS_BELOW = re.compile(
    r"\b(?:as[ \t]+below|below|the[ \t]+following|as[ \t]+follows)\b|:[ \t]*$", re.I
)


def _verb_for_below(line: str) -> actions.Action | None:
    """The verb a line gives the records below it: its last one, unless one sentence points at
    them and another follows it ("Could you please create it at the correct name, as below?
    You can delete the doubled one in the same change": the create is the records' verb)."""
    if "?" in line:  # ("… from the 2023 GlobalSign order. Bin it?": our proposal, no verb)
        line = " ".join(s for s in prose.split_sentences(line) if not cues.pronoun_question(s))
    action = actions.action_cue(line)
    if action is None:
        return None  # the common case
    sentences = prose.split_sentences(line) or [line]
    last = re.split(r"[;:]\s", sentences[-1].rstrip(" :"))[-1]
    if action in ("delete", "update") and cues.wanted(last):
        # "Scrap the globalsign.com line; what's needed is:", "Please disregard the suggestion
        # to overwrite the Google record. The only record you need is:" - what follows is asked
        return "add"
    if "." not in line and "?" not in line:
        return action
    pointing = [s for s in sentences if _POINTS_BELOW.search(s)]
    if len(sentences) < 2 or not pointing or pointing[-1] is sentences[-1]:
        return action
    return actions.action_cue(pointing[-1]) or action


_TOKEN_MIN = 16  # the shortest TXT data a repointing sentence gives (a CA's token)

# A lead-in and its value: at most two blank lines apart
_LEAD_IN_GAP = 3


class Unread(NamedTuple):
    """A lead-in paragraph as it was before it was read: its lines, and how many pending
    requests, flags and mentions the reading had then."""

    lines: list[tuple[int, str]]
    pending: list[tuple[int, str, str]]
    pending_count: int
    flags: int
    mentions: int


# "the record Gareth published points to", "the CNAME you created resolves to"
_PUBLISHED_POINTS = re.compile(
    r"\b(?:published|created|added|set[ ]+up|put[ ]+in)[ ]+(?:points?|resolves?|is[ ]+pointing)"
    r"[ ]+(?:to|at)\b",
    re.I,
)
_APEX_TYPE = re.compile(r"\b(?:CAA|TXT)\b")  # the types asked for at a host itself
# A numbered step ("5. …", "[ ] 5. …", "Step 5:") and one that is the certificate's issue
_STEP_NUMBER = re.compile(r"^\W{0,6}(?:\[[ xX]?\][ \t]*)?(?:step[ \t]+)?(\d{1,2})[.):][ \t]", re.I)
_ISSUED_STEP = re.compile(r"\bcertificate\b[^.\n]{0,40}\b(?:issued|activated|deployed)\b", re.I)
_AFTER_STEP = re.compile(
    r"\b(?:after|once|following)[ \t]+(?:step|item|point|stage)[ \t]*#?(\d{1,2})\b", re.I
)
# "but the value we need is", "the target should be": the data a record must hold
_VALUE_NEEDED = re.compile(
    r"\b(?:value|target)[ ]+(?:(?:that[ ]+)?(?:we|you|it|Certainly|the[ ]+CA)[ ]+)?"
    r"(?:need|needs|needed|want|require|requires|required|should[ ]+be|must[ ]+be|"
    r"has[ ]+to[ ]+be)\b"
    # "(dig: … CNAME OLD) It needs to point to NEW", "it should be pointing at NEW instead"
    r"|\b(?:it|this|that(?:[ ]+one)?|the[ ]+(?:CNAME|record))[ ]+(?:needs[ ]+to|has[ ]+to|must|"
    r"should|ought[ ]+to)[ ]+(?:now[ ]+|really[ ]+)?(?:be[ ]+)?point(?:ing)?[ ]+(?:to|at)\b",
    re.I,
)

# "can you swap it for the one in my first msg?", "replace it with the token from my original
# message", "change it to the value I sent you earlier": the data an earlier comment asked for
_EARLIER_ONE = re.compile(
    r"\bthe[ ]+(?:new[ ]+)?(?:one|value|token|string|record|target|entry)[ ]+"
    r"(?:(?:in|from)[ ]+(?:my|our|the)[ ]+(?:first|earlier|original|previous|initial|opening)[ ]+"
    r"(?:msg|message|mail|e-?mail|comment|post|note|request|reply)|"
    r"(?:i|we)[ ]+(?:sent|gave|posted|asked[ ]+for|requested)(?:[ ]+you)?[ ]+"
    r"(?:originally|earlier|before|first|initially|at[ ]+the[ ]+start))\b",
    re.I,
)

_NOT_THAT = re.compile(r"\b(?:not|never|rather[ ]+than|instead[ ]+of)\b", re.I)


class Paragraphs:
    if TYPE_CHECKING:
        from bot.reading.walker import Context

        ctx: Context
        mentions: list[Mention]
        domains: list[str]
        flags: list[Flag]
        paragraph: list[tuple[int, str]]
        recent: list[int]
        loose: dict[str, str]
        para_host: str | None
        para_before: str
        earlier_observed: tuple[Observed, ...]
        earlier_asked: tuple[Observed, ...]
        observed_here: bool
        lead_ttl: int | None
        carried_ttl: int | None
        ttl_for_all: tuple[int, int | None] | None
        lead_type: str | None
        item_later: bool
        waited: bool
        then_waits: bool
        issued_steps: set[int]
        section_later: bool
        last_owner: str | None
        list_open: bool
        item_done: bool
        item_kept: bool
        in_item: bool
        item_title: bool
        asked_below: bool
        lead_open: bool
        next_item: bool
        prose_before: tuple[int, str] | None
        lead_in: Unread | None
        last_text: int
        inherited: Mode | None
        listing: tuple[str, str] | None
        dig: tuple[str | None, str | None] | None
        earlier_observed: tuple[Observed, ...]

        def _add(
            self, mention: Mention, mode: Mode | None = None, structured: bool = True
        ) -> None: ...

        def _replace_pair(self, sentence: str, first: int, last: int) -> bool: ...

        def _note_request(self, sentence: str, first: int, typed: bool) -> None: ...

        def _refer_back(
            self, sentence: str, first: int, last: int, previous: str = "", following: str = ""
        ) -> None: ...
        def _hold_removals(self, sentence: str) -> bool: ...

        def _refer_to_earlier(self, sentence: str, first: int, last: int) -> None: ...

        def _delete_of_kind(self, sentence: str, first: int, last: int) -> bool: ...

    def _context_from(self, line: str, number: int) -> None:
        only = _ONLY_NEEDED.search(line)
        if only:
            # "Only one of these records is still needed from you – the CNAME for www:" after
            # an API dump listing every challenge: what it listed is context, not requests.
            # Their values stay unread unless the record that follows repeats them.
            asked = [m for m in self.mentions if m.mode == "request" and m.action in (None, "add")]
            # ("So only the assets one is outstanding." under a status table: that one stands)
            label = (only["label"] or "").lower()
            named = [m for m in asked if label in m.name.lower().rstrip(".").split(".")]
            stands = named[0] if label and len(named) == 1 else None
            self.mentions[:] = [
                replace(m, mode="aside") if m in asked and m is not stands else m
                for m in self.mentions
            ]
        if _SECTION.match(line):  # "Step 2 – after we confirm issuance" holds for its section
            self.section_later = bool(actions.AFTER_ISSUANCE.search(line))
        if not self.paragraph:  # "3. Then remove the GlobalSign TXT" after "2. Wait until
            # we confirm that the new certificate has been issued.": it waits too
            item = prose.ITEM_START.match(line)
            self.then_waits = self.waited and bool(_THEN.match(line, item.end() if item else 0))
        step = _STEP_NUMBER.match(line)
        if step and _ISSUED_STEP.search(line):  # "[ ] 5. Certificate issued and activated"
            self.issued_steps.add(int(step.group(1)))
        after = _AFTER_STEP.search(line) if self.issued_steps else None
        if after and int(after.group(1)) in self.issued_steps:
            # "[ ] 6. AFTER step 5 only: delete the leftover certbot record": step 5 is the
            # certificate's issue, so this waits for it
            self.then_waits = True
        if prose.ITEM_START.match(line):
            self.item_later = self.then_waits  # "3. After the certificate is issued: ..." anew
            if self.item_done and self.ctx.mode == "observed" and cues.mode_of(line) is None:
                # "4. *.x - no action either. …" then "5. hmrc.gov.uk / Record name: …": an
                # item that needed nothing says so of itself; the next one asks as the list did
                self.ctx.mode = "request"
            self.item_done = bool(_NO_ACTION.search(line))
            if self.item_kept and self.ctx.mode == "observed" and cues.mode_of(line) is None:
                # "1. CAA … Please add alongside it: … Keep the existing digicert.com entry." /
                # "2. ACME challenge": the keep was item 1's; item 2 asks as the list does
                self.ctx.mode = "request"
            self.item_kept = False
            self.in_item = True
        elif self.item_done and _NO_ACTION.search(line) is None and not self.paragraph:
            self.item_done = False
        if actions.AFTER_ISSUANCE.search(line):
            self.item_later = True
        if any(c.isalpha() for c in line):  # a rule of dashes keeps the lead-in's type
            # The type of the last sentence: "ignore that TXT record. What we need instead is
            # a CNAME:" leads in to a CNAME.
            said = (prose.split_sentences(line) or [line])[-1]
            typed = _types_named(said) & {"TXT", "CNAME"}
            lead = line.rstrip().endswith(":") and len(typed) == 1
            self.lead_type = typed.pop() if lead else None
        intro = cues.introduces(line)
        if intro:
            words = line.replace(",", " ").split()
            rdtype = next((w.upper() for w in words if is_type_word(w)), None)
            if rdtype and rdtype != self.loose.get("type"):
                self.loose = {"type": rdtype}
            self.loose["expect"] = intro
            named = [w.strip("`'\",;:().") for w in words if w.startswith(("_", "`_", "'_", '"_'))]
            if intro == "value" and not named:
                # "The TXT record at _acme-challenge.x … has to change. The value should now
                # read" - the record was named earlier in the paragraph: only one, or none.
                said = [w for _, text in self.paragraph for w in text.replace(",", " ").split()]
                owners = {w.strip("`'\",;:().").lower() for w in said if w.startswith(("_", "`_"))}
                types = {w.upper() for w in said if is_type_word(w)}
                named = list(owners) if len(owners) == 1 else []
                rdtype = rdtype or (types.pop() if len(types) == 1 else None)
                if not named:  # "The draft-assets one is the culprit. … repoint it to:"
                    said_here = " ".join([*(text for _, text in self.paragraph[-8:]), line])
                    shown = self._one_named(said_here[-_HOST_WINDOW:])  # bounded: linear
                    named, rdtype = ([shown.name], shown.rdtype) if shown else ([], rdtype)
                    if not named and self.ctx.domain and _AT_THE_DOMAIN.search(said_here[-300:]):
                        # a CA's notice: "Domain: gov.uk … create a TXT record at the domain
                        # shown above with the following value:" - the record is at that domain
                        named = [self.ctx.domain]
                if not named and self.recent and actions.action_cue(line) == "update":
                    # "… change that record so that it reads" after a dig answer: the one
                    # record shown whose data is of the kind of the value that follows
                    self.loose["update_of"] = "shown"
                if rdtype and rdtype != self.loose.get("type"):
                    self.loose = {"type": rdtype, "expect": intro}
            if actions.action_cue(line) == "add":
                # certbot's "Please deploy a DNS TXT record under the name:": the record the
                # bare lines below spell out is asked for, as a later "remove it" cannot unsay
                self.loose["action"] = "add"
            if intro == "value" and named and is_owner_token(named[0]):
                self.loose["name"] = named[0]  # "update the _acme-challenge CNAME ... to:"
                self.loose["first"] = str(number)
                self.loose["excerpt"] = " ".join(line.split())
                self.loose["said"] = "yes"  # the excerpt is the sentence that names it
        if self.paragraph and cues.keeps_these(line):
            self._end_prose()  # the lines above keep the lead-in they had ("… remove these")
        mode = cues.mode_of(line)
        action = _verb_for_below(line)
        if not self.paragraph:
            self.asked_below = False
        if mode == "observed" and not line.rstrip().endswith(":") and _BELOW_WORD.search(line):
            # "Could you please publish the TXT record below …? It has to be a record of its
            # own: … not merged into one of the TXT records already there." on one line
            said = prose.split_sentences(" ".join(line.split()))
            self.asked_below = any(
                actions.action_cue(x) in ("add", "update") and _BELOW_WORD.search(x)
                for x in said[:-1]
            )
        if self.asked_below and mode == "observed" and not line.rstrip().endswith(":"):
            # "… if it is merged into one of the TXT records already there.": said of other
            # records, in a paragraph that asked for the ones below it
            mode = None
        if action in ("add", "update") and _BELOW_WORD.search(line):
            self.asked_below = True  # "Could you please publish the TXT record below …?"
        if mode is None and self.ctx.mode == "observed" and self.paragraph:
            # "… is currently showing "Pending" in the TLS dashboard / because the delegation
            # record is missing.": the sentence the line before began says it is not there
            said = " ".join([*(text for _, text in self.paragraph[-2:]), line])
            if cues.not_seen((prose.split_sentences(said) or [said])[-1]):
                mode = "request"
        if action is not None and self.paragraph:
            # "… next to the first rather than / overwriting it:": the words the line before
            # ends with may refuse the verb this line starts with (then its own verb holds)
            tail = self.paragraph[-1][1][-_TAIL:]
            action = actions.action_cue(f"{tail} {line}") if tail.strip() else action
        if mode == "negated" and line.rstrip().endswith(":"):
            # "Apologies, please ignore the DCV record in my email from Tuesday (below). …
            # Sectigo have issued a fresh DCV record. The hashes are completely different:": the
            # sentence that leads in says how the records below are meant, not one before it
            # (never "Do not add the token to an existing TXT string. For example, this will
            # not work:": the example is what not to do)
            sentences = prose.split_sentences(line)
            last = sentences[-1] if len(sentences) > 1 else ""
            if last and cues.mode_of(last) != "negated" and not _WHAT_NOT.search(last):
                mode = cues.mode_of(last)
        if mode == "negated" and line.rstrip().endswith(":") and self.paragraph:
            # "Please add one more record at / the apex alongside the two existing ones (no
            # need to remove them):" - the sentence, not its last line, says how it is meant
            said = " ".join([*(text for _, text in self.paragraph[-3:]), line])
            whole = (prose.split_sentences(said) or [said])[-1]
            if (
                " ".join(whole.split()) != " ".join(line.split())
                and cues.mode_of(whole) == "request"
            ):
                mode = "request"
        if mode is None and line.rstrip().endswith(":") and self.paragraph:
            # The sentence that leads in says how the records below are meant, over the lines
            # a narrow mail broke it into ("… even though it already / allows Let's Encrypt:").
            said = " ".join([*(text for _, text in self.paragraph[-3:]), line])
            last = (prose.split_sentences(said) or [said])[-1]
            mode = cues.mode_of(last)
            if mode is None and self.ctx.mode == "negated" and actions.action_cue(last):
                # "Please don't remove or edit any of those three. … All we need is one more
                # record in the same set:": it asks, whatever the sentence before denied
                mode = "request"
        words = [w.strip(",;:()`'\"") for w in line.split()]
        # A line holding a record (a type word and a name), not prose that names a type.
        record_line = (
            any(is_type_word(w) for w in words)
            and any(is_owner_token(w) and "." in w.rstrip(".") for w in words)
            # ("Please DON'T add the CNAME …" then "That's a TXT record on gov.uk itself:": a
            # lead-in to the record below, of a paragraph the refusal does not reach)
            and not (self.ctx.mode == "negated" and line.rstrip().endswith(":") and len(words) > 4)
        )
        # "1) assets.example", "For gov.uk:" keep the lead-in above them; "3. CURRENT STATE"
        # (a section's title: no name, no colon) starts afresh.
        heading = len(line.split()) <= 3 and (
            line.rstrip().endswith(":") or any("." in w.strip(".") for w in words)
        )
        # "Here is what that walk finds:" / "  www.x.gov.uk.   (no CAA, this name is a CNAME)":
        # a line of the block a lead-in introduced, naming a host, keeps the lead-in's mode
        shown = (
            self.prose_before is not None
            and self.prose_before[1].rstrip().endswith(":")
            and any(is_owner_token(w) and "." in w.strip(".") for w in words[:1])
        )
        if not self.paragraph:
            self.inherited = self.ctx.mode if shown and mode is None else None
        if not self.paragraph and not record_line and not heading:  # lists keep their lead-in
            self.lead_ttl = None
            if mode is None and not shown:
                self.ctx.mode = "request"  # a new paragraph that says nothing: back to requests
            if action is None and not self.next_item:  # nor does an earlier paragraph's
                self.ctx.drop_verb()  # verb reach past it
            elif action is None:  # the list's verb, at this item's own time
                self.ctx.after_issuance = bool(actions.AFTER_ISSUANCE.search(line))
        # "1. X TXT V" / " This token isn't used any more. Please remove it." / "2. …": a note
        # on the record above it, whose verb and mode reach no record below
        note_above = (
            action is not None
            # (just below the record it speaks of)
            and bool(self.recent and self.mentions)
            and 0 < number - (self.mentions[-1].last_line or self.mentions[-1].line) <= 2
            and _note_on_the_one_above(line)
        )
        if mode is not None and not note_above:
            self.ctx.mode = mode
            self.item_kept = (
                mode == "observed"
                and self.in_item
                and prose.ITEM_START.match(line) is None
                and not line.rstrip().endswith(":")  # (a lead-in's mode is its records')
            )
        if mode == "observed" and action is None and cues.keeps_these(line):
            # "Please keep the following record:" after removals
            self.ctx.drop_verb(keep_time=True)
        if desired.DESIRED.search(line):
            self.ctx.mode = "desired"  # "so that the set ends up as:": the set as it should be
        if (
            action is None
            and not record_line
            and line.rstrip().endswith(":")
            and actions.AFTER_ISSUANCE.search(line)
        ):
            # "When the subscription shows the certificate as issued … you can send traffic
            # for the new host to Fastly with:": what follows waits, though no verb says so
            # (never "both steps are needed now rather than after issuance:")
            waits = not _NOT_AFTER.search(line)
            self.ctx.after_issuance = self.ctx.time_led = waits
        if note_above:
            self.ctx.drop_verb()
        elif action is not None:
            self.ctx.action = action
            self.ctx.by_type = tuple(actions.actions_by_type(line).items())
            # "Once the certificate has been issued, the CNAME from last / year's order can be
            # deleted": the condition may stand on the line before the verb.
            near = " ".join(text for _, text in self.paragraph[-3:]) + " " + line
            self.ctx.after_issuance = (
                bool(actions.AFTER_ISSUANCE.search(near))
                or self.then_waits
                # ("After the cut-over - not before - please:", a blank line, "- delete X"):
                # an item of the list a time lead-in opened keeps its time
                or (self.ctx.time_led and self.ctx.after_issuance and bool(_BULLET.match(line)))
            )
        elif (
            self.ctx.action is not None
            and self.paragraph
            and not self.ctx.after_issuance
            and not prose.ITEM_START.match(line)
            and not self.paragraph[-1][1].rstrip().endswith((".", ":", "!", "?"))
        ):
            # "They can be safely removed once the new certificate / shows as issued:": the
            # sentence of the verb on the line before goes on, and its condition ends here
            before = self.paragraph[-1][1]
            ends_here = actions.AFTER_ISSUANCE.search(f"{before} {line}", max(0, len(before) - 80))
            self.ctx.after_issuance = bool(ends_here and ends_here.end() > len(before))
        for name in cues.domains_named(line):
            self._set_domain(name)
        listed = _LISTING.search(line)
        if listed and not _INLINE_DIG.search(line):  # "gov.uk currently has these TXT records:"
            # the one name of the sentence that leads in (never a name said sentences before:
            # "covering gov.uk and www.gov.uk … Please publish it as a TXT record:")
            said = (prose.split_sentences(line[: listed.start()]) or [""])[-1]
            names = [w.strip("`'\",;:()") for w in said.split()]
            owners = {n.lower() for n in names if is_owner_token(n) and "." in n.rstrip(".")}
            if len(owners) == 1:
                self.listing, self.listing_shaped = (owners.pop(), listed.group(1).upper()), False
        elif line.rstrip().endswith(":"):
            # "Both challenge strings below must be published at _acme-challenge.x, …:" then
            # the strings alone on their lines: TXT data at the one validation name it names.
            said = " ".join(text for _, text in self.paragraph[-4:]) + " " + line
            if _STRINGS.search(said):
                words = [w.strip("`'\",;:()") for w in said.split()]
                owners = {w.lower() for w in words if w.startswith("_") and is_owner_token(w)}
                if len(owners) == 1:
                    self.listing, self.listing_shaped = (owners.pop(), "TXT"), False
            elif _TOKEN_WORDS.search(said) and (
                actions.action_cue(said) or cues.mode_of(said) == "observed"
            ):
                # "last year's token … can be removed from gov.uk:" then the string alone:
                # TXT data at the one domain named, if the line's shape says TXT data.
                domains = {m.group(1).lower().rstrip(".") for m in _AT_DOMAIN.finditer(said)}
                if not domains and _SAME_NAME.search(said) and self.mentions:
                    # "… is still published at the same name:": the name of the record above,
                    # as written (a relative "@" resolves where that record's did)
                    domains = {self.mentions[-1].name}
                elif not domains and _AT_APEX.search(said) and self.mentions:
                    # "Last year's tag is still published at the apex as well:" after a record
                    # at "@": at that record's name, as written
                    above = self.mentions[-1].name
                    domains = {above} if above == "@" else set()
                if len(domains) == 1:
                    self.listing, self.listing_shaped = (domains.pop(), "TXT"), True
            elif actions.action_cue(said) in ("add", "delete"):
                # "please add both of these to the set at ons.gov.uk:" then `0 issue "x"` lines
                # alone: CAA data (only lines shaped so) at the one domain named
                domains = {m.group(1).lower().rstrip(".") for m in _AT_DOMAIN.finditer(said)}
                typed = _TYPE_AT_APEX.search(said)
                if not domains and typed:
                    # "re-validate ofsted.gov.uk before they reissue www.ofsted.gov.uk. Could
                    # you publish the following as a TXT at the apex. Value:" then the string
                    # alone: at the apex of the names said, when one is the apex of the others
                    apex = _apex_of(said)
                    if apex is not None:
                        self.listing, self.listing_shaped = (apex, typed.group(1).upper()), True
                elif len(domains) == 1:
                    self.listing, self.listing_shaped = (domains.pop(), "CAA"), False
        inline = _INLINE_DIG.search(line)
        if inline:  # "(from `dig +short CAA hmrc.gov.uk`):" - the lines below are its answer
            rdtype = (inline.group(1) or inline.group(4)).upper()
            self.dig = ((inline.group(2) or inline.group(3)).strip("`'\"(),:"), rdtype)
        zone = cues.zone_named(line)
        if zone:
            self.ctx.zone_said = safe_name(zone)

    def _ttl_for_all(self, since: int, ttl: int | None) -> None:
        """ "… add X … and change Y …; a TTL of 300 on both of those": every record the
        sentence asked for takes the TTL it gives."""
        if ttl is None:
            return
        for i in range(since, len(self.mentions)):
            m = self.mentions[i]
            if m.ttl is None and m.mode == "request" and m.action != "delete":
                self.mentions[i] = replace(m, ttl=ttl)

    def _delete_shown_value(self, sentence: str, first: int, last: int) -> bool:
        """ "Please remove the old token (globalsign-domain-verification=X) once the new
        certificate has been issued": a delete of the one record shown before with that data
        (our dig paste, the vendor's), though the sentence names neither owner nor type."""
        said = {t.text.strip("`'\"().,;").lower() for t in tokens_of(sentence)}
        shown = [
            (o.name, o.type, o.value)
            for o in self.earlier_observed
            if o.value.strip('"').lower() in said
        ] + [
            (m.name, m.rdtype, (m.value or "").strip('"'))
            for m in self.mentions
            if m.mode == "observed" and (m.value or "").strip('"').lower() in said
        ]
        if len({(n.lower().rstrip("."), t, v) for n, t, v in shown}) != 1:
            return False
        name, rdtype, value = shown[0]
        later = bool(actions.AFTER_ISSUANCE.search(" ".join(sentence.split())))
        deleted = Mention(
            name,
            rdtype,
            f'"{value}"' if rdtype == "TXT" else value,
            first,
            action="delete",
            after_issuance=later,
            last_line=last,
            excerpt=" ".join(sentence.split()),
        )
        self._add(deleted, mode="request", structured=False)
        return True

    def _repoint(self, sentence: str, first: int, last: int) -> bool:
        """ "X (CNAME) is still pointing at OLD. Please repoint it to NEW": an update of the
        record the sentence before showed, to the one value of its type this one gives."""
        shown = self.mentions[self.recent[-1]]
        if shown.value is None:
            return False
        values = data_in(sentence, shown.rdtype) - {shown.value.strip("`'\"")}
        # ("I mistyped the hostname. It should be _acme-challenge.x (not "servce")": a name,
        # never the data a record is changed to)
        values = {v for v in values if v.split(".", 1)[0].lower() not in _LABELS_OF_VALIDATION}
        if len(values) != 1:
            return False
        update = Mention(
            shown.name,
            shown.rdtype,
            values.pop(),
            first,
            old_value=shown.value,
            action="update",
            last_line=last,
            excerpt=" ".join(sentence.split()),
        )
        self._add(update, mode="request", structured=False)
        return True

    def _same_again(self, sentence: str, first: int, last: int) -> bool:
        """ "As before but for staging please - staging.x.gov.uk, value V": the one record an
        earlier comment asked for whose data V's shape fits, at the one host this sentence
        names, under the same validation label (`_acme-challenge.`, or none at an apex)."""
        hosts = prose.hosts_named(sentence)
        if len(hosts) != 1:
            return False
        host = hosts.pop().rstrip(".")
        values = {
            (o.type, v)
            for o in self.earlier_asked
            for v in data_in(sentence, o.type)
            if v.lower().rstrip(".") != host and v != o.value and _same_kind(v, o.value)
        }
        if len(values) != 1:
            return False
        ((rdtype, value),) = values
        earlier = [o for o in self.earlier_asked if o.type == rdtype]
        labels = {_validation_label(o.name) for o in earlier}
        if len(labels) != 1 or None in labels:
            return False
        label = labels.pop()
        mention = Mention(
            f"{label}.{host}." if label else f"{host}.",
            rdtype,
            value,
            first,
            last_line=last,
            excerpt=" ".join(sentence.split()),
        )
        self._add(mention, mode="request", structured=False)
        return True

    def _caa_again(self, sentence: str, first: int, last: int) -> bool:
        """ "… and for the wildcard, the same again with the issuewild tag (issuewild
        sectigo.com)": a CAA record at the one name the CAA just asked for stands at, its tag
        and value as written (flags 0), unless the sentence says more than one."""
        found = {(m.group(1).lower(), m.group(2).lower()) for m in _CAA_TAGGED.finditer(sentence)}
        shown = {
            self.mentions[i].name
            for i in self.recent
            if self.mentions[i].rdtype == "CAA" and self.mentions[i].mode == "request"
        }
        if len(found) != 1 or len(shown) != 1 or not prose.same_again(sentence):
            return False
        ((tag, value),) = found
        data = f'0 {tag} "{value}"'
        mention = Mention(shown.pop(), "CAA", data, first, last_line=last, excerpt=sentence)
        self._add(replace(mention, excerpt=" ".join(sentence.split())), structured=False)
        return True

    def _one_named(self, text: str) -> Mention | None:
        """The one record shown before whose name a paragraph picks out by a label: "the
        draft-assets one" is `_acme-challenge.draft-assets.publishing.service.gov.uk`."""
        picked = {
            (m.name.lower().rstrip("."), m.rdtype): m
            for said in _THE_ONE.findall(text)
            for m in self.mentions
            if m.value and said.lower() in m.name.lower().rstrip(".").split(".")[:-2]
        }
        return next(iter(picked.values())) if len(picked) == 1 else None

    def _refused(self, sentence: str, first: int, last: int) -> bool:
        """ "_acme-challenge.www.gov.uk -> please do NOT add the TXT for this one": a record
        refused by name and type, which withdraws whatever value the ticket gave it."""
        if not cues.is_negated(sentence):
            return False
        said = " ".join(sentence.split())
        named = prose.named_record(sentence)
        if named is None:
            # "please don't create anything at _acme-challenge.gov.uk": every record this
            # comment asked for at that name
            at = _ANYTHING_AT.search(sentence)
            owner = at.group(1).lower().rstrip(".") if at else None
            types = {
                m.rdtype
                for m in self.mentions
                if owner and m.name.lower().rstrip(".") == owner and m.mode == "request"
            }
            for rdtype in sorted(types):
                refused = Mention(at.group(1), rdtype, None, first, last_line=last, excerpt=said)
                self._add(refused, mode="negated", structured=False)
            return bool(types)
        refused = Mention(named[0], named[1], None, first, last_line=last, excerpt=said)
        self._add(refused, mode="negated", structured=False)
        return True

    def _update_of_shown(self, clause: str, number: int) -> Mention | None:
        """ "$ dig … / _acme-challenge.www.gov.uk. 300 IN CNAME OLD" then "The CNAME just needs
        to be repointed to NEW" (or "The value we need is: NEW"): an update of the one record of
        that type just shown (its name, and its data as the old value), when the clause gives
        one value of that type."""
        if not self.recent:
            return None
        needed = _VALUE_NEEDED.search(clause) is not None
        if not needed and actions.action_cue(clause) != "update":
            return None
        named = _types_named(clause) & {"TXT", "CNAME"}
        if not named and needed:
            # "… but the value we need is: NEW": a CA's validation host is a CNAME's target
            named = (
                {"CNAME"} if any(is_validation_host(v) for v in data_in(clause, "CNAME")) else set()
            )
        if len(named) != 1:
            return None
        (rdtype,) = named
        values = {
            v
            for v in data_in(clause, rdtype)
            if (is_validation_host(v) if rdtype == "CNAME" else len(v) >= _TOKEN_MIN)
        }
        shown = {
            (m.name, m.value)
            for m in (self.mentions[i] for i in self.recent if i < len(self.mentions))
            if m.rdtype == rdtype and m.mode == "observed" and m.value
        }
        if len(values) != 1 or len(shown) != 1:
            return None
        (name, old), (value,) = shown.pop(), values
        if value.lower().rstrip(".") == (old or "").lower().rstrip("."):
            return None
        return Mention(
            name, rdtype, clean_data(rdtype, value), number, old_value=old, action="update"
        )

    def _swap_for_earlier(self, clause: str, number: int) -> Mention | None:
        """ "X TXT OLD" shown, then "which is last years token, not the new one. can you swap it
        for the one in my first msg?": an update of the one record just shown to the one value
        of its kind an earlier comment asked for at its name (never a guess between two)."""
        earlier = _EARLIER_ONE.search(clause)
        if not self.recent or not self.earlier_asked or earlier is None:
            return None
        if actions.action_cue(clause) != "update" or cues.is_negated(clause):
            return None
        if _NOT_THAT.search(clause, max(0, earlier.start() - 30), earlier.start()):
            return None  # "It needs replacing, but not with the value in my first message"
        shown = {
            (m.name, m.rdtype, m.value)
            for m in (self.mentions[i] for i in self.recent if i < len(self.mentions))
            if m.mode == "observed" and m.value
        }
        if len(shown) != 1:
            return None
        ((name, rdtype, old),) = shown
        at = name.lower().rstrip(".")
        asked = {
            o.value
            for o in self.earlier_asked
            if o.name.lower().rstrip(".") == at
            and o.type == rdtype
            and o.value
            and _same_kind(o.value, old or "")
            and o.value.strip('"').lower().rstrip(".") != (old or "").strip('"').lower().rstrip(".")
        }
        if len(asked) != 1:
            return None
        return Mention(
            name, rdtype, clean_data(rdtype, asked.pop()), number, old_value=old, action="update"
        )

    def _published_earlier(self, clause: str, number: int) -> Mention | None:
        """ "the record Gareth published points to X": X, shown published at one owner in an
        earlier comment (a dig or nslookup), is that record, named by its data alone."""
        if not _PUBLISHED_POINTS.search(clause):
            return None
        values = [v for v in data_in(clause, "CNAME") if is_validation_host(v)]
        if len(values) != 1:
            return None
        value = values[0].lower().rstrip(".")
        owners = {
            o.name
            for o in self.earlier_observed
            if o.type == "CNAME" and o.value.lower().rstrip(".") == value
        }
        if len(owners) != 1:
            return None
        return Mention(
            owners.pop(), "CNAME", clean_data("CNAME", values[0]), number, mode="observed"
        )

    def _shown_above(self, mention: Mention, clause: str) -> Mention:
        """ "Once issued, remove the _acme-challenge.www.gov.uk TXT record above": the data of
        the one record shown at that name and type, when only one was (never guessed)."""
        if not _SHOWN.search(clause) or mention.action != "delete":
            return mention
        name = mention.name.lower().rstrip(".")
        values = {
            m.value
            for m in self.mentions
            if m.rdtype == mention.rdtype
            and m.name.lower().rstrip(".") == name
            and m.value is not None
            and m.mode in ("request", "observed")
        }
        return replace(mention, value=values.pop()) if len(values) == 1 else mention

    def _set_domain(self, text: str) -> None:
        text = text.strip("`'\".,;:()")
        text = text[2:] if text.startswith("*.") else text  # a wildcard is validated at its base
        name = safe_name(text)
        if name and not name.startswith("_") and not name.startswith("*"):
            self.ctx.domain = name
            self.domains.append(name)

    def _end_prose(self) -> None:
        if not self.paragraph:
            return
        lines, self.paragraph = self.paragraph, []
        first, last = lines[0][0], lines[-1][0]
        self.prose_before = (last, lines[-1][1])  # "pls modify the text record NAME" / labels
        before = Unread(lines, self.pending, len(self.pending), len(self.flags), len(self.mentions))
        try:
            self._read_paragraph(lines)
        except Exception as exc:
            text = " ".join(line.strip() for _, line in lines)
            self.flags.append(failed_block(first, last, text, exc))
        # A lead-in that read no record may be read again with the value a blank line below it
        # ("the record Gareth published points to", a blank line, the value: the same)
        ends = lines[-1][1].rstrip()
        self.lead_in = before if ends.endswith(":") or cues.introduces(ends) == "value" else None

    def _resume_lead_in(self, number: int, line: str) -> bool:
        """ "Please add the following TXT record to gov.uk:", a blank line, then the value alone
        on its line: the lead-in and its value are one paragraph, as if no blank line stood
        between them. Only when the lead-in read no record by itself; what it noted as asked
        but unread is taken back (the value answers it)."""
        lead_in, self.lead_in = self.lead_in, None
        if lead_in is None or self.paragraph or len(line.split()) != 1:
            return False
        if self.last_text != lead_in.lines[-1][0] or number - self.last_text > _LEAD_IN_GAP:
            return False  # only blank lines stand between them
        unchanged = self.pending is lead_in.pending and len(self.mentions) == lead_in.mentions
        if not unchanged or len(self.flags) < lead_in.flags:
            return False
        del self.pending[lead_in.pending_count :]
        del self.flags[lead_in.flags :]
        self.paragraph = list(lead_in.lines)
        return True

    def _refuse_above(self, sentence: str, first: int, last: int) -> None:
        """ "Please don't add the ACM record above", "Ignore that DigiCert TXT record": the
        records of this comment it points back to by kind (and type) are not wanted; "the
        record above" with several above is for a person to read (warn)."""
        refused = _REFUSES_ABOVE.search(sentence)
        if refused is None or _NOT_A_REFUSAL.search(sentence):
            return
        words = {w.lower() for w in refused.group("what").split()}
        if not words <= _REFUSED_WORDS:
            return  # ("the 4wuq… one", "the record on the name without www"): other readers'
        kinds, types = refs_kinds(refused.group(0)), _types_named(refused.group(0))
        above = refused.group("where") is not None
        if not (kinds or above):
            return
        asked = [m for m in self.mentions if m.mode == "request" and m.action in (None, "add")]
        meant = [
            m
            for m in asked
            if (not types or m.rdtype in types)
            and (not kinds or any(k in f"{m.name} {m.value or ''}".lower() for k in kinds))
        ]
        said = " ".join(sentence.split())
        if len(meant) != 1 and not kinds:
            if asked:
                self.flags.append(refused_unclear(first, said))
            return
        for m in meant:
            self._add(
                replace(m, line=first, last_line=last, excerpt=said),
                mode="negated",
                structured=False,
            )

    def _asked_arrows(self, sentence: str, first: int) -> list[Mention]:
        """The CNAMEs a sentence asks for with arrows (`prose.asked_arrows`) that no reader
        has read already (a "- add CNAME A -> X" line is read as a line)."""
        known = {(m.name.lower().rstrip("."), (m.value or "").lower()) for m in self.mentions}
        return [
            m
            for m in prose.asked_arrows(sentence, first)
            if (m.name.lower().rstrip("."), (m.value or "").lower()) not in known
        ]

    def _read_paragraph(self, lines: list[tuple[int, str]]) -> None:
        text = "\n".join(line for _, line in lines)
        self.item_title = False
        self.removal_below = None  # (a paragraph after the records it led in to ends them)
        # The host this paragraph is about ("The second is the staff tool, x.service.gov.uk"),
        # for a relative owner in it or in the record lines that follow it.
        self.para_host = _paragraph_host(text[-_HOST_WINDOW:], None)
        starts = [0]
        for _, line in lines[:-1]:
            starts.append(starts[-1] + len(line) + 1)
        # "Please remove these once the certificate is live …:" then the items: "these" are the
        # items below the lead-in, not the records shown above it
        listed_from = next(
            (
                starts[k]
                for k in range(1, len(lines))
                if lines[k - 1][1].rstrip().endswith(":") and prose.ITEM_START.match(lines[k][1])
            ),
            None,
        )
        last_owner: str | None = None
        mention = None
        offset = 0
        previous = ""
        half: tuple[str, str, int] | None = None  # a record the last sentence named, no data
        marked = False  # the sentence before was a list item's number alone ("1.")
        read_before = len(self.mentions)
        sentences = prose.split_sentences(text)
        for k, sentence in enumerate(sentences):
            following = sentences[k + 1] if k + 1 < len(sentences) else ""
            at = text.find(sentence, offset)
            offset = at + len(sentence) if at >= 0 else offset
            # the paragraph up to the end of this sentence, within a bounded window (linear)
            self.para_before = text[max(0, offset - _HOST_WINDOW) : offset]
            first = _line_at(lines, starts, max(at, 0))
            last = _line_at(lines, starts, max(at, 0) + max(len(sentence) - 1, 0))
            if _MARKER_ONLY.match(sentence):
                marked = True  # the next sentence starts a list item
                continue  # "2." before "Point it at X": the record named in step 1 stays open
            starts_item, marked = marked or prose.ITEM_START.match(sentence) is not None, False
            mode = cues.mode_of(sentence, lead_in=False)
            read_here = False
            count = said_before = len(self.mentions)
            pended, flagged = len(self.pending), len(self.flags)
            paired = prose.respectively(sentence, first)
            for mention in paired:
                excerpt = " ".join(sentence.split())
                self._add(replace(mention, last_line=last, excerpt=excerpt), structured=False)
            read_here = bool(paired)
            # an item of a list whose lead-in asked to remove ("can be removed:" / "3. the
            # _acme-challenge CNAME for x"): the item is a record to remove, by its owner and type
            item = (
                starts_item
                and self.ctx.action == "delete"
                and self.ctx.mode in ("request", "observed")  # ("… that the run left behind")
                # "- please don't change the A records": an item of its own; "- the TXT that
                # the manual run left behind" describes what is there, to be removed
                and mode in (None, "observed")
                and not cues.says_to_keep(sentence)  # "2. Please leave X exactly as it is."
            )
            mode = None if item else mode
            condition = ""  # "…, once the new cert is showing on the site," before a clause
            # ("… at the apex of x.gov.uk: a TXT record with the value V and a CAA record 0 issue
            # "y"": a later clause with no name of its own is at the host the clause before named)
            clause_host: str | None = None
            for clause in [] if paired else prose.split_clauses(sentence):
                mention = (
                    prose.read_sentence(
                        clause,
                        first,
                        _fallback_owner(clause, last_owner, clause_host, self.para_before),
                        self.last_owner,
                        "delete" if item else None,
                    )
                    or self._update_of_shown(clause, first)
                    or self._swap_for_earlier(clause, first)
                    or self._published_earlier(clause, first)
                )
                if (
                    mention is not None
                    and mention.action == "delete"
                    and mention.value is None
                    and cues.refers_to_all(clause)
                ):
                    # "delete both TXT records at X (the two values in your message)": each
                    # value shown there before
                    mention = replace(mention, every=True)
                if mention is not None and not mention.name.startswith(("_", "@")):
                    clause_host = mention.name
                if mention is not None and not mention.after_issuance and condition:
                    # "add the CNAME straight away and, once the new cert is showing, delete
                    # the TXT at X": the clause before gives the delete its time
                    mention = replace(mention, after_issuance=mention.action == "delete")
                ends = _CONDITION_ENDS.search(clause)
                condition = clause if ends and actions.AFTER_ISSUANCE.search(ends.group()) else ""
                if (
                    mention is not None
                    and mention.value is None
                    and (sentence.rstrip().endswith(":") or mention.name not in sentence)
                ):
                    # "the old TXT on gov.uk can now be deleted:" leads in; so does "remove
                    # the Sectigo DCV CNAME" naming no record (the record follows it)
                    mention = None
                elif (
                    mention is not None
                    and mention.value is None
                    and _THAT_TYPE.search(clause)
                    and any(self.mentions[i].rdtype == mention.rdtype for i in self.recent)
                ):
                    # "… are being served with it, please delete that TXT record": that is
                    # the record just shown, not one at a name the sentence happens to say
                    mention = None
                elif mention is not None and mention.value is None:
                    mention = self._shown_above(mention, clause)
                if mention is not None:
                    read_here = True
                    excerpt = " ".join(sentence.split())
                    # "do not add the TXT …; instead add a CNAME …": a negation just before a
                    # record speaks for it, whatever the sentence goes on to ask.
                    start = max(at, 0) + max(sentence.find(clause), 0)
                    where = clause.find(mention.name)
                    if where < 0 and mention.value:  # a record shown above, its name not said
                        where = clause.lower().find(mention.value.lower().rstrip("."))
                    end = start + (where if where > 0 else len(clause))
                    near = cues.mode_of(text[max(0, end - _NEAR) : end], lead_in=False)
                    # (not when the sentence keeps the record: "Nothing changes for X - keep X
                    # CNAME Y exactly as it is")
                    kept = mode == "observed" and cues.says_to_keep(sentence)
                    own = near if near == "negated" and not kept else None
                    self.para_host = _paragraph_host(self.para_before, mention)
                    if mention.action is None and len(self.mentions) > count:
                        # "create a CNAME named A pointing to X, and a second CNAME named B
                        # pointing to Y": the second is asked for as the first was
                        first_here = self.mentions[count]
                        mention = replace(
                            mention,
                            action=first_here.action,
                            after_issuance=first_here.after_issuance,
                        )
                    if item and mention.mode == "observed" and mention.action is None:
                        # "these can be deleted: 1. The TXT at the apex, which currently
                        # reads X": what is there now, named to be removed as the lead-in says
                        mode = "request"
                    elif mention.mode == "observed" and (
                        prose.already_there(clause)
                        # ("… currently only authorises GlobalSign (V), please add alongside
                        # it:": the ask is of the records below)
                        or prose.shown_before_lead_in(clause, mention.value)
                    ):
                        mode = "observed"  # whatever verb the sentence also has
                    said = mode
                    if said == "negated" and mention.value and mention.value in sentence:
                        # "pls create … it go to X this one record cover both so no need to
                        # make second one": a negation after the record speaks of another
                        upto = sentence.find(mention.value) + len(mention.value)
                        negated = cues.mode_of(sentence[:upto], lead_in=False) == "negated"
                        # ("X is no longer required, so please don't add it": of this one)
                        said = said if negated or _NOT_IT.search(sentence, upto) else None
                    # "at gov.uk, www.gov.uk and hmrc.gov.uk": the one record at each name
                    for name in (
                        prose.listed_with(clause, mention.name) if mention.value else [mention.name]
                    ):
                        self._add(
                            replace(mention, name=name, last_line=last, excerpt=excerpt),
                            # (a sentence that says nothing of itself, in the block a lead-in
                            # introduced, is meant as the lead-in says)
                            mode=own
                            or said
                            or (self.inherited if mention.mode == "request" else None)
                            # ("Please keep:" / "- X CNAME Y - what every renewal uses": a
                            # list item that says no verb of its own is as the lead-in says)
                            or (
                                "observed"
                                if mention.mode == "request"
                                and self.ctx.mode == "observed"
                                and self.ctx.action is None  # (not "… can now be deleted:")
                                and _BULLET.match(sentence)
                                and actions.action_cue(sentence) is None
                                else None
                            )
                            or mention.mode,
                            structured=False,
                        )
                    if (
                        self.mentions[-1].mode in ("observed", "request")
                        and self.mentions[-1].value
                    ):
                        # "dig shows just one TXT there, "X". Please delete that old TXT",
                        # "please add a CNAME for X pointing to Y … once issued, remove that
                        # same CNAME": a record a sentence gives is one the next can point back to
                        self.recent.append(len(self.mentions) - 1)
            if (
                not read_here
                and self.recent
                # ("They're nothing to do with the Fastly certificate": another party's)
                and (_NOTHING_FOR_THAT.search(sentence) or cues.these_not_for_this_order(sentence))
                # ("these two can come out again, … no need to do anything about it now": the
                # nothing is about the removal the sentence tells of, not the records above)
                # ("We'll let you know when the records can come out again, no need to do
                # anything about that now": a removal still to come, told of)
                and not actions.names_removal(sentence)
                # ("Amara - copying you for visibility …, so no action is needed from you": a
                # word to someone copied in, not of the records above)
                and not _TO_SOMEONE_COPIED.search(sentence)
            ):
                # "You don't need to do anything for that one": the block above is context (the
                # last record only, when the paragraph has already said something about others)
                # "assets.x.gov.uk – nothing to do for this one": only that host's records
                hosts = prose.hosts_named(sentence)
                # ("On CAA: … there's no CAA on that name, so nothing is needed on that front":
                # of another type than the records above)
                typed = _types_named(f"{previous} {sentence}") & {"TXT", "CNAME", "CAA"}
                for i in self.recent if not previous else self.recent[-1:]:
                    m = self.mentions[i]
                    mine = (not hosts or _under(m.name, hosts)) and (not typed or m.rdtype in typed)
                    if m.mode == "request" and m.action in (None, "add") and mine:
                        self.mentions[i] = replace(m, mode="noted")
            if not read_here and half is not None:
                value = prose.its_value(sentence, half[1])
                if value is not None:  # "… TXT record on _dnsauth.x. Its value must be: V"
                    said = " ".join(f"{previous} {sentence}".split())
                    self._add(
                        Mention(half[0], half[1], value, half[2], last_line=last, excerpt=said),
                        structured=False,
                    )
                    read_here = True
            if len(self.mentions) > count + 1 and _ON_BOTH.search(sentence):
                self._ttl_for_all(count, prose.ttl_in(sentence))
            if not read_here and _REFUSED_ADD.search(sentence):
                read_here = self._refused(sentence, first, last)
            named = prose.half_record(sentence) if not read_here else None
            half = (*named, first) if named else None
            if not read_here:
                read_here = self._replace_pair(sentence, first, last)
            if not read_here and self.earlier_asked and _SAME_AGAIN.search(sentence):
                read_here = self._same_again(sentence, first, last)
            if not read_here and self.recent and _CAA_TAGGED.search(sentence):
                read_here = self._caa_again(sentence, first, last)
            if (
                not read_here
                and self.recent
                and cues.says_to_keep(sentence)
                and cues.refers_back(sentence)
                and actions.action_cue(sentence) is None
            ):
                # "I can see / x. CNAME dualstack… / so please leave that one exactly as it is":
                # the service record just shown (never a validation record, which "leave it in
                # place afterwards" keeps once added) is published and stays
                for i in self.recent:
                    m = self.mentions[i]
                    service = (
                        m.rdtype in ("CNAME", "A", "AAAA")
                        and not m.name.startswith("_")
                        and not is_validation_host(m.value or "")
                    )
                    if service and m.mode == "request" and m.action in (None, "add"):
                        self.mentions[i] = replace(m, mode="observed")
            kept = _THOSE_STAY.search(sentence) if not read_here else None
            if kept:  # "The amazon.com records stay as they are.": shown, not asked for
                word = kept.group(1).lower().strip("`'\"")
                for i, m in enumerate(self.mentions):
                    if (
                        m.mode == "request"
                        and m.action in (None, "add")
                        and word in (m.value or "").lower()
                    ):
                        self.mentions[i] = replace(m, mode="observed")
            if not read_here and self.recent and _REPOINT_IT.search(sentence):
                read_here = self._repoint(sentence, first, last)
            if (
                not read_here
                and (self.earlier_observed or self.observed_here)
                and actions.action_cue(sentence) == "delete"
            ):
                read_here = self._delete_shown_value(sentence, first, last)
            self._note_request(sentence, first, typed=not read_here)
            if read_here and self.recent:
                # "Please remove that TXT and then create the CNAME to X at N": the clause that
                # read no record of its own still speaks of the one shown before
                for clause in prose.split_clauses(sentence):
                    if _THAT_TYPE.search(clause) and actions.action_cue(clause) == "delete":
                        self._refer_back(clause, first, last, previous)
            ahead = listed_from is not None and at < listed_from
            if not read_here and self.recent and not ahead:
                read_here = self._hold_removals(sentence)
            if (
                not read_here
                and sentence.rstrip().endswith(":")
                and _SHOWN_BELOW.search(" ".join(sentence.split()))
            ):
                # "… they can all go. This is what's in the zone for them right now:" - the
                # records removed are the published ones shown below
                said = [p for p in self.pending if p[2] == ANY_DELETE and p[0] >= lines[0][0]]
                self.removal_below = said[-1] if said else None
            if not read_here and self.recent and not ahead and cues.refers_back(sentence):
                count = len(self.mentions)
                self._refer_back(sentence, first, last, previous, following)
                if len(self.mentions) == count and self.earlier_observed:
                    # "Please delete that TXT record" where only a CNAME was just given: the
                    # TXT an earlier comment showed
                    self._refer_to_earlier(sentence, first, last)
            elif not read_here and not self.recent and self.earlier_observed + self.earlier_asked:
                self._refer_to_earlier(sentence, first, last)
            if (
                len(self.mentions) == count
                and not read_here
                and mode != "negated"
                and actions.action_cue(sentence) == "delete"
                # ("1) REMOVE the old DigiCert TXT record" over a HOST/TYPE/VALUE block: a
                # heading, whose record is the block's)
                and sentence.rstrip().rstrip("\"')\u201d").endswith((".", "!", "?"))
            ):
                # "… you can delete the GlobalSign TXT record from step 4": the one shown
                read_here = self._delete_of_kind(sentence, first, last)
            if (
                len(self.mentions) == count
                and not read_here
                and mode != "negated"
                and (
                    (
                        actions.action_cue(sentence) == "delete"
                        and (prose.owners_in(sentence) or _IT_OFF_HOST.search(sentence))
                    )
                    # "Could you delete that one and create it at X instead?": a removal of
                    # a record a sentence before placed, said with a pronoun
                    or (
                        _DELETE_THAT.search(sentence) is not None
                        and not _NO_NEED.search(sentence)
                        and not cues.is_negated(sentence)
                    )
                )
                and not sentence.rstrip().endswith(":")
                and not any(m.action == "delete" for m in self.mentions)  # (said of one read)
            ):
                # "Please remove last year's DigiCert token from _dnsauth.x", "Take it off
                # publishing.service.gov.uk": a removal at a name, of a record no type or data
                # says: said, never dropped unsaid
                self.pending.append((first, " ".join(sentence.split()), ANY_DELETE))
            rule = DESCRIBED_SET.search(sentence) if len(self.mentions) == said_before else None
            if (
                rule is not None
                and actions.action_cue(sentence) == "delete"
                and not any(f.code == "ambiguous_request" for f in self.flags[flagged:])
            ):
                # "Delete: every other line in your grep output": records a rule describes,
                # never worked out by the reader - a person lists them (the line that says it)
                said_at = _line_at(lines, starts, max(at, 0) + rule.start())
                said = next((t for n, t in lines if n == said_at), sentence)
                self.flags.append(described_set(" ".join(said.split()), said_at))
            if not read_here and len(self.mentions) == said_before:
                # "Please don't add the ACM record above because of this ticket": a record
                # this comment showed, refused by a sentence after it
                self._refuse_above(sentence, first, last)
            waiting = any(p[2] == ANY_DELETE for p in self.pending[pended:])
            if not read_here and len(self.mentions) == said_before and not waiting:
                # "pls add cname A -> X and also for the www one B cname -> Y": arrows asked
                # for, read only where nothing else was read or left waiting
                for arrow in self._asked_arrows(sentence, first):
                    excerpt = " ".join(sentence.split())
                    self._add(replace(arrow, last_line=last, excerpt=excerpt), structured=False)
            owners = [w.strip("`'\",;:()") for w in sentence.split()]
            underscored = [w for w in owners if w.startswith("_") and is_owner_token(w)]
            last_owner = underscored[-1] if underscored else last_owner
            self.last_owner = last_owner or self.last_owner
            if (
                len(self.mentions) > said_before
                and not underscored
                and not self.mentions[-1].name.startswith("_")
            ):
                # "Please add a TXT record on licensing.service.gov.uk with the value: V" then
                # "I can see there's a TXT on that name already (W)": the name just read
                self.last_owner = self.mentions[-1].name
            previous = sentence
        led = any(line.rstrip().endswith(":") for _, line in lines[:-1])
        if (
            mention is None
            and len(self.mentions) == read_before
            and self.ctx.action is not None
            and lines[-1][1].rstrip().endswith(":")
            and not prose.ITEM_START.match(lines[0][1])  # (an item's own lead-in is its own)
            # (its last sentence asks it: not "… because one hostname is being dropped … I've
            # gone through DNS for each of them this morning:")
            and actions.action_cue((prose.split_sentences(text[-_HOST_WINDOW:]) or [""])[-1])
            == self.ctx.action
        ):
            # "… the two below can now be removed from the gov.uk zone:", a blank line, then
            # "1. The GlobalSign verification string at the apex …": the lead-in's verb holds
            # for the list's first item (the walker ends it at anything else)
            self.lead_open = True
        # "these can both be removed:" / "1) the GlobalSign verification TXT on the apex" / its
        # record on the line below: the item's title asks nothing itself, its record is read
        # with the lead-in's verb, and so is the next item's (`Walker`: `list_open`)
        self.item_title = (
            mention is None
            and len(self.mentions) == read_before
            and self.ctx.action is not None
            and prose.ITEM_START.match(lines[0][1]) is not None
            and actions.action_cue(text) is None  # ("2) … can be REMOVED now:" is its own)
        )
        if (
            (mention is not None or len(self.mentions) > read_before)
            and self.ctx.action is not None
            and prose.ITEM_START.match(lines[0][1])
            # (or asked for what the lead-in did: "Removals: 1. … the whole record can go")
            and actions.action_cue(text) in (None, self.ctx.action)
        ):
            # an item that asked nothing itself, of a list whose lead-in did: the next
            # paragraph keeps the verb if it is the next item (the walker ends it otherwise)
            self.list_open = True
        elif mention is not None and not led:
            # The paragraph ended with a whole request: its action does not reach further
            # (unless it was an item under a lead-in: "remove from the zone: a) … b) …"), nor
            # its mode ("(www.gov.uk itself is currently a CNAME to x)" said of itself only).
            self.ctx.drop_verb()
            self.ctx.mode = "request"
        elif not any(m.line >= lines[0][0] for m in self.mentions[-1:]):
            said = " ".join(text.split())
            ttl = prose.ttl_in(said)
            self.lead_ttl = ttl  # "give it a TTL of 300:"
            if ttl is not None and not self.recent and prose.BOTH.search(said):
                # "A TTL of 60 on both would help us finish quickly." above certbot's two
                # prompts, with prose between: every record the comment then gives
                self.ttl_for_all = (ttl, cues.counted(said))  # ("for all three": three)
            if ttl is not None and said.endswith(":"):
                # "overwrite that value with the one from this run (keep the TTL at 300)?
                # Output from the new run:" - for the record below, past certbot's own lines
                self.carried_ttl = ttl
            if (
                ttl is not None
                and self.recent
                and (
                    prose.BOTH.search(said)
                    or prose.TTL_ORDER.search(said)
                    or prose.TTL_APPROVED.search(said)
                )
            ):
                # "keep the TTL short on both, 120 seconds", "please set the TTL to one
                # hour": for the records just shown.
                types = _types_named(said)  # "the two new CNAME records"
                shown = self.recent
                asked = [
                    i
                    for i, m in enumerate(self.mentions)
                    if m.mode == "request" and m.action != "delete" and m.ttl in (None, ttl)
                ]
                if cues.counted(said) == len(asked) > len(shown):
                    # "So it is two TXT on the same name … TTL you can put small like 60" after
                    # two certbot prompts: the two, though prose stood between them
                    shown = asked
                elif not _ONE_RECORD.search(said) and not types and len(asked) > len(shown):
                    # "Please put low TTL if is possible, 60 is good for us." after certbot's
                    # two prompts, a line of prose between them: every record asked, not just
                    # the last block ("… on this one" would be the last only)
                    shown = [i for i in asked if self.mentions[i].ttl is None]
                for i in shown:
                    m = self.mentions[i] if i < len(self.mentions) else None
                    if m is None or m.ttl is not None or m.action == "delete":
                        continue  # a record being removed has no TTL to set
                    if not types or m.rdtype in types:
                        self.mentions[i] = replace(m, ttl=ttl)


def _paragraph_host(text: str, mention: Mention | None) -> str | None:
    """The one host name a paragraph has named so far (`text`: its last few sentences, not the
    record's data, nor a CA's validation host), which a relative owner in it is under; None
    when it names none or several."""
    data = ((mention.value if mention else None) or "").strip("`'\".").lower()
    hosts = {h for h in prose.hosts_named(text) if h != data and "." in h}
    return hosts.pop() if len(hosts) == 1 else None


_NO_NEED = re.compile(r"\bno[ \t]+(?:need|requirement|reason)\b|n['’]t[ \t]+(?:need|have)\b", re.I)
_NOT_AFTER = re.compile(
    r"\b(?:rather[ \t]+than|instead[ \t]+of|no[ \t]+need[ \t]+to[ \t]+wait[ \t]+(?:for|until))"
    r"[ \t]+"
    r"(?:\w+[ \t]+){0,2}?(?:after|once|until|issuance|the[ \t]+cert)",
    re.I,
)
_DELETE_THAT = re.compile(
    r"\b(?:delete|remove|drop)[ \t]+(?:that|this)[ \t]+(?:one|record|entry|CNAME|TXT)\b", re.I
)
# "Please don't add the ACM record above", "Ignore that TXT record", "disregard those two
# CNAMEs": a refusal of records shown before it (bounded: linear)
_REFUSES_ABOVE = re.compile(
    r"\b(?:(?:do[ \t]+not|don['\u2019]?t|no[ \t]+need[ \t]+to)[ \t]+"
    r"(?:add|create|publish|set[ \t]+up)|ignore|disregard)[ \t]+(?:the|that|this|those|these|both)"
    r"(?P<what>(?:[ \t]+[\w.-]+){0,3}?)[ \t]+"
    r"(?:record|records|entry|entries|one|ones|CNAME|CNAMEs|TXT|TXTs|line|lines)"
    r"(?:[ \t]+(?P<where>above))?\b",
    re.I,
)
# The words that may stand between "the" and "record" in such a refusal: a CA, a vendor, a type
_REFUSED_WORDS = frozenset(
    (
        "acm", "aws", "digicert", "globalsign", "sectigo", "comodo", "dnsauth", "validation",
        "dns", "cname", "txt", "caa", "verification", "dcv", "amazon",
    )
)  # fmt: skip
# ("Don't add that record as a new one - update the existing one instead": not a refusal)
_NOT_A_REFUSAL = re.compile(r"\b(?:instead|update|replace|alongside|as[ \t]+a[ \t]+new)\b", re.I)
# "the bare domain", "the apex", "the root", "(shown as @)": where a verification TXT goes
_APEX_WORDS = re.compile(r"\b(?:apex|bare|root|naked)\b|@", re.I)


def _fallback_owner(
    clause: str, last_owner: str | None, clause_host: str | None, before: str
) -> str | None:
    """The owner of a record a clause gives no name for: the `_` owner a sentence before named,
    the host the clause before named (for a TXT or CAA at a host itself), or for a CA's
    verification string the one host the paragraph named. A GlobalSign string never goes at
    an `_acme-challenge` name ("… not on an _acme-challenge name. The content should be: V")."""
    # A clause that names a type must ask to add it ("Could you please add a TXT record on
    # the bare domain with the following content: V"); a removal must name its record
    # ("nothing checks the value V, so you can delete that TXT record" is the one shown above).
    typed = bool(_types_named(clause))
    verification = "verification=" in clause and (
        actions.action_cue(clause) == "add" if typed else actions.action_cue(clause) != "delete"
    )
    if verification and not typed and (last_owner or "").startswith("_acme"):
        last_owner = None
    return (
        last_owner
        or (clause_host if _APEX_TYPE.search(clause) else None)
        or (_verified_host(before) if verification else None)
    )


def _verified_host(text: str) -> str | None:
    """The host a paragraph ("GlobalSign need to re-verify ons.gov.uk … a TXT record on the
    bare domain with the following content:") puts a verification string at: the one host it
    names; never a www host the paragraph says stands for its apex."""
    host = _paragraph_host(text, None)
    if host is None or (host.startswith("www.") and _APEX_WORDS.search(text)):
        return None
    return host


def _under(name: str, hosts: set[str]) -> bool:
    name = name.lower().rstrip(".")
    return any(name == h or name.endswith("." + h) for h in hosts)


def _same_kind(new: str, old: str) -> bool:
    """Is `new` data of the kind `old` is: a verification string with the same prefix, a
    host under the same CA domain, a token of the same length and alphabet?"""
    if data_kind(new) != data_kind(old):
        return False
    new, old = new.strip('"').lower().rstrip("."), old.strip('"').lower().rstrip(".")
    return "=" in old or "." in old or (len(new) == len(old) and "." not in new)


_LABELS_OF_VALIDATION = ("_acme-challenge", "_dnsauth", "_globalsign-domain-verification")


def _validation_label(name: str) -> str | None:
    """The validation label an owner starts with ("_acme-challenge"), "" for a host itself
    (an apex TXT), None for a label that is the record's own (ACM's, Sectigo's hashes)."""
    first = name.split(".", 1)[0].lower()
    if first in _LABELS_OF_VALIDATION:
        return first
    return "" if not first.startswith("_") else None


def _line_at(lines: list[tuple[int, str]], starts: list[int], pos: int) -> int:
    index = 0
    for i, start in enumerate(starts):
        if start <= pos:
            index = i
    return lines[index][0]


def _types_named(text: str) -> set[str]:
    """The record types a sentence names, plural or not ("both CNAMEs", "the TXT records")."""
    words = {w.strip(",;:()").upper().removesuffix("S") for w in text.split()}
    return words & {"TXT", "CNAME", "CAA"}

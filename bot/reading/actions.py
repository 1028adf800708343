"""Which action words ask for: add, update or delete, and when ("once issued").

A cue counts only when it asks: not negated ("do not add"), not narrated ("was deleted",
"I've dropped"), not a noun ("a quick update"). Every pattern is bounded: linear on any line.
"""

from __future__ import annotations

import functools
import re

from bot.models import Action

_DELETE = re.compile(
    # "clean up the old TXT", "Clean-up:" (never "after last week's account clean-up")
    r"\b(?:remov(?:e|ed|ing|al)|delet(?:e|ed|ing|ion)|clean(?:ed|ing)?[ ]up|"
    r"clean-?up(?=[ ]*:|[ ]+(?:the|this|that|these|those|it|them|both|all|old|any|stale)\b)|"
    # "Once the cert is out you can tidy away the old token"
    r"tidy[ ]+(?:(?:it|them|that|this|those)[ ]+)?away\b|"
    # "so please take it back out while you're adding the CNAME", "take them out again"
    r"take[ ]+(?:it|them|that|this|those|these)[ ]+(?:back[ ]+)?out\b|"
    r"drop(?:ped|ping)?(?![ ](?:(?:me|us|you|them)[ ])?(?:a[ ]|an[ ])?(?:quick[ ]|short[ ])?"
    r"(?:line|note|e-?mail|message|comment|reply|update)|[ ]by|"
    # "zone-file entries you can drop straight in", "drop them into the zone": an add
    r"(?:[ ](?:it|them|these|those|this))?[ ](?:straight[ ]|right[ ]|directly[ ])?in(?:to)?\b)|"
    # ("retired department domains", "the subscription we retired": no request)
    r"retire(?!d)|(?<=be )retired|decommission(?:ed|ing)?|tidy[ -]up|"
    r"tak(?:e|en)\s+(?:(?:it|them|that|this|those|these|that\s+one)\s+)?(?:out|down)|"
    # "You can pull the globalsign TXT off the apex whenever suits", "pull it out"
    r"pull(?:ed|ing)?\s+(?:(?:it|them|that|this|those|these)|(?:the|that|this|those|these)\s+"
    r"(?:[\w.-]+\s+){0,3}?(?:TXT|CNAME|CAA|records?|entry|entries|token|tokens?))\s+(?:off|out)\b|"
    # "please take both TXT records out again"
    r"tak(?:e|en)\s+(?:both|all|the|those|these)\s+(?:[\w-]+\s+){0,3}?(?:records?|entries|"
    r"TXTs?|CNAMEs?|values?|tokens?|ones)\s+(?:back\s+)?(?:out|down)\b|"
    # "both TXT values can come straight back out"
    r"comes?\s+(?:straight\s+|right\s+)?(?:back\s+)?out|eras(?:e|ed|ing)|wipe|tak(?:e|en)\s+off|"
    # "you're free to get rid of it", "pull that one out", "bin the old token" (never /usr/bin)
    r"(?:get|got|getting)\s+rid\s+of|(?<=be )pulled\b|"
    # "after that it's dead weight and you can pull it." (never "pull it up")
    r"pull(?:ed|ing)?\s+(?:it|them|that\s+one|this\s+one)(?=[ \t]*(?:[.!,;)]|$))|"
    # "Take it off publishing.service.gov.uk" (never "take off", "take it off the agenda")
    r"take\s+(?:it|them|that(?:\s+one)?|this(?:\s+one)?)\s+off"
    r"(?=\s+(?:_|[a-z0-9-]+\.[a-z])|[ \t]*[.!,;]|$)|"
    r"pull(?:ed|ing)?\s+(?:(?:it|that|this|them|those|these|"
    r"the\s+old|that\s+one|the\s+old\s+one)\s+)?out\b|"
    r"(?:bin|scrap|ditch)(?=\s+(?:it|them|that|this|the|those|these|both|all)\b)|"
    # shorthand: "u can rm the old globalsign txt", "pls also del old one"
    r"(?:rm|del)(?=\s+(?:it|them|that|this|the|those|these|both|all|old)\b)|"
    # "you can clear the verification string", "clear out the old TXT" (never "is it clear")
    r"clear(?:\s+out)?(?=\s+(?:the|this|that|these|those|it|them|both|all|old|any)\b)|"
    # "Could that one be cleared out?"
    r"(?<=be[ ])cleared(?:[ ]+(?:out|away|down))?\b|"
    # "after that they can go:", "they have to go first." (never "it can go straight to
    # whoever runs the zone", "can go live", "… if and when it can go")
    # "The third one can go straight away."
    r"(?:they|these|those|both|(?<!no[ ])one|ones|TXTs|CNAMEs|records|entries|values|tokens|"
    # 'the old digicert CAA u currently have on hmrc.gov.uk (0 issue "digicert.com") can go but
    # ONLY …': a name and the record's data in brackets
    r"(?<=\.uk)[ ]+\([^()\n]{1,60}\)|"
    # "old GS verification rec (only used for this cert) can go:"
    r"(?:verification|validation|challenge)[ ]+(?:string|value|token|record|rec)|"
    # "the GlobalSign verification record on dvsa.gov.uk can go now:", "the TXT at the apex
    # can go" (a record where it is published; never "it can go straight to …"); "the value X
    # on ofsted.gov.uk can go" (fieldrefs writes a token for "the verification token")
    r"(?:TXT|CNAME|CAA|record|rec|token|entry|string|value|one)(?:[ ]+[^\s()]{1,300})?[ ]+"
    r"(?:on|at|from|under)[ ]+"
    r"(?:the[ ]+)?(?:apex|[\w-]+(?:\.[\w-]+)+))"
    r"(?:[ ]+\([^()\n]{1,60}\))?[ ]+"
    # "they can all go", "they can now all go"
    r"(?:can|must|should|(?:will[ ]+)?(?:have|has|need)[ ]+to)[ ]+(?:now[ ]+|safely[ ]+)?"
    r"(?:all[ ]+|both[ ]+)?"
    r"go(?=[ ]*(?:now|too|first|straight[ ]+away|right[ ]+away|immediately|today)?[ ]*"
    r"(?:[:.;,!)]|[ ]-[ ]|[ ]?[\u2013\u2014]|$|(?:but[ ]+)?(?:only[ ]+)?(?:once|after|when)[ ]))|"
    # "that's the DigiCert token from the old order and it can go, but only once …", "Yes, it
    # can go." (never "… if and when it can go": a notice to come)
    # "Once the new cert has been issued it can go."
    r"(?:^|(?<=^[ ])|(?<=\band[ ])|(?<=\byes,[ ])|(?<=\byes[ ])|(?<=\bissued[ ])|"
    r"(?<=\bissued,[ ])|(?<=\bthen[ ])|(?<=\bthen,[ ]))it[ ]+can[ ]+"
    r"(?:now[ ]+|safely[ ]+)?go(?=[ ]*(?:[,.;!]|$))|"
    # "so the TXT has to go before the CNAME can be created" (never "the record should go",
    # which may say where it goes)
    r"(?:TXT|CNAME|CAA|record|token|entry)[ ]+(?:has|needs)[ ]+to[ ]+go"
    r"(?=[ ]*(?:now|first)?[ ]*(?:[:.;,!)]|$|before[ ]))|"
    # "Removals:", "To delete:" heading the items below it
    r"(?<![\w-])(?:removals|deletions|to[ ]+(?:remove|delete))(?=[ ]*:)|"
    r"no\s+longer\s+(?:required|needed|used|"
    r"in\s+use|necessary)|"
    # "Last year's validation record for it, X (TXT, value V), won't be needed after that."
    r"(?:won[’']?t|will\s+not)\s+be\s+(?:required|needed|necessary))\b",
    re.I,
)
# "Quick update on ...", "the change": a noun, not a request to change a record.
_NOUN_BEFORE = re.compile(
    r"\b(?:a|an|the|this|that|quick|short|brief|status|small|latest|further|final|minor|any|only|"
    r"your|our|my|their|his|her|its|no|same|one|next|registry|dns|planned|requested|recent|"
    r"zone|annual|scheduled|general|big|spring|routine|own|separate|emergency|standard|record|"
    r"validation|certificate|cert|configuration|config)\s+$",
    re.I,
)
_UPDATE = re.compile(
    # "update us on this ticket" asks for news, not for a record to change
    r"\b(?:updat(?:e|ed|ing)(?![ ]+(?:us|me|you|the[ ]+ticket|this[ ]+ticket))|"
    # ("its own change window", "raise a change request": ITIL's nouns, not a request)
    r"chang(?:e|ed|ing)(?![ ]+(?:window|request|freeze|control|management|board|advisory|"
    r"ref(?:erence)?|number|ticket|slot|type|log|record)s?\b)|replac(?:e|ed|ing)|modif(?:y|ied|ying)|amend(?:ed)?|overwrit(?:e|ing)|"
    # "pls edit the cname … and put new value V" (never "edit the ticket")
    r"edit(?![ ]+(?:the[ ]+|this[ ]+|my[ ]+)?(?:ticket|message|comment|post|reply|subject))|"
    r"(?:put|set|give)\s+(?:it\s+|the\s+|a\s+)?new\s+value|"
    r"repoint(?:ed|ing)?|now\s+(?:has|needs)\s+to\s+(?:point|be|change|read|resolve|go)|should\s+now|instead\s+of|swap(?:ped)?|"
    r"should\s+(?:now\s+)?become|needs?\s+to\s+become)\b",
    re.I,
)
_ADD = re.compile(
    r"\b(?:add|adding|create|creating|(?<!already )publish|set\s+up|put\s+in\s+place|insert|deploy|"
    # "the challenge name is X and it has to be a CNAME that resolves to Y": a requirement
    r"(?:has|have|needs?)\s+to\s+be\s+an?\s+(?:CNAME|TXT|CAA)\b|"
    # "All we need is one more record in the same set"
    r"(?<=need )is\s+(?:just\s+)?(?:one|a)\s+(?:more|new|further)\s+record|"
    r"put\s+(?:the|a|an|it|this|these|them)\s+(?:\w+\s+){0,3}?(?:under|at|in|into|on)|"
    # "Could you pop these into DNS when you get a sec?", "stick them in the zone"
    r"(?:pop|stick)\s+(?:it|this|these|them|those|the\s+\w+)\s+(?:in|into)\s+(?:the\s+|your\s+)?"
    r"(?:dns|zone)|"
    r"needs?\s+(?:\S+\s+){0,6}?published)\b",
    re.I,
)
_NEGATED = re.compile(
    r"\b(?:not|don't|do not|never|no need to)\s+(?:\w+\s+){0,2}$"
    # "please don't add, edit or remove any records": a list of verbs under one "don't"
    r"|\b(?:not|don't|do not|never)\s+\w+,\s+(?:\w+,?\s+){0,2}(?:or|nor)\s+$"
    # "Existing CAA records do not need to be removed", "they don't have to be deleted"
    r"|(?:\bnot|n['’]t)\s+(?:need|have)\s+to\s+be\s+$"
    # "none of these should be removed" (never across "and": "it serves no purpose and can
    # be deleted" asks)
    r"|\b(?:no|nothing|none)\s+(?:(?!(?:and|but|so)\b)\w+\s+){0,5}$"
    # "Ignore what I said about removing it": a removal taken back
    r"|\b(?:ignore|disregard|forget)\s+(?:what\s+I\s+(?:said|wrote|asked)|my\s+(?:note|comment|"
    r"request|point|line))\s+(?:about|re|regarding|on)\s+(?:the\s+)?$",
    re.I,
)
# "a subscription that was deleted in October": something that happened, not a request;
# "once the old subscription is deleted": a condition ("can be deleted" asks).
# "... I've dropped the column", "we removed it ourselves": the writer's own doing.
# "we'll ask you to remove it again": a request still to come, not one made now.
_NARRATED = re.compile(
    r"(?:\b(?:was|were|been|had|got)\s+(?:\w+\s+){0,2}|\b(?:has|have)\s+|"
    r"\b(?:once|when|after|until|before|if)\b[^.,;]{0,40}?\b(?:is|are|gets)\s+|"
    # "only the rows marked ADD, UPDATE or REMOVE need anything": the words of a table's column
    r"\b(?:marked|labell?ed|flagged|tagged)\s+(?:(?:as|with)\s+)?(?:[\w\"'“”]+,?\s+){0,3}|"
    # "delete that old TXT when you add the new ones": the time of the request, not another
    r"\b(?:once|when|while|as|after|before)\s+(?:you|we)(?:'ve|\s+have)?\s+|"
    r"(?:^|\s|\()(?:i|we)(?:'ve|'d|'re|'m|'ll|\s+have|\s+had|\s+are|\s+am|\s+will)?\s+"
    r"(?:(?:also|already|just|then)\s+)?|"
    # "They've removed it", "she has created": someone else's doing, told
    r"\b(?:they|he|she)(?:'ve|'d|\s+have|\s+has|\s+had)\s+"
    r"(?:(?:also|already|just|then)\s+)?|"
    # "until they decommission it in January": their doing, some time, not a request
    r"\b(?:until|till|when|once|before|after)\s+(?:they|he|she|the\s+\w+\s+team)\s+$|"
    # "the old subscription will be deleted once …": what is going to happen, not a request
    r"\bwill\s+(?:then\s+|also\s+)?be\s+|"
    # "The only way to clear it was to …": a purpose, the verb that serves it comes after
    r"\bway\s+to\s+$|"
    # "our platform team will create …": the sender's own doing ("you will need to add" asks)
    r"(?<!you )\bwill\s+(?:then\s+|also\s+)?$|"
    r"\b(?:we|i)(?:'ll|\s+will)\s+(?:\w+\s+)?(?:ask|remind|tell)\s+you\s+to\s+|"
    r"\b(?:we|i)\s+(?:(?:had|have|once)\s+)?(?:asked|requested|told)\s+you\s+to\s+|"
    # "as we renew automatically by updating the TXT answer": how the sender does its own
    # work ("you can complete validation by adding …" still asks)
    r"\b(?:we|i)\s+(?:(?!you\b|us\b)[\w']+\s+){1,3}by\s+$|"
    # "we'll let you know when it can be removed": a notice still to come, not a request
    r"\b(?:we|i)(?:['\u2019]ll|\s+will)\s+(?:let\s+you\s+know|tell\s+you|confirm|advise)\s+"
    r"(?:(?:separately|later|again|directly|(?:on|in|via)\s+(?:a|the|another|this)\s+(?:separate\s+|"
    r"new\s+)?(?:ticket|thread|message|e-?mail))\s+)?(?:(?:if|whether)\s+and\s+)?"
    r"(?:when|once|if)\b[^.,;]{0,30}?)$",
    re.I,
)
AFTER_ISSUANCE = re.compile(
    r"\b(?:after|post)[ -]issue\b|"  # "Delete after issue" (a spreadsheet's action cell)
    # "What we need from you later, NOT now:", "only do that when you get our go-ahead on this
    # ticket" (the vendor's word, given once the certificate is issued)
    r"\blater,?[ ]+not[ ]+now\b|"
    # "please wait for our confirmation before removing any of these:"
    r"\bwait[ ]+for[ ]+(?:our|my|the[ ]+vendor['\u2019]s)[ ]+(?:confirmation|go-?ahead|"
    r"go[ ]ahead|green[ ]light|word)\b|"
    r"\b(?:when|once|after|until)[ ]+(?:you[ ]+)?(?:get|receive|have|hear)[ ]+(?:our|the)[ ]+"
    r"(?:go-?ahead|go[ ]ahead|confirmation|green[ ]light)\b|"
    # "Delete (later, see below)" in an action cell, "remove it later": not now
    r"\b(?:delete|remove)(?:[ ]+(?:it|them|this|that))?[ ]*[(]?[ ]*later\b|"
    # "So for now: add the new TXT, keep the old one. Later: remove the old one."
    r"(?:^|[.;!][ ]+)(?:later|afterwards)[ ]*:|"
    # "The certificate should issue within the hour. Once it has, please delete the TXT"
    r"(?:^[ \t]*|[.;!(][ ]+)(?:once|when|after)[ ]+(?:it|that)[ ]+has(?:[ ]+happened)?[ ]*,|"
    # "Wait until we confirm in this ticket that the new certificate has been issued."
    r"\bwait\b[^.\n]{0,40}?\buntil\b[^.\n]{0,80}?\b(?:issued|renewed|active|deployed|live)\b|"
    # "leave it alone until the new certificate shows as "Issued" … and only then remove it"
    # ("Leave them be until certbot comes back with "Congratulations"": its word for issued)
    # "When I've got the cert and it's uploaded to Fastly I'll drop you a line, and at that
    # point you can delete both" (a certificate got is an issued one)
    r"\b(?:when|once|after)[ ]+(?:i|we)(?:['\u2019]ve|[ ]+have)?[ ]+got[ ]+(?:the|our|my)[ ]+"
    r"(?:new[ ]+|renewed[ ]+)?cert(?:ificate)?\b|"
    # "Please don't remove them until the new certificate is issued"
    r"\b(?:leave|keep|hold[ ]off|(?:don['\u2019]t|do[ ]not)[ ]+(?:remove|delete|touch|pull))\b"
    r"[^.\n]{0,80}?\buntil\b[^.\n]{0,60}?\b(?:issued|renewed|active|live|deployed|"
    r"congratulations|"
    r"renewal[ ]+(?:completes|has[ ]+completed|is[ ]+(?:complete|done|finished))|"
    # "please keep it until you have received the new certificate; after that it can go"
    r"(?:received|got|have|get)[ ]+(?:the[ ]+|your[ ]+)?(?:new|renewed)[ ]+cert(?:ificate)?)\b|"
    # ("When we renewed by hand last spring": a time in the past, not a condition)
    # ("Following up on my message", "create the following record to allow issuance")
    r"\b(?:once|after|when|post|as[ ]soon[ ]as|(?<!the[ ])(?<!these[ ])following(?![ ]+up\b))\b"
    r"(?![ ]+(?:we|i|they)[ ]+(?:just[ ]+|first[ ]+)?(?:renewed|issued|validated|installed)\b)"
    # ("our post-issuance review": a noun, no time)
    r"(?![ -]issuance[ ]+(?:review|check|checks|audit|report|monitoring)\b)"
    r"(?:[^.\n]|\.(?=\w)){0,80}?\b(?:issued|issuance|renewed|"  # ("once the www.gov.uk cert…")
    # "once the cert issues u can drop them all"
    r"(?<=cert[ ])issues|(?<=certificate[ ])issues|"
    r"renewal (?:is|has been) (?:complete|done)|renewal (?:completes|has completed|finishes)|"
    # "Once that reissue has completed (I'll confirm here) it can be removed"
    r"(?:re-?issue|re-?issuance|order)[ ]+(?:has[ ]+|is[ ]+)?(?:completed?|finished|done|"
    r"gone[ ]+through)|"
    r"validated|validation (?:is|has been) complete|"
    # certbot's last words: "Once it says "Successfully received certificate" I'll let you know"
    r"successfully[ ]+(?:received|obtained)[ ]+(?:the[ ]+)?cert(?:ificate)?|congratulations|"
    r"installed|live|deployed|served|"
    # ("After the cut-over on Tuesday - please not before": the new certificate's switch-over)
    # ("Once the service is fully cut over to Fastly …, it can be removed")
    r"cut[ -]?over|switch(?:ed)?[ -]?over|"
    # "once the new cert is showing on the site", "once the certificate is out"
    # ("as soon as the new cert is on the edge", "once the new certificate is in use")
    r"cert(?:ificate)?[ ]+(?:is[ ]+|has[ ]+been[ ]+)?(?:done|ready|showing|serving|out|"
    r"on[ ]+(?:the|our)[ ]+edge|in[ ]+use)|"
    # "once you can see the new certificate on assets.x", "when you see the renewed cert"
    r"(?<=see[ ]the[ ])(?:new|renewed|replacement)[ ]+cert(?:ificate)?|"
    # "once the new origin certificate reports ACTIVE" (Google Certificate Manager, ACM)
    r"(?:reports?|shows?|is|becomes?|goes)[ ]+(?:as[ ]+|state[ ]+|status[ ]+)?(?:active|ACTIVE))\b|"
    # "After 48 hours, remove the old CAA entry", "wait a couple of days, then delete it": a
    # delay, which in a certificate ticket waits for the new certificate (never "now")
    r"\b(?:after|wait|give[ ]it)[ ]+(?:\d{1,3}|an?|one|two|three|a[ ]few|a[ ]couple[ ]of)[ ]+"
    r"(?:more[ ]+)?(?:hours?|days?|weeks?)\b",
    re.I,
)


# "... no longer used, but it does no harm where it is, and we are not asking for any change
# to it": the writer declines the action the words before it might have asked for.
_DECLINED = re.compile(
    r"\b(?:(?:not|never)[ ]+(?:asking|requesting)[ ]+(?:you[ ]+)?(?:for|to)|does[ ]+no[ ]+harm|"
    r"(?:leave|keep)[ ]+it[ ]+(?:where[ ]+it[ ]+is|in[ ]+place|as[ ]+it[ ]+is))\b",
    re.I,
)


_IN_A_NAME = re.compile(r"[-.]\w")  # the word goes on as part of a host name or path
# After a gerund or noun cue: the verb of a sentence it is the subject of
_AS_SUBJECT = re.compile(
    r"[ \t]+(?:[\w-]+[ \t]+){0,3}?"
    r"(?:is|are|was|were|would|will|won't|wouldn't|can|can't|could|does|doesn't|should|"
    # ("removing the hostname re-created the subscription": what doing it did, told)
    r"might|may|causes?|caused|breaks?|broke|triggered|(?:re-?)?created|(?:re-?)?generated|"
    r"meant|invalidated|reset)\b",
    re.I,
)


def names_removal(text: str) -> bool:
    """Does the text speak of a removal at all, asked or told of ("when the records can come
    out again")?"""
    return bool(_DELETE.search(text))


def action_cue(text: str) -> Action | None:
    """The action the last non-negated cue in `text` asks for, if any."""
    # The same line or sentence is asked about by several readers: remembered (short texts
    # only, so the memory stays small whatever a ticket holds).
    return _cue_of(text) if len(text) <= _REMEMBERED else _action_cue(text)


_REMEMBERED = 2000


@functools.lru_cache(maxsize=2048)
def _cue_of(text: str) -> Action | None:
    return _action_cue(text)


def forget_cues() -> None:
    _cue_of.cache_clear()


def _action_cue(text: str) -> Action | None:
    declined = _DECLINED.search(text)
    if declined:
        text = text[declined.end() :]  # only what is said after "we are not asking for"
    found: list[tuple[int, Action]] = []
    for pattern, action in ((_DELETE, "delete"), (_UPDATE, "update"), (_ADD, "add")):
        for m in pattern.finditer(text):
            if _IN_A_NAME.match(text, m.end()) or text[max(0, m.start() - 1) : m.start()] in (
                "-",
                ".",
                "_",
                "/",
            ):
                continue  # "report-a-benefit-change.service.gov.uk": a host's name, no verb
            if _AS_SUBJECT.match(text, m.end()) and m.group().lower().endswith(
                ("ing", "ion", "al")
            ):
                continue  # "deleting them is the most common reason renewals fail": a topic
            before = text[max(0, m.start() - 64) : m.start()]
            # ("a quick update", "the recent zone clean-up": a noun, no request)
            tidy = m.group().lower().replace("-", " ").startswith(("clean up", "tidy up"))
            # ("the record should now read:": a modal cue, its subject before it, never a noun)
            modal = m.group()[:3].lower() in ("sho", "now", "nee")
            noun = (action == "update" or tidy) and not modal and _NOUN_BEFORE.search(before)
            # "pls dont overwrite one with the other", "next to the first rather than
            # overwriting it": the cue refused, or named as the alternative to another
            # ("do NOT remove it before then", "don't delete it yet": a time, not a refusal)
            only_when = ONLY_WHEN.match(text, m.end())
            refused = _REFUSED.search(text[max(0, m.start() - 64) : m.end()]) and not only_when
            alternative = _ALTERNATIVE.search(before)
            # "The first REMOVE is a leftover token": a table's action label, named as a noun
            noun = noun or (m.group().isupper() and bool(_LABEL_NAMED.search(before)))
            # "A colleague removed and re-added gov.uk on the subscription": told, not asked
            done_by = m.group().lower().endswith("ed") and (
                _DONE_BY.search(before) or _TOLD_PAST.search(before)
            )
            # "a trial service someone set up in 2021": "set up" is its own past tense (never
            # "could someone set up …": asked)
            done_by = done_by or (
                m.group().lower().startswith("set")
                and bool(_DONE_BY.search(before))
                and not _ASKED_OF.search(before)
            )
            # ("Once the new cert has been issued it can go": a clause of its own, its modal
            # its own; the words before it narrate another verb)
            own_clause = m.group()[:7].lower() == "it can "
            narrated = not own_clause and _NARRATED.search(before)
            # ("Whether you keep, repoint or delete that one is entirely a decision for you";
            # "If it's removed, renewals will fail": what would happen, not a request)
            # ("if we add 0 issue "certainly.com" on its own it would lock out Let's Encrypt":
            # what we would do, weighed, not asked)
            choice = _WHETHER.search(before) or _IF_PASSIVE.search(before) or _IF_WE.search(before)
            said_no = _NEGATED.search(before) or narrated or refused or done_by or choice
            if not (said_no or noun or alternative):
                found.append((m.start(), action))  # type: ignore[arg-type]
    # "create the records under _dnsauth instead of at the base domain": "instead of" names
    # the alternative to another verb's action; alone ("X instead of Y") it is a change.
    # "Please delete that TXT in the same change as adding the CNAME", "… before adding the
    # new one": a gerund after a preposition says when, beside the sentence's own verb.
    strong = [
        f
        for f in found
        if text[f[0] : f[0] + 7].lower() != "instead"
        and not (_SUBORDINATE.search(text, max(0, f[0] - 24), f[0]) and _GERUND.match(text, f[0]))
    ]
    return max(strong or found)[1] if found else None


_IF_PASSIVE = re.compile(
    r"\b(?:if|should)[ \t]+(?:it|they|that|this|the[ \t]+(?:record|CNAME|TXT|entry))"
    r"(?:['\u2019]s|['\u2019]re|[ \t]+(?:is|are|was|were|gets?|got))[ \t]+(?:ever[ \t]+)?$",
    re.I,
)
_IF_WE = re.compile(r"\bif[ \t]+(?:we|i)[ \t]+(?:were[ \t]+to[ \t]+|just[ \t]+|only[ \t]+)?$", re.I)
_WHETHER = re.compile(
    r"\bwhether[ \t]+(?:or[ \t]+not[ \t]+)?(?:you|they|we|to)\b[^.;:!?]{0,60}$", re.I
)
_SUBORDINATE = re.compile(
    r"\b(?:as|while|when|before|after|besides|alongside|than|with|without|since)[ \t]+"
    # ("please remove it while you're adding the CNAME": the removal is asked, the add is when)
    r"(?:(?:you|we|they)(?:['\u2019]re|[ \t]+are)[ \t]+)?$",
    re.I,
)
_GERUND = re.compile(r"[a-z]+ing\b", re.I)


_REFUSED = re.compile(
    r"\b(?:do[ \t]+not|don't|dont|don’t|never|must[ \t]+not|mustn't|should[ \t]+not|shouldn't)"
    r"[ \t]+(?:\w+[ \t]+){0,2}?\w+$",
    re.I,
)
# After a negated verb: only "not yet" / "not until", a time and no refusal ("please do NOT
# remove it before then", "don't delete the TXT record until …")
ONLY_WHEN = re.compile(
    r"(?:[ \t]+(?:it|that|this|them|those|these|the[ \t]+\w+(?:[ \t]+record)?))?[ \t]+"
    r"(?:yet|until|till|before)\b",
    re.I,
)
# Someone (not "you") whose doing a past-tense verb after them tells: "A colleague removed",
# "the registry team deleted" ("please have the TXT removed" still asks)
_DONE_BY = re.compile(
    r"\b(?:colleague|someone|somebody|engineer|admin(?:istrator)?|team|teammate|customer|"
    r"developer|department|supplier|registry|jisc|fastly|globalsign|sectigo|digicert|aws|google|"
    r"who)[ \t]+(?:(?:also|already|just|then|accidentally|mistakenly|recently|previously)[ \t]+)?$|"
    # "That CNAME is gone - most likely removed in a zone clean-up": what happened, guessed
    r"\b(?:likely|probably|possibly|apparently|presumably|accidentally|mistakenly|"
    r"inadvertently)[ \t]+$|"
    # "the target from the old (now deleted) subscription", "the since-removed TXT": what it is
    r"(?:[(][ \t]*|\b(?:the|an?|its|our|your|their)[ \t]+)(?:now|since|recently|already)[ \t-]+$",
    re.I,
)
_ASKED_OF = re.compile(r"\b(?:could|can|would|will|please|to)[ \t]+\w+[ \t]+$", re.I)
# "… created during testing and then deleted", "it was removed last week": what happened
_TOLD_PAST = re.compile(
    r"\b(?:was|were|(?:has|have|had)[ \t]+(?:already[ \t]+)?been|got|and[ \t]+then)[ \t]+$", re.I
)
_LABEL_NAMED = re.compile(
    r"\b(?:the|that|this|each|every|any)(?:[ \t]+(?:first|second|third|last|other|two|three))?"
    r"[ \t]+$",
    re.I,
)
# ("stay in place rather than being removed once issued": the removal is what is not asked)
_ALTERNATIVE = re.compile(
    r"\b(?:rather[ \t]+than|instead[ \t]+of)[ \t]+(?:(?:being|be|getting|get|having)[ \t]+)?$",
    re.I,
)


# "Please add the CNAME and delete this TXT straight away:": a verb for each record type
_VERB_TYPE = re.compile(
    r"\b(add|create|publish|delete|remove|drop|update|change|replace)[ \t]+"
    r"(?:(?:the|this|that|these|those|a|an|new|old|both|existing|stale)[ \t]+){0,2}"
    r"(CNAME|TXT|CAA)s?\b",
    re.I,
)


def actions_by_type(text: str) -> dict[str, Action]:
    """{record type: action} when a lead-in gives different verbs to different record types
    ("add the CNAME and delete this TXT"); else empty (one verb speaks for every record)."""
    pairs: dict[str, Action] = {}
    for m in _VERB_TYPE.finditer(text):
        action = action_cue(m.group(0))
        rdtype = m.group(2).upper()
        if action is None or pairs.get(rdtype, action) != action:
            return {}  # a type given two verbs: not this shape
        pairs[rdtype] = action
    return pairs if len(set(pairs.values())) > 1 else {}

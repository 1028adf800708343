"""Words around records that say how they are meant, which domain, which zone.

Every pattern here is applied to one line or sentence of untrusted text, so each is written to
run in linear time: alternations of literals, bounded gaps, no nested quantifiers.
"""

from __future__ import annotations

import functools
import re

from bot.reading.actions import ONLY_WHEN, action_cue
from bot.reading.mentions import Mode

# "Please do not add ...", "ignore the TXT record", "you don't need to create ..."
_NEGATED = re.compile(
    r"\b(?:do\s+not|don't|dont|doesn't|does\s+not|no\s+need\s+to|not\s+need\s+to|never|"
    r"should\s+not|shouldn't|must\s+not|(?:we|i)\s+(?:can't|cannot|can\s+not|won't))\s+(?:\w+\s+){0,3}?"
    r"(?:add|adding|create|creating|publish|set\s+up|put(?!\s+off)|change|update|touch|remove|removing|"
    r"delete|deleting|replace|replacing|undo|drop|append|merge)\b"
    # "nothing needs adding" (never "there is nothing on these names so just add"; never
    # "… you can delete it. nothing else to change.": no change beyond the one just asked; nor
    # "Same record as in my first message, nothing has changed:" - the record below is the same)
    r"|\bnothing\s+(?!(?:else|more|further)\b)(?!(?:has\s+|have\s+)?changed\b)"
    r"(?:(?!(?:so|just|please|pls|then|but)\b)\w+\s+){0,5}?(?:delet|remov|chang|add)\w*"
    r"|\b(?:ignore|disregard|disregarding|ignoring)\b"
    r"|\b(?:withdraw|cancel|retract)(?:s|ed|ing)?\b"
    # "this is only an example of the format and must not be added:", "not to be published"
    r"|\b(?:(?:must|should|shall|is|are)(?:\s+not|n't)\s+(?:to\s+)?|not\s+to\s+)be\s+"
    r"(?:added|created|published|deployed|entered|copied|pasted)\b",
    re.I,
)
# What is published now: a description, not a request.
# "Done ✅", "Completed:", "Already done" alone on a line: a heading over finished items
_DONE_WORDS = r"(?:already[ \t]+)?(?:done|completed?|finished)(?:[ \t]+(?:so[ \t]+far|already))?"
DONE_HEADING = re.compile(rf"^[^\w\n]{{0,6}}{_DONE_WORDS}[^\w\n]{{0,6}}$", re.I)
_DESCRIBES = re.compile(
    # ("At this moment your CAA records are as following:")
    r"\b(?:currently|at\s+(?:the|this)\s+moment|right\s+now|presently|exists?\s+today|existing|"
    # ("We can also still see last year's verification token published on dft.gov.uk:")
    r"(?:we|i)\s+(?:can\s+)?(?:also\s+|still\s+|now\s+){0,2}see|"
    # "Our records show www.gov.uk is a CNAME to www-gov-uk.map.fastly.net, so no DNS changes
    # are needed", "According to our records X points to Y" (the vendor's own books)
    # (never "Our records show the challenge CNAMEs were removed …, so we'll need them back")
    r"(?:(?:our|my|the)\s+records\s+(?:show|say|indicate)|according\s+to\s+(?:our|my|the)\s+"
    r"records)\b(?:[^.\n]|\.(?=\w)){0,100}?\b(?:is|are)\s+(?:(?:still|already|currently)\s+)?"
    r"(?:an?\s+)?(?:CNAME|alias|pointing|pointed|set\s+to)|"
    # "we're still seeing _acme-challenge.x CNAME OLD, which is from the old subscription",
    # "our checker is still seeing", "we keep seeing" (what resolves now, never an ask)
    # (never "Here's what I'm seeing on our side:", the records a dashboard asks for)
    r"(?:(?:we|i)(?:['’]re|['’]m|\s+are|\s+am)|(?:checker|validator|monitoring|system|resolvers?)"
    r"\s+(?:is|are))\s+(?:also\s+)?still\s+seeing|"
    r"(?:we|i|checker|validator|monitoring|system|resolvers?)\s+keeps?\s+seeing|"
    # "We still have the DigiCert validation CNAME from the old cert, X CNAME Y."
    r"(?:we|i)\s+(?:also|still)\s+have\s+(?:an?|the|this|that|these|those|one|two)\b|"
    # "The GlobalSign verification TXT that's still published on justice.gov.uk:", "the CNAME
    # which is live at x" (never "once it is published": a condition, `_CONDITION_BEFORE`)
    r"\b(?:that|which)(?:['’]s|\s+is|\s+are)\s+(?:still\s+|currently\s+|already\s+)?"
    r"(?:published|live|in\s+place)\b|"
    # "We've still got globalsign-domain-verification=X as a TXT on account.gov.uk"
    r"(?:we|i)(?:['’]ve|\s+have)?\s+(?:also\s+)?still\s+got\b|"
    # "All three are in:", "Both are live now:" (our reply above the dig that shows them)
    r"^[ \t]*(?:all[ \t]+(?:two|three|four|of[ \t]+them)|both|they|it)(?:['’]s|['’]re|[ \t]+are|"
    r"[ \t]+is)[ \t]+(?:now[ \t]+)?(?:in|live|published|in[ \t]+place)(?:[ \t]+now)?(?=[ \t]*:)|"
    # "Hi Keiko, that's added and visible on all four of our authoritative nameservers:",
    # "It's in and resolving:", "That's added now:" (our reply above the record it published)
    r"\b(?:that|this|it|they)(?:['’]s|['’]re|\s+is|\s+are|\s+has\s+been|\s+have\s+been)\s+"
    r"(?:now\s+)?(?:added|published|created|in)\s+(?:now\s+)?and\s+(?:now\s+)?"
    r"(?:visible|resolving|live|showing)\b|"
    r"^\W{0,3}(?:that|this|it)(?:['’]s|\s+is|\s+has\s+been)\s+(?:now\s+)?added(?:\s+now)?"
    r"(?=[ \t]*:)|"
    r"\bvisible\s+on\s+(?:all\s+)?(?:(?:two|three|four|five|six)\s+(?:of\s+)?)?(?:our|the|your)\s+"
    r"(?:authoritative\s+)?(?:name\s?servers|NS)\b|"
    # "We've got something very similar from last year already:", "we've already got one"
    r"(?:we|i)(?:['’]ve|\s+have)\s+(?:already\s+got\b|got\b[^.\n:]{0,60}?\balready\b)|"
    # "Done, it's resolving now:", "it now resolves:" (never "once it resolves")
    r"\b(?:it|they)(?:['’]s|['’]re|\s+is|\s+are)?\s+(?:now\s+)?(?:resolving|resolves)\b|"
    # "gs check is still failing. from here i get" / the record, "on my end I'm getting:",
    # "we still get:" (a lookup's answer, ending its line above the record it gives)
    r"\b(?:from\s+here|on\s+(?:my|our)\s+(?:end|side)|from\s+(?:my|our)\s+(?:end|side))\s*,?\s+"
    r"(?:i|we)\s+(?:still\s+)?(?:get|see|am\s+getting|are\s+getting)\b|"
    r"\b(?:(?:i|we)\s+(?:still\s+)?get|(?:i|we)(?:['’]m|['’]re|\s+am|\s+are)\s+(?:still\s+)?getting)"
    r"(?=[ \t]*:?[ \t]*$)|"
    # "this is what we get back:", "here's what we get back from a lookup:" (an answer shown)
    r"\bwhat\s+(?:we|i)\s+(?:get|got|are\s+getting)\s+back\b|"
    # "You will also have last year's token on the apex:"
    r"\byou(?:['’]ll|\s+will)\s+(?:also\s+|still\s+)?(?:have|see|find)\b|"
    # "You may notice an old _acme-challenge.x CNAME in your zone from 2023 (it points at y)"
    r"\byou\s+(?:may|might|can|could)\s+(?:also\s+|still\s+)?(?:notice|see|spot|find)\s+"
    r"(?:an?\s+|the\s+|some\s+)?(?:old|older|existing|stale|leftover|previous)\b|"
    # "Had a look and there are CAA records at x.service.gov.uk that only allow DigiCert:"
    r"\bthere(?:['’]s|\s+is|\s+are)\s+(?:an?\s+|two\s+|three\s+|some\s+)?(?:CAA|TXT|CNAME)\s+"
    r"(?:records?|entr(?:y|ies))\s+(?:at|on|for|in)\b|"
    # "Here is what the CAA set looks like today:", "For your information we already checked
    # CAA:" (what is there, shown)
    r"\b(?:looks?|is|are)\s+like\s+(?:today|now|at\s+present)\b|"
    r"\b(?:we|i)\s+(?:have\s+)?(?:already\s+|also\s+)?checked\s+(?:the\s+)?"
    r"(?:CAA|TXT|CNAME|DNS|zone|records?)\b(?=[^.:\n]{0,30}:\s*$)|"
    # "Current CAA at the hostname, as returned by the authoritative servers:" (never "as
    # returned by": "Here is the new authorization as returned by `gcloud …`" asks)
    r"^\W{0,3}current\s+(?:CAA|TXT|CNAME|DNS|records?|state|values?|"
    r"set|entries)\b|"
    # "This is the current set:"
    r"\b(?:this|that|here)\s+is\s+the\s+current\s+(?:CAA\s+|TXT\s+|DNS\s+)?(?:set|state|records?)\b|"
    # "CAA records found (on publishing.service.gov.uk):" (what the CA's check found)
    r"\b(?:CAA|TXT|CNAME|DNS)\s+records?\s+(?:set\s+)?found\b(?!\s+(?:to|that|which))|"
    # "For both names above the closest CAA set is on ons.gov.uk:" (what a CA's walk finds)
    r"\b(?:closest|nearest|effective)\s+CAA\s+(?:record\s+)?(?:set|records?)\s+(?:is|are|sits?)\s+"
    r"(?:on|at)\b|"
    # "the record _acme-challenge is still pointing for the validation target of the old
    # subscription:", "it's still pointing at last year's target"
    # ("the ACME challenge record for this hostname is still delegated to the previous CDN
    # provider's validation service:", "it's still CNAMEd to Cloudflare")
    r"\b(?:is|are|['’]s|['’]re)\s+still\s+(?:pointing|pointed|resolving|delegated|aliased|"
    r"cnamed|cname['’]d)\b|"
    # "Old value from last year is still at the same name:"
    # ("… and it is still being served -", "it's still being returned:")
    # ("This one is still on the GlobalSign certificate": a host on a certificate, no record)
    r"\b(?:is|are)\s+still\s+(?:at|in|there|published|present|live|sitting|"
    r"on(?!\s+(?:the|our|your|a|an|its)\s+(?:[\w'-]+\s+){0,2}?(?:certificates?|certs?|"
    r"subscriptions?|orders?|accounts?|plans?|SAN|products?|platforms?|configs?|"
    r"configurations?)\b)|"
    r"being\s+(?:served|returned|published))\b|"
    # "so the CA climbs up to service.gov.uk, which has:" (a lead-in ending so)
    r"\b(?:which|that|it|and)\s+(?:currently\s+|already\s+|still\s+)?(?:has|holds|contains)"
    r"(?=[ \t]*:[ \t]*$)|"
    r"found\s+(?:the\s+following|this|these|an?\s+existing|(?:two|three|four|several|multiple|"
    r"both)\b)|(?:was|were)\s+(?:still\s+)?(?:present|published|in\s+place)\b|"
    # "Separately, there is an old GlobalSign verification record at the apex of gov.uk:"
    r"there(?:'s|’s|\s+is|\s+are)\s+(?:also\s+|still\s+)?(?:an?\s+|two\s+|some\s+)?"
    r"(?:old|stale|leftover|legacy)\s+|"
    # "When our validator resolves the challenge name it gets this answer back:"
    r"\b(?:gets?|got|receives?|received)\s+(?:this|these|the\s+following)\s+"
    r"(?:answers?|responses?|results?)\b|"
    # "Today the record is _acme-challenge.www.gov.uk CNAME X." (what is there now)
    r"\btoday,?\s+(?:the|this|that)\s+(?:record|entry|value|target|CNAME|TXT)\s+(?:is|reads|has)\b|"
    # "There's already one there:"
    r"there(?:'s|’s|\s+is|\s+are)\s+already\s+(?:one|some|two|three)\s+(?:there|here|in\s+place)\b|"
    # "There's already a CNAME at that name from the old account:"
    r"there(?:'s|’s|\s+is|\s+are)\s+already\s+(?:an?|one|two|three|some)\s+(?:\w+\s+){0,2}?"
    r"(?:CAA|TXT|CNAME|records?|entry|entries)\b|"
    # "This is what we get back today:", "here's what comes back:", "what the zone returns:"
    r"\bwhat\s+(?:we|i|you)\s+(?:get|got|see|saw)\s+(?:back\s+)?(?:today|now|at\s+the\s+moment|"
    r"from\s+(?:dig|the\s+zone))?(?=[ \t]*:)|\bwhat\s+(?:comes|came)\s+back\b|"
    # "This is what education.gov.uk returns today:"
    r"\bwhat\s+[\w.-]{1,80}\s+(?:returns|serves|resolves\s+to|publishes)\s+(?:today|now|"
    r"right\s+now|at\s+the\s+moment|currently)(?=[ \t]*:)|"
    # "Below is what our tooling sees for the names relevant to this cert:"
    r"\bwhat\s+(?:our|the|my)\s+(?:tooling|tools?|checker|monitoring|scanner|validator|system)\s+"
    r"(?:sees|saw|finds|found|shows|returns|gets)\b|"
    # "formatted as zone file so it's easier to read, this is NOT a change list:"
    r"\b(?:this|these|it|that)\s+(?:is|are)\s+not\s+(?:a\s+)?(?:change\s+list|list\s+of\s+changes|"
    r"changes?\s+requests?|requests?|changes)\b|"
    # "We checked with dig this afternoon:"
    r"(?:checked|looked)\s+(?:\w+\s+){0,2}?(?:with|using|in)\s+(?:dig|nslookup)\b|"
    # "data.gov.uk also has a CAA record. Our pre-flight check shows:"
    # ("Our checks this morning show:")
    r"(?:check|checks|scan|lookup|query|console|monitoring)\s+(?:(?:this|earlier|last)\s+"
    r"(?:morning|afternoon|evening|week)\s+|today\s+)?(?:still\s+)?shows?(?=\s*:)|"
    # (the name's last labels only: a pattern over a whole dotted name would backtrack)
    r"\bgov\.uk\.?\s+(?:also\s+|already\s+)?has\s+(?:an?|one|two|three)\s+"
    r"(?:CAA|TXT|CNAME)\s+records?\b|"
    # "You also have this one in the zone:", "you still have these two in your zone:"
    r"\byou\s+(?:also\s+|still\s+|already\s+)?have\s+(?:this|these|that|those|the\s+following|"
    r"an?|one|two|three)\b[^.\n:]{0,40}?\bin\s+(?:the|your)\s+zone\b|"
    # "On the same host you have also this TXT record:" (a record shown, before a colon)
    r"\byou\s+(?:also\s+|still\s+|already\s+)?have\s+(?:also\s+|still\s+|already\s+)?"
    r"(?:this|these|that|those)\s+(?:[\w-]+\s+){0,2}?(?:records?|entr(?:y|ies)|ones?)(?=\s*:)|"
    # "Also, the zone has a CAA record on the service name:"
    r"(?:the\s+zone|this\s+name|that\s+name|the\s+apex)\s+(?:already\s+)?(?:has|carries|holds)\s+"
    r"(?:an?|one|two|three|these|some)\s+(?:CAA|TXT|CNAME)\s+records?\b|"
    # "GlobalSign validated both names against these:" (the records used, in place)
    r"validated\s+(?:[\w-]+\s+){0,3}?against|"
    r"is\s+(?:still\s+)?(?:live|published|"
    r"in\s+place|present|set\s+to)|are\s+(?:still\s+)?(?:live|published|in\s+place|present|visible)|you\s+published|"
    r"already\s+(?:has|have|exists?|published|in\s+place|there|contains?|allows|permits|"
    r"authori[sz]es)|"
    # "re-use the TXT record that is already on the apex:"
    r"(?:is|are)\s+already\s+(?:on|at)\s+(?:the\s+|your\s+)?(?:apex|zone|domain|name|[\w-]+\.)|"
    # "Done ✅" over the records a checklist has finished (a heading alone on its line)
    rf"^[^\w\n]{{0,6}}{_DONE_WORDS}(?=[^\w\n]{{0,6}}$)|"
    # "Already OK (nothing to do):", "Already correct:" heading the records that are fine
    r"already\s+(?:ok|okay|fine|correct|good|done|valid|verified)\b(?=[^.?!]{0,40}:\s*$)|"
    r"(?:walk|check|lookup|query|scan)\s+(?:finds|found)|"
    r"(?:records?|entries|values?)\s+found(?=\s*:)|"  # "CAA records found: 0 issue "digicert.com""
    # "x.service.gov.uk has its own CAA set, and it only names Amazon:"
    r"has\s+its\s+own\s+(?:CAA\s+|TXT\s+)?(?:set|records?)|only\s+names|"
    r"(?:is|are)\s+(?:still\s+)?in\s+(?:your|the)\s+zone|"  # "…, which is still in your zone, is:"
    # "For the bare domain our resolvers return" / the record (what is there now)
    r"(?:dig|lookups?|query|queries|resolvers?)\s+(?:still\s+|now\s+)?(?:shows?|returns?|gives?)|"
    r"shows?\s+the\s+following|"
    r"returns?\s+the\s+following|what\s+(?:we|i)\s+see|is\s+what\s+(?:we|i)\s+see|"
    r"what\s+you\s+(?:have|publish)\s+(?:now|today|at\s+the\s+moment)|"  # "What you have now:"
    # "What's in DNS today:", "What is in the zone now:"
    r"what(?:'s|’s|\s+is)\s+(?:in|published\s+in|live\s+in)\s+(?:public\s+)?(?:dns|the\s+zone|your\s+zone)"
    r"\s+(?:now|today|at\s+the\s+moment|currently)|"
    r"current\s+(?:state|records?|values?|entry|entries|dns)|as\s+it\s+stands|for\s+reference|"
    r"today\s+(?:is|are)|(?:set|records?)\s+that\s+appl(?:y|ies)|"
    r"still\s+(?:carries|carry|has|have|holds?|contains?)|"
    r"looking\s+at\s+(?:public\s+)?dns|"
    # "Looking at the apex CAA set today:", "looking at your gov.uk TXT records"
    r"looking\s+at\s+(?:the|your)\s+(?:[\w.-]+\s+){0,3}?(?:zone|records?|set|entries)\b|"
    # "The CAA set on gov.uk as of this morning:", "gov.uk's CAA records today:"
    r"\bas\s+of\s+(?:today|this\s+morning|this\s+afternoon|now|right\s+now)\b|"
    r"\b(?:CAA|TXT|CNAME|DNS)\s+(?:set|records?|entries)\s+(?:today|this\s+morning|"
    r"this\s+afternoon|right\s+now)(?=\s*:)|"
    r"the\s+only\s+(?:\w+\s+)?records?\s+(?:at|on|in)\s+[^.:\n]{1,40}?\s+(?:is|are)|in\s+public\s+dns|left\s+over|leftover|still\s+there|"
    r"already\s+(?:resolves?|points?|taken|in\s+use|used)|"
    r"(?<!n't )(?<!not )(?<!never )resolves?\s+to|in\s+the\s+way|"  # (not "doesn't resolve to")
    r"(?:is|are)\s+(?:still\s+|currently\s+|correctly\s+|already\s+)?pointing\s+(?:at|to)|"
    r"still\s+points?\s+(?:at|to)|"
    r"there(?:'s|\u2019s|\s+is|\s+are)\s+still\b|sitting\s+(?:at|on)\b|"
    r"(?:i|we)\s+(?:have\s+)?noticed|published\s+(?:there|at\s+(?:the\s+)?apex)\b|"
    r"left\s+behind|(?:conflicting|offending)\s+record\s+is|"
    r"(?:is|are)\s+now\s+(?:live|published|in\s+place)|publishes|(?:is|are)\s+publishing(?![.\w-])|"
    r"\b(?:you|your\s+team|we|they)\s+(?:\w+\s+)?(?:added|created|published|put\s+in)\b|"
    r"for\s+(?:a\s+bit\s+of\s+|some\s+)?(?:context|background)|"
    r"(?:was|were)\s+(?:already\s+)?(?:added|created|published|set\s+up)\s+(?:for|by|in|last|"
    r"during|when)|(?:now|still|already)\s+(?:sees|shows|finds|returns))\b",
    re.I,
)

_NAME = r"[`\"']?([A-Za-z0-9*][A-Za-z0-9_.-]{0,252}\.[A-Za-z]{2,63}\.?)"
_DOMAIN_CUE = re.compile(
    r"\b(?:domains?|hostnames?|common\s+name|SANs?|certificates?\s+for|"
    r"(?:re)?validat(?:e|ing|ion\s+for|ion\s+of)|verify|verifying|ownership\s+of|"
    r"(?:records?|entr(?:y|ies)|changes?|CNAME|TXT|CAA)\s+(?:for|on|under|in)|renewal\s+(?:for|of)|"
    r"owner\s+is|(?:origin|apex|root)(?:[ ]\([\"'\u201c]?@[\"'\u201d]?\))?[ ](?:of|for)|"
    r"(?:^\s*|[,;:]\s?|\bso\s)for)"
    r"[ ]?(?:name)?[ ]?(?:is|:|=)?[ ]?(?:the[ ])?(?:domain[ ])?" + _NAME,
    re.I,
)
_ZONE_CUE = re.compile(
    rf"\bzone\s?(?:[:=]|\s+is\b)\s?{_NAME}|\b(?:in|to|into|from)\s+the\s+{_NAME}\s+zone\b"
    # "host names relative to x.service.gov.uk", "please append .x.service.gov.uk", "in the
    # DNS of gov.uk domain"
    rf"|\b(?:relative\s+to|append)\s+(?:the\s+)?\.?{_NAME}|\bDNS\s+(?:of|for)\s+(?:the\s+)?{_NAME}"
    # "create below records in the DNS zone of hmrc.gov.uk"
    rf"|\bzone\s+(?:of|for)\s+(?:the\s+)?(?:domain\s+)?{_NAME}"
    # "2. Zone hmrc.gov.uk (apex), for the HMRC redirect SAN:" heading its records
    rf"|^[ \t]*(?:\d{{1,2}}[.)][ \t]+)?zone[ \t]+{_NAME}",
    re.I,
)


# "Do not remove or change the existing CAA records", "leave the others alone": a negation
# about records already there, which says nothing of the records that follow.
# A refusal that is a time, of a record already there: "DON'T touch the old apex TXT yet",
# "leave the existing token alone for now"
_NOT_YET = re.compile(
    r"\b(?:old|existing|current|previous|last[ ]year's)\b[^.\n]{0,40}?\b(?:yet|for[ ]now)\b", re.I
)
_ABOUT_EXISTING = re.compile(
    r"\b(?:remove|delete|change|touch|modify|replace|alter|append(?:ed)?|merge|combine)\b"
    r"[^.\n]{0,30}?"
    r"\b(?:existing|current|other|present)\b"
    # "(alongside the GlobalSign one, please don't replace it)": the record already there
    # ("(keep the two existing ones - do not replace them)")
    r"|\b(?:alongside|next\s+to|beside|as\s+well\s+as|keep|leave|retain)\b[^.\n]{0,60}?"
    r"\b(?:don't|do\s+not)\s+"
    r"(?:replace|remove|overwrite|delete|touch|change)\s+(?:(?:any|either|all|none)\s+of\s+)?"
    r"(?:it|them|that|those|this)\b"
    # "please work from this list alone and ignore the earlier ones:"
    r"|\b(?:ignore|disregard)\s+(?:the\s+|any\s+|all\s+)?(?:earlier|previous|old|older|other|"
    r"first)\s+(?:ones?|records?|lists?|values?|messages?|emails?)\b"
    # "… merged with, any other TXT string you already publish at the apex": others, not these
    r"|\b(?:any|the|your)\s+other\s+(?:\w+\s+){0,2}?(?:strings?|records?|values?|entries)\b",
    re.I,
)
_BESIDE_EXISTING = re.compile(
    r"\b(?:alongside|next\s+to|in\s+addition\s+to|as\s+well\s+as|besides|on\s+top\s+of)\s+"
    r"(?:the\s+|your\s+|our\s+)?(?:existing|current)\b",
    re.I,
)
# "these are the records we'll be requesting", "we have asked the registry for": records on
# their way, not what is published (even beside "for reference").
_TO_REQUEST = re.compile(
    r"\b(?:we(?:'ll|\s+will|\s+are|'re)?\s+(?:be\s+)?request(?:ing)?|we(?:'ve|\s+have)\s+"
    r"(?:asked|requested)|(?:will\s+be|to\s+be)\s+requested|"
    # "For reference, what we'd be asking for:" (our reply, before we raise it)
    r"we(?:'d|\s+would|'ll|\s+will)\s+(?:be\s+)?(?:asking|ask)\s+(?:for|the\s+registry)|"
    # "For reference, this is what we're planning to send:" (our plan, not what is there)
    r"we(?:'re|\s+are)\s+(?:planning|going|about)\s+to\s+(?:send|request|ask|submit|raise)|"
    r"what\s+we(?:'ll|\s+will|'d|\s+would)\s+(?:send|submit|raise))\b",
    re.I,
)
_TO_REQUEST_WORDS = ("request", "ask", "send", "submit", "raise")
_WANTED = re.compile(
    r"\b(?:what\s+we\s+need|(?:is|are|that['’]s|what['’]s)\s+(?:needed|required)"
    # ("Sectigo is required to check CAA before issuing": a duty, no record)
    r"(?!\s+to\s+(?:check|verify|validate|confirm|look|query|perform|follow)\b)|"
    r"to\s+be\s+(?:added|created)|"
    # "The only record you need is:"
    r"(?:records?|ones?)\s+(?:you|we)\s+need\s+(?:is|are)|"
    # "That one we do need:", "this one we still need", "we do need this one:", "is still
    # needed" (after a record refused or found in place: the next one is asked for)
    r"\b(?:that|this|these|those)\s+ones?\s+we\s+(?:do\s+|still\s+|definitely\s+)?need\b|"
    r"\bwe\s+(?:do|still|definitely)\s+need\s+(?:this|that|these|those)(?:\s+ones?)?\b|"
    r"(?:is|are)\s+(?:still|definitely)\s+(?:needed|required)\b(?!\s+to\s)|"
    # "For x.service.gov.uk we need an issue property:"
    r"\bwe\s+(?:still\s+)?need\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}(?:property|record|entry)(?=\s*:)|"
    # ("Each needs its challenge record before Certainly will issue.")
    r"needs?\s+(?:its\s+own|its|their|a|an|one|two|three|four|both|these|the\s+following)\s+"
    r"(?:\w+\s+)?"
    r"(?:records?|CNAMEs?|TXTs?|CAAs?))\b",
    re.I,
)
# "The record to request from the registry is now:", "The one to add instead is:": the
# records that follow are asked for, whatever an earlier sentence refused ("so please don't
# publish it")
_TO_ASK_FOR = re.compile(
    r"\b(?:records?|cnames?|txts?|values?|entry|entries|one|ones)\s+to\s+(?:request|add|"
    r"publish|create|use|put\s+in)\b[^.:]{0,60}?\b(?:is|are)(?:\s+now|\s+instead)?\s*:\s*$"
    # "Please do not create anything at X. The record belongs at:"
    r"|\b(?:record|records|it|they|this\s+one)\s+(?:belongs?|should\s+(?:go|be))\s+"
    r"(?:at|on|in|under)\s*:\s*$",
    re.I,
)
_NO_REMOVAL = re.compile(
    r"\b(?:nothing|no[ ]+need|don't|do[ ]+not|not|none)\b[^.]{0,30}?\b(?:remov|delet)\w*", re.I
)
# "because we can't see the validation records yet": what is described is not published
_NOT_SEEN = re.compile(
    r"\b(?:can[’']?t|cannot|can\s+not|don[’']?t|do\s+not|couldn[’']?t|could\s+not)\s+"
    r"(?:yet\s+)?(?:see|find|resolve)\b"
    # "currently showing "Pending" … because the delegation record is missing"
    r"|\b(?:records?|entry|CNAME|TXT)\s+(?:is|are)\s+(?:still\s+)?(?:missing|absent|not\s+there)\b",
    re.I,
)
# "the new entry just needs to be added to the set": of a record given elsewhere
_NEW_ONE_ELSEWHERE = re.compile(
    r"\bthe[ ]+new[ ]+(?:entry|record|one|value|line)[ ]+(?:just[ ]+|only[ ]+|simply[ ]+)?"
    r"(?:needs[ ]+to[ ]+be|has[ ]+to[ ]+be|should[ ]+be|is[ ]+to[ ]+be|gets?)[ ]+added[ ]+"
    r"(?:to|alongside|next[ ]+to|beside)\b",
    re.I,
)
_SENTENCE = re.compile(r"(?<=[.!?;])\s+")
_LAST_CLAUSE = re.compile(r"[,;(]|\b(?:and|but|then)\b", re.I)
# "… only:", "… instead:", "Please disregard it and use this one instead:"
# "the API shows the same challenge", "(the same records as above)"
_SAME_AGAIN = re.compile(
    r"\b(?:shows?|returns?|lists?|has)\s+the\s+same\s+(?:challenges?|records?|values?|cnames?|"
    r"entry|entries|targets?)\b",
    re.I,
)
_POSITIVE_TURN = re.compile(
    r"^[ )]*(?:only|instead|but|rather|just|(?:please[ ]+)?use[ ]+(?:this|these|the[ ]+"
    r"(?:following|new|one|ones|value|values|record|records)))\b",
    re.I,
)


_CORRECTED = re.compile(
    r"\b(?:correct|right|new|updated|revised|proper)[ ]+(?:value|values|one|ones|records?|"
    r"target|token|details)\b(?:[^.\n]|\.(?=\w)){0,60}?\b(?:is|are)[ ]+(?:as[ ]+)?"
    r"(?:below|follows|:)",
    re.I,
)
# "… the one for their staging service, ignore it." before "the production one is:": a
# refusal of what came before, by a pronoun, in a sentence that the lead-in goes on after
_REFUSES_WHAT_CAME_BEFORE = re.compile(
    r"\b(?:ignore|disregard|scratch|forget)[ ]+(?:it|that|that[ ]+one|this[ ]+one|"
    r"the[ ]+(?:one[ ]+)?above)\W*$",
    re.I,
)
_POINTS_BELOW = re.compile(r"\b(?:below|following|underneath|next)\b", re.I)
_OTHERS_DO = re.compile(
    r"\b(?:we|our[ ](?:\w+[ ]){0,2}?team|fastly|they|the[ ]supplier)[ ](?:will|shall)[ ]"
    r"(?:(?:then|also|ourselves)[ ])?(?:create|add|publish|set[ ]up)\b[^.]{0,40}$",
    re.I,
)
# "Please leave _acme-challenge.www.gov.uk (the CNAME to X) exactly as it is": a record to
# keep, which is there now.
_KEEP = re.compile(
    # "X should remain in place for now"
    r"\b(?:should|must|can|will|is[ ]+to)[ ]+(?:remain|stay)[ ]+(?:(?:exactly|just)[ ]+)?"
    r"(?:in[ ]+place|as[ ]+(?:it|they)"
    r"[ ]+(?:is|are)|unchanged|untouched|where[ ]+(?:it|they)[ ]+(?:is|are))"
    r"(?![ ]+(?:until|once|when))\b|"
    r"\b(?:leave|keep|left)\b(?:[^.\n]|\.(?=\w)){0,160}?\b"
    r"(?:as[ ]+(?:it|they)[ ]+(?:is|are|stands?)|as[ ]+is|in[ ]+place|"
    r"where[ ]+(?:it|they)[ ]+(?:is|are)|alone|untouched|unchanged)"
    r"(?![ ]+(?:until|afterwards|after|once|when))\b|"
    # "www.dwp.gov.uk stays as a CNAME to X, exactly as it is today."
    r"\b(?:stays|remains)\b(?:[^.]|\.(?=\w)){0,100}?\bexactly\s+as\s+(?:it|they)\s+"
    r"(?:is|are)\b|"
    # "The "v=spf1 -all" TXT is nothing to do with us, please leave it.": the sentence's end
    r"\bplease[ ]+(?:leave|keep)[ ]+(?:it|them)[ ]*(?:[.!]|$)|"
    # "X - currently CNAME to Y - KEEP.": an item's verdict after a dash
    r"[-\u2013\u2014:(][ ]*(?-i:KEEP|Keep)\b"
    r"(?![ ]+(?:until|afterwards|after|once|when|for|the|it))",
    re.I,
)
# "Please keep the following record.", "Leave these two as they are:": a lead-in to records
# that stay, which are there now
_KEEP_THESE = re.compile(
    r"^[ ]*(?:(?:please|kindly|but|and|however,?)[ ]+)?(?:(?:do[ ]+)?(?:keep|leave|retain)[ ]+"
    r"(?:the[ ]+following|these|this|both|all[ ]+of[ ]+these|the[ ]+one|"
    r"the[ ]+records?[ ]+below)\b|"
    # "Please keep:", "Keep (do not touch):", "Keep (no change)" heading a list (a heading on a
    # line of its own needs no colon)
    r"(?:do[ ]+)?(?:keep|leave|retain)(?:[ ]+(?:as[ ]+(?:is|they[ ]+are)|alone|untouched|"
    r"in[ ]+place))?[ ]*(?:\([^()\n]{0,40}\))?[ ]*:?[ ]*$)",
    re.I,
)
# "For completeness this is what we see today, and these should stay as they are:" (the end of
# a lead-in: the records that follow stay)
_THESE_STAY = re.compile(
    r"\b(?:these|those|both|all[ ]+(?:of[ ]+them|three|four)|the[ ]+existing[ ]+ones?)[ ]+"
    r"(?:should|can|must|will|need[ ]+to)[ ]+(?:stay|remain)(?:[ ]+(?:as[ ]+(?:they|it)[ ]+"
    r"(?:are|is)|unchanged|untouched|in[ ]+place))?[ ]*:[ ]*$",
    re.I,
)
# "For the avoidance of doubt, the two challenge records stay as they are:", "The ACME CNAMEs
# should be left in place:", "Both of these are staying put:", "they aren't going anywhere:":
# a lead-in whose clause ends saying the records that follow stay, whatever its subject.
# A bare "remain" or "left" is no keep ("Two records remain:", "The ones that are left:" are
# still to do), and a time ("stay until it is issued:") ends no lead-in here.
_LEAD_IN_ENDS_STAYING = re.compile(
    r"(?:\b(?:stay|stays|staying|be[ ]+kept|are[ ]+kept|is[ ]+kept)(?:[ ]+put)?"
    r"|\b(?:stay|stays|staying|remain|remains|remaining|left|kept)[ ]+"
    r"(?:(?:exactly|just)[ ]+)?(?:as[ ]+(?:they|it)[ ]+(?:are|is|stands?)|as[ ]+is|"
    r"in[ ]+place|where[ ]+(?:they|it)[ ]+(?:are|is)|alone|untouched|unchanged|live)"
    r"|\b(?:are|is)(?:n['\u2019]t|[ ]+not)[ ]+going[ ]+anywhere)"
    r"(?:[ ]+(?:too|as[ ]+well|then))?[ ]*[.!]?[ ]*:[ ]*$",
    re.I,
)
# the subject of a "… stay as they are:" that is no set of records below: the one just named,
# or its fields
_NOT_RECORDS_STAYING = re.compile(
    r"^[ ]*(?:it|that)\b(?![ ]+(?:one|records?|cnames?|txt))|"
    r"\b(?:names?|types?|ttls?|values?|targets?|contents?|data)\b",
    re.I,
)
# "They're nothing to do with the Fastly certificate", "Those are unrelated to this renewal",
# "these aren't part of our order": records of another party's (a supplier's own AWS
# validation records), shown beside the vendor's request and asked of no one here
_NOT_FOR_THIS_ORDER = re.compile(
    r"\b(?:nothing[ ]to[ ]do|unrelated|not[ ]related|not[ ]part|aren['\u2019]?t[ ]part|"
    r"are[ ]not[ ]part|not[ ]connected|no[ ]part)[ ](?:to|with|of)[ ](?:the|this|our|your)[ ]"
    r"(?:[\w-]+[ ]){0,2}?(?:certificate|cert|ticket|renewal|order|request)s?\b",
    re.I,
)
# "These are nothing to do with Fastly:" leading in a department's own records (beside the
# vendor's mail it answers)
_NOT_FASTLYS = re.compile(
    r"\b(?:nothing[ ]to[ ]do[ ]with|unrelated[ ]to|not[ ]related[ ]to)[ ]Fastly\b"
    r"(?![ ]*['\u2019]s)",
    re.I,
)


def not_for_this_order(text: str) -> bool:
    """Does the text say the records it speaks of are not this certificate's ("They're
    nothing to do with the Fastly certificate")?"""
    low = text.lower()
    if "nothing" not in low and "relat" not in low and "part" not in low and "connect" not in low:
        return False  # the common case, cheaply
    return bool(_NOT_FOR_THIS_ORDER.search(text))


def these_not_for_this_order(sentence: str) -> bool:
    """Does the sentence say of the records just shown that they are not this certificate's
    ("They're nothing to do with the Fastly certificate", "Those are unrelated to this
    renewal")? Never of something else it names ("On the Notify request: that's not something
    we can action, as it's not part of your Fastly certificate")."""
    return bool(_THEY_ARE.match(sentence)) and not_for_this_order(sentence)


# the records just shown, as the subject a sentence starts with
_THEY_ARE = re.compile(
    r"^[ \t]*(?:they|these|those|both|both[ ]of[ ]them|these[ ]two|those[ ]two|the[ ]two|"
    r"this[ ]one|that[ ]one|it)(?:['\u2019](?:re|s)|[ ]+(?:are|is|have|has))?[ ]",
    re.I,
)


# An example's lead-in: its record shows a shape, it is no request (and no value to flag)
_ILLUSTRATES = re.compile(
    r"\b(?:just[ ]to[ ]illustrate|to[ ]illustrate[ ]the|made-up[ ](?:host[ ]?name|name|domain|"
    r"example)|purely[ ]illustrative|for[ ]illustration(?:[ ]only)?)\b",
    re.I,
)
# A lead-in that ends by saying an example follows
_FOR_EXAMPLE = re.compile(r"\b(?:for[ ]example|for[ ]instance|an[ ]example)[ ]*[:,]?[ ]*$", re.I)
# "For example, a certificate for www.example.gov.uk would use:", "e.g. for www.x.gov.uk you
# would add:": what a record would be for some host, said to show the shape (a help box's)
_WOULD_BE_FOR_EXAMPLE = re.compile(
    r"\b(?:for\s+example|for\s+instance|e\.g\.)[\s,:]*(?:[^.:!?\n]|\.(?=\w)){0,160}?"
    r"\b(?:would|might|could)\s+(?:use|look|be|need|have|add|create|publish|read|contain|"
    r"show|get)\b[^.:!?\n]{0,40}:?\s*$",
    re.I,
)
_EXAMPLE_ONLY = re.compile(
    r"\b(?:only|just|purely|merely)[ ]+an?[ ]+(?:example|illustration|sample)\b|"
    r"\b(?:example|sample)[ ]+only\b",
    re.I,
)
_BACKOUT = re.compile(r"\b(?:back[ -]?out|roll[ -]?back|revert(?:ing)?)\b", re.I)


# "Old record, in the dwp.gov.uk zone:", "Current value:", "Existing records (leave these):"
# - a lead-in naming what is there, asking nothing itself
_OLD_LEAD = re.compile(
    r"^[ \t*_>-]{0,6}(?:the[ \t]+)?(?:old|current|existing|previous|present)[ \t]+"
    r"(?:records?|values?|entry|entries|one|ones|CNAMEs?|TXTs?|state)\b"
    r"(?![^:\n]{0,80}\b(?:add|create|publish|remove|delete|replace|update|change)\b)"
    r"[^:\n]{0,80}:[ \t*_]*$",
    re.I,
)


_KEEP_TOUCH = re.compile(
    r"\b(?:do[ \t]+not|don['\u2019]?t|never)[ \t]+touch[ \t]+(?:the|that|this)[ \t]+"
    r"(?:[\w-]+[ \t]+){0,3}?(?:records?|entry|value)[ \t]+(?:that|which)[ \t]+(?:is|are)[ \t]+"
    r"(?:currently|already|now)\b|"
    # "please DON'T touch these two, they're live and in use:" (records there now, to keep)
    r"\b(?:do[ \t]+not|don['\u2019]?t|never)[ \t]+touch[ \t]+(?:these|those|the[ \t]+following)"
    r"(?:[ \t]+(?:two|three|four|ones|records|CNAMEs|TXTs))?[ \t]*[,;(-][ \t]*(?:as[ \t]+)?"
    r"(?:they|both)(?:['\u2019]re|[ \t]+are)[ \t]+(?:still[ \t]+)?(?:live|in[ \t]+use|needed|"
    r"in[ \t]+place|active)\b",
    re.I,
)

# "I've added this to our zone this morning:", "We have published these in the DNS now:" -
# the writer saying what they have published (a CC, us): what follows is live, asked of no one
_WE_PUBLISHED = re.compile(
    r"\b(?:i|we)(?:['’]ve|[ \t]+have)?[ \t]+(?:now[ \t]+|just[ \t]+|already[ \t]+)?"
    r"(?:added|published|created|put)[ \t]+(?:this|these|that|it|them|the[ \t]+(?:\w+[ \t]+)?"
    r"records?|the[ \t]+\w+)[ \t]+(?:to|in|into|on)[ \t]+(?:our|the)[ \t]+(?:zone|dns)\b"
    r"[^:\n]{0,60}:[ \t]*$",
    re.I,
)


# "both of the new records have validated:", "These are verified now:" - a lead-in to records
# that are in place (never "have not validated yet:": no word may stand between)
_VALIDATED_LEAD = re.compile(
    r"\b(?:ha(?:ve|s)|are|is)[ \t]+(?:(?:now|all|both|already)[ \t]+)?(?:been[ \t]+)?"
    r"(?:successfully[ \t]+)?(?:validated|verified)\b[^:\n]{0,40}:[ \t]*$",
    re.I,
)


# "X (CNAME to Y) has validated", "is now verified", "validated fine", "passed validation": the
# record did its job, so it is in place (never "hasn't validated", "not yet verified")
_HAS_VALIDATED = re.compile(
    r"\b(?:(?:has|have)[ \t]+(?:now[ \t]+|already[ \t]+|successfully[ \t]+){0,2}(?:been[ \t]+)?|"
    r"(?:is|are)[ \t]+(?:now[ \t]+|already[ \t]+){0,2})(?:successfully[ \t]+)?"
    r"(?:validated|verified)\b|"
    r"\b(?:validated|verified)[ \t]+(?:fine|ok|okay|successfully|straight[ \t]+away)\b|"
    r"\bpassed[ \t]+(?:DCV|domain[ \t]+)?validation\b",
    re.I,
)
# "once X has validated", "if it is verified": a condition, nothing done yet
_CONDITION_WORD = re.compile(
    r"\b(?:once|when|after|until|till|as[ \t]+soon[ \t]+as|if|before|whether|unless)\b", re.I
)
# "Thanks for adding the challenge record": the verb of what was done, no request
_THANKS_FOR = re.compile(r"\bthanks?(?:[ \t]+you)?(?:[ \t]+again)?[ \t]+for[ \t]+\w+ing\b", re.I)


def has_validated(sentence: str) -> bool:
    """Does the sentence say its record has validated (done, so published), asking nothing
    else ("Thanks for adding the challenge record - X (CNAME to Y) has validated")?"""
    done = _HAS_VALIDATED.search(sentence)
    if done is None or _CONDITION_WORD.search(sentence, 0, done.start()):
        return False
    return action_cue(_THANKS_FOR.sub(" ", sentence)) is None


def mode_of(text: str, lead_in: bool = True) -> Mode | None:
    """How the records this line introduces are meant, when it says.

    A negation ("do not add", "ignore") wins; then any request verb makes a request; a
    description of what is published ("we currently see", "dig returns") without a request
    verb makes the records observed facts.
    """
    if len(text) <= _REMEMBERED:  # asked of the same line by several readers: remembered
        return _mode_of(text, lead_in)
    return _mode(text, lead_in)


_REMEMBERED = 2000


@functools.lru_cache(maxsize=2048)
def _mode_of(text: str, lead_in: bool) -> Mode | None:
    return _mode(text, lead_in)


_REASON = re.compile(r"[,;]?[ \t]+because\b", re.I)
# "A CAA record allowing GlobalSign", "a TXT record on the hostname itself": a record described
# by what it is to do, the way a list of requirements names one
_A_RECORD_WANTED = re.compile(
    r"^\W{0,4}(?:\d{1,2}[.)][ \t]+)?an?[ \t]+(?:new[ \t]+)?(?:CAA|TXT|CNAME)[ \t]+record[ \t]+"
    r"(?:allowing|permitting|authori[sz]ing|for|on|at|that|which|to)\b",
    re.I,
)


def forget_modes() -> None:
    _mode_of.cache_clear()
    _described.cache_clear()


def _mode(text: str, lead_in: bool) -> Mode | None:
    low = text.lower()
    reason = _REASON.search(text) if lead_in and "because" in low else None
    if reason and _A_RECORD_WANTED.search(text[: reason.start()]):
        # "2. A CAA record allowing GlobalSign, because the name currently has a CAA set that
        # only lists Let's Encrypt:": the record that follows is the one wanted; what the
        # reason says is there is another
        return _mode(text[: reason.start()], lead_in)
    if ("back" in low or "revert" in low) and _BACKOUT.search(text):
        return "aside"  # "Backout plan: …", "to roll back, re-add the old record:"
    if "will" in low and lead_in and _OTHERS_DO.search(text):
        return "aside"  # "so our platform team will create" the record below: not ours to do
    if (
        lead_in
        and text.rstrip().endswith(":")
        and (
            not_for_this_order(_SENTENCE.split(text)[-1])
            or ("Fastly" in text and _NOT_FASTLYS.search(_SENTENCE.split(text)[-1]))
        )
        and action_cue(text) is None
    ):
        return "noted"  # "Kainos also sent these, but they are nothing to do with the Fastly
        # certificate:" - another party's records, shown (never "They're nothing to do with
        # the certificate.", which speaks of the records above it)
    if lead_in and ("illustrat" in low or "made-up" in low) and _ILLUSTRATES.search(text):
        return "noted"  # "Just to illustrate the shape (a made-up hostname) … something like:"
    if lead_in and ("example" in low or "instance" in low) and _FOR_EXAMPLE.search(text):
        return "noted"  # "(Legacy certificates used a TXT on the zone origin, for example:"
    if (
        lead_in
        and ("example" in low or "instance" in low or "e.g." in low)
        and (_WOULD_BE_FOR_EXAMPLE.search(text))
    ):
        return "noted"  # "For example, a certificate for www.example.gov.uk would use:"
    if ("example" in low or "sample" in low) and _EXAMPLE_ONLY.search(text):
        return "noted"  # "this is only an example of the format", "; EXAMPLE ONLY - do not add"
    if lead_in and "touch" in low and _KEEP_TOUCH.search(text):
        return "observed"  # "Please do NOT touch the TXT record that is currently on the apex:"
    if lead_in and _OLD_LEAD.match(text):
        return "observed"  # "Old record, in the dwp.gov.uk zone:" - what is there now
    if lead_in and ("zone" in low or "dns" in low) and _WE_PUBLISHED.search(text):
        return "observed"  # "I've added this to our zone this morning:"
    done = ("validated" in low or "verified" in low) and _VALIDATED_LEAD.search(text)
    if lead_in and done and not _WANTED.search(done.group()):
        return "observed"  # "Thanks - both of the new records have validated:" (done; never
        # "The apex is validated; we do need this one though:")
    wanted = lead_in and ("need" in low or "requir" in low or "to be " in low)
    existing = "existing" in low or "current" in low  # words a few patterns need, cheaply
    if lead_in and "new" in low and _NEW_ONE_ELSEWHERE.search(text) and _describes(text):
        return "observed"  # "For reference, the CAA set we can see today. All three can stay
        # as they are - the new entry just needs to be added to the set:" (the set shown)
    sentences = _SENTENCE.split(text)
    if (
        wanted
        and _WANTED.search(text)
        and not _NEGATED.search(text)
        and not (lead_in and len(sentences) > 1 and keeps_these(sentences[-1]))
    ):
        return "request"  # "What we need:", "the following is required:" (not "The CAA line
        # is needed because … For completeness this is what we see today, and these should
        # stay as they are:", whose last sentence speaks for the records that follow)
    for sentence in reversed(sentences):  # the words nearest the records count
        if pronoun_question(sentence):
            continue  # "… from the 2023 GlobalSign order. Bin it?": a question, not a request
        if " if " in f" {sentence.lower()}" and _IF_WE_DID.search(sentence):
            return "noted"  # "if we add 0 issue "certainly.com" on its own it would lock out
            # Let's Encrypt": what doing it would do, weighed, asked of no one
        if "wonder" in sentence.lower() and _WONDERING.search(sentence):
            return "noted"  # "I was wondering whether we should also put X CAA 0 issue … in
            # now … Thoughts?": a colleague thinking aloud, shown, asked of no one (never "I was
            # wondering if you could add the CNAME below", a polite request)
        last = _LAST_CLAUSE.split(sentence)[-1]
        if (
            lead_in
            and sentence is not sentences[-1]
            and _REFUSES_WHAT_CAME_BEFORE.search(sentence)
            and not _POINTS_BELOW.search(sentence)
        ):
            break  # "… ignore it. the production one is:" refuses the record above, not these
        if wanted and _WANTED.search(sentence) and not _NEGATED.search(sentence):
            return "request"  # "ignore that TXT record. What we need instead is a CNAME:"
        if wanted and _WANTED.search(last) and not _NEGATED.search(last):
            return "request"  # "Please do not add letsencrypt.org; the record that's needed is:"
        asks_for = " to " in sentence or "belong" in sentence or "should" in sentence
        if lead_in and asks_for and _TO_ASK_FOR.search(sentence):
            return "request"  # "… so please don't publish it. The record to request is now:"
        if lead_in and _CORRECTED.search(sentence) and not _NEGATED.search(sentence):
            return "request"  # "Pls IGNORE point b. … The correct value for gov.uk is as below:"
        if lead_in and _POSITIVE_TURN.match(last):
            return "request"  # "please do not add the TXT, only:" - what follows is wanted
        # "ignore the record from my first message and add this instead:" - the last clause
        # of a lead-in speaks for the records that follow it.
        for part in [last, sentence] if lead_in else [sentence]:
            negated = is_negated(part)
            if negated and (_ABOUT_EXISTING.search(part) or _ABOUT_EXISTING.search(sentence)):
                rest = _ABOUT_EXISTING.sub(" ", sentence)
                if _asks_to_add(rest) and not is_negated(rest):
                    return "request"  # "Please add an additional CAA record (keep the two
                    # existing ones - do not replace them):" asks; the aside is of others
                break  # "do not remove the existing CAA records": about others, not these
            if negated and _NO_REMOVAL.search(part) and _asks_to_add(sentence.replace(part, " ")):
                return "request"  # "… to be added alongside the existing ones (nothing needs
                # removing)?": what is denied is a removal, what is asked an add
            denied = _NO_REMOVAL.search(part) if negated and part is sentence else None
            rest = f"{part[: denied.start()]} {part[denied.end() :]}" if denied else ""
            if denied and not is_negated(rest) and _asks_to_add(rest):
                return "request"  # "Please ADD one more CAA record as below (kindly do not
                # remove the globalsign.com one, …):" - the same, within the one clause
            if denied and not is_negated(rest) and says_to_keep(rest):
                break  # "Nothing needs to be removed, and the existing entries can stay exactly
                # as they are:" - of what is there: the sentence before says what these are
            if negated and _NOT_YET.search(part):
                return "observed"  # "DON'T touch the old apex TXT yet:" - published, kept for now
            if negated and not lead_in and says_to_keep(part) and action_cue(part) is None:
                return "observed"  # "Nothing changes for www.gov.uk itself - keep www.gov.uk
                # CNAME X exactly as it is": the record kept is published, not refused
            if negated:
                return "negated"
            if not lead_in and has_validated(part):
                return "observed"  # "X (CNAME to Y) has validated and the certificate is being
                # issued now": in place and done with (thanks for adding it are no request)
            if action_cue(part) is not None:
                return "request"
            if part is last and action_cue(sentence) is not None:
                continue  # "please add these (keep the existing ones):" asks; the aside does not
            if existing and _BESIDE_EXISTING.search(part):
                return "request"  # "added alongside your existing CAA records:" asks for more
            if any(w in low for w in _TO_REQUEST_WORDS) and _TO_REQUEST.search(part):
                return "request"  # "the records we'll be requesting": not published yet
            if lead_in and _SAME_AGAIN.search(part):
                return "noted"  # "For reference, the API shows the same challenge:" - the
                # request again, as the vendor's own system shows it: nothing new, nothing live
            if _describes(part) and not _ABOUT_EXISTING.search(part) and not _NOT_SEEN.search(part):
                return "observed"  # (not "a record of its own, not appended to the existing")
            if not lead_in and says_to_keep(part):
                return "observed"  # "please leave X exactly as it is"
            if not lead_in and kept_until(part):
                return "observed"  # "The GlobalSign TXT on x ("…") has to stay until the new
                # certificate is issued": published, and staying for now (never an add)
            if lead_in and keeps_these(part):
                return "observed"  # "Please keep the following record. … :"
    return None


_IF_WE_DID = re.compile(
    r"\bif[ \t]+(?:we|i)[ \t]+(?:were[ \t]+to[ \t]+|just[ \t]+|only[ \t]+)?"
    r"(?:add|put|create|publish|introduce|remove|delete|drop)\b[^;!?\n]{0,200}?"
    r"\b(?:it|that|this|they|which)[ \t]+(?:would|will|could|might)\b",
    re.I,
)
_WONDERING = re.compile(
    r"\bwonder(?:ing)?[ \t]+(?:whether|if)[ \t]+(?:we|i)[ \t]+(?:should|ought|might|need)\b|"
    r"\bwonder(?:ing)?[ \t]+whether[ \t]+(?:or[ \t]+not[ \t]+)?to\b",
    re.I,
)
# "Bin it?", "Delete that one too?", "Remove them now?": a yes/no question of a verb and a pronoun
_PRONOUN_QUESTION = re.compile(
    r"^[ \t]*(?:bin|delete|remove|drop|scrap|ditch|add|create|replace|keep|leave)[ \t]+"
    r"(?:it|that|this|them|those|these)(?:[ \t]+(?:one|ones|too|also|now|as[ \t]+well)){0,2}"
    r"[ \t]*\?[ \t]*$",
    re.I,
)


def wanted(text: str) -> bool:
    """Does the text say what is needed ("what's needed is", "the record that's needed")?"""
    return bool(_WANTED.search(text)) and not _NEGATED.search(text)


def pronoun_question(sentence: str) -> bool:
    """Is the sentence a yes/no question of a verb and a pronoun ("Bin it?"): it proposes,
    it asks for nothing?"""
    return "?" in sentence and bool(_PRONOUN_QUESTION.match(sentence))


def _asks_to_add(text: str) -> bool:
    return action_cue(text) == "add" or bool(_BESIDE_EXISTING.search(text) or _WANTED.search(text))


def _describes(text: str) -> bool:
    """Does the text describe what is published ("it is live"), not say when something is to
    happen ("reply here once it is live")? (Remembered for short texts: the same sentence is
    asked about by several readers.)"""
    return _described(text) if len(text) <= _REMEMBERED else _describes_now(text)


@functools.lru_cache(maxsize=2048)
def _described(text: str) -> bool:
    return _describes_now(text)


def _describes_now(text: str) -> bool:
    return any(
        not _CONDITION_BEFORE.search(text[max(0, m.start() - 30) : m.start()])
        for m in _DESCRIBES.finditer(text)
    )


# "once it is live", "when the record is in place", "as soon as they are published"
_CONDITION_BEFORE = re.compile(
    r"\b(?:once|when|after|until|till|as[ ]soon[ ]as|if|before|whether)[ ](?:[\w'-]+[ ]){0,3}$",
    re.I,
)


def not_seen(text: str) -> bool:
    """Does the text say a record is not there ("… because the delegation record is
    missing", "we can't see it yet")?"""
    return bool(_NOT_SEEN.search(text))


def keeps_these(text: str) -> bool:
    """Does a sentence of `text` lead in to records that stay ("Please keep the following
    record.", "For the avoidance of doubt, the two challenge records stay as they are:")?"""
    low = text.lower()
    if not any(
        w in low for w in ("keep", "kept", "lea", "left", "retain", "stay", "remain", "going")
    ):
        return False
    return any(
        _KEEP_THESE.search(s) or _THESE_STAY.search(s) or _ends_saying_records_stay(s)
        for s in _SENTENCE.split(text)
    )


def _ends_saying_records_stay(sentence: str) -> bool:
    """Does a lead-in end saying the records that follow stay ("the two challenge records
    stay as they are:")? Never when "it" or "that" stays, which is the record just named ("…
    still has a CNAME pointing to x. It can stay as it is:" wrapped before its reason), nor
    when a record's fields stay ("Please overwrite the contents of that record with the new
    value. The name and type stay exactly as they are:" leads in to the new record)."""
    staying = _LEAD_IN_ENDS_STAYING.search(sentence)
    if staying is None:
        return False
    return _NOT_RECORDS_STAYING.search(sentence[: staying.start()]) is None


def says_to_keep(text: str) -> bool:
    """Does the text say to keep a record as it is ("should be left in place", "please leave
    X exactly as it is")?"""
    low = text.lower()
    kept = "leave" in low or "keep" in low or "remain" in low or "stay" in low or "left" in low
    return kept and bool(_KEEP.search(text))


def kept_until(text: str) -> bool:
    """Does the text say a record stays for a while ("has to stay until the new certificate is
    issued", "please keep X until then", "must remain in place for now")? It is there now."""
    low = text.lower()
    if not ("stay" in low or "remain" in low or "keep" in low or "leave" in low):
        return False
    return bool(_KEPT_UNTIL.search(text))


# "has to stay until", "must remain in place until", "please keep X until", "leave it for now"
_KEPT_UNTIL = re.compile(
    r"\b(?:(?:has|have|needs?|is|are)[ ]to|should|must|will|can)[ ](?:stay|remain)\b"
    r"(?:[^.;\n]|\.(?=\w)){0,40}?\b(?:until|till|for[ ]now)\b|"
    r"\b(?:please[ ])?(?:keep|leave)\b(?:[^.;\n]|\.(?=\w)){0,160}?\b(?:until|till|for[ ]now)\b",
    re.I,
)


def is_negated(text: str) -> bool:
    """Does the text refuse a record ("do not add", "ignore")? Not when it only says when:
    "please do NOT remove that yet", "don't delete it until the certificate is issued"; nor
    when it says what stays the same: "The record name doesn't change:"."""
    m = _NEGATED.search(text)
    if m is None or ONLY_WHEN.match(text, m.end()):
        return False
    said = m.group().lower()
    return not (said.startswith("does") and said.endswith("change") and _STAYS.match(text, m.end()))


# After "doesn't change": no object, so a statement that something stays as it is
_STAYS = re.compile(r"[ \t]*(?:[:.,;)]|$|and\b|either\b|from\b)", re.I)


# "For gov.uk:", "In staging.publishing.service.gov.uk:", "### www.gov.uk", or the name alone
# on its line: the domain the records under it are relative to.
_HEADING = re.compile(
    r"^[ ]*(?:#{1,6}[ ]+)?(?:(?:for|on|under|in|domain|hostname)[ ]+(?:the[ ]+)?(?:domain[ ]+)?)?"
    + _NAME
    + r"[ ]?:?[ ]*$"
    # "1. For gov.uk (zone apex)": a numbered item's heading, a remark after its name
    + r"|^[ ]*\(?\d{1,2}[.)][ ]+(?:for|on|under|domain|hostname)[ ]+(?:the[ ]+)?(?:domain[ ]+)?"
    + _NAME
    + r"[ ]?(?:\([^()\n]{0,40}\))?[ ]?:?[ ]*$",
    re.I,
)
# "(@, i.e. example.gov.uk itself)", "host @ means example.gov.uk"
_AT_MEANS = re.compile(r"@[ ,]{0,3}(?:i\.e\.|ie|means|=|is)[ ]{0,3}" + _NAME, re.I)
# A sentence that points back at records just shown ("That TXT record should be removed").
_BACK_REFERENCE = re.compile(
    r"\b(?:that|this|these|those|it|them|the\s+above|above|the\s+old|the\s+existing|"
    r"the\s+(?:txt|cname|caa)\s+records?|both|"
    # "delete the two records you added in the first step"
    r"the\s+(?:two\s+|three\s+)?(?:records?|ones?|values?|entries)\s+(?:you|we)(?:'ve|\s+have)?"
    r"\s+(?:just\s+)?(?:added|created|published))\b"
    # "Last year's record, which we can still see, / RECORD / can be removed, but only once …":
    # the sentence the record stood in goes on below it, its subject the record
    r"|^\W{0,3}(?:can|could|should|must|may)\s+(?:now\s+|then\s+|safely\s+)?be\s+"
    r"(?:removed|deleted|dropped)\b",
    re.I,
)
# A line that introduces the record's name or its value on the next line ("under the name:").
_NAME_INTRO = re.compile(
    r"\b(?:under\s+the\s+name|(?:host|record|the)\s+name(?:\s+is|\s+should\s+be)?|named|"
    r"called|hostname|host)\s*:?[ ]*$",
    re.I,
)
_VALUE_INTRO = re.compile(
    r"\b(?:value|values|target|points?\s+to|pointing\s+(?:to|at)|content|data|token)\s*:?[ ]*$"
    # "The correct target for _acme-challenge.gov.uk is:"
    r"|\b(?:value|target|token)\b(?:[^.:\n]|\.(?=\S)){0,80}?"
    r"\b(?:is|should\s+be|will\s+be)[ ]?:[ ]*$"
    # "The value should now read" (the value on the next line, no colon)
    r"|\b(?:value|target|token)\s+(?:should\s+now|should|must\s+now|now)\s+(?:read|be)[ ]?:?[ ]*$"
    # "Could you repoint it to:", "please change that one to:"
    r"|\b(?:re-?point|change|update|switch|set)\s+(?:it|this|that|this\s+one|that\s+one)\s+to"
    r"[ ]?:[ ]*$"
    # "Could you please change the CNAME so that it points to the new one instead:"
    r"|\b(?:to|at|with)\s+the\s+(?:new|correct|right|updated)\s+(?:one|value|target|token)"
    r"(?:\s+instead)?[ ]?:[ ]*$"
    # "that value no longer matches. Please replace it with:"
    r"|\breplace\s+(?:it|this|that|this\s+one|that\s+one|the\s+old\s+value)\s+with[ ]?:?[ ]*$"
    # "Please change that CNAME to" (the new target on the next line)
    r"|\b(?:re-?point|change|update|switch|set)\s+(?:that|this|the)\s+(?:old\s+)?"
    r"(?:TXT|CNAME|CAA|record|entry)(?:\s+record)?\s+to[ ]?:?[ ]*$"
    # "but the value we need is" (no colon, the value below it)
    r"|\b(?:value|target)\s+(?:that\s+)?(?:we|you|it)\s+(?:need|needs|want|require)\s+is[ ]*$"
    # "please change that record so that it reads" (the new data on the next line)
    r"|\bso\s+(?:that\s+)?it\s+(?:reads|says|contains|holds|points\s+(?:to|at))[ ]?:?[ ]*$"
    # "Could you add this TXT record at the apex of gov.uk for me?", "Please publish the
    # following TXT at gov.uk." (a request for the record whose value stands below it)
    r"|\b(?:add|create|publish|put\s+in|set\s+up)\s+(?:this|the\s+following|the\s+below)\s+"
    r"(?:(?:TXT|CNAME|CAA|DNS|verification|validation)\s+)?(?:record|entry|token|value)?"
    r"\b[^:\n]{0,80}?[.?!]?[ ]*$",
    re.I,
)


# "origin-legacy.publishing.service.gov.uk was decommissioned ... Its _acme-challenge TXT":
# a domain as the subject of a sentence that starts the line.
_SUBJECT = re.compile(
    r"^(?:\d+[.)][ ]+)?" + _NAME + r"[ ]+(?:was|is|has|had|will|no[ ]+longer|needs?)\b"
)


_SUBJECT_LINE = re.compile(r"^subject:", re.I)
_NAMES = re.compile(
    r"(?<![\w.@-])([A-Za-z0-9][A-Za-z0-9-]{0,62}(?:\.[A-Za-z0-9-]{1,63}){1,10})(?![\w@-])"
)


def domains_named(line: str) -> list[str]:
    """Domains the line says are being validated ("certificate for www.gov.uk", "For gov.uk:",
    a subject that names one domain)."""
    line = line.strip()
    if _SUBJECT_LINE.match(line):
        named = {n.lower().rstrip(".") for n in _NAMES.findall(line[:400]) if "." in n}
        named = {n for n in named if not n.replace(".", "").isdigit()}
        return [named.pop()] if len(named) == 1 else []
    heading = _HEADING.match(line) or _SUBJECT.match(line)
    if heading:
        return [next(name for name in heading.groups() if name)]
    at = _AT_MEANS.search(line)
    if at:
        return [at.group(1)]
    return [m.group(1) for m in _DOMAIN_CUE.finditer(line)]


# Boilerplate that speaks of "it" without meaning a record: mail disclaimers, signatures.
_BOILERPLATE = re.compile(
    r"\b(?:in\s+error|intended\s+recipient|confidential|disclaimer|privileged|"
    r"unsubscribe|this\s+(?:e-?mail|message)\s+(?:and|is|may))\b",
    re.I,
)


_PLURAL_REFERENCE = re.compile(
    r"\b(?:both|these|those|them|all\s+(?:of\s+)?(?:the|these|those)|the\s+(?:txt|cname|caa)\s+records|"
    r"(?:two|three|four)\s+(?:txt|cname|caa)?\s*records)\b",
    re.I,
)


def refers_to_all(clause: str) -> bool:
    """A plural back-reference ("both", "these TXT records") means every record shown so far."""
    return bool(_PLURAL_REFERENCE.search(clause))


_COUNTED = re.compile(
    r"\b(?:(both)|(?:all[ ]+|these[ ]+|those[ ]+|the[ ]+)(two|three|four))\b", re.I
)


def counted(clause: str) -> int | None:
    """How many records a plural back-reference counts ("both": 2, "all three": 3)."""
    m = _COUNTED.search(clause)
    if m is None:
        return None
    return 2 if m.group(1) else {"two": 2, "three": 3, "four": 4}[m.group(2).lower()]


_REPLACEMENT = re.compile(
    r"\b(?:replace|change|swap)\s+(?:the\s+value\s+|the\s+target\s+)?(\S{6,255})\s+"
    r"(?:with|for|by|to)\s+(\S{6,255})",
    re.I,
)
_FROM_TO = re.compile(r"\bfrom\s+(\S{6,255})\s+to\s+(\S{6,255})", re.I)


def replacement(sentence: str) -> tuple[str, str] | None:
    """(old, new) from "replace OLD with NEW" / "change it from OLD to NEW" (CAA data, which
    has spaces, as a whole: "replace 0 issue "globalsign.com" with 0 issue "certainly.com")."""
    m = (
        _CAA_REPLACEMENT.search(sentence)
        or _REPLACEMENT.search(sentence)
        or _FROM_TO.search(sentence)
    )
    return (" ".join(m.group(1).split()), " ".join(m.group(2).split())) if m else None


_CAA = r"(\d{1,3}[ \t\n]+(?:issue|issuewild|iodef)[ \t\n]+\"[^\"\n]{1,100}\")"
_CAA_REPLACEMENT = re.compile(rf"\breplace[ \t\n]+{_CAA}[ \t\n]+with[ \t\n]+{_CAA}", re.I)


def refers_back(sentence: str) -> bool:
    # ("we'll detach and delete that upload": a certificate, no record)
    said = _NOT_A_RECORD.sub(" ", sentence) if "th" in sentence else sentence
    if _BOILERPLATE.search(said):
        return False
    # "Please delete the first one (q5qan2...)": one of the records just shown, by its place
    # (asked to go; "The first one is the token from last year" only says which is which)
    placed = _NTH_BACK.search(said) is not None and action_cue(said) == "delete"
    return placed or bool(_BACK_REFERENCE.search(said))


_NTH_BACK = re.compile(
    r"\bthe\s+(?:first|second|third|fourth|last)\s+(?:one|entry|line|of\s+the\s+(?:two|three|four))\b",
    re.I,
)


# "delete that upload", "revoke the old certificate": things a sentence may delete that are
# no DNS record
_NOT_A_RECORD = re.compile(
    r"\b(?:delete|remove|detach|revoke|cancel)\s+(?:that|this|these|those|the\s+old|the\s+existing)\s+"
    r"(?:uploads?|certificates?|certs?|"
    r"subscriptions?|orders?|csrs?|keys?|files?|tickets?|accounts?|services?|bundles?|jobs?)\b|"
    # "assets-origin is being dropped from the SAN list on this renewal": a host off a
    # certificate, no record
    r"\b(?:dropp(?:ed|ing)|remov(?:ed|ing)|taken|coming)\s+(?:off|from|out\s+of)\s+"
    r"(?:the\s+|this\s+|our\s+)?(?:SAN(?:\s+list)?|certificate|cert|order|subscription)"
    r"(?:\s+on\s+this\s+renewal)?\b",
    re.I,
)


def introduces(line: str) -> str | None:
    """ "name" or "value" when the line ends by introducing one on the next line."""
    stripped = line.rstrip()
    if _NAME_INTRO.search(stripped):
        return "name"
    if _VALUE_INTRO.search(stripped):
        return "value"
    return None


def zone_named(line: str) -> str | None:
    m = _ZONE_CUE.search(line)
    return next((g for g in m.groups() if g), None) if m else None


_CLAUSE = re.compile(r"[;,]|\b(?:and\s+then|then|but|and)\b", re.I)


def clauses(sentence: str) -> list[str]:
    return [c for c in _CLAUSE.split(sentence) if c.strip()]
